"""The ``investedIn`` rules stated from the investments of the 投资 cues, one per kind of target."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Fact, Sentence, date_near, relation_rule
from .common import _GATE
from .investments import investments


def _facts(s: Sentence, kind: str) -> Iterator[Fact]:
    for investment in investments(s):
        if investment.found_by != kind:
            continue
        targets, amounts = investment.targets, investment.amounts
        for investor in investment.investors:
            for n, target in enumerate(targets):
                if target.key == investor or investor.name.startswith(target.key.name):
                    continue  # (旭化成集团投资的旭化成(南通)项目: the group itself)
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
    """A将投资M，在Z建设…: the place after 在 where something is built or set up, also beside what is set
    up there (丸森食品将投资3.5亿元，在长春新区建设工厂; A将投资M在Z设立B → A investedIn Z and B)."""
    yield from _facts(s, "in_place")
    for investment in investments(s):
        place = investment.place
        if place is None:
            continue
        money = investment.amounts[0] if len(investment.amounts) == 1 and not investment.targets else None
        for investor in investment.investors:
            if investor != place.key:
                yield Fact(investor, "investedIn", place.key, investment.at, money=money,
                           date=date_near(s, investment.at))


@relation_rule("investedIn.pair_places", gate=_GATE)
def pair_places(s: Sentence) -> Iterator[Fact]:
    """A与B签约，A投资…: the partner places of the pair the sentence names (无锡与大阪签约，无锡投资…)."""
    return _facts(s, "pair_places")
