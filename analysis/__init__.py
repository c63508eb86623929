"""News Coverage Workbench: the analysis functions behind the notebooks.

Data flows one way: files -> :func:`load_corpus` -> ``Corpus.docs`` -> derived tables
(term counts, quotes, alignments) -> widgets and plots. Corpora larger than memory: ingest to a
corpus folder, then :mod:`analysis.stream` (term counts and quotes part by part).

The public functions are importable from here (``from analysis import term_counts``). Each
module is imported on first use, so ``python -m analysis ingest`` does not pay for
scikit-learn and the lexicons that comparison needs.
"""

from __future__ import annotations

import importlib
from typing import Any

from . import compiled as _compiled

# The quote extractor's modules run compiled when built (setup.py), from source when that
# build is stale: decided here, before any of them is imported.
_compiled.use_source_if_stale(__name__)

_EXPORTS = {
    "align": ["align_passages", "unique_passages"],
    "compare": ["match_quotes", "sourcing"],
    "corpus": ["Corpus", "filter_docs", "ingest", "load_corpus", "write_corpus"],
    "quotes": ["extract_quotes"],
    "speaker_table": ["speakers"],
    "stories": ["story_groups"],
    "stream": ["read_quotes", "write_quotes"],
    "terms": ["collocations", "keyness", "kwic", "term_counts", "term_over_time", "tokenize"],
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = [  # noqa: F822 - resolved lazily by __getattr__ below
    "Corpus", "align_passages", "collocations", "extract_quotes", "filter_docs", "framing",
    "ingest", "keyness", "kwic", "load_corpus", "match_quotes", "read_quotes", "sourcing",
    "speakers", "story_groups", "term_counts", "term_over_time", "tokenize", "unique_passages",
    "write_corpus", "write_quotes",
]


# The function ``framing`` has its module's name. Importing a submodule sets the package
# attribute of that name to the module, which would hide the function from __getattr__, so
# this one is bound eagerly (analysis/framing.py is cheap to import for this reason).
from .framing import framing  # noqa: E402


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

