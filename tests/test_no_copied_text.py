"""The project holds none of PolNeAR's article text: it is others' copyright, read from
../shared in evaluations only. Test fixtures and comments use invented sentences."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

WORD = re.compile(r"\w+")
N = 8  # words in a row: long enough that common phrases ("said in a statement") do not count


def _grams(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + N]) for i in range(len(words) - N + 1)}


def test_no_polnear_sentence_in_code_or_tests(gold_dir: Path):
    polnear: set[str] = set()
    for path in sorted((gold_dir / "polnear").glob("*/text/*.txt")):
        polnear |= _grams(path.read_text(encoding="utf-8"))
    assert polnear, "no PolNeAR texts found"
    copied = []
    for folder in ("analysis", "tests", "bench", "notebooks"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in {".py", ".json", ".csv", ".ipynb", ".md"}:
                continue
            # Each line alone and each pair of lines (a sentence split over two lines).
            lines = path.read_text(encoding="utf-8").splitlines()
            for i, line in enumerate(lines):
                if _grams(" ".join(lines[i : i + 2])) & polnear:
                    copied.append(f"{path.relative_to(ROOT)}:{i + 1}: {line.strip()[:80]}")
    assert not copied, "text copied from PolNeAR:\n" + "\n".join(copied)
