"""The body a delegation is named after (湖北省政府 of 湖北省政府代表团), and the ministry a department's name
opens (工业和信息化部 of 工业和信息化部产业政策司): entities of their own."""

from __future__ import annotations

from collections.abc import Callable

from ...ontology import ORGANIZATION_CLASSES
from ..candidates import Candidate, candidate_key
from ..rules import reads
from .lexicon import STAGE, entity_rule
from .resolution import Resolution, Span

__all__ = ["delegation_sender", "department_ministry"]

#: How long a sending body's name is, at least (a level word alone, 市政府, is the home city's: home_body).
_BODY_LENGTH = 4


reads(STAGE, "entities.delegation_sender", "delegation_heads")


@entity_rule("entities.delegation_sender", phase="named")
def delegation_sender(res: Resolution) -> None:
    """A delegation whose name opens with a body's name (a state body or association the shapes read, four
    characters at least) was sent by that body, which is named there though the text names it nowhere
    else (湖北省政府代表团 → 湖北省政府, 福冈县议会代表团 → 福冈县议会, 爱知县日中友好协会代表团 →
    爱知县日中友好协会); not a place (大连金普新区代表团), nor a body named elsewhere, whose mentions
    the text gives."""
    heads = tuple(res.lex.words["delegation_heads"])
    _name_opening_bodies(res, "Organization", heads, "entities.delegation_sender", lambda c: (
        c.label in ORGANIZATION_CLASSES and c.end - c.start >= _BODY_LENGTH and not res.text.endswith(heads, c.start, c.end)))


reads(STAGE, "entities.department_ministry", "department_suffixes")


@entity_rule("entities.department_ministry", phase="named")
def department_ministry(res: Resolution) -> None:
    """A ministry's department (a state body whose name ends in a department's word: 司) belongs to the
    ministry its name opens, which is named there though the text names it nowhere else
    (工业和信息化部产业政策司 → 工业和信息化部, 国家发改委环资司 → 国家发改委); not a place alone."""
    _name_opening_bodies(res, "GovernmentBody", tuple(res.lex.words["department_suffixes"]),
                         "entities.department_ministry", lambda c: c.label == "GovernmentBody" and c.end - c.start >= 2)


def _name_opening_bodies(res: Resolution, label: str, endings: tuple[str, ...], rule: str,
                         fits: Callable[[Candidate], bool]) -> None:
    """For each mention of a ``label`` entity whose name ends in one of ``endings``: the longest candidate
    that ``fits`` and opens its name, ending before it, is an entity there, unless the text names it
    already (delegation_sender, department_ministry)."""
    mentioned = {span.key for span in res.spans}
    for span in list(res.spans):
        if span.key.label != label or not span.key.name.endswith(endings):
            continue
        bodies = [c for c in res.candidates if c.start == span.start and c.end < span.end and fits(c)]
        if not bodies:
            continue
        body = max(bodies, key=lambda c: c.end - c.start)
        key = candidate_key(body, res.text)
        if key in mentioned or key == span.key:
            continue
        res.entity(key).add_surface(res.raw[body.start:body.end], rule)
        res.spans.append(Span(body.start, body.end, key, rule))
        mentioned.add(key)
