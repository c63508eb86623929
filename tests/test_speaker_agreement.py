"""A speaker is a whole noun phrase that agrees with its cue, and a group is typed as a group.

A cue word in its base form ("report", "claim", "support") right after a noun phrase of one
thing that "the", "one", a possessive or "this" opens cannot be that phrase's verb (one subject
takes "reports"): it is the phrase's head noun, and the words before it are no speaker ("One
recent Harbor Board report listed …" names no "One recent Harbor Board"). A lone capitalised
plural that news writes in lower case opens a sentence, and is typed as the lower-case word is
("Prosecutors said" -> anonymous, as "prosecutors said").

The sentences are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.extract import extract_quotes
from analysis.quotes.resolve import capitalised_group_type


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    docs = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "title": [""], "text": [text]})
    q = extract_quotes(docs)
    q = q[q["kind"] == "indirect"]
    return [
        (None if pd.isna(s) else s, None if pd.isna(t) else t)
        for s, t in zip(q["speaker"], q["speaker_type"], strict=True)
    ]


# (sentence, the speakers of its reported speech, in order)
AGREEMENT_CASES = [
    # A base form after one thing: the cue is the phrase's head noun, no frame.
    ("One recent Harbor Board report listed the fares the port paid last year.", []),
    ("As the HBA report makes clear, the ferries are unsafe.", []),
    ("Her firm support among skippers could help him win the port.", []),
    ("This year's major harbor safety report got little coverage.", []),
    # A base form agrees with a plural, a group given a plural verb, or a pronoun.
    ("The crews report that the pier flooded.", ["The crews"]),
    ("The police report that three riders were hurt.", ["The police"]),
    ("The two women claim the fares will rise.", ["The two women"]),
    ("Ms. Lund's team say the fares will rise.", ["Ms. Lund's team"]),
    ("Riders and skippers claim the fares will rise.", ["Riders and skippers"]),
    # The phrase after a preposition is not the subject: its head comes before.
    ("Sources close to the mayor say the fares will rise.", ["Sources close to the mayor"]),
    ("A number of the crews argue that the fares will rise.", ["A number of the crews"]),
    # ... and where that head is one thing, a base form after the phrase is a noun.
    ("The yield on the 10-year Harbor Board note fell 9 basis points to 1.7%.", []),
    ("The problem with the harbor fund report is its length.", []),
    # A verb in "-s" after one subject is that subject's verb.
    ("The Harbor Board reports that the pier flooded.", ["Harbor Board"]),
]


@pytest.mark.parametrize(("text", "expected"), AGREEMENT_CASES)
def test_base_form_cue_after_one_thing_is_a_noun(text, expected):
    assert [s for s, _ in _speakers(text)] == expected


@pytest.mark.parametrize(
    ("word", "written_type", "expected"),
    [
        # Plurals news writes in lower case: the lower-case word's type.
        ("Prosecutors", "person", "anonymous"),
        ("Protestors", "person", "anonymous"),
        ("Constituents", "person", "anonymous"),
        ("Police", "person", "organisation"),
        ("Four", "person", "anonymous"),
        # A surname news writes only as a name keeps its type.
        ("Gates", "person", "person"),
        ("Reyes", "person", "person"),
        # Capitals or a full name are no sentence's opening word.
        ("PROSECUTORS", "organisation", "organisation"),
        ("Ada Reyes", "person", "person"),
    ],
)
def test_capitalised_group_type(word, written_type, expected):
    assert capitalised_group_type(word, written_type) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosecutors said the ferry was overloaded.", ("Prosecutors", "description")),
        ("Constituents tell us the fares are too high.", ("Constituents", "description")),
        ("Gates said the ferry was overloaded.", ("Gates", "person")),
    ],
)
def test_sentence_opening_group_is_typed_as_a_group(text, expected):
    assert _speakers(text) == [expected]
