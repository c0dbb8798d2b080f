"""One document as the shape rules see it: the suffixes in it, the listed names, the marks."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ...ontology import PLACE_CLASSES
from ...records import EntityKey
from ..candidates import Candidate
from ..gazetteer import GazetteerIndex
from ..marks import CLOSE, HARD_BOUNDARIES, OPEN, mark_offsets
from .lexicon import ShapeLexicon

__all__ = ["ShapeScan", "after_unopened_close"]

#: How far past a name's prefix a boundary pattern may look (对 in 省政府对代表团一行).
_LOOKAHEAD = 8


def after_unopened_close(text: str, start: int, end: int) -> int:
    """Past the last closing bracket of ``text[start:end]`` that no bracket there opens.

    (实习生李某记者金融）当…银行: the name starts after the bracket, not inside it.)

    >>> after_unopened_close("李某）中资银行", 0, 7)
    3
    >>> after_unopened_close("松下（苏州）有限", 0, 8)
    0
    """
    segment = text[start:end]
    if ")" not in segment and "）" not in segment:
        return start
    depth, cut = 0, start
    for i, ch in enumerate(segment, start):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            if depth:
                depth -= 1
            else:
                cut = i + 1
    return cut


@dataclass
class ShapeScan:
    """The text (``raw`` and folded), the candidates so far (the live list) and per-document facts.

    The facts are built from the listed names (the gazetteer's candidates) once, when
    the scan is made: what is inside a listed name, where places start and end, the
    brands, the marks and book titles, where each suffix family ends.
    """

    raw: str
    text: str
    candidates: list[Candidate]
    lex: ShapeLexicon
    gazetteer: GazetteerIndex | None = None  # what the lists know of where places lie
    longest: dict[int, str] = field(init=False)  # end index → the longest suffix ending there
    suffix_stops: list[int] = field(init=False)  # where each of those suffixes stops (end index + 1), sorted
    in_suffix: bytearray = field(init=False)  # 1 in one of those suffixes, before its last character
    listed: list[Candidate] = field(init=False)
    inside_listed: bytearray = field(init=False)  # 1 strictly inside a listed name (after its first character)
    places: dict[int, str] = field(init=False)
    place_ends: set[int] = field(init=False)
    local_ends: set[int] = field(init=False)
    counties: list[tuple[int, int]] = field(init=False)  # unlisted counties between a city and a town
    towns: set[int] = field(init=False)  # where a town found by its suffix starts (木渎镇 of 吴中区木渎镇)
    town_ends: set[int] = field(init=False)
    name_starts: set[int] = field(init=False)
    brands: list[Candidate] = field(init=False)
    brand_starts: list[int] = field(init=False)
    marks: list[int] = field(init=False)
    listed_at: dict[int, list[Candidate]] = field(init=False)
    family_ends: dict[str, list[int]] = field(init=False)
    title_opens: list[int] = field(init=False)  # offsets of 《
    title_closes: list[int] = field(init=False)  # offsets of 》

    def __post_init__(self) -> None:
        text, lex = self.text, self.lex
        self.longest = lex.suffix_ends(text)
        self.suffix_stops = sorted(end + 1 for end in self.longest)
        self.in_suffix = bytearray(len(text) + 1)
        for end, suffix in self.longest.items():
            if len(suffix) > 1:
                self.in_suffix[end + 1 - len(suffix):end] = b"\1" * (len(suffix) - 1)
        listed = self.listed = [c for c in self.candidates if c.source == "gazetteer"]
        self.inside_listed = bytearray(len(text) + 1)
        for cand in listed:
            self.inside_listed[cand.start + 1:cand.end] = b"\1" * (cand.end - cand.start - 1)
        self.places = {c.start: c.label for c in listed if c.label in PLACE_CLASSES}
        self.place_ends = {c.end for c in listed if c.label in PLACE_CLASSES and c.label != "Zone"}
        # where a place that may hold a town ends (a town does not follow a country: 中国最美乡村;
        # it follows a new area: 金普新区七顶山街道)
        self.local_ends = {c.end for c in listed if c.label in PLACE_CLASSES and c.label != "Country"}
        self.towns = set()
        self.town_ends = set()  # where a town found by its suffix ends (城关镇 of 城关镇龙头村)
        self.counties = self._unlisted_counties(listed)
        self.local_ends.update(end for _, end in self.counties)
        self.name_starts = {c.start for c in listed}
        for pattern in lex.prefix_patterns:
            self.name_starts.update(m.start() for m in pattern.finditer(text))
        self.brands = sorted((c for c in listed if c.label in ("Company", "Organization")), key=lambda c: c.start)
        self.brand_starts = [c.start for c in self.brands]
        self.marks = mark_offsets(text)
        self.title_opens = [m for m in self.marks if text[m] == "《"]
        self.title_closes = [m for m in self.marks if text[m] == "》"]
        self.listed_at = {}
        for cand in listed:
            self.listed_at.setdefault(cand.start, []).append(cand)
        # where each family's complete suffixes end: a second legal suffix ends the first name
        # (明和化成株式会社对旗下…有限公司), unless the two touch (东京医科大学医院)
        self.family_ends = {}
        for end, suffix in self.longest.items():
            for rule in lex.by_suffix[suffix]:
                self.family_ends.setdefault(rule.label, []).append(end + 1)

    def _unlisted_counties(self, listed: list[Candidate]) -> list[tuple[int, int]]:
        """Two characters and 县 right after a listed city, with a town right after: a county in the
        chain the lists do not hold (龙岩市永定县湖坑镇: known by its new name 永定区 only)."""
        text, words = self.text, self.lex.words
        found = []
        for city in listed:
            at = city.end + 2
            if city.label == "City" and text.startswith(words["county_suffix"], at) and at not in self.longest \
                    and words["town_suffixes_pattern"].match(text, at + len(words["county_suffix"])) \
                    and self.town_words(city.end, at) and not self.inside_listed[city.end + 1] \
                    and not any(ch in words["town_not_inside"] for ch in text[city.end:at]):
                found.append((city.end, at + len(words["county_suffix"])))
        return found

    def opening_town(self, start: int, suffix_start: int, labels: frozenset[str]) -> int:
        """Where a town found by its suffix starts, right after the place at ``start`` (one of
        ``labels``) and before ``suffix_start``, unless a listed name opens what follows the town
        (东莞市厚街镇广东现代国际展览中心: the town is the venue's address); else ``start``."""
        for place in self.listed_at.get(start, ()):
            if place.end in self.towns and place.end < suffix_start and place.label in labels \
                    and not any(place.end < e < suffix_start and e in self.name_starts for e in self.town_ends):
                return place.end
        return start

    def town_alone(self, start: int, suffix_start: int, end: int) -> bool:
        """A town no place opens: two characters, then 镇 or 乡, with its own body or head right after
        (大朗镇党委, 石湖镇人民政府; not 各乡镇政府), or 的 (位于茶山镇的工厂, 是九江镇的重点: the town's;
        not 主要乡镇的, 米之乡的), or after a town and 和 or 、 (长安镇和城关镇)."""
        text, words = self.text, self.lex.words
        return self.town_words(start, suffix_start) \
            and (text.startswith(tuple(words["town_body_words"]), end)
                 or (text.startswith(tuple(words["town_possessive"]), end)
                     and not any(ch in words["town_not_inside"] for ch in text[start:suffix_start]))
                 or (start > 0 and text[start - 1] in words["town_joiners"] and start - 1 in self.local_ends))

    def town_after_place(self, start: int, suffix_start: int) -> bool:
        """Two characters right after a listed place that may name its town, whatever word they
        hold (都江堰向峨乡; not 北京和乡镇)."""
        return start in self.local_ends and self.town_words(start, suffix_start) \
            and not any(ch in self.lex.words["town_not_inside"] for ch in self.text[start:suffix_start])

    def town_words(self, start: int, suffix_start: int) -> bool:
        """Two Chinese characters that may open a town's name (not 各乡, 全镇)."""
        text = self.text
        return suffix_start - start == 2 and text[start] not in self.lex.words["town_not_first"] \
            and all("\u4e00" <= ch <= "\u9fff" for ch in text[start:suffix_start])

    def posted(self, at: int, suffix_start: int) -> bool:
        """驻 at ``at``, then a listed place or a one-character short form of one right before the
        suffix (驻日本使馆, 驻福冈总领事馆, 驻日大使馆): a mission's name, not generic words."""
        text, words = self.text, self.lex.words
        place_at = at + len(words["mission_marker"])
        if not text.startswith(words["mission_marker"], at):
            return False
        return any(c.end == suffix_start and c.label in PLACE_CLASSES for c in self.listed_at.get(place_at, ())) \
            or (suffix_start - place_at == 1 and text[place_at] in words["mission_short_places"])

    def opens_name(self, label: str, start: int, suffix_start: int) -> bool:
        """A place or the two countries start there, or a list mark, an opening quote or 的 opens a zone's
        name with a place in its first three characters: the word before that place is the name's
        (、南海日本中小企业园, “新日本工业团地”), not a cue to skip as 对 of 对中日(青岛)…示范区 is."""
        text, words = self.text, self.lex.words
        if start in self.places or words["country_pair_pattern"].match(text, start):
            return True
        return label == "Zone" and start > 0 and text[start - 1] in words["zone_opening_marks"] \
            and any(p in self.places for p in range(start + 1, min(start + 3, suffix_start)))

    def contains(self, outer: Candidate, inner: Candidate) -> bool:
        """The lists put the place ``inner`` inside ``outer`` (盐城 in 江苏省, 东京 in 日本, not 哈尔滨 in 山形县)."""
        if inner.entry is None or outer.entry is None:
            return False
        place = EntityKey(inner.entry.parent, inner.entry.parent_label or "Country") if inner.entry.parent else None
        for _ in range(4):
            if place is None:
                return False
            if place.name == outer.entry.canonical:
                return True
            place = self.gazetteer.parent(place) if self.gazetteer is not None else None
        return False

    def left_edge(self, suffix_start: int, limit: int) -> int:
        """First character a name ending at ``suffix_start`` may include: after punctuation or an
        unopened bracket, not before ``limit``."""
        text, marks = self.text, self.marks
        depth = 0
        k = bisect.bisect_left(marks, suffix_start) - 1
        while k >= 0 and marks[k] >= limit:
            i = marks[k]
            k -= 1
            ch = text[i]
            if ch in CLOSE:
                depth += 1
            elif ch in OPEN:
                if depth == 0:
                    return i + 1
                depth -= 1
            elif ch in "—·" and text[i - 1:i] not in "—·" and text[i + 1:i + 2] not in "—·" \
                    and text[i - 1:i].strip() and text[i + 1:i + 2].strip():
                pass  # 中国西部—九州经济交流论坛, 武汉·大分…招待会
            elif ch in HARD_BOUNDARIES:
                return i + 1
        return limit

    def start_after_stops(self, left: int, right: int, name_ends: set[int] | None = None,
                          name_starts: set[int] | None = None, *, conjunctions_cut: bool = False,
                          suffix_alone: bool = True, cutting: frozenset[str] = frozenset()) -> int:
        """After the last boundary word in ``[left, right)`` not inside a listed name; a
        conjunction counts only where it joins two names (日立和松下, not 明和化成), or always
        with ``conjunctions_cut`` (方面与曹妃甸工业区) or where it is one of ``cutting`` (理事长及青松银行);
        right before the suffix only where the
        suffix may stand alone (``suffix_alone``: 省委和市委, not 协和株式会社)."""
        text, lex = self.text, self.lex
        conjunctions, possessive = lex.conjunctions, lex.words["possessive"]
        start = left
        previous_end = -1
        # (a boundary may look past ``right``: 对 before the 代表团 it welcomes)
        for match in lex.stops.finditer(text, left, min(len(text), right + _LOOKAHEAD)):
            if match.end() == match.start() or match.end() > right:
                continue
            if match.group() in conjunctions:
                # 和 joins two names only after a name; in 明和化成 or 设立的和东… it is part of the name
                after_word = match.start() == previous_end
                if not suffix_alone and match.end() >= right - 1:
                    continue
                joins = match.start() == left or (name_ends is not None and match.start() in name_ends) \
                    or (name_starts is not None and match.end() in name_starts) \
                    or (after_word and text[previous_end - 1] != possessive) \
                    or match.end() >= right - 1 \
                    or text.startswith(lex.state_prefixes, match.end()) \
                    or lex.words["country_pair_pattern"].match(text, match.end()) \
                    or conjunctions_cut or match.group() in cutting  # 深化与…: a preposition; …和市委: it joins the suffix; …及省外经贸厅
                if not joins:
                    continue
            previous_end = match.end()
            if self.inside_listed[match.start()] or self.inside_listed[match.end()] or self.in_suffix[match.end() - 1]:
                continue  # a stop word inside a listed name (建设 in 建设银行) or a suffix (有 in 有限公司) does not cut it
            start = max(start, match.end())
        return start

    def in_book_title(self, start: int, end: int) -> bool:
        """Inside 《…》 a name is part of a title, not a mention (《关于支持设立…示范区的复函》).

        The last 《 before the name is not closed before it, and the first 》 after it is
        not opened again after it.
        """
        opens, closes = self.title_opens, self.title_closes
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

    def quoted(self, start: int, end: int) -> bool:
        """“…” around ``[start, end)``."""
        return start > 0 and end < len(self.text) and self.text[start - 1] == "“" and self.text[end] == "”"
