"""PDF pages: the text of every page in reading order, without running heads, page numbers and footers.

pdfminer.six (MIT) reads the characters and groups them into text lines with
their positions (:class:`pdfminer.layout.LTTextLineHorizontal`); this module
orders the lines of a page the way a reader of a newspaper page does, because
the order in which a PDF draws its strings is often not the reading order:

1. **Furniture is dropped**: lines in the top or bottom margin band of the page
   (``MARGIN_BAND``) that are set smaller than the body text, look like a page
   number (``3``, ``- 3 -``, ``第3版``, ``3/8``) or recur on other pages.
2. **Bands and columns**: a line wider than most of the page (a headline across
   the columns) starts a band of its own; within a band the lines fall into
   columns where their horizontal extents overlap; columns are read left to
   right, each from top to bottom, then the next band.
3. **Paragraphs**: lines are joined into a paragraph (CJK text takes no space
   between lines) until a line is indented, set in another size (a headline),
   the previous line stopped short of the column's right edge, or a wide gap
   follows. An article that crosses the column break stays one paragraph.

Each headline and paragraph becomes one line of the text, pages follow each
other, and :attr:`PdfText.pages` holds the offset where each page starts, so
:meth:`PdfText.locate` maps an offset back to its page and the position of its
line. A PDF page with several articles is one document, as a text file is.
"""

from __future__ import annotations

import logging
import re
import statistics
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnreadablePdfError
from ..reading import SourceFile
from ..records import DocumentMetadata

__all__ = ["MARGIN_BAND", "PdfLine", "PdfPosition", "PdfText", "read_pdf", "read_pdf_source"]

log = logging.getLogger(__name__)

#: Share of the page height, at the top and at the bottom, where running heads, footers and page numbers sit.
MARGIN_BAND = 0.08
_PAGE_NUMBER = re.compile(r"^[\s\-—–·•]*(?:第?\s*[0-9０-９]+\s*(?:版|页|/\s*[0-9]+)?|[0-9]+\s*/\s*[0-9]+|A?[0-9]+)[\s\-—–·•]*$")
_CID = re.compile(r"\(cid:\d+\)")


@dataclass(frozen=True, slots=True)
class PdfLine:
    """One text line of a page: its text, box (PDF points, origin bottom left) and character size."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


@dataclass(frozen=True, slots=True)
class PdfPosition:
    """Where an offset of the text lies: the page (from 1) and the box of its line on that page."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class PdfText:
    """A PDF's text in reading order; ``pages`` are the offsets where each page starts."""

    text: str
    pages: tuple[int, ...]
    line_starts: tuple[int, ...]
    lines: tuple[PdfLine, ...]
    dropped: tuple[PdfLine, ...] = ()

    def page_of(self, offset: int) -> int:
        """The page (from 1) holding ``offset``."""
        return max(bisect_right(self.pages, offset), 1)

    def locate(self, offset: int) -> PdfPosition | None:
        """The page and line box of the character at ``offset`` (``None`` for a joining character)."""
        index = bisect_right(self.line_starts, offset) - 1
        if index < 0:
            return None
        line = self.lines[index]
        if offset >= self.line_starts[index] + len(line.text):
            return None
        return PdfPosition(line.page, line.x0, line.y0, line.x1, line.y1)


def _size(line: object) -> float:
    from pdfminer.layout import LTChar

    sizes = [ch.size for ch in line if isinstance(ch, LTChar) and not ch.get_text().isspace()]  # type: ignore[attr-defined]
    return round(statistics.median(sizes), 1) if sizes else 0.0


def _page_lines(layout: object, number: int) -> list[PdfLine]:
    from pdfminer.layout import LTTextContainer, LTTextLineHorizontal

    found: list[PdfLine] = []

    def walk(item: object) -> None:
        if isinstance(item, LTTextLineHorizontal):
            text = item.get_text().replace("\n", "").strip()
            if text:
                found.append(PdfLine(number, text, item.x0, item.y0, item.x1, item.y1, _size(item)))
        elif isinstance(item, (LTTextContainer,)) or hasattr(item, "__iter__"):
            for child in item:  # type: ignore[attr-defined]
                walk(child)

    walk(layout)
    return found


def _in_band(line: PdfLine, height: float) -> bool:
    return line.y0 >= height * (1 - MARGIN_BAND) or line.y1 <= height * MARGIN_BAND


def _body_size(pages: list[tuple[float, list[PdfLine]]]) -> float:
    """The size most characters outside the margin bands are set in (all characters if none are)."""
    sizes: Counter[float] = Counter()
    for height, lines in pages:
        for line in lines:
            if not _in_band(line, height):
                sizes[line.size] += len(line.text)
    if not sizes:
        for _, lines in pages:
            for line in lines:
                sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0]


def _furniture_key(text: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", text))


def _split_furniture(pages: list[tuple[float, list[PdfLine]]], body_size: float) -> tuple[list[list[PdfLine]], list[PdfLine]]:
    in_band: list[list[PdfLine]] = []
    for height, lines in pages:
        in_band.append([line for line in lines if _in_band(line, height)])
    recurring = Counter(key for band in in_band for key in {_furniture_key(line.text) for line in band})
    kept, dropped = [], []
    for (_, lines), band in zip(pages, in_band):
        band_ids = {id(line) for line in band}
        page_kept = []
        for line in lines:
            if id(line) in band_ids and (
                    line.size < body_size * 0.95 or _PAGE_NUMBER.match(line.text)
                    or (len(pages) > 1 and recurring[_furniture_key(line.text)] > 1)):
                dropped.append(line)
            else:
                page_kept.append(line)
        kept.append(page_kept)
    return kept, dropped


def _spans(lines: list[PdfLine]) -> list[tuple[float, float]]:
    """The columns of a page: where the horizontal extents of its body lines overlap, left to right."""
    spans: list[list[float]] = []
    for line in sorted(lines, key=lambda ln: ln.x0):
        if spans and line.x0 < spans[-1][1] - 1.0:
            spans[-1][1] = max(spans[-1][1], line.x1)
        else:
            spans.append([line.x0, line.x1])
    return [(a, b) for a, b in spans]


def _reading_order(lines: list[PdfLine], body_size: float) -> list[list[PdfLine]]:
    """The page's lines as columns in reading order.

    Columns are found from the body text; a line across several of them (a
    headline over the columns) ends a band and is read alone; each band's
    columns are read left to right, each from top to bottom.
    """
    if not lines:
        return []
    body = [ln for ln in lines if abs(ln.size - body_size) <= 0.1 * body_size] or lines
    spans = _spans(body)

    def columns_of(line: PdfLine) -> list[int]:
        hits = [i for i, (a, b) in enumerate(spans) if min(b, line.x1) - max(a, line.x0) > 1.0]
        if hits:
            return hits
        middle = (line.x0 + line.x1) / 2
        return [min(range(len(spans)), key=lambda i: abs((spans[i][0] + spans[i][1]) / 2 - middle))]

    ordered: list[list[PdfLine]] = []
    band: list[list[PdfLine]] = [[] for _ in spans]

    def flush() -> None:
        ordered.extend(column for column in band if column)
        band[:] = [[] for _ in spans]

    for line in sorted(lines, key=lambda ln: (-ln.y1, ln.x0)):
        hits = columns_of(line)
        if len(hits) > 1:
            flush()
            ordered.append([line])
        else:
            band[hits[0]].append(line)
    flush()
    return ordered


def _joiner(left: str, right: str) -> str:
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return " "
    return ""


def _paragraphs(columns: Iterable[list[PdfLine]], body_size: float) -> list[list[PdfLine]]:
    paragraphs: list[list[PdfLine]] = []
    previous: PdfLine | None = None
    previous_right = 0.0
    for column in columns:
        body = [ln for ln in column if abs(ln.size - body_size) <= 0.1 * body_size] or column
        left, right = min(ln.x0 for ln in body), max(ln.x1 for ln in body)
        for index, line in enumerate(column):
            unit = line.size or body_size
            starts = (
                previous is None
                or abs(line.size - previous.size) > 0.1 * max(line.size, previous.size)
                or line.x0 > left + 0.8 * unit
                or previous.x1 < previous_right - 1.2 * unit
                or (index > 0 and previous.y0 - line.y1 > 1.2 * unit)
            )
            if starts:
                paragraphs.append([line])
            else:
                paragraphs[-1].append(line)
            previous, previous_right = line, right
    return paragraphs


def read_pdf(path: str | Path) -> PdfText:
    """The text of every page of the PDF at ``path`` in reading order (see the module docstring).

    Raises :class:`~kg.errors.UnreadablePdfError` for a file that is no readable PDF,
    is encrypted, or holds no text (scanned images).
    """
    path = Path(path)
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams
    except ImportError as exc:  # pragma: no cover - a dependency of cjkg
        raise UnreadablePdfError(path, "is a PDF, and reading one needs pdfminer.six: "
                                       "pip install pdfminer.six==20260107") from exc
    params = LAParams(char_margin=1.0, line_margin=0.3, boxes_flow=None)
    pages: list[tuple[float, list[PdfLine]]] = []
    try:
        for number, layout in enumerate(extract_pages(str(path), laparams=params), start=1):
            pages.append((layout.height, _page_lines(layout, number)))
    except OSError as exc:
        raise UnreadablePdfError(path, f"cannot be opened ({exc.strerror or exc})") from exc
    except Exception as exc:  # pdfminer raises many kinds on damaged or encrypted files
        raise UnreadablePdfError(path, f"is not a PDF that can be read ({type(exc).__name__}: {exc})") from exc
    all_lines = [line for _, lines in pages for line in lines]
    if not all_lines:
        raise UnreadablePdfError(path, f"has {len(pages)} page(s) but no text (scanned images only?)")
    cid = sum(len(m) for line in all_lines for m in _CID.findall(line.text))
    if cid > 0.2 * sum(len(line.text) for line in all_lines):
        raise UnreadablePdfError(path, "uses fonts whose characters cannot be mapped to Unicode")
    body_size = _body_size(pages)
    kept, dropped = _split_furniture(pages, body_size)

    parts: list[str] = []
    page_starts: list[int] = []
    line_starts: list[int] = []
    placed: list[PdfLine] = []
    offset = 0
    for page_lines in kept:
        page_starts.append(offset)
        for paragraph in _paragraphs(_reading_order(page_lines, body_size), body_size):
            for i, line in enumerate(paragraph):
                joiner = _joiner(paragraph[i - 1].text, line.text) if i else ""
                parts.append(joiner)
                offset += len(joiner)
                line_starts.append(offset)
                placed.append(line)
                parts.append(line.text)
                offset += len(line.text)
            parts.append("\n")
            offset += 1
    text = "".join(parts[:-1])  # no line break after the last paragraph
    if not text:
        raise UnreadablePdfError(path, "holds only running heads, page numbers and footers, no article text")
    log.debug("read %s: %d page(s), %d characters, %d furniture line(s) dropped", path, len(pages), len(text), len(dropped))
    return PdfText(text=text, pages=tuple(page_starts), line_starts=tuple(line_starts), lines=tuple(placed),
                   dropped=tuple(dropped))


def read_pdf_source(path: str | Path) -> SourceFile:
    """Read one PDF file as a source record (one document for all its pages)."""
    path = Path(path)
    pdf = read_pdf(path)
    metadata = DocumentMetadata(media_type="application/pdf", pages=pdf.pages)
    return SourceFile(path=path, encoding="pdf", text=pdf.text, metadata=metadata)
