"""The notebooks on the smallest folders a user can point them at: an empty one (a wrong path
typed into ``DATA_DIR`` that exists) and one article without a quotation. Each runs to the end,
its tables empty and its findings saying there is nothing to show; notebook 04, which compares
two outlets, stops at once with its one-line reason.

And the functions behind the cells that failed there, on empty tables."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus.boilerplate import without_boilerplate
from analysis.quotes import extract_quotes, speaker_outlet_counts
from analysis.views import plots

ROOT = Path(__file__).resolve().parents[1]
ONE_ARTICLE = "The bridge reopened on Monday after two years of repairs. Traffic was light.\n"


def _run(notebook: str, data: Path, tmp: Path) -> None:
    import papermill

    papermill.execute_notebook(
        str(ROOT / "notebooks" / notebook),
        str(tmp / notebook),
        parameters={"DATA_DIR": str(data), "OUT_DIR": str(tmp / "outputs")},
        cwd=str(ROOT / "notebooks"),
        progress_bar=False,
    )


@pytest.fixture
def empty(tmp_path) -> Path:
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


@pytest.fixture
def one_article(tmp_path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "bridge.txt").write_text(ONE_ARTICLE, encoding="utf-8")
    return tmp_path / "data"


@pytest.mark.parametrize(
    "notebook", ["02_word_frequencies.ipynb", "03_quote_tables.ipynb", "05_many_outlets.ipynb"]
)
def test_notebook_runs_on_an_empty_folder(notebook, empty, tmp_path):
    _run(notebook, empty, tmp_path)


@pytest.mark.parametrize("notebook", ["03_quote_tables.ipynb", "05_many_outlets.ipynb"])
def test_notebook_runs_on_one_article_without_quotes(notebook, one_article, tmp_path):
    _run(notebook, one_article, tmp_path)


def test_comparison_notebook_says_why_it_stops(one_article, tmp_path):
    import papermill

    with pytest.raises(papermill.PapermillExecutionError, match="0 known outlets"):
        _run("04_source_comparison.ipynb", one_article, tmp_path)


def test_blanking_boilerplate_keeps_an_empty_text_column_text(empty):
    docs = load_corpus(empty).docs
    assert without_boilerplate(docs)["text"].dtype == docs["text"].dtype


def test_speakers_chart_of_no_quotation_says_so(one_article):
    docs = load_corpus(one_article).docs
    counts = speaker_outlet_counts(extract_quotes(docs))
    assert counts.empty
    ax = plots.speakers_per_outlet(counts)
    assert [t.get_text() for t in ax.texts] == ["No named speaker"]
    plt.close(ax.figure)


def test_dask_quotes_of_no_quotation_match_pandas(one_article):
    from analysis.scale.dask import reduce_quotes

    docs = load_corpus(one_article).docs
    part = extract_quotes(docs).drop(columns="speaker_id")
    joined = reduce_quotes([part, part.iloc[:0]])
    pd.testing.assert_frame_equal(joined, extract_quotes(docs))
