"""Issue 21: "he"/"she" goes back to a compatible person named in an earlier sentence, also one
the article writes only as a title and a surname ("President Lund", "Mr. Lund"), as a
surname it elsewhere gives a title or writes as a speaker, or in the possessive; never to a
place or body after a title-like word, nor to a person of the other sex.

The small articles are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.extract import (
    _bare_speakers,
    _head_before_of_phrase,
    _nearest_first,
    _plural_antecedent,
    extract_quotes,
)

_OPENING = "Cardinal Ivo Dolan spoke in May about the port.\n\n"
_QUOTE = "\n\n“No one should be targeted,” he said."


def speaker_of(text: str, words: str = "targeted") -> str:
    """The speaker of the one row of ``text`` whose quotation holds ``words``."""
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))
    row = q[q["quote"].str.contains(words)]
    assert len(row) == 1
    return str(row["speaker"].iloc[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname after a title or honorific, in a sentence whose subject is no person.
        (_OPENING + "The crews met President Lund at the pier on Monday." + _QUOTE, "Lund"),
        (_OPENING + "The crews cheered as Mr. Lund arrived at the pier." + _QUOTE, "Lund"),
        (_OPENING + "The crews cheered as Sen. Lund arrived at the pier." + _QUOTE, "Lund"),
        (_OPENING + "The crews backed Judge Lund’s ruling on Monday." + _QUOTE, "Lund"),
        # A bare surname the article gives a title elsewhere, or writes as a speaker.
        (
            "President Lund toured the docks in March.\n\n" + _OPENING + "The inquiry opened "
            "and Lund issued a statement calling the fires arson." + _QUOTE,
            "Lund",
        ),
        (
            "Lund said in March that the docks would close.\n\n" + _OPENING + "The crews "
            "cheered as Lund arrived at the pier on Monday." + _QUOTE,
            "Lund",
        ),
        # The subject itself is the person: unchanged.
        (_OPENING + "President Lund issued a statement on Monday." + _QUOTE, "Lund"),
        # The fullest name the article writes for the surname.
        (
            "Ivo Lund runs the docks.\n\n" + _OPENING + "The crews met President Lund at the "
            "pier on Monday." + _QUOTE,
            "Ivo Lund",
        ),
        # A place or body after a title-like word is nobody.
        (_OPENING + "The crews marched down King Street on Monday." + _QUOTE, "Ivo Dolan"),
        (_OPENING + "The crews wrote to the General Assembly on Monday." + _QUOTE, "Ivo Dolan"),
        (_OPENING + "The crews sailed to Captain America on Monday." + _QUOTE, "Ivo Dolan"),
        # A surname that modifies another noun is not the person the sentence is about.
        (
            "President Lund toured the docks in March.\n\nAlthough the Lund administration "
            "calls the port safe, Mr. Reyes said he would close it." + _QUOTE,
            "Reyes",
        ),
        # A subject described by a role is the person in that role, not one named after it.
        (
            "“We will rebuild,” Mr. Reyes told the crews after the vote.\n\nThe former Dover "
            "mayor had words for the man who beat him, saying President Lund had failed the "
            "port." + _QUOTE,
            "Reyes",
        ),
        (
            _OPENING + "Dover mayor faults the board: Mayor Ivo Lund called out the board on "
            "Monday." + _QUOTE,
            "Ivo Lund",
        ),
        (
            _OPENING + "Two weeks later, the Dover governor closed the casinos, and Mr. Lund "
            "had to shut the pier." + _QUOTE,
            "Lund",
        ),
        (_OPENING + "Ivo Lund and his sister opened a shop on the pier." + _QUOTE, "Ivo Lund"),
        # A sentence with a frame between two quotations is no quotation to skip.
        (
            "Ivo Dolan ran the port for years.\n\nThe board says the rules follow Dolan’s "
            "plan.\n\n“We stay open,” Ivo Lund told the “Harbor Hour.”" + _QUOTE,
            "Ivo Lund",
        ),
        # A woman is not what "he" points at.
        (_OPENING + "The crews cheered as Mrs. Lund arrived at the pier." + _QUOTE, "Ivo Dolan"),
        # A body written as a speaker is no person either.
        (
            "Reuters said in March that the docks would close.\n\n" + _OPENING + "The crews "
            "cheered as Reuters arrived at the pier on Monday." + _QUOTE,
            "Ivo Dolan",
        ),
    ],
)
def test_a_pronoun_goes_back_to_a_person_written_by_surname(text, expected):
    assert speaker_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lund said it would rain.", ["Lund"]),
        ("It will rain, said Lund.", ["Lund"]),
        ("The Harbor Board said no.", []),
        ("Ivo Lund told the board.", []),
        ("In May. Reyes says that it rained.", ["Reyes"]),
        ("The unsaid Reyes.", []),
    ],
)
def test_bare_speakers(text, expected):
    assert _bare_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No honorific in the article: the given name tells the sex (the corpus's list).
        (
            "John Okafor ran the ferry. Susan Reyes lost her job there."
            "\n\n“No one should be targeted,” he said.",
            "John Okafor",
        ),
        (
            "Susan Reyes spoke to John Okafor.\n\n“No one should be targeted,” he said.",
            "John Okafor",
        ),
        (
            "John Okafor spoke to Susan Reyes.\n\n“No one should be targeted,” she said.",
            "Susan Reyes",
        ),
    ],
)
def test_he_and_she_skip_a_given_name_of_the_other_sex(text, expected):
    assert speaker_of(text) == expected


@pytest.mark.parametrize(
    ("t", "name", "expected"),
    [
        ("person", "Ada Lund and Ivo Reyes", True),
        ("description", "the farmers", True),
        ("description", "The crews", True),
        ("description", "the editors of National Review", True),
        ("description", "senators on Capitol Hill", True),
        ("description", "the skippers in Dover", True),
        ("anonymous", "officials", True),
        ("person", "Prosecutors", True),
        ("description", "people", True),
        ("organisation", "the Harbor Board", True),
        ("description", "universities", True),
        ("person", "Ivo Reyes", False),
        ("person", "Sanders", False),
        ("description", "a spokesman", False),
        ("anonymous", "His inauguration", False),
        ("person", "Average", False),
    ],
)
def test_plural_antecedent(t, name, expected):
    """What "they" may point back to: several people or a body, not one person or a thing."""
    assert _plural_antecedent(t, name) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "they" goes back to the plural subject of the sentence before, kept whole with
        # the place after it, not to the name after "on"
        (
            "The port board voted on Monday. The senators on Harbor Hill had little use for "
            "the levy. They argue that the ferries will suffer.",
            "senators on Harbor Hill",
        ),
        (
            "The port board voted on Monday. Lund’s Harbor Party allies on Harbor Hill had "
            "little use for the levy. They argue that the ferries will suffer.",
            "Lund’s Harbor Party allies on Harbor Hill",
        ),
    ],
)
def test_they_goes_back_to_people_described_by_a_place(text, expected):
    assert speaker_of(text, "ferries") == expected


@pytest.mark.parametrize(
    ("history", "before", "expected"),
    [
        # Quotations' speakers are recorded first, reported speech's after: nearest by offset.
        (
            [(900, "Ivo Reyes", "person"), (100, "Ada Lund", "person")],
            1000,
            ["Ivo Reyes", "Ada Lund"],
        ),
        ([(900, "Ivo Reyes", "person"), (1100, "Ada Lund", "person")], 1000, ["Ivo Reyes"]),
        (
            [(50, "Ada Lund", "person"), (50, "Harbor Board", "organisation")],
            60,
            ["Harbor Board", "Ada Lund"],
        ),
    ],
)
def test_nearest_first(history, before, expected):
    assert [c for _, c, _ in _nearest_first(history, before)] == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("lawyers for Ford", 0),
        ("a spokesman for Ivo Lund", 1),
        ("Ivo Lund", -1),
        ("Bank of Dover", -1),
        ("the head of the Harbor Board", 1),
    ],
)
def test_head_before_of_phrase(words, expected):
    assert _head_before_of_phrase(words.split()) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # "they" skips a named person for the group before.
        (
            "Harbor officials met on Monday. Mayor Ivo Reyes left early.\n\n"
            "Later they said the pier would close.",
            "pier would close",
            "Harbor officials",
        ),
        # "she" is not the lawyers of the woman named.
        (
            "Dana Okafor was asked to testify.\n\n"
            "In an email, lawyers for Okafor said that while she has agreed to “answer every "
            "question,” the date was unfair.",
            "answer every",
            "Dana Okafor",
        ),
        # A description is the earlier speaker with its head word, not a later one.
        (
            "One harbor official told the Courier that the pier would close.\n\n"
            "Further, the official said, the fares would rise in May.\n\n"
            "“We will strike,” a union official said on Friday.",
            "fares would rise",
            "One harbor official",
        ),
    ],
)
def test_references_go_to_a_compatible_earlier_speaker(text, words, expected):
    assert speaker_of(text, words) == expected
