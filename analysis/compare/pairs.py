"""Comparing how outlets quote and source: the same statement quoted twice, and who is credited.

Both functions take the quote table of :func:`analysis.quotes.extract_quotes` (columns
``doc_id, outlet, quote, kind, speaker, speaker_type, ...``). Speakers are merged across
articles with :func:`analysis.speaker_table.speakers` (diacritics folded, titles dropped:
"Erdoğan" == "Turkish President Recep Tayyip Erdogan"). Quotes pair only within a story
(:func:`analysis.compare.stories.story_groups`): a speaker's words recur on other days about
other events.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from typing import TypeAlias

import numpy as np
import pandas as pd
from rapidfuzz.distance import Indel
from scipy.optimize import linear_sum_assignment

from ..core.inputs import require_columns, text_column
from ..core.text import WORD_RE, fold_diacritics
from ..corpus.load import outlets
from ..quotes.resolve import is_description
from ..quotes.speaker_table import display_names, speaker_ids
from .align import (
    content_lemmas,
    coverage,
    cross_outlet,
    lemma_matches,
    lemma_weight,
    membership,
)
from .framing import lexicon_hits

MATCH_COLUMNS = [
    "speaker",
    "doc_a",
    "outlet_a",
    "quote_a",
    "doc_b",
    "outlet_b",
    "quote_b",
    "similarity",
    "diff",
    "start_a",
    "end_a",
    "start_b",
    "end_b",
]
SOURCING_COLUMNS = [
    "level",
    "outlet",
    "doc_id",
    "n_articles",
    "quotes",
    "direct",
    "partial",
    "indirect",
    "person",
    "organisation",
    "description",
    "anonymous",
    "unattributed",
    "named_sources",
    "anonymous_share",
    "agencies",
    "agency_credits",
    "named",
]
SPEAKER_TYPES = ("person", "organisation", "description", "anonymous")

# Share of the shorter quote's content (IDF-weighted, fuzzy lemmas) that must be found in the
# longer one. Outlets trim quotes differently, so containment, not symmetric overlap, decides:
# the seed's two Erdoğan quotes score 0.8 though one is three times the other's length.
# Chosen on the dev part of tests/gold/quote_pairs (`python -m analysis.evaluate pairs`): the
# lowest threshold from which precision stays at 0.95 or more (dev: precision 0.97, recall 0.70
# of the same-statement candidates from 0.3 up). Below it a speaker's other sentences on the
# same event pair up: from 0.5 to 0.7 about half the pairs are different statements.
DEFAULT_QUOTE_SIMILARITY = 0.75
# A quote needs this many content words to be matched at all: one-word scare quotes
# ("massacre") recur without being the same statement.
MIN_QUOTE_LEMMAS = 3

# News agencies an article may credit. Word-bounded, case-sensitive (AP is not "ap").
AGENCIES = {
    "Reuters": r"Reuters",
    "Associated Press": r"Associated Press|AP",
    "AFP": r"AFP|Agence France-Presse",
    "Bloomberg": r"Bloomberg(?: News)?",
    "Anadolu": r"Anadolu(?: Agency)?",
    "Xinhua": r"Xinhua",
    "TASS": r"TASS|Tass",
    "Interfax": r"Interfax",
    "dpa": r"dpa|Deutsche Presse-Agentur",
    "Kyodo": r"Kyodo(?: News)?",
    "Yonhap": r"Yonhap",
    "UPI": r"UPI|United Press International",
    "PA Media": r"PA Media|Press Association",
    "EFE": r"EFE",
    "ANSA": r"ANSA",
    "WAFA": r"WAFA",
}
# A credit, not a mere mention: "told Reuters", "Reuters quoted", "according to Reuters",
# "(Reuters) -", "reported by AP".
_CREDIT_BEFORE = (
    r"(?:told|tells|telling|to|according to|reported by|quoted by|cited by|via|"
    r"said to|speaking to|in an interview with)\s+(?:the\s+)?"
)
_CREDIT_AFTER = (
    r"(?:\s+(?:news agency\s+)?(?:quoted|reported|reports|cited|said|says|"
    r"learned|has learned|obtained|quoting|citing)\b|\s*\)\s*[-—–])"
)


def _agency_re() -> re.Pattern:
    names = "|".join(f"(?P<a{i}>{p})" for i, p in enumerate(AGENCIES.values()))
    return re.compile(
        rf"(?:{_CREDIT_BEFORE}|\(\s*)(?:{names})\b|\b(?:{names.replace('?P<a', '?P<b')})"
        rf"(?={_CREDIT_AFTER})"
    )


_AGENCY_RE = _agency_re()
_AGENCY_NAMES = list(AGENCIES)


# A picture's credit after the agency's name: "(AP Photo/Ada Reyes)", "(Reuters Photo)".
_PHOTO_AFTER_RE = re.compile(r"\s*(?:Photo|Images?|Video)\b")


def agency_credits(text: str, *, outlet: str | None = None) -> list[tuple[str, int, int]]:
    """(agency, start, end) for each place ``text`` credits a news agency ("told Reuters",
    "Reuters quoted", "according to AP", "(AFP) -"), in text order. A picture's credit ("(AP
    Photo/…)") credits no source, and an agency that is the article's own ``outlet`` credits
    itself in its dateline ("DETROIT (AP) —" in AP's copy): neither counts."""
    out = []
    for m in _AGENCY_RE.finditer(text):
        for key, value in m.groupdict().items():
            if value is not None:
                agency = _AGENCY_NAMES[int(key[1:])]
                if not _PHOTO_AFTER_RE.match(text, m.end(key)) and not _is_agency(outlet, agency):
                    out.append((agency, m.start(key), m.end(key)))
                break
    return out


def _credits_by_doc(d: pd.DataFrame) -> dict[str, list[tuple[str, int, int]]]:
    """:func:`agency_credits` of each article (``doc_id``, ``text``, ``outlet``) by doc_id."""
    return {
        doc: agency_credits(text, outlet=outlet)
        for doc, text, outlet in zip(d["doc_id"], d["text"], d["outlet"], strict=True)
    }


def _is_agency(outlet: str | None, agency: str) -> bool:
    """Whether the outlet's name is the agency's ("Associated Press", "AP", "Reuters UK" for
    Reuters); not "The Associated Press Stylebook Blog" beside another outlet's name."""
    if not outlet:
        return False
    pattern = AGENCIES[agency]
    return re.fullmatch(rf"(?:The\s+)?(?:{pattern})(?:\s+\w+)?", outlet.strip()) is not None


def canonical_speakers(quotes: pd.DataFrame) -> pd.Series:
    """Each row's speaker under the name of its ``speaker_id`` (the table's column, else
    computed over ``quotes``): the fullest spelling :func:`analysis.speaker_table.speakers`
    shows for everyone the id merges ("Mr. Okafor" -> "Nadia J. Okafor"), aligned with
    ``quotes``."""
    return display_names(quotes)


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def word_diff(a: str, b: str) -> list[tuple[str, str, str]]:
    """Word-level edit script from ``a`` to ``b``: (op, words of a, words of b) with op one of
    "equal", "delete", "insert", "replace". Words compare folded and lower-cased, so
    "Erdoğan"/"Erdogan" are equal; the words keep their spelling in each text. Uses rapidfuzz's
    Indel opcodes over word lists."""
    wa, wb = _words(a), _words(b)
    ka = [fold_diacritics(w).lower().replace("’", "'") for w in wa]
    kb = [fold_diacritics(w).lower().replace("’", "'") for w in wb]
    out: list[tuple[str, str, str]] = []
    for op in Indel.opcodes(ka, kb):
        tag = op.tag
        sa, sb = " ".join(wa[op.src_start : op.src_end]), " ".join(wb[op.dest_start : op.dest_end])
        if out and tag != "equal" and out[-1][0] != "equal":
            # Indel has no substitution: join a delete and an insert into one replacement.
            _, pa, pb = out.pop()
            sa, sb = " ".join(x for x in (pa, sa) if x), " ".join(x for x in (pb, sb) if x)
            tag = "replace"
        out.append((tag, sa, sb))
    return out


def diff_text(a: str, b: str) -> str:
    """:func:`word_diff` as one line: ``[-only in a-]{+only in b+}``, shared words plain."""
    parts = []
    for tag, sa, sb in word_diff(a, b):
        if tag == "equal":
            parts.append(sa)
        else:
            parts.append((f"[-{sa}-]" if sa else "") + (f"{{+{sb}+}}" if sb else ""))
    return " ".join(parts)


def _containment(qa: list[str], qb: list[str]) -> np.ndarray:
    """Share of the shorter quote's lemma weight found in the other, for every pair."""
    lem_a = [sorted(set(content_lemmas(q))) for q in qa]
    lem_b = [sorted(set(content_lemmas(q))) for q in qb]
    vocab_a = sorted({x for ls in lem_a for x in ls})
    vocab_b = sorted({x for ls in lem_b for x in ls})
    out = np.zeros((len(qa), len(qb)))
    if not vocab_a or not vocab_b:
        return out
    m = lemma_matches(vocab_a, vocab_b)
    ia, ib = {v: i for i, v in enumerate(vocab_a)}, {v: i for i, v in enumerate(vocab_b)}
    sets_a = [np.array([ia[x] for x in ls], dtype=np.int64) for ls in lem_a]
    sets_b = [np.array([ib[x] for x in ls], dtype=np.int64) for ls in lem_b]
    wa = membership(sets_a, len(vocab_a), np.array([lemma_weight(v) for v in vocab_a]))
    wb = membership(sets_b, len(vocab_b), np.array([lemma_weight(v) for v in vocab_b]))
    for i, sa in enumerate(sets_a):
        for j, sb in enumerate(sets_b):
            if min(len(sa), len(sb)) < MIN_QUOTE_LEMMAS:
                continue
            sub = m[np.ix_(sa, sb)]
            if len(sa) <= len(sb):
                w = wa[i].data
                out[i, j] = float((w * sub.max(axis=1)).sum() / w.sum())
            else:
                w = wb[j].data
                out[i, j] = float((w * sub.max(axis=0)).sum() / w.sum())
    return out


def quote_similarity(a: str, b: str) -> float:
    """:func:`match_quotes`' similarity of two quotes: the share of the shorter one's content
    (IDF-weighted lemmas, fuzzy) found in the other; 0 when either has under
    ``MIN_QUOTE_LEMMAS`` content words. "Taxes on fuel will rise in March" against "fuel taxes
    will rise ten percent in March, the minister said" is close to 1."""
    return round(float(_containment([a], [b])[0, 0]), 4)


StoryLabels: TypeAlias = "pd.Series | pd.DataFrame | Mapping[str, object]"


def quote_stories(quotes: pd.DataFrame, stories: StoryLabels | None) -> pd.Series | None:
    """The story label of each row of ``quotes`` (aligned with it), from ``stories``: a Series
    or mapping of labels by ``doc_id``, or a docs table with ``doc_id`` and either ``story`` or
    ``text`` (then grouped here with :func:`analysis.compare.stories.story_groups`). Without
    ``stories``, the quotes' own ``story`` column, else ``None`` (no labels). A quote whose
    article has no label gets a missing label: quotes of articles "a", "b", "c" with
    ``stories={"a": 1, "b": 1}`` get 1, 1 and a missing label.
    """
    if stories is None:
        return quotes["story"] if "story" in quotes else None
    if isinstance(stories, pd.DataFrame):
        require_columns(stories, "doc_id", fn="match_quotes", table="stories")
        if "story" in stories:
            labels = stories["story"]
        else:
            from .stories import story_groups

            labels = story_groups(stories)
        by_doc = dict(zip(stories["doc_id"].astype("str"), labels, strict=True))
    elif isinstance(stories, pd.Series):
        by_doc = dict(zip(stories.index.astype("str"), stories, strict=True))
    else:
        by_doc = {str(k): v for k, v in stories.items()}
    return quotes["doc_id"].astype("str").map(by_doc)


def _pair_rows(g: pd.DataFrame, speaker: object, threshold: float) -> list[dict]:
    """The matched quote pairs of one speaker within one story: for each two articles of
    different outlets, the best one-to-one assignment of their quotes at ``threshold``."""
    rows = []
    docs = sorted(g["doc_id"].unique())
    for x, da in enumerate(docs):
        for db in docs[x + 1 :]:
            ga, gb = g[g["doc_id"] == da], g[g["doc_id"] == db]
            oa, ob = ga["outlet"].iloc[0], gb["outlet"].iloc[0]
            if not cross_outlet(oa, ob):
                continue
            qa, qb = ga["quote"].tolist(), gb["quote"].tolist()
            sim = _containment(qa, qb)
            ok = sim >= threshold
            if not ok.any():
                continue
            r, c = linear_sum_assignment(np.where(ok, sim, 0.0), maximize=True)
            for i, j in zip(r, c, strict=True):
                if ok[i, j]:
                    rows.append(
                        {
                            "speaker": speaker,
                            "doc_a": da,
                            "outlet_a": oa,
                            "quote_a": qa[i],
                            "doc_b": db,
                            "outlet_b": ob,
                            "quote_b": qb[j],
                            "similarity": round(float(sim[i, j]), 4),
                            "diff": diff_text(qa[i], qb[j]),
                            "start_a": ga["start"].iloc[i],
                            "end_a": ga["end"].iloc[i],
                            "start_b": gb["start"].iloc[j],
                            "end_b": gb["end"].iloc[j],
                        }
                    )
    return rows


def _matchable(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes :func:`match_quotes` may pair (attributed, not anonymous, not scare quotes),
    with ``outlet``, ``canonical`` speaker and (missing when absent) ``start``/``end``."""
    q = quotes[quotes["speaker"].notna()].copy()
    if "speaker_type" in q:
        q = q[q["speaker_type"].fillna("") != "anonymous"]
    if "kind" in q:
        q = q[q["kind"] != "scare"]
    q["outlet"] = outlets(q).to_numpy()
    q["canonical"] = canonical_speakers(q) if len(q) else q["speaker"]
    for col in ("start", "end"):
        q[col] = q[col].astype("Int64") if col in q else pd.array([pd.NA] * len(q), "Int64")
    return q


def match_quotes(
    quotes: pd.DataFrame,
    *,
    min_similarity: float | None = None,
    stories: StoryLabels | None = None,
) -> pd.DataFrame:
    """The same statement by the same speaker, quoted in two articles of one story from
    different outlets.

    Speakers are merged across spellings (:func:`analysis.speaker_table.speakers`); anonymous
    speakers ("sources") are never matched, nor scare quotes, nor quotes of under three content
    words.

    ``stories``: which articles report the same event; quotes pair only within a story, since
    a speaker repeats the same words on other days about other events. A Series or mapping of
    story labels by ``doc_id`` (``story_groups(docs).set_axis(docs["doc_id"])``), or a docs
    table with ``doc_id`` and ``story`` (or ``text``: then grouped here by
    :func:`analysis.compare.stories.story_groups`). Articles without a label pair with none.
    Default: the quotes' own ``story`` column; without one, all the given articles count as
    one story (right for articles picked by hand, as a pair), with a ``UserWarning`` when they
    are more than two.

    ``similarity``: the share of the shorter quote's content found in the longer (IDF-weighted
    lemmas, fuzzy: translations and trims still match); pairs below ``min_similarity``
    (default ``DEFAULT_QUOTE_SIMILARITY``) are left out and each quote pairs at most once per
    article pair.

    Columns: ``speaker, doc_a, outlet_a, quote_a, doc_b, outlet_b, quote_b, similarity, diff,
    start_a, end_a, start_b, end_b`` (``diff``: :func:`diff_text`, ``[-a only-]{+b only+}``;
    the offsets are the quotes' ``start``/``end``, missing when the table has none). Sorted by
    speaker, doc_a, doc_b, quote_a, quote_b.
    """
    threshold = DEFAULT_QUOTE_SIMILARITY if min_similarity is None else float(min_similarity)
    require_columns(quotes, "doc_id", "quote", "speaker", fn="match_quotes", table="quotes")
    labels = quote_stories(quotes, stories)
    q = _matchable(quotes.assign(story_key=0 if labels is None else labels.to_numpy()))
    if labels is None:
        n_docs = q["doc_id"].nunique()
        if n_docs > 2:
            warnings.warn(
                f"match_quotes: no story labels, so quotes of all {n_docs} articles are paired "
                "with each other; pass stories= (story_groups) to pair only within a story",
                UserWarning,
                stacklevel=2,
            )
    else:
        q = q[q["story_key"].notna()]
    sort_cols = ["canonical", "doc_id", "start"] if "start" in quotes else ["canonical", "doc_id"]
    q = q.sort_values(sort_cols, kind="stable")
    rows = []
    for (speaker, _), g in q.groupby(["canonical", "story_key"], sort=True):
        rows.extend(_pair_rows(g, speaker, threshold))
    out = pd.DataFrame(rows, columns=MATCH_COLUMNS)
    out = out.astype({c: "str" for c in MATCH_COLUMNS[:9] if c != "similarity"}).astype(
        {"similarity": "float64"} | {c: "Int64" for c in MATCH_COLUMNS[9:]}
    )
    return out.sort_values(
        ["speaker", "doc_a", "doc_b", "quote_a", "quote_b"], kind="stable"
    ).reset_index(drop=True)


def sourcing(docs: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Who each article and each outlet lets speak, and whom it credits.

    One row per article (``level="article"``) then one per outlet (``level="outlet"``,
    ``doc_id`` missing). Columns: ``n_articles``; ``quotes`` (rows of the quote table);
    ``direct, partial, indirect`` (by kind; scare quotes are not sources and are not counted);
    ``person, organisation, description, anonymous`` (by speaker type) and ``unattributed``;
    ``named_sources`` (distinct named persons and organisations, not descriptions such as "the
    report": distinct ``speaker_id``);
    ``anonymous_share`` (anonymous / attributed quotes); ``agencies`` ("Reuters; AFP") and
    ``agency_credits`` (times the text credits a news agency: "told Reuters", "Reuters
    quoted"); ``named`` (the named sources, "; "-joined). Sorted by level (articles first),
    outlet, doc_id.
    """
    require_columns(docs, "doc_id", "text", fn="sourcing")
    require_columns(quotes, "doc_id", "speaker", fn="sourcing", table="quotes")
    d = pd.DataFrame(
        {
            "doc_id": docs["doc_id"].astype("str").to_numpy(),
            "outlet": outlets(docs).to_numpy(),
            "text": text_column(docs, fn="sourcing").to_numpy(),
        }
    )
    q = quotes.copy()
    if "kind" in q:
        q = q[q["kind"] != "scare"]
    q["doc_id"] = q["doc_id"].astype("str")
    q["canonical"] = canonical_speakers(q) if len(q) else pd.Series(dtype="str")
    q["speaker_id"] = q["speaker_id"] if "speaker_id" in q else speaker_ids(q)
    q["stype"] = (
        q["speaker_type"].where(q["speaker"].notna(), None) if "speaker_type" in q else None
    )
    q["described"] = [is_description(x) for x in q["speaker"]]  # ("the report": no name)
    credits = _credits_by_doc(d)

    def summarise(doc_ids: list[str]) -> dict:
        g = q[q["doc_id"].isin(doc_ids)]
        kinds = g["kind"].value_counts() if "kind" in g else pd.Series(dtype="int64")
        types = g["stype"].value_counts()
        sources = g[g["stype"].isin(["person", "organisation"]) & ~g["described"]]
        named = sorted(set(sources["canonical"]))
        attributed = int(types.sum())
        found = [c[0] for doc in doc_ids for c in credits[doc]]
        row: dict[str, object] = {"n_articles": len(doc_ids), "quotes": len(g)}
        row |= {k: int(kinds.get(k, 0)) for k in ("direct", "partial", "indirect")}
        row |= {t: int(types.get(t, 0)) for t in SPEAKER_TYPES}
        row |= {
            "unattributed": len(g) - attributed,
            "named_sources": sources["speaker_id"].nunique(),
            "anonymous_share": round(int(types.get("anonymous", 0)) / attributed, 4)
            if attributed
            else 0.0,
            "agencies": "; ".join(sorted(set(found))),
            "agency_credits": len(found),
            "named": "; ".join(named),
        }
        return row

    rows = []
    for r in d.sort_values(["outlet", "doc_id"], kind="stable").itertuples(index=False):
        rows.append(
            {"level": "article", "outlet": r.outlet, "doc_id": r.doc_id} | summarise([r.doc_id])
        )
    for outlet, g in d.groupby("outlet", sort=True):
        rows.append(
            {"level": "outlet", "outlet": outlet, "doc_id": None} | summarise(sorted(g["doc_id"]))
        )
    out = pd.DataFrame(rows, columns=SOURCING_COLUMNS)
    ints = [c for c in SOURCING_COLUMNS[3:] if c not in ("anonymous_share", "agencies", "named")]
    return out.astype(
        {c: "int64" for c in ints}
        | {
            "anonymous_share": "float64",
            "agencies": "str",
            "named": "str",
            "level": "str",
            "outlet": "str",
            "doc_id": "str",
        }
    )


__all__ = [
    "match_quotes",
    "quote_similarity",
    "quote_stories",
    "sourcing",
    "outlet_profile",
    "word_diff",
    "diff_text",
    "agency_credits",
    "canonical_speakers",
]


PROFILE_COLUMNS = [
    "outlet",
    "n_articles",
    "n_words",
    "shared_share",
    "partners",
    "quotes_per_article",
    "anonymous_share",
    "agency_credits",
    "loaded_per_1000",
    "loaded_own_voice",
]


def outlet_profile(
    docs: pd.DataFrame,
    alignment: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    lexicon: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per outlet over the articles compared in ``alignment``: how much of what it
    writes others also report, whom it quotes, how loaded its own words are.

    Columns: ``outlet``, ``n_articles``, ``n_words``; ``shared_share`` (words in passages some
    other outlet also reports / all its words, :func:`analysis.align.coverage`); ``partners``
    (mean articles each of its articles shares a passage with); ``quotes_per_article``;
    ``anonymous_share`` and ``agency_credits`` (:func:`sourcing`); ``loaded_per_1000``
    (loaded-language hits per 1,000 words, :func:`analysis.framing.lexicon_hits`) and
    ``loaded_own_voice`` (share of those hits outside quotation marks; 0 without hits).
    Sorted by outlet.
    """
    require_columns(quotes, "doc_id", "speaker", fn="outlet_profile", table="quotes")
    cov = coverage(docs, alignment)
    compared = docs[docs["doc_id"].astype("str").isin(cov["doc_id"])]
    src = sourcing(compared, quotes[quotes["doc_id"].astype("str").isin(cov["doc_id"])])
    src = src[src["level"] == "outlet"].set_index("outlet")
    hits = lexicon_hits(compared, lexicon)
    rows = []
    for outlet, g in cov.groupby("outlet", sort=True):
        h = hits[hits["doc_id"].isin(g["doc_id"])]
        words = int(g["n_words"].sum())
        rows.append(
            {
                "outlet": outlet,
                "n_articles": len(g),
                "n_words": words,
                "shared_share": round(int(g["shared_words"].sum()) / words, 4) if words else 0.0,
                "partners": round(float(g["partners"].mean()), 4),
                "quotes_per_article": round(int(src.at[outlet, "quotes"]) / len(g), 4),
                "anonymous_share": float(src.at[outlet, "anonymous_share"]),
                "agency_credits": int(src.at[outlet, "agency_credits"]),
                "loaded_per_1000": round(1000 * len(h) / words, 4) if words else 0.0,
                "loaded_own_voice": round(float((~h["in_quote"]).mean()), 4) if len(h) else 0.0,
            }
        )
    out = pd.DataFrame(rows, columns=PROFILE_COLUMNS)
    return out.astype(
        {"outlet": "str", "n_articles": "int64", "n_words": "int64", "agency_credits": "int64"}
    )
