"""analysis.quotes.ranker: the candidates' feature functions as case tables (invented
sentences), the shipped weights, ``extract_quotes(..., attribution="ranked")`` and the trainer
(bench/train_ranker.py) on a tiny input."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.core.text import sentence_spans
from analysis.quotes import ranker
from analysis.quotes.attribution import Mention
from analysis.quotes.extract import _Doc, find_quote_spans


def mention(text: str, words: str, nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``words`` in ``text`` as a mention."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(words, i + 1)
    return Mention(i, i + len(words), words)


def doc_of(text: str) -> _Doc:
    pieces = find_quote_spans(text)
    return _Doc(text, sentence_spans(text), [(p.open_at, p.close_end) for p in pieces])


# (mention, [pronoun, relative, name_like, description, n_words, speakerish, speaker_noun,
#  thing, possessive])
FORM = [
    ("she", [1, 0, 0, 0, 1 / 6, 1, 0, 0, 0]),
    ("who", [0, 1, 0, 0, 1 / 6, 1, 0, 0, 0]),
    ("Ana Reyes", [0, 0, 1, 0, 2 / 6, 1, 0, 0, 0]),
    ("the harbor study", [0, 0, 0, 1, 3 / 6, 1, 1, 1, 0]),  # (a document noun speaks)
    ("two officials", [0, 0, 0, 1, 2 / 6, 1, 1, 0, 0]),
    ("Reyes’s", [0, 0, 1, 0, 1 / 6, 1, 0, 0, 1]),
    ("the mayor of the small harbor town", [0, 0, 0, 1, 1.0, 1, 1, 0, 0]),
]


@pytest.mark.parametrize(("words", "expected"), FORM)
def test_form_features(words, expected):
    assert ranker.form_features(Mention(0, len(words), words)) == pytest.approx(expected)


# (cue, [none, punctuation, according, speech verb, other verb])
CUES = [
    (None, [1, 0, 0, 0, 0]),
    (":", [0, 1, 0, 0, 0]),
    ("—", [0, 1, 0, 0, 0]),
    ("according to", [0, 0, 1, 0, 0]),
    ("said", [0, 0, 0, 1, 0]),
    ("told", [0, 0, 0, 1, 0]),
    ("denied", [0, 0, 0, 0, 1]),
]


@pytest.mark.parametrize(("cue", "expected"), CUES)
def test_cue_features(cue, expected):
    assert ranker.cue_features(cue) == expected


# (text, mention, [before, inside, after, same sentence, same paragraph, opens its sentence,
#  its sentence's subject])
POSITION = [
    ("Reyes said, “We will not wait.”", "Reyes", [1, 0, 0, 1, 1, 1, 1]),
    ("“We will not wait,” said Reyes.", "Reyes", [0, 0, 1, 1, 1, 0, 0]),
    ("Okafor left. “We will not wait,” said Reyes.", "Okafor", [1, 0, 0, 0, 1, 1, 1]),
    ("Okafor said so.\n\n“We will not wait.”", "Okafor", [1, 0, 0, 0, 0, 1, 1]),
    ("“REYES: We will not wait.”", "REYES", [0, 1, 0, 1, 1, 1, 0]),
    ("The mayor told Reyes, “We will not wait.”", "Reyes", [1, 0, 0, 1, 1, 0, 0]),
]


@pytest.mark.parametrize(("text", "words", "expected"), POSITION)
def test_position_features(text, words, expected):
    doc = doc_of(text)
    p = find_quote_spans(text)[0]
    got = ranker.position_features(doc, p, mention(text, words))
    distance = got.pop(3)
    assert got == expected
    assert 0 <= distance < 1.5


def test_shipped_weights_load_and_fit_the_features():
    w = ranker.load_weights()
    assert w.features == ranker.FEATURES
    assert len(w.weights) == len(ranker.FEATURES)
    assert all(math.isfinite(v) for v in w.weights)


def ranked_speaker(text: str, quote: str) -> str | None:
    q = extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": [text]}), attribution="ranked")
    r = q[q["quote"] == quote].iloc[0]
    return None if pd.isna(r["speaker"]) else r["speaker"]


# Clear cases: the ranked speaker is the rules' speaker.
RANKED = [
    (
        "Dana Okafor said the fares would rise. “We will not wait,” said Ana Reyes.",
        "We will not wait,",
        "Ana Reyes",
    ),
    (
        "Ana Reyes said the fares would rise.\n\n“We will not wait.”",
        "We will not wait.",
        "Ana Reyes",
    ),
    (
        "“The levy stays,” Ana Reyes said, according to Dana Okafor.",
        "The levy stays,",
        "Ana Reyes",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), RANKED)
def test_ranked_speaker_of_a_clear_case(text, quote, speaker):
    assert ranked_speaker(text, quote) == speaker


def test_shipped_weights_rank_the_frame_speaker_first():
    """Two candidates, the speaker of the frame after the quotation and the speaker of the
    sentence before: the frame's speaker scores higher."""
    text = "Dana Okafor said the fares would rise. “We will not wait,” said Ana Reyes."
    seen: list[list[ranker.Candidate]] = []

    def keep(ctx):
        seen.append(ranker.candidates(ctx))
        return ctx.said

    from analysis.quotes.extract import _doc_quotes

    _doc_quotes("a", text, False, keep)
    (cands,) = seen
    assert {c.mention.text for c in cands} == {"Ana Reyes", "Dana Okafor"}
    assert ranker.best(cands, ranker.load_weights()).mention.text == "Ana Reyes"


def test_unknown_attribution_is_an_error():
    with pytest.raises(ValueError, match="attribution must be one of"):
        extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), attribution="learned")


def test_ranked_keeps_the_seed_speakers(seed_docs, seed_quotes):
    ranked = extract_quotes(seed_docs, attribution="ranked")
    cols = ["doc_id", "start", "end", "kind", "speaker"]
    pd.testing.assert_frame_equal(ranked[cols], seed_quotes[cols])


def test_trainer_is_deterministic_and_learns_a_tiny_case(tmp_path):
    pytest.importorskip("sklearn")
    from bench.train_ranker import Group, fit, write_weights

    n = len(ranker.FEATURES)
    after, before = ranker.FEATURES.index("after"), ranker.FEATURES.index("before")

    def x(on: int) -> list[float]:
        return [1.0 if i == on else 0.0 for i in range(n)]

    groups = [Group([x(after), x(before)], [1, 0]), Group([x(before), x(after)], [0, 1])] * 5
    w1, w2 = fit(groups), fit(groups)
    assert w1 == w2
    assert w1.weights[after] > w1.weights[before]
    path = tmp_path / "ranker.json"
    write_weights(w1, path, "tiny")
    assert ranker.load_weights(str(path)) == w1


def test_weights_for_other_features_are_an_error(tmp_path):
    path = tmp_path / "old.json"
    path.write_text('{"features": ["before"], "weights": [1.0]}', encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        ranker.load_weights(str(path))
