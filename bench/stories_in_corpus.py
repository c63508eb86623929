"""Story grouping of the story gold set's dev articles inside the whole corpus: ``python -m
bench.stories_in_corpus``. ``analysis.evaluate stories`` groups the gold articles alone; here
``story_groups`` runs on all the shared corpus's articles (other IDF, other neighbours, as a
user would run it), is timed (wall and CPU), and its ids are scored on the dev articles only.
Also prints the size distribution of the groups and the titles of the largest ones."""

from __future__ import annotations

import time

import pandas as pd

from bench.common import require_corpus


def main() -> None:
    from analysis import load_corpus, story_groups
    from analysis.gold import load_story_gold, score_clusters

    docs = load_corpus(require_corpus()).docs
    dev = load_story_gold("dev")
    wall, cpu = time.perf_counter(), time.process_time()
    stories = story_groups(docs, progress=False)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"story_groups on {len(docs):,} articles: {wall:.2f} s wall, {cpu:.2f} s CPU")
    ids = docs["doc_id"].str.split("#", n=1).str[-1].to_numpy()
    by_id = pd.Series(stories.to_numpy(), index=ids)
    pred = pd.Series(by_id.loc[dev["doc_id"].to_numpy()].to_numpy())
    sc = score_clusters(pred, dev["event"].reset_index(drop=True))
    print(
        f"dev articles grouped in the whole corpus: pairwise P {sc.pair_p:.3f} R {sc.pair_r:.3f} "
        f"F1 {sc.pair_f1:.3f}; B-cubed P {sc.b3_p:.3f} R {sc.b3_r:.3f} F1 {sc.b3_f1:.3f}"
    )
    sizes = stories.value_counts()
    print(
        f"{len(sizes):,} stories; {int((sizes == 1).sum()):,} single articles; "
        f"{int(sizes[sizes > 1].sum()):,} articles in stories of 2 or more; "
        f"sizes at the 50/90/99th percentile of those: "
        f"{sizes[sizes > 1].quantile([0.5, 0.9, 0.99]).tolist()}; largest {sizes.head(8).tolist()}"
    )
    grouped = docs.assign(story=stories.to_numpy())
    for story in sizes.index[:5]:
        group = grouped[grouped["story"] == story].sort_values("date")
        print(
            f"\nstory {story}: {len(group)} articles, "
            f"{group['date'].min()} to {group['date'].max()}"
        )
        for _, row in group.head(8).iterrows():
            print(f"  {row['date']!s:.10}  {row['outlet']!s:.20}  {row['title']!s:.90}")


if __name__ == "__main__":
    main()
