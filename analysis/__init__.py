"""News Coverage Workbench: the analysis functions behind the notebooks.

Data flows one way: files -> :func:`load_corpus` -> ``Corpus.docs`` -> derived tables
(term counts, quotes, alignments) -> widgets and plots. Corpora larger than memory: ingest to a
corpus folder, then :mod:`analysis.scale.stream` (term counts and quotes part by part).

The package is layered; a layer imports only the layers below it (CONTRIBUTING.md):
``views`` and ``scale`` over ``compare`` over ``quotes`` over ``corpus`` over ``core``.

The public functions are importable from here (``from analysis import term_counts``). This
module is the only place that chooses between pandas and Dask: ``load_corpus(engine="dask")``,
and ``extract_quotes`` and ``story_groups`` given a Dask DataFrame, go to :mod:`analysis.scale`.
Each module is imported on first use, so ``python -m analysis ingest`` does not pay for
scikit-learn and the lexicons that comparison needs.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import compiled as _compiled
from .core.progress import is_dask

if TYPE_CHECKING:
    import pandas as pd

    from .corpus.load import Corpus

# The quote extractor's modules run compiled when built (setup.py), from source when that
# build is stale: decided here, before any of them is imported.
_compiled.use_source_if_stale(__name__)

_EXPORTS = {
    "compare.align": ["align_passages", "unique_passages"],
    "compare.facts": ["fact_matrix", "omissions", "story_facts"],
    "compare.pairs": ["match_quotes", "sourcing"],
    "compare.framing": ["framing"],
    "corpus.boilerplate": ["boilerplate_lines", "without_boilerplate"],
    "corpus.load": ["Corpus", "filter_docs", "ingest", "write_corpus"],
    "quotes.speaker_table": ["speakers"],
    "scale.stream": ["read_quotes", "write_quotes"],
    "compare.terms": [
        "collocations",
        "keyness",
        "kwic",
        "term_counts",
        "term_over_time",
        "tokenize",
    ],
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}
# Every lazily imported name, and the three functions defined below that choose pandas or Dask.
__all__ = sorted([*_MODULE_OF, "extract_quotes", "load_corpus", "story_groups"])


def load_corpus(path: str | Path, *, engine: str = "pandas", **options: Any) -> Corpus:
    """:func:`analysis.corpus.load_corpus`; ``engine="dask"``: a Corpus whose ``docs`` is a
    Dask DataFrame (:func:`analysis.scale.dask.load_corpus`), whose ``.compute()`` is the
    pandas load's ``docs``."""
    if engine == "dask":
        from .scale.dask import load_corpus as load_dask

        return load_dask(path, **options)
    from .corpus.load import load_corpus as load_pandas

    return load_pandas(path, engine=engine, **options)


def extract_quotes(
    docs: Any,
    *,
    indirect: bool = True,
    n_jobs: int | None = 1,
    progress: bool | None = None,
    attribution: str = "rules",
) -> pd.DataFrame:
    """:func:`analysis.quotes.extract_quotes`; a Dask DataFrame gives the same table, extracted
    partition by partition (:func:`analysis.scale.dask.extract_quotes`)."""
    if is_dask(docs):
        from .scale.dask import extract_quotes as extract_dask

        return extract_dask(docs, indirect=indirect, progress=progress, attribution=attribution)
    from .quotes.extract import extract_quotes as extract_pandas

    return extract_pandas(
        docs, indirect=indirect, n_jobs=n_jobs, progress=progress, attribution=attribution
    )


def story_groups(
    docs: Any,
    *,
    threshold: float | None = None,
    window_days: int | None = None,
    progress: bool | None = None,
) -> pd.Series:
    """:func:`analysis.compare.stories.story_groups`; a Dask DataFrame gives the same Series
    (:func:`analysis.scale.dask.story_groups`)."""
    if is_dask(docs):
        from .scale.dask import story_groups as stories_dask

        return stories_dask(docs, threshold=threshold, window_days=window_days, progress=progress)
    from .compare.stories import story_groups as stories_pandas

    return stories_pandas(docs, threshold=threshold, window_days=window_days, progress=progress)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
