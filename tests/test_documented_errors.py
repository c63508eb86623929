"""Every error the analysis modules document (terms, align, compare, stream, framing) is raised
with its message: each ``raise`` reached through the public function a user calls."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import SEED_A, SEEDS

from analysis.compare.align import align_passages, compared_pairs
from analysis.compare.framing import aligned_wording, framing, load_lexicon
from analysis.compare.pairs import match_quotes, sourcing
from analysis.compare.terms import collocations, keyness, kwic, term_counts, term_over_time
from analysis.scale import stream

DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "outlet": ["X", "Y"],
        "text": ["Reyes said the plan would fail.", "Okafor said it would not."],
    }
)

# (call, exception type, the message's words as a regular expression)
TERMS_ERRORS = [
    (
        lambda: term_counts(DOCS, stopwords="german"),
        ValueError,
        r'stopwords must be None, "english", "news" or a collection, not \'german\'',
    ),
    (
        lambda: term_counts(DOCS[["doc_id"]]),
        ValueError,
        r"term_counts: docs has no column 'text' \(it has 'doc_id'\)",
    ),
    (
        lambda: term_counts(DOCS, by="section"),
        ValueError,
        r"term_counts: docs has no column 'section' \(it has 'doc_id', 'outlet', 'text'\)",
    ),
    (lambda: term_counts(DOCS, ngram=4), ValueError, r"ngram must be 1, 2 or 3, not 4"),
    (
        lambda: keyness(DOCS, method="chi2"),
        ValueError,
        r'method must be "log_odds" or "g2", not \'chi2\'',
    ),
    (
        lambda: keyness(DOCS, reference="web"),
        ValueError,
        r'reference must be "rest" or "english", not \'web\'',
    ),
    (lambda: keyness(DOCS, by=None), ValueError, r'reference="rest" needs groups: pass by='),
    (
        lambda: keyness(DOCS, target=("X", "Y")),
        ValueError,
        r"target \('X', 'Y'\) does not match by=\['outlet'\]",
    ),
    (lambda: keyness(DOCS, target="Z"), ValueError, r"no articles where \['outlet'\] == 'Z'"),
    (lambda: kwic(DOCS, "", regex=False), ValueError, r"kwic: the pattern is empty"),
    (
        lambda: kwic(DOCS, "(unclosed", regex=True),
        ValueError,
        r"'\(unclosed' is not a regular expression RE2 can run \(missing \)",
    ),
    (
        lambda: collocations(DOCS, "plan", measure="dice"),
        ValueError,
        r'measure must be "pmi" or "g2", not \'dice\'',
    ),
    (lambda: collocations(DOCS, "the plan"), ValueError, r"term must be one word, not 'the plan'"),
    (
        lambda: term_over_time(DOCS, "a b c d"),
        ValueError,
        r"term must be 1 to 3 words, not 'a b c d'",
    ),
    (lambda: term_over_time(DOCS, ""), ValueError, r"term must be 1 to 3 words, not ''"),
]


@pytest.mark.parametrize(("call", "error", "message"), TERMS_ERRORS)
def test_terms_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_align_errors(seed_docs):
    with pytest.raises(ValueError, match=r"compared_pairs: docs has no column 'text'"):
        align_passages(seed_docs[["doc_id", "outlet"]])
    with pytest.raises(ValueError, match=rf"doc_id must be unique; '{re.escape(SEED_A)}' repeats"):
        compared_pairs(pd.concat([seed_docs, seed_docs]))
    with pytest.raises(KeyError, match=r"a='nope' is not a doc_id in docs"):
        compared_pairs(seed_docs, a="nope")
    with pytest.raises(KeyError, match=r"b='nope' is not a doc_id in docs"):
        align_passages(seed_docs, a=SEED_A, b="nope")


def test_compare_errors():
    with pytest.raises(ValueError, match=r"match_quotes: quotes has no column 'speaker'"):
        match_quotes(pd.DataFrame({"doc_id": ["a"], "quote": ["x"]}))
    with pytest.raises(ValueError, match=r"sourcing: docs has no column 'text'"):
        sourcing(DOCS[["doc_id"]], pd.DataFrame())


def test_stream_errors(tmp_path):
    missing = tmp_path / "missing"
    with pytest.raises(
        FileNotFoundError, match=rf"no such file or folder: {re.escape(str(missing))}"
    ):
        stream.corpus_parts(missing)
    with pytest.raises(
        stream.NotACorpusFolder,
        match=r"not a corpus folder written by ingest .*python -m analysis ingest",
    ):
        stream.corpus_parts(SEEDS)
    with pytest.raises(ValueError, match=r'engine must be "processes" or "dask", not \'spark\''):
        stream.write_quotes(SEEDS, tmp_path / "q", engine="spark")
    with pytest.raises(ValueError, match=r"workers must be at least 1, not 0"):
        stream.write_quotes(SEEDS, tmp_path / "q", workers=0)
    with pytest.raises(
        stream.NotACorpusFolder, match=r"is not a quotes folder written by write_quotes"
    ):
        stream.read_quotes(tmp_path)


def test_framing_errors(tmp_path, seed_docs):
    bad = tmp_path / "bad.csv"
    bad.write_text("term,category\nmassacre,violence\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.csv: lexicon needs columns .*missing \['note'\]"):
        load_lexicon(bad)
    empty = tmp_path / "empty.csv"
    empty.write_text("term,category,note\n  ,violence,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"empty\.csv: a lexicon row has an empty term"):
        load_lexicon(empty)
    dup = tmp_path / "dup.csv"
    dup.write_text("term,category,note\nMassacre,v,\nmassacre ,v,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"dup\.csv: term 'massacre' is listed twice"):
        load_lexicon(dup)
    no_align = pd.DataFrame(
        columns=["doc_a", "start_a", "passage_a", "doc_b", "start_b", "passage_b"]
    )
    with pytest.raises(ValueError, match=r"aligned_wording: docs has no column 'section'"):
        aligned_wording(seed_docs, no_align, by="section")
    with pytest.raises(ValueError, match=r"framing: docs has no column 'section'"):
        framing(seed_docs, by="section", alignment=no_align)
