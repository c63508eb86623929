"""The word lists built from news usage (bench/build_word_lists.py)."""

from __future__ import annotations

from importlib import resources

import pytest

from analysis.quotes.attribution import LEX
from bench.build_word_lists import (
    NameCounts,
    count_cases,
    count_followers,
    count_given_names,
    count_honorific_sexes,
    finite_verbs,
    given_name_sexes,
    given_names,
    lowercase_words,
    mostly_lowercase_words,
    no_name_part,
)


def test_counts_separate_openings_from_capitals_inside_a_sentence():
    lower, inside, opening = count_cases(
        ["Take the ferry. We take it daily, said Ada Take.", "“Take care,” she said."]
    )
    assert lower["take"] == 1
    assert inside["take"] == 1  # "Ada Take": a capital inside the sentence
    assert opening["take"] == 2  # after a full stop, and after an opening quotation mark


@pytest.mark.parametrize(
    ("lower", "inside", "opening", "listed"),
    [
        (100, 1, 5, True),  # "take": capitalised only where a sentence opens
        (100, 10, 5, False),  # "young": a surname often enough ("Ada Young")
        (10, 0, 5, False),  # too rare to tell
        (100, 0, 0, False),  # never opens a sentence, so never mistaken for a name
    ],
)
def test_listed_words(lower, inside, opening, listed):
    from collections import Counter

    words = lowercase_words(Counter({"w": lower}), Counter({"w": inside}), Counter({"w": opening}))
    assert (words == ["w"]) is listed


def test_shipped_list_is_sorted_lower_case_words_without_given_names():
    text = resources.files("analysis").joinpath("data/lowercase_words.txt").read_text("utf-8")
    words = text.split()
    assert words == sorted(set(words)) and all(w.isalpha() and w.islower() for w in words)
    assert {"take", "despite", "rather"} <= LEX["lowercase_words"]
    assert "will" in words and "will" not in LEX["lowercase_words"]  # "Will Reyes"
    assert not LEX["lowercase_words"] & {"john", "young", "green", "white"}


@pytest.mark.parametrize(
    ("lower", "inside", "listed"),
    [
        (100, 30, True),  # "medical": capitalised in titles ("Medical Examiner"), mostly not
        (100, 100, False),  # "secretary": as often capitalised as not
        (10, 0, False),  # too rare to tell
    ],
)
def test_mostly_lower_case_words(lower, inside, listed):
    from collections import Counter

    words = mostly_lowercase_words(Counter({"w": lower}), Counter({"w": inside}))
    assert (words == ["w"]) is listed


def test_shipped_mostly_lower_case_list_holds_the_other_and_no_given_names():
    text = resources.files("analysis").joinpath("data/mostly_lowercase_words.txt")
    words = text.read_text("utf-8").split()
    assert words == sorted(set(words)) and set(words) >= LEX["lowercase_words"]
    assert {"medical", "delegate", "counsel"} <= LEX["mostly_lowercase_words"]
    assert not LEX["mostly_lowercase_words"] & {"grace", "will", "john", "white"}


def test_verbs_follow_pronouns_and_never_determiners():
    texts = ["He knew it. She knew more. The report said so; he said no."] * 10
    after_pronoun, after_determiner = count_followers(texts)
    assert after_pronoun["knew"] == 20 and after_determiner["report"] == 10
    assert finite_verbs(after_pronoun, after_determiner) == ["knew", "said"]
    texts.append("His said.")  # a determiner before it once in 21 uses: more than 2 %
    assert finite_verbs(*count_followers(texts)) == ["knew"]


def test_shipped_verbs_hold_verbs_not_nouns():
    verbs = LEX["finite_verbs"]
    assert {"knew", "says", "appears", "also"} <= verbs
    assert not verbs & {"report", "claims", "officials", "people", "press"}


def test_given_names_take_the_sex_of_their_surnames_honorifics():
    texts = ["Ada Lund spoke. Mrs. Lund left.", "Ivo Lund spoke. Mr. Lund left."] * 4
    texts += ["Ada Reyes and Ivo Reyes spoke. Mr. Reyes and Mrs. Reyes left."]  # a couple
    counts = count_honorific_sexes(texts)
    assert counts["ada"]["f"] == 4 and counts["ivo"]["m"] == 4 and "reyes" not in counts
    assert given_name_sexes(counts, []) == ["ada f", "ivo m"]
    assert given_name_sexes(counts, ["ada"]) == ["ivo m"]  # a word news writes in lower case
    counts["because"] = counts["ada"]  # an everyday word is no given name
    assert "because f" not in given_name_sexes(counts, [])


def test_shipped_given_names():
    assert {"susan", "nancy", "hillary"} <= LEX["female_given_names"]
    assert {"john", "donald", "barack"} <= LEX["male_given_names"]
    assert not LEX["female_given_names"] & LEX["male_given_names"]


def test_given_names_open_full_names_after_titles_and_before_honored_surnames():
    texts = [
        "Sen. Ada Lund said so. Dr. Ada K. Reyes agreed.",
        "Ada Pell spoke. Ms. Pell left. President Ada Lund Center opened.",
        "Rep. Ivo Lund said no, and Gov. Ivo Pell agreed.",
    ]
    counts = count_given_names(texts, frozenset({"center"}))
    assert counts.surnames["ada"] == {"Lund", "Reyes", "Pell"}
    assert counts.surnames["ivo"] == {"Lund", "Pell"}
    assert counts.givens["lund"] == {"Ada", "Ivo"}  # after a title
    assert counts.givens["pell"] == {"Ivo"}  # "Ada Pell": no title before her


def test_weekdays_and_acronyms_after_a_name_are_no_surnames():
    texts = ["President Lund Friday said no.", "Gov. Lund EPA chief spoke.", "Sen. Ada Lund said."]
    counts = count_given_names(texts, frozenset())
    assert "lund" not in counts.surnames  # "Lund" opens no full name here
    assert counts.surnames["ada"] == {"Lund"}


@pytest.mark.parametrize(
    ("word", "no_name"),
    [
        ("Friday", True),  # a weekday
        ("Dec", True),  # a month's abbreviation
        ("EPA", True),  # an acronym
        ("Jr", True),  # a suffix
        ("XVI", False),  # a regnal number follows a given name
        ("Lund's", False),  # a surname, possessive
        ("April", False),  # a month that is a given name too
        ("Lund", False),
    ],
)
def testno_name_part(word, no_name):
    assert no_name_part(word) is no_name


@pytest.mark.parametrize(
    ("surnames", "lower", "as_surname", "not_words", "listed"),
    [
        (3, 0, 0, set(), True),  # "Ada Lund", "Ada Pell", "Ada Reyes"
        (2, 0, 0, set(), False),  # too few surnames to tell
        (3, 10, 0, set(), False),  # written in lower case as often as capitalised ("Hurricane")
        (3, 0, 6, set(), False),  # mostly a surname itself ("Sen. Ada Bush", ...)
        (3, 0, 0, {"w"}, False),  # a title, place or word news writes in lower case
    ],
)
def test_given_name_thresholds(surnames, lower, as_surname, not_words, listed):
    from collections import Counter

    counts = NameCounts(
        surnames={"w": {f"S{i}" for i in range(surnames)}},
        givens={"w": {f"G{i}" for i in range(as_surname)}},
    )
    words = given_names(counts, Counter({"w": lower}), Counter({"w": 10}), frozenset(not_words))
    assert (words == ["w"]) is listed


def test_shipped_given_names_without_sex():
    text = resources.files("analysis").joinpath("data/given_names.txt").read_text("utf-8")
    words = text.split()
    assert words == sorted(set(words)) and all(w.isalpha() and w.islower() for w in words)
    assert {"lynn", "anne", "oliver", "john", "susan"} <= LEX["given_names"]
    assert not LEX["given_names"] & (LEX["titles"] | LEX["mostly_lowercase_words"])
    assert not LEX["given_names"] & {"hurricane", "national", "bush", "the", "obama", "saturday"}
