"""The state of one document's resolution, and the steps every resolution takes.

1. :func:`select` non-overlapping candidates, longest first (then by priority);
2. :func:`name` each chosen candidate: its key (a listed name's canonical name, an
   event with the edition or year before it), its surface forms, its parent;
   back-references and the home city's bodies wait for later steps;
3. :func:`find_home`: the article's home city and province.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from ...records import EntityKey
from ..candidates import Candidate, candidate_key
from ..gazetteer import GazetteerIndex
from .lexicon import EntityLexicon

__all__ = ["Entity", "Resolution", "Span", "find_home", "name", "select"]

#: What a surface form of a name read off a candidate is found again as.
REPEAT = "entities.repeat"


@dataclass
class Entity:
    """An entity being resolved: its surface forms (with the rule that gave each), title and parent."""

    key: EntityKey
    surfaces: dict[str, str] = field(default_factory=dict)  # surface → rule id, in order
    job_title: str | None = None
    parent: EntityKey | None = None

    def add_surface(self, surface: str, rule: str) -> None:
        self.surfaces.setdefault(surface, rule)


class Span(NamedTuple):
    """A mention being resolved: offsets, the entity and the rule that made it."""

    start: int
    end: int
    key: EntityKey
    rule: str


@dataclass
class Resolution:
    """One document's candidates on their way to entities and mentions."""

    raw: str
    text: str  # folded
    candidates: list[Candidate]
    lex: EntityLexicon
    chosen: list[Candidate] = field(default_factory=list)
    entities: dict[EntityKey, Entity] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    backrefs: list[Candidate] = field(default_factory=list)
    home_bodies: list[Candidate] = field(default_factory=list)
    home: dict[str, Entity] = field(default_factory=dict)
    defined: dict[str, EntityKey] = field(default_factory=dict)  # X(以下简称“Y”): Y → X
    gazetteer: GazetteerIndex | None = None  # what the lists know (the home city's 高新区)

    def entity(self, key: EntityKey, parent: EntityKey | None = None) -> Entity:
        """The entity of ``key``, made on first use."""
        found = self.entities.get(key)
        if found is None:
            found = self.entities[key] = Entity(key, parent=parent)
        return found


def _split_better(candidates: list[Candidate]) -> set[int]:
    """Listed names that two adjacent listed names read better: they cover it and more (山东日本东京:
    山东, 日本, not 东日本; 山西日本: 山西, 日本, not 西日本). Indices into ``candidates``."""
    listed = [(i, c) for i, c in enumerate(candidates) if c.entry is not None and c.end - c.start >= 2]
    ends: dict[int, list[Candidate]] = {}
    starts: dict[int, list[Candidate]] = {}
    for _, c in listed:
        ends.setdefault(c.end, []).append(c)
        starts.setdefault(c.start, []).append(c)
    worse = set()
    for i, x in listed:
        if x.end - x.start < 3:
            continue
        for at in range(x.start + 1, x.end - 1):
            if any(b.end >= x.end for b in starts.get(at, ())) and any(a.start < x.start for a in ends.get(at, ())):
                worse.add(i)
                break
    return worse


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then by priority, then leftmost; by start. A listed
    name two adjacent listed names cover with more is left to them (:func:`_split_better`)."""
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in candidates), default=0))
    worse = _split_better(candidates)
    if worse:
        candidates = [c for i, c in enumerate(candidates) if i not in worse]
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, -c.priority, c.start)):
        start, end = cand.start, cand.end
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\1" * (end - start)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _event_start(res: Resolution, index: int, cand: Candidate) -> int:
    """第七届 + 进博会 is the seventh one, its own event: the edition or year right before an
    event's name, unless a chosen name before reaches into it."""
    match = res.lex.words["event_ordinal_before_pattern"].search(res.text, max(0, cand.start - 8), cand.start)
    # (chosen spans are disjoint and sorted: of those before, the last reaches furthest)
    if match and not (index and res.chosen[index - 1].end > match.start()):
        return match.start()
    return cand.start


def _waits(res: Resolution, cand: Candidate) -> bool:
    """Back-references and the home city's bodies (市委, 市商务局, 市工商联) are resolved later."""
    if cand.source == "backref":
        res.backrefs.append(cand)
        return True
    if (cand.label == "GovernmentBody" or res.text.endswith(tuple(res.lex.words["home_bodies"]), cand.start, cand.end)) \
            and res.text[cand.start] in res.lex.home_prefixes and cand.entry is None and cand.source == "shape":
        res.home_bodies.append(cand)
        return True
    return False


def name(res: Resolution) -> None:
    """Each chosen candidate becomes a span of its entity, with its surface forms and parent."""
    text, raw = res.text, res.raw
    for index, cand in enumerate(res.chosen):
        if _waits(res, cand):
            continue
        key = candidate_key(cand, text)
        start = cand.start
        if cand.label == "Event":
            start = _event_start(res, index, cand)
            key = EntityKey("".join(text[start:cand.start].split()) + key.name, key.label)
        entity = res.entity(key)
        entity.add_surface(raw[start:cand.end], REPEAT)
        for alias in cand.extra_aliases:
            entity.add_surface(alias, REPEAT)
        if cand.job_title and not entity.job_title:
            entity.job_title = cand.job_title
        if cand.entry is not None:
            entity.add_surface(cand.entry.canonical, REPEAT)
            if cand.entry.parent and entity.parent is None:
                entity.parent = EntityKey(cand.entry.parent, cand.entry.parent_label or "Country")
        res.spans.append(Span(start, cand.end, key, cand.rule))


#: How often a county-level city must be named to be the article's home (one mention: where a firm comes from).
_COUNTY_CITY_MENTIONS = 2


def find_home(res: Resolution) -> None:
    """The article's home city and province: the Chinese city named most often (a city of a
    province, one under the state itself: 天津, 重庆, or a county-level city named more than once:
    桐乡, 江阴) and its province, or without one the province named most often."""
    provinces = tuple(res.lex.words["province_suffixes"])
    home_country = res.lex.words["home_country"]
    counts = Counter(
        candidate_key(c, res.text) for c in res.chosen
        if c.label == "City" and c.entry is not None
        and ((c.entry.parent_label == "Region" and c.entry.parent.endswith(provinces))
             or (c.entry.parent_label == "Country" and c.entry.parent == home_country))
    )
    # a county-level city of a prefecture's (桐乡 of 嘉兴) named more than once is a home too: 桐乡 named
    # five times, 上海 twice (日本驻上海总领事) → 桐乡
    counts.update({key: n for key, n in Counter(candidate_key(c, res.text) for c in res.chosen if c.label == "City"
                                                and c.entry is not None and c.entry.parent_label == "City").items()
                   if n >= _COUNTY_CITY_MENTIONS})
    if not counts:  # no city named on its own: the one that opens the names of bodies, zones, delegations
        opening = {c.start for c in res.chosen if c.label != "City"}
        counts = Counter(candidate_key(c, res.text) for c in res.candidates
                         if c.label == "City" and c.entry is not None and c.start in opening
                         and c.entry.parent_label == "Region" and c.entry.parent.endswith(provinces))
        if counts:  # (its mention comes with the name's: containment.leading_place, locatedIn.name_start)
            key = counts.most_common(1)[0][0]
            entry = next(c.entry for c in res.candidates if c.entry is not None and candidate_key(c, res.text) == key)
            res.entity(key, EntityKey(entry.parent, entry.parent_label))
    if counts:
        city = res.entities.get(counts.most_common(1)[0][0])
        if city is not None:
            res.home["City"] = city
            if city.parent is not None and city.parent.label == "Region":
                res.home["Region"] = Entity(city.parent)
            elif city.parent is not None and city.parent.label == "City":  # 宜兴 of 无锡: 江苏省
                entry = res.gazetteer.lookup(city.parent.name) if res.gazetteer is not None else None
                if entry is not None and entry.parent_label == "Region" and entry.parent.endswith(provinces):
                    res.home["Region"] = Entity(EntityKey(entry.parent, "Region"))
    if "Region" not in res.home:
        # no Chinese city: the province named most often (省人大常委会 in a report from 甘肃省)
        provinces_named = Counter(
            candidate_key(c, res.text) for c in res.chosen
            if c.label == "Region" and c.entry is not None and c.entry.parent == home_country
            and c.entry.canonical.endswith(provinces))
        if provinces_named:
            province = res.entities.get(provinces_named.most_common(1)[0][0])
            if province is not None:
                res.home["Region"] = province
