"""analysis/compiled.py: the compiled quote modules give the source's tables, and a stale
compile never runs (the source does, with a warning)."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis.quotes.extract
from analysis import compiled
from analysis.quotes.extract import extract_quotes

ROOT = Path(__file__).resolve().parents[1]


def _in_source_python(code: str, *args: str) -> str:
    """Run ``code`` in a fresh interpreter that imports the group from its .py files."""
    env = dict(os.environ, ANALYSIS_PURE_PYTHON="1", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_pure_python_switch_imports_every_module_of_the_group_from_source():
    out = _in_source_python(
        "import analysis.quotes.extract, analysis.quotes.attribution, analysis.core.text\n"
        "print(analysis.quotes.extract.__file__, analysis.quotes.attribution.__file__,"
        " analysis.core.text.__file__)\n"
        "print(analysis.quotes.attribution.COMPILED)"
    )
    files, flag = out.splitlines()
    assert [Path(f).relative_to(ROOT / "analysis").as_posix() for f in files.split()] == [
        "quotes/extract.py",
        "quotes/attribution.py",
        "core/text.py",
    ]
    assert flag == "False"


def _fake_build(folder: Path, *, record: bool = True) -> None:
    """The group's sources in ``folder`` with stand-in extension files and recorded hashes."""
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    for name in compiled.MODULES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "analysis" / f"{name}.py", folder / f"{name}.py")
        (folder / f"{name}{suffix}").write_bytes(b"")
    if record:
        hashes = {n: compiled.source_hash(folder / f"{n}.py") for n in compiled.MODULES}
        (folder / compiled.HASHES_FILE.name).write_text(json.dumps(hashes), encoding="utf-8")


def test_a_current_build_is_not_stale_an_edited_source_is(tmp_path):
    assert compiled.stale_modules(tmp_path) == []  # nothing compiled: the source, silently
    _fake_build(tmp_path)
    assert compiled.stale_modules(tmp_path) == []
    quotes_py = tmp_path / "quotes" / "extract.py"
    quotes_py.write_text(quotes_py.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert compiled.stale_modules(tmp_path) == ["quotes/extract"]


def test_a_build_without_recorded_sources_or_with_a_module_missing_is_stale(tmp_path):
    _fake_build(tmp_path, record=False)
    assert compiled.stale_modules(tmp_path) == list(compiled.MODULES)
    _fake_build(tmp_path)
    compiled.compiled_file("core/text", tmp_path).unlink()
    assert compiled.stale_modules(tmp_path) == ["core/text"]


def _same_table_as_source(docs: pd.DataFrame, tmp_path: Path) -> None:
    docs.to_parquet(tmp_path / "docs.parquet")
    _in_source_python(
        "import sys, pandas as pd\n"
        "import analysis.quotes.extract as q\n"
        "assert q.__file__.endswith('.py')\n"
        "q.extract_quotes(pd.read_parquet(sys.argv[1]), progress=False).to_parquet(sys.argv[2])",
        str(tmp_path / "docs.parquet"),
        str(tmp_path / "source.parquet"),
    )
    ours = extract_quotes(docs, progress=False)
    pd.testing.assert_frame_equal(ours, pd.read_parquet(tmp_path / "source.parquet"))


needs_compiled = pytest.mark.skipif(
    not compiled.is_compiled(analysis.quotes.extract),
    reason="analysis.quotes.extract runs from source here (not compiled, stale, or "
    "ANALYSIS_PURE_PYTHON)",
)


@pytest.mark.compiled
@needs_compiled
def test_compiled_quotes_equal_the_source_on_the_seeds(seed_docs, tmp_path):
    _same_table_as_source(seed_docs, tmp_path)


@pytest.mark.compiled
@needs_compiled
def test_compiled_quotes_equal_the_source_on_real_articles(corpus_head_docs, tmp_path):
    _same_table_as_source(corpus_head_docs, tmp_path)
