"""What only event names need: where they start and what marks them as names.

An event's name may join two places with a dash (湖南——日本经贸合作推介会), follow a
byline's bracket (…电(记者张三)2024湖南友城交流活动) or a 对 that only introduces it
(对郑州投资环境说明会表示祝贺), and be marked by the year or edition written right before
it (2021年广州营商环境交流活动: the year is a boundary of the reach, but it marks the name).
"""

from __future__ import annotations

from ..rules import reads
from .lexicon import STAGE
from .scan import ShapeScan

__all__ = ["event_left", "event_start", "marked_before"]

reads(STAGE, "event names", "event_lead_pattern", "event_dashes", "event_marker_before_pattern")


def event_left(scan: ShapeScan, left: int, limit: int) -> int:
    """Past a dash that joins two places inside the name (湖南——日本经贸合作推介会): the reach goes on
    left of the first place."""
    text, dashes = scan.text, scan.lex.words["event_dashes"]
    while left > limit and left in scan.places:
        dash = next((d for d in dashes if text.startswith(d, left - len(d))), None)
        if dash is None:
            break
        before = left - len(dash)
        first = [c for c in scan.listed if c.end == before and c.start >= limit and c.label in _JOINED]
        if not first:
            break
        left = scan.left_edge(min(c.start for c in first), limit)
    return left


#: The places a dash may join in an event's name.
_JOINED = frozenset({"Country", "Region", "City", "District"})


def event_start(scan: ShapeScan, start: int, suffix_start: int) -> int:
    """Past what cannot open an event's name: a byline's bracket (电(记者张三)), a 对 that is no 对话."""
    lead = scan.lex.words["event_lead_pattern"].match(scan.text, start, suffix_start)
    return lead.end() if lead and lead.end() < suffix_start else start


def marked_before(scan: ShapeScan, start: int) -> bool:
    """A year or edition right before ``start`` (2021年 before 广州…交流活动)."""
    return bool(scan.lex.words["event_marker_before_pattern"].search(scan.text, max(0, start - 8), start))
