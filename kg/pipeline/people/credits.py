"""Credits in brackets whose pieces the source parted by spaces: names with surnames, maybe after the
unit that wrote them ((韩扬 张庆盛 朴峰 李金泽) at a line's start, (国际处 佟雪婷) at its end). The byline
rules (:mod:`.bylines`) read credits by their roles (记者, 摄); these have none, and the spaces are
what parts and vouches for the names. Read by ``kg_people`` (:mod:`kg.pipeline.people`)."""

from __future__ import annotations

from ..candidates import Candidate
from ..marks import OPEN
from .byline_words import closing_bracket
from .lexicon import IDEOGRAPHS, PeopleScan, people_rule

__all__ = ["SPACED_CREDIT", "spaced_credit"]

SPACED_CREDIT = "people.spaced_credit"

_LINE_BREAKS = frozenset("\n")
_SENTENCE_ENDS = frozenset("。！？”\n")
_MAX_BRACKET = 30  # four names and a unit, with their spaces
_MIN_UNIT = 3  # 国际处: a word and a department's last character


def _pieces(scan: PeopleScan, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut where the source had a space (empty when it had none)."""
    cuts = [i for i in sorted(scan.spaces) if start < i < end]
    if not cuts:
        return []
    bounds = [start, *cuts, end]
    return list(zip(bounds, bounds[1:]))


def _is_name(scan: PeopleScan, start: int, end: int) -> bool:
    text, lex = scan.text, scan.lex
    return 2 <= end - start <= 3 and IDEOGRAPHS.match(text[start:end]) is not None and lex.has_surname(text[start:end]) \
        and all(start < a and b <= end for a, b in scan.blocked.overlapping(start, end)) \
        and not lex.starts_with_title(text, start)  # a listed place may be the given name (李金泽: 金泽)


def _is_unit(scan: PeopleScan, start: int, end: int) -> bool:
    """国际处, 宣传部: a department that wrote the credit, by the last character of its name."""
    text = scan.text
    return end - start >= _MIN_UNIT and IDEOGRAPHS.match(text[start:end]) is not None \
        and text[end - 1] in scan.lex.words["department_ends"]


@people_rule(SPACED_CREDIT)
def spaced_credit(scan: PeopleScan) -> list[Candidate]:
    """A bracket that opens a line or ends one after a sentence, whose pieces the source parted by spaces,
    holds credits: names with surnames, two at least ((韩扬 张庆盛 朴峰 李金泽)6月24日，…), or one or more
    after a department's name ((国际处 佟雪婷) at the article's end); not pieces a listed name or a title
    opens ((记者 王明) is a byline's, (东京 大阪) no names)."""
    text = scan.text
    found = []
    if not scan.spaces:
        return found
    for start, ch in enumerate(text):
        if ch not in OPEN or not (start == 0 or text[start - 1] in _SENTENCE_ENDS):
            continue
        close = closing_bracket(text, start, min(len(text), start + _MAX_BRACKET))
        if close is None or not (start == 0 or text[start - 1] in _LINE_BREAKS
                                 or close + 1 == len(text) or text[close + 1] in _LINE_BREAKS):
            continue
        pieces = _pieces(scan, start + 1, close)
        if not pieces:
            continue
        unit = _is_unit(scan, *pieces[0])
        names = pieces[1:] if unit else pieces
        if len(names) >= (1 if unit else 2) and all(_is_name(scan, a, b) for a, b in names):
            found.extend(scan.person(a, b, SPACED_CREDIT, 13) for a, b in names)
    return found
