"""Names found by their suffix (…有限公司, …高新区, …交流会), reaching left to a boundary.

For each suffix in the text the name reaches left to the last punctuation mark, then starts after the last
*left boundary* (a function word, a cue verb, a count) that does not fall inside a listed name (:mod:`.reach`).
A prefix of generic words (日资企业) is no name, for events and zones a back-reference (:mod:`.described`)."""

from __future__ import annotations

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ..candidates import Candidate
from ..rules import reads
from .class_nouns import kind_of_agency
from .described import described, edition_only, object_of_preposition
from .event import marked_before
from .known import known_inside
from .lexicon import STAGE, ShapeRule
from .members import described_members, year_opened
from .firms import names_no_firm
from .reach import PLACED, reach
from .scan import ShapeScan
from .shape_rule import shape_rule

__all__ = ["suffix", "suffix_after_name"]

reads(STAGE, "shape.suffix", "ministry_prefixes", "zone_opening_marks", "unit_parents")

_LOCAL = frozenset({"City", "District"})  # the places that end such a chain in the name of anything but a body


def _title_follows(scan: ShapeScan, suffix: str, end: int) -> bool:
    """商务局局长: the second 局 opens a title, it ends no name; 长沙市委常委: a title after a
    body (长沙市委), not a longer body; 分行党委书记: a title of the body before."""
    text, lex = scan.text, scan.lex
    if text.startswith(lex.title_from(suffix[-1]), end - 1):
        return True
    title = lex.title_ends.longest_suffix(text, end, start=max(0, end - 8))
    if title and end - len(title) - 1 in scan.longest:
        return True
    # 中国银行辽宁省分行党委书记: right after a name the suffix opens a title of that body; after a
    # listed place it names the place's body (滨海新区区委书记: 滨海新区区委, not a post of a zone)
    at = end - len(suffix)
    return at - 1 in scan.longest and at not in scan.place_ends \
        and any(len(t) > len(suffix) and text.startswith(t, at) for t in lex.title_from(text[at]))


def _word_goes_on(scan: ShapeScan, suffix: str, end: int) -> bool:
    """The suffix starts a longer common word (中心 in 中心城区), or the name ending there names a project (…研发中心项目)."""
    text, lex = scan.text, scan.lex
    continuations = lex.continuations.get(suffix)
    return (continuations is not None and text.startswith(continuations, end)) \
        or (suffix in lex.project_suffixes and text.startswith(lex.words["project_word"], end))


def _not_a_name(scan: ShapeScan, rule: ShapeRule, suffix: str, start: int, end: int) -> bool:
    """Too short a prefix, a count or book title around it, a part of an event named before it
    (交流会签约仪式, 中日博览会开幕式: a ceremony of the event, no event of its own; 博览会推介会 is one), or an event suffix
    that goes on into another word (商工会议所)."""
    text, lex = scan.text, scan.lex
    suffix_start = end - len(suffix)
    prefix = text[start:suffix_start]
    if len(prefix) < rule.min_prefix and not (rule.needs == "place" and text[start:start + 1] in lex.admin_heads
                                              and suffix[:1] in lex.admin_body_heads):
        return True
    if (start and text[start - 1] in lex.counters
            and lex.words["quantified_pattern"].search(text, max(0, start - 5), start)
            and not (rule.label == "Event" and lex.words["event_indefinite_pattern"].search(text, max(0, start - 3), start))
            ) or scan.in_book_title(start, end):
        return True  # 3个产业园: a count, no name (but 召开了一个投资说明会: one event, named)
    # 交流会签约仪式: a ceremony of the event before it (but 博览会推介会 is an event of its own);
    # 商工会议所, 会议室, 议会议长: no event
    return rule.label == "Event" and ((suffix in lex.event_part_suffixes and _ends_event(scan, prefix, suffix_start))
                                      or text.startswith(lex.event_not_before, end))


def _ends_event(scan: ShapeScan, prefix: str, at: int) -> bool:
    """``prefix`` (ending at ``at``) ends with an event's suffix: one of two characters or more, or one of
    one character where no common word ends (海南活动周开幕式: the week's opening; not 每周)."""
    lex = scan.lex
    return prefix.endswith(lex.event_suffixes) or (prefix.endswith(lex.title_suffixes) and at - 1 in scan.longest)


def _satisfies(scan: ShapeScan, rule: ShapeRule, start: int, end: int, entity_starts: set[int]) -> bool:
    """What the rule needs before its name: a place or state prefix, an entity, a marker, a place's end, words
    not all generic or trade words (骑龙创新园, not 智能制造产业园), no kind of agency (:func:`.kind_of_agency`)."""
    text, lex = scan.text, scan.lex
    pair = lex.words["country_pair_pattern"]
    if rule.needs == "place":
        return scan.opens_name(rule.label, start, end) or text.startswith(lex.state_prefixes, start) \
            or (rule.backref and year_opened(scan, start, end)) \
            or (rule.label == "GovernmentBody" and any(c.label in ORGANIZATION_CLASSES and c.end < end
                                                      for c in scan.listed_at.get(start, ())))
    if rule.needs == "entity":
        # (东海日中贸易中心: a two-character name of a region no list holds, then the two countries)
        return start in entity_starts or bool(pair.match(text, start)) \
            or (rule.label == "Organization" and bool(pair.match(text, start + 2))
                and not lex.generic.covers(text[start:start + 2]) and end - start >= 8)
    if rule.needs == "body":  # 工业和信息化部产业政策司, 国家发改委环资司: a listed body or 国家 opens the name,
        # and no title stands inside it (外务省政务官吉良州司: a name ending in 司 after a post)
        if any(text.startswith(lex.titles, p) for p in range(start + 1, end - 1)):
            return False
        return text.startswith(tuple(lex.words["ministry_prefixes"]), start) or any(
            c.label == "GovernmentBody" and c.end < end for c in scan.listed_at.get(start, ()))
    if rule.needs == "marker":
        return bool(lex.words["event_marker_pattern"].search(text, start, end)) or scan.quoted(start, end) \
            or marked_before(scan, start)
    if rule.needs == "after_place":
        return start in scan.local_ends or scan.town_alone(start, end - len(scan.longest[end - 1]), end)
    if rule.needs == "after_town":
        return start in scan.town_ends
    if rule.needs == "named":
        # words not all generic or trade words, after the two countries that may open it
        # (中日科创园, not 中日产业合作示范区)
        opening = pair.match(text, start)
        if rule.placed and not (opening or scan.opens_name(rule.label, start, end) or start in entity_starts
                                or text.startswith(lex.state_prefixes, start)):
            return False  # 民间机构, 治沙技术研究机构: no place or name opens them
        words = text[opening.end() if opening else start:end - len(scan.longest[end - 1])]
        return not (words and lex.rule_descriptive.get(rule.described_by, lex.descriptive).covers(words)
                    or rule.placed and kind_of_agency(scan, start, end - len(scan.longest[end - 1])))
    return True


def _name(scan: ShapeScan, rule: ShapeRule, suffix: str, start: int, end: int, entity_starts: set[int],
          rule_id: str) -> tuple[Candidate | None, bool]:
    """The candidate a suffix makes from ``start`` under ``rule``: a name (no other rule tried), a back-reference, none."""
    text, lex = scan.text, scan.lex
    suffix_start = end - len(suffix)
    prefix = text[start:suffix_start]  # (贸促会展览管理部, 总领事馆经济部: a unit of the body, which keeps the name)
    if _not_a_name(scan, rule, suffix, start, end) or any(u == suffix and b in prefix for b, u in lex.words["unit_parents"].items()):
        return None, False
    posted = rule.label == "GovernmentBody" and scan.posted(start, suffix_start)  # (驻日本大使馆, however generic 驻日 is)
    if not posted and _generic(scan, rule, suffix, prefix):
        if rule.label in ("Event", "Zone") and (prefix in lex.generic or rule.label == "Event" and edition_only(scan, prefix)) or not prefix:
            return Candidate(start, end, rule.label, scan.raw[start:end], "backref", priority=1, rule=rule_id), False
        return None, False
    named_start = _named_start(scan, rule, start, end, suffix_start, entity_starts)
    if named_start is None or _no_name_of(scan, rule, suffix, prefix, named_start, end):
        return None, False
    start = named_start
    if rule.label == "Event" and object_of_preposition(scan, start, suffix_start) \
            or described(scan, rule.label, start, suffix_start, end):  # 对博览会: the bare 博览会 refers back; 书画交流恳谈会, 国家设置公司: a kind, no name
        return (Candidate(start, end, "Zone", scan.raw[start:end], "backref", priority=1, rule=rule_id) if rule.label == "Zone" else None), False
    if rule.label in PLACED and not (rule.label == "Organization" and rule.backref):  # (a delegation keeps its places)
        start = _nearest_place(scan, start, suffix_start, rule.label)
        # 吴中区木渎镇党委 is the town's body: 木渎镇党委
        if rule.label == "GovernmentBody":
            start = max((t for t in scan.towns if start < t < suffix_start), default=start)
        else:  # 钦北区大垌镇平辽小学校 is the town's school: 大垌镇平辽小学校, the town a place of its own
            start = scan.opening_town(start, suffix_start, _LOCAL)
    label = rule.label
    if label == "GovernmentBody" and (any(c.label == "Organization" and c.end < suffix_start and c.length >= 4
                                          for c in scan.listed_at.get(start, ()))
                                      or lex.words["country_pair_pattern"].match(text, start)):
        label = "Organization"  # 日本国际贸易促进协会京都总局, 中日投资促进委员会: no state body of one state
    aliases: tuple[str, ...] = ()
    if label == "Zone":
        aliases = _inner_zone(scan, start, suffix_start, end)
    if label == "Company" and suffix in lex.legal_forms:
        # 日本AITECH株式会社 is known with the country that the name leaves out too
        aliases = tuple(scan.raw[c.start:end] for c in scan.listed if c.end == start and c.label == "Country")[:1]
    return Candidate(start, end, label, scan.raw[start:end], "shape", priority=rule.priority, extra_aliases=aliases,
                     rule=rule_id), True


def _generic(scan: ShapeScan, rule: ShapeRule, suffix: str, prefix: str) -> bool:
    """The prefix is only generic words (or none: a bare suffix, but 市委 and 省委 alone name the home
    city's bodies, and 中日产业园, 日中创新中心 are named by the two countries) and the rule wants more."""
    lex = scan.lex
    generic = bool(prefix) and lex.generic.covers(prefix) or rule.label == "Event" and edition_only(scan, prefix)
    if not prefix and not (rule.needs == "place" and suffix[:1] in lex.admin_heads):
        generic = True
    if generic and (rule.label == "Zone" or (rule.label == "Organization" and len(suffix) >= 3)) \
            and lex.words["country_pair_pattern"].fullmatch(prefix):
        generic = False  # (日中创新中心: a body named by the two countries too; not 中日机构, 中日大学展)
    return generic and not rule.generic_ok


def _named_start(scan: ShapeScan, rule: ShapeRule, start: int, end: int, suffix_start: int,
                 entity_starts: set[int]) -> int | None:
    """Where the name starts once what the rule needs before it is found (None: it is not)."""
    text, lex = scan.text, scan.lex
    if rule.needs == "named" and not scan.opens_name(rule.label, start, suffix_start):
        # 对中日(青岛)…示范区: a zone starts at the place or pair of countries right after a word
        start = next((p for p in range(start + 1, min(start + 3, suffix_start))
                      if p in scan.places or lex.words["country_pair_pattern"].match(text, p)), start)
    if not _satisfies(scan, rule, start, end, entity_starts):
        # 应重庆市人民政府邀请: a word before the place that opens the name, or before 驻 (和我驻日本使馆)
        posted = next((p for p in range(start + 1, suffix_start) if scan.posted(p, suffix_start)), None)
        if rule.label == "GovernmentBody" and posted is not None:
            return posted
        if rule.needs == "body":  # 感谢外交部亚洲司: the listed body after a word opens the name
            return next((p for p in range(start + 1, suffix_start) if _satisfies(scan, rule, p, end, entity_starts)), None)
        later = next((p for p in range(start + 1, min(start + 3, suffix_start)) if p in scan.places), None)
        if rule.needs != "place" or later is None or suffix_start - later < rule.min_prefix:
            return None
        start = later
    return start


def _no_name_of(scan: ShapeScan, rule: ShapeRule, suffix: str, prefix: str, start: int, end: int) -> bool:
    """The words from ``start`` name no body or company: a hall of a hotel, a legal form before the
    name, a description of a company, a district of a city, a place and generic words."""
    text, lex = scan.text, scan.lex
    suffix_start = end - len(suffix)
    if rule.label == "GovernmentBody" and any(word in prefix for word in lex.words["venue_words"]):
        return True  # 东京新大谷酒店芙蓉厅: a hall of a hotel
    if rule.label == "Company" and names_no_firm(scan, suffix, start, suffix_start):
        return True  # 日本株式会社罗森, 日本著名制药公司, 航空公司代表, 许多日本公司
    if rule.label in ("Company", "Zone") and lex.words["ranking_pattern"].search(text, start, suffix_start):
        return True  # 中国四大汽车集团, 全球四大气体公司: a ranking names a class of firms, no firm
    if rule.label in PLACED and lex.words["description_pattern"].search(text, start, suffix_start) \
            and not (rule.backref and described_members(scan, start, suffix_start)):
        return True  # 日本知名会计师事务所, 国家相关部委, 境内外上市公司: a description, no name
    lead = max((c.end for c in scan.listed_at.get(start, ()) if c.label in PLACE_CLASSES and c.end < suffix_start),
               default=None)
    if lead is not None and any(c.end == end and c.label in ("District", "City") for c in scan.listed_at.get(lead, ())):
        return True  # 天津滨海新区 is the district 滨海新区 of 天津
    # 日本地方政府: a place, generic words and a bare 政府 or 局 name no body; an
    # association is named so (湖南省日资企业协会, 东莞市外商投资企业协会, 大阪市日中友协)
    return lead is not None and len(suffix) <= 2 and lex.generic.covers(text[lead:suffix_start]) \
        and rule.label != "Event" and not (rule.label == "GovernmentBody" and scan.posted(lead, suffix_start)) \
        and not (rule.label == "Organization" and suffix.endswith(tuple(lex.words["association_end"])))


def _inner_zone(scan: ShapeScan, start: int, suffix_start: int, end: int) -> tuple[str, ...]:
    """A park named inside a zone is also known by its own name (临港产业园区京阪神产业园 → 京阪神产业园),
    unless that name is only generic or trade words (苏州工业园区智能制造产业园)."""
    text, lex = scan.text, scan.lex
    for at in range(suffix_start - 2, start + 1, -1):
        inner = scan.longest.get(at - 1)
        if inner is not None and any(r.label == "Zone" for r in lex.by_suffix.get(inner, ())):
            words = text[at:suffix_start]
            return () if lex.descriptive.covers(words) else (scan.raw[at:end],)
    return ()


def _nearest_place(scan: ShapeScan, start: int, suffix_start: int, label: str) -> int:
    """Where the last of a chain of places that opens a name starts, each inside the one before:
    the name is that place's (中国江苏省盐城市市委 is 盐城市市委, 日本东京新大谷酒店 is 东京新大谷酒店;
    not 山形县哈尔滨事务所). Only a body's name ends the chain at a region (日本九州工业大学 stays)."""
    outer = max(scan.listed_at.get(start, ()), key=lambda c: c.end, default=None)
    at = start
    while outer is not None and outer.label in PLACE_CLASSES and outer.end < suffix_start:
        inner = max((c for c in scan.listed_at.get(outer.end, ()) if c.label in PLACE_CLASSES), key=lambda c: c.end,
                    default=None)
        if inner is None or not scan.contains(outer, inner) \
                or (label != "GovernmentBody" and inner.label not in _LOCAL) \
                or (inner.label == "District" and inner.entry is not None and inner.entry.kind == "short"):
            break  # (广州花都汽车城: a district's bare name after its city is part of the name)
        at, outer = inner.start, inner
    return at


def _by_suffix(scan: ShapeScan, entity_pass: bool, rule_id: str) -> list[Candidate]:
    lex = scan.lex
    entity_starts = {c.start for c in scan.candidates}
    name_ends = {c.end for c in scan.candidates} | {e + 1 for e in scan.longest}
    in_pass = lex.pass_suffixes[entity_pass]
    found: list[Candidate] = []
    for end_index, sfx in sorted(scan.longest.items()):
        end = end_index + 1
        if sfx not in in_pass or _title_follows(scan, sfx, end) or _word_goes_on(scan, sfx, end):
            continue
        for rule in lex.by_suffix[sfx]:
            if (rule.needs == "entity") != entity_pass:
                continue
            start = reach(scan, rule, sfx, end, name_ends)
            if start is None:
                continue
            cand, named = _name(scan, rule, sfx, start, end, entity_starts, rule_id)
            if cand is not None:
                found.append(cand)
                if cand.label in ("Zone", "District") and cand.source == "shape":
                    scan.places.setdefault(cand.start, cand.label)  # 杭州湾新区 opens 杭州湾新区管委会
                if cand.label == "District" and cand.source == "shape":
                    scan.local_ends.add(cand.end)  # 长安镇和城关镇: a town after a town
                    scan.place_ends.add(cand.end)  # 大朗镇党委书记: the town's body, then a post
                    scan.towns.add(cand.start)
                    scan.town_ends.add(cand.end)
            if named:
                break
    return known_inside(scan, found)


@shape_rule("shape.suffix")
def suffix(scan: ShapeScan) -> list[Candidate]:
    """A name ending in a class's suffix, reaching left to a boundary (苏州锦里文化有限公司, 苏州高新区,
    第十届亚洲政策论坛), or to a name found on its own (他说上个月永旺集团 → 永旺集团); a suffix after
    generic words only refers back (该示范区); a place and 公司 or 集团 with no name before name no firm
    (借鉴日本公司, 许多日本公司; 比亚迪日本公司 is one); a county no list holds between its city and its
    town (龙岩市永定县湖坑镇)."""
    counties = [Candidate(start, end, "District", scan.raw[start:end], "shape", priority=10, rule="shape.suffix")
                for start, end in scan.counties]  # 龙岩市永定县湖坑镇: the county no list holds
    return counties + _by_suffix(scan, False, "shape.suffix")


@shape_rule("shape.suffix_after_name")
def suffix_after_name(scan: ShapeScan) -> list[Candidate]:
    """A suffix that names something only right after a name found before (日本贸易振兴机构成都代表处)."""
    return _by_suffix(scan, True, "shape.suffix_after_name")
