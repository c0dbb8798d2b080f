"""``affiliatedWith`` of diplomats the article names without their mission: the country that sends them."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES
from ...records import EntityKey
from .base import Fact, Sentence, relation_rule
from .lexicon import reads
from .posts import mission_endings, posts

__all__ = ["bare_diplomats", "diplomat_country", "name_country", "premier_country"]

_GATE = ("@Person",)


def bare_diplomats(s: Sentence, *, acting: bool = True) -> Iterator[tuple[EntityKey, int, str, list[EntityKey]]]:
    """Each PERSON + 总领事/大使 with no body or title before the name, as (person, where, title, the
    missions of that kind the article names); with ``acting``, also PERSON + 代总领事 (an acting one)."""
    missions = s.lex["diplomat_missions"]
    for post in posts(s):
        person = post.person
        if post.titled or post.before is not None and post.gap == "" \
                and post.before.key.label in ORGANIZATION_CLASSES:
            continue  # a title before the name, or a body right before it (title_after_name)
        at, title = person.end, None
        for at in (person.end, person.end + 1) if acting else (person.end,):  # 方炜代总领事: acting
            title = next((t for t in sorted(missions, key=len, reverse=True) if s.text.startswith(t, at)), None)
            if title is not None or s.text[person.end:person.end + 1] not in s.lex["title_modifiers"]:
                break
        if title is None or s.lex.title_suffixes.longest_prefix(s.text, at, end=at + 8) != title:
            continue
        endings = mission_endings(s, missions[title])
        named = [key for key in s.view.entities if key.label == "GovernmentBody" and key.name.endswith(endings)]
        yield person.key, person.start, title, named


#: The longest a Chinese name is (surname and given name), and the shortest a Japanese full name.
_CHINESE_NAME, _JAPANESE_NAME = 3, 3
#: How common a one-character Chinese surname must be to say a name is Chinese (松 of 松秀一 is not).
_COMMON_SURNAME = 200


def name_country(s: Sentence, name: str) -> str | None:
    """The country a person's name says they come from, where only one list of surnames fits it: a
    common Chinese surname (or a compound one) and at most three characters (方炜 → 中国), a Japanese
    surname of two or three characters opening the name, or alone (高田真里, 川上 → 日本)."""
    chinese, japanese = s.lex.surnames.get("cn", {}), s.lex.surnames.get("jp", {})
    is_chinese = len(name) <= _CHINESE_NAME and (chinese.get(name[:1], _COMMON_SURNAME) < _COMMON_SURNAME
                                                  or len(name) == 3 and name[:2] in chinese)
    is_japanese = any(name[:k] in japanese and (len(name) >= _JAPANESE_NAME or len(name) == k) for k in (2, 3))
    if is_chinese == is_japanese:
        return None
    return s.lex["surname_countries"]["cn" if is_chinese else "jp"]


reads("name_country", "surname_countries")


@relation_rule("affiliatedWith.diplomat_country", gate=_GATE, cues=("diplomat_missions", "title_modifiers"))
def diplomat_country(s: Sentence) -> Iterator[Fact]:
    """PERSON + 总领事/大使 with no body or title before the name, where the article names no mission of
    that kind and no post of the person's before: the country that sends them, as the name's surname says (川上总领事访问了白城市 → 日本;
    方炜代总领事出席… → 中国), when the article names that country."""
    for person, start, title, named in bare_diplomats(s):
        if named or any(r.subject == person and r.predicate == "affiliatedWith" for r in s.view.relations):
            continue  # (中国驻日使馆刘亚明总领事…。刘亚明总领事致辞: the mission named before)
        country = name_country(s, person.name)
        key = next((k for k in s.view.entities if k.label == "Country" and k.name == country), None)
        if key is not None:
            yield Fact(person, "affiliatedWith", key, start, job_title=title)


reads("affiliatedWith.premier_country", "premier_titles")


@relation_rule("affiliatedWith.premier_country", gate=_GATE, cues=("premier_titles",))
def premier_country(s: Sentence) -> Iterator[Fact]:
    """PERSON + 首相 with no body or title before the name: the head of the government of the country the
    name's surname says, when the article names it (习近平主席同岸田文雄首相达成共识 → 岸田文雄 affiliatedWith
    日本); not 总理 or 主席, which head bodies and parties as often."""
    for post in posts(s):
        person = post.person
        if post.titled or post.before is not None and post.gap == "" \
                and post.before.key.label in ORGANIZATION_CLASSES | {"Country"}:
            continue  # a title before the name, or a body or country right before it (日本首相 X: its own)
        title = next((t for t in s.lex["premier_titles"] if s.text.startswith(t, person.end)), None)
        if title is None:
            continue
        country = name_country(s, person.key.name)
        key = next((k for k in s.view.entities if k.label == "Country" and k.name == country), None)
        if key is not None:
            yield Fact(person.key, "affiliatedWith", key, person.start, job_title=title)
