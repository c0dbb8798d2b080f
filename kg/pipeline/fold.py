"""Folding Japanese and traditional character forms onto simplified ones, one for one.

神戸製作所 and 神户制作所 are the same name. :func:`fold` maps each character
on its own (OpenCC's ``jp2t`` then ``t2s``, plus a small supplementary table),
so the folded text has the same length and offsets as the original.
"""

from __future__ import annotations

from functools import lru_cache

from .data import load_tsv

__all__ = ["fold", "fold_char"]

_VARIANTS_FILE = "gazetteers/kanji_variants.tsv"


@lru_cache(maxsize=1)
def _converters():
    import opencc

    return opencc.OpenCC("jp2t.json"), opencc.OpenCC("t2s.json"), opencc.OpenCC("s2t.json")


@lru_cache(maxsize=1)
def _supplement() -> dict[str, str]:
    try:
        rows = load_tsv(_VARIANTS_FILE)
    except Exception:  # the table is optional; OpenCC alone still folds most forms
        return {}
    return {row["variant"]: row["simplified"] for row in rows if len(row.get("variant", "")) == 1 and len(row.get("simplified", "")) == 1}


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """The simplified form of one character (itself when there is none)."""
    if ch.isascii():
        return ch
    extra = _supplement().get(ch)
    if extra:
        return extra
    jp2t, t2s, s2t = _converters()
    simplified = t2s.convert(ch)
    if simplified != ch:
        return simplified if len(simplified) == 1 else ch
    if s2t.convert(ch) != ch:
        return ch  # a Chinese simplified form (沪, which Japanese writes for 濾) stays
    # a Japanese form: take it through its traditional form, but only when that form
    # simplifies again (浜 → 濱 → 滨); 研 → 硏 stays 研, as it is already simplified
    traditional = jp2t.convert(ch)
    if traditional == ch:
        return ch
    out = t2s.convert(traditional)
    return out if len(out) == 1 and out != traditional else ch


#: Characters whose folded form is known, and those among them that fold to another character.
_KNOWN: set[str] = set()
_CHANGED: dict[str, str] = {}
#: Folded short strings (names, cue words): the stages fold the same names again and again.
_SHORT: dict[str, str] = {}
_SHORT_LENGTH, _SHORT_COUNT = 32, 200_000


def fold(text: str) -> str:
    """Fold every character of ``text``; the result has the same length.

    >>> fold("神戸製作所")
    '神户制作所'
    >>> fold("横浜の研究所")
    '横滨の研究所'
    >>> fold("滬沪")
    '沪沪'
    """
    folded = _SHORT.get(text)
    if folded is not None:
        return folded
    folded = _fold(text)
    if len(text) <= _SHORT_LENGTH:
        if len(_SHORT) >= _SHORT_COUNT:
            _SHORT.clear()  # a bound on memory for long-running processes
        _SHORT[text] = folded
    return folded


def _fold(text: str) -> str:
    if text.isascii():
        return text
    characters = set(text)
    for ch in characters - _KNOWN:
        folded = fold_char(ch)
        if folded != ch:
            _CHANGED[ch] = folded
        _KNOWN.add(ch)
    # most Chinese text has nothing to fold; the rest has a few Japanese forms
    hits = characters.intersection(_CHANGED)
    if any(_CHANGED[ch] in hits for ch in hits):  # 滬 → 沪 and 沪 → 滤: one pass, as a table
        return text.translate({ord(ch): _CHANGED[ch] for ch in hits})
    for ch in hits:
        text = text.replace(ch, _CHANGED[ch])
    return text
