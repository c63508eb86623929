"""A capitalised name that the lists read as a person's ("Ostry", "Planned Harbor") names an
organisation where the article itself writes it as one ("Ostry, which runs the ferries",
"an analyst at Ostry", "Ostry, the ferry company") and never as a person's (no given name or
honorific before it, no "who" after it): typed so, no "he" or "she" stands for it. A person
named by a surname alone stays a person.

The sentences are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.extract import extract_quotes
from analysis.quotes.resolve import organisation_by_usage


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # The article writes the name as an organisation's.
        ("Ostry, which runs the ferries, said so.", "Ostry", True),
        ("Ostry and its pilots agreed.", "Ostry", True),
        ("Ostry's founder left in May.", "Ostry", True),
        ("an analyst at Planned Harbor said", "Planned Harbor", True),
        ("Ostry, a Dover-based ferry company, said", "Ostry", True),
        ("Ostry, the ferry operator, said", "Ostry", True),
        ("the ferry company Ostry said the fares would rise", "Ostry", True),
        ("Kiva Lenz, of Ostry Research, said", "Ostry Research", True),
        ("Ostry Cruises (NYSE: OC) said", "Ostry Cruises", True),
        ("Friends of Ostry, which", "Friends of Ostry", True),
        ("labelled false by Ostry, which cited the data", "Ostry", True),
        # ... and as a person's too, or never as an organisation's.
        ("Ada Ostry spoke. Ostry, which", "Ostry", False),
        ("Ms. Ostry's firm, Ostry, which", "Ostry", False),
        ("the psychologist Ostry, which", "Ostry", False),
        ("lawyer Ostry said. Ostry, which", "Ostry", False),
        ("President Ostry spoke. Ostry, which", "Ostry", False),
        ("Ostry, who runs the ferries, and Ostry, which", "Ostry", False),
        ("Ostry, the party's nominee, said", "Ostry", False),
        ("Ostry said the ferries would run.", "Ostry", False),
        # "which" after a preposition is its noun's: "an inquiry into Ostry, which".
        ("an inquiry into Ostry, which opened in May", "Ostry", False),
        # A known given name opens a person's name; a word in lower case is no name.
        ("Andrea Ostry, which", "Andrea Ostry", False),
        ("Ostry in Dover, which", "Ostry in Dover", False),
    ],
)
def test_organisation_by_usage(text: str, name: str, expected: bool) -> None:
    assert organisation_by_usage(text, name) is expected


def rows_of(text: str) -> pd.DataFrame:
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), progress=False)
    q["mention"] = [
        text[int(a) : int(b)] if pd.notna(a) else None
        for a, b in zip(q["speaker_start"], q["speaker_end"], strict=True)
    ]
    return q


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # An organisation the article writes as one speaks as an organisation.
        (
            "Ostry, which runs the harbor ferries, lost the case. “We will appeal,” Ostry said.",
            "will appeal",
            ("Ostry", "organisation", "Ostry"),
        ),
        # A surname alone stays a person's.
        (
            "Ada Ostry lost the case. “We will appeal,” Ostry said.",
            "will appeal",
            ("Ada Ostry", "person", "Ostry"),
        ),
        # The issuer of a document is the mention and the speaker.
        (
            "The fares will rise in May, according to a statement from the Harbor Board.",
            "fares will rise",
            ("Harbor Board", "organisation", "the Harbor Board"),
        ),
        (
            "Ostry, the ferry operator, counts riders. Ferry use fell by half, according to data"
            " from Ostry.",
            "Ferry use fell",
            ("Ostry", "organisation", "Ostry"),
        ),
    ],
)
def test_organisation_speakers(text: str, words: str, expected: tuple[str, str, str]) -> None:
    q = rows_of(text)
    rows = q[q["quote"].str.contains(words, regex=False)]
    assert len(rows) == 1
    r = rows.iloc[0]
    assert (r["speaker"], r["speaker_type"], r["mention"]) == expected


def test_he_stands_for_no_organisation() -> None:
    text = (
        "Ostry, which runs the harbor ferries, lost the case. “We will appeal,” Ostry said. "
        "“The court erred,” he said."
    )
    q = rows_of(text)
    rows = q[q["quote"].str.contains("court erred", regex=False)]
    assert len(rows) == 1
    assert rows["speaker"].isna().all()


def test_the_report_is_its_issuers() -> None:
    text = (
        "The annual report by the Harbor Board said the ferries ran late all year. "
        "The report also said the fares would rise."
    )
    q = rows_of(text)
    rows = q[q["quote"].str.contains("fares would rise", regex=False)]
    assert len(rows) == 1
    r = rows.iloc[0]
    assert (r["speaker"], r["speaker_type"], r["mention"]) == (
        "Harbor Board",
        "organisation",
        "The report",
    )
