"""What supports a listed place where it stands: the article names its province or city, or the
short form stands alone; and which level a prefecture's or city's short form names (helpers of
``gazetteer.listed``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import EntityKey
from .candidates import GazetteerEntry

if TYPE_CHECKING:
    from .gazetteer import Gazetteer, GazetteerIndex

__all__ = ["inside_word", "level_in_list", "placed", "prefer_named_levels"]


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


def prefer_named_levels(gazetteer: Gazetteer, resolved: dict[str, GazetteerEntry | None],
                        context: frozenset[str]) -> None:
    """静冈 in an article that writes 静冈县, and never 静冈市, is the prefecture; 鹿儿岛 in one that
    writes 鹿儿岛市, and never 鹿儿岛县, is the city.

    The short form of a prefecture's capital of the same name (静冈, 熊本) is listed as
    the city, that of 鹿儿岛 or 和歌山 as the prefecture; a writer who names one of the two in
    full abbreviates it the same way (新泻 too, another writing of 新潟, where 新泻县 is written).
    Not so for 大阪府 and 京都府 (nor 东京都), metropolitan prefectures named after a
    city that 大阪 and 京都 still mean.
    """
    in_full = {(e.label, e.canonical) for e in resolved.values() if e is not None and e.kind == "full"}
    suffix, city_suffix = gazetteer.prefecture_suffix, gazetteer.capital_suffix
    for surface, entry in resolved.items():
        if entry is None or entry.kind not in ("short", "alias"):
            continue
        if entry.label == "City" and entry.parent_label == "Region" and entry.parent in context \
                and ("City", entry.canonical) not in in_full:
            prefecture = gazetteer.lookup(surface + suffix)  # (新泻县 is 新潟县)
            if prefecture is not None and prefecture.label == "Region" and prefecture.canonical == entry.parent:
                resolved[surface] = prefecture
        elif entry.label == "Region" and entry.kind == "short" and ("Region", entry.canonical) not in in_full \
                and entry.canonical == surface + suffix:
            city = gazetteer.lookup(surface + city_suffix)
            if city is not None and city.label == "City" and city.parent == entry.canonical \
                    and ("City", city.canonical) in in_full:
                resolved[surface] = city


def level_in_list(gazetteer: Gazetteer, text: str, end: int, surface: str,
                  entry: GazetteerEntry) -> GazetteerEntry:
    """熊本 in 福冈、熊本、山口等县: an item of a list closed by 等县 is the prefecture, not the city of
    the same name the short form stands for elsewhere."""
    if entry.label != "City" or entry.kind == "full" or not gazetteer.prefecture_list.match(text, end):
        return entry
    prefecture = gazetteer.lookup(surface + gazetteer.prefecture_suffix)
    return prefecture if prefecture is not None and prefecture.label == "Region" \
        and prefecture.canonical == entry.parent else entry
