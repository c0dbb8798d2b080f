"""Further mentions: every form of a name (its surface forms, a company's short form, the
tail of a long name) found again wherever else it occurs, if it belongs to one entity only."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ...ontology import PLACE_CLASSES
from ...records import EntityKey
from ..affixes import Affixes
from ...folding import fold
from ..matcher import WordMatcher
from .lexicon import STAGE, entity_rule
from ..rules import reads
from .resolution import Entity, Resolution, Span

__all__ = ["district_stem", "find_again", "long_name_tail", "repeat", "short_form"]

_BRACKETED = re.compile(r"[(（][^()（）]{1,8}[)）]")
#: Surface forms that are another way to write a name where it stands, not a form to find again: the
#: country and the name that follows it stay two mentions (日本 | 住友电装株式会社).
_NOT_AGAIN = frozenset({"entities.with_country"})


@entity_rule("entities.repeat", phase="forms")
def repeat(res: Resolution) -> Iterator[tuple[str, EntityKey, str]]:
    """A name or surface form already found, found again elsewhere (松下电器扩产。松下电器表示: the
    second 松下电器). Each form keeps the rule that gave it: a name read off a candidate is
    ``entities.repeat``, an alias note's ``entities.alias_note``, …"""
    for key, entity in res.entities.items():
        for surface, origin in entity.surfaces.items():
            if origin not in _NOT_AGAIN:
                yield fold(surface), key, origin
        yield fold(key.name), key, "entities.repeat"


def _short_forms(res: Resolution, entity: Entity, places: Affixes) -> set[str]:
    """Company short forms: 苏州锦里文化有限公司 → 锦里文化; …汽车玻璃(苏州)有限公司 → 艾杰旭."""
    lex = res.lex
    name = fold(entity.key.name)
    forms: set[str] = set()
    core = name
    suffix = lex.legal.longest_suffix(core, min_rest=2)
    if suffix:
        core = core[: -len(suffix)]
    core = _BRACKETED.sub("", core)
    place = places.longest_prefix(core, min_rest=2)
    if place:
        core = core[len(place):]
    if core != name:
        forms.add(core)
    trimmed = core
    word = lex.industry.longest_suffix(trimmed, min_rest=2)
    while word:
        trimmed = trimmed[: -len(word)]
        forms.add(trimmed)
        word = lex.industry.longest_suffix(trimmed, min_rest=2)
    return {f for f in forms if len(f) >= 2 and not lex.generic.covers(f)}


@entity_rule("entities.alias_short_form", phase="forms")
def short_form(res: Resolution) -> Iterator[tuple[str, EntityKey, str]]:
    """A company's name without its place, legal form and industry words (苏州锦里文化有限公司 → 锦里文化);
    where a company and its branch somewhere share one, the company's."""
    places = {res.text[c.start:c.end] for c in res.candidates if c.source == "gazetteer" and c.label in PLACE_CLASSES}
    places |= {k.name for k in res.entities if k.label in PLACE_CLASSES}
    prefixes = Affixes(places)
    owners: dict[str, list[EntityKey]] = {}
    for key, entity in res.entities.items():
        if key.label == "Company":
            for form in sorted(_short_forms(res, entity, prefixes)):
                owners.setdefault(form, []).append(key)
    for form, keys in owners.items():
        # 本田制锁 of 本田制锁株式会社, not of its branch 本田制锁(武汉)有限公司
        plain = [k for k in keys if not _BRACKETED.search(k.name)]
        for key in (plain if plain and len(plain) < len(keys) else keys):
            yield form, key, "entities.alias_short_form"


@entity_rule("entities.long_name_tail", phase="forms")
def long_name_tail(res: Resolution) -> Iterator[tuple[str, EntityKey, str]]:
    """The tail of a long body's name after a listed name in it (…国际合作中心 → 国际合作中心)."""
    listed_ends: dict[int, list[int]] = {}
    for cand in res.candidates:
        if cand.source == "gazetteer":
            listed_ends.setdefault(cand.start, []).append(cand.end)
    for s, e, key, _ in list(res.spans):
        if e - s < 8 or key.label not in ("GovernmentBody", "Organization"):
            continue
        for start in range(s, e):
            for end in listed_ends.get(start, ()):
                tail = res.text[end:e]
                if end < e and len(tail) >= 4 and not res.lex.generic.covers(tail):
                    yield tail, key, "entities.long_name_tail"


def find_again(res: Resolution, forms: Iterable[tuple[str, EntityKey, str]]) -> None:
    """Every form that belongs to one entity, wherever it occurs outside the spans found, longest
    first; a longer name takes over the shorter spans it covers (浙江省贸促会 over 浙江省 +
    贸促会), never a span it only overlaps."""
    owners: dict[str, set[EntityKey]] = {}
    origin: dict[tuple[str, EntityKey], str] = {}
    for form, key, rule in forms:
        if len(form) >= 2:
            owners.setdefault(form, set()).add(key)
            origin.setdefault((form, key), rule)
    unique = {form: next(iter(keys)) for form, keys in owners.items() if len(keys) == 1}
    if not unique:
        return
    text, spans = res.text, res.spans
    taken = bytearray(len(text))
    for s, e, _, _ in spans:
        taken[s:e] = b"\1" * (e - s)
    found = [(start, end, form) for start, end, form in WordMatcher(unique, dfa=False).find(text)]
    by_start = {span.start: span for span in spans}
    for start, end, form in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if taken.find(1, start, end) >= 0:
            here = by_start.get(start)
            if here is not None and here.end >= end:
                continue  # the very span, or inside a longer one
            inside = [by_start[i] for i in range(start, end) if i in by_start and by_start[i].end <= end]
            if not inside or sum(sp.end - sp.start for sp in inside) != taken.count(1, start, end):
                continue
            for sp in inside:
                spans.remove(sp)
                del by_start[sp.start]
        key = unique[form]
        taken[start:end] = b"\1" * (end - start)
        span = by_start[start] = Span(start, end, key, origin[(form, key)])
        spans.append(span)
        res.entities[key].add_surface(res.raw[start:end], origin[(form, key)])


reads(STAGE, "entities.district_stem", "district_stems", "city_stems", "district_stem_blockers")


@entity_rule("entities.district_stem", phase="forms")
def district_stem(res: Resolution) -> Iterator[tuple[str, EntityKey, str]]:
    """A district or county the text names in full, by its name without 区 or 县 where that stands
    alone (青松区…青松已集聚…: 青松), and a city by its name without 市 (白河市…青山与白河结好…: 白河),
    unless the lists know the shorter name as a place of its own or it is a common word (和平 of 和平区)."""
    endings = {"District": tuple(res.lex.words["district_stems"]), "City": tuple(res.lex.words["city_stems"])}
    common = frozenset(res.lex.words["district_stem_blockers"])  # 和平 of 和平区: a word, not the place
    for key, entity in res.entities.items():
        if key.label not in endings:
            continue
        for surface in {fold(key.name), *(fold(s) for s in entity.surfaces)}:
            stem = surface[:-1]
            if not surface.endswith(endings[key.label]) or len(stem) < 2 or stem in common or res.lex.generic.covers(stem) \
                    or (res.gazetteer is not None and res.gazetteer.lookup(stem) is not None):
                continue
            if any(not ("\u4e00" <= ch <= "\u9fff") for ch in stem) or len(stem) > 3:
                continue
            yield stem, key, "entities.district_stem"
