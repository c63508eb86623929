"""Speakers of quotations in marks that a frame names in ways the general rules missed:

- a role with a possessive name before a name between commas ("Lund's campaign manager, Ivo
  Marsh, said"): the name speaks, as after "the county's engineer, Ivo Marsh,";
- a surname that alone reads as no name (a nationality, a function word) where the article
  gives the person's full name ("Mark Cuban ... said Cuban");
- "called"/"named" that gives a thing its name ("a firm called Delta Partners,") is no cue:
  the frame's own cue names the speaker.

The sentences are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.attribution import is_cue_at, tokenize, written_as_surname
from analysis.quotes.extract import extract_quotes


def speaker_of(text: str, quote: str) -> str | None:
    """The speaker of the quote row whose text starts with ``quote``."""
    docs = pd.DataFrame({"doc_id": ["d"], "outlet": ["x"], "text": [text]})
    q = extract_quotes(docs, progress=False)
    rows = q[q["quote"].str.startswith(quote)]
    assert len(rows) == 1, q[["quote", "speaker"]]
    sp = rows.iloc[0]["speaker"]
    return sp if isinstance(sp, str) else None


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # A role with a possessive name, then the name between commas.
        (
            '"We will win the harbour ward," Lund\'s campaign manager, Ivo Marsh, said.',
            "We will win",
            "Ivo Marsh",
        ),
        (
            '"We will not wait," the Harbor Board’s chair, Ada Lund, said in an interview.',
            "We will",
            "Ada Lund",
        ),
        (
            '"We will not wait," her spokesman, Ivo Marsh, told reporters.',
            "We will",
            "Ivo Marsh",
        ),
        # (the role phrase without a possessive, as before)
        ('"We will not wait," the county\'s engineer, Ivo Marsh, said.', "We will", "Ivo Marsh"),
        # A surname that alone reads as a nationality or a function word.
        (
            'Lena Cuban opened her third bakery.\n\n"We will need more ovens," said Cuban, who'
            " runs the shops with her sister.",
            "We will need",
            "Lena Cuban",
        ),
        (
            'Ann Dutch spoke first.\n\n"The vote is close," Dutch said.',
            "The vote",
            "Ann Dutch",
        ),
        # "called" naming a firm inside an aside is no cue; "argues" is.
        (
            "Ada Lund, a baker at a shop called Rye House, argues that if flour costs climb,"
            ' "bread will double in price," too.',
            "bread will",
            "Ada Lund",
        ),
        # (a "called" with a quotation after the name is the cue)
        ('The mayor called Marsh "a reckless man" on Monday.', "a reckless", "mayor"),
    ],
)
def test_speaker_of_framed_quote(text: str, quote: str, expected: str) -> None:
    got = speaker_of(text, quote)
    assert got is not None and expected.lower() in got.lower()


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Lena Cuban opened a bakery.", "Cuban", True),
        ("Ada From, who founded the council, spoke.", "From", True),
        ("Lena Jun runs the shop.", "Jun", True),
        # Not after a determiner, a place, a nationality or an opener.
        ("The Cuban side won.", "Cuban", False),
        ("Many Cuban families gathered.", "Cuban", False),
        ("Texas Cuban families gathered.", "Cuban", False),
        ("In Cuban waters the boats wait.", "Cuban", False),
        # Not after a word that is no given name ("Twenty", "Senate").
        ("Twenty Republican leaders wrote to him.", "Republican", False),
        ("Senate Republican leaders met.", "Republican", False),
        # Not in a run of capitals (a headline), nor after a participle.
        ("Mayor Accused Of Taking Bribes", "Of", False),
        ("Harbor Board Accused Of Lying", "Of", False),
        ("Lowered From the roof, it fell.", "From", False),
        # Only a word that is capitalised as a name.
        ("Mark CUBAN said", "CUBAN", False),
    ],
)
def test_written_as_surname(text: str, word: str, expected: bool) -> None:
    assert written_as_surname(text, word) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # A naming participle: a noun phrase, the word, a name that closes the phrase.
        ("Ada Lund, a baker at a shop called Rye House, argues", "called", False),
        ("They joined a group named Harbor Watch and left", "named", False),
        ("It is a case dubbed Lund in the papers", "dubbed", False),
        # A cue: after a name or a pronoun, or with a quotation after the name.
        ('Marsh called Lund "a liar"', "called", True),
        ('the mayor called Lund "a liar"', "called", True),
        ('she called Lund "a liar"', "called", True),
    ],
)
def test_naming_participle_is_no_cue(text: str, word: str, expected: bool) -> None:
    toks = tokenize(text, 0, len(text))
    i = next(k for k, t in enumerate(toks) if t.low == word)
    assert is_cue_at(toks, i) is expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # A state of two words after a town and a comma is where, not who.
        (
            "Visiting a fish market in Dover, New Jersey, Lund took aim at Marsh, calling him"
            ' "a tired act."',
            "a tired",
            "Lund",
        ),
        (
            "Visiting a fish market in Dover, Delaware, Lund took aim at Marsh, calling him"
            ' "a tired act."',
            "a tired",
            "Lund",
        ),
        (
            "At a rally in Salem, South Carolina, the mayor attacked the plan, calling it"
            ' "a costly mistake."',
            "a costly",
            "the mayor",
        ),
    ],
)
def test_state_after_town_is_no_subject(text: str, quote: str, expected: str) -> None:
    assert speaker_of(text, quote) == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # A cue in a relative clause between commas speaks in the aside only.
        (
            "Ivo Marsh spoke on Monday. He said that the new levy, which critics have argued"
            ' was a tax grab, was an "insult" to the crews.',
            "insult",
            "Ivo Marsh",
        ),
        # (the quotation in the aside, or right after its comma, is the aside's)
        ('Ivo Marsh, who said last week, "We will win," lost.', "We will", "Ivo Marsh"),
        (
            'The plan, which critics called "a gift to landlords," passed on Monday.',
            "a gift",
            "critics",
        ),
        (
            "Ivo Marsh spoke on Monday. He said the move, which Lund described as"
            ' "reckless," was legal.',
            "reckless",
            "Lund",
        ),
    ],
)
def test_cue_in_closed_aside(text: str, quote: str, expected: str) -> None:
    assert speaker_of(text, quote) == expected


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # A noun phrase after the quotation whose last word follows a determiner is no
        # subject and verb: "a jab at his changes" names nobody.
        (
            'Ivo Marsh spoke. Lund mocked Marsh as "a weather vane," a jab at his changes of'
            " position.",
            "a weather",
        ),
    ],
)
def test_noun_after_determiner_is_no_verb(text: str, quote: str) -> None:
    got = speaker_of(text, quote)
    assert got is None or "jab" not in got


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # A dateline opening the article is where, not who: a place in capitals and a dash,
        # or a place and its outlet in brackets.
        (
            "HALDEN — Sen. Ada Lund (R-Iowa) on Wednesday shrugged off the report and called it"
            ' "old news" for the port.',
            "old news",
            "Ada Lund",
        ),
        (
            "Halden (AFP) – Mayor Ada Lund has taken aim at the harbour plan, saying that"
            ' "loud promises" will not fix the pier.',
            "loud promises",
            "Ada Lund",
        ),
        (
            "NEW HALDEN — Ada Lund, the harbour master, has asked the council for more staff,"
            ' calling the backlog "a disgrace."',
            "a disgrace",
            "Ada Lund",
        ),
        ('HALDEN (AP) — Ada Lund said the policy is "reckless."', "reckless", "Ada Lund"),
        # Not a name with its party, an acronym before an aside, or "I" before a dash.
        (
            'Ada Lund (D-OH) — a longtime ally of the mayor — said the plan is "reckless."',
            "reckless",
            "Ada Lund",
        ),
        ('NATO — the alliance of 30 nations — said the plan is "reckless."', "reckless", "NATO"),
    ],
)
def test_dateline_is_no_speaker(text: str, quote: str, expected: str) -> None:
    assert speaker_of(text, quote) == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # A noun phrase after the closing mark that describes the quotation, with a participle
        # or a preposition of its own, names no speaker.
        (
            'Lund mocked Marsh as "a weather vane," a jab at the mayor recalling his many'
            " changes of position.",
            "a weather",
            None,
        ),
        (
            'Ivo Marsh said the crews worked through the night to "keep the lights on," a'
            " reference to backup generators that were flown in.",
            "keep the lights",
            "Ivo Marsh",
        ),
        ('"It is a phrase," a term coined by Lund.', "It is a", None),
        # (a speaker and a verb after the mark stay)
        ('"We will not wait," an old fisherman muttered.', "We will", "an old fisherman"),
        ('"We will not wait," a man in the crowd shouted.', "We will", "a man in the crowd"),
        (
            '"We will not wait," a lawyer for the victims argues.',
            "We will",
            "a lawyer for the victims",
        ),
        # A passive cue after the quotation names who was spoken about, no speaker.
        (
            'Ivo Marsh praised his deputy as a "loyal public servant" on Friday, a day after the'
            " deputy was charged with fraud.",
            "loyal public",
            "Ivo Marsh",
        ),
        (
            'Ada Lund spoke. The levy is "a gift to landlords" at best, after the cuts, she said.',
            "a gift",
            "Ada Lund",
        ),
    ],
)
def test_description_after_quotation(text: str, quote: str, expected: str | None) -> None:
    got = speaker_of(text, quote)
    if expected is None:
        assert got is None or "term" not in got and "jab" not in got
    else:
        assert got == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # "in X's view" (words, opinion, telling) names whose view a cue-less sentence gives.
        (
            'Ivo Marsh spoke at length. The plan, in Marsh\'s view, is "a total disaster."',
            "a total",
            "Ivo Marsh",
        ),
        (
            'Ivo Marsh spoke at length. "The pier will not last the winter," in Marsh\'s view.',
            "The pier",
            "Ivo Marsh",
        ),
        (
            'Ivo Marsh spoke at length. The plan is "a total disaster," in Marsh\'s words.',
            "a total",
            "Ivo Marsh",
        ),
        ('Ivo Marsh spoke. The plan, in his view, is "a total disaster."', "a total", "Ivo Marsh"),
        (
            'Ivo Marsh spoke. The plan, in the mayor\'s view, is "a total disaster."',
            "a total",
            "the mayor",
        ),
        # (a cue of the sentence keeps its speaker; "in this view" names nobody)
        (
            'Ivo Marsh spoke. In the city\'s view of the port, the plan is "a total disaster,"'
            " Ada Lund said.",
            "a total",
            "Ada Lund",
        ),
        ('Ivo Marsh spoke. The plan, in this view, is "a total disaster."', "a total", "The plan"),
    ],
)
def test_in_owners_view(text: str, quote: str, expected: str) -> None:
    assert speaker_of(text, quote) == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # A named owner right before a fragment that an utterance noun follows holds its
        # words, also when a verb or a phrase comes before the name.
        (
            'Ada Lund ran in 2008. Voters remember Ada Lund\'s "ferry for everyone" remark.',
            "ferry for",
            "Ada Lund",
        ),
        (
            "Ada Lund ran in 2008. The race still lives in the long shadow of Lund's \"no new"
            ' tolls on the bridge" promise.',
            "no new",
            "Ada Lund",
        ),
        # (praise of someone's "efforts" quotes the praiser, not the owner)
        (
            'Ada Lund ran in 2008. Voters praised Ada Lund\'s "tireless efforts" in the race.',
            "tireless",
            "Voters",
        ),
    ],
)
def test_owner_right_before_fragment(text: str, quote: str, expected: str) -> None:
    assert speaker_of(text, quote) == expected
