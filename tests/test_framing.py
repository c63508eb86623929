"""Framing (analysis/compare/framing.py): the lexicon file, its hits, and keyness within aligned
text."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SEED_A, SEED_B

from analysis.compare.align import align_passages
from analysis.compare.framing import (
    FRAMING_COLUMNS,
    HIT_COLUMNS,
    aligned_wording,
    framing,
    lexicon_hits,
    lexicon_path,
    load_lexicon,
)


@pytest.fixture(scope="module")
def seed_alignment(seed_docs):
    return align_passages(seed_docs, a=SEED_A, b=SEED_B)


def test_shipped_lexicon_is_package_data_with_the_issue_terms():
    assert lexicon_path().name == "loaded_language.csv" and lexicon_path().exists()
    lex = load_lexicon()
    assert list(lex.columns) == ["term", "category", "note"]
    for term in ("falsely", "terrorist", "massacre", "genocide", "butcher"):
        assert term in set(lex["term"])
    assert lex["term"].is_monotonic_increasing and not lex["term"].duplicated().any()
    assert (lex["category"] != "").all() and (lex["note"] != "").all()


def test_an_edited_lexicon_is_validated(tmp_path):
    good = tmp_path / "mine.csv"
    good.write_text("term,category,note\nRiot ,label, mine\n", encoding="utf-8")
    assert load_lexicon(good).to_dict("records") == [
        {"term": "riot", "category": "label", "note": "mine"}
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("word,category\nriot,label\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv.*missing"):
        load_lexicon(bad)
    dup = tmp_path / "dup.csv"
    dup.write_text("term,category,note\nriot,a,b\nRIOT,a,b\n", encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        load_lexicon(dup)


def test_hits_match_inflections_of_base_forms_only_and_prefer_the_longest():
    lex = pd.DataFrame(
        {
            "term": ["massacre", "claimed", "axis of evil", "evil"],
            "category": ["v", "d", "m", "m"],
            "note": ["", "", "", ""],
        }
    )
    text = (
        'He claimed "massacres" happened. Their claims differ. '
        "The axis of evil is evil. A massacre."
    )
    docs = pd.DataFrame({"doc_id": ["x"], "outlet": ["O"], "text": [text]})
    hits = lexicon_hits(docs, lex)
    assert list(hits.columns) == HIT_COLUMNS
    assert hits[["term", "match", "in_quote"]].values.tolist() == [
        ["claimed", "claimed", False],
        ["massacre", "massacres", True],
        ["axis of evil", "axis of evil", False],
        ["evil", "evil", False],
        ["massacre", "massacre", False],
    ]
    assert all(
        text[s:e] == m for s, e, m in zip(hits["start"], hits["end"], hits["match"], strict=True)
    )


def test_lexicon_hits_in_an_embedded_post_are_the_posters_words():
    lex = pd.DataFrame({"term": ["massacre"], "category": ["v"], "note": [""]})
    text = (
        "The council met on Monday.\n"
        "This was a massacre of the budget pic.twitter.com/abc123 "
        "\u2014 Ada Reyes (@adareyes) May 2, 2019\n"
        "Critics called the vote a massacre."
    )
    docs = pd.DataFrame({"doc_id": ["x"], "outlet": ["O"], "text": [text]})
    assert lexicon_hits(docs, lex)["in_quote"].tolist() == [True, False]


def test_seed_loaded_language_separates_the_outlets_voice_from_quotes(seed_docs):
    f = framing(seed_docs, alignment=align_passages(seed_docs, a=SEED_A, b=SEED_B))
    assert list(f.columns) == ["outlet", *FRAMING_COLUMNS]
    loaded = f[f["kind"] == "loaded"].set_index(["outlet", "term"])
    # JNS says "falsely", "terrorist", "genocide" in its own voice...
    for term in ("falsely", "terrorist", "genocide"):
        assert loaded.loc[("JNS", term), "count"] == 1
        assert loaded.loc[("JNS", term), "in_quotes"] == 0
    # ...the other article's loaded words are all inside quotation marks.
    other = loaded.loc["unknown"]
    assert {"butcher", "massacre", "murderer", "rapist"} <= set(other.index)
    assert (other["in_quotes"] == other["count"]).all()
    # "massacre" is in both: each row counts the other group as reference.
    assert loaded.loc[("JNS", "massacre"), "ref_count"] == 1
    assert "falsely claimed" in loaded.loc[("JNS", "falsely"), "example"]


def test_aligned_wording_is_keyness_within_shared_passages(seed_docs, seed_alignment):
    kn = aligned_wording(seed_docs, seed_alignment)
    jns = kn[(kn["outlet"] == "JNS") & (kn["ref_count"] == 0) & (kn["count"] > 0)]
    other = kn[(kn["outlet"] == "unknown") & (kn["ref_count"] == 0) & (kn["count"] > 0)]
    # Same facts, different words: JNS "anonymous sources", the other "vetoed", "engagement".
    assert "anonymous" in set(jns["term"])
    assert {"veto", "engagement"} <= set(other["term"])
    # Words of passages that are not aligned never count ("butcher" is only in a unique one).
    assert "butcher" not in set(kn["term"])
    f = framing(seed_docs, alignment=seed_alignment, top=5)
    aligned = f[f["kind"] == "aligned"]
    assert aligned.groupby("outlet").size().max() <= 5
    assert (aligned["ref_count"] == 0).all() and (aligned["score"] > 0).all()
    for r in aligned.itertuples():
        assert r.example in set(seed_alignment["passage_a"]) | set(seed_alignment["passage_b"])


def test_framing_is_deterministic_and_needs_two_groups_for_keyness(seed_docs, seed_alignment):
    a = framing(seed_docs, alignment=seed_alignment)
    b = framing(seed_docs.iloc[::-1].reset_index(drop=True), alignment=seed_alignment)
    pd.testing.assert_frame_equal(a, b)
    one = framing(seed_docs.assign(outlet="JNS"), alignment=seed_alignment)
    assert set(one["kind"]) == {"loaded"}


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # The outlet's own word counts.
        ("The harbor board called the raid a terrorist attack.", ["terrorist"]),
        # A link card's headline is another article's wording.
        (
            "Sen. Ada Lund Adaline (Ada) Marie LundLund slams terrorists in harbor row Harbor "
            "board meets MORE said the fares were too high.",
            [],
        ),
        # So is a photo gallery's caption.
        ("Photos: Pier Pier – Terrorists fled the pier. Hide Caption 1 of 2 The board met.", []),
    ],
)
def test_lexicon_hits_leave_out_page_furniture_in_lines(text, terms):
    hits = lexicon_hits(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert hits["term"].tolist() == terms
