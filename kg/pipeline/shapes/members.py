"""What a delegation's name may hold of its members (read by :mod:`.reach` and :mod:`.suffix`).

A delegation is often named by who is in it: kinds of people, joined by 和 or 与, judged
(知名学者), counted (高中生300人) and sent somewhere (青少年访问广西), after the place that sends
them, its year and batch: 日本知名学者和经济界人士代表团, 2010年首批中国高中生300人访日团,
2024日本友城青少年访问广西交流团. The conjunction, the count and the verb are left boundaries
elsewhere; inside such a name they are the name's.
"""

from __future__ import annotations

from ..rules import reads
from .lexicon import STAGE
from .scan import ShapeScan

__all__ = ["described_members", "members_start", "year_opened"]

#: How many characters may describe members between the place (or a conjunction) and their kind
#: (知名, 友城, 经济界).
_GAP = 4
#: The places that send a delegation.
_PLACES = frozenset({"Country", "Region", "City", "District"})

reads(STAGE, "shape.suffix", "member_kinds_pattern", "member_tail_pattern", "member_joiners", "member_lead_pattern")


def _kind_before(scan: ShapeScan, end: int, left: int):
    """The kind of people whose word ends at ``end`` (学者 in 知名学者), if any."""
    kinds = scan.lex.words["member_kinds_pattern"]
    return next((m for m in kinds.finditer(scan.text, max(left, end - 4), end) if m.end() == end), None)


def _opening_place(scan: ShapeScan, left: int, at: int) -> int | None:
    """Where the listed place starts that ends a few words (知名, 友城, 经济界) before ``at``, with no
    boundary between (None: none does)."""
    for end in range(at, max(left, at - _GAP) - 1, -1):
        if end in scan.place_ends and scan.lex.stops.search(scan.text, end, at) is None:
            starts = [c.start for c in scan.listed if c.end == end and c.start >= left and c.label in _PLACES]
            if starts:
                return min(starts)
    return None


def members_start(scan: ShapeScan, start: int, left: int, suffix_start: int) -> int:
    """Back over the members a delegation is named by, to the place (and its year and batch) that
    sends them; ``start`` where no kind of people stands before the suffix (or the reach is longer)."""
    text, words = scan.text, scan.lex.words
    tail = words["member_tail_pattern"]
    kind = next((m for e in range(suffix_start, max(left, suffix_start - 8) - 1, -1)
                 for m in [_kind_before(scan, e, left)] if m is not None and tail.fullmatch(text, e, suffix_start)), None)
    if kind is None:
        return start
    first = kind.start()
    while (earlier := _joined_kind(scan, left, first)) is not None:  # 学者和经济界人士: kinds joined
        first = earlier
    place = _opening_place(scan, left, first)
    if place is None or place >= start:
        return start
    lead = next((m for at in range(max(left, place - 10), place)
                 for m in [words["member_lead_pattern"].match(text, at, place)] if m is not None and m.end() == place), None)
    return lead.start() if lead is not None else place


def _joined_kind(scan: ShapeScan, left: int, first: int) -> int | None:
    """Where the kind of people starts that a conjunction joins to the words before ``first`` (a few
    words that describe the later kind may stand between: 和经济界人士)."""
    text, words = scan.text, scan.lex.words
    for gap in range(_GAP + 1):
        at = first - gap
        if scan.lex.stops.search(text, at, first) is not None:
            break
        joiner = next((j for j in words["member_joiners"] if at - len(j) > left and text.startswith(j, at - len(j))), None)
        kind = _kind_before(scan, at - len(joiner), left) if joiner else None
        if kind is not None:
            return kind.start()
    return None


def year_opened(scan: ShapeScan, start: int, limit: int) -> bool:
    """A year and batch open the name, then a place (2010年首批中国…访日团, 2024日本…交流团)."""
    lead = scan.lex.words["member_lead_pattern"].match(scan.text, start, limit)
    return lead is not None and lead.end() > start and lead.end() in scan.places


def described_members(scan: ShapeScan, start: int, suffix_start: int) -> bool:
    """Every word that judges in the name judges its members (知名学者和经济界人士代表团), not the name."""
    text = scan.text
    kinds = scan.lex.words["member_kinds_pattern"]
    found = list(scan.lex.words["description_pattern"].finditer(text, start, suffix_start))
    return bool(found) and all(kinds.match(text, m.end(), suffix_start) for m in found)
