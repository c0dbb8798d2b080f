"""The decorator of the shape rules."""

from __future__ import annotations

from collections.abc import Callable

from ..rules import rule
from .lexicon import STAGE

__all__ = ["shape_rule"]


def shape_rule(rule_id: str) -> Callable[[Callable], Callable]:
    """Register a rule of ``kg_shapes``: ``rule(scan: ShapeScan) -> list[Candidate]``."""
    return rule(rule_id, stage=STAGE)
