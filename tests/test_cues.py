"""The cue lexicon (analysis/data/cues.toml) and its classes' rules: reported speech means
communication (tests/gold/GUIDELINES.md). One table of invented sentences per class."""

from __future__ import annotations

import ast
from importlib import resources

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.attribution import CUE_RULE_NAMES, CUE_RULES, cue_classes, lexicon


def indirect_rows(text: str) -> list[str]:
    """The quoted words of the indirect rows of ``text``."""
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    return list(q.loc[q["kind"] == "indirect", "quote"])


def check(text: str, expected: str | None) -> None:
    assert indirect_rows(text) == ([] if expected is None else [expected])


COMMUNICATION = [  # rule "speech": with or without "that"
    ("Reyes said the ferry fares would rise in May.", "the ferry fares would rise in May"),
    ("Okafor told reporters that the ferry would stay open.", "the ferry would stay open"),
    ("Okafor warned the crews would strike by June.", "the crews would strike by June"),
    ("The ferry fares will rise in May, Okafor said.", "The ferry fares will rise in May"),
    # after "that", the content is a clause whatever word opens it
    (
        "Okafor argued that as riders learn more, support for the levy will fade.",
        "as riders learn more, support for the levy will fade",
    ),
    ("Okafor said that for years the old pier had leaked.", "for years the old pier had leaked"),
    ("Okafor argued with the ferry crews about the levy.", None),
    ("The harbor chief dismisses that as political hypocrisy.", None),
    (
        "According to the port authority, ridership has doubled since May.",
        "ridership has doubled since May",
    ),
]
WITH_CLAUSE = [  # rule "clause": communication verbs with a plain-object sense
    ("Okafor added that the crews would be paid in June.", "the crews would be paid in June"),
    ("The harbor fund added 300 jobs in the spring.", None),
    ("Okafor denied that she had seen the audit.", "she had seen the audit"),
    ("Okafor denied any role in the harbor audit.", None),
    ("Okafor tweeted a photo of the new ferry at the pier.", None),
    ("Okafor tweeted that the ferry would stay open.", "the ferry would stay open"),
    ("Okafor denied being at the pier that night.", "being at the pier that night"),
    ("Okafor stated the harbor levy was legal.", "the harbor levy was legal"),
    ("The port added 300 jobs and ferry fares rose.", None),
    ("Okafor criticized the mayor over the ferry fares.", None),
    ("Ferry crews support the plan to widen the pier.", None),
    # "maintain" keeps a thing, or claims a clause
    ("The mayor maintains a wide lead over Okafor among the ferry crews.", None),
    ("Okafor has long maintained her innocence in the harbor case.", None),
    ("Okafor maintains that the harbor levy was legal.", "the harbor levy was legal"),
    # verbs of saying that frame only marked quotations elsewhere
    (
        "The port countered that the mayor has no say over the fares.",
        "the mayor has no say over the fares",
    ),
    (
        "Okafor cautioned that the ferry fares would rise in May.",
        "the ferry fares would rise in May",
    ),
    ("Okafor joked about the ferry fares at the pier.", None),
    ("Observers observed the harbor vote from the pier.", None),
    (
        "Okafor maintains the harbor levy was legal all along.",
        "the harbor levy was legal all along",
    ),
    # an adjunct of time between the cue and its "that"
    (
        "Okafor added on Monday that the crews would be paid in June.",
        "the crews would be paid in June",
    ),
    ("The port added 300 jobs that pay well in June.", None),
    # "report": a claim in a clause, figures and events filed with a noun object
    ("The Harbor Ledger reported that the ferry would stay open.", "the ferry would stay open"),
    (
        "The Harbor Ledger reported the ferry crews would strike in June.",
        "the ferry crews would strike in June",
    ),
    (
        "The ferry fares will rise in May, the Harbor Ledger reported.",
        "The ferry fares will rise in May",
    ),
    ("Harbor County reported 40 new cases of the flu on Monday.", None),
    ("Dover Ferries reported record second-quarter profit on Tuesday.", None),
    ("Shares of Dover Ferries fell after the company reported a loss.", None),
    ("The harbor master reported the theft to the police.", None),
    ("Dover Ferries is scheduled to report its results on Friday.", None),
]
STANCE = [  # rule "stance": a finite clause; a noun or a gerund is the judged target
    ("Okafor questioned whether the levy was legal at all.", "whether the levy was legal at all"),
    ("Doctors will try to support breathing with a respirator.", None),
    ("Most crews supported removing the old pier.", None),
    ("Okafor has criticized long-standing fares on the ferry.", None),
    (
        "The board asked the crews whether they supported removing the pier.",
        "the crews whether they supported removing the pier",
    ),
]
COMMISSIVE = [  # rule "commitment": a "to"-infinitive or a clause, not a noun object
    ("Reyes vowed to repeal the harbor levy next year.", "to repeal the harbor levy next year"),
    ("Reyes vowed not to raise the ferry fares again.", "not to raise the ferry fares again"),
    ("Reyes promised large tax cuts for the ferry crews.", None),
    # a hearer before "that" ([addressee]): the content starts after the "that"
    (
        "Reyes promised the voters that she would fix the ferry schedule.",
        "she would fix the ferry schedule",
    ),
    ("Reyes assured Okafor that the ferry would run all winter.", "the ferry would run all winter"),
    ("Reyes promised large tax cuts that the ferry crews wanted.", None),
]
REQUEST = [  # rule "request": infinitives and "for" objects
    (
        "Okafor urged the council to hold a vote on the levy.",
        "the council to hold a vote on the levy",
    ),
    ("Okafor called for an outside audit of the fund.", "an outside audit of the fund"),
    ("The crews demanded that the council drop the levy.", "the council drop the levy"),
]
APPEAL = [  # rule "appeal": "call" is a request through "on"/"for", else a verdict or no speech
    ("Okafor called on the council to drop the ferry levy.", "the council to drop the ferry levy"),
    ("Okafor has called the ferry levy a gift to the port.", "the ferry levy a gift to the port"),
    ("The pier letter called Reyes a danger to the harbor.", "Reyes a danger to the harbor"),
    ("Okafor called to congratulate Reyes on the ferry vote.", None),
    ("Okafor called in to a radio show about the ferry fares.", None),
    ("A harbor meeting called to discuss the fares ran late.", None),
    ("The crews run a small ferry called Old Blue across the bay.", None),
    ("Okafor keeps in touch with the crews through phone calls, texts and visits.", None),
    ("The Harbor State, as the port calls itself, voted on the fares.", None),
    ("Okafor called himself a friend of the ferry crews.", "himself a friend of the ferry crews"),
    # "call … into question": a doubt raised, no words said; a name that goes on after "for"
    ("But a federal judge has called the rule's future into question in a ruling.", None),
    ("The crews met parents in a program called Skills for Harbor Youth on Monday.", None),
]
CHARGE = [  # rule "charge": the charge or a clause
    (
        "Okafor accused the mayor of hiding the ferry accounts.",
        "the mayor of hiding the ferry accounts",
    ),
    ("Okafor accused the harbor board and the mayor.", None),
]
DISCLOSURE = [  # rule "speaker": not with a thing or data as the subject
    ("Okafor suggested a new levy for the harbor fund.", "a new levy for the harbor fund"),
    ("The fares matter because it suggests a slide toward self-rule.", None),
    ("Okafor explained that the ferry would stay open.", "the ferry would stay open"),
    ("One factor explains why the ferry fares rose so fast.", None),
    ("The ferry market is suggesting the fares will rise.", None),
    ("Ferry use rose by half, suggesting the fares are too low.", None),
    ("The fares rose again, which suggests the levy failed.", None),
    ("The ferry fares rose at Harbor Corp, which revealed the levy failed.", "the levy failed"),
    ("Fares rose after the audit, which suggests the port hid fares.", "the port hid fares"),
    ("Wider testing revealed 40 more cases of the fever at the depot.", None),
    ("The polling suggests the levy will pass in May.", None),
    ("The depot's spokeswoman revealed 40 more cases of the fever.", "40 more cases of the fever"),
]
NOT_SPEECH = [  # rules "topic" and "none": thoughts, plans, findings, actions, topics
    ("Okafor talked about the ferry fares for an hour.", None),
    ("Okafor believes the fares will rise in May.", None),
    ("The fares will rise in May, Okafor believes.", None),
    ("Okafor said she believes the fares will rise.", "she believes the fares will rise"),
    ("Okafor wants the council to drop the levy.", None),
    ("The port plans to build a second ferry terminal.", None),
    ("The council decided to raise the fares in May.", None),
    ("A harbor study found that ferry use doubled last year.", None),
    ("Analysts estimate the fund will run dry by May.", None),
    ("Okafor declined to comment on the ferry audit.", None),
    # a frame inside a thought or an action is a statement of its own
    ("Okafor believes that Reyes said the fares would rise in May.", "the fares would rise in May"),
    (
        "Okafor defended the levy on Friday, saying the ferry deficit was large.",
        "the ferry deficit was large",
    ),
]
NOT_ASSERTED = [  # a frame of speech that did not take place: no row, whatever the cue
    ("If Okafor says the fares will rise, the crews will strike.", None),
    ("Some might argue that the ferry fares are too low.", None),
    ("It is hard to say whether the ferry fares will rise in May.", None),
    ("That is not to say the ferry fares were ever too low.", None),
    ("It is important to note that the ferry fares rose in May.", None),
    ("It is worth noting that the ferry fares rose in May.", None),
    ("I would argue that the ferry fares are too low for the crews.", None),
    ("We can all agree that the ferry is the heart of the harbor.", None),
    ("The ports must disclose when the ferry fares rise.", None),
    ("Theresa May said the ferry fares would rise in May.", "the ferry fares would rise in May"),
    ("Okafor could not explain why the ferry fares rose.", "why the ferry fares rose"),
    ("Okafor may not explicitly announce the levy in her speech.", None),
    ("Okafor should not say the ferry fares will rise in May.", None),
    # a gerund of an act that did not take place
    ("Okafor stopped short of calling the strike a failure.", None),
    ("Okafor left the pier without saying whether the ferries would run.", None),
    ("The port avoided saying whether the ferry fares would rise.", None),
    (
        "Okafor defended the levy, saying the ferry deficit was large.",
        "the ferry deficit was large",
    ),
    # an impersonal judgement, "it is a … to say": the writer's voice
    ("It is a good rule of thumb to say that the ferries run late.", None),
    ("It would be a mistake to argue that the ferry fares are low.", None),
    ("It's no exaggeration to say the ferry is the heart of the harbor.", None),
    ("It is unclear if Reyes said the fares would rise.", "the fares would rise"),
]
NO_SPEAKER = [  # frames whose subject is no speaker, cue words that are nouns, media labels
    ("Nineteen states, the port and two towns had sued over the levy.", None),
    ("Voters in the Harbor state hold a dim view of the ferry levy.", None),
    ("The port authority states that the ferry fares will rise.", "the ferry fares will rise"),
    ("The pier at dusk.\n\nFILE PHOTO: Ferry crews load the morning boat at the pier.", None),
    ("In a harbor poll, 55 percent said the fares were too high.", None),
    ("That is twice the share who say the ferry fares are too high.", None),
    # a poll's share written before the group noun that the subject walk stops at
    ("Sixty percent of registered ferry riders say the fares are too high.", None),
    ("About 41% of likely harbor voters said the levy should go.", None),
    ("Half of the ferry crews said the fares were too high.", "the fares were too high"),
    # a poll's figure for the group, set off by a comma or a bracket
    ("About four-in-ten ferry riders say the same (42% each).", None),
    ("Almost 6 in 10 ferry riders, 59%, said the fares were too high.", None),
    ("Riders who say the fares are too high (82%) are more likely to drive.", None),
    ("The shares of riders and crews who say the fares are too high differ.", None),
    (
        "Reyes said ferry fares rose 5%, the most since 1990.",
        "ferry fares rose 5%, the most since 1990",
    ),
    ("Okafor was asked whether the ferry fares would rise.", None),
    # a passive with adverbs before its participle: the subject is no speaker
    ("It is even said that the ferry fares will rise in May.", None),
    ("The two skippers were brutally attacked, and the crews fled the pier.", None),
    ("Okafor was also told that the ferry fares would rise.", None),
    ("Reyes has also said that the ferry fares would rise.", "the ferry fares would rise"),
    # a reporter's credit: "reported from" a place, no content
    ("Ada Lund reported from Dover and Ivo Reyes contributed from Kent.", None),
    (
        "Reyes said from his hospital bed that the ferry fares would rise.",
        "the ferry fares would rise",
    ),
    # a heading in capitals that the article never writes as a name
    ("The claim was checked.\n\nVERDICT: True. The harbor board never raised the fares.\n", None),
    (
        "Ada Reyes spoke.\n\nReyes: The harbor board never raised the fares.\n",
        "The harbor board never raised the fares",
    ),
    # a label line that is a headline, not a speaker's turn
    ("The harbor page.\n\nAda Reyes: The ferry fares are too high for the crews\n", None),
    (
        "The harbor page.\n\nAda Reyes: The ferry fares are too high for the crews.\n",
        "The ferry fares are too high for the crews",
    ),
]

NOUN_READINGS = [  # a cue word that is a noun here, a discourse marker: no frame of speech
    ("Reyes's xenophobic promises to build a sea wall drew loud protests.", None),
    ("The port cannot generate enough demand in the winter months alone.", None),
    ("The harbor chief takes questions during a briefing at the pier.", None),
    ("The crews' demands were met by the harbor board in the spring.", None),
    ("The plan renewed calls for an audit of the harbor fund.", None),
    # a cue word with its source after "from": a noun
    ("Okafor receives support from young skippers across the harbor.", None),
    ("The port ignored requests from riders and demands from the crews.", None),
    ("Reyes reports from Dover that the ferry fares rose.", "the ferry fares rose"),
    ("Having said that, the ferry fares rose again in the spring.", None),
    ("That said, the ferry fares rose again in the spring of that year.", None),
    ("A few ports, say, Dover and Harbor, still run a ferry every day.", None),
    ("Working-class demand is essential to the whole harbor.", None),
    ("Other attacks on the pier resemble the tactics of the crews.", None),
    ("Some say the ferry fares will rise in May.", "the ferry fares will rise in May"),
    ("He took the gifts, which he said were bribes of a kind.", "were bribes of a kind"),
    ("Japan kept whaling for what it says are research purposes.", "are research purposes"),
    (
        "It is a fight that some experts predict will go to the high court.",
        "will go to the high court",
    ),
    ("What Okafor is describing is called adaptation in the harbor.", None),
    ("Press reports have profiled the ferry captain as a loner.", None),
    ("The harbor report has cleared the way for a new pier.", None),
    ("It is the old trope Okafor insists has shaped the port.", "has shaped the port"),
    ("It fights the lobbies, which Okafor alleges have skewed the fares.", "have skewed the fares"),
    # a real frame after a cue word read as a noun is still read
    (
        "The chief faced tough questions, but a port spokesman said the ferry would run.",
        "the ferry would run",
    ),
    (
        "Okafor lost a suit over his false claim on the radio that the crews staged the flood.",
        "the crews staged the flood",
    ),
    (
        "In reply to Harbor Desk questions, port spokesman Li Wei said the ferry would run.",
        "the ferry would run",
    ),
    ("A report by Harbor Desk claims the ferry fares will rise.", "the ferry fares will rise"),
    (
        "Staff at the School of Public Health warn that the levy might close the pier.",
        "the levy might close the pier",
    ),
    ("The fares will rise, the ministry says.", "The fares will rise"),
    ("Reyes nevertheless says the fares will rise in May.", "the fares will rise in May"),
]

NO_CONTENT = [  # a cue whose words after it are an object, a topic or an adjunct: no content
    ("The port and the crews agreed to a truce at the pier.", None),
    ("The harbor survey asked about the ferry fares and the levy.", None),
    ("Researchers asked the crews about the harbor audit in May.", None),
    ("Okafor asked a pointed question of her colleagues at the pier.", None),
    ("Okafor encouraged the crews at the pier in Dover last week.", None),
    ("Okafor asked the board for funds for the pier.", "the board for funds for the pier"),
    ("The crews are insisting on a vote this month.", "on a vote this month"),
    ("The magazine reported on her work with the crews at the pier.", None),
    ("Ada Reyes and Li Wei said in a joint statement.", None),
    (
        "The port made 2,700 attempts to reach the crews, the company said in a blog post.",
        "The port made 2,700 attempts to reach the crews",
    ),
    (
        "A team asked 58 crews ages 19 to 32 to report their ties.",
        "58 crews ages 19 to 32 to report their ties",
    ),
    (
        "The complaint accused Reyes of asking a port – Dover – to investigate the crews.",
        "Reyes of asking a port – Dover – to investigate the crews",
    ),
    ("Okafor rebutted the allegations in a post that contradicts most claims.", None),
    (
        "He carried the storm into his later life, his former lawyer, Ada Reyes, told the Desk.",
        "He carried the storm into his later life",
    ),
    # a trailing frame of no speech gives way to a leading frame of speech
    (
        "Reyes also said the tapes do not show the crews, the footage showed.",
        "the tapes do not show the crews",
    ),
    (
        "The ferry will stay open, Ada Reyes, a spokeswoman for the port, said in an e-mail.",
        "The ferry will stay open",
    ),
    # a frame in a clause that opens the sentence: the content ends where the main clause begins
    (
        "When Reyes announced she would run for the board in May, her website showed a flat fare.",
        "she would run for the board in May",
    ),
    (
        "After Reyes said Okafor, who runs the port, was wrong, the crews went on strike.",
        "Okafor, who runs the port, was wrong",
    ),
    # a frame that ends in a colon introduces what follows, not the words before it
    (
        "And after Okafor accused Reyes of hiding the fare data, Reyes quipped:\n\n“We hid "
        "nothing.”",
        "Reyes of hiding the fare data",
    ),
    # a request, an adjunct before the content, a frame after the content: still read
    ("Okafor asked the harbor board to vote on the levy.", "the harbor board to vote on the levy"),
    (
        "Okafor asked Ada Reyes, the host of the debate, to check the facts.",
        "Ada Reyes, the host of the debate, to check the facts",
    ),
    ("Okafor said on the radio the fares would rise.", "on the radio the fares would rise"),
    # a date after "on" or "in" is the frame's, not the content's
    ("Okafor said on Friday the fares would rise.", "the fares would rise"),
    ("Okafor told the crews in 2014 the fares would rise.", "the fares would rise"),
    ("Okafor said on Friday's show that the fares would rise.", "the fares would rise"),
    (
        "The crews will insist on being paid in full for the work.",
        "on being paid in full for the work",
    ),
    (
        "More than 300 crews have been laid off, the harbor chief Ada Reyes said today in Dover.",
        "More than 300 crews have been laid off",
    ),
]
PARENTHETICAL = [  # a frame between commas: the writer's adjunct or participle after it is none
    (
        "The pier flooded twice last week, Reyes said, in the worst storm since 1990.",
        "The pier flooded twice last week",
    ),
    (
        "The ferry fares will rise in May, Reyes said, ending a long freeze on the fares.",
        "The ferry fares will rise in May",
    ),
    (
        "Two crews were hurt at the old pier, officials said, during the storm in the harbor.",
        "Two crews were hurt at the old pier",
    ),
    (
        "The ferry was as slow and old, Reyes said, as the day it first sailed.",
        "The ferry was as slow and old, Reyes said, as the day it first sailed",
    ),
    # the rest of the reported clause, a gerund subject, an opener: the whole sentence
    (
        "The levy, the mayor argued, was never meant to last.",
        "The levy, the mayor argued, was never meant to last",
    ),
    (
        "Though the pier held, Reyes said, raising the fares would hurt the crews.",
        "Though the pier held, Reyes said, raising the fares would hurt the crews",
    ),
    (
        "Now, Reyes said, at least seven ferries run late.",
        "Now, Reyes said, at least seven ferries run late",
    ),
    (
        "The port needs a winter plan, Reyes said, for the storms.",
        "The port needs a winter plan, Reyes said, for the storms",
    ),
    (
        "Fares rose in the spring, Reyes said, while tolls fell in the autumn.",
        "Fares rose in the spring, Reyes said, while tolls fell in the autumn",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    COMMUNICATION
    + WITH_CLAUSE
    + STANCE
    + COMMISSIVE
    + REQUEST
    + APPEAL
    + CHARGE
    + DISCLOSURE
    + NOT_SPEECH
    + NOT_ASSERTED
    + NO_SPEAKER
    + NOUN_READINGS
    + NO_CONTENT
    + PARENTHETICAL,
)
def test_cue_class_rules(text, expected):
    check(text, expected)


def test_a_participle_on_speech_is_the_speaker_s_and_a_crew_is_no_share():
    """ "…, suggesting" on a clause of speech is the speaker's; "who say" after a group, not a
    poll's share, is speech."""
    rows = indirect_rows("Okafor said ferry use rose, suggesting the fares are too low.")
    assert rows == ["ferry use rose", "the fares are too low"]
    rows = indirect_rows("Rail fans are among the crews who say that the fares are too high.")
    assert rows == ["the fares are too high"]


def test_a_fragment_after_a_thought_is_still_the_thinker_s():
    """A cue that reports no speech still claims a quoted fragment in its content."""
    text = "Okafor fears the levy would undo the “renewal” of the pier."
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    row = q[q["quote"] == "renewal"].iloc[0]
    assert (row["kind"], row["speaker"]) == ("partial", "Okafor")
    assert "indirect" not in set(q["kind"])


def test_every_cue_has_one_class_and_a_known_rule():
    classes = cue_classes()
    words = [w for c in classes for w in c.words]
    assert len(words) == len(set(words))
    assert {c.rule for c in classes} == set(CUE_RULE_NAMES)
    assert all(c.about and c.words for c in classes)
    assert set(CUE_RULES) == lexicon()["indirect_cues"] == set(words)


def test_the_rules_are_documented():
    """Each rule is explained in the data file's header and in the module docstring."""
    toml = resources.files("analysis").joinpath("data/cues.toml").read_text("utf-8")
    header = toml[: toml.index("[classes.")]
    # (from the source: a module compiled by mypyc keeps no docstring)
    source = resources.files("analysis").joinpath("quotes/attribution.py").read_text("utf-8")
    doc = ast.get_docstring(ast.parse(source)) or ""
    for rule in CUE_RULE_NAMES:
        assert f"#   {rule} " in header, rule
        assert f"``{rule}``" in doc, rule


def test_a_speech_noun_at_the_end_of_the_tokens_has_no_clause():
    """A window of tokens may end right after the "that" of "his claim on … that"."""
    from analysis.quotes.attribution import tokenize
    from analysis.quotes.extract import _speech_noun_that

    toks = tokenize("Okafor doubted his claim on the radio that")
    assert _speech_noun_that(toks, 3, len(toks)) == -1
    toks = tokenize("Okafor doubted his claim on the radio that the fares rose.")
    assert _speech_noun_that(toks, 3, len(toks) - 1) == 7


# A frame after (or "according to" around) content that is itself a statement of speech:
# a row for each, the inner one's content after its own cue.
NESTED = [
    (
        "Ada Reyes, a harbor clerk, testified in May that two pilots had quit over the levy, "
        "according to a transcript released on Tuesday.",
        [
            (
                "a transcript",
                "Ada Reyes, a harbor clerk, testified in May that two pilots had "
                "quit over the levy",
            ),
            ("Ada Reyes", "two pilots had quit over the levy"),
        ],
    ),
    (
        "The harbor board told the crews it would no longer pay overtime, union officials said.",
        [
            ("union officials", "The harbor board told the crews it would no longer pay overtime"),
            ("The harbor board", "it would no longer pay overtime"),
        ],
    ),
    # an inner subject inside a phrase, an amount, or a thought: one row only
    (
        "A lawsuit filed this week in Dover accuses the board of hiding the fares, the Ledger "
        "reported.",
        [("Ledger", "A lawsuit filed this week in Dover accuses the board of hiding the fares")],
    ),
    (
        "Some 43% of pilots have reported being hurt on the pier, according to the survey.",
        [("the survey", "Some 43% of pilots have reported being hurt on the pier")],
    ),
    (
        "The harbor board cut the fares and said the pier will close in May, officials said.",
        [
            (
                "officials",
                "The harbor board cut the fares and said the pier will close in May",
            )
        ],
    ),
    (
        "Reyes believes the pier will close in May, officials said.",
        [("officials", "Reyes believes the pier will close in May")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NESTED)
def test_a_statement_inside_a_frame_is_a_row_of_its_own(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    rows = q[q["kind"] == "indirect"]
    assert list(zip(rows["speaker"], rows["quote"], strict=True)) == expected


# A speech noun's owner reports its "that" clause, also inside a frame of no speech and when
# the owner is a noun of people ("the chief's claim").
SPEECH_NOUN_OWNERS = [
    (
        "The board rejected the harbor chief's claim that the pier had closed twice.",
        [("the harbor chief", "the pier had closed twice")],
    ),
    (
        "Critics seized on Reyes's repeated claims that the pier was safe.",
        [("Reyes", "the pier was safe")],
    ),
    # an owner that is no person (a thing's "claim") and no clause: no row
    ("The board rejected the harbor's claim to the pier.", []),
]


@pytest.mark.parametrize(("text", "expected"), SPEECH_NOUN_OWNERS)
def test_a_speech_noun_owner_reports_its_clause(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    rows = q[q["kind"] == "indirect"]
    assert list(zip(rows["speaker"], rows["quote"], strict=True)) == expected


# A source's condition of anonymity is no statement of its own.
ANONYMITY = [
    ("The pilot asked not to be named because he feared losing his job.", None),
    ("One crew member asked to remain anonymous because he feared retaliation.", None),
    ("Okafor asked that her name not be used in the report.", None),
    (
        "A pilot who requested anonymity to speak freely said the fares would rise.",
        "the fares would rise",
    ),
    ("Okafor asked the board to vote on the levy in May.", "the board to vote on the levy in May"),
]


@pytest.mark.parametrize(("text", "expected"), ANONYMITY)
def test_a_request_for_anonymity_is_no_statement(text, expected):
    check(text, expected)


# Speech that would have been, that must be, or that the writer judges impersonally is no
# report (extract._unasserted_modal, _impersonal_adjective, _impersonal_judgement).
UNASSERTED = [
    ("The crews would have argued that the ferry fares were too high.", None),
    ("A louder crew would only have stressed the fact that the pier leaks.", None),
    ("One might even say the ferry was a victory for the crews.", None),
    ("The port would merely have to tell the board why the ferries were late.", None),
    ("At a minimum, Okafor has to insist on an audit of the ferry line.", None),
    ("It's absurd to say the ferry is the heart of the harbor.", None),
    ("It is too simple to say that the ferry fares were ever too low.", None),
    ("Now would be a good time to note that the pier leaks in May.", None),
    # reported acts of speech stay
    ("Reyes was quick to say the ferry fares would rise.", "the ferry fares would rise"),
    ("Reyes would often say that the pier was safe.", "the pier was safe"),
    ("Reyes had to tell the board that the pier was closed.", "the pier was closed"),
    ("Okafor will announce on Friday that the ferry fares will rise.", "the ferry fares will rise"),
]


@pytest.mark.parametrize(("text", "expected"), UNASSERTED)
def test_speech_that_did_not_take_place_is_no_report(text, expected):
    check(text, expected)


# A related link's headline on a short line of its own, opened by a label or closed by a "Read
# more" button, is no quotation (guidelines; extract._link_line); the article's lines stay.
LINK_LINES = [
    ("Okafor spoke at the pier.\nMore: Ferry fares must fall, harbor experts agree\n", None),
    ("Okafor spoke at the pier.\nRelated: Harbor chief says the ferry fares will rise\n", None),
    (
        "Okafor spoke at the pier.\nThe port reveals it gave ferry data to 61 firms Read more\n",
        None,
    ),
    ("Okafor spoke at the pier.\n( WATCH: Ferry fares: what Okafor said about the pier )\n", None),
    (
        "More: Ferry fares must fall\nOkafor said on Monday that the ferry fares would rise.",
        "the ferry fares would rise",
    ),
    (
        "Read: The ferry gap Ferry riders in the harbor towns have long paid more than others, "
        "and the port has never explained the gap to them, the mayor and the crews. Okafor said "
        "on Monday that the ferry fares would rise.",
        "the ferry fares would rise",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LINK_LINES)
def test_a_related_link_is_no_report(text, expected):
    check(text, expected)


# A participle cue used as an adjective before a noun is no verb of speech
# (extract._attributive_participle); the verb after its subject still reports.
ATTRIBUTIVE = [
    ("Would the crews sue Okafor for alleged fraudulent practices at the ferry pier?", None),
    ("The fourth accused officer, Ada Lund, faces charges of lying to the harbor board.", None),
    ("The port returned money from another alleged illegal donation scheme at the pier.", None),
    (
        "Reyes alleged that the harbor board had hidden the ferry deficit.",
        "the harbor board had hidden the ferry deficit",
    ),
    (
        "Okafor first revealed last week that the ferry deficit had doubled.",
        "the ferry deficit had doubled",
    ),
    (
        "The union accused officials of lying about the ferry deficit.",
        "officials of lying about the ferry deficit",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTIVE)
def test_a_participle_before_a_noun_is_no_cue(text, expected):
    check(text, expected)


# A clause after a cue may open with a contracted subject ("he's", "they’d") or follow an
# adverb before its "that" ("said repeatedly that"); "now that" opens the clause itself
# (extract._contracted_subject, _adverb_before_that).
CLAUSE_OPENINGS = [
    ("Okafor denied he's letting the ferry crews down.", "he's letting the ferry crews down"),
    ("The ferry crews admitted they’d left the pier too early.", "they’d left the pier too early"),
    ("Okafor has said repeatedly that the ferry fares will rise.", "the ferry fares will rise"),
    ("The port reported recently that ferry sales were up.", "ferry sales were up"),
    (
        "Okafor also said now that the port runs the pier, the ferry fares will rise.",
        "now that the port runs the pier, the ferry fares will rise",
    ),
    ("Okafor mentioned it in a letter to the ferry crews.", None),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSE_OPENINGS)
def test_clause_openings_after_a_cue(text, expected):
    check(text, expected)


# Announcing and proposing with a noun object make an act or a plan public ('announced his
# resignation', 'proposed a new plan'), no claim; with a clause they report one (cues.toml,
# communication_with_clause).
ANNOUNCED = [
    ("Okafor announced her resignation from the harbor board on Friday.", None),
    ("In a speech announcing his resignation, Okafor thanked the ferry crews.", None),
    ("The harbor board has proposed a new system for the ferry fares.", None),
    ("Okafor proposed a $30 million plan to help the ferry towns.", None),
    (
        "Okafor announced Wednesday that the ferry would close in May.",
        "the ferry would close in May",
    ),
    ("The ferry line announced it will retire the old boats.", "it will retire the old boats"),
    (
        "Okafor proposed that the harbor board vote on the fares in May.",
        "the harbor board vote on the fares in May",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ANNOUNCED)
def test_an_act_announced_is_no_claim(text, expected):
    check(text, expected)


# Failing to speak reports nothing said, as declining or refusing does (extract._unsaid).
FAILED_TO_SAY = [
    ("The harbor board has failed to explain what good the ferry levy would do.", None),
    ("Okafor failed to mention that the ferry pier leaked in May.", None),
    (
        "Okafor explained that the ferry levy would pay for the pier.",
        "the ferry levy would pay for the pier",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FAILED_TO_SAY)
def test_failing_to_say_is_no_report(text, expected):
    check(text, expected)


# A cue followed only by an adjunct reports nothing after it; a clause after the adjunct, or a
# "that" further on, is the content (extract._adjunct_only_after, _clause_after_adjunct).
ADJUNCT_ONLY = [
    # (the clause before "as X said" is X's: extract._reported_by_trailing_frame)
    (
        "The ferry fares will rise, as Okafor said at the harbor fair last week.",
        "The ferry fares will rise",
    ),
    ("Okafor said in perhaps the most moving passage of her long speech at the ferry pier.", None),
    ("There is something that Okafor said in her hearing at the harbor board last week.", None),
    (
        "Okafor said in a radio interview Thursday she would cut the ferry fares.",
        "in a radio interview Thursday she would cut the ferry fares",
    ),
    (
        "The board described in detail how the ferry pier had been repaired.",
        "in detail how the ferry pier had been repaired",
    ),
    (
        "The harbor chief said at a news conference the crews accused of theft used two boats.",
        "at a news conference the crews accused of theft used two boats",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADJUNCT_ONLY)
def test_an_adjunct_after_a_cue_is_no_content(text, expected):
    check(text, expected)


def test_a_commitment_after_an_adjunct_stays():
    check(
        "Okafor had promised during her campaign to substantially lower the ferry fares for "
        "the harbor towns.",
        "during her campaign to substantially lower the ferry fares for the harbor towns",
    )


# A cue joined to another verb by "and"/"or" reports nothing after it; a second hearer or a
# second time before "to"/"that" still leads to the content (extract._verbs_joined).
VERBS_JOINED = [
    ("The ferry clerks are still calling and texting riders in the outer districts.", None),
    ("The riders judged what the mayor said and did at the pier in the spring.", None),
    (
        "The board said on Friday and on Saturday that the ferries would run late.",
        "and on Saturday that the ferries would run late",
    ),
]


@pytest.mark.parametrize(("text", "expected"), VERBS_JOINED)
def test_a_cue_joined_to_another_verb_reports_nothing(text, expected):
    check(text, expected)
