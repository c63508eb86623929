"""Page furniture an outlet repeats in its articles: lines such as "Story Continued Below",
"ADVERTISEMENT", "Sign up for Daily Newsletters" or a copyright notice, written the same way
in many of one outlet's articles. Counted as words, they top the outlet's frequencies and
keyness ("newsletters", "reprint") though no writer chose them for the story.

A line is *boilerplate* when it recurs verbatim (spacing aside) in at least ``MIN_ARTICLES``
articles of one outlet. Near-duplicate articles (``near_duplicate_of``) count once, so a story
republished twice does not make its own paragraphs furniture. Nothing is guessed from word
lists: whatever an outlet repeats is found in any language and any house style.

:func:`without_boilerplate` blanks those lines with spaces, so character offsets into the text
stay valid, and recounts ``n_words``; the raw text is never changed in place.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

import pandas as pd
import polars as pl

from ..core.text import WORD_RE
from .load import count_words

MIN_ARTICLES: Final = 3
BOILERPLATE_COLUMNS: Final = ["outlet", "line", "articles"]
_LINE = re.compile(r"[^\n]+")


def _key(line: str) -> str:
    """A line as compared across articles: its words with single spaces."""
    return " ".join(line.split())


def _distinct_lines(text: str) -> set[str]:
    """The lines of a text that hold a word, each once."""
    return {k for k in map(_key, text.split("\n")) if WORD_RE.search(k)}


def boilerplate_lines(docs: pd.DataFrame, *, min_articles: int = MIN_ARTICLES) -> pd.DataFrame:
    """The lines each outlet repeats verbatim in at least ``min_articles`` of its articles.

    Columns: ``outlet``; ``line`` (spacing collapsed); ``articles``, in how many of the
    outlet's articles it occurs (near-duplicates counted once). Sorted by outlet, then most
    articles first, then line.
    """
    if min_articles < 2:
        raise ValueError(f"min_articles must be at least 2, not {min_articles}")
    rows = []
    originals = (
        docs["near_duplicate_of"].isna()
        if "near_duplicate_of" in docs
        else pd.Series(True, docs.index)
    )
    for outlet, texts in docs.loc[originals, "text"].groupby(docs.loc[originals, "outlet"]):
        counts = Counter(line for t in texts for line in _distinct_lines(t))
        rows += [(outlet, line, n) for line, n in counts.items() if n >= min_articles]
    table = pd.DataFrame(rows, columns=BOILERPLATE_COLUMNS).astype({"articles": "int64"})
    table = table.sort_values(["outlet", "articles", "line"], ascending=[True, False, True])
    return table.reset_index(drop=True)


def _blanked(text: str, lines: set[str]) -> str:
    """``text`` with each line of ``lines`` replaced by as many spaces."""
    return _LINE.sub(
        lambda m: " " * len(m.group()) if _key(m.group()) in lines else m.group(), text
    )


def without_boilerplate(
    docs: pd.DataFrame, lines: pd.DataFrame | None = None, *, min_articles: int = MIN_ARTICLES
) -> pd.DataFrame:
    """A copy of ``docs`` whose texts have their outlet's boilerplate lines (``lines``, by
    default :func:`boilerplate_lines`) blanked with spaces, offsets unchanged, and ``n_words``
    counted again. Other columns are as given."""
    if lines is None:
        lines = boilerplate_lines(docs, min_articles=min_articles)
    per_outlet = {o: set(g["line"]) for o, g in lines.groupby("outlet")}
    out = docs.copy()
    out["text"] = [
        _blanked(t, per_outlet[o]) if o in per_outlet else t
        for o, t in zip(docs["outlet"], docs["text"], strict=True)
    ]
    if "n_words" in out:
        out["n_words"] = count_words(pl.Series(out["text"].tolist(), dtype=pl.String)).to_numpy()
    return out
