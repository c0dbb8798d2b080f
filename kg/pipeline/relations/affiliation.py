"""``affiliatedWith``: a person and the body or place they hold a post in.

Each person of a sentence gets the posts of one rule: the company 该公司 stands
for, else the body before its title, else the home city of a 市/省 title; a name
in a list after another (许峰、周文栋) holds the posts of the one before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ...records import EntityKey, Mention
from ..marks import HARD_BOUNDARIES
from .base import Fact, Sentence, body_places, facts_of, relation_rule
from .lexicon import reads

__all__ = ["company_pronoun", "home_leader", "list_continues", "post_chain", "title_before_name"]

_GATE = ("@Person",)


class Post(NamedTuple):
    """What stands before a person of the sentence: the mention and text before the name, the
    title, and what the title belongs to when it is plain."""

    index: int  # among the sentence's mentions
    person: Mention
    before: Mention | None
    gap: str
    title: str | None
    titled: bool  # a title that is not the tail of a longer profession (指挥家 is no 家)
    company: tuple[EntityKey, str] | None  # 该公司 + title: the company and the title
    direct: bool  # a body right before the title and the name (and no 该公司)


reads("affiliatedWith", "state_titles", "company_pronouns")


def posts(s: Sentence) -> list[Post]:
    """The post before each person of the sentence (read once)."""
    return s.memo(posts, _posts)


def _posts(s: Sentence) -> list[Post]:
    text, lex, sentence = s.text, s.lex, s.mentions
    found = []
    for index, person in s.people:
        before = sentence[index - 1] if index else None
        gap = text[before.end:person.start] if before else ""
        # the longest title that fits between the body and the name (南沙区委 + 书记), titles
        # before head nouns; else the longest just before the name
        title = (lex.title_suffixes.longest_suffix(gap) or lex.head_suffixes.longest_suffix(gap)) if before else None
        title = title or lex.title_suffixes.longest_suffix(text, person.start) \
            or lex.head_suffixes.longest_suffix(text, person.start)
        profession = lex.profession_suffixes.longest_suffix(text, person.start)
        if title and before is not None and before.key.label == "Country" and index >= 2 \
                and not title.endswith(lex["state_titles"]):
            # 丸红株式会社执行役员、中国总代表井上隆之: the country only names the post's territory
            before = sentence[index - 2]
            gap = text[before.end:person.start]
        titled = bool(title) and not (profession and len(profession) >= len(title))
        company = _company(s, person, title)
        direct = titled and company is None and before is not None and before.key.label != "Person" \
            and 0 < len(gap) <= 12 and gap.endswith(title) \
            and not any(ch in HARD_BOUNDARIES and ch != "、" for ch in gap)
        found.append(Post(index, person, before, gap, title, titled, company, direct))
    return found


def _company(s: Sentence, person: Mention, title: str | None) -> tuple[EntityKey, str] | None:
    """The company 该公司 stands for, and the title after it (该公司会长佐佐木正人)."""
    if not title:
        return None
    start = person.start
    pronoun = next((p for p in s.lex["company_pronouns"] if s.text.endswith(p + title, 0, start)), None)
    if pronoun is None:
        return None
    company = s.view.last_before(start - len(pronoun) - len(title), {"Company"})
    return (company.key, title) if company is not None else None


@relation_rule("affiliatedWith.company_pronoun", gate=_GATE)
def company_pronoun(s: Sentence) -> Iterator[Fact]:
    """该公司 + title + PERSON: the company last named (该公司会长佐佐木正人)."""
    for post in posts(s):
        if post.company is not None:
            yield Fact(post.person.key, "affiliatedWith", post.company[0], post.person.start, job_title=post.company[1])


@relation_rule("affiliatedWith.title_before_name", gate=_GATE, cues=("body_place_suffixes",))
def title_before_name(s: Sentence) -> Iterator[Fact]:
    """BODY + title + PERSON, and the place a party committee governs (中国外商投资企业协会常务副会长曹宏瑛,
    南沙区委书记X → 南沙区委 and 南沙区)."""
    for post in posts(s):
        if post.direct:
            person = post.person
            yield Fact(person.key, "affiliatedWith", post.before.key, person.start, job_title=post.gap)
            for place in body_places(s, post.before):
                yield Fact(person.key, "affiliatedWith", place, person.start, job_title=post.gap)


@relation_rule("affiliatedWith.post_chain", gate=_GATE)
def post_chain(s: Sentence) -> Iterator[Fact]:
    """Every post of a chain before one name counts (大连日本商工会会长、三井物产（大连）有限公司总经理藤本健一)."""
    text, sentence, titles = s.text, s.mentions, s.lex.titles
    for post in posts(s):
        if not post.direct:
            continue
        person, k = post.person, post.index - 1
        while k >= 1:
            link = text[sentence[k - 1].end:sentence[k].start]
            if not (link.endswith("、") and 1 < len(link) <= 10 and link[:-1].endswith(titles)
                    and sentence[k - 1].key.label != "Person"):
                break
            yield Fact(person.key, "affiliatedWith", sentence[k - 1].key, person.start, job_title=link[:-1])
            for place in body_places(s, sentence[k - 1]):
                yield Fact(person.key, "affiliatedWith", place, person.start, job_title=link[:-1])
            k -= 1


@relation_rule("affiliatedWith.home_leader", gate=_GATE, cues=("leader_prefixes", "title_modifiers"))
def home_leader(s: Sentence) -> Iterator[Fact]:
    """A 市/省 title with no body before it: the article's home city or province (市长赵明, 副省长X)."""
    prefixes = s.lex["leader_prefixes"]
    for post in posts(s):
        if not post.titled or post.company is not None or post.direct:
            continue
        head = post.title.lstrip(s.lex["title_modifiers"])[:1]  # 副市长 is a 市 post
        if head in prefixes:
            home = s.view.home.get(prefixes[head])
            if home is not None:
                yield Fact(post.person.key, "affiliatedWith", home, post.person.start, job_title=post.title)


@relation_rule("affiliatedWith.list_continues", gate=_GATE)
def list_continues(s: Sentence) -> Iterator[Fact]:
    """A name right after another and 、 holds the posts of the one before (市委书记许峰、周文栋)."""
    sentence = s.mentions
    for index, person in s.people:
        if not index:
            continue
        before = sentence[index - 1]
        if before.key.label != "Person" or s.text[before.end:person.start] != "、":
            continue
        for fact in list(facts_of(s, before.key, "affiliatedWith", before.start)):
            yield Fact(person.key, "affiliatedWith", fact.object, person.start, job_title=fact.job_title)
