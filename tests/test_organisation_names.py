"""Organisation names by their shape (invented names): one word with a capital inside it is a
company's or a site's (attribution.camel_case_org), and an organisation's speaker string is its
name without the lower-case words that describe it (extract.org_after_descriptors)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.attribution import camel_case_org, name_type
from analysis.quotes.extract import org_after_descriptors

CAMEL = [
    ("HarborLink", True),
    ("FerryWatch", True),
    ("DockSide", True),
    ("McDavid", False),  # a prefix of names
    ("MacKenzie", False),
    ("DeShawn", False),
    ("LaToya", False),
    ("VanderMeer", False),
    ("MaryAnn", False),  # given names run together
    ("Lund", False),
    ("HBA", False),  # (an acronym: a rule of its own)
    ("iFerry", False),
]


@pytest.mark.parametrize(("name", "org"), CAMEL)
def test_camel_case_org(name: str, org: bool) -> None:
    assert camel_case_org(name) is org
    if org:
        assert name_type(name) == "organisation"


DESCRIBED = [
    ("the advocacy group Harbor Institute", "Harbor Institute"),
    ("right-leaning Harbor Policy Institute", "Harbor Policy Institute"),
    ("ferry operator HarborLink", "HarborLink"),
    ("legal news website Dock & Bench", "Dock & Bench"),
    ("state’s Harbor Bureau", "Harbor Bureau"),  # (an owner in lower case describes it too)
    ("a report from Harbor Analytics", None),
    ("workers inside HarborLink", None),
    ("her local Harbor Gym", None),
    ("state-run Harbor news agency", None),
    ("demonstrators gathering at Harbor Square", None),
    ("Harbor Institute", None),
]


@pytest.mark.parametrize(("written", "name"), DESCRIBED)
def test_org_after_descriptors(written: str, name: str | None) -> None:
    assert org_after_descriptors(written) == name


ARTICLES = [
    (
        "According to the advocacy group Harbor Institute, the standard is too low.",
        ("Harbor Institute", "organisation"),
    ),
    ("The ferry operator HarborLink said fares would rise in May.", ("HarborLink", "organisation")),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLES)
def test_organisation_speaker(text: str, expected: tuple[str, str]) -> None:
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert list(zip(q["speaker"], q["speaker_type"], strict=True)) == [expected]
