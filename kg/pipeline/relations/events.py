"""What an event's name says about it: the place or body it opens with (2023成都日本经贸交流会),
the place in its brackets (2023宁波（东京）投资合作推介会)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ...records import EntityKey, Mention
from ..candidates import candidate_key
from ..marks import CLOSE, OPEN
from ..view import DocView
from .lexicon import RelationLexicon, reads

__all__ = ["EventNames", "event_names", "name_opening", "stated"]

reads("name_opening", "event_ordinal_pattern", "place_marker")


def stated(view: DocView, predicate: str) -> set[EntityKey]:
    """The subjects of ``predicate`` facts stated in words (method ``pattern``) so far."""
    return {r.subject for r in view.relations if r.method == "pattern" and r.predicate == predicate}


def name_opening(view: DocView, lex: RelationLexicon) -> Iterator[tuple[Mention, str, EntityKey, int]]:
    """Each event mention whose name opens (after its edition or year, or 在, or a country before a
    place: 中国盐城…) with a listed or shaped name: ``(mention, "place" or "body", that name, where
    it ends)``."""
    text, ordinal, place_word = view.folded, lex["event_ordinal_pattern"], lex["place_marker"]
    for mention in view.mentions:
        if mention.key.label != "Event":
            continue
        match = ordinal.match(view.folded, mention.start, mention.end)
        begin = match.end() if match else mention.start
        inner = _inner(view, mention, begin)
        # 中国盐城(东京)…: the place after the country
        if inner and inner[0].label == "Country" and inner[0].start == begin:
            after = _inner(view, mention, inner[0].end)
            if after and after[0].start == inner[0].end and after[0].label in PLACE_CLASSES:
                inner = after
                begin = after[0].start
        # 在东京遇见无锡: after 在, the place where it is held
        after_place_word = text.startswith(place_word, begin)
        for cand in inner[:1]:
            if cand.start != begin and not (after_place_word and cand.start == begin + len(place_word)):
                continue
            if cand.label in ("City", "District") or (after_place_word and cand.label in PLACE_CLASSES):
                yield mention, "place", candidate_key(cand, view.folded), cand.end
            elif cand.label in ORGANIZATION_CLASSES or cand.label == "Zone":
                yield mention, "body", candidate_key(cand, view.folded), cand.end


def _inner(view: DocView, mention: Mention, begin: int) -> list:
    found = [c for c in view.candidates_at(begin) + view.candidates_at(begin + 1)
             if c.end < mention.end and c.source in ("gazetteer", "shape") and c.label != "Event"]
    return sorted(found, key=lambda c: (c.start, -c.length))


def _bracketed(view: DocView, mention: Mention) -> tuple[int, EntityKey] | None:
    """A listed city or region alone in brackets right after a place inside an event's name
    (宁波（东京）… → 东京; not 中日（广州）…, not …中日(苏州)合作示范区…)."""
    text = view.folded
    for i in range(mention.start + 1, mention.end - 1):
        if text[i] not in OPEN or not any(c.end == i and c.source == "gazetteer" and c.label in PLACE_CLASSES
                                           for c in view.places_between(mention.start, i)):
            continue
        close = next((j for j in range(i + 1, min(mention.end, i + 10)) if text[j] in CLOSE), None)
        if close is None:
            continue
        inside = [c for c in view.places_between(i + 1, i + 2)
                  if c.source == "gazetteer" and c.end == close and c.label in ("City", "Region", "District")]
        before = [c for c in view.places_between(mention.start, i) if c.end == i and c.entry is not None]
        if inside and any(_part_of(view, max(inside, key=lambda c: c.length).entry, b.entry.canonical) for b in before):
            return None  # 青山省(白河市)…交流会: the city says which part of the province, not where it is held
        if inside:
            return mention.start, candidate_key(max(inside, key=lambda c: c.length), view.folded)
    return None


def _part_of(view: DocView, entry, outer: str) -> bool:
    """The listed place of ``entry`` lies in the one named ``outer`` (three levels up at most)."""
    for _ in range(3):
        if entry is None or not entry.parent or view.gazetteer is None:
            return False
        if entry.parent == outer:
            return True
        entry = view.gazetteer.lookup(entry.parent)
    return False


reads("event_names", "event_pair_pattern")


def _paired(view: DocView, lex: RelationLexicon, end: int) -> str | None:
    """What a joining mark after the place that opens the event's name joins it to (宁波·长冈京… →
    "", 东莞—日本… → "Country", 南宁市与日本秋田市… → "City": the town after a country);
    ``None``: no mark."""
    mark = lex["event_pair_pattern"].match(view.folded, end)
    if mark is None:
        return None
    after = [c for c in view.candidates_at(mark.end()) if c.source == "gazetteer" and c.label in PLACE_CLASSES]
    if not after:
        return ""
    partner = max(after, key=lambda c: c.length)
    if partner.label == "Country":  # (a city of that country; but 大连•日本关西…: a city meets a wide area)
        inner = [c for c in view.candidates_at(partner.end) if c.source == "gazetteer" and c.label in _TOWNS]
        if inner:
            return max(inner, key=lambda c: c.length).label
    return partner.label


#: The places after a country that make a name's pair two towns (南宁市与日本秋田市).
_TOWNS = frozenset({"City", "District"})


def _in_inner_event(view: DocView, mention: Mention, end: int) -> bool:
    """The place ending at ``end`` opens a listed event named inside ``mention`` (大阪 of 大阪世博会 in
    大阪世博会中国馆四川活动周…恳谈会): it says where that event is."""
    return any(c.label == "Event" and c.source == "gazetteer" and c.start < end < c.end < mention.end
               for at in range(mention.start, end) for c in view.candidates_at(at))


@dataclass
class EventNames:
    """What the names of one event say: the place it opens with, a body it opens with, the place
    in its brackets (each with the offset of the mention that says it)."""

    opening: tuple[int, EntityKey] | None = None
    body: tuple[int, EntityKey] | None = None
    bracket: tuple[int, EntityKey] | None = None
    paired: str | None = None  # what a mark after the opening place joins it to (宁波·长冈京…, 东莞—日本…)
    #: the one place in brackets after the countries that open the name (中日(茂名)…交流会)
    country_bracket: tuple[int, EntityKey] | None = None
    #: the opening place is the first word of another event named inside (大阪世博会中国馆…恳谈会)
    inner_event: bool = False
    #: the place whose day or week the event is, right before its suffix (福州日, 日本大分周, …四川活动周)
    promoted: tuple[int, EntityKey] | None = None
    #: the town right before the suffix of a summit or exposition named after its host (G20大阪峰会)
    hosted: tuple[int, EntityKey] | None = None


def event_names(view: DocView, lex: RelationLexicon) -> dict[EntityKey, EventNames]:
    """Per event, what its names say (the first mention that says each)."""
    found: dict[EntityKey, EventNames] = {}
    for mention, kind, key, end in name_opening(view, lex):
        names = found.setdefault(mention.key, EventNames())
        if kind == "place" and names.opening is None:
            names.opening = (mention.start, key)
            names.paired = _paired(view, lex, end)
            names.inner_event = _in_inner_event(view, mention, end)
        elif kind == "body" and names.body is None:
            names.body = (mention.start, key)
    for mention in view.mentions:
        if mention.key.label == "Event":
            bracket = _bracketed(view, mention)
            names = found.setdefault(mention.key, EventNames())
            if bracket is not None and names.bracket is None:
                names.bracket = bracket
            country = _country_bracket(view, lex, mention)
            if country is not None and names.country_bracket is None:
                names.country_bracket = country
            promoted = _promoted(view, lex, mention)
            if promoted is not None and names.promoted is None:
                names.promoted = promoted
            hosted = _hosted(view, lex, mention)
            if hosted is not None and names.hosted is None:
                names.hosted = hosted
    return found


reads("event_names", "promotion_suffixes")
#: Places whose day or week an event may be.
_PROMOTED = frozenset({"City", "Region", "District"})


def _promoted(view: DocView, lex: RelationLexicon, mention: Mention) -> tuple[int, EntityKey] | None:
    """The listed place right before a day's or week's suffix that ends the name (福州日, 日本大分周,
    大阪世博会中国馆四川活动周 → 福州, 大分, 四川): the place the event promotes."""
    text = view.folded
    for suffix in lex["promotion_suffixes"]:
        if not text.startswith(suffix, mention.end - len(suffix)):
            continue
        before = mention.end - len(suffix)
        inside = [c for c in view.places_between(mention.start, before) if c.end == before and c.source == "gazetteer"
                  and c.label in _PROMOTED]
        if inside:
            return mention.start, candidate_key(max(inside, key=lambda c: c.length), view.folded)
    return None


reads("event_names", "host_event_suffixes", "event_pair_pattern")


def _hosted(view: DocView, lex: RelationLexicon, mention: Mention) -> tuple[int, EntityKey] | None:
    """The listed town right before the suffix of a summit or exposition named after its host, or
    before a region joined to it (G20大阪峰会, 世界互联网大会乌镇峰会, 大阪・关西世博会 → 大阪; not
    中日峰会: countries meet, a region alone is no host)."""
    text = view.folded
    for suffix in lex["host_event_suffixes"]:
        if not text.startswith(suffix, mention.end - len(suffix)):
            continue
        end = mention.end - len(suffix)
        for _ in range(2):
            before = [c for c in view.places_between(mention.start, end) if c.end == end and c.source == "gazetteer"]
            if not before:
                return None
            place = max(before, key=lambda c: c.length)
            if place.label in _TOWNS:
                return mention.start, candidate_key(place, view.folded)
            mark = next((at for at in range(max(mention.start, place.start - 2), place.start)
                         if lex["event_pair_pattern"].fullmatch(text, at, place.start)), None)
            if place.label != "Region" or mark is None:
                return None
            end = mark  # 大阪・关西: the town joined to the region
    return None


reads("event_names", "event_country_bracket_pattern")


def _country_bracket(view: DocView, lex: RelationLexicon, mention: Mention) -> tuple[int, EntityKey] | None:
    """The one listed city alone in brackets after the countries that open an event's name, past
    its edition or year (中日(茂名)经贸交流会, 中国(潍坊)-日本…交流会 → 茂名, 潍坊; not 中日(重庆·潼南)…)."""
    text = view.folded
    ordinal = lex["event_ordinal_pattern"].match(text, mention.start, mention.end)
    opening = lex["event_country_bracket_pattern"].match(text, ordinal.end() if ordinal else mention.start, mention.end)
    if opening is None:
        return None
    close = next((j for j in range(opening.end(), min(mention.end, opening.end() + 8)) if text[j] in CLOSE), None)
    inside = [c for c in view.places_between(opening.end(), opening.end() + 1) if close is not None
              and c.source == "gazetteer" and c.start == opening.end() and c.end == close and c.label in _TOWNS]
    if not inside:
        return None
    return mention.start, candidate_key(max(inside, key=lambda c: c.length), view.folded)
