"""``kg_people``: people's names, found from their titles and their place in the text.

* after a title, up to a cue word or punctuation: 市委书记杜小刚分别讲话, 会长茂吕周平、;
* before a title: 习近平总书记;
* in a list after a head word: 市领导许峰、周文栋、吴建元参加活动;
* bylines: a paragraph that is only a name, （高美梅） at a paragraph's end, 洪波摄;
* a name at a clause's start before 率/带队/一行, or before a verb of speech (王建国表示).

Names in lists, bylines and before titles must start with a known Chinese or
Japanese surname; a name between a title and a cue word need not (茂吕周平). Each
way is a rule ``rule(scan: PeopleScan) -> list[Candidate]``; all of them read the
candidates found before this stage, none sees another's. The rules next to a title are in
:mod:`.titles`, those of bylines in :mod:`.bylines`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate
from ..rules import Rule, resolve_rules
from . import bylines as _bylines  # noqa: F401  (registers the byline rules)
from . import cited as _cited  # noqa: F401  (registers people.cited_outlet)
from . import photo_credits as _photo_credits  # noqa: F401  (registers people.photo_credit)
from . import speakers as _speakers  # noqa: F401  (registers people.speaker)
from .lexicon import IDEOGRAPHS, STAGE, PeopleScan, PersonLexicon, people_rule
from .titles import name_after_title, whole_titles
from .word_bounds import bounded

__all__ = ["DEFAULT_RULES", "LIST_TAIL", "PeopleScan", "PersonLexicon", "PersonRecognizer"]

DEFAULT_RULES = ["people.title_before_name", "people.name_before_title", "people.leader_list", "people.list_tail", "people.byline",
                 "people.leader_cue", "people.byline_credits", "people.byline_outlet", "people.cited_outlet",
                 "people.body_representative", "people.speaker", "people.honored", "people.name_list",
                 "people.photo_credit"]

_CLAUSE_STARTS = frozenset("，。；！？：”\n")
_IDEOGRAPHS_3 = re.compile("[\u4e00-\u9fff]{3}")
_BYLINE_STARTS = frozenset("。！？”\n")
_BYLINE_REACH = 8  # the longest byline: （ + 3 characters + ） + /文


@people_rule("people.leader_list")
def leader_list(scan: PeopleScan) -> list[Candidate]:
    """Names with surnames listed after a head word (市领导许峰、周文栋、吴建元参加活动); not across a
    byline's names (记者鲍安华文/图: the byline reads 鲍安华)."""
    text, lex = scan.text, scan.lex
    found = []
    credits = [(c.start, c.end) for line in _bylines.bylines(scan) for c in line.names]
    for head, pattern in zip(lex.heads, lex.head_patterns):
        for match in pattern.finditer(text):
            i = match.end()
            while i < len(text):
                end = lex.name_after(text, i)
                if end is None or not lex.has_surname(text[i:end]) or scan.blocked.overlapping(i, end) \
                        or text[i] in lex.ambiguous and not lex.surname_cue(text[i:end]) \
                        or any(s < end and i < e and (s, e) != (i, end) for s, e in credits):
                    break  # 领导和日企代表: a conjunction (和) opens no name after the head word
                found.append(scan.person(i, end, "people.leader_list", 14, head))
                if end < len(text) and text[end] == "、":
                    i = end + 1
                    continue
                break
    return found


LIST_TAIL = "people.list_tail"


@people_rule(LIST_TAIL)
def list_tail(scan: PeopleScan) -> list[Candidate]:
    """Names with surnames and no title that end a list of titled names before 等 (副知事林田一郎、
    副市长王海明、加藤一修等出席), before the verb they share (副区长王海明、周立新会见了代表团), before a join
    into other words (前首相甲、乙以及各界人士), or before 、 or a comma that a titled name follows."""
    text, lex = scan.text, scan.lex
    found = []
    for end_index, title in whole_titles(scan):
        span = name_after_title(scan, end_index, title)
        if span is None:
            continue
        i, names = span[1], []
        while i < len(text) and text[i] == "、" and not lex.title_at(text, i + 1):
            end = lex.name_after(text, i + 1)
            if end is None or not 2 <= end - i - 1 <= 4 or not lex.has_surname(text[i + 1:end]) \
                    or scan.blocked.overlapping(i + 1, end) or lex.starts_with_title(text, i + 1):
                break
            names.append((i + 1, end))
            i = end
        if names and (text.startswith(lex.words["list_ends"], i) or _joined(scan, names, i)
                      or _shared_verb(scan, names[-1], i) or _titled_after(scan, i)):
            found.extend(scan.person(a, b, LIST_TAIL, 13) for a, b in names)
    return found


#: The marks that part a list's items: 、 and a comma (副主任甲、乙，青山市贸促会秘书长丙).
_LIST_MARKS = frozenset("、，,")
#: How far after 、 the title of the list's next name may start (市议会副议长: a body before the title).
_NEXT_TITLE = 10


def _titled_after(scan: PeopleScan, at: int) -> bool:
    """The list goes on after 、 with a name after its title, maybe with its body before the title
    (副市长甲、乙、市议会副议长丙: 乙 is a name of the list, between two titled ones)."""
    text = scan.text
    if text[at:at + 1] not in _LIST_MARKS:
        return False
    for end_index, title in whole_titles(scan):
        title_start = end_index + 1 - len(title)
        if title_start <= at or title_start > at + 1 + _NEXT_TITLE:
            continue
        if IDEOGRAPHS.match(text[at + 1:title_start] or "一") \
                and name_after_title(scan, end_index, title) is not None:
            return True
    return False


def _joined(scan: PeopleScan, names: list[tuple[int, int]], at: int) -> bool:
    """A join (和, 以及, 及) goes on after the list's last name into other words (副会长甲、乙和青山学会,
    前首相甲、乙以及各界人士), and none of the names is a common word of the language but a name
    (jieba's list, tag nr: 会长王海明、周边和… holds no name 周边)."""
    text, tags = scan.text, scan.lex.common_words.tags
    return text.startswith(scan.lex.words["list_joins"], at) \
        and all(tags.get(text[a:b], "nr") == "nr" for a, b in names)


def _shared_verb(scan: PeopleScan, last: tuple[int, int], at: int) -> bool:
    """The list's names are the subject of the verb right after its last name (副区长王海明、周立新会见了…):
    a cue word of two characters or more, after a name of two or three that no body's or place's
    last character ends (林业局出席 is a body)."""
    text, lex = scan.text, scan.lex
    return 2 <= last[1] - last[0] <= 3 and text[last[1] - 1] not in lex.words["body_ends"] \
        and text.startswith(lex.long_cues, at)


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
                 name_first: str, cues: str, heads: str, surnames: list[str], words: str,
                 industry_words: str) -> None:
        self.name = name
        self.rules: tuple[Rule, ...] = resolve_rules(rules, STAGE)
        self.lex = PersonLexicon(titles=titles, professions=professions, name_first=name_first, cues=cues,
                                 heads=heads, surnames=surnames, words=words, industry_words=industry_words)

    def __call__(self, doc: Doc) -> Doc:
        candidates = doc._.candidates
        scan = PeopleScan(doc._.text, doc._.folded, list(candidates), self.lex, doc._.spaces or frozenset())
        for found in self.rules:  # no name runs across a space between names (记者 贺明 冒青)
            names = (bounded(scan, c) for c in found.func(scan) if not scan.space_cuts(c.start, c.end))
            candidates.extend(c for c in names if c is not None)
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
        "industry_words": "patterns/industry_words.txt",
    },
    assigns=["doc._.candidates"],
    requires=["doc._.candidates"],
)
def make_people(nlp: Language, name: str, rules: list[str], titles: str, professions: str, name_first: str, cues: str,
                heads: str, surnames: list[str], words: str, industry_words: str) -> PersonRecognizer:
    return PersonRecognizer(nlp, name, rules=rules, titles=titles, professions=professions, name_first=name_first,
                            cues=cues, heads=heads, surnames=surnames, words=words, industry_words=industry_words)
