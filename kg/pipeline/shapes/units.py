"""An office a body posts abroad, named right after the body (…大使馆领事部驻重庆办公室): one name."""

from __future__ import annotations

from ...ontology import ORGANIZATION_CLASSES
from ..candidates import Candidate
from .scan import ShapeScan
from .shape_rule import shape_rule

__all__ = ["posted_unit"]


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
