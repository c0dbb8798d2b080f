from __future__ import annotations

import pytest

from kg.textnorm import normalize, sentence_spans


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # narrow newspaper columns: a break every dozen characters inside a sentence
        ("大连市经贸代表团赴日本\n考察，聚焦优势产业，开展精准对\n接。", "大连市经贸代表团赴日本考察，聚焦优势产业，开展精准对接。"),
        # a word split across a blank line at a column end
        ("今年，青岛西海岸新区与日本企业合作，青岛西\n\n海岸新区是日资高地。", "今年，青岛西海岸新区与日本企业合作，青岛西海岸新区是日资高地。"),
        # real paragraphs and headlines stay apart
        ("日企投资再创新高\n\n今年，大连市实际使用日资增长。\n\n第二段。", "日企投资再创新高\n今年，大连市实际使用日资增长。\n第二段。"),
        # a bracketed qualifier continues the sentence: 设立中日 | (大连)…
        ("沈阳市获批设立中日\n\n(沈阳)产业合作示范区。", "沈阳市获批设立中日(沈阳)产业合作示范区。"),
        # spaces next to Chinese characters go; spaces between Latin words stay
        ("2023 年 5 月 12 日，Hitachi Astemo 在 大连", "2023年5月12日，Hitachi Astemo在大连"),
        # a byline in brackets ends its paragraph
        ("会议强调，要稳增长。 （张明）\n\n市政府召开会议", "会议强调，要稳增长。（张明）\n市政府召开会议"),
        # a photo credit after a sentence ends its paragraph too
        ("签约仪式现场。青山日报记者林小明 摄\n\n交流会定于5月在大阪举行。",
         "签约仪式现场。青山日报记者林小明摄\n交流会定于5月在大阪举行。"),
        ("图为活动现场。周明供图\n\n活动持续三天。", "图为活动现场。周明供图\n活动持续三天。"),
        # in brackets, after an outlet's name or a photo the agency releases
        ("图为:青山公司的车间。(白河网林小明摄)\n\n走进青山公司,车间内很忙。",
         "图为:青山公司的车间。(白河网林小明摄)\n走进青山公司,车间内很忙。"),
        ("人们在商店街购物。青山社发(林小明摄)\n\n走进商店街,人很多。", "人们在商店街购物。青山社发(林小明摄)\n走进商店街,人很多。"),
        # and after a caption with no stop, past a space
        ("让青山品牌走向世界 白河日报记者林小明 摄\n\n2019年活动持续三天。",
         "让青山品牌走向世界白河日报记者林小明摄\n2019年活动持续三天。"),
        # a caption without its full stop, its credit after a space
        ("青山公司正与日企洽谈合作 青山日报记者林小明 摄\n\n2019年，交流会在大阪举行。",
         "青山公司正与日企洽谈合作青山日报记者林小明摄\n2019年，交流会在大阪举行。"),
        # a headline with a list mark in it ends at the dateline or source line that opens the report
        ("青山市长率团出访日本、墨西哥 推介青山环境\n\n白河日报讯(记者/林小明)日前，市长出访。",
         "青山市长率团出访日本、墨西哥推介青山环境\n白河日报讯(记者/林小明)日前，市长出访。"),
        ("青山总领事离任拜会知事、议长\n\n2022年12月21日，总领事拜会知事。",
         "青山总领事离任拜会知事、议长\n2022年12月21日，总领事拜会知事。"),
        ("青山与白河:并驾齐驱,携手向未来\n\n来源:《青山日报》", "青山与白河:并驾齐驱,携手向未来\n来源:《青山日报》"),
        ("青山公司投资扩产 推动转型升级\n\n白河晚报2018-09-29 11:56", "青山公司投资扩产推动转型升级\n白河晚报2018-09-29 11:56"),
        # a bullet opens a byline or a caption of its own
        ("青山市长在白河市签署缔结友好城市协议书\n\n□青山日报记者 林小明", "青山市长在白河市签署缔结友好城市协议书\n□青山日报记者林小明"),
        # a date inside a sentence cut at a column end still continues it
        ("今年，双方于\n\n2022年12月签署协议。", "今年，双方于2022年12月签署协议。"),
        ("Windows\r\nline\r\nends。", "Windows line ends。"),
    ],
)
def test_normalize_repairs_pdf_text(source, expected):
    assert normalize(source).text == expected


@pytest.mark.parametrize(
    "source",
    ["大连市经贸代表团赴日本\n考察，聚焦优势产业。\n\n青岛西\n\n海岸新区 2023 年", "  前导空格\n\n\n多个空行。 尾部  "],
)
def test_offsets_map_every_character_back_to_the_source(source):
    normalized = normalize(source)
    assert len(normalized.source_offsets) == len(normalized.text)
    for index, ch in enumerate(normalized.text):
        if ch not in "\n ":
            assert source[normalized.source_offsets[index]] == ch


@pytest.mark.parametrize(("source", "spaces"), [
    ("本报讯(记者 王明 冒青)今天", {"王", "冒"}),  # the space after 记者 and the one between the names
    ("宁波日报记者 张 波 通讯员", {"张", "波", "通"}),
    ("副市长王明会见 Tom Smith。", set()),  # next to a Latin word: no dropped space between ideographs
    ("无空格的文本", set()),
    ("2025年青山 ? 白河博览会开幕", {"?", "白"}),  # a ? set off by spaces: a lost middle dot
    ("你好吗 ?", {"?"}),  # remembered too: only a ? with one on each side is a dot (restore_lost_dots)
])
def test_normalize_keeps_where_a_space_between_ideographs_was(source, spaces):
    normalized = normalize(source)
    assert {normalized.text[i] for i in normalized.spaces} == spaces
    assert all(source[normalized.source_offsets[i] - 1] == " " for i in normalized.spaces)


def test_to_source_maps_a_span():
    source = "标题\n\n今年 5 月，大连\n市与北九州市"
    normalized = normalize(source)
    start = normalized.text.index("大连市")
    s, e = normalized.to_source(start, start + 3)
    assert source[s:e] == "大连\n市"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("大连是城市。青岛也是！对吗？", ["大连是城市。", "青岛也是！", "对吗？"]),
        ("他说：“合作共赢。”随后离开", ["他说：“合作共赢。”", "随后离开"]),
        ("标题\n正文；第二句", ["标题", "正文；", "第二句"]),
    ],
)
def test_sentence_spans(text, sentences):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences
