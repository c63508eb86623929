"""The speaker is the fullest name the article gives for the person: a surname alone is the
full name written earlier even where words describing the person open that name's run
(extract._name_info with resolve.name_start). Invented sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.quotes.extract import _name_info


def _speakers(text: str) -> list[str]:
    q = extract_quotes(pd.DataFrame({"doc_id": ["a.txt"], "text": [text]}), progress=False)
    return q["speaker"].tolist()


RUNS = [
    ("Medical Examiner Jonathan Lucas", "Jonathan Lucas"),
    ("County Coroner Margaret Fisk", "Margaret Fisk"),
    ("Polk County Auditor Jamie Fitzroy", "Jamie Fitzroy"),
    ("Mercy Otis Lund", "Mercy Otis Lund"),  # a given name that is a word opens the name
    ("Ada Grace Lund", "Ada Grace Lund"),
]


@pytest.mark.parametrize(("run", "name"), RUNS)
def test_described_run_names_the_person(run: str, name: str) -> None:
    info = _name_info(run)
    assert info is not None and info[1] == name


SURNAMES = [
    (
        "Chief Medical Examiner Jonathan Lucas said the death looked like a suicide. Lucas "
        "said the office would look deeper.",
        ["Jonathan Lucas", "Jonathan Lucas"],
    ),
    (
        "Polk County Auditor Jamie Fitzroy says the early vote is up. “It is slow,” Fitzroy says.",
        ["Jamie Fitzroy", "Jamie Fitzroy"],
    ),
    (
        "Harbor County Coroner Margaret Fisk said two riders died. “The road was wet,” Ms. "
        "Fisk said.",
        ["Margaret Fisk", "Margaret Fisk"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), SURNAMES)
def test_surname_reads_as_the_described_full_name(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers
