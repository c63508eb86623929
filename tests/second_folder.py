"""A second folder of real articles for tests/test_second_folder.py (built at test time from
../shared/corpora; the texts are never stored in the project)."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

SOURCE = "corpora/articles_multi_outlet.jsonl.gz"
N_OUTLETS = 6
PER_OUTLET = 55
YEAR = "2016"


def build_second_folder(shared: Path, dest: Path) -> Path:
    """Write ``dest/articles.jsonl``: the first ``PER_OUTLET`` articles of ``YEAR`` (by date,
    then id) of each of the ``N_OUTLETS`` largest outlets; every third article of the fourth
    outlet spells its name in capitals, as some feeds do (the loader merges the two)."""
    with gzip.open(shared / SOURCE, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    sizes = Counter(r["source"] for r in records)
    outlets = sorted(sizes, key=lambda o: (-sizes[o], o))[:N_OUTLETS]
    chosen: list[dict] = []
    for i, outlet in enumerate(outlets):
        mine = sorted(
            (
                r
                for r in records
                if r["source"] == outlet
                and r["date"].startswith(YEAR)
                and r["content_original"].strip()
            ),
            key=lambda r: (r["date"], r["ID"]),
        )
        for j, r in enumerate(mine[:PER_OUTLET]):
            if i == 3 and j % 3 == 0:
                r = {**r, "source": outlet.upper()}
            chosen.append(r)
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in chosen:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path
