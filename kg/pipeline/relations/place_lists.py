"""``locatedIn`` of a list written after the place it lies in (厦门火炬高新区企业A、B、C; 中部地区的三重、爱知)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import PLACE_CLASSES
from ...records import Mention
from .base import ORGS_AND_ZONES, RANK, Fact, Sentence, relation_rule
from .lexicon import reads
from .locate import _elsewhere
from .place_before import _opens_with_place

__all__ = ["list_place"]

reads("locatedIn", "list_item_links", "multi_region_suffixes")


def _items(s: Sentence, first: int) -> list[Mention]:
    """The mentions from index ``first`` on joined by 、 (or 和, 及 before the last)."""
    items = [s.mentions[first]]
    for mention in s.mentions[first + 1:]:
        if s.text[items[-1].end:mention.start] not in s.lex["list_item_links"]:
            break
        items.append(mention)
    return items


def _inside(s: Sentence, place: Mention, item: Mention) -> bool:
    """Whether ``item`` is of a kind ``place`` holds: a smaller place the lists put in no other country
    (a region in a multi-city region: 中部地区的三重), or a body or zone that names no place of its own."""
    if item.key.label in PLACE_CLASSES and item.key.label != "Zone":
        smaller = RANK[item.key.label] > RANK[place.key.label] or (
            item.key.label == place.key.label == "Region" and place.key.name.endswith(s.lex["multi_region_suffixes"]))
        return smaller and not _elsewhere(s.view.gazetteer, item.key, place.key)
    return item.key.label in ORGS_AND_ZONES and not _opens_with_place(s, item)


@relation_rule("locatedIn.list_place", cues=("list_place_links", "list_item_links", "multi_region_suffixes"))
def list_place(s: Sentence) -> Iterator[Fact]:
    """A place written right before a list, or joined to it by 的 or 企业, contains each item of the list
    of a kind it holds, up to the first that is not (厦门火炬高新区企业A、B、C等10个项目 → each; 德国的奔驰、宝马公司;
    日本中部地区的三重、爱知、长野 → 中部地区); bodies only after 的 or 企业 (日本瑞穗银行、欧姆龙: the bank's
    name), and the list has two items or more (one is locatedIn.adjacent_places'/place_before_body's)."""
    mentions, text = s.mentions, s.text
    for i, place in enumerate(mentions[:-2]):
        if place.key.label not in PLACE_CLASSES:
            continue
        link = text[place.end:mentions[i + 1].start]
        if link not in s.lex["list_place_links"]:
            continue
        items = _items(s, i + 1)
        bodies = items[0].key.label not in PLACE_CLASSES or items[0].key.label == "Zone"
        if len(items) < 2 or (bodies and not link):
            continue
        for item in items:
            if (item.key.label in ORGS_AND_ZONES) != bodies or not _inside(s, place, item):
                break
            if item.key != place.key:
                yield Fact(item.key, "locatedIn", place.key, item.start)
