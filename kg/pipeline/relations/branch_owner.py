"""``established.branch_owner``: a branch that opens is set up by the owner its name opens with
(佐贺县沈阳代表事务所成立了 → 佐贺县 established it)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import PLACE_CLASSES
from ...records import EntityKey, Mention
from .base import Fact, Sentence, date_near, relation_rule
from .lexicon import reads

__all__ = ["branch_owner"]

reads("established", "branch_open_words", "branch_open_gap_pattern")

#: What a branch and its owner may be.
_BRANCHES = ("Organization", "GovernmentBody", "Company")
_OWNERS = ("Organization", "GovernmentBody", "Company", "Region", "City")


@relation_rule("established.branch_owner", gate=("establish",))
def branch_owner(s: Sentence) -> Iterator[Fact]:
    """B(于2004年)(正式)成立/开设, B named owner + place + kind (佐贺县沈阳代表事务所成立了, 富山县大连事务所于2004年
    正式开设, 三菱商事成都事务所1997年成立以来): the owner its name opens with set it up; the owner a body,
    company or place of the document by its name or one of its other names, the longest that opens the name,
    right before a place; not a name the place opens alone (大连日本商会成立: the place holds it)."""
    text, lex = s.text, s.lex
    words = tuple(lex["branch_open_words"])
    for cue_start, _, word in s.find("establish"):
        if not word.startswith(words):
            continue
        branch = next((m for m in reversed(s.mentions) if m.end <= cue_start and m.key.label in _BRANCHES), None)
        if branch is None or not lex["branch_open_gap_pattern"].fullmatch(text, branch.end, cue_start):
            continue
        owner = _owner(s, branch)
        if owner is not None:
            yield Fact(owner, "established", branch.key, cue_start, date=date_near(s, cue_start))


def _owner(s: Sentence, branch: Mention) -> EntityKey | None:
    """The entity whose name opens the branch's, the name of a place of the document right after it."""
    name = s.text[branch.start:branch.end]
    entities = s.view.entities
    places = tuple(form for key, record in entities.items() if key.label in PLACE_CLASSES
                   for form in (key.name, *record.aliases) if len(form) >= 2)
    best: tuple[int, EntityKey] | None = None
    for key, record in entities.items():
        if key == branch.key or key.label not in _OWNERS:
            continue
        for form in (key.name, *record.aliases):
            if len(form) >= 2 and name.startswith(form) and name.startswith(places, len(form)) \
                    and (best is None or len(form) > best[0]):
                best = (len(form), key)
    return best[1] if best else None
