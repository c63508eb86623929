"""Per-article work on several cores of one machine: the ``n_jobs`` keyword of
:func:`analysis.extract_quotes`.

Quote extraction is pure Python, one core per process, and reads each article on its own. So
the articles are cut into consecutive chunks of about equal text length, each chunk goes to a
worker process as one call of the same pandas function, and the chunks' tables are
concatenated in chunk order. Run over articles already in the function's own output order,
this gives exactly the table one call gives. For a cluster, pass a Dask DataFrame instead
(:mod:`analysis.scale`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import pandas as pd

# Chunks per worker process: enough that a slow chunk (long articles) does not leave the other
# cores idle at the end, few enough that each chunk's pickling and start-up stay negligible.
CHUNKS_PER_JOB = 8


def resolve_n_jobs(n_jobs: int | None) -> int:
    """``n_jobs`` as a number of processes, in scikit-learn's convention: ``None`` or 1 is
    this process, -1 every core, -2 all but one, ..."""
    if n_jobs is None:
        return 1
    if n_jobs == 0:
        raise ValueError("n_jobs must not be 0 (1 is this process, -1 every core)")
    cores = os.cpu_count() or 1
    return max(1, cores + 1 + n_jobs) if n_jobs < 0 else n_jobs


def chunks_by_text(docs: pd.DataFrame, n: int) -> list[pd.DataFrame]:
    """``docs`` cut into at most ``n`` consecutive, non-empty chunks of about equal text length
    (the cost of reading an article grows with its text, not with the article count)."""
    size = docs["text"].fillna("").astype(str).str.len().cumsum().to_numpy()
    total = int(size[-1]) if len(size) else 0
    bounds = sorted({0, len(docs)} | {int((size < total * k / n).sum()) for k in range(1, n)})
    return [docs.iloc[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True) if b > a]


def map_chunks(fn: Callable[[pd.DataFrame], pd.DataFrame], docs: pd.DataFrame, *,
               n_jobs: int, desc: str = "", progress: bool = False) -> pd.DataFrame:
    """``fn`` over consecutive chunks of ``docs`` in ``n_jobs`` processes, the tables
    concatenated in chunk order. ``fn`` must be a module-level function (it is pickled by
    name) that reads each row on its own; the caller puts ``docs`` in output order first.
    ``progress``: a tqdm bar over the articles, advancing per finished chunk."""
    chunks = chunks_by_text(docs, n_jobs * CHUNKS_PER_JOB)
    if len(chunks) <= 1:
        return fn(docs)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(docs), desc=desc, unit="article")
    # "spawn": fresh workers that inherit none of this process's threads (polars and pyarrow
    # start thread pools; forking a process with threads can deadlock the child).
    ctx = get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=min(n_jobs, len(chunks)), mp_context=ctx) as pool:
            futures = [pool.submit(fn, chunk) for chunk in chunks]
            parts = []
            for fut, chunk in zip(futures, chunks, strict=True):
                parts.append(fut.result())  # a failed chunk raises here, with its traceback
                if bar is not None:
                    bar.update(len(chunk))
    finally:
        if bar is not None:
            bar.close()
    non_empty = [p for p in parts if len(p)]
    # Every part has the same columns and dtypes; an all-empty result keeps them.
    return contiguous(pd.concat(non_empty, ignore_index=True)) if non_empty else parts[0]


def contiguous(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each Arrow-backed column (pandas' ``str`` columns) in one piece of memory.

    ``pd.concat`` and ``read_parquet`` leave such columns in several chunks, and Arrow's
    ``take`` concatenates every chunk before it picks rows: showing 100 rows of the whole
    corpus's quote table then copies its 230 MB of text (0.1 s per redraw of a browser),
    against under a millisecond from one chunk. Columns already in one chunk, and other
    columns, are kept as they are (not copied); a frame without chunked columns comes back
    itself.
    """
    import pyarrow as pa

    out = frame
    for name, col in frame.items():
        if isinstance(col.array, pd.arrays.ArrowExtensionArray):  # (str columns too)
            chunks = pa.array(col.array)  # the column's own ChunkedArray, not a copy
            if isinstance(chunks, pa.ChunkedArray) and chunks.num_chunks > 1:
                if out is frame:
                    out = frame.copy(deep=False)
                out[name] = pd.array(chunks.combine_chunks(), dtype=col.dtype)
    return out
