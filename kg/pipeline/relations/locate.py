"""``locatedIn`` stated in a sentence: 位于X的Y, Y位于X, 在Z设立B, and places side by side (江苏苏州).

(What names and gazetteers say of places is ``kg_containment``'s.)
"""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ...records import Mention
from .base import PLACES_BUT_ZONES, RANK, Fact, Sentence, relation_rule
from .establish import establishments
from .invest import investments

__all__ = ["adjacent_places", "cue", "founder_place", "place_before_body", "set_up_in"]


@relation_rule("locatedIn.cue", gate=("locate",), cues=("attributive_links",))
def cue(s: Sentence) -> Iterator[Fact]:
    """位于X的Y / Y位于X: the places right after the cue contain the name after them, or else the
    name just before the cue (位于沈阳经济技术开发区的华晨宝马汽车有限公司扩产)."""
    text, sentence = s.text, s.mentions
    for cue_start, cue_end, _ in s.find("locate"):
        first = s.first_after(cue_end)
        if first is None or sentence[first].start != cue_end:
            continue
        places: list[Mention] = []
        i = first
        while i < len(sentence) and sentence[i].key.label in PLACE_CLASSES \
                and text[(places[-1].end if places else cue_end):sentence[i].start] == "":
            places.append(sentence[i])
            i += 1
        if not places:
            continue
        if i < len(sentence) and text[places[-1].end:sentence[i].start] in s.lex["attributive_links"]:
            thing: Mention | None = sentence[i]  # 位于X的Y
        else:
            before = [m for m in sentence if m.end <= cue_start and cue_start - m.end <= 3]
            thing = before[-1] if before else None  # Y位于X
        if thing is not None:
            for place in places:
                yield Fact(thing.key, "locatedIn", place.key, cue_start)


def _set_up(s: Sentence, cue_start: int, targets: list[Mention]) -> Iterator[Fact]:
    at = s.text.rfind(s.lex["place_marker"], s.start, cue_start)
    if at < 0:
        return
    places = [m for m in s.mentions if at < m.start and m.end <= cue_start and m.key.label in PLACE_CLASSES][:1]
    for place in places:
        for target in targets:
            if target.key != place.key:
                yield Fact(target.key, "locatedIn", place.key, place.start)


@relation_rule("locatedIn.set_up_in", gate=("establish",), cues=("place_marker",))
def set_up_in(s: Sentence) -> Iterator[Fact]:
    """在Z设立B: what is set up lies in the place after 在 (在宁波设立旭荣(宁波)新材料有限公司)."""
    for investment in investments(s):
        if investment.found_by == "founders":
            yield from _set_up(s, investment.establish[0], investment.targets)
    for establishment in establishments(s):
        if establishment.found_by != "by_founders":
            yield from _set_up(s, establishment.at, [establishment.target])


@relation_rule("locatedIn.founder_place", gate=("establish",))
def founder_place(s: Sentence) -> Iterator[Fact]:
    """A place that sets up a zone contains it (相城区获批设立中日地方发展合作示范区)."""
    for establishment in establishments(s):
        if establishment.found_by == "by_founders" or establishment.target.key.label != "Zone":
            continue
        for founder in establishment.founders:
            if founder.label in ("City", "District", "Region", "Zone"):
                yield Fact(establishment.target.key, "locatedIn", founder, establishment.at)


@relation_rule("locatedIn.adjacent_places", cues=("town_suffixes",))
def adjacent_places(s: Sentence) -> Iterator[Fact]:
    """A place right before a smaller one contains it (辽宁沈阳, 吴中区胥口镇, 日本东京)."""
    towns = s.lex["town_suffixes"]
    for left, right in zip(s.mentions, s.mentions[1:]):
        if left.end != right.start or left.key.label not in PLACES_BUT_ZONES or right.key.label not in PLACE_CLASSES:
            continue
        town = right.key.label == left.key.label == "District" and right.key.name.endswith(towns)
        if RANK[right.key.label] > RANK[left.key.label] or town:
            yield Fact(right.key, "locatedIn", left.key, right.start)


@relation_rule("locatedIn.place_before_body")
def place_before_body(s: Sentence) -> Iterator[Fact]:
    """A city or district right before a body's name contains it (苏州松下电器 when the lists
    know 松下电器)."""
    for left, right in zip(s.mentions, s.mentions[1:]):
        if left.end == right.start and left.key.label in ("City", "District") \
                and right.key.label in ORGANIZATION_CLASSES:
            yield Fact(right.key, "locatedIn", left.key, right.start)
