"""Items of a list closed by 等县 (福冈、大分、熊本、山口、冲绳等县): prefectures, whatever cities share their
names; items of a list of places written without their 县 or 市 (东京、京都、大分等地: 大分县; 藤泽: 藤泽市)
(helpers of ``entities.list_item``)."""

from __future__ import annotations

from ..candidates import Candidate, GazetteerEntry
from ..rules import reads
from .lexicon import STAGE
from .resolution import Resolution

__all__ = ["place_stem_item", "prefecture_item"]

reads(STAGE, "prefecture_item", "list_prefecture_suffix", "list_prefecture_end_pattern")
reads(STAGE, "place_stem_item", "list_prefecture_suffix", "city_suffix", "list_city_head_pattern")

#: The class of the items of a list closed by 等县 that the lists know as prefectures.
_PREFECTURE = "Region"


def prefecture_item(res: Resolution, span: tuple[int, int]) -> Candidate | None:
    """An item the rest of whose list is closed by 等县 (山口 in 熊本、山口、冲绳等县), that the lists know
    with 县 as a prefecture: that prefecture."""
    s, e = span
    if res.gazetteer is None or not res.lex.words["list_prefecture_end_pattern"].match(res.text, e):
        return None
    entry = res.gazetteer.lookup(res.text[s:e] + res.lex.words["list_prefecture_suffix"])
    if entry is None or entry.label != _PREFECTURE:
        return None
    return Candidate(s, e, entry.label, res.text[s:e], "list", priority=5, canonical=entry.canonical, entry=entry,
                     rule="entities.list_item")


def _listed_stem(res: Resolution, piece: str, city_first: bool) -> GazetteerEntry | None:
    """The prefecture, else the city, the lists know as ``piece`` + 县 or + 市 (the city first if ``city_first``)."""
    if res.gazetteer is None:
        return None
    order = ((res.lex.words["list_prefecture_suffix"], _PREFECTURE), (res.lex.words["city_suffix"], "City"))
    for suffix, label in (order[::-1] if city_first else order):
        entry = res.gazetteer.lookup(piece + suffix)
        if entry is not None and entry.label == label:
            return entry
    return None


def place_stem_item(res: Resolution, span: tuple[int, int], *, city_first: bool = False) -> Candidate | None:
    """An item of a list of places that names a listed prefecture without its 县 (大分 in 东京、京都、大分等地:
    大分县; 石川 and 福井 in 爱知、石川、福井), else a listed city without its 市 (藤泽 in 大阪、藤泽、川崎等地:
    藤泽市), the city first where the head noun names cities (宫崎、川崎等9座城市: 宫崎市): whatever else the stem
    is alone (a surname, 大分 of 扩大分配), in a list of places it is the place."""
    s, e = span
    entry = _listed_stem(res, res.text[s:e], city_first) if e - s >= 2 else None
    if entry is None:
        return None
    return Candidate(s, e, entry.label, res.text[s:e], "list", priority=5, canonical=entry.canonical, entry=entry,
                     rule="entities.list_item")
