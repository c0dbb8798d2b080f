"""Finding input files and reading them into source records, whatever their format and encoding.

A source record (:class:`SourceFile`) is one article: its text, the file it came
from and its :class:`~kg.records.DocumentMetadata` (date and where it came from,
title, address, outlet). A text file is one record; a crawler export holds one
per line or row; a PDF is one record for all its pages (see :mod:`kg.readers`).
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import InputError, NoInputError, UnreadableFileError
from .records import DocumentMetadata

__all__ = ["SUFFIXES", "SourceFile", "decode_bytes", "discover", "holds_one_article", "iter_file", "iter_sources",
           "read_source", "with_date"]

log = logging.getLogger(__name__)

#: File suffixes taken from folders (a file named explicitly is always taken).
SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm", ".jsonl", ".csv")
_MEDIA_TYPES = {".md": "text/markdown"}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One article read from a file: its path, the encoding found, the text, its metadata.

    A file holding several articles (a crawler export) gives several records
    with the same ``path``; ``metadata.record`` tells them apart.
    """

    path: Path
    encoding: str
    text: str
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def content_hash(self) -> str:
        """SHA-256 of the decoded text, so a re-encoded copy is the same document."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def discover(paths: Iterable[str | Path], *, warnings: list[str] | None = None) -> list[Path]:
    """Expand files and folders (recursively, every suffix in :data:`SUFFIXES`) into a sorted file list.

    Links to folders are followed; a link that leads back to a folder already being read
    (a loop) is not followed again, and a link that leads nowhere is left out: each is
    reported in ``warnings`` (logged when ``warnings`` is ``None``). Files and folders
    whose names start with a dot are left out.

    Raises :class:`InputError` for a path that does not exist and
    :class:`NoInputError` when nothing is left to read.
    """
    def warn(message: str) -> None:
        if warnings is None:
            log.warning("%s", message)
        else:
            warnings.append(message)

    found: list[Path] = []
    named = [Path(p) for p in paths]
    for path in named:
        if path.is_dir():
            found.extend(sorted(_walk(path, warn)))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder; check the path you gave to 'kg build'")
    unique = list(dict.fromkeys(found))
    if not unique:
        shown = ", ".join(str(p) for p in named) or "(nothing)"
        raise NoInputError(
            f"no {', '.join('*' + suffix for suffix in SUFFIXES)} files found in {shown}; "
            "name article files or folders that contain them"
        )
    return unique


def _walk(root: Path, warn: Callable[[str], None]) -> Iterator[Path]:
    """The article files under ``root``, following links to folders but never into a loop."""
    def identity(folder: Path) -> tuple[int, int]:
        stat = folder.stat()
        return stat.st_dev, stat.st_ino

    stack = [(root, frozenset({identity(root)}))]
    while stack:
        folder, above = stack.pop()
        try:
            children = sorted(folder.iterdir())
        except OSError as exc:
            warn(f"{folder}: cannot be listed ({exc.strerror or exc}): its files are left out")
            continue
        for child in children:
            if child.name.startswith("."):
                continue
            if child.is_symlink() and not child.exists():
                if child.suffix and child.suffix.lower() not in SUFFIXES:
                    continue  # a dead link to something that is not an article
                warn(f"{child}: a link to {os.readlink(child)}, which does not exist: left out")
            elif child.is_dir():
                here = identity(child)
                if here in above:
                    warn(f"{child}: a link back to {child.resolve()}, a folder it is in (a loop): "
                         "not followed again")
                    continue
                stack.append((child, above | {here}))
            elif child.is_file() and child.suffix.lower() in SUFFIXES:
                yield child


# White space and format characters that are common in text and never counted below: with them
# taken out, a text that str.isprintable() accepts has no control, private or unassigned character.
_COMMON_UNPRINTABLE = re.compile("[\n\r\t\f \u3000\xa0\u200b-\u200d\ufeff\u2028\u2029]+")


def _looks_binary(text: str) -> bool:
    if not text or _COMMON_UNPRINTABLE.sub("", text).isprintable():  # the usual case, at C speed
        return False
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\r\t\f")
    return bad / len(text) > 0.01


_GB_FAMILY = frozenset({"gb18030", "gbk", "gb2312", "cp936", "hz"})


def _guess_encoding(data: bytes, source: object) -> str:
    """charset-normalizer's guess, preferring GB18030 among equally plausible ones.

    Short Chinese texts decode without errors in several double-byte encodings;
    for Chinese news the legacy encoding is GB18030 (GBK and GB2312 are subsets).
    """
    matches = list(from_bytes(data))
    if not matches:
        raise UnreadableFileError(source, "is not text in any encoding we can detect")
    best = matches[0]
    for match in matches:
        if match.encoding.lower().replace("-", "").replace("_", "") in _GB_FAMILY and match.chaos <= best.chaos + 0.05:
            return "gb18030"
    return best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` if ``data`` is UTF-16 saved without a byte-order mark, else ``None``.

    Such text has NUL bytes (the high byte of every ASCII character: digits, line breaks)
    nearly all on one side, the odd bytes for little-endian and the even ones for
    big-endian (the few on the other side are the low bytes of characters such as 一,
    U+4E00); binary data has them on both. What decodes must also read as text.
    """
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    encoding = ("utf-16-le" if odd >= 9 * even else "utf-16-be" if even >= 9 * odd else None) if odd + even else None
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) else (text, encoding)


def decode_bytes(data: bytes, *, source: object = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Tries a byte-order mark, then UTF-16 without one (by where its NUL bytes are), then
    strict UTF-8, then charset-normalizer's best guess (GB18030 for GBK text). Raises
    :class:`UnreadableFileError` for binary data.

    >>> decode_bytes("苏州".encode("gbk"))[0]
    '苏州'
    >>> decode_bytes(codecs.BOM_UTF8 + "苏州".encode())
    ('苏州', 'utf-8-sig')
    >>> decode_bytes("2024年苏州\\n".encode("utf-16-le")), decode_bytes("2024年苏州".encode("utf-16-be"))[1]
    (('2024年苏州\\n', 'utf-16-le'), 'utf-16-be')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableFileError(source, f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}") from exc
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise UnreadableFileError(source, "contains NUL bytes in no UTF-16 pattern, so it is binary, not text")
        return found
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        encoding = _guess_encoding(data, source)
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise UnreadableFileError(source, f"looked like {encoding} but does not decode: {exc}") from exc
    if _looks_binary(text):
        raise UnreadableFileError(source, "holds control characters, so it is binary, not text")
    return text, encoding


def read_source(path: str | Path) -> SourceFile:
    """Read and decode one file. Raises :class:`UnreadableFileError` (with the file's name)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be opened ({exc.strerror})") from exc
    text, encoding = decode_bytes(data, source=path)
    text = unicodedata.normalize("NFC", text)
    log.debug("read %s as %s (%d characters)", path, encoding, len(text))
    media_type = _MEDIA_TYPES.get(path.suffix.lower(), "text/plain")
    return SourceFile(path=path, encoding=encoding, text=text, metadata=DocumentMetadata(media_type=media_type))


def with_date(source: SourceFile, *, default: str | None = None) -> SourceFile:
    """``source`` with its date resolved (metadata, dateline, file name, then ``default``).

    A record whose date is already resolved (``metadata.date_source`` set) is returned as it is.
    See :func:`kg.readers.dates.resolve_document_date`.
    """
    from .readers.dates import resolve_document_date

    meta = source.metadata
    if meta.date_source is not None:
        return source
    value, origin = resolve_document_date(source.text, metadata_date=meta.date, file_name=source.name, default=default)
    if value is None:
        return source
    return replace(source, metadata=replace(meta, date=value, date_source=origin))


def _reader(path: Path) -> Callable[[Path], Iterable[SourceFile | UnreadableFileError]]:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .readers.pdf import read_pdf_source

        return lambda p: [read_pdf_source(p)]
    if suffix in (".html", ".htm", ".xhtml"):
        from .readers.html import read_html_source

        return lambda p: [read_html_source(p)]
    if suffix in (".jsonl", ".ndjson"):
        from .readers.exports import iter_jsonl

        return iter_jsonl
    if suffix == ".csv":
        from .readers.exports import iter_csv

        return iter_csv
    return lambda p: [read_source(p)]


def holds_one_article(path: str | Path) -> bool:
    """Whether the file at ``path`` is one article (text, PDF, HTML), not an export of many (JSON Lines, CSV).

    >>> holds_one_article("a.pdf"), holds_one_article("crawl.jsonl")
    (True, False)
    """
    return Path(path).suffix.lower() not in (".jsonl", ".ndjson", ".csv")


def iter_file(path: str | Path) -> Iterator[SourceFile | UnreadableFileError]:
    """Yield each article of one file (read by its suffix), or the error that stopped it, in order.

    The same items, in the same order, every time the file is read unchanged; an
    export's bad record yields its error in its place.
    """
    path = Path(path)
    try:
        for item in _reader(path)(path):
            yield with_date(item) if isinstance(item, SourceFile) else item
    except UnreadableFileError as exc:
        yield exc


def iter_sources(paths: Iterable[Path]) -> Iterator[SourceFile | UnreadableFileError]:
    """Yield each article of each file (by its suffix), or the error that stopped it, in order.

    A text, PDF or HTML file is one article; a JSON Lines or CSV export one per
    record, where a bad record yields its error and the others are still read.
    Each article's date is resolved from its metadata, dateline or file name
    (:func:`with_date`; the build's default date is applied at extraction).
    """
    for path in paths:
        yield from iter_file(path)
