"""Crawler exports: one article per JSON Lines record or CSV row.

Each record holds the article's ``text`` and, optionally, its ``title``,
``date``, ``url``, ``source`` (the outlet) and ``author``; other fields are
ignored. Every record becomes one :class:`~kg.reading.SourceFile` whose
identity is the hash of its text (as for a text file) and whose
``metadata.record`` is the line of the file where the record starts. A record
that cannot be built (not JSON, no text …) yields one
:class:`~kg.errors.BadRecordError` naming the file and the line; the other
records are read.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "export.jsonl"
>>> _ = path.write_text('{"text": "大连市与北九州市缔结友好城市。", "date": "2021-06-01"}\\n{"title": "无正文"}\\n',
...                     encoding="utf-8")
>>> first, second = iter_jsonl(path)
>>> first.metadata.record, first.metadata.date.value
(1, '2021-06-01')
>>> print(second)  # doctest: +ELLIPSIS
/.../export.jsonl, line 2: the record has no "text" ...
"""

from __future__ import annotations

import csv
import json
import logging
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import BadRecordError, UnreadableFileError
from ..reading import SourceFile, decode_bytes
from ..records import DocumentMetadata
from .dates import parse_date_value

__all__ = ["FIELDS", "iter_csv", "iter_jsonl", "record_source"]

log = logging.getLogger(__name__)

#: The fields of a record that are read; ``text`` is required.
FIELDS = ("text", "title", "date", "url", "source", "author")
_MEDIA_TYPES = {"jsonl": "application/jsonl", "csv": "text/csv"}
#: The longest CSV field read (an article of several megabytes is still one field).
_CSV_FIELD_LIMIT = 1 << 26


def _decoded(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be opened ({exc.strerror})") from exc
    return decode_bytes(data, source=path)


def _optional(record: Mapping[str, Any], key: str, path: Path, line: int) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key == "date":
        value = str(value)
    if not isinstance(value, str):
        raise BadRecordError(path, line, f'"{key}" must be a string, not {type(value).__name__}')
    value = unicodedata.normalize("NFC", value).strip()
    return value or None


def record_source(record: Mapping[str, Any], *, path: Path, line: int, encoding: str, kind: str) -> SourceFile:
    """One record as a source record; raises :class:`BadRecordError` if it cannot be built."""
    text = record.get("text")
    if text is None:
        raise BadRecordError(path, line, f'the record has no "text" field (it has {", ".join(map(str, record)) or "none"})')
    if not isinstance(text, str):
        raise BadRecordError(path, line, f'"text" must be a string, not {type(text).__name__}')
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise BadRecordError(path, line, '"text" is empty')
    values = {key: _optional(record, key, path, line) for key in FIELDS[1:]}
    date = parse_date_value(values["date"])
    if values["date"] and date is None:
        log.warning("%s, line %d: the date %r is not a date (expected 2024-04-22 or 2024年4月22日); "
                    "the article is dated from its text or file name instead", path, line, values["date"])
    metadata = DocumentMetadata(title=values["title"], date=date, url=values["url"], publisher=values["source"],
                                author=values["author"], media_type=_MEDIA_TYPES[kind], record=line)
    return SourceFile(path=path, encoding=encoding, text=text, metadata=metadata)


def iter_jsonl(path: str | Path) -> Iterator[SourceFile | BadRecordError]:
    """The articles of a JSON Lines export, one per non-blank line, or each bad line's error.

    Raises :class:`~kg.errors.UnreadableFileError` if the file itself cannot be read.
    """
    path = Path(path)
    text, encoding = _decoded(path)
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield BadRecordError(path, number, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield BadRecordError(path, number, f"expected a JSON object with a \"text\" field, got {type(record).__name__}")
            continue
        try:
            yield record_source(record, path=path, line=number, encoding=encoding, kind="jsonl")
        except BadRecordError as exc:
            yield exc


def iter_csv(path: str | Path) -> Iterator[SourceFile | BadRecordError]:
    """The articles of a CSV export (a header row naming the fields, one row per article).

    Raises :class:`~kg.errors.UnreadableFileError` if the file cannot be read or its
    header has no ``text`` column.
    """
    path = Path(path)
    text, encoding = _decoded(path)
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.DictReader(text.splitlines(keepends=True))
    header = [name.strip() for name in reader.fieldnames or ()]
    if "text" not in header:
        raise UnreadableFileError(path, f'is a CSV file whose header ({", ".join(header) or "empty"}) has no "text" '
                                        f'column; name the columns {", ".join(FIELDS)} in its first row')
    reader.fieldnames = header
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield BadRecordError(path, start, f"not a valid CSV row ({exc})")
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if None in row:
            yield BadRecordError(path, line, f"has {len(header) + len(row[None])} fields where the header names {len(header)}")
            continue
        if any(value is None for value in row.values()):
            yield BadRecordError(path, line, f"has fewer fields than the {len(header)} the header names")
            continue
        try:
            yield record_source(row, path=path, line=line, encoding=encoding, kind="csv")
        except BadRecordError as exc:
            yield exc
