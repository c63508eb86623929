"""Issue 21: a speaker is a whole noun phrase. A mention that stops on an adjective before its
head noun ("another breathless" of "another breathless report that …") names a thing, never
a speaker; an "-ly" adverb that opens a participle phrase after the head ("a senator closely
allied with …") is no part of the mention. A one-word speaker that is both a place and the
surname of a person the article names in full is that person ("Jordan said" after "Rep. Jim
Jordan"). People a reporter reached ("Four workers interviewed by the Courier said") speak, not
the outlet after "by". People described by their tie to an organisation ("a spokesman for the
Harbor Board", "members of Congress") are a description, not the organisation.

The sentences are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.attribution import (
    adjective_without_head,
    has_listed_plural,
    well_formed_mention,
)
from analysis.quotes.extract import _people_described, extract_quotes


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("final", True),
        ("ethical", True),
        ("breathless", True),
        ("competitive", True),
        ("famous", True),
        # Nouns: a plural news writes, or a listed speaker or group noun.
        ("official", False),
        ("hospital", False),
        ("operative", False),
        ("deal", False),
        ("general", False),
        ("critic", False),
        # A determiner may stand alone ("several said …"); other endings are no adjective's.
        ("several", False),
        ("freshman", False),
        ("reporter", False),
    ],
)
def test_adjective_without_head(word, expected):
    assert adjective_without_head(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("official", True), ("tally", True), ("family", True), ("closely", False), ("final", False)],
)
def test_has_listed_plural(word, expected):
    assert has_listed_plural(word) is expected


# (mention as the frame cut it, the text after it, the well-formed mention or None)
CUT_CASES = [
    # An adjective before the head noun that follows: no mention.
    ("another breathless", " report that the ferry would stop.", None),
    ("in final", " remarks to the board.", None),
    ("the four competitive", " districts that vote in May.", None),
    ("the harbor's famous", " quip about tolls.", None),
    # The mention is whole: a verb, a modal, an adverb, a preposition or a participle follows.
    ("the retired general", " said the ferries would run.", "the retired general"),
    ("a cynic", " might read the plan otherwise.", "a cynic"),
    ("the freshman", " then urged a pause.", "the freshman"),
    ("the agency responsible", " vowing a quick fix.", "the agency responsible"),
    ("the port hospital", " cited the storm.", "the port hospital"),
    ("an AARP tally", " on May 18.", "an AARP tally"),
    ("Ada Reyes", " said so.", "Ada Reyes"),
    # "The" and an adjective name a group of people; a measure in "-ful" is a noun.
    ("the homeless", " tell of long waits.", "the homeless"),
    ("a small handful", " say they will vote no.", "a small handful"),
    # An "-ly" adverb that opens a participle phrase after the head is no part of it.
    ("a senator closely", " allied with the mayor said so.", "a senator"),
    ("a harbor operative intimately", " involved in the plan.", "a harbor operative"),
    ("The video of him curtly", " ordering the crew ashore.", "The video of him"),
    # Before a finite verb the frame has run past its subject: the span is left as it was.
    ("the elderly", " voted early.", "the elderly"),
]


@pytest.mark.parametrize(("written", "after", "expected"), CUT_CASES)
def test_mention_cut_before_its_head(written, after, expected):
    text = written + after
    m = well_formed_mention(text, 0, len(written))
    assert (m.text if m else None) == expected


def speaker_of(text: str, words: str) -> str | None:
    """The speaker of the one row of ``text`` whose quotation holds ``words``, None when the
    row has none or there is no such row."""
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), progress=False)
    rows = q[q["quote"].str.contains(words, regex=False)]
    if rows.empty or pd.isna(rows["speaker"].iloc[0]):
        return None
    return str(rows["speaker"].iloc[0])


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # The quotation's speaker is the cue's subject, not a phrase cut before "remarks".
        (
            "Ivo Lund said the fares were “unfair to every family,” a word he repeated several "
            "times in final remarks.",
            "unfair to every family",
            "Ivo Lund",
        ),
        (
            "“We will keep the ferries running,” said a union official closely involved in the "
            "talks.",
            "keep the ferries",
            "a union official",
        ),
        (
            "The video of him curtly ordering the crew to “get off the ferry and go home” "
            "spread fast.",
            "get off the ferry",
            "The video of him",
        ),
        (
            "“The levy is fair,” said Ada Reyes, the retired general who chairs the board.",
            "levy is fair",
            "Ada Reyes",
        ),
    ],
)
def test_extracted_speaker_is_no_cut_phrase(text, words, expected):
    assert speaker_of(text, words) == expected


def test_phrase_before_a_noun_cue_reports_nothing():
    """No one asks the "ethical questions" here: the sentence is no reported speech."""
    text = (
        "Recognizing the potential for ethical questions, a harbor official sought advice "
        "from the board's lawyers."
    )
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), progress=False)
    assert q.empty


def speaker_and_type(text: str, words: str) -> tuple[str | None, str | None]:
    """(speaker, speaker_type) of the one row of ``text`` whose quotation holds ``words``."""
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), progress=False)
    rows = q[q["quote"].str.contains(words, regex=False)]
    assert len(rows) == 1
    speaker, typ = rows["speaker"].iloc[0], rows["speaker_type"].iloc[0]
    return (None if pd.isna(speaker) else speaker), (None if pd.isna(typ) else typ)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A surname that is also a place names the person the article writes in full.
        (
            "Rep. Jim Jordan of Ohio spoke first. “We will vote no,” Jordan said.",
            "vote no",
            ("Jim Jordan", "person"),
        ),
        (
            "George Washington left office in 1797. “Beware of faction,” Washington said.",
            "Beware of faction",
            ("George Washington", "person"),
        ),
        (
            "Sheriff Mary Israel met the press. “The port is safe,” Sheriff Israel said.",
            "port is safe",
            ("Mary Israel", "person"),
        ),
        # With no such person the place stands for its government.
        (
            "The talks resumed. “We reject the plan,” Jordan said in a statement.",
            "reject the plan",
            ("Jordan", "organisation"),
        ),
        # A name that opens with no given name is no person's ("South Florida").
        (
            "Beaches in South Florida stay shut. “We see record cases,” Florida said.",
            "record cases",
            ("Florida", "organisation"),
        ),
    ],
)
def test_surname_that_is_a_place(text, words, expected):
    assert speaker_and_type(text, words) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # People a reporter reached speak, not the outlet after "by".
        (
            "Four workers interviewed by the Harbor Courier said they saw the fire.",
            "saw the fire",
            ("Four workers", "description"),
        ),
        (
            "Officials contacted by Harbor Radio said the port would reopen.",
            "port would reopen",
            ("Officials", "anonymous"),
        ),
        (
            "Investigators with a firm hired by the college said they could not name the man.",
            "could not name the man",
            ("Investigators with a firm", "description"),
        ),
        # A base form after "a" is a noun, not the cue: "in a swing state told".
        (
            "“It won't be him,” a senior aide in a swing state told the Courier.",
            "won't be him",
            ("a senior aide in a swing state", "anonymous"),
        ),
        # A document speaks for the one who issued it; a thing is no speaker.
        (
            "A statement released by the Harbor Board said the fares would rise.",
            "fares would rise",
            ("Harbor Board", "organisation"),
        ),
    ],
)
def test_people_reached_by_an_outlet(text, words, expected):
    assert speaker_and_type(text, words) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a spokesman for the Harbor Board", "description"),
        ("members of Congress", "description"),
        ("The chairman of the Harbor Committee", "description"),
        ("people familiar with the talks", "anonymous"),
        ("two officials at the port", "anonymous"),
        ("Republican lawmakers in Dover", "description"),
        # "on" ties too, and a plural of a title is a noun of people
        ("senators on Harbor Hill", "description"),
        ("Workers at Harbor Farms", "description"),
        ("Democrats in the House", "description"),
        ("Friends for the Harbor", None),  # (an organisation's name may hold "of", "for")
        ("complaints about the Harbor Board", None),  # (a writing, not people)
        # A person's rank or an agent noun heads it: someone described, no organisation.
        ("the head of the Harbor Board", "description"),
        ("a meteorologist for Harbor Radio", "description"),
        ("a contractor for the Harbor Board", "description"),
        ("an assistant in charge with the Harbor Bureau", "description"),
        # An organisation's own noun, or a short word, heads no person.
        ("the newspaper in Dover", None),
        ("a list of Harbor Radio", None),
        # A name or a noun of organisations heads it: the organisation's type stays.
        ("Friends of the Harbor", None),
        ("Bank of Dover", None),
        ("the board of the Harbor Trust", None),
        ("a report by the Harbor Board", None),
        ("Harbor Board", None),
    ],
)
def test_people_described_by_their_tie(name, expected):
    assert _people_described(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a noun of people after the organisation's own nouns: the person described
        ("The company spokesman", "description"),
        ("a Harbor Board spokeswoman", "description"),
        ("The police chief", "description"),
        ("School board members", "description"),
        ("Harbor Board officials", "anonymous"),
        # the organisation itself, or one word
        ("The city council", None),
        ("the police", None),
        ("spokesman", None),
    ],
)
def test_people_described_by_nouns_before_their_own(name, expected):
    assert _people_described(name, compound=True) == expected
    assert _people_described(name) is None  # (without ``compound``, no tie: no reading)
