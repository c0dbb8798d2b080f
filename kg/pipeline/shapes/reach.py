"""Where a name found by its suffix starts: the reach left from the suffix to a boundary.

The name reaches left to the last punctuation mark and past a post and its holder, then
starts after the last left boundary (a function word, a cue verb, a count) that does not
fall inside a listed name; a bracketed note, a clause's subject before 对, a brand or a
place inside the reach move its start. Read by :mod:`.suffix`.
"""

from __future__ import annotations

import bisect
import re

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ..marks import CLOSE, HARD_BOUNDARIES, OPEN
from ..rules import reads
from .class_nouns import after_class_noun, after_descriptors
from .clause_words import after_clause_words
from .event import after_parent_event, counted_name_start, event_anniversary_start, event_edition_start, event_joined, event_left, event_noun_start, event_start
from .lexicon import STAGE, ShapeRule
from .members import members_start
from .scan import ShapeScan, after_unopened_close

__all__ = ["PLACED", "after_places", "reach"]

#: What may stand between two suffixes of one name: nothing, or a bracketed place (物产（大连）有限公司).
_TOUCHING = re.compile(r"(?:[(（][^()（）]{1,8}[)）])?$")
#: The classes of names that belong to the nearest of the places that open them (日本东京新大谷酒店).
PLACED = frozenset({"Company", "GovernmentBody", "Organization", "Zone"})
#: A bracketed note of any length (up to a line's worth) that opens the reach of a name.
_BRACKET_NOTE = re.compile(r"[(（][^()（）]{1,40}[)）]")
#: A bracketed note that ends where the search ends (the note before a name).
_BRACKET_BEFORE = re.compile(r"[(（][^()（）]{1,12}[)）]$")
#: A bracketed note right after a name.
_BRACKET = re.compile(r"[(（][^()（）]{1,12}[)）]")
#: The classes of bodies (no company: 株式会社日本… is one name) a state body's name may run into.
_BODIES = ("Organization", "GovernmentBody")
#: The class of a body after whose name a country opens another body's name.
_STATE_BODY = "GovernmentBody"
#: The classes of names no conjunction of ``firm_conjunctions`` is part of (理事长及青松银行; an
#: organization's may join two fields: 氢能与智能制造联合研究中心).
_FIRMS = ("Company",)
#: The classes of names a listed brand may open (集聚电装（广州南沙）有限公司).
_BRANDS = ("Company", "Organization")
#: The classes of names a clause's pronoun, adverb or conjunction opens none of (而某某银行).
_WORDED = ("Company", "Organization", "Zone", "Event")


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
        if start > suffix_start - rule.min_prefix and scan.town_after_place(suffix_start - rule.min_prefix, suffix_start):
            start = suffix_start - rule.min_prefix  # 都江堰向峨乡: 向 is the town's, no word cutting it
        ends = [e for e in scan.local_ends if start <= e <= suffix_start - rule.min_prefix]
        if not ends:
            return start if scan.town_alone(start, suffix_start, suffix_start + len(suffix)) else None
        start = max(ends)
    elif rule.needs == "after_town":  # a village right after its town (城关镇龙头村)
        ends = [e for e in scan.town_ends if start <= e <= suffix_start - rule.min_prefix]
        if not ends:
            return None
        start = max(ends)
    elif rule.label == "Company" and text.endswith(lex.locate_cues, 0, start):
        inner = [c for c in scan.listed if c.start == start and c.label in PLACE_CLASSES
                 and c.end <= suffix_start - rule.min_prefix]
        if inner:
            start = max(c.end for c in inner)
    if rule.label == "Company" and suffix in lex.legal_forms:
        start = after_descriptors(scan, start, suffix_start - rule.min_prefix, suffix_start)
    elif rule.label in ("Company", "Organization", "Zone"):
        start = after_class_noun(scan, start, suffix_start - rule.min_prefix, suffix_start)
    return start


def after_places(scan: ShapeScan, start: int, limit: int) -> int:
    """Past the listed places that open ``text[start:limit]`` (日本, 日本东京)."""
    moved = True
    while moved:
        moved = False
        for cand in scan.listed_at.get(start, ()):
            if cand.label in PLACE_CLASSES and cand.end <= limit:
                start, moved = cand.end, True
                break
    return start


def _pair_opened(scan: ShapeScan, left: int, limit: int) -> bool:
    """Two countries and a place in brackets open ``text[left:limit]`` after a boundary (中日(大连)…)."""
    text, pair = scan.text, scan.lex.words["country_pair_pattern"]
    for at in range(left, limit):
        match = pair.match(text, at)
        if match and _BRACKET.match(text, match.end(), limit) and (at == left or scan.lex.stops.match(text, at) is None):
            return True
    return False


def _after_bracket(text: str, at: int, limit: int) -> int:
    """Past a bracketed note that starts at ``at`` (its alias, its place), if any."""
    match = _BRACKET.match(text, at, limit)
    return match.end() if match else at


def reach(scan: ShapeScan, rule: ShapeRule, suffix: str, end: int, name_ends: set[int]) -> int | None:
    """Where a name of ``rule`` ending in ``suffix`` at ``end`` starts (``None``: it has no start)."""
    text = scan.text
    suffix_start = end - len(suffix)
    left, region_end = _left_edge(scan, rule, suffix_start, end)
    # a zone no place opens holds no 与 or 和 (设备制造等方面与曹妃甸工业区)
    # (协和株式会社。: a legal form that ends a name is no name after 和, as 市委 is in 省委和市委;
    # 李明和株式会社CEO: one that goes on may open one, or stand for a company named before)
    closing = suffix in scan.lex.legal_forms and (end == len(text) or text[end] in HARD_BOUNDARIES
                                                  or bool(scan.lex.stops.match(text, end)))
    # (中日(大连)高端装备制造和新材料产业园区: two countries and a place in brackets open a zone that may)
    start = scan.start_after_stops(left, region_end, name_ends, scan.name_starts,
                                   conjunctions_cut=rule.needs == "named" and not _pair_opened(scan, left, suffix_start),
                                   suffix_alone=not closing,
                                   cutting=scan.lex.firm_conjunctions if rule.label in _FIRMS else frozenset())
    if rule.label == "Event":
        start = event_noun_start(scan, event_joined(scan, start, left, name_ends))
        founded = event_anniversary_start(scan, start, left)
        if founded != start:  # (两市 … 与 …: the places a friendship joins, as before the verb)
            start = event_joined(scan, founded, left, name_ends)
    start = _after_notes(scan, start, suffix_start)
    if rule.label == "Event":
        start = event_edition_start(scan, event_start(scan, start, suffix_start), suffix_start)
    start = _after_brand(scan, rule, start, suffix_start)
    for stop in rule.stops:  # 巴根朝克代表省委、省政府对代表团一行: the delegation starts after 对
        at = text.rfind(stop, start, suffix_start)
        if at >= 0:
            start = at + len(stop)
    if rule.label in PLACED:
        start = _after_subject(scan, rule, start, suffix_start)
    elif rule.label == "Event":
        start = after_parent_event(scan, _after_titled_subject(scan, start, suffix_start), suffix_start - rule.min_prefix)
    if rule.label == "Event" or rule.backref:  # (a delegation is named after its batch: 第26批…访问团)
        start = counted_name_start(scan, start, left, name_ends, event=rule.label == "Event")
    start = _after_place(scan, rule, suffix, start, suffix_start)
    if start is not None and rule.backref and rule.label == "Organization":  # (知名学者和企业界人士代表团)
        start = members_start(scan, start, left, suffix_start)
    if start is not None and rule.label in _WORDED:
        start = after_clause_words(scan, start, suffix_start)
    return start if start is None else _before_inner_quote(scan, start)


reads(STAGE, "shape.suffix", "inner_quote_pattern", "inner_quote_openers_pattern")


def _before_inner_quote(scan: ShapeScan, start: int) -> int:
    """A quoted word right before the name, after an edition, the two countries or a listed place, is
    inside the name (第二届“一带一路”国际合作高峰论坛, 中日“一带一路”合作国际示范区, 福州市“福州日”友好交流团)."""
    words = scan.lex.words
    quoted = words["inner_quote_pattern"].search(scan.text, max(0, start - 10), start)
    if quoted is None:
        return start
    at = quoted.start()
    opener = words["inner_quote_openers_pattern"].search(scan.text, max(0, at - 6), at)
    if opener is not None:
        return opener.start()
    return next((c.start for c in scan.listed if c.end == at and c.label in PLACE_CLASSES), start)


def _left_edge(scan: ShapeScan, rule: ShapeRule, suffix_start: int, end: int) -> tuple[int, int]:
    """How far left the name may reach (the last punctuation, after the first of two names joined by
    a conjunction, after a post), and where a joiner of the rule ends the region its start is sought in."""
    text = scan.text
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
    if rule.label in _BODIES and rule.needs != "entity":
        left = _after_body_then_country(scan, left, suffix_start)
    return _after_posts(scan, left, region_end), region_end


def _after_body_then_country(scan: ShapeScan, left: int, suffix_start: int) -> int:
    """Where a country starts right after a state body's complete name (maybe with its note in
    brackets): two bodies written together, the second opened by its country (哈尔滨市人民政府中国国际贸易
    促进委员会, 中国科技部(国家外国专家局)中国国际人才交流协会 → 中国…委员会, 中国…协会). Not after an
    organization (中国经济信息社中国大健康产业研究中心 is its centre), nor for a branch's suffix (代表处,
    分会: needs an entity before it), which a body and a country may open."""
    text, by_suffix = scan.text, scan.lex.by_suffix
    for at in range(suffix_start - 1, left, -1):  # (a country in the reach is rare: look at those only)
        if scan.places.get(at) != "Country":
            continue
        note = _BRACKET_BEFORE.search(text, left, at) if text[at - 1] in CLOSE else None
        e = note.start() if note is not None else at
        suffix = scan.longest.get(e - 1)
        if (suffix is not None and any(r.label == _STATE_BODY for r in by_suffix[suffix])) \
                or any(c.end == e and c.label == _STATE_BODY for c in scan.listed):
            return at
    return left


def _after_notes(scan: ShapeScan, start: int, suffix_start: int) -> int:
    """Past closing brackets, a bracketed note before the name ((记者邓书衡摄)日本代表团: no part of
    it) and a close no bracket opened."""
    text = scan.text
    while start < suffix_start and text[start] in CLOSE:
        start += 1
    if start < suffix_start and text[start] in OPEN:
        note = _BRACKET_NOTE.match(text, start, suffix_start)
        if note:
            start = note.end()
    return after_unopened_close(text, start, suffix_start)


def _after_subject(scan: ShapeScan, rule: ShapeRule, start: int, suffix_start: int) -> int:
    """感谢滨海新区对明治集团的支持: a place or a name, then 对 or 向 (not 对外, 对华), is a clause's
    subject, no part of the name; 表示欢迎,对明治集团天津工厂: 对 opens the clause, not the name;
    对日本青山商会 too: 对日 (towards Japan) is kept only where no listed place (日本) opens after 对."""
    text, words = scan.text, scan.lex.words
    prepositions, kept = tuple(words["clause_prepositions"]), tuple(words["preposition_words"])
    for at in range(suffix_start - rule.min_prefix - 1, start - 1, -1):
        if text.startswith(prepositions, at) and not (text.startswith(kept, at) and at + 1 not in scan.places) \
                and (at in scan.place_ends or at - 1 in scan.longest
                     or (at == start and text.startswith(tuple(words["clause_openers"]), at))):
            return at + 1
    return start


def _after_titled_subject(scan: ShapeScan, start: int, suffix_start: int) -> int:
    """甲总领事对交流会给予好评: a title, then 对 or 向, ends the clause's subject; the event starts after
    (对日本交流洽谈会, with no title before 对, keeps it)."""
    text, lex = scan.text, scan.lex
    prepositions = tuple(lex.words["clause_prepositions"])
    for at in range(suffix_start - 1, start, -1):
        if text.startswith(prepositions, at) and lex.title_ends.longest_suffix(text, at, start=start) is not None:
            return at + 1
    return start


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
