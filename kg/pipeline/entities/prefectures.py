"""Items of a list closed by 等县 (福冈、大分、熊本、山口、冲绳等县): prefectures, whatever cities share their
names (a helper of ``entities.list_item``)."""

from __future__ import annotations

from ..candidates import Candidate
from ..rules import reads
from .lexicon import STAGE
from .resolution import Resolution

__all__ = ["prefecture_item"]

reads(STAGE, "prefecture_item", "list_prefecture_suffix", "list_prefecture_end_pattern")

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
