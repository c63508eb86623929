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

from analysis.compare.stories import DEFAULT_WINDOW_DAYS, story_groups, story_table


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
    def with_copy(day: str) -> pd.DataFrame:
        later = seed_docs.iloc[[1]].assign(
            doc_id="later.txt", outlet="Later", date=pd.Timestamp(day)
        )
        return pd.concat([seed_docs, later], ignore_index=True)

    s = story_groups(with_copy("2024-09-02"))
    assert s.iloc[0] == s.iloc[1] and s.iloc[2] != s.iloc[1]
    # Four days later is within the default window (a follow-up)...
    assert story_groups(with_copy("2024-08-06")).nunique() == 1
    # ...but not within a one-day window.
    assert story_groups(with_copy("2024-08-06"), window_days=1).nunique() == 2


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
    # Members of one story share a date window (DEFAULT_WINDOW_DAYS; follow-ups come days
    # after the first report, so the old one-day bound no longer holds).
    span = multi.dropna(subset=["date"]).groupby("story")["date"].agg(lambda d: d.max() - d.min())
    assert (span <= pd.Timedelta(days=DEFAULT_WINDOW_DAYS)).mean() > 0.95
    # Pairs inside a story carry the same topic label far more often than random pairs do.
    same = total = 0
    for _, g in multi.groupby("story"):
        counts = g["topic"].value_counts().to_numpy()
        same += int((counts * (counts - 1)).sum() // 2)
        total += len(g) * (len(g) - 1) // 2
    base = (corpus_sample["topic"].value_counts(normalize=True) ** 2).sum()
    assert same / total > 3 * base


def test_undated_articles_are_compared_at_the_undated_prior(seed_docs):
    from analysis.compare.stories import UNDATED_PRIOR, story_features

    x = story_features(seed_docs)
    sim = float((x @ x.T)[0, 1])
    # Without a date column the seeds are compared as they are...
    assert story_groups(seed_docs[["doc_id", "text"]]).nunique() == 1
    # ...with dates known to be missing, at UNDATED_PRIOR: grouped below that, not above.
    undated = seed_docs.assign(date=pd.NaT)
    assert story_groups(undated, threshold=sim * UNDATED_PRIOR * 0.9).nunique() == 1
    assert story_groups(undated, threshold=sim * UNDATED_PRIOR * 1.1).nunique() == 2


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


# Invented articles for the behaviour of real coverage: later follow-ups, a roundup that
# touches two stories, and two happenings around one person.
def _article(doc_id: str, outlet: str, day: str | None, title: str, text: str) -> dict:
    return {
        "doc_id": doc_id,
        "outlet": outlet,
        "date": pd.Timestamp(day) if day else pd.NaT,
        "title": title,
        "text": text,
    }


BRIDGE_1 = _article(
    "bridge-1",
    "Daily Ledger",
    "2031-03-02",
    "Verity Bay Bridge collapses during morning rush",
    "A span of the Verity Bay Bridge in Port Verity collapsed on Monday morning, sending two "
    "buses and a truck into the harbor. Mayor Olena Kravitz said 14 people were "
    "injured and divers were searching the water. The bridge, opened in 1968, carried 40,000 "
    "vehicles a day.",
)
BRIDGE_2 = _article(
    "bridge-2",
    "Coast Courier",
    "2031-03-02",
    "Port Verity bridge span falls into harbor, 14 hurt",
    "Rescue crews pulled passengers from two buses after part of the Verity Bay Bridge fell "
    "into the harbor in Port Verity. Mayor Olena Kravitz called the collapse a catastrophe "
    "and closed the port. Engineers had inspected the 1968 bridge last autumn.",
)
BRIDGE_LATER = _article(
    "bridge-3",
    "Weekly Review",
    "2031-03-06",
    "What went wrong on the Verity Bay Bridge?",
    "Four days after the Verity Bay Bridge collapse, investigators in Port Verity say "
    "corroded cables may have snapped under the weight of the morning traffic. Mayor Olena "
    "Kravitz has ordered every harbor crossing inspected; the 14 injured passengers are "
    "recovering.",
)
VANS_1 = _article(
    "vans-1",
    "Daily Ledger",
    "2031-03-02",
    "Zephyr Motors recalls 80,000 delivery vans over brake fault",
    "Zephyr Motors is recalling 80,000 delivery vans because a faulty brake valve can leak "
    "fluid, the carmaker said. Chief executive Tomas Lindqvist apologised to fleet "
    "owners and promised free repairs at every dealer.",
)
VANS_2 = _article(
    "vans-2",
    "Coast Courier",
    "2031-03-02",
    "Brake valve fault forces Zephyr van recall",
    "Owners of 80,000 Zephyr Motors delivery vans will be called back to dealers to replace "
    "a leaking brake valve, the company announced. Tomas Lindqvist, its chief executive, said "
    "no crashes had been linked to the fault.",
)
VANS_3 = _article(
    "vans-3",
    "Weekly Review",
    "2031-03-03",
    "Zephyr recall: what van owners need to know",
    "Zephyr Motors says the brake valve on 80,000 delivery vans built since 2029 can leak. "
    "Owners will get letters within a month; dealers will fit a new valve in about an hour, "
    "Tomas Lindqvist told reporters.",
)
ROUNDUP = _article(
    "roundup",
    "Morning Brief",
    "2031-03-02",
    "Morning brief: storms, a bridge collapse, a recall and a museum",
    "Storms are expected across the northern plains tonight, with hail and strong winds. The "
    "Verity Bay Bridge collapsed in Port Verity, injuring 14. Zephyr Motors recalls 80,000 "
    "delivery vans over a brake fault. In Lowmoor, the Harbor Museum reopened after a "
    "renovation that added a glass roof, and the city's orchestra named a new conductor. "
    "Tickets for the summer festival go on sale on Friday.",
)
HOLT_CHARGED_1 = _article(
    "holt-charged-1",
    "Daily Ledger",
    "2031-05-10",
    "Senator Maren Holt indicted on fraud charges",
    "A federal grand jury indicted Senator Maren Holt of Westmark on wire fraud charges on "
    "Tuesday, accusing her of steering campaign donations into a shell company. Prosecutors "
    "said the scheme moved 2.3 million dollars. Her lawyer said she would plead not guilty.",
)
HOLT_CHARGED_2 = _article(
    "holt-charged-2",
    "Coast Courier",
    "2031-05-10",
    "Westmark senator Holt charged with wire fraud",
    "Prosecutors charged Senator Maren Holt with wire fraud, alleging that 2.3 million "
    "dollars in campaign donations were steered into a shell company. The indictment, "
    "unsealed on Tuesday, lists eleven counts; Holt denies wrongdoing.",
)
HOLT_RESIGNS_1 = _article(
    "holt-resigns-1",
    "Daily Ledger",
    "2031-05-17",
    "Maren Holt resigns Senate seat",
    "Senator Maren Holt of Westmark announced her resignation on Sunday in a brief "
    "statement outside her home, saying her family needed her. Governor Ilse Brandt will "
    "appoint a successor to serve until a special election in November.",
)
HOLT_RESIGNS_2 = _article(
    "holt-resigns-2",
    "Coast Courier",
    "2031-05-17",
    "Holt quits Senate; governor to name replacement",
    "Maren Holt stepped down from the Senate on Sunday. Westmark Governor Ilse Brandt said "
    "she would name a replacement within two weeks and set a special election for November, "
    "when voters will choose who serves out the term.",
)


def _stories(rows: list[dict], **kwargs) -> dict[str, int]:
    docs = pd.DataFrame(rows)
    return dict(zip(docs["doc_id"], story_groups(docs, **kwargs), strict=True))


def test_a_follow_up_days_later_joins_its_story():
    s = _stories([BRIDGE_1, BRIDGE_2, BRIDGE_LATER])
    assert s["bridge-1"] == s["bridge-2"] == s["bridge-3"]
    # A one-day window keeps the follow-up apart, as the old grouping did.
    one_day = _stories([BRIDGE_1, BRIDGE_2, BRIDGE_LATER], window_days=1)
    assert one_day["bridge-1"] == one_day["bridge-2"] != one_day["bridge-3"]


def test_an_undated_report_joins_its_story():
    s = _stories([BRIDGE_1, BRIDGE_2, BRIDGE_LATER | {"date": pd.NaT}])
    assert s["bridge-1"] == s["bridge-2"] == s["bridge-3"]


def test_a_roundup_of_two_stories_does_not_chain_them():
    import numpy as np

    from analysis.compare.stories import DEFAULT_THRESHOLD, story_features

    rows = [BRIDGE_1, BRIDGE_2, BRIDGE_LATER, VANS_1, VANS_2, VANS_3, ROUNDUP]
    # The roundup resembles every story enough to link them all as connected components would,
    # though the stories do not resemble each other...
    x = story_features(pd.DataFrame(rows))
    sim = (x @ x.T).toarray()
    assert sim[-1, :-1].min() >= DEFAULT_THRESHOLD
    assert np.max(sim[:3, 3:6]) < DEFAULT_THRESHOLD
    # ...but the stories stay apart.
    s = _stories(rows)
    assert s["bridge-1"] == s["bridge-2"] == s["bridge-3"]
    assert s["vans-1"] == s["vans-2"] == s["vans-3"]
    assert s["bridge-1"] != s["vans-1"]


def test_two_happenings_of_one_person_stay_apart():
    s = _stories([HOLT_CHARGED_1, HOLT_CHARGED_2, HOLT_RESIGNS_1, HOLT_RESIGNS_2])
    assert s["holt-charged-1"] == s["holt-charged-2"]
    assert s["holt-resigns-1"] == s["holt-resigns-2"]
    assert s["holt-charged-1"] != s["holt-resigns-1"]


@pytest.mark.parametrize(
    ("gaps", "window", "expected"),
    [
        ([0, 3, 6, 9, 10], 9, [1.0, 0.5, 0.25, 0.125, 0.0]),
        ([0, -3], 9, [1.0, 0.5]),
        ([0, 1], 1, [1.0, 0.125]),
        ([0, 1], 0, [1.0, 0.0]),
    ],
)
def test_date_prior(gaps, window, expected):
    from analysis.compare.stories import date_prior

    assert date_prior(gaps, window).tolist() == pytest.approx(expected)


@pytest.mark.parametrize(
    ("n", "pairs", "threshold", "expected"),
    [
        (3, [(0, 1, 0.5)], 0.3, [0, 0, 1]),
        (3, [(0, 1, 0.2)], 0.3, [0, 1, 2]),
        # A chain: 0-1 and 1-2 similar, 0-2 not; the average of {0, 1} to 2 is 0.2.
        (3, [(0, 1, 0.9), (1, 2, 0.4)], 0.3, [0, 0, 1]),
        (3, [(0, 1, 0.9), (1, 2, 0.4)], 0.2, [0, 0, 0]),
        # Two tight pairs bridged by one weak pair stay two clusters.
        (4, [(0, 1, 0.8), (2, 3, 0.8), (1, 2, 0.5)], 0.3, [0, 0, 1, 1]),
        (2, [], 0.1, [0, 1]),
    ],
)
def test_average_linkage(n, pairs, threshold, expected):
    import numpy as np

    from analysis.compare.stories import average_linkage

    i, j, w = (np.array(v) for v in zip(*pairs, strict=True)) if pairs else ([], [], [])
    got = average_linkage(
        n, np.asarray(i, int), np.asarray(j, int), np.asarray(w, float), threshold
    )
    # Same partition (cluster numbers may differ).
    assert pd.Series(got).factorize()[0].tolist() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Olena Kravitz said 14 people were hurt.", {"Mayor", "Olena", "Kravitz", "14"}),
        ("The FBI's report cost $2,300,000 in 2031.", {"FBI", "2300000", "2031"}),
        ("But the Senate's vote failed 3 to 4.", {"Senate"}),
        ("no names here", set()),
    ],
)
def testname_tokens(text, expected):
    import polars as pl

    from analysis.compare.stories import name_tokens

    assert set(name_tokens(pl.Series([text]))["tok"].to_list()) == expected


def _two_stories(
    cross: float, n_b: int, within_a: float = 0.9, within_b: float = 0.9
) -> tuple[int, list[tuple[int, int, float]]]:
    """A story of 5 items (0-4, pairwise ``within_a``) and one of ``n_b`` items after it
    (pairwise ``within_b``), every cross pair at ``cross``."""
    a, b = range(5), range(5, 5 + n_b)
    pairs = [(i, j, within_a) for i in a for j in a if i < j]
    pairs += [(i, j, within_b) for i in b for j in b if i < j]
    pairs += [(i, j, cross) for i in a for j in b]
    return 5 + n_b, pairs


@pytest.mark.parametrize(
    ("cross", "n_b", "within_b", "one_story"),
    [
        # Two tight stories only half as similar across (a vote and a threat about it the same
        # day) stay apart, however large...
        (0.5, 5, 0.9, False),
        (0.5, 2, 0.9, False),
        (0.6, 5, 0.9, True),
        # ...while a single follow-up joins a story at the threshold...
        (0.5, 1, 0.9, True),
        (0.2, 1, 0.9, False),
        # ...and the looser story sets the bar: a tight pair (syndicated copies) joins a loose
        # story of the same happening.
        (0.5, 2, 0.6, True),
    ],
)
def test_average_linkage_tight_stories_need_more(cross, n_b, within_b, one_story):
    import numpy as np

    from analysis.compare.stories import average_linkage

    n, pairs = _two_stories(cross, n_b, within_b=within_b)
    i, j, w = (np.array(v) for v in zip(*pairs, strict=True))
    got = average_linkage(n, i, j, w.astype(float), 0.3, cohesion=0.65)
    assert (len(set(got)) == 1) == one_story
    # Without the rule for two stories, both join at the threshold.
    assert len(set(average_linkage(n, i, j, w.astype(float), 0.3, cohesion=0.0))) == (
        1 if cross >= 0.3 else 2
    )


@pytest.mark.parametrize(
    ("avg", "a", "b", "expected"),
    [
        ((0.15), (6, 0.4), (5, 0.3), False),  # two stories, under 0.6 of the looser's 0.3
        ((0.2), (6, 0.4), (5, 0.3), True),
        ((0.15), (2, 0.9), (8, 0.2), True),  # a tight pair and a loose story: 0.6 of 0.2
        ((0.06), (6, 0.4), (1, 0.0), True),  # a single follow-up joins at the threshold
        ((0.05), (1, 0.0), (1, 0.0), False),
        ((0.05), (6, 0.05), (5, 0.05), False),  # loose stories still need the threshold
    ],
)
def test_may_join(avg, a, b, expected):
    import numpy as np

    from analysis.compare.stories import Clusters, JoinRule, may_join

    def side(size_within: tuple[int, float]) -> Clusters:
        return Clusters(np.array([size_within[0]]), np.array([size_within[1]]))

    got = may_join(np.array([avg]), side(a), side(b), JoinRule(0.06, cohesion=0.6))
    assert got.tolist() == [expected]


# Two happenings the same day about the same invented people: a council vote and the mayor's
# threat to veto it, three reports each, and an opinion piece on the vote two days later.
_VOTE = [
    (
        "Harbor council approves Westbrook ferry levy",
        "The Harbor City council voted 7-2 on Tuesday to approve a ferry levy proposed by "
        "councillor Mira Westbrook, raising fares on the Dunmore line by 40 cents to pay for "
        "two new boats.",
    ),
    (
        "Council passes ferry levy after long debate",
        "Harbor City councillors approved the Dunmore ferry levy 7-2 late Tuesday. The vote, "
        "pushed by Mira Westbrook, adds 40 cents to each fare and funds two new boats for the "
        "line.",
    ),
    (
        "Ferry fares to rise as council backs levy",
        "Riders on the Dunmore ferry will pay 40 cents more after the Harbor City council "
        "passed Mira Westbrook's levy in a 7-2 vote on Tuesday evening, funding two boats.",
    ),
]
_THREAT = [
    (
        "Mayor Okafor threatens veto of ferry levy",
        "Harbor City mayor Dele Okafor said on Tuesday night he would veto the Dunmore ferry "
        "levy unless the council exempts students and pensioners, calling Mira Westbrook's plan "
        "unfair to commuters.",
    ),
    (
        "Okafor vows to block levy unless riders exempted",
        "Mayor Dele Okafor threatened a veto of the Westbrook ferry levy hours after the vote, "
        "demanding exemptions for students and pensioners who ride the Dunmore line.",
    ),
    (
        "Harbor City mayor: exempt students or I veto",
        "Dele Okafor, the Harbor City mayor, warned he will veto the ferry levy without "
        "exemptions for students and pensioners, setting up a clash with councillor Mira "
        "Westbrook.",
    ),
]
_OPINION = (
    "Opinion: the ferry levy is overdue",
    "Harbor City has argued about the Dunmore ferry for a decade. The levy the council approved "
    "this week, 40 cents a ride, finally pays for boats the line needs.",
)


def _levy_docs(kinds: str) -> pd.DataFrame:
    """The articles of ``kinds`` ("v" the vote, "t" the threat, "o" the opinion), in that
    order."""
    day = pd.Timestamp("2031-05-06")
    texts = {"v": _VOTE, "t": _THREAT, "o": [_OPINION]}
    rows = [
        {
            "doc_id": f"{kind}{k}",
            "outlet": f"{kind}{k}",
            "date": day + pd.Timedelta(days=2 if kind == "o" else 0),
            "title": t,
            "text": x,
        }
        for kind in kinds
        for k, (t, x) in enumerate(texts[kind])
    ]
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        # The names chain the vote and the threat (without the rule for two stories, one
        # story); the threat's reports are tight among themselves, less alike to the vote's.
        ("vto", [0, 0, 0, 1, 1, 1, 0]),
        ("vo", [0, 0, 0, 0]),  # the opinion piece joins the vote's story
        ("vt", [0, 0, 0, 1, 1, 1]),
        ("t", [0, 0, 0]),
    ],
)
def test_story_groups_same_people_same_day(kinds, expected):
    got = story_groups(_levy_docs(kinds))
    assert pd.Series(got.to_numpy()).factorize()[0].tolist() == expected


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        # The headline that shares most words with the others, not the first outlet's angle.
        (
            [
                "Why the harbor vote changes nothing",
                "Council votes to close Dover harbor",
                "Dover council votes to close the harbor after inquiry",
                "Dover harbor to close, council votes",
            ],
            "Council votes to close Dover harbor",
        ),
        (["Only one title"], "Only one title"),
        (["", "The second has it"], "The second has it"),
        (["", ""], ""),
        # Ties go to the first given (the earliest article).
        (["Harbor closes", "Harbor closes", "Harbor closes"], "Harbor closes"),
    ],
)
def test_central_title(titles, expected):
    from analysis.compare.stories import central_title

    assert central_title(titles) == expected


def _gold_docs(rows):
    """Invented gold rows ``(event slug, date or None)``."""
    return pd.DataFrame(
        {"event": [e for e, _ in rows], "date": pd.to_datetime([d for _, d in rows])}
    )


@pytest.mark.parametrize(
    ("rows", "pred", "expected"),
    [
        # Three of one event and two of another in one story: 3 * 2 false pairs.
        (
            [("2001-05-01-harbor-vote", "2001-05-01")] * 3
            + [("2001-05-01-mayor-threat", "2001-05-01")] * 2,
            [0, 0, 0, 0, 0],
            [(6, "2001-05-01-harbor-vote: 3; 2001-05-01-mayor-threat: 2")],
        ),
        # Each story holds one event: nothing to list.
        (
            [("2001-05-01-harbor-vote", "2001-05-01"), ("2001-05-03-ferry-strike", None)],
            [0, 1],
            [],
        ),
        # The costlier story first.
        (
            [("a-1", None), ("b-1", None), ("c-1", None), ("c-1", None), ("d-1", None)],
            [0, 0, 1, 1, 1],
            [(2, "c-1: 2; d-1: 1"), (1, "a-1: 1; b-1: 1")],
        ),
    ],
)
def test_wrong_groups(rows, pred, expected):
    from bench.stories_errors import wrong_groups

    got = wrong_groups(_gold_docs(rows), pd.Series(pred))
    assert list(zip(got["false_pairs"], got["events"], strict=True)) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [("2001-05-01-harbor-vote", "2001-05-01"), ("2001-05-02-mayor-threat", "2001-05-02")],
            {"both dated, happenings same or next day": 1},
        ),
        (
            [("2001-05-01-harbor-vote", "2001-05-01"), ("2001-05-04-ferry-strike", None)],
            {"an undated side, happenings 2-5 days apart": 1},
        ),
        (
            [
                ("2001-05-01-harbor-vote", "2001-05-01"),
                ("2001-05-01-harbor-vote", "2001-05-02"),
                ("2001-05-20-harbor-reopens", "2001-05-20"),
            ],
            {"both dated, happenings later": 2},
        ),
    ],
)
def test_false_pair_kinds(rows, expected):
    from bench.stories_errors import false_pair_kinds

    got = false_pair_kinds(_gold_docs(rows), pd.Series([0] * len(rows)))
    assert got.to_dict() == expected


@pytest.mark.parametrize(
    ("null", "need", "expected"),
    [
        ([0.1, 0.2, 0.3, 0.4], [0.25, 0.5], [0.5, 0.0]),
        ([0.1, 0.2, 0.3, 0.4], [0.1, 0.4], [1.0, 0.25]),
        ([], [0.1], [0.0]),
    ],
)
def test_chance_rate(null, need, expected):
    import numpy as np

    from analysis.compare.stories import chance_rate

    assert chance_rate(np.array(null), np.array(need)).tolist() == pytest.approx(expected)


@pytest.mark.parametrize(
    ("days", "window", "expected"),
    [
        ([5, 5, 6, 9], 2, [1, 2, 0]),
        ([0, 0, 0], 1, [3, 0]),
        ([3, 10], 9, [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]),
        ([], 1, [0, 0]),
    ],
)
def test_pairs_by_gap(days, window, expected):
    import numpy as np

    from analysis.compare.stories import pairs_by_gap

    assert pairs_by_gap(np.array(days, dtype=np.int64), window).tolist() == expected


# (chance similarities, weights of the dated pairs found, pairs 0..9 days apart, threshold)
@pytest.mark.parametrize(
    ("null", "weights", "gap_pairs", "expected"),
    [
        # No chance pair reaches 0.06: the default holds.
        ([0.01] * 100, [0.5, 0.5], [10] + [0] * 9, 0.06),
        # Every chance pair reaches 0.1, so ten same-day pairs would give ten chance joins for
        # two found: the bar rises just above 0.1 (0.06 * 1.02 ** 26).
        ([0.1] * 100, [0.5, 0.5], [10] + [0] * 9, 0.06 * 1.02**26),
        # Thirty found pairs: ten chance ones are a third of them, under CHANCE_SHARE.
        ([0.1] * 100, [0.5] * 30, [10] + [0] * 9, 0.06),
        # Pairs three days apart (prior 1/2) need a similarity of 0.12 to reach 0.06.
        ([0.1] * 100, [0.5, 0.5], [0, 0, 0, 10] + [0] * 6, 0.06),
    ],
)
def test_calibrated_threshold(null, weights, gap_pairs, expected):
    import numpy as np

    from analysis.compare.stories import calibrated_threshold

    got = calibrated_threshold(
        np.array(null), np.array(weights), np.array(gap_pairs, float), 9, 0.06
    )
    assert got == pytest.approx(expected)


def test_calibrated_threshold_for_lone_pairs():
    # Ten same-day pairs that every chance pair reaches at 0.1, thirty found: a third of the
    # joins is chance, under CHANCE_SHARE (the threshold keeps 0.06) but over LONE_PAIR_SHARE
    # (a lone pair needs just above 0.1).
    import numpy as np

    from analysis.compare.stories import LONE_PAIR_SHARE, calibrated_threshold

    args = (np.array([0.1] * 100), np.array([0.5] * 30), np.array([10.0] + [0.0] * 9), 9, 0.06)
    assert calibrated_threshold(*args) == pytest.approx(0.06)
    got = calibrated_threshold(*args, share=LONE_PAIR_SHARE)
    assert got == pytest.approx(0.06 * 1.02**26)


# (cluster per item, pairs (i, j, weight), bar, clusters after)
@pytest.mark.parametrize(
    ("labels", "pairs", "bar", "expected"),
    [
        # A lone pair under the bar splits; one over it stays.
        ([0, 0, 1, 1], [(0, 1, 0.1), (2, 3, 0.3)], 0.2, [0, 2, 1, 1]),
        # A story of three keeps its weak pair: the other articles confirm it.
        ([0, 0, 0], [(0, 1, 0.1), (1, 2, 0.5), (0, 2, 0.4)], 0.2, [0, 0, 0]),
        # A pair across two clusters changes nothing.
        ([0, 1, 1], [(0, 1, 0.05), (1, 2, 0.5)], 0.2, [0, 1, 1]),
        # Two weak lone pairs: each second item gets its own new id, in pair order.
        ([0, 0, 1, 1, 2], [(0, 1, 0.1), (2, 3, 0.1)], 0.2, [0, 3, 1, 4, 2]),
        # At the bar the pair stands.
        ([0, 0], [(0, 1, 0.2)], 0.2, [0, 0]),
    ],
)
def test_split_lone_pairs(labels, pairs, bar, expected):
    import numpy as np

    from analysis.compare.stories import split_lone_pairs

    i, j, w = (np.array(v) for v in zip(*pairs, strict=True))
    got = split_lone_pairs(np.array(labels, dtype=np.int64), i, j, w.astype(float), bar)
    assert got.tolist() == expected


def test_a_lone_pair_needs_the_stricter_bar():
    # Thirty same-day pairs found at 0.5 and ten whose chance pairs reach 0.1: the threshold
    # keeps 0.06, the lone-pair bar rises above 0.1.
    import numpy as np

    from analysis.compare.stories import DEFAULT_THRESHOLD, _Edges, calibrate

    edges = _Edges(
        np.arange(30), np.arange(30) + 1, np.full(30, 0.5), np.zeros(30, dtype=bool), 0.0
    )
    null = np.full(200, 0.1)
    got = calibrate(null, null, edges, np.array([10.0] + [0.0] * 9), 9)
    assert got.threshold == pytest.approx(DEFAULT_THRESHOLD)
    assert got.pair_threshold == pytest.approx(DEFAULT_THRESHOLD * 1.02**26)


# (chance similarities, similarities of the undated pairs found, all undated pairs, prior)
@pytest.mark.parametrize(
    ("null", "sims", "n_pairs", "expected"),
    [
        # At the prior 1/2 a pair needs 0.12, which no chance pair reaches.
        ([0.1] * 100, [0.3, 0.3], 1000, 0.5),
        # Chance pairs reach 0.2: the prior falls until a pair needs more (0.5 / 1.02 ** 26).
        ([0.2] * 100, [0.3, 0.3], 1000, 0.5 / 1.02**26),
        # Chance pairs as similar as any: undated articles stay alone.
        ([1.0] * 100, [0.5], 10, 0.0),
    ],
)
def test_calibrated_undated_prior(null, sims, n_pairs, expected):
    import numpy as np

    from analysis.compare.stories import calibrated_undated_prior

    got = calibrated_undated_prior(np.array(null), np.array(sims), n_pairs, 0.06)
    assert got == pytest.approx(expected)


@pytest.mark.parametrize(
    ("far", "expected"),
    [
        # Days 0, 20 and 100: only the pair 20 days apart is out of the 9-day window and
        # within 54 days.
        (54, [0.6]),
        (float("inf"), [0.6, 0.6, 1.0]),
    ],
)
def test_chance_similarities(far, expected):
    import numpy as np
    from scipy import sparse

    from analysis.compare.stories import chance_similarities

    x = sparse.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8], [1.0, 0.0]], dtype=np.float32))
    got = chance_similarities(x, np.array([0, 20, 100]), np.ones(3, dtype=bool), 9, far)
    assert got.tolist() == pytest.approx(expected)


def test_a_small_folder_keeps_the_default_bar(seed_docs):
    # Two articles give no chance pairs to calibrate on: grouping is that of the defaults.
    from analysis.compare.stories import DEFAULT_THRESHOLD

    dated = seed_docs.assign(date=pd.Timestamp("2024-08-05"))
    assert story_groups(dated).tolist() == story_groups(dated, threshold=DEFAULT_THRESHOLD).tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lawmakers met on Tuesday and again on Friday.", {"Tuesday", "Friday"}),
        ("Polls close Sunday night in the valley.", {"Sunday"}),
        ("The vote came yesterday; results are due today.", set()),
        ("Tuesdays are market days on the quay.", set()),  # a whole word only
        ("They served the usual sunday roast.", set()),  # a capitalised name only
        ("Mondayville elected a new mayor.", set()),
        ("", set()),
        (None, set()),
    ],
)
def test_lead_weekdays(text, expected):
    from analysis.compare.stories import WEEKDAYS, lead_weekdays

    bits = int(lead_weekdays(pd.Series([text], dtype=object))[0])
    assert {d for k, d in enumerate(WEEKDAYS) if bits >> k & 1} == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("The board met on Tuesday.", "The board met on Friday.", True),
        ("The board met on Tuesday.", "The board met on Tuesday and Friday.", False),
        ("The board met on Tuesday.", "The board met yesterday.", False),
        ("The board met today.", "The board met yesterday.", False),
    ],
)
def test_weekday_clash(a, b, expected):
    import numpy as np

    from analysis.compare.stories import lead_weekdays, weekday_clash

    days = lead_weekdays(pd.Series([a, b]))
    assert weekday_clash(days, np.array([0]), np.array([1])).tolist() == [expected]


@pytest.mark.parametrize(
    ("dated", "expected"),
    [
        ([True, False], True),  # an undated lead that names another day
        ([False, False], True),
        ([True, True], False),  # dated pairs: their dates tell
    ],
)
def test_undated_weekday_clash(dated, expected):
    import numpy as np
    import polars as pl

    from analysis.compare.stories import undated_weekday_clash

    texts = pl.Series(["Voters went to the polls on Sunday.", "The council voted on Thursday."])
    got = undated_weekday_clash(texts, np.array([0]), np.array([1]), np.array(dated))
    assert got.tolist() == [expected]


_KILN = (
    "Kiln fire closes Brackwater pottery",
    "A kiln fire on {day} closed the Brackwater pottery cooperative, whose glazes supply "
    "Ostrava tile makers; firefighters from Lindel kept the blaze from the clay store.",
)


@pytest.mark.parametrize(("day_b", "one_story"), [("Monday", True), ("Thursday", False)])
def test_an_undated_report_of_another_weekday_needs_more(day_b, one_story):
    from analysis.compare.stories import UNDATED_PRIOR, WEEKDAY_CLASH, story_features

    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "date": [pd.Timestamp("2031-03-03"), pd.NaT],
            "title": [_KILN[0], _KILN[0]],
            "text": [_KILN[1].format(day="Monday"), _KILN[1].format(day=day_b)],
        }
    )
    x = story_features(docs)
    sim = float((x @ x.T)[0, 1])
    # Between the bar of a clashing pair and that of any undated pair.
    threshold = sim * UNDATED_PRIOR * (1 + WEEKDAY_CLASH) / 2
    assert (story_groups(docs, threshold=threshold).nunique() == 1) == one_story


# (weights, days of the two sides, both dated, sparse folder, weights split_lone_pairs judges)
@pytest.mark.parametrize(
    ("weight", "day_a", "day_b", "dated", "sparse", "expected"),
    [
        # A sparse folder: a pair of two days counts 0, one of one day keeps its weight.
        ([0.3, 0.3], [5, 5], [5, 6], [True, True], True, [0.3, 0.0]),
        # A pair with an undated side has no day to share: its weight holds.
        ([0.3], [5], [9], [False], True, [0.3]),
        # A dense folder keeps every weight.
        ([0.3, 0.3], [5, 5], [5, 6], [True, True], False, [0.3, 0.3]),
    ],
)
def test_lone_pair_weights(weight, day_a, day_b, dated, sparse, expected):
    import numpy as np

    from analysis.compare.stories import lone_pair_weights

    got = lone_pair_weights(
        np.array(weight), np.array(day_a), np.array(day_b), np.array(dated), sparse
    )
    assert got.tolist() == pytest.approx(expected)


# Invented filler notes of a sparse folder: 40 articles three days apart, each on six nouns of
# a common pool, so that unrelated articles resemble each other by chance and the folder's
# lone-pair bar rises above its threshold.
_FILLER_NOUNS = (
    "harbor ferry council budget school road bridge park tax housing transit water police "
    "library museum farm market tower canal tunnel airport stadium clinic garden orchard mill "
    "quarry lighthouse reservoir festival parade election court mayor senator governor strike "
    "union factory college hospital"
).split()


def _fillers(n: int = 40) -> list[dict]:
    import numpy as np

    rng = np.random.default_rng(0)
    rows = []
    for k in range(n):
        nouns = [_FILLER_NOUNS[w] for w in rng.choice(len(_FILLER_NOUNS), 6, replace=False)]
        rows.append(
            _article(
                f"note-{k:02d}",
                "Town Notes",
                str((pd.Timestamp("2031-01-01") + pd.Timedelta(days=3 * k)).date()),
                " ".join(nouns[:3]).capitalize(),
                "Residents spoke about the " + ", the ".join(nouns) + ".",
            )
        )
    return rows


_QUAKE = {
    "quake-1": (
        "Quake shakes Veloria harbor",
        "An earthquake of magnitude 5.8 shook the Veloria harbor district, toppling cranes and "
        "injuring 12 dockworkers, the port authority said.",
    ),
    "quake-2": (
        "Magnitude 5.8 quake topples Veloria cranes",
        "Cranes toppled and 12 dockworkers were hurt when a magnitude 5.8 earthquake struck the "
        "Veloria harbor district, port officials said.",
    ),
    "quake-3": (
        "Veloria port counts quake damage",
        "The Veloria port authority said the magnitude 5.8 earthquake that toppled cranes and "
        "hurt 12 dockworkers in the harbor district will close two berths.",
    ),
}


# (days of the quake reports after 2031-02-10, None: undated; with the fillers; quake groups)
@pytest.mark.parametrize(
    ("days", "sparse", "expected"),
    [
        # Two reports of one day stand in a sparse folder...
        ({"quake-1": 0, "quake-2": 0}, True, [["quake-1", "quake-2"]]),
        # ...two of neighbouring days that no third confirms do not...
        ({"quake-1": 0, "quake-2": 1}, True, [["quake-1"], ["quake-2"]]),
        # ...unless a third report joins them.
        ({"quake-1": 0, "quake-2": 1, "quake-3": 2}, True, [["quake-1", "quake-2", "quake-3"]]),
        # An undated report tells no other day: it joins at its weight.
        ({"quake-1": 0, "quake-2": None}, True, [["quake-1", "quake-2"]]),
        # A folder of the two alone keeps the default bar: follow-ups a day later join.
        ({"quake-1": 0, "quake-2": 1}, False, [["quake-1", "quake-2"]]),
    ],
)
def test_a_lone_pair_of_two_days_in_a_sparse_folder(days, sparse, expected):
    quakes = [
        _article(
            doc_id,
            "Coast Wire",
            None
            if gap is None
            else str((pd.Timestamp("2031-02-10") + pd.Timedelta(days=gap)).date()),
            *_QUAKE[doc_id],
        )
        for doc_id, gap in days.items()
    ]
    s = _stories((_fillers() if sparse else []) + quakes)
    groups: dict[int, list[str]] = {}
    for doc_id in days:
        groups.setdefault(s[doc_id], []).append(doc_id)
    assert sorted(groups.values()) == expected
