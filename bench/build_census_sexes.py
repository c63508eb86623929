"""Build ``analysis/data/census_given_name_sexes.txt``: given names with the sex nearly all of
their bearers have, from the first-name files of the 1990 US Census (public domain; as shipped,
for instance, in the PyPI package ``names`` 0.3.0, files ``dist.male.first`` and
``dist.female.first``):

    python -m bench.build_census_sexes DIR   # DIR holds the two files; deterministic

Each file line is "NAME PERCENT CUMULATIVE RANK", the percent of the men (or women) counted who
bear the name. A name is listed with a sex when at least ``MIN_CENSUS_SHARE`` of its bearers
have it (the two sexes counted about alike, the percents are compared as they stand) and at
least ``MIN_CENSUS_PERCENT`` of that sex bear it (rarer lines are too few people to say), unless
it also opens compound surnames (``SURNAME_PARTICLES``) or is a common East Asian surname, which
opens a name written surname first (``SURNAMES_WRITTEN_FIRST``).

The extractor reads it only where the corpus's own honorifics say nothing of a full name's given
name (``given_name_sexes.txt`` first): so "she said" skips "Bill Lund" in an article that uses no
honorific, though "bill" is an everyday word the corpus list leaves out. It is no list of given
names: which capitalised words open a name is still the corpus's call (``given_names.txt``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .build_word_lists import write_words

MIN_CENSUS_SHARE = 0.9
MIN_CENSUS_PERCENT = 0.005
# Census first names that also open compound surnames ("Heather Mac Donald", "Ada Della Lund"):
# there the word is no given name, and its sex says nothing.
SURNAME_PARTICLES = frozenset("mac mc van von de del della la le di da du st dos das".split())
# Common Chinese, Korean and Vietnamese surnames, which open a name written surname first ("Ma
# Ngok", "Sun Yang", "Jung Eun-kyung"): there the census's given name of that spelling says
# nothing of sex.
SURNAMES_WRITTEN_FIRST = frozenset(
    """chen chan cheung cho choi chung chu han ho hong hu huang hwang jang jeon jin jung kang
    kim ko kwon lai lee li lim lin liu lo lu ma mei moon nguyen oh pak park seo shin song sun
    tan tang tran wang wong wu xu yang yi yoon yu zhang zhao zhou zhu""".split()
)
OUT = "census_given_name_sexes.txt"


def read_percents(path: Path) -> dict[str, float]:
    """Lower-cased name -> percent of one sex bearing it, from a census first-name file."""
    out: dict[str, float] = {}
    for line in path.read_text("ascii").splitlines():
        if line.strip():
            name, percent = line.split()[:2]
            out[name.lower()] = float(percent)
    return out


def census_sexes(male: dict[str, float], female: dict[str, float]) -> list[str]:
    """The "name sex" lines, sorted: names nearly all of one sex and not rare in it."""
    lines = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if max(m, f) < MIN_CENSUS_PERCENT or name in SURNAME_PARTICLES | SURNAMES_WRITTEN_FIRST:
            continue
        if m >= MIN_CENSUS_SHARE * (m + f):
            lines.append(f"{name} m")
        elif f >= MIN_CENSUS_SHARE * (m + f):
            lines.append(f"{name} f")
    return lines


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit("usage: python -m bench.build_census_sexes DIR (with dist.male.first)")
    root = Path(argv[0])
    lines = census_sexes(
        read_percents(root / "dist.male.first"), read_percents(root / "dist.female.first")
    )
    write_words(OUT, lines)


if __name__ == "__main__":
    main(sys.argv[1:])
