"""Words before a company's suffix that name no company: a legal form opening the name, a description,
a trade alone, a place alone (helpers of :mod:`.suffix`)."""

from __future__ import annotations

from ...ontology import PLACE_CLASSES
from .reach import after_places
from .scan import ShapeScan

__all__ = ["names_no_firm"]


def _described(lex, words: str) -> bool:
    """Generic and trade words, at least one of them generic (著名制药, not 文旅 of 文旅集团)."""
    return lex.descriptive.covers(words) and any(lex.generic.covers(words[i:j]) for i in range(len(words))
                                                 for j in range(i + 1, min(len(words), i + lex.generic.longest) + 1))


def _place_then_suffix(scan: ShapeScan, start: int, suffix_start: int) -> bool:
    """A listed place right before the suffix, and before it no name, listed or ending in a suffix: no
    brand whose branch there it would be (比亚迪日本公司, 横店集团日本公司 are names)."""
    place = next((c for c in scan.listed if c.end == suffix_start and c.label in PLACE_CLASSES
                  and start <= c.start), None)
    if place is None:
        return False
    return place.start - 1 not in scan.longest \
        and not any(c.end == place.start and c.label not in PLACE_CLASSES for c in scan.candidates)


def names_no_firm(scan: ShapeScan, suffix: str, start: int, suffix_start: int) -> bool:
    """The words from ``start`` to a company's suffix name no company: the legal form opens the name after
    its country (日本株式会社罗森), a description (日本著名制药公司), trade and generic words alone before
    公司 (航空公司代表, 翻译公司, 国外公司; not 四川航空公司, nor a group: 文旅集团), a place alone or a class of
    firms (借鉴日本公司, 许多日本公司, 顺德公司)."""
    text, lex = scan.text, scan.lex
    if suffix in lex.legal_forms and after_places(scan, start, suffix_start) == suffix_start:
        return True
    plain = suffix in lex.words["plain_company_suffixes"]
    if plain and _described(lex, text[after_places(scan, start, suffix_start):suffix_start]):
        return True
    if suffix in lex.words["bare_trade_suffixes"] and lex.descriptive.covers(text[start:suffix_start]):
        return True
    return plain and _place_then_suffix(scan, start, suffix_start)
