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

import json
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .corpus import CORPUS_DIR_MARKER, _pandas_str
from .scale import progress_bar, reduce_quotes

# The folder written by write_quotes names its parts here, beside them.
QUOTES_DIR_MARKER = "_quotes.json"
# Articles whose quotes are held in memory at once per worker (about 40 MB of quote rows).
QUOTE_SLICE = 2_000


class NotACorpusFolder(ValueError):
    """The path is not a corpus folder written by ``ingest`` (nor a quotes folder written by
    :func:`write_quotes`, where one is expected)."""


def corpus_parts(corpus_dir: str | Path) -> list[Path]:
    """The ``part-NNNNN.parquet`` files of a corpus folder written by ``ingest``, in order.
    Raises :class:`NotACorpusFolder` for anything else (a raw folder must be ingested first)."""
    root = Path(corpus_dir)
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    marker = root / CORPUS_DIR_MARKER
    if not marker.exists():
        raise NotACorpusFolder(
            f"{root} is not a corpus folder written by ingest (no {CORPUS_DIR_MARKER}); "
            f"run `python -m analysis ingest {root} --out CORPUS_DIR/` first")
    meta = json.loads(marker.read_text(encoding="utf-8"))
    return [root / p for p in meta["parts"]]


def term_counts(corpus_dir: str | Path, *, by: str | Sequence[str] | None = "outlet",
                ngram: int = 1, stopwords: str | Sequence[str] | None = None,
                lemmatize: bool = False, min_count: int = 1, fold_diacritics: bool = False,
                scheduler: str | None = "synchronous",
                progress: bool | None = None) -> pd.DataFrame:
    """:func:`analysis.terms.term_counts` of an ingested corpus folder, part by part: the same
    table (columns ``[by..., term, count, share]``, same order) as on the whole corpus loaded in
    memory. ``scheduler``: the Dask scheduler that runs the parts; ``"synchronous"`` keeps one
    part in memory at a time, ``None`` uses the current one (e.g. a connected
    ``dask.distributed.Client``, whose workers must see the folder). ``progress``: a bar over
    the parts (``None``: from ``analysis.scale.PROGRESS_PARTS`` parts)."""
    import dask

    from .scale import load_corpus as load_dask
    from .terms import term_counts as count

    corpus_parts(corpus_dir)  # a clear error for anything but an ingested folder
    docs = load_dask(corpus_dir).docs  # lazy: one partition per part, read when counted
    config = {"scheduler": scheduler} if scheduler else {}
    with dask.config.set(config):
        return count(docs, by=by, ngram=ngram, stopwords=stopwords, lemmatize=lemmatize,
                     min_count=min_count, fold_diacritics=fold_diacritics, progress=progress)


def _quote_part(job: tuple[tuple[str, int], pa.Schema, list[str], str],
                indirect: bool) -> int:
    """One task: the quotes of one corpus part (``(path, first row)``, read as the Dask path
    reads it, so the rows are those ``load_corpus`` has), written to ``out``; returns the
    number of articles read (what the bar counts).

    The part is extracted ``QUOTE_SLICE`` articles at a time, each slice's table appended
    to the file as it comes: the quote rows of a whole part (about 20 per article, each with
    its sentence) would take several times the memory of the part's texts. The slices follow
    extract_quotes' own order (doc_id, then load order), so the file is the table
    ``extract_quotes`` gives on the whole part."""
    from .quotes import extract_quotes
    from .scale import _read_part

    part, schema, columns, out = job
    docs = _read_part(part, schema=schema, columns=columns)
    order = sorted(range(len(docs)), key=docs["doc_id"].astype("str").tolist().__getitem__)
    tmp = Path(out).with_suffix(".tmp")
    writer = None
    try:
        for first in range(0, len(docs), QUOTE_SLICE):
            rows = docs.iloc[order[first:first + QUOTE_SLICE]]
            quotes = extract_quotes(rows, indirect=indirect, progress=False)
            if not len(quotes):
                continue  # its columns have no types to write
            table = pa.Table.from_pandas(quotes, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema)
            writer.write_table(table.cast(writer.schema))
        if writer is None:  # no quote in the whole part: the empty table, as extract_quotes
            empty = extract_quotes(docs.iloc[:0], indirect=indirect, progress=False)
            pq.write_table(pa.Table.from_pandas(empty, preserve_index=False), tmp)
    finally:
        if writer is not None:
            writer.close()
    tmp.replace(out)  # a part is there whole or not at all
    return len(docs)


def write_quotes(corpus_dir: str | Path, out: str | Path, *, indirect: bool = True,
                 workers: int = 1, engine: str = "processes",
                 progress: bool | None = None) -> Path:
    """Extract the quotes of an ingested corpus folder part by part and write them to the
    folder ``out``: ``part-NNNNN.parquet`` (the quote table of corpus part ``NNNNN``, columns
    as :func:`analysis.quotes.extract_quotes`) and ``_quotes.json``. Returns ``out``.

    ``engine="processes"``: ``workers`` processes, one part each at a time (memory: about one
    part per worker); ``workers=1`` runs in this process. ``engine="dask"``: each part a task on
    the current Dask scheduler (e.g. a connected Client; the workers must see both folders).
    ``progress``: a bar over the articles, advancing per part (``None``: from
    ``analysis.scale.PROGRESS_PARTS`` parts)."""
    from .scale import PROGRESS_PARTS, corpus_dir_layout, map_items, wants_progress

    if engine not in ("processes", "dask"):
        raise ValueError(f'engine must be "processes" or "dask", not {engine!r}')
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    root = Path(corpus_dir)
    parts = corpus_parts(root)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.parquet"):
        old.unlink()
    (out / QUOTES_DIR_MARKER).unlink(missing_ok=True)
    layout, schema, columns, n_docs = corpus_dir_layout(root)
    jobs = [(part, schema, columns, str(out / p.name))
            for part, p in zip(layout, parts, strict=True)]
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
                with ProcessPoolExecutor(max_workers=min(workers, len(jobs)),
                                         mp_context=get_context("spawn")) as pool:
                    futures = [pool.submit(_quote_part, job, indirect) for job in jobs]
                    for fut in as_completed(futures):
                        n = fut.result()  # a failed part raises here, with its traceback
                        if bar is not None:
                            bar.update(n)
        finally:
            if bar is not None:
                bar.close()
    meta = {"version": 1, "corpus": os.path.relpath(root, out), "indirect": indirect,
            "parts": [p.name for p in parts]}
    (out / QUOTES_DIR_MARKER).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return out


def read_quotes(quotes_dir: str | Path) -> pd.DataFrame:
    """The quote tables written by :func:`write_quotes` as one table: the table
    ``extract_quotes`` gives on the whole corpus (same rows, order and dtypes). It holds every
    quote in memory; to stay bounded, read the parts one by one instead."""
    root = Path(quotes_dir)
    marker = root / QUOTES_DIR_MARKER
    if not marker.exists():
        raise NotACorpusFolder(f"{root} is not a quotes folder written by write_quotes "
                               f"(no {QUOTES_DIR_MARKER})")
    meta = json.loads(marker.read_text(encoding="utf-8"))
    parts = [pq.read_table(root / p).to_pandas(types_mapper=_pandas_str) for p in meta["parts"]]
    return reduce_quotes(parts)
