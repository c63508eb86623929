"""The workbench's own hand-made gold sets (``tests/gold/``) and how the tables score on them.

The sets hold record ids of the team's shared corpus with offsets and labels, never its texts
(they are the publishers'): the texts are read from ``../shared`` when a set is scored.

- ``tests/gold/quotes/``: every quotation of 136 articles from 100 outlets (politics, business,
  sports, local, science and health, culture, world, wire copy, opinion), with the speaker
  mention and the resolved name (``tests/gold/GUIDELINES.md``).
- ``tests/gold/stories/``: 1,052 articles in 246 events (same-event coverage, several days and
  outlets, near misses kept apart).

Each set is split by article (quotes) or by event (stories) into ``dev``, to tune on, and
``test``, to score once per session after the changes; the quote set has two more dev parts of
outlets new to it, ``dev2`` (20 articles of 20 outlets) and ``dev3`` (32 articles of 32 outlets).
"""

from __future__ import annotations

import gzip
import json
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .corpus.load import load_corpus

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
CORPUS = ROOT.parent / "shared" / "corpora" / "articles_multi_outlet.jsonl.gz"
SPLITS = ("dev", "test")
# The quote set's ``dev2`` and ``dev3`` hold articles of other outlets than ``dev``: scoring on
# them shows how rules tuned on ``dev`` generalise.
QUOTE_SPLITS = (*SPLITS, "dev2", "dev3")
# Parts scored on their own, not as part of the dev + test set they were made as.
EXTRA_QUOTE_PARTS = ("dev2", "dev3")


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quotation, its offsets moved into the loaded article's ``text``."""

    doc_id: str
    kind: str
    start: int
    end: int
    speaker: str
    speaker_type: str
    mention_start: int | None
    mention_end: int | None


@dataclass(frozen=True)
class ClusterScores:
    """Pairwise and B-cubed precision, recall and F1 of a clustering against gold labels."""

    pair_p: float
    pair_r: float
    pair_f1: float
    b3_p: float
    b3_r: float
    b3_f1: float


def _require(corpus: Path) -> None:
    if not corpus.exists():
        raise FileNotFoundError(f"the shared corpus is not at {corpus}: the gold sets need it")


def _loaded(lines: list[str], name: str) -> pd.DataFrame:
    """The docs table of these corpus lines read by :func:`load_corpus` as one file ``name``
    of a user's folder (so offsets index the same normalised ``text``); ``doc_id`` is the
    record id."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text("".join(lines), encoding="utf-8")
        docs = load_corpus(path).docs
    return docs.assign(doc_id=docs["doc_id"].str.split("#", n=1).str[1])


def load_records(ids: set[str], *, corpus: Path = CORPUS) -> pd.DataFrame:
    """The docs table of the corpus records with these ids, read by :func:`load_corpus` as a
    user's folder would be (so offsets index the same normalised ``text``); ``doc_id`` is the
    record id, ``raw`` the record's text as stored."""
    _require(corpus)
    lines: dict[str, str] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            # Most lines are not wanted: the id is read from the line's start before parsing
            # it (the corpus writes "ID" first); any other layout is parsed.
            if line.startswith('{"ID": "'):
                head = line[8 : line.index('"', 8)]
            else:
                head = json.loads(line)["ID"]
            if head in ids and json.loads(line)["ID"] == head:
                lines[head] = line
    docs = _loaded([lines[i] for i in sorted(lines)], "gold.jsonl")
    raw = {i: json.loads(line)["content_original"] for i, line in lines.items()}
    docs["raw"] = docs["doc_id"].map(raw)
    return docs.sort_values("doc_id", ignore_index=True)


def _norm(s: str) -> str:
    return unicodedata.normalize("NFC", s.replace("\r\n", "\n").replace("\r", "\n"))


def relocate(raw: str, start: int, end: int, text: str) -> tuple[int, int]:
    """Where ``raw[start:end]`` stands in ``text``, the loaded (normalised, trimmed) article:
    the occurrence nearest the offset that the same normalisation of the prefix predicts."""
    piece = _norm(raw[start:end])
    lead = len(_norm(raw)) - len(_norm(raw).lstrip())
    guess = len(_norm(raw[:start])) - lead
    hits, i = [], text.find(piece)
    while i >= 0:
        hits.append(i)
        i = text.find(piece, i + 1)
    if not hits:
        raise ValueError(f"a gold span at {start} is not in the loaded text: the source changed")
    best = min(hits, key=lambda h: abs(h - guess))
    return best, best + len(piece)


def load_quote_gold(
    split: str, *, gold: Path = GOLD / "quotes", corpus: Path = CORPUS
) -> tuple[pd.DataFrame, list[GoldQuote]]:
    """Docs table and gold quotations of one part (``dev``, ``test``, ``dev2`` or ``dev3``) of
    the quote set."""
    if split not in QUOTE_SPLITS:
        raise ValueError(f"split must be one of {QUOTE_SPLITS}, not {split!r}")
    arts = pd.read_csv(gold / "articles.csv", dtype=str)
    ids = set(arts.loc[arts["split"] == split, "id"])
    docs = load_records(ids, corpus=corpus)
    by_id = docs.set_index("doc_id")
    rows = [json.loads(x) for x in (gold / "annotations.jsonl").read_text("utf-8").splitlines()]
    out = []
    for r in rows:
        if r["id"] not in ids:
            continue
        raw, text = by_id.at[r["id"], "raw"], by_id.at[r["id"], "text"]
        qs, qe = relocate(raw, r["quote_start"], r["quote_end"], text)
        ms = me = None
        if r["speaker_start"] is not None:
            ms, me = relocate(raw, r["speaker_start"], r["speaker_end"], text)
        out.append(GoldQuote(r["id"], r["kind"], qs, qe, r["speaker"], r["speaker_type"], ms, me))
    return docs.drop(columns="raw"), out


QUOTE_KINDS = {
    "quotes": ("direct", "partial"),
    "indirect": ("indirect",),
    "all": ("direct", "partial", "indirect"),
}


def _overlaps_half(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """As PolNeAR is scored: the spans overlap by at least half the shorter one."""
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and min(a[1], b[1]) - max(a[0], b[0]) >= 0.5 * shorter


def _words(s: str) -> list[str]:
    return [
        w
        for w in "".join(c.lower() if c.isalnum() else " " for c in s).split()
        if w not in {"the", "a", "an", "of", "mr", "mrs", "ms", "dr"}
    ]


def speaker_right(pred: pd.Series, g: GoldQuote) -> bool:
    """Whether a predicted row names the gold speaker. A person must be named: the predicted
    name's last word is the last word of the gold name (so "Trump", "Mr. Trump" and "Donald J.
    Trump" all name Donald J. Trump), and a pronoun or description left unresolved is wrong.
    An organisation, a description or an anonymous source is also right when the predicted
    mention overlaps the gold mention or says the same words."""
    name = pred["speaker"]
    if not isinstance(name, str) or not name.strip():
        return False
    gw, pw = _words(g.speaker), _words(name)
    if gw and pw and (gw[-1] == pw[-1] or pw == gw):
        return True
    if g.speaker_type == "person":
        return False
    ss, se = pred.get("speaker_start"), pred.get("speaker_end")
    if g.mention_start is not None and g.mention_end is not None and not pd.isna(ss):
        return min(int(se), g.mention_end) > max(int(ss), g.mention_start)
    return False


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    """Precision (``tp_p`` of ``n_p`` predictions right), recall (``tp_g`` of ``n_g`` gold items
    found) and their F1; 0 where a count is 0."""
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, _f1(p, r)


def score_quote_gold(quotes: pd.DataFrame, gold: list[GoldQuote], *, kinds: str = "all") -> dict:
    """Detection P/R/F1, speaker accuracy (of the gold quotations found) and end-to-end P/R/F1
    of a quote table against gold quotations of the kinds ``kinds`` (``quotes``: direct and
    partial; ``indirect``; ``all``). A prediction matches a gold quotation of any kind (a
    direct quote read as partial is found); scare quotes are not predictions."""
    want = QUOTE_KINDS[kinds]
    preds = quotes[quotes["kind"].isin(want)].reset_index(drop=True)
    golds = [g for g in gold if g.kind in want]
    by_doc: dict[str, list[int]] = {}
    for i, d in enumerate(preds["doc_id"]):
        by_doc.setdefault(d, []).append(i)
    found = right = 0
    hit, ok = set(), set()
    for g in golds:
        hits = [
            i
            for i in by_doc.get(g.doc_id, [])
            if _overlaps_half(
                (int(preds.at[i, "start"]), int(preds.at[i, "end"])), (g.start, g.end)
            )
        ]
        hit.update(hits)
        good = [i for i in hits if speaker_right(preds.loc[i], g)]
        ok.update(good)
        found += bool(hits)
        right += bool(good)
    det = prf(len(hit), len(preds), found, len(golds))
    e2e = prf(len(ok), len(preds), right, len(golds))
    return {
        "gold": len(golds),
        "predicted": len(preds),
        "detection_p": det[0],
        "detection_r": det[1],
        "detection_f1": det[2],
        "speaker_acc": right / found if found else 0.0,
        "e2e_p": e2e[0],
        "e2e_r": e2e[1],
        "e2e_f1": e2e[2],
    }


def load_story_gold(
    split: str, *, gold: Path = GOLD / "stories", corpus: Path = CORPUS
) -> pd.DataFrame:
    """Docs table of one part of the story set, with its gold ``event`` column."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    labels = pd.read_csv(gold / "stories.csv", dtype=str)
    labels = labels[labels["split"] == split]
    docs = load_records(set(labels["id"]), corpus=corpus).drop(columns="raw")
    return docs.assign(
        event=docs["doc_id"].map(dict(zip(labels["id"], labels["event"], strict=True)))
    )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs_within(labels: pd.Series) -> int:
    return int(sum(n * (n - 1) // 2 for n in Counter(labels).values()))


def score_clusters(pred: pd.Series, gold: pd.Series) -> ClusterScores:
    """Pairwise and B-cubed scores of ``pred`` (a cluster id per article) against ``gold``
    (an event per article), both aligned on the same index."""
    if len(pred) != len(gold) or pred.isna().any():
        raise ValueError("score_clusters needs one predicted cluster for every gold article")
    both = pd.Series(list(zip(pred.to_numpy(), gold.to_numpy(), strict=True)))
    tp = _pairs_within(both)
    n_pred, n_gold = _pairs_within(pred), _pairs_within(gold)
    pp = tp / n_pred if n_pred else 1.0
    pr = tp / n_gold if n_gold else 1.0
    size_both = both.map(Counter(both)).to_numpy(dtype=float)
    bp = float(np.mean(size_both / pred.map(Counter(pred)).to_numpy(dtype=float)))
    br = float(np.mean(size_both / gold.map(Counter(gold)).to_numpy(dtype=float)))
    return ClusterScores(pp, pr, _f1(pp, pr), bp, br, _f1(bp, br))


def tfidf_window_baseline(
    docs: pd.DataFrame, *, threshold: float, window_days: int = 3, lead_chars: int = 2000
) -> pd.Series:
    """The plain baseline the story grouping must beat: TF-IDF cosine of title + lead, an
    edge where it reaches ``threshold`` and the dates are at most ``window_days`` apart (or
    one is unknown); stories are the connected components. A cluster id per row of ``docs``."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    title = docs["title"].fillna("") if "title" in docs else pd.Series("", index=docs.index)
    texts = (title + "\n" + docs["text"].fillna("").str.slice(0, lead_chars)).tolist()
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    sim = sparse.coo_matrix(x @ x.T)
    keep = (sim.row < sim.col) & (sim.data >= threshold)
    r, c = sim.row[keep], sim.col[keep]
    if "date" in docs:
        days = pd.to_datetime(docs["date"]).to_numpy().astype("datetime64[D]")
        gap = np.abs((days[r] - days[c]).astype(float))
        undated = np.isnat(days[r]) | np.isnat(days[c])
        r, c = r[undated | (gap <= window_days)], c[undated | (gap <= window_days)]
    n = len(docs)
    graph = sparse.coo_matrix((np.ones(len(r)), (r, c)), shape=(n, n))
    return pd.Series(connected_components(graph, directed=False)[1], index=docs.index)


def best_baseline_threshold(docs: pd.DataFrame) -> float:
    """The baseline's threshold with the best pairwise F1 on ``docs`` (the dev part)."""
    grid = np.round(np.arange(0.05, 0.61, 0.025), 3)
    scores = [
        score_clusters(tfidf_window_baseline(docs, threshold=t), docs["event"]).pair_f1
        for t in grid
    ]
    return float(grid[int(np.argmax(scores))])


# Leanings of the triplet folders, in the order an event's articles are picked.
LEANINGS = ("left", "center", "right")
# Fewest days between the first dates of two events of a triplet folder.
TRIPLET_SPACING_DAYS = 10


def triplet_folder(docs: pd.DataFrame, *, spacing_days: int = TRIPLET_SPACING_DAYS) -> pd.DataFrame:
    """Rows of ``docs`` (a story gold part) forming a folder of one article per leaning per
    event: for each event in label order (labels start with the event's date), its first
    article by ``doc_id`` of each leaning (``bias_text``) from three different outlets, topped
    up from other outlets when a leaning is missing; events with fewer than three outlets, or
    whose first date is within ``spacing_days`` of an event already taken, are left out.

    Such a folder is unlike the dense gold parts, where events of one saga sit days apart: it
    is the shape of triplet collections (three outlets of different leanings on each of many
    events over years), where precision is easy and recall across styles and days decides."""
    taken: list[int] = []
    firsts: list[pd.Timestamp] = []
    dates = pd.to_datetime(docs["date"], errors="coerce")
    for _, g in sorted(docs.groupby("event"), key=lambda kv: str(kv[0])):
        first = dates.loc[g.index].min()
        if pd.notna(first) and any(abs((first - f).days) < spacing_days for f in firsts):
            continue
        pick = _one_per_leaning(g.sort_values("doc_id", kind="stable"))
        if len(pick) == len(LEANINGS):
            taken += pick
            if pd.notna(first):
                firsts.append(first)
    return docs.loc[taken]


def _one_per_leaning(event: pd.DataFrame) -> list:
    """Index labels of up to one article per leaning of ``event`` (rows in ``doc_id`` order),
    each from another outlet, topped up from further outlets to ``len(LEANINGS)``."""
    pick: list = []
    outlets: set[str] = set()
    for leaning in LEANINGS:
        rows = event[(event["bias_text"] == leaning) & ~event["outlet"].isin(outlets)]
        if len(rows):
            pick.append(rows.index[0])
            outlets.add(rows["outlet"].iloc[0])
    for label, outlet in event["outlet"].items():
        if len(pick) == len(LEANINGS):
            break
        if label not in pick and outlet not in outlets:
            pick.append(label)
            outlets.add(outlet)
    return pick


# The sparse folders of tests/gold/stories/sparse_pairs.csv: 300 corpus lines each, drawn by
# these seeds (tests/gold/stories/NOTES.md).
SPARSE_SEEDS = (11, 22, 33)
SPARSE_SIZE = 300


@dataclass(frozen=True)
class JoinedPairs:
    """Pairs of articles a story grouping joins in the sparse folders, and how many of them a
    reader judged one event (``tests/gold/stories/sparse_pairs.csv``)."""

    joined: int
    judged: int
    same_event: int

    @property
    def precision(self) -> float:
        """Share of the judged joined pairs that are one event."""
        return self.same_event / self.judged if self.judged else 1.0


def load_sparse_folders(*, corpus: Path = CORPUS) -> list[pd.DataFrame]:
    """The docs tables of the sparse folders (``SPARSE_SEEDS``), each as :func:`load_corpus`
    reads a folder of those corpus lines; ``doc_id`` is the record id."""
    _require(corpus)
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    folders = []
    for seed in SPARSE_SEEDS:
        rows = np.sort(np.random.default_rng(seed).choice(len(lines), SPARSE_SIZE, replace=False))
        folders.append(_loaded([lines[i] for i in rows], "articles.jsonl"))
    return folders


def score_joined_pairs(
    folders: list[pd.DataFrame], preds: list[pd.Series], *, gold: Path = GOLD / "stories"
) -> JoinedPairs:
    """How many pairs the predicted stories (one Series per folder, a story per row) join,
    how many of those are judged in ``sparse_pairs.csv`` and how many of these are one event."""
    judged = pd.read_csv(gold / "sparse_pairs.csv", dtype={"id_a": str, "id_b": str})
    label = {
        frozenset(p): int(v)
        for *p, v in zip(judged["id_a"], judged["id_b"], judged["same_event"], strict=True)
    }
    joined = seen = same = 0
    for docs, pred in zip(folders, preds, strict=True):
        for _, ids in docs["doc_id"].groupby(pred.to_numpy()):
            members = sorted(ids)
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    joined += 1
                    v = label.get(frozenset((a, b)))
                    seen += v is not None
                    same += v == 1
    return JoinedPairs(joined, seen, same)


def load_align_gold(
    split: str, *, gold: Path = GOLD / "align", corpus: Path = CORPUS
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Docs table of one part of the alignment set, and its gold passage pairs (``doc_a,
    doc_b, start_a, end_a, start_b, end_b, type``) with offsets into the loaded ``text``."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    pairs = pd.read_csv(gold / "pairs.csv", dtype=str)
    pairs = pairs[pairs["split"] == split]
    docs = load_records(set(pairs["id_a"]) | set(pairs["id_b"]), corpus=corpus)
    by_id = docs.set_index("doc_id")
    keep = set(zip(pairs["id_a"], pairs["id_b"], strict=True))
    rows = []
    for line in (gold / "passages.jsonl").read_text("utf-8").splitlines():
        r = json.loads(line)
        if (r["id_a"], r["id_b"]) not in keep:
            continue
        sa = relocate(
            by_id.at[r["id_a"], "raw"], r["a_start"], r["a_end"], by_id.at[r["id_a"], "text"]
        )
        sb = relocate(
            by_id.at[r["id_b"], "raw"], r["b_start"], r["b_end"], by_id.at[r["id_b"], "text"]
        )
        rows.append(
            {
                "doc_a": r["id_a"],
                "doc_b": r["id_b"],
                "start_a": sa[0],
                "end_a": sa[1],
                "start_b": sb[0],
                "end_b": sb[1],
                "type": r["type"],
            }
        )
    return docs.drop(columns="raw"), pd.DataFrame(rows)


def _same_passages(p: pd.Series, g: pd.Series) -> bool:
    """Both sides overlap (predicted passages are clauses, gold ones sentences or clauses)."""
    return min(p["end_a"], g["end_a"]) > max(p["start_a"], g["start_a"]) and min(
        p["end_b"], g["end_b"]
    ) > max(p["start_b"], g["start_b"])


def score_alignment(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Precision (predicted pairs that overlap a gold pair on both sides), recall (gold pairs
    so found), F1, and recall by gold ``type`` (verbatim, paraphrase). ``pred`` has the columns
    of :func:`analysis.align_passages`; pairs are compared in either orientation."""
    flipped = pred.rename(
        columns={
            "doc_a": "doc_b",
            "doc_b": "doc_a",
            "start_a": "start_b",
            "start_b": "start_a",
            "end_a": "end_b",
            "end_b": "end_a",
        }
    )
    pred = pd.concat([pred, flipped], ignore_index=True)
    hit_pred, hit_gold = set(), set()
    for (da, db), g in gold.groupby(["doc_a", "doc_b"]):
        p = pred[(pred["doc_a"] == da) & (pred["doc_b"] == db)]
        for gi, grow in g.iterrows():
            for pi, prow in p.iterrows():
                if _same_passages(prow, grow):
                    hit_pred.add(pi % (len(pred) // 2))
                    hit_gold.add(gi)
    n_pred = len(pred) // 2
    p, r, f = prf(len(hit_pred), n_pred, len(hit_gold), len(gold))
    by_type = {
        t: float(gold.index[gold["type"] == t].isin(list(hit_gold)).mean())
        for t in sorted(gold["type"].unique())
    }
    return {
        "gold": len(gold),
        "predicted": n_pred,
        "precision": p,
        "recall": r,
        "f1": f,
        "recall_by_type": by_type,
    }


def load_pair_gold(
    split: str, *, gold: Path = GOLD / "quote_pairs", corpus: Path = CORPUS
) -> pd.DataFrame:
    """One part of the quote pair set (``tests/gold/quote_pairs/pairs.csv``) with the two
    quotes' texts read from the corpus: its columns plus ``quote_a``, ``quote_b``."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    pairs = pd.read_csv(gold / "pairs.csv", dtype={"doc_a": str, "doc_b": str, "split": str})
    pairs = pairs[pairs["split"] == split].reset_index(drop=True)
    docs = load_records(set(pairs["doc_a"]) | set(pairs["doc_b"]), corpus=corpus)
    text = dict(zip(docs["doc_id"], docs["text"], strict=True))
    missing = sorted((set(pairs["doc_a"]) | set(pairs["doc_b"])) - set(text))
    if missing:
        raise ValueError(f"quote pair gold: {len(missing)} articles not in {corpus}: {missing[:3]}")
    for side in ("a", "b"):
        pairs[f"quote_{side}"] = [
            text[d][s:e]
            for d, s, e in zip(
                pairs[f"doc_{side}"], pairs[f"start_{side}"], pairs[f"end_{side}"], strict=True
            )
        ]
    return pairs


PAIR_THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(15))


def pair_curve(
    similarity: pd.Series, label: pd.Series, weight: pd.Series, thresholds=PAIR_THRESHOLDS
) -> pd.DataFrame:
    """Precision and recall of "similarity >= threshold" against the same-statement labels,
    one row per threshold: ``threshold, predicted, precision, recall`` (``predicted``: labelled
    pairs kept). Each pair counts ``weight`` times (the candidates of its similarity band it
    stands for), so the figures estimate the whole corpus, not the sample; recall is the share
    of the same-statement candidates from 0.3 up that the threshold keeps."""
    y = label.to_numpy(dtype=bool)
    w = weight.to_numpy(dtype=float)
    s = similarity.to_numpy(dtype=float)
    rows = []
    for t in thresholds:
        kept = s >= t
        tp = float((w * (kept & y)).sum())
        n_kept = float((w * kept).sum())
        rows.append(
            {
                "threshold": float(t),
                "predicted": int(kept.sum()),
                "precision": tp / n_kept if n_kept else 1.0,
                "recall": tp / float((w * y).sum()) if y.any() else 0.0,
            }
        )
    return pd.DataFrame(rows)


def lowest_threshold(curve: pd.DataFrame, *, min_precision: float = 0.95) -> float:
    """The lowest threshold of ``curve`` (:func:`pair_curve`) from which precision stays at
    least ``min_precision`` at every higher threshold too."""
    ok = curve["precision"].to_numpy() >= min_precision
    for i in range(len(curve)):
        if ok[i:].all():
            return float(curve["threshold"].iloc[i])
    raise ValueError(f"no threshold reaches precision {min_precision}")
