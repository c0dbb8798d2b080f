"""The ``visited.*`` rules: one per source of a visitor, read from the frames; ``event_abroad``."""

from __future__ import annotations

from collections.abc import Iterator

from ....ontology import PLACE_CLASSES
from ....records import EntityKey
from ..base import Fact, Sentence, relation_rule
from ..lexicon import reads
from .frames import frames
from .objects import called_places
from .homes import _named_at, _places_of, holds_post_in, place_chain
from .visitors import _GATE, _SUBORDINATE_PLACES, _sender_of, _unique, expand, is_delegation, leaders, place_of_body


def _facts(s: Sentence, source: str | None, kinds: tuple[str, ...] = ("cue",)) -> Iterator[Fact]:
    for visit in frames(s):
        if visit.kind not in kinds:
            continue
        for subject, found in visit.subjects:
            if source is not None and found != source:  # (None: whatever the source)
                continue
            for obj in visit.objects:
                if obj != subject and obj.label != "Person" and subject.label != "Country" \
                        and not (_posted_at(s, subject, obj) and obj not in called_places(s)) \
                        and not _lies_in(s, obj, subject) \
                        and not (subject.label in PLACE_CLASSES and _lies_in(s, subject, obj)) \
                        and not (visit.kind in _HOSTED and _works_in(s, subject, obj)) \
                        and not _at_home(s, subject, obj) and not holds_post_in(s, subject, obj):
                    yield Fact(subject, "visited", obj, visit.at)


def _at_home(s: Sentence, body: EntityKey, place: EntityKey) -> bool:
    """A body named after a place (its home: 三门县友好交流团, 福建省侨联) visits neither that place, nor a place
    that holds it, nor one that lies in it (三门县友好交流团 and 台州; 福建省侨联 and 福州), as a place does not."""
    if body.label in PLACE_CLASSES or place.label not in PLACE_CLASSES:
        return False
    view = s.view
    for home in _places_of(s):
        names = (home.name, *view.entities[home].aliases)
        if any(len(name) > 1 and body.name.startswith(name) for name in names):
            if home == place or _lies_in(s, home, place) or _lies_in(s, place, home):
                return True
    return False


def _lies_in(s: Sentence, what: EntityKey, place: EntityKey) -> bool:
    """A place does not visit what lies in it: a body its name opens (大牟田 and 大牟田市政府), a place
    the lists or the text put in it; nor (asked the other way round) what it lies in (北京 and 中国)."""
    if place.label not in PLACE_CLASSES:
        return False
    if what.label not in PLACE_CLASSES:
        names = {place.name, *s.view.entities[place].aliases} if place in s.view.entities else {place.name}
        return any(what.name.startswith(name) for name in names)
    return place in place_chain(s, what)[1:]


#: Visits read off a host receiving guests where the host is: a guest may live there.
_HOSTED = ("received", "incoming", "welcomed")


def _works_in(s: Sentence, person: EntityKey, place: EntityKey) -> bool:
    """A guest whose post is in a body that lies in the place works there, received or not (大连市领导会见了
    日本电产(大连)有限公司总经理甲 → 甲 does not visit 大连)."""
    if person.label != "Person" or place.label not in _SUBORDINATE_PLACES:
        return False
    view = s.view
    names = {place.name, *view.entities[place].aliases} if place in view.entities else {place.name}
    for post in [r.object for r in view.relations if r.subject == person and r.predicate == "affiliatedWith"]:
        if post.label in PLACE_CLASSES:
            continue
        if any(_named_at(s, post.name, name) for name in names):
            return True
        homes = [r.object for r in view.relations if r.subject == post and r.predicate == "locatedIn"]
        if any(place in place_chain(s, home) for home in homes):
            return True
    return False


#: How far after 驻<place> a person posted there may be named (日本驻重庆总领事渡边信之).
_POST_REACH = 8


def _posted_at(s: Sentence, person: EntityKey, place: EntityKey) -> bool:
    """A person posted at a place (日本驻青山总领事甲, 日本駐青山總領事甲) does not visit it, nor a place that
    contains it (驻白河总领事甲 and 青山省, 白河 lying in 青山省): he works there."""
    if person.label != "Person" or place.label not in PLACE_CLASSES:
        return False
    view, marker = s.view, s.lex["posting_marker"]
    within = [k for k in _places_of(s) if place in place_chain(s, k)]
    names = {name for k in within for name in (k.name, *view.entities[k].aliases)} | {place.name}
    for m in view.mentions:
        if m.key == person:
            before = s.text[max(0, m.start - _POST_REACH - 4):m.start]
            if any(marker + name in before for name in names):
                return True
    return False


reads("_works_in", "post_country_prefixes", "name_brackets", "branch_place_suffixes")


_ALL = ("cue", "incoming", "received", "during")


@relation_rule("visited.named_visitor", gate=_GATE)
def named_visitor(s: Sentence) -> Iterator[Fact]:
    """VISITOR 赴/来到/拜访/考察 X、Y、Z: who is named before the cue in its clause visits what follows
    (沈阳市经贸代表团赴日本访问，先后来到横滨、名古屋; 对日本进行了友好访问; 访汉 → 武汉; 到 right after who goes:
    甲一行到佛山开展考察交流活动 → 佛山); the hosts called on, each a body or place before a title and a name
    (拜会了A会长甲、B理事长乙 → A, B; a place even by a diplomat posted there); a plan (将赴) only
    where the sentence says the trip is under way (访问团此次来洛将参加恳谈会，还将赴新安县访问); nobody named before
    the cue: the names the visit qualifies (此次来两江新区采访的A、B、C); not a place or body whose post follows
    with nobody holding it named (上一任东京都知事访问北京: the office)."""
    return _facts(s, "named")


@relation_rule("visited.delegation_origin", gate=_GATE)
def delegation_origin(s: Sentence) -> Iterator[Fact]:
    """Who a delegation is named after visits where it goes (沈阳市经贸代表团… → 沈阳; 大连市贸促会代表团 →
    大连市贸促会; 代表团 alone stands for it)."""
    return _facts(s, "origin", _ALL)


@relation_rule("visited.leader", gate=_GATE)
def leader(s: Sentence) -> Iterator[Fact]:
    """X率D / 由X率领的D / D团长X / X担任团长: the leader visits where the delegation goes, and the delegation
    where the leader goes (范志强率常州经贸代表团赴日本…；范志强一行拜访了安川电机 → the delegation too; 关西经济界代表团
    访问北京…甲和乙担任共同团长 → 甲, 乙 visited 北京)."""
    return _facts(s, "leader", _ALL)


@relation_rule("visited.members", gate=_GATE)
def members(s: Sentence) -> Iterator[Fact]:
    """The bodies that form a delegation visit where it goes in the sentence that names them (市投促局联合市发改委、
    合肥高新区，组成合肥招商小队赴日本 → each of them visited 日本; the stops told after it are the group's); the
    bodies listed as its members visit wherever it goes (考察团成员包括A、B等企业高管; 代表团访闽。此次来闽的主要有A、B)."""
    return _facts(s, "member", _ALL)


@relation_rule("visited.pronoun", gate=_GATE)
def pronoun(s: Sentence) -> Iterator[Fact]:
    """他/她 before the cue: the last person named visits (他乘坐航班飞抵东京), not a reporter or photographer a
    byline or a credit names (南嘉豪 摄); 他们/她们 stands for a group, not that person."""
    return _facts(s, "pronoun")


@relation_rule("visited.carried_visitor", gate=_GATE)
def carried_visitor(s: Sentence) -> Iterator[Fact]:
    """No visitor in the clause: the visitors of the clause or sentence before, in the paragraph,
    else those of the trip so far (代表团赴日本，先后来到横滨…，拜访了丰田)."""
    return _facts(s, "carried", ("cue", "during"))


@relation_rule("visited.incoming", gate=("visit_incoming", "visit_hosted"))
def incoming(s: Sentence) -> Iterator[Fact]:
    """X一行来访 / 对X的到来表示欢迎 / 会见了来访的X: the guests visit where they are received (在P, the
    host's place, else the home city) (市长会见了来访的大分市代表团); X感谢P的热情接待: the guests visited P."""
    return _facts(s, "named", ("incoming",))


@relation_rule("visited.host_body", gate=("visit_incoming",))
def host_body(s: Sentence) -> Iterator[Fact]:
    """甲(代表A)对GUEST的来访/到来表示欢迎, 会见了来访的GUEST: a host who holds posts only in companies or
    organizations receives for them, so the guests, and who sent or leads them, visited the host's bodies
    (陈坚代表江南大学对小原一行的来访表示欢迎 → 小原 visited 江南大学; 促进会会长甲致辞，对侨联代表团的到来表示欢迎 →
    the delegation and the 侨联 visited the 促进会), not the home city; not a body a guest holds a post in, nor
    one of a host who holds a post in a government or a place (a mayor receives for the city)."""
    return _facts(s, None, ("welcomed",))


@relation_rule("visited.received", gate=("visit_receive",))
def received(s: Sentence) -> Iterator[Fact]:
    """HOST在P会见了GUEST: the guest visits P and the place of the host's post (省委书记在长春会见了X率领的
    日本中华总商会代表团 → 长春, 吉林省), of several posts the smallest place (省委常委、长春市委书记 → 长春);
    not when the host is on a trip; a diplomat's guests not in the home city (驻长崎总领事甲在馆内会见…)."""
    return _facts(s, "named", ("received",))


@relation_rule("visited.during", gate=_GATE)
def during(s: Sentence) -> Iterator[Fact]:
    """On a trip: 出席在P举行的…, 代表团在P举办了…, 甲在P会晤…, 结束对X的访问后 (出席在四日市市举行的纪念活动 → 四日市市);
    the stops of an itinerary (在X、Y，王宏一行参观… → X, Y); where they do something (代表团在上海乘船观赏夜景 → 上海)."""
    return _facts(s, "named", ("during",))


reads("event_abroad", "delegation_heads", "posting_marker")
reads("_posted_at", "posting_marker")


def _country_of(s: Sentence, key: EntityKey | None) -> EntityKey | None:
    """The country of a place: itself for a country, else the one it lies in (:func:`place_chain`)."""
    chain = place_chain(s, key)
    return chain[-1] if chain and chain[-1].label == "Country" else None


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
    """A delegation, or who leads one, taking part in or hosting an event held in another country than the
    one they come from visits its place, and the country when it is not the article's own
    (刘运书记率领的潍坊代表团… 刘运出席在东京举行的交流会并致辞 → 刘运, 潍坊代表团, 潍坊 visited 东京, 日本;
    西安市代表团在东京举办恳谈会 → 西安市代表团, 西安 visited 东京, 日本)."""
    view = s.view
    taking_part = [r for r in view.relations if r.predicate == "participatedIn" and r.start == s.start]
    taking_part += [r._replace(subject=r.object, object=r.subject) for r in view.relations
                    if r.predicate == "organizedBy" and r.method == "pattern" and r.start == s.start]
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
