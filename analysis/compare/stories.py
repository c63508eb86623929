"""Story groups: which articles, across outlets, report the same event.

Two articles belong to one story when they were published within ``window_days`` of each other
and the TF-IDF vectors (scikit-learn, sparse) of their title and lead are close (the IDF of the
loaded articles times the rarity of the word in English, so two articles loaded alone still
weigh "Karabakh" above "said"); a story is a
connected component of such pairs (scipy). Only articles in the same date window are ever
compared, as sparse matrix products, so the cost grows with the articles per day rather than
with the square of the corpus: 37,554 articles take seconds (see bench/bench_compare.py). The
words are counted in polars (both cores), to the very matrix scikit-learn's TfidfVectorizer
builds; the products run in blocks of days on two threads.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
from scipy import sparse
from scipy.sparse.csgraph import connected_components
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

# Cosine of title+lead TF-IDF at which two articles count as one event. Tuned on the
# multi-outlet corpus, reading the titles of same-day cross-outlet pairs: from about 0.24 up
# they mostly report one event ("Trump kicks off his 12-day tour of Asia in Japan" / "Trump
# ready for 'busy' leg of Asia trip"); below, they share a topic. The seed pair scores 0.29.
DEFAULT_THRESHOLD = 0.25
# The lead carries the event (who, what, when); later paragraphs drift into background that
# unrelated stories share.
LEAD_CHARS = 2000
# In a corpus with dates, an article whose date is missing lacks half the evidence (the date
# window), so it needs this much more text similarity to join a story: on the multi-outlet
# corpus its 4,444 undated articles otherwise chain into groups of 90 across topics.
UNDATED_MARGIN = 0.1
# Rows per sparse product: dated articles in blocks of whole days of about _DAY_ROWS articles
# (each against itself and the window after it; small, as most of a larger block's pairs lie
# outside the window), undated articles in blocks of _BLOCK (each against itself and all the
# undated articles after it).
_DAY_ROWS = 64
_BLOCK = 500
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


def _block_edges(
    x: sparse.csr_matrix,
    a: int,
    b: int,
    hi: int,
    threshold: float,
    days: np.ndarray | None,
    window: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (positions in ``x``) of row ``i`` in ``a:b`` and a later row ``j < hi`` whose
    cosine reaches ``threshold`` (and, with ``days``, at most ``window`` days apart).

    The cosine of a pair is computed with the earlier row on the left, as the day-by-day loop
    this replaces did, so it is the same float32 to the last bit."""
    sim = (x[a:b] @ x[a:hi].T).tocoo()
    keep = sim.data >= threshold
    r, c = sim.row[keep].astype(np.int64) + a, sim.col[keep].astype(np.int64) + a
    ok = r < c
    if days is not None:
        ok &= days[c] - days[r] <= window
    return r[ok], c[ok]


def story_groups(
    docs: pd.DataFrame,
    *,
    threshold: float | None = None,
    window_days: int = 1,
    progress: bool | None = None,
) -> pd.Series:
    """A story id for every article: articles about the same event share one.

    Needs ``text`` (``title`` and ``date`` are used when present). Without a ``date`` column
    all articles are compared with each other; where ``date`` is NaT an article is compared
    with the other undated ones only, at ``threshold + UNDATED_MARGIN``. ``threshold``: cosine of
    title+lead TF-IDF (default ``DEFAULT_THRESHOLD``); ``window_days``: how far apart two
    articles of one story may be published.

    A Dask DataFrame gives the same Series as its pandas equivalent (see
    :func:`analysis.scale.story_groups`).

    Returns an int64 Series named ``story``, aligned with ``docs.index``. Ids count from 0 in
    order of each story's first date, then its smallest ``doc_id`` (stories without a date
    last); an article alone is a story of one.

    ``progress``: a tqdm bar over the days compared (``None``: only from
    ``analysis.scale.PROGRESS_ARTICLES`` articles, so never on the samples).
    """
    require_columns(docs, "text", fn="story_groups")
    if is_dask(docs):  # the Dask path gathers the features first: analysis.story_groups
        raise TypeError(
            "analysis.compare.stories.story_groups takes a pandas DataFrame; "
            "analysis.story_groups also takes a Dask DataFrame"
        )
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    n = len(docs)
    if n == 0:
        return pd.Series([], index=docs.index, name="story", dtype="int64")
    x = story_vectors(_story_texts(docs))
    day, dated = _story_days(docs)
    tasks, n_days = _block_tasks(x, day, dated, threshold, window_days, "date" in docs)
    bar = None
    if wants_progress(progress, n, PROGRESS_ARTICLES):
        from tqdm.auto import tqdm

        bar = tqdm(total=n_days, desc="stories", unit="day")
    s, t = _linked_pairs(tasks, bar)
    graph = sparse.coo_matrix((np.ones(len(s), dtype=np.int8), (s, t)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return _renumbered(docs, labels, day, dated)


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


def _block_tasks(
    x: sparse.csr_matrix,
    day: np.ndarray,
    dated: np.ndarray,
    threshold: float,
    window_days: int,
    has_dates: bool,
) -> tuple[list[tuple], int]:
    """The comparisons to run, and the number of distinct days. Blocks of consecutive rows
    (dated articles in date order, whole days per block) against themselves and the rows
    after them: the sparse products run on both cores (SciPy releases the GIL), and few large
    products cost far less than one pair per day."""
    tasks: list[tuple] = []
    # Dated articles: each day against itself and the next window_days days.
    window = max(window_days, 0)
    idx = np.nonzero(dated)[0]
    n_days = 0
    if len(idx):
        order = idx[np.argsort(day[idx], kind="stable")]
        days = day[order]
        xd = x[order]
        n_days = len(np.unique(days))
        a = 0
        while a < len(order):
            b = int(np.searchsorted(days, days[min(a + _DAY_ROWS, len(order)) - 1], side="right"))
            hi = int(np.searchsorted(days, days[b - 1] + window, side="right"))
            tasks.append((order, xd, a, b, hi, threshold, days, window, len(np.unique(days[a:b]))))
            a = b
    # Undated articles: among themselves, in blocks.
    idx = np.nonzero(~dated)[0]
    strict = min(1.0, threshold + UNDATED_MARGIN) if has_dates else threshold
    if len(idx):
        xu = x[idx]
        tasks += [
            (idx, xu, a, min(a + _BLOCK, len(idx)), len(idx), strict, None, 0, 0)
            for a in range(0, len(idx), _BLOCK)
        ]
    return tasks, n_days


def _run_block(task: tuple) -> tuple[np.ndarray, np.ndarray]:
    """The linked pairs (row numbers in ``docs``) of one comparison of :func:`_block_tasks`."""
    rows, xs, a, b, hi, cut, days, win, _ = task
    r, c = _block_edges(xs, a, b, hi, cut, days, win)
    return rows[r], rows[c]


def _linked_pairs(tasks: list[tuple], bar: Any) -> tuple[np.ndarray, np.ndarray]:
    """Every linked pair of articles as ``(sources, targets)``, the tasks run on threads;
    ``bar`` (a tqdm bar or None) advances by each task's days and is closed."""
    src: list[np.ndarray] = []
    dst: list[np.ndarray] = []
    with ThreadPoolExecutor(max_workers=_THREADS) as pool:
        for task, (r, c) in zip(tasks, pool.map(_run_block, tasks), strict=True):
            src.append(r)
            dst.append(c)
            if bar is not None:
                bar.update(task[-1])
    if bar is not None:
        bar.close()
    s = np.concatenate(src) if src else np.empty(0, np.int64)
    t = np.concatenate(dst) if dst else np.empty(0, np.int64)
    return s, t


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


def story_table(
    docs: pd.DataFrame, stories: pd.Series | None = None, *, min_outlets: int = 2
) -> pd.DataFrame:
    """One row per story covered by at least ``min_outlets`` outlets.

    Columns: ``story``, ``n_articles``, ``n_outlets``, ``first_date``, ``last_date`` (NaT when
    undated), ``outlets`` ("CNN; Fox News"), ``title`` (the first article's, when titles exist).
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
            "title": grouped["title"].first(),
        }
    ).reset_index()
    out = out[out["n_outlets"] >= min_outlets]
    out = out.sort_values(
        ["n_outlets", "n_articles", "story"], ascending=[False, False, True], kind="stable"
    )
    return out.reset_index(drop=True)
