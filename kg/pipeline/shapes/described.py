"""Which phrases ending in an event's suffix name an event at all (a helper of :mod:`.suffix`).

A name needs something only it has: a place, a body or a person named in it, a year or edition, a
quote, the two countries that open it. Words of the language alone describe a kind of meeting
(书画交流恳谈会, 国际学术会议, 创新大赛): the common words of Chinese (:mod:`..common_words`, jieba's
dictionary with the part of speech) tell them from the proper words that make a name (a place, a
person, a body, an abbreviation, a numeral or a time: 世博, 两会, 新春)."""

from __future__ import annotations

from ..common_words import common_words
from ..rules import reads
from .event import marked_before
from .lexicon import STAGE
from .scan import ShapeScan

__all__ = ["described_event"]

reads(STAGE, "shape.suffix", "event_name_tags", "event_marker_pattern", "country_pair_pattern")


def _common_only(words: str, proper: frozenset[str]) -> bool:
    """``words`` split, longest first, into common words none of which is a proper one."""
    lexicon, at = common_words(), 0
    while at < len(words):
        word = lexicon.opening(words, at, shortest=1)
        if word is None or lexicon.tags[word] in proper:
            return False
        at += len(word)
    return True


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """The words are written elsewhere as the end of a longer name (纪念大会 of …40周年纪念大会暨…): a short
    form of that name, which the entities stage joins to it."""
    at = text.find(text[start:end])
    while at >= 0:
        if at != start and at and text[at - 1].isalnum():
            return True
        at = text.find(text[start:end], at + 1)
    return False


def described_event(scan: ShapeScan, start: int, suffix_start: int, end: int) -> bool:
    """The words from ``start`` to an event's suffix only describe it (书画交流恳谈会, 友好大会, 国际学术会议):
    no name found inside them, no year, edition or quote, not the two countries (中日经贸交流会), no post
    after them (全球健康论坛大会主席: a body's), and only common words of the language, none proper (not
    世博, 新春), nor the short form of a longer name written elsewhere (纪念大会)."""
    text, words = scan.text, scan.lex.words
    if start >= suffix_start or scan.quoted(start, end) or marked_before(scan, start) \
            or text.startswith(scan.lex.titles, end) or words["country_pair_pattern"].match(text, start) \
            or words["event_marker_pattern"].search(text, start, suffix_start):
        return False
    if any(c.start < suffix_start and c.end > start and c.label != "Event" for c in scan.candidates):
        return False
    return _common_only(text[start:suffix_start], frozenset(words["event_name_tags"])) \
        and not _in_longer_name(text, start, end)
