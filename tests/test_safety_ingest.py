"""Hostile input and data safety (issue #19): the load never touches, hangs on, or loses a whole
corpus to one bad file; outputs never delete what the workbench did not write and are never
read back half-written. One section per class of the issue; the README's "nothing is lost" and
"raw data stay untouched" claims point at the tests named so."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import ingest, load_corpus, write_corpus
from analysis.__main__ import main
from analysis.corpus import load as corpus_mod
from analysis.corpus.load import (
    DEFAULT_MAX_BYTES,
    MAX_EXTRA_COLUMNS,
    NotACorpusFolder,
    OutputRefused,
)

ROOT = Path(__file__).resolve().parents[1]
KATZ = (
    "Israeli Foreign Minister Israel Katz posted a response to Erdogan’s comments on X that "
    "read: “Erdoğan follows in the footsteps of Saddam Hussein.”"
)
TRADE = (
    "The Turkish Trade Ministry announced in early May it had suspended all export and "
    "import operations with Israel."
)


def article(i: int) -> str:
    return f"Report number {i} of the day. " + (KATZ if i % 2 else TRADE)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def snapshot(root: Path, *, skip: Path | None = None) -> dict[str, tuple[str, str]]:
    """Every entry under ``root`` (but ``skip``): kind and content hash (or link target)."""
    out = {}
    for folder, dirs, names in os.walk(root):
        if skip is not None and Path(folder) == skip:
            dirs[:] = []
            continue
        dirs[:] = [d for d in dirs if skip is None or Path(folder, d) != skip]
        for name in dirs + names:
            p = os.path.join(folder, name)
            rel = os.path.relpath(p, root)
            if os.path.islink(p):
                out[rel] = ("link", os.readlink(p))
            elif os.path.isfile(p):
                out[rel] = ("file", hashlib.sha256(Path(p).read_bytes()).hexdigest())
            elif os.path.isdir(p):
                out[rel] = ("dir", "")
            else:
                out[rel] = ("special", "")
    return out


def reasons(corpus) -> dict[str, str]:
    return dict(zip(corpus.problems["path"], corpus.problems["problem"], strict=True))


def load_within(path: Path, seconds: float = 60, **kwargs):
    """load_corpus, failing (not hanging) if it takes longer than ``seconds``."""
    got: dict = {}

    def run() -> None:
        try:
            got["corpus"] = load_corpus(path, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            got["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"load_corpus({path}) still running after {seconds} s (a hang)"
    if "error" in got:
        raise got["error"]
    return got["corpus"]


@pytest.fixture
def src(tmp_path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(article(i), encoding="utf-8")
    write_jsonl(
        folder / "wire.jsonl",
        [{"id": f"w{i}", "source": "Wire", "text": article(10 + i)} for i in range(5)],
    )
    return folder


# ------------------------------------------------------------------ 1. never delete user files


def test_ingest_refuses_a_folder_of_other_files_and_keeps_them(src, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    pq.write_table(pa.table({"x": [1, 2]}), out / "part-00000.parquet")  # a Spark/pandas export
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(OutputRefused, match=r"did not write \(notes.txt, part-00000.parquet\)"):
        ingest(src, out)
    assert snapshot(out) == before
    ingest(src, out, overwrite=True)
    ingest(src, out, overwrite=True)  # replaces its own first output, and only that
    after = snapshot(out)
    assert {k: after[k] for k in before} == before
    mine = json.loads((out / "_corpus.json").read_text())
    assert sorted(after) == sorted([*before, "_corpus.json", *mine["parts"], mine["problems_file"]])
    pd.testing.assert_frame_equal(load_corpus(out).docs, load_corpus(src).docs)


def test_write_corpus_refuses_a_file_it_did_not_write(src, tmp_path):
    other = tmp_path / "data.parquet"
    pq.write_table(pa.table({"x": [1]}), other)
    before = other.read_bytes()
    c = load_corpus(src)
    with pytest.raises(OutputRefused, match="not written by the workbench.*--overwrite"):
        write_corpus(c, other)
    assert other.read_bytes() == before
    out = write_corpus(c, tmp_path / "c.parquet")
    write_corpus(c, out)  # its own file: replaced without asking
    assert len(load_corpus(out).docs) == len(c.docs)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_raw_data_stay_untouched(src, tmp_path):
    """ "Raw data stay untouched": loading, ingesting (also into a folder inside the input, and
    again), writing and reading back change no byte and no entry of the input folder."""
    outside = tmp_path / "outside.txt"
    outside.write_text(TRADE + " Outside.", encoding="utf-8")
    (src / "link.txt").symlink_to(outside)
    (src / "broken.txt").symlink_to(tmp_path / "missing")
    before = snapshot(src)
    load_corpus(src)
    ingest(src, tmp_path / "corpus", chunk_articles=2)
    ingest(src, tmp_path / "corpus", chunk_articles=3)
    write_corpus(load_corpus(src), tmp_path / "c.parquet")
    assert snapshot(src) == before
    inner = src / "corpus"
    ingest(src, inner, chunk_articles=2)
    ingest(src, inner, chunk_articles=2)
    assert snapshot(src, skip=inner) == before
    assert outside.read_text(encoding="utf-8") == TRADE + " Outside."


def test_terms_output_refuses_a_file_it_did_not_write(src, tmp_path, capsys):
    corpus = ingest(src, tmp_path / "corpus")
    theirs = tmp_path / "counts.parquet"
    pq.write_table(pa.table({"x": [1]}), theirs)
    before = theirs.read_bytes()
    assert main(["terms", str(corpus), "--out", str(theirs)]) == 2
    assert "was not written by the workbench" in capsys.readouterr().err
    assert theirs.read_bytes() == before
    assert main(["terms", str(corpus), "--out", str(tmp_path / "mine.parquet")]) == 0
    assert main(["terms", str(corpus), "--out", str(tmp_path / "mine.parquet")]) == 0  # ours
    assert main(["terms", str(corpus), "--out", str(theirs), "--overwrite"]) == 0
    assert "term" in pq.read_schema(theirs).names


# ------------------------------------------------------------------ 2. interrupted outputs


def test_interrupted_write_corpus_leaves_the_old_file(src, tmp_path, monkeypatch):
    out = write_corpus(load_corpus(src), tmp_path / "c.parquet")
    before = out.read_bytes()

    def write_half(table, where, **kwargs):
        Path(where).write_bytes(b"PAR1 half a file")
        raise Crash("killed")

    monkeypatch.setattr(pq, "write_table", write_half)
    with pytest.raises(Crash):
        write_corpus(load_corpus(src), out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.parquet", "src"]


class Crash(Exception):
    pass


def crash_after(monkeypatch, n_parts: int) -> None:
    """Make the next ingest die after writing ``n_parts`` parts."""
    real = corpus_mod._PartWriter.flush
    calls = {"n": 0}

    def flush(self, pending, problems):
        if calls["n"] == n_parts:
            raise Crash("killed")
        calls["n"] += 1
        real(self, pending, problems)

    monkeypatch.setattr(corpus_mod._PartWriter, "flush", flush)


def test_interrupted_first_ingest_is_refused_not_read_as_articles(src, tmp_path, monkeypatch):
    out = tmp_path / "out"
    crash_after(monkeypatch, 1)
    with pytest.raises(Crash):
        ingest(src, out, chunk_articles=2)
    assert any(p.name.startswith("part-") for p in out.iterdir())
    with pytest.raises(NotACorpusFolder, match="unfinished.*run it again, or delete the folder"):
        load_corpus(out)
    monkeypatch.undo()
    ingest(src, out, chunk_articles=2)  # its own leftovers: no --overwrite needed
    meta = json.loads((out / "_corpus.json").read_text())
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["_corpus.json", *meta["parts"], meta["problems_file"]]
    )
    pd.testing.assert_frame_equal(load_corpus(out).docs, load_corpus(src).docs)


def test_interrupted_reingest_leaves_the_old_corpus(src, tmp_path, monkeypatch):
    out = ingest(src, tmp_path / "out", chunk_articles=2)
    old = load_corpus(out)
    (src / "new.txt").write_text("A new article about the trade ministry.", encoding="utf-8")
    crash_after(monkeypatch, 2)
    with pytest.raises(Crash):
        ingest(src, out, chunk_articles=2)
    pd.testing.assert_frame_equal(load_corpus(out).docs, old.docs)
    monkeypatch.undo()
    ingest(src, out, chunk_articles=2)
    assert "new.txt" in set(load_corpus(out).docs["doc_id"])


def test_ingest_output_inside_the_input_is_not_read_as_articles(src):
    direct = load_corpus(src)
    ingest(src, src / "corpus")
    again = load_corpus(src)
    pd.testing.assert_frame_equal(again.docs, direct.docs)
    assert reasons(again)["corpus"].startswith("a folder written by the workbench")
    ingest(src, src / "corpus")  # the output being replaced is not an input either
    pd.testing.assert_frame_equal(load_corpus(src / "corpus").docs, direct.docs)
    assert "corpus" not in set(load_corpus(src / "corpus").problems["path"])


def _tree_state(root: Path) -> dict[str, tuple[str, str]]:
    return snapshot(root)


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(delay=st.floats(min_value=0.0, max_value=4.0), first=st.booleans())
def test_killed_ingest_leaves_the_old_corpus_or_the_new(tmp_path_factory, delay, first):
    """Interrupted writes: the ingest CLI killed (SIGKILL) at a random moment. A reload gives
    the old corpus or the new one (or, on a first ingest, a clear refusal), never a mix; no
    file outside the output changes."""
    tmp = tmp_path_factory.mktemp("kill")
    old_src, new_src = tmp / "old", tmp / "new"
    old_src.mkdir()
    new_src.mkdir()
    write_jsonl(old_src / "a.jsonl", [{"text": article(i)} for i in range(50)])
    write_jsonl(new_src / "b.jsonl", [{"text": article(i) + " New."} for i in range(400)])
    out = tmp / "out"
    old = None if first else ingest(old_src, out, chunk_articles=7)
    old_docs = None if old is None else load_corpus(out).docs
    outside = snapshot(tmp, skip=out)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "analysis",
            "ingest",
            str(new_src),
            "--out",
            str(out),
            "--chunk",
            "5",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert snapshot(tmp, skip=out) == outside
    try:
        got = load_corpus(out).docs
    except (NotACorpusFolder, FileNotFoundError) as exc:
        assert first, f"the old corpus was lost: {exc}"
        return
    new_docs = load_corpus(new_src).docs
    if old_docs is not None and len(got) == len(old_docs):
        pd.testing.assert_frame_equal(got, old_docs)
    else:
        pd.testing.assert_frame_equal(got, new_docs)


# ------------------------------------------------------------------ 3. one file never aborts


def test_non_utf8_file_and_folder_names_are_problems_not_an_abort(tmp_path):
    (tmp_path / "ok.txt").write_text(KATZ, encoding="utf-8")
    base = os.fsencode(tmp_path)
    with open(os.path.join(base, b"caf\xe9.txt"), "wb") as fh:
        fh.write(TRADE.encode())
    os.mkdir(os.path.join(base, b"dossier-\xff"))
    with open(os.path.join(base, b"dossier-\xff", b"a.txt"), "wb") as fh:
        fh.write(b"Inside a folder with an undecodable name.")
    c = load_corpus(tmp_path)
    assert list(c.docs["path"]) == ["ok.txt"]
    r = reasons(c)
    assert sorted(r) == ["caf\\xe9.txt", "dossier-\\xff"]
    assert all(v.startswith("file name is not valid UTF-8") for v in r.values())


INTERNAL_NAMES = [
    "_order",
    "_first",
    "_h",
    "_h2",
    "_fp",
    "_fp_first",
    "_earlier",
    "record",
    "outlet_hint",
    "_first_id",
    "extra:topic",
    "path_hint",
]


def test_fields_named_like_internal_columns_are_ordinary_extra_columns(tmp_path):
    records = [{"text": article(i), **{n: f"{n}-{i}" for n in INTERNAL_NAMES}} for i in range(4)]
    write_jsonl(tmp_path / "fast.jsonl", records)
    (tmp_path / "slow.jsonl").write_text(  # a broken line sends it line by line
        "\n".join([json.dumps({**records[0], "text": "Slow " + KATZ}), "{oops"]), encoding="utf-8"
    )
    pd.DataFrame([{**records[1], "text": "CSV " + TRADE}]).to_csv(
        tmp_path / "rows.csv", index=False
    )
    c = load_corpus(tmp_path)
    assert len(c.docs) == 6
    assert list(c.problems["problem"]) == [
        "broken JSON line: Expecting property name enclosed in double quotes at column 2"
    ]
    docs = c.docs.set_index("doc_id")
    for n in INTERNAL_NAMES:
        assert docs.loc["fast.jsonl#4", n] == f"{n}-3"
        assert docs.loc["slow.jsonl#1", n] == f"{n}-0"
        assert docs.loc["rows.csv#1", n] == f"{n}-1"
    assert docs.loc["fast.jsonl#4", "text"] == article(3)


def test_repeated_csv_column_names_are_reported(tmp_path):
    (tmp_path / "r.csv").write_text(f"text,topic,topic\n{KATZ},a,b\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.docs.loc[0, "topic"] == "b"
    assert list(c.problems["problem"]) == [
        "CSV header repeats column names ('topic'); the last column of each name was used"
    ]


# ------------------------------------------------------------------ 4. special files, size


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_fifos_and_devices_are_reported_never_opened(tmp_path):
    (tmp_path / "ok.txt").write_text(KATZ, encoding="utf-8")
    for name in ["a.txt", "b.jsonl", "c.csv", "d.html", "e.json.gz", "f.parquet", "sources.csv"]:
        os.mkfifo(tmp_path / name)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    c = load_within(tmp_path)
    assert list(c.docs["path"]) == ["ok.txt"]
    r = reasons(c)
    assert r.pop("zero.txt").startswith("symbolic link to a file outside the folder (/dev/zero)")
    assert r == {
        n: "a named pipe (FIFO), not read (only regular files are)"
        for n in ["a.txt", "b.jsonl", "c.csv", "d.html", "e.json.gz", "f.parquet", "sources.csv"]
    }
    followed = load_within(tmp_path, follow_links=True)
    assert reasons(followed)["zero.txt"] == "a device, not read (only regular files are)"
    with pytest.raises(ValueError, match="sources=.*named pipe"):
        load_within(tmp_path / "ok.txt", sources=tmp_path / "c.csv")


def test_decompressed_size_is_capped(tmp_path):
    assert DEFAULT_MAX_BYTES == 1 << 30
    bomb = gzip.compress(b"a" * 3_000_000)
    for name in ["bomb.txt.gz", "bomb.jsonl.gz", "bomb.json.gz"]:
        (tmp_path / name).write_bytes(bomb)
    (tmp_path / "big.txt").write_text("word " * 300_000, encoding="utf-8")
    pq.write_table(pa.table({"text": ["x" * 1_500_000]}), tmp_path / "big.parquet")
    (tmp_path / "ok.txt").write_text(KATZ, encoding="utf-8")
    c = load_corpus(tmp_path, max_bytes=1_000_000)
    assert list(c.docs["path"]) == ["ok.txt"]
    r = reasons(c)
    assert sorted(r) == ["big.parquet", "big.txt", "bomb.json.gz", "bomb.jsonl.gz", "bomb.txt.gz"]
    assert r["bomb.txt.gz"] == (
        "larger than max_bytes=1,000,000 bytes once decompressed, not "
        "read; pass a larger max_bytes to load it"
    )
    assert r["big.txt"].startswith("larger than max_bytes=1,000,000 bytes, not read")
    assert r["bomb.jsonl.gz"] == r["bomb.json.gz"] == r["bomb.txt.gz"]
    assert set(c.problems["action"]) == {"skipped"}
    # Within the default cap all load but the two bombs, which are not JSON.
    assert sorted(load_corpus(tmp_path).docs["path"]) == [
        "big.parquet",
        "big.txt",
        "bomb.txt.gz",
        "ok.txt",
    ]


# ------------------------------------------------------------------ 5. links and folders


def test_links_out_of_the_folder_are_reported_not_followed(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text(
        "A private note that is not an article.", encoding="utf-8"
    )
    (data / "ok.txt").write_text(KATZ, encoding="utf-8")
    (data / "z_inside.txt").symlink_to(data / "ok.txt")
    (data / "secret.txt").symlink_to(elsewhere / "secret.txt")
    (data / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (data / "sub").symlink_to(elsewhere, target_is_directory=True)
    (data / "loop").symlink_to(data, target_is_directory=True)
    c = load_corpus(data)
    assert list(c.docs["path"]) == ["ok.txt"]
    r = reasons(c)
    assert r["z_inside.txt"] == "exact duplicate of ok.txt; kept once"  # read: it stays inside
    assert r["secret.txt"].startswith("symbolic link to a file outside the folder")
    assert r["secret.txt"].endswith("not followed; pass follow_links=True to read it")
    assert r["broken.txt"].startswith("broken symbolic link")
    assert r["sub"].startswith("symbolic link to a folder")
    assert r["loop"].startswith("symbolic link to a folder")
    followed = load_corpus(data, follow_links=True)
    assert sorted(followed.docs["path"]) == ["ok.txt", "secret.txt", "sub/secret.txt"] or sorted(
        followed.docs["path"]
    ) == ["ok.txt", "secret.txt"]
    assert reasons(followed)["loop"].startswith("symbolic link to a folder already read")


def test_unreadable_sub_folder_is_a_problem(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text(KATZ, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(TRADE, encoding="utf-8")
    real = os.scandir

    def scandir(path):  # root can read any folder: the refusal is simulated
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    c = load_corpus(tmp_path)
    assert list(c.docs["path"]) == ["ok.txt"]
    assert reasons(c) == {
        "locked": "folder could not be read, its files were not loaded: Permission denied"
    }


@pytest.mark.parametrize(
    "part", ["../outside.parquet", "/etc/hostname", "sub/p.parquet", 7, "link.parquet"]
)
def test_manifest_cannot_point_outside_its_folder(src, tmp_path, part):
    out = ingest(src, tmp_path / "out")
    pq.write_table(pa.table({"x": [1]}), tmp_path / "outside.parquet")
    (out / "link.parquet").symlink_to(tmp_path / "outside.parquet")
    meta = json.loads((out / "_corpus.json").read_text())
    meta["parts"] = [*meta["parts"], part]
    (out / "_corpus.json").write_text(json.dumps(meta))
    with pytest.raises(NotACorpusFolder, match="which is not a file inside"):
        load_corpus(out)


# ------------------------------------------------------------------ 6. per-record JSON errors


def test_bad_json_records_cost_one_record_not_the_file(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    lines = [
        json.dumps({"text": article(0)}),
        '{"text": "lone high \\ud800 surrogate"}',
        '{"text": "fine", "note": "lone low \\udc00"}',
        '{"text": "deep", "x": ' + deep + "}",
        json.dumps({"text": article(1)}),
        json.dumps({"text": "Emoji pair \ud83d\ude00 is fine."}, ensure_ascii=True),
    ]
    (tmp_path / "r.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "list.json").write_text(
        "[" + ",".join([json.dumps({"text": article(2)}), '{"text": "bad \\udbff"}']) + "]",
        encoding="utf-8",
    )
    c = load_corpus(tmp_path)
    assert list(c.docs["doc_id"]) == ["list.json#1", "r.jsonl#1", "r.jsonl#5", "r.jsonl#6"]
    assert "\x00" not in "".join(c.docs["text"])
    assert c.docs["text"].iloc[-1] == "Emoji pair \U0001f600 is fine."
    got = list(zip(c.problems["path"], c.problems["record"], c.problems["problem"], strict=True))
    lone = "JSON holds a lone surrogate escape (\\udXXX without its pair), which is not a character"
    assert got == [
        ("list.json", 2, lone),
        ("r.jsonl", 2, lone),
        ("r.jsonl", 3, lone),
        ("r.jsonl", 4, "JSON nested too deeply to read"),
    ]


# ------------------------------------------------------------------ 7. silent wrong values


def test_one_bad_byte_keeps_utf8_and_is_reported(tmp_path):
    text = "Erdoğan met the señores of Málaga in Zürich; the café closed. Ça va."
    (tmp_path / "a.txt").write_bytes(text[:20].encode() + b"\xff" + text[20:].encode())
    c = load_corpus(tmp_path)
    assert c.docs.loc[0, "text"] == text[:20] + "\ufffd" + text[20:]
    assert list(c.problems["action"]) == ["loaded"]
    assert c.problems.loc[0, "problem"].startswith(
        "not valid UTF-8: 1 invalid byte sequence(s) replaced with U+FFFD"
    )


def test_html_date_from_metadata_only(tmp_path):
    body = "<p>" + "In 1999 the war ended. On March 3, 2021 the talks resumed in Ankara. " * 12
    (tmp_path / "no_meta.html").write_text(
        f"<html><head><title>T</title></head><body><article>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "meta.html").write_text(
        '<html><head><meta property="article:published_time" content="2024-08-02T10:00:00Z">'
        f"<title>T</title></head><body><article>{body} Again.</p></article></body></html>",
        encoding="utf-8",
    )
    docs = load_corpus(tmp_path).docs.set_index("doc_id")
    assert pd.isna(docs.loc["no_meta.html", "date"])
    assert docs.loc["meta.html", "date"] == pd.Timestamp("2024-08-02")


def test_text_is_normalised_to_nfc(tmp_path):
    nfd = "A\u030angstro\u0308m met Erdog\u0306an in Ko\u0308ln."
    (tmp_path / "a.txt").write_text(nfd, encoding="utf-8")
    write_jsonl(tmp_path / "b.jsonl", [{"text": "Also " + nfd, "title": "Ko\u0308ln"}])
    docs = load_corpus(tmp_path).docs.set_index("doc_id")
    assert docs.loc["a.txt", "text"] == "Ångström met Erdoğan in Köln."
    assert docs.loc["a.txt", "n_words"] == 5
    assert docs.loc["b.jsonl#1", "text"] == "Also Ångström met Erdoğan in Köln."
    assert docs.loc["b.jsonl#1", "title"] == "Köln"


def test_numeric_text_is_skipped_whatever_the_other_lines(tmp_path):
    write_jsonl(tmp_path / "all_numbers.jsonl", [{"text": 123}, {"text": 4.5}])
    write_jsonl(tmp_path / "mixed.jsonl", [{"text": 123}, {"text": KATZ}, {"text": True}])
    write_jsonl(tmp_path / "string.jsonl", [{"text": "2024"}, {"text": TRADE}])
    c = load_corpus(tmp_path)
    assert list(c.docs["doc_id"]) == ["mixed.jsonl#2", "string.jsonl#1", "string.jsonl#2"]
    got = list(zip(c.problems["path"], c.problems["record"], c.problems["problem"], strict=True))
    looked = "(looked for: " + ", ".join(corpus_mod.FIELDS["text"]) + ")"
    assert got == [
        ("all_numbers.jsonl", 1, f"record has text field 'text' is int, not text {looked}"),
        ("all_numbers.jsonl", 2, f"record has text field 'text' is float, not text {looked}"),
        ("mixed.jsonl", 1, f"record has text field 'text' is int, not text {looked}"),
        ("mixed.jsonl", 3, f"record has text field 'text' is bool, not text {looked}"),
    ]


# ------------------------------------------------------------------ 9. no quadratic columns


def test_a_key_unique_to_each_record_does_not_multiply_columns(tmp_path):
    n = 3000
    write_jsonl(
        tmp_path / "keys.jsonl",
        [{"text": article(i), f"k{i}": "v", "topic": "t"} for i in range(n)],
    )
    for i in range(3):
        (tmp_path / f"one{i}.json").write_text(
            json.dumps({"text": f"Single {i}. " + TRADE, f"only{i}": "x"}), encoding="utf-8"
        )
    c = load_corpus(tmp_path, max_bytes=DEFAULT_MAX_BYTES)
    extras = [col for col in c.docs.columns if col not in corpus_mod.DOC_COLUMNS]
    assert len(c.docs) == n + 3
    assert extras == sorted(["topic", *[f"k{i}" for i in range(MAX_EXTRA_COLUMNS - 1)]])
    dropped = c.problems[c.problems["problem"].str.startswith("fields not kept as columns")]
    assert list(dropped["path"]) == ["keys.jsonl", "one0.json", "one1.json", "one2.json"]
    assert set(dropped["action"]) == {"loaded"}


# ------------------------------------------------------------------ 10. the command line


def one_line_error(capsys, argv: list[str], match: str) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert err.startswith("error: ")
    assert pytest.importorskip("re").search(match, err), err


def test_cli_errors_are_one_line_with_exit_code_2(src, tmp_path, capsys):
    existing = tmp_path / "notes.txt"
    existing.write_text("mine", encoding="utf-8")
    one_line_error(
        capsys, ["ingest", str(src), "--out", str(existing)], "exists and is a file, not a folder"
    )
    (tmp_path / "folder.parquet").mkdir()
    one_line_error(
        capsys,
        ["ingest", str(src), "--out", str(tmp_path / "folder.parquet")],
        "is a folder; a .parquet output is one file",
    )
    corrupt = ingest(src, tmp_path / "corrupt")
    (corrupt / "_corpus.json").write_text("{not json", encoding="utf-8")
    one_line_error(
        capsys,
        ["ingest", str(corrupt), "--out", str(tmp_path / "x.parquet")],
        "_corpus.json is corrupt .*write the folder again",
    )
    one_line_error(
        capsys,
        ["terms", str(corrupt), "--out", str(tmp_path / "t.parquet")],
        "_corpus.json is corrupt",
    )
    one_line_error(
        capsys,
        ["ingest", str(corrupt), "--out", str(tmp_path / "again")],
        "_corpus.json is corrupt",
    )
    one_line_error(
        capsys,
        ["ingest", str(ingest(src, tmp_path / "fine")), "--out", str(tmp_path / "again")],
        "a corpus folder written by ingest already",
    )
    one_line_error(
        capsys,
        ["ingest", str(src), "--out", str(tmp_path / "c"), "--chunk", "-1"],
        "--chunk must be a positive number",
    )
    one_line_error(
        capsys,
        ["ingest", str(tmp_path / "nowhere"), "--out", str(tmp_path / "c")],
        "no such file or folder: .*nowhere: check the path",
    )
    one_line_error(
        capsys,
        ["quotes", str(tmp_path / "nowhere"), "--out", str(tmp_path / "q")],
        "no such file or folder",
    )
    one_line_error(
        capsys,
        ["ingest", str(src), "--out", str(tmp_path / "c"), "--sources", str(tmp_path / "none.csv")],
        "--sources .*no such file",
    )
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.csv").write_text("a,b\n", encoding="utf-8")
    one_line_error(
        capsys,
        ["ingest", str(src), "--out", str(other)],
        r"holds files the workbench did not write \(keep.csv\).*--overwrite",
    )
    assert not (tmp_path / "c").exists() and not (tmp_path / "x.parquet").exists()


def test_cli_error_in_a_fresh_process_has_no_traceback(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "ingest",
            str(tmp_path),
            "--out",
            str(tmp_path / "c"),
            "--chunk",
            "0",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "error: --chunk must be a positive number of articles per part, not 0 (e.g. --chunk 50000)"
    ]


# ------------------------------------------------------------------ properties: walk, writers

# One entry of a random tree: (kind, folder index, name index).
KINDS = [
    "txt",
    "jsonl",
    "fifo",
    "link_in",
    "link_out",
    "link_broken",
    "bad_name",
    "hidden",
    "pdf",
    "dir_link",
    "empty",
]
ENTRIES = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(0, 2), st.integers(0, 3)), max_size=14
)


def build_tree(root: Path, outside: Path, entries) -> dict[str, str]:
    """Create ``entries`` under ``root``; return {path as the load names it: kind}."""
    made: dict[str, str] = {}
    folders = [root, root / "a", root / "a" / "b"]
    for f in folders:
        f.mkdir(parents=True, exist_ok=True)
    for n, (kind, where, name_i) in enumerate(entries):
        folder = folders[where]
        prefix = os.path.relpath(folder, root).replace(".", "", 1).lstrip("/")
        prefix = prefix + "/" if prefix else ""
        name = f"{kind}{name_i}_{n}"
        path = folder / name
        if kind == "txt":
            path = path.with_suffix(".txt")
            path.write_text(f"Unique article {n}. " + KATZ, encoding="utf-8")
        elif kind == "jsonl":
            path = path.with_suffix(".jsonl")
            write_jsonl(path, [{"text": f"Record {n}-{j}. " + TRADE} for j in range(2)])
        elif kind == "fifo":
            path = path.with_suffix(".txt")
            os.mkfifo(path)
        elif kind == "link_in":
            target = folder / f"target{n}.txt"
            target.write_text(f"Linked article {n}. " + TRADE, encoding="utf-8")
            made[prefix + target.name] = "linked"
            path = path.with_suffix(".txt")
            path.symlink_to(target)
        elif kind == "link_out":
            target = outside / f"out{n}.txt"
            target.write_text(f"Outside {n}.", encoding="utf-8")
            path = path.with_suffix(".txt")
            path.symlink_to(target)
        elif kind == "link_broken":
            path = path.with_suffix(".txt")
            path.symlink_to(outside / "missing.txt")
        elif kind == "bad_name":
            raw = os.path.join(os.fsencode(folder), f"{name}\xe9".encode("latin-1") + b".txt")
            with open(raw, "wb") as fh:
                fh.write(b"Latin-1 named file.")
            made[prefix + f"{name}\\xe9.txt"] = kind
            continue
        elif kind == "hidden":
            path = folder / f".{name}.txt"
            path.write_text("hidden", encoding="utf-8")
        elif kind == "pdf":
            path = path.with_suffix(".pdf")
            path.write_bytes(b"%PDF-1.4")
        elif kind == "dir_link":
            path.symlink_to(outside, target_is_directory=True)
        elif kind == "empty":
            path = path.with_suffix(".txt")
            path.write_bytes(b"")
        made[prefix + path.name] = kind
    return made


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=ENTRIES)
def test_nothing_is_lost(tmp_path_factory, entries):
    """ "Nothing is lost": in a random tree of files, links (inside, outside, broken), named
    pipes, undecodable names, hidden and unsupported files, every entry is accounted for
    exactly once - its articles in ``docs`` or one skipped row in ``problems`` - and the load
    never hangs, never reads outside the folder and never changes the tree."""
    tmp = tmp_path_factory.mktemp("tree")
    root, outside = tmp / "root", tmp / "outside"
    outside.mkdir()
    made = build_tree(root, outside, entries)
    before = snapshot(tmp)
    c = load_within(root)
    assert snapshot(tmp) == before
    docs_paths = c.docs["path"].tolist()
    skipped = c.problems[c.problems["action"] == "skipped"]["path"].tolist()
    assert not c.docs["text"].str.startswith("Outside").any()
    for path, kind in made.items():
        in_docs, in_problems = docs_paths.count(path), skipped.count(path)
        if kind == "jsonl":
            assert (in_docs, in_problems) == (2, 0), path
        else:
            assert in_docs + in_problems == 1, (path, kind, in_docs, in_problems)
            if kind not in ("linked", "link_in"):  # of a link and its target, one is loaded
                assert in_docs == (kind == "txt"), (path, kind)
    pairs = [p for p, kind in made.items() if kind == "linked"]
    assert sum(
        docs_paths.count(p) for p, kind in made.items() if kind in ("linked", "link_in")
    ) == len(pairs)
    assert set(docs_paths) | set(skipped) <= set(made)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    runs=st.lists(st.tuples(st.integers(1, 6), st.integers(1, 4)), min_size=1, max_size=4),
    foreign=st.lists(
        st.sampled_from(
            [
                "part-00000.parquet",
                "problems.parquet",
                "notes.txt",
                "_quotes.json",
                "part-00001-abc.parquet",
            ]
        ),
        unique=True,
        max_size=3,
    ),
)
def test_writers_replace_only_their_own_files(tmp_path_factory, runs, foreign):
    """Writers: repeated ingests into one folder holding files the workbench did not write
    leave those files byte for byte, leave nothing of their own but the last output, and the
    folder reads back as the last input."""
    tmp = tmp_path_factory.mktemp("writers")
    out = tmp / "out"
    out.mkdir()
    for name in foreign:
        (out / name).write_bytes(b"not the workbench's " + name.encode())
    theirs = snapshot(out)
    for k, (n_articles, chunk) in enumerate(runs):
        src = tmp / f"src{k}"
        src.mkdir()
        write_jsonl(
            src / "a.jsonl", [{"text": f"Run {k} article {i}. " + KATZ} for i in range(n_articles)]
        )
        if foreign:
            with pytest.raises(OutputRefused, match="did not write"):
                ingest(src, out, chunk_articles=chunk)
        ingest(src, out, chunk_articles=chunk, overwrite=True)
        now = snapshot(out)
        assert {k2: now[k2] for k2 in theirs} == theirs
        meta = json.loads((out / "_corpus.json").read_text())
        assert sorted(set(now) - set(theirs)) == sorted(
            ["_corpus.json", *meta["parts"], meta["problems_file"]]
        )
        pd.testing.assert_frame_equal(load_corpus(out).docs, load_corpus(src).docs)


def test_a_file_added_after_a_run_is_never_taken_for_ours(tmp_path):
    """A user's file dropped into a folder the workbench wrote, even one named like a file of
    an old corpus folder, is foreign: the next run refuses the folder, and keeps the file."""
    from analysis.corpus.outputs import OutputRefused, open_output_folder

    out = tmp_path / "quotes"
    folder = open_output_folder(out, "_quotes.json", kind="quotes")
    folder.commit({"parts": []})
    (out / "problems.parquet").write_bytes(b"the user's own table")
    with pytest.raises(OutputRefused, match="holds files the workbench did not write"):
        open_output_folder(out, "_quotes.json", kind="quotes")
    again = open_output_folder(out, "_quotes.json", kind="quotes", overwrite=True)
    again.commit({"parts": []})
    assert (out / "problems.parquet").read_bytes() == b"the user's own table"


def test_a_report_folder_inside_the_data_is_not_read_as_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said the bridge would open.", encoding="utf-8")
    report = tmp_path / "report"
    report.mkdir()
    (report / "_report.json").write_text('{"writer": "analysis", "parts": []}', encoding="utf-8")
    (report / "01_ingestion.html").write_text("<p>a page</p>", encoding="utf-8")
    c = load_corpus(tmp_path)
    assert list(c.docs["doc_id"]) == ["a.txt"]
    assert c.problems["path"].str.startswith("report").any()
