"""Saved web pages: the article's main text and its metadata, by trafilatura.

`trafilatura <https://trafilatura.readthedocs.io>`_ (Apache-2.0) finds the main
text of a page without its navigation, link lists, side bars and footer, and
reads the page's metadata (``<title>``, Open Graph and Dublin Core ``<meta>``,
JSON-LD, the canonical link): title, publication date (the original one, not
the last change; no guessing from the text), address and site name, which
becomes the outlet. trafilatura reads author names in Latin letters only; a
Chinese name in ``<meta name="author">`` is read from that tag.

The decoded text of the record is the main text (one paragraph per line), so
offsets in the graph point into it, not into the HTML.
"""

from __future__ import annotations

import logging
import unicodedata
from pathlib import Path

from ..errors import UnreadableFileError
from ..reading import SourceFile
from ..records import DocumentMetadata
from .dates import parse_date_value

__all__ = ["extract_html", "read_html_source"]

log = logging.getLogger(__name__)

#: trafilatura's date search: the original publication date, from the page's markup only.
_DATE_OPTIONS = {"original_date": True, "extensive_search": False}


def _meta_author(data: bytes | str) -> str | None:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(data)
    except (ValueError, TypeError) as exc:  # lxml: empty or undecodable document
        log.debug("cannot parse the page for its author: %s", exc)
        return None
    for value in tree.xpath('//meta[translate(@name, "AUTHOR", "author")="author"]/@content'):
        value = " ".join(str(value).split())
        if value:
            return value
    return None


def extract_html(data: bytes | str, *, source: object = "<html>") -> tuple[str, DocumentMetadata]:
    """The main text of a web page and its metadata.

    Raises :class:`~kg.errors.UnreadableFileError` (naming ``source``) when the page
    holds no article text.
    """
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency of cjkg
        raise UnreadableFileError(source, "is a web page, and reading one needs trafilatura: "
                                          "pip install trafilatura==2.3.1") from exc
    document = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params=_DATE_OPTIONS,
    )
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise UnreadableFileError(source, "is a web page in which no article text was found "
                                          "(only navigation, or an empty page)")
    text = unicodedata.normalize("NFC", text)

    def clean(value: object) -> str | None:
        value = " ".join(str(value).split()) if value else ""
        return unicodedata.normalize("NFC", value) or None

    author = clean(document.author) or clean(_meta_author(data))
    metadata = DocumentMetadata(
        title=clean(document.title), date=parse_date_value(document.date), url=clean(document.url),
        publisher=clean(document.sitename), author=author, media_type="text/html",
    )
    return text, metadata


def read_html_source(path: str | Path) -> SourceFile:
    """Read one saved web page as a source record. Raises :class:`~kg.errors.UnreadableFileError`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be opened ({exc.strerror})") from exc
    text, metadata = extract_html(data, source=path)
    log.debug("read %s: %d characters of main text, title %r", path, len(text), metadata.title)
    return SourceFile(path=path, encoding="html", text=text, metadata=metadata)
