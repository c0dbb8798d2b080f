"""From a decoded source file to a :class:`~kg.records.DocumentExtraction`."""

from __future__ import annotations

from spacy.language import Language

from dataclasses import replace

from .reading import SourceFile, with_date
from .records import (
    DocumentExtraction, DocumentMetadata, EntityKey, EntityRecord, Mention, RelationRecord, StatisticRecord,
)
from .glosses import restore_glosses, strip_glosses
from .textnorm import WINDOW, normalize, text_windows

__all__ = ["extract_source", "extract_text"]


def extract_text(nlp: Language, text: str, *, file_name: str = "<text>", content_hash: str | None = None,
                 document_date: str | None = None, metadata: DocumentMetadata | None = None,
                 window: int = WINDOW) -> DocumentExtraction:
    """Repair ``text``, run the pipeline on it and collect the results.

    ``document_date`` (ISO: ``2024-04-22``, ``2024-04`` or ``2024``) resolves the
    text's relative dates (今年, 去年 …); ``metadata`` is carried into the result.

    A text longer than ``window`` characters (a whole PDF page, a scraped dump) is read
    window by window, each cut at a paragraph end (:func:`kg.textnorm.text_windows`):
    the offsets of what each window finds are shifted to the whole text, an entity found
    in several windows is one record (its surface forms together), and only one window's
    pipeline document is held at a time, so memory and time follow the window, not the
    file. A text that fits in one window is read whole, as before.

    A text with inline pinyin glosses (集團(tuán), :mod:`kg.glosses`) is read without them;
    what is found there is mapped back to the text as written, names with their glosses.
    """
    import hashlib

    normalized = normalize(text)
    entities: dict[EntityKey, EntityRecord] = {}
    mentions: list[Mention] = []
    relations: list[RelationRecord] = []
    statistics: list[StatisticRecord] = []
    plain = strip_glosses(normalized.text)
    reading = plain.text if plain is not None else normalized.text
    spaces = (normalized.spaces if plain is None
              else frozenset(plain.from_written(i) for i in normalized.spaces))
    for start, end in text_windows(reading, window):
        doc = nlp.make_doc(reading[start:end] if (start, end) != (0, len(reading)) else reading)
        doc._.document_date = document_date  # read by kg_values for 今年/去年
        doc._.spaces = frozenset(i - start for i in spaces if start < i < end)  # read by kg_people
        doc = nlp(doc)
        for record in doc._.entities.values():
            _merge_entity(entities, record)
        if start == 0:
            mentions.extend(doc._.mentions)
            relations.extend(doc._.relations)
            statistics.extend(doc._.statistics)
        else:
            mentions.extend(m._replace(start=m.start + start, end=m.end + start) for m in doc._.mentions)
            relations.extend(r._replace(start=r.start + start, end=r.end + start) for r in doc._.relations)
            statistics.extend(replace(s, start=s.start + start, end=s.end + start) for s in doc._.statistics)
        del doc
    if plain is not None:
        found, mentions, relations, statistics = restore_glosses(
            plain, normalized.text, entities.values(), mentions, relations, statistics)
        entities = {record.key: record for record in found}
    return DocumentExtraction(
        file_name=file_name,
        content_hash=content_hash or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=normalized.text,
        entities=tuple(entities.values()),
        mentions=tuple(mentions),
        relations=tuple(relations),
        statistics=tuple(statistics),
        source_offsets=normalized.source_offsets,
        metadata=metadata if metadata is not None else DocumentMetadata(),
    )


def _merge_entity(entities: dict[EntityKey, EntityRecord], record: EntityRecord) -> None:
    """Add ``record`` to ``entities``; an entity seen in an earlier window keeps its record, with the
    surface forms of both and the first title found."""
    found = entities.get(record.key)
    if found is None:
        entities[record.key] = record
        return
    aliases = tuple(dict.fromkeys((*found.aliases, *record.aliases)))
    entities[record.key] = found._replace(aliases=aliases, job_title=found.job_title or record.job_title)


def extract_source(nlp: Language, source: SourceFile, *, document_date: str | None = None) -> DocumentExtraction:
    """Extract one article (its name, content hash and metadata go into the provenance).

    The article's own date (from its metadata, dateline or file name, see
    :func:`kg.reading.with_date`) resolves its relative dates; ``document_date``
    (``kg build --date``) is the default for an article that has none.
    """
    if source.metadata.date is None and document_date:
        source = with_date(replace(source, metadata=replace(source.metadata, date_source=None)), default=document_date)
    date = source.metadata.date
    return extract_text(nlp, source.text, file_name=source.name, content_hash=source.content_hash,
                        document_date=date.value if date is not None else None, metadata=source.metadata)
