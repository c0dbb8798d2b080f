"""``kg_values``: money amounts and dates, normalized, with their spans."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..values import find_dates, find_money

__all__ = ["ValueFinder"]


class ValueFinder:
    """Sets ``doc._.money`` to ``(start, end, Money)`` and ``doc._.dates`` to ``(start, end, DateValue)``.

    Both are read off the folded text (１９８１年, 1.5億美元), at the offsets of the original.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        folded = doc._.folded
        doc._.money.extend(find_money(folded))
        doc._.dates.extend(find_dates(folded, document_date=doc._.document_date))
        return doc


@Language.factory("kg_values", assigns=["doc._.money", "doc._.dates"])
def make_values(nlp: Language, name: str) -> ValueFinder:
    return ValueFinder(nlp, name)
