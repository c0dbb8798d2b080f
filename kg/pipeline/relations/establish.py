"""``established``: who sets up a company, body or zone (设立, 成立, 创办, 建设 …).

Each 设立 cue not taken by an investment (A投资M设立B) is read once
(:func:`establishments`): 由X设立 for the sentence's topic, else the body after
the cue and the first body or place before it in the clause, or 双方 for the
last pair named.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ...records import EntityKey, Mention
from .base import (
    BODIES_AND_PLACES,
    ORGS_AND_ZONES,
    Fact,
    Sentence,
    date_near,
    relation_rule,
)
from .invest import investments
from .lexicon import reads
from .pairs import pair_of

__all__ = ["Establishment", "by_founders", "establishments", "founder_before", "investors", "pair_pronoun"]

_GATE = ("establish",)


class Establishment(NamedTuple):
    """One 设立 cue: what was set up (the mention after the cue, or the topic) and who set it up."""

    at: int
    target: Mention
    founders: list[EntityKey]
    found_by: str  # by_founders, founder_before, pair_pronoun


reads("established", "invest", "agent_marker", "object_links", "place_marker", "pair_pronouns")


def establishments(s: Sentence) -> list[Establishment]:
    """The sentence's 设立 cues with what they set up (read once)."""
    return s.memo(establishments, _establishments)


def _establishments(s: Sentence) -> list[Establishment]:
    text, lex = s.text, s.lex
    taken = {i.establish[0] for i in investments(s) if i.establish is not None}
    found: list[Establishment] = []
    for cue_start, cue_end, _ in s.find("establish"):
        if cue_start in taken or any(w in text[max(s.start, cue_start - 24):cue_start] for w in lex["invest"]):
            continue  # handled with the investment
        first = s.first_after(cue_end)
        named = first is not None and text[cue_end:s.mentions[first].start] in lex["object_links"]
        c_start, _ = s.clause_of(cue_start)
        by = text.rfind(lex["agent_marker"], c_start, cue_start)
        subject = s.topic or (s.discourse.topic if by >= 0 else None)
        if not named and by >= 0 and subject is not None and subject.label in ORGS_AND_ZONES:
            founders = [m.key for m in s.mentions if by < m.start and m.end <= cue_start
                        and m.key.label in BODIES_AND_PLACES and m.key != subject]  # 合作园…由铁西区设立
            found.append(Establishment(cue_start, Mention(subject, cue_start, cue_start, ""), founders, "by_founders"))
            continue
        if not named:
            continue
        target = s.mentions[first]
        if target.key.label not in ORGS_AND_ZONES:
            continue
        before = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start
                  and m.key.label in BODIES_AND_PLACES and m.key != target.key
                  and not s.preceded_by(m, lex["place_marker"])]  # 在Z设立B: Z is where, not who
        pair = pair_of(s)
        if before:
            found.append(Establishment(cue_start, target, [before[0].key], "founder_before"))
        elif any(w in text[c_start:cue_start] for w in lex["pair_pronouns"]) and pair:
            found.append(Establishment(cue_start, target, [pair[0], *pair[1]], "pair_pronoun"))  # 双方将共建…研究院
        else:
            found.append(Establishment(cue_start, target, [], "founder_before"))
    return found


def _facts(s: Sentence, kind: str) -> Iterator[Fact]:
    for establishment in establishments(s):
        if establishment.found_by == kind:
            for founder in establishment.founders:
                yield Fact(founder, "established", establishment.target.key, establishment.at,
                           date=date_near(s, establishment.at))


@relation_rule("established.investors", gate=("invest",))
def investors(s: Sentence) -> Iterator[Fact]:
    """A投资M设立B: the investors established what they set up with the money
    (日本旭荣化工株式会社将投资1.5亿美元，在宁波设立旭荣(宁波)新材料有限公司)."""
    for investment in investments(s):
        if investment.found_by != "founders":
            continue
        for investor in investment.investors:
            for target in investment.targets:
                if target.key != investor:
                    yield Fact(investor, "established", target.key, investment.at, date=date_near(s, investment.at))


@relation_rule("established.by_founders", gate=_GATE)
def by_founders(s: Sentence) -> Iterator[Fact]:
    """TOPIC…由A (和B) 设立: the bodies or places after 由 established the sentence's topic
    (沈阳中德产业园由铁西区设立)."""
    return _facts(s, "by_founders")


@relation_rule("established.founder_before", gate=_GATE)
def founder_before(s: Sentence) -> Iterator[Fact]:
    """A设立/成立B: the first body or place before the cue in its clause, not one after 在
    (大连市政府设立日本企业服务中心)."""
    return _facts(s, "founder_before")


@relation_rule("established.pair_pronoun", gate=_GATE)
def pair_pronoun(s: Sentence) -> Iterator[Fact]:
    """双方/两市共建B: each of the pair named before (双方将共建中日先进材料联合研究院)."""
    return _facts(s, "pair_pronoun")
