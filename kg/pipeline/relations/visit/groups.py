"""Who leads a group: one without a name (率政府、经济和町民代表团; 甲、议长乙一行), a named one by its head's title (代表团团长甲)."""

from __future__ import annotations

from collections.abc import Callable

from ....ontology import PLACE_CLASSES
from ....records import EntityKey, Mention
from ...marks import CLAUSE_BREAKS
from ..base import Sentence
from ..lexicon import reads

reads("_unnamed_group", "group_heads", "group_member_heads", "visit", "visit_come")
reads("_listed_before", "person_list_links")
reads("_titled_heads", "delegation_head_titles")


#: How far after 率 the head noun of a group without a name may end (率政府、经济和町民代表团).
_GROUP_REACH = 32


def _unnamed_group(s: Sentence, cue_end: int, end: int) -> bool:
    """The words after 率 end in a group's head noun or in the people who travel, before any visit cue or
    clause break: a group without a name (率政府、经济和町民代表团, 率A协会、B商会相关人员赴日本; not
    率6家企业赴日本 nor 率先致辞)."""
    text, lex = s.text, s.lex
    limit = min(end, cue_end + _GROUP_REACH)
    breaks = [cue_end + i for i, ch in enumerate(text[cue_end:limit]) if ch in CLAUSE_BREAKS]
    limit = min([limit, *breaks, *(a for family in ("visit", "visit_come") for a, _, _ in s.cues.find(family, cue_end, limit))])
    words = lex["group_heads"] + lex["group_member_heads"]
    return any(w in text[cue_end:limit] for w in words)


#: How much may stand between two people of a list before 一行 (、议会议长: the next one's post).
_LIST_GAP = 12


def _listed_before(s: Sentence, person: Mention) -> list[Mention]:
    """The people listed before ``person`` (甲、议长乙一行: 甲 too): each right before a 、 that opens the
    next one's post, with no clause break between."""
    view, text = s.view, s.text
    out = []
    while True:
        before = view.last_before(person.start, {"Person"})
        if before is None or person.start - before.end > _LIST_GAP \
                or not text.startswith(s.lex["person_list_links"], before.end) \
                or any(ch in CLAUSE_BREAKS for ch in text[before.end:person.start]) \
                or any(m.end <= person.start and m.start >= before.end and m.key.label not in PLACE_CLASSES
                       and m.key.label != "GovernmentBody" and m.key.label != "Organization"
                       for m in view.mentions_between(before.end, person.start)):
            return out
        out.append(before)
        person = before


def _titled_heads(s: Sentence, is_delegation: Callable[[Sentence, EntityKey], bool]) -> list[tuple[EntityKey, EntityKey]]:
    """日本青山市代表团团长甲, 日本访华团副团长乙: the person named right after a delegation and its head's title
    leads it (a bare 代表团团长甲 too: it is the delegation named before); (person, delegation) pairs."""
    view, text = s.view, s.text
    titles = tuple(s.lex["delegation_head_titles"])
    out = []
    for m in view.mentions:
        title = next((t for t in titles if text.startswith(t, m.end)), None)
        if title is None or not is_delegation(s, m.key):
            continue
        person = next((p for p in view.mentions if p.start == m.end + len(title) and p.key.label == "Person"), None)
        if person is not None:
            out.append((person.key, m.key))
    return out
