"""``kg_relations``: relations stated by cue words, with evidence, money and dates.

Each family reads its cue words from ``patterns/relation_cues.json`` and the
job titles from ``patterns/titles.txt``; the rules look at the entity mentions
of one sentence, split into clauses at ，；：.

=================  =====================================================
family             shape in the text
=================  =====================================================
affiliatedWith     ORG + title + PERSON (中国外商投资企业协会常务副会长曹宏瑛);
                   市长/市领导/市委书记 + PERSON → the home city
participatedIn     PERSON…、PERSON…分别讲话/致辞/出席/参加 → the event of the
                   sentence, or the latest event of the paragraph
organizedBy        由A和B联合主办的E; A召开/举办E; an event named after a body
heldIn             E在P举行/举办; 在P举办的E; an event named after a city
visited            VISITOR (率 VISITOR) 赴/来到/拜访/考察 X、Y、Z; subject carried
                   across clauses, 他 → the last person
cooperatesWith     A与B、C…合作/携手/交流合作; 与B… with A the sentence topic
signedWith         A与B…签署/签约…协议
investedIn         A对/在B投资; A投资M设立B; A实际使用日资M → 日本 investedIn A
established        A设立/成立B (B a company, organization, zone or body)
sisterCityOf       A与B缔结友城/友好城市
locatedIn          位于X的Y; Y位于X; a place right before a smaller one (江苏苏州)
=================  =====================================================
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from decimal import Decimal
from itertools import accumulate

from spacy.language import Language
from spacy.tokens import Doc

from ..records import EntityKey, Mention, Money, StatisticRecord
from .affixes import Affixes
from ..ontology import PLACE_CLASSES as PLACE_LABELS
from .view import CLAUSE_BREAKS as _CLAUSE_BREAKS, DocView
from .data import load_alias_notes, load_words, resolve
from .fold import fold
from .matcher import WordMatcher
from .shapes import HARD_BOUNDARIES

__all__ = ["RelationExtractor"]

ORG_LABELS = frozenset({"Company", "Organization", "GovernmentBody"})
_RANK = {"Country": 0, "Region": 1, "City": 2, "District": 3, "Zone": 4}
_VISITORS = frozenset({"Person", "Organization", "GovernmentBody", "Company", "City", "District", "Region", "Zone"})
_VISITED = PLACE_LABELS | ORG_LABELS
_AGENTS = ORG_LABELS | {"City", "District", "Region", "Country", "Zone", "Person"}
_BODIES_AND_PLACES = _AGENTS - {"Person"}  # who acts, but no person
_ORGS_AND_ZONES = ORG_LABELS | {"Zone"}
_PLACES_BUT_ZONES = PLACE_LABELS - {"Zone"}
_ORDINAL = re.compile(r"第[\d一二三四五六七八九十百]+届|(?:19|20)\d\d年?")
#: Between an investor and 投资: nothing, or adverbs (将, 已, 分别, 累计 …).
_INVEST_GAP = re.compile(r"(?:将|已|拟|计划|分别|累计|共|先后|陆续|还|也|再|已经|正式|首次|追加|则|又|亦)*$")
#: Between an investor and the place it invests in: A(将)在B投资, A对B投资.
_PREPOSITION = re.compile(r"^(?:将|已|拟|计划|累计|共|先后|陆续|还|也|已经)*(?:对|在|向|于)(?:旗下|其|所属|下属)?$")
#: Words between a location cue's place and the thing it locates: 位于X的Y, 总部位于X的Y.
_RELATIVE_END = "的"
_EVENT_FAMILIES = frozenset({"participation", "participation_context", "organize", "hold"})
_PARTNER_FAMILIES = frozenset({"cooperate", "sign", "sister", "partner_nouns", "pair_pronouns"})
_INVEST_FAMILIES = frozenset({"invest", "foreign_capital"})
_COUNT = re.compile(r"(\d+(?:\.\d+)?)(个|家|项|人|次|场)")


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({fold(w) for w in words}, key=len, reverse=True))


_NONE: tuple[list[int], list[tuple[int, int, str]]] = ([], [])


class CueWords:
    """The cue words of every family in one matcher (a word may serve several families)."""

    def __init__(self, families: dict[str, Iterable[str]]) -> None:
        self.family_of: dict[str, tuple[str, ...]] = {}
        for family, words in families.items():
            for word in words:
                self.family_of[word] = (*self.family_of.get(word, ()), family)
        self.matcher = WordMatcher(self.family_of)

    def occurrences(self, text: str, names: list[Mention]) -> dict[str, list[tuple[int, int, str]]]:
        """Family → occurrences ``(start, end, word)`` of its words in ``text``, by start.

        Occurrences that overlap one of ``names`` (sorted by start) are left out (合作 in
        经贸合作交流会); of a family's overlapping occurrences the longest (then the first) is kept.
        """
        starts = [name.start for name in names]
        reach = list(accumulate((name.end for name in names), max))  # the furthest end so far
        found: dict[str, list[tuple[int, int, str]]] = {}
        family_of = self.family_of
        for match in self.matcher.find(text):
            i = bisect.bisect_left(starts, match[1]) - 1  # the names that start before the match ends
            if i >= 0 and reach[i] > match[0]:
                continue
            for family in family_of[match[2]]:
                bucket = found.get(family)
                if bucket is None:
                    found[family] = [match]
                else:
                    bucket.append(match)
        return {family: _longest_apart(matches, len(text)) for family, matches in found.items()}


def _longest_apart(matches: list[tuple[int, int, str]], size: int) -> list[tuple[int, int, str]]:
    """Non-overlapping matches, longest first then leftmost, in text order (``matches`` by start)."""
    reach = -1
    for start, end, _ in matches:
        if start < reach:
            break
        reach = end
    else:
        return matches  # nothing overlaps: the common case
    kept = []
    taken = bytearray(size)
    for match in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        start, end = match[0], match[1]
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\1" * (end - start)
            kept.append(match)
    kept.sort()
    return kept


class _Occurrences:
    """Where each family's cue words occur in one text, longest match first, computed once."""

    def __init__(self, cues: CueWords, text: str, names: list[Mention]) -> None:
        self.text = text
        self._by_family: dict[str, tuple[list[int], list[tuple[int, int, str]]]] = {}
        pairs: list[tuple[int, str]] = []
        for family, found in cues.occurrences(text, names).items():  # names: sorted by start
            self._by_family[family] = ([m[0] for m in found], found)
            pairs.extend((m[0], family) for m in found)
        pairs.sort()
        self._family_starts = ([p[0] for p in pairs], [p[1] for p in pairs])

    def _all(self, family: str) -> tuple[list[int], list[tuple[int, int, str]]]:
        return self._by_family.get(family, _NONE)

    def families_in(self, start: int, end: int) -> set[str]:
        """The families with at least one cue word inside ``[start, end)``."""
        starts, families = self._family_starts
        return set(families[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)])

    def find(self, family: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Occurrences of ``family``'s words that lie inside ``[start, end)``."""
        starts, found = self._all(family)
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return [m for m in found[lo:hi] if m[1] <= end]


class RelationExtractor:
    """Finds the relations of SCHEMA.md between the mentions of each sentence."""

    def __init__(self, nlp: Language, name: str, *, cues: str, titles: str, professions: str, heads: str,
                 alias_patterns: str) -> None:
        self.name = name
        self.alias_notes = load_alias_notes(alias_patterns)
        data = json.loads(resolve(cues).read_text(encoding="utf-8"))
        self.cues = {k: _longest_first(v) for k, v in data.items() if isinstance(v, list) and not k.startswith("_")}
        self.foreign_capital = {fold(k): v for k, v in data.get("invest_foreign_capital", {}).items()}
        self.cues["foreign_capital"] = _longest_first(self.foreign_capital)
        self.leader_prefixes: dict[str, str] = data.get("leader_prefixes", {})
        self.establish_objects = frozenset(data.get("establish_objects", ()))
        self.towns = tuple(data.get("town_suffixes", ()))
        self.titles = _longest_first(load_words(titles))
        self.professions = _longest_first(load_words(professions))
        self.heads = _longest_first(load_words(heads))
        self.title_suffixes = Affixes(self.titles)
        self.head_suffixes = Affixes(self.heads)
        self.profession_suffixes = Affixes(self.professions)
        self.cue_words = CueWords(self.cues)

    # ------------------------------------------------------------------ helpers
    def _enumeration(self, text: str, mentions: list[Mention], first: int, labels: frozenset[str],
                     limit: int) -> list[Mention]:
        """Mentions from index ``first`` on joined by 、/和/及/以及 (or adjacent), of ``labels``, before ``limit``."""
        out: list[Mention] = []
        position = None
        for mention in mentions[first:]:
            if mention.start >= limit:
                break
            if position is not None:
                gap = self.alias_notes.sub("", text[position:mention.start])  # 中国一汽（以下简称…）、长春新区
                if gap not in ("", "、", "和", "及", "以及", "与", "，", "、以及", "，以及", "，及", "以及其"):
                    break
            if mention.key.label in labels:
                if out and position == mention.start and out[-1].end == mention.start \
                        and _RANK.get(out[-1].key.label, 9) < _RANK.get(mention.key.label, -1):
                    out[-1] = mention  # 成都市新都区: the smaller place is meant
                else:
                    out.append(mention)
            position = mention.end
        return out

    def _occ(self, ctx: DocView) -> _Occurrences:
        """Where the cue words occur in ``ctx``'s text (computed once per document)."""
        return ctx.memo(self.cue_words, lambda: _Occurrences(self.cue_words, ctx.text, ctx.mentions))

    def _body_places(self, ctx: DocView, mention: Mention) -> list[EntityKey]:
        """The place a party committee or government governs: 南沙区委 → 南沙区, 市委 → the home city."""
        key = mention.key
        if key.label != "GovernmentBody" or not key.name.endswith(self.cues["body_place_suffixes"]):
            return []
        if self._is_home_body(ctx, key):
            city = ctx.home.get("City")
            return [city] if city else []
        found = [c for c in ctx.places_between(mention.start, mention.start + 1)
                 if c.end < mention.end and (c.entry is not None or c.label == "Zone")]
        if found:
            best = max(found, key=lambda c: c.length)  # 天津开发区管委会 → 天津开发区, not 天津
            return [EntityKey(best.canonical or "".join(ctx.folded[best.start:best.end].split()), best.label)]
        return []

    def _is_home_body(self, ctx: DocView, key: EntityKey) -> bool:
        city = ctx.home.get("City")
        return key.label == "GovernmentBody" and city is not None and key.name.startswith(city.name)

    # ------------------------------------------------------------------ families
    def _affiliations(self, ctx: DocView, sentence: list[Mention]) -> None:
        doc, text = ctx.doc, ctx.text
        inherited: list[tuple[EntityKey, str]] = []
        previous_person: Mention | None = None
        for index, person in enumerate(sentence):
            if person.key.label != "Person":
                continue
            before = sentence[index - 1] if index else None
            gap = text[before.end:person.start] if before else ""
            targets: list[tuple[EntityKey, str]] = []
            # 许峰、周文栋: a list continues the first name's affiliation
            if previous_person is not None and before is previous_person and gap == "、" and inherited:
                targets = list(inherited)
            else:
                # the longest title that fits between the body and the name (南沙区委 + 书记)
                # a title before a head noun (titles first, then heads; the longest of each)
                title = (self.title_suffixes.longest_suffix(gap) or self.head_suffixes.longest_suffix(gap)) \
                    if before else None
                title = title or self.title_suffixes.longest_suffix(text, person.start) \
                    or self.head_suffixes.longest_suffix(text, person.start)
                profession = self.profession_suffixes.longest_suffix(text, person.start)
                if title and before is not None and before.key.label == "Country" and index >= 2 \
                        and not title.endswith(self.cues["state_titles"]):
                    # 丸红株式会社执行役员、中国总代表井上隆之: 中国 is the post's territory
                    before = sentence[index - 2]
                    gap = text[before.end:person.start]
                pronoun = next((p for p in self.cues["company_pronouns"] if title and text.endswith(p + title, 0, person.start)), None)
                if pronoun and not targets:
                    company = ctx.last_before(person.start - len(pronoun) - len(title), {"Company"})
                    if company is not None:  # 该公司会长佐佐木正人
                        targets.append((company.key, title))
                if title and not (profession and len(profession) >= len(title)) and not targets:
                    if before is not None and before.key.label != "Person" and 0 < len(gap) <= 12 \
                            and gap.endswith(title) and not any(ch in HARD_BOUNDARIES and ch != "、" for ch in gap):
                        targets.append((before.key, gap))
                        targets.extend((place, gap) for place in self._body_places(ctx, before))
                        # 大连日本商工会会长、三井物产（大连）有限公司总经理藤本健一: every post counts
                        k = index - 1
                        while k >= 1:
                            link = text[sentence[k - 1].end:sentence[k].start]
                            if not (link.endswith("、") and 1 < len(link) <= 10 and link[:-1].endswith(self.titles)
                                    and sentence[k - 1].key.label != "Person"):
                                break
                            targets.append((sentence[k - 1].key, link[:-1]))
                            targets.extend((place, link[:-1]) for place in self._body_places(ctx, sentence[k - 1]))
                            k -= 1
                    elif title.lstrip("副代常务")[:1] in self.leader_prefixes:  # 副市长 is a 市 post
                        home = ctx.home.get(self.leader_prefixes[title.lstrip("副代常务")[0]])
                        if home is not None:
                            targets.append((home, title))
            for key, job in targets:
                ctx.add(person.key, "affiliatedWith", key, person.start, job_title=job)
            inherited = targets
            previous_person = person

    def _event_context(self, ctx: DocView, sentence_index: int) -> EntityKey | None:
        """The latest event named in this sentence's paragraph (or the two sentences before)."""
        paragraph = ctx.paragraph_of[sentence_index]
        for i in range(sentence_index, max(-1, sentence_index - 6), -1):
            if i < sentence_index - 2 and ctx.paragraph_of[i] != paragraph:
                break
            s, e = ctx.sentences[i]
            events = [m for m in ctx.mentions_between(s, e) if m.key.label == "Event"]
            if events:
                return events[0].key if i == sentence_index else events[-1].key
        return None

    def _events(self, ctx: DocView, index: int, sentence: list[Mention], s_start: int, s_end: int) -> None:
        text = ctx.text
        events = [m for m in sentence if m.key.label == "Event"]
        # participation
        cues = self._occ(ctx).find("participation", s_start, s_end)
        context = self._occ(ctx).find("participation_context", s_start, s_end)
        if cues or context:
            event = events[0].key if events else self._event_context(ctx, index)
            last_cue = cues[-1][0] if cues else s_start
            if event is not None:
                people = [m for m in sentence if m.key.label == "Person" and (context or m.start < last_cue)]
                clauses = ctx.clauses(s_start, s_end)
                agents = people or [m for m in sentence if m.key.label in ORG_LABELS and m.start < last_cue
                                    and ctx.clause_of(clauses, m.start) == ctx.clause_of(clauses, last_cue)
                                    and not self._organizer_position(text, m)]
                for mention in agents:
                    ctx.add(mention.key, "participatedIn", event, mention.start)
        # organizers: 由A和B主办的E / A召开E
        for cue_start, cue_end, _ in self._occ(ctx).find("organize", s_start, s_end):
            after = [m for m in events if m.start >= cue_end and m.start - cue_end <= 12]
            by = text.rfind("由", s_start, cue_start)
            before_by = [m for m in events if by >= 0 and m.end <= by]
            if by >= 0 and any(by < c < cue_start for c, _, _ in self._occ(ctx).find("organize", by, cue_start)):
                continue  # an earlier cue after 由 already took these organisers
            if after:
                event = after[0]
            elif before_by:
                event = before_by[-1]  # 交流会由A和B共同主办
            elif by >= 0 and self._event_context(ctx, index) is not None:
                event = Mention(self._event_context(ctx, index), by, by, "")
            else:
                continue
            if by >= 0:
                organizers = [m for m in sentence if by < m.start and m.end <= cue_start and m.key.label in _AGENTS
                              and text[max(0, m.start - 1):m.start] != "在"]
            else:
                clause_start = max(text.rfind(ch, s_start, cue_start) for ch in _CLAUSE_BREAKS + "。")
                organizers = [m for m in sentence if max(clause_start, s_start) <= m.start and m.end <= cue_start
                              and m.key.label in _BODIES_AND_PLACES and cue_start - m.end <= 6
                              and text[max(0, m.start - 1):m.start] != "在"][-1:]
            for organizer in organizers:
                ctx.add(event.key, "organizedBy", organizer.key, event.start)
        # heldIn: E在P举行 / 在P举办的E
        for cue_start, cue_end, _ in self._occ(ctx).find("hold", s_start, s_end):
            at = text.rfind("在", s_start, cue_start)
            if at < 0 or cue_start - at > 24:
                continue
            places = [m for m in sentence if at < m.start and m.end <= cue_start]
            if not places:
                continue
            place = places[0]
            target = self._place_of(ctx, place)
            if target is None:
                continue
            before = [m for m in events if m.end <= at]
            after = [m for m in events if m.start >= cue_end and text[cue_end:m.start] in ("的", "")]
            event = after[0] if after else (before[-1] if before else None)
            if event is not None:
                ctx.add(event.key, "heldIn", target, event.start)

    @staticmethod
    def _organizer_position(text: str, mention: Mention) -> bool:
        return text[mention.end:mention.end + 2] in ("主办", "承办", "协办")

    def _place_of(self, ctx: DocView, mention: Mention) -> EntityKey | None:
        """A place mention itself; for a body, the listed place inside its name."""
        if mention.key.label in PLACE_LABELS:
            return mention.key
        inside = [c for c in ctx.places_between(mention.start, mention.end)
                  if c.source == "gazetteer" and c.end <= mention.end and c.canonical]
        if not inside:
            return None
        last = max(inside, key=lambda c: (c.start, c.length))  # 中国人民大学苏州校区 → 苏州, not 中国
        return EntityKey(last.canonical, last.label)

    def _events_by_name(self, ctx: DocView) -> None:
        """An event named after a body is organised by it; after a city, held in it (when the
        article does not say so in words)."""
        stated = {(r.subject, r.predicate) for r in ctx.relations if r.method == "pattern"}
        for mention in ctx.mentions:
            if mention.key.label != "Event":
                continue
            ordinal = _ORDINAL.match(ctx.text, mention.start, mention.end)
            begin = ordinal.end() if ordinal else mention.start
            inner = [c for c in ctx.candidates_at(begin) + ctx.candidates_at(begin + 1)
                     if c.end < mention.end and c.source in ("gazetteer", "shape")]
            start_text = ctx.text[begin:begin + 1]
            for cand in sorted(inner, key=lambda c: (c.start, -c.length))[:1]:
                if cand.start != begin and not (start_text == "在" and cand.start == begin + 1):
                    continue
                key = EntityKey(cand.canonical or "".join(ctx.folded[cand.start:cand.end].split()), cand.label)
                if cand.label in ("City", "District") or (start_text == "在" and cand.label in PLACE_LABELS):
                    if (mention.key, "heldIn") not in stated:
                        ctx.add(mention.key, "heldIn", key, mention.start, method="name")
                elif cand.label in ORG_LABELS or cand.label == "Zone":
                    if (mention.key, "organizedBy") not in stated:
                        ctx.add(mention.key, "organizedBy", key, mention.start, method="name")

    def _visitor(self, ctx: DocView, mention: Mention) -> list[EntityKey]:
        """The visitors a mention stands for: a delegation and the city or province it comes from."""
        key = mention.key
        out = [key]
        if key.label == "Organization":
            named = ctx.full_mention(key) or mention  # 代表团 → 无锡市经贸文化代表团 → 无锡
            place = self._place_in_name(ctx, named)
            if place and named is not mention and named.text != mention.text:
                return [place]  # a back-reference (代表团先后来到…) stands for the city it came from
            if place:
                out.append(place)
        return out

    @staticmethod
    def _place_in_name(ctx: DocView, mention: Mention) -> EntityKey | None:
        """The listed place a name opens with (沈阳 in 沈阳市经贸代表团)."""
        found = [c for c in ctx.candidates_at(mention.start) if c.end < mention.end and c.entry is not None
                 and c.label in ("City", "Region", "District")]
        if not found:
            return None
        best = max(found, key=lambda c: c.length)
        return EntityKey(best.canonical or best.text, best.label)

    def _visits(self, ctx: DocView, index: int, sentence: list[Mention], s_start: int, s_end: int,
                state: dict) -> None:
        text = ctx.text
        cues = self._occ(ctx).find("visit", s_start, s_end)
        if not cues:
            return
        clauses = ctx.clauses(s_start, s_end)
        sentence_subjects: list[EntityKey] = []
        for n, (cue_start, cue_end, _) in enumerate(cues):
            limit = cues[n + 1][0] if n + 1 < len(cues) else s_end
            c_start, c_end = ctx.clause_of(clauses, cue_start)
            limit = min(limit, c_end) if cue_end < c_end else limit
            after = cue_end + (1 if text.startswith(("了", "过", "到"), cue_end) else 0)
            for relative in self.cues["relative_location"]:
                if text.startswith(relative, after) and text.find(_RELATIVE_END, after, limit) > 0:
                    after = text.find(_RELATIVE_END, after, limit) + 1  # 考察了位于开发区的佳能…
                    break
            first = next((i for i, m in enumerate(sentence) if m.start >= after), None)
            if first is None or sentence[first].start != after:
                continue
            objects = self._enumeration(text, sentence, first, _VISITED, limit)
            at = text.rfind("在", c_start, cue_start)
            if at >= 0:  # 在东京拜访了…: the place is visited too
                objects = [m for m in sentence if at < m.start and m.end <= cue_start and m.key.label in PLACE_LABELS][:1] + objects
            if not objects:
                continue
            subjects: list[EntityKey] = []
            before = [m for m in sentence if c_start <= m.start and m.end <= cue_start and m.key.label in _VISITORS
                      and text[m.end:m.end + 1] not in ("的",)]
            before = [m for m in before if not text[max(c_start, m.start - 1):m.start] in ("从", "在")]
            for mention in before:
                subjects.extend(self._visitor(ctx, mention))
            if any(p in text[c_start:cue_start] for p in self.cues["pronouns_person"]) and state.get("person"):
                subjects.insert(0, state["person"])  # 他乘坐…飞抵: the last person named
            if not subjects:
                subjects = sentence_subjects or state.get("visitors") or []
            if not subjects:
                home = ctx.home.get("City")
                subjects = [home] if home else []
            for subject in subjects:
                for obj in objects:
                    if obj.key != subject and obj.key.label != "Person":
                        ctx.add(subject, "visited", obj.key, cue_start)
            sentence_subjects = subjects
        if sentence_subjects:
            state["visitors"] = sentence_subjects

    def _topic(self, ctx: DocView, sentence: list[Mention], s_start: int, text: str) -> EntityKey | None:
        """The sentence's topic: a body or place that opens it (not one after 与/和), or the
        company 该公司 stands for."""
        if text.startswith(self.cues["company_pronouns"], s_start):
            company = ctx.last_before(s_start, {"Company"})
            return company.key if company else None
        if sentence and sentence[0].start - s_start <= 4 and sentence[0].key.label in _BODIES_AND_PLACES \
                and not text.endswith(self.cues["partner_markers"], 0, sentence[0].start):
            return sentence[0].key
        return None

    def _skip_relative(self, text: str, at: int, limit: int) -> int:
        """Past a relative clause of place (位于仙台市的, 总部位于大阪的) that opens at ``at``."""
        for relative in self.cues["relative_location"]:
            if text.startswith(relative, at):
                end = text.find(_RELATIVE_END, at, min(limit, at + 16))
                if end > 0:
                    return end + 1
        return at

    def _pair_relations(self, ctx: DocView, subject: EntityKey, partners: list[EntityKey], at: int,
                        coop: bool, sign: bool) -> None:
        for partner in partners:
            if coop:
                ctx.add(subject, "cooperatesWith", partner, at)
                if subject.label == "Person":  # a person deals for the company they lead
                    for rel in list(ctx.relations):
                        if rel.subject == subject and rel.predicate == "affiliatedWith" and rel.object.label == "Company":
                            ctx.add(rel.object, "cooperatesWith", partner, at)
            if sign:
                ctx.add(subject, "signedWith", partner, at)

    def _signs(self, text: str, after: int, s_end: int, sign: list[tuple[int, int, str]]) -> bool:
        """签约 right after the partners (与新都区签约), or 签署/签订 with an agreement (协议, 备忘录)."""
        later = [w for s, _, w in sign if s >= after]
        if any(w in self.cues["sign_verbs_alone"] and 0 <= s - after <= 4 and not any(ch in text[after:s] for ch in _CLAUSE_BREAKS)
               for s, _, w in sign):
            return True
        return bool(later) and any(w in text[after:s_end] for w in self.cues["sign_objects"])

    def _partners(self, ctx: DocView, sentence: list[Mention], s_start: int, s_end: int, state: dict) -> None:
        text = ctx.text
        coop = self._occ(ctx).find("cooperate", s_start, s_end)
        sign = self._occ(ctx).find("sign", s_start, s_end)
        sister = self._occ(ctx).find("sister", s_start, s_end)
        self._partner_nouns(ctx, sentence, s_start, s_end)
        if not coop and not sign and not sister:
            return
        clauses = ctx.clauses(s_start, s_end)
        paired = False
        for m_start, m_end, _ in self._occ(ctx).find("partner_markers", s_start, s_end):
            begin = self._skip_relative(text, m_end, s_end)  # 与位于仙台市的日本东北大学
            first = next((i for i, m in enumerate(sentence) if m.start >= begin), None)
            if first is None or sentence[first].start != begin:
                continue
            partners = self._enumeration(text, sentence, first, _AGENTS, s_end)
            if not partners:
                continue
            after = partners[-1].end
            c_start, _ = ctx.clause_of(clauses, m_start)
            subject_mentions = [m for m in sentence if c_start <= m.start and m.end <= m_start
                                and m.key.label in _AGENTS and len(self.alias_notes.sub("", text[m.end:m_start])) <= 6]
            if subject_mentions:
                subject = subject_mentions[-1].key
            elif m_start - s_start <= 4:
                subject = state.get("topic")  # 与藤田医科大学建立…: the previous sentence's topic
            else:
                subject = self._topic(ctx, sentence, s_start, text)
            if subject is None:
                continue
            keys = [p.key for p in partners if p.key != subject
                    and not text.startswith(self.cues["generic_heads"], p.end)]  # 与日本企业签约
            if any(s >= after for s, _, _ in sister):
                for partner in keys:
                    if subject.label == "City" and partner.label == "City":
                        ctx.add(subject, "sisterCityOf", partner, m_start, date=self._date_near(ctx, m_start))
            self._pair_relations(ctx, subject, keys, m_start, any(s >= after for s, _, _ in coop),
                                 self._signs(text, after, s_end, sign))
            if keys:
                state["pair"] = (subject, keys)
                state["pair_sentence"] = s_start
                paired = True
        # 两市签署了…备忘录 / 双方…合作: the pair named before
        if not paired and state.get("pair"):
            for p_start, p_end, _ in self._occ(ctx).find("pair_pronouns", s_start, s_end):
                subject, keys = state["pair"]
                self._pair_relations(ctx, subject, keys, p_start, any(s >= p_end for s, _, _ in coop),
                                     self._signs(text, p_end, s_end, sign))
                break
        # transitive forms: A对接B、C / A携手B
        for cue_start, cue_end, word in coop:
            if word not in ("对接", "携手"):
                continue
            first = next((i for i, m in enumerate(sentence) if m.start >= cue_end), None)
            if first is None or sentence[first].start - cue_end > 2:
                continue
            partners = self._enumeration(text, sentence, first, _AGENTS, s_end)
            c_start, _ = ctx.clause_of(clauses, cue_start)
            subjects = [m for m in sentence if c_start <= m.start and m.end <= cue_start and m.key.label in _AGENTS]
            if subjects and partners:
                for partner in partners:
                    ctx.add(subjects[-1].key, "cooperatesWith", partner.key, cue_start)

    def _partner_nouns(self, ctx: DocView, sentence: list[Mention], s_start: int, s_end: int) -> None:
        """日本、韩国是青岛重要的经贸合作伙伴: the listed ones cooperate with the one after 是."""
        text = ctx.text
        clauses = ctx.clauses(s_start, s_end)
        for n_start, _, _ in self._occ(ctx).find("partner_nouns", s_start, s_end):
            c_start, _ = ctx.clause_of(clauses, n_start)
            is_at = text.rfind("是", c_start, n_start)
            if is_at < 0:
                continue
            objects = [m for m in sentence if is_at < m.start and m.end <= n_start and m.key.label in _AGENTS]
            subjects = [m for m in sentence if c_start <= m.start and m.end <= is_at and m.key.label in _AGENTS]
            if objects and subjects:
                for subject in subjects:
                    if subject.key != objects[0].key:
                        ctx.add(subject.key, "cooperatesWith", objects[0].key, n_start)

    def _date_near(self, ctx: DocView, offset: int):
        s, e = ctx.sentence(offset)
        dates = [d for d in ctx.dates if s <= d[0] < e]
        if not dates:
            return None
        return min(dates, key=lambda d: abs(d[0] - offset))[2]

    def _money_after(self, ctx: DocView, start: int, end: int) -> list[Money]:
        return [m for s, e, m in ctx.money if start <= s and e <= end]

    def _investors(self, ctx: DocView, sentence: list[Mention], s_start: int, c_start: int, cue_start: int,
                   state: dict) -> list[EntityKey]:
        """Who invests: 由A与B共同投资, A(将/已)投资, 后者/双方投资, or the sentence's topic."""
        text = ctx.text
        agents = _BODIES_AND_PLACES
        by = text.rfind("由", c_start, cue_start)
        if by >= 0:
            found = [m.key for m in sentence if by < m.start and m.end <= cue_start and m.key.label in agents]
            if found:
                return found
        close = [m for m in sentence if c_start <= m.start and m.end <= cue_start and m.key.label in agents
                 and _INVEST_GAP.match(text, m.end, cue_start)]
        if close:
            return [close[-1].key]
        clause = text[c_start:cue_start]
        earlier = [m for m in sentence if m.end <= c_start and m.key.label in agents]
        if any(w in clause for w in self.cues["latter"]) and earlier:
            return [earlier[-1].key]
        if any(w in clause for w in self.cues["former"]) and earlier:
            return [earlier[0].key]
        if any(w in clause for w in self.cues["pair_pronouns"]) and state.get("pair"):
            subject, partners = state["pair"]
            return [subject, *partners]
        if c_start > s_start and not any(c_start <= m.start < cue_start for m in sentence):
            topic = self._topic(ctx, sentence, s_start, text)  # A与B签约，投资…: the sentence's subject
            if topic is not None:
                return [topic]
        return []

    def _investments(self, ctx: DocView, sentence: list[Mention], s_start: int, s_end: int, state: dict) -> None:
        text = ctx.text
        clauses = ctx.clauses(s_start, s_end)
        agents = _BODIES_AND_PLACES
        # A实际使用日资M: the foreign side invested in A
        for word, investor in self.foreign_capital.items():
            at = text.find(word, s_start, s_end)
            if at < 0:
                continue
            c_start, c_end = ctx.clause_of(clauses, at)
            subjects = [m for m in sentence if m.end <= at and m.key.label in _VISITED]
            if subjects:
                money = self._money_after(ctx, at, c_end)
                ctx.add(EntityKey(investor, "Country"), "investedIn", subjects[-1].key, at,
                        money=money[0] if money else None, date=self._date_near(ctx, at))
        for cue_start, cue_end, _ in self._occ(ctx).find("invest", s_start, s_end):
            c_start, c_end = ctx.clause_of(clauses, cue_start)
            before = [m for m in sentence if c_start <= m.start and m.end <= cue_start]
            topic = self._topic(ctx, sentence, s_start, text)
            if topic is not None and topic.label == "Company" and "是" in text[s_start:cue_start] \
                    and any(w in text[cue_end:c_end] for w in ("企业", "公司", "项目")):
                investors = [m for m in before if m.key != topic and m.key.label in agents]
                if investors:  # 艾杰旭…是一个日本在苏州投资较大的企业
                    ctx.add(investors[0].key, "investedIn", topic, cue_start)
            # A对B投资 / A(将)在B投资
            preposition = False
            for i, mention in enumerate(before[:-1]):
                gap = text[mention.end:before[i + 1].start]
                if _PREPOSITION.match(gap) and mention.key.label in agents:
                    target = before[i + 1]
                    if cue_start - target.end <= 4:
                        money = self._money_after(ctx, cue_end, c_end)
                        ctx.add(mention.key, "investedIn", target.key, cue_start,
                                money=money[0] if money else None, date=self._date_near(ctx, cue_start))
                        preposition = True
                    break
            if preposition:
                continue
            investors = self._investors(ctx, sentence, s_start, c_start, cue_start, state)
            if not investors:
                continue
            # what was set up with the money: A投资M设立B、C / 由A与B合资成立的C
            establish = [e for e in self._occ(ctx).find("establish", cue_start, s_end)
                         if len(self.alias_notes.sub("", text[cue_end:e[0]])) <= 32]
            targets: list[Mention] = []
            founded = False
            if establish:
                e_start, e_end, _ = establish[0]
                first = next((i for i, m in enumerate(sentence) if m.start >= e_end), None)
                if first is not None and text[e_end:sentence[first].start] in ("", "的", "了"):
                    targets = self._enumeration(text, sentence, first, _ORGS_AND_ZONES, s_end)
                    founded = bool(targets)
                by = text.rfind("由", c_start, cue_start)
                if not targets and topic is not None and by >= 0 and topic.label in _ORGS_AND_ZONES \
                        and sentence and sentence[0].end <= by:
                    targets = [Mention(topic, s_start, s_start, "")]  # 产业园…由A与B共同投资建设
                    founded = True
            if not targets:
                first = next((i for i, m in enumerate(sentence) if m.start >= cue_end), None)
                if first is not None and sentence[first].start == cue_end:
                    targets = [sentence[first]]  # A投资B
            if not targets:
                # 增资…扩建其位于X的B: its own subsidiary
                for marker in self.cues["subsidiary_markers"]:
                    at = text.find(marker, cue_end, min(s_end, cue_end + 24))
                    if at >= 0:
                        begin = self._skip_relative(text, at + len(marker), s_end)
                        targets = [m for m in sentence if m.start == begin and m.key.label == "Company"][:1]
                        if targets:
                            break
            if not targets:
                # A将投资M，在Z建设…: the place
                at = text.find("在", cue_end, min(s_end, cue_end + 24))
                if at >= 0:
                    targets = [m for m in sentence if m.start == at + 1 and m.key.label in PLACE_LABELS][:1]
            if not targets and state.get("pair") and state.get("pair_sentence") == s_start and state["pair"][0] in investors:
                targets = [Mention(p, cue_start, cue_start, "") for p in state["pair"][1] if p.label in PLACE_LABELS]
            amounts = self._money_after(ctx, cue_end, establish[0][0] if establish else c_end)
            for investor in investors:
                for n, target in enumerate(targets):
                    if target.key == investor:
                        continue
                    money = amounts[n] if len(amounts) == len(targets) else (amounts[0] if len(amounts) == 1 else None)
                    ctx.add(investor, "investedIn", target.key, cue_start, money=money,
                            date=self._date_near(ctx, cue_start))
                    if founded:
                        ctx.add(investor, "established", target.key, cue_start, date=self._date_near(ctx, cue_start))
            if founded:
                state.setdefault("consumed", set()).add(establish[0][0])
                self._set_up_in(ctx, sentence, s_start, establish[0][0], targets)

    def _set_up_in(self, ctx: DocView, sentence: list[Mention], start: int, cue_start: int,
                   targets: list[Mention]) -> None:
        """在Z设立B: B is in Z."""
        at = ctx.text.rfind("在", start, cue_start)
        if at < 0:
            return
        places = [m for m in sentence if at < m.start and m.end <= cue_start and m.key.label in PLACE_LABELS][:1]
        for place in places:
            for target in targets:
                if target.key != place.key:
                    ctx.add(target.key, "locatedIn", place.key, place.start)

    def _establishments(self, ctx: DocView, sentence: list[Mention], s_start: int, s_end: int, state: dict) -> None:
        text = ctx.text
        clauses = ctx.clauses(s_start, s_end)
        for cue_start, cue_end, _ in self._occ(ctx).find("establish", s_start, s_end):
            if cue_start in state.get("consumed", ()) or any(w in text[max(s_start, cue_start - 24):cue_start] for w in self.cues["invest"]):
                continue  # handled with the investment
            first = next((i for i, m in enumerate(sentence) if m.start >= cue_end), None)
            c_start, _ = ctx.clause_of(clauses, cue_start)
            by = text.rfind("由", c_start, cue_start)
            topic = self._topic(ctx, sentence, s_start, text) or (state.get("topic") if by >= 0 else None)
            if (first is None or text[cue_end:sentence[first].start] not in ("", "的", "了")) and by >= 0 \
                    and topic is not None and topic.label in self.establish_objects:
                founders = [m.key for m in sentence if by < m.start and m.end <= cue_start
                            and m.key.label in _BODIES_AND_PLACES and m.key != topic]
                for founder in founders:  # 合作园…由铁西区设立
                    ctx.add(founder, "established", topic, cue_start, date=self._date_near(ctx, cue_start))
                continue
            if first is None or text[cue_end:sentence[first].start] not in ("", "的", "了"):
                continue
            target = sentence[first]
            if target.key.label not in self.establish_objects:
                continue
            founders = [m for m in sentence if c_start <= m.start and m.end <= cue_start
                        and m.key.label in _BODIES_AND_PLACES and m.key != target.key
                        and text[max(0, m.start - 1):m.start] != "在"]  # 在Z设立B: Z is where, not who
            founders_keys = [founders[0].key] if founders else []
            clause = text[c_start:cue_start]
            if not founders_keys and any(w in clause for w in self.cues["pair_pronouns"]) and state.get("pair"):
                subject, partners = state["pair"]  # 双方将共建…研究院
                founders_keys = [subject, *partners]
            for founder in founders_keys:
                ctx.add(founder, "established", target.key, cue_start, date=self._date_near(ctx, cue_start))
                if founder.label in ("City", "District", "Region", "Zone") and target.key.label == "Zone":
                    ctx.add(target.key, "locatedIn", founder, cue_start)  # 相城区获批设立…示范区
            self._set_up_in(ctx, sentence, s_start, cue_start, [target])

    def _locations(self, ctx: DocView, sentence: list[Mention], s_start: int, s_end: int) -> None:
        text = ctx.text
        for cue_start, cue_end, _ in self._occ(ctx).find("locate", s_start, s_end):
            first = next((i for i, m in enumerate(sentence) if m.start >= cue_end), None)
            if first is None or sentence[first].start != cue_end:
                continue
            places: list[Mention] = []
            i = first
            while i < len(sentence) and sentence[i].key.label in PLACE_LABELS \
                    and text[(places[-1].end if places else cue_end):sentence[i].start] == "":
                places.append(sentence[i])
                i += 1
            if not places:
                continue
            thing: Mention | None = None
            if i < len(sentence) and text[places[-1].end:sentence[i].start] in ("", "的"):
                thing = sentence[i]  # 位于X的Y
            else:
                before = [m for m in sentence if m.end <= cue_start and cue_start - m.end <= 3]
                thing = before[-1] if before else None  # Y位于X
            if thing is None:
                continue
            for place in places:
                ctx.add(thing.key, "locatedIn", place.key, cue_start)
        # adjacency: 江苏苏州, 吴中区胥口镇, 日本东京
        for left, right in zip(sentence, sentence[1:]):
            if left.end != right.start or left.key.label not in _PLACES_BUT_ZONES:
                continue
            town = right.key.label == left.key.label == "District" and right.key.name.endswith(self.towns)
            if right.key.label in PLACE_LABELS and (_RANK[right.key.label] > _RANK[left.key.label] or town):
                ctx.add(right.key, "locatedIn", left.key, right.start)
            elif right.key.label in ORG_LABELS and left.key.label in ("City", "District"):
                ctx.add(right.key, "locatedIn", left.key, right.start)

    def _statistics(self, ctx: DocView, sentence: list[Mention], s_start: int, s_end: int, linked: set[int]) -> None:
        text = ctx.text
        clauses = ctx.clauses(s_start, s_end)
        measures = self.cues.get("investment_statistics", ())
        for c_start, c_end in clauses:
            measure = next(((i, w) for w in measures for i in [text.find(w, c_start, c_end)] if i >= 0), None)
            if measure is None:
                continue
            at, word = measure
            subjects = [m for m in sentence if c_start <= m.start and m.end <= at and m.key.label in _BODIES_AND_PLACES]
            subject = subjects[0] if subjects else None
            if subject is None:
                continue
            counterpart = subjects[1].key if len(subjects) > 1 else None
            values: list[tuple[Decimal, str, str | None]] = []
            for s, e, money in ctx.money:
                if at < s and e <= c_end and s not in linked:
                    values.append((money.amount, money.currency, money.currency))
            if not values:
                count = _COUNT.search(text, at, c_end)
                if count:
                    values.append((Decimal(count.group(1)), count.group(2), None))
            for value, unit, currency in values[:1]:
                sent_start, sent_end = ctx.sentence(at)
                ctx.statistics.append(StatisticRecord(
                    subject.key, word, value, unit, sent_start, sent_end, text[sent_start:sent_end],
                    counterpart=counterpart, currency=currency, date=self._date_near(ctx, at)))

    # ------------------------------------------------------------------ run
    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.view
        state: dict = {}
        for index, (s_start, s_end) in enumerate(ctx.sentences):
            sentence = ctx.mentions_between(s_start, s_end)
            if index and ctx.paragraph_of[index] != ctx.paragraph_of[index - 1]:
                state.pop("visitors", None)
            people = [m for m in sentence if m.key.label == "Person"]
            present = self._occ(ctx).families_in(s_start, s_end)  # skip families whose cues are absent
            if people:
                self._affiliations(ctx, sentence)
            if present & _EVENT_FAMILIES:
                self._events(ctx, index, sentence, s_start, s_end)
            if "visit" in present:
                self._visits(ctx, index, sentence, s_start, s_end, state)
            if present & _PARTNER_FAMILIES:
                self._partners(ctx, sentence, s_start, s_end, state)
            if present & _INVEST_FAMILIES:
                self._investments(ctx, sentence, s_start, s_end, state)
            if "establish" in present:
                self._establishments(ctx, sentence, s_start, s_end, state)
            self._locations(ctx, sentence, s_start, s_end)
            if "investment_statistics" in present:
                linked = {ctx.text.find(r.money.text, s_start, s_end) for r in ctx.relations
                          if r.money is not None and r.start == s_start}
                self._statistics(ctx, sentence, s_start, s_end, linked)
            if people:
                state["person"] = people[-1].key
            topic = self._topic(ctx, sentence, s_start, ctx.text)
            if topic is not None:
                state["topic"] = topic
        self._events_by_name(ctx)
        return doc


@Language.factory(
    "kg_relations",
    default_config={
        "cues": "patterns/relation_cues.json",
        "titles": "patterns/titles.txt",
        "professions": "patterns/professions.txt",
        "heads": "patterns/leader_heads.txt",
        "alias_patterns": "patterns/aliases.txt",
    },
    assigns=["doc._.relations", "doc._.statistics"],
    requires=["doc._.mentions", "doc._.money", "doc._.dates"],
)
def make_relations(nlp: Language, name: str, cues: str, titles: str, professions: str, heads: str,
                   alias_patterns: str) -> RelationExtractor:
    return RelationExtractor(nlp, name, cues=cues, titles=titles, professions=professions, heads=heads,
                             alias_patterns=alias_patterns)
