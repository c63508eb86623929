"""Ingest benchmark: load_corpus on the 37,554-article JSONL corpus and on the same articles as a
folder of .txt files, beside pandas.read_json(lines=True) on the same file, in the same run.

Each contender runs in its own fresh process so that its peak memory (max RSS) is its own. The
baseline row is a process that only imports the libraries: peak minus baseline is the memory the
work itself took. ``python -m bench.bench_ingest``.
"""

from __future__ import annotations

import csv
import gzip
import json
import shutil
import tempfile
from pathlib import Path

from bench.common import print_table, require_corpus, row, run_isolated

IMPORTS = "import analysis, pandas, polars, pyarrow\n"


def make_txt_folder(corpus: Path, out: Path) -> int:
    """Write every article as a seed-style .txt file (date header) plus a sources.csv sidecar."""
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            name = f"{r['ID']}.txt"
            date = r.get("date") or ""
            head = f" date {date}\n\n" if len(date) == 10 else ""
            (out / name).write_text(head + r["content_original"], encoding="utf-8")
            rows.append((name, r["source"]))
    with open(out / "sources.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "outlet"])
        w.writerows(rows)
    return len(rows)


def run() -> list[dict]:
    corpus = require_corpus()
    text_mb = None
    n = None
    _, base_mb, _ = run_isolated(IMPORTS)

    ours_s, ours_mb, out = run_isolated(
        IMPORTS + "from analysis import load_corpus\n"
        f"c = load_corpus({str(corpus)!r})\n"
        "print(len(c.docs), len(c.problems), int(c.docs['text'].str.len().sum()))"
    )
    n_docs, n_probs, n_chars = map(int, out.split())
    n = n_docs + n_probs
    # Text size in bytes as UTF-8 (what "223 MB of text" means).
    text_mb = run_isolated(
        IMPORTS + "import polars as pl\n"
        f"d = pl.read_ndjson({str(corpus)!r})\n"
        "print(d['content_original'].str.len_bytes().sum() / 1e6)"
    )[2]
    text_mb = float(text_mb)
    peer_s, peer_mb, _ = run_isolated(
        f"import pandas as pd\nd = pd.read_json({str(corpus)!r}, lines=True)\nprint(len(d))"
    )
    rows = [
        row(
            "JSONL ingest: articles/s",
            n / ours_s,
            n / peer_s,
            unit="articles/s",
            peer_name="pandas.read_json(lines=True)",
            note=f"{n:,} records; ours {ours_s:.1f} s, peer {peer_s:.1f} s",
        ),
        row(
            "JSONL ingest: peak RSS",
            ours_mb,
            peer_mb,
            unit="MB",
            peer_name="pandas.read_json(lines=True)",
            higher_is_better=False,
            note=f"text {text_mb:.0f} MB; ours above import baseline {ours_mb - base_mb:.0f} MB "
            f"= {(ours_mb - base_mb) / text_mb:.1f}x text",
        ),
    ]

    tmp = Path(tempfile.mkdtemp(prefix="bench_txt_"))
    try:
        n_files = make_txt_folder(corpus, tmp / "articles")
        folder = str(tmp / "articles")
        txt_s, txt_mb, _ = run_isolated(
            IMPORTS + f"from analysis import load_corpus\nc = load_corpus({folder!r})\n"
            "print(len(c.docs))"
        )
        loop_s, loop_mb, _ = run_isolated(
            "import os, pandas as pd\n"
            f"root = {folder!r}\n"
            "rows = [(n, open(os.path.join(root, n), encoding='utf-8').read())\n"
            "        for n in sorted(os.listdir(root)) if n.endswith('.txt')]\n"
            "d = pd.DataFrame(rows, columns=['file', 'text'])\nprint(len(d))"
        )
        rows += [
            row(
                "txt folder ingest: articles/s",
                n_files / txt_s,
                n_files / loop_s,
                unit="articles/s",
                peer_name="plain read loop -> DataFrame",
                note=f"{n_files:,} files + sources.csv; ours {txt_s:.1f} s, peer {loop_s:.1f} s",
            ),
            row(
                "txt folder ingest: peak RSS",
                txt_mb,
                loop_mb,
                unit="MB",
                peer_name="plain read loop -> DataFrame",
                higher_is_better=False,
                note=f"ours above import baseline {txt_mb - base_mb:.0f} MB",
            ),
        ]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


if __name__ == "__main__":
    print_table(run(), "Ingest")
