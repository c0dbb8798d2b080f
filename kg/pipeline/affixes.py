"""Word lists looked up as prefixes or suffixes, longest first, in a few set lookups.

Most stages ask "which listed word does this name end (or start) with, the
longest one?" A loop over the list costs one ``endswith`` per word; an
:class:`Affixes` costs one slice and one set lookup per distinct word length.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["Affixes"]


class Affixes:
    """A set of words, each with an optional value, matched at either end of a string.

    >>> legal = Affixes(["有限公司", "股份有限公司", "公司"])
    >>> legal.longest_suffix("苏州锦里文化有限公司")
    '有限公司'
    >>> legal.longest_suffix("有限公司", min_rest=1)  # 有限 is left before 公司
    '公司'
    >>> legal.longest_suffix("公司", min_rest=1) is None
    True
    >>> Affixes({"重点": "x", "重点企业": "y"}).prefix_value("重点企业名单")
    'y'
    """

    __slots__ = ("values", "lengths")

    def __init__(self, words: Iterable[str] | dict[str, object]) -> None:
        if isinstance(words, dict):
            self.values = {w: v for w, v in words.items() if w}
        else:
            self.values = {w: w for w in words if w}
        self.lengths = sorted({len(w) for w in self.values}, reverse=True)

    def longest_suffix(self, text: str, end: int | None = None, *, min_rest: int = 0, start: int = 0) -> str | None:
        """The longest word ``text[start:end]`` ends with, leaving at least ``min_rest`` characters before it."""
        end = len(text) if end is None else end
        values = self.values
        for n in self.lengths:
            if end - n - start >= min_rest:
                piece = text[end - n:end]
                if piece in values:
                    return piece
        return None

    def longest_prefix(self, text: str, start: int = 0, *, min_rest: int = 0, end: int | None = None) -> str | None:
        """The longest word ``text[start:end]`` starts with, leaving at least ``min_rest`` characters after it."""
        end = len(text) if end is None else end
        values = self.values
        for n in self.lengths:
            if end - start - n >= min_rest:
                piece = text[start:start + n]
                if piece in values:
                    return piece
        return None

    def prefix_value(self, text: str, start: int = 0, *, min_rest: int = 0):
        """The value of :meth:`longest_prefix`, or ``None``."""
        word = self.longest_prefix(text, start, min_rest=min_rest)
        return None if word is None else self.values[word]

    def strip_prefixes(self, text: str) -> str:
        """``text`` without the listed words it starts with, one after another."""
        word = self.longest_prefix(text)
        while word:
            text = text[len(word):]
            word = self.longest_prefix(text)
        return text
