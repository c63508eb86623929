"""Quotations and their speakers: the rule-based extractor (``extract``, over the tokenizer and
name rules of ``attribution``), the speaker table (``speaker_table``), quote filtering
(``quote_filter``) and a learned choice among the speakers the rules propose (``ranker``,
``extract_quotes(..., attribution="ranked")``). Imports only :mod:`analysis.core`;
``extract`` and ``attribution`` are compiled by mypyc (:mod:`analysis.compiled`)."""

from .extract import KINDS, QUOTE_COLUMNS, extract_quotes, find_quote_spans
from .quote_filter import QuoteFilter, filter_quotes
from .speaker_table import (
    speaker_ids,
    speaker_key,
    speaker_outlet_counts,
    speakers,
    with_speaker_ids,
)

__all__ = [
    "KINDS",
    "QUOTE_COLUMNS",
    "QuoteFilter",
    "extract_quotes",
    "filter_quotes",
    "find_quote_spans",
    "speaker_ids",
    "speaker_key",
    "speaker_outlet_counts",
    "speakers",
    "with_speaker_ids",
]
