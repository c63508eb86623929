"""Word frequencies: tokens, term counts per outlet, keyness, keyword-in-context, collocations.

Every table function takes a docs table (at least ``doc_id`` and ``text``; a missing ``outlet``
column means every article is outlet ``"unknown"``) and returns a tidy pandas DataFrame in a
documented, fully sorted order.

How a word becomes a term (the same in :func:`tokenize` and every table here):

1. words are matched by :data:`analysis.text.WORD_PATTERN`: a dotted abbreviation is one word
   ("U.S.", "F.B.I.", "Ph.D."); otherwise letters or digits, internal hyphens and apostrophes
   stay inside ("NATO-Israel", "won't"); numbers are kept;
2. the typographic apostrophe ’ becomes ' ("won’t" and "won't" are one term);
3. a final possessive 's is removed: "Hamas’s" -> "Hamas", "Israel's" -> "Israel". The
   contractions of *is*/*has* look the same and lose it too ("it's" -> "it", "there's" ->
   "there"); other apostrophes stay ("won't", "O'Brien");
4. lower-cased (``lowercase=True``), lemmatised by simplemma (``lemmatize=True``), and accents
   folded by :func:`analysis.text.fold_diacritics` (``fold_diacritics=True``, "Erdoğan" ->
   "erdogan").

Counting runs in polars (Rust regex, both cores): words are extracted and counted per outlet
without a Python loop per token; the normalisation above then runs once per distinct word.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import numpy as np
import pandas as pd
import polars as pl
import re2
import simplemma
from scipy.special import xlogy
from scipy.stats import chi2
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..core.inputs import require_columns, text_column
from ..core.progress import PROGRESS_ARTICLES, is_dask, map_reduce, progress_bar, wants_progress
from ..core.text import WORD_PATTERN, WORD_PATTERN_UNICODE, WORD_RE, sentence_spans
from ..core.text import fold_diacritics as _fold

__all__ = [
    "tokenize",
    "term_counts",
    "keyness",
    "kwic",
    "collocations",
    "term_over_time",
    "user_regex",
]

Stopwords = str | Collection[str] | None

# Titles before a name: in news they measure house style ("Mr. Biden" vs "Biden"), not content.
HONORIFICS = frozenset("mr mrs ms mx dr prof sir dame madam messrs mme mlle".split())
# stopwords="news": scikit-learn's English list plus the honorifics.
NEWS_STOPWORDS = frozenset(ENGLISH_STOP_WORDS) | HONORIFICS

# A final possessive (or is/has contraction) 's, after ’ has become '.
_POSSESSIVE = r"'[sS]$"
_POSSESSIVE_RE = re.compile(_POSSESSIVE)
# A pattern that is one word or words separated by single spaces is a term, not a regex.
_TERM_RE = re.compile(rf"(?:{WORD_PATTERN})(?: (?:{WORD_PATTERN}))*")
# Term columns are pandas' default text dtype, like the docs table's.
_STR = pd.StringDtype(na_value=float("nan"))


# ------------------------------------------------------------------------------- tokens


def _normalize(token: str, *, lowercase: bool, fold: bool) -> str:
    """Steps 2-4 of the module docstring (without lemmas) for one word."""
    token = _POSSESSIVE_RE.sub("", token.replace("’", "'"))
    if lowercase:
        token = token.lower()
    if fold:
        token = _fold(token)
    return token


def tokenize(text: str, *, lowercase: bool = True, fold_diacritics: bool = False) -> list[str]:
    """The words of ``text`` in order, as terms (see the module docstring).

    Internal hyphens and apostrophes stay inside a word ("NATO-Israel", "won't"); numbers are
    kept; a final possessive 's is removed ("Hamas’s" -> "hamas", also "it's" -> "it");
    ``fold_diacritics=True`` makes "Erdoğan" and "Erdogan" one term.
    """
    out = [_normalize(w, lowercase=lowercase, fold=fold_diacritics) for w in WORD_RE.findall(text)]
    return [w for w in out if w]


@lru_cache(maxsize=8)
def _stopword_set(key: tuple[str, ...] | str) -> frozenset[str]:
    named = {"english": ENGLISH_STOP_WORDS, "news": NEWS_STOPWORDS}
    words = named.get(key, key) if isinstance(key, str) else key
    return frozenset(_normalize(w, lowercase=True, fold=False) for w in words)


def _stopwords(stopwords: Stopwords) -> frozenset[str]:
    """``None`` -> no stopwords; ``"english"`` -> scikit-learn's ENGLISH_STOP_WORDS (318 words);
    ``"news"`` -> those and the honorifics (:data:`HONORIFICS`: "mr", "mrs", "dr", ...);
    a collection -> those words (compared lower-cased)."""
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        if stopwords not in ("english", "news"):
            raise ValueError(
                f'stopwords must be None, "english", "news" or a collection, not {stopwords!r}'
            )
        return _stopword_set(stopwords)
    return _stopword_set(tuple(sorted(stopwords)))


def _vocabulary(
    raw: pl.Series, *, lowercase: bool, fold: bool, lemmatize: bool, stop: frozenset[str]
) -> pl.DataFrame:
    """Map each distinct raw word to its term and whether it is a stopword.

    Columns: ``tok`` (as in the text), ``term``, ``stop`` (bool). Runs once per distinct word,
    which is what keeps lemmas and folding cheap on big corpora.
    """
    voc = pl.DataFrame({"tok": raw.unique()}).with_columns(
        base=pl.col("tok").str.replace_all("’", "'", literal=True).str.replace(_POSSESSIVE, "")
    )
    voc = voc.with_columns(low=pl.col("base").str.to_lowercase())
    term = pl.col("low") if lowercase else pl.col("base")
    voc = voc.with_columns(term=term)
    if lemmatize:
        terms = voc["term"].to_list()
        lemmas = [simplemma.lemmatize(t, lang="en") for t in terms]
        if lowercase:  # simplemma restores capitals of proper nouns ("israel" -> "Israel")
            lemmas = [t.lower() for t in lemmas]
        voc = voc.with_columns(lemma=pl.Series(lemmas, dtype=pl.String))
    else:
        voc = voc.with_columns(lemma=pl.col("term"))
    if fold:
        voc = voc.with_columns(
            lemma=pl.Series([_fold(t) for t in voc["lemma"].to_list()], dtype=pl.String)
        )
    stop_list = pl.Series(sorted(stop), dtype=pl.String)
    # A word is a stopword when its lower-cased form or its lemma is listed ("was" and "be").
    voc = voc.with_columns(
        stop=pl.col("low").is_in(stop_list.implode())
        | pl.col("lemma").str.to_lowercase().is_in(stop_list.implode())
    )
    return voc.select("tok", pl.col("lemma").alias("term"), "stop").filter(pl.col("term") != "")


# ------------------------------------------------------------------------------- counts


def _by_columns(by: str | Sequence[str] | None) -> list[str]:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _frame(docs: pd.DataFrame, by_cols: list[str], fn: str = "term_counts") -> pl.DataFrame:
    """``docs`` as polars with ``_g`` (group number), the ``by`` columns and ``text``."""
    require_columns(docs, "text", *(c for c in by_cols if c != "outlet"), fn=fn)
    cols: dict[str, pd.Series] = {}
    for c in by_cols:
        if c in docs.columns:
            col = docs[c]
            cols[c] = col.fillna("unknown") if c == "outlet" else col
        else:
            cols[c] = pd.Series("unknown", index=docs.index, dtype=_STR)
    cols["text"] = text_column(docs, fn=fn)
    frame = pl.from_pandas(pd.DataFrame(cols, index=docs.index))
    if not by_cols:
        return frame.with_columns(_g=pl.lit(0, pl.UInt32))
    # Groups are numbered in output order (by value, missing last), so sorting the output on
    # _g sorts it by the by-columns. Counting on (small integer, word) rather than (outlet
    # string, word) is faster, and with a group's articles next to each other the counting hash
    # table stays warm in the cache.
    groups = (
        frame.select(by_cols)
        .unique()
        .sort(by_cols, nulls_last=True)
        .with_row_index("_g")
        .with_columns(pl.col("_g").cast(pl.UInt32))
    )
    g = (
        frame.select(by_cols)
        .with_row_index("_row")
        .join(groups, on=by_cols, how="left", nulls_equal=True)
        .sort("_row")["_g"]
    )
    return frame.with_columns(g).sort("_g", maintain_order=True)


def _groups(frame: pl.DataFrame, by_cols: list[str]) -> pl.DataFrame:
    """One row per group: ``_g`` and its ``by`` values."""
    return frame.select("_g", *by_cols).unique("_g")


# Text per streaming batch: small enough that a batch's words (16 bytes each) stay well under
# 100 MB, large enough to keep both cores busy.
_BATCH_BYTES = 8_000_000


def _raw_unigrams(frame: pl.DataFrame) -> pl.DataFrame:
    """Columns ``_g, tok, count``: every word as written, counted per group.

    Texts are first cut at spaces and the pieces counted ("Israel," "(AKP)." ...): cutting at
    a literal is several times cheaper than a regex, and no word contains a space, so the
    words of the distinct pieces, weighted by how often each piece occurs, are exactly the
    words of the texts. The regex then runs on ~4M distinct pieces instead of 36M words.
    This runs on polars' streaming engine in batches of articles: all cores work, and memory
    holds one batch's pieces rather than the whole corpus's (36M would take ~1 GB).
    """
    avg = max(1, int(cast(float, frame["text"].str.len_bytes().mean()) or 1))
    lazy_pieces = (
        frame.lazy()
        .select("_g", piece=pl.col("text").str.split(" "))
        .explode("piece")
        .group_by("_g", "piece")
        .agg(pl.len().alias("n"))
    )
    with pl.Config(streaming_chunk_size=max(16, _BATCH_BYTES // avg)):
        pieces = lazy_pieces.collect(engine="streaming")
    return (
        pieces.lazy()
        .select("_g", "n", tok=pl.col("piece").str.extract_all(WORD_PATTERN_UNICODE))
        .explode("tok")
        .drop_nulls("tok")
        .group_by("_g", "tok")
        .agg(pl.col("n").sum().alias("count"))
        .collect()
    )


def _token_table(
    frame: pl.DataFrame, *, lowercase: bool, fold: bool, lemmatize: bool, stop: frozenset[str]
) -> pl.DataFrame:
    """One row per word in text order: ``_g, _doc, _sent, term, stop``.

    ``_sent`` numbers sentences across the corpus (:func:`analysis.text.sentence_spans`), so
    n-grams and collocation windows can stop at sentence ends.
    """
    texts = frame["text"].to_list()
    sents = [[t[s:e] for s, e in sentence_spans(t)] for t in texts]
    words = (
        frame.select("_g")
        .with_row_index("_doc")
        .with_columns(sent=pl.Series(sents, dtype=pl.List(pl.String)))
        .explode("sent")
        .drop_nulls("sent")
        .with_row_index("_sent")
        .with_columns(tok=pl.col("sent").str.extract_all(WORD_PATTERN_UNICODE))
        .drop("sent")
        .explode("tok")
        .drop_nulls("tok")
    )
    voc = _vocabulary(words["tok"], lowercase=lowercase, fold=fold, lemmatize=lemmatize, stop=stop)
    return words.join(voc, on="tok", how="inner", maintain_order="left").drop("tok")


def _ngrams(tokens: pl.DataFrame, n: int) -> pl.DataFrame:
    """``_g, term`` for every run of ``n`` words inside one sentence that neither starts nor
    ends with a stopword (so "war in gaza" is kept, "the war" is not)."""
    same = pl.lit(True)
    parts = []
    for k in range(n):
        parts.append(pl.col("term").shift(-k))
        same = same & (pl.col("_sent").shift(-k) == pl.col("_sent"))
    last_stop = pl.col("stop").shift(-(n - 1))
    return (
        tokens.select(
            "_g",
            term=pl.concat_str(parts, separator=" "),
            keep=same & ~pl.col("stop") & ~last_stop,
        )
        .filter(pl.col("keep").fill_null(False))
        .drop("keep")
    )


def _counts(
    frame: pl.DataFrame,
    *,
    ngram: int,
    stopwords: Stopwords,
    lemmatize: bool,
    lowercase: bool = True,
    fold: bool = False,
) -> pl.DataFrame:
    """``_g, term, count`` (unsorted) for the groups of ``frame``; for words also ``_r``,
    the term's rank in sorted order."""
    if ngram not in (1, 2, 3):
        raise ValueError(f"ngram must be 1, 2 or 3, not {ngram!r}")
    stop = _stopwords(stopwords)
    if ngram == 1:
        raw = _raw_unigrams(frame)
        voc = _vocabulary(
            raw["tok"], lowercase=lowercase, fold=fold, lemmatize=lemmatize, stop=stop
        ).filter(~pl.col("stop"))
        # Number the terms in sorted order: counting on (int, int) is cheaper than on
        # (int, string), and the number is the term's rank for the final sort.
        terms = voc.select(pl.col("term").unique()).sort("term")["term"]
        voc = voc.join(pl.DataFrame({"term": terms}).with_row_index("_r"), on="term")
        counts = (
            raw.join(voc.select("tok", "_r"), on="tok", how="inner")
            .group_by("_g", "_r")
            .agg(pl.col("count").sum())
        )
        return counts.with_columns(term=terms.gather(counts["_r"]))
    tokens = _token_table(frame, lowercase=lowercase, fold=fold, lemmatize=lemmatize, stop=stop)
    return _ngrams(tokens, ngram).group_by("_g", "term").agg(pl.len().alias("count"))


def _sort(table: pl.DataFrame, key: str) -> pl.DataFrame:
    """Sort by group, then ``key`` (high first), then term.

    Terms are ranked once per distinct term, and for integer keys group, key and rank are
    packed into one 64-bit number: polars sorts 2M rows by (int, int, string) ~10x slower.
    """
    if table.is_empty():
        return table
    if "_r" not in table.columns:
        terms = table.select(pl.col("term").unique()).sort("term").with_row_index("_r")
        table = table.join(terms, on="term", how="left")
    top = int(cast(int, table[key].max())) if table.schema[key].is_integer() else -1
    g_bits, k_bits, r_bits = (
        int(cast(int, table["_g"].max())).bit_length(),
        max(top, 0).bit_length(),
        int(cast(int, table["_r"].max())).bit_length(),
    )
    if top < 0 or g_bits + k_bits + r_bits > 63:
        return table.sort(["_g", key, "_r"], descending=[False, True, False], nulls_last=True).drop(
            "_r"
        )
    packed = (
        (pl.col("_g").cast(pl.UInt64) * 2 ** (k_bits + r_bits))
        + ((top - pl.col(key)).cast(pl.UInt64) * 2**r_bits)
        + pl.col("_r").cast(pl.UInt64)
    )
    return table.sort(packed).drop("_r")


def _to_pandas(df: pl.DataFrame) -> pd.DataFrame:
    out = df.to_pandas()
    for c in out.columns:
        if df.schema[c] == pl.String:
            out[c] = out[c].astype(_STR)
    return out


def term_counts(
    docs: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "outlet",
    ngram: int = 1,
    stopwords: Stopwords = None,
    lemmatize: bool = False,
    min_count: int = 1,
    fold_diacritics: bool = False,
    progress: bool | None = None,
) -> pd.DataFrame:
    """How often each term occurs, per group of articles.

    Columns: the ``by`` columns (none when ``by=None``), ``term``, ``count`` (occurrences),
    ``share`` (count / all terms counted in the group, before the ``min_count`` cut).
    ``ngram`` 2 or 3 counts word sequences inside one sentence, joined by a space; with
    ``stopwords`` ("english" = scikit-learn's list, or your own words) a term that starts or
    ends with a stopword is not counted. Sorted by the ``by`` columns, then count (high first),
    then term. A Dask DataFrame gives the same table, counted partition by partition.

    ``progress``: a tqdm bar (``None``: only from ``analysis.scale.PROGRESS_ARTICLES`` articles,
    or ``PROGRESS_PARTS`` Dask partitions, so never on the samples). On pandas the counting is
    one polars pass over all the articles, so the bar has one step: it shows that work runs and
    how long it took; on Dask it advances per partition.
    """
    by_cols = _by_columns(by)
    if is_dask(docs):
        # Per partition the same function counts; the reduce sums the counts and recomputes
        # the shares, which min_count=1 there leaves exact (every partial count is >= 1).
        with progress_bar("term counts", progress):
            groups, counts = _dask_counts(
                docs,
                by_cols,
                ngram=ngram,
                stopwords=stopwords,
                lemmatize=lemmatize,
                fold_diacritics=fold_diacritics,
            )
        counts = counts.select("_g", "term", "count")
    else:
        bar = None
        if wants_progress(progress, len(docs), PROGRESS_ARTICLES):
            from tqdm.auto import tqdm

            bar = tqdm(total=len(docs), desc="term counts", unit="article")
        frame = _frame(docs, by_cols)
        counts = _counts(
            frame, ngram=ngram, stopwords=stopwords, lemmatize=lemmatize, fold=fold_diacritics
        )
        groups = _groups(frame, by_cols)
        if bar is not None:
            bar.update(len(docs))
            bar.close()
    counts = counts.with_columns(
        share=pl.col("count") / pl.col("count").sum().over("_g"),
        count=pl.col("count").cast(pl.Int64),
    ).filter(pl.col("count") >= min_count)
    out = (
        _sort(counts, "count")
        .join(groups, on="_g", how="left", maintain_order="left")
        .select(*by_cols, "term", "count", "share")
    )
    return _to_pandas(out)


def _partial_counts(
    part: pd.DataFrame, by_cols: list[str], **options
) -> tuple[pd.DataFrame, pl.DataFrame]:
    """One partition's share of the counting: its :func:`term_counts` table (``min_count=1``)
    and its distinct group values (groups without any term included, as keyness needs them)."""
    table = term_counts(part, by=by_cols, min_count=1, progress=False, **options)
    # Without by columns, _g (all 0) still tells whether the partition had any article.
    return table, _frame(part, by_cols).select(by_cols or ["_g"]).unique()


def _dask_counts(docs, by_cols: list[str], **options) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Counting on a Dask DataFrame: ``(groups, counts)`` as the pandas path has them, groups
    ``_g`` + by columns, numbered in output order (by value, missing last), counts ``_g``,
    the by columns, ``term``, ``count`` (summed over the partitions)."""

    def reduce(parts: list[tuple[pd.DataFrame, pl.DataFrame]]) -> tuple[pl.DataFrame, pl.DataFrame]:
        values = (
            pl.concat([g for _, g in parts if g.height], how="vertical_relaxed")
            if any(g.height for _, g in parts)
            else parts[0][1]
        )
        if by_cols:
            groups = (
                values.unique()
                .sort(by_cols, nulls_last=True)
                .with_row_index("_g")
                .with_columns(pl.col("_g").cast(pl.UInt32))
            )
        else:
            groups = pl.DataFrame({"_g": [0] * min(values.height, 1)}, schema={"_g": pl.UInt32})
        # Partial tables are summed in batches: a batch is added to the running sum once its
        # rows outnumber the sum's, so each row is re-summed only a few times (summing every
        # partition into the sum took most of the time), and memory stays bounded by about
        # twice the result (on 10^6 articles all the partial tables together outweigh the
        # result several times, so they are converted and freed one by one).
        counts, pending, pending_rows = None, [], 0
        while parts:
            table = parts.pop(0)[0]
            if len(table):
                pending.append(pl.from_pandas(table[[*by_cols, "term", "count"]]))
                pending_rows += pending[-1].height
            if pending and (
                not parts or pending_rows >= (counts.height if counts is not None else 0)
            ):
                batch = pending if counts is None else [counts, *pending]
                counts = (
                    pl.concat(batch, how="vertical_relaxed")
                    .group_by(*by_cols, "term")
                    .agg(pl.col("count").sum())
                )
                pending, pending_rows = [], 0
        if counts is None:
            schema: dict[str, Any] = {**dict(groups.schema), "term": pl.String, "count": pl.Int64}
            return groups, pl.DataFrame(schema=schema)
        counts = (
            counts.join(groups, on=by_cols, how="left", nulls_equal=True)
            if by_cols
            else counts.with_columns(_g=pl.lit(0, pl.UInt32))
        )
        return groups, counts

    return map_reduce(docs, _partial_counts, reduce, by_cols=by_cols, **options)


# ------------------------------------------------------------------------------- keyness


def log_odds_dirichlet(
    y_i: np.ndarray, n_i: float, y_j: np.ndarray, n_j: float, alpha: np.ndarray, alpha0: float
) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds ratio of each word between corpora i and j with an informative Dirichlet prior
    (Monroe, Colaresi and Quinn 2008, eq. 16 and 18-20); returns (delta, z-score).

    ``y``: word counts, ``n``: corpus sizes, ``alpha``: prior counts per word, ``alpha0``: their
    sum. With ``n_j=math.inf`` corpus j is a known distribution: pass its word probabilities as
    ``y_j``; they add no sampling variance (used for general English).
    """
    odds_i = np.log(y_i + alpha) - np.log(n_i + alpha0 - y_i - alpha)
    var = 1.0 / (y_i + alpha)
    if math.isinf(n_j):
        odds_j = np.log(y_j) - np.log1p(-y_j)
    else:
        odds_j = np.log(y_j + alpha) - np.log(n_j + alpha0 - y_j - alpha)
        var = var + 1.0 / (y_j + alpha)
    delta = odds_i - odds_j
    return delta, delta / np.sqrt(var)


def g2_dunning(
    a: np.ndarray, c: float | np.ndarray, b: np.ndarray, d: float | np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Dunning's (1993) log-likelihood G² of the 2x2 table: a word occurs ``a`` times in a
    corpus of ``c`` words and ``b`` times in one of ``d``. Returns (G², p-value, chi² 1 df).
    Every cell counts: the word's and all other words' (``c - a``, ``d - b``)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    c, d = np.asarray(c, float), np.asarray(d, float)
    n = c + d
    cells = [(a, c, a + b), (c - a, c, n - a - b), (b, d, a + b), (d - b, d, n - a - b)]
    g2 = 2.0 * sum(xlogy(o, o) - xlogy(o, row * col / n) for o, row, col in cells)
    g2 = np.maximum(g2, 0.0)  # rounding can give -1e-13 for identical rates
    return g2, chi2.sf(g2, 1)


def g2_known(y: np.ndarray, n: float, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """G² of observing ``y`` of ``n`` words when the known rate is ``p`` (a one-sample
    log-likelihood test, binomial); returns (G², p-value, chi² 1 df)."""
    y, p = np.asarray(y, float), np.asarray(p, float)
    g2 = 2.0 * (xlogy(y, y) - xlogy(y, n * p) + xlogy(n - y, n - y) - xlogy(n - y, n * (1 - p)))
    g2 = np.maximum(g2, 0.0)
    return g2, chi2.sf(g2, 1)


def _english_frequency(terms: list[str]) -> np.ndarray:
    """wordfreq's frequency of each term in general English ('best' list), floored at 1e-9 so
    words it does not know get a finite, very rare rate."""
    from wordfreq import word_frequency

    return np.array([max(word_frequency(t, "en"), 1e-9) for t in terms], dtype=float)


def keyness(
    docs: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "outlet",
    target: object = None,
    reference: str = "rest",
    method: str = "log_odds",
    ngram: int = 1,
    stopwords: Stopwords = None,
    lemmatize: bool = False,
    fold_diacritics: bool = False,
    min_count: int = 1,
) -> pd.DataFrame:
    """Which terms a group uses more (positive ``score``) or less (negative) than a reference.

    ``ngram``, ``stopwords``, ``lemmatize``, ``fold_diacritics``: as in :func:`term_counts`.
    ``target``: one group's value (a tuple when ``by`` has several columns); ``None`` = every
    group in turn. ``reference="rest"``: the other groups' articles together;
    ``reference="english"``: wordfreq's general-English frequencies (only terms the group uses).

    ``method="log_odds"``: log-odds ratio with an informative Dirichlet prior, the prior being
    the pooled counts of group and reference (Monroe et al. 2008); ``score`` is its z-score,
    ``log_odds_ratio`` the estimate. Against English the prior is 1,000 words at English rates.
    ``method="g2"``: Dunning's log-likelihood G² of the 2x2 table; ``score`` is G² signed by the
    direction of the difference, ``p_value`` from chi² with 1 df.

    Columns: ``by`` columns, ``term``, ``count``, ``ref_count`` (in the reference; against
    English the count expected at English rates), ``n``, ``ref_n`` (all terms counted),
    ``score``, then ``log_odds_ratio`` or ``g2, p_value``. Against "rest" each group gets a
    row for every term of the corpus with ``count + ref_count >= min_count`` (also the terms it
    never uses: those are its most negative scores), so with hundreds of groups pass ``target``
    or a higher ``min_count``; a group that holds every counted term (the corpus has one
    outlet) has no reference and no rows. Sorted by group, score (high first), term. On a Dask
    DataFrame the counting runs per partition (as in :func:`term_counts`), the scoring on the
    client.
    """
    if method not in ("log_odds", "g2"):
        raise ValueError(f'method must be "log_odds" or "g2", not {method!r}')
    if reference not in ("rest", "english"):
        raise ValueError(f'reference must be "rest" or "english", not {reference!r}')
    by_cols = _by_columns(by)
    if reference == "rest" and not by_cols:
        raise ValueError('reference="rest" needs groups: pass by= (e.g. "outlet")')
    options = dict(
        ngram=ngram, stopwords=stopwords, lemmatize=lemmatize, fold_diacritics=fold_diacritics
    )
    groups, counts = _keyness_counts(docs, by_cols, target, options)
    totals = counts.group_by("term").agg(pl.col("count").sum().alias("total"))
    n_all = int(counts["count"].sum())
    tables = []
    for g in groups["_g"].to_list():
        mine = counts.filter(pl.col("_g") == g).select("term", "count")
        if reference == "rest" and int(mine["count"].sum()) == n_all:
            continue  # the group is the whole corpus (one outlet): nothing to compare it with
        if reference == "rest":
            scored = _score_against_rest(mine, totals, n_all, method, min_count)
        else:
            scored = _score_against_english(mine, method, min_count)
        tables.append(_group_scores(g, scored))
    extras = ["log_odds_ratio"] if method == "log_odds" else ["g2", "p_value"]
    # No articles (an empty corpus): no groups, so no rows, but the documented columns.
    out = pl.concat(tables) if tables else _empty_scores(extras)
    if reference == "rest":
        out = out.with_columns(pl.col("ref_count").cast(pl.Int64))
    out = (
        _sort(out, "score")
        .join(groups, on="_g", how="left", maintain_order="left")
        .select(*by_cols, "term", "count", "ref_count", "n", "ref_n", "score", *extras)
    )
    return _to_pandas(out)


@dataclass
class _Scored:
    """One group's keyness before it becomes table rows: its terms (``term``, ``count``), the
    reference counts, the term totals ``n`` and ``ref_n``, and the score columns."""

    terms: pl.DataFrame
    ref_counts: np.ndarray
    n: int
    ref_n: int
    extra: dict[str, Any]


def _keyness_counts(
    docs: pd.DataFrame, by_cols: list[str], target: object, options: dict[str, Any]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``(groups to score, counts)`` for :func:`keyness`: the groups (``_g`` + by columns,
    in ``_g`` order, only ``target``'s when given) and every group's counts (``_g``, ``term``,
    ``count``). On pandas the counting waits until the target is checked, so that a bad
    target fails at once."""
    if is_dask(docs):
        all_groups, counts = _dask_counts(docs, by_cols, **options)
        counts = counts.select("_g", "term", "count")
    else:
        frame = _frame(docs, by_cols, fn="keyness")
        all_groups = _groups(frame, by_cols)
        counts = None
    groups = all_groups.sort("_g")
    if target is not None:
        values = target if isinstance(target, tuple) else (target,)
        if len(values) != len(by_cols):
            raise ValueError(f"target {target!r} does not match by={by_cols}")
        for c, v in zip(by_cols, values, strict=True):
            groups = groups.filter(pl.col(c) == v)
        if groups.is_empty():
            raise ValueError(f"no articles where {by_cols} == {target!r}")
    if counts is None:
        counts = _counts(
            frame,
            ngram=options["ngram"],
            stopwords=options["stopwords"],
            lemmatize=options["lemmatize"],
            fold=options["fold_diacritics"],
        ).drop("_r", strict=False)
    return groups, counts


def _score_against_rest(
    mine: pl.DataFrame, totals: pl.DataFrame, n_all: int, method: str, min_count: int
) -> _Scored:
    """One group's terms scored against the other groups' articles together."""
    n = int(mine["count"].sum())
    t = (
        totals.join(mine, on="term", how="left")
        .with_columns(pl.col("count").fill_null(0))
        .with_columns(ref_count=pl.col("total") - pl.col("count"))
        .filter(pl.col("total") >= min_count)
    )
    y_i, y_j = t["count"].to_numpy().astype(float), t["ref_count"].to_numpy().astype(float)
    ref_n = n_all - n
    if method == "log_odds":
        alpha = y_i + y_j  # the pooled counts are the prior, alpha0 = n + ref_n
        delta, z = log_odds_dirichlet(y_i, n, y_j, ref_n, alpha, float(n + ref_n))
        extra: dict[str, Any] = {"score": z, "log_odds_ratio": delta}
    else:
        g2, p = g2_dunning(y_i, n, y_j, ref_n)
        extra = {"score": np.sign(y_i / n - y_j / ref_n) * g2, "g2": g2, "p_value": p}
    return _Scored(t, y_j, n, ref_n, extra)


def _score_against_english(mine: pl.DataFrame, method: str, min_count: int) -> _Scored:
    """One group's terms scored against wordfreq's general-English frequencies."""
    n = int(mine["count"].sum())
    t = mine.filter(pl.col("count") >= min_count)
    y_i = t["count"].to_numpy().astype(float)
    p_en = _english_frequency(t["term"].to_list())
    ref_counts = p_en * n
    if method == "log_odds":
        alpha0 = 1000.0
        delta, z = log_odds_dirichlet(y_i, n, p_en, math.inf, alpha0 * p_en, alpha0)
        extra: dict[str, Any] = {"score": z, "log_odds_ratio": delta}
    else:
        g2, p = g2_known(y_i, n, p_en)
        extra = {"score": np.sign(y_i - ref_counts) * g2, "g2": g2, "p_value": p}
    return _Scored(t, ref_counts, n, n, extra)


def _group_scores(g: int, scored: _Scored) -> pl.DataFrame:
    """The keyness rows of group ``g``, still keyed by ``_g``."""
    t = scored.terms
    return pl.DataFrame(
        {
            "_g": pl.Series([g] * t.height, dtype=pl.UInt32),
            "term": t["term"],
            "count": t["count"].cast(pl.Int64),
            "ref_count": scored.ref_counts,
            "n": pl.Series([scored.n] * t.height, dtype=pl.Int64),
            "ref_n": pl.Series([scored.ref_n] * t.height, dtype=pl.Int64),
            **scored.extra,
        }
    )


def _empty_scores(extras: list[str]) -> pl.DataFrame:
    """The keyness rows of no group: the documented columns and dtypes."""
    return pl.DataFrame(
        schema={
            "_g": pl.UInt32,
            "term": pl.String,
            "count": pl.Int64,
            "ref_count": pl.Float64,
            "n": pl.Int64,
            "ref_n": pl.Int64,
            "score": pl.Float64,
            **dict.fromkeys(extras, pl.Float64),
        }
    )


# ------------------------------------------------------------------------------- in context


def _outlets(docs: pd.DataFrame) -> pd.Series:
    if "outlet" in docs.columns:
        return docs["outlet"].fillna("unknown").astype(_STR)
    return pd.Series("unknown", index=docs.index, dtype=_STR)


def _word_spans(text: str) -> tuple[list[int], list[int], list[str]]:
    starts, ends, words = [], [], []
    for m in WORD_RE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        words.append(m.group())
    return starts, ends, words


def _context(
    text: str, starts: list[int], ends: list[int], s: int, e: int, window: int
) -> tuple[str, str]:
    """``window`` words of context each side of ``text[s:e]``, whitespace collapsed."""
    i = bisect_right(ends, s)  # words ending at or before s: indices < i
    left_start = starts[max(0, i - window)] if i and window else s
    j = bisect_left(starts, e)  # first word starting at or after e
    right_end = ends[min(len(ends), j + window) - 1] if j < len(starts) and window else e
    return " ".join(text[left_start:s].split()), " ".join(text[e : max(e, right_end)].split())


# Lone surrogates (which UTF-8, and so RE2, cannot hold) become U+FFFD: one character for one,
# so offsets still index the original text.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


# Python's \w, \d and \s are Unicode; RE2's are ASCII. Inside a class the same sets without
# brackets; \W and \S inside a class (rare) keep RE2's ASCII meaning.
_SPACE = r"\t\n\x{b}\f\r \x{1c}-\x{1f}\x{85}\p{Z}"
_CLASS_OUTSIDE = {
    "w": r"[\pL\pN_]",
    "W": r"[^\pL\pN_]",
    "d": r"\p{Nd}",
    "D": r"\P{Nd}",
    "s": f"[{_SPACE}]",
    "S": f"[^{_SPACE}]",
}
_CLASS_INSIDE = {"w": r"\pL\pN_", "d": r"\p{Nd}", "D": r"\P{Nd}", "s": _SPACE}


def _unicode_classes(pattern: str) -> str:
    r"""``pattern`` with Python's Unicode meaning of ``\w \W \d \D \s \S`` spelled out for RE2
    ("Erdoğan" is one ``\w+``), escapes and character classes read as Python reads them."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class, class_start = False, -1
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            table = _CLASS_INSIDE if in_class else _CLASS_OUTSIDE
            out.append(table.get(nxt, ch + nxt))
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class, class_start = True, i
            if pattern.startswith("[^", i):
                out.append("[^")
                i += 2
                class_start = i - 1
                continue
        elif ch == "]" and in_class and i > class_start + 1:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


def user_regex(
    pattern: str | re.Pattern, *, ignore_case: bool = True, literal: bool = False
) -> re2._Regexp:
    """``pattern`` compiled by RE2 (google-re2), which matches in time linear in the text: a
    pattern typed by a user such as ``(a+)+$`` cannot freeze the notebook as it does Python's
    backtracking ``re``. A compiled Python pattern brings its IGNORECASE flag. ``literal``:
    the pattern is plain text, not a regex.

    RE2's syntax is Python's without backreferences (``\\1``) and lookarounds (``(?=``,
    ``(?<!``): those raise ValueError with a sentence saying so. ``\\w``, ``\\d`` and ``\\s``
    keep Python's Unicode meaning (see :func:`_unicode_classes`); ``\\b`` is RE2's, a boundary
    between an ASCII word character and anything else ("\\bErdo" works, "ğ\\b" does not).
    """
    unicode = not literal
    if isinstance(pattern, re.Pattern):
        ignore_case = ignore_case or bool(pattern.flags & re.IGNORECASE)
        unicode = unicode and not pattern.flags & re.ASCII
        pattern = pattern.pattern
    if not isinstance(pattern, str):
        raise TypeError(f"pattern must be a str or re.Pattern, not {type(pattern).__name__}")
    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.literal = literal
    options.log_errors = False
    try:
        spelled = _unicode_classes(pattern) if unicode else pattern
        return re2.compile(_SURROGATE_RE.sub("\ufffd", spelled), options)
    except re2.error as err:
        why = err.args[0].decode("utf-8", "replace") if err.args else str(err)
        raise ValueError(
            f"{pattern!r} is not a regular expression RE2 can run ({why}); backreferences and "
            "lookarounds are not supported: rewrite it, or search literally (regex=False)"
        ) from err


def _re2_text(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE_RE.sub("\ufffd", text)
    return text


def kwic(
    docs: pd.DataFrame,
    pattern: str | re.Pattern,
    *,
    window: int = 8,
    ignore_case: bool = True,
    fold_diacritics: bool = False,
    regex: bool | None = False,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``pattern`` with ``window`` words each side.

    ``regex=False`` (default): ``pattern`` is literal. Made of words ("massacre", "foreign
    minister"), it is a term: it matches the words whose term is the same (so "Ankara" finds
    "Ankara’s", and the rows are exactly what :func:`term_counts` counts; a phrase stays inside
    one sentence). Anything else ("U.S.", "$5") is found as written. ``regex=True`` (or a
    compiled pattern): a regular expression, run by RE2 in linear time (see
    :func:`user_regex`). ``regex=None``: a term when made of words, else a regex. Case is
    ignored when ``ignore_case``.

    Columns: ``doc_id, outlet, left, match, right, start, end``; ``text[start:end] == match``
    holds for the article's text; ``left``/``right`` have their whitespace collapsed. Sorted by
    doc_id, then start.
    """
    require_columns(docs, "doc_id", "text", fn="kwic")
    if not isinstance(window, int) or window < 0:
        raise ValueError(f"kwic: window must be a whole number of words >= 0, not {window!r}")
    as_regex = regex is True or isinstance(pattern, re.Pattern)
    is_term = not as_regex and (
        isinstance(pattern, str) and _TERM_RE.fullmatch(pattern.strip()) is not None
    )
    rows: list[tuple] = []
    outlets = _outlets(docs)
    if is_term:
        want = [
            _normalize(w, lowercase=ignore_case, fold=fold_diacritics)
            for w in WORD_RE.findall(str(pattern))
        ]
        if not all(want):
            raise ValueError(f"kwic: pattern {pattern!r} has no words")
    else:
        if not isinstance(pattern, re.Pattern) and not str(pattern):
            raise ValueError("kwic: the pattern is empty; give a word, a phrase or a regex")
        rx = user_regex(pattern, ignore_case=ignore_case, literal=not as_regex and regex is False)
    for doc_id, outlet, text in zip(
        docs["doc_id"], outlets, text_column(docs, fn="kwic"), strict=True
    ):
        starts, ends, words = _word_spans(text)
        if is_term:
            found = _term_matches(text, starts, ends, words, want, ignore_case, fold_diacritics)
        else:
            found = [
                (m.start(), m.end()) for m in rx.finditer(_re2_text(text)) if m.end() > m.start()
            ]
        for s, e in found:
            left, right = _context(text, starts, ends, s, e, window)
            rows.append((doc_id, outlet, left, text[s:e], right, s, e))
    out = pd.DataFrame(rows, columns=["doc_id", "outlet", "left", "match", "right", "start", "end"])
    out = out.astype(
        {c: _STR for c in ("doc_id", "outlet", "left", "match", "right")}
        | {"start": "int64", "end": "int64"}
    )
    return out.sort_values(["doc_id", "start"], kind="stable", ignore_index=True)


def _term_matches(
    text: str,
    starts: list[int],
    ends: list[int],
    words: list[str],
    want: list[str],
    lowercase: bool,
    fold: bool,
) -> list[tuple[int, int]]:
    """Spans of runs of words whose terms equal ``want``, inside one sentence."""
    if not words:
        return []
    terms = [_normalize(w, lowercase=lowercase, fold=fold) for w in words]
    k = len(want)
    hits = [i for i in range(len(terms) - k + 1) if terms[i : i + k] == want]
    if k > 1 and hits:
        sent_ends = [e for _, e in sentence_spans(text)]
        hits = [
            i
            for i in hits
            if bisect_left(sent_ends, ends[i]) == bisect_left(sent_ends, ends[i + k - 1])
        ]
    return [(starts[i], ends[i + k - 1]) for i in hits]


def _node_term(term: str, lemmatize: bool) -> str:
    """The one word :func:`collocations` looks around, as its tokens are counted."""
    node = tokenize(term)
    if lemmatize and node:
        node = [simplemma.lemmatize(node[0], lang="en").lower()]
    if len(node) != 1:
        raise ValueError(f"term must be one word, not {term!r}")
    return node[0]


def _no_collocations(measure: str) -> pd.DataFrame:
    """The collocation table without rows: its columns and dtypes."""
    cols = ["term", "collocate", "count", "collocate_count", "expected", "score"]
    empty = pd.DataFrame(
        {
            c: pd.Series(dtype=_STR if c in cols[:2] else "float64")
            for c in cols + (["p_value"] if measure == "g2" else [])
        }
    )
    return empty.astype({"count": "int64", "collocate_count": "int64"})


def _near_nodes(tok: pl.DataFrame, is_node: pl.Expr, window: int) -> pl.DataFrame:
    """The token rows within ``window`` words of a node in the same sentence, each position
    once (a word between two nodes is one observation, so count <= collocate_count)."""
    near = pl.concat(
        [
            tok.select(
                pl.col("_pos").shift(k).alias("_near"),
                is_node.alias("node"),
                (pl.col("_sent").shift(k) == pl.col("_sent")).alias("same"),
            )
            .filter(pl.col("node") & pl.col("same").fill_null(False))
            .select("_near")
            for k in [*range(-window, 0), *range(1, window + 1)]
        ]
    ).unique()
    return tok.join(near, left_on="_pos", right_on="_near", how="inner")


def collocations(
    docs: pd.DataFrame,
    term: str,
    *,
    window: int = 5,
    measure: str = "pmi",
    stopwords: Stopwords = "english",
    lemmatize: bool = False,
    min_count: int = 1,
) -> pd.DataFrame:
    """The words found near ``term`` (within ``window`` words either side, in the same
    sentence) more often than chance.

    ``measure="pmi"``: pointwise mutual information, log2(count / expected), where expected =
    positions near the term x the collocate's share of all words. ``measure="g2"``:
    Dunning's G² of the same 2x2 table, signed (negative = fewer than expected), with
    ``p_value``. Collocates that are ``stopwords`` are left out (default: English).

    Columns: ``term, collocate, count`` (co-occurrences), ``collocate_count`` (in the corpus),
    ``expected, score`` (+ ``p_value`` for g2). Sorted by score (high first), count, collocate.
    """
    if measure not in ("pmi", "g2"):
        raise ValueError(f'measure must be "pmi" or "g2", not {measure!r}')
    if not isinstance(window, int) or window < 1:
        raise ValueError(
            f"collocations: window must be a whole number of words >= 1, not {window!r}"
        )
    node_term = _node_term(term, lemmatize)
    frame = _frame(docs, [], fn="collocations")
    tok = _token_table(
        frame, lowercase=True, fold=False, lemmatize=lemmatize, stop=_stopwords(stopwords)
    ).with_row_index("_pos")
    n_words = tok.height
    is_node = pl.col("term") == node_term
    nodes = tok.filter(is_node)
    if nodes.is_empty():
        return _no_collocations(measure)
    near = _near_nodes(tok, is_node, window)
    slots = near.height  # positions near a node
    freq = tok.group_by("term").agg(pl.len().alias("collocate_count"))
    table = (
        near.filter(~pl.col("stop"))
        .group_by("term")
        .agg(pl.len().alias("count"))
        .rename({"term": "collocate"})
        .join(freq, left_on="collocate", right_on="term", how="left")
        .filter(pl.col("count") >= min_count)
    )
    o = table["count"].to_numpy().astype(float)
    f_c = table["collocate_count"].to_numpy().astype(float)
    expected = slots * f_c / n_words
    extra: dict[str, np.ndarray] = {}
    if measure == "pmi":
        score = np.log2(o / expected)
    else:
        # Rows: near the node / elsewhere; columns: this collocate / other words.
        g2, p = g2_dunning(o, float(slots), np.maximum(f_c - o, 0), float(n_words - slots))
        score = np.sign(o - expected) * g2
        extra = {"p_value": p}
    out = pl.DataFrame(
        {
            "term": [node_term] * table.height,
            "collocate": table["collocate"],
            "count": table["count"].cast(pl.Int64),
            "collocate_count": f_c.astype(np.int64),
            "expected": expected,
            "score": score,
            **extra,
        }
    ).sort(["score", "count", "collocate"], descending=[True, True, False])
    return _to_pandas(out)


def term_over_time(
    docs: pd.DataFrame,
    term: str,
    *,
    by: str | Sequence[str] | None = "outlet",
    freq: str = "M",
    lemmatize: bool = False,
) -> pd.DataFrame:
    """How often ``term`` (a word or a 2-3 word phrase) is used per period and group.

    ``freq`` is a pandas period alias ("D", "W", "M", "Y"); undated articles are left out.
    Columns: ``period`` (the period's first day), the ``by`` columns, ``count``, ``n`` (all
    words in the period and group), ``share`` (count / n; 0 when the term is absent). Sorted by
    period, then the ``by`` columns.
    """
    text_column(docs, fn="term_over_time")  # every text checked, dated or not
    want = tokenize(term)
    if not 1 <= len(want) <= 3:
        raise ValueError(f"term must be 1 to 3 words, not {term!r}")
    if lemmatize:
        want = [simplemma.lemmatize(w, lang="en").lower() for w in want]
    by_cols = _by_columns(by)
    dated = docs.loc[docs["date"].notna()] if "date" in docs.columns else docs.iloc[:0]
    dated = dated.assign(
        period=dated["date"].dt.to_period(freq).dt.start_time
        if len(dated)
        else pd.Series(dtype="datetime64[ns]")
    )
    keys = ["period", *by_cols]
    frame = _frame(dated, keys, fn="term_over_time")
    counts = _counts(frame, ngram=len(want), stopwords=None, lemmatize=lemmatize)
    totals = counts.group_by("_g").agg(pl.col("count").sum().alias("n"))
    hits = counts.filter(pl.col("term") == " ".join(want)).select("_g", "count")
    out = (
        _groups(frame, keys)
        .join(totals, on="_g", how="left")
        .join(hits, on="_g", how="left")
        .with_columns(
            pl.col("count").fill_null(0).cast(pl.Int64), pl.col("n").fill_null(0).cast(pl.Int64)
        )
        .with_columns(
            share=pl.when(pl.col("n") > 0).then(pl.col("count") / pl.col("n")).otherwise(0.0)
        )
        .sort(keys, nulls_last=True)
        .select(*keys, "count", "n", "share")
    )
    return _to_pandas(out)
