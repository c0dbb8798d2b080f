"""People named with no title, by what they say or attend: a name that opens a clause right before a verb of
speech or stance (王建国表示, 山田太郎指出, 小林一郎在致辞中说) or of attending (王建国参加会见, 山田太郎出席); or by the honorific after the name
(对王建国先生表示感谢). Read by ``kg_people`` (:mod:`kg.pipeline.people`)."""

from __future__ import annotations

from ..candidates import Candidate
from .lexicon import IDEOGRAPHS, PeopleScan, people_rule
from .titles import _title_inside

__all__ = ["HONORED", "SPEAKER", "honored", "speaker"]

SPEAKER = "people.speaker"
HONORED = "people.honored"

_CLAUSE_STARTS = frozenset("，。；！？：”“\n ,;:!?")
_COMMON_RANK = 100  # a two-character name needs one of the commonest Chinese surnames (李强表示)
_HONORED_RANK = 200  # before an honorific, one of the 200 commonest (聂耳先生)


def _fits(scan: PeopleScan, name: str, common: int = _COMMON_RANK) -> bool:
    """A Chinese name (a surname and one or two characters, a compound surname and one or two) or a
    Japanese one (a surname of two or three characters and one to three characters), whose given
    name holds no word of a side or a body (日方, 双方均, 刘书记)."""
    lex = scan.lex
    # a surname of two or three characters may hold one (中村, 市川): only the rest is checked
    given = next((name[k:] for k in (3, 2) if name[:k] in lex.surnames), name)
    if any(ch in lex.speaker_stops for ch in given):
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
                        or lex.starts_with_title(text, start) or text.startswith(lex.cues, start) \
                        or lex.title_prefixes.longest_suffix(text, end, start=start, min_rest=1) is not None \
                        or _title_inside(scan, start, end) or lex.name_after(text, start, five=True) != end:
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
