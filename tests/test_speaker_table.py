"""analysis/quotes/speaker_table.py: speakers merged across articles and spellings, per outlet; the
vectorised table against the same rules written plainly, row by row.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.text import fold_diacritics
from analysis.quotes.attribution import strip_name
from analysis.quotes.extract import extract_quotes
from analysis.quotes.speaker_table import (
    _title_dropped,
    _without_openers,
    nicknames,
    speaker_ids,
    speaker_outlet_counts,
    speakers,
    well_formed,
)


def test_speakers_merge_spellings_across_articles_but_not_anonymous_ones():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["JNS", "Reuters", "Reuters"],
            "text": [
                "President Recep Tayyip Erdoğan spoke. “We will act,” Erdoğan said. "
                "“Soon,” the sources said.",
                "“We are strong,” Turkish President Recep Tayyip Erdogan said.",
                "“Never,” Erdogan said. “Later,” the sources said.",
            ],
        }
    )
    sp = speakers(extract_quotes(docs))
    erd = sp[sp["speaker"] == "Recep Tayyip Erdoğan"]
    assert len(erd) == 1
    erd = erd.iloc[0]
    assert (erd.n_quotes, erd.n_docs, erd.n_outlets) == (3, 3, 2)
    assert erd.by_outlet == "Reuters: 2; JNS: 1"
    assert fold_diacritics(erd.speaker) == "Recep Tayyip Erdogan"
    # "the sources" of two articles are two different groups of people.
    assert (sp["speaker"] == "the sources").sum() == 2
    counts = speaker_outlet_counts(extract_quotes(docs))
    assert counts.to_dict("records") == [
        {"outlet": "JNS", "speaker": "Recep Tayyip Erdoğan", "n_quotes": 1},
        {"outlet": "Reuters", "speaker": "Recep Tayyip Erdoğan", "n_quotes": 2},
    ]


# ------------------------------------------------------------ vectorised, against plain rules
# speakers() works on distinct names and in native code (bench/bench_widgets.py times it on the
# whole corpus); its tables must stay those of the rules written plainly, row by row.


def _speaker_keys_by_rule(q: pd.DataFrame) -> pd.Series:
    """Merge key per row: its speaker_id (the rule itself is tested in test_speaker_ids.py)."""
    return q["speaker_id"] if "speaker_id" in q else speaker_ids(q)


def _fullest(names, key: str) -> str:
    """The display name among ``names`` (a Counter) of the speaker_id ``key``, one name at a
    time."""

    def words(s: str) -> list[str]:
        return _title_dropped(fold_diacritics(strip_name(s)[0] or s))

    def odd(s: str) -> bool:
        w = [fold_diacritics(x).lower() for x in _without_openers(words(s))]
        if "|" in key or not w:
            return False
        first = nicknames().get(w[0], w[0])  # "Bernie" reads as the id's "bernard"
        return (first, w[-1]) != (key.split()[0], key.split()[-1])

    return sorted(
        names,
        key=lambda s: (
            odd(s),
            not (
                words(s)
                and len(_without_openers(words(s))) == len(words(s))
                and well_formed(words(s))
                and not all(x.isupper() for x in words(s))
            ),
            -len(_without_openers(words(s))),
            fold_diacritics(s) == s,
            -names[s],
            s,
        ),
    )[0]


def _speakers_by_rule(quotes: pd.DataFrame) -> pd.DataFrame:
    """speakers() written plainly, one speaker at a time (its implementation until it was
    vectorised): the oracle for the vectorised one."""
    from collections import Counter

    cols = [
        "speaker",
        "speaker_id",
        "speaker_type",
        "n_quotes",
        "n_docs",
        "n_outlets",
        "by_outlet",
        "aliases",
    ]
    q = quotes[quotes["speaker"].notna()]
    if q.empty:
        return pd.DataFrame(columns=cols)
    outlet = q["outlet"] if "outlet" in q else pd.Series("unknown", index=q.index)
    keys = _speaker_keys_by_rule(quotes)[q.index]
    rows = []
    for _key, idx in sorted(keys.groupby(keys).groups.items()):
        g = q.loc[idx]
        names = Counter(g["speaker"])
        best = _fullest(names, _key)
        typ = g["speaker_type"].mode().sort_values().iloc[0]
        if typ == "person" and " and " in _key:
            typ = "people"  # people quoted together are no one person
        per = sorted(Counter(outlet.loc[idx]).items(), key=lambda x: (-x[1], x[0]))
        rows.append(
            {
                "speaker": best,
                "speaker_id": _key,
                "speaker_type": typ,
                "n_quotes": len(g),
                "n_docs": g["doc_id"].nunique(),
                "n_outlets": len(per),
                "by_outlet": "; ".join(f"{o}: {n}" for o, n in per),
                "aliases": "; ".join(sorted(set(g["speaker"]))),
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(
        ["n_quotes", "speaker", "by_outlet"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)


def _speaker_outlet_counts_by_rule(quotes: pd.DataFrame, named_only: bool = True):
    """speaker_outlet_counts() written plainly (its implementation until it was vectorised)."""
    from collections import Counter

    keys = _speaker_keys_by_rule(quotes)[quotes["speaker"].notna()]
    q = quotes[quotes["speaker"].notna()].copy()
    q["outlet"] = q["outlet"] if "outlet" in q else "unknown"
    # A per-article key holds "|".
    per_doc = keys.str.contains("|", regex=False)
    if named_only:
        q, keys = q[~per_doc], keys[~per_doc]
    display = {}
    for key, names in q["speaker"].groupby(keys):
        display[key] = _fullest(Counter(names), key)
    q["speaker"] = keys.map(display)
    out = q.groupby(["outlet", "speaker"]).size().rename("n_quotes").reset_index()
    return out.sort_values(
        ["outlet", "n_quotes", "speaker"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)


@pytest.fixture(scope="module")
def corpus_quotes(corpus_head_docs) -> pd.DataFrame:
    """The quotations of the first 400 articles of the shared multi-outlet corpus."""
    return extract_quotes(corpus_head_docs)


def _check_speakers(quotes: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(speakers(quotes), _speakers_by_rule(quotes), check_exact=True)


def test_speakers_equal_the_plain_rules_on_hand_made_names():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "outlet": ["Wire", "Daily", "Wire", "Post"],
            "text": [
                "“We will act,” said Turkish President Recep Tayyip Erdoğan. "
                "“Soon,” Erdoğan added. "
                "“Later,” the sources said. “No,” said Katz.",
                "“We are strong,” Erdogan said. “Yes,” Israel Katz said. “Maybe,” officials said.",
                "“Never,” Recep Tayyip Erdogan said. “Later,” the sources said. “Ça va,” said "
                "François Hollande. “Oui,” Hollande said.",
                "“Fine,” said Francois Hollande. “Sure,” said Jane Doe. “Sure,” said John Doe. "
                "“Well,” Doe said.",
            ],
        }
    )
    quotes = extract_quotes(docs)
    assert quotes["speaker"].notna().sum() >= 10
    _check_speakers(quotes)
    _check_speakers(quotes.drop(columns=["outlet"]))
    _check_speakers(quotes.iloc[:0])
    _check_speakers(quotes[quotes["speaker"].isna()])
    # The same table from QuoteFilter, which reuses the keys it prepared.
    from analysis.quotes.quote_filter import QuoteFilter

    pd.testing.assert_frame_equal(QuoteFilter(quotes).speakers(), speakers(quotes))


def test_speakers_equal_the_plain_rules_on_real_articles(corpus_quotes):
    """400 articles of the shared corpus: names merged across articles and outlets."""
    sp = speakers(corpus_quotes)
    assert len(sp) > 500 and (sp["n_docs"] > 1).any() and (sp["n_outlets"] > 1).any()
    _check_speakers(corpus_quotes)
    _check_speakers(corpus_quotes.drop(columns=["outlet"]))
    for named_only in (True, False):
        pd.testing.assert_frame_equal(
            speaker_outlet_counts(corpus_quotes, named_only=named_only),
            _speaker_outlet_counts_by_rule(corpus_quotes, named_only=named_only),
        )
    from analysis.quotes.quote_filter import QuoteFilter

    pd.testing.assert_frame_equal(QuoteFilter(corpus_quotes).speakers(), sp)


def test_ranks_follow_python_sorted():
    from analysis.quotes.speaker_table import speaker_ranks

    values = ["b", "a", "", "a", "\x00z", "é", "e\u0301", "😀", "\uffff", "Z", "b"]
    order = sorted(set(values))
    assert speaker_ranks(values).tolist() == [order.index(v) for v in values]
    # Text Arrow cannot hold (a lone surrogate) is ranked by Python itself.
    odd = ["b", "\ud800", "a", "b"]
    assert speaker_ranks(odd).tolist() == [1, 2, 0, 1]
