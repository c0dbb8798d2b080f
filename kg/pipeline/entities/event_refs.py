"""An event named again after 此次, 本次, 本届: the event the text named before, in other words.

A report names its event in full (博鳌亚洲论坛-中日健康交流分论坛, 「中国湖北·日本关西友好周」系列活动),
then again after a determiner with other words of the same name (此次中日健康医疗交流会议, 本次
「日本关西周」活动): "this" event is the one already named, not a new one.
"""

from __future__ import annotations

from ...folding import fold
from ...ontology import PLACE_CLASSES
from ...records import EntityKey
from ..rules import reads
from .events import edition_digits, merge_event
from .lexicon import STAGE, entity_rule
from .resolution import Resolution, Span

__all__ = ["this_event"]

reads(STAGE, "entities.this_event", "event_form_determiners", "event_edition_any_pattern", "event_first_edition",
      "event_form_noise_pattern", "event_part_heads")

#: The shortest run of characters, besides its event word, the name after a determiner must share with
#: the event named before (中日健康 of 中日健康医疗交流会议 and …中日健康交流分论坛).
_SHARED = 3
#: Quotes that may stand between the determiner and the name (本次「日本关西周」).
_OPENING_QUOTES = "“「‘『"


def _after_determiner(res: Resolution, start: int) -> bool:
    """A determiner (此次, 本次, 这次, 本届, 该) ends right before ``start``, maybe before an opening quote
    (the span may hold its quote or not)."""
    text = res.text
    at = start - 1 if start > 0 and text[start - 1] in _OPENING_QUOTES else start
    return text.endswith(tuple(res.lex.words["event_form_determiners"]), 0, at)


def _editions(res: Resolution, name: str) -> set[str]:
    """The editions and years a name holds, written alike (第十五届 and 第15届, 首届 and 第一届)."""
    words = res.lex.words
    first = [edition_digits(res, w) for w in words["event_first_edition"]]
    found = words["event_edition_any_pattern"].findall(edition_digits(res, fold(name)))
    return {first[-1] if e in first else e for e in found}


def _shared_run(word: str, name: str) -> int:
    """The longest run of characters of ``word`` that ``name`` holds too."""
    best = 0
    for i in range(len(word)):
        for j in range(i + best + 1, len(word) + 1):
            if word[i:j] not in name:
                break
            best = j - i
    return best


def _places_in(res: Resolution, span: Span) -> list[str]:
    """The listed places written inside ``span`` (日本, 关西 in 日本关西周)."""
    return [res.text[c.start:c.end] for c in res.candidates
            if c.source == "gazetteer" and c.label in PLACE_CLASSES and span.start <= c.start and c.end <= span.end]


@entity_rule("entities.this_event", phase="named")
def this_event(res: Resolution) -> None:
    """A name of an event the text names first right after 此次, 本次, 这次, 本届 or 该 (maybe before a
    quote) is an alias of an event named before it, the one whose name shares the longest run of its
    words (at least three characters besides its event word: 此次中日健康医疗交流会议 after
    博鳌亚洲论坛-中日健康交流分论坛; 本次「日本关西周」 after 「中国湖北·日本关西友好周」); of two alike,
    the later. Not an event of an edition or year the one before lacks (本届2019年会 after 2018年会),
    nor a part of it (此次青年分论坛 after 中日青年论坛: event_part_heads), nor one named at a place
    the one before does not name (此次大阪交流会 after 中日交流会), nor one that shares only its event
    word or less (此次青年交流会 after 中日经贸交流会: another event the text introduces)."""
    noise, heads = res.lex.words["event_form_noise_pattern"], res.lex.event_heads
    parts = tuple(res.lex.words["event_part_heads"])
    first: dict[EntityKey, Span] = {}
    for span in sorted(res.spans):
        if span.key.label == "Event":
            first.setdefault(span.key, span)
    for key, span in sorted(first.items(), key=lambda item: item[1].start):
        if key not in res.entities or span.rule.startswith("gazetteer") or not _after_determiner(res, span.start):
            continue
        name = noise.sub("", fold(key.name))
        head = heads.longest_suffix(name, min_rest=2) or ""
        stem, editions, places = name[:len(name) - len(head)], _editions(res, key.name), _places_in(res, span)
        best, best_run = None, 0
        for other, other_span in first.items():
            if other_span.start >= span.start or other == key or other not in res.entities:
                continue
            other_name = noise.sub("", fold(other.name))
            if not editions <= _editions(res, other.name) or any(p not in fold(other.name) for p in places):
                continue
            if name.endswith(parts) and not other_name.endswith(parts):
                continue  # (a part of it, held on its own)
            run = _shared_run(stem, other_name)
            if run >= _SHARED and (run > best_run or (run == best_run and other_span.start > first[best].start)):
                best, best_run = other, run
        if best is not None:
            merge_event(res, key, best, rule="entities.this_event")
