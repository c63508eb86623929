"""analysis.views.plots draws what the tables say: bars and lines carry the tables' numbers."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.compare.terms import keyness, term_counts, term_over_time  # noqa: E402
from analysis.views.plots import keyness_bars, term_trend, timeline, top_terms  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def bars(ax) -> list[tuple[str, float]]:
    labels = [t.get_text() for t in ax.get_yticklabels()]
    return list(zip(labels, [p.get_width() for p in ax.patches], strict=True))


def test_top_terms_one_panel_per_outlet(seed_docs):
    counts = term_counts(seed_docs, stopwords="english")
    axes = top_terms(counts, top=5)
    assert [ax.get_title() for ax in axes] == ["JNS", "unknown"]
    # Most frequent at the top: barh draws bottom-up, so the list reads reversed.
    assert bars(axes[0])[::-1][:3] == [("israel", 8), ("member", 5), ("turkey", 5)]
    assert bars(axes[1])[-1] == ("israel", 19)
    assert len(axes[1].patches) == 5


def test_top_terms_shows_the_largest_outlets_of_many():
    # Five outlets, the one with the fewest words in the middle of the table's order.
    rows = [
        (o, t, n)
        for o, n in [("A", 9), ("B", 7), ("C", 1), ("D", 5), ("E", 3)]
        for t in ("vote", "tax")
    ]
    counts = pd.DataFrame(rows, columns=["outlet", "term", "count"])
    axes = top_terms(counts, top=2, groups=3)
    assert [ax.get_title() for ax in axes] == ["A", "B", "D"]
    assert axes[0].figure.get_suptitle() == "Most frequent terms per outlet (the 3 largest of 5)"
    assert top_terms(counts, top=2)[0].figure.get_suptitle() == "Most frequent terms per outlet"


def test_keyness_bars_diverge(seed_docs):
    table = keyness(seed_docs, target="JNS", stopwords="english", fold_diacritics=True)
    ax = keyness_bars(table, top=4)
    drawn = bars(ax)[::-1]
    assert len(drawn) == 8
    assert [w for _, w in drawn] == sorted((w for _, w in drawn), reverse=True)
    assert drawn[:4] == [tuple(r) for r in table[["term", "score"]].head(4).values.tolist()]
    assert drawn[-1] == tuple(table[["term", "score"]].iloc[-1])
    assert sum(w > 0 for _, w in drawn) == 4 and sum(w < 0 for _, w in drawn) == 4


def test_term_trend_one_line_per_outlet(seed_docs):
    table = term_over_time(seed_docs, "Israel")
    ax = term_trend(table)
    lines = ax.get_lines()
    assert [ln.get_label() for ln in lines] == ["JNS", "unknown"]
    assert [float(ln.get_ydata()[0]) for ln in lines] == pytest.approx([8 / 339, 19 / 439])


def test_term_trend_draws_the_outlets_using_the_term_most():
    periods = pd.to_datetime(["2020-01-01", "2020-02-01"])
    table = pd.DataFrame(
        [(o, p, n, n / 100) for o, n in [("A", 1), ("B", 9), ("C", 4)] for p in periods],
        columns=["outlet", "period", "count", "share"],
    )
    ax = term_trend(table, groups=2)
    assert [ln.get_label() for ln in ax.get_lines()] == ["B", "C"]
    assert ax.get_legend().get_title().get_text() == "the 2 of 3 with most uses"


def test_speakers_per_outlet_sums_the_smaller_outlets():
    from analysis.views.plots import speakers_per_outlet

    counts = pd.DataFrame(
        {
            "outlet": ["A", "B", "C", "A", "C"],
            "speaker": ["Ann Lee", "Ann Lee", "Ann Lee", "Bo Park", "Bo Park"],
            "n_quotes": [5, 1, 2, 3, 4],
        }
    )
    ax = speakers_per_outlet(counts, outlets=2)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "C", "other outlets"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Bo Park", "Ann Lee"]
    # Bars go outlet by outlet, speakers in tick order: A (3, 5), C (4, 2), other (0, 1).
    assert [p.get_width() for p in ax.patches] == [3, 5, 4, 2, 0, 1]


@pytest.mark.parametrize(
    ("draw", "columns"),
    [
        (timeline, ["period", "outlet", "articles"]),
        (term_trend, ["period", "outlet", "count", "n", "share"]),
    ],
)
def test_over_time_charts_of_an_undated_folder_say_so_without_a_warning(draw, columns, recwarn):
    ax = draw(pd.DataFrame(columns=columns))
    assert [t.get_text() for t in ax.texts] == ["No article has a date"]
    assert ax.get_legend() is None
    assert not [w for w in recwarn if "legend" in str(w.message)]
