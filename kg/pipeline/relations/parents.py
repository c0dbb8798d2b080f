"""``affiliatedWith`` of the body a unit belongs to: a post in a faculty of a university, the editorial
bureau of a newspaper or a committee of a chamber of commerce is a post in that body too."""

from __future__ import annotations

from collections.abc import Iterator

from ...records import EntityKey
from .base import Fact, Sentence, relation_rule

__all__ = ["parent_body"]

_GATE = ("@Person",)
#: The fewest characters of a unit's own name after its body's (药学院, 编辑局).
_UNIT = 2
#: The classes of a body and its units read here: no government's (a department post is the department's).
_BODIES = frozenset({"Organization", "Company"})


@relation_rule("affiliatedWith.parent_body", gate=_GATE, cues=("parent_body_ends", "parent_body_goes_on", "body_unit_ends"))
def parent_body(s: Sentence) -> Iterator[Fact]:
    """PERSON affiliatedWith BODY + UNIT (a rule before stated it): BODY too, where BODY ends as a
    university's, a newspaper's or a chamber's name does and UNIT as a faculty, bureau or committee
    (青山大学药学院教授甲 → 青山大学; 东方新闻编辑局局长乙 → 东方新闻; 青山商工会议所中国委员会委员长丙 →
    青山商工会议所); the body is the one of that name the text has, else a new one of the unit's class.
    Not an office or branch (青山大学北京代表处), nor a government's department (the department's alone)."""
    ends, units = tuple(s.lex["parent_body_ends"]), tuple(s.lex["body_unit_ends"])
    for fact in list(s.proposed):
        unit = fact.object
        if fact.predicate == "affiliatedWith" and unit.label in _BODIES and unit.name.endswith(units):
            body = _body_of(s, unit, ends)
            if body is not None:
                yield Fact(fact.subject, "affiliatedWith", body, fact.at, job_title=fact.job_title)


def _body_of(s: Sentence, unit: EntityKey, ends: tuple[str, ...]) -> EntityKey | None:
    """The body ``unit``'s name opens with: the longest opening that ends as such a body's name does,
    leaving at least :data:`_UNIT` characters and not going on into a longer name (东方新闻社中国总局: 东方新闻社,
    no 东方新闻); an entity of the text spelled so, else a new one."""
    name = unit.name
    goes_on = tuple(s.lex["parent_body_goes_on"])
    for cut in range(len(name) - _UNIT, 1, -1):
        opening = name[:cut]
        if opening.endswith(ends) and not name.startswith(goes_on, cut):
            known = (key for key, record in s.view.entities.items()
                     if key.label in _BODIES and key != unit and opening in (key.name, *record.aliases))
            return next(known, EntityKey(opening, unit.label))
    return None
