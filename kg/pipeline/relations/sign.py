"""``signedWith``: the parties of an agreement (A与B签署…协议, A与B签约, 双方签署…)."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Fact, Sentence, relation_rule
from .pairs import pairs

__all__ = ["pair", "pair_pronoun"]


@relation_rule("signedWith.pair", gate=("sign",))
def pair(s: Sentence) -> Iterator[Fact]:
    """A与B签约, A与B签署…协议: A signs with each partner (大连港集团与商船三井签署战略合作协议)."""
    for found in pairs(s):
        if found.sign and not found.pronoun:
            for partner in found.partners:
                yield Fact(found.subject, "signedWith", partner, found.at)


@relation_rule("signedWith.pair_pronoun", gate=("sign",))
def pair_pronoun(s: Sentence) -> Iterator[Fact]:
    """两市/双方签署…备忘录, where the sentence names no pair: the pair named before (两市签署了合作备忘录)."""
    for found in pairs(s):
        if found.sign and found.pronoun:
            for partner in found.partners:
                yield Fact(found.subject, "signedWith", partner, found.at)
