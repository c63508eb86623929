"""A learned choice among the speakers the rules propose for a quotation in marks
(``extract_quotes(..., attribution="ranked")``: :func:`ranked_chooser`).

The rules read a quotation's speaker by a cascade (:func:`analysis.quotes.extract._frame_attr`):
the first frame rule that fires decides. Here every frame rule is asked, and so are the
"according to" and outlet overrides and the speaker that would be carried over; each distinct
mention they propose is a candidate, described by a few general features (which rules propose
it, where it stands from the quotation, its form and type, its cue's class), and a linear
model shipped in ``analysis/data/ranker.json`` scores them: the highest score speaks. The
model is trained by ``python -m bench.train_ranker`` (scikit-learn, at training time only);
here it is a dot product.

Only the choice of mention is learned: its canonical name, and the resolution steps after it
(:mod:`analysis.quotes.resolve`), are the rules'. A quotation that the layout rules read
(markup, titles, passive agents, title-cased names), or that the rules give no speaker, keeps
the rules' reading.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path

from .attribution import CUE_RULES, PRONOUNS, RELATIVES, SPEAKER_NOUNS, THING_SUBJECTS, Mention
from .extract import (
    ChoiceContext,
    Chooser,
    _according_frame,
    _Attr,
    _canonical,
    _Carried,
    _Doc,
    _fragment_without_cue,
    _Frame,
    _frame_of,
    _in_subordinate_opener,
    _owner_of_words,
    _Piece,
    _previous_sentence_speaker,
    _reports_tail,
    _scare_by_layout,
    _scare_title_cased_name,
    _speaker_after_quote,
    _speaker_before_quote,
    _speaker_by_passive_agent,
    _speaker_in_colon_frame,
    _speaker_in_label,
    _speaker_in_previous_paragraph,
    _speaker_in_trailing_frame,
    _speaker_later_in_sentence,
    _speaker_of_headline,
    _speaker_of_piece,
    _speaker_of_title,
    _speakerish,
    _speech_noun_owner,
    _subject_mention,
    _whole_sentence_quote,
)

WEIGHTS = "data/ranker.json"

# The frame rules, in the cascade's order (each may propose a mention).
FRAME_RULES = (
    ("after", _speaker_after_quote),
    ("trailing", _speaker_in_trailing_frame),
    ("label", _speaker_in_label),
    ("before", _speaker_before_quote),
    ("colon", _speaker_in_colon_frame),
    ("paragraph", _speaker_in_previous_paragraph),
    ("owner", _owner_of_words),
    ("whole", _whole_sentence_quote),
    ("headline", _speaker_of_headline),
    ("later", _speaker_later_in_sentence),
    ("fragment", _fragment_without_cue),
)
# The layout rules: a quotation they read keeps the rules' reading.
LAYOUT_RULES = (
    _scare_by_layout,
    _speaker_by_passive_agent,
    _speaker_of_title,
    _scare_title_cased_name,
)
OTHER_SOURCES = (
    "according",
    "reports",
    "speech_noun",
    "carried",
    "last",
    "previous",
    "subject",
    "previous_subject",
)
SOURCES = tuple(name for name, _ in FRAME_RULES) + OTHER_SOURCES

FEATURES = (
    *(f"rule_{s}" for s in SOURCES),
    "n_rules",
    "first_rule",
    "rules_choice",
    "before",
    "inside",
    "after",
    "log_distance",
    "same_sentence",
    "same_paragraph",
    "sentence_start",
    "is_subject",
    "pronoun",
    "relative",
    "name_like",
    "description",
    "n_words",
    "speakerish",
    "speaker_noun",
    "thing",
    "possessive",
    "type_person",
    "type_organisation",
    "type_other",
    "cue_none",
    "cue_punct",
    "cue_according",
    "cue_speech",
    "cue_other_verb",
    "direct_before",
    "direct_after",
    "direct_carried",
    "partial_before",
    "partial_fragment",
    "partial_later",
)


@dataclass
class Candidate:
    """One mention proposed as a quotation's speaker: which sources propose it, the first
    cue given with it, its canonical name and type, and its features (``FEATURES``)."""

    mention: Mention
    sources: set[str] = field(default_factory=set)
    cue: str | None = None
    carried: _Carried | None = None  # the carried speaker itself, when one proposes it
    speaker: str = ""
    typ: str = ""
    x: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Weights:
    """A linear model over ``FEATURES``: the score of a candidate is ``sum(w * x)``."""

    features: tuple[str, ...]
    weights: tuple[float, ...]


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> Weights:
    """The shipped model (or the one at ``path``); its features must be ``FEATURES``."""
    if path is None:
        raw = json.loads(resources.files("analysis").joinpath(WEIGHTS).read_text("utf-8"))
    else:
        raw = json.loads(Path(path).read_text("utf-8"))
    if tuple(raw["features"]) != FEATURES:
        raise ValueError(f"ranker weights {path or WEIGHTS} are for other features: retrain them")
    return Weights(tuple(raw["features"]), tuple(float(w) for w in raw["weights"]))


def score(weights: Weights, x: list[float]) -> float:
    """The candidate's score: the dot product of its features and the weights."""
    return sum(w * v for w, v in zip(weights.weights, x, strict=True))


def _add(found: dict[tuple[int, int], Candidate], m: Mention, source: str, cue: str | None) -> None:
    c = found.setdefault((m.start, m.end), Candidate(m, cue=cue))
    c.sources.add(source)
    if c.cue is None:
        c.cue = cue


def _frame_candidates(doc: _Doc, f: _Frame, found: dict[tuple[int, int], Candidate]) -> None:
    """What each frame rule proposes, whether or not an earlier rule fires."""
    for name, rule in FRAME_RULES:
        a = rule(doc, f)
        if a is not None and a.mention is not None:
            _add(found, a.mention, name, a.cue)


def _override_candidates(
    doc: _Doc, p: _Piece, kind: str, found: dict[tuple[int, int], Candidate]
) -> None:
    """The "according to X" and ", the Courier reported" sources, and the owner of a speech
    noun around a fragment ("Reyes's claim that the levy is “…”")."""
    src = _according_frame(doc, p)
    if src is not None:
        _add(found, src[0], "according", src[1])
    src = _reports_tail(doc, p)
    if src is not None:
        _add(found, src[0], "reports", src[1])
    if kind == "partial":
        src = _speech_noun_owner(doc, p)
        if src is not None:
            _add(found, src[0], "speech_noun", src[1])


def _carried_candidates(ctx: ChoiceContext, found: dict[tuple[int, int], Candidate]) -> None:
    """The speaker the rules would carry over if the frame named no one, the last speaker and
    the speaker of the sentence before."""
    a = ctx.attrs[ctx.idx]
    bare = list(ctx.attrs)
    bare[ctx.idx] = _Attr(None, a.cue, a.kind)
    carried = _speaker_of_piece(ctx.doc, ctx.pieces, bare, ctx.idx, ctx.last, ctx.history)
    for name, c in (("carried", carried), ("last", ctx.last)):
        if c is not None:
            _add(found, c.mention, name, c.cue)
            found[(c.mention.start, c.mention.end)].carried = c
    previous = _previous_sentence_speaker(ctx.doc, ctx.pieces[ctx.idx].open_at)
    if previous is not None:
        _add(found, previous[0], "previous", previous[1])


def _subject_candidates(doc: _Doc, p: _Piece, found: dict[tuple[int, int], Candidate]) -> None:
    """The subjects of the quotation's sentence and of the sentence before."""
    k = doc.sent_index(p.open_at)
    for name, kk in (("subject", k), ("previous_subject", k - 1)):
        m = _subject_mention(doc, kk) if kk >= 0 else None
        if m is not None and not (p.open_at <= m.start < p.close_end):
            _add(found, m, name, None)


def candidates(ctx: ChoiceContext) -> list[Candidate] | None:
    """The distinct mentions proposed for quotation ``ctx.idx``, the rules' choice first, each
    with its features; None when a layout rule reads the quotation (the rules' reading stays)."""
    doc, p = ctx.doc, ctx.pieces[ctx.idx]
    prev = ctx.pieces[ctx.idx - 1] if ctx.idx > 0 else None
    nxt = ctx.pieces[ctx.idx + 1] if ctx.idx + 1 < len(ctx.pieces) else None
    f = _frame_of(doc, p, prev, nxt)
    if any(rule(doc, f) is not None for rule in LAYOUT_RULES):
        return None
    f.in_opener = _in_subordinate_opener(f)
    kind = ctx.attrs[ctx.idx].kind
    found: dict[tuple[int, int], Candidate] = {}
    chosen = ctx.said.mention
    found[(chosen.start, chosen.end)] = Candidate(chosen, cue=ctx.said.cue)
    _frame_candidates(doc, f, found)
    _override_candidates(doc, p, kind, found)
    _carried_candidates(ctx, found)
    _subject_candidates(doc, p, found)
    out = list(found.values())
    for c in out:
        if c.carried is not None:
            c.speaker, c.typ = c.carried.speaker, c.carried.typ
        else:
            c.speaker, c.typ = _canonical(doc, c.mention, ctx.history)
        c.x = features(doc, p, c, kind, c.mention is chosen)
    return out


def position_features(doc: _Doc, p: _Piece, m: Mention) -> list[float]:
    """before, inside, after the quotation; log(1 + characters between); same sentence; same
    paragraph; whether the mention opens its sentence; whether it is its sentence's subject."""
    text = doc.text
    before, after = m.end <= p.open_at, m.start >= p.close_end
    inside = not before and not after
    gap = p.open_at - m.end if before else (m.start - p.close_end if after else 0)
    lo, hi = (m.end, p.open_at) if before else (p.close_end, m.start)
    sents = {doc.sent_index(p.open_at), doc.sent_index(max(p.close_end - 1, p.open_at))}
    opens = not text[doc.sent_span(m.start)[0] : m.start].strip(" \n\"'“‘(")
    subject = _subject_mention(doc, doc.sent_index(m.start))
    return [
        float(before),
        float(inside),
        float(after),
        math.log1p(max(gap, 0)) / 8.0,
        float(min(sents) <= doc.sent_index(m.start) <= max(sents)),
        float(inside or "\n" not in text[lo:hi]),
        float(opens),
        float(subject is not None and (subject.start, subject.end) == (m.start, m.end)),
    ]


def form_features(m: Mention) -> list[float]:
    """pronoun, relative ("who"), name-like (every word capitalised), description (opens
    lower-case), number of words (up to 6, over 6); one that can speak (a name, pronoun or
    speaker noun); with a speaker noun ("officials"); a thing's head ("the report"); a
    possessive ("Reyes's")."""
    text = m.text
    low = text.lower()
    words = text.split()
    pronoun = low in PRONOUNS
    relative = low in RELATIVES
    name_like = not pronoun and bool(words) and all(w[:1].isupper() for w in words)
    description = not pronoun and not relative and text[:1].islower()
    return [
        float(pronoun),
        float(relative),
        float(name_like),
        float(description),
        min(len(words), 6) / 6.0,
        float(bool(text) and _speakerish(m, the_name=True)),
        float(any(w.lower() in SPEAKER_NOUNS for w in words)),
        float(bool(words) and words[-1].lower() in THING_SUBJECTS),
        float(low.endswith(("'s", "’s"))),
    ]


def cue_features(cue: str | None) -> list[float]:
    """The cue's class: none; punctuation (":", a dash); "according to"; a verb of the
    ``speech`` class of cues.toml; another verb."""
    low = (cue or "").lower()
    first = low.split()[0] if low.split() else ""
    punct = bool(low) and not any(ch.isalpha() for ch in low)
    according = low.startswith("according")
    speech = not punct and not according and CUE_RULES.get(first) == "speech"
    return [
        float(cue is None),
        float(punct),
        float(according),
        float(speech),
        float(bool(low) and not (punct or according or speech)),
    ]


def features(doc: _Doc, p: _Piece, c: Candidate, kind: str, rules_choice: bool) -> list[float]:
    """The candidate's ``FEATURES``."""
    pos = position_features(doc, p, c.mention)
    direct = float(kind == "direct")
    carried = float(bool(c.sources & {"carried", "last", "previous"}))
    partial = float(kind == "partial")
    first = next((i for i, (name, _) in enumerate(FRAME_RULES) if name in c.sources), None)
    return [
        *(float(s in c.sources) for s in SOURCES),
        min(len(c.sources), 4) / 4.0,
        1.0 if first is None else first / len(FRAME_RULES),
        float(rules_choice),
        *pos,
        *form_features(c.mention),
        float(c.typ == "person"),
        float(c.typ == "organisation"),
        float(c.typ not in ("person", "organisation")),
        *cue_features(c.cue),
        direct * pos[0],
        direct * pos[2],
        direct * carried,
        partial * float("before" in c.sources),
        partial * float("fragment" in c.sources),
        partial * float("later" in c.sources),
    ]


def best(cands: list[Candidate], weights: Weights) -> Candidate:
    """The highest-scoring candidate; the first (the rules' choice) on a tie."""
    top, top_score = cands[0], score(weights, cands[0].x)
    for c in cands[1:]:
        s = score(weights, c.x)
        if s > top_score:
            top, top_score = c, s
    return top


def choose_with(weights: Weights, ctx: ChoiceContext) -> _Carried | None:
    """The speaker of the quotation of ``ctx`` as ``weights`` rank the candidates."""
    cands = candidates(ctx)
    if cands is None:
        return ctx.said
    top = best(cands, weights)
    if top.mention is ctx.said.mention:
        return ctx.said
    if top.carried is not None:
        return top.carried
    return _Carried(top.mention, top.speaker, top.typ, top.cue, ctx.pieces[ctx.idx].close_end)


def ranked_chooser(weights: Weights | None = None) -> Chooser:
    """The chooser that ranks by ``weights`` (the shipped model by default): an
    :data:`analysis.quotes.extract.Chooser`."""
    return partial(choose_with, load_weights() if weights is None else weights)
