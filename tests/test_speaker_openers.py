"""A speaker is a person, not the words around the name: an ordinary word that opens the
sentence before a name ("Further Lund says") is no part of it, and a party label whose comma
is missing ("Sen. Ada Lund, R-New Hampshire said") is the label of the name before it.

The sentences are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.attribution import Mention
from analysis.quotes.extract import _without_opening_word, extract_quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # An ordinary word opening the sentence before a person the article names is left out.
        ("Ivo Reyes ran. Further Reyes says he would raise the fares.", "Ivo Reyes"),
        ("The board met. Later Ada Lund said the fares were too high.", "Ada Lund"),
        # A given name that is also a word stays ("Will"), and so does a title.
        ("Will Reyes said the fares were too high.", "Will Reyes"),
        ("Mayor Lund said the fares were too high.", "Lund"),
        # Words that are no person stay whole: the opening word is part of what they say.
        ("The vote was close. No Republicans said they would back it.", "No Republicans"),
        # A party label is the person before it, with or without the comma after it.
        ("On Monday, Sen. Ada Lund, R-New Hampshire said she would vote no.", "Ada Lund"),
        ("Sen. Ivo Reyes, D-Ore., said the vote was a mistake.", "Ivo Reyes"),
    ],
)
def test_speaker_without_opening_words_and_labels(text, speaker):
    quotes = extract_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert quotes["speaker"].tolist()[:1] == [speaker]
    assert quotes["speaker_type"].tolist()[:1] == ["person"]


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("Ivo Reyes ran. Further Reyes says", "Further Reyes", "Reyes"),
        # The object of a gerund opening a heading is kept whole: it names no speaker.
        ("Ivo Reyes fled.\n\nKilling Reyes 'a bold step'", "Killing Reyes", "Killing Reyes"),
        # A name that does not open a sentence keeps its words.
        ("The plan of Further Reyes", "Further Reyes", "Further Reyes"),
    ],
)
def test_without_opening_word(text, written, expected):
    at = text.index(written)
    mention = Mention(at, at + len(written), written)
    assert _without_opening_word(text, mention, written, {"reyes": "Ivo Reyes"}) == expected


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # A question word opening a free relative before a name is no part of the speaker.
        (
            "The bill will cost more. What Ivo Reyes is arguing, essentially, is that the text "
            "should be ignored.",
            ["Ivo Reyes"],
        ),
        # A question is no speaker: "What's the real need", "How dare the board".
        ("Everything is in the report. What's the real need for calling me up there to speak?", []),
        ("How dare the state tell me what to do with my body!", []),
        # "WHO" in capitals is the World Health Organization, not a question word.
        ("The WHO said the virus was spreading fast across the region.", ["WHO"]),
    ],
)
def test_question_words_open_no_speaker(text, speakers):
    quotes = extract_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert quotes["speaker"].dropna().tolist() == speakers, quotes[["quote", "speaker"]]
