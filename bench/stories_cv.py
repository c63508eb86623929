"""Story grouping on two halves of the story gold set's dev events: ``python -m
bench.stories_cv`` (add ``--corpus`` to also group the whole corpus and score each half's
articles there). A parameter is worth keeping when it helps on both halves.

The halves keep near-miss partners together (tests/gold/stories/near_misses.csv): events
linked by near misses form one group, groups are taken in the order of the SHA-1 of their
first event's slug and each goes to the half with fewer articles so far. A split that put
two near-miss partners on different sides would hide the very merges precision is about."""

from __future__ import annotations

import hashlib
import sys
import time

import numpy as np
import pandas as pd

from bench.common import require_corpus

NEAR_MISSES = "tests/gold/stories/near_misses.csv"


def event_groups(events: list[str], links: list[tuple[str, str]]) -> dict[str, str]:
    """Each event's group: the smallest slug among the events linked to it (transitively)."""
    root = {e: e for e in events}

    def find(e: str) -> str:
        while root[e] != e:
            e = root[e]
        return e

    for a, b in links:
        if a in root and b in root:
            ra, rb = find(a), find(b)
            root[max(ra, rb)] = min(ra, rb)
    return {e: find(e) for e in events}


def halves(event: pd.Series) -> np.ndarray:
    """0 or 1 for every article of ``event`` (its gold event slug), near-miss groups whole."""
    nm = pd.read_csv(NEAR_MISSES, dtype=str)
    group = event_groups(
        sorted(event.unique()), list(zip(nm["event_a"], nm["event_b"], strict=True))
    )
    size = event.map(group).value_counts()
    side, total = {}, [0, 0]
    for g in sorted(size.index, key=lambda g: hashlib.sha1(g.encode()).hexdigest()):
        h = int(total[1] < total[0])
        side[g] = h
        total[h] += int(size[g])
    return event.map(group).map(side).to_numpy()


def _line(label: str, scores: list) -> str:
    cells = [
        f"P {s.pair_p:.3f} R {s.pair_r:.3f} F1 {s.pair_f1:.3f} B3 {s.b3_f1:.3f}" for s in scores
    ]
    return f"{label:<22} half 0: {cells[0]} | half 1: {cells[1]} | all: {cells[2]}"


def main() -> None:
    from analysis import load_corpus, story_groups
    from analysis.gold import load_story_gold, score_clusters

    dev = load_story_gold("dev").reset_index(drop=True)
    side = halves(dev["event"])
    masks = [side == 0, side == 1, np.ones(len(dev), dtype=bool)]
    alone = []
    for m in masks:
        part = dev[m].reset_index(drop=True)
        alone.append(score_clusters(story_groups(part), part["event"]))
    print(f"halves: {[int(m.sum()) for m in masks[:2]]} articles")
    print(_line("each part alone", alone))
    if "--corpus" not in sys.argv:
        return
    docs = load_corpus(require_corpus()).docs
    cpu = time.process_time()
    stories = story_groups(docs, progress=False).to_numpy()
    cpu = time.process_time() - cpu
    ids = docs["doc_id"].str.split("#", n=1).str[-1].to_numpy()
    at = pd.Series(np.arange(len(docs)), index=ids).loc[dev["doc_id"].to_numpy()].to_numpy()
    inside = [
        score_clusters(pd.Series(stories[at[m]]), dev["event"][m].reset_index(drop=True))
        for m in masks
    ]
    print(_line(f"in corpus ({cpu:.1f} s CPU)", inside))


if __name__ == "__main__":
    main()
