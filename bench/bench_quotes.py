"""Quote extraction throughput on the shared multi-outlet corpus, beside a plain regex scan.

The peer is the floor any quote extractor pays: one regex over the text that pairs double
quotation marks (``“…”`` or ``"…"``), nothing else. Both run on one core over the same articles
in the same process. ``python -m bench.bench_quotes [N_ARTICLES]``.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import time

import pandas as pd

import analysis.quotes.extract
from analysis.compiled import is_compiled
from analysis.core.text import _split_cached
from analysis.quotes.extract import extract_quotes

from .common import print_table, require_corpus, row, timed

# The plain scan: a double mark, up to 1000 non-mark characters, a double mark.
PLAIN_QUOTES_RE = re.compile(r"[\"“”]([^\"“”\n]{1,1000})[\"“”]")


def load_articles(n: int) -> pd.DataFrame:
    """The first ``n`` articles with text, as a docs table (doc_id, outlet, text)."""
    rows = []
    with gzip.open(require_corpus(), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text = rec.get("content_original") or ""
            if text.strip():
                rows.append(
                    {
                        "doc_id": str(rec.get("ID", len(rows))),
                        "outlet": rec.get("source") or "unknown",
                        "text": text,
                    }
                )
                if len(rows) >= n:
                    break
    return pd.DataFrame(rows)


def plain_scan(texts: list[str]) -> int:
    """Count quotations with one regex per article (the peer)."""
    return sum(len(PLAIN_QUOTES_RE.findall(t)) for t in texts)


def warmed_articles(n_articles: int) -> pd.DataFrame:
    """The first ``n_articles``, after extracting the quotes of 200 others (as a notebook
    session would have) and with no sentence splits cached."""
    docs = load_articles(n_articles + 200)
    extract_quotes(docs.iloc[n_articles:], progress=False)
    _split_cached.cache_clear()  # every run splits its own sentences: no run reuses another's
    return docs.iloc[:n_articles]


def cpu_rate(n_articles: int) -> float:
    """chars/s of extract_quotes in CPU time on :func:`warmed_articles`."""
    docs = warmed_articles(n_articles)
    c0 = time.process_time()
    extract_quotes(docs, progress=False)
    return sum(map(len, docs["text"])) / (time.process_time() - c0)


def source_cpu_rate(n_articles: int) -> float:
    """:func:`cpu_rate` of the Python source of the compiled modules, in a fresh process."""
    return fresh_cpu_rate(n_articles, ANALYSIS_PURE_PYTHON="1")


def fresh_cpu_rate(n_articles: int, **env_vars: str) -> float:
    """:func:`cpu_rate` in a fresh process with ``env_vars`` added to its environment."""
    code = f"from bench.bench_quotes import cpu_rate; print(cpu_rate({n_articles}))"
    env = dict(os.environ, **env_vars)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout.split()[-1])


def median_cpu_rate(n_articles: int, seeds: tuple[int, ...] = (1, 2, 3)) -> float:
    """The median :func:`cpu_rate` of fresh processes, one per string hash seed. The seed
    alone moves one run by a few percent (the lexicon's sets and dicts of strings are laid
    out by their hashes), so a figure to compare with a goal is the median of several."""
    return statistics.median(fresh_cpu_rate(n_articles, PYTHONHASHSEED=str(seed)) for seed in seeds)


def run(n_articles: int = 3000) -> list[dict]:
    """Rows for bench.common.print_table: chars/s ours vs the regex scan (wall clock and CPU
    time of the same run, same articles), and what each finds.

    Ours runs once, cold except for 200 other articles read first (as a notebook session
    would have); CPU time counts only this process, so other jobs on a shared machine do not
    slow it down the way they slow the wall clock.
    """
    docs = warmed_articles(n_articles)
    texts = docs["text"].tolist()
    chars = sum(len(t) for t in texts)
    w0, c0 = time.perf_counter(), time.process_time()
    quotes = extract_quotes(docs, progress=False)  # a tqdm bar would be timed too
    t_ours, c_ours = time.perf_counter() - w0, time.process_time() - c0
    _split_cached.cache_clear()
    c0 = time.process_time()
    extract_quotes(docs, indirect=False, progress=False)
    c_marks = time.process_time() - c0
    t_peer, n_plain = timed(lambda: plain_scan(texts), repeat=3)
    c0 = time.process_time()
    plain_scan(texts)
    c_peer = time.process_time() - c0
    marked = int(quotes["kind"].isin(["direct", "partial", "scare"]).sum())
    attributed = int((quotes["kind"].isin(["direct", "partial"]) & quotes["speaker"].notna()).sum())
    load = os.getloadavg()[0]
    build = "compiled by mypyc" if is_compiled(analysis.quotes.extract) else "Python source"
    note = (
        f"{len(docs):,} articles, {chars / 1e6:.1f} M chars, one core, {build}, load avg {load:.1f}"
    )
    rows = [
        row(
            "quote extraction, wall clock",
            chars / t_ours,
            chars / t_peer,
            unit="chars/s",
            peer_name="regex scan of quote marks",
            note=note,
        ),
        row(
            "quote extraction, CPU time",
            chars / c_ours,
            chars / c_peer,
            unit="chars/s",
            peer_name="regex scan of quote marks",
            note="same run, process CPU seconds (not slowed by other jobs)",
        ),
        row(
            "quote extraction, CPU time, median of 3 processes",
            median_cpu_rate(n_articles),
            chars / c_peer,
            unit="chars/s",
            peer_name="regex scan of quote marks",
            note="same articles, fresh processes with string hash seeds 1, 2, 3",
        ),
        row(
            "quotations only (indirect=False), CPU time",
            chars / c_marks,
            chars / c_peer,
            unit="chars/s",
            peer_name="regex scan of quote marks",
            note="same articles; reported speech without marks skipped",
        ),
        row(
            "quotations found (marked)",
            marked,
            n_plain,
            unit="quotes",
            peer_name="regex scan of quote marks",
            note="ours pairs mixed/straight/'' marks and cuts unclosed ones",
        ),
        row(
            "direct+partial with a speaker",
            attributed,
            None,
            unit="quotes",
            note=f"plus {int((quotes['kind'] == 'indirect').sum()):,} indirect statements",
        ),
    ]
    if is_compiled(analysis.quotes.extract):
        rows.insert(
            2,
            row(
                "quote extraction, CPU time: compiled vs source",
                chars / c_ours,
                source_cpu_rate(n_articles),
                unit="chars/s",
                peer_name="the same .py files, not compiled",
                note="same articles, a fresh process with ANALYSIS_PURE_PYTHON=1",
            ),
        )
    return rows


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    print_table(run(n), title="quotes: extract_quotes vs a regex scan")
