"""analysis/quotes/attribution.py: the tokenizer against the plain spelling it replaces.

``attribution.tokenize`` has two spellings, a loop over characters (run when compiled) and one
``re.split`` with offsets by running sums (run from source). Each must give the tokens of the
plain word-or-mark regex with the abbreviation periods glued on, on text made of every kind of
character: one of each Unicode category, blanks, "_" and the joiners.
"""

from __future__ import annotations

import re

import pytest
from conftest import TEXT_PIECES
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.quotes.attribution import (
    ABBREVIATIONS,
    _tokenize_loop,
    _tokenize_split,
    is_cue_at,
    np_before,
    relative_subject,
    tokenize,
)

# The tokens before the split rewrite: a word (inner - ' ’ . &) or one mark, periods glued after.
_PLAIN_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’.&][^\W_]+)*|[^\w\s]")


def plain_tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple]:
    out: list[list] = []
    for m in _PLAIN_TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        t, a, b = m.group(), m.start(), m.end()
        if t == "." and out:
            p = out[-1]
            if (
                p[3] == a
                and p[4]
                and (p[1] in ABBREVIATIONS or (len(p[0]) == 1 and p[5]) or "." in p[0])
            ):
                p[0], p[1], p[3] = p[0] + ".", p[1] + ".", b
                continue
        out.append([t, t.lower(), a, b, t[0].isalnum(), t[0].isupper()])
    return [tuple(x) for x in out]


def as_tuples(toks) -> list[tuple]:
    return [(t.text, t.low, t.start, t.end, t.is_word, t.is_cap) for t in toks]


@settings(max_examples=400, deadline=None)
@given(TEXT_PIECES, st.integers(0, 30), st.integers(0, 200))
def test_tokenize_is_the_plain_tokenizer(pieces, a, b):
    text = "".join(pieces)
    assert as_tuples(tokenize(text)) == plain_tokenize(text)
    assert as_tuples(tokenize(text, a, b)) == plain_tokenize(text, a, b)
    assert as_tuples(tokenize(text, a)) == plain_tokenize(text, a)
    # both spellings, whichever one this build runs
    n = len(text)
    assert as_tuples(_tokenize_loop(text, a, min(b, n))) == plain_tokenize(text, a, b)
    assert as_tuples(_tokenize_split(text, a, b)) == plain_tokenize(text, a, b)
    assert as_tuples(_tokenize_loop(text, 0, n)) == as_tuples(_tokenize_split(text))


@pytest.mark.parametrize("tok", [tokenize, _tokenize_split, lambda t: _tokenize_loop(t, 0, len(t))])
def test_tokenize_glues_abbreviation_periods(tok):
    toks = tok("Sen. J. Doe of the U.S. said so.. Dr._x")
    assert [t.text for t in toks] == [
        "Sen.",
        "J.",
        "Doe",
        "of",
        "the",
        "U.S.",
        "said",
        "so",
        ".",
        ".",
        "Dr.",
        "x",
    ]
    assert (toks[0].start, toks[0].end) == (0, 4)


def test_pronoun_contracted_with_an_auxiliary_is_the_cues_subject():
    """ "He's argued that …": "'s" is "has" here, no possessive that makes the cue a noun, and
    the pronoun of the contraction is the cue's subject."""
    text = "Tomas Lund has a long record. He's argued that the levy is unfair."
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.low == "argued")
    assert is_cue_at(toks, i)
    m = np_before(text, toks, i)
    assert m is not None and (m.text, text[m.start : m.end]) == ("He", "He")
    # A possessive still makes the word after it a noun: "Lund's claims".
    toks2 = tokenize("Lund's claims were false.")
    assert not is_cue_at(toks2, 1)


def test_relative_pronoun_parted_from_its_cue_by_a_phrase_between_commas():
    """ "Okafor, who, after trading insults with the mayor, said …": "who" is the subject of
    the cue even with a phrase between commas in between."""
    text = "It was Okafor, who, after trading insults with the mayor, said the levy was unfair."
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.low == "said")
    m = relative_subject(text, toks, i)
    assert m is not None and m.text == "who"


def test_no_regex_repeats_a_group_possessively():
    """Python 3.11.0-3.11.4 match a possessive quantifier on a group wrongly (gh-106052), and the
    Makefile prefers Debian 12's python3, 3.11.2: "0." came out as one token. No pattern of the
    package may use one; possessive on a single character class is not affected."""
    import importlib
    import pkgutil
    import re

    import analysis

    possessive_group = re.compile(r"\)(?:[*+?]|\{\d*,?\d*\})\+")
    found = []
    for info in pkgutil.iter_modules(analysis.__path__):
        module = importlib.import_module(f"analysis.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and possessive_group.search(value.pattern):
                found.append(f"{info.name}.{name}: {value.pattern}")
    assert found == []
    assert possessive_group.search(r"(?:[-.][^\W_]++)*+") and not possessive_group.search(
        r"[^\W_]*+(?:[-.][^\W_]++)*"
    )


# attribution.tokenize written independently, as a loop over characters: a word is a run of
# letters and digits joined across one of "-'’.&" when a letter or digit follows; any other
# character but blanks and "_" is a token of its own; a "." right after a word is glued to it
# when the word is an abbreviation, an initial, or already dotted ("U.S."). (Other dotted
# abbreviations glued differently: change the rule in tokens_by_hand.)
TOKEN_JOINERS = "-'’.&"


def tokens_by_hand(text: str) -> list[tuple]:
    out: list[list] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace() or c == "_":
            i += 1
            continue
        j = i + 1
        if c.isalnum():
            while j < n and (
                text[j].isalnum()
                or (text[j] in TOKEN_JOINERS and j + 1 < n and text[j + 1].isalnum())
            ):
                j += 1
        t = text[i:j]
        prev = out[-1] if out else None
        if (
            t == "."
            and prev is not None
            and prev[3] == i
            and prev[4]
            and (prev[1] in ABBREVIATIONS or (len(prev[0]) == 1 and prev[5]) or "." in prev[0])
        ):
            prev[0], prev[1], prev[3] = prev[0] + ".", prev[1] + ".", j
        else:
            out.append([t, t.lower(), i, j, c.isalnum(), c.isupper()])
        i = j
    return [tuple(x) for x in out]


def test_tokens_by_hand_on_written_cases():
    assert [t[0] for t in tokens_by_hand("Sen. J. Doe of the U.S. said so.. Dr._x “A&B”")] == [
        "Sen.",
        "J.",
        "Doe",
        "of",
        "the",
        "U.S.",
        "said",
        "so",
        ".",
        ".",
        "Dr.",
        "x",
        "“",
        "A&B",
        "”",
    ]


@settings(max_examples=300, deadline=None)
@given(TEXT_PIECES, st.text(max_size=150))
def test_tokenize_is_the_character_loop(pieces, text):
    for t in ("".join(pieces), text):
        assert as_tuples(tokenize(t)) == tokens_by_hand(t)
