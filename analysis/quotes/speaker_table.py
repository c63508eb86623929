"""The speakers of a quote table, merged across articles and spellings.

:func:`speaker_ids` gives each row the ``speaker_id`` of its person or organisation across
the whole table (the forms are described above the function): one person's spellings merge
("Donald J. Trump" == "Mr. Trump" == "Trump's" when the corpus has no second Trump),
organisations only by their name or a stated acronym, anonymous and document speakers stay
per article. :func:`speakers` gives one row per id with quote counts per outlet;
:func:`speaker_outlet_counts` counts quotations per speaker and outlet. :func:`speaker_key`
(diacritics folded, titles dropped: "Erdoğan" == "Erdogan") is what a typed name is matched
with.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..core.text import MAY_FOLD, fold_diacritics
from .attribution import (
    _PAREN_RE,
    LEX,
    SPEAKER_NOUNS,
    TITLES,
    bare,
    name_key,
    strip_name,
    tie_at,
)
from .resolve import GIVEN_NAMES, SURNAME_PARTICLES, UNRESOLVED, descriptor_word, name_start


def speaker_key(name: str) -> str:
    """Merge key for a speaker: folded, lower-case, titles and roles removed
    ("Erdoğan" == "Erdogan")."""
    stripped, _ = strip_name(name)
    return name_key(stripped or name)


class SpeakerNames:
    """Distinct speaker names and what merging reads of each, so that :func:`speaker_key` runs
    once per name (179,000 names for 810,000 quotations on the whole corpus), not per row.
    A missing name counts as ""."""

    def __init__(self, values: pd.Index | list) -> None:
        values = values.tolist() if isinstance(values, pd.Index) else values
        self.names = [s if isinstance(s, str) else "" for s in values]
        stripped = [(strip_name(s)[0] or s) if s else "" for s in self.names]
        self.keys = [name_key(s) for s in stripped]
        # Words of the name without its titles: "Donald J. Trump" is fuller than
        # "President Donald Trump".
        cased = [_title_dropped(s) for s in stripped]
        self.n_words = [len(_without_openers(w)) for w in cased]
        # (the first word as the id spells it: "Jeff Sessions" reads as "jeffrey sessions")
        short = nicknames()
        self.ends = [
            (short.get(f := _folded(w[0]).lower(), f), _folded(w[-1]).lower()) if w else ("", "")
            for w in (_without_openers(w) for w in cased)
        ]
        # (a name with words before it, or a run of words that is no well-formed name, is
        # shown only when nothing else is)
        self.clean = [_shown_first(w) for w in cased]


def _shown_first(words: list[str]) -> bool:
    """Whether a spelling may be shown before the messy ones: well-formed, no words before
    the name, not in capitals throughout ("ADA BRENNAN" is shown when nothing else is)."""
    return (
        bool(words)
        and len(_without_openers(words)) == len(words)
        and well_formed(words)
        and not all(w.isupper() for w in words)
    )


def _speaker_codes(speaker: pd.Series) -> tuple[np.ndarray, SpeakerNames]:
    """Per row, the position of its speaker among the distinct names; and those names."""
    codes, uniques = pd.factorize(speaker, use_na_sentinel=False)
    return codes, SpeakerNames(uniques)


def _speaker_keys(q: pd.DataFrame) -> pd.Series:
    """Merge key per row of a quote table: its ``speaker_id`` (the table's column, else
    :func:`speaker_ids` of ``q``)."""
    return (q["speaker_id"] if "speaker_id" in q else speaker_ids(q)).astype(object)


def with_ids_read(quotes: pd.DataFrame, cols: tuple[str, ...]) -> pd.DataFrame:
    """The rows of ``quotes`` with a speaker, columns ``cols`` (those present) and
    ``speaker_id`` (the table's, else computed over the whole table)."""
    has = quotes["speaker"].notna().to_numpy(dtype=bool)
    q = quotes.loc[has, [c for c in cols if c in quotes]]
    return q.assign(
        speaker_id=(quotes["speaker_id"] if "speaker_id" in quotes else speaker_ids(quotes))[has]
    )


# ------------------------------------------------------------------------------ speaker ids
# A speaker_id names one person or organisation across the corpus: a readable key built from
# the folded name, the same whatever the row order or the engine that made the table.
#
# - a person: "first last" folded ("donald trump"), with the middle initials when two people
#   share first and last name ("george h w bush"), and a suffix ("donald trump jr");
# - an organisation: its folded name ("new york times"); an acronym the corpus states after
#   the name ("Department of Justice (DOJ)") takes the name's id;
# - people speaking together ("Lund and Reyes"): their members' ids, sorted, joined by " and "
#   ("ada lund and ivo reyes", each member read as the person of its article);
# - a given name alone ("Ada") takes the id of the one person of its article with that given
#   name when nobody there bears it as a surname;
# - a name that fits several people ("Trump" when the corpus names two Trumps) takes the id of
#   the one its article names, else its own folded key ("trump");
# - an anonymous or document speaker, or one without a capitalised word: "key|doc_id", one per
#   article ("the sources|a.txt").

LOCAL_SEP = "|"  # (never in a folded name: its words are letters, digits, "-" and "'")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_ACRONYM_NAME_RE = re.compile(
    r"((?:[A-Z][\w&'’.-]*|of|the|and|for|on|de)(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|for|on|de))*)\s*$"
)


def _folded(s: str) -> str:
    return s if s.isascii() else fold_diacritics(s)


def name_words(name: str) -> tuple[str, ...]:
    """The words of a speaker's name, titles and roles dropped, folded and lower-case, inner
    hyphens and apostrophes kept: "President Donald J. Trump's" -> ("donald", "j", "trump");
    "Alexandria Ocasio-Cortez" -> ("alexandria", "ocasio-cortez")."""
    return tuple(w.lower() for w in _cased_words(name))


def _cased_words(name: str) -> list[str]:
    """:func:`name_words` before lower-casing, a leading hyphenated title dropped too
    ("President-elect Ada Brennan" -> ["Ada", "Brennan"])."""
    stripped, _ = strip_name(name)
    return _title_dropped(_folded(stripped or name))


def _title_dropped(stripped: str) -> list[str]:
    """The words of a name stripped of its titles, a leading hyphenated title dropped too."""
    words = [w.replace("’", "'") for w in _WORD_RE.findall(stripped)]
    while len(words) > 1 and "-" in words[0] and bare(words[0].split("-")[0].lower()) in TITLES:
        words.pop(0)
    return words


# Words that open a clause or a sentence ("Although", "Yet", "During", "Did"), caught before a
# name by the extractor: never a given name. Months and the modals "will" and "may" are left
# out, as they are given names too ("April", "Will").
_MONTHS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december".split()
)
_CLAUSE_OPENERS = (
    (
        frozenset(LEX["not_names"])
        | frozenset(LEX["leading_adverbials"])
        | frozenset(LEX["clause_boundaries"])
        | frozenset(LEX["between_subject_and_cue"])
    )
    - _MONTHS
    - {"will", "may", "dr", "mr", "mrs", "ms"}
)


def _without_openers(words: list[str]) -> list[str]:
    """``words`` without the clause openers and titles that lead them, and the words that
    describe the person before a given name and surname ("Medical Examiner Ada Lund" ->
    ["Ada", "Lund"]: :func:`analysis.quotes.resolve.name_start`)."""
    k = 0
    while k < len(words) - 1 and (
        words[k].lower() in _CLAUSE_OPENERS or bare(words[k].lower()) in TITLES
    ):
        k += 1
    words = words[k:]
    return words[name_start(words) :] if len(words) > 2 else words


def person_words(name: str) -> tuple[str, ...]:
    """:func:`name_words` of a person's name, without the clause openers before it ("Although
    Ada Brennan" -> ("ada", "brennan")); a run of words that is no well-formed name keeps only
    its last word, the surname it ends with (``well_formed``: "Ada Brennan's office Brennan"
    -> ("brennan",)); a word written twice in a row counts once ("Ada Brennan Brennan" ->
    ("ada", "brennan")), and a place or employer after "of" or "from" goes ("Ada Brennan of
    Texas" -> ("ada", "brennan"))."""
    words = _without_openers(_cased_words(name))
    # "Joe Biden Biden" (a caption run into the name): the word written twice in a row once
    words = [w for i, w in enumerate(words) if not i or w.lower() != words[i - 1].lower()]
    tie = next((i for i, w in enumerate(words) if i > 1 and w in ("of", "from")), 0)
    if tie and well_formed(words[:tie]):
        words = words[:tie]  # "Ada Brennan of South Carolina": her state is no part of her name
    if len(words) > 1 and not well_formed(words):
        words = words[-1:]
    return tuple(w.lower() for w in words)


def well_formed(words: list[str]) -> bool:
    """Whether a person's name, as written, reads as one: at most five words, each
    capitalised (or a surname particle), the same case throughout (all capitals, or none but
    initials and first letters), no possessive inside, no word twice.

    >>> well_formed(["Ada", "J.", "Brennan"]), well_formed(["ADA", "BRENNAN"])  # True, True
    >>> well_formed(["JUST", "WATCHED", "Brennan"]), well_formed(["Ada", "and", "Brennan"])
    (False, False)
    """
    if len(words) > 5:
        return False
    low = [w.lower() for w in words]
    if len(set(low)) < len(low) or any(w.endswith("'s") for w in low[:-1]):
        return False
    if any(not w[0].isupper() and w.lower() not in SURNAME_PARTICLES for w in words):
        return False
    shouting = [len(w) > 1 and w.isupper() for w in words]
    return all(shouting) or not any(shouting)


@cache
def short_forms() -> dict[str, tuple[str, ...]]:
    """Short forms of given names and every name each stands for (analysis/data/nicknames.csv):
    "chuck" -> ("charles",), "steve" -> ("stephen", "steven")."""
    text = resources.files("analysis").joinpath("data/nicknames.csv").read_text("utf-8")
    forms: dict[str, list[str]] = defaultdict(list)
    for short, full in list(csv.reader(io.StringIO(text)))[1:]:
        forms[short].append(full)
    return {short: tuple(sorted(full)) for short, full in forms.items()}


@cache
def nicknames() -> dict[str, str]:
    """Short forms of one given name and the name they stand for ("chuck" -> "charles", "joe"
    -> "joseph"): one person's spellings with either form merge. A short form of more than one
    name ("steve": Stephen or Steven) merges only with the one the corpus gives that surname
    (:func:`person_candidates`)."""
    return {short: full[0] for short, full in short_forms().items() if len(full) == 1}


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name read as given names, surname and suffix: "Donald John Trump Jr." ->
    given ("donald", "john"), surname "trump", suffix "jr"; "von der Leyen" -> given (),
    surname "von der leyen"."""

    given: tuple[str, ...]
    surname: str
    suffix: str

    @staticmethod
    def of(words: tuple[str, ...]) -> PersonName:
        w = list(words)
        suffix = w.pop() if len(w) > 1 and w[-1] in _SUFFIXES else ""
        k = len(w) - 1
        while k > 0 and w[k - 1] in SURNAME_PARTICLES:
            k -= 1
        given = tuple(w[:k])
        if given and k < len(w):  # "Chuck Schumer" is "Charles Schumer"
            given = (nicknames().get(given[0], given[0]), *given[1:])
        return PersonName(given, " ".join(w[k:]), suffix)

    def base(self, middles: tuple[str, ...] = ()) -> str:
        """The id of the person: "first [middle initials] surname [suffix]"."""
        return " ".join(
            [self.given[0], *middles, self.surname, *([self.suffix] if self.suffix else [])]
        )

    def initials(self) -> tuple[str, ...]:
        """The middle names' initials ("donald john trump" -> ("j",))."""
        return tuple(m[0] for m in self.given[1:])


def person_candidates(
    names: list[PersonName], rows: dict[PersonName, int] | None = None
) -> dict[PersonName, list[str]]:
    """Per person name, the ids of the people it may denote, sorted (one: merged).

    Full names with the same first name and surname are one person unless their middle names
    differ ("Donald J. Trump" == "Donald John Trump" == "Donald Trump", but "George H. W. Bush"
    != "George W. Bush", and "George Bush" may be either). A first name written as an initial
    ("D. Trump") and a surname alone ("Trump") denote every person of the corpus they fit: one
    person, or several (ambiguous).
    """
    full = [n for n in names if n.given and len(n.given[0]) > 1]
    middles: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for n in full:
        if n.initials():
            middles[n.base()].add(n.initials())
    out: dict[PersonName, list[str]] = {}
    for n in full:
        seen = middles.get(n.base(), set())
        if len(seen) < 2:
            out[n] = [n.base()]
        else:  # two people share first name and surname: the middle names tell them apart
            mids = [n.initials()] if n.initials() else sorted(seen)
            out[n] = [n.base(m) for m in mids]
    _short_form_people(full, out, rows or {})
    _middle_name_surnames(full, out)
    people: dict[str, set[str]] = defaultdict(set)  # surname -> ids of its people
    for n in full:
        people[n.surname].update(out[n])
    for n in names:
        if n in out:
            continue
        fits = people.get(n.surname, set())
        if n.given:  # "D. Trump": the people whose first name starts so
            fits = {p for p in fits if p.startswith(n.given[0])}
        if n.suffix:
            fits = {p for p in fits if p.endswith(" " + n.suffix)}
        out[n] = sorted(fits) or [" ".join(filter(None, [*n.given, n.surname, n.suffix]))]
    return out


def _short_form_people(
    full: list[PersonName], out: dict[PersonName, list[str]], rows: dict[PersonName, int]
) -> None:
    """Give a full name whose given name is a short form of several names ("Steve Lund":
    Stephen or Steven) the ids of the one person of the corpus with that surname and one of
    those names ("Stephen K. Lund"), or of the one of them written in DOMINANT_RATIO times as
    many rows (``rows``) as the others together (a misspelling beside the usual form); with
    none, or two comparable ("Stephen Lund" and "Steven Lund"), it keeps its own."""
    forms = short_forms()
    by_surname: dict[tuple[str, str], list[PersonName]] = defaultdict(list)
    for n in full:
        by_surname[n.surname, n.suffix].append(n)
    for n in full:
        names = forms.get(n.given[0], ())
        if len(names) < 2:
            continue
        fits: dict[tuple[str, ...], int] = defaultdict(int)
        for m in by_surname[n.surname, n.suffix]:
            if m.given[0] in names:
                fits[tuple(out[m])] += rows.get(m, 1)
        if not fits:
            continue
        best = max(sorted(fits), key=fits.__getitem__)
        if fits[best] >= DOMINANT_RATIO * (sum(fits.values()) - fits[best]):
            out[n] = list(best)


def _middle_name_surnames(full: list[PersonName], out: dict[PersonName, list[str]]) -> None:
    """Give a two-word name whose first word is the last middle name of one person of the
    corpus with that surname, and no other person's first name, that person's ids: "Blasey
    Ford" beside "Christine Blasey Ford" (a double surname written without the given name).
    A first word that opens another person's name ("Paul Ryan" beside "John Paul Ryan" and
    "Paul Lund"), or fits two people, keeps its own."""
    longer: dict[tuple[str, str, str], set[tuple[str, ...]]] = defaultdict(set)
    firsts: dict[str, int] = defaultdict(int)
    for m in full:
        firsts[m.given[0]] += 1
        if len(m.given) > 1:
            longer[m.given[-1], m.surname, m.suffix].add(tuple(out[m]))
    for n in full:
        if len(n.given) != 1 or firsts[n.given[0]] > 1:
            continue
        fits = longer.get((n.given[0], n.surname, n.suffix), set())
        if len(fits) == 1:
            out[n] = list(next(iter(fits)))


def stated_acronyms(quotes: pd.DataFrame, acronyms: set[str]) -> dict[str, set[tuple[str, ...]]]:
    """Per acronym of ``acronyms``, the names the table states it for: "the Harbor Safety
    Board (HSB)" in a speaker or a context sentence -> {"HSB": {("harbor", "safety",
    "board")}}. The name is the run of words before the parenthesis whose initials spell the
    acronym (of every word, or of the capitalised ones)."""
    found: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    if not acronyms:
        return found
    texts = [quotes["speaker"]] + ([quotes["sentence"]] if "sentence" in quotes else [])
    for col in texts:
        s = col.dropna()
        # (Arrow's regex on the column: pandas' str.contains leaves a reference cycle behind)
        hit = pc.match_substring_regex(
            pa.array(s.astype(object).tolist(), type=pa.large_string()), _ACRONYM_RE.pattern
        )
        s = s[hit.to_numpy(zero_copy_only=False)]
        for text in s.unique().tolist():
            for m in _ACRONYM_RE.finditer(text):
                if m.group(1) in acronyms:
                    name = _acronym_name(text[: m.start()], m.group(1))
                    if name:
                        found[m.group(1)].add(name)
    return found


def _acronym_name(before: str, acronym: str) -> tuple[str, ...] | None:
    """The words just before "(ACR)" that the acronym abbreviates, folded ("Department of
    Justice" before "(DOJ)"), or None."""
    m = _ACRONYM_NAME_RE.search(before)
    if m is None:
        return None
    words = m.group(1).split()
    want = acronym.lower().replace("&", "")
    for k in range(len(words)):
        tail = words[k:]
        every = "".join(w[0] for w in tail).lower()
        caps = "".join(w[0] for w in tail if w[0].isupper()).lower()
        if tail[0][0].isupper() and want in (every, caps):
            return name_words(" ".join(tail))
    return None


def org_words(name: str) -> tuple[str, ...]:
    """The words of an organisation's name, folded and lower-case, without a parenthesis, a
    leading "the" or a possessive: "The Harbor Gazette's" -> ("harbor", "gazette"). Unlike a
    person's name, no leading word is dropped as a title or place: "New Harbor Times" is not
    "Times"."""
    s = _PAREN_RE.sub(" ", name) if "(" in name else name
    words = [w.replace("’", "'") for w in _WORD_RE.findall(_folded(s).lower())]
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    if words and words[-1].endswith(("'s", "'")):
        words[-1] = words[-1].removesuffix("'s").removesuffix("'") or words[-1]
    return tuple(w for w in words if w)


@dataclass(slots=True)
class _NameKeys:
    """What speaker ids read of each distinct speaker name: whether it is named (a person or
    an organisation, by most of its rows, with a capitalised word), its words read as such,
    and its key ("donald j trump") as a position in ``keys``."""

    named: np.ndarray
    person: np.ndarray
    joint: np.ndarray  # people speaking together, by most of the rows: "Lund and Reyes"
    words: list[tuple[str, ...]]
    key_of: np.ndarray
    keys: list[str]
    n_rows: np.ndarray  # per key, the rows of its names


def _described(names: list[str]) -> np.ndarray:
    """Per name, whether it is a description of someone by their tie to a name ("a lawyer for
    Ada Lund", "Another close friend of Lund", "Democrats partial to Lund"): words before the
    tie that are no name (one in lower case). Such a speaker is not that person, so it is no
    name to merge across articles (its id stays per article). "Ada Lund of Texas" is Ada Lund."""
    return np.fromiter(
        (_description_of_tie(s.split()) for s in names), dtype=bool, count=len(names)
    )


def _description_of_tie(words: list[str]) -> bool:
    """:func:`_described` of one name's words."""
    tie = tie_at(words)
    return bool(tie) and any(not w[:1].isupper() for w in words[:tie])


def _name_keys(q: pd.DataFrame, codes: np.ndarray, names: list[str]) -> _NameKeys:
    n = len(names)
    typ = q["speaker_type"].to_numpy(dtype=object)
    votes_p = np.bincount(codes[typ == "person"], minlength=n)
    votes_o = np.bincount(codes[typ == "organisation"], minlength=n)
    capital = np.fromiter(
        (any(w[:1].isupper() for w in s.split()) for s in names), dtype=bool, count=n
    )
    # "Pelosi and Schumer" speak together: the pair is keyed by all its words, as an
    # organisation's name is, never by its last surname.
    joint = np.fromiter((" and " in s for s in names), dtype=bool, count=n)
    person = (votes_p >= votes_o) & ~joint
    named = ((votes_p + votes_o) > 0) & capital & ~(person & _described(names))
    words = [
        (person_words(s) if n else name_words(s)) if p else org_words(s)
        for s, p, n in zip(names, person.tolist(), named.tolist(), strict=True)
    ]
    has_words = np.fromiter((len(w) > 0 for w in words), dtype=bool, count=n)
    kcodes, kuniq = pd.factorize(pd.Series([" ".join(w) for w in words], dtype=object))
    named &= has_words
    n_rows = np.bincount(kcodes[codes], minlength=len(kuniq))
    together = joint & (votes_p >= votes_o) & named
    return _NameKeys(named, person & named, together, words, kcodes, kuniq.tolist(), n_rows)


def _known_tail(
    words: tuple[str, ...], position: dict[str, int], n_rows: np.ndarray
) -> tuple[str, ...]:
    """The words of a person's name, or the last of them when they are the name of a person
    quoted more often than the whole ("Draft-dodger Ada Brennan" -> ("ada", "brennan") when
    "Ada Brennan" has more rows): words caught before a known name are not part of it. A
    tail starting with an initial ("W. Brennan") is no name of its own."""
    own = position.get(" ".join(words))
    for i in range(1, len(words) - 1):
        k = position.get(" ".join(words[i:]))
        if k is not None and len(words[i]) > 1 and (own is None or n_rows[k] > n_rows[own]):
            return words[i:]
    return words


def _key_candidates(q: pd.DataFrame, nk: _NameKeys) -> list[list[str]]:
    """Per distinct key, the ids it may denote (one: resolved): a person's name by
    :func:`person_candidates`, an organisation by its name or the name its acronym states."""
    words_of: list[tuple[str, ...]] = [()] * len(nk.keys)
    for w, k in zip(nk.words, nk.key_of.tolist(), strict=True):
        words_of[k] = w
    person = sorted(set(nk.key_of[nk.person].tolist()))
    org = sorted(set(nk.key_of[nk.named & ~nk.person].tolist()) - set(person))
    position = {nk.keys[k]: k for k in person}
    pnames = {k: PersonName.of(_known_tail(words_of[k], position, nk.n_rows)) for k in person}
    rows: dict[PersonName, int] = defaultdict(int)
    for k, p in pnames.items():
        rows[p] += int(nk.n_rows[k])
    cands = person_candidates(
        sorted(set(pnames.values()), key=lambda p: (p.given, p.surname, p.suffix)), rows
    )
    out: list[list[str]] = [[k] for k in nk.keys]
    for k, p in pnames.items():
        out[k] = cands[p]
    org_keys = {nk.keys[k] for k in org}
    acronyms = {nk.keys[k].upper() for k in org if len(words_of[k]) == 1}
    for acr, stated in stated_acronyms(q, acronyms).items():
        targets = sorted({" ".join(w) for w in stated} & org_keys - {acr.lower()})
        if len(targets) == 1:
            out[nk.keys.index(acr.lower())] = targets
    return out


def speaker_ids(quotes: pd.DataFrame) -> pd.Series:
    """The ``speaker_id`` of each row of a quote table (columns ``doc_id``, ``speaker``,
    ``speaker_type``; ``sentence`` for stated acronyms): one id per person or organisation of
    the whole table, missing where ``speaker`` is (the forms are described above).

    >>> speaker_ids(table of "Donald J. Trump" in a, "Mr. Trump" in b)  # -> "donald trump" twice

    It reads the whole table: an id can change when articles are added (a second "Trump"
    makes "Trump" ambiguous), so parts of a corpus are joined before ids are given.
    """
    out = np.full(len(quotes), None, dtype=object)
    has = quotes["speaker"].notna().to_numpy(dtype=bool)
    if has.any():
        q = quotes.loc[has]
        codes, uniques = pd.factorize(q["speaker"])
        nk = _name_keys(q, codes, [s if isinstance(s, str) else str(s) for s in uniques.tolist()])
        key = nk.key_of[codes]
        named = nk.named[codes]
        cands = _key_candidates(q, nk)
        docs = q["doc_id"].astype("str").to_numpy(dtype=object)
        ids = np.array([c[0] for c in cands], dtype=object)[key]
        ambiguous = named & np.array([len(c) > 1 for c in cands], dtype=bool)[key]
        if ambiguous.any():
            resolved = named & ~ambiguous
            best = dominant_candidates(
                cands, ids[resolved], key[ambiguous], docs[resolved], docs[ambiguous]
            )
            ids[ambiguous] = _resolved_in_article(
                docs, key, ids, resolved, ambiguous, cands, nk.keys, best
            )
        _given_names_in_article(docs, key, ids, nk.person[codes], nk.keys)
        _described_surnames_in_article(docs, ids, nk.person[codes])
        if nk.joint.any():
            _joint_ids(docs, ids, nk.joint[codes], nk.person[codes], names_of=uniques, codes=codes)
        local = ~named
        ids[local] = np.array(nk.keys, dtype=object)[key[local]] + LOCAL_SEP + docs[local]
        out[has] = ids
    return pd.Series(out, index=quotes.index, dtype="str", name="speaker_id")


def _given_names_in_article(
    docs: np.ndarray, key: np.ndarray, ids: np.ndarray, person: np.ndarray, keys: list[str]
) -> None:
    """Give a person written by a known given name alone that no person bears as a surname
    (its id is its own key) the id of the one person of the article with that given name, in
    place ("Andrea" in an article quoting "Andrea Lund" -> "andrea lund", as "Lund" is; a
    short form counts as its full name, "Chuck" for "Charles Lund"). With two people of that
    given name in the article, or none, the row keeps its id."""
    one = np.fromiter((" " not in k for k in keys), dtype=bool, count=len(keys))[key] & person
    if not one.any():
        return
    wanted = set(docs[one].tolist())
    by_given: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    surnames: dict[str, set[str]] = defaultdict(set)
    full = person & ~one
    for d, i in zip(docs[full].tolist(), ids[full].tolist(), strict=True):
        if d in wanted and " " in i:
            words = i.split()
            by_given[d][words[0]].add(i)
            surnames[d].add(words[-2] if words[-1] in _SUFFIXES else words[-1])
    short = nicknames()
    for r in np.flatnonzero(one).tolist():
        d, word = docs[r], keys[key[r]]
        fits = by_given.get(d, {}).get(short.get(word, word), set())
        # (a known given name: "Li" before "Li Wen" may be the family name, written first)
        known = word in GIVEN_NAMES or word in short or word in short.values()
        if known and ids[r] == word and len(fits) == 1 and word not in surnames.get(d, ()):
            ids[r] = next(iter(fits))


def _described_surnames_in_article(docs: np.ndarray, ids: np.ndarray, person: np.ndarray) -> None:
    """Give a person id of a describing word and a surname ("lawyer lund", from "Lawyer
    Lund", as two words the rules cannot tell from a given name and a surname) the id of the
    one other person of its article with that surname and a known given name, in place
    ("andrea lund"); with none or two, the row keeps its id."""
    described = np.fromiter(
        (i.count(" ") == 1 and descriptor_word(i.split()[0].capitalize()) for i in ids.tolist()),
        dtype=bool,
        count=len(ids),
    )
    described &= person
    if not described.any():
        return
    wanted = set(docs[described].tolist())
    by_surname: dict[tuple[str, str], set[str]] = defaultdict(set)
    others = person & ~described
    short = nicknames()
    for d, i in zip(docs[others].tolist(), ids[others].tolist(), strict=True):
        if d in wanted and " " in i and LOCAL_SEP not in i:
            # (a person by a known given name: "Tory MPs" is no person of the surname "MPs")
            given = i.split()[0]
            if given in GIVEN_NAMES or given in short.values():
                by_surname[d, i.split()[-1]].add(i)
    for r in np.flatnonzero(described).tolist():
        fits = by_surname.get((docs[r], ids[r].split()[-1]), set())
        if len(fits) == 1:
            ids[r] = next(iter(fits))


def joint_members(name: str) -> list[tuple[str, ...]] | None:
    """The people of a speaker that names several together, as :func:`person_words`:
    "Ada Lund, Ivo Reyes and Mia Park" -> [("ada", "lund"), ("ivo", "reyes"), ("mia",
    "park")]; a surname written once for all ("Ada and Ivo Lund") goes to each given name
    before it. None when a member is no well-formed name ("Lund and the board")."""
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", name) if p.strip()]
    if len(parts) < 2:
        return None
    members: list[tuple[str, ...]] = []
    for part in parts:
        head = part.split(" of ")[0].split(" from ")[0].split()
        if not all(w[:1].isupper() or w in SURNAME_PARTICLES for w in head):
            return None  # "Lund and the board", "Law and Justice governor of Dover"
        cased = _without_openers(_cased_words(part))
        tie = next((i for i, w in enumerate(cased) if i and w in ("of", "from")), 0)
        cased = cased[:tie] if tie else cased
        if not cased or not well_formed(cased):
            return None
        members.append(tuple(w.lower() for w in cased))
    last = members[-1]
    if len(last) == 2 and all(len(m) == 1 and m[0] in GIVEN_NAMES for m in members[:-1]):
        # "Ada and Ivo Lund": the surname written once goes to each given name
        members = [(m[0], last[-1]) for m in members[:-1]]
        members.append(last)
    return members


def _joint_ids(
    docs: np.ndarray,
    ids: np.ndarray,
    joint: np.ndarray,
    person: np.ndarray,
    names_of: pd.Index,
    codes: np.ndarray,
) -> None:
    """The id of each row of people speaking together, in place: the ids of its members
    (each read as its article's person of that surname, else as a name of its own), sorted
    and joined by " and ": "Lund and Reyes" in an article quoting Ada Lund and Ivo Reyes ->
    "ada lund and ivo reyes", as "Ivo Reyes and Ada Lund" is. A member that is no name, or a
    group's word, leaves the row's id as it is (the words of the whole speaker: "democrats
    and republicans")."""
    wanted = set(docs[joint].tolist())
    in_doc: dict[str, list[str]] = defaultdict(list)
    alone = person & ~joint
    for d, i in zip(docs[alone].tolist(), ids[alone].tolist(), strict=True):
        if d in wanted and " " in i and LOCAL_SEP not in i:
            in_doc[d].append(i)
    for r in np.flatnonzero(joint).tolist():
        members = joint_members(str(names_of[codes[r]]))
        found = [_member_id(m, in_doc.get(docs[r], [])) for m in members or ()]
        if found and all(found):
            ids[r] = " and ".join(sorted(set(found)))


def _member_id(words: tuple[str, ...], named: list[str]) -> str:
    """The id of one of people speaking together: the one person of ``named`` (its article's
    person ids) with its surname and given name, else its own name's id; "" for a group's
    word ("Democrats", "Commercial Workers"), which is no person."""
    p = PersonName.of(words)
    if p.surname in SPEAKER_NOUNS or p.surname in UNRESOLVED:
        return ""  # "Democrats", "His": no person
    fits = {
        i
        for i in named
        if i.split()[-1] == p.surname
        and (not p.given or i.split()[0] == p.given[0] or len(p.given[0]) == 1)
    }
    if len(fits) == 1:
        return next(iter(fits))
    return p.base() if p.given else p.surname


# How many times more articles than the next person of that surname quote one person before
# the surname alone means that person where the article names none of them. (A ratio to the
# next one, not a share of all: misread names, "Angry Trump", make a long tail. Articles, not
# quotations: one long interview of a namesake must not make the surname ambiguous.) On the
# shared corpus the ratios are 87 for Trump, 4.9 for Clinton, 1.7 for Sanders.
DOMINANT_RATIO = 10


def dominant_candidates(
    cands: list[list[str]],
    resolved_ids: np.ndarray,
    ambiguous_keys: np.ndarray,
    resolved_docs: np.ndarray,
    ambiguous_docs: np.ndarray,
) -> dict[int, str]:
    """Per ambiguous key (a position in ``cands``), the candidate quoted in at least
    ``DOMINANT_RATIO`` times as many articles as any other: the person a bare surname means
    in a corpus where one of that name is quoted far more than the others ("Trump" -> Donald
    Trump beside Melania or Eric Trump; "Bush" stays ambiguous when George W. and Jeb Bush are
    both quoted often). Rows counted: those resolved (``resolved_ids`` in ``resolved_docs``),
    then also the ambiguous rows (``ambiguous_keys``) of keys that the first count settles
    ("Paul Ryan" between two middle initials), so that "Ryan" counts them too."""
    out = _dominant(cands, _articles_per_id(resolved_docs, resolved_ids))
    settled = pd.Series(ambiguous_keys, dtype=object).map(out)
    found = settled.notna().to_numpy(dtype=bool)
    if found.any():
        docs = np.concatenate([resolved_docs, ambiguous_docs[found]])
        ids = np.concatenate([resolved_ids, settled.to_numpy(dtype=object)[found]])
        out = _dominant(cands, _articles_per_id(docs, ids))
    return out


def _articles_per_id(docs: np.ndarray, ids: np.ndarray) -> pd.Series:
    """How many distinct articles hold each id."""
    pairs = pd.DataFrame({"doc": docs, "id": ids}, dtype=object).drop_duplicates()
    return pairs["id"].value_counts()


def _dominant(cands: list[list[str]], counts: pd.Series) -> dict[int, str]:
    """:func:`dominant_candidates` for one count of articles per id."""
    out: dict[int, str] = {}
    for k, cs in enumerate(cands):
        if len(cs) < 2:
            continue
        n = sorted(((int(counts.get(c, 0)), c) for c in cs), key=lambda x: (-x[0], x[1]))
        if n[0][0] > 0 and n[0][0] >= DOMINANT_RATIO * n[1][0]:
            out[k] = n[0][1]
    return out


def _resolved_in_article(
    docs: np.ndarray,
    key: np.ndarray,
    ids: np.ndarray,
    resolved: np.ndarray,
    ambiguous: np.ndarray,
    cands: list[list[str]],
    keys: list[str],
    dominant: dict[int, str],
) -> list[str]:
    """Ids of the ambiguous rows: the one candidate their article names unambiguously ("Trump"
    in an article quoting "Donald Trump"); where the article names none of them, names the
    corpus's dominant one (:func:`dominant_candidates`) among others, or names two others
    and so says nothing of which one a bare surname means, that one; else the name's own key
    ("trump")."""
    wanted = set(docs[ambiguous].tolist())
    in_doc = pd.Series(docs, dtype=object).isin(wanted).to_numpy(dtype=bool) & resolved
    named_in: dict[str, set[str]] = defaultdict(set)
    for d, i in zip(docs[in_doc].tolist(), ids[in_doc].tolist(), strict=True):
        named_in[d].add(i)
    out = []
    for d, k in zip(docs[ambiguous].tolist(), key[ambiguous].tolist(), strict=True):
        fits = [c for c in cands[k] if c in named_in.get(d, ())]
        if len(fits) == 1:
            out.append(fits[0])
        elif k in dominant and (len(fits) != 1 or dominant[k] in fits):
            out.append(dominant[k])
        else:
            out.append(keys[k])
    return out


def with_speaker_ids(quotes: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with its ``speaker_id`` column (see :func:`speaker_ids`) after ``speaker``,
    computed over the whole table (a stale one is replaced)."""
    out = quotes.drop(columns=["speaker_id"]) if "speaker_id" in quotes else quotes.copy()
    at = list(out.columns).index("speaker") + 1
    out.insert(at, "speaker_id", speaker_ids(out))
    return out


def speaker_ranks(values: list) -> np.ndarray:
    """Position of each value in Python's sorted order (equal values: the same position)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:  # Arrow sorts UTF-8 bytes: the order of code points, as Python sorts str
        return (
            pc.rank(
                pa.array(values, type=pa.large_string()), sort_keys="ascending", tiebreaker="dense"
            )
            .to_numpy()
            .astype(np.int64)
            - 1
        )
    except (pa.ArrowException, UnicodeError):  # not all str, or lone surrogates
        pass
    rank = np.empty(len(values), dtype=np.int64)
    r, prev = -1, None
    for i in sorted(range(len(values)), key=values.__getitem__):
        if r < 0 or values[i] != prev:
            r, prev = r + 1, values[i]
        rank[i] = r
    return rank


def _groups(keys: pd.Series) -> tuple[np.ndarray, np.ndarray, int]:
    """Rows with the same key as one group, groups numbered in the sorted order of their keys:
    (positions of the rows that have a key, their group, number of groups)."""
    codes, uniques = pd.factorize(keys)
    kept = np.flatnonzero(codes >= 0)
    return kept, speaker_ranks(uniques.tolist())[codes[kept]], len(uniques)


def _group_keys(keys: pd.Series, kept: np.ndarray, group: np.ndarray, n: int) -> list[str]:
    """The key of each group of :func:`_groups`, in group order."""
    out = np.empty(n, dtype=object)
    out[group] = keys.to_numpy(dtype=object)[kept]
    return out.tolist()


def _pairs(
    group: np.ndarray, codes: np.ndarray, n_codes: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct (group, code) pairs of the rows, sorted, and how many rows have each."""
    n = max(n_codes, 1)
    pair, count = np.unique(group.astype(np.int64) * n + codes, return_counts=True)
    return pair // n, pair % n, count


def _starts(group: np.ndarray) -> np.ndarray:
    """Positions where a new group begins in ``group`` (sorted)."""
    return np.flatnonzero(np.r_[True, group[1:] != group[:-1]]) if len(group) else group


def _first(group: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Per group, in group order, the first position of ``order`` (a sort whose first key is
    ``group``; every group 0..n-1 present)."""
    return order[_starts(group[order])]


def _joined(group: np.ndarray, parts: list[str]) -> list[str]:
    """``"; ".join`` of ``parts`` per group, in group order (``group`` sorted, every group
    0..n-1 present)."""
    starts = _starts(group).tolist()
    return ["; ".join(parts[s:e]) for s, e in zip(starts, starts[1:] + [len(group)], strict=True)]


def _unfolded(s: str) -> bool:
    """``fold_diacritics(s) == s``, quick for names without diacritics."""
    return s.isascii() or (
        unicodedata.is_normalized("NFKD", s)
        and MAY_FOLD.search(s) is None
        or fold_diacritics(s) == s
    )


def _fullest_names(
    group: np.ndarray, codes: np.ndarray, names: SpeakerNames, ids: list[str]
) -> tuple[list[str], list[str]]:
    """Per group of rows (``ids``: its speaker_id): the fullest spelling of its speaker (one
    that reads first and last as the id does first, "Donald J. Trump" for "donald trump" and
    not "Shares Donald Trump"; then well-formed, most words, with diacritics, most frequent,
    first in sorted order), and its spellings sorted and joined by "; ". Words are counted
    without titles and roles."""
    g, c, n = _pairs(group, codes, len(names.names))
    ends = [(w[0], w[-1]) if LOCAL_SEP not in i and (w := i.split()) else None for i in ids]
    odd = np.fromiter(
        (
            ends[a] is not None and names.ends[b] != ends[a]
            for a, b in zip(g.tolist(), c.tolist(), strict=True)
        ),
        dtype=bool,
        count=len(g),
    )
    words = np.array(names.n_words, dtype=np.int64)
    messy = ~np.array(names.clean, dtype=bool)
    plain = np.array([_unfolded(s) for s in names.names], dtype=bool)
    rank = speaker_ranks(names.names)
    best = _first(g, np.lexsort((rank[c], -n, plain[c], -words[c], messy[c], odd, g)))
    by_name = np.lexsort((rank[c], g))
    return (
        [names.names[k] for k in c[best].tolist()],
        _joined(g[by_name], [names.names[k] for k in c[by_name].tolist()]),
    )


def speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per ``speaker_id`` (one person or organisation across the corpus: see
    :func:`speaker_ids`; the table's column, else computed over ``quotes``).

    Names of one person merge with diacritics folded and titles dropped ("Turkish President
    Recep Tayyip Erdogan" == "Erdoğan"), a surname alone with the only person of the corpus
    who bears it; organisations by their name or a stated acronym. Anonymous and document
    speakers ("the sources", "the report") are different people in each article, so they merge
    only within one. Columns: ``speaker`` (the fullest well-formed spelling, diacritics kept),
    ``speaker_id``, ``speaker_type`` (the rows' most frequent; ``people`` for people quoted
    together, "Ada Lund and Ivo Reyes", no one person), ``n_quotes``, ``n_docs``,
    ``n_outlets``, ``by_outlet`` ("JNS: 4; unknown: 6", most first), ``aliases`` (spellings
    used). Sorted by n_quotes descending, then speaker.
    """
    return speaker_rows(with_ids_read(quotes, ("doc_id", "outlet", "speaker", "speaker_type")))


# The columns of :func:`speakers`, in order.
SPEAKER_COLUMNS = [
    "speaker",
    "speaker_id",
    "speaker_type",
    "n_quotes",
    "n_docs",
    "n_outlets",
    "by_outlet",
    "aliases",
]


def speaker_rows(
    q: pd.DataFrame, codes: np.ndarray | None = None, names: SpeakerNames | None = None
) -> pd.DataFrame:
    """:func:`speakers` of ``q``, the rows with a speaker (``codes`` and ``names``: see
    :func:`_speaker_keys`). Counted over (group, value) pairs at once: a loop over the 221,000
    speakers of the whole corpus took minutes. tests/test_speaker_table.py checks it against that
    loop."""
    cols = SPEAKER_COLUMNS
    if q.empty:
        return pd.DataFrame(columns=cols)
    if codes is None or names is None:
        codes, names = _speaker_codes(q["speaker"])
    keys = _speaker_keys(q)
    kept, group, n_groups = _groups(keys)
    id_of = _group_keys(keys, kept, group, n_groups)
    if len(kept) < len(q):  # a row without a key (missing doc_id) is in no group
        q, codes = q.iloc[kept], codes[kept]
    fullest, aliases = _fullest_names(group, codes, names, id_of)
    # Type: the most frequent one (ties: first in sorted order).
    tcodes, type_values = pd.factorize(q["speaker_type"])
    types = type_values.tolist()
    has = tcodes >= 0
    g, t, n = _pairs(group[has], tcodes[has], len(types))
    type_of = [
        types[k] for k in t[_first(g, np.lexsort((speaker_ranks(types)[t], -n, g)))].tolist()
    ]
    # People speaking together ("ada lund and ivo reyes") are no one person.
    type_of = [
        "people" if t == "person" and " and " in i else t
        for t, i in zip(type_of, id_of, strict=True)
    ]
    # Articles: distinct doc ids.
    dcodes, doc_ids = pd.factorize(q["doc_id"])
    has = dcodes >= 0
    n_docs = np.bincount(_pairs(group[has], dcodes[has], len(doc_ids))[0], minlength=n_groups)
    # Outlets: "outlet: n", most first, ties by name.
    outlet = q["outlet"] if "outlet" in q else pd.Series("unknown", index=q.index)
    ocodes, outlets = pd.factorize(outlet, use_na_sentinel=False)
    labels = [str(o) for o in outlets.tolist()]
    g, o, n = _pairs(group, ocodes, len(labels))
    order = np.lexsort((speaker_ranks(labels)[o], -n, g))
    by_outlet = _joined(
        g[order],
        [f"{labels[k]}: {m}" for k, m in zip(o[order].tolist(), n[order].tolist(), strict=True)],
    )
    out = pd.DataFrame(
        {
            "speaker": fullest,
            "speaker_id": id_of,
            "speaker_type": type_of,
            "n_quotes": np.bincount(group, minlength=n_groups).tolist(),
            "n_docs": n_docs.tolist(),
            "n_outlets": np.bincount(g, minlength=n_groups).tolist(),
            "by_outlet": by_outlet,
            "aliases": aliases,
        },
        columns=cols,
    )
    return out.sort_values(
        ["n_quotes", "speaker", "by_outlet"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)


def speaker_outlet_counts(quotes: pd.DataFrame, *, named_only: bool = True) -> pd.DataFrame:
    """Quotations per outlet and canonical speaker, long: columns outlet, speaker, n_quotes.

    ``named_only`` keeps persons and organisations with a name (what a chart of "who gets
    quoted" shows); anonymous and document speakers are per article and would not add up.
    Sorted by outlet, n_quotes descending, speaker.
    """
    cols = ["outlet", "speaker", "n_quotes"]
    q = with_ids_read(quotes, ("doc_id", "outlet", "speaker", "speaker_type"))
    if q.empty:
        return pd.DataFrame(columns=cols)
    q = q.assign(outlet=q["outlet"] if "outlet" in q else "unknown")
    codes, names = _speaker_codes(q["speaker"])
    keys = _speaker_keys(q)
    if named_only:
        named = ~keys.str.contains(LOCAL_SEP, regex=False).to_numpy(dtype=bool)
        q, keys, codes = q[named], keys[named], codes[named]
    # Display name per key: the fullest spelling, as in speakers().
    kept, group, n_groups = _groups(keys)
    q = q.iloc[kept]
    ids = _group_keys(keys, kept, group, n_groups)
    fullest, _aliases = _fullest_names(group, codes[kept], names, ids)
    q["speaker"] = np.array(fullest, dtype=object)[group]
    out = q.groupby(["outlet", "speaker"]).size().rename("n_quotes").reset_index()
    return out.sort_values(
        ["outlet", "n_quotes", "speaker"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)[cols]


def display_names(quotes: pd.DataFrame) -> pd.Series:
    """Per row, the name :func:`speakers` shows for its ``speaker_id`` (the fullest spelling
    of the rows given; missing where ``speaker`` is), aligned with ``quotes``."""
    out = np.full(len(quotes), None, dtype=object)
    q = with_ids_read(quotes, ("speaker",))
    if len(q):
        has = np.flatnonzero(quotes["speaker"].notna().to_numpy(dtype=bool))
        codes, names = _speaker_codes(q["speaker"])
        keys = _speaker_keys(q)
        kept, group, n_groups = _groups(keys)
        ids = _group_keys(keys, kept, group, n_groups)
        fullest, _aliases = _fullest_names(group, codes[kept], names, ids)
        out[has[kept]] = np.array(fullest, dtype=object)[group]
    return pd.Series(out, index=quotes.index, dtype=object)
