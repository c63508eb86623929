"""Issue 21: speakers written with a determiner, "the <Name>". Nobody writes a person "the
Lund": "the Harbor Ledger", "the Hill" name an organisation, a publication or a thing; "the
Kentucky Republican", "the President" are descriptions of one person, resolved to the person
the article writes with that role, else typed "description"; a demonym alone ("the Chinese")
names no one. Organisation names keep their first words ("The Christian Harbor Monitor").

The small articles are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.attribution import strip_name
from analysis.quotes.extract import _party_role, extract_quotes
from analysis.quotes.resolve import is_description, resolve_first_person


def speaker_and_type(text: str, words: str = "win") -> tuple[str | None, str | None]:
    """(speaker, speaker_type) of the one row of ``text`` whose quotation holds ``words``."""
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), progress=False)
    row = q[q["quote"].str.contains(words)]
    assert len(row) == 1
    speaker, typ = row["speaker"].iloc[0], row["speaker_type"].iloc[0]
    return (None if pd.isna(speaker) else speaker), (None if pd.isna(typ) else typ)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the" + capitalised words without a title: an organisation or a publication.
        ("“We will win,” the Harbor Ledger said.", ("Harbor Ledger", "organisation")),
        ("“We will win,” The Dover Hill reported.", ("Dover Hill", "organisation")),
        ("“We will win,” the Charter says.", ("Charter", "organisation")),
        ("“We will win,” the U.N. said.", ("U.N.", "organisation")),
        ("“We will win,” The US said.", ("US", "organisation")),
        ("“We will win,” the Harbor Ledger's editors wrote.", ("Harbor Ledger's editors", None)),
        # Organisation names keep their first words: a demonym, "U.S.", "National", "to".
        (
            "“We will win,” The Christian Harbor Monitor said.",
            ("Christian Harbor Monitor", "organisation"),
        ),
        (
            "“We will win,” said the U.S. Chamber of Harbors.",
            ("U.S. Chamber of Harbors", "organisation"),
        ),
        (
            "“We will win,” said the National Harbor Law Project.",
            ("National Harbor Law Project", "organisation"),
        ),
        (
            "“We will win,” The Committee to Protect Harbor Pilots said.",
            ("Committee to Protect Harbor Pilots", "organisation"),
        ),
        # A title, a family or an employer's possessive keeps the person.
        ("“We will win,” the Rev. Ada Lund said.", ("Ada Lund", "person")),
        ("“We will win,” the late Ada Lund once said.", ("Ada Lund", "person")),
        (
            "“We will win,” The St. Louis Post-Dispatch said.",
            ("St. Louis Post-Dispatch", "organisation"),
        ),
        ("Ada Lund spoke. “We will win,” the Lunds said.", ("Lunds", "person")),
        ("Ada Reyes spoke. “We will win,” the Reyeses said.", ("Reyeses", "person")),
        ("“We will win,” The Harbor Ledger’s Ivo Reyes wrote.", ("Ivo Reyes", "person")),
        ("“We will win,” the Dover Times's Ivo Reyes wrote.", ("Ivo Reyes", "person")),
        # One word: the one longer name the article gives the organisation.
        (
            "The Harbor Braves lost. “We will win,” the Braves said.",
            ("Harbor Braves", "organisation"),
        ),
        ("Ledger Media sued. “We will win,” The Ledger said.", ("Ledger Media", "organisation")),
        # ... not a person's name, nor words run into another quotation.
        # A person's surname after "the" is a modifier cut from its noun ("the Lund
        # campaign"): the person the article names, as before.
        ("Robert Lund ran. “We will win,” the Lund said.", ("Robert Lund", "person")),
        (
            "It was 'damaging to Mayor Reyes' The Ledger wrote. “We will win,” the Ledger said.",
            ("Ledger", "organisation"),
        ),
        # A demonym alone names a people, no one person.
        ("“We will win,” the Chinese said.", ("the Chinese", "description")),
    ],
)
def test_the_name_is_no_person(text: str, expected: tuple[str, str | None]) -> None:
    got = speaker_and_type(text)
    assert got[0] == expected[0]
    if expected[1] is not None:
        assert got[1] == expected[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The role the article writes with the name resolves the epithet ...
        (
            "Kentucky Republican Ada Lund spoke on Monday. “We will win,” the Kentucky "
            "Republican said.",
            ("Ada Lund", "person"),
        ),
        (
            "Republican Ada Lund spoke on Monday. “We will win,” the Kentucky Republican said.",
            ("Ada Lund", "person"),
        ),
        (
            "Republican Ada Lund spoke on Monday. “We will win,” the South Carolina Republican "
            "said.",
            ("Ada Lund", "person"),
        ),
        ("President Ivo Reyes spoke. “We will win,” the President said.", ("Ivo Reyes", "person")),
        # ... and so does a party label after the name, with its state.
        (
            "Sen. Ada Lund (R-Ky.) spoke on Monday, as did Sen. Ivo Reyes (R-Ohio). “We will "
            "win,” the Kentucky Republican said.",
            ("Ada Lund", "person"),
        ),
        (
            "Rep. Ada Lund, D-N.Y., spoke on Monday. “We will win,” the New York Democrat said.",
            ("Ada Lund", "person"),
        ),
        ("Ada Lund (R-Ky.) spoke. “We will win,” the Republican said.", ("Ada Lund", "person")),
        # A label of another state is no holder; someone introduced as "an Iowa Democrat"
        # is someone new.
        (
            "Sen. Ivo Reyes (D-Md.) spoke on Monday. “We will win,” the Hawaii Democrat said.",
            ("the Hawaii Democrat", "description"),
        ),
        (
            "Iowa Democrat Ada Lund spoke on Monday. “We will win,” said an Iowa Democrat.",
            ("an Iowa Democrat", "description"),
        ),
        # (a role in lower case after "a" still goes to the person it is set beside)
        (
            "“We will lose,” said Ada Lund, a sociology professor at Harbor University. "
            "“We will win,” said a sociology professor at Harbor University.",
            ("Ada Lund", "person"),
        ),
        # ... and tied to nobody it is a description, not a person named "Kentucky Republican".
        (
            "“We will win,” the Kentucky Republican said.",
            ("the Kentucky Republican", "description"),
        ),
        ("“We will win,” the Republican said.", ("the Republican", "description")),
        ("“We will win,” an Iowa Democrat said.", ("an Iowa Democrat", "description")),
        ("“We will win,” the President said.", ("the President", "description")),
    ],
)
def test_epithets_are_descriptions(text: str, expected: tuple[str, str]) -> None:
    assert speaker_and_type(text) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # A place before one title alone is the role's modifier.
        ("the Kentucky Republican", ("Republican", ("kentucky",))),
        ("the South Carolina Republican", ("Republican", ("south", "carolina"))),
        ("Ohio Governor", ("Governor", ("ohio",))),
        ("the Kentucky Republican Party", ("Kentucky Republican Party", ())),
        ("Kentucky Republican Ada Lund", ("Ada Lund", ("kentucky", "republican"))),
        # Modifiers before an organisation's name are part of it ...
        ("The Christian Harbor Monitor", ("Christian Harbor Monitor", ())),
        ("the U.S. Chamber of Harbors", ("U.S. Chamber of Harbors", ())),
        ("the Committee to Protect Harbor Pilots", ("Committee to Protect Harbor Pilots", ())),
        ("Harbor Campaign to Stop Fees", ("Harbor Campaign to Stop Fees", ())),
        # ... not before a person's, and "to" between two names joins no name.
        ("Ivo Lund to Ada Reyes", ("Ada Reyes", ("ivo", "lund", "to"))),
        ("Russian Maria Lund", ("Maria Lund", ("russian",))),
        # An employer's possessive of several words goes before the name.
        ("The Harbor Ledger’s Chris Reyes", ("Chris Reyes", ("harbor", "ledger’s"))),
        ("The Ledger's Nadia Reyes", ("Nadia Reyes", ("ledger's",))),
        ("The Ledger's editors", ("Ledger's editors", ())),
    ],
)
def test_strip_name_of_articled_mentions(
    mention: str, expected: tuple[str, tuple[str, ...]]
) -> None:
    assert strip_name(mention) == expected


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [("US", "US"), ("us", None), ("We", None)],
)
def test_us_in_capitals_is_the_country(speaker: str, expected: str | None) -> None:
    rows = [
        {
            "start": 0,
            "end": 5,
            "kind": "indirect",
            "speaker": speaker,
            "speaker_type": "organisation",
            "speaker_start": 10,
            "speaker_end": 12,
        }
    ]
    resolve_first_person(rows)
    assert rows[0]["speaker"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ada Lund (R-Ky.) said", ("kentucky", "republican")),
        ("Ada Lund, D-Calif., said", ("california", "democrat")),
        ("Ada Lund (R., Ariz.) said", ("arizona", "republican")),
        ("Ada Lund (D-NY) said", ("new", "york", "democrat")),
        ("Ada Lund (D-N.Y.) said", ("new", "york", "democrat")),
        ("Ada Lund (R-Texas) said", ("texas", "republican")),
        ("Ada Lund (D-New Mexico) said", ("new", "mexico", "democrat")),
        ("Ada Lund (I-Vt.) said", ("vermont", "independent")),
        ("Ada Lund (R) said", ()),
        ("Ada Lund, Dover said", ()),
        ("Ada Lund (Dover) said", ()),
    ],
)
def test_party_label_gives_a_role(text: str, expected: tuple[str, ...]) -> None:
    assert _party_role(text, len("Ada Lund")) == expected


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("the Kentucky Republican", True),
        ("an Iowa Democrat", True),
        ("The President", True),
        ("Kentucky Republican", False),
        ("The Harbor Ledger", False),
        ("the senator", True),
    ],
)
def test_capitalised_title_after_an_article_is_a_description(speaker: str, expected: bool) -> None:
    assert is_description(speaker) is expected
