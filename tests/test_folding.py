"""Folding: every stage matches the folded text, so traditional characters and full-width
digits read as simplified ones and ASCII, at the offsets of the original.

The seeds are converted to traditional characters here (OpenCC) and must give the
relations of the simplified seeds; a Big5 file goes through the reader's decoding too.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from kg.folding import fold

#: Chinese punctuation the rules read in its full-width form: folding leaves it.
CHINESE_PUNCTUATION = "，。、；：！？（）～“”‘’《》【】「」『』…—·　"


# ---------------------------------------------------------------------- the fold table
def test_every_character_folds_to_one_character():
    from kg.folding import _LINE_BREAKS, _bmp_table

    table, _ = _bmp_table()
    assert all(len(ch) == 1 and len(out) == 1 for ch, out in table.items())
    chars = "".join(chr(code) for code in range(0x80, 0x10000)
                    if not 0xD800 <= code <= 0xDFFF and chr(code) not in _LINE_BREAKS)
    assert len(fold(chars)) == len(chars)
    assert len(fold("𠮷野家の神戸\n１９８１")) == len("𠮷野家の神戸\n１９８１")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("１９８１年", "1981年"),
        ("８４８９萬美元", "8489万美元"),
        ("１２．５％", "12.5%"),
        ("１－９月", "1-9月"),
        ("ＴＤＫ株式會社", "TDK株式会社"),
        ("ｐａｎａｓｏｎｉｃ", "panasonic"),
        ("ＡＢＣ／寶潔", "ABC/宝洁"),
        ("與橫濱締結友好城市", "与横滨缔结友好城市"),
        ("神戸製作所", "神户制作所"),
        (CHINESE_PUNCTUATION, CHINESE_PUNCTUATION),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_full_width_forms_fold_as_nfkc_does():
    """Every full-width form the table folds is its compatibility (NFKC) form."""
    from kg.folding import _WIDTH

    assert all(unicodedata.normalize("NFKC", ch) == out and out.isascii() for ch, out in _WIDTH.items())
    assert not set(CHINESE_PUNCTUATION) & set(_WIDTH)


def test_the_pattern_files_are_written_folded(root):
    """The words and patterns are matched against folded text: a traditional or full-width
    form in them would never match (lists are folded on load, patterns are not)."""
    for path in sorted((root / "kg" / "patterns").iterdir()):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.lstrip().startswith(("#", "//")):  # comments may show what folding does
                assert fold(line) == line, f"{path.name}:{number}: write {fold(line)!r}, the folded form"


# ---------------------------------------------------------------------- values
def test_full_width_year_gives_the_year(nlp):
    doc = nlp("１９８１年，無錫市與明石市締結友好城市。")
    assert [value.value for _, _, value in doc._.dates] == ["1981"]
    (sister,) = [r for r in doc._.relations if r.predicate == "sisterCityOf"]
    assert (sister.subject.name, sister.object.name, sister.date.value, sister.date.precision) == \
        ("无锡", "明石", "1981", "gYear")
    assert sister.evidence == "１９８１年，無錫市與明石市締結友好城市。"  # the evidence quotes the original


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("大連華信計算機技術股份有限公司投資８４８９萬美元設立北斗合同會社。", "84890000", "USD"),
        ("大连华信计算机技术股份有限公司投资１２．５亿美元设立北斗合同会社。", "1250000000", "USD"),
        ("大连华信计算机技术股份有限公司投资１,２００万元设立北斗合同会社。", "12000000", "CNY"),
    ],
)
def test_full_width_amounts_parse(nlp, text, amount, currency):
    doc = nlp(text)
    assert [(str(money.amount), money.currency) for _, _, money in doc._.money] == [(amount, currency)]
    invested = {(r.subject.name, r.object.name, r.money.amount, r.money.currency)
                for r in doc._.relations if r.predicate == "investedIn"}
    assert invested == {("大连华信计算机技术股份有限公司", "北斗合同会社", Decimal(amount), currency)}


def test_full_width_statistics_percentages_and_ranges(nlp):
    text = "２０２３年１－９月，大連對日本貿易總額２３４．７億美元，增長１２．５％。"
    doc = nlp(text)
    assert [(s.subject.name, s.counterpart.name, s.value, s.currency, s.date.value) for s in doc._.statistics] == \
        [("大连", "日本", Decimal("23470000000"), "USD", "2023")]
    assert doc._.statistics[0].evidence == text  # quoted as written
    assert doc._.folded.endswith("增长12.5%。")
    # 1－9月 is a range of months, not January
    assert [(value.value, value.precision) for _, _, value in doc._.dates] == [("2023", "gYear")]


def test_parse_helpers_fold_what_they_are_given():
    from kg.values import parse_date, parse_money

    assert parse_date("１９８１年").value == "1981"
    assert parse_date("二〇二四年") is None
    money = parse_money("投資１．５億美元")
    assert (money.amount, money.currency) == (Decimal("150000000"), "USD")


# ---------------------------------------------------------------------- the seeds in traditional characters
def _converted(seeds_dir: Path, config: str) -> dict[str, str]:
    import opencc

    converter = opencc.OpenCC(f"{config}.json")
    return {path.name: converter.convert(path.read_text(encoding="utf-8")) for path in sorted(seeds_dir.glob("*.txt"))}


def _unencodable(texts: dict[str, str], encoding: str) -> set[str]:
    bad = set()
    for text in texts.values():
        for ch in set(text):
            try:
                ch.encode(encoding)
            except UnicodeEncodeError:
                bad.add(ch)
    return bad


def _facts(extraction) -> set[tuple]:
    """Relations and statistics with names folded, and their amounts and dates."""
    relations = {(fold(r.subject.name), r.subject.label, r.predicate, fold(r.object.name), r.object.label,
                  (r.money.amount, r.money.currency) if r.money else None, r.date)
                 for r in extraction.relations}
    statistics = {(fold(s.subject.name), s.measure, s.value, s.unit, s.date) for s in extraction.statistics}
    return relations | statistics


@pytest.fixture(scope="module")
def simplified_facts(nlp, seeds_dir):
    from kg.extract import extract_source
    from kg.reading import iter_sources

    sources = iter_sources(sorted(seeds_dir.glob("*.txt")))
    return {source.name: _facts(extract_source(nlp, source)) for source in sources}


@pytest.mark.parametrize("encoding", ["utf-8", "big5"])
def test_seeds_in_traditional_characters_give_the_same_relations(nlp, seeds_dir, simplified_facts, tmp_path, encoding):
    """OpenCC's s2t in UTF-8; in Big5, s2t where Big5 encodes every character, else s2tw
    (Taiwan's standard forms, which Big5 was made for: s2t writes 爲, 啓, 衆 where Big5 has 為, 啟, 眾)."""
    from kg.extract import extract_source
    from kg.reading import iter_sources

    texts = _converted(seeds_dir, "s2t")
    if encoding == "big5" and _unencodable(texts, encoding):
        texts = _converted(seeds_dir, "s2tw")
        missing = _unencodable(texts, encoding)
        if missing:
            pytest.skip("Big5 encodes neither OpenCC's s2t nor its s2tw forms of the seeds "
                        f"(not {''.join(sorted(missing))})")
    for name, text in texts.items():
        assert fold(text) != text  # the conversion did convert
        (tmp_path / name).write_bytes(text.encode(encoding))
    sources = list(iter_sources(sorted(tmp_path.iterdir())))
    assert [source.encoding for source in sources] == [encoding] * len(texts)
    for source in sources:
        assert source.text == texts[source.name]
        extraction = extract_source(nlp, source)
        assert len(simplified_facts[source.name]) > 50
        assert _facts(extraction) == simplified_facts[source.name], source.name
        # surfaces and evidence are the original text, in traditional characters
        assert fold(extraction.text) != extraction.text
        assert all(m.text == extraction.text[m.start:m.end] for m in extraction.mentions)
        assert all(r.evidence == extraction.text[r.start:r.end] for r in extraction.relations)


# ---------------------------------------------------------------------- a lost middle dot
@pytest.mark.parametrize(("text", "spaces", "restored"), [
    ("2025年青山 ? 白河博览会开幕", frozenset(), "2025年青山 · 白河博览会开幕"),
    ("2025年青山?白河博览会开幕", frozenset({7, 8}), "2025年青山·白河博览会开幕"),  # spaces dropped around ?
    ("2025年青山?白河博览会开幕", frozenset({8}), "2025年青山?白河博览会开幕"),  # one side only
    ("「中国青山?日本白河友好周」在青山举行", frozenset(), "「中国青山·日本白河友好周」在青山举行"),
    ("俗称“9?8”的投洽会", frozenset(), "俗称“9·8”的投洽会"),
    ("缘何落地青山?据介绍", frozenset(), "缘何落地青山?据介绍"),  # a question: no quote, no spaces
    ("他问“去哪?”然后", frozenset(), "他问“去哪?”然后"),  # a quoted question ends its quote
    ("“为何选白河?青山说”", frozenset(), "“为何选白河·青山说”"),  # (what a quote alone cannot tell)
])
def test_a_question_mark_for_a_lost_middle_dot_is_restored(text, spaces, restored):
    from kg.folding import restore_lost_dots

    assert restore_lost_dots(text, spaces) == restored
    assert len(restore_lost_dots(text, spaces)) == len(text)


def test_an_event_named_with_a_lost_middle_dot_is_one_event(nlp):
    """The ? is no sentence's end: the event's name holds it, and who attends attends it."""
    from kg.extract import extract_text

    text = "4月13日，2025年青山 ? 白河博览会青山馆举行开馆仪式。青山市市长王明出席开馆仪式。"
    extraction = extract_text(nlp, text)
    events = [e.key.name for e in extraction.entities if e.key.label == "Event"]
    assert events == ["2025年青山·白河博览会"]
    assert [e.aliases for e in extraction.entities if e.key.label == "Event"] == [("2025年青山?白河博览会",)]
    assert [(r.subject.name, r.object.name) for r in extraction.relations
            if r.predicate == "participatedIn"] == [("王明", "2025年青山·白河博览会")]
