"""Cities no list holds, found by where they are written: right after their country or a foreign
province or prefecture, with 市 (韩国木浦市, 爱知县安城市)."""

from __future__ import annotations

from ...records import EntityKey
from ..candidates import Candidate
from .scan import ShapeScan
from .shape_rule import shape_rule

__all__ = ["foreign_city"]

#: How many places up the lists a province or prefecture is climbed to find its country.
_CLIMB = 4


@shape_rule("shape.foreign_city")
def foreign_city(scan: ShapeScan) -> list[Candidate]:
    """A city no list holds, written with 市 right after its country, or after a province or
    prefecture the lists put in a foreign country (爱知县安城市, 京畿道光明市), maybe with 的 between
    (塞尔维亚的苏博蒂察市), and ending where a list, a clause or the city's mayor goes on
    (韩国木浦市、新西兰纳皮尔市和…; 匈牙利佩奇市来参加; not 日本主要城市, nor 市 inside 鞍山市市委)."""
    text, raw, lex = scan.text, scan.raw, scan.lex
    words = lex.words
    follow, not_last, skip = words["foreign_city_follow"], words["foreign_city_not_last"], words["foreign_city_skip"]
    follow_words = tuple(words["foreign_city_follow_words"])
    found = []
    for opener in scan.listed:
        if not _foreign_opener(scan, opener, skip):
            continue
        at = opener.end + len(words["possessive"]) if text.startswith(words["possessive"], opener.end) else opener.end
        match = words["foreign_city_pattern"].match(text, at)  # two to five ideographs and 市
        if match is None or match.end() < len(text) and text[match.end()] not in follow \
                and not text.startswith(follow_words, match.end()):
            continue
        name = text[match.start():match.end() - 1]
        # (城市, 各市, 超市 are words; two characters after a prefecture name its city: 爱知县安城市)
        if (name[-1] in not_last and not (opener.label == "Region" and len(name) == 2)) \
                or lex.generic.covers(name) or lex.stops.search(name) \
                or any(scan.inside_listed[k] for k in range(match.start() + 1, match.end())):
            continue
        found.append(Candidate(match.start(), match.end(), "City", raw[match.start():match.end()], "shape",
                               priority=10, rule="shape.foreign_city"))
    return found


def _foreign_opener(scan: ShapeScan, place: Candidate, skip: list[str]) -> bool:
    """A listed country (not the home one), or a province or prefecture the lists put in one
    (爱知县 in 日本, 京畿道 in 韩国; not 苏南 in 江苏省 in 中国), that no name starting there holds,
    written in full (not 爱知 of 爱知县)."""
    if place.end in scan.name_starts or any(c.end > place.end and c.label == place.label
                                            for c in scan.listed_at.get(place.start, ())):
        return False
    if place.label == "Country":
        return scan.text[place.start:place.end] not in skip
    if place.label != "Region" or place.entry is None or not place.entry.parent:
        return False
    key: EntityKey | None = EntityKey(place.entry.parent, place.entry.parent_label or "Country")
    for _ in range(_CLIMB):
        if key is None or key.name in skip:
            return False
        if key.label == "Country" or scan.gazetteer is None:
            return True  # (without lists, the place given is taken as the country's)
        key = scan.gazetteer.parent(key)
    return False
