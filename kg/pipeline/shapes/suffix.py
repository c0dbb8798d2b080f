"""Names found by their suffix (…有限公司, …高新区, …交流会), reaching left to a boundary.

For each suffix in the text the name reaches left to the last punctuation mark,
then starts after the last *left boundary* (a function word, a cue verb, a count)
that does not fall inside a listed name. A name whose prefix is only generic words
(日资企业, 交流推介会) is no name; for events and zones it is a back-reference.
"""

from __future__ import annotations

import bisect
import re

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ..candidates import Candidate
from ..marks import CLOSE, HARD_BOUNDARIES, OPEN
from .event import event_edition_start, event_joined, event_left, event_noun_start, event_start, marked_before
from .lexicon import ShapeRule
from .scan import ShapeScan, after_unopened_close
from .shape_rule import shape_rule

__all__ = ["suffix", "suffix_after_name"]

#: What may stand between two suffixes of one name: nothing, or a bracketed place (物产（大连）有限公司).
_TOUCHING = re.compile(r"(?:[(（][^()（）]{1,8}[)）])?$")
#: The classes of names that belong to the nearest of the places that open them (日本东京新大谷酒店).
_PLACED = frozenset({"Company", "GovernmentBody", "Organization", "Zone"})
#: The places that end such a chain in the name of anything but a body.
_LOCAL = frozenset({"City", "District"})
#: A bracketed note of any length (up to a line's worth) that opens the reach of a name.
_BRACKET_NOTE = re.compile(r"[(（][^()（）]{1,40}[)）]")
#: A bracketed note right after a name.
_BRACKET = re.compile(r"[(（][^()（）]{1,12}[)）]")
#: The classes of names a listed brand may open (集聚电装（广州南沙）有限公司).
_BRANDS = ("Company", "Organization")


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
    """The suffix is the start of a longer common word (中心 in 中心城区), or the name that ends
    there names a project (…研发中心项目)."""
    text, lex = scan.text, scan.lex
    continuations = lex.continuations.get(suffix)
    return (continuations is not None and text.startswith(continuations, end)) \
        or (suffix in lex.project_suffixes and text.startswith(lex.words["project_word"], end))


def _after_brand(scan: ShapeScan, rule: ShapeRule, start: int, suffix_start: int) -> int:
    """A listed brand inside the reach starts the name (集聚电装（广州南沙）有限公司), with the place
    right before it (青岛海信…, not 日本丰田…), unless the name starts with one already."""
    if rule.label not in _BRANDS or any(c.label in _BRANDS for c in scan.listed_at.get(start, ())):
        return start
    inside = scan.brands[bisect.bisect_right(scan.brand_starts, start):bisect.bisect_left(scan.brand_starts, suffix_start)]
    first = next((c for c in inside if c.end <= suffix_start), None)
    if first is None:
        return start
    lead = [c for c in scan.listed if c.end == first.start and c.start >= start
            and c.label in PLACE_CLASSES and c.label != "Country"]
    return lead[0].start if lead else first.start


def _after_place(scan: ShapeScan, rule: ShapeRule, suffix: str, start: int, suffix_start: int) -> int | None:
    """Where a place ends the reach: after the last place for names that follow one; after a place
    that only says where a company is (位于常熟丰田汽车研发中心(中国)有限公司); past the places and class
    nouns before a Japanese company (富山县企业立山精工株式会社). ``None``: no name."""
    text, lex = scan.text, scan.lex
    if rule.needs == "after_place":
        ends = [e for e in scan.place_ends if start <= e <= suffix_start - rule.min_prefix]
        if not ends:
            return None
        start = max(ends)
    elif rule.label == "Company" and text.endswith(lex.locate_cues, 0, start):
        inner = [c for c in scan.listed if c.start == start and c.label in PLACE_CLASSES
                 and c.end <= suffix_start - rule.min_prefix]
        if inner:
            start = max(c.end for c in inner)
    if rule.label == "Company" and suffix in lex.legal_forms:
        start = _after_descriptors(scan, start, suffix_start - rule.min_prefix)
    elif rule.label in ("Company", "Organization"):
        start = _after_class_noun(scan, start, suffix_start - rule.min_prefix)
    return start


def _described(lex, words: str) -> bool:
    """Generic and trade words, at least one of them generic (著名制药, not 文旅 of 文旅集团)."""
    return lex.descriptive.covers(words) and any(lex.generic.covers(words[i:j]) for i in range(len(words))
                                                 for j in range(i + 1, min(len(words), i + lex.generic.longest) + 1))


def _after_places(scan: ShapeScan, start: int, limit: int) -> int:
    """Past the listed places that open ``text[start:limit]`` (日本, 日本东京)."""
    moved = True
    while moved:
        moved = False
        for cand in scan.listed_at.get(start, ()):
            if cand.label in PLACE_CLASSES and cand.end <= limit:
                start, moved = cand.end, True
                break
    return start


def _after_class_noun(scan: ShapeScan, start: int, limit: int) -> int:
    """Past a description that ends in a class noun before a name (著名跨国公司日本帝人集团 → 日本帝人集团)."""
    text, lex = scan.text, scan.lex
    for noun in lex.words["class_nouns"]:
        at = text.find(noun, start, limit)
        if at > start and lex.generic.covers(text[start:at]):
            return at + len(noun)
    return start


def _after_descriptors(scan: ShapeScan, start: int, limit: int) -> int:
    """Past leading places and class nouns (日本中小企业, 富山县企业) before a Japanese company's name."""
    text, lex = scan.text, scan.lex
    endings = lex.admin_endings
    moved = True
    while moved and start < limit:
        moved = False
        for cand in scan.listed:
            # only a full administrative name (富山县, 东京都); 九州 in 九州电力 is the brand
            if cand.start == start and cand.label in PLACE_CLASSES and cand.end <= limit \
                    and (cand.label == "Country" or text[cand.end - 1] in endings):
                start, moved = cand.end, True
                break
        for noun in lex.words["class_nouns"]:
            at = text.find(noun, start, limit)
            if at >= 0 and lex.generic.covers(text[start:at]):
                start, moved = at + len(noun), True
                break
    return start


def _after_bracket(text: str, at: int, limit: int) -> int:
    """Past a bracketed note that starts at ``at`` (its alias, its place), if any."""
    match = _BRACKET.match(text, at, limit)
    return match.end() if match else at


def _reach(scan: ShapeScan, rule: ShapeRule, suffix: str, end: int, name_ends: set[int]) -> int | None:
    """Where a name of ``rule`` ending in ``suffix`` at ``end`` starts (``None``: it has no start)."""
    text = scan.text
    suffix_start = end - len(suffix)
    left = scan.left_edge(suffix_start, max(0, end - rule.max_length))
    if rule.label == "Event":
        left = event_left(scan, left, max(0, end - rule.max_length))
    region_end = suffix_start
    for joiner in rule.joiners:
        at = text.find(joiner, left, suffix_start)
        if at >= 0:
            region_end = min(region_end, at)
    if rule.label in ORGANIZATION_CLASSES and rule.needs != "entity":
        conjunctions = scan.lex.conjunctions
        # (past a bracket after the first name: …江苏省分会(江苏省国际商会)与…总商会)
        inner_ends = [after for e in scan.family_ends.get(rule.label, ()) if left < e < suffix_start
                      for after in [_after_bracket(text, e, suffix_start) if text[e] in OPEN else e]
                      if text[after] in conjunctions and not _TOUCHING.match(text, after, suffix_start)]
        if inner_ends:
            left = max(inner_ends)
    left = _after_posts(scan, left, region_end)
    # a zone no place opens holds no 与 or 和 (设备制造等方面与曹妃甸工业区)
    # (协和株式会社。: a legal form that ends a name is no name after 和, as 市委 is in 省委和市委;
    # 李明和株式会社CEO: one that goes on may open one, or stand for a company named before)
    closing = suffix in scan.lex.legal_forms and (end == len(text) or text[end] in HARD_BOUNDARIES
                                                  or bool(scan.lex.stops.match(text, end)))
    start = scan.start_after_stops(left, region_end, name_ends, scan.name_starts, conjunctions_cut=rule.needs == "named",
                                   suffix_alone=not closing)
    if rule.label == "Event":
        start = event_noun_start(scan, event_joined(scan, start, left, name_ends))
    while start < suffix_start and text[start] in CLOSE:
        start += 1
    if start < suffix_start and text[start] in OPEN:
        # a bracketed note before a name is no part of it ((记者何淳勇摄)日本代表团)
        note = _BRACKET_NOTE.match(text, start, suffix_start)
        if note:
            start = note.end()
    start = after_unopened_close(text, start, suffix_start)
    if rule.label == "Event":
        start = event_edition_start(scan, event_start(scan, start, suffix_start), suffix_start)
    start = _after_brand(scan, rule, start, suffix_start)
    for stop in rule.stops:  # 巴音朝鲁代表省委、省政府对代表团一行: the delegation starts after 对
        at = text.rfind(stop, start, suffix_start)
        if at >= 0:
            start = at + len(stop)
    if rule.label in _PLACED:
        # 感谢滨海新区对明治集团的支持: a place or a name, then 对 or 向 (not 对外, 对华), is a clause's
        # subject, no part of the name; 表示欢迎,对明治集团天津工厂: 对 opens the clause, not the name
        words = scan.lex.words
        prepositions, kept = tuple(words["clause_prepositions"]), tuple(words["preposition_words"])
        for at in range(suffix_start - rule.min_prefix - 1, start - 1, -1):
            if text.startswith(prepositions, at) and not text.startswith(kept, at) \
                    and (at in scan.place_ends or at - 1 in scan.longest
                         or (at == start and text.startswith(tuple(words["clause_openers"]), at))):
                start = at + 1
                break
    return _after_place(scan, rule, suffix, start, suffix_start)


def _after_posts(scan: ShapeScan, left: int, right: int) -> int:
    """After the last post in ``[left, right)`` that follows a body's suffix: a name does not run
    back over a title and the person who holds it (市人大常委会主任王立与三条市议会 starts after 主任)."""
    text, lex, ends = scan.text, scan.lex, scan.suffix_stops
    for k in range(bisect.bisect_left(ends, right) - 1, bisect.bisect_right(ends, left) - 1, -1):
        at = ends[k]
        title = next((t for t in lex.title_from(text[at]) if text.startswith(t, at)), None)
        if title is not None and at + len(title) < right:
            return at + len(title)
    return left


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
            and lex.words["quantified_pattern"].search(text, max(0, start - 5), start)) or scan.in_book_title(start, end):
        return True
    # 交流会签约仪式: a ceremony of the event before it (but 博览会推介会 is an event of its own);
    # 商工会议所, 会议室, 议会议长: no event
    return rule.label == "Event" and ((suffix in lex.event_part_suffixes and prefix.endswith(lex.event_suffixes))
                                      or text.startswith(lex.event_not_before, end))


def _satisfies(scan: ShapeScan, rule: ShapeRule, start: int, end: int, entity_starts: set[int]) -> bool:
    """What the rule needs before its name: a place or state prefix, an entity, a marker, a place's end,
    words that are not all generic or trade words (骑龙创新园, not 智能制造产业园)."""
    text, lex = scan.text, scan.lex
    pair = lex.words["country_pair_pattern"]
    if rule.needs == "place":
        return start in scan.places or text.startswith(lex.state_prefixes, start) or bool(pair.match(text, start)) \
            or (rule.label == "GovernmentBody" and any(c.label in ORGANIZATION_CLASSES and c.end < end
                                                      for c in scan.listed_at.get(start, ())))
    if rule.needs == "entity":
        return start in entity_starts or bool(pair.match(text, start))
    if rule.needs == "marker":
        return bool(lex.words["event_marker_pattern"].search(text, start, end)) or scan.quoted(start, end) \
            or marked_before(scan, start)
    if rule.needs == "after_place":
        return start in scan.place_ends
    if rule.needs == "named":
        # words not all generic or trade words, after the two countries that may open it
        # (中日科创园, not 中日产业合作示范区)
        opening = pair.match(text, start)
        words = text[opening.end() if opening else start:end - len(scan.longest[end - 1])]
        return not words or not lex.descriptive.covers(words)
    return True


def _name(scan: ShapeScan, rule: ShapeRule, suffix: str, start: int, end: int, entity_starts: set[int],
          rule_id: str) -> tuple[Candidate | None, bool]:
    """The candidate a suffix makes from ``start`` under ``rule``: a name (and no other rule is
    tried), a back-reference, or nothing."""
    text, lex = scan.text, scan.lex
    suffix_start = end - len(suffix)
    if _not_a_name(scan, rule, suffix, start, end):
        return None, False
    prefix = text[start:suffix_start]
    generic = bool(prefix) and lex.generic.covers(prefix)
    if not prefix and not (rule.needs == "place" and suffix[:1] in lex.admin_heads):
        generic = True  # a bare suffix; 市委 and 省委 alone name the home city's bodies
    if generic and rule.label == "Zone" and lex.words["country_pair_pattern"].fullmatch(prefix):
        generic = False  # 中日产业园: a zone named by the two countries
    if generic and not rule.generic_ok:
        if rule.label in ("Event", "Zone") and prefix in lex.generic or not prefix:
            return Candidate(start, end, rule.label, scan.raw[start:end], "backref", priority=1, rule=rule_id), False
        return None, False
    if rule.needs == "named" and start not in scan.places and not lex.words["country_pair_pattern"].match(text, start):
        # 对中日(青岛)…示范区: a zone starts at the place or pair of countries right after a word
        start = next((p for p in range(start + 1, min(start + 3, suffix_start))
                      if p in scan.places or lex.words["country_pair_pattern"].match(text, p)), start)
    if not _satisfies(scan, rule, start, end, entity_starts):
        # 应重庆市人民政府邀请: a word no list knows before the place that opens the name
        later = next((p for p in range(start + 1, min(start + 3, suffix_start)) if p in scan.places), None)
        if rule.needs != "place" or later is None or suffix_start - later < rule.min_prefix:
            return None, False
        start = later
    if rule.label == "GovernmentBody" and any(word in prefix for word in lex.words["venue_words"]):
        return None, False  # 东京新大谷酒店芙蓉厅: a hall of a hotel
    if rule.label == "Company" and suffix in lex.legal_forms and _after_places(scan, start, suffix_start) == suffix_start:
        return None, False  # 日本株式会社罗森: the legal form opens the name after its country
    if rule.label == "Company" and suffix in lex.words["plain_company_suffixes"] \
            and _described(lex, text[_after_places(scan, start, suffix_start):suffix_start]):
        return None, False  # 日本著名制药公司: a description of a company
    lead = max((c.end for c in scan.listed_at.get(start, ()) if c.label in PLACE_CLASSES and c.end < suffix_start),
               default=None)
    if lead is not None and any(c.end == end and c.label in ("District", "City") for c in scan.listed_at.get(lead, ())):
        return None, False  # 天津滨海新区 is the district 滨海新区 of 天津
    if lead is not None and len(suffix) <= 2 and lex.generic.covers(text[lead:suffix_start]) and rule.label != "Event" \
            and not (rule.label == "Organization" and suffix.endswith(lex.words["association_end"])):
        # 日本地方政府: a place, generic words and a bare 政府 or 局 name no body; an
        # association is named so (湖南省日资企业协会, 东莞市外商投资企业协会)
        return None, False
    if rule.label in _PLACED and not (rule.label == "Organization" and rule.backref):  # (a delegation keeps its places)
        start = _nearest_place(scan, start, suffix_start, rule.label)
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
                or (label != "GovernmentBody" and inner.label not in _LOCAL):
            break
        at, outer = inner.start, inner
    return at


def _family(label: str) -> str:
    """Companies are companies; bodies and other organisations are one family (a body the lists
    know as an association)."""
    return label if label not in ORGANIZATION_CLASSES or label == "Company" else "Organization"


def _clause_before(scan: ShapeScan, start: int, at: int) -> bool:
    """``text[start:at]`` reads as words of a clause, not as a part of a name: three characters
    or more, or ending in a boundary word, and no places (李红军与 | 阪田油墨株式会社; not 广汽 |
    丰田汽车有限公司, nor the unlisted short forms 守口门真 | 日中友好协会)."""
    if not (at - start >= 3 or any(m.end() == at and m.end() > m.start()
                                   for m in scan.lex.stops.finditer(scan.text, start, at))):
        return False
    return not _places_only(scan, scan.text[start:at])


def _places_only(scan: ShapeScan, words: str) -> bool:
    """``words`` are places one after another, listed or the short forms of listed ones (守口 of 守口市)."""
    if scan.gazetteer is None:
        return False
    reachable = [True] + [False] * len(words)
    for i in range(len(words)):
        if reachable[i]:
            for j in range(i + 2, min(len(words), i + 6) + 1):
                piece = words[i:j]
                if any((entry := scan.gazetteer.lookup(piece + tail)) is not None and entry.label in PLACE_CLASSES
                       for tail in scan.lex.place_tails):
                    reachable[j] = True
    return reachable[-1]


def _known_inside(scan: ShapeScan, found: list[Candidate]) -> list[Candidate]:
    """A name found on its own (listed, or found elsewhere in the text) ends the reach of a longer
    one of its family that ends where it ends, unless a listed name or 株式会社 opens the longer one: the words
    before it are a clause's (他说上个月永旺集团 → 永旺集团, listed; 李红军与阪田油墨株式会社 →
    阪田油墨株式会社, named on its own elsewhere; 市长对县政府给予泰拉尔公司 → 泰拉尔公司, where
    泰拉尔株式会社 is named)."""
    text = scan.text
    named = {(_family(c.label), text[c.start:c.end]) for c in found if c.source == "shape" and c.label in _PLACED}
    if not named:
        return found
    listed_ends: dict[tuple[int, str], list[int]] = {}
    for c in scan.listed:
        if c.label in _PLACED:
            listed_ends.setdefault((c.end, _family(c.label)), []).append(c.start)
    # a company's name without its places and suffix (泰拉尔 of 日本泰拉尔株式会社): 泰拉尔公司 is it too
    cores = {text[_after_places(scan, c.start, c.end - len(scan.longest[c.end - 1])):c.end - len(scan.longest[c.end - 1])]
             for c in found if c.source == "shape" and c.label == "Company"}
    kept: list[Candidate] = []
    for cand in found:
        if cand.source != "shape" or cand.label not in _PLACED or cand.start in scan.name_starts:
            kept.append(cand)
            continue
        family, name = _family(cand.label), text[cand.start:cand.end]
        at = min((s for s in listed_ends.get((cand.end, family), ()) if s > cand.start), default=None)
        if at is not None and _clause_before(scan, cand.start, at):
            continue  # the listed name is the name
        bare = len(name) - len(scan.longest[cand.end - 1]) if cand.label == "Company" else 0
        at = next((cand.start + k for k in range(1, len(name) - 1)
                   if (family, name[k:]) in named or (k + 2 <= bare and name[k:bare] in cores)), None)
        if at is not None and _clause_before(scan, cand.start, at):
            kept.append(cand._replace(start=at, text=scan.raw[at:cand.end], extra_aliases=()))
        else:
            kept.append(cand)
    return kept


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
            start = _reach(scan, rule, sfx, end, name_ends)
            if start is None:
                continue
            cand, named = _name(scan, rule, sfx, start, end, entity_starts, rule_id)
            if cand is not None:
                found.append(cand)
                if cand.label == "Zone" and cand.source == "shape":
                    scan.places.setdefault(cand.start, "Zone")  # 杭州湾新区 opens 杭州湾新区管委会
            if named:
                break
    return _known_inside(scan, found)


@shape_rule("shape.suffix")
def suffix(scan: ShapeScan) -> list[Candidate]:
    """A name ending in a class's suffix, reaching left to a boundary (苏州锦里文化有限公司, 苏州高新区,
    第十届亚洲政策论坛), or to a name found on its own (他说上个月永旺集团 → 永旺集团); a suffix after
    generic words only refers back (该示范区)."""
    return _by_suffix(scan, False, "shape.suffix")


@shape_rule("shape.suffix_after_name")
def suffix_after_name(scan: ShapeScan) -> list[Candidate]:
    """A suffix that names something only right after a name found before (日本贸易振兴机构成都代表处)."""
    return _by_suffix(scan, True, "shape.suffix_after_name")
