"""`make dashboard`: the source comparison served by Voilà, opened in headless Chromium, renders
on the samples with no error cell; a deliberately broken copy fails both this check and nbval."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import free_port, page_errors

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = "04_source_comparison.ipynb"
BROKEN = "raise RuntimeError('deliberately broken cell')"


@contextmanager
def voila(folder: Path, notebook: str) -> Iterator[str]:
    """Voilà serving ``folder/notebook`` on a free localhost port; yields its URL."""
    pytest.importorskip("voila", reason="voila is not installed")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)  # the notebooks import this checkout's analysis
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "voila",
            notebook,
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
        ],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None, "Voilà exited"
                assert time.monotonic() < deadline, "Voilà did not listen"
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def open_dashboard(chromium, url: str) -> tuple[object, list[str]]:
    """The page once every cell's output is shown, and the script errors."""
    page = chromium.new_page()
    script_errors: list[str] = []
    page.on("pageerror", lambda e: script_errors.append(str(e)))
    page.goto(url, timeout=240_000, wait_until="load")
    # Voilà shows "Executing N of M" in #loading while the kernel runs the cells, then removes
    # it; the outputs are drawn by the page's scripts after that: wait until their number holds.
    page.wait_for_selector("#loading", state="detached", timeout=240_000)
    outputs, before = page.locator(".jp-OutputArea-output"), -1
    while outputs.count() != before:
        before = outputs.count()
        page.wait_for_timeout(1000)
    return page, script_errors


def test_voila_serves_the_comparison_dashboard(chromium):
    with voila(ROOT / "notebooks", DASHBOARD) as url:
        page, script_errors = open_dashboard(chromium, url)
        # The widgets render (they need the page's scripts and the kernel), with the samples.
        page.locator(".jupyter-widgets").first.wait_for(timeout=120_000)
        assert page_errors(page) == []
        assert script_errors == []
        text = page.inner_text("body")
        assert "Erdo" in text and "JNS" in text  # the comparison of the samples is rendered
        page.close()


def broken_copy(folder: Path) -> Path:
    """The dashboard's first cells, then a cell that raises, in ``folder/notebooks``."""
    nb = json.loads((ROOT / "notebooks" / DASHBOARD).read_text(encoding="utf-8"))
    code = [i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"]
    nb["cells"] = nb["cells"][: code[1] + 1]  # the parameters and the loading cell
    nb["cells"].append(
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "broken",
            "metadata": {},
            "outputs": [],
            "source": [BROKEN],
        }
    )
    (folder / "notebooks").mkdir()
    (folder / "data").symlink_to(ROOT / "data")
    path = folder / "notebooks" / "broken.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_a_broken_cell_fails_nbval_and_the_dashboard_check(chromium, tmp_path):
    path = broken_copy(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("CI", None)  # (the run below has its own conftest-free rules)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider", "-q", str(path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout[-2000:]
    assert "deliberately broken cell" in done.stdout and "1 failed" in done.stdout
    with voila(path.parent, path.name) as url:
        page, _ = open_dashboard(chromium, url)
        errors = page_errors(page)
        page.close()
    assert errors and all("There was an error when executing cell [" in e for e in errors), errors
