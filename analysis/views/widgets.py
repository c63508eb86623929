"""ipywidgets views for the notebooks. Each view only lays out controls and calls the analysis
functions that compute; article text shown as HTML is always escaped.

Each factory returns the widget to display; its callbacks are plain functions that tests and
benchmarks can call without a browser.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..compare.align import align_passages, unique_passages
from ..compare.facts import (
    MAX_PAIRS,
    MIN_MATRIX_OUTLETS,
    MIN_OTHERS,
    NOT_COMPARED,
    OMITS,
    REPORTS,
    FactTables,
    fact_grid,
    fact_tables,
    matrix_stories,
    omission_counts,
    omissions,
    story_facts,
)
from ..compare.pairs import word_diff
from ..compare.stories import story_groups, story_table
from ..compare.terms import kwic, term_counts
from ..core.parallel import contiguous
from ..corpus.load import contains_text, filter_docs
from ..corpus.load import outlets as outlet_column
from ..quotes.extract import KINDS
from ..quotes.quote_filter import QuoteFilter


def escaped(text: str) -> str:
    """Article text made safe to place inside HTML (markup shows as text, nothing executes)."""
    return html.escape(text, quote=True)


def table_html(df: pd.DataFrame, *, max_rows: int = 50) -> str:
    """A DataFrame as escaped HTML for an ``ipywidgets.HTML`` value."""
    return df.head(max_rows).to_html(index=False, escape=True, na_rep="")


def outlet_picker(docs: pd.DataFrame, *, description: str = "Outlets") -> widgets.SelectMultiple:
    """A multi-select of the outlets in ``docs``, all selected, sorted by name (a missing
    outlet, or a table without the column, reads as "unknown": ``analysis.corpus.outlets``)."""
    outlets = sorted(outlet_column(docs).unique().tolist())
    return widgets.SelectMultiple(
        options=outlets,
        value=tuple(outlets),
        description=description,
        rows=min(8, max(2, len(outlets))),
    )


# ---------------------------------------------------------------------------- 01 ingestion


def article_html(row: pd.Series) -> str:
    """One article as escaped HTML: title, outlet and date, then its paragraphs."""
    date = "undated" if pd.isna(row["date"]) else f"{row['date']:%Y-%m-%d}"
    title = row["title"] if isinstance(row.get("title"), str) and row["title"] else row["doc_id"]
    paras = "".join(f"<p>{escaped(p)}</p>" for p in str(row["text"]).split("\n\n") if p.strip())
    return (
        f"<h3>{escaped(str(title))}</h3>"
        f"<p><b>{escaped(str(row['outlet']))}</b> · {date} · {int(row['n_words']):,} words"
        f" · <code>{escaped(str(row['doc_id']))}</code></p>{paras}"
    )


def story_dropdown(table: pd.DataFrame) -> widgets.Dropdown:
    """A story picker over a :func:`story_table`-like table (``story``, ``n_outlets``,
    ``n_articles``, ``title``), one option per row: "3 · 4 outlets · 6 articles · title"."""
    return widgets.Dropdown(
        description="Story",
        layout=widgets.Layout(width="95%"),
        options=[
            (
                f"{int(r.story)} · {r.n_outlets} outlets · {r.n_articles} articles · "
                f"{r.title or ''}"[:120],
                int(r.story),
            )
            for r in table.itertuples()
        ],
    )


class ArticleBrowser(widgets.VBox):
    """Filter articles by outlet and date range, pick one, read it.

    ``refresh()`` applies the filters (it is what the controls call); ``selection`` holds the
    filtered rows and ``reader.value`` the escaped HTML of the picked article.

    The rows kept are those of ``analysis.corpus.filter_docs``. A redraw filters a narrow copy
    of the table (no text) and remembers the last text search: on the whole 37,554-article
    corpus, copying every text into each selection was most of a redraw's time.
    """

    def __init__(self, docs: pd.DataFrame, *, max_options: int = 500) -> None:
        self.docs = contiguous(docs)  # picking the rows to show is then cheap (see contiguous)
        self.max_options = max_options
        # What the filters and the article list read; row i here is row i of docs.
        self._meta = docs[[c for c in ("doc_id", "outlet", "date", "title") if c in docs]]
        self._meta = self._meta.reset_index(drop=True)
        self._first_row = {d: i for i, d in reversed(list(enumerate(docs["doc_id"])))}
        self._hits: tuple[str, np.ndarray] | None = None  # (search text, rows containing it)
        self._rows = np.arange(0)
        self._selection: pd.DataFrame | None = None
        dates = docs["date"].dropna()
        self.outlets = outlet_picker(docs)
        self.start = widgets.DatePicker(
            description="From", value=dates.min().date() if len(dates) else None
        )
        self.end = widgets.DatePicker(
            description="To", value=dates.max().date() if len(dates) else None
        )
        # The date range starts as the folder's first and last day; without this box the
        # undated articles would be hidden by it, unannounced.
        self.undated = widgets.Checkbox(
            description="and undated", value=True, indent=False, disabled=len(dates) == len(docs)
        )
        self.search = widgets.Text(description="Contains", placeholder="word or phrase")
        self.picker = widgets.Dropdown(description="Article", layout=widgets.Layout(width="95%"))
        self.status = widgets.HTML()
        self.reader = widgets.HTML(layout=widgets.Layout(max_height="420px", overflow="auto"))
        for w in (self.outlets, self.start, self.end, self.undated, self.search):
            w.observe(lambda _change: self.refresh(), names="value")
        self.picker.observe(lambda _change: self.show(), names="value")
        super().__init__(
            [
                widgets.HBox(
                    [self.outlets, widgets.VBox([self.start, self.end, self.undated, self.search])]
                ),
                self.status,
                self.picker,
                self.reader,
            ]
        )
        self.refresh()

    @property
    def selection(self) -> pd.DataFrame:
        """The rows of ``docs`` that pass the filters, every column (built when first read)."""
        if self._selection is None:
            self._selection = self.docs.iloc[self._rows]
        return self._selection

    def _contains(self, text: str) -> np.ndarray:
        """Whether each article contains ``text``: filter_docs's own test, run on the text
        column once per search (an outlet or date change reuses it)."""
        if self._hits is None or self._hits[0] != text:
            self._hits = (text, contains_text(self.docs["text"], text))
        return self._hits[1]

    def refresh(self) -> None:
        """Re-apply the filters and refill the article list."""
        kept = filter_docs(
            self._meta,
            outlets=self.outlets.value,
            start=self.start.value,
            end=self.end.value,
            undated=self.undated.value,
        )
        rows = kept.index.to_numpy()
        if self.search.value:
            rows = rows[self._contains(self.search.value)[rows]]
        self._rows, self._selection = rows, None
        shown = self._meta.iloc[rows[: self.max_options]]
        labels = [
            (
                f"{'undated' if pd.isna(d) else f'{d:%Y-%m-%d}'} · {o} · "
                f"{t if isinstance(t, str) and t else i}"[:120],
                i,
            )
            for i, o, d, t in zip(
                shown["doc_id"], shown["outlet"], shown["date"], shown["title"], strict=True
            )
        ]
        more = len(rows) - len(shown)
        n_undated = int(self._meta["date"].iloc[rows].isna().sum())
        self.status.value = (
            f"{len(rows):,} of {len(self.docs):,} articles match"
            + (f" ({n_undated:,} undated)" if n_undated else "")
            + (f"; the first {len(shown):,} are listed" if more > 0 else "")
        )
        self.picker.options = labels
        self.picker.value = labels[0][1] if labels else None
        self.show()

    def show(self) -> None:
        """Display the picked article."""
        if self.picker.value is None:
            self.reader.value = "<i>No article matches these filters.</i>"
            return
        self.reader.value = article_html(self.docs.iloc[self._first_row[self.picker.value]])


def article_browser(docs: pd.DataFrame) -> ArticleBrowser:
    """An :class:`ArticleBrowser` over ``docs`` (display it as the last line of a cell)."""
    return ArticleBrowser(docs)


# ---------------------------------------------------------------------------- 02 word frequencies


def term_table(
    docs: pd.DataFrame,
    *,
    outlets: tuple[str, ...] | None = None,
    ngram: int = 1,
    stopwords: bool = True,
    lemmatize: bool = False,
    min_count: int = 1,
    top: int = 15,
) -> pd.DataFrame:
    """What :class:`TermExplorer` shows: the ``top`` terms of each selected outlet, from
    ``analysis.terms.term_counts`` (columns ``outlet, term, count, share``)."""
    if outlets is not None and "outlet" in docs:
        docs = docs.loc[docs["outlet"].isin(list(outlets))]
    counts = term_counts(
        docs,
        by="outlet",
        ngram=ngram,
        min_count=min_count,
        stopwords="news" if stopwords else None,
        lemmatize=lemmatize,
    )
    return counts.groupby("outlet", sort=False).head(top).reset_index(drop=True)


def side_by_side_html(counts: pd.DataFrame, *, by: str = "outlet") -> str:
    """A long ``by, term, count`` table as escaped HTML with one column per group, rank by rank
    ("term (count)"), so outlets can be read across."""
    cols = {}
    for group, rows in counts.groupby(by, sort=False):
        cols[str(group)] = [f"{t} ({c})" for t, c in zip(rows["term"], rows["count"], strict=True)]
    wide = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in cols.items()})
    wide.index = range(1, len(wide) + 1)
    return wide.to_html(escape=True, na_rep="")


class TermExplorer(widgets.VBox):
    """Top terms per outlet, with controls for outlets, n-gram size, stopwords, lemmas and the
    minimum count. ``refresh()`` recomputes (it is what the controls call); ``table`` holds the
    rows shown and ``output.value`` their escaped HTML."""

    def __init__(self, docs: pd.DataFrame) -> None:
        self.docs = docs
        self.outlets = outlet_picker(docs)
        self.ngram = widgets.ToggleButtons(
            options=[("words", 1), ("2-grams", 2), ("3-grams", 3)], value=1, description="Terms"
        )
        self.stopwords = widgets.Checkbox(value=True, description="Drop stopwords")
        self.lemmatize = widgets.Checkbox(value=False, description="Lemmas")
        self.min_count = widgets.BoundedIntText(
            value=1, min=1, max=1_000_000, description="Min count"
        )
        self.top = widgets.IntSlider(value=15, min=5, max=50, description="Top")
        self.output = widgets.HTML(layout=widgets.Layout(max_height="460px", overflow="auto"))
        self.table = docs.iloc[:0]
        for w in (
            self.outlets,
            self.ngram,
            self.stopwords,
            self.lemmatize,
            self.min_count,
            self.top,
        ):
            w.observe(lambda _change: self.refresh(), names="value")
        super().__init__(
            [
                widgets.HBox(
                    [self.outlets, widgets.VBox([self.ngram, self.stopwords, self.lemmatize])]
                ),
                widgets.HBox([self.min_count, self.top]),
                self.output,
            ]
        )
        self.refresh()

    def refresh(self) -> None:
        """Recount with the current settings and show the table."""
        self.table = term_table(
            self.docs,
            outlets=tuple(self.outlets.value),
            ngram=self.ngram.value,
            stopwords=self.stopwords.value,
            lemmatize=self.lemmatize.value,
            min_count=self.min_count.value,
            top=self.top.value,
        )
        self.output.value = (
            side_by_side_html(self.table)
            if len(self.table)
            else "<i>No terms: pick an outlet or lower the minimum count.</i>"
        )


def term_explorer(docs: pd.DataFrame) -> TermExplorer:
    """A :class:`TermExplorer` over ``docs`` (display it as the last line of a cell)."""
    return TermExplorer(docs)


def kwic_html(lines: pd.DataFrame, *, max_rows: int = 200) -> str:
    """Keyword-in-context rows (``analysis.terms.kwic``) as an escaped HTML table, the match
    highlighted and centred."""
    if lines.empty:
        return "<i>No matches.</i>"
    rows = [
        f"<tr><td>{escaped(str(o))}</td><td style='text-align:right'>{escaped(left)}</td>"
        f"<td style='text-align:center'><mark>{escaped(match)}</mark></td>"
        f"<td style='text-align:left'>{escaped(right)}</td>"
        f"<td><code>{escaped(str(d))}</code></td></tr>"
        for d, o, left, match, right in zip(
            lines["doc_id"],
            lines["outlet"],
            lines["left"],
            lines["match"],
            lines["right"],
            strict=True,
        )
    ][:max_rows]
    more = f"<p>first {max_rows:,} of {len(lines):,} lines</p>" if len(lines) > max_rows else ""
    return (
        "<table><tr><th>outlet</th><th>left</th><th>match</th><th>right</th>"
        "<th>article</th></tr>" + "".join(rows) + "</table>" + more
    )


class KwicBrowser(widgets.VBox):
    """Type a word, a phrase or (with "regex" ticked) a regular expression; see every
    occurrence in context. Text is searched literally unless "regex" is ticked; a regex runs in
    RE2 (linear time: :func:`analysis.terms.user_regex`), so no pattern can freeze the
    notebook. ``refresh()`` searches (it is what the controls call); ``lines`` holds the rows
    shown."""

    def __init__(self, docs: pd.DataFrame, *, pattern: str = "", regex: bool = False) -> None:
        self.docs = docs
        self.pattern = widgets.Text(
            value=pattern,
            description="Search",
            placeholder="a word, a phrase or a regex",
            continuous_update=False,
        )
        self.regex = widgets.Checkbox(value=regex, description="regex", indent=False)
        self.window = widgets.IntSlider(
            value=8, min=1, max=30, description="Words", continuous_update=False
        )
        self.status = widgets.HTML()
        self.output = widgets.HTML(layout=widgets.Layout(max_height="460px", overflow="auto"))
        self.lines = pd.DataFrame()
        for w in (self.pattern, self.window, self.regex):
            w.observe(lambda _change: self.refresh(), names="value")
        super().__init__(
            [widgets.HBox([self.pattern, self.regex, self.window]), self.status, self.output]
        )
        self.refresh()

    def refresh(self) -> None:
        """Search again with the current pattern and window."""
        self.lines = pd.DataFrame()
        if not self.pattern.value.strip():
            self.status.value, self.output.value = "<i>Type something to search for.</i>", ""
            return
        try:
            self.lines = kwic(
                self.docs, self.pattern.value, window=self.window.value, regex=self.regex.value
            )
        except ValueError as err:  # a half-typed regex: say so instead of failing silently
            self.status.value, self.output.value = f"<b>{escaped(str(err))}</b>", ""
            return
        n_docs = self.lines["doc_id"].nunique()
        self.status.value = f"{len(self.lines):,} matches in {n_docs:,} articles"
        self.output.value = kwic_html(self.lines)


def kwic_browser(docs: pd.DataFrame, pattern: str = "", *, regex: bool = False) -> KwicBrowser:
    """A :class:`KwicBrowser` over ``docs`` (display it as the last line of a cell)."""
    return KwicBrowser(docs, pattern=pattern, regex=regex)


# ---------------------------------------------------------------------------- 04 source comparison

_SHARED_STYLE = "background:#fde68a"
_ONLY_STYLE = "background:#fecaca"


def highlighted_html(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` as escaped HTML with ``spans`` (start, end, style, label) wrapped in ``<mark>``.

    Each piece of article text is escaped *before* markup is added around it, so markup in the
    text shows as text. Overlapping spans: the earlier one wins. Line breaks become ``<br>``.
    """
    out, pos = [], 0
    for start, end, style, label in sorted(spans):
        if start < pos or end <= start:
            continue
        out.append(escaped(text[pos:start]))
        out.append(
            f'<mark style="{escaped(style)}" title="{escaped(label)}">'
            f"<sup>{escaped(label)}</sup>{escaped(text[start:end])}</mark>"
        )
        pos = end
    out.append(escaped(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def merged_marks(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, str]]:
    """Numbered spans (start, end, number) of one article, overlapping ones merged into one
    mark that carries all their numbers: a sentence shared with two passages of the other
    article shows both. ``[(0, 5, 1), (3, 9, 2), (12, 15, 3)]`` ->
    ``[(0, 9, "1,2"), (12, 15, "3")]``."""
    out: list[tuple[int, int, list[int]]] = []
    for start, end, k in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end), out[-1][2] + [k])
        else:
            out.append((start, end, [k]))
    return [(s, e, ",".join(str(k) for k in sorted(ks))) for s, e, ks in out]


def comparison_html(
    docs: pd.DataFrame,
    alignment: pd.DataFrame,
    a: str,
    b: str,
    *,
    unique: pd.DataFrame | None = None,
) -> str:
    """Articles ``a`` and ``b`` side by side: shared passages (rows of ``alignment`` for the
    pair, numbered alike on both sides) in yellow, passages only one reports (rows of
    ``unique``) in red. Escaped HTML."""
    pair = alignment[
        ((alignment["doc_a"] == a) & (alignment["doc_b"] == b))
        | ((alignment["doc_a"] == b) & (alignment["doc_b"] == a))
    ]
    cols = []
    outlet_of = outlet_column(docs)
    for doc in (a, b):
        at = (docs["doc_id"] == doc).to_numpy()
        row, outlet = docs.loc[at].iloc[0], outlet_of[at].iloc[0]
        shared = []
        for k, r in enumerate(pair.itertuples(index=False), start=1):
            side = "a" if r.doc_a == doc else "b"
            shared.append((int(getattr(r, f"start_{side}")), int(getattr(r, f"end_{side}")), k))
        spans = [(s, e, _SHARED_STYLE, label) for s, e, label in merged_marks(shared)]
        if unique is not None:
            mine = unique[(unique["doc_id"] == doc) & (unique["other_doc"].isin([a, b]))]
            spans += [
                (s, e, _ONLY_STYLE, "only") for s, e in zip(mine["start"], mine["end"], strict=True)
            ]
        cols.append(
            f'<div style="flex:1;min-width:0;padding:0 8px">'
            f"<h4>{escaped(outlet)} · <code>{escaped(doc)}</code></h4>"
            f"<div>{highlighted_html(str(row['text']), spans)}</div></div>"
        )
    legend = (
        f'<p><mark style="{_SHARED_STYLE}">shared passage (same number on both sides)'
        f'</mark> <mark style="{_ONLY_STYLE}">reported by this article only</mark></p>'
    )
    return legend + f'<div style="display:flex;gap:8px">{"".join(cols)}</div>'


def quote_diff_html(a: str, b: str) -> str:
    """Word-level diff of two quotations as escaped HTML: words only in ``a`` struck through
    (``<del>``), words only in ``b`` underlined (``<ins>``)."""
    parts = []
    for tag, sa, sb in word_diff(a, b):
        if tag == "equal":
            parts.append(escaped(sa))
            continue
        if sa:
            parts.append(f"<del>{escaped(sa)}</del>")
        if sb:
            parts.append(f"<ins>{escaped(sb)}</ins>")
    return " ".join(parts)


def quote_pairs_html(pairs: pd.DataFrame) -> str:
    """The table of ``analysis.compare.match_quotes`` as escaped HTML: per pair, the speaker and
    the two outlets, then the word diff of the two quotations."""
    return "".join(
        f"<h4>{escaped(str(r.speaker))} ({escaped(str(r.outlet_a))} → {escaped(str(r.outlet_b))})"
        f"</h4><p>{quote_diff_html(r.quote_a, r.quote_b)}</p>"
        for r in pairs.itertuples()
    )


class ComparisonView(widgets.VBox):
    """Pick a story covered by several outlets and two of its outlets; read their articles side
    by side with shared passages and one-sided facts highlighted.

    ``render()`` is what the controls call; ``pair`` holds the two doc ids shown, ``alignment``
    and ``unique`` the tables behind the view, ``view.value`` its escaped HTML.
    """

    def __init__(self, docs: pd.DataFrame, *, stories: pd.Series | None = None) -> None:
        self.docs = docs.reset_index(drop=True)
        self.stories = (
            story_groups(self.docs)
            if stories is None
            else pd.Series(stories).reset_index(drop=True)
        )
        table = story_table(self.docs, self.stories)
        self.story = story_dropdown(table)
        self.outlet_a = widgets.Dropdown(description="Outlet A")
        self.outlet_b = widgets.Dropdown(description="Outlet B")
        self.status = widgets.HTML()
        self.view = widgets.HTML(layout=widgets.Layout(max_height="600px", overflow="auto"))
        self.pair: tuple[str, str] | None = None
        self.alignment = pd.DataFrame()
        self.unique = pd.DataFrame()
        self.story.observe(lambda _change: self._fill_outlets(), names="value")
        for w in (self.outlet_a, self.outlet_b):
            w.observe(lambda _change: self.render(), names="value")
        super().__init__(
            [self.story, widgets.HBox([self.outlet_a, self.outlet_b]), self.status, self.view]
        )
        self._fill_outlets()

    def _members(self) -> pd.DataFrame:
        members = self.docs[self.stories.to_numpy() == self.story.value]
        members = members.assign(outlet=outlet_column(members))
        sort = [c for c in ("outlet", "date", "doc_id") if c in members]
        return members.sort_values(sort, kind="stable")

    def _fill_outlets(self) -> None:
        outlets = sorted(self._members()["outlet"].unique()) if self.story.value is not None else []
        self.outlet_a.options = outlets
        self.outlet_b.options = outlets
        self.outlet_a.value = outlets[0] if outlets else None
        self.outlet_b.value = outlets[1] if len(outlets) > 1 else None
        self.render()

    def render(self) -> None:
        """Align the first article of outlet A with the first of outlet B and show them."""
        oa, ob = self.outlet_a.value, self.outlet_b.value
        if oa is None or ob is None or oa == ob:
            self.pair = None
            self.view.value = "<i>Pick two different outlets.</i>"
            self.status.value = ""
            return
        members = self._members()
        a = members.loc[members["outlet"] == oa, "doc_id"].iloc[0]
        b = members.loc[members["outlet"] == ob, "doc_id"].iloc[0]
        self.pair = (a, b)
        self.alignment = align_passages(self.docs, a=a, b=b)
        self.unique = unique_passages(self.docs, self.alignment)
        only_a = int((self.unique["doc_id"] == a).sum())
        only_b = int((self.unique["doc_id"] == b).sum())
        self.status.value = (
            f"{len(self.alignment)} shared passages; {only_a} passages only in "
            f"{escaped(oa)}, {only_b} only in {escaped(ob)}"
        )
        self.view.value = comparison_html(self.docs, self.alignment, a, b, unique=self.unique)


def comparison_view(docs: pd.DataFrame, *, stories: pd.Series | None = None) -> ComparisonView:
    """A :class:`ComparisonView` over ``docs`` (display it as the last line of a cell)."""
    return ComparisonView(docs, stories=stories)


# ------------------------------------------------------------- 04/05 facts across many outlets

# One cell style per status of analysis.compare.facts: reports, omits, not compared.
_CELL = {
    REPORTS: ("●", "background:#bbf7d0;text-align:center"),
    OMITS: ("○", "background:#fecaca;text-align:center"),
    NOT_COMPARED: ("·", "background:#f3f4f6;color:#9ca3af;text-align:center"),
}


def _count(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless ``n`` is 1: "1 fact", "3 facts"."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _first_seen(row: pd.Series) -> str:
    """A fact's first appearance as escaped text: the date and outlet, with how many other
    outlets reported it the same day; "undated" when no reporting article has a date."""
    if pd.isna(row["first_date"]):
        return "undated"
    tied = f" (+{int(row['tied_first'])} same day)" if row["tied_first"] else ""
    return f"{row['first_date']:%Y-%m-%d} · {escaped(str(row['first_outlet']))}{tied}"


def fact_matrix_html(tables: FactTables, *, max_rows: int = 200) -> str:
    """One story's facts (:func:`analysis.compare.facts.fact_tables`) as an escaped HTML table,
    in order of first appearance: the fact's first date and outlet, how many outlets report it,
    its wording, then one column per outlet (most facts reported first): ● reports it (hover
    for its wording), ○ omits it, · not compared."""
    matrix, presence = tables.matrix, tables.presence
    if matrix.empty:
        return "<i>No fact is reported by two outlets of this story.</i>"
    grid = fact_grid(presence)
    passage = {
        (int(f), str(o)): str(p)
        for f, o, p, st in zip(
            presence["fact"],
            presence["outlet"],
            presence["passage"],
            presence["status"],
            strict=True,
        )
        if st == REPORTS
    }
    status = dict(
        zip(zip(presence["fact"], presence["outlet"], strict=True), presence["status"], strict=True)
    )
    head = "".join(f"<th>{escaped(str(o))}</th>" for o in grid.columns)
    rows = []
    for _, r in matrix.head(max_rows).iterrows():
        fact = int(r["fact"])
        cells = []
        for outlet in grid.columns:
            mark, style = _CELL[status[(fact, outlet)]]
            tip = escaped(passage.get((fact, str(outlet)), status[(fact, outlet)]))
            cells.append(f'<td style="{style}" title="{tip}">{mark}</td>')
        rows.append(
            f"<tr><td>{fact}</td><td>{_first_seen(r)}</td>"
            f"<td>{int(r['n_outlets'])} of {int(r['n_outlets'] + r['n_omitting'])}</td>"
            f"<td>{escaped(str(r['text']))}</td>{''.join(cells)}</tr>"
        )
    more = (
        f"<p><small>The first {max_rows:,} of {len(matrix):,} facts.</small></p>"
        if len(matrix) > max_rows
        else ""
    )
    legend = (
        "<p><small>● reports it · ○ omits it (compared, not found) · · not compared</small></p>"
    )
    return (
        legend + "<table><tr><th>fact</th><th>first seen</th><th>outlets</th><th>wording</th>"
        f"{head}</tr>{''.join(rows)}</table>{more}"
    )


def omissions_html(matrix: pd.DataFrame, outlet: str, *, max_rows: int = 50) -> str:
    """The facts ``outlet`` omits (rows of :func:`analysis.compare.facts.omissions`) as escaped
    HTML."""
    if matrix.empty:
        return f"<i>{escaped(outlet)} omits no fact that {MIN_OTHERS} or more others report.</i>"
    shown = matrix[["fact", "first_date", "first_outlet", "n_outlets", "text"]]
    return (
        f"<p>{_count(len(matrix), 'fact')} {escaped(outlet)} omits that {MIN_OTHERS} or more "
        f"others report:</p>" + table_html(shown, max_rows=max_rows)
    )


class FactMatrixView(widgets.VBox):
    """Pick a story covered by several outlets; read which outlet reports each fact, which
    omits it, and where it appeared first (``analysis.compare.facts``), then pick an outlet
    to list what it leaves out that others report.

    Stories: ``stories`` (a label per row of ``docs``), else a ``story`` column, else
    :func:`analysis.compare.stories.story_groups`. Those offered are the rows of
    :func:`analysis.compare.facts.matrix_stories` (at least
    ``min_outlets`` outlets, the most first; the default is the first). With ``alignment``
    (covering the stories' pairs, as notebook 05 computes it) the facts come from it;
    otherwise each story's pairs are aligned when it is picked (at most ``max_pairs``:
    :func:`analysis.compare.facts.story_facts`).
    ``render()`` is what the controls call; ``tables`` holds the tables behind the view,
    ``view.value`` its escaped HTML, ``omitted`` the omission rows shown.
    """

    def __init__(
        self,
        docs: pd.DataFrame,
        *,
        stories: pd.Series | None = None,
        alignment: pd.DataFrame | None = None,
        min_outlets: int = MIN_MATRIX_OUTLETS,
        max_pairs: int = MAX_PAIRS,
    ) -> None:
        self.docs = docs.reset_index(drop=True)
        if stories is not None:
            self.stories = pd.Series(stories).reset_index(drop=True)
        elif "story" in self.docs:
            self.stories = self.docs["story"]
        else:
            self.stories = story_groups(self.docs)
        self.alignment, self.max_pairs = alignment, max_pairs
        self.choices = matrix_stories(self.docs, self.stories, min_outlets=min_outlets)
        self.story = story_dropdown(self.choices)
        self.outlet = widgets.Dropdown(description="Omitted by")
        self.status = widgets.HTML()
        self.view = widgets.HTML(layout=widgets.Layout(max_height="600px", overflow="auto"))
        self.omitted_view = widgets.HTML(layout=widgets.Layout(max_height="300px", overflow="auto"))
        self.tables: FactTables | None = None
        self.omitted = pd.DataFrame()
        self.story.observe(lambda _change: self.render(), names="value")
        self.outlet.observe(lambda _change: self.show_omissions(), names="value")
        super().__init__([self.story, self.status, self.view, self.outlet, self.omitted_view])
        self.render()

    def _tables(self, story: int) -> FactTables:
        if self.alignment is None:
            return story_facts(self.docs, story, stories=self.stories, max_pairs=self.max_pairs)
        return fact_tables(self.docs, self.alignment, stories=self.stories, story=story)

    def render(self) -> None:
        """Compute the picked story's facts and show the matrix."""
        if self.story.value is None:
            self.tables = None
            self.status.value = "<i>No story is covered by two or more outlets.</i>"
            self.view.value = self.omitted_view.value = ""
            self.outlet.options = []
            return
        self.tables = self._tables(self.story.value)
        row = self.choices[self.choices["story"] == self.story.value].iloc[0]
        self.status.value = escaped(matrix_status(self.tables, row, self.choices.attrs))
        self.view.value = fact_matrix_html(self.tables)
        counts = omission_counts(self.tables.presence)
        self.outlet.options = counts["outlet"].tolist()
        self.outlet.value = counts["outlet"].iloc[0] if len(counts) else None
        self.show_omissions()

    def show_omissions(self) -> None:
        """List the facts the picked outlet omits that at least two others report."""
        if self.tables is None or self.outlet.value is None:
            self.omitted, self.omitted_view.value = pd.DataFrame(), ""
            return
        self.omitted = omissions(self.tables.matrix, self.tables.presence, self.outlet.value)
        self.omitted_view.value = omissions_html(self.omitted, self.outlet.value)


def matrix_status(tables: FactTables, story_row: pd.Series, attrs: dict) -> str:
    """One line over the matrix (plain text): the story's outlets and facts, and whether it
    meets the wanted number of outlets."""
    n_facts, n_outlets = len(tables.matrix), int(story_row["n_outlets"])
    line = (
        f"Story {int(story_row['story'])}: {n_outlets} outlets, {int(story_row['n_articles'])} "
        f"articles; {_count(n_facts, 'fact')} reported by two or more of them."
    )
    if not attrs.get("min_met", True):
        line += (
            f" No story here is covered by {attrs.get('min_outlets', MIN_MATRIX_OUTLETS)} or "
            f"more outlets; this one has the most ({n_outlets})."
        )
    return line


def fact_matrix_view(
    docs: pd.DataFrame,
    *,
    stories: pd.Series | None = None,
    alignment: pd.DataFrame | None = None,
    min_outlets: int = MIN_MATRIX_OUTLETS,
) -> FactMatrixView:
    """A :class:`FactMatrixView` over ``docs`` (display it as the last line of a cell)."""
    return FactMatrixView(docs, stories=stories, alignment=alignment, min_outlets=min_outlets)


# ---------------------------------------------------------------------------- 03 quote tables

QUOTE_VIEW_COLUMNS = ["outlet", "speaker", "kind", "cue", "quote", "sentence", "doc_id"]


class QuoteBrowser(widgets.VBox):
    """Filter a quote table (``analysis.quotes.extract_quotes``) by outlet, speaker, kind and
    text. ``refresh()`` applies the filters of ``analysis.quote_filter.filter_quotes`` (it is what
    the controls call); ``selection`` holds the matching rows and ``output.value`` their
    escaped HTML (the first ``max_rows``).

    The speaker list (``speaker``) offers the ``max_speakers`` most quoted speakers
    (:attr:`MAX_SPEAKERS`, 1,000, by default; the whole corpus has 220,000, more than a list
    can show), most quoted first, each shown by its name and standing for its ``speaker_id``;
    ``speaker_table`` is ``analysis.speaker_table.speakers`` of the table, every speaker. Any
    other name can be typed in ``speaker_name`` (Enter): it joins the list and is selected. A
    name selects the same speakers as ``filter_quotes`` ("Erdogan" finds "Recep Tayyip
    Erdoğan").
    """

    MAX_SPEAKERS = 1000

    def __init__(
        self, quotes: pd.DataFrame, *, max_rows: int = 100, max_speakers: int = MAX_SPEAKERS
    ) -> None:
        self.quotes = quotes = contiguous(quotes)  # cheap row picks (see contiguous)
        self.max_rows = max_rows
        self._index = QuoteFilter(quotes)
        self._rows = np.arange(0)
        self._selection: pd.DataFrame | None = None
        self._held = False
        self.outlets = outlet_picker(quotes)
        self.speaker_table = self._index.speakers()
        # One entry per speaker_id, shown by its name; the value is the id, so that two people
        # with one name, or one person with many, are told apart.
        top = self.speaker_table.head(max_speakers)
        names = self.speaker_table["speaker_id"].tolist()
        self.speaker = widgets.Dropdown(
            options=[("(anyone)", "")]
            + list(zip(top["speaker"].tolist(), top["speaker_id"].tolist(), strict=True)),
            value="",
            description="Speaker",
        )
        listed = (
            f"the {max_speakers:,} most quoted of {len(names):,} speakers are listed"
            if len(names) > max_speakers
            else "every speaker is listed"
        )
        self.speaker_name = widgets.Text(
            description="Or type",
            continuous_update=False,
            placeholder="a speaker's name, then Enter",
            tooltip=listed,
        )
        self.kinds = widgets.SelectMultiple(
            options=list(KINDS), value=("direct", "partial"), description="Kinds", rows=4
        )
        self.search = widgets.Text(description="Contains", placeholder="word or phrase")
        self.status = widgets.HTML()
        self.output = widgets.HTML(layout=widgets.Layout(max_height="460px", overflow="auto"))
        for w in (self.outlets, self.speaker, self.kinds, self.search):
            w.observe(lambda _change: self._changed(), names="value")
        self.speaker_name.observe(lambda change: self.pick_speaker(change["new"]), names="value")
        super().__init__(
            [
                widgets.HBox(
                    [
                        self.outlets,
                        self.kinds,
                        widgets.VBox(
                            [
                                self.speaker,
                                self.speaker_name,
                                self.search,
                                widgets.HTML(f"<small>{escaped(listed)}</small>"),
                            ]
                        ),
                    ]
                ),
                self.status,
                self.output,
            ]
        )
        self.refresh()

    @property
    def selection(self) -> pd.DataFrame:
        """The rows of ``quotes`` that pass the filters, every column (built when first read:
        a redraw renders only the first ``max_rows``)."""
        if self._selection is None:
            self._selection = self.quotes.iloc[self._rows]
        return self._selection

    def _changed(self) -> None:
        if not self._held:
            self.refresh()

    def pick_speaker(self, name: str) -> None:
        """Select the speaker ``name`` (what typing it in ``speaker_name`` does), adding it to
        the list when it is not there; an empty name changes nothing."""
        name = name.strip()
        if not name:
            return
        if name not in [value for _label, value in self.speaker.options]:
            self._held = True  # new options reset the value: one redraw, not two
            try:
                self.speaker.options = (*self.speaker.options, (name, name))
            finally:
                self._held = False
        self.speaker.value = name

    def refresh(self) -> None:
        """Re-apply the filters and show the matching quotations."""
        rows = self._index.rows(
            outlets=self.outlets.value if "outlet" in self.quotes else None,
            speaker=self.speaker.value or None,
            kinds=self.kinds.value,
            contains=self.search.value or None,
        )
        self._rows, self._selection = rows, None
        cols = [c for c in QUOTE_VIEW_COLUMNS if c in self.quotes]
        self.status.value = f"{len(rows):,} of {len(self.quotes):,} rows match"
        self.output.value = (
            table_html(self.quotes.iloc[rows[: self.max_rows]][cols], max_rows=self.max_rows)
            if len(rows)
            else "<i>No quotation matches.</i>"
        )


def quote_browser(quotes: pd.DataFrame) -> QuoteBrowser:
    """A :class:`QuoteBrowser` over a quote table (display it as the last line of a cell)."""
    return QuoteBrowser(quotes)


# ---------------------------------------------------------------------------- 05 many outlets


class ProfileBrowser(widgets.VBox):
    """Pick outlets and a measure; read their profiles (the table of
    ``analysis.compare.outlet_profile``) sorted by that measure, largest first.

    ``refresh()`` is what the controls call; ``shown`` holds the rows displayed.
    """

    def __init__(self, profile: pd.DataFrame) -> None:
        self.profile = profile
        outlets = sorted(profile["outlet"].astype(str).unique())
        measures = [
            c
            for c in profile.columns
            if c != "outlet" and pd.api.types.is_numeric_dtype(profile[c])
        ]
        self.outlets = widgets.SelectMultiple(
            options=outlets,
            value=tuple(outlets),
            description="Outlets",
            rows=min(10, max(2, len(outlets))),
        )
        self.sort = widgets.Dropdown(
            options=measures, value=measures[0] if measures else None, description="Sort by"
        )
        self.output = widgets.HTML(layout=widgets.Layout(max_height="460px", overflow="auto"))
        self.shown = profile.iloc[:0]
        for w in (self.outlets, self.sort):
            w.observe(lambda _change: self.refresh(), names="value")
        super().__init__([widgets.HBox([self.outlets, self.sort]), self.output])
        self.refresh()

    def refresh(self) -> None:
        """Re-apply the outlet filter and the sort."""
        shown = self.profile[self.profile["outlet"].astype(str).isin(self.outlets.value)]
        if self.sort.value:
            shown = shown.sort_values(
                [self.sort.value, "outlet"], ascending=[False, True], kind="stable"
            )
        self.shown = shown
        self.output.value = (
            table_html(shown, max_rows=100) if len(shown) else "<i>No outlet selected.</i>"
        )


def profile_browser(profile: pd.DataFrame) -> ProfileBrowser:
    """A :class:`ProfileBrowser` over an outlet-profile table."""
    return ProfileBrowser(profile)
