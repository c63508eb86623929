"""Shared helpers for the benchmarks: where the corpus is, how to time, how to print.

Every benchmark returns rows of
``{"measure", "ours", "peer", "peer_name", "unit", "ratio", "note"}`` and prints them with
:func:`print_table`, so ``python -m bench`` can gather them into one table.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(os.environ.get("SHARED_DIR", Path(__file__).resolve().parents[1].parent / "shared"))
CORPUS = SHARED / "corpora" / "articles_multi_outlet.jsonl.gz"
POLNEAR = SHARED / "gold" / "polnear"


def require_corpus() -> Path:
    """Return the path of the shared multi-outlet corpus, or exit with a clear reason."""
    if not CORPUS.exists():
        sys.exit(
            f"benchmark skipped: {CORPUS} not found (set SHARED_DIR to the team's shared/ folder)"
        )
    return CORPUS


def timed(fn: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    """Run ``fn`` ``repeat`` times; return the best wall time in seconds and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def run_isolated(code: str) -> tuple[float, float, str]:
    """Run ``code`` in a fresh Python process; return (wall seconds, peak RSS in MB, stdout).

    A fresh process gives each contender its own peak memory: the child reports its own
    ru_maxrss when it exits. The code may print; its stdout is returned for checks.
    """
    wrapped = (
        code + "\nimport resource as _r, sys as _s\n"
        "print('__PEAK_KB__', _r.getrusage(_r.RUSAGE_SELF).ru_maxrss, file=_s.stderr)\n"
    )
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", wrapped], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark subprocess failed:\n{proc.stderr[-3000:]}")
    peak_kb = next(
        int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("__PEAK_KB__")
    )
    return wall, peak_kb / 1024, proc.stdout


def _cpu_model() -> str:
    """The processor's name from /proc/cpuinfo (Linux); the platform's guess elsewhere."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:  # not Linux: fall back to what platform knows
        pass
    return platform.processor() or platform.machine()


def _interpreter() -> str:
    """The interpreter the virtual environment was made from: which build of CPython runs the
    pure-Python steps matters as much as the processor (README, Performance)."""
    return os.path.realpath(getattr(sys, "_base_executable", sys.executable))


def machine() -> str:
    """One line of machine facts to print beside the figures, with the load average now (the
    figures of a shared machine mean little without it)."""
    try:
        mem = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB RAM, "
    except (ValueError, OSError, AttributeError):  # sysconf names are platform-specific
        mem = ""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{_cpu_model()}, {platform.machine()}, {os.cpu_count()} cores, {mem}"
        f"Python {platform.python_version()} ({_interpreter()}), "
        f"{platform.system()} {platform.release()}; "
        f"load average {load} (1, 5, 15 min)"
    )


def row(
    measure: str,
    ours: float,
    peer: float | None,
    *,
    unit: str,
    peer_name: str = "",
    higher_is_better: bool = True,
    note: str = "",
) -> dict:
    """One result row. ``ratio`` is how many times better ours is than the peer."""
    ratio = None
    if peer:
        ratio = ours / peer if higher_is_better else peer / ours
    return {
        "measure": measure,
        "ours": ours,
        "peer": peer,
        "peer_name": peer_name,
        "unit": unit,
        "ratio": ratio,
        "note": note,
    }


def _fmt(x: object) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:,.2f}" if abs(x) < 1000 else f"{x:,.0f}"
    return str(x)


_HEADER = ["measure", "ours", "peer", "peer_name", "unit", "ratio (x better)", "note"]
_KEYS = ["measure", "ours", "peer", "peer_name", "unit", "ratio", "note"]


def commit() -> str:
    """The commit the benchmarks ran on (with "+dirty" for uncommitted changes), or "unknown"."""

    def git(*args: str) -> str:
        proc = subprocess.run(
            ["git", *args],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent,
        )
        return proc.stdout.strip() if proc.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD")
    if not head:
        return "unknown"
    return head + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def write_results(rows: list[dict], folder: Path, when: time.struct_time | None = None) -> Path:
    """Write one run's rows as a dated Markdown file in ``folder`` (date, commit, machine,
    table); return its path. The README shows only the current figures: the dated record of
    every run lives here."""
    when = when or time.gmtime()
    rev = commit()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{time.strftime('%Y-%m-%d-%H%M', when)}-{rev.split('+')[0]}.md"
    lines = [
        f"# make bench, {time.strftime('%Y-%m-%d %H:%M UTC', when)}",
        "",
        f"- commit: `{rev}`",
        f"- machine: {machine()}",
        "",
        "| " + " | ".join(_HEADER) + " |",
        "|" + "---|" * len(_HEADER),
    ]
    lines += [
        "| " + " | ".join(_fmt(r.get(k)).replace("|", "/") for k in _KEYS) + " |" for r in rows
    ]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def print_table(rows: list[dict], title: str = "") -> None:
    """Print rows as a fixed-width table, with the machine facts underneath."""
    header = _HEADER
    table = [header] + [[_fmt(r.get(k)) for k in _KEYS] for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    if title:
        print(f"\n## {title}")
    for i, line in enumerate(table):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print(f"machine: {machine()}")
