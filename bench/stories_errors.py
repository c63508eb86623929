"""Where story grouping goes wrong on the story gold set's dev part: ``python -m
bench.stories_errors`` (add ``--titles`` to list each wrong group's articles: date, outlet,
title; add ``--corpus`` to group the whole shared corpus instead and read the dev articles'
stories there, as bench/stories_cv.py scores them inside the corpus). Groups the dev articles
alone, as ``analysis.evaluate stories`` does, and prints

1. the predicted stories that join two gold events or more, by the false pairs each costs
   (pairwise precision counts pairs, so one big merge costs more than many small ones), and
   whether the events joined are near-miss partners (tests/gold/stories/near_misses.csv);
2. the false pairs by kind: both articles dated or one undated, and how many days apart the
   two happenings are (from the day each event's slug starts with);
3. how far the similarity story grouping uses tells near-miss partners apart: for each pair of
   near-miss events of two articles or more, their average similarity across over the average
   within the looser of the two (the yardstick of ``COHESION``), with and without the date
   prior (the dev articles' own similarities, with ``--corpus`` too). A ratio at or above
   ``COHESION`` lets two such stories join."""

from __future__ import annotations

import sys
from collections import Counter
from itertools import combinations

import numpy as np
import pandas as pd

NEAR_MISSES = "tests/gold/stories/near_misses.csv"


def _near_miss_pairs() -> set[frozenset[str]]:
    nm = pd.read_csv(NEAR_MISSES, dtype=str)
    return {frozenset(p) for p in zip(nm["event_a"], nm["event_b"], strict=True)}


def wrong_groups(docs: pd.DataFrame, pred: pd.Series) -> pd.DataFrame:
    """One row per predicted story holding articles of two gold events or more: ``story``,
    ``false_pairs`` (pairs of articles of different events in it), ``events`` ("slug: n; ..."),
    ``near_miss`` (every two of its events are near-miss partners). Most costly first."""
    near = _near_miss_pairs()
    rows = []
    for story, events in docs["event"].groupby(pred.to_numpy()):
        sizes = Counter(events)
        if len(sizes) < 2:
            continue
        n = len(events)
        false_pairs = n * (n - 1) // 2 - sum(k * (k - 1) // 2 for k in sizes.values())
        rows.append(
            {
                "story": story,
                "false_pairs": false_pairs,
                "events": "; ".join(f"{e}: {k}" for e, k in sorted(sizes.items())),
                "near_miss": all(frozenset(p) in near for p in combinations(sizes, 2)),
            }
        )
    out = pd.DataFrame(rows, columns=["story", "false_pairs", "events", "near_miss"])
    return out.sort_values(["false_pairs", "story"], ascending=[False, True], kind="stable")


def false_pair_kinds(docs: pd.DataFrame, pred: pd.Series) -> pd.Series:
    """Count of false pairs (same predicted story, different gold events) by kind: "both
    dated" or "an undated side", then the days between the two events' happenings (the dates
    their slugs start with): "same or next day", "2-5 days apart", "later"."""
    happened = pd.to_datetime(docs["event"].str[:10]).to_numpy()
    dated = pd.to_datetime(docs["date"], errors="coerce").notna().to_numpy()
    events = docs["event"].to_numpy()
    kinds: Counter[str] = Counter()
    for rows in pd.Series(np.arange(len(docs))).groupby(pred.to_numpy()):
        for i, j in combinations(rows[1].to_numpy(), 2):
            if events[i] == events[j]:
                continue
            gap = abs(int((happened[i] - happened[j]) / np.timedelta64(1, "D")))
            when = "same or next day" if gap <= 1 else "2-5 days apart" if gap <= 5 else "later"
            side = "both dated" if dated[i] and dated[j] else "an undated side"
            kinds[f"{side}, happenings {when}"] += 1
    return pd.Series(kinds, dtype="int64").sort_values(ascending=False)


def near_miss_separation(docs: pd.DataFrame, weights: dict[str, np.ndarray]) -> pd.DataFrame:
    """For each named similarity matrix (articles of ``docs`` by articles), over the near-miss
    pairs whose two events have two articles or more each: ``pairs``, the median of
    across / looser within (``median_ratio``), and the share at or above ``COHESION``
    (``share_joinable``)."""
    from analysis.compare.stories import COHESION

    events = docs["event"].to_numpy()
    rows = []
    for name, w in weights.items():
        w = w.astype(np.float64).copy()
        np.fill_diagonal(w, np.nan)
        ratios = []
        for a, b in (tuple(sorted(p)) for p in _near_miss_pairs()):
            ia, ib = np.flatnonzero(events == a), np.flatnonzero(events == b)
            if len(ia) < 2 or len(ib) < 2:
                continue
            within = min(np.nanmean(w[np.ix_(ia, ia)]), np.nanmean(w[np.ix_(ib, ib)]))
            ratios.append(np.mean(w[np.ix_(ia, ib)]) / within if within > 0 else np.inf)
        r = np.array(ratios)
        rows.append(
            {
                "similarity": name,
                "pairs": len(r),
                "median_ratio": float(np.median(r)) if len(r) else np.nan,
                "share_joinable": float(np.mean(r >= COHESION)) if len(r) else np.nan,
            }
        )
    return pd.DataFrame(rows)


def _similarities(docs: pd.DataFrame) -> dict[str, np.ndarray]:
    """The dense similarity of every two dev articles: story_features alone, and times the
    date prior (UNDATED_PRIOR when a date is missing), as story_groups weighs them."""
    from analysis.compare.stories import (
        DEFAULT_WINDOW_DAYS,
        UNDATED_PRIOR,
        _story_days,
        date_prior,
        story_features,
    )

    x = story_features(docs)
    text = (x @ x.T).toarray()
    day, dated = _story_days(docs)
    both = np.outer(dated, dated)
    gap = np.abs(np.subtract.outer(day, day))
    prior = np.where(both, date_prior(gap, DEFAULT_WINDOW_DAYS), UNDATED_PRIOR)
    return {"features times date prior": text * prior, "features alone": text}


def in_corpus_stories(dev: pd.DataFrame) -> pd.Series:
    """The story of each dev article (rows of ``dev``) when the whole shared corpus is grouped:
    other IDF, other neighbours and the corpus's own calibration, as a user would run it."""
    from analysis import load_corpus, story_groups
    from bench.common import require_corpus

    docs = load_corpus(require_corpus()).docs
    stories = story_groups(docs, progress=False).to_numpy()
    ids = docs["doc_id"].str.split("#", n=1).str[-1].to_numpy()
    at = pd.Series(np.arange(len(docs)), index=ids).loc[dev["doc_id"].to_numpy()].to_numpy()
    return pd.Series(stories[at])


def main() -> None:
    from analysis import story_groups
    from analysis.gold import load_story_gold

    docs = load_story_gold("dev").reset_index(drop=True)
    pred = in_corpus_stories(docs) if "--corpus" in sys.argv else story_groups(docs)
    wrong = wrong_groups(docs, pred)
    n = pred.value_counts()
    print(
        f"{int(wrong['false_pairs'].sum())} false pairs of {int((n * (n - 1) // 2).sum())} "
        f"predicted, in {len(wrong)} stories joining gold events\n"
    )
    pd.set_option("display.max_colwidth", 200, "display.width", 250)
    print(wrong.to_string(index=False))
    if "--titles" in sys.argv:
        for story in wrong["story"]:
            print(f"\nstory {story}")
            part = docs[pred.to_numpy() == story].sort_values(["event", "date"])
            for r in part.itertuples(index=False):
                print(f"  {r.event[:40]:40} {str(r.date)[:10]:10} {r.outlet[:18]:18} {r.title}")
    print("\nfalse pairs by kind")
    print(false_pair_kinds(docs, pred).to_string())
    print("\nnear-miss partners: across / within the looser event")
    print(near_miss_separation(docs, _similarities(docs)).to_string(index=False))


if __name__ == "__main__":
    main()
