"""Views that fit any corpus size: tables in a bounded, scrolling box; timeline bins chosen from
the date span; rates beside their counts; a widget's default view as static HTML for reports."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
from IPython.display import HTML

# Bins by date span: a span of up to 60 days is read by day, up to 2 years by week, up to
# 10 years by month, longer by year; each keeps the bars of a timeline to about 100 or fewer.
_BINS = ((60, "D", "day"), (730, "W", "week"), (3653, "M", "month"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def scroll_html(
    table: pd.DataFrame, *, max_height: int = 420, max_rows: int | None = 500, index: bool = False
) -> str:
    """``table`` as escaped HTML in a box at most ``max_height`` pixels tall that scrolls;
    beyond ``max_rows`` rows, the first ones and a line saying how many were left out."""
    shown = table if max_rows is None else table.head(max_rows)
    body = shown.to_html(index=index, escape=True, na_rep="", border=0)
    more = len(table) - len(shown)
    note = (
        (
            f"<p><small>The first {len(shown):,} of {len(table):,} rows; the table "
            f"holds them all.</small></p>"
        )
        if more > 0
        else ""
    )
    return scroll_html_str(body, max_height) + note


def scroll(table: pd.DataFrame, **kw: Any) -> HTML:
    """:func:`scroll_html` for display as a cell's result."""
    return HTML(scroll_html(table, **kw))


def largest(weights: pd.Series, n: int) -> set:
    """The index labels of the ``n`` largest ``weights`` (ties: first in order): which groups a
    view of many outlets names or draws, the rest being counted or summed."""
    return set(weights.sort_values(ascending=False, kind="stable").index[:n])


def time_bin(dates: pd.Series) -> tuple[str, str]:
    """The period alias ("D", "W", "M" or "Y") and its name for a timeline of ``dates``:
    chosen from the span between the first and last date (undated rows ignored)."""
    dated = pd.to_datetime(dates).dropna()
    span = (dated.max() - dated.min()).days if len(dated) else 0
    for days, freq, name in _BINS:
        if span <= days:
            return freq, name
    return "Y", "year"


def with_counts(profile: pd.DataFrame) -> pd.DataFrame:
    """An outlet profile (:func:`analysis.compare.outlet_profile`) with ``loaded_hits``, the
    count behind ``loaded_per_1000``, beside it."""
    hits = (profile["loaded_per_1000"] * profile["n_words"] / 1000).round().astype("int64")
    at = profile.columns.get_loc("loaded_per_1000")
    out = profile.copy()
    out.insert(at, "loaded_hits", hits)
    return out


def static_html(widget: Any) -> str:
    """What a widget shows now, as static HTML: the values of its HTML children and the rich
    outputs of its Output children, in order (controls are left out)."""
    import ipywidgets as widgets

    parts: list[str] = []
    stack = [widget]
    while stack:
        w = stack.pop(0)
        if isinstance(w, widgets.Output):
            for out in w.outputs:
                data = out.get("data", {})
                if "image/png" in data:
                    parts.append(f'<img src="data:image/png;base64,{data["image/png"].strip()}">')
                elif "text/html" in data:
                    parts.append(str(data["text/html"]))
                elif "text/plain" in data or out.get("text"):
                    plain = str(data.get("text/plain", out.get("text")))
                    parts.append(f"<pre>{html.escape(plain)}</pre>")
        elif isinstance(w, widgets.HTML | widgets.HTMLMath):
            parts.append(w.value)  # the widget's own code escaped the data in it
        elif isinstance(w, widgets.Box):
            stack = list(w.children) + stack
    return "\n".join(parts)


class Shown:
    """A widget that also carries its current view as static HTML: JupyterLab shows the live
    widget; a static report (nbconvert, :mod:`analysis.report`) shows the HTML."""

    def __init__(self, widget: Any) -> None:
        self.widget = widget

    def _repr_mimebundle_(self, **kw: Any) -> dict:
        bundle = self.widget._repr_mimebundle_(**kw)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data = dict(data)
        data["text/html"] = scroll_html_str(static_html(self.widget))
        return data


def scroll_html_str(body: str, max_height: int = 460) -> str:
    """Any HTML in a bounded scrolling box."""
    return f'<div style="max-height:{int(max_height)}px;overflow:auto">{body}</div>'


def shown(widget: Any) -> Shown:
    """Display ``widget`` (as a cell's last line) with its static view for reports."""
    return Shown(widget)
