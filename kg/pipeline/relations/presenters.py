"""``participatedIn`` of the bodies that present at an event: the companies and bodies listed at the
head of a clause before a verb of presenting (介绍了, 分享, 进行说明) in the report of the event."""

from __future__ import annotations

from collections.abc import Iterator

from ..marks import CLAUSE_BREAKS
from .attended import context_event, reported_before
from .base import Fact, Sentence, events_of, relation_rule
from .lexicon import reads
from .participation import _ATTENDING_BODIES, _affiliation, _enumeration

__all__ = ["presenters"]

reads("participatedIn.presenters", "attribution_markers", "organizer_roles", "enumeration_links")


@relation_rule("participatedIn.presenters", gate=("presenting",), cues=("presenter_breaks",))
def presenters(s: Sentence) -> Iterator[Fact]:
    """In the report of an event, the companies and bodies listed at the head of the clause of a verb of
    presenting present there, and so attend it (推介会上，甲旅行社、乙协会等机构从业者分享各自领域的经验;
    青山银行、白河电机等在连投资企业介绍了企业发展情况; 甲制作所和乙燃气集团的专家就…进行说明): at the event the
    sentence is set at or names before the verb, else the last one the text reports as held while no
    meeting, visit, investment or signing has been told since; not 据A介绍 (a source of the facts told),
    nor a body whose person presents (甲协会会长乙介绍了: the person), nor a host (A主办)."""
    text = s.text
    context = context_event(s)
    for cue_start, _, _ in s.find("presenting"):
        named = [m for m in events_of(s) if m.end <= cue_start]
        event = context.key if context is not None else named[-1].key if named \
            else s.memo(reported_before, reported_before)
        if event is None:
            continue
        clause_start, _ = s.clause_of(cue_start)
        if text.startswith(s.lex["attribution_markers"], clause_start):
            continue  # 据青山公司介绍: who told the facts, not who presented them
        listed = [m for m in _enumeration(s, clause_start) if m.end <= cue_start]
        if not listed:
            continue
        after = listed[-1].end
        between = text[after:cue_start]
        if any(ch in CLAUSE_BREAKS for ch in between) or text.startswith(s.lex["organizer_roles"], after) \
                or any(m.key.label == "Person" and after <= m.start < cue_start for m in s.mentions) \
                or any(s.find(family, after, cue_start) for family in s.lex["presenter_breaks"]):
            continue  # the list is not who presents: a person, another act or a host stands between
        for m in listed:
            if m.key.label in _ATTENDING_BODIES and not text.startswith(s.lex.titles, m.end) \
                    and not _affiliation(s, m):  # 青山镇党委副书记…介绍: a person's post
                yield Fact(m.key, "participatedIn", event, m.start)
