"""tests/conftest.py's CI rule: with CI=true a skip fails the run, unless it is the one a user's
machine may have (the team's ../shared absent); the closing line says what ran."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SHARED_ABSENT, forbidden_skips

ROOT = Path(__file__).resolve().parents[1]

SKIPS = [
    ("t.py::a", f"{SHARED_ABSENT} needs the team's shared data at ../shared"),
    ("t.py::b", "needs Debian's chromium at /usr/bin/chromium"),
]


def test_only_the_absent_shared_folder_is_an_allowed_skip():
    assert forbidden_skips(SKIPS, shared_present=False) == SKIPS[1:]
    # With ../shared present, a test that says it is absent is wrong too.
    assert forbidden_skips(SKIPS, shared_present=True) == SKIPS


def _run_pytest(folder: Path, test_code: str, ci: str | None) -> subprocess.CompletedProcess:
    shutil.copy(ROOT / "tests" / "conftest.py", folder / "conftest.py")
    (folder / "test_one.py").write_text(test_code, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(ROOT)
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:nbval",
            str(folder),
        ],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


SKIPPING = (
    "import pytest\n\ndef test_ok():\n    pass\n\n"
    "def test_skipped():\n    pytest.skip('no chromium here')\n"
)


def test_a_skip_fails_a_ci_run_and_passes_elsewhere(tmp_path):
    ci = _run_pytest(tmp_path, SKIPPING, "true")
    assert ci.returncode == 1, ci.stdout
    assert "skips not allowed on CI" in ci.stdout and "no chromium here" in ci.stdout
    assert "what ran: unit 1, nbval cells 0, browser 0," in ci.stdout
    assert "skipped 1, failed 0" in ci.stdout
    local = _run_pytest(tmp_path, SKIPPING, None)
    assert local.returncode == 0, local.stdout
    assert "skips not allowed" not in local.stdout


def test_the_shared_folder_skip_is_allowed_on_ci_only_where_it_is_absent(tmp_path):
    code = (
        "from conftest import skip_without_shared\n\n"
        "def test_needs_shared():\n    skip_without_shared()\n"
    )
    done = _run_pytest(tmp_path, code, "true")
    # (the copied conftest looks for shared/ two levels above its test: absent there)
    assert done.returncode == 0, done.stdout
    assert "skipped 1, failed 0" in done.stdout
