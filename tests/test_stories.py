"""Story groups (analysis/compare/stories.py): same event across outlets, date window,
determinism."""

from __future__ import annotations

import gzip
import json
from itertools import islice

import pandas as pd
import pytest
from conftest import SEED_A, SEED_B
from test_align import UNRELATED

from analysis.compare.stories import story_groups, story_table


def with_extra(seed_docs: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    return pd.concat(
        [seed_docs[["doc_id", "outlet", "date", "title", "text"]], pd.DataFrame(rows)],
        ignore_index=True,
    )


def test_the_two_seed_articles_are_one_story(seed_docs):
    s = story_groups(seed_docs)
    assert s.name == "story" and s.dtype == "int64"
    assert s.index.equals(seed_docs.index)
    assert s.tolist() == [0, 0]


def test_unrelated_article_is_its_own_story(seed_docs):
    docs = with_extra(
        seed_docs,
        [
            {
                "doc_id": "library.txt",
                "outlet": "Local",
                "date": pd.Timestamp("2024-08-02"),
                "title": None,
                "text": UNRELATED,
            }
        ],
    )
    s = story_groups(docs)
    assert s.iloc[0] == s.iloc[1] != s.iloc[2]


def test_date_window_separates_the_same_text_a_month_later(seed_docs):
    later = seed_docs.iloc[[1]].assign(
        doc_id="later.txt", outlet="Later", date=pd.Timestamp("2024-09-02")
    )
    docs = pd.concat([seed_docs, later], ignore_index=True)
    s = story_groups(docs)
    assert s.iloc[0] == s.iloc[1] and s.iloc[2] != s.iloc[1]
    # A wider window lets it in.
    assert story_groups(docs, window_days=31).nunique() == 1


def test_threshold_controls_grouping(seed_docs):
    assert story_groups(seed_docs, threshold=0.99).tolist() == [0, 1]
    assert story_groups(seed_docs, threshold=0.0).tolist() == [0, 0]


def test_ids_are_numbered_by_date_then_doc_id_and_independent_of_row_order(seed_docs):
    docs = with_extra(
        seed_docs,
        [
            {
                "doc_id": "early.txt",
                "outlet": "X",
                "date": pd.Timestamp("2024-07-01"),
                "title": None,
                "text": UNRELATED,
            },
            {
                "doc_id": "undated.txt",
                "outlet": "Y",
                "date": pd.NaT,
                "title": None,
                "text": (
                    "Completely different: a recipe for bread with flour, water, salt and yeast."
                ),
            },
        ],
    )
    s = story_groups(docs)
    assert dict(zip(docs["doc_id"], s, strict=True)) == {
        "early.txt": 0,
        SEED_A: 1,
        SEED_B: 1,
        "undated.txt": 2,
    }
    shuffled = docs.sample(frac=1, random_state=3)
    s2 = story_groups(shuffled)
    assert dict(zip(shuffled["doc_id"], s2, strict=True)) == dict(
        zip(docs["doc_id"], s, strict=True)
    )


def test_works_with_only_doc_id_and_text(seed_docs):
    bare = seed_docs[["doc_id", "text"]]
    assert story_groups(bare).tolist() == [0, 0]
    assert story_groups(bare.iloc[:0]).empty


def test_story_table_lists_multi_outlet_stories(seed_docs):
    t = story_table(seed_docs)
    assert t.to_dict("records")[0] | {"title": None} == {
        "story": 0,
        "n_articles": 2,
        "n_outlets": 2,
        "first_date": pd.Timestamp("2024-08-02"),
        "last_date": pd.Timestamp("2024-08-02"),
        "outlets": "JNS; unknown",
        "title": None,
    }
    assert story_table(seed_docs.assign(outlet="JNS")).empty


@pytest.fixture(scope="module")
def corpus_sample(multi_outlet_corpus) -> pd.DataFrame:
    """The first 4,000 records of the multi-outlet corpus, read directly (fast)."""
    rows = []
    with gzip.open(multi_outlet_corpus, "rt", encoding="utf-8") as f:
        for line in islice(f, 4000):
            r = json.loads(line)
            rows.append(
                {
                    "doc_id": r["ID"],
                    "outlet": r["source"],
                    "date": pd.to_datetime(r["date"], errors="coerce", format="%Y-%m-%d"),
                    "title": r["title"],
                    "text": r["content_original"] or "",
                    "topic": r["topic"],
                }
            )
    return pd.DataFrame(rows)


def test_multi_outlet_stories_are_event_sized_and_mostly_one_topic(corpus_sample):
    s = story_groups(corpus_sample)
    sizes = s.value_counts()
    grouped = corpus_sample.assign(story=s.to_numpy())
    multi = grouped[grouped["story"].map(sizes) > 1]
    assert len(multi) > 50, "expected some cross-outlet stories in 4,000 articles"
    assert sizes.max() <= 40, "a story this large is a chain of topics, not an event"
    # Members of one story share a date window (a day apart at most, chained).
    span = multi.dropna(subset=["date"]).groupby("story")["date"].agg(lambda d: d.max() - d.min())
    assert (span <= pd.Timedelta(days=7)).mean() > 0.95
    # Pairs inside a story carry the same topic label far more often than random pairs do.
    same = total = 0
    for _, g in multi.groupby("story"):
        counts = g["topic"].value_counts().to_numpy()
        same += int((counts * (counts - 1)).sum() // 2)
        total += len(g) * (len(g) - 1) // 2
    base = (corpus_sample["topic"].value_counts(normalize=True) ** 2).sum()
    assert same / total > 3 * base


def test_undated_articles_need_more_similarity_when_the_corpus_has_dates(seed_docs):
    # Without a date column the seeds (cosine 0.29) group at the default threshold...
    assert story_groups(seed_docs[["doc_id", "text"]]).nunique() == 1
    # ...with dates known to be missing, text alone must clear threshold + UNDATED_MARGIN.
    undated = seed_docs.assign(date=pd.NaT)
    assert story_groups(undated).nunique() == 2
    assert story_groups(undated, threshold=0.15).nunique() == 1


def _sklearn_vectors(texts: list[str]):
    """The TF-IDF rows as story grouping computed them with scikit-learn's vectoriser alone."""
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    from analysis.core.weights import lemma_weight

    vec = TfidfVectorizer(
        strip_accents="unicode",
        stop_words="english",
        sublinear_tf=True,
        norm=None,
        dtype=np.float32,
    )
    tf = vec.fit_transform(texts).tocsr()
    idf = np.array([lemma_weight(t) for t in vec.get_feature_names_out()], dtype=np.float32)
    return normalize(tf @ sparse.diags(idf), norm="l2", copy=False).tocsr()


def test_vectors_are_scikit_learns_to_the_bit_on_any_unicode():
    # The polars counting must give the very arrays scikit-learn's TfidfVectorizer gives
    # (lower-casing, accent stripping, \w as Python reads it, term order), since the story
    # ids depend on float32 cosines at a threshold. Random code points from every plane, and
    # the awkward cases by name: the capital sigma (lower-cased by context), ligatures and
    # compatibility characters, combining marks, Indic vowel signs (Rust's \w has them,
    # Python's not), dotted capital I, titlecase digraphs.
    import random

    import numpy as np

    from analysis.compare.stories import story_vectors

    rng = random.Random(7)
    pool = [chr(c) for c in range(0x20, 0x7F)] * 20
    pool += [
        c
        for c in (chr(rng.randrange(0xA0, 0x30000)) for _ in range(3000))
        if not 0xD800 <= ord(c) < 0xE000
    ]
    texts = ["".join(rng.choice(pool) for _ in range(rng.randrange(0, 300))) for _ in range(300)]
    texts += [
        "ΣΊΣΥΦΟΣ σοφός ΟΔΥΣΣΕΥΣ",
        "Erdoğan’s café ﬁnance ㎒ x² ½ İstanbul STRASSE straße",
        "e\u0301te\u0301 a\u0308\u0323 नमस्ते दुनिया مرحبا",
        "Ǆemal ǅ ǆ Kelvin \u212a",
        "",
        "the and of it",
        "snake_case __init__ 12 3 x1",
    ]
    want, got = _sklearn_vectors(texts), story_vectors(pd.Series(texts))
    for part in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(got, part), getattr(want, part)), part
    assert story_vectors(pd.Series(["", "the of"])).nnz == 0
