"""The words of bylines read at a position: roles (记者, 通讯员), marks (图/, 文：), closing words
(摄, 报道), outlets (新华网, 珠江时报), runs of names split at their surnames; the records a byline
is made of. :class:`BylineWords` is the base of the byline reader of :mod:`.bylines`."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..candidates import Candidate
from ..marks import CLOSE, OPEN
from .lexicon import PeopleScan

__all__ = ["REACH", "SOURCE_ENDS", "Byline", "BylineWords", "Credit", "Outlet", "closing_bracket", "ideograph", "joined_to_listed"]

_MAX_OUTLET = 12  # 中国江西新闻网, 华西都市报: an outlet read off its suffix is no longer
_PLACES = frozenset({"Country", "Region", "City", "District"})
_MAX_SLASHED = 5  # 石榴云 of 石榴云/新疆日报: an outlet read off the slash after it is no longer
_SLASHES = "/／"
_PART_COST = 500  # each name of a split costs this more than its surname's rank
SOURCE_ENDS = frozenset("）)，,。;；")
REACH = 40  # a byline's first word (电, 讯, 记者, 摄) comes within this many characters of its start


class Credit(NamedTuple):
    """A name in a byline and the role written before it (记者, 通讯员, or none)."""

    start: int
    end: int
    role: str | None


class Outlet(NamedTuple):
    """An outlet a byline names: the listed one, or (``listed`` None) a name read off its suffix; a
    ``unit`` is the body a credit names before its names (文/图：友协秘书处王明: 友协秘书处)."""

    start: int
    end: int
    listed: Candidate | None
    unit: bool = False


class Byline(NamedTuple):
    """One byline: ``kind`` is ``dateline``, ``credit`` (a line of its own) or ``tail`` (after a
    caption); a tail's outlets that no list knows are not proposed (江西网 for 中国江西新闻网)."""

    start: int
    end: int
    kind: str
    outlets: tuple[Outlet, ...]
    names: tuple[Credit, ...]


def ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


class BylineWords:
    """The words of bylines in one document's folded text (the base of the byline reader)."""

    def __init__(self, scan: PeopleScan) -> None:
        self.text = scan.text
        self.lex = scan.lex
        self.space_cuts = scan.space_cuts
        self.spaces = scan.spaces
        self.words = scan.lex.byline_words
        # where the words of bylines occur (记者, 摄, 电, …): a byline holds one near its start
        found = scan.lex.byline_matcher.find(self.text)
        self.cue_set = {start for start, _, _ in found}
        self.cue_set.update(start for start, _, _ in scan.lex.byline_marks.find(self.text)
                            if self._mark(start, len(self.text)))
        self.cues = sorted(self.cue_set)
        # where a dateline word (讯, 消息, 电) is the only byline word: an outlet's name may hold it (华讯网)
        others = {start for start, _, word in found if word not in self.words["dateline_words"].values}
        others.update(self.cue_set - {start for start, _, _ in found})
        self.inner_words = {start: end for start, end, word in found if start not in others}
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

    def caption_credit(self, cue: int, at: int) -> int:
        """A listed outlet right before a role word at the end of a long caption's line that closes
        with 摄 (…走向世界青山日报记者王明摄): the credit starts at the outlet; else ``at``."""
        text = self.text
        end = text.find("\n", cue)
        end = len(text) if end < 0 else end
        while end > cue and text[end - 1].isspace():
            end -= 1
        if not text.endswith(self.words["byline_ends"], cue, end):
            return at
        return next((start for start in range(cue - 2, max(at, cue - 12), -1)
                     if any(c.end == cue for c in self.orgs.get(start, ()))), at)

    def bracket_starts(self) -> list[int]:
        """Where a line opens with an outlet's bracket (【青山网】)."""
        text, found = self.text, []
        for pair in self.words["outlet_brackets"]:
            at = text.find(pair[0])
            while at >= 0:
                if at == 0 or text[at - 1] == "\n":
                    found.append(at)
                at = text.find(pair[0], at + 1)
        return found

    # ------------------------------------------------------------------ words
    def _word(self, key: str, i: int, end: int) -> str | None:
        return self.words[key].longest_prefix(self.text, i, end=end)

    def _role(self, i: int, end: int) -> str | None:
        """A role word at ``i`` (记者, 通讯员); 图 and 文 only before a mark (图/, 文：)."""
        if i not in self.cue_set:
            return None
        return self._word("byline_roles", i, end) or self._mark(i, end)

    def _mark(self, i: int, end: int) -> str | None:
        """图, 文 before a mark, a space, a role or 本报 (文/图, 图 本报记者); the second of two a slash
        joins, wherever it stands (记者 王明 文/图)."""
        text = self.text
        mark = self._word("byline_role_marks", i, end)
        after = self._space(i + len(mark), end) if mark else end
        if mark and after < end and (text[after] in self.words["byline_separators"] or after > i + len(mark)
                                     or self._word("byline_roles", after, end)
                                     or self._word("home_outlets", after, end)):
            return mark
        if mark and i >= 2 and text[i - 1] in _SLASHES and self.words["byline_role_marks"].longest_suffix(text, i - 1, start=max(0, i - 3)):
            return mark
        return None

    def _mark_after(self, i: int, end: int) -> int | None:
        """Where a role mark written after a name ends (贺明良/文, 李红/图 王明/文): a slash at ``i``,
        then 文, 图 or 图文 that ends the credit or is followed by a space or a separator."""
        text = self.text
        if text[i] != "/":
            return None
        mark = self._word("byline_role_marks", i + 1, end)
        after = i + 1 + len(mark or "")
        if mark and (after == end or text[after].isspace() or text[after] in self.words["byline_separators"]):
            return after
        return None

    def released(self, i: int, end: int, vouched: bool) -> tuple[int, int, bool]:
        """Past the mark of a photo an agency releases after its name (中新社发), with the photographer's
        credit in brackets that close the credit (新华社发(王明摄)): where to read on, the credit's end,
        and whether a byline's word vouches for it."""
        release = self._word("release_marks", i, end)
        if not release or self._role(i, end):
            return i, end, vouched
        i += len(release)
        if i < end and self.text[i] in OPEN and closing_bracket(self.text, i, end) == end - 1:
            return i + 1, end - 1, True
        return i, end, True

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
                if not ideograph(text[e - 1]):
                    break
                # an outlet no list knows ends before a dateline or a role, a place, a date or ·
                follows = e == end or text[e] in SOURCE_ENDS or (e in self.cue_set or e in self.places or text[e].isdigit()
                                       or text[e] in self.words["byline_joiners"] or text[e].isspace()
                                       or e in self.filler_near)
                suffix = suffixes.longest_suffix(text, e, start=i, min_rest=1) if follows and e not in found else None
                if suffix and not any(h in text[i:e] for h in self.words["home_list"]) \
                        and not self._holds_byline_word(i, e, name_end=e - len(suffix)):
                    found[e] = None
        return sorted(found.items(), reverse=True)

    def _dateline_near(self, start: int, end: int) -> bool:
        """电, 讯 or 消息 within reach of ``start`` (a dateline may start there)."""
        i = bisect.bisect_left(self.dateline_cues, start)
        return i < len(self.dateline_cues) and self.dateline_cues[i] < min(end, start + REACH)

    def _holds_byline_word(self, start: int, end: int, *, name_end: int | None = None) -> bool:
        """马泽安摄川观新闻 is no outlet: it holds a role, a closing word or a dateline word; with
        ``name_end`` (where the outlet's suffix starts), a dateline word that runs up to the suffix or
        into it is part of the name (华讯网, 参考消息网, 青山电视台)."""
        i = bisect.bisect_left(self.cues, start)
        while i < len(self.cues) and self.cues[i] < end:
            inner = self.inner_words.get(self.cues[i]) if name_end is not None else None
            if inner is None or inner < name_end:
                return True
            i += 1
        return False

    def _outlets(self, i: int, end: int) -> list[tuple[list[Outlet], int]]:
        """Every way to read outlets joined by ·/- from ``i`` (华西都市报-封面新闻), longest first; a
        short name no list or suffix knows, joined by a slash to a listed outlet, is one too (青山云/青山日报)."""
        ways: list[tuple[list[Outlet], int]] = []
        for stop, listed in self._outlet_ends(i, end) or self._slashed_outlet(i, end):
            first = Outlet(i, stop, listed)
            if stop < end and self.text[stop] in self.words["byline_joiners"]:
                ways.extend(([first, *rest], j) for rest, j in self._outlets(stop + 1, end) if rest)
            ways.append(([first], stop))
        return ways

    def _slashed_outlet(self, i: int, end: int) -> list[tuple[int, Candidate | None]]:
        """A run of two to five ideographs from ``i`` that a slash joins to a listed outlet (石榴云/新疆日报记者:
        an app and its paper); not a role's mark (图文/) nor a run holding a byline's word."""
        text = self.text
        stop = next((k for k in range(i, min(end, i + _MAX_SLASHED + 1)) if not ideograph(text[k])), end)
        if not (2 <= stop - i <= _MAX_SLASHED and stop + 1 < end and text[stop] in _SLASHES) \
                or self._word("byline_role_marks", i, end) or self._holds_byline_word(i, stop):
            return []
        return [(stop, None)] if any(c.end <= end for c in self.orgs.get(stop + 1, ())) else []

    # ------------------------------------------------------------------ names
    def _split(self, start: int, end: int, strong: bool) -> list[tuple[int, int]] | None:
        """The names of a run without separators (戴文彬石永康 → 戴文彬, 石永康); where the source had
        spaces (记者 贺明 冒青), the run is split there first."""
        text, lex = self.text, self.lex
        cuts = [start, *self.space_cuts(start, end), end]
        if len(cuts) > 2:  # one name at least with a listed surname (作者:佚名  来源: none)
            parts = [self._split(a, b, strong) for a, b in zip(cuts, cuts[1:])]
            return None if None in parts or not any(lex.has_surname(text[a:b]) for a, b in zip(cuts, cuts[1:])) \
                else [p for part in parts for p in part]  # type: ignore[union-attr]
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


def joined_to_listed(text: str, outlet: Outlet, outlets: tuple[Outlet, ...], joiners: str) -> bool:
    """An outlet no list knows that a joiner ties to a listed one of the same byline (青山日报/青山新闻记者)."""
    return any(o.listed is not None and (o.end + 1 == outlet.start and text[o.end] in joiners
                                         or outlet.end + 1 == o.start and text[outlet.end] in joiners) for o in outlets)


def closing_bracket(text: str, at: int, end: int) -> int | None:
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

