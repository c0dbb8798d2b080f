"""``kg_people``: people's names, found from their titles and their place in the text.

* after a title, up to a cue word or punctuation: 市委书记杜小刚分别讲话, 会长茂吕周平、;
* before a title: 习近平总书记;
* in a list after a head word: 市领导许峰、周文栋、吴建元参加活动;
* bylines: a paragraph that is only a name, （高美梅） at a paragraph's end, 洪波摄.

Names in lists, bylines and before titles must start with a known Chinese or
Japanese surname; a name between a title and a cue word need not (茂吕周平).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .affixes import Affixes
from .candidates import Candidate, SpanIndex
from .data import load_words
from .fold import fold
from .matcher import WordMatcher
from .shapes import HARD_BOUNDARIES

__all__ = ["PersonRecognizer"]

#: 王建国率…, 王建国带队, 王建国一行: a three-character name before one of these opens a clause.
_LEADER_CUES = re.compile("率|带队|一行")
_CLAUSE_STARTS = frozenset("，。；！？：”\n")
_IDEOGRAPHS_3 = re.compile("[\u4e00-\u9fff]{3}")
#: A byline: a short name alone at the end of a line, after a sentence or on its own (（王明）, 王明摄).
_BYLINE = re.compile("[（(]?([\u4e00-\u9fff]{2,3}?)[)）]?(?:摄|/文|文)?")
_BYLINE_STARTS = frozenset("。！？”\n")
_BYLINE_REACH = 8  # the longest byline: （ + 3 characters + ） + /文


def _leader_spans(text: str):
    """Three ideographs at a clause start before 率, 带队 or 一行.

    The same spans as ``(?:^|(?<=[，。；！？：”\n]))([\u4e00-\u9fff]{3})(?=率|带队|一行)``
    (multiline), found from the cue words, which are rare.
    """
    for cue in _LEADER_CUES.finditer(text):
        start, end = cue.start() - 3, cue.start()
        if start >= 0 and (start == 0 or text[start - 1] in _CLAUSE_STARTS) and _IDEOGRAPHS_3.fullmatch(text, start, end):
            yield start, end


def _byline_matches(text: str):
    """Each line's byline, if it ends in one.

    The same matches as ``(?:^|(?<=[。！？”\n]))`` + :data:`_BYLINE` + ``(?=\n|$)`` (multiline),
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
        match = _BYLINE.fullmatch(text, left, end)
        if match:
            yield match

_IDEOGRAPH = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
_MAX_NAME = 5  # 小野寺光男: a three-character Japanese surname and a two-character given name
_CLOSERS = ")）"
#: One-character cue words that are also common in names (高桥和也, 阿部正和).
_BODY_LABELS = frozenset({"Company", "Organization", "GovernmentBody"})
_AMBIGUOUS_CUES = frozenset("和与及同也")  # 高桥和也, 宫本达也


class PersonRecognizer:
    """Proposes Person candidates with their job titles."""

    def __init__(self, nlp: Language, name: str, *, titles: str, professions: str, name_first: str, cues: str,
                 heads: str, surnames: list[str]) -> None:
        self.name = name
        self.name_first = frozenset(fold(t) for t in load_words(name_first))
        title_words = [fold(title) for title in load_words(titles) + load_words(professions)]
        self.titles = WordMatcher(title_words)
        self.title_prefixes = Affixes(title_words)
        self.cues = tuple(sorted({fold(c) for c in load_words(cues)}, key=len, reverse=True))
        self.long_cues = tuple(c for c in self.cues if len(c) >= 2)
        self._long_cue_re = re.compile("|".join(re.escape(c) for c in self.long_cues) or "(?!)")
        self.heads = tuple(sorted({fold(h) for h in load_words(heads)}, key=len, reverse=True))
        self._head_patterns = tuple(re.compile(re.escape(head)) for head in self.heads)
        self.surnames = frozenset(fold(s) for path in surnames for s in load_words(path))

    # ------------------------------------------------------------------ helpers
    def has_surname(self, name: str) -> bool:
        return name[:1] in self.surnames or name[:2] in self.surnames or name[:3] in self.surnames

    def _strong_cue_inside(self, name: str) -> bool:
        """王龚表示 is no name: it holds a cue word of two or more characters."""
        return bool(self._long_cue_re.search(name))

    def _cue_at(self, text: str, i: int) -> bool:
        return text.startswith(self.cues, i)

    def _name_after(self, text: str, start: int) -> int | None:
        """End of a name starting at ``start``: before punctuation or a cue word.

        The longest such name of 2–4 characters wins (高桥和也表示: 和 may be a cue, but
        高桥和也 ends at 表示); five characters only for a three-character surname.
        """
        best = None
        ambiguous = False
        for length in range(2, _MAX_NAME + 1):
            end = start + length
            if end > len(text) or not _IDEOGRAPH.match(text[start:end]):
                break
            if length <= 3 and end < len(text) and text[end].isascii() and text[end].isalnum():
                return end  # 通讯员于海洋1月15日: a name ends where the ideographs end
            if length == _MAX_NAME and not (text[start:start + 3] in self.surnames or text[start:start + 2] in self.surnames):
                break  # 小野寺光男, 松本健太郎
            if length == _MAX_NAME and text[start:start + 3] not in self.surnames and text[end - 1] in self.cues:
                break  # 坂本一郎也在…, 西村拓也等: after a two-character surname no given name ends in 也 or 等
            if self._strong_cue_inside(text[start:end]):
                break
            if end == len(text) or text[end] in HARD_BOUNDARIES or text[end] in "（(" + _CLOSERS \
                    or self._title_at(text, end):
                return end
            if text.startswith(self.long_cues, end):
                return end
            if self._cue_at(text, end):
                if text[end] not in _AMBIGUOUS_CUES and not ambiguous:
                    return end
                # 高桥和也表示, 宫本达也率: after 和/也, which may end the name or belong to it,
                # a later end is the better one
                ambiguous = True
                best = end
        return best

    def _title_at(self, text: str, at: int) -> bool:
        """记者陈嘉欣通讯员黄晓敏: a name ends where the next title begins."""
        return self.title_prefixes.longest_prefix(text, at, end=min(len(text), at + 8)) is not None

    def _starts_with_title(self, text: str, start: int) -> bool:
        """学者围绕 is no name: a name does not begin with a title or profession."""
        return self.title_prefixes.longest_prefix(text, start, end=min(len(text), start + 4)) is not None

    @staticmethod
    def _crossed(start: int, end: int, spans: SpanIndex) -> bool:
        """A listed name crosses the name's edges, or is the whole name (a name may hold one: 久保田诚)."""
        return any(not (start <= s and e <= end and (s, e) != (start, end)) for s, e in spans.overlapping(start, end))

    @staticmethod
    def _blocked(start: int, end: int, spans: SpanIndex) -> bool:
        return bool(spans.overlapping(start, end))

    # ------------------------------------------------------------------ passes
    def _after_titles(self, doc: Doc, text: str, blocked: SpanIndex) -> list[Candidate]:
        raw = doc._.text
        found = []
        occupied = SpanIndex((c.start, c.end) for c in doc._.candidates)
        # a name a shape crosses is no name: 东莞市长安镇 holds the title 市长 but 长安镇 is a town
        shaped = SpanIndex((c.start, c.end) for c in doc._.candidates if c.source == "shape" and c.label != "Person")
        occurrences = sorted(self.titles.find(text), key=lambda o: (o[0], -(o[1] - o[0])))
        longest: dict[int, str] = {}
        reach = -1
        for _, end, title in occurrences:
            if end <= reach:
                continue  # 理事 inside 理事长: only the whole title introduces the name
            reach = end
            if len(title) > len(longest.get(end - 1, "")):
                longest[end - 1] = title
        # a body or company right before the title vouches for a name without a listed surname
        # (无锡日本商会会长茂吕周平); elsewhere a name needs one (记者采访时 holds none)
        body_ends = {c.end for c in doc._.candidates if c.label in _BODY_LABELS}
        for end_index, title in sorted(longest.items()):
            start = end_index + 1
            end = self._name_after(text, start)
            if end is not None and (self.has_surname(text[start:end])
                                    or (end - start >= 3 and start - len(title) in body_ends)) \
                    and not self._crossed(start, end, blocked) and not self._crossed(start, end, shaped) \
                    and not text.startswith(self.cues, start) \
                    and not self._starts_with_title(text, start):
                found.append(Candidate(start, end, "Person", raw[start:end], "person", priority=15, job_title=title))
                continue
            # 习近平总书记: a name right before the titles that follow names
            title_start = start - len(title)
            if title not in self.name_first:
                continue
            for length in (3,):
                name_start = title_start - length
                if name_start < 0:
                    continue
                name = text[name_start:title_start]
                if _IDEOGRAPH.match(name) and self.has_surname(name) \
                        and not self._blocked(name_start, title_start, occupied):
                    found.append(Candidate(name_start, title_start, "Person", raw[name_start:title_start],
                                           "person", priority=14, job_title=title))
                    break
        return found

    def _lists(self, doc: Doc, text: str, blocked: SpanIndex) -> list[Candidate]:
        raw = doc._.text
        found = []
        for head, pattern in zip(self.heads, self._head_patterns):
            for match in pattern.finditer(text):
                i = match.end()
                title = head
                while i < len(text):
                    end = self._name_after(text, i)
                    if end is None or not self.has_surname(text[i:end]) or self._blocked(i, end, blocked):
                        break
                    found.append(Candidate(i, end, "Person", raw[i:end], "person", priority=14, job_title=title))
                    if end < len(text) and text[end] == "、":
                        i = end + 1
                        continue
                    break
        return found

    def _leaders(self, doc: Doc, text: str, blocked: SpanIndex) -> list[Candidate]:
        """王建国率青岛市经贸代表团…: a three-character name right before 率 at a clause start."""
        raw = doc._.text
        found = []
        for start, end in _leader_spans(text):
            if self.has_surname(text[start:end]) and not self._blocked(start, end, blocked) \
                    and not self._starts_with_title(text, start):
                found.append(Candidate(start, end, "Person", raw[start:end], "person", priority=12))
        return found

    def _bylines(self, doc: Doc, text: str, blocked: SpanIndex) -> list[Candidate]:
        raw = doc._.text
        found = []
        for match in _byline_matches(text):
            start, end = match.span(1)
            name = text[start:end]
            if self.has_surname(name) and not self._blocked(start, end, blocked):
                found.append(Candidate(start, end, "Person", raw[start:end], "person", priority=13))
        return found

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.folded
        blocked = SpanIndex((c.start, c.end) for c in doc._.candidates if c.source == "gazetteer" and c.label != "Person")
        people = (self._after_titles(doc, text, blocked) + self._lists(doc, text, blocked)
                  + self._bylines(doc, text, blocked) + self._leaders(doc, text, blocked))
        doc._.candidates.extend(people)
        return doc


@Language.factory(
    "kg_people",
    default_config={
        "titles": "patterns/titles.txt",
        "professions": "patterns/professions.txt",
        "name_first": "patterns/name_first_titles.txt",
        "cues": "patterns/person_cues.txt",
        "heads": "patterns/leader_heads.txt",
        "surnames": ["gazetteers/surnames_cn.txt", "gazetteers/surnames_jp.txt"],
    },
    assigns=["doc._.candidates"],
    requires=["doc._.candidates"],
)
def make_people(nlp: Language, name: str, titles: str, professions: str, name_first: str, cues: str, heads: str,
                surnames: list[str]) -> PersonRecognizer:
    return PersonRecognizer(nlp, name, titles=titles, professions=professions, name_first=name_first, cues=cues,
                            heads=heads, surnames=surnames)
