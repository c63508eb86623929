"""Widget filter redraws on the whole corpus, against the issue's goal of 200 ms each.

The real widgets of ``analysis.views.widgets`` are built on the docs table (:class:`ArticleBrowser`)
and on its quote table (:class:`QuoteBrowser`); a redraw is what one change of a control does:
setting its ``value`` runs the observer, which filters and re-renders. Each row is the median
of several such changes (the note gives the slowest), each change a different value, so no
redraw repeats the one before it. ``speakers()`` and the QuoteBrowser's construction (which
calls it) are timed too: before they were vectorised they took 243 s and ~330 s on the whole
corpus.

:mod:`bench.bench_pipeline` calls :func:`widget_rows` on the tables it has just computed;
``python -m bench.bench_widgets [N_ARTICLES] [--quotes FILE.parquet]`` builds them itself
(quotes on every core; with ``--quotes``, read from that file if it exists, else written to it
for the next run: extracting them takes minutes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.quotes.speaker_table import speakers
from analysis.views.widgets import ArticleBrowser, QuoteBrowser

from .common import print_table, require_corpus, row

GOAL_MS = 200.0
# Texts typed into the search boxes: frequent, rare, a phrase, one found nowhere, then cleared.
SEARCHES = ["said", "erdogan", "climate change", "qzxjv", ""]
TYPED = "erdogan"


def _top(values: pd.Series, n: int) -> list[str]:
    """The ``n`` most frequent values, ties by value (deterministic)."""
    counts = values.dropna().astype(str).value_counts()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [v for v, _ in ranked[:n]]


def redraws(control: Any, values: list[Any]) -> list[float]:
    """Set ``control.value`` to each of ``values`` in turn (what a click or a keystroke does);
    the wall time of each change, in ms, its redraw included."""
    times = []
    for v in values:
        t0 = time.perf_counter()
        control.value = v
        times.append((time.perf_counter() - t0) * 1000)
    return times


def _row(measure: str, times: list[float], note: str) -> dict:
    return row(
        measure,
        statistics.median(times),
        GOAL_MS,
        unit="ms",
        higher_is_better=False,
        peer_name="goal (issue #6)",
        note=f"median of {len(times)} (max {max(times):,.0f} ms); {note}",
    )


def widget_rows(docs: pd.DataFrame, quotes: pd.DataFrame) -> list[dict]:
    """Build both widgets on ``docs`` and ``quotes``; time their filter redraws."""
    t0 = time.perf_counter()
    ab = ArticleBrowser(docs)
    t_ab = time.perf_counter() - t0
    every = tuple(ab.outlets.options)
    outlets = [(o,) for o in _top(docs["outlet"], 5)] + [every]
    rows = [
        row(
            "ArticleBrowser: build",
            t_ab,
            None,
            unit="s",
            higher_is_better=False,
            note=f"{len(docs):,} articles, {len(every):,} outlets",
        )
    ]
    rows.append(
        _row(
            "ArticleBrowser redraw: outlets",
            redraws(ab.outlets, outlets),
            "the 5 largest outlets one by one, then all",
        )
    )
    rows.append(
        _row(
            "ArticleBrowser redraw: text search",
            redraws(ab.search, SEARCHES),
            f"all outlets; typed {', '.join(repr(s) for s in SEARCHES)}",
        )
    )
    first = docs["date"].dropna().min().date()
    starts = [first + dt.timedelta(days=365 * k) for k in (1, 3, 5, 7)] + [first]
    rows.append(
        _row(
            "ArticleBrowser redraw: start date",
            redraws(ab.start, starts),
            "start moved by 1, 3, 5, 7 years, then back",
        )
    )

    return rows + quote_rows(quotes)


def quote_rows(quotes: pd.DataFrame) -> list[dict]:
    """Time ``speakers()``, build a QuoteBrowser on ``quotes`` and time its filter redraws."""
    t0 = time.perf_counter()
    table = speakers(quotes)
    rows = [
        row(
            "speakers(): all quotes",
            time.perf_counter() - t0,
            None,
            unit="s",
            higher_is_better=False,
            note=f"{len(quotes):,} quote rows -> {len(table):,} speakers",
        )
    ]
    t0 = time.perf_counter()
    qb = QuoteBrowser(quotes)
    t_qb = time.perf_counter() - t0
    rows.append(
        row(
            "QuoteBrowser: build",
            t_qb,
            None,
            unit="s",
            higher_is_better=False,
            note=f"{len(quotes):,} quote rows; {len(qb.speaker.options) - 1:,} of "
            f"{len(qb.speaker_table):,} speakers listed",
        )
    )
    # The first search of a fresh browser has no earlier search to narrow (QuoteFilter._last).
    fresh = []
    for text in SEARCHES[:-1]:
        qb.search.value = ""
        qb._index._last = None  # what a new browser has
        fresh += redraws(qb.search, [text])
    qb.search.value = ""
    rows.append(
        _row(
            "QuoteBrowser redraw: first search",
            fresh,
            f"kinds direct+partial; each of {', '.join(map(repr, SEARCHES[:-1]))} "
            "as the first search of a fresh browser",
        )
    )
    q_outlets = [(o,) for o in _top(quotes["outlet"], 5)] + [tuple(qb.outlets.options)]
    rows.append(
        _row(
            "QuoteBrowser redraw: outlets",
            redraws(qb.outlets, q_outlets),
            "kinds direct+partial; the 5 largest outlets, then all",
        )
    )
    names = [v for _, v in qb.speaker.options[1:6]] + [""]
    rows.append(
        _row(
            "QuoteBrowser redraw: speaker",
            redraws(qb.speaker, names),
            "the 5 most quoted speakers, then anyone",
        )
    )
    # Speakers beyond the list, typed in the name box (it adds them to the list, selects them).
    unlisted = qb.speaker_table["speaker"].iloc[len(qb.speaker.options) - 1 :].drop_duplicates()
    typed_names = unlisted.head(5).tolist()
    if typed_names:
        rows.append(
            _row(
                "QuoteBrowser redraw: typed speaker",
                redraws(qb.speaker_name, typed_names),
                "5 speakers not in the list, typed in the name box (Enter)",
            )
        )
    qb.speaker.value = ""
    kinds = [
        ("direct",),
        ("indirect",),
        ("direct", "partial", "indirect", "scare"),
        ("direct", "partial"),
    ]
    rows.append(
        _row(
            "QuoteBrowser redraw: kinds",
            redraws(qb.kinds, kinds),
            "direct; indirect; all four; direct+partial",
        )
    )
    rows.append(
        _row(
            "QuoteBrowser redraw: text search",
            redraws(qb.search, SEARCHES),
            f"kinds direct+partial; typed {', '.join(repr(s) for s in SEARCHES)}",
        )
    )
    # The box redraws on every keystroke: typing one word is several redraws in a row.
    typed = [TYPED[:k] for k in range(1, len(TYPED) + 1)]
    rows.append(
        _row(
            "QuoteBrowser redraw: typing a word",
            redraws(qb.search, typed),
            f"{TYPED!r} typed letter by letter, one redraw per keystroke",
        )
    )
    qb.search.value = ""
    # Every filter at once: each step changes one control while the others stay set.
    top = _top(quotes["outlet"], 2)
    qb.outlets.value, qb.speaker.value, qb.search.value = (top[0],), names[0], "said"
    steps = [
        (qb.kinds, ("direct",)),
        (qb.search, "the"),
        (qb.outlets, (top[1],)),
        (qb.speaker, names[1]),
        (qb.search, "minister"),
        (qb.outlets, tuple(top)),
        (qb.kinds, ("direct", "partial", "indirect", "scare")),
        (qb.speaker, ""),
    ]
    times = [redraws(control, [value])[0] for control, value in steps]
    rows.append(
        _row(
            "QuoteBrowser redraw: combined filters",
            times,
            "outlet, speaker, kinds and text all set; one changed at a time",
        )
    )
    qb.search.value = ""
    return rows


def run(n_articles: int | None = None, quotes_file: str | None = None) -> list[dict]:
    """Load the corpus (its first ``n_articles``, default all), extract its quotes on every
    core (or read them from ``quotes_file``, written there when absent), and time the widgets
    on them."""
    from analysis import extract_quotes, load_corpus

    docs = load_corpus(require_corpus()).docs
    if n_articles is not None:
        docs = docs.iloc[:n_articles]
    if quotes_file and Path(quotes_file).exists():
        quotes = pd.read_parquet(quotes_file)
    else:
        quotes = extract_quotes(docs, n_jobs=-1, progress=False)
        if quotes_file:
            quotes.to_parquet(quotes_file)
    return widget_rows(docs, quotes)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "n_articles",
        nargs="?",
        type=int,
        default=None,
        help="the first N articles only (default: all)",
    )
    parser.add_argument(
        "--quotes",
        metavar="FILE.parquet",
        help="quote table of those articles: read if it exists, else written",
    )
    args = parser.parse_args()
    print_table(run(args.n_articles, args.quotes), "Widget filter redraws (bench/bench_widgets.py)")
