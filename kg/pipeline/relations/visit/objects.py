"""What is visited: the places and bodies after a cue (or before 进行…访问), short names (访日, 来闽)."""

from __future__ import annotations

from ....ontology import PLACE_CLASSES, PLACE_RANK
from ....records import EntityKey, Mention
from ...marks import CLAUSE_BREAKS
from ..base import VISITED, VISITORS, Sentence, _item_ends, enumeration, inside_unnamed
from ..lexicon import reads
from .visitors import _SUBORDINATE_PLACES


def _abbreviation(s: Sentence, at: int) -> EntityKey | None:
    """The place a one-character short name at ``at`` stands for (访汉 → 武汉, 来闽 → 福建) if the document
    names it, the country of 访日 and 访华 in any case; 我省 → the home province."""
    text, lex = s.text, s.lex
    if text.startswith(lex["home_region_words"], at):
        return s.view.home.get("Region")
    country = lex["country_abbreviations"].get(text[at:at + 1])
    if country is not None:  # 访日, 访华: the country, named in the document or not
        return next((k for k in s.view.entities if k.label == "Country" and k.name == country),
                    EntityKey(country, "Country"))
    targets = lex["place_abbreviations"].get(text[at:at + 1])
    if targets is None:
        return None
    for target in targets.split("|"):  # 苏: 江苏|苏州, whichever the document names
        for key in s.view.entities:
            if key.label in PLACE_CLASSES and (key.name == target or key.name in
                                                 {target + end for end in lex["abbreviation_suffixes"]}) \
                    and s.view.first_mention(key) is not None:
                return key
    return None


def _with_containers(s: Sentence, objects: list[Mention]) -> list[Mention]:
    """赴日本大阪: the country and the city are both visited (the enumeration keeps the city)."""
    out: list[Mention] = []
    by_end = {m.end: m for m in s.mentions}
    for obj in objects:
        before = by_end.get(obj.start)
        if obj.key.label in PLACE_CLASSES and before is not None and before.key.label in PLACE_CLASSES \
                and PLACE_RANK[before.key.label] < PLACE_RANK[obj.key.label] and before not in objects \
                and before not in out:
            out.append(before)
        out.append(obj)
    return out


def _objects_after(s: Sentence, after: int, limit: int) -> list[EntityKey]:
    """What is visited from ``after`` on: an enumeration of places and bodies, or a short name."""
    text, lex = s.text, s.lex
    for relative in lex["relative_location"]:
        end = text.find(lex["relative_end"], after, limit)
        if text.startswith(relative, after) and end > 0:
            after = end + 1  # 考察了位于开发区的佳能…
            break
    role_end = _past_partner_role(s, after, limit)
    partner, after = role_end != after, role_end
    first = s.first_after(after)
    while first is not None and s.mentions[first].start < limit and first + 1 < len(s.mentions) \
            and inside_unnamed(s, s.mentions[first].end, limit):
        first += 1  # 泉州 in 泉州海交馆、清源山、中国闽台缘博物馆
    if first is not None and s.mentions[first].start != after and s.mentions[first].start < limit \
            and lex["unnamed_items_pattern"].fullmatch(text, after, s.mentions[first].start) \
            and lex["possessive"] not in text[after:s.mentions[first].start] \
            and _item_ends(s, s.mentions[first].end, limit):
        after = s.mentions[first].start  # 参观了泉州海交馆、清源山、中国闽台缘博物馆: past the unnamed ones
    if first is None or s.mentions[first].start != after:
        within = _home_region_list(s, after, limit)
        if within:
            return within
        short = _abbreviation(s, after)
        return [short] if short is not None else []
    owner, lead = s.mentions[first], []
    following = s.mentions[first + 1] if first + 1 < len(s.mentions) else None
    if text.startswith(lex["possessive"], owner.end) and following is not None and following.start < limit \
            and following.start - owner.end <= 8 \
            and not any(ch in CLAUSE_BREAKS for ch in text[owner.end:following.start]):
        first += 1  # 来到合肥的友好城市久留米: 久留米 is visited
        if following.start == owner.end + len(lex["possessive"]) and owner.key.label in PLACE_CLASSES \
                and following.key.label in PLACE_CLASSES \
                and PLACE_RANK[owner.key.label] < PLACE_RANK[following.key.label]:
            lead = [owner.key]  # 去过山西的太原: 山西 too
    items = enumeration(s, first, VISITED, limit, unnamed=True)
    hosts, count = _called_on(s, first, limit)
    items += [m for m in hosts if m not in items] if count > 1 else []  # (the first host: the enumeration's)
    found = _with_containers(s, items)
    if partner and items:  # 友好城市京畿道光明市: the partner is the city, its province locates it
        found = [m for m in found if m in items or m.end != items[0].start]
    return lead + [m.key for m in found if not _name_part(s, m)]


reads("_called_on", "enumeration_links", "called_on_former", "called_on_owners", "visit", "visit_particles")


def _called_on(s: Sentence, first: int, limit: int) -> tuple[list[Mention], int]:
    """拜会了A会长甲、B理事长乙和我C临时代办丙: the hosts listed after a cue, each a body or place right before a
    title and its holder's name: the bodies and places (not one whose post is held no more: 城西大学前理事长乙),
    and how many hosts are listed."""
    text, lex, mentions = s.text, s.lex, s.mentions
    out: list[Mention] = []
    n, hosts = first, 0
    while n + 1 < len(mentions) and mentions[n + 1].end <= limit:
        body, holder = mentions[n], mentions[n + 1]
        gap = text[body.end:holder.start]
        if body.key.label not in VISITED or holder.key.label != "Person" or not gap.endswith(lex.titles) \
                or any(ch in CLAUSE_BREAKS + "、" for ch in gap):
            break
        hosts += 1
        if not gap.startswith(tuple(lex["called_on_former"])):
            out.append(body)
        n += 2
        if n >= len(mentions) or mentions[n].start >= limit:
            break
        link = text[holder.end:mentions[n].start]
        owner = next((w for w in lex["called_on_owners"] if link.endswith(w)), "")
        if link == "" or link[:len(link) - len(owner)] not in lex["enumeration_links"]:
            break
    return out, hosts


def called_places(s: Sentence) -> frozenset[EntityKey]:
    """The places whose officials a cue of the sentence calls on (驻青山总领事甲拜会青山市市长乙): the visitor calls at
    the place's government, even one posted there."""
    def read(s: Sentence) -> frozenset[EntityKey]:
        found: set[EntityKey] = set()
        for _, end, _ in s.find("visit"):
            end += 1 if s.text.startswith(s.lex["visit_particles"], end) else 0
            first = s.first_after(end)
            if first is not None and s.mentions[first].start == end:
                found.update(m.key for m in _called_on(s, first, s.clause_of(end)[1])[0]
                             if m.key.label in PLACE_CLASSES)
        return frozenset(found)
    return s.memo(called_places, read)


def _past_partner_role(s: Sentence, at: int, limit: int) -> int:
    """访问友省黑龙江省, 拜访了友好城市光明市: a word of what the place is to the visitor (友省, 友好城市) right
    before its name only says why it is visited; the place right after the word is the object."""
    word = next((w for w in s.lex["visited_partner_roles"] if s.text.startswith(w, at)), None)
    if word is None:
        return at
    first = s.first_after(at + len(word))
    if first is None or s.mentions[first].start != at + len(word) or s.mentions[first].start >= limit \
            or s.mentions[first].key.label not in PLACE_CLASSES:
        return at
    return s.mentions[first].start


def _home_region_list(s: Sentence, at: int, limit: int) -> list[EntityKey]:
    """访问了我省无锡市和宜兴市: the home province's word right before places only says where they lie; what
    follows it is visited, not the province."""
    text = s.text
    word = next((w for w in s.lex["home_region_words"] if text.startswith(w, at)), None)
    if word is None:
        return []
    first = s.first_after(at + len(word))
    if first is None or s.mentions[first].start != at + len(word) or s.mentions[first].start >= limit \
            or s.mentions[first].key.label not in PLACE_CLASSES - {"Country", "Region"}:
        return []
    return [m.key for m in enumeration(s, first, VISITED, limit, unnamed=True) if not _name_part(s, m)]


def _name_part(s: Sentence, m: Mention) -> bool:
    """A place that is only part of a name no name was found for: right before 驻 (拜访了中国驻日本大使馆:
    the embassy is visited, not 中国), or a country right after an event's or a body's name
    (参观了大阪世博会中国馆: the pavilion, not 中国)."""
    if m.key.label not in PLACE_CLASSES:
        return False
    if s.text.startswith(s.lex["posting_marker"], m.end):
        return True
    return m.key.label == "Country" and any(o.end == m.start and o.key.label not in PLACE_CLASSES
                                            for o in s.mentions)


def _places_at(s: Sentence, at: int, end: int) -> list[EntityKey]:
    """The places named one after the other from the first after ``at`` on, before ``end``, maybe listed
    (日本大阪; 大阪、东京)."""
    out: list[EntityKey] = []
    position = -1
    links = s.lex["place_list_links"]
    for m in s.mentions:
        if m.start < at or m.end > end or m.key.label not in PLACE_CLASSES \
                or (out and m.start != position and s.text[position:m.start] not in links):
            if out:
                break
            continue
        out.append(m.key)
        position = m.end
    return out


def _objects_before(s: Sentence, c_start: int, cue_start: int) -> tuple[list[EntityKey], int]:
    """对日本进行了友好访问, 到日本进行访问: the places after 对/到 before 进行 and the cue, and where the
    visitors end (at 对/到); 在辽宁考察: the place right before the cue."""
    text, lex = s.text, s.lex
    conduct = max((text.rfind(w, c_start, cue_start) for w in lex["visit_conduct"]), default=-1)
    if conduct < 0:
        reached = _objects_reached(s, c_start, cue_start)
        if reached is not None:
            return reached
        right = next((m for m in s.mentions if m.end == cue_start and m.key.label in _SUBORDINATE_PLACES
                      and s.preceded_by(m, lex["place_marker"])), None)
        return ([right.key], cue_start) if right is not None else ([], cue_start)
    for prep in lex["visit_by_preposition"]:
        at = text.rfind(prep, c_start, conduct)
        if at < 0:
            continue
        first = s.first_after(at + len(prep))
        if first is not None and s.mentions[first].start == at + len(prep) \
                and s.mentions[first].key.label in PLACE_CLASSES:
            found = _with_containers(s, enumeration(s, first, PLACE_CLASSES, conduct))
            return [m.key for m in found], at
        short = _abbreviation(s, at + len(prep))
        if short is not None:
            return [short], at
    return [], cue_start


def _objects_reached(s: Sentence, c_start: int, cue_start: int) -> tuple[list[EntityKey], int] | None:
    """先后到A、B和C参观考察: what is named after 到 up to the cue, and where the visitors end (at 到)."""
    text = s.text
    for prep in s.lex["visit_to_prepositions"]:
        at = text.rfind(prep, c_start, cue_start)
        if at < 0 or cue_start - at > _REACH_TO:
            continue
        objects = _objects_after(s, at + len(prep), cue_start)
        last = max((m.end for m in s.mentions if m.key in objects and at < m.start < cue_start), default=-1)
        if objects and last == cue_start:
            return objects, at
    return None


#: How far 到 may stand before the cue it leads to (到A、B、C和D参观考察).
_REACH_TO = 60


reads("go_cues", "visit_go", "visit_go_goers", "visit_go_adverbs")


def go_cues(s: Sentence, plain: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """The visit cues ``plain`` with 到 where it is a verb of going (甲一行到佛山开展考察, 率领代表团到日本福冈
    及长崎，出席…, 先后到A、B等地): right before something visited, right after who goes (a visitor's name,
    一行, 率团, a group's head noun), maybe past a few adverbs (先后, 专程), or opening its clause after
    them (这次到中国四个城市进行…考察); not inside another cue (来到, 到访), nor after a verb (达到, 带到) or a
    place (从大连到东京: a route)."""
    text, lex = s.text, s.lex
    found = list(plain)
    for start, end, _ in s.find("visit_go"):
        after = s.first_after(end)
        if after is None or s.mentions[after].start != end or s.mentions[after].key.label not in VISITED \
                or any(a < end and start < b for a, b, _ in plain):
            continue
        c_start, at = s.clause_of(start)[0], start
        adverbs = lex["visit_go_adverbs"]
        while (adverb := next((w for w in adverbs if text.endswith(w, c_start, at)), None)) is not None:
            at -= len(adverb)
        if (at == c_start and at < start) or text.endswith(lex["visit_go_goers"], c_start, at) \
                or any(m.end == at and m.key.label in VISITORS - PLACE_CLASSES for m in s.mentions):
            found.append((start, end, False))
    return sorted(found)


reads("posted_host", "diplomat_missions", "mission_short_forms")


def posted_host(s: Sentence, host: Mention) -> bool:
    """A host who serves abroad receives guests at the mission, not in the article's home city: a diplomat,
    titled right before or after the name (驻长崎总领事张大兴在馆内会见…, 何振良总领事会见…), or a mission
    itself (中国驻大阪总领事馆接待了…)."""
    lex, text = s.lex, s.text
    missions = lex["diplomat_missions"]
    if host.key.label != "Person":
        return host.key.name.endswith((*set(missions.values()), *lex["mission_short_forms"].values()))
    before = lex.title_suffixes.longest_suffix(text, host.start)
    return bool(before) and before in missions or text.startswith(tuple(missions), host.end)
