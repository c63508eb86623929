"""A transcript's turns: a line that opens with a speaker's label in capitals and a colon is
that speaker's words (tests/gold/GUIDELINES.md: "transcript labels ("THE PRESIDENT:") are
`direct` with that name as the mention and no cue"). Invented sentences; each row is
``(text, quote, mention, speaker, speaker_type)``."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.extract import _honorific_label, _not_the_turn

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
    # Initials: the one person the article names with them; else an unnamed speaker.
    (
        "Ada Lund spoke to the pilot Ivo Marsh on Monday.\n\n"
        "AL: Why did the ferries stop in May?\n\nIM: The pier was flooded for a month.",
        "The pier was flooded for a month",
        "IM",
        "Ivo Marsh",
        "person",
    ),
    (
        "The pilot Ivo Marsh spoke on Monday.\n\nQ: Why did the ferries stop in the spring?",
        "Why did the ferries stop in the spring",
        "Q",
        "Q",
        "description",
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


TRANSCRIPT = (
    "The harbor board met on Monday.\n\n"
    "AMY REYES: Welcome back to the show tonight.\n\n"
    "IVO LUND: Thank you for having me on the program.\n\n"
    "The bridge will open in May, and the ferries will run twice an hour.\n\n"
    "[PAUSE]\n\n"
    "We waited for the money for ten years.\n\n"
    "AMY REYES: And the fares?\n\n"
    "IVO LUND: They stay as they are.\n\n"
    "Lund then left the studio.\n\n"
    "AMY REYES: That is all for tonight."
)


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("The bridge will open in May, and the ferries will run twice an hour", "IVO LUND"),
        ("We waited for the money for ten years", "IVO LUND"),
        # The writer's words between turns: they name the speaker; nothing after the last turn.
        ("Lund then left the studio", None),
    ],
)
def test_turn_goes_on_in_the_next_paragraphs(paragraph, speaker):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [TRANSCRIPT]}), progress=False)
    rows = q[q["quote"] == paragraph]
    if speaker is None:
        assert rows.empty
        return
    assert len(rows) == 1
    r = rows.iloc[0]
    assert (r["kind"], r["speaker"]) == ("direct", speaker)
    # Its mention is the label that opened the turn, the nearest one before it; no cue.
    label = TRANSCRIPT.rfind(speaker + ":", 0, r["start"])
    assert (r["speaker_start"], r["speaker_end"]) == (label, label + len(speaker))
    assert pd.isna(r["cue"])


@pytest.mark.parametrize(
    ("paragraph", "ends_the_turn"),
    [
        ("We waited ten years.", False),
        ("Lund then left the studio.", True),  # the speaker named: the writer's words
        ("REPORTER 2: Will it open?", True),  # another label
        ("IVO McLUND: Thank you.", True),
        ("Reyes, welcome. Can you say: why now?", False),
        ("WHITE CAT It is mine.", True),  # a label without its colon
        ("Fares and the bridge", True),  # a heading: no sentence end
    ],
)
def test_not_the_turn(paragraph, ends_the_turn):
    text = paragraph + "\n"
    b = len(paragraph.rstrip(".?!"))
    assert _not_the_turn(text, 0, b, "Lund") is ends_the_turn


def test_stage_direction_is_in_the_turn():
    assert _not_the_turn("[PAUSE]\n", 0, 6, "Lund") is False
