"""Inline pinyin glosses of mirror copies, made transparent to the pipeline.

Copies of news pages on some mirror sites write a toned pinyin syllable in brackets
after characters: 山東省港口集團(tuán), 日本貿(mào)易振興機(jī)構(gòu), 協(xié)議. Read as they
stand, the glosses cut names, cue words and patterns apart (集團(tuán)黨委 is no 集团 head).
:func:`strip_glosses` gives the text without them and, for each of its characters, where
that character and its gloss stand in the text; :func:`restore_glosses` maps what the
pipeline found in that text back: offsets and evidence to the text as written, and names
to their surface as written, glosses included (annotators keep 山東省港口集團(tuán)).

A gloss is one bracketed syllable of lower-case pinyin letters with at least one tone mark,
right after an ideograph: (tuán), (gòu). Bracketed Latin without a tone mark stays text
(楼兰(murano), 振兴机构(JETRO)), and a text with no gloss is read exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .folding import fold
from .records import EntityKey, EntityRecord, Mention, RelationRecord, StatisticRecord

__all__ = ["Deglossed", "GLOSS", "restore_glosses", "strip_glosses"]

#: Vowels (and the syllabic n, m) with a tone mark, as pinyin writes them.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: One bracketed toned pinyin syllable right after an ideograph.
GLOSS = re.compile(
    rf"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}[)）]")


@dataclass(frozen=True, slots=True)
class Deglossed:
    """A text without its glosses: for each character, its offset in the text as written and
    the end there of the character with the gloss that follows it."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    length: int  # of the text as written

    def to_written(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the text without glosses to the text as written (a gloss after
        the last character belongs to the span)."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else self.length
            return at, at
        return self.starts[start], self.ends[end - 1]

    def from_written(self, offset: int) -> int:
        """The offset in the text without glosses of the character at ``offset`` of the text as
        written (of the next character kept, for one inside a gloss)."""
        import bisect

        return bisect.bisect_left(self.starts, offset)


def strip_glosses(text: str) -> Deglossed | None:
    """The text without its pinyin glosses, ``None`` when it has none.

    >>> plain = strip_glosses("山東省港口集團(tuán)黨委")
    >>> plain.text
    '山東省港口集團黨委'
    >>> plain.to_written(0, 7)
    (0, 13)
    >>> strip_glosses("振兴机构(JETRO)") is None
    True
    """
    spans = [match.span() for match in GLOSS.finditer(text)]
    if not spans:
        return None
    kept: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    begin = 0
    for gloss_start, gloss_end in [*spans, (len(text), len(text))]:
        kept.append(text[begin:gloss_start])
        starts.extend(range(begin, gloss_start))
        ends.extend(range(begin + 1, gloss_start + 1))
        if ends and gloss_end > gloss_start:
            ends[-1] = gloss_end  # the ideograph the gloss reads ends after it
        begin = gloss_end
    return Deglossed("".join(kept), tuple(starts), tuple(ends), len(text))


def restore_glosses(plain: Deglossed, written: str, entities: Iterable[EntityRecord], mentions: Iterable[Mention],
                    relations: Iterable[RelationRecord], statistics: Iterable[StatisticRecord],
                    ) -> tuple[list[EntityRecord], list[Mention], list[RelationRecord], list[StatisticRecord]]:
    """Map what the pipeline found in ``plain.text`` back to ``written``: offsets, evidence,
    surfaces, and each name whose surface a gloss runs through or closes (集团 of
    山東省港口集團(tuán)党委 → 山东省港口集团(tuán)党委)."""
    mentions = list(mentions)
    renamed: dict[EntityKey, EntityKey] = {}
    surfaces: dict[str, str] = {}
    for mention in mentions:
        surface = plain.text[mention.start:mention.end]
        start, end = plain.to_written(mention.start, mention.end)
        surfaces.setdefault(surface, written[start:end])
        key = mention.key
        if key in renamed:
            continue
        at = fold(surface).find(key.name) if key.name else -1
        if at < 0:
            continue
        start, end = plain.to_written(mention.start + at, mention.start + at + len(key.name))
        name = "".join(fold(written[start:end]).split())
        if name != key.name:
            renamed[key] = EntityKey(name, key.label)

    def rekey(key: EntityKey | None) -> EntityKey | None:
        return renamed.get(key, key) if key is not None else None

    def span(start: int, end: int) -> tuple[int, int, str]:
        s, e = plain.to_written(start, end)
        return s, e, written[s:e]

    records: dict[EntityKey, EntityRecord] = {}
    for record in entities:
        key = rekey(record.key)
        aliases = tuple(dict.fromkeys(surfaces.get(alias, alias) for alias in record.aliases))
        found = records.get(key)
        if found is None:
            records[key] = record._replace(key=key, aliases=aliases)
        else:
            records[key] = found._replace(aliases=tuple(dict.fromkeys((*found.aliases, *aliases))),
                                          job_title=found.job_title or record.job_title)
    out_mentions = []
    for mention in mentions:
        start, end, text = span(mention.start, mention.end)
        out_mentions.append(mention._replace(key=rekey(mention.key), start=start, end=end, text=text))
    out_relations = []
    for relation in relations:
        start, end, evidence = span(relation.start, relation.end)
        out_relations.append(relation._replace(subject=rekey(relation.subject), object=rekey(relation.object),
                                               start=start, end=end, evidence=evidence))
    out_statistics = []
    for statistic in statistics:
        start, end, evidence = span(statistic.start, statistic.end)
        out_statistics.append(replace(statistic, subject=rekey(statistic.subject),
                                      counterpart=rekey(statistic.counterpart), start=start, end=end,
                                      evidence=evidence))
    return list(records.values()), out_mentions, out_relations, out_statistics
