"""Pairs of partners: A与B、C (合作, 签署, 缔结友好城市), or 双方/两市 for the last pair named.

The reading is shared by the rules of ``cooperatesWith``, ``signedWith`` and
``sisterCityOf``; the last pair a sentence names carries to the next sentences.
Each subject before the marker makes a pair of its own (青岛、山东与日本合作); a
short description before the partner is skipped (与世界500强企业之一的日本双日株式会社),
and a country right before a company or body only qualifies it (与日本双日株式会社).
"""

from __future__ import annotations

from typing import NamedTuple

from ...ontology import PLACE_CLASSES
from ...records import EntityKey, Mention
from ..marks import CLAUSE_BREAKS, HARD_BOUNDARIES
from .base import AGENTS, Sentence, enumeration, skip_relative
from .lexicon import reads
from .pair_subjects import holder, pair_subjects, without_outlets, without_qualifiers

__all__ = ["Pair", "named_here", "pair_of", "pairs", "without_qualifiers"]  # without_qualifiers: from .pair_subjects


class Pair(NamedTuple):
    """A subject and its partners at a marker (与) or a pronoun (双方), and what the sentence says of them."""

    at: int
    subject: EntityKey
    partners: list[EntityKey]
    cooperate: bool
    sign: bool
    sister: bool
    pronoun: bool  # 双方, 两市: the pair named before
    copula: bool = False  # X是Y的友好城市: no marker, the sister cities of a copula
    possessive: bool = False  # X的友城Y: no marker, Y is X's sister city


reads("pairs", "partner_markers", "cooperate", "exchange", "sign", "sister", "pair_pronouns", "generic_heads", "sign_verbs_alone",
      "sign_objects", "enumeration_links", "subject_list_links", "list_end_markers", "place_marker", "partner_attribute_ends",
      "represent_words", "joint_represent_words", "place_pronouns", "body_pronouns", "attribute_markers", "clause_openers", "bilateral_pairs",
      "possessed_heads", "copula", "possessive", "marker_words", "tentative_words", "potential_words", "respective_words",
      "partner_exchange_pattern", "sister_owner_gap_pattern", "listed_item_followers", "partner_person_heads",
      "sign_reference_words", "partner_roles", "partner_nouns", "partner_group_heads", "partner_count_pattern", "report_source_marker",
      "report_source_pattern")


def pairs(s: Sentence) -> list[Pair]:
    """The pairs of the sentence: after each partner marker, else one pronoun for the last pair named."""
    return s.memo(pairs, _pairs)


def pair_of(s: Sentence) -> tuple[EntityKey, list[EntityKey]] | None:
    """The last pair named in this sentence (with partners), else the one carried from before."""
    named = [p for p in pairs(s) if not p.pronoun and p.partners]
    if named:
        return named[-1].subject, named[-1].partners
    return s.discourse.pair


def named_here(s: Sentence) -> bool:
    """Whether this sentence names a pair with partners (it then carries to the next sentences)."""
    return any(not p.pronoun and p.partners for p in pairs(s))


def _signs(s: Sentence, after: int, sign: list[tuple[int, int, str]]) -> bool:
    """签约 right after the partners (与新都区签约), or 签署/签订 with an agreement (协议, 备忘录)."""
    text, alone = s.text, s.lex["sign_verbs_alone"]
    # 以此次续签合作备忘录为契机: a signing named before, not one of the partners here
    sign = [c for c in sign if not text.endswith(tuple(s.lex["sign_reference_words"]), s.start, c[0])]
    if any(w in alone and 0 <= start - after <= 4 and not any(ch in text[after:start] for ch in CLAUSE_BREAKS)
           for start, _, w in sign):
        return True
    return any(start >= after for start, _, _ in sign) and any(w in text[after:s.end] for w in s.lex["sign_objects"])


def _copulas(s: Sentence, sister: list[tuple[int, int, str]]) -> list[Pair]:
    """X是Y(缔结)的…友好城市: the sister cities of a copula (东京是北京缔结的第一个国际友好城市)."""
    text, lex = s.text, s.lex
    out = []
    for cue_start, _, _ in sister:
        c_start, _ = s.clause_of(cue_start)
        is_at = text.rfind(lex["copula"], c_start, cue_start)
        if is_at < 0:
            continue
        before = [m for m in s.mentions if c_start <= m.start and m.end <= is_at and m.key.label in PLACE_CLASSES]
        after = [m for m in s.mentions if is_at < m.start and m.end <= cue_start and m.key.label in PLACE_CLASSES]
        if before and after and lex["possessive"] in text[after[0].end:cue_start]:
            out.append(Pair(cue_start, before[-1].key, [after[0].key], False, False, True, False, True))
    return out


def _possessives(s: Sentence, sister: list[tuple[int, int, str]]) -> list[Pair]:
    """X的(国际)友城Y: Y is X's sister city (昆明的友城藤泽市); a place right before 的, one right after the cue."""
    text, lex = s.text, s.lex
    out = []
    for cue_start, cue_end, _ in sister:
        owner = next((m for m in s.mentions if m.key.label in PLACE_CLASSES and m.end < cue_start
                      and lex["sister_owner_gap_pattern"].fullmatch(text, m.end, cue_start)), None)
        partner = next((m for m in s.mentions if m.start == cue_end and m.key.label in PLACE_CLASSES), None)
        if owner is not None and partner is not None:
            out.append(Pair(cue_start, owner.key, [partner.key], False, False, True, False, possessive=True))
    return out


def _reach(s: Sentence, at: int, clauses: int) -> int:
    """The end of the ``clauses``-th clause after the one holding ``at`` (天津经济社会发展和滨海新区开发…，
    表示…，扩大交流合作: the cooperation two clauses on is not theirs)."""
    _, end = s.clause_of(at)
    following = [c for c in s.clauses if c[0] > end][:clauses]
    return following[-1][1] if following else end


def _partner_start(s: Sentence, begin: int) -> int:
    """Past a short description before the partner (世界500强企业之一的, 世界500强企业、) when no name
    starts at ``begin``."""
    if any(m.start == begin for m in s.mentions):
        return begin
    first = s.first_after(begin)
    if first is None:
        return begin
    start = s.mentions[first].start
    gap = s.text[begin:start]
    if 0 < len(gap) <= 12 and gap.endswith(s.lex["partner_attribute_ends"]) \
            and not any(ch in HARD_BOUNDARIES and ch != "、" for ch in gap):
        return start
    return begin


def _partner_role(s: Sentence, begin: int) -> tuple[int, str]:
    """Past a noun of the partner's role right after the marker, a name right after it (与合作伙伴广汽集团,
    与友好城市中国武汉市合作), and the role: partners by itself (合作伙伴) or sister cities (友好城市)."""
    role = next((w for w in s.lex["partner_roles"] if s.text.startswith(w, begin)), None)
    if role is None or not any(m.start == begin + len(role) for m in s.mentions):
        return begin, ""
    return begin + len(role), "cooperate" if role in s.lex["partner_nouns"] else "sister"


def _exchange(s: Sentence, after: int) -> int | None:
    """Where the exchange of the partners ending at ``after`` is named (与泾县的文化交流, 和昆明间的友好交流,
    和日本的经贸、科技、文化交流, 和浙江省友好交流20周年), no name in between."""
    found = s.lex["partner_exchange_pattern"].match(s.text, after, s.end)
    if found is None or any(after < m.end and m.start < found.end() for m in s.mentions):
        return None
    return found.end() - 2


Cue = tuple[int, int, str]


class _Cues(NamedTuple):
    """The cues of a sentence the pairs are read against, and where a cooperation is only tentative."""

    coop: list[Cue]
    sign: list[Cue]
    sister: list[Cue]
    tentative: list[int]


def _pairs(s: Sentence) -> list[Pair]:
    coop, sign, sister = s.find("cooperate"), s.find("sign"), s.find("sister")
    # A与B建立友好城市关系40周年纪念活动: an event's name that opens with the cue (cues in names are left out)
    opening = [(m.start, m.start + len(w), w) for m in s.mentions if m.key.label == "Event"
               for w in [next((w for w in s.lex["sister"] if s.text.startswith(w, m.start)), None)] if w]
    sister = sorted([*sister, *opening]) if opening else sister
    # 正在与X洽谈合作, 具有合作的潜力: a cooperation sought or possible, not yet one
    tentative = [c[0] for c in coop if s.text.endswith(s.lex["tentative_words"], 0, c[0])
                 or s.text.startswith(s.lex["potential_words"], c[1])]
    if not coop and not sign and not sister and not s.find("exchange"):
        return []
    cues = _Cues(coop, sign, sister, tentative)
    found: list[Pair] = []
    markers = s.find("partner_markers")
    joined: set[int] = set()  # markers inside a list of partners (上海与鸟取县、冈山县与广岛县: and)
    for n in range(len(markers)):
        found.extend(_marker_pairs(s, cues, markers, n, joined))
    found.extend(_copulas(s, sister))
    found.extend(_possessives(s, sister))
    found.extend(_pronoun_pair(s, cues, found))
    return without_outlets(s, found)



def _marker_pairs(s: Sentence, cues: _Cues, markers: list[Cue], n: int, joined: set[int]) -> list[Pair]:
    """The pairs at the partner marker ``markers[n]`` (A与B、C合作): each subject before it with the
    partners after it, and what the cues up to the next pair say of them."""
    text = s.text
    m_start, m_end, word = markers[n]
    if any(text.startswith(w, m_start - w.index(word)) for w in s.lex["marker_words"] if word in w) \
            or m_start in joined:
        return []  # 参与, 与会: no partner marker
    c_start, c_end = s.clause_of(m_start)
    before = any(c_start <= a < m_start for a, _, _ in markers[:n])
    begin, role = _partner_role(s, skip_relative(s, m_end, s.end))  # 与位于仙台市的日本东北大学
    if word in s.lex["attribute_markers"]:
        begin = _partner_start(s, begin)  # 与世界500强企业之一的日本双日株式会社 (not 同时设立的…)
    first = s.first_after(begin)
    if first is None or s.mentions[first].start != begin:
        return []
    partners, following = _partners(s, markers, n, joined, first, (c_start, c_end))
    if not partners:
        return []
    if word in s.lex["list_end_markers"] and "、" in text[c_start:m_start]:
        return []  # 考察了日产、小岩井农场和盛冈工匠村: 和 ends a list, it joins no partners
    # A和B负责人表示，…合资: 和 joins the bodies whose people act; only a cue of their own clause pairs them
    spoken = word in s.lex["list_end_markers"] and (text.startswith(s.lex.titles, partners[-1].end)
                                                    or text.startswith(tuple(s.lex["partner_person_heads"]), partners[-1].end))
    after = partners[-1].end
    if following is not None:  # A与B、C与D分别签约: the cue after the last pair is theirs too
        last = [a for a, _, _ in markers[n + 1:] if a < c_end][-1]
        nxt = s.first_after(last + 1)
        if nxt is not None and s.mentions[nxt].end <= c_end:
            after = s.mentions[nxt].end
    # the cue stands in the partners' clause or the next ones (two after 与, one after 和)
    reach = _reach(s, after, 0 if spoken else 1 if word in s.lex["list_end_markers"] else 2)
    subjects, home = pair_subjects(s, m_start, single=before), False
    # a signing after the next pair's marker in a later clause is that pair's (…的交流与合作，X分别与Y签署了协定)
    next_pair = next((a for a, _, _ in markers[n + 1:] if a > after and a not in joined and a >= c_end), s.end)
    if not subjects and any(after <= c < reach for c, _, _ in cues.sister) and "City" in s.view.home:
        subjects, home = [s.view.home["City"]], True  # 深化与长崎、那霸友城交流: the home city's sister cities
    respective = text.endswith(s.lex["respective_words"], 0, m_start) and 1 < len(subjects) == len(partners)
    return _stated(s, cues, m_start, subjects, partners, home=home, respective=respective,
                   span=(after, reach, next_pair), role=role)


def _partners(s: Sentence, markers: list[Cue], n: int, joined: set[int], first: int,
              clause: tuple[int, int]) -> tuple[list[Mention], int | None]:
    """The partners listed from the mention ``first`` on after ``markers[n]``, and where the next
    marker of the clause is (None if none); A与B、C与D (no 分别) is one list joined by 与."""
    text = s.text
    c_start, c_end = clause
    following = next((a for a, _, _ in markers[n + 1:] if a < c_end), None)
    partners = without_qualifiers(s, enumeration(s, first, AGENTS, following or s.end, unnamed=True))
    unnamed_last = bool(partners) and partners[-1].key.label == "Country" \
        and s.lex["unnamed_item_rest_pattern"].fullmatch(text, partners[-1].end, following + 1 if following else 0)
    if following is not None and (len(partners) > 1 and partners[-1].end == following or unnamed_last) \
            and not any(w in text[c_start:c_end] for w in s.lex["respective_words"]):
        # A与B、C与D (no 分别): one list of partners joined by 与 (上海与日本鸟取县、冈山县与广岛县)
        joined.add(following)
        following = next((a for a, _, _ in markers[n + 1:] if following < a < c_end), None)
        partners = without_qualifiers(s, enumeration(s, first, AGENTS, following or s.end, unnamed=True))
    while following is not None and partners and partners[-1].end == following \
            and text.startswith(tuple(s.lex["list_end_markers"]), following) \
            and markers[n][2] not in s.lex["list_end_markers"]:
        # 与B和C缔结友好城市 (与日本藤冈市和南城市): 和 ends the list of partners, it opens no pair of B's
        joined.add(following)
        following = next((a for a, _, _ in markers[n + 1:] if following < a < c_end), None)
        partners = without_qualifiers(s, enumeration(s, first, AGENTS, following or s.end, unnamed=True))
    if following is not None and len(partners) > 1 and partners[-1].end == following:
        partners = partners[:-1]  # A与B、C与D分别签约: C opens the next pair
    return partners, following


def _stated(s: Sentence, cues: _Cues, m_start: int, subjects: list[EntityKey], everyone: list[Mention], *,
            home: bool, respective: bool, span: tuple[int, int, int], role: str = "") -> list[Pair]:
    """A pair for each subject: its partners (one each when 分别), and whether a cue from ``after``
    (cooperation and sister cities before ``reach``, signing before ``next_pair``) or the partners'
    ``role`` (与合作伙伴B: cooperate, 与友好城市B: sister) states it."""
    text = s.text
    after, reach, next_pair = span
    out: list[Pair] = []
    partners = everyone
    for n_subject, subject in enumerate(subjects):
        if respective:  # A、B分别与C、D签署: A with C, B with D
            partners = [everyone[n_subject]]
        if subject.label == "Person":  # 李强与福冈县副知事江口胜签署: the person after the post
            partners = [holder(s, p) for p in partners]
        keys = [p.key for p in partners if p.key != subject
                and (p.key.label == "Country" or not text.startswith(s.lex["generic_heads"], p.end))
                # 与青山企业签约: the firms, not the city; 与日本各界/日本企业合作: the country's
                and not text.startswith(s.lex["possessed_heads"], p.end)  # 和山西的地级市
                and not text.startswith(tuple(s.lex["partner_group_heads"]), p.end)  # 与日本各个城市, 与日本高校
                and not s.lex["partner_count_pattern"].match(text, p.end)  # 与日本30余所高校
                and (p.key.label == "Person") <= (subject.label == "Person")]  # a body signs with no person
        first_coop = next((c for c, _, _ in cues.coop if after <= c < reach), None)
        if first_coop is None:
            first_coop = _exchange(s, after)  # 为天津和日本的经贸、科技、文化交流
        out.append(Pair(m_start, subject, keys, not home and (role == "cooperate" or first_coop is not None
                        and first_coop not in cues.tentative),  # 正在与X洽谈合作: not yet partners
                        not home and _signs(s, after, [c for c in cues.sign if c[0] < next_pair]),
                        role == "sister" or any(after <= c < reach for c, _, _ in cues.sister),
                        False))
    return out


def _pronoun_pair(s: Sentence, cues: _Cues, found: list[Pair]) -> list[Pair]:
    """两市签署了…备忘录 / 双方…合作: no partners named in the sentence, the pair named before (not 中日双方:
    a pair of its own)."""
    if any(p.partners for p in found) or not s.discourse.pair:
        return []
    for p_start, p_end, _ in s.find("pair_pronouns"):
        if s.text.endswith(tuple(s.lex["bilateral_pairs"]), s.start, p_start):
            continue
        subject, keys = s.discourse.pair
        return [Pair(p_start, subject, keys, any(c >= p_end for c, _, _ in cues.coop), _signs(s, p_end, cues.sign),
                     False, True)]
    return []
