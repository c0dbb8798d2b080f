"""Normalizing money and dates as they are written in Chinese news.

>>> parse_money("8489万美元")
Money(amount=Decimal('84890000'), currency='USD', text='8489万美元')
>>> parse_money("10亿元人民币").amount
Decimal('1000000000')
>>> parse_money("三千万日元")
Money(amount=Decimal('30000000'), currency='JPY', text='三千万日元')
>>> parse_date("2021年6月18日")
DateValue(value='2021-06-18', precision='date')
>>> parse_date("今年10月", document_date="2023-12-01")
DateValue(value='2023-10', precision='gYearMonth')
>>> parse_date("今年10月") is None
True
>>> parse_date("上月", document_date="2024-01-15")
DateValue(value='2023-12', precision='gYearMonth')

The patterns read folded text (:func:`kg.folding.fold`: traditional forms
simplified, full-width digits made ASCII), as the pipeline passes it; the two
``parse_`` helpers fold what they are given:

>>> parse_date("１９８１年")
DateValue(value='1981', precision='gYear')
>>> parse_money("１．５億美元")
Money(amount=Decimal('150000000'), currency='USD', text='1.5亿美元')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .records import DateValue, Money

__all__ = ["MONEY_RE", "DATE_RE", "RELATIVE_DATE_RE", "find_dates", "find_money", "parse_date", "parse_money"]

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_MULTIPLIERS = {"万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10, "亿": Decimal(10) ** 8,
                "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6, "万": Decimal(10) ** 4, "千": Decimal(10) ** 3}


@lru_cache(maxsize=1)
def _currencies() -> dict[str, str]:
    from .pipeline.data import load_tsv

    return {row["word"]: row["code"] for row in load_tsv("patterns/currencies.tsv")}


@lru_cache(maxsize=1)
def _money_re() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in _currencies() if not w.startswith("亿")), key=len, reverse=True))
    return re.compile(
        # a number of digits or of Chinese numerals; written to begin with one character class,
        # which ``re`` scans for quickly (\d+(?:,\d{3})*(?:\.\d+)?|[零…千]+(?:点[零…千]+)?)
        rf"(?P<number>[\d{_CN_DIGITS}](?:(?<=\d)\d*(?:,\d{{3}})*(?:\.\d+)?|(?<=[{_CN_DIGITS}])[{_CN_DIGITS}]*(?:点[{_CN_DIGITS}]+)?))"
        rf"\s*(?P<mult>万亿|千亿|百亿|亿|千万|百万|万|千)?\s*(?P<cur>{words})"
    )


MONEY_RE = _money_re
DATE_RE = re.compile(
    r"(?P<year>19\d\d|20\d\d|今年|去年|明年|前年)\s*年?\s*(?:(?P<month>1[0-2]|0?[1-9])\s*月(?:份)?"
    r"(?:\s*(?P<day>3[01]|[12]\d|0?[1-9])\s*日)?)?(?!\s*[-—–~～至到]\s*\d+\s*月)"
)
_RELATIVE_YEAR = {"今年": 0, "去年": -1, "明年": 1, "前年": -2}
#: Months and weeks counted from the article's date (after 日 they are 日本周, Japan Week, or 日本月…: no date).
RELATIVE_DATE_RE = re.compile(r"(?<!日)(?:(?P<month>上个?月|本月|这个月|下个?月)|(?P<week>上周|本周|这周|下周))")
_RELATIVE_STEP = {"上": -1, "本": 0, "这": 0, "下": 1}


def _number(text: str) -> Decimal | None:
    text = text.replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        pass
    try:
        import cn2an

        return Decimal(str(cn2an.cn2an(text, "smart")))
    except (ValueError, KeyError, ImportError):
        return None


def _folded(text: str) -> str:
    from .folding import fold

    return fold(text)


def parse_money(text: str) -> Money | None:
    """The first amount in ``text`` as a :class:`Money` (its ``text`` folded), or ``None``."""
    match = _money_re().search(_folded(text))
    return _money_from_match(match) if match else None


def _money_from_match(match: re.Match[str]) -> Money | None:
    number = _number(match.group("number"))
    if number is None:
        return None
    multiplier = _MULTIPLIERS.get(match.group("mult") or "", Decimal(1))
    amount = (number * multiplier).normalize()
    if amount == amount.to_integral_value():
        amount = amount.quantize(Decimal(1))
    return Money(amount, _currencies()[match.group("cur")], match.group())


def find_money(text: str) -> Iterator[tuple[int, int, Money]]:
    """Every amount in ``text`` (folded) with its span."""
    for match in _money_re().finditer(text):
        money = _money_from_match(match)
        if money is not None:
            yield match.start(), match.end(), money


def _date_from_match(match: re.Match[str], document_date: str | None) -> DateValue | None:
    year_text = match.group("year")
    if year_text in _RELATIVE_YEAR:
        if not document_date:
            return None
        year = int(document_date[:4]) + _RELATIVE_YEAR[year_text]
    else:
        if not match.group().replace(" ", "").startswith(year_text + "年") and not match.group("month"):
            return None  # a bare number such as 2024 in 2024中日…交流会 is not a date
        year = int(year_text)
    month, day = match.group("month"), match.group("day")
    if month and day:
        return DateValue(f"{year:04d}-{int(month):02d}-{int(day):02d}", "date")
    if month:
        return DateValue(f"{year:04d}-{int(month):02d}", "gYearMonth")
    return DateValue(f"{year:04d}", "gYear")


def _relative_from_match(match: re.Match[str], document_date: str | None) -> DateValue | None:
    """上月/本月/下月 (needs the article's month) and 上周/本周/下周 (needs its day) as precise as they allow.

    A week is its month where Monday and Sunday fall in one month, else its year.
    """
    from datetime import date, timedelta

    if not document_date or len(document_date) < 7:
        return None
    year, month = int(document_date[:4]), int(document_date[5:7])
    word = match.group()
    if match.group("month"):
        index = year * 12 + month - 1 + _RELATIVE_STEP[word[0]]
        return DateValue(f"{index // 12:04d}-{index % 12 + 1:02d}", "gYearMonth")
    if len(document_date) < 10:
        return None
    try:
        day = date.fromisoformat(document_date[:10]) + timedelta(weeks=_RELATIVE_STEP[word[0]])
    except ValueError:
        return None
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return DateValue(f"{monday.year:04d}-{monday.month:02d}", "gYearMonth")
    if monday.year == sunday.year:
        return DateValue(f"{monday.year:04d}", "gYear")
    return None


def parse_date(text: str, *, document_date: str | None = None) -> DateValue | None:
    """The first date in ``text``; relative ones need ``document_date`` (ISO), else ``None``."""
    for _, _, value in find_dates(_folded(text), document_date=document_date):
        return value
    return None


def find_dates(text: str, *, document_date: str | None = None) -> Iterator[tuple[int, int, DateValue]]:
    """Every date in ``text`` (folded) with its span, in order (relative ones only with ``document_date``)."""
    found = []
    for match in DATE_RE.finditer(text):
        value = _date_from_match(match, document_date)
        if value is not None:
            found.append((match.start(), match.end(), value))
    if document_date and ("月" in text or "周" in text):
        for match in RELATIVE_DATE_RE.finditer(text):
            value = _relative_from_match(match, document_date)
            if value is not None:
                found.append((match.start(), match.end(), value))
        found.sort(key=lambda item: item[0])
    yield from found
