"""Reports without Jupyter: run the curated notebooks on a folder and save them as static HTML.

``python -m analysis report DATA_DIR --out report/`` executes every numbered notebook with
papermill (through its ``parameters`` cell, so ``DATA_DIR`` points at the new folder), then
converts each executed notebook to a self-contained HTML page. Output that the notebooks render as
HTML is escaped by the functions that make it; nbconvert escapes plain-text output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .html import WIDGET_VIEW

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def curated_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The numbered notebooks (``01_…ipynb`` …) in reading order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def build_report(
    data_dir: str | Path,
    out: str | Path,
    *,
    notebooks: list[Path] | None = None,
    kernel: str = "python3",
    progress: bool = True,
) -> list[Path]:
    """Execute each notebook on ``data_dir`` and write ``out/NAME.ipynb`` and ``out/NAME.html``.

    Returns the HTML files written, in reading order. A notebook that fails stops the report
    with papermill's error, which names the failing cell; the partly executed notebook is kept
    in ``out`` for inspection.
    """
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    data_dir = Path(data_dir).resolve()
    if not data_dir.exists():
        raise FileNotFoundError(f"no such file or folder: {data_dir}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter()
    written = []
    for nb in notebooks or curated_notebooks():
        executed = out / nb.name
        papermill.execute_notebook(
            str(nb),
            str(executed),
            parameters={"DATA_DIR": str(data_dir)},
            cwd=str(nb.parent),
            kernel_name=kernel,
            progress_bar=progress,
        )
        body, _ = exporter.from_notebook_node(static_widgets(nbformat.read(executed, 4)))
        page = out / (nb.stem + ".html")
        page.write_text(body, encoding="utf-8")
        written.append(page)
    return written


def static_widgets(nb: Any) -> Any:
    """``nb`` with each widget output that carries a static view (``analysis.views.shown``)
    reduced to that view: a static page has no kernel to draw the widget with."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data and "text/html" in data:
                del data[WIDGET_VIEW]
    return nb
