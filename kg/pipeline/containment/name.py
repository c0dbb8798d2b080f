"""One entity as the containment rules see it (:class:`Name`): its first mention, the places in
it, the place a mission is posted to, and the word lists the rules read (:class:`Lists`)."""

from __future__ import annotations

from dataclasses import dataclass

from ...ontology import ORGANIZATION_CLASSES, PLACE_RANK
from ...records import EntityKey, Mention
from ..candidates import candidate_key
from ...folding import fold
from ..gazetteer import GazetteerIndex
from ..marks import CLOSE, OPEN
from ..relations.base import Fact
from ..view import DocView

__all__ = ["Lists", "Name"]

#: How long the rest of a zone's name after a zone that opens it is, at least, to name a zone of its own.
_OWN_NAME = 3


@dataclass(frozen=True)
class Lists:
    """The word lists of the containment rules."""

    branch_words: tuple[str, ...]
    mobile: tuple[str, ...]
    legal_forms: tuple[tuple[str, str], ...]
    max_depth: int
    posted_marker: str  # 驻 (中国驻日本大使馆)
    posted_short_forms: dict[str, str]  # 沪 → 上海 (日本驻沪总领事馆)
    full_region_suffixes: tuple[str, ...]  # 县, 省, 地区 (日本冈山县…, 日本九州地区…: not a bare customary region such as 九州)
    home_prefixes: dict[str, str]  # 省 → Region (省花卉协会: the home province's)
    region_members: dict[str, frozenset[EntityKey]]  # 东北地区 → {辽宁省, 吉林省, 黑龙江省}
    mission_words: tuple[str, ...] = ()  # 使馆, 领事馆 (日本大使馆: Japan's, not in Japan)
    pair_links: tuple[str, ...] = ()  # — (中国浙江—日本静冈交流会: the pair's, in neither)
    city_zone_suffixes: tuple[str, ...] = ()  # 开发区, 新区 (a zone a city sets up)
    city_zone_blockers: tuple[str, ...] = ()  # 创新区 (a park inside a zone)
    bilateral_zone_openers: tuple[str, ...] = ()  # 中日 (中日…示范区: a bilateral platform, not the home city's)
    subsidiary_suffixes: tuple[str, ...] = ()  # 有限公司 (横店集团日本公司: the subsidiary in 日本)
    whole_country_prefixes: tuple[str, ...] = ()  # 全 (全日本华侨华人联合会: the whole country's, in it)
    legal_person_prefixes: tuple[str, ...] = ()  # 财团法人 (财团法人日本国际协力中心: the place after it opens the name)
    subject_committees: tuple[str, ...] = ()  # 委员会 (…商工会议所中国委员会: a committee on China, not in it)
    home_country: str = ""  # 中国 (日本产业园区: a zone named after another country lies at home)
    place_abbreviations: frozenset[str] = frozenset()  # 粤, 桂 (粤桂…合作试验区: a zone of several provinces)
    place_stems: tuple[str, ...] = ()  # 市, 区, 县 (濑户 of 濑户市 in 日本濑户西高中)
    stem_blockers: frozenset[str] = frozenset()  # 和平 of 和平区: a word, not the place
    broad_region_ends: tuple[str, ...] = ()  # 地区 (日本九州地区…: read as 日本 and 九州地区 inside a name)
    level_prefixes: dict[str, frozenset[str]] | None = None  # 区 → Zone, District (区党工委: the home zone's)


_UNSET: object = object()
_COUNTRY = frozenset({"Country"})


def _country_apart(found: dict[int, tuple[int, int, EntityKey]], surface: str, gazetteer: GazetteerIndex | None,
                   ends: tuple[str, ...]) -> dict[int, tuple[int, int, EntityKey]]:
    """Inside a name, a region opened by its country (日本九州地区 of 日本九州地区日中友好协会) is read as the
    country and the region after it, as where the two stand apart (日本 and 九州地区 both place the body)."""
    for start, (_, end, key) in list(found.items()):
        if key.label != "Region" or gazetteer is None or not surface.endswith(ends, start, end):
            continue
        for cut in sorted(gazetteer.opening(surface[start:end], _COUNTRY)):
            entry = gazetteer.lookup(surface[start:start + cut])
            if entry is not None and 0 < cut < end - start and found.get(start + cut, (0, 0, key))[2] == key:
                found[start] = (start, start + cut, EntityKey(entry.canonical, entry.label))
                found[start + cut] = (start + cut, end, key)
                break
    return found


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
            self._places = [p for p in sorted(_country_apart(found, self.surface, self.gazetteer, self.lists.broad_region_ends).values())
                            if p[2] != self.key]
        return self._places

    def opening_zone(self) -> tuple[int, int, EntityKey] | None:
        """A zone that opens a zone's name and leaves a name of its own after it (西咸新区 in
        西咸新区空港新城, 中国(山东)自由贸易试验区 in …烟台片区), not a shorter form of the same name
        (大连高新技术产业园 in 大连高新技术产业园区); a form of a zone the article names is that zone
        (金山工业区 in 金山工业区日本产业园, where 上海金山工业区 is named so too)."""
        mention = self.mention
        if mention is None or self.key.label != "Zone":
            return None
        zones = [c for c in self.view.candidates_at(mention.start) if c.label == "Zone" and c.source in
                 ("gazetteer", "shape") and mention.end - c.end >= _OWN_NAME]
        if not zones:
            return None
        zone = max(zones, key=lambda c: c.length)
        key = candidate_key(zone, self.view.folded)
        if key not in self.view.entities:  # (金山工业区, a form of the zone 上海金山工业区 the article names)
            key = next((k for k, e in self.view.entities.items() if k.label == key.label and key.name in e.aliases), key)
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
        """Whether the name holds 驻 after the place that opens it (中华人民共和国驻大坂总领事馆), or is a
        country's embassy or consulate (日本大使馆): the opening place sends the mission, it is not
        where the mission is."""
        places, marker = self.places(), self.lists.posted_marker
        if places and places[0][0] == 0 and places[0][2].label == "Country" \
                and self.key.label in ORGANIZATION_CLASSES and self.surface.endswith(self.lists.mission_words):
            return True
        return marker in self.surface[places[0][1] if places and places[0][0] == 0 else 1:]

    def paired(self) -> bool:
        """Whether a place right after a pair link lies outside the place that opens the name (中国江苏—
        日本石川交流促进会, 苏州·大阪…): the name is a pair's."""
        places, links = self.places(), self.lists.pair_links
        if not places or places[0][0] != 0:
            return False
        first = places[0][2]
        return any(start > 0 and self.surface[start - 1:start] in links and place != first
                   and first not in self.ancestors(place) for start, _, place in places)

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

    def stem_place(self, at: int) -> tuple[int, int, EntityKey] | None:
        """A city or district the article names in full, written without its 市, 区 or 县 at ``at`` in the
        name (濑户 of 濑户市 in 日本濑户西高中, 浜北 of 浜北区 in 浜北日中友好协会), as entities.district_stem
        reads one standing alone; not a short name the lists know as a place of its own, nor a word."""
        stems = self.view.memo("containment.stems", self._stems)
        return next(((at, at + len(stem), key) for stem, key in stems
                     if self.surface.startswith(stem, at) and not self.surface.startswith(key.name, at)
                     and at + len(stem) < len(self.surface) and key != self.key), None)

    def _stems(self) -> list[tuple[str, EntityKey]]:
        found = []
        for key in self.view.entities:
            stem = key.name[:-1]
            if key.label not in ("City", "District") or not key.name.endswith(self.lists.place_stems) \
                    or not 2 <= len(stem) <= 3 or stem in self.lists.stem_blockers \
                    or any(not ("\u4e00" <= ch <= "\u9fff") for ch in stem) \
                    or (self.gazetteer is not None and self.gazetteer.lookup(stem) is not None):
                continue
            found.append((stem, key))
        return sorted(found, key=lambda pair: -len(pair[0]))

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

    def subsidiary(self) -> tuple[int, int, EntityKey] | None:
        """A company's place right before its legal form, after a brand (日本 in 横店集团日本公司)."""
        if self.key.label != "Company":
            return None
        surface = self.surface
        return next((p for p in self.places() if p[0] > 0 and surface[p[1]:] in self.lists.subsidiary_suffixes
                     and surface[p[0] - 1] not in OPEN), None)

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

    def placed(self) -> bool:
        """Whether a fact already places the entity (a rule of the text, or one read off its name)."""
        return any(r.subject == self.key and r.predicate == "locatedIn" for r in self.view.relations)

    def located(self, place: EntityKey, method: str = "name") -> Fact:
        return Fact(self.key, "locatedIn", place, self.mention.start if self.mention else 0, method)
