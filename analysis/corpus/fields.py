"""Which field of a structured record (JSON, CSV, Parquet) holds the text, outlet, date, ...

The loader recognises common field names (``analysis.corpus.FIELDS``). A collection that uses
other names is mapped without a converter, in any of three ways that give the same result:

* ``load_corpus(path, fields={"text": "body", "outlet": "site"})``;
* a ``fields.json`` beside the data (``{"text": "body"}``; at the top of the folder, or next to
  a single file), read automatically; an argument overrides the file field by field;
* ``python -m analysis ingest PATH --out OUT --field text=body --field outlet=site``.

A mapped name is matched case-insensitively and tried before the recognised names. Text given
as a list of paragraphs, or as a list of paragraphs each a list of sentences, is joined:
sentences with a space, paragraphs with a blank line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from types import MappingProxyType
from typing import Final

from .outlets import OUTLETS_FILE

FIELDS_FILE: Final = "fields.json"
# Settings files the loader reads beside the data; they are not articles.
SETTINGS_FILES: Final = frozenset({FIELDS_FILE, OUTLETS_FILE})
KNOWN: Final = ("text", "outlet", "date", "title", "url", "authors", "id")

# The mapping in force while one load runs (set by :func:`active`); the readers deep in
# analysis.corpus consult it through :func:`pick` instead of taking one more argument each.
_ACTIVE: ContextVar[Mapping[str, str]] = ContextVar("analysis_fields", default=MappingProxyType({}))


def check_fields(fields: Mapping[str, str], where: str = "fields") -> dict[str, str]:
    """``fields`` as a plain dict, after checking its keys and values."""
    if not isinstance(fields, Mapping):
        raise ValueError(f'{where} must map a field to a name, e.g. {{"text": "body"}}')
    out: dict[str, str] = {}
    for key, name in fields.items():
        if key not in KNOWN:
            raise ValueError(f"{where}: unknown field {key!r}; known: {', '.join(KNOWN)}")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{where}: the name for {key!r} must be a non-empty string")
        out[key] = name.strip()
    return out


def parse_field_options(options: Sequence[str] | None) -> dict[str, str]:
    """``["text=body", "outlet=site"]`` (the CLI's ``--field``) as a mapping."""
    pairs: dict[str, str] = {}
    for opt in options or ():
        key, sep, name = opt.partition("=")
        if not sep:
            raise ValueError(f"--field {opt!r}: write FIELD=NAME, e.g. text=body")
        pairs[key.strip()] = name
    return check_fields(pairs, "--field")


def fields_file(root: Path) -> Path:
    """Where the ``fields.json`` of a folder (or of a single file) is looked for."""
    return (root if root.is_dir() else root.parent) / FIELDS_FILE


def resolve_fields(fields: Mapping[str, str] | None, root: Path) -> dict[str, str]:
    """The mapping for a load of ``root``: its ``fields.json``, overridden by ``fields``."""
    found: dict[str, str] = {}
    path = fields_file(root)
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}: not a readable JSON object: {exc}") from exc
        found = check_fields(data, str(path))
    return {**found, **check_fields(fields or {})}


@contextmanager
def active(fields: Mapping[str, str] | None, root: Path) -> Iterator[Mapping[str, str]]:
    """Apply the mapping for ``root`` (see :func:`resolve_fields`) while the block runs."""
    token = _ACTIVE.set(resolve_fields(fields, root))
    try:
        yield _ACTIVE.get()
    finally:
        _ACTIVE.reset(token)


def pick(names: Iterable[str], what: str, defaults: Sequence[str]) -> str | None:
    """The name among ``names`` that holds field ``what``: the mapped one, else the first of
    ``defaults`` present (all case-insensitive)."""
    lower = {n.lower(): n for n in names}
    mapped = _ACTIVE.get().get(what)
    if mapped is not None and mapped.lower() in lower:
        return lower[mapped.lower()]
    return next((lower[c] for c in defaults if c in lower), None)


def looked_for(what: str, defaults: Sequence[str]) -> list[str]:
    """The names tried for ``what``, the mapped one first."""
    mapped = _ACTIVE.get().get(what)
    return ([mapped] if mapped else []) + [d for d in defaults if d != mapped]


def no_text_field(found: Iterable[str], defaults: Sequence[str], *, every: bool = True) -> str:
    """The problem text for records without a text field, naming the fields they do have."""
    seen = sorted(dict.fromkeys(str(f) for f in found))
    head = "no text field in any record" if every else "record has no text field"
    return (
        f"{head} (looked for: {', '.join(looked_for('text', defaults))}; "
        f"found: {', '.join(seen) if seen else 'no fields'}); map one with "
        f'fields={{"text": ...}} or a {FIELDS_FILE}'
    )


def join_text(value: object) -> str | None:
    """Text from a string, a list of paragraphs, or a list of paragraphs that are lists of
    sentences (sentences joined by a space, paragraphs by a blank line); None for anything else.
    Empty paragraphs are left out."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return None
    paragraphs: list[str] = []
    for item in value:
        if isinstance(item, str):
            para = item.strip()
        elif isinstance(item, list) and all(isinstance(s, str) for s in item):
            para = " ".join(s.strip() for s in item if s.strip())
        else:
            return None
        if para:
            paragraphs.append(para)
    return "\n\n".join(paragraphs)
