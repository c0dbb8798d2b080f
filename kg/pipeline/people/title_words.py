"""Where the titles of a text are (市委书记, 会长): each whole title by its end, the characters a title
holds, and an honorific that closes a name (藤原长作先生). Read by :mod:`.titles`."""

from __future__ import annotations

from .lexicon import IDEOGRAPHS, PeopleScan

__all__ = ["honored_end", "inside_title", "whole_titles"]


def whole_titles(scan: PeopleScan) -> list[tuple[int, str]]:
    """Each whole title of the text (理事 inside 理事长 is none) as (end index, title), by end."""
    if "titles" not in scan._memo:
        occurrences = scan._memo["title_occurrences"] = sorted(scan.lex.titles.find(scan.text),
                                                               key=lambda o: (o[0], -(o[1] - o[0])))
        longest: dict[int, str] = {}
        reach = -1
        for _, end, title in occurrences:
            if end <= reach:
                continue
            reach = end
            if len(title) > len(longest.get(end - 1, "")):
                longest[end - 1] = title
        scan._memo["titles"] = sorted(longest.items())
    return scan._memo["titles"]


def honored_end(scan: PeopleScan, start: int, end: int) -> int | None:
    """The end of a name of up to four ideographs that an honorific closes at or just after ``end``
    (专家原正市先生, 藤原长作先生: 作 and 市 would end it before)."""
    text, honorifics = scan.text, scan.lex.words["honorifics"]
    for stop in range(end, min(start + 4, len(text)) + 1):
        if not IDEOGRAPHS.match(text[start:stop]):
            return None
        if text.startswith(honorifics, stop):
            return stop
    return None


def inside_title(scan: PeopleScan, at: int) -> bool:
    """A title occurrence holds ``at`` after its first character."""
    cover = scan._memo.get("title_cover")
    if cover is None:
        whole_titles(scan)
        cover = scan._memo["title_cover"] = bytearray(len(scan.text) + 1)
        for start, end, _ in scan._memo["title_occurrences"]:
            cover[start + 1:end] = b"\1" * (end - start - 1)
    return bool(cover[at])
