"""Issue #21: a speaker is a well-formed mention of someone. Case tables of the rules that keep
headings, owners and sentence-opening words out of the speaker column (invented sentences).

Each row of the extraction tables is ``(text, quote, speaker, mention)``: the article ``text``
has one row whose quoted words are ``quote``, with that speaker and ``text[speaker_start:
speaker_end]`` equal to ``mention`` (None: no speaker)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.evaluate import is_object_of_preposition, malformed_reason
from analysis.quotes.attribution import Mention
from analysis.quotes.extract import (
    _word_before,
    object_of_preposition,
    owner_of_speaker,
    possessive_end,
)


def speaker_of(text: str, quote: str) -> tuple[str | None, str | None]:
    """(speaker, mention as written) of the row of ``text`` quoting ``quote``; (None, None)
    when there is no such row or it has no speaker."""
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    rows = q[q["quote"] == quote]
    assert len(rows) <= 1, f"expected one row {quote!r}, got:\n{q[['quote', 'speaker']]}"
    if rows.empty:
        return None, None
    r = rows.iloc[0]
    if pd.isna(r["speaker"]):
        return None, None
    return r["speaker"], text[int(r["speaker_start"]) : int(r["speaker_end"])]


# "Label: statement" lines: a label speaks when it names a person, not a heading's topic.
LABELS = [
    (
        "Immigration: About half of the voters want the harbor closed.",
        "About half of the voters want the harbor closed",
        None,
        None,
    ),
    (
        "Point One: Compete in every district of the state.",
        "Compete in every district of the state",
        None,
        None,
    ),
    (
        "Exhibit A: The harbor board that voted twice on the same levy.",
        "The harbor board that voted twice on the same levy",
        None,
        None,
    ),
    (
        "Mayor Ada Reyes spoke on Monday.\n\nReyes: The harbor will reopen after the repairs.",
        "The harbor will reopen after the repairs",
        "Ada Reyes",
        "Reyes",
    ),
    (
        "Shawn: It is the worst idea the council has had in years, honestly.",
        "It is the worst idea the council has had in years, honestly",
        "Shawn",
        "Shawn",
    ),
    (
        "Poll: Reyes leads the race for the harbor board by ten points.",
        "Reyes leads the race for the harbor board by ten points",
        "Poll",
        "Poll",
    ),
]

# A possessive is the speaker only as the owner of words; the mention is then the name.
POSSESSIVES = [
    (
        '"We raised more than expected," Reyes\'s national finance chairman Tim Okafor and '
        "treasurer Ivo Lund said in a statement.",
        "We raised more than expected,",
        None,
        None,
    ),
    (
        # the physician's words, if anyone's; never Lund's
        'Lund\'s personal physician prescribed him a "miracle cure" for the flu.',
        "miracle cure",
        "Lund's personal physician",
        "Lund's personal physician",
    ),
    (
        'Council Speaker Ada Reyes\'s office circulated a memo attacking the "secret plan" of '
        "the port.",
        "secret plan",
        None,
        None,
    ),
    (
        "Lund's last words were: \u201cI will not resign from this board.\u201d",
        "I will not resign from this board.",
        "Lund",
        "Lund",
    ),
]

# A word capitalised only because it opens a clause is no part of a name.
OPENING_WORDS = [
    (
        "HARBOR DESK: Will Tara Lund testify before the board?\n\n"
        'Lund said she "would gladly" testify.',
        "would gladly",
        "Tara Lund",
        "Lund",
    ),
    (
        "Harbor desk: Why's Lund closing the north pier?\n\n\u201cIt is a disgrace,\u201d "
        "Lund said.",
        "It is a disgrace,",
        "Lund",
        "Lund",
    ),
    (
        'Will Reyes said the harbor "must reopen soon."',
        "must reopen soon.",
        "Will Reyes",
        "Will Reyes",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "mention"), LABELS + POSSESSIVES)
def test_labels_and_possessives(text, quote, speaker, mention):
    assert speaker_of(text, quote) == (speaker, mention)


@pytest.mark.parametrize(("text", "quote", "speaker", "mention"), OPENING_WORDS)
def test_opening_words(text, quote, speaker, mention):
    assert speaker_of(text, quote) == (speaker, mention)


@pytest.mark.parametrize(
    ("text", "end"),
    [("Ada Reyes's", 9), ("the crews'", 9), ("Reyes", 5), ("It's", 4), ("That’s", 6)],
)
def test_possessive_end(text, end):
    assert possessive_end(text) == end


@pytest.mark.parametrize(
    ("text", "owner", "expected"),
    [
        ("Reyes's chairman Tim Okafor said so.", "Reyes's", True),
        ("Lund's personal physician prescribed it.", "Lund's", True),
        ("Okafor's claim that fares rise was false.", "Okafor's", False),
        ("The harbor police's earlier claim was false.", "The harbor police's", False),
        ("Reyes said so.", "Reyes", False),
    ],
)
def test_owner_of_speaker(text, owner, expected):
    assert owner_of_speaker(text, Mention(0, len(owner), owner)) is expected


# The checker's own rules for these classes (analysis.evaluate.malformed_reason).
MALFORMED = [
    ("Ivo Lund's", "possessive"),
    ("the voters’", "stray edge"),
    ("Point One", "heading"),
    ("Exhibit A", "heading"),
    ("Editor's Note", "heading"),
    ("Will Tara Lund", "sentence opener"),
    ("Why's Lund", "sentence opener"),
    ("harbor officials for years", "time phrase"),
    ("year harbor students", "time phrase"),
    ("every time officials", "time phrase"),
    ("his aides keep", "clause fragment"),
    ("the points seem", "clause fragment"),
    ("Will Reyes", None),
    ("Ada Point", None),
    ("Case Okafor", None),
    ("Ada Reyes", None),
]


@pytest.mark.parametrize(("speaker", "reason"), MALFORMED)
def test_malformed_reason(speaker, reason):
    assert malformed_reason(speaker) == reason


# The object of a preposition is no subject; "according to", a partitive "some of", an owner
# of words and a participle's subject ("footage of Reyes saying") are sources.
PREPOSITION_OBJECTS = [
    (
        "Students protested the university's invitation to Ada Reyes to deliver "
        '"a lecture on harbor safety."',
        "a lecture on harbor safety.",
        "Students",
        "Students",
    ),
    (
        'According to Reyes, the plan "will fail in a year."',
        "will fail in a year.",
        "Reyes",
        "Reyes",
    ),
    (
        'The summit moved because, in Okafor\'s words, "it is the busiest dock on the coast."',
        "it is the busiest dock on the coast.",
        "Okafor",
        "Okafor",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "mention"), PREPOSITION_OBJECTS)
def test_preposition_objects(text, quote, speaker, mention):
    assert speaker_of(text, quote) == (speaker, mention)


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("The mayor faced skippers in Dover after they pledged to act.", "Dover", True),
        ("Students protested the invitation to Ada Reyes to speak.", "Ada Reyes", True),
        ("According to Reyes, the plan fails.", "Reyes", False),
        ("Some of the crews say the plan fails.", "the crews", False),
        ("The footage of Reyes saying so aired.", "Reyes", False),
        ("Reyes said so.", "Reyes", False),
        ('The letter went to "  Reyes, who said so.', "Reyes", True),
        ("The plan, in the words of Reyes, fails.", "Reyes", False),
        ("Reyes2 said so, and Reyes agreed.", "Reyes2", False),
    ],
)
def test_object_of_preposition(text, mention, expected):
    at = text.index(mention)
    m = Mention(at, at + len(mention), mention)
    assert object_of_preposition(text, m) is expected
    assert is_object_of_preposition(text, at, at + len(mention)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the invitation to ", "to"),
        ("the letter went to ” ", "to"),
        ("the letter went to\t", "to"),
        ("in the words of", "of"),
        (
            "a very long first word: antidisestablishmentarianismxxxxxxxxxxxxxxxx",
            "disestablishmentarianismxxxxxxxxxxxxxxxx",
        ),
        ("", None),
        ("Reyes, ", None),
        ("‘’", None),
    ],
)
def test_word_before(text, expected):
    """The word before a position, past spaces and one closing mark, read in the 40 characters
    before it (a longer word is cut at the window)."""
    found = _word_before(text, len(text))
    assert (found.text if found is not None else None) == expected
    if found is not None:
        assert text[found.start : found.end] == found.text


# A relative pronoun hangs on the object of the last preposition before it, not on the clause.
RELATIVE_ANTECEDENTS = [
    (
        'The mayor faces complaints from at least three skippers, who said he "ignored them."',
        "ignored them.",
        "at least three skippers",
    ),
    (
        "The talks ended in a series of interviews over two weeks with a woman who revealed "
        'that the levy was "a fraud."',
        "a fraud.",
        "a woman",
    ),
    (
        'The head of the harbor committee, who spoke on Monday, said the levy was "a disgrace."',
        "a disgrace.",
        "The head of the harbor committee",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), RELATIVE_ANTECEDENTS)
def test_relative_antecedents(text, quote, speaker):
    assert speaker_of(text, quote)[0] == speaker


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The vote was not what the crews hoped for\nReyes, the chair, says so.", "Reyes"),
        ("Lund took the issue further in his own statement.", "his"),
    ],
)
def test_no_preposition_object(text, mention):
    """A preposition ending the line before, or a possessive owner, is no preposition's object."""
    at = text.index(mention)
    assert not object_of_preposition(text, Mention(at, at + len(mention), mention))
    assert not is_object_of_preposition(text, at, at + len(mention))
