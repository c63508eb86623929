"""Filters over a quote table: outlet, speaker, kind and text, as :func:`filter_quotes`, and
prepared once per table as :class:`QuoteFilter` so that each widget redraw costs milliseconds
on the whole corpus (:class:`analysis.widgets.QuoteBrowser`).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..core.text import MAY_FOLD, fold_diacritics
from .speaker_table import SpeakerNames, speaker_ids, speaker_key, speaker_rows


def folded_lower(text: str) -> str:
    """``fold_diacritics(text).lower()``, with the Python step per character only for texts
    that need it (8 times faster on news text, where most non-ASCII is punctuation)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    if MAY_FOLD.search(decomposed) is None:
        return decomposed.lower()
    return fold_diacritics(text).lower()


@lru_cache(maxsize=1)
def _changed_by_folding() -> str:
    """A regular expression, in the syntax of RE2 (pyarrow) and Rust (polars), for one
    character that ``fold_diacritics(text).lower()`` may change: one outside ASCII, except the
    characters of the Basic Multilingual Plane that fold and lower-case to themselves (Python's
    own Unicode tables decide which, so the engines' tables do not matter).

    Folding is character by character (NFKD decomposes each character, and reordering moves
    only the combining marks it then drops), and so is lower-casing except for a final sigma
    (Σ lower-cases, so it is never kept here): a text without such a character folds and
    lower-cases to its ASCII lower case.
    """
    kept = [
        c
        for c in range(0x80, 0x10000)
        if not 0xD800 <= c < 0xE000
        and chr(c).lower() == chr(c)
        and fold_diacritics(chr(c)) == chr(c)
    ]
    spans: list[list[int]] = []
    for c in kept:
        if spans and spans[-1][1] == c - 1:
            spans[-1][1] = c
        else:
            spans.append([c, c])
    return (
        "[^\\x00-\\x7f"
        + "".join(f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in spans)
        + "]"
    )


def search_texts(quotes: pd.DataFrame) -> Any:
    """What a text search reads, per row: ``folded_lower(quote + "\\n" + speaker + "\\n" +
    sentence)``, as a polars Series (a list of str for text that Arrow cannot hold: lone
    surrogates).

    Vectorised: most rows fold to their ASCII lower case (see :func:`_changed_by_folding`);
    Python folds the others (1.5% of the whole corpus's quotations). On the whole corpus
    (810,000 rows, 227 million characters) this takes about 1 s, against 7 s row by row.
    """
    import polars as pl
    import pyarrow as pa
    import pyarrow.compute as pc

    parts = [quotes[c].fillna("") for c in ("quote", "speaker", "sentence")]
    try:
        arrays = [pa.array(p, type=pa.large_string()) for p in parts]
    except (pa.ArrowException, UnicodeError):
        return [
            folded_lower(f"{a}\n{b}\n{c}")
            for a, b, c in zip(*(p.tolist() for p in parts), strict=True)
        ]
    hay = pc.binary_join_element_wise(*arrays, pa.scalar("\n", pa.large_string()))
    out = pl.Series(pc.ascii_lower(hay), dtype=pl.String)
    hay = pl.Series(hay, dtype=pl.String)
    hard = np.flatnonzero(hay.str.contains(_changed_by_folding()).to_numpy())
    if len(hard):
        folded = [folded_lower(h) for h in hay.gather(hard).to_list()]
        out = out.scatter(hard, pl.Series(folded, dtype=pl.String))
    return out


def _speaker_matches(keys: pd.Series, want: str) -> np.ndarray:
    """The speaker test of :func:`filter_quotes`, ``bool(want) and (k == want or
    k.endswith(" " + want) or want.endswith(" " + k) and " " in k)``, on every merge key ``k``
    of ``keys`` at once (``want.endswith(" " + k)``: ``k`` is one of want's word suffixes)."""
    if not want:
        return np.zeros(len(keys), dtype=bool)
    suffixes = [want[i + 1 :] for i, ch in enumerate(want) if ch == " "]
    ok = (
        (keys == want)
        | keys.str.endswith(" " + want)
        | (keys.isin(suffixes) & keys.str.contains(" ", regex=False))
    )
    return ok.to_numpy(dtype=bool)


class _Codes:
    """A column as integer codes of its distinct values, so that a filter tests each distinct
    value once (a few thousand outlets or speakers) instead of every row."""

    def __init__(self, column: pd.Series) -> None:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        self.codes = codes
        self.values = pd.Index(uniques)

    def rows(self, ok: np.ndarray) -> np.ndarray:
        """Per row, ``ok`` of its value (``ok`` has one entry per distinct value)."""
        return np.asarray(ok, dtype=bool)[self.codes]


class QuoteFilter:
    """The filters of :func:`filter_quotes` for one quote table, prepared once so that each
    new filter costs milliseconds (a QuoteBrowser redraw): outlets, kinds and speakers become
    codes of their distinct values (speaker keys computed once per distinct name), and the
    text searched ("quote\\nspeaker\\nsentence", diacritics folded, lower case) is built
    once, as a polars Series that a search scans in native code (literal substring match, the
    same test as Python's ``in``). :meth:`speakers` reuses the speaker keys."""

    def __init__(self, quotes: pd.DataFrame) -> None:
        self.quotes = quotes
        outlet = (
            quotes["outlet"] if "outlet" in quotes else pd.Series("unknown", index=quotes.index)
        )
        self.outlet = _Codes(outlet)
        self.kind = _Codes(quotes["kind"])
        self.speaker = _Codes(quotes["speaker"])
        ids = quotes["speaker_id"] if "speaker_id" in quotes else speaker_ids(quotes)
        self.speaker_id = _Codes(ids)
        self.names = SpeakerNames(self.speaker.values)
        self.speaker_keys = pd.Series(self.names.keys, dtype="str")
        self.hay = search_texts(quotes)
        # The last text search: (other filters, needle, rows kept). Typing adds to the needle,
        # and a row that contains the longer needle contains the shorter one, so the next
        # keystroke only reads the rows the last one kept.
        self._last: tuple[tuple, str, np.ndarray] | None = None
        self._speaker: tuple[str, np.ndarray] | None = None  # the last speaker test

    def speakers(self) -> pd.DataFrame:
        """:func:`speakers` of this quote table (the same table), from the prepared keys."""
        has = self.quotes["speaker"].notna().to_numpy(dtype=bool)
        cols = [c for c in ("doc_id", "outlet", "speaker", "speaker_type") if c in self.quotes]
        q = self.quotes.loc[has, cols].assign(
            speaker_id=self.speaker_id.values[self.speaker_id.codes[has]]
        )
        return speaker_rows(q, self.speaker.codes[has], self.names)

    def _speaker_rows(self, speaker: str) -> np.ndarray:
        """The rows of the speaker ``speaker`` names: a ``speaker_id`` of the table, or a name
        ("Erdogan"), which selects every id of the rows whose name it matches."""
        if self._speaker is None or self._speaker[0] != speaker:
            ids = self.speaker_id.values
            if speaker in ids:
                ok = ids == speaker
            else:
                named = self.speaker.rows(_speaker_matches(self.speaker_keys, speaker_key(speaker)))
                ok = ids.isin(ids[np.unique(self.speaker_id.codes[named])])
            self._speaker = (speaker, self.speaker_id.rows(np.asarray(ok, dtype=bool)))
        return self._speaker[1]

    def _containing(self, rows: np.ndarray, needle: str) -> np.ndarray:
        """The rows among ``rows`` whose search text contains ``needle``."""
        hay = self.hay
        if not needle:
            return rows
        if isinstance(hay, list):
            return rows[np.fromiter((needle in hay[i] for i in rows), dtype=bool, count=len(rows))]
        try:
            needle.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: in no text that Arrow holds
            return rows[:0]
        if 4 * len(rows) < len(hay):  # few rows: copy them, then scan
            return rows[hay.gather(rows).str.contains(needle, literal=True).to_numpy()]
        return rows[hay.str.contains(needle, literal=True).to_numpy()[rows]]

    def rows(
        self,
        *,
        outlets: tuple[str, ...] | None = None,
        speaker: str | None = None,
        kinds: tuple[str, ...] | None = None,
        contains: str | None = None,
    ) -> np.ndarray:
        """Positions of the rows that pass every filter given (None = no filter), in order."""
        keep = np.ones(len(self.quotes), dtype=bool)
        if outlets is not None:
            keep &= self.outlet.rows(self.outlet.values.isin(list(outlets)))
        if kinds is not None:
            keep &= self.kind.rows(self.kind.values.isin(list(kinds)))
        if speaker:
            keep &= self._speaker_rows(speaker)
        rows = np.flatnonzero(keep)
        if contains:
            # The text test is the costly one (227 M characters on the whole corpus): it runs
            # only on the rows the other filters kept, or the last search kept (see _last).
            needle = fold_diacritics(contains).lower().strip()
            others = (outlets, speaker, kinds)
            if self._last is not None and self._last[0] == others and self._last[1] in needle:
                rows = self._last[2]
            rows = self._containing(rows, needle)
            self._last = (others, needle, rows)
        return rows


def filter_quotes(
    quotes: pd.DataFrame,
    *,
    outlets: list[str] | tuple[str, ...] | None = None,
    speaker: str | None = None,
    kinds: list[str] | tuple[str, ...] | None = None,
    contains: str | None = None,
) -> pd.DataFrame:
    """The rows of a quote table that pass every filter given (None = no filter).

    ``outlets``: outlet in this list (a table without ``outlet`` counts as "unknown").
    ``speaker``: a ``speaker_id`` of the table (that speaker's rows), or a name, which selects
    the speakers of the rows it names, diacritics and titles ignored ("Erdogan" finds "Recep
    Tayyip Erdoğan"). ``kinds``: kind in this list. ``contains``: the words appear in the
    quote, the speaker or the sentence (case and diacritics ignored). Row order is kept.
    """
    rows = QuoteFilter(quotes).rows(
        outlets=None if outlets is None else tuple(outlets),
        speaker=speaker,
        kinds=None if kinds is None else tuple(kinds),
        contains=contains,
    )
    return quotes.iloc[rows]
