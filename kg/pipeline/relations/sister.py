"""``sisterCityOf``: twinned cities (A与B缔结友好城市)."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Fact, Sentence, date_near, relation_rule
from .pairs import pairs

__all__ = ["pair"]


@relation_rule("sisterCityOf.pair", gate=("sister",))
def pair(s: Sentence) -> Iterator[Fact]:
    """City A与city B…友好城市/友城: the two are sister cities, with the date of the sentence
    (1979年，大连市与北九州市缔结友好城市)."""
    for found in pairs(s):
        if found.sister and not found.pronoun and found.subject.label == "City":
            for partner in found.partners:
                if partner.label == "City":
                    yield Fact(found.subject, "sisterCityOf", partner, found.at, date=date_near(s, found.at))
