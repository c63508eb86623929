"""A million articles on one machine: ingest -> term counts -> quotes, streamed, against the
target of 4 GB of RAM (issue #6). ``python -m bench.bench_million [N]`` (default 1,000,000).

The corpus is made by resampling the 37,554 real articles of the shared multi-outlet corpus
with replacement, deterministically (``random.Random(SEED)``), and written as JSON Lines shards
of 50,000 records into a temporary folder (removed afterwards). Each copy gets a distinct id,
and its text gets one appended paragraph, ``(rNNNNNNN)``, its copy number. Why perturb the
text at all: ingest skips exact duplicates (and must), so plain copies would leave ~37,554
articles after ingest and term counts and quotes would measure a corpus 27x smaller than
claimed. The appended token is neutral for the measured work: no quotation mark, speech verb
or name, so quote extraction does the same work as on the original article; for the term
counts it adds one distinct term per article, which is the direction a real million-article
corpus goes (its vocabulary keeps growing; a resample's would not). Nothing else is changed.

The three steps are the library's own command line, each run as a subprocess:
``python -m analysis ingest SHARDS --out corpus/``, ``python -m analysis terms corpus/ --out
counts.parquet`` and ``python -m analysis quotes corpus/ --out quotes/ --workers 2`` (both
cores). Peak memory is the largest sum of the resident set sizes of the step's process and all
its children (the quote workers), sampled every 0.2 s with psutil; RSS counts pages shared
between processes (libraries) once per process, so the sum overstates a little. The steps run
on a snapshot of ``analysis/`` copied at the start, so that edits to the working tree during a
long run cannot change the code being measured.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from bench.common import machine, print_table, require_corpus, row

DEFAULT_N = 1_000_000
SEED = 20261128
SHARD_ARTICLES = 50_000
TARGET_MB = 4096
QUOTE_WORKERS = 2
ROOT = Path(__file__).resolve().parents[1]


def generate(n: int, out: Path, *, seed: int = SEED, shard: int = SHARD_ARTICLES) -> dict:
    """Write ``n`` resampled articles as ``shard-NNNNN.jsonl`` files of ``shard`` records into
    ``out``; returns ``{"articles", "text_mb"}`` (text as UTF-8 bytes, appended line
    included)."""
    corpus = require_corpus()
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    text_bytes = 0
    for first in range(0, n, shard):
        lines = []
        for i in range(first, min(n, first + shard)):
            rec = dict(records[rng.randrange(len(records))])
            rec["ID"] = f"{rec.get('ID', 'article')}-r{i:07d}"
            rec["content_original"] = f"{rec.get('content_original') or ''}\n\n(r{i:07d})"
            text_bytes += len(rec["content_original"].encode("utf-8"))
            lines.append(json.dumps(rec, ensure_ascii=False))
        path = out / f"shard-{first // shard:05d}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"articles": n, "text_mb": text_bytes / 1e6}


def _tree_rss(proc: psutil.Process) -> int:
    """Resident bytes of ``proc`` and all its descendants now (processes that end meanwhile
    count as 0)."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass  # ended between listing and reading: its memory is already free
    return total


def run_step(args: list[str], cwd: Path, env: dict[str, str], log=None) -> tuple[float, float]:
    """Run ``python -m analysis ARGS`` in ``cwd``; return (wall seconds, peak tree RSS in MB).
    Its output goes to ``log`` (default: this process's stdout and stderr)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", *args],
        cwd=cwd,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT if log else None,
    )
    peak = 0
    ps = psutil.Process(proc.pid)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                peak = max(peak, _tree_rss(ps))
            except psutil.NoSuchProcess:
                return
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - t0
    if code != 0:
        raise RuntimeError(f"step failed (exit {code}): python -m analysis {' '.join(args)}")
    return wall, peak / 2**20


def run(n: int = DEFAULT_N, *, keep: bool = False) -> list[dict]:
    """Generate ``n`` articles, run the three steps, return one row per step and the total."""
    tmp = Path(tempfile.mkdtemp(prefix="bench_million_"))
    try:
        # The code measured: a snapshot of the package, first on the subprocesses' path.
        code = tmp / "code"
        shutil.copytree(
            ROOT / "analysis", code / "analysis", ignore=shutil.ignore_patterns("__pycache__")
        )
        env = {**os.environ, "PYTHONPATH": str(code), "TQDM_MININTERVAL": "30"}
        t0 = time.perf_counter()
        facts = generate(n, tmp / "shards")
        gen_s = time.perf_counter() - t0
        print(
            f"generated {n:,} articles ({facts['text_mb']:,.0f} MB of text) in {gen_s:.0f} s "
            f"into {tmp}",
            flush=True,
        )
        steps = [
            ("ingest", ["ingest", str(tmp / "shards"), "--out", str(tmp / "corpus")]),
            ("term counts", ["terms", str(tmp / "corpus"), "--out", str(tmp / "counts.parquet")]),
            (
                "quotes",
                [
                    "quotes",
                    str(tmp / "corpus"),
                    "--out",
                    str(tmp / "quotes"),
                    "--workers",
                    str(QUOTE_WORKERS),
                ],
            ),
        ]
        rows, total_s, total_peak = [], 0.0, 0.0
        for name, args in steps:
            print(f"--- {name}: python -m analysis {' '.join(args)}", flush=True)
            wall, peak = run_step(args, code, env)
            total_s += wall
            total_peak = max(total_peak, peak)
            print(f"--- {name}: {wall:,.0f} s, peak RSS {peak:,.0f} MB", flush=True)
            rows.append(
                row(
                    f"{name}: peak RSS",
                    peak,
                    TARGET_MB,
                    unit="MB",
                    peer_name="4 GB target",
                    higher_is_better=False,
                    note=f"{n:,} articles; wall {wall:,.0f} s ({n / wall:,.0f} articles/s)",
                )
            )
        rows.append(
            row(
                "ingest -> terms -> quotes: peak RSS",
                total_peak,
                TARGET_MB,
                unit="MB",
                peer_name="4 GB target",
                higher_is_better=False,
                note=f"{n:,} articles, {facts['text_mb']:,.0f} MB of text; wall "
                f"{total_s:,.0f} s = {total_s / 60:,.1f} min",
            )
        )
        counts = json.loads((tmp / "corpus" / "_corpus.json").read_text())
        print(
            f"corpus: {counts['articles']:,} articles, {counts['problems']:,} problems; "
            f"machine: {machine()}",
            flush=True,
        )
        return rows
    finally:
        if keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=False)


def main(argv: list[str]) -> int:
    n = int(argv[0].replace(",", "").replace("_", "")) if argv else DEFAULT_N
    print_table(run(n), f"bench_million (N={n:,})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
