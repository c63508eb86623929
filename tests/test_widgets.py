"""The widgets' callbacks, called as the controls would call them, and their HTML escaping."""

from __future__ import annotations

import pandas as pd
from conftest import SEED_A, SEED_B

from analysis.widgets import article_browser, article_html


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
    row = pd.Series({"doc_id": "x<1>.txt", "outlet": "<b>Evil</b>", "date": pd.NaT,
                     "title": '<img src=x onerror="alert(1)">', "n_words": 3,
                     "text": "<script>alert(1)</script>\n\n<a href=\"javascript:alert(2)\">x</a>"})
    out = article_html(row)
    assert "<script>" not in out and "<img" not in out and "<a href" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;b&gt;Evil&lt;/b&gt;" in out


def test_profile_browser_filters_and_sorts():
    from analysis.widgets import profile_browser

    profile = pd.DataFrame({"outlet": ["JNS", "unknown", "<b>x</b>"], "n_articles": [1, 1, 3],
                            "shared_share": [0.31, 0.35, 0.1]})
    b = profile_browser(profile)
    assert list(b.shown["outlet"]) == ["<b>x</b>", "JNS", "unknown"]  # 3, then ties by name
    assert "&lt;b&gt;x&lt;/b&gt;" in b.output.value and "<b>x</b>" not in b.output.value
    b.sort.value = "shared_share"
    assert list(b.shown["outlet"]) == ["unknown", "JNS", "<b>x</b>"]
    b.outlets.value = ("JNS",)
    assert list(b.shown["outlet"]) == ["JNS"]
    b.outlets.value = ()
    assert "No outlet selected" in b.output.value
