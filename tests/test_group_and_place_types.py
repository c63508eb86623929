"""Speaker types of a group named by its people's plural and of a province or city: a plural
with an ending of a field, a creed or a place's people is a group, never a surname
(attribution.people_plural); Canada's provinces, territories and largest cities are places
(the "places" list of attribution.json), which speak as their governments do. Invented
sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.attribution import name_type, people_plural

PLURALS = [
    ("epidemiologists", True),
    ("ontarians", True),
    ("vancouverites", True),
    ("albertans", True),  # Alberta and "-ns"
    ("quebecers", True),  # Quebec and "-ers"
    ("icelanders", True),
    ("evans", False),
    ("sanders", False),
    ("waters", False),
    ("lists", False),  # too short to be read by its ending
]


@pytest.mark.parametrize(("low", "plural"), PLURALS)
def test_people_plural(low: str, plural: bool) -> None:
    assert people_plural(low) is plural


TYPES = [
    ("Epidemiologists", "anonymous"),
    ("Albertans", "anonymous"),
    ("Ontario", "organisation"),
    ("Ottawa", "organisation"),
    ("Nova Scotia", "organisation"),
    ("Evans", "person"),
]


@pytest.mark.parametrize(("name", "expected"), TYPES)
def test_group_and_place_types(name: str, expected: str) -> None:
    assert name_type(name) == expected


ARTICLES = [
    ("Ontario said on Monday that the ferry to the island would run all winter.", "organisation"),
    ("Epidemiologists say the harbor outbreak is slowing down.", "description"),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLES)
def test_speaker_type_in_an_article(text: str, expected: str) -> None:
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert q["speaker_type"].tolist() == [expected]
