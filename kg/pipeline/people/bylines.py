"""Bylines: the people and the outlets of a dateline, a credit line or a photo credit.

* a dateline opens a line: 新华网大连6月1日电(记者魏新民、冯子谦), 中新社威海5月14日电(王婉蓉),
  珠江时报讯(记者/周子健通讯员/吴思敏), 天津日报讯 (an outlet, no names);
* a credit line is a whole line: 华西都市报-封面新闻记者戴文彬石永康, □记者刘腾通讯员潘嘉禾王敏报道;
* a credit closes a line, after its last sentence or in brackets: 图为活动现场。苏若晴摄,
  （江西网记者邓书衡摄）, （记者周琳）.

The normalized text has no spaces between ideographs (记者戴文彬石永康): a run of names is
split where every part starts with a surname, the commoner surnames preferred. Each line is read
once per document (:func:`bylines`); the rules of this module and ``affiliatedWith.byline`` read it.
"""

from __future__ import annotations

import bisect
import re

from ..candidates import Candidate
from ..marks import OPEN
from ..rules import reads, rule
from .byline_headers import BylineHeaders, field_credits, header_lines
from .byline_words import REACH, SOURCE_ENDS, Byline, Credit, Outlet, closing_bracket, ideograph, joined_to_listed
from .lexicon import STAGE, PeopleScan

__all__ = ["BYLINE_OUTLET", "BYLINE_PEOPLE", "Byline", "Credit", "Outlet", "byline_credits", "byline_outlet", "bylines"]

#: The rule ids of the byline's outlets and people (``affiliatedWith.byline`` reads them off the mentions).
BYLINE_OUTLET = "people.byline_outlet"
BYLINE_PEOPLE = frozenset({"people.byline_credits", "people.byline", "people.photo_credit"})

reads(STAGE, "bylines", "byline_roles", "byline_role_marks", "byline_ends", "dateline_words", "garbled_marks", "credit_stops", "credit_units", "dateline_fillers",
      "outlet_suffixes", "home_outlets", "byline_bullets", "byline_joiners", "byline_separators", "date_marks", "dateline_open_words", "source_words", "release_marks",
      "outlet_brackets", "outlet_openers", "byline_unit_roles")

_MAX_RUN = 12  # four names of three characters
_MAX_CREDIT = 48  # the longest credit line: outlets, roles and names
_CHUNK_END = re.compile("[。！？!?\n|｜]")  # a header line's fields: 来源:青山网|作者:王明


class _Reader(BylineHeaders):
    """Reads bylines from one document's folded text."""

    def credits(self, i: int, end: int, *, strong: bool) -> tuple[list[Credit], list[Outlet], bool] | None:
        """The names (and the outlets before a role: 福州日报记者) of ``text[i:end]``, if it is all
        credits; the flag says whether a role or a closing word (摄, 报道) vouches for them."""
        text, words = self.text, self.words
        names: list[Credit] = []
        outlets: list[Outlet] = []
        role: str | None = None
        vouched = False
        while i < end:
            if text[i] in words["byline_separators"] or text[i].isspace() or text[i] in words["byline_bullets"]:
                # (贺明良/文: a role closes the name; 作者:⊙本报记者: a bullet)
                i, vouched = (after, True) if (after := self._mark_after(i, end)) is not None else (i + 1, vouched)
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
            cited = self._cited_outlet(i, end)
            if cited is not None:  # 《日本青山侨报》记者: the outlet in title marks before a role
                outlets.extend(cited[0])
                i = cited[1]
                continue
            chain = next((way for way in self._outlets(i, end) if self._role(self._space(way[1], end), end)
                          or self._word("release_marks", way[1], end)), None)
            if chain is not None:  # 福州日报记者, 中新社发 (a photo the agency releases)
                outlets.extend(chain[0])
                i, end, vouched = self.released(chain[1], end, vouched)
                continue
            unit = self._unit_end(i, end) if role is not None else None
            if unit is not None:  # 文/图：友协秘书处王明, 编辑：青山日报白河记者站李红: the unit of the names
                outlets.append(Outlet(i, unit, None, unit=True))
                i = unit
                continue
            j = i
            while j < end and ideograph(text[j]) and text[j] not in words["byline_separators"] and j - i <= _MAX_RUN \
                    and not (j > i and (self._role(j, end) or self._end_word(j, end))):
                j += 1
            if j < end and text[j] in words["garbled_marks"]:
                i = j + 1  # 张?陈小敏: a name with a character the page lost is skipped, not the byline
                continue
            if j == i or j - i > _MAX_RUN:
                return None
            parts = self._split(i, j, strong)
            if parts is None and role in words["byline_unit_roles"]:
                parts = []  # 通讯员/台外事宣: a correspondent's unit, written short, is no name
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
        short = [] if ways else self._short_outlet(start, end)
        home = words["home_outlets"].longest_prefix(text, start, end=end)
        if home:
            ways.append(([], start + len(home)))
        # 青山8月25日电 (王明): a dateline whose outlet the page left out, a place and a date before 电
        placed = [([], start)] if not (ways or short) and start in self.places else []
        for outlets, k in ways + short + placed:
            if not outlets and not home and not short and not placed:
                continue
            k = self._skip_fillers(k, end)
            cue = self._word("dateline_words", k, end)
            if not cue:
                continue
            k += len(cue)
            if placed and text[k - len(cue) - 1] not in words["date_marks"]:
                continue
            # 电 and 消息 run into no text (电通, 消息人士) unless a date comes before them; 讯 may (天津日报讯在…)
            if not (k == end or text[k] in OPEN or text[k].isspace() or text[k] in "：:，," or cue in words["dateline_open"]
                    or text[k - len(cue) - 1] in words["date_marks"]):
                continue
            while k < end and (text[k].isspace() or text[k] in "：:"):
                k += 1
            names: list[Credit] = []
            if k < end and text[k] in OPEN:
                close = closing_bracket(text, k, end)
                if close is not None:
                    read = self.credits(k + 1, close, strong=not placed)
                    if read is not None:
                        names = read[0]
                        outlets = outlets + read[1]
                        k = close + 1
            elif k < end and self._role(k, end):
                # 青山都市报讯 记者王明 李红 实习生张华 昨日上午…: credits without brackets, up to the
                # first mark, number or word of time
                stop = next((i for i in range(k, min(end, k + 2 * _MAX_RUN + 8)) if text[i] in SOURCE_ENDS
                             or text[i].isdigit() or words["credit_stops"].longest_prefix(text, i, end=end)), None)
                read = self.credits(k, stop, strong=False) if stop is not None else None
                if read is not None and read[0] and read[2]:
                    names = read[0]
                    outlets = outlets + read[1]
                    k = stop
            if placed and not names:
                return None  # (a place and a date before 电 with no names after: no byline)
            return Byline(start, k, "dateline", tuple(outlets), tuple(names))
        return None

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
                if ahead is None or not all(ideograph(ch) for ch in text[k:ahead]):
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
        dateline (图为活动现场。苏若晴摄中新网成都1月12日电…: a caption and a dateline run together)."""
        text = self.text
        if text[start] in OPEN:
            close = closing_bracket(text, start, end) or end  # a bracket the page left open at the line's end
            found = self.credit(start + 1, close, kind)
            return found._replace(start=start, end=min(close + 1, end)) if found is not None else None
        whole = self.credit(start, end, kind) if end - start <= _MAX_CREDIT else None
        if whole is not None:
            return whole
        for stop in range(min(end, start + 2 * _MAX_RUN) - 1, start + 2, -1):  # the longest credit first
            # 苏若晴摄中新网成都…电, 记者许文博本报讯…: a credit, then a dateline or another credit
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
            if text.endswith(self.words["byline_ends"], start, stop) or stop in self.places or stop in self.orgs \
                    or text[stop].isdigit() or text[stop] in OPEN:
                # 作者:王明李红11月11日下午…: a header run into the first line; 采写:记者王明(来源于…)
                read = self.credits(start, stop, strong=False)
                if read is not None and read[0] and read[0][-1].role is not None \
                        and not (self._word("byline_role_marks", start, stop) == read[0][-1].role
                                 and any(self.lex._long_cue_re.search(text, c.start, c.end) for c in read[0])):
                    # 图:王晓东会见日本…: after a mark of a picture, a caption's sentence (会见), no names
                    return Byline(start, stop, kind, tuple(read[1]), tuple(read[0]))
        return None

    def chunk(self, at: int, line_start: int, end: int) -> list[Byline]:
        """The bylines of a line from ``at`` (its start, or just after a sentence): a dateline or a
        credit, and a dateline or credit right after such a credit."""
        text, words = self.text, self.words
        while at < end and (text[at] in words["byline_bullets"] or text[at].isspace()):
            at += 1
        if at < end and any(text[at] == pair[0] for pair in words["outlet_brackets"]):
            bracketed = self.bracketed(at, end)
            if bracketed is not None:
                return [bracketed]
        if at >= end or not self._holds_byline_word(at, min(end, at + REACH)):
            return []
        dateline = self.dateline(at, end) if self._dateline_near(at, end) else None
        if dateline is not None:
            return [dateline]
        source = self.source(at, end)
        if source is not None:  # 来源:青山晚报 作者:本报记者王明: the credit of a header line after its source
            close = end - (source.start > 0 and text[source.start - 1] in OPEN and text[end - 1] in ")）")  # (来源:…;撰稿人:…)
            after = self._credit_before(source.end, close, "tail") if source.end < close else None
            return [source, after] if after is not None else [source]
        opens = all(ch.isspace() or ch in words["byline_bullets"] for ch in text[line_start:at])  # □青山日报记者…
        credit = self._credit_before(at, end, "credit" if opens else "tail")
        if credit is None:
            return []
        after = (self.dateline(credit.end, end) or self.credit(credit.end, end, kind="tail")) if credit.end < end else None
        return [credit, after] if after is not None else [credit]


def bylines(scan: PeopleScan) -> list[Byline]:
    """Every byline of the document (read once): the chunks (a line's start, or just after a
    sentence) that have a byline's word (记者, 电, 摄 …) near their start."""
    if "bylines" not in scan._memo:
        reader = _Reader(scan)
        text = scan.text
        ends = [m.end() for m in _CHUNK_END.finditer(text)]  # after 。！？ and line breaks
        chunks: dict[int, int] = {}  # chunk start → line start
        found: list[Byline] = []
        for cue in reader.cues:
            i = bisect.bisect_right(ends, cue) - 1
            at = ends[i] if i >= 0 else 0
            if cue in reader.sources:
                at = cue  # 来源：交汇点新闻, wherever the line was run together
            line = text.rfind("\n", 0, cue) + 1
            caption = reader.caption_credit(cue, at) if cue - at > 2 else at
            if caption != at:  # a caption's credit (…走向世界青山日报记者王明摄): a chunk of its own
                chunks.setdefault(caption, line)
            if cue - at <= REACH and at not in chunks:
                chunks[at] = line
        for at in reader.bracket_starts():  # 【青山网】(王明) at a line's start
            chunks.setdefault(at, at)
        found.extend(header_lines(reader))  # 青山晚报 2018-09-29 11:56
        for at in sorted(chunks):
            end = len(text) if (line_end := text.find("\n", at)) < 0 else line_end
            while end > at and text[end - 1].isspace():
                end -= 1
            found.extend(reader.chunk(at, chunks[at], end))
        found.extend(field_credits(reader, found))  # (来源:青山网 编辑:王明)
        scan._memo["bylines"] = found
    return scan._memo["bylines"]


@rule("people.byline_credits", stage=STAGE)
def byline_credits(scan: PeopleScan) -> list[Candidate]:
    """The names of a byline: in a dateline's brackets, a credit line, a credit after a caption
    (新华网大连6月1日电(记者魏新民、冯子谦), 记者戴文彬石永康, 图为活动现场。苏若晴摄, 新华社发(顾宜平摄)); the unit of
    the names after a role is no name (文/图：友协秘书处王明, 编辑：青山日报白河记者站李红)."""
    blocked = scan.blocked
    return [scan.person(c.start, c.end, "people.byline_credits", 16, c.role)
            for line in bylines(scan) for c in line.names if not blocked.overlapping(c.start, c.end)]


@rule(BYLINE_OUTLET, stage=STAGE)
def byline_outlet(scan: PeopleScan) -> list[Candidate]:
    """The outlets a byline names, listed or read off their suffix (珠江时报讯, 华西都市报-封面新闻记者, 华讯网…电,
    参考消息网1月24日报道, 【环球网综合报道】; not the 据 that opens the report); in a credit after a caption only listed ones (（江西网记者邓书衡摄）: 江西网 is a short form)
    and those a slash joins to one ((白河日报/青松新闻记者 王明), 青松云/白河日报记者 王明摄); the unit of a credit's names (文/图：友协秘书处王明)."""
    found = []
    for line in bylines(scan):
        for outlet in line.outlets:
            if outlet.listed is not None:
                found.append(outlet.listed._replace(priority=outlet.listed.priority + 1, rule=BYLINE_OUTLET))
            elif line.kind != "tail" or outlet.unit or joined_to_listed(scan.text, outlet, line.outlets, scan.lex.byline_words["byline_joiners"]):
                opening = OPEN + "".join(pair[0] for pair in scan.lex.byline_words["outlet_brackets"])  # 【青山商报讯】
                first = next((i for i in range(outlet.start, outlet.end) if scan.text[i] not in opening), outlet.end)
                start = scan.lex.after_outlet_opener(scan.text, first, outlet.end)
                found.append(Candidate(start, outlet.end, "Organization", scan.raw[start:outlet.end], "shape", priority=20, rule=BYLINE_OUTLET))
    return found
