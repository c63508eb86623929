"""Issue 21: a relative pronoun that speaks ("…, who said …", "…, which reported …") is
resolved to the noun phrase it hangs on, also when that phrase is the object of a verb or a
preposition, or is set off by a party label, an age or a home town. "who" hangs on a name or
on a noun naming people, never on a place, a time or a text; a phrase before "of" or a
preposition of place is the head ("members of the board, who"; "a voter in Dover who"). After
an appositive, "who" is the name the appositive describes ("Dr. Ada Lund, a researcher at
Eastport University, who said" is Ada Lund, not the university).

The sentences are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.attribution import tokenize
from analysis.quotes.extract import _name_before_appositive_relative, extract_quotes

# (sentence, the speaker of its one quotation; None: no speaker)
CASES = [
    # The object of a preposition or a verb.
    ("The plan drew worries from Ada Lund, who said that the fares would rise.", "Ada Lund"),
    ("This is the case of Ivo Reyes, who demanded that the ferry stop.", "Ivo Reyes"),
    ("He has corrected skippers who describe the pier as a “dock.”", "skippers"),
    (
        "The bill drew worries among Harbor Party leaders, who said that it would fail.",
        "Harbor Party leaders",
    ),
    (
        "The figures came from port spokesman Cmdr. Ada Lund, who said that the ships would stay.",
        "Ada Lund",
    ),
    (
        "Support came from the Association of Harbor Pilots, which said that the rule must go.",
        "Association of Harbor Pilots",
    ),
    # An aside between the name and "who": a party label, an age and a home town.
    (
        "The vote worried Sen. Ivo Reyes, R-Kan., who said that he will oppose the bill.",
        "Ivo Reyes",
    ),
    ("It met voters like Ada Lund, 52, of Dover, who said that she will vote.", "Ada Lund"),
    # No phrase for "who": a determiner alone, a thing, a time.
    ("Among those who said that the vote was fair, most were old.", None),
    ("The speech was given in Dover on Monday, which said that the fares were fair.", None),
    # After an appositive, "who" is the name the appositive describes, not a noun inside it.
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
def test_relative_pronoun_speaks_for_its_antecedent(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert len(q) == 1
    speaker = q.speaker.iloc[0]
    assert (None if pd.isna(speaker) else speaker) == expected
    assert text[int(q.speaker_start.iloc[0]) : int(q.speaker_end.iloc[0])].lower() in (
        "who",
        "which",
    )


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


# (sentence, its one quotation's speaker): an indefinite description set off after a name by a
# comma is that person, also where it is the speaker ("a lawyer who said"); not after a
# preposition's object, nor with no name before it.
APPOSITIVE_DESCRIPTION_CASES = [
    (
        "Sen. Ivo Casey of Dover, a Democrat who has said the levy is “a scandal,” agreed.",
        "Ivo Casey",
    ),
    ("The crews met Ada Lund, a lawyer who said the fares were “too high.”", "Ada Lund"),
    ("Ada Lund, a lawyer, said the fares were “too high.”", "Ada Lund"),
    ("The board hired a lawyer who said the fares were “too high.”", "a lawyer"),
    ("In Dover, a skipper said the fares were “too high.”", "a skipper"),
    ("As for Lund, a number of skippers said the fares were “too high.”", "a number of skippers"),
]


@pytest.mark.parametrize(("text", "expected"), APPOSITIVE_DESCRIPTION_CASES)
def test_indefinite_appositive_is_the_person_it_describes(text, expected):
    docs = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]})
    q = extract_quotes(docs)
    q = q[q["kind"] != "scare"]
    assert q["speaker"].tolist() == [expected]
