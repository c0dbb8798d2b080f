"""``affiliatedWith`` from speaking for a body: PERSON (title) 代表 BODY(、BODY) — the bodies a person
speaks for on their own behalf are theirs (田亦军首先代表山西省外侨办、山西省友协对…表示欢迎)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES
from .base import Fact, Sentence, relation_rule
from .lexicon import reads

__all__ = ["speaks_for"]

reads("affiliatedWith.speaks_for", "represent_adverbs", "apposition_links", "party_suffixes", "government_ends")

_GATE = ("@Person",)
#: The longest a title written after the name and before 代表 is (副市长, 常务副主任).
_TITLE_AFTER = 6


@relation_rule("affiliatedWith.speaks_for", gate=_GATE, cues=("represent_words",))
def speaks_for(s: Sentence) -> Iterator[Fact]:
    """PERSON (title) (首先/还) 代表 BODY、BODY…: the person speaks for the bodies named right after 代表,
    one after another (王海明首先代表青山市政府、青山市友协对客人表示欢迎 → both; 李华副市长代表市政府致辞);
    not 分别代表 (each signer for their own side), nor 代表团, nor a place (代表青山向来宾表示欢迎)."""
    text, sentence, lex = s.text, s.mentions, s.lex
    words, adverbs = tuple(lex["represent_words"]), tuple(lex["represent_adverbs"])
    for index, person in s.people:
        if index + 1 >= len(sentence):
            continue
        body = sentence[index + 1]
        cue = next((w for w in words if text.endswith(w, 0, body.start)), None)
        if cue is None or body.key.label not in ORGANIZATION_CLASSES:
            continue
        gap = text[person.end:body.start - len(cue)]
        for adverb in adverbs:
            gap = gap.removesuffix(adverb)
        if gap and not (len(gap) <= _TITLE_AFTER and lex.title_suffixes.longest_prefix(gap) == gap):
            continue  # 王海明会见了…代表: a verb between, not the person's own words
        bodies = _bodies_after(s, index + 1)
        names = [b.name for b in bodies]
        if any(n.endswith(tuple(lex["party_suffixes"])) for n in names) \
                and any(n.endswith(tuple(lex["government_ends"])) for n in names):
            continue  # 代表省委、省政府: the place's leadership as a whole, not a post in each
        for body in bodies:
            yield Fact(person.key, "affiliatedWith", body, person.start, job_title=gap or None)


def _bodies_after(s: Sentence, k: int) -> list:
    """The bodies from mention ``k`` on, one after another with 、/和/及 (or nothing) between."""
    sentence, found = s.mentions, []
    while k < len(sentence) and sentence[k].key.label in ORGANIZATION_CLASSES:
        found.append(sentence[k].key)
        link = s.text[sentence[k].end:sentence[k + 1].start] if k + 1 < len(sentence) else None
        if link not in (*s.lex["apposition_links"], ""):
            break
        k += 1
    return found
