"""``affiliatedWith.byline``: the reporters and photographers of a byline or a credit work for the outlets
it names, else for the outlet of the article's dateline (read off the mentions of :mod:`..people.bylines`)."""

from __future__ import annotations

from collections.abc import Iterator

from ...records import EntityKey, Mention
from ..people.bylines import BYLINE_OUTLET, BYLINE_PEOPLE
from ..people.photo_credits import PHOTO_CREDIT
from ..view import DocView
from .base import Fact, Sentence, relation_rule

__all__ = ["byline"]

_GATE = ("@Person",)


def _dateline_outlets(view: DocView) -> list[EntityKey]:
    """The outlets of the article's first byline that names any (楚天都市报讯 …)."""
    def compute() -> list[EntityKey]:
        outlets = [m for m in view.mentions if m.rule == BYLINE_OUTLET]
        if not outlets:
            return []
        line_end = view.text.find("\n", outlets[0].start)
        line_end = len(view.text) if line_end < 0 else line_end
        return list(dict.fromkeys(m.key for m in outlets if m.start < line_end))

    return view.memo(_dateline_outlets, compute)


@relation_rule("affiliatedWith.byline", gate=_GATE, cues=("reporter_roles", "byline_gap_pattern"))
def byline(s: Sentence) -> Iterator[Fact]:
    """The people of a byline work for the outlets it names, or else for the outlet of the article's
    dateline (新华网大连6月1日电(记者魏新民、冯子谦) → 新华网; 楚天都市报讯 … 周鹏 → 楚天都市报); so do reporters
    named right after the outlet, where the byline runs into the text (昆明信息港讯 记者甲 实习记者乙为…), and
    those in a bracket after an outlet or in a credit it opens (长江日报(记者胡楠 通讯员胡信), (新华社记者刘秀玲摄));
    not a photographer after an outlet no list knows ((青山网李红摄): not the dateline's outlet)."""
    text = s.text
    for index, person in s.people:
        if person.rule not in BYLINE_PEOPLE:
            outlet = _reporter_outlet(s, index)
            if outlet is not None:
                yield Fact(person.key, "affiliatedWith", outlet[0], person.start, job_title=outlet[1])
            continue
        line_start = text.rfind("\n", 0, person.start) + 1
        outlets = list(dict.fromkeys(m.key for m in s.mentions[:index]
                                     if m.rule == BYLINE_OUTLET and m.start >= line_start))
        record = s.view.entities.get(person.key)
        title = record.job_title if record is not None else None
        # (青山网李红摄): a photo's credit that names an outlet no list knows is not the dateline's outlet's
        own = person.rule == PHOTO_CREDIT and text[person.start - 1:person.start].isalpha()
        for outlet in outlets or ([] if own else _dateline_outlets(s.view)):
            yield Fact(person.key, "affiliatedWith", outlet, person.start, job_title=title)


def _reporter_outlet(s: Sentence, index: int) -> tuple[EntityKey, str] | None:
    """The outlet of a byline that a reporter's role and name follow, with only the byline's 讯/电,
    spaces and other reporters between (昆明信息港讯 记者甲 实习记者乙 → 昆明信息港 for 乙), and the role."""
    text, sentence = s.text, s.mentions
    roles = sorted(s.lex["reporter_roles"], key=len, reverse=True)
    role = next((r for r in roles if text.endswith(r, 0, sentence[index].start)), None)
    if role is None:
        return None
    end = sentence[index].start - len(role)
    for k in range(index - 1, -1, -1):
        mention = sentence[k]
        gap = text[mention.end:end]
        if mention.key.label == "Person":
            before = next((r for r in roles if text.endswith(r, 0, mention.start)), None)
            if before is None or gap.strip():
                return None
            end = mention.start - len(before)
            continue
        if (mention.rule == BYLINE_OUTLET or _credit_outlet(s, mention, gap)) and s.lex["byline_gap_pattern"].match(gap):
            return mention.key, role
        return None
    return None


def _credit_outlet(s: Sentence, mention: Mention, gap: str) -> bool:
    """An organization that opens a bracketed credit, or that a bracket with the reporters follows: a byline
    no byline rule read (长江日报(记者胡楠 通讯员胡信); (新华社记者 刘秀玲 摄)); not one in running text
    (新华网记者刘明说)."""
    if mention.key.label != "Organization":
        return False
    return gap in ("(", "（") or not gap and s.text[mention.start - 1:mention.start] in ("(", "（")
