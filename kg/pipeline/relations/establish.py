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
    enumeration,
    relation_rule,
)
from .invest import investments
from .lexicon import reads
from .pairs import pair_of

__all__ = ["Establishment", "built_by", "by_founders", "company_founders", "establishments", "founder_before", "investors",
           "pair_pronoun"]

_GATE = ("establish",)


class Establishment(NamedTuple):
    """One 设立 cue: what was set up (the mention after the cue, or the topic) and who set it up."""

    at: int
    target: Mention
    founders: list[EntityKey]
    found_by: str  # by_founders, founder_before, pair_pronoun, built_by, tentative (A与B洽谈共建…: no fact)


reads("established", "invest", "agent_marker", "object_links", "place_marker", "pair_pronouns", "relative_end")


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
            built = _built_by(s, cue_start, cue_end)
            if built is not None:
                found.append(built)
            continue
        _, c_end = s.clause_of(cue_start)
        targets = enumeration(s, first, ORGS_AND_ZONES, c_end)  # 搭建A、B
        if not targets or targets[0] is not s.mentions[first]:
            continue
        before = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start
                  and m.key.label in BODIES_AND_PLACES and m.key not in {t.key for t in targets}
                  and not s.preceded_by(m, lex["place_marker"])]  # 在Z设立B: Z is where, not who
        if before and text[cue_end:targets[0].start] == lex["relative_end"] \
                and not lex["relative_founder_gap_pattern"].fullmatch(text, before[0].end, cue_start):
            before = []  # …讯 以日产全球最高标准设计并建设的Y: too far to be who builds Y
        pair = pair_of(s)
        founders = [before[0].key] if before else _carried_founder(s, c_start, cue_start)
        kind = "tentative" if before and any(w in text[before[0].end:cue_start] for w in lex["establish_tentative_words"]) \
            else "founder_before"  # A与B商洽共建Z: not (yet) set up; Z lies where B is
        for target in targets:
            if founders:
                found.append(Establishment(cue_start, target, founders, kind))
            elif any(w in text[c_start:cue_start] for w in lex["pair_pronouns"]) and pair:
                found.append(Establishment(cue_start, target, [pair[0], *pair[1]], "pair_pronoun"))  # 双方将共建…研究院
            else:
                found.append(Establishment(cue_start, target, [], "founder_before"))
    return found


reads("established", "establish_openers_pattern", "relative_founder_gap_pattern", "establish_tentative_words")


def _carried_founder(s: Sentence, c_start: int, cue_start: int) -> list[EntityKey]:
    """The sentence's topic, for a later clause that opens with the cue (威海…，规划建设中日产业园), with no
    name in the clauses between."""
    topic = s.topic
    if topic is None or c_start == s.start or not s.mentions or topic.label not in BODIES_AND_PLACES \
            or not s.lex["establish_openers_pattern"].fullmatch(s.text, c_start, cue_start):
        return []
    _, t_end = s.clause_of(s.mentions[0].start)
    if any(t_end <= m.start < cue_start for m in s.mentions):
        return []
    return [topic]


reads("established", "copula", "built_by_pattern")


def _built_by(s: Sentence, cue_start: int, cue_end: int) -> Establishment | None:
    """TOPIC是A(专门)打造的…: the bodies or places between 是 and the cue set up the topic."""
    text, lex = s.text, s.lex
    c_start, _ = s.clause_of(cue_start)
    is_at = text.rfind(lex["copula"], c_start, cue_start)
    topic = s.topic
    if is_at < 0 or topic is None or topic.label not in ORGS_AND_ZONES or not text.startswith(lex["relative_end"], cue_end):
        return None
    founders = [m for m in s.mentions if is_at < m.start and m.end <= cue_start and m.key.label in BODIES_AND_PLACES]
    if not founders or founders[0].start != is_at + len(lex["copula"]) \
            or not lex["built_by_pattern"].match(text, founders[-1].end, cue_start):
        return None
    if not any(m.start < is_at and m.key == topic for m in s.mentions):
        return None  # the topic is named before 是
    return Establishment(cue_start, Mention(topic, cue_start, cue_start, ""), [m.key for m in founders], "built_by")


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
        if investment.found_by != "founders" and investment.establish is None:
            continue  # (其在Z设立的B: a subsidiary the investor set up)
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
    (大连市政府设立日本企业服务中心).

    A later clause that opens with the cue takes the sentence's topic (威海…，规划建设中日产业园).
    """
    return _facts(s, "founder_before")


@relation_rule("established.built_by", gate=_GATE)
def built_by(s: Sentence) -> Iterator[Fact]:
    """TOPIC是A(专门)打造/建设的…: A established the sentence's topic (中日(烟台)产业园是烟台市专门打造的
    重大开放平台 → 烟台 established 中日(烟台)产业园)."""
    return _facts(s, "built_by")


@relation_rule("established.pair_pronoun", gate=_GATE)
def pair_pronoun(s: Sentence) -> Iterator[Fact]:
    """双方/两市共建B: each of the pair named before (双方将共建中日先进材料联合研究院)."""
    return _facts(s, "pair_pronoun")


@relation_rule("investedIn.company_founders", gate=_GATE)
def company_founders(s: Sentence) -> Iterator[Fact]:
    """A company that sets up a company puts its money in it (明治集团设立明治乳业(天津)有限公司 →
    明治集团 investedIn 明治乳业(天津)有限公司; SCHEMA convention 7): for the readings of 设立 the
    established.* rules take, company to company only (a city or ministry that sets one up need not fund it)."""
    for establishment in establishments(s):
        if establishment.target.key.label != "Company":
            continue
        for founder in establishment.founders:
            if founder.label == "Company" and founder != establishment.target.key:
                yield Fact(founder, "investedIn", establishment.target.key, establishment.at,
                           date=date_near(s, establishment.at))
