"""An article's date: from its metadata, its dateline, its file name or the build's default.

The date of a document resolves its relative dates (今年, 去年, 上月 …) and places
in time every fact it states. :func:`resolve_document_date` tries, in order:

1. the date in the document's metadata (a web page's, a crawler record's);
2. a dateline among the text's first lines (``新华网大连6月1日电`` gives month and day;
   the year comes from the metadata, else the file name, else the default date);
3. a date in the file name (``2024-04-22_dalian.txt``, ``20240422.pdf``, ``2024年4月…``);
4. the default date (``kg build --date``).

The dateline and file-name patterns are data: ``kg/patterns/datelines.tsv``.

>>> resolve_document_date("新华网大连6月1日电 大连市与北九州市……", file_name="2021_dalian.txt")
(DateValue(value='2021-06-01', precision='date'), 'dateline')
>>> resolve_document_date("正文", file_name="2024-04-22_news.txt")
(DateValue(value='2024-04-22', precision='date'), 'fileName')
>>> resolve_document_date("正文", file_name="a.txt", default="2023-12-01")
(DateValue(value='2023-12-01', precision='date'), 'default')
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import PatternFileError
from ..records import DateSource, DateValue

__all__ = [
    "Dateline",
    "find_dateline",
    "date_from_file_name",
    "parse_date_value",
    "resolve_document_date",
]

_PATTERNS = "patterns/datelines.tsv"
#: How many characters at the start of a text are searched for a dateline.
DATELINE_WINDOW = 400
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline: who filed the article, from where, and the day (the year only if it says)."""

    outlet: str
    place: str
    month: int
    day: int
    year: int | None
    pattern: str


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    path = resources.files("kg").joinpath(_PATTERNS)
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    found: dict[str, list[tuple[str, re.Pattern[str]]]] = {"dateline": [], "fileName": []}
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
        kind, name, pattern = row.get("kind"), row.get("name"), row.get("pattern")
        if kind not in found or not name or not pattern:
            raise PatternFileError(f"kg/{_PATTERNS}: row {number} needs kind (dateline or fileName), name and pattern")
        try:
            found[kind].append((name, re.compile(pattern, re.MULTILINE)))
        except re.error as exc:
            raise PatternFileError(f"kg/{_PATTERNS}: pattern {name!r} is not a regular expression ({exc}); fix it") from exc
    return {kind: tuple(items) for kind, items in found.items()}


def _value(year: int, month: int | None = None, day: int | None = None) -> DateValue | None:
    """A :class:`DateValue` as precise as the parts given, or ``None`` for an impossible date."""
    if month is None:
        return DateValue(f"{year:04d}", "gYear")
    if not 1 <= month <= 12:
        return None
    if day is None:
        return DateValue(f"{year:04d}-{month:02d}", "gYearMonth")
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "date")


_ISO_LIKE = re.compile(
    r"^\s*(?P<year>(?:19|20)\d\d)(?:\s*(?:[-/.]|年)\s*(?P<month>\d{1,2})(?:\s*(?:[-/.]|月)\s*(?P<day>\d{1,2})\s*日?)?\s*月?)?"
    r"(?:$|[\sT]\d{1,2}:\d\d|年$)"
)
_COMPACT = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)(?P<month>\d\d)(?P<day>\d\d)\s*$")


def parse_date_value(text: str | None) -> DateValue | None:
    """A publication date as metadata writes it, or ``None`` if it is not one.

    Accepts ISO dates and times (``2024-04-22``, ``2024-04-22T08:00:00+08:00``,
    ``2024-04``, ``2024``), slashes and dots (``2024/4/22``), Chinese
    (``2024年4月22日``) and ``20240422``.

    >>> parse_date_value("2024-04-22T08:30:00+08:00")
    DateValue(value='2024-04-22', precision='date')
    >>> parse_date_value("2024年4月")
    DateValue(value='2024-04', precision='gYearMonth')
    >>> parse_date_value("2024-02-30") is None, parse_date_value("昨天") is None
    (True, True)
    """
    if not text:
        return None
    text = str(text).translate(_FULL_WIDTH_DIGITS)
    match = _ISO_LIKE.match(text) or _COMPACT.match(text)
    if match is None:
        return None
    month, day = match.group("month"), match.group("day")
    return _value(int(match.group("year")), int(month) if month else None, int(day) if day else None)


def find_dateline(text: str, *, window: int = DATELINE_WINDOW) -> Dateline | None:
    """The first dateline at the start of a line among the first ``window`` characters of ``text``.

    >>> find_dateline("标题\\n新华社东京6月1日电（记者王明）日本……")
    Dateline(outlet='新华社', place='东京', month=6, day=1, year=None, pattern='agency')
    >>> find_dateline("本报讯（记者 李华）无锡……") is None
    True

    The patterns match the folded text (traditional forms simplified, full-width digits
    made ASCII); the outlet and place are quoted as written:

    >>> find_dateline("中新社威海５月14日電 (王婉蓉)")
    Dateline(outlet='中新社', place='威海', month=5, day=14, year=None, pattern='agency')
    """
    from ..folding import fold

    raw = text[:window]
    head = fold(raw)
    best: tuple[int, Dateline] | None = None
    for name, pattern in _patterns()["dateline"]:
        match = pattern.search(head)
        if match is None or (best is not None and match.start() >= best[0]):
            continue
        groups = match.groupdict()
        year = groups.get("year")
        outlet, place = (raw[match.start(group):match.end(group)] if groups.get(group) else ""
                         for group in ("outlet", "place"))  # as written
        best = (match.start(), Dateline(outlet=outlet, place=place,
                                        month=int(groups["month"]), day=int(groups["day"]),
                                        year=int(year) if year else None, pattern=name))
    return best[1] if best else None


def date_from_file_name(name: str) -> DateValue | None:
    """The date a file's name holds (as precise as it is written), or ``None``.

    >>> date_from_file_name("2024-04-22_dalian.txt")
    DateValue(value='2024-04-22', precision='date')
    >>> date_from_file_name("news_20230105.pdf")
    DateValue(value='2023-01-05', precision='date')
    >>> date_from_file_name("000_2f9bf5cb93da7add.txt") is None
    True
    """
    name = name.translate(_FULL_WIDTH_DIGITS)
    for _, pattern in _patterns()["fileName"]:
        for match in pattern.finditer(name):
            groups = match.groupdict()
            month, day = groups.get("month"), groups.get("day")
            value = _value(int(groups["year"]), int(month) if month else None, int(day) if day else None)
            if value is not None:
                return value
    return None


def _year(value: DateValue | None) -> int | None:
    return int(value.value[:4]) if value is not None else None


def resolve_document_date(
    text: str,
    *,
    metadata_date: DateValue | str | None = None,
    file_name: str = "",
    default: DateValue | str | None = None,
) -> tuple[DateValue | None, DateSource | None]:
    """The document's date and where it came from (see the module docstring).

    A metadata date precise to the day wins. A metadata date that gives only the
    year (or year and month) is completed by a dateline on the same year; so is
    the file name's. ``default`` is ``kg build --date`` (ISO text or a
    :class:`DateValue`). Returns ``(None, None)`` when nothing gives a date.
    """
    meta = parse_date_value(metadata_date) if isinstance(metadata_date, str) else metadata_date
    fallback = parse_date_value(default) if isinstance(default, str) else default
    if meta is not None and meta.precision == "date":
        return meta, "metadata"
    from_name = date_from_file_name(file_name) if file_name else None
    line = find_dateline(text)
    if line is not None:
        year = line.year or _year(meta) or _year(from_name) or _year(fallback)
        value = _value(year, line.month, line.day) if year else None
        if value is not None and (meta is None or value.value.startswith(meta.value)):
            return value, "dateline"
    if meta is not None:
        return meta, "metadata"
    if from_name is not None:
        return from_name, "fileName"
    if fallback is not None:
        return fallback, "default"
    return None, None

