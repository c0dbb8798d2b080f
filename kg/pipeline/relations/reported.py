"""Whether the text reports an event as held, hosted or attended, or only names it.

Read by :mod:`.attended`: a cue of attending with no event of its own points back only to an
event the text reports (中国政治协商会议上海市委员的副主席 names an event-like word inside a body's
name; nobody attends it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .readings import current_event

if TYPE_CHECKING:
    from ...records import EntityKey
    from .base import Sentence

__all__ = ["REPORTED", "REPORTING_CUES", "ELSEWHERE", "is_reported", "reported_context"]

#: What says an event was reported on; what, told after it, tells of something else.
REPORTED = frozenset({"heldIn", "organizedBy"})
REPORTING_CUES = frozenset({"hold", "organize", "participation"})
ELSEWHERE = frozenset({"investedIn", "established", "signedWith", "visited"})


def is_reported(s: Sentence, key: EntityKey) -> bool:
    """The text says before this sentence that the event ``key`` was held, hosted or attended: a fact
    says so, or a cue of holding, hosting or attending stands in a sentence that names it."""
    view = s.view
    if any(r.method == "pattern" and (r.predicate in REPORTED and r.subject == key
                                      or r.predicate == "participatedIn" and r.object == key)
           for r in view.relations):
        return True
    for m in view.mentions_between(0, s.start):
        if m.key == key:
            start, end = view.sentence(m.start)
            if not s.cues.families_in(start, end).isdisjoint(REPORTING_CUES):
                return True
    return False


def reported_context(s: Sentence) -> EntityKey | None:
    """The event a sentence that names none is about (:func:`current_event`), if the text reports it
    as held, hosted or attended: not a word only named (访问中国政治协商会议上海市委员的甲。…方面出席的有:
    the visit's hosts, at no event)."""
    event = current_event(s)
    return event if event is not None and is_reported(s, event) else None
