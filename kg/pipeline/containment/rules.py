"""The containment rules: a place read off a name (苏州市商务局 → 苏州, 松下新能源(苏州)有限公司 → 苏州,
中国驻日本大使馆 → 日本, …株式会社 → 日本) or what the lists know (a district in its city)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES, PLACE_RANK
from ...records import EntityKey, Mention
from ..relations.base import Fact
from ..rules import reads, rule
from .name import Name

STAGE = "kg_containment"
#: Names that may hold a place: bodies and zones (a district's name holds no other place).
_NAMED = ORGANIZATION_CLASSES | {"Zone"}
#: What lies in a multi-city region (regions.tsv's 东北地区, 粤港澳大湾区 …).
_PLACES_IN_REGIONS = frozenset({"Region", "City", "District", "Zone"})
_REGIONS = "containment.regions"  # (the view's memo key: the regions of region_members.tsv the article names)
#: What lies in a place the lists know.
_CONTAINED = ORGANIZATION_CLASSES | {"Region", "City", "District", "Zone"}

reads(STAGE, "Name.posted", "posted_marker", "posted_short_forms")
reads(STAGE, "locatedIn.name_start", "full_region_suffixes", "pair_links", "whole_country_prefixes",
      "legal_person_prefixes")
reads(STAGE, "Name.mission", "mission_words")
reads(STAGE, "locatedIn.name_subsidiary", "subsidiary_suffixes")
reads(STAGE, "Name.places", "broad_region_ends")
reads(STAGE, "locatedIn.name_body_branch", "subject_committees")


def containment_rule(rule_id: str, *, labels: frozenset[str] = _NAMED) -> Callable[[Callable], Callable]:
    """Register a rule of ``kg_containment`` for the entities of ``labels`` with a mention."""
    return rule(rule_id, stage=STAGE, labels=labels)


def _read_off(name: Name, rule_id: str, places: Iterable[tuple[int, int, EntityKey]]) -> list[Fact | Mention]:
    found: list[Fact | Mention] = []
    for start, end, place in places:
        found.append(name.nested(start, end, place, rule_id))
        if not name.mobile:
            found.append(name.located(place))
    return found


@containment_rule("locatedIn.name_posted")
def name_posted(name: Name) -> list[Fact | Mention]:
    """A mission or branch lies where it is posted, and nowhere else its name says (中国驻日本大使馆 → 日本,
    新华社东京分社 → 东京)."""
    posted = name.posted()
    if posted is None:
        return []
    return [*(name.nested(*earlier, "locatedIn.name_posted") for earlier in name.posted_before()),
            *_read_off(name, "locatedIn.name_posted", [posted])]


@containment_rule("locatedIn.name_start")
def name_start(name: Name) -> list[Fact | Mention]:
    """A place that opens a name, larger than the entity (苏州市商务局 → 苏州, 苏州高新区 → 苏州), and each
    place right after it that the lists put in the one before, which it then lies in too
    (日本埼玉县日中友好协会 → 日本, 埼玉县; 埼玉县 → 日本); after a legal person's kind, the place that
    follows it opens the name (一般社团法人东京都旅行业协会 → 东京); in a body's name, a city or district
    the text names in full may stand there without its 市 or 区 (日本濑户西高中 → 日本, 濑户市 where the
    text names 濑户市; 浜北日中友好协会 → 浜北区)."""
    if name.posted() is not None or name.mission():
        return []
    openers = _openers(name)
    found = _read_off(name, "locatedIn.name_start", openers)
    if not name.mobile:  # 香川县赞岐市商工会: 赞岐市 lies in 香川县
        found += [Fact(inner, "locatedIn", outer, name.mention.start + start, "name")
                  for (_, _, outer), (start, _, inner) in zip(openers, openers[1:])]
    return found


def _openers(name: Name) -> list[tuple[int, int, EntityKey]]:
    """The place that opens the name, larger than the entity, unless a smaller place in brackets lies
    outside it (日本本田制锁(武汉)有限公司: not 日本)."""
    if name.posted() is not None or name.mission() or name.paired():
        return []
    rank = PLACE_RANK.get(name.key.label, 9) if name.key.label in PLACE_CLASSES else None
    brackets = name.brackets()
    places = name.places()
    whole = next((len(w) for w in name.lists.whole_country_prefixes if name.surface.startswith(w)), None)
    legal = next((len(w) for w in name.lists.legal_person_prefixes if name.surface.startswith(w)), None)
    run = [p for p in places if p[0] in (0, legal) or (p[0] == whole and p[2].label == "Country")]  # 全日本…协会 → 日本
    if not run and name.key.label in ORGANIZATION_CLASSES:  # 浜北日中友好协会: 浜北区 named in full
        run = [p for p in [name.stem_place(0)] if p is not None]
    while run:  # each place right after that the lists put in it (日本冈山县…, 香川县赞岐市…; not 日本内蒙古…)
        _, end, outer = run[-1]
        inner = next((p for p in places if p[0] == end), None)
        if inner is None and name.key.label in ORGANIZATION_CLASSES:  # 日本濑户西高中: 濑户市 named in full
            inner = name.stem_place(end)
        if inner is None or outer not in name.ancestors(inner[2]) \
                or (inner[2].label == "Region" and not name.surface[:inner[1]].endswith(name.lists.full_region_suffixes)):
            break  # (a region such as 九州, 京滨 names a firm or school as often: 日本九州工业大学)
        run.append(inner)
    return [p for p in run if (rank is None or PLACE_RANK.get(p[2].label, 9) < rank)
            and not (brackets and name.outranked(p[2], brackets)) and not _seat_elsewhere(name, p[2], brackets)
            and not (name.key.label == "Zone" and p[2].label == "Country" and p[2].name != name.lists.home_country)]
            # (日本产业园区, 日本电产工业园: a park for a foreign country's firms lies at home)


def _seat_elsewhere(name: Name, opener: EntityKey, brackets: list[tuple[int, int, EntityKey]]) -> bool:
    """A company's bracket names its seat, and a place opening its name that neither holds nor lies in
    it is its brand's (东京海上日动火灾保险(中国)有限公司: 中国, not 东京)."""
    subsidiary = name.subsidiary()
    return name.key.label == "Company" and any(
        place != opener and opener not in name.ancestors(place) and place not in name.ancestors(opener)
        for _, _, place in [*brackets, *([subsidiary] if subsidiary is not None else [])])


@containment_rule("locatedIn.name_body_branch")
def name_body_branch(name: Name) -> list[Fact | Mention]:
    """A place right after a listed body that opens the name: the body's branch there
    (清华苏州环境创新院 → 苏州); a country before a committee's word that ends the name is what the
    committee deals with, named there but no seat (大阪商工会议所中国商务委员会: a committee on China;
    …黑龙江省委员会 is the province's branch)."""
    if not name.places() or name.posted() is not None:
        return []
    orgs, surface, committees = name.orgs(), name.surface, name.lists.subject_committees
    places = [p for p in name.places() if p[0] > 0 and p[0] in orgs]
    subject = [p for p in places if p[2].label == "Country" and surface[p[1]:] in committees]
    return [*(name.nested(*p, "locatedIn.name_body_branch") for p in subject),
            *_read_off(name, "locatedIn.name_body_branch", [p for p in places if p not in subject])]


@containment_rule("locatedIn.name_zone", labels=frozenset({"Zone"}))
def name_zone(name: Name) -> list[Fact | Mention]:
    """A zone that opens a zone's name contains it (中国(山东)自由贸易试验区烟台片区 → 中国(山东)自由贸易试验区,
    西咸新区空港新城 → 西咸新区); the mention is containment.leading_place's."""
    zone = name.opening_zone()
    return [name.located(zone[2])] if zone is not None else []


@containment_rule("locatedIn.name_brackets")
def name_brackets(name: Name) -> list[Fact | Mention]:
    """A place in brackets inside the name, unless a smaller place that opens the name lies outside it
    (松下新能源(苏州)有限公司 → 苏州; 成都(日本)动漫中心: not 日本); a company's bracket always
    (东京海上日动火灾保险(中国)有限公司 → 中国)."""
    if not name.places() or name.posted() is not None:
        return []
    openers = [p for p in name.places() if p[0] == 0]
    return _read_off(name, "locatedIn.name_brackets", [
        p for p in name.brackets() if not (openers and name.outranked(p[2], openers) and name.key.label != "Company")])


@containment_rule("locatedIn.name_subsidiary", labels=frozenset({"Company"}))
def name_subsidiary(name: Name) -> list[Fact | Mention]:
    """A company named by a brand, a place and its legal form is the brand's subsidiary there
    (横店集团日本公司 → 日本, 松下华录日本有限公司 → 日本)."""
    if not name.places() or name.posted() is not None:
        return []
    subsidiary = name.subsidiary()
    return _read_off(name, "locatedIn.name_subsidiary", [subsidiary]) if subsidiary is not None else []


@containment_rule("locatedIn.legal_form")
def legal_form(name: Name) -> list[Fact | Mention]:
    """A Japanese legal form places the company in its country (北斗合同会社 → 日本)."""
    surface = name.surface
    if name.mobile:
        return []
    return [name.located(EntityKey(country, "Country")) for suffix, country in name.lists.legal_forms
            if surface.endswith(suffix) or surface.startswith(suffix)]


@containment_rule("containment.leading_place", labels=_NAMED | {"Event", "Region"})
def leading_place(name: Name) -> list[Fact | Mention]:
    """A place that opens a name is a mention even where it does not say where the entity is
    (中国 in 中国国际贸易促进委员会浙江省分会), and so is a zone that opens a zone's name (西咸新区 in
    西咸新区空港新城); so is the place that opens an event's name (北京 in 北京冬奥会, 上海 in 上海世博会)
    or the country that opens a region's (中国 in 中国东北地区, 日本 in 日本九州地区; not 北海 of 北海道)."""
    zone = name.opening_zone()
    found = [name.nested(*zone, "containment.leading_place")] if zone is not None else []
    places = name.places()
    if not places or places[0][0] != 0:
        return found
    start, end, place = places[0]  # (places start at distinct offsets)
    if name.key.label == "Region" and place.label != "Country":
        return found  # (a region's own name: 北海 of 北海道, 京都 of 京都府)
    if name.key.label in ("Event", "Region"):  # (no containment rule reads their names: 北京冬奥会)
        return [*found, name.nested(start, end, place, "containment.leading_place")]
    posted = name.posted()
    if places[0] in _openers(name):
        return found  # locatedIn.name_start's
    if posted is not None and posted[:2] == (start, end):
        return found  # locatedIn.name_posted's
    return [*found, name.nested(start, end, place, "containment.leading_place")]


@containment_rule("locatedIn.region_member", labels=_PLACES_IN_REGIONS)
def region_member(name: Name) -> list[Fact | Mention]:
    """What the lists know of multi-city regions: a place lies in a region the article names that
    it or a place it lies in belongs to (大连 → 东北地区, 南沙区 → 广州 → 粤港澳大湾区)."""
    members = name.lists.region_members
    view = name.view
    regions = view.memo((_REGIONS, len(view.mentions)), lambda: {  # (again once names nested in names are in)
        m.key for m in view.mentions if m.key.label == "Region" and m.key.name in members})
    if not regions:
        return []
    chain = {name.key, *name.ancestors(name.view.parents.get(name.key) or name.key)}
    if name.key in name.view.parents:
        chain.add(name.view.parents[name.key])
    return [name.located(region, "gazetteer") for region in sorted(regions)
            if region != name.key and not chain.isdisjoint(members[region.name])]


@containment_rule("locatedIn.gazetteer_parent", labels=_CONTAINED)
def gazetteer_parent(name: Name) -> list[Fact | Mention]:
    """What the lists know: the parent of a listed entity, and its parent, up to the country
    (吴中区 → 苏州 → 江苏省 → 中国)."""
    parent_of = name.gazetteer.parent if name.gazetteer is not None else (lambda key: None)
    key = name.key
    if key.label in ORGANIZATION_CLASSES and name.mention is not None and (name.posted() or name.mission()):
        return []  # a mission lies where it is posted, not in the country the lists give it
    parent = name.view.parents.get(key) or parent_of(key)
    found: list[Fact | Mention] = []
    while parent is not None and len(found) < name.lists.max_depth and parent != key:
        found.append(name.located(parent, "gazetteer"))
        parent = parent_of(parent)
    return found


@containment_rule("locatedIn.listed_ancestors", labels=_CONTAINED)
def listed_ancestors(name: Name) -> list[Fact | Mention]:
    """What the lists know above a place the text or the name gives: an entity placed in a listed place
    lies in each place the lists put that one in, where the article names it (合肥信浓马达有限公司 →
    合肥 → 安徽省, 中国; 盛泽镇 → 吴江区 → 苏州), nothing the article does not name."""
    return _ancestors(name, "locatedIn")


@containment_rule("heldIn.listed_ancestors", labels=frozenset({"Event"}))
def held_ancestors(name: Name) -> list[Fact | Mention]:
    """What the lists know above the place an event is held in: it is held in each place the lists put
    that one in, where the article names it (交流会在大阪举行 → 大阪府, 日本), nothing the article does not name."""
    return _ancestors(name, "heldIn")


def _ancestors(name: Name, predicate: str) -> list[Fact | Mention]:
    """``predicate`` facts (as gazetteer facts) from the entity to the named ancestors of each place a
    fact of the text or the name gives it (not one of the lists': nothing climbs twice)."""
    gazetteer, view = name.gazetteer, name.view
    if gazetteer is None:
        return []
    named = view.memo(("containment.named", len(view.mentions)), lambda: {m.key for m in view.mentions})
    stated = [r.object for r in view.relations if r.subject == name.key and r.predicate == predicate
              and r.method != "gazetteer"]
    found: dict[EntityKey, Fact] = {}
    at = name.mention.start if name.mention else 0
    for place in stated:
        parent = view.parents.get(place) or gazetteer.parent(place)
        depth = 0
        while parent is not None and depth < name.lists.max_depth and parent != name.key:
            if parent in named and parent not in stated:
                found.setdefault(parent, Fact(name.key, predicate, parent, at, "gazetteer"))
            parent, depth = gazetteer.parent(parent), depth + 1
    return list(found.values())
