"""The words of the people rules: titles, cue words, head words, surnames; and one document's scan."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..affixes import Affixes
from ..candidates import Candidate, SpanIndex
from ..common_words import common_words
from ..data import load_words
from ...folding import fold
from ..marks import CLOSE, HARD_BOUNDARIES, OPEN
from ..matcher import WordMatcher
from ..rules import reads, rule, stage_cues

__all__ = ["IDEOGRAPHS", "PeopleScan", "PersonLexicon", "STAGE", "people_rule"]

STAGE = "kg_people"


def people_rule(rule_id: str) -> Callable[[Callable], Callable]:
    """Register a rule of ``kg_people``."""
    return rule(rule_id, stage=STAGE)


IDEOGRAPHS = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
_MAX_NAME = 5  # 小野寺光男: a three-character Japanese surname and a two-character given name
_MAX_LONG_NAME = 6  # 长谷川健太郎: a three-character surname and a three-character given name
#: Tags of the words after 也 (also) that make it an adverb, no end of a given name: prepositions, adverbs,
#: conjunctions (垂秀夫也在, 也将, 也都).
_LINKING_TAGS = frozenset({"p", "d", "c"})
_COMMON_RANK = 200  # the commonest Chinese surnames (of the frequency-ranked list)

reads(STAGE, "PersonLexicon", "leader_cues", "byline_pattern", "ambiguous_cues", "name_openers", "post_verbs", "honorifics", "honored_openers", "list_person_nouns", "list_item_stops", "list_ends", "list_joins", "place_bodies", "title_modifiers", "time_chars", "place_name_ends", "body_name_ends", "cited_outlet_pattern", "header_date_pattern", "header_stamp_pattern", "department_ends", "title_departments", "title_inside_words", "title_no_name_words", "representative_words", "representative_body_ends", "given_name_ends", "given_name_starts", "counting_chars", "photo_credit_mark", "photo_credit_words", "name_breaking_cues", "post_taking_words", "speech_cues", "speaker_openers", "speaker_stops")


class PersonLexicon:
    """Titles, cue words, head words and surnames, and the tests on names made with them."""

    def __init__(self, *, titles: str, professions: str, name_first: str, cues: str, heads: str,
                 surnames: Iterable[str], words: str, industry_words: str = "patterns/industry_words.txt") -> None:
        extra = stage_cues(words, "people", STAGE)
        self.name_first = frozenset(fold(t) for t in load_words(name_first))
        title_words = [fold(title) for title in load_words(titles) + load_words(professions)]
        self.titles = WordMatcher(title_words)
        # a byline's role ends a name too (记者戴至荷实习记者马弘杨)
        self.title_prefixes = Affixes([*title_words, *(fold(w) for w in extra["byline_roles"])])
        self.cues = tuple(sorted({fold(c) for c in load_words(cues)}, key=len, reverse=True))
        self.long_cues = tuple(c for c in self.cues if len(c) >= 2)
        self.cue_suffixes = Affixes(self.cues)
        self._long_cue_re = re.compile("|".join(re.escape(c) for c in self.long_cues) or "(?!)")
        self.heads = tuple(sorted({fold(h) for h in load_words(heads)}, key=len, reverse=True))
        self.head_patterns = tuple(re.compile(re.escape(head)) for head in self.heads)
        self.surnames = frozenset(fold(s) for path in surnames for s in load_words(path))
        # the lists go from the commonest surname down: the rank of the first list, then the next
        self._ranks: dict[str, int] = {}
        for offset, path in enumerate(surnames):
            for rank, surname in enumerate(load_words(path)):
                self._ranks.setdefault(fold(surname), 1000 * offset + rank)
        self.leader_cues = re.compile("|".join(re.escape(w) for w in extra["leader_cues"]))
        self.byline = extra["byline_pattern"]
        self.ambiguous = frozenset(extra["ambiguous_cues"])  # one-character cues common in names (高桥和也)
        self.given_name_ends = frozenset(extra["given_name_ends"])  # cues that end Japanese given names (智则)
        self.given_name_starts = frozenset(extra["given_name_starts"])  # cues that open them (将人)
        self.counting = frozenset(extra["counting_chars"])  # no name's in a title's slot (总领事一职)
        self.photo_mark = extra["photo_credit_mark"]  # closes a photographer's credit (王明摄)
        self.photo_words = frozenset(extra["photo_credit_words"])  # 摄影, 摄氏: the mark opens a word
        self.name_breaking = frozenset(extra["name_breaking_cues"])  # cues inside no given name (晋升为)
        self.words = {key: Affixes(fold(w) for w in extra[key]) for key in ("name_openers", "title_modifiers")}
        self.words["post_verbs"] = tuple(fold(w) for w in extra["post_verbs"])
        self.words["post_taking_words"] = frozenset(fold(w) for w in extra["post_taking_words"])  # 履任驻日
        self.words["honorifics"] = tuple(fold(w) for w in extra["honorifics"])
        self.words["honored_openers"] = tuple(fold(w) for w in extra["honored_openers"])  # 因王建国先生
        self.words["leader_cues"] = tuple(fold(w) for w in extra["leader_cues"])
        self.speech_cues = tuple(sorted({fold(w) for w in extra["speech_cues"]}, key=len, reverse=True))
        # trade words continue a company's name, no given name (丰田汽车, 荏原精密)
        self.industry = Affixes(fold(w) for w in load_words(industry_words))
        self.common_words = common_words()  # the language's common words bound names (经常回国)
        self.speaker_openers = tuple(fold(w) for w in extra["speaker_openers"])  # 据李明介绍说
        self.speaker_stops = frozenset(fold(extra["speaker_stops"]))  # no name of a speaker holds one (日方, 双方均)
        self.list_item_stops = frozenset(fold(extra["list_item_stops"]))  # fewer: a list's titles are checked apart
        self.words["title_departments"] = tuple(fold(w) for w in extra["title_departments"])
        self.words["title_inside_words"] = tuple(fold(w) for w in extra["title_inside_words"])
        self.words["title_departments"] += tuple(fold(w) for w in extra["title_no_name_words"])  # no person follows
        self.words["list_ends"] = tuple(fold(w) for w in extra["list_ends"])
        self.words["list_joins"] = tuple(fold(w) for w in extra["list_joins"])
        self.words["list_person_nouns"] = tuple(fold(w) for w in extra["list_person_nouns"])
        self.words["representative_words"] = tuple(fold(w) for w in extra["representative_words"])
        self.words["place_bodies"] = tuple(fold(w) for w in extra["place_bodies"])
        self.time_chars = frozenset(extra["time_chars"])
        self.words["department_ends"] = frozenset(extra["department_ends"])
        self.words["place_name_ends"] = frozenset(extra["place_name_ends"])
        self.words["body_ends"] = frozenset(extra["body_name_ends"])
        self.words["representative_body_ends"] = frozenset(extra["representative_body_ends"])
        self.byline_words: dict[str, object] = {
            key: Affixes(fold(w) for w in extra[key])
            for key in ("byline_roles", "byline_role_marks", "dateline_words", "dateline_fillers", "outlet_suffixes",
                        "home_outlets", "source_words", "release_marks", "credit_stops", "credit_units")}
        self.byline_words["byline_unit_roles"] = frozenset(fold(w) for w in extra["byline_unit_roles"])
        self.cited_outlet = extra["cited_outlet_pattern"]
        self.header_date = extra["header_date_pattern"]  # a header line's date (2018-09-29, 2010年5月9日)
        self.header_stamp = extra["header_stamp_pattern"]  # its dates and times
        self.byline_words["byline_ends"] = tuple(sorted(extra["byline_ends"], key=len, reverse=True))
        self.byline_words["dateline_open"] = frozenset(extra["dateline_open_words"])
        self.byline_marks = WordMatcher(fold(w) for w in extra["byline_role_marks"])
        self.byline_words["filler_list"] = tuple(fold(w) for w in extra["dateline_fillers"])
        self.byline_words["home_list"] = tuple(fold(w) for w in extra["home_outlets"])
        self.byline_matcher = WordMatcher(fold(w) for key in ("byline_roles", "byline_ends", "dateline_words", "source_words")
                                          for w in extra[key])
        self.byline_words["outlet_brackets"] = tuple(extra["outlet_brackets"])  # pairs: 【】
        self.byline_words["outlet_openers"] = tuple(extra["outlet_openers"])  # 据
        for key in ("byline_bullets", "byline_joiners", "byline_separators", "date_marks", "garbled_marks"):
            self.byline_words[key] = frozenset(extra[key])

    def after_outlet_opener(self, text: str, start: int, end: int) -> int:
        """Past a word that opens a byline's report, not the outlet's name (据河北日报12日消息 → 河北日报)."""
        return start + next((len(w) for w in self.byline_words["outlet_openers"]
                             if text.startswith(w, start) and end - start - len(w) >= 2), 0)

    def has_surname(self, name: str) -> bool:
        return name[:1] in self.surnames or name[:2] in self.surnames or name[:3] in self.surnames

    def surname_rank(self, name: str, length: int) -> int | None:
        """How common the surname of a ``length``-character name is (0 the commonest), ``None``
        without one: a one-character surname before one or two characters, a two-character one
        before one or two (欧阳婧, 司马相如)."""
        ranks = [self._ranks.get(name[:1])] if length <= 3 else []
        if length >= 3:
            ranks.append(self._ranks.get(name[:2]))
        found = [r for r in ranks if r is not None]
        return min(found) if found else None

    def common_surname(self, name: str) -> bool:
        """A two-character name that is a common Chinese surname and a given name (李强), or a
        Japanese surname alone (田中)."""
        rank = self._ranks.get(name[:1])
        return (rank is not None and rank < _COMMON_RANK) or (name in self.surnames and self._ranks[name] >= 1000)

    def surname_cue(self, name: str) -> bool:
        """省长于浩川: a three-character name may open with a cue word that is a common surname (于, 向),
        but not 于近日, 向今年…"""
        rank = self._ranks.get(name[:1])
        return len(name) == 3 and rank is not None and rank < _COMMON_RANK and name[:1] in self.cues \
            and not any(ch in self.time_chars for ch in name[1:])

    def name_after(self, text: str, start: int, *, five: bool = False) -> int | None:
        """End of a name starting at ``start``: before punctuation or a cue word.

        The longest such name of 2–4 characters wins (高桥和也表示: 和 may be a cue, but
        高桥和也 ends at 表示); five characters only for a listed surname of two or three
        characters, or where the context vouches for the name (``five``: 所长角屋荣二郎公布); six
        only for a listed surname of three (会长长谷川健太郎、).
        """
        best = None
        ambiguous = False
        for length in range(2, _MAX_LONG_NAME + 1):
            end = start + length
            if end > len(text) or not IDEOGRAPHS.match(text[start:end]):
                break
            if length == _MAX_LONG_NAME and (text[start:start + 3] not in self.surnames or best is not None):
                break  # six characters only after a listed three-character surname
            if length <= 3 and end < len(text) and text[end].isascii() and text[end].isalnum():
                if ambiguous and best == end - 1:
                    return best  # 书记杨宏与10家企业: 与 (with) ends the name before the number
                return end  # 通讯员于海洋1月15日: a name ends where the ideographs end
            if length == _MAX_NAME and not (five or text[start:start + 3] in self.surnames
                                            or text[start:start + 2] in self.surnames):
                break  # 小野寺光男, 松本健太郎
            if length == _MAX_NAME and text[start:start + 3] not in self.surnames and text[end - 1] in self.cues:
                break  # 坂本一郎也在…, 西村拓也等: after a two-character surname no given name ends in 也 or 等
            if self._long_cue_re.search(text[start:end]):
                break  # 王龚表示 is no name: it holds a cue word of two or more characters
            if length == 4 and text[start + 1] in self.ambiguous and text[start:start + 2] not in self.surnames:
                break  # 摄影展和演讲: a one-character surname, then 和 (and), is no four-character name
            if end == len(text) or text[end] in HARD_BOUNDARIES or text[end] in OPEN + CLOSE \
                    or self.title_at(text, end) or text.startswith(self.long_cues, end):
                return best if ambiguous and self._ends_before_cue(text, start, best, end) else end
            if text.startswith(self.cues, end):
                if self._given_name_goes_on(text, start, end, vouched=five):
                    continue  # 局长中村光则就, 公使臼井将人以及: the cue is inside a Japanese given name
                if text[end] not in self.ambiguous and not ambiguous:
                    return end
                # 高桥和也表示, 宫本达也率: after 和/也, which may end the name or belong to it,
                # a later end is the better one
                if ambiguous and self._cue_ends_name(text, start, best, end):
                    return best
                ambiguous = True
                best = end
        return best

    def _given_name_goes_on(self, text: str, start: int, end: int, *, vouched: bool = False) -> bool:
        """The one-character cue at ``end`` is inside a Japanese given name after a listed surname of two
        characters: one that ends given names (则, 来) where a name may end right after it (局长中村光则就,
        学生渡边未来在); one that opens them (将, 作) where a name of four or five characters holding no
        other cue ends well (公使臼井将人以及, 会长代行谷野作太郎、; 田中将访华, 田中将于 stay 田中).
        Where the context vouches for the name (``vouched``: a body's title before it), a name ending
        character goes on a four-character name of an unlisted surname too (株式会社社长三坂大作，)."""
        if end - start == 3 and text[end] in self.given_name_ends \
                and (vouched or self._japanese_surname(text[start:start + 2])):
            return self.ends_name(text, end + 1)
        if not self._japanese_surname(text[start:start + 2]):
            return False
        if end - start != 2 or text[end] not in self.given_name_starts:
            return False
        for length in (4, _MAX_NAME):
            stop = start + length
            if stop > len(text) or not IDEOGRAPHS.match(text[start:stop]) \
                    or any(text.startswith(self.cues, i) for i in range(end + 1, stop)):
                return False
            if self.ends_name(text, stop):
                return True
        return False

    def _ends_before_cue(self, text: str, start: int, best: int, end: int) -> bool:
        """Where a longer name ends at a mark or a title, the one-character cue at ``best`` ends it instead: 也
        (also) after a listed surname of two alone (总领事横井也随团), or see :meth:`_cue_ends_name`."""
        if best == end - 1 and best - start == 2 and text[start:best] in self.surnames:
            return True
        return self._cue_ends_name(text, start, best, end)

    def _cue_ends_name(self, text: str, start: int, best: int, end: int) -> bool:
        """The one-character cue at ``best`` (也, 与, 和) ends the name, though a longer one ends at ``end``,
        where no listed surname of two or three characters opens it (高桥和也表示 is one name): a name of five
        joins two (副局长何琳与舟桥副议长), and a name of three or more ends before the cue where a preposition,
        adverb or conjunction follows it (大使垂秀夫也在致辞中说; but 知事达增拓也一行, 森和也表示)."""
        if text[start:start + 2] in self.surnames or text[start:start + 3] in self.surnames:
            return False
        if end - start >= _MAX_NAME:
            return True
        after = self.common_words.opening(text, best + 1, shortest=1)
        return best - start >= 3 and after is not None and self.common_words.tags[after] in _LINKING_TAGS

    def _japanese_surname(self, name: str) -> bool:
        return self._ranks.get(name, -1) >= 1000  # the Japanese list comes after the Chinese one

    def ends_name(self, text: str, at: int) -> bool:
        """A name may end at ``at``: the text's end, a mark, a cue word or a title."""
        return at >= len(text) or text[at] in HARD_BOUNDARIES or text[at] in OPEN + CLOSE \
            or text.startswith(self.cues, at) or self.title_at(text, at)

    def title_at(self, text: str, at: int) -> bool:
        """记者陈嘉欣通讯员黄晓敏: a name ends where the next title begins."""
        return self.title_prefixes.longest_prefix(text, at, end=min(len(text), at + 8)) is not None

    def starts_with_title(self, text: str, start: int) -> bool:
        """学者围绕 is no name: a name does not begin with a title or profession."""
        return self.title_prefixes.longest_prefix(text, start, end=min(len(text), start + 4)) is not None


@dataclass
class PeopleScan:
    """One document as the people rules see it: its text and the names found before them."""

    raw: str
    text: str  # folded
    candidates: list[Candidate]
    lex: PersonLexicon
    spaces: frozenset[int] = frozenset()  # where the source had a space between two ideographs
    _memo: dict = field(default_factory=dict)

    def index(self, name: str, keep: Callable[[Candidate], bool]) -> SpanIndex:
        """The spans of the candidates ``keep`` keeps (``name`` caches it)."""
        if name not in self._memo:
            self._memo[name] = SpanIndex((c.start, c.end) for c in self.candidates if keep(c))
        return self._memo[name]

    @property
    def blocked(self) -> SpanIndex:
        """Listed names other than people: no name overlaps one."""
        return self.index("blocked", lambda c: c.source == "gazetteer" and c.label != "Person")

    def space_cuts(self, start: int, end: int) -> list[int]:
        """Where the source had a space inside ``[start, end)`` with two ideographs or more on each side
        (记者 贺明 冒青: two names; 记者 张 波 pads a two-character name, no cut)."""
        cuts = [i for i in sorted(self.spaces) if start + 2 <= i <= end - 2] if self.spaces else []
        return [i for k, i in enumerate(cuts) if i - (cuts[k - 1] if k else start) >= 2
                and (cuts[k + 1] if k + 1 < len(cuts) else end) - i >= 2]

    def person(self, start: int, end: int, rule_id: str, priority: int, job_title: str | None = None) -> Candidate:
        return Candidate(start, end, "Person", self.raw[start:end], "person", priority=priority, job_title=job_title,
                         rule=rule_id)


