"""Reading articles into the docs table: file walking and readers (``load``, ``files``),
record fields (``fields``), outlet names (``outlets``), the lines outlets repeat in their
articles and the link cards sites paste into sentences (``boilerplate``) and the corpus folder
and output files (``outputs``). Imports only :mod:`analysis.core`."""

from .boilerplate import (
    boilerplate_lines,
    gallery_captions,
    inline_furniture,
    link_cards,
    without_boilerplate,
)
from .load import (
    CORPUS_DIR_MARKER,
    SIDECAR_NAME,
    UNKNOWN_OUTLET,
    Corpus,
    articles_over_time,
    contains_text,
    corpus_dir,
    filter_docs,
    ingest,
    load_corpus,
    outlets,
    read_corpus_dir,
    read_corpus_parquet,
    write_corpus,
)
from .outputs import NotACorpusFolder, OutputRefused

__all__ = [
    "CORPUS_DIR_MARKER",
    "SIDECAR_NAME",
    "UNKNOWN_OUTLET",
    "Corpus",
    "NotACorpusFolder",
    "OutputRefused",
    "articles_over_time",
    "boilerplate_lines",
    "link_cards",
    "gallery_captions",
    "inline_furniture",
    "contains_text",
    "corpus_dir",
    "filter_docs",
    "ingest",
    "load_corpus",
    "outlets",
    "read_corpus_dir",
    "read_corpus_parquet",
    "without_boilerplate",
    "write_corpus",
]
