"""Corpora larger than memory, on one machine: term counts and quotes part by part.

``python -m analysis ingest SRC --out corpus/`` writes a corpus folder of ``part-NNNNN.parquet``
files (see :func:`analysis.corpus.ingest`). The functions here read that folder one part at a
time, so memory is bounded by a part (50,000 articles by default), not by the corpus:

- :func:`term_counts` sums the counts of the parts and recomputes the shares: the table equals
  ``term_counts(load_corpus(folder).docs)``. It is the Dask path of
  :func:`analysis.terms.term_counts` run over the parts (each part read and counted by the pandas
  function, the partial tables reduced by the same code), on Dask's synchronous scheduler by
  default: one part in memory at a time, and polars already uses every core inside a part.
- :func:`write_quotes` writes one quote table per part (``quotes/part-NNNNN.parquet``), in
  parallel worker processes (quote extraction is Python, one core per process), or as Dask tasks
  on a cluster; :func:`read_quotes` joins them into the table
  ``extract_quotes(load_corpus(folder).docs)`` gives.

The command line calls these: ``python -m analysis terms corpus/ --out counts.parquet`` and
``python -m analysis quotes corpus/ --out quotes/``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..compare.terms import term_counts as count
from ..core.progress import PROGRESS_PARTS, map_items, progress_bar, wants_progress
from ..corpus.load import corpus_dir, pandas_str
from ..corpus.outputs import NotACorpusFolder, OutputRefused, check_file_target, open_output_folder
from ..corpus.outputs import read_manifest as _read_manifest
from ..corpus.outputs import write_atomic as _write_atomic
from ..quotes.extract import quote_rows
from .dask import corpus_dir_layout, read_part, reduce_quotes
from .dask import load_corpus as load_dask

# Schema metadata key marking a Parquet file of term counts written by the command line.
TERMS_META_KEY = b"analysis.terms"
__all__ = [
    "NotACorpusFolder",
    "OutputRefused",
    "corpus_parts",
    "read_quotes",
    "term_counts",
    "write_quotes",
    "write_term_counts",
]

# The folder written by write_quotes names its parts here, beside them.
QUOTES_DIR_MARKER = "_quotes.json"
# Articles whose quotes are held in memory at once per worker (about 40 MB of quote rows).
QUOTE_SLICE = 2_000


def corpus_parts(corpus_dir_path: str | Path) -> list[Path]:
    """The part files of a corpus folder written by ``ingest``, in order. Raises
    :class:`NotACorpusFolder` for anything else (a raw folder must be ingested first; an
    unfinished or corrupt one ingested again)."""
    return corpus_dir(corpus_dir_path).parts


def write_term_counts(counts: pd.DataFrame, out: str | Path, *, overwrite: bool = False) -> Path:
    """Write a term-count table to the Parquet file ``out`` atomically. A file of counts
    written here before is replaced; any other file only with ``overwrite=True``."""
    out = Path(out)
    check_file_target(out, overwrite=overwrite, ours=is_terms_file)
    out.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(counts, preserve_index=False)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), TERMS_META_KEY: b"1"})
    return _write_atomic(out, lambda tmp: pq.write_table(table, tmp))


def is_terms_file(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        return TERMS_META_KEY in (pq.read_schema(path).metadata or {})
    except Exception:  # noqa: BLE001 - not a readable Parquet file: not ours
        return False


def term_counts(
    corpus_dir: str | Path,
    *,
    by: str | Sequence[str] | None = "outlet",
    ngram: int = 1,
    stopwords: str | Sequence[str] | None = None,
    lemmatize: bool = False,
    min_count: int = 1,
    fold_diacritics: bool = False,
    scheduler: str | None = "synchronous",
    progress: bool | None = None,
) -> pd.DataFrame:
    """:func:`analysis.terms.term_counts` of an ingested corpus folder, part by part: the same
    table (columns ``[by..., term, count, share]``, same order) as on the whole corpus loaded in
    memory. ``scheduler``: the Dask scheduler that runs the parts; ``"synchronous"`` keeps one
    part in memory at a time, ``None`` uses the current one (e.g. a connected
    ``dask.distributed.Client``, whose workers must see the folder). ``progress``: a bar over
    the parts (``None``: from ``analysis.scale.PROGRESS_PARTS`` parts)."""
    import dask

    corpus_parts(corpus_dir)  # a clear error for anything but an ingested folder
    docs = load_dask(corpus_dir).docs  # lazy: one partition per part, read when counted
    config = {"scheduler": scheduler} if scheduler else {}
    with dask.config.set(config):
        return count(
            docs,
            by=by,
            ngram=ngram,
            stopwords=stopwords,
            lemmatize=lemmatize,
            min_count=min_count,
            fold_diacritics=fold_diacritics,
            progress=progress,
        )


def _quote_part(job: tuple[tuple[str, int], pa.Schema, list[str], str], indirect: bool) -> int:
    """One task: the quotes of one corpus part (``(path, first row)``, read as the Dask path
    reads it, so the rows are those ``load_corpus`` has), written to ``out``; returns the
    number of articles read (what the bar counts).

    The part is extracted ``QUOTE_SLICE`` articles at a time, each slice's table appended
    to the file as it comes: the quote rows of a whole part (about 20 per article, each with
    its sentence) would take several times the memory of the part's texts. The slices follow
    extract_quotes' own order (doc_id, then load order), so the file is the table
    ``quote_rows`` gives on the whole part (no ``speaker_id``: :func:`read_quotes` gives it
    over every part)."""

    part, schema, columns, out = job
    docs = read_part(part, schema=schema, columns=columns)
    order = sorted(range(len(docs)), key=docs["doc_id"].astype("str").tolist().__getitem__)
    tmp = Path(out).with_name(f".{Path(out).name}.tmp")
    writer = None
    try:
        for first in range(0, len(docs), QUOTE_SLICE):
            rows = docs.iloc[order[first : first + QUOTE_SLICE]]
            quotes = quote_rows(rows, indirect=indirect, progress=False)
            if not len(quotes):
                continue  # its columns have no types to write
            table = pa.Table.from_pandas(quotes, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema)
            writer.write_table(table.cast(writer.schema))
        if writer is None:  # no quote in the whole part: the empty table, as extract_quotes
            empty = quote_rows(docs.iloc[:0], indirect=indirect, progress=False)
            pq.write_table(pa.Table.from_pandas(empty, preserve_index=False), tmp)
    except BaseException:
        if writer is not None:
            writer.close()
        tmp.unlink(missing_ok=True)
        raise
    if writer is not None:
        writer.close()
    tmp.replace(out)  # a part is there whole or not at all
    return len(docs)


def write_quotes(
    corpus_dir: str | Path,
    out: str | Path,
    *,
    indirect: bool = True,
    workers: int = 1,
    engine: str = "processes",
    progress: bool | None = None,
    overwrite: bool = False,
) -> Path:
    """Extract the quotes of an ingested corpus folder part by part and write them to the
    folder ``out``: ``part-NNNNN-TOKEN.parquet`` (the quote table of corpus part ``NNNNN``,
    columns as :func:`analysis.quotes.extract_quotes` but ``speaker_id``, which needs every
    part: :func:`read_quotes` adds it) and the manifest ``_quotes.json``.
    Returns ``out``. Written as :func:`analysis.corpus.ingest` writes: the old quotes stay
    until the new ones are complete, and a folder holding files the workbench did not write is
    refused unless ``overwrite=True`` (which leaves them alone).

    ``engine="processes"``: ``workers`` processes, one part each at a time (memory: about one
    part per worker); ``workers=1`` runs in this process. ``engine="dask"``: each part a task on
    the current Dask scheduler (e.g. a connected Client; the workers must see both folders).
    ``progress``: a bar over the articles, advancing per part (``None``: from
    ``analysis.scale.PROGRESS_PARTS`` parts)."""

    if engine not in ("processes", "dask"):
        raise ValueError(f'engine must be "processes" or "dask", not {engine!r}')
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    root = Path(corpus_dir)
    parts = corpus_parts(root)
    folder = open_output_folder(Path(out), QUOTES_DIR_MARKER, overwrite=overwrite, kind="quotes")
    out = folder.root
    names = [folder.name(f"part-{i:05d}") for i in range(len(parts))]
    layout, schema, columns, n_docs = corpus_dir_layout(root)
    jobs = [
        (part, schema, columns, str(out / name)) for part, name in zip(layout, names, strict=True)
    ]
    if engine == "dask":
        with progress_bar("quotes", progress):
            map_items(_quote_part, jobs, indirect=indirect)
    else:
        bar = None
        if wants_progress(progress, len(parts), PROGRESS_PARTS):
            from tqdm.auto import tqdm

            bar = tqdm(total=n_docs, desc="quotes", unit="article")
        try:
            if workers == 1:
                for job in jobs:
                    n = _quote_part(job, indirect)
                    if bar is not None:
                        bar.update(n)
            else:
                # spawn, not fork: polars' and pyarrow's thread pools do not survive a fork.
                with ProcessPoolExecutor(
                    max_workers=min(workers, len(jobs)), mp_context=get_context("spawn")
                ) as pool:
                    futures = [pool.submit(_quote_part, job, indirect) for job in jobs]
                    for fut in as_completed(futures):
                        n = fut.result()  # a failed part raises here, with its traceback
                        if bar is not None:
                            bar.update(n)
        finally:
            if bar is not None:
                bar.close()
    folder.commit(
        {
            "kind": "quotes",
            "corpus": os.path.relpath(root, out),
            "indirect": indirect,
            "parts": names,
        }
    )
    return out


def read_quotes(quotes_dir: str | Path) -> pd.DataFrame:
    """The quote tables written by :func:`write_quotes` as one table: the table
    ``extract_quotes`` gives on the whole corpus (same rows, order and dtypes; ``speaker_id``
    given over all the parts). It holds every quote in memory; to stay bounded, read the parts
    one by one instead (they have no ``speaker_id``)."""
    root = Path(quotes_dir)
    if not (root / QUOTES_DIR_MARKER).exists():
        raise NotACorpusFolder(
            f"{root} is not a quotes folder written by write_quotes (no {QUOTES_DIR_MARKER})"
        )
    meta = _read_manifest(root, QUOTES_DIR_MARKER)
    parts = [pq.read_table(root / p).to_pandas(types_mapper=pandas_str) for p in meta["parts"]]
    return reduce_quotes(parts)
