"""Command line.

``python -m analysis ingest PATH --out corpus.parquet``: load a folder and save the corpus.
``python -m analysis report DATA_DIR --out report/``: run the notebooks on a folder, save HTML.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import ingest, load_corpus, write_corpus


def _ingest(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".parquet":
        # A folder: stream in chunks, with bounded memory, to partitioned Parquet.
        out = ingest(args.path, args.out, recursive=not args.no_recursive, sources=args.sources,
                     chunk_articles=args.chunk, progress=True)
        corpus = load_corpus(out)
        print(corpus)
        print(f"\nWrote {len(corpus.docs):,} articles and {len(corpus.problems):,} problems to "
              f"{out}/")
        return 0
    corpus = load_corpus(args.path, recursive=not args.no_recursive, sources=args.sources)
    out = write_corpus(corpus, args.out)
    print(corpus)
    if len(corpus.problems):
        print("\nProblems (first 20):")
        print(corpus.problems.head(20).to_string(index=False))
    print(f"\nWrote {len(corpus.docs):,} articles and {len(corpus.problems):,} problems to {out}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .report import build_report

    pages = build_report(args.data_dir, args.out)
    for page in pages:
        print(f"wrote {page}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="News Coverage Workbench command line.")
    sub = parser.add_subparsers(dest="command", required=True)
    ingest_cmd = sub.add_parser("ingest", help="load a folder or file of articles and write the "
                                               "corpus (articles and problems) to Parquet")
    ingest_cmd.add_argument("path", type=Path, help="folder or file of articles")
    ingest_cmd.add_argument("--out", type=Path, required=True,
                        help="a .parquet file (one file, in memory), or a folder (partitioned "
                             "Parquet written in a stream, with bounded memory)")
    ingest_cmd.add_argument("--chunk", type=int, default=50_000,
                        help="articles per Parquet part when --out is a folder")
    ingest_cmd.add_argument("--sources", type=Path, default=None,
                        help="CSV mapping file names to outlets "
                             "(default: sources.csv in the folder)")
    ingest_cmd.add_argument("--no-recursive", action="store_true", help="do not read sub-folders")
    ingest_cmd.set_defaults(func=_ingest)
    report = sub.add_parser("report", help="run the curated notebooks on a folder of articles and "
                                           "save them as static HTML")
    report.add_argument("data_dir", type=Path, help="folder or file of articles")
    report.add_argument("--out", type=Path, default=Path("report"), help="output folder")
    report.set_defaults(func=_report)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
