"""The same analysis on Dask: the heavy functions accept a ``dask.dataframe.DataFrame`` and
return the pandas table they return on pandas.

Every Dask path here is a map-reduce: the per-partition step is the pandas function itself
(``term_counts``, ``extract_quotes``, the corpus readers), run on the workers; the reduce, on
the client, turns the partial results into exactly the table one pandas call gives (same
values, dtypes and row order). With a ``dask.distributed.Client`` connected (a
``LocalCluster`` or ``Client("tcp://scheduler:8786")``) the partitions run there; without one,
on Dask's local threads.

Dask is imported only when a Dask object is passed or ``engine="dask"`` is asked for, so the
pandas paths pay nothing for this module.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from ..compare import stories
from ..core.progress import (
    map_items,
    map_reduce,
    progress_bar,
)
from ..corpus import load as c
from ..corpus.load import Corpus
from ..corpus.outlets import merge_outlets, read_aliases
from ..quotes import extract as quotes
from ..quotes.speaker_table import with_speaker_ids

# ------------------------------------------------------------------------------- quotes


def reduce_quotes(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The quote table of all the articles from the quote tables of disjoint parts of them,
    in their load order: the partial columns rebuilt into one table as
    :func:`analysis.quotes.extract_quotes` builds it (same dtypes), ordered by doc_id
    (stable, so articles with one doc_id stay in load order, and each article's quotes stay in
    their order). The parts' rows have no ``speaker_id`` (an id needs every article: a part
    cannot tell that a "Trump" of its own is the corpus's only one); it is given here, over the
    joined table, as :func:`analysis.quotes.extract_quotes` gives it."""
    cols = [c for c in parts[0].columns if c != "speaker_id"]
    # Concatenated, not rebuilt from values: each part is typed as the one-call table is, even
    # an empty one, where values alone would make float columns.
    out = pd.concat([p[cols] for p in parts], ignore_index=True)
    ids = out["doc_id"].tolist()
    order = sorted(range(len(ids)), key=ids.__getitem__)  # stable: ties keep load order
    return with_speaker_ids(out.take(order).reset_index(drop=True))


def extract_quotes(
    docs: Any, *, indirect: bool = True, progress: bool | None = None, attribution: str = "rules"
) -> pd.DataFrame:
    """:func:`analysis.quotes.extract_quotes` of a Dask DataFrame: the pandas table one call on
    all the articles gives. Articles are independent, so each partition is extracted on its own
    (the pandas function without speaker ids, without its own bar); :func:`reduce_quotes` joins
    the parts and gives the ids.
    ``progress``: a bar over the partitions (``None``: from ``PROGRESS_PARTS`` partitions)."""
    with progress_bar("quotes", progress):
        return map_reduce(
            docs,
            quotes.quote_rows,
            reduce_quotes,
            indirect=indirect,
            progress=False,
            attribution=attribution,
        )


# ------------------------------------------------------------------------------- stories


def _story_features(part: pd.DataFrame, lead_chars: int) -> pd.DataFrame:
    """What story grouping reads of each article: ``doc_id``, ``date``, ``title`` and the first
    ``lead_chars`` characters of ``text`` (the columns present), index kept."""
    cols = [c for c in ("doc_id", "date", "title") if c in part.columns]
    out = part[cols].copy()
    out["text"] = part["text"].fillna("").astype("str").str.slice(0, lead_chars)
    return out


def story_groups(
    docs: Any,
    *,
    threshold: float | None = None,
    window_days: int | None = None,
    progress: bool | None = None,
) -> pd.Series:
    """:func:`analysis.stories.story_groups` of a Dask DataFrame: the same Series (same story
    ids, same index).

    Why gather and not reduce vectors: the pandas grouping weighs words by their IDF over *all*
    the articles and links articles across any two partitions that fall in one date window, so
    no per-partition result is final. The partitions therefore only cut each article down to
    what grouping reads (title, date, doc_id and the 2,000-character lead: at most a few KB per
    article, against a whole text), and the unchanged pandas grouping runs on the client over
    those features. Identical ids follow by construction; the cost on the client is one TF-IDF
    fit over the leads and the sparse products per day, which is seconds per 10^5 articles.
    ``progress``: bars over the partitions and then the days, as in the pandas function.
    """

    def reduce(parts: list[pd.DataFrame]) -> pd.DataFrame:
        non_empty = [p for p in parts if len(p)]
        return pd.concat(non_empty) if non_empty else parts[0]

    with progress_bar("story features", progress):
        features = map_reduce(docs, _story_features, reduce, lead_chars=stories.LEAD_CHARS)
    return stories.story_groups(
        features, threshold=threshold, window_days=window_days, progress=progress
    )


# ------------------------------------------------------------------------------- corpus

# Raw files are read in groups of about this many bytes (one Dask task each): large enough that
# 10^5 small articles are not 10^5 tasks, small enough to spread a folder over the workers.
_GROUP_BYTES = 64_000_000
# Rows per partition when a corpus that was finalised on the client is handed out as Dask.
_PARTITION_ROWS = 50_000


def load_corpus(
    path: str | Path,
    *,
    recursive: bool = True,
    sources: Any = None,
    follow_links: bool = False,
    max_bytes: int | None = None,
) -> Corpus:
    """``load_corpus(path, engine="dask")``: a :class:`~analysis.corpus.Corpus` whose ``docs``
    is a Dask DataFrame (index 0..n-1, as the pandas load's) and ``problems`` a pandas table.
    ``docs.compute()`` equals ``load_corpus(path).docs``; the paths must be readable from the
    workers (a shared file system) as well as from the client.

    A corpus folder written by ``python -m analysis ingest`` becomes one partition per
    ``part-NNNNN.parquet``, read on the workers: the texts never pass through the client.
    Raw files are read on the workers by the pandas loader's own readers, in groups of files;
    duplicate detection and the rest of the finalising need every article at once, so that
    reduce runs on the client, and the finished table is then partitioned again.
    """
    import dask.dataframe as dd

    root = Path(path)
    max_bytes = c.DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if not os.path.lexists(root):
        raise FileNotFoundError(f"no such file or folder: {root}")
    if root.is_dir() and os.path.lexists(root / c.CORPUS_DIR_MARKER):
        return _corpus_dir(root)
    if root.is_file() and c.is_corpus_parquet(root):
        loaded = c.read_corpus_parquet(root)
    else:
        problems = c.Problems()
        files, sidecars = c.list_files(root, recursive, problems, follow_links=follow_links)
        sidecar = c.sidecar_map(sidecars, sources, problems, max_bytes)
        batches: list[pl.DataFrame] = []
        for got, rows in map_items(
            _read_group, file_groups(files), sidecar=sidecar, max_bytes=max_bytes
        ):
            batches.extend(got)
            problems.rows.extend(rows)  # groups come back in file order, as the pandas load
        loaded = c.Corpus(docs=c.Finalizer()(batches, problems), problems=problems.frame())
        loaded.docs["outlet"] = merge_outlets(loaded.docs["outlet"], read_aliases(root))
    with _keep_dtypes():
        # Persisted: the partitions are sent to the workers once, not with every computation.
        docs = dd.from_pandas(loaded.docs, chunksize=_PARTITION_ROWS, sort=False).persist()
    return c.Corpus(docs=docs, problems=loaded.problems)


def _keep_dtypes():
    """Dask turns text columns into ``string[pyarrow]`` (missing = pd.NA) by default; the docs
    table keeps pandas' default ``str`` (missing = NaN), so that ``.compute()`` equals the
    pandas load, dtypes included."""
    import dask

    return dask.config.set({"dataframe.convert-string": False})


def file_groups(files: list[tuple[Path, str]]) -> list[list[tuple[Path, str]]]:
    """Consecutive runs of ``files`` of about ``_GROUP_BYTES`` each (at least one file)."""
    groups: list[list[tuple[Path, str]]] = []
    size = 0
    for f, rel in files:
        try:
            n = f.stat().st_size
        except OSError:  # the reader reports it
            n = 0
        if not groups or size + n > _GROUP_BYTES:
            groups.append([])
            size = 0
        groups[-1].append((f, rel))
        size += n
    return groups


def _read_group(
    files: list[tuple[Path, str]], sidecar: dict[str, dict], max_bytes: int
) -> tuple[list[pl.DataFrame], list[tuple]]:
    """One task: the raw record frames and the problem rows of ``files``, read by the pandas
    loader's ``iter_batches`` (and so ``_read_file``)."""
    problems = c.Problems()
    return list(c.iter_batches(files, sidecar, problems, max_bytes=max_bytes)), problems.rows


def _corpus_dir(root: Path) -> Corpus:
    """A folder written by ``ingest`` as Dask: one partition per part, read on the workers."""
    import dask.dataframe as dd

    parts, schema, columns, n_rows = corpus_dir_layout(root)
    offsets = [offset for _, offset in parts]
    empty = read_part((None, 0), schema=schema, columns=columns)
    # Known divisions (global row numbers) let .loc and joins on the index work without a scan.
    every_part_has_rows = all(a < b for a, b in zip(offsets, [*offsets[1:], n_rows], strict=True))
    divisions = (tuple(offsets) + (n_rows - 1,)) if every_part_has_rows else None
    with _keep_dtypes():
        docs = dd.from_map(
            read_part,
            parts,
            meta=empty,
            divisions=divisions,
            schema=schema,
            columns=columns,
            label="read-corpus-part",
            enforce_metadata=False,
        )
    probs = pq.read_table(c.corpus_dir(root).problems).to_pandas(types_mapper=c.pandas_str)
    probs["record"] = probs["record"].astype("Int64")
    return c.Corpus(docs=docs, problems=probs)


def corpus_dir_layout(root: Path) -> tuple[list[tuple[str, int]], pa.Schema, list[str], int]:
    """What reading a corpus folder part by part needs: ``(path, first global row number)`` of
    every part in order, the schema all parts are read with, the docs columns, and the number
    of articles. Only Parquet footers are read."""
    layout = c.corpus_dir(root)
    paths = [str(p) for p in layout.parts]
    # One schema for every part (a part may lack an extra column another part has), so that
    # each partition has the dtypes of the single table read_corpus_dir builds.
    schema = pa.unify_schemas([pq.read_schema(p) for p in paths], promote_options="permissive")
    schema = schema.remove_metadata()
    rows = [pq.read_metadata(p).num_rows for p in paths]
    offsets = [sum(rows[:i]) for i in range(len(rows))]
    return list(zip(paths, offsets, strict=True)), schema, layout.columns, sum(rows)


def read_part(
    part: tuple[str | None, int], *, schema: pa.Schema, columns: list[str]
) -> pd.DataFrame:
    """One ``part-NNNNN.parquet`` (path, first global row number) as the pandas rows that
    ``read_corpus_dir`` has for it; ``(None, 0)`` gives the empty table (Dask's meta)."""
    path, offset = part
    if path is None:
        table = schema.empty_table()
    else:
        got = pq.read_table(path)
        table = pa.table(
            [
                got.column(f.name).cast(f.type)
                if f.name in got.column_names
                else pa.nulls(got.num_rows, f.type)
                for f in schema
            ],
            schema=schema,
        )
    df = table.to_pandas(types_mapper=c.pandas_str).reindex(columns=columns)
    df.index = pd.RangeIndex(offset, offset + len(df))
    return df
