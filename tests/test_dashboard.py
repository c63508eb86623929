"""`make dashboard`: the source comparison served by Voilà renders on the samples, no error."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import free_port

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = "04_source_comparison.ipynb"


def test_voila_serves_the_comparison_dashboard():
    pytest.importorskip("voila", reason="voila is not installed")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATA_DIR"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "voila", DASHBOARD, "--no-browser", f"--port={port}",
         "--Voila.ip=127.0.0.1"],
        cwd=ROOT / "notebooks", env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        page = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                # Voilà runs the whole notebook before it answers the first request.
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=110).read()
                page = page.decode("utf-8")
                break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.5)
        assert page, "Voilà did not answer"
        assert "Traceback" not in page
        assert "jupyter-widgets" in page  # the widgets are there
        assert "Erdo" in page  # the comparison of the samples is rendered
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
