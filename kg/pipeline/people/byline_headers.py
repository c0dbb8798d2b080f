"""The header of a byline's article: 来源 (the outlet that published it), a header line of outlets
and a date (青山晚报 2018-09-29 11:56), an outlet in its own brackets (【青山网】(王明)), an outlet's
short name before 讯 (青都讯 记者王明); and two parts of a credit (an outlet in title marks before a
role, 《青山侨报》记者; the unit of the names after a role, 秘书处). :class:`BylineHeaders` is the base of
the byline reader of :mod:`.bylines`, whose :meth:`credits` reads the names."""

from __future__ import annotations

from ..marks import OPEN
from .byline_words import SOURCE_ENDS, Byline, BylineWords, Credit, Outlet, closing_bracket, ideograph

__all__ = ["BylineHeaders", "field_credits", "header_lines"]

_MIN_HEADER = 6  # the shortest header line: an outlet and a date
_MAX_UNIT = 16  # 中国日报大连记者站: the unit of a credit's names
_FIELD_MARKS = ";；|"  # the marks between the fields of a source's line
_FIELD_ENDS = ";；|)）\n"


class BylineHeaders(BylineWords):
    """Reads the headers of bylines (the credits are the subclass's)."""

    def credits(self, i: int, end: int, *, strong: bool) -> tuple[list[Credit], list[Outlet], bool] | None:
        raise NotImplementedError  # the byline reader's

    def credit(self, start: int, end: int, kind: str) -> Byline | None:
        raise NotImplementedError  # the byline reader's

    def field(self, cue: int, line_start: int, end: int) -> Byline | None:
        """A credit in a field of its own after the line's source, opened by a role right after a
        space or a field mark and read up to the field's end (（来源:青山网 编辑:王明）,
        （来源:友协秘书处;撰稿人:王明;审稿人:李红）)."""
        text = self.text
        if not (cue in self.spaces or cue > 0 and text[cue - 1] in _FIELD_MARKS) or self._role(cue, end) is None \
                or not any(line_start <= s < cue for s in self.sources):
            return None
        stop = next((i for i in range(cue, end) if text[i] in _FIELD_ENDS), end)
        return self.credit(cue, stop, "tail")

    def _cited_outlet(self, i: int, end: int) -> tuple[list[Outlet], int] | None:
        """An outlet in title marks (《…》) from ``i`` with a role right after them, as (outlets, the
        end of the marks)."""
        text = self.text
        if text[i] != "《":
            return None
        close = text.find("》", i + 1, min(end, i + _MAX_UNIT + 2))
        if close < 0 or not self._role(self._space(close + 1, end), end):
            return None
        way = next((outlets for outlets, stop in self._outlets(i + 1, close) if stop == close), None)
        return (way, close + 1) if way is not None else None

    def _unit_end(self, i: int, end: int) -> int | None:
        """The end of a unit's name (秘书处, 记者站) that runs from ``i`` and that names follow."""
        units = self.words["credit_units"]
        for k in range(i + 2, min(end, i + _MAX_UNIT) + 1):
            if not ideograph(self.text[k - 1]):
                return None
            if units.longest_suffix(self.text, k, start=i) and k < end and ideograph(self.text[k]):
                return k
        return None

    def _short_outlet(self, start: int, end: int) -> list[tuple[list[Outlet], int]]:
        """Where an outlet's short name no list knows ends, two to four ideographs before 讯 and a role
        word at a line's start (青都讯 记者王明…): its credits are read, the name is no entity (the
        people work for the article's outlet, if a header names it)."""
        text = self.text
        for stop in range(start + 2, min(end, start + 4) + 1):
            if not all(ideograph(ch) for ch in text[start:stop]) or self._holds_byline_word(start, stop):
                break
            cue = self._word("dateline_words", stop, end)
            if cue and cue in self.words["dateline_open"] and self._role(self._space(stop + len(cue), end), end):
                return [([], stop)]
        return []

    def bracketed(self, start: int, end: int) -> Byline | None:
        """【OUTLET】 (CREDITS) at a line's start: an outlet in its own brackets, then the names."""
        text = self.text
        closing = next((pair[1] for pair in self.words["outlet_brackets"] if pair[0] == text[start]), None)
        shut = text.find(closing, start, min(end, start + 14)) if closing else -1
        if shut < 0:
            return None
        ways = [outlets for outlets, stop in self._outlets(start + 1, shut) if stop == shut]
        k = self._space(shut + 1, end)
        close = closing_bracket(text, k, end) if ways and k < end and text[k] in OPEN else None
        read = self.credits(k + 1, close, strong=True) if close is not None else None
        if read is None or not read[0]:
            return None
        return Byline(start, close + 1, "dateline", tuple(ways[0] + read[1]), tuple(read[0]))

    def source(self, start: int, end: int) -> Byline | None:
        """来源：OUTLET (·OUTLET): the outlet that published the article."""
        text = self.text
        word = self._word("source_words", start, end)
        k = self._space(start + len(word), end) if word else end
        if k >= end or text[k] not in "：:":
            return None
        k = self._space(k + 1, end)
        # the outlet ends the line or a field of a header line: 来源:青山日报2014年04月15日,
        # 来源:青山日报 作者:… (a byline's word), 来源:青山网 | 作者:…
        ways = [way for way in self._outlets(k, end) if self._space(way[1], end) == end
                or text[self._space(way[1], end)] in SOURCE_ENDS or text[way[1]].isspace() or text[way[1]].isdigit()
                or text[way[1]] in self.words["byline_separators"] or way[1] in self.cue_set]
        if not ways:  # 来源:青山大学欧亚事务办公室;撰稿人:王明: the unit that wrote the article
            stop = next((at for at in range(k + 2, min(end, k + _MAX_UNIT) + 1) if not ideograph(text[at - 1])), None)
            stop = stop - 1 if stop is not None else None
            if stop is not None and text[stop] in SOURCE_ENDS and self.words["credit_units"].longest_suffix(text, stop, start=k):
                ways = [([Outlet(k, stop, None, unit=True)], stop)]
        return Byline(start, ways[0][1], "dateline", tuple(ways[0][0]), ()) if ways else None

    def header(self, start: int, end: int) -> Byline | None:
        """A header line of outlets and a date or time only (青山晚报 2018-09-29 11:56,
        2010年05月09日 11:17 青山都市报): its outlets published the article."""
        text = self.text
        stamps = [m.span() for m in self.lex.header_stamp.finditer(text, start, end)]
        if not any(self.lex.header_date.match(text, a, b) for a, b in stamps):
            return None
        outlets: list[Outlet] = []
        bounds = [start, *(x for span in stamps for x in span), end]
        for i, e in zip(bounds[::2], bounds[1::2]):
            i, e = self._space(i, e), e
            while e > i and text[e - 1].isspace():
                e -= 1
            if i == e:
                continue
            ways = [way for way in self._outlets(i, e) if way[1] == e]
            if not ways and i == start and outlets == [] and bounds[1] < end:
                # a title run into the header line (…吸引更多外资青山晚报2018-09-29): an outlet that
                # opens with a listed place or outlet, right before the date
                ways = [way for at in range(e - 2, max(i, e - 12) - 1, -1) if at in self.places or at in self.orgs
                        for way in self._outlets(at, e) if way[1] == e][:1]
                i = ways[0][0][0].start if ways else i
            if not ways or text[i] in self.words["date_marks"]:  # 十大新闻 2019-11-12 is a title
                return None
            outlets.extend(ways[0][0])
        return Byline(start, end, "dateline", tuple(outlets), ()) if outlets else None


def header_lines(reader: BylineHeaders) -> list[Byline]:
    """The header lines of the text: each line with a date whose other fields are all outlets."""
    text, lines = reader.text, {}
    for date in reader.lex.header_date.finditer(text):
        start = text.rfind("\n", 0, date.start()) + 1
        end = text.find("\n", date.end())
        lines[start] = len(text) if end < 0 else end
    found = []
    for start, end in lines.items():
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        header = reader.header(start, end) if end - start >= _MIN_HEADER else None
        if header is not None:
            found.append(header)
    return found


def field_credits(reader: BylineHeaders, found: list[Byline]) -> list[Byline]:
    """The credits in fields after a line's source that no byline of ``found`` holds: a role after a
    space or a field mark (（来源:青山网 编辑:王明）, 来源:…;撰稿人:王明)."""
    text, fields = reader.text, []
    for cue in reader.cues:
        if any(b.start <= cue < b.end for b in found):
            continue
        line_end = text.find("\n", cue)
        field = reader.field(cue, text.rfind("\n", 0, cue) + 1, len(text) if line_end < 0 else line_end)
        if field is not None:
            fields.append(field)
    return fields
