"""Every notebook and widget on a second folder: 330 real articles from 6 outlets, built at test
time from ../shared/corpora (skipped where absent; the texts are never stored here).

The notebooks must run without an error or a line on stderr, say nothing about the sample
articles (no sample name unless the folder itself has it, no sample note), and every widget
must change its view when a control changes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from second_folder import N_OUTLETS, PER_OUTLET, build_second_folder

from analysis import load_corpus
from analysis.views.html import static_html

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# Names that only the sample articles bring: an output naming one on another folder narrates
# the samples.
SAMPLE_NAMES = ("JNS", "Erdoğan", "Erdogan", "Katz", "Ankara", "Karabakh", "Hamas", "NATO")


@pytest.fixture(scope="module")
def folder(shared_dir, tmp_path_factory) -> Path:
    return build_second_folder(shared_dir, tmp_path_factory.mktemp("second")).parent


@pytest.fixture(scope="module")
def corpus(folder):
    return load_corpus(folder)


def _out_dir(notebook: str, tmp: Path) -> dict[str, str]:
    """Notebook 03's export folder, temporary: never a copy of corpus text in the repo."""
    return {"OUT_DIR": str(tmp / "outputs")} if notebook.startswith("03") else {}


@pytest.fixture(scope="module")
def executed(folder, tmp_path_factory) -> dict[str, dict]:
    """Each notebook run by papermill on the folder, as parsed JSON."""
    import papermill

    out_dir = tmp_path_factory.mktemp("executed")
    done = {}
    for name in NOTEBOOKS:
        out = out_dir / name
        papermill.execute_notebook(
            str(ROOT / "notebooks" / name),
            str(out),
            parameters={"DATA_DIR": str(folder), **_out_dir(name, out_dir)},
            cwd=str(ROOT / "notebooks"),
            progress_bar=False,
        )
        done[name] = json.loads(out.read_text(encoding="utf-8"))
    return done


def _outputs(nb: dict) -> list[dict]:
    return [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]


def _text(output: dict) -> str:
    parts = [output.get("text", "")] + [
        v for k, v in output.get("data", {}).items() if k.startswith("text/")
    ]
    return "".join("".join(p) if isinstance(p, list) else str(p) for p in parts)


def test_folder_is_many_outlets(corpus):
    docs = corpus.docs
    assert len(docs) == N_OUTLETS * PER_OUTLET == 330
    # The fourth outlet's capitalised spelling is merged into its usual one.
    assert docs["outlet"].nunique() == N_OUTLETS
    assert (docs["outlet"].value_counts() == PER_OUTLET).all()
    assert sorted(docs["outlet"].unique()) == [
        "CNN (Web News)",
        "Fox Online News",
        "NPR Online News",
        "Politico",
        "USA TODAY",
        "Washington Times",
    ]
    assert corpus.problems.empty


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_clean(executed, name):
    outs = _outputs(executed[name])
    assert not [o for o in outs if o["output_type"] == "error"]
    stderr = [_text(o) for o in outs if o["output_type"] == "stream" and o["name"] == "stderr"]
    assert not stderr, stderr


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_says_nothing_about_the_samples(executed, corpus, name):
    texts = "\n".join(corpus.docs["text"])
    absent = [n for n in SAMPLE_NAMES if not re.search(rf"\b{n}\b", texts)]
    assert {"JNS", "Karabakh"} <= set(absent)  # the check has something to find
    shown = "\n".join(_text(o) for o in _outputs(executed[name]))
    assert "On the sample articles" not in shown
    named = [n for n in absent if re.search(rf"\b{n}\b", shown)]
    assert not named, named


def test_findings_follow_the_folder(executed):
    """The computed sentences name this folder's outlets and counts."""
    md = "\n".join(
        _text(o)
        for o in _outputs(executed["01_ingestion.ipynb"])
        if "text/markdown" in o.get("data", {})
    )
    assert "**330 articles** from **6 outlets**; each has 55 articles." in md
    assert "counted per week below" in md


def _changes(widget, change) -> bool:
    before = static_html(widget)
    change(widget)
    return static_html(widget) != before


def test_every_widget_changes_the_view(corpus):
    from analysis.compare.align import align_passages, story_pairs
    from analysis.compare.pairs import outlet_profile
    from analysis.compare.stories import story_groups, story_table
    from analysis.quotes.extract import extract_quotes
    from analysis.views.widgets import (
        article_browser,
        comparison_view,
        fact_matrix_view,
        kwic_browser,
        profile_browser,
        quote_browser,
        term_explorer,
    )

    docs = corpus.docs
    assert _changes(article_browser(docs), lambda w: setattr(w.search, "value", "Supreme Court"))
    assert _changes(term_explorer(docs), lambda w: setattr(w.ngram, "value", 2))
    assert _changes(
        kwic_browser(docs, pattern="senate"), lambda w: setattr(w.pattern, "value", "governor")
    )
    stories = story_groups(docs)
    view = comparison_view(docs, stories=stories)
    assert len(view.story.options) >= 2
    assert _changes(view, lambda w: setattr(w.story, "value", w.story.options[1][1]))
    matrix = fact_matrix_view(docs, stories=stories)
    assert len(matrix.story.options) >= 2 and len(matrix.tables.matrix) > 0
    assert _changes(matrix, lambda w: setattr(w.story, "value", w.story.options[1][1]))
    top = story_table(docs, stories).head(3)
    sub = docs[stories.isin(top["story"]).to_numpy()].reset_index(drop=True)
    pairs = story_pairs(docs, stories, top["story"], max_per_story=5)
    quotes = extract_quotes(sub)
    browser = quote_browser(quotes)
    named = browser.speaker_table["speaker_id"].iloc[0]  # (the list stands for ids)
    assert _changes(browser, lambda w: setattr(w.speaker, "value", named))
    profile = outlet_profile(sub, align_passages(sub, pairs=pairs), quotes)
    assert _changes(
        profile_browser(profile), lambda w: setattr(w.outlets, "value", w.outlets.value[:1])
    )
