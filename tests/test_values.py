from __future__ import annotations

from decimal import Decimal

import pytest

from kg.values import find_money, parse_date, parse_money


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("8489万美元", "84890000", "USD"),
        ("234.7亿美元", "23470000000", "USD"),
        ("10亿元人民币", "1000000000", "CNY"),
        ("3.5亿元", "350000000", "CNY"),
        ("500万美金", "5000000", "USD"),
        ("50亿日元", "5000000000", "JPY"),
        ("三千万日元", "30000000", "JPY"),
        ("1,200万美元", "12000000", "USD"),
        ("2000万欧元", "20000000", "EUR"),
    ],
)
def test_money(text, amount, currency):
    money = parse_money(f"投资{text}设立")
    assert money.amount == Decimal(amount) and money.currency == currency


def test_no_money_in_plain_numbers():
    assert parse_money("共有28个项目，面积5.6平方公里") is None
    assert list(find_money("苏州第12次入选")) == []


@pytest.mark.parametrize(
    ("text", "value", "precision", "article_date"),
    [
        ("2021年6月18日", "2021-06-18", "date", None),
        ("2020年4月", "2020-04", "gYearMonth", None),
        ("1981年", "1981", "gYear", None),
        ("今年10月", "2023-10", "gYearMonth", "2023-12-01"),
        ("去年11月17日", "2022-11-17", "date", "2023-12-01"),
        ("2023 年 9 月", "2023-09", "gYearMonth", None),
    ],
)
def test_dates(text, value, precision, article_date):
    date = parse_date(text, document_date=article_date)
    assert (date.value, date.precision) == (value, precision)


@pytest.mark.parametrize("text", ["今年10月", "去年", "2024中日（无锡）产业文化合作交流会"])
def test_no_date_without_an_anchor(text):
    assert parse_date(text) is None
