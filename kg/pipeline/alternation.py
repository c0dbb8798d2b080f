"""One regular expression for a list of words and patterns that Python's ``re`` searches fast.

``re`` tries the alternatives of ``a|b|c…`` one after another at every position
of the text, and cannot skip positions where none may start when an alternative
begins with a group. :func:`compile_alternation` builds the same expression in a
form it searches several times faster (the boundary list: 1.1 ms instead of
3.6 ms over a 3,700-character article):

* the literal words become a trie (``拜访|拜会`` → ``拜(?:访|会)``), the longer
  word first at each branch, so at most one branch is followed per position;
* a lookahead on the characters a match may start with lets ``re`` leave every
  other position after one test.

Matches are those of ``patterns[0]|…|patterns[-1]|longest word|…|shortest word``:
the patterns are tried first, then the longest word that matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # the parser behind re.compile (Python 3.11+); the lookahead is left out without it
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre_parse = None

__all__ = ["compile_alternation", "word_trie"]


def word_trie(words: Iterable[str]) -> str:
    """``words`` as one trie-shaped alternation; at a position it matches the longest word that matches.

    >>> word_trie(["拜访", "拜会", "拜"])
    '拜(?:会|访)?'
    >>> re.fullmatch(word_trie(["共", "共建", "除了", "除"]), "共建") is not None
    True
    """
    groups: dict[str, list[str]] = {}
    for word in set(words):
        if word:
            groups.setdefault(word[0], []).append(word[1:])
    parts = []
    for first in sorted(groups):
        rests = [rest for rest in groups[first] if rest]
        if not rests:
            parts.append(re.escape(first))
            continue
        optional = "?" if len(rests) < len(groups[first]) else ""
        parts.append(f"{re.escape(first)}(?:{word_trie(rests)}){optional}")
    return "|".join(parts)


def _first_items(parsed) -> list[str] | None:
    """Character-class items for every character a parsed pattern may start with; ``None`` if unknown."""
    items: list[str] = []
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            return [re.escape(chr(arg))]
        if name == "IN":
            for item_op, item_arg in arg:
                item = str(item_op)
                if item == "LITERAL":
                    items.append(re.escape(chr(item_arg)))
                elif item == "RANGE":
                    items.append(f"{re.escape(chr(item_arg[0]))}-{re.escape(chr(item_arg[1]))}")
                elif item == "CATEGORY" and str(item_arg) in _CATEGORIES:
                    items.append(_CATEGORIES[str(item_arg)])
                else:
                    return None  # a negated class, …
            return items
        if name in ("ASSERT", "ASSERT_NOT") and arg[0] < 0:
            continue  # a lookbehind reads no character: the next item starts the match ((?<!第)二场)
        if name == "SUBPATTERN":
            return _first_items(arg[-1])
        if name == "BRANCH":
            for branch in arg[1]:
                found = _first_items(branch)
                if found is None:
                    return None
                items.extend(found)
            return items
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            return _first_items(arg[2])
        return None  # an anchor, a lookaround, an optional start, …
    return None


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}


def compile_alternation(patterns: Iterable[str], words: Iterable[str]) -> re.Pattern[str]:
    """``patterns`` (tried first, in order), then ``words`` (the longest that matches), as one fast expression."""
    parts = [f"(?:{pattern})" for pattern in patterns]
    words = [w for w in words if w]
    if words:
        parts.append(word_trie(words))
    body = "|".join(parts)
    if not body:
        return re.compile(r"(?!)")  # matches nothing
    parsed = _sre_parse.parse(body) if _sre_parse is not None else None
    items = _first_items(parsed) if parsed is not None and not parsed.state.flags & re.IGNORECASE else None
    if not items:
        return re.compile(body)
    return re.compile(f"(?=[{''.join(dict.fromkeys(items))}])(?:{body})")
