"""Class nouns before a name: a description ending in a noun for a kind of body, firm or area is no part
of the name that follows it (著名跨国公司日本帝人集团 → 日本帝人集团; 企业成都某某有限公司 → 成都某某有限公司;
汽车生产厂商某某集团 → 某某集团; 区域某某片区 → 某某片区). Read by :mod:`.reach`.
"""

from __future__ import annotations

from ...ontology import PLACE_CLASSES
from ..common_words import common_words
from .scan import ShapeScan

__all__ = ["after_class_noun", "after_descriptors", "kind_of_agency"]

#: jieba's tag of a verb: an agency is named for what it does (产业振兴机构, 投资促进机构).
_VERB_TAG = "v"
#: The places that sort an agency by where it is (a zone, like a body, names one: 某某生态城管理机构).
_AREAS = PLACE_CLASSES - {"Zone"}


def _opens_name(scan: ShapeScan, noun: str, at: int, suffix_start: int) -> bool:
    """A class noun at ``at`` opens the reach and a name follows it: not a word the noun makes with what
    follows (企业家, 企业界, 区域性: jieba's dictionary), nor generic or trade words (企业发展服务中心,
    日企产业园服务商联盟)."""
    text, lex = scan.text, scan.lex
    after = at + len(noun)
    opening = (text[after:after + n] for n in range(2, min(lex.descriptive.longest, suffix_start - after) + 1))
    return not text.startswith(tuple(lex.words["class_noun_compounds"]), at) \
        and not any(word in lex.descriptive for word in opening)


def _past_places(scan: ShapeScan, start: int, limit: int) -> int:
    """Past the listed places that open ``text[start:limit]`` (日本, 日本东京)."""
    ends = [c.end for c in scan.listed_at.get(start, ()) if c.label in PLACE_CLASSES and c.end <= limit]
    return _past_places(scan, max(ends), limit) if ends else start


def _described(scan: ShapeScan, start: int, at: int) -> bool:
    """``text[start:at]`` only describes what follows: generic or trade words after the places that may open
    them (汽车生产厂商, 日本独资企业), or words that rank or judge (日本排名第一纸品生产商)."""
    text, lex = scan.text, scan.lex
    after = _past_places(scan, start, at)
    return after < at and lex.descriptive.covers(text[after:at]) \
        or bool(lex.words["description_pattern"].search(text, start, at))


def _after_place(scan: ShapeScan, at: int) -> bool:
    """A listed place ends at ``at``: the class noun after it is the place's (日本中小企业某某协会 keeps it)."""
    return any(c.end == at and c.label in PLACE_CLASSES for c in scan.listed)


def _place_follows(scan: ShapeScan, at: int, limit: int) -> bool:
    """A listed place right after the class noun ending at ``at`` opens the name (出口生产企业青岛某某集团)."""
    return any(c.label in PLACE_CLASSES and c.end <= limit for c in scan.listed_at.get(at, ()))


def after_class_noun(scan: ShapeScan, start: int, limit: int, suffix_start: int) -> int:
    """Past a description that ends in a class noun before a name (著名跨国公司日本帝人集团 → 日本帝人集团;
    日本排名第一纸品生产商王子公司 → 王子公司: words that rank or judge describe what follows the noun), or
    a class noun alone that opens the reach (区域白沙片区 → 白沙片区)."""
    text = scan.text
    found = [(at, -len(noun), noun) for noun in scan.lex.words["class_nouns"] for at in [text.find(noun, start, limit)]
             if at >= 0]
    if not found:
        return start
    at, _, noun = min(found)  # the first class noun (中小企业, not the 企业 in it) decides
    if not _opens_name(scan, noun, at, suffix_start):
        return start
    described = _described(scan, start, at) if at > start else not _after_place(scan, at)
    return at + len(noun) if described or _place_follows(scan, at + len(noun), limit) else start


def after_descriptors(scan: ShapeScan, start: int, limit: int, suffix_start: int) -> int:
    """Past leading places and class nouns (日本中小企业, 富山县企业, 企业成都…) before a company's name."""
    text, lex = scan.text, scan.lex
    endings = lex.admin_endings
    moved = True
    while moved and start < limit:
        moved = False
        for cand in scan.listed:
            # only a full administrative name (富山县, 东京都); 九州 in 九州电力 is the brand
            if cand.start == start and cand.label in PLACE_CLASSES and cand.end <= limit \
                    and (cand.label == "Country" or text[cand.end - 1] in endings):
                start, moved = cand.end, True
                break
        for noun in lex.words["class_nouns"]:
            at = text.find(noun, start, limit)
            if at > start and lex.generic.covers(text[start:at]) or at >= start and _opens_name(scan, noun, at, suffix_start) \
                    and (at == start or _place_follows(scan, at + len(noun), limit)):
                start, moved = at + len(noun), True
                break
    return start


def _ends_in_verb(words: str) -> bool:
    """The longest common word that ends ``words`` is a verb (jieba's list: 振兴, 促进, 推进; not 教育, 中介)."""
    tags = common_words().tags
    ending = next((words[-n:] for n in range(min(4, len(words)), 1, -1) if words[-n:] in tags), None)
    return ending is not None and tags[ending] == _VERB_TAG


def kind_of_agency(scan: ShapeScan, start: int, suffix_start: int) -> bool:
    """A place (or the two countries) then words that name no body but sort a kind: no agency of its own
    (日本机构, 济南市重点教育机构, 中国某省非营利机构, 日本汽车零部件行业委托中介机构, 日中经济贸易机构):
    the words after the places must start with a listed name (某某生态城管理机构) or end in a verb of the
    language, what the agency does (长野县产业振兴机构, 日中投资促进机构)."""
    text = scan.text
    pair = scan.lex.words["country_pair_pattern"].match(text, start, suffix_start)
    after = pair.end() if pair else start
    while ends := [c.end for c in scan.listed_at.get(after, ()) if c.label in _AREAS and c.end <= suffix_start]:
        after = max(ends)
    if any(start <= c.start <= after and c.end <= suffix_start and c.label not in _AREAS for c in scan.candidates) \
            or any(after < e + 1 < suffix_start and len(scan.longest[e]) > 1 for e in scan.longest):
        return False  # a zone's or a body's name (某某生态城管理机构)
    return not _ends_in_verb(text[after:suffix_start])
