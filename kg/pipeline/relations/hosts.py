"""``affiliatedWith`` in a visit report: the hosts a visit reaches, named before their titles right
after the body visited (拜访青山友协，王流会长、李继兰副会长与之会谈)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES
from .base import Fact, Sentence, facts_of, relation_rule

__all__ = ["visited_hosts"]


@relation_rule("affiliatedWith.visited_hosts", gate=("visit",), cues=("host_links", "host_verb_ends"))
def visited_hosts(s: Sentence) -> Iterator[Fact]:
    """A body a visit reaches, then right after it people named before their titles, one after another
    (拜访青山市友协，王明会长、李华副会长与之会谈): the hosts hold their posts in the body visited; a
    city's, province's or county's title (市长) is the home place's, not the body's."""
    text, sentence, lex = s.text, s.mentions, s.lex
    visits = s.find("visit")
    for index, person in s.people:
        if not index or sentence[index - 1].key.label not in ORGANIZATION_CLASSES \
                or text[sentence[index - 1].end:person.start] not in lex["host_links"]:
            continue
        body = sentence[index - 1]
        if not any(e <= body.start and text[e:body.start] in lex["host_verb_ends"] for _, e, _ in visits):
            continue
        k = index
        while k < len(sentence) and sentence[k].key.label == "Person":
            host = sentence[k]
            title = lex.title_suffixes.longest_prefix(text, host.end, end=min(len(text), host.end + 8))
            if not title or title.lstrip(lex["title_modifiers"])[:1] in lex["admin_title_heads"] \
                    or any(facts_of(s, host.key, "affiliatedWith", host.start)):
                break
            yield Fact(host.key, "affiliatedWith", body.key, host.start, job_title=title)
            k += 1
            if k >= len(sentence) or text[host.end + len(title):sentence[k].start] != "、":
                break
