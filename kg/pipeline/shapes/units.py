"""Units named right after their body: an office it posts abroad (…大使馆领事部驻重庆办公室), an office or
laboratory whose head's title follows (…研究科科长, …实验室主任): one name."""

from __future__ import annotations

from ...ontology import ORGANIZATION_CLASSES
from ..candidates import Candidate
from ..marks import HARD_BOUNDARIES, OPEN, CLOSE
from ..rules import reads
from .lexicon import STAGE
from .scan import ShapeScan
from .shape_rule import shape_rule

__all__ = ["posted_unit", "titled_unit"]

_MAX_UNIT = 14  # the longest unit name after its body (复杂多体系统动力学全国重点实验室)
reads(STAGE, "shape.titled_unit", "titled_unit_suffixes", "titled_unit_heads")
_UNIT_PARENTS = ("GovernmentBody", "Organization")  # a company's division is no name of its own


@shape_rule("shape.posted_unit")
def posted_unit(scan: ShapeScan) -> list[Candidate]:
    """A body's name found by its shape, then with no mark between a posted office's name (驻, a place and
    an office: 驻重庆办公室) that the shape rules read on its own: the office is the body's, one name
    (日本国驻华大使馆领事部驻重庆办公室, as 中国国家旅游局驻大阪办事处 is read whole)."""
    marker = scan.lex.words["mission_marker"]
    shaped = [c for c in scan.candidates if c.source == "shape" and c.label in ORGANIZATION_CLASSES]
    offices = {c.start: c for c in shaped if c.label == "GovernmentBody" and scan.text.startswith(marker, c.start)}
    found = []
    for body in shaped:
        office = offices.get(body.end)
        if office is not None and body.start < office.start:
            found.append(Candidate(body.start, office.end, office.label, scan.raw[body.start:office.end], "shape",
                                   priority=max(body.priority, office.priority), rule="shape.posted_unit"))
    return found


@shape_rule("shape.titled_unit")
def titled_unit(scan: ShapeScan) -> list[Candidate]:
    """A state body's or an institution's name, then with no mark between the words of a unit ending in a
    unit's suffix (室, 研究科, 实验室, 系: name_cues titled_unit_suffixes) right before the title of its head:
    the unit of that body, one name of the body's class (长崎大学医齿药学综合研究科科长, 青山大学某某全国重点
    实验室主任); not a company's division, a department's division (商务厅亚洲处副处长: the annotators keep
    the department), nor a unit no title follows (青山大学日语系的学生)."""
    text, words = scan.text, scan.lex.words
    suffixes = tuple(words["titled_unit_suffixes"])
    heads = tuple(sorted(words["titled_unit_heads"], key=len, reverse=True))
    marks = HARD_BOUNDARIES | set(OPEN + CLOSE)
    found = []
    for body in scan.candidates:
        if body.label not in _UNIT_PARENTS:
            continue
        for end in range(body.end + 1, min(len(text), body.end + _MAX_UNIT) + 1):
            if text[end - 1] in marks or text[end - 1].isascii():
                break
            if end - body.end >= 2 and text.endswith(suffixes, body.end + 1, end) and text.startswith(heads, end):
                found.append(Candidate(body.start, end, body.label, scan.raw[body.start:end], "shape",
                                       priority=max(body.priority, 10), rule="shape.titled_unit"))
                break
    return found
