"""``affiliatedWith`` of governors: a 省长 serves in the government of the province (吉林省人民政府)."""

from __future__ import annotations

from collections.abc import Iterator

from ...records import EntityKey
from .base import Fact, Sentence, body_places, relation_rule
from .lexicon import reads
from .posts import Post, posts

__all__ = ["governor_government"]

_GATE = ("@Person",)


reads("affiliatedWith", "governor_titles", "government_suffixes", "abbreviation_suffixes")


@relation_rule("affiliatedWith.governor_government", gate=_GATE, cues=("governor_titles", "government_suffixes",
                                                                       "leader_prefixes"))
def governor_government(s: Sentence) -> Iterator[Fact]:
    """A governor (省长, 副省长) serves in the government of the province the article names with its
    name (省委副书记、省长X … 代表吉林省人民政府 → X affiliatedWith 吉林省人民政府): the province is the
    place right before the title, else the one the body before it governs, else the home province."""
    lex = s.lex
    governments = [key for key in s.view.entities if key.label == "GovernmentBody"
                   and key.name.endswith(tuple(lex["government_suffixes"]))]
    if not governments:
        return
    for post in posts(s):
        if not post.titled or post.title is None or post.company is not None or post.posted is not None \
                or post.title.lstrip(lex["title_modifiers"]) not in lex["governor_titles"]:
            continue
        province = _province_of(s, post)
        if province is None:
            continue
        for key in governments:
            mention = s.view.first_mention(key)
            if mention is None or s.text.startswith(tuple(lex["leader_prefixes"]), mention.start):
                continue  # (代表省委、省政府: a bare 省政府 is mostly a phrase, no body of the article)
            governed = body_places(s, mention)
            if governed and _same_place(s, governed[0], province):
                yield Fact(post.person.key, "affiliatedWith", key, post.person.start, job_title=post.title)


def _province_of(s: Sentence, post: Post) -> EntityKey | None:
    """The province of a governor's post: the region right before the title (黑龙江代省长), the region the
    body before it governs (中共湖北省委副书记、省长), else the home province."""
    before = post.before
    if before is not None and post.gap.endswith(post.title) and len(post.gap) <= 12:
        if before.key.label == "Region" and post.gap == post.title:
            return before.key
        if before.key.label == "GovernmentBody":
            governed = [p for p in body_places(s, before) if p.label == "Region"]
            if governed:
                return governed[0]
    return s.view.home.get("Region")


def _same_place(s: Sentence, a: EntityKey, b: EntityKey) -> bool:
    """Two keys of one region (湖北省 and 湖北)."""
    def bare(name: str) -> str:
        return next((name[:-len(w)] for w in s.lex["abbreviation_suffixes"] if name.endswith(w) and len(name) > len(w)),
                    name)
    return a.label == b.label and bare(a.name) == bare(b.name)
