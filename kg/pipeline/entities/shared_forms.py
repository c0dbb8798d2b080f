"""The entities of an article that share a form of one name, joined (read by :mod:`.same`); a
company named as a group and one named with a legal form are never joined (AGC集团 and 日本AGC株式会社)."""

from __future__ import annotations

from ...folding import fold
from ...rdf import normalize_name
from ...records import EntityKey
from ..rules import reads
from .lexicon import STAGE
from .resolution import Resolution

__all__ = ["SharedForms", "kinds"]

reads(STAGE, "kinds", "group_suffix")


def kinds(res: Resolution) -> dict[EntityKey, str]:
    """The companies named as a group (…集团) or with a legal form (…株式会社, …有限公司): two kinds
    never one entity (AGC集团 and 日本AGC株式会社, 中国住友商事集团 and 日本住友商事株式会社: the group
    and its parent company)."""
    lex, kinds = res.lex, {}
    group, endings = lex.words["group_suffix"], tuple(lex.words["company_legal_endings"])
    for key, entity in res.entities.items():
        if key.label != "Company":
            continue
        names = {normalize_name(fold(name)) for name in (key.name, *entity.surfaces)}
        found = {"group" if name.endswith(group) else "legal" for name in names
                 if name.endswith((group, *endings)) or lex.jp_legal.longest_suffix(name, min_rest=2)}
        if len(found) == 1:
            kinds[key] = found.pop()
    return kinds


class SharedForms:
    """The entities that share a form, joined (union-find), and which entity each form was first seen on;
    entities of two kinds (a group, a company with a legal form) are never joined."""

    def __init__(self, kinds: dict[EntityKey, str] | None = None) -> None:
        self.parent: dict[EntityKey, EntityKey] = {}
        self.owner: dict[tuple[str, str], EntityKey] = {}
        self.kinds: dict[EntityKey, frozenset[str]] = {key: frozenset({kind}) for key, kind in (kinds or {}).items()}

    def root(self, key: EntityKey) -> EntityKey:
        while self.parent.get(key, key) != key:
            key = self.parent[key]
        return key

    def join(self, key: EntityKey, other: EntityKey) -> None:
        top, other_top = self.root(key), self.root(other)
        if top == other_top:
            return
        kinds = self.kinds.get(top, frozenset()) | self.kinds.get(other_top, frozenset())
        if len(kinds) > 1:
            return  # (a group and its parent company)
        self.parent[top] = other_top
        if kinds:
            self.kinds[other_top] = kinds

    def share(self, key: EntityKey, form: str) -> None:
        """``key`` has the form ``form``: join it with the first entity of its class that had it."""
        self.join(key, self.owner.setdefault((key.label, form), key))

    def groups(self) -> dict[EntityKey, list[EntityKey]]:
        groups: dict[EntityKey, list[EntityKey]] = {}
        for key in self.parent:
            groups.setdefault(self.root(key), []).append(key)
        return groups
