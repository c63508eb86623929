"""ipywidgets views for the notebooks. Each view only lays out controls and calls the analysis
functions that compute; article text shown as HTML is always escaped.

Each factory returns the widget to display; its callbacks are plain functions that tests and
benchmarks can call without a browser.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd


def escaped(text: str) -> str:
    """Article text made safe to place inside HTML (markup shows as text, nothing executes)."""
    return html.escape(text, quote=True)


def table_html(df: pd.DataFrame, *, max_rows: int = 50) -> str:
    """A DataFrame as escaped HTML for an ``ipywidgets.HTML`` value."""
    return df.head(max_rows).to_html(index=False, escape=True, na_rep="")


def outlet_picker(docs: pd.DataFrame, *, description: str = "Outlets") -> widgets.SelectMultiple:
    """A multi-select of the outlets in ``docs``, all selected, sorted by name."""
    outlets = sorted(docs["outlet"].dropna().unique().tolist()) if "outlet" in docs else []
    return widgets.SelectMultiple(
        options=outlets, value=tuple(outlets), description=description,
        rows=min(8, max(2, len(outlets))),
    )


# ---------------------------------------------------------------------------- 01 ingestion


def article_html(row: pd.Series) -> str:
    """One article as escaped HTML: title, outlet and date, then its paragraphs."""
    date = "undated" if pd.isna(row["date"]) else f"{row['date']:%Y-%m-%d}"
    title = row["title"] if isinstance(row.get("title"), str) and row["title"] else row["doc_id"]
    paras = "".join(f"<p>{escaped(p)}</p>" for p in str(row["text"]).split("\n\n") if p.strip())
    return (f"<h3>{escaped(str(title))}</h3>"
            f"<p><b>{escaped(str(row['outlet']))}</b> · {date} · {int(row['n_words']):,} words"
            f" · <code>{escaped(str(row['doc_id']))}</code></p>{paras}")


class ArticleBrowser(widgets.VBox):
    """Filter articles by outlet and date range, pick one, read it.

    ``refresh()`` applies the filters (it is what the controls call); ``selection`` holds the
    filtered rows and ``reader.value`` the escaped HTML of the picked article.
    """

    def __init__(self, docs: pd.DataFrame, *, max_options: int = 500) -> None:
        from .corpus import filter_docs

        self._filter = filter_docs
        self.docs = docs
        self.max_options = max_options
        dates = docs["date"].dropna()
        self.outlets = outlet_picker(docs)
        self.start = widgets.DatePicker(description="From",
                                        value=dates.min().date() if len(dates) else None)
        self.end = widgets.DatePicker(description="To",
                                      value=dates.max().date() if len(dates) else None)
        self.search = widgets.Text(description="Contains", placeholder="word or phrase")
        self.picker = widgets.Dropdown(description="Article", layout=widgets.Layout(width="95%"))
        self.status = widgets.HTML()
        self.reader = widgets.HTML(layout=widgets.Layout(max_height="420px", overflow="auto"))
        self.selection = docs.iloc[:0]
        for w in (self.outlets, self.start, self.end, self.search):
            w.observe(lambda _change: self.refresh(), names="value")
        self.picker.observe(lambda _change: self.show(), names="value")
        super().__init__([
            widgets.HBox([self.outlets, widgets.VBox([self.start, self.end, self.search])]),
            self.status, self.picker, self.reader,
        ])
        self.refresh()

    def refresh(self) -> None:
        """Re-apply the filters and refill the article list."""
        self.selection = self._filter(
            self.docs, outlets=self.outlets.value, start=self.start.value, end=self.end.value,
            contains=self.search.value or None,
        )
        shown = self.selection.head(self.max_options)
        labels = [
            (f"{'undated' if pd.isna(d) else f'{d:%Y-%m-%d}'} · {o} · "
             f"{t if isinstance(t, str) and t else i}"[:120], i)
            for i, o, d, t in zip(shown["doc_id"], shown["outlet"], shown["date"], shown["title"],
                                  strict=True)
        ]
        more = len(self.selection) - len(shown)
        self.status.value = (f"{len(self.selection):,} of {len(self.docs):,} articles match"
                             + (f"; the first {len(shown):,} are listed" if more > 0 else ""))
        self.picker.options = labels
        self.picker.value = labels[0][1] if labels else None
        self.show()

    def show(self) -> None:
        """Display the picked article."""
        if self.picker.value is None:
            self.reader.value = "<i>No article matches these filters.</i>"
            return
        row = self.docs.loc[self.docs["doc_id"] == self.picker.value].iloc[0]
        self.reader.value = article_html(row)


def article_browser(docs: pd.DataFrame) -> ArticleBrowser:
    """An :class:`ArticleBrowser` over ``docs`` (display it as the last line of a cell)."""
    return ArticleBrowser(docs)


# ---------------------------------------------------------------------------- 02 word frequencies


def term_table(docs: pd.DataFrame, *, outlets: tuple[str, ...] | None = None, ngram: int = 1,
               stopwords: bool = True, lemmatize: bool = False, min_count: int = 1,
               top: int = 15) -> pd.DataFrame:
    """What :class:`TermExplorer` shows: the ``top`` terms of each selected outlet, from
    ``analysis.terms.term_counts`` (columns ``outlet, term, count, share``)."""
    from .terms import term_counts

    if outlets is not None and "outlet" in docs:
        docs = docs.loc[docs["outlet"].isin(list(outlets))]
    counts = term_counts(docs, by="outlet", ngram=ngram, min_count=min_count,
                         stopwords="english" if stopwords else None, lemmatize=lemmatize)
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
        self.ngram = widgets.ToggleButtons(options=[("words", 1), ("2-grams", 2), ("3-grams", 3)],
                                           value=1, description="Terms")
        self.stopwords = widgets.Checkbox(value=True, description="Drop stopwords")
        self.lemmatize = widgets.Checkbox(value=False, description="Lemmas")
        self.min_count = widgets.BoundedIntText(value=1, min=1, max=1_000_000,
                                                description="Min count")
        self.top = widgets.IntSlider(value=15, min=5, max=50, description="Top")
        self.output = widgets.HTML()
        self.table = docs.iloc[:0]
        for w in (self.outlets, self.ngram, self.stopwords, self.lemmatize, self.min_count,
                  self.top):
            w.observe(lambda _change: self.refresh(), names="value")
        super().__init__([
            widgets.HBox([self.outlets, widgets.VBox([self.ngram, self.stopwords,
                                                      self.lemmatize])]),
            widgets.HBox([self.min_count, self.top]), self.output,
        ])
        self.refresh()

    def refresh(self) -> None:
        """Recount with the current settings and show the table."""
        self.table = term_table(
            self.docs, outlets=tuple(self.outlets.value), ngram=self.ngram.value,
            stopwords=self.stopwords.value, lemmatize=self.lemmatize.value,
            min_count=self.min_count.value, top=self.top.value,
        )
        self.output.value = (side_by_side_html(self.table) if len(self.table)
                             else "<i>No terms: pick an outlet or lower the minimum count.</i>")


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
        for d, o, left, match, right in zip(lines["doc_id"], lines["outlet"], lines["left"],
                                            lines["match"], lines["right"], strict=True)
    ][:max_rows]
    more = f"<p>first {max_rows:,} of {len(lines):,} lines</p>" if len(lines) > max_rows else ""
    return ("<table><tr><th>outlet</th><th>left</th><th>match</th><th>right</th>"
            "<th>article</th></tr>" + "".join(rows) + "</table>" + more)


class KwicBrowser(widgets.VBox):
    """Type a word, a phrase or a regular expression; see every occurrence in context.
    ``refresh()`` searches (it is what the controls call); ``lines`` holds the rows shown."""

    def __init__(self, docs: pd.DataFrame, *, pattern: str = "") -> None:
        self.docs = docs
        self.pattern = widgets.Text(value=pattern, description="Search",
                                    placeholder="a word, a phrase or a regex",
                                    continuous_update=False)
        self.window = widgets.IntSlider(value=8, min=1, max=30, description="Words",
                                        continuous_update=False)
        self.status = widgets.HTML()
        self.output = widgets.HTML()
        self.lines = pd.DataFrame()
        for w in (self.pattern, self.window):
            w.observe(lambda _change: self.refresh(), names="value")
        super().__init__([widgets.HBox([self.pattern, self.window]), self.status, self.output])
        self.refresh()

    def refresh(self) -> None:
        """Search again with the current pattern and window."""
        from .terms import kwic

        self.lines = pd.DataFrame()
        if not self.pattern.value.strip():
            self.status.value, self.output.value = "<i>Type something to search for.</i>", ""
            return
        try:
            self.lines = kwic(self.docs, self.pattern.value, window=self.window.value)
        except ValueError as err:  # a half-typed regex: say so instead of failing silently
            self.status.value, self.output.value = f"<b>{escaped(str(err))}</b>", ""
            return
        n_docs = self.lines["doc_id"].nunique()
        self.status.value = f"{len(self.lines):,} matches in {n_docs:,} articles"
        self.output.value = kwic_html(self.lines)


def kwic_browser(docs: pd.DataFrame, pattern: str = "") -> KwicBrowser:
    """A :class:`KwicBrowser` over ``docs`` (display it as the last line of a cell)."""
    return KwicBrowser(docs, pattern=pattern)
