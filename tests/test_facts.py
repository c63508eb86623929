"""Facts across outlets (analysis.compare.facts), on invented articles of three outlets."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.compare.align import align_passages
from analysis.compare.facts import (
    FACT_COLUMNS,
    MENTION_COLUMNS,
    PRESENCE_COLUMNS,
    FactTables,
    best_partner,
    fact_grid,
    fact_matrix,
    fact_mentions,
    fact_tables,
    omission_counts,
    omissions,
    story_facts,
)

VOTE_A = (
    "The Veldoran parliament voted on Tuesday to dissolve the Corvath mining consortium "
    "after a two-year inquiry."
)
PM_A = (
    "Prime Minister Ilse Wandermark called the consortium's accounting fraudulent and "
    "promised compensation to displaced herders."
)
BOYCOTT_A = (
    "The opposition Ferrant bloc boycotted the vote in protest over the inquiry's secret hearings."
)
SHARES = "Shares of Corvath suppliers plunged eleven percent on the Halvik exchange."
ALPHA = " ".join([VOTE_A, PM_A, BOYCOTT_A, SHARES])
BETA = (
    "Veldoran lawmakers voted Tuesday to dissolve the Corvath mining consortium following a "
    "two-year parliamentary inquiry. Shares of Corvath suppliers plunged eleven percent on the "
    "Halvik exchange after the vote. Prime Minister Ilse Wandermark promised compensation to "
    "displaced herders and called the accounting fraudulent."
)
GAMMA = (
    "After a two-year inquiry, the Veldoran parliament voted to dissolve the Corvath mining "
    "consortium. The opposition Ferrant bloc boycotted the vote, protesting the inquiry's "
    "secret hearings. " + SHARES
)
PAIRS = [("a", "b"), ("a", "c"), ("b", "c")]


def three_outlets(dates=("2024-03-05", "2024-03-04", None)) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["Alpha", "Beta", "Gamma"],
            "date": pd.to_datetime(list(dates)),
            "text": [ALPHA, BETA, GAMMA],
            "title": ["Veldoran vote"] * 3,
            "story": [0, 0, 0],
        }
    )


@pytest.fixture(scope="module")
def docs() -> pd.DataFrame:
    return three_outlets()


@pytest.fixture(scope="module")
def alignment(docs) -> pd.DataFrame:
    return align_passages(docs, pairs=PAIRS)


def fact_of(matrix: pd.DataFrame, words: str) -> pd.Series:
    rows = matrix[matrix["text"].str.contains(words)]
    assert len(rows) == 1, (words, matrix["text"].tolist())
    return rows.iloc[0]


def test_each_fact_once_with_who_reports_and_who_omits(docs, alignment):
    t = fact_tables(docs, alignment)
    assert list(t.matrix.columns) == FACT_COLUMNS
    assert list(t.mentions.columns) == MENTION_COLUMNS
    assert list(t.presence.columns) == PRESENCE_COLUMNS
    assert len(t.matrix) == 4 and list(t.matrix["fact"]) == [1, 2, 3, 4]
    vote, shares = fact_of(t.matrix, "dissolve"), fact_of(t.matrix, "plunged")
    assert vote["n_outlets"] == shares["n_outlets"] == 3 and vote["n_omitting"] == 0
    pm = fact_of(t.matrix, "herders")
    assert (pm["n_outlets"], pm["n_omitting"], pm["outlets"]) == (2, 1, "Alpha; Beta")
    boycott = fact_of(t.matrix, "Ferrant")
    assert (boycott["n_outlets"], boycott["outlets"]) == (2, "Alpha; Gamma")
    status = t.presence.set_index(["fact", "outlet"])["status"]
    assert status[(pm["fact"], "Gamma")] == "omits"
    assert status[(boycott["fact"], "Beta")] == "omits"
    # Every mention's offsets index its article's text.
    text = dict(zip(docs["doc_id"], docs["text"], strict=True))
    for r in t.mentions.itertuples():
        assert text[r.doc_id][r.start : r.end] == r.passage


def test_first_appearance_is_the_earliest_dated_article(docs, alignment):
    m = fact_matrix(docs, alignment)
    # Beta (4 March) is earlier than Alpha (5 March); Gamma is undated, so never first.
    vote = fact_of(m, "dissolve")
    assert (vote["first_outlet"], vote["first_doc"]) == ("Beta", "b")
    assert vote["first_date"] == pd.Timestamp("2024-03-04") and vote["n_undated"] == 1
    boycott = fact_of(m, "Ferrant")  # Alpha and (undated) Gamma only
    assert boycott["first_outlet"] == "Alpha" and boycott["first_date"] == pd.Timestamp(
        "2024-03-05"
    )
    # Sorted by first appearance: Beta's three facts (4 March) before Alpha's boycott (5 March).
    assert m["first_date"].is_monotonic_increasing and m["fact"].iloc[-1] == boycott["fact"]


def test_same_day_reports_are_tied_and_undated_facts_come_last():
    docs = three_outlets(dates=("2024-03-04", "2024-03-04", None))
    m = fact_matrix(docs, align_passages(docs, pairs=PAIRS))
    vote = fact_of(m, "dissolve")
    assert vote["tied_first"] == 1 and vote["first_outlet"] == "Alpha"  # tie: smallest doc_id
    undated = three_outlets(dates=(None, None, None))
    m = fact_matrix(undated, align_passages(undated, pairs=PAIRS))
    assert m["first_date"].isna().all() and m["first_outlet"].isna().all()
    assert (m["n_undated"] == m["n_articles"]).all() and len(m) == 4


def test_an_outlet_never_compared_is_not_said_to_omit(docs, alignment):
    # Without the Beta-Gamma pair, Gamma still omits what Alpha (compared with it) reports.
    only = alignment[~((alignment["doc_a"] == "b") & (alignment["doc_b"] == "c"))].copy()
    only.attrs["pairs"] = [("a", "b"), ("a", "c")]
    t = fact_tables(docs, only)
    status = t.presence.set_index(["fact", "outlet"])["status"]
    pm = fact_of(t.matrix, "herders")["fact"]
    assert status[(pm, "Gamma")] == "omits"  # compared with Alpha, which reports it
    # With Alpha-Beta alone, Gamma was compared with nothing: not compared, never "omits".
    narrow = alignment[(alignment["doc_a"] == "a") & (alignment["doc_b"] == "b")].copy()
    narrow.attrs["pairs"] = [("a", "b")]
    t = fact_tables(docs, narrow)
    assert set(t.presence.loc[t.presence["outlet"] == "Gamma", "status"]) == {"not compared"}
    assert (t.matrix["n_not_compared"] == 1).all()


def test_omissions_and_their_counts(docs, alignment):
    t = fact_tables(docs, alignment)
    left_out = omissions(t.matrix, t.presence, "Gamma")
    assert left_out["text"].str.contains("herders").tolist() == [True]
    assert omissions(t.matrix, t.presence, "Gamma", min_others=3).empty
    counts = omission_counts(t.presence)
    assert list(counts.columns) == ["outlet", "reported", "omitted", "not_compared"]
    assert counts.set_index("outlet")["omitted"].to_dict() == {"Alpha": 0, "Beta": 1, "Gamma": 1}
    assert counts["outlet"].iloc[0] in ("Beta", "Gamma") and counts["omitted"].iloc[0] == 1
    with pytest.raises(KeyError, match="not an outlet"):
        omissions(t.matrix, t.presence, "Delta")


def test_outlets_that_report_no_fact_come_last():
    """An outlet that shares no fact with the others omits the most but is listed last, and
    the finding says why: its article may be about another event."""
    from analysis.views.findings import facts_md

    presence = pd.DataFrame(
        {
            "story": [0] * 9,
            "fact": [1, 1, 1, 2, 2, 2, 3, 3, 3],
            "outlet": ["Alpha", "Beta", "Gamma"] * 3,
            "status": [
                "reports",
                "reports",
                "omits",
                "reports",
                "omits",
                "omits",
                "reports",
                "reports",
                "omits",
            ],
        }
    )
    counts = omission_counts(presence, min_others=1)
    assert counts["outlet"].tolist() == ["Beta", "Alpha", "Gamma"]
    assert counts.set_index("outlet")["omitted"].to_dict() == {"Alpha": 0, "Beta": 1, "Gamma": 3}
    matrix = pd.DataFrame(
        {"story": [0] * 3, "fact": [1, 2, 3], "n_omitting": [1, 2, 1], "first_date": [pd.NaT] * 3}
    )
    tables = FactTables(mentions=pd.DataFrame(), matrix=matrix, presence=presence)
    choices = pd.DataFrame({"story": [0], "n_outlets": [3], "n_articles": [3], "title": ["T"]})
    text = facts_md(tables, choices, 0)
    assert "1 outlet reports none of them" in text and "**Gamma** omits" not in text


def test_fact_grid_is_wide_and_ordered(docs, alignment):
    t = fact_tables(docs, alignment)
    grid = fact_grid(t.presence)
    assert list(grid.index) == list(t.matrix["fact"])
    assert list(grid.columns) == ["Alpha", "Beta", "Gamma"]  # 4 reported, then 3 and 3 by name
    pm = fact_of(t.matrix, "herders")["fact"]
    assert grid.loc[pm].tolist() == [1, 1, 0]


def test_a_clause_does_not_chain_two_sentences_of_one_article_into_one_fact():
    x = "Wandermark resigned from the Veldoran cabinet. Corvath shares plunged on the exchange."
    y = "Wandermark resigned from the cabinet and Corvath shares plunged on the exchange."
    docs = pd.DataFrame({"doc_id": ["x", "y"], "outlet": ["X", "Y"], "text": [x, y]})
    # y's one sentence aligns with both of x's sentences (two facts in one sentence of y).
    alignment = pd.DataFrame(
        {
            "doc_a": ["x", "x"],
            "doc_b": ["y", "y"],
            "start_a": [0, 46],
            "end_a": [45, len(x)],
            "start_b": [0, 0],
            "end_b": [len(y), len(y)],
            "similarity": [0.8, 0.7],
        }
    )
    m = fact_matrix(docs, alignment, stories=pd.Series([0, 0]))
    mentions = fact_mentions(docs, alignment, stories=pd.Series([0, 0]))
    # The stronger link wins; the other sentence of x does not join it.
    assert len(m) == 1 and mentions.loc[mentions["doc_id"] == "x", "start"].tolist() == [0]


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        ({"minister", "resign"}, [{"vote"}, {"minister", "resign", "monday"}], 1),
        ({"share", "plunge"}, [{"share"}, {"plunge"}], 0),  # a tie: the first
        ({"herder"}, [{"vote"}, {"share"}], 0),  # nothing shared: the first
    ],
)
def test_best_partner(mine, theirs, expected):
    assert best_partner(mine, theirs) == expected


def test_no_alignment_gives_empty_tables_with_their_columns(docs):
    empty = align_passages(docs, pairs=[])
    t = fact_tables(docs, empty)
    assert t.matrix.empty and list(t.matrix.columns) == FACT_COLUMNS
    assert t.presence.empty and t.mentions.empty


def test_compared_articles_that_share_nothing_give_empty_tables():
    docs = three_outlets().iloc[:2].assign(text=[ALPHA, "Rain fell on the Halvik harbor."])
    t = story_facts(docs, 0, stories=docs["story"])
    assert t.matrix.empty and list(t.matrix.columns) == FACT_COLUMNS


def test_story_facts_aligns_one_story_and_checks_its_arguments(docs):
    other = pd.DataFrame(
        {
            "doc_id": ["z"],
            "outlet": ["Zeta"],
            "date": pd.to_datetime(["2024-03-04"]),
            "text": ["A wholly unrelated note about harbour dredging in Ostmark."],
            "title": ["Dredging"],
            "story": [1],
        }
    )
    both = pd.concat([docs, other], ignore_index=True)
    t = story_facts(both, 0)
    assert set(t.mentions["doc_id"]) == {"a", "b", "c"} and len(t.matrix) == 4
    assert t.matrix.equals(story_facts(both, 0).matrix)  # deterministic
    with pytest.raises(KeyError, match="not a story"):
        story_facts(both, 7)
    with pytest.raises(ValueError, match="stories has 1 rows"):
        fact_tables(docs, align_passages(docs, pairs=[]), stories=pd.Series([0]))


# ---------------------------------------------------------------- views of the facts

HOSTILE = '<script>alert("x")</script> <img src=x onerror="alert(1)"> & "quoted"'


def test_fact_matrix_view_calls_the_facts_behind_it(docs):
    from analysis.views.widgets import fact_matrix_view

    v = fact_matrix_view(docs)
    # The default story is the one most outlets covered; the widget shows what fact_tables says.
    assert [value for _, value in v.story.options] == [0]
    expected = fact_tables(docs, align_passages(docs, pairs=PAIRS))
    assert v.tables is not None and v.tables.matrix.equals(expected.matrix)
    assert v.tables.presence.equals(expected.presence)
    assert v.status.value.startswith("Story 0: 3 outlets, 3 articles; 4 facts")
    assert v.view.value.count("<tr>") == len(expected.matrix) + 1
    assert v.view.value.count("○") == int((expected.presence["status"] == "omits").sum()) + 1
    # Omissions: the outlet that omits most first (a tie, by name); picking another redraws.
    assert v.outlet.value == "Beta" and v.omitted["text"].str.contains("Ferrant").all()
    v.outlet.value = "Alpha"
    assert v.omitted.empty and "omits no fact" in v.omitted_view.value


def test_fact_matrix_view_says_when_no_story_has_three_outlets(docs):
    from analysis.views.widgets import fact_matrix_view

    two = docs[docs["doc_id"] != "c"].reset_index(drop=True)
    v = fact_matrix_view(two)
    assert "No story here is covered by 3 or more outlets; this one has the most (2)" in (
        v.status.value
    )
    assert len(v.tables.matrix) == 3
    alone = two[two["doc_id"] == "a"].reset_index(drop=True)
    v = fact_matrix_view(alone)
    assert v.story.options == () and "No story" in v.status.value and v.view.value == ""


def test_fact_matrix_html_escapes_titles_outlets_and_text():
    from analysis.views.widgets import fact_matrix_html, fact_matrix_view

    docs = three_outlets()
    docs["text"] = [t.replace("Corvath", HOSTILE + " Corvath", 1) for t in docs["text"]]
    docs["outlet"] = ["<b>Alpha</b>", 'Be"ta', "Gamma & Co"]
    docs["title"] = [HOSTILE] * 3
    tables = fact_tables(docs, align_passages(docs, pairs=PAIRS))
    assert tables.mentions["passage"].str.contains("<script>").any()
    out = fact_matrix_html(tables)
    assert "<script" not in out and "<img" not in out and "<b>Alpha" not in out
    assert "&lt;script&gt;" in out and "&lt;b&gt;Alpha&lt;/b&gt;" in out
    assert "Be&quot;ta" in out and "Gamma &amp; Co" in out
    v = fact_matrix_view(docs)
    shown = v.status.value + v.view.value + v.omitted_view.value
    assert "<script" not in shown and "<img" not in shown and "<b>Alpha" not in shown
    labels = [label for label, _ in v.story.options]
    assert labels and HOSTILE[:20] in labels[0]  # option labels are text, never HTML


def test_facts_md_computes_its_sentences(docs, alignment):
    from analysis.compare.facts import matrix_stories
    from analysis.views.findings import facts_md, omissions_md, pick_matrix_story

    choices = matrix_stories(docs)
    story = pick_matrix_story(choices)
    tables = fact_tables(docs, alignment)
    text = facts_md(tables, choices, story)
    assert text.startswith("Story 0 (*Veldoran vote*) is covered by 3 outlets (3 articles).")
    assert "4 facts are reported by two or more outlets; 2 by every outlet" in text
    assert "appeared first in **Beta** on 4 March 2024." in text
    assert "**Beta** omits the most facts that two or more others report: 1." in text
    two = docs[docs["doc_id"] != "c"].reset_index(drop=True)
    fewer = matrix_stories(two)
    assert "No story in this folder is covered by 3 or more outlets" in facts_md(
        fact_tables(two, align_passages(two, pairs=[("a", "b")])), fewer, 0
    )
    omitted = omissions(tables.matrix, tables.presence, "Gamma")
    assert omissions_md(omitted, "Gamma").startswith("**Gamma** omits 1 fact that two or more")
    assert omissions_md(omitted, "Gamma", n_outlets=3).startswith("**Gamma** omits 1 fact")
    # With two outlets nothing can be an omission: the sentence says why, not "omits no fact".
    two_outlets = omissions_md(omitted.iloc[:0], "Gamma", n_outlets=2)
    assert two_outlets.startswith("This story has 2 outlets") and "omits no" not in two_outlets
    with pytest.raises(ValueError, match="story 5 is not among"):
        pick_matrix_story(choices, 5)


def test_fact_heatmap_draws_the_grid(docs, alignment):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.views.plots import fact_heatmap

    t = fact_tables(docs, alignment)
    ax = fact_heatmap(fact_grid(t.presence), t.matrix)
    image = ax.get_images()[0].get_array()
    assert image.shape == (4, 3) and sorted(set(image.ravel().tolist())) == [0.0, 1.0]
    assert [x.get_text() for x in ax.get_xticklabels()] == ["Alpha", "Beta", "Gamma"]
    assert ax.get_yticklabels()[0].get_text() == "1 · 2024-03-04"
    plt.close("all")


@pytest.mark.parametrize(
    ("pairs", "max_pairs", "expected"),
    [
        # One article with everyone would leave c and d unpaired: the spread pairs them.
        ([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("c", "d")], 2, [("a", "b"), ("c", "d")]),
        ([("a", "b"), ("a", "c")], 5, [("a", "b"), ("a", "c")]),  # all of them when they fit
        ([("x", "y"), ("a", "b")], 1, [("x", "y")]),  # ties: the first given
    ],
)
def test_spread_pairs(pairs, max_pairs, expected):
    from analysis.compare.align import spread_pairs

    assert spread_pairs(pairs, max_pairs) == expected


def _outlet_docs(rows):
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "date", "text"]).assign(
        text=lambda d: d["text"].fillna("x")
    )


@pytest.mark.parametrize(
    ("rows", "pairs", "expected_first"),
    [
        # a1 is outlet A's first article (earliest date): its pair with b1 comes first.
        (
            [
                ("a2", "A", "2024-01-01", None),
                ("a1", "A", "2023-12-31", None),
                ("b1", "B", "2024-01-02", None),
            ],
            [("a2", "b1"), ("a1", "b1")],
            ("a1", "b1"),
        ),
        # Undated: the smallest doc id is the outlet's first.
        (
            [("a1", "A", None, None), ("a2", "A", None, None), ("b1", "B", None, None)],
            [("a2", "b1"), ("a1", "b1")],
            ("a1", "b1"),
        ),
    ],
)
def test_outlet_first(rows, pairs, expected_first):
    from analysis.compare.align import outlet_first

    out = outlet_first(_outlet_docs(rows), pairs)
    assert out[0] == expected_first and sorted(out) == sorted(pairs)


def test_story_pairs_reach_every_outlet():
    """One outlet wrote most of a story: the capped pairs still compare every outlet."""
    from analysis.compare.align import story_pairs

    rows = [(f"a{i:02d}", "A", "2024-01-01", None) for i in range(12)]
    rows += [("b1", "B", "2024-01-02", None), ("c1", "C", "2024-01-03", None)]
    docs = _outlet_docs(rows)
    pairs = story_pairs(docs, pd.Series(0, index=docs.index), [0], max_per_story=3)
    outlet = dict(zip(docs["doc_id"], docs["outlet"], strict=True))
    assert len(pairs) == 3 and pairs == sorted(pairs)
    assert {outlet[d] for p in pairs for d in p} == {"A", "B", "C"}


@pytest.mark.parametrize(
    ("statuses", "first"),
    [
        # The outlet that omits the most of what two others report comes first ...
        ({"Gazette": "roo", "Herald": "rrr", "Courier": "rrr", "Times": "rro"}, "Gazette"),
        # ... but not the articles of no known outlet, which may be many outlets,
        ({"unknown": "roo", "Herald": "rrr", "Courier": "rrr", "Times": "rro"}, "Times"),
        # nor an outlet that reports none of the facts.
        ({"Post": "ooo", "Herald": "rrr", "Courier": "rrr", "Gazette": "rro"}, "Gazette"),
    ],
)
def test_omission_counts_rank_outlets_first(statuses, first):
    from analysis.compare.facts import OMITS, REPORTS, omission_counts

    code = {"r": REPORTS, "o": OMITS}
    presence = pd.DataFrame(
        [
            {"story": 1, "fact": k + 1, "outlet": outlet, "status": code[c]}
            for outlet, cs in statuses.items()
            for k, c in enumerate(cs)
        ]
    )
    assert omission_counts(presence)["outlet"].iloc[0] == first
