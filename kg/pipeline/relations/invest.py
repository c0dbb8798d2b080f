"""``investedIn``: who puts money where (投资, 增资, 注资, 实际使用日资 …).

Each 投资 cue is read once (:func:`investments`): a preposition names the target
(A对B投资), else the investors before the cue (由A与B共同投资, A将投资, 后者投资,
双方投资, the sentence's topic) and the first kind of target found, in this order:
what they set up with the money (A投资M设立B), the name right after the cue, their
own subsidiary (增资…扩建其位于X的B), the place after 在, the places of the pair
named in the sentence. The amounts after the cue go to the targets in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from ...ontology import PLACE_CLASSES
from ...records import EntityKey, Mention, Money
from .base import (
    BODIES_AND_PLACES,
    ORGS_AND_ZONES,
    VISITED,
    Fact,
    Sentence,
    date_near,
    enumeration,
    money_after,
    relation_rule,
    skip_relative,
)
from .lexicon import reads
from .pairs import named_here, pair_of

__all__ = ["Investment", "investments"]

_GATE = ("invest",)
_Cue = tuple[int, int, str]


class Investment(NamedTuple):
    """One 投资 cue with its investors and targets, and which reading found the targets."""

    at: int
    found_by: str  # founders, direct_object, subsidiary, in_place, pair_places
    investors: list[EntityKey]
    targets: list[Mention]
    establish: _Cue | None  # the 设立 cue of what was set up with the money (founders)
    amounts: list[Money]


@relation_rule("investedIn.foreign_capital", gate=("invest", "foreign_capital"), cues=("foreign_capital",))
def foreign_capital(s: Sentence) -> Iterator[Fact]:
    """A实际使用日资M: the country of the capital invested in the place or body before it
    (苏州实际使用日资12亿美元 → 日本 investedIn 苏州)."""
    text = s.text
    for word, investor in s.lex["foreign_capital"].items():
        at = text.find(word, s.start, s.end)
        if at < 0:
            continue
        _, c_end = s.clause_of(at)
        subjects = [m for m in s.mentions if m.end <= at and m.key.label in VISITED]
        if subjects:
            money = money_after(s, at, c_end)
            yield Fact(EntityKey(investor, "Country"), "investedIn", subjects[-1].key, at,
                       money=money[0] if money else None, date=date_near(s, at))


@relation_rule("investedIn.is_investor_of", gate=_GATE, cues=("copula", "investee_nouns"))
def is_investor_of(s: Sentence) -> Iterator[Fact]:
    """COMPANY是…A在B投资…的企业: the first body or place before the cue invested in the company
    the sentence is about (艾杰旭是一个日本在苏州投资较大的企业 → 日本 investedIn 艾杰旭)."""
    text, company = s.text, s.topic
    if company is None or company.label != "Company":
        return
    for cue_start, cue_end, _ in s.find("invest"):
        c_start, c_end = s.clause_of(cue_start)
        if s.lex["copula"] in text[s.start:cue_start] and any(w in text[cue_end:c_end] for w in s.lex["investee_nouns"]):
            investors = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start and m.key != company
                         and m.key.label in BODIES_AND_PLACES]
            if investors:
                yield Fact(investors[0].key, "investedIn", company, cue_start)


reads("investedIn", "invest_preposition_pattern")


def _preposition(s: Sentence, cue: _Cue) -> tuple[Mention, Mention] | None:
    """A对B投资, A(将)在B投资: the investor and the target, when the target ends near the cue."""
    text, pattern = s.text, s.lex["invest_preposition_pattern"]
    c_start, _ = s.clause_of(cue[0])
    before = [m for m in s.mentions if c_start <= m.start and m.end <= cue[0]]
    for i, mention in enumerate(before[:-1]):
        if pattern.match(text[mention.end:before[i + 1].start]) and mention.key.label in BODIES_AND_PLACES:
            target = before[i + 1]
            return (mention, target) if cue[0] - target.end <= 4 else None
    return None


@relation_rule("investedIn.preposition", gate=_GATE)
def preposition(s: Sentence) -> Iterator[Fact]:
    """A对B投资 / A在B投资: the investor before 对/在/向/于, the target right before the cue."""
    for cue in s.find("invest"):
        found = _preposition(s, cue)
        if found is not None:
            _, c_end = s.clause_of(cue[0])
            money = money_after(s, cue[1], c_end)
            yield Fact(found[0].key, "investedIn", found[1].key, cue[0], money=money[0] if money else None,
                       date=date_near(s, cue[0]))


reads("investedIn", "agent_marker", "invest_gap_pattern", "latter", "former", "pair_pronouns")


def _investors(s: Sentence, cue: _Cue) -> list[EntityKey]:
    """Who invests: 由A与B共同投资, A(将/已)投资, 后者/双方投资, or the sentence's topic."""
    text, lex, cue_start = s.text, s.lex, cue[0]
    c_start, _ = s.clause_of(cue_start)
    by = text.rfind(lex["agent_marker"], c_start, cue_start)
    if by >= 0:
        found = [m.key for m in s.mentions if by < m.start and m.end <= cue_start and m.key.label in BODIES_AND_PLACES]
        if found:
            return found
    close = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start and m.key.label in BODIES_AND_PLACES
             and lex["invest_gap_pattern"].match(text, m.end, cue_start)]
    if close:
        return [close[-1].key]
    clause = text[c_start:cue_start]
    earlier = [m for m in s.mentions if m.end <= c_start and m.key.label in BODIES_AND_PLACES]
    if any(w in clause for w in lex["latter"]) and earlier:
        return [earlier[-1].key]
    if any(w in clause for w in lex["former"]) and earlier:
        return [earlier[0].key]
    pair = pair_of(s)
    if any(w in clause for w in lex["pair_pronouns"]) and pair:
        return [pair[0], *pair[1]]
    if c_start > s.start and not any(c_start <= m.start < cue_start for m in s.mentions):
        found_topic = s.topic  # A与B签约，投资…: the sentence's subject
        if found_topic is not None:
            return [found_topic]
    return []


reads("investedIn", "object_links", "subsidiary_markers", "place_marker")


def _establish(s: Sentence, cue: _Cue) -> _Cue | None:
    """The first 设立 within 32 characters after the cue (alias notes not counted)."""
    notes = s.lex.alias_notes
    found = [e for e in s.find("establish", cue[0], s.end) if len(notes.sub("", s.text[cue[1]:e[0]])) <= 32]
    return found[0] if found else None


def _founded(s: Sentence, cue: _Cue) -> list[Mention]:
    """A投资M设立B、C: what the 设立 after the cue names; 由A与B共同投资建设: the sentence's topic."""
    establish = _establish(s, cue)
    if establish is None:
        return []
    text, e_end = s.text, establish[1]
    first = s.first_after(e_end)
    if first is not None and text[e_end:s.mentions[first].start] in s.lex["object_links"]:
        targets = enumeration(s, first, ORGS_AND_ZONES, s.end)
        if targets:
            return targets
    c_start, _ = s.clause_of(cue[0])
    by = text.rfind(s.lex["agent_marker"], c_start, cue[0])
    found_topic = s.topic
    if found_topic is not None and by >= 0 and found_topic.label in ORGS_AND_ZONES and s.mentions \
            and s.mentions[0].end <= by:
        return [Mention(found_topic, s.start, s.start, "")]  # 产业园…由A与B共同投资建设
    return []


def _direct_object(s: Sentence, cue: _Cue) -> list[Mention]:
    """A投资B: the name right after the cue."""
    first = s.first_after(cue[1])
    return [s.mentions[first]] if first is not None and s.mentions[first].start == cue[1] else []


def _subsidiary(s: Sentence, cue: _Cue) -> list[Mention]:
    """增资…扩建其位于X的B: the investor's own company after 其/旗下 (past a clause of place)."""
    for marker in s.lex["subsidiary_markers"]:
        at = s.text.find(marker, cue[1], min(s.end, cue[1] + 24))
        if at >= 0:
            begin = skip_relative(s, at + len(marker), s.end)
            targets = [m for m in s.mentions if m.start == begin and m.key.label == "Company"][:1]
            if targets:
                return targets
    return []


def _in_place(s: Sentence, cue: _Cue) -> list[Mention]:
    """A将投资M，在Z建设…: the place right after 在."""
    place_word = s.lex["place_marker"]
    at = s.text.find(place_word, cue[1], min(s.end, cue[1] + 24))
    if at < 0:
        return []
    return [m for m in s.mentions if m.start == at + len(place_word) and m.key.label in PLACE_CLASSES][:1]


def _pair_places(s: Sentence, cue: _Cue, investors: list[EntityKey]) -> list[Mention]:
    """双方/A与B… in this sentence, A投资: the partners that are places (苏州与大阪签约，投资…)."""
    pair = pair_of(s) if named_here(s) else None
    if pair is None or pair[0] not in investors:
        return []
    return [Mention(p, cue[0], cue[0], "") for p in pair[1] if p.label in PLACE_CLASSES]


#: The kinds of target, tried in order; the first that finds one names the investment's targets.
_TARGETS: tuple[tuple[str, Callable[[Sentence, _Cue], list[Mention]]], ...] = (
    ("founders", _founded),
    ("direct_object", _direct_object),
    ("subsidiary", _subsidiary),
    ("in_place", _in_place),
)


def investments(s: Sentence) -> list[Investment]:
    """The investments of the sentence's 投资 cues that no preposition names (read once)."""
    return s.memo(investments, _investments)


def _investments(s: Sentence) -> list[Investment]:
    found: list[Investment] = []
    for cue in s.find("invest"):
        if _preposition(s, cue) is not None:
            continue
        investors = _investors(s, cue)
        if not investors:
            continue
        kind, targets = "", []
        for kind, finder in _TARGETS:
            targets = finder(s, cue)
            if targets:
                break
        if not targets:
            kind, targets = "pair_places", _pair_places(s, cue, investors)
        establish = _establish(s, cue)
        _, c_end = s.clause_of(cue[0])
        amounts = money_after(s, cue[1], establish[0] if establish else c_end)
        found.append(Investment(cue[0], kind, investors, targets, establish if kind == "founders" else None, amounts))
    return found


def _facts(s: Sentence, kind: str) -> Iterator[Fact]:
    for investment in investments(s):
        if investment.found_by != kind:
            continue
        targets, amounts = investment.targets, investment.amounts
        for investor in investment.investors:
            for n, target in enumerate(targets):
                if target.key == investor:
                    continue
                money = amounts[n] if len(amounts) == len(targets) else (amounts[0] if len(amounts) == 1 else None)
                yield Fact(investor, "investedIn", target.key, investment.at, money=money,
                           date=date_near(s, investment.at))


@relation_rule("investedIn.founders", gate=_GATE)
def founders(s: Sentence) -> Iterator[Fact]:
    """A投资M设立B、C / 由A与B共同投资建设的C: the investors put the money into what they set up
    (大连华信计算机技术股份有限公司投资8489万美元设立北斗合同会社)."""
    return _facts(s, "founders")


@relation_rule("investedIn.direct_object", gate=_GATE)
def direct_object(s: Sentence) -> Iterator[Fact]:
    """A投资B: the name right after the cue (丰田投资天津一汽丰田)."""
    return _facts(s, "direct_object")


@relation_rule("investedIn.subsidiary", gate=_GATE)
def subsidiary(s: Sentence) -> Iterator[Fact]:
    """A增资…其/旗下B: the investor's own company (松下增资扩建其位于苏州的松下电器研发中心)."""
    return _facts(s, "subsidiary")


@relation_rule("investedIn.in_place", gate=_GATE)
def in_place(s: Sentence) -> Iterator[Fact]:
    """A将投资M，在Z建设…: the place after 在 (丸森食品将投资3.5亿元，在长春新区建设工厂)."""
    return _facts(s, "in_place")


@relation_rule("investedIn.pair_places", gate=_GATE)
def pair_places(s: Sentence) -> Iterator[Fact]:
    """A与B签约，A投资…: the partner places of the pair the sentence names (无锡与大阪签约，无锡投资…)."""
    return _facts(s, "pair_places")
