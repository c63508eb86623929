"""A "who" after an appositive hangs on the name the appositive describes, not on a noun
inside the appositive: "Dr. Ada Lund, a researcher at Eastport University, who said …" is Ada
Lund speaking, not the university (_name_before_appositive_relative).

The sentences are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.attribution import tokenize
from analysis.quotes.extract import _name_before_appositive_relative, extract_quotes

# (sentence, the speaker of its one quotation; None: no speaker)
CASES = [
    # A noun-phrase appositive with a place or an organisation inside it.
    (
        "The slip was spotted by Dr. Ada Lund, a researcher at the University of Eastport, "
        "who said it was “a serious error.”",
        "Ada Lund",
    ),
    (
        "We spoke with Ivo Garner, a guard at the Eastport jail and an officer of the Harbor "
        "Guards union, who says the guards are “essential.”",
        "Ivo Garner",
    ),
    (
        "We heard from Lena Ortiz, deputy director of the Harbor Rights Project, who said the "
        "ruling was “a relief.”",
        "Lena Ortiz",
    ),
    # A "whose" clause between the name and "who".
    (
        "I asked about Ivo Brandt, whose ward includes parts of Eastport, who said the "
        "marchers were “angry.”",
        "Ivo Brandt",
    ),
    # "which" may hang on the appositive's own noun: the rule is for "who" only.
    (
        "We met Ada Lund, an adviser at the Tide Agency, which said the fares were “too high.”",
        "Tide Agency",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_who_after_appositive_speaks_for_the_name(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert len(q) == 1
    speaker = q.speaker.iloc[0]
    assert (None if pd.isna(speaker) else speaker) == expected


# (the sentence up to "who", the name the rule finds; None: the rule leaves it to the
# noun-phrase walk)
RULE_CASES = [
    ("The slip was found by Dr. Ada Lund, a researcher at Eastport University, ", "Dr. Ada Lund"),
    ("It came from Ivo Brandt, whose ward includes Eastport, ", "Ivo Brandt"),
    ("She praised Ada Reyes, deputy mayor of Dover, ", "Ada Reyes"),
    # no appositive: the walk reads the phrase before the comma
    ("The slip was found by Dr. Ada Lund, ", None),
    # a time or an opening adverbial before the comma is no name
    ("On Friday, a skipper for the ferry line, ", None),
    ("In Dover, a skipper for the ferry line, ", None),
    ("In March, the program of the Harbor Board, ", None),
    # a clause, not an appositive
    ("Reyes voted no, but the others were silent, ", None),
    ("Reyes, Okafor and Lund, ", None),
]


@pytest.mark.parametrize(("text", "expected"), RULE_CASES)
def test_name_before_appositive_relative(text, expected):
    toks = tokenize(text, 0, len(text))
    m = _name_before_appositive_relative(text, toks)
    assert (None if m is None else m.text) == expected
