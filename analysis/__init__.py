"""News Coverage Workbench: the analysis functions behind the notebooks.

Data flows one way: files -> :func:`load_corpus` -> ``Corpus.docs`` -> derived tables.
"""

from .corpus import Corpus, load_corpus, write_corpus

__all__ = ["Corpus", "load_corpus", "write_corpus"]
