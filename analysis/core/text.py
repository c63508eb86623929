"""Text primitives shared by every module: what a word is, where sentences end, diacritic folding.

Everything here works on plain ``str`` and returns offsets into that same string, so callers
can slice ``docs.text`` with them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

# A word (the workbench's one definition; README "How words are counted"):
# 1. a dotted abbreviation: two or more groups of one or two Latin letters, each followed by a
#    period, is one word with its periods ("U.S.", "F.B.I.", "Ph.D.", "a.m.", "D.C."), so a
#    spelling habit does not become the keywords "u" and "s";
# 2. otherwise letters or digits, with internal hyphens or apostrophes kept inside
#    ("NATO-Israel", "won't", "Erdoğan’s").
# Written so that Python's re, Rust's regex (polars) and RE2 (pyarrow) all read it the same way
# (no look-around; the first branch is tried first everywhere), so vectorised counts agree.
DOTTED_PATTERN: Final = r"(?:[A-Za-z]{1,2}\.){2,}"
WORD_PATTERN: Final = DOTTED_PATTERN + r"|[^\W_]+(?:[-'’][^\W_]+)*"
WORD_RE: Final = re.compile(WORD_PATTERN)
# Caveat: Rust's regex (polars) and RE2 (pyarrow) read ``\w`` differently from Python's re (they
# count combining marks as word characters, Python counts "²" and "½"), so WORD_PATTERN splits
# words differently there (e.g. in Hindi or decomposed accents). This spelling by Unicode
# category matches Python's WORD_PATTERN on every assigned code point (checked in
# tests/test_terms.py): use it in polars and pyarrow so vectorised counts equal Python ones.
WORD_PATTERN_UNICODE: Final = DOTTED_PATTERN + r"|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*"

# Abbreviations that end with a period without ending the sentence. Lower-cased, no period.
ABBREVIATIONS: Final = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj pres st jr sr rev hon fr
    jan feb mar apr jun jul aug sep sept oct nov dec
    no nos vol vols fig figs p pp ed eds inc ltd co corp bros dept est approx vs etc al
    u.s u.k u.n e.u d.c a.m p.m ph.d i.e e.g
    ariz calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn tex va vt wash wis wyo
    """.split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace;
# or a blank line. Spelt as one character class first and the branch after it (the same
# matches as ``[.!?…]+["'”’»)\]]*(?=\s)|\n\s*\n``): Python's re skips ahead to a character
# of a leading class in C, but tries an alternation of classes at every position.
# Group 1 looks ahead to the next sentence's first character (after opening quotes/brackets).
_BOUNDARY_RE: Final = re.compile(
    r"[.!?…\n](?:(?<=\n)\s*\n|(?<!\n)[.!?…]*[\"'”’»)\]]*(?=\s(?:\s*[\"'“‘«(\[]*(\S))?))"
)


def fold_diacritics(text: str) -> str:
    """Return ``text`` with combining marks removed: "Erdoğan" -> "Erdogan", "Atatürk" -> "Ataturk".

    The result has the same length as the input only for precomposed Latin text; do not use its
    offsets to index the original.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# No character of U+0000-U+02FF (Latin) or U+2000-U+20CF (punctuation such as curly quotes) is
# a combining mark (tests/test_quote_filter.py checks it): a decomposed text made of these only has
# nothing for fold_diacritics to drop.
MAY_FOLD: Final = re.compile("[^\x00-\u02ff\u2000-\u20cf]")


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period at ``text[end-1]`` closes an abbreviation or an initial."""
    # The token is the run of non-space characters before the period, read back over a short
    # window only (searching from 0 made splitting quadratic in length): the last word of the
    # window as str.rsplit sees it (a loop back over characters, or a regex anchored at the
    # window's end, costs more).
    if end > 8 and text[end - 8 : end - 1].isalpha():
        # Seven letters before the period: the token is longer than any abbreviation, no
        # initial and no dotted acronym (most sentence ends; the read below costs more).
        return False
    token = _abbreviation_key(text[max(0, end - 80) : end].rsplit(None, 1)[-1])
    if token in ABBREVIATIONS:
        return True
    # Single initials ("J. K. Rowling") and dotted acronyms ("U.S.", "a.m.").
    if len(token) == 1:
        return token.isalpha()
    return "." in token and _DOTTED_RE.fullmatch(token) is not None


_DOTTED_RE: Final = re.compile(r"(?:[a-z]\.)+[a-z]")
# Abbreviations that may end a sentence as well as stand inside one: suffixes, firms, places and
# times ("… in Washington, D.C. The vote", "at 2 a.m. “It was dark”"), not titles, months or
# "No." that always come before what they abbreviate.
_MAY_END: Final = frozenset(
    """jr sr inc ltd co corp bros etc al u.s u.k u.n e.u d.c a.m p.m
    ariz calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn tex va vt wash wis wyo""".split()
)
# Words that open sentences and never go on a name or a date ("The", "He", "But").
SENTENCE_OPENING_WORDS: Final = frozenset(
    """The He She It They We I But In A This That His Her Their Its There On At After When If
    Our My""".split()
)
# After an abbreviation: a sentence-opening word, or an opening quotation mark and a capital
# (not after a country's, which also modifies a noun: "a downgrade of the U.S. “AAA” rating").
_OPENS_SENTENCE_RE: Final = re.compile(
    r"\s+(?:" + "|".join(sorted(SENTENCE_OPENING_WORDS)) + r")\b"
)
_QUOTE_OPENS_RE: Final = re.compile(r"\s+[\"“‘][A-Z]")
_COUNTRIES: Final = frozenset("u.s u.k u.n e.u".split())


def _abbreviation_key(token: str) -> str:
    """A token ending in a period as the abbreviation lists write it: "“Sen." -> "sen",
    "D.C." -> "d.c"."""
    return token.lstrip("\"'“‘(«[").rstrip(".").lower()


def abbreviation_may_end(token: str) -> bool:
    """Whether an abbreviation may end a sentence as well as stand inside one: "D.C.", "a.m.",
    "Inc.", "Jr.", "Calif." -> True; "Sen.", "Jan.", "No." -> False."""
    return _abbreviation_key(token) in _MAY_END


def _ends_after_abbreviation(text: str, end: int, after: int) -> bool:
    """Whether the abbreviation whose period is ``text[end-1]`` also ends the sentence, the
    next one starting after ``after``: "… at 2 a.m. “It was dark,” she said" -> True; "at 2
    a.m. Tuesday", "the U.S. Army", "Sen. “Ike” Lund" -> False."""
    key = _abbreviation_key(text[max(0, end - 80) : end].rsplit(None, 1)[-1])
    if key not in _MAY_END:
        return False
    if _OPENS_SENTENCE_RE.match(text, after) is not None:
        return True
    return key not in _COUNTRIES and _QUOTE_OPENS_RE.match(text, after) is not None


_TERMINALS: Final = ".!?…"


@lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _BOUNDARY_RE.finditer(text):
        a = m.start()
        c = text[a]  # (the match's characters are read from text: no match strings are made)
        if c == "\n":
            end = a
        else:
            # "he said. then" is rare in edited news; a lower-case continuation is usually an
            # abbreviation we do not know ("approx. five"), so do not split there.
            nxt = m.group(1)
            if nxt is not None and nxt.islower():
                continue
            end = m.end()
            # One period, perhaps before closing marks (no "..", "?.", "…"): an abbreviation?
            if (
                c == "."
                and (a + 1 == end or text[a + 1] not in _TERMINALS)
                and _is_abbreviation(text, a + 1)
                and not _ends_after_abbreviation(text, a + 1, end)
            ):
                continue
        _append_span(text, start, end, spans)
        start = m.end()
    _append_span(text, start, n, spans)
    return tuple(spans)


def _append_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``text[start:end]`` trimmed of surrounding whitespace, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return ``(start, end)`` offsets, whitespace trimmed.

    Paragraph breaks (blank lines) always end a sentence. A period after a known abbreviation
    ("Oct.", "U.S.", "Mr.") or an initial does not. Closing quotation marks stay with the
    sentence they close.
    """
    if not text:
        return []
    return list(_split_cached(text))


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text)]


def word_spans(
    text: str, word: str, *, not_before: str = "", not_after: str = ""
) -> list[tuple[int, int]]:
    """(start, end) of each place ``word`` is written in ``text`` as a whole word: no letter,
    digit or underscore, nor a character of ``not_before`` / ``not_after``, right before or
    after it. The regular expression ``\\bword\\b`` without one compiled pattern per word, which
    a loop over an article's names would recompile past the ``re`` module's cache."""
    out: list[tuple[int, int]] = []
    if not word:
        return out
    n, size = len(word), len(text)
    i = text.find(word)
    while i >= 0:
        j = i + n
        before = text[i - 1] if i else ""
        after = text[j] if j < size else ""
        if not (before and (before.isalnum() or before == "_" or before in not_before)) and not (
            after and (after.isalnum() or after == "_" or after in not_after)
        ):
            out.append((i, j))
        i = text.find(word, i + 1)
    return out
