"""From a decoded source file to a :class:`~kg.records.DocumentExtraction`."""

from __future__ import annotations

from spacy.language import Language

from .reading import SourceFile
from .records import DocumentExtraction
from .textnorm import normalize

__all__ = ["extract_source", "extract_text"]


def extract_text(nlp: Language, text: str, *, file_name: str = "<text>", content_hash: str | None = None,
                 document_date: str | None = None) -> DocumentExtraction:
    """Repair ``text``, run the pipeline on it and collect the results."""
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
    )


def extract_source(nlp: Language, source: SourceFile, *, document_date: str | None = None) -> DocumentExtraction:
    """Extract one decoded file (its name and content hash go into the provenance)."""
    return extract_text(nlp, source.text, file_name=source.name, content_hash=source.content_hash,
                        document_date=document_date)
