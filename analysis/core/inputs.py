"""Checks of the tables that analysis functions take, shared so that every function answers bad
input with the same one-line ``ValueError`` (what is wrong, what to do) instead of a traceback
from deep inside pandas or polars."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = ["require_columns", "text_column", "require_known_ids"]


def require_columns(docs: object, *columns: str, fn: str, table: str = "docs") -> None:
    """Raise ``ValueError`` unless ``docs`` is a table (pandas or dask DataFrame) with every
    one of ``columns``; ``fn`` names the function in the message."""
    have = getattr(docs, "columns", None)
    if have is None:
        raise ValueError(
            f"{fn}: {table} must be a DataFrame, not {type(docs).__name__}; "
            "pass a table such as load_corpus(...).docs"
        )
    missing = [c for c in columns if c not in have]
    if missing:
        raise ValueError(
            f"{fn}: {table} has no column {', '.join(repr(c) for c in missing)} (it has "
            f"{', '.join(repr(str(c)) for c in list(have)[:12]) or 'none'}); pass a table "
            f"with columns {', '.join(columns)}, such as load_corpus(...).docs"
        )


def text_column(docs: pd.DataFrame, *, fn: str, column: str = "text") -> pd.Series:
    """``docs[column]`` as str per row: a missing text (None, NaN, pd.NA) is an empty article;
    any other non-str value raises ``ValueError`` naming the first such row (a number in a
    text column is a loading mistake, not a text)."""
    require_columns(docs, column, fn=fn)
    values = docs[column]
    if isinstance(values.dtype, pd.StringDtype):  # str or missing by construction
        return values.fillna("")
    is_str = values.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    missing = values.isna().to_numpy(dtype=bool)
    bad = ~(is_str | missing)
    if bad.any():
        pos = int(bad.argmax())
        who = f"doc_id {docs['doc_id'].iloc[pos]!r}" if "doc_id" in docs.columns else f"row {pos}"
        value = values.iloc[pos]
        raise ValueError(
            f"{fn}: {column} of {who} is {type(value).__name__} {value!r:.40}, not "
            f"str; convert the column (docs[{column!r}].astype(str)) or drop the row"
        )
    return values.where(~missing, "")


def require_known_ids(
    ids: Iterable[object], known: Iterable[object], *, fn: str, what: str = "alignment"
) -> None:
    """Raise ``ValueError`` when ``ids`` (the doc ids a derived table refers to) are not all in
    ``known`` (the docs table's)."""
    unknown = sorted({str(i) for i in ids} - {str(k) for k in known})
    if unknown:
        raise ValueError(
            f"{fn}: the {what} refers to doc_id {unknown[0]!r}, which docs does not "
            f"have ({len(unknown)} such); pass the docs table the {what} was made "
            "from"
        )
