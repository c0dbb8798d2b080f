"""Readings several relation rules share: the sentence's topic, an enumeration, the money or
date near a cue, the places of a body, the event a sentence is about."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...ontology import PLACE_CLASSES
from ...records import DateValue, EntityKey, Mention, Money
from ..candidates import candidate_key
from ..marks import CLAUSE_BREAKS
from .classes import BODIES_AND_PLACES, RANK
from .lexicon import reads

if TYPE_CHECKING:
    from ..view import DocView
    from .base import Fact, Sentence

__all__ = ["body_places", "current_event", "date_near", "enumeration", "event_in_context", "events_of", "facts_of",
           "listed_events", "copula_pairs", "find_topic", "home_district", "inside_unnamed", "money_after", "place_run",
           "adjacent_places_run", "skip_relative", "spoken_of"]

reads("topic", "company_pronouns", "partner_markers")


def find_topic(s: Sentence) -> EntityKey | None:
    """The sentence's topic: a body or place that opens it (not one after 与/和), or the
    company 该公司 stands for."""
    text, sentence = s.text, s.mentions
    if text.startswith(s.lex["company_pronouns"], s.start):
        company = s.view.last_before(s.start, {"Company"})
        return company.key if company else None
    if sentence and sentence[0].start - s.start <= 4 and sentence[0].key.label in BODIES_AND_PLACES \
            and not text.endswith(s.lex["partner_markers"], 0, sentence[0].start):
        return sentence[0].key
    return None


reads("enumeration", "enumeration_links", "unnamed_items_pattern", "unnamed_item_rest_pattern", "grouped_items_pattern",
      "list_end_marker")


def enumeration(s: Sentence, first: int, labels: frozenset[str], limit: int, *,
                unnamed: bool = False) -> list[Mention]:
    """Mentions from index ``first`` on joined by 、/和/及/以及 (or adjacent, or by a group's close: 甲等经贸团体及乙、丙),
    of ``labels``, before ``limit``; with ``unnamed``, past items no name was found for (参观了泉州海交馆、清源山、中国闽台缘博物馆: the
    museum too; 与韩国木浦市、日本佐贺市: a country before an unnamed item only qualifies it)."""
    text, links = s.text, s.lex["enumeration_links"]
    out: list[Mention] = []
    position = None
    for mention in s.mentions[first:]:
        if mention.start >= limit:
            break
        if position is not None:
            gap = s.lex.alias_notes.sub("", text[position:mention.start])  # 中国一汽（以下简称…）、长春新区
            if unnamed and inside_unnamed(s, mention.end, limit) and mention.key.label != "Country":
                if gap in links or s.lex["unnamed_items_pattern"].fullmatch(gap):
                    continue  # 泉州 in 泉州少林寺、: part of an item no name was found for
                break
            if gap not in links and not s.lex["grouped_items_pattern"].fullmatch(gap):
                linked = gap.startswith(tuple(w for w in links if w))
                country = bool(out) and out[-1].end == position and out[-1].key.label == "Country"
                if not (unnamed and s.lex["unnamed_items_pattern"].fullmatch(gap) and (linked or country)) \
                        or not (_item_ends(s, mention.end, limit) or mention.key.label == "Country"):
                    break  # (天津经济社会发展和滨海新区开发: no list; 盛冈工匠村: a name unnamed)
                if country and not linked:
                    out.pop()  # 韩国木浦市: the country of the unnamed city
        if mention.key.label in labels:
            if out and position == mention.start and out[-1].end == mention.start \
                    and RANK.get(out[-1].key.label, 9) < RANK.get(mention.key.label, -1):
                out[-1] = mention  # 成都市新都区: the smaller place is meant
            else:
                out.append(mention)
        position = mention.end
    return out


def inside_unnamed(s: Sentence, at: int, limit: int) -> bool:
    """A name ending at ``at`` is only the start of a list item no name was found for (泉州 in 泉州海交馆、)."""
    if at >= min(limit, s.end) or any(w and s.text.startswith(w, at) for w in s.lex["enumeration_links"]):
        return False
    found = s.lex["unnamed_item_rest_pattern"].match(s.text, at, min(limit, s.end))
    return found is not None and not any(at <= m.start < found.end() for m in s.mentions)


def _item_ends(s: Sentence, at: int, limit: int) -> bool:
    """An item of a list ends at ``at``: a link, a break, 等 closing the list or the limit follows (not 盛冈 in
    盛冈工匠村)."""
    if at >= min(limit, s.end) or s.text[at] in "，。；：！？,;:、" or s.text.startswith(s.lex["list_end_marker"], at):
        return True
    return any(w and s.text.startswith(w, at) for w in s.lex["enumeration_links"]) \
        or any(m.start == at for m in s.mentions)


def date_near(s: Sentence, offset: int) -> DateValue | None:
    """The date of the sentence around ``offset`` nearest to it."""
    start, end = s.view.sentence(offset)
    dates = [d for d in s.view.dates if start <= d[0] < end]
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d[0] - offset))[2]


def money_after(s: Sentence, start: int, end: int) -> list[Money]:
    """The amounts inside ``[start, end)``."""
    return [m for begin, stop, m in s.view.money if start <= begin and stop <= end]


reads("skip_relative", "relative_location", "relative_end")


def skip_relative(s: Sentence, at: int, limit: int) -> int:
    """Past a relative clause of place (位于仙台市的, 总部位于大阪的) that opens at ``at``."""
    text = s.text
    for relative in s.lex["relative_location"]:
        if text.startswith(relative, at):
            end = text.find(s.lex["relative_end"], at, min(limit, at + 16))
            if end > 0:
                return end + 1
    return at


reads("body_places", "body_place_suffixes", "leader_prefixes", "admin_title_heads")


def home_district(view: DocView, head: str) -> EntityKey | None:
    """The district (or county, town) whose name ends in ``head`` that the article names most, if one
    is named more often than any other."""
    counts = view.memo(home_district, lambda: Counter(m.key for m in view.mentions if m.key.label == "District"))
    ranked = [(n, key) for key, n in counts.most_common() if key.name.endswith(head)]
    if not ranked or len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None
    return ranked[0][1]


def body_places(s: Sentence, mention: Mention) -> list[EntityKey]:
    """The place a party committee or government governs: the place nearest the suffix inside its
    name (南沙区委 → 南沙区, 中共辽宁省委 → 辽宁省, 天津开发区管委会 → 天津开发区; a town or district no
    list knows too: 大朗镇党委 → 大朗镇), or the home city or province it is named after (市委 → 无锡市委 → 无锡),
    or for a county's or district's body named by its level alone (县委, 县政协, 区人大常委会) the county or
    district the article names most (长丰县)."""
    key = mention.key
    suffix = next((w for w in s.lex["body_place_suffixes"] if key.name.endswith(w)), None)
    if key.label != "GovernmentBody" or suffix is None:
        return []
    # the place ends next to the suffix (盐城市市委, 辽宁省委, 青海省党委), not far before it
    # (日本全国都道府县议会: the body of no place)
    found = [c for c in s.view.places_between(mention.start, mention.end)
             if mention.end - len(suffix) - 1 <= c.end < mention.end
             and (c.entry is not None or c.label in ("Zone", "District"))]
    if found:
        best = max(found, key=lambda c: (c.end, c.length))  # 中国江苏省盐城市市委 → 盐城市
        return [candidate_key(best, s.view.folded)]
    for label in ("City", "Region"):
        place = s.view.home.get(label)
        if place is not None and key.name.startswith(place.name):
            return [place]
    # 自治区政协, 市政府 with no place in the name: the home province or city
    prefix = key.name[:-len(suffix)]
    label = s.lex["leader_prefixes"].get(prefix)
    place = s.view.home.get(label) if label else None
    if place is None and len(prefix) <= 1:  # 县政协, 区委 (the suffix is the whole name)
        head = (prefix or key.name)[:1]
        if head in s.lex["admin_title_heads"] and head not in s.lex["leader_prefixes"]:
            place = home_district(s.view, head)
    return [place] if place is not None else []


def facts_of(s: Sentence, subject: EntityKey, predicate: str, at: int) -> Iterator[Fact]:
    """The facts proposed in this sentence about ``subject`` at offset ``at``."""
    return (f for f in s.proposed if f.at == at and f.subject == subject and f.predicate == predicate)


def event_in_context(s: Sentence) -> EntityKey | None:
    """The latest event named in this sentence's paragraph (or the two sentences before)."""
    return s.memo(event_in_context, _event_in_context)


def _event_in_context(s: Sentence) -> EntityKey | None:
    view, index = s.view, s.index
    paragraph = view.paragraph_of[index]
    for i in range(index, max(-1, index - 6), -1):
        if i < index - 2 and view.paragraph_of[i] != paragraph:
            break
        start, end = view.sentences[i]
        titles = s.lex.titles
        events = [m for m in view.mentions_between(start, end) if m.key.label == "Event"
                  and (i == index or not spoken_of(s, m)) and not view.folded.startswith(titles, m.end)]
        if events:
            return events[0].key if i == index else events[-1].key
    return None


reads("spoken_of", "topic_markers", "naming_before_speech")


def spoken_of(s: Sentence, mention: Mention) -> bool:
    """``mention`` is named after a verb of speech or a wish in its sentence (甲致辞表示，…相信进口博览会
    一定能够取得成功): an event talked about, not one the text reports as its setting."""
    view = s.view
    start, _ = view.sentence(mention.start)
    index = bisect.bisect_right(view.sentences, (start, len(s.text) + 1)) - 1
    paragraph = view.paragraph_of[index]
    while index > 0 and view.paragraph_of[index - 1] == paragraph:
        index -= 1  # a speech may go on over the sentences of its paragraph
    text, naming = s.text, s.lex["naming_before_speech"]
    if any(text[c - 1:c] not in naming for c, _, _ in s.cues.find("speech", view.sentences[index][0], mention.start)):
        return True  # (not 称 of 简称, 统称)
    return any(s.text.find(w, start, mention.start) >= 0 for w in s.lex["topic_markers"])


reads("current_event", "event_references")


def current_event(s: Sentence) -> EntityKey | None:
    """The event a sentence is about: its first event; else the latest of its paragraph (or the two
    sentences before); else, where it refers back to one (此次活动, 会上, 本届论坛), the latest event
    named before it."""
    events = events_of(s)
    if events:
        return events[0].key
    found = event_in_context(s)
    if found is None and s.find("event_references"):
        before = s.view.last_before(s.start, {"Event"})
        found = before.key if before is not None else None
    return found


reads("listed_events", "enumeration_links")
#: Quotation marks around listed events (举办了“E1”“E2”等活动).
_QUOTES = "“”‘’"


def listed_events(s: Sentence, after: list[Mention]) -> list[Mention]:
    """The first event of ``after`` and those listed right after it (参加E1及E2, 举办了“E1”“E2”,
    举办了E1和E2: each)."""
    out = [after[0]]
    for m in after[1:]:
        gap = s.text[out[-1].end:m.start].strip(_QUOTES)
        if gap and (gap not in s.lex["enumeration_links"] or gap in CLAUSE_BREAKS):
            break  # (E1，E2则…: a clause of its own)
        out.append(m)
    return out


def events_of(s: Sentence) -> list[Mention]:
    """The sentence's event mentions, but not a name a person's title follows (…媒体论坛委员长甲: a
    body's post, no event of the text's)."""
    return s.memo(events_of, _events_of)


def _events_of(s: Sentence) -> list[Mention]:
    text, titles = s.text, s.lex.titles
    return [m for m in s.mentions if m.key.label == "Event" and not text.startswith(titles, m.end)]


def place_run(s: Sentence, first: Mention) -> list[Mention]:
    """``first`` and the places written right after it, each smaller than the one before
    (青岛市即墨区: 青岛, 即墨区)."""
    run = [first]
    for mention in s.mentions:
        if mention.start == run[-1].end and mention.key.label in PLACE_CLASSES \
                and RANK.get(mention.key.label, -1) > RANK.get(run[-1].key.label, 9):
            run.append(mention)
    return run


def adjacent_places_run(s: Sentence, first: Mention) -> list[Mention]:
    """``first`` and the places written right after it, of any rank (金普新区七顶山街道: a town in a zone)."""
    run = [first]
    for mention in s.mentions:
        if mention.start == run[-1].end and mention.key.label in PLACE_CLASSES and mention.key != run[-1].key:
            run.append(mention)
    return run


def copula_pairs(s: Sentence, family: str) -> Iterator[tuple[EntityKey, EntityKey, int]]:
    """X、Y是Z(的…)<noun of ``family``>: each body or place before 是 with the first one after it,
    and where the noun starts (日本、韩国是青岛重要的经贸合作伙伴 → (日本, 青岛), (韩国, 青岛))."""
    text = s.text
    for n_start, _, _ in s.find(family):
        c_start, _ = s.clause_of(n_start)
        is_at = text.rfind(s.lex["copula"], c_start, n_start)
        if is_at < 0:
            continue
        objects = [m for m in s.mentions if is_at < m.start and m.end <= n_start and m.key.label in BODIES_AND_PLACES]
        subjects = [m for m in s.mentions if c_start <= m.start and m.end <= is_at and m.key.label in BODIES_AND_PLACES]
        if objects:
            for subject in subjects:
                if subject.key != objects[0].key:
                    yield subject.key, objects[0].key, n_start
