"""``participatedIn`` of who signs at an event: the people, and the companies and bodies, before a cue of
signing in a sentence set at it (在E上，甲与乙签署…)."""

from __future__ import annotations

from collections.abc import Iterator

from ..people.bylines import BYLINE_PEOPLE
from .attended import attended_event, context_event, report_event, unnamed_meeting
from .base import Fact, Sentence, events_of, relation_rule
from .participation import _ATTENDING_BODIES, _affiliation

__all__ = ["signers", "signing_bodies"]


@relation_rule("participatedIn.signers", gate=("sign",))
def signers(s: Sentence) -> Iterator[Fact]:
    """At an event, the people who sign there attend it: those before a cue of signing in its
    clause (大连市常务副市长卢林、大阪市副市长石田正刚签署《合作备忘录》), where the sentence names the
    event, is set at it, or follows its report with nothing else told since."""
    context = context_event(s)
    event = context.key if context is not None else report_event(s)
    if event is None:
        return
    for cue_start, _, _ in s.find("sign"):
        clause_start, _ = s.clause_of(cue_start)
        for m in s.mentions:
            if clause_start <= m.start and m.end <= cue_start and m.key.label == "Person" \
                    and m.rule not in BYLINE_PEOPLE:
                yield Fact(m.key, "participatedIn", event, m.start)


@relation_rule("participatedIn.signing_bodies", gate=("sign",), cues=("place_marker", "project_nouns"))
def signing_bodies(s: Sentence) -> Iterator[Fact]:
    """At an event the sentence is set at (在E上, E期间; 在开幕式上, 会上 where it names no event: the one the text reports on), the
    companies and bodies that sign there attend it: those before a cue of signing in its clause
    (在青山洽谈会上，甲公司与乙株式会社签署合作协议), not a body whose title a person holds (甲协会会长乙签署), a
    place after 在, nor a project (甲公司等5个项目集中签约)."""
    context = context_event(s)
    if context is not None:
        event, after = context.key, context.end
    else:  # 在开幕式上, 会上 where no event is named: set at the event the text reports on, named before
        event, everyone = attended_event(s)
        if event is None or not everyone or events_of(s) or unnamed_meeting(s, s.start, s.end) is not None:
            return  # (会上…，双方将举办商务对接会: the sentence names a meeting of its own; which one 会上 is, is unsure)
        after = s.start
    for cue_start, _, _ in s.find("sign"):
        clause_start, _ = s.clause_of(cue_start)
        for m in s.mentions:
            if clause_start <= m.start and m.end <= cue_start and m.key.label in _ATTENDING_BODIES \
                    and m.start >= after and not s.preceded_by(m, s.lex["place_marker"]) \
                    and not _affiliation(s, m) and not s.find("project_nouns", m.end, cue_start):
                yield Fact(m.key, "participatedIn", event, m.start)
