"""The word definition for news (analysis/core/text.py WORD_PATTERN), against hand-written cases."""

import pandas as pd

from analysis.compare.terms import term_counts, tokenize

TEXT = (
    "Mr. Smith of the U.S. State Dept. met F.B.I. agents and a Ph.D. student at 9 a.m. "
    "in Washington, D.C.; the U.S.-led talks won’t end. Dr. Ruiz's www.fox.com post."
)
# Written by hand from the README's rules: dotted abbreviations whole, other words split at
# periods, inner hyphen kept only between letters/digits after a non-dotted word.
WORDS = [
    "mr",
    "smith",
    "of",
    "the",
    "u.s.",
    "state",
    "dept",
    "met",
    "f.b.i.",
    "agents",
    "and",
    "a",
    "ph.d.",
    "student",
    "at",
    "9",
    "a.m.",
    "in",
    "washington",
    "d.c.",
    "the",
    "u.s.",
    "led",
    "talks",
    "won't",
    "end",
    "dr",
    "ruiz",
    "www",
    "fox",
    "com",
    "post",
]


def test_dotted_abbreviations_are_one_word():
    assert tokenize(TEXT) == WORDS


def test_counts_agree_with_the_definition():
    docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "text": [TEXT]})
    counts = term_counts(docs).set_index("term")["count"]
    assert counts["u.s."] == 2 and counts["f.b.i."] == 1 and "u" not in counts
    assert counts.sum() == len(WORDS) == 32


def test_news_stopwords_drop_honorifics():
    docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "text": [TEXT]})
    english = set(term_counts(docs, stopwords="english")["term"])
    news = set(term_counts(docs, stopwords="news")["term"])
    assert {"mr", "dr"} <= english
    assert english - news == {"mr", "dr"}
