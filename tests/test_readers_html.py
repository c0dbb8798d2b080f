"""Saved web pages: main text without navigation and boilerplate, with title, date, author, address, outlet."""

from __future__ import annotations

import pytest

from kg.errors import UnreadableFileError
from kg.readers.html import extract_html, read_html_source
from kg.reading import iter_sources
from kg.records import DateValue

BODY = [
    "大连市与北九州市缔结友好城市已有四十多年，双方在港口物流领域开展合作。",
    "今年6月，日立制作所投资3000万美元在大连设立日立大连有限公司，主要生产工业设备。",
    "大连市商务局负责人表示，大连将继续优化营商环境，欢迎更多日本企业来大连投资兴业。",
]


def page(*, head: str = "", body: list[str] = BODY, charset: str = "utf-8") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>大连与北九州深化港口合作_大连新闻网</title>
{head}
</head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li><li><a href="/city">城市频道</a></li>
<li><a href="/about">关于我们</a></li></ul></nav>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/news">新闻</a> &gt; 大连</div>
<article>
<h1>大连与北九州深化港口合作</h1>
{paragraphs}
</article>
<aside><h3>热点新闻</h3><ul><li><a href="/x">某地举办美食节活动</a></li><li><a href="/y">天气预报：明天有雨</a></li></ul></aside>
<footer><p>版权所有 大连新闻网 | 辽ICP备00000000号 | 联系我们 | 网站地图</p></footer>
</body></html>"""


META = """<meta property="og:title" content="大连与北九州深化港口合作">
<meta property="og:site_name" content="大连新闻网">
<meta name="author" content="王明">
<meta property="article:published_time" content="2021-06-01T09:30:00+08:00">
<link rel="canonical" href="https://news.example.cn/dalian/2021/0601/123.html">"""


def test_main_text_without_navigation_and_the_pages_metadata():
    text, meta = extract_html(page(head=META))
    assert text.splitlines() == ["大连与北九州深化港口合作", *BODY]
    assert (meta.title, meta.date, meta.url, meta.publisher, meta.author, meta.media_type) == (
        "大连与北九州深化港口合作", DateValue("2021-06-01", "date"),
        "https://news.example.cn/dalian/2021/0601/123.html", "大连新闻网", "王明", "text/html")


def test_a_page_without_metadata_is_dated_by_its_dateline_and_file_name(tmp_path):
    path = tmp_path / "2022_dalian.html"
    path.write_text(page(body=["新华网大连5月8日电 " + BODY[0], *BODY[1:]]), encoding="utf-8")
    (source,) = iter_sources([path])
    assert source.metadata.url is None and source.metadata.author is None
    assert (source.metadata.date, source.metadata.date_source) == (DateValue("2022-05-08", "date"), "dateline")


def test_a_gbk_page_is_decoded(tmp_path):
    path = tmp_path / "gbk.htm"
    path.write_bytes(page(head=META, charset="gbk").encode("gbk"))
    source = read_html_source(path)
    assert source.text.splitlines()[1:] == BODY and source.metadata.title == "大连与北九州深化港口合作"


@pytest.mark.parametrize("html", ["", "<html><head><title>图片</title></head><body><img src='a.png'></body></html>"])
def test_a_page_without_article_text_is_one_error(tmp_path, html):
    path = tmp_path / "empty.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="empty.html: is a web page in which no article text was found"):
        read_html_source(path)
