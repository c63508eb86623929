"""Score the quote table against hand-annotated gold: ``python -m analysis.evaluate quotes``.

Two gold sets from the team's shared folder (never copied into the project):

- ``gold/seed_quotes.jsonl``: every quotation in the two sample articles, with kind and speaker.
- ``gold/polnear`` (PolNeAR, brat standoff): a ``Content`` span containing quotation marks is a
  direct quote, one without is indirect speech; its speaker is the linked ``Source`` span.

Matching (PolNeAR): a prediction matches a gold span when they overlap by at least half the
shorter of the two. Precision counts predictions that match some gold span; recall counts gold
spans matched by some prediction (a quotation split in two pieces by its attribution, as in
``“A,” he said. “B.”``, is two predictions for one gold span, and both are right). Attribution is
right when the speaker mention overlaps the gold Source span or the resolved name matches its
text. End-to-end counts a match only when it is also rightly attributed; gold spans without a
Source are left out of attribution and end-to-end scores. Tune on ``train``, report on ``dev``.

``python -m analysis.evaluate pairs`` scores ``match_quotes`` on the labelled quote pairs of
``tests/gold/quote_pairs``: precision and recall by similarity threshold.

``quotes`` also prints the share of malformed speaker strings on the whole shared corpus
(:func:`malformed_speakers`, rules of its own; ``--no-corpus`` skips it).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .compare.align import align_passages
from .compare.pairs import DEFAULT_QUOTE_SIMILARITY, match_quotes, quote_similarity
from .compare.stories import DEFAULT_THRESHOLD, story_groups
from .corpus.load import load_corpus, outlets
from .gold import (
    CORPUS,
    EXTRA_QUOTE_PARTS,
    GOLD,
    QUOTE_KINDS,
    SPARSE_SIZE,
    SPLITS,
    TRIPLET_SPACING_DAYS,
    JoinedPairs,
    best_baseline_threshold,
    load_align_gold,
    load_pair_gold,
    load_quote_gold,
    load_sparse_folders,
    load_story_gold,
    lowest_threshold,
    pair_curve,
    prf,
    score_alignment,
    score_clusters,
    score_joined_pairs,
    score_quote_gold,
    tfidf_window_baseline,
    triplet_folder,
)
from .quotes.attribution import PRONOUNS, name_key, strip_name
from .quotes.extract import extract_quotes, speaker_key
from .quotes.speaker_table import speakers, with_speaker_ids

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_GOLD = SHARED / "gold" / "seed_quotes.jsonl"
POLNEAR = SHARED / "gold" / "polnear"
SEEDS = ROOT / "data" / "seeds"

# Quotation marks in a gold Content span: any double mark, `` or '', an opening single curly
# mark, or a straight single mark that opens a word (not an apostrophe inside one).
_GOLD_MARK_RE = re.compile(r"[“”\"«»„]|``|''|‘|(?<![^\W_])'(?=[^\W_])")


@dataclass
class Attribution:
    """One gold attribution: content pieces, source pieces, and the texts."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    content_text: str
    source_text: str
    direct: bool = field(default=False)


def read_brat(path: Path, text: str) -> list[Attribution]:
    """Attributions of one brat ``.ann`` file (``T`` spans linked by ``E`` events)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            pieces = []
            for piece in offs.split(";"):
                a, b = piece.split()
                pieces.append((int(a), int(b)))
            spans[parts[0]] = (label, pieces)
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                roles[role] = tid
            events.append(roles)
    out = []
    for ev in events:
        c = spans.get(ev.get("Content", ""))
        if c is None:
            continue
        src = spans.get(ev.get("Source", ""), ("Source", []))[1]
        ctext = " ".join(text[a:b] for a, b in c[1])
        stext = " ".join(text[a:b] for a, b in src)
        out.append(Attribution(c[1], src, ctext, stext, bool(_GOLD_MARK_RE.search(ctext))))
    return out


def load_polnear(root: Path, split: str) -> tuple[pd.DataFrame, dict[str, list[Attribution]]]:
    """Docs table (doc_id, outlet, text) and gold attributions of one PolNeAR split.

    Articles annotated by several people use the first annotator in sorted order.
    """
    meta = pd.read_csv(root / "metadata.tsv", sep="\t", dtype=str)
    meta = meta[meta["compartment"] == split].sort_values("filename")
    rows, gold = [], {}
    for r in meta.itertuples():
        tpath = root / split / "text" / f"{r.filename}.txt"
        if not tpath.exists():
            continue
        ann = None
        for a in sorted(str(r.annotators).split("|")):
            cand = root / split / "attributions" / f"{r.filename}_{a}.ann"
            if cand.exists():
                ann = cand
                break
        if ann is None:
            continue
        text = tpath.read_text(encoding="utf-8")
        rows.append({"doc_id": r.filename, "outlet": r.publisher, "text": text})
        gold[r.filename] = read_brat(ann, text)
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "text"]), gold


def _overlap(a: tuple[int, int], pieces: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in pieces)


def span_matches(pred: tuple[int, int], pieces: list[tuple[int, int]]) -> bool:
    glen = sum(e - s for s, e in pieces)
    shorter = min(pred[1] - pred[0], glen)
    return shorter > 0 and _overlap(pred, pieces) >= 0.5 * shorter


def _name_match(speaker: object, source_text: str) -> bool:
    """The resolved speaker names the gold source: same last name word, or same phrase."""
    if not isinstance(speaker, str) or not source_text or source_text.lower() in PRONOUNS:
        return False
    if name_key(speaker) == name_key(source_text):
        return True
    sname, _ = strip_name(source_text)
    caps = [w for w in sname.split() if w[:1].isupper()]
    pwords = speaker_key(speaker).split()
    # (compared word for word: name_key reads "Ki-moon" as "ki moon", as speaker_key does)
    return bool(caps and pwords) and name_key(caps[-1]).split()[-1:] == pwords[-1:]


def _attributed(p: pd.Series, g: Attribution) -> bool:
    if not g.source:
        return False
    ss, se = p["speaker_start"], p["speaker_end"]
    if not pd.isna(ss) and _overlap((int(ss), int(se)), g.source) > 0:
        return True
    return _name_match(p["speaker"], g.source_text)


def _error_row(doc_id: str, error: str, g: Attribution | None, p: pd.Series | None) -> dict:
    """One row of :func:`score_polnear`'s errors: the gold quotation and the prediction
    (either may be missing)."""
    return {
        "doc_id": doc_id,
        "error": error,
        "gold": None if g is None else g.content_text[:90],
        "gold_source": None if g is None else g.source_text,
        "pred_speaker": None if p is None else p["speaker"],
        "pred_kind": None if p is None else p["kind"],
    }


def score_polnear(
    quotes: pd.DataFrame, gold: dict[str, list[Attribution]], *, direct: bool
) -> dict:
    """Detection, attribution and end-to-end scores for direct (or indirect) quotes."""
    kinds = {"direct", "partial"} if direct else {"indirect"}
    preds = quotes[quotes["kind"].isin(kinds)]
    by_doc = {d: g.reset_index(drop=True) for d, g in preds.groupby("doc_id")}
    n_pred = tp_pred = n_gold = tp_gold = 0
    n_gold_src = e2e_gold = n_pred_src = e2e_pred = attr_right = 0
    errors: list[dict] = []
    for doc_id, atts in gold.items():
        gs = [g for g in atts if g.direct == direct]
        pd_doc = by_doc.get(doc_id)
        plist = [] if pd_doc is None else [pd_doc.iloc[i] for i in range(len(pd_doc))]
        n_gold += len(gs)
        n_pred += len(plist)
        hit_pred = [False] * len(plist)
        ok_pred = [False] * len(plist)
        src_pred = [False] * len(plist)
        for g in gs:
            hits = [
                i for i, p in enumerate(plist) if span_matches((p["start"], p["end"]), g.content)
            ]
            for i in hits:
                hit_pred[i] = True
            if hits:
                tp_gold += 1
            if g.source:
                n_gold_src += 1
                good = [i for i in hits if _attributed(plist[i], g)]
                for i in hits:
                    src_pred[i] = True
                for i in good:
                    ok_pred[i] = True
                if good:
                    e2e_gold += 1
                if hits and good:
                    attr_right += 1
                if hits and not good:
                    errors.append(_error_row(doc_id, "speaker", g, plist[hits[0]]))
            if not hits:
                errors.append(_error_row(doc_id, "missed", g, None))
        tp_pred += sum(hit_pred)
        # End-to-end precision: predictions that match a gold span with a Source.
        n_pred_src += sum(1 for i in range(len(plist)) if src_pred[i] or not hit_pred[i])
        e2e_pred += sum(ok_pred)
        for i, p in enumerate(plist):
            if not hit_pred[i]:
                errors.append(_error_row(doc_id, "spurious", None, p) | {"pred": p["quote"][:90]})
    det = prf(tp_pred, n_pred, tp_gold, n_gold)
    e2e = prf(e2e_pred, n_pred_src, e2e_gold, n_gold_src)
    n_matched_src = sum(1 for e in errors if e["error"] == "speaker") + attr_right
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "detection_p": det[0],
        "detection_r": det[1],
        "detection_f1": det[2],
        "attribution_acc": attr_right / n_matched_src if n_matched_src else 0.0,
        "e2e_p": e2e[0],
        "e2e_r": e2e[1],
        "e2e_f1": e2e[2],
        "errors": errors,
    }


def score_seed(quotes: pd.DataFrame, docs: pd.DataFrame, gold_path: Path) -> pd.DataFrame:
    """One row per gold seed quotation: found, right speaker, right kind (and what we said)."""
    texts = dict(zip(docs["doc_id"], docs["text"], strict=True))
    rows = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        text = texts.get(g["doc"], "")
        s = text.find(g["quote"])
        span = (s, s + len(g["quote"])) if s >= 0 else None
        cands = quotes[quotes["doc_id"] == g["doc"]]
        best = None
        if span is not None:
            for p in cands.itertuples():
                if span_matches((p.start, p.end), [span]):
                    best = p
                    break
        names = {name_key(g["speaker"])} | {name_key(a) for a in g.get("speaker_aliases", [])}
        rows.append(
            {
                "doc": g["doc"][:3],
                "kind": g["kind"],
                "quote": g["quote"][:50],
                "gold_speaker": g["speaker"],
                "found": best is not None,
                "speaker_ok": best is not None
                and isinstance(best.speaker, str)
                and name_key(best.speaker) in names,
                "kind_ok": best is not None and best.kind == g["kind"],
                "pred_speaker": None if best is None else best.speaker,
                "pred_kind": None if best is None else best.kind,
            }
        )
    return pd.DataFrame(rows)


def _covered(spans: Iterable[tuple[int, int]], start: int, end: int) -> float:
    """Share of ``[start, end)`` that the ``spans`` cover (they may overlap each other)."""
    return sum(max(0, min(e, end) - max(s, start)) for s, e in spans) / max(1, end - start)


def comparison_against_gold(
    docs: pd.DataFrame,
    alignment: pd.DataFrame,
    unique: pd.DataFrame,
    quote_pairs: pd.DataFrame,
    gold: dict,
) -> pd.DataFrame:
    """Each hand-made answer of ``gold`` (the parsed ``seed_comparison.json``) beside what the
    comparison tables found: columns ``answer`` (shared / only in OUTLET / quote pair),
    ``text`` (the answer, shortened) and ``found`` (bool), in the answer sheet's order.

    ``alignment`` is ``align_passages(docs, a, b)`` of the sheet's two articles, ``unique`` is
    ``unique_passages(docs, alignment)`` and ``quote_pairs`` is ``match_quotes(quotes)``. A
    shared passage is found when one aligned pair covers at least half of it on both sides; a
    one-sided fact when the passages listed as one-sided cover 80% of where the article says it.
    """
    from rapidfuzz import fuzz

    a, b = gold["docs"]["a"], gold["docs"]["b"]
    text = dict(zip(docs["doc_id"], docs["text"], strict=True))
    outlet = dict(zip(docs["doc_id"], outlets(docs), strict=True))
    missing = [d for d in (a, b) if d not in text]
    if missing:
        raise ValueError(f"the answer sheet is for {a} and {b}; not in docs: {missing}")
    pairs = list(
        zip(
            alignment["start_a"],
            alignment["end_a"],
            alignment["start_b"],
            alignment["end_b"],
            strict=True,
        )
    )
    rows = []
    for g in gold["shared"]:
        sa, sb = text[a].find(g["a"]), text[b].find(g["b"])
        ea, eb = sa + len(g["a"]), sb + len(g["b"])
        found = (
            sa >= 0
            and sb >= 0
            and any(
                _covered([(s1, e1)], sa, ea) >= 0.5 and _covered([(s2, e2)], sb, eb) >= 0.5
                for s1, e1, s2, e2 in pairs
            )
        )
        rows.append({"answer": "shared", "text": g["a"][:90], "found": found})
    for side, doc in (("a", a), ("b", b)):
        mine = unique[unique["doc_id"] == doc]
        spans = list(zip(mine["start"], mine["end"], strict=True))
        for fact in gold["only_in"][side]:
            # The answers paraphrase: find where the article says it, then ask whether that
            # stretch is listed as one-sided.
            where = fuzz.partial_ratio_alignment(fact, text[doc])
            if where is None:  # (only for an empty fact or text)
                raise ValueError(f"gold fact {fact!r} has no alignment in {doc}")
            found = _covered(spans, where.dest_start, where.dest_end) >= 0.8
            rows.append({"answer": f"only in {outlet[doc]}", "text": fact, "found": found})
    qa = quote_pairs["quote_a"].str.strip(" ,")
    qb = quote_pairs["quote_b"].str.strip(" ,")
    for g in gold["quote_pairs"]:
        found = ((qa == g["a"].strip(" ,")) & (qb == g["b"].strip(" ,"))).any()
        rows.append(
            {"answer": "quote pair", "text": f"{g['speaker']}: {g['a'][:70]}", "found": bool(found)}
        )
    return pd.DataFrame(rows, columns=["answer", "text", "found"])


# ---------------------------------------------------------------------------------------------
# Malformed speaker strings. These rules are the checker's own, written apart from the
# extractor's word lists so that they can catch it: a speaker is a name, a resolved pronoun, a
# description or an organisation, never a stretch of clause.

MALFORMED_REASONS: tuple[str, ...] = (
    "cuts a word",
    "object of a preposition",
    "stray edge",
    "crosses a sentence end",
    "page furniture",
    "sentence opener",
    "time phrase",
    "dateline",
    "clause fragment",
    "over-long",
    "glued link text",
    "abstract head",
    "place name",
    "possessive",
    "heading",
    "group adjective",
    "bare pronoun",
)

# Words before a period that do not end a sentence: titles, suffixes and abbreviations.
_CHECK_ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep reps gov gen lt col maj sgt capt cmdr adm st jr sr inc co corp ltd
    no vs prof rev pres atty supt dept govs sens messrs mt ft ave blvd assn univ bros est al
    jan feb mar apr aug sept sep oct nov dec""".split()
)
# US state abbreviations: "Ada Reyes of Calif." ends well, but "Calif." alone names nobody.
_STATE_ABBREVIATIONS = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()
)
_NOT_SENTENCE_ENDS = _CHECK_ABBREVIATIONS | _STATE_ABBREVIATIONS
_OPENERS = frozenset(
    """despite for rather given though although with to thus any anyone anything after before
    during while when whenever because since if unless until as at in on by from into onto upon
    over under against among amid amidst ahead following according instead indeed moreover
    furthermore meanwhile however nevertheless nonetheless still also then now so but and
    or yet once unlike like without within throughout here there hence therefore besides
    whether whereas otherwise regardless today yesterday tonight tomorrow recently earlier
    later last
    is are was were does did it's it’s that's that’s there's there’s why's why’s what's what’s
    who's who’s how's how’s where's where’s""".split()
)
# Auxiliaries that open a question before a name: "Will Ada Lund go …?", "Did Ivo Reyes Jr.".
_QUESTION_AUXILIARIES = frozenset("will can could should would did does do has have".split())
# Words that name nobody standing alone: a question word, an interjection, a determiner.
_LONE_WORDS = frozenset(
    "what whatever why how where when every all oh ah yes well none neither either".split()
)
_NUMBER_PARTS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million""".split()
)
_WEEKDAYS = r"Mondays?|Tuesdays?|Wednesdays?|Thursdays?|Fridays?|Saturdays?|Sundays?"
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_TIME_RE = re.compile(
    rf"\b(?:{_WEEKDAYS})\b"
    rf"|\b(?:{_MONTHS}) \d"
    r"|\b(?:yesterday|today|tonight|tomorrow|ago)\b"
    r"|\b(?:last|this|next|earlier|later|that) (?:week|month|year|night|weekend|morning"
    r"|afternoon|evening|spring|summer|fall|autumn|winter|decade|century)\b(?!['’]s)"
    r"|(?<!\ban )(?<!\bthe )\b(?:earlier|later)\b"
    r"|\b(?:last|past|next) (?:[\w-]+ )?(?:hours|days|weeks|months|years|decades)\b"
    r"|\b(?:for|in) (?:hours|days|weeks|months|years|decades)\b|\bevery time\b|^so far\b"
    r"|^(?:year|week|month|night)\b"
)
# A date that qualifies a noun after the article: "A March 3 letter", "the Tuesday hearing".
_DATED_NOUN_RE = re.compile(
    rf"^(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts) )?(?:{_MONTHS}) \d+,?"
    rf"(?: \d{{4}})?(?= \w)|^(?:[Aa]n?|[Tt]he) (?:{_WEEKDAYS})(?= \w)"
)
_TIME_UNITS = frozenset(
    "seconds minutes hours days weeks months years decades moments nights weekends".split()
)
_AMOUNT_WORDS = frozenset(
    """a an the few several many some two three four five six seven eight nine ten twelve
    dozen dozens hundreds thousands couple of""".split()
)
_DASH_RE = re.compile(r"\s[-–—]+\s|—")
_FURNITURE_CAPS = frozenset(
    """MORE NEW WATCH WATCHED JUST VIDEO PHOTO PHOTOS FILE UPDATE UPDATED BREAKING EXCLUSIVE
    RELATED ADVERTISEMENT READ CLICK SUBSCRIBE SHARE LIVE GALLERY CLOSE SKIP
    SPONSORED LISTEN EMAIL PRINT TWEET ALSO SEE HERE MUST SPECIAL COVERAGE""".split()
)
# Capitalised as on the page: "Video of the arrest" is a document that can speak, "VIDEO" a label.
_CAPS_FUNCTION_WORDS = frozenset("TO ON IN FOR WITH OVER SAYS AT FROM".split())
_FURNITURE_RE = re.compile(
    r"^(?:Go to|GO TO|Click|CLICK|Read more|READ MORE|Sign up|SIGN UP|Subscribe|Follow us"
    r"|Watch|Listen|Share this|File photo|FILE PHOTO|PHOTO|IMAGE|VIDEO|Image caption"
    r"|Image copyright|Photo credit|Advertisement|Related|RELATED|Getty Images|AP Photo)\b"
)
# Links and labels of the page in mixed case, anywhere in the string: "Story highlights Ada
# Reyes", "Ada Reyes Read more", "Sign Up You will receive emails".
_FURNITURE_PHRASE_RE = re.compile(
    r"\b(?:Read [Mm]ore|Sign [Uu]p|Story (?:highlights|[Cc]ontinued|[Cc]ontinues)"
    r"|Continue reading|Click [Hh]ere|Play [Vv]ideo|Replay|More [Vv]ideos|More [Oo]n [Tt]his"
    r"|Image (?:caption|copyright)|Subscribe (?:[Nn]ow|to)|Embed)\b"
)
# A picture credit ending capitalised words: "Ada Reyes Photos", "Harbor Wire Image".
_CREDIT_ENDS = frozenset("Photo Photos Image".split())
# The page's controls and credits that alone name nobody ("Video", a document, may speak).
_LONE_FURNITURE = frozenset(
    "More Story Read Sign Continue Click Subscribe Embed Replay Image Images Photo Photos".split()
)
_GROUP_ADJECTIVES = frozenset(
    """american british english scottish welsh irish french german italian spanish portuguese
    dutch belgian swiss austrian swedish norwegian danish finnish polish czech hungarian greek
    turkish russian ukrainian chinese japanese korean vietnamese thai indian pakistani afghan
    iranian iraqi syrian israeli palestinian lebanese jordanian egyptian saudi yemeni qatari
    emirati libyan tunisian moroccan algerian nigerian kenyan ethiopian somali sudanese
    african asian european arab arabic mexican canadian cuban venezuelan colombian brazilian
    argentine argentinian chilean peruvian australian hispanic latino latina latinx western
    eastern northern southern minority muslim jewish catholic evangelical republican democratic
    federal foreign domestic international national regional local""".split()
)
# "a Palestinian", "the Chinese", "some Iraqis": the adjective used as a noun names someone.
_NOUN_USE_RE = re.compile(r"(?:[Aa]n?|[Tt]he|[Ss]ome|[Mm]any|[Tt]wo|[Oo]ne) \S+$")
_GROUP_SUFFIXES = (
    "-american",
    "-funded",
    "-backed",
    "-based",
    "-led",
    "-owned",
    "-linked",
    "-aligned",
)
_BARE_PRONOUNS = frozenset(
    """he she it they who whom which that i we you him her them me us this these those
    """.split()
)
_FINITE_VERBS = frozenset(
    """is are was were has have had will would did does said says told tells sent sends leads
    wrote writes added asked called urged warned made makes took takes gave gives can could
    should may might must shall gets got went goes came comes keep keeps kept seem seems seemed
    held believe believes believed uses""".split()
)
_VERB_OBJECT_DETS = frozenset("a an the his her their its this these those our my your".split())
_NOT_VERBS = frozenset(
    """of for in on at to by with from about into over under between among than as like and or
    but nor all both half including whose whom such than versus via per near behind across
    against within without after before during inside outside around toward towards through
    beyond alongside throughout despite upon since until near""".split()
)
_NAME_PARTICLES = frozenset("of for and the on in de van von al la del der du le da &".split())
_RELATIVES_CHECK = frozenset("who whom that which whose".split())
_HEAD_ENDS = frozenset("of for with at from in on by to who that which".split())


_CHECK_PREPOSITIONS = frozenset(
    "of in on to for at into onto upon about between among against".split()
)
_CHECK_QUANTITIES = frozenset(
    "some many most all none one two three several few both each majority half dozens".split()
)
_CHECK_WORDS_NOUNS = frozenset("words remarks comments view views opinion account phrase".split())
_PREVIOUS_WORDS_RE = re.compile(r"(\w+)\W+(\w+)[^\S\n]*[”’\"']?[^\S\n]*\Z")
_CHECK_POSSESSIVE_DETERMINERS = frozenset("his her their its my our your".split())


def is_object_of_preposition(text: str, start: int, end: int) -> bool:
    """The mention at ``start:end`` is the object of the preposition before it, so no subject:
    "skippers in [Dover] pledged", "an invitation to [Ada Reyes] to speak". Not "according
    to [Reyes]", "some of [the crews]", the owner in "in [Okafor]'s words", nor the subject of a
    participle ("footage of [Reyes] saying"), nor the owner "in [his] statement"; the
    preposition is on the mention's line."""
    m = _PREVIOUS_WORDS_RE.search(text[max(0, start - 60) : start])
    if m is None or m.group(2) not in _CHECK_PREPOSITIONS:
        return False
    if text[start:end].lower() in _CHECK_POSSESSIVE_DETERMINERS:
        return False  # "in his statement": the owner of the words
    if m.group(2) == "to" and m.group(1).lower() == "according":
        return False
    if m.group(2) == "of" and m.group(1).lower() in _CHECK_QUANTITIES | _CHECK_WORDS_NOUNS:
        return False  # "some of the crews", "in the words of one skipper"
    after = text[end : end + 30]
    if after[:1] in ("'", "’"):
        return False
    nxt = after.split(maxsplit=1)[0] if after.strip() else ""
    return not nxt.endswith("ing")


def cuts_a_word(text: str, start: int, end: int) -> bool:
    """The span starts or ends inside a word: "nder Reyes" out of "Under Reyes". A start at a
    capital glued to a lower-case letter is a word's start ("Ada Reyes" out of "Ivo LundAda
    Reyes", where a link's text runs into a name)."""
    glued = start > 0 and text[start - 1].islower() and text[start].isupper()
    return (start > 0 and text[start - 1].isalnum() and text[start].isalnum() and not glued) or (
        end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    )


def has_stray_edge(s: str) -> bool:
    """Blanks, quotation marks or punctuation at an edge, a line break or a quotation mark
    inside: " Reyes", "Reyes,", "“Reyes", "(Reyes", "Reyes\\nMORE". A closing bracket
    ("(D-VT)") or the period of an abbreviation ("Jr.", "U.S.") is no stray edge."""
    if not s or s != s.strip() or "\n" in s or any(c in s for c in '“”"«»'):
        return True
    if not s[0].isalnum():
        return True
    if s.endswith("."):
        words = s.split()
        last = words[-1].lower().rstrip(".")
        if len(words) == 1 and last in _STATE_ABBREVIATIONS:
            return True  # "Calif." alone
        return not (len(last) <= 1 or "." in last or last in _NOT_SENTENCE_ENDS)
    return not (s[-1].isalnum() or s[-1] == ")")


# A sentence end with no blank after it ("Dover.Reyes"; two lower-case letters before the
# period, so "U.S.", "Mr.Reyes" and a web address "harbor.com" are none).
_GLUED_END_CHECK_RE = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")


def crosses_sentence_end(s: str) -> bool:
    """A word ending in a period, "!" or "?" before a capital or a digit: "Reyes. The mayor"
    and "the port.Reyes" do; "Sen. Ada Reyes", "J. R. Okafor", "U.S. Rep. Lund", "Lt. Col.
    Ivo Lund" and "Ada Reyes of Calif. and Ivo Lund" do not."""
    if _GLUED_END_CHECK_RE.search(s):
        return True  # "the port.Reyes": no blank after the period
    words = s.split()
    for w, nxt in zip(words, words[1:], strict=False):
        w = w.rstrip("\"”’')")
        if not w.endswith((".", "!", "?")) or not (
            nxt.lstrip('"“‘(')[:1].isupper() or nxt[0].isdigit()
        ):
            continue
        if not w.endswith("."):
            return True
        stem = w.lower().lstrip('("“‘').rstrip(".")
        if len(stem) <= 1 or "." in stem or stem in _NOT_SENTENCE_ENDS:
            continue
        return True
    return False


def starts_with_opener(s: str) -> bool:
    """The first word opens a sentence or an adjunct, not a mention: "Despite the ruling
    Reyes", "Given that", "Thus Okafor", "Anyone"; or it stands alone and names nobody
    without its noun: "What", "Oh", "Every", "Twenty-nine" (but "Most" and "Others" may
    speak)."""
    first = s.split(maxsplit=1)[0].lower().strip(",.;:") if s.strip() else ""
    if first in _OPENERS:
        return True
    words = s.split()
    if first in _QUESTION_AUXILIARIES and len(words) >= 3 and all(w[0].isupper() for w in words):
        return True  # "Will Ada Lund" out of "Will Ada Lund go under oath?"
    if s.strip().lower() != first:
        return False
    parts = first.split("-")
    return first in _LONE_WORDS or (len(parts) > 1 and all(p in _NUMBER_PARTS for p in parts))


def has_time_phrase(s: str) -> bool:
    """A date or time is no part of a mention: "Reyes on Monday", "Okafor last week", "A few
    days", "Hours", "the board earlier" (but "a March 3 letter" is a document)."""
    if _TIME_RE.search(_DATED_NOUN_RE.sub("", s)):
        return True
    words = s.lower().split()
    return (
        bool(words)
        and words[-1] in _TIME_UNITS
        and all(w in _AMOUNT_WORDS or w.isdigit() for w in words[:-1])
    )


def has_dateline(s: str) -> bool:
    """A dateline or a dash between clauses: "HALDEN – Mayor Ada Reyes", "Reyes — who"."""
    return bool(_DASH_RE.search(s))


_ADJUNCT_RE = re.compile(
    r"\b(?:in|during|on) (?:a|an|the|his|her|their|its) (?:\w+ )?(?:statement|interview|email"
    r"|letter|post|tweet|speech|call|conference|op-ed|video|memo|release|appearance|hearing)s?\b"
)


def is_clause_fragment(s: str) -> bool:
    """A verb with its object inside the mention: "Reyes leads a familiar refrain", "the
    council sent a letter". A relative clause in a description is fine ("officials who have
    seen the plan"). An adjunct or a negated auxiliary is no part of a mention either ("the
    board in a statement", "board members wouldn't")."""
    if _ADJUNCT_RE.search(s):
        return True  # "the harbor board in a statement": the adjunct of the verb
    words = s.split()
    for k, w in enumerate(words):
        low = w.lower().strip(",;:")
        if low in _RELATIVES_CHECK:
            return False
        if low.endswith(("n't", "n’t")):
            return True
        if not w[0].islower() or low in _NOT_VERBS:
            continue
        if low in _FINITE_VERBS and k > 0:
            return True
        if (
            k > 0
            and k + 1 < len(words)
            and words[k + 1].lower() in _VERB_OBJECT_DETS
            and low not in _VERB_OBJECT_DETS
        ):
            return True
    return False


def is_page_furniture(s: str) -> bool:
    """Navigation or labels of the page, not a speaker: "MORE", "JUST WATCHED", "FILE PHOTO",
    "JUST WATCHED Ada Reyes", "Go to the site to see", "Story highlights Ada Reyes", "Ada Reyes
    Photos", "Sign" (but "NEW YORK HARBOR BOARD" is a name in capitals, "Ivo Story" a name)."""
    words = [w.strip(":,.!|") for w in s.split()]
    k = 0
    while k < len(words) and words[k] in _FURNITURE_CAPS:
        k += 1
    if k and (k == len(words) or not words[k].isupper()):
        return True
    if len(words) == 1 and words[0] in _LONE_FURNITURE:
        return True  # "More", "Image", "Sign": a link or a credit cut from its line
    if len(words) > 1 and words[-1] in _CREDIT_ENDS and all(w[:1].isupper() for w in words):
        return True
    if _FURNITURE_PHRASE_RE.search(s):
        return True
    if len(words) >= 3 and s.isupper() and not _CAPS_FUNCTION_WORDS.isdisjoint(words):
        return True  # a headline in capitals: "MAYOR'S LETTER TO THE BOARD"
    return bool(_FURNITURE_RE.match(s))


def is_group_adjective(s: str) -> bool:
    """A bare nationality or group adjective names nobody: "Hispanic", "Canadian",
    "Soros-funded", "Minority" (but "Canadians" and "the Canadian envoy" do)."""
    if " " in s.strip():
        return False
    low = s.strip().lower()
    return low in _GROUP_ADJECTIVES or low.endswith(_GROUP_SUFFIXES)


def is_bare_pronoun(s: str) -> bool:
    """An unresolved pronoun: "he", "it", "who", "that", "I", "we" (but "WHO" is the world
    health body)."""
    s = s.strip()
    return s.lower() in _BARE_PRONOUNS and (s == "I" or not s.isupper())


def is_over_long(s: str) -> bool:
    """More than 14 words, or a head of more than 7 before its first preposition (particles
    such as "and", "the" not counted): "Capt. Ivo Lund with the Harbor Police" and "Office of
    the United Nations High Commissioner for Refugees" are fine, "Reyes Ivo Lund Ada Okafor
    Tim Katz and Dan" is not."""
    words = s.split()
    if len(words) > 14:
        return True
    head = 0
    for w in words:
        low = w.lower()
        if low in _HEAD_ENDS and not w[0].isupper():
            break
        head += low not in _NAME_PARTICLES
    # "Harbor Board deputy chief safety officer Dr. Ada Reyes": a role before a name is longer
    limit = 11 if len(words) >= 2 and words[-1][0].isupper() and words[-2][0].isupper() else 7
    return head > limit


# A name run into the next word with no space: "ReyesHarbor" (a link's text glued to the next
# link's); an upper-case letter after at least three lower-case ones.
_GLUED_RE = re.compile(r"[a-z]{3}(?:[A-Z][a-z]{2}|[A-Z]{2,}\b)")
# The same after two lower-case letters when four letters or more come before them in the
# word ("LundeenAda", "DeLundAda"; "McReyes", "MacReyes" and "VanderLund" are names).
_GLUED_SHORT_RE = re.compile(r"^[A-Z]\w{3,}(?<=[a-z]{2})[A-Z][a-z]{2}")
_GLUE_PARTICLES = ("Vande", "Fitz")


def has_glued_link_text(s: str) -> bool:
    """Link text glued to the name before it: "Ada Lund ReyesHarbor board votes", "Ivo
    LundGOP" (a word after the first ends in a glued capital). A brand written in one word
    ("HarborWatch", "the HarborWatch poll average") is the first word or stands alone with
    one other word, or follows no name ("Ada Reyes of HarborWatch"), and passes."""
    words = s.split()
    for k, w in enumerate(words):
        if k == 0 or not _is_title_word(words[k - 1]) or not _glued_word(w):
            continue
        if len(words) >= 3 or re.search(r"[a-z][A-Z]{2,}$", w):
            return True
    return False


def _glued_word(w: str) -> bool:
    """A word with a link's text run into it: "ReyesHarbor", "DeLundAda" (not "McReyes",
    "DeLund", "VanderLund")."""
    if _GLUED_RE.search(w) is not None and not w.startswith(_GLUE_PARTICLES):
        return True
    return _GLUED_SHORT_RE.search(w) is not None and not w.startswith(_GLUE_PARTICLES)


def _is_title_word(w: str) -> bool:
    """A capital and then lower-case letters: "Reyes", "Ada" (not "A", "USA", "of")."""
    return len(w) >= 2 and w[0].isupper() and w[1].islower()


# Head nouns that name a thought, a fact or a part of an argument, never who says it.
_ABSTRACT_HEADS = frozenset(
    {
        "problem",
        "irony",
        "question",
        "truth",
        "reality",
        "fact",
        "point",
        "idea",
        "hypothesis",
        "answer",
        "reason",
        "result",
        "trouble",
        "upshot",
        "lesson",
        "theory",
        "logic",
        "catch",
        "takeaway",
        "danger",
        "goal",
        "aim",
        "hope",
        "worry",
        "concern",
        "job",
    }
)
# Heads that name a speaker alone ("the defense" is the defence team) but not with an
# adjective ("the best defense").
_ABSTRACT_WITH_ADJECTIVE = frozenset({"defense", "defence", "strategy"})
_ABSTRACT_DETERMINERS = frozenset(
    {"the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "that", "this"}
)


_PLACE_HEADS = frozenset(
    """Province Valley Bridge Peninsula Strait Canyon Airport Stadium Highway Boulevard Avenue
    Square River""".split()
)


def is_place_name(s: str) -> bool:
    """Capitalised words ending in a place's head word name a place, not a speaker: "Dover
    Bridge", "Harbor Valley" (but "Ada Bridges", "the Valley Harbor Board" and a name with
    its employer "Ada Reyes of Dover Bridge" are not)."""
    words = s.split()
    if len(words) < 2 or words[-1] not in _PLACE_HEADS:
        return False
    return all(w[0].isupper() for w in words)


def has_abstract_head(s: str) -> bool:
    """A determiner and an abstract head noun, perhaps with an adjective between: "The
    problem", "the best defense", "His answer", "part of a group of eight" (but "Ada Hope",
    "the answer desk staff" and "the question's author" name someone)."""
    words = [w.lower() for w in s.split()]
    if words and words[0] == "part" and len(words) > 1 and words[1] == "of":
        return True
    if not 2 <= len(words) <= 3 or words[0] not in _ABSTRACT_DETERMINERS:
        return False
    if len(words) == 3 and words[-1] in _ABSTRACT_WITH_ADJECTIVE:
        return True
    return words[-1] in _ABSTRACT_HEADS or words[-2:] == ["bottom", "line"]


_POSSESSIVE_CHECK_RE = re.compile(r"\w(?:['’]s|s['’])$")
_CONTRACTED_CHECK = frozenset("it he she that there what who here where how why let".split())


def ends_in_possessive(s: str) -> bool:
    """A possessive names the owner of something, not a speaker: "Reyes's" out of "Reyes's
    finance chairman said", "the voters'" (but "It's" is a contraction, and "Ada Reyes" the
    name the owner of words is written with)."""
    words = s.split()
    if not words or _POSSESSIVE_CHECK_RE.search(s) is None:
        return False
    return words[-1].lower()[:-2] not in _CONTRACTED_CHECK


_HEADING_WORDS = frozenset(
    """point act part exhibit chapter step lesson rule section phase round question option
    scenario case item take""".split()
)
_HEADING_NUMBER_RE = re.compile(
    r"^(?:[A-Z]|[IVX]+|\d+|One|Two|Three|Four|Five|Six|Seven|Eight"
    r"|Nine|Ten)[.:]?$"
)


def is_heading(s: str) -> bool:
    """A numbered heading or a note's label names a topic, not a speaker: "Point One",
    "Exhibit A", "Act II", "Step 3", "Editor's Note" (but "Ada Point", "Case Okafor")."""
    words = s.split()
    if len(words) == 2 and words[1] in ("Note", "Notes") and words[0].endswith(("'s", "’s")):
        return True
    return (
        len(words) == 2
        and words[0].lower() in _HEADING_WORDS
        and _HEADING_NUMBER_RE.match(words[1]) is not None
    )


# The rules on a written string in the order of MALFORMED_REASONS (first hit is the reason).
_STRING_RULES = (
    ("stray edge", has_stray_edge),
    ("crosses a sentence end", crosses_sentence_end),
    ("page furniture", is_page_furniture),
    ("sentence opener", starts_with_opener),
    ("time phrase", has_time_phrase),
    ("dateline", has_dateline),
    ("clause fragment", is_clause_fragment),
    ("over-long", is_over_long),
    ("glued link text", has_glued_link_text),
    ("abstract head", has_abstract_head),
    ("place name", is_place_name),
    ("possessive", ends_in_possessive),
    ("heading", is_heading),
)


def malformed_reason(speaker: str, mention: str | None = None) -> str | None:
    """Why a speaker string (and the mention it was read from, as written in the article) is
    malformed, or None: "Reyes on Monday" -> "time phrase", "he" unresolved -> "bare
    pronoun", "Ada Reyes" -> None."""
    if mention is not None and " " not in mention and speaker.endswith(" " + mention):
        mention = None  # a surname resolved to the full name: "Read" -> "Ivo Read"
    for written in (mention, speaker):
        if written is None:
            continue
        for reason, rule in _STRING_RULES:
            if rule(written):
                return reason
    # (a mention "French" may be a surname resolved to "Ada French"; the speaker must not be
    # the bare adjective)
    if is_group_adjective(speaker) and not (
        mention is not None and _NOUN_USE_RE.match(mention) and mention.endswith(speaker)
    ):
        return "group adjective"
    if is_bare_pronoun(speaker):
        return "bare pronoun"
    return None


_ATTRIBUTED_KINDS = ("direct", "partial", "indirect")


def _attributed_rows(quotes: pd.DataFrame) -> pd.DataFrame:
    return quotes[quotes["kind"].isin(_ATTRIBUTED_KINDS) & quotes["speaker"].notna()]


def malformed_speakers(quotes: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """One row per attributed quote row (kind direct, partial or indirect, a speaker given)
    whose speaker is malformed (see :func:`malformed_reason`).

    Columns: ``doc_id``, ``start``, ``end``, ``kind``, ``speaker``, ``mention`` (the article's
    text at ``speaker_start:speaker_end``), ``reason`` (one of ``MALFORMED_REASONS``). In the
    quote table's order.
    """
    texts = dict(zip(docs["doc_id"].map(str), docs["text"], strict=True))
    out: list[dict] = []
    for r in _attributed_rows(quotes).itertuples(index=False):
        text = texts.get(str(r.doc_id), "")
        mention = None
        reason = None
        if pd.notna(r.speaker_start) and pd.notna(r.speaker_end):
            a, b = int(r.speaker_start), int(r.speaker_end)
            mention = text[a:b]
            if not mention or cuts_a_word(text, a, b):
                reason = "cuts a word"
            elif is_object_of_preposition(text, a, b):
                reason = "object of a preposition"
        reason = reason or malformed_reason(str(r.speaker), mention)
        if reason is not None:
            out.append(
                {
                    "doc_id": r.doc_id,
                    "start": r.start,
                    "end": r.end,
                    "kind": r.kind,
                    "speaker": r.speaker,
                    "mention": mention,
                    "reason": reason,
                }
            )
    cols = ["doc_id", "start", "end", "kind", "speaker", "mention", "reason"]
    return pd.DataFrame(out, columns=cols)


def malformed_speaker_share(quotes: pd.DataFrame, docs: pd.DataFrame) -> float:
    """Share of attributed rows (kinds direct, partial, indirect, a speaker given) whose
    speaker is malformed; 0.0 when no row is attributed."""
    n = len(_attributed_rows(quotes))
    return len(malformed_speakers(quotes, docs)) / n if n else 0.0


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def run_quotes(
    split: str = "dev",
    *,
    show_errors: int = 0,
    polnear: Path = POLNEAR,
    seed_gold: Path = SEED_GOLD,
    attribution: str = "rules",
) -> dict:
    """Print the evaluation tables; return the metrics (for tests and notebooks). The quote
    tables are read with ``attribution`` (:func:`analysis.quotes.extract_quotes`)."""
    result: dict = {}
    print("# Quote extraction evaluation\n")
    if seed_gold.exists():
        docs = load_corpus(SEEDS).docs
        seed = score_seed(extract_quotes(docs, attribution=attribution), docs, seed_gold)
        dp = seed[seed["kind"].isin(["direct", "partial"])]
        ind = seed[seed["kind"] == "indirect"]
        print(f"## Seed gold ({seed_gold.name})")
        print("| subset | gold | found | right speaker | right kind |")
        print("|---|---|---|---|---|")
        for name, sub in (("direct + partial", dp), ("indirect", ind)):
            print(
                f"| {name} | {len(sub)} | {int(sub.found.sum())} | {int(sub.speaker_ok.sum())} | "
                f"{int(sub.kind_ok.sum())} |"
            )
        bad = seed[~(seed.found & seed.speaker_ok & seed.kind_ok)]
        if len(bad):
            print("\nnot fully right:")
            print(bad.to_string(index=False))
        result["seed"] = seed
    else:
        print(f"seed gold skipped: {seed_gold} not found")
    if (polnear / "metadata.tsv").exists():
        docs, gold = load_polnear(polnear, split)
        quotes = extract_quotes(docs, attribution=attribution)
        d = score_polnear(quotes, gold, direct=True)
        i = score_polnear(quotes, gold, direct=False)
        print(f"\n## PolNeAR {split} ({len(docs)} articles)")
        print(
            "| quotes | gold | predicted | detection P | R | F1 | attribution acc | "
            "end-to-end P | R | F1 |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        for name, m in (("direct (marks)", d), ("indirect (no marks)", i)):
            print(
                f"| {name} | {m['gold']} | {m['predicted']} | {_fmt(m['detection_p'])} | "
                f"{_fmt(m['detection_r'])} | {_fmt(m['detection_f1'])} | "
                f"{_fmt(m['attribution_acc'])} | {_fmt(m['e2e_p'])} | {_fmt(m['e2e_r'])} | "
                f"{_fmt(m['e2e_f1'])} |"
            )
        print("\nindirect attribution F1 = the end-to-end F1 of the indirect row.")
        if show_errors:
            for m, name in ((d, "direct"), (i, "indirect")):
                errs = pd.DataFrame(m["errors"])
                if errs.empty:
                    continue
                for kind in ("missed", "speaker", "spurious"):
                    sub = errs[errs["error"] == kind].head(show_errors)
                    if len(sub):
                        print(
                            f"\n### {name}: {kind} (first {len(sub)} of "
                            f"{int((errs['error'] == kind).sum())})"
                        )
                        print(sub.drop(columns="error").to_string(index=False))
        result["direct"], result["indirect"] = d, i
    else:
        print(f"\nPolNeAR skipped: {polnear} not found")
    return result


def _row(*cells: object) -> str:
    """One Markdown table row; floats with three decimals."""
    return "| " + " | ".join(_fmt(c) if isinstance(c, float) else str(c) for c in cells) + " |"


def _header(*names: str) -> None:
    print(_row(*names))
    print("|" + "---|" * len(names))


def run_quote_gold(
    gold: Path = GOLD / "quotes", parts: tuple[str, ...] = SPLITS, attribution: str = "rules"
) -> dict:
    """Print and return the scores on the workbench's own quote set, on each part of ``parts``
    (``dev``, ``test``, ``dev2``, ``dev3``; quote tables read with ``attribution``)."""
    result: dict = {}
    if not (gold / "annotations.jsonl").exists() or not CORPUS.exists():
        print(f"\nquote gold set skipped: {gold} or {CORPUS} not found")
        return result
    # (dev2 and dev3 are reported on their own; dev and test as the one set they were made as)
    extra = [p for p in parts if p in EXTRA_QUOTE_PARTS]
    counted = tuple(extra) or SPLITS
    arts = pd.read_csv(gold / "articles.csv")
    arts = arts[arts["split"].isin(counted)]
    label = f", part {extra[0]}" if extra else ""
    print(
        f"\n## Quote gold set (tests/gold/quotes){label}: {len(arts)} articles, "
        f"{arts['outlet'].nunique()} outlets"
    )
    _header(
        "part",
        "quotes",
        "gold",
        "predicted",
        "detection P",
        "R",
        "F1",
        "speaker acc",
        "end-to-end P",
        "R",
        "F1",
    )
    for split in parts:
        docs, golds = load_quote_gold(split, gold=gold)
        quotes = extract_quotes(docs, attribution=attribution)
        for kinds in QUOTE_KINDS:
            m = score_quote_gold(quotes, golds, kinds=kinds)
            result[(split, kinds)] = m
            print(
                _row(
                    split,
                    kinds,
                    m["gold"],
                    m["predicted"],
                    m["detection_p"],
                    m["detection_r"],
                    m["detection_f1"],
                    m["speaker_acc"],
                    m["e2e_p"],
                    m["e2e_r"],
                    m["e2e_f1"],
                )
            )
    return result


def run_stories(gold: Path = GOLD / "stories", parts: tuple[str, ...] = SPLITS) -> dict:
    """Print and return story grouping's pairwise and B-cubed scores on the story set's dev and
    test parts, beside the TF-IDF + 3-day baseline (its threshold chosen on dev); then the same
    on each part's triplet folder (:func:`analysis.gold.triplet_folder`), with and without its
    dates, keyed ``(split, method, "triplets")`` and ``(f"{split}, undated", ...)``."""
    result: dict = {}
    if not (gold / "stories.csv").exists() or not CORPUS.exists():
        print(f"story gold set skipped: {gold} or {CORPUS} not found")
        return result
    loaded = {split: load_story_gold(split, gold=gold) for split in {"dev", *parts}}
    print("# Story grouping evaluation (tests/gold/stories)\n")
    _story_table({split: loaded[split] for split in parts}, loaded["dev"], result, ())
    triplets = {split: triplet_folder(docs) for split, docs in loaded.items()}
    print(
        f"\n## Triplet folders: one article per leaning (left, center, right) per event, "
        f"events at least {TRIPLET_SPACING_DAYS} days apart"
    )
    print("(the shape of collections of three outlets on each of many events over years)\n")
    folders = {split: triplets[split] for split in parts}
    # Dates may be missing in a user's folder (plain text files): the same folders without them.
    folders |= {f"{split}, undated": triplets[split].assign(date=pd.NaT) for split in parts}
    _story_table(folders, triplets["dev"], result, ("triplets",))
    result["sparse"] = _sparse_folders(gold)
    return result


def _story_table(parts: dict, dev: pd.DataFrame, result: dict, key: tuple[str, ...]) -> None:
    """Print the scores of ``story_groups`` and the TF-IDF + 3-day baseline (its threshold
    chosen on ``dev``) on each docs table of ``parts``, and store them in ``result`` under
    ``(split, method, *key)``."""
    threshold = best_baseline_threshold(dev)
    _header("part", "articles", "events", "method", "pairwise P", "R", "F1", "B-cubed P", "R", "F1")
    for split, docs in parts.items():
        methods = {
            "story_groups": story_groups(docs),
            f"TF-IDF + 3 days (t={threshold:g})": tfidf_window_baseline(docs, threshold=threshold),
        }
        for name, pred in methods.items():
            sc = score_clusters(pred, docs["event"])
            result[(split, name.split(" (")[0], *key)] = sc
            print(
                _row(
                    split,
                    len(docs),
                    docs["event"].nunique(),
                    name,
                    sc.pair_p,
                    sc.pair_r,
                    sc.pair_f1,
                    sc.b3_p,
                    sc.b3_r,
                    sc.b3_f1,
                )
            )


def _sparse_folders(gold: Path) -> JoinedPairs | None:
    """Print how precisely story grouping joins articles in folders where few share an event
    (three random 300-article folders, every joined pair judged by hand), beside the same
    grouping at the fixed default threshold and undated prior."""
    if not (gold / "sparse_pairs.csv").exists():
        return None
    folders = load_sparse_folders()
    methods = {
        "story_groups": [story_groups(d) for d in folders],
        f"story_groups(threshold={DEFAULT_THRESHOLD:g}), uncalibrated": [
            story_groups(d, threshold=DEFAULT_THRESHOLD) for d in folders
        ],
    }
    print(f"\n## Sparse folders: {len(folders)} x {SPARSE_SIZE} random corpus articles")
    print("(tests/gold/stories/sparse_pairs.csv: the pairs joined, judged by hand)\n")
    _header("method", "joined pairs", "judged", "one event", "precision")
    scores = {}
    for name, preds in methods.items():
        sc = scores[name] = score_joined_pairs(folders, preds, gold=gold)
        print(_row(name, sc.joined, sc.judged, sc.same_event, sc.precision))
    return scores["story_groups"]


def run_align(gold: Path = GOLD / "align", parts: tuple[str, ...] = SPLITS) -> dict:
    """Print and return ``align_passages``' precision and recall on the hand-aligned article
    pairs (dev and test parts), with recall of verbatim and paraphrased passages apart."""
    result: dict = {}
    if not (gold / "passages.jsonl").exists() or not CORPUS.exists():
        print(f"alignment gold set skipped: {gold} or {CORPUS} not found")
        return result
    pairs = pd.read_csv(gold / "pairs.csv", dtype=str)
    print("# Passage alignment evaluation (tests/gold/align)\n")
    _header(
        "part",
        "article pairs",
        "gold passage pairs",
        "predicted",
        "P",
        "R",
        "F1",
        "R verbatim",
        "R paraphrase",
    )
    for split in parts:
        docs, g = load_align_gold(split, gold=gold)
        part = pairs[pairs["split"] == split]
        pred = align_passages(docs, pairs=list(zip(part["id_a"], part["id_b"], strict=True)))
        m = result[split] = score_alignment(pred, g)
        rt = m["recall_by_type"]
        print(
            _row(
                split,
                len(part),
                m["gold"],
                m["predicted"],
                m["precision"],
                m["recall"],
                m["f1"],
                rt.get("verbatim", 0.0),
                rt.get("paraphrase", 0.0),
            )
        )
    return result


def most_quoted_people(path: Path | None = None) -> dict[str, set[str]]:
    """tests/gold/most_quoted.csv: the 20 most quoted people of the shared corpus, each with
    the speaker names (hand-checked) that denote them."""
    table = pd.read_csv(path or GOLD / "most_quoted.csv", dtype="str")
    out: dict[str, set[str]] = {}
    for person, name in zip(table["person"], table["name"], strict=True):
        out.setdefault(person, set()).add(name)
    return out


def rows_per_person(sp: pd.DataFrame, people: dict[str, set[str]]) -> dict[str, int]:
    """Per person, the rows of a speakers() table that are theirs (the goal: one each): rows
    whose spellings include one of their full names, and the row of their surname alone
    ("Trump") when it stays a row of its own, unmerged. (A surname spelling inside another
    person's row, "Trump" for Melania Trump in an article about her, is not theirs.)"""
    aliases = [set(a.split("; ")) for a in sp["aliases"].astype("str").tolist()]
    ids = sp["speaker_id"].astype("str").tolist()
    out = {}
    for p, names in people.items():
        full = {n for n in names if " " in n.strip()}
        alone = {speaker_key(n) for n in names if " " not in n.strip()}
        out[p] = sum(1 for a, i in zip(aliases, ids, strict=True) if full & a or i in alone)
    return out


def run_most_quoted(quotes: pd.DataFrame | None) -> dict[str, int] | None:
    """Print, for the 20 most quoted people, how many speakers() rows each gets in the quote
    table of the whole shared corpus (None: skipped, the corpus is absent)."""
    if quotes is None:
        return None
    print("\n## The 20 most quoted people: speakers() rows each (goal: 1)\n")
    sp = speakers(quotes)
    counts = rows_per_person(sp, most_quoted_people())
    _header("person", "speakers() rows")
    for person, n in counts.items():
        print(_row(person, n))
    print(f"\nspeakers() rows on the whole table: {len(sp):,}")
    return counts


def cross_event_pairs(docs: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """How many quote pairs join articles of different gold events (``docs["event"]``): one
    row per way of pairing (no story labels at the old threshold 0.5, story labels alone, the
    default), columns ``pairing, pairs, cross_event``."""
    ids = docs["doc_id"].astype("str")
    event = dict(zip(ids, docs["event"], strict=True))
    one_story = pd.Series(0, index=ids.to_numpy())
    ways = {
        "all articles, similarity >= 0.5": match_quotes(
            quotes, min_similarity=0.5, stories=one_story
        ),
        "within story_groups, similarity >= 0.5": match_quotes(
            quotes, min_similarity=0.5, stories=docs
        ),
        f"default (within stories, >= {DEFAULT_QUOTE_SIMILARITY:g})": match_quotes(
            quotes, stories=docs
        ),
    }
    rows = []
    for name, m in ways.items():
        cross = int((m["doc_a"].map(event) != m["doc_b"].map(event)).sum())
        rows.append({"pairing": name, "pairs": len(m), "cross_event": cross})
    return pd.DataFrame(rows)


def run_pairs(
    gold: Path = GOLD / "quote_pairs",
    parts: tuple[str, ...] = SPLITS,
    stories: Path = GOLD / "stories",
) -> dict:
    """Print and return ``match_quotes``' precision and recall by similarity threshold on the
    labelled quote pairs (dev and test parts), the threshold the dev part picks for precision
    0.95, and the pairs joining different events on the story set's dev part."""
    result: dict = {}
    if not (gold / "pairs.csv").exists() or not CORPUS.exists():
        print(f"quote pair gold set skipped: {gold} or {CORPUS} not found")
        return result
    print("# Quote pair evaluation (tests/gold/quote_pairs)\n")
    print(
        "Precision and recall of similarity >= threshold, each labelled pair weighted by the\n"
        "corpus candidates of its similarity band (recall: of the same-statement candidates\n"
        f"from 0.3 up). Default threshold: {DEFAULT_QUOTE_SIMILARITY:g}.\n"
    )
    curves = {}
    for split in parts:
        g = load_pair_gold(split, gold=gold)
        sim = pd.Series(
            [quote_similarity(a, b) for a, b in zip(g["quote_a"], g["quote_b"], strict=True)]
        )
        curves[split] = pair_curve(sim, g["same_statement"], g["weight"])
        result[split] = {"pairs": len(g), "same": int(g["same_statement"].sum())}
    _header("threshold", *(f"{p} {m}" for p in parts for m in ("kept", "P", "R")))
    for i, t in enumerate(curves[parts[0]]["threshold"]):
        cells = []
        for p in parts:
            r = curves[p].iloc[i]
            cells += [int(r["predicted"]), float(r["precision"]), float(r["recall"])]
        print(_row(f"{t:.2f}", *cells))
    for p in parts:
        print(f"\n{p}: {result[p]['pairs']} labelled pairs, {result[p]['same']} same statement")
        result[p]["curve"] = curves[p]
    if "dev" in curves:
        result["chosen"] = lowest_threshold(curves["dev"])
        print(f"dev picks {result['chosen']:g} (lowest threshold with precision >= 0.95 above)")
    if (stories / "stories.csv").exists():
        docs = load_story_gold("dev", gold=stories)
        result["cross_event"] = cross_event_pairs(docs, extract_quotes(docs))
        print("\n## Pairs across gold events (story set, dev part)")
        _header("pairing", "pairs", "cross-event")
        for r in result["cross_event"].itertuples(index=False):
            print(_row(r.pairing, r.pairs, r.cross_event))
    return result


@dataclass(frozen=True)
class CorpusQuotes:
    """The shared corpus's docs table and its quote table."""

    docs: pd.DataFrame
    quotes: pd.DataFrame


def corpus_quotes(corpus: Path = CORPUS, quotes_path: Path | None = None) -> CorpusQuotes | None:
    """The whole shared corpus and its quote table: extracted on two processes, or read from
    ``quotes_path`` (a table saved as Parquet; its speaker ids are given again, so a table saved
    by older code works). None when the corpus is absent."""
    if not corpus.exists():
        print(f"\nwhole-corpus checks skipped: {corpus} not found")
        return None
    docs = load_corpus(corpus).docs
    if quotes_path is not None:
        return CorpusQuotes(docs, with_speaker_ids(pd.read_parquet(quotes_path)))
    return CorpusQuotes(docs, extract_quotes(docs, n_jobs=2))


def run_malformed(found: CorpusQuotes | None, *, show: int = 0) -> dict:
    """Print and return the share of malformed speakers (:func:`malformed_speakers`) in the
    quote table of the whole shared corpus, with the count of each reason."""
    if found is None:
        return {}
    docs, quotes = found.docs, found.quotes
    flagged = malformed_speakers(quotes, docs)
    attributed = len(_attributed_rows(quotes))
    share = len(flagged) / attributed if attributed else 0.0
    print(f"\n## Malformed speakers (the whole corpus: {len(docs)} articles)")
    print(f"{len(flagged)} of {attributed} attributed rows: {share:.2%}")
    # Unresolved pronouns are a matter of resolution; the rest of the shape of the mention.
    shape = int((flagged["reason"] != "bare pronoun").sum())
    print(f"without bare pronouns: {shape} rows, {shape / max(attributed, 1):.2%}\n")
    _header("reason", "rows", "share of attributed")
    counts = flagged["reason"].value_counts()
    for reason in MALFORMED_REASONS:
        if reason in counts:
            n = int(counts[reason])
            print(_row(reason, n, n / attributed))
    if show and len(flagged):
        print(flagged.head(show).drop(columns=["start", "end"]).to_string(index=False))
    return {"share": share, "flagged": flagged, "attributed": attributed}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m analysis.evaluate",
        description="Score analysis tables against the team's gold sets.",
    )
    ap.add_argument(
        "what", choices=["quotes", "stories", "align", "pairs"], help="which table to evaluate"
    )
    ap.add_argument(
        "--split",
        default="dev",
        choices=["dev", "train"],
        help="PolNeAR split: tune on train, report on dev (default)",
    )
    ap.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="also print the first N errors of each type",
    )
    ap.add_argument(
        "--part",
        default="both",
        choices=["dev", "test", "both", *EXTRA_QUOTE_PARTS],
        help="which part of the workbench's own gold sets: tune on dev, score test once a "
        "session; both is dev and test; dev2 and dev3 (quotes only) are dev parts of other outlets",
    )
    ap.add_argument(
        "--corpus-quotes",
        type=Path,
        default=None,
        metavar="PARQUET",
        help="quotes: the shared corpus's quote table, for the 20 most quoted people's rows",
    )
    ap.add_argument(
        "--attribution",
        default="rules",
        choices=["rules", "ranked"],
        help="quotes: speakers by the rules, or ranked by the shipped model (trained on "
        "PolNeAR train and the own set's dev part: python -m bench.train_ranker --compare "
        "scores a model that has not seen the dev parts)",
    )
    ap.add_argument(
        "--no-corpus",
        action="store_true",
        help="quotes: skip the malformed-speaker share on the whole shared corpus",
    )
    args = ap.parse_args(argv)
    if args.part in EXTRA_QUOTE_PARTS and args.what != "quotes":
        ap.error(f"--part {args.part} exists for the quote set only")
    parts = SPLITS if args.part == "both" else (args.part,)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 90)
    if args.what == "stories":
        run_stories(parts=parts)
    elif args.what == "align":
        run_align(parts=parts)
    elif args.what == "pairs":
        run_pairs(parts=parts)
    else:
        run_quotes(args.split, show_errors=args.errors, attribution=args.attribution)
        run_quote_gold(parts=parts, attribution=args.attribution)
        if not args.no_corpus:
            found = corpus_quotes(quotes_path=args.corpus_quotes)
            run_malformed(found, show=args.errors)
            run_most_quoted(None if found is None else found.quotes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
