"""``organizedBy``: the hosts of an event (主办, 承办, 举办 by a body), stated or in its name."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import PLACE_CLASSES
from ...records import EntityKey, Mention
from ..marks import CLAUSE_BREAKS
from ..view import DocView
from .base import (BODIES_AND_PLACES, RANK, Fact, Sentence, current_event, events_of, listed_events,
                   relation_rule)
from .events import event_names, stated
from .lexicon import RelationLexicon, reads

__all__ = ["HOSTS", "event_name", "events_after", "host_nouns", "host_verb", "hosting_cues", "hosts", "organizers_before",
           "where_held"]

#: Who may host an event: bodies and places, not a country (on real news a country before a host is the
#: first word of a name not found whole: 由中国国际贸促会西安市分会主办 → not 中国).
HOSTS = BODIES_AND_PLACES - {"Country"}
#: How far after the cue the event it hosts may start (承办的“…”, 举办了日本中四国地区“…”).
_EVENT_REACH = 12
#: What joins one host's cue to the next (由A主办，B、C承办), and what ends the chain.
_LIST_MARK = "、"
_STOPS = "。；;"
#: How far a name may go on after a listed name in it before its 驻 (青山科技园区国家示范区驻东京联络处).
_NAME_REACH = 12


def _event(s: Sentence, cue_end: int, before: int) -> EntityKey | None:
    """The event a cue is about: one right after it, else the one right before ``before`` (E由A主办),
    else the sentence's first before it (E是…的配套活动，由A主办), else the event the sentence refers to."""
    events = events_of(s)
    after = events_after(s, cue_end)
    if after:
        return after[0].key
    earlier = [m for m in events if m.end <= before]
    if earlier:
        return earlier[-1].key if earlier[-1].end == before else earlier[0].key
    return current_event(s)


reads("events_after", "event_list_opener_pattern")


def events_after(s: Sentence, cue_end: int) -> list[Mention]:
    """The event right after a cue, in its clause, and those listed right after it (举办了E1和E2); else
    those the next clause lists after 包括 (举办了10场配套活动，包括E1、E2、E3)."""
    text, events = s.text, events_of(s)
    first = next((m for m in events if cue_end <= m.start <= cue_end + _EVENT_REACH
                  and not any(ch in CLAUSE_BREAKS for ch in text[cue_end:m.start])), None)
    if first is None:
        _, c_end = s.clause_of(cue_end)
        opener = s.lex["event_list_opener_pattern"].match(text, c_end)
        if opener is not None and not any(m.start < c_end and m.key.label == "Event" for m in events if m.start >= cue_end):
            first = next((m for m in events if m.start == opener.end()), None)
    return [] if first is None else listed_events(s, [m for m in events if m.start >= first.start])


reads("organizers_before", "enumeration_links", "host_gap_pattern", "place_marker", "event_place_links")
reads("_organize_cues", "organize_noun_ends")


def organizers_before(s: Sentence, start: int, cue_start: int) -> list[Mention]:
    """The bodies and places of the enumeration that ends before a cue in ``[start, cue_start)``
    (A与B、C共同主办; A在P组织召开: a place after 在 is where, not who; of a chain of places written
    together, the last: 广东省佛山南海区在东京召开 → 南海区)."""
    text, links, gap, place_word = s.text, s.lex["enumeration_links"], s.lex["host_gap_pattern"], s.lex["place_marker"]
    inside = [m for m in s.mentions if start <= m.start and m.end <= cue_start]
    last = None
    for i in range(len(inside) - 1, -1, -1):
        m = inside[i]
        if where_held(s, m, place_word) or any(o.start < m.start < o.end for o in inside):
            continue  # where it is held (在P), or a place inside a name
        if gap.fullmatch(text, m.end, cue_start):
            last = i
        break
    if last is None or inside[last].key.label not in HOSTS:
        return []
    found = [inside[last]]
    walked = found[-1]
    for m in reversed(inside[:last]):
        if m.end > walked.start:
            continue  # a place inside a name
        if text[m.end:walked.start] not in links or m.key.label not in BODIES_AND_PLACES:
            break
        narrows = m.end == walked.start and m.key.label in PLACE_CLASSES and walked.key.label in PLACE_CLASSES \
            and RANK[m.key.label] <= RANK[walked.key.label]
        walked = m
        if narrows:
            continue  # 日本福冈县, 广东省佛山南海区, 苏州吴江区盛泽镇: the last place of a chain hosts, the others say where
        found.append(m)
    return [m for m in found[::-1] if m.key.label in HOSTS]


def _organize_cues(s: Sentence) -> list[tuple[int, int, str]]:
    """The cues of hosting, but not a noun made of one (举办地: the venue, 由当届举办地俱乐部…协办)."""
    return [c for c in s.find("organize") if not s.text.startswith(s.lex["organize_noun_ends"], c[1])]


reads("_active_holds", "active_hold_verbs", "attending_particles")


def hosting_cues(s: Sentence) -> list[tuple[int, int, str]]:
    """The cues of hosting (主办, 举办…) and 举行 with the event right after it, in order."""
    return sorted(_organize_cues(s) + _active_holds(s))


def _active_holds(s: Sentence) -> list[tuple[int, int, str]]:
    """举行 with the event right after it (A在P举行了“E”): said of who holds it, like 举办; not E在P举行."""
    text, verbs, particles = s.text, s.lex["active_hold_verbs"], s.lex["attending_particles"]
    events = events_of(s)
    found = []
    for start, end, word in s.find("hold"):
        if word not in verbs:
            continue
        at = end + next((len(p) for p in particles if text.startswith(p, end)), 0)
        if any(at <= m.start <= at + 1 for m in events):  # (an opening quote between)
            found.append((start, end, word))
    return found


def where_held(s: Sentence, mention: Mention, place_word: str) -> bool:
    """A place after 在 or 于, maybe after the places that hold it (在日本东京举办, 于青山省白河市举办:
    白河市 is where, not who), and a venue right after such places (在日本东京某某王子酒店举行)."""
    words = (place_word, *(w for w in s.lex["event_place_links"] if w))
    first = True
    while not any(s.preceded_by(mention, w) for w in words):
        before = [m for m in s.mentions if m.end == mention.start and m.key.label in PLACE_CLASSES]
        if (mention.key.label not in PLACE_CLASSES and not first) or not before:
            return False
        mention, first = before[0], False
    return True


@relation_rule("organizedBy.hosts", gate=("organize",), cues=("agent_marker", "place_marker", "posting_marker",
                                                                      "enumeration_links"))
def hosts(s: Sentence) -> Iterator[Fact]:
    """由A和B主办，C、D承办的E: the bodies and places between 由 and each host's cue host the event
    (由大连市政府和日本贸易振兴机构共同主办的第三届中日产业合作论坛); a clause that ends in another
    word (由A支持指导，B主办) names no host."""
    text, by_word, place_word = s.text, s.lex["agent_marker"], s.lex["place_marker"]
    cues = _organize_cues(s)
    done = -1
    for index, (cue_start, cue_end, _) in enumerate(cues):
        if cue_start < done:
            continue
        by = text.rfind(by_word, s.start, cue_start)
        if by < 0 or any(by < c < cue_start for c, _, _ in cues[:index]):
            continue
        chain = [(cue_start, cue_end)]  # 由A主办，B承办，C协办
        for following in cues[index + 1:]:
            between = text[chain[-1][1]:following[0]]
            if not between or between[0] not in CLAUSE_BREAKS + _LIST_MARK or any(ch in _STOPS for ch in between):
                break
            chain.append((following[0], following[1]))
        done = chain[-1][1]
        event = _event(s, chain[-1][1], by)
        if event is None:
            continue
        segment_start = by + len(by_word)
        for c_start, c_end in chain:
            breaks = [i for i in range(segment_start, c_start) if text[i] in CLAUSE_BREAKS]
            begin = breaks[-1] + 1 if breaks else segment_start
            notes = [n.span() for n in s.lex.alias_notes.finditer(text, begin, c_start)]
            for i, m in enumerate(s.mentions):
                if begin <= m.start and m.end <= c_start and m.key.label in HOSTS \
                        and not s.preceded_by(m, place_word) and not _inside(s, m, begin, c_start) \
                        and not any(a <= m.start < b for a, b in notes) and not _qualifier(s, i) \
                        and not _posting(s, m):
                    yield Fact(event, "organizedBy", m.key, m.start)
            segment_start = c_end


def _posting(s: Sentence, mention: Mention) -> bool:
    """A name joined to another by 驻 is a piece of one longer name (由青山示范区驻东京联络处主办: neither
    青山示范区 nor 东京 hosts it)."""
    marker, text = s.lex["posting_marker"], s.text
    if s.preceded_by(mention, marker):
        return True
    at = text.find(marker, mention.end, mention.end + _NAME_REACH)
    return at >= 0 and all("\u4e00" <= ch <= "\u9fff" and ch not in s.lex["enumeration_links"]
                           for ch in text[mention.end:at])  # the name goes on up to 驻


def _qualifier(s: Sentence, index: int) -> bool:
    """A country or region written right before another name only says where it is (日本京都府厅); any
    name written right before another is a piece of one longer name no stage found whole
    (中共苏州市吴江区盛泽镇委员会: not 中国共产党, 苏州 nor 吴江区)."""
    mention = s.mentions[index]
    following = next((m for m in s.mentions[index + 1:] if m.start >= mention.end), None)
    return following is not None and following.start == mention.end


def _inside(s: Sentence, mention: Mention, start: int, end: int) -> bool:
    """``mention`` lies inside another mention of ``[start, end)`` (a place inside a body's name)."""
    return any(o is not mention and o.start <= mention.start and mention.end <= o.end and o.end - o.start >
               mention.end - mention.start and start <= o.start and o.end <= end for o in s.mentions)


@relation_rule("organizedBy.host_verb", gate=("organize", "hold"), cues=("agent_marker", "event_place_links"))
def host_verb(s: Sentence) -> Iterator[Fact]:
    """A召开E, A与B共同举办E, E是A与B共同主办: the bodies and places right before the cue in its clause
    (成都市商务局举办推介会; 大连市政府在某酒店组织召开了交流会); the events listed after 包括 in the next
    clause too (大连市举办了10场配套活动，包括E1、E2)."""
    text, by_word = s.text, s.lex["agent_marker"]
    for cue_start, cue_end, _ in sorted(_organize_cues(s) + _active_holds(s)):
        if text.rfind(by_word, s.start, cue_start) >= 0:
            continue  # the hosts rule's
        clause_start = max([s.start] + [text.rfind(ch, s.start, cue_start) + 1 for ch in CLAUSE_BREAKS + "。"])
        organizers = organizers_before(s, clause_start, cue_start)
        if organizers and any(m.key.label == "Event" and m.end <= organizers[0].start
                              and text[m.end:organizers[0].start] in s.lex["event_place_links"]
                              for m in s.mentions):
            # E东京召开, E于东京召开: a place right after the event's name is where it is held
            organizers = [m for m in organizers if m.key.label not in PLACE_CLASSES]
        if not organizers:
            continue
        listed = events_after(s, cue_end)  # 举办了E1和E2: both
        hosted = [m.key for m in listed] or [_event(s, cue_end, organizers[0].start)]
        for event in hosted:
            if event is None:
                continue
            for organizer in organizers:
                yield Fact(event, "organizedBy", organizer.key, organizer.start)


@relation_rule("organizedBy.host_nouns", gate=("host_nouns",), cues=("enumeration_links", "host_noun_links"))
def host_nouns(s: Sentence) -> Iterator[Fact]:
    """主办方A、B、C, 主办单位：A、B: the bodies listed after the word host the sentence's event
    (主办方杭州市经济委员会、日本贸易振兴机构上海代表处达成共识)."""
    text, links, colons = s.text, s.lex["enumeration_links"], s.lex["host_noun_links"]
    for _, cue_end, _ in s.find("host_nouns"):
        position = cue_end + next((len(c) for c in colons if text.startswith(c, cue_end)), 0)
        found = []
        for m in s.mentions:
            if m.start < position:
                continue
            if text[position:m.start] not in links or m.key.label not in HOSTS:
                break
            found.append(m)
            position = m.end
        event = current_event(s) if found else None
        if event is None:
            continue
        for m in found:
            yield Fact(event, "organizedBy", m.key, m.start)


@relation_rule("organizedBy.event_name", scope="document")
def event_name(view: DocView, lex: RelationLexicon) -> Iterator[Fact]:
    """An event named after a city but held elsewhere is organised by that city where no body of it
    is named host (天津市投资环境说明会 in 东京 → 天津; 中日(茂名)经贸交流会 in 大阪 → 茂名). Not one named
    after a body or zone: on real news that body is as often the subject of the event
    (…示范区重点合作项目签约仪式, 中共二十大, 经团联…论坛委员长) as its host."""
    hosted = stated(view, "organizedBy")
    held: dict[EntityKey, set[EntityKey]] = {}
    hosts_of: dict[EntityKey, set[EntityKey]] = {}
    for r in view.relations:
        if r.predicate == "heldIn":
            held.setdefault(r.subject, set()).add(r.object)
        elif r.predicate == "organizedBy":
            hosts_of.setdefault(r.subject, set()).add(r.object)
    for event, names in event_names(view, lex).items():
        if names.country_bracket is not None and event not in hosted:  # 中日(茂名)…交流会 in 大阪 → 茂名
            at, place = names.country_bracket
            where = held.get(event, set())
            if where and not any(_within(view, w, place) for w in where):
                yield Fact(event, "organizedBy", place, at, method="name")
        if names.opening is None:
            continue
        if names.paired is not None or names.inner_event:
            continue  # 宁波·长冈京友好城市缔结纪念活动: two places name it, neither hosts it alone
            # (大阪世博会中国馆…恳谈会 in 成都: the place is the fair's)
        at, place = names.opening
        where = held.get(event, set()) | ({names.bracket[1]} if names.bracket else set())
        if where and not any(_within(view, w, place) for w in where) \
                and not any(place.name in host.name for host in hosts_of.get(event, ())):
            yield Fact(event, "organizedBy", place, at, method="name")


def _within(view: DocView, inner: EntityKey, outer: EntityKey) -> bool:
    """``inner`` is ``outer``, is named after it (大连经济技术开发区 in 大连) or lies in it by the lists."""
    seen = set()
    while inner is not None and inner not in seen:
        if inner == outer or inner.name.startswith(outer.name):
            return True
        seen.add(inner)
        inner = view.parents.get(inner)
    return False
