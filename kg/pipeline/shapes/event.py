"""What only event names need: where they start and what marks them as names.

An event's name may join two places with a dash (湖南——日本经贸合作推介会) or with 与
(第三届甲县与乙省农业研讨会), follow a byline's bracket (…电(记者张三)2024湖南友城交流活动) or a 对
that only introduces it (对郑州投资环境说明会表示祝贺), and be marked by the year or edition written
right before it (2021年广州营商环境交流活动: the year is a boundary of the reach, but it marks the
name). Its edition opens it, unless places or names stand before it (相信第一届…博览会 → 第一届…;
大连市第三届… stays). A verb of founding or signing right after 举办 or 举行 is the name's first
word, no boundary (举办成立庆典大会).
"""

from __future__ import annotations

import re

from ..candidates import Candidate
from ..marks import CLOSE, OPEN
from ..rules import reads
from .lexicon import STAGE
from .scan import ShapeScan
from .shape_rule import shape_rule

__all__ = ["counted_name_start", "event_anniversary_start", "event_edition_start", "event_joined", "event_left", "event_noun_start", "event_start", "led_event",
           "marked_before", "ordinal_meeting", "placed_event"]

reads(STAGE, "event names", "event_lead_pattern", "event_dashes", "event_marker_before_pattern", "event_place_joiners",
      "event_edition_pattern", "event_year_pattern", "count_ordinal", "event_hold_verbs", "event_noun_verbs", "event_anniversary_pattern")


def event_left(scan: ShapeScan, left: int, limit: int) -> int:
    """Past a dash or a middle dot that joins two places inside the name (湖南——日本经贸合作推介会,
    西安·东京贸易洽谈会): the reach goes on left of the first place."""
    text, dashes = scan.text, scan.lex.words["event_dashes"]
    while left > limit and left in scan.places:
        dash = next((d for d in dashes if text.startswith(d, left - len(d))), None)
        if dash is None:
            break
        before = left - len(dash)
        first = [c for c in scan.listed if c.end == before and c.label in _JOINED]
        if not first:
            break
        left = scan.left_edge(min(c.start for c in first), limit)
    return left


#: The places a dash may join in an event's name.
_JOINED = frozenset({"Country", "Region", "City", "District"})


def event_joined(scan: ShapeScan, start: int, left: int, name_ends: set[int]) -> int:
    """Past a 与 or 和 between two listed places that opens the name (第三届甲县与乙省农业研讨会): the
    name starts where it would start before the first place."""
    text, joiners = scan.text, scan.lex.words["event_place_joiners"]
    while start > left and start in scan.places and scan.places[start] in _JOINED:
        joiner = next((j for j in joiners if text.startswith(j, start - len(j))), None)
        if joiner is None:
            break
        before = start - len(joiner)
        first = [c for c in scan.listed if c.end == before and c.start >= left and c.label in _JOINED]
        if not first:
            break
        start = scan.start_after_stops(left, min(c.start for c in first), name_ends, scan.name_starts)
    return start


def event_edition_start(scan: ShapeScan, start: int, suffix_start: int) -> int:
    """At the edition inside the name (第一届, 首届) where only words no list knows stand before it
    (相信第一届…博览会), not where places, names, a year or a joining mark do (大连市第三届…, 创·2024…)."""
    text = scan.text
    edition = scan.lex.words["event_edition_pattern"].search(text, start, suffix_start)
    if edition is None or edition.start() == start:
        return start
    at = edition.start()
    if text[at - 1] in _JOINING_MARKS:
        return start
    covered = bytearray(at - start)
    for cand in scan.candidates:
        if cand.start < at and cand.end > start:
            lo, hi = max(cand.start, start), min(cand.end, at)
            covered[lo - start:hi - start] = b"\1" * (hi - lo)
    for year in scan.lex.words["event_year_pattern"].finditer(text, start, at):
        covered[year.start() - start:year.end() - start] = b"\1" * (year.end() - year.start())
    words = [i for i, ch in enumerate(text[start:at]) if not covered[i] and "\u4e00" <= ch <= "\u9fff"]
    return at if words else start


#: Marks before an edition that join it to the words before (创·2024年…, 湾区智造——2020年…, 2019(第十一届)).
_JOINING_MARKS = frozenset("·•・—–-“”\"") | frozenset(CLOSE) | frozenset(OPEN)


def event_noun_start(scan: ShapeScan, start: int) -> int:
    """Back over a verb of founding or signing that follows 举办/举行/召开 (举办成立庆典大会: 成立 is a
    noun of the name)."""
    text, words = scan.text, scan.lex.words
    for verb in words["event_noun_verbs"]:
        if text.startswith(verb, start - len(verb)) and text.endswith(tuple(words["event_hold_verbs"]), 0,
                                                                      start - len(verb)):
            return start - len(verb)
    return start


#: The names whose founding an anniversary marks (a body, or the places a friendship joins).
_FOUNDED = frozenset({"Organization", "GovernmentBody", "Company", "Zone", "Country", "Region", "City", "District"})


def event_anniversary_start(scan: ShapeScan, start: int, left: int) -> int:
    """Back over a verb of founding right before an anniversary and the name it founds (日本青山协会成立
    70周年纪念招待会: the name starts at the body, not after 成立)."""
    text, pattern = scan.text, scan.lex.words["event_anniversary_pattern"]
    for verb_start in range(start - 2, max(left, start - 3) - 1, -1):
        verb = pattern.match(text, verb_start)
        if verb is not None and verb.end() == start:
            founded = [c.start for c in scan.candidates if c.end == verb_start and c.start >= left and c.label in _FOUNDED]
            return min(founded) if founded else start
    return start


def counted_name_start(scan: ShapeScan, start: int, left: int, name_ends: set[int], *, event: bool) -> int:
    """Back over a count that cuts an event's or a delegation's name, where a place or a year opens
    the words before it (举行苏州高新区日本企业突破400家纪念感谢会, 出席2017年第一批中国大学生代表团欢迎招待会,
    日本高松市第26批中学生友好访问团): the count is the name's; not where words no list knows stand
    first (全区3个交流会, 举办两个交流会: a count of events), nor a count of a delegation's members
    (日本5家企业代表团: only its batch, 第N批, names it)."""
    text, words = scan.text, scan.lex.words
    if not start or text[start - 1] not in scan.lex.counters:
        return start
    count = words["quantified_pattern"].search(text, max(left, start - 5), start)
    if count is None:
        return start
    if not (event or text.startswith(words["count_ordinal"], count.start())):
        return start  # (日本5家企业代表团: a count of firms; a delegation is named by its batch only)
    year = next((m for m in words["event_year_pattern"].finditer(text, max(left, count.start() - 5), count.start())
                 if m.end() == count.start()), None)
    if year is not None:  # (a year is a boundary of the reach, but it marks the name)
        return year.start()
    earlier = scan.start_after_stops(left, count.start(), name_ends, scan.name_starts)
    return earlier if earlier < count.start() and earlier in scan.places else start


def event_start(scan: ShapeScan, start: int, suffix_start: int) -> int:
    """Past what cannot open an event's name: a byline's bracket (电(记者张三)), a 对 that is no 对话."""
    lead = scan.lex.words["event_lead_pattern"].match(scan.text, start, suffix_start)
    return lead.end() if lead and lead.end() < suffix_start else start


def marked_before(scan: ShapeScan, start: int) -> bool:
    """A year or edition right before ``start`` (2021年 before 广州…交流活动), or the event it is part of
    (第五届青山投资洽谈会 before 青山—日本经贸合作对接活动)."""
    return bool(scan.lex.words["event_marker_before_pattern"].search(scan.text, max(0, start - 8), start)) \
        or start in scan.family_ends.get("Event", ())


def after_parent_event(scan: ShapeScan, start: int, limit: int) -> int:
    """A place right after an event's suffix opens a part of that event (第五届青山投资洽谈会青山—日本经贸
    合作对接活动: the activity starts at the place)."""
    ends = scan.family_ends.get("Event", ())  # (a few per article)
    return next((at for at in range(limit - 1, start, -1) if at in scan.places and at in ends), start)



reads(STAGE, "shape.placed_event", "event_year_pattern")
#: The places that name where a listed event is held when written right before it (上海世博会).
_HOSTING = frozenset({"Region", "City", "District"})


@shape_rule("shape.placed_event")
def placed_event(scan: ShapeScan) -> list[Candidate]:
    """A listed event with the city or region that holds it written right before it, maybe with the
    year between, is that edition of it (上海世博会, 北京2022年冬奥会; not 日本世博会)."""
    text, raw, year = scan.text, scan.raw, scan.lex.words["event_year_pattern"]
    found = []
    for event in scan.listed:
        if event.label != "Event":
            continue
        ends = {event.start}
        dated = year.fullmatch(text, max(0, event.start - 5), event.start) or \
            year.fullmatch(text, max(0, event.start - 4), event.start)
        if dated:
            ends.add(dated.start())
        places = [c for c in scan.listed if c.end in ends and c.label in _HOSTING]
        if places:
            start = min(c.start for c in places)
            found.append(Candidate(start, event.end, "Event", raw[start:event.end], "shape", priority=event.priority,
                                   rule="shape.placed_event"))
    return found


reads(STAGE, "shape.ordinal_meeting", "event_ordinal_meeting_pattern", "event_ordinal_meeting_ends",
      "event_ordinal_body_ends")


@shape_rule("shape.ordinal_meeting")
def ordinal_meeting(scan: ShapeScan) -> list[Candidate]:
    """A body's name ending in 会 with an edition right before it (第五次, 第三届, 首届) is a meeting
    held for that time, an event (第五次中国甲省—日本乙县交流促进会; an edition inside the name too;
    not a 协会 or 商会)."""
    text, raw, words = scan.text, scan.raw, scan.lex.words
    ordinal, ends, bodies = words["event_ordinal_meeting_pattern"], tuple(words["event_ordinal_meeting_ends"]), \
        tuple(words["event_ordinal_body_ends"])
    found = []
    for cand in scan.candidates:
        if cand.label != "Organization" or cand.source != "shape" or not text.endswith(ends, cand.start, cand.end) \
                or text.endswith(bodies, cand.start, cand.end):
            continue
        before = [m for m in ordinal.finditer(text, max(0, cand.start - 6), cand.start) if m.end() == cand.start]
        if before or ordinal.search(text, cand.start, cand.end):  # (大连市第三届…交流促进会)
            start = before[0].start() if before else cand.start
            found.append(Candidate(start, cand.end, "Event", raw[start:cand.end], "shape", priority=cand.priority + 1,
                                   rule="shape.ordinal_meeting"))  # (over the body of the same span)
    return found


reads(STAGE, "shape.named_ceremony", "event_ceremony_words", "event_ceremony_owners", "event_ceremony_gap_pattern")


@shape_rule("shape.named_ceremony")
def named_ceremony(scan: ShapeScan) -> list[Candidate]:
    """A ceremony of laying a foundation, unveiling a plaque, starting or finishing works right after the
    name of the company or zone it is for, maybe with the plant or project between, is an event named so
    (青松电子白河第二工厂奠基仪式, 甲乙合作示范区揭牌仪式); not a bare one (举行奠基仪式) nor one after
    a verb or a place (在白河举行奠基仪式)."""
    text, raw, words = scan.text, scan.raw, scan.lex.words
    owners, gap = frozenset(words["event_ceremony_owners"]), words["event_ceremony_gap_pattern"]
    found = []
    for word in words["event_ceremony_words"]:
        at = text.find(word)
        while at >= 0:
            names = [c for c in scan.candidates if c.label in owners and c.end <= at and c.end > c.start
                     and gap.fullmatch(text, c.end, at)]
            if names:
                start = min(c.start for c in names if c.end == max(n.end for n in names))
                found.append(Candidate(start, at + len(word), "Event", raw[start:at + len(word)], "shape",
                                       priority=11, rule="shape.named_ceremony"))
            at = text.find(word, at + len(word))
    return found


reads(STAGE, "shape.held_activity", "event_held_activity_pattern")
#: The places whose name inside an activity held makes it a named one.
_NAMING_PLACES = frozenset({"Country", "Region", "City", "District"})


@shape_rule("shape.held_activity")
def held_activity(scan: ShapeScan) -> list[Candidate]:
    """An activity right after 举办 or 举行 whose words hold a listed place is an event named so, without a
    year or edition (举行甲国与乙国旅游交流活动, 举办甲国驻沪机构赴乙区考察交流活动); not one with no place
    (举办交流活动), nor a list of them (…联络会等活动)."""
    text, raw = scan.text, scan.raw
    found = []
    for match in scan.lex.words["event_held_activity_pattern"].finditer(text):
        start, end = match.span("name")
        if any(c.label in _NAMING_PLACES and start <= c.start and c.end <= end for c in scan.listed):
            found.append(Candidate(start, end, "Event", raw[start:end], "shape", priority=8,
                                   rule="shape.held_activity"))
    return found


reads(STAGE, "shape.quoted_title", "quoted_event_lead_pattern")
#: How far before a quote a verb of holding (举办了) or an event word and a dash (活动——) may start.
_LEAD_REACH = 4
#: Marks no quoted event's name holds (a quote the page left open runs over them: “…座谈会;参加“).
_LED_BREAKS = frozenset("，。！？、；：,!?;:")


def led_event(scan: ShapeScan, match: re.Match[str], follows: frozenset[str]) -> Candidate | None:
    """共同举办“新潟春节祭”已成为…, 品牌活动——“友好合作川渝行”的: a quoted title right after a verb of
    holding or an event word and a dash is an event's name, where the phrase ends after the quote (one
    of ``follows``, or a word that follows names: 的, 已, 等), not where words go on (举办“一带一路”建设研讨)."""
    text, lex = scan.text, scan.lex
    start, after = match.start(), match.end()
    if not lex.words["quoted_event_lead_pattern"].search(text, max(0, start - _LEAD_REACH), start):
        return None
    if after < len(text) and text[after] not in follows and not text.startswith(tuple(lex.words["after_title"]), after):
        return None
    inner_start, inner_end = match.span("title")
    if any(ch in _LED_BREAKS for ch in text[inner_start:inner_end]):
        return None
    return Candidate(inner_start, inner_end, "Event", scan.raw[inner_start:inner_end], "quoted", priority=11,
                     rule="shape.quoted_title")
