"""Passage alignment (analysis/compare/align.py) against the seed gold, unrelated text and edge
cases."""

from __future__ import annotations

import gzip
import json
import math
from itertools import islice
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import SEED_A, SEED_B
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from analysis.compare.align import (
    ALIGN_COLUMNS,
    STEM_MATCH,
    UNIQUE_COLUMNS,
    _matches,
    _prepare,
    align_passages,
    between_anchors,
    clause_spans,
    clause_specificity,
    closest_pair,
    compared_pairs,
    content_lemmas,
    coverage,
    grow_along_diagonals,
    in_order_chain,
    lemma_matches,
    mutual_best,
    sentence_pairs,
    unique_passages,
)
from analysis.core.weights import zipf_en

# Invented local news that shares no event with the seeds (a few common words on purpose:
# "said", "week", "council", "members").
UNRELATED = (
    "The city council voted on Tuesday to extend the opening hours of the public library, "
    "the mayor's office said.\n\n"
    "Members of the council said the change would cost about 40,000 dollars a year. The "
    "library will now close at nine in the evening on weekdays.\n\n"
    '"Students asked us for quiet places to work," said librarian Anna Berg. Parents\' groups '
    "had collected signatures for two months.\n\n"
    "Last week the council also approved new bicycle lanes along the river."
)
# Far-from-seed topics of the multi-outlet corpus (the seeds are Middle East and NATO news).
NEAR_SEED_TOPICS = {
    "middle_east",
    "israel",
    "palestine",
    "terrorism",
    "world",
    "foreign_policy",
    "isis",
    "national_security",
    "us_military",
    "defense",
    "national_defense",
    "europe",
    "russia",
    "state_department",
    "nuclear_weapons",
    "asia",
    "africa",
    "mexico",
    "china",
    "north_korea",
    "great_britain",
    "south_korea",
    "cia",
    "homeland_security",
    "trade",
}


def locate(text: str, phrase: str) -> tuple[int, int]:
    """Offsets of ``phrase`` in ``text``: exact when it is there, else the best fuzzy window."""
    i = text.find(phrase)
    if i >= 0:
        return i, i + len(phrase)
    al = fuzz.partial_ratio_alignment(phrase, text)
    assert al.score >= 60, f"gold phrase not found: {phrase!r}"
    return al.dest_start, al.dest_end


def overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    return max(0, min(e1, e2) - max(s1, s2))


@pytest.fixture(scope="module")
def gold(gold_dir):
    return json.loads((gold_dir / "seed_comparison.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_alignment(seed_docs):
    return align_passages(seed_docs, a=SEED_A, b=SEED_B)


def text_of(docs: pd.DataFrame, doc_id: str) -> str:
    return docs.loc[docs["doc_id"] == doc_id, "text"].iloc[0]


# ----------------------------------------------------------------------------------- gold


def test_every_gold_shared_passage_is_aligned_to_its_partner(gold, seed_docs, seed_alignment):
    assert gold["docs"] == {"a": SEED_A, "b": SEED_B}
    ta, tb = text_of(seed_docs, SEED_A), text_of(seed_docs, SEED_B)
    used = set()
    for pair in gold["shared"]:
        sa, ea = locate(ta, pair["a"])
        sb, eb = locate(tb, pair["b"])
        hits = [
            k
            for k, r in seed_alignment.iterrows()
            if overlap(r.start_a, r.end_a, sa, ea) >= 0.5 * (ea - sa)
            and overlap(r.start_b, r.end_b, sb, eb) >= 0.5 * (eb - sb)
        ]
        assert hits, f"not aligned: {pair}"
        assert not used & set(hits), f"one row serves two gold pairs: {pair}"
        used.update(hits[:1])


def test_gold_only_in_facts_are_unique_and_unaligned(gold, seed_docs, seed_alignment):
    unique = unique_passages(seed_docs, seed_alignment)
    for side, doc in (("a", SEED_A), ("b", SEED_B)):
        text = text_of(seed_docs, doc)
        mine = unique[unique["doc_id"] == doc]
        starts = seed_alignment[f"start_{side}"]
        ends = seed_alignment[f"end_{side}"]
        for fact in gold["only_in"][side]:
            s, e = locate(text, fact)
            covered = sum(
                overlap(a, b, s, e) for a, b in zip(mine["start"], mine["end"], strict=True)
            )
            assert covered >= 0.8 * (e - s), f"not reported as unique: {fact!r}"
            shared = sum(overlap(a, b, s, e) for a, b in zip(starts, ends, strict=True))
            assert shared < 0.2 * (e - s), f"aligned although only one article has it: {fact!r}"


def test_gold_outlets_match_the_loaded_corpus(gold, seed_docs, seed_alignment):
    outlet = dict(zip(seed_docs["doc_id"], seed_docs["outlet"], strict=True))
    for doc_id, expected in gold["outlets"].items():
        assert outlet[doc_id] == (expected or "unknown")
    assert set(seed_alignment["outlet_a"]) == {outlet[SEED_A]}


# -------------------------------------------------------------------------- behaviour


def test_no_two_rows_pair_one_stretch_and_offsets_index_the_text(seed_docs, seed_alignment):
    al = seed_alignment
    assert list(al.columns) == ALIGN_COLUMNS
    assert len(al) >= 5
    rows = list(al.itertuples())
    for x, r in enumerate(rows):
        for q in rows[x + 1 :]:
            both = overlap(r.start_a, r.end_a, q.start_a, q.end_a) and overlap(
                r.start_b, r.end_b, q.start_b, q.end_b
            )
            assert not both, "two rows pair overlapping passages on both sides"
    ta, tb = text_of(seed_docs, SEED_A), text_of(seed_docs, SEED_B)
    for side, text in (("a", ta), ("b", tb)):
        for r in al.itertuples():
            assert (
                getattr(r, f"passage_{side}")
                == text[getattr(r, f"start_{side}") : getattr(r, f"end_{side}")]
            )
    assert al["similarity"].between(0.4, 1).all()
    assert (al["outlet_a"] == "JNS").all() and (al["outlet_b"] == "unknown").all()
    assert al.equals(al.sort_values(["doc_a", "doc_b", "start_a", "start_b"]))


def test_same_input_same_rows(seed_docs, seed_alignment):
    again = align_passages(seed_docs.iloc[::-1].reset_index(drop=True), a=SEED_A, b=SEED_B)
    pd.testing.assert_frame_equal(again, seed_alignment)


def test_raising_the_threshold_only_removes_rows(seed_docs, seed_alignment):
    strict = align_passages(seed_docs, a=SEED_A, b=SEED_B, min_similarity=0.7)
    assert 0 < len(strict) < len(seed_alignment)
    assert (strict["similarity"] >= 0.7).all()
    assert align_passages(seed_docs, a=SEED_A, b=SEED_B, min_similarity=1.01).empty


def test_all_pairs_mode_finds_the_seed_story(seed_docs, seed_alignment):
    assert compared_pairs(seed_docs) == [(SEED_A, SEED_B)]
    al = align_passages(seed_docs)
    pd.testing.assert_frame_equal(al, seed_alignment)
    assert al.attrs["pairs"] == [(SEED_A, SEED_B)]


def test_same_outlet_pairs_are_not_compared(seed_docs):
    both_jns = seed_docs.assign(outlet="JNS")
    assert compared_pairs(both_jns) == []
    assert align_passages(both_jns).empty
    # ...unless asked for explicitly.
    assert len(align_passages(both_jns, a=SEED_A, b=SEED_B)) >= 5


def test_works_without_outlet_column(seed_docs):
    bare = seed_docs[["doc_id", "text"]]
    al = align_passages(bare, a=SEED_A, b=SEED_B)
    assert len(al) >= 5 and set(al["outlet_a"]) == {"unknown"}


def test_unknown_doc_id_is_a_clear_error(seed_docs):
    with pytest.raises(KeyError, match="nope"):
        align_passages(seed_docs, a=SEED_A, b="nope")
    with pytest.raises(ValueError, match="doc_id"):
        align_passages(pd.concat([seed_docs, seed_docs]), a=SEED_A, b=SEED_B)


def test_unrelated_text_aligns_to_nothing(seed_docs):
    docs = pd.concat(
        [
            seed_docs,
            pd.DataFrame({"doc_id": ["library.txt"], "outlet": ["Local"], "text": [UNRELATED]}),
        ],
        ignore_index=True,
    )
    for seed in (SEED_A, SEED_B):
        al = align_passages(docs, a=seed, b="library.txt")
        assert al.empty
        unique = unique_passages(docs, al)
        # Everything is unique, both ways: the passages cover (nearly) every word.
        for doc in (seed, "library.txt"):
            mine = unique[unique["doc_id"] == doc]
            assert mine["n_words"].sum() >= 0.9 * len(text_of(docs, doc).split())


def test_a_text_aligns_fully_with_itself_under_another_outlet(seed_docs):
    twin = seed_docs.iloc[[0]].assign(doc_id="twin.txt", outlet="Mirror")
    docs = pd.concat([seed_docs, twin], ignore_index=True)
    al = align_passages(docs, a=SEED_A, b="twin.txt")
    assert (al["passage_a"] == al["passage_b"]).all()
    assert (al["similarity"] > 0.99).all()
    assert unique_passages(docs, al).empty


def test_seeds_align_to_nothing_in_unrelated_news(seed_docs, multi_outlet_corpus):
    rows = []
    with gzip.open(multi_outlet_corpus, "rt", encoding="utf-8") as f:
        for line in islice(f, 3000):
            r = json.loads(line)
            if r["topic"] not in NEAR_SEED_TOPICS and r.get("content_original"):
                rows.append(
                    {"doc_id": r["ID"], "outlet": r["source"], "text": r["content_original"]}
                )
            if len(rows) == 300:
                break
    docs = pd.concat(
        [seed_docs[["doc_id", "outlet", "text"]], pd.DataFrame(rows)], ignore_index=True
    )
    pairs = [(s, r["doc_id"]) for s in (SEED_A, SEED_B) for r in rows]
    al = align_passages(docs, pairs=pairs)
    assert al.attrs["pairs"] == pairs
    assert al.empty, al[["doc_b", "passage_a", "passage_b"]].head().to_string()


# ------------------------------------------------------------------------- units, unique


def test_clause_spans_cut_at_punctuation_and_keep_short_pieces_attached():
    text = (
        'Earlier this week, Erdogan threatened to invade Israel, saying, "We must be '
        'strong." In response, Minister Katz wrote on X.'
    )
    pieces = [text[s:e] for s, e, _ in clause_spans(text)]
    assert pieces == [
        "Earlier this week, Erdogan threatened to invade Israel,",
        'saying, "We must be strong."',
        "In response, Minister Katz wrote on X.",
    ]
    assert [k for _, _, k in clause_spans(text)] == [0, 0, 1]
    assert clause_spans("") == []


def test_unique_passages_columns_and_order(seed_docs, seed_alignment):
    u = unique_passages(seed_docs, seed_alignment)
    assert list(u.columns) == UNIQUE_COLUMNS
    assert list(u["doc_id"].unique()) == [SEED_A, SEED_B]
    for doc, g in u.groupby("doc_id"):
        assert g["start"].is_monotonic_increasing
        text = text_of(seed_docs, doc)
        assert all(
            text[s:e] == p for s, e, p in zip(g["start"], g["end"], g["passage"], strict=True)
        )
    assert (u.loc[u["doc_id"] == SEED_A, "other_doc"] == SEED_B).all()


def test_a_repeated_fact_is_not_unique(seed_docs, seed_alignment):
    # JNS says twice that Reuters' sources report the block; both mentions have a partner in
    # the other article, so neither is "only in JNS".
    u = unique_passages(seed_docs, seed_alignment)
    assert not u["passage"].str.contains("blocking NATO-Israel cooperation").any()


def test_coverage_counts_shared_words_once(seed_docs, seed_alignment):
    cov = coverage(seed_docs, seed_alignment)
    assert cov["doc_id"].tolist() == [SEED_A, SEED_B]
    assert (cov["partners"] == 1).all()
    for r in cov.itertuples():
        side = "a" if r.doc_id == SEED_A else "b"
        # A sentence may pair with two (sentence_pairs): count each passage once.
        passages = seed_alignment.drop_duplicates([f"start_{side}", f"end_{side}"])
        words = sum(len(p.split()) for p in passages[f"passage_{side}"])
        assert abs(r.shared_words - words) <= 3  # WORD_RE vs split on dashes and "&"
        assert 0.2 < r.shared_share < 0.8
    # Aligning the same pair twice (as two pairs) must not count its words twice.
    twice = pd.concat([seed_alignment, seed_alignment], ignore_index=True)
    twice.attrs["pairs"] = seed_alignment.attrs["pairs"]
    pd.testing.assert_frame_equal(coverage(seed_docs, twice), cov)
    none = align_passages(seed_docs, a=SEED_A, b=SEED_B, min_similarity=1.01)
    assert (coverage(seed_docs, none)["shared_words"] == 0).all()


def test_missing_and_empty_texts_align_to_nothing(seed_docs):
    docs = pd.concat(
        [
            seed_docs[["doc_id", "outlet", "text"]],
            pd.DataFrame(
                {"doc_id": ["empty.txt", "missing.txt"], "outlet": ["E", "M"], "text": ["", None]}
            ),
        ],
        ignore_index=True,
    )
    for other in ("empty.txt", "missing.txt"):
        al = align_passages(docs, a=SEED_A, b=other)
        assert al.empty
        u = unique_passages(docs, al)
        assert set(u["doc_id"]) == {SEED_A}
    assert coverage(docs, align_passages(docs, a="empty.txt", b="missing.txt"))[
        "n_words"
    ].tolist() == [0, 0]


# ---------------------------------------------------------------------------------- fuzzing

WORDS = st.sampled_from(
    [
        "Turkey",
        "NATO",
        "Israel",
        "blocked",
        "cooperation",
        "said",
        "the",
        "sources",
        "Erdoğan",
        "Erdogan",
        "threatened",
        "Gaza",
        "war",
        "of",
    ]
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=12).map(lambda w: " ".join(w) + ".")
ARTICLE = st.lists(st.one_of(SENTENCE, st.text(max_size=40)), max_size=8).map(
    lambda parts: "\n\n".join(parts)
)


@settings(max_examples=40, deadline=None)
@given(ARTICLE, ARTICLE)
def test_align_passages_fuzz_never_raises_and_offsets_slice(text_a, text_b):
    docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"], "text": [text_a, text_b]})
    alignment = align_passages(docs, a="a", b="b")
    for r in alignment.itertuples():
        assert text_a[r.start_a : r.end_a] == r.passage_a
        assert text_b[r.start_b : r.end_b] == r.passage_b
    for r in unique_passages(docs, alignment).itertuples():
        assert docs.set_index("doc_id").loc[r.doc_id, "text"][r.start : r.end] == r.passage


def test_zipf_en_is_wordfreqs_zipf_frequency_for_every_english_word():
    """The shortcut for plain words gives wordfreq's own figure, bit for bit, for each of the
    ~320k words of wordfreq's English list (known words, rounded as wordfreq rounds them) and
    for words it routes to wordfreq (capitals, digits, apostrophes, accents)."""
    import wordfreq

    words = list(wordfreq.get_frequency_dict("en"))
    words += ["Karabakh", "U.S.", "2016", "don't", "café", "e-mail", "", "said", "qzxjv"]
    differ = [w for w in words if zipf_en(w) != wordfreq.zipf_frequency(w, "en")]
    assert differ == []
    assert zipf_en("the") > zipf_en("said") > zipf_en("karabakh") > zipf_en("qzxjv") == 0.0


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzA'1é ", max_size=14))
@settings(max_examples=300, deadline=None)
def test_zipf_en_equals_wordfreq_on_any_string(word: str) -> None:
    import wordfreq

    assert zipf_en(word) == wordfreq.zipf_frequency(word, "en")


# ------------------------------------------------------------------------ repetitive articles


def _chain_by_definition(score, ok):
    """The best in-order chain straight from its definition: for each allowed cell in reading
    order, the best chain ending there extends the best (first on ties) earlier cell above and
    to its left."""
    cells = sorted(zip(*np.nonzero(ok), strict=True))
    best: list[float] = []
    prev: list[int] = []
    for p, (i, j) in enumerate(cells):
        earlier = [q for q in range(p) if cells[q][0] < i and cells[q][1] < j]
        q = max(earlier, key=lambda q: (best[q], -q)) if earlier else -1
        best.append(score[i, j] + (best[q] if q >= 0 else 0.0))
        prev.append(q)
    if not cells:
        return []
    p = max(range(len(cells)), key=lambda p: (best[p], -p))
    chain = []
    while p >= 0:
        chain.append((int(cells[p][0]), int(cells[p][1])))
        p = prev[p]
    return chain[::-1]


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9), st.integers(0, 2**32 - 1), st.booleans())
def test_in_order_chain_is_the_best_chain_by_definition(n, m, seed, coarse):
    rng = np.random.default_rng(seed)
    # Coarse scores make many ties, which must go to the earlier cell.
    score = rng.integers(0, 3, (n, m)) / 2.0 if coarse else rng.random((n, m))
    ok = rng.random((n, m)) < rng.random()
    assert in_order_chain(score, ok) == _chain_by_definition(score, ok)


def test_a_repeated_sentence_aligns_as_one_passage():
    # Invented text. Once quadratic in the number of allowed clause pairs (all of them here).
    sentence = (
        "The city council voted on Tuesday to extend the opening hours of the public "
        "library, the mayor's office said. "
    )
    docs = pd.DataFrame(
        {"doc_id": ["a", "b"], "outlet": ["A", "B"], "text": [sentence * 300, sentence * 200]}
    )
    al = align_passages(docs, a="a", b="b")
    # b's 200 sentences pair with a's first 200 in order; a's other 100 repeat the fact and
    # join the passage.
    assert al[["start_a", "end_a", "start_b", "end_b"]].values.tolist() == [
        [0, 300 * len(sentence) - 1, 0, 200 * len(sentence) - 1]
    ]
    assert al["similarity"].tolist() == [1.0]


def _grown_step_by_step(ok, extend):
    """The weak cells an aligned run takes in, one diagonal step at a time until none is
    added: the definition of grow_along_diagonals."""
    ok, weak = ok.copy(), extend & ~ok
    while True:
        beside = np.zeros_like(ok)
        beside[1:, 1:] |= ok[:-1, :-1]
        beside[:-1, :-1] |= ok[1:, 1:]
        grow = weak & beside
        if not grow.any():
            return ok
        ok |= grow
        weak &= ~grow


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(0, 2**32 - 1))
def test_runs_grow_along_diagonals_as_step_by_step(n, m, seed):
    rng = np.random.default_rng(seed)
    extend = rng.random((n, m)) < rng.random()
    ok = extend & (rng.random((n, m)) < rng.random() / 2)  # strong cells are extend cells too
    assert (grow_along_diagonals(ok, extend) == _grown_step_by_step(ok, extend)).all()


# ------------------------------------------------------------------ figures and paraphrase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rate fell to 5.9%.", ["rate", "fall", "5.9", "percent"]),
        ("Employers added 248,000 jobs.", ["employer", "add", "248000", "job"]),
        ("four Marines and 4 sailors", ["4", "marine", "4", "sailor"]),
        ("a 24-year-old driver", ["24", "year", "old", "driver"]),
        ("at 7:30 a.m. on June 3", ["7", "30", "a.m.", "june", "3"]),
        ("one of the reporters", ["reporter"]),  # "one" is mostly a pronoun, not a count
        ("2.6 million, up 1,000", ["2.6", "million", "1000"]),
    ],
)
def test_figures_are_one_token_each(text, expected):
    assert content_lemmas(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("5.9", "5.9", 1.0),
        ("1000", "10000", 0.0),  # one edit apart, two figures
        ("2013", "2014", 0.0),
        ("israel", "israeli", 0.92),
        ("anonymous", "anonymity", STEM_MATCH),
    ],
)
def test_lemma_matches_keep_figures_exact(a, b, expected):
    assert lemma_matches([a], [b])[0, 0] == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(
    ("sets", "expected"),
    [
        ([[0], [1], [2]], [1.0, 1.0, 1.0]),  # each lemma in one clause: fully specific
        ([[0, 1], [0, 2], [0]], [1 - math.log(3) / math.log(4), 1.0, 1.0]),  # 0 in every clause
        ([], [1.0, 1.0, 1.0]),
    ],
)
def test_clause_specificity(sets, expected):
    arrays = [np.array(s, dtype=np.int64) for s in sets]
    assert clause_specificity(arrays, 3) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ([], [[1, 1, 1], [1, 1, 1], [1, 1, 1]]),
        # Anchor (1, 1): before it only cells above-left, after it only cells below-right.
        ([(1, 1)], [[1, 0, 0], [0, 0, 0], [0, 0, 1]]),
        ([(0, 2)], [[0, 0, 0], [0, 0, 0], [0, 0, 0]]),  # nothing after the last column
        ([(0, 0), (2, 2)], [[0, 0, 0], [0, 1, 0], [0, 0, 0]]),
    ],
)
def test_between_anchors_keeps_the_chains_order(chain, expected):
    assert between_anchors(chain, (3, 3)).astype(int).tolist() == expected


# An invented story: the frame is wire copy both articles carry; each case adds one sentence
# to each article after an unshared one, so it only aligns on its own merits. The story's
# names recur in the frame, as they do in news.
FRAME = (
    "Millbrook is a small town in Carver County, in the north of the state. Fire crews from "
    "three counties were sent to the hills above the town on Saturday night. The office of "
    "Governor Ellen Marsh said she would visit Carver County soon. Three investigators from "
    "the state fire marshal's office arrived in Millbrook on Monday. The weather service "
    "warned of strong winds and dry air for the rest of the week."
)
GAP_A = " Local schools will stay closed until Thursday. "
GAP_B = " Several roads into the valley remain blocked by debris. "


@pytest.mark.parametrize(
    ("a", "b", "same_fact"),
    [
        # One fact in other words: must align.
        (
            "Marsh said the state would pay for the cleanup of damaged homes.",
            "The state will cover the cost of clearing damaged homes, the governor said.",
            True,
        ),
        (
            "Officials said the fire had burned through 4,000 acres by Monday evening.",
            "By Monday night the flames had consumed some 4,000 acres, according to officials.",
            True,
        ),
        (
            "A wildfire near Millbrook killed 12 firefighters on Sunday.",
            "Twelve firefighters died battling the Millbrook wildfire on Sunday.",
            True,
        ),
        (
            "The blaze destroyed 140 homes before crews contained it.",
            "Crews contained the blaze, but only after it burned down 140 homes.",
            True,
        ),
        (
            "About 300 residents remain in temporary shelters.",
            "Some 300 people are still staying in temporary shelters.",
            True,
        ),
        # Near misses: other figures, or the same names in another fact.
        (
            "The fire destroyed 140 homes in Millbrook.",
            "The fire destroyed 35 homes in Millbrook.",
            False,
        ),
        (
            "About 300 residents remain in temporary shelters.",
            "About 45 residents remain in temporary shelters.",
            False,
        ),
        (
            "Governor Ellen Marsh visited Carver County on Monday.",
            "Governor Ellen Marsh criticised the Carver County fire chief.",
            False,
        ),
    ],
)
def test_one_fact_in_other_words_aligns_and_near_misses_do_not(a, b, same_fact):
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["A", "B"],
            "text": [FRAME + GAP_A + a, FRAME + GAP_B + b],
        }
    )
    al = align_passages(docs, a="a", b="b")
    start_a, start_b = len(FRAME + GAP_A), len(FRAME + GAP_B)
    case = al[(al["end_a"] > start_a) & (al["end_b"] > start_b)]
    assert len(case) == int(same_fact)
    if same_fact:
        assert case["start_a"].iloc[0] >= start_a and case["start_b"].iloc[0] >= start_b
    # The frame aligns whole either way.
    assert (al["start_a"] == 0).sum() == 1


@pytest.mark.parametrize(
    ("a", "b", "same_fact"),
    [
        # One fact spread over the clauses of a long sentence: the sentences pair.
        (
            "Crews, who had worked through the night in heavy smoke, finally stopped the fire at "
            "the edge of the old quarry on Tuesday, the sheriff said.",
            "On Tuesday the sheriff said the flames were halted at the old quarry's edge by crews "
            "that had battled heavy smoke all night.",
            True,
        ),
        (
            "Nobody was hurt, the sheriff said, though two barns, a tractor shed and an empty "
            "trailer were lost.",
            "Two barns, a tractor shed and an empty trailer burned, but no one was injured, "
            "according to the sheriff.",
            True,
        ),
        # Only names in common, other figures, another fact: no pair.
        (
            "Governor Ellen Marsh, speaking in Carver County on Monday, praised the volunteers.",
            "Governor Ellen Marsh, in Carver County on Monday, criticised the fire chief.",
            False,
        ),
        (
            "The county, which had 35 fire engines on duty, asked the state for more engines.",
            "With 12 fire engines on duty, the county asked the state for more engines.",
            False,
        ),
        (
            "Nobody was hurt, the sheriff said, though two barns and a trailer were lost.",
            "The quarry owner plans to sell the land to a developer next spring.",
            False,
        ),
    ],
)
def test_sentence_pairs_pair_one_fact_in_whole_sentences(a, b, same_fact):
    pa, pb = _prepare("a", "A", FRAME + " " + a), _prepare("b", "B", FRAME + " " + b)
    mt = _matches(pa, pb)
    last = (len(pa.sents) - 1, len(pb.sents) - 1)
    found = {(i, j) for i, j, _ in sentence_pairs(pa, pb, mt, [], 0.4)}
    assert (last in found) == same_fact
    # The frame's sentences pair with their twins, each once.
    assert {(k, k) for k in range(len(pa.sents) - 1)} <= found
    # A pair already joined by an aligned passage is not given again.
    a_last = [i for i, (_, _, k) in enumerate(pa.units) if k == last[0]]
    b_last = [j for j, (_, _, k) in enumerate(pb.units) if k == last[1]]
    span = (a_last[0], a_last[0], b_last[0], b_last[0])
    assert last not in {(i, j) for i, j, _ in sentence_pairs(pa, pb, mt, [span], 0.4)}


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        ([[0.5, 0.2], [0.6, 0.1]], [[False, False], [True, False]]),
        ([[0.5, 0.2], [0.1, 0.6]], [[True, False], [False, True]]),
        ([[0.0, 0.0], [0.0, 0.3]], [[False, False], [False, True]]),
        ([[0.4, 0.4]], [[True, True]]),  # a tie: both are the row's best
    ],
)
def test_mutual_best(score, expected):
    assert mutual_best(np.array(score)).tolist() == expected
    assert mutual_best(np.zeros((0, 3))).shape == (0, 3)


# The dev part of the alignment gold (``python -m analysis.evaluate align --part dev``), each
# floor today's score less under 0.01. Raise them in the commit of a change that improves them.
ALIGN_DEV_FLOORS = {"precision": 0.806, "recall": 0.441, "paraphrase_recall": 0.358}


def test_align_dev_scores_do_not_regress(multi_outlet_corpus):
    from analysis.gold import load_align_gold, score_alignment

    docs, gold = load_align_gold("dev")
    listed = pd.read_csv(Path(__file__).parent / "gold" / "align" / "pairs.csv", dtype=str)
    listed = listed[listed["split"] == "dev"]
    pairs = list(zip(listed["id_a"], listed["id_b"], strict=True))
    got = score_alignment(align_passages(docs, pairs=pairs), gold)
    assert got["gold"] == 211
    scores = {
        "precision": got["precision"],
        "recall": got["recall"],
        "paraphrase_recall": got["recall_by_type"]["paraphrase"],
    }
    below = {
        k: (round(v, 4), ALIGN_DEV_FLOORS[k]) for k, v in scores.items() if v < ALIGN_DEV_FLOORS[k]
    }
    assert not below, f"below the floor (score, floor): {below}"


def test_closest_pair_is_the_two_articles_that_share_most():
    vote = "The Veldoran parliament voted to dissolve the Corvath mining consortium on Tuesday."
    docs = pd.DataFrame(
        {
            "doc_id": ["op-ed", "wire", "daily"],
            "outlet": ["Opinion Weekly", "Wire", "Daily"],
            "text": [
                "Mining has always shaped Veldoran politics, for better or worse.",
                vote + " Shares of Corvath suppliers fell.",
                vote + " Herders were promised compensation.",
            ],
        }
    )
    pairs = [("op-ed", "wire"), ("op-ed", "daily"), ("wire", "daily")]
    assert closest_pair(docs, pairs) == ("wire", "daily")
    with pytest.raises(ValueError, match="no pair"):
        closest_pair(docs, [])
