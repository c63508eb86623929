"""Tables written for other tools. A CSV is opened in a spreadsheet, which runs a cell that
starts like a formula: a quotation or speaker name reading ``=HYPERLINK(...)`` or ``@SUM(...)``
would run on the analyst's machine. :func:`to_safe_csv` neutralises such cells as OWASP's
CSV-injection guidance says (https://owasp.org/www-community/attacks/CSV_Injection): a text cell
that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single quote
``'`` in front, and every field is quoted. Every CSV export of the workbench goes through it.
"""

from __future__ import annotations

import csv
from typing import Final

import pandas as pd

__all__ = ["FORMULA_STARTS", "safe_csv_cell", "to_safe_csv"]

# The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def safe_csv_cell(value: object) -> object:
    """``value`` with ``'`` in front when it is text that a spreadsheet would run as a formula;
    anything else (numbers, dates, missing values, other text) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _is_text(column: pd.Series) -> bool:
    dtype = column.dtype
    return not (
        pd.api.types.is_numeric_dtype(dtype)
        or pd.api.types.is_bool_dtype(dtype)
        or pd.api.types.is_datetime64_any_dtype(dtype)
        or isinstance(dtype, pd.PeriodDtype)
    )


def to_safe_csv(table: pd.DataFrame, path_or_buf: object = None, **to_csv_options) -> str | None:
    """``table.to_csv(path_or_buf, ...)`` with every text cell (header included) passed through
    :func:`safe_csv_cell` and every field quoted (``csv.QUOTE_ALL``); ``index=False`` unless
    given. Returns the CSV text when ``path_or_buf`` is None, as pandas does. Numbers stay
    numbers (a negative number is not a formula); read back, a neutralised cell keeps its
    ``'``."""
    safe = table.copy()
    for c in safe.columns:
        if _is_text(safe[c]):
            safe[c] = safe[c].astype(object).map(safe_csv_cell, na_action="ignore")
    safe.columns = [safe_csv_cell(str(c)) for c in safe.columns]
    to_csv_options.setdefault("index", False)
    to_csv_options["quoting"] = csv.QUOTE_ALL
    return safe.to_csv(path_or_buf, **to_csv_options)
