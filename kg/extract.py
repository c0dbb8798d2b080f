"""From a decoded source file to a :class:`~kg.records.DocumentExtraction`."""

from __future__ import annotations

from spacy.language import Language

from dataclasses import replace

from .reading import SourceFile, with_date
from .records import DocumentExtraction, DocumentMetadata
from .textnorm import normalize

__all__ = ["extract_source", "extract_text"]


def extract_text(nlp: Language, text: str, *, file_name: str = "<text>", content_hash: str | None = None,
                 document_date: str | None = None, metadata: DocumentMetadata | None = None) -> DocumentExtraction:
    """Repair ``text``, run the pipeline on it and collect the results.

    ``document_date`` (ISO: ``2024-04-22``, ``2024-04`` or ``2024``) resolves the
    text's relative dates (今年, 去年 …); ``metadata`` is carried into the result.
    """
    import hashlib

    normalized = normalize(text)
    doc = nlp.make_doc(normalized.text)
    doc._.document_date = document_date  # read by kg_values for 今年/去年
    doc = nlp(doc)
    return DocumentExtraction(
        file_name=file_name,
        content_hash=content_hash or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=normalized.text,
        entities=tuple(doc._.entities.values()),
        mentions=tuple(doc._.mentions),
        relations=tuple(doc._.relations),
        statistics=tuple(doc._.statistics),
        source_offsets=normalized.source_offsets,
        metadata=metadata if metadata is not None else DocumentMetadata(),
    )


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
