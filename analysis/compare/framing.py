"""Framing: the words outlets choose when they report the same facts, and loaded language.

Two measures, one table (:func:`framing`):

- ``kind="aligned"``: keyness (:func:`analysis.terms.keyness`, log-odds with an informative
  Dirichlet prior) computed over the *aligned passages only*
  (:func:`analysis.align.align_passages`).
  Restricting to passages that report the same fact holds the referent constant, so what
  remains is wording: "vetoed" against "blocking", "butcher" against nothing.
- ``kind="loaded"``: hits of a loaded-language lexicon (``analysis/data/loaded_language.csv``,
  columns ``term, category, note``; edit it or pass your own) anywhere in the articles.
"""

from __future__ import annotations

# ``analysis`` exports the function ``framing`` under this module's own name, so it imports this
# module eagerly; the heavier modules it needs (alignment, quotes, keyness) are imported inside
# the functions that use them, which keeps ``import analysis`` fast.
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd
import simplemma

from ..core.inputs import require_columns, text_column
from ..core.text import WORD_RE, fold_diacritics, sentence_spans
from ..corpus.boilerplate import without_inline_furniture
from ..corpus.load import UNKNOWN_OUTLET, outlets
from ..quotes.extract import embedded_posts, find_quote_spans
from .align import align_passages
from .terms import keyness

LEXICON_COLUMNS = ["term", "category", "note"]
HIT_COLUMNS = [
    "doc_id",
    "outlet",
    "term",
    "category",
    "match",
    "start",
    "end",
    "in_quote",
    "sentence",
]
FRAMING_COLUMNS = [
    "kind",
    "term",
    "count",
    "in_quotes",
    "ref_count",
    "score",
    "category",
    "note",
    "example",
]


def lexicon_path() -> Path:
    """Where the shipped lexicon lives (package data: ``analysis/data/loaded_language.csv``)."""
    return Path(str(resources.files("analysis") / "data" / "loaded_language.csv"))


def load_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """The loaded-language lexicon: columns ``term`` (lower-case, one or more words),
    ``category``, ``note``; sorted by term. Raises ValueError on missing columns, empty or
    repeated terms, naming the file."""
    path = lexicon_path() if path is None else Path(path)
    lex = pd.read_csv(path, dtype="str", keep_default_na=False)
    missing = set(LEXICON_COLUMNS) - set(lex.columns)
    if missing:
        raise ValueError(
            f"{path}: lexicon needs columns {LEXICON_COLUMNS}; missing {sorted(missing)}"
        )
    lex = lex[LEXICON_COLUMNS].apply(lambda c: c.str.strip())
    lex["term"] = lex["term"].str.lower()
    if (lex["term"] == "").any():
        raise ValueError(f"{path}: a lexicon row has an empty term")
    dup = lex["term"][lex["term"].duplicated()]
    if len(dup):
        raise ValueError(f"{path}: term {dup.iloc[0]!r} is listed twice")
    return lex.sort_values("term", kind="stable").reset_index(drop=True)


@lru_cache(maxsize=200_000)
def _key(word: str) -> tuple[str, str]:
    """(form, lemma) of a word: folded, lower-case, ’ as '."""
    form = fold_diacritics(word).lower().replace("’", "'")
    return form, simplemma.lemmatize(form, lang="en").lower()


def _patterns(lexicon: pd.DataFrame) -> dict[tuple[str, ...], list[tuple[str, bool]]]:
    """First key of each term -> [(term, by_lemma)]. A term written in its base form
    ("massacre") matches every inflection ("massacres"); one written inflected ("claimed")
    matches only that form, so "claimed" does not also catch the noun "claims"."""
    out: dict[tuple[str, ...], list[tuple[str, bool]]] = {}
    for term in lexicon["term"]:
        words = WORD_RE.findall(term)
        if not words:
            continue
        keys = [_key(w) for w in words]
        by_lemma = all(form == lemma for form, lemma in keys)
        seq = tuple(lemma if by_lemma else form for form, lemma in keys)
        out.setdefault(seq, []).append((term, by_lemma))
    return out


def _story_words(text: str) -> str:
    """``text`` as far as the outlet wrote it for this story, offsets unchanged: the page
    furniture inside its lines (link cards with other articles' headlines, photo-gallery
    captions: :func:`analysis.corpus.inline_furniture`) blanked, so that a headline's
    "terrorists" is not the outlet's word in this article."""
    return without_inline_furniture(text)


def lexicon_hits(docs: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every occurrence of a lexicon term in ``docs.text``.

    Page furniture inside lines (:func:`_story_words`) is no word of the article's.
    Columns: ``doc_id, outlet, term, category, match`` (as written), ``start, end`` (offsets
    into ``text``), ``in_quote`` (inside quotation marks or an embedded social-media post:
    the speaker's word, not the outlet's), ``sentence``. Where terms overlap ("axis of evil",
    "evil") only the longest counts. Sorted by doc_id, start, term.
    """
    texts = text_column(docs, fn="lexicon_hits")
    require_columns(docs, "doc_id", fn="lexicon_hits")
    lex = load_lexicon() if lexicon is None else lexicon
    category = dict(zip(lex["term"], lex["category"], strict=True))
    patterns = _patterns(lex)
    longest = max((len(k) for k in patterns), default=0)
    outlet_of = outlets(docs)
    rows: list[dict[str, object]] = []
    for doc_id, outlet, text in zip(docs["doc_id"].astype("str"), outlet_of, texts, strict=True):
        words = list(WORD_RE.finditer(_story_words(text)))
        keys = [_key(m.group()) for m in words]
        spans = sentence_spans(text)
        quoted = [(p.start, p.end) for p in find_quote_spans(text)]
        quoted += [(p.start, p.end) for p in embedded_posts(text)]
        found: list[dict] = []
        for i in range(len(words)):
            for n in range(1, longest + 1):
                if i + n > len(words):
                    break
                for by_lemma in (True, False):
                    seq = tuple(k[1] if by_lemma else k[0] for k in keys[i : i + n])
                    for term, term_by_lemma in patterns.get(seq, ()):
                        if term_by_lemma != by_lemma:
                            continue
                        s, e = words[i].start(), words[i + n - 1].end()
                        sent = next((text[a:b] for a, b in spans if a <= s < b), "")
                        found.append(
                            {
                                "doc_id": doc_id,
                                "outlet": outlet,
                                "term": term,
                                "category": category[term],
                                "match": text[s:e],
                                "start": s,
                                "end": e,
                                "in_quote": any(a <= s and e <= b for a, b in quoted),
                                "sentence": sent,
                            }
                        )
        rows.extend(
            h
            for h in found
            if not any(
                o is not h
                and o["start"] <= h["start"]
                and h["end"] <= o["end"]
                and o["end"] - o["start"] > h["end"] - h["start"]
                for o in found
            )
        )
    out = pd.DataFrame(rows, columns=HIT_COLUMNS)
    out = out.astype(
        {c: "str" for c in ("doc_id", "outlet", "term", "category", "match", "sentence")}
    ).astype({"start": "int64", "end": "int64", "in_quote": "bool"})
    return out.sort_values(["doc_id", "start", "term"], kind="stable").reset_index(drop=True)


def _group_of(docs: pd.DataFrame, by: str, fn: str) -> dict[str, str]:
    require_columns(docs, "doc_id", *([by] if by != "outlet" else []), fn=fn)
    if by not in docs:
        return dict.fromkeys(docs["doc_id"].astype("str"), UNKNOWN_OUTLET)
    values = docs[by].astype("str").where(docs[by].notna(), UNKNOWN_OUTLET)
    return dict(zip(docs["doc_id"].astype("str"), values, strict=True))


def aligned_wording(
    docs: pd.DataFrame, alignment: pd.DataFrame, *, by: str = "outlet"
) -> pd.DataFrame:
    """Keyness of each group's words within the aligned passages, against the other groups'
    aligned passages (:func:`analysis.terms.keyness`, lemmatised, diacritics folded, English
    stop words out). Columns as ``keyness`` returns them, ``by`` first."""
    group = _group_of(docs, by, "aligned_wording")
    require_columns(
        alignment,
        "doc_a",
        "doc_b",
        "start_a",
        "start_b",
        "passage_a",
        "passage_b",
        fn="aligned_wording",
        table="alignment",
    )
    sides = []
    for side in ("a", "b"):
        part = alignment[[f"doc_{side}", f"start_{side}", f"passage_{side}"]]
        part.columns = ["doc", "start", "text"]
        sides.append(part)
    passages = pd.concat(sides, ignore_index=True)
    passages = passages.drop_duplicates(["doc", "start"]).sort_values(["doc", "start"])
    pseudo = pd.DataFrame(
        {
            "doc_id": passages["doc"] + "#" + passages["start"].astype("str"),
            by: passages["doc"].map(group),
            "text": passages["text"],
        }
    )
    if pseudo.empty or pseudo[by].nunique() < 2:
        return pd.DataFrame(columns=[by, "term", "count", "ref_count", "score"])
    return keyness(
        pseudo, by=by, method="log_odds", stopwords="english", lemmatize=True, fold_diacritics=True
    )


def framing(
    docs: pd.DataFrame,
    *,
    by: str = "outlet",
    alignment: pd.DataFrame | None = None,
    lexicon: pd.DataFrame | None = None,
    top: int = 15,
) -> pd.DataFrame:
    """How each group (outlet by default) words what it shares with the others, and which
    loaded words it uses.

    ``alignment``: from :func:`analysis.align.align_passages` (computed when omitted).
    Columns: ``by``; ``kind`` ("aligned": words of the group's aligned passages that no other
    group's aligned passages use, at most ``top`` per group by keyness; "loaded": lexicon
    terms); ``term``; ``count`` (in the group: aligned passages, or whole articles for
    "loaded"); ``in_quotes`` (of ``count``, how many inside quotation marks, i.e. a speaker's
    word rather than the outlet's; 0 for "aligned"); ``ref_count`` (in the other groups);
    ``score`` (keyness z-score; hits per 1,000
    words for "loaded"); ``category`` and ``note`` (from the lexicon, empty for "aligned");
    ``example`` (the first passage or sentence using it). Sorted by group, kind, score
    (high first), term.
    """
    texts = text_column(docs, fn="framing")
    group = _group_of(docs, by, "framing")
    if alignment is None:
        alignment = align_passages(docs)
    columns = [by, *FRAMING_COLUMNS]
    rows = _aligned_rows(docs, alignment, group, by, top)
    lex = load_lexicon() if lexicon is None else lexicon
    rows += _loaded_rows(docs, texts, group, by, lex)
    out = pd.DataFrame(rows, columns=columns)
    out = out.astype(
        {
            by: "str",
            "kind": "str",
            "term": "str",
            "category": "str",
            "note": "str",
            "example": "str",
            "count": "int64",
            "in_quotes": "int64",
            "ref_count": "int64",
            "score": "float64",
        }
    )
    return out.sort_values(
        [by, "kind", "score", "term"], ascending=[True, True, False, True], kind="stable"
    ).reset_index(drop=True)


def _aligned_rows(
    docs: pd.DataFrame, alignment: pd.DataFrame, group: dict[str, str], by: str, top: int
) -> list[dict]:
    """The "aligned" rows of :func:`framing`: wording within aligned passages that no other
    group's aligned passages use, at most ``top`` per group."""
    rows: list[dict] = []
    kn = aligned_wording(docs, alignment, by=by)
    if len(kn):
        kn = kn[(kn["count"] > 0) & (kn["ref_count"] == 0) & (kn["score"] > 0)]
        kn = kn.sort_values([by, "score", "term"], ascending=[True, False, True], kind="stable")
        kn = kn.groupby(by, sort=True).head(top)
        for r in kn.itertuples(index=False):
            g, term = getattr(r, by), r.term
            rows.append(
                {
                    by: g,
                    "kind": "aligned",
                    "term": term,
                    "count": int(r.count),
                    "in_quotes": 0,
                    "ref_count": int(r.ref_count),
                    "score": round(float(r.score), 4),
                    "category": "",
                    "note": "",
                    "example": _example(alignment, group, g, term),
                }
            )
    return rows


def _loaded_rows(
    docs: pd.DataFrame, texts: pd.Series, group: dict[str, str], by: str, lex: pd.DataFrame
) -> list[dict]:
    """The "loaded" rows of :func:`framing`: lexicon terms anywhere in the articles."""
    rows: list[dict] = []
    hits = lexicon_hits(docs, lex)
    n_words = texts.map(lambda x: len(WORD_RE.findall(x)))
    words = n_words.groupby(docs["doc_id"].astype("str").map(group).to_numpy()).sum()
    if len(hits):
        hits = hits.assign(_g=hits["doc_id"].map(group))
        counts = hits.groupby(["_g", "term"]).size()
        quoted = hits.groupby(["_g", "term"])["in_quote"].sum()
        totals = hits.groupby("term").size()
        notes = lex.set_index("term")
        for (g, term), n in counts.sort_index().items():
            first = hits[(hits["_g"] == g) & (hits["term"] == term)].iloc[0]
            rows.append(
                {
                    by: g,
                    "kind": "loaded",
                    "term": term,
                    "count": int(n),
                    "in_quotes": int(quoted[(g, term)]),
                    "ref_count": int(totals[term] - n),
                    "score": round(1000 * n / max(int(words.get(g, 0)), 1), 4),
                    "category": notes.at[term, "category"],
                    "note": notes.at[term, "note"],
                    "example": first["sentence"],
                }
            )
    return rows


def _example(alignment: pd.DataFrame, group: dict[str, str], g: str, term: str) -> str:
    """The first aligned passage of group ``g`` that contains ``term`` (lemma, folded)."""
    for side in ("a", "b"):
        for doc, passage in zip(
            alignment[f"doc_{side}"], alignment[f"passage_{side}"], strict=True
        ):
            if group.get(doc) != g:
                continue
            if any(_key(w)[1] == term or _key(w)[0] == term for w in WORD_RE.findall(passage)):
                return passage
    return ""


__all__ = ["framing", "aligned_wording", "lexicon_hits", "load_lexicon", "lexicon_path"]
