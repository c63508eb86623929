"""Organisation names by their shape (invented names): one word with a capital inside it is a
company's or a site's (attribution.camel_case_org), and an organisation's speaker string is its
name without the lower-case words that describe it (extract.org_after_descriptors)."""

from __future__ import annotations

import pytest

from analysis.quotes.attribution import camel_case_org, name_type

CAMEL = [
    ("HarborLink", True),
    ("FerryWatch", True),
    ("DockSide", True),
    ("McDavid", False),  # a prefix of names
    ("MacKenzie", False),
    ("DeShawn", False),
    ("LaToya", False),
    ("VanderMeer", False),
    ("MaryAnn", False),  # given names run together
    ("Lund", False),
    ("HBA", False),  # (an acronym: a rule of its own)
    ("iFerry", False),
]


@pytest.mark.parametrize(("name", "org"), CAMEL)
def test_camel_case_org(name: str, org: bool) -> None:
    assert camel_case_org(name) is org
    if org:
        assert name_type(name) == "organisation"
