"""``python -m bench``: run every benchmark and print one table."""

from __future__ import annotations

import importlib
import sys

from bench.common import print_table

MODULES = ["bench_ingest", "bench_terms", "bench_quotes", "bench_compare"]


def main(names: list[str]) -> int:
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
