"""The notebooks as a user sees them: JupyterLab in headless Chromium.

For every curated notebook: clear the outputs, run all cells, check that every cell ran and none
shows an error, operate one widget and check that what is shown changes, save a screenshot.
Then the same notebooks on a corpus of hostile articles (script tags, onerror images,
javascript: links, entities): nothing may execute and no injected element may exist. And on a
second folder of real articles from several outlets (drawn from ../shared at test time): every
cell runs, a widget changes the view, and nothing shown names the sample articles' people or
outlet unless the folder does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, XSS_OUTLET, free_port
from second_folder import build_second_folder

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip(
        f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True
    )


def _write_settings(folder: Path) -> None:
    """User settings: no news notifications, update checks or autosave; every cell rendered."""
    overrides = {
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
            "fetchNews": "false",
            "checkForUpdates": False,
            "doNotDisturbMode": True,
        },
        "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
        # Windowed rendering detaches off-screen cells from the page; the test needs them all.
        # Without a preferred kernel set, JupyterLab may ask which kernel to start.
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
            "windowingMode": "none",
            "autoStartDefaultKernel": True,
        },
    }
    for rel, value in overrides.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")


# Names only the sample articles bring: on another folder they may appear only if it has them.
SAMPLE_NAMES = ("JNS", "Erdoğan", "Erdogan", "Katz", "Karabakh")


@pytest.fixture(scope="module", params=["seeds", "hostile", "second"])
def lab(request, tmp_path_factory, hostile_dir) -> Iterator[dict]:
    """A JupyterLab server on a free localhost port over a copy of the notebooks."""
    work = tmp_path_factory.mktemp(f"lab_{request.param}")
    shutil.copytree(
        ROOT / "notebooks",
        work / "notebooks",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "outputs"),
    )
    (work / "data").symlink_to(ROOT / "data")
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(work / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(work / "workspaces"),
    }
    _write_settings(work / "settings")
    if request.param == "hostile":
        env["DATA_DIR"] = str(hostile_dir)
    elif request.param == "second":
        shared = request.getfixturevalue("shared_dir")
        env["DATA_DIR"] = str(build_second_folder(shared, work / "second"))
    else:
        env.pop("DATA_DIR", None)
    port, token = free_port(), "browser-test-token"
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}",
        "--LabApp.news_url=",
        "--ServerApp.open_browser=False",
        # window.jupyterapp lets the test run JupyterLab commands instead of clicking menus.
        "--LabApp.expose_app_in_browser=True",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(work / "lab.log", "w")  # noqa: SIM115 - closed in the teardown below
    proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log.close()
                pytest.fail("JupyterLab did not start:\n" + (work / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield {
        "url": url,
        "token": token,
        "corpus": request.param,
        "work": work,
        "data": env.get("DATA_DIR"),
    }
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _command(page, command: str) -> None:
    """Run a JupyterLab command (what a menu item does), waiting for it to finish."""
    page.evaluate("cmd => window.jupyterapp.commands.execute(cmd)", command)


def _wait_kernel_ready(page) -> None:
    page.wait_for_function(
        """() => {
            const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
            const k = w && w.sessionContext && w.sessionContext.session
                      && w.sessionContext.session.kernel;
            return k && k.connectionStatus === 'connected' && k.status === 'idle';
        }""",
        timeout=120_000,
    )


def _run_all(page, timeout_s: float = float(os.environ.get("BROWSER_TEST_TIMEOUT", 240))) -> None:
    """Clear every output, run all cells, wait until every code cell has an execution count."""
    panel = ".jp-NotebookPanel:not(.lm-mod-hidden)"
    _command(page, "notebook:clear-all-cell-outputs")
    # Proof that what follows is a fresh run, not the stored outputs.
    playwright_api.expect(page.locator(f"{panel} .jp-OutputArea-output")).to_have_count(0)
    _command(page, "notebook:run-all-cells")
    prompts = page.locator(f"{panel} .jp-CodeCell .jp-InputPrompt")
    deadline = time.monotonic() + timeout_s
    while True:
        texts = [t.strip() for t in prompts.all_inner_texts()]
        if texts and all(re.fullmatch(r"\[\d+\]:", t) for t in texts):
            return
        if time.monotonic() > deadline:
            pytest.fail(f"cells still not run after {timeout_s:.0f} s: {texts}")
        time.sleep(0.5)


def _errors(page) -> list[str]:
    outputs = page.locator(
        ".jp-NotebookPanel:not(.lm-mod-hidden) "
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    )
    return [t for t in outputs.all_inner_texts() if "Traceback" in t or "Error" in t]


# What to operate in each notebook: one control a user would change. The test then waits for
# the text the notebook's widgets show to change.
def _widget_text(page) -> str:
    return "\n".join(
        page.locator(
            ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output .jupyter-widgets"
        ).all_inner_texts()
    )


def _outlet_list(page) -> None:  # the article browser's outlets: keep only the first
    page.locator(".widget-select-multiple select").first.select_option(index=0)


def _stopwords_box(page) -> None:  # the term explorer's "Drop stopwords": untick it
    page.locator(".widget-checkbox input[type=checkbox]").first.click()


def _quote_kinds(page) -> None:  # the quote browser's kinds: reported speech only
    kinds = page.locator(
        ".widget-select-multiple select", has=page.locator("option", has_text="indirect")
    )
    kinds.first.select_option(label="indirect")


def _outlet_a(page) -> None:  # the comparison view's "Outlet A": the other outlet
    page.locator(".widget-dropdown select").nth(1).select_option(index=1)


WIDGET_CHECKS: dict[str, Callable] = {
    "01_ingestion.ipynb": _outlet_list,
    "02_word_frequencies.ipynb": _stopwords_box,
    "03_quote_tables.ipynb": _quote_kinds,
    "04_source_comparison.ipynb": _outlet_a,
    "05_many_outlets.ipynb": _outlet_list,
}


def _operate_widget(page, action: Callable) -> None:
    page.locator(".jp-OutputArea-output .jupyter-widgets").first.wait_for(timeout=60_000)
    before = _widget_text(page)
    action(page)
    deadline = time.monotonic() + 30
    while _widget_text(page) == before:
        if time.monotonic() > deadline:
            pytest.fail("changing the widget did not change what it shows")
        time.sleep(0.3)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_in_browser(lab, browser, notebook, tmp_path_factory):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    # ?reset: start from an empty workspace, not with the previous test's notebook open too.
    page.goto(f"{lab['url']}/lab/tree/notebooks/{notebook}?reset&token={lab['token']}")
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.wait_for(timeout=60_000)
    # Wait for the kernel before running, or "Run All" may be queued against nothing.
    _wait_kernel_ready(page)
    shots = tmp_path_factory.mktemp("screenshots")
    shot = shots / f"{lab['corpus']}_{Path(notebook).stem}.png"
    try:
        _run_all(page)
        assert not _errors(page), _errors(page)
        if lab["corpus"] in ("seeds", "second"):
            _operate_widget(page, WIDGET_CHECKS[notebook])
    finally:
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot: {shot}")
    if lab["corpus"] == "hostile":
        assert dialogs == [], f"article text ran as code: dialogs {dialogs}"
        assert page.evaluate("window.__xss") is None, "an injected script ran"
        for selector in ("#xss-img", "#xss-link", "#xss-bold", "img[src='x']"):
            assert page.locator(selector).count() == 0, f"injected element {selector} rendered"
        # The hostile articles were loaded, and their markup is shown as text.
        shown = " ".join(page.locator(".jp-OutputArea-output").all_inner_texts())
        assert XSS_OUTLET in shown, shown[:2000]
    if lab["corpus"] == "second":
        shown = " ".join(page.locator(".jp-OutputArea-output").all_inner_texts())
        folder = Path(lab["data"]).read_text(encoding="utf-8")
        named = [n for n in SAMPLE_NAMES if n not in folder and re.search(rf"\b{n}\b", shown)]
        assert not named, f"{notebook} names the sample articles on another folder: {named}"
    context.close()


def test_every_notebook_has_a_widget_check():
    missing = [nb for nb in NOTEBOOKS if nb not in WIDGET_CHECKS]
    assert not missing, f"add a widget interaction for {missing} in WIDGET_CHECKS"
