"""The speakers of a quote table, merged across articles and spellings.

:func:`speakers` gives one row per canonical speaker with quote counts per outlet: names are
compared by :func:`speaker_key` (diacritics folded, titles and roles dropped, so "Erdoğan" ==
"Erdogan" == "Turkish President Recep Tayyip Erdogan"), a one-word name joins the one longer
name of the corpus that ends with it, and anonymous or document speakers stay apart per
article. :func:`speaker_outlet_counts` counts quotations per speaker and outlet.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import numpy as np
import pandas as pd

from ..core.text import MAY_FOLD, fold_diacritics
from .attribution import name_key, strip_name


def speaker_key(name: str) -> str:
    """Merge key for a speaker: folded, lower-case, titles and roles removed
    ("Erdoğan" == "Erdogan")."""
    stripped, _ = strip_name(name)
    return name_key(stripped or name)


class SpeakerNames:
    """Distinct speaker names and what merging reads of each, so that :func:`speaker_key` runs
    once per name (179,000 names for 810,000 quotations on the whole corpus), not per row.
    A missing name counts as ""."""

    def __init__(self, values: pd.Index | list) -> None:
        values = values.tolist() if isinstance(values, pd.Index) else values
        self.names = [s if isinstance(s, str) else "" for s in values]
        self.keys = [speaker_key(s) if s else "" for s in self.names]


def _speaker_codes(speaker: pd.Series) -> tuple[np.ndarray, SpeakerNames]:
    """Per row, the position of its speaker among the distinct names; and those names."""
    codes, uniques = pd.factorize(speaker, use_na_sentinel=False)
    return codes, SpeakerNames(uniques)


def _speaker_keys(
    q: pd.DataFrame, codes: np.ndarray | None = None, names: SpeakerNames | None = None
) -> pd.Series:
    """Merge key per row of a quote table whose speaker is known (see :func:`speakers`).
    ``codes`` and ``names``: those of :func:`_speaker_codes` for ``q``, when already known."""
    if codes is None or names is None:
        codes, names = _speaker_codes(q["speaker"])
    capital = np.fromiter(
        (any(w[:1].isupper() for w in s.split()) for s in names.names),
        dtype=bool,
        count=len(names.names),
    )
    named = q["speaker_type"].isin(["person", "organisation"]).to_numpy(dtype=bool)
    named = named & capital[codes]
    # One-word keys merge into the single longer key that ends with that word.
    by_last: dict[str, set[str]] = defaultdict(set)
    for k in {names.keys[c] for c in np.unique(codes[named]).tolist()}:
        if " " in k:
            by_last[k.split()[-1]].add(k)

    def merged(k: str) -> str:
        return next(iter(by_last[k])) if " " not in k and len(by_last.get(k, ())) == 1 else k

    merged_of = np.array([merged(k) for k in names.keys], dtype=object)
    out = pd.Series(merged_of[codes], index=q.index, dtype=object)
    # Anonymous and document speakers are different people in each article.
    local = ~named
    if local.any():
        key_of = np.array(names.keys, dtype=object)
        keys = pd.Series(key_of[codes[local]], index=q.index[local], dtype=object)
        out[local] = (q["doc_id"][local].astype(str) + "\x00" + keys).to_numpy(dtype=object)
    return out


def speaker_ranks(values: list) -> np.ndarray:
    """Position of each value in Python's sorted order (equal values: the same position)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:  # Arrow sorts UTF-8 bytes: the order of code points, as Python sorts str
        return (
            pc.rank(
                pa.array(values, type=pa.large_string()), sort_keys="ascending", tiebreaker="dense"
            )
            .to_numpy()
            .astype(np.int64)
            - 1
        )
    except (pa.ArrowException, UnicodeError):  # not all str, or lone surrogates
        pass
    rank = np.empty(len(values), dtype=np.int64)
    r, prev = -1, None
    for i in sorted(range(len(values)), key=values.__getitem__):
        if r < 0 or values[i] != prev:
            r, prev = r + 1, values[i]
        rank[i] = r
    return rank


def _groups(keys: pd.Series) -> tuple[np.ndarray, np.ndarray, int]:
    """Rows with the same key as one group, groups numbered in the sorted order of their keys:
    (positions of the rows that have a key, their group, number of groups)."""
    codes, uniques = pd.factorize(keys)
    kept = np.flatnonzero(codes >= 0)
    return kept, speaker_ranks(uniques.tolist())[codes[kept]], len(uniques)


def _pairs(
    group: np.ndarray, codes: np.ndarray, n_codes: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct (group, code) pairs of the rows, sorted, and how many rows have each."""
    n = max(n_codes, 1)
    pair, count = np.unique(group.astype(np.int64) * n + codes, return_counts=True)
    return pair // n, pair % n, count


def _starts(group: np.ndarray) -> np.ndarray:
    """Positions where a new group begins in ``group`` (sorted)."""
    return np.flatnonzero(np.r_[True, group[1:] != group[:-1]]) if len(group) else group


def _first(group: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Per group, in group order, the first position of ``order`` (a sort whose first key is
    ``group``; every group 0..n-1 present)."""
    return order[_starts(group[order])]


def _joined(group: np.ndarray, parts: list[str]) -> list[str]:
    """``"; ".join`` of ``parts`` per group, in group order (``group`` sorted, every group
    0..n-1 present)."""
    starts = _starts(group).tolist()
    return ["; ".join(parts[s:e]) for s, e in zip(starts, starts[1:] + [len(group)], strict=True)]


def _unfolded(s: str) -> bool:
    """``fold_diacritics(s) == s``, quick for names without diacritics."""
    return s.isascii() or (
        unicodedata.is_normalized("NFKD", s)
        and MAY_FOLD.search(s) is None
        or fold_diacritics(s) == s
    )


def _fullest_names(
    group: np.ndarray, codes: np.ndarray, names: SpeakerNames
) -> tuple[list[str], list[str]]:
    """Per group of rows: the fullest spelling of its speaker (most words, then with
    diacritics, then most frequent, then first in sorted order), and its spellings sorted and
    joined by "; "."""
    g, c, n = _pairs(group, codes, len(names.names))
    words = np.array([len(s.split()) for s in names.names], dtype=np.int64)
    plain = np.array([_unfolded(s) for s in names.names], dtype=bool)
    rank = speaker_ranks(names.names)
    best = _first(g, np.lexsort((rank[c], -n, plain[c], -words[c], g)))
    by_name = np.lexsort((rank[c], g))
    return (
        [names.names[k] for k in c[best].tolist()],
        _joined(g[by_name], [names.names[k] for k in c[by_name].tolist()]),
    )


def speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per canonical speaker across the corpus, merged across articles and spellings.

    Named speakers merge with diacritics folded and titles dropped ("Turkish President Recep
    Tayyip Erdogan" == "Erdoğan"); a one-word name joins the only longer name ending with it.
    Anonymous and document speakers ("the sources", "the report") are different people in each
    article, so they merge only within one. Columns: ``speaker`` (the fullest spelling,
    diacritics kept), ``speaker_type``, ``n_quotes``, ``n_docs``, ``n_outlets``, ``by_outlet``
    ("JNS: 4; unknown: 6", most first), ``aliases`` (spellings used). Sorted by n_quotes
    descending, then speaker.
    """
    cols = [c for c in ("doc_id", "outlet", "speaker", "speaker_type") if c in quotes]
    return speaker_rows(quotes.loc[quotes["speaker"].notna().to_numpy(dtype=bool), cols])


def speaker_rows(
    q: pd.DataFrame, codes: np.ndarray | None = None, names: SpeakerNames | None = None
) -> pd.DataFrame:
    """:func:`speakers` of ``q``, the rows with a speaker (``codes`` and ``names``: see
    :func:`_speaker_keys`). Counted over (group, value) pairs at once: a loop over the 221,000
    speakers of the whole corpus took minutes. tests/test_speaker_table.py checks it against that
    loop."""
    cols = ["speaker", "speaker_type", "n_quotes", "n_docs", "n_outlets", "by_outlet", "aliases"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    if codes is None or names is None:
        codes, names = _speaker_codes(q["speaker"])
    kept, group, n_groups = _groups(_speaker_keys(q, codes, names))
    if len(kept) < len(q):  # a row without a key (missing doc_id) is in no group
        q, codes = q.iloc[kept], codes[kept]
    fullest, aliases = _fullest_names(group, codes, names)
    # Type: the most frequent one (ties: first in sorted order).
    tcodes, type_values = pd.factorize(q["speaker_type"])
    types = type_values.tolist()
    has = tcodes >= 0
    g, t, n = _pairs(group[has], tcodes[has], len(types))
    type_of = [
        types[k] for k in t[_first(g, np.lexsort((speaker_ranks(types)[t], -n, g)))].tolist()
    ]
    # Articles: distinct doc ids.
    dcodes, doc_ids = pd.factorize(q["doc_id"])
    has = dcodes >= 0
    n_docs = np.bincount(_pairs(group[has], dcodes[has], len(doc_ids))[0], minlength=n_groups)
    # Outlets: "outlet: n", most first, ties by name.
    outlet = q["outlet"] if "outlet" in q else pd.Series("unknown", index=q.index)
    ocodes, outlets = pd.factorize(outlet, use_na_sentinel=False)
    labels = [str(o) for o in outlets.tolist()]
    g, o, n = _pairs(group, ocodes, len(labels))
    order = np.lexsort((speaker_ranks(labels)[o], -n, g))
    by_outlet = _joined(
        g[order],
        [f"{labels[k]}: {m}" for k, m in zip(o[order].tolist(), n[order].tolist(), strict=True)],
    )
    out = pd.DataFrame(
        {
            "speaker": fullest,
            "speaker_type": type_of,
            "n_quotes": np.bincount(group, minlength=n_groups).tolist(),
            "n_docs": n_docs.tolist(),
            "n_outlets": np.bincount(g, minlength=n_groups).tolist(),
            "by_outlet": by_outlet,
            "aliases": aliases,
        },
        columns=cols,
    )
    return out.sort_values(
        ["n_quotes", "speaker", "by_outlet"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)


def speaker_outlet_counts(quotes: pd.DataFrame, *, named_only: bool = True) -> pd.DataFrame:
    """Quotations per outlet and canonical speaker, long: columns outlet, speaker, n_quotes.

    ``named_only`` keeps persons and organisations with a name (what a chart of "who gets
    quoted" shows); anonymous and document speakers are per article and would not add up.
    Sorted by outlet, n_quotes descending, speaker.
    """
    cols = ["outlet", "speaker", "n_quotes"]
    read = [c for c in ("doc_id", "outlet", "speaker", "speaker_type") if c in quotes]
    q = quotes.loc[quotes["speaker"].notna().to_numpy(dtype=bool), read]
    if q.empty:
        return pd.DataFrame(columns=cols)
    q = q.assign(outlet=q["outlet"] if "outlet" in q else "unknown")
    codes, names = _speaker_codes(q["speaker"])
    keys = _speaker_keys(q, codes, names)
    if named_only:
        named = ~keys.str.contains("\x00", regex=False).to_numpy(dtype=bool)
        q, keys, codes = q[named], keys[named], codes[named]
    # Display name per key: the fullest spelling, as in speakers().
    kept, group, _n = _groups(keys)
    q = q.iloc[kept]
    fullest, _aliases = _fullest_names(group, codes[kept], names)
    q["speaker"] = np.array(fullest, dtype=object)[group]
    out = q.groupby(["outlet", "speaker"]).size().rename("n_quotes").reset_index()
    return out.sort_values(
        ["outlet", "n_quotes", "speaker"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)[cols]
