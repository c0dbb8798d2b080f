from __future__ import annotations

import codecs

import pytest

from kg.errors import InputError, NoInputError, UnreadableFileError
from kg.reading import decode_bytes, discover, read_source

TEXT = "大连市与北九州市缔结友好城市。日立制作所在大连投资。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_decodes_every_encoding(data, encoding):
    text, found = decode_bytes(data)
    assert text == TEXT
    assert found == encoding


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"abc\x00def"])
def test_binary_data_is_refused_with_the_file_name(data, tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError) as info:
        read_source(path)
    message = str(info.value)
    assert "picture.txt" in message and "binary" in message and "UTF-8" in message


def test_read_source_hash_ignores_the_encoding(tmp_path):
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(TEXT.encode("gbk"))
    assert read_source(tmp_path / "a.txt").content_hash == read_source(tmp_path / "b.txt").content_hash


def test_discover_walks_folders_for_every_article_format(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("x", encoding="utf-8")
    for name in ("c.pdf", "d.HTML", "e.htm", "f.jsonl", "g.csv"):
        (tmp_path / "sub" / name).write_bytes(b"x")
    (tmp_path / "sub" / "notes.docx").write_bytes(b"x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("x", encoding="utf-8")
    found = discover([tmp_path])
    assert [p.name for p in found] == ["a.txt", "b.md", "c.pdf", "d.HTML", "e.htm", "f.jsonl", "g.csv"]


def test_discover_takes_a_named_file_whatever_its_suffix(tmp_path):
    path = tmp_path / "article.text"
    path.write_text("x", encoding="utf-8")
    assert discover([path]) == [path]


def test_discover_reports_a_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        discover([tmp_path / "nope"])


def test_discover_reports_an_empty_folder(tmp_path):
    with pytest.raises(NoInputError, match=r"\*\.txt, \*\.md, \*\.pdf, \*\.html"):
        discover([tmp_path])
