"""Train the speaker ranker of quotations in marks (:mod:`analysis.quotes.ranker`) and compare it
with the rules on held-back parts.

    python -m bench.train_ranker --compare   # train on PolNeAR train only; score PolNeAR dev
                                             # and the own quote set's dev part, rules vs ranked
    python -m bench.train_ranker --ship      # train on PolNeAR train + own dev; write
                                             # analysis/data/ranker.json

Each quotation the rules give a speaker is a group of candidates (every mention a rule, an
override or the carried speaker proposes, :func:`analysis.quotes.ranker.candidates`); a
candidate is right when it names the gold source. Pairs of a right and a wrong candidate of
one quotation train a pairwise logistic regression on the candidates' features (scikit-learn,
needed here only; the package reads the weights as plain numbers). Deterministic: same data,
same file.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.evaluate import (
    POLNEAR,
    _name_match,
    _overlap,
    load_polnear,
    score_polnear,
    span_matches,
)
from analysis.gold import _overlaps_half, load_quote_gold, score_quote_gold, speaker_right
from analysis.quotes import extract as ex
from analysis.quotes import ranker

SHIPPED = Path(ranker.__file__).resolve().parents[1] / ranker.WEIGHTS
C = 1.0  # the regression's inverse regularisation strength
COLUMNS = ["doc_id", "quote", "start", "end", "kind", "speaker", "speaker_start", "speaker_end"]


@dataclass
class Group:
    """The candidates of one quotation and which of them are right."""

    x: list[list[float]]
    y: list[int]


@dataclass
class Recorded:
    """One quotation the rules gave a speaker, and its candidates."""

    doc_id: str
    start: int
    end: int
    cands: list[ranker.Candidate]


class Recorder:
    """A chooser that keeps the rules' speaker and records every quotation's candidates."""

    def __init__(self) -> None:
        self.doc_id = ""
        self.seen: list[Recorded] = []

    def __call__(self, ctx: ex.ChoiceContext) -> ex._Carried:
        cands = ranker.candidates(ctx)
        if cands is not None:
            p = ctx.pieces[ctx.idx]
            self.seen.append(Recorded(self.doc_id, p.start, p.end, cands))
        return ctx.said


def record(docs: pd.DataFrame) -> list[Recorded]:
    """The candidates of every quotation in marks of ``docs`` that the rules give a speaker."""
    rec = Recorder()
    for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True):
        rec.doc_id = str(doc_id)
        ex._doc_quotes(doc_id, text, False, rec)
    return rec.seen


def polnear_groups(split: str) -> list[Group]:
    """Candidate groups of a PolNeAR split: right = overlaps the gold source or names it."""
    docs, gold = load_polnear(POLNEAR, split)
    out = []
    for r in record(docs):
        gs = [
            g
            for g in gold.get(r.doc_id, [])
            if g.direct and g.source and span_matches((r.start, r.end), g.content)
        ]
        if not gs:
            continue
        y = [
            int(
                any(
                    _overlap((c.mention.start, c.mention.end), g.source) > 0
                    or _name_match(c.speaker, g.source_text)
                    for g in gs
                )
            )
            for c in r.cands
        ]
        out.append(Group([c.x for c in r.cands], y))
    return out


def own_groups(split: str) -> list[Group]:
    """Candidate groups of a part of the own quote set: right = as :func:`speaker_right`."""
    docs, golds = load_quote_gold(split)
    out = []
    for r in record(docs):
        gs = [
            g
            for g in golds
            if g.doc_id == r.doc_id
            and g.kind in ("direct", "partial")
            and _overlaps_half((r.start, r.end), (g.start, g.end))
        ]
        if not gs:
            continue
        y = [
            int(
                any(
                    speaker_right(
                        pd.Series(
                            {
                                "speaker": c.speaker,
                                "speaker_start": c.mention.start,
                                "speaker_end": c.mention.end,
                            }
                        ),
                        g,
                    )
                    for g in gs
                )
            )
            for c in r.cands
        ]
        out.append(Group([c.x for c in r.cands], y))
    return out


def pairs(groups: list[Group]) -> tuple[np.ndarray, np.ndarray]:
    """Every (right, wrong) pair of candidates of a quotation, as the difference of their
    features: label 1 for right minus wrong, 0 for its negation."""
    rows, labels = [], []
    for g in groups:
        x = np.array(g.x, dtype=float)
        for i, yi in enumerate(g.y):
            for j, yj in enumerate(g.y):
                if yi == 1 and yj == 0:
                    rows.extend([x[i] - x[j], x[j] - x[i]])
                    labels.extend([1, 0])
    return np.array(rows).reshape(-1, len(ranker.FEATURES)), np.array(labels, dtype=int)


def fit(groups: list[Group]) -> ranker.Weights:
    """A pairwise logistic regression (no intercept): the right candidate of a quotation
    should score above each wrong one. Only quotations with both teach it anything."""
    from sklearn.linear_model import LogisticRegression

    x, y = pairs(groups)
    model = LogisticRegression(C=C, max_iter=5000, fit_intercept=False).fit(x, y)
    w = tuple(round(float(v), 6) for v in model.coef_[0])
    return ranker.Weights(ranker.FEATURES, w)


def write_weights(weights: ranker.Weights, path: Path, trained_on: str) -> None:
    """The weights as JSON, written atomically (a temporary file renamed over ``path``)."""
    raw = {
        "trained_on": trained_on,
        "trainer": "python -m bench.train_ranker --ship",
        "features": list(weights.features),
        "weights": list(weights.weights),
    }
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(json.dumps(raw, indent=1) + "\n")
    os.chmod(tmp, 0o644)  # (mkstemp makes it private; the package file is read by all)
    os.replace(tmp, path)


def table(docs: pd.DataFrame, weights: ranker.Weights | None) -> pd.DataFrame:
    """The quote table of ``docs`` by the rules (``weights`` None) or ranked by ``weights``."""
    choose = None if weights is None else ranker.ranked_chooser(weights)
    rows = []
    for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True):
        got = ex._doc_quotes(doc_id, text, True, choose)
        got.sort(key=lambda r: (r["start"], r["end"], r["kind"]))
        rows.extend(got)
    return pd.DataFrame(rows, columns=COLUMNS)


def compare(weights: ranker.Weights) -> dict[str, dict[str, float]]:
    """PolNeAR dev (quotes in marks) and own dev (quotes, all kinds): rules vs ranked."""
    out: dict[str, dict[str, float]] = {}
    pdocs, pgold = load_polnear(POLNEAR, "dev")
    odocs, ogold = load_quote_gold("dev")
    for name, w in (("rules", None), ("ranked", weights)):
        d = score_polnear(table(pdocs, w), pgold, direct=True)
        oq = table(odocs, w)
        q = score_quote_gold(oq, ogold, kinds="quotes")
        a = score_quote_gold(oq, ogold, kinds="all")
        out[name] = {
            "polnear_e2e_f1": d["e2e_f1"],
            "polnear_attr_acc": d["attribution_acc"],
            "own_quotes_speaker_acc": q["speaker_acc"],
            "own_quotes_e2e_f1": q["e2e_f1"],
            "own_all_speaker_acc": a["speaker_acc"],
            "own_all_e2e_f1": a["e2e_f1"],
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.train_ranker", description=__doc__)
    ap.add_argument("--compare", action="store_true", help="train on PolNeAR train; score dev")
    ap.add_argument("--ship", action="store_true", help="train on PolNeAR train + own dev")
    ap.add_argument("--out", type=Path, default=SHIPPED, help="where --ship writes")
    args = ap.parse_args(argv)
    train = polnear_groups("train")
    if args.compare:
        w = fit(train)
        for name, row in compare(w).items():
            print(name, json.dumps({k: round(v, 4) for k, v in row.items()}))
        for f, v in zip(w.features, w.weights, strict=True):
            print(f"  {f:20s} {v:+.3f}")
    if args.ship:
        w = fit(train + own_groups("dev"))
        write_weights(w, args.out, "PolNeAR train (quotes in marks) + own quote set dev")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
