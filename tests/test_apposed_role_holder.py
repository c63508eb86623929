"""A name set off by commas after a role and the organisation it serves is the role holder's
(extract._role_of_employer): "The executive director of the Harbor Health Programme, Ada Lund,
said" -> Ada Lund. Invented sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.extract import _role_of_employer

DESCRIPTIONS = [
    ("The executive director of the Harbor Health Programme", True),
    ("A spokesman for the Harbor Board", True),
    ("a local mayor in Dover County", True),
    ("Friends of the Harbor", False),  # an organisation's name
    ("the Bank of Dover", False),
    ("The Harbor Health Programme", False),  # no tie
]


@pytest.mark.parametrize(("written", "role"), DESCRIPTIONS)
def test_role_of_employer(written: str, role: bool) -> None:
    assert _role_of_employer(written.split()) is role


ARTICLES = [
    (
        "The executive director of the Harbor Health Programme, Ada Lund, said last summer: "
        "“We are ready for the next wave.”",
        "Ada Lund",
    ),
    (
        "The prime minister of Dover, Ivo Reyes, who led the harbor summit, said the fares "
        "would rise.",
        "Ivo Reyes",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), ARTICLES)
def test_the_role_holder_speaks(text: str, speaker: str) -> None:
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert q["speaker"].tolist() == [speaker]
