"""Punctuation the stages cut text at: character classes, not word lists.

(Words live in ``kg/patterns/``; these are the marks no name crosses and the marks
that end a clause, used by several stages.)
"""

from __future__ import annotations

import re

import numpy

__all__ = ["CLAUSE_BREAKS", "CLOSE", "HARD_BOUNDARIES", "MARKS", "OPEN", "inside_latin_word", "mark_offsets"]

#: Characters no name found by shape crosses (brackets are handled by balance).
HARD_BOUNDARIES = frozenset("，。、；：！？,;:!?“”‘’\"《》「」『』【】〈〉\n\t ·•—…|/")
#: Opening and closing round brackets, full and half width.
OPEN, CLOSE = "(（", ")）"
#: Characters that end a clause inside a sentence.
CLAUSE_BREAKS = "，,；;：:"
#: Every character that can end a name's reach to the left.
_MARK_CHARACTERS = HARD_BOUNDARIES | set(OPEN + CLOSE)
MARKS = re.compile("[" + re.escape("".join(sorted(_MARK_CHARACTERS))) + "]")
_IS_MARK = numpy.zeros(0x10000, dtype=bool)  # by UTF-16 code unit (every mark is in the BMP)
_IS_MARK[[ord(ch) for ch in _MARK_CHARACTERS]] = True


def mark_offsets(text: str) -> list[int]:
    """Where the characters of :data:`MARKS` are, found for the whole text at once.

    >>> mark_offsets("苏州（高新区），无锡")
    [2, 6, 7]
    """
    encoded = text.encode("utf-16-le", "surrogatepass")
    if len(encoded) != 2 * len(text):  # characters beyond the BMP shift the code units
        return [m.start() for m in MARKS.finditer(text)]
    return numpy.flatnonzero(_IS_MARK[numpy.frombuffer(encoded, dtype="<u2")]).tolist()


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def inside_latin_word(text: str, start: int, end: int) -> bool:
    """The span ``start:end`` begins or ends with a Latin letter or digit that runs on into the
    text beside it: part of a longer Latin word (JT in JTB), no word of its own.

    >>> inside_latin_word("旅行社JTB发布", 3, 5), inside_latin_word("旅行社JTB发布", 3, 6)
    (True, False)
    >>> inside_latin_word("日本JT公司", 2, 4)
    False
    """
    return (start > 0 and _latin(text[start]) and _latin(text[start - 1])) \
        or (end < len(text) and _latin(text[end - 1]) and _latin(text[end]))
