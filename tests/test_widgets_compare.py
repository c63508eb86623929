"""The source-comparison widgets of analysis/widgets.py: callbacks as the controls call them, and
HTML escaping of article text around the highlight markup."""

from __future__ import annotations

import re

import pandas as pd
from conftest import SEED_A, SEED_B

from analysis.align import align_passages, unique_passages
from analysis.widgets import comparison_html, comparison_view, highlighted_html, quote_diff_html

EVIL = ('NATO member Turkey is blocking <script>alert("x")</script> any partnership, '
        'Reuters said. <img src=x onerror="alert(1)"> Ankara & allies "disagree".')


def test_comparison_view_shows_the_seed_story(seed_docs):
    v = comparison_view(seed_docs)
    assert [value for _, value in v.story.options] == [0]
    assert v.outlet_a.options == ("JNS", "unknown") and v.outlet_b.value == "unknown"
    assert v.pair == (SEED_A, SEED_B)
    n = len(v.alignment)
    assert n >= 5 and v.status.value.startswith(f"{n} shared passages")
    # Each shared passage is numbered once on each side.
    labels = re.findall(r'title="(\d+)"', v.view.value)
    assert sorted(labels, key=int) == sorted([str(k) for k in range(1, n + 1)] * 2, key=int)
    assert v.view.value.count('title="only"') == len(v.unique)
    # Swapping outlets shows the pair the other way round; the same outlet twice shows nothing.
    v.outlet_a.value, v.outlet_b.value = "unknown", "JNS"
    assert v.pair == (SEED_B, SEED_A)
    v.outlet_b.value = "unknown"
    assert v.pair is None and "two different outlets" in v.view.value


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
    docs = pd.DataFrame({"doc_id": ["evil<1>.txt", "twin.txt"], "outlet": ["<i>Bad</i>", "Twin"],
                         "text": [EVIL + " " + seed_docs["text"].iloc[0]] * 2})
    al = align_passages(docs, a="evil<1>.txt", b="twin.txt")
    assert len(al) > 0 and al["passage_a"].str.contains("<script>").any()
    out = comparison_html(docs, al, "evil<1>.txt", "twin.txt",
                          unique=unique_passages(docs, al))
    assert "<script" not in out and "<img" not in out and "<i>Bad" not in out
    assert out.count("&lt;script&gt;") == 2 and "evil&lt;1&gt;.txt" in out


def test_quote_diff_html_marks_and_escapes():
    out = quote_diff_html("Erdoğan follows <b>them</b>", "Erdogan is following <b>them</b>")
    assert out == "Erdoğan <del>follows</del> <ins>is following</ins> b them b"
    evil = quote_diff_html('<img src=x onerror="alert(1)">', "<script>x</script>")
    assert "<img" not in evil and "<script" not in evil
