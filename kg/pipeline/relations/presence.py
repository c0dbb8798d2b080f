"""``locatedIn`` from what a place is said to have: the firms listed as its own (在P，日资企业约有400家，
包括A、B; A、B等多家日资企业已在P稳步发展)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from .base import PLACES_BUT_ZONES, Fact, Sentence, enumeration, relation_rule
from .locate import _items_before

__all__ = ["first_firm", "place_firms"]

_FIRM_REACH = 60  # 宝山区在…等战略性新兴产业都活跃着一大批日资企业，比如: the place and the list this far apart at most


@relation_rule("locatedIn.place_firms", gate=("firm_examples", "firm_presence"),
               cues=("firm_words", "presence_gap_pattern", "settle_gap_pattern", "place_marker"))
def place_firms(s: Sentence) -> Iterator[Fact]:
    """The firms a place is said to have lie in it: P…(日资)企业…，包括/比如A、B、C (在安徽省，日资企业约有400家，
    包括日立、东芝…; 宝山区…活跃着一大批日资企业，比如A、B), and A、B等(多家)…企业(已)在P(稳步)发展/经营; not a
    place another body stands after, nor one far before (what a place's firms do elsewhere is theirs)."""
    text, firm_words = s.text, tuple(s.lex["firm_words"])
    for cue_start, cue_end, _ in s.find("firm_examples"):
        first = s.first_after(cue_end)
        if first is None or s.mentions[first].start != cue_end:
            continue
        before = [m for m in s.mentions if m.end <= cue_start]
        if not before or before[-1].key.label not in PLACES_BUT_ZONES | {"Zone"} or before[-1].key.label == "Country":
            continue
        place, between = before[-1], text[before[-1].end:cue_start]
        if len(between) > _FIRM_REACH or not any(w in between for w in firm_words):
            continue
        _, c_end = s.clause_of(cue_end)
        for item in enumeration(s, first, ORGANIZATION_CLASSES, c_end):
            yield Fact(item.key, "locatedIn", place.key, cue_start)
    marker = s.lex["place_marker"]
    for cue_start, _, _ in s.find("firm_presence"):
        place = next((m for m in reversed(s.mentions) if m.end <= cue_start), None)
        if place is None or place.key.label not in PLACE_CLASSES or place.key.label == "Country" \
                or not text.endswith(marker, 0, place.start) \
                or not s.lex["presence_gap_pattern"].match(text[place.end:cue_start]):
            continue
        at = place.start - len(marker)
        last = [m for m in s.mentions if m.end <= at]
        gap = text[last[-1].end:at] if last else ""
        if not last or not any(w in gap for w in firm_words) or not s.lex["settle_gap_pattern"].match(gap):
            continue  # (A在P发展: one firm's growth; A、B等日资企业已在P稳步发展: the list's)
        items = _items_before(s, last[-1].end)
        if len(items) > 1:
            for item in items:
                yield Fact(item.key, "locatedIn", place.key, cue_start)


@relation_rule("locatedIn.first_firm", gate=("first_firm",),
               cues=("first_firm_gap_pattern", "first_firm_kind_pattern", "first_firm_before_pattern"))
def first_firm(s: Sentence) -> Iterator[Fact]:
    """The first firm of its kind a place has lies in it: P(的)首家/第一家…企业——A (江阴首家日资企业——A成立以来;
    福州在全国率先成立首家中日合资企业——A), and A落户，成为P首家…企业; not a country's first (中国首家…: a
    firm of anywhere in it), nor a place far before the word."""
    text = s.text
    for cue_start, cue_end, _ in s.find("first_firm"):
        c_start, _ = s.clause_of(cue_start)
        place = next((m for m in reversed(s.mentions) if c_start <= m.start and m.end <= cue_start), None)
        if place is None or place.key.label not in PLACE_CLASSES or place.key.label == "Country" \
                or not s.lex["first_firm_gap_pattern"].fullmatch(text, place.end, cue_start):
            continue
        kind = s.lex["first_firm_kind_pattern"].match(text, cue_end, s.end)
        if kind is None:
            continue
        firm = next((m for m in s.mentions if m.start == kind.end()), None)
        if firm is None:  # (A落户，成为P首家…企业)
            firm = next((m for m in reversed(s.mentions) if m.end <= place.start), None)
            if firm is not None and not s.lex["first_firm_before_pattern"].match(text, firm.end, place.start):
                firm = None
        if firm is not None and firm.key.label in ORGANIZATION_CLASSES:
            yield Fact(firm.key, "locatedIn", place.key, cue_start)
