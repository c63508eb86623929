"""Joint speakers: a frame whose subject joins people ("Lund and fellow attorney Ivo Reyes
said …"). The gold convention (tests/gold/GUIDELINES.md, and the gold rows of joint speakers)
is one row whose mention is the whole coordination and whose speaker joins each person's
fullest name, roles dropped. Invented sentences; each row is ``(text, quote, mention,
speaker)``."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.attribution import name_with_role, tokenize

JOINT = [
    (
        "Ada Lund filed the suit in May. Lund and fellow attorney Ivo Reyes said the "
        "complaint was filed on time.",
        "the complaint was filed on time",
        "Lund and fellow attorney Ivo Reyes",
        "Ada Lund and Ivo Reyes",
    ),
    (
        "Attorney Ada Lund and Ivo Reyes said the complaint was filed on time.",
        "the complaint was filed on time",
        "Attorney Ada Lund and Ivo Reyes",
        "Ada Lund and Ivo Reyes",
    ),
    (
        "Ada Lund met Ivo Reyes at the pier. Lund and Reyes said the fares were fair.",
        "the fares were fair",
        "Lund and Reyes",
        "Ada Lund and Ivo Reyes",
    ),
    (
        "Senators Lund and Reyes said the fares were fair.",
        "the fares were fair",
        "Senators Lund and Reyes",
        "Lund and Reyes",
    ),
    (
        "“We filed on time,” lawyers Ivo Demir and Ada Church wrote.",
        "We filed on time,",
        "lawyers Ivo Demir and Ada Church",
        "Ivo Demir and Ada Church",
    ),
    (
        "Ada Lund spoke first. “We filed on time,” said Ada Lund and fellow attorney Ivo Reyes.",
        "We filed on time,",
        "Ada Lund and fellow attorney Ivo Reyes",
        "Ada Lund and Ivo Reyes",
    ),
    (
        "“We filed on time,” said Lund and Reyes in a statement.",
        "We filed on time,",
        "Lund and Reyes",
        "Lund and Reyes",
    ),
    # One person whose role holds the "and": the name at the end speaks.
    (
        "“We are ready,” said Harbor Emergency Management and Transit Director Ivo Reyes.",
        "We are ready,",
        "Harbor Emergency Management and Transit Director Ivo Reyes",
        "Ivo Reyes",
    ),
    (
        "“We are ready,” said Port Commissioner and former senator Ivo Reyes.",
        "We are ready,",
        "former senator Ivo Reyes",
        "Ivo Reyes",
    ),
    (
        "“We are ready,” said former Health and Human Services Secretary Ivo Reyes.",
        "We are ready,",
        "former Health and Human Services Secretary Ivo Reyes",
        "Ivo Reyes",
    ),
    # No joint speaker: a verb before the "and", or an added clause.
    (
        "The fares rose and spokesman Ivo Reyes said the levy was fair.",
        "the levy was fair",
        "spokesman Ivo Reyes",
        "Ivo Reyes",
    ),
    (
        "“We filed on time,” said Lund and added that the fee was paid.",
        "We filed on time,",
        "Lund",
        "Lund",
    ),
]


@pytest.mark.parametrize(("text", "quote", "mention", "speaker"), JOINT)
def test_joint_speakers(text, quote, mention, speaker):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    rows = q[q["quote"] == quote]
    assert len(rows) == 1, q[["quote", "kind", "speaker"]]
    r = rows.iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == mention
    assert r["speaker"] == speaker
    assert r["speaker_type"] == "person"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Ivo Reyes", True),
        ("fellow attorney Ivo Reyes", True),
        ("his lawyer Ivo Reyes", True),
        ("top Harbor Democrat Ivo Reyes", True),
        ("the fares", False),
        ("some Republicans", False),
        ("attorney", False),
        ("lawyers with the Harbor Firm", False),
    ],
)
def test_name_with_role(phrase, expected):
    assert name_with_role(tokenize(phrase)) is expected
