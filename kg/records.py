"""Typed value objects passed between the pipeline, the RDF writer and the evaluator."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, NamedTuple

__all__ = [
    "DateSource",
    "DateValue",
    "DocumentExtraction",
    "DocumentMetadata",
    "EntityKey",
    "EntityRecord",
    "Mention",
    "Method",
    "Money",
    "RelationRecord",
    "StatisticRecord",
]

Method = Literal["pattern", "name", "gazetteer"]
#: Where a document's date came from (``cj:dateSource``), in the order they are tried.
DateSource = Literal["metadata", "dateline", "fileName", "default"]


class EntityKey(NamedTuple):
    """What makes an entity one entity: its canonical name and its class.

    A named tuple: keys are hashed and compared millions of times per corpus,
    and a tuple does both in C.
    """

    name: str
    label: str

    def __str__(self) -> str:
        return f"{self.name}/{self.label}"


class Mention(NamedTuple):
    """One occurrence of an entity in the normalized text (``end`` is exclusive)."""

    key: EntityKey
    start: int
    end: int
    text: str
    rule: str = ""  # id of the rule that found the mention (``cj:rule``)


class EntityRecord(NamedTuple):
    """An entity of one document: canonical key, other surface forms, a person's title.

    (A named tuple, like the keys and mentions: a document has dozens of them.)
    """

    key: EntityKey
    aliases: tuple[str, ...] = ()
    job_title: str | None = None


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in units of an ISO 4217 currency (8489 万美元 → 84890000 USD)."""

    amount: Decimal
    currency: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as precise as the text: ``2021-06-18`` (date), ``2021-06`` (gYearMonth), ``2021`` (gYear)."""

    value: str
    precision: Literal["date", "gYearMonth", "gYear"]


class RelationRecord(NamedTuple):
    """A relation with its evidence: the sentence span in the normalized text."""

    subject: EntityKey
    predicate: str
    object: EntityKey
    start: int
    end: int
    evidence: str
    method: Method = "pattern"
    money: Money | None = None
    date: DateValue | None = None
    job_title: str | None = None
    rule: str = ""  # id of the rule that found the relation (``cj:rule``)


@dataclass(frozen=True, slots=True)
class StatisticRecord:
    """A figure that is not a relation, such as 苏州对日本贸易总额 234.7 亿美元."""

    subject: EntityKey
    measure: str
    value: Decimal
    unit: str
    start: int
    end: int
    evidence: str
    counterpart: EntityKey | None = None
    currency: str | None = None
    date: DateValue | None = None
    rule: str = ""  # id of the rule that found the figure


@dataclass(frozen=True, slots=True)
class DocumentMetadata:
    """What is known about a source document besides its text (all optional).

    ``date`` is the publication date and ``date_source`` says where it came
    from; ``record`` is the line of the record in a crawler export (JSON Lines
    or CSV) that held the article; ``pages`` are the offsets in the decoded text
    at which each page of a PDF starts (page 1 at offset 0).
    """

    title: str | None = None
    date: DateValue | None = None
    date_source: DateSource | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    media_type: str | None = None
    record: int | None = None
    pages: tuple[int, ...] = field(default=(), repr=False)

    def page_of(self, source_offset: int) -> int | None:
        """The page (from 1) that holds ``source_offset`` of the decoded text; ``None`` without pages.

        >>> DocumentMetadata(pages=(0, 120, 300)).page_of(150)
        2
        """
        if not self.pages:
            return None
        from bisect import bisect_right

        return max(bisect_right(self.pages, source_offset), 1)


@dataclass(frozen=True, slots=True)
class DocumentExtraction:
    """Everything extracted from one source document."""

    file_name: str
    content_hash: str
    text: str
    entities: tuple[EntityRecord, ...]
    mentions: tuple[Mention, ...]
    relations: tuple[RelationRecord, ...]
    statistics: tuple[StatisticRecord, ...] = ()
    source_offsets: tuple[int, ...] = field(default=(), repr=False)
    metadata: DocumentMetadata = DocumentMetadata()

    def source_offset(self, offset: int) -> int:
        """Map an offset in the normalized text back to the decoded source file."""
        if not self.source_offsets:
            return offset
        if offset >= len(self.source_offsets):
            return self.source_offsets[-1]
        return self.source_offsets[offset]
