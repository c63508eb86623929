"""Annotate quotations for the quote gold set (tests/gold/GUIDELINES.md) by reading:

    python -m bench.annotate_quotes show ID          # the record's text, paragraphs with offsets
    python -m bench.annotate_quotes build IN OUT     # text-form rows -> stored rows
    python -m bench.annotate_quotes review OUT       # each stored row with its spans shown

An annotator writes one JSON object a line in IN, with the spans as written (copied from the
text ``show`` prints), not their offsets:

    {"id": ..., "kind": "direct|partial|indirect", "quote": "…", "occurrence": 0,
     "speaker_mention": "…" or null, "cue": "said" or null, "speaker": "Fullest Name",
     "speaker_type": "person|organisation|description|anonymous",
     "mention_ctx": "…", "cue_ctx": "…"}

``occurrence`` picks among repeated quotations (0-based; required when the text repeats it).
The mention and the cue are placed together: among their whole-word occurrences (outside the
quotation when any is), the pair nearest the quotation and each other; ``mention_ctx`` /
``cue_ctx`` (a longer string that holds them) pin one down. OUT holds what the repository
stores: record ids, offsets into ``content_original``, the SHA-1 of each quotation, labels.
The texts are read from ``../shared`` and never written.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from analysis.gold import load_records

KINDS = ("direct", "partial", "indirect")
TYPES = ("person", "organisation", "description", "anonymous")


def texts(ids: set[str]) -> dict[str, str]:
    """``content_original`` of the corpus records with these ids (the offsets index it)."""
    docs = load_records(ids)
    return dict(zip(docs["doc_id"], docs["raw"], strict=True))


def occurrences(text: str, piece: str) -> list[int]:
    """Every offset where ``piece`` is written in ``text``."""
    out, i = [], text.find(piece)
    while i >= 0:
        out.append(i)
        i = text.find(piece, i + 1)
    return out


def _whole(text: str, at: int, n: int) -> bool:
    return (at == 0 or not text[at - 1].isalnum()) and (
        at + n >= len(text) or not text[at + n].isalnum()
    )


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they overlap)."""
    return max(0, b[0] - a[1], a[0] - b[1])


def candidates(
    text: str, piece: str | None, quote: tuple[int, int], ctx: str | None = None
) -> list[tuple[int, int]]:
    """Spans of ``piece``: whole-word occurrences outside the quotation when there are any;
    with ``ctx``, the piece inside the occurrences of ``ctx``."""
    if not piece:
        return []
    if ctx:
        out = []
        for c0, c1 in candidates(text, ctx, quote):
            k = text.find(piece, c0)
            if 0 <= k and k + len(piece) <= c1:
                out.append((k, k + len(piece)))
        return out
    hits = [h for h in occurrences(text, piece) if _whole(text, h, len(piece))]
    hits = hits or occurrences(text, piece)
    outside = [h for h in hits if h + len(piece) <= quote[0] or h >= quote[1]]
    return [(h, h + len(piece)) for h in (outside or hits)]


def place(row: dict, text: str) -> dict:
    """The stored form of one text-form row; ValueError saying what is wrong."""
    hits = occurrences(text, row["quote"])
    if not hits:
        raise ValueError(f"quote not found: {row['quote'][:60]!r}")
    if len(hits) > 1 and "occurrence" not in row:
        raise ValueError(f"quote written {len(hits)} times, give its occurrence")
    if row["kind"] not in KINDS or row["speaker_type"] not in TYPES:
        raise ValueError(f"kind or speaker_type not one of {KINDS} / {TYPES}")
    qs = hits[row.get("occurrence", 0)]
    quote = (qs, qs + len(row["quote"]))
    mentions = candidates(text, row.get("speaker_mention"), quote, row.get("mention_ctx"))
    cues = candidates(text, row.get("cue"), quote, row.get("cue_ctx"))
    if row.get("speaker_mention") and not mentions:
        raise ValueError(f"mention not found: {row['speaker_mention']!r}")
    if row.get("cue") and not cues:
        raise ValueError(f"cue not found: {row['cue']!r}")
    best = min(
        ((m, c) for m in (mentions or [None]) for c in (cues or [None])),
        key=lambda mc: (
            (gap(mc[0], quote) if mc[0] else 0)
            + (gap(mc[1], quote) if mc[1] else 0)
            + (3 * gap(mc[0], mc[1]) if mc[0] and mc[1] else 0)
        ),
    )
    (ms, me), (cs, ce) = best[0] or (None, None), best[1] or (None, None)
    return {
        "id": row["id"],
        "kind": row["kind"],
        "quote_start": quote[0],
        "quote_end": quote[1],
        "quote_sha1": hashlib.sha1(text[quote[0] : quote[1]].encode()).hexdigest(),
        "cue_start": cs,
        "cue_end": ce,
        "speaker_start": ms,
        "speaker_end": me,
        "speaker": row["speaker"],
        "speaker_type": row["speaker_type"],
    }


def build(inp: Path, out: Path) -> int:
    """Write the stored rows of ``inp`` to ``out`` (by id, then offset); the number of rows
    that could not be placed, each reported on its own line."""
    rows = [json.loads(x) for x in inp.read_text(encoding="utf-8").splitlines() if x.strip()]
    found = texts({r["id"] for r in rows})
    placed, errors = [], 0
    for n, row in enumerate(rows, 1):
        try:
            if row["id"] not in found:
                raise ValueError(f"no record {row['id']}")
            placed.append(place(row, found[row["id"]]))
        except ValueError as e:
            print(f"row {n}: {e}")
            errors += 1
    placed.sort(key=lambda r: (r["id"], r["quote_start"]))
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in placed), "utf-8")
    print(f"{len(placed)} rows written, {errors} not placed")
    return errors


def review(path: Path) -> None:
    """Print each stored row: mention, cue, speaker and the start of the quotation."""
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    found = texts({r["id"] for r in rows})
    for r in rows:
        text = found[r["id"]]
        q = text[r["quote_start"] : r["quote_end"]]
        m = text[r["speaker_start"] : r["speaker_end"]] if r["speaker_start"] is not None else None
        c = text[r["cue_start"] : r["cue_end"]] if r["cue_start"] is not None else None
        print(
            f"{r['id']} {r['quote_start']} {r['kind']:8} [{m}] -{c}- => {r['speaker']}: {q[:80]!r}"
        )


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "show":
        text = texts({argv[1]})[argv[1]]
        pos = 0
        for para in text.split("\n"):
            if para.strip():
                print(f"[{pos}] {para}")
            pos += len(para) + 1
        return 0
    if len(argv) == 3 and argv[0] == "build":
        return 1 if build(Path(argv[1]), Path(argv[2])) else 0
    if len(argv) == 2 and argv[0] == "review":
        review(Path(argv[1]))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
