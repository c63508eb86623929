"""Reports without Jupyter: every notebook run on a new folder through papermill, saved as HTML."""

from __future__ import annotations

import lxml.html
from conftest import XSS_OUTLET

from analysis.report import build_report, curated_notebooks

DATA_SCRIPT = "application/vnd.jupyter.widget-state+json"  # JSON data, never run as code


def test_report_on_hostile_folder_is_escaped(hostile_dir, tmp_path):
    pages = build_report(hostile_dir, tmp_path / "report", progress=False)
    assert [p.stem for p in pages] == [nb.stem for nb in curated_notebooks()]
    for page in pages:
        executed = (tmp_path / "report" / (page.stem + ".ipynb")).read_text(encoding="utf-8")
        assert str(hostile_dir) in executed  # it ran on the new folder, not the samples
        tree = lxml.html.fromstring(page.read_bytes())
        # As a browser would parse it: no element that an article's markup could have made.
        for xpath in ("//img[@src='x']", "//*[@id='xss-img']", "//*[@id='xss-link']",
                      "//*[@id='xss-bold']", "//a[starts-with(@href, 'javascript:')]",
                      "//*[@onerror]"):
            assert not tree.xpath(xpath), f"{page.name}: article markup rendered: {xpath}"
        for script in tree.xpath("//script"):
            body = script.text or ""
            assert "__xss" not in body or script.get("type") == DATA_SCRIPT, page.name
        # The hostile text is there, shown as text.
        assert "<script>window.__xss" in tree.text_content() or XSS_OUTLET in tree.text_content()
    assert XSS_OUTLET in lxml.html.fromstring(pages[0].read_bytes()).text_content()
