"""Finding and opening input files without trusting them.

The walk under a folder reads only regular files: named pipes, sockets and devices would hang a
read or never end, so they are reported and never opened. Symbolic links are followed only
inside the folder (or everywhere with ``follow_links=True``); broken links, unreadable folders
and file names that are not valid UTF-8 are reported. Folders written by the workbench itself
(an ingested corpus, a quotes folder) are not read as articles. Every entry found is either a
file to read or a ``(path, reason)`` problem, never both, never neither.

Reading is capped: at most ``max_bytes`` bytes of a file (after gzip decompression) are read,
so a small gzip that expands to gigabytes, or a huge file, is a problem row, not a full memory.
"""

from __future__ import annotations

import os
import stat
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Final

from isal import isal_zlib  # ISA-L's inflate: the same streams as zlib, two to three times faster

# Files larger than this once decompressed are not read (``load_corpus(..., max_bytes=)``):
# far above any single article or ordinary export, far below the memory of a laptop.
DEFAULT_MAX_BYTES: Final = 1 << 30
# Marker files of folders written by the workbench (an ingested corpus, a quotes folder).
WORKBENCH_MARKERS: Final = ("_corpus.json", "_quotes.json", "_report.json")


class NotRegularFile(OSError):
    """The path is a named pipe, socket or device (or became one after the walk)."""


class TooLarge(ValueError):
    """A file is larger than the ``max_bytes`` it may have once decompressed."""


@dataclass
class Walk:
    """What a walk found: ``files`` as (path, path relative to the root with ``/``), sorted by
    relative path, and ``problems`` as (relative path, reason), each entry in one of them."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def shown_name(name: str) -> str:
    """``name`` as text that can be stored: bytes that are not UTF-8 (a file name from another
    system, held by Python as lone surrogates) shown as ``\\xNN``."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def special_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def walk(
    root: Path, *, recursive: bool = True, follow_links: bool = False, skip: Path | None = None
) -> Walk:
    """The files under ``root`` (a folder, or one file) and the problems met on the way.
    ``skip``: a folder passed over without a word (an output being written inside ``root``)."""
    out = Walk()
    st = os.stat(root)
    if not stat.S_ISDIR(st.st_mode):
        if stat.S_ISREG(st.st_mode):
            out.files.append((root, shown_name(root.name)))
        else:
            out.problems.append(
                (
                    shown_name(root.name),
                    f"{special_kind(st.st_mode)}, not read (only regular files are)",
                )
            )
        return out
    real_root = os.path.realpath(root)
    seen = {(st.st_dev, st.st_ino)}
    skip_real = os.path.realpath(skip) if skip is not None and os.path.isdir(skip) else None
    todo = [(str(root), "")]
    while todo:
        folder, prefix = todo.pop()
        for entry in _entries(folder, prefix, out):
            if (
                skip_real is not None
                and entry.is_dir()
                and os.path.realpath(entry.path) == skip_real
            ):
                continue
            sub = _classify(entry, prefix, real_root, follow_links, out)
            if sub is not None and recursive:
                key = (sub.st_dev, sub.st_ino)
                if key in seen:  # a link back to a folder already read: a loop
                    out.problems.append(
                        (
                            prefix + entry.name,
                            "symbolic link to a folder already read (a loop), not followed",
                        )
                    )
                    continue
                seen.add(key)
                todo.append((entry.path, prefix + entry.name + "/"))
    out.files.sort(key=lambda fr: fr[1])
    out.problems.sort()
    return out


def _entries(folder: str, prefix: str, out: Walk) -> list[os.DirEntry]:
    """The entries of ``folder``; an unreadable sub-folder is a problem (the root raises)."""
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        if not prefix:
            raise
        out.problems.append(
            (
                prefix.rstrip("/"),
                f"folder could not be read, its files were not loaded: {exc.strerror or exc}",
            )
        )
        return []


def _classify(
    entry: os.DirEntry, prefix: str, real_root: str, follow_links: bool, out: Walk
) -> os.stat_result | None:
    """Put ``entry`` in ``out.files`` or ``out.problems``; return its stat when it is a folder
    to walk into."""
    if not _is_utf8(entry.name):
        out.problems.append(
            (
                prefix + shown_name(entry.name),
                "file name is not valid UTF-8 (shown with \\x escapes), not read; "
                "rename it to load it",
            )
        )
        return None
    rel = prefix + entry.name
    if entry.name.startswith("."):
        out.problems.append((rel, "hidden file or folder (name starts with '.'), not read"))
        return None
    link = entry.is_symlink()
    if not link and entry.is_file(follow_symlinks=False):
        # The folder listing says it is a regular file: no stat needed (the open checks again).
        out.files.append((Path(entry.path), rel))
        return None
    try:
        st = os.stat(entry.path)
    except OSError as exc:
        what = (
            f"broken symbolic link (to {shown_name(os.readlink(entry.path))})"
            if link
            else f"could not be examined ({exc.strerror or exc})"
        )
        out.problems.append((rel, f"{what}, not read"))
        return None
    if link and not follow_links:
        target = os.path.realpath(entry.path)
        if stat.S_ISDIR(st.st_mode) or not _inside(target, real_root):
            where = "folder" if stat.S_ISDIR(st.st_mode) else "file outside the folder"
            out.problems.append(
                (
                    rel,
                    f"symbolic link to a {where} ({shown_name(target)}), not "
                    "followed; pass follow_links=True to read it",
                )
            )
            return None
    if stat.S_ISDIR(st.st_mode):
        marker = next(
            (m for m in WORKBENCH_MARKERS if os.path.lexists(os.path.join(entry.path, m))), None
        )
        if marker is not None:
            out.problems.append(
                (
                    rel,
                    f"a folder written by the workbench ({marker}), not read "
                    "as articles; load it on its own",
                )
            )
            return None
        return st
    if not stat.S_ISREG(st.st_mode):
        out.problems.append((rel, f"{special_kind(st.st_mode)}, not read (only regular files are)"))
        return None
    out.files.append((Path(entry.path), rel))
    return None


def open_regular(path: str | Path) -> BinaryIO:
    """``path`` opened for binary reading, provided it is a regular file when opened (a pipe
    put in its place after the walk would otherwise block the open itself)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"{special_kind(mode)}, not read (only regular files are)")
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def too_large(max_bytes: int, gz: bool) -> TooLarge:
    once = " once decompressed" if gz else ""
    return TooLarge(
        f"larger than max_bytes={max_bytes:,} bytes{once}, not read; pass a larger "
        "max_bytes to load it"
    )


def read_capped(path: str | Path, max_bytes: int, *, gz: bool = False) -> bytes:
    """The bytes of ``path`` (decompressed when ``gz``), reading no more than ``max_bytes`` + 1:
    raises :class:`TooLarge` beyond the cap, :class:`NotRegularFile` for a special file."""
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise too_large(max_bytes, False)
        # Sized by the file, not the cap: a read of max_bytes would allocate that much.
        data = fh.read(size + 1)
        if len(data) > size:  # it grew since
            data += fh.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:
        raise too_large(max_bytes, False)
    return gunzip_capped(data, max_bytes) if gz else data


def gunzip_capped(data: bytes, max_bytes: int) -> bytes:
    """``data`` (one or more gzip members) decompressed, raising :class:`TooLarge` as soon as
    the output passes ``max_bytes``: each member is inflated by one call told to stop there,
    which is as fast as ``gzip.decompress`` and never holds more than the cap."""
    out: list[bytes] = []
    size = 0
    while True:
        d = isal_zlib.decompressobj(wbits=31)
        try:
            out.append(d.decompress(data, max_bytes + 1 - size))
        except isal_zlib.error as exc:  # type: ignore[misc]  # reported as zlib errors are
            raise zlib.error(str(exc)) from exc
        size += len(out[-1])
        if size > max_bytes or d.unconsumed_tail:
            raise too_large(max_bytes, True)
        if not d.eof:
            raise EOFError("compressed file ended before the end-of-stream marker was reached")
        data = d.unused_data.lstrip(b"\x00")  # gzip allows zero padding between members
        if not data:
            return b"".join(out)
