"""Who makes a pair: the subjects before a partner marker (青岛、乃至山东与日本合作), the person signing
for a body (福冈县副知事江口胜), and partners without the country that only qualifies them (日本双日株式会社).

Read by :mod:`.pairs` (its cue keys are declared there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...ontology import PLACE_CLASSES, PLACE_RANK
from ...records import EntityKey, Mention
from ..marks import HARD_BOUNDARIES
from ..people.bylines import BYLINE_OUTLET
from .base import AGENTS, Sentence
from .visit import governed_place

if TYPE_CHECKING:  # (pairs imports this module)
    from .pairs import Pair

__all__ = ["holder", "pair_subjects", "without_outlets", "without_qualifiers"]


def without_qualifiers(s: Sentence, mentions: list[Mention]) -> list[Mention]:
    """Leave out a country right before a company or body: it only says where that one is from
    (日本双日株式会社, 日本本田制锁株式会社)."""
    out = []
    for n, m in enumerate(mentions):
        following = mentions[n + 1] if n + 1 < len(mentions) else None
        if m.key.label == "Country" and following is not None and following.start == m.end \
                and following.key.label not in PLACE_CLASSES:
            continue
        out.append(m)
    return out


def pair_subjects(s: Sentence, m_start: int, *, single: bool = False) -> list[EntityKey]:
    """Who stands before the marker in its clause (a list of them: 青岛、乃至山东与日本合作; one only after
    another pair in the clause: A与B、C与D); at the sentence's start, the topic before."""
    text, lex = s.text, s.lex
    c_start, _ = s.clause_of(m_start)
    before = [m for m in s.mentions if c_start <= m.start and m.end <= m_start and m.key.label in AGENTS]
    if before and len(lex.alias_notes.sub("", text[before[-1].end:m_start])) <= 6:
        return _named_before(s, before, single=single)
    for word, labels in lex["place_pronouns"].items():  # 该市还与深圳大富科技签订…: the city named last
        if word in text[c_start:m_start]:
            last = s.view.last_before(text.find(word, c_start, m_start), set(labels.split()))
            return [last.key] if last is not None else []
    for word, labels in lex["body_pronouns"].items():  # 该公司与高新区签约: the company the sentence before is about
        if word in text[c_start:m_start]:
            topic = s.discourse.topic
            return [topic] if topic is not None and topic.label in labels.split() else []
    if m_start - s.start <= 4 and text[c_start:m_start] in lex["clause_openers"]:  # (not 市工商联与…: a name unknown)
        if s.discourse.visitors:
            return list(s.discourse.visitors)  # 在日本期间，…。其中，与X签署: the travellers
        return [s.discourse.topic] if s.discourse.topic else []  # 与藤田医科大学建立…: the previous sentence's topic
    topic = s.topic
    if topic is not None and s.mentions and s.mentions[0].key == topic and s.preceded_by(s.mentions[0], lex["place_marker"]):
        topic = None  # 在日本期间，…与X签署: 日本 is where, not who
    if topic is None and not before:
        topic = _clause_subject(s, c_start)
    return [topic] if topic else []


def _named_before(s: Sentence, before: list[Mention], *, single: bool) -> list[EntityKey]:
    """The subjects named right before the marker (``before``: the clause's bodies and places up to it): the
    last one, the list it ends, or the person and the body they sign for."""
    text, lex = s.text, s.lex
    if text.startswith(tuple(lex["partner_group_heads"]), before[-1].end):
        return []  # 日本青少年与山西大学的师生交流: the place only says whose people act
    if len(before) > 1 and before[-1].key.label == "Country" \
            and text[before[-2].end:before[-1].start].endswith(lex["copula"]):
        before = before[:-1]  # 天津是中国最早与日本…的城市之一: 天津, not 中国
    found = [before[-1]]
    rank = PLACE_RANK.get
    gap = text[before[-2].end:before[-1].start] if len(before) > 1 else ""
    if before[-2:-1] and before[-2].key.label == "Person" and len(gap) <= 5:
        # 范志强还代表市政府与…签订: the person and the body he signs for; 甲与乙分别代表X和Y: X and Y
        # (signatories)
        if gap.endswith(lex["joint_represent_words"]):
            return []
        if gap.endswith(lex["represent_words"]):
            return [before[-2].key, before[-1].key] + [p for p in [governed_place(s, before[-1].key)] if p]
    for m in reversed(before[:-1] if not single else []):  # back along the list: 、, 和, 乃至
        gap = text[m.end:found[0].start]
        if not gap and rank(m.key.label, 9) < rank(found[0].key.label, -1):
            continue  # 中国东北地区: the smaller place is meant
        if gap in lex["enumeration_links"] or gap in lex["subject_list_links"]:
            found.insert(0, m)
        else:
            break
    return [m.key for m in without_qualifiers(s, found)]


#: How far into its clause a name may stand and still be the clause's subject (今年，东风公司…).
_SUBJECT_REACH = 4


def _clause_subject(s: Sentence, c_start: int) -> EntityKey | None:
    """The subject of the nearest clause before ``c_start`` that a body or place opens: it carries on to
    a clause with no subject of its own (东风公司抢抓机遇，…，加强与日产汽车的交流合作 → 东风公司)."""
    for start, _ in reversed([c for c in s.clauses if c[0] < c_start]):
        opening = next((m for m in s.mentions if start <= m.start), None)
        if opening is not None and opening.start - start <= _SUBJECT_REACH and opening.end <= c_start \
                and opening.key.label in AGENTS \
                and not s.text.endswith(s.lex["partner_markers"], 0, opening.start) \
                and not s.preceded_by(opening, s.lex["place_marker"]) and not _listed(s, opening):
            return opening.key if opening.key.label != "Person" else None  # (a person speaks: the pair is theirs)
    return None


def _listed(s: Sentence, opening: Mention) -> bool:
    """The name, with the names written right after it, is an item of a list (群马县前桥市、奈良县生驹市等):
    a clause a list was cut into, not one that names its subject."""
    end = opening.end
    for m in s.mentions:
        if m.start == end:
            end = m.end
    return s.text.startswith(tuple(s.lex["listed_item_followers"]), end)


def holder(s: Sentence, mention: Mention) -> Mention:
    """The person right after a body or place and a title (福冈县副知事江口胜 → 江口胜), else the mention."""
    following = s.first_after(mention.end)
    if mention.key.label == "Person" or following is None:
        return mention
    person = s.mentions[following]
    gap = s.text[mention.end:person.start]
    if person.key.label == "Person" and 0 < len(gap) <= 10 and not any(ch in HARD_BOUNDARIES for ch in gap):
        return person
    return mention


def without_outlets(s: Sentence, found: list[Pair]) -> list[Pair]:
    """No outlet of a byline, nor one cited as the source (据X日报12日消息), is a party (中新社长沙7月25日电
    …与湖南…合作: the outlet reports it)."""
    text = s.text
    outlets = {m.key for m in s.view.mentions if m.rule == BYLINE_OUTLET}
    outlets |= {m.key for m in s.mentions if text.endswith(s.lex["report_source_marker"], 0, m.start)
                and s.lex["report_source_pattern"].match(text, m.end)}
    if not outlets:
        return found
    kept = [p._replace(partners=[k for k in p.partners if k not in outlets]) for p in found if p.subject not in outlets]
    return [p for p in kept if p.partners or not any(q.partners for q in found if q.at == p.at)]
