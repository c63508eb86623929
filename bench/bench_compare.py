"""Source comparison at scale on the shared multi-outlet corpus, each beside a peer.

- ``story_groups`` over all 37,554 articles (goal: under a minute on this machine) beside
  datasketch's MinHash LSH over the same title+lead word sets (the other common way to find
  near-duplicate stories; it has no date window).
- ``align_passages`` throughput in article pairs per second, on cross-outlet pairs of the
  largest stories, beside a naive aligner: TF-IDF cosine of every sentence pair (fitted per
  article pair), greedy one-to-one above 0.5. On the seed pair both are also scored against
  the gold shared passages, so the speed is read beside what it buys.

``python -m bench.bench_compare [N_PAIRS]``.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from analysis.compare.align import align_passages
from analysis.compare.stories import story_groups, story_table, story_texts
from analysis.core.text import sentence_spans

from .common import SHARED, print_table, require_corpus, row, timed


def load_corpus_records() -> pd.DataFrame:
    """Every article of the corpus as a docs table (doc_id, outlet, date, title, text)."""
    rows = []
    with gzip.open(require_corpus(), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            rows.append(
                {
                    "doc_id": str(rec["ID"]),
                    "outlet": rec.get("source") or "unknown",
                    "date": rec.get("date") or None,
                    "title": rec.get("title") or "",
                    "text": rec.get("content_original") or "",
                }
            )
    docs = pd.DataFrame(rows)
    docs["date"] = pd.to_datetime(docs["date"], errors="coerce", format="%Y-%m-%d")
    return docs


def minhash_groups(docs: pd.DataFrame, *, threshold: float = 0.5, num_perm: int = 64) -> int:
    """The peer: MinHash LSH over title+lead word sets; returns the number of groups."""
    texts = story_texts(docs).str.lower().str.findall(r"[a-z0-9]{3,}")
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes = []
    for i, words in enumerate(texts):
        m = MinHash(num_perm=num_perm, seed=1)
        m.update_batch([w.encode() for w in set(words)])
        lsh.insert(str(i), m)
        hashes.append(m)
    parent = list(range(len(texts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            a, b = find(i), find(int(j))
            if a != b:
                parent[max(a, b)] = min(a, b)
    return len({find(i) for i in range(len(texts))})


def naive_align(text_a: str, text_b: str, *, threshold: float = 0.5) -> list[tuple[int, int]]:
    """The peer aligner: sentence TF-IDF cosine, greedy one-to-one. Returns (i, j) sentence
    index pairs."""
    sa = [text_a[s:e] for s, e in sentence_spans(text_a)]
    sb = [text_b[s:e] for s, e in sentence_spans(text_b)]
    if not sa or not sb:
        return []
    vec = TfidfVectorizer(stop_words="english").fit(sa + sb)
    sim = cosine_similarity(vec.transform(sa), vec.transform(sb))
    out, used_a, used_b = [], set(), set()
    for flat in np.argsort(-sim, axis=None, kind="stable"):
        i, j = divmod(int(flat), sim.shape[1])
        if sim[i, j] < threshold:
            break
        if i not in used_a and j not in used_b:
            out.append((i, j))
            used_a.add(i)
            used_b.add(j)
    return out


def gold_recall() -> tuple[int, int, int] | None:
    """Gold shared passages of the seed pair recovered by ours and by the naive aligner."""
    path = SHARED / "gold" / "seed_comparison.json"
    if not path.exists():
        return None
    from analysis import load_corpus

    gold = json.loads(path.read_text(encoding="utf-8"))
    seed = load_corpus(Path(__file__).resolve().parents[1] / "data" / "seeds").docs
    ta = seed.loc[seed["doc_id"] == gold["docs"]["a"], "text"].iloc[0]
    tb = seed.loc[seed["doc_id"] == gold["docs"]["b"], "text"].iloc[0]
    ours = align_passages(seed, a=gold["docs"]["a"], b=gold["docs"]["b"])
    spans_a, spans_b = sentence_spans(ta), sentence_spans(tb)
    naive = [(spans_a[i], spans_b[j]) for i, j in naive_align(ta, tb)]

    def hit(pairs, ga, gb) -> bool:
        return any(s1 <= ga < e1 and s2 <= gb < e2 for (s1, e1), (s2, e2) in pairs)

    found_ours = found_naive = 0
    for g in gold["shared"]:
        ga, gb = ta.find(g["a"]), tb.find(g["b"])
        found_ours += hit(
            list(
                zip(
                    zip(ours["start_a"], ours["end_a"], strict=True),
                    zip(ours["start_b"], ours["end_b"], strict=True),
                    strict=True,
                )
            ),
            ga,
            gb,
        )
        found_naive += hit(naive, ga, gb)
    return found_ours, found_naive, len(gold["shared"])


def run(n_pairs: int = 300) -> list[dict]:
    docs = load_corpus_records()
    n = len(docs)
    t_ours, stories = timed(lambda: story_groups(docs, progress=False))
    t_peer, n_peer = timed(lambda: minhash_groups(docs))
    table = story_table(docs, stories)
    rows = [
        row(
            "story_groups, whole corpus",
            t_ours,
            t_peer,
            unit="s",
            higher_is_better=False,
            peer_name="datasketch MinHash LSH",
            note=f"{n:,} articles; ours {stories.nunique():,} stories, {len(table):,} with "
            f"2+ outlets; peer {n_peer:,} groups (no date window)",
        ),
    ]
    # Cross-outlet pairs of the largest stories, as align_passages would compare them.
    docs = docs.assign(story=stories.to_numpy())
    pairs: list[tuple[str, str]] = []
    for story in table["story"]:
        members = docs[docs["story"] == story].sort_values(["outlet", "doc_id"])
        ids, outs = members["doc_id"].tolist(), members["outlet"].tolist()
        pairs += [
            (ids[i], ids[j])
            for i in range(len(ids))
            for j in range(i + 1, len(ids))
            if outs[i] != outs[j]
        ]
        if len(pairs) >= n_pairs:
            break
    pairs = pairs[:n_pairs]
    t_align, al = timed(lambda: align_passages(docs, pairs=pairs))
    text = dict(zip(docs["doc_id"], docs["text"], strict=True))
    t_naive, naive = timed(lambda: [naive_align(text[a], text[b]) for a, b in pairs])
    rows.append(
        row(
            "align_passages throughput",
            len(pairs) / t_align,
            len(pairs) / t_naive,
            unit="pairs/s",
            peer_name="sentence TF-IDF cosine, greedy",
            note=f"{len(pairs)} cross-outlet pairs of the largest stories; ours "
            f"{len(al):,} passages, peer {sum(map(len, naive)):,} sentence pairs",
        )
    )
    recall = gold_recall()
    if recall is not None:
        ours, peer, total = recall
        rows.append(
            row(
                "seed gold shared passages found",
                ours,
                peer,
                unit=f"of {total}",
                peer_name="sentence TF-IDF cosine, greedy",
                note="same gold as tests/test_align.py",
            )
        )
    return rows


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print_table(run(n), title="compare: story_groups and align_passages")
