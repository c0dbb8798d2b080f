"""``kg_values``: money amounts and dates, normalized, with their spans."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..values import find_dates, find_money

__all__ = ["ValueFinder"]


class ValueFinder:
    """Sets ``doc._.money`` to ``(start, end, Money)`` and ``doc._.dates`` to ``(start, end, DateValue)``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.money.extend(find_money(doc._.text))
        doc._.dates.extend(find_dates(doc._.text, document_date=doc._.document_date))
        return doc


@Language.factory("kg_values", assigns=["doc._.money", "doc._.dates"])
def make_values(nlp: Language, name: str) -> ValueFinder:
    return ValueFinder(nlp, name)
