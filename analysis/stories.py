"""Story groups: which articles, across outlets, report the same event.

Two articles belong to one story when they were published within ``window_days`` of each other
and the TF-IDF vectors (scikit-learn, sparse) of their title and lead are close (the IDF of the
loaded articles times the rarity of the word in English, so two articles loaded alone still
weigh "Karabakh" above "said"); a story is a
connected component of such pairs (scipy). Only articles in the same date window are ever
compared, as sparse matrix products, so the cost grows with the articles per day rather than
with the square of the corpus: 37,554 articles take seconds (see bench/bench_compare.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from .align import lemma_weight
from .scale import is_dask

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
# Articles without a date are compared among themselves in blocks of this many rows.
_BLOCK = 2000


def story_texts(docs: pd.DataFrame, *, lead_chars: int = LEAD_CHARS) -> pd.Series:
    """What story grouping compares: the title (when present) and the first ``lead_chars``
    characters of the text."""
    text = docs["text"].fillna("").astype("str").str.slice(0, lead_chars)
    if "title" in docs:
        text = docs["title"].fillna("").astype("str") + "\n" + text
    return text


def _vectors(texts: pd.Series) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows. The weight of a word is its IDF in these articles times its
    rarity in English (wordfreq, :func:`analysis.align.lemma_weight`): the first discounts what
    every article of this corpus says ("Trump" in 2016), the second keeps a small corpus (two
    articles) from treating every shared word as worthless."""
    vectorizer = TfidfVectorizer(strip_accents="unicode", stop_words="english",
                                 sublinear_tf=True, norm=None, dtype=np.float32)
    try:
        tf = vectorizer.fit_transform(texts.tolist()).tocsr()
    except ValueError:  # every text empty or stop words only: nothing to compare
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)
    idf = np.array([lemma_weight(t) for t in vectorizer.get_feature_names_out()],
                   dtype=np.float32)
    return normalize(tf @ sparse.diags(idf), norm="l2", copy=False).tocsr()


def _edges(x: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray, threshold: float,
           same_block: bool) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (global indices) among ``rows`` x ``cols`` whose cosine reaches ``threshold``."""
    sim = (x[rows] @ x[cols].T).tocoo()
    keep = sim.data >= threshold
    r, c = sim.row[keep], sim.col[keep]
    if same_block:  # rows and cols are the same articles: each pair once, no self-pairs
        upper = r < c
        r, c = r[upper], c[upper]
    return rows[r], cols[c]


def story_groups(docs: pd.DataFrame, *, threshold: float | None = None,
                 window_days: int = 1, progress: bool | None = None) -> pd.Series:
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
    from .scale import PROGRESS_ARTICLES, wants_progress

    if is_dask(docs):  # gathers each article's title, date and lead, then this function
        from .scale import story_groups as story_groups_dask

        return story_groups_dask(docs, threshold=threshold, window_days=window_days,
                                 progress=progress)
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    n = len(docs)
    if n == 0:
        return pd.Series([], index=docs.index, name="story", dtype="int64")
    x = _vectors(story_texts(docs))
    if "date" in docs:
        dates = pd.to_datetime(docs["date"], errors="coerce")
        day = dates.dt.normalize().to_numpy(dtype="datetime64[D]").astype("int64")
        dated = dates.notna().to_numpy()
    else:
        day = np.zeros(n, dtype=np.int64)
        dated = np.zeros(n, dtype=bool)
    src: list[np.ndarray] = []
    dst: list[np.ndarray] = []
    # Dated articles: each day against itself and the next window_days days.
    idx = np.nonzero(dated)[0]
    if len(idx):
        order = idx[np.argsort(day[idx], kind="stable")]
        days = day[order]
        uniq, first = np.unique(days, return_index=True)
        bounds = np.append(first, len(order))
        days_done = range(len(uniq))
        if wants_progress(progress, n, PROGRESS_ARTICLES):
            from tqdm.auto import tqdm

            days_done = tqdm(days_done, desc="stories", unit="day")
        for k in days_done:
            d = uniq[k]
            rows = order[bounds[k]:bounds[k + 1]]
            r, c = _edges(x, rows, rows, threshold, same_block=True)
            src.append(r)
            dst.append(c)
            hi = np.searchsorted(days, d + window_days, side="right")
            if hi > bounds[k + 1]:
                later = order[bounds[k + 1]:hi]
                r, c = _edges(x, rows, later, threshold, same_block=False)
                src.append(r)
                dst.append(c)
    # Undated articles: among themselves, block by block.
    idx = np.nonzero(~dated)[0]
    strict = min(1.0, threshold + UNDATED_MARGIN) if "date" in docs else threshold
    for a in range(0, len(idx), _BLOCK):
        rows = idx[a:a + _BLOCK]
        r, c = _edges(x, rows, rows, strict, same_block=True)
        src.append(r)
        dst.append(c)
        if a + _BLOCK < len(idx):
            r, c = _edges(x, rows, idx[a + _BLOCK:], strict, same_block=False)
            src.append(r)
            dst.append(c)
    s = np.concatenate(src) if src else np.empty(0, np.int64)
    t = np.concatenate(dst) if dst else np.empty(0, np.int64)
    graph = sparse.coo_matrix((np.ones(len(s), dtype=np.int8), (s, t)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    # Renumber components deterministically: first date, then smallest doc_id.
    key = pd.DataFrame({
        "label": labels,
        "undated": ~dated,
        "day": np.where(dated, day, np.iinfo(np.int64).max),
        "doc_id": docs["doc_id"].astype("str").to_numpy() if "doc_id" in docs
        else np.arange(n).astype(str),
    })
    first = key.groupby("label").agg(day=("day", "min"), doc_id=("doc_id", "min"))
    first = first.sort_values(["day", "doc_id"], kind="stable")
    new_id = pd.Series(np.arange(len(first), dtype=np.int64), index=first.index)
    return pd.Series(new_id.loc[labels].to_numpy(), index=docs.index, name="story",
                     dtype="int64")


def story_table(docs: pd.DataFrame, stories: pd.Series | None = None, *,
                min_outlets: int = 2) -> pd.DataFrame:
    """One row per story covered by at least ``min_outlets`` outlets.

    Columns: ``story``, ``n_articles``, ``n_outlets``, ``first_date``, ``last_date`` (NaT when
    undated), ``outlets`` ("CNN; Fox News"), ``title`` (the first article's, when titles exist).
    Sorted by ``n_outlets`` then ``n_articles`` (both descending), then ``story``.
    """
    stories = story_groups(docs) if stories is None else stories
    frame = pd.DataFrame({
        "story": stories.to_numpy(),
        "doc_id": docs["doc_id"].astype("str").to_numpy(),
        "outlet": (docs["outlet"].fillna("unknown").astype("str") if "outlet" in docs
                   else pd.Series("unknown", index=docs.index)).to_numpy(),
        "date": pd.to_datetime(docs["date"], errors="coerce").to_numpy() if "date" in docs
        else pd.NaT,
        "title": docs["title"].fillna("").astype("str").to_numpy() if "title" in docs else "",
    }).sort_values(["story", "date", "doc_id"], kind="stable")
    grouped = frame.groupby("story", sort=True)
    out = pd.DataFrame({
        "n_articles": grouped.size(),
        "n_outlets": grouped["outlet"].nunique(),
        "first_date": grouped["date"].min(),
        "last_date": grouped["date"].max(),
        "outlets": grouped["outlet"].agg(lambda s: "; ".join(sorted(set(s)))),
        "title": grouped["title"].first(),
    }).reset_index()
    out = out[out["n_outlets"] >= min_outlets]
    out = out.sort_values(["n_outlets", "n_articles", "story"], ascending=[False, False, True],
                          kind="stable")
    return out.reset_index(drop=True)
