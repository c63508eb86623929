"""A name written in capitals whose every word news otherwise writes in lower case ("Quiet
Revolt", "Coastal Research Associates") names an organisation, a publication or a thing, never
a person: typed so, it is no person a later "he" or "she" can stand for. A person's name keeps
a given name or a surname that no list of lower-case words holds ("Hope Lund", "Ada Lake"),
and a name ending in a role ("Attorney General") stays a person's.

The sentences are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.attribution import common_words_name, name_type
from analysis.quotes.extract import extract_quotes


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Quiet Revolt", True),
        ("Coastal Research Associates", True),
        ("Open Ledger", True),
        ("Civic Watch", True),
        ("Day in Quotes", True),
        ("POWER PLAY", True),  # a label in capitals
        ("Quiet Policies", True),  # a plural of a listed word ("policy")
        # A person's name: a given name, or a surname no word list holds.
        ("Hope Lund", False),
        ("Ada Lake", False),
        ("James Owens", False),  # "owe" is a word, but "Owens" is no plural of it
        ("Tucker Lund", False),
        # A role ends it: a person's.
        ("Attorney General", False),
        ("First Lady", False),
        ("Majority Leader", False),
        # Not a name as written, or one word alone (a surname may be a word: "Price").
        ("Federal investigators", False),
        ("Price", False),
        ("Right-wing", False),
    ],
)
def test_common_words_name(name: str, expected: bool) -> None:
    assert common_words_name(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Coastal Research Associates", "organisation"),
        ("Quiet Revolt", "organisation"),
        ("Hope Lund", "person"),
        ("Ada Lake", "person"),
        ("Attorney General", "person"),
    ],
)
def test_name_type_of_common_words_name(name: str, expected: str) -> None:
    assert name_type(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Quiet Revolt, a new project of the Harbor Freedom Center, said on Sunday that "the'
            ' press must answer for this."',
            [("Quiet Revolt", "organisation")],
        ),
        (
            'Coastal Research Associates says, "The movement is rooted in an old idea."',
            [("Coastal Research Associates", "organisation")],
        ),
        # "he" stands for the person the article names, not the panel named after him.
        (
            "Ivo Brennan, a sociologist, studied the data. The volunteers came from Quiet"
            ' Partners. "We were amazed," he said.',
            [("Ivo Brennan", "person")],
        ),
        ('"We will not sign," Hope Lund said on Monday.', [("Hope Lund", "person")]),
    ],
)
def test_speakers_of_common_words_names(text: str, expected: list[tuple[str, str]]) -> None:
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), progress=False)
    assert list(zip(q["speaker"], q["speaker_type"], strict=True)) == expected
