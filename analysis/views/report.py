"""Reports without Jupyter: run the curated notebooks on a folder and save them as static HTML.

``python -m analysis report DATA_DIR --out report/`` executes every numbered notebook with
papermill (through its ``parameters`` cell, so ``DATA_DIR`` points at the new folder), then
converts each executed notebook to a self-contained HTML page. Output that the notebooks render as
HTML is escaped by the functions that make it; nbconvert escapes plain-text output.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from ..corpus.outputs import REPORT_MANIFEST, OutputRefused, open_output_folder
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
    overwrite: bool = False,
) -> list[Path]:
    """Execute each notebook on ``data_dir`` and write ``out/NAME.ipynb`` and ``out/NAME.html``.

    Returns the HTML files written, in reading order. ``out`` is written as the other outputs
    are (:mod:`analysis.corpus.outputs`): a folder holding files the workbench did not write is
    refused unless ``overwrite``, and a file of someone else's with a page's name is never
    replaced. The pages are made in a hidden folder of this run and moved in only when every
    notebook has run, so a notebook that fails (papermill's error names the cell) leaves the
    previous report as it was; an interruption while the pages are moved in leaves some pages
    new and the manifest old.
    """
    data_dir = Path(data_dir).resolve()
    if not data_dir.exists():
        raise FileNotFoundError(f"no such file or folder: {data_dir}")
    folder = open_output_folder(Path(out), REPORT_MANIFEST, overwrite=overwrite, kind="report")
    work = folder.root / f".run-{folder.token}"
    work.mkdir()
    try:
        made = [
            name
            for nb in notebooks or curated_notebooks()
            for name in _run_notebook(nb, data_dir, work, kernel=kernel, progress=progress)
        ]
        taken = [n for n in made if (folder.root / n).exists() and n not in folder.stale]
        if taken:
            raise OutputRefused(
                f"{folder.root} holds {', '.join(taken)}, not written by the workbench: move "
                "them, or choose another output folder"
            )
        for name in made:
            os.replace(work / name, folder.root / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # this run's own folder, made above
    for name in [n for n in folder.stale if n.startswith(".run-")]:
        shutil.rmtree(folder.root / name, ignore_errors=True)  # an interrupted run of ours
    folder.stale = [n for n in folder.stale if not n.startswith(".run-")]
    folder.commit({"parts": made})
    return [folder.root / n for n in made if n.endswith(".html")]


def _run_notebook(
    nb: Path, data_dir: Path, work: Path, *, kernel: str, progress: bool
) -> tuple[str, str]:
    """Execute ``nb`` on ``data_dir`` into ``work`` and convert it to HTML there; returns the
    names of the notebook and of its page."""
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    executed = work / nb.name
    papermill.execute_notebook(
        str(nb),
        str(executed),
        parameters={"DATA_DIR": str(data_dir)},
        cwd=str(nb.parent),
        kernel_name=kernel,
        progress_bar=progress,
    )
    body, _ = HTMLExporter().from_notebook_node(static_widgets(nbformat.read(executed, 4)))
    (work / (nb.stem + ".html")).write_text(body, encoding="utf-8")
    return nb.name, nb.stem + ".html"


def static_widgets(nb: Any) -> Any:
    """``nb`` with each widget output that carries a static view (``analysis.views.shown``)
    reduced to that view: a static page has no kernel to draw the widget with."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data and "text/html" in data:
                del data[WIDGET_VIEW]
    return nb
