"""A photographer's credit at a line's end: a name right before 摄, after an outlet's name, a bracket
or a space of the source (新华社发(王明摄), (青山网李红摄), 青山日报 王明 摄)."""

from __future__ import annotations

from ..candidates import Candidate
from .lexicon import IDEOGRAPHS, STAGE, PeopleScan
from ..rules import rule

__all__ = ["PHOTO_CREDIT", "photo_credit"]

PHOTO_CREDIT = "people.photo_credit"
_OPENERS = "(（\n。"  # what may stand right before the credit's words
_LINE_END = ")）"  # what may close a credit in brackets
_MAX_RUN = 12  # an outlet's name and the name before 摄


def _closes_credit(scan: PeopleScan, at: int) -> bool:
    """摄 at ``at - 1`` closes a credit: a line's end or a bracket follows, or no word that 摄 opens
    (摄影, 摄像, 摄制, 摄氏: a credit whose line the source ran on into the next: 青山网王明摄青山网电)."""
    text = scan.text
    return at >= len(text) or text[at] in _LINE_END or text[at] == "\n" or text[at] not in scan.lex.photo_words


def _run_start(scan: PeopleScan, end: int) -> int:
    """Where the run of ideographs before ``end`` starts: after a bracket, a line's start or a space of
    the source (one right before ``end`` is passed)."""
    text, start = scan.text, end
    while start > 0 and end - start < _MAX_RUN and IDEOGRAPHS.match(text[start - 1]) \
            and (start == end or start not in scan.spaces):  # 青山日报 王明 摄: a space before 摄 goes
        start -= 1
    return start


def _credited(scan: PeopleScan, start: int, end: int) -> int | None:
    """The start of the name that ends at ``end`` in the run ``[start, end)``: the whole run, of two to four
    characters with a listed surname; or its last three or two characters with a surname after an outlet's
    name (青山网李红: 网 ends an outlet)."""
    text, lex = scan.text, scan.lex
    if lex.starts_with_title(text, start):
        return None  # 记者王明摄: the byline rules read a role's credit
    if 2 <= end - start <= 4:
        return start if lex.has_surname(text[start:end]) else None
    suffixes = lex.byline_words["outlet_suffixes"]
    for length in (3, 2):
        at = end - length
        if lex.surname_rank(text[at:end], length) is not None \
                and suffixes.longest_suffix(text, at, start=start, min_rest=1) is not None:
            return at
    return None


@rule(PHOTO_CREDIT, stage=STAGE)
def photo_credit(scan: PeopleScan) -> list[Candidate]:
    """A name before 摄 at a line's end, after a bracket, a space or an outlet's name (新华社发(王明摄),
    (青山网李红摄), 青山日报 王明 摄): the photographer."""
    text, found = scan.text, []
    at = text.find(scan.lex.photo_mark)
    while at >= 0:
        if at >= 2 and _closes_credit(scan, at + 1):
            start = _run_start(scan, at)
            if start == 0 or text[start - 1] in _OPENERS or start in scan.spaces:
                name = _credited(scan, start, at)
                if name is not None:
                    found.append(scan.person(name, at, PHOTO_CREDIT, 12))
        at = text.find(scan.lex.photo_mark, at + 1)
    return found
