"""Clean speaker strings on news nobody tuned on: a role with its object, a name with a tail,
link text glued to a name, a lone function word, a glued sentence end, a place; and the
checker of analysis.evaluate on the same classes. Invented names and sentences only."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.evaluate import MALFORMED_REASONS, cuts_a_word, malformed_reason
from analysis.quotes.attribution import (
    glued_acronym_end,
    glued_name_end,
    name_type,
    strip_name,
    well_formed_mention,
)
from analysis.quotes.extract import _collect_names, _name_runs, extract_quotes


def _quotes(text: str) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # a role's object is no name: the description is the speaker
        ("the owner of the Harbor Hawks", "the owner of the Harbor Hawks"),
        ("founder of Dover Sail Works", "founder of Dover Sail Works"),
        ("a spokesman for Ada Reyes", "a spokesman for Ada Reyes"),
        ("The source in Lund's camp", "The source in Lund's camp"),
        ("the Danish media from the Strike on", "the Danish media from the Strike on"),
        ("the Canadian owner of Harbor Hawks", "the Canadian owner of Harbor Hawks"),
        # a writing of someone, the words of someone and a share of a group stay as before
        ("The memo from Ada Reyes", "Ada Reyes"),
        ("A majority of Dover pilots", "Dover pilots"),
        # a lower-case role between an employer and a name
        ("Harbor Board ally Ada Reyes", "Ada Reyes"),
        ("Bank of Dover", "Bank of Dover"),
        ("Ada Reyes and Ivo Lund", "Ada Reyes and Ivo Lund"),
        # a home town or an occasion after the name describes the person
        ("Ada Reyes from Dover Falls", "Ada Reyes"),
        ("Ada Reyes from Port City", "Ada Reyes"),
        ("Ivo J. Lund at the launch", "Ivo J. Lund"),
        ("Former Mayor Ada Reyes at the launch", "Ada Reyes"),
        ("Harbor Governor Ada Reyes in a news conference", "Ada Reyes"),
        # a description joined by hyphens before a name
        ("Thirty-year-old Reyes", "Reyes"),
        # an occupation opening the sentence before a full name
        ("Geologist Ada Reyes", "Ada Reyes"),
        ("Lawyer Ivo J. Lund", "Ivo J. Lund"),
        ("Friends of the Harbor", "Friends of the Harbor"),
        ("Co-worker Ada Reyes", "Ada Reyes"),
        ("Dover-based Harbor Court of Appeals", "Dover-based Harbor Court of Appeals"),
        ("Ivo Lund outside a polling station", "Ivo Lund"),
        ("Ivo Lund in Dover Falls", "Ivo Lund"),
        ("Ivo Lund in the Harbor Board", "Ivo Lund in the Harbor Board"),
        ("Ada Reyes of the Harbor Institute", "Ada Reyes of the Harbor Institute"),
        ("Ada Reyes from the Harbor Board", "Ada Reyes from the Harbor Board"),
        # a place piece that is no adjective stays with its place
        ("New Harbor Hawks", "New Harbor Hawks"),
        ("New York Mayor Ada Reyes", "Ada Reyes"),
        ("the Ohio Democrat", "Democrat"),
    ],
)
def test_strip_name_keeps_roles_objects_and_drops_tails(written, expected):
    assert strip_name(written)[0] == expected


@pytest.mark.parametrize(
    ("word", "last", "expected"),
    [
        ("LundAda", False, 4),
        ("ReyesIvo", False, 5),
        ("LundSenate", True, 4),
        ("LundGOP", True, 4),
        ("ReyesOkafor-Lund", True, 5),
        ("McLund", True, 0),
        ("MacReyes", True, 0),
        ("DeReyes", True, 0),
        ("VanderLund", True, 0),
        ("LundeHo", True, 0),  # a short inner part at the end: a name of its own
        ("harborWatch", True, 0),
    ],
)
def test_glued_name_end(word, last, expected):
    assert glued_name_end(word, last=last) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("LundGOP", 4), ("ReyesHBA's", 5), ("HarborWatch", 0), ("McLund", 0)],
)
def test_glued_acronym_end(word, expected):
    assert glued_acronym_end(word) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Ivo Lund Ivo Peter LundAda Reyes", "Ada Reyes"),
        ("Ivo Peter LundGOP", "Ivo Peter Lund"),
        ("HarborTV", "HarborTV"),
        ("HarborWatch", "HarborWatch"),
        ("Then HarborWatch", "HarborWatch"),
        ("Ada VanderLund", "Ada VanderLund"),
        # a sentence end with no blank after it
        ("the ferry in Dover.Reyes", "Reyes"),
        ("U.S. Rep. Ivo Lund", "U.S. Rep. Ivo Lund"),
        # a word that alone names nobody
        ("What", None),
        ("What's", None),
        ("Every", None),
        ("Oh", None),
        ("Twenty-nine", None),
        ("Most", "Most"),
        ("Others", "Others"),
        # a question's auxiliary goes, a cleft names nobody
        ("Did Ada Reyes", "Ada Reyes"),
        ("Is the Harbor Board", "the Harbor Board"),
        ("Is", None),
        ("It’s a question Dover residents", None),
        ("That's the point", None),
        ("It", "It"),
        # a counted time phrase
        ("the last two years Harbor pilots", "Harbor pilots"),
        ("Ada Reyes over the past three years", "Ada Reyes"),
        ("the last two pilots", "the last two pilots"),
        # a surname with a lower-case particle and a hyphen
        ("Harbor Minister Adel al-Reyes", "Harbor Minister Adel al-Reyes"),
        # a document is its issuer's words: the mention is who issued it
        ("a statement from the Harbor Board", "the Harbor Board"),
        ("data from Ostry", "Ostry"),
        ("The annual report by the Harbor Board", "the Harbor Board"),
        ("An April report from Save the Harbor", "Save the Harbor"),
        ("a Harbor Radio analysis from December", "a Harbor Radio analysis from December"),
        ("the latest figures from the Dover Bureau of Ports", "the Dover Bureau of Ports"),
        ("a 2019 study out of the Dover Institute", "the Dover Institute"),
        ("research by The Harbor Analytics Company", "The Harbor Analytics Company"),
        # no issuer named, or a document about a name, stays whole
        ("the report", "the report"),
        ("a report on the Harbor Board", "a report on the Harbor Board"),
        ("a report of the Harbor Board", "a report of the Harbor Board"),
        ("a statement from the board", "a statement from the board"),
        (
            "a statement from the Harbor Board and its lawyers",
            "a statement from the Harbor Board and its lawyers",
        ),
    ],
)
def test_well_formed_mention_of_glued_and_lone_words(written, expected):
    text = written + " said so."
    m = well_formed_mention(text, 0, len(written))
    assert (m.text if m else None) == expected


def test_name_runs_are_cut_where_link_text_is_glued():
    text = "The board met Ivo Lund Ivo Peter LundAda Reyes says fares rise. Then HarborWatch Chief"
    runs = [raw for _, raw in _name_runs(text)]
    assert "Ivo Lund Ivo Peter Lund" in runs
    assert "Ada Reyes" in runs
    assert "Then HarborWatch Chief" in runs


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Dover Bridge", "organisation"),
        ("Harbor Valley", "organisation"),
        ("Ada Bridges", "person"),
        ("Ada Reyes", "person"),
        # a head word no honorific writes as a surname: a place or an institution
        ("Virginia Beach", "organisation"),
        ("Pearl Harbor", "organisation"),
        ("Ada Lund Memorial Hospital", "organisation"),
        ("Dover Law School", "organisation"),
        ("Harbor Heights", "organisation"),
        # a surname that is also a place's head word stays a person's
        ("Ada Hill", "person"),
        ("Ivo Lake", "person"),
        ("Ada Park", "person"),
        ("Ivo Arena", "person"),
    ],
)
def test_a_place_is_no_person(written, expected):
    assert name_type(written) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Speaking to a radio show, Ivo Lund, owner of the Harbor Hawks said he had "
            "“never seen a crowd like it”.",
            "Ivo Lund",
        ),
        (
            "After the vote, officials said the fares would “rise in the spring”.",
            "officials",
        ),
        (
            "Some prominent harbor safety experts have warned that the pier is unsafe.",
            "Some prominent harbor safety experts",
        ),
    ],
)
def test_speakers_of_invented_sentences(text, expected):
    assert _quotes(text)["speaker"].tolist() == [expected]


# (speaker as written, expected reason or None): the checker on the same classes
CHECKER_CASES = [
    ("What", "sentence opener"),
    ("Oh", "sentence opener"),
    ("Twenty-nine", "sentence opener"),
    ("Most", None),
    ("All three pilots", None),
    ("the ferry in Dover.Reyes", "crosses a sentence end"),
    ("harbor.com", None),
    ("Ada DeReyesIvo Lund", "glued link text"),
    ("Ivo Peter LundHarbor News legal analyst", "glued link text"),
    ("Dan VandeLund", None),
    ("the past 18 months the board", "time phrase"),
    ("the last two years Harbor pilots", "time phrase"),
    ("the last two pilots", None),
    ("Dover Bridge", "place name"),
    ("Harbor Valley", "place name"),
    ("Ada Reyes of Dover Bridge", None),
    ("Ada Bridges", None),
]


@pytest.mark.parametrize(("speaker", "expected"), CHECKER_CASES)
def test_checker_flags_the_classes(speaker, expected):
    assert malformed_reason(speaker) == expected
    assert expected is None or expected in MALFORMED_REASONS


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("Ivo LundAda Reyes", 8, 17, False),  # a glued link's text starts a word
        ("Under Reyes", 1, 11, True),
        ("Ada Reyes", 0, 9, False),
    ],
)
def test_cuts_a_word(text, start, end, expected):
    assert cuts_a_word(text, start, end) == expected


def test_a_surname_with_a_particle_and_a_hyphen_is_whole():
    text = (
        "Harbor Minister Adel al-Reyes said there was “no room for talks”. Later Reyes said "
        "the board was “still weighing steps”."
    )
    assert _quotes(text)["speaker"].tolist() == ["Adel al-Reyes", "Adel al-Reyes"]


def test_the_rest_of_a_legal_name_after_a_nickname_is_no_full_name():
    """ "Ivo (Ike) Peter LundAda …": "Peter Lund" is the tail of a legal name, so a later
    "Lund" is the "Ike Lund" written before, not "Peter Lund"; a run after "(AP)" opening a
    line is a name."""
    text = (
        "The board met. Ike Lund Ivo (Ike) Peter LundAda Reyes says fares rise.\n\n"
        "“The fares will rise,” Lund said.\n\n(AP) Dan Okafor spoke. “We agree,” Okafor said."
    )
    q = _quotes(text)
    assert q.loc[q["quote"].str.contains("fares will"), "speaker"].tolist() == ["Ike Lund"]
    assert q.loc[q["quote"].str.contains("agree"), "speaker"].tolist() == ["Dan Okafor"]


def test_a_given_name_before_a_nickname_is_no_part_of_the_name_before_it():
    """ "Ike Lund Ivo (Ike) Peter LundAda …": the run "Ike Lund Ivo" names "Ike Lund"."""
    text = "The board met. Ike Lund Ivo (Ike) Peter LundAda Reyes says fares rise."
    assert _collect_names(text)["by_last"].get("lund") == "Ike Lund"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A spokesperson tells Harbor Post Reyes is likely to reply. Harbor Post has asked "
            "Ivo Reyes for comment.",
            "Ivo Reyes",
        ),
        ("Ada Lund spoke first. Later Ada M. Lund spoke again.", "Ada M. Lund"),
        ("Ada Lund and Ivo Lund met.", "Ada Lund"),
    ],
)
def test_the_fullest_name_is_no_outlet_run_into_a_surname(text, expected):
    key = "reyes" if "Reyes" in text else "lund"
    assert _collect_names(text)["by_last"][key] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An honorific makes a person, though the surname is an outlet's word.
        ("“We sail at noon,” Mr. Times said.", ("Times", "person")),
        ("“We sail at noon,” said Sen. Ada Times.", ("Ada Times", "person")),
        # ... and so does the surname written with an honorific elsewhere in the article.
        (
            "Ivo Times, who ran the ferry office, said the fares were “far too high.” "
            "Mr. Times left in May.",
            ("Ivo Times", "person"),
        ),
        # Roles that open organisations' names leave them organisations.
        ("The fares will rise, the National Ferry Service said.", None),
        ("The Justice Department said the fares were “unlawful.”", None),
        ("“The fares are fair,” said Harbor Times.", ("Harbor Times", "organisation")),
    ],
)
def test_an_honorific_makes_a_person(text, expected):
    row = _quotes(text).iloc[0]
    if expected is None:
        assert row["speaker_type"] == "organisation"
    else:
        assert (row["speaker"], row["speaker_type"]) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Ada Lund and Ivo Reyes", "person"),
        ("Lund and Reyes", "person"),
        ("Harbor Customs and Border Protection", "organisation"),
        ("Canada and Mexico", "organisation"),
        ("Democrats and Republicans", "anonymous"),
        ("Lund and Democrats", "anonymous"),
        ("Lund and her colleagues", "anonymous"),
    ],
)
def test_two_speakers_joined_take_a_type_from_both(written, expected):
    assert name_type(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Two-thirds", "anonymous"),
        ("Harbor-leaning", "anonymous"),
        ("Ocasio-Reyes", "person"),
        ("Ki-moon", "person"),
    ],
)
def test_one_hyphenated_word_in_lower_case_is_no_name(written, expected):
    assert name_type(written) == expected
