"""The speaker is the fullest name the article gives for the person: a surname alone is the
full name written earlier even where words describing the person open that name's run
(extract._name_info with resolve.name_start). Invented sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.attribution import clause_subject, tokenize
from analysis.quotes.extract import (
    _described_words,
    _fullest_with_given_name,
    _name_info,
    _person_role,
    _plural_title_in,
    _possessed_person,
)


def _speakers(text: str) -> list[str]:
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    return q["speaker"].tolist()


RUNS = [
    ("Medical Examiner Jonathan Lucas", "Jonathan Lucas"),
    ("County Coroner Margaret Fisk", "Margaret Fisk"),
    ("Polk County Auditor Jamie Fitzroy", "Jamie Fitzroy"),
    ("Mercy Otis Lund", "Mercy Otis Lund"),  # a given name that is a word opens the name
    ("Ada Grace Lund", "Ada Grace Lund"),
]


DESCRIBED = [
    ("Medical Examiner Jonathan Lucas", 2),
    ("Polk County Auditor Jamie Fitzroy", 3),
    ("Elections Administrator Meagan Lund", 2),  # a given name the lists miss
    ("Republican Senators Ada Lund", 2),
    ("Two Faces Of A Harbor Woman", 0),  # no given name and no title: a work's title
    ("Protect Harbor Pilots", 0),  # of "Committee to Protect Harbor Pilots"
    ("Ada Grace Lund", 0),
]


@pytest.mark.parametrize(("run", "k"), DESCRIBED)
def test_described_words(run: str, k: int) -> None:
    assert _described_words(run.split()) == k


PLURAL_TITLES = [
    (["Republican", "Senators"], True),  # shared by a list of people: no one person's role
    (["Medical", "Examiner"], False),
    (["Elections", "Administrator"], False),
]


@pytest.mark.parametrize(("words", "plural"), PLURAL_TITLES)
def test_plural_title_in(words: list[str], plural: bool) -> None:
    assert _plural_title_in(words) is plural


NO_NAME_RUNS = ["The Two Faces Of A Harbor Woman"]


@pytest.mark.parametrize("run", NO_NAME_RUNS)
def test_title_of_a_work_is_no_name(run: str) -> None:
    assert _name_info(run) is None


@pytest.mark.parametrize(("run", "name"), RUNS)
def test_described_run_names_the_person(run: str, name: str) -> None:
    info = _name_info(run)
    assert info is not None and info[1] == name


SURNAMES = [
    (
        "Chief Medical Examiner Jonathan Lucas said the death looked like a suicide. Lucas "
        "said the office would look deeper.",
        ["Jonathan Lucas", "Jonathan Lucas"],
    ),
    (
        "Polk County Auditor Jamie Fitzroy says the early vote is up. “It is slow,” Fitzroy says.",
        ["Jamie Fitzroy", "Jamie Fitzroy"],
    ),
    (
        "Harbor County Coroner Margaret Fisk said two riders died. “The road was wet,” Ms. "
        "Fisk said.",
        ["Margaret Fisk", "Margaret Fisk"],
    ),
    # a title in the plural before a list of people is no part of the first name
    (
        "Democratic Senators Ada Lund and Ivo Reyes wrote to the minister on Monday, saying the "
        "plan had failed.",
        ["Ada Lund and Ivo Reyes"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), SURNAMES)
def test_surname_reads_as_the_described_full_name(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


POSSESSIVE_DESCRIPTIONS = [
    (
        "Ivo Lund died in May. Lund's stepfather, Tomas Reyes, said the family was relieved.",
        ["Tomas Reyes"],
    ),
    (
        "Ivo Lund was charged. Lund’s lawyer, Kendra Oyelaran, says the threat was never real.",
        ["Kendra Oyelaran"],
    ),
    (
        "Harbor Foods cut prices. Harbor’s chief executive, Ada Brennan, said costs would fall.",
        ["Ada Brennan"],
    ),
    # two people of one surname: the one the apposition names, not the article's first Lund
    (
        "Sen. Lisa Lund backs the plan. Lund’s father, Frank Lund, said in 1995 that it "
        "would fail.",
        ["Frank Lund"],
    ),
    (
        "“We cheer for others,” says Daniel’s wife, Dena Hughes, 44. Daniel Hughes said the "
        "plan was fine.",
        ["Dena Hughes", "Daniel Hughes"],
    ),
    # no name set off after the description: it stays as written
    (
        "Ivo Lund died in May. Lund's stepfather said the family was relieved.",
        ["Lund's stepfather"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), POSSESSIVE_DESCRIPTIONS)
def test_possessive_description_is_the_apposed_person(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


FULLEST = [
    ({"lund": "Ada J. Lund"}, "Ada Lund", "Ada J. Lund"),
    ({"lund": "Lisa Lund"}, "Frank Lund", "Frank Lund"),
    ({"lund": "Lisa Lund"}, "Lund", "Lisa Lund"),
    ({}, "Frank Lund", "Frank Lund"),
]


@pytest.mark.parametrize(("by_last", "name", "full"), FULLEST)
def test_fullest_with_given_name(by_last: dict[str, str], name: str, full: str) -> None:
    assert _fullest_with_given_name(by_last, name) == full


OWNED_ROLES = [
    (
        "The company's chief executive, Tomas Reyes, said sales would rise. The chief "
        "executive said costs would fall.",
        ["Tomas Reyes", "Tomas Reyes"],
    ),
    (
        "Dover's mayor, Ada Brennan, said the roads were shut. “We are clearing them,” the "
        "mayor said.",
        ["Ada Brennan", "Ada Brennan"],
    ),
    (
        "The firm's spokeswoman, Kira Lunde, said the plant would close. The spokeswoman said "
        "talks went on.",
        ["Kira Lunde", "Kira Lunde"],
    ),
    # the possessive's owner is no role holder: "Harbor's" names no person
    (
        "Harbor's new building, Lund Tower, opened. The mayor said the roads were shut.",
        ["The mayor"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), OWNED_ROLES)
def test_role_set_off_after_a_possessive_names_its_holder(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


ROLE_TEXTS = [
    ("legal analyst", True),
    ("chief executive", True),
    ("executive", False),
    ("new building", False),
]


@pytest.mark.parametrize(("role", "person"), ROLE_TEXTS)
def test_person_role(role: str, person: bool) -> None:
    assert _person_role(role) is person


OWNER_PRONOUNS = [
    # "she" is the mother the subject describes, not the Lund whose possessive describes her
    (
        "Dara Lund was killed in 2018. Lund's mother wept as the verdict was read. “God is "
        "good,” she said.",
        ["Lund's mother"],
    ),
    (
        "Ivo Lund was charged. Lund's lawyer filed a motion on Monday. “It is fine,” she said.",
        ["Lund's lawyer"],
    ),
    # a noun of the other sex, or no person, leaves the name
    (
        "Ivo Lund was charged. Lund's mother wept as the verdict was read. “It is fine,” he said.",
        ["Ivo Lund"],
    ),
    ("Ivo Lund was charged. Lund's plan drew fire on Monday. “It is fine,” he said.", ["Ivo Lund"]),
    # the possessive's noun set off before an apposition: the apposed person is the subject
    (
        "Ivo Lund died in May. Lund's stepfather, Tomas Reyes, said the family was happy. He "
        "reiterated a plea to keep all protests peaceful.",
        ["Tomas Reyes", "Tomas Reyes"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), OWNER_PRONOUNS)
def test_pronoun_after_a_possessive_subject(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


POSSESSED = [
    ("Lund's mother", "f", True),
    ("Lund's mother", "m", False),
    ("Lund's lawyer", "m", True),
    ("Lund's lawyers", "m", False),
    ("Lund's plan", "m", False),
    ("Ada Lund", "f", False),
]


@pytest.mark.parametrize(("canon", "sex", "person"), POSSESSED)
def test_possessed_person(canon: str, sex: str, person: bool) -> None:
    assert _possessed_person(canon, sex) is person


SUBJECTS = [
    ("Lund's stepfather, Tomas Reyes, said the family was happy.", "Lund's stepfather"),
    ("Lund's plan drew fire.", "Lund's"),
    ("What's more, the board said no.", None),
    ("Now Lund's gone, victim of a revolt among his staff.", "Lund's"),
]


@pytest.mark.parametrize(("text", "subject"), SUBJECTS)
def test_owned_noun_before_apposition(text: str, subject: str | None) -> None:
    toks = tokenize(text)
    m = clause_subject(text, toks, len(toks), outer=True)
    assert (m.text if m is not None else None) == subject


WHOLE_ROLES = [
    # a role of two words written whole before a name needs no title word
    (
        "The charges came from Special Counsel Maria Lund on Monday. According to the special "
        "counsel, Reyes conspired to commit fraud.",
        ["Maria Lund"],
    ),
    # one word that is no title is no one's role ("counsel" alone may be anyone's)
    (
        "The charges came from Special Counsel Maria Lund on Monday. According to counsel, "
        "Reyes conspired to commit fraud.",
        ["counsel"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), WHOLE_ROLES)
def test_whole_role_names_its_holder(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


MODEL_NAMES = [
    # a run with a digit names a model or a unit, never the person "he" stands for
    (
        "“We struck at dawn,” Lt. Gen. Ivo Mayvale said. The second wave employed F-22 Raptors "
        "in their first combat roles, as well as B-1 bombers, he said.",
        ["Ivo Mayvale", "Ivo Mayvale"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), MODEL_NAMES)
def test_model_name_is_no_antecedent(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


@pytest.mark.parametrize(
    ("run", "name"),
    [("F-22 Raptors", None), ("Boeing 737 Max", None), ("Ivo Mayvale", "Ivo Mayvale")],
)
def test_digit_in_a_run_is_no_name(run: str, name: str | None) -> None:
    info = _name_info(run)
    assert (info[1] if info is not None else None) == name


RELATIVE_ANTECEDENTS = [
    # "who" after a phrase with an article hangs on that phrase, not on the clause's subject
    ("Tana Batchelor met a father who said he was uneasy with computers.", ["a father"]),
    ("Sanders won the voters who said they were independents.", ["the voters"]),
    ("Judges doubt an applicant who claims a neighbour poses a threat.", ["an applicant"]),
    ("Tana Batchelor met Ivo Reyes, who said he was uneasy with computers.", ["Ivo Reyes"]),
    ("No one trusts the word of a man who says he has all the answers.", ["a man"]),
    (
        "Ivo Guy, one of the attorneys who argued before the court at the trial, was back.",
        ["one of the attorneys"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), RELATIVE_ANTECEDENTS)
def test_who_after_an_article_phrase(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers
