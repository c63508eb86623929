"""Shared fixtures: the sample articles (always present) and the team's shared data (optional)."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import sys
import unicodedata
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
SHARED = ROOT.parent / "shared"

SEED_A = "000_2700075d727efac1.txt"  # JNS, dateline on the header line
SEED_B = "002_2b764a35a917b6dc.txt"  # outlet unknown, body starts on the header line


def _one_per_category() -> list[str]:
    """The first code point of each Unicode general category (surrogates left out)."""
    seen: dict[str, str] = {}
    for cp in range(sys.maxunicode + 1):
        cat = unicodedata.category(chr(cp))
        if cat not in seen and cat != "Cs":
            seen[cat] = chr(cp)
    return sorted(seen.values())


# Random text for the scans' hypothesis tests (tokenizer, cue scan): pieces of every kind.
TEXT_ALPHABET = (
    _one_per_category() + list(" \t\n_.-'’&\"“”(),:;İßÉé5½²") + ["Sen", "said", "U.S", "J"]
)
TEXT_PIECES = st.lists(
    st.sampled_from(TEXT_ALPHABET + ["a", "b", "Said", "says", "according"]), max_size=40
)


def free_port() -> int:
    """A TCP port on the loopback that nothing listens on now (for JupyterLab, Voila)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Headless Chromium for the pages users open: Debian's, since Playwright cannot download its own.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# What a notebook page shows for a cell that failed: Voilà's message (it hides tracebacks), its
# timeout, an IPython traceback (nbconvert's report), papermill's note on the failing cell.
ERROR_MARKERS = (
    "There was an error when executing cell",
    "Cell execution timed out",
    "Traceback (most recent call last)",
    "An Exception was encountered at",
)
_STDERR_OUTPUT = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"


def page_errors(page) -> list[str]:
    """The error cells a rendered notebook page (Voilà or nbconvert HTML) shows, as text."""
    body = page.inner_text("body")
    found = [
        line.strip()
        for line in body.splitlines()
        if any(marker in line for marker in ERROR_MARKERS)
    ]
    for text in page.locator(_STDERR_OUTPUT).all_inner_texts():
        # an error output's last line names the exception ("ZeroDivisionError: …")
        found += [
            line for line in text.splitlines() if re.match(r"\w*(Error|Exception)(: |$)", line)
        ]
    return found


@pytest.fixture(scope="module")
def chromium():
    """A headless Chromium (one per test module: Playwright's sync API allows one at a time)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_corpus():
    from analysis import load_corpus

    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_docs(seed_corpus):
    """The two sample articles as a docs table (one row per article)."""
    return seed_corpus.docs


@pytest.fixture(scope="session")
def seed_quotes(seed_docs):
    """The quote table of the two sample articles."""
    from analysis import extract_quotes

    return extract_quotes(seed_docs)


# The one skip a CI run allows (CI=true): the team's shared folder is absent, as on a user's
# machine. Any other skip (no Chromium, no compiled modules, a missing part of ../shared) is an
# environment fault there and fails the run (pytest_sessionfinish below).
SHARED_ABSENT = "[../shared absent]"


def skip_without_shared() -> NoReturn:
    pytest.skip(
        f"{SHARED_ABSENT} needs the team's shared data at {SHARED} (absent on a user's machine)"
    )


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's shared/ folder; tests that need it skip on a user's machine."""
    if not SHARED.is_dir():
        skip_without_shared()
    return SHARED


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    path = shared_dir / "gold"
    if not path.is_dir():
        pytest.skip(f"needs the gold answers at {path}")
    return path


# Rows of ../shared/gold/seed_quotes.jsonl found wrong, in the answer sheet's format with the
# reason (reported to the team; the shared file is read-only here). "add" appends a row the
# sheet misses, "replace" swaps the row whose quote is "quote"; either is a no-op once the
# shared sheet has the corrected row.
SEED_GOLD_CORRECTIONS = ROOT / "tests" / "gold" / "seed_quotes_corrections.jsonl"


def corrected_seed_gold(path: Path) -> list[dict]:
    """The seed answer sheet at ``path`` with SEED_GOLD_CORRECTIONS applied, in sheet order."""
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    for line in SEED_GOLD_CORRECTIONS.read_text(encoding="utf-8").splitlines():
        fix = json.loads(line)
        if fix["row"] in rows:
            continue
        if fix["op"] == "replace":
            where = [i for i, r in enumerate(rows) if r["quote"] == fix["quote"]]
            assert len(where) == 1, f"correction for a row not in {path}: {fix['quote']!r}"
            rows[where[0]] = fix["row"]
        else:
            rows.append(fix["row"])
    return rows


@pytest.fixture(scope="session")
def seed_gold(gold_dir: Path) -> list[dict]:
    """Every quotation and reported statement of the sample articles, by hand (corrected)."""
    return corrected_seed_gold(gold_dir / "seed_quotes.jsonl")


@pytest.fixture(scope="session")
def multi_outlet_corpus(shared_dir: Path) -> Path:
    path = shared_dir / "corpora" / "articles_multi_outlet.jsonl.gz"
    if not path.exists():
        pytest.skip(f"needs the multi-outlet corpus at {path}")
    return path


@pytest.fixture(scope="session")
def corpus_head_docs(multi_outlet_corpus: Path, tmp_path_factory):
    """The docs table of the first 400 records of the shared multi-outlet corpus (many outlets,
    every rule of the quote extractor fires somewhere in them)."""
    import gzip
    from itertools import islice

    from analysis import load_corpus

    # (only these records are read: loading all 37,554 to keep 400 would take most of a test)
    path = tmp_path_factory.mktemp("corpus_head") / "head.jsonl"
    with gzip.open(multi_outlet_corpus, "rb") as f:
        path.write_bytes(b"".join(islice(f, 400)))
    return load_corpus(path).docs


# Hostile article text: if any view renders it unescaped, a script runs or an element appears.
XSS_TEXT = (
    "ANKARA (Reuters) - Officials said the <script>window.__xss = 'script'</script> report was "
    "false. <img src=x id=\"xss-img\" onerror=\"window.__xss = 'img'; alert('img')\"> "
    'Readers can <a id="xss-link" href="javascript:alert(\'link\')">click here</a> for more; '
    "entities such as &lt;b&gt; and &amp; stay as written.\n\n"
    '“We will not allow <b id="xss-bold">NATO</b> to cooperate with Israel,” said '
    "Recep Tayyip Erdogan. Turkey has blocked cooperation between NATO and Israel since October, "
    "sources familiar with the process told Reuters."
)
XSS_OUTLET = "<img src=x onerror=alert('outlet')>"


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory) -> Path:
    """The sample articles plus hostile ones: markup in the body, the title and the outlet."""
    folder = tmp_path_factory.mktemp("hostile")
    for f in SEEDS.iterdir():
        shutil.copy(f, folder / f.name)
    (folder / "hostile.txt").write_text(" date 2024-08-02 " + XSS_TEXT, encoding="utf-8")
    record = {
        "id": "<i>x</i>",
        "source": XSS_OUTLET,
        "title": "<script>alert('title')</script>",
        "date": "2024-08-02",
        "text": XSS_TEXT + " (Wire copy.)",
    }
    (folder / "hostile.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return folder


# ------------------------------------------------------------------ what ran, and CI's skip rule


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "browser: opens a page in headless Chromium")
    config.addinivalue_line("markers", "compiled: compares the compiled modules with the source")
    # A plugin, not hooks of this file: a conftest's hooks see only the tests under its folder,
    # and the closing line counts the notebooks' cells too.
    if not config.pluginmanager.has_plugin("what_ran"):
        config.pluginmanager.register(WhatRan(), "what_ran")


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if "/tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _category(item) -> str:
    if str(item.path).endswith(".ipynb"):
        return "nbval"
    if item.get_closest_marker("browser"):
        return "browser"
    return "compiled" if item.get_closest_marker("compiled") else "unit"


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def forbidden_skips(skips: list[tuple[str, str]], *, shared_present: bool) -> list[tuple[str, str]]:
    """The skips a CI run may not have: all but ../shared's absence, when it is absent."""
    return [(n, r) for n, r in skips if shared_present or not r.startswith(SHARED_ABSENT)]


class WhatRan:
    """Tests that passed, by kind, and every skip with its reason: the closing line ("what ran:
    unit …, nbval cells …, browser …, compiled …") and, with CI=true, the skip rule."""

    def __init__(self) -> None:
        self.passed = {"unit": 0, "nbval": 0, "browser": 0, "compiled": 0}
        self.failed = 0
        self.skips: list[tuple[str, str]] = []

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        outcome.get_result().what_ran = _category(item)

    def pytest_runtest_logreport(self, report) -> None:
        if report.skipped and not hasattr(report, "wasxfail"):
            reason = (
                report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            )
            self.skips.append((report.nodeid, reason.removeprefix("Skipped: ")))
        elif report.failed:
            self.failed += 1
        elif report.when == "call" and report.passed:
            self.passed[getattr(report, "what_ran", "unit")] += 1

    def line(self) -> str:
        import analysis.quotes.extract
        from analysis import compiled

        built = "yes" if compiled.is_compiled(analysis.quotes.extract) else "no (source)"
        p = self.passed
        return (
            f"what ran: unit {p['unit']}, nbval cells {p['nbval']}, "
            f"browser {p['browser']}, compiled {built} ({p['compiled']} compiled-vs-source "
            f"tests), skipped {len(self.skips)}, failed {self.failed}"
        )

    def pytest_sessionfinish(self, session, exitstatus) -> None:
        bad = forbidden_skips(self.skips, shared_present=SHARED.is_dir())
        if on_ci() and bad and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter, exitstatus, config) -> None:
        bad = forbidden_skips(self.skips, shared_present=SHARED.is_dir())
        if on_ci() and bad:
            terminalreporter.section("skips not allowed on CI (CI=true)", red=True)
            for nodeid, reason in bad:
                terminalreporter.write_line(f"{nodeid}: {reason}")
        terminalreporter.write_line(self.line())
