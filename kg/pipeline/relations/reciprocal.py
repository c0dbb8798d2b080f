"""``visited.mutual``: a pair that visited each other (两市…互访, A与B…曾多次互访)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ...records import EntityKey
from .base import Fact, Sentence, relation_rule
from .lexicon import reads
from .pairs import pairs

__all__ = ["mutual"]

reads("visited.mutual", "visit_mutual", "visit_modal", "visit_mutual_aims", "visit_mutual_joined", "visit_mutual_fields",
      "pair_pronouns", "speech")

#: Who may visit each other: places and bodies (a country's visits are its people's).
_PARTIES = (PLACE_CLASSES | ORGANIZATION_CLASSES) - {"Country"}


@relation_rule("visited.mutual", gate=("visit_mutual",))
def mutual(s: Sentence) -> Iterator[Fact]:
    """A与B…互访, 两市/双方…互访: each of the pair visited the other (两市先后组团互访近260批次); the pair
    named in the sentence before the cue, else the one named before (双方, 两市). Not a visit wished for or
    to be furthered (希望通过双方互访, 推动高层互访), one field of a list or the name of a mechanism
    (在高层互访、人员培训等方面, 进行着高层互访等各领域的交流, 丰富高层互访交流、强化…, 建立定期互访交流机制), nor one
    a speaker reports (他说，双方高层互访频繁)."""
    text, lex = s.text, s.lex
    for cue_start, cue_end, _ in s.find("visit_mutual"):
        c_start, _ = s.clause_of(cue_start)
        if any(w in text[c_start:cue_start] for w in lex["visit_modal"] + lex["visit_mutual_aims"]) \
                or text.startswith(lex["visit_mutual_aims"], cue_end) \
                or text[cue_start - 1:cue_start] == "、" or _modifies(s, cue_end) \
                or s.find("speech", s.start, cue_start):
            continue
        pair = _pair(s, c_start, cue_start)
        if pair is None:
            continue
        a, b = pair
        yield Fact(a, "visited", b, cue_start)
        yield Fact(b, "visited", a, cue_start)


def _modifies(s: Sentence, cue_end: int) -> bool:
    """互访 names a field or a mechanism, no visit: 、, 等, 机制 or 方面 right after it, maybe after 交流
    (高层互访等各领域的交流, 互访交流、强化…, 定期互访交流机制)."""
    joined = next((w for w in s.lex["visit_mutual_joined"] if s.text.startswith(w, cue_end)), "")
    return s.text.startswith(tuple(s.lex["visit_mutual_fields"]), cue_end + len(joined))


def _pair(s: Sentence, c_start: int, cue_start: int) -> tuple[EntityKey, EntityKey] | None:
    """The two who visit each other: the last pair the sentence names before the cue, else, after 两市 or
    双方 in the clause, the pair named before; one partner only, each a place or a body."""
    named = [p for p in pairs(s) if not p.pronoun and p.partners and p.at < cue_start]
    if named:
        subject, partners = named[-1].subject, named[-1].partners
    elif s.find("pair_pronouns", c_start, cue_start) and s.discourse.pair is not None:
        subject, partners = s.discourse.pair
    else:
        return None
    if len(partners) != 1 or subject == partners[0] \
            or subject.label not in _PARTIES or partners[0].label not in _PARTIES:
        return None
    return subject, partners[0]
