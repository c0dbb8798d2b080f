"""Folding Japanese and traditional character forms onto simplified ones, one for one.

神戸製作所, 神戶製作所 and 神户制作所 are the same name. :func:`fold` maps each
character on its own (OpenCC's ``jp2t`` then ``t2s``, plus a small supplementary
table), and the full-width forms of digits, Latin letters and the signs written in
numbers to ASCII (１９８１年 → 1981年), so the folded text has the same length and
offsets as the original. Every stage matches its words and patterns against the
folded text (``doc._.folded``) and takes surfaces and evidence from the original.

It lives outside :mod:`kg.pipeline` so that reading articles (their datelines are matched folded) does not import spaCy.
"""

from __future__ import annotations

import re
from functools import lru_cache


__all__ = ["fold", "fold_char", "restore_lost_dots"]

_VARIANTS_FILE = "gazetteers/kanji_variants.tsv"

#: Full-width digits and Latin letters, and the signs written in numbers (１２．５％, １－９月),
#: folded to ASCII. Chinese punctuation (，。、；：！？（）～) stays as it is: the rules read
#: it in its full-width form.
_WIDTH = {chr(code): chr(code - 0xFEE0) for code in (
    *range(ord("０"), ord("９") + 1), *range(ord("Ａ"), ord("Ｚ") + 1), *range(ord("ａ"), ord("ｚ") + 1),
    *map(ord, "．％－＋／"))}


@lru_cache(maxsize=1)
def _converters():
    import opencc

    return opencc.OpenCC("jp2t.json"), opencc.OpenCC("t2s.json"), opencc.OpenCC("s2t.json")


@lru_cache(maxsize=1)
def _supplement() -> dict[str, str]:
    import csv
    from importlib import resources

    try:
        text = resources.files("kg").joinpath(_VARIANTS_FILE).read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line and not line.startswith("#")]
        rows = [{key: (value or "").strip() for key, value in row.items() if key is not None}
                for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]
    except Exception:  # the table is optional; OpenCC alone still folds most forms
        return {}
    return {row["variant"]: row["simplified"] for row in rows if len(row.get("variant", "")) == 1 and len(row.get("simplified", "")) == 1}


def _choose(ch: str, simplified: str, traditional: str, japanese: str, japanese_simplified: str) -> str:
    """The folded form of ``ch`` from its OpenCC conversions (t2s, s2t, jp2t, then t2s of jp2t)."""
    if simplified != ch:
        return simplified if len(simplified) == 1 else ch
    if traditional != ch:
        return ch  # a Chinese simplified form (沪, which Japanese writes for 濾) stays
    # a Japanese form: take it through its traditional form, but only when that form
    # simplifies again (浜 → 濱 → 滨); 研 → 硏 stays 研, as it is already simplified
    if japanese == ch:
        return ch
    return japanese_simplified if len(japanese_simplified) == 1 and japanese_simplified != japanese else ch


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """The simplified form of one character (itself when there is none)."""
    if ch.isascii():
        return ch
    extra = _WIDTH.get(ch) or _supplement().get(ch)
    if extra:
        return extra
    jp2t, t2s, s2t = _converters()
    japanese = jp2t.convert(ch)
    return _choose(ch, t2s.convert(ch), s2t.convert(ch), japanese, t2s.convert(japanese))


@lru_cache(maxsize=1)
def _bmp_table() -> tuple[dict[str, str], re.Pattern[str]]:
    """Every character of the Basic Multilingual Plane that folds to another, and a class matching them.

    Built once (about 0.1 s): OpenCC converts the characters in four batches, one per line,
    so no two of them form a phrase.
    """
    chars = [chr(code) for code in range(0x80, 0x10000) if not 0xD800 <= code <= 0xDFFF and chr(code) not in _LINE_BREAKS]
    jp2t, t2s, s2t = _converters()

    def each(convert, items: list[str]) -> list[str]:
        out = convert("\n".join(items)).split("\n")
        if len(out) != len(items):  # pragma: no cover - OpenCC keeps line breaks
            return [convert(item) for item in items]
        return out

    japanese = each(jp2t.convert, chars)
    supplement = _supplement()
    changed = {}
    for ch, simplified, traditional, jp, jp_simplified in zip(
            chars, each(t2s.convert, chars), each(s2t.convert, chars), japanese, each(t2s.convert, japanese)):
        folded = _WIDTH.get(ch) or supplement.get(ch) or _choose(ch, simplified, traditional, jp, jp_simplified)
        if folded != ch:
            changed[ch] = folded
    return changed, re.compile("[" + "".join(re.escape(ch) for ch in sorted(changed)) + "]")


#: Characters OpenCC may read as line breaks; none of them folds.
_LINE_BREAKS = frozenset("\n\r\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e")
#: Characters beyond the Basic Multilingual Plane (rare ideographs), folded one by one.
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


#: Folded short strings (names, cue words): the stages fold the same names again and again.
_SHORT: dict[str, str] = {}
_SHORT_LENGTH, _SHORT_COUNT = 32, 200_000


def fold(text: str) -> str:
    """Fold every character of ``text``; the result has the same length.

    >>> fold("神戸製作所")
    '神户制作所'
    >>> fold("横浜の研究所")
    '横滨の研究所'
    >>> fold("滬沪")
    '沪沪'
    >>> fold("１９８１年與橫濱締結友好城市")
    '1981年与横滨缔结友好城市'
    """
    folded = _SHORT.get(text)
    if folded is not None:
        return folded
    folded = _fold(text)
    if len(text) <= _SHORT_LENGTH:
        if len(_SHORT) >= _SHORT_COUNT:
            _SHORT.clear()  # a bound on memory for long-running processes
        _SHORT[text] = folded
    return folded


def _fold(text: str) -> str:
    if text.isascii():
        return text
    table, foldable = _bmp_table()
    # most Chinese text has nothing to fold; the rest has a few Japanese forms
    changes = {ch: table[ch] for ch in set(foldable.findall(text))}
    if _ASTRAL.search(text):
        changes.update((ch, fold_char(ch)) for ch in set(_ASTRAL.findall(text)) if fold_char(ch) != ch)
    if not changes:
        return text
    if any(out in changes for out in changes.values()):  # 滬 → 沪 and 沪 → 滤: one pass, as a table
        return text.translate({ord(ch): out for ch, out in changes.items()})
    for ch, out in changes.items():
        text = text.replace(ch, out)
    return text


#: What stands on either side of a middle dot inside a name: an ideograph, a digit, a Latin letter.
_NAME_CHAR = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9A-Za-z"
#: A ``?`` an encoding that lacked the middle dot (・, ‧) wrote for it: set off by spaces on both
#: sides (大阪 ? 关西世博会), or between name characters inside quotes that close before any other
#: mark of a sentence's end (「中国湖北?日本关西友好周」, “9?8”). A real question mark stands right
#: after its clause and ends the quote (“去哪?”) or the sentence (缘何落地长宁?据…).
_LOST_DOT = re.compile(
    f"(?<=[{_NAME_CHAR}]) (\\?) (?=[{_NAME_CHAR}])"
    f"|[“「『\"][^“”「」『』\"。！？!?；;\\n]{{0,20}}[{_NAME_CHAR}](\\?)(?=[{_NAME_CHAR}][^“”「」『』\"。！？!?；;\\n]{{0,20}}[”」』\"])")
_BETWEEN_NAME_CHARS = re.compile(f"(?<=[{_NAME_CHAR}])\\?(?=[{_NAME_CHAR}])")


def restore_lost_dots(text: str, spaces: frozenset[int] = frozenset()) -> str:
    """``text`` with each ``?`` that stands for a lost middle dot made ``·`` (same length).

    ``spaces`` are the offsets where normalizing dropped a space (:class:`kg.textnorm.NormalizedText`):
    a ``?`` with one dropped on each side (its own offset and the next) was set off by spaces.

    >>> restore_lost_dots("2025年大阪 ? 关西世博会开幕。「中国湖北?日本关西友好周」在武汉举行")
    '2025年大阪 · 关西世博会开幕。「中国湖北·日本关西友好周」在武汉举行'
    >>> restore_lost_dots("2025年大阪?关西世博会开幕", frozenset({7, 8}))
    '2025年大阪·关西世博会开幕'
    >>> restore_lost_dots("缘何落地长宁?据介绍，“你去哪?”他问")
    '缘何落地长宁?据介绍，“你去哪?”他问'
    """
    if "?" not in text:
        return text
    spots = [match.start(1) if match.group(1) else match.start(2) for match in _LOST_DOT.finditer(text)]
    if spaces:
        spots += [match.start() for match in _BETWEEN_NAME_CHARS.finditer(text)
                  if match.start() in spaces and match.end() in spaces]
    if not spots:
        return text
    chars = list(text)
    for at in spots:
        chars[at] = "·"
    return "".join(chars)
