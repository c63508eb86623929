"""Field mapping, nested-paragraph text and outlet merging (analysis/corpus/fields.py,
outlets.py)."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus.fields import join_text, parse_field_options
from analysis.corpus.outlets import merge_outlets

# A record as some archives store it: the body under "story_body", paragraphs of sentences.
NESTED = {
    "uid": "a1",
    "site": "FOX",
    "when": "2019-03-04",
    "story_body": [["First sentence.", "Second one."], ["New paragraph here."]],
}
NESTED_TEXT = "First sentence. Second one.\n\nNew paragraph here."


def _write(folder, records, name="a.jsonl"):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder


def test_join_text_paragraphs_and_sentences():
    assert join_text(NESTED["story_body"]) == NESTED_TEXT
    assert join_text(["One.", "  ", "Two."]) == "One.\n\nTwo."
    assert join_text("as is") == "as is"
    assert join_text([{"p": "x"}]) is None
    assert join_text(7) is None


def test_unmapped_field_problem_names_the_fields_found(tmp_path):
    corpus = load_corpus(_write(tmp_path / "d", [NESTED]))
    assert corpus.docs.empty
    (problem,) = corpus.problems["problem"]
    assert "found: site, story_body, uid, when" in problem


@pytest.mark.parametrize("how", ["argument", "file"])
def test_fields_mapping_loads_nested_text(tmp_path, how):
    mapping = {"text": "story_body", "outlet": "site", "date": "when", "id": "uid"}
    folder = _write(
        tmp_path / "d",
        [NESTED, {**NESTED, "uid": "a2", "site": "fox ", "story_body": ["Only one paragraph."]}],
    )
    if how == "file":
        (folder / "fields.json").write_text(json.dumps(mapping), encoding="utf-8")
        corpus = load_corpus(folder)
    else:
        corpus = load_corpus(folder, fields=mapping)
    assert corpus.problems.empty, corpus.problems
    assert list(corpus.docs["doc_id"]) == ["a.jsonl#a1", "a.jsonl#a2"]
    assert list(corpus.docs["text"]) == [NESTED_TEXT, "Only one paragraph."]
    assert list(corpus.docs["outlet"]) == ["FOX", "FOX"]  # tie: the first spelling seen
    assert list(corpus.docs["date"].dt.strftime("%Y-%m-%d")) == ["2019-03-04", "2019-03-04"]
    assert list(corpus.docs["n_words"]) == [7, 3]


def test_cli_field_option(tmp_path):
    folder = _write(tmp_path / "d", [NESTED])
    out = tmp_path / "c.parquet"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "ingest",
            str(folder),
            "--out",
            str(out),
            "--field",
            "text=story_body",
            "--field",
            "outlet=site",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    docs = load_corpus(out).docs
    assert list(docs["text"]) == [NESTED_TEXT] and list(docs["outlet"]) == ["FOX"]


def test_bad_field_option():
    with pytest.raises(ValueError, match="unknown field 'body'"):
        parse_field_options(["body=text"])
    with pytest.raises(ValueError, match="write FIELD=NAME"):
        parse_field_options(["text"])


def test_outlets_merge_case_space_and_aliases(tmp_path):
    names = pd.Series(
        [
            "Fox",
            "FOX",
            "New  York Times",
            "fox",
            "new york times",
            "unknown",
            "Fox News Channel",
            "Fox",
        ]
    )
    assert list(merge_outlets(names)) == [
        "Fox",
        "Fox",
        "New  York Times",
        "Fox",
        "New  York Times",
        "unknown",
        "Fox News Channel",
        "Fox",
    ]
    aliased = merge_outlets(names, {"fox news channel": "Fox", "NYT": "The New York Times"})
    assert list(aliased) == [
        "Fox",
        "Fox",
        "New  York Times",
        "Fox",
        "New  York Times",
        "unknown",
        "Fox",
        "Fox",
    ]
    folder = _write(
        tmp_path / "d",
        [{"text": "A b.", "outlet": "nyt"}, {"text": "C d.", "outlet": "New York Times"}],
    )
    (folder / "outlets.csv").write_text(
        "alias,outlet\nNYT,The New York Times\nnew york times,The New York Times\n",
        encoding="utf-8",
    )
    corpus = load_corpus(folder)
    assert list(corpus.docs["outlet"]) == ["The New York Times"] * 2
    assert corpus.problems.empty


def test_json_file_with_nested_paragraphs_and_fields_json(tmp_path):
    """The README's example: one article per .json file, body as paragraphs of sentences."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "fields.json").write_text(
        '{"text": "body", "outlet": "publication"}', encoding="utf-8"
    )
    (folder / "a.json").write_text(
        json.dumps(
            {
                "headline": "Bridge reopens",
                "publication": "Daily Example",
                "published": "2019-05-01",
                "body": [
                    ["The bridge reopened on Monday.", "Traffic was light."],
                    ["Officials said repairs cost $2 million."],
                ],
            }
        ),
        encoding="utf-8",
    )
    corpus = load_corpus(folder)
    assert corpus.problems.empty
    row = corpus.docs.iloc[0]
    assert (row["doc_id"], row["outlet"], row["title"]) == (
        "a.json",
        "Daily Example",
        "Bridge reopens",
    )
    assert row["text"] == (
        "The bridge reopened on Monday. Traffic was light.\n\n"
        "Officials said repairs cost $2 million."
    )


def test_ingest_merges_outlets_and_maps_fields(tmp_path):
    folder = _write(
        tmp_path / "d",
        [
            NESTED,
            {"uid": "a2", "site": "Fox", "story_body": ["Two."]},
            {"uid": "a3", "site": "Fox", "story_body": ["Three."]},
        ],
    )
    from analysis.corpus.load import ingest

    out = ingest(folder, tmp_path / "corpus", fields={"text": "story_body", "outlet": "site"})
    docs = load_corpus(out).docs
    assert list(docs["outlet"]) == ["Fox", "Fox", "Fox"]
    assert docs["text"].iloc[0] == NESTED_TEXT
