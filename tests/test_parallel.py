"""``extract_quotes(..., n_jobs=N)``: the same table as one process, from worker processes."""

from __future__ import annotations

import os
import time

import pandas as pd
import pytest

from analysis import extract_quotes
from analysis.core.parallel import (
    SHARE,
    TAIL_CHUNKS,
    chunks_by_text,
    contiguous,
    map_chunks,
    resolve_n_jobs,
)


def test_resolve_n_jobs_follows_scikit_learn() -> None:
    cores = os.cpu_count() or 1
    assert resolve_n_jobs(None) == 1
    assert resolve_n_jobs(1) == 1
    assert resolve_n_jobs(3) == 3
    assert resolve_n_jobs(-1) == cores
    assert resolve_n_jobs(-cores - 5) == 1
    with pytest.raises(ValueError, match="must not be 0"):
        resolve_n_jobs(0)


def test_chunks_keep_every_article_once_in_order(seed_docs) -> None:
    docs = pd.concat([seed_docs] * 100, ignore_index=True)
    chunks = chunks_by_text(docs, 2)
    assert all(len(c) for c in chunks)
    assert pd.concat(chunks).index.tolist() == docs.index.tolist()
    # Guided: large chunks first, small ones at the end, so that no process is left with a
    # big one when the others run out.
    sizes = [int(c["text"].str.len().sum()) for c in chunks]
    total, doc = sum(sizes), int(docs["text"].str.len().max())  # (a cut falls between articles)
    assert abs(sizes[0] - total / (SHARE * 2)) <= doc
    assert all(later <= size + doc for size, later in zip(sizes, sizes[1:], strict=False))
    assert all(abs(size - total / (TAIL_CHUNKS * 2)) <= doc for size in sizes[-4:-1])
    assert chunks_by_text(docs.iloc[:1], 2)[0].index.tolist() == docs.index[:1].tolist()


def test_n_jobs_gives_the_one_process_table_on_the_seeds(seed_docs) -> None:
    # Shuffled, repeated ids: the workers must still give one call's rows in one call's order.
    docs = pd.concat([seed_docs.iloc[::-1], seed_docs], ignore_index=True)
    docs = docs[["doc_id", "outlet", "text"]]
    one = extract_quotes(docs)
    assert len(one) > 20
    par = extract_quotes(docs, n_jobs=2)
    pd.testing.assert_frame_equal(par, one)
    # The workers' tables are joined into one piece of memory per column (see contiguous).
    assert all(_chunks(par[c]) == 1 for c in par if _chunks(par[c]) is not None)


def _chunks(column: pd.Series) -> int | None:
    """How many Arrow chunks hold ``column`` (None: not Arrow-backed)."""
    import pyarrow as pa

    arr = pa.array(column.array) if isinstance(column.dtype, pd.StringDtype) else None
    return None if arr is None else getattr(arr, "num_chunks", 1)


def test_contiguous_joins_chunked_text_columns_and_keeps_the_values(seed_docs) -> None:
    docs = seed_docs.assign(
        text=seed_docs["text"].astype("str"), outlet=seed_docs["outlet"].astype("str")
    )
    joined = pd.concat([docs, docs.iloc[::-1], docs], ignore_index=True)
    assert _chunks(joined["text"]) == 3
    out = contiguous(joined)
    pd.testing.assert_frame_equal(out, joined)  # same values, dtypes, index and names
    assert _chunks(out["text"]) == _chunks(out["outlet"]) == 1
    assert _chunks(joined["text"]) == 3  # the caller's frame is not changed
    assert contiguous(out) is out  # nothing to join: the same frame, no copy
    assert out.iloc[[2, 4]]["text"].tolist() == [docs["text"].iloc[1], docs["text"].iloc[0]]


def test_n_jobs_on_articles_without_quotes_keeps_the_dtypes() -> None:
    docs = pd.DataFrame(
        {
            "doc_id": ["b", "a", "c"],
            "text": [
                "No quotation here.",
                "Nor here, in this one.",
                "The minister visited Ankara on Tuesday.",
            ],
        }
    )
    one = extract_quotes(docs)
    assert one.empty
    pd.testing.assert_frame_equal(extract_quotes(docs, n_jobs=2), one)


def test_n_jobs_gives_the_one_process_table_on_real_news(corpus_head_docs) -> None:
    docs = corpus_head_docs
    one = extract_quotes(docs)
    par = extract_quotes(docs, n_jobs=2)
    assert len(one) > 1_000
    pd.testing.assert_frame_equal(par, one)


def _tag_process(chunk: pd.DataFrame) -> pd.DataFrame:
    """A chunk's doc ids with the id of the process that read them (module level: pickled)."""
    if (chunk["doc_id"] == "fails").any():
        raise ValueError("a chunk failed")
    time.sleep(0.05)  # (lets the pool hand chunks to the worker while this process reads)
    return chunk[["doc_id"]].assign(pid=os.getpid())


def test_this_process_reads_chunks_beside_its_workers(seed_docs) -> None:
    docs = pd.concat([seed_docs] * 50, ignore_index=True)
    docs = docs.assign(doc_id=[f"d{i:03d}" for i in range(len(docs))])
    out = map_chunks(_tag_process, docs, n_jobs=2)
    assert out["doc_id"].tolist() == docs["doc_id"].tolist()  # every article once, in order
    pids = set(out["pid"])
    assert os.getpid() in pids and len(pids) == 2  # this process and one worker
    # A chunk's error reaches the caller, wherever the chunk was read.
    failing = docs.assign(doc_id=docs["doc_id"].where(docs.index != 60, "fails"))
    with pytest.raises(ValueError, match="a chunk failed"):
        map_chunks(_tag_process, failing, n_jobs=2)
