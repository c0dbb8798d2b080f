"""People named with no title, by what they say or attend: a name that opens a clause right before a verb of
speech or stance (王建国表示, 山田太郎指出, 小林一郎在致辞中说) or of attending (王建国参加会见, 山田太郎出席); or by the honorific after the name
(对王建国先生表示感谢). Read by ``kg_people`` (:mod:`kg.pipeline.people`)."""

from __future__ import annotations

from ..candidates import Candidate
from .lexicon import IDEOGRAPHS, PeopleScan, people_rule
from .titles import _title_inside

__all__ = ["HONORED", "NAME_LIST", "SPEAKER", "honored", "name_list", "speaker"]

SPEAKER = "people.speaker"
HONORED = "people.honored"
NAME_LIST = "people.name_list"

_CLAUSE_STARTS = frozenset("，。；！？：”“\n ,;:!?")
_COMMON_RANK = 100  # a two-character name needs one of the commonest Chinese surnames (李强表示)
_HONORED_RANK = 200  # before an honorific, one of the 200 commonest (聂耳先生)


def _fits(scan: PeopleScan, name: str, common: int = _COMMON_RANK, stops: frozenset[str] | None = None) -> bool:
    """A Chinese name (a surname and one or two characters, a compound surname and one or two) or a
    Japanese one (a surname of two or three characters and one to three characters), whose given
    name holds no word of a side or a body (日方, 双方均, 刘书记)."""
    lex = scan.lex
    # a surname of two or three characters may hold one (中村, 市川): only the rest is checked
    given = next((name[k:] for k in (3, 2) if name[:k] in lex.surnames), name)
    if any(ch in (lex.speaker_stops if stops is None else stops) for ch in given):
        return False
    length = len(name)
    rank = lex.surname_rank(name, length)
    if length == 2:
        return rank is not None and rank < common
    if rank is not None and rank < 1000 and length <= 4 and (length == 3 or name[:2] in lex.surnames):
        return True
    return any(name[:k] in lex.surnames and 1 <= length - k <= 3 for k in (2, 3))


def _brand_surname(scan: PeopleScan, start: int, end: int) -> bool:
    """The listed names inside ``start:end`` are one company's short name that is the name's surname,
    and what follows it is no trade word (小松道彦说: 小松 is a firm and a surname; 荏原精密表示 is a firm)."""
    text, lex = scan.text, scan.lex
    inside = [c for c in scan.candidates if c.start < end and start < c.end]
    return len(inside) == 1 and inside[0].label == "Company" and inside[0].start == start \
        and text[start:inside[0].end] in lex.surnames and 2 <= end - inside[0].end <= 3 \
        and lex.industry.longest_prefix(text, inside[0].end, end=end) is None


def _untitled(scan: PeopleScan, start: int, end: int) -> bool:
    """``text[start:end]`` is a name alone: no title or cue word opens it, no title's opening ends it, no
    title is inside it, and the name read from ``start`` ends at ``end`` (刘书记表示: a title)."""
    text, lex = scan.text, scan.lex
    return not (lex.starts_with_title(text, start) or text.startswith(lex.cues, start)
                or lex.title_prefixes.longest_suffix(text, end, start=start, min_rest=1) is not None
                or _title_inside(scan, start, end) or lex.name_after(text, start, five=True) != end)


@people_rule(SPEAKER)
def speaker(scan: PeopleScan) -> list[Candidate]:
    """A name with a surname alone between a clause's start and a verb of speech or stance is a person
    who speaks, with no title (王建国表示, 山田太郎在致辞中说, 据李明介绍说), or of attending one who attends
    (王建国参加会见。, 山田太郎出席开幕式); a company's short name may be
    the surname (小松道彦接受记者采访); not a side or a body (日方表示, 双方均认为, 该公司表示), a name with a
    title (刘书记表示), nor a name a listed place crosses (黄石表示)."""
    text, lex = scan.text, scan.lex
    occupied = scan.index("occupied", lambda c: True)
    found = []
    seen: set[tuple[int, int]] = set()
    for cue in lex.speech_cues:
        at = text.find(cue)
        while at >= 0:
            end, at = at, text.find(cue, at + 1)
            for length in (2, 3, 4, 5):
                start = end - length
                if start < 0:
                    break
                if not (start == 0 or text[start - 1] in _CLAUSE_STARTS or text.endswith(lex.speaker_openers, 0, start)):
                    continue
                name = text[start:end]
                if (start, end) in seen or not IDEOGRAPHS.match(name) or not _fits(scan, name) \
                        or occupied.overlapping(start, end) and not _brand_surname(scan, start, end) \
                        or not _untitled(scan, start, end):
                    break
                seen.add((start, end))
                found.append(scan.person(start, end, SPEAKER, 11))
                break
    return found


def _held(scan: PeopleScan, occupied, start: int, end: int) -> bool:
    """A name found before covers part of ``start:end``: only a listed place inside the given name
    leaves it a person's (孙中山先生: 中山 is a city, and the given name)."""
    inside = [c for c in scan.candidates if c.start < end and start < c.end]
    if not inside:
        return False
    return not all(c.source == "gazetteer" and c.label in _PLACES and start < c.start and c.end <= end
                   and scan.lex.has_surname(scan.text[start:c.start]) for c in inside)


_PLACES = frozenset({"Country", "Region", "City", "District"})


@people_rule(HONORED)
def honored(scan: PeopleScan) -> list[Candidate]:
    """A name with a surname right before 先生/女士, opening a clause or after a cue word, a cause or a
    short rank, is a person with no title (过去，王建国先生为合作做出了贡献; 对山田太郎先生表示感谢; 两市因聂耳先生
    结缘; 孙中山先生, holding the city 中山); not a surname alone (田中先生,
    李先生), a word of a side or a body (双方女士), nor a name a listed name or a title crosses."""
    text, lex = scan.text, scan.lex
    occupied = scan.index("occupied", lambda c: True)
    found = []
    for honorific in lex.words["honorifics"]:
        end = text.find(honorific)
        while end >= 0:
            for length in (2, 3, 4, 5):
                start = end - length
                if start < 0:
                    break
                if not (start == 0 or text[start - 1] in _CLAUSE_STARTS
                        or lex.cue_suffixes.longest_suffix(text, start, start=max(0, start - 4)) is not None
                        or text.endswith(lex.words["honored_openers"], 0, start)):
                    continue  # 王建国 of 张王建国先生 opens no clause: a longer name may
                name = text[start:end]
                if IDEOGRAPHS.match(name) and _fits(scan, name, _HONORED_RANK) and name not in lex.surnames \
                        and not _held(scan, occupied, start, end) and name[-1] not in lex.words["body_ends"] \
                        and not lex.starts_with_title(text, start) and not text.startswith(lex.cues, start) \
                        and lex.title_prefixes.longest_suffix(text, end, start=start, min_rest=1) is None \
                        and not _title_inside(scan, start, end) and lex.name_after(text, start, five=True) == end:
                    found.append(scan.person(start, end, HONORED, 11))
                break
            end = text.find(honorific, end + 1)
    return found


_LIST_REACH = 5  # 等, then up to four characters before the noun of people (等中日双方嘉宾)


def _list_ends(scan: PeopleScan) -> set[int]:
    """Where a list of people may end: before a verb of speech or attending (甲、乙参加会见), or before 等
    and a noun of people, maybe after a few words (甲、乙等日本友人)."""
    text, lex = scan.text, scan.lex
    ends: set[int] = set()
    for cue in lex.speech_cues:
        at = text.find(cue)
        while at >= 0:
            ends.add(at)
            at = text.find(cue, at + 1)
    for word in lex.words["list_ends"]:
        at = text.find(word)
        while at >= 0:
            after = at + len(word)
            if any(text.find(noun, after, after + _LIST_REACH + len(noun)) >= 0
                   and IDEOGRAPHS.match(text[after:text.find(noun, after) + len(noun)]) for noun in lex.words["list_person_nouns"]):
                ends.add(at)
            at = text.find(word, at + 1)
    return ends


def _item_before(scan: PeopleScan, occupied, people: set[tuple[int, int]], end: int) -> int | None:
    """The start of the name of a list's item that ends at ``end``, after 、 or a clause's start: a
    person found before, or a name with a surname that no listed name or title crosses."""
    text, lex = scan.text, scan.lex
    for length in range(2, 7):
        start = end - length
        if start < 0:
            return None
        if not (start == 0 or text[start - 1] in _CLAUSE_STARTS or text[start - 1] == "、"):
            continue
        if (start, end) in people:
            return start
        name = text[start:end]
        if not IDEOGRAPHS.match(name) or not _fits(scan, name, stops=lex.list_item_stops) or occupied.overlapping(start, end) \
                or not _untitled(scan, start, end):
            return None
        return start
    return None


@people_rule(NAME_LIST)
def name_list(scan: PeopleScan) -> list[Candidate]:
    """The names of a list with no titles that opens a clause and ends before a verb of speech or attending
    or before 等 and a noun of people are people, two names at least, each with a surname or found as a
    person before (王建国、李明参加会见; 山田太郎、长谷川清、松本健一等日本友人推动交流); not a list a
    listed name or a title breaks (青山、白河等城市; 市长甲、乙: people.list_tail's)."""
    text = scan.text
    occupied = scan.index("occupied_not_people", lambda c: c.label != "Person")
    people = {(c.start, c.end) for c in scan.candidates if c.label == "Person"}
    found: dict[tuple[int, int], Candidate] = {}
    for end in sorted(_list_ends(scan)):
        items: list[tuple[int, int]] = []
        while (start := _item_before(scan, occupied, people, end)) is not None:
            items.append((start, end))
            if start == 0 or text[start - 1] != "、":
                break
            end = start - 1
        if len(items) < 2 or (items[-1][0] > 0 and text[items[-1][0] - 1] == "、"):
            continue
        for span in items:
            if span not in people:
                found.setdefault(span, scan.person(span[0], span[1], NAME_LIST, 11))
    return list(found.values())
