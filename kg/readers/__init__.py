"""Readers for the formats ``kg build`` takes, each turning one file into source records.

- plain text (``.txt``, ``.md``): :func:`kg.reading.read_source`, one article per file;
- PDF pages (``.pdf``): :mod:`kg.readers.pdf`, the text of every page in reading order;
- web pages (``.html``, ``.htm``): :mod:`kg.readers.html`, the main text and the page's metadata;
- crawler exports (``.jsonl``, ``.csv``): :mod:`kg.readers.exports`, one article per record.

Each reader yields :class:`kg.reading.SourceFile` records (or the
:class:`~kg.errors.UnreadableFileError` that stopped one) carrying a
:class:`~kg.records.DocumentMetadata`; :mod:`kg.readers.dates` gives each its date.
"""

from __future__ import annotations

__all__: list[str] = []
