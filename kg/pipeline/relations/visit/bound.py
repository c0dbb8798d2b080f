"""``visited.bound_for``: a delegation whose name says where it goes (访华团, 访日团, 访湘团) went there."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Fact, Sentence, relation_rule
from ..lexicon import reads
from .objects import _abbreviation
from .rules import _country_of, _lies_in
from .visitors import _unique, expand, is_delegation

reads("bound_for", "visit")


@relation_rule("visited.bound_for")
def bound_for(s: Sentence) -> Iterator[Fact]:
    """D访X团: a delegation whose name holds 访 and the short name of a place the document names
    (青山市议员访华团 → 中国, 白河市高中生访日团 → 日本, 农业协会访湘团 → 湖南) visited it, and so did who sent it
    and who leads it (访华团团长甲), where the group is first named: a send-off or a welcome party tells no other
    trip. Not a place the document never names (日本访华团 alone: no 中国 in the text), nor 访问团 (no place in
    the name)."""
    view = s.view
    for m in s.mentions:
        if not is_delegation(s, m.key) or view.first_mention(m.key) != m:
            continue
        for cue_end in _cue_ends(s, m.start, m.end - 1):
            place = _abbreviation(s, cue_end)
            if place is None or place not in view.entities or view.first_mention(place) is None:
                continue
            for visitor, _ in _unique(expand(s, m)):
                if visitor != place and not _lies_in(s, visitor, place) and not _lies_in(s, place, visitor) \
                        and _country_of(s, visitor) != place:
                    yield Fact(visitor, "visited", place, m.start)
            break


def _cue_ends(s: Sentence, start: int, end: int) -> list[int]:
    """Where the visit cues inside a name end (the cue finder skips names: 访华团 is one)."""
    text = s.text
    return sorted({at + len(w) for w in s.lex["visit"] for at in [text.find(w, start, end)] if at >= 0})
