"""``kg_containment``: where things are, without a verb.

* **name** (method ``name``): a place at the start of a name (苏州市商务局 → 苏州,
  苏州高新区 → 苏州), in brackets (松下新能源(苏州)有限公司 → 苏州), after 驻
  (中国驻日本大使馆 → 日本), or a Japanese legal form (…株式会社 → 日本). The place
  also gets a mention there, nested in the name.
* **gazetteer** (method ``gazetteer``): what the lists know: a district in its city,
  a city in its province and country, a listed company in its home country (every
  ancestor).

Each is a rule ``rule(name: Name) -> list[Fact | Mention]`` run on every entity
of the document (by name, then class), in the order the config lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..ontology import ORGANIZATION_CLASSES, PLACE_CLASSES, PLACE_RANK
from ..records import EntityKey, EntityRecord, Mention
from .candidates import candidate_key
from .data import load_cues, load_tsv, load_words
from .fold import fold
from .gazetteer import GazetteerIndex
from .marks import CLOSE, OPEN
from .relations.base import Fact
from .rules import Rule, reads, resolve_rules, rule, stage_cues
from .view import DocView

__all__ = ["Containment", "DEFAULT_RULES", "Name"]

STAGE = "kg_containment"
#: Names that may hold a place: bodies and zones (a district's name holds no other place).
_NAMED = ORGANIZATION_CLASSES | {"Zone"}
#: How long the rest of a zone's name after a zone that opens it is, at least, to name a zone of its own.
_OWN_NAME = 3
#: What lies in a multi-city region (regions.tsv's 东北地区, 粤港澳大湾区 …).
_PLACES_IN_REGIONS = frozenset({"Region", "City", "District", "Zone"})
_REGIONS = "containment.regions"  # (the view's memo key: the regions of region_members.tsv the article names)
#: What lies in a place the lists know.
_CONTAINED = ORGANIZATION_CLASSES | {"Region", "City", "District", "Zone"}

reads(STAGE, "Name.posted", "posted_marker", "posted_short_forms")
reads(STAGE, "locatedIn.name_start", "full_region_suffixes")

DEFAULT_RULES = [
    "containment.leading_place",
    "locatedIn.name_posted",
    "locatedIn.name_start",
    "locatedIn.name_body_branch",
    "locatedIn.name_zone",
    "locatedIn.name_brackets",
    "locatedIn.legal_form",
    "locatedIn.home_prefix",
    "locatedIn.region_member",
    "locatedIn.gazetteer_parent",
]


@dataclass(frozen=True)
class Lists:
    """The word lists of the containment rules."""

    branch_words: tuple[str, ...]
    mobile: tuple[str, ...]
    legal_forms: tuple[tuple[str, str], ...]
    max_depth: int
    posted_marker: str  # 驻 (中国驻日本大使馆)
    posted_short_forms: dict[str, str]  # 沪 → 上海 (日本驻沪总领事馆)
    full_region_suffixes: tuple[str, ...]  # 县, 省 (日本冈山县…: a prefecture, not a customary region such as 九州)
    home_prefixes: dict[str, str]  # 省 → Region (省花卉协会: the home province's)
    region_members: dict[str, frozenset[EntityKey]]  # 东北地区 → {辽宁省, 吉林省, 黑龙江省}


_UNSET: object = object()


class Name:
    """One entity of the document as the containment rules see it: its first mention and the places in it."""

    __slots__ = ("view", "gazetteer", "lists", "key", "mention", "surface", "mobile", "_places", "_posted", "_orgs")

    def __init__(self, view: DocView, gazetteer: GazetteerIndex | None, lists: Lists, key: EntityKey,
                 mention: Mention | None) -> None:
        self.view, self.gazetteer, self.lists, self.key, self.mention = view, gazetteer, lists, key, mention
        #: the first mention's text, folded
        self.surface = fold(mention.text) if mention is not None else ""
        #: 苏州经贸团 comes from 苏州; it is not located there
        self.mobile = self.surface.endswith(lists.mobile)
        self._places: list[tuple[int, int, EntityKey]] | None = None
        self._posted: object = _UNSET
        self._orgs: set[int] | None = None

    def places(self) -> list[tuple[int, int, EntityKey]]:
        """Places the recognisers found inside the mention (listed or by shape), longest at each
        position, in offsets relative to it; not the entity itself, nor one of its own class
        (a zone's name holds no shorter zone: 大连高新技术产业园 inside …产业园区)."""
        if self._places is None:
            mention, found = self.mention, {}
            for cand in self.view.places_between(mention.start, mention.end):
                if cand.source not in ("gazetteer", "shape") or cand.end > mention.end \
                        or cand.length == mention.end - mention.start or cand.label == mention.key.label:
                    continue
                start, end = cand.start - mention.start, cand.end - mention.start
                if start not in found or found[start][1] < end:
                    found[start] = (start, end, candidate_key(cand, self.view.folded))
            self._places = [p for p in sorted(found.values()) if p[2] != self.key]
        return self._places

    def opening_zone(self) -> tuple[int, int, EntityKey] | None:
        """A zone that opens a zone's name and leaves a name of its own after it (西咸新区 in
        西咸新区空港新城, 中国(山东)自由贸易试验区 in …烟台片区), not a shorter form of the same name
        (大连高新技术产业园 in 大连高新技术产业园区)."""
        mention = self.mention
        if mention is None or self.key.label != "Zone":
            return None
        zones = [c for c in self.view.candidates_at(mention.start) if c.label == "Zone" and c.source in
                 ("gazetteer", "shape") and mention.end - c.end >= _OWN_NAME]
        if not zones:
            return None
        zone = max(zones, key=lambda c: c.length)
        key = candidate_key(zone, self.view.folded)
        return (0, zone.length, key) if key != self.key else None

    def posted(self) -> tuple[int, int, EntityKey] | None:
        """The place after the last 驻 or before a branch word (中国驻日本大使馆, 新华社东京分社,
        …总领事馆常驻大连领事办公室 → 大连), or a short form right after 驻 (日本驻沪总领事馆 → 上海)."""
        if self._posted is _UNSET:
            surface, marker = self.surface, self.lists.posted_marker
            found = [(start, end, place) for start, end, place in self.places()
                     if (start >= len(marker) and surface.startswith(marker, start - len(marker)))
                     or surface.startswith(self.lists.branch_words, end)]
            short = self._short_form()
            if short is not None and (not found or found[-1][0] < short[0]):
                found.append(short)
            self._posted = found
        return self._posted[-1] if self._posted else None  # type: ignore[index]

    def posted_before(self) -> list[tuple[int, int, EntityKey]]:
        """Places a mission was posted to before the last (日本国驻沈阳总领事馆常驻大连… → 沈阳)."""
        self.posted()
        return self._posted[:-1]  # type: ignore[index]

    def mission(self) -> bool:
        """Whether the name holds 驻 after the place that opens it (中华人民共和国驻大坂总领事馆): the
        opening place sends the mission, it is not where the mission is."""
        places, marker = self.places(), self.lists.posted_marker
        return marker in self.surface[places[0][1] if places and places[0][0] == 0 else 1:]

    def _short_form(self) -> tuple[int, int, EntityKey] | None:
        """A short form right after the last 驻 that no listed place covers (驻沪 → 上海)."""
        surface, marker = self.surface, self.lists.posted_marker
        at = surface.rfind(marker)
        if at < 0 or self.gazetteer is None:
            return None
        start = at + len(marker)
        full = self.lists.posted_short_forms.get(surface[start:start + 1])
        if full is None or any(s <= start < e for s, e, _ in self.places()):
            return None
        entry = self.gazetteer.lookup(full)
        return (start, start + 1, EntityKey(entry.canonical, entry.label)) if entry is not None else None

    def orgs(self) -> set[int]:
        """Ends of the listed bodies that open the name (清华 in 清华苏州环境创新院), for a body's name."""
        if self._orgs is None:
            self._orgs = self.gazetteer.opening(self.surface, ORGANIZATION_CLASSES) \
                if self.gazetteer is not None and self.key.label in ORGANIZATION_CLASSES else set()
        return self._orgs

    def nested(self, start: int, end: int, place: EntityKey, rule_id: str) -> Mention:
        """The mention of ``place`` at ``[start, end)`` inside the name."""
        self.view.ensure_entity(place)
        mention = self.mention
        return Mention(place, mention.start + start, mention.start + end, mention.text[start:end], rule_id)

    def ancestors(self, key: EntityKey) -> set[EntityKey]:
        """The places the lists put ``key`` in, up to its country."""
        found: set[EntityKey] = set()
        parent = self.gazetteer.parent(key) if self.gazetteer is not None else None
        while parent is not None and parent not in found and len(found) < 6:
            found.add(parent)
            parent = self.gazetteer.parent(parent)
        return found

    def brackets(self) -> list[tuple[int, int, EntityKey]]:
        """The places in brackets inside the name (苏州 in 松下新能源(苏州)有限公司)."""
        surface, orgs = self.surface, self.orgs()
        return [(s, e, p) for s, e, p in self.places() if s > 0 and s not in orgs and surface[s - 1] in OPEN
                and e < len(surface) and surface[e] in CLOSE]

    def outranked(self, place: EntityKey, others: list[tuple[int, int, EntityKey]]) -> bool:
        """Whether a smaller place of ``others`` lies outside ``place`` (日本 against 武汉 in
        日本本田制锁(武汉)有限公司; 日本 against 成都 in 成都(日本)动漫中心): the name names two places
        that do not contain each other, and the smaller one says where the entity is."""
        rank = PLACE_RANK.get(place.label, 9)
        return any(PLACE_RANK.get(other.label, 9) > rank and place not in self.ancestors(other)
                   and other not in self.ancestors(place) for _, _, other in others if other != place)

    def gazetteer_parent(self) -> EntityKey | None:
        """Where the lists put the entity (``None`` if unlisted)."""
        return self.gazetteer.parent(self.key) if self.gazetteer is not None else None

    def located(self, place: EntityKey, method: str = "name") -> Fact:
        return Fact(self.key, "locatedIn", place, self.mention.start if self.mention else 0, method)


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
    (日本埼玉县日中友好协会 → 日本, 埼玉县; 埼玉县 → 日本)."""
    if not name.places() or name.posted() is not None or name.mission():
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
    if not name.places() or name.posted() is not None or name.mission():
        return []
    rank = PLACE_RANK.get(name.key.label, 9) if name.key.label in PLACE_CLASSES else None
    brackets = name.brackets()
    places = name.places()
    run = [p for p in places if p[0] == 0]
    while run:  # each place right after that the lists put in it (日本冈山县…, 香川县赞岐市…; not 日本内蒙古…)
        _, end, outer = run[-1]
        inner = next((p for p in places if p[0] == end), None)
        if inner is None or outer not in name.ancestors(inner[2]) \
                or (inner[2].label == "Region" and not name.surface[:inner[1]].endswith(name.lists.full_region_suffixes)):
            break  # (a region such as 九州, 京滨 names a firm or school as often: 日本九州工业大学)
        run.append(inner)
    return [p for p in run if (rank is None or PLACE_RANK.get(p[2].label, 9) < rank)
            and not (brackets and name.outranked(p[2], brackets))]


@containment_rule("locatedIn.name_body_branch")
def name_body_branch(name: Name) -> list[Fact | Mention]:
    """A place right after a listed body that opens the name: the body's branch there
    (清华苏州环境创新院 → 苏州)."""
    if not name.places() or name.posted() is not None:
        return []
    orgs = name.orgs()
    return _read_off(name, "locatedIn.name_body_branch", [p for p in name.places() if p[0] > 0 and p[0] in orgs])


@containment_rule("locatedIn.name_zone", labels=frozenset({"Zone"}))
def name_zone(name: Name) -> list[Fact | Mention]:
    """A zone that opens a zone's name contains it (中国(山东)自由贸易试验区烟台片区 → 中国(山东)自由贸易试验区,
    西咸新区空港新城 → 西咸新区); the mention is containment.leading_place's."""
    zone = name.opening_zone()
    return [name.located(zone[2])] if zone is not None else []


@containment_rule("locatedIn.name_brackets")
def name_brackets(name: Name) -> list[Fact | Mention]:
    """A place in brackets inside the name, unless a smaller place that opens the name lies outside it
    (松下新能源(苏州)有限公司 → 苏州; 成都(日本)动漫中心: not 日本)."""
    if not name.places() or name.posted() is not None:
        return []
    openers = [p for p in name.places() if p[0] == 0]
    return _read_off(name, "locatedIn.name_brackets", [
        p for p in name.brackets() if not (openers and name.outranked(p[2], openers))])


@containment_rule("locatedIn.legal_form")
def legal_form(name: Name) -> list[Fact | Mention]:
    """A Japanese legal form places the company in its country (北斗合同会社 → 日本)."""
    surface = name.surface
    if name.mobile:
        return []
    return [name.located(EntityKey(country, "Country")) for suffix, country in name.lists.legal_forms
            if surface.endswith(suffix) or surface.startswith(suffix)]


@containment_rule("containment.leading_place")
def leading_place(name: Name) -> list[Fact | Mention]:
    """A place that opens a name is a mention even where it does not say where the entity is
    (中国 in 中国国际贸易促进委员会浙江省分会), and so is a zone that opens a zone's name (西咸新区 in
    西咸新区空港新城)."""
    zone = name.opening_zone()
    found = [name.nested(*zone, "containment.leading_place")] if zone is not None else []
    places = name.places()
    if not places or places[0][0] != 0:
        return found
    start, end, place = places[0]  # (places start at distinct offsets)
    posted = name.posted()
    if places[0] in _openers(name):
        return found  # locatedIn.name_start's
    if posted is not None and posted[:2] == (start, end):
        return found  # locatedIn.name_posted's
    return [*found, name.nested(start, end, place, "containment.leading_place")]


@containment_rule("locatedIn.home_prefix", labels=ORGANIZATION_CLASSES)
def home_prefix(name: Name) -> list[Fact | Mention]:
    """A body whose name opens with 省 or 市 and holds no place is the home province's or city's
    (省花卉协会 → the article's province, 市工商联 → its city)."""
    surface, view = name.surface, name.view
    label = name.lists.home_prefixes.get(surface[:1])
    if label is None or label not in view.home or name.places() or name.key in view.parents \
            or name.gazetteer_parent() is not None or name.mobile:  # (市政府代表团 travels)
        return []
    if name.gazetteer is not None and name.gazetteer.opening(surface, PLACE_CLASSES):
        return []  # 市中区, 省庄: a place's own name
    return [name.located(view.home[label])]


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


class Containment:
    """Adds ``locatedIn`` relations read off names and lists, and the places nested in names."""

    def __init__(self, nlp: Language, name: str, *, rules: Iterable[str], legal_forms: str, branch_words: str,
                 mobile_suffixes: str, max_depth: int, words: str, region_members: str) -> None:
        self.name = name
        self.rules: tuple[Rule, ...] = resolve_rules(rules, STAGE)
        cues = stage_cues(words, "containment", STAGE)
        self.lists = Lists(
            branch_words=tuple(fold(w) for w in load_words(branch_words)),
            mobile=tuple(fold(w) for w in load_words(mobile_suffixes)),
            legal_forms=tuple((fold(r["suffix"]), r["country"]) for r in load_tsv(legal_forms)),
            max_depth=max_depth,
            posted_marker=cues["posted_marker"],
            posted_short_forms=dict(cues["posted_short_forms"]),
            full_region_suffixes=tuple(cues["full_region_suffixes"]),
            home_prefixes=dict(load_cues(words)["entities"]["home_prefixes"]),  # (kg_entities' words)
            region_members=_members(region_members),
        )
        labels = {label for found in self.rules for label in found.options["labels"]}
        self._by_label = {label: tuple(r for r in self.rules if label in r.options["labels"]) for label in labels}

    def __call__(self, doc: Doc) -> Doc:
        view: DocView = doc._.view
        gazetteer = doc._.gazetteer
        done: set[EntityKey] = set()
        keys = {m.key for m in view.mentions}
        while keys:  # then the places first found nested in names (中国(山东)自由贸易试验区 in its 烟台片区)
            nested: list[Mention] = []
            for key in sorted(keys):
                rules = self._by_label.get(key.label)
                if not rules:
                    continue
                name = Name(view, gazetteer, self.lists, key, view.first_mention(key))
                for found in rules:
                    for item in found.func(name):
                        if isinstance(item, Mention):
                            nested.append(item)
                        else:
                            view.add(*item, rule=found.id)
            done |= keys
            seen = {(m.key, m.start, m.end) for m in view.mentions}
            unique: list[Mention] = []
            for mention in nested:
                if (mention.key, mention.start, mention.end) not in seen:
                    seen.add((mention.key, mention.start, mention.end))
                    unique.append(mention)
            doc._.mentions.extend(unique)
            _nested_aliases(doc._.entities, unique)
            keys = {m.key for m in unique} - done
        return doc


def _members(path: str) -> dict[str, frozenset[EntityKey]]:
    """Region → the places in it (``region_members.tsv``; a member is a province or a city)."""
    found: dict[str, set[EntityKey]] = {}
    for row in load_tsv(path, columns=("region", "member", "label")):
        found.setdefault(row["region"], set()).add(EntityKey(row["member"], row["label"]))
    return {region: frozenset(members) for region, members in found.items()}


def _nested_aliases(records: dict[EntityKey, EntityRecord], nested: list[Mention]) -> None:
    """A place named inside a name in another form than its own (中國 in 中國(陝西)自由貿易試驗區,
    西鹹新區 of 陕西西咸新区, 青島 in 日本駐青島總領事館) has that form as an alias, as a mention found on
    its own would."""
    for mention in nested:
        record = records.get(mention.key)
        surface = "".join(mention.text.split())
        if record is not None and surface != mention.key.name and surface not in record.aliases:
            records[mention.key] = record._replace(aliases=(*record.aliases, surface))


@Language.factory(
    "kg_containment",
    default_config={"rules": DEFAULT_RULES, "legal_forms": "patterns/legal_forms.tsv",
                    "branch_words": "patterns/branch_words.txt", "mobile_suffixes": "patterns/mobile_suffixes.txt",
                    "max_depth": 4, "words": "patterns/name_cues.json",
                    "region_members": "patterns/region_members.tsv"},
    assigns=["doc._.relations", "doc._.mentions", "doc._.entities"],
    requires=["doc._.sentences", "doc._.mentions", "doc._.candidates", "doc._.parents", "doc._.gazetteer"],
)
def make_containment(nlp: Language, name: str, rules: list[str], legal_forms: str, branch_words: str,
                     mobile_suffixes: str, max_depth: int, words: str, region_members: str) -> Containment:
    return Containment(nlp, name, rules=rules, legal_forms=legal_forms, branch_words=branch_words,
                       mobile_suffixes=mobile_suffixes, max_depth=max_depth, words=words,
                       region_members=region_members)
