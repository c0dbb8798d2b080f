"""A listed company's branch named by a place in brackets right after it (伊藤忠(青岛), 瑞穗银行(中国))."""

from __future__ import annotations

from ...ontology import PLACE_CLASSES
from ..candidates import Candidate
from ..marks import CLOSE, OPEN
from .scan import ShapeScan
from .shape_rule import shape_rule

__all__ = ["bracket_branch"]


@shape_rule("shape.bracket_branch")
def bracket_branch(scan: ShapeScan) -> list[Candidate]:
    """A listed company's name, then a listed place in brackets, where the name ends (a mark or a word that
    follows names after it, as for a business line): the company's branch or subsidiary there
    (能势稔彦(伊藤忠(青岛)), 日本瑞穗银行(中国)与…签约); not a longer name (日立(中国)有限公司: the suffix's)."""
    text, raw, followers = scan.text, scan.raw, scan.lex.brand_line_followers
    places = {(c.start, c.end) for c in scan.listed if c.label in PLACE_CLASSES}
    found = []
    for brand in scan.listed:
        if brand.label != "Company" or brand.end >= len(text) or text[brand.end] not in OPEN:
            continue
        close = next((at for at in range(brand.end + 3, min(len(text), brand.end + 12)) if text[at] in CLOSE), None)
        if close is None or (brand.end + 1, close) not in places:
            continue
        end = close + 1
        if end < len(text) and not text.startswith(followers, end):
            continue
        found.append(Candidate(brand.start, end, "Company", raw[brand.start:end], "shape", priority=10,
                               rule="shape.bracket_branch"))
    return found
