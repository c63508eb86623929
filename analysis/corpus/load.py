"""Turn a folder of articles into one table: :func:`load_corpus` -> :class:`Corpus`.

Every later table (terms, quotes, alignments) is derived from ``Corpus.docs``; its ``text``
column is the reference all character offsets index into.

Inputs: ``.txt`` (optionally with a ``date YYYY-MM-DD`` header line), ``.html``/``.htm``
(main text by trafilatura), ``.jsonl``/``.ndjson``/``.json``, ``.csv``/``.tsv`` and
``.parquet``, each optionally gzip-compressed (``.gz``). Nothing is lost: every file, and every
record of a multi-record file, ends up in ``docs`` or in ``problems`` with a reason.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from ..core.text import WORD_PATTERN_UNICODE
from . import fields as _fields
from .files import (
    DEFAULT_MAX_BYTES,
    NotRegularFile,
    TooLarge,
    open_regular,
    read_capped,
    too_large,
    walk,
)
from .outlets import merge_outlets, read_aliases
from .outputs import (  # noqa: F401 - the errors are re-exported for callers to catch
    NotACorpusFolder,
    OutputFolder,
    OutputRefused,
    check_file_target,
    open_output_folder,
    plain_file_in,
    read_manifest,
    write_atomic,
)

UNKNOWN_OUTLET = "unknown"


def outlets(table: pd.DataFrame) -> pd.Series:
    """The ``outlet`` column of any table (docs, quotes, ...) as strings, aligned with its
    index: a missing outlet, or a table without the column, reads as ``UNKNOWN_OUTLET``."""
    if "outlet" not in table:
        return pd.Series(UNKNOWN_OUTLET, index=table.index, dtype="str")
    return table["outlet"].fillna(UNKNOWN_OUTLET).astype("str")


DOC_COLUMNS = [
    "doc_id",
    "outlet",
    "date",
    "title",
    "text",
    "path",
    "n_words",
    "url",
    "authors",
    "near_duplicate_of",
]
PROBLEM_COLUMNS = ["path", "record", "problem", "action"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
SUPPORTED = sorted(
    TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES | PARQUET_SUFFIXES
)
SIDECAR_NAME = "sources.csv"
# The file that marks a folder as a partitioned corpus written by `python -m analysis ingest`.
CORPUS_DIR_MARKER = "_corpus.json"
# Schema metadata key marking a Parquet file as a corpus written by `python -m analysis ingest`.
CORPUS_META_KEY = b"analysis.corpus"

# Extra fields of structured records travel through loading under this prefix, so that no
# input field name can clash with a column the loader uses ("record", "_order", ...).
EXTRA_PREFIX = "extra:"
# At most this many extra columns per corpus, the first met in load order: a field name unique
# to each record would otherwise make a table of records x records cells.
MAX_EXTRA_COLUMNS = 100
# JSON Lines are parsed this many lines at a time, which bounds what one malformed or
# exceptionally wide stretch of lines costs.
JSONL_CHUNK_LINES = 2048

# Field names recognised in structured records, in order of preference (matched case-insensitively).
FIELDS: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "content",
        "body",
        "content_original",
        "article",
        "article_text",
        "full_text",
        "fulltext",
        "maintext",
        "story",
    ),
    "outlet": (
        "outlet",
        "source",
        "publisher",
        "source_name",
        "sitename",
        "site_name",
        "publication",
        "newspaper",
        "media",
        "medium",
    ),
    "date": (
        "date",
        "published",
        "publish_date",
        "published_at",
        "publication_date",
        "pubdate",
        "date_published",
        "datetime",
        "timestamp",
    ),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url", "href"),
    "authors": ("authors", "author", "byline"),
    "id": ("id", "doc_id", "_id", "article_id", "uuid"),
}

_HEADER_RE = re.compile(
    r"\A\ufeff?[ \t]*date:?[ \t]+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*"
    r"(?:\((?P<dateline>[^()\n]{1,120})\)[ \t]*)?",
    re.IGNORECASE,
)
# "(August 2, 2024 / JNS)": a dateline naming the outlet after a slash.
_SLASH_DATELINE_RE = re.compile(r"^[^/]{0,60}/\s*(?P<outlet>[A-Z][\w&.' -]{0,40}?)\s*$")
# "WASHINGTON (Reuters) - ...", "(CNN) ...", "NEW YORK, May 3 (AP) — ...": a wire dateline at the
# start of the body. Only a short capitalised name counts as an outlet.
_WIRE_DATELINE_RE = re.compile(
    r"\A(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w. ]{1,25})?\s*)?"
    r"\((?P<outlet>[A-Z][A-Za-z&.]{1,15}(?: [A-Z][A-Za-z&.]{1,15}){0,3})\)\s*(?:[-—–]|(?=[A-Z“\"]))"
)
_DATE_LIKE_RE = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)
_NEAR_DUP_STRIP = [
    " ",
    "\n",
    "\t",
    "\u00a0",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "'",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "-",
    "–",
    "—",
    "(",
    ")",
    "[",
    "]",
    "/",
    "*",
    "…",
]


@dataclass
class Corpus:
    """A loaded corpus.

    ``docs``: one row per article, columns ``doc_id, outlet, date, title, text, path, n_words,
    url, authors, near_duplicate_of`` (plus any extra scalar fields of structured records).
    ``problems``: one row per file or record that was skipped or loaded with a caveat, columns
    ``path, record, problem, action`` (``action`` is ``"skipped"`` when it is not in ``docs``,
    ``"loaded"`` when it is, with a warning).
    """

    docs: pd.DataFrame
    problems: pd.DataFrame = field(default_factory=lambda: _empty_problems())

    def outlets(self) -> pd.DataFrame:
        """Articles, words and date range per outlet, most articles first (ties by name)."""
        g = self.docs.groupby("outlet", sort=False)
        out = pd.DataFrame(
            {
                "articles": g.size(),
                "words": g["n_words"].sum(),
                "first_date": g["date"].min(),
                "last_date": g["date"].max(),
            }
        ).reset_index()
        return out.sort_values(["articles", "outlet"], ascending=[False, True], ignore_index=True)

    def __repr__(self) -> str:
        d = self.docs
        if not isinstance(d, pd.DataFrame):  # a Dask DataFrame: say what it is, compute nothing
            skipped = int((self.problems["action"] == "skipped").sum())
            return (
                f"Corpus (Dask): {d.npartitions:,} partitions, columns "
                f"{', '.join(map(str, d.columns))}\n"
                f"Problems: {skipped:,} skipped, {len(self.problems) - skipped:,} loaded with "
                "a warning" + (" (see .problems)" if len(self.problems) else "")
            )
        # (articles with no known outlet are no outlet: counted apart)
        unknown = int((d["outlet"] == UNKNOWN_OUTLET).sum()) if len(d) else 0
        n_out = d.loc[d["outlet"] != UNKNOWN_OUTLET, "outlet"].nunique() if len(d) else 0
        and_unknown = f" and {unknown:,} with no known outlet" if unknown else ""
        dates = d["date"].dropna() if len(d) else pd.Series([], dtype="datetime64[ns]")
        span = f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates"
        undated = int(d["date"].isna().sum()) if len(d) else 0
        skipped = int((self.problems["action"] == "skipped").sum())
        warned = len(self.problems) - skipped
        lines = [
            f"Corpus: {len(d):,} articles from {n_out:,} outlet{'' if n_out == 1 else 's'}"
            f"{and_unknown}, {span}" + (f" ({undated:,} undated)" if undated else ""),
            f"Problems: {skipped:,} skipped, {warned:,} loaded with a warning"
            + (" (see .problems)" if len(self.problems) else ""),
        ]
        if len(d):
            counts = self.outlets().head(10)
            width = max(len(str(o)) for o in counts["outlet"])
            lines.append("Articles per outlet:")
            lines += [
                f"  {o:<{width}}  {n:>7,}"
                for o, n in zip(counts["outlet"], counts["articles"], strict=True)
            ]
            if n_out > 10:
                lines.append(f"  ... and {n_out - 10:,} more outlets")
        return "\n".join(lines)


def _empty_problems() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "path": pd.Series([], dtype="str"),
            "record": pd.Series([], dtype="Int64"),
            "problem": pd.Series([], dtype="str"),
            "action": pd.Series([], dtype="str"),
        }
    )


class Problems:
    """Collects problem rows while loading."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, int | None, str, str]] = []
        self.dropped_fields: set[str] = set()  # files already reported by drop_fields

    def skip(self, path: str, problem: str, record: int | None = None) -> None:
        self.rows.append((path, record, problem, "skipped"))

    def warn(self, path: str, problem: str, record: int | None = None) -> None:
        self.rows.append((path, record, problem, "loaded"))

    def drop_fields(self, path: str, names: Iterable[str]) -> None:
        """Fields of ``path`` not kept as columns: reported once per file."""
        if path in self.dropped_fields:
            return
        self.dropped_fields.add(path)
        names = list(names)
        shown = ", ".join(repr(n) for n in names[:5]) + (", ..." if len(names) > 5 else "")
        self.warn(
            path,
            f"fields not kept as columns ({shown}): a corpus keeps at most "
            f"{MAX_EXTRA_COLUMNS} extra columns, the first met, and none named like "
            "a docs column",
        )

    def frame(self) -> pd.DataFrame:
        if not self.rows:
            return _empty_problems()
        df = pd.DataFrame(self.rows, columns=PROBLEM_COLUMNS)
        df["record"] = df["record"].astype("Int64")
        for col in ("path", "problem", "action"):
            df[col] = df[col].astype("str")
        return df


# --------------------------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------------------------


def load_corpus(
    path: str | Path,
    *,
    recursive: bool = True,
    sources: str | Path | pd.DataFrame | Mapping[str, str] | None = None,
    engine: str = "pandas",
    follow_links: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: Mapping[str, str] | None = None,
) -> Corpus:
    """Load every article under ``path`` (a folder or one file) into a :class:`Corpus`.

    ``fields``: which record field holds the text, outlet, date, ... (``{"text": "body"}``), as
    a ``fields.json`` beside the data does; outlet spellings are merged (``analysis.outlets``).

    ``recursive``: also read sub-folders. ``sources``: outlet metadata for files that carry none,
    as a CSV path, a DataFrame, or a mapping ``{file name: outlet}``; a ``sources.csv`` inside the
    folder is used automatically. A Parquet file written by ``python -m analysis ingest`` is read
    back as it was written.

    Only regular files are read: named pipes, devices, broken links, unreadable folders and
    symbolic links out of ``path`` are listed in ``problems`` (``follow_links=True`` follows
    links anywhere). ``max_bytes``: files larger than this once decompressed are not read (a
    problem row); default 1 GiB.

    ``engine="dask"``: ``docs`` is a Dask DataFrame (read on the workers of the connected
    ``dask.distributed.Client``, if any) whose ``.compute()`` is the pandas load's ``docs``; see
    :func:`analysis.scale.load_corpus`. The package's ``analysis.load_corpus`` chooses the
    engine; this function, below the Dask layer, reads with pandas only.
    """
    if engine != "pandas":
        if engine != "dask":
            raise ValueError(f'engine must be "pandas" or "dask", not {engine!r}')
        raise ValueError(
            'engine="dask" is chosen by analysis.load_corpus (the package), '
            "not by analysis.corpus.load_corpus"
        )
    root = Path(path)
    problems = Problems()
    stored = _stored_corpus(root)
    if stored is not None:
        return stored
    files, sidecars = list_files(root, recursive, problems, follow_links=follow_links)
    sidecar = sidecar_map(sidecars, sources, problems, max_bytes)
    with _fields.active(fields, root):
        batches = list(iter_batches(files, sidecar, problems, max_bytes=max_bytes))
    docs = Finalizer()(batches, problems)
    docs["outlet"] = merge_outlets(docs["outlet"], read_aliases(root))
    return Corpus(docs=docs, problems=problems.frame())


def _stored_corpus(root: Path) -> Corpus | None:
    """The corpus written by the workbench at ``root`` (a corpus Parquet file or folder), or
    None for anything else (raw articles)."""
    if not os.path.lexists(root):
        raise FileNotFoundError(f"no such file or folder: {root}")
    if not root.exists():
        raise FileNotFoundError(f"{root} is a broken symbolic link: point it at a file or folder")
    if root.is_file() and is_corpus_parquet(root):
        return read_corpus_parquet(root)
    if root.is_dir() and os.path.lexists(root / CORPUS_DIR_MARKER):
        return read_corpus_dir(root)
    return None


def _read_error(exc: Exception) -> str:
    """The problem text of a file that could not be read."""
    if isinstance(exc, TooLarge | NotRegularFile):
        return str(exc)
    if isinstance(exc, gzip.BadGzipFile | EOFError | zlib.error):
        return f"not a valid gzip file: {exc}"
    return f"could not be read: {type(exc).__name__}: {exc}"


def iter_batches(
    files: list[tuple[Path, str]],
    sidecar: dict[str, dict],
    problems: Problems,
    *,
    chunk_lines: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[pl.DataFrame]:
    """Raw record frames, file by file in order. One-article files are gathered into frames of
    up to ``_SINGLES_CHUNK`` rows; JSON Lines files are read ``JSONL_CHUNK_LINES`` lines at a
    time. With ``chunk_lines`` (a streamed ingest), they are read in chunks of that many
    lines and ``max_bytes`` caps each line rather than the file, so that no file needs to fit
    in memory at once."""
    singles: list[dict] = []
    for f, rel, data in _prefetched(files, max_bytes):
        n_problems = len(problems.rows)
        produced = False
        try:
            if isinstance(data, Exception):
                raise data
            for got in _read_parts(f, rel, problems, chunk_lines, data, max_bytes):
                if isinstance(got, dict):
                    singles.append(_apply_sidecar_row(got, rel, sidecar))
                    produced = True
                    if len(singles) >= _SINGLES_CHUNK:  # Arrow holds text more compactly than str
                        yield _singles_frame(singles)
                        singles = []
                elif got.height:
                    if singles:  # keep articles in the order of their files
                        yield _singles_frame(singles)
                        singles = []
                    produced = True
                    yield _apply_sidecar(got, rel, sidecar)
        except Exception as exc:  # noqa: BLE001 - any failure on one file is recorded, not fatal
            problems.skip(rel, _read_error(exc))
            continue
        if not produced and len(problems.rows) == n_problems:
            # Guarantees the invariant: a file that gave no article always says why.
            problems.skip(rel, "no articles found in the file")
    if singles:
        yield _singles_frame(singles)


def _read_parts(
    f: Path,
    rel: str,
    problems: Problems,
    chunk_lines: int | None,
    data: bytes | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[pl.DataFrame | dict]:
    if _suffixes(f)[0] in JSONL_SUFFIXES:
        yield from _iter_jsonl_chunks(
            f,
            rel,
            problems,
            chunk_lines or JSONL_CHUNK_LINES,
            max_bytes,
            per_line=chunk_lines is not None,
        )
        return
    got = _read_file(f, rel, problems, data, max_bytes)
    if got is not None:
        yield got


# Formats read whole into memory by our code (not by polars or pyarrow from the path), whose
# bytes are worth fetching ahead on other threads: with 10^5 small files, waiting on the disk
# one file at a time costs more than everything else the load does.
_PREFETCHED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES
_PREFETCH_WINDOW = 256


def _read_bytes(f: Path, max_bytes: int) -> bytes | Exception:
    """The bytes of ``f``, decompressed when it is gzipped, at most ``max_bytes`` of them."""
    try:
        return read_capped(f, max_bytes, gz=_suffixes(f)[1])
    except (OSError, EOFError, zlib.error, TooLarge) as exc:  # reported as this file's problem
        return exc


def _prefetched(
    files: list[tuple[Path, str]], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[Path, str, bytes | Exception | None]]:
    """``(path, rel, bytes)`` in file order, the bytes of small text-like files read ahead on a
    few threads (``None`` for formats whose readers open the file themselves)."""
    from concurrent.futures import ThreadPoolExecutor

    todo = [(f, rel, _suffixes(rel)[0] in _PREFETCHED) for f, rel in files]
    if sum(ahead for _, _, ahead in todo) < 64:
        for f, rel, ahead in todo:
            yield f, rel, _read_bytes(f, max_bytes) if ahead else None
        return
    with ThreadPoolExecutor(max_workers=8) as pool:
        for i in range(0, len(todo), _PREFETCH_WINDOW):
            window = todo[i : i + _PREFETCH_WINDOW]
            futures = [
                pool.submit(_read_bytes, f, max_bytes) if ahead else None for f, _, ahead in window
            ]
            for (f, rel, _), fut in zip(window, futures, strict=True):
                yield f, rel, fut.result() if fut is not None else None


# --------------------------------------------------------------------------------------------
# Finding files and sidecars
# --------------------------------------------------------------------------------------------


def _suffixes(p: Path | str) -> tuple[str, bool]:
    """The format suffix of ``p`` (lower case) and whether it is gzip-compressed."""
    name = (p.name if isinstance(p, Path) else p.rsplit("/", 1)[-1]).lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    dot = name.rfind(".")
    return (name[dot:] if dot > 0 else ""), gz


def list_files(
    root: Path,
    recursive: bool,
    problems: Problems,
    *,
    follow_links: bool = False,
    skip: Path | None = None,
) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
    """The article files under ``root`` and the ``sources.csv`` sidecars, each as (path, path
    relative to ``root``), sorted by relative path. Everything else found (hidden, special or
    unsupported files, links out of ``root``, unreadable folders) is a problem; ``skip``, a
    folder being written (an ingest's output inside its input), is passed over."""
    found = walk(root, recursive=recursive, follow_links=follow_links, skip=skip)
    for rel, reason in found.problems:
        problems.skip(rel, reason)
    files, sidecars = [], []
    for full, rel in found.files:
        name = rel.rsplit("/", 1)[-1]
        if name.lower() == SIDECAR_NAME:
            sidecars.append((full, rel))
            continue
        if rel.lower() in _fields.SETTINGS_FILES:  # read by load_corpus itself
            continue
        suffix, _ = _suffixes(name)
        if suffix not in SUPPORTED:
            shown = suffix or "(none)"
            problems.skip(rel, f"unsupported file type {shown}; supported: {', '.join(SUPPORTED)}")
            continue
        files.append((full, rel))
    return files, sidecars


def _read_sources(sources: str | Path, max_bytes: int) -> pd.DataFrame:
    """The ``sources=`` CSV named by the caller (a regular file only: a pipe would hang)."""
    try:
        data = read_capped(sources, max_bytes)
    except (NotRegularFile, TooLarge) as exc:
        raise ValueError(f"sources={str(sources)!r}: {exc}") from exc
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


def sidecar_map(
    sidecars: list[tuple[Path, str]],
    sources,
    problems: Problems,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict[str, dict]:
    """Map file names (relative path and bare name) to metadata from sources.csv sidecars."""
    tables: list[tuple[str, pd.DataFrame]] = []
    if sources is not None:
        if isinstance(sources, pd.DataFrame):
            tables.append(("", sources))
        elif isinstance(sources, Mapping):
            tables.append(
                ("", pd.DataFrame({"file": list(sources), "outlet": list(sources.values())}))
            )
        else:
            tables.append(("", _read_sources(sources, max_bytes)))
    for sc, rel in sidecars:
        prefix = rel[: -len(SIDECAR_NAME)]
        try:
            data = read_capped(sc, max_bytes)
            tables.append((prefix, pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)))
        except Exception as exc:  # noqa: BLE001 - a broken sidecar is reported, loading goes on
            problems.skip(rel, f"sidecar could not be read, its outlets were not applied: {exc}")
    out: dict[str, dict] = {}
    for prefix, df in tables:
        cols = {c.lower().strip(): c for c in df.columns}
        key = next(
            (cols[c] for c in ("file", "filename", "path", "name", "doc_id") if c in cols), None
        )
        if key is None:
            problems.skip(
                f"{prefix}{SIDECAR_NAME}",
                "sidecar has no 'file' column naming the files it describes; not applied",
            )
            continue
        meta_cols = {
            std: cols[c]
            for std in ("outlet", "date", "title", "url")
            for c in FIELDS[std]
            if c in cols
        }
        for rec in df.to_dict("records"):
            name = str(rec[key]).strip()
            meta = {
                std: str(rec[col]).strip()
                for std, col in meta_cols.items()
                if str(rec[col]).strip()
            }
            out[prefix + name] = meta
            out.setdefault(name, meta)
    return out


def _apply_sidecar_row(row: dict, rel: str, sidecar: dict[str, dict]) -> dict:
    # For a one-article file the sidecar row *is* its metadata: it wins over inferred values.
    meta = sidecar.get(rel) or sidecar.get(rel.rsplit("/", 1)[-1])
    return {**row, **meta} if meta else row


def _apply_sidecar(batch: pl.DataFrame, rel: str, sidecar: dict[str, dict]) -> pl.DataFrame:
    # For a multi-record file the records' own fields win; the sidecar fills the gaps.
    meta = sidecar.get(rel) or sidecar.get(rel.rsplit("/", 1)[-1])
    if not meta:
        return batch
    return batch.with_columns(
        pl.col(c).fill_null(pl.lit(v, dtype=pl.String)).alias(c) for c, v in meta.items()
    )


# --------------------------------------------------------------------------------------------
# Readers: each returns a polars frame of raw string columns
#   doc_id, path, record, outlet, outlet_hint, date, title, text, url, authors (+ extras)
# --------------------------------------------------------------------------------------------


def _read_file(
    f: Path,
    rel: str,
    problems: Problems,
    data: bytes | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> pl.DataFrame | dict | None:
    """Read one file (``data``: its bytes, decompressed, when already read): a dict for a
    one-article file, a frame for a multi-record file, None when nothing could be read (the
    reason is in ``problems``)."""
    suffix, gz = _suffixes(f)
    if suffix in PARQUET_SUFFIXES:
        return _read_parquet(f, rel, problems, max_bytes)
    if data is None:
        data = read_capped(f, max_bytes, gz=gz)
    if not data.strip():
        problems.skip(rel, "empty file")
        return None
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl_slow(data, rel, problems)
    text = _decode(data, rel, problems)
    if text is None:
        return None
    if suffix in TEXT_SUFFIXES:
        return _one_doc(rel, **_parse_txt(text))
    if suffix in HTML_SUFFIXES:
        return _read_html(text, rel, problems)
    if suffix in JSON_SUFFIXES:
        return _read_json(text, rel, problems)
    if suffix in CSV_SUFFIXES:
        return _read_csv(text, rel, problems, delimiter="\t" if suffix == ".tsv" else ",")
    raise AssertionError(f"unhandled suffix {suffix}")  # list_files filtered the rest


def _decode(data: bytes, rel: str, problems: Problems) -> str | None:
    """Bytes -> str. UTF-8 (BOM or not) and UTF-16 with a BOM are silent; a legacy single-byte
    encoding is decoded with a warning; binary or undecodable bytes are a skipped file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        problems.skip(rel, "binary file (contains NUL bytes), not text")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data)
    if text is not None:
        bad = text.count("\ufffd") - data.count("\ufffd".encode())
        problems.warn(
            rel,
            f"not valid UTF-8: {bad:,} invalid byte sequence(s) replaced with "
            "U+FFFD (the rest decoded as UTF-8)",
        )
        return text
    # Windows-1252 is the usual legacy encoding of English-language news and the guess that
    # charset-normalizer gets wrong most often on short texts, so it is tried first.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _looks_binary(text):
        problems.warn(
            rel, "not UTF-8: decoded as cp1252 (Windows Western); check accented characters"
        )
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or _looks_binary(str(best)):
        problems.skip(rel, "undecodable bytes: not UTF-8 and no single-byte encoding fits")
        return None
    problems.warn(rel, f"not UTF-8: decoded as {best.encoding}; check accented characters")
    return str(best)


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` decoded as UTF-8 with its invalid bytes replaced, when it is UTF-8 with a few
    bad bytes: its valid multi-byte characters outnumber its invalid sequences. Text in a
    legacy single-byte encoding has an invalid sequence at almost every accented letter and
    hardly any valid one, so it gives None (decoded by the legacy rules instead)."""
    text = data.decode("utf-8-sig", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text if non_ascii - bad > bad else None


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > max(2, len(text[:4096]) // 100)


_SINGLES_CHUNK = 2000
_SINGLE_SCHEMA = {
    "doc_id": pl.String,
    "path": pl.String,
    "record": pl.Int64,
    "outlet": pl.String,
    "outlet_hint": pl.String,
    "date": pl.String,
    "title": pl.String,
    "text": pl.String,
    "url": pl.String,
    "authors": pl.String,
}


def _one_doc(
    rel: str,
    *,
    text: str,
    date: str | None = None,
    outlet: str | None = None,
    outlet_hint: str | None = None,
    title: str | None = None,
    url: str | None = None,
    authors: str | None = None,
) -> dict:
    return {
        "doc_id": rel,
        "path": rel,
        "record": None,
        "outlet": outlet,
        "outlet_hint": outlet_hint,
        "date": date,
        "title": title,
        "text": _clean(text),
        "url": url,
        "authors": authors,
    }


def _singles_frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame({k: [r[k] for r in rows] for k in _SINGLE_SCHEMA}, schema=_SINGLE_SCHEMA)


# A header block of "Field: value" lines ending at the first blank line ("Title: …",
# "Source: …", "Date: …"), as exports and scrapers write them.
_FIELD_LINE_RE = re.compile(
    r"[ \t]*(?P<key>[A-Za-z][A-Za-z _-]{0,30}?)[ \t]*:[ \t]*(?P<value>\S.*)"
)
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


def field_header(text: str) -> tuple[dict[str, str], int] | None:
    """The metadata of a header block that opens ``text`` and where its body starts: every line
    before the first blank line is "Field: value", each field a different one of the outlet,
    date, title, URL or authors as the structured readers name them (``FIELDS``, or a
    ``fields.json`` mapping: "Source", "Published", "Headline", "Byline"). None when any line
    is not, so a body that opens "Washington: …" stays whole."""
    m = _BLANK_LINE_RE.search(text)
    if m is None:
        return None
    values: dict[str, str] = {}
    for line in text[: m.start()].lstrip("\ufeff").splitlines():
        lm = _FIELD_LINE_RE.fullmatch(line.rstrip())
        if lm is None:
            return None
        key = lm.group("key").strip().lower().replace(" ", "_").replace("-", "_")
        if key in values:
            return None
        values[key] = lm.group("value").strip()
    picked = {what: _pick(values, what) for what in ("outlet", "date", "title", "url", "authors")}
    found = {what: values[key] for what, key in picked.items() if key is not None}
    if not found or set(values) - {k for k in picked.values() if k is not None}:
        return None  # an empty block, or a line that holds no such field
    return found, m.end()


def _parse_txt(text: str) -> dict:
    """Split the optional header from the body: a ``date YYYY-MM-DD [(dateline)]`` line, or a
    block of "Field: value" lines (:func:`field_header`).

    The body may start on the date line itself; it is kept. A dateline naming an outlet after a
    slash ("(August 2, 2024 / JNS)") gives the outlet.
    """
    m = _HEADER_RE.match(text)
    if not m:
        block = field_header(text)
        if block is None:
            return {"text": text}
        fields, body = block
        return {"text": text[body:], **fields}
    hint = None
    if m.group("dateline"):
        dm = _SLASH_DATELINE_RE.match(m.group("dateline"))
        if dm:
            hint = dm.group("outlet").strip()
    return {"text": text[m.end() :], "date": m.group("date"), "outlet_hint": hint}


def _read_html(text: str, rel: str, problems: Problems) -> dict | None:
    import trafilatura

    # The date only from the page's metadata (meta tags, <time>, the URL): htmldate's
    # extensive search would take any year mentioned in the body for the publication date.
    # (a trafilatura Document: its type says it may be a dict, which as_dict=False rules out)
    doc: Any = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        problems.skip(rel, "no article text found in the HTML")
        return None
    # trafilatura puts one newline between paragraphs; the corpus marks paragraphs with a blank
    # line, as the plain-text articles do, so sentence splitting treats them alike.
    body = re.sub(r"\n+", "\n\n", body)
    url = doc.url or None
    outlet = doc.sitename or None
    return _one_doc(
        rel,
        text=body,
        date=doc.date or None,
        outlet=outlet,
        title=doc.title or None,
        url=url,
        authors=doc.author or None,
    )


def _iter_jsonl_chunks(
    f: Path,
    rel: str,
    problems: Problems,
    chunk_lines: int,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    per_line: bool = False,
) -> Iterator[pl.DataFrame]:
    """A JSON Lines file (gzipped or not) read ``chunk_lines`` lines at a time, each chunk
    parsed by polars, or line by line when polars cannot (so that each bad line is named).
    ``per_line`` (a streamed ingest): the file is read in blocks, never whole, and
    ``max_bytes`` caps each line; otherwise the whole file, as for the other formats."""
    gz = _suffixes(f)[1]
    if not per_line:
        yield from _parse_jsonl_chunks(
            _split_lines(read_capped(f, max_bytes, gz=gz), chunk_lines), rel, problems
        )
        return
    with open_regular(f) as fh:
        blocks = _read_ahead(_blocks(fh, gz, None))
        yield from _parse_jsonl_chunks(
            _line_chunks(blocks, chunk_lines, max_bytes, gz), rel, problems
        )


def _parse_jsonl_chunks(
    chunks: Iterable[tuple[bytes, int]], rel: str, problems: Problems
) -> Iterator[pl.DataFrame]:
    first = 1
    blank = True
    for data, n in chunks:
        blank = blank and not data.strip()
        got = _jsonl_fast(data, rel, problems, first)
        if got is None:
            got = _read_jsonl_slow(data, rel, problems, first_line=first)
        if got is not None:
            yield got
        first += n
    if blank:
        problems.skip(rel, "empty file")


def _split_lines(data: bytes, chunk_lines: int) -> Iterator[tuple[bytes, int]]:
    """``(bytes, number of lines)`` of up to ``chunk_lines`` lines of ``data`` at a time."""
    pos = 0
    while pos < len(data):
        end, n = pos, 0
        while n < chunk_lines and end < len(data):
            nl = data.find(b"\n", end)
            end = len(data) if nl < 0 else nl + 1
            n += 1
        yield data[pos:end], n
        pos = end


_BLOCK = 1 << 22


def _blocks(fh: BinaryIO, gz: bool, max_bytes: int | None) -> Iterator[bytes]:
    """The bytes of ``fh`` (decompressed when ``gz``) in blocks; past ``max_bytes`` in all
    (None: no limit) :class:`TooLarge`, before the excess is held in memory."""
    reader: BinaryIO = gzip.GzipFile(fileobj=fh) if gz else fh  # type: ignore[assignment]
    total = 0
    while block := reader.read(_BLOCK):
        total += len(block)
        if max_bytes is not None and total > max_bytes:
            raise too_large(max_bytes, gz)
        yield block


def _read_ahead(blocks: Iterator[bytes], depth: int = 3) -> Iterator[bytes]:
    """``blocks``, produced on a thread a few blocks ahead: decompressing (zlib lets other
    threads run) then overlaps with parsing the previous lines."""
    import queue
    import threading

    q: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for b in blocks:
                if stop.is_set():
                    return
                q.put(b)
            q.put(None)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the reading thread
            q.put(exc)

    t = threading.Thread(target=produce, daemon=True)
    t.start()
    try:
        while (item := q.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while t.is_alive():  # unblock a producer waiting on a full queue
            try:
                q.get_nowait()
            except queue.Empty:
                t.join(0.01)


def _line_chunks(
    blocks: Iterable[bytes], chunk_lines: int, max_line: int, gz: bool
) -> Iterator[tuple[bytes, int]]:
    """``(bytes, number of lines)`` of up to ``chunk_lines`` whole lines at a time. A line
    longer than ``max_line`` raises :class:`TooLarge` after the lines before it (the rest of
    the file is not read)."""
    buf = b""
    n_done = 0
    for block in itertools.chain(blocks, [None]):
        buf = buf if block is None else buf + block
        pos = 0
        while True:
            end, n, long_line = pos, 0, False
            while n < chunk_lines and (nl := buf.find(b"\n", end)) >= 0:
                if nl - end >= max_line:
                    long_line = True
                    break
                end, n = nl + 1, n + 1
            if n and (n == chunk_lines or long_line or block is None):
                yield buf[pos:end], n
                n_done, pos = n_done + n, end
            if long_line:
                raise _long_line(n_done + 1, max_line, gz)
            if n != chunk_lines:
                break
        buf = buf[pos:]
        cut = buf.rfind(b"\n") + 1
        if len(buf) - cut > max_line:
            if cut:  # the whole lines before the long one are read
                yield buf[:cut], buf.count(b"\n", 0, cut)
            raise _long_line(n_done + buf.count(b"\n", 0, cut) + 1, max_line, gz)
        if block is None:
            if buf:
                yield buf, 1
            return


def _long_line(line: int, max_line: int, gz: bool) -> TooLarge:
    return TooLarge(
        f"line {line} is larger than max_bytes={max_line:,} bytes"
        f"{' once decompressed' if gz else ''}; not read from there on; pass a "
        "larger max_bytes to load it"
    )


# A text field that is a number in some records: polars turns a column of numbers and strings
# into strings, so such values send the chunk to the line-by-line reader, which skips every
# record whose text is not a JSON string, whatever the other lines hold.
_NUMBER_LIKE = r"^\s*(?:[-+]?[0-9.][0-9.eE+-]*|true|false)\s*$"


def _jsonl_fast(data: bytes, rel: str, problems: Problems, first: int) -> pl.DataFrame | None:
    """One chunk of JSON Lines parsed by polars in one go. None on any trouble - a broken line,
    mixed types, nested fields, a lone surrogate (which polars turns into U+0000) - so that the
    line-by-line reader can name each bad line."""
    try:
        frame = pl.read_ndjson(io.BytesIO(data), infer_schema_length=None)
    except Exception:  # noqa: BLE001 - the slow path reports the exact bad lines
        return None
    if not frame.height:
        return None
    text = _pick(frame.columns, "text")
    if text is not None and frame.schema[text] == pl.String:
        suspect = frame.select(
            pl.any_horizontal(pl.col(pl.String).str.contains("\x00", literal=True).any()).alias(
                "nul"
            ),
            pl.col(text).str.contains(_NUMBER_LIKE).any().alias("number"),
        ).row(0)
        if any(suspect):
            return None
    return _records_from_frame(frame, rel, problems, first_record=first)


def _read_jsonl_slow(
    data: bytes, rel: str, problems: Problems, first_line: int = 1
) -> pl.DataFrame | None:
    """JSON Lines line by line: each broken line becomes a problem with its line number."""
    text = _decode(data, rel, problems)
    if text is None:
        return None
    records: list[tuple[int, object]] = []
    for i, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        obj = _parse_json(line, rel, problems, i)
        if obj is not _BROKEN:
            records.append((i, obj))
    return _records_from_objects(records, rel, problems)


_BROKEN = object()
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(obj: object, rel: str, problems: Problems, record: int | None) -> bool:
    """Whether the parsed JSON ``obj`` holds a lone surrogate escape (``\\udXXX`` without its
    pair: not a character, which Arrow cannot hold); if so, it is a skipped record."""
    try:
        dumped = json.dumps(obj, ensure_ascii=False)
    except RecursionError:
        problems.skip(rel, "JSON nested too deeply to read", record=record)
        return True
    if not _LONE_SURROGATE.search(dumped):
        return False
    problems.skip(
        rel,
        "JSON holds a lone surrogate escape (\\udXXX without its pair), which is not a character",
        record=record,
    )
    return True


def _parse_json(
    line: str, rel: str, problems: Problems, record: int | None, *, surrogates: bool = True
) -> object:
    """One JSON value, or ``_BROKEN`` with the reason in ``problems`` (for ``record``): broken
    syntax, nesting too deep to parse, or (``surrogates``) a lone surrogate escape."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if record is None else f"column {exc.colno}"
        problems.skip(
            rel,
            f"broken JSON{'' if record is None else ' line'}: {exc.msg} at {where}",
            record=record,
        )
        return _BROKEN
    except RecursionError:
        problems.skip(rel, "JSON nested too deeply to read", record=record)
        return _BROKEN
    if surrogates and "\\u" in line and _lone_surrogate(obj, rel, problems, record):
        return _BROKEN
    return obj


def _read_json(text: str, rel: str, problems: Problems) -> pl.DataFrame | None:
    # A lone surrogate is looked for record by record below, so that it costs one record.
    obj = _parse_json(text, rel, problems, None, surrogates=False)
    if obj is _BROKEN:
        return None
    if isinstance(obj, dict):
        lists = [
            v
            for k, v in obj.items()
            if isinstance(v, list)
            and k.lower() in ("articles", "data", "items", "records", "docs", "documents")
        ]
        if lists:
            obj = lists[0]
        else:
            records: list[tuple[int | None, object]] = [(None, obj)]
    if isinstance(obj, list):
        records = list(enumerate(obj, start=1))
    elif not isinstance(obj, dict):
        problems.skip(rel, "JSON holds neither an article object nor a list of articles")
        return None
    if "\\u" in text:
        records = [(i, o) for i, o in records if not _lone_surrogate(o, rel, problems, i)]
    return _records_from_objects(records, rel, problems)


def _read_csv(text: str, rel: str, problems: Problems, delimiter: str) -> pl.DataFrame | None:
    # The csv module reports the line of each malformed row and copes with newlines in quoted
    # fields, which news bodies have; rows are mapped with the same rules as JSON records.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        problems.skip(rel, f"CSV has no readable header row: {exc}")
        return None
    dups = sorted({h for h in header if header.count(h) > 1})
    if dups:  # a row becomes a mapping: of two columns with one name, the last is kept
        problems.warn(
            rel,
            f"CSV header repeats column names ({', '.join(map(repr, dups))}); "
            "the last column of each name was used",
        )
    records: list[tuple[int, object]] = []
    row_no = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_no += 1
            problems.skip(rel, f"malformed CSV row: {exc}", record=row_no)
            continue
        row_no += 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.skip(
                rel, f"CSV row has {len(row)} fields, the header has {len(header)}", record=row_no
            )
            continue
        records.append((row_no, dict(zip(header, row, strict=True))))
    return _records_from_objects(records, rel, problems)


def _read_parquet(
    f: Path, rel: str, problems: Problems, max_bytes: int = DEFAULT_MAX_BYTES
) -> pl.DataFrame | None:
    with open_regular(f) as fh:
        if os.fstat(fh.fileno()).st_size > max_bytes:
            raise too_large(max_bytes, False)
        try:
            pf = pq.ParquetFile(fh)
            # The footer says what the columns take uncompressed, before any is read.
            size = sum(
                pf.metadata.row_group(i).total_byte_size for i in range(pf.metadata.num_row_groups)
            )
            if size > max_bytes:
                raise too_large(max_bytes, True)
            table = pf.read()
        except TooLarge:
            raise
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for bad files
            problems.skip(rel, f"not a readable Parquet file: {exc}")
            return None
    if CORPUS_META_KEY in (table.schema.metadata or {}):
        problems.skip(
            rel,
            "a corpus written by 'analysis ingest': load it on its own "
            "(load_corpus(path_to_it)), not inside a folder",
        )
        return None
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    out = _records_from_frame(frame, rel, problems, first_record=1)
    if out is None:
        out = _records_from_objects(list(enumerate(frame.to_dicts(), start=1)), rel, problems)
    return out


def _pick(names: Iterable[str], what: str) -> str | None:
    return _fields.pick(names, what, FIELDS[what])


def _records_from_frame(
    frame: pl.DataFrame, rel: str, problems: Problems, first_record: int
) -> pl.DataFrame | None:
    """Map a parsed table onto the standard columns, vectorised. Returns None when a column has
    a shape the vectorised path does not handle (the caller then maps record by record)."""
    cols = {what: _pick(frame.columns, what) for what in FIELDS}
    if cols["text"] is None:
        if frame.height:
            problems.skip(rel, _fields.no_text_field(frame.columns, FIELDS["text"]))
        return pl.DataFrame()
    if frame.schema[cols["text"]] != pl.String:
        return None  # numbers are not article text: skipped record by record
    scalar = (pl.String, pl.Int64, pl.Int32, pl.Float64, pl.Boolean)
    exprs = []
    for what in ("text", "outlet", "title", "url", "id"):
        c = cols[what]
        if c is not None and frame.schema[c] not in scalar:
            return None
    if cols["authors"] is not None and not (
        frame.schema[cols["authors"]] in scalar
        or frame.schema[cols["authors"]] == pl.List(pl.String)
    ):
        return None
    n = frame.height
    record = pl.int_range(first_record, first_record + n, dtype=pl.Int64)
    ids = None
    if cols["id"] is not None:
        id_col = frame[cols["id"]].cast(pl.String)
        if id_col.null_count() == 0 and id_col.n_unique() == n:
            ids = id_col
    for what in ("outlet", "title", "url"):
        c = cols[what]
        exprs.append((pl.col(c).cast(pl.String) if c else pl.lit(None, pl.String)).alias(what))
    date_c = cols["date"]
    if date_c is None:
        exprs.append(pl.lit(None, pl.String).alias("date"))
    elif frame.schema[date_c] in (pl.Date,) or isinstance(frame.schema[date_c], pl.Datetime):
        exprs.append(pl.col(date_c).dt.strftime("%Y-%m-%dT%H:%M:%S").alias("date"))
    else:
        exprs.append(pl.col(date_c).cast(pl.String).alias("date"))
    a = cols["authors"]
    if a is None:
        exprs.append(pl.lit(None, pl.String).alias("authors"))
    elif frame.schema[a] == pl.List(pl.String):
        exprs.append(pl.col(a).list.join("; ").alias("authors"))
    else:
        exprs.append(pl.col(a).cast(pl.String).alias("authors"))
    used = {c for c in cols.values() if c is not None}
    extras = _kept_extras(
        [c for c in frame.columns if c not in used and frame.schema[c] in scalar], rel, problems
    )
    out = frame.select(
        (pl.lit(rel + "#") + (pl.Series(ids) if ids is not None else record.cast(pl.String))).alias(
            "doc_id"
        ),
        pl.lit(rel).alias("path"),
        record.alias("record"),
        *exprs,
        pl.lit(None, pl.String).alias("outlet_hint"),
        pl.col(cols["text"]).cast(pl.String).alias("text"),
        *[pl.col(c).cast(pl.String).alias(EXTRA_PREFIX + c) for c in extras],
    )
    missing = out.filter(pl.col("text").is_null())
    for r in missing["record"].to_list():
        problems.skip(rel, f"record has no text field ({cols['text']} is missing)", record=r)
    return out.filter(pl.col("text").is_not_null())


def _kept_extras(names: list[str], rel: str, problems: Problems) -> list[str]:
    """The extra fields of one file kept as columns: none named like a docs column, at most
    ``MAX_EXTRA_COLUMNS``, the first met; the others are reported once for the file."""
    kept = [n for n in names if n.lower() not in DOC_COLUMNS][:MAX_EXTRA_COLUMNS]
    if len(kept) < len(names):
        problems.drop_fields(rel, [n for n in names if n not in set(kept)])
    return kept


def _records_from_objects(
    records: Sequence[tuple[int | None, object]], rel: str, problems: Problems
) -> pl.DataFrame | None:
    """Map parsed records (dicts) onto the standard columns one by one."""
    if records and not any(isinstance(o, dict) and _pick(o, "text") for _, o in records):
        # A file whose records all lack a text field has the wrong shape: one reason, not N.
        problems.skip(
            rel,
            _fields.no_text_field(
                (k for _, o in records if isinstance(o, dict) for k in o), FIELDS["text"]
            ),
        )
        return None
    rows = []
    extras: dict[str, None] = {}  # extra fields kept, in the order met
    dropped: dict[str, None] = {}
    for rec_no, obj in records:
        if not isinstance(obj, dict):
            problems.skip(
                rel, f"record is a JSON {type(obj).__name__}, not an object", record=rec_no
            )
            continue
        text_key = _pick(obj, "text")
        text = _fields.join_text(obj.get(text_key)) if text_key else None
        if text is None:
            kind = type(obj.get(text_key)).__name__
            problems.skip(
                rel,
                _fields.no_text_field(obj, FIELDS["text"], every=False)
                if text_key is None
                else f"record has text field '{text_key}' is "
                f"{kind}, not text (looked for: {', '.join(FIELDS['text'])})",
                record=rec_no,
            )
            continue
        row = {"record": rec_no, "text": text}
        for what in ("outlet", "date", "title", "url", "authors", "id"):
            k = _pick(obj, what)
            row[what] = _scalar(obj.get(k)) if k else None
        used = {_pick(obj, w) for w in FIELDS}
        for k, v in obj.items():
            if k not in used and isinstance(v, str | int | float):
                if k not in extras and k not in dropped:
                    if k.lower() in DOC_COLUMNS or len(extras) >= MAX_EXTRA_COLUMNS:
                        dropped[k] = None
                    else:
                        extras[k] = None
                if k in extras:
                    row[EXTRA_PREFIX + k] = str(v)
        rows.append(row)
    if dropped:
        problems.drop_fields(rel, dropped)
    if not rows:
        return None
    ids = [r.pop("id") for r in rows]
    use_ids = all(ids) and len(set(ids)) == len(ids)
    for r, i in zip(rows, ids, strict=True):
        if r["record"] is None:
            r["doc_id"] = rel
        else:
            r["doc_id"] = f"{rel}#{i if use_ids else r['record']}"
        r["path"] = rel
        r["outlet_hint"] = None
    keys = list(dict.fromkeys(k for r in rows for k in r))
    data = {k: [r.get(k) for r in rows] for k in keys}
    schema = {k: (pl.Int64 if k == "record" else pl.String) for k in keys}
    return pl.DataFrame(data, schema=schema)


def _scalar(v: object) -> str | None:
    """A metadata value as text: lists are joined, objects give their 'name'."""
    if v is None:
        return None
    if isinstance(v, dict):
        v = v.get("name") or v.get("title") or v.get("id")
        return None if v is None else str(v)
    if isinstance(v, list):
        parts = [_scalar(x) for x in v]
        return "; ".join(p for p in parts if p) or None
    return str(v)


# --------------------------------------------------------------------------------------------
# Finalising: one vectorised pass over all records
# --------------------------------------------------------------------------------------------


class Finalizer:
    """Turns raw record frames into docs rows: text normalised, empty texts and exact duplicates
    listed as problems, words counted, near duplicates flagged, outlets and dates resolved.

    Called once for an in-memory load, or once per chunk when ingesting in a stream: what it
    has seen (text hashes, fingerprints) carries over, so duplicates are found across chunks.
    """

    def __init__(self, *, stream: bool = False) -> None:
        self.stream = stream
        self.seen_text: dict[tuple[int, int], str] = {}  # 128-bit text hash -> kept doc_id
        self.seen_fp: dict[int, str] = {}  # near-duplicate fingerprint -> first doc_id
        self.extras: dict[str, None] = {}  # extra columns kept so far, in the order met

    def _cap_extras(self, batches: list[pl.DataFrame], problems: Problems) -> None:
        """Keep at most ``MAX_EXTRA_COLUMNS`` extra columns over the whole corpus (all chunks of
        a stream), the first met; the others are dropped from their batch and reported."""
        for i, b in enumerate(batches):
            new = [c for c in b.columns if c.startswith(EXTRA_PREFIX) and c not in self.extras]
            room = max(0, MAX_EXTRA_COLUMNS - len(self.extras))
            self.extras.update(dict.fromkeys(new[:room]))
            if len(new) > room:
                for path in b["path"].unique(maintain_order=True).to_list():
                    problems.drop_fields(path, [c[len(EXTRA_PREFIX) :] for c in new[room:]])
                batches[i] = b.drop(new[room:])

    def __call__(self, batches: list[pl.DataFrame], problems: Problems) -> pd.DataFrame:
        if batches:
            self._cap_extras(batches, problems)
            raw = pl.concat([b for b in batches if b.width], how="diagonal_relaxed")
            # Drop the per-file frames now: the texts are the bulk of memory; never hold two.
            batches.clear()
        else:
            raw = pl.DataFrame(schema={c: pl.String for c in ("doc_id", "path", "text")})
        for c in ("outlet", "outlet_hint", "date", "title", "url", "authors"):
            if c not in raw.columns:
                raw = raw.with_columns(pl.lit(None, pl.String).alias(c))
        if "record" not in raw.columns:
            raw = raw.with_columns(pl.lit(None, pl.Int64).alias("record"))

        raw = _repair_mojibake(raw, problems)
        raw = raw.with_columns(
            pl.col("title").str.normalize("NFC").str.strip_chars().replace("", None),
            _normalized_text(_nfc_text(raw["text"])),
            *[pl.col(c).str.normalize("NFC") for c in ("outlet", "outlet_hint", "authors")],
        )
        empty = raw.filter(pl.col("text") == "")
        for p, r in zip(empty["path"].to_list(), empty["record"].to_list(), strict=True):
            problems.skip(
                p, "no article text (empty after removing the header and blank lines)", record=r
            )
        raw = raw.filter(pl.col("text") != "").with_row_index("_order")
        raw = raw.with_columns(
            count_words(raw["text"]).alias("n_words"),
            pl.col("text").hash(seed=0).alias("_h"),
            pl.col("text").hash(seed=1).alias("_h2"),
        )
        raw = self._drop_exact_duplicates(raw, problems)
        raw = _near_duplicates(raw, full=self.stream)
        if self.stream:
            raw = self._near_duplicates_of_earlier_chunks(raw)
        raw = _resolve_outlets(raw)
        extras: list[Any] = sorted(c for c in raw.columns if c.startswith(EXTRA_PREFIX))
        names = {c[len(EXTRA_PREFIX) :] for c in extras}
        record = "_record"  # the record number, until dates are parsed: a name no extra has
        while record in names:
            record = "_" + record
        table = raw.select(
            [c for c in DOC_COLUMNS if c != "date"]
            + ["date"]
            + [pl.col("record").alias(record)]
            + extras
        )
        table = table.rename({c: c[len(EXTRA_PREFIX) :] for c in extras})
        extras = [c[len(EXTRA_PREFIX) :] for c in extras]
        del raw
        arrow = table.to_arrow()
        del table
        docs = arrow.to_pandas(types_mapper=pandas_str, self_destruct=True)
        del arrow
        docs["date"] = _parse_dates(docs, problems, record)
        docs["n_words"] = docs["n_words"].astype("int64")
        return docs[DOC_COLUMNS + extras]

    def _drop_exact_duplicates(self, raw: pl.DataFrame, problems: Problems) -> pl.DataFrame:
        """Same text: the first in load order is kept; the others are listed as problems."""
        first = raw.group_by("_h", "_h2").agg(pl.col("_order").min().alias("_first"))
        raw = raw.join(first, on=["_h", "_h2"], how="left", maintain_order="left")
        drop: list[int] = []
        dups = raw.filter(pl.col("_order") != pl.col("_first"))
        if dups.height:
            # Within one frame the texts can be compared, so a hash collision cannot merge two.
            firsts = raw.filter(pl.col("_order") == pl.col("_first")).select(
                pl.col("_order").alias("_first"),
                pl.col("doc_id").alias("_first_id"),
                pl.col("text").alias("_first_text"),
            )
            dups = dups.join(firsts, on="_first", how="left", maintain_order="left")
            same = dups.filter(pl.col("text") == pl.col("_first_text"))
            for p, r, f, o in same.select("path", "record", "_first_id", "_order").iter_rows():
                problems.skip(p, f"exact duplicate of {f}; kept once", record=r)
                drop.append(o)
        if self.seen_text:
            # Across chunks only the 128-bit hash is left to compare.
            for p, r, h, h2, o in raw.select("path", "record", "_h", "_h2", "_order").iter_rows():
                kept = self.seen_text.get((h, h2))
                if kept is not None:
                    problems.skip(p, f"exact duplicate of {kept}; kept once", record=r)
                    drop.append(o)
        if drop:
            raw = raw.filter(~pl.col("_order").is_in(pl.Series(drop, dtype=pl.UInt32).implode()))
        if self.stream:
            self.seen_text.update(
                zip(
                    zip(raw["_h"].to_list(), raw["_h2"].to_list(), strict=True),
                    raw["doc_id"].to_list(),
                    strict=True,
                )
            )
        return raw

    def _near_duplicates_of_earlier_chunks(self, raw: pl.DataFrame) -> pl.DataFrame:
        fps = raw["_fp"].to_list()
        earlier = [self.seen_fp.get(fp) for fp in fps]
        for fp, doc_id in zip(fps, raw["doc_id"].to_list(), strict=True):
            self.seen_fp.setdefault(fp, doc_id)
        return raw.with_columns(
            pl.coalesce(
                pl.Series("_earlier", earlier, dtype=pl.String), pl.col("near_duplicate_of")
            ).alias("near_duplicate_of")
        )


# A letter that opens a UTF-8 sequence as Windows-1252 shows it ("Ã", "Â", "â"), then one that
# continues it: the mark of text decoded with the wrong codec, once or more, upstream of us.
_MOJIBAKE = "[ÂÃâ][\\x{80}-\\x{bf}€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"


def _repair_mojibake(raw: pl.DataFrame, problems: Problems) -> pl.DataFrame:
    """Titles and texts whose UTF-8 was decoded as Windows-1252 before they reached us, once or
    twice ("Obamaâ€™s", "ObamaÃ¢â‚¬â„¢s" for "Obama’s"), repaired by ``ftfy.fix_encoding``,
    which changes only sequences that then decode cleanly. Each repaired record is listed
    among the problems as loaded. Only texts with the mark (``_MOJIBAKE``) are looked at."""
    import ftfy

    for col in ("title", "text"):
        hit = _by_slices(raw[col], lambda t: t.str.contains(_MOJIBAKE)).fill_null(False)
        idx = hit.arg_true()
        if not len(idx):
            continue
        before = raw[col].gather(idx).to_list()
        after = [ftfy.fix_encoding(t) for t in before]
        changed = [k for k, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        if not changed:
            continue
        rows = idx.gather(changed)
        paths, records = raw["path"].gather(rows).to_list(), raw["record"].gather(rows).to_list()
        for path, record in zip(paths, records, strict=True):
            problems.warn(
                path,
                f"mis-decoded characters repaired in {col} (UTF-8 once read as "
                "Windows-1252, e.g. 'â€™' for '’')",
                record=record,
            )
        raw = raw.with_columns(raw[col].clone().scatter(rows, [after[k] for k in changed]))
    return raw


def _by_slices(text: pl.Series, expr: Callable[[pl.Expr], pl.Expr]) -> pl.Series:
    """``expr`` of the column ``text``. polars runs one expression on one core, so a long
    column is cut into one slice per core and the slices run in parallel."""
    cores = os.cpu_count() or 1
    if cores == 1 or len(text) < 2000:
        return pl.DataFrame({"t": text}).select(expr(pl.col("t"))).to_series()
    frame = pl.DataFrame({"t": text}).lazy()
    step = -(-len(text) // cores)
    parts = pl.collect_all(
        [frame.slice(i * step, step).select(expr(pl.col("t"))) for i in range(cores)]
    )
    return pl.concat([p.to_series() for p in parts])


def count_words(text: pl.Series) -> pl.Series:
    """Words per text, as ``analysis.text.WORD_RE`` finds them (the regex scan is the costliest
    step of a load, hence run in slices)."""
    return _by_slices(text, lambda t: t.str.count_matches(WORD_PATTERN_UNICODE)).cast(pl.Int64)


@cache
def _not_nfc_class() -> str:
    """A regex class of every character that can make a text not NFC (composed): combining
    marks, characters NFC replaces, and those that compose with the one before them. A text
    without any is NFC already, which is most texts, so only the others are normalised."""
    seconds = {0x1161 + i for i in range(21)} | {0x11A8 + i for i in range(27)}  # Hangul V, T
    cps = set(seconds)
    for cp in range(0x30000):  # nothing above plane 2 composes or decomposes
        ch = chr(cp)
        if 0xD800 <= cp < 0xE000:
            continue
        if unicodedata.combining(ch) or unicodedata.normalize("NFC", ch) != ch:
            cps.add(cp)
        dec = unicodedata.decomposition(ch)
        if dec and not dec.startswith("<"):
            cps.update(int(h, 16) for h in dec.split()[1:])
    ranges: list[list[int]] = []
    for cp in sorted(cps):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "[" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in ranges) + "]"


def _nfc_text(text: pl.Series) -> pl.Series:
    """Texts normalised to NFC (an accent decomposed as letter + combining mark becomes one
    character, so that "Ångström" is one word), rewriting only the texts that need it."""
    need = _by_slices(text, lambda t: t.str.contains(_not_nfc_class())).fill_null(False)
    idx = need.arg_true()
    if not len(idx):
        return text
    texts = text.gather(idx).to_list()
    fixed = [unicodedata.normalize("NFC", t) for t in texts]
    changed = [i for i, (a, b) in enumerate(zip(texts, fixed, strict=True)) if a != b]
    if not changed:
        return text
    return text.clone().scatter(idx.gather(changed), [fixed[i] for i in changed])


def _clean(text: str) -> str:
    """Line endings normalised to ``\n``; leading and trailing blank space removed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _normalized_text(text: pl.Series) -> pl.Series:
    """Apply :func:`_clean` to the texts that need it. Most texts need nothing, so only those
    few are rewritten in place, rather than copying every text (the bulk of memory) once more."""
    # Only the first and last characters and a literal "\r" are looked at: a full regex scan
    # of every text would cost as much as counting its words.
    ends = (
        pl.DataFrame({"t": text})
        .select(
            pl.col("t").str.head(1).str.contains(r"^\s")
            | pl.col("t").str.tail(1).str.contains(r"^\s")
            | pl.col("t").str.contains("\r", literal=True)
        )
        .to_series()
    )
    need = ends.fill_null(False)
    idx = need.arg_true()
    if not len(idx):
        return text
    fixed = [_clean(t) for t in text.gather(idx).to_list()]
    return text.clone().scatter(idx, fixed)


def pandas_str(t: pa.DataType) -> pd.StringDtype | None:
    """Arrow text types become pandas' default ``str`` dtype without a copy through Python."""
    if t in (pa.large_string(), pa.string(), pa.string_view()):
        return pd.StringDtype(na_value=float("nan"))
    return None


def _near_duplicates(raw: pl.DataFrame, *, full: bool = False) -> pl.DataFrame:
    """Add ``near_duplicate_of``: the first article with the same words once case, spacing and
    punctuation are ignored (a re-published copy with cosmetic edits).

    Only articles that share their opening with another are fingerprinted in full, which keeps
    this cheap; ``full=True`` fingerprints every article (``_fp``), which a
    streamed ingest needs to compare with earlier chunks."""

    def fingerprint(col: pl.Expr) -> pl.Expr:
        return col.str.replace_many(_NEAR_DUP_STRIP, [""] * len(_NEAR_DUP_STRIP)).str.to_lowercase()

    if full:
        cand = raw.select("_order", fingerprint(pl.col("text")).hash(seed=0).alias("_fp"))
    else:
        # Texts with one fingerprint share its first 60 characters, hence this opening.
        key = fingerprint(pl.col("text").str.slice(0, 240)).str.slice(0, 60)
        cand = raw.filter(key.is_duplicated()).select(
            "_order", fingerprint(pl.col("text")).hash(seed=0).alias("_fp")
        )
    cand = cand.with_columns(pl.col("_order").min().over("_fp").alias("_fp_first"))
    ids = raw.select(
        pl.col("_order").alias("_fp_first"), pl.col("doc_id").alias("near_duplicate_of")
    )
    cand = cand.join(ids, on="_fp_first", how="left").with_columns(
        pl.when(pl.col("_order") != pl.col("_fp_first"))
        .then(pl.col("near_duplicate_of"))
        .otherwise(None)
        .alias("near_duplicate_of")
    )
    return raw.join(
        cand.select("_order", "_fp", "near_duplicate_of"),
        on="_order",
        how="left",
        maintain_order="left",
    )


def _resolve_outlets(raw: pl.DataFrame) -> pl.DataFrame:
    """Outlet from metadata first, then the URL's domain, then a dateline; else unknown."""
    domain = (
        pl.col("url")
        .str.extract(r"^(?:[a-zA-Z][\w+.-]*://)?([^/?#:@\s]+)", 1)
        .str.to_lowercase()
        .str.replace(r"^www\d?\.", "")
    )
    need = raw.filter(
        pl.col("outlet").is_null() & pl.col("outlet_hint").is_null() & pl.col("url").is_null()
    )
    hints: dict[int, str] = {}
    if need.height:
        for order, head in zip(
            need["_order"].to_list(), need["text"].str.slice(0, 160).to_list(), strict=True
        ):
            m = _WIRE_DATELINE_RE.match(head)
            if m and not _DATE_LIKE_RE.search(m.group("outlet")):
                hints[order] = m.group("outlet")
    wire = (
        pl.col("_order").replace_strict(hints, default=None, return_dtype=pl.String)
        if hints
        else pl.lit(None, pl.String)
    )
    outlet = pl.col("outlet").str.strip_chars().replace("", None)
    return raw.with_columns(
        pl.coalesce(
            outlet, pl.col("outlet_hint"), domain.replace("", None), wire, pl.lit(UNKNOWN_OUTLET)
        ).alias("outlet")
    )


def _parse_dates(docs: pd.DataFrame, problems: Problems, record: str = "record") -> pd.Series:
    """Parse the raw date strings to naive UTC datetimes.

    A non-empty date that cannot be read, or falls outside 1800-2199 (a typo such as year 1),
    becomes NaT with a warning in ``problems``.
    """
    raw = docs["date"].str.strip()
    parsed = pd.to_datetime(raw, errors="coerce", format="ISO8601", utc=True)
    retry = parsed.isna() & raw.notna() & (raw != "")
    if retry.any():
        parsed.loc[retry] = pd.to_datetime(raw[retry], errors="coerce", format="mixed", utc=True)
    plausible = (parsed >= pd.Timestamp("1800-01-01", tz="UTC")) & (
        parsed < pd.Timestamp("2200-01-01", tz="UTC")
    )
    bad = raw.notna() & (raw != "") & ~plausible.fillna(False)
    for p, rec, value in zip(docs.loc[bad, "path"], docs.loc[bad, record], raw[bad], strict=True):
        problems.warn(
            p,
            f"date {value!r} not understood; date left empty",
            record=None if pd.isna(rec) else int(rec),
        )
    parsed = parsed.where(plausible)
    return parsed.dt.tz_convert(None).astype("datetime64[ns]")


# --------------------------------------------------------------------------------------------
# Writing and reading a corpus
# --------------------------------------------------------------------------------------------


def write_corpus(corpus: Corpus, out: str | Path, *, overwrite: bool = False) -> Path:
    """Write ``corpus`` to one Parquet file (docs as rows, problems in the file's metadata),
    atomically. An existing corpus file written by the workbench is replaced; any other file is
    replaced only with ``overwrite=True``; a folder never."""
    out = Path(out)
    check_file_target(out, overwrite=overwrite, ours=lambda p: p.is_file() and is_corpus_parquet(p))
    out.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(corpus.docs, preserve_index=False)
    probs = corpus.problems.astype({"record": "object"}).where(corpus.problems.notna(), None)
    meta = {"version": 1, "problems": probs.to_dict("records")}
    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), CORPUS_META_KEY: json.dumps(meta).encode()}
    )
    write_atomic(out, lambda tmp: pq.write_table(table, tmp))
    return out


class _PartWriter:
    """Finalises the chunks of a streamed ingest and writes each as one part of the folder."""

    def __init__(self, folder: OutputFolder, aliases: Mapping[str, str] | None = None) -> None:
        self.folder = folder
        self.aliases = aliases
        self.finalize = Finalizer(stream=True)
        self.parts: list[str] = []
        self.columns: dict[str, None] = {}
        self.n_docs = 0

    def flush(self, pending: list[pl.DataFrame], problems: Problems) -> None:
        docs = self.finalize(pending, problems)
        # Spellings merge within each part (the most frequent spelling of the part wins).
        docs["outlet"] = merge_outlets(docs["outlet"], self.aliases)
        name = self.folder.name(f"part-{len(self.parts):05d}")
        self.parts.append(
            self.folder.write_table(pa.Table.from_pandas(docs, preserve_index=False), name)
        )
        self.columns.update(dict.fromkeys(docs.columns))
        self.n_docs += len(docs)


def _check_ingest(root: Path, out: Path, chunk_articles: int) -> None:
    """:func:`ingest`'s arguments checked before anything is read or written."""
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    if chunk_articles < 1:
        raise ValueError(
            f"chunk_articles must be at least 1, not {chunk_articles}: give the "
            "number of articles per part, e.g. 50000"
        )
    if out.exists() and os.path.samefile(root, out):
        raise OutputRefused(f"{out} is the input itself: write the corpus to another folder")
    if root.is_dir() and os.path.lexists(root / CORPUS_DIR_MARKER):
        corpus_dir(root)  # a corrupt or unfinished one says so
        raise NotACorpusFolder(
            f"{root} is a corpus folder written by ingest already: "
            "load_corpus reads it as it is; ingest the raw articles instead"
        )


def ingest(
    path: str | Path,
    out: str | Path,
    *,
    recursive: bool = True,
    sources: str | Path | pd.DataFrame | Mapping[str, str] | None = None,
    chunk_articles: int = 50_000,
    progress: bool = False,
    overwrite: bool = False,
    follow_links: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: Mapping[str, str] | None = None,
) -> Path:
    """Load ``path`` in a stream and write a partitioned corpus folder ``out``: one
    ``part-NNNNN-TOKEN.parquet`` per ``chunk_articles`` articles, a problems table, and the
    manifest ``_corpus.json`` naming them. Memory stays bounded by the chunk size (plus a few
    dozen bytes per article for duplicate detection), so corpora far larger than memory can be
    ingested. ``load_corpus(out)`` reads the folder back; the rows are those an in-memory load
    gives. ``follow_links``, ``max_bytes``: as :func:`load_corpus` (here ``max_bytes`` caps each
    line of a JSON Lines file, which is streamed, and each whole file of the other formats).

    Safe to interrupt and to repeat: the new output replaces the old one only once it is
    complete (see :mod:`analysis.outputs`). A folder holding files the workbench did not write
    is refused unless ``overwrite=True``, which leaves those files alone."""
    root, out = Path(path), Path(out)
    _check_ingest(root, out, chunk_articles)
    problems = Problems()
    files, sidecars = list_files(root, recursive, problems, follow_links=follow_links, skip=out)
    sidecar = sidecar_map(sidecars, sources, problems, max_bytes)
    writer = _PartWriter(
        open_output_folder(out, CORPUS_DIR_MARKER, overwrite=overwrite), read_aliases(root)
    )
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(files), unit="file", desc="ingest")
    pending: list[pl.DataFrame] = []
    n_pending = 0
    done_files: set[str] = set()
    with _fields.active(fields, root):  # the readers consult the mapping as they go
        for batch in iter_batches(
            files, sidecar, problems, chunk_lines=chunk_articles, max_bytes=max_bytes
        ):
            pending.append(batch)
            n_pending += batch.height
            if bar is not None:
                paths = set(batch["path"].unique().to_list()) - done_files
                done_files |= paths
                bar.update(len(paths))
            if n_pending >= chunk_articles:
                writer.flush(pending, problems)
                pending, n_pending = [], 0
    if pending or not writer.parts:
        writer.flush(pending, problems)
    if bar is not None:
        bar.update(len(files) - bar.n)
        bar.close()
    folder = writer.folder
    problems_file = folder.write_table(
        pa.Table.from_pandas(problems.frame(), preserve_index=False), folder.name("problems")
    )
    folder.commit(
        {
            "kind": "corpus",
            "parts": writer.parts,
            "problems_file": problems_file,
            "columns": list(writer.columns),
            "articles": writer.n_docs,
            "problems": len(problems.rows),
        }
    )
    return out


@dataclass
class CorpusDir:
    """What the manifest of a corpus folder names: its parts in order, its problems table, and
    the docs columns."""

    parts: list[Path]
    problems: Path
    columns: list[str]


def corpus_dir(path: str | Path) -> CorpusDir:
    """The files of the complete corpus folder ``path`` written by :func:`ingest`. Raises
    :class:`NotACorpusFolder` (saying what to do) for a raw folder, an unfinished or corrupt
    one, or a manifest naming files outside the folder."""
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    if not os.path.lexists(root / CORPUS_DIR_MARKER):
        raise NotACorpusFolder(
            f"{root} is not a corpus folder written by ingest (no {CORPUS_DIR_MARKER}); "
            f"run `python -m analysis ingest {root} --out CORPUS_DIR/` first"
        )
    meta = read_manifest(root, CORPUS_DIR_MARKER)
    columns = meta.get("columns")
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise NotACorpusFolder(
            f"{root / CORPUS_DIR_MARKER} is corrupt (no list of columns): "
            "ingest again into a new folder"
        )
    problems = root / meta.get("problems_file", "problems.parquet")  # version 1: fixed name
    if not plain_file_in(root, problems.name):
        raise NotACorpusFolder(
            f"{root} has no problems table ({problems.name}): ingest again into a new folder"
        )
    return CorpusDir(parts=[root / p for p in meta["parts"]], problems=problems, columns=columns)


def read_corpus_dir(path: str | Path) -> Corpus:
    """Read back a partitioned corpus folder written by :func:`ingest`."""
    layout = corpus_dir(path)
    try:
        frames = [pq.read_table(part).to_pandas(types_mapper=pandas_str) for part in layout.parts]
        probs = pq.read_table(layout.problems).to_pandas(types_mapper=pandas_str)
    except (pa.ArrowException, OSError) as exc:
        raise NotACorpusFolder(
            f"{path}: a part could not be read ({exc}): ingest again into a new folder"
        ) from exc
    docs = pd.concat(frames, ignore_index=True).reindex(columns=layout.columns)
    probs["record"] = probs["record"].astype("Int64")
    return Corpus(docs=docs, problems=probs)


def is_corpus_parquet(path: Path) -> bool:
    if _suffixes(path)[0] not in PARQUET_SUFFIXES:
        return False
    try:
        return CORPUS_META_KEY in (pq.read_schema(path).metadata or {})
    except Exception:  # noqa: BLE001 - not a readable Parquet file: the normal reader reports it
        return False


def read_corpus_parquet(path: str | Path) -> Corpus:
    """Read back a corpus written by :func:`write_corpus`."""
    table = pq.read_table(path)
    meta = json.loads(table.schema.metadata[CORPUS_META_KEY])
    docs = table.to_pandas()
    probs = Problems()
    probs.rows = [(r["path"], r["record"], r["problem"], r["action"]) for r in meta["problems"]]
    return Corpus(docs=docs, problems=probs.frame())


# --------------------------------------------------------------------------------------------
# Selecting articles
# --------------------------------------------------------------------------------------------


def filter_docs(
    docs: pd.DataFrame,
    *,
    outlets: Iterable[str] | None = None,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    contains: str | None = None,
    undated: bool = False,
) -> pd.DataFrame:
    """The rows of ``docs`` from the given outlets, dated within ``[start, end]`` (inclusive
    days), whose text contains ``contains`` (case-insensitive, literal). ``None`` means no limit.
    Under a date limit undated articles are kept only with ``undated=True``: their date is
    unknown, so a range neither includes nor excludes them. Order is kept."""
    mask = pd.Series(True, index=docs.index)
    if outlets is not None:
        mask &= docs["outlet"].isin(list(outlets))
    if start is not None or end is not None:
        dated = pd.Series(True, index=docs.index)
        if start is not None:
            dated &= docs["date"] >= pd.Timestamp(start).normalize()
        if end is not None:
            dated &= docs["date"] < pd.Timestamp(end).normalize() + pd.Timedelta(days=1)
        mask &= dated | (docs["date"].isna() if undated else False)
    if contains:
        mask &= contains_text(docs["text"], contains)
    return docs[mask]


def contains_text(texts: pd.Series, needle: str) -> np.ndarray:
    """Whether each text contains ``needle``, case-insensitive and literal (missing -> False),
    as a boolean array aligned with ``texts``.

    polars runs the search in native code on every core: on the whole corpus (37,547 texts,
    220 M characters) it takes 30-70 ms against 100-200 ms for pandas' ``str.contains(case=False)``,
    the difference between a search box that keeps up with typing and one that lags. Unicode
    case folding is the same (checked on "İSTANBUL", "ERDOĞAN" and regex metacharacters in
    tests/test_corpus.py). Text that Arrow cannot hold (lone surrogates) falls back to pandas.
    """
    if not needle:
        return np.ones(len(texts), dtype=bool)
    pattern = "(?i)" + pl.escape_regex(needle)
    try:
        hay = pl.Series(texts, dtype=pl.String)
    except (pl.exceptions.PolarsError, TypeError, UnicodeError, ValueError):
        hit = texts.astype(object).str.contains(needle, case=False, regex=False)
        return hit.fillna(False).to_numpy(dtype=bool)
    return hay.str.contains(pattern).fill_null(False).to_numpy()


def articles_over_time(docs: pd.DataFrame, *, freq: str = "D") -> pd.DataFrame:
    """Article counts per outlet and period: columns ``period, outlet, articles``, sorted by
    period then outlet. ``freq`` is a pandas period alias ("D", "W", "M", "Y"); undated articles
    are left out."""
    dated = docs.dropna(subset=["date"])
    period = dated["date"].dt.to_period(freq).dt.start_time
    out = (
        dated.assign(period=period)
        .groupby(["period", "outlet"])
        .size()
        .rename("articles")
        .reset_index()
    )
    return out.sort_values(["period", "outlet"], ignore_index=True)
