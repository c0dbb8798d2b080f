"""``locatedIn`` stated in a sentence: 位于X的Y, Y位于X, 在Z设立B, and places side by side (江苏苏州).

(What names and gazetteers say of places is ``kg_containment``'s.)
"""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES, PLACE_RANK
from ...records import EntityKey, Mention
from ..marks import OPEN
from .base import PLACES_BUT_ZONES, RANK, Fact, Sentence, enumeration, place_run, relation_rule, skip_relative
from .readings import adjacent_places_run
from .towns import opening_towns
from .lexicon import reads
from .establish import establishments
from .invest import investments

__all__ = ["adjacent_places", "country_list", "cue", "founder_place", "opened_in", "set_up_in",
           "settled"]


reads("locatedIn", "inside_words", "locate_openers", "locate_opener_pattern", "locate_pronouns")


def _enclosing(s: Sentence, cue_end: int, places: list[Mention]) -> list[Mention]:
    """位于X…之一的Z内: the place closing the clause (or before 内) where what follows the first places describes it."""
    _, c_end = s.clause_of(cue_end)
    text, inside = s.text, s.lex["inside_words"]
    later = [m for m in s.mentions if places[-1].end < m.start and m.end <= c_end and m.key.label in PLACE_CLASSES]
    for place in reversed(later):
        rest = text[place.end:c_end]
        if (rest == "" or rest.startswith(inside)) and s.lex["relative_end"] in text[places[-1].end:place.start]:
            return [place]
    return places


@relation_rule("locatedIn.cue", gate=("locate",), cues=("attributive_links", "relative_end", "place_part_pattern"))
def cue(s: Sentence) -> Iterator[Fact]:
    """位于X(东部)的Y / Y位于X: the places right after the cue contain the name after them, or else the
    name just before the cue, or the sentence's topic where the clause opens with the cue (…公司是…,
    选址位于Z); of 位于…之一的Z内, Z (位于沈阳经济技术开发区的华晨宝马汽车有限公司扩产); not A位于Z的(某)项目."""
    text, sentence = s.text, s.mentions
    for cue_start, cue_end, _ in s.find("locate"):
        first = s.first_after(cue_end)
        if first is None or sentence[first].start != cue_end:
            continue
        places: list[Mention] = []
        i = first
        while i < len(sentence) and sentence[i].key.label in PLACE_CLASSES \
                and text[(places[-1].end if places else cue_end):sentence[i].start] == "":
            places.append(sentence[i])
            i += 1
        if not places:
            continue
        thing: Mention | EntityKey | None
        gap = text[places[-1].end:sentence[i].start] if i < len(sentence) else None
        part = s.lex["place_part_pattern"].match(gap) if gap else None
        if part is not None and gap[part.end():] == s.lex["relative_end"]:
            gap = ""  # 地处X东南部的Y
        if gap is not None and gap in s.lex["attributive_links"]:
            thing = sentence[i]  # 位于X的Y
        elif text.startswith(s.lex["relative_end"], places[-1].end) and any(m.end == cue_start for m in sentence):
            continue  # A位于Z的(高档制袋)项目: what lies there is A's, unnamed (not A是扎根Z的平台)
        else:
            places = _enclosing(s, cue_end, places)
            before = [m for m in sentence if m.end <= cue_start and cue_start - m.end <= 3]
            thing = before[-1] if before else _clause_topic(s, cue_start)  # Y位于X
        if thing is not None:
            key = thing if isinstance(thing, EntityKey) else thing.key
            for place in places:  # (never a larger place in a smaller one: 在合肥签约落户肥西县某工业园)
                if place.key != key and PLACE_RANK.get(key.label, 9) >= PLACE_RANK.get(place.key.label, 9):
                    yield Fact(key, "locatedIn", place.key, cue_start)


_LOCATED = ORGANIZATION_CLASSES | {"Zone"}


def _clause_topic(s: Sentence, cue_start: int) -> EntityKey | None:
    """What a clause with no name before the cue is about: the sentence's topic (a body or zone) for
    a later clause that holds only a word such as 选址, with no name in the clauses between (…有限公司是…基地，
    选址位于Z); the topic of the sentence before for a sentence that opens with 该园区, 该项目 (该园区位于Z); a
    later clause that opens with a date or 签约, 已, 正式 also takes the sentence's topic (…的Y，2012年签约落户Z)."""
    c_start, _ = s.clause_of(cue_start)
    opener = s.text[c_start:cue_start]
    if c_start == s.start:
        topic = s.discourse.topic if opener in s.lex["locate_pronouns"] else None
    else:  # (…的Y，2012年签约落户Z)
        topic = (s.topic or _subject_phrase(s)) \
            if opener in s.lex["locate_openers"] or s.lex["locate_opener_pattern"].fullmatch(opener) else None
        if topic is not None and s.mentions:
            _, t_end = s.clause_of(s.mentions[0].start)
            if any(t_end <= m.start < cue_start for m in s.mentions):
                return None  # a clause between names something else
    return topic if topic is not None and topic.label in _LOCATED else None


def _subject_phrase(s: Sentence) -> EntityKey | None:
    """The name that closes a first clause that is only a noun phrase (总投资50亿元的Y，…): what the
    sentence is about, though the name does not open it."""
    if not s.mentions:
        return None
    _, end = s.clauses[0]
    last = [m for m in s.mentions if m.end <= end]
    if not last or last[-1].end != end or not s.text.endswith(s.lex["relative_end"], s.start, last[-1].start):
        return None
    return last[-1].key


reads("locatedIn", "place_marker", "opened_gap_pattern")


@relation_rule("locatedIn.opened_in", gate=("open",),
               cues=("opened_gap_pattern", "settle_gap_pattern", "relative_end", "enumeration_links"))
def opened_in(s: Sentence) -> Iterator[Fact]:
    """A company or body that opens, breaks ground or starts production 在Z lies in Z and each place right after
    it (…有限公司在南通开发区正式开业; …新工厂在金普新区七顶山街道开工); so does each of a list (A、B等日资企业都已在Z投产)."""
    text, marker = s.text, s.lex["place_marker"]
    for cue_start, _, _ in s.find("open"):
        c_start, _ = s.clause_of(cue_start)
        at = text.rfind(marker, max(c_start, cue_start - 24), cue_start)
        if at < 0:
            continue
        begin = skip_relative(s, at + len(marker), cue_start)  # 在位于黄埔区的广州开发区揭牌
        place = next((m for m in s.mentions if m.start == begin and m.key.label in PLACE_CLASSES), None)
        run = adjacent_places_run(s, place) if place is not None else []  # 在金普新区七顶山街道开工: both
        if not run or any(run[-1].end <= m.start and m.end <= cue_start for m in s.mentions) \
                or s.lex["relative_end"] in text[run[-1].end:cue_start]:
            continue  # (A在Z的新工厂开工: A's factory opens there, not A)
        before = [m for m in s.mentions if m.end <= at]
        if not before or before[-1].key.label not in _LOCATED:
            continue
        if s.lex["opened_gap_pattern"].match(text, before[-1].end, at):
            yield from (Fact(before[-1].key, "locatedIn", place.key, cue_start) for place in run)
        elif s.lex["settle_gap_pattern"].match(text, before[-1].end, at):  # A、B等日资企业都已在Z投产
            items = [m for m in _items_before(s, before[-1].end) if m.key.label in _LOCATED]
            if len(items) > 1:
                yield from (Fact(item.key, "locatedIn", place.key, cue_start) for item in items for place in run)


reads("locatedIn", "enumeration_links", "settle_gap_pattern", "list_end_marker", "settle_links")


def _items_before(s: Sentence, end: int, labels: frozenset[str] = ORGANIZATION_CLASSES) -> list[Mention]:
    """The bodies (or what else ``labels`` holds) listed right before ``end`` (A、B、C等…), the last one first found."""
    text, links = s.text, s.lex["enumeration_links"]
    before = [m for m in s.mentions if m.end <= end]
    items: list[Mention] = []
    for mention in reversed(before):
        if items and text[mention.end:items[-1].start] not in links:
            break
        if mention.key.label not in labels:
            break
        items.append(mention)
    return items[::-1]


@relation_rule("locatedIn.settled", gate=("settle", "gather"),
               cues=("settle_gap_pattern", "list_end_marker", "gather_gap_pattern", "gather_object_pattern",
                     "example_end_marker"))
def settled(s: Sentence) -> Iterator[Fact]:
    """Bodies and parks that settle in a place lie there: A、B等企业(相继)落户/入驻Z, 中日产业园落户Z,
    Z已集聚/吸引A、B、C等N家企业, Z汇集了以A、B为代表的…企业, Z，已吸引…企业A入驻 (名幸电子、三菱重工等企业落户南沙区)."""
    text, gap = s.text, s.lex["settle_gap_pattern"]
    for cue_start, cue_end, _ in s.find("settle"):
        c_start, c_end = s.clause_of(cue_start)
        link = next((w for w in s.lex["settle_links"] if text.startswith(w, cue_end)), "")
        begin = cue_end + len(link)
        place = next((m for m in s.mentions if m.start == begin and m.key.label in PLACE_CLASSES), None)
        if place is None:
            continue
        last = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start]
        if not last or not gap.match(text, last[-1].end, cue_start):
            continue
        for item in _items_before(s, last[-1].end, _LOCATED):
            if item.start >= c_start and item.key != place.key:
                yield Fact(item.key, "locatedIn", place.key, cue_start)
    for cue_start, cue_end, _ in s.find("gather"):
        _, c_end = s.clause_of(cue_start)
        places = [m for m in s.mentions if m.end <= cue_start]
        if not places or places[-1].key.label not in PLACE_CLASSES \
                or not s.lex["gather_gap_pattern"].match(text, places[-1].end, cue_start):
            continue  # 南沙已集聚…, 新一代信息技术园，已吸引…
        first = s.first_after(cue_end)
        if first is None or not s.lex["gather_object_pattern"].match(text, cue_end, s.mentions[first].start):
            continue
        items = enumeration(s, first, ORGANIZATION_CLASSES, c_end)
        after = items[-1].end if items else c_end
        if items and (text.startswith((s.lex["list_end_marker"], s.lex["example_end_marker"]), after)
                      or any(start == after for start, _, _ in s.find("settle", after, c_end))):
            for item in items:
                yield Fact(item.key, "locatedIn", places[-1].key, cue_start)


reads("locatedIn", "country_list_pattern", "list_count_pattern")


@relation_rule("locatedIn.country_list", cues=("list_end_marker", "country_list_pattern", "list_count_pattern"))
def country_list(s: Sentence) -> Iterator[Fact]:
    """A、B、C等(6家)日本(著名)企业/媒体: the listed bodies are the country's, and lie in it (朝日新闻周刊AERA、
    钻石周刊等6家日本著名媒体 → 钻石周刊 locatedIn 日本); not a local branch with a place in brackets, nor a
    body the lists already place (locatedIn.gazetteer_parent's)."""
    text, marker = s.text, s.lex["list_end_marker"]
    at = text.find(marker, s.start, s.end)
    while at >= 0:
        country = next((m for m in s.mentions if m.key.label == "Country" and m.start >= at + len(marker)
                        and s.lex["list_count_pattern"].fullmatch(text, at + len(marker), m.start)), None)
        if country is not None and s.lex["country_list_pattern"].match(text, country.end, s.end):
            for item in _items_before(s, at):
                if not any(ch in OPEN for ch in item.key.name) and _country(s.view.gazetteer, item.key) is None:
                    yield Fact(item.key, "locatedIn", country.key, at)  # (what the lists know is theirs to say)
        at = text.find(marker, at + 1, s.end)


def _set_up(s: Sentence, cue_start: int, targets: list[Mention]) -> Iterator[Fact]:
    at = s.text.rfind(s.lex["place_marker"], s.start, cue_start)
    if at < 0:
        return
    begin = skip_relative(s, at + len(s.lex["place_marker"]), cue_start)
    places = [m for m in s.mentions if m.start == begin and m.end <= cue_start and m.key.label in PLACE_CLASSES]
    run = place_run(s, places[0]) if places else []
    if run and at < s.clause_of(cue_start)[0] and s.clause_of(at)[1] != run[-1].end:
        return  # 在Z in an earlier clause only when it is all that clause says (在深圳，…成立的B; not 在广州举行，建设的B)
    for place in run:  # 在青岛市即墨区设立: both
        for target in targets:
            if target.key != place.key:
                yield Fact(target.key, "locatedIn", place.key, place.start)


@relation_rule("locatedIn.set_up_in", gate=("establish",), cues=("place_marker",))
def set_up_in(s: Sentence) -> Iterator[Fact]:
    """在Z设立B: what is set up lies in the place after 在 (在宁波设立旭荣(宁波)新材料有限公司)."""
    for investment in investments(s):
        if investment.establish is not None:  # A投资设立B, A对其在Z设立的B增资
            yield from _set_up(s, investment.establish[0], investment.targets)
    for establishment in establishments(s):
        if establishment.found_by != "by_founders":
            yield from _set_up(s, establishment.at, [establishment.target])


@relation_rule("locatedIn.founder_place", gate=("establish",))
def founder_place(s: Sentence) -> Iterator[Fact]:
    """A place that sets up a zone contains it (相城区获批设立中日地方发展合作示范区)."""
    for establishment in establishments(s):
        if establishment.found_by == "by_founders" or establishment.target.key.label != "Zone":
            continue
        for founder in establishment.founders:
            if founder.label in ("City", "District", "Region", "Zone"):
                yield Fact(establishment.target.key, "locatedIn", founder, establishment.at)


@relation_rule("locatedIn.adjacent_places", cues=("town_suffixes",))
def adjacent_places(s: Sentence) -> Iterator[Fact]:
    """A place right before a smaller one contains it, unless the lists put the two in different
    countries (辽宁沈阳, 吴中区胥口镇, 日本东京; not 日本内蒙古, nor 佐贺县沈阳代表事务所: a prefecture's office abroad); a zone, the town right after it (金普新区七顶山街道);
    a county or city, the town that opens a body's name right after it, and the body unless the town's
    government (钦北区大垌镇平辽小学校 → 大垌镇 and the school in 钦北区)."""
    towns, gazetteer = s.lex["town_suffixes"], s.view.gazetteer
    for left, right in zip(s.mentions, s.mentions[1:]):
        if left.end != right.start or right.key.label not in PLACE_CLASSES:
            continue
        town = right.key.label == "District" and right.key.name.endswith(towns)
        if left.key.label == "Zone" and town:
            yield Fact(right.key, "locatedIn", left.key, right.start)
            continue
        if left.key.label not in PLACES_BUT_ZONES:
            continue
        town = town and left.key.label == "District"
        if (RANK[right.key.label] > RANK[left.key.label] or town) and not _elsewhere(gazetteer, right.key, left.key):
            yield Fact(right.key, "locatedIn", left.key, right.start)
    yield from opening_towns(s, towns)


def _country(gazetteer, key: EntityKey) -> EntityKey | None:
    """The country the lists put ``key`` in (itself for a country)."""
    if key.label == "Country":
        return key
    parent, seen = gazetteer.parent(key) if gazetteer is not None else None, 0
    while parent is not None and seen < 6:
        if parent.label == "Country":
            return parent
        parent, seen = gazetteer.parent(parent), seen + 1
    return None


def _elsewhere(gazetteer, place: EntityKey, container: EntityKey) -> bool:
    """Whether the lists put ``place`` in another country than ``container`` (日本 before 内蒙古)."""
    country, other = _country(gazetteer, place), _country(gazetteer, container)
    return country is not None and other is not None and country != other
