"""A person named again by the surname alone (岩城和真总领事 … 岩城总领事) is the one person."""

from __future__ import annotations

from functools import lru_cache

from ...records import EntityKey
from ..data import load_words
from ...folding import fold
from .lexicon import entity_rule
from .resolution import REPEAT, Resolution, Span

__all__ = ["surname_alone"]

_PERSON = "Person"
_SURNAME = 2  # the surname alone: two characters (岩城, 石田)
_FULL = 4  # the full name it opens: four characters or more (岩城和真, 石田浩之)
_JP_SURNAMES = "gazetteers/surnames_jp.txt"  # a listed Japanese surname opens a name of three (石田浩)


@lru_cache(maxsize=1)
def _jp_surnames() -> frozenset[str]:
    return frozenset(fold(s) for s in load_words(_JP_SURNAMES))


@entity_rule("entities.surname_alone", phase="named")
def surname_alone(res: Resolution) -> None:
    """A person's name of two characters that opens the name of exactly one other person of four
    characters or more, or of three after a listed Japanese surname, is that person named by the
    surname (市长石田浩先生… 石田市长表示 → 石田浩); other names of three are Chinese, whose two
    characters are a full name (王华 and 王华明 are two)."""
    people = [key for key in res.entities if key.label == _PERSON]
    renamed: dict[EntityKey, EntityKey] = {}
    for short in people:
        if len(short.name) != _SURNAME:
            continue
        least = _FULL - 1 if short.name in _jp_surnames() else _FULL
        longer = [key for key in people if len(key.name) >= least and key.name.startswith(short.name)]
        if len(longer) != 1:
            continue
        target = longer[0]
        merged = res.entities.pop(short)
        kept = res.entities[target]
        kept.add_surface(short.name, REPEAT)
        for surface, rule in merged.surfaces.items():
            kept.add_surface(surface, rule)
        kept.job_title = kept.job_title or merged.job_title
        renamed[short] = target
    if renamed:
        res.spans[:] = [Span(s.start, s.end, renamed[s.key], "entities.surname_alone") if s.key in renamed else s
                        for s in res.spans]
