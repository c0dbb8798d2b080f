"""Enumerations: in 拜访A、B、C等企业 an item no stage knew takes the class of the head
noun (企业 → Company) or of the other items."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ...ontology import PLACE_CLASSES
from ..candidates import Candidate, GazetteerEntry
from .lexicon import EntityLexicon, entity_rule
from .prefectures import prefecture_item
from .resolution import Resolution

__all__ = ["ListScanner", "list_item"]

_Item = tuple[int, int]
#: The classes of the local companies named by a place and a brand (南沙电装).
_BRANDED = frozenset({"Company", "Organization"})
#: How many characters of description may stand between 等 and a list's head noun.
_DESCRIPTION = 10
#: The fewest characters on each side of a joint (和, 及) that splits a list's last item.
_SIDE = 2
#: How many more characters a clause closed by 的 may add to a description (来自不同产业领域的).
_CLAUSE = 10
#: What breaks a clause: no description runs over it.
_BREAKS = re.compile(r"[，。；：,;:！？]")
#: The class of a head noun that names people (企业家): its list holds no names of this stage.
_PEOPLE = "Person"


class ListScanner:
    """``list_pattern.finditer(text)``, tried once per enumeration comma.

    The first item of a list is 1 to 14 characters without a break and ends at the first 、
    after it, so every start from which a list may begin before a given 、 matches or fails
    alike: the earliest one is tried.
    """

    def __init__(self, list_pattern: re.Pattern[str], first_item: re.Pattern[str]) -> None:
        self.pattern = list_pattern
        self.first_item = first_item

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        position = 0
        while True:
            comma = text.find("、", position)
            if comma < 0:
                return
            # the earliest start whose characters up to the 、 hold no break
            first = self.first_item.search(text, max(position, comma - 14), comma + 1)
            match = self.pattern.match(text, first.start()) if first is not None else None
            if match is None:
                position = comma + 1
                continue
            yield match
            position = match.end()


def _items(text: str, match: re.Match[str], joints: tuple[str, ...]) -> list[_Item]:
    """The items of a list match; the last may end in 和/及 + one more item."""
    items: list[_Item] = []
    position = match.start()
    for piece in match.group().split("、"):
        items.append((position, position + len(piece)))
        position += len(piece) + 1
    last_start, last_end = items[-1]
    for joint in joints:
        # each side at least two characters: 和 inside a name is no joint (大和光电, 昭和电工)
        at = text.find(joint, last_start + _SIDE, last_end - len(joint) - _SIDE + 1)
        if at > last_start:
            items[-1] = (last_start, at)
            items.append((at + len(joint), last_end))
            break
    return items


def _after_end(lex: EntityLexicon, text: str, match: re.Match[str]) -> str:
    """What follows 等 (or 为代表的) after a list, without a count (等60余家日本企业 → 日本企业); empty
    without either."""
    end = next((e for e in (lex.words["list_end"], lex.words["list_example_end"]) if text.startswith(e, match.end())),
               None)
    if end is None:
        return ""
    after = match.end() + len(end)
    return lex.words["count_prefix_pattern"].sub("", text[after: after + 15 + _CLAUSE])


def _head_after(lex: EntityLexicon, text: str, match: re.Match[str], places: frozenset[str] = frozenset()) -> str | None:
    """The class of the head noun right after 等, maybe after a count, modifiers or descriptive words
    (等60余家日本企业, 等多家知名汽车零部件企业, 等细分领域头部企业, :func:`_described`)."""
    tail = lex.modifiers.strip_prefixes(_after_end(lex, text, match))
    label = lex.list_heads.prefix_value(tail)
    if label is not None:
        return label
    for at in range(1, min(len(tail), _DESCRIPTION + _CLAUSE)):
        if lex.list_heads.longest_prefix(tail, at):
            words = tail[:at]
            return lex.list_heads.prefix_value(tail, at) if _described(lex, words, places) else None
    return None


def _described(lex: EntityLexicon, words: str, places: frozenset[str]) -> bool:
    """``words`` only describe a list's head noun: generic and trade words, after a clause closed by 的
    (等23家来自不同产业领域的日资标杆企业) and a place of the text (等10余家成都本土知名企业), or a
    kind (等5个产业类项目)."""
    clause = words.rfind(lex.words["list_clause_end"])
    if clause >= _SIDE * 2 and not _BREAKS.search(words, 0, clause) and lex.list_heads.prefix_value(words) is None \
            and not words.startswith((*lex.words["list_place_heads"], *lex.list_other_heads)) \
            and not any(head in words[:clause] for head in lex.list_other_heads if head not in lex.words["list_sectors"]):
        words = words[clause + 1:]  # (not 等地投资兴业的企业: places; 等相关产品生产的企业: the items are products)
    words = words[max((len(p) for p in places if words.startswith(p)), default=0):]
    kind = lex.words["list_kind_end"]
    if words.endswith(kind) and 0 < len(words) - len(kind) <= _SIDE * 2 and not lex.stops.search(words):
        return True
    return len(words) <= _DESCRIPTION and lex.list_description.covers(words) and not lex.stops.search(words)


def _projects_unsigned(lex: EntityLexicon, text: str, match: re.Match[str]) -> bool:
    """The list's head is one that names firms only after 等 (项目), and nothing in the rest of its
    sentence signs, settles or starts them."""
    tail = _after_end(lex, text, match)[:_DESCRIPTION + 2]
    found = [(tail.find(head), head) for head in lex.list_heads.values if head in tail]
    if not found or min(found)[1] not in lex.words["list_trailing_heads"]:
        return False  # (甲、乙等企业: a head of its own)
    end = text.find("。", match.end())
    return lex.words["project_cue_pattern"].search(text, match.end(), end if end >= 0 else len(text)) is None


class _Lists:
    """The chosen candidates by span and position, and the head nouns of the text (found once)."""

    def __init__(self, res: Resolution) -> None:
        self.res = res
        self.by_span = {(c.start, c.end): c for c in res.chosen}
        self.starts = [c.start for c in res.chosen]
        self.ends = [c.end for c in res.chosen]  # chosen spans are disjoint and sorted: ends are sorted too
        self._heads: list[tuple[int, int, str]] | None = None
        #: the names of the text's places, which may open a description after 等 (成都本土知名企业)
        self.places = frozenset(res.text[c.start:c.end] for c in res.chosen if c.label in PLACE_CLASSES)

    def heads_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        if self._heads is None:
            self._heads = self.res.lex.head_finder.find(self.res.text)
            self._head_starts = [at for at, _, _ in self._heads]
        return self._heads[bisect.bisect_left(self._head_starts, start):bisect.bisect_left(self._head_starts, end)]

    def known(self, span: _Item) -> Candidate | None:
        found = self.by_span.get(span)
        return found if found is not None and found.source != "backref" else None


def _first_item(lists: _Lists, first: _Item, in_first: list, head_label: str | None) -> tuple[_Item, str | None]:
    """The first item starts after the last boundary word, or after a head noun (重点企业SK海力士),
    the longest at its last occurrence, unless inside a name; that head gives the class."""
    res = lists.res
    first_start, first_end = first
    cut = first_start
    for stop in res.lex.stops.finditer(res.text, first_start, first_end):
        cut = max(cut, stop.end())
    last_at: dict[str, int] = {}
    not_before = tuple(res.lex.words["list_head_not_before"])
    if first_end - cut >= 3:
        for at, end, head in in_first:
            if at >= cut and end <= first_end and not res.text.startswith(not_before, end):
                last_at[head] = at  # (not 企业 of 企业家选择某地, 企业中发展最快, 企业间协作)
    for head, at in sorted(last_at.items(), key=lambda ha: -len(ha[0])):
        holder = bisect.bisect_right(lists.starts, at) - 1  # the one chosen span that may hold it
        if first_end - (at + len(head)) >= 2 and not (holder >= 0 and at + len(head) <= res.chosen[holder].end):
            return (at + len(head), first_end), head_label or res.lex.list_heads.values[head]
    return (cut, first_end), head_label


def _label_of_known(known: list[Candidate | None], count: int) -> str | None:
    """The class most known items share, if two or more and at least half of them do."""
    labels: dict[str, int] = {}
    for c in known:
        if c is not None:
            labels[c.label] = labels.get(c.label, 0) + 1
    if not labels:
        return None
    top = max(labels, key=labels.__getitem__)  # the first of equals, as Counter.most_common
    return top if labels[top] >= 2 and labels[top] * 2 >= count else None


def _place_before(inside: list[Candidate], start: int, end: int) -> bool:
    """A place names ``[start, end)``: the item is a local company of the brand after it (南沙电装,
    广州JFE钢板), not the brand."""
    return any(c.start == start and c.end == end and c.label in PLACE_CLASSES for c in inside)


def _stopped(lex: EntityLexicon, piece: str, inner: bool) -> bool:
    """A boundary word in the item, but not one a name holds inside an item between two others
    (大和精机 in 青木精工、大和精机、白川化学等企业), nor one too near the last item's start to join
    two items (白川化学、大和精机等企业)."""
    inside = tuple(lex.words["list_inner_name_words"])
    return any(not (stop.group() in inside and 0 < stop.start() and stop.end() < len(piece)
                    and (inner or stop.start() < _SIDE))  # the last item: too close to its start to join
               for stop in lex.stops.finditer(piece))


def _new_item(lists: _Lists, span: _Item, label: str, *, inner: bool = False) -> Candidate | None:
    """An item no stage knew, if it looks like a name and crosses no name it does not continue
    (``inner``: an item between two others)."""
    res, (s, e) = lists.res, span
    lex, piece = res.lex, res.text[span[0]:span[1]]
    if not lex.words["list_item_pattern"].match(piece) or lex.list_description.covers(piece) \
            or _stopped(lex, piece, inner) \
            or lex.list_heads.longest_suffix(piece) is not None or piece.endswith(lex.list_item_endings) \
            or lex.titles.longest_suffix(piece) is not None:
        return None  # (壮大规模: an aim, no name; 汽车零部件: a trade; 市委常委, 新区党工委书记: a post)
    inside = res.chosen[bisect.bisect_right(lists.ends, s):bisect.bisect_left(lists.starts, e)]
    if label in PLACE_CLASSES and inside and inside[0].start == s and inside[0].label == "Country" \
            and e - inside[0].end >= 2:
        # 与日本宫崎、川崎等城市: the place after the country its writer names first
        s, inside = inside[0].end, inside[1:]
        piece = res.text[s:e]
    if label not in PLACE_CLASSES and inside and all(c.label in PLACE_CLASSES for c in inside) \
            and inside[0].start == s and inside[-1].end == e \
            and all(a.end == b.start for a, b in zip(inside, inside[1:])):
        return None  # 上海长宁区: places, whatever the list holds
    # the item wins over a match it continues to the right (电装 → 电装天), not over one it
    # only qualifies (春秋两届广交会 is 广交会) nor over a person
    if any(not (s <= c.start and c.end <= e) or c.label == "Person"
           or (c.label == label and c.start > s and not (label in _BRANDED and _place_before(inside, s, c.start)))
           for c in inside):
        return None
    if label in PLACE_CLASSES and any(c.start == s and c.end <= e and c.label in PLACE_CLASSES for c in inside):
        return None  # 与北海道、山形县、新潟县结成友好关系: the last item runs past a place into the clause (中国辽宁: known)
    entry = _city_without_suffix(res, piece) if label in PLACE_CLASSES else None
    if entry is not None:  # 藤泽 of 藤泽市: the listed city, written without its 市
        return Candidate(s, e, "City", piece, "list", priority=5, canonical=entry.canonical, entry=entry,
                         rule="entities.list_item")
    return Candidate(s, e, label, piece, "list", priority=5, rule="entities.list_item")


def _city_without_suffix(res: Resolution, piece: str) -> GazetteerEntry | None:
    """The listed city a place item names without its 市 (藤泽 in 大阪、藤泽、川崎等地: 藤泽市)."""
    if res.gazetteer is None:
        return None
    entry = res.gazetteer.lookup(piece + res.lex.words["city_suffix"])
    return entry if entry is not None and entry.label == "City" else None


def _completed(lists: _Lists, match: re.Match[str]) -> list[Candidate]:
    res = lists.res
    lex, text = res.lex, res.text
    items = _items(text, match, tuple(lex.words["list_joints"]))
    after = _after_end(lex, text, match)
    other = next((h for h in lex.list_other_heads if after.startswith(h)), None)
    if other is not None and not after.startswith(lex.words["list_kind_end"], len(other)):
        return []  # 就发展思路、投资战略等方面: a list of topics, not of names (but 等5个产业类项目: a kind)
    if any(text[start:end] in lex.list_other_heads for start, end in items):
        return []  # 在交通、人才、服务等多领域…: an item is a topic word, so all are
    head_label = _head_after(lex, text, match, lists.places)
    if head_label is not None and _projects_unsigned(lex, text, match):
        return []  # 人才培养、技术交流等项目: topics, unless the projects sign or settle (甲、乙等项目签约)
    if head_label == _PEOPLE:
        return []  # 甲、乙等企业家: people, whose names are the people stage's
    in_first = [head for head in lists.heads_in(*items[0]) if lex.list_heads.values[head[2]] != _PEOPLE]
    others_known = any(lists.known(span) for span in items[1:])
    if head_label is None and not in_first and not others_known:
        return []  # no head noun, and no other item known: the list has no type
    head_after = head_label is not None
    items[0], head_label = _first_item(lists, items[0], in_first, head_label)
    if not head_after and not others_known and not lists.known(items[0]):
        # a head noun opens the first item only, and no item is a name known (重点企业SK海力士、甲、乙 is
        # a list of firms): aims or activities, no names (为投资企业提供优质、高效、精准服务; 组织企业走进徐州、投资徐州)
        return []
    known = [lists.by_span.get(span) for span in items]
    label = head_label or _label_of_known([c if c is not None and c.source != "backref" else None for c in known],
                                          len(items))
    prefectures = [prefecture_item(res, span) if c is None else None for span, c in zip(items, known)]
    if label is None:
        return [c for c in prefectures if c is not None]
    last = len(items) - 1
    return [cand for n, (span, c) in enumerate(zip(items, known)) if c is None
            for cand in [prefectures[n] or _new_item(lists, span, label, inner=0 < n < last)] if cand is not None]


@entity_rule("entities.list_item", phase="chosen")
def list_item(res: Resolution) -> None:
    """An item of an enumeration no stage knew takes the class of the list's head noun or of the other
    items (拜访了丰田、电装、爱信精机等企业 → 爱信精机 is a Company); projects after 等 that sign, settle or
    start are named by their firms (青木创投、白石长盛等项目完成签约), other projects are topics."""
    scanner = ListScanner(res.lex.words["list_pattern"], res.lex.words["list_first_item_pattern"])
    lists = _Lists(res)
    added = [cand for match in scanner.finditer(res.text) for cand in _completed(lists, match)]
    if not added:
        return
    covered = sorted((c.start, c.end) for c in added)  # list items are disjoint
    covered_starts = [s for s, _ in covered]

    def inside_item(c: Candidate) -> bool:
        i = bisect.bisect_right(covered_starts, c.start) - 1
        return i >= 0 and c.end <= covered[i][1]

    res.chosen = sorted([c for c in res.chosen if not inside_item(c)] + added, key=lambda c: c.start)
