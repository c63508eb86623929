"""Build the word lists the quote extractor reads from news usage, counted over the shared
multi-outlet corpus (the files hold words and nothing else):

    python -m bench.build_word_lists      # rewrites the files; deterministic

``analysis/data/lowercase_words.txt``: the words English news writes in lower case,
capitalised almost only where they open a sentence ("Take", "Despite", "Rather",
"Multiple"). A name run that starts with one of them at a sentence opening ("Take Ada Lund,
for instance") does not start with a given name, even in an article that never writes the
word in lower case itself. A word is listed when the corpus writes it in lower case at least
``MIN_LOWER`` times, fewer than ``MAX_CAPITAL_SHARE`` of its uses inside a sentence are
capitalised (so surnames that are words, "Young", "Green", "White", stay out, and so do
given names, "John", "Frank"), and it opens a sentence capitalised at least ``MIN_OPENING``
times (else it could not be mistaken).

``analysis/data/mostly_lowercase_words.txt``: the words English news writes in lower case
more often than not, though titles and names capitalise them ("Medical", "Delegate",
"Counsel", "Crooked"): listed when the corpus writes a word in lower case at least
``MIN_LOWER`` times and fewer than ``MAX_DESCRIPTOR_CAPITAL_SHARE`` of its uses inside a
sentence are capitalised. Capitalised before a given name ("Medical Examiner Jonathan
Lucas"), such a word describes the person and is no part of the name; given names that are
words ("Grace", "Will") are left out where the list is read.

``analysis/data/given_name_sexes.txt``: given names with the sex the corpus's honorifics give
them ("Mrs. Lund" in an article that names "Ada Lund": Ada is a woman's name), one "name sex"
a line, when at least ``MIN_HONORIFIC`` articles agree ``MIN_SEX_SHARE`` of the time; so "she
said" skips "Ivo Lund" in articles that use no honorific. Words, titles and honorifics are no
given names ("Chairman", "Because").

``analysis/data/given_names.txt``: given names, without sex: words that open a person's full
name after a title or honorific ("Sen. Ada Lund", "Dr. Ada K. Lund"), or before a surname the
article writes with "Mr."/"Ms." ("Ada Lund" ... "Ms. Lund"), with at least ``MIN_SURNAMES``
different surnames over the corpus. A word is left out when news writes it in lower case as
often as it capitalises it inside a sentence ("Hurricane"), it is a title, place, organisation
word, demonym or particle, an everyday word (as for the sexed list), or it stands after a title
as a surname at least ``SURNAME_RATIO`` times as often as it opens a name ("Bush", "Gray").
Weekdays, months, acronyms and suffixes count as neither given name nor surname ("President
Obama Friday said" makes no "Obama" a given name).

``analysis/data/finite_verbs.txt``: words that follow a subject pronoun ("he knew", "she
appears", "they note") at least ``MIN_AFTER_PRONOUN`` times and a determiner or possessive at
most ``MAX_AFTER_DETERMINER`` as often ("the report", "his claims" keep "report" and "claims"
out), less base forms ("think", as in "think tank"): finite verbs and adverbs, which end a
speaker mention ("Ada Lund knew" -> Ada Lund).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import require_corpus

DATA = Path(__file__).resolve().parents[1] / "analysis" / "data"
MIN_LOWER = 30
MAX_CAPITAL_SHARE = 0.03
MIN_OPENING = 2
MAX_DESCRIPTOR_CAPITAL_SHARE = 0.4
MIN_AFTER_PRONOUN = 10
MAX_AFTER_DETERMINER = 0.02
_PRONOUNS = frozenset("he she it they we i who".split())
_DETERMINERS = frozenset(
    "the a an these those his its their our my your every each some many".split()
)
_RUN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
MIN_HONORIFIC = 4
MIN_SEX_SHARE = 0.9
# A given name and a surname ("Ada Lund", "Ada K. Lund"); an honorific and a surname.
_FULL_NAME = re.compile(r"\b([A-Z][a-z]{1,14}) (?:[A-Z]\. )?([A-Z][a-zA-Z’'\-]{1,20})\b")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.? ([A-Z][\w’'\-]+)")
_WORD = re.compile(r"[A-Za-z][a-z]+")
MIN_SURNAMES = 3
_SUFFIXES = frozenset({"jr", "sr"})
# A regnal number follows a given name ("Benedict XVI", "Elizabeth II"), unlike an acronym.
_REGNAL = re.compile(r"[IVX]+")
SURNAME_RATIO = 2
# A capitalised word, a given name and a surname, and no more capitals ("Sen. Ada K. Lund said").
_TITLED_NAME = re.compile(
    r"\b([A-Z][a-z]{1,14})\.? ([A-Z][a-z]{1,14}) (?:[A-Z]\. )?([A-Z][a-zA-Z’'\-]{1,20})"
    r"(?=[ ,.;:)][^A-Z])"
)
# What may stand between a sentence's end and its first word.
_OPENERS = " \t\"“‘'("
_ENDS = ".?!:\n—–-•·"


def count_cases(texts: Iterable[str]) -> tuple[Counter, Counter, Counter]:
    """Per lower-cased word: uses in lower case, capitalised inside a sentence, capitalised at
    a sentence's opening. Words glued to a letter, digit, hyphen or apostrophe are skipped."""
    lower: Counter = Counter()
    inside: Counter = Counter()
    opening: Counter = Counter()
    for t in texts:
        for m in _WORD.finditer(t):
            w, i = m.group(0), m.start()
            if i > 0 and (t[i - 1].isalnum() or t[i - 1] in "-'’"):
                continue
            if w[0].islower():
                lower[w] += 1
                continue
            j = i - 1
            while j >= 0 and t[j] in _OPENERS:
                j -= 1
            (opening if j < 0 or t[j] in _ENDS else inside)[w.lower()] += 1
    return lower, inside, opening


def lowercase_words(lower: Counter, inside: Counter, opening: Counter) -> list[str]:
    """The listed words (module docstring), sorted."""
    return sorted(
        w
        for w, n in lower.items()
        if n >= MIN_LOWER
        and inside[w] < MAX_CAPITAL_SHARE * (n + inside[w])
        and opening[w] >= MIN_OPENING
    )


def mostly_lowercase_words(lower: Counter, inside: Counter) -> list[str]:
    """The words of ``mostly_lowercase_words.txt`` (module docstring), sorted."""
    return sorted(
        w
        for w, n in lower.items()
        if n >= MIN_LOWER and inside[w] < MAX_DESCRIPTOR_CAPITAL_SHARE * (n + inside[w])
    )


def count_followers(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """Per lower-case word: uses right after a subject pronoun, and right after a determiner
    or possessive."""
    after_pronoun: Counter = Counter()
    after_determiner: Counter = Counter()
    for t in texts:
        prev = ""
        for m in _RUN.finditer(t):
            w = m.group(0)
            if w.islower():
                if prev in _PRONOUNS:
                    after_pronoun[w] += 1
                elif prev in _DETERMINERS:
                    after_determiner[w] += 1
            prev = w.lower()
    return after_pronoun, after_determiner


def finite_verbs(after_pronoun: Counter, after_determiner: Counter) -> list[str]:
    """The listed verbs and adverbs (module docstring), sorted."""
    return sorted(
        w
        for w, n in after_pronoun.items()
        if n >= MIN_AFTER_PRONOUN
        and after_determiner[w] <= MAX_AFTER_DETERMINER * n
        and not _base_form(w, after_pronoun)
    )


def _base_form(w: str, after_pronoun: Counter) -> bool:
    """Whether ``w`` is a verb's base form, its "-s" form also following pronouns ("think",
    "negotiate"): after an adjective or "to" a base form is a noun or an infinitive ("a
    think tank", "to negotiate"), no finite verb."""
    return max(after_pronoun[w + "s"], after_pronoun[w + "es"]) >= MIN_AFTER_PRONOUN


def count_honorific_sexes(texts: Iterable[str]) -> dict[str, Counter]:
    """Per given name: in how many articles a surname it is written with takes "Mr." ("m") or
    "Mrs."/"Ms."/"Miss" ("f"), the surname's honorifics agreeing within the article."""
    out: dict[str, Counter] = {}
    for t in texts:
        sexes: dict[str, set[str]] = {}
        for m in _HONORIFIC.finditer(t):
            sexes.setdefault(m.group(2), set()).add("m" if m.group(1) == "Mr" else "f")
        if not sexes:
            continue
        seen = set()
        for m in _FULL_NAME.finditer(t):
            given, surname = m.group(1), m.group(2)
            one = sexes.get(surname, set())
            if len(one) == 1 and (given, surname) not in seen:
                seen.add((given, surname))
                out.setdefault(given.lower(), Counter())[next(iter(one))] += 1
    return out


def given_name_sexes(counts: dict[str, Counter], lowercase: Iterable[str]) -> list[str]:
    """The listed "name sex" lines (module docstring), sorted; no word of ``lowercase`` (the
    words news writes in lower case) and no title, honorific or everyday word is listed."""
    not_names = _not_given_names(frozenset(lowercase))
    lines = []
    for name, c in counts.items():
        n = c["m"] + c["f"]
        sex, k = c.most_common(1)[0]
        if n >= MIN_HONORIFIC and k >= MIN_SEX_SHARE * n and not not_names(name):
            lines.append(f"{name} {sex}")
    return sorted(lines)


@dataclass
class NameCounts:
    """Per lower-cased word: the surnames written after it as a given name (``surnames``),
    and the words written before it as a surname after a title (``givens``)."""

    surnames: dict[str, set[str]] = field(default_factory=dict)
    givens: dict[str, set[str]] = field(default_factory=dict)


def count_given_names(texts: Iterable[str], not_words: frozenset[str]) -> NameCounts:
    """The full names of each text (module docstring, ``given_names.txt``): after a title
    ("Sen. Ada Lund") or before a surname the text writes with an honorific; a "surname" of
    ``not_words`` ("National Hurricane Center": an organisation word) is no name."""
    from analysis.quotes.attribution import LEX

    titles = LEX["titles"] | {"mr", "mrs", "ms", "miss", "dr"}
    out = NameCounts()
    for t in texts:
        titled = {
            (m.group(2), m.group(3))
            for m in _TITLED_NAME.finditer(t)
            if m.group(1).lower() in titles
        }
        honored = {m.group(2) for m in _HONORIFIC.finditer(t)}
        named = {(m.group(1), m.group(2)) for m in _FULL_NAME.finditer(t) if m.group(2) in honored}
        for given, surname in sorted(titled | named):
            if surname.lower() in not_words or no_name_part(surname) or no_name_part(given):
                continue
            out.surnames.setdefault(given.lower(), set()).add(surname)
            if (given, surname) in titled:
                out.givens.setdefault(surname.lower(), set()).add(given)
    return out


def no_name_part(word: str) -> bool:
    """Whether a capitalised word is no part of a full name: a weekday, month or other word
    that is no name ("President Lund Friday said": "Lund" would count as a given name), an
    acronym ("Lund EPA") or a suffix ("Lund Jr": "Lund" is a surname there)."""
    from analysis.quotes.attribution import LEX

    low = word[:-2].lower() if word.endswith(("'s", "’s")) else word.lower()
    if low in LEX["word_given_names"]:  # "April", "June": months that are names too
        return False
    acronym = word.isupper() and not _REGNAL.fullmatch(word)
    return low in LEX["not_names"] or acronym or low in _SUFFIXES


def given_names(
    counts: NameCounts, lower: Counter, inside: Counter, not_words: frozenset[str]
) -> list[str]:
    """The listed given names (module docstring), sorted: ``lower`` and ``inside`` count
    each word's uses in lower case and capitalised inside a sentence (:func:`count_cases`);
    ``not_words`` are the words news writes in lower case, titles, places and the like."""
    not_names = _not_given_names(not_words)
    return sorted(
        g
        for g, surnames in counts.surnames.items()
        if len(surnames) >= MIN_SURNAMES
        and lower[g] < inside[g]
        and len(counts.givens.get(g, ())) < SURNAME_RATIO * len(surnames)
        and not not_names(g)
    )


def not_name_words(lowercase: Iterable[str], mostly: Iterable[str]) -> frozenset[str]:
    """Words that are no given name nor surname: words news writes in lower case (or more
    often so than not), titles, honorifics, places, organisation words, demonyms, particles."""
    from analysis.quotes.attribution import LEX
    from analysis.quotes.resolve import SURNAME_PARTICLES

    return (
        frozenset(lowercase)
        | frozenset(mostly)
        | LEX["titles"]
        | {"mr", "mrs", "ms", "miss", "dr"}
        | LEX["places"]
        | LEX["org_words"]
        | LEX["demonyms"]
        | SURNAME_PARTICLES
    ) - LEX["word_given_names"]


def _not_given_names(lowercase: frozenset[str]) -> Callable[[str], bool]:
    """Whether a capitalised first word is no given name: a title, an honorific, a word news
    writes in lower case, or an everyday word (Zipf 5.5 or more: "Because", "Another") that
    is not also a given name ("Will")."""
    from wordfreq import zipf_frequency

    from analysis.quotes.attribution import LEX

    titles = LEX["titles"] | {"mr", "mrs", "ms", "miss"}

    def test(name: str) -> bool:
        if name in lowercase or name in titles:
            return True
        return zipf_frequency(name, "en") >= 5.5 and name not in LEX["word_given_names"]

    return test


def corpus_texts() -> Iterator[str]:
    """The article texts of the shared corpus, one at a time."""
    with gzip.open(require_corpus(), "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line).get("content_original") or ""


def write_words(name: str, words: list[str]) -> None:
    """``analysis/data/<name>``, one word a line, written atomically."""
    out = DATA / name
    fd, tmp = tempfile.mkstemp(dir=DATA, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    os.replace(tmp, out)
    print(f"{out}: {len(words)} words")


def main() -> None:
    texts = list(corpus_texts())
    lower, inside, opening = count_cases(texts)
    lowercase = lowercase_words(lower, inside, opening)
    write_words("lowercase_words.txt", lowercase)
    mostly = mostly_lowercase_words(lower, inside)
    write_words("mostly_lowercase_words.txt", mostly)
    write_words("finite_verbs.txt", finite_verbs(*count_followers(texts)))
    write_words("given_name_sexes.txt", given_name_sexes(count_honorific_sexes(texts), lowercase))
    not_words = not_name_words(lowercase, mostly)
    counts = count_given_names(texts, not_words)
    write_words("given_names.txt", given_names(counts, lower, inside, not_words))


if __name__ == "__main__":
    main()
