"""``organizedBy`` read off an event's name: a body whose own meeting the event is
(北海道议会国际交流会议, 青山贸易促进协会成立70周年纪念招待会)."""

from __future__ import annotations

from collections.abc import Iterator

from ...records import EntityKey
from ..view import DocView
from .base import Fact, relation_rule
from .events import event_names
from .lexicon import RelationLexicon, reads

__all__ = ["body_event_name"]

#: Who names its own meetings: associations, assemblies, state bodies; not a company, whose ceremonies
#: (…奠基仪式, …投产仪式) others host as often, nor a zone, the subject of its events (…示范区签约仪式).
_HOST_LABELS = frozenset({"Organization", "GovernmentBody"})
#: How long a body's name is, at least, to name an event after it (not 中共 of 中共二十大).
_MIN_NAME = 3


reads("organizedBy.body_event_name", "delegation_heads")


@relation_rule("organizedBy.body_event_name", scope="document")
def body_event_name(view: DocView, lex: RelationLexicon) -> Iterator[Fact]:
    """An event whose name opens with the name of an association or a state body, maybe after its
    year or edition, and that no words of the text give a host: that body hosts it, its own meeting
    (西日本中国企业联合会2017忘年会, 北海道议会国际交流会议, 日本国际贸易促进协会成立70周年纪念招待会);
    not a company's or a zone's (青松电子奠基仪式, 白河示范区签约仪式), nor a delegation's, its guest of
    honour (青山大学生代表团欢迎招待会)."""
    hosted = {r.subject for r in view.relations if r.predicate == "organizedBy"}
    for event, names in event_names(view, lex).items():
        if names.body is None or event in hosted:
            continue
        at, body = names.body
        host = _entity(view, body)
        if host is not None and host.label in _HOST_LABELS and len(host.name) >= _MIN_NAME \
                and not host.name.endswith(lex["delegation_heads"]):
            yield Fact(event, "organizedBy", host, at, method="name")


def _entity(view: DocView, key: EntityKey) -> EntityKey | None:
    """The entity of the document a name inside another stands for (its key, or the entity a
    mention of that name belongs to)."""
    if key in view.entities:
        return key
    return next((m.key for m in view.mentions if m.key.label == key.label and m.text == key.name), None)
