"""Figures that are not relations: 苏州对日本贸易总额234.7亿美元 (``cj:Statistic``)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...records import StatisticRecord
from .base import BODIES_AND_PLACES, Sentence, date_near, relation_rule

__all__ = ["measure"]


@relation_rule("statistic.measure", gate=("investment_statistics",), cues=("count_pattern",))
def measure(s: Sentence) -> Iterator[StatisticRecord]:
    """PLACE (对 PARTNER) + measure + amount or count, in one clause: a statistic of the first body or
    place, the second as its counterpart (今年1-9月，大连对日本贸易总额234.7亿美元)."""
    text, view = s.text, s.view
    measures = s.lex["investment_statistics"]
    # an amount a relation of this sentence already carries is not a statistic
    linked = {text.find(r.money.text, s.start, s.end) for r in view.relations
              if r.money is not None and r.start == s.start}
    for c_start, c_end in s.clauses:
        found = next(((i, w) for w in measures for i in [text.find(w, c_start, c_end)] if i >= 0), None)
        if found is None:
            continue
        at, word = found
        subjects = [m for m in s.mentions if c_start <= m.start and m.end <= at and m.key.label in BODIES_AND_PLACES]
        if not subjects:
            continue
        counterpart = subjects[1].key if len(subjects) > 1 else None
        values: list[tuple[Decimal, str, str | None]] = [
            (money.amount, money.currency, money.currency) for begin, stop, money in view.money
            if at < begin and stop <= c_end and begin not in linked]
        if not values:
            count = s.lex["count_pattern"].search(text, at, c_end)
            if count:
                values.append((Decimal(count.group(1)), count.group(2), None))
        for value, unit, currency in values[:1]:
            start, end = view.sentence(at)
            yield StatisticRecord(subjects[0].key, word, value, unit, start, end, text[start:end],
                                  counterpart=counterpart, currency=currency, date=date_near(s, at))
