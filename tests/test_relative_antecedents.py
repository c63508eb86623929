"""Issue 21: a relative pronoun that speaks ("…, who said …", "…, which reported …") is
resolved to the noun phrase it hangs on, also when that phrase is the object of a verb or a
preposition, or is set off by a party label, an age or a home town. "who" hangs on a name or
on a noun naming people, never on a place, a time or a text; a phrase before "of" or a
preposition of place is the head ("members of the board, who"; "a voter in Dover who").

The sentences are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.extract import extract_quotes

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
