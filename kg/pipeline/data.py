"""Loading the pipeline's data files (patterns, cue words, gazetteers).

A data path is either absolute or relative to the ``kg`` package
(``patterns/shapes.jsonl``). Rows are validated here, so a malformed file
fails at load time with its name and line number.
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import PatternFileError
from .alternation import compile_alternation

__all__ = ["load_alias_notes", "load_boundaries", "load_cues", "load_jsonl", "load_tsv", "load_words", "resolve"]


def resolve(path: str | Path) -> Path:
    """The file a data path names: absolute, or relative to the ``kg`` package."""
    path = Path(path)
    if path.is_absolute():
        return path
    return Path(str(resources.files("kg").joinpath(str(path))))


def _read(path: str | Path) -> tuple[Path, str]:
    file = resolve(path)
    try:
        return file, file.read_text(encoding="utf-8")
    except OSError as exc:
        raise PatternFileError(f"{file}: cannot read pattern data ({exc.strerror}); reinstall cjkg or fix the path in the pipeline config") from exc


@lru_cache(maxsize=64)
def load_words(path: str) -> tuple[str, ...]:
    """One entry per line; blank lines and ``#`` comments are skipped."""
    _, text = _read(path)
    words = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.append(entry)
    return tuple(words)


@lru_cache(maxsize=64)
def load_tsv(path: str, *, columns: tuple[str, ...] | None = None) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated file with a header line, as dicts."""
    file, text = _read(path)
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not lines:
        return ()
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = tuple(reader.fieldnames or ())
    if columns is not None and tuple(header[: len(columns)]) != columns:
        raise PatternFileError(f"{file}: header is {header!r}, expected the columns {columns!r}")
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise PatternFileError(f"{file}:{number}: expected {len(header)} tab-separated columns")
        rows.append({key: value.strip() for key, value in row.items()})
    return tuple(rows)


def load_jsonl(path: str) -> tuple[dict[str, Any], ...]:
    """One JSON object per line; blank lines and lines starting with ``//`` are skipped."""
    file, text = _read(path)
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            value = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise PatternFileError(f"{file}:{number}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(value, dict):
            raise PatternFileError(f"{file}:{number}: expected a JSON object, got {type(value).__name__}")
        rows.append(value)
    return tuple(rows)


CueValue = str | tuple[str, ...] | dict[str, str] | re.Pattern[str]


@lru_cache(maxsize=16)
def load_cues(path: str) -> dict[str, dict[str, CueValue]]:
    """Sections of cue words from a JSON object: section → key → value.

    A value is a word, a list of words, or an object of word → value. Keys starting
    with ``_`` are comments. A key ending in ``_pattern`` holds a regular expression,
    compiled here. A key may appear in one section only. Anything else is an error
    naming the file and the key. (The result is shared: do not change it.)
    """
    file, text = _read(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PatternFileError(f"{file}:{exc.lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(data, dict):
        raise PatternFileError(f"{file}: expected a JSON object of sections, got {type(data).__name__}")
    sections: dict[str, dict[str, CueValue]] = {}
    seen: dict[str, str] = {}
    for section, entries in data.items():
        if section.startswith("_"):
            continue
        if not isinstance(entries, dict):
            raise PatternFileError(f"{file}: section {section!r} should be an object of cue keys")
        cues = sections[section] = {}
        for key, value in entries.items():
            if key.startswith("_"):
                continue
            if key in seen:
                raise PatternFileError(f"{file}: {key!r} is in both {seen[key]!r} and {section!r}; keep one")
            seen[key] = section
            cues[key] = _cue_value(file, key, value)
    return sections


def _cue_value(file: Path, key: str, value: object) -> CueValue:
    if key.endswith("_pattern"):
        if not isinstance(value, str):
            raise PatternFileError(f"{file}: {key!r} should hold a regular expression (a string)")
        try:
            return re.compile(value)
        except re.error as exc:
            raise PatternFileError(f"{file}: {key!r} is not a valid regular expression ({exc})") from exc
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return dict(value)
    raise PatternFileError(f"{file}: {key!r} should hold a word, a list of words or an object of words, "
                           f"not {type(value).__name__}")


_REGEX_META = re.compile(r"[\\()\[\]?*+{}^$.]")


@lru_cache(maxsize=16)
def load_boundaries(path: str) -> re.Pattern[str]:
    """One regular expression from a file of alternatives, literal words tried longest first.

    Lines that are patterns come first; each line's plain words are pooled, and at a
    position the longest that matches wins (共建 over 共). See :mod:`.alternation`.
    """
    patterns: list[str] = []
    words: set[str] = set()
    for line in load_words(path):
        if _REGEX_META.search(line):
            patterns.append(line)
        else:
            words.update(w for w in line.split("|") if w)
    return compile_alternation(patterns, words)


@lru_cache(maxsize=4)
def load_alias_notes(path: str) -> re.Pattern[str]:
    """One pattern for every alias note of the file (X(以下简称“Y”)), group 1 the short name."""
    return re.compile("|".join(f"(?:{line})" for line in load_words(path)))
