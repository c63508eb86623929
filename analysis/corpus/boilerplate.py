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

A *link card* is furniture inside a sentence: a site pastes, after a person's name, the same
person's full name and the headlines of its articles about them, up to a "MORE" link ("Sen. Ada
Lund Adaline (Ada) Marie LundLund says fares 'too high' Harbor board meets MORE (D-Ore.)
said …"). Its headlines are no quotation of the story and name no speaker of it;
:func:`without_boilerplate` blanks them too.

A *gallery caption* is a photo gallery pasted into the text: each photo's caption opens with
the gallery's title ("Photos: Harbor floods") and ends with its counter ("Hide Caption 3 of
40"), all on one line, so no line repeats; the title and counter words would top the counts.
:func:`gallery_captions` finds them and :func:`without_boilerplate` blanks them too.
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
# A link card: a capitalised word (the surname a name ends with), one to five capitalised words
# or parenthesised nicknames (the full name), the same surname again, then on the same line at
# most 700 characters of headlines up to a lone "MORE". The repeated surname is what tells a
# card from a sentence that happens to shout "MORE".
LINK_CARD_RE: Final = re.compile(
    r"\b(?P<surname>[A-Z][\w'’.-]*[a-z])"
    r"(?P<card>(?: (?:[A-Z][\w'’.-]*|\([^()\n]{1,30}\))){1,5}? (?P=surname)(?![a-z])"
    r"[^\n]{0,700}? MORE)(?![\w-])"
)


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


def link_cards(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the link cards in ``text`` (see the module docstring):
    from the space after the name the sentence gives to the end of "MORE", so that
    ``text[:start]`` keeps the name and ``text[end:]`` the sentence's own words."""
    if " MORE" not in text:
        return []
    cards = []
    m = LINK_CARD_RE.search(text)
    while m:
        # The display name's first word may match as the "surname" ("Ivo Reyes Ivo Paul Reyes"):
        # a later word that opens a card ending at the same "MORE" is the surname.
        later = LINK_CARD_RE.match(text, m.start("card") + 1)
        while later and later.end() == m.end():
            m, later = later, LINK_CARD_RE.match(text, later.start("card") + 1)
        cards.append(m.span("card"))
        m = LINK_CARD_RE.search(text, m.end())
    return cards


# A gallery's caption: from its "Photos:" title (if it has one) on the same line to its
# counter "Hide Caption 3 of 40". The lazy span stops at the first counter, so each photo is
# one caption; 1,000 characters bound a caption.
GALLERY_CAPTION_RE: Final = re.compile(
    r"(?:\bPhotos: [^\n]{0,1000}?)?\bHide Caption \d+ of \d+\b", re.IGNORECASE
)


def gallery_captions(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the photo-gallery captions in ``text`` (see the module
    docstring): each from its gallery title "Photos: …" to its counter "Hide Caption 3 of 40",
    or the counter alone when no title opens it."""
    if "caption" not in text.lower():
        return []
    return [m.span() for m in GALLERY_CAPTION_RE.finditer(text)]


def inline_furniture(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets, in order, of the page furniture inside the lines of
    ``text``: its :func:`link_cards` and :func:`gallery_captions`."""
    return sorted(link_cards(text) + gallery_captions(text))


def without_inline_furniture(text: str) -> str:
    """``text`` with its :func:`inline_furniture` replaced by as many spaces, offsets
    unchanged."""
    out = text
    for start, end in inline_furniture(text):
        out = out[:start] + " " * (end - start) + out[end:]
    return out


def without_link_cards(text: str) -> str:
    """``text`` with its :func:`link_cards` replaced by as many spaces, offsets unchanged."""
    out = text
    for start, end in link_cards(text):
        out = out[:start] + " " * (end - start) + out[end:]
    return out


def without_boilerplate(
    docs: pd.DataFrame, lines: pd.DataFrame | None = None, *, min_articles: int = MIN_ARTICLES
) -> pd.DataFrame:
    """A copy of ``docs`` whose texts have their outlet's boilerplate lines (``lines``, by
    default :func:`boilerplate_lines`), their link cards and gallery captions
    (:func:`inline_furniture`) blanked with spaces, offsets unchanged, and ``n_words``
    counted again. Other columns are as given."""
    if lines is None:
        lines = boilerplate_lines(docs, min_articles=min_articles)
    per_outlet = {o: set(g["line"]) for o, g in lines.groupby("outlet")}
    out = docs.copy()
    # Typed as text even when empty: an empty list alone would make a float column.
    out["text"] = pd.Series(
        [
            without_inline_furniture(_blanked(t, per_outlet[o]) if o in per_outlet else t)
            for o, t in zip(docs["outlet"], docs["text"], strict=True)
        ],
        index=docs.index,
        dtype=docs["text"].dtype,
    )
    if "n_words" in out:
        out["n_words"] = count_words(pl.Series(out["text"].tolist(), dtype=pl.String)).to_numpy()
    return out
