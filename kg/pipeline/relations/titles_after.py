"""``affiliatedWith`` from a title written after the name: a body before it (丰田汽车的田中社长), a pronoun
for a body (该企业渡边社长), the home place of a 市/省 title (王海明副市长)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES
from ...records import Mention
from ..marks import CLOSE, OPEN
from .base import Fact, Sentence, body_places, relation_rule
from .diplomats import name_country
from .posts import posts
from .visit.rules import place_chain

__all__ = ["home_leader_after", "pronoun_body", "title_after_name"]

_GATE = ("@Person",)


@relation_rule("affiliatedWith.title_after_name", gate=_GATE, cues=("possessive", "place_pronouns"))
def title_after_name(s: Sentence) -> Iterator[Fact]:
    """BODY (的) PERSON + title, with no title before the name, or the name and title in brackets after
    the body: the body holds the post (丰田汽车的田中社长, 日产中国笠越诚总裁, 上海日本商工俱乐部（西川明理事长）)."""
    text, sentence = s.text, s.mentions
    for post in posts(s):
        person = post.person
        if post.titled or not post.index:
            continue
        title = s.lex.title_suffixes.longest_prefix(text, person.end, end=min(len(text), person.end + 8))
        before = sentence[post.index - 1]
        gap = text[before.end:person.start]
        bracketed = len(gap) == 1 and gap in OPEN and title and text[person.end + len(title):][:1] in CLOSE
        if title and before.key.label in ORGANIZATION_CLASSES \
                and (gap in ("", s.lex["possessive"]) or bracketed):
            yield Fact(person.key, "affiliatedWith", before.key, person.start, job_title=title)
            for place in body_places(s, before):
                yield Fact(person.key, "affiliatedWith", place, person.start, job_title=title)


@relation_rule("affiliatedWith.pronoun_body", gate=_GATE, cues=("company_pronouns", "body_pronoun_pattern"))
def pronoun_body(s: Sentence) -> Iterator[Fact]:
    """该企业 + PERSON + title, 该联谊会(PERSON + title): the body last named that the pronoun's head ends
    (与该企业渡边社长会面 → the company before; 由该联谊会(沈高平会长)主办 → 日本中华总商会上海联谊会)."""
    text, lex = s.text, s.lex
    for post in posts(s):
        person = post.person
        if post.titled or post.company is not None:
            continue
        title = lex.title_suffixes.longest_prefix(text, person.end, end=min(len(text), person.end + 8))
        if not title:
            continue
        at = person.start - (1 if text[person.start - 1:person.start] in OPEN else 0)
        if at < person.start and text[person.end + len(title):][:1] not in CLOSE:
            continue  # 该联谊会(沈高平会长): the name and its title fill the brackets
        found = lex["body_pronoun_pattern"].search(text, max(0, at - 8), at)
        if found is None or found.end() != at:
            continue
        head = found.group(1)
        labels = {"Company"} if found.group(0) in lex["company_pronouns"] else ORGANIZATION_CLASSES
        body = _pronoun_referent(s, found.group(0), found.start(), labels)
        while body is not None and not (body.key.label == "Company" and labels == {"Company"}
                                        or body.key.name.endswith(head)):
            body = s.view.last_before(body.start, labels)
        if body is not None:
            yield Fact(person.key, "affiliatedWith", body.key, person.start, job_title=title)


def _pronoun_referent(s: Sentence, pronoun: str, at: int, labels: set[str] | frozenset[str]) -> Mention | None:
    """The body named last before ``at``, but not one named in a sentence about the pronoun's referent
    (该企业是…，在泾县合资创办了乙公司。与该企业渡边社长会面: 乙公司 is the referent's, the one before it is meant)."""
    view = s.view
    body = view.last_before(at, labels)
    while body is not None:
        start = next((a for a, b in view.sentences if a <= body.start < b), None)
        opening = s.text.find(pronoun, start, body.start) if start is not None else -1
        if opening < 0:
            return body
        body = view.last_before(opening, labels)
    return None


@relation_rule("affiliatedWith.home_leader_after", gate=_GATE, cues=("leader_prefixes", "title_modifiers"))
def home_leader_after(s: Sentence) -> Iterator[Fact]:
    """PERSON + 市长/省长 (副市长, 常务副市长) with no title or body before the name: a post of the place
    written right before the name (吉林省白城市李明伟市长 → 白城市), else of the article's home city or
    province (王海明副市长出席 → the home city), where no post of the person's was named before and the
    name's surname is not another country's (not 羽田市长 in an article about a Chinese city)."""
    text, lex = s.text, s.lex
    prefixes = lex["leader_prefixes"]
    for post in posts(s):
        person = post.person
        if post.titled or post.company is not None:
            continue
        title = lex.title_suffixes.longest_prefix(text, person.end, end=min(len(text), person.end + 8))
        label = prefixes.get(title.lstrip(lex["title_modifiers"])[:1]) if title else None
        if label is None:
            continue
        before = s.mentions[post.index - 1] if post.index else None
        if before is not None and before.end == person.start:
            if before.key.label == label:  # 白城市李明伟市长
                yield Fact(person.key, "affiliatedWith", before.key, person.start, job_title=title)
            continue  # (a body's: affiliatedWith.title_after_name)
        if any(r.subject == person.key and r.predicate == "affiliatedWith" for r in s.view.relations):
            continue  # 羽田浩市长 … 羽田市长: the post named before
        home = s.view.home.get(label)
        chain = place_chain(s, home)
        if home is not None and chain[-1].label == "Country" \
                and name_country(s, person.key.name) in (None, chain[-1].name):
            yield Fact(person.key, "affiliatedWith", home, person.start, job_title=title)
