"""A name found on its own ends the reach of a longer one found by its suffix (他说上个月永旺集团 → 永旺集团).

Read by :mod:`.suffix` after all suffixes of the text are read.
"""

from __future__ import annotations

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ..candidates import Candidate
from .reach import PLACED, after_places
from .scan import ShapeScan

__all__ = ["known_inside"]


def _family(label: str) -> str:
    """Companies are companies; bodies and other organisations are one family (a body the lists
    know as an association)."""
    return label if label not in ORGANIZATION_CLASSES or label == "Company" else "Organization"


def _clause_before(scan: ShapeScan, start: int, at: int) -> bool:
    """``text[start:at]`` reads as words of a clause, not as a part of a name: three characters
    or more, or ending in a boundary word, and no places (曹建新与 | 阪田油墨株式会社; not 广汽 |
    丰田汽车有限公司, nor the unlisted short forms 守口门真 | 日中友好协会)."""
    if not (at - start >= 3 or any(m.end() == at and m.end() > m.start()
                                   for m in scan.lex.stops.finditer(scan.text, start, at))):
        return False
    return not _places_only(scan, scan.text[start:at])


def _places_only(scan: ShapeScan, words: str) -> bool:
    """``words`` are places one after another, listed or the short forms of listed ones (守口 of 守口市)."""
    if scan.gazetteer is None:
        return False
    reachable = [True] + [False] * len(words)
    for i in range(len(words)):
        if reachable[i]:
            for j in range(i + 2, min(len(words), i + 6) + 1):
                piece = words[i:j]
                if any((entry := scan.gazetteer.lookup(piece + tail)) is not None and entry.label in PLACE_CLASSES
                       for tail in scan.lex.place_tails):
                    reachable[j] = True
    return reachable[-1]


def known_inside(scan: ShapeScan, found: list[Candidate]) -> list[Candidate]:
    """A name found on its own (listed, or found elsewhere in the text) ends the reach of a longer
    one of its family that ends where it ends, unless a listed name or 株式会社 opens the longer one: the words
    before it are a clause's (他说上个月永旺集团 → 永旺集团, listed; 曹建新与阪田油墨株式会社 →
    阪田油墨株式会社, named on its own elsewhere; 市长对县政府给予泰拉尔公司 → 泰拉尔公司, where
    泰拉尔株式会社 is named)."""
    text = scan.text
    named = {(_family(c.label), text[c.start:c.end]) for c in found if c.source == "shape" and c.label in PLACED}
    if not named:
        return found
    listed_ends: dict[tuple[int, str], list[int]] = {}
    for c in scan.listed:
        if c.label in PLACED:
            listed_ends.setdefault((c.end, _family(c.label)), []).append(c.start)
    # a company's name without its places and suffix (泰拉尔 of 日本泰拉尔株式会社): 泰拉尔公司 is it too
    cores = {text[after_places(scan, c.start, c.end - len(scan.longest[c.end - 1])):c.end - len(scan.longest[c.end - 1])]
             for c in found if c.source == "shape" and c.label == "Company"}
    kept: list[Candidate] = []
    for cand in found:
        if cand.source != "shape" or cand.label not in PLACED or cand.start in scan.name_starts:
            kept.append(cand)
            continue
        family, name = _family(cand.label), text[cand.start:cand.end]
        at = min((s for s in listed_ends.get((cand.end, family), ()) if s > cand.start), default=None)
        if at is not None and _clause_before(scan, cand.start, at):
            continue  # the listed name is the name
        bare = len(name) - len(scan.longest[cand.end - 1]) if cand.label == "Company" else 0
        at = next((cand.start + k for k in range(1, len(name) - 1)
                   if (family, name[k:]) in named or (k + 2 <= bare and name[k:bare] in cores)), None)
        if at is not None and _clause_before(scan, cand.start, at):
            kept.append(cand._replace(start=at, text=scan.raw[at:cand.end], extra_aliases=()))
        else:
            kept.append(cand)
    return kept
