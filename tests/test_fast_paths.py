"""The fast paths give the answers of the plain code they replace, on random text.

Speed work replaced loops over word lists and regex scans by set lookups,
Aho-Corasick and bounded searches; these properties pin them to the simple
definitions.
"""

from __future__ import annotations

import random
import re

import pytest

from kg.pipeline.affixes import Affixes
from kg.pipeline.matcher import WordMatcher

ALPHABET = list("苏州无锡高新区有限公司和、，。等企业日本株式会社") + ["\n"]
WORDS = ["苏州", "苏州高新区", "高新区", "新区", "有限公司", "公司", "株式会社", "会社", "日本", "企业", "和"]


def random_texts(seed: int, count: int = 400, longest: int = 80) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def naive_find(words: list[str], text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    end = len(text) if end is None else end
    found = []
    for word in set(words):
        at = text.find(word, start, end)
        while at >= 0:
            found.append((at, at + len(word), word))
            at = text.find(word, at + 1, end)
    return sorted(found)


@pytest.mark.parametrize("dfa", [True, False])
def test_word_matcher_finds_every_occurrence(dfa):
    matcher = WordMatcher(WORDS, dfa=dfa)
    for text in random_texts(1):
        assert matcher.find(text) == naive_find(WORDS, text)
        assert matcher.find(text, 3, max(3, len(text) - 2)) == naive_find(WORDS, text, 3, max(3, len(text) - 2))


def test_affixes_match_the_longest_first_loops():
    by_length = sorted(WORDS, key=len, reverse=True)
    affixes = Affixes(WORDS)
    for text in random_texts(2, longest=12):
        for rest in (0, 1, 2):
            expected_suffix = next((w for w in by_length if text.endswith(w) and len(text) - len(w) >= rest), None)
            expected_prefix = next((w for w in by_length if text.startswith(w) and len(text) - len(w) >= rest), None)
            assert affixes.longest_suffix(text, min_rest=rest) == expected_suffix
            assert affixes.longest_prefix(text, min_rest=rest) == expected_prefix


def _list_scanner(nlp):
    from kg.pipeline.entities import ListScanner

    words = nlp.get_pipe("kg_entities").lex.words
    return ListScanner(words["list_pattern"], words["list_first_item_pattern"]), words["list_pattern"]


@pytest.mark.parametrize("seed", [3, 4])
def test_enumerations_are_found_as_by_a_full_regex_scan(nlp, seed):
    scanner, pattern = _list_scanner(nlp)
    for text in random_texts(seed, count=300, longest=120):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in scanner.finditer(text)] == expected


def test_enumeration_scan_on_prose(nlp):
    scanner, pattern = _list_scanner(nlp)
    text = "拜访了丰田、松下、日立等企业，并与苏州、无锡和常州的企业座谈。"
    assert [m.group() for m in scanner.finditer(text)] == [m.group() for m in pattern.finditer(text)] == \
        ["拜访了丰田、松下、日立", "并与苏州、无锡和常州的企业座谈"]


@pytest.mark.parametrize("seed", [3, 4])
def test_alternation_matches_as_the_plain_longest_first_alternation(seed):
    from kg.pipeline.alternation import compile_alternation
    from kg.pipeline.data import load_boundaries

    patterns = [r"(?:\d+|[一二三]+)(?:家|年)(?![\d届])", r"(?:[省市]委|政府)(?=[省市])", r"(?<!第)[一二三]+场"]
    words = ["和", "和平", "企业", "等", "公司", "日本企业", "本", "在", "在于"]
    plain = re.compile("|".join([f"(?:{p})" for p in patterns] + [re.escape(w) for w in sorted(words, key=len, reverse=True)]))
    fast = compile_alternation(patterns, words)
    assert fast.pattern.startswith("(?=[")  # the lookahead on first characters is there
    rng = random.Random(seed)
    alphabet = list("和平企业等公司日本在于省市委政府一二三家年届第场") + ["1", "2", "\n"]
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        left = rng.randint(0, len(text))
        right = rng.randint(left, len(text))
        assert [m.span() for m in fast.finditer(text, left, right)] == [m.span() for m in plain.finditer(text, left, right)]
        first, second = fast.match(text, left), plain.match(text, left)
        assert (first and first.span()) == (second and second.span())
    # the project's boundary list compiles with the lookahead
    assert load_boundaries("patterns/left_boundaries.txt").pattern.startswith("(?=[")


def test_alternation_without_a_known_first_character_keeps_the_plain_expression():
    from kg.pipeline.alternation import compile_alternation

    pattern = compile_alternation([r"(?<=的)企业", r"[^的]公司"], ["日本"])
    assert not pattern.pattern.startswith("(?=[")
    assert [m.group() for m in pattern.finditer("的企业在公司日本")] == ["企业", "在公司", "日本"]
    assert compile_alternation([], []).search("任何") is None


def _random_strings(seed: int, alphabet: str, count: int = 2000, longest: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_fast_scanning_expressions_match_their_plain_forms():
    """Sentence ends, amounts and dates: rewritten to begin with one character class."""
    from kg.textnorm import _SENTENCE_END
    from kg.values import _CN_DIGITS, DATE_RE, _money_re

    plain_sentence_end = re.compile(r"[。！？!?；;…]+[”’」』）)\"']*|\n+")
    money = _money_re()
    currency = money.pattern[money.pattern.index("(?P<cur>"):]
    plain_money = re.compile(
        rf"(?P<number>\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?)"
        rf"\s*(?P<mult>万亿|千亿|百亿|亿|千万|百万|万|千)?\s*{currency}")
    plain_date = re.compile(DATE_RE.pattern.replace("(?P<year>19\\d\\d|20\\d\\d|", "(?P<year>(?:19|20)\\d\\d|"))
    assert plain_date.pattern != DATE_RE.pattern
    cases = [
        (plain_sentence_end, _SENTENCE_END, "。！？!?；;…”’」）\"'\n\n苏州a "),
        (plain_money, money, "0123456789,. 零〇一二两三四五六七八九十百千点万亿元美日币\n"),
        (plain_date, DATE_RE, "0129年月日份今去明前 -至\n"),
    ]
    for plain, fast, alphabet in cases:
        for text in _random_strings(5, alphabet):
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
                   [(m.span(), m.groupdict()) for m in plain.finditer(text)], (fast.pattern, text)


def test_leaders_and_bylines_are_found_as_by_their_plain_expressions(nlp):
    from kg.pipeline.people import byline_matches, leader_spans

    lex = nlp.get_pipe("kg_people").lex

    plain_leaders = re.compile(r"(?:^|(?<=[，。；！？：”\n]))([\u4e00-\u9fff]{3})(?=率|带队|一行)", re.M)
    plain_bylines = re.compile(r"(?:^|(?<=[。！？”\n]))[（(]?([\u4e00-\u9fff]{2,3}?)[)）]?(?:摄|/文|文)?(?=\n|$)", re.M)
    for text in _random_strings(6, "王明李华率带队一行，。；！？：”（()）摄/文a\n", count=4000):
        assert list(leader_spans(text, lex.leader_cues)) == [m.span(1) for m in plain_leaders.finditer(text)], text
        assert [m.span(1) for m in byline_matches(text, lex.byline)] == \
            [m.span(1) for m in plain_bylines.finditer(text)], text


def test_folding_by_table_agrees_with_folding_each_character():
    from kg.folding import _LINE_BREAKS, _fold, fold_char

    sample = [chr(code) for code in range(0x80, 0x10000, 3) if not 0xD800 <= code <= 0xDFFF and chr(code) not in _LINE_BREAKS]
    for start in range(0, len(sample), 500):
        chunk = "".join(sample[start:start + 500])
        assert _fold(chunk) == "".join(map(fold_char, chunk))
    # beyond the table: characters outside the Basic Multilingual Plane, one by one
    assert _fold("𠮷野家の神戸") == "".join(map(fold_char, "𠮷野家の神戸")) == "𠮷野家の神户"


def test_sentence_end_test_agrees_with_its_plain_form():
    from kg.textnorm import _BYLINE_END, _CLOSERS, TERMINALS, _ends_sentence

    def plain(line: str) -> bool:
        stripped = line.rstrip()
        if _BYLINE_END.search(stripped):
            return True
        while stripped and stripped[-1] in _CLOSERS:
            if len(stripped) >= 2 and stripped[-2] in TERMINALS:
                return True
            stripped = stripped[:-1]
        return bool(stripped) and stripped[-1] in TERMINALS

    for line in _random_strings(7, "。！？；…”’）)（(王明稳定 \t", count=5000, longest=12):
        assert _ends_sentence(line) == plain(line), line


def test_book_title_test_by_bisection_agrees_with_the_scans(nlp):
    from kg.pipeline.shapes import ShapeScan

    lex = nlp.get_pipe("kg_shapes").lex

    def plain(text: str, start: int, end: int) -> bool:
        opened = text.rfind("《", 0, start)
        return opened >= 0 and text.rfind("》", opened, start) < 0 and text.find("》", end) >= 0 \
            and text.find("《", end, text.find("》", end)) < 0

    rng = random.Random(8)
    for text in _random_strings(8, "《》关于示范区的复函，", count=1500, longest=30):
        scan = ShapeScan(text, text, [], lex)
        for _ in range(10):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            assert scan.in_book_title(start, end) == plain(text, start, end), (text, start, end)


def test_mark_offsets_agree_with_the_expression():
    from kg.pipeline.marks import MARKS, mark_offsets

    for text in _random_strings(9, "，。、（）()《》“”苏州 \n—·" + "𠮷", count=2000):
        assert mark_offsets(text) == [m.start() for m in MARKS.finditer(text)], text
