"""Passage alignment: which sentences or clauses of two articles report the same fact.

The unit is a clause: a sentence (:func:`analysis.text.sentence_spans`) cut at commas, semicolons,
colons and dashes, with pieces of fewer than four words joined to a neighbour.

Two clauses are compared by the information they share: their content lemmas (simplemma),
weighted by how rare the word is in English (an IDF from wordfreq, so a pair's score does not
depend on which other articles are loaded), matched fuzzily so that "Erdoğan"/"Erdogan",
"Israel"/"Israeli" (rapidfuzz ratio) and "anonymous"/"anonymity" (one Snowball stem) count as
one word. Figures are words too, read whole ("5.9%", "248,000", "four" as 4), and match only
themselves; two clauses that both give figures, none in common, are not one fact. A clause
pair scores the harmonic mean of the share of each clause's weight found in the other, blended
with the same score for the two sentences around them (paraphrase keeps a fact in its sentence
even when it moves the commas).

What is left out: pairs below ``min_similarity``; pairs sharing too little weight, or only names
("Senate Majority Leader Mitch McConnell" in two different facts); and every pair of two
articles that are not about the same event as a whole (document similarity), so unrelated
articles align to nothing.

Alignments are one-to-one: first the order-preserving chain with the largest total score (when
an article repeats a fact, reading order decides which mention pairs with which), then the
clauses left over by maximum-weight assignment (scipy's ``linear_sum_assignment``), for facts an
outlet moved.

A second pass looks for the same fact in other words among the clauses left unaligned, between
the first pass's in-order pairs: the same score, but each lemma also weighted by how few of its
article's clauses use it, so that the story's own names and words (in most clause pairs of two
articles on one event) count little and the fact's own words and figures decide
(:func:`paraphrase_pairs`). Consecutive aligned clauses merge into one passage, which also takes
in neighbouring clauses that match its other side.

A last pass pairs whole sentences, each the other's best match on the same specific weights,
whose fact is spread over clauses that one by one share too little (:func:`sentence_pairs`).
Such a sentence may already be in a passage aligned with another sentence: a fact one article
tells in one sentence and the other in two gives two rows.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import simplemma
import snowballstemmer
from rapidfuzz import fuzz, process
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..core.inputs import require_columns, require_known_ids, text_column
from ..core.text import WORD_RE, fold_diacritics, sentence_spans
from ..core.weights import lemma_weight
from ..corpus.load import UNKNOWN_OUTLET, outlets
from .stories import story_groups

ALIGN_COLUMNS = [
    "doc_a",
    "doc_b",
    "outlet_a",
    "outlet_b",
    "passage_a",
    "passage_b",
    "start_a",
    "end_a",
    "start_b",
    "end_b",
    "similarity",
]
UNIQUE_COLUMNS = [
    "doc_id",
    "outlet",
    "other_doc",
    "other_outlet",
    "passage",
    "start",
    "end",
    "n_words",
]

# Tuned on the seed pair (tests/test_align.py holds the gold) and on unrelated articles of the
# multi-outlet corpus, which must align to nothing.
DEFAULT_MIN_SIMILARITY = 0.4
# Share of a clause pair's score that comes from the two sentences around the clauses.
CONTEXT_WEIGHT = 0.5
# Pieces shorter than this are joined to a neighbour: "Earlier this week," is not a fact.
MIN_CLAUSE_WORDS = 4
# rapidfuzz ratio at which two lemmas count as one word: keeps "Israel"/"Israeli" (92) and
# "Erdogan"/"Erdogans", drops one-letter substitutions in short words ("block"/"black", 80).
FUZZY_CUTOFF = 85.0
# A pair must share at least this much IDF weight on each side (about two uncommon words), so
# that "the United States" alone never makes two clauses the same fact...
MIN_SHARED_WEIGHT = 6.0
# ...unless it continues an aligned run ("Just let him remember what happened there" after the
# aligned first half of the same quote), where context vouches for it.
MIN_SHARED_WEIGHT_IN_RUN = 1.5
# Articles whose whole texts are less similar than this (cosine of IDF-weighted lemma counts)
# are not about one event and align to nothing: unrelated articles share stock phrases and
# names ("Turkish President Recep Tayyip Erdogan") but not a story. The seed pair scores 0.55;
# random pairs of the multi-outlet corpus stay below 0.21, 99% below 0.17; same-event pairs
# there reach 0.2 to 0.5.
MIN_DOC_SIMILARITY = 0.2
# Of the shared weight, this much must come from common words (used uncapitalised), not names:
# two clauses that only both mention "Senate Majority Leader Mitch McConnell" state no common fact.
MIN_SHARED_COMMON = 1.5

# The second pass (see paraphrase_pairs) asks this share of ``min_similarity`` of a clause pair
# scored on specific weights, among the clauses the first pass left, in the order of its chain.
# Lower shares add more wrong pairs than right ones on the dev part of the alignment gold.
PARAPHRASE_SCORE_SHARE = 0.7
# ...and that both clauses have at least this many of their words matched: one shared word
# ("altercation") names a topic, not a fact.
PARAPHRASE_MIN_WORDS = 2.0
# ...and that common words carry at least this share of what the two share: two clauses on
# one saga share its names ("Supreme Court nominee Brett Kavanaugh") in many different facts.
PARAPHRASE_COMMON_SHARE = 0.5

# The sentence pass (see sentence_pairs) asks this share of ``min_similarity`` of a sentence
# pair scored on specific weights, and that the two share at least this much specific weight
# (a fact's few uncommon words, not one name): lower bars add more wrong pairs than right ones
# on both halves of the dev part of the alignment gold.
SENTENCE_SCORE_SHARE = 0.8
SENTENCE_MIN_SHARED = 5.0

# Cuts inside a sentence: punctuation that usually ends a clause, with closing quotes kept left.
_CLAUSE_CUT_RE = re.compile(r"[,;:–—]+[\"'”’»)\]]*\s+|\s+[–—]+\s+")
_POSSESSIVE_RE = re.compile(r"['’]s$", re.IGNORECASE)
# A number written with digits, thousands commas and a decimal part ("248,000", "5.9"), read as
# one token (WORD_RE would cut it at the punctuation), with the percent sign after it.
_NUMBER_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_TOKEN_RE = re.compile(
    r"(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+)(?![\w-])(?P<percent>\s?%)?|"
    + WORD_RE.pattern
)
# Counts spelled out are the same fact as their digits ("four Marines", "4 Marines"); "one" is
# left out, it is mostly a pronoun ("one of the reporters").
SPELLED_NUMBERS = {
    w: str(n)
    for n, w in enumerate(
        "_ _ two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if n >= 2
}
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "ll", "ve", "d", "m", "re"}


def clause_spans(text: str) -> list[tuple[int, int, int]]:
    """Split ``text`` into clauses; return ``(start, end, sentence_index)`` offsets into ``text``.

    Each sentence is cut after commas, semicolons, colons and dashes; a piece of fewer than
    ``MIN_CLAUSE_WORDS`` words joins the next piece (the previous one at the sentence's end).
    """
    out: list[tuple[int, int, int]] = []
    for k, (s, e) in enumerate(sentence_spans(text)):
        cuts = [s, *(m.end() for m in _CLAUSE_CUT_RE.finditer(text, s, e)), e]
        pieces: list[list[int]] = []
        carry: int | None = None
        for ps, pe in zip(cuts, cuts[1:], strict=False):
            if pe <= ps:
                continue
            if carry is not None:
                ps, carry = carry, None
            if len(WORD_RE.findall(text, ps, pe)) < MIN_CLAUSE_WORDS:
                carry = ps
                continue
            pieces.append([ps, pe])
        if carry is not None:
            if pieces:
                pieces[-1][1] = e
            else:
                pieces.append([carry, e])
        for ps, pe in pieces:
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            out.append((ps, pe, k))
    return out


@lru_cache(maxsize=500_000)
def _lemma(word: str) -> str | None:
    """The comparison key of one word: folded, lemmatised, lower-cased; None for stop words.
    A number is its digits ("four" -> "4", "248,000" -> "248000")."""
    word = _POSSESSIVE_RE.sub("", fold_diacritics(word))
    lower = word.lower()
    if _NUMBER_RE.fullmatch(word):
        return word.replace(",", "")
    if lower in SPELLED_NUMBERS:
        return SPELLED_NUMBERS[lower]
    # All-caps tokens are acronyms ("US", "IT"), never the stop words they spell. A lone
    # lower-case letter is debris of "p.m." or "U.S." spelled out; a capital one may be a name (X).
    if not word or (lower in _STOP and not (word.isupper() and len(word) > 1)):
        return None
    if len(word) == 1 and not word.isupper():
        return None
    return simplemma.lemmatize(word, lang="en").lower()


def _words(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """(word, lemma) for each content word of ``text[start:end]``; a hyphenated word gives
    its parts ("NATO-Israel" -> NATO, Israel), which is what a paraphrase would repeat."""
    out: list[tuple[str, str]] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        if m.group("number"):
            out.append((m.group("number"), _lemma(m.group("number")) or ""))
            if m.group("percent"):
                out.append(("%", "percent"))
            continue
        for part in m.group().split("-"):
            lem = _lemma(part)
            if lem:
                out.append((part, lem))
    return out


def is_number(lemma: str) -> bool:
    """Whether a comparison key is a number ("5.9", "248000"), which matches only itself."""
    return _NUMBER_RE.fullmatch(lemma) is not None


def content_lemmas(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Content lemmas of ``text[start:end]`` in order (folded, lower-case, stop words dropped)."""
    return [lem for _, lem in _words(text, start, len(text) if end is None else end)]


@dataclass
class _Prepared:
    """One article cut into clauses and sentences, each as a set of lemma ids."""

    doc_id: str
    outlet: str
    text: str
    units: list[tuple[int, int, int]]
    sents: list[tuple[int, int]]
    vocab: list[str]
    weights: np.ndarray
    unit_sets: list[np.ndarray]  # lemma ids of each clause
    common_sets: list[np.ndarray]  # the subset used at least once as a common word, not a name
    sent_sets: list[np.ndarray]
    doc_vector: dict[str, float]
    numeric: np.ndarray  # which lemmas are numbers
    specific: np.ndarray  # weights times how few of the article's clauses use the lemma

    @property
    def unit_sent(self) -> np.ndarray:
        return np.array([k for _, _, k in self.units], dtype=np.int64)


def _prepare(doc_id: str, outlet: str, text: str) -> _Prepared:
    units = clause_spans(text)
    sents = sentence_spans(text)
    index: dict[str, int] = {}
    words = [_words(text, s, e) for s, e, _ in units]
    # A capitalised word is a name unless it only ever appears capitalised at a sentence start.
    first = {(sents[k][0], k) for k in range(len(sents))}
    named_inside: set[str] = set()
    initial: list[list[bool]] = []
    for (s, _, k), ws in zip(units, words, strict=True):
        flags = [s == sents[k][0] and n == 0 and (s, k) in first for n in range(len(ws))]
        initial.append(flags)
        named_inside.update(
            lem for (w, lem), f in zip(ws, flags, strict=True) if w[:1].isupper() and not f
        )
    unit_sets, common_sets = [], []
    for ws, flags in zip(words, initial, strict=True):
        ids, common = set(), set()
        for (w, lem), f in zip(ws, flags, strict=True):
            i = index.setdefault(lem, len(index))
            ids.add(i)
            if not w[:1].isupper() or (f and lem not in named_inside):
                common.add(i)
        unit_sets.append(np.array(sorted(ids), dtype=np.int64))
        common_sets.append(np.array(sorted(common), dtype=np.int64))
    sent_sets = sentence_sets(unit_sets, [k for _, _, k in units], len(sents))
    vocab = list(index)
    weights = np.array([lemma_weight(v) for v in vocab], dtype=np.float64)
    counts = Counter(lem for ws in words for _, lem in ws)
    vector = {lem: (1 + math.log(n)) * lemma_weight(lem) for lem, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    vector = {lem: v / norm for lem, v in vector.items()}
    return _Prepared(
        doc_id,
        outlet,
        text,
        units,
        sents,
        vocab,
        weights,
        unit_sets,
        common_sets,
        sent_sets,
        vector,
        np.array([is_number(v) for v in vocab], dtype=bool),
        weights * clause_specificity(unit_sets, len(vocab)),
    )


def sentence_sets(unit_sets: list[np.ndarray], unit_sent: list[int], n: int) -> list[np.ndarray]:
    """The union of the lemma id sets of each sentence's clauses, for ``n`` sentences."""
    # One pass over the clauses (not one per sentence: quadratic on long articles).
    by_sent: list[list[np.ndarray]] = [[] for _ in range(n)]
    for ids_u, k in zip(unit_sets, unit_sent, strict=True):
        by_sent[k].append(ids_u)
    return [np.unique(np.concatenate(parts or [np.empty(0, np.int64)])) for parts in by_sent]


def clause_specificity(unit_sets: list[np.ndarray], n_vocab: int) -> np.ndarray:
    """Per lemma, how few of an article's clauses use it: 1 for a lemma of one clause, falling
    (as ``1 - log(df) / log(n + 1)`` for ``df`` of ``n`` clauses) towards 0 for a lemma in
    every clause. The story's own names ("Gianforte" in every paragraph of an article about
    him) tell which story a clause belongs to, not which of its facts it reports."""
    n = len(unit_sets)
    if n == 0:
        return np.ones(n_vocab)
    df = np.bincount(np.concatenate(unit_sets), minlength=n_vocab) if n_vocab else np.zeros(0)
    return 1.0 - np.log(np.maximum(df, 1)) / math.log(n + 1)


def _doc_similarity(pa: _Prepared, pb: _Prepared) -> float:
    small, large = sorted((pa.doc_vector, pb.doc_vector), key=len)
    return sum(v * large.get(lem, 0.0) for lem, v in small.items())


_STEMMER = snowballstemmer.stemmer("english")
# Credit for two lemmas with one Snowball stem but a low ratio: "anonymous"/"anonymity",
# "cooperation"/"cooperate", "violation"/"violate" (derivation the lemmatiser keeps apart).
STEM_MATCH = 0.9


@lru_cache(maxsize=500_000)
def _stem(lemma: str) -> str:
    return _STEMMER.stemWord(lemma)


def lemma_matches(vocab_a: list[str], vocab_b: list[str]) -> np.ndarray:
    """How far each lemma of ``vocab_a`` is the same word as each of ``vocab_b`` (0-1).

    1 for equal lemmas, the rapidfuzz ratio when it reaches ``FUZZY_CUTOFF`` (spelling and
    transliteration: "Israel"/"Israeli"), ``STEM_MATCH`` for one Snowball stem, else 0; numbers
    only match themselves.
    """
    m = (
        process.cdist(
            vocab_a, vocab_b, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, dtype=np.float32
        ).astype(np.float64)
        / 100.0
    )
    stems: dict[str, int] = {}
    sa = np.array([stems.setdefault(_stem(v), len(stems)) for v in vocab_a], dtype=np.int64)
    sb = np.array([stems.setdefault(_stem(v), len(stems)) for v in vocab_b], dtype=np.int64)
    m = np.maximum(m, np.where(sa[:, None] == sb[None, :], STEM_MATCH, 0.0))
    # A number matches only itself: "1000"/"10000" are one edit apart but not one figure.
    num_a = np.array([is_number(v) for v in vocab_a], dtype=bool)
    num_b = np.array([is_number(v) for v in vocab_b], dtype=bool)
    return np.where((num_a[:, None] | num_b[None, :]) & (m < 1.0), 0.0, m)


def membership(sets: list[np.ndarray], n_vocab: int, weights: np.ndarray) -> sparse.csr_matrix:
    """Rows = clauses, columns = lemma ids, values = lemma weights."""
    indptr = np.cumsum([0, *(len(s) for s in sets)])
    indices = np.concatenate(sets) if sets else np.empty(0, np.int64)
    return sparse.csr_matrix((weights[indices], indices, indptr), shape=(len(sets), n_vocab))


def _best_match(m: np.ndarray, sets: list[np.ndarray]) -> np.ndarray:
    """For every row lemma, its best match score within each set of column lemmas: (rows, sets).

    One gather and one ``np.maximum.reduceat`` for all sets, rather than a loop over them.
    """
    out = np.zeros((m.shape[0], len(sets)))
    sizes = np.array([len(c) for c in sets])
    nonempty = np.nonzero(sizes)[0]
    if m.shape[0] == 0 or not len(nonempty):
        return out
    cols = np.concatenate([sets[j] for j in nonempty])
    starts = np.concatenate([[0], np.cumsum(sizes[nonempty])[:-1]])
    out[:, nonempty] = np.maximum.reduceat(m[:, cols], starts, axis=1)
    return out


def _soft_f1(
    weights_a: np.ndarray,
    weights_b: np.ndarray,
    best_in_b: np.ndarray,
    best_in_a: np.ndarray,
    sets_a: list[np.ndarray],
    sets_b: list[np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per (set of a, set of b): weight of a's lemmas found in b, of b's found in a, and the
    harmonic mean of the two shares, as (found_a, found_b, f1). ``best_in_b`` is
    ``_best_match(m, sets_b)``, ``best_in_a`` is ``_best_match(m.T, sets_a)``."""
    wa = membership(sets_a, len(weights_a), weights_a)
    wb = membership(sets_b, len(weights_b), weights_b)
    found_a = np.asarray(wa @ best_in_b)
    found_b = np.asarray(wb @ best_in_a).T
    tot_a = np.asarray(wa.sum(axis=1)).reshape(-1, 1)
    tot_b = np.asarray(wb.sum(axis=1)).reshape(1, -1)
    with np.errstate(divide="ignore", invalid="ignore"):
        rec = np.where(tot_a > 0, found_a / tot_a, 0.0)
        prec = np.where(tot_b > 0, found_b / tot_b, 0.0)
        f1 = np.where(rec + prec > 0, 2 * rec * prec / (rec + prec), 0.0)
    return found_a, found_b, f1


@dataclass
class _PairScores:
    """Per clause pair of two articles (rows: a's clauses, columns: b's)."""

    score: np.ndarray  # soft F1 of the clauses, blended with that of their sentences
    shared: np.ndarray  # weight the two share (the smaller of what each finds in the other)
    common: np.ndarray  # the part of ``shared`` carried by common words rather than names
    numbers_differ: np.ndarray  # both give figures, and no figure of one is in the other


@dataclass
class _Matches:
    """How the lemmas of two articles match (``m``, see :func:`lemma_matches`), and, for
    every lemma, its best match within each clause and each sentence of the other article."""

    m: np.ndarray
    in_b: np.ndarray  # (a's lemmas, b's clauses)
    in_a: np.ndarray  # (b's lemmas, a's clauses)
    sent_in_b: np.ndarray
    sent_in_a: np.ndarray
    numbers_differ: np.ndarray  # per clause pair, see numbers_differ


def _matches(pa: _Prepared, pb: _Prepared) -> _Matches:
    m = lemma_matches(pa.vocab, pb.vocab)
    return _Matches(
        m,
        _best_match(m, pb.unit_sets),
        _best_match(m.T, pa.unit_sets),
        _best_match(m, pb.sent_sets),
        _best_match(m.T, pa.sent_sets),
        numbers_differ(pa, pb, m),
    )


def _pair_scores(
    pa: _Prepared, pb: _Prepared, mt: _Matches, weights_a: np.ndarray, weights_b: np.ndarray
) -> _PairScores:
    """Scores of every clause pair, from the lemma matches and per-lemma weights."""
    found_a, found_b, clause = _soft_f1(
        weights_a, weights_b, mt.in_b, mt.in_a, pa.unit_sets, pb.unit_sets
    )
    common_a = np.asarray(membership(pa.common_sets, len(pa.vocab), weights_a) @ mt.in_b)
    common_b = np.asarray(membership(pb.common_sets, len(pb.vocab), weights_b) @ mt.in_a).T
    _, _, sent = _soft_f1(
        weights_a, weights_b, mt.sent_in_b, mt.sent_in_a, pa.sent_sets, pb.sent_sets
    )
    context = sent[np.ix_(pa.unit_sent, pb.unit_sent)]
    return _PairScores(
        (1 - CONTEXT_WEIGHT) * clause + CONTEXT_WEIGHT * context,
        np.minimum(found_a, found_b),
        np.minimum(common_a, common_b),
        mt.numbers_differ,
    )


def numbers_differ(
    pa: _Prepared,
    pb: _Prepared,
    m: np.ndarray,
    sets_a: list[np.ndarray] | None = None,
    sets_b: list[np.ndarray] | None = None,
) -> np.ndarray:
    """Clause pairs (or pairs of ``sets_a`` and ``sets_b``, lemma id sets such as sentences)
    that both give figures, none of one found in the other: "killed 19" and "killed 4" are two
    facts however many words they share."""
    sets_a = pa.unit_sets if sets_a is None else sets_a
    sets_b = pb.unit_sets if sets_b is None else sets_b
    shape = (len(sets_a), len(sets_b))
    num_a, num_b = np.nonzero(pa.numeric)[0], np.nonzero(pb.numeric)[0]
    if not len(num_a) or not len(num_b):
        return np.zeros(shape, dtype=bool)
    count_a = membership(sets_a, len(pa.vocab), pa.numeric.astype(np.float64))
    count_b = membership(sets_b, len(pb.vocab), pb.numeric.astype(np.float64))
    has_a = np.asarray(count_a.sum(axis=1)).ravel() > 0
    has_b = np.asarray(count_b.sum(axis=1)).ravel() > 0
    # Only a's figures against b's figures: a few rows of the lemma matches.
    in_b = np.zeros((len(pa.vocab), shape[1]))
    in_b[num_a] = _best_match(m[num_a] * pb.numeric[None, :], sets_b)
    found = np.asarray(count_a @ in_b) > 0
    return has_a[:, None] & has_b[None, :] & ~found


def in_order_chain(score: np.ndarray, ok: np.ndarray) -> list[tuple[int, int]]:
    """The order-preserving set of allowed cells with the largest total score.

    A weighted longest common subsequence over the allowed cells, row by row: ``reach[j]`` is
    the best chain ending in an earlier row at a column up to ``j`` (value, and the first such
    cell in reading order), so it costs O(n*m) array work instead of O(k^2) for k allowed
    cells, which repetitive articles make quadratic in their length. Ties go to the earlier
    cell.
    """
    ii, jj = np.nonzero(ok)  # row-major: reading order, the rank of each cell
    if not len(ii):
        return []
    w = score[ii, jj]
    best = w.copy()
    prev = np.full(len(ii), -1)
    m = ok.shape[1]
    reach_val = np.full(m, -np.inf)
    reach_rank = np.full(m, -1)
    row_starts = np.searchsorted(ii, np.arange(ok.shape[0] + 1))
    cols = np.arange(m)
    for i in range(ok.shape[0]):
        lo, hi = row_starts[i], row_starts[i + 1]
        if lo == hi:
            continue
        js = jj[lo:hi]
        before = np.where(js > 0, reach_rank[js - 1], -1)
        has = before >= 0
        best[lo:hi] = np.where(has, w[lo:hi] + reach_val[np.maximum(js - 1, 0)], w[lo:hi])
        prev[lo:hi] = before
        row_val = np.full(m, -np.inf)
        row_val[js] = best[lo:hi]
        row_rank = np.full(m, -1)
        row_rank[js] = np.arange(lo, hi)
        run = np.maximum.accumulate(row_val)
        new_max = row_val > np.concatenate([[-np.inf], run[:-1]])
        first = np.maximum.accumulate(np.where(new_max, cols, 0))
        take = run > reach_val
        reach_val = np.where(take, run, reach_val)
        reach_rank = np.where(take, row_rank[first], reach_rank)
    p = int(np.argmax(best))
    chain = []
    while p >= 0:
        chain.append((int(ii[p]), int(jj[p])))
        p = int(prev[p])
    return chain[::-1]


def _match(
    score: np.ndarray, ok: np.ndarray
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """One-to-one clause pairs: the best in-order chain, and the rest by assignment.

    News paraphrase mostly keeps the order of facts, and when an article repeats a fact, order
    decides which mention pairs with which. Facts an outlet moved are then paired among the
    clauses left over, by maximum total score (scipy's linear_sum_assignment).
    """
    chain = in_order_chain(score, ok)
    used_a = {i for i, _ in chain}
    used_b = {j for _, j in chain}
    rest_a = [i for i in range(score.shape[0]) if i not in used_a and ok[i].any()]
    rest_b = [j for j in range(score.shape[1]) if j not in used_b and ok[:, j].any()]
    extra: list[tuple[int, int]] = []
    if rest_a and rest_b:
        sub_ok = ok[np.ix_(rest_a, rest_b)]
        weight = np.where(sub_ok, score[np.ix_(rest_a, rest_b)], 0.0)
        rows, cols = linear_sum_assignment(weight, maximize=True)
        extra = [(rest_a[r], rest_b[c]) for r, c in zip(rows, cols, strict=True) if sub_ok[r, c]]
    return chain, extra


def _allowed(s: _PairScores, min_similarity: float) -> tuple[np.ndarray, np.ndarray]:
    """Cells that may align: strong on their own, or continuing a strong cell's diagonal run;
    and the wider set that may extend a passage (similar enough, but too little evidence to
    stand alone)."""
    good = (s.score >= min_similarity) & (s.common >= MIN_SHARED_COMMON) & ~s.numbers_differ
    ok = good & (s.shared >= MIN_SHARED_WEIGHT)
    extend = good & (s.shared >= MIN_SHARED_WEIGHT_IN_RUN)
    return grow_along_diagonals(ok, extend), extend | ok


def grow_along_diagonals(ok: np.ndarray, extend: np.ndarray) -> np.ndarray:
    """``ok`` plus every ``extend`` cell joined to an ``ok`` cell by a diagonal run of
    ``extend`` cells (a weak pair continuing a strong pair's run in both articles' order).

    One pass per diagonal: growing one step at a time over the whole matrix would cost a
    matrix pass per step, cubic for the long runs of repetitive articles."""
    out = ok.copy()
    n, m = ok.shape
    for k in range(-n + 1, m):
        run_ext = np.diagonal(extend, k)
        if not run_ext.any():
            continue
        run_ok = np.diagonal(ok, k)
        run_id = np.cumsum(~run_ext)  # cells of one run of extend cells share an id
        keep = run_ext & np.isin(run_id, run_id[run_ok & run_ext])
        rows = np.arange(len(keep)) + max(-k, 0)
        out[rows, rows + k] |= keep
    return out


@dataclass
class _Comparison:
    """Two articles' lemma matches and first-pass clause-pair scores."""

    matches: _Matches
    first: _PairScores


def _compare(pa: _Prepared, pb: _Prepared) -> _Comparison | None:
    """Lemma matches and scores of two articles; None when they are not about one event or
    one of them has no words."""
    if not pa.units or not pb.units or not pa.vocab or not pb.vocab:
        return None
    if _doc_similarity(pa, pb) < MIN_DOC_SIMILARITY:
        return None
    mt = _matches(pa, pb)
    return _Comparison(mt, _pair_scores(pa, pb, mt, pa.weights, pb.weights))


def _candidates(
    pa: _Prepared, pb: _Prepared, min_similarity: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Clause-pair scores, which pairs may align and which may extend an aligned passage
    (none when the articles are unrelated)."""
    shape = (len(pa.units), len(pb.units))
    cmp = _compare(pa, pb)
    if cmp is None:
        return np.zeros(shape), np.zeros(shape, dtype=bool), np.zeros(shape, dtype=bool)
    ok, extend = _allowed(cmp.first, min_similarity)
    return cmp.first.score, ok, extend


def paraphrase_pairs(
    pa: _Prepared,
    pb: _Prepared,
    mt: _Matches,
    anchors: list[tuple[int, int]],
    taken: list[tuple[int, int]],
    min_similarity: float,
) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Clause pairs that report one fact in other words, among the clauses the first pass
    left unaligned (``taken`` are its pairs), and the score of every clause pair.

    Scored as the first pass, but each lemma weighted by its rarity in English times its
    specificity within its article (:func:`clause_specificity`): the story's names and
    words, shared by most clause pairs of two articles on one event, count little, and what
    is left is the fact's own words and figures. A pair needs ``PARAPHRASE_SCORE_SHARE`` of
    ``min_similarity``, common words (not only names) as the first pass and for at least
    ``PARAPHRASE_COMMON_SHARE`` of the shared weight, at least
    ``PARAPHRASE_MIN_WORDS`` matched words on each side, no figures that differ, and to keep
    the order of the first pass's in-order chain (``anchors``): it is the best in-order chain
    of such pairs between them. Facts moved out of order need the first pass's evidence."""
    free = between_anchors(anchors, (len(pa.units), len(pb.units)))
    for i, j in taken:
        free[i, :] = False
        free[:, j] = False
    if not free.any():
        return [], np.zeros(free.shape)
    s = _pair_scores(pa, pb, mt, pa.specific, pb.specific)
    ones_a, ones_b = np.ones(len(pa.vocab)), np.ones(len(pb.vocab))
    words_a, words_b, _ = _soft_f1(ones_a, ones_b, mt.in_b, mt.in_a, pa.unit_sets, pb.unit_sets)
    ok = (
        free
        & (paraphrase_similarity(s.score) >= min_similarity)
        & (np.minimum(words_a, words_b) >= PARAPHRASE_MIN_WORDS)
        & (s.common >= MIN_SHARED_COMMON)
        & (s.common >= PARAPHRASE_COMMON_SHARE * s.shared)
        & ~s.numbers_differ
    )
    return in_order_chain(s.score, ok), s.score


def paraphrase_similarity(score: np.ndarray) -> np.ndarray:
    """A second-pass score on the first pass's scale (``similarity``), so that
    ``min_similarity`` is one bar for both: divided by ``PARAPHRASE_SCORE_SHARE``, at most 1."""
    return np.minimum(1.0, np.asarray(score) / PARAPHRASE_SCORE_SHARE)


def between_anchors(chain: list[tuple[int, int]], shape: tuple[int, int]) -> np.ndarray:
    """Cells that keep the order of an in-order ``chain`` of aligned clause pairs: below and
    right of every anchor above them, above and left of every anchor below them, and in no
    anchor's row or column."""
    n, m = shape
    out = np.ones(shape, dtype=bool)
    if not chain:
        return out
    rows = np.array([i for i, _ in chain], dtype=np.int64)
    cols = np.array([j for _, j in chain], dtype=np.int64)
    at_row = np.full(n, -1)
    at_row[rows] = cols
    lo = np.concatenate([[-1], np.maximum.accumulate(at_row)[:-1]])  # last anchor above
    at_row[:] = m
    at_row[rows] = cols
    hi = np.concatenate([np.minimum.accumulate(at_row[::-1])[::-1][1:], [m]])  # first below
    out[rows, :] = False
    out[:, cols] = False
    j = np.arange(m)
    return out & (j[None, :] > lo[:, None]) & (j[None, :] < hi[:, None])


def _align_prepared(pa: _Prepared, pb: _Prepared, min_similarity: float) -> list[dict]:
    cmp = _compare(pa, pb)
    if cmp is None:
        return []
    score = cmp.first.score
    ok, extend = _allowed(cmp.first, min_similarity)
    chain, moved = _match(score, ok)
    first = sorted(chain + moved)
    second, score2 = paraphrase_pairs(pa, pb, cmp.matches, chain, first, min_similarity)
    if second:
        score = score.copy()
        for i, j in second:
            score[i, j] = paraphrase_similarity(score2[i, j])
    pairs = sorted(first + second)
    # Merge runs of consecutive clauses aligned to consecutive clauses into one passage.
    runs: list[list[tuple[int, int]]] = []
    for i, j in pairs:
        if runs and runs[-1][-1] == (i - 1, j - 1):
            runs[-1].append((i, j))
        else:
            runs.append([(i, j)])
    spans = _absorb(runs, extend, {i for i, _ in pairs}, {j for _, j in pairs})
    rows = [
        _passage_row(pa, pb, span, float(np.mean([score[i, j] for i, j in run])))
        for run, span in zip(runs, spans, strict=True)
    ]
    for ka, kb, similarity in sentence_pairs(pa, pb, cmp.matches, spans, min_similarity):
        ua = [i for i, (_, _, k) in enumerate(pa.units) if k == ka]
        ub = [j for j, (_, _, k) in enumerate(pb.units) if k == kb]
        rows.append(_passage_row(pa, pb, (ua[0], ua[-1], ub[0], ub[-1]), similarity))
    return rows


def sentence_pairs(
    pa: _Prepared,
    pb: _Prepared,
    mt: _Matches,
    spans: list[tuple[int, int, int, int]],
    min_similarity: float,
) -> list[tuple[int, int, float]]:
    """Whole sentences that report one fact though no clause pair of them was aligned:
    ``(sentence of a, sentence of b, similarity)``.

    Gold passages are often sentences whose fact is spread over clauses that, one by one, share
    too little: "Officials said on Monday, after a long meeting, that the bridge would reopen in
    May" against "The bridge reopens in May, officials announced Monday". A sentence pair is
    scored as the paraphrase pass scores clauses (soft F1 of specific weights,
    :func:`clause_specificity`), and needs ``SENTENCE_SCORE_SHARE`` of ``min_similarity``, at
    least ``SENTENCE_MIN_SHARED`` shared weight, of it ``MIN_SHARED_COMMON`` in common words
    (not only names), no figures that differ, and to be each other's
    best sentence (:func:`mutual_best`), so that a sentence pairs with one sentence here. Pairs
    already joined by an aligned passage (``spans``, clause ranges) are left out; a sentence
    that is part of an aligned passage may still pair with another sentence."""
    found_a, found_b, f1 = _soft_f1(
        pa.specific, pb.specific, mt.sent_in_b, mt.sent_in_a, pa.sent_sets, pb.sent_sets
    )
    similarity = np.minimum(1.0, f1 / SENTENCE_SCORE_SHARE)
    common_a = sentence_sets(pa.common_sets, list(pa.unit_sent), len(pa.sents))
    common_b = sentence_sets(pb.common_sets, list(pb.unit_sent), len(pb.sents))
    common = np.minimum(
        np.asarray(membership(common_a, len(pa.vocab), pa.specific) @ mt.sent_in_b),
        np.asarray(membership(common_b, len(pb.vocab), pb.specific) @ mt.sent_in_a).T,
    )
    ok = (
        mutual_best(f1)
        & (similarity >= min_similarity)
        & (np.minimum(found_a, found_b) >= SENTENCE_MIN_SHARED)
        & (common >= MIN_SHARED_COMMON)
        & ~numbers_differ(pa, pb, mt.m, pa.sent_sets, pb.sent_sets)
    )
    sent_a, sent_b = pa.unit_sent, pb.unit_sent
    for a0, a1, b0, b1 in spans:
        ok[np.ix_(np.unique(sent_a[a0 : a1 + 1]), np.unique(sent_b[b0 : b1 + 1]))] = False
    return [(int(i), int(j), float(similarity[i, j])) for i, j in zip(*np.nonzero(ok), strict=True)]


def mutual_best(score: np.ndarray) -> np.ndarray:
    """Cells above 0 that are the highest of their row and of their column: two items each
    the other's closest match.

    >>> mutual_best(np.array([[0.5, 0.2], [0.6, 0.1]])).tolist()
    [[False, False], [True, False]]
    """
    if not score.size:
        return np.zeros(score.shape, dtype=bool)
    top = (score == score.max(axis=1, keepdims=True)) & (score == score.max(axis=0, keepdims=True))
    return top & (score > 0)


def _passage_row(
    pa: _Prepared, pb: _Prepared, span: tuple[int, int, int, int], similarity: float
) -> dict:
    """One output row: clauses ``span = (a0, a1, b0, b1)`` of the two articles."""
    ia0, ia1, jb0, jb1 = span
    sa, ea = pa.units[ia0][0], pa.units[ia1][1]
    sb, eb = pb.units[jb0][0], pb.units[jb1][1]
    return {
        "doc_a": pa.doc_id,
        "doc_b": pb.doc_id,
        "outlet_a": pa.outlet,
        "outlet_b": pb.outlet,
        "passage_a": pa.text[sa:ea],
        "passage_b": pb.text[sb:eb],
        "start_a": sa,
        "end_a": ea,
        "start_b": sb,
        "end_b": eb,
        "similarity": round(similarity, 4),
    }


def _absorb(
    runs: list[list[tuple[int, int]]], ok: np.ndarray, used_a: set[int], used_b: set[int]
) -> list[tuple[int, int, int, int]]:
    """Clause ranges of each run, grown over unaligned neighbouring clauses that also match the
    run's other side ("Israel, which is a NATO-partner country," before the aligned rest of its
    sentence; "just like we entered Libya," after "Just like we entered Karabakh,"). Each
    clause still ends up in one passage only."""
    spans = []
    for run in runs:
        a0, a1 = run[0][0], run[-1][0]
        b0, b1 = run[0][1], run[-1][1]
        grown = True
        while grown:
            grown = False
            for i in (a0 - 1, a1 + 1):
                if 0 <= i < ok.shape[0] and i not in used_a and ok[i, b0 : b1 + 1].any():
                    a0, a1 = min(a0, i), max(a1, i)
                    used_a.add(i)
                    grown = True
            for j in (b0 - 1, b1 + 1):
                if 0 <= j < ok.shape[1] and j not in used_b and ok[a0 : a1 + 1, j].any():
                    b0, b1 = min(b0, j), max(b1, j)
                    used_b.add(j)
                    grown = True
        spans.append((a0, a1, b0, b1))
    return spans


def text_value(value: object) -> str:
    """A docs ``text`` cell as a string; a missing text is an empty article."""
    return value if isinstance(value, str) else ""


def cross_outlet(outlet_a: str, outlet_b: str) -> bool:
    """Two articles come from different outlets unless both name the same known outlet."""
    return outlet_a != outlet_b or outlet_a == UNKNOWN_OUTLET


def _check_docs(docs: pd.DataFrame, fn: str) -> None:
    """``doc_id`` and ``text`` present, ids unique, every text a str or missing."""
    require_columns(docs, "doc_id", "text", fn=fn)
    if docs["doc_id"].duplicated().any():
        dup = docs.loc[docs["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise ValueError(f"{fn}: doc_id must be unique; {dup!r} repeats")
    text_column(docs, fn=fn)


def alignment_pairs(docs: pd.DataFrame, alignment: pd.DataFrame, fn: str) -> list[tuple[str, str]]:
    """The pairs an alignment compared (``attrs["pairs"]``, else those in its rows), each of
    whose articles ``docs`` must have."""
    _check_docs(docs, fn)
    require_columns(
        alignment,
        "doc_a",
        "doc_b",
        "start_a",
        "end_a",
        "start_b",
        "end_b",
        fn=fn,
        table="alignment",
    )
    pairs = alignment.attrs.get("pairs")
    if pairs is None:
        pairs = sorted(set(zip(alignment["doc_a"], alignment["doc_b"], strict=True)))
    require_known_ids([d for pair in pairs for d in pair], docs["doc_id"].astype("str"), fn=fn)
    return pairs


def compared_pairs(
    docs: pd.DataFrame,
    *,
    a: str | None = None,
    b: str | None = None,
    stories: pd.Series | None = None,
) -> list[tuple[str, str]]:
    """The ``(doc_a, doc_b)`` pairs :func:`align_passages` compares, sorted.

    With ``a`` and ``b``: that pair. With ``a`` only: ``a`` against every other article of its
    story from another outlet. Otherwise every cross-outlet pair within a story, ``doc_a < doc_b``.
    Stories come from ``stories`` (aligned with ``docs``), a ``story`` column, or
    :func:`analysis.stories.story_groups`.
    """
    _check_docs(docs, "compared_pairs")
    ids = docs["doc_id"].astype("str")
    known = set(ids)
    for name, value in (("a", a), ("b", b)):
        if value is not None and value not in known:
            raise KeyError(f"{name}={value!r} is not a doc_id in docs")
    if a is not None and b is not None:
        return [(a, b)]
    if b is not None:
        a, b = b, None
    if stories is None:
        if "story" in docs:
            stories = docs["story"]
        else:
            stories = story_groups(docs)
    frame = pd.DataFrame(
        {
            "doc_id": ids.to_numpy(),
            "outlet": outlets(docs).to_numpy(),
            "story": pd.Series(stories).to_numpy(),
        }
    )
    pairs: list[tuple[str, str]] = []
    for _, group in frame.groupby("story", sort=True):
        if len(group) < 2:
            continue
        members = sorted(zip(group["doc_id"], group["outlet"], strict=True))
        for x, (id_x, out_x) in enumerate(members):
            for id_y, out_y in members[x + 1 :]:
                if not cross_outlet(out_x, out_y):
                    continue
                if a is None:
                    pairs.append((id_x, id_y))
                elif a in (id_x, id_y):
                    pairs.append((a, id_y if id_x == a else id_x))
    return sorted(pairs)


def story_pairs(
    docs: pd.DataFrame, stories: pd.Series, story_ids: Iterable[int], *, max_per_story: int = 30
) -> list[tuple[str, str]]:
    """Cross-outlet article pairs within each story of ``story_ids``, in that order of stories,
    at most ``max_per_story`` per story: what a many-outlet comparison aligns when every pair of
    every story would be too many. A capped story's pairs are spread over its outlets first
    (:func:`outlet_first`, then :func:`spread_pairs`), so that each outlet is compared before
    any outlet is compared twice; each story's pairs are sorted."""
    story_of = pd.Series(stories).to_numpy()
    pairs: list[tuple[str, str]] = []
    for story in story_ids:
        members = docs[story_of == story]
        every = compared_pairs(members, stories=pd.Series(story, index=members.index))
        pairs += spread_pairs(outlet_first(members, every), max_per_story)
    return pairs


def closest_pair(docs: pd.DataFrame, pairs: list[tuple[str, str]]) -> tuple[str, str]:
    """Of ``pairs`` (doc ids of ``docs``), the one whose two articles share the most content
    words (cosine of their weighted lemmas), the first in order on a tie: the pair worth reading
    side by side first, rather than two opinion pieces that share only the story's topic."""
    if not pairs:
        raise ValueError("closest_pair: no pair to choose from")
    rows = docs.assign(_id=docs["doc_id"].astype("str")).set_index("_id")
    found = outlets(docs).set_axis(rows.index)

    def prepared(d: str) -> _Prepared:
        return _prepare(d, str(found[d]), text_value(rows.at[d, "text"]))

    scores = [_doc_similarity(prepared(a), prepared(b)) for a, b in pairs]
    return pairs[int(np.argmax(scores))]


def outlet_first(docs: pd.DataFrame, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``pairs`` reordered so that the pairs between outlets' first articles (the earliest
    dated, then the smallest doc id) come first, each group in its order in ``pairs``: a capped
    comparison then reaches every outlet of a story however many articles one outlet wrote.

    Two outlets, "A" with articles a1 and a2, "B" with b1: (a1, b1) comes before (a2, b1)."""
    frame = pd.DataFrame(
        {
            "doc_id": docs["doc_id"].astype("str").to_numpy(),
            "outlet": outlets(docs).to_numpy(),
            "date": pd.to_datetime(docs["date"], errors="coerce").to_numpy()
            if "date" in docs
            else pd.NaT,
        }
    )
    first = frame.sort_values(["date", "doc_id"], na_position="last", kind="stable")
    known = first["outlet"] != UNKNOWN_OUTLET  # each unknown-outlet article is its own outlet
    lead = set(first.loc[~known | ~first["outlet"].duplicated(), "doc_id"])
    leading = [p for p in pairs if p[0] in lead and p[1] in lead]
    return leading + [p for p in pairs if not (p[0] in lead and p[1] in lead)]


def spread_pairs(pairs: list[tuple[str, str]], max_pairs: int) -> list[tuple[str, str]]:
    """At most ``max_pairs`` of ``pairs``, spread over the articles: each next pair joins the
    two articles compared least so far (ties: the pair's order in ``pairs``), so that every
    article is compared with some others before any is compared with all. Sorted.

    >>> spread_pairs([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("c", "d")], 2)
    [('a', 'b'), ('c', 'd')]
    """
    if len(pairs) <= max_pairs:
        return sorted(pairs)
    compared: Counter[str] = Counter()
    left, chosen = list(pairs), list[tuple[str, str]]()
    while left and len(chosen) < max_pairs:
        k = min(
            range(len(left)),
            key=lambda i: (
                max(compared[left[i][0]], compared[left[i][1]]),
                compared[left[i][0]] + compared[left[i][1]],
                i,
            ),
        )
        a, b = left.pop(k)
        chosen.append((a, b))
        compared.update((a, b))
    return sorted(chosen)


def align_passages(
    docs: pd.DataFrame,
    *,
    a: str | None = None,
    b: str | None = None,
    min_similarity: float | None = None,
    pairs: list[tuple[str, str]] | None = None,
) -> pd.DataFrame:
    """Passages of two articles that report the same fact, one row per aligned passage pair.

    Columns: ``doc_a, doc_b`` (doc ids), ``outlet_a, outlet_b``, ``passage_a, passage_b`` (the
    text), ``start_a, end_a, start_b, end_b`` (offsets into each article's ``text``),
    ``similarity`` (0-1; for a pair found by the paraphrase pass, its score there over
    ``PARAPHRASE_SCORE_SHARE``, for a sentence pair its score over ``SENTENCE_SCORE_SHARE``,
    so that every row reaches ``min_similarity``). Which pairs are
    compared: see :func:`compared_pairs`, or pass ``pairs``.
    Every clause appears in at most one row per article pair, but for the sentence pairs of
    :func:`sentence_pairs`, which may reuse a sentence already aligned with another (no two rows
    overlap on both sides). Rows are sorted by
    ``doc_a, doc_b, start_a, start_b``. ``attrs["pairs"]`` lists the pairs compared, including
    those that share nothing.
    """
    threshold = DEFAULT_MIN_SIMILARITY if min_similarity is None else float(min_similarity)
    if pairs is None:
        pairs = compared_pairs(docs, a=a, b=b)
    else:
        _check_docs(docs, "align_passages")
    pairs = [(str(x), str(y)) for x, y in pairs]
    require_known_ids(
        [d for pair in pairs for d in pair],
        docs["doc_id"].astype("str"),
        fn="align_passages",
        what="pairs",
    )
    by_id = docs.assign(outlet=outlets(docs)).set_index(docs["doc_id"].astype("str"))
    prepared: dict[str, _Prepared] = {}

    def get(doc_id: str) -> _Prepared:
        if doc_id not in prepared:
            row = by_id.loc[doc_id]
            prepared[doc_id] = _prepare(doc_id, str(row["outlet"]), text_value(row["text"]))
        return prepared[doc_id]

    rows: list[dict] = []
    for x, y in pairs:
        rows.extend(_align_prepared(get(x), get(y), threshold))
    out = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    out = out.astype({c: "str" for c in ALIGN_COLUMNS[:6]}).astype(
        {c: "int64" for c in ALIGN_COLUMNS[6:10]} | {"similarity": "float64"}
    )
    out = out.sort_values(["doc_a", "doc_b", "start_a", "start_b"], kind="stable")
    out = out.reset_index(drop=True)
    out.attrs["pairs"] = pairs
    out.attrs["min_similarity"] = threshold
    return out


def unique_passages(
    docs: pd.DataFrame, alignment: pd.DataFrame, *, min_similarity: float | None = None
) -> pd.DataFrame:
    """What each article reports that the other does not, for every pair in ``alignment``.

    A clause is unique when it is in no aligned passage and no clause of the other article
    reaches ``min_similarity`` with it (so a fact one article repeats is not "unique" just
    because its twin was aligned once). Consecutive unique clauses of one sentence are merged.
    Pairs are ``alignment.attrs["pairs"]`` when present, else the pairs in its rows.

    Columns: ``doc_id, outlet, other_doc, other_outlet, passage, start, end, n_words``; sorted by
    pair, then the pair's first article before its second, then ``start``.
    """
    pairs = alignment_pairs(docs, alignment, "unique_passages")
    threshold = (
        alignment.attrs.get("min_similarity", DEFAULT_MIN_SIMILARITY)
        if min_similarity is None
        else float(min_similarity)
    )
    by_id = docs.assign(outlet=outlets(docs)).set_index(docs["doc_id"].astype("str"))
    rows: list[dict] = []
    for x, y in pairs:
        px, py = (
            _prepare(d, str(by_id.at[d, "outlet"]), text_value(by_id.at[d, "text"])) for d in (x, y)
        )
        _, ok, _ = _candidates(px, py, threshold)
        here = alignment[(alignment["doc_a"] == x) & (alignment["doc_b"] == y)]
        for prep, other, said_there, spans in (
            (px, py, ok.any(axis=1), list(zip(here["start_a"], here["end_a"], strict=True))),
            (py, px, ok.any(axis=0), list(zip(here["start_b"], here["end_b"], strict=True))),
        ):
            run: list[tuple[int, int, int]] = []
            for u, (s, e, k) in enumerate(prep.units):
                covered = any(s < ae and e > as_ for as_, ae in spans)
                if covered or said_there[u]:  # type: ignore[index]  # (an array: any over an axis)
                    _flush(run, prep, other, rows)
                    run = []
                    continue
                if run and run[-1][2] != k:
                    _flush(run, prep, other, rows)
                    run = []
                run.append((s, e, k))
            _flush(run, prep, other, rows)
    out = pd.DataFrame(rows, columns=UNIQUE_COLUMNS)
    out = out.astype({c: "str" for c in UNIQUE_COLUMNS[:5]}).astype(
        {"start": "int64", "end": "int64", "n_words": "int64"}
    )
    return out.reset_index(drop=True)


def _flush(
    run: list[tuple[int, int, int]], prep: _Prepared, other: _Prepared, rows: list[dict]
) -> None:
    if not run:
        return
    s, e = run[0][0], run[-1][1]
    rows.append(
        {
            "doc_id": prep.doc_id,
            "outlet": prep.outlet,
            "other_doc": other.doc_id,
            "other_outlet": other.outlet,
            "passage": prep.text[s:e],
            "start": s,
            "end": e,
            "n_words": len(WORD_RE.findall(prep.text, s, e)),
        }
    )


COVERAGE_COLUMNS = ["doc_id", "outlet", "n_words", "shared_words", "shared_share", "partners"]


def coverage(docs: pd.DataFrame, alignment: pd.DataFrame) -> pd.DataFrame:
    """How much of each compared article another outlet also reports.

    Columns: ``doc_id, outlet``; ``n_words`` (of the text); ``shared_words`` (words inside the
    union of its aligned passages, over all pairs in ``alignment``); ``shared_share``
    (``shared_words / n_words``); ``partners`` (articles it shares at least one passage with).
    One row per article in ``alignment.attrs["pairs"]`` (else in its rows), sorted by doc_id.
    """
    pairs = alignment_pairs(docs, alignment, "coverage")
    ids = sorted({d for pair in pairs for d in pair})
    by_id = docs.assign(outlet=outlets(docs)).set_index(docs["doc_id"].astype("str"))
    spans: dict[str, list[tuple[int, int]]] = {d: [] for d in ids}
    partners: dict[str, set[str]] = {d: set() for d in ids}
    for side, other in (("a", "b"), ("b", "a")):
        for doc, peer, s, e in zip(
            alignment[f"doc_{side}"],
            alignment[f"doc_{other}"],
            alignment[f"start_{side}"],
            alignment[f"end_{side}"],
            strict=True,
        ):
            spans.setdefault(doc, []).append((int(s), int(e)))
            partners.setdefault(doc, set()).add(peer)
    rows = []
    for doc in ids:
        text = text_value(by_id.at[doc, "text"])
        n_words = len(WORD_RE.findall(text))
        # Merge overlapping spans (the same sentence aligned with two partners counts once).
        merged: list[list[int]] = []
        for s, e in sorted(spans[doc]):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        shared = sum(len(WORD_RE.findall(text, s, e)) for s, e in merged)
        rows.append(
            {
                "doc_id": doc,
                "outlet": str(by_id.at[doc, "outlet"]),
                "n_words": n_words,
                "shared_words": shared,
                "shared_share": round(shared / n_words, 4) if n_words else 0.0,
                "partners": len(partners[doc]),
            }
        )
    out = pd.DataFrame(rows, columns=COVERAGE_COLUMNS)
    return out.astype(
        {
            "doc_id": "str",
            "outlet": "str",
            "n_words": "int64",
            "shared_words": "int64",
            "shared_share": "float64",
            "partners": "int64",
        }
    )
