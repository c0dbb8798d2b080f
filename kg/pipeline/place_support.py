"""What supports a listed place where it stands: the article names its province or city, or the
short form stands alone (helpers of ``gazetteer.listed``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import EntityKey
from .candidates import GazetteerEntry

if TYPE_CHECKING:
    from .gazetteer import Gazetteer, GazetteerIndex

__all__ = ["inside_word", "placed"]


def inside_word(gazetteer: Gazetteer, text: str, start: int, end: int, entry: GazetteerEntry,
                 context: frozenset[str], place_ends: set[int], kept: list[tuple[int, int, str]]) -> bool:
    """A prefecture-level city's short form inside a run of ideographs (大同 in 扩大同吉林, 安康 in
    和谐安康) that nothing else in the article supports: not bounded, not right after a place,
    its province unnamed, and the same form nowhere else."""
    if gazetteer.bounded(text, start, end) or start in place_ends or entry.parent in context \
            or text[start - 1:start] in gazetteer.city_before or any(e == start for _, e, _ in kept):
        return False
    surface = text[start:end]
    return not any(s != start and text[s:e] == surface for s, e, _ in kept)


def placed(index: GazetteerIndex, entry: GazetteerEntry, context: frozenset[str]) -> bool:
    """The article names the city or the province that holds ``entry`` (博山 where it names 淄博)."""
    if not entry.parent:
        return False
    if entry.parent in context:
        return True
    above = index.parent(EntityKey(entry.parent, entry.parent_label or "City"))
    return above is not None and above.name in context
