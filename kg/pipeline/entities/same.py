"""One entity for the forms of one name: 安川电机株式会社 and 安川电机, 日本九州商旅集团 and
九州商旅集团, 天津经济技术开发区 and 天津开发区 found apart in one article are one node."""

from __future__ import annotations

import re

from ...ontology import PLACE_CLASSES
from ...rdf import normalize_name
from ...records import EntityKey
from ..affixes import Affixes
from ..candidates import candidate_key
from ...folding import fold
from ..rules import reads
from .lexicon import STAGE, entity_rule
from .resolution import REPEAT, Resolution, Span
from .shared_forms import SharedForms, kinds

__all__ = ["same_entity", "variants", "without_opening"]

reads(STAGE, "_join_brand_short_form", "short_company_suffix")

#: The classes whose names have longer and shorter forms (not places: 京都 and 京都府 are two).
_NAMED = frozenset({"Company", "Organization", "GovernmentBody", "Zone"})
#: A bracketed note in Latin letters inside a name: the name's other form.
_LATIN_NOTE = re.compile(r"\([A-Za-z0-9&.\- ]+\)")
#: The rules whose surface forms name an entity in full (not a back-reference such as 示范区).
_NAMING = frozenset({REPEAT, "entities.alias_note"})
#: The classes whose names may leave out a short word of their middle (新加坡国际企业发展局, 新加坡企业发展局).
_MIDDLE_LABELS = frozenset({"Organization", "GovernmentBody", "Zone"})
#: How long a word a shorter form leaves out of the middle of a name, and how much it keeps on each side.
_MIDDLE_GAP, _MIDDLE_KEPT = 3, 2


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
    opens it, a company's trade words, a short word of a body's or zone's middle (安川电机株式会社 and 安川电机,
    天津经济技术开发区 and 天津开发区, 日本九州商旅集团 and 九州商旅集团, 獐子岛集团 and 獐子岛渔业集团, 新泻县议会 and
    新泻议会); a listed name, else the longest, is the entity's name. A group and its parent company
    named with a legal form stay two (AGC集团 and 日本AGC株式会社)."""
    first: dict[EntityKey, int] = {}
    for span in sorted(res.spans):
        first.setdefault(span.key, span.start)
    listed = {candidate_key(c, res.text) for c in res.chosen if c.entry is not None}
    found = SharedForms(kinds(res))
    forms_of = _forms(res, first, found)
    _join_without_opening(res, forms_of, found)
    _join_without_trade(res, forms_of, found)
    _join_without_middle(res, forms_of, found)
    _join_brand_short_form(res, forms_of, found)
    renamed = _merge(res, found.groups(), listed, first)
    if not renamed:
        return
    res.spans[:] = [Span(s.start, s.end, renamed[s.key], "entities.same_entity") if s.key in renamed else s
                    for s in res.spans]
    res.defined.update({form: renamed[key] for form, key in res.defined.items() if key in renamed})


def _forms(res: Resolution, first: dict[EntityKey, int], found: SharedForms) -> dict[EntityKey, set[str]]:
    """The forms of each named entity with a mention (its name and naming surfaces, with and without
    legal forms and endings), joining the entities that share one."""
    forms_of: dict[EntityKey, set[str]] = {}
    for key, entity in res.entities.items():
        if key.label not in _NAMED or key not in first:
            continue
        names = {key.name} | {s for s, rule in entity.surfaces.items() if rule in _NAMING}
        forms = forms_of[key] = {f for name in names for f in variants(name, key.label, res.lex)}
        for form in forms:
            found.share(key, form)
    return forms_of


def _opening_places(res: Resolution) -> dict[str, str]:
    """The listed places of the text (surface → canonical name), also without the 市 or 县 no list
    drops (赞岐市商工会 and 赞岐商工会)."""
    places = {res.text[c.start:c.end]: c.entry.canonical for c in res.candidates
              if c.entry is not None and c.label in PLACE_CLASSES}
    for surface, canonical in list(places.items()):
        if surface[-1:] in res.lex.words["admin_tails"] and len(surface) >= 3:
            places.setdefault(surface[:-1], canonical)
    return places


def _join_without_opening(res: Resolution, forms_of: dict[EntityKey, set[str]], found: SharedForms) -> None:
    """A name is the form without its opening place or country of one other name only; one place
    written two ways is one (天津人大常委会, 天津市人大常委会; 赞岐商工会, 赞岐市商工会)."""
    places = _opening_places(res)
    openings = Affixes({*res.lex.words["country_prefixes"], *places})
    heads = frozenset(res.lex.words["local_heads"])
    shorter: dict[tuple[str, str], set[EntityKey]] = {}
    for key, forms in forms_of.items():
        for form in forms:
            opening = openings.longest_prefix(form, min_rest=3)
            if not opening:
                continue
            local = form[len(opening):]
            if local[0] not in heads:
                shorter.setdefault((key.label, local), set()).add(key)
            place = places.get(opening)
            if place is not None:
                if local[0] in heads and len(local) > 3:
                    local = local[1:]
                found.share(key, place + "\0" + local)
    for key, forms in forms_of.items():
        for form in forms:
            longer = {found.root(k) for k in shorter.get((key.label, form), ())} - {found.root(key)}
            if len(longer) == 1:
                found.join(key, longer.pop())


def _join_without_trade(res: Resolution, forms_of: dict[EntityKey, set[str]], found: SharedForms) -> None:
    """A company's name is another's without the trade words that end it, where it is so of that one only
    (獐子岛集团 and 獐子岛渔业集团, 藤仓 and 藤仓橡胶工业株式会社, 合肥信浓马达有限公司 and 合肥信浓马达电机公司;
    not 日立 beside both 日立金属 and 日立化成: which one?; nor 东丽 and 东丽中国有限公司, its branch)."""
    industry, countries = res.lex.industry, tuple(res.lex.words["country_prefixes"])
    endings = tuple(res.lex.words["company_legal_endings"])
    plain = {key: {f[: -len(e)] if e and len(f) - len(e) >= 2 else f
                   for f in forms for e in [next((e for e in endings if f.endswith(e)), "")]}
             for key, forms in forms_of.items() if key.label == "Company"}
    trimmed: dict[str, set[EntityKey]] = {}
    for key, forms in plain.items():
        for form in forms:
            word = industry.longest_suffix(form, min_rest=2)
            while word and word not in countries:  # (东丽中国: the company's branch there)
                form = form[: -len(word)]
                trimmed.setdefault(form, set()).add(key)
                word = industry.longest_suffix(form, min_rest=2)
    for key, forms in plain.items():
        for form in forms:
            longer = {found.root(k) for k in trimmed.get(form, ())} - {found.root(key)}
            if len(longer) == 1 and not res.lex.generic.covers(form):
                found.join(key, longer.pop())


def _join_without_middle(res: Resolution, forms_of: dict[EntityKey, set[str]], found: SharedForms) -> None:
    """A body's or zone's name is another's with a short word of its middle left out, where it is so of
    that one only and the word holds no place (广西壮族自治区政府 and 广西自治区政府, 新泻县议会 and 新泻议会,
    周大福珠宝文化创意产业园 and 周大福文化创意产业园; not 江苏省苏州贸促会 and 江苏省贸促会, 中国日本商会 and 中国商会,
    nor a place the lists know with its level word: 南沙 of 南沙区)."""
    named = [(key, forms) for key, forms in forms_of.items() if key.label in _MIDDLE_LABELS]
    if len({key.label for key, _ in named}) == len(named):
        return  # no two bodies or zones of one class: nothing to join (and no look-ups to make)
    places = [surface for surface in _opening_places(res) if len(surface) >= 2]
    tails = ("", *res.lex.words["local_heads"])
    if res.gazetteer is not None:  # (广州南沙经济技术开发区 and 广州开发区: 南沙 of 南沙区, listed twice, is a place too)
        entries = res.gazetteer.entries
        places += [piece for form in {f for forms in forms_of.values() for f in forms}
                   for i in range(len(form)) for j in range(i + 2, min(len(form), i + _MIDDLE_GAP) + 1)
                   for piece in [form[i:j]]
                   if any(e.label in PLACE_CLASSES for tail in tails for e in entries.get(fold(piece + tail), ()))]
    for key, forms in named:
        for form in forms:
            longer = {found.root(other) for other, others in named if other.label == key.label
                      for longer_form in others if _leaves_out_middle(longer_form, form, places)}
            longer.discard(found.root(key))
            if len(longer) == 1:
                found.join(key, longer.pop())


def _join_brand_short_form(res: Resolution, forms_of: dict[EntityKey, set[str]], found: SharedForms) -> None:
    """A company named by a word and a plain 公司 is the one company of the article whose name, past the
    place that opens it, starts with that word and ends in a legal form (惠强公司 of 武汉惠强新能源材料科技有限公司,
    白山公司 of 白山制纸株式会社, 积水(青岛)塑胶公司 of 积水(青岛)塑胶有限公司); not a subsidiary in a place (明治公司
    and 明治乳业(天津)有限公司), nor a product (南方宇航电动微型车), nor where two companies start so (which one?)."""
    companies = [key for key in forms_of if key.label == "Company"]
    names = {key: normalize_name(fold(key.name)) for key in companies}
    endings = tuple(res.lex.words["company_legal_endings"])
    legal = [k for k in companies if names[k].endswith(endings) or res.lex.jp_legal.longest_suffix(names[k], min_rest=2)]
    if len(companies) < 2 or not legal:
        return
    places = [*res.lex.words["country_prefixes"], *_opening_places(res)]
    openings, plain = Affixes(places), res.lex.words["short_company_suffix"]
    for key in companies:
        word = names[key][: -len(plain)] if names[key].endswith(plain) else ""
        if len(word) < 2 or res.lex.generic.covers(word) or openings.longest_prefix(word):
            continue
        longer = {found.root(other) for other in legal if other != key for form in forms_of[other]
                  for core in [form[len(openings.longest_prefix(form, min_rest=3) or ""):]]
                  if core.startswith(word) and len(core) - len(word) >= 2
                  and not any(place in core[len(word):] for place in places)}
        if len(longer) == 1:  # (one company only, which may be the short form's already)
            found.join(key, longer.pop())


def _leaves_out_middle(longer: str, shorter: str, places: list[str]) -> bool:
    """``shorter`` is ``longer`` without a word of up to three characters between two kept ends of two
    characters or more, a word that holds no place of the text.

    >>> _leaves_out_middle("新泻县议会", "新泻议会", []), _leaves_out_middle("江苏省苏州贸促会", "江苏省贸促会", ["苏州"])
    (True, False)
    """
    gap = len(longer) - len(shorter)
    if not 1 <= gap <= _MIDDLE_GAP:
        return False
    return any(longer.startswith(shorter[:k]) and longer.endswith(shorter[k:])
               and not any(place in longer[k:k + gap] for place in places)
               for k in range(_MIDDLE_KEPT, len(shorter) - _MIDDLE_KEPT + 1))


def _merge(res: Resolution, groups: dict[EntityKey, list[EntityKey]], listed: set[EntityKey],
           first: dict[EntityKey, int]) -> dict[EntityKey, EntityKey]:
    """Merge each group into the entity whose name it keeps; what was renamed to what."""
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
    return renamed
