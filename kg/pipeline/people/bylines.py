"""Bylines: the people and the outlets of a dateline, a credit line or a photo credit.

* a dateline opens a line: 新华网大连6月1日电(记者蔡拥军、张博群), 中新社威海5月14日电(王娇妮),
  珠江时报讯(记者/李年智通讯员/李伟婵), 天津日报讯 (an outlet, no names);
* a credit line is a whole line: 华西都市报-封面新闻记者杨金祝雷远东, □记者刘腾通讯员李贝科王敏报道;
* a credit closes a line, after its last sentence or in brackets: 图为活动现场。岳依桐摄,
  （江西网记者何淳勇摄）, （记者周琳）.

The normalized text has no spaces between ideographs (记者杨金祝雷远东): a run of names is
split where every part starts with a surname, the commoner surnames preferred. Each
line is read once per document (:func:`bylines`); the rules of this module and
``affiliatedWith.byline`` read what it found.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..candidates import Candidate
from ..marks import CLOSE, OPEN
from ..rules import reads, rule
from .lexicon import STAGE, PeopleScan

__all__ = ["BYLINE_OUTLET", "BYLINE_PEOPLE", "Byline", "Credit", "Outlet", "byline_credits", "byline_outlet", "bylines"]

#: The rule ids of the byline's outlets and people (``affiliatedWith.byline`` reads them off the mentions).
BYLINE_OUTLET = "people.byline_outlet"
BYLINE_PEOPLE = frozenset({"people.byline_credits", "people.byline"})

reads(STAGE, "bylines", "byline_roles", "byline_role_marks", "byline_ends", "dateline_words", "dateline_fillers",
      "outlet_suffixes", "home_outlets", "byline_bullets", "byline_joiners", "byline_separators", "date_marks", "dateline_open_words", "source_words", "release_marks")

_MAX_OUTLET = 12  # 中国江西新闻网, 华西都市报: an outlet read off its suffix is no longer
_MAX_RUN = 12  # four names of three characters
_MAX_CREDIT = 48  # the longest credit line: outlets, roles and names
_CHUNK_END = re.compile("[。！？!?\n]")
_PLACES = frozenset({"Country", "Region", "City", "District"})
_PART_COST = 500  # each name of a split costs this more than its surname's rank
_SOURCE_ENDS = frozenset("）)，,。;；")
_REACH = 40  # a byline's first word (电, 讯, 记者, 摄) comes within this many characters of its start


class Credit(NamedTuple):
    """A name in a byline and the role written before it (记者, 通讯员, or none)."""

    start: int
    end: int
    role: str | None


class Outlet(NamedTuple):
    """An outlet a byline names: the listed one, or (``listed`` None) a name read off its suffix."""

    start: int
    end: int
    listed: Candidate | None


class Byline(NamedTuple):
    """One byline: ``kind`` is ``dateline``, ``credit`` (a line of its own) or ``tail`` (after a
    caption); a tail's outlets that no list knows are not proposed (江西网 for 中国江西新闻网)."""

    start: int
    end: int
    kind: str
    outlets: tuple[Outlet, ...]
    names: tuple[Credit, ...]


def _ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


class _Reader:
    """Reads bylines from one document's folded text."""

    def __init__(self, scan: PeopleScan) -> None:
        self.text = scan.text
        self.lex = scan.lex
        self.words = scan.lex.byline_words
        # where the words of bylines occur (记者, 摄, 电, …): a byline holds one near its start
        found = scan.lex.byline_matcher.find(self.text)
        self.cue_set = {start for start, _, _ in found}
        self.cue_set.update(start for start, _, _ in scan.lex.byline_marks.find(self.text)
                            if self._mark(start, len(self.text)))
        self.cues = sorted(self.cue_set)
        self.sources = {start for start, _, word in found if word in self.words["source_words"].values}
        datelines = self.words["dateline_words"]
        self.dateline_cues = sorted({start for start, _, word in found if word in datelines.values})
        # where a filler word (频道, 分社) starts within four characters
        self.filler_near = {m.start() - k for word in self.words["filler_list"]
                            for m in re.finditer(re.escape(word), self.text) for k in range(4)}
        self.orgs: dict[int, list[Candidate]] = {}
        self.places: dict[int, int] = {}
        for c in scan.candidates:
            if c.source != "gazetteer":
                continue
            if c.label == "Organization":
                self.orgs.setdefault(c.start, []).append(c)
            elif c.label in _PLACES and c.end > self.places.get(c.start, 0):
                self.places[c.start] = c.end

    # ------------------------------------------------------------------ words
    def _word(self, key: str, i: int, end: int) -> str | None:
        return self.words[key].longest_prefix(self.text, i, end=end)

    def _role(self, i: int, end: int) -> str | None:
        """A role word at ``i`` (记者, 通讯员); 图 and 文 only before a mark (图/, 文：)."""
        if i not in self.cue_set:
            return None
        return self._word("byline_roles", i, end) or self._mark(i, end)

    def _mark(self, i: int, end: int) -> str | None:
        """图, 文 before a mark, a space, a role or 本报 (文/图, 图 本报记者)."""
        mark = self._word("byline_role_marks", i, end)
        after = self._space(i + len(mark), end) if mark else end
        if mark and after < end and (self.text[after] in self.words["byline_separators"] or after > i + len(mark)
                                     or self._word("byline_roles", after, end)
                                     or self._word("home_outlets", after, end)):
            return mark
        return None

    def _end_word(self, i: int, end: int) -> str | None:
        """报道, 摄 that close the byline at ``end``."""
        if i not in self.cue_set:
            return None
        for word in self.words["byline_ends"]:
            if i + len(word) == end and self.text.startswith(word, i):
                return word
        return None

    def _space(self, i: int, end: int) -> int:
        while i < end and self.text[i].isspace():
            i += 1
        return i

    # ------------------------------------------------------------------ outlets
    def _outlet_ends(self, i: int, end: int) -> list[tuple[int, Candidate | None]]:
        """Where an outlet starting at ``i`` may end: a listed one, or a name ending in an outlet's
        suffix (珠江时报, 环渤海新闻网); longest first."""
        text, found = self.text, {}
        for c in self.orgs.get(i, ()):
            if c.end <= end:
                found[c.end] = c
        suffixes = self.words["outlet_suffixes"]
        if i not in self.places or self.places[i] < end:
            for e in range(i + 2, min(end, i + _MAX_OUTLET) + 1):
                if not _ideograph(text[e - 1]):
                    break
                # an outlet no list knows ends before a dateline or a role, a place, a date or ·
                follows = e == end or text[e] in _SOURCE_ENDS or (e in self.cue_set or e in self.places or text[e].isdigit()
                                       or text[e] in self.words["byline_joiners"] or text[e].isspace()
                                       or e in self.filler_near)
                if follows and e not in found and suffixes.longest_suffix(text, e, start=i, min_rest=1) \
                        and not any(h in text[i:e] for h in self.words["home_list"]) \
                        and not self._holds_byline_word(i, e):
                    found[e] = None
        return sorted(found.items(), reverse=True)

    def _dateline_near(self, start: int, end: int) -> bool:
        """电, 讯 or 消息 within reach of ``start`` (a dateline may start there)."""
        i = bisect.bisect_left(self.dateline_cues, start)
        return i < len(self.dateline_cues) and self.dateline_cues[i] < min(end, start + _REACH)

    def _holds_byline_word(self, start: int, end: int) -> bool:
        """赵泽宇摄川观新闻 is no outlet: it holds a role, a closing word or a dateline word."""
        i = bisect.bisect_left(self.cues, start)
        return i < len(self.cues) and self.cues[i] < end

    def _outlets(self, i: int, end: int) -> list[tuple[list[Outlet], int]]:
        """Every way to read outlets joined by ·/- from ``i`` (华西都市报-封面新闻), longest first."""
        ways: list[tuple[list[Outlet], int]] = []
        for stop, listed in self._outlet_ends(i, end):
            first = Outlet(i, stop, listed)
            if stop < end and self.text[stop] in self.words["byline_joiners"]:
                ways.extend(([first, *rest], j) for rest, j in self._outlets(stop + 1, end) if rest)
            ways.append(([first], stop))
        return ways

    # ------------------------------------------------------------------ names
    def _split(self, start: int, end: int, strong: bool) -> list[tuple[int, int]] | None:
        """The names of a run without separators (杨金祝雷远东 → 杨金祝, 雷远东)."""
        text, lex = self.text, self.lex
        n = end - start
        if 2 <= n <= 3 and (strong or lex.has_surname(text[start:end])):
            return [(start, end)]
        best: dict[int, tuple[int, list[tuple[int, int]]]] = {0: (0, [])}
        for k in range(n):
            if k not in best:
                continue
            cost, parts = best[k]
            for length in (2, 3, 4):
                if k + length > n:
                    break
                rank = lex.surname_rank(text[start + k:start + k + length], length)
                if rank is None:
                    continue
                total = cost + rank + _PART_COST  # fewer names of commoner surnames (井上松子, not 井上|松子)
                if k + length not in best or total < best[k + length][0]:
                    best[k + length] = (total, [*parts, (start + k, start + k + length)])
        return best[n][1] if n in best else None

    def credits(self, i: int, end: int, *, strong: bool) -> tuple[list[Credit], list[Outlet], bool] | None:
        """The names (and the outlets before a role: 福州日报记者) of ``text[i:end]``, if it is all
        credits; the flag says whether a role or a closing word (摄, 报道) vouches for them."""
        text, words = self.text, self.words
        names: list[Credit] = []
        outlets: list[Outlet] = []
        role: str | None = None
        vouched = False
        while i < end:
            if text[i] in words["byline_separators"] or text[i].isspace():
                i += 1
                continue
            home = words["home_outlets"].longest_prefix(text, i, end=end)
            if home:
                i += len(home)
                continue
            found = self._role(i, end)
            if found:
                role, vouched = found, True
                i += len(found)
                continue
            closing = self._end_word(i, end)
            if closing:
                vouched = True
                break
            chain = next((way for way in self._outlets(i, end) if self._role(self._space(way[1], end), end)
                          or self._word("release_marks", way[1], end)), None)
            if chain is not None:  # 福州日报记者, 中新社发 (a photo the agency releases)
                outlets.extend(chain[0])
                i = chain[1]
                release = self._word("release_marks", i, end)
                if release and not self._role(i, end):
                    i += len(release)
                    vouched = True
                continue
            j = i
            while j < end and _ideograph(text[j]) and j - i <= _MAX_RUN \
                    and not (j > i and (self._role(j, end) or self._end_word(j, end))):
                j += 1
            if j == i or j - i > _MAX_RUN:
                return None
            parts = self._split(i, j, strong)
            if parts is None:
                return None
            names.extend(Credit(a, b, role) for a, b in parts)
            i = j
        return names, outlets, vouched

    # ------------------------------------------------------------------ bylines
    def dateline(self, start: int, end: int) -> Byline | None:
        """OUTLET (PLACE) (DATE) 电/讯/消息 (CREDITS) at a line's start."""
        text, words = self.text, self.words
        ways = self._outlets(start, end)
        home = words["home_outlets"].longest_prefix(text, start, end=end)
        if home:
            ways.append(([], start + len(home)))
        for outlets, k in ways:
            if not outlets and not home:
                continue
            k = self._skip_fillers(k, end)
            cue = self._word("dateline_words", k, end)
            if not cue:
                continue
            k += len(cue)
            # 电 and 消息 run into no text (电通, 消息人士) unless a date comes before them; 讯 may (天津日报讯在…)
            if not (k == end or text[k] in OPEN or text[k].isspace() or text[k] in "：:，," or cue in words["dateline_open"]
                    or text[k - len(cue) - 1] in words["date_marks"]):
                continue
            while k < end and (text[k].isspace() or text[k] in "：:"):
                k += 1
            names: list[Credit] = []
            if k < end and text[k] in OPEN:
                close = _closing(text, k, end)
                if close is not None:
                    read = self.credits(k + 1, close, strong=True)
                    if read is not None:
                        names = read[0]
                        outlets = outlets + read[1]
                        k = close + 1
            return Byline(start, k, "dateline", tuple(outlets), tuple(names))
        return None

    def source(self, start: int, end: int) -> Byline | None:
        """来源：OUTLET (·OUTLET): the outlet that published the article."""
        text = self.text
        word = self._word("source_words", start, end)
        k = self._space(start + len(word), end) if word else end
        if k >= end or text[k] not in "：:":
            return None
        k = self._space(k + 1, end)
        ways = [way for way in self._outlets(k, end) if self._space(way[1], end) == end
                or text[self._space(way[1], end)] in _SOURCE_ENDS]
        return Byline(start, ways[0][1], "dateline", tuple(ways[0][0]), ()) if ways else None

    def _skip_fillers(self, k: int, end: int) -> int:
        """Past the places, the date and the words (频道) between an outlet and 电/讯."""
        text, fillers = self.text, self.words["dateline_fillers"]
        while k < end:
            if k in self.places and self.places[k] <= end:
                k = self.places[k]
            elif text[k].isdigit() or text[k].isspace() or text[k] in self.words["date_marks"]:
                k += 1
            else:
                # 陕西频道, 东京分社: a filler word, maybe after a place no list knows
                ahead = next((at for at in range(k, min(end, k + 4)) if fillers.longest_prefix(text, at, end=end)), None)
                if ahead is None or not all(_ideograph(ch) for ch in text[k:ahead]):
                    break
                k = ahead + len(fillers.longest_prefix(text, ahead, end=end))
        return k

    def credit(self, start: int, end: int, kind: str) -> Byline | None:
        """``text[start:end]`` is all credits, with a role or a closing word."""
        read = self.credits(start, end, strong=False)
        if read is None or not read[0] or not read[2]:
            return None
        names, outlets, _ = read
        return Byline(start, end, kind, tuple(outlets), tuple(names))

    def _credit_before(self, start: int, end: int, kind: str) -> Byline | None:
        """A credit from ``start`` that ends the line, or closes with 摄/报道 or a bracket before a
        dateline (图为活动现场。岳依桐摄中新网成都1月12日电…: a caption and a dateline run together)."""
        text = self.text
        if text[start] in OPEN:
            close = _closing(text, start, end)
            if close is None:
                return None
            found = self.credit(start + 1, close, kind)
            return found._replace(start=start, end=close + 1) if found is not None else None
        whole = self.credit(start, end, kind) if end - start <= _MAX_CREDIT else None
        if whole is not None:
            return whole
        for stop in range(min(end, start + 2 * _MAX_RUN) - 1, start + 2, -1):  # the longest credit first
            # 岳依桐摄中新网成都…电, 记者王晓东本报讯…: a credit, then a dateline or another credit
            closed = text.endswith(self.words["byline_ends"], start, stop)
            opens = closed or stop in self.orgs or self.words["home_outlets"].longest_prefix(text, stop, end=end)
            if opens and self._dateline_near(stop, end) and self.dateline(stop, end) is not None \
                    or closed and self.credit(stop, end, kind) is not None:
                found = self.credit(start, stop, kind)
                if found is not None:
                    return found
        # a credit with a role run into the text: it ends at a closing word or before a listed name
        # (新华社记者李明摄据…, 人民网记者刘军国苏州工业园区…)
        for stop in range(min(end, start + 2 * _MAX_RUN) - 1, start + 2, -1):
            if text.endswith(self.words["byline_ends"], start, stop) or stop in self.places or stop in self.orgs:
                read = self.credits(start, stop, strong=False)
                if read is not None and read[0] and read[0][-1].role is not None:
                    return Byline(start, stop, kind, tuple(read[1]), tuple(read[0]))
        return None

    def chunk(self, at: int, line_start: int, end: int) -> list[Byline]:
        """The bylines of a line from ``at`` (its start, or just after a sentence): a dateline or a
        credit, and a dateline or credit right after such a credit."""
        text, words = self.text, self.words
        while at < end and (text[at] in words["byline_bullets"] or text[at].isspace()):
            at += 1
        if at >= end or not self._holds_byline_word(at, min(end, at + _REACH)):
            return []
        dateline = (self.dateline(at, end) if self._dateline_near(at, end) else None) or self.source(at, end)
        if dateline is not None:
            return [dateline]
        credit = self._credit_before(at, end, "credit" if at == line_start else "tail")
        if credit is None:
            return []
        after = (self.dateline(credit.end, end) or self.credit(credit.end, end, kind="tail")) if credit.end < end else None
        return [credit, after] if after is not None else [credit]


def _closing(text: str, at: int, end: int) -> int | None:
    """The bracket that closes the one at ``at``, before ``end``."""
    depth = 0
    for i in range(at, end):
        if text[i] in OPEN:
            depth += 1
        elif text[i] in CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return None


def _opening(text: str, start: int, at: int) -> int | None:
    """The bracket that opens the one closing at ``at``, after ``start``."""
    depth = 0
    for i in range(at, start - 1, -1):
        if text[i] in CLOSE:
            depth += 1
        elif text[i] in OPEN:
            depth -= 1
            if depth == 0:
                return i
    return None


def bylines(scan: PeopleScan) -> list[Byline]:
    """Every byline of the document (read once): the chunks (a line's start, or just after a
    sentence) that have a byline's word (记者, 电, 摄 …) near their start."""
    if "bylines" not in scan._memo:
        reader = _Reader(scan)
        text = scan.text
        ends = [m.end() for m in _CHUNK_END.finditer(text)]  # after 。！？ and line breaks
        chunks: dict[int, int] = {}  # chunk start → line start
        for cue in reader.cues:
            i = bisect.bisect_right(ends, cue) - 1
            at = ends[i] if i >= 0 else 0
            if cue in reader.sources:
                at = cue  # 来源：交汇点新闻, wherever the line was run together
            if cue - at <= _REACH and at not in chunks:
                line = text.rfind("\n", 0, cue) + 1
                chunks[at] = line
        found = []
        for at in sorted(chunks):
            line_end = text.find("\n", at)
            end = len(text) if line_end < 0 else line_end
            while end > at and text[end - 1].isspace():
                end -= 1
            found.extend(reader.chunk(at, chunks[at], end))
        scan._memo["bylines"] = found
    return scan._memo["bylines"]


@rule("people.byline_credits", stage=STAGE)
def byline_credits(scan: PeopleScan) -> list[Candidate]:
    """The names of a byline: in a dateline's brackets, a credit line, a credit after a caption
    (新华网大连6月1日电(记者蔡拥军、张博群), 记者杨金祝雷远东, 图为活动现场。岳依桐摄)."""
    blocked = scan.blocked
    return [scan.person(c.start, c.end, "people.byline_credits", 16, c.role)
            for line in bylines(scan) for c in line.names if not blocked.overlapping(c.start, c.end)]


@rule(BYLINE_OUTLET, stage=STAGE)
def byline_outlet(scan: PeopleScan) -> list[Candidate]:
    """The outlets a byline names, listed or read off their suffix (珠江时报讯, 华西都市报-封面新闻记者);
    in a credit after a caption only listed ones (（江西网记者何淳勇摄）: 江西网 is a short form)."""
    found = []
    for line in bylines(scan):
        for outlet in line.outlets:
            if outlet.listed is not None:
                found.append(outlet.listed._replace(priority=outlet.listed.priority + 1, rule=BYLINE_OUTLET))
            elif line.kind != "tail":
                found.append(Candidate(outlet.start, outlet.end, "Organization", scan.raw[outlet.start:outlet.end],
                                       "shape", priority=20, rule=BYLINE_OUTLET))
    return found


@rule("people.cited_outlet", stage=STAGE)
def cited_outlet(scan: PeopleScan) -> list[Candidate]:
    """An outlet cited in title marks before 报道/消息 (据日本《四国新闻》消息, 据《河北日报》报道): an
    organization no list knows, but not the article's own outlet."""
    text, words = scan.text, scan.lex.byline_words
    listed = {c.start for c in scan.candidates if c.label == "Organization"}
    found = []
    for match in scan.lex.cited_outlet.finditer(text):
        start, end = match.span(1)
        if start not in listed and words["outlet_suffixes"].longest_suffix(text, end, start=start, min_rest=1):
            found.append(Candidate(start, end, "Organization", scan.raw[start:end], "shape", priority=20,
                                   rule="people.cited_outlet"))
    return found
