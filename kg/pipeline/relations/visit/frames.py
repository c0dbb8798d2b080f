"""Visit frames: where a cue is, what is visited and who visits (outgoing, incoming, received, during)."""

from __future__ import annotations

from typing import NamedTuple

from ....ontology import PLACE_CLASSES
from ....records import EntityKey, Mention
from ...candidates import candidate_key
from ..base import Sentence
from ..lexicon import reads
from .named import (_VERB_FAMILIES, _after_host, _for_business, _generic_agent, _guests_after, _leading, _list_end,
                    _planned, _pronoun, _relative_visitors, escort_spans, named_before)
from .objects import _objects_after, _objects_before, _places_at, go_cues, posted_host
from .visitors import _SUBORDINATE_PLACES, _unique, expand, governed_place, is_delegation, posts
from .welcomers import host_bodies


class Visit(NamedTuple):
    """One visit: where its cue is, what is visited, who visits (with the source of each), and
    the kind of cue (``cue``, ``incoming``, ``welcomed``, ``received``, ``during``)."""

    at: int
    objects: list[EntityKey]
    subjects: list[tuple[EntityKey, str]]
    kind: str = "cue"
    companions: frozenset[EntityKey] = frozenset()  # who only goes along (随江苏经贸代表团): not carried on


def frames(s: Sentence) -> list[Visit]:
    """The visits of the sentence (read once; the last one's visitors carry to the next sentences)."""
    return s.memo(frames, _frames)


def _frames(s: Sentence) -> list[Visit]:
    from .welcome import thanked  # (a module of its own, which reads Visit from here)
    visits = _outgoing(s) + _incoming(s) + _received(s) + thanked(s)
    visits += _during(s, visits)
    visits.sort(key=lambda v: v.at)
    return visits


def _outgoing(s: Sentence) -> list[Visit]:
    """VISITOR 赴/来到/拜访 X、Y: a visit for each cue with something visited and someone who visits
    (the visitors of one carry to the next cue's when it names none)."""
    text, lex = s.text, s.lex
    plain = go_cues(s, [(a, b, False) for a, b, _ in s.find("visit")])  # (到 as a verb of going too)
    cues = sorted(plain + [(a, b, True) for a, b, _ in s.find("visit_come")
                           if not any(p < b and a < q for p, q, _ in plain)])  # 来 in 来到 is no cue of its own
    visits: list[Visit] = []
    carried: list[tuple[EntityKey, str]] = []
    for n, (cue_start, cue_end, come) in enumerate(cues):
        if come and text[cue_start - 1:cue_start] in lex["come_blockers"]:
            continue  # 带来, 以来, 未来: no coming
        limit = cues[n + 1][0] if n + 1 < len(cues) else s.end
        found = _visited(s, cue_start, cue_end, come, limit)
        visit = _visit_by(s, found, come, carried) if found is not None else None
        if visit is not None:
            visits.append(visit)
            carried = [p for p in visit.subjects if p[0] not in visit.companions]
    return visits


class _Visited(NamedTuple):
    """What a cue visits, where the cue (or 对/到 before it) starts, and its clause."""

    objects: list[EntityKey]
    cue_start: int
    c_start: int
    c_end: int


def _visited(s: Sentence, cue_start: int, cue_end: int, come: bool, limit: int) -> _Visited | None:
    """What the cue at ``cue_start`` visits (before ``limit``), None if nothing or a visit for
    business (松下来华投资: a company goes to invest, it pays no visit)."""
    text, lex = s.text, s.lex
    c_start, c_end = s.clause_of(cue_start)
    limit = min(limit, c_end) if cue_end < c_end else limit
    after = cue_end + (1 if not come and text.startswith(lex["visit_particles"], cue_end) else 0)
    objects = _objects_after(s, after, limit)
    if not objects and not come:  # 赴日本埼玉县进行友好访问: who visits stands before 赴
        objects, cue_start = _objects_before(s, c_start, cue_start)
    at = text.rfind(lex["place_marker"], c_start, cue_start)
    if at >= 0 and objects and not escort_spans(s, at, cue_start):  # 在东京拜访了…: the places too (not 在…陪同下)
        objects = list(dict.fromkeys(_places_at(s, at + len(lex["place_marker"]), cue_start) + objects))
    if not objects or _for_business(s, cue_end, limit):
        return None
    return _Visited(objects, cue_start, c_start, c_end)


def _visit_by(s: Sentence, found: _Visited, come: bool, carried: list[tuple[EntityKey, str]]) -> Visit | None:
    """The visit of a cue with who visits: named before the cue in its clause, a pronoun, else
    the visitors after a subordinate clause, those carried on, the home city."""
    text, lex = s.text, s.lex
    cue_start, c_start, c_end = found.cue_start, found.c_start, found.c_end
    begin, strict = _after_host(s, c_start, cue_start)
    if _planned(s, begin, cue_start):
        return None  # 将尽快来肥考察, 期待再次造访: not a visit yet
    generic = _generic_agent(s, begin, cue_start)
    if generic >= 0 and not s.find("visit_lead", begin, generic):
        return None  # 支持当地企业赴日投资: companies at large go, nobody named (but X率企业代表赴日)
    named = named_before(s, begin, cue_start)
    if come:  # 率团来我市: only a person or a body named in the clause comes
        named = [m for m in named if m.key.label not in PLACE_CLASSES]
    if not named:  # 此次来两江新区采访的A、B、C: the visitors the visit qualifies
        named = _relative_visitors(s, found.objects, found.cue_start, found.c_end)
    if come and not named:
        return None
    companions = {key for m in named if text.endswith(lex["companion_markers"], 0, m.start)
                  for key, _ in expand(s, m)}
    subjects = [pair for m in named for pair in expand(s, m)]
    person = _pronoun(s, c_start, cue_start, first_clause=not subjects)
    if person is not None:
        subjects.insert(0, (person, "pronoun"))  # 他乘坐…飞抵: the last person named
    if not subjects and strict:
        return None  # 对客人来津表示欢迎: nobody named comes
    if not subjects:
        subjects = _unnamed_visitors(s, c_start, c_end, carried)
    return Visit(cue_start, found.objects, _unique(subjects), "cue", frozenset(companions))


def _unnamed_visitors(s: Sentence, c_start: int, c_end: int,
                      carried: list[tuple[EntityKey, str]]) -> list[tuple[EntityKey, str]]:
    """Nobody named in the clause: the visitors that open the next clause after a subordinate one
    (访汉期间，大分市代表团还…), else those carried on (the cue before, the sentence before, the trip),
    else the home city."""
    subjects: list[tuple[EntityKey, str]] = []
    if s.text.endswith(s.lex["visit_subordinate"], c_start, c_end):
        following = [c for c in s.clauses if c[0] > c_end]
        if following:
            subjects = [pair for m in _leading(s, *following[0]) for pair in expand(s, m)]
    if not subjects and not carried:
        subjects = [(key, "carried") for key, _ in _sentence_subject(s, c_start)]
    if not subjects:
        subjects = [(key, "carried") for key, _ in carried] \
            or [(key, "carried") for key in s.discourse.visitors or s.discourse.trip or ()]
    if not subjects:
        home = s.view.home.get("City")
        subjects = [(home, "home")] if home else []
    return subjects


def _sentence_subject(s: Sentence, c_start: int) -> list[tuple[EntityKey, str]]:
    """The delegation (or a traveller) that opens a clause of the sentence before ``c_start`` is who goes on
    (在汉期间，大分市代表团参加了恳谈会，参访开发区企业 → 大分市代表团, not the visitors of the sentence before)."""
    groups: list[Mention] = []  # the delegations of clauses that only name them (甲率领的乙代表团一行6人，…)
    for a, b in s.clauses:
        if b > c_start:
            break
        leading = [m for m in _leading(s, a, b) if is_delegation(s, m.key) or m.key in s.discourse.travellers]
        if not any(s.find(f, a, b) for f in _VERB_FAMILIES if f != "visit_lead"):
            groups += [m for m in s.mentions if a <= m.start and m.end <= b and is_delegation(s, m.key)
                       and m not in leading] + leading
        elif leading:
            return [pair for m in groups + leading for pair in expand(s, m)]
    return [pair for m in groups for pair in expand(s, m)]


reads("incoming", "visit_incoming", "visit_receive", "place_marker")


def _destinations(s: Sentence, hosts: list[Mention], *, home: bool = True) -> list[EntityKey]:
    """Where guests are received: 在P in the sentence, the places of the hosts' posts but zones, else the home city."""
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
    at_posts: list[EntityKey] = []
    for host in hosts:
        if host.key.label == "Person":
            at_posts.extend(p for p in posts(s, host.key) if p.label != "Zone")  # (a zone's committee: its city)
        else:
            place = governed_place(s, host.key) or (host.key if host.key.label in _SUBORDINATE_PLACES else None)
            if place is not None:
                at_posts.append(place)
    out.extend(_smallest(s, list(dict.fromkeys(at_posts))))
    if home and not out and s.view.home.get("City") is not None and not any(posted_host(s, h) for h in hosts):
        out.append(s.view.home["City"])  # (a diplomat's guests come to the mission: no home city)
    return list(dict.fromkeys(out))


def _smallest(s: Sentence, places: list[EntityKey]) -> list[EntityKey]:
    """The places of the hosts' posts but those that contain another of them (省委常委、长春市委书记: 长春, where
    the guest is received, not 吉林省 too)."""
    from .rules import place_chain  # (rules reads the frames of this module)
    return [p for p in places if not any(p != q and p in place_chain(s, q)[1:] for q in places)]


def _opening_place(s: Sentence, mention: Mention) -> EntityKey | None:
    """The listed city or district a venue's or body's name opens with (长春香格里拉大饭店 → 长春)."""
    if mention.key.label in PLACE_CLASSES:
        return None
    inside = [c for c in s.view.candidates_at(mention.start) if c.end < mention.end and c.entry is not None
              and c.label in _SUBORDINATE_PLACES - {"Region"}]
    return candidate_key(max(inside, key=lambda c: c.length), s.view.folded) if inside else None


def _incoming(s: Sentence) -> list[Visit]:
    """X一行来访, 对X的到来表示欢迎, 会见了来访的X: the guests visited where they are received."""
    text = s.text
    visits = []
    for cue_start, cue_end, _ in s.find("visit_incoming"):
        c_start, c_end = s.clause_of(cue_start)
        if text.startswith(s.lex["possessive"], cue_end):  # 来访的X
            guests = _guests_after(s, cue_end, _list_end(s, c_end))
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
        bodies = host_bodies(s, hosts, guests)  # 甲代表江南大学对…表示欢迎: the body, not the home city
        subjects = _unique([pair for m in guests for pair in expand(s, m)])
        visits += [Visit(cue_start, where, subjects, kind) for where, kind in
                   ((_destinations(s, hosts, home=not bodies), "incoming"), (bodies, "welcomed")) if where and subjects]
    return visits


def _received(s: Sentence) -> list[Visit]:
    """HOST在P会见了GUEST: the guests (people, delegations) visited P and the host's place, unless the
    host is on a trip (范志强在东京会见了…: he is the visitor)."""
    travellers = s.discourse.travellers
    visits = []
    for cue_start, cue_end, _ in s.find("visit_receive"):
        c_start, c_end = s.clause_of(cue_start)
        hosts = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start
                 and m.key.label not in PLACE_CLASSES]
        if not hosts:  # 省委书记X，省长Y在长春会见了…: the hosts of the clause before
            clauses = [c for c in s.clauses if c[1] < c_start]
            if clauses and not s.find("visit", *clauses[-1]) and not s.find("visit_come", *clauses[-1]):
                # (甲访问了P，会见了乙市长: 甲 visits and meets, no host receives him)
                hosts = [m for m in s.mentions if clauses[-1][0] <= m.start and m.end <= clauses[-1][1]
                         and m.key.label == "Person"]
        if not hosts or any(h.key in travellers for h in hosts):
            continue
        c_end = _list_end(s, c_end)
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


reads("during", "visit_during", "hold", "visit_receive", "place_marker", "during_gap_pattern", "abbreviation_suffixes",
      "stay_closers", "stop_act_pattern", "visit_stop_act")


def _during(s: Sentence, visits: list[Visit]) -> list[Visit]:
    """What the visitors of a trip do on the way: 出席在四日市市举行的…, 代表团在东京举办了…, 甲在东京分别会晤…,
    结束对新西兰的访问后: the place is visited by the trip's visitors named in the clause, else by those of the
    sentence's nearest visit, else by the trip's."""
    text, lex = s.text, s.lex
    spots: list[tuple[int, Mention, bool]] = []
    for cue_start, cue_end, _ in s.find("visit_during"):
        place = next((m for m in s.mentions if m.start == cue_end and m.key.label in PLACE_CLASSES), None)
        if place is not None:
            spots.append((cue_start, place, True))
    gap = lex["during_gap_pattern"]
    acts = sorted(s.find("hold") + s.find("visit_receive"))
    for hold_start, _, _ in acts:  # 代表团在东京举办了…, 甲在东京分别会晤了…
        place = next((m for m in s.mentions if m.end <= hold_start and gap.fullmatch(text, m.end, hold_start)
                      and m.key.label in PLACE_CLASSES and s.preceded_by(m, lex["place_marker"])), None)
        if place is not None:
            spots.append((place.start - len(lex["place_marker"]), place, False))
    from .stops import activity_stops, itinerary_stops  # (a module of its own, which reads Visit from here)
    out = itinerary_stops(s, visits) + activity_stops(s)
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

