"""``visited``: who goes where (赴, 来到, 拜访, 考察; 来访, 访华; 会见 a guest …).

A visit is read as a *frame*: where the cue is, what is visited, and who visits, each
visitor tagged with where it came from. Each source of a visitor is a rule:

* ``named_visitor``: named before the cue in its clause (沈阳市经贸代表团赴日本); a party
  committee or a government stands for the place it governs (盐城市委书记X率团 → 盐城);
* ``delegation_origin``: the body or place a delegation is named after (大连市贸促会代表团 →
  大连市贸促会; 日本冲绳县友好代表团 → 冲绳县; 市政府代表团 → the home city); a bare 代表团
  referring back stands for who sent it, not for itself (as the seed annotations have it);
* ``leader``: who leads a delegation (X率D, 由X率领的D, 以X为团长的D) visits with it, and it
  with them; ``leader_post``: a leader of a group visits for the place of their post
  (三条市市长X率团来我市 → 三条市);
* ``pronoun``, ``carried_visitor``, ``home_city``: 他; the visitors of the clause or
  sentence before (in the paragraph, else the trip so far); the article's home city.

Besides the cues followed by what is visited (VISITOR 赴/访问/拜访 X、Y, 访日, 来我市),
``incoming`` reads visits with no object (X一行来访, 对X的到来表示欢迎, 会见了来访的X):
the guests visited where they are received (在P, the host's place, the home city);
``received`` reads HOST 会见 GUEST (the guest visited the host's place, unless the host is
on a trip himself); ``during`` reads what a trip's visitors do on the way (出席在P举行的…,
代表团在P举办…, 结束对X的访问后).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES, PLACE_RANK
from ...records import EntityKey, Mention
from ..candidates import candidate_key
from ..marks import CLAUSE_BREAKS, HARD_BOUNDARIES
from .base import VISITED, VISITORS, Fact, Sentence, _item_ends, enumeration, inside_unnamed, relation_rule
from .lexicon import reads

__all__ = ["FAMILIES", "Visit", "carried_visitor", "delegation_origin", "during", "expand", "frames",
           "governed_place", "home_city", "incoming", "is_delegation", "leader", "leader_post", "leaders",
           "event_abroad", "named_before", "named_visitor", "place_of_body", "posts", "pronoun", "received"]

_GATE = ("visit", "visit_come", "visit_incoming", "visit_receive", "visit_during", "hold")
#: The cue families a visit frame is read from (see :func:`frames`).
FAMILIES = frozenset(_GATE)
_SUBORDINATE_PLACES = PLACE_CLASSES - {"Country"}


class Visit(NamedTuple):
    """One visit: where its cue is, what is visited, who visits (with the source of each), and
    the kind of cue (``cue``, ``incoming``, ``received``, ``during``)."""

    at: int
    objects: list[EntityKey]
    subjects: list[tuple[EntityKey, str]]
    kind: str = "cue"
    companions: frozenset[EntityKey] = frozenset()  # who only goes along (随江苏经贸代表团): not carried on


reads("visit", "visit_come", "speech", "pronoun_self_pattern", "visit_particles", "relative_location", "relative_end", "place_marker", "possessive",
      "origin_markers", "pronouns_person", "delegation_heads", "body_place_suffixes", "host_markers",
      "place_abbreviations", "home_region_words", "visit_by_preposition", "visit_conduct", "generic_heads",
      "visit_subordinate", "come_blockers", "host_closers", "receive_markers", "welcome_markers", "visit_modal",
      "companion_markers", "abbreviation_suffixes", "generic_visitors", "country_abbreviations",
      "visit_purpose_blockers", "visit_attributive_heads", "area_suffixes")


# ---------------------------------------------------------------------- the people and bodies behind a visitor
def is_delegation(s: Sentence, key: EntityKey) -> bool:
    """An organization named as a travelling group (代表团, 访问团, 考察团, 招商小队 …)."""
    return key.label == "Organization" and key.name.endswith(s.lex["delegation_heads"])


def _sender(s: Sentence, mention: Mention) -> EntityKey | None:
    """Who a delegation is named after: a body in its name (大连市贸促会代表团 → 大连市贸促会), else
    the most specific listed place in it (日本四日市市经济交流代表团 → 四日市市; not a country, nor an
    area such as 关西地区 that has no government to send it)."""
    view = s.view
    named = view.full_mention(mention.key) or mention
    inside = [c for at in range(named.start, named.end - 2) for c in view.candidates_at(at) if c.end < named.end]
    bodies = [c for c in inside if c.label in ORGANIZATION_CLASSES and c.length >= 4
              and not s.text.endswith(s.lex["delegation_heads"], 0, c.end)]
    for body in sorted(bodies, key=lambda c: -c.length):
        key = candidate_key(body, view.folded)
        if key in view.entities and view.first_mention(key) is not None:
            return key
    places = [c for c in inside if c.entry is not None and c.label in _SUBORDINATE_PLACES
              and not candidate_key(c, view.folded).name.endswith(s.lex["area_suffixes"])]  # 关西地区 sends nobody
    if places:
        return candidate_key(max(places, key=lambda c: (c.end, c.length)), view.folded)
    label = s.lex["leader_prefixes"].get(s.text[named.start:named.start + 1])
    return view.home.get(label) if label else None  # 市政府代表团: the home city's


def governed_place(s: Sentence, key: EntityKey) -> EntityKey | None:
    """The place a party committee or government governs (中共辽宁省委 → 辽宁省, 鄂州市委 → 鄂州): the
    place of the document whose name comes last in the body's name."""
    if key.label != "GovernmentBody" or not key.name.endswith(s.lex["body_place_suffixes"]):
        return None
    return place_of_body(s, key)


def place_of_body(s: Sentence, key: EntityKey) -> EntityKey | None:
    """The place of the document whose name comes last in a body's name (辽宁省政协 → 辽宁省)."""
    best, best_at = None, -1
    for place in _places(s):
        at = key.name.rfind(place.name)
        if at >= 0 and (at + len(place.name), len(place.name)) > (best_at, len(best.name) if best else 0):
            best, best_at = place, at + len(place.name)
    return best


def _places(s: Sentence) -> list[EntityKey]:
    """The places of the document that have a mention (no country)."""
    view = s.view
    return view.memo(_places, lambda: [k for k in view.entities if k.label in _SUBORDINATE_PLACES
                                       and view.first_mention(k) is not None])


def posts(s: Sentence, person: EntityKey) -> list[EntityKey]:
    """The places a person holds a post in, from the affiliations stated so far (市长 → the city,
    市委书记 → the city the committee governs)."""
    out: list[EntityKey] = []
    for rel in s.view.relations:
        if rel.subject != person or rel.predicate != "affiliatedWith":
            continue
        place = rel.object if rel.object.label in _SUBORDINATE_PLACES else governed_place(s, rel.object)
        if place is not None and place not in out:
            out.append(place)
    return out


class Leaders(NamedTuple):
    """Who leads which delegation in the document (a group without a name is ``None``), and who
    leads one by 率/带队 (not only 一行)."""

    leads: dict[EntityKey, list[EntityKey | None]]
    led_by: dict[EntityKey, list[EntityKey]]
    heads: set[EntityKey]


reads("leaders", "visit_lead", "host_markers", "delegation_heads", "group_words", "group_heads", "leader_prefixes")


def leaders(s: Sentence) -> Leaders:
    """X率D, 由X、Y率领的D, 以X为团长的D, X率团: read once per document."""
    return s.view.memo(leaders, lambda: _leaders(s))


def _leaders(s: Sentence) -> Leaders:
    view, text, lex = s.view, s.text, s.lex
    found = Leaders({}, {}, set())
    for start, end in view.sentences:
        for cue_start, cue_end, _ in s.cues.find("visit_lead", start, end):
            c_start = next((a for a, b in view.clauses(start, end) if a <= cue_start <= b), start)
            marker = max((text.rfind(m, c_start, cue_start) + len(m) for m in lex["host_markers"]
                          if text.rfind(m, c_start, cue_start) >= 0), default=c_start)
            mentions = view.mentions_between(marker, end)
            people = [m for m in mentions if m.end <= cue_start and m.key.label == "Person"]
            if not people:
                continue
            after = [m for m in mentions if m.start >= cue_end]
            group: EntityKey | None = None
            topic = [m for m in view.mentions_between(c_start, marker) if is_delegation(s, m.key)]
            if after and after[0].start - cue_end <= 12 and is_delegation(s, after[0].key) \
                    and not any(ch in CLAUSE_BREAKS for ch in text[cue_end:after[0].start]):
                group = after[0].key
            elif topic and marker > c_start:  # 代表团由X率领
                group = topic[-1].key
            elif not text.startswith(lex["group_heads"], cue_end):
                continue  # 率6家企业: no group of travellers named
            for person in people:
                _lead(found, person.key, group)
                found.heads.add(person.key)
    for word in lex["group_words"]:  # 崔铁一行, 垂秀夫大使一行: the person leads a group
        at = text.find(word)
        while at >= 0:
            person = view.last_before(at, {"Person"})
            if person is not None and at - person.end <= 4 \
                    and not any(ch in CLAUSE_BREAKS for ch in text[person.end:at]):
                _lead(found, person.key, None)
            at = text.find(word, at + len(word))
    people = [k for k in view.entities if k.label == "Person" and len(k.name) >= 2]
    for key in [k for k in view.entities if is_delegation(s, k)]:
        for person in people:  # 日本岐阜县知事古田肇友好访问团: the person in its name leads it
            if person.name in key.name:
                _lead(found, person, key)
        sender = _sender_of(s, key)
        for person, groups in list(found.leads.items()):
            # 大连市贸促会会长崔铁率企业代表赴日本 … 大连市贸促会代表团: the group he leads is the one his body sent
            if None in groups and sender is not None and sender in _post_bodies(s, person):
                _lead(found, person, key)
    return found


def _sender_of(s: Sentence, key: EntityKey) -> EntityKey | None:
    first = s.view.first_mention(key)
    return _sender(s, first) if first is not None else None


def _post_bodies(s: Sentence, person: EntityKey) -> list[EntityKey]:
    """The names right before a person's mentions, across a title (大连市贸促会会长崔铁 → 大连市贸促会)."""
    view, text = s.view, s.text
    out = []
    for m in view.mentions:
        if m.key != person:
            continue
        before = view.last_before(m.start, VISITORS - {"Person"})
        if before is not None and 0 < m.start - before.end <= 8 \
                and not any(ch in HARD_BOUNDARIES for ch in text[before.end:m.start]):
            out.append(before.key)
    return out


def _lead(found: Leaders, person: EntityKey, group: EntityKey | None) -> None:
    groups = found.leads.setdefault(person, [])
    if group not in groups:
        groups.append(group)
    if group is not None and person not in found.led_by.setdefault(group, []):
        found.led_by[group].append(person)


def _backref(s: Sentence, mention: Mention) -> bool:
    named = s.view.full_mention(mention.key)
    return named is not None and named is not mention and named.text != mention.text


def expand(s: Sentence, mention: Mention) -> list[tuple[EntityKey, str]]:
    """The visitors a mention stands for, each with its source: a delegation, who sent it and who
    leads it; a leader, the delegation they lead and the place of their post; a party committee,
    the place it governs. A bare 代表团 stands for who sent it alone."""
    key = mention.key
    if key.label == "GovernmentBody":
        place = governed_place(s, key)
        return [(place, "named")] if place is not None else [(key, "named")]
    if is_delegation(s, key):
        sender = _sender(s, mention)
        if _backref(s, mention):
            return [(sender, "origin")] if sender else []
        out = [(key, "named")] + ([(sender, "origin")] if sender else [])
        return out + [(person, "leader") for person in leaders(s).led_by.get(key, ())]
    out = [(key, "named")]
    if key.label == "Person":
        groups = leaders(s).leads.get(key)
        if groups is not None:
            for group in groups:
                if group is not None:
                    out.append((group, "leader"))
                    first = s.view.first_mention(group)
                    sender = _sender(s, first) if first is not None else None
                    if sender is not None:
                        out.append((sender, "origin"))
            if key in leaders(s).heads:
                out.extend((place, "leader_post") for place in posts(s, key))
    return out


def _unique(pairs: list[tuple[EntityKey, str]]) -> list[tuple[EntityKey, str]]:
    """Each visitor once per source (a visitor found two ways is stated by both rules; the first
    rule in config order names the fact)."""
    return list(dict.fromkeys(pairs))


# ---------------------------------------------------------------------- who is named before a cue
def _after_host(s: Sentence, c_start: int, cue_start: int) -> tuple[int, bool]:
    """Where the visitors of a clause begin, and whether only those after it visit: after 会见 (the
    host receives), after 对 when the clause thanks or welcomes (林宝金对垂秀夫一行到访福州表示欢迎),
    after 由/以 when a visitor follows (由市长X率领的代表团); else the clause's start."""
    text, lex = s.text, s.lex
    closing = any(w in text[cue_start:s.clause_of(cue_start)[1]] for w in lex["host_closers"])
    begin, strict = c_start, False
    for marker in lex["host_markers"]:
        at = text.rfind(marker, c_start, cue_start)
        if at < 0 or at + len(marker) <= begin:
            continue
        after = at + len(marker)
        if marker in lex["receive_markers"] or (marker in lex["welcome_markers"] and closing):
            begin, strict = after, True
        elif any(after <= m.start and m.end <= cue_start and m.key.label in VISITORS - PLACE_CLASSES
                 for m in s.mentions):
            begin = after
    return begin, strict


def named_before(s: Sentence, start: int, cue_start: int, *, possessive_ok: bool = False) -> list[Mention]:
    """The visitors named in ``[start, cue_start)``: not a country, not a place after 从/在 or before
    a generic noun (日本企业来连), not one followed by 的 (unless ``possessive_ok``: X的来访), not the
    body of a person's post unless that person leads a group (大连市贸促会会长崔铁率…; not 日本驻上海
    总领事馆总领事横井随团来赣)."""
    text, lex = s.text, s.lex
    inside = [m for m in s.mentions if start <= m.start and m.end <= cue_start]
    out = []
    where = -1  # the end of the last place after 从/在 (在日本大阪拜访: 大阪 says where too)
    for n, m in enumerate(inside):
        if m.key.label in PLACE_CLASSES and (text[max(start, m.start - 1):m.start] in lex["origin_markers"]
                                             or m.start == where):
            where = m.end
            continue
        if m.key.label not in VISITORS:
            continue
        if text[m.end:m.end + 1] == lex["possessive"] and not (possessive_ok and _only_links(s, m.end + 1, cue_start)):
            continue
        if m.key.label in PLACE_CLASSES and text.startswith(lex["generic_heads"], m.end):
            continue
        following = inside[n + 1] if n + 1 < len(inside) else None
        if m.key.label != "Person" and following is not None and 0 <= following.start - m.end <= 10 \
                and not any(ch in CLAUSE_BREAKS + "、" for ch in text[m.end:following.start]):
            if following.key.label == "Person" and following.start > m.end:
                if following.key not in leaders(s).leads:
                    continue  # the body only names the post of the person after it
                place = place_of_body(s, m.key) if m.key.label == "GovernmentBody" else None
                if place is not None:  # 辽宁省政协主席夏德仁率团: the province sends the group
                    m = m._replace(key=place)
            elif m.key.label in PLACE_CLASSES and following.start == m.end:
                continue  # 江苏省盐城市市委: the province only contains what follows
        out.append(m)
    return out


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
        at = max((text.rfind(p, start, min(end, cue_start)) for p in lex["pronouns_person"]), default=-1)
        speaker = _speaker(s, at if at >= 0 else end)
        if at < 0 and speaker is not None:
            at = max((m.start() for m in lex["pronoun_self_pattern"].finditer(text, start, min(end, cue_start))),
                     default=-1)  # X说，这是我初次造访鄂州 (not 我市)
        if at >= 0:
            if speaker is not None:
                return speaker
            before = [m for m in s.mentions if m.end <= at and m.key.label == "Person"]
            return before[-1].key if before else s.discourse.person
    return None


def _speaker(s: Sentence, at: int) -> EntityKey | None:
    """Who speaks before ``at`` in the sentence: the person right before the last speech verb (阿部银次郎说，…),
    or, when a pronoun speaks (…，他表示), the person the sentence opens with (埼玉县知事上田清司…对楼阳生省长…
    表示欣慰，他表示：…他曾经去过太原 → 上田清司)."""
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


# ---------------------------------------------------------------------- what is visited
def _abbreviation(s: Sentence, at: int) -> EntityKey | None:
    """The place a one-character short name at ``at`` stands for (访汉 → 武汉, 来闽 → 福建) if the document
    names it, the country of 访日 and 访华 in any case; 我省 → the home province."""
    text, lex = s.text, s.lex
    if text.startswith(lex["home_region_words"], at):
        return s.view.home.get("Region")
    country = lex["country_abbreviations"].get(text[at:at + 1])
    if country is not None:  # 访日, 访华: the country, named in the document or not
        return next((k for k in s.view.entities if k.label == "Country" and k.name == country),
                    EntityKey(country, "Country"))
    targets = lex["place_abbreviations"].get(text[at:at + 1])
    if targets is None:
        return None
    for target in targets.split("|"):  # 苏: 江苏|苏州, whichever the document names
        for key in s.view.entities:
            if key.label in PLACE_CLASSES and (key.name == target or key.name in
                                                 {target + end for end in lex["abbreviation_suffixes"]}) \
                    and s.view.first_mention(key) is not None:
                return key
    return None


def _with_containers(s: Sentence, objects: list[Mention]) -> list[Mention]:
    """赴日本大阪: the country and the city are both visited (the enumeration keeps the city)."""
    out: list[Mention] = []
    by_end = {m.end: m for m in s.mentions}
    for obj in objects:
        before = by_end.get(obj.start)
        if obj.key.label in PLACE_CLASSES and before is not None and before.key.label in PLACE_CLASSES \
                and PLACE_RANK[before.key.label] < PLACE_RANK[obj.key.label] and before not in objects \
                and before not in out:
            out.append(before)
        out.append(obj)
    return out


def _objects_after(s: Sentence, after: int, limit: int) -> list[EntityKey]:
    """What is visited from ``after`` on: an enumeration of places and bodies, or a short name."""
    text, lex = s.text, s.lex
    for relative in lex["relative_location"]:
        end = text.find(lex["relative_end"], after, limit)
        if text.startswith(relative, after) and end > 0:
            after = end + 1  # 考察了位于开发区的佳能…
            break
    first = s.first_after(after)
    while first is not None and s.mentions[first].start < limit and first + 1 < len(s.mentions) \
            and inside_unnamed(s, s.mentions[first].end, limit):
        first += 1  # 泉州 in 泉州海交馆、清源山、中国闽台缘博物馆
    if first is not None and s.mentions[first].start != after and s.mentions[first].start < limit \
            and lex["unnamed_items_pattern"].fullmatch(text, after, s.mentions[first].start) \
            and lex["possessive"] not in text[after:s.mentions[first].start] \
            and _item_ends(s, s.mentions[first].end, limit):
        after = s.mentions[first].start  # 参观了泉州海交馆、清源山、中国闽台缘博物馆: past the unnamed ones
    if first is None or s.mentions[first].start != after:
        short = _abbreviation(s, after)
        return [short] if short is not None else []
    owner, lead = s.mentions[first], []
    following = s.mentions[first + 1] if first + 1 < len(s.mentions) else None
    if text.startswith(lex["possessive"], owner.end) and following is not None and following.start < limit \
            and following.start - owner.end <= 8 \
            and not any(ch in CLAUSE_BREAKS for ch in text[owner.end:following.start]):
        first += 1  # 来到合肥的友好城市久留米: 久留米 is visited
        if following.start == owner.end + len(lex["possessive"]) and owner.key.label in PLACE_CLASSES \
                and following.key.label in PLACE_CLASSES \
                and PLACE_RANK[owner.key.label] < PLACE_RANK[following.key.label]:
            lead = [owner.key]  # 去过山西的太原: 山西 too
    return lead + [m.key for m in _with_containers(s, enumeration(s, first, VISITED, limit, unnamed=True))]


def _places_at(s: Sentence, at: int, end: int) -> list[EntityKey]:
    """The places named one after the other from the first after ``at`` on, before ``end`` (日本大阪)."""
    out: list[EntityKey] = []
    position = -1
    for m in s.mentions:
        if m.start < at or m.end > end or m.key.label not in PLACE_CLASSES or (out and m.start != position):
            if out:
                break
            continue
        out.append(m.key)
        position = m.end
    return out


def _objects_before(s: Sentence, c_start: int, cue_start: int) -> tuple[list[EntityKey], int]:
    """对日本进行了友好访问, 到日本进行访问: the places after 对/到 before 进行 and the cue, and where the
    visitors end (at 对/到); 在辽宁考察: the place right before the cue."""
    text, lex = s.text, s.lex
    conduct = max((text.rfind(w, c_start, cue_start) for w in lex["visit_conduct"]), default=-1)
    if conduct < 0:
        right = next((m for m in s.mentions if m.end == cue_start and m.key.label in _SUBORDINATE_PLACES
                      and s.preceded_by(m, lex["place_marker"])), None)
        return ([right.key], cue_start) if right is not None else ([], cue_start)
    for prep in lex["visit_by_preposition"]:
        at = text.rfind(prep, c_start, conduct)
        if at < 0:
            continue
        first = s.first_after(at + len(prep))
        if first is not None and s.mentions[first].start == at + len(prep) \
                and s.mentions[first].key.label in PLACE_CLASSES:
            found = _with_containers(s, enumeration(s, first, PLACE_CLASSES, conduct))
            return [m.key for m in found], at
        short = _abbreviation(s, at + len(prep))
        if short is not None:
            return [short], at
    return [], cue_start


# ---------------------------------------------------------------------- frames
def frames(s: Sentence) -> list[Visit]:
    """The visits of the sentence (read once; the last one's visitors carry to the next sentences)."""
    return s.memo(frames, _frames)


def _frames(s: Sentence) -> list[Visit]:
    visits = _outgoing(s) + _incoming(s) + _received(s)
    visits += _during(s, visits)
    visits.sort(key=lambda v: v.at)
    return visits


def _outgoing(s: Sentence) -> list[Visit]:
    text, lex = s.text, s.lex
    plain = [(a, b, False) for a, b, _ in s.find("visit")]
    cues = sorted(plain + [(a, b, True) for a, b, _ in s.find("visit_come")
                           if not any(p < b and a < q for p, q, _ in plain)])  # 来 in 来到 is no cue of its own
    visits: list[Visit] = []
    carried: list[tuple[EntityKey, str]] = []
    for n, (cue_start, cue_end, come) in enumerate(cues):
        if come and text[cue_start - 1:cue_start] in lex["come_blockers"]:
            continue  # 带来, 以来, 未来: no coming
        limit = cues[n + 1][0] if n + 1 < len(cues) else s.end
        c_start, c_end = s.clause_of(cue_start)
        limit = min(limit, c_end) if cue_end < c_end else limit
        after = cue_end + (1 if not come and text.startswith(lex["visit_particles"], cue_end) else 0)
        objects = _objects_after(s, after, limit)
        if not objects and not come:  # 赴日本埼玉县进行友好访问: who visits stands before 赴
            objects, cue_start = _objects_before(s, c_start, cue_start)
        at = text.rfind(lex["place_marker"], c_start, cue_start)
        if at >= 0 and objects:  # 在东京拜访了…, 在日本大阪拜访…: the places are visited too
            objects = list(dict.fromkeys(_places_at(s, at + len(lex["place_marker"]), cue_start) + objects))
        if not objects or _for_business(s, cue_end, limit):
            continue  # 松下来华投资: a company goes to invest, it pays no visit
        begin, strict = _after_host(s, c_start, cue_start)
        if any(w in text[begin:cue_start] for w in lex["visit_modal"]):
            continue  # 将尽快来肥考察, 期待再次造访: not a visit yet
        generic = _generic_agent(s, begin, cue_start)
        if generic >= 0 and not s.find("visit_lead", begin, generic):
            continue  # 支持当地企业赴日投资: companies at large go, nobody named (but X率企业代表赴日)
        named = named_before(s, begin, cue_start)
        if come:  # 率团来我市: only a person or a body named in the clause comes
            named = [m for m in named if m.key.label not in PLACE_CLASSES]
            if not named:
                continue
        companions = {key for m in named if text.endswith(lex["companion_markers"], 0, m.start)
                      for key, _ in expand(s, m)}
        subjects = [pair for m in named for pair in expand(s, m)]
        person = _pronoun(s, c_start, cue_start, first_clause=not subjects)
        if person is not None:
            subjects.insert(0, (person, "pronoun"))  # 他乘坐…飞抵: the last person named
        if not subjects and strict:
            continue  # 对客人来津表示欢迎: nobody named comes
        if not subjects and text.endswith(lex["visit_subordinate"], c_start, c_end):
            # 访汉期间，大分市代表团还…: the visitors open the next clause
            following = [c for c in s.clauses if c[0] > c_end]
            if following:
                subjects = [pair for m in _leading(s, *following[0]) for pair in expand(s, m)]
        if not subjects:
            subjects = [(key, "carried") for key, _ in carried] \
                or [(key, "carried") for key in s.discourse.visitors or s.discourse.trip or ()]
        if not subjects:
            home = s.view.home.get("City")
            subjects = [(home, "home")] if home else []
        subjects = _unique(subjects)
        visits.append(Visit(cue_start, objects, subjects, "cue", frozenset(companions)))
        carried = [p for p in subjects if p[0] not in companions]
    return visits


reads("incoming", "visit_incoming", "visit_receive", "place_marker")


def _destinations(s: Sentence, hosts: list[Mention]) -> list[EntityKey]:
    """Where guests are received: 在P in the sentence, the places of the hosts' posts, else the home city."""
    text, lex = s.text, s.lex
    out: list[EntityKey] = []
    for m in s.mentions:
        if not s.preceded_by(m, lex["place_marker"]):
            continue
        if m.key.label in _SUBORDINATE_PLACES:
            out.append(m.key)
            break
        place = _opening_place(s, m)
        if place is not None:  # 在长春香格里拉大饭店会见: 长春
            out.append(place)
            break
    for host in hosts:
        if host.key.label == "Person":
            out.extend(posts(s, host.key))
        else:
            place = governed_place(s, host.key) or (host.key if host.key.label in _SUBORDINATE_PLACES else None)
            if place is not None:
                out.append(place)
    if not out and s.view.home.get("City") is not None:
        out.append(s.view.home["City"])
    return list(dict.fromkeys(out))


def _opening_place(s: Sentence, mention: Mention) -> EntityKey | None:
    """The listed city or district a venue's or body's name opens with (长春香格里拉大饭店 → 长春)."""
    if mention.key.label in PLACE_CLASSES:
        return None
    inside = [c for c in s.view.candidates_at(mention.start) if c.end < mention.end and c.entry is not None
              and c.label in _SUBORDINATE_PLACES - {"Region"}]
    return candidate_key(max(inside, key=lambda c: c.length), s.view.folded) if inside else None


def _guests_after(s: Sentence, start: int, end: int) -> list[Mention]:
    """The people and delegations from ``start`` to the clause's end (来访的日本东京都知事小池百合子)."""
    return [m for m in s.mentions if start <= m.start and m.end <= end
            and (m.key.label == "Person" or is_delegation(s, m.key))]


def _incoming(s: Sentence) -> list[Visit]:
    """X一行来访, 对X的到来表示欢迎, 会见了来访的X: the guests visited where they are received."""
    text = s.text
    visits = []
    for cue_start, cue_end, _ in s.find("visit_incoming"):
        c_start, c_end = s.clause_of(cue_start)
        if text.startswith(s.lex["possessive"], cue_end):  # 来访的X
            guests = _guests_after(s, cue_end, c_end)
        else:
            guests = named_before(s, _after_host(s, c_start, cue_start)[0], cue_start, possessive_ok=True)
            guests = [m for m in guests if m.key.label not in PLACE_CLASSES]
        if not guests:
            continue
        receive = s.find("visit_receive", s.start, cue_start)
        hosts = []
        if receive:
            r_start, _ = s.clause_of(receive[-1][0])
            hosts = [m for m in s.mentions if r_start <= m.start and m.end <= receive[-1][0]
                     and m.key.label not in PLACE_CLASSES]
        objects = _destinations(s, hosts)
        subjects = _unique([pair for m in guests for pair in expand(s, m)])
        if objects and subjects:
            visits.append(Visit(cue_start, objects, subjects, "incoming"))
    return visits


def _received(s: Sentence) -> list[Visit]:
    """HOST在P会见了GUEST: the guests (people, delegations) visited P and the host's place, unless the
    host is on a trip (费高云在东京会见了…: he is the visitor)."""
    travellers = s.discourse.travellers
    visits = []
    for cue_start, cue_end, _ in s.find("visit_receive"):
        c_start, c_end = s.clause_of(cue_start)
        hosts = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start
                 and m.key.label not in PLACE_CLASSES]
        if not hosts:  # 省委书记X，省长Y在长春会见了…: the hosts of the clause before
            clauses = [c for c in s.clauses if c[1] < c_start]
            if clauses:
                hosts = [m for m in s.mentions if clauses[-1][0] <= m.start and m.end <= clauses[-1][1]
                         and m.key.label == "Person"]
        if not hosts or any(h.key in travellers for h in hosts):
            continue
        guests = _guests_after(s, cue_end, c_end)
        if s.find("visit_incoming", cue_end, c_end):
            continue  # 会见了来访的X: the incoming frame
        if not guests:
            continue
        subjects = _unique([pair for m in guests for pair in expand(s, m)])
        objects = _destinations(s, hosts)
        if objects and subjects:
            visits.append(Visit(cue_start, objects, subjects, "received"))
    return visits


reads("during", "visit_during", "hold", "place_marker")


def _during(s: Sentence, visits: list[Visit]) -> list[Visit]:
    """What the visitors of a trip do on the way: 出席在四日市市举行的…, 代表团在东京举办了…, 结束对新西兰的
    访问后: the place is visited by the trip's visitors named in the clause, else by those of the
    sentence's nearest visit, else by the trip's."""
    text, lex = s.text, s.lex
    spots: list[tuple[int, Mention, bool]] = []
    for cue_start, cue_end, _ in s.find("visit_during"):
        place = next((m for m in s.mentions if m.start == cue_end and m.key.label in PLACE_CLASSES), None)
        if place is not None:
            spots.append((cue_start, place, True))
    for hold_start, _, _ in s.find("hold"):  # 代表团在东京举办了…
        place = next((m for m in s.mentions if m.end == hold_start and m.key.label in PLACE_CLASSES
                      and s.preceded_by(m, lex["place_marker"])), None)
        if place is not None:
            spots.append((place.start - len(lex["place_marker"]), place, False))
    out = []
    travellers = s.discourse.travellers
    for at, place, explicit in spots:
        c_start, _ = s.clause_of(at)
        subjects = [pair for m in named_before(s, c_start, at) for pair in expand(s, m)]
        subjects = [p for p in subjects if p[0] in travellers or p[1] != "named" or is_delegation(s, p[0])]
        if not subjects and explicit:
            near = [v for v in visits if v.kind == "cue"]
            if near:
                nearest = min(near, key=lambda v: abs(v.at - at))
                subjects = [p for p in nearest.subjects if p[0] not in nearest.companions]
            elif s.discourse.trip:
                subjects = [(k, "carried") for k in s.discourse.trip]
        if subjects and place.key not in {k for k, _ in subjects}:
            out.append(Visit(at, [place.key], _unique(subjects), "during"))
    return out


# ---------------------------------------------------------------------- rules
def _facts(s: Sentence, source: str, kinds: tuple[str, ...] = ("cue",)) -> Iterator[Fact]:
    for visit in frames(s):
        if visit.kind not in kinds:
            continue
        for subject, found in visit.subjects:
            if found != source:
                continue
            for obj in visit.objects:
                if obj != subject and obj.label != "Person" and subject.label != "Country":
                    yield Fact(subject, "visited", obj, visit.at)


_ALL = ("cue", "incoming", "received", "during")


@relation_rule("visited.named_visitor", gate=_GATE)
def named_visitor(s: Sentence) -> Iterator[Fact]:
    """VISITOR 赴/来到/拜访/考察 X、Y、Z: who is named before the cue in its clause visits what follows
    (沈阳市经贸代表团赴日本访问，先后来到横滨、名古屋; 对日本进行了友好访问; 访汉 → 武汉)."""
    return _facts(s, "named")


@relation_rule("visited.delegation_origin", gate=_GATE)
def delegation_origin(s: Sentence) -> Iterator[Fact]:
    """Who a delegation is named after visits where it goes (沈阳市经贸代表团… → 沈阳; 大连市贸促会代表团 →
    大连市贸促会; 代表团 alone stands for it)."""
    return _facts(s, "origin", _ALL)


@relation_rule("visited.leader", gate=_GATE)
def leader(s: Sentence) -> Iterator[Fact]:
    """X率D / 由X率领的D: the leader visits where the delegation goes, and the delegation where the
    leader goes (费高云率常州经贸代表团赴日本…；费高云一行拜访了安川电机 → the delegation too)."""
    return _facts(s, "leader", _ALL)


@relation_rule("visited.leader_post", gate=_GATE)
def leader_post(s: Sentence) -> Iterator[Fact]:
    """A person who leads a group visits for the place of their post (三条市市长国定勇人率团来我市 →
    三条市 visited the home city)."""
    return _facts(s, "leader_post", _ALL)


@relation_rule("visited.pronoun", gate=_GATE)
def pronoun(s: Sentence) -> Iterator[Fact]:
    """他/她 before the cue: the last person named visits (他乘坐航班飞抵东京)."""
    return _facts(s, "pronoun")


@relation_rule("visited.carried_visitor", gate=_GATE)
def carried_visitor(s: Sentence) -> Iterator[Fact]:
    """No visitor in the clause: the visitors of the clause or sentence before, in the paragraph,
    else those of the trip so far (代表团赴日本，先后来到横滨…，拜访了丰田)."""
    return _facts(s, "carried", ("cue", "during"))


@relation_rule("visited.home_city", gate=_GATE)
def home_city(s: Sentence) -> Iterator[Fact]:
    """No visitor at all: the article's home city (先后拜访了欧姆龙、松下)."""
    return _facts(s, "home")


@relation_rule("visited.incoming", gate=("visit_incoming",))
def incoming(s: Sentence) -> Iterator[Fact]:
    """X一行来访 / 对X的到来表示欢迎 / 会见了来访的X: the guests visit where they are received (在P, the
    host's place, else the home city) (市长会见了来访的大分市代表团)."""
    return _facts(s, "named", ("incoming",))


@relation_rule("visited.received", gate=("visit_receive",))
def received(s: Sentence) -> Iterator[Fact]:
    """HOST在P会见了GUEST: the guest visits P and the place of the host's post (省委书记在长春会见了X率领的
    日本中华总商会代表团 → 长春, 吉林省); not when the host is on a trip."""
    return _facts(s, "named", ("received",))


@relation_rule("visited.during", gate=("visit_during", "hold"))
def during(s: Sentence) -> Iterator[Fact]:
    """On a trip: 出席在P举行的…, 代表团在P举办了…, 结束对X的访问后 (出席在四日市市举行的纪念活动 → 四日市市)."""
    return _facts(s, "named", ("during",))


reads("event_abroad", "delegation_heads", "posting_marker")


def _country_of(s: Sentence, key: EntityKey | None) -> EntityKey | None:
    """The country of a place: itself for a country, else the one the lists or the text (locatedIn so
    far: 日本东京) put it in."""
    seen = 0
    while key is not None and seen < 6:
        if key.label == "Country":
            return key
        parent = s.view.parents.get(key) or (s.view.gazetteer.parent(key) if s.view.gazetteer is not None else None)
        if parent is None:
            parent = next((r.object for r in s.view.relations if r.subject == key and r.predicate == "locatedIn"
                           and r.object.label in PLACE_CLASSES), None)
        key, seen = parent, seen + 1
    return None


def _homes(s: Sentence, key: EntityKey) -> list[EntityKey]:
    """The places a visitor comes from: a delegation's sender, a body's place in its name (天津侨商会 →
    天津), a person's posts, the places of the bodies of their posts (天津市侨办巡视员 → 天津) and who
    sent the group they lead. Not a
    mission (中国驻日本大使馆) nor a body named after a country (日本天津经济发展促进会): it may sit abroad."""
    view = s.view
    if is_delegation(s, key):
        sender = _sender_of(s, key)
        return [sender] if sender is not None else []
    bodies = [key] if key.label != "Person" else \
        [r.object for r in view.relations if r.subject == key and r.predicate == "affiliatedWith"]
    out = [sender for group in leaders(s).leads.get(key, ()) if group is not None
           for sender in [_sender_of(s, group)] if sender is not None]  # who sent the group they lead
    for body in bodies:
        if body.label in _SUBORDINATE_PLACES:
            out.append(body)
            continue
        if body.label == "Country" or s.lex["posting_marker"] in body.name \
                or any(c.label == "Country" and c.name in body.name for c in view.entities):
            return []  # a post abroad or at home: who knows where they came from
        place = place_of_body(s, body)
        if place is not None:
            out.append(place)
    return out


@relation_rule("visited.event_abroad")
def event_abroad(s: Sentence) -> Iterator[Fact]:
    """A delegation, or who leads one, taking part in an event held in another country than the one
    they come from visits its place, and the country when it is not the article's own
    (刘运书记率领的潍坊代表团… 刘运出席在东京举行的交流会并致辞 → 刘运, 潍坊代表团, 潍坊 visited 东京, 日本)."""
    view = s.view
    taking_part = [r for r in view.relations if r.predicate == "participatedIn" and r.start == s.start]
    if not taking_part:
        return
    held: dict[EntityKey, list[EntityKey]] = {}
    for r in view.relations:
        if r.predicate == "heldIn" and r.object.label in PLACE_CLASSES:
            held.setdefault(r.subject, []).append(r.object)
    home = view.home.get("City") or view.home.get("Region")
    own = _country_of(s, home) if home is not None else None
    heads = leaders(s).leads
    for r in taking_part:
        if not (is_delegation(s, r.subject) or r.subject in heads):
            continue  # who only attends may live there
        for place in held.get(r.object, ()):
            country = _country_of(s, place)
            homes = _homes(s, r.subject)
            if country is None or not homes or any(_country_of(s, h) in (None, country) for h in homes):
                continue
            mention = next((m for m in s.mentions if m.key == r.subject), None)
            visitors = expand(s, mention) if mention is not None else [(r.subject, "named")]
            objects = [place] + ([country] if own is not None and country != own else [])
            for visitor, _ in _unique(visitors):
                if visitor.label == "Country" or _country_of(s, visitor) == country:
                    continue
                for obj in dict.fromkeys(objects):
                    yield Fact(visitor, "visited", obj, s.start if mention is None else mention.start)
