"""Per-article work on several cores of one machine: the ``n_jobs`` keyword of
:func:`analysis.extract_quotes`.

Quote extraction is pure Python, one core per process, and reads each article on its own. So
the articles are cut into consecutive chunks by text length (large ones first, small ones at
the end), each chunk is read by one call of the same pandas function, in this process or in
one of ``n_jobs - 1`` worker processes, and the chunks' tables are concatenated in chunk
order. Run over articles already in the function's own output order, this gives exactly the
table one call gives. For a cluster, pass a Dask DataFrame instead
(:mod:`analysis.scale`).
"""

from __future__ import annotations

import atexit
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import pandas as pd

# Guided scheduling, as OpenMP's: each chunk is a 1/(SHARE x n_jobs) part of the text not cut
# yet, so the first chunks are large (few pickles, few calls) and the last ones small, down to
# 1/(TAIL_CHUNKS x n_jobs) of the whole: when one process runs out of chunks, the others hold
# at most a small one or two, not a sixteenth of the corpus each. A worker holds the chunk it
# reads and the next one, taken as it began this one, hence a share of 1/3 rather than
# OpenMP's 1/2, so that the processes finish close together (bench/results has the figures).
SHARE = 3
TAIL_CHUNKS = 64


def resolve_n_jobs(n_jobs: int | None) -> int:
    """``n_jobs`` as a number of processes, in scikit-learn's convention: ``None`` or 1 is
    this process, -1 every core, -2 all but one, ..."""
    if n_jobs is None:
        return 1
    if n_jobs == 0:
        raise ValueError("n_jobs must not be 0 (1 is this process, -1 every core)")
    cores = os.cpu_count() or 1
    return max(1, cores + 1 + n_jobs) if n_jobs < 0 else n_jobs


def chunks_by_text(docs: pd.DataFrame, n_jobs: int) -> list[pd.DataFrame]:
    """``docs`` cut into consecutive, non-empty chunks for ``n_jobs`` processes, by text length
    (the cost of reading an article grows with its text, not with the article count): each
    chunk holds a 1/(``SHARE`` x ``n_jobs``) part of the text after the chunks before it, and
    at least 1/(``TAIL_CHUNKS`` x ``n_jobs``) of the whole (the last chunk: what is left)."""
    size = docs["text"].fillna("").astype(str).str.len().cumsum().to_numpy()
    total = int(size[-1]) if len(size) else 0
    cuts, cut = [], 0.0
    while cut < total:
        cut += max((total - cut) / (SHARE * n_jobs), total / (TAIL_CHUNKS * n_jobs))
        cuts.append(cut)
    bounds = sorted({0, len(docs)} | {int((size < c).sum()) for c in cuts[:-1]})
    return [docs.iloc[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True) if b > a]


def map_chunks(
    fn: Callable[[pd.DataFrame], pd.DataFrame],
    docs: pd.DataFrame,
    *,
    n_jobs: int,
    desc: str = "",
    progress: bool = False,
) -> pd.DataFrame:
    """``fn`` over consecutive chunks of ``docs`` in ``n_jobs`` processes (this one and
    ``n_jobs - 1`` workers), the tables concatenated in chunk order. ``fn`` must be picklable
    (a module-level function, or a ``partial`` of one) and read each row on its own; the
    caller puts ``docs`` in output order first. ``progress``: a tqdm bar over the articles,
    advancing per finished chunk."""
    chunks = chunks_by_text(docs, n_jobs)
    if len(chunks) <= 1 or n_jobs <= 1:
        return fn(docs)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(docs), desc=desc, unit="article")
    # This process is one of the n_jobs: a worker costs a second to start (it imports pandas
    # and this package) and every chunk it reads is pickled there and back; this process has
    # both already, and its caches are warm from earlier calls. Every chunk is submitted to
    # the n_jobs - 1 workers, and this process takes, in order, each one that no worker has
    # taken yet (such a chunk can be cancelled).
    # "spawn": fresh workers that inherit none of this process's threads (polars and pyarrow
    # start thread pools; forking a process with threads can deadlock the child).
    ctx = get_context("spawn")
    parts: list[pd.DataFrame | None] = [None] * len(chunks)
    shown: set[int] = set()

    def show(k: int) -> None:
        if bar is not None and k not in shown:
            shown.add(k)
            bar.update(len(chunks[k]))

    try:
        with tempfile.TemporaryDirectory(prefix="analysis-chunks-") as tmp:
            pool = ProcessPoolExecutor(
                max_workers=min(n_jobs - 1, len(chunks) - 1),
                mp_context=ctx,
                initializer=_exit_quickly,
            )
            done = False
            try:
                futures = [
                    pool.submit(_to_file, fn, chunk, os.path.join(tmp, f"{k}.pickle"))
                    for k, chunk in enumerate(chunks)
                ]
                for k, fut in enumerate(futures):
                    if fut.cancel():
                        parts[k] = fn(chunks[k])
                        show(k)
                    for j, other in enumerate(futures):
                        if other.done() and not other.cancelled():
                            show(j)  # (a worker's chunk, finished meanwhile)
                for k, fut in enumerate(futures):
                    if parts[k] is None:
                        with open(fut.result(), "rb") as f:  # a failed chunk raises here
                            parts[k] = pickle.load(f)
                        show(k)
                done = True
            finally:
                # After an error or Ctrl-C here, chunks not started are dropped and the
                # workers' current ones are not waited for.
                pool.shutdown(wait=done, cancel_futures=True)
    finally:
        if bar is not None:
            bar.close()
    tables = [p for p in parts if p is not None]
    non_empty = [p for p in tables if len(p)]
    # Every part has the same columns and dtypes; an all-empty result keeps them.
    return contiguous(pd.concat(non_empty, ignore_index=True)) if non_empty else tables[0]


def _exit_quickly() -> None:
    """A worker's initializer: when the pool shuts it down, it exits without freeing its
    objects one by one (its name caches hold millions: 0.55 s after an eighth of the corpus,
    against 0.04 s), once its output is flushed. Its tables are in files by then."""
    atexit.register(_exit_now)


def _exit_now() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _to_file(fn: Callable[[pd.DataFrame], pd.DataFrame], chunk: pd.DataFrame, path: str) -> str:
    """A worker's call: ``fn(chunk)`` pickled to ``path``, which is returned.

    Not returned through the pool's pipe: this process reads a result from the pipe in 64 KB
    pieces, each needing the GIL, which it gets only between two articles of its own chunk
    (analysis.quotes), so the worker waited 7 s of a 50 s run to hand over one table. A
    file is written at once, and read once this process has finished its own chunks.
    """
    table = fn(chunk)
    with open(path, "wb") as f:
        pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
    return path


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
