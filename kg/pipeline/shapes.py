"""``kg_shapes``: names no list holds, found by their shape.

A company ends in 有限公司 or 株式会社, a zone in 高新区 or 示范区, an event in
论坛 or 交流会. For each suffix in the text the name reaches left to the last
punctuation mark, then starts after the last *left boundary* (a function word,
a cue verb, a count such as 3场; see ``patterns/left_boundaries.txt``) that
does not fall inside a listed name. A name whose prefix is only generic words
(日资企业, 交流推介会) is not a name; for events and zones it is a
back-reference, resolved later to the entity it refers to. Quoted titles
(“在东京遇见无锡”城市视觉展) are events too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from .affixes import Affixes
from .candidates import Candidate
from .data import load_alias_notes, load_boundaries, load_jsonl, load_words
from .fold import fold
from .matcher import WordMatcher

__all__ = ["GenericWords", "ShapeRecognizer", "ShapeRule", "is_generic", "HARD_BOUNDARIES"]

#: Characters no name found by shape crosses (brackets are handled by balance).
HARD_BOUNDARIES = frozenset("，。、；：！？,;:!?“”‘’\"《》「」『』【】〈〉\n\t ·•—…|/")
_OPEN, _CLOSE = "(（", ")）"
#: Every character that can end a name's reach to the left.
_MARK_CHARACTERS = HARD_BOUNDARIES | set(_OPEN + _CLOSE)
_MARKS = re.compile("[" + re.escape("".join(sorted(_MARK_CHARACTERS))) + "]")
_IS_MARK = numpy.zeros(0x10000, dtype=bool)  # by UTF-16 code unit (every mark is in the BMP)
_IS_MARK[[ord(ch) for ch in _MARK_CHARACTERS]] = True


def _mark_offsets(text: str) -> list[int]:
    """Where the characters of :data:`_MARKS` are, found for the whole text at once."""
    encoded = text.encode("utf-16-le", "surrogatepass")
    if len(encoded) != 2 * len(text):  # characters beyond the BMP shift the code units
        return [m.start() for m in _MARKS.finditer(text)]
    return numpy.flatnonzero(_IS_MARK[numpy.frombuffer(encoded, dtype="<u2")]).tolist()
_PLACE_LABELS = frozenset({"Country", "Region", "City", "District", "Zone"})
#: Prefixes that make a government body's name without a listed place (中共无锡市委, 国家…, 驻日本…).
_STATE_PREFIXES = ("中共", "中国", "国家", "中央", "国务院", "驻", "全国", "省", "市", "区", "县", "州")
#: Two countries' initials that open a cooperation zone's name (中日…示范区, 中德…产业园).
_PAIR = re.compile(r"中[日韩德新欧美俄法英意澳以瑞]|日中")
#: A count or ordinal right before a name makes it a category (第一批江苏省国际合作园区).
_QUANTIFIED = re.compile(r"第?[\d一二三四五六七八九十两几多]+(?:批|个|家|类|项|种)$")
_COUNTERS = frozenset("批个家类项种")  # what _QUANTIFIED ends with
#: Cue words after which a leading place is where the company is, not part of its name.
_LOCATE_CUES = ("位于", "地处", "坐落于", "落户", "落户于")
#: Single-character conjunctions that are part of a name when another boundary precedes them (设立的和东…).
_CONJUNCTIONS = frozenset("和与及同")
#: What may follow a quoted title's suffix: punctuation, particles, cue verbs.
_AFTER_TITLE = frozenset("的上中后前在于举开等和与及并也已将是为，。、；：！？）)」”\n")
#: What may stand between two suffixes of one name: nothing, or a bracketed place (物产（大连）有限公司).
_TOUCHING = re.compile(r"(?:[(（][^()（）]{1,8}[)）])?$")
_MARKER = re.compile(r"(?:19|20)\d\d|第[\d一二三四五六七八九十百]+届|暨|周年")
_QUOTED = re.compile(r"“([^“”\n]{2,30})”")


@dataclass(frozen=True, slots=True)
class ShapeRule:
    label: str
    suffixes: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    min_prefix: int = 2
    max_length: int = 30
    needs: str = "any"
    priority: int = 10
    joiners: tuple[str, ...] = ()
    generic_ok: bool = False
    backref: bool = False


def is_generic(prefix: str, generic: frozenset[str], longest: int) -> bool:
    """True if ``prefix`` splits entirely into generic words (so the name is not a name).

    >>> is_generic("日资", frozenset({"日资", "重点"}), 2)
    True
    >>> is_generic("锦里文化", frozenset({"日资"}), 2)
    False
    >>> is_generic("", frozenset(), 1)
    True
    """
    n = len(prefix)
    reachable = [False] * (n + 1)
    reachable[0] = True
    for i in range(n):
        if not reachable[i]:
            continue
        for j in range(i + 1, min(n, i + longest) + 1):
            if prefix[i:j] in generic:
                reachable[j] = True
    return reachable[n]


def _after_unopened_close(text: str, start: int, end: int) -> int:
    """Past the last closing bracket of ``text[start:end]`` that no bracket there opens.

    (实习生李某记者金融）当…银行: the name starts after the bracket, not inside it.)

    >>> _after_unopened_close("李某）中资银行", 0, 7)
    3
    >>> _after_unopened_close("松下（苏州）有限", 0, 8)
    0
    """
    segment = text[start:end]
    if ")" not in segment and "）" not in segment:
        return start
    depth, cut = 0, start
    for i, ch in enumerate(segment, start):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth:
                depth -= 1
            else:
                cut = i + 1
    return cut


@dataclass
class _Facts:
    """Per-document facts both suffix passes use (see :meth:`ShapeRecognizer._facts`)."""

    inside_listed: bytearray  # 1 at the offsets strictly inside a listed name (after its first character)
    places: dict[int, str]
    place_ends: set[int]
    name_starts: set[int]
    brands: list[Candidate]
    marks: list[int]
    brand_starts: list[int] = field(default_factory=list)
    listed_at: dict[int, list[Candidate]] = field(default_factory=dict)
    family_ends: dict[str, list[int]] = field(default_factory=dict)
    title_opens: list[int] = field(default_factory=list)  # offsets of 《
    title_closes: list[int] = field(default_factory=list)  # offsets of 》


class GenericWords:
    """Generic words (企业, 日资, 重点…); a phrase made only of them names nothing.

    >>> generic = GenericWords(["日资", "企业"])
    >>> generic.covers("日资企业"), generic.covers("锦里文化"), "企业" in generic
    (True, False, True)
    """

    __slots__ = ("words", "longest", "_memo")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self.longest = max((len(w) for w in self.words), default=1)
        self._memo: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def covers(self, text: str) -> bool:
        """True if ``text`` splits entirely into generic words (remembered: phrases recur)."""
        known = self._memo.get(text)
        if known is None:
            if len(self._memo) >= 100_000:
                self._memo.clear()
            known = self._memo[text] = is_generic(text, self.words, self.longest)
        return known


class ShapeRecognizer:
    """Proposes names found by suffix, quoted titles and back-references."""

    def __init__(self, nlp: Language, name: str, *, patterns: str, left_boundaries: str, generic_words: str,
                 titles: str, alias_patterns: str, suffix_blockers: str) -> None:
        self.name = name
        self.alias_notes = load_alias_notes(alias_patterns)
        self.titles = tuple(sorted({fold(t) for t in load_words(titles)}, key=len, reverse=True))
        self.title_ends = Affixes(self.titles)
        self._titles_by_char: dict[str, tuple[str, ...]] = {}
        self.japanese_forms = frozenset(fold(w) for w in ("株式会社", "合同会社", "有限会社", "合资会社"))
        self.class_nouns = ("中小企业", "企业", "公司", "厂商")
        self.rules = tuple(
            ShapeRule(
                label=row["label"],
                suffixes=tuple(fold(s) for s in row.get("suffixes", ())),
                prefixes=tuple(fold(s) for s in row.get("prefixes", ())),
                min_prefix=int(row.get("min_prefix", 2)),
                max_length=int(row.get("max_length", 30)),
                needs=row.get("needs", "any"),
                priority=int(row.get("priority", 10)),
                joiners=tuple(row.get("joiners", ())),
                generic_ok=bool(row.get("generic_ok", False)),
                backref=bool(row.get("backref", row["label"] in ("Zone", "Event"))),
            )
            for row in load_jsonl(patterns)
        )
        self._prefix_patterns = tuple(re.compile(re.escape(prefix)) for rule in self.rules for prefix in rule.prefixes)
        self.by_suffix: dict[str, list[ShapeRule]] = {}
        for rule in self.rules:
            for suffix in rule.suffixes:
                self.by_suffix.setdefault(suffix, []).append(rule)
        self.blockers = frozenset(fold(w) for line in load_words(suffix_blockers) for w in line.split("|") if w)
        self.suffixes = WordMatcher([*self.by_suffix, *self.blockers])
        # the suffixes each pass handles: names after any entity (…办事处) come second
        self.pass_suffixes = {
            entity_pass: frozenset(s for s, rules in self.by_suffix.items()
                                   if any((r.needs == "entity") == entity_pass for r in rules))
            for entity_pass in (False, True)}
        self.stops = load_boundaries(left_boundaries)
        self.generic = GenericWords(fold(w) for w in load_words(generic_words))
        self.event_suffixes = tuple(sorted(
            (s for r in self.rules if r.label == "Event" for s in r.suffixes if len(s) >= 2), key=len, reverse=True))
        self.event_suffix_matcher = WordMatcher(self.event_suffixes)
        self.event_suffix_rank = {suffix: rank for rank, suffix in reversed(list(enumerate(self.event_suffixes)))}

    # ------------------------------------------------------------------ helpers
    def _left_edge(self, text: str, suffix_start: int, limit: int, marks: list[int]) -> int:
        """First character the name may include: after punctuation or an unopened bracket.

        ``marks`` are the offsets of the boundary and bracket characters of ``text``
        (:data:`_MARKS`); only they can stop the name.
        """
        depth = 0
        k = bisect.bisect_left(marks, suffix_start) - 1
        while k >= 0 and marks[k] >= limit:
            i = marks[k]
            k -= 1
            ch = text[i]
            if ch in _CLOSE:
                depth += 1
            elif ch in _OPEN:
                if depth == 0:
                    return i + 1
                depth -= 1
            elif ch in "—·" and text[i - 1:i] not in "—·" and text[i + 1:i + 2] not in "—·" \
                    and text[i - 1:i].strip() and text[i + 1:i + 2].strip():
                pass  # 中国西部—九州经济交流论坛, 武汉·大分…招待会
            elif ch in HARD_BOUNDARIES:
                return i + 1
        return limit

    def _start_after_stops(self, text: str, left: int, right: int, inside_listed: bytearray,
                           name_ends: set[int] | None = None, name_starts: set[int] | None = None) -> int:
        start = left
        previous_end = -1
        for match in self.stops.finditer(text, left, right):
            if match.end() == match.start():
                continue
            if match.group() in _CONJUNCTIONS:
                # 和 joins two names (日立和松下) only after a name; in 明和化成 or 设立的和东… it is
                # part of the name
                after_word = match.start() == previous_end
                joins = match.start() == left or (name_ends is not None and match.start() in name_ends) \
                    or (name_starts is not None and match.end() in name_starts) \
                    or (after_word and text[previous_end - 1] != "的") \
                    or match.end() >= right - 1  # 深化与…: a preposition; …和市委: it joins the suffix
                if not joins:
                    continue
            previous_end = match.end()
            if inside_listed[match.start()] or inside_listed[match.end()]:
                continue  # a stop word inside a listed name (建设 in 建设银行) does not cut it
            start = max(start, match.end())
        return start

    @staticmethod
    def _in_book_title(facts: _Facts, start: int, end: int) -> bool:
        """Inside 《…》 a name is part of a title, not a mention (《关于支持设立…示范区的复函》).

        The last 《 before the name is not closed before it, and the first 》 after it is
        not opened again after it.
        """
        opens, closes = facts.title_opens, facts.title_closes
        i = bisect.bisect_left(opens, start) - 1
        if i < 0:
            return False
        j = bisect.bisect_left(closes, opens[i])
        if j < len(closes) and closes[j] < start:
            return False
        k = bisect.bisect_left(closes, end)
        if k == len(closes):
            return False
        after = bisect.bisect_left(opens, end)
        return after == len(opens) or opens[after] >= closes[k]

    def _quoted(self, text: str, start: int, end: int) -> bool:
        return start > 0 and end < len(text) and text[start - 1] == "“" and text[end] == "”"

    def _satisfies(self, rule: ShapeRule, text: str, start: int, end: int, places: dict[int, str],
                   place_ends: set[int], entity_starts: set[int]) -> bool:
        if rule.needs == "place":
            return start in places or text.startswith(_STATE_PREFIXES, start) or bool(_PAIR.match(text, start))
        if rule.needs == "entity":
            return start in entity_starts or bool(_PAIR.match(text, start))
        if rule.needs == "marker":
            return bool(_MARKER.search(text, start, end)) or self._quoted(text, start, end)
        if rule.needs == "after_place":
            return start in place_ends
        return True

    # ------------------------------------------------------------------ passes
    def _suffix_ends(self, text: str) -> dict[int, str]:
        """The longest suffix ending at each position of ``text`` (end index → suffix)."""
        longest: dict[int, str] = {}
        for start, end, suffix in self.suffixes.find(text):
            if len(suffix) > len(longest.get(end - 1, "")):
                longest[end - 1] = suffix
        # where a common word such as 发展 is the longest, no name ends
        return {end: suffix for end, suffix in longest.items() if suffix not in self.blockers}

    def _facts(self, text: str, longest: dict[int, str], listed: list[Candidate]) -> _Facts:
        """What both suffix passes need to know about the listed names and the suffixes."""
        facts = _Facts(
            inside_listed=bytearray(len(text) + 1),
            places={c.start: c.label for c in listed if c.label in _PLACE_LABELS},
            place_ends={c.end for c in listed if c.label in _PLACE_LABELS and c.label != "Zone"},
            name_starts={c.start for c in listed},
            brands=sorted((c for c in listed if c.label in ("Company", "Organization")), key=lambda c: c.start),
            marks=_mark_offsets(text),
        )
        facts.brand_starts = [c.start for c in facts.brands]
        for cand in listed:
            facts.inside_listed[cand.start + 1:cand.end] = b"\1" * (cand.end - cand.start - 1)
        for mark in facts.marks:  # 《 and 》 are marks
            if text[mark] == "《":
                facts.title_opens.append(mark)
            elif text[mark] == "》":
                facts.title_closes.append(mark)
        for pattern in self._prefix_patterns:
            facts.name_starts.update(m.start() for m in pattern.finditer(text))
        for cand in listed:
            facts.listed_at.setdefault(cand.start, []).append(cand)
        # where each family's complete suffixes end: a second legal suffix ends the first name
        # (明和化成株式会社对旗下…有限公司), unless the two touch (东京医科大学医院)
        for e, sfx in longest.items():
            for r in self.by_suffix[sfx]:
                facts.family_ends.setdefault(r.label, []).append(e + 1)
        return facts

    def _by_suffix(self, doc: Doc, text: str, entity_pass: bool, longest: dict[int, str],
                   listed: list[Candidate], facts: _Facts) -> list[Candidate]:
        raw = doc._.text
        inside_listed, places, place_ends, name_starts = facts.inside_listed, facts.places, facts.place_ends, facts.name_starts
        brands, brand_starts, listed_at, family_ends, marks = (
            facts.brands, facts.brand_starts, facts.listed_at, facts.family_ends, facts.marks)
        entity_starts = {c.start for c in doc._.candidates}
        found: list[Candidate] = []
        name_ends = {c.end for c in doc._.candidates} | {e + 1 for e in longest}
        in_pass = self.pass_suffixes[entity_pass]
        for end_index, suffix in sorted(longest.items()):
            if suffix not in in_pass:
                continue
            end = end_index + 1
            suffix_start = end - len(suffix)
            if text.startswith(self._title_from(suffix[-1]), end - 1):
                continue  # 商务局局长: the second 局 opens a title, it ends no name
            title = self.title_ends.longest_suffix(text, end, start=max(0, end - 8))
            if title and end - len(title) - 1 in longest:
                continue  # 长沙市委常委: a title after a body (长沙市委), not a longer body
            for rule in self.by_suffix[suffix]:
                if (rule.needs == "entity") != entity_pass:
                    continue
                limit = max(0, end - rule.max_length)
                left = self._left_edge(text, suffix_start, limit, marks)
                region_end = suffix_start
                for joiner in rule.joiners:
                    at = text.find(joiner, left, suffix_start)
                    if at >= 0:
                        region_end = min(region_end, at)
                if rule.label in ("Company", "GovernmentBody", "Organization") and rule.needs != "entity":
                    inner_ends = [e for e in family_ends.get(rule.label, ()) if left < e < suffix_start
                                  and text[e] in _CONJUNCTIONS and not _TOUCHING.match(text, e, suffix_start)]
                    if inner_ends:
                        left = max(inner_ends)
                start = self._start_after_stops(text, left, region_end, inside_listed, name_ends, name_starts)
                while start < suffix_start and text[start] in _CLOSE:
                    start += 1
                start = _after_unopened_close(text, start, suffix_start)
                # a listed brand inside the reach starts the name (集聚电装（广州南沙）有限公司), unless
                # the name starts with one already (日本贸易振兴机构（JETRO）成都代表处)
                if rule.label in ("Company", "Organization") and not any(
                        c.label in ("Company", "Organization") for c in listed_at.get(start, ())):
                    first = next((c for c in brands[bisect.bisect_right(brand_starts, start):bisect.bisect_left(
                        brand_starts, suffix_start)] if c.end <= suffix_start), None)
                    if first is not None:
                        lead = [c for c in listed if c.end == first.start and c.start >= start
                                and c.label in _PLACE_LABELS and c.label != "Country"]  # 青岛海信…, not 日本丰田…
                        start = lead[0].start if lead else first.start
                if rule.needs == "after_place":
                    ends = [e for e in place_ends if start <= e <= suffix_start - rule.min_prefix]
                    if not ends:
                        continue
                    start = max(ends)
                elif rule.label == "Company" and text.endswith(_LOCATE_CUES, 0, start):
                    # 位于常熟丰田汽车研发中心(中国)有限公司: 常熟 is where it is
                    inner = [c for c in listed if c.start == start and c.label in _PLACE_LABELS
                             and c.end <= suffix_start - rule.min_prefix]
                    if inner:
                        start = max(c.end for c in inner)
                if rule.label == "Company" and suffix in self.japanese_forms:
                    # 富山县企业立山精工株式会社: the place and the class noun describe the company
                    start = self._after_descriptors(text, start, suffix_start - rule.min_prefix, listed)
                prefix = text[start:suffix_start]
                if len(prefix) < rule.min_prefix and not (
                        rule.needs == "place" and text[start:start + 1] in "市省区县" and suffix[:1] in "市省区县委政"):
                    continue
                if (start and text[start - 1] in _COUNTERS and _QUANTIFIED.search(text, max(0, start - 5), start)) \
                        or self._in_book_title(facts, start, end):
                    continue
                generic = bool(prefix) and self.generic.covers(prefix)
                if rule.label == "Event" and prefix.endswith(self.event_suffixes):
                    # 交流会签约仪式, 中日博览会开幕式: a part of the event named before it, which its
                    # own suffix finds; no event of its own
                    continue
                if not prefix and not (rule.needs == "place" and suffix[:1] in "市省区县"):
                    generic = True  # a bare suffix; 市委 and 省委 alone name the home city's bodies
                if generic and not rule.generic_ok:
                    if rule.label in ("Event", "Zone") and prefix in self.generic or not prefix:
                        found.append(Candidate(start, end, rule.label, raw[start:end], "backref", priority=1))
                    continue
                if not self._satisfies(rule, text, start, end, places, place_ends, entity_starts):
                    # 应重庆市人民政府邀请: a word no list knows before the place that opens the name
                    later = next((p for p in range(start + 1, min(start + 3, suffix_start)) if p in places), None)
                    if rule.needs != "place" or later is None or suffix_start - later < rule.min_prefix:
                        continue
                    start = later
                lead = max((c.end for c in listed_at.get(start, ()) if c.label in _PLACE_LABELS and c.end < suffix_start),
                           default=None)
                if lead is not None and any(c.end == end and c.label in ("District", "City")
                                            for c in listed_at.get(lead, ())):
                    continue  # 天津滨海新区 is the district 滨海新区 of 天津
                if lead is not None and len(suffix) <= 2 and self.generic.covers(text[lead:suffix_start]) \
                        and not (rule.label == "Organization" and suffix.endswith("会")):
                    # 日本地方政府: a place, generic words and a bare 政府 or 局 name no body; an
                    # association is named so (湖南省日资企业协会, 东莞市外商投资企业协会)
                    continue
                found.append(Candidate(start, end, rule.label, raw[start:end], "shape", priority=rule.priority))
                break
        return found

    def _after_descriptors(self, text: str, start: int, limit: int, listed: list[Candidate]) -> int:
        """Past leading places and class nouns (日本中小企业, 富山县企业) before a Japanese company's name."""
        moved = True
        while moved and start < limit:
            moved = False
            for cand in listed:
                # only a full administrative name (富山县, 东京都); 九州 in 九州电力 is the brand
                if cand.start == start and cand.label in _PLACE_LABELS and cand.end <= limit \
                        and (cand.label == "Country" or text[cand.end - 1] in "县府都道市省区"):
                    start, moved = cand.end, True
                    break
            for noun in self.class_nouns:
                at = text.find(noun, start, limit)
                if at >= 0 and self.generic.covers(text[start:at]):
                    start, moved = at + len(noun), True
                    break
        return start

    def _title_from(self, ch: str) -> tuple[str, ...]:
        """Titles that begin with ``ch`` (局长, 厅长 for 局, 厅), at least two characters long."""
        found = self._titles_by_char.get(ch)
        if found is None:
            found = tuple(t for t in self.titles if t[0] == ch and len(t) >= 2) or ("\x00",)
            self._titles_by_char[ch] = found
        return found

    def _by_prefix(self, doc: Doc, text: str) -> list[Candidate]:
        """Legal forms written first (株式会社电通): the name runs right to a boundary word."""
        raw = doc._.text
        found: list[Candidate] = []
        for rule in self.rules:
            for prefix in rule.prefixes:
                at = text.find(prefix)
                while at >= 0:
                    if at and text[at - 1] not in HARD_BOUNDARIES and not any(
                            m.end() == at for m in self.stops.finditer(text, max(0, at - 4), at)):
                        at = text.find(prefix, at + 1)  # …合同会社 ends a name here, it opens none
                        continue
                    start, limit = at, min(len(text), at + rule.max_length)
                    end = at + len(prefix)
                    while end < limit and text[end] not in HARD_BOUNDARIES and not self._ends_name(text, end):
                        end += 1
                    if end - start - len(prefix) >= rule.min_prefix:
                        found.append(Candidate(start, end, rule.label, raw[start:end], "shape", priority=rule.priority - 1))
                    at = text.find(prefix, at + 1)
        return found

    def _ends_name(self, text: str, at: int) -> bool:
        match = self.stops.match(text, at)
        return bool(match and match.end() > at) or text.startswith(self.titles, at)

    def _bare_suffixes(self, doc: Doc, text: str, longest: dict[int, str]) -> list[Candidate]:
        """A suffix standing alone (示范区, 交流会) refers back to a named zone or event."""
        raw = doc._.text
        found = []
        for end_index, suffix in longest.items():
            start = end_index + 1 - len(suffix)
            rules = [r for r in self.by_suffix[suffix] if r.backref]
            if not rules or len(suffix) < 3:
                continue
            before = text[start - 1] if start else "\n"
            if before in HARD_BOUNDARIES or before in "在与和及的将是该本此":
                found.append(Candidate(start, end_index + 1, rules[0].label, raw[start:end_index + 1], "backref", priority=1))
        return found

    def _quoted_titles(self, doc: Doc, text: str) -> list[Candidate]:
        """“X”活动 / “X”城市视觉展 / “X论坛”: quoted titles of events."""
        raw = doc._.text
        found = []
        for match in _QUOTED.finditer(text):
            inner_start, inner_end = match.span(1)
            content = text[inner_start:inner_end]
            if content.endswith(self.event_suffixes) and not any(ch in content for ch in "，。！？、"):
                found.append(Candidate(inner_start, inner_end, "Event", raw[inner_start:inner_end], "quoted", priority=11))
                continue
            after = match.end()
            note = self.alias_notes.match(text, after)
            tail_start = note.end() if note else after
            window = text[tail_start: tail_start + 10]
            # each event suffix in the window (its first occurrence), longest first
            first_at: dict[str, int] = {}
            for at, _, suffix in self.event_suffix_matcher.find(window):
                first_at.setdefault(suffix, at)
            for suffix in sorted(first_at, key=self.event_suffix_rank.__getitem__):
                at = first_at[suffix]
                follow = tail_start + at + len(suffix)
                if follow < len(text) and text[follow] not in _AFTER_TITLE:
                    continue
                chunk = window[:at]
                if any(ch in HARD_BOUNDARIES for ch in chunk) or self.stops.search(chunk):
                    continue
                if chunk and not self.generic.covers(chunk) and not note:
                    # “在东京遇见无锡”城市视觉展: the name runs on after the quote
                    end = tail_start + at + len(suffix)
                    name = content + text[tail_start:end]
                    found.append(Candidate(inner_start, end, "Event", raw[inner_start:end], "quoted",
                                           priority=11, canonical=name,
                                           extra_aliases=(raw[match.start():end], content)))
                else:
                    found.append(Candidate(inner_start, inner_end, "Event", raw[inner_start:inner_end], "quoted", priority=11))
                break
        return found

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.folded
        candidates = doc._.candidates
        longest = self._suffix_ends(text)
        listed = [c for c in candidates if c.source == "gazetteer"]
        facts = self._facts(text, longest, listed)
        candidates.extend(self._by_suffix(doc, text, False, longest, listed, facts))
        candidates.extend(self._quoted_titles(doc, text))
        candidates.extend(self._by_prefix(doc, text))
        candidates.extend(self._by_suffix(doc, text, True, longest, listed, facts))
        candidates.extend(self._bare_suffixes(doc, text, longest))
        return doc


@Language.factory(
    "kg_shapes",
    default_config={
        "patterns": "patterns/shapes.jsonl",
        "left_boundaries": "patterns/left_boundaries.txt",
        "generic_words": "patterns/generic_words.txt",
        "titles": "patterns/titles.txt",
        "alias_patterns": "patterns/aliases.txt",
        "suffix_blockers": "patterns/suffix_blockers.txt",
    },
    assigns=["doc._.candidates"],
    requires=["doc._.candidates"],
)
def make_shapes(nlp: Language, name: str, patterns: str, left_boundaries: str, generic_words: str,
                titles: str, alias_patterns: str, suffix_blockers: str) -> ShapeRecognizer:
    return ShapeRecognizer(nlp, name, patterns=patterns, left_boundaries=left_boundaries, generic_words=generic_words,
                           titles=titles, alias_patterns=alias_patterns, suffix_blockers=suffix_blockers)
