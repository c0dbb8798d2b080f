"""One entity for the forms of one name: 安川电机株式会社 and 安川电机, 日本九州商旅集团 and
九州商旅集团, 天津经济技术开发区 and 天津开发区 found apart in one article are one node."""

from __future__ import annotations

import re

from ...ontology import PLACE_CLASSES
from ...rdf import normalize_name
from ...records import EntityKey
from ..affixes import Affixes
from ..candidates import candidate_key
from ..fold import fold
from .lexicon import entity_rule
from .resolution import REPEAT, Resolution, Span

__all__ = ["same_entity", "variants", "without_opening"]

#: The classes whose names have longer and shorter forms (not places: 京都 and 京都府 are two).
_NAMED = frozenset({"Company", "Organization", "GovernmentBody", "Zone"})
#: A bracketed note in Latin letters inside a name: the name's other form.
_LATIN_NOTE = re.compile(r"\([A-Za-z0-9&.\- ]+\)")
#: The rules whose surface forms name an entity in full (not a back-reference such as 示范区).
_NAMING = frozenset({REPEAT, "entities.alias_note"})


def variants(name: str, label: str, lex) -> frozenset[str]:
    """The forms ``name`` is compared in: its usual short ending (开发区 → 经开区, 管理委员会 → 管委会),
    without a note in Latin letters (旭硝子(AGC)株式会社), a company's also without a Japanese legal
    form or a plain 公司/集团 (安川电机株式会社 → 安川电机, 东风汽车公司 → 东风汽车); none that is only
    generic words."""
    memo = lex.memo.setdefault("same_variants", {})
    found = memo.get((name, label))
    if found is None:
        if len(memo) >= 100_000:
            memo.clear()
        found = memo[(name, label)] = frozenset(_variants(name, label, lex))
    return found


def _variants(name: str, label: str, lex) -> set[str]:
    base = normalize_name(fold(name))
    ending = lex.same_endings.longest_suffix(base, min_rest=2)
    if ending:
        base = base[: -len(ending)] + lex.same_endings.values[ending]
    for pattern, replacement in lex.same_name_rewrites:
        base = pattern.sub(replacement, base)
    base = _LATIN_NOTE.sub("", base) or base  # 旭硝子(AGC)株式会社 → 旭硝子株式会社
    forms = {base}
    if label == "Company":
        plain = next((s for s in lex.words["plain_suffixes"] if base.endswith(s) and len(base) - len(s) >= 2), None)
        if plain:
            forms.add(base[: -len(plain)])  # 东风汽车公司 → 东风汽车
        legal = lex.jp_legal.longest_suffix(base, min_rest=2) or ""
        core = base[: len(base) - len(legal)]
        opening = lex.jp_legal.longest_prefix(core, min_rest=2) or ""
        forms.add(core[len(opening):])
    return {f for f in forms if len(f) >= 2 and not lex.generic.covers(f)}


def without_opening(form: str, openings: Affixes, heads: frozenset[str]) -> str | None:
    """``form`` without the country or place that opens it (日本九州商旅集团 → 九州商旅集团, 重庆两江新区管委会
    → 两江新区管委会), if at least three characters are left and they do not start with 市 or 省."""
    opening = openings.longest_prefix(form, min_rest=3)
    rest = form[len(opening):] if opening else None
    return rest if rest and rest[0] not in heads else None


def _target(keys: list[EntityKey], listed: set[EntityKey], first: dict[EntityKey, int]) -> EntityKey:
    """The name the entity keeps: a listed one, else the longest, else the first in the text."""
    return min(keys, key=lambda k: (k not in listed, -len(k.name), first.get(k, 1 << 30), k.name))


@entity_rule("entities.same_entity", phase="named")
def same_entity(res: Resolution) -> None:
    """Two names of one class that are forms of one name are one entity: with or without a
    Japanese legal form, the long or short ending of a zone or body, the place or country that
    opens it (安川电机株式会社 and 安川电机, 天津经济技术开发区 and 天津开发区, 日本九州商旅集团 and
    九州商旅集团); a listed name, else the longest, is the entity's name."""
    lex = res.lex
    first: dict[EntityKey, int] = {}
    for span in sorted(res.spans):
        first.setdefault(span.key, span.start)
    listed = {candidate_key(c, res.text) for c in res.chosen if c.entry is not None}
    # union-find over the entities that share a form
    parent: dict[EntityKey, EntityKey] = {}

    def root(key: EntityKey) -> EntityKey:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    def join(key: EntityKey, other: EntityKey) -> None:
        if root(other) != root(key):
            parent[root(key)] = root(other)

    forms_of: dict[EntityKey, set[str]] = {}
    owner: dict[tuple[str, str], EntityKey] = {}
    for key, entity in res.entities.items():
        if key.label not in _NAMED or key not in first:
            continue
        names = {key.name} | {s for s, rule in entity.surfaces.items() if rule in _NAMING}
        forms = forms_of[key] = {f for name in names for f in variants(name, key.label, lex)}
        for form in forms:
            join(key, owner.setdefault((key.label, form), key))
    # a name is the form without its opening place or country of one other name only
    places = {res.text[c.start:c.end]: c.entry.canonical for c in res.candidates
              if c.entry is not None and c.label in PLACE_CLASSES}
    openings = Affixes({*lex.words["country_prefixes"], *places})
    heads = frozenset(lex.words["local_heads"])
    shorter: dict[tuple[str, str], set[EntityKey]] = {}
    for key, forms in forms_of.items():
        for form in forms:
            opening = openings.longest_prefix(form, min_rest=3)
            if not opening:
                continue
            local = form[len(opening):]
            if local[0] not in heads:
                shorter.setdefault((key.label, local), set()).add(key)
            # one place written two ways (天津人大常委会, 天津市人大常委会)
            place = places.get(opening)
            if place is not None:
                if local[0] in heads and len(local) > 3:
                    local = local[1:]
                join(key, owner.setdefault((key.label, place + "\0" + local), key))
    for key, forms in forms_of.items():
        for form in forms:
            longer = {root(k) for k in shorter.get((key.label, form), ())} - {root(key)}
            if len(longer) == 1:
                join(key, longer.pop())
    groups: dict[EntityKey, list[EntityKey]] = {}
    for key in parent:
        groups.setdefault(root(key), []).append(key)
    renamed: dict[EntityKey, EntityKey] = {}
    for top, members in groups.items():
        keys = sorted({top, *members})
        target = _target(keys, listed, first)
        kept = res.entities[target]
        for key in keys:
            if key == target:
                continue
            merged = res.entities.pop(key)
            kept.add_surface(key.name, REPEAT)
            for surface, rule in merged.surfaces.items():
                kept.add_surface(surface, rule)
            kept.parent = kept.parent or merged.parent
            kept.job_title = kept.job_title or merged.job_title
            renamed[key] = target
    if not renamed:
        return
    res.spans[:] = [Span(s.start, s.end, renamed[s.key], "entities.same_entity") if s.key in renamed else s
                    for s in res.spans]
    res.defined.update({form: renamed[key] for form, key in res.defined.items() if key in renamed})
