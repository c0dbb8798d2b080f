"""Newspaper-like PDF pages generated for the tests: columns, headlines, running heads, page numbers.

Pages are drawn with reportlab in the CID font STSong-Light, which every PDF
reader maps back to Unicode (Adobe-GB1), so the text a reader extracts can be
compared with the text that was drawn. :func:`newspaper_pdf` returns the
text as it should be read: each headline and paragraph on a line of its own,
in reading order, without the running head, the footer and the page number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ARTICLES", "Article", "LEAD", "PageLayout", "SECOND", "THIRD", "newspaper_pdf"]

FONT = "STSong-Light"


@dataclass(frozen=True)
class Article:
    headline: str
    paragraphs: tuple[str, ...]
    #: a headline across every column at the top of the page (the page's lead article)
    lead: bool = False


@dataclass(frozen=True)
class PageLayout:
    width: float = 595.27
    height: float = 841.89
    margin: float = 50.0
    columns: int = 2
    gap: float = 20.0
    body_size: float = 12.0
    leading: float = 18.0
    running_head: tuple[str, str] = ("中日经贸周刊", "2024年4月22日 星期一")
    footer: str = "本版编辑：张伟　美编：李娜　校对：王芳"
    page_number: str = "第 {n} 版"
    top: float = 785.0
    bottom: float = 62.0
    extra: dict = field(default_factory=dict)

    @property
    def column_width(self) -> float:
        return (self.width - 2 * self.margin - (self.columns - 1) * self.gap) / self.columns


def _register() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _wrap(text: str, width: float, size: float, first_indent: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line, room = [], "", width - first_indent
    for ch in text:
        if stringWidth(line + ch, FONT, size) > room:
            lines.append(line)
            line, room = "", width
        line += ch
    if line:
        lines.append(line)
    return lines


class _Page:
    """The strings of one page, drawn when the page is done: in order, or shuffled."""

    def __init__(self) -> None:
        self.ops: list[tuple[str, float, float, float, str]] = []
        self.size = 10.5

    def setFont(self, _font: str, size: float) -> None:  # noqa: N802 (reportlab's names)
        self.size = size

    def drawString(self, x: float, y: float, text: str) -> None:  # noqa: N802
        # STSong-Light draws the middle dot of 携手同行·共享发展 only as U+30FB (read back as U+00B7)
        self.ops.append(("left", self.size, x, y, text.replace("\u00b7", "\u30fb")))

    def drawRightString(self, x: float, y: float, text: str) -> None:  # noqa: N802
        self.ops.append(("right", self.size, x, y, text))

    def drawCentredString(self, x: float, y: float, text: str) -> None:  # noqa: N802
        self.ops.append(("centre", self.size, x, y, text))


def newspaper_pdf(path: str | Path, articles: list[Article], *, layout: PageLayout | None = None,
                  first_page: int = 1, shuffle: int | None = None) -> str:
    """Draw ``articles`` flowing through the columns of as many pages as needed; return the expected text.

    With ``shuffle`` (a seed) the strings of each page are written to the file in a
    random order, so that a reader must find the reading order from the layout.
    """
    import random

    from reportlab.pdfgen import canvas

    _register()
    layout = layout or PageLayout()
    out = canvas.Canvas(str(path), pagesize=(layout.width, layout.height))
    expected: list[str] = []
    page = first_page
    state = {"col": 0, "y": layout.top, "top": layout.top}
    pdf = _Page()

    def flush() -> None:
        ops = list(pdf.ops)
        if shuffle is not None:
            random.Random(shuffle + page).shuffle(ops)
        out.line(layout.margin, layout.height - 46, layout.width - layout.margin, layout.height - 46)
        for how, size, x, y, text in ops:
            out.setFont(FONT, size)
            {"left": out.drawString, "right": out.drawRightString, "centre": out.drawCentredString}[how](x, y, text)
        out.showPage()
        pdf.ops.clear()

    def furniture() -> None:
        pdf.setFont(FONT, 9)
        pdf.drawString(layout.margin, layout.height - 40, layout.running_head[0])
        pdf.drawRightString(layout.width - layout.margin, layout.height - 40, layout.running_head[1])
        pdf.setFont(FONT, 8)
        pdf.drawString(layout.margin, 40, layout.footer)
        pdf.drawCentredString(layout.width / 2, 26, layout.page_number.format(n=page))

    def new_page() -> None:
        nonlocal page
        flush()
        page += 1
        furniture()
        state.update(col=0, y=layout.top, top=layout.top)

    def x_of(col: int) -> float:
        return layout.margin + col * (layout.column_width + layout.gap)

    def need(height: float) -> None:
        if state["y"] - height >= layout.bottom:
            return
        if state["col"] + 1 < layout.columns:
            state.update(col=state["col"] + 1, y=state["top"])
        else:
            new_page()

    furniture()
    for article in articles:
        expected.append(article.headline)
        if article.lead:
            if state["y"] != layout.top or state["col"] != 0:
                new_page()
            pdf.setFont(FONT, 20)
            pdf.drawCentredString(layout.width / 2, layout.top - 20, article.headline)
            state.update(y=layout.top - 44, top=layout.top - 44)
        else:
            need(30)
            pdf.setFont(FONT, 14)
            for line in _wrap(article.headline, layout.column_width, 14, 0):
                pdf.drawString(x_of(state["col"]), state["y"] - 14, line)
                state["y"] -= 20
            state["y"] -= 4
        for paragraph in article.paragraphs:
            expected.append(paragraph)
            indent = 2 * layout.body_size
            for i, line in enumerate(_wrap(paragraph, layout.column_width, layout.body_size, indent)):
                need(layout.leading)
                pdf.setFont(FONT, layout.body_size)
                pdf.drawString(x_of(state["col"]) + (indent if i == 0 else 0), state["y"] - layout.body_size, line)
                state["y"] -= layout.leading
        state["y"] -= 8
    flush()
    out.save()
    return "\n".join(expected)


#: Articles written for these tests (a lead article long enough to cross the column break,
#: and two shorter ones, as on the seeds' pages).
LEAD = Article("苏州与日本经贸合作双向奔赴", (
    "中日两国是亚洲重要的经济体，也是一衣带水的邻国。近日，由苏州市商务局主办的中日地方经贸合作交流会在苏州高新区举办，"
    "来自两国的数十位企业代表围绕数字化和绿色产业展开交流。",
    "据苏州市商务局统计，今年1至10月，苏州对日本贸易总额234.7亿美元，日本对苏州投资项目45个。"
    "到今年10月，苏州累计实际使用日资140.7亿美元。",
    "松下电器产业株式会社投资8489万美元在苏州工业园区设立松下新能源（苏州）有限公司，主要生产动力电池，"
    "产品供应长三角地区的汽车企业。公司负责人表示，苏州完善的产业链和高效的政府服务是企业不断扩大投资的重要原因。",
    "苏州市与日本池田市缔结友好城市已有四十多年，双方在教育、文化和青少年交流等领域开展了广泛合作，"
    "今年还签署了新的合作备忘录。池田市市长在交流会上说，希望两市在养老服务和环境保护方面加强合作。",
    "在交流会上，苏州高新区与日本贸易振兴机构签署战略合作协议，双方将共同举办企业对接活动，"
    "帮助更多日本中小企业了解苏州的投资环境。村田制作所、欧姆龙等企业的代表分享了在苏州发展的经验。",
    "苏州高新区负责人表示，将继续优化营商环境，为日资企业在苏州投资兴业提供一流服务，"
    "推动中日绿色产业创新合作示范区建设取得新进展。目前，高新区已集聚日资企业七百多家，"
    "涵盖电子信息、精密机械、新能源和生物医药等产业。",
    "近年来，苏州不断拓展对日合作的新空间。相城区与日本企业合作建设的智能制造产业园已经投入使用，"
    "吴中区也在积极推进中日合作项目。专家认为，数字经济和绿色发展将成为两国地方合作的新亮点，"
    "两地企业也希望借助交流会的平台寻找更多合作机会。",
    "展望未来，苏州将以示范区建设为抓手，进一步深化与日本在科技创新、人才培养和营商环境等方面的交流合作，"
    "吸引更多优质项目落户，为两国地方合作树立新的标杆。",
), lead=True)
SECOND = Article("无锡代表团赴日本考察", (
    "本报讯　4月17日至20日，无锡市经贸文化代表团赴日本考察，聚焦优势产业，开展精准对接，深化交流合作。",
    "18日下午，中日产业文化合作交流会在东京举行。无锡市与日本相模原市签署友好交流合作协议，"
    "村田制作所与无锡高新区签约。",
))
THIRD = Article("大连港与北九州港开通新航线", (
    "新华网大连6月1日电　大连港集团与北九州港湾局签署合作协议，双方将开通一条新的集装箱航线，每周往返两班。",
))
ARTICLES = (LEAD, SECOND, THIRD)
