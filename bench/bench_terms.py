"""Term counts per outlet over the shared multi-outlet corpus (37,554 articles, 491 outlets,
~225 MB of text): ``analysis.compare.terms.term_counts(docs, by="outlet")`` against scikit-learn's
``CountVectorizer`` fitted per outlet with the same lower-casing (the peer), in the same run.

Each contender runs in a fresh process that loads the corpus the same way (timed apart) and
reports its own wall time, CPU time and peak memory. The peer runs twice: with its default
token pattern (the usual baseline) and with the project's word pattern, whose counts must equal
ours once its words get our normalisation (curly apostrophes, possessive 's); the table says
how many (outlet, term) counts agree.

    python -m bench.bench_terms [repeat, default 2]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from bench.common import print_table, require_corpus, row, run_isolated

ROOT = Path(__file__).resolve().parents[1]

# Both contenders load the corpus identically: the docs table's doc_id, outlet and text.
_LOAD = """
import gzip, json, resource, sys, time
sys.path.insert(0, {root!r})
import polars as pl
t0 = time.perf_counter()
with gzip.open({corpus!r}) as f:
    data = f.read()
raw = pl.read_ndjson(data, schema={{"ID": pl.String, "source": pl.String,
                                    "content_original": pl.String}})
del data
raw = raw.select(doc_id="ID", outlet=pl.col("source").fill_null("unknown"),
                 text=pl.col("content_original").fill_null(""))
n_bytes = int(raw["text"].str.len_bytes().sum())
docs = raw.to_pandas()
del raw
load_s = time.perf_counter() - t0
rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
"""

_OURS = (
    _LOAD
    + """
from analysis.compare.terms import term_counts
best = None
for _ in range({repeat}):
    c0, t0 = cpu(), time.perf_counter()
    table = term_counts(docs, by="outlet", progress=False)
    wall, used = time.perf_counter() - t0, cpu() - c0
    if best is None or wall < best[0]:
        best = (wall, used)
table[["outlet", "term", "count"]].to_parquet({out!r})
print(json.dumps({{"wall": best[0], "cpu": best[1], "load": load_s, "bytes": n_bytes,
                  "rss_loaded": rss_loaded,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rows": len(table)}}))
"""
)

_PEER = (
    _LOAD
    + """
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer
kwargs = {kwargs}
best, empty = None, 0
for _ in range({repeat}):
    c0, t0 = cpu(), time.perf_counter()
    frames, empty = [], 0
    for outlet, texts in docs.groupby("outlet", sort=True)["text"]:
        cv = CountVectorizer(lowercase=True, **kwargs)
        try:
            x = cv.fit_transform(texts)
        except ValueError:  # "empty vocabulary": the outlet's articles have no words
            empty += 1
            continue
        frames.append(pd.DataFrame({{"outlet": outlet, "term": cv.get_feature_names_out(),
                                    "count": np.asarray(x.sum(axis=0)).ravel()}}))
    table = pd.concat(frames, ignore_index=True)
    wall, used = time.perf_counter() - t0, cpu() - c0
    if best is None or wall < best[0]:
        best = (wall, used)
table.to_parquet({out!r})
print(json.dumps({{"wall": best[0], "cpu": best[1], "load": load_s, "bytes": n_bytes,
                  "rss_loaded": rss_loaded,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rows": len(table), "empty_outlets": empty}}))
"""
)


def _child(code: str) -> dict:
    _, _, out = run_isolated(code)
    return json.loads(out.strip().splitlines()[-1])


def _agreement(ours_path: str, peer_path: str) -> tuple[int, int, int]:
    """(pairs, equal, tokens off) after giving the peer's words our normalisation."""
    import polars as pl

    from analysis.compare.terms import _POSSESSIVE

    ours = pl.read_parquet(ours_path).rename({"count": "ours"})
    peer = (
        pl.read_parquet(peer_path)
        .with_columns(
            term=pl.col("term").str.replace_all("’", "'", literal=True).str.replace(_POSSESSIVE, "")
        )
        .group_by("outlet", "term")
        .agg(pl.col("count").sum().alias("peer"))
    )
    both = ours.join(peer, on=["outlet", "term"], how="full", coalesce=True).fill_null(0)
    equal = int((both["ours"] == both["peer"]).sum())
    off = int((both["ours"] - both["peer"]).abs().sum())
    return both.height, equal, off


def run(repeat: int = 2) -> list[dict]:
    """Measure ours and the peer on the shared corpus; return bench.common rows.

    Ours and the peer run alternately ``repeat`` times each (other work on a shared machine
    comes and goes, so alternating gives both the same conditions); the best wall time of each
    is reported with its CPU time. The peer with our word pattern runs once, for the counts.
    """
    from analysis.core.text import WORD_PATTERN

    corpus = str(require_corpus())
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = {k: str(Path(tmp) / f"{k}.parquet") for k in ("ours", "peer", "peer_same")}
        fmt = {"root": str(ROOT), "corpus": corpus, "repeat": 1}
        ours_runs, peer_runs = [], []
        for _ in range(repeat):
            loads.append(os.getloadavg()[0])
            ours_runs.append(_child(_OURS.format(out=paths["ours"], **fmt)))
            loads.append(os.getloadavg()[0])
            peer_runs.append(_child(_PEER.format(out=paths["peer"], kwargs="{}", **fmt)))
        same = _child(
            _PEER.format(
                out=paths["peer_same"], kwargs=repr({"token_pattern": WORD_PATTERN}), **fmt
            )
        )
        pairs, equal, off = _agreement(paths["ours"], paths["peer_same"])
    ours = min(ours_runs, key=lambda r: r["wall"])
    peer = min(peer_runs, key=lambda r: r["wall"])
    load1 = max(loads)
    mb = ours["bytes"] / 1e6
    name = "CountVectorizer per outlet"
    return [
        row(
            "term counts per outlet, wall",
            ours["wall"],
            peer["wall"],
            unit="s",
            peer_name=name,
            higher_is_better=False,
            note=f"{mb:,.0f} MB, {ours['rows']:,} (outlet, term) rows; load "
            f"{ours['load']:.1f} s apart; best of {repeat}; load avg up to {load1:.1f}",
        ),
        row("throughput", mb / ours["wall"], mb / peer["wall"], unit="MB/s", peer_name=name),
        row(
            "same, peer with our word pattern",
            ours["wall"],
            same["wall"],
            unit="s",
            peer_name=name + " (WORD_PATTERN)",
            higher_is_better=False,
        ),
        row(
            "CPU time",
            ours["cpu"],
            peer["cpu"],
            unit="s",
            peer_name=name,
            higher_is_better=False,
            note=f"cores busy: ours {ours['cpu'] / ours['wall']:.1f}, "
            f"peer {peer['cpu'] / peer['wall']:.1f}",
        ),
        row(
            "peak RSS (whole process)",
            ours["peak"],
            peer["peak"],
            unit="MB",
            peer_name=name,
            higher_is_better=False,
            note=f"after loading the corpus: {ours['rss_loaded']:,.0f} MB; goal < 2,048",
        ),
        row(
            "counts equal to the peer's (same pattern)",
            equal / pairs * 100,
            None,
            unit="%",
            note=f"{equal:,} of {pairs:,} (outlet, term) counts; {off:,} tokens differ"
            + (
                f"; peer skipped {same['empty_outlets']} empty outlets"
                if same.get("empty_outlets")
                else ""
            ),
        ),
    ]


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    print_table(run(repeat=n), title="Term counts per outlet (bench/bench_terms.py)")
