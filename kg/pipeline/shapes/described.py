"""Which phrases ending in an event's suffix name an event at all (a helper of :mod:`.suffix`).

A name needs something only it has: a place, a body or a person named in it, a year or edition, a
quote, the two countries that open it. Words of the language alone describe a kind of meeting
(书画交流恳谈会, 国际学术会议, 创新大赛): the common words of Chinese (:mod:`..common_words`, jieba's
dictionary with the part of speech) tell them from the proper words that make a name (a place, a
person, a body, an abbreviation, a numeral or a time: 世博, 两会, 新春)."""

from __future__ import annotations

from ...ontology import PLACE_CLASSES
from ..common_words import common_words
from ..rules import reads
from .event import marked_before
from .lexicon import STAGE
from .scan import ShapeScan

__all__ = ["described", "described_body", "described_event", "edition_only", "object_of_preposition"]

#: Common words that sort a kind: fewer may be a brand and a trade (东方集团, 樱花小镇, 东风汽车公司), unless
#: a word that sorts or does opens them (kind_opening_tags: 国家级高新科技园, 来东方集团).
_KIND_WORDS = 3
#: The classes of body whose common words alone sort a kind (国家设置公司, 绿色低碳发展示范区; a state body
#: is named by the place it governs, 省政府外办).
_BODIES = frozenset({"Company", "Zone"})

reads(STAGE, "shape.suffix", "event_name_tags", "event_marker_pattern", "country_pair_pattern", "place_kind_suffixes",
      "kind_opening_tags", "preposition_tags", "event_edition_pattern")


def _common_count(words: str, proper: frozenset[str]) -> int:
    """How many common words, none of them a proper one, ``words`` splits into, longest first (0: it does not)."""
    lexicon, at, count = common_words(), 0, 0
    while at < len(words):
        word = lexicon.opening(words, at, shortest=1)
        if word is None or lexicon.tags[word] in proper:
            return 0
        at, count = at + len(word), count + 1
    return count


def _common_only(words: str, proper: frozenset[str]) -> bool:
    """``words`` split, longest first, into common words none of which is a proper one."""
    return not words or _common_count(words, proper) > 0


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


def object_of_preposition(scan: ShapeScan, start: int, suffix_start: int) -> bool:
    """A preposition of the language stands right before an event's suffix (日本客商对博览会的反应): the bare
    suffix is its object, a back-reference, and what comes before it is a clause, no name."""
    lexicon, tags = common_words(), frozenset(scan.lex.words["preposition_tags"])
    text = scan.text
    return any(lexicon.tags.get(text[suffix_start - n:suffix_start]) in tags
               for n in (1, 2) if suffix_start - n >= start)


def edition_only(scan: ShapeScan, prefix: str) -> bool:
    """An event's prefix is only an edition (第二届博览会, 第五届周): an edition of the event the text names, a
    back-reference, no name of its own."""
    return bool(scan.lex.words["event_edition_pattern"].fullmatch(prefix))


def described_body(scan: ShapeScan, start: int, suffix_start: int, end: int) -> bool:
    """A body's, firm's or zone's words only sort a kind of it when nothing names it: no place, the two
    countries or a listed or found name opens or stands inside them (a place's body is named by the place:
    青山市投资促进局), no quote, year or edition, and they are only common words of the language, none proper
    three or more (专用高端装备产业园, 调研资料上报集团), or two opened by a verb or a word that sorts (国家级高新科技园,
    来东方集团; jieba's tags, kind_opening_tags); fewer may be a brand and a trade (东方集团, 东风汽车公司)."""
    text, words = scan.text, scan.lex.words
    if start >= suffix_start or scan.quoted(start, end) or scan.opens_name("Organization", start, suffix_start) \
            or words["event_marker_pattern"].search(text, start, suffix_start):
        return False
    if any(c.start < suffix_start and c.end > start for c in scan.candidates):
        return False
    count = _common_count(text[start:suffix_start], frozenset(words["event_name_tags"]))
    opening = common_words().opening(text, start, shortest=1, end=suffix_start)
    return count >= _KIND_WORDS or count > 1 and common_words().tags[opening] in words["kind_opening_tags"]


def _kind_of_place(scan: ShapeScan, start: int, end: int) -> bool:
    """A school's suffix right after the places that open the name, and together one word of the language
    (日本高中, 青山市中学, 青山市中小学): the place's schools of that level; a school is named by its own word or
    number (青山市第一中学, 青山市外国语学校), as a university need not be (its list: place_kind_suffixes)."""
    text, words = scan.text, scan.lex.words
    if not text.endswith(tuple(words["place_kind_suffixes"]), start, end):
        return False
    pair = words["country_pair_pattern"].match(text, start, end)
    after = pair.end() if pair else start
    while ends := [c.end for c in scan.listed_at.get(after, ()) if c.label in PLACE_CLASSES and c.end < end]:
        after = max(ends)
    return after > start and text[after:end] in common_words().tags


def described(scan: ShapeScan, label: str, start: int, suffix_start: int, end: int) -> bool:
    """The words before a suffix only describe a kind of event (:func:`described_event`) or of body
    (:func:`described_body`): no name."""
    if label == "Event":
        return described_event(scan, start, suffix_start, end)
    return label in _BODIES and described_body(scan, start, suffix_start, end) \
        or label == "Organization" and _kind_of_place(scan, start, end)
