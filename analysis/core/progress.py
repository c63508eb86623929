"""Progress bars and the partition runner shared by the pandas and Dask paths.

Base modules ask here whether a table is a Dask DataFrame and whether work is large enough for
a progress bar; the Dask map-reduce helpers live here too so that a counting module can run its
own per-partition step without importing :mod:`analysis.scale`. Dask itself is imported only
inside the functions that run Dask work (it is optional and slow to import).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def is_dask(obj: object) -> bool:
    """True when ``obj`` is a Dask DataFrame. Never imports Dask: if ``dask.dataframe`` was not
    imported yet, no Dask DataFrame can exist."""
    dd = sys.modules.get("dask.dataframe")
    return dd is not None and isinstance(obj, dd.DataFrame)


# Work this large gets a progress bar by default (``progress=None``): pandas calls on at least
# PROGRESS_ARTICLES articles, Dask calls on at least PROGRESS_PARTS partitions. The samples (2
# articles, one partition) stay below both, so the notebooks' stored outputs never hold a bar.
PROGRESS_ARTICLES = 2_000
PROGRESS_PARTS = 4

# (description, enabled) of the bar the next map_reduce shows; set by the public functions
# around their Dask call (see progress_bar), so the counting code needs no progress argument.
_BAR: ContextVar[tuple[str, bool | None]] = ContextVar("analysis_progress", default=("", False))


@contextmanager
def progress_bar(desc: str, enabled: bool | None) -> Iterator[None]:
    """Inside this block, :func:`map_reduce` and :func:`map_items` show a tqdm bar named
    ``desc`` over their partitions: always (``True``), never (``False``) or when there are at
    least ``PROGRESS_PARTS`` of them (``None``)."""
    token = _BAR.set((desc, enabled))
    try:
        yield
    finally:
        _BAR.reset(token)


def wants_progress(enabled: bool | None, size: int, threshold: int) -> bool:
    """``enabled``, or when it is ``None``, whether ``size`` reaches ``threshold``."""
    return size >= threshold if enabled is None else bool(enabled)


def _compute(tasks: list[Any]) -> list[Any]:
    """``dask.compute(*tasks)`` as a list, with a tqdm bar (tqdm.auto: a widget in notebooks)
    over the tasks when :func:`progress_bar` asks for one. On a distributed Client the bar
    follows the futures as they complete; on Dask's local schedulers, a scheduler callback."""
    import dask

    desc, enabled = _BAR.get()
    if not wants_progress(enabled, len(tasks), PROGRESS_PARTS):
        return list(dask.compute(*tasks))
    from tqdm.auto import tqdm

    # The scheduler dask.compute would use; a distributed Client's is its bound .get method.
    client = getattr(dask.base.get_scheduler(), "__self__", None)
    distributed = sys.modules.get("distributed")  # a Client exists only if this was imported
    with tqdm(total=len(tasks), desc=desc, unit="part") as bar:
        if distributed is not None and isinstance(client, distributed.Client):
            futures = client.compute(tasks)
            for _ in distributed.as_completed(futures):
                bar.update()
            return client.gather(futures)
        from dask.callbacks import Callback

        keys = {t.key for t in tasks}

        class _Bar(Callback):
            def _posttask(self, key, result, dsk, state, worker_id):
                if key in keys:
                    bar.update()

        with _Bar():
            return list(dask.compute(*tasks))


def map_reduce(
    ddf: Any, func: Callable[..., T], reduce: Callable[[list[T]], R], **kwargs: Any
) -> R:
    """Run ``func(partition, **kwargs)`` on every partition of the Dask DataFrame ``ddf`` (each
    partition a pandas DataFrame) and return ``reduce([result of partition 0, 1, ...])``.

    Partial results may be any picklable object (a table, a tuple of tables); they come back
    to the client in partition order, which is what keeps the reduced row order deterministic.
    """
    import dask

    tasks = [dask.delayed(func)(part, **kwargs) for part in ddf.to_delayed()]
    return reduce(_compute(tasks))


def map_items(func: Callable[..., T], items: Sequence[Any], **kwargs: Any) -> list[T]:
    """``[func(item, **kwargs) for item in items]``, each call a Dask task; results in order."""
    import dask

    return _compute([dask.delayed(func)(item, **kwargs) for item in items])
