"""Rules that read an attribution frame: who is speaking, with which cue, and what kind of name.

No statistical model: a tokenizer, small word lists (``analysis/data/attribution.json``), the
cue lexicon (``analysis/data/cues.toml``) and a few patterns over the words around a quotation.
Everything returns offsets into the article text so callers can show the mention the speaker
was read from.

The cue lexicon puts every verb that may frame reported speech in one class, and each class
has one rule (:data:`CUE_RULES`) that says when its content is reported speech, i.e. an act of
communication (tests/gold/GUIDELINES.md):

- ``speech`` (communication: say, tell, argue, claim, warn, announce, explain, ...): always,
  with or without "that";
- ``clause`` (communication verbs that also take a plain object: add, deny, state, write,
  confirm): only with a clause ("denied that …", "denied being there"), not a noun object
  ("added 300 jobs", "denied involvement"); and agree, whose "to"-infinitive is a decision
  ("agreed to pay the fine"), no speech;
- ``participle`` (participles of communication verbs: acknowledging, confirming, denying,
  stating, stressing, ...): only as a verb with a clause opened by "that", a subordinator or a
  subject pronoun ("…, acknowledging that the repairs were late", "denying he knew"); not a
  noun object or a noun ("asserting rights", "there is no denying that");
- ``stance`` (verbs of judging a target: criticize, praise, support, reject, question, ...):
  only with a finite clause ("questioned whether …"); a noun or a gerund is the target
  ("criticized the levy", "supported removing the pier");
- ``commitment`` (commissives: vow, promise, pledge, threaten): a "to"-infinitive or a
  clause, not a noun object ("promised tax cuts");
- ``request`` (ask, urge, encourage, request, demand): always, "to"-infinitives and "for"
  objects included;
- ``appeal`` (call): a request only through "on"/"upon"/"for" ("called on the board to
  act", "called for an audit"), a charge with "out"; else a name or a phone call, no speech;
- ``charge`` (accuse, blame, charge): a clause, or the charge's "of"/"for"/"on";
- ``speaker`` (disclosure: reveal, suggest, indicate, disclose, predict, explain): unless the
  subject is a thing or data ("it suggests", "the figures indicate") or the cue is a
  participle on a clause that reports no speech ("fares rose, suggesting …");
- ``topic`` (talk, speak, discuss, focus, campaign, refer): never; the verb names a topic;
- ``none`` (cognition: believe, think, know, expect, hope, fear, want; intention: plan,
  intend, seek, decide; finding: find, show, estimate, conclude, see; action: decline, offer,
  order, express, refuse): never.

Words of the ``topic`` and ``none`` classes still frame a quoted fragment in their content
("Reyes fears the levy will undo the ‘renewal’" makes "renewal" Reyes's words).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

from ..core.text import ABBREVIATIONS, fold_diacritics

# The rules of the cue classes (see the module docstring and cues.toml's header).
CUE_RULE_NAMES: Final = (
    "speech",
    "clause",
    "participle",
    "stance",
    "commitment",
    "request",
    "appeal",
    "charge",
    "speaker",
    "topic",
    "none",
)


@dataclass(slots=True)
class CueClass:
    """One class of the cue lexicon: its name, its rule (one of CUE_RULE_NAMES), what it holds
    and its words (every inflected form, lower-case)."""

    name: str
    rule: str
    about: str
    words: frozenset[str]


@lru_cache(maxsize=1)
def cue_classes() -> tuple[CueClass, ...]:
    """The classes of ``analysis/data/cues.toml``, in the file's order; a word in two classes or
    a rule not in CUE_RULE_NAMES is an error."""
    raw = tomllib.loads(resources.files("analysis").joinpath("data/cues.toml").read_text("utf-8"))
    out = []
    seen: dict[str, str] = {}
    for name, c in raw["classes"].items():
        if c["rule"] not in CUE_RULE_NAMES:
            raise ValueError(f"cues.toml: class {name} has an unknown rule {c['rule']!r}")
        words = frozenset(w.lower() for w in c["words"].split())
        for w in sorted(words):
            if w in seen:
                raise ValueError(f"cues.toml: {w!r} is in two classes, {seen[w]} and {name}")
            seen[w] = name
        out.append(CueClass(name, c["rule"], " ".join(c["about"].split()), words))
    return tuple(out)


_TITLE_PREFIXES: Final = ("vice", "co", "ex", "then", "deputy", "acting")
_TITLE_SUFFIXES: Final = ("elect", "designate", "general")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """The shipped word lists, lower-cased (titles, speaker nouns, places, ...; the cue lists
    of cues.toml: ``cues`` frame quotations in marks, ``indirect_cues`` reported speech, all
    classes together, ``infinitive_cues``, ``addressee_cues``, ``preposition_cues``,
    ``subject_only_cues``; and
    ``rule:<name>``, the words of the classes with that rule; ``lowercase_words``, words news
    capitalises almost only at a sentence's opening, less the given names that are words;
    ``mostly_lowercase_words``, words news writes in lower case more often than not though
    titles capitalise them ("Medical", "Delegate"), less the given names;
    ``finite_verbs``, verbs and adverbs that follow a subject pronoun, never a determiner;
    ``female_given_names``, ``male_given_names``, by the corpus's honorifics;
    ``census_female_given_names``, ``census_male_given_names``, by the census's first names;
    ``given_names``,
    words that open full names with several surnames, without sex)."""
    files = resources.files("analysis")
    raw = json.loads(files.joinpath("data/attribution.json").read_text("utf-8"))
    out = {k: frozenset(w.lower() for w in v) for k, v in raw.items() if not k.startswith("_")}
    # A title joined to a prefix or suffix of rank or of time is a title too: "Vice-President",
    # "Co-host", "Ex-minister", "Then-President", "President-elect", "Major-General" (British
    # and wire spellings).
    titles = out["titles"]
    out["titles"] = (
        titles
        | frozenset(f"{p}-{t}" for p in _TITLE_PREFIXES for t in titles)
        | frozenset(f"{t}-{s}" for s in _TITLE_SUFFIXES for t in titles)
    )
    cues = tomllib.loads(files.joinpath("data/cues.toml").read_text("utf-8"))
    for key, table in (
        ("cues", "quotation_frames"),
        ("infinitive_cues", "infinitive"),
        ("addressee_cues", "addressee"),
        ("preposition_cues", "prepositional"),
        ("subject_only_cues", "subject_only"),
        ("thing_subjects", "things"),
        ("invertible_cues", "inverted"),
        ("reporting_clause_cues", "reporting_clause"),
        ("passive_naming_cues", "passive_naming"),
        ("title_cues", "naming"),
    ):
        out[key] = frozenset(w.lower() for w in cues[table]["words"].split())
    classes = cue_classes()
    out["indirect_cues"] = frozenset(w for c in classes for w in c.words)
    # (built from the shared corpus by bench/build_word_lists.py)
    listed = files.joinpath("data/lowercase_words.txt").read_text("utf-8").split()
    out["lowercase_words"] = frozenset(listed) - out["word_given_names"]
    verbs = files.joinpath("data/finite_verbs.txt").read_text("utf-8").split()
    out["finite_verbs"] = frozenset(verbs)
    # (the census's first names are read only where the corpus's honorifics say nothing)
    for file, prefix in (("given_name_sexes", ""), ("census_given_name_sexes", "census_")):
        sexes = files.joinpath(f"data/{file}.txt").read_text("utf-8").split()
        for sex, key in (("f", "female_given_names"), ("m", "male_given_names")):
            pairs = zip(sexes[::2], sexes[1::2], strict=True)
            out[prefix + key] = frozenset(n for n, s in pairs if s == sex)
    given = files.joinpath("data/given_names.txt").read_text("utf-8").split()
    out["given_names"] = frozenset(given)
    mostly = files.joinpath("data/mostly_lowercase_words.txt").read_text("utf-8").split()
    out["mostly_lowercase_words"] = (
        frozenset(mostly)
        - out["word_given_names"]
        - out["female_given_names"]
        - out["male_given_names"]
    )
    for rule in CUE_RULE_NAMES:
        out["rule:" + rule] = frozenset(w for c in classes if c.rule == rule for w in c.words)
    return out


LEX: Final = lexicon()
CUES: Final = LEX["cues"]
ING_CUES: Final = frozenset(w for w in CUES if w.endswith("ing"))
INDIRECT_CUES: Final = LEX["indirect_cues"]
# Each reported-speech cue's rule: when its content is reported speech (cues.toml).
CUE_RULES: Final[dict[str, str]] = {w: c.rule for c in cue_classes() for w in sorted(c.words)}
# Cues whose reported content can be an infinitive ("vowed to repeal …") or a prepositional
# object ("called for an outside auditor", "talked about tolls"); the rule says whether it is
# speech.
INFINITIVE_CUES: Final = LEX["infinitive_cues"]
ADDRESSEE_CUES: Final = LEX["addressee_cues"]
PREPOSITION_CUES: Final = LEX["preposition_cues"]
# Cues that report only with a subject of their own, never as an infinitive or a gerund after
# a preposition ("plans to support", "accused of backing").
SUBJECT_ONLY_CUES: Final = LEX["subject_only_cues"]
# Subjects that are things or data, not speakers, for the rule "speaker" ("it suggests").
THING_SUBJECTS: Final = LEX["thing_subjects"]
TITLE_CUES: Final = LEX["title_cues"]
TITLES: Final = LEX["titles"]
DEMONYMS: Final = LEX["demonyms"]
PLACES: Final = LEX["places"]
ORG_WORDS: Final = LEX["org_words"]
ORG_NAMES: Final = LEX["org_names"]
DOC_NOUNS: Final = LEX["document_nouns"]
ANON_WORDS: Final = LEX["anonymous_words"]
SPEAKER_NOUNS: Final = LEX["speaker_nouns"] | DOC_NOUNS | ANON_WORDS
# Lower-case words that tie a description to the name after them: "a lawyer for Ada Lund".
TIE_WORDS: Final = frozenset("of for to with at in on from by about against behind".split())


def tie_at(words: list[str]) -> int:
    """Where the first word that ties a description to a name stands, after the first word
    and before the last: ["a", "lawyer", "for", "Ada", "Lund"] -> 2; 0 when there is none."""
    return next((i for i, w in enumerate(words[:-1]) if i and w in TIE_WORDS), 0)


SKIP_BETWEEN: Final = LEX["between_subject_and_cue"]
BOUNDARY_WORDS: Final = LEX["clause_boundaries"]
LEADING_ADVERBIALS: Final = LEX["leading_adverbials"]
NOT_NAMES: Final = LEX["not_names"]
ABSTRACT_HEADS: Final = LEX["abstract_heads"]
DETERMINERS: Final = frozenset(
    "the a an this that these those some many several two three four five one another other "
    "his her their its our my your most few all both various".split()
)
# Nouns that end in "-ly" like an adverb: "the Olson family said", "a Reyes ally said".
LY_NOUNS: Final = frozenset(
    "family ally rally assembly supply monopoly anomaly bully homily belly jelly".split()
)


def adverb_ly(low: str) -> bool:
    """Whether a lower-cased word is an "-ly" adverb ("quickly"), not a noun ("family")."""
    return low.endswith("ly") and low not in LY_NOUNS


NP_INTERNAL: Final = frozenset(
    "of for with familiar close in at from on to and & de van von bin al la "
    "du del der le da".split()
)
PRONOUNS: Final = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "his": "person",
    "they": "plural",
    "their": "plural",
    "it": "thing",
    "its": "thing",
    "i": "self",
    "we": "self",
}
SUBJECT_PRONOUNS: Final = frozenset({"he", "she", "they", "it", "i", "we"})

# Entries of each cache of names as written (strip_name, name_type, ... and quotes' own): a
# corpus names the same people and bodies again and again, but a big one writes hundreds of
# thousands of distinct runs of capitalised words. A smaller cache evicts the names of earlier
# articles before they recur; a larger one grows without a useful bound on millions of
# articles (bench/ measures the trade of CPU against memory).
NAME_CACHE: Final = 2**18

# Built by mypyc (``make compile``): the module is a C extension, not this file.
COMPILED: Final = not __file__.endswith(".py")

# A word (letters/digits with inner hyphens, apostrophes, periods, ampersands) or one punctuation
# character. Periods that end an abbreviation or initial are glued on afterwards. Spelt as one
# leading class (any character but a blank or "_") and the word's tail only after a letter or
# digit: the same tokens as ``[^\W_]+(?:[-'’.&][^\W_]+)*|[^\w\s]``, but Python's re skips
# ahead to a leading class in C instead of trying both branches at every blank. The group of
# joiners repeats with a plain ``*``: possessive on a group (``*+``)
# would match the same here, but CPython before 3.11.5 matches it wrongly ("0." as one token;
# gh-106052), and Debian 12's python3, which the Makefile prefers, is 3.11.2.
_TOKEN_RE: Final = re.compile(r"[^\s_](?:(?<=[^\W_])[^\W_]*+(?:[-'’.&][^\W_]++)*)?")
# The same, as one group: ``split`` returns the text between tokens and the tokens, in turn.
_TOKEN_SPLIT_RE: Final = re.compile("(" + _TOKEN_RE.pattern + ")")


class Tok:
    """A token: its text, lower-cased text, offsets into the article, and two flags."""

    __slots__ = ("text", "low", "start", "end", "is_word", "is_cap")

    def __init__(self, text: str, low: str, start: int, end: int) -> None:
        self.text = text
        self.low = low
        self.start = start
        self.end = end
        c = text[0]
        self.is_word = c.isalnum()
        self.is_cap = c.isupper()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Tokens of ``text[start:end]`` with absolute offsets; "Sen." and "J." keep their period."""
    # The hottest loop of quote extraction. Two spellings of the same tokenizer: compiled, a
    # loop over characters beats the regex split (no match objects, no blank strings);
    # interpreted, the split in C is faster.
    # tests/test_attribution.py checks that both give the same tokens.
    if COMPILED:
        return _tokenize_loop(text, start, len(text) if end is None else min(end, len(text)))
    return _tokenize_split(text, start, end)


def _glues(prev: Tok, at: int) -> bool:
    """True when a period at ``at`` ends the token ``prev`` ("Sen.", "J.", "U.S.")."""
    return (
        prev.end == at
        and prev.is_word
        and (prev.low in ABBREVIATIONS or (len(prev.text) == 1 and prev.is_cap) or "." in prev.text)
    )


def alnum_at(text: str, i: int) -> bool:
    """``text[i].isalnum()`` (re's ``[^\\W_]``), ASCII answered from the code point: compiled,
    ``ord(text[i])`` reads it in place, with no one-character string made."""
    o = ord(text[i])
    if o < 128:
        return 97 <= o <= 122 or 65 <= o <= 90 or 48 <= o <= 57
    return text[i].isalnum()


def _tokenize_loop(text: str, start: int, end: int) -> list[Tok]:
    """:func:`tokenize` as a loop over characters (the compiled spelling): a token is a run of
    letters and digits with inner joins (``[^\\W_]+(?:[-'’.&][^\\W_]+)*``) or one other
    character that is neither a blank nor "_"."""
    toks: list[Tok] = []
    i = start
    while i < end:
        o = ord(text[i])
        if o == 32 or o == 95 or 9 <= o <= 13 or 28 <= o <= 31 or (o > 127 and text[i].isspace()):
            i += 1  # (a blank: str.isspace's ASCII ones are these; or "_")
            continue
        j = i + 1
        if alnum_at(text, i):
            while j < end and alnum_at(text, j):
                j += 1
            while j + 1 < end and text[j] in _JOINS and alnum_at(text, j + 1):
                j += 2
                while j < end and alnum_at(text, j):
                    j += 1
        elif o == 46 and toks and _glues(toks[-1], i):  # "."
            # Glue the period on: the token is this call's own, not shared yet.
            prev = toks[-1]
            prev.end = j
            prev.text += "."
            prev.low += "."
            i = j
            continue
        t = text[i:j]
        toks.append(Tok(t, t.lower(), i, j))
        i = j
    return toks


_JOINS: Final = "-'’.&"


def _tokenize_split(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """:func:`tokenize` with one regex ``split`` (the interpreted spelling)."""
    # One ``split`` in C gives the tokens and the blanks between them (only whitespace and "_"
    # lie between tokens: any other character starts one), so the offsets are running sums of
    # lengths, with no search and no match objects; tokens are filled in place instead of
    # through ``Tok.__init__`` (a Python call each).
    parts = _TOKEN_SPLIT_RE.split(text[start:] if end is None else text[start:end])
    toks: list[Tok] = []
    append = toks.append
    new = object.__new__
    b = start + len(parts[0])
    # parts: blank, token, blank, token, ..., blank
    for t, gap in zip(parts[1::2], parts[2::2], strict=True):
        a = b
        b += len(t)
        if t == "." and toks and _glues(toks[-1], a):
            prev = toks[-1]
            prev.end = b
            prev.text += "."
            prev.low += "."
            b += len(gap)
            continue
        if COMPILED:
            tok = Tok(t, t.lower(), a, b)  # (a native class cannot be made by object.__new__)
        else:
            tok = new(Tok)
            tok.text = t
            tok.low = t.lower()
            tok.start = a
            tok.end = b
            c = t[0]
            tok.is_word = c.isalnum()
            tok.is_cap = c.isupper()
        append(tok)
        b += len(gap)
    return toks


def trie_pattern(words: list[str] | frozenset[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie ("sa(?:id|ys|y)"): Python's ``re``
    tries each branch of a flat alternation in turn, so a trie scans text several times faster.
    """
    trie: dict = {}
    for w in sorted(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        if end:
            body = (
                "(?:" + body + ")?" if len(alts) == 1 and not body.startswith("(?:") else body + "?"
            )
        return body

    return build(trie)


def bare(low: str) -> str:
    """A token's lower-case text without a trailing period ("sen." -> "sen")."""
    return low.rstrip(".")


_NOUN_DETS: Final = frozenset("the a an this that these those another every each".split())
_POSSESSIVES: Final = frozenset("his her its their our my your whose".split())


def is_cue_at(
    toks: list[Tok], i: int, *, cues: frozenset[str] = CUES, headline: bool = False
) -> bool:
    """True when ``toks[i]`` is a reporting verb here, not a noun ("the report", "his claims").

    Cues are lower-case in running text ("States" is not "states"); a word after a determiner,
    a possessive or a number, or followed by another cue ("the report notes"), is a noun.
    """
    t = toks[i]
    if t.low in ("put", "puts") and i + 1 < len(toks) and toks[i + 1].low == "it":
        return True  # "as Nadia Okafor puts it, “…”"
    if t.low not in cues or not (
        t.text.islower()
        or headline
        or (i == 0 and len(toks) > 1 and (toks[1].is_cap or t.low == "according"))
    ):
        return False
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if t.low == "went":
        return nxt == "on"
    if _naming_participle(toks, i):
        return False  # "Reyes went on, “…”"; not "the crews went into the depot"
    if (
        i > 1
        and t.low in _NOUNISH
        and (toks[i - 2].low in _NOUN_DETS or toks[i - 2].text[0].isdigit())
        and toks[i - 1].text.islower()
        and nxt != "that"
    ):
        # "a swing state", "the weekly report", "40,000 phone calls": a noun after its modifier
        return False
    if (
        i > 1
        and toks[i - 2].low in ("a", "an", "the")
        and toks[i - 1].text.islower()
        and not toks[i - 1].low.endswith("s")
        and toks[i - 1].low not in SPEAKER_NOUNS
        and not t.low.endswith(("s", "ed", "ing"))
        and (t.low + "s" in cues or t.low + "ed" in cues or t.low + "d" in cues)
        and (i + 1 == len(toks) or not toks[i + 1].is_word or nxt in _NOUN_PREPS)
    ):
        # "a snappy retort:", "the final say on": a cue in its base form after an article
        # and a modifier, before a mark or a preposition, is a noun; a verb there would need
        # a plural subject ("the officials say") or a tense ("the crowd chanted"), and would
        # take an object ("most dock crews at the pier hope the levy …").
        return False
    if t.low in _NOUNISH and nxt in _NOUN_NEXT and not (i and toks[i - 1].low in SUBJECT_PRONOUNS):
        # "his anti-Muslim remarks were", "Republican claims of": a noun, by what follows it
        return False
    if t.low == "states" and _states_as_noun(toks, i):
        return False
    if t.low in _MOSTLY_NOUNS and nxt != "that" and _mostly_noun_here(toks, i):
        return False
    if i > 0 and _noun_after(toks[i - 1], t):
        return False
    if (
        i + 1 < len(toks)
        and toks[i + 1].low in cues
        and toks[i + 1].text.islower()
        and (toks[i + 1].low not in ("that",))
        and t.low in _SPEAKER_NOUNISH
    ):
        return False
    return True


_NAMING_WORDS: Final = frozenset(("called", "named", "dubbed"))
# What may follow the name a naming participle gives: the end of the phrase, no quotation.
_AFTER_GIVEN_NAME: Final = frozenset(", . ; : ) and in of that which who".split())


def _naming_participle(toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` ("called", "named", "dubbed") gives a thing its name between a noun
    phrase and a capitalised name that closes the phrase: "a firm called Delta Partners,",
    "a group named Harbor Watch and" -> nobody speaks. Not "the mayor called Lund “a liar”",
    where a quotation follows the name, nor "Lund called …" after a name or a pronoun."""
    if toks[i].low not in _NAMING_WORDS or i < 2 or i + 1 >= len(toks):
        return False
    prev = toks[i - 1]
    if not (prev.is_word and prev.text.islower() and prev.low not in SUBJECT_PRONOUNS):
        return False
    if not any(x.low in _NOUN_DETS for x in toks[max(0, i - 4) : i - 1]):
        return False
    k = i + 1
    while k < len(toks) and toks[k].is_cap and toks[k].is_word:
        k += 1
    return k > i + 1 and (k == len(toks) or toks[k].low in _AFTER_GIVEN_NAME)


def _mostly_noun_here(toks: list[Tok], i: int) -> bool:
    """Whether a word that is mostly a noun ("state", "states") is one here: "in 11 states",
    "Nineteen states", "the Keystone state" -> True; a verb only right after a name or a
    pronoun ("Okafor states", "it states", "they state"). A base form after a name is a noun
    ("Kashmir state"), and a capitalised number or determiner is no name ("Other states")."""
    t = toks[i]
    p = toks[i - 1] if i > 0 else None
    return p is None or not (
        p.low in SUBJECT_PRONOUNS
        or (
            p.is_cap
            and t.low.endswith("s")
            and p.low not in DETERMINERS
            and p.low not in _CARDINALS
        )
    )


def _noun_after(p: Tok, t: Tok) -> bool:
    """Whether the word before a cue makes it a noun: a determiner ("the report", "a claim";
    but "another said", "each added" are pronoun subjects, and "signs that read “…”" a
    relative "that"), a possessive ("his claims", "Reyes's remarks", "Brandts’ remarks"), "of"
    ("secretary of state") or a number ("two reports"; but "nine in 10 said" is a verb)."""
    return (
        (
            p.low in _NOUN_DETS
            and not (p.low in ("another", "each") and t.low not in _NOUNISH)
            and not (p.low == "that" and t.low in _WORDING_VERBS)
        )
        or p.low in _POSSESSIVES
        or (p.low == "of" and not t.low.endswith("ing"))
        or (p.low.endswith(("’s", "'s")) and _pronoun_of_contraction(p) is None)
        or p.text in ("’", "'")
        or (
            p.text[0].isdigit()
            and (t.low in _NOUNISH or t.low.endswith("s"))
            and not p.low.endswith("-old")  # "the 28-year-old says": an age names a person
        )
    )


_MOSTLY_NOUNS: Final = frozenset("state states attacks".split())
# Words that count or pick out many things: "other Gulf states", "a dozen states".
_PLURAL_QUANTIFIERS: Final = frozenset(
    "other some many several few both all these those various most numerous dozen dozens "
    "half remaining".split()
)
# Capitalised words that qualify "states" as a kind of state, as nationalities do ("Arab
# states"): parties, regions, colours and blocs ("Democratic states", "Gulf states", "Blue
# states", "EU member states").
_STATE_KINDS: Final = frozenset(
    "u.s. us eu un democratic republican gulf baltic balkan nordic southern northern western "
    "eastern midwestern blue red swing member border frontline island".split()
)


def _states_as_noun(toks: list[Tok], i: int) -> bool:
    """Whether "states" at ``toks[i]`` is the plural noun, even before "that" or after a
    capital: after a counting word, a number or an "-ly" adverb, with or without capitalised
    modifiers between ("other Gulf states that", "three Rust Belt states", "a dozen states
    that", "once reliably Democratic states"), or after capitalised words that all name a
    kind of state ("Blue states", "some European states", "Twenty-one states", "EU member
    states"). Not the verb after a name or a thing ("Okafor states that", "the Harbor Board
    states", "which states that")."""
    j = i - 1
    while j >= 0 and i - j <= 3 and toks[j].is_cap:
        j -= 1
    run = toks[j + 1 : i]
    before = toks[j] if j >= 0 else None
    if before is not None and (
        before.low in _PLURAL_QUANTIFIERS
        or before.low in _CARDINALS
        or before.text[0].isdigit()
        or (adverb_ly(before.low) and bool(run))
        or (not run and before.low in _STATE_KINDS)  # "swing states that"
    ):
        return True
    return bool(run) and all(_names_state_kind(t.low) for t in run)


def _names_state_kind(low: str) -> bool:
    """Whether a capitalised word before "states" is a kind of state, a number or a
    nationality ("Gulf", "Twenty-one", "European"), not a name."""
    return low in _STATE_KINDS or low in DEMONYMS or low.split("-")[0] in _CARDINALS


_CARDINALS: Final = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty dozens hundreds".split()
)
# Verbs a text's wording takes ("a banner that read", "a sign that says"): never nouns.
_WORDING_VERBS: Final = frozenset("said says say read reads".split())
_NOUN_NEXT: Final = frozenset("of about were are was is against by".split())
_NOUN_PREPS: Final = frozenset("to on of for about than in from with by at over".split())
_NOUNISH: Final = frozenset(
    "report reports post posts tweet tweets comment comments claims claim note "
    "notes statement call calls quote quotes warning remarks state states charges".split()
)
# Unions and differences of word lists used inside per-token tests are built once here, not at
# every test (a set operation per call copies the whole set).
_SPEAKER_NOUNISH: Final = SPEAKER_NOUNS | _NOUNISH


def _verbish(tok: Tok) -> bool:
    """Lower-case words that end a noun phrase when walking left from a cue."""
    low = tok.low
    if low in _CUES_BOUNDARIES:
        return True
    if tok.is_cap or low in _NP_WORDS:
        return False
    return (low.endswith("ed") and low not in _NP_ADJECTIVES) or low in SKIP_BETWEEN


# _verbish's word lists joined once (it runs for every word a noun-phrase walk passes).
_CUES_BOUNDARIES: Final = CUES | BOUNDARY_WORDS
_NP_WORDS: Final = SPEAKER_NOUNS | NP_INTERNAL | DETERMINERS
_NP_ADJECTIVES: Final = LEX["np_adjectives"]
# Verbs and adverbs that follow a subject pronoun, never a determiner (bench/build_word_lists).
_FINITE_VERBS: Final = LEX["finite_verbs"]
# Words news capitalises almost only at a sentence's opening (bench/build_word_lists).
_LOWERCASE_WORDS: Final = LEX["lowercase_words"]


@dataclass(slots=True)
class Mention:
    """A speaker mention: its span in the article and how it was written."""

    start: int
    end: int
    text: str


def mention_of(text: str, toks: list[Tok]) -> Mention | None:
    """The mention spanning ``toks`` (first to last token), None for no tokens. The tokens are
    first made a well-formed mention (:func:`well_formed_toks`); None when none is left."""
    if not toks:
        return None
    toks = _after_glue(toks)
    good = well_formed_toks(text, toks)
    if not good or (len(good) != len(toks) and not _valid_np(good)):
        return None
    start = _after_glued_sentence_end(text, good[0].start, good[-1].end)
    return Mention(start, good[-1].end, text[start : good[-1].end])


# A sentence end with no blank after it: "… in the old port.Reyes said" (two lower-case
# letters before the period, so "U.S.", "Mr.Reyes" and "St.Ives" are no sentence end).
_GLUED_END_RE: Final = re.compile(r"[a-z]{2}[.!?](?=[A-Z][a-z])")


def _after_glued_sentence_end(text: str, start: int, end: int) -> int:
    """Where a mention starts after the last sentence end glued inside it: "the ferry in
    Dover.Ada Reyes" -> the offset of "Ada"; ``start`` when there is none."""
    if text.find(".", start, end) < 0 and text.find("?", start, end) < 0:
        if text.find("!", start, end) < 0:
            return start
    last = start
    for m in _GLUED_END_RE.finditer(text, start, end):
        last = m.end()
    return last


def well_formed_mention(text: str, start: int, end: int) -> Mention | None:
    """The well-formed mention inside ``text[start:end]`` (see :func:`well_formed_toks`):
    "WASHINGTON – Mayor Ada Reyes on Monday" -> "Mayor Ada Reyes"; None when nothing of a
    mention is left ("With Reyes", "A few days", "MORE")."""
    return mention_of(text, tokenize(text, start, end))


def _glue_at(text: str, i: int) -> bool:
    """A capital right after a lower-case letter at ``i``: where a link's text is glued on."""
    return i > 0 and text[i].isupper() and text[i - 1].islower()


_COMMON_WORDS: Final = LEX["lowercase_words"] | LEX["mostly_lowercase_words"]


def written_as_surname(text: str, word: str) -> bool:
    """Whether the article writes the capitalised ``word``, which alone reads as no name (a
    nationality, a month, a function word), as someone's surname: after a capitalised given
    name ("Lena Cuban", "Ada From", "Lena Jun"), not after a determiner, a place, another
    nationality or a sentence opener ("The Cuban", "Texas Cuban", "In Cuban"), and not in a
    run of capitals ("Accused Of Sexually Assaulting": a headline) or after a participle."""
    if not word[:1].isupper() or not word[1:].islower():
        return False
    for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(word)}\b(?![’'\-]| [A-Z])", text):
        given = m.group(1)
        low = given.lower()
        if low not in _GIVEN_NAMES and (low in _COMMON_WORDS or low in ORG_WORDS):
            continue  # "Twenty Republican", "Senate Republican": a word, no given name
        if not (
            low.endswith(("ed", "ing"))
            or low in DETERMINERS
            or low in NOT_NAMES
            or low in PLACES
            or low in DEMONYMS
            or low in TITLES
            or no_name_word(given)
        ):
            return True
    return False


def well_formed_toks(text: str, toks: list[Tok]) -> list[Tok]:
    """The tokens of a speaker mention without what is no part of one: page furniture before
    it ("JUST WATCHED Ada Reyes"), a dateline ("HALDEN – Ada Reyes"), a sentence adverb or a
    subordinator ("Yet Reyes", "Although Reyes"), a time phrase and what follows it ("Reyes on
    Monday", "Reyes last week in Dover"), a verb and what follows it ("Reyes didn't", "the
    board sent a letter"), an "-ly" adverb after it ("a senator closely allied with …").
    Empty when no mention is left: a prepositional phrase ("With Reyes", "Given the cuts"), a
    time ("A few days"), furniture alone ("MORE"), a bare group adjective ("Hispanic",
    "Harbor-funded"), or a phrase cut short by the end of a token window inside a word, or
    before its head noun ("another breathless" of "another breathless report that …")."""
    # A token window that ends inside a word has cut the phrase short: "the economic advis"
    # would give "the economic", no mention.
    if (
        toks[-1].end < len(text)
        and alnum_at(text, toks[-1].end)
        and not _glue_at(text, toks[-1].end)
    ):
        return []
    if len(toks) == 1 and toks[0].low in SUBJECT_PRONOUNS:
        return toks
    if _link_follows(text, toks[-1]):
        # "Sign up for …", "Ada Reyes Read more", "Photo: Ivo Lund": the last word is a link's
        toks = toks[:-1]
        if not toks:
            return []
    first, end = _well_formed_span(tuple([t.text for t in toks]))
    if end == first and len(toks) == 1 and written_as_surname(text, toks[0].text):
        return toks  # "Cuban said" where the article names Lena Cuban
    if end - first > 1 and _adverb_before_participle(text, toks[end - 2], toks[end - 1]):
        end -= 1  # "a senator closely| allied with …" -> "a senator"
    elif end and _cut_before_head(text, toks[end - 1]):
        return []
    return toks[first:end]


def _adverb_before_participle(text: str, prev: Tok, last: Tok) -> bool:
    """Whether a mention's last word is an "-ly" adverb that opens a participle phrase after
    the head noun, no part of the noun phrase: "a senator closely| allied with …", "an
    operative intimately| involved in …", "the video of him curtly| ordering …". Not after a
    determiner ("the elderly"), nor a noun ("an AARP tally": "tallies"), nor a name ("Ada
    Kelly"). Before a finite verb ("the drills regularly| anger …") the span has run past
    its clause's subject, which the frame must find again: no trim."""
    if not (last.is_word and not last.is_cap and adverb_ly(last.low)):
        return False
    if has_listed_plural(last.low) or not prev.is_word or prev.low in DETERMINERS:
        return False
    m = _NEXT_WORD_RE.match(text, last.end)
    return m is not None and m.group(1).endswith(("ed", "ing"))


# Subject pronouns written in lower case inside a span: never a name's ("He" of "Jiankui
# He", "I" of "World War I" are capitalised).
_CLAUSE_SUBJECTS: Final = frozenset({"he", "she", "they", "we"})


_CONTACT_DETERMINERS: Final = frozenset("a an the this these those".split())


def _contact_clause_subject(toks: list[Tok]) -> list[Tok]:
    """The subject pronoun of a relative clause without "that" that a noun phrase runs into,
    alone: "a comment he| repeated", "the remark she| made", "a March 3 post she| wrote"; the
    pronoun, not the thing before it, is whose the words are. Only after a determiner's
    phrase whose last word is a lower-case noun (not "Fox News he joked", "the outsiders
    understood that they"); an abstract head ("the question he …") is left alone, to name no
    speaker."""
    if len(toks) < 3 or toks[0].low not in _CONTACT_DETERMINERS:
        return toks
    k = len(toks) - 1
    if toks[k].low.endswith("ly") or toks[k].low in _PLAIN_ADVERBS:
        k -= 1  # "the sensation he now", "a phenomenon he often": a pronoun and its adverb
    if toks[k].low not in _CLAUSE_SUBJECTS or toks[k].is_cap or k < 2:
        return toks  # (a span that runs on past the pronoun has its own head: "a golf
        # course he owns in Ireland is citing …")
    prev = toks[k - 1]
    if prev.is_cap or not prev.text.isalpha() or prev.low in _CLAUSE_BREAK_WORDS:
        return toks
    if _abstract_head(toks[:k]):
        return toks[:k]  # "the question he …", "The reason they …": no one's words
    return toks[k : k + 1]


# Adverbs a clause's subject may take before its verb: "he now feels", "she often sees".
_PLAIN_ADVERBS: Final = frozenset("now often once also still never always just then later".split())
# Words before a subject pronoun that open its clause themselves, no noun it relates to.
_CLAUSE_BREAK_WORDS: Final = frozenset(
    """that and or but when as if because while since who which where than so should would
    could can will may might must do does did""".split()
)


@lru_cache(maxsize=NAME_CACHE)
def _well_formed_span(words: tuple[str, ...]) -> tuple[int, int]:
    """(first, end) of the well-formed part of a mention written as ``words`` (tokens),
    (0, 0) for none; cached, as the same mentions recur across a corpus."""
    toks = [Tok(w, w.lower(), k, k + 1) for k, w in enumerate(words)]
    toks = toks[_after_furniture(toks) :]
    toks = _without_dateline(toks)
    toks = toks[_sentence_restart(toks) :]
    toks = toks[_repeated_name_at(toks) :]
    toks = _without_opener(toks)
    toks = _without_time(toks)
    toks = toks[: _verb_cut(toks)]
    toks = _contact_clause_subject(toks)
    while toks and (
        (not toks[-1].is_word and toks[-1].text != ")")
        or (not toks[-1].is_cap and toks[-1].low in _PREPOSITIONS)
    ):
        toks = toks[:-1]
    if len(toks) == 1 and toks[0].low in ("not", "no"):
        return 0, 0  # "Not everyone" is a subject, "Not" alone a sentence's negation
    if len(toks) == 1 and _lone_function_word(toks[0].low):
        return 0, 0
    if not toks or _only_time(toks) or _bare_group_adjective(toks) or _caps_headline(toks):
        return 0, 0
    if _abstract_head(toks):
        return 0, 0
    toks = toks[_named_source_at(toks) :]
    return toks[0].start, toks[-1].end


# Prepositions that tie a document to who issued it: "a statement from", "data by", "a study
# out of".
_SOURCE_TIES: Final = frozenset(("from", "by"))
_ARTICLE_WORDS: Final = frozenset(("the", "a", "an"))
# Small words inside an issuer's name ("Save the Children", "Bureau of Labor Statistics").
_SOURCE_NAME_WORDS: Final = frozenset(("of", "for", "on", "and", "the"))
# What an organisation or person issues, as well as documents: "research by", "figures from".
_ISSUED_NOUNS: Final = DOC_NOUNS | frozenset(
    "research figures estimates calculations numbers tally count projections images".split()
)


def _named_source_at(toks: list[Tok]) -> int:
    """Where the named source of a document starts in a mention that is a document noun, the
    words before it, a tie ("from", "by", "out of") and a name to its end: "a statement from
    the Harbor Board" -> the index of "the", "data from Ostry" -> of "Ostry"; the source
    speaks, the document is how ("in a statement from X" is X's statement). 0 where the
    mention is no such phrase ("the report", "a report on the Harbor Board's budget", "Ada
    Lund of the Harbor Board")."""
    k = next((i + 1 for i, t in enumerate(toks) if t.low in _ISSUED_NOUNS), 0)
    if not k or any(
        (t.is_cap and not (i == 0 and t.low in _ARTICLE_WORDS) and t.low not in MONTHS)
        or not t.is_word
        for i, t in enumerate(toks[:k])
    ):
        return 0  # ("The annual report from X", "An April report from X")
    if k + 1 < len(toks) and toks[k].low == "out" and toks[k + 1].low == "of":
        k += 1
    if k + 1 >= len(toks) or toks[k].low not in _SOURCE_TIES and toks[k].low != "of":
        return 0
    if toks[k].low == "of" and toks[k - 1].low != "out":
        return 0  # "a report of the board" may be about the board: only "out of" ties
    start = k + 1
    name = toks[start + 1 :] if toks[start].low == "the" else toks[start:]
    if not name or not name[0].is_cap or not name[-1].is_cap:
        return 0
    ok = all(t.is_cap or t.low in _SOURCE_NAME_WORDS or t.text in (".", "&", "-") for t in name)
    return start if ok else 0


# Words that open a sentence or a noun phrase and name nobody on their own: a question word,
# an interjection, a determiner whose noun was cut off.
_FUNCTION_WORDS: Final = frozenset(
    "what whatever why how where when every all oh ah yes well none neither either more".split()
)
_SPELLED_NUMBERS: Final = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million""".split()
)


def _lone_function_word(low: str) -> bool:
    """A word that alone is no mention: "What", "What's" ("What's become of it …"), "Every", "Oh",
    "Twenty-nine" (a number cut from its noun: "Twenty-nine thousand were …"); but "Ada",
    "Most" and "Others" may speak ("Most said …")."""
    if low.endswith(("'s", "’s")):
        low = low[:-2]  # "What's become of it"
    if low in _FUNCTION_WORDS:
        return True
    parts = low.split("-")
    return len(parts) > 1 and all(p in _SPELLED_NUMBERS for p in parts)


_ABSTRACT_DETERMINERS: Final = frozenset(
    "the a an one another his her their its our that this".split()
)


def _abstract_head(toks: list[Tok]) -> bool:
    """A determiner, perhaps one adjective, and an abstract head noun (ABSTRACT_HEADS): "The
    problem", "one reason", "the real question" name no speaker; so does "part of" a group
    ("part of a harbor group of eight"). "The answer desk" and "Ada Hope" do."""
    if len(toks) >= 3 and toks[0].low == "part" and toks[1].low == "of":
        return True
    if not 2 <= len(toks) <= 3 or toks[0].low not in _ABSTRACT_DETERMINERS:
        return False
    return toks[-1].low in ABSTRACT_HEADS


_HEADLINE_WORDS: Final = frozenset("TO ON IN FOR WITH OVER SAYS AT FROM AFTER".split())


def caps_headline(words: list[str]) -> bool:
    """Three or more words in capitals with a preposition or "SAYS" among them: a headline or
    a link of the page ("MAYOR SAYS FERRIES WILL RUN", "REYES ON THE LEVY"), no name."""
    caps = [w for w in words if len(w) > 1 and w.isupper()]
    return len(caps) >= 3 and not _HEADLINE_WORDS.isdisjoint(caps)


def _caps_headline(toks: list[Tok]) -> bool:
    return caps_headline([t.text for t in toks if t.is_word])


# Page furniture: labels and links of a web page that run into the text ("JUST WATCHED",
# "MORE", "Image caption", "Advertisement").
_FURNITURE_CAPS: Final = frozenset(
    """JUST WATCHED MORE CLOSE NEW WATCH VIDEO VIDEOS PHOTO PHOTOS FILE UPDATE UPDATED BREAKING
    EXCLUSIVE RELATED ADVERTISEMENT READ CLICK SUBSCRIBE SHARE SEE ALSO GALLERY LIVE MUST
    SPECIAL COVERAGE""".split()
)
_FURNITURE_WORDS: Final = frozenset("advertisement caption copyright".split())
# ("Video", "Photo" and "Image" open documents that speak, "Video of the arrest shows …", but
# not before a name, "Image Ada Reyes"; the leads are a page's controls and commands, no
# one's first name)
_FURNITURE_LEADS: Final = frozenset("watch related getty embed replay click subscribe".split())
_FURNITURE_FOLLOWS: Final = frozenset("coverage story video images image photo".split())
# Words of a picture or film credit that never end a person's name: "Ada Reyes Photos:".
_FURNITURE_ENDS: Final = frozenset("photo photos image images video videos gallery".split())
# A link or label of two words, its first capitalised on the page ("Read more", "Sign up",
# "Story highlights", "Continue reading", "Image caption", "Media playback"): with the words
# around it, no part of a name or a mention, though "Read" and "Story" alone may be surnames.
_FURNITURE_PAIRS: Final = frozenset(
    (a, b)
    for a, bs in (
        ("read", "more full"),
        ("sign", "up in"),
        ("story", "highlights continued continues"),
        ("continue", "reading"),
        ("click", "here"),
        ("play", "video"),
        ("image", "caption copyright"),
        ("media", "caption playback"),
        ("replay", "more"),
        ("more", "videos"),
        ("subscribe", "now"),
        ("photo", "credit"),
        ("ap", "photo photos"),
    )
    for b in bs.split()
)


_PAIR_FIRSTS: Final = frozenset(a for a, _ in _FURNITURE_PAIRS)
# Words that before a colon label a link or a picture ("Read: …", "Photo: Ivo Lund"), unlike
# a source ("AP: …", "Reyes: …").
_COLON_LABELS: Final = (
    _FURNITURE_ENDS | _FURNITURE_LEADS | frozenset("read more story listen".split())
)


def _link_follows(text: str, last: Tok) -> bool:
    """Whether a mention's last token opens a link or a label with what the text has after it:
    "Sign" before " up for the newsletter", "Story" before " highlights", "Photo" before ":
    Ivo Lund" -> True; "Reyes" before " said", "Read" before " said" -> False."""
    if not last.is_cap:
        return False
    if text.startswith(":", last.end) and last.low in _COLON_LABELS:
        return True  # "Photo: Ivo Lund", "Read: The levy explained", "Watch: …"
    if last.low not in _PAIR_FIRSTS or not text.startswith(" ", last.end):
        return False
    i = last.end + 1
    j = i
    while j < len(text) and j < i + 12 and text[j].isalpha():
        j += 1
    return furniture_pair(last.text, text[i:j])


def furniture_pair(first: str, second: str) -> bool:
    """Whether two words, the first capitalised, are a page's link or label: ("Read", "more"),
    ("Sign", "Up"), ("Story", "highlights") -> True; ("Ada", "Read"), ("read", "more") ->
    False (a lower-case "read more" is the writer's)."""
    return first[:1].isupper() and (first.lower(), second.lower()) in _FURNITURE_PAIRS


def _after_furniture(toks: list[Tok]) -> int:
    """Index after the page furniture that opens a mention: "JUST WATCHED Ada Reyes" -> 2,
    "Image copyright Wire Image caption Ada Reyes" -> 5, "Story highlights Ada Reyes" -> 2,
    "NEW YORK HARBOR BOARD" -> 0."""
    cut = 0
    k = 0
    while k < len(toks):
        t = toks[k]
        if k + 1 < len(toks) and furniture_pair(t.text, toks[k + 1].text):
            cut = k + 2
            k += 1
        elif t.text in _FURNITURE_CAPS and (
            k + 1 == len(toks)
            or not toks[k + 1].text.isupper()
            or toks[k + 1].text in _FURNITURE_CAPS
        ):
            cut = k + 1
        elif t.low in _FURNITURE_WORDS or (
            t.is_cap
            and (
                t.low in _FURNITURE_LEADS
                and k == cut
                or t.low in _FURNITURE_FOLLOWS
                and k == cut
                and (k > 0 or k + 1 < len(toks) and toks[k + 1].is_cap)
            )
        ):
            cut = k + 1
        elif k > cut + 3:
            break
        k += 1
    return cut


_DASHES: Final = frozenset(("-", "–", "—", "--"))


def _without_dateline(toks: list[Tok]) -> list[Tok]:
    """A dash between words parts a dateline from the mention ("HALDEN – Mayor Ada Reyes" ->
    the mayor) or the mention from an aside ("Ada Reyes – speaking at the fair" -> Reyes)."""
    k = next((k for k, t in enumerate(toks) if t.text in _DASHES), None)
    if k is None:
        return toks
    if k > 0 and toks[0].text.isupper() and len(toks[0].text) >= 3:
        return _without_dateline(toks[k + 1 :])
    return toks[:k]


# Words that open a sentence, never a mention. After a preposition comes its object, which is
# no subject ("With Reyes in the chair, …"); after a sentence adverb or a subordinator comes
# the subject ("Yet Reyes", "Although Reyes").
_OPENER_PREPOSITIONS: Final = frozenset(
    """for with to despite given during among amid amidst like unlike by ahead following after
    before under over against from into about through throughout toward towards upon within
    without including regarding concerning considering beyond besides any anyone anything
    in on at of lest""".split()
)
_OPENER_ADVERBS: Final = frozenset(
    """although though because since once whether until unless while when whenever if as yet
    so thus therefore rather nevertheless nonetheless meanwhile however still also then now
    instead indeed moreover furthermore hence and but or nor even only otherwise
    regardless whereas here there recently lately perhaps maybe finally ultimately eventually
    initially separately similarly likewise additionally never not""".split()
)


# Auxiliaries that open a question ("Did Reyes say …?", "Is the board right?"), never a name
# (unlike "Will" or "May").
# ("Will" and "Can" are also first names.)
_QUESTION_AUXILIARIES: Final = frozenset("did does do is are was were has have had".split())
# A pronoun with a copula opens a cleft or a comment ("It's a question Reyes asked", "That's
# the point"), whose words are no speaker.
_CLEFT_OPENERS: Final = frozenset(("it's", "it’s", "that's", "that’s"))
# Question words that open a free relative or a question before a name ("What Reyes wants is
# …", "Why Lund left"): no part of the mention. With a copula ("What's the plan", "Where's
# the money") they open a question, whose words name no one.
_QUESTION_WORDS: Final = frozenset("what why how where".split())


# Words that may stand before "the"/"a" inside a noun phrase: "all the crews", "half a dozen".
_PREDETERMINERS: Final = frozenset("all both half such quite what many neither either".split())


def _sentence_restart(toks: list[Tok]) -> int:
    """Where a mention starts again after what cannot open it: a sentence end after an
    abbreviation before "The"/"A"/"An" ("… from the U.S. The Mexican leader" -> "The
    Mexican leader"), or one stray lower-case word before an article ("far the Energy
    Ministry", of "So far the Energy Ministry said" -> "the Energy Ministry"). 0 otherwise:
    "members of the board", "all the crews", "the Harbor Board"."""
    k = 0
    for i in range(1, len(toks)):
        if toks[i].text in ("The", "A", "An") and toks[i - 1].text.endswith("."):
            k = i
    if k:
        return k
    if (
        len(toks) > 2
        and toks[0].text.isalpha()
        and toks[0].text.islower()
        and not toks[0].low.endswith("ing")  # "including a class called …"
        and toks[1].low in _ARTICLE_WORDS
        and toks[0].low not in _PREPOSITIONS
        and toks[0].low not in _PREDETERMINERS
        and toks[0].low not in DETERMINERS
    ):
        return 1
    return 0


def _repeated_name_at(toks: list[Tok]) -> int:
    """Where a mention starts again at the name that ends it, when that name was written
    before in the possessive with lower-case words between: a gallery's or a link's title
    glued before the name ("Ada Lund's life in photos Lund" -> "Lund", "Moments from Ivo
    Reyes's career Reyes" -> "Reyes", "Lund's father Ivo Lund" -> "Ivo Lund"). 0 otherwise
    ("Sirhan Sirhan", "Fox News and 20th Century Fox", "the District Court for the Southern
    District")."""
    if len(toks) < 3 or not toks[-1].is_cap:
        return 0
    last = toks[-1].text
    run = len(toks) - 1  # the final run of capitalised words: "Seddique Mateen"
    while run > 0 and toks[run - 1].is_cap and toks[run - 1].is_word:
        run -= 1
    owner = next(
        (j for j in range(run) if toks[j].text in (last + "'s", last + "’s")), -1
    )  # the name's possessive earlier: "Ada Lund's life in photos"
    if owner < 0 or not any(x.is_word and not x.is_cap for x in toks[owner + 1 : run]):
        return 0
    return run


def _without_opener(toks: list[Tok]) -> list[Tok]:
    """A mention without its opening adverbs, subordinators, question auxiliaries and question
    words ("Yet Reyes", "Did Reyes", "What Reyes" -> Reyes); none when it opens with a
    preposition, a negated auxiliary, a cleft or a question ("For Reyes", "Given the cuts",
    "Anyone", "Don't", "It's a question Reyes", "What's the plan", "What about the jobs
    Reyes")."""
    if len(toks) > 1 and toks[0].low in _CLEFT_OPENERS:
        return []
    while toks:
        low = toks[0].low
        if low in _QUESTION_AUXILIARIES and toks[0].is_cap:
            toks = toks[1:]
            continue
        if low.endswith(("’s", "'s")):
            low = low[:-2]  # "Here’s", "There's"
            if low in _QUESTION_WORDS:
                return []
        if low in _QUESTION_WORDS and toks[0].text[:1].isupper() and not toks[0].text.isupper():
            # "What Reyes wants", "What the board said": not "WHO" (the World Health
            # Organization); "How dare the board" is a question, no mention
            if len(toks) < 2 or not (toks[1].is_cap or toks[1].low in DETERMINERS):
                return []
            toks = toks[1:]
            continue
        if low in _OPENER_PREPOSITIONS or low.endswith(("n't", "n’t")):
            return []
        if low not in _OPENER_ADVERBS:
            return toks
        toks = toks[1:]
        while toks and toks[0].text == ",":
            toks = toks[1:]
    return toks


_WEEKDAYS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS: Final = frozenset(
    """january february march april may june july august september october november december
    jan. feb. mar. apr. aug. sept. sep. oct. nov. dec.""".split()
)
_TIME_DAYS: Final = frozenset("yesterday today tonight tomorrow ago".split())
_TIME_UNITS: Final = frozenset(
    "week month year night weekend morning afternoon evening spring summer fall winter "
    "decade".split()
)
_TIME_PLURALS: Final = frozenset(
    "seconds minutes hours days weeks months years decades moments nights weekends".split()
)
_AMOUNTS: Final = frozenset(
    """a an few several many some two three four five six seven eight nine ten twelve dozen
    dozens hundreds thousands couple of the""".split()
)
_TIME_LEADS: Final = frozenset(
    "on in at during since by last this next early late earlier later from until that the over "
    "for past within".split()
)


def _is_time_tok(toks: list[Tok], k: int) -> bool:
    """``toks[k]`` is a date or time word: "Monday", "Tuesday’s", "yesterday", "ago", "later"
    (not "a later report"), "last week", "March 3", a year after "in" or "since" ("in
    2014")."""
    t = toks[k]
    low = t.low[:-2] if t.low.endswith(("’s", "'s")) else t.low
    if low in _WEEKDAYS or low.rstrip("s") in _WEEKDAYS:
        return True
    if low in _TIME_DAYS:
        return not t.is_cap or k == 0
    if low in ("earlier", "later"):
        return not t.is_cap and (k == 0 or toks[k - 1].low not in DETERMINERS)
    if _time_degree(toks, k) or _day_of_month(toks, k):
        return True
    if _year_after_lead(toks, k):
        return True
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None:
        return False
    if low in ("last", "this", "next", "past") and (not t.is_cap or k == 0):
        # (a possessive unit inside a mention qualifies its noun: "a source familiar with
        # this week's testimony")
        possessive = nxt.low.endswith(("’s", "'s"))
        return (_time_unit(nxt) and (k == 0 or not possessive)) or _counted_time(toks, k + 1)
    return low in MONTHS and t.is_cap and nxt.text[0].isdigit()


def _time_degree(toks: list[Tok], k: int) -> bool:
    """ "late" or "early" before a time word, in lower case and after no determiner: "denied
    late Monday that …", "early this week", "late last year" (not "the late Monday session"
    nor "Early Monday" opening a name); the time word follows."""
    t = toks[k]
    return (
        t.low in ("late", "early")
        and not t.is_cap
        and k + 1 < len(toks)
        and (k == 0 or toks[k - 1].low not in DETERMINERS)
        and _is_time_tok(toks, k + 1)
    )


def _day_of_month(toks: list[Tok], k: int) -> bool:
    """A day's number after a month: the "1" of "reported on April 1 that …", "said Sept. 5
    he …"; not a date that qualifies a noun after a determiner ("a March 27 letter from
    Reyes", "the June 4 report"), which stays part of that mention."""
    t = toks[k].text
    return (
        k > 0
        and t.isdigit()
        and len(t) <= 2
        and toks[k - 1].low in MONTHS
        and toks[k - 1].is_cap
        and (k < 2 or toks[k - 2].low not in DETERMINERS)
    )


def _year_after_lead(toks: list[Tok], k: int) -> bool:
    """A year that a preposition of time introduces: "in 2014", "since 1998" (not "the 2014
    race" or "2020 Democrats", where the year qualifies a noun)."""
    t = toks[k].text
    return (
        k > 0
        and len(t) == 4
        and t.isdigit()
        and t[:2] in ("19", "20")
        and toks[k - 1].low in ("in", "since", "during", "until", "by")
    )


def time_phrase_end(toks: list[Tok], j: int, end: int) -> int:
    """The token after a time phrase that starts at ``toks[j]``, before ``end``: "Wednesday
    that …" -> at "that", "Tuesday night", "earlier this week", "earlier on Wednesday",
    "yesterday"; ``j`` when no time phrase starts there."""
    k = j
    while (
        k < end
        and k < j + 5
        and (
            _is_time_tok(toks, k)
            or (k > j and toks[k].low in _TIME_UNITS | _TIME_LEADS_INSIDE)
            # "earlier on Wednesday", "late in the week"
            or (k > j and toks[k].low in ("on", "in") and k + 1 < end and _is_time_tok(toks, k + 1))
        )
    ):
        k += 1
    return k


# Words inside a time phrase after its first time word: "earlier this week", "late last year".
_TIME_LEADS_INSIDE: Final = frozenset("this last next".split())


def _counted_time(toks: list[Tok], k: int) -> bool:
    """A number and a plural time unit at ``toks[k]``: "two years", "18 months"."""
    return (
        k + 1 < len(toks)
        and (toks[k].low in _AMOUNTS or toks[k].text[0].isdigit())
        and toks[k + 1].low in _TIME_PLURALS
    )


def _without_time(toks: list[Tok]) -> list[Tok]:
    """A mention without a time phrase: one that opens it goes ("Monday night Reyes" ->
    Reyes, "Tuesday’s report" -> report), one later on goes with what follows ("Ada Reyes on
    Monday" -> Ada Reyes, "Reyes last week in Dover", "Reyes two weeks ago" -> Reyes); a date
    after a determiner qualifies a noun and stays ("a March 3 letter"); so does "the" before
    "last" or "past" ("the last two years Reyes" -> Reyes)."""
    if len(toks) > 2 and toks[0].low == "the" and toks[1].low in ("last", "past"):
        if _is_time_tok(toks, 1):
            toks = toks[1:]
    while toks and _is_time_tok(toks, 0):
        month = toks[0].low in MONTHS
        toks = toks[1:]
        if _counted_time(toks, 0):
            toks = toks[2:]  # "last two years"
        while toks and (
            toks[0].text == "," or _time_unit(toks[0]) or (month and toks[0].text[0].isdigit())
        ):
            toks = toks[1:]
    toks = _without_cut_time_unit(toks)
    for k in range(1, len(toks)):
        if k == 1 and toks[0].low in DETERMINERS:
            continue
        # ("The board two weeks ago" -> The board; "a senator of 20 years" keeps its years)
        counted = _counted_time(toks, k) and toks[k - 1].low not in _PREPOSITIONS
        if _is_time_tok(toks, k) or counted:
            while k > 0 and toks[k - 1].low in _TIME_LEADS and not toks[k - 1].is_cap:
                k -= 1
            return toks[:k]
    return toks


def _time_unit(t: Tok) -> bool:
    """Whether ``t`` is a time unit in lower case, possessive or not: "week", "year’s"."""
    low = t.low[:-2] if t.low.endswith(("’s", "'s")) else t.low
    return low in _TIME_UNITS and not t.is_cap


# Units a time phrase ends in before a subject: "[Last] week the board", "[Last] year’s report".
_CUT_TIME_UNITS: Final = frozenset("week weekend month year decade".split())


def _without_cut_time_unit(toks: list[Tok]) -> list[Tok]:
    """A mention without the time unit it opens with, left of a time phrase whose lead word
    the frame did not take ("[Last] week Harbor leaders" -> Harbor leaders, "[Last] year’s
    Harbor Board report" -> Harbor Board report, "[Earlier this] week Mayor Ada Reyes"): a
    unit in lower case is never a subject's first word."""
    if len(toks) < 2 or not _time_unit(toks[0]):
        return toks
    low = toks[0].low[:-2] if toks[0].low.endswith(("’s", "'s")) else toks[0].low
    if low not in _CUT_TIME_UNITS or not toks[1].is_word:
        return toks
    return toks[1:]


def _only_time(toks: list[Tok]) -> bool:
    """A number of time units and nothing else: "A few days", "Hours", "Two years"."""
    return toks[-1].low in _TIME_PLURALS and all(
        t.low in _AMOUNTS or t.text[0].isdigit() for t in toks[:-1]
    )


_VERB_WORDS: Final = frozenset(
    """should would could will can may might must shall is are was were has have had does did
    do says told tells sent sends leads wrote writes made makes took takes gave gives got gets
    comes came goes went""".split()
)
_OBJECT_DETS: Final = frozenset("a an the his her their its this these those our".split())
_NOT_VERB_WORDS: Final = frozenset(
    """and or but nor both all half such whose including versus via per near inside outside
    around across behind beyond alongside along atop throughout despite amid since until upon
    toward towards through within without after before during up out off down""".split()
)


def _finite_verb_at(toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]`` is a finite verb or an adverb of the corpus's list that ends the
    mention before it ("Ada Lund knew", "the board also", "Harbor Corp enters the fray"); not
    after "to" (an infinitive), nor before a name, where the mention is the verb's object
    ("The mayor met Sen. Ada Brennan, who …")."""
    if toks[k].low not in _FINITE_VERBS or toks[k - 1].low == "to":
        return False
    return not any(t.is_cap for t in toks[k + 1 :])


def _verb_cut(toks: list[Tok]) -> int:
    """Where a verb starts inside a mention ("Reyes didn't" -> 1, "the board sent a letter"
    -> 2, "Ada Lund knew" -> 2); the length when there is none. A relative clause of a
    description stays ("officials who have seen the plan")."""
    for k in range(1, len(toks)):
        t = toks[k]
        low = t.low
        if low in RELATIVES or low == "that":
            break
        if t.is_cap or not t.is_word or low in _PREPOSITIONS or low in DETERMINERS:
            continue
        if (
            low.endswith(("n't", "n’t"))
            or low in _VERB_WORDS
            or _finite_verb_at(toks, k)
            or (
                low not in _NOT_VERB_WORDS
                and k + 1 < len(toks)
                and toks[k + 1].low in _OBJECT_DETS
                and toks[k + 1].is_word
            )
        ):
            return k
    return len(toks)


_GROUP_SUFFIXES: Final = ("-funded", "-backed", "-based", "-led", "-owned", "-linked", "-american")
# The ends of nationality adjectives ("Canadian", "Japanese", "Danish", "Czech", "Thai"); the
# demonym list also holds pieces of place names ("York", "Texas"), which are no adjectives.
_ADJECTIVE_ENDS: Final = ("an", "ese", "ish", "ch", "i", "ic")
_GROUP_WORDS: Final = frozenset(
    "hispanic latino latina minority majority republican democratic western eastern northern "
    "southern".split()
)


def no_name_word(word: str, *, last: bool = False) -> bool:
    """A capitalised word that is page furniture, a sentence opener or a weekday, no part of a
    name that a run of capitals opens with: "JUST", "WATCHED", "Related", "More", "Although",
    "With", "Monday" ("JUST WATCHED Ada Reyes", "More Ada Reyes:", "With Ada Reyes").
    ``last``: the run's last word, where only furniture and weekdays count ("Ada Reyes
    Monday", "Ada Reyes Photos"; "Dan Rather" is a name)."""
    if word in _FURNITURE_CAPS:
        return True
    low = word.lower()
    if low.endswith(("’s", "'s")):
        low = low[:-2]
    if last:
        return low in _WEEKDAYS or low in _FURNITURE_ENDS
    return (
        low in _OPENER_PREPOSITIONS
        or low in _OPENER_ADVERBS
        or low in _QUESTION_AUXILIARIES
        or low in _FURNITURE_LEADS
        or low in _FURNITURE_FOLLOWS
        or low in _FURNITURE_WORDS
        or low in _COLON_LABELS
        or low in _WEEKDAYS
    )


def _bare_group_adjective(toks: list[Tok]) -> bool:
    """A nationality or group adjective alone, or ending a phrase after a preposition, names
    nobody: "Hispanic", "Canadian", "Harbor-funded", "dozens of Canadian" (but "Canadians"
    and "a Canadian" do)."""
    low = toks[-1].low
    if not (
        (low in DEMONYMS and low not in PLACES and low.endswith(_ADJECTIVE_ENDS))
        or low in _GROUP_WORDS
        or low.endswith(_GROUP_SUFFIXES)
    ):
        return False
    # "dozens of Russian", "in a Turkish": a phrase that ends in the adjective has lost its noun
    return len(toks) == 1 or any(t.low in _PREPOSITIONS and not t.is_cap for t in toks[1:-1])


def _trim_np(toks: list[Tok]) -> list[Tok]:
    """Drop leading conjunctions/adverbials and trailing prepositions from a noun phrase."""
    while (
        toks
        and not (len(toks) == 1 and toks[0].is_cap and toks[0].low not in NOT_NAMES)
        and (
            toks[0].low in LEADING_ADVERBIALS
            or not toks[0].is_word
            or toks[0].low in ("and", "but", "so", "also", "then", "yet", "or")
        )
    ):
        toks = toks[1:]
    while toks and (
        not toks[-1].is_word
        # a capitalised "From" or "Al" ends a name ("Al From"), not a phrase
        or (not toks[-1].is_cap and (toks[-1].low in NP_INTERNAL or toks[-1].low in DETERMINERS))
    ):
        if len(toks) == 1 and toks[0].low in _QUANTIFIERS:
            break  # "Yet another said", "Many agreed": the quantifier is the whole subject
        toks = toks[:-1]
    return toks


_QUANTIFIERS: Final = frozenset(
    "many most some others another several few half majority majorities".split()
)
# Words for an amount, capitalised at a sentence start ("More recently …"), that name nobody.
_AMOUNT_WORDS: Final = _QUANTIFIERS | frozenset("more less much fewer".split())
_NUMBER_WORDS: Final = frozenset(
    "two three four five six seven eight nine ten dozens hundreds".split()
)
_NP_DETS: Final = frozenset(
    "the a an this one some many several two three another his her their its".split()
)


_FIRST_SECOND: Final = frozenset(("i", "we", "you", "me", "us"))


def _valid_np(toks: list[Tok]) -> bool:
    """A speaker noun phrase names someone: a capitalised word, a pronoun or a speaker noun."""
    if not toks or len(toks) > 12:
        return False
    if len(toks) == 1 and toks[0].low in SUBJECT_PRONOUNS:
        return True
    lows = [t.low for t in toks]
    if not _FIRST_SECOND.isdisjoint(lows) and any(
        t.low in _FIRST_SECOND and t.text != "US" for t in toks
    ):
        return False  # "we", "us"; but "US Senator Ivo Lund" names the country
    if not toks[-1].is_cap and toks[-1].low in _PREPOSITIONS:
        # "three rounds of talks among": a walk that stops on a preposition has run into
        # a prepositional phrase; no noun phrase ends with its preposition.
        return False
    head_ok = any(t.is_cap and bare(t.low) not in NOT_NAMES for t in toks) or not (
        SPEAKER_NOUNS.isdisjoint(lows) and TITLES.isdisjoint([w.rstrip(".") for w in lows])
    )
    if not head_ok and len(toks) <= 8:
        # "Nine in 10 said", "31 percent of tenants said", "most said": a share of the people
        # polled or present, which news reports as speakers.
        first = toks[0]
        if first.low in _QUANTIFIERS or (
            len(toks) >= 2 and (first.text[0].isdigit() or first.low in _NUMBER_WORDS)
        ):
            return True
    # "The harbor board", "the charity", "one clerk", "several volunteers": a
    # determiner and a noun.
    return head_ok or (
        2 <= len(toks) <= 5
        and toks[0].low in _NP_DETS
        and toks[-1].is_word
        and not adverb_ly(toks[-1].low)
    )


# Forms of "say" and "tell" whose subject is someone speaking, whatever noun names them ("can
# tell whether" is to find out).
_SAY_TELL: Final = frozenset("say says said tells told".split())
# Determiners of a group besides _NP_DETS: "those technicians", "both clubs", "all parents".
_GROUP_DETS: Final = _NP_DETS | frozenset("those these both all other such".split())
# Words a noun-phrase walk may stop at before a subject: a clause opens after them.
_CLAUSE_OPENERS: Final = frozenset("and but while as because though although so".split())
# Owners of the writer's or reader's side: "our readers say" is no reported speaker.
_FIRST_SECOND_OWNERS: Final = frozenset("my our your".split())
# Words that may stand before a subject, after the word that opens its clause.
_FOCUS_WORDS: Final = frozenset("even also still only now".split())
# Plural-looking heads that name no group of people: adverbs, shares of those polled ("three-
# fourths said": a finding), "news".
_NOT_GROUP_HEADS: Final = frozenset(
    "always perhaps sometimes nevertheless nonetheless afterwards besides thus news thirds "
    "fourths fifths quarters halves percents".split()
)


def _unlisted_group(toks: list[Tok], j: int, np: list[Tok], i: int) -> bool:
    """Whether ``np``, after ``toks[j]`` where the walk left stopped, is a group of people
    that the speaker nouns do not list, subject of the cue ``toks[i]``: words in lower case
    (a group determiner first, or at most three words) ending in a plural, opening the clause,
    as the subject of a form of "say" or "tell", which only someone speaking can be
    ("hospitals told CNN", "and industry backers said", "those technicians told reporters",
    "self-proclaimed hackers said"). Not "The witness who saw the events said" (the phrase
    is an object), "matters said to be" (passive), "our readers say" (the writer's side)."""
    if toks[i].low not in _SAY_TELL or not 1 <= len(np) <= 4:
        return False
    if i + 1 < len(toks) and toks[i + 1].low == "to":
        return False
    while j >= 0 and toks[j].low in _FOCUS_WORDS:
        j -= 1  # "and even ferry backers said"
    if j >= 0 and not (
        toks[j].text in ",;:(—–"
        or toks[j].low in _CLAUSE_OPENERS
        or ("-" in toks[j].text and toks[j].low.endswith("ed"))  # "self-styled"
    ):
        return False
    if j > 0 and toks[j].low in ("and", "or") and toks[j - 1].is_word:
        return False  # a conjunct: "experts on race and politics say", "percent of … and leaners"
    words = np[1:] if np[0].low in _GROUP_DETS else np
    if not words or len(words) > 3 or any(not t.is_word or t.is_cap for t in words):
        return False
    if any(
        t.low in _FINITE_VERBS or t.low in _FIRST_SECOND_OWNERS or adverb_ly(t.low) for t in words
    ):
        return False
    head = words[-1].low
    return (
        len(head) >= 4
        and head.endswith("s")
        and not head.endswith(("ss", "us", "is", "'s", "’s"))
        and head.rsplit("-", 1)[-1] not in _NOT_GROUP_HEADS
        and head not in THING_SUBJECTS
    )


def _after_quotation(text: str, np: list[Tok]) -> bool:
    """Whether a quotation mark ends just before ``np``: the phrase ends a longer one that the
    walk did not see ("the negotiator in the “harbor” talks said" -> the talks speak not)."""
    before = text[max(0, np[0].start - 3) : np[0].start].rstrip()
    return before[-1:] in ('"', "”", "’", "'")


def _thousands_comma(toks: list[Tok], j: int) -> bool:
    """Whether the comma ``toks[j]`` separates the thousands of one number, written without
    blanks: "20,000" -> True; "in 2019, 40 crews" -> False."""
    if j == 0 or j + 1 >= len(toks):
        return False
    a, c, b = toks[j - 1], toks[j], toks[j + 1]
    return (
        a.end == c.start
        and c.end == b.start
        and a.text[-1:].isdigit()
        and len(b.text) >= 3
        and b.text[:3].isdigit()
    )


def _subject_end(toks: list[Tok], i: int) -> int:
    """The last token of the subject of a cue at ``toks[i]``: before the adverbs and
    auxiliaries between them ("Katz then later", "Reyes nevertheless says"; not a title's
    capitalised word, "USA Today said") and before a parenthetical after a name ("Sen. Ada
    Brennan (D-VT) said"); -1 when none is left."""
    j = i - 1
    while (
        j >= 0
        and toks[j].is_word
        and not toks[j].is_cap
        and (
            toks[j].low in SKIP_BETWEEN
            or adverb_ly(toks[j].low)
            or toks[j].low in _FINITE_VERBS  # (an adverb here)
        )
    ):
        j -= 1
    if j >= 0 and toks[j].text == ")":
        k = j
        while k >= 0 and toks[k].text != "(":
            k -= 1
        if k > 0 and i - k < 10:
            return k - 1
    return j


def _adjunct_before_cue(toks: list[Tok], j: int, end: int, i: int) -> bool:
    """Whether the words ``toks[j + 1 : end + 1]`` before the cue at ``i`` are an adjunct that
    opens with a preposition after an auxiliary or a relative, not a subject: "who has in the
    past described", "Reyes, who at the hearing said"."""
    raw0 = toks[j + 1] if j + 1 <= end else None
    return (
        raw0 is not None
        and raw0.low in _PREPOSITIONS
        and not raw0.is_cap
        and j >= 0
        and (toks[j].low in SKIP_BETWEEN or toks[j].low in RELATIVES)
        and i < len(toks)
        and toks[i].is_word
        and not toks[i].low.endswith("ing")
    )


def np_before(text: str, toks: list[Tok], i: int, *, loose: bool = False) -> Mention | None:
    """The noun phrase that ends just before token ``i`` (the subject of a cue at ``i``).

    Walks left over adverbs and auxiliaries ("Katz then later", "he has also"), then collects
    words until punctuation or a clause boundary ("who", "that", "and", a verb in -ed).
    """
    if i > 0 and toks[i - 1].low == "to":
        # An infinitive takes the subject of the verb it hangs on ("Reyes wants to explain"
        # -> Reyes); a sentence-opening "Continuing to explain" has none here.
        if i > 2 and toks[i - 2].is_word and not toks[i - 2].is_cap:
            return np_before(text, toks, i - 2, loose=loose)
        return None
    j = end = _subject_end(toks, i)
    while j >= 0:
        t = toks[j]
        if not t.is_word:
            if t.text in "-–&'’" and j > 0 and toks[j - 1].is_word and _joins_words(toks, j):
                j -= 1
                continue
            if t.text == "," and _thousands_comma(toks, j):
                j -= 1  # "20,000 people chanted": one number
                continue
            break
        if t.low in SUBJECT_PRONOUNS and j == end:
            return mention_of(text, [t])
        if j == end and (pro := _pronoun_of_contraction(t)) is not None:
            # "she's said", "they've argued": the pronoun of a contracted auxiliary speaks
            return Mention(t.start, t.start + len(pro), pro)
        if _ends_subject(toks, j, end):
            break
        if end - j >= 10:
            break
        j -= 1
    if j > 0 and j + 1 <= end and toks[j + 1].low == "by" and _participle(toks[j]):
        head = np_before(text, toks, j, loose=loose)
        if head is not None and _speaker_head(head, toks[j - 1]):
            # "Four workers interviewed by the Courier said": the agent after "by" is who
            # asked; the workers speak. ("A statement released by the ministry said" stays the
            # ministry's: a document speaks for its author.)
            return head
    if _dated_participle(toks, j, end):
        # "A study published last year said", "a statement issued Monday said": the phrase
        # before the participle speaks; the date only says when it came out.
        return np_before(text, toks, j, loose=loose)
    if _adjunct_before_cue(toks, j, end, i):
        return None
    np = _trim_np(toks[j + 1 : end + 1])
    both = None
    if j > 0 and np and np[0] is toks[j + 1]:
        both = _org_conjunct(toks, j, np) or _coordinated(toks, j, np)
    k = _list_owner(toks, j, both or np, plain=both is None)
    if k >= 0:
        return np_before(text, toks, k, loose=loose)  # the phrase the list qualifies
    if both is None and _object_conjunct(toks, j, np) and not _before_who(toks, i):
        # "a spokesman for Customs and Border Protection said": the "and" joins the object
        # of the preposition, so the phrase before it goes on to the speaker.
        left = np_before(text, toks, j, loose=loose)
        if left is not None and _head_of_object(toks, left):
            return Mention(left.start, np[-1].end, text[left.start : np[-1].end])
    np = both or np
    if both is None and j > 0 and toks[j].text == "," and _place_words(np):
        k = _town_before_region(toks, j)
        if k >= 0 and (owner := np_before(text, toks, k, loose=loose)) is not None:
            return owner  # "The police chief in Dover, Delaware said": the phrase it qualifies
    if np and _read_a_clause(toks, j, np, i):
        # the phrase before "who" speaks ("Executives who spoke with the Courier said")
        return np_before(text, toks, j, loose=loose) if toks[j].low == "who" else None
    if np and np[0].low in _PREPOSITIONS and not np[0].is_cap:
        # "… to start mending fences with Ms. Brandt, said": the object of a preposition
        # is never the subject of the verb after it.
        return None
    if (
        _valid_np(np)
        or both is not None
        or (loose and len(np) >= 2 and np[0].low in DETERMINERS and j < 0)
        or (i < len(toks) and _unlisted_group(toks, j, np, i) and not _after_quotation(text, np))
    ):
        # Keep the parenthetical "(R-SC)" in the mention when the walk skipped it.
        return mention_of(text, np)
    return None


def _read_a_clause(toks: list[Tok], j: int, np: list[Tok], i: int) -> bool:
    """Whether the words a subject walk read (``np``, after ``toks[j]``, before the cue at
    ``toks[i]``) are a clause, no noun phrase: one opened by a sentence-opening form in -ing
    ("Watching news reports after the storm, he …"; not "Hating Breitbart's Marcus says", a
    title before the name), or a relative clause's verb after "who" ("who spoke with the
    Courier said")."""
    if _gerund_opener(np[0]) and not any(t.is_cap for t in np[1:]):
        return True
    return j > 0 and toks[j].low == "who" and _opens_with_verb(np) and _word_at(toks, i)


def _gerund_opener(tok: Tok) -> bool:
    """Whether a capitalised word is a form in -ing that news capitalises only to open a
    sentence ("Watching", "Speaking"; not the surnames "Manning", "Sterling")."""
    return tok.is_cap and tok.low.endswith("ing") and tok.low in _LOWERCASE_WORDS


def _word_at(toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` exists and is a word (a cue, not a comma before an apposition)."""
    return i < len(toks) and toks[i].is_word


def _opens_with_verb(np: list[Tok]) -> bool:
    """Whether words read as a noun phrase open with a finite verb or an adverb that stands
    after a subject ("spoke with the Courier", "also met"): a clause, no phrase."""
    return not np[0].is_cap and np[0].low in _FINITE_VERBS


def _speaker_head(head: Mention, last: Tok) -> bool:
    """Whether a noun phrase ending at token ``last`` is headed by a noun of people who speak
    ("Four workers", "a senior official", "lawyers with a firm"), not a document ("A
    statement") or a thing."""
    words = head.text.lower().split()
    tie = tie_at(words) or len(words)
    low = words[tie - 1]
    return head.end == last.end and low in SPEAKER_NOUNS and low not in DOC_NOUNS


def _dated_participle(toks: list[Tok], j: int, end: int) -> bool:
    """Whether the walk left for a subject stopped at a participle ``toks[j]`` that hangs on
    the noun before it, with only a date between it and the cue (which follows ``toks[end]``):
    "a report released Thursday said", "a study published last year said", "a statement
    issued on Monday said"; not after "be" or "have" ("it was released Monday"), nor a
    participle that opens the sentence."""
    if j < 1 or j >= end or not _participle(toks[j]) or not toks[j - 1].is_word:
        return False
    if toks[j - 1].low in _PASSIVE_OR_PERFECT or toks[j - 1].low in SUBJECT_PRONOUNS:
        return False
    k = j + 2 if toks[j + 1].low in ("on", "in") else j + 1
    return time_phrase_end(toks, k, end + 1) == end + 1 > k


# Words before a participle of a verb form, no phrase hung on a noun: "was released Monday".
_PASSIVE_OR_PERFECT: Final = frozenset(
    "is are was were be been being has have had who which that".split()
)


def _participle(tok: Tok) -> bool:
    """Whether a lower-case word is a past participle that can open a phrase with "by" after
    a noun: "interviewed", "hired", "led", "run"."""
    return not tok.is_cap and (tok.low.endswith("ed") or tok.low in _IRREGULAR_PARTICIPLES)


_IRREGULAR_PARTICIPLES: Final = frozenset(
    "led run held made written chosen known founded hired paid sent taken given seen".split()
)


def _place_words(np: list[Tok]) -> bool:
    """Whether a noun phrase is a place of the lexicon: "Iowa", "New York"."""
    return bool(np) and " ".join(t.low for t in np) in PLACES


def _prepositional_list(toks: list[Tok], j: int) -> int:
    """Where the preposition of place is whose objects the "and" at ``toks[j]`` joins, or -1:
    "staff at clinics in Dover and Iowa said" (Iowa is where, not who; the subject is the
    phrase before "in")."""
    k = j - 1
    while k >= 0 and j - k <= 4 and toks[k].is_word and toks[k].is_cap:
        k -= 1
    if k < j - 1 and k >= 0 and toks[k].low in ("in", "at", "across", "throughout"):
        return k
    return -1


def _list_owner(toks: list[Tok], j: int, np: list[Tok], *, plain: bool) -> int:
    """Where the phrase is that a list ending at the conjunction ``toks[j]`` qualifies, or -1:
    places after a preposition of place ("staff at clinics in Dover and Iowa said"; ``plain``:
    no coordinated subject was read there) or names after a noun of people ("Representatives
    of Facebook and Twitter said")."""
    if j <= 0 or toks[j].low not in ("and", "or"):
        return -1
    if plain and _place_words(np):
        k = _prepositional_list(toks, j)
        if k >= 0:
            return k
    return _people_of_list(toks, j) if _names_only(np) else -1


def _names_only(np: list[Tok]) -> bool:
    """Whether a noun phrase is capitalised words alone, after an optional "the": "South
    Korea", "the West Coast" (not "the port")."""
    words = np[1:] if np and np[0].low == "the" else np
    return bool(words) and all(t.is_cap for t in words if t.is_word)


def _people_of_list(toks: list[Tok], j: int) -> int:
    """Where the preposition is that ties a noun of people to a list of names whose "and" is
    ``toks[j]``, or -1: "Representatives of Facebook and Twitter said", "her counterparts
    from Japan and South Korea said" (the people speak, not the last name of the list)."""
    k = j - 1
    while k >= 0 and j - k <= 5 and toks[k].is_word and (toks[k].is_cap or toks[k].low == "the"):
        k -= 1
    if k == j - 1 or k < 1 or toks[k].low not in ("of", "from", "in", "at", "for"):
        return -1
    head = toks[k - 1]
    if not head.is_word or (head.is_cap and k > 1 and toks[k - 2].is_word):
        # "Ada Lund of Harbor Corp and …", "by Secretary of State Ada Lund and …": a name;
        # a capitalised noun of people only opens the sentence ("Leaders of …")
        return -1
    return k if _people_noun(head.low) else -1


def _people_noun(low: str) -> bool:
    """Whether a lower-case word names people who speak, not a document or a single role
    ("leaders", "representatives", "governors", "police"; not "opinion", "president")."""
    one = low[:-1] if low.endswith("s") else low
    if one in DOC_NOUNS or low in DOC_NOUNS:
        return False
    if low != one:
        return one in SPEAKER_NOUNS or one in TITLES or low in SPEAKER_NOUNS
    return low in SPEAKER_NOUNS and low not in TITLES


def _town_before_region(toks: list[Tok], j: int) -> int:
    """Where the preposition is before a town that the comma at ``toks[j]`` joins to its state
    or country, or -1: "The police chief in Dover, Delaware said" (Delaware is where, not
    who). A place of the lexicon before the comma that opens the sentence is a place of its
    own ("In Washington, China said": China speaks)."""
    k = _prepositional_list(toks, j)
    if k < 0 and j > 1 and toks[j - 1].is_cap:
        k = next((m for m in range(j - 2, max(j - 5, -1), -1) if not toks[m].is_cap), -1)
        k = k if k >= 0 and toks[k].low in ("of", "from", "near") else -1
    if k < 0:
        return -1
    # (after a noun of people, the place before the comma is where they are: "The police
    # chief in Louisville, Kentucky said"; after "After the vote in" it may be a place of its
    # own)
    after_people = k > 0 and (_people_noun(toks[k - 1].low) or toks[k - 1].low in TITLES)
    return k if after_people or not _place_words(toks[k + 1 : j]) else -1


def _ends_subject(toks: list[Tok], j: int, end: int) -> bool:
    """Whether ``toks[j]`` ends the walk left for a subject that ends at ``toks[end]``: a
    verb or clause word ("The fares rose and Reyes said"), but not a capitalised word inside
    the name, a speech noun after a determiner ("the statement"), or a time word ("Ross
    earlier this week said": the mention drops it)."""
    t = toks[j]
    return (
        _verbish(t)
        and not (t.is_cap and j != end)
        and not (
            t.low in CUES
            and j > 0
            and (toks[j - 1].low in DETERMINERS or toks[j - 1].low in _POSSESSIVES)
        )
        and not _is_time_tok(toks, j)
        and not _plural_before_past(toks, j)
        and not _participle_adjective(toks, j, end)
    )


def _participle_adjective(toks: list[Tok], j: int, end: int) -> bool:
    """Whether a word in -ed at ``toks[j]`` is an adjective between a determiner and a head
    that speaks, at most three words on: "the uncommitted activist said", "an unaligned Iowa
    Democrat said", "a divided Supreme Court ruled" (not "the board approved" at the end of
    the walk, where it is the verb; nor "the infrared gun pointed", no speaker's head; nor "the
    self-styled pranksters", whose hyphenated word keeps the claim at a distance)."""
    t = toks[j]
    if not (0 < j < end and end - j <= 3 and t.low.endswith("ed") and not t.is_cap):
        return False
    if "-" in t.text or toks[j - 1].low not in DETERMINERS:
        return False
    if toks[j - 1].low in _DEMONSTRATIVES:
        return False  # "the attack that killed four people"
    head = toks[end]
    if head.low in SPEAKER_NOUNS or head.low in ORG_WORDS or head.low in DOC_NOUNS:
        return True
    return all(x.is_cap for x in toks[j + 1 : end + 1]) and bare(head.low) not in DEMONYMS


_DEMONSTRATIVES: Final = frozenset("that this these those".split())


def _plural_before_past(toks: list[Tok], j: int) -> bool:
    """Whether a word in -s at ``toks[j]`` is a plural noun because a verb in the past comes
    right after it, and two verbs never follow each other so: "Earlier press reports
    described …", "Harbor claims showed …" (not "Reyes reports that …")."""
    t = toks[j]
    if j + 1 >= len(toks) or t.is_cap or not t.low.endswith("s") or t.low.endswith("ss"):
        return False
    nxt = toks[j + 1]
    return (
        nxt.is_word
        and not nxt.is_cap
        and (nxt.low.endswith("ed") or nxt.low in _IRREGULAR_PAST_CUES)
    )


# Past forms of cues without "-ed": "the reports said", "press accounts wrote".
_IRREGULAR_PAST_CUES: Final = frozenset("said told wrote found showed shown".split())


def _conjunct_start(toks: list[Tok], k: int, *, plural: bool) -> int:
    """Where the conjunct that ends at ``toks[k]`` starts: a run of at most four capitalised
    words ("Sen. Ada Lund"), or with ``plural`` one lower-case plural noun ("survivors"); -1
    when there is none there, or when what precedes it does not end a clause (a run inside a
    longer phrase: "the Lund and Reyes families" is no list of speakers)."""
    m = k
    if plural:
        t = toks[k]
        ok = t.is_word and t.low.endswith("s") and not _verbish(t)
        m = k - 1 if ok and t.low not in THING_SUBJECTS else k
        while (
            0 <= m < k
            and k - m <= 3
            and _group_word(toks[m], opens=m == 0 or not toks[m - 1].is_word)
        ):
            if toks[m + 1].is_cap:
                break  # (a capitalised word opens the phrase: nothing before it belongs)
            m -= 1  # "harbor experts", "the lawyers": modifiers of the plural noun
    else:
        while m >= 0 and k - m < 4 and toks[m].is_word and toks[m].is_cap:
            m -= 1
        if m < k:
            m = _role_start(toks, m)
    if m == k or (m >= 0 and toks[m].is_word and not _verbish(toks[m])):
        return -1
    first = m + 1
    # "Do Lund and Reyes agree?", "Both Lund and Reyes said": the question's auxiliary or the
    # quantifier is no part of the first name
    while first < k and toks[first].low in _CONJUNCT_LEADS:
        first += 1
    head = first + 1 if plural and toks[first].low in DETERMINERS and first < k else first
    if toks[head].low in _PREPOSITIONS or bare(toks[head].low) in NOT_NAMES:
        return -1  # "In Dover and Halden": an adverbial, not a subject
    return first


def _group_word(t: Tok, *, opens: bool = False) -> bool:
    """Whether a word may stand before a plural noun inside a lower-case group's phrase: a
    determiner or a noun or adjective in lower case ("the", "harbor", "former"); capitalised
    only when it ``opens`` the sentence ("Harbor experts and …")."""
    if not t.is_word or (t.is_cap and not opens):
        return False
    if t.low in DETERMINERS:
        return True
    if t.low in _CUES_BOUNDARIES or t.low in _FINITE_VERBS or t.low in _PREPOSITIONS:
        return False
    # (no adverb, "immediately"; no participle, "men wearing bandannas and handguns")
    return t.is_cap or not (_verbish(t) or adverb_ly(t.low) or t.low.endswith("ing"))


def _coordinated(toks: list[Tok], j: int, np: list[Tok]) -> list[Tok] | None:
    """The whole coordinated subject when the walk left from a cue stopped at the conjunction
    ``toks[j]``: "Lund and Reyes said" -> Lund and Reyes, "Ada Lund, Ivo Reyes and Mia Park
    said" -> all three, "Witnesses and survivors said" -> both (lower-case plural nouns when
    both conjuncts are such). None when no conjunct ends before it ("The fares rose and Reyes
    said": a verb there)."""
    if toks[j].low not in ("and", "or") or toks[j].is_cap:
        return None
    names = name_with_role(np)
    if len(np) > (6 if names else 4):
        return None
    # (lower-case plurals, each with at most two words before its noun: "harbor experts and
    # former ferry captains said")
    plural = len(np) <= 3 and all(_group_word(t) for t in np) and np[-1].low.endswith("s")
    if not (names or plural) or j < 1:
        return None
    first = _conjunct_start(toks, j - 1, plural=plural)
    if first < 0 or _two_roles(toks[j - 1], np):
        return None
    # A list: "Ada Lund, Ivo Reyes and Mia Park", each a name of two words or more.
    while names and first >= 3 and toks[first - 1].text == "," and j - 1 - first >= 1:
        before = _conjunct_start(toks, first - 2, plural=False)
        if before < 0 or first - 2 - before < 1:
            break
        first = before
    return toks[first:j] + np


# Lower-case words that may stand before a role noun written before a name: "fellow attorney",
# "his lawyer", "former senator". The adjectives among them stand before a capitalised role
# too ("top Senate Democrat Ada Lund").
_ROLE_ADJECTIVES: Final = frozenset("fellow former then top senior acting".split())
ROLE_LEADS: Final = _ROLE_ADJECTIVES | frozenset("his her their its the co".split())
# Words of the speaker-noun lists that count people without naming a role.
_NO_ROLES: Final = frozenset(
    "some many several few most another others anonymous unnamed unidentified familiar".split()
)


def role_noun(low: str) -> bool:
    """Whether a lower-case word is a role noun that may be written before a name ("attorney",
    "lawyer", "spokesman", "senator"); not a lead word ("former", "top") nor a quantifier of
    unnamed sources ("some", "many")."""
    return (
        (low in TITLES or low in SPEAKER_NOUNS) and low not in ROLE_LEADS and low not in _NO_ROLES
    )


def _two_roles(last: Tok, np: list[Tok]) -> bool:
    """Whether "and" joins two roles of one person: the words before it end with a role in
    the singular (``last``) and the phrase after it, ``np``, opens with a role in lower case
    ("the Review's Legal Analyst and former prosecutor Ada Lund said": the name's phrase
    speaks); not "Lund and fellow attorney Ivo Reyes", "Democrats and Republicans"."""
    low = bare(last.low)
    return bool(np) and not np[0].is_cap and ends_a_role(low) and not low.endswith("s")


def ends_a_role(low: str) -> bool:
    """Whether a word ends the name of a person's role ("analyst", "commissioner"), not only
    a department's ("health": "Health Secretary", "Health and Human Services")."""
    return role_noun(low) and (low in SPEAKER_NOUNS or low not in LISTED_WORDS)


def _role_word(tok: Tok) -> bool:
    """:func:`role_noun` for a token written in lower case."""
    return not tok.is_cap and role_noun(tok.low)


def name_with_role(np: list[Tok]) -> bool:
    """Whether a noun phrase is a name, perhaps with its role written before it in lower case:
    "Ivo Reyes", "fellow attorney Ivo Reyes", "his lawyer Ivo Reyes" -> True; "the fares",
    "attorney", "lawyers with the firm" -> False."""
    k = 0
    while k < len(np) and not np[k].is_cap:
        k += 1
    if k == len(np) or not all(t.is_cap and t.is_word for t in np[k:]):
        return False
    if k == 0:
        return True
    if all(t.low in _ROLE_ADJECTIVES for t in np[:k]):
        return k <= 2  # "top Senate Democrat Ada Lund"
    return (
        k <= 3
        and _role_word(np[k - 1])
        and all(_role_word(t) or t.low in ROLE_LEADS for t in np[: k - 1])
    )


def _role_start(toks: list[Tok], m: int) -> int:
    """The token before the role words that end at ``toks[m]`` before a name ("attorney Ada
    Lund and …", "fellow attorney Ada Lund and …", "former Harbor Board Chair Ada Lund and
    …"); ``m`` when no role noun or role adjective ends there."""
    if m < 0 or toks[m].is_cap:
        return m
    if toks[m].low in _ROLE_ADJECTIVES:
        return m - 1
    if not _role_word(toks[m]):
        return m
    k = m - 1
    while k >= 0 and m - k < 3 and (_role_word(toks[k]) or toks[k].low in ROLE_LEADS):
        k -= 1
    return k


# Lower-case words inside an organisation's name: "Centers for Disease Control", "Department
# of Health".
_ORG_INTERNAL: Final = frozenset("of for on and".split())


def _org_conjunct(toks: list[Tok], j: int, np: list[Tok]) -> list[Tok] | None:
    """The whole name when the walk left from a cue stopped at an "and" inside one
    organisation's name: "the Centers for Ferry Safety and Prevention said", "the
    Department of Harbors and Human Services said", "the Food and Ferry Administration said",
    "Fisheries and Oceans Canada said" -> the whole name (not "Prevention"); None when the
    words before the "and" make no organisation with it ("Lund and Reyes", "Lund and Harbor
    Board": a person's name comes after no determiner only at a clause start)."""
    if toks[j].low not in ("and", "&") or not np or not all(t.is_cap for t in np):
        return None
    k = j - 1
    while k >= 0 and toks[k].is_word and (toks[k].is_cap or toks[k].low in _ORG_INTERNAL):
        k -= 1
    first = k + 1
    if first >= j or not toks[first].is_cap:
        return None
    det = k >= 0 and toks[k].low in DETERMINERS
    # (a determiner that opens the clause stays in the mention, as before any subject: a
    # trailing frame reads its subject from the comma on)
    opens = det and (k == 0 or not toks[k - 1].is_word or toks[k - 1].low in _CLAUSE_OPENERS)
    lead = k if opens else first
    if first < j - 1 and not ORG_WORDS.isdisjoint(t.low for t in toks[first:j]):
        return toks[lead:j] + np  # the organisation word opens the name: "Department of …"
    if _body_name_end(np) and (k < 0 or not toks[k].is_word or det):
        return toks[lead:j] + np  # "the Food and Drug Administration", "Fisheries and …"
    return None


# Prepositions whose capitalised object may hold an "and": "a spokesman for Customs and
# Border Protection", "a lawyer at Baker and McKenzie".
_CONJUNCT_PREPOSITIONS: Final = frozenset("for of at with from".split())


def _object_conjunct(toks: list[Tok], j: int, np: list[Tok]) -> bool:
    """Whether the walk left from a cue stopped at an "and" (``toks[j]``) between two runs of
    capitalised words, the first after a lower-case preposition (and maybe "the"): one
    object of that preposition, a name with "and" in it. "a spokesman for Customs and Border
    Protection said", "a spokeswoman for the Department of Health and Human Services said"
    -> True; "Lund and Reyes said", "Lund of Dover and Reyes said" -> False (no preposition
    before the first run, or a person's place)."""
    if toks[j].low not in ("and", "&") or not np or not all(t.is_cap for t in np):
        return False
    k = j - 1
    while k >= 0 and toks[k].is_word and (toks[k].is_cap or _inside_name(toks, k)):
        k -= 1
    if k + 1 >= j or not toks[k + 1].is_cap or k < 1:
        return False
    if toks[k].low == "the":
        k -= 1
    return toks[k].low in _CONJUNCT_PREPOSITIONS and toks[k].is_word and not toks[k - 1].is_cap


def _before_who(toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` is the comma of ", who": the relative hangs on the nearest person
    ("the outs with Lund and Reyes, who praised …" -> Reyes), not on a joined name."""
    return i + 1 < len(toks) and toks[i].text == "," and toks[i + 1].low == "who"


def _name_goes_on(toks: list[Tok], start: int, j: int) -> bool:
    """Whether the "and" at ``toks[j]``, met reading a noun phrase rightwards from
    ``toks[start]``, joins one name: the object of a preposition ("a spokesman for Customs and
    Border …") or an organisation's own name opening the phrase ("the Centers for Medicare
    and Medicaid Services"); not two names ("said Lund and Reyes"), nor a person's employer
    ("said Ada Lund of the Center for Ferries and Harbors": the name ends before "of")."""
    k = j + 1
    while k < len(toks) and toks[k].is_word and toks[k].is_cap:
        k += 1
    right = toks[j + 1 : k]
    if not right:
        return False
    if _object_conjunct(toks, j, right):
        return True
    org = _org_conjunct(toks, j, right)
    return org is not None and not any(t.is_cap for t in toks[start:j] if t.start < org[0].start)


def _head_of_object(toks: list[Tok], left: Mention) -> bool:
    """Whether the phrase ``left`` (up to an "and" in a preposition's object) is a short head
    and that preposition, opening no list: "a spokesman for Customs" -> True; "President Lund
    sought the open arms of Twitter" (a clause) and ", the city of Dover" after a comma (one
    item of a list) -> False."""
    at = next((x for x in range(len(toks)) if toks[x].start == left.start), -1)
    if at < 0 or (at > 0 and toks[at - 1].text == ","):
        return False
    prep = next(
        (x for x in range(at, len(toks)) if toks[x].low in _CONJUNCT_PREPOSITIONS), len(toks)
    )
    return 1 <= prep - at <= 4 and toks[prep].start < left.end


def _inside_name(toks: list[Tok], k: int) -> bool:
    """Whether the lower-case ``toks[k]`` joins capitalised words on both sides into one name
    ("Department of Health", "Centers for Disease Control")."""
    return (
        toks[k].low in _ORG_INTERNAL
        and 0 < k < len(toks) - 1
        and toks[k - 1].is_cap
        and toks[k + 1].is_cap
    )


def _body_name_end(np: list[Tok]) -> bool:
    """Whether capitalised words end the name of a public body, after an "and" inside it: an
    organisation word ("Drug Administration", "Wildlife Service") or a country after a field
    of work ("Oceans Canada", "Climate Change Canada"; not a place's own name, "New York")."""
    last = np[-1].low
    if last in ORG_WORDS:
        return True
    return len(np) >= 2 and last in PLACES and " ".join(t.low for t in np) not in PLACES


def _joins_words(toks: list[Tok], j: int) -> bool:
    """Whether the mark ``toks[j]`` joins the words beside it: a hyphen or apostrophe written
    without spaces ("Al-Jubeir", "O’Neil"), or "&" ("Johnson & Johnson"); a hyphen between
    spaces is a dash that opens an aside ("Reyes - angered by the vote - said")."""
    t = toks[j]
    if t.text == "&":
        return True
    return toks[j - 1].end == t.start or (j + 1 < len(toks) and toks[j + 1].start == t.end)


RELATIVES: Final = frozenset(("who", "which"))
_CLITIC_RE: Final = re.compile(r"([a-z]+)['’](?:s|ve|d|ll|re|m)")


# Pronouns that contract with a verb ("you're" too, though "you" is no speaker's subject).
CONTRACTING_PRONOUNS: Final = SUBJECT_PRONOUNS | {"you"}


def contracted_pronoun(word: str, heads: frozenset[str] = SUBJECT_PRONOUNS) -> str | None:
    """The pronoun (one of ``heads``) of a contraction with an auxiliary ("he's", "They’ve",
    "I'd"), as written; else None (a possessive "Reyes's" is no contraction)."""
    if "'" not in word and "’" not in word:
        return None
    m = _CLITIC_RE.fullmatch(word.lower())
    return word[: len(m.group(1))] if m and m.group(1) in heads else None


def _pronoun_of_contraction(t: Tok) -> str | None:
    """:func:`contracted_pronoun` of a token, a subject pronoun."""
    return contracted_pronoun(t.text)


def _skip_adjuncts(toks: list[Tok], j: int) -> int:
    """Index of the first token left of ``toks[j]`` that is no adverb, auxiliary or short
    prepositional phrase ("who has in the past", "who on Monday also")."""
    while j >= 0 and toks[j].is_word:
        if toks[j].low in SKIP_BETWEEN or (adverb_ly(toks[j].low) and not toks[j].is_cap):
            j -= 1
            continue
        k = j
        while (
            k >= 0
            and j - k < 4
            and toks[k].is_word
            and toks[k].low not in _PREPOSITIONS
            and toks[k].low not in RELATIVES
            and not _verbish(toks[k])
        ):
            k -= 1
        if k >= 0 and k < j and toks[k].low in _PREPOSITIONS and not toks[k].is_cap:
            j = k - 1
            continue
        break
    return j


def relative_subject(text: str, toks: list[Tok], i: int) -> Mention | None:
    """ "Reyes, who has argued …": the relative pronoun before the cue at ``i`` (over adverbs and
    auxiliaries). PolNeAR marks the pronoun itself as the source; callers resolve it to the
    noun phrase it hangs on (see ``quotes._antecedent``)."""
    j = _skip_adjuncts(toks, i - 1)
    if j >= 2 and toks[j].text == ",":
        # "Reyes, who, after trading insults with the mayor, said …": a phrase between commas
        # may part the relative pronoun from its verb.
        k = next((k for k in range(j - 1, max(0, j - 14), -1) if not toks[k].is_word), None)
        if k is not None and k >= 1 and toks[k].text == "," and toks[k - 1].low in RELATIVES:
            j = k - 1
    if j >= 1 and toks[j].low in RELATIVES and (toks[j - 1].is_word or toks[j - 1].text in ",)"):
        return mention_of(text, [toks[j]])
    if (
        j >= 1
        and j == i - 1
        and toks[j].low == "that"
        and toks[j - 1].is_word
        and not toks[j - 1].is_cap
        and toks[j - 1].low not in CUES
        and not toks[j - 1].low.endswith("ed")
    ):
        # "water bottles that said “…”", "a sign that read “…”": "that" right before the cue
        # is its subject (a complementizer "that" is followed by the clause's own subject).
        # PolNeAR marks it as the source; it is kept as written, not resolved.
        return mention_of(text, [toks[j]])
    return None


_FIRST_ONLY_STOP: Final = frozenset("of for with from".split())
_AFTER_STOP: Final = frozenset(
    "in on at during after before when while who which that to as and but because told "
    "tells says said according of about for with by from up out down back off into over "
    "it him them her this there".split()
)
_AFTER_STOP_LATER: Final = _AFTER_STOP - _FIRST_ONLY_STOP
_AFTER_STOP_FIRST: Final = _AFTER_STOP - {"that"}


_AUX_ONLY: Final = frozenset(
    "had has have was were is are will would could can may might must shall should did does do "
    "been be being".split()
)
# Words before coordinated names that are no part of them: a question's auxiliary, a quantifier.
_CONJUNCT_LEADS: Final = _AUX_ONLY | frozenset("both either neither".split())


def _slash_compound(toks: list[Tok], j: int) -> bool:
    """A slash that joins two words with no space, as in a double role ("singer/songwriter
    Ada Brennan", "owner/chef Li Wei"); not "Brennan / Harbor Courier" (a credit line)."""
    return (
        toks[j].text == "/"
        and 0 < j < len(toks) - 1
        and toks[j - 1].end == toks[j].start
        and toks[j + 1].start == toks[j].end
    )


def np_after(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The noun phrase that starts at token ``i``: the speaker after an inverted cue ("added
    Katz")."""
    j = i
    out: list[Tok] = []
    joined = 0  # the length of ``out`` before an "and" inside one name
    while j < len(toks) and len(out) < 10:
        t = toks[j]
        if not t.is_word:
            if (
                (t.text in "-–&'’" or _slash_compound(toks, j))
                and out
                and j + 1 < len(toks)
                and toks[j + 1].is_word
            ):
                out.append(t)
                j += 1
                continue
            break
        if t.low in ("and", "&") and out and j + 1 < len(toks) and _name_goes_on(toks, i, j):
            joined = joined or len(out)
            out.append(t)  # "said a spokesman for Customs and Border Protection": one name
            j += 1
            continue
        if out and (
            t.low in _AFTER_STOP_LATER
            # "the foundation had …": an auxiliary ends the noun phrase
            or (t.low in _AUX_ONLY and not t.is_cap)
        ):
            break
        if not out and t.low in _AFTER_STOP_FIRST:
            return None
        if out and (
            (t.low in CUES and t.low not in SPEAKER_NOUNS and t.low not in _NOUNISH)
            # a participle ends the phrase, but not as an adjective after a determiner
            # ("said the posted bus notice", "said a retired ferry captain")
            or (
                t.low.endswith("ed")
                and not t.is_cap
                and not (len(out) == 1 and out[0].low in DETERMINERS)
            )
        ):
            break
        out.append(t)
        j += 1
    if joined and j < len(toks) and toks[j].is_cap:
        out = out[:joined]  # the joined name runs past the longest phrase: read up to "and"
    np = _trim_np(out)
    if _valid_np(np) and not (np[0].low in SKIP_BETWEEN and not np[0].is_cap):
        return mention_of(text, np)
    return None


def skip_leading_adverbial(toks: list[Tok]) -> int:
    """Index of the first token after leading adverbials ("In July, ", "On Thursday, after
    remaining neutral, ")."""
    i = _dateline_end(toks)
    while True:
        start = i
        while i < len(toks) and toks[i].low in (
            "but",
            "and",
            "yet",
            "so",
            "however",
            "meanwhile",
            "still",
            "also",
            "then",
            "now",
            "just",
        ):
            i += 1
            if i < len(toks) and toks[i].text == ",":
                i += 1
        if i < len(toks) and (
            toks[i].low in LEADING_ADVERBIALS
            or toks[i].low.endswith("ing")
            # "Immediately after the vote, …", "Here in Dover, …"
            or (
                (toks[i].low.endswith("ly") or toks[i].low in ("here", "there"))
                and i + 1 < len(toks)
                and toks[i + 1].low in _SUBORDINATORS_PREPOSITIONS
            )
            # "Alarmed by the flooding, …", "Pressed on the cost, …": a participle opener.
            or (
                toks[i].low.endswith("ed")
                and len(toks[i].low) > 4
                and i + 1 < len(toks)
                and toks[i + 1].low in _PREPOSITIONS
            )
        ):
            for k in range(i, min(len(toks), i + 24)):
                if toks[k].text == ",":
                    i = k + 1
                    break
                if k - i >= 13 and (toks[k].low in CUES or toks[k].low in ("that", "who")):
                    break  # a long opener ends at its comma, not inside a clause with a verb
                if k > i + 1 and _pronoun_after_time_opener(toks, i, k):
                    i = k
                    break
        elif (
            i + 1 < len(toks)
            and toks[i + 1].text == ","
            and toks[i].low.endswith(_ADVERB_ENDS)
            and len(toks[i].low) > 5
        ):
            # "Specifically, she …", "Ironically, the mayor …": a sentence adverb is no
            # subject (but "Kelly, the mayor, …" and "Donnelly, …" are names).
            i += 2
        else:
            # "Hours later, …", "A few weeks later, …", "Two years ago, …": a time phrase.
            for k in range(i + 1, min(len(toks), i + 5)):
                if not toks[k].is_word:
                    break
                if toks[k].low in _TIME_ENDS and k + 1 < len(toks) and toks[k + 1].text == ",":
                    i = k + 2
                    break
        if i > start and i + 1 < len(toks) and toks[i].is_cap:
            # "At a fair in Keene, N.H., on Friday, …", "in Dover, Ohio, last week, …", "in
            # Dover, New Jersey, Lund …": the state after a place name.
            k = _region_comma(toks, i)
            if k > 0:
                i = k + 1
        if i == start:
            return i


# Subject pronouns that open a main clause (the object forms "him", "them" do not).
_NOMINATIVE_PRONOUNS: Final = frozenset("he she they we i".split())


def _pronoun_after_time_opener(toks: list[Tok], i: int, k: int) -> bool:
    """Whether a subject pronoun at ``toks[k]`` opens the main clause after an opener from
    ``toks[i]`` written without a comma: "On Monday he confirmed …, that …", "In 1997 they
    approved …", "Last week she said …" (a nominative pronoun cannot sit inside a
    prepositional phrase, and a time word ends the phrase). Not after a subordinator, whose
    clause has its own subject ("When he left, …"), nor after a noun that a contact clause
    may follow ("In an interview he gave, …")."""
    t = toks[k]
    if t.low not in _NOMINATIVE_PRONOUNS or (t.low != "i" and t.is_cap):
        return False
    if toks[i].low in _SUBORDINATORS or toks[i].low in ("as", "once"):
        return False
    before = toks[k - 1]
    return before.is_word and (
        _is_time_tok(toks, k - 1) or _time_unit(before) or before.text.isdigit()
    )


def _region_comma(toks: list[Tok], i: int) -> int:
    """The index of the comma that closes a state or country written from ``toks[i]`` after
    a place name: "Ohio,", "N.H.,", "New Jersey," (a place of the lexicon of up to three
    capitalised words); -1 when ``toks[i]`` opens none."""
    if toks[i].low.endswith(".") or toks[i].low in PLACES:
        k = i + 1 if toks[i + 1].text == "," else i + 2 if toks[i + 1].low.endswith(".") else -1
        return k if 0 < k < len(toks) and toks[k].text == "," else -1
    for n in (2, 3):
        run = toks[i : i + n]
        if (
            i + n < len(toks)
            and toks[i + n].text == ","
            and all(t.is_cap and t.is_word for t in run)
            and _place_words(run)
        ):
            return i + n
    return -1


_TIME_ENDS: Final = frozenset("later earlier ago before afterward afterwards".split())
_ADVERB_ENDS: Final = (
    "ally",
    "ately",
    "ously",
    "ently",
    "antly",
    "ively",
    "ingly",
    "edly",
    "ibly",
    "ably",
    "arly",
    "ctly",
    "ntly",
    "stly",
    "ssly",
    "etly",
    "ftly",
)


def _dateline_end(toks: list[Tok]) -> int:
    """Index after a dateline that opens the article ("HALDEN (Wire) - ", "MARLOW, Vt.,
    May 2 — "): a place in capitals, a comma or a bracket, and a dash; or a place and its
    outlet in brackets before a capital ("Halden (Wire) The council …"); else 0."""
    if len(toks) > 4 and toks[0].is_cap and toks[0].is_word:
        close = next((k for k in range(1, min(len(toks) - 1, 6)) if toks[k].text == ")"), 0)
        if (
            close
            and toks[close - 2].text == "("
            and all(t.is_cap and t.is_word for t in toks[: close - 2])
            and toks[close - 1].is_cap
            and toks[close + 1].is_cap
        ):
            return close + 1
    if len(toks) < 3 or not toks[0].is_word or not toks[0].is_cap:
        return 0
    k = _dateline_place_end(toks)
    if k < 0:
        return 0
    if toks[k].text in _DASHES:
        # "HALDEN — The council", "NEW HALDEN — Ada Lund", "Halden (AFP) – Democrat …"; not
        # "NATO — the alliance — said", an aside after the subject
        return k + 1 if k + 1 < len(toks) and toks[k + 1].is_cap else 0
    if not toks[0].text.isupper() or toks[k].text not in (",", "("):
        return 0
    for j in range(k + 1, min(len(toks), 14)):
        if toks[j].text in _DASHES:
            return j + 1  # "MARLOW, Vt., May 2 — "
    return 0


def _dateline_place_end(toks: list[Tok]) -> int:
    """The index after the place that may open a dateline, and after its outlet in brackets
    when one follows: "HALDEN", "NEW HALDEN", "Halden (AFP)", "HALDEN (Reuters)"; -1 when
    the place is neither in capitals nor followed by an outlet (a name with its party,
    "Ada Lund (D-OH)", is no dateline)."""
    k = 0
    while k < min(len(toks) - 1, 4) and toks[k].is_word and toks[k].is_cap:
        k += 1
    if (
        k + 3 < len(toks)
        and toks[k].text == "("
        and toks[k + 2].text == ")"
        and (toks[k + 1].text.isupper() or toks[k + 1].text == "Reuters")
        and len(toks[k + 1].text) > 1
    ):
        return k + 3
    caps = all(t.text.isupper() for t in toks[:k])
    return k if caps and len(toks[0].text) > 1 else -1  # ("I — I never said …")


_SUBORDINATORS: Final = frozenset(
    "when after before while because since if although though whereas "
    "where until unless once".split()
)
INVERTIBLE: Final = LEX["invertible_cues"]


_PREPOSITIONS: Final = frozenset(
    "in of on at for with to by from about against into over under between "
    "among than like as".split()
)
_SUBORDINATORS_PREPOSITIONS: Final = _SUBORDINATORS | _PREPOSITIONS
_AUX: Final = frozenset(
    "had has have was were is are will would could can may might must did does do "
    "said made took gave went came got kept sent wrote told spoke met left put ran won lost "
    "held began became brought felt found heard knew led meant paid saw stood thought".split()
)


# Endings of English adjectives: "final", "ethical", "famous", "competitive", "breathless"
# (not "-ful": "a small handful" is a noun).
_ADJECTIVE_ENDINGS: Final = ("al", "ic", "ous", "ive", "less", "able", "ible", "ary")
# Words the shipped lists know as nouns of speakers, groups, titles or thoughts.
_KNOWN_NOUNS: Final = SPEAKER_NOUNS | ORG_WORDS | TITLES | ABSTRACT_HEADS
# Words news writes in lower case always or more often than not.
LISTED_WORDS: Final = LEX["lowercase_words"] | LEX["mostly_lowercase_words"]


def has_listed_plural(low: str) -> bool:
    """Whether news writes the plural of a lower-cased word, which makes the word a noun:
    "official" ("officials"), "deal", "operative", "tally" ("tallies"), "adversary"; but not
    "final", "ethical", "closely"."""
    plural = low[:-1] + "ies" if low.endswith("y") else low + "s"
    return plural in LISTED_WORDS


def adjective_without_head(low: str) -> bool:
    """Whether a lower-cased word is an adjective, which modifies a noun but never heads a noun
    phrase: it has an adjective's ending and no plural news writes ("final", "ethical",
    "breathless", "competitive"). A word with a plural is a noun ("official", "hospital"), so
    is a listed speaker or group noun ("general", "critic"); "several" is a determiner, which
    may stand alone."""
    return (
        low.endswith(_ADJECTIVE_ENDINGS)
        and low not in _KNOWN_NOUNS
        and low not in DETERMINERS
        and not has_listed_plural(low)
    )


# Words after a mention that show it is whole: a verb of its subject, a modal, an adverb
# between subject and verb, a preposition or a word that joins or opens a clause ("the
# retired general said", "a cynic might", "the freshman then").
_WHOLE_AFTER: Final = (
    _FINITE_VERBS | _AUX | SKIP_BETWEEN | _PREPOSITIONS | DETERMINERS | NP_INTERNAL | BOUNDARY_WORDS
)


def _cut_before_head(text: str, last: Tok) -> bool:
    """Whether a mention ending in ``last`` stops before its head noun: the mention ends in a
    lower-case adjective (:func:`adjective_without_head`) and the text goes on, after one
    blank, with a lower-case word that neither follows a subject (a verb, a modal, a past
    form or a form in "-ing": "the pandemic continued", "the agency responsible vowing") nor
    joins (a preposition, "and", "who"): "another breathless| report that …", "in final|
    remarks", "the eight competitive| states". Such a phrase names a thing whose head is the
    next word, never its speaker. "The" right before the adjective makes it a group of people
    ("the homeless tell …")."""
    if not last.is_word or last.is_cap or not adjective_without_head(last.low):
        return False
    if _THE_BEFORE_RE.search(text, max(0, last.start - 5), last.start):
        return False  # "the homeless tell …": "the" and an adjective name a group of people
    m = _NEXT_WORD_RE.match(text, last.end)
    if m is None:
        return False
    nxt = m.group(1)
    return nxt not in _WHOLE_AFTER and not nxt.endswith(("ed", "ing"))


# "the" right before a word ("the| homeless").
_THE_BEFORE_RE: Final = re.compile(r"\b[Tt]he $")
# The lower-case word right after a mention, one blank between ("… breathless report").
_NEXT_WORD_RE: Final = re.compile(r" ([a-z][a-z-]*)\b")


_NOT_S_VERBS: Final = frozenset(
    "as us his its this thus plus whereas yes always perhaps news".split()
)


def nearest_subject(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The nearest noun phrase before ``toks[i]`` that is followed by a verb: the subject of the
    clause a participle hangs on ("…on Monday she chose blunter words, saying …" -> she)."""
    for k in range(i - 2, -1, -1):
        t, nxt = toks[k], toks[k + 1]
        if t.low == "that" and k < i - 2:
            break
        if not nxt.is_word or nxt.is_cap:
            continue
        if (
            (nxt.low in SKIP_BETWEEN or nxt.low.endswith("ly"))
            and k + 2 < len(toks)
            and (toks[k + 2].is_word and not toks[k + 2].is_cap)
        ):
            nxt = toks[k + 2]  # "Menendez also rejected"
        verb = (
            nxt.low in _AUX
            or nxt.low.endswith(("n’t", "n't"))
            or nxt.low in CUES
            or (
                nxt.low.endswith(("ed", "s"))
                and nxt.low not in SPEAKER_NOUNS
                and not nxt.low.endswith("ss")
                and nxt.low not in NP_INTERNAL
                # "Okafor as a …", "his", "its": short function words that end in -s
                and nxt.low not in _NOT_S_VERBS
            )
        )
        if not verb:
            continue
        if t.low.endswith(("’s", "'s")) or (
            t.is_cap and bare(t.low) in _NOT_SUBJECT_START and t.low not in SUBJECT_PRONOUNS
        ):
            # "Brandt’s remarks": a possessive, then the noun it owns; "For months, …": a
            # sentence-initial preposition is no subject
            continue
        if (t.low in DETERMINERS or t.low in _AMOUNT_WORDS) and not (
            nxt.low in CUES or nxt.low in _AUX
        ):
            # "Some scholars believe", "More gatherings": the word in -s after a determiner
            # is its noun, not a verb (but "Most said", "the majority has" are subjects)
            continue
        if t.low in SUBJECT_PRONOUNS:
            if k == 0 or toks[k - 1].low not in _PREPOSITIONS:
                return mention_of(text, [t])
            continue
        if t.is_word and (t.is_cap or t.low in SPEAKER_NOUNS):
            m = np_before(text, toks, k + 1)
            if m is not None:
                first = next((j for j in range(k + 1) if toks[j].start >= m.start), k)
                if first == 0 or not (
                    toks[first - 1].low in _PREPOSITIONS
                    or (_past_verb_object(toks[first - 1].low) and _plural_or_verb(nxt.low))
                ):
                    return m
    return None


def _past_verb_object(before: str) -> bool:
    """Whether a noun phrase after the word ``before`` is that verb's object, no subject:
    a past form not of a speech verb ("Reyes addressed military families and said" -> the
    families are addressed; "said officials …" may open a reported clause)."""
    return before.endswith("ed") and before in _FINITE_VERBS and before not in CUES


def _plural_or_verb(low: str) -> bool:
    """Whether a word in -s after a noun may be a plural noun as well as a verb ("military
    families", "Forbes lists")."""
    return low.endswith("s") and not low.endswith(("ss", "’s", "'s")) and low not in CUES


_NOT_SUBJECT_START: Final = NOT_NAMES | LEADING_ADVERBIALS


def clause_subject(text: str, toks: list[Tok], upto: int, *, outer: bool = False) -> Mention | None:
    """The subject of the clause that contains token ``upto``.

    Tries the innermost clause first: after the last "that"/";" or a subordinator followed by
    a noun phrase ("when Reyes closed …, remarking"), then outer ones, then the sentence
    start after a leading adverbial. ``outer=True`` reads only the sentence's own subject.
    """
    starts: list[int] = []
    if not outer:
        for k in range(upto - 1, -1, -1):
            low = toks[k].low
            if k + 1 < upto and (
                low in ("that", ";")
                or (
                    low in _SUBORDINATORS
                    and (
                        toks[k + 1].is_cap
                        or toks[k + 1].low in SUBJECT_PRONOUNS
                        or toks[k + 1].low in DETERMINERS
                    )
                )
            ):
                starts.append(k + 1)
    starts.append(0)
    for first in starts:
        m = _subject_at(text, toks, first, upto)
        if m is not None:
            return m
    return None


def _paren_close(toks: list[Tok], i: int) -> int:
    """The index of the ")" closing the "(" at ``toks[i]`` within a few tokens ("(D-VT)"),
    else -1."""
    return next((k for k in range(i, min(len(toks), i + 8)) if toks[k].text == ")"), -1)


def _subject_at(text: str, toks: list[Tok], first: int, upto: int) -> Mention | None:
    sub = toks[first:upto]
    while sub and not sub[0].is_word:  # a quotation or punctuation opens the sentence
        sub = sub[1:]
    i = skip_leading_adverbial(sub)
    out: list[Tok] = []
    lower_run = 0
    while i < len(sub) and len(out) < 10:
        t = sub[i]
        if not t.is_word:
            if t.text in "-–'’&" and out:
                out.append(t)
                i += 1
                continue
            close = _paren_close(sub, i) if t.text == "(" and out else -1
            if close >= 0:
                i = close + 1  # "Sen. Ada Brennan (D-VT)"
                continue
            break
        if t.low in SUBJECT_PRONOUNS and not out:
            if t.low == "it" and i + 1 < len(sub) and sub[i + 1].low in ("is", "was"):
                # "It was two years ago that Reyes said …", "It is clear that Okafor …": a
                # cleft or an extraposed clause; its subject comes after "that".
                k = next(
                    (k for k in range(i + 2, min(len(sub), i + 12)) if sub[k].low == "that"), None
                )
                if k is not None:
                    m = _subject_at(text, toks, upto - len(sub) + k + 1, upto)
                    if m is not None:
                        return m
            return mention_of(text, [t])
        if out and out[-1].is_cap and _particle_word(t.text):
            out.append(t)  # "Adel al-Reyes": a surname after a particle and a hyphen
            i += 1
            continue
        if t.is_cap and bare(t.low) not in _NOT_SUBJECT_START or (t.is_cap and out):
            out.append(t)
            lower_run = 0
        elif t.low in DETERMINERS or t.low in NP_INTERNAL and out:
            if (
                t.low in ("on", "in")
                and i + 1 < len(sub)
                and sub[i + 1].is_cap
                and bare(sub[i + 1].low) in LEADING_ADVERBIALS
            ):
                break  # "Ada Brennan on Friday faulted": a date is no part of the name
            out.append(t)
        elif out and t.low in _AUX and out[-1].low not in DETERMINERS:
            break  # "The crews met on Monday": an irregular past (or auxiliary) is the verb
        elif (
            not _verbish(t)
            # "many prominent foreign policy experts": a fourth lower-case word goes on
            # only as the head noun of the modifiers before it
            and (lower_run < 3 or t.low in SPEAKER_NOUNS)
            and (
                not out
                or out[-1].low in DETERMINERS
                or not out[-1].is_cap
                or t.low in SPEAKER_NOUNS
                # "Green mayoral candidate Ada Brennan", "Okafor’s longtime deputy":
                # modifiers of a role noun
                or _role_ahead(sub, i)
                or _owned_noun_apposed(out, sub, i)
            )
        ):
            out.append(t)
            lower_run += 1
            if t.low in SPEAKER_NOUNS and i + 1 < len(sub) and sub[i + 1].low not in NP_INTERNAL:
                nxt = sub[i + 1]
                # "Board member Reyes", "a campaign official": the role noun goes on into a
                # name or a second role noun; otherwise it ends the subject.
                name_next = nxt.is_cap and bare(nxt.low) not in _NOT_SUBJECT_START
                if not (nxt.is_word and (nxt.low in SPEAKER_NOUNS or name_next)):
                    break
        else:
            break
        i += 1
    np = _trim_np(out)
    return mention_of(text, np) if _valid_np(np) else None


# Lower-case particles joined to a surname by a hyphen ("al-Reyes", "el-Lund").
HYPHEN_PARTICLES: Final = frozenset("al el ad an ar as at az".split())


def _owned_noun_apposed(out: list[Tok], sub: list[Tok], i: int) -> bool:
    """Whether ``sub[i]`` is the noun a name's possessive opens, set off by a comma before
    an apposition: "Lund's stepfather, Tomas Reyes, said" at "stepfather" (the possessive
    alone is no subject); not "Lund's plan drew" (no comma after the noun), "What's more,"
    (a word that names no one) nor "Now Lund's gone, victim of …" (no name after the comma)."""
    return (
        len(out) == 1
        and out[0].is_cap
        and out[0].text.endswith(("'s", "’s"))
        and bare(out[0].low[:-2]) not in NOT_NAMES
        and i + 2 < len(sub)
        and sub[i + 1].text == ","
        and sub[i + 2].is_cap
    )


def _role_ahead(sub: list[Tok], i: int) -> bool:
    """True when the lower-case words from ``sub[i]`` (up to three) end in a role noun: they
    modify it ("mayoral candidate", "former campaign aide")."""
    for k in range(i, min(len(sub), i + 3)):
        t = sub[k]
        if not t.is_word or t.is_cap or _verbish(t):
            return False
        if t.low in SPEAKER_NOUNS or bare(t.low) in TITLES:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Names: titles off, types, keys for merging.

_POSSESSIVE_RE: Final = re.compile(r"['’]s?$")


_PAREN_RE: Final = re.compile(r"\s*\([^)]*\)\s*")
_COMMA_TAIL_RE: Final = re.compile(r",.*$")
_NT_WORD_RE: Final = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?")
_ALNUM_RE: Final = re.compile(r"[^\W_]+")


def _fold(s: str) -> str:
    """fold_diacritics, skipped for ASCII text (most names): it decomposes every character."""
    return s if s.isascii() else fold_diacritics(s)


# Generational suffixes, which end a name but never make one alone.
NAME_SUFFIXES: Final = frozenset("jr sr ii iii iv".split())


def _capital_title_before_name(words: list[str], j: int) -> bool:
    """Whether ``words[j]`` is a capitalised title after an employer and before a name:
    "Harbor Board Chairwoman Ada Reyes" at "Chairwoman" (the name is no title or
    organisation word, so "Harbor Board Chairwoman Office" is none)."""
    if bare(words[j].lower()) not in TITLES or all(
        bare(x.lower()) in NAME_SUFFIXES for x in words[j + 1 :]
    ):
        return False  # ("Martin Luther King Jr.": a suffix alone is no name after a title)
    for x in words[j + 1 :]:
        low = bare(x.lower())
        if not (x[0].isupper() or _particle_word(x)) or low in TITLES or low in ORG_WORDS:
            return False
    return True


# Names of capitalised words, separated by commas, the last joined by "and": a list of speakers.
_LIST_NAME: Final = r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*"
_NAME_LIST_RE: Final = re.compile(rf"{_LIST_NAME}(?:, {_LIST_NAME})+,? and {_LIST_NAME}$")


def _particle_word(word: str) -> bool:
    """A surname written with a lower-case particle and a hyphen: "al-Reyes" (not "all-out")."""
    particle, _, rest = word.partition("-")
    return particle in HYPHEN_PARTICLES and rest[:1].isupper()


# A capital after two lower-case letters inside a word: where a link's text runs into the
# next link's with no space between ("TillersonAda").
_GLUE_RE: Final = re.compile(r"(?<=[a-z]{2})[A-Z][a-zA-Z]")
# What a glued link's text may be: a word, perhaps hyphenated or possessive ("Ada-Lund's").
_GLUED_PART_RE: Final = re.compile(r"[A-Z][A-Za-z]*(?:[-'’][A-Za-z]+)*")


def glued_name_end(word: str, *, last: bool) -> int:
    """Where the name in a word ends when the next link's text is glued to it, else 0:
    "LundAda" -> 4 ("Ivo LundAda Reyes tells the board …"); 0 for a name with an inner
    capital ("McLund", "DeLund", "MacReyes": the prefix is short; "VanderLund": a particle).
    ``last``: the word ends
    its run of capitals, where a glued part is a word of its own only from four letters on
    ("LundSenate" -> 4; "VandeHei" -> 0)."""
    if len(word) < 6 or not word[:1].isupper() or word[1:].islower():
        return 0  # (most words: no inner capital, no regex run)
    end = 0
    for m in _GLUE_RE.finditer(word):
        k = m.start()
        rest = word[k:]
        if (
            k >= 4
            and (not last or len(rest) >= 4 or rest.isupper())
            and _GLUED_PART_RE.fullmatch(rest) is not None
            and word[:k].lower() not in _NAME_PREFIXES
        ):
            end = k
            break
    return end


def glued_acronym_end(word: str) -> int:
    """Where a name ends that an acronym in capitals is glued to: "LundGOP" -> 4, "ReyesHBA's"
    -> 5; 0 for "HarborWatch" (a brand) or "McLund"."""
    end = glued_name_end(word, last=True)
    return end if end and word[end:].rstrip("'’s").isupper() else 0


# Particles written together with the surname they open ("VanderLund", "FitzReyes").
_NAME_PREFIXES: Final = frozenset("vande vander vanden vonder fitz".split())


def name_part(word: str) -> bool:
    """Whether a word before a glued one may end a name: capitalised, no determiner and no
    sentence opener ("Lund" in "Ivo LundAda"; not "Then" in "Then HarborWatch", "The")."""
    return word[:1].isupper() and word.lower() not in DETERMINERS and not no_name_word(word)


def _after_glue(toks: list[Tok]) -> list[Tok]:
    """The tokens of a mention from the last link's text glued to a word after the first:
    "Ivo LundAda Reyes" -> "Ada Reyes" (the next link, a headline, opens with its own
    subject); a brand in one word that opens the mention stays ("HarborWatch said",
    "HarborTV"). A last word after a name with an acronym glued to it keeps its name ("Ivo
    LundGOP" -> "Ivo Lund")."""
    last = toks[-1]
    end = glued_acronym_end(last.text) if last.is_cap and len(toks) > 1 else 0
    if end and name_part(toks[-2].text):
        # "Ivo LundGOP", "LundGOP": the name ends where the glued acronym starts
        return [*toks[:-1], Tok(last.text[:end], last.low[:end], last.start, last.start + end)]
    for k in range(len(toks) - 1, 0, -1):
        t = toks[k]
        end = glued_name_end(t.text, last=k == len(toks) - 1)
        if end and name_part(toks[k - 1].text):
            rest = t.text[end:]
            return [Tok(rest, rest.lower(), t.start + end, t.end), *toks[k + 1 :]]
    return toks


def _role_before_name(words: list[str], j: int) -> bool:
    """Whether the lower-case ``words[j]`` is a role between an employer and a person's name
    (two or more capitalised words): "Harbor Board ally Ada Reyes" at "ally"; not a joiner
    ("Bank of Dover Ada", "Ada and Ivo Lund")."""
    w = words[j]
    return (
        j > 0
        and w.isalpha()
        and w not in _NAME_JOINERS
        and not _org_to(words, j)
        and words[j - 1][0].isupper()
        and _person_name(words[j + 1 :])
    )


def _org_to(words: list[str], j: int) -> bool:
    """Whether ``words[j]`` is the "to" of an organisation's name after its organisation word:
    "Committee to Protect Harbor Pilots", "Campaign to Stop Harbor Fees" (not "Ivo Lund to Ada
    Reyes", a headline's pair)."""
    return words[j] == "to" and j > 0 and bare(words[j - 1].lower()) in ORG_WORDS


# Prepositions that hang a place or an occasion on a name ("from Dover", "at the launch").
TAIL_PREPOSITIONS: Final = frozenset(("of", "at", "with", "from", "in", "on", "outside", "during"))
# Tail prepositions whose capitalised object is mostly a place or an occasion, an employer only
# with an organisation word ("from Dover Falls", "in a news conference", "outside Dover Hall").
_PLACE_PREPOSITIONS: Final = frozenset(("from", "in", "on", "outside", "during"))


def _tail_after_name(words: list[str]) -> int:
    """Index of a prepositional tail after a person's name that names no employer, else 0:
    "Ada Reyes from Dover Falls" -> 2 (a home town: "from" and no organisation word), "Ada
    Reyes at the launch" -> 2 (nothing capitalised: an occasion); "Ada Reyes of the Harbor
    Institute" and "Ada Reyes from the Harbor Board" -> 0 (the employer stays)."""
    for i, w in enumerate(words):
        if w in TAIL_PREPOSITIONS:
            name = words[_after_titles(words, i) : i]
            ok = len(name) >= 2 and _person_name(name) and not _names_employer(w, words[i + 1 :])
            return i if ok else 0
    return 0


def _after_titles(words: list[str], i: int) -> int:
    """Index after the last title among ``words[:i]``: ["Former", "Mayor", "Ada", "Reyes"]
    -> 2; 0 when there is none."""
    for j in range(i - 1, -1, -1):
        if bare(words[j].lower()) in TITLES:
            return j + 1
    return 0


def _names_employer(prep: str, rest: list[str]) -> bool:
    """Whether the object of ``prep`` after a person's name is an employer: something
    capitalised, and after "from", "in" or another place preposition an organisation word ("of
    the Harbor Institute", "from the Harbor Board"; not "from Dover Falls", a home town, "in
    Dover", nor "at the launch")."""
    caps = [bare(x.lower()) for x in rest if x[0].isupper()]
    if not caps:
        return False
    return prep not in _PLACE_PREPOSITIONS or not _EMPLOYER_WORDS.isdisjoint(caps)


# Organisation words that also end a place's name ("from Dover City" is a home town) are no
# employer after "from".
_EMPLOYER_WORDS: Final = ORG_WORDS - frozenset(
    "city county town township village province state".split()
)


def _object_of_role(words: list[str]) -> bool:
    """Whether the lower-case words opening a mention hold a preposition before its first
    capital after a person's role, so that the capitalised words are the object of the role,
    not a name: "the owner of the Harbor Hawks", "a spokesman for Ada Reyes" -> True;
    "longtime adviser Ada Reyes", "the Harbor Board" -> False, and so are a writing or words
    of someone ("The memo from Ada Reyes", "the long babble of Reyes": the writer speaks in
    them) and a share of a group ("a majority of Dover pilots")."""
    for k in range(_past_owner(words), len(words)):
        w = words[k]
        if w[0].isupper() and w.lower() not in DETERMINERS and w.lower() not in DEMONYMS:
            return False
        if w in _PREPOSITIONS:
            head = bare(words[k - 1].lower()) if k else ""
            return (
                (speaker_role_noun(head) or head in _GROUP_HEADS)
                and head not in DOC_NOUNS
                and head not in _SHARE_HEADS
            )
    return False


def speaker_role_noun(low: str) -> bool:
    """Whether a lower-case word is a title or a noun of speakers, or the plural of one:
    "senator", "senators", "lawyers" -> True; "hill", "complaints" -> False."""
    return low in TITLES or low in SPEAKER_NOUNS or plural_of_role(low)


def plural_of_role(low: str) -> bool:
    """Whether a lower-case word is the plural of a title or a noun of people, not of a
    writing: "senators", "staffers" -> True; "complaints", "reports" -> False."""
    one = low[:-1]
    return low.endswith("s") and (one in SPEAKER_NOUNS or one in TITLES) and one not in DOC_NOUNS


def _past_owner(words: list[str]) -> int:
    """Where the words after an owner that opens a mention start, when a lower-case noun
    follows the owner: "Reyes’s GOP allies on …" -> 2 ("allies"), "the port's lawyers" -> 2;
    0 when no possessive opens it or only capitals follow ("The Herald's Nadia Okafor")."""
    k = 1 if words and words[0].lower() in DETERMINERS else 0
    if k >= len(words) or not words[k].endswith(("'s", "’s")):
        return 0
    k += 1
    while k < len(words) and words[k][:1].isupper():
        k += 1
    return k if k < len(words) else 0


# Nouns for a group of people that a place or a time after them does not name: "the
# harbor media from the strike on".
_GROUP_HEADS: Final = frozenset("media press faction camp crowd public audience".split())
# Heads whose "of" phrase names who speaks: a share of a group ("a majority of Harbor
# pilots", "two of the Dover pilots").
_SHARE_HEADS: Final = frozenset(
    """majority majorities most some many several few half all none one two three four five
    six seven eight nine ten dozens hundreds thousands group number""".split()
)


def _whole_place(words: list[str]) -> int:
    """How many words open ``words`` as one place of two or three words that more words
    follow ("New Hampshire Democrat" -> 2, "North Carolina State Sen. Ada Lund" -> 2), else 1."""
    for n in (3, 2):
        if len(words) > n and " ".join(bare(w.lower()) for w in words[:n]) in PLACES:
            return n
    return 1


def _place_piece_kept(words: list[str]) -> bool:
    """Whether the first word, a piece of a place name that is no adjective ("New", "North"),
    begins a place that stays whole: "New England Patriots" keeps "New" ("England" is no
    demonym to strip with it); "New York Mayor Ada Reyes", "North Korean officials" and "the
    Texas Democrat" strip the whole place (a role follows)."""
    first = words[0].lower()
    if first.endswith(_ADJECTIVE_ENDS) or len(words) < 2:
        return False
    second = bare(words[1].lower())
    if len(words) > 2 and f"{first} {second}" in PLACES:
        # "New York Post's Ada Reyes": the whole place opens an employer's name, no role
        third = bare(_POSSESSIVE_RE.sub("", words[2]).lower())
        return third not in DEMONYMS and third not in TITLES
    return second not in DEMONYMS and second not in TITLES


def _owner_before_name(words: list[str]) -> bool:
    """Whether the words open with an employer's possessive of up to four capitalised words
    and two or more capitalised words follow: "Herald's Nadia Okafor", "Harbor Herald’s
    Nadia Okafor" -> True; "Herald's editors", "Lund's" -> False."""
    for k, w in enumerate(words[:4]):
        if not w[:1].isupper():
            return False
        if w.endswith(("'s", "’s")):
            return len(words) > k + 2 and words[k + 1][:1].isupper()
    return False


def heads_role(word: str) -> bool:
    """Whether a word (lower-case, bare) is a title that may head a role of its own: "minister",
    "republican", "president"; not a modifier ("federal", "u.s"), a demonym or no title."""
    return not _modifier_only(word)


def _place_before_title(words: list[str]) -> int:
    """How many words (a leading article with them) are a place written before one capitalised
    title that heads a role, the whole mention: "the Kentucky Republican" -> 2, "South
    Carolina Republican" -> 2, "Ohio Governor" -> 1; 0 for "Kentucky Fried Chicken", "the
    Kentucky Republican Party", "Harbor Republican" (no place)."""
    d = 1 if len(words) > 2 and words[0].lower() in DETERMINERS else 0
    title = words[-1]
    if not title[:1].isupper() or not heads_role(bare(title.lower())):
        return 0
    place = " ".join(w.lower() for w in words[d:-1])
    if 1 <= len(words) - 1 - d <= 3 and _fold(place) in PLACES:
        return len(words) - 1
    return 0


def _describes_name_after(words: list[str], w: str) -> bool:
    """Whether the first of ``words`` (``w``, lower-cased) is no part of the name after it: a
    title, a determiner, a demonym, lower-case words ("longtime adviser John Smith"), the
    employer ("The Herald's Nadia Okafor"), a hyphenated description ("Co-worker Ada Lund")
    or an occupation before a full name ("Geologist Ada Lund")."""
    return (
        bare(w) in TITLES
        or w in DETERMINERS
        or (w in DEMONYMS and not _place_piece_kept(words))
        or (not words[0][0].isupper() and any(x[0].isupper() for x in words[1:]))
        or _owner_before_name(words)
        or (_hyphenated_role(words[0]) and _name_words(words[1:]))
        or (_role_opening(words[0]) and len(words) >= 3 and _name_words(words[1:]))
    )


def _role_opening(word: str) -> bool:
    """Whether a capitalised first word is a noun for a person's occupation, before a full
    name: "Lawyer", "Geologist" (of "Geologist Ada Lund") -> True; "Baker", "Harbor" -> False."""
    low = word.lower()
    if not word[:1].isupper() or not low.isalpha():
        return False
    return (low in SPEAKER_NOUNS and low not in ANON_WORDS and low not in DOC_NOUNS) or (
        len(low) > 6 and low.endswith("ist")
    )


def _hyphenated_role(word: str) -> bool:
    """Whether a word before a name is a description joined by hyphens whose last part news
    writes in lower case: "Thirty-year-old", "Co-worker", "Draft-dodger" -> True; a name's
    own hyphen ("Jean-Marc", "Ki-moon" is a given name's second part, never first) or a plain
    word -> False."""
    if "-" not in word:
        return False
    last = word.rsplit("-", 1)[1]
    return last.isalpha() and last.islower() and len(last) >= 3 and last in LISTED_WORDS


# Lower-case words inside a person's name, between its given name and its surname (Arabic
# "bin", Spanish and Dutch particles): no role ends before them.
_INNER_NAME_PARTICLES: Final = frozenset(
    "bin ibn bint binti ben de van von la da del della der den du le di dos das y".split()
)


@lru_cache(maxsize=NAME_CACHE)
def strip_name(mention: str) -> tuple[str, tuple[str, ...]]:
    """Split a written mention into (name, role words): "Israeli Foreign Minister Israel Katz"
    -> ("Israel Katz", ["israeli", "foreign", "minister"]). Parentheticals and "the" go too."""
    s = _PAREN_RE.sub(" ", mention).strip() if "(" in mention else mention
    if "," in s:
        if _NAME_LIST_RE.match(s):
            return s, ()  # "Ada Lund, Ivo Reyes and Mia Park": a list of names, no appositive
        s = _COMMA_TAIL_RE.sub("", s)
    words = s.split()
    roles: list[str] = []
    if _employer_at(words):
        # "Ada Reyes of the harbor group Dover Pilots": the person with the employer, not the
        # employer's name after its role noun.
        return s, ()
    tail = _tail_after_name(words)
    if tail:
        # "Ada Reyes from Dover Falls", "Ada Reyes at the launch": the place or the occasion
        # describes the person; the name is what comes before it.
        name, roles_before = strip_name(" ".join(words[:tail]))
        return name, roles_before + tuple(w.lower() for w in words[tail:])
    if _object_of_role(words):
        # "the owner of the Harbor Hawks": the capitals name what the described person
        # belongs to, not the person; the description is the speaker.
        return s, ()
    # "Reyes spokesman Ivo Lund", "Harbor Board chief executive Ada Brennan": an employer, a
    # role noun, then the name; the name is what follows the last role noun.
    for j in range(len(words) - 2, 0, -1):
        w = words[j]
        if w in _INNER_NAME_PARTICLES:
            continue  # "Khalifa bin Zayed Al Nahyan", "Felipe de la Cruz": inside the name
        if w[0].isupper():
            if _capital_title_before_name(words, j):
                roles = [bare(x.lower()) for x in words[: j + 1] if x.lower() not in DETERMINERS]
                words = words[j + 1 :]
                break
            continue
        if (
            (bare(w.lower()) in TITLES or w.lower() in SPEAKER_NOUNS)
            and all(x[0].isupper() for x in words[j + 1 :])
        ) or _role_before_name(words, j):
            roles = [bare(x.lower()) for x in words[: j + 1] if x.lower() not in DETERMINERS]
            words = words[j + 1 :]
        break
    if not roles:
        # "the Kentucky Republican", "the South Carolina Republican": a place before a title
        # alone is the role's own modifier, not the start of a name.
        k = _place_before_title(words)
        roles = [bare(x.lower()) for x in words[:k] if x.lower() not in DETERMINERS]
        words = words[k:]
    while len(words) > 1:
        w = words[0].lower()  # (lower-cased once per word, not once per test)
        if not _describes_name_after(words, w):
            break
        n = _whole_place(words)  # "an uncommitted New Hampshire Democrat": all of the place
        roles.extend(bare(x.lower()) for x in words[:n] if x.lower() not in DETERMINERS)
        del words[:n]
    if roles and (k := _place_before_title(words)):
        # "a pro-Lund Iowa Democrat": after the description, a place and a title alone
        roles.extend(bare(x.lower()) for x in words[:k])
        words = words[k:]
    if (
        roles
        and _modifier_only(roles[-1])
        and not _hyphenated_role(roles[-1])  # "Thirty-year-old Araji": an age, no name's part
        and bare(words[0].lower()) not in TITLES  # "Turkish President": a role alone
        and _all_capitals(s)  # ("front-runner Biden": a description before the name)
        and (len(words) == 1 or _organisation_after_modifiers(s, words, roles))
    ):
        # "Federal Reserve", "Saudi Arabia", "Bureau of Labor Statistics": a modifier is no
        # role before a surname, so the capitals are one name, not a role and a person.
        whole = s.split()
        while len(whole) > 1 and whole[0].lower() in DETERMINERS:
            whole.pop(0)
        words, roles = whole, []
    words, roles = _whole_capitals_before_noun(s.split(), words, roles)
    if words:
        words[-1] = _POSSESSIVE_RE.sub("", words[-1]) or words[-1]
    return " ".join(words), tuple(roles)


# Words that join a name to more words after it, so that the phrase is no noun heading a run
# of capitals: "Agarwal of edX", "Trump at the time".
_PHRASE_JOINS: Final = frozenset("of at in for to the on with from by near and".split())


def _whole_capitals_before_noun(
    orig: list[str], words: list[str], roles: list[str]
) -> tuple[list[str], list[str]]:
    """A phrase headed by a lower-case noun keeps the whole run of capitals before it: in "a
    National Geographic story" the capitals name the owner, so no title ("National") is
    stripped from them as from a person's name ("Geographic story")."""
    n = len(words)
    if not (roles and n and words[-1][:1].islower() and words[0][:1].isupper()):
        return words, roles
    first_low = next(i for i, w in enumerate(words) if w[:1].islower())
    tail = [w.lower() for w in words[first_low:]]
    if any(not w[:1].islower() for w in words[first_low:]) or not _PHRASE_JOINS.isdisjoint(tail):
        return words, roles  # ("Hemmer of the movement's early years": a name, then more)
    if any(w.endswith(("’s", "'s")) for w in words):
        return words, roles
    if n >= len(orig) or orig[-n:] != words:
        return words, roles
    k = len(orig) - n
    while k > 0 and orig[k - 1][:1].isupper() and orig[k - 1].lower() not in DETERMINERS:
        k -= 1
    if k == len(orig) - n:
        return words, roles
    return orig[k:], [bare(x.lower()) for x in orig[:k] if x.lower() not in DETERMINERS]


def _organisation_after_modifiers(s: str, words: list[str], roles: list[str]) -> bool:
    """Whether the capitalised words left after modifiers stripped as roles ("Christian",
    "U.S.", "National") go on naming an organisation, so the modifiers are part of its name:
    after an article or with an organisation word or a joining word ("The Christian Harbor
    Monitor", "the U.S. Chamber of Commerce", "National Harbor Law Project"), and no known
    given name first ("Russian Ada Lund", "the Russian Ada Lund" keep the person)."""
    if _fold(words[0].lower()) in _GIVEN_NAMES or not all(
        r in DEMONYMS or r in _ROLE_MODIFIERS for r in roles
    ):
        return False
    low = [bare(w.lower()) for w in words]
    return (
        s.split()[0].lower() in DETERMINERS
        or not ORG_WORDS.isdisjoint(low)
        or not _ORG_INTERNAL.isdisjoint(low)
    )


_GIVEN_NAMES: Final = LEX["given_names"] | LEX["female_given_names"] | LEX["male_given_names"]


# Title words that only modify a role ("Foreign Minister", "Labor Secretary", "Vice
# President"): before a lone capitalised word they are part of a name, not a role.
_ROLE_MODIFIERS: Final = frozenset(
    """agriculture air american army budget campaign circuit commerce court defence defense
    democratic deputy district economic education energy environment federal finance first
    force foreign former health homeland house interior joint junior labor labour late
    majority minority national navy presidential presumptive prime security senate senior
    state supreme then top trade transportation treasury u.s us veterans vice""".split()
)


def _all_capitals(s: str) -> bool:
    """Whether a mention is capitalised words only, but for the small words inside a name
    and a leading article: "the Bureau of Labor Statistics" -> True; "front-runner Biden"
    -> False."""
    words = s.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return bool(words) and all(w[0].isupper() or w in _ORG_INTERNAL for w in words)


def _modifier_only(word: str) -> bool:
    """Whether a stripped role word cannot head a role before a surname: a modifier ("federal",
    "labor"), a demonym ("saudi") or no title at all ("new"); "minister", "sen" and
    "spokesman" head one ("Foreign Minister Katz")."""
    return (
        word in _ROLE_MODIFIERS or word in DEMONYMS or not (word in TITLES or word in SPEAKER_NOUNS)
    )


# Capitalised words that name nobody: titles, demonyms, and group nouns capitalised at the
# start of a sentence ("Officials said", "Critics say" read as anonymous, not as a person).
_NOT_NAME_CAPS: Final = TITLES | DEMONYMS | NOT_NAMES | ANON_WORDS


def plural_group(words: list[str]) -> bool:
    """A group named by the plural of a title or demonym, perhaps after a place or another
    such word (words lower-case): "Democrats", "Canadians", "Ohio Republicans"; not "Ada
    Reyes" or "Reyes Democrats"."""
    if not words:
        return False
    last = words[-1]
    if not (last.endswith("s") and last[:-1] in _NOT_NAME_CAPS) and not people_plural(last):
        return False
    for w in words[:-1]:
        if w not in _NOT_NAME_CAPS and w not in _NP_ADJECTIVES and _fold(w) not in PLACES:
            return False
    return True


# Endings of plurals that name people by a field, a creed or a place, never a surname:
# "physicists", "epidemiologists", "Ontarians", "Haitians", "Vancouverites", "Thatcherites".
_PEOPLE_PLURAL_ENDINGS: Final = ("ists", "ians", "ites")


def people_plural(low: str) -> bool:
    """Whether a lower-cased word is the plural of a noun for people whatever the lists hold: an
    ending of a field, a creed or a place's people ("epidemiologists", "ontarians",
    "vancouverites"), or a place and "-ns"/"-ers" ("albertans", "quebecers", "icelanders");
    not a surname ("evans", "sanders", "waters")."""
    if len(low) > 5 and low.endswith(_PEOPLE_PLURAL_ENDINGS):
        return True
    if low.endswith("ns") and _fold(low[:-2]) in PLACES:
        return True  # "albertans", "manitobans"
    return low.endswith("ers") and _fold(low[:-3]) in PLACES  # "quebecers", "icelanders"


def amount_only(name: str) -> bool:
    """A word for an amount standing alone, cut from its noun: "More" of "More gatherings
    will occur", "Some"; not "Some pilots" or "Moreno"."""
    return name.lower() in _AMOUNT_WORDS


def acronym_org(name: str) -> bool:
    """A single all-capitals token of 2-6 letters that is no title names an organisation:
    "HBA" (a harbor board's initials), "WHO"; not "Dr" or "Ada"."""
    if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
        return False
    return name.lower() not in TITLES


# Parts of a word with a capital inside it: "YouTube" -> "You", "Tube".
_CAMEL_PART_RE: Final = re.compile(r"[A-Z][a-z]*")
# Prefixes that people's names write with a capital after them: "McDavid", "MacKenzie",
# "FitzGerald", "VanderMeer", "DeShawn", "LaToya", "JoAnn", "ShaQuille", "DiCaprio".
_INNER_CAPITAL_PREFIXES: Final = _NAME_PREFIXES | frozenset(
    "mc mac van von della de la le da di du jo ke ja ty sha".split()
)


def camel_case_org(name: str) -> bool:
    """Whether ``name`` is one word with a capital inside it after lower-case letters, as
    companies, brands and sites write their names ("YouTube", "WestJet", "AccuWeather",
    "MoffettNathanson"): an organisation; not a person's name with a prefix ("McDavid",
    "DeShawn", "LaToya", "VanderMeer") or made of a given name ("MaryAnn", "GavinLund")."""
    if not (name.isalpha() and name[:1].isupper() and not name.isupper()):
        return False
    parts = _CAMEL_PART_RE.findall(name)
    if len(parts) < 2 or "".join(parts) != name or len(parts[0]) < 2:
        return False  # "Lund", "USTelecom" (initials first), "iPhone"
    if parts[0].lower() in _INNER_CAPITAL_PREFIXES or len(parts[0]) == 2:
        return False
    return all(p.lower() not in _GIVEN_NAMES for p in parts)


# Words that join the parts of a name rather than a role to the name after it.
_NAME_JOINERS: Final = frozenset(
    ("of", "and", "for", "the", "at", "in", "on", "de", "van", "von", "da", "del", "la", "le", "di")
)


def _name_words(words: list[str]) -> bool:
    """One to three capitalised words, none a title, organisation or group word: "Araji",
    "Walter Young"; not "U.S. Circuit Court of Appeals" nor "Senate"."""
    return 1 <= len(words) <= 3 and all(_name_word(w) for w in words)


def _person_name(words: list[str]) -> bool:
    """Two or more capitalised words, none a title, organisation or group word:
    "Ada Reyes", not "Harbor Institute" or "Senior Officials"."""
    return len(words) >= 2 and all(_name_word(w) for w in words)


def _name_word(w: str) -> bool:
    """A capitalised word that is no organisation, group or other non-name word, nor a
    determiner: "Reyes" -> True; "Institute", "Officials", "The" -> False."""
    low = bare(w.lower())
    return (
        w[0].isupper()
        and low not in ORG_WORDS
        and low not in _NOT_NAME_CAPS
        and low not in DETERMINERS
    )


def _employer_at(words: list[str]) -> int:
    """Index of the "of"/"at"/"with"/"from" after a person's name that opens the words, else
    0: "Ada Reyes of the Harbor Institute" -> 2; "Bank of Dover", "Reyes of Dover" -> 0."""
    for i, w in enumerate(words):
        if w in TAIL_PREPOSITIONS:
            ok = i >= 2 and _person_name(words[:i]) and _names_employer(w, words[i + 1 :])
            return i if ok else 0
    return 0


def person_of_org(name: str) -> bool:
    """A person's name, then "of"/"at"/"with"/"from" and the organisation: "Ada Reyes of the
    Harbor Institute" is Ada Reyes; an employer, a lower-case role, then a name: "Harbor Board
    counsel Ada Reyes" is Ada Reyes too."""
    words = name.split()
    if _employer_at(words):
        return True
    for j in range(len(words) - 3, 0, -1):
        w = words[j]
        if not w[0].isupper():
            return (
                w.isalpha()
                and w not in _NAME_JOINERS
                and not _org_to(words, j)
                and words[j - 1][0].isupper()
                and _person_name(words[j + 1 :])
            )
    return False


# Last words of a place's or an institution's name ("Dover Bridge", "the Harbor Valley",
# "Dover Beach", "Harbor Heights", "Lund Memorial Hospital"): a place, no person. Each is a
# word the corpus never writes after an honorific ("Mr. Beach", "Ms. Heights"), so no
# surname; "Hill", "Lake", "Park", "Hall", "Woods", "Bay", "Ridge" are surnames too
# ("Ms. Hill") and stay out, as do "Grove", "Field", "Castle" and "Arena", rarer surnames of
# people in the news ("Salvatore Arena").
_PLACE_HEAD_WORDS: Final = frozenset(
    """province valley bridge peninsula strait canyon airport stadium highway boulevard avenue
    square street river beach harbor harbour heights springs island township palace garden
    gardens memorial hospital school cathedral academy clinic prison mall center centre
    plaza station creek falls mountain""".split()
)


def _place_name(words: list[str]) -> bool:
    """Two or more words (lower-case) ending in a place's head word: "dover bridge", "harbor
    valley" -> True; "ada reyes", "bridge" -> False. A place speaks only as its
    organisations do, so it is typed "organisation" like the names in PLACES."""
    return len(words) >= 2 and words[-1] in _PLACE_HEAD_WORDS


# Words news writes in lower case (always, or more often than not), less every given name.
_LOWER_CASE_WORDS: Final = LISTED_WORDS - (
    LEX["given_names"] | LEX["female_given_names"] | LEX["male_given_names"]
)


def _lower_case_word(low: str) -> bool:
    """Whether news writes a word in lower case, or it is the regular plural of one:
    "revolt", "associates" (of "associate"), "policies", "taxes"; not "lund", "hope" (a
    given name), "lake" (a surname as often as a word) nor "owens" ("owe" is no noun)."""
    if low in _LOWER_CASE_WORDS:
        return True
    if low.endswith("ies"):
        return low[:-3] + "y" in _LOWER_CASE_WORDS
    if low.endswith(("ses", "xes", "zes", "ches", "shes")):
        return low[:-2] in _LOWER_CASE_WORDS
    return low.endswith("s") and not low.endswith("ss") and low[:-1] in _LOWER_CASE_WORDS


def common_words_name(name: str) -> bool:
    """A name written in capitals whose every word news otherwise writes in lower case, and
    whose head is no person's role: an organisation's, a publication's or a thing's ("Coastal
    Research Associates", "Quiet Revolt", "Social Security", "Election Day"), never a
    person's, whose given name or surname no list of lower-case words holds ("Hope Lund",
    "Ada Lake"). "Attorney General" and "First Lady" end in a role: a person's; "Federal
    investigators" is no name as written."""
    words = _NT_WORD_RE.findall(name)
    if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    low = [w.rstrip(".").lower() for w in words]
    if low[-1] in TITLES and low[-1] not in _ROLE_MODIFIERS:
        return False  # "Majority Leader", "Surgeon General": a role, held by a person
    return all(
        _lower_case_word(lw) and (w[:1].isupper() or lw in _NAME_JOINERS)
        for w, lw in zip(words, low, strict=True)
    )


@lru_cache(maxsize=NAME_CACHE)
def name_type(name: str) -> str:
    """person / organisation / anonymous / document for a speaker as written (rules only)."""
    low = name.lower()
    words = [w.rstrip(".") for w in _NT_WORD_RE.findall(low)]  # bare(), without a call per word
    if not words:
        return "person"
    if low in PRONOUNS:
        return {
            "person": "person",
            "thing": "organisation",
            "plural": "anonymous",
            "self": "person",
        }[PRONOUNS[low]]
    if " and " in name:
        joined = _coordination_type(name)
        if joined is not None:
            return joined
    caps = [w for w in _ALNUM_RE.findall(name) if w[0].isupper()]
    # The head noun comes before a prepositional tail: "a statement from the ministry".
    cut = None
    for i, w in enumerate(words):
        if w in ("of", "from", "by", "for", "at", "in"):
            cut = i
            break
    if cut:
        head = words[cut - 1]
        if head in DOC_NOUNS:
            return "document"
        if head in ANON_WORDS:
            return "anonymous"
    # (``not S.isdisjoint(words)`` is ``any(w in S for w in words)`` without a generator)
    if not DOC_NOUNS.isdisjoint(words[-2:]) and not (caps and words[-1] not in DOC_NOUNS):
        return "document"
    if not ANON_WORDS.isdisjoint(words) and not any(
        c.lower() not in _NOT_NAME_CAPS and c.lower() not in ORG_WORDS for c in caps
    ):
        return "anonymous"
    if words[0] in _AMOUNT_WORDS and len(caps) <= 1:
        return "anonymous"  # "More said …", "More on the ferries": an amount, no name
    if acronym_org(name) or _web_site(name) or camel_case_org(name):
        return "organisation"  # "HBA"; "FactCheck.org", "Harbor.com": a site; "WestJet"
    if person_of_org(name):
        return "person"
    if (
        (not ORG_WORDS.isdisjoint(words) and not _syllable_not_acronym(name, words))
        or low in ORG_NAMES
        or _fold(low) in PLACES
        or _place_name(words)
    ):
        return "organisation"
    if plural_group(words):
        return "anonymous"
    if " " not in name.strip() and _hyphenated_role(name.strip()):
        # one word whose last part news writes in lower case: "E-mails", "Two-thirds",
        # "Harbor-leaning"; no one's name
        last = name.strip().rsplit("-", 1)[1]
        return "document" if last in DOC_NOUNS or last[:-1] in DOC_NOUNS else "anonymous"
    if not caps:
        # "the campaign", "officials": descriptive groups without a name read as anonymous.
        return (
            "organisation"
            if words[-1] in ORG_WORDS
            else ("person" if any(w in TITLES for w in words) else "anonymous")
        )
    return "organisation" if common_words_name(name) or _field_and_place(name) else "person"


def _syllable_not_acronym(name: str, words: list[str]) -> bool:
    """Whether the one organisation word of a name is a body's two-letter acronym written as a
    syllable of a person's name, in title case: "Un" of "Kim Jong Un" (not "UN", nor "Co" of
    "Harbor Co")."""
    held = [w for w in words if w in ORG_WORDS]
    if len(held) != 1 or len(held[0]) != 2 or held[0] == "co":
        return False
    return re.search(rf"\b{held[0].title()}\b", name) is not None


def _field_and_place(name: str) -> bool:
    """Whether a name is a field of work in capitals and a place: a public body or a national
    team named so ("Statistics Canada", "Health Canada", "Fisheries and Oceans Canada",
    "Hockey Canada", "Sport England"). A given name before the place makes a person ("Hope
    Jordan": no word that news writes in lower case); a phrase in lower case is no name
    ("seekers detained in Louisiana")."""
    words = _NT_WORD_RE.findall(name)
    if len(words) < 2 or words[-1].lower() not in PLACES:
        return False
    return all(
        w == "and"
        or (w[:1].isupper() and _lower_case_word(w.lower()) and w.lower() not in _NOT_FIELDS)
        for w in words[:-1]
    )


# Words in capitals before a place that name no field: a sentence's opening word ("But China",
# "After Boston", "An Ohio"), a verb ("Does Chicago"), a preposition ("Outside Chicago"), a
# title ("Captain America").
_NOT_FIELDS: Final = (
    _FINITE_VERBS
    | _PREPOSITIONS
    | DETERMINERS
    | BOUNDARY_WORDS
    | LEADING_ADVERBIALS
    | SKIP_BETWEEN
    | TITLES
    | frozenset(
        "outside inside across near beyond within although because before after besides both "
        "another already around amid unlike like all every each".split()
    )
)


def _coordination_type(name: str) -> str | None:
    """The type of two speakers joined by "and", from each one's: persons when both are
    ("Ada Lund and Ivo Reyes"), an organisation when either is ("Harbor Customs and Border
    Protection", "Canada and Mexico"), else anonymous ("Democrats and Republicans"); the type
    of the second's head when it is a lower-case noun ("Lund and her colleagues", "Harbor
    Board and port officials"). None when a side is empty."""
    left, _, right = name.partition(" and ")
    if not left.strip() or not right.strip():
        return None
    if right.split()[-1].islower():
        return name_type(right)  # one head for both: "Harbor Board and port officials"
    sides = (name_type(left), name_type(right))
    if sides == ("person", "person"):
        return "person"
    return "organisation" if "organisation" in sides else "anonymous"


# A web address's ending after a word: a site speaks for an organisation ("FactCheck.org").
_WEB_DOMAIN_RE: Final = re.compile(r"[A-Za-z0-9]\.(?:com|org|net|gov|edu|io|news)$")


def _web_site(name: str) -> bool:
    """Whether a name is a web site's, capitalised words ending in its address: "FactCheck.org",
    "The Harbor.com" -> True; "a Harbor.com spokesman", "Ada Lund of Harbor.org" (a person
    tied to the site) -> False."""
    words = name.split()
    return (
        _WEB_DOMAIN_RE.search(words[-1]) is not None
        and len(words) <= 3
        and all(w[:1].isupper() or w[:1].isdigit() for w in words[1:])
    )


@lru_cache(maxsize=NAME_CACHE)
def name_key(name: str) -> str:
    """A comparison key: diacritics folded, lower-case, punctuation dropped."""
    return " ".join(_ALNUM_RE.findall(_fold(name).lower()))
