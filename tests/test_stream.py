"""The streamed pipeline (analysis/scale/stream.py and its command line): term counts and
quotes of an ingested corpus folder, part by part, equal the in-memory results exactly."""

from __future__ import annotations

import gzip
import json
import shutil
from itertools import islice
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import SEEDS

from analysis import extract_quotes, ingest, load_corpus, term_counts
from analysis.__main__ import main
from analysis.scale import stream

# Records taken from the shared corpus (its first ones, in file order), ingested in parts of
# PART articles: enough parts to exercise the reduce, few enough articles to stay fast.
SAMPLE = 300
PART = 100


@pytest.fixture(scope="module")
def seed_folder(tmp_path_factory) -> Path:
    """The two samples and five wire records, ingested in parts of two articles (the samples'
    part lacks the records' extra column "topic")."""
    tmp = tmp_path_factory.mktemp("seeds")
    src = tmp / "src"
    shutil.copytree(SEEDS, src)
    records = [
        {
            "id": str(i),
            "source": "Wire",
            "topic": "talks",
            "text": f"“The talks will resume on day {i},” the minister said. Officials said "
            f"the ceasefire held.",
        }
        for i in range(5)
    ]
    (src / "wire.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    return ingest(src, tmp / "corpus", chunk_articles=2)


@pytest.fixture(scope="module")
def sample_folder(multi_outlet_corpus: Path, tmp_path_factory) -> Path:
    """The first SAMPLE records of the multi-outlet corpus, ingested PART articles per part."""
    tmp = tmp_path_factory.mktemp("sample")
    src = tmp / "sample.jsonl"
    with gzip.open(multi_outlet_corpus, "rb") as fh:
        src.write_bytes(b"".join(islice(fh, SAMPLE)))
    return ingest(src, tmp / "corpus", chunk_articles=PART)


def n_parts(folder: Path) -> int:
    return len(json.loads((folder / "_corpus.json").read_text())["parts"])


def quote_parts(folder: Path) -> list[Path]:
    """The quote part files of a quotes folder, in order, as its manifest names them."""
    return [folder / p for p in json.loads((folder / "_quotes.json").read_text())["parts"]]


# ------------------------------------------------------------------------------- seeds


def test_seed_parts_count_as_the_whole(seed_folder):
    docs = load_corpus(seed_folder).docs
    assert n_parts(seed_folder) >= 3
    pd.testing.assert_frame_equal(stream.term_counts(seed_folder), term_counts(docs))
    pd.testing.assert_frame_equal(
        stream.term_counts(seed_folder, by=None, ngram=2, stopwords="english", min_count=2),
        term_counts(docs, by=None, ngram=2, stopwords="english", min_count=2),
    )


def test_seed_quotes_part_by_part(seed_folder, tmp_path):
    out = stream.write_quotes(seed_folder, tmp_path / "quotes")
    assert len(quote_parts(out)) == n_parts(seed_folder)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [p.name for p in quote_parts(out)] + ["_quotes.json"]
    )
    docs = load_corpus(seed_folder).docs
    expected = extract_quotes(docs)
    assert len(expected) > 10 and expected["outlet"].eq("Wire").sum() >= 5
    pd.testing.assert_frame_equal(stream.read_quotes(out), expected)
    # Each part holds the quotes of its corpus part, in extract_quotes' order.
    first = pq.read_table(stream.corpus_parts(seed_folder)[0]).num_rows
    part = pq.read_table(quote_parts(out)[0]).to_pandas()
    assert part["quote"].tolist() == extract_quotes(docs.iloc[:first])["quote"].tolist()


def test_quotes_written_again_replace_the_old_parts(seed_folder, tmp_path):
    out = stream.write_quotes(seed_folder, tmp_path / "quotes")
    first = quote_parts(out)
    expected = stream.read_quotes(out)
    stream.write_quotes(seed_folder, out)
    second = quote_parts(out)
    assert len(second) == len(first) and not any(p.exists() for p in first)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [p.name for p in second] + ["_quotes.json"]
    )
    pd.testing.assert_frame_equal(stream.read_quotes(out), expected)


def test_quotes_folder_with_other_files_is_refused_and_they_are_kept(seed_folder, tmp_path):
    out = tmp_path / "quotes"
    out.mkdir()
    (out / "part-00007.parquet").write_bytes(b"a Spark export")
    with pytest.raises(stream.OutputRefused, match="did not write.*part-00007.parquet"):
        stream.write_quotes(seed_folder, out)
    assert sorted(p.name for p in out.iterdir()) == ["part-00007.parquet"]
    stream.write_quotes(seed_folder, out, overwrite=True)
    stream.write_quotes(seed_folder, out, overwrite=True)  # its own files replaced, not these
    assert (out / "part-00007.parquet").read_bytes() == b"a Spark export"
    assert len(stream.read_quotes(out)) == len(extract_quotes(load_corpus(seed_folder).docs))


def test_not_an_ingested_folder_is_refused(tmp_path):
    with pytest.raises(stream.NotACorpusFolder, match="ingest"):
        stream.term_counts(SEEDS)
    with pytest.raises(stream.NotACorpusFolder, match="ingest"):
        stream.write_quotes(SEEDS, tmp_path / "quotes")
    with pytest.raises(stream.NotACorpusFolder, match="write_quotes"):
        stream.read_quotes(tmp_path)
    with pytest.raises(FileNotFoundError, match="no such file or folder: .*missing"):
        stream.term_counts(tmp_path / "missing")
    with pytest.raises(ValueError, match="engine"):
        stream.write_quotes(SEEDS, tmp_path / "q", engine="spark")


# ------------------------------------------------------------------------------- command line


def test_cli_terms_and_quotes(seed_folder, tmp_path, capsys):
    docs = load_corpus(seed_folder).docs
    assert main(["terms", str(seed_folder), "--out", str(tmp_path / "counts.parquet")]) == 0
    got = pd.read_parquet(tmp_path / "counts.parquet")
    expected = term_counts(docs)
    assert got["term"].tolist() == expected["term"].tolist()
    assert got["count"].tolist() == expected["count"].tolist()
    assert got["share"].tolist() == expected["share"].tolist()
    assert (
        main(
            [
                "terms",
                str(seed_folder),
                "--out",
                str(tmp_path / "bigrams.parquet"),
                "--by",
                "--ngram",
                "2",
                "--stopwords",
                "english",
            ]
        )
        == 0
    )
    got = pd.read_parquet(tmp_path / "bigrams.parquet")
    assert (
        got["term"].tolist()
        == term_counts(docs, by=None, ngram=2, stopwords="english")["term"].tolist()
    )
    assert (
        main(["quotes", str(seed_folder), "--out", str(tmp_path / "quotes"), "--workers", "1"]) == 0
    )
    pd.testing.assert_frame_equal(stream.read_quotes(tmp_path / "quotes"), extract_quotes(docs))
    out = capsys.readouterr()
    assert f"Wrote {len(extract_quotes(docs)):,} quotes" in out.out
    assert "quotes" in out.err  # the CLI always shows its bar


def test_cli_refuses_a_raw_folder(tmp_path, capsys):
    assert main(["quotes", str(SEEDS), "--out", str(tmp_path / "quotes")]) == 2
    assert "not a corpus folder written by ingest" in capsys.readouterr().err


# ------------------------------------------------------------------------------- shared sample


def test_sample_term_counts_part_by_part(sample_folder):
    docs = load_corpus(sample_folder).docs
    assert n_parts(sample_folder) == 3
    pd.testing.assert_frame_equal(stream.term_counts(sample_folder), term_counts(docs))
    pd.testing.assert_frame_equal(
        stream.term_counts(sample_folder, by=["outlet", "topic"], lemmatize=True, min_count=3),
        term_counts(docs, by=["outlet", "topic"], lemmatize=True, min_count=3),
    )


def test_sample_quotes_in_two_processes(sample_folder, tmp_path):
    out = stream.write_quotes(sample_folder, tmp_path / "quotes", workers=2)
    assert len(quote_parts(out)) == 3
    pd.testing.assert_frame_equal(
        stream.read_quotes(out), extract_quotes(load_corpus(sample_folder).docs)
    )


def test_sample_quotes_as_dask_tasks(sample_folder, tmp_path, capsys):
    # No client: the parts run on Dask's local threads, the bar follows a scheduler callback.
    out = stream.write_quotes(
        sample_folder, tmp_path / "quotes", engine="dask", indirect=False, progress=True
    )
    pd.testing.assert_frame_equal(
        stream.read_quotes(out), extract_quotes(load_corpus(sample_folder).docs, indirect=False)
    )
    assert "3/3" in capsys.readouterr().err


def test_quotes_written_in_slices_equal_the_part(sample_folder, tmp_path, monkeypatch):
    # A part is extracted a slice of articles at a time (bounded memory); each part file is
    # still the table extract_quotes gives on the whole part.
    monkeypatch.setattr(stream, "QUOTE_SLICE", 7)
    out = stream.write_quotes(sample_folder, tmp_path / "quotes")  # in this process
    docs = load_corpus(sample_folder).docs
    assert pq.ParquetFile(quote_parts(out)[0]).num_row_groups > 1
    got = pq.read_table(quote_parts(out)[1]).to_pandas()
    expected = extract_quotes(docs.iloc[PART : 2 * PART])
    assert got["quote"].tolist() == expected["quote"].tolist()
    assert got["doc_id"].tolist() == expected["doc_id"].tolist()
    pd.testing.assert_frame_equal(stream.read_quotes(out), extract_quotes(docs))
