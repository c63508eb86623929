"""Whole-corpus tables for an identity check across a refactor: ``python -m bench.identity
snapshot DIR`` writes the docs, term counts, stories, quotes and 300 story pairs' alignments of
the shared corpus as Parquet; ``python -m bench.identity compare A B`` checks two snapshots with
``pandas.testing.assert_frame_equal``. Run the snapshot on each tree (before, after)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from bench.common import require_corpus

TABLES = ["docs", "terms", "stories", "quotes", "align"]


def story_pairs(docs: pd.DataFrame, stories: pd.Series, limit: int = 300) -> list[tuple[str, str]]:
    """The first two articles of different outlets of each story, for the first ``limit``."""
    pairs = []
    for _, group in docs.assign(story=stories.to_numpy()).groupby("story"):
        group = group.drop_duplicates("outlet")
        if len(group) >= 2:
            pairs.append((group["doc_id"].iloc[0], group["doc_id"].iloc[1]))
        if len(pairs) >= limit:
            break
    return pairs


def snapshot(out: Path) -> None:
    from analysis import align_passages, extract_quotes, load_corpus, story_groups, term_counts

    out.mkdir(parents=True, exist_ok=True)
    docs = load_corpus(require_corpus()).docs
    stories = story_groups(docs)
    pairs = story_pairs(docs, stories)
    sub = docs[docs["doc_id"].isin({d for p in pairs for d in p})]
    tables = {
        "docs": docs,
        "terms": term_counts(docs),
        "stories": stories.to_frame(),
        "quotes": extract_quotes(docs, n_jobs=2),
        "align": align_passages(sub, pairs=pairs),
    }
    for name, table in tables.items():
        table.to_parquet(out / f"{name}.parquet")
        print(f"{name}: {len(table):,} rows", flush=True)


def compare(a: Path, b: Path) -> None:
    for name in TABLES:
        x, y = pd.read_parquet(a / f"{name}.parquet"), pd.read_parquet(b / f"{name}.parquet")
        pd.testing.assert_frame_equal(x, y)
        print(f"{name}: identical, {len(x):,} rows")


if __name__ == "__main__":
    if sys.argv[1:2] == ["snapshot"] and len(sys.argv) == 3:
        snapshot(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) == 4:
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit("usage: python -m bench.identity snapshot DIR | compare A B")
