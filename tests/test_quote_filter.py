"""analysis/quotes/quote_filter.py: the filters behind notebook 03's quote browser (outlet, speaker,
kind, text), prepared once per table, against the same rules written plainly, row by row.
"""

from __future__ import annotations

import pandas as pd
from conftest import SEED_A, SEED_B
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.core.text import fold_diacritics
from analysis.quotes.extract import extract_quotes
from analysis.quotes.quote_filter import filter_quotes
from analysis.quotes.speaker_table import speaker_key


def test_filter_quotes(seed_quotes):
    only_jns = filter_quotes(seed_quotes, outlets=["JNS"])
    assert (
        set(only_jns["outlet"]) == {"JNS"} and len(only_jns) == (seed_quotes.outlet == "JNS").sum()
    )
    direct = filter_quotes(seed_quotes, kinds=["direct"])
    assert set(direct["kind"]) == {"direct"}
    assert filter_quotes(seed_quotes, speaker="Nobody Atall").empty
    pd.testing.assert_frame_equal(filter_quotes(seed_quotes), seed_quotes)


def _gold_names(row: dict) -> set[str]:
    return {fold_diacritics(n) for n in [row["speaker"], *row["speaker_aliases"]]}


def test_filter_quotes_counts_match_the_gold(seed_quotes, seed_gold):
    """How many rows each filter keeps, counted in the hand-made answer sheet (which the
    samples' table equals row for row: tests/test_evaluate.py)."""
    erd = filter_quotes(seed_quotes, speaker="Erdogan")
    assert len(erd) == sum("Recep Tayyip Erdogan" in _gold_names(g) for g in seed_gold)
    assert set(erd["speaker"].map(fold_diacritics)) == {"Recep Tayyip Erdogan"}
    hit = filter_quotes(seed_quotes, contains="KARABAKH")
    assert len(hit) == sum("Karabakh" in g["quote"] for g in seed_gold)
    assert hit["quote"].str.contains("Karabakh").all()
    both = filter_quotes(seed_quotes, outlets=["unknown"], speaker="Katz", kinds=["direct"])
    assert len(both) == sum(
        g["doc"] == SEED_B and g["kind"] == "direct" and "Israel Katz" in _gold_names(g)
        for g in seed_gold
    )
    jns = filter_quotes(seed_quotes, outlets=["JNS"])
    assert len(jns) == sum(g["doc"] == SEED_A for g in seed_gold)


def _filter_by_rule(
    quotes: pd.DataFrame, *, outlets=None, speaker=None, kinds=None, contains=None
) -> pd.DataFrame:
    """filter_quotes's rules written plainly, row by row: the oracle for its prepared filter."""
    keep = pd.Series(True, index=quotes.index)
    if outlets is not None:
        outlet = quotes["outlet"] if "outlet" in quotes else pd.Series("unknown", quotes.index)
        keep &= outlet.isin(list(outlets))
    if kinds is not None:
        keep &= quotes["kind"].isin(list(kinds))
    if speaker:
        want = speaker_key(speaker)
        keys = quotes["speaker"].map(lambda s: speaker_key(s) if isinstance(s, str) else "")
        keep &= keys.map(
            lambda k: (
                bool(want)
                and (k == want or k.endswith(" " + want) or want.endswith(" " + k) and " " in k)
            )
        )
    if contains:
        needle = fold_diacritics(contains).lower().strip()
        hay = (
            quotes["quote"].fillna("")
            + "\n"
            + quotes["speaker"].fillna("")
            + "\n"
            + quotes["sentence"].fillna("")
        )
        keep &= hay.map(lambda h: needle in fold_diacritics(h).lower())
    return quotes.loc[keep]


def test_filter_quotes_keeps_the_rows_of_its_rules(seed_docs):
    quotes = extract_quotes(seed_docs)
    cases = [
        {},
        {"outlets": ["JNS"]},
        {"kinds": ["direct", "partial"]},
        {"speaker": "Erdogan"},
        {"speaker": "Turkish President Recep Tayyip Erdoğan"},
        {"speaker": "Katz", "outlets": ["unknown"]},
        {"contains": "NATO"},
        {"contains": "ERDOGAN"},
        {"contains": "  karabakh "},
        {"contains": "no such words"},
        {"speaker": "sources familiar with the process", "kinds": ["indirect"]},
    ]
    for case in cases:
        got = filter_quotes(quotes, **case)
        pd.testing.assert_frame_equal(got, _filter_by_rule(quotes, **case))
    assert 0 < len(filter_quotes(quotes, speaker="Erdogan")) < len(quotes)


# ------------------------------------------------------------ text search, vectorised
# QuoteFilter works on distinct values and in native code (bench/bench_widgets.py times it on the
# whole corpus); its rows must stay those of the rules written plainly.

FOLD_SAMPLES = [
    "Erdoğan",
    "ERDOĞAN said",
    "“curly” quotes — and … ellipsis",
    "İstanbul",
    "ΟΔΥΣΣΕΥΣ",
    "e\u0301te\u0301",
    "ﬁnance ½",
    "Ǆemal",
    "हिन्दी",
    "Straße",
    "plain",
    "",
    "Ａｒａｂｉｃ مرحبا",
    "n\u0303\u2019",
]


def test_folded_lower_is_fold_diacritics_lower():
    import unicodedata

    from analysis.quotes.quote_filter import folded_lower

    for text in FOLD_SAMPLES:
        assert folded_lower(text) == fold_diacritics(text).lower(), text
    # Its shortcut assumes no combining mark in these ranges (true of every Unicode so far).
    assert not any(unicodedata.combining(chr(c)) for c in [*range(0x300), *range(0x2000, 0x20D0)])


# Pieces of text that fold or lower-case in every way Python does: decompositions,
# compatibility forms, a final sigma, characters outside the Basic Multilingual Plane.
_TEXTS = st.lists(
    st.sampled_from(
        list("aZ \n.,’“”…—–é")
        + [
            "e\u0301",
            "İ",
            "Σ",
            "ΟΔΥΣΣΕΥΣ",
            "ﬁ",
            "½",
            "Ǆ",
            "ß",
            "\u00a0",
            "😀",
            "𝐀",
            "ड़",
            "Ａ",
            "\u0345",
            "ς",
            "K",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_TEXTS, _TEXTS, _TEXTS), min_size=1, max_size=8))
def test_search_texts_fold_like_python(rows):
    """The vectorised search text is folded_lower of each row, whatever the characters."""
    from analysis.quotes.quote_filter import folded_lower, search_texts

    quotes = pd.DataFrame(rows, columns=["quote", "speaker", "sentence"])
    got = search_texts(quotes)
    want = [folded_lower(f"{a}\n{b}\n{c}") for a, b, c in rows]
    assert list(got) == want


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_search_texts_fold_any_text_like_python(text):
    from analysis.quotes.quote_filter import folded_lower, search_texts

    quotes = pd.DataFrame({"quote": [text, None], "speaker": [None, text], "sentence": [text, ""]})
    assert list(search_texts(quotes)) == [
        folded_lower(f"{text}\n\n{text}"),
        folded_lower(f"\n{text}\n"),
    ]


def test_text_search_keeps_the_rows_of_its_rules_on_any_script():
    rows = [(t, s, f"{t} {s}.") for t in FOLD_SAMPLES for s in ("Erdoğan", "ΟΔΥΣΣΕΥΣ", "", "x")]
    quotes = pd.DataFrame(rows, columns=["quote", "speaker", "sentence"]).assign(
        doc_id="d", outlet="O", kind="direct", speaker_type="person"
    )
    quotes.loc[quotes["speaker"] == "", "speaker"] = None
    needles = [
        "erdogan",
        "ERDOĞAN",
        "istanbul",
        "i̇stanbul",
        "οδυσσευς",
        "ς",
        "σ",
        "fi",
        "1⁄2",
        "dz",
        "ss",
        "ß",
        "…",
        "...",
        "“curly”",
        "e",
        "ete",
        "  n ",
        "arabic",
        "مرحبا",
        "हिन्दी",
        "\n",
        "o\nx",
        "nothing at all",
        "\ud800",
    ]
    for needle in needles:
        pd.testing.assert_frame_equal(
            filter_quotes(quotes, contains=needle), _filter_by_rule(quotes, contains=needle)
        )


def test_quote_filter_narrowing_searches_and_unencodable_text():
    """Typing narrows the last search's rows; few rows are copied before the scan, many are
    scanned in place; a table Arrow cannot hold is searched in Python. Same rows each way."""
    from analysis.quotes.quote_filter import QuoteFilter

    base = pd.DataFrame(
        {
            "quote": ["We will act", "Soon", "We will win", "Later"] * 5,
            "speaker": ["Erdoğan", "Katz", None, "the sources"] * 5,
            "sentence": [
                "“We will act,” Erdoğan said.",
                "“Soon,” Katz said.",
                "“We will win.”",
                "“Later,” the sources said.",
            ]
            * 5,
            "doc_id": "d",
            "outlet": ["A", "B"] * 10,
            "kind": ["direct"] * 19 + ["partial"],
            "speaker_type": "person",
        }
    )
    odd = base.astype({"quote": object, "speaker": object, "sentence": object})
    odd.loc[3, "quote"] = "Later \ud800"
    for quotes in (base, odd):
        qf = QuoteFilter(quotes)
        assert isinstance(qf.hay, list) == (quotes is odd)
        for case in [
            {"contains": "w"},
            {"contains": "we"},
            {"contains": "we will a"},
            {"contains": "WILL", "outlets": ("A",)},
            {"contains": "erdogan said"},
            {"contains": "soon", "speaker": "Katz"},
            {"contains": "s"},
            {"contains": "ater"},
            {"contains": "later \ud800"},
            {"contains": "later", "kinds": ("partial",)},
            {"contains": "  "},
        ]:
            got = quotes.iloc[qf.rows(**case)]
            pd.testing.assert_frame_equal(got, _filter_by_rule(quotes, **case))
