"""``visited``: who goes where (赴, 来到, 拜访, 考察 …).

For each cue the places and bodies visited follow it (拜访了丰田、电装等企业; after 在
the place before it is visited too); who visits is named before it in its clause,
or 他 (the last person named), or carried from the clause or sentence before in the
paragraph, or else the article's home city. Each source of the visitor is a rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ...ontology import PLACE_CLASSES
from ...records import EntityKey, Mention
from ..candidates import candidate_key
from .base import VISITED, VISITORS, Fact, Sentence, enumeration, relation_rule
from .lexicon import reads

__all__ = ["carried_visitor", "delegation_origin", "frames", "home_city", "named_visitor", "pronoun"]

_GATE = ("visit",)


class Visit(NamedTuple):
    """One visit cue: where it is, what is visited, and who visits with the source of each visitor."""

    at: int
    objects: list[Mention]
    subjects: list[tuple[EntityKey, str]]


def _place_in_name(s: Sentence, mention: Mention) -> EntityKey | None:
    """The listed place a name opens with (沈阳 in 沈阳市经贸代表团)."""
    found = [c for c in s.view.candidates_at(mention.start) if c.end < mention.end and c.entry is not None
             and c.label in ("City", "Region", "District")]
    if not found:
        return None
    return candidate_key(max(found, key=lambda c: c.length), s.view.folded)


def _visitor(s: Sentence, mention: Mention) -> list[tuple[EntityKey, str]]:
    """The visitors a mention stands for: a delegation and the city or province it comes from."""
    key = mention.key
    out = [(key, "named")]
    if key.label == "Organization":
        named = s.view.full_mention(key) or mention  # 代表团 → 无锡市经贸文化代表团 → 无锡
        place = _place_in_name(s, named)
        if place and named is not mention and named.text != mention.text:
            return [(place, "origin")]  # a back-reference (代表团先后来到…) stands for the city it came from
        if place:
            out.append((place, "origin"))
    return out


reads("visit", "visit_particles", "relative_location", "relative_end", "place_marker", "possessive",
      "origin_markers", "pronouns_person")


def frames(s: Sentence) -> list[Visit]:
    """The visits of the sentence (read once; the last one's visitors carry to the next sentences)."""
    return s.memo(frames, _frames)


def _objects(s: Sentence, n: int, cues: list[tuple[int, int, str]]) -> tuple[list[Mention], int, int]:
    text, lex = s.text, s.lex
    cue_start, cue_end, _ = cues[n]
    limit = cues[n + 1][0] if n + 1 < len(cues) else s.end
    c_start, c_end = s.clause_of(cue_start)
    limit = min(limit, c_end) if cue_end < c_end else limit
    after = cue_end + (1 if text.startswith(lex["visit_particles"], cue_end) else 0)
    for relative in lex["relative_location"]:
        end = text.find(lex["relative_end"], after, limit)
        if text.startswith(relative, after) and end > 0:
            after = end + 1  # 考察了位于开发区的佳能…
            break
    first = s.first_after(after)
    if first is None or s.mentions[first].start != after:
        return [], c_start, c_end
    objects = enumeration(s, first, VISITED, limit)
    at = text.rfind(lex["place_marker"], c_start, cue_start)
    if at >= 0:  # 在东京拜访了…: the place is visited too
        objects = [m for m in s.mentions if at < m.start and m.end <= cue_start and m.key.label in PLACE_CLASSES][:1] \
            + objects
    return objects, c_start, c_end


def _frames(s: Sentence) -> list[Visit]:
    text, lex = s.text, s.lex
    cues = s.find("visit")
    visits: list[Visit] = []
    carried: list[tuple[EntityKey, str]] = []
    for n, (cue_start, _, _) in enumerate(cues):
        objects, c_start, _ = _objects(s, n, cues)
        if not objects:
            continue
        subjects: list[tuple[EntityKey, str]] = []
        for m in s.mentions:
            if c_start <= m.start and m.end <= cue_start and m.key.label in VISITORS \
                    and text[m.end:m.end + 1] != lex["possessive"] \
                    and text[max(c_start, m.start - 1):m.start] not in lex["origin_markers"]:
                subjects.extend(_visitor(s, m))
        if any(p in text[c_start:cue_start] for p in lex["pronouns_person"]) and s.discourse.person:
            subjects.insert(0, (s.discourse.person, "pronoun"))  # 他乘坐…飞抵: the last person named
        if not subjects:
            subjects = [(key, "carried") for key, _ in carried] \
                or [(key, "carried") for key in s.discourse.visitors or ()]
        if not subjects:
            home = s.view.home.get("City")
            subjects = [(home, "home")] if home else []
        visits.append(Visit(cue_start, objects, subjects))
        carried = subjects
    return visits


def _facts(s: Sentence, source: str) -> Iterator[Fact]:
    for visit in frames(s):
        for subject, found in visit.subjects:
            if found != source:
                continue
            for obj in visit.objects:
                if obj.key != subject and obj.key.label != "Person":
                    yield Fact(subject, "visited", obj.key, visit.at)


@relation_rule("visited.named_visitor", gate=_GATE)
def named_visitor(s: Sentence) -> Iterator[Fact]:
    """VISITOR 赴/来到/拜访/考察 X、Y、Z: who is named before the cue in its clause visits what follows
    (沈阳市经贸代表团赴日本访问，先后来到横滨、名古屋)."""
    return _facts(s, "named")


@relation_rule("visited.delegation_origin", gate=_GATE)
def delegation_origin(s: Sentence) -> Iterator[Fact]:
    """A delegation's city or province visits where it goes (沈阳市经贸代表团… → 沈阳; 代表团 alone stands for it)."""
    return _facts(s, "origin")


@relation_rule("visited.pronoun", gate=_GATE)
def pronoun(s: Sentence) -> Iterator[Fact]:
    """他/她 before the cue: the last person named visits (他乘坐航班飞抵东京)."""
    return _facts(s, "pronoun")


@relation_rule("visited.carried_visitor", gate=_GATE)
def carried_visitor(s: Sentence) -> Iterator[Fact]:
    """No visitor in the clause: the visitors of the clause or sentence before, in the paragraph
    (代表团赴日本，先后来到横滨…，拜访了丰田)."""
    return _facts(s, "carried")


@relation_rule("visited.home_city", gate=_GATE)
def home_city(s: Sentence) -> Iterator[Fact]:
    """No visitor at all: the article's home city (先后拜访了欧姆龙、松下)."""
    return _facts(s, "home")

