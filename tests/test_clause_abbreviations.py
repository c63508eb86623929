"""Reported speech whose content holds a period the sentence splitter reads as no sentence end
(a case name "Lund v. Harbor", an unknown abbreviation): the clause after the cue goes on past
it. Invented sentences; each row is ``(text, quote, speaker, cue, kind)``."""

from __future__ import annotations

import pytest

from analysis.quotes.attribution import tokenize
from analysis.quotes.extract import _inner_period
from tests.test_quote_rules import check

INNER_PERIODS = [
    (
        "At the hearing, Halvorsen stated Lund v. Harbor Board was wrongly decided.",
        "Lund v. Harbor Board was wrongly decided",
        "Halvorsen",
        "stated",
        "indirect",
    ),
    (
        "At the hearing, Halvorsen stated Lund. v. Harbor Board was wrongly decided.",
        "Lund. v. Harbor Board was wrongly decided",
        "Halvorsen",
        "stated",
        "indirect",
    ),
    (
        "Okafor denied Brandt vs. Dover County was on the docket that week.",
        "Brandt vs. Dover County was on the docket that week",
        "Okafor",
        "denied",
        "indirect",
    ),
    (
        "Okafor confirmed ca. two hundred crews were paid late.",
        "ca. two hundred crews were paid late",
        "Okafor",
        "confirmed",
        "indirect",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), INNER_PERIODS)
def test_inner_period_ends_no_clause(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lund v. Harbor", [False, False, True, False]),  # "v" "." : the period is inner
        ("Sen. Lund", [False, False]),  # "Sen." keeps its period: one token
        ("Lund, Reyes", [False, False, False]),
    ],
)
def test_inner_period(text, expected):
    assert [_inner_period(t) for t in tokenize(text)] == expected
