"""The Dask paths (analysis/scale/dask.py): on a 2-worker LocalCluster, every function returns the
table it returns on pandas, equal in values, dtypes, index and row order."""

from __future__ import annotations

import gzip
import json
import shutil
from itertools import islice
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest
from conftest import SEEDS
from dask import distributed

from analysis import (
    extract_quotes,
    ingest,
    keyness,
    load_corpus,
    story_groups,
    term_counts,
    write_corpus,
)
from analysis.core.progress import PROGRESS_ARTICLES, is_dask, map_reduce, wants_progress
from analysis.scale import dask as scale

# The sample's texts (30 MB) go to the workers once per Dask frame; distributed warns about it.
pytestmark = pytest.mark.filterwarnings("ignore:Sending large graph:UserWarning")

# Articles taken from the shared corpus: its first records, in file order (deterministic).
SAMPLE = 5000
# Quote extraction costs about 5 ms per article on one core; 1,000 articles keep this file
# inside its CI budget (the other functions run on all 5,000).
QUOTE_SAMPLE = 1000


@pytest.fixture(scope="module")
def client():
    # One polars thread per worker process: a worker runs one task at a time, and polars
    # would otherwise start a pool of every core in each process (2x slower on 2 cores).
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        env={"POLARS_MAX_THREADS": "1"},
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def split(docs: pd.DataFrame, n: int):
    """``docs`` as a Dask DataFrame of ``n`` partitions (a user's own ``from_pandas``), held by
    the workers (persisted), so that each call does not ship the texts again."""
    return dd.from_pandas(docs, npartitions=n, sort=False).persist()


def tasks_done(client) -> int:
    """Task state transitions the cluster's scheduler has made so far."""
    return client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)


# ------------------------------------------------------------------------------- helpers


def test_is_dask_tells_dask_from_pandas(seed_docs):
    assert not is_dask(seed_docs)
    assert not is_dask(seed_docs["text"])
    assert is_dask(split(seed_docs, 2))


def test_map_reduce_keeps_partition_order(client):
    docs = pd.DataFrame({"x": range(10)})
    got = map_reduce(
        split(docs, 4), lambda p: p["x"].tolist(), lambda parts: [v for p in parts for v in p]
    )
    assert got == list(range(10))


# ------------------------------------------------------------------------------- seeds


def test_seeds_load_on_dask(client):
    pandas, dask = load_corpus(SEEDS), load_corpus(SEEDS, engine="dask")
    assert is_dask(dask.docs)
    pd.testing.assert_frame_equal(dask.docs.compute(), pandas.docs)
    pd.testing.assert_frame_equal(dask.problems, pandas.problems)
    assert "Corpus (Dask)" in repr(dask)


def test_seeds_counts_keyness_stories_quotes_on_dask(client, seed_docs):
    d = split(seed_docs, 2)  # one article per partition
    before = tasks_done(client)
    pd.testing.assert_frame_equal(term_counts(d), term_counts(seed_docs))
    pd.testing.assert_frame_equal(
        term_counts(d, by=None, ngram=2, stopwords="english"),
        term_counts(seed_docs, by=None, ngram=2, stopwords="english"),
    )
    pd.testing.assert_frame_equal(keyness(d), keyness(seed_docs))
    pd.testing.assert_series_equal(story_groups(d), story_groups(seed_docs))
    pd.testing.assert_frame_equal(extract_quotes(d), extract_quotes(seed_docs))
    assert tasks_done(client) > before  # the partitions ran on the cluster


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="engine"):
        load_corpus(SEEDS, engine="spark")


# ------------------------------------------------------------------------------- raw files


def test_folder_of_mixed_files_read_in_groups_on_the_workers(
    client, hostile_dir, tmp_path, monkeypatch
):
    folder = tmp_path / "mixed"
    shutil.copytree(hostile_dir, folder)
    sub = folder / "wire"
    sub.mkdir()
    # One text in two files (a duplicate across read groups), a broken line, a file without
    # text, an unsupported file and a sidecar naming an outlet.
    records = [
        {"id": "a", "text": "Officials said the talks would resume."},
        {"id": "b", "text": "ANKARA (Reuters) - Turkey said on Monday it would stay."},
    ]
    lines = [json.dumps(r) for r in records] + ["{broken"]
    (sub / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (sub / "empty.txt").write_text("   \n", encoding="utf-8")
    (sub / "notes.docx").write_bytes(b"PK")
    (sub / "plain.txt").write_text("Officials said the talks would resume.", encoding="utf-8")
    (sub / "sources.csv").write_text("file,outlet\nplain.txt,Local Paper\n", encoding="utf-8")
    monkeypatch.setattr(scale, "_GROUP_BYTES", 1)  # every file its own task
    assert len(scale.file_groups([(p, p.name) for p in folder.rglob("*.txt")])) > 2
    pandas, dask = load_corpus(folder), load_corpus(folder, engine="dask")
    pd.testing.assert_frame_equal(dask.docs.compute(), pandas.docs)
    pd.testing.assert_frame_equal(dask.problems, pandas.problems)
    assert pandas.problems["problem"].str.contains("exact duplicate").any()


def test_ingested_parts_with_different_columns(client, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    # Only the JSON Lines records have the extra field "topic": the parts of the seeds lack it.
    records = [
        {
            "id": str(i),
            "source": "Wire",
            "topic": "talks",
            "text": f"Article {i} says the talks would resume on day {i}.",
        }
        for i in range(5)
    ]
    (src / "wire.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    folder = ingest(src, tmp_path / "corpus", chunk_articles=2)
    dask = load_corpus(folder, engine="dask")
    assert dask.docs.npartitions >= 3
    pd.testing.assert_frame_equal(dask.docs.compute(), load_corpus(folder).docs)


def test_corpus_file_written_by_write_corpus(client, seed_corpus, tmp_path):
    path = write_corpus(seed_corpus, tmp_path / "seeds.parquet")
    dask = load_corpus(path, engine="dask")
    pd.testing.assert_frame_equal(dask.docs.compute(), load_corpus(path).docs)
    pd.testing.assert_frame_equal(dask.problems, load_corpus(path).problems)


# ------------------------------------------------------------------------------- shared sample


@pytest.fixture(scope="module")
def sample_file(multi_outlet_corpus: Path, tmp_path_factory) -> Path:
    """The first SAMPLE records of the multi-outlet corpus, as a JSON Lines file."""
    out = tmp_path_factory.mktemp("sample") / "sample.jsonl"
    with gzip.open(multi_outlet_corpus, "rb") as fh:
        out.write_bytes(b"".join(islice(fh, SAMPLE)))
    return out


@pytest.fixture(scope="module")
def sample(sample_file: Path):
    return load_corpus(sample_file)


def test_sample_load_on_dask(client, sample_file, sample):
    dask = load_corpus(sample_file, engine="dask")
    pd.testing.assert_frame_equal(dask.docs.compute(), sample.docs)
    pd.testing.assert_frame_equal(dask.problems, sample.problems)


def test_ingested_folder_is_one_partition_per_part(client, sample_file, sample, tmp_path):
    folder = ingest(sample_file, tmp_path / "corpus", chunk_articles=1500)
    dask = load_corpus(folder, engine="dask")
    n_parts = len(json.loads((folder / "_corpus.json").read_text())["parts"])
    assert dask.docs.npartitions == n_parts >= 3
    assert dask.docs.known_divisions
    pd.testing.assert_frame_equal(dask.docs.compute(), load_corpus(folder).docs)
    pd.testing.assert_frame_equal(dask.problems, load_corpus(folder).problems)
    # Streamed ingest and a pandas load give the same rows; so the counts from the partitions
    # are the pandas counts of the in-memory load.
    pd.testing.assert_frame_equal(term_counts(dask.docs), term_counts(sample.docs))


def test_sample_term_counts_on_dask(client, sample):
    docs = sample.docs
    d = split(docs, 3)
    pd.testing.assert_frame_equal(term_counts(d), term_counts(docs))
    # Lemmas and min_count on the summed counts (n-grams are covered on the seeds: they cost
    # seconds more here and run through the same reduce).
    pd.testing.assert_frame_equal(
        term_counts(d, by=None, stopwords="english", lemmatize=True, min_count=3),
        term_counts(docs, by=None, stopwords="english", lemmatize=True, min_count=3),
    )


def test_sample_keyness_on_dask(client, sample):
    docs = sample.docs
    d = split(docs, 3)
    target = docs["outlet"].value_counts().index[0]
    pd.testing.assert_frame_equal(keyness(d, target=target), keyness(docs, target=target))
    pd.testing.assert_frame_equal(
        keyness(d, by=None, reference="english", method="g2"),
        keyness(docs, by=None, reference="english", method="g2"),
    )


def test_sample_story_groups_on_dask(client, sample):
    docs = sample.docs
    got = story_groups(split(docs, 3))
    pd.testing.assert_series_equal(got, story_groups(docs))
    assert got.nunique() < len(docs)  # some stories span articles, so grouping was exercised


def test_sample_quotes_on_dask(client, sample):
    docs = sample.docs.iloc[:QUOTE_SAMPLE]
    # Repeat a few articles in another partition: equal doc_ids must keep the pandas order.
    docs = pd.concat([docs, docs.iloc[:3]], ignore_index=True)
    pd.testing.assert_frame_equal(extract_quotes(split(docs, 3)), extract_quotes(docs))


# ------------------------------------------------------------------------------- progress


def test_progress_only_for_large_work():
    assert not wants_progress(None, PROGRESS_ARTICLES - 1, PROGRESS_ARTICLES)
    assert wants_progress(None, PROGRESS_ARTICLES, PROGRESS_ARTICLES)
    assert wants_progress(True, 1, PROGRESS_ARTICLES)
    assert not wants_progress(False, 10**9, PROGRESS_ARTICLES)


def test_no_bar_on_the_samples_a_bar_when_asked(seed_docs, capsys):
    # The notebooks run on the samples and nbval compares their outputs: no bar there.
    extract_quotes(seed_docs)
    term_counts(seed_docs)
    story_groups(seed_docs)
    assert capsys.readouterr().err == ""
    extract_quotes(seed_docs, progress=True)
    term_counts(seed_docs, progress=True)
    story_groups(seed_docs, progress=True)
    err = capsys.readouterr().err
    assert "quotes: 100%" in err and "2/2" in err
    assert "term counts: 100%" in err
    assert "stories: 100%" in err


def test_bars_on_dask_follow_the_partitions(client, seed_docs, capsys):
    d = split(seed_docs, 2)
    pd.testing.assert_frame_equal(extract_quotes(d, progress=True), extract_quotes(seed_docs))
    pd.testing.assert_frame_equal(term_counts(d, progress=True), term_counts(seed_docs))
    err = capsys.readouterr().err
    assert "quotes: 100%" in err and "term counts: 100%" in err and "2/2" in err
    term_counts(d)  # 2 partitions: below PROGRESS_PARTS
    assert capsys.readouterr().err == ""
