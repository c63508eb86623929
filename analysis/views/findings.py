"""Sentences that state what the tables show, for the notebooks, and the data-derived defaults of
their search terms. The notebooks print findings with ``display(Markdown(...))``; every number
and name in a sentence comes from the table passed in, so the text is true of any folder.

Notes written about the sample articles (``data/seeds``) live in ``data/sample_notes.md`` and
show only when a notebook runs on the samples (:func:`sample_note`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from IPython.display import Markdown

from ..compare.align import closest_pair
from ..compare.facts import MIN_OTHERS, FactTables, omission_counts
from ..compare.framing import lexicon_hits
from ..compare.terms import kwic, term_counts
from ..corpus.fields import SETTINGS_FILES
from ..corpus.load import SIDECAR_NAME, UNKNOWN_OUTLET
from ..quotes.speaker_table import speakers
from .html import largest, with_counts

PACKAGE = Path(__file__).resolve().parents[1]  # analysis/
SAMPLES_DIR = PACKAGE.parent / "data" / "seeds"
NOTES = PACKAGE / "data" / "sample_notes.md"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|$~<>-])")
_NOTE_HEAD = re.compile(r"^@@ (\S+)\s*$", re.MULTILINE)
REPORTING_VERBS = frozenset({"said", "says", "say", "told", "tell", "according"})


def md(text: object) -> str:
    """``text`` (a name or word from the data) safe inside Markdown: HTML and Markdown
    punctuation escaped, so an outlet called "<b>*X*</b>" shows as written."""
    return _MD_SPECIAL.sub(r"\\\1", str(text).replace("&", "&amp;"))


def is_samples(data_dir: str | Path) -> bool:
    """True when ``data_dir`` is the sample folder shipped with the project."""
    try:
        return Path(data_dir).resolve() == SAMPLES_DIR.resolve()
    except OSError:
        return False


def _notes() -> dict[str, str]:
    parts = _NOTE_HEAD.split(NOTES.read_text(encoding="utf-8"))
    return {k: v.strip() for k, v in zip(parts[1::2], parts[2::2], strict=True)}


def sample_note(data_dir: str | Path, key: str) -> Markdown | None:
    """The note ``key`` of ``data/sample_notes.md``, marked as such, when ``data_dir`` is the
    samples; nothing otherwise (the note describes those two articles only)."""
    notes = _notes()
    if key not in notes:
        raise KeyError(f"no sample note {key!r} in {NOTES.name}; known: {', '.join(notes)}")
    if not is_samples(data_dir):
        return None
    return Markdown(
        "**On the sample articles** (this note shows only on `data/seeds`):\n\n" + notes[key]
    )


def _listing(items: Sequence[str], limit: int = 5) -> str:
    """ "A, B and C"; past ``limit`` items, the first ones and how many more ("A, B and 110
    others"), so a list cut short never reads as complete."""
    items = list(items)
    if len(items) > limit:
        more = len(items) - limit
        return ", ".join(items[:limit]) + f" and {more} other{'s' if more > 1 else ''}"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# Outlets a per-outlet finding lists by name; a folder of a hundred outlets would otherwise
# print a hundred lines before the reader reaches the table that holds them all.
MAX_OUTLET_LINES = 12


@dataclass(frozen=True)
class OutletLine:
    """One outlet's sentence in a per-outlet finding, and how much of the data it stands for
    (words, matches), which decides the outlets named when there are too many."""

    outlet: str
    text: str
    weight: float


def _outlet_lines(lines: Sequence[OutletLine], limit: int = MAX_OUTLET_LINES) -> str:
    """The lines as a Markdown list in their own order; past ``limit`` outlets, only those of
    the ``limit`` largest weights and a last line saying how many are in the table only."""
    chosen = largest(pd.Series([line.weight for line in lines], dtype="float64"), limit)
    kept = [line for i, line in enumerate(lines) if i in chosen]
    text = "\n".join(f"- {line.text}" for line in kept)
    more = len(lines) - len(kept)
    if more:
        text += (
            f"\n- … and {_n(more, 'other outlet')} (those above have the most data; the "
            "table lists all)"
        )
    return text


def outlet_md(outlet: str) -> str:
    """An outlet's name in bold for a finding; the articles with no known outlet are said to
    be that, since they may come from many outlets: "**unknown** (no known outlet)"."""
    name = f"**{md(outlet)}**"
    return name + " (no known outlet)" if outlet == UNKNOWN_OUTLET else name


def _outlet_counts(outlets: pd.Series) -> str:
    """How many rows each outlet has, by outlet name: "A 2, B 1"; past ``MAX_OUTLET_LINES``
    outlets, those with the most rows and how many others ("…, K 3 and 40 other outlets")."""
    per = outlets.value_counts().sort_index()
    biggest = largest(per, MAX_OUTLET_LINES)
    parts = [f"{md(o)} {c:,}" for o, c in per.items() if o in biggest]
    if len(per) > len(parts):
        return ", ".join(parts) + f" and {_n(len(per) - len(parts), 'other outlet')}"
    return ", ".join(parts)


def _day(t: pd.Timestamp) -> str:
    return f"{t.day} {t:%B %Y}"


def plural(word: str) -> str:
    """The plural of a noun, or of each noun of a choice: "outlet" -> "outlets", "match" ->
    "matches", "file or record" -> "files or records"."""
    if " or " in word:
        return " or ".join(plural(w) for w in word.split(" or "))
    return word + ("es" if word.endswith(("ch", "sh", "s", "x")) else "s")


def _n(count: int, word: str) -> str:
    return f"{count:,} {word if count == 1 else plural(word)}"


def _period(t: pd.Timestamp, bin_name: str) -> str:
    """A timeline period as words: "on 2 Aug 2024", "in the week of 2 Aug 2024", "in Aug 2024",
    "in 2024"."""
    if bin_name == "day":
        return f"on {t.day} {t:%b %Y}"
    if bin_name == "week":
        return f"in the week of {t.day} {t:%b %Y}"
    return f"in {t:%b %Y}" if bin_name == "month" else f"in {t:%Y}"


# ------------------------------------------------------------------------------ defaults


def top_terms(docs: pd.DataFrame, n: int = 2) -> list[str]:
    """The ``n`` most frequent terms of the whole corpus (news stopwords out, accents folded,
    ties by term): the default trend term (first) and collocation term (second)."""
    counts = term_counts(docs, by=None, stopwords="news", fold_diacritics=True)
    # No bare numbers, and not the reporting verbs every news story is full of.
    counts = counts[
        counts["term"].str.contains(r"[^\W\d_]", regex=True) & ~counts["term"].isin(REPORTING_VERBS)
    ]
    return counts["term"].head(n).tolist()


def framing_terms(docs: pd.DataFrame) -> list[str]:
    """The words of the loaded-language lexicon (``analysis/data/loaded_language.csv``) that
    occur in ``docs``, as written (lower-cased, one word each), most hits first, ties by word."""
    hits = lexicon_hits(docs)
    words = hits["match"].str.lower()
    words = words[~words.str.contains(" ")]
    counts = words.value_counts()
    return sorted(counts.index, key=lambda w: (-counts[w], w))


def top_speaker(quotes: pd.DataFrame) -> str | None:
    """The named person quoted most often (:func:`analysis.speaker_table.speakers` order)."""
    table = speakers(quotes)
    people = table[table["speaker_type"] == "person"]
    return None if people.empty else str(people["speaker"].iloc[0])


def kwic_terms(docs: pd.DataFrame, terms: Sequence[str], *, window: int = 8) -> pd.DataFrame:
    """:func:`analysis.terms.kwic` of each term (matched as a term, not a pattern), in one
    table sorted by doc_id and offset; a stretch of text two terms match ("regime" and
    "regime’s" both match "regime’s") is listed once."""
    tables = [kwic(docs, t, window=window) for t in dict.fromkeys(terms)]
    if not tables:
        return kwic(docs, "\u0000", window=window).iloc[0:0]
    out = pd.concat(tables, ignore_index=True)
    out = out.sort_values(["doc_id", "start", "end"], kind="stable", ignore_index=True)
    return out.drop_duplicates(["doc_id", "start", "end"], ignore_index=True)


# ------------------------------------------------------------------------------ 01 ingestion


def corpus_md(docs: pd.DataFrame, bin_name: str) -> str:
    """How many articles, from how many outlets, over what dates, and how they are binned."""
    n, outlets = len(docs), docs["outlet"].value_counts()
    if not n:
        return "The folder holds **no article**: see the problems above."
    # Articles whose outlet nothing names are no outlet of their own: they may be many outlets.
    unknown = int(outlets.get(UNKNOWN_OUTLET, 0))
    outlets = outlets.drop(UNKNOWN_OUTLET, errors="ignore")
    lead = f"**{_n(n, 'article')}** from **{_n(len(outlets), 'outlet')}**"
    if unknown:
        lead += f" and {_n(unknown, 'article')} with no known outlet (*{UNKNOWN_OUTLET}*)"
    if outlets.empty:
        lead += "."
    else:
        lead += "; " + _largest_outlets(outlets, n)
    return lead + _dates_md(docs, bin_name)


def _largest_outlets(outlets: pd.Series, n: int) -> str:
    """ "the largest is X with 12 articles (10%)", or "each has 2 articles"."""
    top = outlets.sort_index().sort_values(ascending=False, kind="stable")
    if len(top) == 1:
        return (
            f"**{md(top.index[0])}** has {_n(int(top.iloc[0]), 'article')} ({top.iloc[0] / n:.0%})."
        )
    largest = [f"**{md(o)}**" for o in top.index[top == top.iloc[0]]]
    lead = ""
    if len(largest) == len(top) and len(top) > 1:
        lead += f"each has {_n(int(top.iloc[0]), 'article')}."
    else:
        each = "" if len(largest) == 1 else " each"
        lead += (
            f"the largest {'is' if len(largest) == 1 else 'are'} {_listing(largest, 8)} "
            f"with {_n(int(top.iloc[0]), 'article')}{each} ({top.iloc[0] / n:.0%})."
        )
    return lead


def _dates_md(docs: pd.DataFrame, bin_name: str) -> str:
    """The date span of ``docs`` and how many articles have no date."""
    n = len(docs)
    dated = docs["date"].dropna()
    if dated.empty:
        return " No article has a date, so there is no timeline."
    first, last = dated.min(), dated.max()
    undated = n - len(dated)
    tail = (
        (
            f" {_n(undated, 'article')} without a date {'is' if undated == 1 else 'are'} left "
            "out of the timeline."
        )
        if undated
        else ""
    )
    if first.normalize() == last.normalize():
        when = f" All dated articles appeared on the same day, {_day(first)}."
    else:
        days = (last.normalize() - first.normalize()).days
        when = (
            f" They span {_day(first)} to {_day(last)} ({days:,} days), counted per "
            f"{bin_name} below."
        )
    return when + tail


def problems_md(problems: pd.DataFrame) -> str:
    """How many files or records were skipped or loaded with a caveat, and the main reason."""
    if problems.empty:
        return "Every file loaded cleanly: the problems table is empty."
    skipped = int((problems["action"] == "skipped").sum())
    warned = len(problems) - skipped
    reason = problems["problem"].str.split(r" \(|:", n=1, regex=True).str[0].value_counts()
    return (
        f"{_n(skipped, 'file or record')} skipped, {warned:,} loaded with a warning; the "
        f"most common problem: *{md(reason.index[0])}* ({reason.iloc[0]:,})."
    )


# ------------------------------------------------------------------------------ 02 words


def boilerplate_md(furniture: pd.DataFrame, before: pd.DataFrame, after: pd.DataFrame) -> str:
    """How many lines the outlets repeat (:func:`analysis.corpus.boilerplate_lines`), how many
    words blanking them takes out of the counts (``before`` and ``after``: the docs tables with
    and without them), and the most repeated line."""
    if furniture.empty:
        return (
            "No line recurs word for word in several articles of one outlet: every word is counted."
        )
    removed = int(before["n_words"].sum() - after["n_words"].sum())
    total = max(int(before["n_words"].sum()), 1)
    top = furniture.sort_values(["articles", "outlet", "line"], ascending=[False, True, True])
    first = top.iloc[0]
    line = first["line"] if len(first["line"]) <= 80 else first["line"][:77] + "..."
    one = len(furniture) == 1
    return (
        f"{_n(len(furniture), 'line')} {'recurs' if one else 'recur'} word for word in several "
        f"articles of one outlet (page furniture: sign-ups, credits, captions) and "
        f"{'is' if one else 'are'} left out of the counts: "
        f"{removed:,} of {total:,} words ({removed / total:.1%}). The most repeated: "
        f"*{md(line)}* (**{md(first['outlet'])}**, {_n(int(first['articles']), 'article')})."
    )


def top_terms_md(counts: pd.DataFrame, top: int = 3) -> str:
    """Each outlet's most frequent terms with their counts, and the terms every outlet has
    among its ten most frequent."""
    lines = []
    tens = []
    for outlet, g in counts.groupby("outlet", sort=True):
        words = [f"*{md(t)}* ({c:,})" for t, c in zip(g["term"], g["count"], strict=True)][:top]
        text = f"{outlet_md(outlet)}: {_listing(words, top)}"
        lines.append(OutletLine(str(outlet), text, float(g["count"].sum())))
        tens.append(set(g["term"].head(10)))
    common = sorted(set.intersection(*tens)) if tens else []
    shared = (
        f"In every outlet's ten most frequent: {_listing([f'*{md(t)}*' for t in common], 8)}."
        if common and len(tens) > 1
        else ""
    )
    return "Most frequent words per outlet:\n\n" + _outlet_lines(lines) + "\n\n" + shared


def keyness_md(key: pd.DataFrame, top: int = 3) -> str:
    """Each outlet's most over-used terms against the reference, with both counts, and how
    strong the evidence is (the largest score)."""
    if key.empty:  # keyness gives rows to every group that has other groups to compare with
        return (
            "Keyness against the other outlets needs two or more outlets with words, and this "
            "folder has fewer: nothing to compare."
        )
    lines = []
    for outlet, g in key.groupby("outlet", sort=True):
        g = g[g["score"] > 0].head(top)
        words = [
            f"*{md(t)}* ({c:,} vs {r:,})"
            for t, c, r in zip(g["term"], g["count"], g["ref_count"], strict=True)
        ]
        if words:
            text = f"{outlet_md(outlet)}: {_listing(words, top)}"
            lines.append(OutletLine(str(outlet), text, float(g["count"].sum())))
    if not lines:
        return "No term is used more by one outlet than by the others."
    best = float(key["score"].abs().max())
    strength = (
        "At least one score exceeds 2: a difference unlikely by chance."
        if best >= 2
        else f"The largest score is {best:.2f}, under 2: read these as a ranking of "
        "words to check, not as evidence of a house style."
    )
    return (
        "Used more than the reference (count in the outlet vs in the reference: the other "
        "outlets together, or ordinary English scaled to the outlet's length):\n\n"
        + _outlet_lines(lines)
        + "\n\n"
        + strength
    )


def framing_md(framed: pd.DataFrame, *, outlets: int = 2) -> str:
    """Which framing words each outlet uses, and which it alone uses (``count`` > 0 with
    ``ref_count`` 0), from a keyness table (with its ``n`` column) restricted to the lexicon.
    ``outlets``: how many the folder has; with one, keyness has no rows to restrict."""
    if outlets < 2:
        return (
            "Framing words are compared between outlets, and this folder has fewer than two: "
            "section 3 lists every use in context."
        )
    if framed.empty:
        return "None of the framing words occurs in these articles."
    lines = []
    for outlet, g in framed.groupby("outlet", sort=True):
        used = g[g["count"] > 0]
        alone = used[used["ref_count"] == 0]["term"].tolist()
        if used.empty:
            continue
        n_words = int(g["n"].iloc[0])
        text = (
            f"{outlet_md(outlet)} uses {_n(int(used['count'].sum()), 'framing word')} "
            f"({1000 * used['count'].sum() / n_words:.1f} per 1,000 of its counted words)"
        )
        if alone and framed["outlet"].nunique() > 1:
            text += f"; only it uses {_listing([f'*{md(t)}*' for t in alone], 6)}"
        lines.append(OutletLine(str(outlet), text, float(used["count"].sum())))
    return _outlet_lines(lines)


def kwic_md(lines: pd.DataFrame) -> str:
    """How many matches, in how many articles, per outlet."""
    if lines.empty:
        return "No match."
    return (
        f"{_n(len(lines), 'match')} in {_n(lines['doc_id'].nunique(), 'article')} "
        f"({_outlet_counts(lines['outlet'])})."
    )


def collocations_md(table: pd.DataFrame, term: str, top: int = 5) -> str:
    """The words most often found near ``term``, with their counts."""
    if table.empty:
        return f"No word occurs near *{md(term)}* often enough to be listed."
    t = table.sort_values(["count", "score", "collocate"], ascending=[False, False, True])
    words = [f"*{md(w)}* ({c:,})" for w, c in zip(t["collocate"], t["count"], strict=True)]
    return f"Most often near *{md(term)}*: {_listing(words, top)}."


def trend_md(trend: pd.DataFrame, term: str, bin_name: str) -> str:
    """Per outlet, the period in which ``term`` has its largest share, with the count."""
    if trend.empty:
        return f"No article has a date, so *{md(term)}* has no trend over time."
    used = trend[trend["count"] > 0]
    if used.empty:
        return f"*{md(term)}* does not occur in the dated articles."
    lines = []
    for outlet, g in used.groupby("outlet", sort=True):
        r = g.sort_values(["share", "period"], ascending=[False, True]).iloc[0]
        text = (
            f"{outlet_md(outlet)}: most {_period(r['period'], bin_name)}, "
            f"{int(r['count']):,} of {int(r['n']):,} words "
            f"({1000 * r['share']:.1f} per 1,000); {int(g['count'].sum()):,} in its dated articles"
        )
        lines.append(OutletLine(str(outlet), text, float(g["count"].sum())))
    return f"*{md(term)}* over time:\n\n" + _outlet_lines(lines)


# ------------------------------------------------------------------------------ 03 quotes


def speakers_md(table: pd.DataFrame, quotes: pd.DataFrame, top: int = 3) -> str:
    """The most quoted named speakers with their counts, and the anonymous share."""
    named = table[table["speaker_type"].isin(["person", "organisation"])]
    if named.empty:
        return "No quotation has a named speaker."
    first = named.iloc[0]
    rest = [
        f"{md(s)} ({n:,})"
        for s, n in zip(named["speaker"].iloc[1:top], named["n_quotes"].iloc[1:top], strict=True)
    ]
    text = (
        f"The most quoted named speaker is **{md(first['speaker'])}**: "
        f"{_n(int(first['n_quotes']), 'quotation')} in {_n(int(first['n_docs']), 'article')} "
        f"from {_n(int(first['n_outlets']), 'outlet')}"
    )
    text += f"; then {_listing(rest)}." if rest else "."
    attributed = quotes[quotes["speaker"].notna() & (quotes["kind"] != "scare")]
    if len(attributed):
        anon = int((attributed["speaker_type"] == "anonymous").sum())
        text += (
            f" {anon:,} of {len(attributed):,} attributed quotations "
            f"({anon / len(attributed):.0%}) have an anonymous speaker."
        )
    return text


def filtered_md(rows: pd.DataFrame, speaker: str | None) -> str:
    """How many quotations the filter kept, by kind and outlet."""
    who = f"*{md(speaker)}*" if speaker else "anyone"
    if rows.empty:
        return f"No quotation of {who}."
    kinds = rows["kind"].value_counts()
    text = (
        f"{_n(len(rows), 'quotation')} of {who}: "
        + ", ".join(f"{c:,} {k}" for k, c in kinds.items())
        + "; by outlet: "
        + _outlet_counts(rows["outlet"])
        + "."
    )
    names = rows["speaker"].value_counts()
    if len(names) > 1:  # the filter matches every speaker whose name holds the one asked for
        text += (
            " The speakers as the extractor read them: "
            + _listing([f"{md(n)} ({c:,})" for n, c in names.items()], 6)
            + "."
        )
    return text


# ------------------------------------------------------------------------------ 04 comparison


def coverage_md(cov: pd.DataFrame, alignment: pd.DataFrame, unique: pd.DataFrame) -> str:
    """How much of each compared article the other also reports, and what only it reports."""
    if cov.empty:
        return "No pair of articles was compared."
    lines = [f"{_n(len(alignment), 'shared passage')}."]
    for r in cov.itertuples():
        own = unique[unique["doc_id"] == r.doc_id]
        lines.append(
            f"- **{md(r.outlet)}** (`{md(r.doc_id)}`): {r.shared_words:,} of "
            f"{r.n_words:,} words ({r.shared_share:.0%}) in shared passages; "
            f"{_n(len(own), 'passage')} only it reports"
        )
    return "\n".join(lines)


# An edit in a quote pair's diff (analysis.compare.pairs.diff_text): "[-a only-]" or "{+b only+}".
_EDIT_MARK = re.compile(r"\[-|\{\+")


def quote_pairs_md(pairs: pd.DataFrame) -> str:
    """Whose statements both articles quote, and how alike the two wordings are."""
    if pairs.empty:
        return "No statement is quoted in both articles."
    per = pairs.groupby("speaker", sort=True)["similarity"].agg(["size", "min"])
    parts = [
        f"**{md(s)}** ({_n(int(r['size']), 'pair')}, least alike {r['min']:.0%})"
        for s, r in per.iterrows()
    ]
    # similarity is containment: a trimmed quote scores 1.0, so "same words" reads the diff.
    exact = int((~pairs["diff"].astype("str").str.contains(_EDIT_MARK)).sum())
    return (
        f"{_n(len(pairs), 'statement')} quoted in both: {_listing(parts, 6)}; "
        f"{exact:,} in the same words."
    )


def sourcing_md(src: pd.DataFrame) -> str:
    """Per outlet: quotations, named sources, the anonymous share and agencies credited."""
    rows = src[src["level"] == "outlet"]
    lines = []
    for r in rows.itertuples():
        agencies = f", credits {md(r.agencies)} {r.agency_credits:,}×" if r.agency_credits else ""
        # With no attributed quotation the share is undefined, not 0 %.
        anonymous = (
            "no attributed quotation"
            if int(r.quotes) - int(r.unattributed) == 0
            else f"{r.anonymous_share:.0%} of attributions anonymous"
        )
        lines.append(
            f"- {outlet_md(r.outlet)}: {_n(int(r.quotes), 'quotation')}, "
            f"{_n(int(r.named_sources), 'named source')}, {anonymous}{agencies}"
        )
    return "\n".join(lines) if lines else "No quotation."


def loaded_md(frame: pd.DataFrame) -> str:
    """Per outlet: loaded-language hits, how many in its own voice (outside quotation marks)."""
    loaded = frame[frame["kind"] == "loaded"]
    if loaded.empty:
        return "No word of the loaded-language lexicon occurs."
    lines = []
    for outlet, g in loaded.groupby("outlet", sort=True):
        n, quoted = int(g["count"].sum()), int(g["in_quotes"].sum())
        own = g[g["count"] > g["in_quotes"]]["term"].tolist()
        eg = "e.g. " if len(own) > 4 else ""
        example = f" ({eg}{_listing([f'*{md(t)}*' for t in own], 4)})" if own else ""
        text = (
            f"{outlet_md(outlet)}: {_n(n, 'loaded word')}, {n - quoted:,} in its own "
            f"voice{example}, {quoted:,} inside quotation marks"
        )
        lines.append(OutletLine(str(outlet), text, float(n)))
    return _outlet_lines(lines)


# ------------------------------------------------------------------------------ 05 many outlets


def profile_md(profile: pd.DataFrame, min_articles: int) -> str:
    """The outlets at the ends of each measure, among those with at least ``min_articles``
    compared articles (fewer would rank noise), with the counts behind each rate. Articles with
    no known outlet are no outlet and are not ranked."""
    enough = profile["n_articles"] >= min_articles
    unknown = profile["outlet"] == UNKNOWN_OUTLET
    ranked = profile[enough & ~unknown]
    note = (
        f" ({_n(int(profile.loc[unknown, 'n_articles'].sum()), 'article')} with no known outlet, "
        f"*{UNKNOWN_OUTLET}*, are no outlet and are not ranked.)"
        if (enough & unknown).any()
        else ""
    )
    if ranked.empty:
        return (
            f"No outlet has {min_articles:,} or more compared articles: none is ranked "
            f"(lower `MIN_ARTICLES` to rank smaller samples).{note}"
        )
    profile = profile[~unknown]
    r = with_counts(ranked).rename(columns={"loaded_hits": "hits"})
    hi = r.sort_values(["loaded_per_1000", "outlet"], ascending=[False, True]).iloc[0]
    sh = r.sort_values(["shared_share", "outlet"], ascending=[False, True])
    head = f"Only **{md(hi['outlet'])}** has" if len(r) == 1 else f"{_n(len(r), 'outlet')} have"
    text = (
        f"{head} at least {_n(min_articles, 'compared article')} and "
        f"{'is' if len(r) == 1 else 'are'} ranked ({len(profile) - len(r):,} with fewer "
        f"{'is' if len(profile) - len(r) == 1 else 'are'} not). "
        f"{'Its' if len(r) == 1 else 'Most'} loaded language: "
        f"{'' if len(r) == 1 else '**' + md(hi['outlet']) + '**, '}"
        f"{hi['loaded_per_1000']:.2f} per 1,000 words "
        f"({int(hi['hits']):,} in {int(hi['n_words']):,} words, {hi['loaded_own_voice']:.0%} "
        f"in its own voice)."
    )
    if len(sh) > 1:
        top, low = sh.iloc[0], sh.iloc[-1]
        text += (
            f" Most shared with others: **{md(top['outlet'])}** ({top['shared_share']:.0%} "
            f"of {int(top['n_words']):,} words); least: **{md(low['outlet'])}** "
            f"({low['shared_share']:.0%} of {int(low['n_words']):,})."
        )
    return text + note


def facts_md(tables: FactTables | None, choices: pd.DataFrame, story: int | None) -> str:
    """What the fact matrix of ``story`` (a row of ``choices``, the table of
    :func:`analysis.compare.facts.matrix_stories`) shows: how many outlets and facts, whether
    the story reaches the wanted number of outlets, the first fact and the outlet that omits
    most."""
    if choices.empty or story is None or tables is None:
        return "No story here is covered by two or more outlets: there is no fact to compare."
    row = choices[choices["story"] == story].iloc[0]
    n_out, wanted = int(row["n_outlets"]), int(choices.attrs.get("min_outlets", 3))
    title = f" (*{md(row['title'])}*)" if isinstance(row["title"], str) and row["title"] else ""
    text = (
        f"Story {int(story)}{title} is covered by {_n(n_out, 'outlet')} "
        f"({_n(int(row['n_articles']), 'article')})."
    )
    if n_out < wanted:
        text += (
            f" No story in this folder is covered by {wanted} or more outlets; this one has "
            f"the most, so its matrix compares {n_out} outlets only."
        )
    m = tables.matrix
    if m.empty:
        return text + " No fact is reported by two of its outlets."
    everyone = int((m["n_omitting"] == 0).sum())
    text += (
        f" {_n(len(m), 'fact')} {'is' if len(m) == 1 else 'are'} reported by two or more "
        f"outlets; {everyone:,} by every outlet compared with them."
    )
    first = m.iloc[0]
    if pd.isna(first["first_date"]):
        text += " No article reporting them has a date, so their first appearance is unknown."
    else:
        tied = int(first["tied_first"])
        same = f", with {_n(tied, 'other outlet')} the same day" if tied else ""
        text += (
            f" The earliest, fact {int(first['fact'])}, appeared first in "
            f"**{md(first['first_outlet'])}** on {_day(first['first_date'])}{same}."
        )
    counts = omission_counts(tables.presence)
    if len(counts) and int(counts["omitted"].iloc[0]) > 0 and int(counts["reported"].iloc[0]):
        top = counts.iloc[0]
        text += (
            f" **{md(top['outlet'])}** omits the most facts that two or more others report: "
            f"{int(top['omitted']):,}."
        )
    silent = int((counts["reported"] == 0).sum())
    if silent:
        text += (
            f" {_n(silent, 'outlet')} {'reports' if silent == 1 else 'report'} none of them: "
            "an article that shares no fact with the others may be about another event."
        )
    return text


def omissions_md(omitted: pd.DataFrame, outlet: str, *, n_outlets: int | None = None) -> str:
    """How many facts ``outlet`` leaves out that two or more others report. ``n_outlets``: the
    outlets of the story; with fewer than three, no fact can be reported by two others, and the
    sentence says so rather than report that nothing is left out."""
    if n_outlets is not None and n_outlets - 1 < MIN_OTHERS:
        return (
            f"This story has {_n(n_outlets, 'outlet')}: no fact can be reported by two or more "
            f"outlets other than **{md(outlet)}**, so nothing counts as its omission here."
        )
    if omitted.empty:
        return f"**{md(outlet)}** omits no fact that two or more other outlets report."
    widest = omitted.sort_values(["n_outlets", "fact"], ascending=[False, True]).iloc[0]
    return (
        f"**{md(outlet)}** omits {_n(len(omitted), 'fact')} that two or more other outlets "
        f"report; the most widely reported of them (fact {int(widest['fact'])}) is in "
        f"{_n(int(widest['n_outlets']), 'outlet')}."
    )


# ------------------------------------------------------------------------------ parameters


@dataclass(frozen=True)
class SearchTerms:
    """The search terms of notebook 02, each given or derived from the data."""

    trend: str | None
    collocation: str | None
    framing: list[str]
    kwic: list[str]

    @property
    def kwic_pattern(self) -> str:
        """The first KWIC term, for the KWIC widget's initial search ("" when none)."""
        return self.kwic[0] if self.kwic else ""


def search_terms(
    docs: pd.DataFrame,
    *,
    trend: str | None = None,
    collocation: str | None = None,
    framing: Sequence[str] | None = None,
    kwic: Sequence[str] | None = None,
) -> SearchTerms:
    """Each term as given, or its default: ``trend`` the most frequent word, ``collocation``
    the second most frequent, ``framing`` the loaded-language words found
    (:func:`framing_terms`), ``kwic`` the framing words."""
    top = top_terms(docs) if trend is None or collocation is None else []
    trend = trend if trend is not None else (top[0] if top else None)
    collocation = collocation if collocation is not None else (top[1] if len(top) > 1 else trend)
    framing_list = list(framing) if framing is not None else framing_terms(docs)
    kwic_list = list(kwic) if kwic is not None else framing_list
    return SearchTerms(trend, collocation, framing_list, kwic_list)


@dataclass(frozen=True)
class Pair:
    """Two articles of one story from different outlets, as notebook 04 compares them."""

    story: int
    a: str
    b: str


def pick_pair(
    docs: pd.DataFrame, stories: pd.Series, table: pd.DataFrame, story: int | None = None
) -> Pair:
    """Two articles of different outlets of ``story`` (default: the first row of ``table``,
    the story covered by the most outlets): of each outlet's first article (by doc_id), the
    two that share the most content words (:func:`analysis.compare.align.closest_pair`)."""
    if table.empty:
        known = set(docs["outlet"]) - {UNKNOWN_OUTLET}
        if len(known) < 2:
            raise ValueError(
                f"this folder has {len(known)} known outlet{'' if len(known) == 1 else 's'}: "
                "notebook 04 compares two outlets' coverage of one story (notebooks 01-03 and "
                "05 work on one outlet)"
            )
        raise ValueError(
            "no story is covered by two outlets in this folder: nothing to compare "
            "(notebook 05 lists the stories; set STORY to one of them)"
        )
    story = int(table["story"].iloc[0]) if story is None else int(story)
    members = docs[stories.to_numpy() == story].sort_values(["outlet", "doc_id"])
    firsts = members.drop_duplicates("outlet")["doc_id"].tolist()
    if len(firsts) < 2:
        raise ValueError(f"story {story} is covered by fewer than two outlets")
    candidates = [(str(a), str(b)) for i, a in enumerate(firsts) for b in firsts[i + 1 :]]
    a, b = closest_pair(members, candidates)
    return Pair(story, a, b)


def pick_matrix_story(choices: pd.DataFrame, story: int | None = None) -> int | None:
    """The story of the fact matrix: ``story`` when given (it must be a row of ``choices``,
    the table of :func:`analysis.compare.facts.matrix_stories`), else the first row's, the
    story the most outlets covered; None when no story has two outlets."""
    if story is None:
        return int(choices["story"].iloc[0]) if len(choices) else None
    if int(story) not in set(choices["story"].astype("int64")):
        listed = ", ".join(str(s) for s in choices["story"].head(8))
        raise ValueError(
            f"story {story} is not among the stories offered for the matrix ({listed or 'none'}); "
            "pick one of them or lower MIN_OUTLETS"
        )
    return int(story)


def unaccounted_files(data_dir: str | Path, docs: pd.DataFrame, problems: pd.DataFrame) -> set[str]:
    """Files under ``data_dir`` that are neither an article's ``path`` nor a problem's, nor a
    settings file the loader reads (``sources.csv``, ``fields.json``, ``outlets.csv``)."""
    root = Path(data_dir)
    if not root.is_dir():
        return set()
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    settings = {
        n
        for n in files
        if n.lower() in SETTINGS_FILES or n.rsplit("/", 1)[-1].lower() == SIDECAR_NAME
    }
    return files - settings - set(docs["path"]) - set(problems["path"])
