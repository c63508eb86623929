"""Bounded views, timeline bins, static widget views (analysis/views/html.py) and the computed
sentences and defaults of the notebooks (analysis/views/findings.py)."""

import json

import nbformat
import pandas as pd
import pytest

from analysis.compare.pairs import diff_text
from analysis.quotes.extract import extract_quotes, speakers
from analysis.views.findings import (
    boilerplate_md,
    corpus_md,
    framing_md,
    kwic_terms,
    md,
    outlet_md,
    pick_pair,
    plural,
    problems_md,
    profile_md,
    quote_pairs_md,
    sample_note,
    search_terms,
    speakers_md,
    top_speaker,
    trend_md,
)
from analysis.views.html import WIDGET_VIEW, scroll_html, shown, static_html, time_bin, with_counts
from analysis.views.report import static_widgets
from analysis.views.widgets import quote_browser


def test_scroll_html_bounds_and_escapes():
    table = pd.DataFrame({"outlet": ["<script>x</script>"] * 3, "n": [1, 2, 3]})
    out = scroll_html(table, max_height=300, max_rows=2)
    assert out.startswith('<div style="max-height:300px;overflow:auto">')
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "The first 2 of 3 rows" in out


@pytest.mark.parametrize(
    ("first", "last", "want"),
    [
        ("2024-08-02", "2024-08-02", "D"),
        ("2016-01-01", "2016-05-09", "W"),
        ("2010-01-01", "2019-12-31", "M"),
        ("1990-01-01", "2019-12-31", "Y"),
    ],
)
def test_time_bin_follows_the_span(first, last, want):
    assert time_bin(pd.Series(pd.to_datetime([first, None, last])))[0] == want


def test_with_counts_puts_the_count_beside_the_rate():
    profile = pd.DataFrame({"outlet": ["a"], "n_words": [5714], "loaded_per_1000": [0.175]})
    assert with_counts(profile)["loaded_hits"].tolist() == [1]


def test_markdown_escape():
    assert md("<b>*Fox*</b> & $5") == r"\<b\>\*Fox\*\</b\> &amp; \$5"


def test_sample_notes_only_on_the_samples(seeds_dir, tmp_path):
    assert "JNS" in sample_note(seeds_dir, "01_outlets").data
    assert sample_note(tmp_path, "01_outlets") is None
    with pytest.raises(KeyError, match="no sample note 'nope'"):
        sample_note(seeds_dir, "nope")


def test_defaults_tell_the_samples_story(seed_docs):
    terms = search_terms(seed_docs)
    assert (terms.trend, terms.collocation) == ("israel", "nato")
    # The framing words of notebook 02 before they became a parameter, all found by default.
    assert {
        "terrorist",
        "falsely",
        "genocide",
        "massacres",
        "massacre",
        "atrocities",
        "butcher",
        "aggression",
    } <= set(terms.framing)
    assert search_terms(seed_docs, trend="gaza", kwic=["x"]).trend == "gaza"
    quotes = extract_quotes(seed_docs)
    assert top_speaker(quotes) == "Recep Tayyip Erdoğan"
    assert speakers_md(speakers(quotes), quotes).startswith(
        "The most quoted named speaker is **Recep Tayyip Erdoğan**: 6 quotations in 2 articles"
    )


def test_corpus_sentence(seed_docs):
    assert corpus_md(seed_docs, "day") == (
        "**2 articles** from **1 outlet** and 1 article with no known outlet (*unknown*); "
        "**JNS** has 1 article (50%). All dated articles appeared on the same day, 2 August 2024."
    )


def test_problems_sentence_names_the_most_common_reason(tmp_path):
    from analysis import load_corpus

    mis_decoded = "Lund’s plan".encode().decode("cp1252")
    rows = [{"title": mis_decoded, "text": f"Text {k}."} for k in range(2)]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    assert problems_md(load_corpus(tmp_path).problems) == (
        "1 file or record skipped, 2 loaded with a warning; the most common problem: "
        "*mis\\-decoded characters repaired in title* (2)."
    )


def test_kwic_terms_list_a_match_once():
    docs = pd.DataFrame(
        {"doc_id": ["a"], "outlet": "X", "text": ["The regime’s army and the regime."]}
    )
    lines = kwic_terms(docs, ["regime", "regime’s"])
    assert lines["match"].tolist() == ["regime’s", "regime"]


def test_trend_sentence_counts_the_dated_articles():
    trend = pd.DataFrame(
        {
            "period": pd.to_datetime(["2024-08-01", "2024-09-01"]),
            "outlet": "Harbor Gazette",
            "count": [2, 5],
            "n": [100, 1000],
            "share": [0.02, 0.005],
        }
    )
    assert trend_md(trend, "vote", "month") == (
        "*vote* over time:\n\n- **Harbor Gazette**: most in Aug 2024, 2 of 100 words "
        "(20.0 per 1,000); 7 in its dated articles"
    )


def test_trend_sentence_without_dates_says_there_are_none():
    trend = pd.DataFrame(columns=["period", "outlet", "count", "n", "share"])
    assert trend_md(trend, "vote", "month") == (
        "No article has a date, so *vote* has no trend over time."
    )


@pytest.mark.parametrize(
    ("quote_a", "quote_b", "same"),
    [
        ("We will open the harbour bridge", "We will open the harbour bridge", 1),
        ("We will open the harbour bridge", "Soon we will open the harbour bridge", 0),
        ("We will open the harbour bridge", "We will close the harbour bridge", 0),
    ],
)
def test_quote_pairs_sentence_counts_same_words_from_the_diff(quote_a, quote_b, same):
    # A trimmed quote is wholly contained in the longer one (similarity 1.0) yet not the same
    # words: only a diff without edits counts as "in the same words".
    pairs = pd.DataFrame(
        {
            "speaker": ["Mara Lindqvist"],
            "similarity": [1.0],
            "diff": [diff_text(quote_a, quote_b)],
        }
    )
    assert quote_pairs_md(pairs).endswith(f"; {same} in the same words.")


def test_framing_sentence_with_one_outlet_says_why_there_is_nothing():
    framed = pd.DataFrame(columns=["outlet", "term", "count", "ref_count", "n"])
    assert framing_md(framed, outlets=1).startswith("Framing words are compared between outlets")
    assert framing_md(framed, outlets=3) == "None of the framing words occurs in these articles."


@pytest.mark.parametrize(
    ("outlets", "message"),
    [
        (["Harbor Gazette"] * 2, "this folder has 1 known outlet: notebook 04 compares two"),
        (["Harbor Gazette", "Valley Post"], "no story is covered by two outlets"),
    ],
)
def test_pick_pair_says_why_there_is_no_pair(outlets, message):
    docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": outlets})
    with pytest.raises(ValueError, match=message):
        pick_pair(docs, pd.Series([0, 1]), pd.DataFrame(columns=["story"]))


def test_boilerplate_sentence():
    from analysis.corpus import boilerplate_lines, without_boilerplate

    line = "Sign up for the Harbor Gazette daily briefing"
    texts = [f"Ada Lund spoke.\n{line}", f"A vote.\n{line}", line, "Rain fell on the harbor."]
    docs = pd.DataFrame({"outlet": "Harbor Gazette", "text": texts, "n_words": [11, 10, 8, 5]})
    furniture = boilerplate_lines(docs)
    assert boilerplate_md(furniture, docs, without_boilerplate(docs, furniture)) == (
        "1 line recurs word for word in several articles of one outlet (page furniture: "
        "sign-ups, credits, captions) and is left out of the counts: 24 of 34 words (70.6%). "
        "The most repeated: *Sign up for the Harbor Gazette daily briefing* (**Harbor Gazette**, "
        "3 articles)."
    )
    assert boilerplate_md(furniture.iloc[:0], docs, docs).startswith("No line recurs")


def test_corpus_sentence_keeps_unknown_apart():
    outlets = ["unknown"] * 5 + ["Harbor Gazette"] * 2 + ["Valley Post"]
    docs = pd.DataFrame({"outlet": outlets, "date": pd.NaT, "text": "x"})
    assert corpus_md(docs, "day") == (
        "**8 articles** from **2 outlets** and 5 articles with no known outlet (*unknown*); the "
        "largest is **Harbor Gazette** with 2 articles (25%). No article has a date, so there is "
        "no timeline."
    )
    docs = pd.DataFrame({"outlet": ["unknown"] * 2, "date": pd.NaT, "text": "x"})
    assert corpus_md(docs, "day").startswith(
        "**2 articles** from **0 outlets** and 2 articles with no known outlet (*unknown*)."
    )


def test_corpus_sentence_names_how_many_outlets_tie():
    outlets = ["Harbor Gazette", "Harbor Gazette"] + [f"Outlet {k:02}" for k in range(10)]
    docs = pd.DataFrame({"outlet": outlets, "date": pd.NaT, "text": "x"})
    text = corpus_md(docs, "day")
    assert "the largest is **Harbor Gazette** with 2 articles" in text
    docs = pd.DataFrame({"outlet": [f"Outlet {k:02}" for k in range(10)] * 2, "date": pd.NaT})
    assert "each has 2 articles" in corpus_md(docs, "day")
    docs = pd.DataFrame(
        {"outlet": [f"Outlet {k:02}" for k in range(10)] * 2 + ["Lone Post"], "date": pd.NaT}
    )
    text = corpus_md(docs, "day")
    assert "**Outlet 07** and 2 others with 2 articles each" in text  # never cut silently


def test_static_view_of_a_widget_for_reports(seed_docs):
    quotes = extract_quotes(seed_docs)
    browser = quote_browser(quotes)
    html = static_html(browser)
    assert "of 21 rows match" in html and "Just let him remember" in html
    bundle = shown(browser)._repr_mimebundle_()
    assert WIDGET_VIEW in bundle and "Just let him remember" in bundle["text/html"]
    nb = nbformat.v4.new_notebook()
    nb.cells.append(
        nbformat.v4.new_code_cell(
            outputs=[
                nbformat.v4.new_output(
                    "display_data", data={WIDGET_VIEW: {"model_id": "x"}, "text/html": html}
                )
            ]
        )
    )
    data = static_widgets(nb).cells[0].outputs[0]["data"]
    assert WIDGET_VIEW not in data and data["text/html"] == html


def test_per_outlet_findings_name_the_largest_outlets_of_many():
    from analysis.views.findings import MAX_OUTLET_LINES, kwic_md, top_terms_md

    # Outlet "O13", late in the table's order, has the most words; the others descend from "O00".
    n = MAX_OUTLET_LINES + 3
    sizes = [50 - i for i in range(n)]
    sizes[13] = 99
    counts = pd.DataFrame(
        [(f"O{i:02d}", w, sizes[i]) for i in range(n) for w in ("vote", "tax")],
        columns=["outlet", "term", "count"],
    )
    text = top_terms_md(counts, top=1)
    named = [line for line in text.splitlines() if line.startswith("- **")]
    assert [line[4:7] for line in named] == [f"O{i:02d}" for i in range(11)] + ["O13"]
    assert "- … and 3 other outlets (those above have the most data; the table lists all)" in text
    lines = pd.DataFrame({"outlet": ["A", "A", "B"], "doc_id": ["1", "2", "3"]})
    assert kwic_md(lines) == "3 matches in 3 articles (A 2, B 1)."
    few = pd.DataFrame({"outlet": [f"O{i:02d}" for i in range(n)], "doc_id": list(range(n))})
    assert kwic_md(few).endswith("O10 1, O11 1 and 3 other outlets).")


def _profile(rows: list[tuple[str, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": [o for o, _ in rows],
            "n_articles": [n for _, n in rows],
            "n_words": [1000 * n for _, n in rows],
            "loaded_per_1000": [1.0 + i for i in range(len(rows))],
            "loaded_own_voice": [0.5] * len(rows),
            "shared_share": [0.1 * (i + 1) for i in range(len(rows))],
        }
    )


@pytest.mark.parametrize(
    ("rows", "says", "never"),
    [
        # articles with no known outlet are no outlet to rank
        ([("unknown", 144), ("Harbor Post", 2)], "none is ranked", "Only **unknown**"),
        ([("unknown", 144), ("Harbor Post", 5)], "Only **Harbor Post**", "**unknown**"),
        ([("unknown", 144), ("Harbor Post", 5)], "144 articles with no known outlet", None),
        ([("Dock Daily", 4), ("Harbor Post", 5)], "2 outlets have", "no known outlet"),
    ],
)
def test_profile_md_ranks_no_unknown_outlet(rows, says, never):
    text = profile_md(_profile(rows), 3)
    assert says in text
    assert never is None or never not in text


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("outlet", "outlets"),
        ("match", "matches"),
        # Each noun of a choice: "0 files or records skipped", not "0 file or records".
        ("file or record", "files or records"),
    ],
)
def test_plural(word, expected):
    assert plural(word) == expected


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        ("Harbor Gazette", "**Harbor Gazette**"),
        # The articles no metadata names an outlet for are no outlet of their own.
        ("unknown", "**unknown** (no known outlet)"),
    ],
)
def test_outlet_md(outlet, expected):
    assert outlet_md(outlet) == expected
