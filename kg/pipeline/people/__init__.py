"""``kg_people``: people's names, found from their titles and their place in the text.

* after a title, up to a cue word or punctuation: 市委书记杜小刚分别讲话, 会长茂吕周平、;
* before a title: 习近平总书记;
* in a list after a head word: 市领导许峰、周文栋、吴建元参加活动;
* bylines: a paragraph that is only a name, （高美梅） at a paragraph's end, 洪波摄;
* a name at a clause's start before 率/带队/一行.

Names in lists, bylines and before titles must start with a known Chinese or
Japanese surname; a name between a title and a cue word need not (茂吕周平). Each
way is a rule ``rule(scan: PeopleScan) -> list[Candidate]``; all of them read the
candidates found before this stage, none sees another's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ...ontology import ORGANIZATION_CLASSES
from ..candidates import Candidate, SpanIndex
from ..rules import Rule, resolve_rules, rule
from .lexicon import IDEOGRAPHS, STAGE, PeopleScan, PersonLexicon

__all__ = ["DEFAULT_RULES", "PeopleScan", "PersonLexicon", "PersonRecognizer"]

DEFAULT_RULES = ["people.title_before_name", "people.name_before_title", "people.leader_list", "people.byline",
                 "people.leader_cue"]

_CLAUSE_STARTS = frozenset("，。；！？：”\n")
_IDEOGRAPHS_3 = re.compile("[\u4e00-\u9fff]{3}")
_BYLINE_STARTS = frozenset("。！？”\n")
_BYLINE_REACH = 8  # the longest byline: （ + 3 characters + ） + /文


def people_rule(rule_id: str) -> Callable[[Callable], Callable]:
    """Register a rule of ``kg_people``."""
    return rule(rule_id, stage=STAGE)


def _crossed(start: int, end: int, spans: SpanIndex) -> bool:
    """A listed name crosses the name's edges, or is the whole name (a name may hold one: 久保田诚)."""
    return any(not (start <= s and e <= end and (s, e) != (start, end)) for s, e in spans.overlapping(start, end))


def _titles(scan: PeopleScan) -> list[tuple[int, str]]:
    """Each whole title of the text (理事 inside 理事长 is none) as (end index, title), by end."""
    if "titles" not in scan._memo:
        occurrences = sorted(scan.lex.titles.find(scan.text), key=lambda o: (o[0], -(o[1] - o[0])))
        longest: dict[int, str] = {}
        reach = -1
        for _, end, title in occurrences:
            if end <= reach:
                continue
            reach = end
            if len(title) > len(longest.get(end - 1, "")):
                longest[end - 1] = title
        scan._memo["titles"] = sorted(longest.items())
    return scan._memo["titles"]


def _name_after_title(scan: PeopleScan, end_index: int, title: str) -> int | None:
    """The end of the name right after a title, if it is one (see :func:`title_before_name`)."""
    text, lex = scan.text, scan.lex
    start = end_index + 1
    end = lex.name_after(text, start)
    if end is None:
        return None
    # a body or company right before the title vouches for a name without a listed surname
    # (无锡日本商会会长茂吕周平); elsewhere a name needs one (记者采访时 holds none)
    body_ends = scan._memo.get("body_ends")
    if body_ends is None:
        body_ends = scan._memo["body_ends"] = {c.end for c in scan.candidates if c.label in ORGANIZATION_CLASSES}
    # a name a shape crosses is no name: 东莞市长安镇 holds the title 市长 but 长安镇 is a town
    shaped = scan.index("shaped", lambda c: c.source == "shape" and c.label != "Person")
    if (lex.has_surname(text[start:end]) or (end - start >= 3 and start - len(title) in body_ends)) \
            and not _crossed(start, end, scan.blocked) and not _crossed(start, end, shaped) \
            and not text.startswith(lex.cues, start) and not lex.starts_with_title(text, start):
        return end
    return None


@people_rule("people.title_before_name")
def title_before_name(scan: PeopleScan) -> list[Candidate]:
    """A title, then a name up to a cue word or punctuation (市委书记杜小刚分别讲话, 会长茂吕周平、)."""
    found = []
    for end_index, title in _titles(scan):
        end = _name_after_title(scan, end_index, title)
        if end is not None:
            found.append(scan.person(end_index + 1, end, "people.title_before_name", 15, title))
    return found


@people_rule("people.name_before_title")
def name_before_title(scan: PeopleScan) -> list[Candidate]:
    """A three-character name with a surname right before a title that follows names (习近平总书记)."""
    text, lex = scan.text, scan.lex
    occupied = scan.index("occupied", lambda c: True)
    found = []
    for end_index, title in _titles(scan):
        if title not in lex.name_first or _name_after_title(scan, end_index, title) is not None:
            continue
        title_start, name_start = end_index + 1 - len(title), end_index + 1 - len(title) - 3
        if name_start < 0:
            continue
        name = text[name_start:title_start]
        if IDEOGRAPHS.match(name) and lex.has_surname(name) and not occupied.overlapping(name_start, title_start):
            found.append(scan.person(name_start, title_start, "people.name_before_title", 14, title))
    return found


@people_rule("people.leader_list")
def leader_list(scan: PeopleScan) -> list[Candidate]:
    """Names with surnames listed after a head word (市领导许峰、周文栋、吴建元参加活动)."""
    text, lex = scan.text, scan.lex
    found = []
    for head, pattern in zip(lex.heads, lex.head_patterns):
        for match in pattern.finditer(text):
            i = match.end()
            while i < len(text):
                end = lex.name_after(text, i)
                if end is None or not lex.has_surname(text[i:end]) or scan.blocked.overlapping(i, end):
                    break
                found.append(scan.person(i, end, "people.leader_list", 14, head))
                if end < len(text) and text[end] == "、":
                    i = end + 1
                    continue
                break
    return found


def byline_matches(text: str, byline: re.Pattern[str]):
    """Each line's byline, if it ends in one.

    The same matches as ``(?:^|(?<=[。！？”\\n]))`` + ``byline`` + ``(?=\\n|$)`` (multiline),
    found from the line ends: a byline holds none of the characters that may precede it,
    so it starts after the last of them before the line end.
    """
    end = -1
    while end < len(text):
        start = end + 1
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        left = max(start, end - _BYLINE_REACH - 1)
        cut = next((i for i in range(end - 1, left - 1, -1) if text[i] in _BYLINE_STARTS), None)
        if cut is not None:
            left = cut + 1
        elif left > start:
            continue  # the line is longer than a byline and has no sentence end near its end
        match = byline.fullmatch(text, left, end)
        if match:
            yield match


@people_rule("people.byline")
def byline(scan: PeopleScan) -> list[Candidate]:
    """A name with a surname alone at a line's end: a byline (（高美梅）, 洪波摄)."""
    found = []
    for match in byline_matches(scan.text, scan.lex.byline):
        start, end = match.span(1)
        if scan.lex.has_surname(scan.text[start:end]) and not scan.blocked.overlapping(start, end):
            found.append(scan.person(start, end, "people.byline", 13))
    return found


def leader_spans(text: str, cues: re.Pattern[str]):
    """Three ideographs at a clause start before a leader cue (率, 带队, 一行).

    The same spans as ``(?:^|(?<=[，。；！？：”\\n]))([\\u4e00-\\u9fff]{3})(?=率|带队|一行)``
    (multiline), found from the cue words, which are rare.
    """
    for cue in cues.finditer(text):
        start, end = cue.start() - 3, cue.start()
        if start >= 0 and (start == 0 or text[start - 1] in _CLAUSE_STARTS) and _IDEOGRAPHS_3.fullmatch(text, start, end):
            yield start, end


@people_rule("people.leader_cue")
def leader_cue(scan: PeopleScan) -> list[Candidate]:
    """A three-character name with a surname at a clause's start before 率/带队/一行 (王建国率青岛市经贸代表团)."""
    text, lex = scan.text, scan.lex
    found = []
    for start, end in leader_spans(text, lex.leader_cues):
        if lex.has_surname(text[start:end]) and not scan.blocked.overlapping(start, end) \
                and not lex.starts_with_title(text, start):
            found.append(scan.person(start, end, "people.leader_cue", 12))
    return found


class PersonRecognizer:
    """Proposes Person candidates with their job titles, by the rules the config lists."""

    def __init__(self, nlp: Language, name: str, *, rules: Iterable[str], titles: str, professions: str,
                 name_first: str, cues: str, heads: str, surnames: list[str], words: str) -> None:
        self.name = name
        self.rules: tuple[Rule, ...] = resolve_rules(rules, STAGE)
        self.lex = PersonLexicon(titles=titles, professions=professions, name_first=name_first, cues=cues,
                                 heads=heads, surnames=surnames, words=words)

    def __call__(self, doc: Doc) -> Doc:
        candidates = doc._.candidates
        scan = PeopleScan(doc._.text, doc._.folded, list(candidates), self.lex)
        for found in self.rules:
            candidates.extend(found.func(scan))
        return doc


@Language.factory(
    "kg_people",
    default_config={
        "rules": DEFAULT_RULES,
        "titles": "patterns/titles.txt",
        "professions": "patterns/professions.txt",
        "name_first": "patterns/name_first_titles.txt",
        "cues": "patterns/person_cues.txt",
        "heads": "patterns/leader_heads.txt",
        "surnames": ["gazetteers/surnames_cn.txt", "gazetteers/surnames_jp.txt"],
        "words": "patterns/name_cues.json",
    },
    assigns=["doc._.candidates"],
    requires=["doc._.candidates"],
)
def make_people(nlp: Language, name: str, rules: list[str], titles: str, professions: str, name_first: str, cues: str,
                heads: str, surnames: list[str], words: str) -> PersonRecognizer:
    return PersonRecognizer(nlp, name, rules=rules, titles=titles, professions=professions, name_first=name_first,
                            cues=cues, heads=heads, surnames=surnames, words=words)
