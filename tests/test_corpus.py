"""load_corpus: every format, every bad input, the seeds, determinism, and nothing lost."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import SEED_A, SEED_B
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import load_corpus, write_corpus
from analysis.corpus.load import DOC_COLUMNS, PROBLEM_COLUMNS, UNKNOWN_OUTLET, field_header

# Two real paragraphs from the sample articles, reused to build inputs in every format.
KATZ = (
    "Israeli Foreign Minister Israel Katz posted a response to Erdogan’s comments on X that "
    "read: “Erdoğan follows in the footsteps of Saddam Hussein and threatens to attack Israel. "
    "Just let him remember what happened there and how it ended.”"
)
TRADE = (
    "The Turkish Trade Ministry announced in early May it had suspended all export and import "
    'operations with Israel due to what it described as its "aggression against Palestine in '
    'violation of international law and human rights."'
)


def accounted(corpus, files: list[str]) -> None:
    """Every file is either in docs or in problems."""
    seen = set(corpus.docs["path"]) | set(corpus.problems["path"])
    missing = [f for f in files if f not in seen]
    assert not missing, f"files neither loaded nor listed as problems: {missing}"


# ---------------------------------------------------------------------------------- the seeds


def test_seeds_two_articles(seed_corpus):
    docs = seed_corpus.docs
    assert list(docs["doc_id"]) == [SEED_A, SEED_B]
    assert list(docs.columns[: len(DOC_COLUMNS)]) == DOC_COLUMNS
    assert seed_corpus.problems.empty


def test_seed_outlets_from_dateline_or_unknown(seed_docs):
    outlets = dict(zip(seed_docs["doc_id"], seed_docs["outlet"], strict=True))
    assert outlets == {SEED_A: "JNS", SEED_B: UNKNOWN_OUTLET}


def test_seed_dates(seed_docs):
    assert seed_docs["date"].dtype == "datetime64[ns]"
    assert list(seed_docs["date"]) == [pd.Timestamp("2024-08-02")] * 2


def test_seed_headers_removed_and_body_kept(seed_docs, seeds_dir):
    a, b = seed_docs["text"]
    assert a.startswith("NATO member Turkey is blocking any partnership")
    assert "date 2024" not in a and "(August 2, 2024 / JNS)" not in a
    # The second article's body starts on its header line and must not be lost.
    assert b.startswith("Turkey has blocked cooperation between NATO and Israel since October")
    raw_b = (seeds_dir / SEED_B).read_text(encoding="utf-8")
    assert raw_b.strip().endswith(b[-60:])
    assert raw_b.replace(" date 2024-08-02 ", "", 1).strip() == b


def test_seed_word_counts(seed_docs):
    # Hand check on the 000 headline sentence: 21 words ("NATO member Turkey ... as saying").
    first = seed_docs["text"][0].split("\n")[0]
    assert load_words(first) == 21
    assert (seed_docs["n_words"] > 300).all()


def load_words(text: str) -> int:
    from analysis.core.text import WORD_RE

    return len(WORD_RE.findall(text))


def test_repr_summarises(seed_corpus):
    text = repr(seed_corpus)
    assert "2 articles from 1 outlet and 1 with no known outlet" in text
    assert "2024-08-02 to 2024-08-02" in text
    assert "JNS" in text and UNKNOWN_OUTLET in text
    assert "0 skipped" in text


def test_deterministic_and_stable_ids(seeds_dir, tmp_path):
    one = load_corpus(seeds_dir).docs
    two = load_corpus(seeds_dir).docs
    pd.testing.assert_frame_equal(one, two)
    # The same files elsewhere get the same ids.
    copy = tmp_path / "elsewhere"
    copy.mkdir()
    for f in seeds_dir.iterdir():
        (copy / f.name).write_bytes(f.read_bytes())
    moved = load_corpus(copy).docs
    assert list(moved["doc_id"]) == list(one["doc_id"])
    assert list(moved["text"]) == list(one["text"])


# ---------------------------------------------------------------------------------- formats


def test_plain_txt_without_header(tmp_path):
    (tmp_path / "katz.txt").write_text(KATZ + "\n", encoding="utf-8")
    docs = load_corpus(tmp_path).docs
    assert docs.loc[0, "text"] == KATZ
    assert pd.isna(docs.loc[0, "date"])
    assert docs.loc[0, "outlet"] == UNKNOWN_OUTLET


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "Title: Rain in Halvik\nSource: Harbor Gazette\nDate: 2020-06-15\n\nIt rained.",
            {"title": "Rain in Halvik", "outlet": "Harbor Gazette", "date": "2020-06-15"},
        ),
        ("Headline: A vote\nByline: Ada Lund\n\nBody.", {"title": "A vote", "authors": "Ada Lund"}),
        ("Washington: the vote failed.\n\nMore.", None),  # a dateline, not a field
        ("Title: A vote\nWashington: it failed.\n\nMore.", None),  # every line must be a field
        ("Story: it rained.\n\nMore.", None),  # the text itself is no header field
        ("Title: A\nTitle: B\n\nMore.", None),  # nor is a field given twice
        ("Title: A vote with no body after it", None),
    ],
)
def test_field_header(text, fields):
    found = field_header(text)
    assert (found[0] if found else None) == fields


def test_txt_field_header_gives_title_outlet_and_date(tmp_path):
    head = "Title: Rain in Halvik\nSource: Harbor Gazette\nPublished: June 15, 2020\n\n"
    (tmp_path / "a.txt").write_text(head + KATZ, encoding="utf-8")
    d = load_corpus(tmp_path).docs.iloc[0]
    assert (d["title"], d["outlet"], str(d["date"])[:10]) == (
        "Rain in Halvik",
        "Harbor Gazette",
        "2020-06-15",
    )
    assert d["text"] == KATZ
    # A mapped field name counts as it does in structured records.
    (tmp_path / "a.txt").write_text("Site: Valley Post\n\n" + KATZ, encoding="utf-8")
    assert load_corpus(tmp_path, fields={"outlet": "site"}).docs["outlet"][0] == "Valley Post"


def test_wire_dateline_gives_outlet(tmp_path):
    (tmp_path / "wire.txt").write_text("ANKARA (Reuters) - " + TRADE, encoding="utf-8")
    (tmp_path / "plain.txt").write_text("In July (ahead of the summit) " + TRADE, encoding="utf-8")
    docs = load_corpus(tmp_path).docs.set_index("doc_id")
    assert docs.loc["wire.txt", "outlet"] == "Reuters"
    assert docs.loc["plain.txt", "outlet"] == UNKNOWN_OUTLET
    # The dateline is part of what was written: it stays in the text.
    assert docs.loc["wire.txt", "text"].startswith("ANKARA (Reuters) - ")


def test_sources_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text(KATZ, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TRADE, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,outlet\na.txt,Reuters\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    outlets = dict(zip(c.docs["doc_id"], c.docs["outlet"], strict=True))
    assert outlets == {"a.txt": "Reuters", "b.txt": UNKNOWN_OUTLET}
    assert c.problems.empty  # the sidecar is metadata, not an article
    mapped = load_corpus(tmp_path / "b.txt", sources={"b.txt": "JNS"}).docs
    assert mapped.loc[0, "outlet"] == "JNS"


def test_html_main_text_without_markup(tmp_path):
    page = f"""<!doctype html><html><head><title>Turkey blocks NATO cooperation</title>
    <meta property="og:site_name" content="Example Times">
    <meta property="og:url" content="https://www.example.com/world/turkey-nato">
    <script>alert("x")</script><style>p {{color: red}}</style></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Turkey blocks NATO cooperation</h1><p>{KATZ}</p><p>{TRADE}</p>
    <script>document.write("injected")</script></article>
    <footer>Copyright Example Times</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    docs = load_corpus(tmp_path).docs
    text = docs.loc[0, "text"]
    assert "Saddam Hussein" in text and "54 product" not in text
    assert "aggression against Palestine" in text
    for markup in ("<script", "alert(", "injected", "<p>", "color: red"):
        assert markup not in text
    assert docs.loc[0, "outlet"] == "Example Times"
    assert docs.loc[0, "title"] == "Turkey blocks NATO cooperation"


def test_jsonl_records_fields_and_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "k1",
                "source": "JNS",
                "date": "2024-08-02",
                "title": "Katz",
                "text": KATZ,
                "authors": ["A. Writer", "B. Writer"],
            }
        ),
        "{not json",
        json.dumps({"id": "k2", "url": "https://www.reuters.com/world/x", "content": TRADE}),
        json.dumps({"id": "k3", "title": "no body here"}),
        json.dumps(["a", "list"]),
        "",
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    c = load_corpus(tmp_path)
    docs = c.docs.set_index("doc_id")
    assert list(docs.index) == ["batch.jsonl#k1", "batch.jsonl#k2"]  # the records' own ids
    assert docs.loc["batch.jsonl#k1", "outlet"] == "JNS"
    assert docs.loc["batch.jsonl#k1", "authors"] == "A. Writer; B. Writer"
    assert docs.loc["batch.jsonl#k2", "outlet"] == "reuters.com"
    probs = c.problems.set_index("record")
    assert "broken JSON line" in probs.loc[2, "problem"]
    assert "no text field" in probs.loc[4, "problem"]
    assert "not an object" in probs.loc[5, "problem"]
    assert set(c.problems["action"]) == {"skipped"}


def test_jsonl_gz_fast_path_uses_record_ids(tmp_path):
    recs = [
        {
            "ID": f"id{i}",
            "source": "Outlet",
            "date": "2020-01-0" + str(i + 1),
            "content_original": f"Article {i}. " + KATZ,
        }
        for i in range(3)
    ]
    data = "\n".join(json.dumps(r) for r in recs).encode()
    (tmp_path / "big.jsonl.gz").write_bytes(gzip.compress(data))
    c = load_corpus(tmp_path)
    assert list(c.docs["doc_id"]) == ["big.jsonl.gz#id0", "big.jsonl.gz#id1", "big.jsonl.gz#id2"]
    assert list(c.docs["date"].dt.day) == [1, 2, 3]
    assert c.problems.empty


def test_json_list_object_and_wrapper(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"text": KATZ}, {"body": TRADE}]))
    (tmp_path / "one.json").write_text(json.dumps({"headline": "Trade", "content": TRADE + " 2"}))
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": [{"text": KATZ + " 3"}]}))
    (tmp_path / "broken.json").write_text('{"text": "unterminated')
    c = load_corpus(tmp_path)
    assert list(c.docs["doc_id"]) == ["list.json#1", "list.json#2", "one.json", "wrapped.json#1"]
    assert c.docs.set_index("doc_id").loc["one.json", "title"] == "Trade"
    assert list(c.problems["path"]) == ["broken.json"]
    assert "broken JSON" in c.problems.loc[0, "problem"]


def test_csv_rows_quoted_newlines_and_bad_rows(tmp_path):
    body = KATZ.replace(". ", ".\n\n", 1)
    df = pd.DataFrame(
        {
            "outlet": ["JNS", "Reuters"],
            "date": ["2024-08-02", "August 1, 2024"],
            "text": [body, TRADE],
        }
    )
    csv_text = df.to_csv(index=False) + 'Extra,2024-08-03,"too",many\n'
    (tmp_path / "table.csv").write_text(csv_text, encoding="utf-8")
    c = load_corpus(tmp_path)
    assert list(c.docs["outlet"]) == ["JNS", "Reuters"]
    assert c.docs.loc[0, "text"] == body  # the newline inside the quoted field is kept
    assert list(c.docs["date"]) == [pd.Timestamp("2024-08-02"), pd.Timestamp("2024-08-01")]
    assert list(c.problems["record"]) == [3]
    assert "4 fields" in c.problems.loc[0, "problem"]


def test_parquet_records_and_broken_parquet(tmp_path):
    table = pa.table(
        {
            "outlet": ["JNS", None],
            "published": pd.to_datetime(["2024-08-02", None]),
            "text": [KATZ, TRADE],
        }
    )
    pq.write_table(table, tmp_path / "articles.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    c = load_corpus(tmp_path)
    assert list(c.docs["doc_id"]) == ["articles.parquet#1", "articles.parquet#2"]
    assert list(c.docs["outlet"]) == ["JNS", UNKNOWN_OUTLET]
    assert c.docs.loc[0, "date"] == pd.Timestamp("2024-08-02")
    assert list(c.problems["path"]) == ["broken.parquet"]
    assert "Parquet" in c.problems.loc[0, "problem"]


# ---------------------------------------------------------------------------------- encodings


def test_bom_crlf_and_utf16(tmp_path):
    (tmp_path / "bom.txt").write_bytes(
        b"\xef\xbb\xbf" + b" date 2024-08-02 " + KATZ.replace(". ", ".\r\n\r\n").encode()
    )
    (tmp_path / "utf16.txt").write_bytes(TRADE.encode("utf-16"))
    c = load_corpus(tmp_path)
    docs = c.docs.set_index("doc_id")
    assert docs.loc["bom.txt", "text"] == KATZ.replace(". ", ".\n\n")
    assert docs.loc["bom.txt", "date"] == pd.Timestamp("2024-08-02")
    assert docs.loc["utf16.txt", "text"] == TRADE
    assert c.problems.empty


def test_legacy_single_byte_decoded_with_warning(tmp_path):
    legacy = (
        "Turkish President Recep Tayyip Erdoğan said the café owners in Zürich and "
        "the señores of Málaga were not consulted about the décor."
    )
    (tmp_path / "legacy.txt").write_bytes(legacy.replace("ğ", "g").encode("cp1252"))
    c = load_corpus(tmp_path)
    assert c.docs.loc[0, "text"] == legacy.replace("ğ", "g")
    assert list(c.problems["action"]) == ["loaded"]
    assert "not UTF-8" in c.problems.loc[0, "problem"]


def _mis_decoded(text: str, times: int) -> str:
    """``text`` as it reads after its UTF-8 was decoded as Windows-1252 ``times`` times."""
    for _ in range(times):
        # Bytes cp1252 leaves undefined (0x9d in "”") pass through as the control character,
        # as sloppy decoders upstream do.
        text = "".join(
            bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
        )
    return text


@pytest.mark.parametrize(
    ("title", "text", "repaired"),
    [
        # Once and twice mis-decoded: both come back; the record is listed as loaded.
        ("Reyes’s “plan” – again", "Okafor said the café’s owner left.", {"title", "text"}),
        ("Reyes says “no”", "A plain text with no marks.", {"title"}),
    ],
)
@pytest.mark.parametrize("times", [1, 2])
def test_mis_decoded_text_repaired(tmp_path, title, text, repaired, times):
    rows = [
        {
            "title": _mis_decoded(title, times) if "title" in repaired else title,
            "text": _mis_decoded(text, times) if "text" in repaired else text,
        }
    ]
    rows.append(
        {"title": "Café Zürich — señores’ résumé", "text": "Naïve, but Â-grade: Ã is a letter."}
    )
    (tmp_path / "a.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8"
    )
    c = load_corpus(tmp_path)
    assert list(c.docs["title"]) == [title, rows[1]["title"]]
    assert list(c.docs["text"]) == [text, rows[1]["text"]]  # well-formed text is left alone
    fields = c.problems["problem"].str.extract(r"^mis-decoded characters repaired in (\w+) ")[0]
    assert sorted(fields) == sorted(repaired)
    assert set(c.problems["record"]) == {1} and set(c.problems["action"]) == {"loaded"}


def test_bad_inputs_are_listed_not_lost(tmp_path):
    (tmp_path / "ok.txt").write_text(KATZ, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    (tmp_path / "header_only.txt").write_text(" date 2024-08-02\n\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "bad.jsonl.gz").write_bytes(b"not gzip at all")
    (tmp_path / "notext.csv").write_text("outlet,date\nJNS,2024-08-02\n", encoding="utf-8")
    files = [p.name for p in tmp_path.iterdir()]
    c = load_corpus(tmp_path)
    accounted(c, files)
    assert list(c.docs["path"]) == ["ok.txt"]
    reasons = dict(zip(c.problems["path"], c.problems["problem"], strict=True))
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert reasons["header_only.txt"].startswith("no article text")
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["report.pdf"].startswith("unsupported file type .pdf")
    assert reasons[".DS_Store"].startswith("hidden file")
    assert "gzip" in reasons["bad.jsonl.gz"]
    assert reasons["notext.csv"].startswith("no text field")
    assert set(c.problems["action"]) == {"skipped"}


def test_unreadable_date_is_a_warning(tmp_path):
    recs = [{"text": KATZ, "date": "sometime last week"}, {"text": TRADE, "date": ""}]
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.docs["date"].isna().all()
    assert len(c.problems) == 1 and c.problems.loc[0, "record"] == 1
    assert "not understood" in c.problems.loc[0, "problem"]
    assert c.problems.loc[0, "action"] == "loaded"


# ---------------------------------------------------------------------------------- duplicates


def test_exact_duplicates_kept_once_and_listed(tmp_path):
    (tmp_path / "a.txt").write_text(KATZ, encoding="utf-8")
    (tmp_path / "b.txt").write_text(KATZ + "\n\n", encoding="utf-8")  # same text once normalised
    (tmp_path / "c.txt").write_text(TRADE, encoding="utf-8")
    c = load_corpus(tmp_path)
    assert list(c.docs["doc_id"]) == ["a.txt", "c.txt"]
    assert list(c.problems["path"]) == ["b.txt"]
    assert c.problems.loc[0, "problem"] == "exact duplicate of a.txt; kept once"


def test_near_duplicates_flagged_not_dropped(tmp_path):
    (tmp_path / "a.txt").write_text(KATZ, encoding="utf-8")
    variant = KATZ.replace("“", '"').replace("”", '"').replace("Israel.", "Israel .").upper()
    (tmp_path / "b.txt").write_text(variant, encoding="utf-8")
    (tmp_path / "c.txt").write_text(TRADE, encoding="utf-8")
    docs = load_corpus(tmp_path).docs.set_index("doc_id")
    assert len(docs) == 3
    assert docs.loc["b.txt", "near_duplicate_of"] == "a.txt"
    assert docs[["near_duplicate_of"]].drop(index="b.txt").isna().all().all()


# ---------------------------------------------------------------------------------- round trip


def test_ingest_cli_round_trip(tmp_path, seeds_dir):
    src = tmp_path / "in"
    src.mkdir()
    for f in seeds_dir.iterdir():
        (src / f.name).write_bytes(f.read_bytes())
    (src / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    out = tmp_path / "corpus.parquet"
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "ingest", str(src), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Wrote 2 articles and 1 problems" in proc.stdout
    back = load_corpus(out)
    direct = load_corpus(src)
    pd.testing.assert_frame_equal(back.docs, direct.docs)
    pd.testing.assert_frame_equal(back.problems, direct.problems)
    assert list(back.problems.columns) == PROBLEM_COLUMNS


def test_write_corpus_creates_folders(tmp_path, seed_corpus):
    out = write_corpus(seed_corpus, tmp_path / "deep" / "c.parquet")
    assert load_corpus(out).docs["doc_id"].tolist() == [SEED_A, SEED_B]


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        load_corpus(tmp_path / "nope")


# ---------------------------------------------------------------------------------- property


SUFFIXES = [".txt", ".html", ".jsonl", ".json", ".csv", ".parquet", ".jsonl.gz", ".tsv"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    ),
    suffix=st.sampled_from(SUFFIXES),
)
def test_arbitrary_bytes_never_raise_and_are_accounted(tmp_path_factory, data, suffix):
    folder = tmp_path_factory.mktemp("fuzz")
    name = "f" + suffix
    (folder / name).write_bytes(data)
    c = load_corpus(folder)
    accounted(c, [name])
    assert set(c.docs["path"]) <= {name}
    for text in c.docs["text"]:
        assert text and text == text.strip() and "\r" not in text


# ---------------------------------------------------------------------------------- selecting


def test_filter_docs_by_outlet_date_and_text(seed_docs):
    from analysis.corpus.load import filter_docs

    assert list(filter_docs(seed_docs, outlets=["JNS"])["doc_id"]) == [SEED_A]
    assert filter_docs(seed_docs, start="2024-08-03").empty
    assert len(filter_docs(seed_docs, start="2024-08-02", end="2024-08-02")) == 2
    assert list(filter_docs(seed_docs, contains="BUTCHER OF GAZA")["doc_id"]) == [SEED_B]
    assert len(filter_docs(seed_docs)) == 2


def test_filter_docs_keeps_undated_articles_under_a_date_range_only_when_asked():
    from analysis.corpus.load import filter_docs

    docs = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "date": pd.to_datetime(["2020-01-01", None, "2020-03-01"])}
    )
    assert filter_docs(docs)["doc_id"].tolist() == ["a", "b", "c"]
    assert filter_docs(docs, end="2020-02-01")["doc_id"].tolist() == ["a"]
    assert filter_docs(docs, end="2020-02-01", undated=True)["doc_id"].tolist() == ["a", "b"]
    assert filter_docs(docs, start="2020-02-01", undated=True)["doc_id"].tolist() == ["b", "c"]


def test_contains_text_matches_pandas_case_insensitive_literal_search(seed_docs):
    # The search box's test must keep exactly pandas' str.contains(case=False, regex=False):
    # on the seeds, on regex metacharacters, on non-ASCII case pairs, and on missing text.
    from analysis.corpus.load import contains_text

    texts = pd.concat(
        [
            seed_docs["text"],
            pd.Series(
                ["ISTANBUL and İstanbul", "ERDOĞAN (the “Sultan”) said a+b?", None], dtype="str"
            ),
        ],
        ignore_index=True,
    )
    # Arrow cannot hold a lone surrogate: such a column takes the fallback, same answers.
    odd = pd.Series([*texts.astype(object), "lone \udc80 surrogate ERDOĞAN"], dtype=object)
    for table in (texts, odd):
        for needle in [
            "butcher of gaza",
            "ERDOĞAN",
            "erdoğan",
            "(the “sultan”)",
            "a+b?",
            ".",
            "i̇stanbul",
            "İSTANBUL",
            "nowhere at all",
        ]:
            want = table.astype(object).str.contains(needle, case=False, regex=False)
            got = contains_text(table, needle)
            assert got.tolist() == want.fillna(False).astype(bool).tolist(), needle
    assert contains_text(seed_docs["text"], "Gaza").all()


def test_articles_over_time(seed_docs):
    from analysis.corpus.load import articles_over_time

    table = articles_over_time(seed_docs, freq="M")
    assert table.to_dict("records") == [
        {"period": pd.Timestamp("2024-08-01"), "outlet": "JNS", "articles": 1},
        {"period": pd.Timestamp("2024-08-01"), "outlet": UNKNOWN_OUTLET, "articles": 1},
    ]


def test_outlets_summary(seed_corpus):
    table = seed_corpus.outlets()
    assert list(table["outlet"]) == ["JNS", UNKNOWN_OUTLET]  # tie on 1 article: by name
    assert list(table["words"]) == list(seed_corpus.docs["n_words"])


# ---------------------------------------------------------------------------------- streaming


def _sorted_problems(problems: pd.DataFrame) -> pd.DataFrame:
    return problems.sort_values(["path", "record", "problem"], ignore_index=True)


def test_streamed_ingest_matches_in_memory_load(tmp_path):
    from analysis.corpus.load import ingest

    src = tmp_path / "in"
    src.mkdir()
    lines = [
        json.dumps(
            {
                "id": f"r{i}",
                "source": "JNS",
                "date": "2024-08-0" + str(1 + i % 9),
                "text": f"Report {i}. " + (KATZ if i % 2 else TRADE),
            }
        )
        for i in range(9)
    ]
    lines[4] = "{broken"
    lines.append(json.dumps({"id": "copy", "source": "JNS", "text": "Report 1. " + KATZ}))
    lines.append(json.dumps({"id": "near", "source": "JNS", "text": "REPORT 3 " + KATZ}))
    (src / "wire.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (src / "a.txt").write_text(" date 2024-08-02 " + KATZ, encoding="utf-8")
    (src / "b.txt").write_text("Report 1. " + KATZ, encoding="utf-8")  # duplicate across files
    (src / "empty.txt").write_bytes(b"")
    direct = load_corpus(src)
    out = ingest(src, tmp_path / "corpus", chunk_articles=3)
    assert len(json.loads((out / "_corpus.json").read_text())["parts"]) >= 3
    back = load_corpus(out)
    pd.testing.assert_frame_equal(back.docs, direct.docs)
    pd.testing.assert_frame_equal(
        _sorted_problems(back.problems), _sorted_problems(direct.problems)
    )
    dup = direct.problems[direct.problems["problem"].str.startswith("exact duplicate")]
    assert list(dup["problem"]) == ["exact duplicate of b.txt; kept once"] * 2  # r1 and copy
    assert list(dup["record"]) == [2, 10]
    assert (
        direct.docs.set_index("doc_id").loc["wire.jsonl#near", "near_duplicate_of"]
        == "wire.jsonl#r3"
    )


def test_ingest_cli_writes_a_partitioned_folder(tmp_path, seeds_dir):
    out = tmp_path / "corpus_dir"
    subprocess.run(
        [sys.executable, "-m", "analysis", "ingest", str(seeds_dir), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert (out / "_corpus.json").exists()
    pd.testing.assert_frame_equal(load_corpus(out).docs, load_corpus(seeds_dir).docs)


def test_word_counts_agree_with_python_regex(tmp_path):
    from analysis.core.text import WORD_RE

    # Accents precomposed and decomposed, superscripts, Hindi, apostrophes and hyphens.
    texts = [
        "Erdoğan’s NATO-Israel veto won't last, said Atatürk's heirs.",
        "Cafe\u0301 owners don¹t agree; ½ of them left.",
        "प्रधानमंत्री ने कहा कि NATO-Israel सहयोग रुका है।",
    ]
    for i, t in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(t, encoding="utf-8")
    docs = load_corpus(tmp_path).docs
    assert list(docs["n_words"]) == [len(WORD_RE.findall(t)) for t in texts]


def test_public_names_resolve():
    import analysis

    for name in analysis.__all__:
        assert callable(getattr(analysis, name)), name


# A word's places as a whole word, with characters that may not stand beside it.
WORD_SPANS = [
    (
        "Lund said. Lund’s son; Lunds; non-Lund Lund-Reyes Lund",
        "Lund",
        "-",
        "-",
        [(0, 4), (11, 15), (50, 54)],
    ),
    ("in Dover Harbor, at Dover", "in Dover", "", "", [(0, 8)]),
    ("The Hill, TheHill", "The Hill", "", "", [(0, 8)]),
    ("no match here", "Lund", "", "", []),
]


@pytest.mark.parametrize(("text", "word", "before", "after", "expected"), WORD_SPANS)
def test_word_spans(text, word, before, after, expected):
    from analysis.core.text import word_spans

    assert word_spans(text, word, not_before=before, not_after=after) == expected
