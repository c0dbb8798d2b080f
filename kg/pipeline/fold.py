"""Folding Japanese and traditional character forms onto simplified ones: :mod:`kg.folding`, which
lives outside this package so that reading articles does not import spaCy."""

from __future__ import annotations

from ..folding import _LINE_BREAKS, _WIDTH, _bmp_table, _fold, fold, fold_char  # noqa: F401

__all__ = ["fold", "fold_char"]
