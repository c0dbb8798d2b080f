"""Who is named before a visit cue: the visitors of a clause, a pronoun, the speaker."""

from __future__ import annotations

from ....ontology import PLACE_CLASSES
from ....records import EntityKey, Mention
from ...marks import CLAUSE_BREAKS
from ...people.bylines import BYLINE_OUTLET, BYLINE_PEOPLE
from ..base import VISITORS, Sentence, body_places, enumeration
from ..lexicon import reads
from .visitors import is_delegation, leaders, place_of_body


reads("_after_host", "verb_joiners")


def _after_host(s: Sentence, c_start: int, cue_start: int) -> tuple[int, bool]:
    """Where the visitors of a clause begin, and whether only those after it visit: after 会见 (the
    host receives), after 对 when the clause thanks or welcomes (姚德明对森和夫一行到访福州表示欢迎),
    after 由/以 when a visitor follows (由市长X率领的代表团); else the clause's start."""
    text, lex = s.text, s.lex
    closing = any(w in text[cue_start:s.clause_of(cue_start)[1]] for w in lex["host_closers"])
    begin, strict = c_start, False
    for marker in lex["host_markers"]:
        at = text.rfind(marker, c_start, cue_start)
        if at < 0 or at + len(marker) <= begin:
            continue
        after = at + len(marker)
        if marker in lex["receive_markers"] and not any(c_start <= m.start < at for m in s.mentions) \
                and any(w in text[after:cue_start] for w in lex["verb_joiners"]):
            return cue_start, False  # 会见了甲市长并考察了…: the one met hosts; the visitors are carried on
        if marker in lex["receive_markers"] or (marker in lex["welcome_markers"] and closing):
            begin, strict = after, True
        elif any(after <= m.start and m.end <= cue_start and m.key.label in VISITORS - PLACE_CLASSES
                 for m in s.mentions):
            begin = after
    return begin, strict


#: The rules of a byline's or a credit's names: reporters, photographers and their outlets.
_CREDITED = BYLINE_PEOPLE | {BYLINE_OUTLET}


def named_before(s: Sentence, start: int, cue_start: int, *, possessive_ok: bool = False) -> list[Mention]:
    """The visitors named in ``[start, cue_start)``: not a country, not a place after 从/在 or before
    a generic noun (日本企业来连), not one followed by 的 (unless ``possessive_ok``: X的来访), not the
    body of a person's post unless that person leads a group here (大连市贸促会会长崔铁率…; not 日本驻上海
    总领事馆总领事横井随团来赣, nor X协会会长Y一行抵达, nor X协会Y部长等一行来到: the title after the name)."""
    text, lex = s.text, s.lex
    escorts = escort_spans(s, start, cue_start)
    inside = [m for m in s.mentions if start <= m.start and m.end <= cue_start
              and not any(a <= m.start < b for a, b in escorts)]
    out = []
    where = -1  # the end of the last place after 从/在 (在日本大阪拜访: 大阪 says where too; 在大阪、东京: 东京 too)
    for n, m in enumerate(inside):
        if m.key.label in PLACE_CLASSES and (text[max(start, m.start - 1):m.start] in lex["origin_markers"]
                                             or m.start == where
                                             or (where >= 0 and text[where:m.start] in lex["place_list_links"])):
            where = m.end
            continue
        if m.key.label not in VISITORS or m.rule in _CREDITED:
            continue  # (the reporters and outlets of a byline or a credit visit nothing)
        if text[m.end:m.end + 1] == lex["possessive"] and not (possessive_ok and _only_links(s, m.end + 1, cue_start)):
            continue
        if m.key.label in PLACE_CLASSES and (text.startswith(lex["generic_heads"], m.end) or _counted(s, inside, n)):
            continue
        following = inside[n + 1] if n + 1 < len(inside) else None
        if m.key.label in _CHAIN_BODIES and _post_chain(s, inside, n):
            continue  # 日本自民党总务会长、众议院议员森山裕: the body names one of the posts of the person after it
        if m.key.label != "Person" and following is not None and 0 <= following.start - m.end <= 10 \
                and not any(ch in CLAUSE_BREAKS + "、" for ch in text[m.end:following.start]):
            if following.key.label == "Person" \
                    and (following.start > m.end or text.startswith(lex.titles, following.end)):  # 协会Y部长
                if following.key not in leaders(s).heads or not s.find("visit_lead", following.end, cue_start):
                    continue  # the body only names the post of the person after it
                place = (place_of_body(s, m.key) or next(iter(body_places(s, m)), None)) \
                    if m.key.label == "GovernmentBody" else None
                if place is not None:  # 辽宁省政协主席韩明远率团: the province sends the group
                    m = m._replace(key=place)
            elif m.key.label in PLACE_CLASSES and following.start == m.end:
                continue  # 江苏省盐城市市委: the province only contains what follows
        if m.key.label != "Person" and _unnamed_holder(s, m, cue_start):
            continue
        out.append(m)
    return out


reads("_unnamed_holder", "possessive", "visit_lead")


def _unnamed_holder(s: Sentence, m: Mention, cue_start: int) -> bool:
    """A post follows ``m`` and nobody holding it is named before the cue nor leads a group (东京都知事访问北京, 自民党干事长访华:
    the office, whoever held it; ``m`` sends no one), nor does it qualify a group (X商会负责人组成的代表团: a member)."""
    text = s.text
    return (text.startswith(s.lex.titles, m.end) and s.lex["possessive"] not in text[m.end:cue_start]
            and not any(m.end <= o.start and o.end <= cue_start and o.key.label == "Person" for o in s.mentions)
            and not s.find("visit_lead", m.end, cue_start))


reads("escort_spans", "escort_closers", "place_marker")


def escort_spans(s: Sentence, start: int, end: int) -> list[tuple[int, int]]:
    """The spans 在…陪同下 in ``[start, end)``: who is named there escorts the visitors (甲一行在安庆市委统战部、
    市侨联陪同下考察了…: the escorts visit nothing, and their places are no stops)."""
    text, lex, out = s.text, s.lex, []
    for closer in lex["escort_closers"]:
        at = text.find(closer, start, end)
        while at >= 0:
            opening = text.rfind(lex["place_marker"], start, at)
            if opening >= 0 and not any(ch in CLAUSE_BREAKS for ch in text[opening:at]):
                out.append((opening, at + len(closer)))
            at = text.find(closer, at + len(closer), end)
    return out


#: The bodies a chain of posts may open without sending anyone (a party committee or a government stands
#: for its place: 市委书记、市人大常委会主任甲在大阪拜访… → the city visits).
_CHAIN_BODIES = frozenset({"Organization", "Company"})
#: How long a chain of posts between a body and the person who holds them may be.
_CHAIN_REACH = 24


def _post_chain(s: Sentence, inside: list[Mention], n: int) -> bool:
    """The body at ``n`` opens a chain of posts, titles joined by 、 with bodies or places between, that ends
    in a person's name (日中友好协会副会长、爱知县日中友好协会副会长冈崎温): only a post of theirs, no visitor."""
    text, titles = s.text, s.lex.titles
    end = inside[n].end
    for m in inside[n + 1:]:
        if m.start - inside[n].end > _CHAIN_REACH:
            return False
        gap = text[end:m.start]
        if m.key.label == "Person":
            return "、" in text[inside[n].end:m.start] and gap.endswith(titles)
        if not (gap == "" or gap.startswith("、") or (gap.endswith("、") and gap[:-1].endswith(titles))):
            return False
        end = m.end
    return False


def _counted(s: Sentence, inside: list[Mention], n: int) -> bool:
    """The place at ``n`` is one of a list closed by a count (大阪、长崎、横滨等18个府县驻华机构组成的…):
    the places only qualify the members counted, they send nobody themselves."""
    text, end = s.text, inside[n].end
    for m in inside[n + 1:]:
        if m.key.label not in PLACE_CLASSES or text[end:m.start] not in s.lex["enumeration_links"]:
            break
        end = m.end
    return s.lex["counted_members_pattern"].match(text, end) is not None


def _generic_agent(s: Sentence, start: int, end: int) -> int:
    """Where a generic agent (企业, 游客, 客商 …) outside the names of ``[start, end)`` is, else -1."""
    chars = list(s.text[start:end])
    for m in s.mentions:
        if start <= m.start and m.end <= end:
            chars[m.start - start:m.end - start] = "\0" * (m.end - m.start)  # (names hide their words)
    local = "".join(chars)
    found = max((local.rfind(w) for w in s.lex["generic_visitors"]), default=-1)
    return start + found if found >= 0 else -1


def _for_business(s: Sentence, start: int, limit: int) -> bool:
    """The visited places are followed by what one goes there to do for good (投资, 设厂, 留学 …), or
    by a noun the visit only qualifies (赴日签证, 访日游客, 往届赴长野市研修生代表): no trip is told."""
    text = s.text
    last = max((m.end for m in s.mentions if start <= m.start and m.end <= limit), default=start + 1)
    words = s.lex["visit_purpose_blockers"] + s.lex["visit_attributive_heads"]
    return text.startswith(words, last) or text.startswith(words, start + 1)


def _leading(s: Sentence, start: int, end: int) -> list[Mention]:
    """The visitors that open the clause ``[start, end)`` (大分市代表团还与…: not those after 与)."""
    first = s.first_after(start)
    if first is None or s.mentions[first].start - start > 2:
        return []
    return [m for m in enumeration(s, first, VISITORS, end) if m.key.label != "Country"]


def _only_links(s: Sentence, start: int, end: int) -> bool:
    """Nothing but a few characters (一行, 大使一行的) stand between ``start`` and ``end``."""
    return end - start <= 4


def _pronoun(s: Sentence, c_start: int, cue_start: int, *, first_clause: bool) -> EntityKey | None:
    """他/她 (我率 in a quote) before the cue, in its clause (or, with ``first_clause``, the nearest
    before it in the sentence): the last person named before it in the sentence, else before the sentence."""
    text, lex = s.text, s.lex
    for start, end in ((c_start, cue_start), (s.start, c_start))[:2 if first_clause else 1]:
        at = _last_singular(s, start, min(end, cue_start))
        speaker = _speaker(s, at if at >= 0 else end)
        if at < 0 and speaker is not None:
            at = max((m.start() for m in lex["pronoun_self_pattern"].finditer(text, start, min(end, cue_start))),
                     default=-1)  # X说，这是我初次造访鄂州 (not 我市)
        if at >= 0:
            if speaker is not None:
                return speaker
            before = [m for m in s.mentions if m.end <= at and m.key.label == "Person" and m.rule not in _CREDITED]
            return before[-1].key if before else s.discourse.person
    return None


reads("_last_singular", "pronouns_person", "pronoun_plural_marker")


def _last_singular(s: Sentence, start: int, end: int) -> int:
    """Where the last 他/她 (我率) in ``[start, end)`` stands, not a plural one (他们参观…: a group, not the
    last person named), -1 if none."""
    text, plural = s.text, s.lex["pronoun_plural_marker"]
    best = -1
    for p in s.lex["pronouns_person"]:
        at = text.rfind(p, start, end)
        while at >= 0 and text.startswith(plural, at + len(p)):
            at = text.rfind(p, start, at)
        best = max(best, at)
    return best


def _speaker(s: Sentence, at: int) -> EntityKey | None:
    """Who speaks before ``at`` in the sentence: the person right before the last speech verb (酒井铁次郎说，…),
    or, when a pronoun speaks (…，他表示), the person the sentence opens with (埼玉县知事中野正和…对秦立平省长…
    表示欣慰，他表示：…他曾经去过太原 → 中野正和)."""
    said = [c for c in s.find("speech", s.start, at)]
    if not said:
        return None
    verb = said[-1][0]
    person = next((m for m in reversed(s.mentions) if m.end <= verb and m.key.label == "Person"), None)
    if person is not None and verb - person.end <= 2:
        return person.key
    if any(s.text.endswith(p, 0, verb) for p in s.lex["pronouns_person"]):
        c_start, c_end = s.clause_of(s.start)
        opening = [m for m in s.mentions if s.start <= m.start and m.end <= c_end]
        if opening and opening[0].key.label == "Person" or (len(opening) > 1 and opening[1].key.label == "Person"
                                                             and opening[0].key.label != "Person"):
            first = next(m for m in opening if m.key.label == "Person")
            if sum(1 for m in opening if m.key.label == "Person") == 1:
                return first.key
    return None


def _guests_after(s: Sentence, start: int, end: int) -> list[Mention]:
    """The people and delegations from ``start`` to the clause's end (来访的日本东京都知事大岛美奈子)."""
    return [m for m in s.mentions if start <= m.start and m.end <= end
            and (m.key.label == "Person" or is_delegation(s, m.key))]


reads("_list_end", "list_commas", "host_closers")
#: The cue families whose word makes a clause more than an item of a list of guests.
_VERB_FAMILIES = ("visit", "visit_come", "visit_incoming", "visit_receive", "participation", "speech",
                  "meeting", "hold", "organize", "cooperate", "sign")


def _list_end(s: Sentence, c_end: int) -> int:
    """Where a list of guests over commas ends (会见了甲会长、议长A，乙会长B率领的C代表团。): each clause after that
    names people or delegations and holds no cue word (nor 表示, 欢迎 …; X率领的 is part of a name) is an item."""
    text = s.text
    for start, end in s.clauses:
        if start <= c_end or not text.startswith(s.lex["list_commas"], start - 1):
            continue
        if not _guests_after(s, start, end) or any(s.find(f, start, end) for f in _VERB_FAMILIES) \
                or any(w in text[start:end] for w in s.lex["host_closers"]):
            break
        c_end = end
    return c_end


reads("_relative_visitors", "possessive", "relative_visit_gap_pattern")


def _relative_visitors(s: Sentence, objects: list[EntityKey], cue_start: int, c_end: int) -> list[Mention]:
    """The names a visit qualifies (来华访问的甲代表团, 此次来两江新区采访的A、B、C): right after the places
    visited, maybe a verb (采访, 访问) and 的, the people and bodies listed; nobody else before the cue."""
    text, lex = s.text, s.lex
    last = max((m.end for m in s.mentions if cue_start < m.start and m.end <= c_end and m.key in objects),
               default=-1)
    if last < 0:
        return []
    gap = lex["relative_visit_gap_pattern"].match(text, last)
    first = s.first_after(gap.end()) if gap is not None else None
    if first is None or s.mentions[first].start != gap.end():
        return []
    return enumeration(s, first, VISITORS - PLACE_CLASSES, c_end)


reads("_planned", "visit_modal", "trip_under_way", "welcome_verbs")


def _planned(s: Sentence, begin: int, cue_start: int) -> bool:
    """A modal word (将, 希望, 期待) before the cue in ``[begin, cue_start)``: a visit not made yet, unless the
    sentence before it says the trip is under way (访问团此次来洛将参加恳谈会，还将赴新安县访问: the itinerary), or
    a host welcomes a guest named right after 欢迎 (甲欢迎乙副省长访日: the guest is there)."""
    text, lex = s.text, s.lex
    at = max((text.rfind(w, begin, cue_start) for w in lex["visit_modal"]), default=-1)
    if at < 0:
        return False
    welcome = next((w for w in lex["welcome_verbs"] if text.startswith(w, at)), None)
    if welcome is not None and any(m.start == at + len(welcome) and m.end <= cue_start and m.key.label in
                                   VISITORS - PLACE_CLASSES for m in s.mentions):
        return False
    return not any(w in text[s.start:at] for w in lex["trip_under_way"])
