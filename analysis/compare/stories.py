"""Story groups: which articles, across outlets, report the same event.

Two articles are compared by their words and their names. The words are the TF-IDF vectors
(scikit-learn, sparse) of title and lead (the IDF of the loaded articles times the rarity of the
word in English, so two articles loaded alone still weigh "Karabakh" above "said"); the names are
the capitalised words and numbers of the lead, weighted by their IDF. That similarity is
multiplied by a prior on the days between the two (1 the same day, halving every third of
``window_days``, 0 beyond; a neutral ``UNDATED_PRIOR`` when a date is missing), since
follow-ups, later outlets and opinion pieces arrive days after the first report. A story is a
cluster of average linkage on those pairs: two groups join only when their articles are
similar on average, so one article that resembles two stories does not chain them; two
stories of two articles or more also need ``COHESION`` times the similarity within the looser
of them, so that a vote and a threat about it the same day stay two stories while follow-ups
still join.

The threshold and the undated prior are the bar of a folder where most pairs of nearby
articles share an event; a folder's own articles say how far to raise it (:func:`calibrate`):
dated pairs too far apart to report one event show how similar unrelated articles are by
chance there, and the bar rises until chance would make at most ``CHANCE_SHARE`` of the pairs
that join. A random folder spanning years, where few pairs share an event, thus joins far
fewer unrelated articles, while a folder of many reports per event keeps the defaults. A story
of only two articles, which no third report confirms, must pass a stricter test of the same
kind (``LONE_PAIR_SHARE``): in a sparse folder such lone pairs are mostly two happenings of one
saga, and there a lone pair of two dated articles also needs their day in common.

Dated articles are compared only within the window, as sparse matrix products in blocks of
days on two threads, so the cost grows with the articles per day rather than with the square of
the corpus; undated ones are compared with all others on their rarer terms. 37,554 articles
take seconds (see bench/bench_compare.py). The words are counted in polars (both cores), to
the very matrix scikit-learn's TfidfVectorizer builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
from scipy import sparse
from sklearn.feature_extraction.text import (
    ENGLISH_STOP_WORDS,
    TfidfTransformer,
    TfidfVectorizer,
    strip_accents_unicode,
)
from sklearn.preprocessing import normalize

from ..core.inputs import require_columns, text_column
from ..core.progress import PROGRESS_ARTICLES, is_dask, wants_progress
from ..core.weights import lemma_weight

# Average similarity (story_features times date_prior) at which two groups of articles count as
# one event: the lowest bar, read off the story gold set's dev part (tests/gold/stories) and
# chosen alike on each half of its events, alone and inside the whole corpus. A folder where
# chance similarity is common raises it (CHANCE_SHARE).
DEFAULT_THRESHOLD = 0.06
# The lead carries the event (who, what, when); later paragraphs drift into background that
# unrelated stories share.
LEAD_CHARS = 2000
# Days over which follow-ups, later outlets and opinion pieces still join a story (the date
# prior falls to 1/8 there, halving every third of it): a few events gather coverage over up to
# nine days.
DEFAULT_WINDOW_DAYS = 9
# Share of the similarity given to shared names and numbers (the rest to the words): names
# are evidence of one event beside the words, not instead of them (most near misses share
# their people).
NAME_WEIGHT = 0.3
# Date prior of a pair with an undated article: that of two articles a third of the window
# apart (1/2), neither the same day nor ruled out. The highest: a folder spanning years, where
# an undated article is rarely of a dated one's days, lowers it (CHANCE_SHARE).
UNDATED_PRIOR = 0.5
# Weight factor of a pair with an undated article whose leads both name weekdays ("on Tuesday")
# but no weekday in common (:func:`undated_weekday_clash`): two reports of one event tell of the
# same day, while two happenings of one saga a few days apart name their own, and a dated pair's
# own date prior already tells that. Applied after calibration (the chance similarities carry no
# weekdays), since applied before it lowers the undated prior of the whole corpus. Any factor
# from 0.35 to 0.65 helps each half of the gold set's dev events (bench/stories_cv.py).
WEEKDAY_CLASH = 0.5
# Two stories of two or more articles each join only when their average similarity reaches
# COHESION times the average similarity within the looser of the two; a single article (a late
# follow-up, an undated report, an opinion piece) still joins at the threshold. How alike a
# story's own reports are is the yardstick: most wrong merges join two stories about the same
# people a day or two apart (a vote and a threat, a summit and its walk-back), each tight
# within, only half as similar across. Measured against the looser story, not the tighter: a
# tight pair of syndicated copies must not keep a loose story of opinion pieces on the same
# happening away. 0.55 keeps wrong merges, 0.8 loses recall.
COHESION = 0.65
# Pairs under this share of the threshold count as 0 (they are not kept): they cannot decide a
# merge, and keeping them would keep every pair of articles that share a common word.
EDGE_FRACTION = 0.5
# A folder's own articles say how much similarity is chance there. Dated pairs more than
# ``window_days`` apart cannot report one event: their similarities are what unrelated
# articles reach by chance. The threshold (never under DEFAULT_THRESHOLD) rises until the pairs
# it lets join would hold at most CHANCE_SHARE of chance pairs (chance judged on pairs at most
# NULL_WINDOWS windows apart, the same news cycle and topics), and the prior of undated pairs
# falls (never over UNDATED_PRIOR) until the same holds for them (chance judged on pairs of any
# two days out of the window). A dense folder such as the gold set keeps the defaults; sparse
# random folders (tests/gold/stories/sparse_pairs.csv) get a higher bar and a lower prior.
# Lower shares remove more wrong pairs there but raise the bar of one dev half. Topics come in
# bursts, so pairs inside the window reach high similarity by chance more often than pairs
# outside it: the calibration is a floor, not a guarantee, for same-topic pairs of one week.
CHANCE_SHARE = 0.4
# A story of only two articles rests on one similarity, with no third article to confirm it: in a
# sparse folder that is how near misses of one saga end (a diagnosis and the hospital's apology the
# next day, two pieces on one race), since no other report joins either. A story that ends with two
# articles thus stands only at the bar where chance would make at most LONE_PAIR_SHARE of the dated
# pairs that join (a stricter CHANCE_SHARE); larger stories keep the threshold. Lower shares raise
# one dev half's bar and lose true pairs of follow-ups. Where that bar rose above the threshold
# (a sparse folder), a lone pair of two dated articles must also share their day
# (:func:`lone_pair_weights`): of the lone pairs joined in six random 300-article folders and
# judged by reading, 2 of 13 spanning days were one event, 8 of 9 of one day.
LONE_PAIR_SHARE = 0.25
NULL_WINDOWS = 6
# Fewer chance pairs than this (a folder of one week or one story) say too little: the default
# threshold and prior hold.
MIN_NULL_PAIRS = 100
# Dated articles sampled (evenly, in date order) for the chance pairs, so that a large corpus
# pays for a few thousand articles' products rather than its own.
_NULL_ROWS = 2000
# Steps of the threshold and prior scans (each a factor of 1.02).
_SCAN_STEP = 1.02
# Rows per sparse product: dated articles in blocks of whole days of about _DAY_ROWS articles
# (each against itself and the window after it; small, as most of a larger block's pairs lie
# outside the window), undated articles in blocks of _BLOCK (each against all articles).
_DAY_ROWS = 64
_BLOCK = 500
# Terms in more rows than this are left out when undated articles look for their neighbours
# among all the others (see _pruned).
_DF_CAP = 300
# Threads running the sparse products.
_THREADS = 2


def _story_texts(docs: pd.DataFrame, *, lead_chars: int = LEAD_CHARS) -> pl.Series:
    """:func:`story_texts` as a polars Series, computed in polars when the columns are text."""
    cols = [c for c in ("title", "text") if c in docs]
    if not all(isinstance(docs[c].dtype, pd.StringDtype) for c in cols):
        return pl.Series(story_texts(docs, lead_chars=lead_chars).tolist(), dtype=pl.String)
    frame = pl.from_pandas(docs[cols].reset_index(drop=True))
    text = pl.col("text").fill_null("").str.slice(0, lead_chars)
    if "title" in docs:
        text = pl.col("title").fill_null("") + "\n" + text
    return frame.select(text=text)["text"]


def story_texts(docs: pd.DataFrame, *, lead_chars: int = LEAD_CHARS) -> pd.Series:
    """What story grouping compares: the title (when present) and the first ``lead_chars``
    characters of the text."""
    text = text_column(docs, fn="story_texts").astype("str").str.slice(0, lead_chars)
    if "title" in docs:
        text = docs["title"].fillna("").astype("str") + "\n" + text
    return text


# How scikit-learn's TfidfVectorizer (as configured below) reads a text: lower-cased by
# str.lower, accents stripped (strip_accents_unicode: NFKD, combining marks dropped), tokens
# matched by its default token_pattern, English stop words dropped. _count_matrix gives the
# count matrix it builds, entry for entry, in polars; story_vectors then weighs it as before.
_VECTORIZER = {
    "strip_accents": "unicode",
    "stop_words": "english",
    "sublinear_tf": True,
    "norm": None,
    "dtype": np.float32,
}
_PY_WORD = re.compile(r"\w")  # Python's \w: what the token pattern (?u)\b\w\w+\b counts as a letter
# str.lower works character by character except on the capital sigma (final or not by
# context): texts holding one are read by scikit-learn's own analyser.
_CONTEXT_LOWER = "\u03a3"
# Texts per polars task: the texts are cut into slices read in parallel (polars releases the
# GIL and runs one task per core), then put back in order.
_SLICE_TEXTS = 4000


def _char_rules(texts: pl.Series) -> tuple[list[str], list[str], str]:
    """What the analyser's preprocessing makes of each character found in ``texts``.

    str.lower and strip_accents_unicode act on each character alone (NFKD decomposes each
    character; the canonical reordering only moves combining marks, which are all dropped), so
    the preprocessed text is the concatenation of each character's image. Returns the
    characters that change and their images (for ``str.replace_many``), and a regex for the
    tokens: runs of two or more characters that Python's ``\\w`` matches, listed explicitly (so
    that Rust's Unicode tables, which differ from Python's, play no part). A token of
    ``(?u)\\b\\w\\w+\\b`` is exactly such a maximal run.
    """
    found = set(
        "".join(texts.str.extract_all(r"[^\x00-\x7F]").explode().drop_nulls().unique().to_list())
    )
    pats = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    reps = [c.lower() for c in pats]
    images = set()
    for c in sorted(found):
        image = strip_accents_unicode(c.lower())
        images.update(image)
        if image != c:
            pats.append(c)
            reps.append(image)
    images |= found  # (a character that changes never reaches the tokens: harmless)
    word = sorted(c for c in images if not c.isascii() and _PY_WORD.match(c))
    pattern = "[0-9A-Z_a-z" + "".join(f"\\x{{{ord(c):X}}}" for c in word) + "]{2,}"
    return pats, reps, pattern


def _tokens(texts: pl.Series) -> pl.DataFrame:
    """``_doc`` (row of ``texts``), ``tok``: the analyser's tokens that are not stop words, in
    text order (for texts without any, no row)."""
    pats, reps, pattern = _char_rules(texts)
    stop = pl.Series(sorted(ENGLISH_STOP_WORDS), dtype=pl.String).implode()
    frame = pl.DataFrame({"text": texts}).with_row_index("_doc")
    odd = frame.filter(pl.col("text").str.contains(_CONTEXT_LOWER, literal=True))
    queries = [
        frame.lazy()
        .slice(a, _SLICE_TEXTS)
        .select("_doc", tok=pl.col("text").str.replace_many(pats, reps).str.extract_all(pattern))
        for a in range(0, frame.height, _SLICE_TEXTS)
    ]
    toks = pl.concat(pl.collect_all(queries))
    if odd.height:  # rare: scikit-learn's analyser, text by text
        analyse = TfidfVectorizer(**_VECTORIZER).build_analyzer()
        fixed = pl.DataFrame(
            {"_doc": odd["_doc"], "tok": [analyse(t) for t in odd["text"]]}, schema=toks.schema
        )
        toks = pl.concat([toks.filter(~pl.col("_doc").is_in(odd["_doc"].implode())), fixed]).sort(
            "_doc"
        )
    return toks.explode("tok").drop_nulls("tok").filter(~pl.col("tok").is_in(stop))


def _count_matrix(texts: pl.Series) -> tuple[sparse.csr_array, np.ndarray] | None:
    """The term counts that ``CountVectorizer`` (the counting part of
    ``TfidfVectorizer(**_VECTORIZER)``) fits on ``texts``, with the same arrays (float32
    counts, features in sorted order, each row's entries in the order in which the corpus first
    used their terms: scikit-learn numbers terms as it meets them, sorts each row by that
    number, then renumbers the columns alphabetically), and :func:`lemma_weight`
    of each feature. ``None`` when no text has a token.

    The weights (Python, wordfreq) are looked up on a thread while polars and NumPy, which
    release the GIL, build the matrix.
    """
    toks = _tokens(texts)
    if toks.is_empty():
        return None
    # Terms in order of first use, and their alphabetical rank.
    seen = toks["tok"].unique(maintain_order=True)
    n_terms = len(seen)
    with ThreadPoolExecutor(max_workers=1) as pool:
        weights = pool.submit(
            lambda: np.array([lemma_weight(t) for t in seen.to_list()], dtype=np.float32)
        )
        rank = seen.rank("ordinal").cast(pl.Int64).to_numpy() - 1
        ids = toks["tok"].replace_strict(
            seen, np.arange(n_terms, dtype=np.int64), return_dtype=pl.Int64
        )
        key = (toks["_doc"].cast(pl.Int64) * n_terms + ids).sort().to_numpy()
        starts = np.flatnonzero(np.diff(key, prepend=-1))
        counts = np.diff(np.append(starts, len(key)))
        doc, term = np.divmod(key[starts], n_terms)
        indptr = np.zeros(len(texts) + 1, dtype=np.int32)
        np.cumsum(np.bincount(doc, minlength=len(texts)), out=indptr[1:])
        tf = sparse.csr_array(
            (counts.astype(np.intc), rank[term].astype(np.int32), indptr),
            shape=(len(texts), n_terms),
            dtype=np.float32,
        )
        idf = np.empty(n_terms, dtype=np.float32)
        idf[rank] = weights.result()
    return tf, idf


def story_vectors(texts: pd.Series | pl.Series) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows. The weight of a word is its IDF in these articles times its
    rarity in English (wordfreq, :func:`lemma_weight`): the first discounts what
    every article of this corpus says ("Trump" in 2016), the second keeps a small corpus (two
    articles) from treating every shared word as worthless.

    The rows are those of ``TfidfVectorizer(**_VECTORIZER).fit_transform`` (the counting is
    done by :func:`_count_matrix`, the weighting by scikit-learn's TfidfTransformer)."""
    if not isinstance(texts, pl.Series):
        texts = pl.Series(texts.tolist(), dtype=pl.String)
    counted = _count_matrix(texts)
    if counted is None:  # every text empty or stop words only: nothing to compare
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)
    counts, weights = counted
    tfidf = TfidfTransformer(norm=None, use_idf=True, smooth_idf=True, sublinear_tf=True)
    tf = tfidf.fit(counts).transform(counts, copy=False).tocsr()
    return normalize(tf @ sparse.diags(weights), norm="l2", copy=False).tocsr()


# How a name or number is found in the lead: a capitalised word ("Bryson", "FBI"; a possessive
# "'s" is not part of it) or a number of two or more digits ("250,000", "3.5").
_NAME = r"(?-u:\b)[A-Z][A-Za-z]+|(?-u:\b)\d[\d,.]*\d"


def name_tokens(texts: pl.Series) -> pl.DataFrame:
    """``_doc`` (row of ``texts``), ``tok``: the distinct names and numbers of each text, a
    capitalised stop word ("The", "But") left out and thousands commas dropped
    ("250,000" gives "250000")."""
    stop = pl.Series(sorted(ENGLISH_STOP_WORDS), dtype=pl.String).implode()
    frame = pl.DataFrame({"text": texts}).with_row_index("_doc")
    tok = pl.col("tok")
    queries = [
        frame.lazy()
        .slice(a, _SLICE_TEXTS)
        .select("_doc", tok=pl.col("text").str.extract_all(_NAME))
        .explode("tok")
        .drop_nulls("tok")
        .filter(~tok.str.to_lowercase().is_in(stop))
        .select("_doc", tok.str.replace_all(",", "", literal=True))
        .unique()
        for a in range(0, frame.height, _SLICE_TEXTS)
    ]
    return pl.concat(pl.collect_all(queries))


def name_vectors(texts: pd.Series | pl.Series) -> sparse.csr_matrix:
    """L2-normalised rows of the names and numbers each text mentions (:func:`name_tokens`),
    each weighted by its IDF in these texts (scikit-learn's smooth IDF): sharing a rare name
    ("Bryson") is evidence of one event, sharing "Washington" much less. Columns in the
    alphabetical order of the tokens, so the rows do not depend on the order of the texts."""
    if not isinstance(texts, pl.Series):
        texts = pl.Series(texts.tolist(), dtype=pl.String)
    n = len(texts)
    toks = name_tokens(texts)
    if toks.is_empty():
        return sparse.csr_matrix((n, 1), dtype=np.float32)
    terms = toks["tok"].unique().sort()
    n_terms = len(terms)
    term = toks["tok"].replace_strict(
        terms, np.arange(n_terms, dtype=np.int64), return_dtype=pl.Int64
    )
    key = np.sort((toks["_doc"].cast(pl.Int64) * n_terms + term).to_numpy())
    doc, term_ids = np.divmod(key, n_terms)
    df = np.bincount(term_ids, minlength=n_terms)
    idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(doc, minlength=n), out=indptr[1:])
    m = sparse.csr_matrix((idf[term_ids], term_ids, indptr), shape=(n, n_terms), dtype=np.float32)
    return normalize(m, norm="l2", copy=False).tocsr()


def story_features(docs: pd.DataFrame, *, texts: pl.Series | None = None) -> sparse.csr_matrix:
    """What two articles are compared by: the TF-IDF of title and lead (:func:`story_vectors`)
    and the names and numbers of the lead (:func:`name_vectors`) side by side, weighted so
    that the dot product of two rows is ``(1 - NAME_WEIGHT) * words + NAME_WEIGHT * names``
    (each a cosine). Row entries sorted by column, so that every dot product adds its terms in
    one order whatever the order of the rows. ``texts``: the docs' :func:`story_texts`, when
    the caller has them already."""
    words = story_vectors(_story_texts(docs) if texts is None else texts)
    names = name_vectors(_story_texts(docs.drop(columns="title", errors="ignore")))
    both = sparse.hstack(
        [words * np.float32(np.sqrt(1 - NAME_WEIGHT)), names * np.float32(np.sqrt(NAME_WEIGHT))],
        format="csr",
        dtype=np.float32,
    )
    both.sort_indices()
    return both


# English weekday names, as a lead names the day of its event ("on Tuesday"); "today" and
# "yesterday" name no day.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def lead_weekdays(texts: pd.Series | pl.Series) -> np.ndarray:
    """The weekdays each text names, as a bit set (bit ``d`` for ``WEEKDAYS[d]``; 0: none): a
    capitalised English weekday name as a whole word. "Lawmakers met on Tuesday and again
    on Friday" gives ``0b10010`` (Tuesday, Friday); "They met yesterday" gives 0."""
    if not isinstance(texts, pl.Series):
        texts = pl.Series(texts.tolist(), dtype=pl.String)
    text = pl.col("text").fill_null("")
    bits = pl.sum_horizontal(
        text.str.contains(rf"\b{day}\b").cast(pl.UInt8) * (1 << d) for d, day in enumerate(WEEKDAYS)
    )
    return pl.DataFrame({"text": texts}).select(bits=bits)["bits"].to_numpy().astype(np.uint8)


def weekday_clash(days: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Whether the pairs ``(i, j)`` of texts with weekday bit sets ``days``
    (:func:`lead_weekdays`) both name weekdays and none in common: "on Tuesday" against "on
    Friday" clashes, "on Tuesday" against "on Tuesday and Friday" or against no weekday does
    not. ``weekday_clash(np.array([2, 16, 18, 0]), np.array([0, 0, 0]), np.array([1, 2, 3]))``
    is ``[True, False, False]``."""
    a, b = days[i], days[j]
    return (a != 0) & (b != 0) & ((a & b) == 0)


def undated_weekday_clash(
    texts: pl.Series, i: np.ndarray, j: np.ndarray, dated: np.ndarray
) -> np.ndarray:
    """Whether each pair ``(i, j)`` of ``texts`` (title and lead) has an undated article
    (``dated`` False) and leads whose weekdays clash (:func:`weekday_clash`): the date an
    undated article lacks, its lead may still tell. An undated "Voters went to the polls on
    Sunday" against a dated "The council voted on Thursday" clashes; against a dated "Polls
    closed on Sunday night" it does not."""
    undated = ~(dated[i] & dated[j])
    return undated & weekday_clash(lead_weekdays(texts), i, j)


def date_prior(gap_days: np.ndarray, window_days: float) -> np.ndarray:
    """The factor the text similarity of two dated articles is multiplied by: 1 on the same
    day, halving every ``window_days / 3`` days (1/8 at ``window_days``), 0 beyond.

    Follow-ups, later outlets and opinion pieces come days after the first report, but the
    later two articles are, the more likely they report a new happening of the same saga.
    ``date_prior(np.array([0, 3, 9, 10]), 9)`` is ``[1, 0.5, 0.125, 0]``."""
    gap = np.abs(np.asarray(gap_days, dtype=np.float64))
    if window_days <= 0:
        return (gap == 0).astype(np.float32)
    prior = np.exp2(-3.0 * gap / window_days)
    return np.where(gap <= window_days, prior, 0.0).astype(np.float32)


@dataclass(frozen=True)
class _Block:
    """One sparse product. Dated: rows ``a:b`` (whole days) against rows ``a:hi`` (up to the
    end of the window after them). Undated: undated rows ``a:b`` against all rows."""

    a: int
    b: int
    hi: int
    n_days: int


def _dated_edges(
    x: sparse.csr_matrix, day: np.ndarray, block: _Block, floor: float, window: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``i < j`` (rows of ``x``, sorted by ``day``) of ``block`` whose similarity times
    :func:`date_prior` reaches ``floor``, and that product."""
    sim = (x[block.a : block.b] @ x[block.a : block.hi].T).tocoo()
    r = sim.row.astype(np.int64) + block.a
    c = sim.col.astype(np.int64) + block.a
    weight = sim.data * date_prior(day[c] - day[r], window)
    keep = (r < c) & (weight >= floor)
    return r[keep], c[keep], weight[keep]


def _undated_edges(
    pruned: sparse.csr_matrix,
    pruned_t: sparse.csr_matrix,
    undated: np.ndarray,
    block: _Block,
    floor: float,
    prior: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of undated rows ``undated[a:b]`` with any other row whose similarity (on
    ``pruned``, see :func:`_pruned`; ``pruned_t`` is its transpose) times ``prior`` reaches
    ``floor``; a pair of two undated rows once."""
    rows = undated[block.a : block.b]
    sim = (pruned[rows] @ pruned_t).tocoo()
    r, c = rows[sim.row].astype(np.int64), sim.col.astype(np.int64)
    weight = sim.data * np.float32(prior)
    is_undated = np.zeros(pruned.shape[0], dtype=bool)
    is_undated[undated] = True
    keep = (r != c) & (weight >= floor) & (~is_undated[c] | (r < c))
    return r[keep], c[keep], weight[keep]


def _edge_blocks(day: np.ndarray, dated: np.ndarray, window: float) -> list[_Block]:
    """Blocks of the dated rows (sorted by day; whole days of about ``_DAY_ROWS`` rows, each
    against the days up to ``window`` after its last)."""
    blocks = []
    days = day[dated]
    a = 0
    while a < len(days):
        b = int(np.searchsorted(days, days[min(a + _DAY_ROWS, len(days)) - 1], side="right"))
        hi = int(np.searchsorted(days, days[b - 1] + window, side="right"))
        blocks.append(_Block(a, b, hi, len(np.unique(days[a:b]))))
        a = b
    return blocks


def _pruned(x: sparse.csr_matrix) -> sparse.csr_matrix:
    """``x`` without the terms found in more than ``_DF_CAP`` rows: comparing undated articles
    with all others costs mostly those terms' pairs, and a word half the corpus uses tells
    little about which event an article reports."""
    df = np.bincount(x.indices, minlength=x.shape[1])
    out = x @ sparse.diags((df <= _DF_CAP).astype(np.float32))
    out = sparse.csr_matrix(out)
    out.eliminate_zeros()
    return out


def _story_edges(
    x: sparse.csr_matrix,
    day: np.ndarray,
    dated: np.ndarray,
    floor: float,
    window: float,
    prior: float,
    bar: Any,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of rows whose weighted similarity reaches ``floor``, as ``(i, j, weight)``:
    dated pairs within ``window`` days (:func:`date_prior`), undated rows with all others at
    ``prior``. Rows of ``x`` sorted dated first, by day. Products run on threads (SciPy
    releases the GIL); ``bar`` (a tqdm bar or None) advances by each block's days."""
    jobs: list[tuple[Callable[..., tuple], tuple, int]] = [
        (_dated_edges, (x, day, blk, floor, window), blk.n_days)
        for blk in _edge_blocks(day, dated, window)
    ]
    undated = np.nonzero(~dated)[0]
    if len(undated):
        pruned = _pruned(x)
        pruned_t = pruned.T.tocsr()
        jobs += [
            (
                _undated_edges,
                (
                    pruned,
                    pruned_t,
                    undated,
                    _Block(a, min(a + _BLOCK, len(undated)), 0, 0),
                    floor,
                    prior,
                ),
                0,
            )
            for a in range(0, len(undated), _BLOCK)
        ]
    parts: list[tuple] = []
    with ThreadPoolExecutor(max_workers=_THREADS) as pool:
        futures = [pool.submit(fn, *args) for fn, args, _ in jobs]
        for future, (_, _, n_days) in zip(futures, jobs, strict=True):
            parts.append(future.result())
            if bar is not None:
                bar.update(n_days)
    if bar is not None:
        bar.close()
    if not parts:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float32)
    r, c, w = (np.concatenate(p) for p in zip(*parts, strict=True))
    return r, c, w


@dataclass(frozen=True)
class _Edges:
    """Pairs of rows ``(i, j)`` with their ``weight`` (similarity times prior), and whether
    one of the two is undated (``undated``); ``undated_pairs``: all pairs with an undated
    article, found or not."""

    i: np.ndarray
    j: np.ndarray
    weight: np.ndarray
    undated: np.ndarray
    undated_pairs: float


def chance_similarities(
    x: sparse.csr_matrix, day: np.ndarray, dated: np.ndarray, window: float, far: float
) -> np.ndarray:
    """Similarities (sorted) of dated pairs that cannot report one event: more than ``window``
    days apart, and at most ``far`` days (``np.inf``: any). Among up to ``_NULL_ROWS`` dated
    rows taken evenly in date order (rows of ``x`` sorted dated first, by day). Empty without
    a positive window."""
    rows = np.nonzero(dated)[0]
    if window <= 0 or len(rows) < 2:
        return np.empty(0)
    rows = rows[:: -(-len(rows) // _NULL_ROWS)]
    xs, days = x[rows], day[rows]
    parts = [np.empty(0, dtype=np.float32)]
    for a in range(0, len(rows), _BLOCK):
        b = min(a + _BLOCK, len(rows))
        hi = len(rows) if np.isinf(far) else int(np.searchsorted(days, days[b - 1] + far, "right"))
        sim = (xs[a:b] @ xs[a:hi].T).toarray()
        gap = days[a:hi][None, :] - days[a:b, None]
        parts.append(sim[(gap > window) & (gap <= far)])
    return np.sort(np.concatenate(parts).astype(np.float64))


def chance_rate(null: np.ndarray, need: np.ndarray) -> np.ndarray:
    """For each bar of ``need``, the share of the sorted chance similarities ``null`` at or
    above it: how often an unrelated pair reaches it. ``chance_rate(np.array([0.1, 0.2, 0.3,
    0.4]), np.array([0.25, 0.5]))`` is ``[0.5, 0]``; all 0 without chance similarities."""
    need = np.asarray(need, dtype=np.float64)
    if not len(null):
        return np.zeros(len(need))
    return (len(null) - np.searchsorted(null, need, side="left")) / len(null)


def pairs_by_gap(days: np.ndarray, window: int) -> np.ndarray:
    """Number of pairs of the given days (one per dated article) that lie 0, 1, ...,
    ``window`` days apart. ``pairs_by_gap(np.array([5, 5, 6, 9]), 2)`` is ``[1, 2, 0]``."""
    if not len(days):
        return np.zeros(window + 1)
    h = np.bincount(days - days.min()).astype(np.float64)
    out = [float((h * (h - 1)).sum() / 2)]
    out += [float(h[:-g] @ h[g:]) if g < len(h) else 0.0 for g in range(1, window + 1)]
    return np.asarray(out)


@dataclass(frozen=True)
class Calibration:
    """A folder's bar for one event: the ``threshold`` of average linkage, the prior of a
    pair with an undated article (``undated_prior``) and the similarity a story of only two
    articles needs (``pair_threshold``, :func:`split_lone_pairs`)."""

    threshold: float
    undated_prior: float
    pair_threshold: float


def calibrated_threshold(
    null: np.ndarray,
    weights: np.ndarray,
    gap_pairs: np.ndarray,
    window: float,
    floor: float,
    *,
    share: float = CHANCE_SHARE,
) -> float:
    """The lowest threshold from ``floor`` up (steps of ``_SCAN_STEP``) at which the dated
    pairs expected to reach it by chance are at most ``share`` of those that do.

    ``weights``: the similarity times :func:`date_prior` of the dated pairs found (all those
    at ``floor`` or more); ``gap_pairs``: all dated pairs by gap (:func:`pairs_by_gap`); a
    pair ``g`` days apart reaches ``t`` by chance when a chance similarity (``null``) reaches
    ``t / date_prior(g)``. With all chance similarities at 0.1, ten same-day pairs of which
    two found at 0.5 raise the threshold from 0.06 to just above 0.1 (0.1005); thirty found
    keep 0.06."""
    prior = date_prior(np.arange(len(gap_pairs)), window)
    seen = prior > 0
    t = floor
    while t < 1.0:
        chance = float(gap_pairs[seen] @ chance_rate(null, t / prior[seen]))
        if chance <= share * np.count_nonzero(weights >= t):
            return t
        t *= _SCAN_STEP
    return t


def calibrated_undated_prior(
    null: np.ndarray, sims: np.ndarray, n_pairs: float, threshold: float
) -> float:
    """The highest prior from ``UNDATED_PRIOR`` down (steps of ``_SCAN_STEP``) at which the
    pairs with an undated article expected to reach ``threshold`` by chance are at most
    ``CHANCE_SHARE`` of those that do; 0 when none (undated articles then stay alone).

    ``sims``: the similarities of the undated pairs found; ``n_pairs``: all such pairs (an
    undated article could be from any day, so each is compared with every other article). At
    prior ``u`` a pair joins when its similarity reaches ``threshold / u``."""
    u = UNDATED_PRIOR
    while u >= threshold:
        need = threshold / u
        chance = n_pairs * float(chance_rate(null, np.array([need]))[0])
        if chance <= CHANCE_SHARE * np.count_nonzero(sims >= need):
            return u
        u /= _SCAN_STEP
    return 0.0


def calibrate(
    near: np.ndarray, anywhen: np.ndarray, edges: _Edges, gap_pairs: np.ndarray, window: float
) -> Calibration:
    """The folder's :class:`Calibration` from its chance similarities
    (:func:`chance_similarities`) and the pairs found (``edges``, at the default bar): the
    threshold from those of the same news cycle (``near``: dated pairs within the window are of
    one cycle), the undated prior from those of any two days out of the window (``anywhen``: an
    undated article could be from any day), and the bar of a lone pair from the same pairs as
    the threshold at ``LONE_PAIR_SHARE``. The defaults when there are fewer than
    ``MIN_NULL_PAIRS`` chance pairs."""
    if min(len(near), len(anywhen)) < MIN_NULL_PAIRS:
        return Calibration(DEFAULT_THRESHOLD, UNDATED_PRIOR, DEFAULT_THRESHOLD)
    dated = edges.weight[~edges.undated]
    t = calibrated_threshold(near, dated, gap_pairs, window, DEFAULT_THRESHOLD)
    sims = edges.weight[edges.undated] / UNDATED_PRIOR
    return Calibration(
        t,
        calibrated_undated_prior(anywhen, sims, edges.undated_pairs, t),
        calibrated_threshold(near, dated, gap_pairs, window, t, share=LONE_PAIR_SHARE),
    )


def lone_pair_weights(
    weight: np.ndarray, day_a: np.ndarray, day_b: np.ndarray, dated: np.ndarray, sparse: bool
) -> np.ndarray:
    """The weight by which :func:`split_lone_pairs` judges each pair: its own, except in a
    sparse folder (``sparse``: the folder's lone-pair bar rose above its threshold), where a
    pair of two dated articles (``dated``) of different days counts 0. There a pair that no
    third article confirms and that spans days is mostly two happenings of one saga (a
    diagnosis and the hospital's apology the next day), while two reports of one event that
    the folder holds alone mostly share their day. ``lone_pair_weights(np.array([0.3, 0.3,
    0.3]), np.array([5, 5, 5]), np.array([5, 6, 6]), np.array([True, True, False]), True)``
    is ``[0.3, 0, 0.3]``."""
    if not sparse:
        return weight
    return np.where(dated & (day_a != day_b), np.zeros_like(weight), weight)


def split_lone_pairs(
    labels: np.ndarray, i: np.ndarray, j: np.ndarray, weight: np.ndarray, bar: float
) -> np.ndarray:
    """``labels`` (a cluster id per item) with every cluster of exactly two items whose pair
    ``(i, j)`` has a ``weight`` under ``bar`` split into two single items (the second gets a
    new id, above all others): a story of two articles rests on their one similarity, so it
    needs a folder's stricter bar (``LONE_PAIR_SHARE``), while larger stories keep theirs.
    Items 0 and 1 joined at 0.1, 2 and 3 at 0.3, bar 0.2:
    ``split_lone_pairs(np.array([0, 0, 1, 1]), np.array([0, 2]), np.array([1, 3]),
    np.array([0.1, 0.3]), 0.2)`` is ``[0, 2, 1, 1]``."""
    size = np.bincount(labels)
    lone = (labels[i] == labels[j]) & (size[labels[i]] == 2) & (weight < bar)
    out = labels.copy()
    out[j[lone]] = labels.max() + 1 + np.arange(np.count_nonzero(lone), dtype=labels.dtype)
    return out


@dataclass(frozen=True)
class _Round:
    """One round of :func:`average_linkage`: the pairs of clusters that are each other's best
    neighbour (``pairs``, ``(k, 2)``, ``p < q``) and which clusters still have a neighbour at
    the threshold (``alive``)."""

    pairs: np.ndarray
    alive: np.ndarray


@dataclass(frozen=True)
class JoinRule:
    """When two clusters may join: at an average similarity of ``threshold``, and, when both
    have two items or more, of ``cohesion`` times the average similarity within the looser."""

    threshold: float
    cohesion: float = COHESION


@dataclass(frozen=True)
class Clusters:
    """Two sides of candidate joins, item by item: ``size`` (items in the cluster) and
    ``within`` (average similarity of its pairs; any value for a single item)."""

    size: np.ndarray
    within: np.ndarray


def may_join(avg: np.ndarray, a: Clusters, b: Clusters, rule: JoinRule) -> np.ndarray:
    """Whether clusters ``a`` and ``b`` with average similarity ``avg`` between them may join:
    at ``rule.threshold``, and two stories of two items or more each only at
    ``rule.cohesion`` times the ``within`` of the looser one, since two reports of one saga a
    day apart (a summit and its walk-back) are each tight, and much less alike across, while a
    single follow-up joins a story at the threshold. With a threshold of 0.06 and a cohesion of
    0.6, stories tight at 0.4 and 0.3 stay apart at 0.15 and join at 0.2; a story and a single
    follow-up join at 0.06."""
    stories = np.minimum(a.size, b.size) >= 2
    cohesive = avg >= rule.cohesion * np.minimum(a.within, b.within)
    return (avg >= rule.threshold) & (~stories | cohesive)


def _mutual_best(sums: sparse.csr_matrix, size: np.ndarray, rule: JoinRule) -> _Round:
    """The clusters that are each other's best neighbour by average similarity (``sums`` over
    the product of sizes; the diagonal holds twice the sum within) among those they may join
    (:func:`may_join`; a tie goes to the lower cluster number), and the clusters with any
    neighbour at the threshold (one that is only too loose now may loosen further)."""
    rows = np.repeat(np.arange(sums.shape[0]), np.diff(sums.indptr))
    cols = sums.indices
    avg = sums.data / (size[rows] * size[cols])
    near = (avg >= rule.threshold) & (rows != cols)
    alive = np.zeros(sums.shape[0], dtype=bool)
    alive[rows[near]] = True
    within = sums.diagonal() / np.maximum(size * (size - 1), 1)
    sides = (Clusters(size[rows], within[rows]), Clusters(size[cols], within[cols]))
    ok = near & may_join(avg, *sides, rule)
    rows, cols, avg = rows[ok], cols[ok], avg[ok]
    if not len(rows):
        return _Round(np.empty((0, 2), dtype=np.int64), alive)
    order = np.lexsort((cols, -avg, rows))
    first = order[np.r_[True, rows[order][1:] != rows[order][:-1]]]
    best = np.full(sums.shape[0], -1, dtype=np.int64)
    best[rows[first]] = cols[first]
    p = np.nonzero(best >= 0)[0]
    p = p[(best[best[p]] == p) & (p < best[p])]
    return _Round(np.column_stack([p, best[p]]), alive)


def average_linkage(
    n: int,
    i: np.ndarray,
    j: np.ndarray,
    weight: np.ndarray,
    threshold: float,
    *,
    cohesion: float = COHESION,
) -> np.ndarray:
    """Clusters of ``n`` items given the similarity ``weight`` of pairs ``(i, j)`` (every other
    pair 0): average-linkage agglomeration (UPGMA) stopped where no two clusters reach an
    average similarity of ``threshold``; two clusters of two items or more also need
    ``cohesion`` times the average similarity within the looser of them (:func:`may_join`).
    A cluster id per item.

    Unlike connected components, one article that resembles two stories cannot chain them: the
    two merge only when their members are similar on average. Each round merges every pair of
    clusters that are each other's best neighbour among those they may join (for plain
    average linkage the same clusters as merging the single best pair at a time, by
    reducibility), in a few rounds of sparse products. A cluster without a neighbour at the
    threshold is final (the average of a merged pair never exceeds the larger of its parts'),
    and leaves the matrix. Items 0 and 1 with similarity 0.5, 2 alone:
    ``average_linkage(3, [0], [1], [0.5], 0.3)`` is ``[0, 0, 1]``."""
    rule = JoinRule(threshold, cohesion)
    sums = sparse.coo_matrix(
        (
            np.concatenate([weight, weight]).astype(np.float64),
            (np.concatenate([i, j]), np.concatenate([j, i])),
        ),
        shape=(n, n),
    ).tocsr()
    size: np.ndarray = np.ones(n)
    row: np.ndarray = np.arange(n)  # each item's row in sums, -1 once its cluster is final
    final = np.full(n, -1, dtype=np.int64)
    n_final = 0
    while True:
        step = _mutual_best(sums, size, rule)
        done = np.nonzero(~step.alive)[0] if len(step.pairs) else np.arange(sums.shape[0])
        ids = np.full(sums.shape[0], -1, dtype=np.int64)
        ids[done] = np.arange(n_final, n_final + len(done))
        n_final += len(done)
        placed = row >= 0
        final[placed] = np.maximum(final[placed], ids[row[placed]])
        if not len(step.pairs):
            return final
        parent = np.where(step.alive, np.arange(sums.shape[0]), -1)
        parent[step.pairs[:, 1]] = step.pairs[:, 0]
        keep = np.nonzero(parent >= 0)[0]
        uniq, merged = np.unique(parent[keep], return_inverse=True)
        into = sparse.csr_matrix(
            (np.ones(len(keep)), (keep, merged)), shape=(sums.shape[0], len(uniq))
        )
        sums = (into.T @ sums @ into).tocsr()
        sums.sort_indices()
        size = np.bincount(merged, weights=size[keep], minlength=len(uniq))
        new_row = np.full(len(parent), -1, dtype=np.int64)
        new_row[keep] = merged
        row[placed] = new_row[row[placed]]


def story_groups(
    docs: pd.DataFrame,
    *,
    threshold: float | None = None,
    window_days: int | None = None,
    progress: bool | None = None,
) -> pd.Series:
    """A story id for every article: articles about the same event share one.

    Needs ``text`` (``title`` and ``date`` are used when present). Two articles are compared by
    :func:`story_features` (words of title and lead, names and numbers of the lead) times
    :func:`date_prior` of their distance in days (0 beyond ``window_days``, default
    ``DEFAULT_WINDOW_DAYS``); an article whose ``date`` is NaT is compared with every other at
    ``UNDATED_PRIOR`` (times ``WEEKDAY_CLASH`` when the two leads name different weekdays,
    :func:`undated_weekday_clash`); without a ``date`` column all articles are compared at 1
    (times ``WEEKDAY_CLASH`` likewise, as none is dated).
    Stories are the clusters of :func:`average_linkage` at ``threshold``: a story joins another
    only when their articles are similar on average, so one article that resembles two stories does
    not chain them. Without ``threshold``, the threshold and the undated prior are those
    :func:`calibrate` derives from the articles (``DEFAULT_THRESHOLD`` and ``UNDATED_PRIOR``
    or stricter, where chance similarity would make too many of the joins), and a story of
    only two articles stands only at its stricter bar for lone pairs
    (:func:`split_lone_pairs`), in a sparse folder only when its two dated articles share their
    day (:func:`lone_pair_weights`); a given ``threshold`` is used as it is, with
    ``UNDATED_PRIOR``, for every story.

    A Dask DataFrame gives the same Series as its pandas equivalent (see
    :func:`analysis.scale.story_groups`).

    Returns an int64 Series named ``story``, aligned with ``docs.index``. Ids count from 0 in
    order of each story's first date, then its smallest ``doc_id`` (stories without a date
    last); an article alone is a story of one. The ids do not depend on the order of the rows.

    ``progress``: a tqdm bar over the days compared (``None``: only from
    ``analysis.scale.PROGRESS_ARTICLES`` articles, so never on the samples).
    """
    require_columns(docs, "text", fn="story_groups")
    if is_dask(docs):  # the Dask path gathers the features first: analysis.story_groups
        raise TypeError(
            "analysis.compare.stories.story_groups takes a pandas DataFrame; "
            "analysis.story_groups also takes a Dask DataFrame"
        )
    threshold = None if threshold is None else float(threshold)
    window = DEFAULT_WINDOW_DAYS if window_days is None else max(int(window_days), 0)
    n = len(docs)
    if n == 0:
        return pd.Series([], index=docs.index, name="story", dtype="int64")
    day, dated = _story_days(docs)
    order = _canonical_order(docs, day, dated)
    texts = _story_texts(docs.iloc[order])
    x = story_features(docs.iloc[order], texts=texts)
    bar = None
    if wants_progress(progress, n, PROGRESS_ARTICLES):
        from tqdm.auto import tqdm

        bar = tqdm(total=len(np.unique(day[dated])), desc="stories", unit="day")
    prior = UNDATED_PRIOR if "date" in docs else 1.0
    day_s, dated_s = day[order], dated[order]
    bar_floor = (DEFAULT_THRESHOLD if threshold is None else threshold) * EDGE_FRACTION
    i, j, weight = _story_edges(x, day_s, dated_s, bar_floor, window, prior, bar)
    if threshold is None:
        n_undated = int(np.count_nonzero(~dated))
        edges = _Edges(
            i,
            j,
            weight,
            ~(dated_s[i] & dated_s[j]),
            n_undated * (n - 1) - n_undated * (n_undated - 1) / 2,
        )
        i, j, weight, cal = _calibrated_edges(x, day_s, dated_s, edges, window)
        threshold, pair_bar = cal.threshold, cal.pair_threshold
    else:
        pair_bar = threshold
    if not dated_s.all():
        clash = undated_weekday_clash(texts, i, j, dated_s)
        weight = np.where(clash, weight * np.float32(WEEKDAY_CLASH), weight).astype(weight.dtype)
    labels = np.empty(n, dtype=np.int64)
    labels[order] = _linked(n, i, j, weight, day_s, dated_s, threshold, pair_bar)
    return _renumbered(docs, labels, day, dated)


def _linked(
    n: int,
    i: np.ndarray,
    j: np.ndarray,
    weight: np.ndarray,
    day: np.ndarray,
    dated: np.ndarray,
    threshold: float,
    pair_bar: float,
) -> np.ndarray:
    """Each article's story label (articles in canonical order): :func:`average_linkage` at
    ``threshold``, then the stories of two that do not reach ``pair_bar`` split
    (:func:`split_lone_pairs`; in a sparse folder, where ``pair_bar`` rose above ``threshold``,
    two dated articles of different days, :func:`lone_pair_weights`)."""
    clusters = average_linkage(n, i, j, weight, threshold)
    lone = lone_pair_weights(weight, day[i], day[j], dated[i] & dated[j], pair_bar > threshold)
    return split_lone_pairs(clusters, i, j, lone, pair_bar)


def _calibrated_edges(
    x: sparse.csr_matrix, day: np.ndarray, dated: np.ndarray, edges: _Edges, window: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, Calibration]:
    """``edges`` (found at the default bar) under the folder's :func:`calibrate`: undated
    pairs reweighed by its undated prior, pairs under its threshold's edge bar dropped; and
    that calibration."""
    cal = calibrate(
        chance_similarities(x, day, dated, window, NULL_WINDOWS * window),
        chance_similarities(_pruned(x), day, dated, window, np.inf),
        edges,
        pairs_by_gap(day[dated], window),
        window,
    )
    weight = np.where(
        edges.undated, edges.weight * (cal.undated_prior / UNDATED_PRIOR), edges.weight
    )
    keep = weight >= cal.threshold * EDGE_FRACTION
    return edges.i[keep], edges.j[keep], weight[keep], cal


def _canonical_order(docs: pd.DataFrame, day: np.ndarray, dated: np.ndarray) -> np.ndarray:
    """Row positions dated first, by day, then ``doc_id`` (and a hash of title and text when
    ``doc_id`` is missing or repeated): grouping runs in this order, so that ties break the
    same way whatever the order of the rows."""
    key = pd.DataFrame({"undated": ~dated, "day": np.where(dated, day, 0)})
    if "doc_id" in docs:
        key["doc_id"] = docs["doc_id"].fillna("").astype("str").to_numpy()
    if "doc_id" not in key or key["doc_id"].duplicated().any():
        cols = [c for c in ("title", "text") if c in docs]
        key["content"] = pd.util.hash_pandas_object(docs[cols], index=False).to_numpy()
    return np.asarray(
        key.sort_values(list(key.columns), kind="stable").index.to_numpy(), dtype=np.int64
    )


def _story_days(docs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """``(day number, dated)`` of every article: days since the epoch (0 without a ``date``
    column) and whether its date is known."""
    n = len(docs)
    if "date" in docs:
        dates = pd.to_datetime(docs["date"], errors="coerce")
        day = dates.dt.normalize().to_numpy(dtype="datetime64[D]").astype("int64")
        dated = dates.notna().to_numpy()
    else:
        day = np.zeros(n, dtype=np.int64)
        dated = np.zeros(n, dtype=bool)
    return day, dated


def _renumbered(
    docs: pd.DataFrame, labels: np.ndarray, day: np.ndarray, dated: np.ndarray
) -> pd.Series:
    """Components renumbered deterministically: first date, then smallest doc_id."""
    n = len(docs)
    key = pd.DataFrame(
        {
            "label": labels,
            "undated": ~dated,
            "day": np.where(dated, day, np.iinfo(np.int64).max),
            "doc_id": docs["doc_id"].astype("str").to_numpy()
            if "doc_id" in docs
            else np.arange(n).astype(str),
        }
    )
    first = key.groupby("label").agg(day=("day", "min"), doc_id=("doc_id", "min"))
    first = first.sort_values(["day", "doc_id"], kind="stable")
    new_id = pd.Series(np.arange(len(first), dtype=np.int64), index=first.index)
    return pd.Series(new_id.loc[labels].to_numpy(), index=docs.index, name="story", dtype="int64")


_TITLE_WORD = re.compile(r"[^\W\d_]{3,}")


def central_title(titles: pd.Series | list[str]) -> str:
    """The title that shares the most words with the story's other titles (summed Jaccard
    overlap of their words, stop words left out; ties: the first given, i.e. the earliest):
    the headline that says what the story is, rather than the first outlet's angle on it
    ("Trump says ISIS leader killed in raid" over "Why the raid changes nothing"). "" when
    no article has a title."""
    given = [t for t in (titles.tolist() if isinstance(titles, pd.Series) else titles) if t]
    if len(given) <= 2:
        return given[0] if given else ""
    words = [
        {w for w in _TITLE_WORD.findall(t.lower()) if w not in ENGLISH_STOP_WORDS} for t in given
    ]

    def overlap(i: int) -> float:
        return sum(
            len(words[i] & w) / len(words[i] | w) for j, w in enumerate(words) if j != i and w
        )

    scores = [overlap(i) if words[i] else -1.0 for i in range(len(given))]
    return given[max(range(len(given)), key=lambda i: (scores[i], -i))]


def story_table(
    docs: pd.DataFrame, stories: pd.Series | None = None, *, min_outlets: int = 2
) -> pd.DataFrame:
    """One row per story covered by at least ``min_outlets`` outlets.

    Columns: ``story``, ``n_articles``, ``n_outlets``, ``first_date``, ``last_date`` (NaT when
    undated), ``outlets`` ("CNN; Fox News"), ``title`` (:func:`central_title` of its
    articles' titles).
    Sorted by ``n_outlets`` then ``n_articles`` (both descending), then ``story``.
    """
    require_columns(docs, "doc_id", "text", fn="story_table")
    stories = story_groups(docs) if stories is None else stories
    if len(stories) != len(docs):
        raise ValueError(
            f"story_table: stories has {len(stories)} rows but docs {len(docs)}; "
            "pass story_groups(docs) of the same docs table"
        )
    frame = pd.DataFrame(
        {
            "story": stories.to_numpy(),
            "doc_id": docs["doc_id"].astype("str").to_numpy(),
            "outlet": (
                docs["outlet"].fillna("unknown").astype("str")
                if "outlet" in docs
                else pd.Series("unknown", index=docs.index)
            ).to_numpy(),
            "date": pd.to_datetime(docs["date"], errors="coerce").to_numpy()
            if "date" in docs
            else pd.NaT,
            "title": docs["title"].fillna("").astype("str").to_numpy() if "title" in docs else "",
        }
    ).sort_values(["story", "date", "doc_id"], kind="stable")
    grouped = frame.groupby("story", sort=True)
    out = pd.DataFrame(
        {
            "n_articles": grouped.size(),
            "n_outlets": grouped["outlet"].nunique(),
            "first_date": grouped["date"].min(),
            "last_date": grouped["date"].max(),
            "outlets": grouped["outlet"].agg(lambda s: "; ".join(sorted(set(s)))),
            "title": grouped["title"].agg(central_title),
        }
    ).reset_index()
    out = out[out["n_outlets"] >= min_outlets]
    out = out.sort_values(
        ["n_outlets", "n_articles", "story"], ascending=[False, False, True], kind="stable"
    )
    return out.reset_index(drop=True)
