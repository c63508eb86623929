"""Matplotlib charts for the notebooks. They only draw: every number comes from a table that an
analysis function computed. Each returns the Axes it drew on.

Every label drawn (outlet, speaker, term, title) goes through :func:`plain_label`: names come
from the data, and matplotlib reads a label with two ``$`` as mathtext, which either fails to
draw (and stops ``python -m analysis report``) or draws other text than the name.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from .html import largest


def plain_label(value: object, *, legend: bool = False) -> str:
    """``value`` as text that matplotlib draws as written: each ``$`` escaped as ``\\$`` (drawn
    as ``$``, never starting mathtext). ``legend=True``: a leading ``_`` gets a space in front,
    since matplotlib leaves a label starting with ``_`` out of the legend."""
    text = str(value).replace("$", r"\$")
    return " " + text if legend and text.startswith("_") else text


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def outlet_bars(outlets: pd.DataFrame, *, top: int = 20, ax: Axes | None = None) -> Axes:
    """Horizontal bars of ``articles`` per ``outlet`` (the table of ``Corpus.outlets()``),
    the ``top`` largest, largest at the top."""
    shown = outlets.head(top).iloc[::-1]
    ax = _axes(ax, (7, 0.35 * len(shown) + 1.2))
    ax.barh([plain_label(o) for o in shown["outlet"]], shown["articles"], color="#4c72b0")
    ax.set_xlabel("articles")
    ax.set_title("Articles per outlet" + (f" (top {top})" if len(outlets) > top else ""))
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # MaxNLocator
    return ax


def _empty_chart(ax: Axes, title: str, why: str) -> Axes:
    """An empty chart that says why it is empty (an empty legend would only warn, and pandas
    refuses to plot no numbers)."""
    ax.set_title(title)
    ax.text(0.5, 0.5, why, ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _nothing_dated(ax: Axes, title: str) -> Axes:
    """An empty over-time chart: no article has a date."""
    return _empty_chart(ax, title, "No article has a date")


def timeline(counts: pd.DataFrame, *, top: int = 8, ax: Axes | None = None) -> Axes:
    """Stacked bars of ``articles`` per ``period`` and ``outlet`` (the table of
    ``analysis.corpus.articles_over_time``); outlets beyond the ``top`` largest are "other"."""
    if counts.empty:
        return _nothing_dated(_axes(ax, (8, 3.5)), "Articles over time")
    keep = largest(counts.groupby("outlet")["articles"].sum(), top)
    lumped = counts.assign(outlet=counts["outlet"].where(counts["outlet"].isin(keep), "other"))
    wide = lumped.pivot_table(
        index="period", columns="outlet", values="articles", aggfunc="sum", fill_value=0
    ).sort_index()
    ax = _axes(ax, (8, 3.5))
    bottom = pd.Series(0, index=wide.index)
    labels = [d.strftime("%Y-%m-%d") for d in wide.index]
    for outlet in wide.columns:
        ax.bar(labels, wide[outlet], bottom=bottom, label=plain_label(outlet, legend=True))
        bottom = bottom + wide[outlet]
    ax.set_ylabel("articles")
    ax.set_title("Articles over time")
    ax.legend(fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # MaxNLocator
    if len(labels) > 12:
        ax.set_xticks(range(0, len(labels), max(1, len(labels) // 12)))
    return ax


# ---------------------------------------------------------------------------- 02 word frequencies


def top_terms(
    counts: pd.DataFrame,
    *,
    by: str = "outlet",
    top: int = 10,
    value: str = "count",
    ncols: int = 3,
    groups: int = 12,
) -> list[Axes]:
    """Small multiples: one horizontal bar chart of the ``top`` terms per ``by`` group, from a
    table of ``analysis.terms.term_counts`` (already sorted, most frequent first). A folder of
    many outlets shows its ``groups`` largest (most ``count`` in the table), since a page of a
    hundred panels cannot be read; the title says how many are left out. Returns the Axes, one
    per group shown, in the table's group order."""
    order = list(dict.fromkeys(counts[by].tolist()))
    biggest = largest(counts.groupby(by, sort=False)["count"].sum(), groups)
    shown_groups = [g for g in order if g in biggest]
    ncols = max(1, min(ncols, len(shown_groups)))
    nrows = max(1, -(-len(shown_groups) // ncols))
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.2 * ncols, 0.28 * top * nrows + 1.2), squeeze=False
    )
    flat = list(axes.ravel())
    for ax, group in zip(flat, shown_groups, strict=False):
        shown = counts.loc[counts[by] == group].head(top).iloc[::-1]
        ax.barh([plain_label(t) for t in shown["term"]], shown[value], color="#4c72b0")
        ax.set_title(plain_label(group))
        ax.set_xlabel(plain_label(value))
        ax.tick_params(axis="y", labelsize="small")
    for ax in flat[len(shown_groups) :]:
        ax.set_visible(False)
    left_out = len(order) - len(shown_groups)
    more = f" (the {len(shown_groups)} largest of {len(order)})" if left_out else ""
    fig.suptitle(plain_label(f"Most frequent terms per {by}{more}"))
    fig.tight_layout()
    return flat[: len(shown_groups)]


def keyness_bars(
    table: pd.DataFrame, *, top: int = 10, ax: Axes | None = None, title: str = ""
) -> Axes:
    """Diverging bars of one group's ``analysis.terms.keyness`` table (sorted by score, high
    first): its ``top`` most over-used terms to the right, the ``top`` most under-used to the
    left."""
    over = table.loc[table["score"] > 0].head(top)
    under = table.loc[table["score"] < 0].tail(top)
    # The table is sorted high to low; barh draws bottom-up, so reverse to put the top first.
    shown = pd.concat([over, under]).iloc[::-1]
    ax = _axes(ax, (7, 0.3 * len(shown) + 1.2))
    colors = ["#c44e52" if s < 0 else "#4c72b0" for s in shown["score"]]
    ax.barh([plain_label(t) for t in shown["term"]], shown["score"], color=colors)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("keyness score (right: used more, left: used less)")
    ax.set_title(plain_label(title or "Keyness"))
    ax.tick_params(axis="y", labelsize="small")
    return ax


def term_trend(
    table: pd.DataFrame,
    *,
    by: str = "outlet",
    value: str = "share",
    groups: int = 8,
    ax: Axes | None = None,
    title: str = "",
) -> Axes:
    """One line per ``by`` group of ``value`` per ``period``, from a table of
    ``analysis.terms.term_over_time``."""
    ax = _axes(ax, (8, 3.5))
    if table.empty:
        return _nothing_dated(ax, plain_label(title or f"{value} over time"))
    # A line per outlet of a hundred cannot be told apart: the ``groups`` with the most uses
    # (``count``) are drawn, and the legend says how many were left out.
    weight = table.groupby(by)["count" if "count" in table else value].sum()
    keep = largest(weight, groups)
    for group, rows in table[table[by].isin(keep)].groupby(by, sort=True):
        rows = rows.sort_values("period")
        ax.plot(rows["period"], rows[value], marker="o", label=plain_label(group, legend=True))
    ax.set_ylabel(plain_label(value))
    ax.set_title(plain_label(title or f"{value} over time"))
    more = f"the {len(keep)} of {len(weight)} with most uses" if len(weight) > len(keep) else None
    ax.legend(
        fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1), title=more
    )
    return ax


def speakers_per_outlet(
    counts: pd.DataFrame, *, top: int = 20, outlets: int = 8, ax: Axes | None = None
) -> Axes:
    """Grouped horizontal bars of ``n_quotes`` per ``speaker`` and ``outlet`` (the table of
    ``analysis.quotes.speaker_outlet_counts``); the ``top`` most quoted speakers, most at the
    top."""
    if counts.empty:
        return _empty_chart(_axes(ax, (7, 2.5)), "Named speakers per outlet", "No named speaker")
    # Past ``outlets`` outlets the legend would outgrow the chart: the outlets with the most
    # quotations are drawn, the rest summed into "other outlets", as the timeline does.
    per_outlet = counts.groupby("outlet")["n_quotes"].sum()
    keep = largest(per_outlet, outlets)
    if len(per_outlet) > outlets:
        counts = counts.assign(
            outlet=counts["outlet"].where(counts["outlet"].isin(keep), "other outlets")
        )
    wide = counts.pivot_table(
        index="speaker", columns="outlet", values="n_quotes", aggfunc="sum", fill_value=0
    )
    totals = wide.sum(axis=1)
    order = sorted(wide.index, key=lambda s: (-totals[s], s))[:top]
    wide = wide.loc[order[::-1]]
    wide.index = [plain_label(s) for s in wide.index]
    wide.columns = [plain_label(o, legend=True) for o in wide.columns]
    ax = _axes(ax, (7, 0.45 * len(wide) + 1.2))
    wide.plot.barh(ax=ax, width=0.8)
    ax.set_xlabel("quotations and reported statements")
    ax.set_ylabel("")
    ax.set_title("Named speakers per outlet")
    ax.legend(title="outlet", loc="lower right")
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # MaxNLocator
    ax.figure.tight_layout()  # type: ignore[union-attr]  # a Figure, not a SubFigure
    return ax


def outlet_profiles(profile: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """One dot per outlet (the table of ``analysis.compare.outlet_profile``): x is the share of
    its words that another outlet also reports, y its loaded words in its own voice per 1,000
    words; dot size grows with its number of articles."""
    y = profile["loaded_per_1000"] * profile["loaded_own_voice"]
    ax = _axes(ax, (7, 4.5))
    ax.scatter(profile["shared_share"], y, s=20 + 20 * profile["n_articles"], alpha=0.6)
    for outlet, x, yy in zip(profile["outlet"], profile["shared_share"], y, strict=True):
        ax.annotate(plain_label(outlet), (x, yy), fontsize=8)
    ax.set_xlabel("share of words another outlet also reports")
    ax.set_ylabel("loaded words in own voice per 1,000 words")
    ax.set_title("Shared facts against own framing, per outlet")
    return ax


# ---------------------------------------------------------------------------- facts across outlets


def fact_heatmap(
    grid: pd.DataFrame, matrix: pd.DataFrame, *, top: int = 40, ax: Axes | None = None
) -> Axes:
    """Facts by outlets, from :func:`analysis.compare.facts.fact_grid` (rows in order of first
    appearance) and the story's ``matrix`` (:func:`analysis.compare.facts.fact_matrix`, for the
    row labels): dark where an outlet reports the fact, light red where it omits it, white where
    it was not compared. The first ``top`` facts."""
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    shown = grid.head(top)
    values = shown.astype("float64").fillna(-1).to_numpy()
    ax = _axes(ax, (1.5 + 0.45 * len(shown.columns), 1.2 + 0.28 * len(shown)))
    cmap = ListedColormap(["#ffffff", "#fca5a5", "#166534"])  # not compared, omits, reports
    ax.imshow(values, cmap=cmap, vmin=-1, vmax=1, aspect="auto", interpolation="nearest")
    when = matrix.set_index("fact")["first_date"]
    ax.set_yticks(range(len(shown)))
    ax.set_yticklabels(
        [
            f"{f} · {'undated' if pd.isna(when.get(f)) else f'{when.get(f):%Y-%m-%d}'}"
            for f in shown.index
        ],
        fontsize=7,
    )
    ax.set_xticks(range(len(shown.columns)))
    ax.set_xticklabels([plain_label(o) for o in shown.columns], rotation=60, ha="right", fontsize=8)
    # White lines between cells, so that neighbouring outlets' cells read apart.
    ax.set_xticks([x - 0.5 for x in range(1, len(shown.columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(shown))], minor=True)
    ax.grid(which="minor", color="#ffffff", linewidth=1)
    ax.tick_params(which="minor", length=0)
    ax.set_ylabel("fact · first seen")
    ax.set_title("Who reports which fact" + (f" (first {top})" if len(grid) > top else ""))
    ax.legend(
        handles=[
            Patch(color="#166534", label="reports"),
            Patch(color="#fca5a5", label="omits"),
            Patch(facecolor="#ffffff", edgecolor="#9ca3af", label="not compared"),
        ],
        fontsize="small",
        frameon=False,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
    )
    return ax
