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
    clause break: a group without a name (率政府、经济和町民代表团, 率A协会、B商会相关人员赴日本, 带队的经贸考察团; not
    率6家企业赴日本 nor 率先致辞)."""
    text, lex = s.text, s.lex
    limit = min(end, cue_end + _GROUP_REACH)
    breaks = [cue_end + i for i, ch in enumerate(text[cue_end:limit]) if ch in CLAUSE_BREAKS]
    words = lex["group_heads"] + lex["group_member_heads"]
    limit = min([limit, *breaks, *(a for family in ("visit", "visit_come") for a, b, _ in s.cues.find(family, cue_end, limit)
                                   if not text.startswith(words, b))])  # (带队的考察团: 考察 names the group)
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


reads("_stated_heads", "head_appointed_pattern", "head_appointed_by_pattern", "head_title_pattern",
      "head_after_name_pattern")

#: How far after a group's head title the person may be named, across their posts (访问团团长、福冈县日中友好协会会长甲).
_HEAD_REACH = 30


def _stated_heads(s: Sentence, is_delegation: Callable[[Sentence, EntityKey], bool]) -> list[tuple[EntityKey, EntityKey]]:
    """A sentence names a delegation's heads without its name (甲担任团长, 甲和乙担任共同团长, 团长由甲担任,
    本次访问团团长、协会会长甲, 访日团总团团长、乙, 甲团长表示): each leads the delegation named last before
    them (the group on the trip); (person, delegation) pairs."""
    view = s.view
    groups = [m for m in view.mentions if is_delegation(s, m.key)]
    out = []
    for start, end in view.sentences:
        for c_start, c_end in view.clauses(start, end):
            for person in view.mentions_between(c_start, c_end):
                if person.key.label != "Person" or not _stated_head(s, person, c_start, c_end):
                    continue
                group = next((g for g in reversed(groups) if g.end <= person.start), None)
                if group is not None:
                    out.append((person.key, group.key))
    return out


def _stated_head(s: Sentence, person: Mention, c_start: int, c_end: int) -> bool:
    """Whether the clause ``[c_start, c_end)`` names ``person`` a group's head (see :func:`_stated_heads`)."""
    view, text, lex = s.view, s.text, s.lex
    if lex["head_after_name_pattern"].match(text, person.end) \
            or lex["head_appointed_pattern"].search(text, person.end, c_end) \
            or lex["head_appointed_by_pattern"].search(text, c_start, person.start):
        return True  # 甲团长表示; 甲和乙担任共同团长 (each person before the post); 团长由甲担任
    titled = None
    for found in lex["head_title_pattern"].finditer(text, max(0, person.start - _HEAD_REACH), person.start):
        titled = found
    if titled is None or any(ch in CLAUSE_BREAKS + "。！？\n" for ch in text[titled.end():person.start]):
        return False  # (团长致辞后，市长甲: no head named; the pattern leaves out 平井集团长, a company's title)
    return not any(m.key.label == "Person" for m in view.mentions_between(titled.end(), person.start))


reads("_listed_members", "group_listed", "group_listed_loose", "place_list_links")


def _listed_members(s: Sentence, is_group: Callable[[Sentence, EntityKey], bool],
                    classes: frozenset[str]) -> list[tuple[EntityKey, EntityKey]]:
    """(group, member) for the bodies listed as a group's members (考察团成员包括A、B、C等多家企业高管;
    代表团于9月访闽。此次来闽的主要有A、B、C等7个组织): the list right after the words, joined by 、/和/及, of
    ``classes``; the group is what ``is_group`` accepts named last before the words, in their sentence or the
    one before (a delegation, or who leads one without a name: 甲率30余家企业的代表到访长沙，其中包括A、B)."""
    view, text, lex = s.view, s.text, s.lex
    out: list[tuple[EntityKey, EntityKey]] = []
    sentences = view.sentences
    for n, (start, end) in enumerate(sentences):
        for cue_start, cue_end, word in s.cues.find("group_listed", start, end):
            if word in lex["group_listed_loose"] and not _loose_listed(s, start, cue_start):
                continue
            since = sentences[n - 1][0] if n else start
            group = next((m.key for m in reversed(view.mentions_between(since, cue_end)) if is_group(s, m.key)), None)
            if group is None:
                continue
            position = cue_end
            for m in view.mentions_between(cue_end, end):
                if text[position:m.start] not in ("", *lex["place_list_links"]) or m.key.label not in classes:
                    break
                out.append((group, m.key))
                position = m.end
    return out


reads("_loose_listed", "group_listed_people_pattern", "possessive")


def _loose_listed(s: Sentence, start: int, at: int) -> bool:
    """主要有, 其中包括 at ``at`` list who travels only right after 的 (此次来闽的主要有A、B) or after a clause of the
    sentence that names the people who travel (率30余家企业的代表到访长沙，其中包括A; not 代表团参观了10家企业，其中包括A)."""
    text = s.text
    return text[at - 1:at] == s.lex["possessive"] or s.lex["group_listed_people_pattern"].search(text, start, at) is not None
