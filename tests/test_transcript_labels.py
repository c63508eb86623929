"""A transcript's turns: a line that opens with a speaker's label in capitals and a colon is
that speaker's words (tests/gold/GUIDELINES.md: "transcript labels ("THE PRESIDENT:") are
`direct` with that name as the mention and no cue"). Invented sentences; each row is
``(text, quote, mention, speaker, speaker_type)``."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.extract import _honorific_label

SHOW = (
    "The harbor board met on Monday.\n\n"
    "AMY REYES: Welcome back to the show tonight.\n\n"
    "DR. IVO LUND: Thank you for having me on the program.\n\n"
    "MR. DEMIR: Well, it is a long story that starts in the winter."
)

TURNS = [
    (SHOW, "Welcome back to the show tonight", "AMY REYES", "AMY REYES", "person"),
    (SHOW, "Thank you for having me on the program", "DR. IVO LUND", "IVO LUND", "person"),
    (
        SHOW,
        "Well, it is a long story that starts in the winter",
        "MR. DEMIR",
        "DEMIR",
        "person",
    ),
    # A role the article names: that person.
    (
        "Mayor Ada Lund spoke on Monday.\n\nTHE MAYOR: We will build the bridge in May.",
        "We will build the bridge in May",
        "THE MAYOR",
        "Ada Lund",
        "person",
    ),
]


@pytest.mark.parametrize(("text", "quote", "mention", "speaker", "typ"), TURNS)
def test_transcript_turns(text, quote, mention, speaker, typ):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    rows = q[q["quote"] == quote]
    assert len(rows) == 1, q[["quote", "kind", "speaker"]]
    r = rows.iloc[0]
    assert (r["kind"], r["cue"]) == ("direct", ":")
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == mention
    assert (r["speaker"], r["speaker_type"]) == (speaker, typ)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("DR. IVO LUND", True),
        ("MR. DEMIR", True),
        ("MS. REYES", True),
        ("AMY REYES", False),
        ("DR.", False),
        ("Dr. Lund", False),  # (a heading in ordinary capitals is read by other rules)
    ],
)
def test_honorific_label(label, expected):
    assert _honorific_label(label) is expected
