"""The quote table: every quotation in the docs table, with its speaker, cue and kind.

:func:`extract_quotes` reads raw text with rules only (no statistical model): it pairs quotation
marks paragraph by paragraph (curly, straight, mixed, ``''``/````), reads the attribution frame
around each quotation (`` “…,” added Katz``, ``Katz wrote, “…”``, ``…that read: “…”``), carries
a speaker over to floating quotations, finds reported speech without marks ("X said (that) …",
"according to X, …"), and resolves pronouns and short forms to the fullest name in the article.
Speakers merged across articles and spellings: :mod:`analysis.speaker_table`; filters over the
table: :mod:`analysis.quote_filter` (both importable from here too).
"""

from __future__ import annotations

import bisect
import gc
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import itemgetter
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa

if sys.platform == "win32":  # (no sched_yield there: sleeping 0 s also releases the GIL)
    from time import sleep as _sleep

    def sched_yield() -> None:
        _sleep(0)
else:
    from os import sched_yield

from ..core.parallel import map_chunks, resolve_n_jobs
from ..core.progress import PROGRESS_ARTICLES, wants_progress
from ..core.text import (
    ABBREVIATIONS,
    SENTENCE_OPENING_WORDS,
    abbreviation_may_end,
    fold_diacritics,
    sentence_spans,
    word_spans,
)
from ..corpus import link_cards
from .attribution import (
    ABSTRACT_HEADS,
    ADDRESSEE_CUES,
    ANON_WORDS,
    COMPILED,
    CONTRACTING_PRONOUNS,
    CUE_RULES,
    CUES,
    DEMONYMS,
    DETERMINERS,
    DOC_NOUNS,
    HYPHEN_PARTICLES,
    INDIRECT_CUES,
    INFINITIVE_CUES,
    ING_CUES,
    INVERTIBLE,
    LEADING_ADVERBIALS,
    LEX,
    LISTED_WORDS,
    MONTHS,
    NAME_CACHE,
    NAME_SUFFIXES,
    NOT_NAMES,
    NP_INTERNAL,
    ORG_WORDS,
    PLACES,
    PREPOSITION_CUES,
    PRONOUNS,
    RELATIVES,
    SKIP_BETWEEN,
    SPEAKER_NOUNS,
    SUBJECT_ONLY_CUES,
    SUBJECT_PRONOUNS,
    TAIL_PREPOSITIONS,
    THING_SUBJECTS,
    TIE_WORDS,
    TITLE_CUES,
    TITLES,
    Mention,
    Tok,
    _is_time_tok,
    _verbish,
    acronym_org,
    adverb_ly,
    alnum_at,
    amount_only,
    bare,
    caps_headline,
    clause_subject,
    contracted_pronoun,
    ends_a_role,
    furniture_pair,
    glued_name_end,
    heads_role,
    is_cue_at,
    mention_of,
    name_key,
    name_part,
    name_type,
    name_with_role,
    nearest_subject,
    no_name_word,
    np_after,
    np_before,
    relative_subject,
    role_noun,
    speaker_role_noun,
    strip_name,
    tie_at,
    time_phrase_end,
    tokenize,
    trie_pattern,
    well_formed_mention,
)
from .quote_filter import QuoteFilter, filter_quotes  # noqa: F401 (see the docstring)
from .resolve import (
    GIVEN_NAMES,
    ORG_HEAD_NOUNS,
    SURNAME_PARTICLES,
    bodies_after_kind,
    carry_runs,
    clause_head_pronoun,
    common_word,
    common_word_speakers,
    description_types,
    final_speaker_types,
    given_name_speakers,
    name_start,
    named_after_title,
    organisation_by_usage,
    passive_agent_speakers,
    person_descriptors,
    phrase_speakers,
    place_by_usage,
    resolve_first_person,
    subject_after_time_noun,
    thing_mentions,
    unresolved_pronouns,
)
from .speaker_table import speaker_key, speaker_outlet_counts, speakers, with_speaker_ids  # noqa: F401

QUOTE_COLUMNS: Final = [
    "doc_id",
    "outlet",
    "quote",
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_id",
    "speaker_start",
    "speaker_end",
    "cue",
    "speaker_type",
    "sentence",
]
KINDS: Final = ("direct", "partial", "indirect", "scare")
# What extraction gives per article; speaker_id is given after, over all the articles.
ROW_COLUMNS: Final = [c for c in QUOTE_COLUMNS if c != "speaker_id"]

# Quotation marks. `` and '' (typewriter doubles, common in NYT/LexisNexis text) are read as one
# double mark, not two apostrophes, and so are their curly forms ‘‘ and ’’ (wire copy set in
# some newsrooms' systems: “We won,’’ Reyes said). One leading character class, then the
# second ` ' ‘ or ’: the same matches as ``|''|‘‘|’’|["“”„‟«»]|[‘’'‚‛`], but Python's re
# skips ahead to a leading class in C and tries an alternation at every position.
_MARK_RE: Final = re.compile(r"[\"“”„‟«»‘’'‚‛`](?:(?<=`)`|(?<=')'|(?<=’)’|(?<=‘)‘)?")
_DOUBLE: Final = frozenset(["``", "''", "‘‘", "’’", '"', "“", "”", "„", "‟", "«", "»"])
_OPEN_GLYPHS: Final = frozenset(["``", "‘‘", "“", "„", "‟", "«", "‘", "‚", "‛", "`"])
_CLOSE_GLYPHS: Final = frozenset(["''", "’’", "”", "»", "’"])
_BEFORE_OPEN: Final = (
    frozenset("([{—–-/\u2014\u2013\u2012:;,") | frozenset(_DOUBLE) | frozenset("‘'`")
)
_AFTER_CLOSE: Final = frozenset(".,;:!?)]}—–-/…\u2014") | frozenset(_DOUBLE) | frozenset("’'")
# Characters that open a quotation (for "is a quotation next?" checks).
_OPENERS: Final = frozenset(['"', "“", "„", "«", "‘", "'", "`"])
# Longest single-quoted span we accept: single marks are mostly apostrophes, and a long span is
# more likely two apostrophes than a quotation.
_MAX_SINGLE: Final = 250


@dataclass(slots=True)
class _Piece:
    """One quotation inside one paragraph: ``text[start:end]`` between its marks."""

    open_at: int  # offset of the opening mark
    start: int
    end: int
    close_end: int  # offset just after the closing mark (== end when unclosed)
    double: bool
    closed: bool
    continues: bool = False  # the previous paragraph's quotation goes on here


def _line_end(text: str, pos: int) -> int:
    e = text.find("\n", pos)
    return len(text) if e < 0 else e


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _flanks(text: str, i: int, j: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark ``text[i:j]`` from the characters around it."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[j] if j < len(text) else "\n"
    can_open = (prev.isspace() or prev in _BEFORE_OPEN) and not nxt.isspace()
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSE)
    return can_open, can_close


def _closes_glued(text: str, i: int, g: str) -> bool:
    """Whether the mark ``g`` at ``text[i]``, right after an open quotation's last comma or
    stop, closes it though the space after it is missing: “…,"Dana Okafor said and “…,”Dana
    Okafor said (a straight mark, or one that only closes: the curly one read by its glyph
    would open a new quotation of the words "Dana Okafor said.")."""
    return (g == '"' or g in _CLOSE_GLYPHS) and i > 0 and text[i - 1] in ",.?!"


def find_quote_spans(text: str) -> list[_Piece]:
    """Pair the quotation marks of ``text``; return quotations in text order.

    Double marks pair within a paragraph, whatever their glyphs (“…" and "…” pair too). A
    quotation left open at the end of a paragraph is cut there; when the next paragraph opens
    with a mark it is the same quotation going on (multi-paragraph convention). Single marks
    pair only outside double quotations (nested ones belong to the outer quote), and only with
    a closing mark on the same line, so apostrophes never open a quotation.
    """
    pieces: list[_Piece] = []
    marks = [(m.start(), m.end(), m.group()) for m in _MARK_RE.finditer(text)]
    if not marks:
        return pieces
    if "<" in text:
        # Attribute values inside markup (<tweet author="…">) are not quotations.
        tags = [(m.start(), m.end()) for m in _TAG_RE.finditer(text)]
        if tags:
            marks = [mk for mk in marks if not _inside(tags, mk[0])]
    open_at = -1
    open_end = -1
    line_end = -1
    continues_next = False
    singles: list[tuple[int, int, str]] = []
    for i, j, g in marks:
        if open_at >= 0 and i > line_end:
            # The open quotation never closed on its line: cut it at the paragraph end.
            s, e = _trim(text, open_end, line_end)
            nxt = text[line_end : line_end + 400].lstrip()
            cont = bool(nxt) and (nxt[0] in '“"«„' or nxt.startswith("``"))
            if e > s:
                pieces.append(_Piece(open_at, s, e, e, True, False, continues_next))
            continues_next = cont
            open_at = -1
        if g not in _DOUBLE:
            if open_at < 0:
                singles.append((i, j, g))
            continue
        can_open, can_close = _flanks(text, i, j)
        if open_at >= 0 and not can_close and _closes_glued(text, i, g):
            can_close = True
        if open_at < 0:
            if can_open or (not can_close and g in _OPEN_GLYPHS) or (not can_close and g == '"'):
                open_at, open_end, line_end = i, j, _line_end(text, j)
            else:
                continues_next = False  # a stray closing mark
            continue
        # A quotation is open: this mark closes it unless it can only open (“a “b” c”).
        if can_close or not can_open or (g in _CLOSE_GLYPHS and not (can_open and not can_close)):
            s, e = _trim(text, open_end, i)
            if e > s:
                pieces.append(_Piece(open_at, s, e, j, True, True, continues_next))
            continues_next = False
            open_at = -1
        else:
            # Two openers in a row: the first was never closed; restart at the second, but
            # keep what the first held up to here so a typo does not lose a quotation.
            s, e = _trim(text, open_end, i)
            if e > s:
                pieces.append(_Piece(open_at, s, e, e, True, False, continues_next))
            continues_next = False
            open_at, open_end = i, j
    if open_at >= 0:
        le = _line_end(text, open_end)
        s, e = _trim(text, open_end, le)
        if e > s:
            pieces.append(_Piece(open_at, s, e, e, True, False, continues_next))
    if singles:
        pieces.extend(_pair_singles(text, singles, pieces))
        pieces.sort(key=lambda p: (p.start, p.end))
    return pieces


_TAG_RE: Final = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]{0,600})?/?>")


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, len(spans) + 10**12)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _pair_singles(
    text: str, singles: list[tuple[int, int, str]], doubles: list[_Piece]
) -> list[_Piece]:
    out: list[_Piece] = []
    inside = [(p.open_at, p.close_end) for p in doubles]
    starts = [a for a, _ in inside]

    def in_double(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and inside[k][0] <= pos < inside[k][1]

    k = 0
    while k < len(singles):
        i, j, g = singles[k]
        can_open, can_close = _flanks(text, i, j)
        prev = text[i - 1] if i > 0 else " "
        nxt = text[j] if j < len(text) else " "
        if g != "’" and can_open and nxt.isalnum() and not prev.isalnum() and not in_double(i):
            le = min(_line_end(text, j), j + _MAX_SINGLE)
            for m in range(k + 1, len(singles)):
                i2, j2, g2 = singles[m]
                if i2 > le:
                    break
                o2, c2 = _flanks(text, i2, j2)
                p2 = text[i2 - 1]
                n2 = text[j2] if j2 < len(text) else " "
                # A closer: after a word or punctuation, before space/punctuation, not "’s".
                if (
                    g2 in ("’", "'")
                    and c2
                    and not (p2.isalnum() and n2.isalnum())
                    and not (
                        p2 in "sS"
                        and n2 == " "
                        and m + 1 < len(singles)
                        and singles[m + 1][0] <= le
                    )
                ):
                    s, e = _trim(text, j, i2)
                    if e > s:
                        out.append(_Piece(i, s, e, j2, False, True))
                    k = m
                    break
        k += 1
    return out


# ---------------------------------------------------------------------------------------------
# Per-document context


@dataclass
class _Doc:
    """Lazy per-article context: sentences, tokens per sentence, names for resolution."""

    text: str
    spans: list[tuple[int, int]]
    quote_ranges: list[tuple[int, int]]
    _starts: list[int] = field(default_factory=list)
    _qstarts: list[int] = field(default_factory=list)
    _headlines: dict[int, bool] = field(default_factory=dict)
    _qmax_end: list[int] = field(default_factory=list)
    _toks: dict[int, tuple[list[Tok], list[int]]] = field(default_factory=dict)
    _names: dict | None = None
    _genders: dict[str, str] | None = None
    _capitals: dict[str, list[int]] | None = None
    _lower: dict[str, bool] = field(default_factory=dict)
    _mentions: list[tuple[int, str]] | None = None
    _titled: dict[str, str] | None = None
    _subjects: dict[int, tuple[Mention | None, str | None, str | None]] = field(
        default_factory=dict
    )
    _captions: dict[int, bool] = field(default_factory=dict)
    _written: dict[str, str | None] = field(default_factory=dict)
    _org_usage: dict[str, bool] = field(default_factory=dict)
    _place_usage: dict[str, bool] = field(default_factory=dict)
    # Where the "according to X" closing a quotation's sentence is written, when the
    # quotation keeps the speaker of its own frame: that sentence's attribution is already
    # the quotation's row (:func:`_frame_keeps_speaker`).
    vouchers: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.spans]
        # Quotations are sorted by start; a running max of ends answers "inside any?" in log n.
        self._qstarts = [a for a, _ in self.quote_ranges]
        self._qmax_end = []
        hi = -1
        for _, b in self.quote_ranges:
            hi = max(hi, b)
            self._qmax_end.append(hi)

    def organisation_by_usage(self, name: str) -> bool:
        """:func:`resolve.organisation_by_usage` of a name in this article, memoised."""
        hit = self._org_usage.get(name)
        if hit is None:
            hit = self._org_usage[name] = organisation_by_usage(self.text, name)
        return hit

    def place_by_usage(self, name: str) -> bool:
        """:func:`resolve.place_by_usage` of a name in this article, memoised."""
        hit = self._place_usage.get(name)
        if hit is None:
            hit = self._place_usage[name] = place_by_usage(self.text, name)
        return hit

    def sent_index(self, pos: int) -> int:
        k = bisect.bisect_right(self._starts, pos) - 1
        return max(k, 0)

    def in_caption(self, pos: int) -> bool:
        """:func:`_in_caption` of ``pos``, memoised by line (pronouns ask of the same lines)."""
        a = self.text.rfind("\n", 0, pos) + 1
        hit = self._captions.get(a)
        if hit is None:
            hit = self._captions[a] = _in_caption(self.text, pos)
        return hit

    def sent_span(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``."""
        return self.spans[self.sent_index(pos)]

    def outside_toks(self, a: int, b: int, *, cache: bool = True) -> list[Tok]:
        """Tokens of ``text[a:b]`` outside every quotation (their words are not the frame).

        Tokenizes only the gaps, so long quotations cost nothing here. The frame readers ask
        for overlapping pieces of the same sentence (pre-frame, subject, reported speech), so
        each sentence is tokenized once and a range inside it is a slice of that list: building
        token objects is the single largest cost of extraction. ``cache=False`` (readers that
        need only part of a sentence once) reuses a tokenized sentence but does not tokenize a
        whole new one, unless it asks for the whole sentence (the same work, kept for later).
        """
        k = bisect.bisect_right(self._starts, a) - 1
        if (
            k >= 0
            and b <= self.spans[k][1]
            and (cache or k in self._toks or (a, b) == self.spans[k])
        ):
            toks, starts = self._sent_outside(k)
            i = bisect.bisect_left(starts, a)
            j = bisect.bisect_left(starts, b, i)
            out = toks[i:j]
            if out and out[-1].end > b:
                # The range ends inside a token (or a quotation): read that piece afresh.
                last = out.pop()
                if last.text == "\u201c":
                    out.append(Tok("\u201c", "\u201c", last.start, b))
                else:
                    out.extend(tokenize(self.text, last.start, b))
            return out
        return self._outside_toks(a, b)

    def _sent_outside(self, k: int) -> tuple[list[Tok], list[int]]:
        hit = self._toks.get(k)
        if hit is None:
            s, e = self.spans[k]
            toks = self._outside_toks(s, e)
            hit = self._toks[k] = (toks, [t.start for t in toks])
        return hit

    def _outside_toks(self, a: int, b: int) -> list[Tok]:
        out: list[Tok] = []
        qr = self.quote_ranges
        k = bisect.bisect_right(self._qstarts, a) - 1
        pos = a
        if k >= 0 and self._qmax_end[k] > a:
            pos = self._qmax_end[k]
        i = k + 1
        while i < len(qr) and qr[i][0] < b:
            qa, qb = qr[i]
            if qa > pos:
                out.extend(tokenize(self.text, pos, min(qa, b)))
            if qb > pos and qa < b:
                # A stand-in for the quotation, so no noun phrase is read across it.
                out.append(Tok("\u201c", "\u201c", qa, min(qb, b)))
            pos = max(pos, qb)
            i += 1
        if pos < b:
            out.extend(tokenize(self.text, pos, b))
        return out

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._qstarts, pos) - 1
        return k >= 0 and pos < self._qmax_end[k]

    def in_one_quote(self, a: int, last: int) -> bool:
        """Whether one quotation holds offsets ``a`` to ``last``: not two quotations with a
        frame between them ("“…,” Lund told the “Harbor Hour.”")."""
        k = bisect.bisect_right(self._qstarts, a) - 1
        return k >= 0 and last < self._qmax_end[k]

    def headline(self, line_start: int, line_end: int) -> bool:
        h = self._headlines.get(line_start)
        if h is None:
            h = self._headlines[line_start] = _is_headline(self.text, line_start, line_end)
        return h

    # -- names ------------------------------------------------------------------------------
    def genders(self) -> dict[str, str]:
        """Sex by surname key from honorifics and pronouns, and by full-name key from the
        given names of namesakes (:func:`_namesake_sexes`) and from words beside the name
        (:func:`_described_sexes`), read once per article and only when asked."""
        if self._genders is None:
            by_surname = {**_pronoun_sexes(self), **_honorific_sexes(self.text)}
            self._genders = {
                **by_surname,
                # (keyed by full name, which outranks the surname)
                **_namesake_sexes(self, by_surname),
                **_described_sexes(self),
            }
        return self._genders

    def surname_positions(self, key: str, full: str) -> list[int]:
        """Offsets where the last word of the person name ``full`` is written."""
        if self._capitals is None:
            # One pass over the characters answers every surname of the article.
            self._capitals = _capital_words(self.text)
        return self._capitals.get(full.split()[-1], [])

    def person_mentions(self) -> list[tuple[int, str]]:
        """(offset, fullest name) of each place a person's surname is written, in order: the
        people named in full and those only written as a title and a surname ("Sen. Lund")."""
        if self._mentions is None:
            articled = self.names()["articled"]
            found = [
                (at, full)
                for key, full in self.names()["by_last"].items()
                if not full.isupper() and full not in articled
                for at in self.surname_positions(key, full)
            ]
            for key, surname in self.titled_surnames().items():
                found.extend((at, surname) for at in self.surname_positions(key, surname))
            self._mentions = sorted(found)
        return self._mentions

    def titled_surnames(self) -> dict[str, str]:
        """Surname key -> surname of the people the article never names in full, only after a
        title or an honorific or as a speaker: "President Lund", "Mr. Lund", "Lund said" ->
        {"lund": "Lund"}."""
        if self._titled is None:
            by_last = self.names()["by_last"]
            self._titled = {}
            written = [surname for surname, _ in self.names()["titled"]]
            written.extend(_bare_speakers(self.text))
            for surname in written:
                key = name_key(surname)
                if key not in by_last and key not in self._titled and _titled_person(self, surname):
                    self._titled[key] = surname
        return self._titled

    def writes_in_lower_case(self, low: str) -> bool:
        """Whether the article writes ``low`` as a whole word opening in lower case, memoised
        by word (see :func:`_lower_word_written`)."""
        hit = self._lower.get(low)
        if hit is None:
            hit = self._lower[low] = _lower_word_written(self.text, low)
        return hit

    def names(self) -> dict:
        """Names written in the article: full person names by last word, roles -> names."""
        if self._names is None:
            self._names = _collect_names(self.text)
        return self._names


# A lower-case word, whole (its characters are those of :func:`_word_char_at`).
_LOWER_WORD_RE: Final = re.compile(r"[a-z](?<![\w’'\-].)[\w’'\-]*+")


def _word_char_at(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a character of a whole word: a letter, a digit, "_", an
    apostrophe or a hyphen (re's ``[\\w’'\\-]``), ASCII answered from the code point (see
    :func:`alnum_at`)."""
    o = ord(text[i])
    if o < 128:
        return 97 <= o <= 122 or 65 <= o <= 90 or 48 <= o <= 57 or o in (95, 39, 45)
    return o == 0x2019 or text[i].isalnum()


def _capital_words(text: str) -> dict[str, list[int]]:
    """Each capitalised word written whole (without a "’s" after it) -> its offsets: "Lund
    said. Lund’s plan" -> {"Lund": [0, 11]}; "Lundgren" and "al-Lund" write no "Lund"."""
    out: dict[str, list[int]] = {}
    n = len(text)
    i = 0
    while i < n:
        o = ord(text[i])
        if not (65 <= o <= 90 and (i == 0 or not _word_char_at(text, i - 1))):
            i += 1
            continue
        j = i + 1
        while j < n and _word_char_at(text, j):
            j += 1
        word = text[i:j]
        if word.endswith(("’s", "'s")):
            word = word[:-2]  # "Lund’s plan" writes Lund too
        hits = out.get(word)
        if hits is None:
            out[word] = [i]
        else:
            hits.append(i)
        i = j  # (text[j] is no word character: no word starts there)
    return out


def _lower_word_written(text: str, low: str) -> bool:
    """Whether ``text`` writes ``low`` as a whole word whose first letter is a lower-case
    a to z: "thus" in "and thus it", not in "Thus," or "thusly"."""
    if not "a" <= low[:1] <= "z":
        return False
    n = len(low)
    for k in range(n):
        if not _word_char_at(low, k):
            return False  # (no whole word holds it)
    i = text.find(low)
    while i >= 0:
        if (i == 0 or not _word_char_at(text, i - 1)) and (
            i + n == len(text) or not _word_char_at(text, i + n)
        ):
            return True
        i = text.find(low, i + 1)
    return False


# Two or more capitalised words in a row (with name particles): candidate full names.
# The first capital comes before the look-behind so the regex engine can skip ahead to capitals
# (a pattern opening with a look-behind is tried at every position). The possessive
# ``*+``/``++`` match what ``*``/``+`` would (a character given back could never be the period
# or blank that follows) without retrying every shorter word: most capitalised words stand
# alone.
_CAPSEQ_RE: Final = re.compile(
    r"[A-Z](?<![\w’'.].)(?:[\w’'\-]*+\.?|\.)(?:[A-Z]\.)*+"
    r"(?:[ \t]++(?:(?:de|van|von|bin|al|la|del|der|le|da|du)[ \t]+)?"
    r"(?:(?:al-|el-|ad-|an-|ar-|as-|at-|az-)?[A-Z][\w’'\-]*+\.?(?:[A-Z]\.)*+|[A-Z]\.))+"
)


def _name_runs(text: str) -> list[tuple[int, str]]:
    """(offset, words) of each run of capitalised words, cut after a word whose period ends a
    sentence: "… said Dana Lund. Maria Reyes said" is two names. A period after an initial, a
    title or an abbreviation ("J.", "Sen.", "Jr.", "U.S.") stays inside the name. A run is
    cut too where a link's text is glued to a name ("Ivo LundAda Reyes": two runs). A title
    word written out is no abbreviation: "… at the White House. After Reyes left" is cut."""
    out: list[tuple[int, str]] = []
    for m in _CAPSEQ_RE.finditer(text):
        raw, at = m.group(), m.start()
        start = 0
        prev = ""
        for w in _run_words(raw):
            word = raw[w.start : w.end]
            glue = 0
            if len(word) >= 6 and not word[1:].islower():  # (no call for a plain word)
                glue = glued_name_end(word, last=w.next == len(raw))
                glue = glue if glue and name_part(prev) else 0
            prev = word
            if glue:
                # "Ivo Lund Ivo Peter LundAda Reyes says …": a link's text glued to the name
                # starts a run of its own.
                out.append((at + start, raw[start : w.start + glue]))
                start = w.start + glue
                continue
            if w.next < len(raw) and (
                (word.endswith(".") and _ends_run(word, raw, w.next))
                or _owner_of_run_rest(word, raw[start : w.end], raw[w.next :])
            ):
                out.append((at + start, raw[start : w.end]))
                start = w.next
        out.append((at + start, raw[start:]))
    return out


def _owner_of_run_rest(word: str, owner: str, rest: str) -> bool:
    """Whether a run of capitals so far, ``owner``, ending at ``word``, is a person's name
    in the possessive, so that the capitals after it are a run of their own: the thing owned
    ("Ada Lund's July 2 interview": "Ada Lund's" and "July") or another name ("Al Harbor's
    Ivo Reyes"). An owner that is no person's name stays in the run ("Harbor County State's
    Attorney Ada Lund"), as does a name owned by an outlet ("CBN's Ivo Reyes"). A bare
    apostrophe after an s is a possessive where the s ends no plural noun ("Reyes' October 30
    testimony"; not "Fulfill Harbor Brothers’ Dreams") or where a person's name follows ("Fox
    News' Ivo Reyes")."""
    if word.endswith(("s'", "s’")):
        # (a surname's, "Reyes'"; not a plural noun's inside a title, "Harbor Brothers' Wish")
        noun = word[:-1].lower()
        return not (common_word(noun) or common_word(noun[:-1])) or _any_given_name_first(rest)
    return word.endswith(("'s", "’s")) and _given_name_first(owner[:-2])


def _any_given_name_first(words: str) -> bool:
    """Whether words of two or more open with a given name of the corpus's list or the
    census's ("Veronica Penney")."""
    first = words.split(None, 1)[0].lower() if " " in words.strip() else ""
    return first in _ANY_GIVEN_NAMES


_ANY_GIVEN_NAMES: Final = (
    GIVEN_NAMES | LEX["census_female_given_names"] | LEX["census_male_given_names"]
)


def _ends_run(word: str, raw: str, nxt: int) -> bool:
    """Whether the period of ``word`` ends a sentence inside the run ``raw`` (the next word
    starting at ``nxt``): "Lund." but not "J." or "Sen."; "D.C." before a sentence-opening word
    ("Washington, D.C. But he said"), as the sentence splitter reads it."""
    if _sentence_end_word(word):
        return True
    return abbreviation_may_end(word) and raw[nxt:].split(None, 1)[0] in SENTENCE_OPENING_WORDS


@dataclass(slots=True)
class _RunWord:
    """A word of a run of capitalised words: ``run[start:end]``; the next word starts at
    ``next`` (past the blanks), or it is the run's length."""

    start: int
    end: int
    next: int


def _run_words(run: str) -> list[_RunWord]:
    """The words of a run of capitalised words, split at its blanks (spaces and tabs, the only
    ones a run holds): "Ada  Lund" -> (0, 3, 5), (5, 9, 9)."""
    out: list[_RunWord] = []
    n = len(run)
    i = 0
    while i < n:
        j = i
        while j < n and ord(run[j]) not in (32, 9):
            j += 1
        k = j
        while k < n and ord(run[k]) in (32, 9):
            k += 1
        out.append(_RunWord(i, j, k))
        i = k
    return out


def _sentence_end_word(word: str) -> bool:
    """Whether a word with a period ends a sentence: no initial, title or abbreviation ("J.",
    "Sen.", "U.S."): "Lund." -> True."""
    stem = word.lower().rstrip(".")
    return len(stem) > 1 and stem not in ABBREVIATIONS


# Words of a web page's controls and legal links, never of a person's name: a pronoun must
# not go back to "Hide Caption" or "Privacy Policy" left between paragraphs.
_PAGE_LABEL_WORDS: Final = frozenset(
    "caption captions policy copyright advertisement newsletter cookies cookie terms "
    "subscription comments".split()
)


# Small words that a headline or a link in title case capitalises, never a part of a name
# after its first word (name particles such as "de" or "van" are not among them).
_TITLE_CASE_SMALL: Final = frozenset(
    "on this the to for in with at from by of that these those is are was were".split()
)


def _title_cased(words: list[str]) -> bool:
    """Whether capitalised words are a headline or a link in title case, not a name: "More On
    This", "Mayor Vows To Fight" (but "Thomas More")."""
    for w in words[1:]:
        if w.lower() in _TITLE_CASE_SMALL:
            return True
    return False


def _page_label(words: list[str]) -> bool:
    """Whether capitalised words are a page's control or link, not a name: "Hide Caption",
    "Privacy Policy", "Cookie Settings" (but "Ada Reyes")."""
    for w in words:
        if w.lower() in _PAGE_LABEL_WORDS:
            return True
    return False


@lru_cache(maxsize=NAME_CACHE)
def _name_info(raw: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(last-word key, full name, role words) of a run of capitalised words, or None when it
    is not a person's full name. Cached: the same names recur across a corpus."""
    words = raw.rstrip(".").split()
    if raw.endswith(".") and len(words) > 2 and words[-1].lower() + "." in MONTHS:
        words.pop()  # "… accused by Terry Richardson Oct. 30": a date after the name
    # A capitalised cue, sentence opener, opening participle or page label is no part of a
    # name ("Says Reyes", "But Katz", "Considering Katz", "JUST WATCHED Katz", "Sign Up
    # Katz"), nor a weekday or a credit after it ("Katz Monday", "Katz Photos").
    while words:
        link = _link_in(words)
        if link > 0:
            del words[link:]  # "Pope Replay More Videos": the name ends before the link
        elif link == 0:
            del words[:2]
        elif (
            words[0].lower() in CUES
            or bare(words[0].lower()) in NOT_NAMES
            or _opening_participle(words[0])
            or no_name_word(words[0])
            or contracted_pronoun(words[0], CONTRACTING_PRONOUNS) is not None  # "I’m Ada Lund"
        ):
            words.pop(0)
        else:
            break
    first = next((k for k, w in enumerate(words) if bare(w.lower()) not in TITLES), 0)
    for k, w in enumerate(words):
        if k and contracted_pronoun(w, CONTRACTING_PRONOUNS) is not None:
            del words[k:]  # "King's We've …": a sentence's pronoun ends the name
            break
        if k >= first + 2 and w == words[first] and len(w) > 2:
            # A link card's legal name after the name: "Ada Lund Ada Maria Lund"; after a
            # surname alone, the legal name ends with it: "Lund Ivo Peter Lund".
            del words[first + 1 if k == len(words) - 1 else k :]
            break
    while words and (no_name_word(words[-1], last=True) or words[-1] == "I"):
        words.pop()  # "Lund Monday", "Would I": no surname
    if caps_headline(words):
        return None
    if len(words) < 2 or (len(words) == 2 and words[0] == words[1]):
        # "Mayor Reyes" is two capitalised words; one word is no full name, nor one word
        # twice ("… to beat Lund Lund threatens …": a headline's end and the next one's start)
        return None
    name, role = strip_name(" ".join(words))
    nwords = name.split()
    cut = _after_last_title(nwords)
    if cut:
        # "Alabama Congressman Ada Brennan": a place before the title is part of the role.
        role = role + tuple(bare(w.lower()) for w in nwords[:cut])
        nwords = nwords[cut:]
        name = " ".join(nwords)
    if nwords and _opening_participle(nwords[0]):
        nwords = nwords[1:]  # "the U.S. Considering Reyes' remarks": "U.S." ends a sentence
        name = " ".join(nwords)
    described = _described_words(nwords)
    if described:
        # "Medical Examiner Jonathan Lucas": words describing the person open the run and
        # go to the role, so that "Lucas" later reads as Jonathan Lucas
        if not _plural_title_in(nwords[:described]) and not _event_name(nwords[:described]):
            role = role + tuple(bare(w.lower()) for w in nwords[:described])
        nwords = nwords[described:]
        name = " ".join(nwords)
    before = _before_surname(nwords, role=role)
    if len(nwords) < 2 or not TITLES.isdisjoint([bare(w.lower()) for w in before]):
        return None
    if _page_label(nwords) or _title_cased(nwords):
        return None
    if _too_long_for_a_name(nwords):
        return None
    if name_type(name) != "person" or _has_digit(name) or _place_or_people(nwords):
        return None  # ("F-22 Raptors", "Boeing 737 Max": a model's name, no person's)
    surname = nwords[-2] if bare(nwords[-1].lower()) in NAME_SUFFIXES else nwords[-1]
    return name_key(surname), name, role


_ROMAN_NUMERALS: Final = frozenset("II III IV V VI VII VIII IX X".split())
# Words a storm's name opens with: "Hurricane Irma" is no person.
_STORM_WORDS: Final = frozenset({"hurricane", "typhoon", "cyclone", "storm", "tropical"})
# Last words of the names of seas, rivers and lands: "Pacific Ocean" is no person.
_LAND_AND_WATER: Final = frozenset(
    "ocean sea river gulf strait peninsula desert mountains islands".split()
)


def _place_or_people(words: list[str]) -> bool:
    """Whether a run of capitalised words names a place, a people or an event rather than a
    person: a possessive inside it ("Lund's Likud", "Iraq’s Sunnis"), a saint's or street's
    "St" before one word ("St Martin"), a storm ("Hurricane Irma"), or, after a first word
    that is no known given name, a sea or land ("Pacific Ocean"), a demonym or listed place
    after a place or area word (:func:`_area_word`: "Boston-based Israeli", "Southeast Delhi")
    or a numeral after an everyday word ("World War II"); not "Michael Jordan", "Garry South",
    "Elizabeth II", "Benigno Aquino III", "Ada St Lund"."""
    if any(w.endswith(("'s", "’s")) for w in words[:-1]):
        return True
    if len(words) == 2 and words[0] in ("St", "St."):
        return True
    if words[0].lower() in _STORM_WORDS:
        return True
    if bare(words[0].lower()) in GIVEN_NAMES or "." in words[0]:
        return False
    last = words[-1].lower()
    if last in _LAND_AND_WATER or (_area_word(words[0]) and (last in DEMONYMS or last in PLACES)):
        return True
    # (a numeral after an everyday word: "World War II"; "Benigno Lund III" is a person's)
    return words[-1] in _ROMAN_NUMERALS and common_word(words[-2].lower())


# Words that open the name of a part of a place: "North Korea", "Central London".
_AREA_WORDS: Final = frozenset(
    """north south east west northern southern eastern western central northeast northwest
    southeast southwest upper lower greater lake mount""".split()
)


def _area_word(word: str) -> bool:
    """Whether a name's first word is a place, a people, a part of a place or a base ("Egypt",
    "North", "Boston-based"): before a place or a people it makes no person's name, as "Garry"
    does in "Garry South"."""
    low = word.lower()
    return low in PLACES or low in DEMONYMS or low in _AREA_WORDS or low.endswith("-based")


def _has_digit(name: str) -> bool:
    """Whether a digit is written in a name: "F-22 Raptors" -> True, "Ada Lund" -> False."""
    return any(c.isdigit() for c in name)


def _described_words(words: list[str]) -> int:
    """How many words describing a person open a run before the name
    (:func:`resolve.name_start`): "Medical Examiner Jonathan Lucas" -> 2, "Elections
    Administrator Meagan Lund" -> 2 (a noun of people before a given name the lists miss); 0
    where no known given name follows and the word before is no noun of people ("Faces Of A
    Harbor Woman": a work's title; "Protect Harbor Pilots" of "Committee to Protect Harbor
    Pilots")."""
    k = name_start(words)
    if k and bare(words[k].lower()) not in GIVEN_NAMES and not _agent_head(words[k - 1]):
        return 0
    if k == 0 and _event_name(words[:1]):
        return 1  # "… National Convention Clinton walks": the event's last word, no name's
    return k


# Last words of an event's name, which a photo caption may run into the name after it.
_EVENT_HEADS: Final = frozenset(
    "convention conference summit rally debate hearing forum festival games awards".split()
)


def _event_name(words: list[str]) -> bool:
    """Whether the words before a name are an event's ("Democratic National Convention" in
    a caption's "… Convention Hillary Clinton"): cut from the name, but no role of hers."""
    return bool(words) and words[-1].lower() in _EVENT_HEADS


def _plural_title_in(words: list[str]) -> bool:
    """Whether a title in the plural is among the words, shared by a list of people
    ("Republican Senators Ada Lund, Ivo Reyes and …"): no one person's role."""
    return any(w.lower().endswith("s") and bare(w.lower())[:-1] in TITLES for w in words)


def _before_surname(words: list[str], *, role: tuple[str, ...]) -> list[str]:
    """The words of a full name where no title may stand: all of them ("Every Republican",
    "Mayor Reyes" are no full names), but for a surname before a generational suffix
    ("Martin Luther King Jr.") and a title that is a surname (:func:`_title_surname`)."""
    if len(words) > 2 and bare(words[-1].lower()) in NAME_SUFFIXES:
        return words[:-2]
    if _title_surname(words, role=role):
        return words[:-1]
    return words


_TITLE_SURNAMES: Final = LEX["title_surnames"]


def _title_surname(words: list[str], *, role: tuple[str, ...]) -> bool:
    """Whether the last of a full name's words is a surname that is also a title ("King",
    "Bishop", "Major"): when a title opens the name ("Rep. Peter King": ``role``) or a given
    name comes before it ("Charles King"), not in "Burger King", "Social Justice", "Crown
    Prince". The title of the role itself is not its surname ("Pope Benedict XVI Pope …": a
    run that goes on into the next mention), nor a title after a regnal number or in capitals."""
    if len(words) < 2:
        return False
    last = bare(words[-1].lower())
    if last not in _TITLE_SURNAMES or last in role:
        return False
    if _ROMAN_RE.fullmatch(words[-2]) or words[-1].isupper():
        return False  # (a headline in capitals: "… SUPREME COURT SWING JUSTICE")
    return bool(role) or _given_name_first(" ".join(words))


_ROMAN_RE: Final = re.compile(r"[IVXL]+")


def _link_in(words: list[str]) -> int:
    """Where the first link or label of two words starts in a run of capitalised words
    ("Sign Up", "Replay More"), -1 for none: ["Ada", "Reyes", "Read", "More"] -> 2."""
    for i in range(len(words) - 1):
        if furniture_pair(words[i], words[i + 1]):
            return i
    return -1


def _too_long_for_a_name(words: list[str]) -> bool:
    """More than three given names and surnames: "Supplemental Nutrition Assistance Program",
    not "Ada M. Brennan Jr." (initials and suffixes do not count), "Khalifa bin Zayed Al
    Nahyan" (nor particles inside the name) or "José Luis Rodríguez Zapatero" (four words
    with given names first: :func:`_given_names_and_two_surnames`)."""
    n = 0
    for i, w in enumerate(words):
        if w.endswith(".") and len(w) <= 2 or bare(w.lower()) in NAME_SUFFIXES:
            continue
        if 0 < i < len(words) - 1 and w.lower() in _PARTICLES_IN_NAMES:
            continue
        n += 1
    return n > 4 or (n == 4 and not _given_names_and_two_surnames(words))


def _given_names_and_two_surnames(words: list[str]) -> bool:
    """Whether four name words are a Spanish or Portuguese name, two given names and two
    surnames: "José Luis Rodríguez Zapatero" (both given names known), "Andrés Manuel López
    Obrador" (one known, and a surname written with an accent); not "Donald Trump Ada Lund"
    or "Sandy Hook Elementary School" (a headline's or a place's capitals)."""
    if bare(words[-1].lower()) in ORG_WORDS:
        return False
    given = [fold_diacritics(bare(w.lower())) in GIVEN_NAMES for w in words[:2]]
    accented = not "".join(words[2:]).isascii()
    return all(given) or (any(given) and accented)


# Particles inside a person's name, written in lower case or capitalised: "bin", "Al", "de".
_PARTICLES_IN_NAMES: Final = frozenset(
    "bin ibn bint ben al el abu abd de van von la da del della der den du le di dos das".split()
)


# How common (wordfreq's Zipf scale) the verb of an "-ing" word must be for the word to be read
# as that verb's participle: "consider" 5.0, "remove" 4.7, "paraphrase" 3.1, against the stems
# of given names in "-ing" ("Irv" 2.6, "Sterl" 1.2, "Xiaoq" 0, "Nihals" 0).
PARTICIPLE_STEM_ZIPF: Final = 3.0


def _opening_participle(word: str) -> bool:
    """A capitalised "-ing" word opening a sentence is no first name: "Considering Reyes",
    "Paraphrasing Lund"; but a given name in "-ing" is one, its stem no English verb ("Irving
    Lund", "Sterling Reyes", "Xiaoqing Lund", "Nihalsing Reyes")."""
    if not (len(word) > 5 and word.endswith("ing") and word[1:].islower()):
        return False
    low = word.lower()
    return low in LISTED_WORDS or _participle_stem(low)


@lru_cache(maxsize=NAME_CACHE)
def _participle_stem(low: str) -> bool:
    """Whether the lower-case "-ing" word ``low`` is built on a common English verb: "removing"
    (remove), "commandeering" (commandeer), "ginning" (gin) -> True; "irving", "xiaoqing" ->
    False."""
    stem = low[:-3]
    stems = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        stems.append(stem[:-1])
    return any(common_word(w, PARTICIPLE_STEM_ZIPF) for w in stems)


# Titles that stand for a person ("the judge", "Congressman Lund"), not the modifiers and
# departments the title list also holds ("state", "federal", "health", "former").
_PERSON_TITLES: Final = TITLES - frozenset(
    "agriculture air american army assistant budget campaign chiefs circuit commerce court "
    "defence defense democrat democratic deputy district economic education energy environment "
    "executive federal finance first force foreign former gop health homeland hopeful house "
    "interior joint junior justice labor labour late majority minority ministers national navy "
    "presidential presumptive prime republican security senate senior staff star state supreme "
    "then top trade transportation treasury u.s us veterans vice".split()
)


def _after_last_title(words: list[str]) -> int:
    """Index after the last title word when two or more words follow it, else 0:
    ["Alabama", "Congressman", "Ada", "Brennan"] -> 2."""
    for j in range(len(words) - 3, -1, -1):
        if bare(words[j].lower()) in TITLES:
            return j + 1
    return 0


@lru_cache(maxsize=NAME_CACHE)
def _titled_surname(raw: str) -> tuple[str, tuple[str, ...]] | None:
    """(surname, role words) of a run that is titles and one name word: "Congressman Lund"
    -> ("Lund", ("congressman",)); "President Reyes" -> ("Reyes", ("president",))."""
    words = raw.rstrip(".").split()
    if len(words) < 2 or bare(words[-1].lower()) in TITLES or words[-1].isupper():
        return None
    roles = tuple(bare(w.lower()) for w in words[:-1])
    if bare(words[-1].lower()) in NOT_NAMES or roles[-1] not in _PERSON_TITLES:
        return None
    return _POSSESSIVE_END_RE.sub("", words[-1]) or words[-1], roles


# A nickname in brackets right after a run and a capital after it: " (Ike) P".
_NICKNAME_AFTER_RE: Final = re.compile(r"[ \t]*\([A-Z][a-z]+\) [A-Z]")
# A capitalised word and a nickname in brackets right before a run: "Ivo (Ike) ".
_NICKNAME_BEFORE_RE: Final = re.compile(r"[A-Z][\w’'\-]+ \([A-Z][a-z]+\) \Z")


def _after_nickname(text: str, at: int) -> bool:
    """Whether the run at ``at`` goes on a name after a nickname in brackets: "Ivo (Ike)
    Peter Lund" at "Peter" (its given names would read as "Peter Lund"); not "(AP) Ada
    Reyes" at the start of a line."""
    return text[at - 2 : at - 1] == ")" and (
        _NICKNAME_BEFORE_RE.search(text, max(0, at - 40), at) is not None
    )


def _link_after(text: str, raw: str, end: int) -> bool:
    """Whether the last word of the run ``raw`` ending at ``end`` opens a link with the word
    after it: "Ada Reyes Read more" -> True; "Ivo Read said" -> False."""
    if text[end : end + 1] != " ":
        return False
    m = _LOWER_WORD_RE.match(text, end + 1)
    return m is not None and furniture_pair(raw[raw.rfind(" ") + 1 :], m.group())


# Given names that are also ordinary words: "Will Reyes" opens a sentence of an article that
# writes "will" too.
_WORD_GIVEN_NAMES: Final = LEX["word_given_names"]
_WH_WORDS: Final = frozenset("why what who how where when which".split())
_LOWERCASE_WORDS: Final = LEX["lowercase_words"]


def _ordinary_first_word(text: str, at: int, raw: str) -> bool:
    """Whether the first word of a run of capitals is an ordinary word capitalised only
    because it opens a sentence: one that news writes in lower case nearly always ("Take Ada
    Lund, for instance."), or one the article itself writes in lower case elsewhere ("Furious
    Ivo Lund has called …" beside "furious"). Titles ("President Lund"), places, organisation
    words and given names that are words ("Will Reyes") stay, unless a full name follows them
    ("Will Ada Lund go …?"); a contraction opening a question is ordinary ("Why's Lund …")."""
    first, second = raw.split()[:2]
    low = first.lower()
    if low[-2:] in ("'s", "’s") and low[:-2] in _S_CONTRACTIONS | _WH_WORDS:
        return _opens_sentence(text, at)  # "Why's Lund", "What's Reyes"
    if not first[1:].islower() or not low.isalpha():
        return False  # "AMY GOODMAN", "O’Neil Lund", "J. Lund": no ordinary word
    if low in _WORD_GIVEN_NAMES and raw.count(" ") >= 2 and second.lower() in GIVEN_NAMES:
        return _opens_sentence(text, at)  # "Will Ada Lund go …?"
    if low in _WORD_GIVEN_NAMES or low in TITLES or low in PLACES or low in ORG_WORDS:
        return False
    if not _opens_sentence(text, at):
        return False
    return low in _LOWERCASE_WORDS or _written_in_lower_case(text, low)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence, a line or a clause after a colon ("Desk: Why's …"),
    past opening quotation marks and brackets."""
    j = at
    while j > 0 and text[j - 1] in " \t“\"‘'(":
        j -= 1
    if j == 0 or text[j - 1] in ".?!\n" or (text[j - 1] == ":" and j < at):
        return True
    return text[j - 1] in "”’\"'" and j > 1 and text[j - 2] in ".?!"


def _written_in_lower_case(text: str, low: str) -> bool:
    """Whether the article writes the lower-case word ``low`` as a word of its own."""
    return _word_offset(text, low) >= 0


def _word_offset(text: str, word: str, start: int = 0) -> int:
    """The first offset from ``start`` where ``word`` is written as a word of its own (see
    :func:`_word_offsets`), -1 for none. Stops at the first: sentence openers such as "the"
    are written hundreds of times."""
    n = len(word)
    i = text.find(word, start)
    while i >= 0:
        if (i == 0 or not alnum_at(text, i - 1)) and (
            i + n == len(text) or not alnum_at(text, i + n)
        ):
            return i
        i = text.find(word, i + 1)
    return -1


def _word_offsets(text: str, word: str) -> list[int]:
    """Where ``word`` is written as a word of its own: no letter or digit on either side
    ("Dover" in "Dover’s", not in "Doverton")."""
    out = []
    i = _word_offset(text, word)
    while i >= 0:
        out.append(i)
        i = _word_offset(text, word, i + 1)
    return out


def _fullest_name(
    names: list[str],
    count: dict[str, int],
    runs: set[str],
    text: str = "",
    first_at: dict[str, int] | None = None,
    kin: set[str] | None = None,
) -> str:
    """Of the full names with one surname (in order of first writing), the one the surname
    alone stands for. Names with another first word are another person ("Ada Lund", "Ivo
    Lund"): the person written most often in full (then the first written), and of that
    person's names the longest, then the most often written, then the first ("Ada Marie Lund"
    beside "Ada Lund"). A name whose given part of two words or more is a run of its own in
    the article is two names run together and loses ("tells Harbor Post Reyes is …" beside
    "Harbor Post has asked": "Harbor Post Reyes" is no name). When the article writes the
    surname alone before it names a second person of it (``text``; ``first_at``: where each
    name is first written; ``kin``: names introduced as relatives), the surname is the first
    person's (:func:`_surname_read_alone_first`)."""
    people: dict[str, list[str]] = {}
    for name in names:
        words = name.split()
        # (a suffix tells a son from his father: "Ivo Lund Jr." is not "Ivo Lund", nor a run)
        suffix = bare(words[-1].lower()).rstrip(".") in NAME_SUFFIXES
        run_on = not suffix and len(words) > 2 and " ".join(words[:-1]) in runs
        if not run_on and _tells_person_apart(words):
            people.setdefault(words[0] + " Jr" * suffix, []).append(name)
    if not people:
        return names[0]
    # The surname alone is the father's, the son being "Lund Jr." ("Ivo Lund Jr." beside "Ivo
    # Lund"); it is the son's when his father is not named in full.
    people = {k: ns for k, ns in people.items() if not (k.endswith(" Jr") and k[:-3] in people)}
    meant = _surname_read_alone_first(text, people, first_at or {}, kin or set())
    # (max and min keep the first of equal ranks: the first written)
    person = people.get(meant or "") or max(
        people.values(), key=lambda ns: sum(count[n] for n in ns)
    )
    return min(person, key=lambda n: (-len(n.split()), -count[n]))


def _surname_read_alone_first(
    text: str, people: dict[str, list[str]], first_at: dict[str, int], kin: set[str]
) -> str | None:
    """Of several people of one surname (``people``: given name -> their full names), the one
    the surname alone means because the article writes it alone after naming that person in
    full and before it names any other: "Ada Lund said … Lund added … his wife, Ivo Lund" or
    "… former President Ivo Lund" -> Ada; the reader has learned who "Lund" is before the
    namesake appears, and news writes the later namesake in full ("Ada Lund … Ivo Lund …
    Lund said" -> None, the surname is left to how often each is named). Not when the surname
    is written before the first full name ("President Lund … first lady Ada Lund … Lund
    said": the reader knew a Lund already), nor when the first is introduced as a relative
    (``kin``: "his wife, Ada Lund", someone else's namesake). A father and a son ("Lund Jr.")
    are left to their own rule."""
    if len(people) < 2 or any(k.endswith(" Jr") for k in people):
        return None
    starts = sorted((min(first_at.get(n, len(text)) for n in ns), k) for k, ns in people.items())
    (first, person), (second, _) = starts[0], starts[1]
    if second >= len(text) or not kin.isdisjoint(people[person]):
        return None
    if any(n.endswith(" " + o) for n in people[person] for ns in people.values() for o in ns):
        return None  # a word run onto a namesake's name: "Floridian Ivo Lund" is Ivo Lund
    surname = people[person][0].split()[-1]
    givens = {n.rsplit(None, 1)[0] for ns in people.values() for n in ns}
    for start, end in word_spans(text, surname, not_before="'’-", not_after="-"):
        if start >= second:
            return None
        alone = not any(text.endswith(g + " ", 0, start) for g in givens)
        if start < first and alone:
            return None  # the surname before its first full name
        if start > first and _surname_alone_at(text, start, end, givens):
            return person
    return None


def _with_titled(
    count: dict[str, int],
    key: str,
    names: list[str],
    t: _NameTally,
    roles: dict[str, dict[str, int]],
) -> dict[str, int]:
    """``count`` with each writing of surname ``key`` after a title or an honorific that only
    one of the people of ``names`` may hold (:func:`_holds_title`) counted as a writing of
    that person's first name: "Sen. Lund" beside "Sen. Ivo Lund" and "his wife, Ada Lund",
    "Mrs. Lund" beside Ada and Hugo Lund. A title several may hold, an honorific of a given
    name of unknown sex, or one that only a person introduced as a relative (``t.kin``) may
    hold, counts for none: the relative is named beside the one the article is about."""
    out = count
    for surname, role in t.titled:
        if name_key(surname) != key:
            continue
        holders = [n for n in names if _holds_title(n, role, roles)]
        if not t.kin.isdisjoint(holders):
            continue
        # (a name in capitals is the same person's: "BARACK OBAMA:" in a transcript)
        if holders and len({n.split()[0].lower() for n in holders}) == 1:
            out = dict(out) if out is count else out
            out[next((n for n in holders if not n.isupper()), holders[0])] += 1
    return out


def _surname_alone_at(text: str, start: int, end: int, givens: set[str]) -> bool:
    """Whether the surname at ``start:end`` is written alone, as a reader would read a person
    named before: "Lund said", ". Lund, 54," -> True; "Ivo Lund", "Mr. Lund", "President Lund",
    "The Lund campaign", "Lund Foundation" -> False (a title or a name of its own may mean
    another person of the surname)."""
    if any(text.endswith(g + " ", 0, start) for g in givens):
        return False
    after = text[end : end + 2]
    if len(after) == 2 and after[0] == " " and after[1].isupper():
        return False
    i = start - 1 if start > 0 and text[start - 1] == " " else start
    dot = i > 0 and text[i - 1] == "."
    before = _word_before(text, i - dot)
    if before is None or before.end < i - dot or not before.text[0].isupper():
        return True  # after a lower-case word, a comma, a quotation mark or a line's start
    if not dot:
        return False
    # (a sentence's end, unless the word is a title's short form: "Sen. Lund", "Mr. Lund")
    word = before.text.lower()
    return word not in TITLES and word not in _HONORIFICS


# Nouns that introduce a person as someone's relative ("his wife, Ada Lund", "Lund's son Ivo
# Lund", "first lady Ada Lund"): a relative often shares the surname of the one they are named
# after, whom the article may write only with a title ("President Lund"); see _surname_holders.
_KIN_NOUNS: Final = frozenset(
    """wife husband spouse widow widower son daughter brother sister father mother stepson
    stepdaughter stepfather stepmother grandson granddaughter grandfather grandmother nephew
    niece cousin fiancee fiancée fiance fiancé""".split()
)


def _whole_quotation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all a quotation holds, marks right around it: “Baby Lund”,
    "Lund Rules"."""
    return (
        start > 0
        and end < len(text)
        and text[start - 1] in "“\"‘'"
        and text[end] in "”\"’'"
        and not (text[end] in "'’" and text[end + 1 : end + 2] == "s")  # "Lund's"
    )


def _word_before_name(text: str, at: int) -> Mention | None:
    """The word before the name at ``at``, past one comma that sets the name off ("his wife,
    Ada Lund" -> "wife"; "Lund's son Ivo Lund" -> "son")."""
    i = at
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i > 0 and text[i - 1] == ",":
        i -= 1
    return _word_before(text, i)


def _introduced_as_kin(text: str, at: int, role: tuple[str, ...]) -> bool:
    """Whether the full name written at ``at`` with role words ``role`` is introduced as someone's
    relative: a lower-case kin noun right before it, with or without a comma ("his wife, Ada
    Lund", "Lund's son Ivo Lund"), or "first lady" before it or in its title ("First Lady Ada
    Lund"); "Ada Lund, the mayor", "Lady Ada Lund" -> False."""
    if role and role[-1] in ("lady", "gentleman"):
        # (the role words leave "First" out: it is read as an ordinal, "First Lady Ada Lund")
        before = _word_before(text, at)
        return text[at : at + 6].lower() == "first " or (
            before is not None and before.text.lower() == "first"
        )
    w = _word_before_name(text, at)
    if w is None or not w.text.islower():
        return False
    if w.text in ("lady", "gentleman"):
        prev = _word_before(text, w.start)
        return prev is not None and prev.text.lower() == "first"
    return w.text in _KIN_NOUNS


def _surname_holders(
    key: str,
    names: list[str],
    count: dict[str, int],
    kin: set[str],
    kin_of_namesake: set[str],
    titled: list[tuple[str, tuple[str, ...]]],
    roles: dict[str, dict[str, int]],
) -> list[str]:
    """The full names of surname ``key`` that the surname alone may stand for: all of them, but
    none when every one was introduced as a relative (``kin``) and the article shows another
    person of that surname only by a relative's owner ("Lund's son", ``kin_of_namesake``) or by a
    title no relative is written with, at least as often as the relatives in full (``count``):
    "President Lund" or "Mr. Lund" beside "his wife, Ada Lund" -> "Lund" is not hers and stays
    the surname alone."""
    # (a relative who holds an office is a person in their own right, the article's subject as
    # much as the one they are named after: "his son, President Ivo Lund")
    relatives = [n for n in names if n in kin and not _holds_office(n, roles)]
    if not relatives:
        return names
    if len(relatives) < len(names):
        # Beside another full name the kin noun does not say whom the surname alone means: news
        # names the article's subject in full once, relatives or not ("his wife, Ada Lund" in a
        # profile of her), so the most written stands, as for any two people (_fullest_name).
        return names
    if len({n.split()[0] for n in relatives}) > 1:
        return names  # relatives of each other ("his son, Ivo Lund" and "his father, Ada Lund")
    unheld = sum(
        1
        for surname, role in titled
        if name_key(surname) == key and not any(_holds_title(n, role, roles) for n in relatives)
    ) + sum(1 for n in relatives if n in kin_of_namesake)
    return [] if unheld and unheld >= sum(count[n] for n in relatives) else names


def _holds_office(name: str, roles: dict[str, dict[str, int]]) -> bool:
    """Whether the article writes ``name`` with a title other than a first lady's or gentleman's
    ("President Ivo Lund", "Ivo Lund, the mayor")."""
    return any(
        name in holders
        for role, holders in roles.items()
        if role.rsplit(None, 1)[-1] not in _CONSORTS
    )


_CONSORTS: Final = frozenset(["lady", "gentleman"])


def _namesake_owner(text: str, at: int, key: str) -> bool:
    """Whether the kin noun before the name at ``at`` belongs to someone of surname ``key``:
    "Lund's son Ivo Lund" -> True; "his son Ivo Lund", "Reyes's wife, Ada Lund" -> False."""
    noun = _word_before_name(text, at)
    if noun is None:
        return False
    i = noun.start - 1
    while i > 0 and text[i] in " \t":
        i -= 1
    if i < 2 or text[i] != "s" or text[i - 1] not in "'’":
        return False
    owner = _word_before(text, i - 1)
    return owner is not None and name_key(owner.text) == key


def _holds_title(name: str, role: tuple[str, ...], roles: dict[str, dict[str, int]]) -> bool:
    """Whether ``name`` may be the one written with the title ``role`` before the surname: the
    article writes the name with that title, or the title is an honorific of the sex its given
    name has ("Mrs. Lund" for Ada Lund, not "Mr. Lund")."""
    title = role[-1]
    sex = _HONORIFIC_SEXES.get(title)
    if sex is not None:
        return _given_name_sex(name) in (sex, None)  # (an unknown given name may be either)
    nouns = (title, *_TITLE_NOUNS.get(title, ()))
    return any(name in roles.get(noun, ()) for noun in nouns)


_HONORIFIC_SEXES: Final = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _tells_person_apart(words: list[str]) -> bool:
    """Whether a full name opens with a given part, which tells one person from another of the
    same surname (by shape: unlike :func:`_given_name_first`, the given name need not be
    known): "Ada Lund" -> True; "Van Leeuw", "de Blasio" (a particle: the surname alone),
    "Lund Jr." and "C.T. Vivian", "CT Vivian" (initials, anyone's) -> False."""
    first = words[0]
    while len(words) > 1 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words = words[:-1]  # "Ivo Lund Jr." -> "Ivo Lund"; "Lund Jr." -> "Lund", no given name
    return (
        len(words) > 1
        and first.lower() not in SURNAME_PARTICLES
        and not first.endswith(".")
        and not (first.isupper() and len(first) <= 3)
    )


@dataclass(slots=True)
class _NameTally:
    """What one reading of an article's capitalised runs finds of its people's full names."""

    count: dict[str, int] = field(default_factory=dict)  # full name -> times, first written first
    key_of: dict[str, str] = field(default_factory=dict)  # full name -> surname key
    roles: dict[str, dict[str, int]] = field(default_factory=dict)  # role -> name -> times
    persons: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name)
    titled: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # "President Lund"
    # Names written at least once without an article before them: "the Harbor Depression"
    # and "a Lund presidency" name no person.
    bare_written: set[str] = field(default_factory=set)
    kin: set[str] = field(default_factory=set)  # introduced as a relative: "his wife, Ada Lund"
    kin_of_namesake: set[str] = field(default_factory=set)  # ... of a namesake: "Lund's son"


def _tally_names(text: str, name_runs: list[tuple[int, str]]) -> _NameTally:
    """The full names, roles and titled surnames of an article's capitalised runs."""
    t = _NameTally()
    for run_at, run in name_runs:
        trimmed = _trimmed_run(text, run_at, run)
        if trimmed is None:
            continue
        at, raw = trimmed
        if _whole_quotation(text, at, at + len(raw)):
            continue  # a title or nickname in marks: the “Baby Lund” balloon
        info = _name_info(raw)
        if info is None:
            short = _titled_surname(raw)
            if short is not None:
                t.titled.append(short)
            continue
        key, name, role = info
        if not _after_article(text, at) or bare(raw.split(None, 1)[0].lower()) in TITLES:
            t.bare_written.add(name)
        if name in t.count:
            t.count[name] += 1
        else:
            t.count[name] = 1
            t.key_of[name] = key
        _add_roles(t.roles, role, name)
        _add_roles(t.roles, _party_role(text, at + len(raw)), name)
        t.persons.append((at, name))
        if _introduced_as_kin(text, at, role):
            t.kin.add(name)
            if _namesake_owner(text, at, key):
                t.kin_of_namesake.add(name)
    return t


def _collect_names(text: str) -> dict:
    """Full person names keyed by folded last word, and role phrases -> names.

    "Turkish President Recep Tayyip Erdogan" gives last word "erdogan" -> "Recep Tayyip
    Erdogan" and roles "turkish president"/"president" -> the same name. Of several full names
    with one last word, the one :func:`_fullest_name` says the surname alone stands for.
    """
    name_runs = _name_runs(text)
    t = _tally_names(text, name_runs)
    count, roles, titled = t.count, t.roles, t.titled
    # Names come in order of first writing, so keeping the first of equal ranks keeps the first.
    with_key: dict[str, list[str]] = {}
    places = {name for name in count if place_by_usage(text, name)}  # "in Virginia Beach"
    for name in count:
        first, _, rest = name.partition(" ")
        if " " in rest and rest in count and _opener_or_place(first):
            continue  # "Ukraine Bill Taylor" where the article also writes "Bill Taylor"
        if name in places:
            continue
        with_key.setdefault(t.key_of[name], []).append(name)
    runs = {raw.rstrip(".") for _, raw in name_runs}
    first_at: dict[str, int] = {}
    for at, name in t.persons:
        first_at.setdefault(name, at)
    by_last = {
        key: _fullest_name(
            held, _with_titled(count, key, held, t, roles), runs, text, first_at, t.kin
        )
        for key, names in with_key.items()
        if (held := _surname_holders(key, names, count, t.kin, t.kin_of_namesake, titled, roles))
    }
    for key in list(by_last):
        first, _, rest = key.partition(" ")
        if rest and first in HYPHEN_PARTICLES:
            by_last.setdefault(rest, by_last[key])  # "Reyes" for "Adel al-Reyes" too
    # "the chancellor, Ada Brennan, said": an apposition ties the role to the name.
    for role_words, name in _apposed_roles(text):
        full = by_last.get(name_key(name.split()[-1]), name)
        _add_roles(roles, role_words, full)
    # "President Reyes" with no full name of that role: the role names the fullest Reyes.
    for surname, role in titled:
        key = name_key(surname)
        full = by_last.get(key, surname)
        if len({n.split()[0] for n in with_key.get(key, ())}) > 1:
            # "President Lund" beside "Ada Lund" and "Ivo Lund": which of them the article
            # does not say, so the role goes to the surname alone.
            full = surname
        _add_roles(roles, role, full)
    return {
        "by_last": by_last,
        "roles": roles,
        "persons": [
            (at, name) for at, name in t.persons if name in t.bare_written and name not in places
        ],
        "articled": frozenset(count).difference(t.bare_written),
        "acronyms": _acronyms(text),
        "titled": titled,
        "titled_keys": frozenset(name_key(surname) for surname, _ in titled),
        "aged": frozenset(m.group(1) for m in _AGED_NAME_RE.finditer(text)),
    }


# A name with the age news writes after it: "Olivia House, 20, …". Only people have ages.
_AGED_NAME_RE: Final = re.compile(r"\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}), \d{1,3},")


# A party label right after a name: "(R-Ky.)", ", D-Calif.,", "(R., Ariz.)", "(D-NY)".
_PARTY_LABEL_RE: Final = re.compile(
    r"[ \t]*[(,][ \t]*([RDI])(?:\.,?[ \t]*|[-–][ \t]*)([A-Z][A-Za-z.]{0,5}(?: [A-Z][a-z]+)?)[),]"
)
_PARTIES: Final = {"R": "republican", "D": "democrat", "I": "independent"}
# (lower-case abbreviation without its last period -> state, from "ky=kentucky")
_STATES: Final = dict(x.split("=", 1) for x in LEX["state_abbreviations"])
_STATE_NAMES: Final = frozenset(_STATES.values())


def _party_role(text: str, end: int) -> tuple[str, ...]:
    """The role a party label after a name ending at ``end`` gives the person: "Ada Lund
    (R-Ky.)" -> ("kentucky", "republican"), so "the Kentucky Republican" and "the
    Republican" resolve to her as "the president" does to the one the article writes
    "President …"; "(D-NY)" -> ("new", "york", "democrat"); () without a label."""
    m = _PARTY_LABEL_RE.match(text, end)
    if m is None:
        return ()
    written = m.group(2).lower().rstrip(".")
    state = _STATES.get(written, written if written in _STATE_NAMES else None)
    party = _PARTIES[m.group(1)]
    return (*state.split(), party) if state else (party,)


def _trimmed_run(text: str, at: int, raw: str) -> tuple[int, str] | None:
    """(offset, words) of a run of capitals at ``at`` as far as it may name a person, or None
    when it names nobody there: a credit, the rest of a hyphenated word or of a legal name."""
    if at and text[at - 1] == "/":
        return None  # "(Photo/Ada Reyes)": a credit, nobody the article is about
    if at > 1 and text[at - 1] == "-" and text[at - 2].isalpha():
        if bare(raw.split(None, 1)[0].lower()) not in TITLES and not _stance_prefix(text, at, raw):
            return None  # "un-Harbor Lund": the rest of a hyphenated word ("then-Mayor" is)
    if at and text[at - 1] == " " and _after_nickname(text, at):
        return None  # the rest of a legal name: "Ivo (Ike) Peter Lund" is no "Peter Lund"
    if _NICKNAME_AFTER_RE.match(text, at + len(raw)) and " " in raw:
        raw = raw.rsplit(None, 1)[0]  # "Ike Lund Ivo (Ike) …": "Ivo" opens a legal name
    if " " in raw and _link_after(text, raw, at + len(raw)):
        raw = raw.rsplit(None, 1)[0]  # "… vying to beat Reyes Read more": no "Reyes Read"
    if text[max(0, at - 4) : at].lower() in (" to ", " in ", " of ", "for ", " at "):
        at, raw = _past_role_object(at, raw)
    if " " in raw and _ordinary_first_word(text, at, raw):
        cut = raw.index(" ") + 1
        at, raw = at + cut, raw[cut:]
    if _headline_run(raw):
        return None
    if _gallery_title_run_in(text, at, raw):
        raw = raw.rsplit(None, 1)[0]
    cut = _glued_names_cut(raw, text)
    return at + cut, raw[cut:]


# Prefixes of a stance toward whom the rest names: "anti-Ada Lund bias", "pro-Ivo Reyes".
_STANCE_PREFIXES: Final = frozenset({"anti", "pro"})


def _stance_prefix(text: str, at: int, raw: str) -> bool:
    """Whether the hyphen before ``at`` ends a prefix of a stance ("anti-", "pro-") and the
    run of capitals ``raw`` after it is a person's whole name ("anti-Maria Lund bias" names
    Maria Lund; "pro-Harbor Conservatives" names no one)."""
    if not _given_name_first(raw):
        return False
    start = at - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start : at - 1].lower() in _STANCE_PREFIXES


def _gallery_title_run_in(text: str, at: int, raw: str) -> bool:
    """Whether a photo gallery's title ends the run and its caption opens with the same word:
    "Photos: Pope Francis Francis speaks with …" (the title "Pope Francis", then the caption
    "Francis speaks"), not a name that doubles a word ("Abdullah Abdullah said")."""
    words = raw.split()
    return (
        len(words) >= 3
        and words[-1] == words[-2]
        and text[max(0, at - 8) : at].rstrip().endswith(("Photos:", "Photo:"))
    )


def _names_glued(word: str) -> bool:
    """Whether a hyphen glues a surname to the next name's first word ("Reyes-Ivo"), not
    the two halves of a title ("Secretary-General") or of a surname at a run's end."""
    left, _, right = word.partition("-")
    return (
        right[:1].isupper()
        and bare(left.lower()) not in TITLES
        and bare(right.lower()) not in TITLES
    )


# Words a run of capitals may hold inside an organisation's name ("Doctors Without Borders",
# "Face The Nation") although news writes them in lower case.
_RUN_JOINERS: Final = frozenset(
    """of the and or but nor a an for to by from at in on with without against about into over
    under between among like as than via""".split()
)


def _headline_run(raw: str) -> bool:
    """Whether a run of capitals holds, between its first and last words, a word that news
    writes in lower case: a headline or a label, no name ("TRUMP CLAIMS SESSIONS", "Recovery
    Despite Lund", "Good People Automotive Ivo Lund"; not "Doctors Without Borders" or "Marc
    Short", "House Small Business Committee Chairman Ada Lund"). (An ordinary first word is cut
    off by :func:`_ordinary_first_word`.)"""
    shouted = raw.isupper()
    words = raw.split(" ")
    for k, w in enumerate(words[1:-1], start=1):
        low = w.lower()
        if w.isupper() and not shouted:
            continue  # "TIME’S UP President Ada Lund": capitals inside a name ("UP") are a name's
        if low in _LOWERCASE_WORDS and low not in _RUN_JOINERS and bare(low) not in TITLES:
            # ("Small Business Committee Chairman Ada Lund": a body's name before a title)
            return not any(bare(x.lower()) in TITLES for x in words[k + 1 :])
    return False


def _glued_names_cut(raw: str, text: str) -> int:
    """Where the second of two names glued by a hyphen starts, when the article also writes
    the first one on its own ("Ada Lund-Ivo Reyes" beside "Ada Lund" -> at "Ivo"); 0 for one
    name ("President Jean-Claude Juncker", "Ada Ocasio-Reyes")."""
    words = raw.split(" ")
    at = len(words[0]) + 1
    for prev, w in zip(words, words[1:-1], strict=False):
        if bare(prev.lower()) not in TITLES and _names_glued(w):
            first = f"{prev} {w[: w.index('-')]}"
            if text.count(first) > text.count(f"{first}-"):
                return at + w.index("-") + 1
        at += len(w) + 1
    return 0


# "the chancellor, Ada Brennan,": a role (up to three lower-case words, the last a title) and
# a name of two to four capitalised words; "Ada Brennan, the chancellor," is read from each
# ", the " (a pattern opening with a capital would be tried at every capital of the text).
# The pattern opens with the literal "he " (the "T" or "t" is looked behind for), so the regex
# engine skips ahead to each "he " rather than trying each "t" and each "T".
_ROLE_THEN_NAME_RE: Final = re.compile(
    r"he (?<=[Tt]he )((?:[a-z]+ ){0,2}[a-z]+), ((?:[A-Z][\w’'\-]*\.? ){1,3}[A-Z][\w’'\-]+),"
)
# The same role and name after a possessive, matched from each "’s " the text holds.
_OWNED_ROLE_THEN_NAME_RE: Final = re.compile(
    r"((?:[a-z]+ ){0,2}[a-z]+), ((?:[A-Z][\w’'\-]*\.? ){1,3}[A-Z][\w’'\-]+),"
)
# (the role may end in a place of work: "Ivo Lund, a legal analyst at Harbor Radio,")
_ROLE_AFTER_RE: Final = re.compile(r"((?:[a-z]+ ){0,2}[a-z]+)(?:[,.]| (?:at|of|for|with) )")

_NAME_BEFORE_RE: Final = re.compile(r"(?<![\w’'\-])((?:[A-Z][\w’'\-]*\.? ){1,3}[A-Z][\w’'\-]+)\Z")


def _apposed_roles(text: str) -> list[tuple[tuple[str, ...], str]]:
    """(role words, name) of each role and person name set side by side: "the chancellor, Ada
    Brennan, said", "Harbor's chancellor, Ada Brennan,", "Ada Brennan, the chancellor, said"
    and "Ada Brennan, a legal analyst at Harbor Radio," -> (("chancellor",), "Ada Brennan") or
    (("legal", "analyst"), …); "the city, New Harbor, said" gives nothing."""
    out: list[tuple[tuple[str, ...], str]] = []
    for m in _ROLE_THEN_NAME_RE.finditer(text):
        _add_apposed(out, m.group(1), m.group(2))
    for mark in ("’s ", "'s "):
        i = text.find(mark)
        while i >= 0:
            owned = _OWNED_ROLE_THEN_NAME_RE.match(text, i + 3)
            if owned is not None:
                _add_apposed(out, owned.group(1), owned.group(2))
            i = text.find(mark, i + 3)
    for det in (", the ", ", a ", ", an "):
        i = text.find(det)
        while i >= 0:
            role = _ROLE_AFTER_RE.match(text, i + len(det))
            # The role is read first: most ", a " open no title, and the name before is
            # searched for at each of up to 80 offsets.
            if role is not None and _person_role(role.group(1)):
                name = _NAME_BEFORE_RE.search(text, max(0, i - 80), i)
                if name is not None:
                    _add_apposed(out, role.group(1), name.group(1))
            i = text.find(det, i + len(det))
    return out


def _person_role(role_text: str) -> bool:
    """Whether lower-case words end in a title standing for a person: "legal analyst",
    "chief executive" -> True; "new building", "executive" (of "executive order") -> False."""
    return role_text[role_text.rfind(" ") + 1 :] in _PERSON_TITLES or role_text.endswith(
        "chief executive"
    )


def _add_apposed(out: list[tuple[tuple[str, ...], str]], role_text: str, name_text: str) -> None:
    """Add (role words, name) when the role is a person's and the name a person's."""
    if _person_role(role_text) and _apposed_person(name_text):
        out.append((tuple(role_text.split()), name_text))


# "(FCC)" after a name, and the capitalised words (with short joining words) before it.
_ACRONYM_RE: Final = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_EXPANDED_BEFORE_RE: Final = re.compile(
    r"((?:[A-Z][\w’'\-]*[ \t]+(?:(?:of|for|and|on|the|&|de)[ \t]+)*){1,9})\Z"
)
_ACRONYM_SMALL_WORDS: Final = frozenset({"of", "for", "and", "on", "the", "&", "de"})
# The type of an acronym's expansion: a name of capitalised words reads as a person's to the
# name rules, but a spelled-out acronym names a body.
_ACRONYM_TYPE: Final = {"document": "document", "anonymous": "organisation"}


def _acronyms(text: str) -> dict[str, str]:
    """Acronym -> the name it abbreviates, as the article spells it out: "the Federal
    Communications Commission (FCC)" -> {"FCC": "Federal Communications Commission"}. The
    initials of the capitalised words must spell the acronym; the first spelling wins."""
    out: dict[str, str] = {}
    if "(" not in text:
        return out
    for m in _ACRONYM_RE.finditer(text):
        acr = m.group(1)
        if acr in out:
            continue
        before = _EXPANDED_BEFORE_RE.search(text, max(0, m.start() - 120), m.start())
        if before is None:
            continue
        words = before.group(1).split()
        spelled = _spelled_out(words, acr.replace("&", ""))
        if spelled is not None:
            out[acr] = spelled
    return out


def _spelled_out(words: list[str], letters: str) -> str | None:
    """The shortest run of ``words`` ending the list whose initials spell ``letters``, with
    or without its small words: (["the", "Department", "of", "Labor"], "DOL") ->
    "Department of Labor"; "DL" gives the same."""
    for j in range(len(words) - 1, -1, -1):
        if words[j].lower() in _ACRONYM_SMALL_WORDS:
            continue
        run = words[j:]
        caps = "".join(w[0] for w in run if w.lower() not in _ACRONYM_SMALL_WORDS)
        every = "".join(w[0].upper() for w in run)
        if letters in (caps, every):
            return " ".join(run)
        if len(caps) > len(letters):
            return None
    return None


def _expansion(doc: _Doc, mention: str) -> str | None:
    """The spelled-out name of an acronym speaker: "the FCC", "FCC's", "the F.C.C." ->
    "Federal Communications Commission" when the article spells it out, after it in
    parentheses ("… Commission (FCC)") or anywhere (:func:`_written_out`); else None."""
    words = mention.split()
    if len(words) > 2 or (len(words) == 2 and words[0] not in ("the", "The")):
        return None  # (a blank would be left in the name, which no acronym holds)
    bare_name = _POSSESSIVE_END_RE.sub("", _LEADING_THE_RE.sub("", mention.strip()))
    if _DOTTED_RE.fullmatch(bare_name):
        bare_name = bare_name.replace(".", "")  # "F.A.A." -> "FAA"
    if not (1 < len(bare_name) <= 8 and bare_name.isupper() and bare_name.isalpha()):
        return None
    stated = doc.names()["acronyms"].get(bare_name)
    if stated is not None or len(bare_name) < 3:
        return stated
    if bare_name not in doc._written:
        doc._written[bare_name] = _written_out(doc.text, bare_name)
    return doc._written[bare_name]


# Initials written with full stops: "F.A.A.", "U.N.".
_DOTTED_RE: Final = re.compile(r"(?:[A-Z]\.){2,8}")


def _written_out(text: str, letters: str) -> str | None:
    """The first run of capitalised words in ``text`` (with the short joining words of
    names) whose initials spell ``letters``, an acronym of three letters or more: "the
    Federal Aviation Administration … the F.A.A." -> "Federal Aviation Administration" for
    "FAA"; None when the article never spells it out.

    Read at each place the first letter is written, not by a regex made for the letters:
    each acronym would compile a pattern of its own, and one that opens with a look-behind is
    tried at every offset of the article. :func:`_written_out_regex` is the same reading.
    """
    i = text.find(letters[0])
    while i >= 0:
        end = _spelled_from(text, i, letters)
        if end >= 0:
            return _without_possessive(text[i:end])
        i = text.find(letters[0], i + 1)
    return None


def _without_possessive(name: str) -> str:
    """A spelled-out name without the possessive ending its last word carries where the
    article first writes it: "the Harbor Transit Authority's pier" spells the speaker of a
    later "HTA said" as "Harbor Transit Authority", and "the United Ferry Workers' strike"
    as "United Ferry Workers" ("'s", "’s", or a bare apostrophe after a plural)."""
    if name.endswith(("'s", "’s")):
        return name[:-2]
    if name.endswith(("s'", "s’")):
        return name[:-1]
    return name


# Short words between the capitalised words of a spelled-out name ("Bureau of Harbor Safety").
_SPELLING_JOINS: Final = ("of", "for", "and", "on", "the", "&", "de")


def _spelled_from(text: str, i: int, letters: str) -> int:
    """Where the words from ``i`` that spell ``letters`` end (see :func:`_written_out`): a
    whole word for each letter, that letter and a lower-case a to z first, blanks and joining
    words between them, and no capitalised word right after; -1 when they spell no name."""
    if i > 0 and _word_char_at(text, i - 1):
        return -1  # (inside a word)
    n = len(text)
    pos = i
    for k in range(len(letters)):
        if k:
            b = _past_blanks(text, pos)
            if b == pos:
                return -1
            while True:
                join = _spelling_join_at(text, b)
                if not join:
                    break
                after = _past_blanks(text, b + join)
                if after == b + join:
                    return -1  # ("offers": no joining word, and no capital at "o")
                b = after
            pos = b
        if pos + 1 >= n or text[pos] != letters[k] or not "a" <= text[pos + 1] <= "z":
            return -1
        pos += 2
        while pos < n and _word_char_at(text, pos):
            pos += 1
    b = _past_blanks(text, pos)
    if b > pos and b < n and "A" <= text[b] <= "Z":
        return -1  # a longer name: "Harbor Transit Authority Board"
    return pos


def _past_blanks(text: str, i: int) -> int:
    """The offset past the spaces and tabs at ``text[i:]``."""
    n = len(text)
    while i < n and text[i] in " \t":
        i += 1
    return i


def _spelling_join_at(text: str, i: int) -> int:
    """The length of the joining word written at ``i`` (_SPELLING_JOINS), 0 for none."""
    for join in _SPELLING_JOINS:
        if text.startswith(join, i):
            return len(join)
    return 0


def _written_out_regex(text: str, letters: str) -> str | None:
    """:func:`_written_out` as one regex (its definition; the tests compare the two)."""
    join = r"(?:[ \t]+(?:of|for|and|on|the|&|de))*[ \t]+"
    words = [letter + r"[a-z][\w’'\-]*" for letter in letters]
    pattern = r"(?<![\w’'\-])" + join.join(words) + r"(?![ \t]+[A-Z]|[\w’'\-])"
    found = re.search(pattern, text)
    return _without_possessive(found.group(0)) if found is not None else None


# Abbreviated titles and the role nouns a later description uses: "Gov. Reyes" … "the
# governor".
_TITLE_NOUNS: Final = {
    "gov": ("governor",),
    "sen": ("senator",),
    "rep": ("representative", "congressman", "congresswoman"),
    "gen": ("general",),
    "lt": ("lieutenant",),
    "col": ("colonel",),
    "capt": ("captain",),
    "adm": ("admiral",),
    "sgt": ("sergeant",),
    "prof": ("professor",),
    "rev": ("reverend",),
    "dr": ("doctor",),
}


# Words that make another role of the title after them.
_ROLE_CHANGERS: Final = frozenset("vice deputy assistant lieutenant associate".split())
# Words after which no part of the role is held any more: a former prime minister is no
# "minister".
_ROLE_ENDERS: Final = frozenset("former ex onetime erstwhile late".split())


def _add_roles(roles: dict[str, dict[str, int]], role: tuple[str, ...], name: str) -> None:
    """Count one writing of ``name`` under each tail of its role words and the noun an
    abbreviated title stands for: ("new", "jersey", "gov") -> "new jersey gov", "jersey gov",
    "gov", "governor" (see :func:`_role_holders`)."""
    for r in range(len(role)):
        if r and role[r - 1] in _ROLE_CHANGERS:
            continue  # a vice president is no "president"
        if _ROLE_ENDERS.intersection(role[:r]):
            break
        _count_role(roles, " ".join(role[r:]), name)
    if role:
        for noun in _TITLE_NOUNS.get(role[-1], ()):
            _count_role(roles, noun, name)


def _count_role(roles: dict[str, dict[str, int]], role: str, name: str) -> None:
    names = roles.setdefault(role, {})
    names[name] = names.get(name, 0) + 1


def _role_holder(doc: _Doc, holders: dict[str, int], pos: int) -> str:
    """Of the people the article writes with one role, the one it names last before ``pos``
    ("President Ivo Reyes … President Lund … Lund spoke. The president said" -> Lund); with
    none named before, the one written with the role most often, the first on a tie."""
    if len(holders) > 1:
        by_key = {name_key(h.rsplit(None, 1)[-1]): h for h in holders}
        mentions = doc.person_mentions()
        j = bisect.bisect_left(mentions, (pos, "")) - 1
        while j >= 0:
            held = by_key.get(name_key(mentions[j][1].rsplit(None, 1)[-1]))
            if held is not None:
                return held
            j -= 1
    return max(holders, key=holders.__getitem__)


def _honorific_sexes(text: str) -> dict[str, str]:
    """Surname key -> "m"/"f" from honorifics ("Mrs. Okafor", "Mr. Reyes"), so "she" can skip
    a man; a surname written with both (a couple) is "?"."""
    gender: dict[str, str] = {}
    for g in _HONORIFIC_RE.finditer(text):
        if g.start() and text[g.start() - 1].isalnum():
            continue
        key, sex = name_key(g.group(2)), "m" if g.group(1) == "r" else "f"
        gender[key] = sex if gender.get(key, sex) == sex else "?"
    return gender


_NEXT_PRONOUN_SEX: Final = {"He": "m", "His": "m", "She": "f", "Her": "f"}


def _pronoun_sexes(doc: _Doc) -> dict[str, str]:
    """Surname key -> "m"/"f" from the article's own pronouns: the one person a sentence
    names, when the next sentence opens with "She"/"Her" (or "He"/"His") at least twice and
    never the other way ("Shawn Lund … She had …", whatever the given name says)."""
    if not any(f" {w} " in doc.text or f"\n{w} " in doc.text for w in _NEXT_PRONOUN_SEX):
        return {}  # the common case: no sentence opens with one, nothing to count
    votes: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    mentions = doc.person_mentions()
    if not mentions:
        return {}
    at = [a for a, _ in mentions]
    for (s0, e0), (s1, _) in zip(doc.spans, doc.spans[1:], strict=False):
        first = doc.text[s1 : s1 + 4].split(None, 1)
        sex = _NEXT_PRONOUN_SEX.get(first[0]) if first else None
        if sex is None:
            continue
        named = {
            full for a, full in mentions[bisect.bisect_left(at, s0) : bisect.bisect_left(at, e0)]
        }
        if len(named) == 1:
            key = name_key(named.pop()).split()[-1]  # keyed as _same_sex asks
            votes.setdefault(key, set()).add(sex)
            counts[key] = counts.get(key, 0) + 1
    return {k: v.pop() for k, v in votes.items() if len(v) == 1 and counts[k] >= 2}


def _namesake_sexes(doc: _Doc, by_surname: dict[str, str]) -> dict[str, str]:
    """Full-name key -> the sex its given name has (:func:`_given_name_sex`), for each of the
    people of one surname whom the article gives a sex by the surname alone (an honorific or
    pronouns: "Mrs. Garner" beside Ivo Garner and Ada Garner): that sex is one of theirs,
    not each one's, so each keeps what the given name says."""
    namesakes: dict[str, set[str]] = {}
    for _, full in doc.names()["persons"]:
        key = name_key(full).split()[-1]
        if " " in full and key in by_surname:
            namesakes.setdefault(key, set()).add(full)
    out: dict[str, str] = {}
    for names in namesakes.values():
        if len({full.split()[0] for full in names}) > 1:
            for full in names:
                sex = _given_name_sex(full)
                if sex is not None:
                    out[name_key(full)] = sex
    return out


def _described_sexes(doc: _Doc) -> dict[str, str]:
    """Full-name key -> "m"/"f" from what the article writes of that person, which outranks
    the lists of given names (a man named Sasha, a woman named Avery, Kim Jong Un): a noun
    of one sex beside the full name (:func:`_sex_beside`), or an honorific with the first word
    of a name written family name first ("Kim Jong Un … Mr. Kim"). A name the article gives
    both sexes is left to the lists."""
    votes: dict[str, set[str]] = {}
    names = {full for _, full in doc.names()["persons"] if " " in full}
    for full in names:
        for start, end in word_spans(doc.text, full, not_before="-", not_after="-"):
            sex = _sex_beside(doc.text, start, end)
            if sex is not None:
                votes.setdefault(name_key(full), set()).add(sex)
    honorifics = _honorific_sexes(doc.text)
    by_last = doc.names()["by_last"]
    for key, sex in honorifics.items():
        opening = [f for f in names if name_key(f).split()[0] == key]
        if sex != "?" and key not in by_last and len(opening) == 1:
            votes.setdefault(name_key(opening[0]), set()).add(sex)
    return {k: v.pop() for k, v in votes.items() if len(v) == 1}


def _sex_beside(text: str, start: int, end: int) -> str | None:
    """The sex a noun written right beside the full name at ``text[start:end]`` gives it:
    in apposition before it ("his wife, Ada Lund,", "Lund's son Ivo Lund", "spokeswoman Ada
    Lund") or after it ("Ada Lund, 34, a mother of three"; "Ada Lund, the board's
    chairwoman"), or a relative the name's own "his"/"her" introduces ("Ivo Lund and his
    wife"). Not a noun a relative clause or a fronted phrase ends ("the son Ada Lund lost"),
    nor one of a list ("Ivo Lund, his wife and their son"; "Ada Lund and Ivo Reyes, her
    daughter and son-in-law")."""
    w = _word_before_name(text, start)
    if w is not None and w.text.islower() and _sex_noun(w.text) is not None:
        if "," in text[w.end : start]:
            if text[end : end + 1] in (",", ".", ")", ";", ":", ""):
                return _sex_noun(w.text)
        else:
            det = _word_before(text, w.start)
            if det is None or det.text.lower() not in _DETERMINERS:
                return _sex_noun(w.text)
    after = _APPOSED_NOUN_RE.match(text, end)
    if after is not None and text[max(0, start - 4) : start] != "and ":
        modifiers = after.group(1).split()
        if not any(m in _NOT_MODIFIERS for m in modifiers):
            sex = _sex_noun(after.group(2))
            if sex is not None:
                return sex
    kin = _OWN_KIN_RE.match(text, end)
    if kin is not None and kin.group(2) in _KIN_NOUNS:
        return "m" if kin.group(1) == "his" else "f"
    return None


def _sex_noun(word: str) -> str | None:
    """ "f"/"m" for a noun of people that says its sex and is not written of the other sex
    too: a relative ("wife", "son") or a "-woman" noun ("spokeswoman"); None for the "-man"
    nouns (news writes "Chairman Ada Lund"), for "woman" itself (a relative clause's head
    more often than an apposition: "the woman Lund named") and for the rest."""
    if word.endswith("woman"):
        return "f" if word != "woman" else None
    return None if word.endswith("man") else _NOUN_SEXES.get(word)


# What opens a noun phrase whose noun is the head of a relative clause, not an apposition,
# when no comma sets it off: "the son Ada Lund lost".
_DETERMINERS: Final = frozenset("the a an this that these those every any one".split())
# An apposition after a name: a comma, an age maybe, a determiner, up to two modifiers and
# the noun, which no possessive, coordination or name follows ("Ada Lund, a mother of three";
# not "Ada Lund, a mother's lawyer", "Ivo Lund, the son and heir", "Ada Lund, Lund's wife,
# Ivo Lund").
_APPOSED_NOUN_RE: Final = re.compile(
    r", (?:\d{1,3}, )?(?:a|an|the|(?:the )?[A-Za-z]+['’]s) ((?:[a-z-]+ ){0,2}?)([a-z]+)\b"
    r"(?!['’]| and\b|,? [A-Z])"
)
# Words between the determiner and the noun that show the noun is no apposition's head:
# "Ivo Lund, a friend of her mother".
_NOT_MODIFIERS: Final = frozenset("of for to in on at with and or who whose which that by".split())
# "Ivo Lund and his wife", "Ada Lund, 34, and her son": the name's own possessive pronoun.
_OWN_KIN_RE: Final = re.compile(r"(?:, \d{1,3},)? and (his|her) ([a-z]+)\b")


# Starts with a literal so the regex engine skips ahead to each "M" (no leading \b).
_HONORIFIC_RE: Final = re.compile(r"M(rs|r|s|iss)\.? ([A-Z][\w’'-]+)")
_PRONOUN_SEX: Final = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


# ---------------------------------------------------------------------------------------------
# Speaker resolution


def _canonical(doc: _Doc, mention: Mention, history: list[tuple[int, str, str]]) -> tuple[str, str]:
    """(canonical speaker, speaker_type) for a mention (:func:`_canonical_name`); a person's
    name in capitals ("AMY REYES:" labelling a transcript's turn) as the article writes it
    otherwise ("Amy Reyes"), when it does."""
    joint = _joint_speakers(doc, mention.text)
    if joint is not None:
        return joint, "person"
    name, typ = _canonical_name(doc, mention, history)
    if typ == "person" and " " in name and name.isupper():
        return _mixed_case_spelling(doc.text, name), typ
    # (A person's description without a tie keeps its type: "he" may stand for "the former
    # president"; an organisation's noun before a noun of people does not make an organisation.)
    described = (
        _people_described(name, compound=typ == "organisation")
        if typ in ("organisation", "person")
        else None
    )
    if described is not None:
        return name, described
    if typ == "person" and (doc.organisation_by_usage(name) or doc.place_by_usage(name)):
        # "Ostry, which runs the ferries", "a rally in Virginia Beach": no person, whatever
        # its words (a place speaks as its government does); nor what "he" or "she" stands
        # for (left unresolved, as a pronoun that names nobody)
        if mention.text.lower() in _PRONOUN_SEX:
            return mention.text, typ
        typ = "organisation"
    return name, typ


# Ties inside the names of organisations of people: "Friends of the Earth", "Students for
# Fair Admissions" (but not "Democrats in the House", "Reporters on the campaign trail").
_NAME_TIES: Final = frozenset(["of", "for"])


def _people_described(name: str, *, compound: bool = False) -> str | None:
    """The type of a speaker that describes people by their tie to an organisation or a place
    ("a spokesman for the Harbor Board", "members of Congress", "people familiar with the
    talks", "Senators on Capitol Hill") or, with ``compound``, by nouns before its own ("the
    company spokesman", "Harbor Board members"): "anonymous" when the noun before the tie is one of
    unnamed sources, "description" when it is another noun of people or the plural of one
    ("senators"); None when a name heads it ("Friends of the Earth", "Bank of Harbor", "Ada
    Lund of Dover") or a noun of organisations ("the board of the Harbor Trust")."""
    words = name.split()
    tie = tie_at(words)
    head = words[tie - 1] if tie else (_compound_head(words) if compound else "")
    if tie == 1 and words[1] not in _NAME_TIES and _people_noun(head.lower()):
        head = head.lower()  # "Democrats in the House" opening a sentence
    if not head.islower() or head in ORG_WORDS or head in DOC_NOUNS:
        return None
    if head in ANON_WORDS:
        return "anonymous"
    return "description" if _people_noun(head) else None


def _compound_head(words: list[str]) -> str:
    """The last word of a description with no tie, when nouns before it say whose or which
    one it is ("the company spokesman", "The police chief", "Harbor Board members"); ""
    for a single word, which a name or another rule types."""
    return words[-1] if len(words) >= 2 and words[-1].isalpha() else ""


def _people_noun(low: str) -> bool:
    """Whether a lower-case word is a noun of people: a title, a noun of speakers or the
    plural of one (:func:`speaker_role_noun`), or a noun of a person (:func:`_person_noun`):
    "lawyers", "senators", "meteorologist" -> True; "hill" -> False."""
    return speaker_role_noun(low) or _person_noun(low)


# Nouns that head a person by rank ("the head of the Harbor Board").
_RANK_NOUNS: Final = frozenset(("head", "chief"))


def _person_noun(word: str) -> bool:
    """Whether a lower-case noun before a tie to an organisation names a person: a role
    ("director"), a rank ("head") or an agent noun (``_AGENT_ENDINGS``: "meteorologist",
    "contractor"); not an organisation's ("newspaper", "publisher") nor a short word
    ("list", "paper")."""
    if heads_role(word) or word in _RANK_NOUNS:
        return True
    agent = len(word) > 5 and word.endswith(_AGENT_ENDINGS)
    return agent and word not in ORG_HEAD_NOUNS


# Titles written only before a person's name, never an organisation's ("Justice" and
# "National" are roles too, but open "Justice Department" and "National Weather Service").
_HONORIFICS: Final = frozenset("mr mrs ms miss dr prof sen rep gov rev".split())


def _person_evidence(names: dict, written: str, name: str, roles: tuple[str, ...], typ: str) -> str:
    """The type an honorific (:func:`_honorific_type`) or an age written after the name
    ("Olivia House, 20,": only people have ages) gives a name, over its words' type."""
    typ = _honorific_type(names["titled"], written, name, roles, typ)
    return "person" if typ == "organisation" and name in names["aged"] else typ


def _honorific_type(
    titled: list[tuple[str, tuple[str, ...]]],
    written: str,
    name: str,
    roles: tuple[str, ...],
    typ: str,
) -> str:
    """The type an honorific gives a name, over the type its words suggest: a person, even
    where the last word is an organisation's ("Mr. Fox", "Sen. Ada Times"), and so where the
    article writes that surname with an honorific elsewhere ("Don Fox" beside "Mr. Fox")."""
    words = name.split()
    if typ != "organisation" or not written.endswith(name) or not 1 <= len(words) <= 3:
        return typ
    if not all(w[:1].isupper() for w in words):
        return typ
    if roles and roles[0] in _HONORIFICS:
        return "person"
    # (A surname alone is left to the organisation's reading, which finds its full name.)
    key = name_key(words[-1])
    if len(words) > 1 and any(name_key(s) == key and r[0] in _HONORIFICS for s, r in titled):
        return "person"
    return typ


def _articled_name_type(
    by_last: dict[str, str], written: str, name: str, roles: tuple[str, ...], typ: str
) -> str:
    """The type of a name written after "the" with no title or role: nobody writes a person
    "the Lund", so "the Hill", "The Harbor Ledger", "the Constitution", "the U.N.", "the 7th
    Circuit" name an organisation, a publication or a thing ("organisation"), and a demonym
    alone a people ("the Chinese": "anonymous"). A title that heads the name keeps the person
    ("the Pope", "the Republican", "the Duke of Dover"; "the U.S." is no role), and so do a
    family ("the Lunds" where the article names a Lund), a given name alone ("The Ada") and
    an employer's possessive ("the Ledger's Lund")."""
    if typ != "person" or roles:
        return typ
    m = _LEADING_THE_RE.match(written)
    if m is None or _POSSESSIVE_END_RE.sub("", written[m.end() :]) != name:
        return typ
    words = name.split()
    if not all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_JOINING_WORDS for w in words):
        return typ  # ("the Harbor chief": a description)
    if "'s " in name or "’s " in name:
        return typ
    head = words[-1]
    if heads_role(bare(_name_head(words).lower()).removesuffix("-elect")):
        return typ  # "the Pope", "the Vice President": a role names a person
    if len(words) == 1 and bare(head.lower()) in DEMONYMS:
        return "anonymous"  # "the Chinese", "the British": a people, nobody named
    if head.endswith("s") and not by_last.keys().isdisjoint(
        (name_key(head[:-1]), name_key(head[:-2]))
    ):
        return typ  # "the Lunds", "the Reyeses": the family of the one the article names
    if len(words) == 1 and _given_name_first(by_last.get(name_key(head), "")):
        return typ  # "the Lund [campaign]" cut short: the person the article names
    if len(words) == 1 and bare(head.lower()) in GIVEN_NAMES and not common_word(head):
        return typ
    return "organisation"


def _articled_name(doc: _Doc, written: str, name: str, typ: str) -> str:
    """The speaker string of a name after "the" that names no person: a people as written
    ("the Chinese"); an organisation written by one word, the one longer name the article
    gives it ("the Braves" -> "Harbor Braves", "The Ledger" -> "Ledger Media"); else its name
    without "the"."""
    if typ == "anonymous":
        return written
    if " " not in name:
        long = _org_long_form(doc.text, name) or _org_from_first_word(doc.text, name)
        if (
            long is not None
            and long.endswith(" " + name)
            and _the_in_name(doc.text, name)
            and f"he {long}" not in doc.text
        ):
            # "The Hill reported" beside "Capitol Hill": the outlet's own name, "The" and all
            # (while "The Times" beside "The New York Times" is its short form)
            return f"The {name}"
        # ("the Lund report": "Ivo Lund", a given name first, is a person's, no long name)
        if (
            long is not None
            and all(_NAME_WORD_RE.fullmatch(w) for w in long.split())
            and not _given_name_first(long)
        ):
            return long
    return _organisation_name(doc.text, written, name.split(), typ)


def _the_in_name(text: str, name: str) -> bool:
    """Whether the article writes "The" before a one-word name with a capital where no
    sentence starts, so that "The" is part of the name ("as The Hill reported", "wrote The
    Atlantic"); not "the Braves" nor a sentence opening "The Braves"."""
    for start, _ in word_spans(text, f"The {name}"):
        before = text[:start].rstrip(" \t")
        if before and before[-1] not in ".!?:;\n“\"'‘(—–-":
            return True
    return False


# A word of an organisation's name: capitalised, no quotation mark ("Trump'" is none).
_NAME_WORD_RE: Final = re.compile(r"[A-Z][\w.&-]*")


def _given_name_first(full: str) -> bool:
    """Whether a full name opens with a known given name: "Ada Lund" -> True; "Harbor
    Braves" (a team the name rules read as a person) and "" -> False."""
    return " " in full and bare(full.split()[0].lower()) in GIVEN_NAMES


def _name_head(words: list[str]) -> str:
    """The head word of a name: its last word before a joining word ("Duke" of "Duke of
    Dover", "Ledger" of "Harbor Ledger")."""
    k = next((i for i, w in enumerate(words) if i and w in _NAME_JOINING_WORDS), len(words))
    return words[k - 1]


# Small words inside an organisation's name ("Committee to Protect Harbor Pilots").
_NAME_JOINING_WORDS: Final = frozenset("of for to on and the".split())


def _mixed_case_spelling(text: str, name: str) -> str:
    """The first spelling of ``name`` in the article that is not all capitals, else ``name``:
    "AMY REYES" -> "Amy Reyes" where the article writes "I'm Amy Reyes"."""
    # ``(?<!\w)`` and the name, spelt with the name's first character before the look-behind
    # (which then reads two characters back): a pattern that opens with a look-behind is tried
    # at every offset, one that opens with a character only where that character is written.
    pattern = re.escape(name[:1]) + r"(?<!\w.)" + re.escape(name[1:]) + r"(?!\w)"
    for m in re.finditer(pattern, text, re.IGNORECASE | re.DOTALL):
        if not m.group(0).isupper():
            return m.group(0)
    return name


def _set_off_name(text: str, mention: Mention, words: list[str], by_last: dict) -> str | None:
    """The person a description's commas tie it to, in the article's fullest spelling: the
    name set off after the role ("a Justice Department spokesman, Ivo Lund, said") or the
    role set off after the name ("Ivo Lund, owner of the Harbor Hawks, said")."""
    apposed = _apposed_name(text, mention.end)
    if apposed is not None and words and (words[-1][0].islower() or _role_of_employer(words)):
        return _fullest_with_given_name(by_last, apposed)
    named_before = _name_before_role(text, mention.start, mention.text)
    if named_before is not None:
        return by_last.get(name_key(named_before.split()[-1]), named_before)
    return None


def _role_set_off(text: str, mention: Mention, name: str, by_last: dict) -> str | None:
    """The person a capitalised role names when commas set the name off after it, as British
    and wire copy writes: "Turkey's President, Recep Tayyip Erdogan, said", "Iranian Foreign
    Minister, Javad Zarif, told" -> that person in the article's fullest spelling; None when
    the role's last word is no title, the role is a name ("Peter King") or no name follows."""
    words = name.split()
    if not words or not words[-1][:1].isupper() or bare(words[-1].lower()) not in TITLES:
        return None
    if _given_name_first(name):
        return None  # "Rep. Peter King, R-New York, said": a name whose surname is a title
    apposed = _apposed_name(text, mention.end)
    if apposed is None or _PARTY_AND_STATE_RE.match(apposed):
        return None
    return _fullest_with_given_name(by_last, apposed)


# A party and state label set off after a name: "R-New York", "D-Ill."
_PARTY_AND_STATE_RE: Final = re.compile(r"[RDI]-[A-Z]")


def _canonical_name(
    doc: _Doc, mention: Mention, history: list[tuple[int, str, str]]
) -> tuple[str, str]:
    """(canonical speaker, speaker_type) for a mention, as far as the article's words go.

    Pronouns -> the nearest compatible earlier speaker or sentence subject; short forms
    ("Katz", "Minister Katz") -> the fullest name with that last word; "the Turkish President"
    -> the name written with that role; descriptions ("sources familiar with the process")
    stay as written, and "the sources" goes back to the earlier speaker with that head word.
    """
    referred = _referred(doc, mention, history)
    if referred is not None:
        return referred
    names = doc.names()
    beside = _aged_person(doc.text, mention) or _name_before_party_label(
        doc.text, mention.start, mention.text
    )
    if beside is not None:
        return names["by_last"].get(name_key(beside.split()[-1]), beside), "person"
    name, roles, typ = _stripped_type(mention.text)
    if _body_in_place(roles):
        return _LEADING_THE_RE.sub("", mention.text), "organisation"
    typ = _person_evidence(names, mention.text, name, roles, typ)
    person = _person_written_around(doc, mention, name, names["by_last"])
    if person is not None:
        return person, "person"
    articled = _articled_name_type(names["by_last"], mention.text, name, roles, typ)
    if articled != typ:
        return _articled_name(doc, mention.text, name, articled), articled
    if typ == "person":
        name = _without_place_of(_without_lead_word(name))
        name = _without_opening_word(doc.text, mention, name, names["by_last"])
    words = name.split()
    full_end = _named_after_role(names["by_last"], name)
    if full_end is not None:
        return full_end, "person"
    if acronym_org(name):
        abbr = _ROLE_ABBREVIATIONS.get(name.lower(), "").split()
        named = _person_of_role(doc, abbr, mention.start)
        if named is not None:
            return named, "person"  # "the PM" -> the person written as "Prime Minister …"
        if name_key(name) not in names["by_last"] and not (roles and roles[0] in _HONORIFICS):
            return name, "organisation"  # "the harbor agency HBA" -> HBA
        typ = "person"  # "REYES" in a transcript: a surname the article names, "MR. REYES:"
    only_roles = (
        bool(words)
        and all(bare(w.lower()) in TITLES for w in words)
        and not (words[0][0].isupper() and name_key(words[-1]) in names["by_last"])
    )  # ("King" is a role, unless the article names Ada King)
    held = _role_as_written(doc, words, mention.start)
    if held is not None:
        return held, "person"
    owned = _apposed_to_possessive(doc.text, mention.end, words) if typ == "person" else None
    if owned is not None:
        return _fullest_with_given_name(names["by_last"], owned), "person"
    role_ended = _ends_in_role(words)
    if typ == "person" and words and words[0][0].isupper() and not only_roles and not role_ended:
        full = names["by_last"].get(name_key(words[-1]))
        if full and (len(words) == 1 or name_key(full).endswith(name_key(name))):
            return _namesake_of_honorific(doc, roles, full), "person"
        return _short_person(doc, mention, words, history) or (name, typ)
    set_off = _set_off_name(doc.text, mention, words, names["by_last"])
    if set_off is not None:
        return set_off, "person"
    role_head = _ROLE_TAIL_RE.sub("", mention.text).split()
    if (
        only_roles
        or not any(w[0].isupper() for w in words)
        # "the Harbor Radio legal analyst": a role noun heads it, whatever its employer
        or (role_head and role_head[-1].islower() and bare(role_head[-1]) in TITLES)
    ):
        return _unnamed_role(doc, mention, role_head, words, history, typ)
    if words and words[0][0].isupper() and len(words) >= 1 and typ == "person":
        return name, typ
    if len(role_head) > 1 and not any(w[0].isupper() for w in role_head[1:]):
        # "the chancellor of the State University" -> the person written as "Chancellor …".
        named = _person_of_role(doc, role_head, mention.start)
        if named is not None:
            return named, "person"
    return _organisation_or_person(doc.text, mention.text, words, typ)


def _ends_in_role(words: list[str]) -> bool:
    """Whether a mention ends in a role word in lower case, which ends no name ("the Harbor
    Radio founder"); not an owner's role ("Mexico's president" is not whoever the article
    calls President)."""
    return (
        bool(words)
        and words[-1].islower()
        and bare(words[-1]) in TITLES
        and not any(w.endswith(("’s", "'s")) for w in words)
    )


def _organisation_or_person(text: str, written: str, words: list[str], typ: str) -> tuple[str, str]:
    """(speaker, type) of a name read as an organisation (:func:`_organisation_name`), unless
    its one word is a surname whose long form in the article is a person's full name, a known
    given name first: "Bloomberg said" where the article names Michael Bloomberg -> (Michael
    Bloomberg, person)."""
    org = _organisation_name(text, written, words, typ)
    if len(words) == 1 and org != words[0] and _given_name_first(org):
        return org, "person"
    return org, typ


def _person_written_around(
    doc: _Doc, mention: Mention, name: str, by_last: dict[str, str]
) -> str | None:
    """The full name of the person a mention stands for by the words around the name: a
    surname that is also a place's (:func:`_person_named_like_place`), a surname with its
    employer (:func:`_surname_with_employer`), a role with the name set off after it
    (:func:`_role_set_off`); None when none of them reads it."""
    return (
        _person_named_like_place(by_last, name)
        or _surname_with_employer(by_last, name)
        or _role_set_off(doc.text, mention, name, by_last)
    )


def _short_person(
    doc: _Doc, mention: Mention, words: list[str], history: list[tuple[int, str, str]]
) -> tuple[str, str] | None:
    """The person a short person mention that no full name ends stands for: one word the
    article uses for one speaker (:func:`_one_word_speaker`), or a description ending in a
    lower-case noun ("the LA Lakers star") of the subject before it
    (:func:`_described_subject`); None when neither."""
    one = _one_word_speaker(doc, words[0]) if len(words) == 1 else None
    if one is None and words[-1].islower():
        subject = _described_subject(doc, mention, history)
        one = None if subject is None else (subject, "person")
    return one


# "the 28-year-old", "The 23-year-old forward": a person by the age the article gave them.
_AGE_MENTION_RE: Final = re.compile(r"(?:[Tt]he )?(\d{1,3})-year-old(?: [a-z]+)?")
# How far back the name of an age is sought: the stretch of a story between a person's
# introduction and the description that takes it up.
_AGE_REACH: Final = 3000


def _aged_person(text: str, mention: Mention) -> str | None:
    """The person a mention by age stands for: the last name before it that the article gives
    that age, set off after the name or written before it ("Ada Lund, 28, …", "Ada Lund (28)",
    "28-year-old striker Ada Lund") -> "Ada Lund" for "the 28-year-old said"; None for another
    mention, or when no name has the age."""
    m = _AGE_MENTION_RE.fullmatch(mention.text)
    if m is None:
        return None
    age = m.group(1)
    name = r"([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+)"
    pattern = re.compile(
        name + r",? \(?" + age + r"[,)]" + "|" + age + r"-year-old (?:[a-z]+ ){0,3}" + name
    )
    a = max(0, mention.start - _AGE_REACH)
    found = None
    for hit in pattern.finditer(text, a, mention.start):
        found = hit.group(1) or hit.group(2)
    return found


# The joins of a list of people: "A and B", "A, B and C", "A, B, and C".
_CONJUNCTS_RE: Final = re.compile(r",\s+and\s+|,\s+|\s+and\s+")


def _joint_speakers(doc: _Doc, written: str) -> str | None:
    """The speaker of a mention that joins people, each by the fullest name the article
    gives, roles dropped: "Lund and fellow attorney Ivo Reyes" -> "Ada Lund and Ivo Reyes"
    when the article names Ada Lund in full; "Senators Lund and Reyes" -> both names, when
    every conjunct shows it is a person (:func:`_conjunct_person`). When only the last does,
    with a role before the name, the "and" is inside that role: "Harbor and Transit
    Commissioner Ada Lund" -> Ada Lund (the one person). None otherwise ("Gap and Harbor
    Foods": read as before)."""
    parts = _CONJUNCTS_RE.split(written)
    if len(parts) < 2:
        return None
    first = parts[0].split(None, 1)
    shared = len(first) == 2 and _plural_title(first[0])  # "Senators Lund and Reyes"
    if shared:
        parts[0] = first[1]
    found = [_conjunct_person(doc, part, titled=shared) for part in parts]
    names = [n for n in found if n is not None]
    if len(names) == len(parts):
        return ", ".join(names[:-1]) + " and " + names[-1]
    roles = _stripped_type(parts[-1])[1]
    if (
        found[-1] is not None
        and " " in found[-1]  # (a given name alone is read as any one speaker is)
        and roles
        and role_noun(bare(roles[-1]))
        and all(_common_words(part) for part in parts[:-1])
    ):
        return found[-1]
    return None


def _common_words(part: str) -> bool:
    """Whether a conjunct has a word news writes in lower case or ends in a role noun: a
    department's or a role's words ("Harbor and Transit", "Writer and podcaster"), not a
    name."""
    words = [bare(w.lower()) for w in part.split()]
    return role_noun(words[-1]) or any(w in LISTED_WORDS for w in words)


def _plural_title(word: str) -> bool:
    """Whether a word is a title or role noun in the plural, shared by the names after it:
    "Senators", "Judges", "lawyers", "Messrs."."""
    low = bare(word.lower()).rstrip(".")
    return low in ("messrs", "mmes") or (low.endswith("s") and role_noun(low[:-1]))


def _conjunct_person(doc: _Doc, part: str, *, titled: bool) -> str | None:
    """The fullest name of one conjunct of a joint speaker, when it shows it is a person: a
    title or role noun right before the name ("fellow attorney Ivo Reyes", ``titled`` by a
    shared plural title), a surname the article names in full, or a given name and a surname;
    no word before the last one news writes in lower case ("Georgia Emergency Management").
    None for anything
    else, for a role without a name ("Pennsylvania Governor"), or for a phrase with a
    preposition other than "of" ("the rising anger in Dover")."""
    if any(w in _PREPOSITION_WORDS and w != "of" for w in part.split()):
        return None  # ("the rising anger in Dover and Mr. Lund’s apology")
    name, roles, typ = _stripped_type(part)
    words = name.split()
    titled = titled or bool(roles and role_noun(bare(roles[-1])))  # ("lawyers Ada Church")
    if len(words) > 2 and _plural_title(words[0]):
        words, titled = words[1:], True  # "Democratic Senators Ada Lund and …": a shared title
        name = " ".join(words)
    if (typ != "person" and not titled) or not words or not all(w[:1].isupper() for w in words):
        return None
    if role_noun(bare(words[-1].lower())):
        return None
    if not titled and any(bare(w.lower()) in LISTED_WORDS for w in words[:-1]):
        return None  # "Georgia Emergency Management": no one's name (a surname may be "Page")
    full = doc.names()["by_last"].get(name_key(words[-1]))
    if full is not None and name_key(full).endswith(name_key(name)):
        head, _, rest = full.partition(" ")
        return rest if rest and _plural_title(head) else full  # (a run read as a name)
    if titled:
        return name
    return name if len(words) == 2 and bare(words[0].lower()) in GIVEN_NAMES else None


# Words that tie a surname to the body it speaks for: "Lewis of CSIS", "Lund with the NYCLU".
_EMPLOYER_TIES: Final = frozenset({"of", "with", "for", "at"})


def _surname_with_employer(by_last: dict[str, str], name: str) -> str | None:
    """The full name the article gives a person written by surname with the body they work
    for, as wire and magazine copy writes it on a second mention: "the Harbor Institute’s
    Lund", "Mr. Lund of CSIS", "Lund with the NYCLU" -> "Ada Lund" where the article names Ada
    Lund; None where it names nobody of that surname ("Lawyers for Lund", "Defenders of
    Chevron": a group, whose word is no surname)."""
    words = name.split()
    if len(words) < 2 or "and" in words or "&" in words:
        return None  # people named together: see the joint speakers
    tie = next((i for i, w in enumerate(words) if w in _EMPLOYER_TIES), 0)
    if words[-2].endswith(("'s", "’s", "’", "'")) and words[-1][:1].isupper():
        before = words[-1:]
    elif tie and all(w[:1].isupper() for w in words[:tie]):
        before = words[:tie]
    else:
        return None
    if bare(before[-1].lower()) in TITLES:
        return None  # "Bishop of Stepney", "Israel's PM": a role
    full = by_last.get(name_key(before[-1]))
    if full is None or full.split()[-1] != before[-1]:
        return None
    if len(before) == 1:
        return full
    # a full name before the tie is a person's when it opens with a given name: "Rep. Ada
    # Lund of Ohio"; "Meghan Lund at Ivo Lund's memorial" stays Meghan; "Harbor Observatory
    # for Rights" is a body's
    whole = full.split()
    if _area_word(before[0]) or _area_word(whole[0]):
        return None  # ("Syrian Observatory": a people's word, though a given name too)
    if before[-len(whole) :] == whole and _given_name_first(full):
        return full
    return " ".join(before) if bare(before[0].lower()) in GIVEN_NAMES else None


def _person_named_like_place(by_last: dict[str, str], name: str) -> str | None:
    """The person an article names in full whose surname is a one-word mention that is also a
    place: "Jordan said" where the article writes "Rep. Ivo Jordan" -> "Ivo Jordan" (the
    article's own names come before the list of places). The full name opens with a given
    name ("South Florida", "Attack Iran" are no person's). None when the article names no
    such person ("Jordan said" is then the country's government) and for a mention in
    capitals ("WASHINGTON —" opens a dateline)."""
    if " " in name or name.isupper() or name.lower() not in PLACES:
        return None
    full = by_last.get(name_key(name))
    return full if full is not None and _given_name_first(full) else None


def _referred(
    doc: _Doc, mention: Mention, history: list[tuple[int, str, str]]
) -> tuple[str, str] | None:
    """(speaker, speaker_type) of a mention that stands for a name written elsewhere: a
    pronoun, a relative pronoun ("Ada Lund, who"), an acronym the article expands, a
    person's own writing ("Lund's tweet" -> Ada Lund) or an indefinite description set off
    after a name ("Ada Lund, a lawyer"); None for any other mention."""
    low = mention.text.lower()
    if low in PRONOUNS:
        return _resolve_pronoun(doc, mention, history)
    if low in RELATIVES and not mention.text.isupper():  # "WHO" in capitals is no "who"
        ante = _antecedent(doc, mention)
        if ante is None:
            return mention.text, "person" if low == "who" else "organisation"
        return _canonical(doc, ante, history)
    if low == "that":
        text_ante = _text_before_that(doc, mention)
        if text_ante is not None:
            return _canonical(doc, text_ante, history)
    expanded = _expansion(doc, mention.text)
    if expanded is not None:
        return expanded, _ACRONYM_TYPE.get(name_type(expanded), "organisation")
    author = _author_of_own_words(doc.names()["by_last"], mention.text)
    if author is not None:
        return author, "person"
    described = _described_by_appositive(doc, mention)  # "Ada Lund, a lawyer who said"
    return None if described is None else _canonical_name(doc, described, history)


def _text_before_that(doc: _Doc, mention: Mention) -> Mention | None:
    """The text a relative "that" right before a cue stands for, when it is a document ("a
    policy that says …", "a report that said …": guidelines, a report that says something is
    the speaker); None for any other noun ("water bottles that said …" keeps "that", as
    PolNeAR marks it)."""
    ante = _antecedent(doc, mention)
    if ante is None:
        return None
    words = ante.text.lower().split()
    if words[0] not in DETERMINERS and words[0] not in _POSSESSIVE_DETERMINERS:
        return None  # a phrase run into a verb ("looking favorably on a ruling")
    return ante if words[-1] in DOC_NOUNS or words[-1] in _RULE_TEXTS else None


# Texts of rules that say what they require ("a policy that says …"), besides DOC_NOUNS.
_RULE_TEXTS: Final = frozenset("policy policies rule rules regulation regulations".split())


def _role_as_written(doc: _Doc, words: list[str], pos: int) -> str | None:
    """The person the article writes with a role qualified by a name, as written: "the U.N.
    secretary-general" -> the one written "U.N. Secretary-General …"."""
    if len(words) < 2 or not words[0][0].isupper() or not words[-1].islower():
        return None
    if bare(words[-1]) not in TITLES:
        return None
    holders = doc.names()["roles"].get(" ".join(bare(w.lower()) for w in words))
    return _role_holder(doc, holders, pos) if holders is not None else None


def _one_word_speaker(doc: _Doc, word: str) -> tuple[str, str] | None:
    """A capitalised word alone that is no surname the article names: the person whose given
    name it is ("Ada" -> Ada Lund), or the organisation it opens ("Kestrel" -> Kestrel
    Institution, unless a title goes with the word); None otherwise."""
    names = doc.names()
    full = _named_by_given_name(names["by_last"], word, doc.text)
    if full is not None:
        return full, "person"
    if word.lower() not in DEMONYMS and name_key(word) not in names["titled_keys"]:
        long = _org_from_first_word(doc.text, word)
        if long is not None:
            return long, "organisation"
    return None


def _unnamed_role(
    doc: _Doc,
    mention: Mention,
    role_head: list[str],
    words: list[str],
    history: list[tuple[int, str, str]],
    typ: str,
) -> tuple[str, str]:
    """A role without a name: "the Turkish President" -> the person written with that role;
    "the sources" -> the earlier speaker with that head word; else the mention as written."""
    low = mention.text.lower()
    # ("an Iowa Democrat", "one House Republican": someone new, not the one named so)
    indefinite = (
        low.split(None, 1)[0] in _INDEFINITE and bool(role_head) and role_head[-1][:1].isupper()
    )
    named = None if indefinite else _person_of_role(doc, role_head, mention.start)
    if named is not None and not _indefinite_apart(doc, low, named, mention.start):
        return named, "person"
    head = words[-1].lower() if words else ""
    if low.startswith(("the ", "these ", "those ")):
        for _, canon, t in _nearest_first(history, mention.start):
            if head and head in canon.lower().split() and canon.lower() != low:
                return canon, t
        if head in DOC_NOUNS:
            issuer = _issuer_of(doc.text, head, mention.start, history)
            if issuer is not None:
                return issuer
        if len(words) == 1 and head in _ORG_KINDS:  # (not "the safety agency": which one?)
            org = _org_written_before(doc.text, head, mention.start)
            if org is not None:
                return org, "organisation"
        subject = None if indefinite else _described_subject(doc, mention, history)
        if subject is not None:
            return subject, "person"
    # ("the Kentucky Republican" tied to nobody stays as written: a description, typed so
    # once the article is read, by resolve.is_description)
    return mention.text, typ


# Articles that introduce someone not met before: "a deputy", "another official".
_NEW_REFERENT: Final = frozenset("a an another".split())


def _indefinite_apart(doc: _Doc, low: str, named: str, at: int) -> bool:
    """Whether a role mention with an indefinite article (``low``, lower-cased, at ``at``)
    stands apart from the person ``named`` with that role: someone new, the named person
    being written only well before it ("Chief Deputy Ivo Reyes" pages before "“…,” a deputy
    replied"). A person named close before ("Ada Lund, a professor at Dover, said …. “…,”
    said a professor at Dover") or after it (a lead's "a federal judge said …" before "Judge
    Ada Lund wrote …") is the one it describes."""
    if low.split(None, 1)[0] not in _NEW_REFERENT:
        return False
    start = max(0, doc.sent_span(at)[0] - _ROLE_NAMED_NEAR)
    return doc.text.find(named.split()[-1], start) < 0


# How close before an indefinite role a person given that role still is the one it means.
_ROLE_NAMED_NEAR: Final = 1000


def _described_subject(
    doc: _Doc, mention: Mention, history: list[tuple[int, str, str]]
) -> str | None:
    """The person a definite description of one person stands for: the person named in full
    as the subject of the sentence before it, outside quotations ("LeBron James posted
    his thoughts. “…,” wrote the LA Lakers star." -> LeBron James). Only a noun of what one
    person does (``_DESCRIBED_PEOPLE``): not an age (:func:`_aged_person` reads one the
    article gives), an office ("the mayor", which
    :func:`_person_of_role` reads), a plural ("the players") or a thing ("the company")."""
    words = mention.text.split()
    head = words[-1] if len(words) >= 2 and words[0].lower() == "the" else ""
    # (a party member is written capitalised, "the California Democrat"; other capitalised
    # heads name a paper or a team, "the Harbor Star")
    head = head.lower() if head in _PARTY_MEMBERS else head
    if head not in _DESCRIBED_PEOPLE:
        return None  # (an age no one is given stays as written: "the 23-year-old")
    if _REPLY_NEAR_RE.search(doc.text[max(0, mention.start - 12) : mention.end + 14]):
        return None  # ("Lund said. … the other nominee countered": a reply is someone else's)
    if _name_set_off_after(doc.text, mention.end) or _apposed_to_name_before(doc.text, mention):
        # ("the panel's top Democrat, Rep. Ivo Reyes, said" and "Sen. Ivo Reyes, the Dover
        # Democrat who …": the name is given beside it)
        return None
    k = doc.sent_index(mention.start)
    full_names = set(doc.names()["by_last"].values())
    back = _frame_sentences_back(doc, k, 3)[1:]  # the sentences before, outside quotations
    m, name, typ = _sentence_subject(doc, back[0], history) if back else (None, None, None)
    if len(back) > 1 and m is not None and _expletive_it(doc.text, m):
        # ("Lund said …. It was not clear whether …. The businessman also called …": an
        # empty "it" holds no one; the sentence before it does)
        m, name, typ = _sentence_subject(doc, back[1], history)
    if m is None or typ != "person" or doc.in_quote(m.start) or m.text.lower() in PRONOUNS:
        return None  # (a pronoun subject stands for someone read from further back)
    if name is None or name not in full_names or " " not in name:
        return None
    if head in ("democrat", "republican") and _party_label_differs(doc.text, m, words):
        return None  # ("Sen. Ivo Reyes (D-Md.) … the Hawaii Democrat": another senator)
    # (not "Lund met the coach. “…,” the coach said": the coach is someone else; nor "Lund
    # won praise from Democratic Sen. Ivo Reyes. … the New York Democrat said")
    between = doc.text[m.end : mention.start].lower()
    return None if re.search(rf"\b{re.escape(head)}", between) else name


# A capitalised word and a comma right before a description: "Sen. Ivo Reyes, the …".
_NAME_COMMA_BEFORE_RE: Final = re.compile(r"[A-Z][\w.’'-]*,[ \t]+$")


def _apposed_to_name_before(text: str, mention: Mention) -> bool:
    """Whether a description is an apposition to the name right before it, set off by a comma
    and going on into a relative clause or another comma: "Sen. Ivo Reyes, the Ohio Democrat
    who sits on the panel, said"; not the subject after an opening phrase ("In an interview
    with the Courier, the co-founder said")."""
    before = _NAME_COMMA_BEFORE_RE.search(text, max(0, mention.start - 40), mention.start)
    return before is not None and re.match(r"\s*(?:,|who\b|—)", text[mention.end :]) is not None


# A phrase that may tie a description to its office before a comma: "on the House panel".
_TIED_PHRASE_RE: Final = re.compile(r"[ \t]+(?:on|of|at|for|in)[ \t]+[^,.;:“”\"\n]{1,50}(?=,)")


def _name_set_off_after(text: str, end: int) -> bool:
    """Whether a person's name is set off by commas after a description ending at ``end``,
    right after it or past a phrase tying it to an office: "the top Democrat, Rep. Ivo
    Reyes, said", "the top Democrat on the House panel, Rep. Ivo Reyes of Dover, said"."""
    tied = _TIED_PHRASE_RE.match(text, end)
    at = tied.end() if tied else end
    m = _APPOSED_RE.match(text, at, min(len(text), at + 80))
    return (
        m is not None or re.match(r",[ \t]+(?:Rep|Sen|Gov|Dr|Mr|Ms|Mrs)\.", text[at:]) is not None
    )


def _party_label_differs(text: str, m: Mention, words: list[str]) -> bool:
    """Whether the party label written after the subject ``m`` ("Ivo Reyes (D-Md.)") names
    another party or state than a description of a party member (``words``: "the Hawaii
    Democrat", "the Republican")."""
    role = _party_role(text, m.end)
    if not role:
        return False
    described = [w.lower() for w in words[1:]]
    if role[-1] != described[-1]:
        return True  # (a Republican is no "Democrat")
    state = list(role[:-1])
    return bool(state) and len(described) > 1 and described[:-1] != state


def _expletive_it(text: str, m: Mention) -> bool:
    """Whether a sentence subject is an empty "it" before a form of "be": "It was not
    immediately clear whether …", "It is unclear …"."""
    return (
        m.text.lower() == "it"
        and re.match(r"\s+(?:is|was|wasn['’]t|isn['’]t)\b", text[m.end :]) is not None
    )


# Verbs of a reply, right before or after a description: "the Democratic nominee countered".
_REPLY_NEAR_RE: Final = re.compile(
    r"\b(?:countered|counters|replied|replies|responded|responds|retorted|retorts|rebutted"
    r"|shot back|fired back|hit back)\b"
)


# Nouns of one person by what they do or are known for, not an office that someone else in
# the story may hold ("the mayor", "the president"): "the LA Lakers star", "the actress".
_DESCRIBED_PEOPLE: Final = frozenset(
    """star founder co-founder actress actor singer rapper musician artist comedian veteran
    rookie champion winner newcomer coach quarterback player pitcher striker athlete
    executive entrepreneur billionaire analyst economist author writer novelist filmmaker
    researcher scientist physician lawyer attorney businessman businesswoman mogul tycoon
    candidate nominee hopeful challenger frontrunner front-runner
    democrat republican provocateur commentator pundit activist campaigner critic
    columnist""".split()
)
_PARTY_MEMBERS: Final = frozenset({"Democrat", "Republican"})


_COMPANY_ENDS: Final = frozenset(
    """inc corp co llc ltd plc group holdings airlines airways motors brands foods
    pharmaceuticals technologies company corporation industries entertainment communications
    enterprises systems""".split()
)
_GROUP_ENDS: Final = frozenset(
    """group club association coalition foundation institute union alliance network
    organization organisation project fund society federation league committee caucus
    campaign""".split()
)
_OUTLET_ENDS: Final = frozenset(
    """times post journal news herald tribune gazette globe chronicle star register sun
    telegraph guardian statesman inquirer observer examiner""".split()
)
# A definite description of an organisation ("the company", "the agency") and the last words
# of the names it may stand for: the nearest such name written before it is the one meant.
_ORG_KINDS: Final[dict[str, frozenset[str]]] = {
    "company": _COMPANY_ENDS,
    "firm": _COMPANY_ENDS,
    "agency": frozenset("agency administration service bureau commission office".split()),
    "department": frozenset({"department"}),
    "ministry": frozenset({"ministry"}),
    "group": _GROUP_ENDS,
    "organization": _GROUP_ENDS,
    "organisation": _GROUP_ENDS,
    "union": frozenset("union federation teamsters".split()),
    "bank": frozenset({"bank"}),
    "university": frozenset({"university"}),
    "newspaper": _OUTLET_ENDS,
    "paper": _OUTLET_ENDS,
    "network": frozenset("cnn nbc cbs abc msnbc bbc npr pbs network news".split()),
    "committee": frozenset({"committee"}),
    "council": frozenset({"council"}),
    "airline": frozenset("airlines airways".split()),
}
# A run of capitalised words, with the small words names hold: "Department of Labor".
_ORG_RUN_RE: Final = re.compile(
    r"(?<![\w&'’.-])[A-Z][\w&'’.-]*(?:[ \t]+(?:of|for|and|the|&|on)?[ \t]*[A-Z][\w&'’.-]*){0,6}"
)


def _org_written_before(text: str, head: str, before: int) -> str | None:
    """The organisation a definite description with the head noun ``head`` stands for: the
    nearest name written before offset ``before`` (in the 3,000 characters before it) whose
    last word is of that kind. "Harbor Air Inc. cut 300 jobs. The company said …" -> Harbor
    Air Inc.; "… the Environmental Protection Agency … the agency said" -> Environmental
    Protection Agency; None when no such name is written ("Boeing … the company")."""
    kinds = _ORG_KINDS[head]
    found = None
    for m in _ORG_RUN_RE.finditer(text, max(0, before - 3000), before):
        words = m.group().rstrip(",").split()
        while words and (words[0] in ("The", "A", "An") or _shouted_word(words[0])):
            words = words[1:]  # "The …", page furniture ("MUST WATCH …")
        if len(words) > 1 and words[-1].endswith(".") and words[-1].lower() not in _ABBREV_ENDS:
            words[-1] = words[-1][:-1]  # "… the New York Times." ends a sentence
        last = bare(words[-1].lower()).rstrip(".") if words else ""
        # (a head word alone, "Ministry" or "Inc.", names none; an acronym, "CNN", does)
        if last in kinds and (len(words) > 1 or words[0].isupper()):
            found = " ".join(words)
    return found


_ABBREV_ENDS: Final = frozenset("inc. corp. co. ltd. llc. plc. jr. sr.".split())


def _shouted_word(word: str) -> bool:
    """Whether a word in capitals is an everyday word, not an acronym: "MUST", "WATCH"."""
    return len(word) > 3 and word.isupper() and word.lower() in _LOWERCASE_WORDS


def _issuer_of(
    text: str, noun: str, before: int, history: list[tuple[int, str, str]]
) -> tuple[str, str] | None:
    """The speaker who issued the document "the report" stands for: the one named as the
    speaker of the last "report from/by X" before ``before`` (its mention is X: see
    attribution's _named_source_at). None where the article names no issuer of such a
    document, or X never spoke."""
    issued = None
    for m in re.finditer(rf"\b{re.escape(noun)} (?:from|by|out of) ", text[:before], re.I):
        issued = m.end()
    if issued is None:
        return None
    for pos, canon, t in history:
        if pos == issued:
            return canon, t
    return None


# Determiners that introduce someone not named before.
_INDEFINITE: Final = frozenset("a an one another some".split())


def _named_by_given_name(by_last: dict[str, str], word: str, text: str) -> str | None:
    """The one full name the article gives that opens with ``word``, for a person written
    by the given name alone ("Ada Lund told us … Ada said" -> "Ada Lund"); None when two
    people share it, nobody has it, the word is written alone before the full name, or the
    word is a place or a body ("Dover", "Harbor" before "Dover Island", "Harbor Tribe": see
    :func:`_surname_like`)."""
    low = bare(word.lower())
    if word.endswith(".") or not word[1:].islower() or low in PLACES or low in DEMONYMS:
        return None  # an initial, an acronym or a place is no given name
    found = None
    for full in by_last.values():
        parts = full.split()
        if len(parts) > 1 and parts[0] == word and full != found:
            if found is not None:
                return None
            found = full
    if found is None or not _surname_like(found, text) or _used_alone_first(word, found, text):
        return None
    return None if _place_like(word, found, text) else found


def _used_alone_first(word: str, full: str, text: str) -> bool:
    """Whether the article writes ``word`` on its own, untitled, before it writes ``full``: a
    person is introduced by the full name before the given name alone, so "Lund" written
    alone before "Lund Quarrystone" is no given name of it; "Mr. Xi" before "Xi Jin" may be
    the family name first."""
    first_full = text.find(full)
    for i in _word_offsets(text, word):
        if i >= first_full:
            return False
        before = text[max(0, i - 12) : i].split()
        if not text.startswith(full, i) and not (before and bare(before[-1].lower()) in TITLES):
            return True
    return False


def _place_like(word: str, full: str, text: str) -> bool:
    """Whether the article writes ``word`` as a place or a body: before other capitalised
    words than the name ``full`` ("Dover College", "Dover Riots"), or after "in", "at" or
    "the" ("in Dover", "the Dover student")."""
    for i in _word_offsets(text, word):
        before = text[max(0, i - 4) : i].lower()
        if before.endswith((" in ", " at ", "the ")) or before == "in ":
            return True
        nxt = i + len(word) + 1
        if (
            nxt < len(text)
            and text[nxt - 1] == " "
            and text[nxt].isupper()
            and not text.startswith(full, i)
        ):
            return True
    return False


# Word frequencies (Zipf, wordfreq) that separate everyday words from names. A surname may be
# an English word rarer than this ("Lund", "Brooks"), while "Island", "Research" are commoner.
SURNAME_ZIPF: Final = 4.0
# A fragment sentence's word ("Twice", "Soon", 4.8-5.3) against names that are also words
# ("Graham" 4.3, "Harvard" 4.2, "Jefferson" 4.0), read off unseen corpus articles.
FRAGMENT_ZIPF: Final = 4.5


def _surname_like(full: str, text: str) -> bool:
    """Whether a full name ends in a surname rather than a common noun: a word rarer than
    everyday English, or one the article also writes on its own ("Ada Lund"; "Kit West" when
    "West said" follows; not "Dover Island", "Harbor Research", "Lund's BOOK")."""
    last = full.rsplit(None, 1)[-1]
    low = bare(last.lower())
    if last.isupper() or "’s " in full or "'s " in full or low in ORG_WORDS or low in NOT_NAMES:
        return False
    return not common_word(last, SURNAME_ZIPF) or text.count(last) > text.count(full)


# The preposition that ties a person's name to the place or employer written after it.
_AFFILIATION_RE: Final = re.compile(rf" (?:{'|'.join(sorted(TAIL_PREPOSITIONS))}) ")


def _without_place_of(name: str) -> str:
    """A person's name without the place or employer written after it with "of", "at",
    "with" or "from": "Ivo Lund of Dover", "Ada Lund at the Harbor Institute" -> the name. An
    organisation's own "of" stays ("Bank of Dover", "University of Harbor": an organisation
    word before it), and so does one word before it ("Duke of Dover")."""
    tie = _AFFILIATION_RE.search(name)
    if tie is None:
        return name
    head, place = name[: tie.start()], name[tie.end() :]
    words = head.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return name
    if " and " in place:
        return name  # "Ada Lund of Dover and Ivo Reyes of Harbor": two people
    if any(bare(w.lower()) in ORG_WORDS or bare(w.lower()) in TITLES for w in words):
        return name
    return head


def _without_lead_word(name: str) -> str:
    """A person's name of three words or more without a first word that is no given name:
    "Consider Ivo Lund", "Ukraine Bill Taylor" -> the rest (see :func:`_opener_or_place`)."""
    words = name.split()
    if len(words) > 2 and _opener_or_place(words[0]):
        return " ".join(words[1:])
    return name


def _without_opening_word(text: str, mention: Mention, name: str, by_last: dict[str, str]) -> str:
    """A person's name without an ordinary word that opens the sentence before it ("Further
    Trump says", "What Lund said": see :func:`_ordinary_first_word`), for a mention written as
    the name itself whose rest is a person the article names (a surname it writes in full, or
    a given name first); the name as it is otherwise ("President Lund", "Will Reyes", "No
    Republicans", "Number Two", "Killing Lund": the object of a gerund)."""
    if " " not in name or mention.text != name:
        return name
    first, rest = name.split(None, 1)
    words = rest.split()
    if not all(w[:1].isupper() for w in words) or first.lower().endswith("ing"):
        return name  # "Killing Soleimani 'a step'": a gerund's object speaks no words
    if name_key(words[-1]) not in by_last and bare(words[0].lower()) not in GIVEN_NAMES:
        return name
    return rest if _ordinary_first_word(text, mention.start, name) else name


def _named_after_role(by_last: dict[str, str], name: str) -> str | None:
    """The full name a role ends with: "former ambassador to Norway Ada Lund" -> "Ada Lund"
    when the article names Ada Lund, after a place, body or title word; not after "of the",
    "for" or "from" ("owner of the Harbor Hawks", "Students for Fair Pay"), nor in a pair."""
    words = name.split()
    full = by_last.get(name_key(words[-1])) if len(words) > 2 else None
    if full is None or not name.endswith(" " + full):
        return None
    if not _role_end(name[: -len(full) - 1].split()[-1]):
        return None
    if " and " in name or "," in name or "&" in name:
        return None
    return full


# Lower-case words that end a description before an organisation's name: none of them (a
# preposition ties a noun to the name, "a report from Harbor Analytics"; a pronoun or a number
# says whose or how many, "her local Harbor Gym", "three Harbor").
_NOT_DESCRIPTOR_WORDS: Final = (
    DETERMINERS
    | frozenset(PRONOUNS)
    | frozenset(
        "in of on at for with to by from about against into over under between among than "
        "like as toward towards via near during through after before and or inside outside "
        "within across behind beyond around throughout upon without amid".split()
    )
)
# Words inside an organisation's name that are not capitalised: "Bank of Dover", "Bar & Bench".
_ORG_NAME_JOINERS: Final = frozenset("of for and the & de du la on".split())


def org_after_descriptors(written: str) -> str | None:
    """The organisation's name after the lower-case words that describe it, when the mention
    is such words and then only the name: "the advocacy group Harbor Institute", "right-leaning
    Harbor Policy Institute", "ferry operator HarborLink" -> the name; None for a mention with
    no description, a description tied to the name by a preposition ("a report from Harbor
    Analytics"), a determiner, pronoun or number in it ("a Harbor Court", "her local Harbor
    Gym"), or lower-case words inside the name ("state-run Harbor news agency")."""
    words = _LEADING_THE_RE.sub("", written).split()
    k = 0
    while k < len(words) and words[k][:1].islower():
        w = words[k]
        if w in _NOT_DESCRIPTOR_WORDS or (w.endswith("ing") and "-" not in w):
            return None  # ("demonstrators gathering at …": a clause, not a description)
        k += 1
    if k == 0 or k == len(words):
        return None
    rest = words[k:]
    if not all(w[:1].isupper() or w[:1].isdigit() or w in _ORG_NAME_JOINERS for w in rest):
        return None
    if not rest[-1][:1].isupper():
        return None
    return " ".join(rest)


def _organisation_name(text: str, written: str, words: list[str], typ: str) -> str:
    """An organisation's speaker name: its written name minus a leading "The" and a
    possessive, or, for a head word alone ("the Times"), the one longer name the article gives
    it ("New York Times"); a name after the words that describe it, without them ("the
    advocacy group Harbor Institute" -> "Harbor Institute", :func:`org_after_descriptors`)."""
    if typ == "organisation":
        named = org_after_descriptors(written)
        if named is not None and name_type(named) == "organisation":
            written = named
    if (
        len(words) == 1
        and len(written.split()) <= 2  # "the Times", not "Chairman of the Committee"
        and typ == "organisation"
        and words[0][0].isupper()
        and words[0].lower() in ORG_WORDS
    ):
        long = _org_long_form(text, words[0])
        if long is not None:
            return long
    out = _LEADING_THE_RE.sub("", written).strip()
    return _POSSESSIVE_END_RE.sub("", out) or out


def _org_from_first_word(text: str, word: str) -> str | None:
    """The one organisation the article names with ``word`` first and an organisation word
    last, for the word written alone: "Harbor" -> "Harbor Institution" when the article writes
    "the Harbor Institution" (and no other "Harbor … Institute"); None otherwise, and None for
    a place or a two-letter country or union, which speaks as itself ("the US said" is not
    "US Pacific Command", "China" not "China Daily")."""
    if word.lower() in PLACES or (word.isupper() and len(word) == 2):
        return None
    found: str | None = None
    for i in _word_offsets(text, word):
        if not text.startswith(" ", i + len(word)):
            continue
        m = _CAPS_AFTER_RE.match(text, i + len(word) + 1)
        rest = m.group().split() if m is not None else []
        if rest and bare(rest[-1].lower()) in ORG_WORDS:
            name = word + " " + " ".join(rest)
            if found is not None and name != found:
                return None
            found = name
    return found


# One to three capitalised words: the rest of an organisation's name after its first word.
_CAPS_AFTER_RE: Final = re.compile(r"[A-Z][\w&'’\-]*(?:[ \t]+[A-Z][\w&'’\-]*){0,2}")


@lru_cache(maxsize=256)
def _org_long_form(text: str, head: str) -> str | None:
    """The one longer name the article gives an organisation written by its head word alone:
    "the Times" -> "New York Times" when the article writes "The New York Times" (and no other
    "… Times"); None when it writes none or several ("Harbor Times", "Dover Times")."""
    found: set[str] = set()
    for words in _words_before_head(text, head):
        before = words.split()
        for k in range(len(before) - 1, -1, -1):
            w = before[k]
            if w.endswith(".") and len(w) > 2 and bare(w.lower()) not in ABBREVIATIONS:
                del before[: k + 1]  # "… in Russia. The New York Times": a sentence ends
                break
        while before and (
            before[0].lower() in ("the", "a", "an")
            or bare(before[0].lower()) in NOT_NAMES
            or no_name_word(before[0])
        ):
            before.pop(0)
        if before and not any(w.endswith(("’s", "'s")) for w in before):
            found.add(" ".join(before + [head]))
        if len(found) > 1:
            return None
    return found.pop() if found else None


def _words_before_head(text: str, head: str) -> list[str]:
    """The one to four capitalised words written before each whole ``head`` (blanks after
    each), as :func:`_words_before_head_regex` finds them: "the New York Times" -> ["New York
    "] for "Times".

    Read back from each place ``head`` is written, not by a regex made for the head word: it
    would compile a pattern of its own and try it at every capital of the article.
    """
    out: list[str] = []
    pos = 0  # (matches do not overlap: the next one starts after the last one's end)
    h = text.find(head)
    while h >= 0:
        s = _head_window_start(text, max(pos, 0), h)
        found = -1
        while s < h and found < 0:
            if "A" <= text[s] <= "Z":
                found = _words_end_before_head(text, s, head)
            if found < 0:
                s += 1
        if found >= 0:
            out.append(text[s:found])
            pos = found + len(head)
            h = text.find(head, pos)
        else:
            h = text.find(head, h + 1)
    return out


def _head_window_start(text: str, floor: int, h: int) -> int:
    """Where the words that may stand before a head word written at ``h`` begin: back over
    blanks and word characters (``[\\w&'’.\\-]``), as far as four blank-separated words
    and no further back than ``floor``."""
    i = h
    words = 0
    while i > floor and (_org_word_char(text, i - 1) or text[i - 1] in " \t"):
        if _org_word_char(text, i - 1) and not _org_word_char(text, i):
            if words == 4:
                break  # (a fifth word back: no match starting there reaches ``h``)
            words += 1
        i -= 1
    return i


def _org_word_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a character of a word of an organisation's name
    (``[\\w&'’.\\-]``); False past the end."""
    return i < len(text) and (_word_char_at(text, i) or text[i] in "&.")


def _words_end_before_head(text: str, s: int, head: str) -> int:
    """Where the head word starts after the most words (one to four, each a capital and word
    characters, then blanks) from ``s`` before a whole ``head``; -1 for none."""
    ends: list[int] = []
    p = s
    n = len(text)
    while len(ends) < 4 and p < n and "A" <= text[p] <= "Z":
        q = p + 1
        while _org_word_char(text, q):
            q += 1
        b = _past_blanks(text, q)
        if b == q:
            break
        ends.append(b)
        p = b
    for b in reversed(ends):
        e = b + len(head)
        if text.startswith(head, b) and (e > 0 and _word_at(text, e - 1)) != (
            e < n and _word_at(text, e)
        ):
            return b
    return -1


def _words_before_head_regex(text: str, head: str) -> list[str]:
    """:func:`_words_before_head` as one regex (its definition; the tests compare the two)."""
    pattern = r"((?:[A-Z][\w&'’.\-]*[ \t]+){1,4})" + re.escape(head) + r"\b"
    return [m.group(1) for m in re.finditer(pattern, text)]


def _past_role_object(at: int, raw: str) -> tuple[int, str]:
    """A run of capitals after a role's preposition, past the place or body the role is of:
    "(ambassador to) Norway Ada Lund" -> "Ada Lund", "(director of) National Intelligence
    Ada Lund" -> "Ada Lund"; two words stay ("(of) Ada Lund")."""
    words = raw.split(" ")
    k = 0
    while len(words) - k > 2:
        low = bare(words[k].lower())
        if not (low in PLACES or low in ORG_WORDS or low in DEMONYMS or low in TITLES):
            break
        at += len(words[k]) + 1
        k += 1
    return at, " ".join(words[k:])


def _role_end(word: str) -> bool:
    """Whether a word may end the role written before a name: capitalised ("Norway",
    "Prince", "Nation’s") or a title ("spokesman"); not a preposition or an article."""
    return word[:1].isupper() or bare(word.lower()) in TITLES


def _opener_or_place(word: str) -> bool:
    """Whether the first of three or more capitalised words is no given name: a sentence
    opener ("Consider"), page furniture, or a place or body ("Ukraine", "Harbor") before the
    name it introduces ("Paris Hilton" keeps "Paris": two words are the name itself)."""
    low = bare(word.lower())
    return low in NOT_NAMES or no_name_word(word) or low in PLACES or low in ORG_WORDS


# Writings in their author's own words: "Lund's tweet said" is Lund speaking.
_OWN_WORDS_NOUNS: Final = frozenset(
    {
        "tweet",
        "tweets",
        "letter",
        "statement",
        "statements",
        "post",
        "posts",
        "email",
        "emails",
        "message",
        "memo",
        "note",
        "blog",
    }
)
_OWNER_RE: Final = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})['’]s? (\w+)$")


def _author_of_own_words(by_last: dict[str, str], mention: str) -> str | None:
    """The person whose tweet, letter or statement speaks: "Reyes's tweet" / "Ana Reyes’
    letter" -> "Ana Reyes" when the article names her; not "the ministry's letter" (no
    person), nor "Reyes's report" (a report is a document of its own)."""
    if "'" not in mention and "’" not in mention:
        return None  # (no possessive: the pattern, which backtracks, need not be tried)
    m = _OWNER_RE.match(mention)
    if m is None or m.group(2).lower() not in _OWN_WORDS_NOUNS:
        return None
    owner = m.group(1).split()
    full = by_last.get(name_key(owner[-1]))
    if full is None or not name_key(full).endswith(name_key(" ".join(owner))):
        return None
    return full


# Roles written as capital initials: "the PM" is the prime minister.
_ROLE_ABBREVIATIONS: Final = {"pm": "prime minister"}


def _person_of_role(doc: _Doc, words: list[str], pos: int) -> str | None:
    """The person the article writes with the role ``words`` (determiners dropped), trying
    the whole role, its last two words and its last word: ["the", "Turkish", "President"]
    -> the name written as "Turkish President …" or "President …" (see :func:`_role_holder`
    for a role two people hold)."""
    roles = doc.names()["roles"]
    kept = [w for w in words if w.lower() not in DETERMINERS]
    role = " ".join(bare(w.lower()) for w in kept)
    for r in (role, " ".join(role.split()[-2:]), role.split()[-1] if role else ""):
        # (a role of two words or more the article writes before a name, whole, needs no
        # title word: "the special counsel" for "Special Counsel Robert Mueller")
        whole = r == role and " " in r
        if r != role and not _same_role_without(kept[: len(kept) - len(r.split())]):
            break  # "the vice president" is not "President Lund"
        if r and r in roles and (whole or any(bare(x) in TITLES for x in r.split())):
            holders = _not_of_another_state(roles, role, r)
            if holders:
                return _role_holder(doc, holders, pos)
    return None


# Words before a role that make another role of it: "the vice president" is no "President
# Lund", "the inspector general" no "Attorney General Lund".
_SUBORDINATE_ROLES: Final = frozenset(
    """vice deputy assistant associate lieutenant under inspector attorney surgeon solicitor
    secretary chief""".split()
)


# Words that tie a head to the role after them: "a source close to the governor" is no
# governor.
_ROLE_LINKS: Final = frozenset("to of for with at from by about close near".split())


def _same_role_without(dropped: list[str]) -> bool:
    """Whether the role is the same without the ``dropped`` words before it: a place, a party,
    a qualifier ("the Turkish president", "the Republican senator", "the former governor") ->
    True; a word that makes another role ("vice" president, "Inspector" General, "deputy"
    mayor) or a head tied to it ("a source close to the governor") -> False."""
    return not any(
        bare(w.lower()) in _SUBORDINATE_ROLES or w.lower() in _ROLE_LINKS for w in dropped
    )


def _not_of_another_state(roles: dict[str, dict[str, int]], role: str, r: str) -> dict[str, int]:
    """The holders of the role ``r`` that the whole role ``role`` may mean: for "hawaii
    democrat" read as "democrat", not one the article labels the Democrat of another state
    ("Ivo Reyes (D-Md.)"); every holder when ``role`` names no state."""
    holders = roles[r]
    state = role[: -len(r)].strip()
    if r == role or state not in _STATE_NAMES:
        return holders
    other = {
        name
        for key, names in roles.items()
        if key.endswith(" " + r) and key != role and key[: -len(r)].strip() in _STATE_NAMES
        for name in names
    }
    return {h: n for h, n in holders.items() if h not in other}


# A role's prepositional tail: "chancellor of the university" -> "chancellor".
_ROLE_TAIL_RE: Final = re.compile(r"\s+(?:of|at|for|with|from|in)\s.*$", re.S)
# ", Ivo Lund," after a role: two to four capitalised words between commas, or ending the
# sentence when the role follows its cue ("…, said his spokeswoman, Ada Lund.").
_APPOSED_RE: Final = re.compile(
    r",[ \t]+((?:[A-Z][\w’'\-]*\.?[ \t]+){1,3}[A-Z][\w’'\-]+)(?:,|\.(?=\s|$))"
)


def _role_of_employer(words: list[str]) -> bool:
    """Whether a description is a role and the organisation it serves, tied by "of", "for" or
    "at", so that a name set off after it is the role holder's: "The executive director of the
    Harbor Health Programme" -> True; "Friends of the Earth", "the Bank of Dover" (names of
    organisations), "members of the Harbor Board" (a group) -> False."""
    tie = tie_at(words)
    return tie > 0 and words[tie - 1].islower() and heads_role(bare(words[tie - 1]))


def _apposed_name(text: str, end: int) -> str | None:
    """The person name set off by commas right after a description ending at ``end``:
    "A spokesman, Ivo Lund, said" and "…, said a spokesman, Ivo Lund." -> "Ivo Lund"; None
    when what follows is no person's name
    ("a spokesman, New York officials said")."""
    m = _APPOSED_RE.match(text, end, min(len(text), end + 80))
    if m is None:
        return None
    name = m.group(1)
    return name if _apposed_person(name) else None


# "Ivo Lund, " right before a role: two to four capitalised words and a comma.
_NAME_BEFORE_ROLE_RE: Final = re.compile(
    r"(?<![\w’'\-])((?:[A-Z][\w’'\-]*\.?[ \t]+){1,3}[A-Z][\w’'\-]+),[ \t]+\Z"
)


def _name_before_role(text: str, start: int, mention: str) -> str | None:
    """The person named right before a role without an article that is set off after the
    name: "Ivo Lund, owner of the Harbor Hawks, said" -> "Ivo Lund" for the mention "owner of
    the Harbor Hawks"; None for "the owner …" or "officials" (a subject of its own)."""
    first, _, rest = mention.partition(" ")
    if not first.islower() or not (bare(first) in TITLES or _role_with_employer(first, rest)):
        return None
    m = _NAME_BEFORE_ROLE_RE.search(text, max(0, start - 80), start)
    if m is None:
        return None
    name = m.group(1)
    return name if _apposed_person(name) and not no_name_word(name.split()[0]) else None


def _fullest_with_given_name(by_last: dict[str, str], name: str) -> str:
    """The fullest name the article gives for ``name``, which the surname alone stands for
    when it opens with the same given name ("Ada Lund" -> "Ada J. Lund"); ``name`` itself when
    that fullest name is another person's of the surname ("Frank Lund" beside "Lisa Lund":
    "Lund's father, Frank Lund")."""
    full = by_last.get(name_key(name.split()[-1]))
    if full is None or (" " in name and full.split()[0] != name.split()[0]):
        return name
    return full


def _apposed_to_possessive(text: str, end: int, words: list[str]) -> str | None:
    """The person named, set off by commas, right after a description of someone by a name's
    possessive: "Lund's stepfather, Tomas Reyes, said" -> "Tomas Reyes" for the mention
    "Lund's stepfather" (Reyes speaks, not Lund); None without such a name after it, or for a
    name itself ("Lund's Ada Reyes": the last word is no lower-case noun)."""
    if len(words) < 2 or not words[0].endswith(("'s", "’s")) or not words[-1][:1].islower():
        return None
    return _apposed_name(text, end)


# A party label standing alone: "R-New Hampshire", "D-Calif.", "I-Vt".
_PARTY_LABEL_ONLY_RE: Final = re.compile(r"[RDI][-–][A-Z][A-Za-z.]{0,5}(?: [A-Z][a-z]+)?")


def _name_before_party_label(text: str, start: int, mention: str) -> str | None:
    """The person whose party label a subject is, when the comma after the label is missing:
    "Sen. Ada Lund, R-New Hampshire said" -> "Ada Lund" for the mention "R-New Hampshire"
    (a label names no one); None for any other mention."""
    if not _PARTY_LABEL_ONLY_RE.fullmatch(mention):
        return None
    m = _NAME_BEFORE_ROLE_RE.search(text, max(0, start - 80), start)
    if m is None:
        return None
    name = m.group(1)
    return name if _apposed_person(name) else None


def _role_with_employer(first: str, rest: str) -> bool:
    """Whether a role without an article names a job at an employer: "partner at Harbor
    Advisors", "head of the Dover clinic" (one singular noun, then "at", "of" or "with")."""
    return (
        first.isalpha()
        and not first.endswith("s")
        and first not in DETERMINERS
        and rest.startswith(("at ", "of ", "with "))
    )


def _apposed_person(name: str) -> bool:
    """Whether capitalised words set off beside a role are a person's name: titles only
    before the name ("Dr. Ada White"), no organisation word before the last, not in
    capitals ("Ada White" yes; "Harbor Agency Board", "NEW YORK" no). The apposition itself
    says a person is meant, so a surname that is also an organisation word ("White",
    "Church") counts, and so does one that is also a title after a given name ("Erik
    Prince", "Ada King")."""
    low = [bare(w.lower()) for w in name.split()]
    k = 0
    while k < len(low) - 2 and low[k] in TITLES:
        k += 1
    low = low[k:]
    # (a last word that is also a title only after a given name: "Erik Prince", not
    # "Islamic State" or "New Hampshire Sen")
    titled = low[:-1] if len(low) > 1 and low[0] in _ANY_GIVEN_NAMES else low
    return not name.isupper() and TITLES.isdisjoint(titled) and ORG_WORDS.isdisjoint(low[:-1])


@lru_cache(maxsize=NAME_CACHE)
def _body_in_place(roles: tuple[str, ...]) -> bool:
    """Whether the lower-case words stripped before a name (:func:`_stripped_type`) end in a
    body and "in" or "of": the mention is that body, not the place after it. "the
    prosecutor's office in Dover", "the district attorney's office in Kent" -> True; "Mayor
    Ada Lund", "the head of the Harbor Board" -> False."""
    return (
        len(roles) >= 2
        and roles[-1] in ("in", "of")
        and bare(roles[-2].lower()) in ORG_WORDS
        and roles[-2].islower()
        # (a person's role before it: "the top Democrat on the House of …", "Secretary of
        # State of …"; but a possessive is the body's, "the prosecutor's office in …", and
        # "U.S." names no role, "a U.S. Court of Appeals")
        and not any(r.isalpha() and _people_noun(r.lower()) for r in _after_owner(roles[:-2]))
    )


def _after_owner(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after the last possessive among ``words`` (all when there is none): "district
    attorney's" owns the office, "top Democrat" is a person's role."""
    owner = max((i for i, w in enumerate(words) if w.endswith(("'s", "’s"))), default=-1)
    return words[owner + 1 :]


def _stripped_type(text: str) -> tuple[str, tuple[str, ...], str]:
    """strip_name and name_type of a mention as written (both pure; the same names recur)."""
    name, roles = strip_name(text)
    return name, roles, name_type(name)


_LEADING_THE_RE: Final = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE_END_RE: Final = re.compile(r"['’]s?$")


def _antecedent(doc: _Doc, mention: Mention) -> Mention | None:
    """The noun phrase a relative pronoun hangs on: "Sen. Ada Brennan (D-VT), who" -> the
    name before the comma."""
    s = doc.sent_span(mention.start)[0]
    toks = doc.outside_toks(s, mention.start)
    if mention.text == "who":
        named = _name_before_appositive_relative(doc.text, toks)
        if named is not None:
            return named
    aside = _before_aside(doc.text, max(s, mention.start - 60), mention.start)
    if aside < mention.start:
        toks = [t for t in toks if t.end <= aside]  # "Ivo Lund, R-Kan., who" -> up to "Lund"
    i = len(toks)
    while i > 0 and toks[i - 1].text in (",", "—", "–"):
        i -= 1
    if i == 0 or toks[i - 1].low in RELATIVES:
        return None
    j = _object_start(toks, i, person=mention.text.lower() == "who")
    if j > 0 and _object_boundary(toks[j - 1]):
        # The object of a verb or preposition ("he corrected reporters who", "concern among
        # Harbor Party leaders, who"): the phrase has no subject for np_before to find.
        m = well_formed_mention(doc.text, toks[j].start, toks[i - 1].end)
    else:
        art = _article_start(toks, i) if mention.text == "who" else -1
        m = np_before(doc.text, toks, i) if art < 0 else None
        if art >= 0:
            m = well_formed_mention(doc.text, toks[art].start, toks[i - 1].end)
        elif m is not None:
            m = _last_object(doc.text, toks, i, m, who=mention.text == "who")
        elif j >= 0 and toks[i - 1].is_cap:
            m = well_formed_mention(doc.text, toks[j].start, toks[i - 1].end)  # "that of Ada Lund"
    return m if m is not None and m.text.lower() not in RELATIVES else None


# Words for some of a group, before "of the …": "one of the attorneys who".
_SOME_OF_WORDS: Final = frozenset("one some many most each all none several any two three".split())


def _article_start(toks: list[Tok], i: int) -> int:
    """Where a phrase of an article and lower-case words, the last a noun of people, starts
    right before a "who" at ``toks[i]``: "met a father who said" -> at "a" (the father said
    it, not the one who met him); "a worried father who" -> at "a"; -1 where the words before
    are no such phrase ("Ada Lund, who", "reporters who": no article; "one of the attorneys
    who": the one, read as before; but "skeptical of an applicant who" is the applicant)."""
    if i == 0 or not _person_head(toks[i - 1]) or toks[i - 1].is_cap:
        return -1
    k = i - 2
    while k >= max(0, i - 4):
        t = toks[k]
        if t.low in ("a", "an", "the"):
            # ("one of the attorneys who": the one, read as before)
            part = k > 1 and toks[k - 1].low == "of" and toks[k - 2].low in _SOME_OF_WORDS
            return -1 if part else k
        if not t.is_word or t.is_cap or _verbish(t) or _stops_object(t):
            return -1
        k -= 1
    return -1


def _described_by_appositive(doc: _Doc, m: Mention) -> Mention | None:
    """The name an indefinite description ``m`` is set off after, as an appositive
    (:func:`_name_an_appositive_describes`): "Ada Lund, a lawyer who said …" -> Ada Lund for
    "a lawyer" or "lawyer"; None for any other mention."""
    if not m.text[:1].isalpha() or "," not in doc.text[max(0, m.start - 5) : m.start]:
        return None
    s = doc.sent_span(m.start)[0]
    return _name_an_appositive_describes(doc.text, doc.outside_toks(s, m.end), m)


def _all_capitalised(text: str) -> bool:
    """Whether every word of a mention is capitalised: "Olivia House" (not "the House")."""
    return all(w[:1].isupper() for w in text.split())


def _age(tok: Tok) -> bool:
    """Whether a token is a person's age written after the name: "20", "104"."""
    return tok.text.isdigit() and 1 <= len(tok.text) <= 3


def _name_an_appositive_describes(text: str, toks: list[Tok], m: Mention) -> Mention | None:
    """The name before ``m`` when ``m`` is an indefinite appositive set off by a comma after
    it (``m`` with or without its article), so that a "who" right after ``m`` says more about
    the named person: "Sen. Ivo Lund of Dover, a Democrat who" -> Sen. Ivo Lund of Dover; "the
    board, a body who", "a lawyer who" (no name before), "In Dover, a skipper" (a
    preposition's object) -> None."""
    j = next((x for x in range(len(toks)) if toks[x].start >= m.start), len(toks))
    if 0 < j < len(toks) and toks[j].low not in ("a", "an") and toks[j - 1].low in ("a", "an"):
        j -= 1  # the mention without its article: "a [Democrat] who"
    if j < 2 or j >= len(toks) or toks[j].low not in ("a", "an") or toks[j - 1].text != ",":
        return None
    end = j - 1
    aged = end >= 3 and _age(toks[end - 1]) and toks[end - 2].text == ","
    if aged:
        end -= 2  # "Ada Lund, 20, a student who": the age is an aside of the name
    if not toks[end - 1].is_cap:
        return None
    name = np_before(text, toks, end)
    if name is None or not name.text[:1].isupper():
        return None
    if name_type(name.text) != "person" and not (aged and _all_capitalised(name.text)):
        return None  # (only a person has an age: "Olivia House, 20," is no House)
    f = next((x for x in range(j) if toks[x].start >= name.start), j)
    if f == 0 or toks[f].start != name.start or toks[f - 1].text in (",", ";", ":"):
        return name if f < j and toks[f].start == name.start else None
    # a name after a preposition is no subject the appositive describes: "In Dover, a
    # skipper …", "As for Lund, a number of insiders …", "published in the Courier in May, a …"
    return None if toks[f - 1].low in _PREP_OPENERS else name


# What news sets off between a name and the relative pronoun that hangs on it: a party label
# (", R-Ky.,"), a parenthesis ("(D-Vt.)"), an age or a home town (", 52, of Dover,").
_NAME_ASIDE_RE: Final = re.compile(
    r"(?:,[ \t]*[RDI][.-][ \t]*[A-Z][A-Za-z.]{0,6}(?:[ \t][A-Z][a-z]+)?"
    r"|[ \t]*\([^()\n]{1,24}\)"
    r"|(?:,[ \t]*\d{1,3})?(?:,[ \t]*of[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})?)"
    r"[ \t]*,?[ \t]*\Z"
)


def _before_aside(text: str, lo: int, at: int) -> int:
    """Where the phrase before ``at`` ends once an aside set off before ``at`` is left out:
    "Ivo Lund, R-Ky., who" -> after "Lund"; ``at`` itself when there is none. ``lo`` bounds
    the look back."""
    found = _NAME_ASIDE_RE.search(text, lo, at)
    return found.start() if found is not None else at


def _object_start(toks: list[Tok], i: int, *, person: bool) -> int:
    """Where the noun phrase ending at ``toks[i - 1]`` starts, read back to the verb or
    preposition before it (or at most seven words): a name with its titles ("from Pentagon
    spokesman Cmdr. Ada Lund", "of the Association of Harbor Pilots"), and for "who"
    (``person``) a group too ("corrected reporters", "among Harbor Party leaders"); -1 for no
    such phrase (a determiner alone: "those who")."""
    j = i - 1
    last = toks[j]
    if not last.is_word or not last.text.isalpha() or last.low in DETERMINERS:
        return -1
    if not last.is_cap and not (person and _person_head(last)):
        return -1
    if _is_time_tok(toks, j) or (person and last.low in PLACES):
        return -1  # "a speech in Dover on Monday, which"; "a voter in Dover who" is the voter
    while j > 0 and i - j < 8:
        before = toks[j - 1]
        if before.is_word and not before.is_cap and _stops_object(before):
            joined = before.low in _ORG_INSIDE and toks[j].is_cap and j > 1 and toks[j - 2].is_cap
            if not joined:
                break
            j -= 1  # "the Association of Harbor Pilots, which"
        elif not before.is_word and not (before.text == "." and j > 1 and toks[j - 2].is_cap):
            break  # (the period of a title is part of the name: "Cmdr. Ada Lund")
        j -= 1
    return j


# Lower-case words inside an organisation's name: "Friends of the Earth", "Harbor & Rail".
_ORG_INSIDE: Final = frozenset("of for with on the &".split())


def _person_head(tok: Tok) -> bool:
    """Whether a lower-case word heads a phrase "who" may hang on: a noun naming people
    ("reporters", "a woman", "critics"), not a text ("the bill") or thing ("the stuff")."""
    return _agent_head(tok.text) and tok.low not in _TEXT_HEADS and not _stops_object(tok)


def _stops_object(tok: Tok) -> bool:
    """Whether a lower-case word before an object's noun is where the object starts after:
    a verb ("corrected reporters"), a conjunction or a preposition ("of brewers"), or a
    participle ("electing the candidate")."""
    return (
        _verbish(tok)
        or tok.low in _ANTECEDENT_PREPOSITIONS
        or tok.low in ("of", "for", "like", "in", "on")
        or (len(tok.low) > 4 and tok.low.endswith("ing"))
    )


def _object_boundary(tok: Tok) -> bool:
    """Whether the word before a noun phrase makes it an object that a relative pronoun after
    it hangs on: a verb ("he corrected reporters who") or a preposition ("concern among
    leaders, who"), but not "of" or one of place ("the head of the board, who", "officials in
    Dover, who" are the head and the officials)."""
    return tok.low not in _HEAD_BEFORE and _stops_object(tok)


# Words after which the phrase before them, not the one after, is what "who" hangs on (or a
# conjunction, after which it is both).
_HEAD_BEFORE: Final = frozenset("of in on at within inside across and or but nor".split())

# Words that open an appositive noun phrase ("a researcher at …", "the head of …").
_APPOSITIVE_OPENERS: Final = frozenset("a an the another".split())
# Finite verbs that make a segment between commas a clause, not an appositive.
_APPOSITIVE_STOPS: Final = frozenset("is was are were has have had will would but".split())


def _appositive_open(toks: list[Tok], k: int) -> int:
    """The index of the comma that opens an appositive ending at the comma ``toks[k]``, or
    -1: a noun phrase without a verb that opens with an article or a role word ("a researcher
    at Eastport University", "deputy director of the Harbor Project"), or a "whose" clause
    ("whose ward includes Eastport")."""
    j = next(
        (
            j
            for j in range(k - 1, max(-1, k - 31), -1)
            if not toks[j].is_word and toks[j].text != "’"
        ),
        -1,
    )
    if j < 1 or toks[j].text != "," or j == k - 1:
        return -1
    seg = toks[j + 1 : k]
    w0 = seg[0]
    if w0.low == "whose":
        return j
    role = w0.text.islower() and (w0.low in SPEAKER_NOUNS or bare(w0.low) in TITLES)
    if not (w0.low in _APPOSITIVE_OPENERS or role) or w0.is_cap:
        return -1
    if any(t.low in _APPOSITIVE_STOPS or (t.low in CUES and t.text.islower()) for t in seg):
        return -1
    return j


def _name_before_appositive_relative(text: str, toks: list[Tok]) -> Mention | None:
    """The name an appositive describes when ", who" follows the appositive: the relative
    clause says more about the named person, not about a noun inside the appositive.

    "Dr. Ada Lund, a researcher at Eastport University, who" -> Dr. Ada Lund (not the
    university); "Lena Ortiz, deputy director of the Harbor Project, who", "Ivo Brandt, whose
    ward includes Eastport, who" -> the name. ``toks`` run from the sentence start to the
    relative pronoun. None unless a name ends right before the appositive's opening comma:
    not a time or an opening adverbial ("On Monday, a spokesman for the city, who"; "In
    Dover, …"). Only for "who": "which" may hang on the appositive's noun ("co-founder of the
    Soze Agency, which")."""
    k = len(toks) - 1  # the comma before the relative
    if k < 3 or toks[k].text != ",":
        return None
    j = _appositive_open(toks, k)
    if j < 1 or not toks[j - 1].is_cap:
        return None
    f = j
    while f > 0 and j - f < 6 and (toks[f - 1].is_cap or toks[f - 1].text == "."):
        f -= 1
    if any(bare(t.low) in LEADING_ADVERBIALS for t in toks[f:j] if t.is_word):
        return None  # "In March, the program …": a time, no name
    if f <= 2 and any(t.low in _PREP_OPENERS or t.low in _SUBORDINATORS for t in toks[:f]):
        return None  # "In Dover, a skipper for the ferry line, who": an opening adverbial
    return mention_of(text, toks[f:j])


# Prepositions whose object, not the phrase before them, is what a relative pronoun right after
# hangs on: "complaints from at least three skippers, who said", "interviews with a woman who".
_ANTECEDENT_PREPOSITIONS: Final = frozenset(
    "from with among to against within about between into toward towards by at".split()
)


# Endings of abstract nouns, which name no one: "objections", "criticism", "judgment".
_ABSTRACT_ENDS: Final = ("ion", "ions", "ism", "isms", "ment", "ments", "ance", "ances", "ence")


def _of_after_abstract_head(toks: list[Tok], j: int) -> bool:
    """Whether ``toks[j]`` is an "of" after an abstract noun or a noun of utterances, whose
    object is what a relative pronoun after it hangs on: "despite the objections of
    pilots who called …" -> the pilots; "the complaints of residents who said" ->
    the residents; not "the head of the committee, who" nor "a coalition of groups who"."""
    if toks[j].low != "of" or j == 0 or not toks[j - 1].text.islower():
        return False
    return _abstract_head(toks[j - 1].low)


def _abstract_head(head: str) -> bool:
    """Whether a lower-case noun is abstract or names utterances, so that no one is the
    noun phrase it heads: "objections", "criticism", "complaints" -> True; "head", "group",
    "coalition" (a word of organisations) -> False."""
    one = head[:-1] if head.endswith("s") else head
    return head not in ORG_WORDS and (
        head in _SPEECH_NOUNS or one in _SPEECH_NOUNS or head.endswith(_ABSTRACT_ENDS)
    )


def _last_object(text: str, toks: list[Tok], i: int, m: Mention, *, who: bool) -> Mention:
    """The antecedent ``m`` (ending at ``toks[i]``) cut to the object of its last preposition:
    "The attack drew condemnation from top officials, who" -> top officials; "the head of the
    committee, who" stays (after "of" the head is the person); for a "who" (``who``), an
    "of" after an abstract noun too: "the criticism of Harbor pilots, who" -> Harbor pilots
    (but "the indictment of the agency, which" is the indictment)."""
    k = next((k for k in range(i - 1, -1, -1) if toks[k].start < m.start), -1) + 1
    cut = None
    for j in range(k, i - 1):
        abstract = who and _of_after_abstract_head(toks, j)
        if (
            (toks[j].low in _ANTECEDENT_PREPOSITIONS or abstract)
            and toks[j].text.islower()
            and toks[j + 1].low not in ("least", "most")  # "at least three skippers"
            # (an affiliation is no antecedent: "Ada Lund, partner at Harbor Advisors, who")
            and (abstract or not toks[j + 1].is_cap)
        ):
            cut = j + 1
    if cut is None:
        return m
    if toks[cut].low == "at" and cut + 1 < i and toks[cut + 1].low in ("least", "most"):
        return Mention(toks[cut].start, m.end, text[toks[cut].start : m.end])
    found = well_formed_mention(text, toks[cut].start, m.end)
    return found if found is not None else m


def _resolve_pronoun(
    doc: _Doc, mention: Mention, history: list[tuple[int, str, str]]
) -> tuple[str, str]:
    low = mention.text.lower()
    want = PRONOUNS[low]
    if want == "self":
        return mention.text, "person"
    sex = _PRONOUN_SEX.get(low)
    gender = doc.genders() if sex else {}
    # (The tests below are module functions, not closures: compiled, a closure is an object
    # that refers to itself, which only the cyclic garbage collector frees, and extraction
    # pauses that collector.)

    # The subject of this or an earlier sentence, unless that subject is this pronoun.
    k = doc.sent_index(mention.start)
    if sex and (opener := _subordinate_subject(doc, k, mention, gender, sex)) is not None:
        return opener, "person"
    for kk in _frame_sentences_back(doc, k, 3):
        subj = _sentence_subject(doc, kk, history)
        if sex is not None and subj[1] and subj[2] == "person":
            subj = (subj[0], _namesake_of_sex(doc, gender, sex, subj[1]), subj[2])
        # ("Lund's decision has cost him friends": a thing, whose owner "he" may be)
        owned = sex is not None and subj[0] is not None and _owned_thing(subj[0].text)
        if (
            subj[0] is not None
            and subj[0].start < mention.start
            and subj[1]
            and not amount_only(subj[1])
            and bare(subj[1].lower()) not in NOT_NAMES  # "First, they say, …"
            and not (sex and _lone_common_word(doc, subj[1]))  # "He ran. Twice. He said …"
            and _fits(want, gender, sex, subj[2] or "", subj[1])
            and not owned
            and (sex is None or _one_named_person(doc, subj[1], history, near=_near(doc, k, kk)))
            # "She sent …. … he claimed": a subject written as a pronoun of the other sex
            and _PRONOUN_SEX.get(subj[0].text.lower(), sex) == sex
        ):
            if subj[0].text.lower() not in PRONOUNS or subj[1].lower() not in PRONOUNS:
                first = _first_named_in(doc, kk, mention.start, gender, sex) if sex else None
                if first is not None and _reports_clause_of(doc.text, first, subj[0]):
                    return first.name, "person"
                return subj[1], subj[2] or "person"
        if owned and sex is not None and subj[0] is not None and subj[0].start < mention.start:
            owner = _owner_of_thing(doc, subj[0].text, gender, sex)
            if owner is not None:
                return owner, "person"  # "Lund's decision has cost him friends. … he says"
        if sex is not None and (subj[0] is None or subj[0].text.lower() not in PRONOUNS):
            # (A sentence whose subject is a pronoun is about whoever that pronoun is.)
            named = _first_named_in(doc, kk, mention.start, gender, sex)
            if named is not None and _owner_of_subject(subj, named, sex):
                return subj[1] or "", "person"  # "Lund's mother wept. … she said"
            if named is not None and not _spoken_of_by_role(doc.text, subj, named):
                return named.name, "person"
    # The nearest earlier speaker of a compatible type (the history holds the quotations'
    # speakers first, then those of reported speech: nearest is by position).
    for pos, canon, t in _nearest_first(history, mention.start):
        if sex is not None and t == "person":
            canon = _namesake_of_sex(doc, gender, sex, canon)
        if (
            pos < mention.start
            and _fits(want, gender, sex, t, canon)
            and canon.lower() not in PRONOUNS
            and (sex is None or _one_named_person(doc, canon, history))
        ):
            return canon, t
    if want == "person":
        persons = doc.names()["persons"]
        j = bisect.bisect_left(persons, (mention.start, "")) - 1
        # (a person a photo's caption or credit names is not who the pronoun means)
        while j >= 0 and (
            (sex and not _same_sex(gender, sex, persons[j][1])) or doc.in_caption(persons[j][0])
        ):
            j -= 1
        if j >= 0 and persons[j][0] >= doc.spans[max(0, k - 2)][0]:
            return persons[j][1], "person"
        salient = _salient_person(doc, mention.start, gender, sex)
        if salient is not None:
            return salient, "person"
        if j >= 0:
            return persons[j][1], "person"
    return mention.text, name_type(mention.text)


# Nouns of people that say their sex.
_NOUN_SEXES: Final = {
    **dict.fromkeys(
        """wife widow daughter sister mother stepdaughter stepmother granddaughter grandmother
        niece aunt girlfriend fiancee spokeswoman chairwoman businesswoman""".split(),
        "f",
    ),
    **dict.fromkeys(
        """husband widower son brother father stepson stepfather grandson grandfather nephew
        uncle boyfriend fiance spokesman chairman businessman""".split(),
        "m",
    ),
}


def _owner_of_subject(
    subj: tuple[Mention | None, str | None, str | None], named: _NamedAt, sex: str
) -> bool:
    """Whether the person named is only the owner in a subject that describes another person
    by that name's possessive (:func:`_possessed_person`): in "Lund's mother wept", "she" is the
    mother, not Lund."""
    subject, canon, typ = subj
    if subject is None or typ != "person" or not canon:
        return False
    return subject.start <= named.at < subject.end and _possessed_person(canon, sex)


# A name's possessive opening a subject, then the lower-case noun it owns: "Lund’s decision".
_OWNED_RE: Final = re.compile(r"([A-Z][\w-]+)['’]s ([a-z][\w-]*)")


def _owned_thing(subject: str) -> bool:
    """Whether a sentence subject is a thing a named person owns, no person itself: "Lund's
    decision to back Reyes", "Lund's remarks"; not "Lund's mother" nor "Lund's lawyer"."""
    found = _OWNED_RE.match(subject)
    if found is None:
        return False
    owned = []  # the words of the owned noun phrase, up to a preposition or a comma
    for w in subject[found.start(2) :].split():
        if w.lower() in _OWNED_PHRASE_ENDS or not w.isalpha() or w[0].isupper():
            break  # ("Routh's sister Laura Blevins": the name after the noun ends it)
        owned.append(w.lower())
    if not owned:
        return False
    head = owned[-1]  # ("Bush's own campaign adviser": the adviser, a person)
    one = head[:-1] if head.endswith("s") else head
    return not (
        bare(head) in TITLES
        or head in _KIN_NOUNS
        or one in _KIN_NOUNS
        or one in _OWNED_PEOPLE
        or (one.endswith(_PERSON_ENDINGS) and not one.endswith("ment"))
    )


_OWNED_PHRASE_ENDS: Final = frozenset("to of for in on at with that which who and".split())
# Nouns of people a name may own besides kin and titles: "Lund's friends", "Lund's team".
_OWNED_PEOPLE: Final = frozenset("friend ally allie colleague staff team aide".split())
_PERSON_ENDINGS: Final = ("er", "or", "ist", "ant", "ent", "ian")


def _owner_of_thing(doc: _Doc, subject: str, gender: dict[str, str], sex: str) -> str | None:
    """The person whose thing a sentence's subject is (the caller has read it so with
    :func:`_owned_thing`), by the full name the article gives, when "he" or "she" of ``sex``
    may be that person: the sentence is about the owner ("Lund's decision has cost him
    friends. … he says" -> Lund)."""
    found = _OWNED_RE.match(subject)
    if found is None:
        return None
    full = doc.names()["by_last"].get(name_key(found.group(1)))
    if full is None or " " not in full or not _same_sex(gender, sex, full):
        return None
    return full


def _possessed_person(canon: str, sex: str) -> bool:
    """Whether a sentence subject is one person described by a name's possessive, whom "he"
    or "she" of that sex may stand for rather than the name: "Lund's mother" for "she", "Lund's
    lawyer" for either; not "Lund's mother" for "he", "Lund's lawyers" (more than one),
    "Lund's plan" (no person), "Ada Lund" (no possessive)."""
    words = canon.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[0].endswith(("'s", "’s")):
        return False
    head = words[-1]
    if not head.isalpha() or not head.islower():
        return False
    if head.endswith("s") and (head[:-1] in _KIN_NOUNS or heads_role(head[:-1])):
        return False  # "Lund's lawyers": they
    if not (head in _KIN_NOUNS or heads_role(head)):
        return False
    return _NOUN_SEXES.get(head, sex) == sex


def _nearest_first(history: list[tuple[int, str, str]], before: int) -> list[tuple[int, str, str]]:
    """The speakers of ``history`` named before offset ``before``, the nearest first (of two
    at one offset, the later recorded first)."""
    earlier = [h for h in reversed(history) if h[0] < before]
    earlier.sort(key=lambda h: -h[0])
    return earlier


def _lone_common_word(doc: _Doc, canon: str) -> bool:
    """Whether a subject is one everyday English word capitalised only where it opens a
    sentence: a fragment ("Twice.", "Soon,") or a plural noun ("Invitations he used to get
    stopped.") before "he", not "Lund" nor "Apple", which the article writes with a capital
    inside a sentence too."""
    if " " in canon or not canon[:1].isupper():
        return False
    if not (common_word(canon, FRAGMENT_ZIPF) or _plural_of_common_noun(canon)):
        return False
    return all(_opens_sentence(doc.text, i) for i in _word_offsets(doc.text, canon))


def _plural_of_common_noun(word: str) -> bool:
    """Whether a capitalised word is the plural of an everyday English noun, many things or
    people and never one person: "Invitations"; not "Reyes" ("reye" is no word), "Roberts"
    (a given name's) nor "Jones" (common itself). A surname such as "Parks" passes, but an
    article writes it inside a sentence too ("Rosa Parks"), which the caller checks."""
    low = word.lower()
    return (
        low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and common_word(low[:-1], _PLURAL_STEM_ZIPF)
        and low[:-1] not in GIVEN_NAMES  # "Roberts", "Adams": surnames
        and not common_word(low, FRAGMENT_ZIPF)
    )


# How common the singular of a capitalised plural must be to make it a plain noun.
_PLURAL_STEM_ZIPF: Final = 4.0


@dataclass(slots=True)
class _NamedAt:
    """A person's fullest name and where the article writes (the surname of) it."""

    name: str
    at: int


def _reports_clause_of(text: str, first: _NamedAt, subject: Mention) -> bool:
    """Whether the subject read for a sentence sits in a clause reporting the person named
    before it: "Lund answered a question, saying that Okafor had called" -> True (the
    sentence is about Lund); "According to Lund, Okafor left" -> False."""
    if first.at >= subject.start:
        return False
    between = _WORDS_RE.findall(text, first.at, subject.start)
    return any(w.lower() in _CUE_WORDS for w in between[1:])


_WORDS_RE: Final = re.compile(r"[A-Za-z]+")


# A sentence opening with a subordinate clause whose subject is written first: "When …",
# "But after …", "Though …".
_OPENING_SUBORDINATOR_RE: Final = re.compile(
    r"(?:(?:But|And|Yet|So)\s+)?(?:[Ww]hen|[Aa]fter|[Ww]hile|[Aa]lthough|[Tt]hough|[Oo]nce|[Bb]efore"
    r"|[Uu]ntil|[Bb]ecause|[Ss]ince|[Aa]s)\s+((?:[A-Z][\w.’'-]*\s+|then-\w+\s+)*)"
)


def _subordinate_subject(
    doc: _Doc, k: int, mention: Mention, gender: dict[str, str], sex: str | None
) -> str | None:
    """The person named as the subject of the subordinate clause opening sentence ``k``, for
    "he"/"she" opening its main clause: "When Chief Justice Lund issued the opinion, she
    wrote …" -> Lund. None when the clause holds a pronoun or another person of that sex
    ("When Reyes pressed him, he said …": "he" is the one pressed), or when the pronoun does
    not follow the clause's comma."""
    s, _ = doc.spans[k]
    m = _OPENING_SUBORDINATOR_RE.match(doc.text, s, mention.start)
    if m is None or not doc.text[: mention.start].rstrip().endswith(","):
        return None
    mentions = doc.person_mentions()
    i = bisect.bisect_left(mentions, (m.start(1), ""))
    if i >= len(mentions) or mentions[i][0] >= m.end(1) + 1 or mentions[i][0] < m.start(1):
        return None  # the clause's first words are no named person
    at, full = mentions[i]
    if not _same_sex(gender, sex, full):
        return None
    clause = doc.text[at : mention.start].lower()
    others = {"m": ("he", "him", "his", "himself"), "f": ("she", "her", "hers", "herself")}
    if any(re.search(rf"\b{p}\b", clause) for p in others.get(sex or "", ())):
        return None
    rest = mentions[i + 1 :]
    if any(a < mention.start and _same_sex(gender, sex, f) and f != full for a, f in rest):
        return None
    return full


def _first_named_in(
    doc: _Doc, k: int, before: int, gender: dict[str, str], sex: str | None
) -> _NamedAt | None:
    """The person named first in sentence ``k`` (outside quotations, before ``before``), when
    its subject was no person: "To that end, Reyes met the board. “…,” he said." -> Reyes;
    "On Monday, Lund answered a question, saying Okafor had called" -> Lund."""
    s, e = doc.spans[k]
    e = min(e, before)
    mentions = doc.person_mentions()
    i = bisect.bisect_left(mentions, (s, ""))
    while i < len(mentions) and mentions[i][0] < e:
        at, full = mentions[i]
        if (
            not doc.in_quote(at)
            and _same_sex(gender, sex, full)
            and not _after_article(doc.text, at)
            and not _after_article(doc.text, _written_from(doc.text, at, full))
        ):
            return _NamedAt(full, at)
        i += 1
    return None


def _namesake_of_honorific(doc: _Doc, roles: tuple[str, ...], full: str) -> str:
    """The person of the surname of ``full`` whom an honorific of one sex before the surname
    names (``roles``): "Mrs. Lund" -> Ada Lund where the surname alone is Hugo Lund's and the
    article names them both; ``full`` otherwise. The one other person of the surname of that
    sex, else, with none of that sex, the one whose sex is unknown ("Mrs. Lund" beside Hugo
    and Dana Lund: Dana)."""
    if roles and roles[-1] not in _HONORIFIC_SEXES:
        return _namesake_of_title(doc, roles, full)
    sex = _HONORIFIC_SEXES.get(roles[0]) if roles else None
    if sex is None or _given_name_sex(full) in (sex, None):
        return full
    gender = doc.genders()
    key = name_key(full).split()[-1:]
    others: dict[str | None, set[str]] = {}
    for _, n in doc.names()["persons"]:
        if n != full and name_key(n).split()[-1:] == key:
            others.setdefault(gender.get(name_key(n)) or _given_name_sex(n), set()).add(n)
    # (one of that sex, else, with none of it, one of unknown sex)
    fits = others.get(sex) or (others.get(None, set()) if sex not in others else set())
    return fits.pop() if len(fits) == 1 else full


def _namesake_of_title(doc: _Doc, roles: tuple[str, ...], full: str) -> str:
    """The person of the surname of ``full`` whom a title before the surname names, when the
    article writes only that one of them with the title ("President Lund" beside "President
    Hugo Lund" and Ada Lund, whose surname alone is hers); ``full`` otherwise."""
    held = doc.names()["roles"]
    if _holds_title(full, roles, held):
        return full
    key = name_key(full).split()[-1:]
    holders = {
        n
        for _, n in doc.names()["persons"]
        if name_key(n).split()[-1:] == key and _holds_title(n, roles, held)
    }
    return holders.pop() if len(holders) == 1 else full


def _namesake_of_sex(doc: _Doc, gender: dict[str, str], sex: str, name: str) -> str:
    """``name``, unless its given name is of the other sex than "he"/"she" (``sex``) and the
    article writes one other full name with its surname and a given name of that sex: then
    that name ("Clinton" read as Bill Clinton, for "she", when the article names Hillary
    Clinton too)."""
    if _same_sex(gender, sex, name):
        return name
    key = name_key(name).split()[-1:]
    others = {
        full
        for _, full in doc.names()["persons"]
        if full != name
        and name_key(full).split()[-1:] == key
        and (gender.get(name_key(full)) or _given_name_sex(full)) == sex
    }
    return others.pop() if len(others) == 1 else name


def _written_from(text: str, at: int, full: str) -> int:
    """Where the full name whose surname is written at ``at`` starts, when it is written in
    full there ("the Harbor Depression": the start of "Harbor"); else ``at``."""
    start = at - len(full) + len(full.rsplit(None, 1)[-1])
    return start if start >= 0 and text.startswith(full, start) else at


def _after_article(text: str, at: int) -> bool:
    """Whether the name at ``at`` follows an article, which makes it a modifier of another
    noun, not the person: "the Lund administration", "a Reyes aide" -> True."""
    if at < 2 or text[at - 1] != " ":
        return False
    j = at - 1
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j : at - 1].lower() in ("the", "a", "an")


def _spoken_of_by_role(
    text: str, subj: tuple[Mention | None, str | None, str | None], named: _NamedAt
) -> bool:
    """Whether the person named is one whom a sentence subject described by a role (not
    named) speaks of, so the sentence is about the subject: "The former Dover mayor had words
    for the board, saying President Lund had failed" -> True; "… Nevada's governor ordered
    the casinos closed, and Mr. Lund …" and "Dover mayor faults the board: Mayor Ivo Lund
    …" -> False."""
    subject, canon, typ = subj
    if subject is None or named.at < subject.end or typ != "person" or not canon:
        return False
    head = canon.split()[-1]
    if not head.islower() or bare(head) not in _PERSON_TITLES:
        return False
    if head in text[max(0, named.at - 40) : named.at].lower():
        return False  # the name comes with the subject's title: the same person
    return any(w.lower() in _CUE_WORDS for w in _WORDS_RE.findall(text, subject.end, named.at))


# How far back (characters) a person must have been named to be what a pronoun points at.
_SALIENT_REACH: Final = 2000


def _salient_person(doc: _Doc, pos: int, gender: dict[str, str], sex: str | None) -> str | None:
    """With no subject, speaker or name close by, "he" is the person the article has named
    most often before ``pos``, among those named in the last stretch of text (not in a
    photo's caption): "Lund … Lund … (Photo/Ada Reyes) … letter to Minister Ivo Okafor. … He wrote"
    -> Lund."""
    best: str | None = None
    best_rank = (0, -1)
    articled = doc.names()["articled"]
    for key, full in doc.names()["by_last"].items():
        if full.isupper() or full in articled or not _same_sex(gender, sex, full):
            continue
        at = doc.surname_positions(key, full)
        n = bisect.bisect_left(at, pos)
        # (the names of a caption or a credit do not count: "(Photo: Ivo Lund)")
        while n > 0 and at[n - 1] >= pos - _SALIENT_REACH and doc.in_caption(at[n - 1]):
            n -= 1
        if n == 0 or at[n - 1] < pos - _SALIENT_REACH:
            continue
        rank = (n, at[n - 1])
        if rank > best_rank:
            best, best_rank = full, rank
    return best


def _frame_sentences_back(doc: _Doc, k: int, n: int) -> list[int]:
    """Sentence ``k`` and the ``n - 1`` before it that are not wholly inside a quotation: for
    "“… Second sentence. Third,” he said." the sentences of the quotation hold no subject
    the pronoun could point back to, the sentence before the quotation does."""
    out = [k]
    kk = k - 1
    line = doc.text.rfind("\n", 0, doc.spans[k][0])
    while kk >= 0 and len(out) < n and kk > k - 4 * n:
        s, e = doc.spans[kk]
        if not doc.in_one_quote(s, max(s, e - 1)) and not _page_sentence(doc, kk, line):
            out.append(kk)
        kk -= 1
    return out


# A photo caption: "FILE PHOTO: …", or a credit "(Photo/Ana Reyes)", "(AP Photo/…)",
# "Ana Reyes/Getty Images", or "REUTERS/Ana Reyes" closing the paragraph.
_CAPTION_RE: Final = re.compile(
    r"^(?:FILE )?PHOTO\b|\((?:AP )?Photo[:/]|/Getty Images|Getty Images\W*$"
    r"|\b[A-Z]{2,}/[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}$",
    re.MULTILINE,
)


def _in_caption(text: str, pos: int) -> bool:
    """Whether offset ``pos`` lies in a paragraph that captions a photo, which says who is
    pictured, not who the article goes on about: "FILE PHOTO: Mayor Ana Reyes speaks in
    Dover. REUTERS/Ivo Lund" -> True; "Reyes spoke in Dover on Monday." -> False."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    b = len(text) if b < 0 else b
    return _holds_any(text, a, b, _CAPTION_NEEDS) and _CAPTION_RE.search(text, a, b) is not None


# What every match of _CAPTION_RE holds. The pattern is tried at every offset of a paragraph
# (no branch opens with a fixed character); a paragraph without any of these is no caption.
_CAPTION_NEEDS: Final = ("/", "PHOTO", "Photo", "Getty Images")


def _in_caption_label_line(text: str, pos: int) -> bool:
    """Whether offset ``pos`` lies on a line that a video's or a picture's caption label
    opens (a player's notice, then "Media caption Ada Reyes: “…”"): a caption stands beside
    the story, so a quotation after it goes on with the speaker of the story's quotation
    before, not the caption's."""
    a = text.rfind("\n", 0, pos) + 1
    return _holds_any(text, a, pos, _CAPTION_LABELS)


_CAPTION_LABELS: Final = ("Media caption", "Image caption", "Video caption")


def _holds_any(text: str, a: int, b: int, needles: tuple[str, ...]) -> bool:
    """Whether ``text[a:b]`` holds any of ``needles``."""
    for needle in needles:
        if text.find(needle, a, b) >= 0:
            return True
    return False


# What ends a line of text, as against a heading, a label or a link: sentence punctuation, or
# a closing mark after it.
_LINE_ENDS: Final = frozenset(".!?…:;\"”’'")
# A longer line without an end is a paragraph cut short, not a label.
_LABEL_LINE_MAX: Final = 200


def _unended(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` ends with no sentence punctuation, or with a teaser's dots:
    "Ferry strike looms 02:11", "More on the levy..." -> True; "Reyes left." -> False."""
    while b > a and text[b - 1] in " \t\n)]":
        b -= 1
    if text.endswith(("...", "…"), a, b):
        return True
    return b > a and text[b - 1] not in _LINE_ENDS


def _label_line(text: str, pos: int) -> bool:
    """Whether offset ``pos`` lies on a short line with no sentence punctuation at its end: a
    heading, a caption, a link or a control of the page ("Advertisement Continue reading the
    main story", "Image caption Crowds at the quay", "Ferry strike looms 02:11", "More on
    the levy..."); "Reyes spoke on Monday." -> False."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    if b < 0:
        b = len(text)
    return b - a <= _LABEL_LINE_MAX and _unended(text, a, b)


def _page_sentence(doc: _Doc, kk: int, line: int) -> bool:
    """Whether sentence ``kk`` captions a photo, or is page furniture (it and its line end with
    no sentence punctuation) before the line break at ``line``, where the pronoun's own line
    begins: its words are no one a later pronoun points back to. "Reyes spoke. Hide Caption":
    "Hide Caption" is furniture, "Reyes spoke." is not, nor is a post's signature "— Ada
    Reyes (@adareyes) May 2, 2019"."""
    s, e = doc.spans[kk]
    if doc.in_caption(s):
        return True
    if doc.text.startswith(("—", "–", "-"), s):
        return False  # a post's signature: "— Ada Reyes (@adareyes) May 2, 2019"
    if (
        _holds_any(doc.text, s, e, _PROMO_NEEDS)
        and _PROMO_RE.search(doc.text, s, e) is not None
        and not doc.in_quote(s)
    ):
        return True  # "Sign up to get Harbor news in your inbox."
    return s < line and _unended(doc.text, s, e) and _label_line(doc.text, s)


# A page's call to the reader: a newsletter, a sign-up, a subscription.
_PROMO_RE: Final = re.compile(
    r"\b(?:[Yy]our inbox|[Ss]ign(?:ing)? up for|[Ss]ubscribe (?:to|now)|[Pp]rivacy [Pp]olicy)\b"
)
# What every match of _PROMO_RE holds (looked for first: the pattern is tried at every offset).
_PROMO_NEEDS: Final = ("our inbox", "up for", "ubscribe ", "rivacy ")


def _near(doc: _Doc, k: int, kk: int) -> bool:
    """Whether the subject of sentence ``kk`` may be a bare surname for a pronoun in sentence
    ``k``: the sentence just before, its subject not set off by a comma ("Reyes left. In his
    words, …" but not "Thus, the board …"; in the pronoun's own sentence, "Any delay, he
    said, …" is the reported clause's subject)."""
    subj = doc._subjects.get(kk)
    return (
        kk < k
        and kk == _frame_sentences_back(doc, k, 2)[-1]
        and subj is not None
        and subj[0] is not None
        and not doc.text.startswith(",", subj[0].end)
    )


def _one_named_person(
    doc: _Doc, canon: str, history: list[tuple[int, str, str]], *, near: bool = False
) -> bool:
    """Whether a resolved antecedent can be what "he" or "she" points at: one person the
    article names ("Ada Brennan"; "Brennan" when a full name or an honorific ends so) or one
    person a role describes ("the judge", "a spokeswoman"). Not a plural ("Analysts", "Reyes
    and Lund", "investigators"), a sentence opener read as a name ("Thus", "Hispanic"), nor
    a line in capitals ("FILE PHOTO")."""
    words = canon.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if not words or canon.isupper():
        return False
    low = [w.lower() for w in words]
    if "and" in low or "&" in low or "," in canon:
        return False
    head_at = _head_before_of_phrase(words)
    if head_at >= 0 or not any(w[0].isupper() for w in words):
        # "the judge", "a spokeswoman", "a spokesman for Lund"; not "lawyers for Lund"
        head = bare(low[head_at])
        # (a writing is no "he": "his message on the economy")
        return head in TITLES or (
            head in SPEAKER_NOUNS and head not in DOC_NOUNS and not head.endswith("s")
        )
    key = name_key(words[-1])
    if key in doc.names()["by_last"] or key in doc.genders() or key in doc.titled_surnames():
        return True
    if len(words) > 1:
        return False
    # A surname the article never writes in full: once it has been a speaker ("Reyes said"),
    # or as the subject of this or the sentence before ("Reyes left. In his words, …").
    return (near or any(c == canon for _, c, t in history if t == "person")) and _proper_word(
        doc, words[0]
    )


# Prepositions between a described person and the name of whom or where they are described:
# "a spokesman for Lund", "lawyers of the Reyes family", "senators on Capitol Hill".
_OF_PREPOSITIONS: Final = frozenset("for of to at with from on in".split())


def _head_before_of_phrase(words: list[str]) -> int:
    """Index of the lower-case noun heading a description that names someone only after a
    preposition, or -1: ["lawyers", "for", "Ford"] -> 0, ["a", "spokesman", "for", "Ivo",
    "Lund"] -> 1, ["Lawyers", "with", "a", "firm"] (opening a sentence) -> 0; ["Ivo", "Lund"],
    ["Bank", "of", "Dover"] -> -1."""
    for i in range(len(words) - 2, 0, -1):
        head = words[i - 1]
        if words[i] in _OF_PREPOSITIONS and head.isalpha():
            if head.islower() or (i == 1 and head.lower() in SPEAKER_NOUNS):
                return i - 1
    return -1


def _plural_speakers(low: str) -> bool:
    """A lower-cased word naming several speakers: "analysts", "critics" -> True; "analyst",
    "reyes", "boss" -> False."""
    return low.endswith("s") and not low.endswith("ss") and low in SPEAKER_NOUNS


def _proper_word(doc: _Doc, word: str) -> bool:
    """A capitalised word the article never writes in lower case and that is no demonym,
    common opener or plural of speakers: "Reyes", not "Thus" or "Analysts" when
    "thus"/"analysts" occur too, nor "Analysts" opening a sentence (many people, not one)."""
    low = word.lower()
    if (
        bare(low) in NOT_NAMES
        or _plural_speakers(low)
        or low in DEMONYMS
        or low in LEADING_ADVERBIALS
        or word.isupper()
        or not word.isalpha()
    ):
        return False
    return not doc.writes_in_lower_case(low)


# "said"/"says", and one capitalised word as its subject before it ("Lund said", not after a
# capitalised word: "Harbor Board said") or after it at a clause's end ("…, said Lund."). (The
# pattern opens with a literal, which the regex engine finds fast; a set of verbs would not.)
_SPEECH_VERB_RE: Final = re.compile(r"sa(?:id|ys)\b")
_SPEAKER_BEFORE_RE: Final = re.compile(r"(?<![\w’'\-])([A-Z][a-z][\w’'\-]*) \Z")
_CAP_BEFORE_RE: Final = re.compile(r"[A-Z][\w’'\-]* \Z")
_SPEAKER_AFTER_RE: Final = re.compile(r" ([A-Z][a-z][\w’'\-]*)[.,]")


def _bare_speakers(text: str) -> list[str]:
    """Single capitalised words the article writes as a speaker: "Lund said" and "…, said
    Lund." -> ["Lund", "Lund"]; "Harbor Board said" gives nothing (a name or body)."""
    out: list[str] = []
    for m in _SPEECH_VERB_RE.finditer(text):
        at = m.start()
        if at and (text[at - 1].isalnum() or text[at - 1] == "-"):
            continue  # "unsaid"
        before = _SPEAKER_BEFORE_RE.search(text, max(0, at - 40), at)
        if before is not None:
            b = before.start()
            if _CAP_BEFORE_RE.search(text, max(0, b - 30), b) is None:
                out.append(before.group(1))
        else:
            after = _SPEAKER_AFTER_RE.match(text, m.end())
            if after is not None:
                out.append(after.group(1))
    return out


# Heads of places and bodies a title word can open ("King Street", "General Assembly",
# "General Motors"), which the organisation words leave out.
_PLACE_AND_BODY_HEADS: Final = frozenset(
    "street avenue road boulevard square bridge island islands airport station stadium plaza "
    "building tower assembly motors electric dynamics".split()
)


def _titled_person(doc: _Doc, surname: str) -> bool:
    """Whether a word written after a title or as a speaker is a person's surname: "Lund" in
    "President Lund"; not a place or body ("Captain America", "Major League", "King Street")
    nor a word the article also writes in lower case ("Agent Orange" beside "orange")."""
    low = surname.lower()
    return (
        name_type(surname) == "person"
        and bare(low) not in TITLES
        and bare(low) not in NAME_SUFFIXES
        and low not in PLACES
        and low not in ORG_WORDS
        and low not in _PLACE_AND_BODY_HEADS
        and _proper_word(doc, surname)
    )


def _same_sex(gender: dict[str, str], sex: str | None, name: str) -> bool:
    """``name`` is not known to be of the other sex: from what the article writes beside the
    full name ("his wife, Ada Lund"), else from its honorifics for its surname ("Mrs. Lund"),
    else from its given name (the corpus's list: "Ada Lund")."""
    words = name_key(name).split()
    if sex is None or not words:
        return True
    known = gender.get(" ".join(words)) or gender.get(words[-1]) or _given_name_sex(name)
    return known is None or known in (sex, "?")


_FEMALE_NAMES: Final = LEX["female_given_names"]
_MALE_NAMES: Final = LEX["male_given_names"]


_CENSUS_FEMALE_NAMES: Final = LEX["census_female_given_names"]
_CENSUS_MALE_NAMES: Final = LEX["census_male_given_names"]


def _given_name_sex(name: str) -> str | None:
    """ "f" or "m" for a full name whose given name the corpus's honorifics give one sex
    ("Ada Lund" -> "f" when Ada is listed), or else nearly all its bearers in the census ("Bill
    Lund": "bill" is also a word, which the corpus's list leaves out); None for a surname alone
    or an unknown name."""
    first, _, rest = name.partition(" ")
    if not rest:
        return None
    low = first.lower()
    if low in _FEMALE_NAMES:
        return "f"
    if low in _MALE_NAMES:
        return "m"
    return "f" if low in _CENSUS_FEMALE_NAMES else "m" if low in _CENSUS_MALE_NAMES else None


def _fits(want: str, gender: dict[str, str], sex: str | None, t: str, name: str = "") -> bool:
    """A speaker of type ``t`` named ``name`` can be what a pronoun wanting ``want`` (person,
    thing, plural) refers to."""
    if want == "person":
        return t == "person" and _same_sex(gender, sex, name)
    if want == "thing":
        return t in ("organisation", "document")
    return _plural_antecedent(t, name)


# Nouns of several people without a plural "-s": "people", "the police", "the crowd".
_GROUP_NOUNS: Final = frozenset("people police staff crowd public family couple team".split())


def _plural_antecedent(t: str, name: str) -> bool:
    """Whether a speaker of type ``t`` named ``name`` can be what "they" points at: a body
    ("the Harbor Board"), several named ("Ada Lund and Ivo Reyes"), or a plural or group
    noun ("the crews", "officials", "Prosecutors" opening a sentence, "the police"). Not one
    person ("Ivo Reyes", "Mr. Lund", "a spokesman") nor one thing ("the inauguration")."""
    words = name.split()
    if not words:
        return False
    if t == "organisation" or " and " in name or "&" in name or "," in name:
        return True
    head_at = _head_before_of_phrase(words)
    if head_at >= 0:
        words = words[: head_at + 1]  # "the editors of National Review" -> "the editors"
    last = words[-1]
    head = bare(last.lower())
    if head in _GROUP_NOUNS:
        return True
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    if last.islower():
        return plural
    # A capitalised word: a name, unless a plural of speakers opening a sentence
    # ("Prosecutors say") or of bodies ("Universities").
    if head.endswith("ies"):
        return head[:-3] + "y" in ORG_WORDS
    return plural and len(words) == 1 and (head in SPEAKER_NOUNS or head[:-1] in ORG_WORDS)


def _word_end(text: str, pos: int, limit: int) -> int:
    """``pos`` moved past the rest of a word it falls inside, up to ``limit``: in
    "… Reyes said", a cut after "Rey" moves to after "Reyes"."""
    while pos < limit and text[pos].isalnum():
        pos += 1
    return pos


def _subject_mention(doc: _Doc, k: int) -> Mention | None:
    """The subject of sentence ``k``'s main clause: "Lund argued that Reyes had misled the
    board." -> Lund (the subject of a reported clause is not who the article is following)."""
    # Quotations are skipped: their words are not the subject.
    s_k, e_k = doc.spans[k]
    # A subject sits early; the window ends after a whole word ("Fauci", not "Fau").
    toks = doc.outside_toks(s_k, _word_end(doc.text, min(e_k, s_k + 140), e_k), cache=False)
    if not toks:
        return None
    m = clause_subject(doc.text, toks, len(toks), outer=True)
    if m is not None and doc.text[m.end : m.end + 1] == "/":
        return None  # "(Photo/Ada Reyes)": a credit's label is no one's subject
    return m


# "a sixth-grader named Tomas Ruiz", "a woman called Ada": a described person, then the name.
_NAMED_AFTER_RE: Final = re.compile(
    r",?[ \t]+(?:named|called)[ \t]+([A-Z][a-z][\w’'-]*(?:[ \t]+[A-Z][a-z][\w’'-]*){0,2})\b"
)


def _name_given_after(text: str, m: Mention) -> Mention | None:
    """The name a subject in lower case is given right after it, which is who the sentence
    is about (and whom a later "he" or "she" means): "a sixth-grader named Tomas spoke …" ->
    Tomas; None for a subject with a capital ("Lund named Reyes …": a verb), a name that goes
    on past a lower-case word ("a group called Right on Crime") or no such name."""
    if not m.text[:1].islower() or m.text.lower() in PRONOUNS:
        return None
    found = _NAMED_AFTER_RE.match(text, m.end)
    if found is None or _NAME_GOES_ON_RE.match(text, found.end()):
        return None  # ("a group called Right on Crime": a body's longer name)
    return Mention(found.start(1), found.end(1), found.group(1))


# Lower-case words inside a longer capitalised name: "Right on Crime", "Friends of the Earth".
_NAME_GOES_ON_RE: Final = re.compile(r"[ \t]+(?:of|on|for|and|the|in|to|at)[ \t]+[A-Z]")


def _sentence_subject(doc: _Doc, k: int, history) -> tuple[Mention | None, str | None, str | None]:
    """(mention, canonical, type) of the subject of sentence ``k``, memoised."""
    if k in doc._subjects:
        return doc._subjects[k]
    doc._subjects[k] = (None, None, None)  # guards recursion through pronoun subjects
    res: tuple[Mention | None, str | None, str | None] = (None, None, None)
    m = _subject_mention(doc, k)
    if m is not None:
        m = _name_given_after(doc.text, m) or m
        if m.text.lower() in PRONOUNS:
            canon, typ = _resolve_pronoun(doc, m, history)
        else:
            canon, typ = _canonical(doc, m, history)
        res = (m, canon, typ)
    doc._subjects[k] = res
    return res


# ---------------------------------------------------------------------------------------------
# Attribution of one quotation


@dataclass(slots=True)
class _Attr:
    mention: Mention | None
    cue: str | None
    kind: str


def _frame_toks(doc: _Doc, a: int, b: int) -> list[Tok]:
    # No quotation lies inside a frame, so its outside tokens are its tokens (and cached).
    return doc.outside_toks(a, b) if b > a else []


# Participles of stance rather than speech ("viewing X as Y") belong to the nearest clause;
# speech participles ("…, saying", "calling it") to the main clause's speaker.
# The words is_cue_at can accept: checked inline first in loops over whole sentences, where
# calling it for every token would be the most expensive step of the loop.
_CUE_WORDS: Final = CUES | {"put", "puts"}
_STANCE_ING: Final = frozenset("viewing seeing regarding considering believing treating".split())
# Texts sent in someone's name ("issued a statement saying …") and the prepositions that
# cannot precede such an object.
_PREPOSITION_WORDS: Final = frozenset(
    "of in on at for with to by from about under over into".split()
)
_SENT_TEXTS: Final = frozenset(
    "statement message letter email memo note release response tweet post".split()
)
_NOT_OBJECT_VERBS: Final = frozenset(
    "and but or nor that when while as after because if is was are were be been".split()
)
# Participles of a text passed to or seen by someone: "a memo obtained by the Courier".
_OBTAINED: Final = frozenset("obtained seen reviewed viewed received acquired".split())
# Things that display words: "a sign saying …", "T-shirts reading …".
_DISPLAYS: Final = frozenset(
    "sign signs banner banners placard placards poster posters shirt shirts t-shirt t-shirts "
    "hat hats button buttons billboard billboards sticker stickers".split()
)
# Prepositions that take a participle as object ("by calling", "after saying"): the participle
# shares the subject of the clause they hang on.
_ING_PREPS: Final = frozenset(
    "by after before while when since without despite upon through".split()
)


# A form of "be" before a participle cue makes a progressive ("is calling"), and the adverbs
# that may sit between them ("is now calling", "was already claiming").
_BE_FORMS: Final = frozenset("is are was were am been".split())
_ADVERBS_BEFORE_ING: Final = frozenset(
    "already also again now still even just not openly publicly".split()
)


def _first_tok(toks: list[Tok], m: Mention, upto: int) -> int:
    """Index of the first token of ``m`` among ``toks[:upto]`` (``m`` was read from them)."""
    return next(k for k in range(upto) if toks[k].end > m.start)


def _inverted_after(text: str, toks: list[Tok], k: int) -> Mention | None:
    """ ", said Petra Lund, an analyst …": the name after an inverted cue, only when a
    comma or the end follows it (else it is the subject of the reported clause)."""
    m = np_after(text, toks, k + 1)
    if m is None:
        return None
    first = toks[k + 1]
    if not (first.is_cap or first.low in DETERMINERS) or first.low in SUBJECT_PRONOUNS | {"that"}:
        # An inverted subject is a name or a noun phrase ("said the bakery's owner"); "said
        # he would …" and "noted that …" open the reported clause instead.
        return None
    at = next((j for j, t in enumerate(toks) if t.start >= m.end), len(toks))
    if at == len(toks):
        # A quotation right after the phrase makes it an object ("…, said the bakery's
        # notice was “…”"), not an inverted subject.
        after = text[m.end : m.end + 3].lstrip()
        return None if after[:1] in _OPENERS else m
    nxt = toks[at]
    if nxt.low == "and" and not nxt.is_cap:
        return _inverted_conjuncts(text, toks, k + 1, m)
    if nxt.low in _ADJUNCT_OPENERS and not nxt.is_cap and toks[at - 1].is_cap:
        # ", said Petra Lund in an interview": a time or place adjunct after a name (not
        # ", said the suit uses at least …", a clause)
        return m
    if nxt.is_word or nxt.text == "\u201c" or _verb_after_dashes(toks, at):
        return None
    return m


def _inverted_conjuncts(text: str, toks: list[Tok], first: int, m: Mention) -> Mention | None:
    """Two names after an inverted cue, the first ``m`` (from ``toks[first]``), joined by an
    "and": "“…,” said Lund and fellow attorney Ivo Reyes." -> both, when a comma or the end
    follows the second, or a preposition; only the second when the first is a role of the
    same person; None otherwise ("said Lund and added …")."""
    at = next((j for j in range(first, len(toks)) if toks[j].start >= m.end), len(toks))
    if at + 1 >= len(toks) or toks[at].low != "and" or toks[at].is_cap:
        return None
    second = np_after(text, toks, at + 1)
    if second is None or not name_with_role(toks[first:at]):
        return None
    end = next((j for j, t in enumerate(toks) if t.start >= second.end), len(toks))
    if not name_with_role(toks[at + 1 : end]):
        return None
    low = bare(toks[at - 1].low)
    if not toks[at + 1].is_cap and ends_a_role(low) and not low.endswith("s"):
        return second  # "said Port Commissioner and former senator Ivo Reyes": one person
    nxt = toks[end] if end < len(toks) else None
    if nxt is not None and (
        (nxt.is_word and (nxt.is_cap or nxt.low not in _PREPOSITION_WORDS)) or nxt.text == "\u201c"
    ):
        return None  # (an adjunct may follow: "said Lund and Reyes in a statement")
    return Mention(toks[first].start, second.end, text[toks[first].start : second.end])


def _verb_after_dashes(toks: list[Tok], j: int) -> bool:
    """Whether the aside set off by dashes at ``toks[j]`` is followed by the clause's verb:
    "…, said its jars — which look like lighthouses — are meant to …" -> True (the phrase is
    the subject of what was said); "…, said Lund — the harbor's chief — on Monday." -> False."""
    if toks[j].text not in ("—", "–"):
        return False
    k = next((i for i in range(j + 1, len(toks)) if toks[i].text == toks[j].text), None)
    return (
        k is not None
        and k + 1 < len(toks)
        and toks[k + 1].is_word
        and toks[k + 1].text.islower()
        and toks[k + 1].low not in _PREPOSITION_WORDS
    )


def _progressive_subject(doc: _Doc, toks: list[Tok], i: int) -> Mention | None:
    """The subject of a progressive: a finite verb with its own subject, not a participle
    hanging on the first clause.

    "…, but Brennan's campaign is already claiming “…”" -> Brennan's campaign; not when a
    reporting verb holds that clause ("Reyes said the crews were calling …").
    """
    text = doc.text
    k = i - 1
    while k > 0 and (toks[k].low in _ADVERBS_BEFORE_ING or toks[k].low.endswith("ly")):
        k -= 1
    if (
        k > 0
        and toks[k].low in _BE_FORMS
        and not any(t.low in _REPORTING and is_cue_at(toks, j) for j, t in enumerate(toks[:k]))
    ):
        return np_before(text, toks, k) or relative_subject(text, toks, k)
    return None


# Nouns of recordings whose "of X saying" shows X speaking.
_RECORDINGS: Final = frozenset(
    """video videos clip clips footage recording recordings tape tapes audio film image
    images photo photos""".split()
)


def _named_participle_subject(text: str, toks: list[Tok], i: int) -> Mention | None:
    """A name right before a participle cue after "with" (an absolute construction) or in
    a recording "of" it: the name speaks.

    "The hearing began with the Courier's Ada Reyes insisting that “…”" -> Ada Reyes;
    "Reyes showed a clip of Ben Lund saying “…”" -> Ben Lund.
    """
    k = i
    while (
        k > 0
        and toks[k - 1].is_cap
        and toks[k - 1].is_word
        and not _possessive(toks[k - 1])
        and i - k < 5
    ):
        k -= 1
    if k == i or k == 0:
        return None
    lead = _lead_before_owner(toks, k)
    if lead < 1:
        return None
    before = toks[lead - 1].low
    if before in ("with", "without") or (
        before == "of" and lead > 1 and toks[lead - 2].low in _RECORDINGS
    ):
        return mention_of(text, toks[k:i])
    return None


def _absolute_participle_subject(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The noun phrase between "with" (or "without") and a participle cue, an absolute
    construction whose participle that phrase governs, named or not.

    "The harbor film closes with a narrator saying: “…”" -> a narrator; "The board hit back,
    with its fares chief arguing that the plan “sank”" -> its fares chief. Not a
    text ("won the crews over with a speech promising “…”": its author speaks), a gerund
    ("without naming the firm paying …") or a phrase cut at "and".
    """
    k = i - 1
    while k > 0 and i - k <= 5 and toks[k].is_word and toks[k].low not in ("with", "without"):
        if (
            toks[k].low in _PREPOSITION_WORDS
            or toks[k].low in _CUE_WORDS
            or toks[k].low.endswith("ing")
        ):
            return None
        k -= 1
    if k == i - 1 or toks[k].low not in ("with", "without"):
        return None
    if k > 0 and toks[k - 1].low.rstrip("s") in _TEXT_NOUNS:
        return None  # "filed a complaint with the inspector claiming …": the complaint claims
    head = toks[i - 1].low
    if head in ("and", "or", "you") or head in _TEXT_NOUNS or head.rstrip("s") in _TEXT_NOUNS:
        return None
    return mention_of(text, toks[k + 1 : i])


def _lead_before_owner(toks: list[Tok], first: int) -> int:
    """Where the noun phrase starting at ``toks[first]`` starts with its possessive owner:
    "with [the Courier's] Ada Reyes insisting" -> the index of "the"."""
    k = first
    while k > 0 and (toks[k - 1].text in ("’", "'") or toks[k - 1].low.endswith(("'s", "’s"))):
        k -= 1
        while k > 0 and (toks[k - 1].is_cap or toks[k - 1].low in DETERMINERS) and first - k < 6:
            k -= 1
    return k


def _participle_noun_phrase(text: str, toks: list[Tok], i: int, m: Mention) -> Mention | None:
    """The participle's subject when it is the noun phrase ``m`` right before it, or the one
    who sent the text that phrase names.

    "…, with Sen. Odile Brandt calling it a “paper promise”" -> Sen. Odile Brandt;
    "Okafor released a statement saying …" -> Okafor; "Bernstein held up a sign saying
    “…”" -> a sign (words on a sign are the sign's, PolNeAR's source).
    """
    cue = toks[i]
    if toks[i - 1].low == "of":
        return None  # the -ing word is a noun: "with a little bit of bragging, “…”"
    first = _first_tok(toks, m, i)
    if first > 0 and (
        toks[first - 1].low in ("with", "without")
        # "… – Reyes saying the deal was “a start” and Okafor calling it “overdue”": a name
        # and a participle after a dash or "and"
        or (
            toks[first - 1].text in ("–", "—", "and")
            and toks[first].is_cap
            and toks[i - 1].is_word
            and m.text.lower() not in PRONOUNS
        )
    ):
        return m  # an absolute construction
    people = _people_before_participle(text, toks, i)
    if people is not None:
        return people
    if (
        first > 0
        and toks[first].low in ("a", "an")
        and toks[first - 1].text.islower()
        and toks[first - 1].low not in _PREPOSITION_WORDS
        and toks[i - 1].low in _SENT_TEXTS
    ):
        # The object, a text, carries words for its sender, who speaks.
        subj = clause_subject(text, toks, first - 1, outer=True)
        if subj is not None:
            return subj
    if toks[i - 1].low in _DISPLAYS and cue.low in ("saying", "reading"):
        # The sign's noun phrase starts at its determiner.
        d = next(
            (k for k in range(i - 2, max(first, i - 5) - 1, -1) if toks[k].low in DETERMINERS),
            i - 1,
        )
        return mention_of(text, toks[d:i])
    return None


def _people_before_participle(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The short noun phrase of people right before the participle cue ``toks[i]`` when the
    participle hangs on it (a reduced relative: the people it names speak, not the clause's
    subject): "Reyes was outshouted at the pier by a protester demanding a vote" -> a
    protester; "the port has a candidate pledging to cut the fares" -> a candidate; "but
    investors saying …" -> investors. None after a comma ("Reyes defended the levy, saying
    …"), for a name (a body may be the object the subject urged), a text ("a statement
    saying": its sender speaks), a hearer ("sent a letter to the governor asking …", "filed a
    complaint with the inspector claiming …": the text speaks for its sender), a role ("as a
    journalist writing"), a predicate ("it was a student asking"), a past verb's object ("the
    mediator scolded the skipper saying …": the subject may speak) or inside another's words
    ("Lund said the women accusing him were …")."""
    k = i  # the phrase runs back to a determiner, or to a preposition or conjunction
    while k > 0 and toks[k - 1].is_word and toks[k - 1].low not in _PHRASE_BOUNDS:
        t = toks[k - 1]
        if not t.text.islower() or t.low == "of" or i - k >= 4:
            return None  # a name's ("Wall Street executive"), a longer phrase's
        k -= 1
        if t.low in _PEOPLE_DETERMINERS:
            break
    if k == i or (toks[k].low not in _PEOPLE_DETERMINERS and not _plural_noun(toks[i - 1].low)):
        return None  # (a bare singular is a longer phrase's head: "the firm's chief executive")
    head = toks[i - 1].low
    one = head.removesuffix("s")
    if head in DOC_NOUNS or one in DOC_NOUNS or head in PRONOUNS:
        return None  # "a statement saying …": the text's sender speaks
    if not any(w in SPEAKER_NOUNS or _person_noun(w) for w in (head, one)):
        return None
    if k > 2 and toks[k - 1].low == "of" and toks[k - 2].low in _PEOPLE_DETERMINERS:
        k -= 2  # "some of the attackers saying …", "one of the riders"
    elif k > 1 and toks[k - 1].low == "of":
        return None  # "a message to a group of other doctors warning …": a longer phrase's
    before = toks[k - 1].low if k > 0 else ""
    if before in _NOT_PEOPLE_BEFORE or before in _PASSIVE_BE or before.endswith("ed"):
        return None
    if any(CUE_RULES.get(t.low, "none") not in _NO_SPEECH for t in toks[:k]):
        return None
    return mention_of(text, toks[k:i])


# Words that end the walk back to a noun phrase of people before a participle: "by a
# protester", "but investors", "and others".
_PHRASE_BOUNDS: Final = frozenset(
    "under from by with at into over against in on and or but for to despite than".split()
)
# Words before a noun phrase of people that make it no speaker of the participle after it: a
# hearer ("a letter to the governor asking"), a role ("as a journalist writing").
_NOT_PEOPLE_BEFORE: Final = frozenset("to with as".split())
# Words that open a short noun phrase of people before a participle: "a protester", "other
# lawmakers", "some residents", "two witnesses".
_PEOPLE_DETERMINERS: Final = frozenset(
    "a an the another other some many several few most all one two three dozens hundreds".split()
)


def _text_owner(text: str, toks: list[Tok], o: int) -> Mention | None:
    """The owner whose possessive at ``toks[o]`` comes before a sent text: "his letter",
    "Ada Reyes's tweet" -> his, Ada Reyes."""
    t = toks[o]
    if t.low in _POSS_WORDS:
        return Mention(t.start, t.end, t.text)
    if not _possessive(t) or not t.is_cap and t.text not in ("'", "’"):
        return None
    last = o - 1 if t.text in ("'", "’") else o
    a = last
    while a > 0 and toks[a - 1].is_cap and toks[a - 1].is_word and last - a < 3:
        a -= 1
    if a > last or not toks[a].is_cap:
        return None
    end = toks[last].end - (0 if last < o else 2)
    return Mention(toks[a].start, end, text[toks[a].start : end])


# Words that join a clause with a subject of its own after a comma: "…, but Reyes balked".
_CLAUSE_JOINERS: Final = frozenset("but yet while whereas and".split())


def _joined_clause_subject(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The subject of the last clause joined by ", but" (", yet", ", while", ", whereas",
    ", and") before the participle at ``toks[i]``, when that clause has a subject and no cue of
    its own: the participle hangs on the nearest clause, not on the sentence's first one.

    "Unions had threatened a strike, but Reyes is not sure it helps, adding, “…”" -> Reyes;
    "Council leaders thought they had a deal, but the skippers balked, saying …" -> the
    skippers. None when the joined words have no subject ("…, but defended the change,
    saying …") or when their subject names no speaker ("…, and the fares were high, adding").
    """
    c = next(
        (
            c
            for c in range(i - 2, 1, -1)
            if toks[c].low in _CLAUSE_JOINERS and toks[c - 1].text == "," and toks[c].text.islower()
        ),
        -1,
    )
    if c < 0 or any(is_cue_at(toks, k) for k in range(c + 1, i) if toks[k].low in _CUE_WORDS):
        return None
    if toks[c].low == "and" and _after_list_item(toks, c - 1):
        return None  # "the mayors of Atlanta, Savannah, and Albany are opposed": a list
    m = clause_subject(text, toks[c + 1 : i], i - c - 1, outer=True)
    if m is None or m.text.lower() in RELATIVES:
        return None
    if not (_speakerish(m, the_name=True) or _agent_head(m.text.split()[-1])):
        return None
    # a verb must follow the subject before any comma ("…, and his colleague, Ivo Brandt, …"
    # joins a second subject, not a clause)
    v = next((k for k in range(c + 1, i) if toks[k].start >= m.end), i)
    end = next((k for k in range(v, i) if toks[k].text == ","), i)
    return m if any(_finite_verb(t) for t in toks[v:end]) else None


def _after_list_item(toks: list[Tok], comma: int) -> bool:
    """Whether the comma at ``toks[comma]`` ends an item of a list of names: one to three
    capitalised words after another comma ("Atlanta, Savannah, and …")."""
    k = comma - 1
    while k >= 0 and comma - k <= 3 and toks[k].is_cap:
        k -= 1
    return k < comma - 1 and k >= 0 and toks[k].text == ","


# Finite verbs and auxiliaries the word lists know ("stood", "is", "has").
_FINITE_WORDS: Final = (
    LEX["finite_verbs"] | _BE_FORMS | frozenset("has have had will would can could".split())
)


def _finite_verb(t: Tok) -> bool:
    """Whether a lower-case word after a subject reads as its finite verb: "is", "stood",
    "balked", "goes"; not a noun ("colleague") or a comma."""
    low = t.low
    return (
        t.is_word
        and t.text.islower()
        and (
            low in _FINITE_WORDS
            or low in CUES
            or low.endswith(("ed", "n't", "n’t"))
            or (low.endswith("s") and not low.endswith("ss"))
        )
    )


def _opening_subordinate_end(toks: list[Tok], i: int) -> int:
    """The index of the comma that closes a subordinate clause opening the sentence, when the
    main clause follows it before the participle at ``toks[i]``: "After Lund argued that
    …, Reyes rebuked him, stating …" -> the comma after the subordinate clause (a cue inside
    it is no clause the participle hangs on); -1 when the sentence opens otherwise."""
    j = 0
    while j < i and toks[j].low in ("but", "and", "yet", "so"):
        j += 1
    if j >= i or toks[j].low not in _SUBORDINATORS or toks[j].low == "as":
        return -1
    comma = next((c for c in range(j + 2, i - 1) if toks[c].text == ","), -1)
    # (the main clause has a subject and a verb of its own between that comma and the
    # participle's: "…, Reyes rebuked him, stating"; not "If …, stating"; its subject is a
    # name or a pronoun: a description, "the former officer", is better read as the one the
    # subordinate clause names)
    if comma < 0 or i - comma <= 3:
        return -1
    first = toks[comma + 1]
    named = (first.is_cap and bare(first.low) not in NOT_NAMES and first.low != "the") or (
        first.low in SUBJECT_PRONOUNS
    )
    return comma if named else -1


def _coordinated_participle(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The subject of the main clause when the participle at ``toks[i]`` follows ", and" (or
    ", or") after an earlier participle set off by a comma: both add to that clause. "Lund
    backed a humble approach in her speeches, urging Oslo graduates to work hard, and telling
    the class of 2014, “…”" -> Lund (not the graduates)."""
    j = i - 1
    if j < 3 or toks[j].low not in ("and", "or") or toks[j - 1].text != ",":
        return None  # (without the comma, "saying … and adding" joins the two participles)
    for k in range(j - 2, 1, -1):
        t = toks[k]
        if t.is_word and t.text.islower() and t.low.endswith("ing") and toks[k - 1].text == ",":
            m = nearest_subject(text, toks, k - 1)
            return m if m is not None and m.end <= toks[k - 1].start else None
        if t.low in _CUE_WORDS and not t.low.endswith("ing") and is_cue_at(toks, k):
            return None  # "…, said the plan would fail and telling": that cue's clause
    return None


def _participle_of_earlier_cue(doc: _Doc, toks: list[Tok], i: int) -> Mention | None:
    """A participle takes the subject of a clause joined by ", but" (…) right before it
    (:func:`_joined_clause_subject`), else the speaker of an earlier cue in its sentence, else
    the subject of the main clause.

    "Okafor said the fares would rise, adding that …" -> Okafor; "fresh claims that Marsh
    reads …, calling him" -> the main clause's subject. A stance participle ("told Reuters
    that Turkey had vetoed …, viewing") takes the nearest subject.
    """
    text = doc.text
    joined = _joined_clause_subject(text, toks, i) or _coordinated_participle(text, toks, i)
    if joined is not None:
        return joined
    stance = toks[i].low in _STANCE_ING
    that_at = None
    for k in range(i - 1, _opening_subordinate_end(toks, i), -1):
        if toks[k].low == "that":
            that_at = k
            if stance:
                break
            continue
        if toks[k].low in ING_CUES and is_cue_at(toks, k) and toks[k - 1].is_word:
            # "with Tomas Reyes posting that … and asking, “…”"; but not "… the suit
            # a former clerk brought, alleging …, calling it": after a comma the
            # participle adds to the main clause, not to a noun's participle.
            if toks[i - 1].text == "," and toks[k - 1].low != "with":
                continue
            m = np_before(text, toks, k)
            if m is not None and m.text.lower() not in SUBJECT_PRONOUNS | {"it"}:
                return m
            continue
        if toks[k].low in _CUE_WORDS and toks[k].low not in ING_CUES and is_cue_at(toks, k):
            m = np_before(text, toks, k)
            if m is None and toks[k].low in INVERTIBLE and (k == 0 or not toks[k - 1].is_word):
                m = _inverted_after(text, toks, k)
            if m is not None:
                return m
            if stance or that_at is None:
                break
    if not stance and that_at is not None:
        return nearest_subject(text, toks, that_at + 1) or clause_subject(
            text, toks, that_at, outer=True
        )
    if not stance and i > 1 and toks[i - 1].text == ",":
        # "Brennan on Friday faulted the levy passed after months of talks among the
        # councils, saying …": a participle after a comma adds to the main clause, whose
        # subject speaks, not a noun phrase inside its object.
        m = clause_subject(text, toks, i, outer=True)
        if m is not None:
            return m
    return nearest_subject(text, toks, i) or clause_subject(text, toks, i)


def _participle_speaker(doc: _Doc, toks: list[Tok], i: int) -> Mention | None:
    """The speaker of a participle cue ("…, saying", "by slamming").

    "… a joint statement – Reyes saying he was “very encouraged”" -> Reyes (a name between
    a dash and the participle); "Okafor answered the post by calling …" -> Okafor.
    """
    text = doc.text
    m = _progressive_subject(doc, toks, i)
    if m is None:
        m = _named_participle_subject(text, toks, i)
    if m is None:
        m = _absolute_participle_subject(text, toks, i)
    if m is not None:
        return m
    k = i
    while k > 1 and toks[k - 1].is_cap and toks[k - 1].is_word and i - k < 4:
        k -= 1
    if k < i and toks[k - 1].text in ("–", "—"):
        return mention_of(text, toks[k:i])
    if i > 2 and toks[i - 1].low in _SENT_TEXTS:
        m = _text_owner(text, toks, i - 2)  # "Okafor's tweet calling for …" -> Okafor
        if m is not None:
            return m
    if i > 1:
        m = np_before(text, toks, i)
        if m is not None:
            m = _participle_noun_phrase(text, toks, i, m)
            if m is not None:
                return m
        if toks[i - 1].low in _ING_PREPS:
            # "Cyclists rode past the depot where the planners met, while chanting": the
            # participle's subject is the main clause's, not a noun phrase inside the clause
            # before it.
            return clause_subject(text, toks, i - 1, outer=True) or nearest_subject(
                text, toks, i - 1
            )
    return _participle_of_earlier_cue(doc, toks, i)


def _asked_by_agent(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The asker after "by": "Reyes was asked by moderator Dana Okafor, “…”" -> moderator
    Dana Okafor (without a following "whether", "about" …)."""
    if not (
        toks[i].low == "asked"
        and i > 0
        and i + 2 < len(toks)
        and toks[i + 1].low == "by"
        and toks[i - 1].low in ("was", "were", "is", "are", "been", "being")
    ):
        return None
    m = np_after(text, toks, i + 2)
    if m is None:
        return None
    end = next(
        (
            t.start
            for t in toks[i + 3 :]
            if m.start < t.start < m.end
            and t.low in ("whether", "if", "about", "why", "how", "what")
        ),
        m.end,
    )
    end = m.start + len(text[m.start : end].rstrip())
    return Mention(m.start, end, text[m.start : end])


def _subject_before_cue(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The noun phrase before a finite cue, past an agent or a named object.

    "A letter from the Legion obtained by The Associated Press warns …" -> A letter from the
    Legion; "Reyes shot a short film called “Low Tide”": the one who named it, not the film.
    """
    cue = toks[i]
    m = np_before(text, toks, i) or relative_subject(text, toks, i)
    if m is not None and text.endswith("by ", 0, m.start):  # (cheap test first)
        first = _first_tok(toks, m, i)
        if first > 2 and toks[first - 1].low == "by" and toks[first - 2].low in _OBTAINED:
            # The agent of the participle is no subject; the noun phrase it modifies is.
            outer_np = np_before(text, toks, first - 2)
            if outer_np is not None:
                m = outer_np
    if m is not None and cue.low in ("called", "dubbed", "named") and m.text[:2] in ("a ", "an"):
        first = _first_tok(toks, m, i)
        if (
            first > 0
            and toks[first - 1].text.islower()
            and toks[first - 1].low not in _PREPOSITION_WORDS
            and toks[first - 1].low not in _NOT_OBJECT_VERBS
        ):
            # A naming participle after the verb's object: the one who named it is the
            # clause subject, not the film.
            subj = clause_subject(text, toks, first - 1, outer=True)
            if subj is not None and subj.end < toks[first - 1].start:
                return subj
    return m


def _coordinated_subject(text: str, toks: list[Tok], i: int) -> Mention | None:
    """A verb coordinated with "and" shares the subject before it; after a speech verb, that
    verb's subject, not the subject of the clause it reports.

    "He laughed and said, “…”" -> He; "Lazar said he welcomed the ruling and added, “…”" ->
    Lazar.
    """
    j = i - 1
    while j > 1 and (toks[j].low in SKIP_BETWEEN or adverb_ly(toks[j].low)):
        j -= 1  # "… and later said", "… and then added"
    if not (j > 0 and toks[j].low == "and" and toks[j - 1].is_word):
        return None
    m = None
    for k in range(j - 1, 0, -1):
        if not toks[k].is_word:
            break  # only within the clause: "As the crowd began to chant, Lund … and joked"
        if toks[k].low in _REPORTING and is_cue_at(toks, k):
            m = np_before(text, toks, k)
            break
    if m is None:
        m = nearest_subject(text, toks, j)
    return m


def _subject_before_relative(text: str, toks: list[Tok], i: int, m: Mention) -> Mention:
    """The noun phrase ``m`` before a cue, or the subject that a relative clause without
    commas separates from the cue, when ``m`` ends that clause.

    "A harbor official who spoke to the Courier on condition of anonymity said …" -> A harbor
    official (not the Courier); "A skipper who works the night ferry said …" -> A skipper.
    """
    first = _first_tok(toks, m, i)
    for k in range(first - 1, max(0, first - 6), -1):
        t = toks[k]
        if t.low == "who" and k > 0 and toks[k - 1].is_word:
            head = np_before(text, toks, k)
            return head if head is not None and head.text.lower() not in RELATIVES else m
        if not t.is_word or t.low in _CUE_WORDS:
            return m
    return m


def _inverted_aside(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The subject after an inverted cue set off by commas right after the noun phrase that
    opens the sentence: that phrase is the subject of the main clause, and the aside's own
    subject speaks. "The paradox of Oslo, says Ivo Reyes, a historian, is that it was “…”"
    -> Ivo Reyes (not the paradox); "Giuliani, said Lund, was “a distraction”" -> Lund.

    Only when no comma comes earlier in the sentence, so that "Reyes, the chair, said Lund
    would …" (an appositive closes before the cue) is left to the other rules."""
    if not (
        2 <= i < len(toks) - 1
        and toks[i].low in INVERTIBLE
        and toks[i - 1].text == ","
        and toks[i - 2].is_word
        and not any(t.text in (",", ";", ":") for t in toks[: i - 1])
    ):
        return None
    return _inverted_after(text, toks, i)


def _finite_cue_speaker(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The speaker of a finite cue: the noun phrase before it, or after it when inverted.

    "Reyes said, “…”" -> Reyes; "Owen Marsh, who ran the ferry board, said the tram “plan
    …”" -> Owen Marsh; "“…,” said Lund." -> Lund.
    """
    m = _asked_by_agent(text, toks, i) or _inverted_aside(text, toks, i)
    if m is not None:
        return m
    m = _subject_before_cue(text, toks, i)
    if m is not None:
        m = _subject_before_relative(text, toks, i, m)
    if m is None:
        m = _coordinated_subject(text, toks, i)
    if m is None and i > 1 and toks[i - 1].text == ",":
        # The name before the appositive, not the words after the cue.
        m = _appositive_subject(text, toks, i)
    if m is None and i > 2 and toks[i - 1].low in _PERFECT_AUX and toks[i - 2].text == ",":
        # "after Reyes, asked about the fares, had said, “…”": an auxiliary between the
        # aside and the cue; the name before the aside is still the subject.
        m = _appositive_subject(text, toks, i - 1)
    if (
        m is None
        and toks[i].low in INVERTIBLE
        and (i == 0 or not toks[i - 1].is_word)
        and (i + 1 < len(toks))
    ):
        m = _inverted_after(text, toks, i)
    return m


# Participles of every cue, those that only report speech ("…, pointing to the audit") too.
_PARTICIPLE_CUES: Final = ING_CUES | frozenset(w for w in INDIRECT_CUES if w.endswith("ing"))


def _cue_speaker(doc: _Doc, toks: list[Tok], i: int) -> Mention | None:
    """The speaker of the cue at ``toks[i]``.

    A participle ("…, saying", "by slamming") has the subject of the clause it hangs on
    (:func:`_participle_speaker`); a finite cue has the noun phrase before it, or after it
    when inverted (", said Lund,"); "according to X" has X.
    """
    cue = toks[i]
    if cue.low == "according":
        return (
            np_after(doc.text, toks, i + 2)
            if i + 2 < len(toks) and toks[i + 1].low == "to"
            else None
        )
    if cue.low in _PARTICIPLE_CUES:
        return _participle_speaker(doc, toks, i)
    return _caused_speaker(doc.text, toks, i) or _finite_cue_speaker(doc.text, toks, i)


# Verbs that make their object do what the infinitive after it says: "led Lund to say".
_CAUSATIVES: Final = frozenset(
    """led leads leading prompted prompts prompting caused causes causing forced forces
    forcing drove drives driving got gets getting pushed pushes pushing inspired inspires
    inspiring moved moves spurred spurs spurring provoked provokes provoking""".split()
)


def _caused_speaker(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The object of a causative verb before "to" and the cue: it says the words, not the
    verb's subject (the event or remark that made it speak).

    "The firing led Ivo Lund to say, “…”" -> Ivo Lund; "…, causing at least one skipper to
    ask, “Since when?”" -> one skipper. Not "urged Lund to say" (asked, not done)."""
    if i < 3 or toks[i - 1].low != "to":
        return None
    k = i - 2
    while k > 0 and i - k <= 7 and toks[k].is_word and toks[k].low not in _CAUSATIVES:
        if toks[k].low in _CUE_WORDS or toks[k].low in ("to", "and", "or"):
            return None
        k -= 1
    if k == i - 2 or toks[k].low not in _CAUSATIVES:
        return None
    k += 1
    while k < i - 2 and toks[k].low in ("at", "least", "most"):
        k += 1  # "at least one skipper" -> one skipper
    return mention_of(text, toks[k : i - 1])


# Auxiliaries between an aside's closing comma and the cue: "Reyes, asked …, had said".
_PERFECT_AUX: Final = frozenset("had has have would will".split())


# Words of the addressee and time adjuncts that may follow a closing frame: "…, the Courier reported
# on Friday.", "…, Brennan said to reporters last year.", "…, Reyes added in an interview." One list
# for the fragment's trailing frame and for reported speech's: both read the same adjuncts.
_ADJUNCT_WORDS: Final = frozenset(
    """on in at to last this the a earlier recently late early week month year reporters
    journalists statement interview him her them today yesterday tonight""".split()
)


def _trailing_frame(doc: _Doc, toks: list[Tok], headline: bool) -> tuple[Mention, str] | None:
    """ "…, WKRV reported." / "…, the Herald reported in 1987.": the sentence ends with a frame."""
    end = len(toks)
    while end > 0 and not toks[end - 1].is_word:
        end -= 1
    for i in range(end - 1, max(0, end - 9), -1):
        if is_cue_at(toks, i, headline=headline) and toks[i].low not in ING_CUES:
            m = np_before(doc.text, toks, i)
            if m is None:
                return None
            first = next(j for j in range(i) if toks[j].end > m.start)
            if (
                first > 0
                and toks[first - 1].text == ","
                and (
                    all(
                        t.is_cap or t.low in _ADJUNCT_WORDS or t.text[0].isdigit()
                        for t in toks[i + 1 : end]
                    )
                    # "…, Okafor wrote in a court filing."
                    or (end - i <= 5 and toks[i + 1].low in ("in", "on", "at"))
                )
            ):
                return m, toks[i].text
            return None
    return None


def _attribute(doc: _Doc, p: _Piece, prev: _Piece | None, nxt: _Piece | None) -> _Attr:
    """The speaker of one quotation: its frame (see :func:`_frame_attr`), unless an "according
    to X" around it names a source and the frame names no speaker of its own
    (:func:`_own_speaker`): "“…,” according to Okafor." and "According to Okafor, “…”" ->
    Okafor; "“…,” Reyes said, according to Okafor." -> Reyes."""
    a = _frame_attr(doc, p, prev, nxt)
    if a.kind != "scare":
        a = _frame_before_closing_source(doc, p, prev, nxt, a)
        src = _according_frame(doc, p) or _reports_tail(doc, p)
        if src is not None and _frame_keeps_speaker(doc, p, a, src[0]):
            src = None
        if src is not None:
            return _Attr(src[0], src[1], a.kind)
        owner = (
            _speech_noun_owner(doc, p)
            if a.kind == "partial" or _opens_noun_clause(doc.text, p.open_at)
            else None
        )
        view = _in_owners_view(doc, p) if owner is None and a.cue is None else None
        if view is not None:
            return _Attr(view, None, a.kind)  # (no cue, as "in the words of X")
        if owner is not None:
            return _Attr(owner[0], owner[1], a.kind)
        poll = _poll_source(doc, a.mention) if a.mention is not None else None
        if poll is not None:
            return _Attr(poll, a.cue, a.kind)
    return a


def _frame_before_closing_source(
    doc: _Doc, p: _Piece, prev: _Piece | None, nxt: _Piece | None, a: _Attr
) -> _Attr:
    """The frame before a quotation when it has a speaker of its own (:func:`_own_speaker`)
    and ``a`` is an "according to X" closing the sentence after it: "Reyes recalled that the
    aide had “…” according to the transcript." -> Reyes (the transcript vouches for the
    report); else ``a``."""
    if a.mention is None or a.cue != "according to" or a.mention.start < p.close_end:
        return a
    f = _frame_of(doc, p, prev, nxt)
    f.in_opener = _in_subordinate_opener(f)
    inner = _speaker_before_quote(doc, f)
    if inner is None or not _own_speaker(inner):
        return a
    doc.vouchers.add(a.mention.start)
    return inner


def _frame_keeps_speaker(doc: _Doc, p: _Piece, a: _Attr, source: Mention) -> bool:
    """Whether the quotation's frame ``a`` keeps its own speaker against the ``source``
    closing its sentence after it (:func:`_own_speaker`), noting the source as a voucher."""
    if source.start < p.close_end or not _own_speaker(a):
        return False
    doc.vouchers.add(source.start)
    return True


def _own_speaker(a: _Attr) -> bool:
    """Whether a quotation's frame names who spoke it with a speech verb of its own, which
    an "according to X" or ", reports X" closing the sentence does not override: in "“…,”
    Reyes told reporters, according to the Courier." Reyes speaks and the Courier vouches
    for the report. ("According to the Courier, Reyes said “…”" opens the sentence with its
    source, which frames all of it.)"""
    return (
        a.mention is not None
        and a.cue is not None
        and a.cue.lower() not in ("according", "according to", ":")
        and a.cue.lower() in _CUE_WORDS
    )


# ", reports the Courier." / ", the Courier reported.": a news outlet closing the sentence.
_REPORTS_TAIL_RE: Final = re.compile(
    r",\s+(?:(?:reports|reported)\s+(?P<a>(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,4})"
    r"|(?P<b>(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,4})\s+(?:reports|reported))"
    r"\.?\s*$"
)


def _reports_tail(doc: _Doc, p: _Piece) -> tuple[Mention, str] | None:
    """ "“…,” said Reyes, an aide, reports the Courier." / "“…,” fans chanted, the Courier
    reports.": like "according to", the outlet closing the sentence vouches for the words
    framed before it."""
    e = doc.sent_span(max(p.close_end - 1, p.start))[1]
    if not p.closed or doc.text.find("report", p.close_end, e) < 0:
        return None  # the common case, without a regex
    g = _REPORTS_TAIL_RE.search(doc.text, p.close_end, e)
    if g is None or doc.in_quote(g.start()):
        return None
    name = "a" if g.group("a") else "b"
    who = g.group(name).rstrip(".")  # the sentence's full stop is no part of the name
    return Mention(g.start(name), g.start(name) + len(who), who), "reports"


# Nouns that name an utterance: "his warning that …", "Reyes's claim that …".
_SPEECH_NOUNS: Final = frozenset(
    """statement statements claim claims remark remarks comment comments warning warnings
    suggestion assertion insistence promise promises pledge vow call calls demand demands
    argument contention admission accusation accusations allegation allegations declaration
    announcement prediction complaint threat message""".split()
)
_SPEECH_NOUN_RE: Final = re.compile(
    r"\b(?:" + trie_pattern(_SPEECH_NOUNS | {"case", "charge", "charges", "point"}) + r")\b"
)
_POSS_WORDS: Final = frozenset("his her their its".split())
_CALL_NOUNS: Final = frozenset("call calls demand demands".split())


def _blamed_for(toks: list[Tok], k: int) -> bool:
    """Whether the owner at ``toks[k]`` follows "for"/"over", as the target of a verb of
    blame: "Lund slammed Reyes for his claims that …" -> True (the claims are Reyes's own
    words, not Lund's); "Lund said Reyes's claim that …" -> False."""
    return k > 0 and toks[k - 1].low in ("for", "over")


# Nouns a speaker "makes" a claim with, whose "that" clause is what was said: "made the case
# that", "made an explosive charge that", "repeated the point that".
_MADE_NOUNS: Final = frozenset("case charge charges point argument claim claims".split())
# Verbs that make a speech noun the subject's words: "made", "repeated", "leveled".
_MAKING_VERBS: Final = frozenset(
    """made makes making repeated repeats repeating issued issues leveled levelled levels
    renewed renews offered offers raised raises""".split()
)


def _maker_of(text: str, toks: list[Tok], k: int) -> Mention | None:
    """The subject of a verb of making before the article ``toks[k]`` of a speech noun: "Lund
    made an explosive charge that …" -> Lund; None without such a verb ("a claim that")."""
    if toks[k].low not in ("a", "an", "the") or k < 2 or toks[k - 1].low not in _MAKING_VERBS:
        return None
    m = nearest_subject(text, toks, k)
    return m if m is not None and _speakerish(m) else None


def _verbless(toks: list[Tok]) -> bool:
    """Whether the words of an adjunct after a speech noun hold no verb that would make the
    "that" after them another verb's: "her comments before a House committee that" -> True;
    "Reyes's remarks on Friday would only say that" -> False."""
    return all(t.is_word and t.low not in _FINITE_OPENERS and t.low not in _CUE_WORDS for t in toks)


def _clause_ended(rest: list[Tok]) -> bool:
    """Whether a "that" clause, whose words up to the quotation are ``rest``, has ended
    before it: a second auxiliary after its own verb group ("that Reyes had lied was
    “untrue”" -> True: the outer clause's verb; not "that Oslo would have to go to the “back
    of the queue”"); counted after the last "that", since "…, and that the fares were “…”"
    opens a clause of the same noun again."""
    last = max((k for k, t in enumerate(rest) if t.low == "that"), default=-1)
    verbs = [
        k
        for k in range(last + 1, len(rest))
        if rest[k].low in _FINITE_OPENERS
        # (one verb group: "would have to", "has not been")
        and not (k > 0 and rest[k - 1].low in _FINITE_OPENERS | {"to", "not", "never"})
    ]
    return len(verbs) > 1


def _capitalised_modifier(toks: list[Tok], n: int) -> bool:
    """Whether ``toks[n - 1]``, right before a speech noun, is a capitalised word modifying it
    after its owner: "her March comment", "Lund's Senate testimony" -> True; "Reyes's
    comment" (the owner itself) -> False."""
    if n < 2 or not toks[n - 1].is_cap or not toks[n - 1].is_word:
        return False
    if toks[n - 1].low.endswith(("’s", "'s")):
        return False
    own = toks[n - 2]
    return own.low in _POSS_WORDS or own.low.endswith(("’s", "'s"))


# "… her comment that, “…”": a whole sentence quoted as the clause of a speech noun.
_NOUN_CLAUSE_END_RE: Final = re.compile(r"\bthat\s*[,:]?\s*$")


def _opens_noun_clause(text: str, open_at: int) -> bool:
    """Whether the quotation opening at ``open_at`` comes right after "that" (and a comma or
    colon), so that a whole quoted sentence may be the clause of a speech noun before it:
    "after her March comment that, “We will close the mines.”" -> True."""
    return _NOUN_CLAUSE_END_RE.search(text, max(0, open_at - 12), open_at) is not None


def _speech_noun_owner(doc: _Doc, p: _Piece) -> tuple[Mention, str] | None:
    """The owner of a speech noun whose clause holds the quotation: "his warning that the
    pier would go to the “back of the line”" -> his, "Okafor's claim on Friday that she “never
    saw the ledger”" -> Okafor's. Only when no speech verb comes between the noun and the
    quotation (else that verb's subject speaks)."""
    s = doc.sent_span(p.open_at)[0]
    if _SPEECH_NOUN_RE.search(doc.text, max(s, p.open_at - 200), p.open_at) is None:
        return None  # the common case, without tokenizing
    toks = doc.outside_toks(s, p.open_at)
    for i in range(len(toks) - 1, max(0, len(toks) - 30), -1):
        t = toks[i]
        if t.low in _CUE_WORDS and is_cue_at(toks, i):
            return None
        if i - 1 < 1 or not (
            t.low in ("that", "to")
            # "his call for “a total ban”", "her demand for “…”": what is called for is said
            or (t.low == "for" and toks[i - 1].low in _CALL_NOUNS and i == len(toks) - 1)
            or _names_its_topic(toks, i)
        ):
            continue
        if t.low == "that" and i + 1 < len(toks) and toks[i + 1].low in _FINITE_OPENERS:
            continue  # "Lund's remarks that were found “…”": a relative clause, not the remarks
        if _clause_ended(toks[i + 1 :]):
            continue  # "Lund's claim that Reyes had lied was “untrue”": the clause has ended
        j = i - 1
        if toks[j].low not in _SPEECH_NOUNS:
            if t.low == "that" and toks[j].low in _MADE_NOUNS:
                pass  # "made the case that": owned through the verb
            else:
                # "her claim on Friday that", "his remarks during the debate that", "her
                # comments before a special House committee that": an adjunct
                k = max(0, j - 6)
                while j > k and toks[j].low not in _SPEECH_NOUNS and toks[j].is_word:
                    j -= 1
                if (
                    toks[j].low not in _SPEECH_NOUNS
                    or toks[j + 1].low not in _ADJUNCT_PREPS | {"on", "in"}
                    or not _verbless(toks[j + 2 : i])
                ):
                    continue
        n = j
        if (
            n > 0
            and not toks[n - 1].is_cap
            and toks[n - 1].low not in _POSS_WORDS
            and not _possessive(toks[n - 1])
        ):
            n -= 1  # one modifier: "his famous warning" (not the owner: "the mayor's warning")
        elif _capitalised_modifier(toks, n):
            n -= 1  # "her March comment", "Lund's Senate testimony"
        own = toks[n - 1] if n > 0 else None
        if (
            own is not None
            and not own.is_cap
            and own.low not in _POSS_WORDS
            and not _possessive(own)  # "the mayor's remarks": an owner
        ):
            art = n if toks[n].low in ("a", "an", "the") else n - 1
            maker = _maker_of(doc.text, toks, art) if t.low == "that" else None
            return (maker, toks[j].text) if maker is not None else None
        if own is None:
            return None
        owner = _owner_phrase(doc.text, toks, n)
        if owner is None or (
            not _blamed_for(toks, n - 1)
            and not _owner_as_object(toks, owner[1])
            and any(toks[k].low in _CUE_WORDS and is_cue_at(toks, k) for k in range(n - 1))
        ):
            return None  # "Lund said Reyes's claim that …": the speech verb's subject speaks
        return owner[0], toks[j].text
    return None


def _names_its_topic(toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` is an "of" or "about" after a speech noun whose short phrase runs
    into the quotation, so that the quoted words are what the noun said: "Okafor's claims
    of “fraud”", "her remark about the board's “old guard”" -> True; not "Lane's claim of
    victory was “premature”" (a verb comes between) nor "dismissed Lane's comments about the
    pier as “…”" (the dismisser's words)."""
    rest = toks[i + 1 :]
    return (
        toks[i].low in ("of", "about")
        and toks[i - 1].low in _SPEECH_NOUNS
        and len(rest) <= 4
        and all(
            (r.is_word or r.text in ("’", "'"))
            and r.low not in _FINITE_OPENERS
            and r.low not in _CUE_WORDS
            and r.low != "as"  # "dismissed Lane's comments about the pier as “…”"
            for r in rest
        )
    )


def _owner_phrase(text: str, toks: list[Tok], n: int) -> tuple[Mention, int] | None:
    """The owner that ends at ``toks[n - 1]`` ("his", "the harbor chief's") and the index of
    its first token."""
    own = toks[n - 1]
    if own.low in _POSS_WORDS:
        return Mention(own.start, own.end, own.text), n - 1
    if not (own.low.endswith(("’s", "'s")) or own.text in ("’", "'")):
        return None
    m = np_before(text, toks, n)
    k = n - 1
    if own.is_cap:
        # A name owns it: the capitalised words up to the possessive, when np_before reads
        # no phrase ("pointed to Reyes's claim") or runs on past them ("the crews for making
        # much of Reyes's"); not a capitalised sentence opener ("Regarding Lane's").
        while k > 1 and toks[k - 1].is_cap and toks[k - 1].is_word and n - k < 5:
            k -= 1
        if toks[k - 1].low == "the":
            k -= 1
    first = _first_tok(toks, m, n) if m is not None else k
    if m is not None and not any(
        t.is_word and not t.is_cap and t.low not in DETERMINERS for t in toks[first:k]
    ):
        return _unpossessed(_possessor(m)), first
    if own.is_cap:
        m = mention_of(text, toks[k:n])
    elif n > 1 and (toks[n - 2].low in ("the", "this", "that") or toks[n - 2].low in _POSS_WORDS):
        k = n - 2
        m = mention_of(text, toks[k:n])  # "made worse by the mayor's remarks", "her family's"
    else:
        m = None
    return (_unpossessed(m), k) if m is not None else None


def _unpossessed(m: Mention) -> Mention:
    """The owner without its possessive ending: "the mayor's" -> the mayor (else a plural "s"
    would read it as a group that "they" can take up)."""
    cut = 2 if m.text.endswith(("’s", "'s")) else 0
    return Mention(m.start, m.end - cut, m.text[: len(m.text) - cut])


# Verbs whose object is someone's utterance, not a clause they report: "Lund cited Reyes's
# claim that …" quotes Reyes's claim; "Lund said Reyes's claim …" and "Lund called Reyes's
# claim …" are not here (the first reports a clause, the second names the claim).
_UTTERANCE_OBJECT_VERBS: Final = frozenset(
    """cite cites cited citing mock mocks mocked mocking ridicule ridicules ridiculed
    ridiculing question questions questioned questioning dispute disputes disputed disputing
    reject rejects rejected rejecting dismiss dismisses dismissed dismissing deny denies
    denied denying echo echoes echoed echoing repeat repeats repeated repeating praise praises
    praised praising criticize criticizes criticized criticizing criticise criticises
    criticised criticising slam slams slammed slamming blast blasts blasted blasting attack
    attacks attacked attacking defend defends defended defending welcome welcomes welcomed
    welcoming challenge challenges challenged challenging refute refutes refuted refuting
    contradict contradicts contradicted contradicting debunk debunks debunked debunking
    condemn condemns condemned condemning decry decries decried decrying applaud applauds
    applauded applauding reflect reflects reflected reflecting""".split()
)
# Prepositions whose object is the owner's utterance: "pointed to Reyes's claim that …",
# "despite Okafor's promise that …".
_UTTERANCE_PREPOSITIONS: Final = frozenset(
    "to about on over against by despite regarding amid after".split()
)


def _owner_as_object(toks: list[Tok], lead: int) -> bool:
    """Whether the owner's speech noun phrase, starting at ``toks[lead]``, is the object of
    a verb of reaction or of a preposition, so that its clause is the owner's words whatever
    speech verb comes earlier: "Lund cited Reyes's claim that the levy was “fair”" and "Lund
    pointed to Reyes's claim …" -> True; "Lund said Reyes's claim …" -> False."""
    before = toks[lead - 1].low if lead > 0 else ""
    return before in _UTTERANCE_OBJECT_VERBS or before in _UTTERANCE_PREPOSITIONS


def _possessor(m: Mention) -> Mention:
    """The name that owns a speech noun, without the phrase it closes: "no evidence for
    Lund’s claim" -> Lund (the owner of the claim, not the evidence)."""
    words = m.text.split(" ")
    k = max((i for i, w in enumerate(words) if w in TIE_WORDS), default=-1)
    if k < 0 or k + 1 >= len(words) or not all(w[:1].isupper() for w in words[k + 1 :]):
        return m
    cut = len(" ".join(words[: k + 1])) + 1
    return Mention(m.start + cut, m.end, m.text[cut:])


# A share of the people asked: "31 percent of renters", "six in 10", "most", "a majority".
_SHARE_RE: Final = re.compile(
    r"\d|percent\b|\bin (?:10|ten)\b|^(?:most|many|half|a majority|majorities)\b", re.I
)
_POLL_WORDS: Final = frozenset("poll polls survey surveys".split())


@lru_cache(maxsize=NAME_CACHE)
def _is_share(speaker: str) -> bool:
    """Whether a speaker as written is a share of people (``_SHARE_RE``). Cached: every
    speaker is asked, the same names recur, and the case-blind search costs ~3 us a call."""
    return _SHARE_RE.search(speaker) is not None


def _poll_source(doc: _Doc, m: Mention) -> Mention | None:
    """The poll whose respondents the speaker ``m`` is, when ``m`` is a share of people
    (``_SHARE_RE``): "In a Courier poll released Monday, 31 percent of renters said …" ->
    "a Courier poll"; else None."""
    if not _is_share(m.text):
        return None
    s = doc.sent_span(m.start)[0]
    if not any(w in doc.text[s : m.start].lower() for w in ("poll", "survey")):
        return None  # the common case, without tokenizing
    toks = doc.outside_toks(s, m.start)
    for i in range(len(toks) - 1, -1, -1):
        if toks[i].low in _POLL_WORDS:
            j = i
            while (
                j > 0
                and i - j < 8
                and toks[j - 1].is_word
                and toks[j - 1].low not in ("in", "by", "of")
            ):
                j -= 1  # back to the poll's determiner or name: "a Harbor Courier poll"
            if toks[j].low in DETERMINERS or toks[j].is_cap:
                return mention_of(doc.text, toks[j : i + 1])
            return None
    return None


# "… said in a statement according to X": the frame's own adjunct, after which the source
# may follow without a comma.
_STATEMENT_NOUNS: Final = frozenset("statement interview release email letter".split())


# "in Marsh's view", "in her words", "in the mayor's telling": whose view the sentence gives.
_OWNERS_VIEW_RE: Final = re.compile(
    r"\b[Ii]n (?:(?P<pron>his|her|their)|(?P<who>(?:the |[A-Z][\w.-]* ){0,3}[\w-]+?)['’]s?) "
    r"(?:own )?(?P<noun>view|words|opinion|estimation|judgment|judgement|telling|account)\b"
)


_VIEW_WORDS: Final = (
    "view",
    "words",
    "opinion",
    "estimation",
    "judgment",
    "judgement",
    "telling",
    "account",
)


def _in_owners_view(doc: _Doc, p: _Piece) -> Mention | None:
    """X of "in X's view" ("in her words", "in the mayor's telling") in the quotation's
    sentence, set off by commas or ending it, when the frame names no cue: "The plan, in
    Marsh's view, is “a disaster.”" -> Marsh; "“…,” in Marsh's words." -> Marsh. Not "in the
    city's view of the port" (a thing's view)."""
    s, e = doc.sent_span(p.open_at)
    e = max(e, doc.sent_span(max(p.close_end - 1, p.start))[1])
    sentence = doc.text[s:e]
    if not any(noun in sentence for noun in _VIEW_WORDS):
        return None  # (most sentences: no regex search needed)
    for g in _OWNERS_VIEW_RE.finditer(doc.text, s, e):
        if p.open_at <= g.start() < p.close_end:
            continue  # inside the quotation
        after = doc.text[g.end() : g.end() + 2]
        if after[:1] not in (",", ".", "") and not after.startswith((" “", ' "')):
            continue
        key = "pron" if g.group("pron") else "who"
        who = g.group(key)
        if key == "pron" or who[:1].isupper() or who.startswith("the "):
            start = g.start(key)
            return Mention(start, start + len(who), who)
    return None


def _according_frame(doc: _Doc, p: _Piece) -> tuple[Mention, str] | None:
    """X (and the cue as written) of "According to X, … “…”" opening the quotation's sentence,
    or of "“…”, according to X" right after it. PolNeAR, like PARC, marks X as the source of
    the whole attribution, the quoted speaker's frame included; a quotation keeps a frame of
    its own before X (:func:`_frame_keeps_speaker`)."""
    text = doc.text
    # The common case, read without tokenizing: no "according to" near the quotation's
    # sentence start ("Now, according to X, …") or after its close ("“…,” Reyes said,
    # according to X"); str.find with bounds copies nothing.
    after = text.find("ccording to", p.close_end, p.close_end + 250)
    s = doc.sent_span(p.open_at)[0]
    if after < 0 and text.find("ccording to", s, min(p.open_at, s + 60)) < 0:
        return None
    e = doc.sent_span(max(p.close_end - 1, p.start))[1]
    toks = doc.outside_toks(s, e)  # quoted words are no frame
    for i in range(len(toks) - 2):
        if toks[i].low != "according" or toks[i + 1].low != "to":
            continue
        if toks[i].start < p.open_at:
            if not (i == 0 or (i <= 3 and toks[i - 1].text == ",")):  # "Now, according to X,"
                continue
        elif toks[i].start < p.close_end:
            continue
        elif (
            toks[i - 1].text != ","
            and text[p.close_end : toks[i].start].strip(" ,\n")
            and not (
                i > 1 and toks[i - 1].low in _STATEMENT_NOUNS and toks[i - 2].low in ("a", "the")
            )
        ):
            # After the quotation: right after it ("“…,” according to X") or after a comma,
            # past its own frame ("“…,” Reyes said, according to Okafor", or without the comma
            # after "in a statement").
            continue
        m = np_after(text, toks, i + 2) or _according_object(text, toks, i + 2)
        if m is not None:
            return m, text[toks[i].start : toks[i + 1].end]
    return None


# A byline right after a closing mark: "“…,” by the Courier's Ada Brennan".
_BYLINE_RE: Final = re.compile(r",?[ \t]+by[ \t]+(?:the[ \t]+)?[A-Z]")


@dataclass(slots=True)
class _Frame:
    """The words around one quotation that the frame rules read."""

    p: _Piece
    line_start: int  # offset of the quotation's line
    line_end: int
    pre: list[Tok]  # the sentence before the opening mark, outside other quotations
    pre_txt: str  # the text from the sentence start (or the previous quotation) to the mark
    post: list[Tok]  # the short frame after the closing mark
    post_end: int  # where the frame after the closing mark must stop
    body: str  # the quoted words without their trailing marks
    quote_last: str  # the last character of ``body``
    headline: bool
    ends_intro: bool  # nothing before the mark, or an introducing "," ":" or dash
    n_words: int  # 1, 2 or 3 (more than two)
    in_opener: bool = False  # inside a sentence-opening subordinate clause with a cue


def _post_frame_end(
    doc: _Doc,
    p: _Piece,
    prev: _Piece | None,
    nxt: _Piece | None,
    sentence_start: int,
    line_end: int,
) -> int:
    """Where the frame after a closing mark stops: the rest of the sentence, or the next
    sentence when the mark ends the sentence ("…a favour?” Reyes asked.")."""
    text = doc.text
    post_end = line_end
    last_sentence = doc.sent_index(max(p.close_end - 1, p.start))
    last_sentence_end = doc.spans[last_sentence][1]
    if last_sentence_end > p.close_end:
        post_end = min(post_end, last_sentence_end)
    elif (
        last_sentence + 1 < len(doc.spans)
        and doc.spans[last_sentence + 1][0] < line_end
        and not text[
            max(sentence_start, prev.close_end if prev else sentence_start) : p.open_at
        ].strip()
    ):
        # Only a quotation that opens its sentence takes its frame from the next one;
        # "Reyes replied: “…?” His rivals repeated …" is not the critics' quotation.
        post_end = min(post_end, doc.spans[last_sentence + 1][1])
    else:
        post_end = p.close_end  # the closing mark ends the sentence: nothing after it frames it
    if nxt and nxt.open_at < post_end:
        post_end = nxt.open_at
    return post_end


def _frame_of(doc: _Doc, p: _Piece, prev: _Piece | None, nxt: _Piece | None) -> _Frame:
    """The :class:`_Frame` of quotation ``p``."""
    text = doc.text
    line_start = text.rfind("\n", 0, p.open_at) + 1
    sentence_start = max(doc.spans[doc.sent_index(p.open_at)][0], line_start)
    # Immediate pre-frame: from the sentence start (or the previous quotation in it) to the mark.
    pre_start = (
        max(sentence_start, prev.close_end)
        if prev and prev.close_end <= p.open_at
        else sentence_start
    )
    # Cue search sees the whole sentence before the mark, minus words inside other quotations.
    pre = doc.outside_toks(sentence_start, p.open_at)
    line_end = _line_end(text, p.close_end)
    post_end = _post_frame_end(doc, p, prev, nxt, sentence_start, line_end)
    # An attribution after a quotation is short ("…,” said Sen. Ada Brennan (D-VT), who…").
    post = _frame_toks(doc, p.close_end, min(post_end, p.close_end + 160)) if p.closed else []
    if post and post[0].start == p.close_end and post[0].text == "'":
        # ''… 'old-school,''' said Okafor: the inner single mark closes after the double one
        # (the marks pair as '' + '), so the frame starts after it.
        post = post[1:]
    body = text[p.start : p.end].rstrip("’'‘\"” ")
    pre_txt = text[pre_start : p.open_at].strip()
    return _Frame(
        p,
        line_start,
        line_end,
        pre,
        pre_txt,
        post,
        post_end,
        body,
        body[-1] if body else "",
        doc.headline(line_start, line_end),
        pre_txt.endswith((",", ":", "—", "–", "-")) or not pre_txt,
        _n_words(text, p, 3),
    )


def _scare_by_layout(doc: _Doc, f: _Frame) -> _Attr | None:
    """Markup attribute values and lines that are only a quotation are no one's words.

    - ``<meta author="Ada Brennan">``: an attribute value;
    - a line "‘A hard winter’" or "“FERRY FARES RISE”" between sections: a subheading;
    - "HARBOR NOTES—“Fares to rise in May,” by the Courier's Ada Brennan": a listed headline.
    """
    text = doc.text
    p = f.p
    if f.pre_txt.endswith("="):
        return _Attr(None, None, "scare")
    if (
        p.closed
        and not text[f.line_start : p.open_at].strip()
        and not text[p.close_end : f.line_end].strip()
        and (not p.double or text[p.start : p.end].isupper())
    ):
        # A line that is nothing but a quotation in single marks, or in capitals, is a
        # subheading, not someone's words carried over from the paragraph before: news
        # quotes whole statements in double marks and in running case.
        return _Attr(None, None, "scare")
    if p.closed and _BYLINE_RE.match(text, p.close_end):
        lead = text[f.line_start : p.open_at].strip(" —–-")
        if not lead or lead.isupper():
            # A line that opens with a quotation and its byline lists an article's headline.
            return _Attr(None, None, "scare")
    return None


def _speaker_by_passive_agent(doc: _Doc, f: _Frame) -> _Attr | None:
    """Passive frames name their speaker after "by".

    "The plan was long labeled a “boondoggle” by the county's auditors." -> the county's
    auditors.
    """
    agent = _passive_agent(doc, f.pre, f.p) if f.pre else None
    if agent is None:
        return None
    return _Attr(agent[0], agent[1], "direct" if f.pre_txt.endswith((",", ":")) else "partial")


def _speaker_of_title(doc: _Doc, f: _Frame) -> _Attr | None:
    """A title after a naming word is a scare quote, or the words of the one who wrote it.

    "Reyes released a memo titled “The Facts on the Ferry”." -> Reyes;
    "The ad, entitled “Harbor Days”, ran twice." -> a scare quote.
    """
    text = doc.text
    pre = f.pre
    if not (
        pre and text[pre[-1].start : f.p.open_at].strip() == pre[-1].text and _is_title_cue(pre)
    ):
        return None
    if pre[-1].low in ("titled", "entitled") and len(pre) > 2 and pre[-2].is_word:
        # The title of a text the subject wrote is quoted from it, so the subject is its source.
        m = clause_subject(text, pre, len(pre) - 1, outer=True)
        # (not "The ad, entitled “…”" or "The report titled “…” found": the title names
        # the subject itself, so the subject must end before the titled noun)
        if (
            m is not None
            and m.end < pre[-2].start
            and (any(w[0].isupper() for w in m.text.split()) or m.text.lower() in SUBJECT_PRONOUNS)
        ):
            return _Attr(m, None, "partial")
    return _Attr(None, None, "scare")


def _scare_title_cased_name(doc: _Doc, f: _Frame) -> _Attr | None:
    """A title-cased fragment inside the writer's sentence is a name.

    "She hosts WKRV's “Harbor Hour” on Sundays." -> a scare quote; not in a headline, where
    every word is capitalised ("Brennan: Reyes’s ‘Wildly Reckless Spending’ Sinking Plan").
    """
    text = doc.text
    pre = f.pre
    if (
        not f.ends_intro
        and not f.headline
        and _title_case(f.body)
        and not (pre and pre[-1].low in ("as", "called", "calling", "calls", "a", "to"))
        # "the judge was “Mexican”", "she was “Disgraceful!”": one word after a copula is a
        # predicate, someone's characterisation, not a name.
        and not (f.n_words == 1 and pre and pre[-1].low in _COPULAS)
        # …but not right after a speech verb: a banner that reads "SAVE OUR FERRY NOW",
        # volunteers chanting “Ada! Ada!” quote words, whatever their capitals.
        and not (
            pre
            and text[pre[-1].end : f.p.open_at].strip() in ("", ",", ":")
            and pre[-1].low in CUES
            and pre[-1].low not in TITLE_CUES
            and is_cue_at(pre, len(pre) - 1, headline=f.headline)
        )
    ):
        return _Attr(None, None, "scare")
    return None


# A capitalised word, a blank, then the mark: the name a nickname in marks interrupts.
_NAME_BEFORE_MARK_RE: Final = re.compile(r"(?<![\w’'.\-])[A-Z][\w’'\-]* \Z")
# A nickname: capitalised words of letters only, no sentence of its own ("Chuy", "Mad Dog").
_NICKNAME_RE: Final = re.compile(r"[A-Z][a-z’'\-]+(?: [A-Z][a-z’'\-]+)?")


def _nickname_in_name(text: str, open_at: int, close_end: int) -> bool:
    """Whether the quotation from ``open_at`` to ``close_end`` (marks included) is one or two
    capitalised words between two words of a name: "Rep. Jesús “Chuy” Lund", "Randy “Duke”
    Reyes"; not "calls him “Crooked” Reyes", "… in Dover. “Moderate” Lund" (a sentence ends
    before it) nor "told Lund “Never.” He" (a sentence of its own)."""
    return (
        _NICKNAME_RE.fullmatch(text, open_at + 1, close_end - 1) is not None
        and text[close_end : close_end + 1] == " "
        and text[close_end + 1 : close_end + 2].isupper()
        and _NAME_BEFORE_MARK_RE.search(text, max(0, open_at - 40), open_at) is not None
    )


def _scare_nickname(doc: _Doc, f: _Frame) -> _Attr | None:
    """A nickname in marks inside a name is a scare quote (:func:`_nickname_in_name`), nobody's
    words; not in a headline, where every word is capitalised ("Reyes Calls Lund “Crooked”
    Again")."""
    p = f.p
    if f.headline or not p.closed or not _nickname_in_name(doc.text, p.open_at, p.close_end):
        return None
    return _Attr(None, None, "scare")


# Words right before a mark that say the writer, not a speaker, holds the words at a
# distance: "the so-called “reform”", "a self-styled “patriot”".
_DISTANCING_RE: Final = re.compile(
    r"(?:\bso[- ]called|\bself[- ]styled|\bso[- ]named)\s*$", re.IGNORECASE
)


def _held_at_distance(text: str, open_at: int) -> bool:
    """Whether "so-called" (or "self-styled") comes right before the mark at ``open_at``."""
    return _DISTANCING_RE.search(text, max(0, open_at - 30), open_at) is not None


def _writers_marks(text: str, open_at: int, close_end: int) -> bool:
    """Whether the writer puts these marks around words no one is quoted saying, so that
    reported speech runs on through them: "so-called" wording (:func:`_held_at_distance`) or
    a nickname inside a name (:func:`_nickname_in_name`)."""
    return _held_at_distance(text, open_at) or _nickname_in_name(text, open_at, close_end)


def _scare_so_called(doc: _Doc, f: _Frame) -> _Attr | None:
    """A word in marks after "so-called" is a scare quote, whoever speaks around it.

    "The so-called “harbor renewal” plan is on hold, the council said." -> a scare quote.
    """
    if f.ends_intro or not _held_at_distance(doc.text, f.p.open_at):
        return None
    return _Attr(None, None, "scare")


# "in the words of Ada Reyes, “…”", "to quote the mayor, “…”": the phrase names the speaker.
_WORDS_OF_RE: Final = re.compile(
    r"(?:\bin\s+the\s+(?:\w+\s+)?words\s+of|\bto\s+quote|\bto\s+borrow\s+(?:a\s+|the\s+)?"
    r"(?:phrase|line|words?)\s+(?:from|of))\s+(?P<who>[^,;:“”\"]{2,80}?),?\s*$",
    re.IGNORECASE,
)


def _speaker_in_words_of(doc: _Doc, f: _Frame) -> _Attr | None:
    """ "In the words of X", "to quote X" before the mark name the speaker.

    "The levy was, in the words of one skipper, “a tax on the tide.”" -> one skipper;
    "To quote Ada Reyes, “we are not done.”" -> Ada Reyes.
    """
    if not f.pre_txt or "words" not in f.pre_txt and "quote" not in f.pre_txt.lower():
        return None  # the common case, without a regex
    g = _WORDS_OF_RE.search(f.pre_txt[-140:])
    if g is None:
        return None
    who = g.group("who").strip(" —–-")
    start = doc.text.rfind(who, f.line_start, f.p.open_at)
    if start < 0:
        return None
    # (a phrase that opens the sentence introduces a quotation; one inside it, a fragment)
    direct = f.ends_intro and f.pre_txt[-140:][: g.start()].strip() == ""
    return _Attr(Mention(start, start + len(who), who), None, "direct" if direct else "partial")


# Verbs that name something with the quoted words: "what Reyes called “…”".
_NAMING_VERBS: Final = frozenset(
    """called calls dubbed dubs termed terms labeled labelled labels described describes
    deemed branded brands characterized characterised nicknamed""".split()
)
# Nouns whose owner holds the quoted words: "Olson's idea of “…”", "her description of the
# levy as “…”", "Reyes's phrase “…”".
_VIEW_NOUNS: Final = (
    ABSTRACT_HEADS
    | _SPEECH_NOUNS
    | frozenset(
        """description descriptions characterization characterisation definition phrase
        term label words vision notion version view account slogan motto mantra catchphrase
        portrayal plea pitch dream wish""".split()
    )
)


# Contractions that look like possessives: "it's" is "it is".
_S_CONTRACTIONS: Final = frozenset("it he she that there what who here let where how".split())


# View nouns that name the quoted words themselves: "her phrase “…”".
_LABEL_NOUNS: Final = frozenset(
    """phrase term words label slogan motto mantra catchphrase description characterization
    characterisation portrayal depiction""".split()
)
# Nouns after a fragment that make it an utterance of the owner before it: "Reyes's “not
# true” rejoinder", "Lund's “old ropes” remark".
_UTTERANCE_NOUNS: Final = (
    _SPEECH_NOUNS
    | _LABEL_NOUNS
    | frozenset(
        """speech speeches line lines quip quips rejoinder retort tweet tweets jab jabs joke
        jokes gaffe gaffes rhetoric address pitch plea refrain riff rant answer reply response
        pledge vow threat insult insults""".split()
    )
)


def _possessive(t: Tok) -> bool:
    """Whether ``t`` ends a possessive: "Reyes's", "Reyes’s", the mark of "the crews'";
    not a contraction ("It’s")."""
    if t.text in ("'", "’"):
        return True
    return t.low.endswith(("'s", "’s")) and t.low[:-2] not in _S_CONTRACTIONS


_OWNER_END_RE: Final = re.compile(r"(?:['’]s|s['’])$")
# The words of a noun phrase after a possessive: "Reyes's [national finance chairman] Tim".
_OWNED_WORDS_RE: Final = re.compile(r"\s+([\w.’'-]+)")


def possessive_end(text: str) -> int:
    """Where a mention ending in a possessive ends without it: "Ada Reyes's" -> 8, "the
    crews'" -> 9; the length of the text when it ends in none ("Reyes", "It's")."""
    words = text.split()
    if not words or _OWNER_END_RE.search(text) is None:
        return len(text)
    last = words[-1].lower()
    if last[:-2] in _S_CONTRACTIONS or (len(words) == 1 and last[:-2] in PRONOUNS):
        return len(text)
    return len(text) - (1 if text[-1] in "'’" else 2)


def owner_of_speaker(text: str, m: Mention) -> bool:
    """Whether ``m`` is a possessive that owns the subject, not the subject: "Reyes's
    [national finance chairman Tim Okafor] said", "Lund's [personal physician] prescribed",
    "House Speaker Ada Reyes's [office] sent" -> True: the noun phrase after the possessive
    names someone (an agent noun, an organisation word or a name). "Okafor's claim that …",
    "Lund's “old ropes” remark" -> False: the owner of the words speaks."""
    if possessive_end(m.text) == len(m.text):
        return False
    owned: list[str] = []
    at = m.end
    while len(owned) < 4 and (w := _OWNED_WORDS_RE.match(text, at)) is not None:
        owned.append(w.group(1).strip(".’'"))
        at = w.end()
    owned = [w for w in owned if w]
    if any(w.lower() in _VIEW_NOUNS or w.lower() in _UTTERANCE_NOUNS for w in owned):
        return False  # "the harbor police's earlier claim"
    return any(w[0].isupper() or _agent_head(w) for w in owned)


def _owner_mention(doc: _Doc, pre: list[Tok], o: int) -> Mention | None:
    """The owner whose possessive ends at ``pre[o]``: "his" or the noun phrase "Ada Reyes's"."""
    if pre[o].low in _POSS_WORDS:
        return Mention(pre[o].start, pre[o].end, pre[o].text)
    if _possessive(pre[o]):
        return np_before(doc.text, pre, o + 1)
    return None


_MODALS: Final = frozenset("might may could would should will can must shall".split())


def _what_x_called(doc: _Doc, f: _Frame) -> Mention | None:
    """ "what Reyes called “a gift”", "what the mayor described as “…”" -> the namer."""
    pre = f.pre
    k = len(pre) - 1
    if k > 0 and pre[k].low in ("a", "an", "the"):
        k -= 1
    if k > 0 and pre[k].low == "as":
        k -= 1
    if k < 2 or pre[k].low not in _NAMING_VERBS:
        return None
    w = next((j for j in range(k - 1, max(-1, k - 8), -1) if pre[j].low == "what"), None)
    if (
        w is None
        or w + 1 >= k
        or not all(t.is_word or _possessive(t) for t in pre[w + 1 : k])
        # "what is described as", "what might now be called": a passive, no namer
        or pre[w + 1].low in _PASSIVE_AUX
        or pre[w + 1].low in _MODALS
        or any(t.low in _COPULAS for t in pre[w + 1 : k])
    ):
        return None
    e = k
    while e - 1 > w + 1 and pre[e - 1].low.endswith("ly"):
        e -= 1  # "what Reyes famously called": the adverb is no part of the name
    who = pre[w + 1 : e]
    if len(who) == 1 and ("’" in who[0].text or "'" in who[0].text):
        # "what we’ve called": the pronoun without its contracted auxiliary
        t = who[0]
        cut = min(i for i in (t.text.find("’"), t.text.find("'")) if i >= 0)
        return Mention(t.start, t.start + cut, t.text[:cut]) if cut > 0 else None
    if e - w == 2 and who[0].low in SUBJECT_PRONOUNS and _has_cue_before(pre, w):
        # "Lund said she would act on what she called “…”": a pronoun inside reported
        # speech is most often its reporter, whom the frame before already names.
        return None
    return mention_of(doc.text, who)


def _has_cue_before(pre: list[Tok], k: int) -> bool:
    """Whether a speech verb comes before ``pre[k]``."""
    return any(pre[i].low in _CUE_WORDS and is_cue_at(pre, i) for i in range(k))


def _owner_of_view_noun(doc: _Doc, f: _Frame) -> Mention | None:
    """ "Olson's idea of “…”", "her description of the levy as “…”", "Reyes's phrase “…”"
    -> the owner of the noun, when no speech verb comes between the noun and the mark."""
    pre = f.pre
    if f.n_words < 2:
        return None  # "their promises of “change”": one word is the writer's irony
    for j in range(len(pre) - 1, max(0, len(pre) - 12), -1):
        t = pre[j]
        if t.low in _CUE_WORDS and is_cue_at(pre, j):
            return None
        if t.low not in _VIEW_NOUNS:
            continue
        if not (
            (j == len(pre) - 2 and pre[j + 1].low == "of")  # "Olson's idea of “…”"
            or (t.low in _LABEL_NOUNS and pre[-1].low == "as")  # "her description of it as “"
            or (j == len(pre) - 1 and t.low in _LABEL_NOUNS)  # not "Reyes's threat “insults …”"
        ):
            return None
        o = j - 1
        if o >= 1 and not (_possessive(pre[o]) or pre[o].low in _POSS_WORDS):
            o -= 1  # one modifier: "Olson's old idea of"
        return _owner_mention(doc, pre, o) if o >= 0 else None
    return None


def _owner_right_before(doc: _Doc, f: _Frame) -> Mention | None:
    """ "mocked Ada Reyes's “basket of old ropes” remark" -> Ada Reyes: a named owner right
    before a fragment of two words or more that an utterance noun follows holds the words;
    not after "that" or a speech verb ("noted that Reyes's “crews are tired”": the clause's
    speaker speaks)."""
    pre = f.pre
    if (
        f.n_words < 2
        or _title_case(f.body)  # "WKRV's “Harbor Hour”": a name
        or not _possessive(pre[-1])
        or doc.text[pre[-1].end : f.p.open_at].strip()
    ):
        return None
    m = np_before(doc.text, pre, len(pre))
    words = m.text.split() if m is not None else []
    if m is not None and not all(w[0].isupper() or w.lower() in NP_INTERNAL for w in words):
        # "Voters remember Ada Lund's “…” remark": the phrase ran past the name into the
        # verb before it; the capitalised words before the possessive are the owner.
        k = len(pre) - 1
        while k > 0 and pre[k - 1].is_word and pre[k - 1].is_cap:
            k -= 1
        m = mention_of(doc.text, pre[k:])
        words = m.text.split() if m is not None else []
    if not (
        m is not None
        and _capitalised_name(words)
        and all(w[0].isupper() or w.lower() in NP_INTERNAL for w in words)
    ):
        return None
    after = _rest_of_sentence(doc, f.p)
    if not (after and after[0].low in _UTTERANCE_NOUNS):
        return None  # "lauded Okafor's “tireless efforts”": the praise quotes the praiser
    b = next((j for j in range(len(pre) - 1, -1, -1) if pre[j].start < m.start), None)
    if (
        b is not None
        and (
            pre[b].low == "that"
            or pre[b].low in _NAMING_VERBS  # "what he called Lund's “sex tape”": the namer speaks
            or ":" in doc.text[pre[0].start : m.start]  # "As one critic put it: Lund's “…”"
            or any(
                pre[i].low in ("put", "puts")
                or (pre[i].low in _CUE_WORDS and CUE_RULES.get(pre[i].low) == "speech")
                for i in range(b + 1)
            )
        )
    ):
        return None
    return m


def _speaker_as_owner(doc: _Doc, f: _Frame) -> _Attr | None:
    """A fragment whose owner the words right before it name: "what X called “…”", "X's
    idea of “…”", "X's description of … as “…”", "Ada Reyes's “basket of old ropes”".

    "The crews mocked what Ada Reyes called “a fair fare.”" -> Ada Reyes.
    """
    if f.ends_intro or len(f.pre) < 2:
        return None
    m = _what_x_called(doc, f) or _owner_of_view_noun(doc, f) or _owner_right_before(doc, f)
    return _Attr(m, None, "partial") if m is not None else None


# Participles that describe their subject with the quoted words when passive: "the plan
# was described as “…”", "one factor is often summed up as “…”".
_DESCRIBING_PARTICIPLES: Final = frozenset(
    """described called labeled labelled dubbed termed branded characterized characterised
    summed referred known touted hailed billed credited portrayed painted cast seen regarded
    viewed considered deemed derided decried denounced condemned ridiculed mocked nicknamed
    criticized criticised praised lauded""".split()
)
_PASSIVE_AUX: Final = frozenset(
    "is was were are be been being get gets got getting has have had".split()
)


def _passive_without_agent(doc: _Doc, f: _Frame) -> _Attr | None:
    """A fragment after a passive describing verb with no "by" agent: nobody in the
    sentence is said to have said it, and its subject is what is described.

    "One factor is often summed up as “life gets in the way”." -> no speaker (a scare quote
    when short); "The plan was described as “reckless” by the auditors" has its agent
    (:func:`_speaker_by_passive_agent`).
    """
    pre = f.pre
    k = len(pre) - 1
    if f.ends_intro or k < 2:
        return None
    if pre[k].low in ("a", "an", "the"):
        k -= 1
    if k > 1 and pre[k].low in ("as", "to"):
        k -= 1
    if k > 1 and pre[k].low in ("up", "out", "down"):
        k -= 1
    if k < 1 or pre[k].low not in _DESCRIBING_PARTICIPLES:
        return None
    j = k - 1
    while j > 0 and (adverb_ly(pre[j].low) or pre[j].low in ("also", "already", "widely", "often")):
        j -= 1
    if pre[j].low not in _PASSIVE_AUX or not _ends_plainly(doc, f):
        return None
    return _Attr(None, None, "partial")


def _ends_plainly(doc: _Doc, f: _Frame) -> bool:
    """Whether no speech verb follows the fragment in its sentence ("…, she said")."""
    rest = _rest_of_sentence(doc, f.p) if f.p.closed else []
    return not any(t.low in _CUE_WORDS and is_cue_at(rest, i) for i, t in enumerate(rest))


def _in_subordinate_opener(f: _Frame) -> bool:
    """Whether the quotation sits in a sentence-opening subordinate clause with its own cue.

    "After Okafor said the levy was “a gift to landlords,” Reyes said …": the fragment is
    that clause's speaker's; the comma after it closes the clause, and what follows is the
    main clause, not a frame of the quotation.
    """
    pre = f.pre
    return (
        not f.ends_intro
        and (f.quote_last == "," or (bool(f.post) and f.post[0].text == ","))
        and _opens_subordinate(pre)
        and any(
            pre[i].low in _CUE_WORDS and is_cue_at(pre, i, headline=f.headline)
            for i in range(1, len(pre))
        )
    )


def _speaker_after_quote(doc: _Doc, f: _Frame) -> _Attr | None:
    """The frame after the closing mark.

    "“We will not wait,” added Katz." -> Katz; "“Fares rise in May,” the report notes." ->
    the report.
    """
    post = f.post
    quote_last = f.quote_last
    if f.in_opener or not post:
        return None
    if not (
        quote_last in ",?!—–-…"
        or post[0].text in (",", "—", "–")
        or (quote_last in ".:;" and len(post) <= 12 and f.ends_intro)
    ):
        return None
    m, cue = _post_frame(doc, post, f.headline, quote_last in ",?!" and f.ends_intro)
    if m is None:
        return None
    return _Attr(m, cue, "direct" if f.ends_intro else "partial")


def _rest_of_sentence(doc: _Doc, p: _Piece) -> list[Tok]:
    """The tokens from the closing mark to the end of the quotation's last sentence."""
    last_sentence = doc.sent_index(max(p.close_end - 1, p.start))
    return doc.outside_toks(p.close_end, max(p.close_end, doc.spans[last_sentence][1]))


def _speaker_in_trailing_frame(doc: _Doc, f: _Frame) -> _Attr | None:
    """A fragment in a sentence that ends with its frame.

    "The levy is “a gift to landlords,” WKRV reported." -> WKRV.
    """
    if f.ends_intro or not f.p.closed or f.in_opener:
        return None
    rest = _rest_of_sentence(doc, f.p)
    trailing = _trailing_frame(doc, rest, f.headline) if rest else None
    if trailing is None:
        return None
    return _Attr(trailing[0], trailing[1], "partial")


def _speaker_in_label(doc: _Doc, f: _Frame) -> _Attr | None:
    """A label before a colon names the speaker.

    "Councilor Reyes: “We will not wait.”" -> Councilor Reyes.
    """
    if not (f.pre and f.pre_txt.endswith(":")):
        return None
    label = _label_speaker(doc.text, f.pre)
    if label is None:
        return None
    return _Attr(label, ":", "direct" if f.ends_intro else "partial")


@dataclass(slots=True)
class _CueAt:
    """A cue word before a quotation and the speaker found for it."""

    index: int  # in the frame's ``pre`` tokens
    mention: Mention


_FINITE_OPENERS: Final = frozenset(
    "is was are were has have had will would can could should must does did".split()
)


def _quote_is_predicate(body: str) -> bool:
    """Whether quoted words open with a finite verb, so that they are the predicate of the
    clause before them: "any skipper who grumbles “was never a real sailor”" -> True;
    "“We will stay”" -> False."""
    first = body.split(maxsplit=1)[0] if body.strip() else ""
    return first in _FINITE_OPENERS


def _cue_with_speaker(doc: _Doc, f: _Frame, cue_idx: list[int]) -> _CueAt | None:
    """The nearest cue with its own subject ("Katz wrote on X, “"), else the sentence
    subject of the nearest cue ("Reyes, who chaired the board then, conceded, “")."""
    pre = f.pre
    # "…that read:" and "…, saying" have no subject, so an earlier cue ("posted") or the
    # clause subject speaks.
    predicate = _quote_is_predicate(f.body)
    for i in cue_idx:
        m = _cue_speaker(doc, pre, i)
        if m is not None and predicate and m.text.lower() in RELATIVES:
            continue  # "saying any skipper who grumbles “was never …”": a relative clause's cue
        if m is not None:
            return _CueAt(i, m)
    if cue_idx:
        # No subject before the cue, so the sentence's own subject speaks, not a subordinate
        # clause's.
        m = clause_subject(doc.text, pre, cue_idx[0], outer=True)
        if m is not None:
            return _CueAt(cue_idx[0], m)
    return None


def _main_clause_after_opener(doc: _Doc, f: _Frame, found: _CueAt) -> _Attr | None:
    """A cue in a sentence-opening subordinate clause closed by a comma: the main clause
    after it introduces the quotation, whatever its verb.

    "After Okafor criticized the levy, Reyes shot back, “We will not wait.”" -> Reyes.
    """
    pre = f.pre
    cue = found.index
    if cue >= len(pre) - 1:
        return None
    close = next((c for c in range(cue + 1, len(pre)) if pre[c].text == ","), None)
    # (Not "As the Courier reported on Friday, the levy …", "As Okafor put it, …": an
    # "as" clause with a reporting verb attributes the main clause to its subject.)
    if (
        close is not None
        and close + 1 < len(pre)
        and _opens_subordinate(pre[:close])
        and not (
            any(t.low == "as" for t in pre[:cue])
            and (
                pre[cue].low in INVERTIBLE
                or pre[cue].low in _REPORTING
                or pre[cue].low in ("put", "puts")
            )
        )
    ):
        main = clause_subject(doc.text, pre, len(pre) - 1, outer=True)
        if main is not None and main.start > pre[close].start:
            return _Attr(main, None, "direct" if f.ends_intro else "partial")
    return None


def _speaker_of_cue_before(doc: _Doc, f: _Frame, cue_idx: list[int], found: _CueAt) -> _Attr:
    """The speaker of the cue before the quotation; direct when only "," or ":" lies between.

    "Katz wrote on Friday, “We will not wait.”" -> Katz, direct; "Katz wrote that the levy
    was “a gift”." -> Katz, partial.
    """
    text = doc.text
    pre = f.pre
    i, m = found.index, found.mention
    between = text[pre[i].end : f.p.open_at].strip()
    direct = f.ends_intro and (len(between) <= 1 or between.endswith((":", ",")))
    if direct and f.pre_txt.endswith(",") and len(between) > 40 and ":" not in between:
        direct = False
    if not direct and pre[i].low not in ING_CUES:
        outer = _outer_reporter(text, pre, cue_idx, i, m)
        if outer is not None:
            i, m = outer
    if m.text.lower() in RELATIVES:
        outer = _restrictive_outer(doc, pre, cue_idx, i, m)
        if outer is not None:
            i, m = outer
        else:
            m = _restrictive_antecedent(doc, pre, m) or m
    return _Attr(m, _cue_text(text, pre, i), "direct" if direct else "partial")


def _restrictive_antecedent(doc: _Doc, pre: list[Tok], m: Mention) -> Mention | None:
    """The noun phrase a restrictive "who" (no comma before it) hangs on, when no earlier
    speech verb reports its words: "…, including one source who told the Courier that the
    mayor had “gone rogue”" -> one source."""
    k = next((k for k in range(len(pre)) if pre[k].start == m.start), -1)
    if k < 1 or not pre[k - 1].is_word:
        return None  # ", who told …": the appositive's antecedent is resolved by name
    j = k - 1
    if pre[j].is_cap:
        while j > 0 and pre[j - 1].is_cap and pre[j - 1].is_word:
            j -= 1  # a name without the appositive comma: "Ada Reyes who said"
    else:
        # back to the determiner: "one source", "a senior harbor official"
        j = next(
            (d for d in range(k - 1, max(-1, k - 6), -1) if pre[d].low in _LEADING_QUANTIFIERS),
            -1,
        )
        if j < 0 or not all(t.is_word for t in pre[j:k]):
            return None
        # "the objections of pilots who": the pilots
        of = next((x for x in range(k - 2, j, -1) if _of_after_abstract_head(pre, x)), -1)
        after = mention_of(doc.text, pre[of + 1 : k]) if of > 0 else None
        if after is not None and _agent_head(pre[k - 1].text):
            return after
    head = mention_of(doc.text, pre[j:k])
    if head is None or head.text.lower() in RELATIVES or not _speakerish(head):
        return None
    return head


def _speaker_before_quote(doc: _Doc, f: _Frame) -> _Attr | None:
    """A cue before the quotation, in the same sentence.

    "Katz wrote, “We will not wait.”" -> Katz; "When Okafor proposed the levy, Brandt shot
    back: “Never.”" -> Brandt.
    """
    pre = f.pre
    if not pre:
        return None
    cue_idx = [
        i
        for i in range(len(pre) - 1, -1, -1)
        if (pre[i].low in CUES or pre[i].low in ("put", "puts"))
        and is_cue_at(pre, i, headline=f.headline)
        and not _in_closed_aside(pre, i)
    ]
    active = [i for i in cue_idx if not _passive_without_agent_at(pre, i)]
    # A colon after a later clause introduces that clause's words ("When Reyes was asked,
    # his answer was short: “…”"); one right after the passive cue, the words put to its
    # subject ("Reyes was asked: “Will you run?”").
    colon = f.pre_txt.endswith(":") and not (cue_idx and cue_idx[0] == len(pre) - 2)
    if cue_idx and not active and not colon:
        # ("When asked about it, he answered, “…”": the main clause after the opener speaks)
        at = pre[cue_idx[0]]
        main = _main_clause_after_opener(
            doc, f, _CueAt(cue_idx[0], Mention(at.start, at.end, at.text))
        )
        return main if main is not None else _passive_frame(doc, f, cue_idx[0])
    if not colon:
        cue_idx = active
    found = _cue_with_speaker(doc, f, cue_idx)
    if found is None:
        return None
    main = _main_clause_after_opener(doc, f, found)
    if main is not None:
        return main
    if f.pre_txt.endswith(":"):
        # "He said that …, to which Councilor Reyes interjected: “…”": a later clause with
        # its own subject introduces the quotation, whatever its verb.
        later = _later_subject(doc.text, pre, found.index)
        if later is not None:
            return _Attr(later, ":", "direct" if f.ends_intro else "partial")
    return _speaker_of_cue_before(doc, f, cue_idx, found)


def _passive_frame(doc: _Doc, f: _Frame, cue: int) -> _Attr:
    """The frame of a quotation whose only cues before it are passive with no agent
    (:func:`_passive_without_agent_at`): their subject is who is spoken to or about, and the
    article does not say who spoke. (Not before a colon that a later clause ends: "When Reyes
    was asked about it, his answer was short: “…”" answers the question, and the frame is read
    as before.)

    "The ferry has been called a tale of “two harbors”", "Ada and Ivo have long been told
    that “good sailors …”", "Students were told, via email, “…”", "Lund was asked: “Will you
    run?”" -> no speaker; its cue is
    kept, so that no speaker is carried over to it from before.
    """
    between = doc.text[f.pre[cue].end : f.p.open_at].strip()
    direct = f.ends_intro and (len(between) <= 1 or between.endswith((":", ",")))
    return _Attr(None, _cue_text(doc.text, f.pre, cue), "direct" if direct else "partial")


def _passive_without_agent_at(toks: list[Tok], i: int) -> bool:
    """Whether the cue ``toks[i]`` is passive (:func:`_passive_participle`) with no "by" agent
    after it: "was called", "had been told that" -> True; "was told by the board" -> False,
    and "is quoted speaking of …", whose subject is the one quoted, -> False."""
    return _passive_participle(toks, i) and not _agent_follows(toks, i) and toks[i].low != "quoted"


def _in_closed_aside(pre: list[Tok], i: int) -> bool:
    """Whether the cue ``pre[i]`` sits in a relative clause between commas that closes before
    the quotation, its sentence going on: "He said that the levy, which some have argued was
    meant to win votes, was an “insult”" (some speak in the aside, not the quotation). Not
    "Lund, who said last week, “…”", where the comma introduces the quotation, nor "the
    report, which quoted him, and noted that “…”", where the aside goes on after "and"."""
    k = i - 1
    while k > 0 and pre[k].text != ",":
        k -= 1
    if k <= 0 or pre[k + 1].low not in ("which", "who") or k + 1 == i:
        return False
    close = next((c for c in range(i + 1, len(pre)) if pre[c].text == ","), None)
    return (
        close is not None
        and sum(t.is_word for t in pre[close + 1 :]) >= 2
        and pre[close + 1].low not in ("and", "or", "but")
    )


def _speaker_in_colon_frame(doc: _Doc, f: _Frame) -> _Attr | None:
    """No cue, but a colon or dash introduces the quotation.

    "Reyes on the levy: “A gift to landlords.”" -> Reyes; "The mayor's answer — “Never.”"
    """
    pre = f.pre
    if not pre:
        return None
    colon = _headline_colon(doc.text, pre)
    if colon is not None:
        return _Attr(colon, ":", "direct" if f.ends_intro else "partial")
    if f.pre_txt.endswith((":", "—", "–")):
        m = _colon_speaker(doc.text, pre)
        if m is not None:
            return _Attr(m, ":", "direct")
    return None


def _speaker_in_previous_paragraph(doc: _Doc, f: _Frame) -> _Attr | None:
    """The previous paragraph ends with a colon that introduces the quotation.

    "Reyes said:\\n\\n“We will not wait.”" -> Reyes; "When Lund retired, the mayor issued
    this statement:\\n\\n“…”" -> the mayor.
    """
    text = doc.text
    if f.pre_txt or f.line_start <= 0 or text[f.line_start : f.p.open_at].strip():
        return None  # (only a quotation that opens its paragraph: the colon introduces it)
    prev_line_end = f.line_start - 1
    while prev_line_end > 0 and text[prev_line_end - 1].isspace():
        prev_line_end -= 1
    if not (prev_line_end > 0 and text[prev_line_end - 1] == ":"):
        return None
    prev_sentence = doc.sent_index(prev_line_end - 1)
    toks = doc.outside_toks(doc.spans[prev_sentence][0], prev_line_end)
    for i in range(len(toks) - 1, -1, -1):
        if toks[i].low in _CUE_WORDS and is_cue_at(toks, i):
            m = _cue_speaker(doc, toks, i) or clause_subject(text, toks, i)
            if m is not None:
                return _Attr(m, _cue_text(text, toks, i), "direct")
    if toks:
        if _presents_text(toks):
            m = _presented_text_owner(text, toks)
            return None if m is None else _Attr(m, ":", "direct")
        # No speech verb: the main clause's subject introduces it, not a subordinate clause's.
        m = clause_subject(text, toks, len(toks) - 1, outer=True)
        if m is not None:
            return _Attr(m, ":", "direct")
    return None


# Adverbs of place that invert a sentence presenting a text: "Below is the memo …".
_PRESENTING_ADVERBS: Final = frozenset("below here above following attached enclosed".split())


# Participles whose agent after "by" wrote the text ("the letter signed by …"); "followed by
# an explanation" names no author.
_AUTHORED: Final = frozenset(
    "written signed sent issued released posted penned authored delivered published".split()
)


def _presents_text(toks: list[Tok]) -> bool:
    """Whether a sentence is an inverted one that presents a text: "Below is the memo …",
    "Here are the remarks …" (its first word is no subject)."""
    return (
        len(toks) >= 4
        and toks[0].low in _PRESENTING_ADVERBS
        and toks[1].low in ("is", "are", "was", "were", "’s", "'s")
    )


def _presented_text_owner(text: str, toks: list[Tok]) -> Mention | None:
    """Who wrote the text that an inverted sentence presents before a colon: its author after
    "from" or "by". "Below is the memo sent from Ada Lund:" -> Ada Lund; "Here is the key
    quote:" -> None (the quotation's own byline or the sentences around it tell)."""
    for k in range(2, len(toks) - 1):
        if toks[k].low == "from" or (toks[k].low == "by" and toks[k - 1].low in _AUTHORED):
            m = np_after(text, toks, k + 1)
            if m is not None:
                return m
    return None


def _owner_of_words(doc: _Doc, f: _Frame) -> _Attr | None:
    """The owner of the words speaks.

    "The levy was, in Okafor's words, “a gift to landlords.”" -> Okafor; "In his own words,
    “…”" -> his.
    """
    pre = f.pre
    if not (len(pre) >= 4 and pre[-1].text == "," and pre[-2].low == "words"):
        return None
    k = len(pre) - 3
    while (
        k > 0
        and pre[k].low != "in"
        and len(pre) - k < 8
        and (
            pre[k].is_cap or pre[k].low in _POSS_WORDS or pre[k].low == "own" or pre[k].text in "’'"
        )
    ):
        k -= 1
    if pre[k].low == "in" and k < len(pre) - 3:
        end = pre[-4].end if pre[-3].low == "own" else pre[-3].end
        who = Mention(pre[k + 1].start, end, doc.text[pre[k + 1].start : end])
        return _Attr(who, None, "direct" if f.ends_intro else "partial")
    return None


def _whole_sentence_quote(doc: _Doc, f: _Frame) -> _Attr | None:
    """A whole-sentence quotation: the subject of a clause that leads into it, else none
    (the caller carries a speaker over).

    "Brennan shared her doubts with the crowd, “This levy will not pass.”" -> Brennan;
    "“This levy will not pass.”" alone -> direct, no speaker here.
    """
    p = f.p
    pre = f.pre
    post_txt = doc.text[p.close_end : f.post_end].strip() if p.closed else ""
    whole = f.ends_intro and (not post_txt or post_txt[0] in ".!?" or f.quote_last in ".!?")
    if not whole or f.n_words < 3:
        return None
    if pre and pre[-1].text == ",":
        # No speech verb, but the clause that leads into the quotation has a subject, and it
        # speaks (not the speaker of an earlier quotation).
        m = clause_subject(doc.text, pre, len(pre) - 1, outer=True)
        if (
            m is not None
            and m.text.lower() not in RELATIVES
            and m.text.lower() not in CUES  # (not "Adding, “…”": a participle, no subject)
            # "Instead, “…”", "Yes, the …": a subject that runs up to the comma has no verb
            # after it, so no clause leads in; the speaker before goes on.
            and m.end < pre[-2].start
        ):
            return _Attr(m, None, "direct")
    return _Attr(None, None, "direct")  # floating: the caller carries a speaker over


def _after_as(pre: list[Tok]) -> bool:
    """Whether the quotation follows "as" or "as a(n)" ("described the plan as “reckless”")."""
    return bool(pre) and (
        pre[-1].low == "as" or (len(pre) > 1 and pre[-2].low == "as" and pre[-1].low in ("a", "an"))
    )


def _speaker_of_headline(doc: _Doc, f: _Frame) -> _Attr | None:
    """A headline that opens with a person's name puts the quoted words in that person's
    mouth, whatever the verb; else a title-cased fragment is a scare quote.

    "Ivo Reyes Blames The Rise Of Rents On ‘Reckless’ Harbor Plan" -> Ivo Reyes.
    """
    if f.headline and not f.ends_intro and f.pre:
        head_who = _headline_subject(doc, f.pre)
        if head_who is not None:
            return _Attr(head_who, None, "partial")
    if _title_case(f.body) and not f.ends_intro and not _after_as(f.pre):
        return _Attr(None, None, "scare")
    return None


# Prepositions, conjunctions and adverbs that lead into a participle clause of the subject's.
_LINKING_WORDS: Final = frozenset(
    """before after while when since by without with in on for of about from and or but then
    also again even still later first further just not only repeatedly publicly""".split()
)


def _modifies_noun(toks: list[Tok], i: int) -> bool:
    """Whether the participle cue at ``toks[i]`` modifies the noun right before it, so that
    what it reports comes after it: "dismissed as “baseless” a report alleging that …" ->
    True (the report alleges what follows, not the fragment before)."""
    if not (
        toks[i].low in ING_CUES
        and i > 1
        and toks[i - 1].is_word
        and not toks[i - 1].is_cap
        and toks[i - 1].low not in _CUE_WORDS
        and toks[i - 1].low not in _LINKING_WORDS  # "before asking", "and saying", "by noting"
        and toks[i - 1].low not in _COPULAS  # "the crew is saying"
        and toks[i - 1].low not in _PERFECT_AUX
    ):
        return False
    # (a noun phrase with its determiner: "a controversial report alleging", not "the
    # crews are saying" or "pivots to saying")
    for k in range(i - 2, max(-1, i - 5), -1):
        if toks[k].low in DETERMINERS:
            return True
        if not toks[k].is_word or toks[k].low in _LINKING_WORDS or toks[k].low in _COPULAS:
            return False
    return False


def _speaker_later_in_sentence(doc: _Doc, f: _Frame) -> _Attr | None:
    """A fragment with a cue later in its sentence.

    "The levy is “a gift to landlords” at best, she said." -> she.
    """
    if not f.p.closed:
        return None
    text = doc.text
    rest = _rest_of_sentence(doc, f.p)
    for i in range(len(rest)):
        if rest[i].low in _CUE_WORDS and _passive_participle(rest, i):
            continue  # "…, hours after the aide was charged": the aide is spoken about
        if rest[i].low in _CUE_WORDS and is_cue_at(rest, i, headline=f.headline):
            if _modifies_noun(rest, i):
                continue
            m = _cue_speaker(doc, rest, i) or clause_subject(text, rest, i)
            if m is not None:
                return _Attr(m, _cue_text(text, rest, i), "partial")
            # "“…” that would answer the request, counsel Dana Okafor wrote in a filing":
            # a subjectless verb of a relative clause; the sentence's closing frame speaks.
            trailing = _trailing_frame(doc, rest, f.headline)
            if trailing is not None:
                return _Attr(trailing[0], trailing[1], "partial")
            break
    return None


# A noun phrase that opens with a share of people, as polls count them: "58 percent of
# voters", "Sixty-nine percent", "six in 10" (not "the Act of 1968"; "Many skippers call the
# levy “a tax”" still speak).
_SHARE_OPENING_RE: Final = re.compile(r"[\w.,-]+ ?(?:%|percent\b)|\w+ in (?:10|ten)\b", re.I)


def _fragment_without_cue(doc: _Doc, f: _Frame) -> _Attr:
    """A fragment with no cue: a lower-case fragment of two words or more is the clause
    subject's words; a single word or a title-cased name is a scare quote.

    "Reyes has called the levy “a gift to landlords”." -> Reyes, partial; "the “renewal” of
    the waterfront" -> no speaker. After "as" ("described the plan as “reckless”") even one
    word is the subject's characterisation, and so is a lower-case word inside a reported
    "that" clause ("posted that his remarks were “sarcasm”").
    """
    pre = f.pre
    as_word = _after_as(pre)
    # (in news such fragments are nearly always someone's words: PolNeAR train has 325 of
    # 453 inside an attributed content)
    that_word = f.n_words == 1 and f.body[:1].islower() and any(t.low == "that" for t in pre)
    if not ((f.n_words >= 2 or as_word or that_word) and (as_word or not _title_case(f.body))):
        return _Attr(None, None, "scare")
    m = None
    if pre:
        m = _fragment_subject(doc.text, pre)
        if m is None or not _speakerish(m):
            # "Okafor has pushed the plan, urging graduates to “…”", "Reyes confided that,
            # as newcomers, the Okafors were “…”": the nearest noun phrase is no one who
            # speaks (a participle's object, a reported clause's subject), so the main
            # clause's subject does.
            m = clause_subject(doc.text, pre, len(pre), outer=True)
            if m is not None and not _speakerish(m, the_name=True):
                m = None
    share = m is not None and _SHARE_OPENING_RE.match(m.text) is not None
    if m is not None and (_it_is(pre, m) or (share and _poll_source(doc, m) is None)):
        # (a share of people, "Sixty-nine percent rated it “very positive”", is a finding:
        # the marks hold a poll's wording, the named poll's if any, no one's words)
        m = None
    return _Attr(m, None, "partial")


# Verbs that, after "it", state what something is or seems, not what anyone says.
_LINKING_AFTER_IT: Final = frozenset(
    """is was were are be been being seems seemed appears appeared remains remained looks looked
    sounds sounded means meant""".split()
)
# Words that may stand between "it" and its linking verb: "it also is", "it may not be".
_BEFORE_LINK: Final = frozenset(
    """might may could would should will can must shall also still not never always certainly
    has have had""".split()
)


def _it_is(pre: list[Tok], m: Mention) -> bool:
    """Whether the subject ``m`` of a cue-less fragment is "it" before a linking verb: an
    extraposed or descriptive clause ("It is “unfortunate” that …", "it was a long way from
    the “…”", "it might be enough to tar him with the “…” label"), whose quoted words are
    not the thing's. A verb of action keeps it ("It is suing to void the “…”")."""
    if m.text.lower() != "it":
        return False
    k = next((i for i, t in enumerate(pre) if t.start == m.start), None)
    if k is None:
        return False
    k += 1
    while k < len(pre) and (
        pre[k].low in _BEFORE_LINK or pre[k].low.endswith(("ly", "n't", "n’t"))
    ):
        k += 1
    if k >= len(pre) or pre[k].low not in _LINKING_AFTER_IT:
        return False
    k += 1
    while k < len(pre) and (pre[k].low in _BEFORE_LINK or pre[k].low.endswith("ly")):
        k += 1  # "It is also setting up …"
    nxt = pre[k].low if k < len(pre) else ""
    return not (nxt.endswith("ing") and nxt not in ("nothing", "something", "anything"))


def _frame_attr(doc: _Doc, p: _Piece, prev: _Piece | None, nxt: _Piece | None) -> _Attr:
    """Read the speaker of one quotation from the words around it: the first rule that
    recognises its frame decides.

    Order: markup, subheadings, nicknames, passive agents and titles are no one's words or their
    author's; a title-cased name is a scare quote; then the frame after the quotation
    (`` “…,” added Katz``), a trailing frame of a fragment, the frame before it (``Katz
    wrote, “``, ``…that read: “``), a colon at the end of the previous paragraph; a
    whole-sentence quotation with no frame is left for the caller to carry a speaker over; a
    fragment takes a cue anywhere in its sentence, or else is a scare quote.
    """
    f = _frame_of(doc, p, prev, nxt)
    attr = _scare_by_layout(doc, f)
    if attr is None:
        attr = _scare_nickname(doc, f)
    if attr is None:
        attr = _speaker_by_passive_agent(doc, f)
    if attr is None:
        attr = _speaker_of_title(doc, f)
    if attr is None:
        attr = _scare_title_cased_name(doc, f)
    if attr is None:
        attr = _scare_so_called(doc, f)
    if attr is None:
        attr = _speaker_in_words_of(doc, f)
    if attr is None:
        attr = _speaker_as_owner(doc, f)
    if attr is None:
        attr = _passive_without_agent(doc, f)
    if attr is not None:
        return attr
    f.in_opener = _in_subordinate_opener(f)
    attr = _speaker_after_quote(doc, f)
    if attr is None:
        attr = _speaker_in_trailing_frame(doc, f)
    if attr is None:
        attr = _speaker_in_label(doc, f)
    if attr is None:
        attr = _speaker_before_quote(doc, f)
    if attr is None:
        attr = _speaker_in_colon_frame(doc, f)
    if attr is None:
        attr = _speaker_in_previous_paragraph(doc, f)
    if attr is None:
        attr = _owner_of_words(doc, f)
    if attr is None:
        attr = _whole_sentence_quote(doc, f)
    if attr is None:
        attr = _speaker_of_headline(doc, f)
    if attr is None:
        attr = _speaker_later_in_sentence(doc, f)
    return attr if attr is not None else _fragment_without_cue(doc, f)


# Words that open a noun phrase and are capitalised only because they open the sentence.
_LEADING_QUANTIFIERS: Final = DETERMINERS | frozenset(
    "such each no every any either neither".split()
)


# Endings of nouns that name people by what they do: "the skippers", "the columnist".
_AGENT_ENDINGS: Final = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants")


# Texts whose words are quoted as their own: "The proposal would require “…”".
_TEXT_HEADS: Final = frozenset(
    """proposal plan policy bill law act agreement deal order rule regulation guidance
    guideline guidelines treaty manifesto platform budget constitution charter contract
    declaration amendment measure legislation statute paper article book petition citation
    verdict judgment judgement ruling research""".split()
)


_AGENT_WORDS: Final = SPEAKER_NOUNS | ORG_WORDS | TITLES | _TEXT_HEADS
# Nouns of texts and talks, whose words are their author's: "a speech promising …".
_TEXT_NOUNS: Final = DOC_NOUNS | _TEXT_HEADS | frozenset("speech speeches remarks language".split())


def _agent_head(word: str) -> bool:
    """Whether ``word`` (a noun phrase's last word) names someone who can speak: a speaker,
    organisation or role noun, or an agent noun ("owners", "journalists")."""
    w = word.lower().rstrip("’'")
    one = w[:-1] if w.endswith("s") else w
    known = _AGENT_WORDS
    return (
        w in known
        or one in known
        or w.endswith(_AGENT_ENDINGS)
        # "a student", "the residents"; not "the argument", "the moment"
        or (w.endswith(("ent", "ents")) and not w.endswith(("ment", "ments")))
    )


# Endings of adverbs, never of a name ("Conversely", "Notably", "Reportedly"; not "Kelly",
# "Emily", "Beverly").
_ADVERB_ENDS: Final = (
    "ally",
    "sely",
    "ously",
    "ively",
    "ingly",
    "edly",
    "ntly",
    "ctly",
    "ately",
    "ibly",
    "ably",
)


def _adverb(word: str) -> bool:
    """Whether a capitalised word is an adverb that opens a sentence ("Conversely",
    "Finally"): a word news writes in lower case, or one with an adverb's ending."""
    low = word.lower()
    return low.endswith("ly") and (low in _LOWERCASE_WORDS or low.endswith(_ADVERB_ENDS))


def _capitalised_name(words: list[str]) -> bool:
    """Whether a noun phrase is capitalised as a name, not only because it opens the
    sentence: "Reyes", "The Courier", "The skippers" -> True; "The clarion call", "Such" ->
    False."""
    if not words[0][0].isupper() or (len(words) == 1 and _adverb(words[0])):
        return False
    if words[0].lower() not in _LEADING_QUANTIFIERS:
        return True
    return any(w[0].isupper() for w in words[1:]) or (len(words) > 1 and _agent_head(words[-1]))


def _speakerish(m: Mention, *, the_name: bool = False) -> bool:
    """A noun phrase that can speak a fragment: a name, a pronoun, or a speaker noun; with
    ``the_name``, also a name after "the" (a sentence's subject, not a nearer noun phrase).
    A sentence-opening capital makes no name: "The levy's fallback position is that fares
    must be “fair”" has no speaker."""
    words = m.text.split()
    return (
        _capitalised_name(words)
        # "the NRA was whipping lawmakers against “…”"
        or (the_name and len(words) > 1 and words[0] == "the" and words[1][0].isupper())
        or m.text.lower() in RELATIVES
        or m.text.lower() in SUBJECT_PRONOUNS
        or (any(w.lower() in SPEAKER_NOUNS for w in words) and not _thing_headed(words))
    )


# Prepositions that end a noun phrase's head: "abuse by officials", "criticism from members".
_HEAD_TIES: Final = frozenset("of by from for at in on with about against among".split())
# Words that count or gather people out of the phrase after "of": "one of the officials", "a
# number of groups", "lots of people".
_COUNTING_WORDS: Final = frozenset(
    """one some many most several few all none each any both half two three four five lots
    number numbers dozens hundreds thousands millions handful majority minority couple""".split()
)
# Endings of nouns of people in the plural: "participants", "residents", "organizers".
_PEOPLE_PLURAL_RE: Final = re.compile(r"(?:ants|ents|ers|ors|ists|ians|ees)$")


def _thing_headed(words: list[str]) -> bool:
    """Whether a noun phrase's head, the word before its first tie to a prepositional phrase,
    is a lower-case noun of a thing, so that people named after the tie are not who it is:
    "abuse by senior officials", "bans on some types of lobbying"; not "a spokesman for the
    board", "participants in a focus group", "one of the officials", "a number of groups" or
    "March for Harbor organizers" (a name)."""
    k = next((i for i, w in enumerate(words) if i and w.lower() in _HEAD_TIES), 0)
    if not k:
        return False
    head = words[k - 1]
    return not (
        head[:1].isupper()
        or head.lower() in SPEAKER_NOUNS
        or head.lower() in _COUNTING_WORDS
        or _PEOPLE_PLURAL_RE.search(head.lower()) is not None
    )


_COPULAS: Final = frozenset("is was were are be been being".split())
# Conjunctions that open a subordinate clause before the main one ("After …, Reyes said").
_SUBORDINATORS: Final = frozenset(
    "after when while although though because since once before until whereas if as".split()
)


def _opens_subordinate(pre: list[Tok]) -> bool:
    """``pre`` (a sentence up to a quotation) opens with a subordinate clause still running at
    the quotation: "After Okafor said …", "But even as Reyes claimed …", with no comma, colon
    or dash that would have closed it before the mark."""
    j = 0
    while j < len(pre) and j < 2 and pre[j].low in ("but", "and", "yet", "so", "even"):
        j += 1
    if j >= len(pre) or pre[j].low not in _SUBORDINATORS or not pre[0].is_cap:
        return False
    return not any(t.text in (",", ";", ":", "—", "–", "(") for t in pre[j + 1 :])


# Verbs that report a whole clause: a quotation fragment inside it is the reporter's
# ("Okafor said Reyes called the plan “reckless”" -> Okafor, as PolNeAR reads it).
_REPORTING: Final = LEX["reporting_clause_cues"]


def _outer_reporter(
    text: str, pre: list[Tok], cue_idx: list[int], i: int, m: Mention
) -> tuple[int, Mention] | None:
    """The cue and speaker of a reporting clause that holds the clause of cue ``i``."""
    for i2 in cue_idx:
        if i2 >= i or pre[i2].low not in _REPORTING or pre[i2].end > m.start:
            continue
        if any(c in _OPENERS or c in "”’" for c in text[pre[i2].end : m.start]):
            continue  # "21 percent said “…” and 14 percent said": a statement of its own
        m2 = np_before(text, pre, i2) or relative_subject(text, pre, i2)
        if m2 is None:
            continue
        # The inner clause must be the reporting verb's complement: nothing but its words
        # (no ";", ":" or a comma before the inner subject) between the two.
        gap = [t for t in pre[i2 + 1 :] if t.end <= m.start]
        if (
            len(gap) >= 3
            and gap[0].text == ","
            and gap[1].low in _SUBORDINATORS
            and gap[-1].text == ","
        ):
            # "She said, if elected, she would …": a conditional or time clause set off by
            # commas right after the verb opens its complement; it closes no statement.
            gap = gap[2:-1]
        if any(t.text in (";", ":", ",", "(", ")", "—", "–") for t in gap) or (
            gap and gap[-1].low in ("and", "but", "or", "while", "whereas")
        ):
            continue
        if len(gap) > 12:
            continue
        return i2, m2
    return None


def _restrictive_outer(
    doc: _Doc, pre: list[Tok], cue_idx: list[int], i: int, m: Mention
) -> tuple[int, Mention] | None:
    """ "Reyes is disavowing remarks by an aide who said …“…”": a restrictive relative clause
    (no comma before "who") inside the object of an earlier speech verb; that verb's subject
    reports the words, as PolNeAR reads nested speech."""
    k = next((k for k in range(i - 1, -1, -1) if pre[k].start <= m.start < pre[k].end), -1)
    if k < 1 or not pre[k - 1].is_word:
        return None  # ", who said": an appositive relative is its antecedent's own statement
    for i2 in cue_idx:
        if i2 >= k or (
            # (a participle has no subject of its own, unless "is asking": a finite verb)
            pre[i2].low in ING_CUES and (i2 == 0 or pre[i2 - 1].low not in _BE_FORMS)
        ):
            continue
        if any(not t.is_word and t.text not in "-–'’&" for t in pre[i2 + 1 : k]):
            break  # "While Okafor condemned it, the groups who wrote …": another clause
        m2 = _cue_speaker(doc, pre, i2)
        if m2 is not None and m2.end <= pre[i2].start and m2.text.lower() not in RELATIVES:
            return i2, m2
    return None


# Past participles of naming and judging whose agent ("by X") says the quoted words.
_PASSIVE_CUES: Final = LEX["passive_naming_cues"]
_AS_WORDS: Final = frozenset(["as", "a", "an", "the", ","])


def _passive_agent(doc: _Doc, pre: list[Tok], p: _Piece) -> tuple[Mention, str] | None:
    """The agent of a passive naming frame around a quotation: "<participle> by X (as) “…”" or
    "<participle> (as) “…” by X"."""
    text = doc.text
    if (
        "by " not in text[max(0, p.open_at - 90) : p.open_at]
        and "by " not in text[p.close_end : p.close_end + 5]
    ):
        return None  # cheap test first: most quotations have no "by" near them
    n = len(pre)
    # "<participle> by X as a “…”": nothing but "as"/an article between X and the mark.
    for b in range(n - 2, max(0, n - 12), -1):
        if pre[b].low != "by":
            continue
        if b == 0 or pre[b - 1].low not in _PASSIVE_CUES:
            return None
        m = np_after(text, pre, b + 1)
        if m is None or not (pre[b + 1].is_cap or pre[b + 1].low in DETERMINERS):
            return None
        rest = [t for t in pre if t.start >= m.end]
        if all(t.low in _AS_WORDS for t in rest):
            return m, pre[b - 1].text
        return None
    # "<participle> (as) (a) “…” by X": the participle ends the frame before the mark.
    k = n - 1
    while k > 0 and pre[k].low in _AS_WORDS:
        k -= 1
    if pre[k].low not in _PASSIVE_CUES or n - 1 - k > 2 or not p.closed:
        return None
    post = doc.outside_toks(p.close_end, min(len(text), p.close_end + 120))
    j = 1 if post and post[0].text == "," else 0
    if j + 1 >= len(post) or post[j].low != "by":
        return None
    if not (post[j + 1].is_cap or post[j + 1].low in DETERMINERS):
        return None
    m = np_after(text, post, j + 1)
    return (m, pre[k].text) if m is not None else None


def _label_speaker(text: str, pre: list[Tok]) -> Mention | None:
    """ "Observers concur - Priya Nandakumar: “": a short capitalised name between a dash and the
    colon that ends ``pre`` labels the quotation that follows, whatever cue came before."""
    end = len(pre) - 1  # the colon
    k = end
    while (
        k > 0
        and end - k < 8
        and (
            pre[k - 1].is_cap
            or (pre[k - 1].low in ("and", "&", "of") and k < end and pre[k].is_cap)
        )
    ):
        k -= 1
    if k == end or k == 0 or bare(pre[k].low) in NOT_NAMES:
        return None
    if pre[k - 1].text not in ("-", "—", "–"):
        return None
    return well_formed_mention(text, pre[k].start, pre[end - 1].end)


def _later_subject(text: str, pre: list[Tok], i: int) -> Mention | None:
    """The subject of a clause after the cue at ``i`` and a comma or semicolon, when a verb
    follows it ("…, to which Councilor Reyes interjected", "…, Brandt shot back sharply")."""
    ns = nearest_subject(text, pre, len(pre))
    if ns is None or ns.start <= pre[i].end:
        return None
    between = [t for t in pre[i + 1 :] if t.end <= ns.start]
    if not any(t.text in (",", ";") for t in between) and not (
        # "Reyes said both rivals are “empty suits,” but he gave Okafor a compliment: “…”":
        # the comma sat inside the quotation; "but" still opens a clause of its own.
        between and between[-1].low in ("but", "yet")
    ):
        return None
    if ns.text.lower() in RELATIVES:
        return None
    return ns


def _fragment_subject(text: str, pre: list[Tok]) -> Mention | None:
    """The subject of the clause a cue-less fragment sits in: the nearest noun phrase followed
    by a verb ("…, and he declared the new pier “a triumph.”" -> he), or a relative pronoun
    ("Ilse Varga, who cast him as “the valley's bookkeeper”" -> who) when that is nearer."""
    near = nearest_subject(text, pre, len(pre))
    for k in range(len(pre) - 2, 0, -1):
        if near is not None and pre[k].start < near.start:
            break
        t = pre[k]
        if (
            t.low in RELATIVES
            and pre[k + 1].is_word
            and not pre[k + 1].is_cap
            and (pre[k - 1].text in (",", ")") or pre[k - 1].is_cap)
        ):
            return Mention(t.start, t.end, t.text)
    return near


def _opens_role(post: list[Tok], j: int, i: int) -> bool:
    """Whether ``post[j:i]`` is a role phrase that a name between commas may follow: it opens
    with a determiner ("the county's top engineer", "her spokesman") or holds a possessive
    name ("Lund's campaign manager", "Harbor Board’s chair")."""
    return post[j].low in DETERMINERS or any(
        x.is_cap and x.low.endswith(("'s", "’s")) for x in post[j:i]
    )


def _role_then_name(
    text: str, post: list[Tok], i: int, headline: bool
) -> tuple[Mention | None, str | None] | None:
    """A role, the name between commas, then the cue: the name speaks.

    "“We will not wait!” the county's top engineer, Dana Okafor, tweeted." -> Dana Okafor.
    """
    second_comma = next(
        (c for c in range(i + 2, min(len(post) - 1, i + 7)) if post[c].text == ","), None
    )
    if second_comma is not None and is_cue_at(post, second_comma + 1, headline=headline):
        m = np_before(text, post, second_comma)
        if m is not None and m.start >= post[i + 1].start and m.text[0].isupper():
            return m, _cue_text(text, post, second_comma + 1)
    return None


def _describes_quotation(post: list[Tok], j: int, i: int) -> bool:
    """Whether the words after a closing mark up to the cue word ``post[i]`` are a noun
    phrase describing the quotation, with a participle of its own, not a speaker and a verb:
    "“…,” a jab at the mayor recalling that …", "“…,” a line seized on by
    rivals", "“…,” a phrase coined by Lund"."""
    if i == j or post[j].low not in ("a", "an", "another"):
        return False
    return post[i].low in ING_CUES or _participle_with_agent(post, i)


def _participle_with_agent(toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` is a past participle with its agent after it ("seized on by",
    "coined by"): the noun phrase before it is what was done, not a subject."""
    nxt = [x.low for x in toks[i + 1 : i + 3]]
    return toks[i].low.endswith("ed") and (
        nxt[:1] == ["by"] or nxt == ["upon", "by"] or nxt == ["on", "by"]
    )


def _cue_after_quote(
    doc: _Doc, post: list[Tok], j: int, headline: bool, comma_end: bool
) -> tuple[Mention | None, str | None] | None:
    """A cue among the first words after the closing mark, with its subject before or after
    it; None when the first words hold no cue.

    "“We will not wait,” added Katz." -> Katz; "“Fares rise in May,” the report notes." ->
    the report; "“…” — an issue Greens have struggled with": no frame, (None, None).
    """
    text = doc.text
    for i in range(j, min(len(post), j + 9)):
        t = post[i]
        if not t.is_word and t.text not in "-–'’&":
            if t.text == "(":
                continue
            if t.text == "," and i > j and _opens_role(post, j, i):
                named = _role_then_name(text, post, i, headline)
                if named is not None:
                    return named
            return None
        if not (
            is_cue_at(post, i, headline=headline)
            # "“…,” a narrator in the ad states.": after a comma-ended quotation and a noun
            # phrase, "states" is the verb, not the plural noun it mostly is.
            # ("… in a swing state told": a base form after "a" is the noun)
            or (
                comma_end
                and i > j
                and t.low in ("state", "states")
                and t.text.islower()
                and not _base_form_after_article(post, i)
            )
        ) or t.low in TITLE_CUES - {"called"}:
            continue
        if t.low == "according":
            m = np_after(text, post, i + 2) if i + 2 < len(post) else None
        elif i == j and t.low in ING_CUES:
            # "“…,” adding that Norvane had …": a participle is never inverted; its
            # subject is the speaker of the frame before the quotation.
            return None, None
        elif _describes_quotation(post, j, i):
            return None, None
        elif i == j:
            m = np_after(text, post, i + 1)
            if m is not None:
                m = _inverted_conjuncts(text, post, i + 1, m) or m
            if m is not None and _clause_subject_after(post, m):
                return None  # "“reckless,” said the fares would rise": no inverted frame
            if m is not None and t.low not in INVERTIBLE:
                # "“…,” described the ordeal as …": a verb that is never inverted takes
                # an object here, not its subject.
                nx = next((x for x in post if x.start >= m.end), None)
                if nx is not None and nx.low in ("as", "to", "that"):
                    m = None
        elif post[0].text in ("—", "–") and not all(
            x.is_cap or x.low in SUBJECT_PRONOUNS for x in post[j:i]
        ):
            # After a dash a noun phrase describes the quotation; only a name or pronoun
            # and a cue frame it.
            return None, None
        else:
            m = np_before(text, post, i, loose=True)
        if m is not None:
            return m, _cue_text(text, post, i)
        return None, None
    return None


def _clause_subject_after(post: list[Tok], m: Mention) -> bool:
    """Whether the noun phrase ``m`` after a cue is the subject of a clause, an auxiliary
    following it: "said the fares would rise" (the cue's content) -> True; "said the mayor,
    who …" or "said Reyes." (an inverted speaker) -> False."""
    nx = next((x for x in post if x.start >= m.end), None)
    return nx is not None and not nx.is_cap and nx.low in _AUXILIARIES


def _capitalised_run(post: list[Tok], j: int, most: int) -> int:
    """The token after the capitalised words (and dots) from ``post[j]``, at most ``most``."""
    k = j
    while k < len(post) and k < j + most and (post[k].is_cap or post[k].text == "."):
        k += 1
    return k


_SHORT_SUBJECTS: Final = frozenset(["he", "she", "they", "it", "we", "i"])
_NP_PREPOSITIONS: Final = frozenset("to of for about with on in at from".split())


def _subject_then_unlisted_verb(
    doc: _Doc, post: list[Tok], j: int, comma_end: bool
) -> tuple[Mention | None, str | None] | None:
    """A name, a pronoun or a short descriptive subject, then a verb no cue list holds.

    "“We will not wait,” Bennett shot back." -> Bennett; "“We stay!” beamed Hugo Hartley."
    -> Hugo Hartley; "“Look at that,” an old fisherman muttered." -> an old fisherman.
    """
    text = doc.text
    k = _capitalised_run(post, j, 5)
    if (
        k > j
        and k < len(post)
        and post[k].is_word
        and post[k].text.islower()
        and (post[k].low not in _NOT_VERBS and post[k].low not in NP_INTERNAL)
        and (bare(post[j].low) not in NOT_NAMES)
        and comma_end
    ):
        m = well_formed_mention(text, post[j].start, post[k - 1].end)
        return (m, None) if m is not None else None
    if (
        j + 1 < len(post)
        and post[j].text.islower()
        and post[j].low.endswith("ed")
        and (post[j + 1].is_cap)
    ):
        m = np_after(text, post, j + 1)
        if m is not None:
            return m, post[j].text
    if j == k and j < len(post) and post[j].low in _SHORT_SUBJECTS:
        k = j + 1
    elif j == k and j < len(post) and post[j].low in DETERMINERS and post[0].text not in "—–":
        # (after a dash, a noun phrase describes the quotation instead: "“…” — an issue
        # Greens have …")
        k = j + 1
        while (
            k < len(post)
            and k < j + 4
            and post[k].is_word
            and post[k].low not in CUES
            and not (post[k].low.endswith("ed") and k > j + 1)
        ):
            k += 1
    if (
        k > j
        and k < len(post)
        and post[k].text.islower()
        and post[k].low.endswith(("ed", "s"))
        and (post[k].low not in _NOT_VERBS)
        # ("“…,” a nod to his changes of position": after a determiner a noun, no verb; "“…,”
        # a reference to backup generators that …": a subject with a preposition in it
        # takes a listed cue)
        and post[k - 1].low not in DETERMINERS
        and not any(x.low in _NP_PREPOSITIONS and not x.is_cap for x in post[j + 1 : k])
        and not _participle_with_agent(post, k)
        and (k + 1 == len(post) or not post[k + 1].is_cap)
        and (
            bare(post[j].low) not in NOT_NAMES
            or post[j].low in _SHORT_SUBJECTS
            or post[j].low in ("the", "a", "an")
        )
    ):
        m = well_formed_mention(text, post[j].start, post[k - 1].end)
        return (m, post[k].text) if m is not None else None
    return None


def _names_run_end(post: list[Tok], j: int) -> int:
    """The token after a name, or names joined by "and", from ``post[j]``: in "Ada Brennan
    and Li Wei, analysts …" the comma (a name has at most six words, two names twelve)."""
    k = j
    names = 1
    while k < len(post) and k < j + 6 * names:
        t = post[k]
        if t.low == "and" and k > j and k + 1 < len(post) and post[k + 1].is_cap and names == 1:
            names = 2
        elif not (t.is_cap or t.text in (".", "-") or t.low in ("de", "van", "von", "al")):
            break
        k += 1
    return k


def _name_before_appositive(
    doc: _Doc, post: list[Tok], j: int, headline: bool
) -> tuple[Mention | None, str | None]:
    """A name (or two joined by "and"), then an appositive before the cue.

    "“We will not wait,” Councilor Ada Brennan, a longtime ally, said." -> Councilor Ada
    Brennan; "“…,” Ada Brennan and Li Wei, analysts with Harbor Research, wrote." -> both;
    not "“….” Dover, he said, was …", where the cue has its own subject.
    """
    text = doc.text
    k = _names_run_end(post, j)
    if k > j and k < len(post) and post[k].text in (",", "(") and post[j].is_cap:
        np = post[j:k]
        if bare(np[0].low) not in NOT_NAMES:
            m = mention_of(text, np)
            ci = next(
                (
                    i
                    for i in range(k, min(len(post), k + 16))
                    if is_cue_at(post, i, headline=headline)
                ),
                None,
            )
            if ci is not None and post[ci - 1].low in SUBJECT_PRONOUNS:
                return None, None
            return m, None if ci is None else _cue_text(text, post, ci)
    return None, None


def _post_frame(
    doc: _Doc, post: list[Tok], headline: bool, comma_end: bool = False
) -> tuple[Mention | None, str | None]:
    """Speaker and cue from the words after a closing mark: ", added Katz" / ", the report notes"
    / ", Brennan, a former rival, told WKRV"."""
    j = 0
    while j < len(post) and not post[j].is_word:
        if post[j].text in (".", "!", "?", ";", ":"):
            return None, None
        j += 1
    if j < len(post) and post[j].low in ("and", "but"):
        # "Reyes told them that “…,” and he vowed to …": a conjunction opens a clause of its
        # own; the words after it are no frame of the quotation before it.
        return None, None
    said = _cue_after_quote(doc, post, j, headline, comma_end)
    if said is None:
        said = _subject_then_unlisted_verb(doc, post, j, comma_end)
    if said is None:
        said = _name_before_appositive(doc, post, j, headline)
    return said


_NOT_VERBS: Final = frozenset(
    "is was has does his its this as us thus plus always perhaps was needed based used".split()
)


def _headline_subject(doc: _Doc, pre: list[Tok]) -> Mention | None:
    """The person a headline opens with ("Ada Brennan Slams …", "Brennan On …"): one or two
    capitalised words whose last is the last name of a person written in the article (in full,
    or after a title: "President Brennan")."""
    names = doc.names()
    by_last = names["by_last"]
    t0 = pre[0]
    if not t0.is_word or not t0.is_cap or bare(t0.low) in NOT_NAMES:
        return None
    if len(pre) > 2 and pre[1].is_cap and pre[1].is_word and name_key(pre[1].text) in by_last:
        return mention_of(doc.text, pre[:2])
    if name_key(t0.text) in by_last or name_key(t0.text) in names["titled_keys"]:
        return mention_of(doc.text, pre[:1])
    return None


def _colon_speaker(text: str, pre: list[Tok]) -> Mention | None:
    """Who a colon introduces: "- Lena Ortiz and Hugo Hartley: “", "More from Lund: “",
    else the subject of the sentence ("And she insists that …: “" -> she). A page's label
    opening the line is none of them ("More:Lund on the ferries: “" -> Lund)."""
    first = _after_page_label(pre)
    if first:
        if len(pre) - first < 2:
            return None
        pre = pre[first:]
    end = len(pre) - 1  # the colon
    k = end
    while (
        k > 0
        and (
            pre[k - 1].is_cap
            or (pre[k - 1].low in ("and", "of", "de") and k - 1 < end - 1)
            or pre[k - 1].text in (".", "-")
        )
        and end - k < 8
    ):
        k -= 1
    while k < end and not pre[k].is_cap:
        k += 1
    if (
        k < end
        and (k == 0 or pre[k - 1].text in ("-", "—", "–", ",") or pre[k - 1].low in ("from", "by"))
        and bare(pre[k].low) not in NOT_NAMES
    ):
        return well_formed_mention(text, pre[k].start, pre[end - 1].end)
    m = clause_subject(text, pre, end, outer=True)
    return _without_topic(text, m) if m is not None else None


def _without_topic(text: str, m: Mention) -> Mention | None:
    """A name before a colon without the topic after it: "Ada Lund on the ferries" ->
    "Ada Lund", "Reyes about the levy" -> "Reyes" ("the board of the port" stays)."""
    toks = tokenize(text, m.start, m.end)
    for i in range(1, len(toks)):
        if toks[i].low in ("on", "about") and toks[i - 1].is_cap:
            return mention_of(text, toks[:i])
    return m


def _is_title_cue(pre: list[Tok]) -> bool:
    """ "entitled", "titled", "so-called", "known as", passive "is called": a name follows."""
    last = pre[-1].low
    if last in ("entitled", "titled", "nicknamed", "headlined", "so-called", "named"):
        return True
    if last == "as" and len(pre) > 1 and pre[-2].low in ("known", "dubbed", "billed"):
        return True
    if (
        last in ("called", "dubbed", "labeled", "labelled")
        and len(pre) > 1
        and pre[-2].low
        in (
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "so",
            "-",
            "typically",
            "often",
            "also",
            "now",
            "sometimes",
        )
    ):
        return True
    return _names_a_thing(pre)


def _names_a_thing(pre: list[Tok]) -> bool:
    """ "a protocol called", "a program dubbed": a participle after a thing's noun names it
    (not "the senator called", whose noun speaks, nor "critics have called"; nor "a box
    labeled", whose words are written on it, as on a sign)."""
    if len(pre) < 3 or pre[-1].low not in ("called", "dubbed"):
        return False
    noun, before = pre[-2], pre[-3]
    low = noun.low
    return (
        noun.is_word
        and noun.text.isalpha()
        and noun.text.islower()
        # (people speak: "advocates called", "the senator called")
        and low not in SPEAKER_NOUNS
        and not (low.endswith("s") and low[:-1] in SPEAKER_NOUNS)
        and low not in PRONOUNS
        # (a verb or an adverb before "called" makes it the predicate: "once called",
        # "punched, kicked and called")
        and low not in _AUXILIARIES
        and low not in CUES
        and low not in _LISTED_VERBS
        and low not in SKIP_BETWEEN
        and not low.endswith("ed")
        and not adverb_ly(low)
        and before.is_word
        and not before.is_cap
        and before.low not in PRONOUNS
        # (a relative's subject: "a ruling that rights advocates called “rogue”")
        and not any(t.low in ("that", "which", "whom") for t in pre[-6:-2])
    )


_TITLE_WORD_RE: Final = re.compile(r"[^\W\d_][\w’'-]*")
_SMALL_WORDS: Final = frozenset("a an the of and or in on to for with at by but".split())


def _title_case(body: str) -> bool:
    """Every content word capitalised ("Saturday Night Live", "Fareed Zakaria GPS"), the first
    too, and at most 12 words."""
    # (read word by word: most quotations are sentences, decided by their first words)
    n = 0
    for m in _TITLE_WORD_RE.finditer(body):
        n += 1
        if n > 12:
            return False
        if not body[m.start()].isupper() and (n == 1 or m.group() not in _SMALL_WORDS):
            return False
    return n > 0


def _is_headline(text: str, line_start: int, line_end: int) -> bool:
    """A title-cased line without a final period (headlines: cues may be capitalised there)."""
    line = text[line_start:line_end].strip()
    if (line.endswith(".") and line_start > 0) or len(line) > 400:
        # most lines: decided before the word scan; the article's first line is its title
        # even when the source appended a period ("Reyes Says Levy ‘Hurts Renters’.")
        return False
    # 3 to 30 words, 60 % of them capitalised: so never more than 12 others, and the count
    # stops there (most lines read here are paragraphs that end in a quotation mark).
    n = others = 0
    for m in _LETTERS_RE.finditer(line):
        n += 1
        if not line[m.start()].isupper():
            others += 1
            if others > 12:
                return False
        if n > 30:
            return False
    return n >= 3 and n - others >= 0.6 * n


_LETTERS_RE: Final = re.compile(r"[^\W\d_]+")


def _n_words(text: str, p: _Piece, most: int) -> int:
    """The quotation's words (split on blanks), counted up to ``most``: a longer quotation
    gives ``most`` (the callers only compare the count with small numbers)."""
    return len(text[p.start : p.end].split(None, most - 1))


def _cue_text(text: str, toks: list[Tok], i: int) -> str:
    t = toks[i]
    if t.low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
        return text[t.start : toks[i + 1].end]
    return t.text


def _headline_colon(text: str, pre: list[Tok]) -> Mention | None:
    """ "Brennan: Reyes’s ‘…’": a short name and a colon open the sentence. A page's label
    before it is no speaker: "More: Brennan: ‘…’" -> Brennan, "More: Fares rise ‘…’" -> None."""
    first = _after_page_label(pre)
    for i in range(first, min(len(pre), first + 7)):
        if pre[i].text == ":":
            if _name_label_after(pre, i):
                first = i + 1  # "PM: Ivo Lund: “…”": the role's label, then the name's
                continue
            np = pre[first:i]
            if (
                1 <= len(np) <= 5
                and np[0].is_cap
                and all(x.is_cap or not x.is_word or x.low in ("of", "de", "van") for x in np)
            ):
                return mention_of(text, np)
            return None
    return None


def _name_label_after(pre: list[Tok], i: int) -> bool:
    """Whether a second label of one to four capitalised words and its colon follows the
    colon at ``pre[i]``: "PM: Ivo Lund: “…”" -> True at the first colon."""
    k = i + 1
    while k < len(pre) and k <= i + 4 and pre[k].is_cap and pre[k].is_word:
        k += 1
    return k > i + 1 and k < len(pre) and pre[k].text == ":"


def _after_page_label(pre: list[Tok]) -> int:
    """Index after a page's label and its colon opening the tokens ("More:", "Update:",
    "Photo:"; not_speaker_labels in attribution.json), or after a caption's label and the
    player's notice before it (:func:`_after_caption_label`), else 0."""
    if len(pre) >= 2 and pre[1].text == ":" and pre[0].low in _NOT_LABELS:
        return 2
    return _after_caption_label(pre)


# How far into a sentence a caption's label may stand: a video player's notice before it (a
# sentence of seven words that says the video does not play here) is no longer.
_CAPTION_REACH: Final = 12


def _after_caption_label(pre: list[Tok]) -> int:
    """Index after a picture's or a video's caption label near the sentence's start, where a
    page runs the caption into the text, after a player's notice or not: "Video will not
    play here Media caption Ada Reyes: “…”", "Image caption Ada Reyes: “…”" -> the index of
    "Ada", so the name before the colon is the speaker's label; 0 when no such label opens
    it."""
    for k in range(min(len(pre) - 1, _CAPTION_REACH)):
        if pre[k + 1].low == "caption" and furniture_pair(pre[k].text, pre[k + 1].text):
            return k + 2
    return 0


# ---------------------------------------------------------------------------------------------
# Indirect speech

_INDIRECT_OBJ: Final = frozenset("reporters reuters cnn him her them us me journalists".split())


INDIRECT_HINT_RE: Final = re.compile(
    r"\b" + trie_pattern(INDIRECT_CUES | {"according", "According"}) + r"\b"
)
# The same cue words found through the non-word character before them (group 1 is the cue):
# a scan that opens with a character class skips ahead in C, one that opens with ``\b`` is
# tried at every position. It misses only a cue at the very start of the text (see cue_hits).
# Two scans: after a space (nearly every cue; a literal first character is found by a fast
# string search, instead of testing ``\W`` at every character), and after any other
# non-word character (a cheap ASCII test first, then ``\W``). Together they find the matches
# of ``\W(cue)\b``: no match can overlap another, so scanning by the character before the cue
# finds each exactly once.
_HINT_CUES: Final = INDIRECT_HINT_RE.pattern[2:-2]  # (the pattern without its two ``\b``)
_HINT_SPACE_RE: Final = re.compile(" (" + _HINT_CUES + r")\b")
_HINT_OTHER_RE: Final = re.compile(r"[^ a-zA-Z0-9](?<=\W)(" + _HINT_CUES + r")\b")


# The frame of a second statement right before its quotation: " and said, “", " but added: “".
# Not a participle (", saying, “"): that quotation elaborates the statement before it.
_COORD_CUE: Final = r"(?:and|but)\s+(?:then\s+|also\s+|later\s+)?([A-Za-z]+)"
_COORD_FRAME_RE: Final = re.compile(
    r",?\s+" + _COORD_CUE + r"(?:\s+(?:him|her|them|it|that))?\s*[,:]?\s*$"
)
# A second frame joined after a quotation, adjuncts may follow: " and said on Twitter that".
_COORD_CUE_RE: Final = re.compile(r"\s" + _COORD_CUE + r"\b")
_GERUND_LEAD: Final = (" of ", " and ", " or ", " for ", " in ", " by ")
_FRAGMENT_LEAD_RE: Final = re.compile(r",\s|\s(?:due to what|what|which|who|as)\s")
_NOUN_BEFORE: Final = (
    " the ",
    " a ",
    " an ",
    " his ",
    " her ",
    " its ",
    " their ",
    " this ",
    " our ",
    " my ",
    " your ",
)


@dataclass(slots=True)
class _Report:
    """One reported statement: its content ``text[start:end]``, who said it and the cue;
    ``speech``: whether the cue's rule (CUE_RULES) makes it reported speech, an indirect row
    (a frame that is not speech still claims the quoted fragments of its content)."""

    start: int
    end: int
    mention: Mention
    cue: str
    speech: bool = True
    # a passive cue with no agent ("has been called", "was told that"): its subject is spoken
    # of, so it claims no quoted fragment in its content
    passive: bool = False


def _indirect(doc: _Doc, k: int, hits: list[tuple[int, int, bool]]) -> list[_Report]:
    """Reported speech in sentence ``k``.

    A subject starts within 120 characters of its cue, or further behind a long relative
    clause or appositive ("X, who became head of … once …, said"): only then, and
    only when the nearer window found nothing, is the sentence read again from further back
    (tokenizing is the main cost).
    """
    out = _indirect_in(doc, k, hits, 120)
    s, a = doc.spans[k][0], hits[0][0]
    text = doc.text
    if (
        not out
        and a - s > 120
        and text[a - 3 : a].rstrip().endswith(",")
        and text.find(",", s, a - 110) >= 0
    ):
        out = _indirect_in(doc, k, hits, 200)
    for report in out:
        # "In a poll, 31 percent said …": the poll reports it.
        poll = _poll_source(doc, report.mention)
        if poll is not None:
            report.mention = poll
    return out


@dataclass(slots=True)
class _Sentence:
    """The tokens of one sentence around its cues, for the reported-speech frames."""

    start: int
    toks: list[Tok]
    end_tok: int  # tokens after the last word are punctuation
    content_end: int  # the sentence end, before its closing punctuation
    whole: bool  # the tokens reach the sentence end


def _reported_by_according(doc: _Doc, sent: _Sentence) -> list[_Report] | None:
    """ "According to X" at the front or the back of the sentence; None when there is none.

    "According to the port authority, ridership has doubled." / "Ridership has doubled,
    according to the port authority." -> the port authority.
    """
    text = doc.text
    toks = sent.toks
    for i, t in enumerate(toks[:-2]):
        if t.low == "according" and toks[i + 1].low == "to":
            m = np_after(text, toks, i + 2) or _according_object(text, toks, i + 2)
            if m is None:
                return []
            after = next((j for j in range(i + 2, len(toks)) if toks[j].text == ","), None)
            # "Now, according to X, …" / "Ridership, according to the port authority, has
            # doubled": the words after the phrase are the content.
            lead = i <= 1 or (i <= 3 and toks[i - 1].text == ",")
            if lead and after is not None and after + 1 < sent.end_tok:
                second = _apposition_after_source(toks, m, after, sent.end_tok)
                if second is not None:
                    # "According to the port's spokeswoman, Ada Lund, the fares …": the
                    # apposition names the source; the content follows it.
                    if not _is_name_mention(m.text):
                        m = mention_of(text, toks[after + 1 : second]) or m
                    after = second
                return [_Report(toks[after + 1].start, sent.content_end, m, "according to")]
            if i > 2 and toks[i - 1].text == ",":
                return [_Report(sent.start, toks[i - 1].start, m, "according to")]
            if i > 2 and _closing_dash(toks, i, sent.end_tok):
                return [_Report(sent.start, _dash_start(toks, i), m, "according to")]
            return []
    return None


def _apposition_after_source(toks: list[Tok], m: Mention, comma: int, end_tok: int) -> int | None:
    """The comma that closes an apposition right after a leading "According to" source ``m``
    (its phrase closed by the comma ``toks[comma]``), or None. A name after a description
    ("According to the port's spokeswoman, Ada Lund, the fares …"), or a role after a name
    ("According to Ada Lund, a spokeswoman for the port, the fares …"); not the content's
    own subject ("According to a spokeswoman, Ada Lund is leaving", "According to Lund, the
    fares, which …")."""
    close = next(
        (k for k in range(comma + 1, min(end_tok, comma + 10)) if toks[k].text == ","), None
    )
    if close is None or close == comma + 1 or close + 1 >= end_tok:
        return None
    seg = toks[comma + 1 : close]
    if _is_name_mention(m.text):
        return close if _role_phrase(seg) else None
    # A name set off after a description of a person ("the port's spokeswoman"), not after a
    # text or an event ("Barr's account in the interview, Ivo Reyes, a former aide, …": the
    # name opens the content).
    words = m.text.lower().split()
    name = len(seg) <= 5 and all(t.is_cap or t.text in (".", "-") for t in seg)
    if not (
        words and _person_word(words[-1]) and name and seg[0].is_cap and seg[0].low not in PRONOUNS
    ):
        return None
    # A role set off after the name is the name's own apposition, so the name opens the
    # content: "According to the agency, Ivo Reyes, editor of the Ledger, declared …".
    nxt = toks[close + 1 : close + 4]
    if nxt and (_person_word(nxt[0].low) or _role_phrase(nxt)):
        return None
    return close


def _person_word(low: str) -> bool:
    """Whether a lower-cased word is a noun of people who speak or a title ("spokeswoman",
    "sen.")."""
    return low in SPEAKER_NOUNS or low.rstrip(".") in TITLES


def _role_phrase(toks: list[Tok]) -> bool:
    """Whether tokens open with an article and a person's noun or title among the next three
    words: "a spokeswoman for the port", "the editor of the Ledger"."""
    return (
        bool(toks)
        and toks[0].low in ("a", "an", "the")
        and any(_person_word(t.low) for t in toks[1:4])
    )


def _is_name_mention(s: str) -> bool:
    """Whether a mention is a name: every word capitalised ("Ada Lund", "Sen. Lund")."""
    words = s.split()
    return bool(words) and all(w[:1].isupper() for w in words)


def _closing_dash(toks: list[Tok], i: int, end_tok: int) -> bool:
    """Whether "according to" at ``toks[i]`` follows a dash and runs to the sentence's end:
    "… each day — almost 36,000 a year — according to the port." (a closing frame, as after a
    comma); not an aside inside the sentence ("Ridership — according to the port — doubled")."""
    if toks[i - 1].text not in _DASHES:
        return False
    return not any(t.text in _DASHES or t.text in ",;" for t in toks[i + 2 : end_tok])


def _dash_start(toks: list[Tok], i: int) -> int:
    """Where the dash before ``toks[i]`` starts, two hyphens ("--") as one."""
    k = i - 1
    while k > 0 and toks[k - 1].text in _DASHES and toks[k - 1].end == toks[k].start:
        k -= 1
    return toks[k].start


# Rules (cues.toml) whose frames report no speech.
_NO_SPEECH: Final = frozenset(["none", "topic"])


def _framed_before(start: int, end: int, m: Mention, cue: Tok) -> _Report:
    """The report of a frame after (or inside) its content: a whole clause, so speech unless
    the cue's rule never reports speech ("…, she believes.") or the speaker is a thing
    ("…, the data suggest.")."""
    rule = CUE_RULES.get(cue.low, "speech")
    speech = (
        rule not in _NO_SPEECH
        and not (rule == "speaker" and _thing_subject(m))
        and not _percent_share(m.text)
    )
    return _Report(start, end, m, cue.text, speech)


def _reported_by_trailing_frame(
    doc: _Doc, sent: _Sentence, cue_idx: list[int], last_np: Mention | None
) -> list[_Report] | None:
    """A frame at the end of the sentence or between commas; None when there is none.

    "The fares will rise, Reyes said on Friday." / "The repairs are paid for by the harbor
    fund, said Owen Thackeray, the port's officer." / "The hashtag, he said, was used a
    million times."
    """
    text = doc.text
    toks = sent.toks
    if _frame_opens_quotation(text, sent):
        return None
    # The last cue, preceded by ", <speaker>", followed only by adjuncts.
    i = cue_idx[-1]
    if last_np is not None:
        first = next(j for j in range(i) if toks[j].end > last_np.start)
        # "…, as Lund noted.": "as" between the comma and the subject names the source too,
        # unless an earlier frame reports the clause it ends ("Reyes said the fares would
        # rise, as Lund proposed": Reyes's words)
        comma = first - 1
        if first > 3 and toks[first - 1].low == "as" and cue_idx[0] == i:
            comma = first - 2
        if (
            first > 2
            and toks[comma].text == ","
            and _active_report(toks, first, i, sent.start)
            and (
                sent.whole
                and (
                    _only_adjuncts(toks, i + 1, sent.end_tok)
                    or _adjuncts_only(toks, i + 1, sent.end_tok)
                )
                or _frame_tail(_tail_toks(doc, sent, i), toks[i].low)
            )
        ):
            return [_framed_before(sent.start, toks[comma].start, last_np, toks[i])]
    appositive = _trailing_appositive_frame(doc, sent, i)
    if appositive is not None:
        return [appositive]
    # Inverted: the speaker follows the cue.
    for i in reversed(cue_idx):
        if i > 3 and toks[i - 1].text == "," and toks[i].low in INVERTIBLE:
            m = _inverted_after(text, toks, i)
            if m is not None:
                return [_framed_before(sent.start, toks[i - 1].start, m, toks[i])]
    # Parenthetical.
    for i in cue_idx:
        if i + 1 < sent.end_tok and toks[i + 1].text == "," and toks[i].low not in ING_CUES:
            m = np_before(text, toks, i)
            if m is not None:
                first = next(j for j in range(i) if toks[j].end > m.start)
                if first > 1 and toks[first - 1].text == ",":
                    return _parenthetical_pieces(sent, first - 1, i, m)
    return None


# Cues in no "-ed" form that close a frame after its content with adjuncts after them.
_TAIL_CUES: Final = frozenset("said says told tells wrote writes".split())
# Prepositions that open an adjunct of a frame after its content: "…, Reyes said at a meeting
# of the board", "…, an official told reporters on condition of anonymity".
_TAIL_PREPS: Final = frozenset(
    "in on at during via through from over with for of after before amid following under".split()
)


# Verbs that follow a subject pronoun (the shipped word list): "ran", "won", "supported".
_LISTED_VERBS: Final = LEX["finite_verbs"]


def _active_report(toks: list[Tok], first: int, i: int, start: int) -> bool:
    """Whether a trailing frame whose subject starts at ``toks[first]`` and whose cue is
    ``toks[i]`` (the sentence starting at ``start``) reports what came before it: the cue is
    active and not a modal's ("…, the mayor said", "…, officials have said", "…, the crews are
    saying"; not "…, the plan has been criticized", "…, Reyes will insist"), and the words
    before the frame are more than an opener: an opener with no comma and no verb inside is
    no content ("In July, the guild called for …", "When reached by the Courier, Reyes had
    little to say"; but "Despite the storm the ferries ran, officials said")."""
    k = i - 1
    while k > first and (
        toks[k].low in SKIP_BETWEEN or toks[k].low in _AUXILIARIES or adverb_ly(toks[k].low)
    ):
        if toks[k].low in _PASSIVE_BE or toks[k].low in _AUXILIARIES:
            progressive = toks[i].low.endswith("ing") and toks[k].low in _PASSIVE_BE
            if not (progressive or toks[k].low in ("has", "have", "had")):
                return False  # (but "…, the crews are saying" is active)
        k -= 1
    if toks[0].start != start:
        return True  # (the tokens start inside the sentence: its opening is not read)
    if not (toks[0].low in _LEADING_SUBORDINATORS or toks[0].low in _PREP_OPENERS):
        return True
    # an opener with no comma inside: content only if a verb shows a clause in it ("Despite
    # the storm the ferries ran, officials said"; not "In July, …", "When reached by …, …")
    words = toks[1 : first - 1]
    if any(t.text == "," for t in words):
        return True
    return any(
        t.low in _AUXILIARIES or t.low in _LISTED_VERBS or (n > 0 and t.low.endswith("ed"))
        for n, t in enumerate(words)
    )


def _tail_toks(doc: _Doc, sent: _Sentence, i: int) -> list[Tok]:
    """The tokens after cue ``sent.toks[i]`` to the end of the sentence's words (read afresh
    when the sentence's tokens stop short of its end)."""
    if sent.whole:
        return sent.toks[i + 1 : sent.end_tok]
    tail = doc.outside_toks(sent.toks[i].end, sent.content_end, cache=False)
    end = len(tail)
    while end > 0 and not tail[end - 1].is_word:
        end -= 1
    return tail[:end]


def _frame_tail(tail: list[Tok], cue: str) -> bool:
    """Whether the words ``tail`` after a trailing cue ``cue`` to the sentence end only close
    the frame: the hearer of "told" ("told a daily news briefing"), prepositional
    adjuncts of any length ("at an evening meeting of the harbor board", "on condition of
    anonymity") and, after a comma or a dash, a participle phrase of the writer's that
    reports nothing ("speaking on condition of anonymity"). No clause may follow (no
    auxiliary, subject pronoun or "that"), nor a second cue ("…, Reyes said, adding that …").

    "…, Reyes told a radio station." / "…, an official told the Harbor Courier on condition
    of anonymity." / "…, the mayor announced at a meeting of the board, speaking after the
    vote." -> True; "…, Reyes said the fares rose." / "…, Reyes said, adding that …" /
    "…, Reyes told the crews they would be paid." -> False."""
    toks, end = tail, len(tail)
    if CUE_RULES.get(cue, "none") in _NO_SPEECH:
        return False  # (a frame of no speech reports nothing before it: "…, he decided to …")
    if not (cue.endswith("ed") or cue in _TAIL_CUES):
        return False  # (a present or a bare form may be a noun: "made no mention of …")
    if not toks or not toks[0].is_word:
        return False  # (a frame between commas is read as one: "…, Reyes said, …")
    if (cue in PREPOSITION_CUES or CUE_RULES.get(cue) == "charge") and toks[0].low in (
        _CONTENT_PREPS | {"of"}
    ):
        return False  # "…, the board called for an audit", "the man accused of …": content
    j = 0
    if cue in _TOLD_CUES:
        j = _tail_object_end(toks, j, end)
        if j < 0:
            return False
    while j < end:
        t = toks[j]
        if t.text == "," or t.text in _DASHES:
            return _writers_participle(toks, j + 1, end)
        if not t.is_word or t.low not in _TAIL_PREPS:
            return False
        j += 1
        n = 0
        while j < end and toks[j].is_word and toks[j].low not in _TAIL_PREPS:
            low = toks[j].low
            if low in _TAIL_CLAUSE_WORDS or low in INDIRECT_CUES or low in _LISTED_VERBS:
                return False  # (a verb: "… of the new film appeared in court")
            if n >= 6:
                return False
            j += 1
            n += 1
        if n == 0:
            return False
    return True


def _tail_object_end(toks: list[Tok], j: int, end: int) -> int:
    """The token after the hearer of a trailing "told" starting at ``toks[j]``, a noun phrase
    of at most five words ("a daily news briefing", "reporters", "the Harbor Courier"), or
    -1 when the words there are no such phrase ("the crews the fares rose": a second
    determiner; "them they would": a subject pronoun)."""
    k = j
    while k < end and k < j + 5 and toks[k].is_word and toks[k].low not in _TAIL_PREPS:
        t = toks[k]
        if t.low in _TAIL_CLAUSE_WORDS or t.low in INDIRECT_CUES:
            return -1
        if k > j and t.low in DETERMINERS:
            return -1
        k += 1
    if not any(_hearer_word(t) for t in toks[j:k]):
        return -1  # "…, Reyes told a joke": a thing told, no hearer
    return k


# Occasions a trailing "told" names as its hearer: "told a news briefing", "told a Senate panel".
_HEARER_OCCASIONS: Final = frozenset(
    "briefing conference meeting panel committee hearing audience crowd rally gathering forum "
    "interview radio station newspaper program programme show podcast broadcaster "
    "lawmakers legislators delegates supporters reporters journalists".split()
)


def _hearer_word(t: Tok) -> bool:
    """Whether a word of the object of "told" names a hearer: a name ("the Harbor Courier"), a
    person, a group or a body (SPEAKER_NOUNS, ORG_WORDS: "a reporter", "the council"), an object
    pronoun or an occasion ("a daily news briefing"); not a thing told ("a joke", "the
    story")."""
    low = t.low
    return (
        t.is_cap
        or low in _OBJECT_PRONOUNS
        or low in _HEARER_OCCASIONS
        or low in SPEAKER_NOUNS
        or low in ORG_WORDS
        or low.rstrip("s") in SPEAKER_NOUNS
    )


def _writers_participle(toks: list[Tok], k: int, end: int) -> bool:
    """Whether the words from ``toks[k]`` to ``end`` are a participle phrase that reports no
    speech, the writer's comment after a frame: "speaking on condition of anonymity",
    "declining to give details" -> True; "adding that …", "saying the fares rose", "because
    the fares rose" -> False."""
    if k >= end or not toks[k].low.endswith("ing") or toks[k].low in _ING_NOUNS:
        return False
    if CUE_RULES.get(toks[k].low, "none") not in ("none", "topic", "stance"):
        return False
    return not any(t.low in _TAIL_CLAUSE_WORDS or t.low in CUE_RULES for t in toks[k + 1 : end])


def _frame_opens_quotation(text: str, sent: _Sentence) -> bool:
    """Whether the sentence ends in a colon, so a frame at its end introduces what follows (a
    quotation in the next paragraph), not the words before it: "After Okafor spoke, Reyes
    said:" -> True; "The fares will rise, Reyes said." -> False."""
    return sent.whole and text[sent.content_end : sent.content_end + 2].lstrip()[:1] == ":"


def _parenthetical_pieces(sent: _Sentence, comma: int, i: int, m: Mention) -> list[_Report]:
    """The content around a frame between commas, ``toks[comma]`` opening it and cue
    ``toks[i]`` closing it: the words before the frame when the words after it are an adjunct
    or a participle of the writer's, which the frame does not report; else the whole sentence
    (the frame interrupts one reported clause, which a row, one span, keeps whole).

    "The pier flooded twice, Reyes said, in the worst week since 1990." -> "The pier flooded
    twice"; "The fares will rise, Reyes said, ending a freeze." -> "The fares will rise";
    "The levy, the mayor argued, was never meant to last." -> the whole sentence."""
    toks = sent.toks
    k = i + 2  # past the comma that closes the frame
    end = sent.content_end
    # (after "Though …, he said," or a short opener, "Now, he said, …", "In 1990, she said,
    # when …", the main clause is content)
    opener = comma < _SHORTEST_CLAUSE or (
        toks[0].start == sent.start and toks[0].low in _LEADING_SUBORDINATORS
    )
    if k < sent.end_tok and not opener and _writers_continuation(toks, k):
        end = toks[comma].start
    return [_framed_before(sent.start, end, m, toks[i])]


# Fewer words before a frame between commas are an opener of the reported clause, not a clause.
_SHORTEST_CLAUSE: Final = 6
# Words that open the writer's own adjunct after a frame between commas ("…, Reyes said, in
# the worst week since 1990", "…, officials said, during the storm"); not "for", "of", "to",
# which may go on with a noun before the frame ("a plan, she said, for the pier"), nor "as",
# "and", "but", "while", which as often go on with the speaker's words ("as proud, he said, as
# the day he came", "…, he said, and the crews agreed").
_ADJUNCT_AFTER_FRAME: Final = frozenset(
    "in on after before since during amid despite following including".split()
)


def _writers_continuation(toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]``, the word after a frame between commas, opens an adjunct or a
    participle clause ("in the worst week", "during the storm", "ending a freeze"), not
    the rest of the reported clause ("was never meant to last", "the crews would strike",
    "raising the fares would hurt": a gerund subject, its verb follows; "adding that …": the
    speaker's next statement; "and some lawyers said …": a frame of its own follows)."""
    low = toks[k].low
    if any(CUE_RULES.get(t.low, "none") not in _NO_SPEECH for t in toks[k:]):
        return False  # "…, Reyes said, adding that …": the speaker's words go on
    if low in _ADJUNCT_AFTER_FRAME:
        return True
    if not low.endswith("ing") or low in _ING_NOUNS or toks[k].is_cap:
        return False
    for t in toks[k + 1 : k + 8]:
        if not t.is_word or t.low in _CLAUSE_STOPS:
            return True
        if t.low in _AUXILIARIES:
            return False
    return True


def _trailing_appositive_frame(doc: _Doc, sent: _Sentence, i: int) -> _Report | None:
    """A frame at the sentence end whose speaker has an appositive, the cue ``toks[i]``
    followed only by adjuncts: "The fares will rise, Ada Reyes, the port's chief, said in an
    interview." -> Ada Reyes, "The fares will rise"; "The fares will rise, his lawyer, Ada
    Reyes, said." -> Ada Reyes, "The fares will rise"."""
    toks = sent.toks
    if not (sent.whole and i > 4 and toks[i - 1].text == ","):
        return None
    if not (_only_adjuncts(toks, i + 1, sent.end_tok) or _adjuncts_only(toks, i + 1, sent.end_tok)):
        return None
    m = _appositive_subject(doc.text, toks, i)
    if m is None:
        return None
    first = next(j for j in range(i) if toks[j].end > m.start)
    if first < 3 or toks[first - 1].text != ",":
        return None
    end = first - 1
    # a role before the name: "…, his former lawyer, Ada Reyes, said" (the content ends first)
    k = end - 1
    while k > 0 and end - k <= 6 and toks[k].text != ",":
        k -= 1
    if k > 1 and toks[k].text == "," and toks[k + 1].low in _OBJECT_DETERMINERS:
        end = k
    return _framed_before(sent.start, toks[end].start, m, toks[i])


def _leading_subject(
    doc: _Doc, toks: list[Tok], i: int, last_np: Mention | None, last_cue: int
) -> Mention | None:
    """The subject of a leading frame's cue ``toks[i]`` (``last_np``: the noun phrase before
    the last cue, ``toks[last_cue]``, already read for the trailing frame).

    "Reyes, who has long argued that …" -> Reyes; "Owen Marsh, a spokesman for the campaign,
    said …" -> Owen Marsh; "Marsh has cut the fares, and has claimed …" -> Marsh.
    """
    text = doc.text
    t = toks[i]
    prev = toks[i - 1]
    if _inverted_aside(text, toks, i) is not None:
        return None  # "Oslo, said Ivo Reyes, is …": the name after the cue is no content
    if t.low in _PARTICIPLE_CUES:
        m = _cue_speaker(doc, toks, i)
    else:
        m = last_np if i == last_cue else np_before(text, toks, i)
        if m is not None:
            m = _head_of_relative(text, toks, m) or m
    if m is None:
        m = relative_subject(text, toks, i)
        if m is None and (
            prev.low in ("and", "but", "has", "have", "had") or prev.low.endswith("ly")
        ):
            m = clause_subject(text, toks, i, outer=True)
        elif m is None and prev.text == "," and t.low not in _PARTICIPLE_CUES:
            m = _appositive_subject(text, toks, i)
        elif m is None and prev.text in _DASHES:
            m = _dashed_subject(text, toks, i)
    if m is None and t.low not in _PARTICIPLE_CUES and CUE_RULES.get(t.low) not in _NO_SPEECH:
        m = _subject_across_aside(text, toks, i)
    return m


# Words that open a clause inside a relative clause, whose subject may speak: "who embodies
# what officials say", "who knew that the crews said".
_INNER_CLAUSE_OPENERS: Final = frozenset("what that which whom whose when where how why".split())


def _head_of_relative(text: str, toks: list[Tok], m: Mention) -> Mention | None:
    """The noun phrase before "who" when ``m``, right before a cue, is the object in that
    restrictive relative clause: "A pathologist who examined the body said …" -> A
    pathologist, not the body; "Officials who briefed the crews on Monday said" -> Officials.
    None when no "who" opens a clause of a few words (no punctuation) before ``m``, or when
    ``m`` is a pronoun."""
    at = next((x for x in range(len(toks)) if toks[x].start >= m.start), 0)
    if at < 2 or m.text.lower() in PRONOUNS:
        return None
    for k in range(at - 1, max(0, at - 8), -1):
        w = toks[k]
        if not w.is_word or w.low in _INNER_CLAUSE_OPENERS:
            return None  # "a businessman who embodies what officials say": a clause of its own
        if w.low == "who":
            return np_before(text, toks, k) if k < at - 1 else None
    return None


def _subject_across_aside(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The subject of cue ``toks[i]`` read from before the words that part them
    (:func:`_before_preverbal`): adverbs and auxiliaries after an appositive or a relative
    ("Ada Reyes, the owner of the line, also said …", "Reyes, who runs the pier, later
    noted …"), a short aside between commas ("The crews, however, argued …", "The board, in a
    statement, said …", "Critics, though, have long claimed …"), or a conjunction ("went on
    the radio and promptly, tartly announced …"). None when nothing parts them, or when the cue
    is passive."""
    if toks[i - 1].low in _PASSIVE_BE or _agent_follows(toks, i):
        return None  # "…, has been called …", "and then accused by …": passive, no speaker
    if not _statement_follows(toks, i):
        return None
    b = _before_preverbal(toks, i)
    if b == i or b < 1:
        return None
    prev = toks[b - 1]
    if toks[b].text == ",":
        return np_before(text, toks, b)  # (an aside was skipped: the subject ends before it)
    if prev.low in ("and", "but"):
        return clause_subject(text, toks, b, outer=True)
    if prev.text == ",":
        return relative_subject(text, toks, b) or _appositive_subject(text, toks, b)
    return None


def _statement_follows(toks: list[Tok], i: int) -> bool:
    """Whether cue ``toks[i]`` is followed by a statement, not only by a noun: a clause, a
    "to"-infinitive or, for a request or a charge, its object ("also said the crews were paid",
    "again threatened to close the pier", "also urged the board to vote", "also accused Reyes
    of lying" -> True; "has also proposed billions in subsidies", "just claimed a new mandate",
    "also pointed to the prospect" -> False). A subject found across an aside is read only for
    these: a noun object there is more often an act than words."""
    j = _content_start(toks, i, len(toks))
    if j >= len(toks):
        return False
    if CUE_RULES.get(toks[i].low) in ("request", "charge"):
        return True
    if toks[j].low == "to":
        nxt = toks[j + 1] if j + 1 < len(toks) else toks[j]
        return nxt.text.islower() and nxt.low not in DETERMINERS
    return _clause_follows(toks, i, j)


def _agent_follows(toks: list[Tok], i: int) -> bool:
    """Whether a passive agent follows cue ``toks[i]`` within a few words: "and then accused in
    recent weeks by a dozen riders", "later criticized by the crews" -> True; "also said that
    …" -> False."""
    return any(t.low == "by" for t in toks[i + 1 : i + 5])


def _before_preverbal(toks: list[Tok], i: int) -> int:
    """The index of the first of the words between cue ``toks[i]`` and its subject: adverbs
    and auxiliaries but no modal or negation ("also", "has long", "later", "promptly,
    tartly"; not "would", "did not") and short asides between commas (:func:`_short_aside`);
    when an aside is skipped, the index of its opening comma (the subject ends right before
    it). ``i`` when nothing stands between.

    "Reyes, the owner, also said" -> at "also"; "The crews, however, argued" -> at the first
    comma; "Reyes said" -> at "said"."""
    j = i - 1
    while j >= 0 and (
        (
            toks[j].is_word
            and not toks[j].is_cap
            and toks[j].low not in _MODALS
            and toks[j].low not in _NEGATIONS
            and (toks[j].low in SKIP_BETWEEN or adverb_ly(toks[j].low))
        )
        or (toks[j].text == "," and j > 0 and adverb_ly(toks[j - 1].low))
    ):
        j -= 1  # (", tartly": a comma between adverbs)
    b = j + 1
    if b < 3 or toks[b - 1].text != ",":
        return b
    k = b - 2  # the aside runs back from the comma before ``b`` to the comma before it
    while k >= 0 and b - 1 - k <= 5 and toks[k].is_word:
        k -= 1
    if k < 1 or toks[k].text != "," or not _short_aside(toks[k + 1 : b - 1]):
        return b
    return k if toks[k - 1].is_word or toks[k - 1].text == ")" else b


# Negations before a cue ("did not accuse", "has never said"): no act of speech to report, so
# the subject is not sought across an aside for them.
_NEGATIONS: Final = frozenset("not never".split())
# Words that open a short aside between a subject and its verb besides the leading adverbials
# (", for its part,", ", in turn,", ", too,", ", nonetheless,").
_ASIDE_OPENERS: Final = frozenset("for in too nonetheless nevertheless therefore".split())


def _short_aside(seg: list[Tok]) -> bool:
    """Whether the words between two commas are a short aside, an adverb or an adjunct with no
    clause of its own: "however", "in a statement", "for its part", "on Monday", "for
    example", "too" -> True; "who runs the pier", "a port official", "she said" -> False."""
    if not 1 <= len(seg) <= 5:
        return False
    w0 = seg[0].low
    if not (w0 in LEADING_ADVERBIALS or w0 in _ASIDE_OPENERS or adverb_ly(w0)) or seg[0].is_cap:
        return False
    return not any(
        t.low in _AUXILIARIES or t.low in SUBJECT_PRONOUNS or t.low in RELATIVES or t.low == "that"
        for t in seg
    )


_TIME_WORDS: Final = frozenset("early late mid week month year the".split())


def _past_told_object(toks: list[Tok], j: int, end_tok: int) -> int:
    """The "that" after a told-object of a few words starting at ``toks[j]``: "told the harbor
    board that fares rise" -> at "that"; else ``j`` ("told the crews the fares rise": no
    "that"; "told them fares were high that year": a verb comes first)."""
    k = j
    while k < end_tok and k < j + 5:
        t = toks[k]
        if t.low == "that":
            return k if k > j else j
        if not t.is_word or t.low in _AUXILIARIES or t.low in _CLAUSE_STOPS:
            return j
        k += 1
    return j


def _told_object_end(toks: list[Tok], j: int, end_tok: int) -> int:
    """The token after the addressee of "told" that starts at ``toks[j]``: a name ("told Ada
    Reyes"), a pronoun or "reporters" ("told them"), or a determiner and its noun ("told the
    council he would …", "told a reporter"); ``j`` when none starts there."""
    if j < end_tok and toks[j].low in _OBJECT_DETERMINERS:
        return j + 2 if j + 1 < end_tok and toks[j + 1].is_word else j
    k = j
    while k < end_tok and k < j + 3 and toks[k].is_word and toks[k].low != "that":
        if not (toks[k].is_cap or (k == j and toks[k].low in _INDIRECT_OBJ)):
            break
        k += 1
    return k


_OBJECT_DETERMINERS: Final = frozenset("the a an his her their its".split())


def _past_addressee(toks: list[Tok], j: int, end_tok: int) -> int:
    """The "that" after the hearer of a cue of ADDRESSEE_CUES whose words start at ``toks[j]``
    (a person: an object pronoun, a name or a noun of people, then "that" and a clause); ``j``
    when there is none. "promised the voters that she would …", "assured them that …",
    "reminded Okafor that …" -> the "that"; "promised tax cuts that the crews wanted" (no
    person), "warned the voters that would lose …" (a relative: a verb follows) -> ``j``."""
    k = j
    while k < end_tok and k < j + 4 and toks[k].is_word and toks[k].low != "that":
        if toks[k].low in _CLAUSE_STOPS or toks[k].low in _AUXILIARIES:
            return j
        k += 1
    if k == j or k + 1 >= end_tok or toks[k].low != "that":
        return j
    hearer, nxt = toks[k - 1], toks[k + 1]
    return k if _hearer(hearer) and nxt.is_word and nxt.low not in _AUXILIARIES else j


def _hearer(tok: Tok) -> bool:
    """Whether the word before a cue's "that" can end the phrase of whom it was said to: a
    name, an object pronoun, "reporters", an organisation ("informed the board that") or a
    noun of people ("promised the riders that")."""
    return (
        tok.is_cap
        or tok.low in _OBJECT_PRONOUNS
        or tok.low in _INDIRECT_OBJ
        or tok.low in ORG_WORDS
        # a noun of people, not a text ("agree to a deal that raises fares": a relative)
        or (_agent_head(tok.text) and tok.low.removesuffix("s") not in _TEXT_HEADS)
    )


def _past_to_hearer(toks: list[Tok], j: int, end_tok: int) -> int:
    """The "that" after a hearer named with "to" at ``toks[j]``: "confirmed to CNN that …",
    "explained to the Harbor Ledger that …", "admitted to reporters on Monday that …" -> the
    "that"; ``j`` when no hearer and "that" follow ("vowed to stop a bill that …": a verb)."""
    k = j + 1
    det = False  # after a determiner, plain nouns too: "to the harbor board"
    while k < end_tok and k < j + 7 and toks[k].low != "that":
        t = toks[k]
        det = det or t.low in _OBJECT_DETERMINERS
        if not t.is_word or not (
            t.is_cap
            or t.low in _OBJECT_DETERMINERS
            or t.low in _OBJECT_PRONOUNS
            or t.low in _INDIRECT_OBJ
            or t.low in SPEAKER_NOUNS
            or _is_time_tok(toks, k)
            or t.low in ("on", "in")
            or (det and t.low not in _CLAUSE_STOPS and not _verbish(t))
        ):
            return j
        k += 1
    if k == j + 1 or k + 1 >= end_tok or toks[k].low != "that":
        return j
    nxt = toks[k + 1]
    # (a verb after "that" makes it a relative: "agreed to a deal that raises taxes")
    clause = nxt.is_word and nxt.low not in _AUXILIARIES and not _verbish(nxt)
    return k if _hearer(toks[k - 1]) and clause else j


def _verbs_joined(toks: list[Tok], j: int, end_tok: int) -> bool:
    """Whether the words after a cue open with "and"/"or" joining another verb, so that the
    cue reports nothing ("are calling and texting students", "what he said and meant"); not
    a second hearer or time before "to" or "that" ("called on Dover and Kent to …", "said on
    Friday and on Saturday that …")."""
    if toks[j].low not in ("and", "or"):
        return False
    return not any(t.low in ("to", "that") for t in toks[j + 1 : min(end_tok, j + 9)])


def _content_start(toks: list[Tok], i: int, end_tok: int) -> int:
    """The token after cue ``toks[i]`` where its content may start: past an addressee ("told
    Reuters"), "that", commas and a short time phrase ("announced in early May it had …",
    "announced Wednesday that it had …")."""
    j = i + 1
    if j < end_tok and toks[j].low == "out":
        j += 1  # the particle of "pointed out that …", "called out the board for …"
    if toks[i].low in ("told", "tell", "tells") and j < end_tok:
        j = _past_told_object(toks, _told_object_end(toks, j, end_tok), end_tok)
    elif toks[i].low in ADDRESSEE_CUES:
        j = _past_addressee(toks, j, end_tok)
    if j < end_tok and toks[j].low == "to":
        j = _past_to_hearer(toks, j, end_tok)
    k = time_phrase_end(toks, j, end_tok)
    if j < k < end_tok and (toks[k].low in ("that", ",") or _clause_after_time(toks, j, k)):
        j = k  # "announced Wednesday that …"; but "said Monday’s vote …" is content
    elif j + 1 < end_tok and toks[j + 1].low == "that" and _adverb_before_that(toks[j].low):
        j += 1  # "announced recently that …", "said again that …"
    while j < end_tok and toks[j].low in ("that", ",", "on", "in", "last", "this"):
        if toks[j].low in ("on", "in") and (past := _dated_by(toks, j, end_tok)) > j:
            j = past  # "said on Friday the plant would close"
            continue
        if toks[j].low in ("on", "in", "last", "this"):
            after_time = j + 1
            while (
                after_time < end_tok
                and after_time < j + 4
                and (toks[after_time].is_cap or toks[after_time].low in _TIME_WORDS)
            ):
                after_time += 1
            if after_time == j + 1 or (
                toks[j].low in ("on", "in")
                and after_time < end_tok
                and toks[after_time].is_word
                and toks[after_time].low != "that"
                and not toks[after_time - 1].is_cap
            ):
                break  # "said on the radio that …": an adjunct, not a time; read by the caller
            j = after_time
            continue
        j += 1
    return j


def _dated_by(toks: list[Tok], j: int, end_tok: int) -> int:
    """The token after "on"/"in" at ``toks[j]`` and the date it opens ("on Friday", "in
    2014"), or at the "that" after a date that owns a noun ("on Friday's show that"); ``j``
    when no date follows, or an owned noun without "that" ("on Friday's show the …")."""
    k = time_phrase_end(toks, j + 1, end_tok)
    if k == j + 1:
        return j
    if not toks[k - 1].low.endswith(("'s", "’s")):
        return k
    m = k
    while m < min(k + 3, end_tok) and toks[m].is_word and not toks[m].is_cap:
        if toks[m].low == "that":
            return m if m > k else j
        m += 1
    return j


def _clause_after_time(toks: list[Tok], j: int, k: int) -> bool:
    """Whether the words after a time phrase ``toks[j:k]`` right after a cue open its content
    clause, so the time belongs to the frame: "said Wednesday they would …", "said Monday the
    fares …"; not a time the content opens with ("said Monday’s vote was …") nor an adjunct
    after it ("called Sunday for an inquiry", "spoke Friday to the crews")."""
    last, nxt = toks[k - 1], toks[k]
    return (
        nxt.is_word
        and not last.low.endswith(("'s", "’s"))
        and nxt.low not in _AFTER_TIME_ADJUNCTS
        and nxt.low not in _AUXILIARIES  # "said yesterday would be …": the time is the subject
        and not _verbish(nxt)
        and not (
            nxt.text[0].isdigit() or nxt.low.endswith("ing")
        )  # "Monday 12 May", "Monday evening"
    )


# Words that go on the frame after a time phrase, not a content clause: "called Sunday for …",
# "said Monday in a statement".
_AFTER_TIME_ADJUNCTS: Final = frozenset(
    """to for in on at with about of from by and or but as after before during night morning
    afternoon evening""".split()
)


@dataclass(slots=True)
class _Statement:
    """A leading frame's statement before the statements of one sentence are joined."""

    report: _Report
    cue_index: int


def _leading_statement(doc: _Doc, sent: _Sentence, i: int, m: Mention) -> _Statement | None:
    """The statement of :func:`_leading_content`, marked passive when its cue is passive with
    no agent (:func:`_passive_without_agent_at`): "The film has been called a tale of “…”"
    speaks of the film, and the fragment is no one's the sentence names."""
    statement = _leading_content(doc, sent, i, m)
    if statement is not None and _passive_without_agent_at(sent.toks, i):
        statement.report.passive = True
    return statement


def _leading_content(doc: _Doc, sent: _Sentence, i: int, m: Mention) -> _Statement | None:
    """The content after the leading frame whose cue is ``toks[i]`` and subject ``m``.

    "Reyes said that the fares would rise." / "Reyes vowed to repeal the levy." / "Reyes
    called for an outside auditor, citing costs." (the content ends at the comma)
    """
    toks = sent.toks
    end_tok = sent.end_tok
    t = toks[i]
    j = _content_start(toks, i, end_tok)
    if end_tok - j < 3 or not toks[j].is_word or _verbs_joined(toks, j, end_tok):
        return None
    word = toks[j].low
    adjunct = word in _ADJUNCT_PREPS
    if adjunct or (word in ("on", "in") and j == i + 1):
        # "told reporters during Friday's briefing that …", "said on the radio that …": the
        # statement follows the adjunct's "that"; with no "that", the words after the cue are
        # only the adjunct (but "said in 2019 the fares rose": "in" may open the content).
        reach = j + 14 if adjunct else j + 6
        that = next((x for x in range(j + 1, min(end_tok, reach)) if toks[x].low == "that"), 0)
        # (the window may end soon after the "that": the content needs two tokens there)
        if that and end_tok - that >= 3:
            j = that + 1
            word = toks[j].low
        elif adjunct and sent.whole and (end_tok - j <= 8 or word == "from"):
            return None  # (a whole sentence: "Lund reported from Dover and Reyes from Kent.")
        elif _topic_after_on(toks, i, j):
            return None
        elif j == i + 1 and _adjunct_only_after(t.low, _tail_toks(doc, sent, i)):
            return None  # "as he said at the state fair", "they said in a research note"
    if sent.whole and _adjuncts_only(toks, j, end_tok):
        return None  # "Reyes said in a joint statement.": the content is elsewhere
    rule = _frame_rule(toks, i, m)
    if rule == "topic" and word not in _CONTENT_PREPS:
        return None  # "spoke Welsh", "by talking as if it were settled": no reported content
    if rule == "request" and _anonymity_asked(toks, j):
        return None  # a source's condition, no statement
    if (
        word == "to"
        and t.low in INFINITIVE_CUES
        and toks[j + 1].text.islower()
        and toks[j + 1].low not in DETERMINERS
    ):
        # "vowed to repeal", "urged to vote": speech; "plans to build", "decided to": not;
        # "agreed to a truce": a noun object, no content
        speech = rule == "request" or (rule == "commitment" and not _thing_commits(t, m))
        end = _subordinate_clause_end(sent, i)
        return _Statement(_Report(toks[j].start, end, m, t.text, speech), i)
    if word in _CONTENT_PREPS and t.low in PREPOSITION_CUES and toks[j + 1].is_word:
        # The object is the content, to the clause end.
        end = next((x.start for x in toks[j + 1 : end_tok] if x.text in ",;:(—–"), sent.content_end)
        speech = _prepositional_speech(rule, word)
        return _Statement(_Report(toks[j + 1].start, end, m, t.text, speech), i)
    if word not in _OBJECT_OPENERS or _after_that(toks, i, j):
        speech = _content_is_speech(rule, toks, i, j, m)
        end = _subordinate_clause_end(sent, i)
        return _Statement(_Report(toks[j].start, end, m, t.text, speech), i)
    return None


# Subordinators that end an adjunct's reach: a clause after them is the writer's ("Lund said
# in a phone call, asking not to be named because she had no leave to speak …").
_ADJUNCT_ENDS: Final = frozenset(
    "because although though while as unless if since so when whereas until".split()
)


def _adjunct_only_after(cue: str, tail: list[Tok]) -> bool:
    """Whether the words ``tail`` after cue ``cue`` to the sentence end, opened by an adjunct,
    report nothing: no "that" comes within reach and no clause follows the adjunct
    (:func:`_clause_after_adjunct`). Cues that take "on" as their content ("called on the
    board to …", "insisted on a vote") are left to their rules, and so is an adverbial
    phrase before an object ("citing in part a jobs report")."""
    if cue in PREPOSITION_CUES or cue in _DEMAND_ON_CUES or len(tail) < 2:
        return False
    if tail[1].low in ("part", "particular", "short", "effect"):
        return False
    if any(t.low == "that" for t in tail[1:30]):
        return False  # ("said in a court filing late Monday night that …")
    if cue in INFINITIVE_CUES and any(
        t.low == "to" and n.text.islower() and n.low not in DETERMINERS
        for t, n in zip(tail[1:30], tail[2:31], strict=False)
    ):
        return False  # "had promised during his campaign to lower the deficit"
    return not _clause_after_adjunct(tail, 0, len(tail))


def _clause_after_adjunct(toks: list[Tok], j: int, end: int) -> bool:
    """Whether a clause follows the adjunct that opens at ``toks[j]`` right after a cue, so
    the words after the cue report something: a subject pronoun, "there", an auxiliary or a
    listed verb, a contracted subject or a question word before any subordinator ("said in a
    radio interview he would cut his salary", "described in detail how …",
    "said in 2019 the fares rose", "said in a message the operation had concluded") -> True;
    only the adjunct ("as he said at the state fair", "they said in a research note", "said on
    condition of anonymity because …") -> False."""
    last = min(end, j + 16)
    for k in range(j + 1, last):
        t = toks[k]
        if t.low in _ADJUNCT_ENDS:
            return False
        if not t.is_word or t.is_cap:
            continue
        if t.low in SUBJECT_PRONOUNS or t.low in ("there", "it") or t.low in _AUXILIARIES:
            return True
        if _contracted_subject(t.low) or t.low in _QUESTION_WORDS:
            return True  # "described in detail how he's been mistreated"
        prev = toks[k - 1].low
        verb = t.low in _LISTED_VERBS or (t.low.endswith("ed") and toks[k - 1].is_word)
        if verb and prev != "to" and prev not in DETERMINERS:
            return True  # "said at a news conference the students … used two handguns"
    return last < end  # (a long adjunct: a clause may come after the words read)


# Words that open an object or an adjunct after a cue, no content ("argued with the crews",
# "asked about the levy", "described as a gift"), unless a "that" comes first.
_OBJECT_OPENERS: Final = frozenset("to for by with about of as".split())


def _after_that(toks: list[Tok], i: int, j: int) -> bool:
    """Whether a "that" stands between cue ``toks[i]`` and ``toks[j]``, so the content is a
    clause whatever its first word: "Reyes argued that as riders learn more, support will
    fade", "said that for years the pier had leaked" -> True; "argued with the crews", "Reyes
    dismissed that as hypocrisy" (a stance verb's target) -> False."""
    if CUE_RULES.get(toks[i].low) == "stance":
        return False  # "dismissed that as hypocrisy": "that" is the judged target
    return any(t.low == "that" for t in toks[i + 1 : j])


# Subordinators that open a clause before the main one: "When Reyes announced the levy, …".
_LEADING_SUBORDINATORS: Final = frozenset(
    "when after before since once until because while although though whereas".split()
)


def _subordinate_clause_end(sent: _Sentence, i: int) -> int:
    """Where the content of cue ``sent.toks[i]`` ends when its frame is in a clause that opens
    the sentence: at the comma that closes that clause, before the main clause (the writer's).

    "When Reyes announced the levy in May, the fares rose." -> at the comma after "May";
    "After Reyes said Okafor, who runs the port, was wrong, the crews struck" -> after "wrong";
    "Reyes said the fares rose, and the crews struck." -> the sentence end; "And after Okafor
    accused Reyes of lying, Reyes said:" -> after "lying" (a conjunction may come first)."""
    toks = sent.toks
    first = 1 if toks[0].low in ("and", "but") and len(toks) > 1 else 0
    if (
        toks[0].start != sent.start
        or toks[first].low not in _LEADING_SUBORDINATORS
        or any(t.text == "," for t in toks[first + 1 : i])
    ):
        return sent.content_end
    in_relative = False  # between the commas of a relative: "…, whose support …, the"
    for k in range(i + 1, sent.end_tok - 1):
        if toks[k].text != ",":
            continue
        if in_relative or toks[k + 1].low in _RELATIVE_OPENERS:
            in_relative = not in_relative
        elif k >= i + 4:  # (not the commas of "announced we, too, would …")
            return toks[k].start
    return sent.content_end


_RELATIVE_OPENERS: Final = frozenset("who whose whom which where".split())


def _subject_tok(toks: list[Tok], m: Mention) -> int:
    """Index of the first token of the frame's subject ``m`` among ``toks`` (0 if none)."""
    return next((x for x in range(len(toks)) if toks[x].start >= m.start), 0)


def _frame_rule(toks: list[Tok], i: int, m: Mention) -> str:
    """The rule (CUE_RULES) of the leading frame whose cue is ``toks[i]`` and subject ``m``:
    the cue's own, but "none" for a passive cue, whose subject is no speaker ("he was asked
    whether …", "which was reported"), and for a percentage of poll respondents, a finding
    ("55 percent said …", guidelines)."""
    if _passive_participle(toks, i):
        return "none"  # "he was asked whether …", "the incidents being described sound …"
    at = _subject_tok(toks, m)
    if (
        _percent_share(m.text)
        or _poll_share_relative(toks, m, at)
        or _poll_share_before(toks, at)
        or _poll_figure(toks, i, m, at)
        or not _asserted_frame(toks, i, m)
    ):
        return "none"
    rule = CUE_RULES.get(toks[i].low, "speech")
    if rule == "appeal":
        return _appeal_rule(toks, i)
    if rule == "speaker" and (_inference_participle(toks, i) or _thing_relative(toks, m, at)):
        return "none"
    return rule


_PASSIVE_BE: Final = _BE_FORMS | frozenset(["be", "being"])


def _passive_participle(toks: list[Tok], i: int) -> bool:
    """Whether the cue ``toks[i]`` is a participle after a form of "be", with at most two
    adverbs between: a passive, whose subject is the one spoken to or about, no speaker ("he
    was asked whether …", "the siblings were brutally attacked", "she was also told that …"
    -> True; "Reyes has also said that …", "Reyes was quick to say" -> False)."""
    if i == 0 or not toks[i].low.endswith(("ed", "told", "said")):
        return False
    k = i - 1
    while k > 0 and i - k <= 2 and (toks[k].low in _ADVERBS_BEFORE_ING or adverb_ly(toks[k].low)):
        k -= 1
    return toks[k].low in _PASSIVE_BE


def _thing_relative(toks: list[Tok], m: Mention, at: int) -> bool:
    """Whether subject ``m`` (from ``toks[at]``) is a "which" that stands for a thing, not for a
    named organisation or a document: "the fares rose, which suggests demand is strong" -> True;
    "Harbor Corp, which revealed …", "the audit, which suggests …" -> False (a document speaks,
    guidelines); "the port authority, which suggested a levy" -> True (a lower-case head, read as a
    thing)."""
    if m.text.lower() != "which":
        return False
    k = at - 1 if at > 0 and toks[at - 1].text == "," else at
    return k > 0 and not toks[k - 1].is_cap and toks[k - 1].low not in DOC_NOUNS


def _inference_participle(toks: list[Tok], i: int) -> bool:
    """Whether cue ``toks[i]`` is a participle after a comma on a clause with no cue of speech
    before it: the writer's inference from a fact, not anyone's words ("The fares rose by half,
    suggesting demand is strong"; but "Reyes said the fares rose, suggesting …" is Reyes's)."""
    if not (toks[i].low.endswith("ing") and toks[i - 1].text == ","):
        return False
    return not any(CUE_RULES.get(t.low, "none") not in _NO_SPEECH for t in toks[: i - 1])


# Heads of a poll's share of respondents before "who say": "the share who say …", "the 16% of
# adults who say …" (guidelines: poll respondents are findings, not speakers).
_SHARE_WORDS: Final = frozenset(
    "share shares percent proportion majority minority fraction".split()
)


def _poll_share_relative(toks: list[Tok], m: Mention, at: int) -> bool:
    """Whether subject ``m`` (from ``toks[at]``) is "who" after a poll's share: "twice the share who
    say …", "the 16% of adults who say …", "the shares of riders and crews who say …" -> True; "the
    crews who say …" -> False."""
    if m.text.lower() != "who":
        return False
    return any(t.low in _SHARE_WORDS or t.text.endswith("%") for t in toks[max(0, at - 6) : at])


def _poll_share_before(toks: list[Tok], at: int) -> bool:
    """Whether the subject starting at ``toks[at]`` is the group noun of a poll's share written
    before it, the walk to the subject having stopped at the noun: "Sixty percent of registered
    voters say …", "41% of likely renters said …" -> True (guidelines: poll respondents are
    findings); "The percent of the budget that the mayor said …" (a relative between them), "half of
    the crews said …" (no percentage) -> False."""
    for k in range(at - 1, max(0, at - 6), -1):
        t = toks[k]
        if not t.is_word or t.low in _CLAUSE_STOPS:
            return False
        if t.low == "of" and k > 0:
            share = toks[k - 1]
            return share.low in ("percent", "cent") or share.text.endswith("%")
    return False


def _poll_figure(toks: list[Tok], i: int, m: Mention, at: int) -> bool:
    """Whether the frame of cue ``toks[i]`` (subject ``m`` from ``toks[at]``) gives a poll's figure
    for its group, a percentage set off by a comma or a bracket: between the subject and the cue
    ("Almost 6 in 10 riders, 59%, said …"), anywhere with a "who" subject ("riders who say the fares
    are too high (82%) …"), or in brackets after the cue ("Most riders say the same (42% each)") ->
    True (guidelines: poll respondents are findings); "Reyes said fares rose 5%, the most since
    1990" -> False."""
    for k in range(2, len(toks)):
        if toks[k].text != "%" or not toks[k - 1].text[:1].isdigit():
            continue
        mark = toks[k - 2].text
        if mark not in ("(", ","):
            continue
        if at <= k < i or m.text.lower() == "who" or (mark == "(" and k > i):
            return True
    return False


def _appeal_rule(toks: list[Tok], i: int) -> str:
    """The rule of an appeal cue ``toks[i]`` ("call", cues.toml): a rebuke with "out" ("called
    out the board for the delay", the rule charge); no speech when it is a phone call or a
    summons ("called to congratulate her", "called in to the show", "a meeting called to
    discuss the fares"), a name ("a ferry called Old Blue") or a noun ("phone calls, texts");
    else a request or a verdict ("called for an audit", "called the plan a gift")."""
    nxt = toks[i + 1] if i + 1 < len(toks) else toks[i]
    if nxt.low == "out":
        return "charge"
    if nxt.low in _CALL_PARTICLES or not nxt.is_word:
        return "none"
    if nxt.low in _REFLEXIVES:  # "calls itself the Harbor State" (a name), "… a patriot"
        after = toks[i + 2].low if i + 2 < len(toks) else ""
        return "request" if after in _AFTER_CALLED_SOMEONE else "none"
    if _call_without_words(toks, i) or _calls_into_question(toks, i):
        return "none"
    prev = toks[i - 1]
    if not nxt.is_cap or prev.is_cap or prev.low in _NOT_NAMING_BEFORE:
        return "request"
    k = i + 1
    while k < len(toks) and toks[k].is_cap:
        k += 1
    if k + 1 < len(toks) and toks[k].low in ("for", "on") and toks[k + 1].is_cap:
        return "none"  # a name that goes on: "a program called Skills for Harbor Youth"
    # "the letter called Reyes a liar", "called Friday for an audit": a verdict, a request;
    # "a ferry called Old Blue sails": a name
    return "request" if k < len(toks) and toks[k].low in _AFTER_CALLED_SOMEONE else "none"


def _calls_into_question(toks: list[Tok], i: int) -> bool:
    """Whether "call" ``toks[i]`` is the idiom "call … into question", a doubt raised, not
    words said to or of anyone: "a study called the levy's future into question", "calls
    some of the port's practices into question" -> True; "called the levy a scam" -> False."""
    for k in range(i + 1, min(i + 12, len(toks) - 1)):
        t = toks[k]
        if t.low == "into" and toks[k + 1].low == "question":
            return True
        if not t.is_word or t.low in _CLAUSE_STOPS:
            return False
    return False


def _call_without_words(toks: list[Tok], i: int) -> bool:
    """Whether "call" ``toks[i]`` with a short lower-case object is a phone call or a name,
    not a verdict on the object: "a cousin called the depot and asked …", "her son called her
    from the ferry", "a statute called the Harbor Act" -> True; "Reyes called the levy a scam",
    "called them reckless", "called the deal “a gift”" -> False (a complement follows)."""
    k = i + 1
    if k + 1 >= len(toks):
        return False
    obj = toks[k].low
    pronoun = obj in _OBJECT_PRONOUNS and (
        obj != "her" or not toks[k + 1].is_word or toks[k + 1].low in _AFTER_CALLED_UP
    )  # (not "called her vote a mistake")
    if not pronoun:
        if obj not in _ARTICLES and obj not in _OWNER_WORDS:
            return False
        if toks[k + 1].is_cap and obj == "the" and toks[i - 1].low not in _NOT_NAMING_BEFORE:
            return not toks[i - 1].is_cap  # "a statute called the Harbor Act"
        k += 1
    if k + 1 >= len(toks) or not toks[k].is_word:
        return False
    after = toks[k + 1]
    if after.start - toks[k].end > 2:
        return False  # a quotation in marks was left out: "called the deal “a gift”"
    # (a noun object may go on with a phrase: "called the depot in Leith a ruin")
    return not after.is_word or after.low in (_AFTER_CALLED_UP if pronoun else _AFTER_CALLED_NOUN)


_OBJECT_PRONOUNS: Final = frozenset("her him them me us".split())
# Words after the object of a phone call ("called the depot and asked", "called her from the
# ferry", "called him last week").
_AFTER_CALLED_UP: Final = frozenset(
    "and but from to on at in by after before last yesterday again back twice".split()
)
_AFTER_CALLED_NOUN: Final = frozenset("and but to last yesterday again back twice".split())


# Words after "call" of a phone call, a summons or a noun ("called to say", "called in to the
# show", "called up the reserves", "calls from the crews").
_CALL_PARTICLES: Final = frozenset("to in into up off back around from".split())
_REFLEXIVES: Final = frozenset("itself himself herself themselves ourselves".split())
_AFTER_CALLED_SOMEONE: Final = frozenset("a an for on upon".split())
# Words before "called <Name>" of a verdict on someone ("Reyes has called Okafor a liar"), not
# of a name ("a ferry called Old Blue").
_NOT_NAMING_BEFORE: Final = SUBJECT_PRONOUNS | frozenset(
    "has have had also who and but then once later repeatedly publicly never even".split()
)


# Modals of a possible or a required, not an actual, act of speech: "critics might argue that
# …", "the banks must disclose when …".
_HYPOTHETICAL_MODALS: Final = frozenset("might could may should must".split())
# Adverbs between a modal and its cue: "might even say", "would just argue".
_MODAL_ADVERBS: Final = frozenset("have also well even just still only".split())
# Adjectives before "to <cue>" that make the infinitive no one's act: "it is hard to say …",
# "safe to say", "too early to tell", "it is important to note …" (and "that is not to say …").
_IMPERSONAL_BEFORE_TO: Final = frozenset(
    "possible impossible hard difficult easy fair safe unfair early soon premature needless "
    "tempting important interesting worth crucial necessary".split()
)
_CONDITIONALS: Final = frozenset("if unless".split())
# Words before an "if" that asks a question rather than sets a condition.
_QUESTION_BEFORE_IF: Final = frozenset(
    "ask asked asks asking wonder wondered wonders wondering unclear clear know knew see "
    "check checked decide".split()
)


def _is_be(low: str) -> bool:
    """Whether a lower-case word is a form of "be", contracted too ("that’s not to say")."""
    return low in _BE_FORMS or low.endswith(("’s", "'s"))


def _asserted_frame(toks: list[Tok], i: int, m: Mention) -> bool:
    """Whether the frame of cue ``toks[i]`` (subject ``m``) reports an act of speech that took
    place, not a hypothetical one ("if he says …", "critics might argue …"; guidelines), an
    impersonal infinitive ("it is hard to say whether …", "that is not to say …") or the
    writer's own voice ("I would argue …", "we can all agree …").

    "Reyes said the fares would rise" -> True; "If Reyes says the fares rise, …", "Some might
    argue the fares are low", "Reyes may not announce the levy", "It is too early to tell
    whether fares rise", "I would argue the fares are low" -> False."""
    if m.text.lower() in ("i", "we"):
        return False
    if _unasserted_modal(toks, i):
        return False
    if toks[i - 1].low == "worth" or _unrealised_gerund(toks, i) or _unsaid(toks, i):
        return False  # "it is worth noting that …": the writer's aside
    if i > 2 and toks[i - 1].low == "to":
        before = toks[i - 2].low
        if before in _IMPERSONAL_BEFORE_TO or (before == "not" and _is_be(toks[i - 3].low)):
            return False
        if _impersonal_adjective(toks, i - 1):
            return False
        if _impersonal_judgement(toks, i - 1):
            return False
    first = next((x for x in range(i) if toks[x].end > m.start), i)
    return not (first > 0 and _opens_condition(toks, first - 1))


def _unasserted_modal(toks: list[Tok], i: int) -> bool:
    """Whether a modal before cue ``toks[i]`` makes its act of speech one that did not take
    place: a possible or a required one ("critics might argue", "might even say", "may not
    announce") or one that would have been ("Reyes would have argued that …", "would only
    have stressed"). "Reyes could not say how many …" (she spoke, and did not know), "Reyes
    would often say …" (a habit) and "Theresa May said" (a name) are reports; so is "Reyes will
    announce on Friday that …", a scheduled statement whose words are known."""
    if i > 2 and toks[i - 1].low == "to" and toks[i - 2].low in _OBLIGATIONS:
        return True  # "they would merely have to tell Congress why …", "has to explain"
    k = i - 1
    while k > 0 and (toks[k].low in _MODAL_ADVERBS or adverb_ly(toks[k].low)):
        k -= 1  # "might have said", "might reasonably argue" (not "could not say": it was so)
    if toks[k].low == "not" and toks[k - 1].text in _HYPOTHETICAL_MODALS - {"could"}:
        k -= 1  # "may not announce", "should not say" (but "could not explain": it was so)
    modal = toks[k].text
    if modal in _HYPOTHETICAL_MODALS:
        return True
    # "would have argued": a counterfactual (but "would say", a habit, or a reported "would")
    return modal == "would" and any(t.low == "have" for t in toks[k + 1 : i])


# Verbs of an obligation before "to <cue>": a duty to speak, not a report of speech ("has to
# explain why …", "would have to tell Congress …"; a past "had to" was mostly done).
_OBLIGATIONS: Final = frozenset("have has need needs ought".split())


# Subjects of an impersonal judgement before "to <cue>": "it is absurd to say …", "that is
# a stretch to say …", "now would be a good time to note …".
_IMPERSONAL_SUBJECTS: Final = frozenset("it this that now there".split())


def _impersonal_adjective(toks: list[Tok], to: int) -> bool:
    """Whether the "to" at ``toks[to]`` before a cue ends an impersonal "it is <adjective>",
    the writer's voice whatever the adjective: "It's absurd to say …", "it was silly to claim
    …", "it is too simple to argue …" -> True; "Reyes was quick to say …", "Reyes was the first
    to argue …" -> False (a person speaks)."""
    k = to - 1
    if k < 1 or not toks[k].is_word or not toks[k].text.islower():
        return False
    k -= 1
    while k > 0 and toks[k].low in ("too", "so", "very", "rather", "quite", "not"):
        k -= 1
    low = toks[k].low
    if low in ("it’s", "it's", "that’s", "that's"):
        return True
    return k > 0 and _is_be(low) and toks[k - 1].low in _IMPERSONAL_SUBJECTS


# Verbs before "to <cue>" of words withheld: "declined to say whether …", "refused to say",
# "failed to explain why …".
_WITHHOLDING: Final = frozenset(
    "decline declined declines declining refuse refused refuses refusing "
    "fail failed fails failing".split()
)
# Words between a negation and its cue: "has not yet said", "did not publicly say".
_AFTER_NEGATION: Final = frozenset("have has had been be yet ever even also".split())


def _unsaid(toks: list[Tok], i: int) -> bool:
    """Whether the cue ``toks[i]`` is negated or refused, so that its content is what was not
    said: "declined to say whether …", "refused to say when …", "has not said how …", "did
    not say whether …", "haven't said a word". "could not say how many …" stays a report (the
    speaker spoke, and said they did not know), as does "not only said …"."""
    k = i - 1
    while k > 0 and (toks[k].low in _AFTER_NEGATION or adverb_ly(toks[k].low)):
        k -= 1
    w = toks[k].low
    if w == "to":
        return k > 0 and toks[k - 1].low in _WITHHOLDING
    if w in ("not", "never"):
        return not (k > 0 and toks[k - 1].low in ("could", "can")) and toks[k + 1].low != "only"
    return w.endswith(("n't", "n’t")) and w not in ("couldn't", "couldn’t", "can't", "can’t")


# Words before a gerund cue of an act that did not take place: "without naming", "stopped
# short of calling", "avoided saying", "refrained from criticizing".
_UNREALISED_BEFORE: Final = frozenset("without avoid avoids avoided avoiding".split())


def _unrealised_gerund(toks: list[Tok], i: int) -> bool:
    """Whether the gerund cue ``toks[i]`` names an act of speech that did not take place:
    "Reyes stopped short of calling the strike a failure", "without naming the crews",
    "avoided saying whether …", "refrained from criticizing the board" -> True; "Reyes
    defended the levy, saying …", "accused of lying" -> False."""
    if i < 2 or not toks[i].low.endswith("ing"):
        return False
    prev, before = toks[i - 1].low, toks[i - 2].low
    if prev in _UNREALISED_BEFORE:
        return True
    return (prev == "of" and before == "short") or (prev == "from" and before.startswith("refrain"))


def _impersonal_judgement(toks: list[Tok], to: int) -> bool:
    """Whether the "to" at ``toks[to]`` before a cue ends an impersonal judgement, "it is a
    <noun phrase> to", the writer's voice: "It is a good rule of thumb to say …", "it would be
    a mistake to argue …", "it's no exaggeration to say …" -> True; "it was to report …" (a
    plan), "Reyes is a lawyer who went on to argue …" (a speaker) -> False."""
    k = to - 1
    while k > 0 and to - k <= 6 and toks[k].is_word and toks[k].low not in ("a", "an", "no"):
        k -= 1
    if k < 2 or toks[k].low not in ("a", "an", "no") or to - k < 2:
        return False
    j = k - 1
    if toks[j].low == "be" and j > 1 and toks[j - 1].text in _MODALS_OF_BE:
        return toks[j - 2].low in _IMPERSONAL_SUBJECTS  # "it would be a mistake to say"
    if toks[j].low in ("it’s", "it's", "that’s", "that's"):
        return True  # "it's no exaggeration to say"
    # "now would be a good time to note …", "this is a good moment to say …"
    return _is_be(toks[j].low) and toks[j - 1].low in _IMPERSONAL_SUBJECTS


_MODALS_OF_BE: Final = frozenset("would will could might may can".split())


def _opens_condition(toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]`` opens a condition: "if"/"unless" ("If Reyes says …", "the crews
    strike if the port agrees to …"), but not an "if" that asks a question ("asked if Reyes
    was right to say …", "unclear if the port said …")."""
    if toks[k].low not in _CONDITIONALS:
        return False
    return k == 0 or toks[k - 1].low not in _QUESTION_BEFORE_IF


def _percent_share(speaker: str) -> bool:
    """Whether a subject is a percentage of people, the figure of a poll ("55 percent", "a
    third of voters" is not one: a share in words may be a described group, "most guests")."""
    low = speaker.lower()
    # (every match of the pattern holds " of" or " in ": most subjects are read no further)
    if (" of" in low or " in " in low) and _POLL_SHARE_RE.search(low):
        return True  # "A plurality of voters said", "Two-thirds of renters say"
    return ("percent" in low or "per cent" in low or "%" in low) and _is_share(speaker)


# Shares that only a poll reports: a plurality, a fraction written with a hyphen, "six in 10 of",
# and a count out of a small whole ("nine in 10", "three out of 10 tenants"), which is a share of
# those polled (guidelines: poll respondents are findings).
_POLL_SHARE_RE: Final = re.compile(
    r"\b(?:plurality|(?:two|three|four)-(?:thirds|quarters|fifths)|\w+ in (?:10|ten)) of\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|\d{1,2}) (?:in|out of)"
    r" (?:\d{1,3}|three|four|five|ten)\b"
)


def _prepositional_speech(rule: str, prep: str) -> bool:
    """Whether a cue of rule ``rule`` reports speech in a prepositional object after ``prep``:
    a request or a charge does ("called for an audit", "blamed on the crews"; not "asked
    about the budget", a topic), a position
    does ("argued for a levy", "warned against cuts"), a topic does not ("complained about
    the ads", "talked about tolls")."""
    if rule in ("request", "charge"):
        return prep != "about"  # "asked about the budget": a topic
    return rule == "speech" and prep not in ("about", "on")


def _content_is_speech(rule: str, toks: list[Tok], i: int, j: int, m: Mention) -> bool:
    """Whether the content from ``toks[j]`` after cue ``toks[i]`` (subject ``m``) is reported
    speech by the cue's rule (CUE_RULES, cues.toml).

    "Reyes said the fares would rise" (speech) / "Reyes added that …", not "the port added
    300 jobs" (clause) / "Reyes accused the board of lying", not "Reyes accused the board"
    (charge) / "Reyes suggested a levy", not "it suggests a slide" (speaker) / never "Reyes
    expects the fares to rise" (none)."""
    if toks[i].low in _TOLD_CUES and not _clause_follows(toks, i, j):
        return False  # "told the daily briefing", "told Reuters news agency on condition …"
    if rule == "request" and toks[i].low in _ADDRESSEE_REQUESTS:
        return _request_follows(toks, i, j)
    if rule in ("speech", "request"):
        return True
    if rule == "speaker":
        return not _thing_subject(m)
    if rule == "commitment" and toks[j].low == "not" and j + 1 < len(toks):
        return toks[j + 1].low == "to"  # "vowed not to repeat it"
    if rule == "stance":
        return _finite_clause_follows(toks, i, j)
    if rule in ("clause", "commitment"):
        return _clause_follows(toks, i, j)
    if rule == "participle":
        return _participle_reports_clause(toks, i, j)
    if rule == "charge":
        return _clause_follows(toks, i, j) or any(
            t.low in ("of", "for", "on") for t in toks[j : min(j + 12, len(toks))]
        )
    return False


def _participle_reports_clause(toks: list[Tok], i: int, j: int) -> bool:
    """Whether the participle cue ``toks[i]`` (rule ``participle``) reports the clause from
    ``toks[j]``: it is a verb, with no determiner, possessive or "no" before it, and a "that"
    or a colon stands between them, or a subordinator or subject pronoun opens the clause;
    after a comma, where it is an adjunct and no gerund, any clause (:func:`_clause_follows`).

    "The mayor wrote to residents, acknowledging that the repairs were late" / "denying he
    knew" / "filed a complaint, alleging his warnings were ignored" -> True; "the simple act
    of asserting rights in the square can force a reply" (a noun object, though a verb
    follows), "There is no denying that the pier leaks" (a noun), "her tweeting" -> False."""
    prev = toks[i - 1].low
    if prev in DETERMINERS or prev == "no" or prev.endswith(("'s", "’s")):
        return False
    if any(t.low == "that" or t.text == ":" for t in toks[i + 1 : j]):
        return True  # (not a comma: "are still tweeting, despite reports" ends the participle)
    if toks[i - 1].text == ",":
        return _clause_follows(toks, i, j)  # an adjunct: ", alleging his warnings were ignored"
    if j >= len(toks) or toks[j].low not in _PARTICIPLE_CLAUSE_WORDS:
        return False
    return not _pronoun_as_object(toks, j)


def _anonymity_asked(toks: list[Tok], j: int) -> bool:
    """Whether a request's content from ``toks[j]`` is a source's condition of anonymity, no
    statement: "asked not to be named", "requested anonymity to speak freely", "asked to
    remain anonymous", "asked that her name not be used"."""
    words = [t.low for t in toks[j : j + 6]]
    if words[:1] == ["that"]:
        words = words[1:]
    if words[:1] == ["anonymity"] or words[:3] == ["to", "remain", "anonymous"]:
        return True
    if words[:4] in (["not", "to", "be", "named"], ["not", "to", "be", "identified"]):
        return True
    return "name" in words[1:3] and "not" in words[2:4]


# Cues whose "on" object is a demand, not a topic: "insisted on a vote".
_DEMAND_ON_CUES: Final = frozenset("insist insisted insisting insists".split())


def _topic_after_on(toks: list[Tok], i: int, j: int) -> bool:
    """Whether "on" at ``toks[j]`` after the cue ``toks[i]`` opens only a topic: "reported on
    her work", "commented on the levy" -> True; "said on the radio the fares would rise" (a
    clause follows), "announced on Friday the arrest …" (a time), "called on the board to
    vote" (the cue takes "on"), "insisted on a vote" (a demand) -> False."""
    return (
        toks[j].low == "on"
        and toks[i].low not in PREPOSITION_CUES
        and toks[i].low not in _DEMAND_ON_CUES
        and not toks[j + 1].is_cap
        and not _clause_follows(toks, i, j + 1)
    )


# Requests made of someone: the request is an infinitive, a clause or a "for" object after the
# addressee ("asked the board to vote", "asked whether …", "asked the board for funds"), not
# the addressee alone ("asked people about the levy", "encouraged the crews at the pier").
_ADDRESSEE_REQUESTS: Final = frozenset(
    "ask asked asks asking encourage encouraged encourages encouraging".split()
)


_QUESTION_WORDS: Final = frozenset("whether if how why what when where who which".split())
_APPOSITIVE_MARKS: Final = frozenset([",", "-", "–", "—"])


def _request_follows(toks: list[Tok], i: int, j: int) -> bool:
    """Whether a request follows the cue ``toks[i]`` of a request made of someone, its words
    starting at ``toks[j]``: a clause, or a "to"-infinitive after the addressee.

    "asked the harbor board to vote", "asked the crews whether the fares rise" -> True; "asked a
    pointed question", "asked the crews about the levy" -> False."""
    if _clause_follows(toks, i, j):
        return True
    last = min(len(toks) - 1, j + 16)
    for k in range(j, last):
        low = toks[k].low
        nxt = toks[k + 1]
        if low == "to":
            if nxt.text.isalpha() and nxt.text.islower():
                return nxt.low not in DETERMINERS  # (not "agreed to a truce")
            continue  # "ages 19 to 32 to report"
        if toks[k].text == ":" or low in _QUESTION_WORDS or low == "for":
            return True  # "asking the crews this: would they …", "asked the crews whether …", "for"
        if low == "and" and nxt.low in _QUESTION_WORDS:
            continue  # "asked Reyes about the fares and whether …"
        if (not toks[k].is_word and toks[k].text not in _APPOSITIVE_MARKS) or low in _CLAUSE_STOPS:
            return False  # (an appositive may stand between: "asked Holt, the host, to …")
    # The tokens may stop short of the sentence end (a window after the last cue): a request
    # beyond them is not ruled out.
    return last == len(toks) - 1 and toks[-1].is_word


# Words of a time or place adjunct after a cue: "said today in Washington".
_ADJUNCT_OPENERS: Final = frozenset(
    "in on at during via through from over with today yesterday tonight earlier later".split()
)


def _adjuncts_only(toks: list[Tok], j: int, end: int) -> bool:
    """Whether the words from ``toks[j]`` to the sentence end ``end`` are only adjuncts, each
    a preposition or a time word with a short noun phrase: "in a joint statement", "today in
    Washington" -> True; "in 2019 the fares rose", "on Friday the fares rise", "on being
    paid" -> False."""
    if j >= end or end - j > 9 or toks[j].low not in _ADJUNCT_OPENERS:
        return False
    k = j
    while k < end:
        if toks[k].low not in _ADJUNCT_OPENERS:
            return False
        k += 1
        if k < end and toks[k].low in _OBJECT_DETERMINERS:
            k += 1
        n = 0
        while k < end and n < 3 and toks[k].is_word and toks[k].low not in _ADJUNCT_OPENERS:
            low = toks[k].low
            if low in DETERMINERS or low in _AUXILIARIES:
                return False
            if low.endswith("ing") and low not in _ING_NOUNS:
                return False  # "insist on being paid": a gerund's clause
            k += 1
            n += 1
    return True


# "tell" takes an addressee, then a clause: without one, its words are no reported content.
_TOLD_CUES: Final = frozenset("told tell tells telling".split())
_CLAUSE_WORDS: Final = (
    frozenset("whether if how why what when where who there you".split()) | SUBJECT_PRONOUNS
)
# Words that open a clause after a participle; not "what" or "who", which open its object
# ("asserting what he thinks is his right").
_PARTICIPLE_CLAUSE_WORDS: Final = _CLAUSE_WORDS - frozenset(("what", "who"))


def _clause_follows(toks: list[Tok], i: int, j: int) -> bool:
    """Whether a clause follows cue ``toks[i]``, its content starting at ``toks[j]``: a "that",
    comma or colon between them; a subordinator, a subject pronoun or a gerund opening the
    content; or an auxiliary verb in its first words, before any comma or conjunction.

    "Reyes denied that he knew" / "denied he knew" / "asked whether …" / "denied being there"
    / "stated the levy was legal" -> True; "Reyes denied any role in the audit" / "the port
    added 300 jobs and fares rose" -> False."""
    if any(t.low == "that" or t.text in (",", ":") for t in toks[i + 1 : j]):
        return True
    if j >= len(toks):
        return False
    first = toks[j].low
    if first in _CLAUSE_WORDS:
        return not _pronoun_as_object(toks, j)
    if _contracted_subject(first):
        return True  # "announced he's nominating …", "announced it’s pulling the paywall"
    if first.endswith("ing") and first not in _ING_NOUNS:
        return True
    if _that_after_adjunct(toks, j):
        return True
    for t in toks[j + 1 : j + 8]:
        if t.low in _AUXILIARIES and not t.is_cap:  # (not the month: "in May")
            return True
        if _inner_period(t):
            continue
        if not t.is_word or t.low in _CLAUSE_STOPS:
            return False
    return False


_YEAR_RE: Final = re.compile(r"(?:19|20)\d\d")


def _contracted_subject(low: str) -> bool:
    """Whether a lower-case word is a subject pronoun with its verb contracted onto it: "he's",
    "it’s", "they'd", "we'll" -> True; "its", "his" -> False."""
    for mark in ("'", "’"):
        if mark in low:
            base = low.split(mark, 1)[0]
            return base in SUBJECT_PRONOUNS or base == "it"
    return False


# Adverbs between a cue and the "that" of its clause: "announced then that …", "announced
# recently that …", "said again that …" (not "now", "once", "since": "said now that the
# party rules, …" opens a clause with "now that").
_ADVERBS_BEFORE_THAT: Final = frozenset("then earlier later again also".split())


def _adverb_before_that(low: str) -> bool:
    """Whether a lower-case word is an adverb that may stand between a cue and its "that"."""
    return low in _ADVERBS_BEFORE_THAT or adverb_ly(low)


def _that_after_adjunct(toks: list[Tok], j: int) -> bool:
    """Whether the words from ``toks[j]`` are an adjunct of time or place (or a year) and then
    "that",
    which opens the clause the cue reports: "The port reported in May 2020 that ridership had
    doubled", "Reyes added earlier in the day that …" -> True; "the port added 300 jobs that
    pay well" (a relative "that" after an object) -> False."""
    low = toks[j].low
    if _adverb_before_that(low):
        return j + 1 < len(toks) and toks[j + 1].low == "that"  # "announced recently that …"
    if low not in _ADJUNCT_OPENERS and not _YEAR_RE.fullmatch(toks[j].text):
        return False  # (a year left after a date the frame read: "in May 2020 that")
    for t in toks[j + 1 : j + 7]:
        if t.low == "that":
            return True
        if not t.is_word or t.low in _AUXILIARIES:
            return False
    return False


def _inner_period(t: Tok) -> bool:
    """Whether ``t`` is a period that the sentence splitter read as no sentence end: the
    tokens a frame reads are one sentence's, so a period among them closes an abbreviation
    the tokenizer did not glue ("Lund v. Harbor", "Lund. v. Harbor", "ca. five") and ends
    no clause. "Reyes stated Lund v. Harbor was settled" -> a clause follows "stated"."""
    return t.text == "."


def _pronoun_as_object(toks: list[Tok], j: int) -> bool:
    """Whether "it" or "you" at ``toks[j]``, right after a cue, is its object, not the subject
    of a clause: "Reyes mentioned it in a letter", "Reyes denied it." -> True; "Reyes admitted
    it was late", "Reyes wrote you were right" -> False."""
    if toks[j].low not in ("it", "you"):
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is None or not nxt.is_word or nxt.low in _AFTER_OBJECT_PRONOUN


# Words after a pronoun that is an object ("mentioned it in a letter", "denied it again").
_AFTER_OBJECT_PRONOUN: Final = frozenset(
    "to of for from with on at by about into in and or but as again too up out off over "
    "during after before".split()
)


def _finite_clause_follows(toks: list[Tok], i: int, j: int) -> bool:
    """:func:`_clause_follows`, but a gerund opens no clause: the object of a stance verb
    ("Reyes supported removing the pier", "backed raising the fares") is its target.

    "Reyes questioned whether the levy was legal" -> True; "Reyes supported removing the
    pier" -> False."""
    first = toks[j].low if j < len(toks) else ""
    if first.endswith("ing") and not any(
        t.low == "that" or t.text in (",", ":") for t in toks[i + 1 : j]
    ):
        return False
    return _clause_follows(toks, i, j)


# Verbs that make a finite clause of the words before them ("the levy was legal", "the
# crews would strike"); words that end the search for one ("jobs and fares rose").
_AUXILIARIES: Final = frozenset(
    "is are was were would will could can should must may might has had have did does do "
    "isn't wasn't won't wouldn't can't couldn't didn't doesn't hasn't hadn't".split()
)
_CLAUSE_STOPS: Final = frozenset("and or but who which that while as than to".split())
# Words that show a clause, not an adjunct, after a trailing cue.
_TAIL_CLAUSE_WORDS: Final = (
    _AUXILIARIES
    | SUBJECT_PRONOUNS
    | frozenset("that whether if because though although while so being".split())
)
# Words in "-ing" that are nouns, not gerunds: "denied wrongdoing" is a noun object.
_ING_NOUNS: Final = frozenset(
    "wrongdoing funding spending meeting hearing ruling building training housing shooting "
    "bombing killing killings warning reporting planning morning evening thing things "
    "something nothing anything everything".split()
)


# Possessives that may open a thing's noun phrase: "his rebellious persona threatened to …".
_POSSESSIVE_DETERMINERS: Final = frozenset("his her its their our my your".split())


def _thing_commits(cue: Tok, m: Mention) -> bool:
    """Whether the subject ``m`` of a commitment ``cue`` in the present tense before a
    "to"-infinitive is a thing, so the verb says what is likely, not what someone vowed: "the
    row threatens to slow the investment drive", "The journey of healing promises to be long".
    Only the present tense: news reports a body's acts in the past ("the port promised to add a
    ferry", "the hospital threatened to sue"), and the lists miss many bodies. A thing's
    phrase, up to a word that ties it to another (of, over, in …) and after its determiners,
    has no capitalised word (no name: "Trump", "Iran") and a singular head that is neither a
    noun of people nor of an organisation ("the council vows to …" speaks) nor a pronoun or
    relative ("it" may stand for a company, "who" for anyone); a plural is a group of people
    more often than not ("the crews threaten to strike")."""
    if not cue.low.endswith("s"):
        return False
    words = m.text.split()
    cut = tie_at([w.lower() for w in words])
    head = words[:cut] if cut else words
    while head and head[0].lower() in DETERMINERS | _POSSESSIVE_DETERMINERS:
        head = head[1:]
    if not head or any(w[0].isupper() for w in head):
        return False
    last = bare(head[-1].lower())
    return not (
        _plural_noun(last)  # (groups of people the lists miss: "the crews threatened to …")
        or _people_noun(last)
        or last in PRONOUNS
        or last in RELATIVES  # (the walk to the antecedent is the speaker rules')
        or last in ORG_WORDS
        or last in ORG_HEAD_NOUNS
    )


def _thing_subject(m: Mention) -> bool:
    """Whether the subject ``m`` is a thing or data, not someone speaking: "it suggests", "the
    figures indicate" (THING_SUBJECTS, cues.toml), "Wider testing revealed", "the polling
    suggests" (an activity named by a gerund; but not a participle after a noun, "a law
    requiring", where the walk to the subject went astray); the head comes before an "of"
    ("the study of ferry riders suggests", "a spokesman of the board suggested")."""
    words = m.text.split()
    if not words:
        return False
    if "of" in words[1:]:
        # ("a wide variety of data suggests": a thing after "of", unless a person heads it)
        last = words[-1].strip(".,’'").lower()
        words = words[: words.index("of", 1)]
        owner = bare(words[-1].lower())
        if last in THING_SUBJECTS and owner not in SPEAKER_NOUNS and owner not in TITLES:
            return True
    head = words[-1].strip(".,’'")
    if head.lower() in THING_SUBJECTS:
        return True
    if not (head.islower() and head.endswith("ing") and head not in SPEAKER_NOUNS):
        return False
    before = words[-2] if len(words) > 1 else ""
    return not before.islower() or before in DETERMINERS or before in _NOUN_MODIFIERS


def _joined_statements(toks: list[Tok], found: list[_Statement]) -> list[_Report]:
    """Several statements in one sentence: "X said A, adding that B" / "X said A and added B".

    A statement that follows a comma or "and" is a new one, and the one before ends where its
    frame begins; a nested frame ("X said Y claimed Z") is part of the outer content (PolNeAR
    gives that content to X), so it is no statement of its own here, unless the outer frame
    is no speech ("X defended himself, pointing to Z", "X believes Y said Z").
    """
    out: list[_Report] = []
    for statement in found:
        report = statement.report
        if out:
            before = out[-1]
            frame_start = (
                report.mention.start
                if report.mention.start > before.start
                else toks[statement.cue_index].start
            )
            b = statement.cue_index
            while b > 0 and toks[b].start >= frame_start:
                b -= 1
            joined = toks[b].low in _STATEMENT_JOINS and toks[b].start - before.start >= 10
            if not joined and (before.speech or not report.speech):
                continue
            before.end = max(before.start, min(before.end, toks[b].start))
        out.append(report)
    return out


def _indirect_in(doc: _Doc, k: int, hits: list[tuple[int, int, bool]], reach: int) -> list[_Report]:
    """:func:`_indirect` with tokens from ``reach`` characters before the first cue.

    Three frames, tried in this order: "according to X" (front or back), a trailing
    "…, X said (to Reuters) (on Thursday)." and a leading "X said (that) …". A leading frame
    may also report a commitment ("X vowed to …") or a prepositional object ("X called for
    …"); its subject may be a relative pronoun ("Reyes, who has argued") or a name before
    appositives ("Owen Marsh, a spokesman for the campaign, said"). Leading frames joined by
    a comma or "and" ("X said A, adding that B") give one statement each, and so does a
    statement inside a trailing or "according to" frame's content
    (:func:`_nested_statements`). The cue's class in
    the cue lexicon (CUE_RULES) says whether the content is reported speech; a frame that is
    not ("X plans to …", "the study found …") still claims quoted fragments in its content.
    """
    text = doc.text
    s, e = doc.spans[k]
    if e - s < 20:
        return []
    first_hit = hits[0]
    # Tokenize from a little before the first cue to a little past the last one; the
    # content's end comes from the text.
    win = min(e, hits[-1][1] + 60)
    while win < e and text[win].isalnum():
        win += 1  # (a word cut in two would end a name in a fragment, "Human Se")
    ws = s if first_hit[0] - s <= reach else text.rfind(" ", s, first_hit[0] - reach + 10) + 1
    toks = doc.outside_toks(max(s, ws), win, cache=False)  # quoted words are no frame
    if len(toks) < 5:
        return []
    end_tok = len(toks)
    while end_tok > 0 and not toks[end_tok - 1].is_word:
        end_tok -= 1
    if end_tok == 0:
        return []
    content_end = e
    while content_end > s and not text[content_end - 1].isalnum():
        content_end -= 1
    sent = _Sentence(s, toks, end_tok, content_end, win == e)
    cue_idx = [
        i
        for i in range(1, end_tok)
        if toks[i].low in INDIRECT_CUES
        and is_cue_at(toks, i, cues=INDIRECT_CUES)
        and not _cue_read_as_noun(toks, i)
        and not _reduced_relative(toks, i)
        and not _discourse_marker(toks, i)
    ]
    if any(h[2] for h in hits):
        according = _reported_by_according(doc, sent)
        if according is not None:
            return according + _nested_statements(doc, sent, cue_idx, according)
    if not cue_idx:
        return _reported_by_speech_noun(doc, sent)
    last_np = np_before(text, toks, cue_idx[-1])
    trailing = _reported_by_trailing_frame(doc, sent, cue_idx, last_np)
    if trailing is not None and any(r.speech for r in trailing):
        return trailing + _nested_statements(doc, sent, cue_idx, trailing)
    found: list[_Statement] = []
    for i in cue_idx:
        m = _leading_subject(doc, toks, i, last_np, cue_idx[-1])
        if m is None:
            continue
        statement = _leading_statement(doc, sent, i, m)
        if statement is not None:
            found.append(statement)
    # A trailing frame that reports no speech ("…, the footage showed.") gives way to a
    # leading frame of speech ("Reyes said the tapes do not show …, the footage showed").
    if trailing is not None and not any(f.report.speech for f in found):
        return trailing
    if not found:
        return _reported_by_speech_noun(doc, sent)
    joined = _joined_statements(toks, found)
    if not any(r.speech for r in joined):
        # "The board rejected the chief's claim that …": a frame of no speech around a speech
        # noun's clause, which reports the noun's owner
        joined += _reported_by_speech_noun(doc, sent)
    if trailing is not None:
        for report in joined:  # (its content ends before the trailing frame)
            report.end = max(report.start, min(report.end, trailing[0].end))
    return joined


# Words before the subject of the clause an outer frame reports: "But Reyes said …".
_REPORTED_CLAUSE_OPENERS: Final = frozenset(("", "but", "and", "yet", "so"))


def _opens_reported_clause(text: str, a: int, m: Mention) -> bool:
    """Whether mention ``m`` is a well-formed subject that opens the content starting at
    ``a`` ("But Reyes testified …"): a subject inside a phrase of the content ("A lawsuit
    filed this week in court accuses …" -> "week in court") is no clause's subject."""
    if text[a : m.start].strip(" \"“‘'").lower() not in _REPORTED_CLAUSE_OPENERS:
        return False
    whole = well_formed_mention(text, m.start, m.end)
    if whole is None or (whole.start, whole.end) != (m.start, m.end):
        return False
    # (an amount is a finding's subject: "43% of firms have reported being hacked")
    return not any(w[0].isdigit() for w in m.text.split())


def _nested_statements(
    doc: _Doc, sent: _Sentence, cue_idx: list[int], outer: list[_Report]
) -> list[_Report]:
    """The statements of speech that the content of an outer frame reports itself: "Sandy
    testified that the staffers had resigned, according to a transcript" gives the
    transcript's row and Sandy's, whose content is what Sandy testified. (Who the outer
    frame cites is the speaker of those words, not the document or outlet that carries
    them.) A thought ("Reyes believes …, officials said") is no statement of its own."""
    if len(outer) != 1 or not outer[0].speech:
        return []
    a, b = outer[0].start, outer[0].end
    toks = sent.toks
    inner = [i for i in cue_idx if a <= toks[i].start and toks[i].end < b]
    found: list[_Statement] = []
    for i in inner:
        m = _leading_subject(doc, toks, i, None, -1)
        if m is None or not _opens_reported_clause(doc.text, a, m):
            continue
        if any(t.low in ("and", "but", "or") for t in toks[:i] if t.start >= m.end):
            # "Turkey has blocked the talks and said …, sources said": the content is
            # what the sources said Turkey did, one statement
            continue
        statement = _leading_statement(doc, sent, i, m)
        if statement is not None and statement.report.speech and statement.report.start > a:
            found.append(statement)
    out = _joined_statements(toks, found) if found else []
    for report in out:
        report.end = max(report.start, min(report.end, b))
    return [r for r in out if r.speech and r.end - r.start >= 10]


# Adjectives that stand before a noun, never before a verb: "her own claims", "enough demand",
# "such promises", "tough questions"; the endings of many more ("xenophobic promises"; a
# person in "-ic" is a speaker noun: "a critic says").
_NOUN_MODIFIERS: Final = frozenset(
    "own such enough similar repeated false new recent latest previous tough pointed unfounded "
    "baseless renewed growing fresh same".split()
)
_ADJECTIVE_ENDINGS: Final = ("ous", "ful", "less", "able", "ible", "ic", "ish")
# Verbs whose object a cue in "-s" can be ("takes questions", "has claims", "made promises").
_NOUN_TAKING_VERBS: Final = frozenset(
    "take takes took taking face faces facing make makes made making has have had having hear "
    "heard hears hearing get "
    "gets got raise raises answer answers field fields issue issues".split()
)


def _cue_read_as_noun(toks: list[Tok], i: int) -> bool:
    """Whether the cue word ``toks[i]`` is a noun here, or a verb with no content after it, by
    its neighbours: after modifiers from an article or a possessive ("a hotly disputed
    claim", :func:`_modified_noun`) or in its base form after "a" ("a grand jury report
    detailing …", :func:`_base_form_after_article`); before a finite verb ("working-class
    demand is high", "what Okafor is describing is …"; but "rules he said were too strict",
    "a fight experts predict will last" report what was said of them); after an adjective
    ("Reyes's xenophobic promises to build a wall", "enough demand in the economy"), a
    plural determiner ("Other attacks followed") or a preposition ("in reports the panel
    filed"), a name after a preposition ("in reply to Harbor Desk questions") or a verb that
    takes it as object ("Reyes takes questions", "the plan raised questions"); in "-s"
    before a list's "and" ("calls and texts"). A verb cue has a subject
    before it and content after it: "Reyes says the fares rise", "as Reyes says, the fares
    rise", "Some say the fares rise" -> False."""
    t = toks[i]
    prev = toks[i - 1]
    if not prev.is_word or t.low in _VERB_ONLY_CUES:
        return False
    if (
        _modified_noun(toks, i)
        or _base_form_after_article(toks, i)
        or _base_form_after_one_thing(toks, i)
        or _noun_before_modifier(toks, i)
    ):
        return True
    if t.low.endswith("ed"):
        return _attributive_participle(toks, i)
    if (
        i + 1 < len(toks)
        and _finite_after_noun(toks, i)
        and prev.low not in SUBJECT_PRONOUNS
        and prev.low not in _SUBJECT_RELATIVES
        and prev.low not in SPEAKER_NOUNS
        and not _plural_noun(prev.low)
    ):
        # (but "rules he said were …", "a fight experts predict will …" report speech)
        return True
    if t.low.endswith("ing"):
        return False
    if _source_after(toks, i):
        return True  # "receives support from voters", "demands from Congress"
    plural = t.low.endswith("s") and not t.low.endswith("ss")
    if plural and (prev.low in _PLURAL_DETERMINERS or prev.low in _OBJECT_PREPOSITIONS):
        return True  # "Other attacks followed", "it is not in reports the panel filed"
    if prev.is_cap:
        return _name_after_preposition(toks, i)
    if prev.low in _NOUN_MODIFIERS:
        return True
    if not plural or prev.low in SUBJECT_PRONOUNS or prev.low in SPEAKER_NOUNS:
        return False
    if prev.low in _NOUN_TAKING_VERBS or _noun_modifier(prev):
        return True
    if prev.low.endswith("ed") and prev.low not in ("indeed", "need"):
        return True  # "renewed calls", "fielded questions": a verb's object
    nxt = toks[i + 1].low if i + 1 < len(toks) else "."
    return nxt in ("and", "or") and prev.low not in RELATIVES


# Words before a participle used as an adjective, where no subject of a verb ends: "for
# alleged fraud", "the fourth accused officer", "his alleged remarks" ("first" is more often
# an adverb: "Reyes first revealed that …").
_BEFORE_ATTRIBUTIVE: Final = frozenset(
    """the a an this that these those his her its their our my your for of with without over
    about against after from second third fourth fifth sixth other another""".split()
)


def _attributive_participle(toks: list[Tok], i: int) -> bool:
    """Whether the "-ed" cue ``toks[i]`` is an adjective before a noun, no verb of speech: after
    a determiner, a possessive, a preposition or an ordinal and before a lower-case word that
    goes on the noun phrase ("for alleged fraudulent practices", "the fourth accused officer",
    "his alleged remarks") -> True; "Reyes alleged that …", "the union accused officials of
    lying", "for years claimed the fares …" (a time, then a verb's object) -> False."""
    if i + 1 >= len(toks) or toks[i - 1].low not in _BEFORE_ATTRIBUTIVE:
        return False
    nxt = toks[i + 1]
    return (
        nxt.is_word
        and nxt.text.islower()
        and nxt.low not in _NOT_NOUN_PHRASE_WORDS
        and nxt.low not in DETERMINERS
        and nxt.low not in PRONOUNS
        and nxt.low not in _AUXILIARIES
        and not nxt.low.endswith("ly")
    )


# Words that do not go on a noun phrase after an adjective: the content or an adjunct of a
# verb ("that", "to", "in", "by" …).
_NOT_NOUN_PHRASE_WORDS: Final = frozenset(
    """that to in on by of as at for from with about into against over after before during
    whether if how why what when where who which and or but not never""".split()
)


# Words after a cue's comma that go on describing a noun, never open a statement.
_NOUN_ASIDES: Final = frozenset("including released published issued filed due".split())


def _noun_before_modifier(toks: list[Tok], i: int) -> bool:
    """Whether the cue word ``toks[i]`` is a noun that a modifier after it describes: a comma
    and a participle of publishing or "including" ("the March jobs report, released on
    Friday, …", "the privacy questions, including …"), or "above"/"below" after a participle
    ("the therapies described above", "as noted below": places in the text, the writer's
    own words). "Reyes added, in a letter, that …" stays a statement."""
    if i + 2 >= len(toks):
        return False
    nxt, word = toks[i + 1], toks[i + 2]
    if nxt.low in ("above", "below"):
        return toks[i].low.endswith("ed")
    return nxt.text == "," and word.low in _NOUN_ASIDES


def _source_after(toks: list[Tok], i: int) -> bool:
    """Whether "from" follows the cue word ``toks[i]`` (base form or "-s") with no "that" soon
    after: the noun's source ("support from young voters", "demands from Congress for the
    files") -> True; a reporter's "Reyes reports from Dover that …" -> False."""
    return (
        i + 1 < len(toks)
        and toks[i + 1].low == "from"
        and not any(t.low == "that" for t in toks[i + 2 : i + 10])
    )


def _finite_after_noun(toks: list[Tok], i: int) -> bool:
    """Whether the finite verb right after the cue word ``toks[i]`` makes the cue a noun, its
    subject: "Press reports have profiled …", "the report has cleared …", "demand is high" ->
    True; "the trope Reyes insists has shaped the port" (a verb in "-s" before "has"), "the
    lobbies, which Reyes alleges have skewed …" (a relative before the cue's subject): the
    content's subject was moved out -> False."""
    cue, nxt = toks[i], toks[i + 1]
    if nxt.text in ("has", "had"):
        return not cue.low.endswith("s")
    if nxt.text == "have" and any(t.low in _SUBJECT_RELATIVES for t in toks[max(0, i - 3) : i]):
        return False
    return nxt.text in _FINITE_VERBS


def _reduced_relative(toks: list[Tok], i: int) -> bool:
    """Whether the cue ``toks[i]`` is a participle hung on the noun before it, the sentence's
    verb coming right after the participle's prepositional phrase: "A crew member charged
    under the statute can be fined", "Footage tweeted from the pier shows the crowd" -> True;
    "The union charged in a statement the board lied", "Reyes announced on Monday it would
    close", "the port reported on Monday sales were down" -> False (the content's subject
    follows the phrase)."""
    t = toks[i]
    if i == 0 or i + 3 >= len(toks) or not t.low.endswith(("ed", "ing")):
        return False
    prev = toks[i - 1]
    if (
        not prev.is_word
        or prev.low in SUBJECT_PRONOUNS
        or prev.low in RELATIVES
        or prev.low in SKIP_BETWEEN
        or toks[i + 1].low not in _PARTICIPLE_PREPS
    ):
        return False
    k = i + 2
    words = 1
    if toks[k].low in _ARTICLES or toks[k].low in _OWNER_WORDS:
        k += 1
        words = 2
    end = min(len(toks), k + words + 1)
    while k < end and toks[k].is_word and toks[k].low not in _CLAUSE_STARTS:
        if toks[k].text in _FINITE_VERBS or (k > i + 2 and _verb_in_s(toks[k])):
            return True
        k += 1
    return False


# Prepositions a participle hung on a noun takes ("charged under", "tweeted from").
_PARTICIPLE_PREPS: Final = frozenset("under from by with at into over against in on".split())
_CLAUSE_STARTS: Final = frozenset("that it he she they we i this there".split()) | DETERMINERS


def _verb_in_s(tok: Tok) -> bool:
    """Whether a lower-case word is a cue verb in "-s" ("shows", "says"), a main verb."""
    return tok.text.islower() and tok.low in INDIRECT_CUES and tok.low.endswith("s")


# Prepositions whose object a name is, never a subject ("to", not "after": "after Reyes said").
_OBJECT_PREPOSITIONS: Final = frozenset("to of for from with on at by about into in".split())


_NAME_LINKS: Final = frozenset("of for and &".split())


def _name_after_preposition(toks: list[Tok], i: int) -> bool:
    """Whether the capitalised words before the cue ``toks[i]`` follow a preposition, so that
    they modify it as a noun, with no content after it: "in reply to Harbor Desk questions,
    …" -> True; "Harbor Desk questions whether …", "after Reyes claims …", "a report by
    Harbor Desk claims the fares rose" -> False."""
    nxt = toks[i + 1] if i + 1 < len(toks) else toks[i]
    if nxt.is_word and nxt.low not in _OBJECT_PREPOSITIONS:
        return False  # a verb's content may follow: "a report by Harbor Desk claims the …"
    k = i - 1
    while k > 0 and i - k <= 8:
        if toks[k].is_cap or (toks[k].low in _NAME_LINKS and toks[k - 1].is_cap):
            k -= 1  # (a name may hold "of": "the School of Public Health warn, …")
        else:
            break
    return k < i - 1 and toks[k].low in _OBJECT_PREPOSITIONS and not toks[k].is_cap


def _plural_noun(low: str) -> bool:
    """Whether a lower-case word looks like a plural noun: "experts", "crews" -> True; "is",
    "was", "this", "does", "press" -> False."""
    return (
        len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and low not in _AUXILIARIES
    )


# Finite verbs that never follow a reporting verb with its content (lower case: not "May").
_FINITE_VERBS: Final = frozenset(
    "is are was were will would can could should may might must do does did have".split()
)
_SUBJECT_RELATIVES: Final = _RELATIVE_OPENERS | frozenset(["that"])
# Determiners of a plural noun: "some claims", "Other attacks" (a verb in "-s" takes a singular
# subject: "Reyes says").
_PLURAL_DETERMINERS: Final = frozenset(
    "some many several few both all these those other various most".split()
)
# Cue words that are verbs, never nouns.
_VERB_ONLY_CUES: Final = frozenset("said says say told tell tells wrote writes".split())
# Words with an adjective's ending that come before a verb: adverbs, and nouns of people.
_ADVERBS_LIKE_ADJECTIVES: Final = frozenset(
    "nevertheless regardless nonetheless public skeptic cleric medic mechanic".split()
)


def _discourse_marker(toks: list[Tok], i: int) -> bool:
    """Whether the cue ``toks[i]`` is part of a discourse marker, no frame of speech: "Having
    said that, the fares rose", "That said, the fares rose", "a few ports, say, Dover and
    Harbor, …" -> True; "Reyes said that the fares rose" -> False."""
    low = toks[i].low
    prev = toks[i - 1].low
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    if low == "said" and prev == "having":
        return True
    if low == "said" and prev in ("that", "this") and i == 1 and nxt == ",":
        return True
    return low == "say" and prev == "," and nxt == ","


def _reported_by_speech_noun(doc: _Doc, sent: _Sentence) -> list[_Report]:
    """A speech noun with its owner and a "that" clause, in a sentence with no verb frame:
    "There is no sign of Reyes’s claim that the fares fell." -> Reyes, "the fares fell";
    "His warning that the pier would flood went unheeded." -> his; "his false claim on the
    radio that the pier would flood" -> his. The clause runs to the sentence end (where it
    ends inside the sentence is left to the reader)."""
    toks = sent.toks
    for i in range(1, sent.end_tok - 3):
        if toks[i].low not in _SPEECH_NOUNS:
            continue
        that = _speech_noun_that(toks, i, sent.end_tok)
        if that < 0:
            continue
        k = i - 1
        if k > 0 and _noun_modifier(toks[k]):
            k -= 1  # "his false claim", "Reyes's repeated warning"
        own = toks[k]
        if own.low in _POSS_WORDS:
            m: Mention | None = Mention(own.start, own.end, own.text)
        elif own.low.endswith(("’s", "'s")) and (own.is_cap or _people_noun(own.low[:-2])):
            m = np_before(doc.text, toks, k + 1)  # "Reyes's claim", "the harbor chief's claim"
            m = _possessor(m) if m is not None else None
        else:
            continue
        if m is not None and that + 1 < sent.end_tok and toks[that + 1].is_word:
            return [_Report(toks[that + 1].start, sent.content_end, m, toks[i].text)]
    return []


def _modified_noun(toks: list[Tok], i: int) -> bool:
    """Whether the cue word ``toks[i]`` ends a noun phrase: modifiers (:func:`_modifier_word`)
    run back from it to an article or a possessive ("a hotly disputed claim", "her dogged
    questioning", "an evidence-free claim that …", "Reyes's widely shared posts"), or to a
    verb that takes it as object ("raised far more pressing questions"). A verb after its
    subject has no such run: "the aide publicly said", "she's repeatedly claimed", "has long
    argued" -> False."""
    t = toks[i]
    k = i - 1
    while k >= 0 and _modifier_word(toks[k]):
        k -= 1
    if k == i - 1 or k < 0 or _sourced_noun(toks, k, i):
        return False
    p = toks[k]
    if p.low in _NOUN_TAKING_VERBS:
        # (a plural object: "has long argued" is a verb after its auxiliary)
        return t.low.endswith("s") and not t.low.endswith("ss")
    if _past_verb_before_participle(toks, k, i):
        return True
    return (
        p.low in _ARTICLES
        or p.low in _OWNER_WORDS
        or (p.low.endswith(("’s", "'s")) and contracted_pronoun(p.text) is None)
    )


def _past_verb_before_participle(toks: list[Tok], k: int, i: int) -> bool:
    """Whether the participle cue ``toks[i]``, after "-ly" adverbs from ``toks[k + 1]``,
    modifies the noun after it as the object of the past-tense verb ``toks[k]``: "the ad used
    racially charged language about the crews" -> True; "the board had publicly charged that
    …", "Reyes, who was widely reported to …" -> False (an auxiliary before a verb)."""
    p = toks[k]
    nxt = toks[i + 1] if i + 1 < len(toks) else p
    return (
        p.text.islower()
        and p.low.endswith("ed")
        and p.low not in SKIP_BETWEEN
        and toks[i].low.endswith(("ed", "ing"))
        and any(adverb_ly(x.low) for x in toks[k + 1 : i])
        and nxt.text.islower()
        and nxt.is_word
        and nxt.low not in _CLAUSE_STARTS
        and nxt.low not in _OBJECT_PREPOSITIONS
    )


def _base_form_after_article(toks: list[Tok], i: int) -> bool:
    """Whether the cue ``toks[i]``, in its base form, ends a noun phrase that "a" or "an"
    opens: "a 900-page grand jury report detailing …", "an Okafor campaign promise that …"
    -> True (a verb after a singular subject would end in "-s"); "a handful of crews claim
    …", "a spokesman would report …", "the crews report …" -> False."""
    t = toks[i]
    if t.low.endswith(("s", "ed", "ing")) or t.low + "s" not in INDIRECT_CUES:
        return False
    k = i - 1
    while k >= 0 and i - k <= 6 and toks[k].is_word and toks[k].low not in _ARTICLES:
        low = toks[k].low
        if low in _NOT_IN_NOUN_PHRASE or low in SKIP_BETWEEN or low in _FINITE_VERBS:
            return False
        k -= 1
    return k >= 0 and k < i - 1 and toks[k].low in ("a", "an") and not _sourced_noun(toks, k, i)


# Determiners of one thing besides "a"/"an" (which :func:`_base_form_after_article` reads).
_ONE_THING_DETERMINERS: Final = frozenset(
    "the one this each every his her its their our my your".split()
)
# Nouns of one group that news, British news above all, gives a plural verb ("the police
# report", "the family say", "the Taliban claim"): no disagreement with a base form.
_PLURAL_VERB_GROUPS: Final = _GROUP_NOUNS | frozenset(
    "media government pair duo majority minority rest clergy personnel taliban".split()
)
_COORDINATORS: Final = frozenset("and or nor &".split())


def _base_form_after_one_thing(toks: list[Tok], i: int) -> bool:
    """Whether the cue ``toks[i]``, in its base form, ends a noun phrase of one thing that a
    determiner other than "a"/"an" opens, so that it cannot be that phrase's verb (a verb after
    one subject ends in "-s") and is its head noun: "One recent Harbor Board report listed
    …", "as the HBA report makes clear, …", "Reyes's tenacious support among crews …" ->
    True. Not a plural head ("the crews report"), a group given a plural verb ("the police
    report", "the two women claim"), an adjective for people ("the poor say"), a phrase
    after a preposition whose head, before it, is not one thing ("sources close to the mayor
    say", "a number of the crews claim"; but "the yield on the Treasury note" is a noun,
    :func:`_singular_head_before`) or a conjunction ("Reyes and the board report") -> False."""
    t = toks[i]
    if t.low.endswith(("s", "ed", "ing")) or t.low + "s" not in INDIRECT_CUES:
        return False
    k = i - 1
    while k >= 0 and i - k <= 6 and toks[k].is_word and not _one_thing_determiner(toks[k]):
        low = toks[k].low
        if low in _NOT_IN_NOUN_PHRASE or low in SKIP_BETWEEN or low in _AUXILIARIES:
            return False
        k -= 1
    if k < 0 or k >= i - 1 or not _one_thing_determiner(toks[k]):
        return False
    head = bare(toks[i - 1].low)
    if _plural_noun(head) or head in _PLURAL_VERB_GROUPS or head.endswith("men"):
        return False
    if toks[k].low == "the" and k == i - 2 and not toks[i - 1].is_cap:
        return False  # "the poor say", "the accused claim": an adjective for people
    if k > 0 and toks[k - 1].low in _OBJECT_PREPOSITIONS:
        return _singular_head_before(toks, k - 1)  # "sources close to the mayor say"
    if k > 0 and toks[k - 1].low in _COORDINATORS:
        return False  # it is one of several: "Reyes and the board report"
    return not _sourced_noun(toks, k, i)


# Heads of a quantity or a group of people, which take a plural verb: "a number of crews say".
_QUANTITY_HEADS: Final = frozenset(
    "lot number majority minority handful dozen group share bunch kind half third quarter "
    "plurality percent body couple series host".split()
)


def _singular_head_before(toks: list[Tok], p: int) -> bool:
    """Whether the preposition ``toks[p]`` follows the head of a noun phrase of one thing ("the
    yield", "a problem"), which a verb would agree with: then a cue in its base form at the end
    of the phrase the preposition opens is a noun ("The yield on the 10-year Treasury note
    fell"). A plural or quantity head ("members of the board", "a number of crews", "the rest
    of the crews") or none ("sources close to the mayor") -> False."""
    if p < 2 or not _one_thing_determiner_or_article(toks[p - 2]):
        return False
    head = toks[p - 1]
    return (
        head.is_word
        and head.text.islower()
        and not _plural_noun(head.low)
        and head.low not in _PLURAL_VERB_GROUPS
        and head.low not in _QUANTITY_HEADS
        and not head.low.endswith("men")
    )


def _one_thing_determiner_or_article(tok: Tok) -> bool:
    """Whether a word opens a noun phrase of one thing: "a", "an", or
    :func:`_one_thing_determiner` ("the", "one", "Reyes's")."""
    return tok.low in ("a", "an") or _one_thing_determiner(tok)


def _one_thing_determiner(tok: Tok) -> bool:
    """Whether a word opens a noun phrase of one thing, or of one group: "the", "one", "his",
    "Reyes's" (a possessive, not the contraction "he's") -> True; "a" (read by
    :func:`_base_form_after_article`), "some", "these" -> False."""
    if tok.low in _ONE_THING_DETERMINERS:
        return True
    return tok.low.endswith(("’s", "'s")) and contracted_pronoun(tok.text) is None


def _sourced_noun(toks: list[Tok], k: int, i: int) -> bool:
    """Whether the noun phrase ``toks[k..i]`` names its source and a "that" clause follows
    the cue noun ``toks[i]`` soon: "a Harbor Desk report (from May) that the fares rose",
    "Reyes's widely shared claim that …" -> True, a report's content (read by
    :func:`_reported_by_speech_noun`); "an evidence-free claim that the fares rose" -> False
    (no one is said to have made it)."""
    return any(t.is_cap and t.low not in _ARTICLES for t in toks[k:i]) and any(
        t.low == "that" for t in toks[i + 1 : i + 7]
    )


_ARTICLES: Final = frozenset("a an the".split())
# Words that end a noun phrase walked back from its head: prepositions, pronouns, relatives,
# conjunctions, determiners ("a fight that some experts predict") and the heads of a plural
# quantity ("a handful of crews claim").
_NOT_IN_NOUN_PHRASE: Final = (
    _OBJECT_PREPOSITIONS
    | SUBJECT_PRONOUNS
    | RELATIVES
    | (DETERMINERS - _ARTICLES)
    | frozenset("and or but not to that few lot number majority minority handful dozen".split())
)
_OWNER_WORDS: Final = frozenset("his her its their our my your".split())
# Words that grade an adjective ("far more pressing questions").
_INTENSIFIERS: Final = frozenset("more most less very so too far much".split())
# Last parts of a hyphenated adjective ("evidence-free", "text-based", "long-running").
_COMPOUND_ADJECTIVE_ENDS: Final = ("free", "based", "like", "wide", "ed", "ing", "term")


def _modifier_word(tok: Tok) -> bool:
    """Whether a lower-case word modifies a noun after it rather than heading a subject: an
    adjective ("tenacious", "false"), an "-ly" adverb ("hotly"), an intensifier ("far",
    "more") or a hyphenated adjective ("evidence-free"); never a word for a person
    ("critic", "co-founder")."""
    low = tok.low
    if tok.is_cap or not tok.is_word or low in SPEAKER_NOUNS:
        return False
    if low in _INTENSIFIERS or _noun_modifier(tok) or (adverb_ly(low) and len(low) > 4):
        return True
    last = low.rsplit("-", 1)[1] if "-" in low else ""
    return bool(last) and last not in SPEAKER_NOUNS and last.endswith(_COMPOUND_ADJECTIVE_ENDS)


def _noun_modifier(tok: Tok) -> bool:
    """Whether a lower-case word is an adjective before a noun: "false", "xenophobic"."""
    low = tok.low
    return not tok.is_cap and (
        low in _NOUN_MODIFIERS
        or (low.endswith(_ADJECTIVE_ENDINGS) and low not in _ADVERBS_LIKE_ADJECTIVES)
    )


def _speech_noun_that(toks: list[Tok], i: int, end_tok: int) -> int:
    """The "that" of the speech noun ``toks[i]``'s clause: right after it ("his claim that
    …") or after a short "on"/"in" phrase ("his claim on the radio that …"); -1 when none."""
    if toks[i + 1].low == "that":
        return i + 1
    if toks[i + 1].low not in ("on", "in"):
        return -1
    for k in range(i + 2, min(end_tok, i + 6)):
        if toks[k].low == "that":
            if k + 1 >= end_tok:
                return -1
            # a subject must follow: "that contradicts …" is a relative on the phrase's noun
            nxt = toks[k + 1]
            subject = nxt.is_cap or nxt.low in DETERMINERS or nxt.low in SUBJECT_PRONOUNS
            return k if subject else -1
        if (not toks[k].is_word and toks[k].text != "\u201c") or toks[k].low in _AUXILIARIES:
            return -1  # (a quotation in the phrase is one token: "on his “Harbor Hour” show")
    return -1


# Capitalised prepositions and subordinators that open an adverbial, never a name.
_PREP_OPENERS: Final = frozenset(
    "in on at after before during when while since as for from with without by under "
    "despite following amid".split()
)
# What may stand before the frame of a second statement: "X said A, adding B", "… and added",
# "X said A, while Y said B".
_STATEMENT_JOINS: Final = frozenset([",", ";", "and", "but", "while", "whereas"])
_CLAUSE_OPENERS: Final = frozenset("and but so even also then meanwhile as or".split())


def _according_object(text: str, toks: list[Tok], j: int) -> Mention | None:
    """The words after "according to" up to a comma or the end: the preposition already marks
    them as the source, so no capital or speaker noun is needed ("his longtime physician")."""
    k = j
    while k < len(toks) and k - j < 10 and (toks[k].is_word or toks[k].text in "-’'&"):
        k += 1
    if k == j or k - j >= 10 or (k < len(toks) and toks[k].text not in (",", ".", ";")):
        return None
    return mention_of(text, toks[j:k])


_CONTENT_PREPS: Final = frozenset("about for against to on".split())
# Prepositions that open an adjunct between a cue and its content ("said during a call that",
# "said from his hospital bed that"); with no "that", no content ("Reyes reported from Dover
# and Okafor from Kent.": reporters' credits).
_ADJUNCT_PREPS: Final = frozenset(
    "during at after before following amid over via through from".split()
)


def _paren_open(toks: list[Tok], j: int) -> int:
    """The index of the "(" that the ")" at ``toks[j]`` closes, when the parenthesis is a
    party label after a name ("Sen. Ada Lund (R., Ariz.)", "(D-Vt.)"): a few tokens opening
    with a capitalised party code; else ``j`` ("a fan of the Harbor Hawks (losers!)")."""
    if toks[j].text != ")":
        return j
    k = j - 1
    while k >= 0 and j - k <= 8 and toks[k].text not in ("(", ")"):
        k -= 1
    if k < 0 or toks[k].text != "(" or k + 1 >= j:
        return j
    code = toks[k + 1].text.rstrip(".").split("-")[0]
    return k if code.isupper() and len(code) <= 3 else j


# How many comma-separated segments an appositive subject may run over: a name, an age, a home
# town, a relative clause and an appositive inside it ("Ada Lund, 48, of Dover, who came as
# a delegate of the Harbor Fund, a shipping group, said"); past the fourth, only while no
# subject was found (further left, a name is more often that of another clause: "Ivo Reyes,
# a member of the board, resigned, and Ada Lund, head of X, said").
_MAX_APPOSITIVES: Final = 6
_APPOSITIVES_AFTER_FOUND: Final = 4


def _appositive_subject(text: str, toks: list[Tok], i: int) -> Mention | None:
    """ "Owen Marsh, a spokesman for the Reyes campaign, said …": a name, appositives
    between commas, then the cue at ``i``. Walks left over comma-separated segments and keeps
    the leftmost one that is a whole capitalised noun phrase ("Sen. Ada Brennan, D-N.M., a
    long-shot candidate, said" -> Sen. Ada Brennan). The mention is the name, else a
    description of speakers ("The official, who asked not to be named, said")."""
    k = i - 1  # the comma before the cue
    best = described = None
    for n in range(_MAX_APPOSITIVES):
        if n >= _APPOSITIVES_AFTER_FOUND and (best or described) is not None:
            break
        j = k - 1
        while j >= 0 and k - j <= 30 and toks[j].text not in (",", ";", ":", "\u201c", "("):
            j = _paren_open(toks, j) - 1  # "Sen. Ada Lund (R., Ariz.), …": one segment
        if k - j > 30 or k - j < 2:
            break
        seg = toks[j + 1 : k]
        # A relative clause ("who became head once the coordinator resigned") or an appositive noun
        # phrase ("a water engineer who has inspected …") may be long and hold a verb of its
        # own; any other long or cue-bearing segment is a clause of the sentence.
        relative = seg[0].low in ("who", "whose", "which")
        w0 = seg[0].low
        role = w0 in DETERMINERS or bare(w0) in TITLES or w0 in SPEAKER_NOUNS
        if k - j > 15 and not (relative or role):
            break
        # ", asked about the fares,", ", pressed on the cost,": a passive participle aside
        # (its verb may be a cue word, but its subject is the name before it)
        aside = (
            len(seg) > 1
            and seg[0].text.islower()
            and seg[0].low.endswith("ed")
            and seg[1].low in ("about", "on", "by", "whether", "if", "why")
        )
        if not relative and not aside and any(t.low in CUES and t.text.islower() for t in seg):
            break
        # ("While Sen. Ivo Lund, a critic, warned …": a subordinate clause opens at the name,
        # whose verb is the cue)
        if (
            seg[0].is_cap
            and not _subordinate_name(seg)
            and (
                seg[0].low.endswith("ing")
                or seg[0].low in _PREP_OPENERS
                or seg[0].low in ("of", "about", "regarding")  # "Of Okafor, Levine … said"
                # "Alarmed by the floods, Governor Brennan, …": a participle phrase
                or (seg[0].low.endswith("ed") and len(seg) > 1 and seg[1].low in _PREP_OPENERS)
            )
        ):
            break  # "Rushing out of a briefing, Senator Tate …": an adverbial opens the sentence
        # (a noun inside a relative clause is no subject of the cue: "Ada Lund, who came as a
        # delegate of the Harbor Fund, said" is Ada Lund, not the delegate)
        m = np_before(text, toks, k) if not relative else None
        if m is not None:
            first = next(n for n in range(j + 1, k) if toks[n].end > m.start)
            lead = toks[j + 1 : first]
            # (or "The issue came up after Reyes, asked …, had said": a subordinate clause
            # opens at the name, and the cue is its verb)
            if all(t.low in _CLAUSE_OPENERS for t in lead) or lead[-1].low in _SUBORDINATORS:
                if any(t.is_cap and bare(t.low) not in NOT_NAMES for t in toks[first:k]):
                    best = m
                elif _speaker_description(toks[first:k]) and (j < 0 or toks[j].text != ","):
                    # (only a description that opens the chain: "The chief sponsor, the
                    # senator Ada Lund," and "Ada Lund, head of X, a trade group," keep the name)
                    described = m
        if j < 0 or toks[j].text != ",":
            break
        k = j
    return best or described


def _speaker_description(np: list[Tok]) -> bool:
    """Whether a noun phrase without a name is a description of speakers: a determiner and a
    noun of people or of a body that speaks ("The official", "a spokeswoman for the port",
    "The company") before an appositive or a relative clause set off by commas."""
    if len(np) < 2 or np[0].low not in DETERMINERS:
        return False
    words = [t.low for t in np]
    tie = tie_at(words) or len(words)
    head = words[tie - 1]
    return head in SPEAKER_NOUNS or _people_noun(head)


def _subordinate_name(seg: list[Tok]) -> bool:
    """A segment that is a subordinator and a name: "While Sen. Ivo Lund", "As Lund"."""
    return (
        len(seg) > 1
        and seg[0].low in _SUBORDINATORS
        and all(t.is_cap or t.text == "." or t.low in _ROLE_ENDERS for t in seg[1:])
    )


def _dashed_subject(text: str, toks: list[Tok], i: int) -> Mention | None:
    """ "Many guests at the ceremony — including farmers and nurses — said …": the noun phrase
    before a parenthetical between dashes is the subject of the cue at ``i``."""
    k = i - 1
    while k > 0 and toks[k - 1].text in _DASHES:  # "--"
        k -= 1
    j = k - 1
    while j > 0 and k - j <= 30 and toks[j].text not in _DASHES:
        if toks[j].text in (";", ":", "\u201c"):
            return None
        j -= 1
    if j <= 0 or toks[j].text not in _DASHES:
        return None
    while j > 0 and toks[j - 1].text in _DASHES:
        j -= 1
    return np_before(text, toks, j)


def _only_adjuncts(toks: list[Tok], j: int, end: int) -> bool:
    """True when the words from ``j`` to ``end`` are an addressee and a time ("Reuters on
    Thursday")."""
    return end - j <= 6 and all(t.is_cap or t.low in _ADJUNCT_WORDS for t in toks[j:end])


# ---------------------------------------------------------------------------------------------
# Public API


_DASHES: Final = "-—–―"


# Small words a signature line may hold in lower case: "Ada Brennan and Li Wei, The Courier".
_SIGNATURE_SMALL: Final = frozenset({"and", "of", "the", "for", "at", "de", "van", "von", "&"})


def _undashed_signature(line: str) -> bool:
    """A line that signs the quotation above it without a dash: "Name, Outlet" in title case.

    "Ada Brennan, Harbor Courier" / "Ada Brennan and Li Wei, The Courier" -> True;
    "Reyes, a nurse, said so." / "From the Right" / "Washington, Monday" (one word) -> False.
    """
    line = line.strip()
    if not 0 < len(line) <= 80 or line[-1] in '.!?:;"”' or line.count(",") != 1:
        return False
    comma = line.index(",")
    name, outlet = line[:comma].split(), line[comma + 1 :].split()
    if not 2 <= len(name) <= 8 or not 1 <= len(outlet) <= 6:
        return False
    return all(w[:1].isupper() or w.lower() in _SIGNATURE_SMALL for w in name + outlet) and (
        name[0][:1].isupper()
    )


def _dash_speaker(doc: _Doc, p: _Piece) -> Mention | None:
    """ "“…”\n\n- Tomas Reyes." / "-Mayor Reyes, posting after …": a quotation that
    ends its paragraph, signed on the next line by a dash and a name; or a quotation that is
    its whole line but for such a signature ("“…” ― Nadia Forsberg", a list of readers' words).
    A next line "Nadia Forsberg, Harbor Courier" signs it without a dash
    (:func:`_undashed_signature`)."""
    text = doc.text
    if not p.closed:
        return None
    line_end = _line_end(text, p.close_end)
    if text[p.close_end : line_end].strip() in ("", "."):
        sign_start = line_end
        while sign_start < len(text) and text[sign_start].isspace():
            sign_start += 1
        sign_end = _line_end(text, sign_start)
    elif not text[text.rfind("\n", 0, p.open_at) + 1 : p.open_at].strip():
        sign_start, sign_end = p.close_end, line_end
        while sign_start < sign_end and text[sign_start] in " \t\u00a0":
            sign_start += 1
    else:
        return None
    if sign_start >= len(text):
        return None
    if text[sign_start] not in _DASHES:
        if sign_start == p.close_end or not _undashed_signature(text[sign_start:sign_end]):
            return None
        # The words before the comma are the name as a whole ("Ada Brennan and Li Wei"):
        # a title-case line has no verb to cut it short.
        name_end = text.index(",", sign_start, sign_end)
        return Mention(sign_start, name_end, text[sign_start:name_end])
    while sign_start + 1 < sign_end and text[sign_start + 1] in _DASHES:  # "--"
        sign_start += 1
    if sign_end - sign_start > 100:  # a signature is short; a longer dashed line is a list item
        return None
    toks = tokenize(text, sign_start + 1, sign_end)
    if not toks or not toks[0].is_cap or toks[0].low in DETERMINERS:
        return None
    m = np_after(text, toks, 0)
    return m if m is not None and m.text[:1].isupper() else None


def _previous_sentence_speaker(doc: _Doc, pos: int) -> tuple[Mention, str, int] | None:
    """Speaker, cue and end of the sentence before ``pos`` when it reports someone's words
    ("Ortiz said that …", "Lund announced on Monday …") outside any quotation."""
    k = doc.sent_index(pos) - 1
    if k < 0:
        return None
    s, e = doc.spans[k]
    if doc.text.count("\n\n", e, pos) > 1:
        return None
    toks = doc.outside_toks(s, e)
    for i in range(len(toks)):  # the main clause's cue comes first
        if toks[i].low in _CUE_WORDS and is_cue_at(toks, i):
            m = _cue_speaker(doc, toks, i) or clause_subject(doc.text, toks, i)
            if m is not None:
                return m, _cue_text(doc.text, toks, i), e
            return None
    return None


@dataclass(slots=True)
class _Carried:
    """A speaker read for one quotation, which a later quotation may carry over."""

    mention: Mention
    speaker: str
    typ: str
    cue: str | None
    end: int  # where the quotation (or the sentence that named the speaker) ends


@dataclass(slots=True)
class ChoiceContext:
    """What a :data:`Chooser` is given about one quotation: the article, its quotations, their
    frames' readings, the quotation's index, the speaker carried so far, the speakers named so
    far and the rules' speaker (``said``)."""

    doc: _Doc
    pieces: list[_Piece]
    attrs: list[_Attr]
    idx: int
    last: _Carried | None
    history: list[tuple[int, str, str]]
    said: _Carried


# Who speaks a quotation, when the rules' reading is not simply kept: returns the speaker to
# keep (``attribution="ranked"``: :func:`analysis.quotes.ranker.ranked_chooser`).
Chooser = Callable[[ChoiceContext], _Carried | None]
ATTRIBUTIONS: Final = ("rules", "ranked")


def _chooser(attribution: str) -> Chooser | None:
    """The speaker chooser of an ``attribution`` mode: none for the rules alone."""
    if attribution not in ATTRIBUTIONS:
        raise ValueError(f"attribution must be one of {ATTRIBUTIONS}, not {attribution!r}")
    if attribution == "rules":
        return None
    from .ranker import ranked_chooser  # (it reads this module's rules: imported when wanted)

    return ranked_chooser()


def _floating_speaker(
    doc: _Doc,
    pieces: list[_Piece],
    attrs: list[_Attr],
    idx: int,
    last: _Carried | None,
    history: list[tuple[int, str, str]],
) -> _Carried | None:
    """Whoever spoke last goes on, within two paragraphs: the previous sentence's speaker or
    the speaker of the quotation before; else the next quotation on the same line; else the
    person the sentence before is about (:func:`_person_just_before`).

    "Ortiz said that the ferry would stay.\\n\\n“That’s why we fought.”" -> Ortiz;
    "“First, the fares.” “Second, the crews,” she said." -> she, for both.
    """
    text = doc.text
    p = pieces[idx]
    carried = None
    if last is not None and text.count("\n\n", last.end, p.open_at) <= 2:
        carried = last
    previous = _previous_sentence_speaker(doc, p.open_at)
    if previous is not None and (
        carried is None
        or (
            previous[2] > carried.end
            # "“…,” Welch said, according to Harbor Radio. “…”": the previous sentence
            # is the last quotation's own frame, already read (with its source).
            and doc.sent_index(carried.end - 1) != doc.sent_index(previous[2] - 1)
        )
    ):
        name, typ = _canonical(doc, previous[0], history)
        carried = _Carried(previous[0], name, typ, previous[1], previous[2])
    if (
        carried is None
        and idx + 1 < len(pieces)
        and (next_mention := attrs[idx + 1].mention) is not None
        and "\n" not in text[p.close_end : pieces[idx + 1].open_at]
    ):
        name, typ = _canonical(doc, next_mention, history)
        carried = _Carried(next_mention, name, typ, attrs[idx + 1].cue, p.open_at)
    if carried is None:
        # No one spoke last: the person the sentence before is about.
        carried = _person_just_before(doc, p, history)
    return carried


def _person_just_before(
    doc: _Doc, p: _Piece, history: list[tuple[int, str, str]]
) -> _Carried | None:
    """The named person a sentence without a speech verb is about, when a quotation follows
    it in the same paragraph: "Mayor Ana Reyes met the crews on Sunday. “We will not wait.”"
    -> Ana Reyes (the quotation says what she said there); not "The board met. “…”"."""
    k = doc.sent_index(p.open_at) - 1
    if k < 0:
        return None
    s, e = doc.spans[k]
    if "\n" in doc.text[s : p.open_at].strip() or doc.in_quote(s):
        return None
    m, name, typ = _sentence_subject(doc, k, history)
    if m is None or name is None or typ != "person" or not m.text[:1].isupper():
        return None
    if m.text.lower() in PRONOUNS:
        return None
    return _Carried(m, name, typ, None, e)


# "PENCE: Well, …" / "MS. OKAFOR: …": a transcript's speaker label, in capitals, then a colon.
_TRANSCRIPT_LABEL_RE: Final = re.compile(r"((?:[A-Z][A-Z.'’-]+ ){0,2}[A-Z][A-Z.'’-]+):\s")


def _transcript_label(text: str, p: _Piece) -> Mention | None:
    """The speaker label a quoted transcript turn opens with: "“REYES: We will not wait.”"
    -> REYES; not "“NOTE: fares rise”" (one capitalised word that no sentence names)."""
    m = _TRANSCRIPT_LABEL_RE.match(text, p.start, min(p.end, p.start + 40))
    if m is None or len(m.group(1)) < 3:
        return None
    return Mention(m.start(1), m.end(1), m.group(1))


def _label_names_someone(doc: _Doc, label: Mention) -> bool:
    """Whether a capitalised label's last word is the last name of someone the article names
    ("REYES" after "Mayor Ana Reyes said …"); "NOTE", "UPDATE" name no one."""
    words = label.text.split()
    return name_key(words[-1]) in doc.names()["by_last"]


def _speaker_of_piece(
    doc: _Doc,
    pieces: list[_Piece],
    attrs: list[_Attr],
    idx: int,
    last: _Carried | None,
    history: list[tuple[int, str, str]],
) -> _Carried | None:
    """The speaker of quotation ``idx``: its own frame's, else one carried over.

    - "“We will not wait,” Reyes said." -> Reyes, from the frame;
    - a quotation going on in a new paragraph keeps the speaker of the one before;
    - "“We will not wait.”\\n\\n- Tomas Reyes": a signature line names the speaker;
    - "“We stay,” Okafor said on Friday. “The levy stays” until the vote." -> Okafor for the
      second, which opens its sentence and runs on into the writer's words;
    - a floating whole-sentence quotation: :func:`_floating_speaker`.
    """
    text = doc.text
    p = pieces[idx]
    attr = attrs[idx]
    label = _transcript_label(text, p) if attr.kind == "direct" else None
    if label is not None and _label_names_someone(doc, label):
        speaker, typ = _canonical(doc, label, history)
        return _Carried(label, speaker, typ, ":", p.close_end)
    if attr.mention is not None:
        speaker, typ = _canonical(doc, attr.mention, history)
        return _Carried(attr.mention, speaker, typ, attr.cue, p.close_end)
    if attr.kind == "direct" and (dash := _dash_speaker(doc, p)) is not None:
        speaker, typ = _canonical(doc, dash, history)
        return _Carried(dash, speaker, typ, "-", p.close_end)
    if p.continues and last is not None:
        return last
    if (
        attr.kind == "partial"
        and last is not None
        and "\n" not in text[last.end : p.open_at]
        and text[doc.sent_span(p.open_at)[0] : p.open_at].strip(" (,")
        in ("", "But", "And", "Still", "Yet", "So")
    ):
        return last
    if attr.kind == "direct" and attr.cue is None:
        # (a frame with a cue that names no one, "Students were told: “…”", floats not)
        return _floating_speaker(doc, pieces, attrs, idx, last, history)
    return None


def _marked_rows(
    doc: _Doc,
    doc_id: object,
    pieces: list[_Piece],
    history: list[tuple[int, str, str]],
    choose: Chooser | None = None,
) -> list[dict]:
    """One row per quotation in marks, with its speaker (see :func:`_speaker_of_piece`; a
    ``choose`` may then replace a speaker the rules found)."""
    text = doc.text
    rows: list[dict] = []
    last: _Carried | None = None  # for floating quotations
    attrs: list[_Attr] = []
    for idx, p in enumerate(pieces):
        prev = pieces[idx - 1] if idx > 0 else None
        nxt = pieces[idx + 1] if idx + 1 < len(pieces) else None
        attrs.append(_attribute(doc, p, prev, nxt))
    for idx, p in enumerate(pieces):
        kind = attrs[idx].kind
        said = _speaker_of_piece(doc, pieces, attrs, idx, last, history)
        # (a quotation read with a speaker frame stays a quotation when the frame's mention
        # names no one: "in a box labeled “…”" is someone's words, not a scare quote)
        framed = said is not None
        if said is not None and not names_a_speaker(text, said.mention):
            said = None
        if choose is not None and said is not None and kind in ("direct", "partial"):
            said = choose(ChoiceContext(doc, pieces, attrs, idx, last, history, said))
        if said is not None:
            history.append((said.mention.start, said.speaker, said.typ or "person"))
            if kind in ("direct", "partial") and not _in_caption_label_line(text, p.open_at):
                last = _Carried(
                    said.mention, said.speaker, said.typ or "person", said.cue, p.close_end
                )
        if kind == "partial" and not framed and _n_words(text, p, 6) <= 5:
            # A short marked phrase nobody in its sentence says is a scare quote ("the
            # “renewal” of the waterfront"); reported speech around it may still claim it.
            kind = "scare"
        first_sentence = doc.sent_index(p.open_at)
        last_sentence = doc.sent_index(max(p.end - 1, p.start))
        rows.append(
            _row(
                doc_id,
                text,
                p.start,
                p.end,
                kind,
                None if said is None else said.mention,
                None if said is None else said.speaker,
                attrs[idx].cue if said is None else said.cue,
                None if said is None else said.typ,
                doc.spans[first_sentence][0],
                doc.spans[last_sentence][1],
            )
        )
    return rows


def _cue_hits_by_sentence(
    doc: _Doc, rows: list[dict], indirect: bool
) -> dict[int, list[tuple[int, int, bool]]]:
    """The usable cue words of the text between quotations, by sentence: (start, end,
    whether it is "according").

    One pass of the cue regex over the article. Without indirect rows only the sentences of
    quotations that no frame of their own attributes are read: reported speech around one
    makes it a mixed quotation, so the marked rows are the same either way.
    """
    text = doc.text
    qr = doc.quote_ranges
    scan = [(0, len(text))]
    if not indirect:
        open_sents = sorted(
            {
                k
                for i, r in enumerate(rows)
                if r["speaker"] is None and r["kind"] != "direct"
                for k in range(doc.sent_index(qr[i][0]), doc.sent_index(qr[i][1] - 1) + 1)
            }
        )
        scan = [doc.spans[k] for k in open_sents]
    # A cue inside a quotation or after an article ("the report", "a claim") frames nothing.
    by_sentence: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)
    # Only the text between quotations is scanned (so no cue found is inside one): a quotation
    # begins and ends with a mark that no cue word holds, so no cue straddles a gap's edge.
    unquoted = [gap for a0, b0 in scan for gap in _unquoted(qr, a0, b0)]
    for gap_start, gap_end in unquoted:
        for a, hit_end, g in cue_hits(text, gap_start, gap_end):
            if text.endswith(_NOUN_BEFORE, max(0, a - 7), a):
                continue
            if g in SUBJECT_ONLY_CUES and (
                text.endswith(" to ", max(0, a - 4), a)
                or (g.endswith("ing") and text.endswith(_GERUND_LEAD, max(0, a - 5), a))
            ):
                # "hopes to see", "plans to support": the verb before frames it; "a policy of
                # protecting and supporting X", "accused of backing": a gerund, no frame.
                continue
            by_sentence[doc.sent_index(a)].append((a, hit_end, g[0] in "aA" and g.endswith("ing")))
    return by_sentence


@dataclass(slots=True)
class _Reported:
    """What the reported-speech pass reads and adds to, for one article."""

    doc: _Doc
    rows: list[dict]
    speaker_starts: list[int | None]  # the speaker_start of each quotation's row
    history: list[tuple[int, str, str]]
    indirect: bool


def _same_speaker_mention(state: _Reported, i: int, m: Mention) -> bool:
    """Whether quotation ``i``'s speaker is the report's mention ``m``, or the antecedent
    right before it when ``m`` is a restrictive "who" ("one source who told …")."""
    if state.speaker_starts[i] == m.start:
        return True
    end = state.rows[i]["speaker_end"]
    return (
        m.text.lower() in RELATIVES
        and isinstance(end, int)
        and end <= m.start
        and not state.doc.text[end : m.start].strip()
    )


def _report_frames_quotation(state: _Reported, inside: list[int], report: _Report) -> bool:
    """Whether the report's frame is that of a quotation of its own speaker, already a row.

    "Reyes said that the levy was “a gift”": one mixed quotation; but "Reyes said the fares
    would rise and said, “We will not wait.”" reports the first part, which then ends where
    the second frame begins (shortened in place).
    """
    text = state.doc.text
    qr = state.doc.quote_ranges
    same = [i for i in inside if _same_speaker_mention(state, i, report.mention)]
    if not same:
        return False
    first_quote = min(qr[i][0] for i in same)
    if first_quote > report.start:
        lead = _COORD_FRAME_RE.search(text, report.start, first_quote)
        if lead is None or lead.group(1).lower() not in CUES or lead.start() - report.start < 10:
            own = _participle_frame_at(state, same, report)
            if own < 0:
                return True
            report.end = min(report.end, own)
            return False
        report.end = min(report.end, lead.start())
    else:
        # "Reyes said “We stay” and said the fares would rise": the second part has a
        # frame of its own after the quotation.
        last_quote = max(qr[i][1] for i in same)
        if last_quote > report.start:
            return True
        lead = _COORD_FRAME_RE.search(text, last_quote, report.start)
        if lead is None or lead.group(1).lower() not in CUES:
            # "called it “damning,” and said on Twitter that …": the report's own cue joined
            # after the quotation is a second frame, whatever stands between it and its content.
            joined = _COORD_CUE_RE.search(text, last_quote, report.start)
            return joined is None or joined.group(1) != report.cue
    return False


def _participle_frame_at(state: _Reported, same: list[int], report: _Report) -> int:
    """Where the quotation's own participle frame begins inside the report, or -1: "Reyes
    announced that the fares would rise, saying the levy was “a gift”" -> at ", saying"; the
    report is then its words before that frame (the quotation keeps its own row)."""
    text = state.doc.text
    first = min(same, key=lambda i: state.doc.quote_ranges[i][0])
    cue = state.rows[first]["cue"]
    if not cue or cue == report.cue or not cue.endswith("ing"):
        return -1
    at = text.rfind(", " + cue + " ", report.start, state.doc.quote_ranges[first][0])
    return at if at - report.start >= 10 else -1


def _claim_mixed_quotations(state: _Reported, inside: list[int], report: _Report) -> bool:
    """Quotations inside the reported content with no frame of their own are the reported
    speaker's words: one mixed quotation, not a scare quote.

    "Budget watchers note the ministry wouldn’t really “cut” the scheme." -> "cut" is the
    budget watchers'.
    """
    text = state.doc.text
    qr = state.doc.quote_ranges
    rows = state.rows
    mixed = [
        i
        for i in inside
        if report.start < qr[i][0] < report.end
        and rows[i]["speaker"] is None
        and rows[i]["kind"] != "direct"
        and not _FRAGMENT_LEAD_RE.search(text, max(report.start, qr[i][0] - 45), qr[i][0])
        and not _writers_marks(text, *qr[i])
    ]
    if not mixed:
        return False
    m = report.mention
    speaker, typ = _canonical(state.doc, m, state.history)
    state.history.append((m.start, speaker, typ))
    for i in mixed:
        rows[i].update(
            kind="partial",
            speaker=speaker,
            speaker_type=typ,
            cue=report.cue,
            speaker_start=m.start,
            speaker_end=m.end,
        )
        state.speaker_starts[i] = m.start
    return True


def _add_report_row(
    state: _Reported,
    doc_id: object,
    kind: str,
    report: _Report,
    sentence: int,
    *,
    attributed: bool = True,
) -> None:
    """A row for reported words, trimmed to end on a letter or digit, if 10 characters or more;
    without a speaker when not ``attributed`` (its mention names no one)."""
    text = state.doc.text
    start, end = _trim(text, report.start, report.end)
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if end - start < 10:
        return
    s, e = state.doc.spans[sentence]
    m = report.mention
    if not attributed:
        state.rows.append(_row(doc_id, text, start, end, kind, None, None, report.cue, "", s, e))
        return
    speaker, typ = _canonical(state.doc, m, state.history)
    state.history.append((m.start, speaker, typ))
    state.rows.append(_row(doc_id, text, start, end, kind, m, speaker, report.cue, typ, s, e))


# A percentage of people as a subject ("Sixty percent", "54 percent of voters", "41% of
# renters"; not "the 1 percent", a class of people), or those a poll asked ("respondents",
# "riders surveyed", "those polled").
_RESPONDENTS_RE: Final = re.compile(
    r"(?i)(?<!the )(?:\b\d[\d.,]*|\b[a-z]+(?:-[a-z]+)?)\s*(?:%|percent\b|per cent\b)"
    r"|\b(?:respondents|surveyed|polled)\b"
)
# A share in words and a poll in one subject: "a majority of riders in a Harbor Post poll", "most
# renters in the survey".
_SHARE_WORD_RE: Final = re.compile(
    r"(?i)\b(?:most|majority|minority|plurality|half|thirds?|quarters?|fifths?)\b"
)
_POLL_WORD_RE: Final = re.compile(r"(?i)\b(?:poll|survey)\b")
# Strings one of which a poll's subject holds (a superset of what the regexes above need).
_POLL_HINTS: Final = (
    "%",
    "percent",
    "per cent",
    "respondents",
    "surveyed",
    "polled",
    "poll",
    "survey",
)
# Where the subject of a frame starts, at the latest: after a clause's punctuation or marks, or
# after a word that opens a clause ("Shares fell 9% after the firm said": the firm's subject).
_SUBJECT_STOPS: Final = ',;:—–…\n“”"'
_CLAUSE_OPENER_RE: Final = re.compile(
    r"(?i).*\b(?:after|as|because|when|while|since|before|if|though|although|that|which|who"
    r"|whom|whose|but|and|or|until|once|so|where)\b"
)


def poll_respondents(text: str, m: Mention, sentence_start: int) -> bool:
    """Whether the subject around the mention ``m`` (from the clause's start to the mention's
    end, and a bracket right after it) is a share of a poll's respondents, whose answers are
    findings, not speech (tests/gold/GUIDELINES.md: "70 percent said"), however much of the
    subject the mention holds: "Sixty percent said …", "About half of the riders surveyed
    said …", "a majority of riders in a Harbor Post poll said …", "only half of renters (49%)
    say …"; not "Senate Majority Leader Ada Lund said", "Fares rose 5 percent, Reyes said", "the
    survey said" (a document states its findings), "half of the crews said" (no poll)."""
    a = m.start
    while a > sentence_start and text[a - 1] not in _SUBJECT_STOPS and text[a - 2 : a] != "--":
        if text[a - 3 : a] == "...":
            break  # an ellipsis the sentence splitter read as no end: "economy...Economists say"
        a -= 1
    b = m.end
    if text.startswith(" (", b):
        b = max(b, text.find(")", b, b + 12) + 1)  # "renters (49%)"
    subject = text[a:b]
    low = subject.lower()
    if not any(word in low for word in _POLL_HINTS):
        return False  # (most subjects: neither a share nor a poll's word, no regex needed)
    opener = _CLAUSE_OPENER_RE.match(subject, 0, m.start - a)
    if opener:
        subject = subject[opener.end() :]
    if _RESPONDENTS_RE.search(subject):
        return True
    return bool(_SHARE_WORD_RE.search(subject) and _POLL_WORD_RE.search(subject))


def _add_report(
    state: _Reported, doc_id: object, sentence: int, inside: list[int], report: _Report
) -> None:
    """The row of one reported statement of sentence ``sentence``, or its claim on the
    unattributed quotations inside it; ``inside`` are the quotations of that sentence.

    "Reyes said the fares would rise in May." -> an indirect row; "Reyes fears the levy will
    drain the fund, anger the crews and undo the ‘renewal’" -> a partial row for the content
    that leads to the fragment.
    """
    text = state.doc.text
    qr = state.doc.quote_ranges
    rows = state.rows
    # A mention that names no one claims no quotation; its statement stays, unattributed.
    nobody = report.passive or not names_a_speaker(text, report.mention)
    if report.mention.start in state.doc.vouchers or (
        not nobody and _report_frames_quotation(state, inside, report)
    ):
        return  # (a voucher's sentence is already the row of the quotation it closes)
    if not nobody and _claim_mixed_quotations(state, inside, report):
        return
    # The unattributed fragment after a comma is still inside the reported content, which is
    # then one mixed quotation (the fragment stays a row of its own).
    led = (
        [
            i
            for i in inside
            if report.start < qr[i][0] < report.end
            and rows[i]["speaker"] is None
            and rows[i]["kind"] != "direct"
            and not _writers_marks(text, *qr[i])
            and not any(qr[j][0] <= report.start < qr[j][1] for j in inside)
        ]
        if inside
        else []
    )
    if led and not nobody:
        _add_report_row(state, doc_id, "partial", report, sentence)
        return
    if not state.indirect or not report.speech:
        return  # (a frame that is no speech claims quoted fragments only: "fears the ‘renewal’")
    if poll_respondents(text, report.mention, state.doc.spans[sentence][0]):
        return  # a poll's answers, whichever frame reads them: findings
    for i in inside:
        if qr[i][0] <= report.start < qr[i][1]:
            report.start = report.end  # starts inside a quotation: not reported speech of its own
        elif report.start < qr[i][0] < report.end and not _writers_marks(text, *qr[i]):
            # (a "so-called" scare quote is the reporter's wording inside the content)
            report.end = qr[i][0]
            # and before the clause that introduces the fragment: "…, viewing
            # Israel's “massacre”", "… due to what it described as its “aggression”".
            cut = _FRAGMENT_LEAD_RE.search(text, max(report.start, report.end - 45), report.end)
            if cut:
                report.end = cut.start()
    _add_report_row(state, doc_id, "indirect", report, sentence, attributed=not nobody)


def _reported_speech(state: _Reported, doc_id: object) -> None:
    """Reported speech, sentence by sentence. A frame that attributes a quotation of its
    sentence is that quotation's row, not reported speech; otherwise the content stops
    before a quotation."""
    doc = state.doc
    qr = doc.quote_ranges
    quote_starts = [a for a, _ in qr]
    by_sentence = _cue_hits_by_sentence(doc, state.rows, state.indirect)
    for k in sorted(by_sentence):
        s, e = doc.spans[k]
        if _link_line(doc.text, s, e):
            continue
        lo = bisect.bisect_left(quote_starts, s) - 1
        inside = [i for i in range(max(lo, 0), bisect.bisect_left(quote_starts, e)) if qr[i][1] > s]
        for report in _indirect(doc, k, by_sentence[k]):
            _add_report(state, doc_id, k, inside, report)


# A related link's label opening its line ("More: …", "Related: …", "SEE ALSO: …"), and its
# button closing it ("… Read more").
_LINK_LABEL_RE: Final = re.compile(
    r"[\W_]*(?:more|related|see also|also see|read more|read|watch|listen)\s*:", re.IGNORECASE
)
_LINK_BUTTON_RE: Final = re.compile(r"\b(?:Read more|READ MORE)\W*$")
# Words of a related link's line at most: a longer line is a link run into the next
# paragraph ("Read: The divorce gap We all know …"), whose sentences are the article's.
_LINK_WORDS: Final = 30


def _link_line(text: str, s: int, e: int) -> bool:
    """Whether the sentence ``text[s:e]`` lies on a related link's line, a headline of another
    article (guidelines: related-link headlines are no quotations): a short line opened by a
    link label or closed by a "Read more" button. "More: Drug prices must fall, experts agree",
    "Facebook reveals it gave data to 61 companies Read more" -> True; "More than half of
    the crews said the fares rose." -> False (no colon); a sentence run on into the next line
    -> False (its words there are the article's)."""
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", s)
    b = len(text) if b < 0 else b
    if e > b:
        return False
    line = text[a:b]
    if len(line.split(None, _LINK_WORDS)) > _LINK_WORDS:
        return False
    return bool(_LINK_LABEL_RE.match(line) or _LINK_BUTTON_RE.search(line))


def _doc_quotes(
    doc_id: object, text: object, indirect: bool = True, choose: Chooser | None = None
) -> list[dict]:
    """The quote rows of one article (:func:`_article_quotes`), read without its link cards
    (:func:`analysis.corpus.link_cards`): a card's headlines are no quotation of the article
    and name none of its speakers, and cut out, not blanked, they leave the name before them
    as near its verb as the sentence has it. Offsets are into ``text`` itself, and a
    quotation is what they slice (one that spans a card keeps it); a sentence is given without
    its cards."""
    if not isinstance(text, str) or not text:
        return []
    cards = link_cards(text)
    if not cards:
        return _article_quotes(doc_id, text, indirect, choose)
    kept = _unquoted(cards, 0, len(text))
    rows = _article_quotes(doc_id, "".join(text[a:b] for a, b in kept), indirect, choose)
    cut = _cuts(cards)
    return [_offsets_into(row, cut, text) for row in rows]


@dataclass(frozen=True)
class _Cut:
    """Where a text's cut pieces were: ``at[k]``, the offset of the k-th cut in the shortened
    text, and ``before[k]``, how many characters the cuts before it removed."""

    at: list[int]
    before: list[int]


def _cuts(cards: list[tuple[int, int]]) -> _Cut:
    """The :class:`_Cut` of cutting ``cards`` (sorted ``(start, end)`` offsets) out of a text."""
    at, before, gone = [], [], 0
    for a, b in cards:
        at.append(a - gone)
        before.append(gone)
        gone += b - a
    before.append(gone)
    return _Cut(at, before)


# Each offset of a row, and how many cuts lie before it: a start at a cut lies after the piece
# (bisect_right), an end at a cut before it (bisect_left).
_OFFSET_SIDES: Final = (
    ("start", bisect.bisect_right),
    ("speaker_start", bisect.bisect_right),
    ("end", bisect.bisect_left),
    ("speaker_end", bisect.bisect_left),
)


def _offsets_into(row: dict, cut: _Cut, text: str) -> dict:
    """A row read from ``text`` with pieces cut out (``cut``), its offsets moved back into
    ``text`` (a start at a cut lies after the piece, an end at a cut before it) and its
    quotation what they slice there."""
    for name, cuts_before in _OFFSET_SIDES:
        x = row[name]
        if x is not None:
            row[name] = x + cut.before[cuts_before(cut.at, x)]
    row["quote"] = text[row["start"] : row["end"]]
    return row


def _article_quotes(
    doc_id: object, text: str, indirect: bool = True, choose: Chooser | None = None
) -> list[dict]:
    """The quote rows of one article: its quotations in marks (speakers as ``choose`` keeps
    them), then its reported speech (``indirect``), then statements after a label ("Reyes: the
    fares will rise")."""
    pieces = find_quote_spans(text)
    spans = sentence_spans(text)
    if not spans:
        return []
    doc = _Doc(text, spans, [(p.open_at, p.close_end) for p in pieces])
    history: list[tuple[int, str, str]] = []  # (mention start, canonical, type) of speakers
    rows = _marked_rows(doc, doc_id, pieces, history, choose)
    state = _Reported(doc, rows, [r["speaker_start"] for r in rows], history, indirect)
    _reported_speech(state, doc_id)
    if indirect and ":" in text:
        labelled = _label_statements(doc, doc_id, rows, history)
        rows.extend(labelled)
        rows.extend(_turn_continuations(doc, labelled, rows))
    if "(@" in text:
        rows = _with_embedded_posts(doc, doc_id, rows, history)
    resolve_first_person(rows)
    description_types(rows)
    carry_runs(rows, text)
    unresolved_pronouns(rows)
    common_word_speakers(rows, text)
    clause_head_pronoun(rows, text)
    passive_agent_speakers(rows, text)
    subject_after_time_noun(rows, text)
    phrase_speakers(rows)
    thing_mentions(rows, text)
    person_descriptors(rows, text)
    named_after_title(rows, text)
    bodies_after_kind(rows)
    if rows:
        written = {full for _, full in doc.names()["persons"]}
        given_name_speakers(rows, [n for n in written if _reads_as_person(n)])
    final_speaker_types(rows)
    return rows


def _reads_as_person(name: str) -> bool:
    """Whether a full name the article writes reads as a person's, for a given name alone to
    stand for it: "Julia Brandt", "Kim Jong Un"; not "Kit Harbor Research" (an everyday
    English word last: more often a body's name, or a headline's run)."""
    return name_type(name) == "person" and not common_word(name.rsplit(None, 1)[-1])


def _unquoted(ranges: list[tuple[int, int]], a0: int, b0: int) -> list[tuple[int, int]]:
    """The pieces of ``[a0, b0)`` outside every range of ``ranges`` (sorted by start)."""
    out = []
    pos = a0
    for qa, qb in ranges:
        if qa >= b0:
            break
        if qa > pos:
            out.append((pos, qa))
        pos = max(pos, qb)
    if pos < b0:
        out.append((pos, b0))
    return out


def cue_hits(text: str, a0: int, b0: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of every match of INDIRECT_HINT_RE in ``text[a0:b0]``."""
    # Two spellings, as for the tokenizer: compiled, one loop over the characters is faster
    # than the two regex scans; interpreted, the scans in C are. tests/test_quotes.py checks
    # that both give the plain scan's matches.
    if COMPILED:
        return cue_hits_loop(text, a0, b0)
    return cue_hits_regex(text, a0, b0)


def cue_hits_loop(text: str, a0: int, b0: int) -> list[tuple[int, int, str]]:
    """:func:`cue_hits` as a loop over characters (the compiled spelling): a cue is a whole
    run of word characters (``\\w``: ``str.isalnum`` or "_") that is a cue word."""
    # Every character of the article passes here, so the ASCII test is written out in the loop
    # rather than called per character.
    hits: list[tuple[int, int, str]] = []
    shapes = _HINT_SHAPES
    b0 = min(b0, len(text))
    i = max(a0, 0)
    if 0 < i < b0 and _word_at(text, i - 1):
        # a word that began before the range: no cue starts inside it
        while i < b0 and _word_at(text, i):
            i += 1
    while i < b0:
        o = ord(text[i])
        if o < 128:
            if not (97 <= o <= 122 or 65 <= o <= 90 or 48 <= o <= 57 or o == 95):
                i += 1
                continue
        elif not text[i].isalnum():
            i += 1
            continue
        j = i + 1
        while j < b0:
            o = ord(text[j])
            if o < 128:
                if not (97 <= o <= 122 or 65 <= o <= 90 or 48 <= o <= 57 or o == 95):
                    break
            elif not text[j].isalnum():
                break
            j += 1
        n = j - i
        # The word's shape first: most words are no cue, and the test needs no string of them.
        if _HINT_MIN <= n <= _HINT_MAX and shapes[_shape(text, i, j)]:
            w = text[i:j]
            if w in _HINT_WORDS:
                hits.append((i, j, w))
        i = j + 1  # (text[j] is no word character)
    return hits


def _word_at(text: str, i: int) -> bool:
    """re's ``\\w`` at ``text[i]``."""
    return alnum_at(text, i) or text[i] == "_"


_HINT_WORDS: Final = frozenset(INDIRECT_CUES | {"according", "According"})
_HINT_MAX: Final = max(map(len, _HINT_WORDS))
_HINT_MIN: Final = min(map(len, _HINT_WORDS))


def _shape(text: str, i: int, j: int) -> int:
    """The shape of the word ``text[i:j]`` (two letters or more): the low 5 bits of its first,
    second and last characters and its length, as an index into _HINT_SHAPES."""
    return (
        (ord(text[i]) & 31)
        | ((ord(text[i + 1]) & 31) << 5)
        | ((ord(text[j - 1]) & 31) << 10)
        | (((j - i) & 15) << 15)
    )


def _hint_shapes() -> bytes:
    table = bytearray(1 << 19)
    for w in _HINT_WORDS:
        table[_shape(w, 0, len(w))] = 1
    return bytes(table)


# 1 at the shape of each cue word. Other words share a shape with one ("and" and "add" do
# not; "she" and "see" do), so a 1 only says the word is worth comparing: most words are then
# never made into strings to look up in the set.
_HINT_SHAPES: Final = _hint_shapes()


def cue_hits_regex(text: str, a0: int, b0: int) -> list[tuple[int, int, str]]:
    """:func:`cue_hits` with two regex scans (the interpreted spelling)."""
    a = max(a0 - 1, 0)
    hits = [(m.start(1), m.end(1), m.group(1)) for m in _HINT_SPACE_RE.finditer(text, a, b0)]
    other = [(m.start(1), m.end(1), m.group(1)) for m in _HINT_OTHER_RE.finditer(text, a, b0)]
    if other:  # (rare: a cue after a quotation mark, a bracket or a line break)
        hits = sorted(hits + other)
    if a0 == 0 and (m := INDIRECT_HINT_RE.match(text, 0, b0)) is not None:
        hits.insert(0, (0, m.end(), m.group()))  # no character before it for the scan to find
    return hits


# "Abernathy: No pressure on harbor audit", "HALVORSEN: Why not meet in Boston?": a short
# name, a colon and a statement open the line (headlines, transcripts). Quoted statements after
# such a label are quotation rows already (see _headline_colon).
_LABEL_RE: Final = re.compile(
    r"[ \t]*((?:[A-Z][\w.'’&-]*)(?:[ \t]+(?:[A-Z][\w.'’&-]*|of|de|the)){0,4}):[ \t]+"
    r"(?![\"“'‘`«\s])"
)
_NOT_LABELS: Final = LEX["not_speaker_labels"]


def _label_statements(
    doc: _Doc, doc_id: object, rows: list[dict], history: list[tuple[int, str, str]]
) -> list[dict]:
    """Indirect rows for "Name: statement" lines. Not for labels that are no speakers
    ("Update:", "Photo:", "Oregon:"), nor lines holding a quotation or another row."""
    text = doc.text
    out: list[dict] = []
    entries = 0  # mixed-case labels whose line is about the one named, in the third person
    taken: list[tuple[int, int]] | None = None  # spans of the rows so far, built when needed
    colon = text.find(":")
    while colon >= 0:
        # Only lines with a colon near their start are read (a regex over every line start
        # would be the most expensive step of this function).
        line_start = text.rfind("\n", 0, colon) + 1
        lm = _LABEL_RE.match(text, line_start) if colon - line_start <= 60 else None
        colon = text.find(":", _line_end(text, colon))
        if lm is None:
            continue
        label = lm.group(1)
        w0 = bare(label.split()[0].lower())
        role = _transcript_role(label)
        if (
            role is None
            and not _honorific_label(label)
            and (w0 in NOT_NAMES or w0 in _NOT_LABELS or label.lower() in PLACES)
        ):
            continue
        cs, ce = lm.end(), _line_end(text, lm.end())
        if _headline_after_label(text, cs, ce) or (
            not label.isupper() and _entry_after_label(text, cs, ce)
        ):
            continue  # (a transcript's turn in capitals may be short: "REYES: Yes, Senator.")
        if not label.isupper() and _line_names_label(text, cs, ce, label):
            entries += 1
            continue
        while ce > cs and not text[ce - 1].isalnum():
            ce -= 1
        if ce - cs < 10 or doc.in_quote(lm.start()):
            continue
        k = bisect.bisect_left(doc._qstarts, cs)
        if k < len(doc._qstarts) and doc._qstarts[k] < ce + 2:
            continue  # a quotation on the line: "Okafor: Brandt the 'mayor of …'"
        if taken is None:
            taken = sorted((r["start"], r["end"]) for r in rows)
        j = bisect.bisect_left(taken, (cs, -1))
        if (j < len(taken) and taken[j][0] < ce) or (j > 0 and taken[j - 1][1] > cs):
            continue
        if role is not None:
            named = _person_of_role(doc, role, cs)
            if named is None:
                continue  # "THE PRESIDENT:" in an article that names no president
            m = Mention(lm.start(1), lm.end(1), label)
            speaker, typ = named, "person"
        else:
            found = well_formed_mention(text, lm.start(1), lm.end(1))
            if found is None or found.text != label:
                continue  # "JUST WATCHED: …", "Monday: …": no speaker's label
            if not label.isupper() and not _label_is_a_person(doc, label):
                continue  # "Immigration: About half …", "Point One: Compete …": a heading
            m = found
            speaker, typ = _initials_label_speaker(doc, label) or _canonical(doc, m, history)
        history.append((m.start, speaker, typ))
        ss, se = doc.sent_span(cs)[0], doc.sent_span(ce - 1)[1]
        # A label in capitals opens a transcript's turn: the words as spoken.
        kind = "direct" if label.isupper() else "indirect"
        out.append(_row(doc_id, text, cs, ce, kind, m, speaker, ":", typ, ss, se))
    if entries >= 2:
        # A list of people, each described after the name ("Ada Lund: Lund was the first …"):
        # a who's who, whose other lines are descriptions too, not the people's words.
        out = [r for r in out if r["kind"] == "direct"]
    return out


def _line_names_label(text: str, cs: int, ce: int, label: str) -> bool:
    """Whether the line after a name label names that person by surname, so is written about
    them, not by them: "Ivo Reyes: Reyes is the painter who …", "Ada Lund: Lund’s ability
    …"."""
    surname = label.split()[-1]
    if len(label.split()) < 2 or not surname[:1].isupper():
        return False
    line = text[cs:ce]
    # (not the next turn's label on the same line: "Stahl: … President Reyes: — a very …")
    return any(not line.startswith(":", e) for _, e in word_spans(line, surname))


def _turn_continuations(doc: _Doc, labelled: list[dict], rows: list[dict]) -> list[dict]:
    """Paragraphs that go on with a transcript's turn: between a turn opened by a name label
    in capitals ("ADA REYES: …", "REYES: …" when the article names Reyes) and the next such
    turn, each paragraph with no quotation marks and no other row is more of the same
    speaker's words (a direct row with no cue, as the guideline has a quotation that continues
    the one before it, and the turn's label as its mention). None of a gap is taken when any
    of its paragraphs is not the speaker's (:func:`_not_the_turn`): the writer's words between
    two excerpts.
    Paragraphs after the last turn are not read: the writer's words may follow a
    transcript."""
    text = doc.text
    turns = sorted((r for r in labelled if _name_turn(doc, r)), key=lambda r: r["start"])
    taken = sorted((r["start"], r["end"]) for r in rows)
    out: list[dict] = []
    for turn, nxt in zip(turns, turns[1:], strict=False):
        label_start = text.rfind("\n", 0, nxt["speaker_start"]) + 1
        surname = turn["speaker"].split()[-1]
        gap = _paragraphs(text, _line_end(text, turn["end"]), label_start)
        if any(_not_the_turn(text, a, b, surname) for a, b in gap):
            continue
        for a, b in gap:
            k = bisect.bisect_left(doc._qstarts, a)
            j = bisect.bisect_left(taken, (a, -1))
            if (
                b - a < 10
                or not text[a].isalnum()  # "[PAUSE]"
                or (k < len(doc._qstarts) and doc._qstarts[k] < b)
                or (j < len(taken) and taken[j][0] < b)
                or (j > 0 and taken[j - 1][1] > a)
            ):
                continue
            ss, se = doc.sent_span(a)[0], doc.sent_span(b - 1)[1]
            speaker, typ = turn["speaker"], turn["speaker_type"]
            label = _turn_label(text, turn)
            row = _row(turn["doc_id"], text, a, b, "direct", label, speaker, None, typ, ss, se)
            out.append(row)
    return out


def _turn_label(text: str, turn: dict) -> Mention:
    """The mention of a turn's speaker that its continuations share: the label that opens the
    turn ("KAHN:"), the one place the transcript names who is speaking."""
    start, end = turn["speaker_start"], turn["speaker_end"]
    return Mention(start, end, text[start:end])


def _name_turn(doc: _Doc, row: dict) -> bool:
    """Whether a label row is a transcript's turn by a person named in the label: a label in
    capitals of two words or more, or one the article names ("REYES:"), or by a role ("THE
    MAYOR:"); not a heading ("INVESTIGATIONS:") nor a questioner ("Q:")."""
    if row["kind"] != "direct" or row["speaker_start"] is None:
        return False
    label = doc.text[row["speaker_start"] : row["speaker_end"]]
    if _transcript_role(label) is not None:
        return True
    return row["speaker_type"] == "person" and (
        len(label.split()) > 1 or _label_names_someone(doc, Mention(0, len(label), label))
    )


def _not_the_turn(text: str, a: int, b: int, surname: str) -> bool:
    """Whether the paragraph ``text[a:b]`` (its closing punctuation after ``b``) is not more
    of a turn's words: another label opens it ("REPORTER 2: …", "WHITE WOMAN It’s …"), it
    names the speaker by surname (the writer's words about them: "Reyes then turned to the
    levy."), or it ends with no sentence end (a heading). A stage direction ("[PAUSE]",
    "(LAUGHTER)") is none of these."""
    if text[a] in "[(":
        return False
    colon = text.find(":", a, a + 41)
    label = text[a:colon].split() if colon > a else []
    words = text[a : a + 40].split()[:2]
    return (
        # "REPORTER 2:", "BILL McKIBBEN:": capitalised words, one in capitals
        (
            0 < len(label) <= 5
            and all(w[0].isupper() or w[0].isdigit() for w in label)
            and any(len(w) > 1 and w.isupper() for w in label)
        )
        or (len(words) == 2 and all(len(w) > 1 and w.isupper() for w in words))
        or re.search(r"\b" + re.escape(surname) + r"\b", text[a:b], re.IGNORECASE) is not None
        or not text[b : _line_end(text, b)].strip().startswith(tuple('.?!…"”’—-'))
    )


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs (runs of lines between blank lines) of ``text[start:end]``, as offsets,
    without surrounding blanks or the closing punctuation of the last sentence."""
    out = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[start:end]):
        a, b = start + m.start(), start + m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _initials_label_speaker(doc: _Doc, label: str) -> tuple[str, str] | None:
    """The speaker of an interview's turn labelled by initials ("AL:", "Q:"): the one person
    the article names with those initials ("AL" -> "Ada Lund"), else the label as an unnamed
    speaker, since an interviewer's "Q" or initials name no organisation; None for a label
    of more than three letters or not in capitals, which names a speaker itself."""
    if not (1 <= len(label) <= 3 and label.isalpha() and label.isupper()):
        return None
    holders = {
        name
        for _, name in doc.names()["persons"]
        if "".join(w[0] for w in name.split() if w[0].isupper()) in (label, label[0] + label[-1])
        and name.split()[0][0] == label[0]
        and name.split()[-1][0] == label[-1]
    }
    if len(holders) == 1:
        return holders.pop(), "person"
    return label, "anonymous"


def _honorific_label(label: str) -> bool:
    """Whether a transcript's label is a name after an honorific: "DR. ADA LUND", "MR. LUND"
    (a name with an honorific is a person's, whatever its first word alone would be)."""
    words = label.split()
    return len(words) > 1 and label.isupper() and bare(words[0].lower()).rstrip(".") in _HONORIFICS


# The numbering of a heading: "Point One", "Exhibit A", "Act II", "Step 3".
_NUMBERING_RE: Final = re.compile(r"(?:[A-Z]|[IVX]+|\d+|One|Two|Three|Four|Five|Six|Seven|Eight)")


def _label_is_a_person(doc: _Doc, label: str) -> bool:
    """Whether a label in ordinary capitals ("Ada Reyes: …", "Reyes: …", "Shawn: …") names a
    person: a full name, unless its last word numbers a heading ("Point One", "Exhibit A",
    "Act II"); a single word that is a given name, a title, a document ("Poll") or the surname
    of someone the article names. A single word before a colon else names a topic:
    "Immigration", "Ebola". (A transcript's turn in capitals may name someone the article
    does not introduce.)"""
    words = label.split()
    first = bare(words[0].lower()).rstrip(".")
    if first in GIVEN_NAMES or first in TITLES or label.lower() in DOC_NOUNS:
        return True  # (a document's label speaks for it: "Poll: Reyes leads")
    if len(words) >= 2:
        return _NUMBERING_RE.fullmatch(words[-1]) is None
    # (the label itself is a run of capitals the names are read from: another name must hold it)
    full = doc.names()["by_last"].get(name_key(words[-1]))
    return full is not None and full != label


def _transcript_role(label: str) -> list[str] | None:
    """The role words of a transcript's label naming a role, not a person: "THE PRESIDENT",
    "THE FIRST LADY" -> ["PRESIDENT"], ["FIRST", "LADY"]; None for any other label."""
    words = label.split()
    if not label.isupper() or len(words) < 2 or words[0] != "THE":
        return None
    return words[1:] if bare(words[-1].lower()) in TITLES else None


# An embedded post's signature closing its line: "— Ada Reyes (@adareyes) May 2, 2019".
_POST_SIGNATURE_RE: Final = re.compile(
    r"[—–][ \t]+(?P<name>[^()\n—–]{1,60}?)[ \t]+\(@\w{1,30}\)[ \t]+"
    r"[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$",
    re.M,
)
# Links a post ends with: its picture, a shortened link.
_POST_LINK_END_RE: Final = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")


@dataclass(slots=True)
class Post:
    """An embedded post: its words (``start``..``end``) and the author's name as signed."""

    start: int
    end: int
    name: Mention


def embedded_posts(text: str) -> list[Post]:
    """The posts a page embeds, each on a line signed "— Name (@handle) Month D, YYYY": "The
    ferry is late again pic.twitter.com/x1 — Ada Reyes (@adareyes) May 2, 2019" -> the words
    "The ferry is late again" by Ada Reyes. A line with only links is no post."""
    out = []
    for m in _POST_SIGNATURE_RE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = m.start()
        link = _POST_LINK_END_RE.search(text, start, end)
        if link is not None:
            end = link.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if text.count(" ", start, end) < 2:
            continue
        name = _display_name(m.group("name"))
        if sum(c.isalpha() for c in name) < 2:
            continue  # a name of symbols only
        at = m.start("name") + m.group("name").index(name)
        out.append(Post(start, end, Mention(at, at + len(name), name)))
    return out


def _display_name(raw: str) -> str:
    """A post author's display name without the tagline or the emblems after it: "Ada Reyes -
    Text FERRY to 555" -> "Ada Reyes"; "Ada Reyes 🌊 ??" -> "Ada Reyes"."""
    name = raw.split(" - ", 1)[0].split(" | ", 1)[0].strip()
    end = len(name)
    while end > 0 and not (name[end - 1].isalnum() or name[end - 1] in ".’'"):
        end -= 1
    return name[:end]


def _with_embedded_posts(
    doc: _Doc, doc_id: object, rows: list[dict], history: list[tuple[int, str, str]]
) -> list[dict]:
    """``rows`` with a direct row for each embedded post (see :func:`embedded_posts`), its
    author the speaker and no cue. The post's words are the author's own: reported speech
    read inside them goes; a post holding a quotation in marks is left to that quotation."""
    text = doc.text
    for post in embedded_posts(text):
        inside = [r for r in rows if r["start"] < post.end and r["end"] > post.start]
        if any(r["kind"] != "indirect" for r in inside):
            continue
        rows = [r for r in rows if not any(r is x for x in inside)]
        speaker, typ = _canonical(doc, post.name, history)
        history.append((post.name.start, speaker, typ))
        ss, se = doc.sent_span(post.start)[0], doc.sent_span(post.end - 1)[1]
        rows.append(
            _row(
                doc_id, text, post.start, post.end, "direct", post.name, speaker, None, typ, ss, se
            )
        )
    return rows


def _headline_after_label(text: str, start: int, end: int) -> bool:
    """Whether the line after a "Name:" label, ``text[start:end]``, is a headline, not words the
    name said: a few words with no closing punctuation ("Ada Reyes: The ferry fares are too
    high", a linked column's title), where a speaker's turn ends a sentence ("Ada Reyes: The
    fares are too high.")."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1].isalnum() and text.count(" ", start, end) < 20


def _entry_after_label(text: str, start: int, end: int) -> bool:
    """Whether the line after a "Label:" is an entry of a fact box or a byline, not words the
    label said: a lower-case description ("Ada Reyes: harbor editor and former skipper") or a
    place, a few capitalised words with a comma ("Headquarters: Port Ellen, Maine.") -> True;
    "Ada Reyes: The fares are too high.", a headline in title case ("Poll: Skippers Back
    Reyes") -> False."""
    words = text[start:end].split()
    if not words or not words[0][0].isupper():
        return bool(words)
    return (
        len(words) <= 5
        and any(w.endswith(",") for w in words)
        and all(w[0].isupper() or w in _NAME_LINKS for w in words)
    )


# Prepositions whose object is never the subject of the clause: "skippers in [Dover]
# pledged", "the invitation to [Ada Reyes] to speak", "the School of [Law] who has written".
_NO_SUBJECT_PREPOSITIONS: Final = frozenset(
    "of in on to for at into onto upon about between among against".split()
)
# Quantities whose "of" names the group a part of which speaks: "some of the opponents".
_PARTITIVES: Final = frozenset(
    """some many most all none one two three four five several few both each either neither
    majority minority half third quarter dozens hundreds thousands millions rest any""".split()
)
_QUOTE_CLOSERS: Final = "”’\"'"


def _word_before(text: str, end: int) -> Mention | None:
    """The word that ends before ``end``, past spaces or tabs and one closing quotation mark, read
    within the 40 characters before ``end`` ("the invitation to ”" -> "to"); None if none. (A
    regex anchored at the window's end would try every start in the window: a scan back is the
    same reading, without that search.)"""
    lo = max(0, end - 40)
    i = end
    while i > lo and text[i - 1] in " \t":
        i -= 1
    if i > lo and text[i - 1] in _QUOTE_CLOSERS:
        i -= 1
        while i > lo and text[i - 1] in " \t":
            i -= 1
    j = i
    while j > lo and (text[j - 1].isalnum() or text[j - 1] == "_"):
        j -= 1
    return Mention(j, i, text[j:i]) if j < i else None


def object_of_preposition(text: str, m: Mention) -> bool:
    """Whether the mention ``m`` is the object of a preposition right before it, and so no
    subject: "skippers in Dover pledged" -> "Dover", "the invitation to Ada Reyes to
    deliver" -> True. "according to Reyes" (the preposition names the source), the owner of
    words ("in Okafor's words") and a participle's subject ("footage of Reyes saying") are
    sources -> False."""
    before = _word_before(text, m.start)
    if before is None or before.text not in _NO_SUBJECT_PREPOSITIONS:
        return False
    if possessive_end(m.text) < len(m.text) or m.text.lower() in _POSS_WORDS:
        return False  # "in Okafor's words", "contrary to his claim"
    if text[m.end : m.end + 2] in ("'s", "’s") or text[m.end : m.end + 1] in ("'", "’"):
        return False
    if (after := _OWNED_WORDS_RE.match(text, m.end)) and after.group(1).endswith("ing"):
        return False  # "footage of Ada Reyes asking, “…”": the participle's subject speaks
    prev = _word_before(text, before.start)
    word = prev.text.lower() if prev is not None else ""
    if before.text == "of" and (word in _PARTITIVES or word.isdigit()):
        return False  # "some of the opponents say": the group speaks
    if before.text == "of" and (
        word in _VIEW_NOUNS or word in _UTTERANCE_NOUNS or _abstract_head(word)
    ):
        # "in the words of one skipper": the owner of the words; "the objections of
        # pilots who called …": the pilots
        return False
    return not (before.text == "to" and word in ("according", "attributed", "credited"))


def names_a_speaker(text: str, m: Mention) -> bool:
    """Whether a speaker's mention can name who speaks: not a possessive owning the subject
    (:func:`owner_of_speaker`), not the object of a preposition
    (:func:`object_of_preposition`)."""
    return not owner_of_speaker(text, m) and not object_of_preposition(text, m)


def _row(doc_id, text, start, end, kind, mention, speaker, cue, typ, ss, se) -> dict:
    if mention is not None and (cut := possessive_end(mention.text)) < len(mention.text):
        # The owner of the words is the name, not its possessive ending: "Okafor's claim".
        if speaker == mention.text:
            speaker = mention.text[:cut]
        mention = Mention(mention.start, mention.start + cut, mention.text[:cut])
    return {
        "doc_id": doc_id,
        "quote": text[start:end],
        "start": start,
        "end": end,
        "kind": kind,
        "speaker": speaker,
        "speaker_start": mention.start if mention is not None else None,
        "speaker_end": mention.end if mention is not None else None,
        "cue": cue,
        "speaker_type": typ if speaker is not None else None,
        "sentence": text[ss:se],
    }


def extract_quotes(
    docs: pd.DataFrame,
    *,
    indirect: bool = True,
    progress: bool | None = None,
    n_jobs: int | None = 1,
    attribution: str = "rules",
) -> pd.DataFrame:
    """One row per quotation or reported statement in ``docs`` (needs ``doc_id`` and ``text``).

    ``indirect=False`` skips reported speech without marks (about 1.8 times faster) when only
    quotations are wanted.

    Columns: ``doc_id``; ``outlet`` (when ``docs`` has it); ``quote`` (= ``text[start:end]``,
    marks excluded); ``start``, ``end``; ``kind`` (direct / partial / indirect / scare);
    ``speaker`` (the fullest name the article gives, with pronouns, roles and short names
    resolved within the article; a description as written when the article ties it to nobody;
    missing when nobody is named, and for the writer's own "I"/"we", never output as a
    speaker); ``speaker_start``, ``speaker_end`` (the mention it was read from, e.g. "he");
    ``cue`` ("said", "according to", ":"); ``speaker_type`` (person / organisation, a
    document too, "the report" / description: an unnamed person or group described, "the
    judge", "critics" / anonymous: a source kept unnamed, "a senior official");
    ``sentence`` (the context sentence or sentences). Sorted by doc_id, start, end.

    ``progress``: a tqdm bar over the articles (``None``: only from
    ``analysis.scale.PROGRESS_ARTICLES`` articles, so never on the samples).

    ``n_jobs``: processes on this machine (-1: every core), this one and ``n_jobs - 1``
    workers, each reading a share of the articles; same table as one process. Worth it from a
    few thousand articles (a worker takes about a second to start). A Dask DataFrame gives the
    same table too, extracted partition by partition on the Dask cluster
    (:func:`analysis.scale.extract_quotes`).

    ``attribution``: ``"rules"`` (the default), the first frame rule that fires names a
    quotation's speaker; ``"ranked"``, a small shipped model ranks the speakers that all the
    rules and the carried speaker propose (:mod:`analysis.quotes.ranker`).

    ``speaker_id`` (one person or organisation across all of ``docs``:
    :func:`analysis.quotes.speaker_table.speaker_ids`) is given once every article is read.
    """
    rows = quote_rows(
        docs, indirect=indirect, progress=progress, n_jobs=n_jobs, attribution=attribution
    )
    return with_speaker_ids(rows)


def quote_rows(
    docs: pd.DataFrame,
    *,
    indirect: bool = True,
    progress: bool | None = None,
    n_jobs: int | None = 1,
    attribution: str = "rules",
) -> pd.DataFrame:
    """:func:`extract_quotes` without ``speaker_id`` (columns ``ROW_COLUMNS``): what each part
    of a corpus gives on its own, before the parts are joined and the ids given."""
    if "doc_id" not in docs or "text" not in docs:
        raise ValueError("extract_quotes needs a docs table with 'doc_id' and 'text' columns")
    _chooser(attribution)  # (an unknown mode fails here, before any work)
    jobs = resolve_n_jobs(n_jobs)
    if jobs > 1 and len(docs) > 1:
        # The workers' chunks follow this function's own row order (doc_id as text, ties in
        # input order), so their tables, concatenated, are the table one call gives.
        ids = docs["doc_id"].map(str).tolist()
        order = sorted(range(len(ids)), key=ids.__getitem__)  # stable: ties keep input order
        cols = [c for c in ("doc_id", "outlet", "text") if c in docs]
        work = partial(_extract_chunk, indirect=indirect, attribution=attribution)
        return map_chunks(
            work,
            docs[cols].iloc[order],
            n_jobs=jobs,
            desc="quotes",
            progress=wants_progress(progress, len(docs), PROGRESS_ARTICLES),
        )
    return _extract_serial(docs, indirect=indirect, progress=progress, attribution=attribution)


@contextmanager
def _cyclic_gc_paused():
    """Python's cyclic garbage collector off for the block (back on after, if it was on).

    Reading an article allocates hundreds of token objects, all freed by reference counting:
    extraction builds no reference cycles (``gc.collect()`` after it finds no garbage, compiled
    or not: tests/test_quotes.py), so the collector's passes over them, and over the name
    caches grown by then, only cost time: 1.2 s of 16.7 s on 3,000 articles (timed with
    ``gc.callbacks``), 0.2 s with the collector paused; 3 % of ``extract_quotes`` in an A/B run
    of 2,000 articles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_cyclic_gc_paused()
def _extract_serial(
    docs: pd.DataFrame, *, indirect: bool, progress: bool | None, attribution: str = "rules"
) -> pd.DataFrame:
    """:func:`extract_quotes` in this process, article by article."""
    choose = _chooser(attribution)
    has_outlet = "outlet" in docs
    outlets = docs["outlet"].tolist() if has_outlet else [None] * len(docs)
    per_doc = sorted(
        zip(
            docs["doc_id"].map(str).tolist(),
            range(len(docs)),
            docs["text"].tolist(),
            outlets,
            strict=True,
        )
    )
    cols = ROW_COLUMNS if has_outlet else [c for c in ROW_COLUMNS if c != "outlet"]
    fields = [c for c in cols if c != "outlet"]
    as_tuple = itemgetter(*fields)  # a row dict as a tuple of fields; columns by zip(*) at the end
    table: list[tuple] = []
    outlet_col: list[str] = []
    articles: Iterable[tuple[str, int, object, object]] = per_doc
    if wants_progress(progress, len(per_doc), PROGRESS_ARTICLES):
        from tqdm.auto import tqdm

        articles = tqdm(per_doc, desc="quotes", unit="article")
    by_position = itemgetter("start", "end", "kind")
    for doc_id, _, text, outlet in articles:
        rows = _doc_quotes(doc_id, text, indirect, choose)
        # Compiled, this loop never lets another thread of this process run: the interpreter
        # hands the GIL over between bytecodes, and there are none here. With n_jobs, the pool
        # threads that hand chunks to the workers would wait for this whole chunk, and the
        # workers with them. sched_yield releases the GIL to a waiting thread and returns at
        # once otherwise (sleep(0) also releases it, but sleeps for Linux's timer slack). The
        # workers' tables come back in files, not through the pool's pipe, which would need
        # the GIL for every 64 KB (analysis.parallel).
        sched_yield()
        # Deterministic order: doc, position, then the shorter span, then kind.
        rows.sort(key=by_position)
        if has_outlet:
            name = outlet if isinstance(outlet, str) else "unknown"
            outlet_col.extend([name] * len(rows))
        table.extend(map(as_tuple, rows))
    columns = zip(*table, strict=True) if table else ([] for _ in fields)
    values: dict[str, list] = {c: list(v) for c, v in zip(fields, columns, strict=True)}
    if has_outlet:
        values["outlet"] = outlet_col
    # Each column built once with its dtype (not as objects, then converted). Text columns are
    # typed explicitly: a table whose speakers are all missing (or an empty one) would otherwise
    # be "object", and tables from several workers would not concatenate to the one-call table.
    data = {c: _column(values.pop(c), _DTYPES.get(c, "str")) for c in cols}
    return pd.DataFrame(data, columns=cols)


# (every other column is text)
_DTYPES: Final = {
    "start": "int64",
    "end": "int64",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
}


def _column(values: list, dtype: str) -> object:
    """``pd.array(values, dtype=dtype)`` for the table's three dtypes (str, int64, Int64),
    built by pyarrow and numpy from the list: pandas checks and converts each value first,
    which took 4 % of extraction's time (0.30 s for 104,000 rows, against 0.10 s)."""
    if dtype == "str":
        return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=_STR)
    if dtype == "Int64":
        ints = pa.array(values, type=pa.int64())
        return pd.arrays.IntegerArray(
            ints.fill_null(0).to_numpy(), ints.is_null().to_numpy(zero_copy_only=False)
        )
    return np.array(values, dtype=np.int64)


_STR: Final = pd.api.types.pandas_dtype("str")  # (what dtype="str" means in this pandas)


def _extract_chunk(
    docs: pd.DataFrame, *, indirect: bool, attribution: str = "rules"
) -> pd.DataFrame:
    """One worker's share of :func:`extract_quotes` with ``n_jobs`` (module level, so that it
    pickles by name)."""
    return quote_rows(docs, indirect=indirect, progress=False, attribution=attribution)
