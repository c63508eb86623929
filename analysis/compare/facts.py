"""Facts across many outlets: which outlets of a story report each fact, which leave it out, and
where it appeared first.

A *fact* is a group of clauses (:func:`analysis.compare.align.clause_spans`) of a story's
articles that :func:`analysis.compare.align.align_passages` aligned. Each aligned passage pair
links every clause on one side to the clause on the other side that shares most content lemmas
with it (and back), so a passage of two clauses facing one clause links both to it. Links are
merged strongest first (the passage pair's ``similarity``), and two groups merge only when no
article would then hold the fact in two different sentences: a fact is stated once per
article, so a clause that aligns with two unrelated sentences of another article does not chain
them into one fact; and two groups that each already span several articles merge only on
``CORROBORATION`` links, so one weak alignment does not join two facts either.

An outlet *omits* a fact when one of its articles was compared (a pair of the alignment) with an
article that reports it, and none of its articles does; when none of its articles was compared
with one that reports it, the outlet is *not compared* for that fact (a capped alignment, such
as :func:`analysis.compare.align.story_pairs` or :func:`story_facts` beyond ``MAX_PAIRS``,
leaves pairs out, and their silence is no evidence).

Tables (each function below documents its columns): ``mentions`` (one row per fact and
article), ``matrix`` (one row per fact), ``presence`` (one row per fact and outlet of the story,
tidy) and :func:`fact_grid` (facts x outlets, wide, for display).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import count

import numpy as np
import pandas as pd

from ..core.inputs import require_columns
from ..corpus.load import UNKNOWN_OUTLET
from ..corpus.load import outlets as outlet_column
from .align import (
    align_passages,
    alignment_pairs,
    clause_spans,
    compared_pairs,
    content_lemmas,
    outlet_first,
    spread_pairs,
    text_value,
)
from .stories import story_groups, story_table

MENTION_COLUMNS = [
    "story",
    "fact",
    "doc_id",
    "outlet",
    "date",
    "start",
    "end",
    "passage",
    "partners",
]
FACT_COLUMNS = [
    "story",
    "fact",
    "text",
    "first_date",
    "first_outlet",
    "first_doc",
    "tied_first",
    "n_outlets",
    "n_omitting",
    "n_not_compared",
    "n_articles",
    "n_undated",
    "outlets",
]
PRESENCE_COLUMNS = [
    "story",
    "fact",
    "outlet",
    "status",
    "doc_id",
    "date",
    "start",
    "end",
    "passage",
]
REPORTS, OMITS, NOT_COMPARED = "reports", "omits", "not compared"
# The cells of fact_grid: a number per status, so that a heatmap can colour them in order.
GRID_CODES = {REPORTS: 1, OMITS: 0}
# Facts another outlet leaves out count as omissions from this many reporting outlets up: one
# outlet's detail that a second leaves out is a difference of two articles, not an omission.
MIN_OTHERS = 2
# Links needed between two facts that each already span two or more articles before they merge
# into one: a single link there is as likely a weak alignment as a shared fact.
CORROBORATION = 2
# Article pairs story_facts aligns at most: a story of 14 articles from 13 outlets has 91
# cross-outlet pairs, whose alignment takes seconds; the largest stories have thousands.
MAX_PAIRS = 60


@dataclass(frozen=True)
class Clause:
    """One clause of one article: a node of the fact graph."""

    doc_id: str
    index: int


@dataclass
class _Group:
    """A fact being built: the sentence each of its articles states it in, and its links.
    ``key`` numbers groups in order of creation (deterministic, unlike ``id``)."""

    key: int
    sentence_of: dict[str, int]
    clauses: list[Clause] = field(default_factory=list)
    links: list[tuple[Clause, Clause]] = field(default_factory=list)


@dataclass(frozen=True)
class FactTables:
    """The tables of one fact analysis (columns: :func:`fact_tables`)."""

    mentions: pd.DataFrame
    matrix: pd.DataFrame
    presence: pd.DataFrame


@dataclass(frozen=True)
class _Article:
    """What the fact grouping needs of one article."""

    outlet: str
    date: pd.Timestamp
    text: str
    clauses: list[tuple[int, int, int]]


def _overlapping(clauses: list[tuple[int, int, int]], start: int, end: int) -> list[int]:
    """Indices of the clauses that overlap ``[start, end)``."""
    return [k for k, (s, e, _) in enumerate(clauses) if s < end and e > start]


def best_partner(mine: set[str], theirs: list[set[str]]) -> int:
    """Index of the set in ``theirs`` sharing most lemmas with ``mine`` (ties: the first).

    >>> best_partner({"minister", "resign"}, [{"vote"}, {"minister", "resign", "monday"}])
    1
    """
    shared = [len(mine & t) for t in theirs]
    return shared.index(max(shared))


def _clause_links(articles: dict[str, _Article], alignment: pd.DataFrame) -> list[tuple]:
    """``(similarity, clause_a, clause_b)`` for each clause of each aligned passage and its best
    partner on the other side (both ways), strongest first, then in reading order."""
    lemmas: dict[str, list[set[str]]] = {
        d: [set(content_lemmas(a.text, s, e)) for s, e, _ in a.clauses] for d, a in articles.items()
    }
    links: set[tuple[float, Clause, Clause]] = set()
    for r in alignment.itertuples(index=False):
        da, db = str(r.doc_a), str(r.doc_b)
        ca = _overlapping(articles[da].clauses, int(r.start_a), int(r.end_a))
        cb = _overlapping(articles[db].clauses, int(r.start_b), int(r.end_b))
        if not ca or not cb:
            continue
        sim = float(getattr(r, "similarity", 1.0))
        for i in ca:
            j = cb[best_partner(lemmas[da][i], [lemmas[db][k] for k in cb])]
            links.add((sim, Clause(da, i), Clause(db, j)))
        for j in cb:
            i = ca[best_partner(lemmas[db][j], [lemmas[da][k] for k in ca])]
            links.add((sim, Clause(da, i), Clause(db, j)))
    return sorted(links, key=lambda t: (-t[0], t[1].doc_id, t[1].index, t[2].doc_id, t[2].index))


def _group_clauses(articles: dict[str, _Article], links: list[tuple]) -> list[_Group]:
    """Merge linked clauses into facts, strongest link first. A merge that would put two
    sentences of one article into one fact is skipped; two facts that each already span
    several articles merge only on ``CORROBORATION`` links between them (one weak link is how
    unrelated facts chain)."""
    group_of: dict[Clause, _Group] = {}
    pending: Counter[tuple[int, int]] = Counter()
    keys = count()
    for _, a, b in links:
        ga, gb = (
            group_of.get(c) or _Group(next(keys), _sentence(articles, c), [c]) for c in (a, b)
        )
        ga, gb = (ga, gb) if ga.key <= gb.key else (gb, ga)
        if ga is gb:
            ga.links.append((a, b))
            continue
        if any(ga.sentence_of[d] != s for d, s in gb.sentence_of.items() if d in ga.sentence_of):
            continue
        if len(ga.sentence_of) > 1 and len(gb.sentence_of) > 1:
            pending[(ga.key, gb.key)] += 1
            if pending[(ga.key, gb.key)] < CORROBORATION:
                continue
        ga.sentence_of.update(gb.sentence_of)
        ga.clauses += [c for c in gb.clauses if c not in ga.clauses]
        ga.links += gb.links + [(a, b)]
        for c in ga.clauses:
            group_of[c] = ga
    unique = {g.key: g for g in group_of.values()}
    return list(unique.values())


def _sentence(articles: dict[str, _Article], clause: Clause) -> dict[str, int]:
    """``{doc_id: sentence index}`` of one clause."""
    return {clause.doc_id: articles[clause.doc_id].clauses[clause.index][2]}


def _mention_rows(articles: dict[str, _Article], group: _Group) -> list[dict]:
    """One row per article of ``group``: its clauses' span, and how many other articles link
    to it (``partners``, which picks the fact's wording)."""
    partners: dict[str, set[str]] = {}
    for a, b in group.links:
        partners.setdefault(a.doc_id, set()).add(b.doc_id)
        partners.setdefault(b.doc_id, set()).add(a.doc_id)
    rows = []
    for doc in sorted(group.sentence_of):
        art = articles[doc]
        spans = [art.clauses[c.index] for c in group.clauses if c.doc_id == doc]
        start, end = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
        rows.append(
            {
                "doc_id": doc,
                "outlet": art.outlet,
                "date": art.date,
                "start": start,
                "end": end,
                "passage": art.text[start:end],
                "partners": len(partners.get(doc, ())),
            }
        )
    return rows


def _story_labels(docs: pd.DataFrame, stories: pd.Series | None) -> pd.Series:
    """A story label per row of ``docs``: ``stories``, else a ``story`` column, else
    :func:`story_groups`."""
    if stories is not None:
        labels = pd.Series(stories)
        if len(labels) != len(docs):
            raise ValueError(
                f"fact_tables: stories has {len(labels)} rows but docs {len(docs)}; "
                "pass story_groups(docs) of the same docs table"
            )
        return pd.Series(labels.to_numpy(), index=docs.index)
    if "story" in docs:
        return docs["story"]
    return story_groups(docs)


def _articles(docs: pd.DataFrame, ids: set[str]) -> dict[str, _Article]:
    """The articles ``ids`` of ``docs``, cut into clauses."""
    rows = docs[docs["doc_id"].astype("str").isin(ids)]
    dates = (
        pd.to_datetime(rows["date"], errors="coerce")
        if "date" in rows
        else pd.Series(pd.NaT, index=rows.index)
    )
    out = {}
    for doc, outlet, date, text in zip(
        rows["doc_id"].astype("str"), outlet_column(rows), dates, rows["text"], strict=True
    ):
        text = text_value(text)
        out[doc] = _Article(str(outlet), date, text, clause_spans(text))
    return out


def fact_mentions(
    docs: pd.DataFrame,
    alignment: pd.DataFrame,
    *,
    stories: pd.Series | None = None,
    story: int | None = None,
) -> pd.DataFrame:
    """Where each fact is stated: one row per fact and article reporting it (see the module
    docstring for what a fact is).

    ``docs``: ``doc_id``, ``text`` (``outlet``, ``date`` used when present); ``alignment``:
    :func:`align_passages` of articles of ``docs``; ``stories``: a story label per row of
    ``docs`` (default a ``story`` column, else :func:`story_groups`); ``story``: only that
    story's articles and pairs.

    Columns: ``story``, ``fact`` (numbered from 1 per story in order of first appearance, as in
    :func:`fact_tables`), ``doc_id``, ``outlet``, ``date`` (NaT when undated), ``start, end``
    (offsets into the article's ``text``: from its first clause of the fact to its last),
    ``passage`` (that text), ``partners`` (how many other articles of the fact link to this
    passage; the fact's ``text`` is the passage with most). Sorted by story, fact, date
    (undated last), doc_id.
    """
    return fact_tables(docs, alignment, stories=stories, story=story).mentions


def _facts_of_story(
    label: int, articles: dict[str, _Article], alignment: pd.DataFrame
) -> list[pd.DataFrame]:
    """The mention rows of each fact of one story, facts in order of first appearance."""
    groups = _group_clauses(articles, _clause_links(articles, alignment))
    facts = []
    for g in groups:
        rows = pd.DataFrame(_mention_rows(articles, g))
        rows = rows.sort_values(["date", "doc_id"], na_position="last", kind="stable")
        facts.append(rows.assign(story=label))
    # First appearance: earliest date, then the earliest article's id and offset.
    facts.sort(key=_first_key)
    return [f.assign(fact=k) for k, f in enumerate(facts, start=1)]


def _first_key(rows: pd.DataFrame) -> tuple[bool, pd.Timestamp, str, int]:
    """Sort key of a fact's mention rows (dated first): its earliest date (undated facts
    last), then its first article's id and offset."""
    first = rows.iloc[0]
    undated = bool(pd.isna(first["date"]))
    date = pd.Timestamp(0) if undated else pd.Timestamp(first["date"])
    return (undated, date, str(first["doc_id"]), int(first["start"]))


def fact_tables(
    docs: pd.DataFrame,
    alignment: pd.DataFrame,
    *,
    stories: pd.Series | None = None,
    story: int | None = None,
) -> FactTables:
    """The facts of the articles ``alignment`` compared, as three tables.

    ``mentions``: :func:`fact_mentions`. ``matrix``: :func:`fact_matrix`. ``presence``: one row
    per fact and outlet of the fact's story (every outlet with an article in that story, a
    missing outlet reads "unknown"), tidy: ``story, fact, outlet``, ``status`` ("reports",
    "omits" or "not compared", see the module docstring), and for "reports" the outlet's first
    reporting article: ``doc_id``, ``date``, ``start, end``, ``passage`` (missing otherwise).
    Sorted by story, fact, outlet.
    """
    require_columns(docs, "doc_id", "text", fn="fact_tables")
    labels = _story_labels(docs, stories)
    pairs = alignment_pairs(docs, alignment, "fact_tables")
    ids = docs["doc_id"].astype("str")
    story_of = dict(zip(ids, labels, strict=True))
    if story is not None:
        if story not in set(labels):
            raise KeyError(f"fact_tables: story={story!r} is not a story of docs")
        pairs = [(a, b) for a, b in pairs if story_of[a] == story and story_of[b] == story]
    pairs = [(a, b) for a, b in pairs if story_of[a] == story_of[b]]
    compared = {d for p in pairs for d in p}
    articles = _articles(docs, compared)
    kept = set(pairs)
    # A boolean array, not a list: an empty list would select no columns.
    rows = alignment.loc[
        np.array(
            [
                (str(a), str(b)) in kept
                for a, b in zip(alignment["doc_a"], alignment["doc_b"], strict=True)
            ],
            dtype=bool,
        )
    ]
    facts: list[pd.DataFrame] = []
    for label in sorted({story_of[d] for d in compared}):
        here = {d: a for d, a in articles.items() if story_of[d] == label}
        in_story = rows[rows["doc_a"].astype("str").isin(here)]
        facts += _facts_of_story(label, here, in_story)
    mentions = _mentions_table(facts)
    members = docs[["doc_id"]].assign(
        _story=labels.to_numpy(), outlet=outlet_column(docs).to_numpy()
    )
    members = members[members["_story"].isin(set(mentions["story"]))]
    presence = _presence_table(mentions, members, pairs)
    return FactTables(mentions, _matrix_table(mentions, presence), presence)


def _mentions_table(facts: list[pd.DataFrame]) -> pd.DataFrame:
    if not facts:
        out = pd.DataFrame({c: pd.Series(dtype="object") for c in MENTION_COLUMNS})
    else:
        out = pd.concat(facts, ignore_index=True)[MENTION_COLUMNS]
    return out.astype(
        {
            "story": "int64",
            "fact": "int64",
            "doc_id": "str",
            "outlet": "str",
            "date": "datetime64[ns]",
            "start": "int64",
            "end": "int64",
            "passage": "str",
            "partners": "int64",
        }
    ).reset_index(drop=True)


def _presence_table(
    mentions: pd.DataFrame, members: pd.DataFrame, pairs: list[tuple[str, str]]
) -> pd.DataFrame:
    """One row per fact and outlet of its story: reports, omits or not compared."""
    partners: dict[str, set[str]] = {}
    for a, b in pairs:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    outlets_of = members.groupby("_story", sort=True)["outlet"].agg(lambda s: sorted(set(s)))
    docs_of = members.groupby(["_story", "outlet"], sort=True)["doc_id"].agg(
        lambda s: set(s.astype("str"))
    )
    rows: list[dict] = []
    for (label, fact), ms in mentions.groupby(["story", "fact"], sort=True):
        reporting = set(ms["doc_id"])
        for outlet in outlets_of[label]:
            mine = ms[ms["outlet"] == outlet]
            if len(mine):
                first = mine.iloc[0]
                rows.append(
                    {"story": label, "fact": fact, "outlet": outlet, "status": REPORTS}
                    | {c: first[c] for c in ("doc_id", "date", "start", "end", "passage")}
                )
                continue
            seen = any(partners.get(d, set()) & reporting for d in docs_of[(label, outlet)])
            rows.append(
                {"story": label, "fact": fact, "outlet": outlet}
                | {"status": OMITS if seen else NOT_COMPARED}
            )
    out = pd.DataFrame(rows, columns=PRESENCE_COLUMNS)
    return out.astype(
        {
            "story": "int64",
            "fact": "int64",
            "outlet": "str",
            "status": "str",
            "doc_id": "str",
            "date": "datetime64[ns]",
            "start": "Int64",
            "end": "Int64",
            "passage": "str",
        }
    ).reset_index(drop=True)


def _matrix_table(mentions: pd.DataFrame, presence: pd.DataFrame) -> pd.DataFrame:
    """One row per fact: its wording, first appearance and how many outlets report it."""
    rows = []
    status = presence.groupby(["story", "fact"], sort=True)["status"].agg(Counter)
    for (label, fact), ms in mentions.groupby(["story", "fact"], sort=True):
        # The wording of the article most others link to; ties: the earliest.
        wording = ms["passage"].iloc[int(ms["partners"].to_numpy().argmax())]
        dated = ms.dropna(subset=["date"])
        first = dated.iloc[0] if len(dated) else None
        counts = status[(label, fact)]
        rows.append(
            {
                "story": label,
                "fact": fact,
                "text": wording,
                "first_date": first["date"] if first is not None else pd.NaT,
                "first_outlet": first["outlet"] if first is not None else None,
                "first_doc": first["doc_id"] if first is not None else None,
                "tied_first": (
                    int(dated.loc[dated["date"] == first["date"], "outlet"].nunique()) - 1
                    if first is not None
                    else 0
                ),
                "n_outlets": counts[REPORTS],
                "n_omitting": counts[OMITS],
                "n_not_compared": counts[NOT_COMPARED],
                "n_articles": len(ms),
                "n_undated": int(ms["date"].isna().sum()),
                "outlets": "; ".join(sorted(set(ms["outlet"]))),
            }
        )
    out = pd.DataFrame(rows, columns=FACT_COLUMNS)
    return out.astype(
        {
            "story": "int64",
            "fact": "int64",
            "text": "str",
            "first_date": "datetime64[ns]",
            "first_outlet": "str",
            "first_doc": "str",
            "tied_first": "int64",
            "n_outlets": "int64",
            "n_omitting": "int64",
            "n_not_compared": "int64",
            "n_articles": "int64",
            "n_undated": "int64",
            "outlets": "str",
        }
    ).reset_index(drop=True)


def fact_matrix(
    docs: pd.DataFrame,
    alignment: pd.DataFrame,
    *,
    stories: pd.Series | None = None,
    story: int | None = None,
) -> pd.DataFrame:
    """One row per fact of the articles ``alignment`` compared (arguments: :func:`fact_mentions`),
    in order of first appearance.

    Columns: ``story``; ``fact`` (from 1 per story); ``text`` (the wording of the article most
    others link to); ``first_date`` (the earliest date of an article reporting it; undated
    articles cannot be first, NaT when none is dated); ``first_outlet``, ``first_doc`` (that
    article; ties on the date: the smallest doc_id; missing when undated); ``tied_first`` (other
    outlets reporting it on that same date: with dates by the day, "first" among them is not
    known); ``n_outlets`` (outlets reporting it), ``n_omitting`` (outlets compared with it that
    leave it out), ``n_not_compared``; ``n_articles`` (articles reporting it), ``n_undated``
    (of those, undated); ``outlets`` (the reporting outlets, "; " between them).
    Sorted by story, then ``fact``: the earliest ``first_date`` first, undated facts last.
    """
    return fact_tables(docs, alignment, stories=stories, story=story).matrix


def fact_grid(presence: pd.DataFrame) -> pd.DataFrame:
    """The ``presence`` table of :func:`fact_tables` for one story, wide: one row per ``fact``
    (the index, in order), one column per outlet (most facts reported first, then by name);
    a cell is 1 when the outlet reports the fact, 0 when it omits it, missing when it was not
    compared (nullable ``Int8``)."""
    if presence["story"].nunique() > 1:
        raise ValueError("fact_grid: presence holds several stories; pass one story's rows")
    codes = presence["status"].map(GRID_CODES).astype("Int8")
    wide = presence.assign(code=codes).pivot(index="fact", columns="outlet", values="code")
    reported = (presence["status"] == REPORTS).groupby(presence["outlet"]).sum()
    order = sorted(wide.columns, key=lambda o: (-int(reported.get(o, 0)), str(o)))
    wide = wide[order].astype("Int8")
    wide.columns.name = "outlet"
    return wide


def omissions(
    matrix: pd.DataFrame, presence: pd.DataFrame, outlet: str, *, min_others: int = MIN_OTHERS
) -> pd.DataFrame:
    """The facts ``outlet`` omits (compared with it, reported by none of its articles) that at
    least ``min_others`` other outlets report: rows of ``matrix`` (:func:`fact_matrix`), in its
    order."""
    known = set(presence["outlet"])
    if outlet not in known:
        raise KeyError(f"omissions: outlet={outlet!r} is not an outlet of these facts")
    left_out = presence[(presence["outlet"] == outlet) & (presence["status"] == OMITS)]
    keys = set(zip(left_out["story"], left_out["fact"], strict=True))
    hit = [
        (s, f) in keys and n >= min_others
        for s, f, n in zip(matrix["story"], matrix["fact"], matrix["n_outlets"], strict=True)
    ]
    return matrix[hit].reset_index(drop=True)


def omission_counts(presence: pd.DataFrame, *, min_others: int = MIN_OTHERS) -> pd.DataFrame:
    """Per outlet: ``reported`` (facts it reports), ``omitted`` (facts it omits that at least
    ``min_others`` others report), ``not_compared``. Sorted by ``omitted`` (most first), then
    outlet, the outlets that report none of the facts and the articles of no known outlet last
    (:func:`_ranked_last`): the first row is the outlet that leaves out most of what others
    agree on."""
    reporters = (
        presence[presence["status"] == REPORTS].groupby(["story", "fact"]).size().rename("n")
    )
    rows = presence.join(reporters, on=["story", "fact"])
    rows = rows.assign(
        reported=rows["status"] == REPORTS,
        omitted=(rows["status"] == OMITS) & (rows["n"] >= min_others),
        not_compared=rows["status"] == NOT_COMPARED,
    )
    out = rows.groupby("outlet", sort=True)[["reported", "omitted", "not_compared"]].sum()
    out = out.astype("int64").reset_index()
    return (
        out.assign(_none=_ranked_last(out))
        .sort_values(["_none", "omitted", "outlet"], ascending=[True, False, True], kind="stable")
        .drop(columns="_none")
        .reset_index(drop=True)
    )


def _ranked_last(counts: pd.DataFrame) -> pd.Series:
    """Which rows of :func:`omission_counts` no default pick of "the outlet that omits the
    most" should name: an outlet that reports none of the facts (it may have written about
    another event that the grouping joined: its silence says little), and the articles with
    no known outlet (``unknown``: they may come from many outlets, so their omissions are no
    one outlet's)."""
    return (counts["reported"] == 0) | (counts["outlet"] == UNKNOWN_OUTLET)


def story_facts(
    docs: pd.DataFrame,
    story: int,
    *,
    stories: pd.Series | None = None,
    max_pairs: int = MAX_PAIRS,
) -> FactTables:
    """:func:`fact_tables` of one story, aligning its cross-outlet article pairs first: all of
    them up to ``max_pairs``, else ``max_pairs`` spread over its articles
    (:func:`~analysis.compare.align.outlet_first`, then
    :func:`~analysis.compare.align.spread_pairs`). ``stories``: as in :func:`fact_mentions`."""
    labels = _story_labels(docs, stories)
    if story not in set(labels):
        raise KeyError(f"story_facts: story={story!r} is not a story of docs")
    in_story = labels.to_numpy() == story
    members = docs[in_story]
    own = pd.Series(story, index=members.index)
    pairs = spread_pairs(outlet_first(members, compared_pairs(members, stories=own)), max_pairs)
    alignment = align_passages(members, pairs=pairs)
    return fact_tables(members, alignment, stories=own, story=story)


# Outlets a story needs before its facts are worth a matrix: with two, the two-article view
# (notebook 04's side by side) says more.
MIN_MATRIX_OUTLETS = 3


def matrix_stories(
    docs: pd.DataFrame,
    stories: pd.Series | None = None,
    *,
    min_outlets: int = MIN_MATRIX_OUTLETS,
) -> pd.DataFrame:
    """The stories worth a fact matrix: rows of :func:`analysis.compare.stories.story_table`
    covered by at least ``min_outlets`` outlets, the most outlets first (its first row is the
    default story). When no story has that many, the stories with the most outlets there are
    (at least two), so that a small folder still shows its best story; ``attrs["min_met"]``
    says whether ``min_outlets`` was met."""
    table = story_table(docs, _story_labels(docs, stories), min_outlets=2)
    met = bool(len(table)) and int(table["n_outlets"].max()) >= min_outlets
    if met:
        table = table[table["n_outlets"] >= min_outlets]
    elif len(table):
        table = table[table["n_outlets"] == table["n_outlets"].max()]
    out = table.reset_index(drop=True)
    out.attrs["min_met"] = met
    out.attrs["min_outlets"] = int(min_outlets)
    return out
