"""Speaker resolution within an article: pronouns, roles, appositions, fullest names.

Each case is an invented article, a piece of one quotation in it and the speaker expected.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.extract import (
    _acronyms,
    _apposed_roles,
    _capital_words,
    _collect_names,
    _in_caption,
    _lower_word_written,
    _name_info,
    _word_end,
    extract_quotes,
)
from analysis.quotes.resolve import (
    carry_runs,
    final_speaker_types,
    is_description,
    is_unresolved_pronoun,
    resolve_first_person,
    thing_of_a_name,
)


def _speaker(text: str, piece: str) -> tuple[str, str]:
    q = extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    row = q[q["quote"].str.contains(piece, regex=False)].iloc[0]
    return row["speaker"], row["speaker_type"]


PRONOUN_CASES = [
    # "she" skips a plural subject (the article writes "analysts" in lower case too) and a
    # sentence opener read as a capitalised word
    (
        "Judge Ada Brennan ruled on Monday, and analysts expect an appeal. Analysts are "
        "working on it. “The rule cannot stand,” she said.",
        "cannot stand",
        ("Ada Brennan", "person"),
    ),
    # ... and a plural of speakers opening the sentence before, even never in lower case
    (
        "The fund has had 7,000 calls, Ada Brennan said. Analysts are sorting each case. "
        "“People found eligible will be covered,” she said.",
        "found eligible",
        ("Ada Brennan", "person"),
    ),
    (
        "Tomas Reyes spoke at the harbor, where any delay costs money. Any delay, the board "
        "agreed, is a loss. "
        "“We will rebuild the pier,” he said.",
        "rebuild the pier",
        ("Tomas Reyes", "person"),
    ),
    (
        "Tomas Reyes and Dana Okafor met the mayor. Ivo Lund, who chairs the board, "
        "agreed. “The fares stay,” he said.",
        "fares stay",
        ("Ivo Lund", "person"),
    ),
]

SALIENT_CASES = [
    # far from any subject or name, "he" is the person the article names most, not the one
    # named last in passing
    (
        "Tomas Reyes wrote to the board. Reyes said the harbor was failing. The board did not "
        "reply. Reyes wrote again. The harbor fees rose, and the port lost ships. Its docks "
        "closed. A letter went to Minister Ivo Okafor of the port office. The port office "
        "denied the claim. Its staff did not comment. The docks stayed shut for a month. "
        "Ships went elsewhere.\n\n“The harbor is dying,” he wrote.",
        "harbor is dying",
        ("Tomas Reyes", "person"),
    ),
]

FIRST_NAMED_CASES = [
    # the subject is an adverbial; the person named first in the sentence before is "he"
    (
        "Tomas Reyes spoke last. To that end, Reyes thanked Ivo Lund for the vote. "
        "“It is normal now,” he said.",
        "normal now",
        ("Tomas Reyes", "person"),
    ),
    # a photo credit is nobody the article is about
    (
        "Ivo Lund spoke to the council on Monday.\n\nFILE PHOTO: the harbor at dawn. "
        "(Photo/Dana Okafor)\n\nHe urged the council to wait before reopening the docks.",
        "council to wait",
        ("Ivo Lund", "person"),
    ),
    # a caption naming someone else, credited at its end, and a subject sentence long
    # enough that the subject window ends inside the surname
    (
        "Earlier, Ivo Lund told the council that the docks could reopen.\n\n“We are on the "
        "right course, but the right course does not mean we have full control of the "
        "harbor yet,” Okafor said during the long hearing.\n\nFILE PHOTO: Mayor Ada Brennan "
        "speaks in Dover. REUTERS/Tomas Reyes\n\nHe urged the council to wait before "
        "reopening the docks.",
        "council to wait",
        ("Okafor", "person"),
    ),
]

RUN_CASES = [
    # the sentences of a long quotation hold no antecedent; the sentence before it does, and
    # its subject is the person who reports, not the one in the reported clause
    (
        "Ivo Lund spoke to reporters. On Monday, Lund answered a question about the fees, "
        "saying that Tomas Reyes had called the port broken.\n\n"
        "“Everyone knows the port is broken. Reyes knows it. The board knows it. "
        "So put that in context,” he said.",
        "put that in context",
        ("Ivo Lund", "person"),
    ),
]

ROLE_CASES = [
    # a role stands for the person written with it, also with a place before the title
    (
        "Coastal Congressman Ivo Lund wrote to the board.\n\n"
        "“This makes me angry,” the congressman wrote.",
        "makes me angry",
        ("Ivo Lund", "person"),
    ),
    # "President Reyes" gives the role to the fullest Reyes of the article
    (
        "Tomas Reyes won the vote. President Reyes then met the board.\n\n"
        "“The port will grow,” the president said.",
        "port will grow",
        ("Tomas Reyes", "person"),
    ),
    # a role's prepositional tail does not hide it
    (
        "Chancellor Dana Okafor spoke on Friday.\n\n"
        "The chancellor of the harbor college said classes would move online.",
        "classes would move online",
        ("Dana Okafor", "person"),
    ),
    # an abbreviated title stands for its noun
    (
        "Coastal Gov. Dana Okafor met the board.\n\n“The port stays open,” the governor said.",
        "port stays open",
        ("Dana Okafor", "person"),
    ),
    # a role set off before the name
    (
        "A harbor board spokesman, Ivo Lund, said the inquiry goes on.",
        "inquiry goes on",
        ("Ivo Lund", "person"),
    ),
    # a relative named in full is not the titled person of that surname, nor the surname alone
    (
        "President Reyes opened the port on Monday. First lady Marta Reyes toured a school.\n\n"
        "“The port will grow,” Reyes said. The president said tolls would fall.",
        "port will grow",
        ("Reyes", "person"),
    ),
    (
        "President Reyes opened the port on Monday. First lady Marta Reyes toured a school.\n\n"
        "The president said tolls would fall.",
        "tolls would fall",
        ("Reyes", "person"),
    ),
    (
        "Captain Ivo Lund was cleared on Monday. His wife, Dana Lund, wept.\n\n"
        "“I am grateful,” Lund said.",
        "I am grateful",
        ("Ivo Lund", "person"),
    ),
]


CASES = PRONOUN_CASES + SALIENT_CASES + FIRST_NAMED_CASES + RUN_CASES + ROLE_CASES


@pytest.mark.parametrize(("text", "piece", "expected"), CASES)
def test_speaker_resolved_within_the_article(text, piece, expected):
    assert _speaker(text, piece) == expected


NAME_CASES = [
    ("Alabama Congressman Ivo Lund", ("lund", "Ivo Lund")),
    ("Considering Reyes", None),
    ("Dana Okafor", ("okafor", "Dana Okafor")),
    ("Harbor Fare Relief Program", None),
    ("Ada M. Brennan Jr.", ("brennan", "Ada M. Brennan Jr")),
]


@pytest.mark.parametrize(("raw", "expected"), NAME_CASES)
def test_name_info_key_and_name(raw, expected):
    info = _name_info(raw)
    assert (info[:2] if info else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the U.S. Considering Reyes' remarks, the board sat.", {}),
        ("Tomas Reyes spoke. Later, President Reyes left.", {"reyes": "Tomas Reyes"}),
        ("The American Psychological Association said so.", {}),
        ("A retired U.S. Air Force Gen. Ivo Lund spoke.", {"lund": "Ivo Lund"}),
        ("(Photo/Dana Okafor) The harbor.", {}),
        # Two people of one surname: the surname alone is the one written more often in full,
        # not the one with the longer name.
        (
            "Jeb Lund spoke. Jeb Lund left. Then-President George W. Lund had spoken.",
            {"lund": "Jeb Lund"},
        ),
        # A suffix tells a son from his father.
        (
            "Ivo Lund spoke. Ivo Lund left. His son Ivo Lund Jr. had spoken.",
            {"lund": "Ivo Lund"},
        ),
        ("Ivo Lund Jr. spoke. Ivo Lund Jr. left. Ivo Lund had spoken.", {"lund": "Ivo Lund"}),
        ("Ivo Lund Jr. spoke. Lund Jr. left. Lund had spoken.", {"lund": "Ivo Lund Jr"}),
        (
            "Ivo Lund Jr. spoke. Ivo Lund Jr. left. His wife, Ada Lund, had spoken.",
            {"lund": "Ivo Lund Jr"},
        ),
        # One person's names: the longest.
        ("Ada Lund spoke. Ada Lund left. Ada Marie Lund had spoken.", {"lund": "Ada Marie Lund"}),
        # A surname with its particle, or with initials, is no second person.
        (
            "Van Leeuw spoke. Van Leeuw left. Frederic Van Leeuw had spoken.",
            {"leeuw": "Frederic Van Leeuw"},
        ),
        (
            "C.T. Vivian spoke. CT Vivian left. Cordy Tindell Vivian spoke.",
            {"vivian": "Cordy Tindell Vivian"},
        ),
        # A relative is not who the surname alone stands for when the article shows another
        # person of that surname: another full name, a title the relative never has.
        (
            "Ivo Lund spoke. Ivo Lund left. His wife, Dana Lund, wept.",
            {"lund": "Ivo Lund"},
        ),
        # ... but beside another full name the kin noun does not decide: the most written does.
        (
            "Ivo Lund spoke. His son, Tomas Lund, wept. Tomas Lund left. Tomas Lund cried.",
            {"lund": "Tomas Lund"},
        ),
        ("President Lund spoke. First Lady Dana Lund wept.", {}),
        ("Mr. Lund spoke. The first lady, Amy Lund, wept.", {}),
        ("Lund's son Ivo Lund spoke. Lund left.", {}),
        # ... unless the relative holds an office: a person in their own right.
        (
            "His son, President Ivo Lund, spoke. Ivo Lund left. Ivo Lund smiled. Ada Lund stayed.",
            {"lund": "Ivo Lund"},
        ),
        ("President Lund spoke. First Lady Dana Lund wept. Dana Lund left.", {"lund": "Dana Lund"}),
        (
            "Lund's son Ivo Lund spoke. Ivo Lund left. His father, Ada Lund, stayed.",
            {"lund": "Ivo Lund"},
        ),
        ("Lund’s wife, Ada Lund, spoke. Lund left.", {}),
        ("Reyes's wife, Ada Lund, spoke. Lund left.", {"lund": "Ada Lund"}),
        # ... and is when nothing shows another: the relative is the only Lund.
        ("The harbor widow Dana Lund spoke. Lund left.", {"lund": "Dana Lund"}),
        ("Mrs. Lund spoke. The first lady, Dana Lund, wept.", {"lund": "Dana Lund"}),
        # A name that is all a quotation holds is a title or a nickname, no one's full name.
        (
            "President Lund spoke. First lady Dana Lund wept. Protesters flew a “Baby Lund” kite.",
            {},
        ),
        ('Ada Lund spoke. The "Lund Rules" were read.', {"lund": "Ada Lund"}),
        ("Ada Lund, the mayor, spoke. Lady Ada Lund left.", {"lund": "Ada Lund"}),
    ],
)
def test_collect_names_by_last(text, expected):
    assert _collect_names(text)["by_last"] == expected


def _row(start, end, kind, speaker, at=None, typ="person"):
    return {
        "start": start,
        "end": end,
        "kind": kind,
        "speaker": speaker,
        "speaker_start": at,
        "speaker_end": None if at is None else at + len(speaker or ""),
        "speaker_type": typ,
    }


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # "we" inside Okafor's quotation is Okafor
        (
            [_row(0, 40, "direct", "Dana Okafor", 45), _row(10, 30, "indirect", "we", 10)],
            [("Dana Okafor", "person"), ("Dana Okafor", "person")],
        ),
        # "I" outside every quotation is the writer: no speaker, the mention stays
        (
            [_row(50, 80, "partial", "I", 20), _row(0, 10, "direct", "Ivo Lund", 12)],
            [(None, None), ("Ivo Lund", "person")],
        ),
        # a quotation spoken by "we" lends nobody its speaker
        (
            [_row(0, 40, "direct", "We", 45), _row(10, 30, "indirect", "I", 10)],
            [(None, None), (None, None)],
        ),
    ],
)
def test_resolve_first_person(rows, expected):
    resolve_first_person(rows)
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == expected
    assert all(r["speaker_start"] is not None for r in rows)


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("the congressman", True),
        ("A reporter", True),
        ("one Republican senator", True),
        ("Harbor Board lawyers", True),
        ("his father", True),
        ("the Harbor Board", False),
        ("Ivo al-Lund", False),
        ("Ivo Lund", False),
        ("Mr. Lund", False),
        ("we", False),
        (None, False),
    ],
)
def test_is_description(speaker, expected):
    assert is_description(speaker) is expected


def test_unresolved_role_is_a_description():
    text = "The hearing ran late.\n\n“The rule cannot stand,” the judge said."
    assert _speaker(text, "cannot stand") == ("the judge", "description")


def test_first_person_inside_a_quotation_is_its_speaker():
    text = "“We expect the fares to rise next year,” said Dana Okafor, the port director."
    q = extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert set(q["speaker"]) <= {"Dana Okafor"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We close,” the chancellor, Ada White, said.", [(("chancellor",), "Ada White")]),
        ("Ivo Lund, the harbor spokesman, said so.", [(("harbor", "spokesman"), "Ivo Lund")]),
        ("the city, New Harbor, said", []),
        ("the spokesman, NEW HARBOR, said", []),
        ("Ivo Lund, a legal analyst at Harbor Radio, said", [(("legal", "analyst"), "Ivo Lund")]),
        ("Ivo Lund, a new building, opened", []),
    ],
)
def test_apposed_roles(text, expected):
    assert _apposed_roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lund said. Lund’s plan, Lund's too.", {"Lund": [0, 11, 24]}),
        (
            "Lundgren, al-Lund, _Lund, Lund2, McLund",
            {"Lundgren": [0], "Lund2": [26], "McLund": [33]},
        ),
        ("Lund’s’s Ümit", {"Lund’s": [0]}),
        ("lund said", {}),
    ],
)
def test_capital_words(text, expected):
    assert _capital_words(text) == expected


@pytest.mark.parametrize(
    ("text", "low", "expected"),
    [
        ("and thus it ended", "thus", True),
        ("Thus, it ended thusly", "thus", False),
        ("the un-thus form", "thus", False),
        ("a well-known case", "well-known", True),
        ("an été spent", "été", False),
    ],
)
def test_lower_word_written(text, low, expected):
    assert _lower_word_written(text, low) is expected


def test_role_before_a_prepositional_tail_is_the_apposed_person():
    text = (
        "The chancellor of the Harbor State University said classes would move online.\n\n"
        "“We will reopen,” the chancellor, Ada White, said."
    )
    assert _speaker(text, "classes would move online") == ("Ada White", "person")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Harbor Transit Authority (HTA) said", {"HTA": "Harbor Transit Authority"}),
        ("the Department of Ports (DOP) said", {"DOP": "Department of Ports"}),
        ("the Department of Ports (DP) said", {"DP": "Department of Ports"}),
        ("a rise (AP) today", {}),
        ("the Harbor Board (XYZ) said", {}),
    ],
)
def test_acronyms_spelled_out(text, expected):
    assert _acronyms(text) == expected


def test_acronym_speaker_is_the_spelled_out_name():
    text = (
        "The Harbor Transit Authority (HTA) met on Monday.\n\n"
        "“Fares will rise in May,” the HTA said in a statement."
    )
    assert _speaker(text, "Fares will rise")[0] == "Harbor Transit Authority"


@pytest.mark.parametrize(
    ("cue", "before", "expected"),
    [
        ("replied", ("Ivo Lund", "person"), ("Ivo Lund", "person")),
        ("added", ("Ivo Lund", "person"), ("Ivo Lund", "person")),
        ("said", ("Ivo Lund", "person"), ("a reporter", "description")),
        ("replied", ("the mayor", "description"), ("a reporter", "description")),
    ],
)
def test_carry_runs(cue, before, expected):
    text = "“We paid.” “We always do,” he replied."
    he = text.index(" he ") + 1
    rows = [
        _row(1, 9, "direct", before[0], None, before[1]) | {"cue": "said"},
        _row(12, 26, "direct", "a reporter", he, "description") | {"cue": cue},
    ]
    rows[1]["speaker_end"] = he + 2  # the mention "he"
    carry_runs(rows, text)
    assert (rows[1]["speaker"], rows[1]["speaker_type"]) == expected


def test_reply_in_an_exchange_goes_on_with_the_speaker_before():
    text = (
        "“We held the money back,” Ivo Lund said on Monday.\n\n"
        "A reporter pressed him and said it sounded like a trade.\n\n"
        "“Every skipper does it,” he replied."
    )
    assert _speaker(text, "Every skipper") == ("Ivo Lund", "person")


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("he", True),
        ("They", True),
        ("who", True),
        ("I", True),
        ("WHO", False),
        ("Ivo Lund", False),
        ("the council", False),
        (None, False),
    ],
)
def test_is_unresolved_pronoun(speaker, expected):
    assert is_unresolved_pronoun(speaker) is expected


def test_a_pronoun_nobody_can_be_found_for_names_no_speaker():
    text = "“The ferry will not run this winter,” he said.\n"
    q = extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    row = q.iloc[0]
    assert pd.isna(row["speaker"]) and pd.isna(row["speaker_type"])
    assert text[int(row["speaker_start"]) : int(row["speaker_end"])] == "he"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Speaker Ana Reyes wrote on Monday. Reyes's tweet said the fares were “a crime.”",
            ("Ana Reyes", "person"),
        ),
        (
            "Ana Reyes wrote to the port. The ministry's letter called the fares “a crime.”",
            ("The ministry's letter", "organisation"),
        ),
    ],
)
def test_own_words_speak_for_their_author(text, expected):
    assert _speaker(text, "a crime") == expected


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        (
            "Lund spoke.\nFILE PHOTO: Mayor Ada Brennan in Dover. REUTERS/Ivo Lund\nHe left.",
            20,
            True,
        ),
        ("Lund spoke.\nMayor Ada Brennan in Dover. REUTERS/Ivo Lund\nHe left.", 20, True),
        ("Lund spoke.\nThe dock at dawn. (Photo/Ivo Lund)\nHe left.", 20, True),
        ("Lund spoke.\nThe LA/Orange line runs late.\nHe left.", 20, False),
        ("Lund spoke.\nThe quay at noon. Ivo Lund Getty Images\nHe left.", 20, True),
        ("Lund spoke.\nThe quay at noon. (AP Photo: Ivo Lund)\nHe left.", 20, True),
        ("Lund spoke.\nPHOTO Ada Brennan at the quay\nHe left.", 20, True),
        ("Lund spoke in Dover on Monday.\nHe left.", 5, False),
    ],
)
def test_in_caption(text, pos, expected):
    assert _in_caption(text, pos) is expected


@pytest.mark.parametrize(
    ("text", "pos", "limit", "expected"),
    [
        ("Okafor said", 3, 11, 6),
        ("Okafor said", 6, 11, 6),
        ("Okafor said", 8, 11, 11),
        ("Okafor said", 2, 4, 4),
    ],
)
def test_word_end(text, pos, limit, expected):
    assert _word_end(text, pos, limit) == expected


@pytest.mark.parametrize(
    ("speaker", "text", "expected"),
    [
        # A common word caught at a sentence start, written in lower case elsewhere too.
        ("Such", "Such a levy is unfair. The ferries need such care.", None),
        ("One", "One of them spoke. One said no, and one said yes.", None),
        # A pronoun with its verb is no name.
        ("I’m", "I’m done with the levy.", None),
        ("They're", "They're done with the levy.", None),
        # A surname that is also a word, never written in lower case here: a name.
        ("King", "King said the levy would pass. The vote is on Friday.", "King"),
        # A rare word: a name, whatever the article writes.
        ("Okafor", "Okafor said okafor twice.", "Okafor"),
        # Full names are never touched.
        ("Ada Young", "Ada Young said the young crews would stay.", "Ada Young"),
        # A word news writes in lower case nearly always, even where this article never does.
        ("Suddenly", "Suddenly the levy is unfair.", None),
        ("Worse", "Worse: the levy is unfair.", None),
        # ... but a plural or a number may stand for people ("Prosecutors said …").
        ("Prosecutors", "Prosecutors said the levy is unfair.", "Prosecutors"),
        ("Two", "Two said the levy is unfair.", "Two"),
        # ... as a cue's subject only: with no cue it opens a sentence after a quotation.
        ("Sounds", "“I ran the port.” Sounds like a stretch.", None),
        ("Headlines", "Headlines “shouted the news.”", None),
        ("Borrowers", "Borrowers “want to see the rates fall.”", "Borrowers"),
    ],
)
def test_common_word_speakers(speaker, text, expected):
    from analysis.quotes.resolve import common_word_speakers

    cue = "said" if " said" in text else None
    rows = [
        {"speaker": speaker, "speaker_type": "person", "speaker_start": 0, "speaker_end": 3}
        | {"cue": cue}
    ]
    common_word_speakers(rows, text)
    assert rows[0]["speaker"] == expected
    assert rows[0]["speaker_start"] == 0  # the mention as written is kept


@pytest.mark.parametrize(
    ("speaker", "speaker_type", "text", "expected"),
    [
        # A label before a colon: a less common word, written in lower case elsewhere too.
        ("Winner", "person", "Winner: the crews\n\nThe winner is clear.", None),
        ("TARGET", "organisation", "TARGET: the pier\n\nThe target was the pier.", None),
        # A transcript's speaker label stays: never a lower-case word here, or an acronym.
        ("REYES", "person", "REYES: We will not wait.\n\nThe vote is on Friday.", "REYES"),
        ("NATO", "organisation", "NATO: We will not wait.\n\nThe nato tree.", "NATO"),
    ],
)
def test_colon_labels_that_are_words(speaker, speaker_type, text, expected):
    from analysis.quotes.resolve import common_word_speakers

    rows = [
        {
            "speaker": speaker,
            "speaker_type": speaker_type,
            "cue": ":",
            "speaker_start": 0,
            "speaker_end": len(speaker),
        }
    ]
    common_word_speakers(rows, text)
    assert rows[0]["speaker"] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Words before a given name and a surname that news writes in lower case, or titles,
        # describe the person; a title word the lists miss goes with them before a known
        # given name ("Examiner").
        ("Medical Examiner Jonathan Pell", "Jonathan Pell"),
        ("Delegate Andrea Voss", "Andrea Voss"),
        ("Delegate Oliver Voss", "Oliver Voss"),  # a given name listed without its sex
        ("Policy Counsel Ada Quarrel", "Ada Quarrel"),
        ("Supervisor Mark Tolliver of Dover", "Mark Tolliver of Dover"),
        ("Good Morning Harbor’s Andrea Voss", "Andrea Voss"),
        # Names that open with a word are left whole: a known given name is needed after one
        # word of the long list ("Mercy" is a given name too), no particle, no word after.
        ("Mercy Otis Quarrel", "Mercy Otis Quarrel"),
        ("Harm van Tolliver", "Harm van Tolliver"),
        ("Mad Dog Tolliver", "Mad Dog Tolliver"),
        # A word before the surname alone is no given name and surname.
        ("Andrea Brown Voss", "Andrea Brown Voss"),
        ("Medical Examiner", "Medical Examiner"),
        # No run of capitals: nothing to read.
        ("president to Dover Gov. Ada Voss", "president to Dover Gov. Ada Voss"),
    ],
)
def test_name_start(name, expected):
    from analysis.quotes.resolve import name_start

    words = name.split()
    assert " ".join(words[name_start(words) :]) == expected


@pytest.mark.parametrize(
    ("speaker", "text", "expected"),
    [
        ("Medical Examiner Jonathan Pell", "", "Jonathan Pell"),
        # A place before the given name that the article writes on its own.
        (
            "Dovermouth Andrea Voss",
            "Mayor of Dovermouth Andrea Voss spoke. Crews in Dovermouth waited.",
            "Andrea Voss",
        ),
        # ... and one it never writes alone is part of the name.
        ("Dovermouth Andrea Voss", "Mayor of Dovermouth Andrea Voss spoke.", None),
        # People quoted together, and two-word names, are left as they are.
        ("Delegate Andrea Voss and Ada Pell", "", None),
        ("Delegate Voss", "", None),
    ],
)
def test_person_descriptors(speaker, text, expected):
    from analysis.quotes.resolve import person_descriptors

    rows = [{"speaker": speaker, "speaker_type": "person", "speaker_start": 0, "speaker_end": 3}]
    person_descriptors(rows, text)
    assert rows[0]["speaker"] == (expected or speaker)
    assert rows[0]["speaker_start"] == 0  # the mention as written is kept


@pytest.mark.parametrize(
    ("speakers", "expected"),
    [
        # A known given name alone is the one person of the article's rows with it.
        (["Andrea Tolliver", "Andrea"], ["Andrea Tolliver", "Andrea Tolliver"]),
        (["Lynn Tolliver", "Lynn"], ["Lynn Tolliver", "Lynn Tolliver"]),  # listed without sex
        (
            ["Andrea", "Andrea J. Tolliver", "Andrea Tolliver"],
            ["Andrea J. Tolliver", "Andrea J. Tolliver", "Andrea Tolliver"],
        ),
        # Two people of that given name, a surname of someone else, a word that is no known
        # given name (a family name written first), people quoted together: left as written.
        (
            ["Andrea Tolliver", "Andrea Pell", "Andrea"],
            ["Andrea Tolliver", "Andrea Pell", "Andrea"],
        ),
        (["Mark Andrea", "Andrea Pell", "Andrea"], ["Mark Andrea", "Andrea Pell", "Andrea"]),
        (["Wen Quilong", "Wen"], ["Wen Quilong", "Wen"]),
        # A headline read as a speaker is no full name of anyone.
        (["Andrea Defends Her Budget", "Andrea"], ["Andrea Defends Her Budget", "Andrea"]),
        (["Andrea Brown", "Andrea"], ["Andrea Brown", "Andrea Brown"]),
        (["Andrea and Ada Pell", "Andrea"], ["Andrea and Ada Pell", "Andrea"]),
    ],
)
def test_given_name_speakers(speakers, expected):
    from analysis.quotes.resolve import given_name_speakers

    rows = [{"speaker": s, "speaker_type": "person"} for s in speakers]
    given_name_speakers(rows)
    assert [r["speaker"] for r in rows] == expected


# A thing said about a name, not who speaks: the name starts where the number says.
THING_CASES = [
    ("The prospect of Lund", 3),
    ("An ominous sign for Lund", 4),
    ("The only glimpses of the Harbor Board", 5),
    ("a lawyer for Lund", 0),
    ("members of Congress", 0),
    ("the head of the agency", 0),
    ("supporters of Lund", 0),
    ("a speech from Lund", 0),
    ("Asylum seekers detained in Dover", 0),
    ("Strong majorities of Republicans", 0),
    ("Secretary of State Ada Lund", 0),
]


@pytest.mark.parametrize(("mention", "expected"), THING_CASES)
def test_thing_of_a_name(mention, expected):
    assert thing_of_a_name(mention) == expected


def test_a_speaker_read_off_a_thing_about_a_name_is_dropped():
    text = (
        "Ivo Lund quit in May. The prospect of Lund testifying has hung over the board, "
        "citing sources who said the ferries would stop."
    )
    q = extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": [text]}), progress=False)
    assert "Ivo Lund" not in set(q["speaker"].dropna())


# Every row ends with one of the four kinds of speaker (resolve.final_speaker_types): a
# document is the body that issued it, an unnamed group a description unless kept anonymous.
FINAL_TYPES = [
    ({"speaker": "the report", "speaker_type": "document"}, "organisation"),
    ({"speaker": "Some critics", "speaker_type": "anonymous"}, "description"),
    ({"speaker": "many residents", "speaker_type": "anonymous"}, "description"),
    ({"speaker": "a senior official", "speaker_type": "anonymous"}, "anonymous"),
    ({"speaker": "people familiar with the talks", "speaker_type": "anonymous"}, "anonymous"),
    (
        {
            "speaker": "two pilots",
            "speaker_type": "anonymous",
            "sentence": "Two pilots, who spoke on condition of anonymity, said it.",
        },
        "anonymous",
    ),
    ({"speaker": "Ada Lund", "speaker_type": "person"}, "person"),
]


@pytest.mark.parametrize(("row", "expected"), FINAL_TYPES)
def test_final_speaker_types(row, expected):
    rows = [dict(row)]
    final_speaker_types(rows)
    assert rows[0]["speaker_type"] == expected
