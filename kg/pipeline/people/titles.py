"""People's names next to a title: after it, up to a cue word or punctuation (市委书记杜小刚分别讲话,
会长茂吕周平、), and before it (习近平总书记). Read by ``kg_people`` (:mod:`kg.pipeline.people`)."""

from __future__ import annotations

import bisect

from ...ontology import ORGANIZATION_CLASSES
from ..candidates import Candidate, SpanIndex
from ..marks import HARD_BOUNDARIES
from .bylines import bylines
from .lexicon import IDEOGRAPHS, PeopleScan, people_rule
from .title_words import honored_end as _honored_end
from .title_words import inside_title as _inside_title
from .title_words import whole_titles
from .word_bounds import loose_slot, name_before_word, slot_name

__all__ = ["BODY_REPRESENTATIVE", "body_representative", "name_after_title", "name_before_title", "title_before_name", "whole_titles"]

_VOUCHING_PLACES = frozenset({"Country", "Region", "City"})


def _crossed(start: int, end: int, spans: SpanIndex) -> bool:
    """A listed name crosses the name's edges, or is the whole name (a name may hold one: 久保田诚)."""
    return any(not (start <= s and e <= end and (s, e) != (start, end)) for s, e in spans.overlapping(start, end))


def _blocked_name(scan: PeopleScan, start: int, end: int) -> bool:
    """A listed place or body crosses the name's edges (see :func:`_crossed`), other than a bare
    listed place that opens with the title's last character and runs into a name with a listed
    surname of two characters, no place's last character (省, 市, 县 …) after it (会长野田毅: 长野 is no place there)."""
    text, ends = scan.text, scan.lex.words["place_name_ends"]
    surnamed = text[start:start + 2] in scan.lex.surnames  # 中新社长沙七月: 沙 opens no name
    return any(not (start <= s and e <= end and (s, e) != (start, end))
               and not (surnamed and s == start - 1 and e < end and (e >= len(text) or text[e] not in ends))
               for s, e in scan.blocked.overlapping(start, end))


def name_after_title(scan: PeopleScan, end_index: int, title: str, *, split: bool = False) -> tuple[int, int] | None:
    """The name right after a title, if it is one (see :func:`title_before_name`), as (start, end);
    ``split``: the name may start inside a longer title (理事 + 长尾成美 in 理事长尾成美)."""
    memo = scan._memo.setdefault("name_after_title", {})
    key = (end_index, title, split)
    if key not in memo:
        # 知事公室政策参与, 大臣官房审议官, 记者站: the title opens the name of an office, no person follows
        departments = scan.lex.words["title_departments"]
        memo[key] = None if scan.text.startswith(departments, end_index + 1) \
            else _findname_after_title(scan, end_index, title, split)
    return memo[key]


def _findname_after_title(scan: PeopleScan, end_index: int, title: str, split: bool = False) -> tuple[int, int] | None:
    text, lex = scan.text, scan.lex
    start = end_index + 1
    # a listed body or place right before the title vouches for a name without a listed surname
    # (无锡日本商会会长茂吕周平, 岩手县知事辰增和也); elsewhere a name needs one (记者采访时 holds none)
    vouchers = scan._memo.get("vouchers")
    if vouchers is None:
        vouchers = scan._memo["vouchers"] = (
            {c.end for c in scan.candidates if c.label in ORGANIZATION_CLASSES},
            {c.end for c in scan.candidates if c.source == "gazetteer" and c.label in _VOUCHING_PLACES})
    bodies, places = vouchers
    at = start - len(title)
    # a place vouches only where no place reaches into the title (江苏省长江流域: 江苏省 holds the 省 of
    # 省长, so no 省长 need be meant; 神户市市长久元喜造 is one)
    vouchers = bodies | places if not scan.blocked.overlapping(at, at + 1) \
        or not any(s < at for s, _ in scan.blocked.overlapping(at, at + 1)) else bodies
    for _ in range(3):  # 自民党副总干事长: modifiers between the body and the title
        modifier = lex.words["title_modifiers"].longest_suffix(text, at, start=max(0, at - 2))
        if at in vouchers or not modifier:
            break
        at -= len(modifier)
    vouched = at in vouchers or _after_listed_name(scan, at)
    if _inside_title(scan, start) and not split:
        return None  # 副总干事长末永健介: 长 ends the title 干事长, no name starts there
    opener = lex.words["name_openers"].longest_prefix(text, start, end=start + 1)
    if opener:  # 会长由小川康吉担任: the name after 由, before the verb of the post
        end = lex.name_after(text, start + len(opener), five=vouched)
        if end is None or not text.startswith(tuple(lex.words["post_verbs"]), end):
            return None
        start += len(opener)
    else:
        end = lex.name_after(text, start, five=vouched)
        if end is None:  # 总领事薛剑拜会: a common word of the language ends the name
            end = name_before_word(lex, text, start)
        if vouched and end is not None and _crossed(start, end, scan.blocked):
            # 副市长孙群与藤泽市长…: 与 (with) ends the name where a longer one would cross a place
            end = lex.name_after(text, start)
    if end is None:
        return None
    # a name a shape crosses is no name: 东莞市长安镇 holds the title 市长 but 长安镇 is a town
    shaped = scan.index("shaped", lambda c: c.source == "shape" and c.label != "Person")
    honored = _honored_end(scan, start, end)  # 专家藤原长作先生: 作 is no cue before an honorific
    if honored is not None:
        end = honored
    if text[end - 1] in lex.words["place_name_ends"] and at not in vouchers and honored is None \
            and not any(c.start < at < c.end <= start for c in scan.candidates if c.label in ORGANIZATION_CLASSES):
        return None  # 湖北省长阳县: a place's name, no person's (惠州市委书记柳锦州: a body vouches for the title)
    # an honorific after the name vouches for it too (理事长笹原明子女士)
    vouched = vouched or end - start >= 3 and text.startswith(lex.words["honorifics"], end)
    # 省长于浩川 opens with a cue that is a surname; 局长向塚田所长 with 向 (to) before a name and its title
    # 石川县知事驰浩、: a vouched title's slot holds a name of a name's length and characters (not 理事长尾成美)
    slot = slot_name(lex, text, start, end) and text[start - 1:start + 1] not in lex.surnames
    cue_first = text.startswith(lex.cues, start) and not (
        (lex.surname_cue(text[start:end]) or slot and end - start == 2 and lex.common_surname(text[start:end]))
        and not lex.title_at(text, end))
    if (lex.has_surname(text[start:end]) or (end - start >= 3 or slot) and vouched
         or slot and loose_slot(lex, text, start - len(title), start)) \
            and not _blocked_name(scan, start, end) and not _crossed(start, end, shaped) \
            and not cue_first \
            and not lex.starts_with_title(text, start) and not _title_inside(scan, start, end) \
            and lex.title_prefixes.longest_suffix(text, end, start=start, min_rest=1) is None:
        return start, end  # 议长会会长、: a name ends in no title
    return None


def _title_inside(scan: PeopleScan, start: int, end: int) -> bool:
    """A title inside the name opens a name of its own (大使馆公使施泳: 馆公使施泳 is none, 施泳 is)."""
    titles = whole_titles(scan)
    i = bisect.bisect_left(titles, (start + 1, ""))
    while i < len(titles) and titles[i][0] < end - 1:
        end_index, title = titles[i]
        if end_index + 1 - len(title) > start and name_after_title(scan, end_index, title) is not None:
            return True
        i += 1
    return False


def _after_listed_name(scan: PeopleScan, at: int) -> bool:
    """A title right after 、 and a name found after a title before it (议会议长桥本浩司、副议长野村晴英),
    maybe with a department or a body of the same place between (永旺集团负责人今井达典、开发部总经理织江宏一,
    冲绳县知事A、议会议长B)."""
    text, lex = scan.text, scan.lex
    if at and (text[at - 1] in lex.words["department_ends"] or text.endswith(lex.words["place_bodies"], 0, at)):
        comma = text.rfind("、", max(0, at - 6), at)
        if comma < 0 or not IDEOGRAPHS.match(text[comma + 1:at]):
            return False
        at = comma + 1
    if not at or text[at - 1] != "、":
        return False
    for end_index, title in whole_titles(scan):
        if at - 14 < end_index < at - 2:
            span = name_after_title(scan, end_index, title)
            if span is not None and span[1] == at - 1:
                return True
    return False


@people_rule("people.title_before_name")
def title_before_name(scan: PeopleScan) -> list[Candidate]:
    """A title, then a name up to a cue word or punctuation (市委书记杜小刚分别讲话, 会长茂吕周平、,
    会长由小林一郎担任)."""
    found = []
    credits = None
    for end_index, title in whole_titles(scan):
        span = name_after_title(scan, end_index, title)
        if span is None:
            title, span = _shorter_title(scan, end_index, title)
        if span is not None:
            if credits is None:
                credits = [(c.start, c.end) for line in bylines(scan) for c in line.names]
            if any(s < span[1] and span[0] < e and (s, e) != span for s, e in credits):
                continue  # 青山侨报记者王明李红: a byline's run of names, split by the byline
            found.append(scan.person(*span, "people.title_before_name", 15, title))
    return found


def _shorter_title(scan: PeopleScan, end_index: int, title: str) -> tuple[str, tuple[int, int] | None]:
    """A shorter title at the same start whose last characters open a two-character surname, where the
    longer title is followed by no name (专务理事长尾成美: 理事 and 长尾成美, not 理事长 and 尾成美)."""
    text, lex = scan.text, scan.lex
    start = end_index + 1 - len(title)
    for at, end, shorter in scan._memo["title_occurrences"]:
        if at == start and end_index - 1 <= end - 1 < end_index and text[end:end + 2] in lex.surnames:
            span = name_after_title(scan, end - 1, shorter, split=True)
            if span is not None and span[0] == end:
                return shorter, span
    return title, None


@people_rule("people.name_before_title")
def name_before_title(scan: PeopleScan) -> list[Candidate]:
    """A name with a surname right before a title that follows names (习近平总书记), four characters
    with a two-character surname (同岸田文雄首相), two after a boundary (会见李强市长, 的田中社长)."""
    text, lex = scan.text, scan.lex
    occupied = scan.index("occupied", lambda c: True)
    found = []
    for end_index, title in whole_titles(scan):
        if title not in lex.name_first or name_after_title(scan, end_index, title) is not None:
            continue
        title_start = end_index + 1 - len(title)
        if text.endswith(lex.words["title_inside_words"], 0, title_start + 1):
            continue  # 平井集团长: 团长 starts inside 集团, no name 平井集 ends before it
        best = _best_before(scan, title_start, occupied)
        modifier = lex.words["title_modifiers"].longest_suffix(text, title_start, start=max(0, title_start - 1))
        if modifier:  # 方炜代总领事: 代 (acting) belongs to the title, not to the name
            shifted = _best_before(scan, title_start - len(modifier), occupied)
            best = shifted if shifted is not None and shifted[0] else best
        between = _between_body_and_title(scan, title_start, end_index + 1)
        if between is not None and (best is None or best[3] > between):
            best = (True, True, title_start - between, between)
        if best is not None and (best[0] or best[2] > 2):
            found.append(scan.person(best[3], best[3] + best[2], "people.name_before_title", 14, title))
    return found


def _best_before(scan: PeopleScan, title_start: int, occupied: SpanIndex) -> tuple[bool, bool, int, int] | None:
    """The name of 2–4 characters right before ``title_start`` as (clean left, no cue first, length, start):
    one with a boundary or a cue word before it (会见李强市长, 张源副主任率…), else the longest."""
    text, lex = scan.text, scan.lex
    fits = []
    for length in (4, 3, 2):
        name_start = title_start - length
        name = text[max(0, name_start):title_start]
        if name_start < 0 or not IDEOGRAPHS.match(name) or occupied.overlapping(name_start, title_start):
            continue
        if length == 4 and name[:2] not in lex.surnames or length == 3 and not lex.has_surname(name) \
                or length == 2 and not lex.common_surname(name):
            continue
        if length >= 3 and (name[-1] in lex.words["body_ends"] or lex.starts_with_title(text, name_start)
                            or lex.title_prefixes.longest_suffix(text, title_start, start=name_start, min_rest=1)):
            continue  # 市委宣传部部长, 集团董事会秘书长: a department, no name; 两国省长知事: a title, no name
        if length >= 3 and name.endswith(tuple(lex.words["leader_cues"])):
            continue  # 矶俣秋男率总领事访问团: 率 (leads) ends no name
        if length >= 3 and any(ch in lex.name_breaking for ch in name[1:]) \
                or text[max(0, name_start - 1):name_start + 1] in lex.words["post_taking_words"]:
            continue  # 晋升为副理事长: a cue word (为, 在) inside is no given name's; 履任驻日大使: 任 ends a verb
        fits.append((_clean_left(scan, name_start), not text.startswith(lex.cues, name_start), length, name_start))
    return max(fits, default=None)


def _between_body_and_title(scan: PeopleScan, title_start: int, title_end: int) -> int | None:
    """The start of a name of 2–4 ideographs that fills the gap between a body's name and a title
    written after names, and needs no listed surname (青山市旅游局覃书文局长、, 冈本县商工劳动局津轮明登局长出席):
    no cue word or title inside, no body's or department's last character, and the title ends
    the phrase (a mark or a cue word after it)."""
    text, lex = scan.text, scan.lex
    bodies = scan._memo.get("body_ends")
    if bodies is None:
        bodies = scan._memo["body_ends"] = {c.end for c in scan.candidates if c.label in ORGANIZATION_CLASSES}
    if not (title_end == len(text) or text[title_end] in HARD_BOUNDARIES or text.startswith(lex.cues, title_end)):
        return None
    for length in (4, 3, 2):
        start = title_start - length
        if start not in bodies:
            continue
        name = text[start:title_start]
        if not IDEOGRAPHS.match(name) or name[-1] in lex.words["body_ends"] or lex.starts_with_title(text, start) \
                or any(lex.title_at(text, i) for i in range(start + 1, title_start)) \
                or any(text.startswith(lex.cues, i) and not _name_end(lex, text, i, title_start)
                       for i in range(start, title_start)) \
                or scan.blocked.overlapping(start, title_start):
            return None
        return start
    return None


def _name_end(lex, text: str, at: int, title_start: int) -> bool:
    """A one-character cue common in names right before the title ends the name, no cue
    (冈本县产业劳动部难波一也部长: 也 ends 一也)."""
    return at == title_start - 1 and text[at] in lex.ambiguous


def _clean_left(scan: PeopleScan, at: int) -> bool:
    """Nothing of a word before ``at``: the text's start, a mark, the end of a name found before
    (日本中华总商会严浩会长), of a cue word (会见, 和) or of a date (2日)."""
    text = scan.text
    ends = scan._memo.get("name_ends")
    if ends is None:
        ends = scan._memo["name_ends"] = {c.end for c in scan.candidates if c.label != "Person"}
    return at == 0 or at in ends or not IDEOGRAPHS.match(text[at - 1]) \
        or scan.lex.cue_suffixes.longest_suffix(text, at, start=max(0, at - 4)) is not None \
        or at >= 2 and text[at - 1] in scan.lex.time_chars and text[at - 2].isdigit()  # 12月2日川上总领事


BODY_REPRESENTATIVE = "people.body_representative"


@people_rule(BODY_REPRESENTATIVE)
def body_representative(scan: PeopleScan) -> list[Candidate]:
    """A body's name, 代表 and a name, then a cue word or a mark: the body's representative
    (青山友好协会白河分区代表木村一郎共同出席); no name opens with a cue word (公司代表介绍了)."""
    text, lex = scan.text, scan.lex
    bodies = scan._memo.get("vouchers", (None,))[0] or {c.end for c in scan.candidates if c.label in ORGANIZATION_CLASSES}
    found = []
    for word in lex.words["representative_words"]:
        at = text.find(word)
        while at >= 0:
            start = at + len(word)
            at = text.find(word, start)
            body = start - len(word)
            named = body in bodies  # else a body's last character (分区, 公司), and a listed surname
            if not (named or body and text[body - 1] in lex.words["representative_body_ends"]) \
                    or text.startswith(lex.cues, start) or lex.starts_with_title(text, start):
                continue
            end = lex.name_after(text, start, five=True)
            if end is not None and (lex.has_surname(text[start:end]) or named and end - start >= 3) \
                    and not scan.blocked.overlapping(start, end) and not _title_inside(scan, start, end):
                found.append(scan.person(start, end, BODY_REPRESENTATIVE, 13, word))
    return found
