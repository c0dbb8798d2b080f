"""Crawler exports (JSON Lines, CSV): one article per record, bad records reported by line, the rest built."""

from __future__ import annotations

import csv
import json

import pytest

from kg.errors import BadRecordError, UnreadableFileError
from kg.reading import SourceFile, iter_sources
from kg.readers.exports import iter_csv, iter_jsonl
from kg.records import DateValue

FIRST = "今年6月，日立制作所投资3000万美元在大连设立日立大连有限公司。"
SECOND = "新华网大连5月8日电 今年，三井物产与大连市人民政府签署战略合作协议。"
THIRD = "大连市与北九州市缔结友好城市，双方在港口物流领域开展合作。"


def write_jsonl(path, records):
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def export(tmp_path):
    return write_jsonl(tmp_path / "crawl_2023.jsonl", [
        {"text": FIRST, "title": "日立在大连设厂", "date": "2021-09-01", "url": "https://news.example.cn/a/1.html",
         "source": "大连日报", "author": "王明", "id": 17},
        '{"text": "断开的记录', # line 2: not JSON
        "",  # blank lines are skipped
        {"text": SECOND, "date": "2022"},  # line 4: year only, the dateline gives the day
        {"title": "只有标题"},  # line 5: no text
        ["not", "an", "object"],  # line 6
        {"text": THIRD, "date": "上周"},  # line 7: no date in metadata: from the file name's year
    ])


def test_each_record_is_an_article_and_each_bad_one_an_error_with_its_line(export):
    items = list(iter_jsonl(export))
    kinds = [(type(i).__name__, i.metadata.record if isinstance(i, SourceFile) else i.line) for i in items]
    assert kinds == [("SourceFile", 1), ("BadRecordError", 2), ("SourceFile", 4), ("BadRecordError", 5),
                     ("BadRecordError", 6), ("SourceFile", 7)]
    messages = [str(i) for i in items if isinstance(i, BadRecordError)]
    assert messages[0] == (f"{export}, line 2: not valid JSON (Unterminated string starting at at column 10); "
                           "fix or remove that record (the file's other records are built)")
    assert messages[1].startswith(f'{export}, line 5: the record has no "text" field (it has title)')
    assert messages[2].startswith(f"{export}, line 6: expected a JSON object")
    assert all("\n" not in m for m in messages)


def test_record_metadata(export):
    first = next(iter_jsonl(export))
    assert first.text == FIRST and first.name == "crawl_2023.jsonl"
    meta = first.metadata
    assert (meta.title, meta.date, meta.url, meta.publisher, meta.author, meta.media_type, meta.record) == (
        "日立在大连设厂", DateValue("2021-09-01", "date"), "https://news.example.cn/a/1.html", "大连日报", "王明",
        "application/jsonl", 1)


def test_record_dates_are_resolved_in_order(export):
    articles = [i for i in iter_sources([export]) if isinstance(i, SourceFile)]
    assert [(a.metadata.date.value, a.metadata.date_source) for a in articles] == [
        ("2021-09-01", "metadata"), ("2022-05-08", "dateline"), ("2023", "fileName")]


def test_records_with_the_same_text_are_the_same_document(tmp_path):
    path = write_jsonl(tmp_path / "dup.jsonl", [{"text": FIRST}, {"text": FIRST, "title": "转载"}])
    a, b = iter_jsonl(path)
    assert a.content_hash == b.content_hash


@pytest.mark.parametrize(("record", "reason"), [
    ({"text": ""}, '"text" is empty'),
    ({"text": 42}, '"text" must be a string, not int'),
    ({"text": FIRST, "title": ["a"]}, '"title" must be a string, not list'),
])
def test_bad_fields(tmp_path, record, reason):
    (item,) = iter_jsonl(write_jsonl(tmp_path / "x.jsonl", [record]))
    assert isinstance(item, BadRecordError) and item.reason == reason and item.line == 1


def test_csv_rows_with_quoted_newlines_keep_their_starting_line(tmp_path):
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["url", "title", "text", "date"])
        writer.writerow(["https://news.example.cn/1", "标题一", FIRST + "\n" + THIRD, "2021-09-01"])
        writer.writerow(["https://news.example.cn/2", "标题二", "", "2021-09-02"])
        writer.writerow(["https://news.example.cn/3", "标题三", SECOND, "2022-05-08", "多余"])
        writer.writerow(["https://news.example.cn/4", "标题四", THIRD, "2022/5/9"])
    items = list(iter_csv(path))
    assert [(type(i).__name__, i.metadata.record if isinstance(i, SourceFile) else i.line) for i in items] == [
        ("SourceFile", 2), ("BadRecordError", 4), ("BadRecordError", 5), ("SourceFile", 6)]
    assert items[0].text == FIRST + "\n" + THIRD and items[0].metadata.media_type == "text/csv"
    assert items[2].reason == "has 5 fields where the header names 4"
    assert items[3].metadata.date == DateValue("2022-05-09", "date") and items[3].metadata.url.endswith("/4")


def test_csv_without_a_text_column_is_one_error(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("url,body\nhttps://a.example/,正文\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match=r'export.csv: is a CSV file whose header \(url, body\) has no "text"'):
        list(iter_csv(path))
    (item,) = iter_sources([path])
    assert isinstance(item, UnreadableFileError)


def test_gbk_export_is_decoded(tmp_path):
    path = tmp_path / "gbk.jsonl"
    path.write_bytes(json.dumps({"text": THIRD, "source": "大连日报"}, ensure_ascii=False).encode("gbk"))
    (item,) = iter_jsonl(path)
    assert (item.text, item.encoding, item.metadata.publisher) == (THIRD, "gb18030", "大连日报")
