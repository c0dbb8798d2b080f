"""An article's date: metadata, dateline, file name, default; and its relative dates resolved per article."""

from __future__ import annotations

import pytest

from kg.readers.dates import date_from_file_name, find_dateline, parse_date_value, resolve_document_date
from kg.records import DateValue


def d(value: str) -> DateValue:
    return DateValue(value, {10: "date", 7: "gYearMonth", 4: "gYear"}[len(value)])


@pytest.mark.parametrize(("text", "expected"), [
    ("新华网大连6月1日电 大连市与北九州市续签合作备忘录。", ("新华网", "大连", None, 6, 1)),
    ("头条\n新华社东京2023年11月8日电（记者张伟）日中经济协会代表团……", ("新华社", "东京", 2023, 11, 8)),
    ("中新社沈阳３月１５日电 辽宁省与日本企业签约。", ("中新社", "沈阳", None, 3, 15)),  # full-width digits
    ("本报东京4月18日电 （记者 王芳）无锡市代表团抵达东京。", ("本报", "东京", None, 4, 18)),
    ("（人民网天津9月2日电）天津港与日本船公司签署协议。", ("人民网", "天津", None, 9, 2)),
    # traditional characters: matched folded, quoted as written
    ("中新社威海5月14日電 (王婉蓉)“對話威海”", ("中新社", "威海", None, 5, 14)),
    ("新華社東京２０２３年１１月８日電（記者張偉）", ("新華社", "東京", 2023, 11, 8)),
])
def test_datelines_give_outlet_place_month_and_day(text, expected):
    line = find_dateline(text)
    assert line is not None
    assert (line.outlet, line.place, line.year, line.month, line.day) == expected


@pytest.mark.parametrize("text", [
    "本报讯（记者 李华）无锡新一轮全球城市推介活动开启。",  # no day in it
    "大连市6月1日举行对日经贸洽谈会。",  # a date in a sentence is no dateline
    "正文很长。" * 100 + "\n新华网大连6月1日电 太远了。",  # only the first lines are searched
])
def test_text_without_a_dateline(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize(("name", "expected"), [
    ("2024-04-22_dalian.txt", "2024-04-22"),
    ("2024_04_22-苏州.md", "2024-04-22"),
    ("paper-20230105-p3.pdf", "2023-01-05"),
    ("2022年6月18日 峰会.html", "2022-06-18"),
    ("2021-07_monthly.jsonl", "2021-07"),
    ("2020_annual.csv", "2020"),
])
def test_dates_in_file_names(name, expected):
    assert date_from_file_name(name) == d(expected)


@pytest.mark.parametrize("name", ["000_2f9bf5cb93da7add.txt", "003_faecf9e441e1955b.txt", "article.txt",
                                  "2024-13-40.txt", "id_120240422x.txt"])
def test_file_names_without_a_date(name):
    assert date_from_file_name(name) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-04-22", "2024-04-22"), ("2024-04-22T08:30:00+08:00", "2024-04-22"), ("2024-04-22 08:30", "2024-04-22"),
    ("2024/4/2", "2024-04-02"), ("2024.04.22", "2024-04-22"), ("2024年4月22日", "2024-04-22"),
    ("20240422", "2024-04-22"), ("2024-04", "2024-04"), ("2024", "2024"), ("2024年", "2024"),
])
def test_metadata_dates(text, expected):
    assert parse_date_value(text) == d(expected)


@pytest.mark.parametrize("text", ["", "昨天", "April 22", "2024-02-30", "2024-13", "12024-01-01"])
def test_metadata_that_is_no_date(text):
    assert parse_date_value(text) is None


DATELINE = "新华网大连6月1日电 大连市与北九州市续签友好合作协议。"
PLAIN = "大连市与北九州市续签友好合作协议。"


@pytest.mark.parametrize(("text", "options", "expected"), [
    # 1. metadata precise to the day wins over everything
    (DATELINE, {"metadata_date": "2022-05-30", "file_name": "2020-01-01.txt", "default": "2019-01-01"},
     ("2022-05-30", "metadata")),
    # 2. the dateline gives month and day; the year from the metadata …
    (DATELINE, {"metadata_date": "2022", "file_name": "2020-01-01.txt"}, ("2022-06-01", "dateline")),
    # … else from the file name …
    (DATELINE, {"file_name": "2021_dalian.txt", "default": "2019-03-03"}, ("2021-06-01", "dateline")),
    # … else from the default date
    (DATELINE, {"file_name": "dalian.txt", "default": "2019-03-03"}, ("2019-06-01", "dateline")),
    # a dateline with no year anywhere gives no date
    (DATELINE, {"file_name": "dalian.txt"}, (None, None)),
    # a metadata month that contradicts the dateline: the metadata stands
    (DATELINE, {"metadata_date": "2022-07"}, ("2022-07", "metadata")),
    # 3. the file name
    (PLAIN, {"file_name": "2024-04-22_dalian.txt", "default": "2019-03-03"}, ("2024-04-22", "fileName")),
    # 4. the default
    (PLAIN, {"file_name": "dalian.txt", "default": "2019-03-03"}, ("2019-03-03", "default")),
    (PLAIN, {"file_name": "dalian.txt"}, (None, None)),
])
def test_resolution_order(text, options, expected):
    value, source = resolve_document_date(text, **options)
    assert (value.value if value else None, source) == expected


@pytest.mark.parametrize(("text", "article_date", "expected"), [
    ("上月，两市签署协议。", "2024-01-15", "2023-12"),
    ("上个月", "2024-03-31", "2024-02"),
    ("本月", "2024-03-31", "2024-03"),
    ("下月", "2024-12-02", "2025-01"),
    ("本周", "2024-04-24", "2024-04"),  # Monday 22 to Sunday 28 April
    ("上周", "2024-04-24", "2024-04"),  # 15 to 21 April
    ("本周", "2024-05-01", "2024"),  # 29 April to 5 May: two months, one year
    ("上周", "2024-01-03", "2023-12"),  # 25 to 31 December 2023
    ("本周", "2025-01-02", None),  # 30 December 2024 to 5 January 2025: two years
    ("本周", "2024-04", None),  # a week needs the article's day
    ("上月", "2024", None),  # a month needs the article's month
    ("日本周在东京开幕", "2024-04-24", None),  # Japan Week is no week
    ("今年", "2024-04", "2024"),
])
def test_relative_months_and_weeks_resolve_against_the_article(text, article_date, expected):
    from kg.values import parse_date

    value = parse_date(text, document_date=article_date)
    assert (value.value if value else None) == expected


def test_the_same_sentence_in_two_articles_gets_two_dates(nlp):
    from kg.extract import extract_text

    text = "上月，日立制作所投资3000万美元在大连设立日立大连有限公司。"
    dates = [{r.date.value for r in extract_text(nlp, text, document_date=day).relations if r.predicate == "investedIn"}
             for day in ("2021-03-10", "2023-11-02")]
    assert dates == [{"2021-02"}, {"2023-10"}]
