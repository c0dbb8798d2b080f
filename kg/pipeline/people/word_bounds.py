"""Where a person's name ends against the common words of the language (jieba's dictionary,
``gazetteers/sources/common_words.tsv``): a name opens with no common word (领导经常回国, 总领事代理刘宏:
刘宏), and a name that a shorter form stands for alone elsewhere in the text ends there when the
rest opens a verb or a function word (总领事星山隆参与了, 星山隆 standing alone: 星山隆). Read by
``kg_people`` (:mod:`kg.pipeline.people`) on every name its rules propose."""

from __future__ import annotations

from ..candidates import Candidate
from ..common_words import CommonWords
from ..marks import HARD_BOUNDARIES
from .lexicon import IDEOGRAPHS, PeopleScan, PersonLexicon

__all__ = ["bounded", "loose_slot", "name_before_word", "slot_name"]

#: Tags of words that are no part of a name after it: verbs, adverbs, prepositions, conjunctions,
#: particles, pronouns (参与, 曾, 用, 与, 了, 其).
_FUNCTION_TAGS = frozenset({"v", "vd", "vn", "d", "ad", "p", "c", "u", "r"})
#: Marks inside a foreign name written in ideographs (帕瓦·若尔特).
_NAME_GOES_ON = frozenset("·•・")


def _opens_function_word(words: CommonWords, text: str, at: int) -> bool:
    """A verb or a function word starts at ``at`` (参与, 曾, 用)."""
    word = words.opening(text, at, shortest=1)
    return word is not None and words.tags[word] in _FUNCTION_TAGS


def bounded(scan: PeopleScan, candidate: Candidate) -> Candidate | None:
    """``candidate`` with its name's bounds set by the common words of the language, ``None`` where it
    is no name (see :func:`_opening_word`, :func:`_shorter_form`); the people rules' other
    candidates (a byline's outlet) as they are."""
    if candidate.label != "Person":
        return candidate
    start = _opening_word(scan, candidate.start, candidate.end)
    if start is None:
        return None
    end = _shorter_form(scan, start, candidate.end)
    if (start, end) == (candidate.start, candidate.end):
        return candidate
    return candidate._replace(start=start, end=end, text=scan.raw[start:end])


def _opening_word(scan: PeopleScan, start: int, end: int) -> int | None:
    """The start of the name, ``None`` for no name: a name opens with no common word whose first
    character is no common surname and whose opening is no listed surname (领导干部, 领导经常互访, 学生家庭住宿外,
    华侨经常回国); a name with a common surname may follow the word (总领事代理刘宏 → 刘宏). A listed surname
    (山路诚一) or a common one (高峰, 王国雄) keeps the name whole, unless two words make it (董事常务执行役)."""
    text, lex = scan.text, scan.lex
    words = lex.common_words
    word = words.opening(text, start)
    if word is None or any(text[start:start + k] in lex.surnames for k in (2, 3)):
        return start
    rest = start + len(word)
    two_words = end - rest >= 2 and words.opening(text, rest) is not None
    if lex.common_surname(text[start:start + 2]):
        return None if two_words else start
    if end - rest < 2 or two_words:
        return None  # 干部, 经常互(访), 家庭住宿外: words, no name
    return rest if lex.common_surname(text[rest:rest + 2]) else start  # 代理刘宏; 山路诚一 stays


def _shorter_form(scan: PeopleScan, start: int, end: int) -> int:
    """The end of the name: a shorter form of it (two characters or more) that stands alone elsewhere
    in the text where a name may end ends it where the rest opens a verb or a function word
    (星山隆参与了 with 星山隆 alone: 参与; 陶勇用流利的日语 with 陶勇指出: 用)."""
    text, lex = scan.text, scan.lex
    if text[end:end + 1] == "、":
        return end  # 议长每熊正直、副议长: a list's mark after the rest, no verb's object
    for stop in range(end - 1, start + 1, -1):
        if not _opens_function_word(lex.common_words, text, stop):
            continue
        form, rest = text[start:stop], text[stop:end]
        if form in lex.surnames or form in lex.common_words.tags:
            continue  # 高桥和也 with 高桥 alone: a surname alone stands for the whole name; 常务 is a word
        at = text.find(form)
        while at >= 0:
            if at != start and not text.startswith(rest, at + len(form)) and lex.ends_name(text, at + len(form)):
                return stop
            at = text.find(form, at + 1)
    return end


def name_before_word(lex: PersonLexicon, text: str, start: int) -> int | None:
    """The end of a name right after a title where no mark or cue word closes it, but a common word of
    the language opens right after it (总领事薛剑拜会, 海外委员莫邦富召集, 董事长藤原信光第一次): the longest of
    two or three characters (four after a listed two-character surname) that is no common word and opens
    none (市长高度重视: 高度 is a word, no name) and holds no cue word. The caller asks for a listed surname."""
    words = lex.common_words
    for length in (4, 3, 2):
        end = start + length
        name = text[start:end]
        if end > len(text) or not IDEOGRAPHS.match(name) or length == 4 and name[:2] not in lex.surnames \
                or any(text.startswith(lex.cues, i) for i in range(start + 1, end)):
            continue  # 摄影展和演讲: a cue word (和) inside is no given name's
        if words.opening(name, 0) is None and words.opening(text, end) is not None:
            return end
    return None


def slot_name(lex: PersonLexicon, text: str, start: int, end: int) -> bool:
    """What fills a title's slot up to a mark or a verb or function word of the language is a name when
    it has the length and characters of one, whatever its surname (石川县知事驰浩、, 副市长于冲参加,
    议长每熊正直、): two to four ideographs that are no common word of the language (a name of jieba's
    list is one), open none unless a listed surname opens them (藤本康), and that no common word
    crosses at their end (市长高度重视: 高度 opens the slot, no name)."""
    name, words = text[start:end], lex.common_words
    if not 2 <= len(name) <= 4 or not IDEOGRAPHS.match(name) or text[end:end + 1] in _NAME_GOES_ON \
            or any(ch in lex.time_chars or ch in lex.counting for ch in name):
        return False  # 帕瓦·若尔特 goes on; 县长年来, 总领事一职, 社长逾百人: a word of time, of counting
    if name in words.tags:
        return words.tags[name] == "nr"
    if words.opening(name, 0) is not None and not any(name[:k] in lex.surnames for k in (2, 3)):
        return False
    for i in range(start + 1, end):
        word = words.opening(text, i)
        if word is not None and i + len(word) > end:
            return False  # a word of the language runs across the name's end
    return end >= len(text) or text[end] in HARD_BOUNDARIES or _opens_function_word(words, text, end)


def loose_slot(lex: PersonLexicon, text: str, title_start: int, start: int) -> bool:
    """A title no body or place vouches for holds a name in its slot too (see :func:`slot_name`: 团长绵矢梨沙表示),
    unless the fill opens with a function word that is no common surname (两位市长均称, 副省长才…) or the
    title is part of a longer word of the language (执行委员会最高顾问, 留学生外派)."""
    words = lex.common_words
    if words.tags.get(text[start]) in _FUNCTION_TAGS and not lex.common_surname(text[start:start + 2]):
        return False
    for i in range(max(0, title_start - 2), start):
        word = words.opening(text, i)
        if word is not None and (i < title_start < i + len(word) or i < start < i + len(word)):
            return False
    return True
