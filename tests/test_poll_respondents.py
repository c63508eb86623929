"""Poll respondents are findings, not speakers (tests/gold/GUIDELINES.md): a reported-speech
frame whose subject is a share of those a poll asked gives no `indirect` row, whichever frame
reads it and however much of the subject its mention holds (extract.poll_respondents).
Invented sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes

CASES = [
    # (text, the speaker of its indirect row, None for no row)
    ("Sixty percent said the ferry fares were too high.", None),
    ("About half of the riders surveyed said the ferry was late.", None),
    ("Although most riders in a Harbor Post poll said they back the levy, it failed.", None),
    ("In stark contrast, only half of renters (49%) say the rent on the quay is fair.", None),
    ("By a wide margin, those polled said the new ferry schedule was worse.", None),
    ("Just 3% of moderate and conservative respondents indicated that a levy was fair.", None),
    ("The survey said fares would rise in May.", "The survey"),
    ("Senate Majority Leader Ada Lund said the fares would rise in May.", "Ada Lund"),
    ("Fares rose 5 percent in May, Reyes said on Monday.", "Reyes"),
    ("Half of the crews said the depot was unsafe.", "Half of the crews"),
    (
        "Harbor Corp. shares fell 9% after the ferry company said it would cut sailings.",
        "the ferry company",
    ),
    ("Fares rise 25 percent in May and the port promised to add a second ferry.", "the port"),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_poll_respondents(text: str, speaker: str | None) -> None:
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    rows = q[q["kind"] == "indirect"]
    if speaker is None:
        assert rows.empty, rows[["quote", "speaker"]]
    else:
        assert rows["speaker"].tolist() == [speaker]
