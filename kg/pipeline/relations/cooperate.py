"""``cooperatesWith``: partners (A与B合作, A携手B, 双方…合作, 日本是青岛的合作伙伴)."""

from __future__ import annotations

from collections.abc import Iterator

from ...records import EntityKey
from ..candidates import Candidate, candidate_key
from ..marks import CLOSE
from .base import BODIES_AND_PLACES, Fact, Sentence, enumeration, relation_rule
from .lexicon import reads
from .readings import copula_pairs
from .pairs import Pair, pairs
from .visit import governed_place, place_chain, posts

__all__ = ["bilateral", "dash_pair", "leader_company", "meeting_sides", "pair", "pair_pronoun", "partner_noun", "toward",
           "transitive"]


@relation_rule("cooperatesWith.partner_noun", gate=("partner_nouns",), cues=("copula",))
def partner_noun(s: Sentence) -> Iterator[Fact]:
    """X、Y是Z的合作伙伴: the listed ones cooperate with the one after 是 (日本、韩国是青岛重要的经贸合作伙伴)."""
    for subject, partner, at in copula_pairs(s, "partner_nouns"):
        yield Fact(subject, "cooperatesWith", partner, at)


reads("cooperatesWith", "delegation_heads")


def _partners(s: Sentence, found: Pair) -> list[EntityKey]:
    """Bodies and places cooperate, not people (陆永刚与大岛美奈子签署…: they sign, their cities cooperate),
    nor a delegation, which only travels for its sender (无锡代表团在日本拜访A…，携手深化合作; 与…代表团交流)."""
    def party(key: EntityKey) -> bool:
        return key.label != "Person" and not key.name.endswith(s.lex["delegation_heads"])
    if not party(found.subject):
        return []
    return [p for p in found.partners if party(p)]


def _subject(s: Sentence, found: Pair) -> EntityKey:
    """A party committee cooperates through its city (威海市委书记…表示，强化与X的交流 → 威海)."""
    if found.subject.name.endswith(s.lex["party_suffixes"]):
        return governed_place(s, found.subject) or found.subject
    return found.subject


def _for_its_place(s: Sentence, found: Pair) -> bool:
    """A government that one signs for, beside the place it governs at the same marker (范志强代表市政府与…:
    the city cooperates, not its government)."""
    place = governed_place(s, found.subject)
    return place is not None and any(p.at == found.at and p.subject == place for p in pairs(s))


def _contains(s: Sentence, a: EntityKey, b: EntityKey) -> bool:
    """``a`` governs ``b`` or lies in it, or the reverse (湖北省和武汉市, 黄陂区政府…与黄陂区): one is part of
    the other, no partners."""
    def around(key: EntityKey) -> set[str]:
        return {k.name for k in place_chain(s, governed_place(s, key) or key)}
    return b.name in around(a) or a.name in around(b)


@relation_rule("cooperatesWith.pair", gate=("cooperate", "exchange"), cues=("party_suffixes",))
def pair(s: Sentence) -> Iterator[Fact]:
    """A与B、C…合作, A和B的…交流: A cooperates with each partner (大连港集团与商船三井签署战略合作协议;
    为天津和日本的经贸、科技、文化交流架桥铺路); not a place with what it contains or governs, nor one that only
    says whose unnamed cities, schools or people act (与日本各个城市加强合作, 日本青少年与…交流)."""
    for found in pairs(s):
        if found.cooperate and not found.pronoun and not _for_its_place(s, found):
            subject = _subject(s, found)
            for partner in _partners(s, found):
                if not _contains(s, subject, partner):
                    yield Fact(subject, "cooperatesWith", partner, found.at)


@relation_rule("cooperatesWith.pair_pronoun", gate=("cooperate",))
def pair_pronoun(s: Sentence) -> Iterator[Fact]:
    """双方/两市…合作, where the sentence names no pair: the pair named before (双方将深化合作)."""
    for found in pairs(s):
        if found.cooperate and found.pronoun:
            for partner in _partners(s, found):
                yield Fact(found.subject, "cooperatesWith", partner, found.at)


@relation_rule("cooperatesWith.leader_company", gate=("cooperate",))
def leader_company(s: Sentence) -> Iterator[Fact]:
    """A person who cooperates deals for the company they lead (社长X与Y合作 → X's company and Y)."""
    for found in pairs(s):
        if not found.cooperate or found.subject.label != "Person":
            continue
        companies = [r.object for r in s.view.relations if r.subject == found.subject
                     and r.predicate == "affiliatedWith" and r.object.label == "Company"]
        for partner in found.partners:
            for company in companies:
                yield Fact(company, "cooperatesWith", partner, found.at)


reads("cooperatesWith", "meeting_pronouns")


@relation_rule("cooperatesWith.meeting_sides", gate=("visit_receive",), cues=("visit_receive", "cooperate"))
def meeting_sides(s: Sentence) -> Iterator[Fact]:
    """HOST会见/会晤 COMPANY(+ title, name, 一行)…，双方…合作: the place the host holds a post in cooperates
    with each company met (市委常委、青山区党工委书记甲会见日本白河株式会社社长乙一行，双方就深入合作进行交流 →
    青山区 and 白河株式会社), the place written nearest before the host's name where there are several."""
    text = s.text
    pronouns = [p for p in s.find("pair_pronouns") if p[2] in s.lex["meeting_pronouns"]]
    cues = [c for c, _, _ in s.find("cooperate")]
    for m_start, m_end, _ in s.find("visit_receive"):
        pronoun = next((p for p in pronouns if p[0] >= m_end), None)
        if pronoun is None or not any(c >= pronoun[1] for c in cues):
            continue
        c_start, _ = s.clause_of(m_start)
        hosts = [m for m in s.mentions if c_start <= m.start and m.end <= m_start and m.key.label == "Person"]
        places = posts(s, hosts[-1].key) if hosts else []
        if not places:
            continue
        place = max(places, key=lambda p: text.rfind(p.name, c_start, hosts[-1].start))
        for met in s.mentions:
            if m_end <= met.start and met.end <= pronoun[0] and met.key.label == "Company":
                yield Fact(place, "cooperatesWith", met.key, m_start)


@relation_rule("cooperatesWith.transitive", gate=("cooperate",), cues=("transitive_cooperate",))
def transitive(s: Sentence) -> Iterator[Fact]:
    """A对接B、C / A携手B: the verb takes the partners as its object (哈尔滨市积极对接日本企业)."""
    verbs = s.lex["transitive_cooperate"]
    for cue_start, cue_end, word in s.find("cooperate"):
        if word not in verbs:
            continue
        first = s.first_after(cue_end)
        if first is None or s.mentions[first].start - cue_end > 2:
            continue
        partners = enumeration(s, first, BODIES_AND_PLACES, s.end)
        c_start, _ = s.clause_of(cue_start)
        subjects = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start and m.key.label in BODIES_AND_PLACES]
        if subjects and partners:
            for partner in partners:
                yield Fact(subjects[-1].key, "cooperatesWith", partner.key, cue_start)


@relation_rule("cooperatesWith.toward", gate=("cooperate",), cues=("toward_markers", "country_abbreviations",
                                                                     "example_opening", "example_closing"))
def toward(s: Sentence) -> Iterator[Fact]:
    """X对日(经贸)合作: the clause's subject cooperates with the country after 对 (标志着成都、成都高新区对日合作
    再向前迈出坚实步伐 → 成都, 成都高新区 and 日本)."""
    text, lex = s.text, s.lex
    for cue_start, _, _ in s.find("cooperate"):
        c_start, _ = s.clause_of(cue_start)
        for marker in lex["toward_markers"]:
            at = text.rfind(marker, c_start, cue_start)
            if at < 0 or cue_start - at > 6:
                continue
            partner = _toward_partner(s, at + len(marker))
            first = _past_examples(s, s.first_after(c_start))
            if partner is None or first is None or s.mentions[first].end > at:
                continue
            for subject in enumeration(s, first, BODIES_AND_PLACES, at):
                if subject.key != partner:
                    yield Fact(subject.key, "cooperatesWith", partner, cue_start)
            break


def _past_examples(s: Sentence, first: int | None) -> int | None:
    """以大阪为代表的关西地区: the name after the example frame, not the example in it."""
    opening, closing = s.lex["example_opening"], s.lex["example_closing"]
    if first is None or not s.preceded_by(s.mentions[first], opening) \
            or not s.text.startswith(closing, s.mentions[first].end):
        return first
    after = s.first_after(s.mentions[first].end + len(closing))
    return after if after is not None and s.mentions[after].start == s.mentions[first].end + len(closing) else first


def _toward_partner(s: Sentence, at: int) -> EntityKey | None:
    """The country right after 对: a name (对日本) or a short one the document names (对日 → 日本)."""
    named = next((m for m in s.mentions if m.start == at), None)
    if named is not None:
        return named.key if named.key.label == "Country" else None
    target = s.lex["country_abbreviations"].get(s.text[at:at + 1])
    if target is None:
        return None
    return next((k for k in s.view.entities if k.label == "Country" and k.name == target), EntityKey(target, "Country"))


@relation_rule("cooperatesWith.bilateral", gate=("cooperate",), cues=("bilateral_pairs", "name_brackets"))
def bilateral(s: Sentence) -> Iterator[Fact]:
    """中日…合作 (not inside a name): the two countries cooperate, when the document names both
    (强化中日两国企业合作 → 中国 and 日本), 中日 in an earlier clause of the sentence too where no name
    stands between (中日邦交正常化50年来，两国各领域交流合作取得长足发展)."""
    text, view = s.text, s.view
    for cue_start, _, _ in s.find("cooperate"):
        c_start, _ = s.clause_of(cue_start)
        for short, names in s.lex["bilateral_pairs"].items():
            at = text.find(short, c_start, cue_start)
            if at < 0:  # 中日邦交正常化50年来，两国各领域交流合作: an earlier clause, no name between
                at = text.rfind(short, s.start, c_start)
                if at >= 0 and any(at + len(short) <= m.start < cue_start for m in s.mentions):
                    continue
            if at < 0 or any(m.start <= at < m.end for m in s.mentions) \
                    or text.startswith(s.lex["name_brackets"], at + len(short)):
                continue  # 中日(成都)…示范项目: a name's start
            keys = [next((k for k in view.entities if k.label == "Country" and k.name == name
                          and view.first_mention(k) is not None), None) for name in names.split(",")]
            if len(keys) == 2 and None not in keys:
                yield Fact(keys[0], "cooperatesWith", keys[1], cue_start)
                return


reads("cooperatesWith", "pair_dashes", "name_brackets")

_CUE_REACH = 16  # characters from the second place to the cue: one name


@relation_rule("cooperatesWith.dash_pair", cues=("pair_dashes", "name_brackets", "cooperate", "exchange"))
def dash_pair(s: Sentence) -> Iterator[Fact]:
    """PLACE—PLACE…合作/交流, in a name or a title: the two places cooperate (浙江—日本企业经贸合作对接洽谈会,
    中国(青山)—日本经贸交流峰会 → 青山; 江苏—日本石川交流会 → 石川): the smallest place of each side."""
    text, lex = s.text, s.lex
    if not any(dash in text[s.start:s.end] for dash in lex["pair_dashes"]):
        return
    words = (*lex["cooperate"], *lex["exchange"])  # inside the name too (…经贸合作对接洽谈会 is one)
    seen: set[tuple[EntityKey, EntityKey]] = set()
    for dash in lex["pair_dashes"]:
        at = text.find(dash, s.start, s.end)
        while at >= 0:
            after = at + len(dash)
            left, right = _place_ending(s, at), _places_from(s, after)
            at = text.find(dash, after, s.end)
            if left is None or not right:
                continue
            reach = min(s.end, right[-1].end + _CUE_REACH)
            cue = min((c for c in (text.find(w, right[-1].end, reach) for w in words) if c >= 0), default=None)
            if cue is None or any(ch in _BREAKS for ch in text[right[-1].end:cue]):
                continue
            pair = (candidate_key(left, s.view.folded), candidate_key(right[-1], s.view.folded))
            if pair[0] != pair[1] and pair not in seen and not _contains(s, *pair):  # (山东—青岛: a part)
                seen.add(pair)
                yield Fact(pair[0], "cooperatesWith", pair[1], cue)


_BREAKS = frozenset("，。；、：！？,;:!?“”《》\n")


def _place_ending(s: Sentence, end: int) -> Candidate | None:
    """The place that ends at ``end``, or in brackets just before it (中国(青山)—: 青山)."""
    text = s.text
    if end > s.start and text[end - 1] in CLOSE:
        bracket = max(text.rfind(b, s.start, end) for b in s.lex["name_brackets"])
        end = end - 1 if bracket >= 0 and end - bracket <= 8 else end
    places = [c for c in s.view.places_between(max(s.start, end - 8), end) if c.end == end and c.entry is not None]
    return max(places, key=lambda c: c.length) if places else None


def _places_from(s: Sentence, start: int) -> list[Candidate]:
    """The run of places that starts at ``start`` (日本石川: 日本, 石川), each the longest there."""
    run: list[Candidate] = []
    at = start
    while True:
        here = [c for c in s.view.places_between(at, at + 1) if c.entry is not None]
        if not here:
            return run
        best = max(here, key=lambda c: c.length)
        run.append(best)
        at = best.end
