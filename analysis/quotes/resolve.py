"""Resolution passes over one article's quote rows, after each row has its own speaker.

The extractor resolves a speaker mention as it reads it (pronouns, roles, short names: see
``extract._canonical``); what needs the whole article's rows comes here. Rows are the dicts of
``extract._row`` (``start``, ``end``, ``kind``, ``speaker``, ``speaker_start``, ``speaker_end``,
``speaker_type``); ``speaker_start``/``speaker_end`` keep pointing at the mention as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from wordfreq import zipf_frequency

from ..core.text import fold_diacritics, word_spans
from .attribution import (
    ANON_WORDS,
    CONTRACTING_PRONOUNS,
    DEMONYMS,
    DOC_NOUNS,
    LEX,
    LISTED_WORDS,
    ORG_WORDS,
    PLACES,
    SPEAKER_NOUNS,
    TITLES,
    bare,
    contracted_pronoun,
    heads_role,
    name_type,
)

# A speaker written in the first person: inside a quotation it is the quotation's own speaker,
# outside one it is the writer of the article.
FIRST_PERSON: Final = frozenset({"i", "we", "me", "us", "my", "our"})
# Lower-case speakers typed "person" that name nobody ("the congressman" left unresolved).
_ARTICLES: Final = frozenset({"the", "a", "an", "one", "another", "this", "that"})


@dataclass(frozen=True, slots=True)
class QuotedBy:
    """A quotation in marks and the speaker it was given."""

    start: int
    end: int
    speaker: str
    speaker_type: str | None


def _is_first_person(speaker: object) -> bool:
    """ "I", "we" and the like, as a speaker string: "We" -> True, "Wei Chen" -> False, "US"
    (the country, in capitals) -> False."""
    return isinstance(speaker, str) and speaker.strip().lower() in FIRST_PERSON and speaker != "US"


def _quoted_by(rows: list[dict]) -> list[QuotedBy]:
    """The quotations in marks whose speaker is someone other than "I"/"we"."""
    return [
        QuotedBy(r["start"], r["end"], r["speaker"], r["speaker_type"])
        for r in rows
        if r["kind"] in ("direct", "partial")
        and isinstance(r["speaker"], str)
        and not _is_first_person(r["speaker"])
    ]


def _enclosing(quoted: list[QuotedBy], pos: int) -> QuotedBy | None:
    """The quotation holding offset ``pos``: ``“We will stay,” Reyes said`` -> Reyes's."""
    for q in quoted:
        if q.start <= pos < q.end:
            return q
    return None


def resolve_first_person(rows: list[dict]) -> None:
    """Give a first-person speaker the speaker it stands for, in place.

    "I"/"we" inside a quotation is that quotation's speaker ("“As the director, I expect the
    rates to rise,” Okafor said": the statement "I expect" is Okafor's). Outside every
    quotation it is the writer of the article, who is no source: the row names no speaker
    (``speaker_start``/``speaker_end`` still point at the word as written). A first-person
    word is never output as a speaker.
    """
    if not any(_is_first_person(r["speaker"]) for r in rows):
        return
    quoted = _quoted_by(rows)
    for r in rows:
        if not _is_first_person(r["speaker"]):
            continue
        pos = r["speaker_start"]
        outer = _enclosing(quoted, pos) if isinstance(pos, int) else None
        if outer is not None:
            r["speaker"], r["speaker_type"] = outer.speaker, outer.speaker_type
        else:
            r["speaker"] = r["speaker_type"] = None


def is_description(speaker: object) -> bool:
    """A speaker that describes someone without a name, its head noun in lower case or a
    title after an article: "the congressman", "one Republican senator", "Harbor Board
    lawyers", "his father", "the Kentucky Republican" -> True; "Ivo Lund", "Mr. Lund", "Ivo
    al-Lund", "we", "Kentucky Republican" (no article) -> False."""
    if not isinstance(speaker, str):
        return False
    words = speaker.split()
    if len(words) > 1 and words[0].lower() in _ARTICLES and words[-1].lower() in TITLES:
        return True  # "the Kentucky Republican", "an Iowa Democrat": a title capitalised
    if not words or not words[-1][:1].islower() or _NAME_AFTER_PARTICLE.search(words[-1]):
        return False
    return len(words) > 1 or words[0].lower() not in _NO_DESCRIPTION_WORDS


# A surname after a lower-case particle: "al-Assad", "d’Amato".
_NAME_AFTER_PARTICLE: Final = re.compile(r"[-’'][A-Z]")


def description_types(rows: list[dict]) -> None:
    """Type an unresolved description typed "person" as "description", in place: "the
    judge" when the article never ties a judge to a name."""
    for r in rows:
        if r["speaker_type"] == "person" and is_description(r["speaker"]):
            r["speaker_type"] = "description"


# Cues that answer or go on with what was said before: "he replied", "she added".
RUN_CUES: Final = frozenset(
    {"replied", "responded", "answered", "retorted", "continued", "added", "went on"}
)
_PERSONAL: Final = frozenset({"he", "she", "they"})


def carry_runs(rows: list[dict], text: str) -> None:
    """In a run of quotations, "he replied" / "she added" with a pronoun read as an unnamed
    description goes on with the named speaker of the quotation before, in place:
    "“We paid,” Lund said. A reporter pressed him. “We always do,” he replied." -> Lund,
    not the reporter (who asked; the reply is the other side of the exchange)."""
    quoted = sorted(
        (r for r in rows if r["kind"] in ("direct", "partial")), key=lambda r: r["start"]
    )
    for before, row in zip(quoted, quoted[1:], strict=False):
        if (
            row["speaker_type"] == "description"
            and row["cue"] in RUN_CUES
            and _written(text, row).lower() in _PERSONAL
            and before["speaker_type"] == "person"
            and isinstance(before["speaker"], str)
        ):
            row["speaker"] = before["speaker"]
            row["speaker_type"] = "person"


# Pronouns that, left standing as the speaker after resolution, name nobody.
UNRESOLVED: Final = frozenset(
    "he she him her his they them their it its who whom which that this these those "
    "i we me us my our you".split()
)


# A lone lower-case word that stands for someone without describing them: a pronoun, or
# "someone"/"anyone" (typed anonymous, not a description).
_NO_DESCRIPTION_WORDS: Final = UNRESOLVED | {"someone", "anyone"}


def is_unresolved_pronoun(speaker: object) -> bool:
    """A speaker string that is a bare pronoun: "he", "They", "who" -> True; "WHO" (the
    agency, in capitals), "Ivo Lund", None -> False."""
    if not isinstance(speaker, str):
        return False
    s = speaker.strip()
    return s.lower() in UNRESOLVED and (s == "I" or not s.isupper())


def unresolved_pronouns(rows: list[dict]) -> None:
    """A pronoun still standing as the speaker after every resolution pass names nobody, so
    the row names no speaker, in place; ``speaker_start``/``speaker_end`` still point at the
    pronoun as written. "“We paid,” he said." with no person named before: no speaker, not
    "he" (a "he" row in the speaker table would gather everyone the rules could not place)."""
    for r in rows:
        if is_unresolved_pronoun(r["speaker"]):
            r["speaker"] = r["speaker_type"] = None


def _written(text: str, row: dict) -> str:
    """The speaker mention as written ("he"), or "" when the row has none."""
    a, b = row["speaker_start"], row["speaker_end"]
    return text[a:b] if isinstance(a, int) and isinstance(b, int) else ""


# How common an English word must be (wordfreq's Zipf scale: 5 is once in 100,000 words, as
# "such", "story" or "sign") before a capitalised lone speaker that the article also writes in
# lower case is read as that word, caught at a sentence start, not as a name.
COMMON_WORD_ZIPF: Final = 5.0
# A label before a colon ("Winner: …", "TARGET: …", "Note: …") heads a list or a form more
# often than it names a speaker: there a less common word (Zipf 4, once in 10,000 words, as
# "winner" or "target") that the article also writes in lower case is read as the word.
COLON_LABEL_ZIPF: Final = 4.0


@lru_cache(maxsize=4096)
def common_word(word: str, zipf: float = COMMON_WORD_ZIPF) -> bool:
    """Whether a lone word is an English word at least as common as ``zipf`` ("Such",
    "Story", "One") or a pronoun with its verb ("I’m", "They're"), never a name by itself."""
    if contracted_pronoun(word, CONTRACTING_PRONOUNS) is not None:
        return True
    return zipf_frequency(word.lower().replace("’", "'"), "en") >= zipf


_LOWERCASE_WORDS: Final = LEX["lowercase_words"]
_NUMBER_WORDS: Final = frozenset("one two three four five six seven eight nine ten dozens".split())


def _group_word(low: str) -> bool:
    """Whether a lone lower-cased word may stand for people: a plural ("prosecutors",
    "voters") or a number ("two", as in "Two said …"), not "suddenly" or "worse"."""
    plural = low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))
    return plural or low in _NUMBER_WORDS


# Endings of plural nouns for people: agents and members ("borrowers", "prosecutors",
# "economists", "politicians", "residents", "immigrants", "attendees").
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ents", "ants", "ees")


def common_word_speakers(rows: list[dict], text: str) -> None:
    """A lone capitalised word as a person speaker that the article itself writes in lower
    case, and that is a common English word, is a sentence's first word, not a name: the row
    names no speaker, in place (offsets kept). "Such a plan, she said, …" read as "Such";
    "“…,” King said." stays King when the article never writes "king" in lower case; a
    label before a colon needs a less common word (``COLON_LABEL_ZIPF``): "Winner: …". A
    word news writes in lower case nearly always (``lowercase_words``: "Suddenly", "Worse")
    is that word in any article, unless a plural or number is a cue's subject."""
    for r in rows:
        word = r["speaker"]
        if not isinstance(word, str) or not word[:1].isupper():
            continue
        label = r.get("cue") == ":"
        # (a label in capitals is typed as an acronym's organisation: "TARGET:")
        if r["speaker_type"] != "person" and not (label and word.isupper() and len(word) > 4):
            continue
        low = word.lower()
        # A plural may stand for people as the subject of a cue ("Prosecutors said"); read
        # with no cue, only a noun for people does ("Borrowers “want …”"), not an opening
        # word ("Sounds like …", "Headlines “…”" after a quotation).
        group = _group_word(low) and (bool(r.get("cue")) or low.endswith(_PEOPLE_ENDINGS))
        if low in _LOWERCASE_WORDS and word[1:].islower() and not group:
            r["speaker"] = r["speaker_type"] = None  # "Suddenly", "Worse": never a name
            continue
        zipf = COLON_LABEL_ZIPF if label else COMMON_WORD_ZIPF
        if " " in word or "." in word or not common_word(word, zipf):
            pass
        elif "'" in low or "’" in low or re.search(rf"\b{re.escape(low)}\b", text):
            r["speaker"] = r["speaker_type"] = None
            continue
        if group:
            r["speaker_type"] = capitalised_group_type(word, r["speaker_type"])


# Words after an "-ing" word that make it a verb taking an object or an infinitive, not a
# noun or an adjective before its head ("reporting by", "ranking member", "polling data").
_VERB_OBJECT_WORDS: Final = frozenset(
    """the a an his her their its our my your them him me us it this these those any none
    some more every each all to""".split()
)
# Indefinite pronouns heading a clause whose subject is the speaker ("something Moscow
# denies"), never the speaker themselves.
_CLAUSE_HEAD_PRONOUNS: Final = frozenset("something anything nothing everything".split())


def is_verb_phrase(speaker: str) -> bool:
    """Whether a speaker string is a participle or gerund with its object, a clause and not a
    mention of someone: "joining a number of senators", "making her a critic", "struggling
    to find support" (but "ranking member of the panel", "reporting by the Oslo Post",
    "polling data" and "something Oslo denies" are not)."""
    words = speaker.split()
    if len(words) < 2 or not words[0].islower() or not words[0].endswith("ing"):
        return False
    if words[0] in _CLAUSE_HEAD_PRONOUNS or len(words[0]) < 6:
        return False  # "something", "thing", "king"
    return words[1] in _VERB_OBJECT_WORDS


# How common (wordfreq's Zipf scale) an adverb in "-ly" and its adjective must be to read a
# lone capitalised "-ly" word as the adverb: "sadly" and "sad", "hastily" and "hasty" (a
# rarer stem is a name's: "Ita" of "Italy", "Pol" of "Polly").
ADVERB_ZIPF: Final = 3.0
ADJECTIVE_ZIPF: Final = 3.2


def _adverb_of_adjective(low: str) -> bool:
    """Whether a lower-case word is an "-ly" adverb made of a common adjective: "sadly",
    "hastily", "simply" (but not "kelly", "polly" or "italy")."""
    if not low.endswith("ly") or _given(low) or zipf_frequency(low, "en") < ADVERB_ZIPF:
        return False
    # (an adjective in "-l" needs four letters: "finally", not the names "Sally" or "Wally")
    shortest = 4 if low.endswith("lly") else 3
    stems = [low[:-2], low[:-3] + "y" if low.endswith("ily") else ""]
    if low.endswith(("ably", "ibly", "mply")):
        stems.append(low[:-1] + "e")  # "simply" -> "simple" (not "assembly" -> "assemble")
    if low.endswith(("ably", "ically")):
        stems += [low[:-4], low[:-4] + "e"]  # "presumably" -> "presume", "basically" -> "basic"
    return any(len(w) >= shortest and zipf_frequency(w, "en") >= ADJECTIVE_ZIPF for w in stems)


def is_sentence_adverb(speaker: str) -> bool:
    """Whether a lone capitalised speaker is an adverb made of a common adjective, a
    sentence's opening word and not a name: "Sadly", "Luckily", "Hastily" (but "Kelly" and
    "Holly" are given names, and "Leafly" or "Italy" no adverbs)."""
    if " " in speaker or not speaker[1:].islower():
        return False
    return _adverb_of_adjective(speaker.lower())


# Words that, after an adverb, continue a verb's clause rather than a noun phrase.
_PREPOSITIONS: Final = frozenset(
    """in on at under over from with without by for to into about against among across
    through during after before behind beyond near since toward towards upon within that""".split()
)


def is_adverb_phrase(speaker: str) -> bool:
    """Whether a speaker string opens with an "-ly" adverb of a common adjective followed by
    a preposition or "that", a piece of a clause and not a mention: "presumably in the Dover
    police", "domestically under the regime", "perfectly in a profile" (but "nearly
    300 voters", "financially upscale voter groups" and "monthly tracking polls" are noun
    phrases)."""
    words = speaker.split()
    if len(words) < 2 or not _adverb_of_adjective(words[0]):
        return False
    return words[1] in _PREPOSITIONS


# Particles and prepositions that, as a phrase's first word, leave its verb behind ("shrugged
# off GOP declarations", "staked out by the candidates", "via documents filed").
_CLAUSE_PARTICLES: Final = (_PREPOSITIONS - {"that"}) | frozenset(
    "up down off out via prior per like as of than".split()
)


def is_prepositional(speaker: str) -> bool:
    """Whether a speaker string opens with a lower-case preposition or a verb's particle, the
    rest of a verb phrase and not a mention: "off GOP" (from "shrugged off GOP
    declarations"), "out by the 20 candidates", "via documents", "prior to his announcement"
    (but "Ada Lund", "upstate voters", "the In-Out campaign" and a count, "at least three
    skippers", "up to 20 residents", are mentions)."""
    words = speaker.split()
    if len(words) > 2 and " ".join(words[:2]) in _COUNT_OPENERS:
        return False
    return len(words) > 1 and words[0] in _CLAUSE_PARTICLES


# Two words that open a count of people, not a prepositional phrase: "at least three".
_COUNT_OPENERS: Final = frozenset({"at least", "at most", "up to", "over a"})


def passive_agent_speakers(rows: list[dict], text: str) -> None:
    """A speaker read with the "by" before a passive's agent loses it, in place, the mention
    starting after it: "by Hay Group" (from "a survey conducted by Hay Group reported") ->
    "Hay Group", the maker of the thing that speaks."""
    for r in rows:
        name = r["speaker"]
        if not isinstance(name, str) or not name.startswith("by ") or len(name) < 4:
            continue
        r["speaker"] = name[3:]
        if _written(text, r).startswith("by "):
            r["speaker_start"] += 3


# Words before an "-ing" word that make it a noun of time or of an event: "this morning",
# "Thursday evening", "Friday's filing".
_NOUN_MARKERS: Final = frozenset(
    """this that last each every same yesterday tomorrow monday tuesday wednesday thursday
    friday saturday sunday""".split()
)
_WORD_BEFORE_RE: Final = re.compile(r"([\w'’]+)\s+$")


def _noun_in_ing(text: str, start: int) -> bool:
    """Whether the "-ing" word a mention at ``start`` opens is a noun by the word before it:
    a day, a demonstrative or a possessive ("this morning", "Friday’s filing")."""
    m = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group(1)
    return word.lower() in _NOUN_MARKERS or word.endswith(("'s", "’s"))


def subject_after_time_noun(rows: list[dict], text: str) -> None:
    """A speaker read with the noun of time or event that the sentence opens with loses it,
    in place: "this morning the Oslo Post says" -> "the Oslo Post", "In Friday's filing the
    board said" -> "the board" (but "entering the United States" keeps its verb, for
    :func:`phrase_speakers`)."""
    for r in rows:
        name = r["speaker"]
        if not isinstance(name, str) or " the " not in name:
            continue
        first, rest = name.split(None, 1)
        if not (first.islower() and first.endswith("ing") and rest.startswith("the ")):
            continue
        written = _written(text, r)
        if not written.startswith(first + " ") or not _noun_in_ing(text, r["speaker_start"]):
            continue
        r["speaker"] = rest
        r["speaker_start"] += len(first) + 1


def clause_head_pronoun(rows: list[dict], text: str) -> None:
    """A speaker read with the indefinite pronoun that heads the speaker's clause loses it, in
    place, the mention starting after it: "something Oslo denies" -> "Oslo", "something her
    supporters say" -> "her supporters"; the pronoun with a preposition after it ("something
    in the US called …") names no speaker."""
    for r in rows:
        name = r["speaker"]
        if not isinstance(name, str) or " " not in name:
            continue
        first, rest = name.split(None, 1)
        if first not in _CLAUSE_HEAD_PRONOUNS:
            continue
        if rest.split()[0] in _PREPOSITIONS:
            r["speaker"] = r["speaker_type"] = None  # "something in the US called …"
            continue
        r["speaker"] = rest
        if _written(text, r).startswith(first + " "):
            r["speaker_start"] += len(first) + 1


_SUBJECT_PRONOUNS: Final = frozenset("i he she it we they".split())
# Words after a subject pronoun that still leave a mention of people: "they both", "he and
# Ada Lund", "we ourselves".
_PRONOUN_COMPANIONS: Final = frozenset(
    """and or both all alone too themselves himself herself itself ourselves myself""".split()
)


def is_pronoun_clause(speaker: str) -> bool:
    """Whether a speaker string is a subject pronoun with the rest of its clause, not a
    mention: "it the party of Ada Lund" (from "Is it the party of …"), "he thinks someone
    like Reyes", "she salvages some respect" (but "they both", "he and Ada Lund", "we
    Americans" and "he" alone mention people)."""
    words = speaker.split()
    if len(words) < 2 or words[0] not in _SUBJECT_PRONOUNS:
        return False
    return words[1].islower() and words[1] not in _PRONOUN_COMPANIONS


def phrase_speakers(rows: list[dict]) -> None:
    """A speaker that is a verb phrase (:func:`is_verb_phrase`), a sentence adverb
    (:func:`is_sentence_adverb`), an adverb with the rest of its clause
    (:func:`is_adverb_phrase`), a pronoun with its clause (:func:`is_pronoun_clause`) or a
    preposition with its object (:func:`is_prepositional`) mentions nobody: the row names no
    speaker, in place."""
    rules = (
        is_verb_phrase,
        is_sentence_adverb,
        is_adverb_phrase,
        is_pronoun_clause,
        is_prepositional,
    )
    for r in rows:
        name = r["speaker"]
        if isinstance(name, str) and any(rule(name) for rule in rules):
            r["speaker"] = r["speaker_type"] = None


def capitalised_group_type(word: str, written_type: str) -> str:
    """The type of a lone capitalised plural or number that news writes in lower case, kept as
    a speaker: the type of the word in lower case, since only a sentence's opening capitalised
    it ("Prosecutors said" -> "anonymous", as "prosecutors said"; "Police said" ->
    "organisation"); ``written_type`` for a word news writes only as a name ("Gates said",
    "Reyes said")."""
    low = word.lower()
    if not word[1:].islower() or low not in LISTED_WORDS:
        return written_type
    return name_type(low)


# Lower-case words that open a surname ("Ursula von der Leyen", "Charles de Gaulle").
SURNAME_PARTICLES: Final = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ten", "ter"}
)
# Words that, capitalised before a given name and a surname, describe the person ("Medical
# Examiner", "Delegate", "Policy Counsel"): news writes them in lower case more often than not, or
# they are titles. Given names that are words ("Grace", "Will") are none of them.
_DESCRIPTOR_WORDS: Final = LEX["mostly_lowercase_words"] | _LOWERCASE_WORDS | TITLES
# Known given names, of either sex: "is this a given name" asks no sex (he/she reads the sexed
# lists).
GIVEN_NAMES: Final = (
    LEX["given_names"]
    | LEX["female_given_names"]
    | LEX["male_given_names"]
    | LEX["word_given_names"]
)


def descriptor_word(word: str) -> bool:
    """Whether a capitalised word of a name run describes the person rather than naming
    them: "Medical", "Delegate", "Policy" -> True; "Grace", "Van", "Lund" -> False."""
    low = word.lower().rstrip(".")
    return (
        word[:1].isupper()
        and not word.isupper()
        and low in _DESCRIPTOR_WORDS
        and low not in GIVEN_NAMES
        and low not in SURNAME_PARTICLES
    )


def name_start(words: list[str]) -> int:
    """Where a person's name starts in a run of capitalised words: past the last word that
    describes the person (:func:`descriptor_word`) with a given name and a surname after it,
    and past one more word the lists miss between it and a known given name ("Medical
    Examiner Jonathan Lund" -> 2, "Delegate Andrea Lund" -> 1); 0 where none ("Ada Grace
    Lund"; "Lewis Brown Lund": a surname after a word is no given name and surname; "Mad Dog
    Lund": a nickname of words)."""
    # (the run of capitals it opens with: "Ada Lund of Dover" reads "Ada Lund"; "president
    # to Dan Lund" none)
    n = next(
        (i for i, w in enumerate(words) if not (w[:1].isupper() or w in SURNAME_PARTICLES)),
        len(words),
    )
    words = words[:n]
    last = -1
    for i in range(len(words) - 2):
        if descriptor_word(words[i]):
            last = i
    k = last + 1
    if (
        k
        and k + 2 < len(words)
        and words[k].lower() not in GIVEN_NAMES
        and words[k + 1].lower() in GIVEN_NAMES
    ):
        k += 1  # "Examiner" between "Medical" and "Ivo Lund"
    described = [w for w in words[:k] if descriptor_word(w)]
    sure = len(described) > 1 or any(_strict_descriptor(w) for w in described)
    # "Good Morning Harbor's Ada Lund": the employer's possessive before the name goes too
    owner = [i for i in range(k, len(words) - 2) if words[i].endswith(("'s", "’s"))]
    if k and owner:
        k, sure = owner[-1] + 1, True
    if not k or not _opens_name(words[k], strict=sure):
        return 0
    return k


def _strict_descriptor(word: str) -> bool:
    """A title or a word news capitalises only at a sentence's opening ("Delegate" is
    neither: "Mercy", "Harm" are given names as well as words)."""
    low = word.lower().rstrip(".")
    return low in TITLES or low in _LOWERCASE_WORDS


def _opens_name(word: str, strict: bool) -> bool:
    """Whether a name may open with ``word`` after describing words: capitalised, no word
    itself ("Mad Dog Lund", "Good Morning Harbor"), no particle ("Harm van Lund"); after
    one word of the long list alone, a known given name ("Mercy Otis Lund" is a name;
    "Policy Counsel Ada Lund" is not)."""
    low = word.lower().rstrip(".")
    if not word[:1].isupper() or low in _DESCRIPTOR_WORDS or low in SURNAME_PARTICLES:
        return False
    if low.endswith(("'s", "’s")):
        return False
    return strict or low in GIVEN_NAMES or "." in word


def _place_before_given_name(words: list[str], text: str) -> int:
    """How many words before a known given name are a place or body the article writes on
    its own ("in Dover", "at Dover", "of Dover", "the Dover"), as in "Mayor of Dover Andrea
    Lund": 0 where none ("Reza Andrea Lund" with no "in Reza": the name's own word)."""
    k = next((i for i, w in enumerate(words[:-1]) if w.lower() in GIVEN_NAMES), 0)
    if not k or any(descriptor_word(w) for w in words[k:]):
        return 0
    place = " ".join(words[:k])
    for tie in ("in", "at", "of", "the", "from"):
        for _, end in word_spans(text, f"{tie} {place}"):
            if not text.startswith(" " + words[k], end):
                return k
    return 0


# Ties between a head noun and the name it is about: "the prospect of Cohen", "a sign for Lund".
_THING_TIES: Final = frozenset(
    "of for with about over around against like under into from at in on".split()
)
# Nouns for a part or a share of a group, which speaks as the group: "the head of the agency",
# "a number of senators", "a pair of lawyers".
_PART_NOUNS: Final = frozenset(
    """head heads side wing arm branch affiliate number majority minority half third quarter
    rest most many some all each none one two three four five several few dozens hundreds
    thousands millions pair trio couple handful dozen team panel delegation crowd chorus""".split()
)
# Nouns of a person's own words, which carry the words of the name after them: "a speech from
# Lund", "clips of Lund describing …", "the diary of Ada Lund".
_WORDS_NOUNS: Final = frozenset(
    """speech speeches remarks comments words interview interviews clip clips video videos
    testimony address tweets posts claim claims account accounts response answer reply
    argument arguments assertion warning warnings promise pledge call demand diary memoir
    essay column message messages""".split()
)
_SPEAKING_NOUNS: Final = (
    SPEAKER_NOUNS | TITLES | ORG_WORDS | DOC_NOUNS | ANON_WORDS | _PART_NOUNS | _WORDS_NOUNS
)
_AGENT_ENDS: Final = ("er", "or", "ist", "ian", "ant", "ent", "ate")


def thing_of_a_name(mention: str) -> int:
    """Where the name starts in a mention that is a thing said about that name, not who
    speaks, else 0: a lower-case head noun that names no people, organisation, document or
    part of a group, then a tie and a capitalised name: "The prospect of Cohen" -> 3, "An
    ominous sign for Biden" -> 4 (not "a lawyer for Lund", "members of Congress", "the head
    of the agency", "supporters of Lund", "seekers detained in Dover": a participle's tie)."""
    words = mention.split()
    k = next((i for i in range(1, len(words) - 1) if words[i] in _THING_TIES), 0)
    name = k + 2 if k and k + 2 < len(words) and words[k + 1] == "the" else k + 1
    if not k or not words[name][:1].isupper():
        return 0
    head = words[k - 1].rstrip(",")
    if not head.isalpha() or not head.islower() or head.endswith(("ed", "ing")):
        return 0
    one = head[:-3] + "y" if head.endswith("ies") else head.removesuffix("s")
    people = head in _SPEAKING_NOUNS or one in _SPEAKING_NOUNS or one.endswith(_AGENT_ENDS)
    return 0 if people else name


def thing_mentions(rows: list[dict], text: str) -> None:
    """A row whose speaker was read off the name inside a thing said about that name
    (:func:`thing_of_a_name`) names no speaker, in place; the offsets still point at the
    mention. "The prospect of Cohen telling Mueller …, citing sources" gave Michael Cohen
    words he never said."""
    for r in rows:
        name = r["speaker"]
        if not isinstance(name, str) or r["speaker_type"] not in ("person", "organisation"):
            continue
        written = _written(text, r)
        # (a mention of one or two words holds no head, tie and name)
        at = thing_of_a_name(written) if written.count(" ") > 1 and written != name else 0
        if at and name.split()[-1] in written.split()[at:]:
            r["speaker"] = r["speaker_type"] = None


def person_descriptors(rows: list[dict], text: str) -> None:
    """A person speaker without the words before its name that describe the person, in
    place: "Medical Examiner Jonathan Lund" -> "Jonathan Lund" (:func:`name_start`), "Dover
    Andrea Lund" (from "Mayor of Dover Andrea Lund") -> "Andrea Lund" where the article writes
    Dover on its own ("in Dover"). A speaker of two words, and people quoted together, are
    left as they are."""
    done: dict[str, str] = {}
    for r in rows:
        name = r["speaker"]
        if r["speaker_type"] != "person" or not isinstance(name, str) or name.count(" ") < 2:
            continue
        if " and " in name or "&" in name or "," in name:
            continue  # two people or more: see speaker_table's joint ids
        if name not in done:
            words = name.split()
            k = name_start(words) or _place_before_given_name(words, text)
            done[name] = " ".join(words[k:])
        r["speaker"] = done[name]


# Words after which a name is the one the speaker's words are about or for, not the speaker's
# own: "a spokesman for Ada Lund", "an aide to Ada Lund".
_NAME_TIES: Final = frozenset("for of to with by from behind against about".split())
_POSSESSIVE_ENDS: Final = ("'s", "’s", "'", "’")
# Lower-case words inside a name: "Ali bin Al Hussein", "Ada van der Lund".
_NAME_INNER_WORDS: Final = SURNAME_PARTICLES | {"bin", "ibn", "bint", "binti", "ben"}


def _given(word: str) -> bool:
    """A known given name, accents folded ("François" reads "francois")."""
    low = word.lower()
    return low in GIVEN_NAMES or (not low.isascii() and fold_diacritics(low) in GIVEN_NAMES)


def _set_apart(before: list[str], text: str, opens: bool) -> bool:
    """Whether capitalised words run into a name before its given name are a place, body,
    party or label and not the name's own first words: a possessive ("Netherlands’ Mark
    Rutte"), an acronym ("CFO Ada Lund"), a demonym, a listed place after other words ("the
    ambassador to the United States Ada Lund"; "Georgia Ada Lund" alone may be her name),
    or words the article writes elsewhere with no capitalised word after them ("Brexiteer Ada
    Lund" where it writes "Brexiteers want"; not "Adaobi" of "Adaobi Ada Lund" where it writes
    "Adaobi's father", nor an initial)."""
    if not before or any(len(w.rstrip(".")) == 1 for w in before):
        return False  # an initial is the name's own: "J. Mark Lund"
    if before[-1].endswith(_POSSESSIVE_ENDS):
        return True
    phrase = " ".join(before)
    if all(w.isupper() and w.isalpha() and len(w) > 1 for w in before):
        return True
    if all(w.lower() in DEMONYMS for w in before):
        return True
    if phrase.lower() in PLACES and (len(before) > 1 or not opens):
        return True  # (a speaker opening with one place word: "Georgia Ann Lund", a name)
    # (written on its own: no capitalised word after it, as in "Brexiteers want"; "Adaobi
    # Lund" or "Adaobi's father" elsewhere is the name again)
    return re.search(rf"\b{re.escape(phrase)}\w*\b(?!['’]|\s+[A-Z])", text) is not None


def title_run_name(words: list[str], text: str) -> int:
    """Where a person's name starts at the end of a speaker that runs a title, place or
    description into the name without a comma, else 0: "SNP's leader in Westminster Ada Lund"
    -> 4, "Netherlands’ Ada Lund" -> 1, "CFO Ada Lund" -> 1; 0 for "Ek Narayan Aryal", "a
    spokesman for Ada Lund" (a tie: the name is whom the speaker serves), "Ada Lund of Dover"
    (no name at the end)."""
    j = len(words)
    while j and (words[j - 1][:1].isupper() or words[j - 1] in _NAME_INNER_WORDS):
        if j < len(words) and words[j - 1].endswith(_POSSESSIVE_ENDS):
            break
        j -= 1
    g = next((i for i in range(j, len(words) - 1) if _given(words[i])), None)
    ahead = [w.lower() for w in words[max(0, j - 2) : j]]  # "of", "of the" before the run
    tied = bool(ahead) and (
        ahead[-1] in _NAME_TIES or (ahead[-1] in _ARTICLES and ahead[0] in _NAME_TIES)
    )
    if g is not None and g > j and _set_apart(words[j:g], text, opens=not j):
        # after a tie, only a place: "ambassador to the United States Ada Lund", not "the
        # commander of the USS Ada Lund" (a ship)
        return g if not tied or " ".join(words[j:g]).lower() in PLACES else 0
    # a body's own name, then two words or more: "World Health Organization Tedros Ghebreyesus"
    body = [i for i in range(j, len(words) - 2) if words[i].lower() in ORG_WORDS]
    if body and (g is None or g <= body[-1]):
        return body[-1] + 1
    if not j or (g != j and (g is not None or len(words) - j < 2)):
        return 0
    if _group_before_tie(words[:j]):
        return 0
    prev = words[j - 1]
    if g is None:  # a name of words no list knows, after a title: "administrator Ek Aryal"
        role = prev in TITLES or prev in SPEAKER_NOUNS or prev.endswith(_AGENT_ENDS)
        return j if prev.islower() and role and prev not in _NAME_TIES else 0
    if prev.lower() in _NAME_TIES or prev.lower() in _ARTICLES:
        return 0
    return j if prev.endswith(_POSSESSIVE_ENDS) or prev.islower() else 0


def _group_before_tie(words: list[str]) -> bool:
    """Whether the words before a name open with a group and a tie, so the group speaks and
    the name is whose it is: "Family members of prisoner", "Prosecutors for special counsel"
    (not "director of legislative affairs", one person)."""
    t = next((i for i, w in enumerate(words) if w.lower() in _NAME_TIES), 0)
    head = words[t - 1].lower() if t else ""
    return head.endswith("s") and not head.endswith(("ss", "'s", "’s"))


def named_after_title(rows: list[dict], text: str) -> None:
    """A person or description speaker whose words end in a name after a run-on title
    (:func:`title_run_name`) is that person, in place: "Leading Brexiteer Ada Lund" -> "Ada
    Lund", "the Egyptian ambassador to the United States Ada Lund" -> "Ada Lund" (person); an
    organisation too where a possessive owns the name ("Netherlands’ Mark Lund"). A name
    that ends in an organisation word ("the Ada Lund Foundation") is left alone."""
    done: dict[str, str] = {}
    for r in rows:
        name = r["speaker"]
        kind = r["speaker_type"]
        if kind not in ("person", "description", "organisation") or not isinstance(name, str):
            continue
        if name.count(" ") < 1 or " and " in name or "&" in name or "," in name:
            continue
        if name not in done:
            words = name.split()
            k = title_run_name(words, text)
            ok = k and words[-1].lower() not in ORG_WORDS and words[-1].lower() not in TITLES
            # an organisation only where a possessive owns a named person: "Apple's Steve Lund"
            own = kind != "organisation" or (
                words[k - 1].endswith(_POSSESSIVE_ENDS) and _given(words[k])
            )
            done[name] = " ".join(words[k:]) if ok and own else name
        if done[name] != name:
            r["speaker"], r["speaker_type"] = done[name], "person"


# Lower-case nouns for the kind of body a name belongs to: "news agency Yonhap", "computer
# giant Microsoft", "Italian daily Corriere della Sera".
_BODY_KINDS: Final = frozenset(
    """agency broadcaster daily newspaper tabloid weekly magazine website outlet network
    channel giant firm company group maker retailer carrier airline lender insurer charity
    publication station""".split()
)
# A lower-case particle opening an organisation's name: "al-Jazeera", "el-Nour".
_PARTICLE_NAME_RE: Final = re.compile(r"(?:al|el)-[A-Z]")


def body_after_kind(words: list[str]) -> int:
    """Where an organisation's name starts after a lower-case noun for its kind of body, else
    0: "computer giant Microsoft" -> 2, "Qatar-based broadcaster al-Jazeera" -> 2, "Italian
    daily Corriere della Sera" -> 2; 0 for "a spokesman for news agency Yonhap" (the
    spokesman speaks), "company CEO Ada Lund" (a person), "the group" (no name)."""
    k = max((i for i, w in enumerate(words[:-1]) if w in _BODY_KINDS), default=-1)
    if k < 0 or any(w.lower() in _NAME_TIES for w in words[:k]):
        return 0
    name = words[k + 1 :]
    if not all(
        w[:1].isupper() or w in SURNAME_PARTICLES or _PARTICLE_NAME_RE.match(w) for w in name
    ):
        return 0
    if any(bare(w.lower()) in TITLES for w in name) or _given(name[0]):
        return 0
    return k + 1


def bodies_after_kind(rows: list[dict]) -> None:
    """A speaker that names an organisation after a noun for its kind (:func:`body_after_kind`)
    is that organisation, in place: "Computer giant Microsoft" (typed a person) ->
    "Microsoft", "US campaigning group Human Rights Watch" -> "Human Rights Watch"."""
    bodies: dict[str, str | None] = {}  # (an article's rows repeat their speakers)
    for r in rows:
        name = r["speaker"]
        if not isinstance(name, str) or " " not in name:
            continue
        if r["speaker_type"] not in ("person", "description", "organisation", "document"):
            continue
        if name not in bodies:
            words = name.split()
            k = body_after_kind(words)
            bodies[name] = " ".join(words[k:]) if k else None
        body = bodies[name]
        if body is not None:
            r["speaker"], r["speaker_type"] = body, "organisation"


# Words of the anonymous speakers' list that name a group the article describes, not a source
# kept anonymous: "critics", "some residents", "many".
_DESCRIBED_GROUPS: Final = frozenset(
    """analyst analysts another critic critics expert experts many observer observers opponent
    opponents others people resident residents some supporter supporters witness
    witnesses""".split()
)
# Words that make an unnamed speaker a source kept anonymous: "a source", "people familiar
# with", "an unnamed official", "senior aides" (the anonymous words less the groups described).
ANONYMITY_WORDS: Final = (ANON_WORDS | {"adviser", "advisor"}) - _DESCRIBED_GROUPS
# Phrases of a sentence that keep its unnamed speaker anonymous.
_ANONYMITY_RE: Final = re.compile(
    r"anonymity|not authori[sz]ed|declined to be (?:named|identified)|asked not to be"
)


def final_speaker_types(rows: list[dict]) -> None:
    """Type each row with one of the four kinds of speaker, in place: a document ("the
    report", "the ministry's letter") speaks for the body that issued it, an organisation;
    an unnamed group typed anonymous is a description ("critics", "some residents", "many")
    unless it is a source kept anonymous (:data:`ANONYMITY_WORDS`, or a sentence that says so:
    "officials who spoke on condition of anonymity")."""
    for r in rows:
        t = r["speaker_type"]
        if t == "document":
            r["speaker_type"] = "organisation"
        elif t == "anonymous" and isinstance(r["speaker"], str):
            words = set(re.findall(r"[a-z]+", r["speaker"].lower()))
            sentence = r.get("sentence")
            said_so = isinstance(sentence, str) and _ANONYMITY_RE.search(sentence) is not None
            if words.isdisjoint(ANONYMITY_WORDS) and not said_so:
                r["speaker_type"] = "description"


def given_name_speakers(rows: list[dict], written: Iterable[str] = ()) -> None:
    """A person speaker written by a given name alone is the one person of the article's
    rows, or of the full names it writes (``written``), with that given name, in place:
    "Andrea" -> "Andrea Voss" where "Andrea Voss" is a speaker too or is written in the text
    ("What do we know about Andrea Voss?"; the fullest spelling of her), and nobody so named
    bears "Andrea" as a surname; two people of that given name, or a word that is no known
    given name (a family name written first, "Li" of "Li Wen"; a title), leave it as it is."""
    full: dict[str, dict[str, str]] = {}  # given name -> surname -> fullest spelling
    surnames: set[str] = set()
    named = [(r["speaker"], r["speaker_type"]) for r in rows]
    named.extend((name, "person") for name in written)
    for name, typ in named:
        if typ == "person" and isinstance(name, str) and " " in name:
            words = name.split()
            surnames.add(words[-1])
            if _person_name_run(words):
                held = full.setdefault(words[0], {})
                if len(name) > len(held.get(words[-1], "")):
                    held[words[-1]] = name
    if not full:
        return
    for r in rows:
        name = r["speaker"]
        if r["speaker_type"] != "person" or not isinstance(name, str) or name not in full:
            continue
        people = full[name]
        # (a known given name only: "Li" before "Li Wen" may be the family name, written first)
        if len(people) == 1 and name not in surnames and name.lower() in GIVEN_NAMES:
            r["speaker"] = next(iter(people.values()))


def _person_name_run(words: list[str]) -> bool:
    """Whether a speaker's words may be one person's name: at most five, capitalised (or
    particles), no people quoted together, no word between the first and the last that news
    writes in lower case (a headline: "Voss Defends Her Budget"; a surname may be a word, "Ada
    Brown"): "Ada J. Voss" -> True; "Voss and Lund", "Harbor Energy in Dover" -> False."""
    return (
        len(words) <= 5
        and all(
            (w[:1].isupper() or w in SURNAME_PARTICLES) and w not in ("&", "and") and "," not in w
            for w in words
        )
        and not any(descriptor_word(w) for w in words[1:-1])
    )


# Common nouns that head an organisation and never a person's role: after a name set off by a
# comma and an article they say what the name names ("Ostry, the ferry company").
ORG_HEAD_NOUNS: Final = frozenset(
    """company firm group organization organisation agency nonprofit non-profit charity
    foundation institute association union coalition network startup start-up maker
    manufacturer retailer airline carrier chain publication newspaper magazine outlet website
    publisher broadcaster insurer lender bank conglomerate brand outfit tank laboratory
    utility developer operator supplier distributor consultancy corporation subsidiary""".split()
)
# What only an organisation has, written after its name's possessive ("Ostry's founder").
_ORG_ONLY_POSSESSIONS: Final = (
    "founder|co-founder|founders|ceo|chief executive|shareholders|headquarters|subsidiary|"
    "parent company|stock price|board of directors"
)
# People named by the organisation they work at or with ("an analyst at Ostry").
_STAFF_NOUNS: Final = (
    "spokes(?:man|woman|person)|analysts?|researchers?|economists?|executives?|officials?|"
    "employees?|engineers?|scientists?|editors?|reporters?|managers?|directors?|fellows?|"
    "strategists?|staffers?|workers?|pollsters?|professors?"
)
# Words inside an organisation's name ("Americans for Prosperity").
_ORG_NAME_JOINERS: Final = frozenset("of for and the on to".split())
_ORG_HEADS: Final = "|".join(sorted(ORG_HEAD_NOUNS))
# What follows an organisation's name: "Ostry, which", "Ostry and its", "Ostry itself",
# "Ostry's founder", "Ostry (NYSE: OS)", "Ostry, a Dover-based ferry company," (``head`` is
# checked by the caller).
_ORG_AFTER_RE: Final = re.compile(
    rf"(?P<which>,? which\b)|,? (?:and|or) its\b| itself\b|[’']s (?:{_ORG_ONLY_POSSESSIONS})\b"
    r"|,? \((?:NYSE|NASDAQ|Nasdaq|LSE|TSX|AMEX) ?:"
    r"|,? (?:a|an|the) (?:[\w-]+ ){0,3}(?P<head>[a-z][\w-]*)(?=[,.;)]| that| which)"
)
# What comes before one: "an analyst at Ostry", "Kiva Lenz, of Ostry", "the ferry company
# Ostry" (``head``: the name is then followed by a mark or "said").
_ORG_BEFORE_RE: Final = re.compile(
    rf"(?:\b(?:{_STAFF_NOUNS}) (?:at|with|of) (?:the )?|\b[A-Z][a-z]+, (?:at|of) "
    rf"|(?<![\w-])(?P<head>{_ORG_HEADS}) )$"
)
_MARK_OR_SAID_RE: Final = re.compile(r"\s*[,.;:()]| said\b| says\b")
# A preposition before "Ostry, which": "an inquiry into Ostry, which" ("which" is the inquiry).
_PREPOSITION_BEFORE_RE: Final = re.compile(
    r"\b(?:of|to|in|on|at|into|for|from|with|about|against|over) $"
)
# What comes before and after a person's name: an honorific or a word the caller checks
# (:func:`_name_word_before`); "who", a spouse.
_PERSON_BEFORE_RE: Final = re.compile(
    r"(?:\b(?P<honorific>Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Prof)\.?"
    r"|\b(?P<word>[A-Z][a-z]+|[a-z][\w-]+)) $"
)
_PERSON_AFTER_RE: Final = re.compile(r",? who\b|[’']s (?:wife|husband)\b")


def _occurrences(text: str, name: str) -> list[int]:
    """Offsets where ``name`` is written as a whole word (not inside "Ostryan")."""
    return [a for a, _ in word_spans(text, name, not_before="-’'", not_after="-")]


# What a business or an outlet has, written after its name as a modifier ("Ostry stores",
# "an Ostry passenger train", "the Ostry poll", "the Ostry news agency"), never after a
# person's surname alone; "Lund supporters", "the Lund campaign" are a person's.
_ORG_THINGS: Final = (
    "stores?|shops?|restaurants?|outlets?|products?|shares|stock|shareholders|customers|"
    "subscribers|employees|workers|executives|spokes(?:man|woman|person)|polls?|surveys?|"
    "trains?|passenger|apparel|plants?|factory|factories|apps?|devices|vehicles|aircraft|"
    "flights?|brand|ads?|headquarters|stations?|branches|" + "|".join(sorted(ORG_HEAD_NOUNS))
)
_ORG_THINGS_AFTER_RE: Final = re.compile(
    rf" (?:news )?(?:{_ORG_THINGS})\b(?![’'\-])"
    r"|,? \((?!NYSE|NASDAQ)[A-Z]{2,5}\)"
    r"| (?:told|said in|says in) its\b"
)
# A possessive before a person's given name: the organisation's staff ("Ostry's Ada Lund").
_POSSESSIVE_GIVEN_RE: Final = re.compile(r"[’']s ([A-Z][a-z]+) [A-Z][a-z]+")


def _org_things_after(text: str, end: int) -> bool:
    """Whether what follows a name ending at ``end`` is what only an organisation is written
    with: a thing it owns or runs as a modifier ("Ostry stores", "an Ostry passenger train",
    "a new Ostry poll", "the official Ostry news agency"), a ticker in brackets ("Ostry
    (OST) said"), its own "its" ("Ostry told its clients", "Ostry said in its statement"),
    or a staff member named by given name and surname after its possessive ("Ostry's Ada
    Lund writes"); not "Lund supporters", "Lund (R) said", "Lund's White House"."""
    if _ORG_THINGS_AFTER_RE.match(text, end) is not None:
        return True
    m = _POSSESSIVE_GIVEN_RE.match(text, end)
    return m is not None and m.group(1).lower() in GIVEN_NAMES


def _written_as_org(text: str, at: int, end: int) -> bool:
    """Whether the name written at ``text[at:end]`` is written there as an organisation's."""
    before = text[max(0, at - 60) : at]
    if _org_things_after(text, end):
        return True
    m = _ORG_AFTER_RE.match(text, end)
    if m is not None:
        head = m.group("head")
        if m.group("which") is not None:
            return _PREPOSITION_BEFORE_RE.search(before) is None
        if head is None or head in ORG_HEAD_NOUNS:
            return True
    b = _ORG_BEFORE_RE.search(before)
    if b is None:
        return False
    return b.group("head") is None or _MARK_OR_SAID_RE.match(text, end) is not None


def _written_as_person(text: str, at: int, end: int) -> bool:
    """Whether the name written at ``text[at:end]`` is written there as a person's."""
    m = _PERSON_BEFORE_RE.search(text, max(0, at - 30), at)
    if m is not None and (m.group("honorific") or _name_word_before(m.group("word"))):
        return True
    return _PERSON_AFTER_RE.match(text, end) is not None


def _name_word_before(word: str) -> bool:
    """Whether a word written right before a name makes it a person's: a known given name
    ("Andrea"), a capitalised word news never writes in lower case ("Ada", a given name the
    list misses), or a person's role in lower case ("psychologist", "lawyer"); not a
    sentence's opening word ("The", "In", "United") nor an organisation's noun ("company")."""
    low = word.lower()
    if low in ORG_HEAD_NOUNS:
        return False  # "the ferry company Ostry"
    if heads_role(low) or (word[:1].islower() and low.endswith("ist")):
        return True  # "lawyer Lund", "President Lund", "psychologist Lund"
    return word[:1].isupper() and (low in GIVEN_NAMES or low not in LISTED_WORDS)


def organisation_by_usage(text: str, name: str) -> bool:
    """Whether the article writes a capitalised name typed "person" as an organisation's and
    never as a person's: "Ostry, which", "Ostry and its", "Ostry's founder", "an analyst at
    Ostry", "Ostry, the ferry company"; but not where a given name or an honorific comes
    before it ("Ada Ostry", "Ms. Ostry") or "who" after it. A name that opens with a known given
    name ("Andrea Ostry") or a title, or has a word in lower case other than a joining word
    ("Ostry in Dover"; not "Friends of Ostry"), is left as typed."""
    words = name.split()
    if not words or len(words) > 5 or not words[-1][:1].isupper():
        return False
    if not all(w[:1].isupper() or w in _ORG_NAME_JOINERS for w in words):
        return False
    first = words[0].lower().rstrip(".")
    if first in GIVEN_NAMES or first in TITLES:
        return False
    spots = [(at, at + len(name)) for at in _occurrences(text, name)]
    if not any(_written_as_org(text, a, b) for a, b in spots):
        return False
    return not any(_written_as_person(text, a, b) for a, b in spots)


def place_by_usage(text: str, name: str) -> bool:
    """Whether the article writes a full name typed "person" as a place's and never as a
    person's, whatever its first word: after "in", "at", "near" or "outside" ("in Virginia
    Beach", "at Austin Peay"; not "in Ada Lund's office"), never with an honorific, a given name
    or a role before it, nor an age or "who" after it, and never its last word alone
    (:func:`_last_word_alone`: a person named in full is named again by the surname, "Lund
    said", a place is not). One word is left as typed."""
    words = name.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    starts = _occurrences(text, name)
    if not any(text.endswith(f"{p} ", 0, a) for a in starts for p in _PLACE_PREPOSITIONS):
        return False  # (the common case)
    spots = [(at, at + len(name)) for at in starts]
    if not any(
        _PLACE_BEFORE_RE.search(text, max(0, a - 8), a) and _ends_name(text, b) for a, b in spots
    ):
        return False
    if any(_written_as_person(text, a, b) or _AGE_OR_WHO_RE.match(text, b) for a, b in spots):
        return False
    return not _last_word_alone(text, words[-1], {b - len(words[-1]) for _, b in spots})


# A preposition of place right before a name: "in Virginia Beach", "at Austin Peay", "near
# Santa Barbara".
_PLACE_PREPOSITIONS: Final = ("in", "In", "at", "At", "near", "Near", "outside", "Outside")
_PLACE_BEFORE_RE: Final = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside) $")
# What a person's full name is written with after it: an age or "who" (not "said": a place
# speaks as its government does, "Virginia Beach said").
_AGE_OR_WHO_RE: Final = re.compile(r"(?:,| [-–—])? (?:\d{1,3},|who\b)")


def _ends_name(text: str, end: int) -> bool:
    """Whether a name written up to ``end`` ends a noun phrase there: a mark, or a word that
    opens no noun, follows ("in Ida Grove on Sunday", "in Palo Alto, says"); not a
    possessive, a hyphen or a noun ("in Ada Lund's office", "in Santa Barbara-based", "in
    Harbor School economics", "in Virginia Beach Circuit Court" name something else)."""
    nxt = text[end : end + 1]
    if not nxt or nxt in ",.;:)!?\n":
        return True
    if nxt != " ":
        return False
    word = _NEXT_WORD_RE.match(text, end + 1)
    return word is not None and word.group(0) in _AFTER_NOUN_PHRASE


_NEXT_WORD_RE: Final = re.compile(r"[a-z]+")
# Words that follow a noun phrase and open none: "in Ida Grove on Sunday".
_AFTER_NOUN_PHRASE: Final = frozenset(
    """on in at and or to for with where when that which last this since until before after
    from during as but""".split()
)


def _last_word_alone(text: str, last: str, inside: set[int]) -> bool:
    """Whether the article writes the last word of a full name on its own, as a surname is
    written: not at the offsets ``inside`` (the full name's own), nor inside another run of
    capitalised words ("Palm Beach" in "West Palm Beach", "Barbara Boxer"), unless the word
    before is a title or an honorific ("President Lund", "Mr. Lund")."""
    for i in _occurrences(text, last):
        if i in inside:
            continue
        j = i + len(last)
        if text[j : j + 1] == " " and text[j + 1 : j + 2].isupper():
            continue  # "Barbara Boxer"
        before = text[max(0, i - 30) : i]
        prev = before.split()[-1] if before.strip() and before.endswith(" ") else ""
        if prev[:1].isupper() and prev[-1:].isalpha() and bare(prev.lower()) not in TITLES:
            continue  # "West Palm Beach"
        return True
    return False
