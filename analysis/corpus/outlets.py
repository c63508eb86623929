"""One name per outlet: spellings that differ only in case or spacing ("FOX", "Fox ", "fox")
are one outlet, shown in its most frequent spelling (ties: the first seen). An optional
``outlets.csv`` beside the data (columns ``alias,outlet``) maps other names onto one outlet
("Fox News Channel" -> "Fox News"); aliases are matched the same case- and space-insensitive way.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import pandas as pd

OUTLETS_FILE: Final = "outlets.csv"
UNKNOWN: Final = "unknown"
_SPACE_RE: Final = re.compile(r"\s+")


def outlet_key(name: str) -> str:
    """The form two spellings of one outlet share: case-folded, runs of spaces as one."""
    return _SPACE_RE.sub(" ", name).strip().casefold()


def read_aliases(root: Path) -> dict[str, str]:
    """The ``outlets.csv`` of a folder (or beside a file) as ``{alias: outlet}``; {} if none."""
    path = (root if root.is_dir() else root.parent) / OUTLETS_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None or not {"alias", "outlet"} <= set(reader.fieldnames):
            raise ValueError(
                f"{path}: needs the columns alias,outlet (found: "
                f"{', '.join(reader.fieldnames or []) or 'none'})"
            )
        return {
            row["alias"]: row["outlet"]
            for row in reader
            if (row["alias"] or "").strip() and (row["outlet"] or "").strip()
        }


def merge_outlets(outlet: pd.Series, aliases: Mapping[str, str] | None = None) -> pd.Series:
    """``outlet`` with every spelling of one outlet replaced by its canonical spelling.

    An alias's target is the canonical name of its group; otherwise the most frequent
    spelling wins, ties broken by the spelling seen first. ``unknown`` stays ``unknown``.
    """
    names = outlet.astype("str")
    target = {outlet_key(a): o.strip() for a, o in (aliases or {}).items()}
    keys = names.map(lambda n: target.get(outlet_key(n), n)).map(outlet_key)
    spelled = pd.DataFrame({"key": keys.to_numpy(), "name": names.to_numpy()})
    stats = (
        spelled.assign(first=range(len(spelled)))
        .groupby(["key", "name"], sort=False)["first"]
        .agg(["size", "min"])
        .reset_index()
    )
    best = (
        stats.sort_values(["key", "size", "min"], ascending=[True, False, True])
        .drop_duplicates("key")
        .set_index("key")["name"]
    )
    canonical = best.to_dict()
    for name in target.values():  # an alias map names its outlet exactly
        canonical[outlet_key(name)] = name
    out = keys.map(canonical)
    out[names == UNKNOWN] = UNKNOWN
    return out.astype(outlet.dtype)
