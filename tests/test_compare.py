"""Quote matching and sourcing (analysis/compare/pairs.py): seed gold with the real extractor, and
hand-made quote tables that do not depend on the extractor's accuracy."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from conftest import SEED_A, SEED_B

from analysis.compare.pairs import (
    DEFAULT_QUOTE_SIMILARITY,
    MATCH_COLUMNS,
    SOURCING_COLUMNS,
    agency_credits,
    canonical_speakers,
    diff_text,
    match_quotes,
    quote_similarity,
    quote_stories,
    sourcing,
    word_diff,
)
from analysis.gold import CORPUS, load_pair_gold, pair_curve
from analysis.quotes.extract import ROW_COLUMNS
from analysis.quotes.speaker_table import with_speaker_ids
from analysis.views.findings import sourcing_md


def quote_table(rows: list[dict]) -> pd.DataFrame:
    """A quote table with the extractor's columns, filled from short dicts."""
    full = []
    for k, r in enumerate(rows):
        base = {
            "doc_id": "a.txt",
            "outlet": "A",
            "quote": "",
            "start": 10 * k,
            "end": 10 * k + 5,
            "kind": "direct",
            "speaker": None,
            "speaker_start": None,
            "speaker_end": None,
            "cue": "said",
            "speaker_type": "person",
            "sentence": "",
        }
        full.append(base | r)
    # speaker_id as extract_quotes gives it: over the whole table
    return with_speaker_ids(pd.DataFrame(full, columns=ROW_COLUMNS))


@pytest.fixture(scope="module")
def gold(gold_dir):
    return json.loads((gold_dir / "seed_comparison.json").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------------- gold


def test_gold_quote_pairs_are_matched_from_the_real_extractor(gold, seed_quotes):
    m = match_quotes(seed_quotes)
    assert list(m.columns) == MATCH_COLUMNS
    for pair in gold["quote_pairs"]:
        hit = m[
            (m["quote_a"].str.strip(" ,") == pair["a"].strip(" ,"))
            & (m["quote_b"].str.strip(" ,") == pair["b"].strip(" ,"))
        ]
        assert len(hit) == 1, f"not matched: {pair['speaker']}"
        row = hit.iloc[0]
        assert row["speaker"] == pair["speaker"]
        assert (row["doc_a"], row["doc_b"]) == (SEED_A, SEED_B)
        assert (row["outlet_a"], row["outlet_b"]) == ("JNS", "unknown")
        assert row["similarity"] >= 0.5
    # Nothing else: the other Katz and Erdoğan quotes are different statements.
    assert len(m) == len(gold["quote_pairs"])


def test_gold_names_of_one_person_merge(gold):
    for names in gold["entities_same_person"]:
        q = quote_table(
            [{"doc_id": f"d{k}.txt", "speaker": n, "quote": "x y z"} for k, n in enumerate(names)]
        )
        merged = canonical_speakers(q)
        assert merged.nunique() == 1, names
        assert merged.iloc[0] in names


def test_gold_diff_shows_the_translation_differences(seed_quotes):
    m = match_quotes(seed_quotes).set_index("speaker")
    katz = m.loc["Israel Katz", "diff"]
    assert "[-follows-]{+is following+}" in katz
    assert "[-Just let him-]{+He should+}" in katz
    assert "Erdoğan" in katz and "[-Erdoğan" not in katz  # folded: not a difference
    erdogan = m.loc["Recep Tayyip Erdoğan", "diff"]
    assert "[-like-]{+as+}" in erdogan and "[-might-]{+will+}" in erdogan


def test_seed_sourcing_credits_reuters_and_counts_speaker_types(seed_docs, seed_quotes):
    s = sourcing(seed_docs, seed_quotes)
    assert list(s.columns) == SOURCING_COLUMNS
    assert s["level"].tolist() == ["article", "article", "outlet", "outlet"]
    art = s[s["level"] == "article"].set_index("doc_id")
    for doc in (SEED_A, SEED_B):
        assert art.at[doc, "agencies"] == "Reuters"
        assert art.at[doc, "agency_credits"] == 2  # "Reuters quoted" x2 / "told Reuters" x2
        assert "Israel Katz" in art.at[doc, "named"]
        assert "Recep Tayyip Erdoğan" in art.at[doc, "named"]
        row = art.loc[doc]
        assert row["quotes"] == sum(
            row[t] for t in ("person", "organisation", "description", "anonymous", "unattributed")
        )
        assert row["anonymous"] >= 1  # "anonymous sources" / "sources familiar with the process"
    assert art.at[SEED_A, "organisation"] >= 1  # "the report notes": the body that issued it
    outlets = s[s["level"] == "outlet"]
    assert outlets["doc_id"].isna().all()
    assert outlets["outlet"].tolist() == ["JNS", "unknown"]


# --------------------------------------------------------------------- hand-made tables


def test_match_requires_same_speaker_other_outlet_and_enough_words():
    q = quote_table(
        [
            {
                "doc_id": "a.txt",
                "outlet": "A",
                "speaker": "Ana Díaz",
                "quote": "We will rebuild the bridge before the winter floods arrive",
            },
            {
                "doc_id": "b.txt",
                "outlet": "B",
                "speaker": "Ana Diaz",
                "quote": "we will rebuild the bridge before winter floods come",
            },
            # Same words, other speaker: not the same statement.
            {
                "doc_id": "b.txt",
                "outlet": "B",
                "speaker": "Tom Reed",
                "quote": "We will rebuild the bridge before the winter floods arrive",
            },
            # Same speaker, same outlet as a.txt: not compared.
            {
                "doc_id": "c.txt",
                "outlet": "A",
                "speaker": "Ana Díaz",
                "quote": "We will rebuild the bridge before the winter floods arrive",
            },
            # Anonymous speakers are never matched; scare quotes and two-word quotes neither.
            {
                "doc_id": "a.txt",
                "outlet": "A",
                "speaker": "officials",
                "speaker_type": "anonymous",
                "quote": "The budget for the bridge is exhausted",
            },
            {
                "doc_id": "b.txt",
                "outlet": "B",
                "speaker": "officials",
                "speaker_type": "anonymous",
                "quote": "the budget for the bridge is exhausted",
            },
            {
                "doc_id": "a.txt",
                "outlet": "A",
                "speaker": "Ana Díaz",
                "kind": "scare",
                "quote": "bridge to nowhere plan",
            },
            {
                "doc_id": "b.txt",
                "outlet": "B",
                "speaker": "Ana Diaz",
                "kind": "scare",
                "quote": "bridge to nowhere plan",
            },
            {"doc_id": "a.txt", "outlet": "A", "speaker": "Ana Díaz", "quote": "winter floods"},
            {"doc_id": "b.txt", "outlet": "B", "speaker": "Ana Diaz", "quote": "winter floods"},
        ]
    )
    m = match_quotes(q, stories={"a.txt": 0, "b.txt": 0, "c.txt": 0})
    assert m[["speaker", "doc_a", "doc_b"]].values.tolist() == [
        ["Ana Díaz", "a.txt", "b.txt"],
        ["Ana Díaz", "b.txt", "c.txt"],
    ]
    assert (m["similarity"] > 0.6).all()


def test_match_is_one_to_one_and_respects_threshold():
    q = quote_table(
        [
            {
                "doc_id": "a.txt",
                "outlet": "A",
                "speaker": "Lee Kim",
                "quote": "Taxes on fuel will rise by ten percent in March",
            },
            {
                "doc_id": "a.txt",
                "outlet": "A",
                "speaker": "Lee Kim",
                "quote": "Schools will reopen after the strike ends next week",
            },
            {
                "doc_id": "b.txt",
                "outlet": "B",
                "speaker": "Lee Kim",
                "quote": "fuel taxes will rise ten percent in March",
            },
            {
                "doc_id": "b.txt",
                "outlet": "B",
                "speaker": "Lee Kim",
                "quote": "Fuel taxes rise by ten percent from March on",
            },
        ]
    )
    m = match_quotes(q)
    assert len(m) == 1 and m.iloc[0]["quote_a"].startswith("Taxes on fuel")
    assert match_quotes(q, min_similarity=1.01).empty
    assert match_quotes(q.iloc[:0]).empty


def test_word_diff_and_diff_text():
    assert word_diff("a b c", "a b c") == [("equal", "a b c", "a b c")]
    assert word_diff("He said no", "He said yes") == [
        ("equal", "He said", "He said"),
        ("replace", "no", "yes"),
    ]
    assert diff_text("Erdoğan follows them", "Erdogan is following them") == (
        "Erdoğan [-follows-]{+is following+} them"
    )
    assert diff_text("", "new words") == "{+new words+}"


def test_agency_credits_need_a_crediting_phrase():
    text = (
        "WASHINGTON (Reuters) - The talks failed, officials told the Associated Press. "
        "AP reported the vote. A Reuters building was sold. According to AFP, it rained. "
        "The apple is ripe."
    )
    assert [a for a, _, _ in agency_credits(text)] == [
        "Reuters",
        "Associated Press",
        "Associated Press",
        "AFP",
    ]
    for _, s, e in agency_credits(text):
        assert text[s:e] in ("Reuters", "Associated Press", "AP", "AFP")


@pytest.mark.parametrize(
    ("text", "outlet", "expected"),
    [
        # an outlet's own dateline credits no one else
        (
            "DETROIT (AP) — The plant closed, officials told Reuters.",
            "Associated Press",
            ["Reuters"],
        ),
        ("DETROIT (AP) — The plant closed.", "AP", []),
        ("LONDON (Reuters) - Rates rose.", "Reuters UK", []),
        ("LONDON (Reuters) - Rates rose.", "The Harbor Courier", ["Reuters"]),
        # a picture's credit is no source
        ("The dock at dawn. (AP Photo/Ada Reyes) The plant closed.", None, []),
        ("The dock. (Reuters Photo) Rates rose, according to AFP.", None, ["AFP"]),
    ],
)
def test_agency_credits_leave_out_own_datelines_and_photo_credits(text, outlet, expected):
    assert [a for a, _, _ in agency_credits(text, outlet=outlet)] == expected


def test_sourcing_counts_a_hand_made_table():
    docs = pd.DataFrame(
        {
            "doc_id": ["a.txt", "b.txt", "c.txt"],
            "outlet": ["A", "A", "B"],
            "text": ["Officials told Reuters the plan failed.", "Nothing.", "Nothing either."],
        }
    )
    q = quote_table(
        [
            {"doc_id": "a.txt", "speaker": "Ana Díaz", "kind": "direct"},
            {"doc_id": "a.txt", "speaker": "Ana Diaz", "kind": "indirect"},
            {
                "doc_id": "a.txt",
                "speaker": "officials",
                "speaker_type": "anonymous",
                "kind": "indirect",
            },
            {"doc_id": "a.txt", "speaker": None, "speaker_type": None, "kind": "direct"},
            {"doc_id": "a.txt", "speaker": "Ana Díaz", "kind": "scare"},
            {
                "doc_id": "b.txt",
                "speaker": "City Hall",
                "speaker_type": "organisation",
                "kind": "partial",
            },
        ]
    )
    s = sourcing(docs, q)
    art = s[s["level"] == "article"].set_index("doc_id")
    a = art.loc["a.txt"]
    assert (a["quotes"], a["direct"], a["indirect"], a["partial"]) == (4, 2, 2, 0)
    assert (a["person"], a["anonymous"], a["unattributed"]) == (2, 1, 1)
    assert a["named_sources"] == 1 and a["named"] == "Ana Díaz"
    assert a["anonymous_share"] == pytest.approx(1 / 3, abs=1e-4)
    assert (a["agencies"], a["agency_credits"]) == ("Reuters", 1)
    assert art.loc["c.txt", "quotes"] == 0 and art.loc["c.txt", "anonymous_share"] == 0
    out = s[s["level"] == "outlet"].set_index("outlet")
    assert out.at["A", "n_articles"] == 2 and out.at["A", "quotes"] == 5
    assert out.at["A", "named"] == "Ana Díaz; City Hall" and out.at["A", "named_sources"] == 2
    assert out.at["B", "quotes"] == 0
    lines = sourcing_md(s).splitlines()
    assert lines[1] == "- **B**: 0 quotations, 0 named sources, no attributed quotation"
    assert lines[0].endswith("2 named sources, 25% of attributions anonymous, credits Reuters 1×")


def test_outlet_profile_on_the_seeds(seed_docs, seed_quotes):
    from analysis.compare.align import align_passages, coverage
    from analysis.compare.pairs import PROFILE_COLUMNS, outlet_profile

    al = align_passages(seed_docs)
    p = outlet_profile(seed_docs, al, seed_quotes).set_index("outlet")
    assert list(p.reset_index().columns) == PROFILE_COLUMNS
    assert p.index.tolist() == ["JNS", "unknown"]
    cov = coverage(seed_docs, al).set_index("outlet")
    for outlet in p.index:
        assert p.at[outlet, "n_articles"] == 1 and p.at[outlet, "partners"] == 1
        assert p.at[outlet, "shared_share"] == pytest.approx(cov.at[outlet, "shared_share"])
        assert p.at[outlet, "agency_credits"] == 2
    # JNS's loaded words are mostly its own; the other outlet's are all quoted.
    assert p.at["JNS", "loaded_own_voice"] > 0.8
    assert p.at["unknown", "loaded_own_voice"] == 0
    assert (p["loaded_per_1000"] > 10).all()


# ------------------------------------------------------------------ stories and threshold

SAME = "The new bridge will open to traffic before the winter floods arrive"


def one_quote_per_doc(docs: list[tuple[str, str]], quote: str = SAME) -> pd.DataFrame:
    """The same quote by one speaker in each (doc_id, outlet)."""
    return quote_table(
        [{"doc_id": d, "outlet": o, "speaker": "Ana Diaz", "quote": quote} for d, o in docs]
    )


def pairs_of(m: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(m["doc_a"], m["doc_b"], strict=True))


def test_same_words_in_two_stories_are_not_paired():
    q = one_quote_per_doc([("a.txt", "A"), ("b.txt", "B"), ("c.txt", "C")])
    stories = {"a.txt": 1, "b.txt": 2, "c.txt": 1}
    assert pairs_of(match_quotes(q, stories=stories)) == [("a.txt", "c.txt")]
    # The same labels as a Series by doc_id, as a docs table, or as the quotes' own column.
    series = pd.Series(stories)
    assert pairs_of(match_quotes(q, stories=series)) == [("a.txt", "c.txt")]
    table = pd.DataFrame({"doc_id": list(stories), "story": list(stories.values())})
    assert pairs_of(match_quotes(q, stories=table)) == [("a.txt", "c.txt")]
    own = q.assign(story=q["doc_id"].map(stories))
    assert pairs_of(match_quotes(own)) == [("a.txt", "c.txt")]


def test_articles_without_a_story_label_pair_with_none():
    q = one_quote_per_doc([("a.txt", "A"), ("b.txt", "B"), ("c.txt", "C")])
    assert pairs_of(match_quotes(q, stories={"a.txt": 1, "b.txt": 1})) == [("a.txt", "b.txt")]
    assert quote_stories(q, {"a.txt": 1}).isna().tolist() == [False, True, True]


def test_a_docs_table_with_text_is_grouped_into_stories():
    docs = pd.DataFrame(
        {
            "doc_id": ["a.txt", "b.txt", "c.txt"],
            "date": ["2024-03-01", "2024-03-01", "2024-09-20"],
            "title": ["Riverton bridge opens early", "Riverton bridge opens early", "Zoo"],
            "text": [
                "The Riverton bridge opened to traffic on Friday, mayor Ana Diaz said.",
                "Mayor Ana Diaz opened the Riverton bridge to traffic on Friday.",
                "The city zoo welcomed two penguin chicks, keepers said on Monday.",
            ],
        }
    )
    q = one_quote_per_doc([("a.txt", "A"), ("b.txt", "B"), ("c.txt", "C")])
    assert pairs_of(match_quotes(q, stories=docs)) == [("a.txt", "b.txt")]


def test_without_story_labels_all_articles_pair_and_more_than_two_warn():
    two = one_quote_per_doc([("a.txt", "A"), ("b.txt", "B")])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert pairs_of(match_quotes(two)) == [("a.txt", "b.txt")]
    three = one_quote_per_doc([("a.txt", "A"), ("b.txt", "B"), ("c.txt", "C")])
    with pytest.warns(UserWarning, match=r"^match_quotes: no story labels, so quotes of all 3"):
        assert len(match_quotes(three)) == 3


def test_pairs_carry_the_quotes_offsets():
    m = match_quotes(one_quote_per_doc([("a.txt", "A"), ("b.txt", "B")]))
    assert m[["start_a", "end_a", "start_b", "end_b"]].values.tolist() == [[0, 5, 10, 15]]
    assert list(m.columns) == MATCH_COLUMNS


# (quote in one article, quote in the other, paired at the default threshold)
THRESHOLD_CASES = [
    (SAME, SAME, True),
    # One outlet trims the quote: the shorter one is wholly in the longer.
    (SAME, "the new bridge will open to traffic before the winter floods", True),
    # One outlet reports it as indirect speech.
    (SAME, "the bridge would open to traffic before winter floods arrive", True),
    # Another sentence of the same speech, same topic: not the same statement.
    (SAME, "Traffic on the old bridge will be diverted to the ring road in March", False),
    (SAME, "Winter floods closed the old bridge for three weeks last year", False),
    # Sharing half the content words (from 0.5, the old default) is not enough either.
    (SAME, "Before the floods arrive we will close the riverside road to traffic", False),
    (SAME, "The new bridge will carry traffic across the river", False),
]


@pytest.mark.parametrize(("a", "b", "paired"), THRESHOLD_CASES)
def test_default_threshold_is_respected(a, b, paired):
    q = quote_table(
        [
            {"doc_id": "a.txt", "outlet": "A", "speaker": "Ana Diaz", "quote": a},
            {"doc_id": "b.txt", "outlet": "B", "speaker": "Ana Diaz", "quote": b},
        ]
    )
    m = match_quotes(q)
    assert (len(m) == 1) is paired
    assert (quote_similarity(a, b) >= DEFAULT_QUOTE_SIMILARITY) is paired
    # A threshold just above the pair's similarity (rounded to 4 places) drops it; one just
    # below keeps it.
    sim = quote_similarity(a, b)
    assert match_quotes(q, min_similarity=sim + 0.001).empty
    assert len(match_quotes(q, min_similarity=sim - 0.001)) == (1 if sim > 0 else 0)


def test_pair_curve_weights_each_pair_by_its_band():
    sim = pd.Series([0.9, 0.6, 0.6])
    label = pd.Series([1, 1, 0])
    curve = pair_curve(sim, label, pd.Series([1.0, 1.0, 3.0]), thresholds=(0.5, 0.8))
    assert curve["precision"].tolist() == pytest.approx([2 / 5, 1.0])
    assert curve["recall"].tolist() == pytest.approx([1.0, 1 / 2])
    assert curve["predicted"].tolist() == [3, 1]


@pytest.mark.skipif(not CORPUS.exists(), reason=f"the shared corpus is not at {CORPUS}")
def test_labelled_pairs_reach_precision_095_at_the_default():
    g = load_pair_gold("dev")
    sim = pd.Series(
        [quote_similarity(a, b) for a, b in zip(g["quote_a"], g["quote_b"], strict=True)]
    )
    curve = pair_curve(
        sim, g["same_statement"], g["weight"], thresholds=(DEFAULT_QUOTE_SIMILARITY,)
    )
    assert curve["precision"].iloc[0] >= 0.95
    assert curve["recall"].iloc[0] >= 0.65
