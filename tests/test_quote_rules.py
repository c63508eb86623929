"""The quote rules of analysis/quotes.py as case tables: one row per rule, taken from the
example sentences in the rules' docstrings (invented sentences, not copied from any corpus).

Each row is ``(text, quote, speaker, cue, kind)``: the article ``text`` has one row whose
quoted words are ``quote``, with that speaker (canonical name), cue and kind (None: none).
Only the public ``extract_quotes`` runs.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.extract import (
    _collect_names,
    _given_name_sex,
    _name_info,
    _name_runs,
    _quote_is_predicate,
    _sex_beside,
    _title_surname,
    _undashed_signature,
    _without_place_of,
)
from analysis.quotes.resolve import (
    is_adverb_phrase,
    is_prepositional,
    is_pronoun_clause,
    is_sentence_adverb,
    is_verb_phrase,
    organisation_by_usage,
    place_by_usage,
)


def row_of(text: str, quote: str) -> tuple[str | None, str | None, str]:
    """(speaker, cue, kind) of the one row of ``text`` whose quoted words are ``quote``; the
    speaker is the mention as written when it names nobody (an unresolved "she")."""
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    rows = q[q["quote"] == quote]
    assert len(rows) == 1, f"expected one row {quote!r}, got:\n{q[['quote', 'kind']]}"
    r = rows.iloc[0]
    speaker = None if pd.isna(r["speaker"]) else r["speaker"]
    if speaker is None and not pd.isna(r["speaker_start"]):
        speaker = text[int(r["speaker_start"]) : int(r["speaker_end"])]
    cue = None if pd.isna(r["cue"]) else r["cue"]
    return speaker, cue, r["kind"]


def check(text: str, quote: str, speaker: str | None, cue: str | None, kind: str) -> None:
    assert row_of(text, quote) == (speaker, cue, kind)


# Rules that read no one's words: layout, titles, names.
NO_SPEAKER = [
    # a share of people is a poll's finding: its marks hold the poll's wording
    ("By May, 58 percent of riders rated the ferry “very positive” on the whole.",
     "very positive", None, None, "scare"),
    ("Six in 10 riders on the night ferry rated the timetable “rather confusing” in May.",
     "rather confusing", None, None, "scare"),
    # an adverb opening the sentence is no one's name
    ("Conversely, the board rated 22 of its claims as “entirely true” last year.",
     "entirely true", None, None, "scare"),
    # "it" before a linking verb states what something is: its fragment is nobody's words
    ("The ferry board met. It is “unfortunate” that the harbor has no pilots.",
     "unfortunate", None, None, "scare"),
    ("The agency spent millions. It was a long way from the “harbor of the future” it sold.",
     "harbor of the future", None, None, "scare"),
    ("The board ruled late. Still, it might be enough to tar Lund with the “soft on fares” label.",
     "soft on fares", None, None, "scare"),
    (
        "The harbor report came out on Monday.\n\n“FERRY FARES RISE”\n\nThe council voted.",
        "FERRY FARES RISE", None, None, "scare",
    ),
    ("The ad, entitled “Harbor Days”, ran twice on Sunday.", "Harbor Days", None, None, "scare"),
    ("She hosts WKRV's “Harbor Hour” on Sundays.", "Harbor Hour", None, None, "scare"),
    (
        "Critics of the plan worry about the “renewal” of the waterfront.",
        "renewal", None, None, "scare",
    ),
    (
        "When the crews went into the depot, the door “burst open” moments later.",
        "burst open", None, None, "scare",
    ),
]

# The frame after the closing mark (_post_frame and its rules).
AFTER_QUOTE = [
    ("“We will not wait,” added Katz.", "We will not wait,", "Katz", "added", "direct"),
    ("“Fares rise in May,” the report notes.", "Fares rise in May,", "the report", "notes",
     "direct"),
    ("“We will not wait,” said Lund.", "We will not wait,", "Lund", "said", "direct"),
    (
        "“We will not wait!” the county's top engineer, Dana Okafor, tweeted.",
        "We will not wait!", "Dana Okafor", "tweeted", "direct",
    ),
    ("“We will not wait,” Bennett shot back.", "We will not wait,", "Bennett", None, "direct"),
    (
        "“We stay in the harbor!” beamed Hugo Hartley.",
        "We stay in the harbor!", "Hugo Hartley", "beamed", "direct",
    ),
    (
        "“Look at that,” an old fisherman muttered.",
        "Look at that,", "an old fisherman", "muttered", "direct",
    ),
    (
        "“We will not wait,” Councilor Ada Brennan, a longtime ally, said.",
        "We will not wait,", "Ada Brennan", "said", "direct",
    ),
    (
        "The levy is “a gift to landlords,” WKRV reported.",
        "a gift to landlords,", "WKRV", "reported", "partial",
    ),
    (
        "The levy is “a gift to landlords” at best, she said.",
        "a gift to landlords", "she", "said", "partial",
    ),
]

# The frame before the opening mark (_speaker_before_quote and the rules beside it).
BEFORE_QUOTE = [
    (
        "Katz wrote, “We will not wait for the state.”",
        "We will not wait for the state.", "Katz", "wrote", "direct",
    ),
    (
        "Katz wrote on Friday, “We will not wait for the state.”",
        "We will not wait for the state.", "Katz", "wrote", "direct",
    ),
    (
        "Katz wrote that the levy was “a gift to landlords.”",
        "a gift to landlords.", "Katz", "wrote", "partial",
    ),
    (
        "Councilor Reyes: “We will not wait for the state.”",
        "We will not wait for the state.", "Reyes", ":", "direct",
    ),
    (
        "When Okafor proposed the levy, Brandt shot back: “Never, not while I sit here.”",
        "Never, not while I sit here.", "Brandt", ":", "direct",
    ),
    (
        "After Okafor criticized the levy, Reyes shot back, “We will not wait for the state.”",
        "We will not wait for the state.", "Reyes", None, "direct",
    ),
    (
        "Reyes said:\n\n“We will not wait for the state.”",
        "We will not wait for the state.", "Reyes", "said", "direct",
    ),
    (
        "When Lund retired, the mayor issued this statement:\n\n“We will miss him every day.”",
        "We will miss him every day.", "the mayor", ":", "direct",
    ),
    (
        "The plan was long labeled a “boondoggle” by the county's auditors.",
        "boondoggle", "the county's auditors", "labeled", "partial",
    ),
    (
        "Reyes released a memo titled “The Facts on the Ferry” on Monday.",
        "The Facts on the Ferry", "Reyes", None, "partial",
    ),
    (
        "The levy was, in Okafor's words, “a gift to landlords.”",
        "a gift to landlords.", "Okafor", None, "direct",
    ),
    (
        "Brennan shared her doubts with the crowd, “This levy will not pass the council.”",
        "This levy will not pass the council.", "Brennan", None, "direct",
    ),
    (
        "Ivo Reyes Blames The Rise Of Rents On ‘Reckless’ Harbor Plan\n\n"
        "Mayor Ivo Reyes spoke at the pier on Monday.",
        "Reckless", "Ivo Reyes", None, "partial",
    ),
    (
        "Reyes has called the levy “a gift to landlords” in the past.",
        "a gift to landlords", "Reyes", "called", "partial",
    ),
    ("Reyes described the plan as “reckless” on Monday.", "reckless", "Reyes", "described",
     "partial"),
]

# The speaker of a cue (_cue_speaker: participles and finite verbs).
CUE_SPEAKER = [
    (
        "Reyes was asked by moderator Dana Okafor, “Will the fares rise?”",
        "Will the fares rise?", "Dana Okafor", "asked", "direct",
    ),
    (
        "He laughed and said, “We will not wait for the state.”",
        "We will not wait for the state.", "He", "said", "direct",
    ),
    (
        "Okafor released a statement saying “the levy is a gift to landlords.”",
        "the levy is a gift to landlords.", "Okafor", "saying", "partial",
    ),
    (
        "Bernstein held up a sign saying “Save our ferry now.”",
        "Save our ferry now.", "a sign", "saying", "partial",
    ),
    (
        "Six councillors faulted Ada Okafor’s tweet calling the levy “a gift to landlords.”",
        "a gift to landlords.", "Ada Okafor", "calling", "partial",
    ),
    (
        "The crews held a joint statement – Reyes saying he was “very encouraged” by the talks.",
        "very encouraged", "Reyes", "saying", "partial",
    ),
    (
        "The levy passed, with Sen. Odile Brandt calling it a “paper promise” for the crews.",
        "paper promise", "Odile Brandt", "calling", "partial",
    ),
    (
        "Owen Marsh, who ran the ferry board, said the tram was “a plan for nobody.”",
        "a plan for nobody.", "Owen Marsh", "said", "partial",
    ),
    (
        "“Fares will rise by spring,” Ada Brennan and Li Wei, analysts with Harbor Research, "
        "wrote in a note.",
        "Fares will rise by spring,", "Ada Brennan and Li Wei", "wrote", "direct",
    ),
    (
        "“We stay open all night,” tweeted singer/songwriter Ada Brennan.",
        "We stay open all night,", "Ada Brennan", "tweeted", "direct",
    ),
]

# A speaker carried over from another quotation or sentence (_speaker_of_piece).
CARRIED = [
    (
        "Ortiz said that the ferry would stay.\n\n“That’s why we fought so hard for it.”",
        "That’s why we fought so hard for it.", "Ortiz", "said", "direct",
    ),
    (
        "“First, the fares come down.” “Second, the crews get paid,” she said.",
        "First, the fares come down.", "she", "said", "direct",
    ),
    (
        "“We will not wait for the state.”\n\n- Tomas Reyes",
        "We will not wait for the state.", "Tomas Reyes", "-", "direct",
    ),
    (
        "From the harbor\n\n“The fares must come down before the crews leave.”\n\n"
        "Ada Brennan and Li Wei, Harbor Courier\n\nMore views follow.",
        "The fares must come down before the crews leave.", "Ada Brennan and Li Wei", "-",
        "direct",
    ),
    (
        "Mayor Ana Reyes spoke to Dan Cole on Sunday. A transcript follows:\n\n"
        "\"COLE: Will the fares rise?\n\n\"REYES: We will not wait for the state.\"",
        "REYES: We will not wait for the state.", "Ana Reyes", ":", "direct",
    ),
    (
        "Mayor Ana Reyes met the crews on Sunday. “We will not wait for the state.”",
        "We will not wait for the state.", "Ana Reyes", None, "direct",
    ),
    (
        "The harbor board met on Sunday. “We will not wait for the state.”",
        "We will not wait for the state.", None, None, "direct",
    ),
    (
        "“We stay,” Okafor said on Friday. “The levy stays” until the council votes.",
        "The levy stays", "Okafor", "said", "partial",
    ),
]

# Reported speech (_indirect_in and its frames) and the quotations it claims.
REPORTED = [
    (
        "Reyes said the fares would rise in May.",
        "the fares would rise in May", "Reyes", "said", "indirect",
    ),
    # A time right after the cue is the frame's when a clause follows it, the content's when
    # it is the clause's subject or owner.
    (
        "Reyes said Wednesday she would vote against the levy.",
        "she would vote against the levy", "Reyes", "said", "indirect",
    ),
    (
        "The ferry line said earlier this week it had reached a deal with the crews.",
        "it had reached a deal with the crews", "The ferry line", "said", "indirect",
    ),
    (
        "Reyes said Monday’s vote was a disgrace to the harbor.",
        "Monday’s vote was a disgrace to the harbor", "Reyes", "said", "indirect",
    ),
    (
        "According to the port authority, ridership has doubled since May.",
        "ridership has doubled since May", "the port authority", "according to", "indirect",
    ),
    (
        "Ridership has doubled since May, according to the port authority.",
        "Ridership has doubled since May", "the port authority", "according to", "indirect",
    ),
    (
        "The fares will rise next spring, Reyes said on Friday.",
        "The fares will rise next spring", "Reyes", "said", "indirect",
    ),
    (
        "The hashtag, he said, was used a million times in a week.",
        "The hashtag, he said, was used a million times in a week", "he", "said", "indirect",
    ),
    (
        "Reyes vowed to repeal the levy before the summer.",
        "to repeal the levy before the summer", "Reyes", "vowed", "indirect",
    ),
    (
        "Reyes called for an outside auditor, citing the costs.",
        "an outside auditor", "Reyes", "called", "indirect",
    ),
    (
        "Okafor said the fares would rise, adding that the crews would be paid.",
        "the fares would rise", "Okafor", "said", "indirect",
    ),
    (
        "Okafor said the fares would rise, adding that the crews would be paid.",
        "the crews would be paid", "Okafor", "adding", "indirect",
    ),
    (
        "Harbor Foods, which makes syrup, said its jars — which look like lighthouses — are "
        "meant to evoke a “sturdy harbor.”",
        "sturdy harbor.", "Harbor Foods", "said", "partial",
    ),
    (
        "The councilors slammed Ana Reyes for her claims in the press that there was "
        "“more than enough evidence” of fraud.",
        "more than enough evidence", "Ana Reyes", "claims", "partial",
    ),
    (
        "Reyes defended herself during Monday’s hearing – pointing to evidence of fraud in the "
        "harbor accounts.",
        "evidence of fraud in the harbor accounts", "Reyes", "pointing", "indirect",
    ),
    (
        "Mayor Ana Reyes laughed off the fuss, saying any skipper who grumbles over a dock "
        "“was never a real sailor.”",
        "was never a real sailor.", "Ana Reyes", "saying", "partial",
    ),
    (
        "The fares will rise, said Ana Lund — the harbor's chief — on Monday.",
        "The fares will rise", "Ana Lund", "said", "indirect",
    ),
    (
        "Budget watchers note the ministry wouldn’t really “cut” the scheme.",
        "cut", "Budget watchers", "note", "partial",
    ),
    (
        "Reyes fears the levy will drain the fund, anger the crews and undo the ‘renewal’ of "
        "the waterfront.",
        "the levy will drain the fund, anger the crews and undo the ‘renewal’ of the waterfront",
        "Reyes", "fears", "partial",
    ),
    # A coordinated subject speaks as one: names, a list of names, plural nouns.
    (
        "Ana Lund and Ivo Reyes said the fares would rise.",
        "the fares would rise", "Ana Lund and Ivo Reyes", "said", "indirect",
    ),
    (
        "Ana Lund, Ivo Reyes and Mia Park said the fares would rise.",
        "the fares would rise", "Ana Lund, Ivo Reyes and Mia Park", "said", "indirect",
    ),
    (
        "Both Ana Lund and Ivo Reyes said the fares would rise.",
        "the fares would rise", "Ana Lund and Ivo Reyes", "said", "indirect",
    ),
    (
        "But skippers and dockers said the fares would rise.",
        "the fares would rise", "skippers and dockers", "said", "indirect",
    ),
    # A time phrase between the subject and the cue, or between the cue and "that".
    (
        "Harbor Chief Ana Lund earlier this week said the fares would rise.",
        "the fares would rise", "Ana Lund", "said", "indirect",
    ),
    (
        "The ferry line announced Wednesday that it would retire the old boats.",
        "it would retire the old boats", "The ferry line", "announced", "indirect",
    ),
    # A spaced hyphen opens an aside: its noun phrase is not the subject.
    (
        "Lund - angered by the vote - said earlier on Wednesday that the fares would rise.",
        "the fares would rise", "Lund", "said", "indirect",
    ),
    # A cue joined after a fragment is a second frame, adjuncts and all.
    (
        "Reyes called the harbor levy “a swindle,” and said on the radio that the fares would "
        "rise.",
        "the fares would rise", "Reyes", "said", "indirect",
    ),
    # "told": past the addressee, a clause; "told the council" takes the determiner's noun.
    (
        "Reyes told the council he would resign.",
        "he would resign", "Reyes", "told", "indirect",
    ),
    (
        "Reyes told reporters the fares would rise.",
        "the fares would rise", "Reyes", "told", "indirect",
    ),
    # A participle frame of the fragment ends the report before it; both keep a row.
    (
        "The ferry line announced Wednesday that it will retire the old boats, saying the "
        "hulls were “beyond repair.”",
        "it will retire the old boats", "The ferry line", "announced", "indirect",
    ),
    # "said" followed by a clause subject and its auxiliary is no inverted frame.
    (
        "Reyes, who called the plan “reckless,” said the fares would rise.",
        "reckless,", "Reyes", "called", "partial",
    ),
    # The particle of a phrasal cue is no part of the content; "called out" is a rebuke.
    (
        "Ada Brennan pointed out that the depot had closed twice since May.",
        "the depot had closed twice since May", "Ada Brennan", "pointed", "indirect",
    ),
    (
        "The mayor called out the harbor board for failing to publish the figures.",
        "the harbor board for failing to publish the figures", "The mayor", "called", "indirect",
    ),
    # A number's thousands comma is inside the subject.
    (
        "For her launch in Dover, 20,000 people swarmed downtown chanting, “Ada! Ada!”",
        "Ada! Ada!", "20,000 people", "chanting", "direct",
    ),
    # A speech noun with its owner and a "that" clause, when no verb frames the sentence.
    (
        "There is no evidence for Lund’s claim that most skippers lost money in May.",
        "most skippers lost money in May", "Lund", "claim", "indirect",
    ),
    # "went" frames a quotation only as "went on".
    (
        "After the laughter died down, Reyes went on, “It is enough to make you wonder.”",
        "It is enough to make you wonder.", "Reyes", "went", "direct",
    ),
]


# Words that are no reported speech: poll shares, "told" without a clause.
NOT_REPORTED = [
    "A plurality of voters said they oppose the levy.",
    "Nearly two-thirds of renters say they favor the levy.",
    "Six in 10 of the skippers said the fares were too high.",
    "Roughly three out of 10 tenants said rents would keep rising.",
    "Most riders backed the levy, and nine in 10 said the fares were too high.",
    "The mayor told her weekly news briefing on Monday.",
    "A harbor official told the news agency on condition of anonymity.",
    "The mayor called out several problems at the depot.",
    "Lund made more than 40,000 phone calls in the final three weeks.",
]


# A cue word that is no verb of speech here (a noun or an adjective after modifiers, a
# participle hung on a noun, a passive) gives no indirect row; the same word as a verb after
# its subject does: (text, whether an indirect row is found).
CUE_READINGS = [
    ("A hotly disputed claim that the levy was illegal spread online.", False),
    ("Reyes answered with a politically charged remark about the port.", False),
    ("The board praised her dogged questioning of the harbor chief on Monday.", False),
    ("An evidence-free claim that the fares doubled went around the docks.", False),
    ("The audit raises far more pressing questions about the depot.", False),
    ("The crews had heard reports that the depot would close.", False),
    ("The figure does not appear in reports the panel filed last year.", False),
    ("A skipper charged under the statute can be fined up to a year's wages.", False),
    ("Footage tweeted from the pier shows the crowd at the gate.", False),
    ("The delays being described sound like the strike of 1998.", False),
    ("Reyes has repeatedly claimed that the fares would rise.", True),
    ("The union publicly charged that the board had lied.", True),
    ("The union charged in a statement the board had lied.", True),
    ("The port reported in May 2020 that ridership had doubled.", True),
    ("The port reported on Monday it would close the depot.", True),
    ("She's repeatedly argued the fares are too high.", True),
    ("The ad used racially charged criticism of the crews at the pier.", False),
    ("The union then publicly charged that the board had lied.", True),
    ("The row began with a 40-page harbor audit report detailing the losses at the depot.", False),
    ("The crews raised many of the same questions we ask today about the depot.", False),
    ("A Harbor Desk report from May that the fares would rise alarmed the crews.", True),
    ("A handful of skippers claim the fares have doubled since May.", True),
    ("A cousin called the depot and got through to the night desk.", False),
    ("Her brother called her from the ferry terminal near the pier.", False),
    ("The council passed a wider statute called the Harbor Safety Act of 1968.", False),
    ("Reyes called her vote in favor of the levy a mistake.", True),
    ("Reyes called the levy a scam on Monday.", True),
    ("When Reyes mentioned it in a letter to the board, the crews struck.", False),
    ("Reyes admitted it was too late to stop the levy.", True),
    # a "Label:" line: a fact box's entry or a byline is no statement, a headline is
    ("The depot.\n\nHeadquarters: Port Ellen, Maine.\n\nIt opened in May.", False),
    ("The crews.\n\nAda Reyes: harbor editor and former skipper at the depot.", False),
    ("The crews.\n\nPoll: Skippers Abandon the Levy for a Toll on the Bridge.", True),
    # "states" after a counting word or capitals that name a kind of state is the noun
    ("The port must tell the other Gulf states that the ferry will run.", False),
    ("Blue states, such as Dover, were hit first by the strike.", False),
    ("Twenty-one states now have more ferry piers than ferries.", False),
    ("Ferries run in more than a dozen states that adhere to the rules.", False),
    ("It lists some once reliably Democratic states that Lund carried.", False),
    ("The crews sail to some European states with the cargo.", False),
    ("Ada Okafor states that the fares will rise in May.", True),
    ("The Harbor Board states that the fares will rise in May.", True),
    ("The charter, which states that fares are fixed, was signed.", True),
]


# A sentence opener or a full stop after a title word is no part of the fullest name.
OPENER_NAMES = [
    (
        "The crews met at the White House. After Lund spoke, the board left.\n\n"
        "Lund said the fares would rise.",
        "Lund",
    ),
    ("Has Lund not read the report? Lund said the fares would rise.", "Lund"),
    ("Remember, Lund said the fares would rise.", "Lund"),
    ("Consider Ivo Lund. He said the fares would rise.", "Ivo Lund"),
    ("Parliamentarian Ivo Lund said the fares would rise.", "Ivo Lund"),
    ("Ivo Lund sailed in May. The top U.S. envoy in Norway Ivo Lund said the fares would rise.",
     "Ivo Lund"),
    ("Georgia Ann Lund said the fares would rise.", "Georgia Ann Lund"),
    # One word twice is no name: two headlines run together.
    ("Critics try to beat Lund Lund threatens the board MORE spoke. Lund said the fares "
     "would rise.", "Lund"),
    # No adverb, and no piece of a hyphenated word, opens a name.
    ("Polls show the Never Lund camp growing. Lund said the fares would rise.", "Lund"),
    ("Critics of the un-Harbor Lund era spoke. Lund said the fares would rise.", "Lund"),
    ("In 1992 then-Mayor Ada Lund spoke. Lund said the fares would rise.", "Ada Lund"),
    # A role two people hold is the one the article named last, else the one written with
    # it most often.
    ("President Ivo Reyes spoke in 1990. President Lund spoke. President Lund left.\n\n"
     "The president said the fares would rise.", "Lund"),
    ("President Ivo Reyes spoke in 1990. President Ivo Reyes left in 1994. President Ada Lund "
     "spoke. Lund left.\n\nThe president said the fares would rise.", "Ada Lund"),
    # Two people of one surname: "President Lund" is neither full name.
    ("Ada Lund and Ivo Lund waved. President Lund spoke.\n\n"
     "The president said the fares would rise.", "Lund"),
    ("The former ambassador to Norway Ada Maria Lund said the fares would rise.",
     "Ada Maria Lund"),
    ("The Director of National Intelligence Ivo Reyes said the fares would rise.", "Ivo Reyes"),
    ("Students for Fair Fares said the fares would rise.", "Students for Fair Fares"),
    ("Former Vice President Ada Lund spoke in Dover. The president said the fares would rise.",
     "The president"),
    # An ordinary word opening a sentence, which the article writes in lower case too.
    ("Take Ivo Lund, for instance. We take his word: Lund said the fares would rise.",
     "Ivo Lund"),
    ("Should Ivo Lund worry us? We should ask. Lund said the fares would rise.", "Ivo Lund"),
    # ... or that news writes in lower case nearly always, where this article never does.
    ("Take Ivo Lund, for instance. Lund said the fares would rise.", "Ivo Lund"),
    # An employer's possessive before the name goes, a place's name with it ("New York
    # Post's", not "York Post's" left before the name).
    ("New York Post's Ivo Lund concurs: “We know the fares would rise”.", "Ivo Lund"),
    # A headline's words in a run of capitals, and two names glued by a hyphen.
    ("REYES CLAIMS LUND\n\nLund said the fares would rise.", "Lund"),
    ("Voters Actively Courting Lund\n\nLund said the fares would rise.", "Lund"),
    ("Ranking Member Ivo Lund spoke. Ivo Lund left.\n\nLund said the fares would rise.",
     "Ivo Lund"),
    ("Ada Reyes spoke. The Ada Reyes-Ivo Lund debate ran late.\n\nLund said the fares would rise.",
     "Ivo Lund"),
    ("Will Lund left. He will stay. Lund said the fares would rise.", "Will Lund"),
    ("I’m Ada Lund. Lund said the fares would rise.", "Ada Lund"),
    ("Would I go? I would. “No,” Lund said. He said the fares would rise.", "Lund"),
    # A name after "the" is no person ("the Harbor Depression").
    ("Since the Harbor Depression, boats sank, he said.\n\nHe said the fares would rise.",
     None),
    # A link card: the name, then the legal name glued to a headline.
    ("Sen. Ada Lund Ada Maria LundHarbor board votes MORE spoke on Monday. Lund said the "
     "fares would rise.", "Ada Lund"),
]


# A person written by the given name alone is the one full name the article opens with it.
GIVEN_NAMES = [
    ("Ada Lund runs the ferry.\n\nAda said the fares would rise.", "Ada Lund"),
    ("Ada Lund and Ada Reyes run the ferry.\n\nAda said the fares would rise.", "Ada"),
    # A place or a body is no given name: "in Dover", "Dover Riots".
    ("Boats burned in Dover. See Dover Riots.\n\nDover said the fares would rise.", "Dover"),
    ("Kit Harbor Research runs it.\n\nKit said the fares would rise.", "Kit"),
    # A link card's legal name after a surname is no name ("Lund Ivo Peter"); a family name
    # first keeps its name ("President Xi Jin").
    ("President Lund Ivo Peter LundHarbor votes MORE spoke. Lund said the fares would rise.",
     "Lund"),
    ("President Xi Jin spoke in Dover. Xi said the fares would rise.", "Xi Jin"),
    ("Mr. Xi spoke in Dover, home of Xi Jin. Xi said the fares would rise.", "Xi Jin"),
    # A word written alone before the full name that opens with it names no one by it.
    ("Lund spoke. Critics mock Lund Quarrystone.\n\nLund said the fares would rise.", "Lund"),
]


# A name is the speaker whole: an organisation with "and" or a modifier inside, a party label,
# a surname before a suffix.
WHOLE_NAMES = [
    ("The Centers for Ferry Safety and Prevention said the fares would rise.",
     "Centers for Ferry Safety and Prevention"),
    ("The Department of Harbors and Human Services said the fares would rise.",
     "Department of Harbors and Human Services"),
    ("The Federal Reserve said the fares would rise.", "Federal Reserve"),
    ("Saudi Arabia said the fares would rise.", "Saudi Arabia"),
    ("By May the fares would rise, according to the Bureau of Labor Statistics.",
     "Bureau of Labor Statistics"),
    ("Labor Secretary Ivo Lund said the fares would rise.", "Ivo Lund"),
    ("Ada Lund and Ivo Reyes said the fares would rise.", "Ada Lund and Ivo Reyes"),
    # A party label in parentheses belongs to the name before it.
    ("Sen. Ivo Lund (R., Ariz.), a sponsor of the bill, said the fares would rise.", "Ivo Lund"),
    # A surname that is also a title, before a suffix.
    ("Ivo Peter King Jr. spoke in Dover. King said the fares would rise.", "Ivo Peter King Jr"),
    ("Every Republican on the board said the fares would rise.", "Every Republican on the board"),
    # A person's place or employer after "of" is no part of the name; an organisation's is.
    ("Sen. Ivo Lund of Dover announced that the fares would rise.", "Ivo Lund"),
    ("Ada Lund of the Harbor Institute said the fares would rise.", "Ada Lund"),
    ("The Bank of Dover said the fares would rise.", "Bank of Dover"),
]


# An organisation written by its head word alone is the one longer name the article gives it,
ORG_SHORT_FORMS = [
    ("The Harbor Gazette broke the story. The Gazette said the fares would rise.",
     "Harbor Gazette"),
    ("The Harbor Gazette and the Dover Gazette broke it. The Gazette said the fares would rise.",
     "Gazette"),
    ("Ships left Dover. The Gazette said the fares would rise.", "Gazette"),
    # ... or by its first word: the one name the article gives it with an organisation word.
    ("The Kestrel Institution published a study.\n\nKestrel said the fares would rise.",
     "Kestrel Institution"),
    ("President Lund toured Lund Institute.\n\nLund said the fares would rise.", "Lund"),
    # An acronym spelled out first in a possessive is the name without its ending.
    ("The Dover Port Board's pier shut.\n\nThe DPB said the fares would rise.", "Dover Port Board"),
    ("The Dover Dock Crews' strike ended.\n\nDDC said the fares would rise.", "Dover Dock Crews"),
    ("The Dover Port Board’s pier shut.\n\nDPB said the fares would rise.", "Dover Port Board"),
]


# A description is the person an apposition ties it to, whatever its employer.
DESCRIPTIONS = [
    ("Ivo Reyes, a legal analyst at Harbor Radio, spoke on Monday.\n\nThe legal analyst said "
     "the fares would rise.", "Ivo Reyes"),
    ("The legal analyst, Ivo Reyes, spoke on Monday.\n\nThe Harbor Radio legal analyst said "
     "the fares would rise.", "Ivo Reyes"),
    # A role as written with a name, in initials, or with a qualifier; a former holder
    # holds no part of it.
    ("U.N. Secretary-General Ivo Lund spoke in Dover. The U.N. secretary-general said the "
     "fares would rise.", "Ivo Lund"),
    ("Prime Minister Ada Lund spoke in Dover. The PM said the fares would rise.", "Ada Lund"),
    ("Former Prime Minister Ada Lund spoke in Dover. The minister said the fares would rise.",
     "The minister"),
    # A role set off after a name with an honorific, or a job at an employer without "the".
    ("Dr. Ada Lund, director of the Dover Department of Health said the fares would rise.",
     "Ada Lund"),
    ("“We think so,” said Ada Lund, partner at Harbor Advisors in Dover, who added that the "
     "fares would rise.", "Ada Lund"),
]


# A pronoun's antecedent is the subject before its verb, never an opening adverb.
ANTECEDENTS = [
    ("The crews met on Monday. Later, they said the fares would rise.", "The crews"),
    ("First, they said the fares would rise.", None),
    # A fragment sentence of one everyday word is no antecedent of "he" (a name the article
    # also capitalises inside a sentence is one).
    ("Ivo Lund ran for mayor. Twice. He said the fares would rise.", "Ivo Lund"),
    # A call to the reader is page furniture, no antecedent.
    ("Ivo Lund runs the ferry.\n\nGet the Harbor Stories you want sent to your inbox.\n\n"
     "He said the fares would rise.", "Ivo Lund"),
]


# Fragments inside the writer's sentence (partial quotes): the words right before the mark
# name the one who holds the words ("in the words of X", "what X called", "X's idea of",
# "X's “…” remark"), or say that nobody does ("so-called", a noun phrase capitalised only
# because it opens the sentence).
PARTIAL_FRAMES = [
    ("The so-called “harbor renewal” plan is on hold, the council said.",
     "harbor renewal", None, None, "scare"),
    ("The levy was, in the words of one skipper, “a tax on the tide.”",
     "a tax on the tide.", "one skipper", None, "partial"),
    ("To quote Ada Reyes, “we are not done with the levy yet.”",
     "we are not done with the levy yet.", "Ada Reyes", None, "direct"),
    ("The mayor said the plan fails what Ada Reyes called “a fair fare for all.”",
     "a fair fare for all.", "Ada Reyes", None, "partial"),
    ("Riders want what Ada Reyes famously called “free ferry rides.”",
     "free ferry rides.", "Ada Reyes", None, "partial"),
    ("Critics rejected Ben Olson's idea of “a fair fare for all.”",
     "a fair fare for all.", "Ben Olson", None, "partial"),
    ("The crews disputed Ada Reyes's description of the levy as “a gift to landlords.”",
     "a gift to landlords.", "Ada Reyes", None, "partial"),
    ("The judge described Ada Reyes's claim of immunity as “a gift to landlords.”",
     "a gift to landlords.", "The judge", "described", "partial"),
    ("The skipper mocked Ada Reyes's “basket of old ropes” remark at the meeting.",
     "basket of old ropes", "Ada Reyes", None, "partial"),
    ("The council lauded Ada Reyes's “tireless work for the crews.”",
     "tireless work for the crews.", "The council", None, "partial"),
    ("Ada Reyes noted that Ben Lund's “crews are tired of waiting.”",
     "crews are tired of waiting.", "Ada Reyes", "noted", "partial"),
    ("The council is dismissing as “baseless” a report alleging that fares rose.",
     "baseless", "The council", None, "partial"),
    ("Halden (Wire) The council is dismissing as “baseless” a report alleging that fares "
     "rose.", "baseless", "The council", None, "partial"),
    ("Ada Reyes met the crews. The clarion call that “we will stay here” meant much to many.",
     "we will stay here", None, None, "scare"),
    ("The bishops also note that “very many riders hold this view of the fares.”",
     "very many riders hold this view of the fares.", "The bishops", None, "partial"),
    # the subject before a relative clause without commas, not the clause's object
    ("A harbor official who spoke to the Courier on condition of anonymity said “taking down "
     "the pier” means cutting the power.", "taking down the pier", "A harbor official", "said",
     "partial"),
    ("In what might now be called an “all of the harbor” approach, every crew helped.",
     "all of the harbor", None, None, "scare"),
    # a text speaks its own words
    ("The proposal would require “limits on increases in ferry fares” until May.",
     "limits on increases in ferry fares", "The proposal", None, "partial"),
    # a passive describing verb without its agent: no one in the sentence says it
    ("One factor is often summed up as “life gets in the way” for riders.",
     "life gets in the way", None, None, "scare"),
    ("The plan was described as “reckless and far too costly for the crews,” Ada Reyes said.",
     "reckless and far too costly for the crews,", "Ada Reyes", "said", "partial"),
    # a restrictive "who" speaks for the noun phrase it hangs on
    ("Some reports said the mayor had surprised the crews, including one source who told "
     "the Courier that the mayor had “gone rogue” on the levy.", "gone rogue", "one source",
     "told", "partial"),
    # a name before a participle after "with", or in a recording "of" it, speaks
    ("The hearing began with the Courier's Ada Reyes insisting that “the levy will fall on "
     "the crews.”", "the levy will fall on the crews.", "Ada Reyes", "insisting", "partial"),
    ("Reyes then showed a clip of Ben Lund saying “three ferries for that”.",
     "three ferries for that", "Ben Lund", "saying", "partial"),
    # a noun in "-ly" is no adverb: the family speaks, not its owner
    ("Ben Olson's family said the fares were “far too high for the crews.”",
     "far too high for the crews.", "Ben Olson's family", "said", "partial"),
]


# A subject parted from its cue by an appositive or a relative and adverbs, by a short aside
# between commas, or by a conjunction and adverbs (_subject_across_aside, _before_preverbal,
# _short_aside).
ACROSS_ASIDE = [
    ("Ada Reyes, the owner of the ferry line, also said the crews had not been paid.",
     "the crews had not been paid", "Ada Reyes", "said", "indirect"),
    ("Ben Lund, who still runs the pier, later noted that the crews had not been paid.",
     "the crews had not been paid", "Ben Lund", "noted", "indirect"),
    ("The crews, however, argued that the pier was safe.",
     "the pier was safe", "The crews", "argued", "indirect"),
    ("The harbor board, in a statement, said the pier would reopen in May.",
     "the pier would reopen in May", "The harbor board", "said", "indirect"),
    ("Critics, though, have long claimed that the pier is unsafe.",
     "the pier is unsafe", "Critics", "claimed", "indirect"),
    ("Ada Reyes sat down with the crews and promptly, tartly announced she was retiring.",
     "she was retiring", "Ada Reyes", "announced", "indirect"),
    ("Ada Reyes, the owner of the ferry line, again threatened to close the pier.",
     "to close the pier", "Ada Reyes", "threatened", "indirect"),
    ("Ben Lund, a skipper, also accused the board of hiding the audit.",
     "the board of hiding the audit", "Ben Lund", "accused", "indirect"),
]

# A frame after its content whose cue is followed by a hearer, long adjuncts or a participle
# phrase of the writer's (_frame_tail, _tail_object_end, _hearer_word, _writers_participle);
# the cue must be active (_active_report).
TRAILING_TAILS = [
    ("The pier will open with some limits, Ada Reyes told a daily news briefing.",
     "The pier will open with some limits", "Ada Reyes", "told", "indirect"),
    ("The fares will rise in June, a port official told reporters at the dock on Monday, "
     "speaking on condition of anonymity.",
     "The fares will rise in June", "a port official", "told", "indirect"),
    ("Crews voted on Monday to rename the pier, board president Ada Reyes announced at an "
     "evening meeting of the harbor board of trustees.",
     "Crews voted on Monday to rename the pier", "Ada Reyes", "announced", "indirect"),
    ("The fares rose, the mayor said at the end of a long meeting with the crews.",
     "The fares rose", "the mayor", "said", "indirect"),
    ("The ferry ran late again, Ben Lund told the Harbor Courier on condition of anonymity.",
     "The ferry ran late again", "Ben Lund", "told", "indirect"),
    ("The crews should not have to pay for the pier, the skippers are saying.",
     "The crews should not have to pay for the pier", "the skippers", "saying", "indirect"),
]

# (text, words that must not be an indirect row): a modal or a passive before the cue, a thing
# told, a passive participle after a noun, an opener before a passive frame.
NOT_FRAMED = [
    ("Ada Reyes, the owner of the line, would say nothing about the fares.",
     "nothing about the fares"),
    ("The pier, in the end, was said to be safe.", "to be safe"),
    # across an aside, a noun object is more often an act than words
    ("Ada Reyes, the owner of the line, has also proposed billions in new subsidies.",
     "billions in new subsidies"),
    ("Ben Lund, the skipper, also pointed to the long queues at the pier.",
     "the long queues at the pier"),
    ("On Friday morning, the third day of his tour, Ben Lund told a joke.",
     "On Friday morning, the third day of his tour"),
    ("The port let the crews pick their shifts, a practice criticized by the mayor and the "
     "union.", "The port let the crews pick their shifts"),
    ("Despite two failed tests this year, the pier's safety has barely been mentioned in the "
     "race.", "Despite two failed tests this year"),
    ("No matter the stakes, Ada Reyes will insist on it for the crews.", "No matter the stakes"),
]


# A time phrase before the subject goes whole, its unit too, capital or possessive; a
# possessive unit inside a mention qualifies its noun and stays.
TIME_UNITS_CUT = [
    ("Last week EU ministers said the fares would rise.", "EU ministers"),
    ("This week UN envoys said the fares would rise.", "UN envoys"),
    ("Last year’s Harbor Board report said the fares would rise.", "Harbor Board report"),
    ("Last month's Dover Council audit said the fares would rise.", "Dover Council audit"),
    ("A source at this week's talks said the fares would rise.", "A source at this week's talks"),
]


# Who says "… the fares would rise", resolved: each table above holds one rule's cases.
FARES_SPEAKERS = (
    OPENER_NAMES + GIVEN_NAMES + WHOLE_NAMES + ORG_SHORT_FORMS + DESCRIPTIONS + ANTECEDENTS
    + TIME_UNITS_CUT
)


@pytest.mark.parametrize(("text", "speaker"), FARES_SPEAKERS)
def test_speaker_of_the_fares(text, speaker):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    row = q[q["quote"].str.endswith("the fares would rise")].iloc[0]
    assert (None if pd.isna(row["speaker"]) else row["speaker"]) == speaker


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_not_reported_speech(text):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert q.empty, q[["quote", "speaker", "cue"]]


@pytest.mark.parametrize(("text", "reported"), CUE_READINGS)
def test_cue_readings(text, reported):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert (q["kind"] == "indirect").any() == reported, q[["quote", "speaker", "cue"]]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), ACROSS_ASIDE)
def test_subject_across_aside(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), TRAILING_TAILS)
def test_trailing_frame_tails(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "words"), NOT_FRAMED)
def test_not_framed(text, words):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert not ((q["kind"] == "indirect") & (q["quote"] == words)).any(), q[["quote", "cue"]]


# A verb of action after "it" keeps the thing's words.
IT_ACTS = [
    ("The ferry union filed papers. It is suing to void the “pilot shortage plan” in court.",
     "pilot shortage plan", "The ferry union", None, "partial"),
    ("The ferry union filed papers. It is also seeking to void the “pilot shortage plan” now.",
     "pilot shortage plan", "The ferry union", None, "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), IT_ACTS)
def test_it_acting_keeps_its_fragment(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A city of the lexicon is a place, never the person a pronoun goes back to (unresolved here).
CITIES = [
    ("During his speech in Las Vegas on Tuesday, he said the ferries would run.",
     "the ferries would run", "he", "said", "indirect"),
    ("At the rally in Des Moines, she said the ferries would run.",
     "the ferries would run", "she", "said", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), CITIES)
def test_cities_are_no_speakers(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# An age after a name is an aside: the appositive and its "who" still describe the person,
# whatever the surname's word ("House"), and only a person has an age.
AGED = [
    ("“The pier is big,” said Ada Lund, 20, a student in Dover who said she hoped the ferries run.",
     "she hoped the ferries run", "Ada Lund", "said", "indirect"),
    ("“The pier is big,” said Olivia House, 20, a student in Dover who said she hoped they run.",
     "she hoped they run", "Olivia House", "said", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), AGED)
def test_age_aside_of_a_name(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


def test_a_name_with_an_age_is_a_person():
    text = "“The pier is big,” said Olivia House, 20, a student in Dover."
    q = extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": [text]}), progress=False)
    assert q[["speaker", "speaker_type"]].values.tolist() == [["Olivia House", "person"]]


# A speech noun made by its subject ("made the case that") reports what the subject said.
MADE_CLAIMS = [
    ("Ada Lund made an explosive charge that the pier was “near collapse” and would close.",
     "near collapse", "Ada Lund", "charge", "partial"),
    ("Ada Lund made the case that the pier was “near collapse” and would close.",
     "near collapse", "Ada Lund", "case", "partial"),
    ("Ada Lund repeated the claim that the pier was “near collapse” and would close.",
     "near collapse", "Ada Lund", "claim", "partial"),
    # a second clause of the same claim, whatever its own subject
    ("Ada Lund made the charge that the pier was old and that Dover itself was “on the brink”.",
     "on the brink", "Ada Lund", "charge", "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), MADE_CLAIMS)
def test_speech_noun_made_by_its_subject(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# The owner of a speech noun that is the object of a verb of reaction or of a preposition
# speaks the quoted words in its clause, whatever speech verb comes earlier; a verb that
# reports a clause ("said") or names the claim ("called … “absurd”") keeps its own subject.
OWNED_UTTERANCES = [
    ("Pundits mocked Governor Ada Reyes's claim that the ferry budget was “fully balanced.”",
     "fully balanced.", "Ada Reyes", "claim", "partial"),
    ("Lund cited Ada Reyes's comment that the night crews were “the pride of the pier.”",
     "the pride of the pier.", "Ada Reyes", "comment", "partial"),
    ("He pointed to Ada Reyes's claim on Tuesday that the board would “roll back every fare.”",
     "roll back every fare.", "Ada Reyes", "claim", "partial"),
    ("Regarding Ada Reyes's repeated claim that the audit is a “fishing trip”, Ivo Lund said: "
     "“No.”", "fishing trip", "Ada Reyes", "claim", "partial"),
    # the owner is the name before the possessive, not a phrase running on before it
    ("Ivo Lund faulted the crews for making much of Ada Reyes's claim that the mayor "
     "“dreamed up the levy,” saying they were wrong.",
     "dreamed up the levy,", "Ada Reyes", "claim", "partial"),
    # "of" or "about" running into the quotation
    ("Perhaps Ada Reyes's claims of “rigged tides” are about the ferry timetable.",
     "rigged tides", "Ada Reyes", "claims", "partial"),
    ("The crews are angry over Ada Reyes's latest remark about the skippers' “love of the "
     "pier.”", "love of the pier.", "Ada Reyes", "remark", "partial"),
    # not the owner's words
    ("Ivo Lund said Ada Reyes's claim that the budget was “fully balanced” was false.",
     "fully balanced", "Ivo Lund", "said", "partial"),
    ("Ivo Lund called Ada Reyes's claim that the levy was fair “absurd.”",
     "absurd.", "Ivo Lund", "called", "partial"),
    ("Ivo Lund ridiculed Ada Reyes's claims that the flood was staged, saying he does not "
     "believe “anyone sane” would agree.", "anyone sane", "Ivo Lund", "saying", "partial"),
    ("The skippers criticised Ada Reyes's remarks that were deemed “rash and unkind” "
     "by the board.", "rash and unkind", "the board", "deemed", "partial"),
    ("Ada Reyes's claim of victory was “premature,” the board said.",
     "premature,", "the board", "said", "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), OWNED_UTTERANCES)
def test_owner_of_a_cited_utterance(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# "with" + a noun phrase + a participle cue (an absolute construction): the phrase speaks,
# named or not; a text's participle ("a speech predicting", "a complaint with … claiming")
# is its author's words.
WITH_PARTICIPLES = [
    ("The harbor film closes with a narrator saying: “Keep the night ferry.”",
     "Keep the night ferry.", "a narrator", "saying", "direct"),
    ("The ferry board hit back on Thursday with its fares chief arguing the “broken” "
     "timetable would return.", "broken", "its fares chief", "arguing", "partial"),
    ("The ferry firm has apologized, with its chief executive saying he feels “seasick” about "
     "the delays.", "seasick", "its chief executive", "saying", "partial"),
    ("The pier was full, with many skippers and deckhands chanting “We are one harbor.”",
     "We are one harbor.", "many skippers and deckhands", "chanting", "partial"),
    ("The crews pressed the witness, with one skipper calling him “a tide-table forger.”",
     "a tide-table forger.", "one skipper", "calling", "partial"),
    ("Ada Reyes won the crews over with a speech promising a “new dawn” for the ferry firm.",
     "new dawn", "Ada Reyes", "promising", "partial"),
    ("The skippers filed a complaint with the harbor inspector claiming that the fares are "
     "“unlawful.”", "unlawful.", "The skippers", "claiming", "partial"),
    ("Ivo Lund posted a photo of his meeting with Judge Okafor and commenting that he had "
     "“explained the fares.”", "explained the fares.", "Ivo Lund", "commenting", "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), WITH_PARTICIPLES)
def test_with_and_a_participle(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# The object of a causative verb before "to" + a cue says the words, not the verb's subject.
CAUSED_SPEAKERS = [
    ("The firing of the harbor editor led Ivo Lund to say, “Salty, stubborn, loyal.”",
     "Salty, stubborn, loyal.", "Ivo Lund", "say", "direct"),
    ("The clause hit the crews, causing at least one skipper to ask, plainly, “Since "
     "when?”", "Since when?", "one skipper", "ask", "direct"),
    ("The streak prompted the county almanac to declare, “Marlow votes with the winner.”",
     "Marlow votes with the winner.", "the county almanac", "declare", "direct"),
    ("The levy drove Mayor Okafor to call the fares “a scandal.”",
     "a scandal.", "Okafor", None, "partial"),
    # a wish, not a cause: the asker's sentence keeps its subject
    ("Ada Reyes urged Ivo Lund to say “sorry” to the crews.", "sorry", "Ada Reyes", "urged",
     "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), CAUSED_SPEAKERS)
def test_object_of_a_causative_speaks(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# The article's own pronouns give a person's sex over what the given name suggests.
PRONOUN_SEX = [
    ("Shawn Lund ran the ferry desk. She had worked there for years. In May Lund lost the job. "
     "She called the hotline. The office sent Ivo Reyes; Mr. Reyes came. "
     "The desk was slow, she said, “and I felt like I could not keep up.”",
     "and I felt like I could not keep up.", "Shawn Lund", "said", "direct"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), PRONOUN_SEX)
def test_sex_from_the_articles_pronouns(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# "I" before a coordinated cue is the subject, never skipped for a name before it.
FIRST_PERSON_SUBJECT = [
    ("When Ivo Lund mentioned the ferry, I laughed and said, “I do not believe in ferries.”",
     "I do not believe in ferries.", "I", "said", "direct"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), FIRST_PERSON_SUBJECT)
def test_first_person_subject_of_a_coordinated_cue(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A hearer named with "to" before the "that" clause: the clause is what was said.
TO_HEARER = [
    ("Ada Lund confirmed to the Courier that the pier would close.",
     "the pier would close", "Ada Lund", "confirmed", "indirect"),
    ("Ada Lund admitted to reporters on Monday that the pier would close.",
     "the pier would close", "Ada Lund", "admitted", "indirect"),
    ("Ada Lund wrote to the harbor board that the pier would close.",
     "the pier would close", "Ada Lund", "wrote", "indirect"),
    # informing names the hearer as its object
    ("Ada Lund informed the harbor board that the pier would close.",
     "the pier would close", "Ada Lund", "informed", "indirect"),
    ("Ada Lund notified the riders on Monday that the pier would close.",
     "the pier would close", "Ada Lund", "notified", "indirect"),
]
# ... not a relative clause after an object: "agreed to a deal that raises fares".
NOT_TO_HEARER = [
    "Ada Lund informed the harbor board of the closure on Monday.",
    "The board will only agree to a deal that raises fares for riders.",
    "It adds to the bad optics that both Harbor Air and Dover Rail have reaped.",
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), TO_HEARER)
def test_hearer_named_with_to(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize("text", NOT_TO_HEARER)
def test_no_hearer_before_a_relative(text):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": [text]}), progress=False)
    assert q.empty, q[["quote", "speaker"]]


# "the company", "the agency": the nearest name of that kind written before it.
ORG_DESCRIPTIONS = [
    ("Harbor Air Inc. cut 300 jobs on Monday. The company said demand had fallen.",
     "demand had fallen", "Harbor Air Inc.", "said", "indirect"),
    ("The Dover Rivers Agency issued rules. “They will save lives,” the agency said.",
     "They will save lives,", "Dover Rivers Agency", "said", "direct"),
    ("The Harbor Pilots Association sued. The group said the permits were illegal.",
     "the permits were illegal", "Harbor Pilots Association", "said", "indirect"),
    # no name of that kind: the description stays
    ("Kestrel cut 300 jobs on Monday. The company said demand had fallen.",
     "demand had fallen", "The company", "said", "indirect"),
    # a modifier may point elsewhere: "the safety agency" is not the Rivers Agency
    ("The Dover Rivers Agency issued rules. The safety agency said the fares would rise.",
     "the fares would rise", "The safety agency", "said", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), ORG_DESCRIPTIONS)
def test_organisation_descriptions(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), NO_SPEAKER)
def test_no_speaker(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), AFTER_QUOTE)
def test_frame_after_quote(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), BEFORE_QUOTE)
def test_frame_before_quote(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), CUE_SPEAKER)
def test_cue_speaker(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), CARRIED)
def test_carried_speaker(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), REPORTED)
def test_reported_speech(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), PARTIAL_FRAMES)
def test_partial_frames(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ada Brennan, Harbor Courier", True),
        ("Ada Brennan and Li Wei, The Courier", True),
        ("Editorial Board, Harbor Courier", True),
        ("Reyes, a nurse, said so.", False),
        ("From the Right", False),
        ("Washington, Monday", False),
        ("Ada Brennan, who runs the ferry", False),
    ],
)
def test_undashed_signature(line, expected):
    assert _undashed_signature(line) is expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("is never a real sailor.", True),
        ("was a plan for nobody", True),
        ("We will stay", False),
        ("a gift to landlords", False),
        ("", False),
    ],
)
def test_quote_is_predicate(body, expected):
    assert _quote_is_predicate(body) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ivo Lund of Dover", "Ivo Lund"),
        ("Ada Lund of the Harbor Institute", "Ada Lund"),
        ("Bank of Dover", "Bank of Dover"),
        ("University of Harbor", "University of Harbor"),
        ("Harbor Bank of Dover", "Harbor Bank of Dover"),
        ("Ada Lund of Dover and Ivo Reyes of Harbor", "Ada Lund of Dover and Ivo Reyes of Harbor"),
        ("Ivo Lund", "Ivo Lund"),
        ("Ada Lund at the Harbor Institute", "Ada Lund"),
        ("Ivo Lund with Harbor Bank", "Ivo Lund"),
        ("Harbor Bank at Dover", "Harbor Bank at Dover"),
    ],
)
def test_without_place_of(name, expected):
    assert _without_place_of(name) == expected


# Direct quotations without marks: an embedded post is its author's, signed "— Name (@handle)
# Date"; a transcript's turn after a label in capitals is the label's (a role label is the
# person the article names with that role, and no row when it names nobody).
UNMARKED_DIRECT = [
    ("The ferry is late again pic.twitter.com/x1AbC — Ada Reyes (@adareyes) May 2, 2019",
     "The ferry is late again", "Ada Reyes"),
    ("Fares rise on Monday, riders say https://t.co/Ab12 — Harbor Gazette (@gazette) "
     "June 3, 2020", "Fares rise on Monday, riders say", "Harbor Gazette"),
    # The signature's dash is the last one; a tagline and emblems are no part of the name.
    ("Fares rise. Sad! — Ivo Lund - Text FERRY to 555 🌊 (@ivolund) June 3, 2020",
     "Fares rise. Sad!", "Ivo Lund"),
    # A line of links only is no post.
    ("pic.twitter.com/x1AbC — Ada Reyes (@adareyes) May 2, 2019", None, None),
    # A post holding a quotation in marks is left to the quotation.
    ("“The fares will rise,” Lund said. pic.twitter.com/x1 — Ada Reyes (@adareyes) May 2, "
     "2019", "The fares will rise,", "Lund"),
    ("President Ivo Lund spoke.\n\nTHE PRESIDENT: The fares will rise on Monday.",
     "The fares will rise on Monday", "Ivo Lund"),
    ("ADA REYES: The fares will rise on Monday.", "The fares will rise on Monday", "ADA REYES"),
    # ... as the article writes the name otherwise, when it does.
    ("I’m Ada Reyes.\n\nADA REYES: The fares will rise on Monday.",
     "The fares will rise on Monday", "Ada Reyes"),
    ("The board met.\n\nTHE MAYOR: The fares will rise on Monday.", None, None),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), UNMARKED_DIRECT)
def test_unmarked_direct_quotations(text, quote, speaker):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    q = q[q["kind"] == "direct"]
    if quote is None:
        assert q.empty
    else:
        row = q.iloc[0]
        assert (row["quote"], row["speaker"]) == (quote, speaker)


# A name the lists read as a person's is an organisation's where the article writes it with
# what only an organisation has: a thing it runs or sells as a modifier, a ticker, its own
# "its", a staff member after its possessive; never where a given name or a title goes with it.
ORG_THINGS = [
    ("Two Ostry passenger trains collided. Ostry said the line was shut.", "Ostry", True),
    ("Shoppers crowded Ostry stores. Ostry says sales rose.", "Ostry", True),
    ("The Ostry news agency said the talks went well.", "Ostry", True),
    ("A new Ostry poll found support fell. Ostry noted the margin.", "Ostry", True),
    ("“The space is changing,” Ostry (OST) said.", "Ostry", True),
    ("Ostry told its clients in a note that rates would fall.", "Ostry", True),
    ("Ostry said in its statement that the ferry was safe.", "Ostry", True),
    ("As Ostry’s Maria Lund writes, the fares rose.", "Ostry", True),
    ("Lund supporters cheered. Lund said the fares would fall.", "Lund", False),
    ("Lund (R) said the fares would fall.", "Lund", False),
    ("Lund said workers would be paid.", "Lund", False),
    ("Lund's White House pushed the plan.", "Lund", False),
    ("Ada Ostry spoke. Ostry stores opened.", "Ostry", False),
    ("Mr. Ostry told its board the ferry was safe.", "Ostry", False),
]


@pytest.mark.parametrize(("text", "name", "expected"), ORG_THINGS)
def test_organisation_by_its_things(text, name, expected):
    assert organisation_by_usage(text, name) is expected


# Two curly single marks are one double mark, as '' and `` are: ‘‘…’’ and “…’’ pair.
CURLY_DOUBLES = [
    ("The ferry ran late.\n\n“We won the vote,’’ Ada Reyes said.",
     "We won the vote,", "Ada Reyes", "said", "direct"),
    ("The ferry ran late.\n\n‘‘We won the vote,’’ Ada Reyes said.",
     "We won the vote,", "Ada Reyes", "said", "direct"),
    ("“Fares stay,’’ said Ivo Lund. “The pier reopens.’’\n\nThe board met.",
     "The pier reopens.", "Ivo Lund", "said", "direct"),
    ("“The crews told me ‘no way,’’’ Ada Reyes said.",
     "The crews told me ‘no way,", "Ada Reyes", "said", "direct"),
    ("Ada Reyes said she had “no doubt’’ the fares would fall.",
     "no doubt", "Ada Reyes", "said", "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), CURLY_DOUBLES)
def test_curly_double_marks(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A caption label that a page runs into the text ("Media caption", "Image caption", after the
# player's notice) is no part of the speaker's label before the colon; the caption stands
# beside the story, so the story's next quotation goes on with the story's speaker.
CAPTION_LABELS = [
    ("The ferry sank.\n\nVideo will not play on this old ferry phone Media caption Ada Reyes: "
     "“The pier will reopen”\n\nThe board met.", "The pier will reopen", "Ada Reyes", ":",
     "direct"),
    ("The ferry sank.\n\nImage caption Ivo Lund: “The pier will reopen”\n\nThe board met.",
     "The pier will reopen", "Ivo Lund", ":", "direct"),
    ("“The fares stay,” Ada Reyes said.\n\nMedia caption Ivo Lund: “We lost”\n\n"
     "“The crews will be paid.”", "The crews will be paid.", "Ada Reyes", "said", "direct"),
    # a role's label before the name's: the name speaks
    ("The ferry sank.\n\nMedia caption PM: Ivo Lund: “The pier will reopen”\n\nThe board met.",
     "The pier will reopen", "Ivo Lund", ":", "direct"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), CAPTION_LABELS)
def test_caption_labels(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A surname that is also a title ("King", "Bishop", "Judge") is the surname of a full name that
# a title opens or a given name begins, so the surname alone resolves to it; "Burger King" and
# a role's own title after a regnal number are no such names.
TITLE_SURNAMES = [
    ("Rep. Ivo King backed the bill. “We must act,” King said.",
     "We must act,", "Ivo King", "said", "direct"),
    ("Peter Bishop, who runs the ferry, spoke. “The fares stay,” Bishop said.",
     "The fares stay,", "Peter Bishop", "said", "direct"),
    ("Charles Judge chairs the board. “We lost the vote,” Judge said.",
     "We lost the vote,", "Charles Judge", "said", "direct"),
    ("Burger King opened a store. “Sales rose,” Burger King said.",
     "Sales rose,", "Burger King", "said", "direct"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), TITLE_SURNAMES)
def test_title_surnames(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(
    ("words", "role", "expected"),
    [
        ("Ivo King", ("rep",), True),
        ("Peter King", (), True),
        ("Burger King", (), False),
        ("Social Justice", (), False),
        ("Leo XIV Pope", ("pope",), False),  # the role's own title: the next mention begins
        ("Leo XIV King", ("rep",), False),  # after a regnal number
        ("Peter Lund", (), False),
    ],
)
def test_title_surname(words, role, expected):
    assert _title_surname(words.split(), role=role) is expected


# A description after its cue with the person's name set off after it, ending the sentence,
# names that person ("…, said his spokeswoman, Ada Reyes."); a participle after a phrase that
# ran into "with" has the words after "with" for its subject (an absolute construction).
APPOSED_AFTER_CUE = [
    ("The senator is also opposed, said his spokeswoman, Ada Reyes. The vote is on Monday.",
     "The senator is also opposed", "Ada Reyes", "said", "indirect"),
    ("“We will wait,” said a spokesman for the board, Ivo Lund.",
     "We will wait,", "Ivo Lund", "said", "direct"),
    ("The rules have been controversial with critics saying that they hurt small firms.",
     "they hurt small firms", "critics", "saying", "indirect"),
    ("The plan ended badly with the mayor saying that the board had lied.",
     "the board had lied", "the mayor", "saying", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), APPOSED_AFTER_CUE)
def test_apposed_after_cue(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# Titles of Westminster-style parliaments and police ranks (Canada, Britain, Ireland,
# Australia) open a full name like "Sen." or "Rep.": the surname alone then resolves to it.
COMMONWEALTH_TITLES = [
    ("Liberal MP Ada Lund said the bill was flawed. “It is a mess,” Lund told reporters.",
     "It is a mess,", "Ada Lund", "told", "direct"),
    ("NDP MPP Ivo Reyes criticized the cuts. “This is cruel,” said Reyes.",
     "This is cruel,", "Ivo Reyes", "said", "direct"),
    ("Coun. Ada Lund voted against the budget. “It is too much,” Lund said.",
     "It is too much,", "Ada Lund", "said", "direct"),
    ("Supt. Ivo Reyes closed the road. “Stay away,” Reyes said.",
     "Stay away,", "Ivo Reyes", "said", "direct"),
    ("Cllr Ada Lund said the council would appeal.",
     "the council would appeal", "Ada Lund", "said", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), COMMONWEALTH_TITLES)
def test_commonwealth_titles(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A photo caption runs an event's name into the person after it: the event is cut from the
# name and is no role of hers; its last word alone before a surname names no one.
@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("Harbor Ferry Convention Maria Lund", ("lund", "Maria Lund", ())),
        ("Harbor Ferry Convention Lund", None),
        ("Medical Examiner Peter Reyes", ("reyes", "Peter Reyes", ("medical", "examiner"))),
    ],
)
def test_event_before_a_name(run, expected):
    assert _name_info(run) == expected


# A lower-case plural that the speaker nouns do not list speaks as the subject of "say" or
# "tell" when it opens its clause (attribution._unlisted_group); a plural that is an object,
# a passive "said to", a quotation's tail or the writer's own side does not.
UNLISTED_GROUPS = [
    ("Two crew members were hurt, hospitals told the Harbor Desk.",
     "Two crew members were hurt", "hospitals", "told", "indirect"),
    ("The port stayed shut, and even ferry backers said the pier needs repairs.",
     "the pier needs repairs", "ferry backers", "said", "indirect"),
    ("Those technicians told reporters the gauges had failed.",
     "the gauges had failed", "Those technicians", "told", "indirect"),
    ("The self-styled pranksters said the buoys had been moved.",
     "the buoys had been moved", "pranksters", "said", "indirect"),
    ("The tides were high; geologists say the cliff could slide within a decade.",
     "the cliff could slide within a decade", "geologists", "say", "indirect"),
]
NOT_GROUPS = [
    ("The skipper who saw the events said the pier was empty.", "the events"),
    ("The levy covered docks, cranes and other matters said to be vital to the port.",
     "other matters"),
    ("The tolls rose this year. Our readers say the ferries are too slow.", "Our readers"),
    ("The crews met. Only three-fourths said the fares were fair.", "three-fourths"),
    ("The mate in the “harbor” talks said the fares would rise.", "talks"),
    ("Experts on tides and currents say the pier will flood.", "currents"),
    ("Forty percent of skippers and mates said the fares were fair.", "mates"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), UNLISTED_GROUPS)
def test_unlisted_groups_speak(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "words"), NOT_GROUPS)
def test_not_groups(text, words):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert words not in set(q["speaker"].dropna()), q[["quote", "speaker", "cue"]]


# A negated or refused cue reports what was not said: no indirect row (extract._unsaid); "could
# not say" (the speaker said they did not know) and "not only said" stay reports: (text,
# whether an indirect row is found).
UNSAID = [
    ("Reyes declined to say whether the fares would rise.", False),
    ("The ferry line refused to say when the pier would reopen.", False),
    ("Officials have not said how the pranksters moved the buoys.", False),
    ("Reyes did not say whether she would run for the board again.", False),
    ("The club wouldn't say how much the new striker was paid.", False),
    ("The deckhands haven't said one word against the new fares.", False),
    ("Reyes has never said that the levy was illegal.", False),
    ("The harbor board did not publicly disclose the cost of the new pier.", False),
    ("Police could not say how many riders were hurt.", True),
    ("Reyes not only said the fares would rise but also cut the routes.", True),
    ("Reyes said she did not know whether the fares would rise.", True),
]


@pytest.mark.parametrize(("text", "reported"), UNSAID)
def test_unsaid(text, reported):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert (q["kind"] == "indirect").any() == reported, q[["quote", "speaker", "cue"]]


# A participle with only a date before the cue hangs on the noun before it, which speaks
# (attribution._dated_participle); a thing before "of" stays a finding's subject
# (extract._thing_subject).
DATED_PARTICIPLES = [
    ("A harbor report released Thursday said that the pilots never radioed the pier.",
     "the pilots never radioed the pier", "A harbor report", "said", "indirect"),
    ("A statement issued on Monday said the pier would reopen in May.",
     "the pier would reopen in May", "A statement", "said", "indirect"),
    ("The pier will reopen, a statement released last week said.",
     "The pier will reopen", "a statement", "said", "indirect"),
    ("A spokesman of the board suggested that the fares are too high.",
     "the fares are too high", "A spokesman of the board", "suggested", "indirect"),
]
NOT_DATED = [
    "The study of ferry riders released Monday suggests that the fares are too high.",
    "The results of the survey suggest the fares are too high.",
    "A wide variety of data suggests the fares are too high.",
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), DATED_PARTICIPLES)
def test_dated_participles(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize("text", NOT_DATED)
def test_findings_stay_findings(text):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert not (q["kind"] == "indirect").any(), q[["quote", "speaker", "cue"]]


# A public body's name with an "and" inside it is one name when its last word is an
# organisation word (attribution._org_conjunct, _body_name_end): the fullest name speaks.
BODY_NAMES = [
    ("The Food and Ferry Administration said the pier would reopen in May.",
     "the pier would reopen in May", "Food and Ferry Administration", "said", "indirect"),
    ("The pier would reopen in May, the Fish and Harbor Service said.",
     "The pier would reopen in May", "Fish and Harbor Service", "said", "indirect"),
    ("The U.S. Food and Ferry Administration said the pier would reopen in May.",
     "the pier would reopen in May", "U.S. Food and Ferry Administration", "said", "indirect"),
    ("The chair of the House Tolls and Fares Committee vowed to block the levy.",
     "to block the levy", "House Tolls and Fares Committee", "vowed", "indirect"),
    ("Ada Lund and Ivo Reyes said the pier would reopen in May.",
     "the pier would reopen in May", "Ada Lund and Ivo Reyes", "said", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), BODY_NAMES)
def test_body_names_with_and(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A field of work in capitals before a place names a public body or a national team, an
# organisation (attribution._field_and_place); a given name, a verb or a preposition before
# the place does not: (text, speaker, speaker_type).
FIELD_AND_PLACE = [
    ("The ferry ran late. Statistics Canada said ferry trips rose in May.",
     "Statistics Canada", "organisation"),
    ("The ferry ran late, Transport Canada said in a statement.",
     "Transport Canada", "organisation"),
    ("The ferry ran late. Environment and Climate Change Canada said the storm would pass.",
     "Environment and Climate Change Canada", "organisation"),
    ("The ferry ran late. Fisheries and Oceans Canada said the pier would reopen.",
     "Fisheries and Oceans Canada", "organisation"),
    ("The ferry ran late, Hockey Canada said.", "Hockey Canada", "organisation"),
    ("The ferry ran late, Ada Jordan said.", "Ada Jordan", "person"),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), FIELD_AND_PLACE)
def test_field_and_place(text, speaker, speaker_type):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    rows = q[q["kind"] == "indirect"]
    assert rows[["speaker", "speaker_type"]].values.tolist() == [[speaker, speaker_type]]


# A cue word that a modifier after it describes is a noun (extract._noun_before_modifier):
# (text, whether an indirect row is found).
NOUN_MODIFIED = [
    ("With the harbor's March ridership report, released on Friday, the fares seem too high.",
     False),
    ("The privacy questions, including the issue of apps that store data, are pressing.", False),
    ("None of the therapies described above have yet been proved to work.", False),
    ("Reyes added, in a letter to the board, that the fares would rise.", True),
    ("The harbor report, released on Friday, said the fares would rise.", True),
]


@pytest.mark.parametrize(("text", "reported"), NOUN_MODIFIED)
def test_noun_modified(text, reported):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert (q["kind"] == "indirect").any() == reported, q[["quote", "speaker", "cue"]]


# Lower-case plural groups joined by "and" speak together, each with up to two words before
# its noun (attribution._coordinated, _group_word); a participle or an adverb before the
# noun is no part of the group.
GROUPS_JOINED = [
    ("There are several reasons for the delays, harbor experts and former ferry captains said.",
     "There are several reasons for the delays", "harbor experts and former ferry captains",
     "said", "indirect"),
    ("Harbor experts and former ferry captains said the delays had several causes.",
     "the delays had several causes", "Harbor experts and former ferry captains", "said",
     "indirect"),
    ("There are reasons for the delays, the lawyers and police chiefs said.",
     "There are reasons for the delays", "the lawyers and police chiefs", "said", "indirect"),
]
NOT_GROUPS_JOINED = [
    ("The skipper pointed to a day when two men wearing boots and gloves said the pier was "
     "shut.", "two men wearing boots and gloves"),
    ("A storm hit and immediately harbor pilots and crews said the pier was shut.",
     "immediately harbor pilots and crews"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), GROUPS_JOINED)
def test_groups_joined(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


@pytest.mark.parametrize(("text", "words"), NOT_GROUPS_JOINED)
def test_not_groups_joined(text, words):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert words not in set(q["speaker"].dropna()), q[["quote", "speaker", "cue"]]


# "the 28-year-old" is the person the article gave that age (extract._aged_person), and an
# age before "says" is a subject, no number counting reports (attribution._noun_after).
AGED_SPEAKERS = [
    ("Ada Lund, 28, was hired in May. The 28-year-old said she was thrilled to join the club.",
     "she was thrilled to join the club", "Ada Lund", "said", "indirect"),
    ("Ada Lund (23) scored twice. The 23-year-old forward says the team had worked hard.",
     "the team had worked hard", "Ada Lund", "says", "indirect"),
    ("The club signed 31-year-old goalkeeper Ivo Reyes on Monday. The 31-year-old said he was "
     "happy.", "he was happy", "Ivo Reyes", "said", "indirect"),
    ("Ada Lund, 28, was hired. Ivo Reyes, 40, was fired. The 28-year-old said she was thrilled.",
     "she was thrilled", "Ada Lund", "said", "indirect"),
    ("Ada Lund scored twice. The 23-year-old says the team had worked hard.",
     "the team had worked hard", "The 23-year-old", "says", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), AGED_SPEAKERS)
def test_aged_speakers(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# "according to X" after a dash closes its sentence as it does after a comma
# (extract._closing_dash); inside a dashed aside it frames no content.
ACCORDING_AFTER_DASH = [
    ("The ferry carried 100 riders each day — almost 36,000 a year — according to the Harbor "
     "Board.", "The ferry carried 100 riders each day — almost 36,000 a year", "Harbor Board",
     "according to", "indirect"),
    ("The ferry carried 100 riders each day -- almost 36,000 a year -- according to the Harbor "
     "Board.", "The ferry carried 100 riders each day -- almost 36,000 a year", "Harbor Board",
     "according to", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), ACCORDING_AFTER_DASH)
def test_according_after_dash(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


def test_according_in_a_dashed_aside():
    text = "Ridership — according to the Harbor Board — has doubled since May."
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert not (q["quote"] == "Ridership").any(), q[["quote", "speaker", "cue"]]


# Words put to someone ("X was asked, “…?”", "X was asked: “…?”") are not X's
# (extract._passive_frame); the answer after them is.
PUT_TO_SUBJECT = [
    ("Mayor Ada Lund was asked, “Will you run again?” She said, “Not this year.”",
     "Will you run again?", None, "asked", "direct"),
    ("Mayor Ada Lund was asked, “Will you run again?” She said, “Not this year.”",
     "Not this year.", "Ada Lund", "said", "direct"),
    ("At the hearing Ivo Reyes was asked: “Did you sign the lease?” “Yes,” he replied.",
     "Did you sign the lease?", None, "asked", "direct"),
    ("The skipper was told: “Leave the harbor now.” He left at noon.",
     "Leave the harbor now.", None, "told", "direct"),
    ("Ivo Reyes was asked about the levy and replied, “We will not wait.”",
     "We will not wait.", "Ivo Reyes", "replied", "direct"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), PUT_TO_SUBJECT)
def test_words_put_to_subject_are_no_ones(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# An "and" inside the object of a preposition ("a spokesman for Customs and Border
# Protection") belongs to one name (attribution._object_conjunct); two names stay two.
OBJECT_CONJUNCTS = [
    ("“We expect delays,” a spokesman for Harbor and Border Protection said.",
     "We expect delays,", "a spokesman for Harbor and Border Protection", "said", "direct"),
    # (names listed after a role and a preposition say whom it stands for: the role speaks)
    ("“We expect delays,” a lawyer at Lund and Reyes said.",
     "We expect delays,", "a lawyer", "said", "direct"),
    ("“We expect delays,” the governors of Iowa and Ohio said.",
     "We expect delays,", "the governors", "said", "direct"),
    ("“We expect delays,” Ada Lund and Ivo Reyes said.",
     "We expect delays,", "Ada Lund and Ivo Reyes", "said", "direct"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), OBJECT_CONJUNCTS)
def test_object_conjuncts(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


def test_object_conjunct_after_an_inverted_cue():
    check("“We expect delays,” said a spokesman for Harbor and Border Protection.",
          "We expect delays,", "a spokesman for Harbor and Border Protection", "said", "direct")


# The same "and" after "according to", and an organisation's own "and"
# (attribution._name_goes_on); the words after a cue are read up to a space, never into a
# word cut in two.
ACCORDING_TO_JOINED_NAMES = [
    ("Ridership doubled in May, according to a spokesperson for the Department of Harbors and "
     "Human Services.", "Ridership doubled in May",
     "a spokesperson for the Department of Harbors and Human Services", "according to",
     "indirect"),
    ("About 750 riders came on Monday night, according to the Centers for Ferry Safety and "
     "Harbor Services.", "About 750 riders came on Monday night",
     "Centers for Ferry Safety and Harbor Services", "according to", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), ACCORDING_TO_JOINED_NAMES)
def test_according_to_joined_names(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A role resolves to a holder of a shorter role only when the words dropped say whose or
# which one it is (extract._same_role_without): "the vice president" is no "President Lund".
ROLES_OF_ANOTHER = [
    ("President Ada Lund visited the port on Monday. The vice president said the fares would "
     "rise.", "the fares would rise", "The vice president", "said", "indirect"),
    ("Attorney General Ada Lund spoke first. The inspector general said the files were late.",
     "the files were late", "The inspector general", "said", "indirect"),
    ("Turkish President Ada Lund spoke first. The president said the files were late.",
     "the files were late", "Ada Lund", "said", "indirect"),
    ("President Ada Lund spoke first. The Turkish president said the files were late.",
     "the files were late", "Ada Lund", "said", "indirect"),
    ("Former Governor Ada Lund spoke first. The former governor said the files were late.",
     "the files were late", "Ada Lund", "said", "indirect"),
    ("Gov. Ada Lund had surgery. A source close to the governor said she was well.",
     "she was well", "A source close to the governor", "said", "indirect"),
    ("Sen. Ada Lund spoke first. The Republican senator said the files were late.",
     "the files were late", "Ada Lund", "said", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), ROLES_OF_ANOTHER)
def test_roles_of_another(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


def test_capitalised_vice_president_is_another_role():
    check("President Ada Lund visited the port. The Vice President said the fares would rise.",
          "the fares would rise", "The Vice President", "said", "indirect")


# A description with a place of two words keeps the whole place (attribution._whole_place),
# and one with a place and a title after other words is no person (_place_before_title); an
# -ed adjective after "the" stays in the subject (_participle_adjective).
DESCRIBED_VOTERS = [
    ("“We need to feel loved,” said an uncommitted New Hampshire Democrat.",
     "We need to feel loved,", "an uncommitted New Hampshire Democrat", "said", "direct"),
    ("“She needs to step it up,” said a pro-Lund Iowa Democrat, who spoke anonymously.",
     "She needs to step it up,", "a pro-Lund Iowa Democrat", "said", "direct"),
    ("“Drop in on breakfast,” the uncommitted activist said.",
     "Drop in on breakfast,", "the uncommitted activist", "said", "direct"),
    ("“The ferry is late,” a retired captain said.",
     "The ferry is late,", "a retired captain", "said", "direct"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), DESCRIBED_VOTERS)
def test_described_voters(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# After an inverted cue, a time or place adjunct may follow a name (", said Ada Lund in an
# interview"), never a clause (extract._inverted_after).
INVERTED_THEN_ADJUNCT = [
    ("The ferry was late again on Monday, said Ada Lund in an interview with the Courier.",
     "The ferry was late again on Monday", "Ada Lund", "said", "indirect"),
    ("The harbor is busy now. Ada Lund, the port’s chief, said the ferry uses at least eight "
     "new engines, such as the Tern, its quiet motor, which here doubles as a pump.",
     "the ferry uses at least eight new engines, such as the Tern, its quiet motor, which here "
     "doubles as a pump", "Ada Lund", "said", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), INVERTED_THEN_ADJUNCT)
def test_inverted_then_adjunct(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)
# Participles of verbs of saying (cues.toml class participles_with_clause, rule "participle",
# extract._participle_reports_clause) report a clause, not a noun object or a gerund used as a
# noun; British spellings of listed verbs are cues too: (text, reported content or None).
PARTICIPLE_SPEECH = [
    ("The mayor wrote to the crews, acknowledging that the repairs were late.",
     "the repairs were late"),
    ("The ferry line issued a notice confirming that two crossings had been cancelled.",
     "two crossings had been cancelled"),
    ("The skipper sued the port, alleging his permits were revoked without cause.",
     "his permits were revoked without cause"),
    ("Reyes angered the deckhands by tweeting that the fares would rise.",
     "the fares would rise"),
    ("The harbour chief struck a softer tone, reiterating in a call with pilots that the "
     "pier would stay open.", "the pier would stay open"),
    ("The council's audit emphasises that the pier must be repaired before winter.",
     "the pier must be repaired before winter"),
    ("Reyes criticised the levy, emphasising that the budget was already stretched.",
     "the budget was already stretched"),
    ("There is no denying that the old pier leaks in every storm.", None),
    ("The simple act of asserting rights on the quay can force a reply from the board.", None),
    ("The surgeons who seek admitting privileges at the harbour clinic are a rare breed.", None),
    ("The board kept its policy of denying mooring permits to visiting yachts.", None),
    ("Reyes is asserting what many skippers think is their right to fish.", None),
    ("The pilots went on stressing their long ties to the old ferry line.", None),
]


@pytest.mark.parametrize(("text", "reported"), PARTICIPLE_SPEECH)
def test_participle_speech(text, reported):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    found = sorted(q.loc[q["kind"] == "indirect", "quote"])
    assert found == ([] if reported is None else [reported]), q[["quote", "speaker", "cue"]]


# "late"/"early" before a time word and a day's number after a month are part of a time
# phrase between the cue and its clause (attribution._time_degree, attribution._day_of_month);
# a date after a determiner stays inside its noun phrase ("a March 27 letter from Lund").
TIME_BEFORE_CLAUSE = [
    ("Defence Minister Ada Lund denied late Monday that the navy had fired on the trawler.",
     "the navy had fired on the trawler", "Ada Lund", "denied", "indirect"),
    ("The port authority confirmed early Thursday that two cranes had collapsed.",
     "two cranes had collapsed", "The port authority", "confirmed", "indirect"),
    ("Reyes said late last year that she favoured a toll on the bridge.",
     "she favoured a toll on the bridge", "Reyes", "said", "indirect"),
    ("The Harbour Gazette reported on April 1 that the ferry line paid three skippers.",
     "the ferry line paid three skippers", "Harbour Gazette", "reported", "indirect"),
    ("Okafor said Sept. 5 he would stay on as harbour master.",
     "he would stay on as harbour master", "Okafor", "said", "indirect"),
    ("A March 27 letter from Ada Lund says that the pier is unsafe for ferries.",
     "the pier is unsafe for ferries", "Ada Lund", "says", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), TIME_BEFORE_CLAUSE)
def test_time_before_clause(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# Agreeing to act is a decision, no reported speech; agreeing that something is so states a
# view (cues.toml class agreement, rule "clause"): (text, reported content or None).
AGREEMENT = [
    ("The ferry line agreed to pay the skippers two million dollars to settle the case.", None),
    ("The harbour court agreed last month to hear two cases about the levy.", None),
    ("The port has agreed not to raise the fares before the spring.", None),
    ("Okafor agreed that the old pier was unsafe for heavy ferries.",
     "the old pier was unsafe for heavy ferries"),
    ("The crews answered by agreeing that the timetable was a problem.",
     "the timetable was a problem"),
]


@pytest.mark.parametrize(("text", "reported"), AGREEMENT)
def test_agreement(text, reported):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    found = sorted(q.loc[q["kind"] == "indirect", "quote"])
    assert found == ([] if reported is None else [reported]), q[["quote", "speaker", "cue"]]


# A commitment verb in the present tense whose subject is a thing says what is likely, not
# what was vowed (extract._thing_commits): (text, reported content or None).
THING_COMMITS = [
    ("But the row threatens to slow the port's investment drive.", None),
    ("The harbour strike threatens to overshadow the regatta this weekend.", None),
    ("The journey of healing promises to be long, and help is scant.", None),
    ("The crews threatened to strike if the fares rose.", "to strike if the fares rose"),
    ("The city vowed to repair the pier by spring.", "to repair the pier by spring"),
    ("The ferry company pledged to keep the night service running.",
     "to keep the night service running"),
    ("The crews back Reyes, who has vowed to repeal the levy.", "to repeal the levy"),
    ("Fares rose in May and the port promised to add a second ferry.",
     "to add a second ferry"),
]


@pytest.mark.parametrize(("text", "reported"), THING_COMMITS)
def test_thing_commits(text, reported):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    found = sorted(q.loc[q["kind"] == "indirect", "quote"])
    assert found == ([] if reported is None else [reported]), q[["quote", "speaker", "cue"]]


# The object inside a restrictive relative clause right before the cue is not its subject: the
# noun phrase before "who" is (extract._head_of_relative); a clause inside the relative has a
# subject of its own.
RELATIVE_OBJECTS = [
    ("A pathologist who examined the body said he could not rule out foul play.",
     "he could not rule out foul play", "A pathologist", "said", "indirect"),
    ("Skippers who attended the hearing on Monday said the fares were too high.",
     "the fares were too high", "Skippers", "said", "indirect"),
    ("Harbour officials who have read the audit say it lists every missing crane.",
     "it lists every missing crane", "Harbour officials", "say", "indirect"),
    ("Lund is a pilot who embodies what the skippers say is the true spirit of the old harbour.",
     "is the true spirit of the old harbour", "the skippers", "say", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), RELATIVE_OBJECTS)
def test_relative_objects(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A comma after a participle ends it: no clause of its own follows
# (extract._participle_reports_clause).
PARTICIPLE_THEN_COMMA = [
    "Lund and other pilots are still tweeting, despite reports that the port blocks them.",
    "The crews wish only that Reyes would cease tweeting, stop attacking pilots and resign.",
]


@pytest.mark.parametrize("text", PARTICIPLE_THEN_COMMA)
def test_participle_then_comma(text):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert not (q["kind"] == "indirect").any(), q[["quote", "speaker", "cue"]]
# A passive cue with no agent (extract._passive_frame, extract._passive_without_agent_at):
# its subject is who is spoken to or about, so the quotation has no speaker the sentence
# names, and none is carried over to it; an active cue after it, or a colon frame, still
# reads its speaker.
PASSIVE_CUES = [
    ("The ferry strike was called a “turning point” moment for riders.", "turning point",
     None, None, "scare"),
    ("Ada and Ivo have long been told that “good sailors become good captains” but they want "
     "more.", "good sailors become good captains", None, "told", "scare"),
    ("The film has been called a tale of first love “reminiscent of early westerns” that "
     "critics adore.", "reminiscent of early westerns", None, "called", "scare"),
    ("Another set of rules is what is referred to as “harbor law” on the docks.", "harbor law",
     None, "referred", "scare"),
    ("Ada Lund spoke first. Students at the harbor school were told, via email, “the ferry is "
     "safe to ride again.”", "the ferry is safe to ride again.", None, "told", "direct"),
    ("Reyes was asked about the fares and said, “We will not wait.”", "We will not wait.",
     "Reyes", "said", "direct"),
    ("When Ada Lund was asked about the fares, her answer was short: “We will not wait.”",
     "We will not wait.", "Ada Lund", "asked", "direct"),
    ("The lawyer said that before a ferry pass is denied, “you have to have a hearing.”",
     "you have to have a hearing.", "The lawyer", "said", "direct"),
    ("When Ada Lund was asked about the fares, Reyes shot back, “We will not wait.”",
     "We will not wait.", "Reyes", None, "direct"),
    ("The harbor plan was described as “a disaster” by Mayor Ada Lund on Monday.", "a disaster",
     "Ada Lund", "described", "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), PASSIVE_CUES)
def test_passive_cues(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# Firms' names end in words of organisations (attribution.json org_words: "Securities",
# "Economics", "Holdings"): "Harbor Securities analyst Ada Lund" names one person, Ada Lund,
# and the pronoun after it stands for her, not for the firm.
FIRM_NAMES = [
    ("It’s enough for Harbor Securities analyst Ada Lund to start coverage of the line. She "
     "believes “fares will rise by May.”", "fares will rise by May.", "Ada Lund", None,
     "partial"),
    ("It’s enough for Dover Economics analyst Ivo Reyes to cut his forecast. He believes "
     "“fares will rise by May.”", "fares will rise by May.", "Ivo Reyes", None, "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), FIRM_NAMES)
def test_firm_names(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# "who" after "of" and an abstract noun hangs on the object of "of" (extract._abstract_head,
# extract._of_after_abstract_head): the objections are no one, the prosecutors speak; a
# "which" after such a phrase is the thing ("the indictment …, which alleges").
ABSTRACT_OF_ANTECEDENTS = [
    ("Judge Ada Lund let the jury hear it, despite the objections of harbor pilots who called "
     "the ruling “reckless.”", "reckless.", "harbor pilots", "called", "partial"),
    ("The board heard the complaints of residents who said the ferry was “always late.”",
     "always late.", "residents", "said", "partial"),
    ("The board echoed the criticism of Harbor pilots, who said the plan was “a mistake.”",
     "a mistake.", "Harbor pilots", "said", "partial"),
    ("Reyes cited the indictment of the Harbor Agency, which alleges that the crews were “paid "
     "off.”", "paid off.", "indictment of the Harbor Agency", "alleges", "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), ABSTRACT_OF_ANTECEDENTS)
def test_abstract_of_antecedents(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A definite description of one person by what they do ("the actress", "the LA Lakers star")
# stands for the person named in full as the subject of the sentence
# before it (extract._described_subject); not an office ("the mayor"), a plural, a thing, or
# a noun the sentence before gives to someone else ("met the coach").
DESCRIBED_SUBJECTS = [
    ("Ilene Graff, who played a mother on television for years, said motherhood changed her. "
     "“I can’t even remember life before,” the actress explained.",
     "I can’t even remember life before,", "Ilene Graff", "explained", "direct"),
    ("Stars joined in. Ada Lund, the most famous skipper in Dover, posted her thoughts online."
     "\n\n“You still don’t understand the protest,” wrote the Harbor Hawks star.",
     "You still don’t understand the protest,", "Ada Lund", "wrote", "direct"),
    ("Ada Lund met the coach on Monday. “We will not wait,” the coach said.",
     "We will not wait,", "the coach", "said", "direct"),
    ("Ada Lund met the mayor on Monday. “We will not wait,” the mayor said.",
     "We will not wait,", "the mayor", "said", "direct"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), DESCRIBED_SUBJECTS)
def test_described_subjects(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A body written with lower-case words and "in"/"of" before a name (extract._body_in_place)
# is that body, not the place or the name after it: "the prosecutor's office in Dover" is no
# person named Dover; but a person's role before the body keeps the person ("Secretary of
# State …").
BODIES_IN_PLACES = [
    ("The prosecutor’s office in Dover said the pilot had been treated for “suicidal "
     "tendencies.”", "suicidal tendencies.", "prosecutor’s office in Dover", "said", "partial"),
    ("The district attorney’s office in Kent said the driver was “not at fault.”",
     "not at fault.", "district attorney’s office in Kent", "said", "partial"),
    ("The Dover Court of Appeals for the 12th Circuit said the rule was “plainly unlawful.”",
     "plainly unlawful.", "Dover Court of Appeals for the 12th Circuit", "said", "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), BODIES_IN_PLACES)
def test_bodies_in_places(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# "is quoted" is the one passive cue whose subject speaks (extract._passive_without_agent_at).
QUOTED_SUBJECTS = [
    ("Ada Lund, the league’s commissioner, is quoted speaking of a “duty to the harbor” that "
     "comes with the job.", "duty to the harbor", "Ada Lund", "quoted", "partial"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), QUOTED_SUBJECTS)
def test_quoted_subjects(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)
def speaker_and_type(text: str, quote: str) -> tuple[str | None, str | None]:
    """(speaker, speaker_type) of the one row of ``text`` whose quoted words are ``quote``."""
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    rows = q[q["quote"] == quote]
    assert len(rows) == 1, f"expected one row {quote!r}, got:\n{q[['quote', 'speaker']]}"
    r = rows.iloc[0]
    return (
        None if pd.isna(r["speaker"]) else r["speaker"],
        None if pd.isna(r["speaker_type"]) else r["speaker_type"],
    )


# A title, place, party or employer run into a name without a comma is no part of the name
# (resolve.title_run_name); a tie before the name keeps the description ("a lawyer for").
TITLE_RUN_NAMES = [
    ("Leading Brexiteer Steve Lund said it was “not personal” at all. Brexiteers want more.",
     "not personal", ("Steve Lund", "person")),
    ("The SNP's leader in Westminster Ian Marr said the deal was “dead”. Westminster sat late.",
     "dead", ("Ian Marr", "person")),
    ("The Netherlands’ Mark Rutter said newcomers “must adapt” to the country.",
     "must adapt", ("Mark Rutter", "person")),
    ("“Sales will fall,” CFO Brett Biggers said on Tuesday.", "Sales will fall,",
     ("Brett Biggers", "person")),
    ("“We will meet,” the Egyptian ambassador to the United States Mohamed Tawfiq said.",
     "We will meet,", ("Mohamed Tawfiq", "person")),
    ("“Rescue is hard,” Kathmandu district chief administrator Ek Narayan Aryal said.",
     "Rescue is hard,", ("Ek Narayan Aryal", "person")),
    ("“No comment,” the head of the World Health Organization Tedros Adhanom Ghebreyesus said.",
     "No comment,", ("Tedros Adhanom Ghebreyesus", "person")),
    ("“It will pass,” a lawyer for Mark Lund told reporters.", "It will pass,",
     ("a lawyer for Mark Lund", "description")),
    ("“He supports it,” a spokeswoman for Mr. Lund said.", "He supports it,",
     ("a spokeswoman for Mr. Lund", "description")),
    ("“The ship is safe,” the commander of the USS Steve Lund said.", "The ship is safe,",
     ("the commander of the USS Steve Lund", "description")),
    ("“We stand firm,” said J. Mark Lund of the union.", "We stand firm,",
     ("J. Mark Lund", "person")),
    ("“We act,” the Ian Lund Foundation said in a statement.", "We act,",
     ("Ian Lund Foundation", "organisation")),
    ("Georgia Ann Lund said the fares would “rise soon” in May.", "rise soon",
     ("Georgia Ann Lund", "person")),
    ("Family members of prisoner Steve Lund said they “thank God” for the news.", "thank God",
     ("Family members of prisoner Steve Lund", "description")),
    ("“He lied,” the White House director of legislative affairs Mark Lund said.", "He lied,",
     ("Mark Lund", "person")),
]


@pytest.mark.parametrize(("text", "quote", "expected"), TITLE_RUN_NAMES)
def test_title_run_names(text, quote, expected):
    assert speaker_and_type(text, quote) == expected


# Titles of British, Irish, Commonwealth and Muslim-world news open no name (attribution.json
# "titles"); a two-letter syllable of a Korean name is no body's acronym ("Un" is not "UN").
WORLD_TITLES = [
    ("“It is a scandal,” Taoiseach Mark Lund said.", "It is a scandal,", ("Mark Lund", "person")),
    ("“We must act,” Baroness Mary Lund said.", "We must act,", ("Mary Lund", "person")),
    ("“Hold the line,” Brig Mark Lund said.", "Hold the line,", ("Mark Lund", "person")),
    ("“Pray for them,” Fr Mark Lund said.", "Pray for them,", ("Mark Lund", "person")),
    ("“The talks are over,” said Kim Jong Un, the leader.", "The talks are over,",
     ("Kim Jong Un", "person")),
    ("“We are ready,” said Rim Un Hui, a resident.", "We are ready,", ("Rim Un Hui", "person")),
    ("“The vote is set,” the UN said on Monday.", "The vote is set,", ("UN", "organisation")),
]


@pytest.mark.parametrize(("text", "quote", "expected"), WORLD_TITLES)
def test_world_titles(text, quote, expected):
    assert speaker_and_type(text, quote) == expected


# A run of capitals that names a place, a people, a war, a sea or a storm is no person's full
# name, which a later "he" or "she" could stand for (extract._place_or_people); a name with a
# given name first, or a numeral after a surname, still is.
NAME_RUNS = [
    ("World War II", None),
    ("Boston-based Israeli", None),
    ("Southeast Delhi", None),
    ("St Martin", None),
    ("Hurricane Irma", None),
    ("Tropical Storm Harvey", None),
    ("Pacific Ocean", None),
    ("Lund's Likud", None),
    ("Iraq’s Sunnis", None),
    ("Michael Jordan", "Michael Jordan"),
    ("Garry South", "Garry South"),
    ("Raúl Labrador", "Raúl Labrador"),
    ("Benigno Lund III", "Benigno Lund III"),
    ("Kim Jong Un", "Kim Jong Un"),
]


@pytest.mark.parametrize(("run", "name"), NAME_RUNS)
def test_name_runs_of_places_and_peoples(run, name):
    info = _name_info(run)
    assert (info[1] if info else None) == name


def test_pronoun_skips_a_people_named_nearer():
    text = (
        "Writing in the daily, Boston-based Israeli journalist Mary Lund was calm. “The streets "
        "emptied,” she wrote."
    )
    assert speaker_and_type(text, "The streets emptied,")[0] == "Mary Lund"


def test_country_speaks_as_itself():
    text = (
        "The head of US Pacific Command spoke to Congress. “We will respond,” the US said on "
        "Monday."
    )
    assert speaker_and_type(text, "We will respond,") == ("US", "organisation")


# A surname written with the body its bearer speaks for, as wire and magazine copy writes a
# second mention, is the full name the article gives (extract._surname_with_employer); a
# group before a tie, a role, a people's word and people named together are left alone.
EMPLOYER_SURNAMES = [
    ("Steve Lund is a lawyer at the ACLU. “The process is short,” the ACLU’s Lund said.",
     "The process is short,", "Steve Lund"),
    ("Mark Lund is a fellow at CSIS. “Nobody knows,” says Mr. Lund of CSIS.",
     "Nobody knows,", "Mark Lund"),
    ("Mark Lund laughed. “I told them everything,” said Lund with a laugh.",
     "I told them everything,", "Mark Lund"),
    ("Sen. Mark Lund of Ohio described the speech as “poor” on Monday.", "poor", "Mark Lund"),
    ("Steve Lund spoke first. Mary Lund at Steve Lund's memorial said “he was great” then.",
     "he was great", "Mary Lund"),
    ("Steve Lund stayed in the embassy. “He is at risk,” Lawyers for Lund said.",
     "He is at risk,", "Lawyers for Lund"),
    ("The Syrian Observatory for Human Rights said “30 strikes” hit the town.", "30 strikes",
     "Syrian Observatory for Human Rights"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), EMPLOYER_SURNAMES)
def test_surnames_with_employers(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A capitalised role with the name set off by commas after it is that person
# (extract._role_set_off); a noun for a body's kind before its name is no part of the name
# (resolve.body_after_kind); world news bodies and outlets are organisations
# (attribution.json "org_names").
WORLD_BODIES = [
    ("Harborland's President, Steve Lund, said the deal would “stab us in the back”.",
     "stab us in the back", ("Steve Lund", "person")),
    ("Harborland Foreign Minister, Mark Lund, later said the pact would “most likely” end.",
     "most likely", ("Mark Lund", "person")),
    ("Rep. Peter King, R-New York, said the pledge was “not relevant” today.", "not relevant",
     ("Peter King", "person")),
    ("Computer giant Microsoft said the attack was a “wake-up call” for all.", "wake-up call",
     ("Microsoft", "organisation")),
    ("Clashes were reported by Qatar-based broadcaster al-Jazeera, which called them “intense”.",
     "intense", ("al-Jazeera", "organisation")),
    ("Italian daily Corriere della Sera reported that the pope was “tired” on Monday.", "tired",
     ("Corriere della Sera", "organisation")),
    ("“We act,” a spokesman for news agency Harbor Press said.", "We act,",
     ("a spokesman for news agency Harbor Press", "description")),
    ("The number is to be “retired”, Scotland Yard said.", "retired",
     ("Scotland Yard", "organisation")),
    ("Number 10 said the plan was “on track” on Monday.", "on track",
     ("Number 10", "organisation")),
]


@pytest.mark.parametrize(("text", "quote", "expected"), WORLD_BODIES)
def test_world_bodies(text, quote, expected):
    assert speaker_and_type(text, quote) == expected


# Arabic names with "bin" and a capitalised "Al" are whole names: no role ends before "bin"
# (attribution.strip_name) and particles do not make a name too long (extract._name_info).
PARTICLE_NAMES = [
    ("“The expo is ready,” said Sheikh Mohammed bin Rashid Al Maktoum.", "The expo is ready,",
     "Mohammed bin Rashid Al Maktoum"),
    ("“It is done,” Khalifa bin Zayed Al Nahyan said.", "It is done,",
     "Khalifa bin Zayed Al Nahyan"),
    ("Abdul Rahman Al Thani met the envoy. “The war is over,” Al Thani said.", "The war is over,",
     "Abdul Rahman Al Thani"),
    ("“We will win,” said Felipe de la Cruz Gómez.", "We will win,", "Felipe de la Cruz Gómez"),
    ("Prince Ali bin Al Hussein is running. “We need leadership,” said Ali, the candidate.",
     "We need leadership,", "Ali bin Al Hussein"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), PARTICLE_NAMES)
def test_particle_names(text, quote, speaker):
    assert speaker_and_type(text, quote) == (speaker, "person")


# Four-word Spanish and Portuguese names (two given names, two surnames) are full names the
# two surnames resolve to (extract._given_names_and_two_surnames); a headline's capitals are
# none ("Donald Trump Ada Lund").
TWO_SURNAMES = [
    ("Mexican President Andrés Manuel López Obrador spoke. “We will not bow,” López Obrador "
     "said.", "We will not bow,", "Andrés Manuel López Obrador"),
    ("José Luis Rodríguez Zapatero visited Caracas. “Talks must go on,” Rodríguez Zapatero said.",
     "Talks must go on,", "José Luis Rodríguez Zapatero"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), TWO_SURNAMES)
def test_two_surnames(text, quote, speaker):
    assert speaker_and_type(text, quote) == (speaker, "person")


@pytest.mark.parametrize(
    ("run", "name"),
    [("Donald Trump Kellyanne Conway", None), ("Sandy Hook Elementary School", None)],
)
def test_headline_runs_are_no_four_word_names(run, name):
    info = _name_info(run)
    assert (info[1] if info else None) == name


def test_gallery_title_run_into_its_caption():
    text = ("Hide Caption 3 of 9 Photos: Mayor Ada Ada spoke at the pier. Later, the mayor said "
            "the ferries were “safe again.”")
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert "Ada Ada" not in set(q["speaker"].dropna()), q[["quote", "speaker"]]


# "he"/"she" skip a full name whose given name nearly all bearers of the other sex have in the
# census, where the article's honorifics say nothing ("Bill" is also a word, so the corpus's own
# list leaves it out): extract._given_name_sex.
CENSUS_SEXES = [
    ('Greta Moss spoke first. Bill Lund nodded. "We are ready," she said.', "We are ready,",
     "Greta Moss"),
    ('Bill Lund and Greta Moss met on Monday. "We are ready," she said after the talks.',
     "We are ready,", "Greta Moss"),
    ('Greta Moss spoke first. Bill Lund nodded. "We are ready," he said.', "We are ready,",
     "Bill Lund"),
    # a surname whose fullest name is of the other sex: the namesake of the pronoun's sex
    # (extract._namesake_of_sex)
    ('Bill Lund spoke on Monday. Greta Lund stayed home. Later, Lund answered questions. '
     '"We are ready," she said.', "We are ready,", "Greta Lund"),
    ('Greta Lund stayed home. Bill Lund spoke on Monday. Later, Lund answered questions. '
     '"We are ready," he said.', "We are ready,", "Bill Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), CENSUS_SEXES)
def test_census_sexes_of_given_names(text, quote, speaker):
    assert speaker_and_type(text, quote) == (speaker, "person")


@pytest.mark.parametrize(
    ("name", "sex"),
    # a word that opens compound surnames says nothing of sex ("Heather Mac Donald")
    [("Bill Lund", "m"), ("Greta Lund", "f"), ("Mac Donald", None), ("Lund", None),
     ("Ivo Lund", None)],
)
def test_given_name_sex(name, sex):
    assert _given_name_sex(name) == sex


# A nickname in marks inside a name is nobody's words, and reported speech runs on through it
# (extract._nickname_in_name): "Rep. Jesús “Chuy” Lund", "Anton “Tony” Reyes".
NICKNAMES = [
    ("The bill was backed by Rep. Jesus “Chuy” Lund, a Democrat from the west side of town.",
     "Chuy", "scare"),
    ("Investigators said the gunman shot police Sgt. Anton “Tony” Reyes while he sat in his car.",
     "Tony", "scare"),
    # a word the speaker calls someone is the speaker's: the word before the mark is no name
    ("At every one of his rallies, Ada Lund calls him “Crooked” Reyes and the crowd cheers.",
     "Crooked", "partial"),
]


@pytest.mark.parametrize(("text", "quote", "kind"), NICKNAMES)
def test_nicknames_in_names(text, quote, kind):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    rows = q[q["quote"] == quote]
    assert list(rows["kind"]) == [kind], q[["quote", "kind", "speaker"]]


def test_reported_speech_runs_through_a_nickname():
    text = ("Ada Lund told a television station on Sunday that her father, Anton “Tony” Reyes, "
            "was one of the victims of the attack.")
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    indirect = q[q["kind"] == "indirect"]
    assert len(indirect) == 1
    assert "“Tony” Reyes, was one of the victims" in indirect["quote"].iloc[0]
    assert indirect["speaker"].iloc[0] == "Ada Lund"
# A run of capitals ends where the sentence splitter ends a sentence after an abbreviation
# that may end one (extract._ends_run): "D.C. But" is no name.
@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("a shop in Washington, D.C. But Ada Lund said", ["D.C.", "But Ada Lund"]),
        ("Ivo Lund Jr. He said", ["Ivo Lund Jr.", "He"]),
        ("the U.S. Army said", ["U.S. Army"]),
        ("Sen. Ada Lund said", ["Sen. Ada Lund"]),
    ],
)
def test_name_runs_end_with_sentences(text, runs):
    assert [r for _, r in _name_runs(text)] == runs
# A participle right after a short noun phrase of people hangs on it (a reduced relative):
# those people speak, not the clause's subject (extract._people_before_participle); a text's
# participle is its sender's, and a participle inside another's words or after a past verb's
# object keeps the old reading.
PEOPLE_BEFORE_PARTICIPLE = [
    ("Ada Lund was outshouted at the pier by a protester demanding a vote on the fares.",
     "a vote on the fares", "a protester", "demanding", "indirect"),
    ("The port has a candidate pledging to overturn the ferry tolls.",
     "to overturn the ferry tolls", "a candidate", "pledging", "indirect"),
    ("Trading was muted, with futures drifting higher but investors saying there was little "
     "new in the speech.", "there was little new in the speech", "investors", "saying",
     "indirect"),
    ("Ivo Reyes released a statement saying the ferry deficit was large.",
     "the ferry deficit was large", "Ivo Reyes", "saying", "indirect"),
    ("The mediator scolded the skipper saying that he would be asked to leave.",
     "he would be asked to leave", "The mediator", "saying", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), PEOPLE_BEFORE_PARTICIPLE)
def test_people_before_a_participle_speak(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)


# A relative "that" right before a cue stands for the text it hangs on when that is a document
# or a rule (extract._text_before_that; guidelines: a report that says something is the
# speaker); other nouns keep "that", as PolNeAR marks it.
TEXT_BEFORE_THAT = [
    ("The port has a policy that says the ferries can't be sold.",
     "the ferries can't be sold", "a policy", "says", "indirect"),
    ("The board issued a report that said the pier leaked in May.",
     "the pier leaked in May", "a report", "said", "indirect"),
    ("Justice Lund joined an opinion that said the levy should stand.",
     "the levy should stand", "an opinion", "said", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "kind"), TEXT_BEFORE_THAT)
def test_a_text_before_that_speaks(text, quote, speaker, cue, kind):
    check(text, quote, speaker, cue, kind)
# An opener without a comma ends before a subject pronoun after a time word, so "he" is the
# sentence's subject (attribution._pronoun_after_time_opener); a described subject given a name
# right after ("a sixth-grader named Tomas") is that name for a later "he"
# (extract._name_given_after).
SUBJECT_AFTER_OPENER = [
    ("Lund approved work on Kell Brae in 1997. On Monday he confirmed what had long been "
     "suspected, that villages like Kell Brae were built to block claims.\n\n“We will keep the "
     "valley united,” he told voters.", "We will keep the valley united,", "Lund"),
    ("Ada Lund chairs the board of Harbor Lines. In 2019 she quit the board, as expected, "
     "after Ivo Reyes, the owner, sold it.\n\n“I am done,” she said.", "I am done,", "Ada Lund"),
    ("The principal, Mara Quist, runs the school.\n\nSix months ago, a sixth-grader named Tomas "
     "spoke no English when he arrived.\n\n“This is the science class,” he explains.",
     "This is the science class,", "Tomas"),
    # (a body's longer name goes on past a lower-case word: no name given after "a group")
    ("Years ago, a group called Right on Crime formed to push what it calls the “conservative "
     "case for reform.”", "conservative case for reform.", "a group"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), SUBJECT_AFTER_OPENER)
def test_subject_after_opener(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A name set off before an age, a home town and a relative clause with an appositive inside it
# is the subject of the cue after them; no noun inside the relative clause is
# (extract._appositive_subject).
RELATIVE_BEFORE_CUE = [
    ("Ada Lund, 48, of Dover, who was at the meeting as a representative of the Harbor Fund, a "
     "shipping group, said Mr. Reyes “did the best he could,” and laughed.",
     "did the best he could,", "Ada Lund"),
    ("Ivo Reyes, who came as a delegate of the Harbor Fund, said the plan was “a joke.”",
     "a joke.", "Ivo Reyes"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), RELATIVE_BEFORE_CUE)
def test_relative_before_cue(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A speaker written by a given name alone is the one person of that given name the article
# writes in full, even when that full name is no speaker of its own
# (resolve.given_name_speakers with the article's names).
GIVEN_NAME_WRITTEN = [
    ("Is Jennifer saying that the “pick was bad”? I asked Jennifer Petty last week.",
     "pick was bad", "Jennifer Petty"),
    ("Later, Julia called the vote “a farce.”\n\nWhat do we know about Julia Brandt? Not much.",
     "a farce.", "Julia Brandt"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), GIVEN_NAME_WRITTEN)
def test_given_name_written(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A role with an indefinite article is someone new when the person the article names with that
# role is written only before it; named beside it or after it (a lead's "a federal judge
# said …" before "Judge Ada Lund …"), it is that person (extract._indefinite_apart).
INDEFINITE_ROLES = [
    ("Chief Deputy Ivo Reyes runs the jail.\n\n" + "The jail holds nine hundred people. " * 40
     + "\n\nShe was released late Sunday and asked for a coat.\n\n“It is bad luck to take "
     "anything home,” a deputy replied.",
     "It is bad luck to take anything home,", "a deputy"),
    ("The ban is void, a federal judge said Friday, calling it “plainly unfair.”\n\nJudge Ada "
     "Lund wrote that the state had erred.", "plainly unfair.", "Ada Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), INDEFINITE_ROLES)
def test_indefinite_roles(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# "he" or "she" is no capitalised plural noun opening a sentence ("Invitations he used to
# get"), and after a subject that is a thing a named person owns ("Reyes's decision …") it
# is that person (extract._plural_of_common_noun, extract._owner_of_thing).
OWNER_NOT_THING = [
    ("Ivo Reyes, a lobbyist, backed Ada Lund for governor. Reyes’s decision to back Lund has "
     "cost him friends. Invitations he would normally receive no longer arrive. The mood he says "
     "he is getting is: “You are out of the club.”", "You are out of the club.", "Ivo Reyes"),
    ("Ivo Reyes spoke to the crowd on Monday.\n\nRiots also serve a purpose, in his view.\n\n"
     "“It shows what the two sides are,” he adds.", "It shows what the two sides are,",
     "Ivo Reyes"),
    # (a kin noun before the name is a person, not a thing the name owns)
    ("Lee Routh shot two men. Hours later, Routh’s sister Ada Blevins called 911. In a "
     "recording of that call, she said: “My brother just came by here.”",
     "My brother just came by here.", "Ada Blevins"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), OWNER_NOT_THING)
def test_owner_not_thing(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A participle after a main clause that follows an opening subordinate clause takes the main
# clause's subject (a name or a pronoun), not that of a cue inside the subordinate clause
# (extract._opening_subordinate_end).
PARTICIPLE_AFTER_SUBORDINATE = [
    ("After Lund argued that there is no difference, Reyes rebuked him, stating, “That is "
     "ridiculous, sir.”", "That is ridiculous, sir.", "Reyes"),
    ("While Lund has blasted Reyes for the bill, Reyes has fired back, noting that Lund is “a "
     "friend of the levy.”", "a friend of the levy.", "Reyes"),
    ("When Lund said the fares would rise, adding that “nobody can stop it,” the board left.",
     "nobody can stop it,", "Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), PARTICIPLE_AFTER_SUBORDINATE)
def test_participle_after_subordinate(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A definite description by what one person is known for in a campaign or in business ("the
# GOP nominee", "the real estate mogul", "the 49-year-old businesswoman") is the person named
# as the subject of the sentence before (extract._described_subject).
DESCRIBED_CANDIDATES = [
    ("But Ada Lund insisted on Monday that she would stay.\n\n“I am not quitting,” the "
     "Harbor Party nominee told reporters.", "I am not quitting,", "Ada Lund"),
    ("Ivo Reyes said he saw the gap too.\n\n“We are quieter than they are,” said the "
     "49-year-old businessman.", "We are quieter than they are,", "Ivo Reyes"),
    # (past an empty "it" opening the sentence before, to the sentence before that)
    ("“We have no choice,” Ivo Reyes said of the ban. It was not immediately clear whether "
     "Reyes was revising his plan.\n\nThe Dover businessman also called the shooting “an "
     "assault on free people.”", "an assault on free people.", "Ivo Reyes"),
    # (a reply is someone else's: no resolution to the speaker of the sentence before)
    ("“We will lose the right,” Ivo Reyes said.\n\nThe Harbor Party nominee countered, “I "
     "support the right.”", "I support the right.", "The Harbor Party nominee"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), DESCRIBED_CANDIDATES)
def test_described_candidates(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A person's name in the possessive ends a run of capitals: what follows is the thing owned
# ("Maria Lund's July 2 interview") or another name, so the article's full name is read and
# the surname alone resolves to it (extract._owner_of_run_rest). A stance prefix before a
# name leaves the name whole ("anti-Dana Reyes bias") (extract._stance_prefix).
POSSESSIVE_ENDS_NAME = [
    ("The summary of Maria Lund's July 2 interview was long. Lund said she did not remember "
     "the man.", "she did not remember the man", "Maria Lund"),
    ("Fans of Dana Lund’s Harbor Hawks cheered. “We won,” Lund said.", "We won,", "Dana Lund"),
    ("Reporting from Dover, Al Harbor's Sohail Rahman said the vote “has surprised the "
     "government.”", "has surprised the government.", "Sohail Rahman"),
    ("Critics blasted anti-Dana Reyes bias in the party. “Go,” Reyes told the paper.", "Go,",
     "Dana Reyes"),
    # (an owner that is no person's name stays in the run: the title after it is the role)
    ("Harbor County State's Attorney Maria Lund filed charges. “It was illegal,” Lund said.",
     "It was illegal,", "Maria Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), POSSESSIVE_ENDS_NAME)
def test_possessive_ends_name(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A party member described by state and party ("the Dover Democrat", "the Republican") is the
# person named as the subject of the sentence before, like the other descriptions of one person
# (extract._described_subject); not when a name is set off beside the description, nor when
# the party is written between them for someone else (extract._name_set_off_after).
DESCRIBED_PARTY_MEMBERS = [
    ("Sen. Maria D. Lund on Sunday criticized the deal with Dover.\n\n“We cannot embrace this "
     "man,” the Ohio Democrat told reporters.", "We cannot embrace this man,", "Maria D. Lund"),
    ("House Speaker Dana Reyes praised the bill after the vote.\n\n“I am pleased,” the "
     "Republican said.", "I am pleased,", "Dana Reyes"),
    ("Maria Lund got support from fellow Ohioan and Democratic leader Dana Reyes. In an "
     "interview, the Ohio Democrat said “I am closer to her view.”", "I am closer to her view.",
     "the Ohio Democrat"),
    # (the description as written, not the subject of the sentence before)
    ("Maria Lund testified for hours. But on Sunday, the panel's top Democrat, Rep. Dana Reyes "
     "of Dover, said “the source was not secret.”", "the source was not secret.",
     "the panel's top Democrat"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), DESCRIBED_PARTY_MEMBERS)
def test_described_party_members(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A noun phrase headed by a thing is no speaker of a fragment, though people are named after
# its tie ("abuse by senior officials"): the clause's own subject speaks; a noun of people or
# a count of them keeps the phrase (extract._thing_headed).
THING_HEADED_PHRASES = [
    ("Last week, a congressional review found that abuse by senior officials is “largely "
     "ignored.”", "largely ignored.", "a congressional review"),
    ("Participants in a focus group called the plan “a real mess.”", "a real mess.",
     "Participants in a focus group"),
    ("One of the officials called the plan “a total mess.”", "a total mess.",
     "One of the officials"),
    ("A spokesman for the board called the plan “a total mess.”", "a total mess.",
     "A spokesman for the board"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), THING_HEADED_PHRASES)
def test_thing_headed_phrases(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A one-word organisation that the article writes with a capital "The" where no sentence starts
# keeps "The" as part of its name, and is not the longer name with its word last ("The Hill"
# beside "Capitol Hill"), unless that longer name takes "the" too ("The Times" beside "The
# New York Times") (extract._the_in_name).
THE_IN_NAME = [
    ("Lawmakers on Capitol Hill were quiet. This was as The Hill reported that the agency had "
     "evidence of bribes.", "the agency had evidence of bribes", "The Hill"),
    ("The New York Times first reported it. “It is over,” The Times reported.", "It is over,",
     "New York Times"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), THE_IN_NAME)
def test_the_in_name(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A surname that is also an organisation's word, whose long form in the article is a person's
# full name, is that person ("Bloomberg said" where the article names Michael Bloomberg), not
# an organisation (extract._canonical_name).
SURNAME_OF_ORGANISATION_WORD = [
    ("Former mayor Michael Bloomberg entered the race. “I do not,” Bloomberg says.",
     "I do not,", ("Michael Bloomberg", "person")),
    ("Bloomberg News reported the deal. “We will grow,” Bloomberg said.", "We will grow,",
     ("Bloomberg", "organisation")),
]


@pytest.mark.parametrize(("text", "quote", "expected"), SURNAME_OF_ORGANISATION_WORD)
def test_surname_of_organisation_word(text, quote, expected):
    assert speaker_and_type(text, quote) == expected


# "He"/"she" opening the main clause after a subordinate clause whose subject is a named person
# is that person ("When Chief Justice Maria Lund issued the opinion, she wrote …"), unless the
# clause holds a pronoun of that sex, the one the main clause is about ("When Dana Lund pushed
# him …, he said") (extract._subordinate_subject).
SUBORDINATE_SUBJECT = [
    ("Justice Ivo Reyes dissented in 1896.\n\nWhen Chief Justice Maria Lund issued the opinion, "
     "she wrote that “the doctrine has no place.”", "the doctrine has no place.", "Maria Lund"),
    ("Ivo Reyes was asked about the war. When Dana Lund pushed him to say whether it was a "
     "mistake, he said no: “The world is a better place.”", "The world is a better place.",
     "Ivo Reyes"),
    ("Ivo Reyes spoke first. While Peter Lund praised the plan, he warned that it was “far too "
     "costly.”", "far too costly.", "Peter Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), SUBORDINATE_SUBJECT)
def test_subordinate_subject(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A month abbreviated before a day ends a name ("Peter Lund Oct. 30"), so the surname alone
# resolves to the full name (extract._name_info).
MONTH_AFTER_NAME = [
    ("The photographer was accused by a model, who named Peter Lund Oct. 30 in a post. “It "
     "never happened,” Lund said.", "It never happened,", "Peter Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), MONTH_AFTER_NAME)
def test_month_after_name(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A bare apostrophe after a plural noun inside a title-cased headline is no possessive of a
# name that ends the run ("Look to Fulfill Harbor Brothers’ Dreams"); after a surname it is
# ("Peter Reyes' October 30 testimony"), as it is before a person's name ("Harbor News'
# Veronica Lund") (extract._owner_of_run_rest).
BARE_APOSTROPHE_POSSESSIVE = [
    ("The Harbor brothers are thanking the council.\n\nLund, Board Look to Fulfill Harbor "
     "Brothers’ Wage Dreams\n\nThe Harbor brothers have said they oppose the cuts, the Courier "
     "reported.", "they oppose the cuts", "Harbor brothers"),
    ("During the panel's October 30 hearing, Peter Reyes' October 30 testimony was read. "
     "“It was a lie,” Reyes said.", "It was a lie,", "Peter Reyes"),
    ("The cost was high, Harbor News’ Veronica Lund reported. “It fell,” Lund said.", "It fell,",
     "Veronica Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), BARE_APOSTROPHE_POSSESSIVE)
def test_bare_apostrophe_possessive(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker
# What an article writes beside a full name tells the person's sex over the lists of given names
# (a man named Sasha, a woman named Avery): a noun of one sex in apposition before or after the
# name, or a relative the name's own "his"/"her" introduces (extract._sex_beside); not a noun
# a relative clause ends, one of a list, nor a "-man" noun news writes of women too.
SEX_BESIDE = [
    ("Her husband, Sasha Lund, said so.", "Sasha Lund", "m"),
    ("Reyes's son Sasha Lund left.", "Sasha Lund", "m"),
    ("Sasha Lund and his wife run a bakery.", "Sasha Lund", "m"),
    ("Avery Lund, 34, and her son run a bakery.", "Avery Lund", "f"),
    ("Avery Lund, 34, a mother of three, runs a bakery.", "Avery Lund", "f"),
    ("Avery Lund, the board's spokeswoman, said so.", "Avery Lund", "f"),
    ("said board spokeswoman Avery Lund.", "Avery Lund", "f"),
    ("the son Avery Lund lost in the war", "Avery Lund", None),
    ("the woman Sasha Lund named", "Sasha Lund", None),
    ("After the death of his wife, Avery Lund moved.", "Avery Lund", None),
    ("Sasha Lund, his wife and their son left.", "Sasha Lund", None),
    ("Avery Lund, a friend of her mother, left.", "Avery Lund", None),
    ("Ada Reyes and Sasha Lund, her daughter and son-in-law, left.", "Sasha Lund", None),
    ("said board chairman Avery Lund.", "Avery Lund", None),
    ("She met Sasha Lund with her husband.", "Sasha Lund", None),
]


@pytest.mark.parametrize(("text", "name", "sex"), SEX_BESIDE)
def test_sex_beside(text, name, sex):
    at = text.index(name)
    assert _sex_beside(text, at, at + len(name)) == sex


# "he"/"she" follow that sex over the given name's list (extract._described_sexes), and an
# honorific with the first word of a name written family name first ("Mr. Kim").
DESCRIBED_SEXES = [
    ('Ada Reyes runs the shop next door. Sasha Lund and his wife run a bakery in Dover. "We '
     'cannot pay the rent," he said.', "We cannot pay the rent,", "Sasha Lund"),
    ('Ivo Reyes runs the shop next door. His wife, Avery Lund, runs a bakery in Dover. "We '
     'cannot pay the rent," she said.', "We cannot pay the rent,", "Avery Lund"),
    ('The harbor closed. Kim Jong Ivo watched the ships leave. Mr. Kim was pleased. "We are '
     'ready," he said.', "We are ready,", "Kim Jong Ivo"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), DESCRIBED_SEXES)
def test_described_sexes(text, quote, speaker):
    assert speaker_and_type(text, quote) == (speaker, "person")


# A full name the article writes as a place's and never as a person's is no person, whatever
# its first word: after "in", "at", "near" or "outside", ending a noun phrase, never with an
# honorific, a given name, a role, an age or "who", and never its last word alone, as a
# surname is written (resolve.place_by_usage).
PLACE_BY_USAGE = [
    ("She grew up in Virginia Beach. Virginia Beach said it would appeal.", "Virginia Beach",
     True),
    ("They met in Santa Barbara on Monday. Barbara Boxer spoke.", "Santa Barbara", True),
    ("Fans gathered at Austin Peay, where the team plays.", "Austin Peay", True),
    ("Ada Reyes moved within Santa Barbara last year.", "Santa Barbara", False),
    ("Voters put their trust in Ada Lund. Lund said no.", "Ada Lund", False),
    ("Voters put their trust in Ada Lund. Mr. Lund left.", "Ada Lund", False),
    ("The rally in Ada Lund's town drew crowds.", "Ada Lund", False),
    ("The rally in Ada Lund, 34, drew crowds.", "Ada Lund", False),
    ("A judge in Virginia Beach Circuit Court ruled.", "Virginia Beach", False),
    ("Economists in Harbor School economics disagree.", "Harbor School", False),
    ("The party's leader in Dover Ivo Lund - who backs the plan - spoke.", "Dover Ivo Lund",
     False),
]


@pytest.mark.parametrize(("text", "name", "expected"), PLACE_BY_USAGE)
def test_place_by_usage(text, name, expected):
    assert place_by_usage(text, name) is expected


# "he"/"she" skip such a place, and it speaks as its government does (an organisation).
PLACES_NOT_PEOPLE = [
    ('Ada Reyes runs a bakery. The council met in Santa Monica on Monday. "We cannot pay the '
     'rent," she said.', "We cannot pay the rent,", ("Ada Reyes", "person")),
    ('Ivo Reyes runs a bakery. Fans gathered at Austin Peay on Monday. "We cannot pay the '
     'rent," he said.', "We cannot pay the rent,", ("Ivo Reyes", "person")),
    ("Ada Reyes runs a bakery. The council met in Virginia Beach on Monday. Virginia Beach "
     "said it would appeal the ruling.", "it would appeal the ruling",
     ("Virginia Beach", "organisation")),
]


@pytest.mark.parametrize(("text", "quote", "expected"), PLACES_NOT_PEOPLE)
def test_places_not_people(text, quote, expected):
    assert speaker_and_type(text, quote) == expected


# A surname the article gives one sex (an honorific, pronouns) says nothing of which of its
# namesakes has it: each keeps the sex of its given name (extract._namesake_sexes).
NAMESAKE_SEXES = [
    ('Bill Lund died in May. His widow, Greta Lund, spoke on Monday. Mrs. Lund thanked the '
     'crowd. "We miss him," said Lund\'s sister, Ada Reyes. The trial, she said, was "only the '
     'start of it."', "only the start of it.", "Ada Reyes"),
    ('Bill Lund and Greta Lund run a bakery. Mrs. Lund bakes. Reporters met Lund on Monday. '
     '"We are ready," he said.', "We are ready,", "Bill Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), NAMESAKE_SEXES)
def test_namesake_sexes(text, quote, speaker):
    assert speaker_and_type(text, quote) == (speaker, "person")
# An inverted cue set off by commas right after the noun phrase opening the sentence is an
# aside: its own subject speaks, and the phrase before it is the main clause's subject
# (extract._inverted_aside).
INVERTED_ASIDE = [
    ("The paradox of Oslo, says Ivo Reyes, a historian, is that it was “one of the most open "
     "cities in the north.”", "one of the most open cities in the north.", "Ivo Reyes"),
    ("Lund, said Ivo Reyes, was the council's “colorful distraction” all year.",
     "colorful distraction", "Ivo Reyes"),
    ("The ferry law, said Ada Lund, had “the purpose and effect to injure” the islanders.",
     "the purpose and effect to injure", "Ada Lund"),
    ("Either way, said Ada Lund, the board has been “too slow” to act.", "too slow", "Ada Lund"),
    # (an appositive closes before the cue: the name before it speaks)
    ("Ivo Reyes, the chair, said Ada Lund, his deputy, would lead the “new effort.”",
     "new effort.", "Ivo Reyes"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), INVERTED_ASIDE)
def test_inverted_aside(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


def test_inverted_aside_is_no_reported_content():
    """The name after the aside's cue is no reported clause of the noun phrase before it."""
    text = "Oslo, said Interior Minister Ada Lund, is “the only city able to supply such amounts.”"
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert list(q["kind"]) == ["partial"]
    assert q["speaker"].iloc[0] == "Ada Lund"


# A closing curly mark right after a quotation's last comma or stop closes it though the space
# after it is missing (extract._closes_glued): the words after it are the frame, not a new
# quotation.
GLUED_CLOSING_MARK = [
    ("Ivo Reyes asked, “How far did he go?”\n\n“It has been a surprise to me to see how far "
     "he went,”Ada Lund said. “It does not fit.”", "It does not fit.", "Ada Lund"),
    ("“We are ready,”Ada Lund said, “and we will win.”", "We are ready,", "Ada Lund"),
    ("“We are ready,\"Ada Lund said on Monday.", "We are ready,", "Ada Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), GLUED_CLOSING_MARK)
def test_glued_closing_mark(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert not q["quote"].str.contains("Lund said").any()


# The owner of a speech noun speaks its "that" clause past a capitalised modifier ("her
# March comment"), an adjunct of up to six words without a verb, and a whole quoted sentence
# right after "that," (extract._capitalised_modifier, extract._verbless,
# extract._opens_noun_clause).
SPEECH_NOUN_OWNER_REACH = [
    ("The miners' union will sit out the race after Ada Lund's March comment that, “We are "
     "going to close every mine in the valley.”",
     "We are going to close every mine in the valley.", "Ada Lund"),
    ("The board rebuked Ivo Reyes after his Monday claim that “the mayor calls the shots” on "
     "the harbor.", "the mayor calls the shots", "Ivo Reyes"),
    ("Lund gained ground after Ivo Reyes's dismissive remark at an early harbor forum that "
     "she was “clever enough.”", "clever enough.", "Ivo Reyes"),
    # (a verb in the words after the noun: its own clause, not the noun's)
    ("But a senior official who previewed Ivo Reyes's remarks on Friday would only say that "
     "the port will be “the top priority” of the address.", "the top priority",
     "a senior official"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), SPEECH_NOUN_OWNER_REACH)
def test_speech_noun_owner_reach(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A participle after ", and" that follows an earlier participle set off by a comma adds to the
# same clause, whose subject speaks (extract._coordinated_participle).
COORDINATED_PARTICIPLE = [
    ("Ada Lund has backed a humble approach in several recent speeches, urging Oslo College "
     "graduates in 2007 to work hard, and telling the class of 2014, “You are never too big "
     "for a small job.”", "You are never too big for a small job.", "Ada Lund"),
    # (without the comma before "and", the earlier rules read it as before)
    ("Ada Lund attacked the board in a letter to the council members, calling the levy unfair "
     "and warning, “We will sue.”", "We will sue.", "Ada Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), COORDINATED_PARTICIPLE)
def test_coordinated_participle(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A lower-case owner with a possessive ending owns its speech noun too ("the mayor's remarks
# that", "her family's claim that"), written without the ending; a "that" clause that has
# ended before the quotation (a second auxiliary: the outer clause's verb) is none of the
# noun's (extract._owner_phrase, extract._unpossessed, extract._clause_ended).
LOWER_CASE_OWNER = [
    ("Tensions were only made worse by the mayor’s remarks that “both sides” were to blame "
     "for the clashes.", "both sides", "the mayor"),
    ("As criticism escalated over the mayor's comments that \"both sides\" were to blame, Ada "
     "Lund spoke.", "both sides", "the mayor"),
    ("During his report, Ivo Reyes passed along her family’s claim that “she was not "
     "political,” and anchor Ada Lund claimed the opposite.", "she was not political,",
     "her family"),
    ("The base welcomed the mayor’s assertion that the rival towns were “going to hell,” and "
     "that Oslo was being “taken advantage of” by them.", "taken advantage of", "the mayor"),
    # (one verb group, "would have to", does not end the clause)
    ("Ivo Reyes left a furious backlash, particularly the mayor's warning that Oslo would have "
     "to go to the “back of the queue” for a deal.", "back of the queue", "the mayor"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), LOWER_CASE_OWNER)
def test_lower_case_owner(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


def test_ended_clause_is_not_the_owners():
    text = (
        "But he did note that Ada Lund's initial claim that Reyes had touched an intern was "
        "“likely untrue” and more."
    )
    assert speaker_and_type(text, "likely untrue")[0] != "Ada Lund"


# A speaker that is a participle or gerund with its object is a clause, not a mention of
# someone (resolve.is_verb_phrase).
VERB_PHRASE_SPEAKERS = [
    ("joining a number of Oslo councillors", True),
    ("making her a powerful critic", True),
    ("struggling to find support", True),
    ("anticipating the vote in Dover", True),
    ("ranking member of the harbor committee", False),
    ("reporting by the Oslo Post", False),
    ("polling data", False),
    ("acting chief", False),
    ("something Oslo", False),
    ("Ada Lund", False),
]


@pytest.mark.parametrize(("text", "expected"), VERB_PHRASE_SPEAKERS)
def test_verb_phrase_speakers(text, expected):
    assert is_verb_phrase(text) is expected


# A lone capitalised "-ly" word made of a common adjective opens a sentence as an adverb; it
# names nobody (resolve.is_sentence_adverb).
SENTENCE_ADVERB_SPEAKERS = [
    ("Sadly", True),
    ("Luckily", True),
    ("Hastily", True),
    ("Simply", True),
    ("Kelly", False),
    ("Sally", False),
    ("Polly", False),
    ("Italy", False),
    ("Leafly", False),
    ("Assembly", False),
    ("Ada Early", False),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_ADVERB_SPEAKERS)
def test_sentence_adverb_speakers(text, expected):
    assert is_sentence_adverb(text) is expected


# An indefinite pronoun heading the clause a speaker is the subject of is no part of the
# speaker (resolve.clause_head_pronoun); a verb phrase or an adverb leaves no speaker
# (resolve.phrase_speakers).
PHRASE_SPEAKER_ROWS = [
    ("The levy could undermine the port – something its supporters say is the real reason "
     "behind the push.", "is the real reason behind the push", "its supporters"),
    ("The levy could be coupled with new limits on ferry fares, something harbor leaders say "
     "they would oppose.", "they would oppose", "harbor leaders"),
    ("Ivo Reyes walked out. Hastily adding that he “would not return,” Reyes left.",
     "would not return,", None),
    ("The idea that there is something in Oslo called a “ferry ban” is wrong.", "ferry ban",
     None),
    ("Is it the party of Ada Lund, who declared that “the levy is a crime”?",
     "the levy is a crime", None),
    # (the agent of a passive, without its "by", is the maker of the thing that speaks)
    ("A survey of harbor workers conducted last year by Kelp Group reported that 77 percent "
     "of “ferry crews” wanted more pay.", "ferry crews", "Kelp Group"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), PHRASE_SPEAKER_ROWS)
def test_phrase_speaker_rows(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A subject pronoun with the rest of its clause is no mention (resolve.is_pronoun_clause).
PRONOUN_CLAUSE_SPEAKERS = [
    ("it the party of Ada Lund", True),
    ("he thinks someone like Reyes", True),
    ("she salvages some respect", True),
    ("they both", False),
    ("he and Ada Lund", False),
    ("we Americans", False),
    ("he", False),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUN_CLAUSE_SPEAKERS)
def test_pronoun_clause_speakers(text, expected):
    assert is_pronoun_clause(text) is expected


# An "-ly" adverb before a preposition opens a piece of a clause, no mention
# (resolve.is_adverb_phrase); before a number or an adjective it may open a noun phrase.
ADVERB_PHRASE_SPEAKERS = [
    ("presumably in the Dover police", True),
    ("domestically under the harbor regime", True),
    ("perfectly in a profile of Ada Lund", True),
    ("nearly 300 voters", False),
    ("financially upscale voter groups", False),
    ("monthly tracking polls", False),
    ("family of Ada Lund", False),
]


@pytest.mark.parametrize(("text", "expected"), ADVERB_PHRASE_SPEAKERS)
def test_adverb_phrase_speakers(text, expected):
    assert is_adverb_phrase(text) is expected


# A lower-case preposition or particle first leaves the verb of a phrase behind; no mention
# (resolve.is_prepositional).
PREPOSITIONAL_SPEAKERS = [
    ("off GOP", True),
    ("out by the 20 candidates", True),
    ("via documents", True),
    ("prior to his announcement", True),
    ("upstate voters", False),
    ("the In-Out campaign", False),
    ("Ada Lund", False),
]


@pytest.mark.parametrize(("text", "expected"), PREPOSITIONAL_SPEAKERS)
def test_prepositional_speakers(text, expected):
    assert is_prepositional(text) is expected


# A span that runs from a determiner's noun into a relative clause's subject pronoun is that
# pronoun's: "a comment he repeated", "the remark she made" (attribution._contact_clause_subject).
CONTACT_CLAUSE_SUBJECTS = [
    ("Ivo Reyes calls the probe a “witch hunt,” a comment he repeated on Twitter hours later.",
     "witch hunt,", "Ivo Reyes"),
    ("Ada Lund runs the port. The remark she made was blunt: “We are closed.”",
     "We are closed.", "Ada Lund"),
    ("Ada Lund sued the port, according to a March 3 post she wrote on her blog.",
     "Ada Lund sued the port", "Ada Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), CONTACT_CLAUSE_SUBJECTS)
def test_contact_clause_subjects(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# A noun of time or event in "-ing" that opens the sentence ("this morning", "Friday's
# filing") is no part of the subject after it (resolve.subject_after_time_noun).
TIME_NOUN_SUBJECTS = [
    ("Then this morning the Oslo Post says it was the board that was desperate for a deal.",
     "it was the board that was desperate for a deal", "the Oslo Post"),
    ("In Friday’s filing the harbor board said it was caught between two rulings.",
     "it was caught between two rulings", "the harbor board"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), TIME_NOUN_SUBJECTS)
def test_time_noun_subjects(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# The surname alone means the person of it whom the article names first in full when it writes
# the surname alone before naming a second person of it: the reader already knows who "Lund"
# is (extract._surname_read_alone_first). Not when the surname came before the first full
# name, nor when the first is introduced as a relative, nor without a lone surname in between:
# then the person written most often in full.
SURNAME_READ_ALONE_FIRST = [
    ("Ivo Lund spoke on Monday. Lund said the plan was sound. His wife, Dana Lund, agreed. "
     "Dana Lund is a teacher.", "Ivo Lund"),
    ("Ada Lund campaigned in Dover. Lund told voters to turn out. Former President Ivo Lund "
     "joined her. Ivo Lund spoke first.", "Ada Lund"),
    ("Ada Lund campaigned in Dover, and Lund’s aides cheered. Ivo Lund joined her. Ivo Lund "
     "spoke first.", "Ada Lund"),
    # (no lone surname before the second: the most written)
    ("Ada Lund and Ivo Lund spoke. Ivo Lund said more. Lund added a joke.", "Ivo Lund"),
    # (a title is no lone surname: "Mr. Lund" may be the one named next)
    ("Ada Lund spoke. Mr. Lund waited. Ivo Lund came later. Ivo Lund left.", "Ivo Lund"),
    # (the surname before the first full name: the reader knew a Lund already)
    ("President Lund flew to Oslo with Ada Lund. Lund said the trip went well. Ivo Lund "
     "thanked her. Ivo Lund flew home.", "Ivo Lund"),
    # (the first introduced as a relative of someone)
    ("His wife, Dana Lund, spoke first. Lund said little. Ivo Lund spoke next. Ivo Lund "
     "left.", "Ivo Lund"),
]


@pytest.mark.parametrize(("text", "expected"), SURNAME_READ_ALONE_FIRST)
def test_surname_read_alone_first(text, expected):
    assert _collect_names(text)["by_last"]["lund"] == expected


def test_surname_read_alone_first_speaker():
    text = (
        "Ada Lund campaigned in Dover on Monday. Lund told voters to turn out. Former President "
        "Ivo Lund, her husband, joined her, and Ivo Lund spoke first. Ivo Lund praised her. "
        "“We will win this state,” Lund said."
    )
    assert speaker_and_type(text, "We will win this state,")[0] == "Ada Lund"


# An honorific of one sex before the surname names the person of that sex among the people
# of the surname, whichever of them the surname alone means (extract._namesake_of_honorific).
HONORIFIC_NAMESAKE = [
    ("President Hugo Lund spoke on Monday. Hugo Lund said more. His wife, Ada Lund, spoke "
     "later. “We will win this,” Mrs. Lund said.", "We will win this,", "Ada Lund"),
    ("President Hugo Lund spoke on Monday. Hugo Lund said more. His wife, Ada Lund, spoke "
     "later. “Yes,” said Ms. Lund.", "Yes,", "Ada Lund"),
    ("President Hugo Lund spoke on Monday. Hugo Lund said more. His wife, Ada Lund, spoke "
     "later. “We must win,” Mr. Lund said.", "We must win,", "Hugo Lund"),
    # (with no one else of the surname a woman by her given name, the one of unknown sex)
    ("President Hugo Lund spoke on Monday. Hugo Lund said more. His wife, Dana Lund, spoke "
     "later. “We will win this,” Mrs. Lund said.", "We will win this,", "Dana Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), HONORIFIC_NAMESAKE)
def test_honorific_namesake(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# Where the surname alone is left to how often each person of it is named in full, a title or
# an honorific with the surname that only one of them may hold counts as a writing of that
# one (extract._with_titled).
TITLED_NAMESAKE = [
    ("Sen. Hugo Lund spoke. His wife, Ada Lund, and Ada Lund’s lawyer spoke too. Sen. Lund "
     "left. Sen. Lund came back.", "Hugo Lund"),
    ("Hugo Lund spoke. Ada Lund spoke too. Ada Lund left. Mr. Lund stayed. Mr. Lund sang.",
     "Hugo Lund"),
    ("Ivo Lund spoke. Ada Lund spoke too. Ada Lund left. Mr. Lund stayed. Mr. Lund sang.",
     "Ivo Lund"),
    # (an honorific either may hold: neither given name's sex is known)
    ("Ivo Lund spoke. Dana Lund spoke too. Dana Lund left. Mr. Lund stayed. Mr. Lund sang.",
     "Dana Lund"),
]


@pytest.mark.parametrize(("text", "expected"), TITLED_NAMESAKE)
def test_titled_namesake(text, expected):
    assert _collect_names(text)["by_last"]["lund"] == expected


# A title before the surname names the one person of the surname the article writes with
# that title, whichever of them the surname alone means (extract._namesake_of_title).
TITLE_NAMESAKE = [
    ("Ada Lund spoke on Monday. Lund said more. Then President Hugo Lund joined her. “We "
     "will win this,” President Lund said.", "We will win this,", "Hugo Lund"),
    ("Ada Lund spoke on Monday. Lund said more. Then President Hugo Lund joined her. “We "
     "will win this,” Lund said.", "We will win this,", "Ada Lund"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), TITLE_NAMESAKE)
def test_title_namesake(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


# Speakers read from dev3's error classes: a gerund after "of" is a noun, not a participle
# cue (extract._participle_noun_phrase); a past verb's plural object is no subject
# (attribution._past_verb_object); the walk for a subject that read a relative clause goes on
# to the phrase before "who" (attribution._opens_with_verb); a name set off after a leading
# "According to" description is the source (extract._apposition_after_source); an inverted
# "Below is the letter from X:" presents X's words (extract._presented_text_owner).
DEV3_SPEAKERS = [
    ("Lund added, with a bit of bragging in her tone, “We will win the vote.”",
     "We will win the vote.", "Lund"),
    ("Sen. Ada Lund, a Democrat from the coast, addressed harbor families and said: “The "
     "port has let you down.”", "The port has let you down.", "Ada Lund"),
    ("Several ferry captains who spoke with the Harbor Ledger said the tides had turned "
     "early.", "the tides had turned early", "Several ferry captains"),
    ("According to the port’s spokeswoman, Ada Lund, the fares will rise next year.",
     "the fares will rise next year", "Ada Lund"),
    ("According to Ada Lund, a spokeswoman for the port, the fares will rise next year.",
     "the fares will rise next year", "Ada Lund"),
    ("According to a spokeswoman for the port, Ada Lund is leaving.", "Ada Lund is leaving",
     "a spokeswoman for the port"),
    ("The board met.\n\nBelow is the letter sent from Ivo Reyes:\n\n“We will not raise the "
     "fares this year.”", "We will not raise the fares this year.", "Ivo Reyes"),
    # "…, as X noted.": the clause before is X's (extract._reported_by_trailing_frame), unless
    # an earlier frame reports it
    ("Ferry fares rose 3 percent last year, as Ada Lund noted.",
     "Ferry fares rose 3 percent last year", "Ada Lund"),
    ("Reyes said the fares would rise in the spring, as Lund proposed.",
     "the fares would rise in the spring, as Lund proposed", "Reyes"),
    # a paragraph ending in a colon introduces the quotation that opens the next paragraph,
    # not the later ones (extract._speaker_in_previous_paragraph)
    ("It is not hard to apply this to the other war:\n\nReyes “does not control the north,” "
     "Ford said. “And we warned them two years ago about the vacuum.” “It was not hard to "
     "see.”", "It was not hard to see.", "Ford"),
    # a role in lower case ends no name: "The Harbor Air founder" is the role the article sets
    # beside a name (extract._canonical_name), even a surname that is also a title
    # (extract._apposed_person)
    ("Ada King, the founder of Harbor Air, met a banker. The Harbor Air founder has denied "
     "that the meeting was planned.", "the meeting was planned", "Ada King"),
    # a sentence-opening form in -ing is no speaker's first word (attribution._gerund_opener)
    ("Watching the tide tables after the storm, Reyes told the crew that the pier had flooded.",
     "the pier had flooded", "Reyes"),
    # a noun heading a run of capitals keeps all of them (attribution._whole_capitals_before_noun)
    ("Or as a headline in a National Geographic story once put it, “The ferries are back at "
     "last.”", "The ferries are back at last.", "National Geographic story"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), DEV3_SPEAKERS)
def test_dev3_speakers(text, quote, speaker):
    assert speaker_and_type(text, quote)[0] == speaker


def test_a_list_of_people_described_after_their_names_is_no_speech():
    # (extract._line_names_label: the lines name their labels in the third person)
    text = (
        "The winners are:\n\nAda Lund: Lund is the painter who made the harbor mural.\n\n"
        "Ivo Reyes: The former mayor of the town now runs the ferry line.\n\n"
        "Dana Okafor: Okafor built the new pier over two summers."
    )
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert q.empty, q[["quote", "speaker"]]
    turn = "The vote came late.\n\nAda Lund: We will not raise the fares, and the board agrees."
    assert speaker_and_type(turn, "We will not raise the fares, and the board agrees")[0] == (
        "Ada Lund"
    )


# A participle after a thing's noun names it: the quotation is a name, no one's words
# (extract._names_a_thing); people's nouns, verbs and relatives before "called" still speak.
NAMED_THINGS = [
    ("Ferries that miss the check are sent to a slow lane called “harbor hold.”", "harbor hold.",
     "scare"),
    ("The council could use a maneuver called “budget reconciliation” to pass it.",
     "budget reconciliation", "scare"),
    ("Mayor Lund once called “reckless” the plan to close the pier.", "reckless", "partial"),
    ("It was a ruling that ferry advocates called “rogue,” and the port appealed.", "rogue,",
     "partial"),
]


@pytest.mark.parametrize(("text", "quote", "kind"), NAMED_THINGS)
def test_named_things_are_no_ones_words(text, quote, kind):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    assert q.loc[q["quote"] == quote, "kind"].tolist() == [kind], q[["quote", "kind"]]
