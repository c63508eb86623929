"""Command line.

``python -m analysis ingest PATH --out corpus.parquet``: load a folder and save the corpus
(``--out corpus/``: streamed to partitioned Parquet, bounded memory).
``python -m analysis terms corpus/ --out counts.parquet``: term counts of an ingested corpus
folder, part by part.
``python -m analysis quotes corpus/ --out quotes/``: its quotes, one table per part.
``python -m analysis report DATA_DIR --out report/``: run the notebooks on a folder, save HTML.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from .corpus.fields import parse_field_options
from .corpus.load import Corpus, corpus_dir, ingest, load_corpus, write_corpus
from .corpus.outputs import check_file_target


class UsageError(ValueError):
    """A command-line argument that cannot work, with what to give instead."""


def _check_inputs(args: argparse.Namespace) -> None:
    """Refuse, before any work, what would fail later: a missing input, a bad chunk size, an
    output that is a folder where a file is meant."""
    if not os.path.lexists(args.path):
        raise FileNotFoundError(f"no such file or folder: {args.path}: check the path")
    if args.chunk < 1:
        raise UsageError(
            f"--chunk must be a positive number of articles per part, not "
            f"{args.chunk} (e.g. --chunk 50000)"
        )
    if args.sources is not None and not args.sources.is_file():
        raise FileNotFoundError(
            f"--sources {args.sources}: no such file: give the CSV that maps file names to outlets"
        )


def _ingest(args: argparse.Namespace) -> int:
    _check_inputs(args)
    if args.out.suffix.lower() != ".parquet":
        # A folder: stream in chunks, with bounded memory, to partitioned Parquet.
        out = ingest(
            args.path,
            args.out,
            recursive=not args.no_recursive,
            sources=args.sources,
            chunk_articles=args.chunk,
            progress=True,
            overwrite=args.overwrite,
            follow_links=args.follow_links,
            fields=parse_field_options(args.field),
        )
        # The summary reads only the columns it shows: loading the corpus back would hold every
        # text in memory, which is what streaming avoids.
        cols = ["outlet", "date", "n_words"]
        layout = corpus_dir(out)
        docs = pd.concat(
            [pq.read_table(p, columns=cols).to_pandas() for p in layout.parts], ignore_index=True
        )
        corpus = Corpus(docs=docs, problems=pq.read_table(layout.problems).to_pandas())
        print(corpus)
        print(
            f"\nWrote {len(corpus.docs):,} articles and {len(corpus.problems):,} problems to {out}/"
        )
        return 0
    from .corpus.load import is_corpus_parquet

    # Checked before the load, which may take minutes.
    check_file_target(
        args.out, overwrite=args.overwrite, ours=lambda p: p.is_file() and is_corpus_parquet(p)
    )
    corpus = load_corpus(
        args.path,
        recursive=not args.no_recursive,
        sources=args.sources,
        follow_links=args.follow_links,
        fields=parse_field_options(args.field),
    )
    out = write_corpus(corpus, args.out, overwrite=args.overwrite)
    print(corpus)
    if len(corpus.problems):
        print("\nProblems (first 20):")
        print(corpus.problems.head(20).to_string(index=False))
    print(f"\nWrote {len(corpus.docs):,} articles and {len(corpus.problems):,} problems to {out}")
    return 0


def _terms(args: argparse.Namespace) -> int:
    from .scale.stream import corpus_parts, is_terms_file, term_counts, write_term_counts

    corpus_parts(args.corpus)  # a clear error now for anything but an ingested folder
    check_file_target(args.out, overwrite=args.overwrite, ours=is_terms_file)
    stopwords = None if args.stopwords == "none" else args.stopwords
    counts = term_counts(
        args.corpus,
        by=args.by or None,
        ngram=args.ngram,
        stopwords=stopwords,
        lemmatize=args.lemmatize,
        min_count=args.min_count,
        progress=True,
    )
    write_term_counts(counts, args.out, overwrite=args.overwrite)
    print(counts.head(20).to_string(index=False))
    print(f"\nWrote {len(counts):,} term counts to {args.out}")
    return 0


def _quotes(args: argparse.Namespace) -> int:
    from .corpus.outputs import read_manifest
    from .scale.stream import QUOTES_DIR_MARKER, write_quotes

    if args.workers < 1:
        raise UsageError(f"--workers must be at least 1, not {args.workers}")
    out = write_quotes(
        args.corpus,
        args.out,
        indirect=not args.no_indirect,
        workers=args.workers,
        progress=True,
        overwrite=args.overwrite,
    )
    parts = read_manifest(out, QUOTES_DIR_MARKER)["parts"]
    n = sum(pq.read_metadata(out / p).num_rows for p in parts)
    print(f"Wrote {n:,} quotes to {out}/ (one part-NNNNN-TOKEN.parquet per corpus part)")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .views.report import build_report

    pages = build_report(args.data_dir, args.out, overwrite=args.overwrite)
    for page in pages:
        print(f"wrote {page}")
    return 0


def _add_ingest(sub: Any) -> None:
    """The ``ingest`` command and its options."""
    ingest_cmd = sub.add_parser(
        "ingest",
        help="load a folder or file of articles and write the "
        "corpus (articles and problems) to Parquet",
    )
    ingest_cmd.add_argument("path", type=Path, help="folder or file of articles")
    ingest_cmd.add_argument(
        "--out",
        type=Path,
        required=True,
        help="a .parquet file (one file, in memory), or a folder (partitioned "
        "Parquet written in a stream, with bounded memory)",
    )
    ingest_cmd.add_argument(
        "--chunk", type=int, default=50_000, help="articles per Parquet part when --out is a folder"
    )
    ingest_cmd.add_argument(
        "--sources",
        type=Path,
        default=None,
        help="CSV mapping file names to outlets (default: sources.csv in the folder)",
    )
    ingest_cmd.add_argument("--no-recursive", action="store_true", help="do not read sub-folders")
    ingest_cmd.add_argument(
        "--field",
        action="append",
        metavar="FIELD=NAME",
        help="the record field holding FIELD (text, outlet, date, title, "
        "url, authors, id), e.g. --field text=body; repeatable",
    )
    ingest_cmd.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links out of PATH (default: listed as problems, not read)",
    )
    _overwrite_option(ingest_cmd)
    ingest_cmd.set_defaults(func=_ingest)


def _add_terms(sub: Any) -> None:
    """The ``terms`` command and its options."""
    terms = sub.add_parser(
        "terms",
        help="term counts of a corpus folder written by ingest, "
        "counted part by part (bounded memory)",
    )
    terms.add_argument("corpus", type=Path, help="corpus folder written by ingest --out DIR/")
    terms.add_argument("--out", type=Path, required=True, help="the .parquet file to write")
    terms.add_argument(
        "--by",
        nargs="*",
        default=["outlet"],
        help="columns to count by (default: outlet; none: give --by alone)",
    )
    terms.add_argument("--ngram", type=int, default=1, help="1, 2 or 3 words per term")
    terms.add_argument(
        "--stopwords",
        default="none",
        choices=["none", "english"],
        help="leave out terms that start or end with a stopword",
    )
    terms.add_argument("--lemmatize", action="store_true", help="count lemmas")
    terms.add_argument("--min-count", type=int, default=1, help="keep terms counted this often")
    _overwrite_option(terms)
    terms.set_defaults(func=_terms)


def _add_quotes(sub: Any) -> None:
    """The ``quotes`` command and its options."""
    quotes = sub.add_parser(
        "quotes",
        help="quotes of a corpus folder written by ingest, one table per part (bounded memory)",
    )
    quotes.add_argument("corpus", type=Path, help="corpus folder written by ingest --out DIR/")
    quotes.add_argument("--out", type=Path, required=True, help="output folder")
    quotes.add_argument(
        "--workers",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="processes extracting parts at once (default: 2, or 1 on one core;"
        " each holds about one part in memory)",
    )
    quotes.add_argument(
        "--no-indirect",
        action="store_true",
        help="skip reported speech without quotation marks (faster)",
    )
    _overwrite_option(quotes)
    quotes.set_defaults(func=_quotes)


def _add_report(sub: Any) -> None:
    """The ``report`` command and its options."""
    report = sub.add_parser(
        "report",
        help="run the curated notebooks on a folder of articles and save them as static HTML",
    )
    report.add_argument("data_dir", type=Path, help="folder or file of articles")
    report.add_argument("--out", type=Path, default=Path("report"), help="output folder")
    _overwrite_option(report)
    report.set_defaults(func=_report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis", description="News Coverage Workbench command line."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (_add_ingest, _add_terms, _add_quotes, _add_report):
        add(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (OSError, ValueError) as exc:
        # Bad paths, refused outputs, corrupt folders, bad values: one line, what to do.
        print(f"error: {_message(exc)}", file=sys.stderr)
        return 2


def _overwrite_option(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--overwrite",
        action="store_true",
        help="write to an output that holds files the workbench did not write "
        "(only the workbench's own files are replaced)",
    )


def _message(exc: BaseException) -> str:
    """An exception as one line: an OSError as its reason and path."""
    if isinstance(exc, OSError) and exc.strerror and exc.filename is not None:
        text = f"{exc.strerror}: {exc.filename}"
    else:
        text = str(exc) or type(exc).__name__
    return " ".join(text.split())


if __name__ == "__main__":
    sys.exit(main())
