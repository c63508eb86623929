"""Lines an outlet repeats in its articles (analysis/corpus/boilerplate.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.boilerplate import (
    boilerplate_lines,
    gallery_captions,
    link_cards,
    without_boilerplate,
    without_link_cards,
)

FURNITURE = "Sign up for the Harbor Gazette daily briefing"


def _docs(texts_by_outlet: dict[str, list[str]], **extra) -> pd.DataFrame:
    rows = [(o, t) for o, texts in texts_by_outlet.items() for t in texts]
    docs = pd.DataFrame(rows, columns=["outlet", "text"])
    docs["n_words"] = docs["text"].str.split().str.len()
    return docs.assign(**extra)


@pytest.mark.parametrize(
    ("texts", "furniture"),
    [
        # In three articles of one outlet: furniture, whatever the spacing.
        (
            [f"Ada Lund spoke.\n{FURNITURE}", f"{FURNITURE}  \nA vote.", f"Rain.\n {FURNITURE}"],
            True,
        ),
        # In two: it may be a paragraph two follow-ups share.
        ([f"Ada Lund spoke.\n{FURNITURE}", f"{FURNITURE}\nA vote.", "Rain."], False),
        # Inside a longer line: part of the story, not a line of its own.
        ([f"Ada Lund spoke. {FURNITURE}", f"{FURNITURE}\nA vote.", f"Rain.\n{FURNITURE}"], False),
        # Punctuation alone is no line worth listing.
        (["A.\n***", "B.\n***", "C.\n***"], None),
    ],
)
def test_a_line_is_furniture_when_one_outlet_repeats_it(texts, furniture):
    table = boilerplate_lines(_docs({"Harbor Gazette": texts}))
    assert list(table.columns) == ["outlet", "line", "articles"]
    if furniture is None:
        assert table.empty
    else:
        assert (FURNITURE in set(table["line"])) is furniture


def test_other_outlets_and_near_duplicates_do_not_count():
    texts = {"Harbor Gazette": [f"A.\n{FURNITURE}"] * 2, "Valley Post": [f"B.\n{FURNITURE}"]}
    assert boilerplate_lines(_docs(texts)).empty  # three articles, but of two outlets
    docs = _docs({"Harbor Gazette": [f"A.\n{FURNITURE}", f"B.\n{FURNITURE}", f"B.\n{FURNITURE}"]})
    docs["near_duplicate_of"] = [None, None, 1]  # the third republishes the second
    assert boilerplate_lines(docs).empty


def test_blanking_keeps_offsets_and_recounts_words():
    texts = [f"Ada Lund spoke.\n{FURNITURE}\nShe left.", f"{FURNITURE}\nA vote.", FURNITURE]
    docs = _docs({"Harbor Gazette": texts})
    out = without_boilerplate(docs)
    assert list(out["text"].str.len()) == list(docs["text"].str.len())
    assert out["text"][0] == "Ada Lund spoke.\n" + " " * len(FURNITURE) + "\nShe left."
    assert list(out["n_words"]) == [5, 2, 0]
    assert docs["text"][0].count(FURNITURE) == 1  # the input is not changed


def test_link_cards_are_blanked_with_the_boilerplate():
    card = "Ada Lund Adaline (Ada) Marie LundFares rise MORE"
    docs = _docs({"Harbor Gazette": [f"Sen. {card} (D-Ore.) spoke.", "A vote."]})
    out = without_boilerplate(docs)
    assert " ".join(out["text"][0].split()) == "Sen. Ada Lund (D-Ore.) spoke."
    assert list(out["n_words"]) == [5, 2]


def test_min_articles_is_checked():
    with pytest.raises(ValueError, match="at least 2"):
        boilerplate_lines(_docs({"Harbor Gazette": ["A."]}), min_articles=1)


# (text, what stays of it once its link cards are blanked, spaces collapsed)
LINK_CARD_CASES = [
    # The full name glued to the first headline; the name the sentence gives stays.
    (
        "Sen. Ada Lund Adaline (Ada) Marie LundLund says fares 'too high' Harbor board meets "
        "MORE (D-Ore.) said the fares rise.",
        "Sen. Ada Lund (D-Ore.) said the fares rise.",
    ),
    # The display name's first word repeats in the full name: the surname is the last word.
    (
        "Speaker Ivo Reyes Ivo Paul Reyes Retirees should say 'no thanks' to the levy MORE said.",
        "Speaker Ivo Reyes said.",
    ),
    # A headline glued to the surname by a digit; "MORE" with a possessive.
    (
        "Reps. Ivo Lund Ivo (Ive) Ada Lund2019 in Photos: 35 pictures MORE’s plan and Ada Reyes",
        "Reps. Ivo Lund ’s plan and Ada Reyes",
    ),
    # Two cards in one sentence.
    (
        "Ada Lund Ada Marie LundFares rise MORE and Ivo Reyes Ivo Paul ReyesBoard meets MORE met.",
        "Ada Lund and Ivo Reyes met.",
    ),
    # A name said twice and a shouted "MORE" make no card without a full name between them.
    ("Lund said Lund would win, and even MORE people came.", None),
    ("Reminder: LOTS of people came but even MORE wanted to.", None),
    # A card's headlines stay on one line.
    ("Ada Lund Ada Marie Lund\nFares rise MORE people came.", None),
    # "MORE" must stand alone.
    ("Ada Lund Ada Marie LundFares rise MORE-OR-LESS.", None),
]


@pytest.mark.parametrize(("text", "kept"), LINK_CARD_CASES)
def test_link_cards_are_blanked_and_the_sentence_kept(text, kept):
    blanked = without_link_cards(text)
    assert len(blanked) == len(text)
    if kept is None:
        assert link_cards(text) == []
        assert blanked == text
    else:
        assert " ".join(blanked.split()) == kept
        for start, end in link_cards(text):
            assert "MORE" in text[start:end]


@pytest.mark.parametrize(
    ("text", "captions"),
    [
        # Each photo: from the gallery title to its counter.
        (
            "Photos: Harbor floods Harbor floods – A boat drifts by. Hide Caption 1 of 2 "
            "Photos: Harbor floods Harbor floods – Water fills a street. Hide Caption 2 of 2",
            [
                "Photos: Harbor floods Harbor floods – A boat drifts by. Hide Caption 1 of 2",
                "Photos: Harbor floods Harbor floods – Water fills a street. Hide Caption 2 of 2",
            ],
        ),
        # A counter with no title before it: the counter alone, the sentence kept.
        ("Click through for the mayors: Hide Caption 1 of 8", ["Hide Caption 1 of 8"]),
        # A title on another line is no part of the caption.
        ("Photos: see below\nThe pier closed. Hide Caption 4 of 9", ["Hide Caption 4 of 9"]),
        # A sentence about captions is none.
        ("The museum will hide captions on 3 of its 40 photos.", []),
    ],
)
def test_gallery_captions(text, captions):
    assert [text[s:e] for s, e in gallery_captions(text)] == captions


def test_gallery_captions_are_blanked_with_the_boilerplate():
    text = "The pier closed.\n\nPhotos: Pier Pier – A gull. Hide Caption 1 of 1\n\nIt reopens."
    out = without_boilerplate(_docs({"Harbor Gazette": [text]}))
    assert out["text"].iloc[0].split() == ["The", "pier", "closed.", "It", "reopens."]
    assert len(out["text"].iloc[0]) == len(text)
