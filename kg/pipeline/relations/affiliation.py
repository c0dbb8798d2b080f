"""``affiliatedWith``: a person and the body or place they hold a post in.

Each person of a sentence gets the posts of one rule: the company 该公司 stands
for, else the body before its title, else the home city of a 市/省 title; a name
in a list after another (许峰、周文栋) holds the posts of the one before it. What stands
before each person is read once (:func:`.posts.posts`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ...records import EntityKey
from ..people import LIST_TAIL
from ..people.titles import BODY_REPRESENTATIVE
from .base import Fact, Sentence, body_places, facts_of, relation_rule
from .readings import home_district
from .diplomats import bare_diplomats
from .posts import chain_link, first_of_chain, index_of, mission_of, posts

__all__ = ["body_representative", "company_pronoun", "diplomat", "diplomat_after_name", "holds_post", "home_leader", "list_continues", "post_chain",
           "title_before_name"]

_GATE = ("@Person",)


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


@relation_rule("affiliatedWith.diplomat", gate=_GATE)
def diplomat(s: Sentence) -> Iterator[Fact]:
    """An ambassador or consul serves in the mission when the article names it, else the country
    that sends them (中国驻日本大使唐立新 → 中国驻日本大使馆 or 中国, not 日本)."""
    for post in posts(s):
        if post.posted is None:
            continue
        sender, place = post.posted
        mission = mission_of(s, sender, place, post.gap)
        target = mission or sender
        if target is not None:
            yield Fact(post.person.key, "affiliatedWith", target, post.person.start, job_title=post.gap)


@relation_rule("affiliatedWith.diplomat_after_name", gate=_GATE, cues=("diplomat_missions",))
def diplomat_after_name(s: Sentence) -> Iterator[Fact]:
    """PERSON + 总领事/大使 with no body or title before the name: the one mission of that kind the
    article names (驻福冈总领事馆举办… 。王明华总领事致辞 → 驻福冈总领事馆)."""
    for person, start, title, named in bare_diplomats(s, acting=False):
        if len(named) == 1:
            yield Fact(person, "affiliatedWith", named[0], start, job_title=title)


@relation_rule("affiliatedWith.post_chain", gate=_GATE)
def post_chain(s: Sentence) -> Iterator[Fact]:
    """Every post of a chain before one name counts (大连日本商工会会长、三井物产（大连）有限公司总经理藤本健一),
    the first too where the next post's body is a name no list knows (青山海关党组书记、青山港务区管委会主任甲);
    a place right after a body names the post's territory, the post is the body's (青山电气株式会社中国总代表、
    青电（中国）有限公司总裁甲 → 青山电气株式会社, not 中国)."""
    text, sentence, titles = s.text, s.mentions, s.lex.titles
    for post in posts(s):
        if not post.direct:
            first = first_of_chain(s, post)
            if first is not None:
                yield Fact(post.person.key, "affiliatedWith", post.before.key, post.person.start, job_title=first)
                for place in body_places(s, post.before):
                    yield Fact(post.person.key, "affiliatedWith", place, post.person.start, job_title=first)
            continue
        person, k = post.person, index_of(sentence, post.before, post.index - 1)
        while k >= 1:
            body, link = chain_link(s, k)
            if not (link.endswith("、") and 1 < len(link) <= 10 and link[:-1].endswith(titles)
                    and body.key.label != "Person"):
                break
            yield Fact(person.key, "affiliatedWith", body.key, person.start, job_title=link[:-1])
            for place in body_places(s, body):
                yield Fact(person.key, "affiliatedWith", place, person.start, job_title=link[:-1])
            k = index_of(sentence, body, k - 1)


@relation_rule("affiliatedWith.home_leader", gate=_GATE, cues=("leader_prefixes", "title_modifiers"))
def home_leader(s: Sentence) -> Iterator[Fact]:
    """A 市/省 title with no body before it: the article's home city or province (市长赵明, 副省长X), or
    on a list of a city's posts, that city (永川市议长朴钟云、副市长张相吉 → 永川市); a 区/县 title: the last district or county the sentence names before it (黄岛区区委书记X、区长Y), else the
    one the article names most."""
    prefixes = s.lex["leader_prefixes"]
    for post in posts(s):
        if not post.titled or post.company is not None or post.direct:
            continue
        head = post.title.lstrip(s.lex["title_modifiers"])[:1]  # 副市长 is a 市 post
        at = post.person.start - len(post.title)
        body = next((w for w in s.lex["place_body_words"] if s.text.endswith(w, 0, at)
                     and s.text[at - len(w) - 1:at - len(w)] in prefixes), None)
        if body is not None:  # 市政协主席, 省人大常委会副主任: the body of the home city or province
            at -= len(body) + 1
            head = s.text[at]
            if at and "\u4e00" <= s.text[at - 1] <= "\u9fff" and s.text[at - 1] not in s.lex["title_modifiers"]:
                continue  # 三条市议会议长: a city no list knows
        opening = s.text[at - 1:at]
        if head in prefixes and opening not in prefixes:  # 日本三条市市长: a city no list knows
            home = _listed_place(s, post.index, at, prefixes[head]) or s.view.home.get(prefixes[head])
            if home is not None:
                yield Fact(post.person.key, "affiliatedWith", home, post.person.start, job_title=post.title)
        elif head in s.lex["admin_title_heads"] and opening != head:
            # 黄岛区区委书记X、区长Y: a district's or county's title, the last such place named before;
            # none named in the sentence: the one district or county the article names most (副区长Y)
            place = _named_before(s, post.index, head) if post.before is not None else None
            if place is None and not (at and "\u4e00" <= s.text[at - 1] <= "\u9fff"):
                place = home_district(s.view, head)
            if place is not None:
                yield Fact(post.person.key, "affiliatedWith", place, post.person.start, job_title=post.title)


def _listed_place(s: Sentence, index: int, at: int, label: str) -> EntityKey | None:
    """The city (or province) of the person listed right before, by a post of that place another
    rule gave them, for a 市/省 title that goes on a list (永川市议长朴钟云、副市长张相吉 → 永川市, not the
    home city)."""
    if index < 1 or s.text[at - 1:at] != "、" or s.mentions[index - 1].key.label != "Person" \
            or s.mentions[index - 1].end != at - 1:
        return None
    before = s.mentions[index - 1]
    return next((f.object for f in facts_of(s, before.key, "affiliatedWith", before.start)
                 if f.object.label == label), None)


def _named_before(s: Sentence, index: int, head: str) -> EntityKey | None:
    """The last district or county of the sentence before mention ``index`` whose name ends in
    ``head`` (区, 县), named alone or opening a committee or government (黄岛区区委 → 黄岛区)."""
    for mention in reversed(s.mentions[:index]):
        if mention.key.label in PLACE_CLASSES and mention.key.label != "Country":
            places = [mention.key]
        elif mention.key.label == "GovernmentBody":
            places = body_places(s, mention)
        else:
            continue
        found = next((p for p in places if p.name.endswith(head)), None)
        if found is not None:
            return found
    return None


@relation_rule("affiliatedWith.holds_post", gate=_GATE, cues=("post_verbs",))
def holds_post(s: Sentence) -> Iterator[Fact]:
    """PERSON 担任/出任 BODY + title: the body holds the post (李明担任大连市商务局局长)."""
    text, sentence, lex = s.text, s.mentions, s.lex
    for index, person in s.people:
        verb = next((v for v in lex["post_verbs"] if text.startswith(v, person.end)), None)
        if verb is None or index + 1 >= len(sentence):
            continue
        body = sentence[index + 1]
        title = lex.title_suffixes.longest_prefix(text, body.end, end=min(len(text), body.end + 8))
        if body.start == person.end + len(verb) and body.key.label in ORGANIZATION_CLASSES and title:
            yield Fact(person.key, "affiliatedWith", body.key, person.start, job_title=title)
            for place in body_places(s, body):
                yield Fact(person.key, "affiliatedWith", place, person.start, job_title=title)


@relation_rule("affiliatedWith.list_continues", gate=_GATE, cues=("list_end_marker",))
def list_continues(s: Sentence) -> Iterator[Fact]:
    """A name right after another and 、 holds the posts of the one before (市委书记许峰、周文栋), and
    and so does an untitled name between titled ones or before their verb (副市长甲、乙、副议长丙; 副区长甲、乙会见),
    not the last before 等 (副市长甲、乙等出席: its post is not said); with a title of its own, the bodies of the
    one before (商务局局长李华、副局长张强, 、开发部总经理…);
    so does one with a title after it too (丰田汽车田中社长、佐藤副社长); a title of the place's
    assembly or government, the places of the one before (冲绳县知事A、议会议长B)."""
    sentence, lex = s.mentions, s.lex
    for index, person in s.people:
        if not index:
            continue
        before = sentence[index - 1]
        gap = s.text[before.end:person.start]
        if before.key.label != "Person":
            continue
        if not gap.startswith("、"):
            # 青山汽车田中社长、佐藤副社长: titles after both names, the body of the first
            after = lex.title_suffixes.longest_prefix(s.text, person.end, end=min(len(s.text), person.end + 8))
            body = sentence[index - 2] if index >= 2 else None
            if not (after and gap.endswith("、") and gap[:-1] in lex.titles and body is not None
                    and body.key.label in ORGANIZATION_CLASSES
                    and s.text[body.end:before.start] in ("", lex["possessive"])):
                continue
            for fact in list(facts_of(s, before.key, "affiliatedWith", before.start)):
                yield Fact(person.key, "affiliatedWith", fact.object, person.start, job_title=after)
            continue
        title = gap[1:]
        if not title and person.rule == LIST_TAIL and s.text.startswith(lex["list_end_marker"], person.end):
            continue  # 副市长王海明、加藤一修等: the last before 等, whose post is not said
        post = lex.title_suffixes.longest_suffix(title) if title else None
        unit = title[:-len(post)] if post else ""
        if not unit.strip(lex["title_modifiers"]):  # 总领事A、副领事B: 副 (deputy) is part of the post
            unit = ""
        if unit in lex["place_body_words"]:  # 冲绳县知事A、议会议长B: the assembly of A's place
            for fact in list(facts_of(s, before.key, "affiliatedWith", before.start)):
                if fact.object.label in PLACE_CLASSES:
                    yield Fact(person.key, "affiliatedWith", fact.object, person.start, job_title=title)
            continue
        if title and (post is None or unit and not (len(unit) <= 4 and unit[-1] in lex["department_ends"])
                      or post.lstrip(lex["title_modifiers"])[:1] in lex["admin_title_heads"]):
            continue  # 市委书记许峰、市长周文栋: the mayor is the home city's (home_leader); 、开发部总经理 is one
        for fact in list(facts_of(s, before.key, "affiliatedWith", before.start)):
            yield Fact(person.key, "affiliatedWith", fact.object, person.start, job_title=title or fact.job_title)


@relation_rule("affiliatedWith.body_representative", gate=_GATE)
def body_representative(s: Sentence) -> Iterator[Fact]:
    """BODY + 代表 + PERSON: the body the representative speaks for (青山商会代表田中一郎共同出席)."""
    for index, person in s.people:
        if person.rule != BODY_REPRESENTATIVE or not index:
            continue
        body = s.mentions[index - 1]
        title = s.text[body.end:person.start]  # the word the people rule read (代表)
        if body.key.label in ORGANIZATION_CLASSES and 0 < len(title) <= 4 and title.isalpha():
            yield Fact(person.key, "affiliatedWith", body.key, person.start, job_title=title)
