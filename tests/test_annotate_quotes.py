"""The annotation tool places a text-form row's spans: the quotation, and the mention and cue
nearest it and each other (bench/annotate_quotes.py)."""

import hashlib

import pytest

from bench.annotate_quotes import place

TEXT = (
    "Reyes said the fares would rise. “The pier is closed,” he said. Then he left, and "
    "the board met. “We will reopen,” the chair said."
)


def row(**kw):
    base = {"id": "r1", "kind": "direct", "speaker": "Ivo Reyes", "speaker_type": "person"}
    return base | kw


@pytest.mark.parametrize(
    ("r", "mention", "cue"),
    [
        # "he" inside "the" or "Then" is no mention; the pair after the quotation is nearest
        (row(quote="The pier is closed,", speaker_mention="he", cue="said"), "he", "said"),
        (
            row(quote="the fares would rise", kind="indirect", speaker_mention="Reyes", cue="said"),
            "Reyes",
            "said",
        ),
        (
            row(
                quote="We will reopen,",
                speaker_mention="the chair",
                cue="said",
                speaker="the chair",
                speaker_type="description",
            ),
            "the chair",
            "said",
        ),
    ],
)
def test_place_finds_the_frame_beside_the_quotation(r, mention, cue):
    out = place(r, TEXT)
    q = TEXT[out["quote_start"] : out["quote_end"]]
    assert q == r["quote"]
    assert out["quote_sha1"] == hashlib.sha1(q.encode()).hexdigest()
    m = TEXT[out["speaker_start"] : out["speaker_end"]]
    c = TEXT[out["cue_start"] : out["cue_end"]]
    assert (m, c) == (mention, cue)
    # the cue is the one right after the mention, not the first "said" of the text
    assert out["cue_start"] > out["speaker_start"]


def test_place_refuses_what_it_cannot_place():
    with pytest.raises(ValueError, match="not found"):
        place(row(quote="The ferry is late."), TEXT)
    with pytest.raises(ValueError, match="occurrence"):
        place(row(quote="said"), TEXT)
    with pytest.raises(ValueError, match="mention not found"):
        place(row(quote="The pier is closed,", speaker_mention="Lund"), TEXT)
