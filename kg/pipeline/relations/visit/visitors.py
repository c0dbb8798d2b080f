"""The people and bodies behind a visitor: who leads a delegation, who sent it, the places of a post."""

from __future__ import annotations

from typing import NamedTuple

from ....ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ....records import EntityKey, Mention
from ...candidates import candidate_key
from ...marks import CLAUSE_BREAKS, HARD_BOUNDARIES
from ..base import VISITORS, Sentence
from ..lexicon import reads
from .groups import _listed_before, _listed_members, _stated_heads, _titled_heads, _unnamed_group


_GATE = ("visit", "visit_come", "visit_incoming", "visit_receive", "visit_hosted", "visit_during", "visit_stay", "visit_stop_act",
         "visit_go", "hold")
#: The cue families a visit frame is read from (see :func:`frames`).
FAMILIES = frozenset(_GATE)
_SUBORDINATE_PLACES = PLACE_CLASSES - {"Country"}


reads("visit", "visit_come", "speech", "pronoun_self_pattern", "visit_particles", "relative_location", "relative_end", "place_marker", "possessive",
      "origin_markers", "pronouns_person", "delegation_heads", "body_place_suffixes", "host_markers",
      "place_abbreviations", "home_region_words", "visit_by_preposition", "visit_conduct", "generic_heads",
      "visit_subordinate", "come_blockers", "host_closers", "receive_markers", "welcome_markers", "visit_modal",
      "companion_markers", "abbreviation_suffixes", "generic_visitors", "country_abbreviations",
      "visit_purpose_blockers", "visit_attributive_heads", "area_suffixes", "counted_members_pattern",
      "posting_marker", "enumeration_links", "visit_to_prepositions", "place_list_links",
      "visited_partner_roles")


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
    found = Leaders({}, {}, set())
    for start, end in s.view.sentences:
        for cue_start, cue_end, _ in s.cues.find("visit_lead", start, end):
            _lead_cue(s, found, start, end, cue_start, cue_end)
    _group_words(s, found)
    for person, group in _titled_heads(s, is_delegation) + _stated_heads(s, is_delegation):
        _lead(found, person, group)
    _named_groups(s, found)
    return found


def _lead_cue(s: Sentence, found: Leaders, start: int, end: int, cue_start: int, cue_end: int) -> None:
    """X率D, 由X率领的D, 代表团由X率领, X率团 in the sentence ``[start, end)``: the people before the cue
    lead the group after it (or the one the clause opens with)."""
    view, text, lex = s.view, s.text, s.lex
    c_start = next((a for a, b in view.clauses(start, end) if a <= cue_start <= b), start)
    marker = max((text.rfind(m, c_start, cue_start) + len(m) for m in lex["host_markers"]
                  if text.rfind(m, c_start, cue_start) >= 0), default=c_start)
    mentions = view.mentions_between(marker, end)
    people = [m for m in mentions if m.end <= cue_start and m.key.label == "Person"]
    if not people:
        return
    after = [m for m in mentions if m.start >= cue_end]
    group: EntityKey | None = None
    topic = [m for m in view.mentions_between(c_start, marker) if is_delegation(s, m.key)]
    if after and after[0].start - cue_end <= 12 and is_delegation(s, after[0].key) \
            and not any(ch in CLAUSE_BREAKS for ch in text[cue_end:after[0].start]):
        group = after[0].key
    elif topic and marker > c_start:  # 代表团由X率领
        group = topic[-1].key
    elif not text.startswith(lex["group_heads"], cue_end) and not _unnamed_group(s, cue_end, end):
        return  # 率6家企业: no group of travellers named
    for person in people:
        _lead(found, person.key, group)
        found.heads.add(person.key)


def _group_words(s: Sentence, found: Leaders) -> None:
    """崔铁一行, 森和夫大使一行: the person leads a group (without a name), and so does each person listed
    before them (副知事甲、议会议长乙一行: 甲 too; not 省长甲与乙一行, a host)."""
    view, text = s.view, s.text
    for word in s.lex["group_words"]:
        at = text.find(word)
        while at >= 0:
            person = view.last_before(at, {"Person"})
            if person is not None and at - person.end <= 4 \
                    and not any(ch in CLAUSE_BREAKS for ch in text[person.end:at]):
                _lead(found, person.key, None)
                for other in _listed_before(s, person):
                    _lead(found, other.key, None)
            at = text.find(word, at + len(word))


def _named_groups(s: Sentence, found: Leaders) -> None:
    """The delegations of the document: the person in a group's name leads it (日本岐阜县知事松田毅友好访问团),
    and so does who leads an unnamed group of the body that sent it (大连市贸促会会长崔铁率企业代表赴日本 …
    大连市贸促会代表团)."""
    view = s.view
    people = [k for k in view.entities if k.label == "Person" and len(k.name) >= 2]
    for key in [k for k in view.entities if is_delegation(s, k)]:
        for person in people:
            if person.name in key.name:
                _lead(found, person, key)
        sender = _sender_of(s, key)
        for person, groups in list(found.leads.items()):
            if None in groups and sender is not None and sender in _post_bodies(s, person):
                _lead(found, person, key)


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


reads("members", "group_formed", "group_joiners")

#: What a body that joins a group may be (市投促局联合市发改委、合肥高新区…组成招商小队): no person, no
#: country or city (大阪、长崎等18个府县驻华机构组成的…: the places only qualify the members).
_MEMBER_CLASSES = ORGANIZATION_CLASSES | {"Zone"}


def members(s: Sentence) -> dict[EntityKey, list[tuple[EntityKey, int]]]:
    """The bodies that form each delegation (A联合B、C组成D, A、B共同组成D), each with the start of the
    sentence that names it, and those listed as its members (-1: D成员包括A、B): read once per document."""
    return s.view.memo(members, lambda: _members(s))


def _members(s: Sentence) -> dict[EntityKey, list[tuple[EntityKey, int]]]:
    """组成/组建 D: the bodies before it in its sentence, back to the start of the clause that opens with
    them or joins them (联合), with no other verb's clause between (A联合B、C，组成D赴日本)."""
    view, text, lex = s.view, s.text, s.lex
    found: dict[EntityKey, list[tuple[EntityKey, int]]] = {}
    for start, end in view.sentences:
        for cue_start, cue_end, _ in s.cues.find("group_formed", start, end):
            group = next((m for m in view.mentions_between(cue_end, min(end, cue_end + 16))
                          if is_delegation(s, m.key)), None)
            if group is None or any(ch in CLAUSE_BREAKS for ch in text[cue_end:group.start]):
                continue
            clauses = [c for c in view.clauses(start, end) if c[0] <= cue_start]
            first = clauses[-1][0]
            if len(clauses) > 1 and text[first:cue_start].strip() == "":  # ，组成D: the clause before names them
                first = clauses[-2][0]
                if not any(w in text[first:clauses[-1][0]] for w in lex["group_joiners"]):
                    continue  # (only a clause that joins bodies names the members)
            bodies = [m.key for m in view.mentions_between(first, cue_start) if m.key.label in _MEMBER_CLASSES
                      and not is_delegation(s, m.key)]
            found.setdefault(group.key, []).extend((b, start) for b in dict.fromkeys(bodies))
    unnamed = {person for person, groups in leaders(s).leads.items() if None in groups}
    for group_key, member in _listed_members(s, lambda s, key: is_delegation(s, key) or key in unnamed, _MEMBER_CLASSES):
        found.setdefault(group_key, []).append((member, -1))  # (listed: wherever the group goes)
    return found


def _backref(s: Sentence, mention: Mention) -> bool:
    named = s.view.full_mention(mention.key)
    return named is not None and named is not mention and named.text != mention.text


def expand(s: Sentence, mention: Mention) -> list[tuple[EntityKey, str]]:
    """The visitors a mention stands for, each with its source: a delegation, who sent it and who
    leads it, and the bodies that form it; a leader, the delegation they lead and who sent it (not the place of
    their post: 市长甲率团访问日本 on real news is 甲's visit, the city is no visitor); a party committee, the place
    it governs. A bare 代表团 referring back is an alias of the delegation (SCHEMA convention 3):
    it stands for the delegation and who sent it (代表团参观了… on real news: the delegation visits), its
    leader only as 代表团一行 (the group on the move)."""
    key = mention.key
    if key.label == "GovernmentBody":
        place = governed_place(s, key)
        return [(place, "named")] if place is not None else [(key, "named")]
    if is_delegation(s, key):
        sender = _sender(s, mention)
        out = [(key, "named")] + ([(sender, "origin")] if sender else [])
        out += [(member, "member") for member, formed in members(s).get(key, ()) if member != sender
                and formed in (s.start, -1)]  # (组成: the sentence that names them; later stops are the group's)
        if _backref(s, mention) and not s.text.startswith(s.lex["group_words"], mention.end):
            return out  # (its leader too by SCHEMA convention 3, but the seeds' gold leaves the leader out)
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
            out += [(member, "member") for member, formed in members(s).get(key, ()) if formed < 0]  # (甲率…，其中包括A)
    return out


def _unique(pairs: list[tuple[EntityKey, str]]) -> list[tuple[EntityKey, str]]:
    """Each visitor once per source (a visitor found two ways is stated by both rules; the first
    rule in config order names the fact)."""
    return list(dict.fromkeys(pairs))
