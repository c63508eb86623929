"""An "-ing" word opening a run of capitals is a participle only when built on a common English
verb (extract._opening_participle): "Considering Reyes" is no name, "Irving Lund" and
"Xiaoqing Lund" are, and the surname alone then stands for the full name. Invented sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.extract import _opening_participle

WORDS = [
    ("Considering", True),
    ("Removing", True),
    ("Paraphrasing", True),
    ("Commandeering", False),  # (a rare verb reads as a name: the cost of the rule)
    ("Irving", False),
    ("Sterling", False),
    ("Xiaoqing", False),
    ("Nihalsing", False),
    ("Boeing", False),
    ("Going", False),  # too short to be read either way
]


@pytest.mark.parametrize(("word", "participle"), WORDS)
def test_opening_participle(word: str, participle: bool) -> None:
    assert _opening_participle(word) is participle


ARTICLES = [
    (
        "Irving Kanaby, the club's lawyer, filed the appeal.\n\n“We will win,” Kanaby said.",
        "Irving Kanaby",
    ),
    (
        "Xiaoqing Lund, a nurse on the ward, spoke first.\n\nLund said the shifts were too long.",
        "Xiaoqing Lund",
    ),
    (
        "Considering Reyes' remarks, the board voted on Monday.\n\n“We will not wait,” Reyes said.",
        "Reyes",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), ARTICLES)
def test_surname_stands_for_an_ing_given_name(text: str, speaker: str) -> None:
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert q["speaker"].dropna().tolist() == [speaker]
