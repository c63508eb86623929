"""Build ``analysis/data/lowercase_words.txt``: the words English news writes in lower case,
capitalised almost only where they open a sentence ("Take", "Despite", "Rather", "Multiple").

A name run that starts with one of them at a sentence opening ("Take Ada Lund, for instance")
does not start with a given name, even in an article that never writes the word in lower case
itself. Counted over the shared multi-outlet corpus; the file holds words and nothing else:

    python -m bench.build_lowercase_words      # rewrites the file; deterministic

A word is listed when the corpus writes it in lower case at least ``MIN_LOWER`` times, fewer
than ``MAX_CAPITAL_SHARE`` of its uses inside a sentence are capitalised (so surnames that
are words, "Young", "Green", "White", stay out, and so do given names, "John", "Frank"), and it
opens a sentence capitalised at least ``MIN_OPENING`` times (else it could not be mistaken).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from bench.common import require_corpus

OUT = Path(__file__).resolve().parents[1] / "analysis" / "data" / "lowercase_words.txt"
MIN_LOWER = 30
MAX_CAPITAL_SHARE = 0.03
MIN_OPENING = 2
_WORD = re.compile(r"[A-Za-z][a-z]+")
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


def corpus_texts() -> Iterator[str]:
    """The article texts of the shared corpus, one at a time."""
    with gzip.open(require_corpus(), "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line).get("content_original") or ""


def main() -> None:
    words = lowercase_words(*count_cases(corpus_texts()))
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    os.replace(tmp, OUT)
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
