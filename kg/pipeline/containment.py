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
from .data import load_tsv, load_words
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
#: What lies in a place the lists know.
_CONTAINED = ORGANIZATION_CLASSES | {"Region", "City", "District", "Zone"}

reads(STAGE, "Name.posted", "posted_marker")

DEFAULT_RULES = [
    "containment.leading_place",
    "locatedIn.name_posted",
    "locatedIn.name_start",
    "locatedIn.name_body_branch",
    "locatedIn.name_brackets",
    "locatedIn.legal_form",
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
                        or cand.length == mention.end - mention.start \
                        or (cand.label == mention.key.label and not _zone_in_zone(cand, mention)):
                    continue
                start, end = cand.start - mention.start, cand.end - mention.start
                if start not in found or found[start][1] < end:
                    found[start] = (start, end, candidate_key(cand, self.view.folded))
            self._places = [p for p in sorted(found.values()) if p[2] != self.key]
        return self._places

    def posted(self) -> tuple[int, int, EntityKey] | None:
        """The place after 驻 or before a branch word (中国驻日本大使馆, 新华社东京分社), if any."""
        if self._posted is _UNSET:
            surface, marker = self.surface, self.lists.posted_marker
            self._posted = next(((start, end, place) for start, end, place in self.places()
                                 if (start >= len(marker) and surface.startswith(marker, start - len(marker)))
                                 or surface.startswith(self.lists.branch_words, end)), None)
        return self._posted  # type: ignore[return-value]

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

    def located(self, place: EntityKey, method: str = "name") -> Fact:
        return Fact(self.key, "locatedIn", place, self.mention.start if self.mention else 0, method)


def _zone_in_zone(cand, mention: Mention) -> bool:
    """A zone that opens a zone's name and leaves a name of its own after it (西咸新区 in 西咸新区空港新城,
    中国(山东)自由贸易试验区 in …烟台片区), not a shorter form of the same name (大连高新技术产业园 in
    大连高新技术产业园区)."""
    return cand.label == "Zone" and cand.start == mention.start and mention.end - cand.end >= _OWN_NAME


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
    return _read_off(name, "locatedIn.name_posted", [posted]) if posted is not None else []


@containment_rule("locatedIn.name_start")
def name_start(name: Name) -> list[Fact | Mention]:
    """A place that opens a name, larger than the entity (苏州市商务局 → 苏州, 苏州高新区 → 苏州)."""
    if not name.places() or name.posted() is not None:
        return []
    rank = PLACE_RANK.get(name.key.label, 9) if name.key.label in PLACE_CLASSES else None
    return _read_off(name, "locatedIn.name_start", [
        p for p in name.places() if p[0] == 0 and (rank is None or PLACE_RANK.get(p[2].label, 9) < rank)])


@containment_rule("locatedIn.name_body_branch")
def name_body_branch(name: Name) -> list[Fact | Mention]:
    """A place right after a listed body that opens the name: the body's branch there
    (清华苏州环境创新院 → 苏州)."""
    if not name.places() or name.posted() is not None:
        return []
    orgs = name.orgs()
    return _read_off(name, "locatedIn.name_body_branch", [p for p in name.places() if p[0] > 0 and p[0] in orgs])


@containment_rule("locatedIn.name_brackets")
def name_brackets(name: Name) -> list[Fact | Mention]:
    """A place in brackets inside the name (松下新能源(苏州)有限公司 → 苏州)."""
    if not name.places() or name.posted() is not None:
        return []
    surface, orgs = name.surface, name.orgs()
    return _read_off(name, "locatedIn.name_brackets", [
        (s, e, p) for s, e, p in name.places() if s > 0 and s not in orgs and surface[s - 1] in OPEN
        and e < len(surface) and surface[e] in CLOSE])


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
    (中国 in 中国国际贸易促进委员会浙江省分会)."""
    places = name.places()
    if not places or places[0][0] != 0:
        return []
    start, end, place = places[0]  # (places start at distinct offsets)
    key, posted = name.key, name.posted()
    if posted is None and (key.label not in PLACE_CLASSES
                           or PLACE_RANK.get(place.label, 9) < PLACE_RANK.get(key.label, 9)):
        return []  # locatedIn.name_start's
    if posted is not None and posted[:2] == (start, end):
        return []  # locatedIn.name_posted's
    return [name.nested(start, end, place, "containment.leading_place")]


@containment_rule("locatedIn.gazetteer_parent", labels=_CONTAINED)
def gazetteer_parent(name: Name) -> list[Fact | Mention]:
    """What the lists know: the parent of a listed entity, and its parent, up to the country
    (吴中区 → 苏州 → 江苏省 → 中国)."""
    parent_of = name.gazetteer.parent if name.gazetteer is not None else (lambda key: None)
    key = name.key
    parent = name.view.parents.get(key) or parent_of(key)
    found: list[Fact | Mention] = []
    while parent is not None and len(found) < name.lists.max_depth and parent != key:
        found.append(name.located(parent, "gazetteer"))
        parent = parent_of(parent)
    return found


class Containment:
    """Adds ``locatedIn`` relations read off names and lists, and the places nested in names."""

    def __init__(self, nlp: Language, name: str, *, rules: Iterable[str], legal_forms: str, branch_words: str,
                 mobile_suffixes: str, max_depth: int, words: str) -> None:
        self.name = name
        self.rules: tuple[Rule, ...] = resolve_rules(rules, STAGE)
        self.lists = Lists(
            branch_words=tuple(fold(w) for w in load_words(branch_words)),
            mobile=tuple(fold(w) for w in load_words(mobile_suffixes)),
            legal_forms=tuple((fold(r["suffix"]), r["country"]) for r in load_tsv(legal_forms)),
            max_depth=max_depth,
            posted_marker=stage_cues(words, "containment", STAGE)["posted_marker"],
        )
        labels = {label for found in self.rules for label in found.options["labels"]}
        self._by_label = {label: tuple(r for r in self.rules if label in r.options["labels"]) for label in labels}

    def __call__(self, doc: Doc) -> Doc:
        view: DocView = doc._.view
        gazetteer = doc._.gazetteer
        nested: list[Mention] = []
        done: set[EntityKey] = set()
        todo = [(key, view.first_mention(key)) for key in sorted({m.key for m in view.mentions})]
        while todo:
            for key, mention in todo:
                done.add(key)
                rules = self._by_label.get(key.label)
                if not rules:
                    continue
                name = Name(view, gazetteer, self.lists, key, mention)
                for found in rules:
                    for item in found.func(name):
                        if isinstance(item, Mention):
                            nested.append(item)
                        else:
                            view.add(*item, rule=found.id)
            # a name nested in a name holds names too (西咸新区 in 西咸新区空港新城 in …管委会)
            todo = sorted({(m.key, m) for m in nested if m.key not in done and m.key.label == "Zone"}, key=lambda km: km[0])
        doc._.mentions.extend(nested)
        _nested_aliases(doc._.entities, nested)
        return doc


def _nested_aliases(records: dict[EntityKey, EntityRecord], nested: list[Mention]) -> None:
    """A place named inside a name in another form than its own (中國 in 中國(陝西)自由貿易試驗區,
    西鹹新區 of 陕西西咸新区) has that form as an alias, as a mention found on its own would."""
    for mention in nested:
        record = records.get(mention.key)
        surface = "".join(mention.text.split())
        if record is not None and surface != mention.key.name and surface not in record.aliases:
            records[mention.key] = record._replace(aliases=(*record.aliases, surface))


@Language.factory(
    "kg_containment",
    default_config={"rules": DEFAULT_RULES, "legal_forms": "patterns/legal_forms.tsv",
                    "branch_words": "patterns/branch_words.txt", "mobile_suffixes": "patterns/mobile_suffixes.txt",
                    "max_depth": 4, "words": "patterns/name_cues.json"},
    assigns=["doc._.relations", "doc._.mentions", "doc._.entities"],
    requires=["doc._.sentences", "doc._.mentions", "doc._.candidates", "doc._.parents", "doc._.gazetteer"],
)
def make_containment(nlp: Language, name: str, rules: list[str], legal_forms: str, branch_words: str,
                     mobile_suffixes: str, max_depth: int, words: str) -> Containment:
    return Containment(nlp, name, rules=rules, legal_forms=legal_forms, branch_words=branch_words,
                       mobile_suffixes=mobile_suffixes, max_depth=max_depth, words=words)
