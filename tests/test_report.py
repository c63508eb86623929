"""Reports without Jupyter: every notebook run on a new folder through papermill, saved as HTML,
then opened in headless Chromium: no error cell, and hostile article text stays text."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from conftest import XSS_OUTLET, page_errors

from analysis.views.report import build_report, curated_notebooks

pytestmark = pytest.mark.browser

DATA_SCRIPT = "application/vnd.jupyter.widget-state+json"  # JSON data, never run as code
BROKEN = "raise RuntimeError('deliberately broken cell')"


def open_page(chromium, path) -> tuple[object, list[str]]:
    """The page as Chromium renders the file, and what it ran: script errors and dialogs."""
    page = chromium.new_page()
    ran: list[str] = []
    page.on("pageerror", lambda e: ran.append(f"script error: {e}"))
    page.on("dialog", lambda d: (ran.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    return page, ran


def test_report_on_hostile_folder_is_escaped(hostile_dir, tmp_path, chromium):
    pages = build_report(hostile_dir, tmp_path / "report", progress=False)
    assert [p.stem for p in pages] == [nb.stem for nb in curated_notebooks()]
    for page in pages:
        executed = (tmp_path / "report" / (page.stem + ".ipynb")).read_text(encoding="utf-8")
        assert str(hostile_dir) in executed  # it ran on the new folder, not the samples
        tree = lxml.html.fromstring(page.read_bytes())
        # As a browser would parse it: no element that an article's markup could have made.
        for xpath in (
            "//img[@src='x']",
            "//*[@id='xss-img']",
            "//*[@id='xss-link']",
            "//*[@id='xss-bold']",
            "//a[starts-with(@href, 'javascript:')]",
            "//*[@onerror]",
        ):
            assert not tree.xpath(xpath), f"{page.name}: article markup rendered: {xpath}"
        for script in tree.xpath("//script"):
            body = script.text or ""
            assert "__xss" not in body or script.get("type") == DATA_SCRIPT, page.name
        # In the browser: no error cell, nothing of the article ran, and the text is shown.
        view, ran = open_page(chromium, page)
        assert page_errors(view) == [], page.name
        assert view.evaluate("() => window.__xss === undefined"), page.name
        assert view.locator("#xss-img, #xss-link, #xss-bold").count() == 0, page.name
        shown = view.inner_text("body")
        assert "<script>window.__xss" in shown or XSS_OUTLET in shown, page.name
        assert [r for r in ran if "dialog" in r or "__xss" in r] == [], (page.name, ran)
        view.close()
    assert XSS_OUTLET in lxml.html.fromstring(pages[0].read_bytes()).text_content()


def _broken_notebook(folder) -> object:
    """The first notebook's parameters cell, then a cell that raises."""
    nb = json.loads(curated_notebooks()[0].read_text(encoding="utf-8"))
    first = next(c for c in nb["cells"] if c["cell_type"] == "code")
    broken = {
        "cell_type": "code",
        "execution_count": None,
        "id": "broken",
        "metadata": {},
        "outputs": [],
        "source": [BROKEN],
    }
    nb["cells"] = [first, broken]
    path = folder / "01_broken.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_a_broken_cell_stops_the_report_and_fails_the_page_check(seeds_dir, tmp_path, chromium):
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter
    from papermill import PapermillExecutionError

    path = _broken_notebook(tmp_path)
    with pytest.raises(PapermillExecutionError, match="deliberately broken cell"):
        build_report(seeds_dir, tmp_path / "report", notebooks=[path], progress=False)
    # Were such a page written anyway (errors allowed), the check in the browser finds it.
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, allow_errors=True, resources={"metadata": {"path": str(tmp_path)}}).execute()
    page = tmp_path / "broken.html"
    page.write_text(HTMLExporter().from_notebook_node(nb)[0], encoding="utf-8")
    view, _ = open_page(chromium, page)
    errors = page_errors(view)
    view.close()
    assert any("Traceback" in e for e in errors), errors
    assert "RuntimeError: deliberately broken cell" in errors, errors


def _tiny_notebook(folder: Path, fail: bool = False) -> Path:
    """A notebook with the parameters cell and one cell that prints (or raises)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('DATA_DIR = "../data/seeds"')
    params.metadata["tags"] = ["parameters"]
    body = 'raise RuntimeError("broken")' if fail else "print(DATA_DIR)"
    nb.cells = [params, nbformat.v4.new_code_cell(body)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("09_fail.ipynb" if fail else "09_tiny.ipynb")
    nbformat.write(nb, path)
    return path


def test_report_refuses_a_folder_of_other_files_and_keeps_them(seeds_dir, tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    (out / "notes.html").write_text("mine", encoding="utf-8")
    tiny = _tiny_notebook(tmp_path / "nbs")
    with pytest.raises(ValueError, match="holds files the workbench did not write"):
        build_report(seeds_dir, out, notebooks=[tiny], progress=False)
    pages = build_report(seeds_dir, out, notebooks=[tiny], progress=False, overwrite=True)
    assert [p.name for p in pages] == ["09_tiny.html"]
    assert (out / "notes.html").read_text(encoding="utf-8") == "mine"


def test_a_failed_report_leaves_the_previous_one(seeds_dir, tmp_path):
    from papermill import PapermillExecutionError

    out = tmp_path / "report"
    tiny, broken = _tiny_notebook(tmp_path / "nbs"), _tiny_notebook(tmp_path / "nbs", fail=True)
    build_report(seeds_dir, out, notebooks=[tiny], progress=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(PapermillExecutionError, match="broken"):
        build_report(seeds_dir, out, notebooks=[tiny, broken], progress=False)
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after.keys() == before.keys()
    assert {k: v for k, v in after.items() if k != "_report.json"} == {
        k: v for k, v in before.items() if k != "_report.json"
    }


def test_overwrite_never_replaces_a_page_named_file_of_someone_else(seeds_dir, tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    (out / "09_tiny.html").write_text("mine", encoding="utf-8")
    tiny = _tiny_notebook(tmp_path / "nbs")
    with pytest.raises(ValueError, match=r"holds 09_tiny\.html, not written by the workbench"):
        build_report(seeds_dir, out, notebooks=[tiny], progress=False, overwrite=True)
    assert (out / "09_tiny.html").read_text(encoding="utf-8") == "mine"
