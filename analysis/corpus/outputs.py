"""Writing outputs without harming what is already there.

Every file is written to a hidden temporary sibling and renamed into place, so a reader sees the
old file or the new one, never half of one. A folder output (an ingested corpus, a quotes
folder) is committed by its manifest (``_corpus.json``, ``_quotes.json``): the parts of a run
carry the run's token in their names, the manifest is replaced in one rename when every part is
written, and only then are the previous run's files deleted. An interrupted run therefore
leaves the old output whole (or, on a first run, a folder its manifest marks unfinished, which
the readers refuse). The workbench deletes only files its manifest lists or that carry the
token of one of its runs; a folder holding anything else is refused unless ``overwrite``, and
even then the other files stay.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

# The "writer" of every manifest the workbench writes.
WRITER = "analysis"
# The manifest of a report folder (``python -m analysis report``).
REPORT_MANIFEST = "_report.json"


class OutputRefused(ValueError):
    """An output path the workbench will not write to (it holds something else)."""


class NotACorpusFolder(ValueError):
    """The path is not a complete folder written by the workbench where one is expected."""


def _tmp_sibling(path: Path, token: str) -> Path:
    return path.with_name(f".{path.name}.tmp-{token}")


def write_atomic(path: Path, write: Callable[[Path], object], token: str | None = None) -> Path:
    """Call ``write(tmp)`` on a hidden sibling of ``path``, then rename it to ``path``: a reader
    (or a run interrupted here) sees the old file or the new, never a mix."""
    tmp = _tmp_sibling(path, token or secrets.token_hex(4))
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_json_atomic(path: Path, obj: Any, token: str | None = None) -> Path:
    return write_atomic(
        path, lambda tmp: tmp.write_text(json.dumps(obj, indent=1), encoding="utf-8"), token
    )


def check_file_target(path: Path, *, overwrite: bool, ours: Callable[[Path], bool]) -> None:
    """Refuse to write the file ``path`` over a folder, or over a file the workbench did not
    write (``ours``), unless ``overwrite``."""
    if path.is_dir():
        raise OutputRefused(
            f"{path} is a folder; a .parquet output is one file: give a file "
            "name, or a folder name without .parquet for a folder of parts"
        )
    if os.path.lexists(path) and not overwrite and not ours(path):
        raise OutputRefused(
            f"{path} exists and was not written by the workbench: choose another "
            "name, or pass --overwrite (overwrite=True) to replace it"
        )


def read_manifest(root: Path, name: str) -> dict:
    """The manifest ``name`` of the folder ``root``, checked: complete, written by the
    workbench, and naming only files inside ``root``. Raises :class:`NotACorpusFolder` with what
    to do otherwise."""
    path = root / name
    if not path.is_file():
        raise NotACorpusFolder(f"{root} is not a folder written by the workbench (no {name})")
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(meta, dict) or not isinstance(meta.get("parts"), list):
            raise ValueError("no list of parts")
    except (ValueError, UnicodeDecodeError) as exc:
        raise NotACorpusFolder(
            f"{path} is corrupt ({exc}): write the folder again (e.g. ingest "
            "into a new --out folder)"
        ) from exc
    if meta.get("complete") is False:
        raise NotACorpusFolder(
            f"{root} is unfinished (its run was interrupted or is still "
            "running): run it again, or delete the folder"
        )
    for part in [*meta["parts"], *([meta["problems_file"]] if "problems_file" in meta else [])]:
        if not plain_file_in(root, part):
            raise NotACorpusFolder(
                f"{path} lists {part!r}, which is not a file inside {root}: "
                "the manifest is corrupt; write the folder again"
            )
    return meta


def plain_file_in(root: Path, name: object) -> bool:
    """``name`` is a bare file name (no folder, no ``..``) of a regular file in ``root`` that is
    not a link out of it."""
    if (
        not isinstance(name, str)
        or not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or "\x00" in name
    ):
        return False
    path = root / name
    real_root = os.path.realpath(root)
    return path.is_file() and os.path.dirname(os.path.realpath(path)) == real_root


@dataclass
class OutputFolder:
    """A folder output being written by one run (see the module docstring)."""

    root: Path
    manifest: str
    token: str
    old: dict | None
    stale: list[str] = field(default_factory=list)  # files of earlier runs, deleted at commit

    def name(self, stem: str) -> str:
        """The file name of ``stem`` for this run: ``stem-TOKEN.parquet``."""
        return f"{stem}-{self.token}.parquet"

    def write_table(self, table: pa.Table, name: str) -> str:
        """Write ``table`` as ``name`` (marked as the workbench's), atomically; returns ``name``."""
        write_atomic(self.root / name, lambda tmp: pq.write_table(table, tmp), self.token)
        return name

    def commit(self, meta: dict) -> None:
        """Make this run's files the output (one rename of the manifest), then delete the files
        of earlier runs; a crash in between leaves them listed as stale, for the next run."""
        new = {**meta, "version": 2, "writer": WRITER, "complete": True}
        keep = set(new["parts"]) | {new.get("problems_file"), self.manifest}
        stale = [n for n in self.stale if n not in keep]
        write_json_atomic(self.root / self.manifest, {**new, "stale": stale}, self.token)
        for n in stale:
            (self.root / n).unlink(missing_ok=True)
        write_json_atomic(self.root / self.manifest, {**new, "stale": []}, self.token)


def _own_files(root: Path, manifest: str, old: dict | None, names: list[str]) -> set[str]:
    """The entries of ``root`` the workbench wrote: its manifest, the files it lists, and the
    files of its runs (recognised by their token)."""
    if old is None:
        return set()
    listed = {
        manifest,
        *[p for p in old.get("parts", []) if isinstance(p, str)],
        *[p for p in old.get("stale", []) if isinstance(p, str)],
    }
    version_1_corpus = old.get("version", 1) == 1 and old.get("kind", "corpus") == "corpus"
    if version_1_corpus and old.get("complete", True) and "problems_file" not in old:
        listed.add("problems.parquet")  # version 1 corpus folders had this fixed name
    elif isinstance(old.get("problems_file"), str):
        listed.add(old["problems_file"])
    tokens = [t for t in old.get("pending", []) if isinstance(t, str) and len(t) >= 8]
    return {n for n in names if n in listed or any(t in n for t in tokens)}


def open_output_folder(
    root: Path, manifest: str, *, overwrite: bool = False, kind: str = "corpus"
) -> OutputFolder:
    """Prepare ``root`` for a new run: refuse a file, a corrupt manifest, or a folder holding
    files the workbench did not write (unless ``overwrite``); record the run's token in the
    manifest before any part is written."""
    if root.exists() and not root.is_dir():
        raise OutputRefused(
            f"{root} exists and is a file, not a folder: give a folder name for "
            "the output (or NAME.parquet for one file)"
        )
    root.mkdir(parents=True, exist_ok=True)
    names = sorted(os.listdir(root))
    old = None
    if manifest in names:
        try:
            old = json.loads((root / manifest).read_text(encoding="utf-8"))
            if not isinstance(old, dict) or old.get("writer", WRITER) != WRITER:
                raise ValueError("not a manifest written by the workbench")
        except (ValueError, UnicodeDecodeError) as exc:
            raise OutputRefused(
                f"{root / manifest} is unreadable ({exc}): choose another output "
                "folder, or delete this one"
            ) from exc
    own = _own_files(root, manifest, old, names)
    foreign = [n for n in names if n not in own]
    if foreign and not overwrite:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise OutputRefused(
            f"{root} holds files the workbench did not write ({shown}): choose a "
            "new or empty folder, or pass --overwrite (overwrite=True; only the "
            "workbench's own files are then replaced)"
        )
    token = secrets.token_hex(4)
    pending = [*(old or {}).get("pending", []), token]
    marker = (
        {**old, "pending": pending}
        if old
        else {
            "version": 2,
            "writer": WRITER,
            "kind": kind,
            "complete": False,
            "parts": [],
            "pending": pending,
        }
    )
    write_json_atomic(root / manifest, marker, token)
    return OutputFolder(
        root=root, manifest=manifest, token=token, old=old, stale=sorted(own - {manifest})
    )
