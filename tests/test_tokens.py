"""The fast scans of quote extraction against the plain spellings they replace.

``attribution.tokenize`` (one ``re.split``, offsets by running sums) must give the tokens of
the plain word-or-mark regex with the abbreviation periods glued on, and ``quotes._cue_hits``
(two scans, by the character before a cue) the matches of one ``\\W(cue)\\b`` scan, on text
made of every kind of character: one of each Unicode category, blanks, "_" and the joiners.
"""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.attribution import ABBREVIATIONS, tokenize
from analysis.quotes import _INDIRECT_HINT_RE, _cue_hits


def _one_per_category() -> list[str]:
    """The first code point of each Unicode general category (surrogates left out)."""
    seen: dict[str, str] = {}
    for cp in range(sys.maxunicode + 1):
        cat = unicodedata.category(chr(cp))
        if cat not in seen and cat != "Cs":
            seen[cat] = chr(cp)
    return sorted(seen.values())


ALPHABET = _one_per_category() + list(" \t\n_.-'’&\"“”(),:;İßÉé5½²") + ["Sen", "said", "U.S", "J"]
PIECES = st.lists(st.sampled_from(ALPHABET + ["a", "b", "Said", "says", "according"]), max_size=40)

# The tokens before the split rewrite: a word (inner - ' ’ . &) or one mark, periods glued after.
_PLAIN_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’.&][^\W_]+)*|[^\w\s]")


def plain_tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple]:
    out: list[list] = []
    for m in _PLAIN_TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        t, a, b = m.group(), m.start(), m.end()
        if t == "." and out:
            p = out[-1]
            if p[3] == a and p[4] and (p[1] in ABBREVIATIONS or (len(p[0]) == 1 and p[5])
                                       or "." in p[0]):
                p[0], p[1], p[3] = p[0] + ".", p[1] + ".", b
                continue
        out.append([t, t.lower(), a, b, t[0].isalnum(), t[0].isupper()])
    return [tuple(x) for x in out]


def as_tuples(toks) -> list[tuple]:
    return [(t.text, t.low, t.start, t.end, t.is_word, t.is_cap) for t in toks]


@settings(max_examples=400, deadline=None)
@given(PIECES, st.integers(0, 30), st.integers(0, 200))
def test_tokenize_is_the_plain_tokenizer(pieces, a, b):
    text = "".join(pieces)
    assert as_tuples(tokenize(text)) == plain_tokenize(text)
    assert as_tuples(tokenize(text, a, b)) == plain_tokenize(text, a, b)
    assert as_tuples(tokenize(text, a)) == plain_tokenize(text, a)


def test_tokenize_glues_abbreviation_periods():
    toks = tokenize("Sen. J. Doe of the U.S. said so.. Dr._x")
    assert [t.text for t in toks] == ["Sen.", "J.", "Doe", "of", "the", "U.S.", "said", "so", ".",
                                      ".", "Dr.", "x"]
    assert (toks[0].start, toks[0].end) == (0, 4)


_PLAIN_HINT_RE = re.compile(r"\W(" + _INDIRECT_HINT_RE.pattern[2:-2] + r")\b")


def plain_cue_hits(text: str, a0: int, b0: int) -> list[tuple[int, int, str]]:
    scan = _PLAIN_HINT_RE.finditer(text, max(a0 - 1, 0), b0)
    hits = [(m.start(1), m.end(1), m.group(1)) for m in scan]
    if a0 == 0 and (m := _INDIRECT_HINT_RE.match(text, 0, b0)) is not None:
        hits.insert(0, (0, m.end(), m.group()))
    return hits


@settings(max_examples=400, deadline=None)
@given(PIECES, st.integers(0, 30), st.integers(0, 200))
def test_cue_hits_are_the_plain_scan(pieces, a, b):
    text = " ".join(pieces) + "".join(pieces)
    assert _cue_hits(text, 0, len(text)) == plain_cue_hits(text, 0, len(text))
    assert _cue_hits(text, a, b) == plain_cue_hits(text, a, b)
