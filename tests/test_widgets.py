"""The widgets' callbacks, called as the controls would call them, and their HTML escaping."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import SEED_A, SEED_B

from analysis.compare.align import align_passages, unique_passages
from analysis.views.widgets import (
    article_browser,
    article_html,
    comparison_html,
    comparison_view,
    highlighted_html,
    merged_marks,
    quote_diff_html,
)


def test_article_browser_filters_and_shows(seed_docs):
    b = article_browser(seed_docs)
    assert b.status.value == "2 of 2 articles match"
    assert [v for _, v in b.picker.options] == [SEED_A, SEED_B]
    assert "NATO member Turkey is blocking" in b.reader.value
    b.outlets.value = ("unknown",)  # what a click on the outlet list does
    assert [v for _, v in b.picker.options] == [SEED_B]
    assert "Turkey has blocked cooperation" in b.reader.value
    b.search.value = "Saddam"
    assert "Saddam" in b.reader.value
    b.search.value = "no such phrase anywhere"
    assert b.picker.options == () and "No article matches" in b.reader.value


def test_article_html_escapes_untrusted_text():
    row = pd.Series(
        {
            "doc_id": "x<1>.txt",
            "outlet": "<b>Evil</b>",
            "date": pd.NaT,
            "title": '<img src=x onerror="alert(1)">',
            "n_words": 3,
            "text": '<script>alert(1)</script>\n\n<a href="javascript:alert(2)">x</a>',
        }
    )
    out = article_html(row)
    assert "<script>" not in out and "<img" not in out and "<a href" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;b&gt;Evil&lt;/b&gt;" in out


def test_profile_browser_filters_and_sorts():
    from analysis.views.widgets import profile_browser

    profile = pd.DataFrame(
        {
            "outlet": ["JNS", "unknown", "<b>x</b>"],
            "n_articles": [1, 1, 3],
            "shared_share": [0.31, 0.35, 0.1],
        }
    )
    b = profile_browser(profile)
    assert list(b.shown["outlet"]) == ["<b>x</b>", "JNS", "unknown"]  # 3, then ties by name
    assert "&lt;b&gt;x&lt;/b&gt;" in b.output.value and "<b>x</b>" not in b.output.value
    b.sort.value = "shared_share"
    assert list(b.shown["outlet"]) == ["unknown", "JNS", "<b>x</b>"]
    b.outlets.value = ("JNS",)
    assert list(b.shown["outlet"]) == ["JNS"]
    b.outlets.value = ()
    assert "No outlet selected" in b.output.value


# ---------------------------------------------------------------- 04 source comparison

EVIL = (
    'NATO member Turkey is blocking <script>alert("x")</script> any partnership, '
    'Reuters said. <img src=x onerror="alert(1)"> Ankara & allies "disagree".'
)


def test_comparison_view_shows_the_seed_story(seed_docs):
    v = comparison_view(seed_docs)
    assert [value for _, value in v.story.options] == [0]
    assert v.outlet_a.options == ("JNS", "unknown") and v.outlet_b.value == "unknown"
    assert v.pair == (SEED_A, SEED_B)
    n = len(v.alignment)
    assert n >= 5 and v.status.value.startswith(f"{n} shared passages")
    # Each shared passage is numbered once on each side (a stretch in two passages shows both).
    labels = [x for t in re.findall(r'title="([\d,]+)"', v.view.value) for x in t.split(",")]
    assert sorted(labels, key=int) == sorted([str(k) for k in range(1, n + 1)] * 2, key=int)
    assert v.view.value.count('title="only"') == len(v.unique)
    # Swapping outlets shows the pair the other way round; the same outlet twice shows nothing.
    v.outlet_a.value, v.outlet_b.value = "unknown", "JNS"
    assert v.pair == (SEED_B, SEED_A)
    v.outlet_b.value = "unknown"
    assert v.pair is None and "two different outlets" in v.view.value


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(0, 5, 1), (3, 9, 2), (12, 15, 3)], [(0, 9, "1,2"), (12, 15, "3")]),
        ([(4, 8, 2), (0, 8, 1)], [(0, 8, "1,2")]),
        ([(0, 4, 1), (4, 8, 2)], [(0, 4, "1"), (4, 8, "2")]),
    ],
)
def test_merged_marks(spans, expected):
    assert merged_marks(spans) == expected


def test_highlighted_html_escapes_text_inside_and_outside_marks():
    out = highlighted_html(EVIL, [(0, 60, "background:#fde68a", "1"), (80, 120, "x", "<b>")])
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in out
    assert "&amp; allies &quot;disagree&quot;" in out
    assert out.count("<mark") == 2 and out.count("</mark>") == 2
    # Overlapping spans: the earlier wins; the text is still all there, once.
    twice = highlighted_html("abcdef", [(0, 4, "s", "1"), (2, 6, "s", "2")])
    assert re.sub(r"<sup>[^<]*</sup>|<[^>]+>", "", twice) == "abcdef"


def test_comparison_html_escapes_article_text(seed_docs):
    docs = pd.DataFrame(
        {
            "doc_id": ["evil<1>.txt", "twin.txt"],
            "outlet": ["<i>Bad</i>", "Twin"],
            "text": [EVIL + " " + seed_docs["text"].iloc[0]] * 2,
        }
    )
    al = align_passages(docs, a="evil<1>.txt", b="twin.txt")
    assert len(al) > 0 and al["passage_a"].str.contains("<script>").any()
    out = comparison_html(docs, al, "evil<1>.txt", "twin.txt", unique=unique_passages(docs, al))
    assert "<script" not in out and "<img" not in out and "<i>Bad" not in out
    assert out.count("&lt;script&gt;") == 2 and "evil&lt;1&gt;.txt" in out


def test_quote_diff_html_marks_and_escapes():
    out = quote_diff_html("Erdoğan follows <b>them</b>", "Erdogan is following <b>them</b>")
    assert out == "Erdoğan <del>follows</del> <ins>is following</ins> b them b"
    evil = quote_diff_html('<img src=x onerror="alert(1)">', "<script>x</script>")
    assert "<img" not in evil and "<script" not in evil


# ---------------------------------------------------------------- filters prepared for speed
# The browsers filter prepared copies of their tables (bench/bench_widgets.py times them on the
# whole corpus); the rows they keep must stay those of filter_docs and filter_quotes.


def test_article_browser_keeps_the_rows_of_filter_docs():
    from analysis.corpus.load import filter_docs

    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "a"],
            "outlet": ["X", "Y", "X", "Y", "Y"],
            "date": pd.to_datetime(["2020-01-01", "2020-02-01", None, "2021-01-01", "2020-03-01"]),
            "title": ["One", None, "Three", "", "Five"],
            "text": ["Erdoğan in Köln", "ERDOĞAN said so", "erdoğan said", "nothing", "Said"],
            "n_words": [3, 3, 2, 1, 1],
        },
        index=[10, 11, 12, 13, 14],
    )
    b = article_browser(docs)
    steps = [
        ("search", "erdoğan"),
        ("outlets", ("X",)),
        ("search", "SAID"),
        ("outlets", ("X", "Y")),
        ("start", pd.Timestamp("2020-01-15").date()),
        ("search", ""),
        ("end", pd.Timestamp("2020-02-01").date()),
        ("undated", False),
        ("undated", True),
    ]
    for name, value in steps:
        getattr(b, name).value = value
        want = filter_docs(
            docs,
            outlets=b.outlets.value,
            start=b.start.value,
            end=b.end.value,
            contains=b.search.value or None,
            undated=b.undated.value,
        )
        pd.testing.assert_frame_equal(b.selection, want)
        assert [v for _, v in b.picker.options] == want["doc_id"].tolist()


def test_article_browser_shows_undated_articles_under_its_first_date_range():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["X", "X", "Y"],
            "date": pd.to_datetime(["2020-01-01", None, "2020-01-03"]),
            "title": ["One", "Two", "Three"],
            "text": ["one", "two", "three"],
            "n_words": [1, 1, 1],
        }
    )
    b = article_browser(docs)
    assert b.selection["doc_id"].tolist() == ["a", "b", "c"]
    assert b.status.value == "3 of 3 articles match (1 undated)"
    b.undated.value = False
    assert b.selection["doc_id"].tolist() == ["a", "c"]
    assert b.status.value == "2 of 3 articles match"


def test_quote_browser_keeps_the_rows_of_filter_quotes():
    from analysis.quotes.extract import extract_quotes, filter_quotes
    from analysis.views.widgets import quote_browser

    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "outlet": ["Daily", "Wire", "Daily", "Wire"],
            "text": [
                "“We will win,” said Recep Tayyip Erdoğan in İstanbul.",
                "President Erdogan said the talks would resume. “Not now,” he added.",
                "“It is over,” Jane Doe said. Sources said the deal was ‘dead’.",
                "The mayor said Köln would pay. “Ça va,” said François Hollande. "
                "“Later,” said Tayyip Erdogan.",
            ],
        }
    )
    quotes = extract_quotes(docs)
    w = quote_browser(quotes)
    names = [v for _, v in w.speaker.options]
    assert len(names) > 3
    steps = [
        ("kinds", ("direct", "partial", "indirect", "scare")),
        ("search", "e"),
        ("search", "er"),
        ("search", "erdogan"),
        ("search", "ERDOĞAN"),
        ("search", "erdogan in"),
        ("search", "s"),
        ("outlets", ("Wire",)),
        ("search", "sa"),
        ("search", " said "),
        ("search", "koln"),
        ("search", ""),
        ("outlets", ("Wire",)),
    ]
    steps += [("speaker", n) for n in names] + [
        ("outlets", ("Daily", "Wire")),
        ("speaker", "Erdogan"),
        ("kinds", ("direct",)),
    ]
    for name, value in steps:
        if name == "speaker" and value not in names:
            continue
        getattr(w, name).value = value
        want = filter_quotes(
            quotes,
            outlets=w.outlets.value,
            speaker=w.speaker.value or None,
            kinds=w.kinds.value,
            contains=w.search.value or None,
        )
        pd.testing.assert_frame_equal(w.selection, want)
        assert f"{len(want)} of {len(quotes)} rows match" in w.status.value


def test_quote_browser_lists_the_most_quoted_speakers_and_takes_typed_names():
    from analysis.quotes.extract import extract_quotes, filter_quotes, speakers
    from analysis.views.widgets import QuoteBrowser

    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["Daily", "Wire", "Daily"],
            "text": [
                "“We will win,” said Recep Tayyip Erdoğan. “Yes,” Erdoğan added. "
                "“No,” said Jane Doe.",
                "“Not now,” Erdogan said. “Soon,” said Israel Katz. “Ça va,” said Hollande.",
                "“It is over,” Katz said. “<b>Never</b>,” said François Hollande.",
            ],
        }
    )
    quotes = extract_quotes(docs)
    table = speakers(quotes)
    assert len(table) > 3
    w = QuoteBrowser(quotes, max_speakers=2)
    # The list: anyone, then the two most quoted speakers, most quoted first.
    assert [v for _, v in w.speaker.options] == ["", *table["speaker_id"].head(2)]
    assert [n for n, _ in w.speaker.options] == ["(anyone)", *table["speaker"].head(2)]
    pd.testing.assert_frame_equal(w.speaker_table, table)
    redraws = []
    w.status.observe(lambda change: redraws.append(change["new"]), names="value")
    w.kinds.value = ("direct", "partial", "indirect", "scare")
    for typed in ["  Hollande ", "Jane Doe", "Erdogan", "", "Nobody Atall"]:
        redraws.clear()
        w.speaker_name.value = typed  # typed in the box, then Enter
        name = typed.strip()
        if not name:
            assert redraws == []
            continue
        assert w.speaker.value == name and len(redraws) <= 1
        want = filter_quotes(quotes, outlets=w.outlets.value, speaker=name, kinds=w.kinds.value)
        pd.testing.assert_frame_equal(w.selection, want)
    values = [v for _, v in w.speaker.options]
    assert values.count("Hollande") == 1 and values[-1] == "Nobody Atall"
    assert "No quotation matches" in w.output.value
    w.speaker.value = "Hollande"  # a typed name stays in the list
    assert "&lt;b&gt;Never&lt;/b&gt;" in w.output.value and "<b>Never" not in w.output.value
    # Every speaker is listed when there are few.
    assert len(QuoteBrowser(quotes).speaker.options) == 1 + table["speaker_id"].nunique()
