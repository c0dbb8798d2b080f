"""Repairing text extracted from PDF newspaper pages, keeping a map back to the source.

Newspaper PDFs break lines inside sentences (narrow columns: a break every dozen
characters) and even split words across blank lines at column ends
("苏州高\\n\\n新区"). :func:`normalize` joins those breaks, keeps real paragraph
breaks (as one ``\\n``), drops spaces that sit next to Chinese characters
("今年 1-10 月" → "今年1-10月"), and records for each character of the result
its offset in the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NormalizedText", "TERMINALS", "WINDOW", "is_cjk", "normalize", "sentence_spans", "text_windows"]

#: Characters that end a sentence or a paragraph; a line ending in one of them is not joined.
TERMINALS = frozenset("。！？!?；;…")
#: Closing marks that may follow a terminal (。” 。）).
_CLOSERS = frozenset("”’」』）)》〉】\"'")
#: Marks that show a paragraph is running prose, not a headline or a byline.
_PROSE_MARKS = frozenset("，、。；,;")
#: A paragraph at least this long with no final punctuation is prose broken at a column end.
_LONG_PARAGRAPH = 40


@lru_cache(maxsize=8192)
def is_cjk(ch: str) -> bool:
    """True for CJK ideographs, kana and CJK/full-width punctuation."""
    code = ord(ch)
    return (
        0x3000 <= code <= 0x30FF  # CJK punctuation, kana
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x2FFFF
        or ch in "“”‘’—…·"
    )


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The repaired text, for each of its characters the offset in the source, and where a space
    between two ideographs was dropped (记者 王明 李红: the offsets of 王 and 李; bylines split there),
    or between an ideograph and a ``?`` (大阪 ? 关西: the offsets of ? and 关; a lost middle dot)."""

    text: str
    source_offsets: tuple[int, ...]
    spaces: frozenset[int] = frozenset()

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalized text to the source text."""
        if not self.source_offsets:
            return start, end
        last = len(self.source_offsets) - 1
        s = self.source_offsets[min(start, last)]
        e = self.source_offsets[min(max(end - 1, 0), last)] + 1
        return s, e


_BYLINE_END = re.compile(r"[。！？!?]\s*[（(][^（）()]{1,6}[)）]$")


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip()
    if not stripped:
        return False
    if stripped[-1] in TERMINALS:
        return True
    if stripped[-1] not in _CLOSERS:
        return False
    if stripped[-1] in ")）" and _BYLINE_END.search(stripped):
        return True  # 稳定。（陈菁菁）: a byline closes the paragraph
    while stripped and stripped[-1] in _CLOSERS:
        if len(stripped) >= 2 and stripped[-2] in TERMINALS:
            return True
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in TERMINALS


def _short_label(line: str) -> bool:
    """A line of a few characters without punctuation (陈宇航摄, 林静怡): it stands alone."""
    return len(line) <= 6 and not any(ch in _PROSE_MARKS or ch in TERMINALS for ch in line)


def _is_prose(paragraph: str) -> bool:
    return len(paragraph) >= _LONG_PARAGRAPH or any(ch in _PROSE_MARKS for ch in paragraph)


_BRACKETED_QUALIFIER = re.compile(r"^[(（][^()（）]{1,6}[)）]")


#: A photo credit after a sentence or a caption closes its paragraph (现场。青山日报记者林小明 摄;
#: 正与日企洽谈合作 青山日报记者林小明 摄), in brackets too (车间。(青山网李小红摄), 购物。青山社发(王明摄)).
_PHOTO_CREDIT = re.compile(r"(?:[。！？!?]\s*|\s)[^。！？!?，,；;\s][^。！？!?，,；;]{0,15}(?:摄|供图)[)）]?$")


#: A paragraph that opens with a dateline (a date and a comma, an outlet's 讯, an outlet and the date of
#: its page) or a source line (来源:, 作者:) starts a report: it goes on no headline before it
#: (2022年12月21日，…; 江门日报讯(记者…); 青山晚报2018-09-29 11:56; 来源:《青山日报》); so does a bullet
#: (□青山日报记者…, ▲图为…: a byline or a caption).
_DATELINE_OPENING = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日[，,]|[^\s，,。！？；;]{2,12}?[报社台网]讯"
                               r"|[^\s，,。！？；;]{2,12}?[报网]\d{4}-\d{1,2}-\d{1,2}|(?:来源|作者)[:：]"
                               r"|[□■●◆▲△○⊙◎★☆◇]")


def _continues(previous: str, following: str) -> bool:
    """True when ``following`` goes on the sentence that ``previous`` left open."""
    if not previous or _ends_sentence(previous) or _PHOTO_CREDIT.search(previous.rstrip()) \
            or _DATELINE_OPENING.match(following):
        return False
    # prose cut at a column end, or a bracketed qualifier that never opens a
    # paragraph: 设立中日 | (苏州)地方发展合作示范区
    return _is_prose(previous) or bool(_BRACKETED_QUALIFIER.match(following))


def _joiner(left: str, right: str) -> str:
    """What goes between two joined pieces: a space only between two Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return " "
    return ""


_LINE = re.compile(r"[^\n]*")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, line)`` for every line (without its ``\\n``)."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


#: Share of the text in lines that end a sentence above which every line is a paragraph.
_PARAGRAPH_LINES = 0.8


def _lines_are_paragraphs(paragraphs: list[list[tuple[int, str]]]) -> bool:
    """True for text written one paragraph per line (web pages, word processors).

    There almost every line ends a sentence, and the lines that do not are headlines,
    bylines and captions, which stand alone. In text from PDF columns, lines end anywhere.
    """
    lines = [text for paragraph in paragraphs for _, text in paragraph]
    total = sum(map(len, lines))
    if not total or all(len(paragraph) == 1 for paragraph in paragraphs):
        return False
    ending = sum(len(line) for line in lines if _ends_sentence(line))
    return ending >= _PARAGRAPH_LINES * total


def _spaced(left: str, right: str) -> bool:
    """Whether a space dropped between ``left`` and ``right`` is remembered (see NormalizedText)."""
    return (is_cjk(left) or left == "?") and (is_cjk(right) or right == "?") and left + right != "??"


def normalize(source: str) -> NormalizedText:
    """Repair PDF line breaks and spacing; see the module docstring.

    >>> normalize("今年，苏州高\\n\\n新区是日资高地。\\n\\n争创示范区").text
    '今年，苏州高新区是日资高地。\\n争创示范区'
    >>> normalize("无锡市经贸文化代表团赴日本\\n考察，聚焦优势产业。").text
    '无锡市经贸文化代表团赴日本考察，聚焦优势产业。'
    >>> normalize("标题\\n\\n今年 1-10 月，苏州").text
    '标题\\n今年1-10月，苏州'
    >>> body = "今年，两市签署了合作协议，双方将在多个领域开展合作。" * 2
    >>> normalize("合作结硕果\\n记者王明\\n" + body).text == "合作结硕果\\n记者王明\\n" + body
    True
    """
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    # 1. paragraphs: runs of non-blank lines; each line keeps its source offset.
    paragraphs: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for offset, line in _lines(source):
        lead = len(line) - len(line.lstrip())
        content = line.strip()
        if not content:
            if current:
                paragraphs.append(current)
                current = []
            continue
        current.append((offset + lead, content))
    if current:
        paragraphs.append(current)
    if _lines_are_paragraphs(paragraphs):
        paragraphs = [[line] for paragraph in paragraphs for line in paragraph]

    # 2. join lines inside a paragraph unless a line ends a sentence; then join
    #    paragraphs that are prose cut at a column end.
    pieces: list[str] = []
    offsets: list[int] = []

    def emit(piece: str, start: int) -> None:
        pieces.append(piece)
        offsets.extend(range(start, start + len(piece)))

    def emit_break(at: int) -> None:
        pieces.append("\n")
        offsets.append(at)

    previous_text = ""
    for index, paragraph in enumerate(paragraphs):
        paragraph_text = "".join(text for _, text in paragraph)
        if index:
            if _continues(previous_text, paragraph_text):
                joint = _joiner(previous_text, paragraph_text)
                if joint:
                    emit(joint, paragraph[0][0] - 1)
            else:
                emit_break(paragraph[0][0] - 1)
        for line_index, (offset, text) in enumerate(paragraph):
            if line_index:
                prev_line = paragraph[line_index - 1][1]
                if (len(prev_line) < 8 and _ends_sentence(prev_line)) or _short_label(prev_line) and _short_label(text):
                    emit_break(offset - 1)  # a heading, a byline, two names on their own lines
                else:
                    joint = _joiner(prev_line, text)
                    if joint:
                        emit(joint, offset - 1)
            emit(text, offset)
        previous_text = paragraph_text

    # 3. drop horizontal white space next to Chinese characters; other runs become one space.
    joined = "".join(pieces)
    # spaces: where one was dropped between two ideographs, or between one and a ? (大阪 ? 关西: a lost dot)
    out, out_offsets, spaces = [], [], set()
    last = 0
    for run in _SPACES.finditer(joined):
        i, j = run.span()
        out.append(joined[last:i])
        out_offsets.extend(offsets[last:i])
        last = j
        left = joined[i - 1] if i else "\n"  # runs are maximal: the character before is kept
        right = joined[j] if j < len(joined) else "\n"
        if left == "\n" or right == "\n" or is_cjk(left) or is_cjk(right):
            spaces.update([len(out_offsets)] if _spaced(left, right) else [])
            continue
        out.append(" ")
        out_offsets.append(offsets[i])
    if not last:
        return NormalizedText(joined, tuple(offsets))
    out.append(joined[last:])
    out_offsets.extend(offsets[last:])
    return NormalizedText("".join(out), tuple(out_offsets), frozenset(spaces))


_SPACES = re.compile("[ \t\u3000\u00a0]+")
#: A sentence end: terminals and the closing marks after them, or a run of line breaks.
#: (Written to begin with one character class, which ``re`` scans for quickly:
#: the same matches as ``[。！？!?；;…]+[”’」』）)"']*|\n+``, three times faster.)
_SENTENCE_END = re.compile(r"[。！？!?；;…\n](?:(?<=\n)\n*|(?<!\n)[。！？!?；;…]*[”’」』）)\"']*)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences on Chinese punctuation and paragraph breaks.

    Returns ``(start, end)`` spans without the paragraph ``\\n``.

    >>> t = "苏州是城市。“他说！”\\n标题"
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['苏州是城市。', '“他说！”', '标题']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group()[0] != "\n" else match.start()
        if end > start:
            spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


#: The most characters the pipeline reads at once. A longer text (a whole PDF page, a scraped dump)
#: is read in windows of at most this many characters, cut at paragraph ends (:func:`text_windows`):
#: the pipeline's memory and time grow with the window, not the file (spaCy's own limit is 10^6).
WINDOW = 50_000
_SENTENCE_TERMINALS = re.compile("[。！？!?；;]")


def text_windows(text: str, size: int = WINDOW) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ``(start, end)`` windows of at most ``size`` characters.

    Each window ends at the last paragraph break (``\\n``) inside it; a window with no
    paragraph break in its second half ends after its last sentence terminal there, and
    one with neither is cut at ``size``. The windows cover the text exactly, so an offset
    in a window plus the window's start is an offset in the text. A text no longer than
    ``size`` is one window.

    >>> text = "第一段，短。\\n第二段很长，很长很长。第三句。\\n末段"
    >>> [text[s:e] for s, e in text_windows(text, 12)]  # a paragraph end, a sentence end, the rest
    ['第一段，短。\\n', '第二段很长，很长很长。', '第三句。\\n末段']
    >>> text_windows("一二三四五", 2), text_windows("", 2)
    ([(0, 2), (2, 4), (4, 5)], [(0, 0)])
    """
    if size < 1:
        raise ValueError(f"a window holds at least one character, not {size}")
    windows = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        half = start + size // 2
        cut = text.rfind("\n", half, limit) + 1
        if cut <= half:
            ends = [m.end() for m in _SENTENCE_TERMINALS.finditer(text, half, limit)]
            cut = ends[-1] if ends else limit
        windows.append((start, cut))
        start = cut
    windows.append((start, len(text)))
    return windows
