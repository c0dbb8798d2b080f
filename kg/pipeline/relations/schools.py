"""``affiliatedWith`` of students and teachers: the school named right before the role and the name."""

from __future__ import annotations

from collections.abc import Iterator

from ..marks import HARD_BOUNDARIES
from .base import Fact, Sentence, relation_rule

__all__ = ["school_member"]

_GATE = ("@Person",)
#: The most characters between a school and the role before the name (的大一, 日语专业).
_MODIFIER = 6


@relation_rule("affiliatedWith.school_member", gate=_GATE, cues=("school_roles", "school_endings", "possessive"))
def school_member(s: Sentence) -> Iterator[Fact]:
    """SCHOOL (的) (grade, major) + 学生/老师 + PERSON: the school the student or teacher belongs to, and
    the university a named faculty is part of (青山大学外国语学院日语专业学生王明 → the faculty and 青山大学;
    来自白河大学的大一学生甲说, 青山高中老师乙说); not a school named farther off (青山大学校长说，学生王明…)."""
    text, lex = s.text, s.lex
    endings = tuple(lex["school_endings"])
    for index, person in s.people:
        if not index:
            continue
        school = s.mentions[index - 1]
        if school.key.label != "Organization" or not school.key.name.endswith(endings):
            continue
        gap = text[school.end:person.start]
        role = next((r for r in lex["school_roles"] if gap.endswith(r)), None)
        if role is None:
            continue
        words = gap[:-len(role)].removeprefix(lex["possessive"])
        if len(words) > _MODIFIER or any(ch in HARD_BOUNDARIES or not ch.isalnum() for ch in words):
            continue
        yield Fact(person.key, "affiliatedWith", school.key, person.start, job_title=role)
        for key in s.view.entities:  # 青山大学外国语学院: the university too
            if key.label == "Organization" and key != school.key and key.name.endswith(endings) \
                    and school.key.name.startswith(key.name):
                yield Fact(person.key, "affiliatedWith", key, person.start, job_title=role)
