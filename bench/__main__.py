"""``python -m bench``: run every benchmark, print one table and write it, dated, to
``bench/results/`` (``python -m bench NAME ...`` runs only the named modules, e.g.
``bench_pipeline``)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from bench.common import CORPUS, print_table, write_results

RESULTS = Path(__file__).resolve().parent / "results"

# bench_pipeline also times the widgets' redraws (bench_widgets) on the tables it computes, so
# bench_widgets is not run on its own.
MODULES = [
    "bench_ingest",
    "bench_terms",
    "bench_quotes",
    "bench_compare",
    "bench_dask",
    "bench_pipeline",
]


def main(names: list[str]) -> int:
    if not CORPUS.exists():
        # Every benchmark measures on the team's shared corpus; without it there is nothing to
        # run, which is a normal state on a user's machine, not an error.
        print(
            f"benchmarks skipped: {CORPUS} not found (set SHARED_DIR to the team's shared/ folder)",
            file=sys.stderr,
        )
        return 0
    rows: list[dict] = []
    for name in names or MODULES:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            print(f"{name}: not available ({exc})", file=sys.stderr)
            continue
        got = module.run()
        print_table(got, name)
        rows += got
    print_table(rows, "All benchmarks")
    if rows:
        print(f"written: {write_results(rows, RESULTS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
