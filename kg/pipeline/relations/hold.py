"""``heldIn``: where an event takes place, stated (在P举行) or in its name (2023成都日本经贸交流会)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import PLACE_CLASSES
from ...records import EntityKey, Mention
from ..candidates import candidate_key
from ..marks import CLAUSE_BREAKS
from ..view import DocView
from .base import RANK, Fact, Sentence, events_of, listed_events, relation_rule
from .events import event_names, stated
from .lexicon import RelationLexicon, reads

__all__ = ["at_place", "event_name", "host_place", "venue_halls", "venue_places", "visit_place"]

#: How far 在 may stand before the cue (在中国南京和日本东京两地同时召开), and an event after it.
_PLACE_REACH = 24
_EVENT_REACH = 12
#: How many characters may stand between a city written as one character and the cue (在沪隆重举行).
_ABBREVIATION_GAP = 2
#: Places a smaller place right after them narrows down (在日本东京 → 东京, 在山东威海 → 威海; not
#: 在广州南沙, where both are said).
_WIDE = frozenset({"Country", "Region"})


def _places_of(view: DocView, mention: Mention) -> list[EntityKey]:
    """A place mention itself; for a body, the listed places inside its name (中国人民大学苏州校区 →
    中国, 苏州; the venue rule keeps the smallest), none inside another (东京都椿山庄 → 东京, not 京都)."""
    if mention.key.label in PLACE_CLASSES:
        return [mention.key]
    if mention.key.label == "Event":
        return []  # 在大阪世博会的中国馆: the place of another event's name says where that one is
    inside = [c for c in view.places_between(mention.start, mention.end) if c.end <= mention.end
              and ((c.source == "gazetteer" and c.canonical) or (c.source == "shape" and c.label == "District"))]
    longest: dict[int, object] = {}
    for c in inside:  # (at each start the longest: 东京都 over 东京)
        if c.start not in longest or c.length > longest[c.start].length:
            longest[c.start] = c
    # (and none inside another: not 京都 in 东京都)
    outer = [c for c in longest.values() if not any(o.start < c.start and c.end <= o.end for o in longest.values())]
    return list(dict.fromkeys(candidate_key(c, view.folded) for c in sorted(outer, key=lambda c: c.start)))


reads("venue_places", "place_abbreviations")
reads("_event_of", "partner_markers")
reads("_after_particle", "attending_particles")


def venue_places(s: Sentence, at: int, end: int) -> list[EntityKey]:
    """The places named between 在 (at ``at``) and ``end``, and the place inside a venue's name
    (东京新大谷酒店 → 东京): the smallest said (在日本东京 → 东京; 在九州地区经济中心福冈市 → 福冈市;
    在广州南沙 → both; in 厚街镇广东…中心 the province only opens a name); a city written as one
    character (在沪 → 上海) where the article names it."""
    view = s.view
    named = [key for m in s.mentions if at < m.start and m.end <= end for key in _places_of(view, m)]
    found: list[EntityKey] = []
    for i, key in enumerate(named):
        rank = RANK.get(key.label, 9)
        if key.label in _WIDE and any(RANK.get(k.label, 9) > rank for k in named[i + 1:]):
            continue  # 日本东京: Tokyo is meant
        if any(RANK.get(k.label, 9) > rank for k in named[:i]):
            continue  # a wider place after a smaller one opens another name
        found.append(key)
    if not found and end - at - 2 <= _ABBREVIATION_GAP:  # (在沪隆重举行; not 在川日资企业出席: Japanese firms in Sichuan)
        short = _abbreviated(s, at + 1)
        if short is not None:
            found.append(short)
    return list(dict.fromkeys(found))


def _abbreviated(s: Sentence, at: int) -> EntityKey | None:
    """A city or province written as one character at ``at`` (沪 in 在沪举行, 汉 in 访汉), where the
    article names it in full."""
    view = s.view
    name = s.lex["place_abbreviations"].get(s.text[at:at + 1])
    if not name or view.mentions_between(at, at + 1):
        return None
    full = [m.key for m in view.mentions if m.key.label in PLACE_CLASSES
            and m.key.name.startswith(name) and len(m.key.name) <= len(name) + 1]  # 上海, 上海市
    return full[0] if full else None


#: Quotes that may open an event's name right after the cue (在福建举办“熊本周”).
_OPENING_QUOTES = "“‘「『"


def _event_of(s: Sentence, at: int, cue_start: int, cue_end: int) -> Mention | None:
    """The event a hold cue is about: right after it (在东京举办的E, 举办了E, 举办“E”), else the last
    one before 在 (E在东京举行), else one a little further after it in the clause."""
    text, links = s.text, s.lex["attributive_links"]
    events = events_of(s)
    after = [m for m in events if m.start >= cue_end
             and _after_particle(s, text[cue_end:m.start]).rstrip(_OPENING_QUOTES) in links]
    if after:
        return after[0]
    before = [m for m in events if m.end <= at]
    if before and not text.endswith(s.lex["partner_markers"], before[-1].end, at):
        return before[-1]  # (not E与在P举办的F同步举行: F is held there)
    near = [m for m in events if cue_end <= m.start <= cue_end + _EVENT_REACH
            and not any(ch in CLAUSE_BREAKS for ch in text[cue_end:m.start])]
    return near[0] if near else None


def _after_particle(s: Sentence, gap: str) -> str:
    """``gap`` without the particle that may open it (出席了)."""
    return next((gap[len(p):] for p in s.lex["attending_particles"] if gap.startswith(p)), gap)


@relation_rule("heldIn.at_place", gate=("hold", "participation"), cues=("place_marker", "attributive_links",
                                                                        "attending_cues", "enumeration_links"))
def at_place(s: Sentence) -> Iterator[Fact]:
    """E在P举行, 在P举办的E: the places after 在 (交流会在日本东京举行 → 东京; 在南京和东京两地同时召开 →
    both; 在蓉举行 → 成都); 在P出席(了)E, with the event right after the cue; 在P举办了E1、E2: each."""
    text, place_word, links = s.text, s.lex["place_marker"], s.lex["attributive_links"]
    attending = [c for c in s.find("participation") if c[2] in s.lex["attending_cues"]]
    for cue_start, cue_end, word in s.find("hold") + attending:
        at = text.rfind(place_word, s.start, cue_start)
        # (an alias note after the place is not counted: 在深圳前海深港现代服务业合作区（以下简称“前海合作区”）举行)
        if at < 0 or len(s.lex.alias_notes.sub("", text[at:cue_start])) > _PLACE_REACH:
            continue
        # 在汉期间，代表团参加了E: the place is said in the clause of 在, not in the subject after it
        breaks = [i for i in range(at, cue_start) if text[i] in CLAUSE_BREAKS]
        places = venue_places(s, at, breaks[0] if breaks else cue_start)
        if not places:
            continue
        if word in s.lex["attending_cues"]:  # 在沪出席“…交欢会”: the event attended there
            gap = text[cue_end:cue_end + 2]
            event = next((m for m in events_of(s) if m.start >= cue_end
                          and _after_particle(s, text[cue_end:m.start]).strip("“‘") in links), None) if gap else None
        else:
            event = _event_of(s, at, cue_start, cue_end)
        if event is None:
            continue
        following = [m for m in events_of(s) if m.start >= event.start]
        for listed in listed_events(s, following) if event.start >= cue_end else [event]:
            for place in places:
                yield Fact(listed.key, "heldIn", place, listed.start)


@relation_rule("heldIn.venue_halls", gate=("venue_halls",), cues=("enumeration_links", "venue_hall_gap_pattern"))
def venue_halls(s: Sentence) -> Iterator[Fact]:
    """Places listed before 会场 hold the sentence's event (来自济南、东京、大阪等各个会场的各界人士;
    研讨会的中国南京会场 → 南京)."""
    events = events_of(s)
    if not events:
        return
    text, links, gap = s.text, s.lex["enumeration_links"], s.lex["venue_hall_gap_pattern"]
    for cue_start, _, _ in s.find("venue_halls"):
        before = [m for m in s.mentions if m.end <= cue_start and m.key.label in PLACE_CLASSES]
        if not before or not gap.fullmatch(text, before[-1].end, cue_start):
            continue
        listed = [before[-1]]
        for m in reversed(before[:-1]):
            if text[m.end:listed[-1].start] not in links:
                break
            listed.append(m)
        places = venue_places(s, listed[-1].start - 1, listed[0].end)
        event = min(events, key=lambda m: abs(m.start - cue_start))
        for place in places:
            yield Fact(event.key, "heldIn", place, event.start)


reads("visit_place", "visit_particles", "enumeration_links", "visit_to_prepositions", "visit_come_pattern")

#: How far after the places a visit goes to the event attended or held there may be named.
_VISIT_REACH = 30


@relation_rule("heldIn.visit_place", gate=("visit", "@Event"), cues=("participation", "hold", "organize"))
def visit_place(s: Sentence) -> Iterator[Fact]:
    """赴P参加E, 访P并举办E, 到P参加E, 来P参加E: the event attended or held on a visit takes place where the
    visit goes (赴日本大阪参加第三届中日友好交流大会 → 大阪; 访汉并举办“日本大分周”活动 → 武汉; 组织企业到天津参加
    5月举办的“津洽会” → 天津; 会见来榕参加研讨会的嘉宾 → 福州); a country alone only for an event attended
    that the text has placed nowhere yet (前往日本出席中日省长知事论坛 → 日本)."""
    text, particles = s.text, s.lex["visit_particles"]
    events = events_of(s)
    if not events:
        return
    held = {f.subject for f in s.proposed if f.predicate == "heldIn"}
    # 到 (to) opens a visit only right before the places it goes to (checked below: a place must follow)
    to_words = []
    for word in s.lex["visit_to_prepositions"]:
        at = text.find(word, s.start, s.end)
        while at >= 0:
            to_words.append((at, at + len(word), word))
            at = text.find(word, at + 1, s.end)
    # 来 (to come) too, with the same check (来佳木斯市参加E, 来榕参加E), for an event the text placed
    # nowhere before (…对接会在前海举行。…专程来深出席对接会: 前海 says it)
    come = [(m.start(), m.end(), m.group()) for m in s.lex["visit_come_pattern"].finditer(text, s.start, s.end)]
    placed = {r.subject for r in s.view.relations if r.predicate == "heldIn"}
    for cue_start, cue_end, _ in sorted(s.find("visit") + to_words + come):
        position = cue_end + next((len(p) for p in particles if text.startswith(p, cue_end)), 0)
        chain = []
        for m in s.mentions:
            if m.start < position:
                continue
            if m.start != position or m.key.label not in PLACE_CLASSES:
                break
            chain.append(m)
            position = m.end
        if chain:
            places = venue_places(s, chain[0].start - 1, chain[-1].end)
        else:
            short = _abbreviated(s, position)
            places, position = ([short], position + 1) if short is not None else ([], position)
        countries = [p for p in places if p.label == "Country"]
        places = [p for p in places if p.label != "Country"]  # (考察日本期间…举办: a country says little)
        doing = [c for family in ("participation", "hold", "organize")
                 for c in s.find(family, position, min(s.end, position + _VISIT_REACH))]
        if not doing:
            continue
        first = min(c[0] for c in doing)
        after = [m for m in events if m.start >= first and m.start - first <= _VISIT_REACH
                 and "。" not in text[position:m.start]]
        if not after or after[0].key in held or s.find("visit", position, after[0].start) \
                or after[0].key in placed and any(c[0] == cue_start for c in come):
            continue
        if not places:  # 前往日本出席E: the country, for an event the text has placed nowhere yet
            if after[0].key in placed or not s.find("participation", position, after[0].start):
                continue
            places = countries
        for event in listed_events(s, after):
            for place in places:
                yield Fact(event.key, "heldIn", place, event.start)


@relation_rule("heldIn.event_name", scope="document")
def event_name(view: DocView, lex: RelationLexicon) -> Iterator[Fact]:
    """An event is held where its name says, unless the text says where: the place in brackets
    (2023宁波（东京）投资合作推介会 → 东京), else the city or district it opens with
    (2023成都日本经贸交流会 → 成都), but not a place's own day or week (福州日: held abroad); of a
    summit or exposition named after its host, the town before its suffix (G20大阪峰会 → 大阪)."""
    placed = stated(view, "heldIn")
    for event, names in event_names(view, lex).items():
        if event in placed:
            continue
        place = names.bracket or names.hosted or (names.opening if names.paired in (None, "Country") else None)
        if place is not None and names.promoted is not None and place[1] == names.promoted[1] and not names.bracket:
            continue  # 福州日, 青山周: a place's day or week promotes it elsewhere
        if place is not None:  # (武汉·大分…招待会: either city may host it; 杭州-日本…论坛: 杭州)
            yield Fact(event, "heldIn", place[1], place[0], method="name")


@relation_rule("heldIn.trip", scope="document")
def trip(view: DocView, lex: RelationLexicon) -> Iterator[Fact]:
    """An event the text places nowhere, hosted by visitors on a trip, is held where they went: the
    one place they visited that lies in all the others (代表团访问日本… 代表团与日中经济协会共同举行
    推介会 → 日本; 大分市代表团访汉并举办“日本大分周”活动 → 武汉)."""
    held = {r.subject for r in view.relations if r.predicate == "heldIn"}
    visits: dict[EntityKey, list[tuple[EntityKey, int]]] = {}
    for r in view.relations:
        if r.predicate == "visited" and r.object.label in PLACE_CLASSES:
            visits.setdefault(r.subject, []).append((r.object, r.start))
    for r in [r for r in view.relations if r.predicate == "organizedBy"]:
        event, who = r.subject, r.object
        if event in held or who not in visits:
            continue
        places = list(dict.fromkeys(p for p, _ in visits[who]))
        inner = [p for p in places if all(_inside(view, p, q) for q in places)]
        if len(inner) == 1:
            held.add(event)
            yield Fact(event, "heldIn", inner[0], r.start)


#: Places that hold what they host (a country hosts through its bodies, and is no venue).
_HOST_PLACES = frozenset({"City", "District", "Region"})


@relation_rule("heldIn.host_place", scope="document")
def host_place(view: DocView, lex: RelationLexicon) -> Iterator[Fact]:
    """A city, district or region that hosts an event the text places nowhere holds it, unless it
    travels in the text (淄博举办这次齐商大会 → 淄博; 温州将举办第十五届…博览会 → 温州; but
    西安市代表团在东京举办…: the delegation's city is on a trip)."""
    held = {r.subject for r in view.relations if r.predicate == "heldIn"}
    travellers = {r.subject for r in view.relations if r.predicate == "visited"}
    for r in view.relations:
        if r.predicate != "organizedBy" or r.method != "pattern" or r.subject in held \
                or r.object.label not in _HOST_PLACES or r.object in travellers:
            continue
        hosts = {h.object for h in view.relations if h.subject == r.subject and h.predicate == "organizedBy"
                 and h.object.label in _HOST_PLACES}
        if len(hosts) != 1:
            continue  # (两市共同举办: either may hold it)
        held.add(r.subject)
        yield Fact(r.subject, "heldIn", r.object, r.start)


def _inside(view: DocView, inner: EntityKey, outer: EntityKey) -> bool:
    """``inner`` is ``outer`` or lies in it (the lists, the text's locatedIn so far)."""
    seen: set[EntityKey] = set()
    while inner is not None and inner not in seen:
        if inner == outer:
            return True
        seen.add(inner)
        inner = view.parents.get(inner) or next(
            (r.object for r in view.relations if r.subject == inner and r.predicate == "locatedIn"), None)
    return False

