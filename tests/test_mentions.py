"""Well-formed speaker mentions: the checker of analysis.evaluate (its own rules) on invented
strings, and the extractor's mentions on invented sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.evaluate import (
    MALFORMED_REASONS,
    malformed_reason,
    malformed_speaker_share,
    malformed_speakers,
)
from analysis.quotes.attribution import name_type, strip_name, well_formed_mention
from analysis.quotes.extract import _label_line, _name_info, extract_quotes

# (speaker as written, expected reason or None)
SPEAKER_CASES = [
    ("Ada Reyes", None),
    ("Sen. Ada Brennan (D-VT)", None),
    ("U.S. Rep. Ivo Lund", None),
    ("Lt. Col. Ivo Lund", None),
    ("J. R. Okafor", None),
    ("Ivo Lund Jr.", None),
    ("Mr. Fox", None),
    ("Ada Reyes of Calif.", None),
    ("a senior official", None),
    ("the mayor", None),
    ("officials who have seen the plan", None),
    ("a spokesman for the harbor board", None),
    ("people familiar with the talks", None),
    ("Office of the United Nations High Commissioner for Refugees", None),
    ("Capt. Ivo Lund with the Harbor State Highway Patrol", None),
    ("an earlier report", None),
    ("the video", None),
    ("WHO", None),
    ("Canadians", None),
    ("the Canadian envoy", None),
    ("Reyes. The mayor", "crosses a sentence end"),
    ("Ada Reyes? Ivo", "crosses a sentence end"),
    ("Despite the ruling Reyes", "sentence opener"),
    ("For Ada Reyes", "sentence opener"),
    ("Rather", "sentence opener"),
    ("Given", "sentence opener"),
    ("Though Okafor", "sentence opener"),
    ("With Reyes gone", "sentence opener"),
    ("To that end", "sentence opener"),
    ("Thus", "sentence opener"),
    ("Any", "sentence opener"),
    ("Anyone", "sentence opener"),
    ("Is the mayor's plan", "sentence opener"),
    ("It's doubtful many people", "sentence opener"),
    ("Reyes on Monday", "time phrase"),
    ("Okafor last week", "time phrase"),
    ("A few days", "time phrase"),
    ("Hours", "time phrase"),
    ("the board earlier", "time phrase"),
    ("Tuesday", "time phrase"),
    ("A March 3 letter from the harbor board", None),
    ("the harbor board on March 3", "time phrase"),
    ("HALDEN – Mayor Ada Reyes", "dateline"),
    ("Reyes — the mayor", "dateline"),
    ("Reyes leads a familiar refrain", "clause fragment"),
    ("the council sent a letter", "clause fragment"),
    ("the party has", "clause fragment"),
    ("MORE", "page furniture"),
    ("NEW", "page furniture"),
    ("WATCH", "page furniture"),
    ("JUST WATCHED", "page furniture"),
    ("JUST WATCHED Ada Reyes", "page furniture"),
    ("FILE PHOTO", "page furniture"),
    ("MUST WATCH Ada Reyes", "page furniture"),
    ("MAYOR'S LETTER TO THE BOARD", "page furniture"),
    ("Just Harbor", None),
    ("Go to the harbor site to see", "page furniture"),
    ("VIDEO", "page furniture"),
    ("Video of the arrest", None),
    ("Story highlights Ada Reyes", "page furniture"),
    ("Ada Reyes Read more", "page furniture"),
    ("Ada Reyes Photos", "page furniture"),
    ("Harbor Wire Image", "page furniture"),
    ("Replay More Videos", "page furniture"),
    ("Sign Up You", "page furniture"),
    ("Sign", "page furniture"),
    ("More", "page furniture"),
    ("Image", "page furniture"),
    ("Ivo Story", None),
    ("Ada Read", None),
    ("Harbor Rights Watch", None),
    ("More dockers", None),
    ("Hispanic", "group adjective"),
    ("Mexican", "group adjective"),
    ("Canadian", "group adjective"),
    ("Western", "group adjective"),
    ("Minority", "group adjective"),
    ("Harbor-funded", "group adjective"),
    ("he", "bare pronoun"),
    ("it", "bare pronoun"),
    ("who", "bare pronoun"),
    ("that", "bare pronoun"),
    ("I", "bare pronoun"),
    ("we", "bare pronoun"),
    ("Ada Reyes Ivo Lund Tim Okafor Dan Katz and others", "over-long"),
    ("Reyes,", "stray edge"),
    ("“Reyes", "stray edge"),
    ("Reyes\nMORE", "stray edge"),
    ("Calif.", "stray edge"),
    ("Ada Lund ReyesHarbor board votes", "glued link text"),
    ("Ivo Tomas LundGOP", "glued link text"),
    ("Ada ReyesIvo Lund", "glued link text"),
    ("HarborWatch", None),
    ("Tim HarborWatch", None),
    ("the HarborWatch poll average", None),
    ("Ada Reyes of HarborWatch", None),
    ("Dan VanderLund", None),
    ("The problem", "abstract head"),
    ("the best defense", "abstract head"),
    ("His answer", "abstract head"),
    ("The bottom line", "abstract head"),
    ("part of a harbor group of eight", "abstract head"),
    ("the defense", None),
    ("Ada Hope", None),
    ("the answer desk staff", None),
]


@pytest.mark.parametrize(("speaker", "expected"), SPEAKER_CASES)
def test_malformed_reason(speaker, expected):
    assert malformed_reason(speaker) == expected
    assert expected is None or expected in MALFORMED_REASONS


def test_the_mention_as_written_is_checked_too():
    # "he" resolved to a name is fine; a resolved name read from a junk mention is not.
    assert malformed_reason("Ada Reyes", "he") is None
    assert malformed_reason("Ada Reyes", "Ada Reyes on Monday") == "time phrase"
    assert malformed_reason("he", "he") == "bare pronoun"


def _table(text: str, rows: list[tuple[str, str | None, str]]):
    """A docs table of one article and a quote table with a row per (kind, speaker, mention)."""
    docs = pd.DataFrame({"doc_id": ["d1"], "text": [text]})
    out = []
    for k, (kind, speaker, mention) in enumerate(rows):
        at = text.index(mention)
        out.append(
            {
                "doc_id": "d1",
                "start": k,
                "end": k + 1,
                "kind": kind,
                "speaker": speaker,
                "speaker_start": at,
                "speaker_end": at + len(mention),
            }
        )
    return pd.DataFrame(out), docs


def test_malformed_speakers_table_and_share():
    text = "Ada Reyes on Monday said the fares rise. He said more. Under Reyes, ferries run."
    quotes, docs = _table(
        text,
        [
            ("indirect", "Ada Reyes on Monday", "Ada Reyes on Monday"),
            ("direct", "Ada Reyes", "He"),
            ("scare", "Reyes", "Reyes"),  # not an attributed kind
            ("indirect", None, "ferries"),  # no speaker
            ("partial", "der Reyes", "der Reyes"),
        ],
    )
    flagged = malformed_speakers(quotes, docs)
    assert list(flagged.columns) == [
        "doc_id",
        "start",
        "end",
        "kind",
        "speaker",
        "mention",
        "reason",
    ]
    assert flagged["reason"].tolist() == ["time phrase", "cuts a word"]
    assert malformed_speaker_share(quotes, docs) == pytest.approx(2 / 3)
    assert malformed_speaker_share(quotes.iloc[:0], docs) == 0.0


@pytest.mark.parametrize(
    ("speaker", "mention", "expected"),
    [
        ("Ada French", "French", None),  # a surname, resolved
        ("French", "French", "group adjective"),
        ("Ivo Lund", "Harbor Board deputy chief safety officer Dr. Ivo Lund", None),
        ("the harbor board in a statement", None, "clause fragment"),
        ("board members wouldn't", None, "clause fragment"),
        ("Asian-American", None, "group adjective"),
    ],
)
def test_malformed_reason_of_speaker_and_mention(speaker, mention, expected):
    assert malformed_reason(speaker, mention) == expected


# The extractor's own trimming of a mention: (written span, the well-formed mention or None).
WELL_FORMED_CASES = [
    ("Ada Reyes", "Ada Reyes"),
    ("Sen. Ada Brennan (D-VT)", "Sen. Ada Brennan (D-VT)"),
    ("Mr. Fox", "Mr. Fox"),
    ("a senior official", "a senior official"),
    ("A March 3 letter from the harbor board", "A March 3 letter from the harbor board"),
    ("an earlier report", "an earlier report"),
    ("officials who have seen the plan", "officials who have seen the plan"),
    ("Dan Rather", "Dan Rather"),
    ("Ada Reyes on Monday", "Ada Reyes"),
    ("Mayor Ada Reyes last week", "Mayor Ada Reyes"),
    ("the board earlier", "the board"),
    ("The harbor board two weeks", "The harbor board"),
    ("a skipper of 20 years", "a skipper of 20 years"),
    ("Monday night Ada Reyes", "Ada Reyes"),
    ("Tuesday’s report", "report"),
    ("JUST WATCHED Ada Reyes", "Ada Reyes"),
    ("Image copyright Wire Image caption Mayor Ada Reyes", "Mayor Ada Reyes"),
    ("Media playback is unsupported Media caption Mayor Ada Reyes", "Mayor Ada Reyes"),
    ("Media caption", None),
    ("HALDEN – Mayor Ada Reyes", "Mayor Ada Reyes"),
    ("Ada Reyes – speaking at the fair", "Ada Reyes"),
    ("Yet Reyes", "Reyes"),
    ("Although Reyes", "Reyes"),
    # a sentence end after an abbreviation, one stray word before an article
    ("crews from the U.S. The Harbor leader", "The Harbor leader"),
    ("far the Harbor Ministry", "the Harbor Ministry"),
    ("certainly the harbor board", "the harbor board"),
    ("all the crews", "all the crews"),
    # a gallery's title glued before the name it is about
    ("Ada Lund's life in photos Lund", "Lund"),
    ("Lund's father Ivo Lund", "Ivo Lund"),
    ("Sirhan Sirhan", "Sirhan Sirhan"),
    ("the Harbor Court for the Southern Harbor", "the Harbor Court for the Southern Harbor"),
    ("Reyes didn't", "Reyes"),
    ("the harbor board should", "the harbor board"),
    ("the council sent a letter", "the council"),
    ("Ada Reyes knew", "Ada Reyes"),  # a verb of the corpus's list (bench/build_word_lists.py)
    ("Harbor Corp enters", "Harbor Corp"),
    ("With Reyes", None),
    ("For Ada Reyes", None),
    ("Given the cuts", None),
    ("Despite the ruling", None),
    ("To that end", None),
    ("Anyone", None),
    ("Rather", None),
    ("Thus", None),
    ("A few days", None),
    ("Hours", None),
    ("Tuesday", None),
    ("MORE", None),
    ("JUST WATCHED", None),
    ("FILE PHOTO", None),
    ("Advertisement", None),
    ("Video of the arrest", "Video of the arrest"),
    ("Story highlights Ada Reyes", "Ada Reyes"),
    ("Image Ada Reyes", "Ada Reyes"),
    ("AP Photo Ada Reyes", "Ada Reyes"),
    ("Play Video", None),
    ("More", None),
    ("More dockers", "More dockers"),
    ("Ivo Story", "Ivo Story"),
    ("Hispanic", None),
    ("Canadian", None),
    ("Harbor-funded", None),
]


@pytest.mark.parametrize(("written", "expected"), WELL_FORMED_CASES)
def test_well_formed_mention(written, expected):
    text = written + " said the ferries would run."
    m = well_formed_mention(text, 0, len(written))
    assert (m.text if m else None) == expected
    if m is not None:
        assert text[m.start : m.end] == m.text
        assert malformed_reason(m.text) is None


# Sentences whose speaker must come out as a well-formed mention (or none).
EXTRACTED_CASES = [
    ("Mayor Ada Reyes on Monday said the ferries would run all winter.", "Ada Reyes"),
    ("HALDEN – Mayor Ada Reyes said the ferries would run all winter.", "Ada Reyes"),
    ("JUST WATCHED Ada Reyes said the ferries would run all winter.", "Ada Reyes"),
    ("Yet Ivo Lund said the ferries would run all winter.", "Ivo Lund"),
    ("Despite the storm the ferries ran, officials said.", "officials"),
    # A year or an adverb between the subject and the cue is no part of the mention, but a
    # title's word is ("Dover Today").
    ("Mayor Ada Reyes in 2014 said the ferries would run all winter.", "Ada Reyes"),
    ("Harbor officials meanwhile said the ferries would run all winter.", "Harbor officials"),
    ("The Dover Today said the ferries would run all winter.", "Dover Today"),
    # Places joined after a preposition are where, not who.
    ("Officials in Dover and Iowa said the ferries would run all winter.", "Officials"),
    # A town and its state after a comma are one place: the phrase they qualify speaks.
    (
        "The harbor chief in Dover, Delaware said the ferries would run all winter.",
        "The harbor chief",
    ),
    ("The mayor of Halden, Iowa said the ferries would run all winter.", "The mayor"),
    # A description of speakers before an aside between commas speaks, unless a name follows.
    (
        "The harbor official, who asked not to be named, said the ferries would run all winter.",
        "The harbor official",
    ),
    (
        "The harbor chief, the pilot Ada Lund, said the ferries would run all winter.",
        "Ada Lund",
    ),
    # A word in -s that is also a cue is a plural noun right before a verb in the past.
    ("Twenty states argued the ferries would run all winter.", "Twenty states"),
    ("Earlier press reports said the ferries would run all winter.", "press reports"),
    # A place of its own before the comma ends an opening adverbial: the next name speaks.
    ("After the vote in Washington, Canada said the ferries would run all winter.", "Canada"),
    # ... but after a noun of people, a town of the lexicon and its state are where they are.
    (
        "The port chief in Louisville, Kentucky said the ferries would run all winter.",
        "The port chief",
    ),
    # Names listed after a noun of people and a preposition say where or whom they stand for.
    ("Representatives of Harbor Air and Dover Rail said the ferries would run.", "Representatives"),
    ("The governors of Iowa and Ohio said the ferries would run all winter.", "The governors"),
    ("Harbor mayors in Chicago and Boston at first said the ferries would run.", "Harbor mayors"),
    (
        "Two port hospitals in Mumbai and New Delhi said the ferries would run.",
        "Two port hospitals",
    ),
    # ... not after a name.
    ("Ada Lund of Harbor Air and Ivo Reyes said the ferries would run all winter.", "Ivo Reyes"),
    # A noun of people heads its phrase: a place after "in" is where, never who.
    (
        "A college student in Dover said the ferries would run all winter.",
        "A college student in Dover",
    ),
    ("Two harbor firefighters said the ferries would run all winter.", "Two harbor firefighters"),
    # A petition, a dossier, a headline speak as documents do: "it" goes back to them.
    ("“Pay us now,” the petition states. “We need help,” it continues.", "the petition"),
]


@pytest.mark.parametrize(("text", "speaker"), EXTRACTED_CASES)
def test_extracted_speakers_are_well_formed(text, speaker):
    quotes = extract_quotes(pd.DataFrame({"doc_id": ["d1"], "text": [text]}))
    assert len(quotes), text
    row = quotes.iloc[0]
    assert row["speaker"] == speaker
    assert text[int(row["speaker_start"]) : int(row["speaker_end"])].endswith(speaker.split()[-1])
    assert malformed_speaker_share(quotes, pd.DataFrame({"doc_id": ["d1"], "text": [text]})) == 0


@pytest.mark.parametrize(
    ("speaker", "mention", "expected"),
    [
        ("Palestinian", "a Palestinian", None),  # a noun use, determiner dropped
        ("Korean", "North Korean", "group adjective"),
        ("September 2015 report", None, None),
        ("Republicans behind this year’s bills", None, None),
        ("The next morning", None, "time phrase"),
    ],
)
def test_checker_on_dates_and_noun_uses(speaker, mention, expected):
    assert malformed_reason(speaker, mention) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Otherwise", None),
        ("Here’s", None),
        ("Don't", None),
        ("Recently Ada Reyes", "Ada Reyes"),
        ("dozens of Canadian", None),
        ("a Canadian", "a Canadian"),
        ("Republican", None),
        ("Western", None),
    ],
)
def test_well_formed_openers_and_adjectives(written, expected):
    m = well_formed_mention(written + " said so.", 0, len(written))
    assert (m.text if m else None) == expected


@pytest.mark.parametrize(
    "written",
    ["Representative Ivo B. Lund of New York", "the senator from Texas", "Texas", "Ohio"],
)
def test_places_are_no_group_adjectives(written):
    m = well_formed_mention(written + ". Next", 0, len(written))
    assert m is not None and m.text == written


def test_run_malformed_prints_the_share(tmp_path, capsys):
    from analysis.evaluate import corpus_quotes, run_malformed

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Mayor Ada Reyes said the ferries would run all winter. "
        "“We are ready,” she said on the pier.\n",
        encoding="utf-8",
    )
    got = run_malformed(corpus_quotes(folder))
    out = capsys.readouterr().out
    assert "## Malformed speakers" in out and "attributed rows" in out
    assert got["attributed"] >= 1 and 0.0 <= got["share"] <= 1.0


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("MAYOR SAYS FERRIES WILL RUN", None),
        ("REYES ON THE LEVY", None),
        ("NATO", "NATO"),
        ("HARBOR BOARD", "HARBOR BOARD"),
    ],
)
def test_headlines_in_capitals_are_no_mentions(written, expected):
    m = well_formed_mention(written + " said so.", 0, len(written))
    assert (m.text if m else None) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Officials", "anonymous"),
        ("Critics", "anonymous"),
        ("Others", "anonymous"),
        ("Senior officials", "anonymous"),
        ("Democrats", "anonymous"),
        ("Canadians", "anonymous"),
        ("Ohio Republicans", "anonymous"),
        ("Reyes Democrats", "person"),
        ("Ada Reyes", "person"),
        ("Harbor Experts", "person"),
    ],
)
def test_a_group_noun_capitalised_at_the_sentence_start_is_no_name(written, expected):
    assert name_type(written) == expected


def test_officials_at_the_sentence_start_are_anonymous():
    q = extract_quotes(
        pd.DataFrame(
            {
                "doc_id": ["d"],
                "outlet": ["o"],
                "text": ["Officials said the harbor ferries would run again by the spring."],
            }
        )
    )
    assert q["speaker_type"].tolist() == ["anonymous"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("The problem", None),
        ("one reason", None),
        ("the real question", None),
        ("His answer", None),
        ("part of a harbor group of eight", None),
        ("The answer desk", "The answer desk"),
        ("Ada Hope", "Ada Hope"),
        ("the defense", "the defense"),
    ],
)
def test_an_abstract_head_is_no_mention(written, expected):
    m = well_formed_mention(written + " said so.", 0, len(written))
    assert (m.text if m else None) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Harbor Board Chairwoman Ada Reyes", ("Ada Reyes", "person")),
        ("Dover Port Authority Press Secretary Ivo Lund", ("Ivo Lund", "person")),
        ("Harbor Board Chairwoman Office", ("Harbor Board Chairwoman Office", "organisation")),
        ("Mayor Ada Reyes", ("Ada Reyes", "person")),
    ],
)
def test_a_capitalised_title_after_an_employer_leads_to_the_name(written, expected):
    name = strip_name(written)[0]
    assert (name, name_type(name)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ada Reyes spoke at the harbor. Hide Caption\n\n"
            "In January, she told the board that the fares would rise.",
            "Ada Reyes",
        ),
        (
            "Ada Reyes spoke at the harbor. Privacy Policy\n\nThe fares are too high, she says.",
            "Ada Reyes",
        ),
    ],
)
def test_a_pronoun_goes_back_to_no_page_label(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))
    assert q["speaker"].tolist() == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board met.\n\nMore: Reyes: Board weighs 'deep' fare cuts\n\nThe end.", "Reyes"),
        (
            "The board met.\n\nMore:Ada Lund on the ferries: “Still in love with the sea”\n\nEnd.",
            "Ada Lund",
        ),
        (
            "The board met.\n\nAda Lund on the ferries: “Still in love with the sea”\n\nEnd.",
            "Ada Lund",
        ),
    ],
)
def test_a_page_label_or_a_topic_before_a_colon_is_no_speaker(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))
    assert q["speaker"].tolist() == [expected]


# Page furniture (a link, a caption credit, a teaser, a control of the page) glued to the text
# around it is never a speaker: the row gets the speaker the text names, or none.
FURNITURE_CASES = [
    (
        "Ada Reyes spoke to the port board.\n\nAdvertisement Continue reading the main story\n\n"
        "“We will keep the ferries,” she said.",
        ["Ada Reyes"],
    ),
    (
        "Ada Reyes spoke to the port board.\n\nMore On This...\n\n"
        "“We will keep the ferries,” she said.",
        ["Ada Reyes"],
    ),
    (
        "The board met on Monday.\n\nJUST WATCHED Ferry strike looms Replay More Videos ... "
        "MUST WATCH Ferry strike looms 02:11\n\n“We need more boats,” she said.",
        [None],
    ),
    (
        "The board met.\n\nPhotos: Mayor Ada Reyes Photos: Mayor Ada Reyes greets crowds at the "
        "quay.\n\n“We need more boats,” she said.",
        ["Ada Reyes"],
    ),
    (
        'Story highlights Reyes says the ferry "will run on time"\n\nThe board voted.',
        ["Reyes"],
    ),
    (
        "The full list of people vying to lead the port Reyes Read more\n\n“We sail,” she said.",
        [None],
    ),
    ('Want more? Sign up for the Harbor\'s "Daily Tide" letter here.', []),
    ("Ada Reyes spoke.\n\nStory Continued Below\n\n“We sail at dawn,” she said.", ["Ada Reyes"]),
    (
        'Get Harbor TV on your cable – Click Here Now\n\nThe levy passed, "a great day," he said.',
        [None],
    ),
    ("The board met.\n\nPhoto\n\n“We need more boats,” he said.", [None]),
    ("The board met.\n\n(Photo: Ivo Lund, Harbor Wire)\n\n“We need more boats,” she said.", [None]),
    ("The levy passed.\n\nMore broadly, the word “levy” has become a slur in the port.", []),
    # Names and sources that look like furniture stay speakers.
    ("The board met.\n\nHARBOR BOARD VOTES\n\nAP: “The board kept the ferries.”", ["AP"]),
    ("“We will sail,” Ivo Read said.", ["Ivo Read"]),
    ("Ivo Story said the ferries would run “all winter”.", ["Ivo Story"]),
    ("Harbor Rights Watch said the ferries were “unsafe”.", ["Harbor Rights Watch"]),
    ("More dockers say the levy is “a tax on the tides”.", ["More dockers"]),
]


@pytest.mark.parametrize(("text", "expected"), FURNITURE_CASES)
def test_page_furniture_is_no_speaker(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))
    q = q[q["kind"] != "scare"]
    assert [s if isinstance(s, str) else None for s in q["speaker"]] == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("HBA", "organisation"),
        ("WHO", "organisation"),
        ("Dr", "person"),
        ("Ada Reyes of the Harbor Institute", "person"),
        ("Ivo Lund at the Dover Port Authority", "person"),
        ("Harbor Board counsel Ada Reyes", "person"),
        ("Bank of Dover", "organisation"),
        ("the Harbor Institute", "organisation"),
        ("Senior Officials of the Harbor Board", "anonymous"),
    ],
)
def test_acronyms_are_organisations_and_a_name_with_its_employer_a_person(written, expected):
    assert name_type(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Harbor Co.", "organisation"),
        ("Dover Ferry Co", "organisation"),
        ("Harbor Corp.", "organisation"),
        ("Ada Cole", "person"),
    ],
)
def test_a_company_suffix_makes_an_organisation(written, expected):
    """A company suffix with or without its period ("Dover Ferry Co said"), as "Corp" is."""
    assert name_type(written) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ada Reyes told the harbor board that the fares would rise in the spring.",
            "the fares would rise in the spring",
        ),
        (
            "Ada Reyes told reporters that the fares would rise in the spring.",
            "the fares would rise in the spring",
        ),
        ("Ada Reyes told them fares were high that year.", "fares were high that year"),
    ],
)
def test_the_told_object_does_not_start_the_content(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))
    assert q["quote"].tolist() == [expected]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("More", "anonymous"),
        ("Some", "anonymous"),
        ("More on the ferries", "anonymous"),
        ("Moreno", "person"),
    ],
)
def test_an_amount_word_is_no_name(written, expected):
    assert name_type(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("FactCheck.org", "organisation"),
        ("Harbor.com", "organisation"),
        ("Dockside.news", "organisation"),
        ("The Harbor.com", "organisation"),
        ("Ada Lund", "person"),
        ("A. Lund", "person"),
        ("Gov. Lund", "person"),
        ("Ada Lund of Harbor.org", "person"),
    ],
)
def test_a_web_address_is_an_organisation(written, expected):
    assert name_type(written) == expected


def test_an_amount_word_opening_a_sentence_is_no_person_a_quotation_goes_back_to():
    text = (
        "Ada Reyes ran the harbor board for years. More recently it was Ivo Lund. "
        "“The ferries are late again.”"
    )
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))
    assert "More" not in q["speaker"].tolist()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "Ada Reyes of the harbor group Dover Pilots",
            ("Ada Reyes of the harbor group Dover Pilots", "person"),
        ),
        ("Bank of Dover", ("Bank of Dover", "organisation")),
        ("Harbor Board of Dover", ("Harbor Board of Dover", "organisation")),
    ],
)
def test_a_name_before_its_employer_is_the_speaker(written, expected):
    name = strip_name(written)[0]
    assert (name, name_type(name)) == expected


def test_an_acronym_in_capitals_is_no_relative_pronoun():
    text = "HBA said the ferries would run again by the spring."
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))
    assert q[["speaker", "speaker_type"]].values.tolist() == [["HBA", "organisation"]]


def test_a_pronoun_goes_back_to_no_amount_word():
    text = "The crews met on Monday. More gatherings will occur soon, they say."
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))
    assert "More" not in q["speaker"].tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The crews met on Monday. Some pilots believe the new fares are “a gift to landlords”.",
            "Some pilots",
        ),
        ("The crews met. Many skippers call the levy “a tax on the tides”.", "Many skippers"),
    ],
)
def test_a_quantifier_keeps_its_noun_in_the_subject_of_a_fragment(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))
    assert q["speaker"].tolist() == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The harbor agency HBA said the ferries would run again.", ["HBA", "organisation"]),
        ("The majority said the ferries would run again.", ["The majority", "description"]),
    ],
)
def test_an_acronym_after_its_role_is_the_organisation(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]}))
    assert q[["speaker", "speaker_type"]].values.tolist() == [expected]


# A run of capitalised words as a person's full name, without the page's links and credits
# glued to it: (run, full name or None).
NAME_RUN_CASES = [
    ("Ada Reyes Photos", "Ada Reyes"),
    ("Mayor Ada Reyes Photos", "Ada Reyes"),
    ("Ada Reyes Image", "Ada Reyes"),
    ("Embed Ada Reyes", "Ada Reyes"),
    ("More Ada Reyes", "Ada Reyes"),
    ("Pope Replay More Videos", None),
    ("Replay More Videos", None),
    ("Sign Up You", None),
    ("Click Here Now", None),
    ("Story Continued Below", None),
    ("More On This", None),
    ("Mayor Vows To Fight", None),
    ("Ivo Story", "Ivo Story"),
    ("Ada Read", "Ada Read"),
    ("Thomas More", "Thomas More"),
]


@pytest.mark.parametrize(("run", "expected"), NAME_RUN_CASES)
def test_a_name_run_without_links_and_credits(run, expected):
    info = _name_info(run)
    assert (info[1] if info else None) == expected


# (text, offset, whether the offset lies on a line of page furniture)
LABEL_LINE_CASES = [
    ("Advertisement Continue reading the main story\n\nReyes left.", 0, True),
    ("Image caption Crowds at the quay\nReyes left.", 3, True),
    ("Ferry strike looms 02:11", 0, True),
    ("More on the levy...\n", 0, True),
    ("(Photo: Ivo Lund, Harbor Wire)\n", 2, True),
    ("Reyes spoke on Monday.\n", 0, False),
    ("“We sail,” Reyes said: \n", 0, False),
    ("“We will sail at dawn”\n", 0, False),
    ("Reyes spoke on Monday " + "and went on " * 20 + "\n", 0, False),
]


@pytest.mark.parametrize(("text", "pos", "expected"), LABEL_LINE_CASES)
def test_a_short_line_without_a_sentence_end_is_page_furniture(text, pos, expected):
    assert _label_line(text, pos) is expected
