"""Meetings a text names by their kind alone (以…为主题的人大议会对话, 举办商务对接会): no event of the text, so
what is attended or set there is that meeting, not the article's event (read by :mod:`.attended`)."""

from __future__ import annotations

from ..common_words import common_words
from ..marks import CLAUSE_BREAKS
from .base import Sentence
from .lexicon import reads

__all__ = ["ITEM_ENDS", "unnamed_meeting"]

#: Marks that end an item of a list (甲、乙及丙公司代表; 举办商务对接会、联合发布…).
ITEM_ENDS = CLAUSE_BREAKS + "、。"
reads("unnamed_meeting", "unnamed_meeting_heads", "event_context_pattern", "event_determiners")
#: How far before a meeting's word a determiner makes it a back-reference (此次交流大会).
_PHRASE = 6


def unnamed_meeting(s: Sentence, start: int, end: int) -> int | None:
    """Where a meeting the text names by its kind alone ends between ``start`` and ``end`` (…人大议会对话,
    举办商务对接会、…), else None: a meeting word no mention covers, closing its clause or an item of a list,
    no setting (会议上, 论坛期间: the event the text reports on) and no determiner before it (此次交流大会: the event
    named before)."""
    text, heads = s.text, tuple(s.lex["unnamed_meeting_heads"])
    for at in range(start, end):
        head = next((h for h in heads if text.startswith(h, at)), None)
        if head is None:
            continue
        stop = at + len(head)
        if stop <= end and (stop >= s.end or text[stop] in ITEM_ENDS) and _noun_before(text, at) \
                and not any(text.find(d, max(start, at - _PHRASE), at) >= 0 for d in s.lex["event_determiners"]) \
                and not s.lex["event_context_pattern"].match(text, stop) \
                and not any(m.start <= at and stop <= m.end for m in s.mentions):
            return stop
    return None


#: The parts of speech of jieba's dictionary (common_words.tsv) of a common noun (议会, 商务, 交流).
_NOUN_TAGS = ("n", "vn")


def _noun_before(text: str, at: int) -> bool:
    """A common noun of the language ends at ``at`` (人大议会 + 对话, 商务 + 对接会): words describe the meeting,
    it is no bare 会议 that refers back (出席会议)."""
    tags = common_words().tags
    return any(tags.get(text[at - n:at]) in _NOUN_TAGS for n in (2, 3, 4) if n <= at)
