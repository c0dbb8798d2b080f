"""``kg_entities``: from candidates to entities, mentions and aliases of one document.

1. **Select** non-overlapping candidates, longest first (then by priority).
2. **Complete enumerations**: in 拜访A、B、C等企业 an item no component knew takes the
   type of the head noun (企业 → Company) or of the other items.
3. **Name** each span: listed names take the list's canonical name; 市委 or
   市商务局 without a place belong to the article's home city (无锡市委); an event
   takes the ordinal or year before it (第六届进博会); a back-reference (示范区,
   交流会) joins the entity it refers to; X(以下简称“Y”) makes Y an alias of X.
4. **Find the other mentions**: short forms of companies (苏州锦里文化有限公司 →
   锦里文化), tails of long names (…国际合作中心 → 国际合作中心), and every name
   already found, wherever else they occur.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..records import EntityKey, EntityRecord, Mention
from .affixes import Affixes
from .candidates import Candidate
from .data import load_alias_notes, load_boundaries, load_jsonl, load_tsv, load_words
from .fold import fold
from .matcher import WordMatcher
from .shapes import GenericWords

__all__ = ["EntityResolver"]

_ORDINAL_BEFORE = re.compile(r"(?:第[\d一二三四五六七八九十百]+届|(?:19|20)\d\d年?)$")
#: An enumeration: items joined by 、, the last one ending at 等 or punctuation.
_LIST = re.compile(r"(?:[^、，。；：！？\n“”《》]{1,14}、)+[^、，。；：！？\n“”《》]{1,14}?(?=等|[，。；：！？\n]|$)")
#: A first list item and its 、 (the item's class as in _LIST).
_FIRST_ITEM = re.compile(r"[^、，。；：！？\n“”《》]{1,14}、")
_COUNT_PREFIX = re.compile(r"^(?:\d+|[一二三四五六七八九十百千两几数多]+)余?(?:家|个|所|位|名)")
_LIST_ITEM = re.compile(r"^[\u3400-\u9fffA-Za-z0-9&＆·\-（）()]{2,12}$")
_COUNTRY_PREFIXES = ("日本", "中国")
_BRACKETED = re.compile(r"[(（][^()（）]{1,8}[)）]")
_PLACE_LABELS = frozenset({"Country", "Region", "City", "District", "Zone"})
_HOME_PREFIX = {"市": "City", "省": "Region"}


@dataclass
class _Entity:
    key: EntityKey
    surfaces: dict[str, None] = field(default_factory=dict)  # an ordered set
    job_title: str | None = None
    parent: EntityKey | None = None


def _set_ents(doc: Doc, text: str, spans: list[tuple[int, int, EntityKey]]) -> None:
    """Write ``doc.ents`` from character spans sorted by start; a span overlapping an earlier one is left out.

    The IOB and type columns are built with array operations and loaded at once
    (assigning Span objects costs several times more).
    """
    firsts: list[int] = []
    lasts: list[int] = []
    labels: list[str] = []
    last_end = -1
    for start, end, key in spans:
        if start >= last_end:
            firsts.append(start)
            lasts.append(end)
            labels.append(key.label)
            last_end = end
    size = len(doc)
    columns = numpy.empty((size, 2), dtype="uint64")
    columns[:, 0] = 2  # outside
    columns[:, 1] = 0
    if firsts:
        first, last = numpy.array(firsts), numpy.array(lasts)
        if size != len(text):  # runs of white space are single tokens: characters to tokens
            starts = doc.to_array([IDX]).reshape(-1).astype("int64")
            first = numpy.searchsorted(starts, first, side="right") - 1
            last = numpy.searchsorted(starts, last - 1, side="right")
        names = sorted(set(labels))
        code_of = {name: code for code, name in enumerate(names, 1)}
        codes = numpy.array([code_of[label] for label in labels])
        # each span adds its code over [first, last): differences, summed along the tokens
        # (spans are disjoint, so no two start, nor two end, at one token)
        delta = numpy.zeros(size + 1, dtype="int64")
        delta[first] = codes
        delta[last] -= codes
        inside = numpy.cumsum(delta[:size])
        columns[inside > 0, 0] = 1  # inside
        columns[first, 0] = 3  # begin
        columns[:, 1] = numpy.array([0] + [doc.vocab.strings.add(name) for name in names], dtype="uint64")[inside]
    doc.from_array([ENT_IOB, ENT_TYPE], columns)


class EntityResolver:
    """Turns ``doc._.candidates`` into ``doc._.entities``, ``doc._.mentions`` and ``doc.ents``."""

    def __init__(self, nlp: Language, name: str, *, list_heads: str, industry_words: str, alias_patterns: str,
                 shapes: str, generic_words: str, left_boundaries: str, home_aliases: str, list_modifiers: str) -> None:
        self.name = name
        self.home_aliases = tuple(fold(w) for w in load_words(home_aliases))
        self._home_alias_patterns = tuple(re.compile(re.escape(word)) for word in self.home_aliases)
        self.modifiers = Affixes(fold(w) for w in load_words(list_modifiers))
        heads: dict[str, str] = {}
        for row in load_tsv(list_heads):
            heads.setdefault(fold(row["head"]), row["label"])
        self.list_heads = Affixes(heads)
        # every occurrence of a head noun, for the first item of a list (重点企业SK海力士)
        self.head_finder = WordMatcher(heads)
        self.industry = Affixes(fold(w) for w in load_words(industry_words))
        self.alias_patterns = (load_alias_notes(alias_patterns),)
        self.legal = Affixes(fold(s) for row in load_jsonl(shapes) if row["label"] == "Company"
                             for s in row.get("suffixes", ()))
        self.generic = GenericWords(fold(w) for w in load_words(generic_words))
        self.stops = load_boundaries(left_boundaries)

    # ------------------------------------------------------------------ 1. select
    @staticmethod
    def _select(candidates: list[Candidate]) -> list[Candidate]:
        chosen: list[Candidate] = []
        taken = bytearray(max((c.end for c in candidates), default=0))
        for cand in sorted(candidates, key=lambda c: (c.start - c.end, -c.priority, c.start)):
            start, end = cand.start, cand.end
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\1" * (end - start)
            chosen.append(cand)
        return sorted(chosen, key=lambda c: c.start)

    # ------------------------------------------------------------------ 2. lists
    def _complete_lists(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        by_span = {(c.start, c.end): c for c in chosen}
        chosen_starts = [c.start for c in chosen]
        chosen_ends = [c.end for c in chosen]  # chosen spans are disjoint and sorted: ends are sorted too
        added: list[Candidate] = []
        heads: list[tuple[int, int, str]] | None = None  # every head noun of the text, found once
        for match in self._lists(text):
            items: list[tuple[int, int]] = []
            position = match.start()
            for piece in match.group().split("、"):
                items.append((position, position + len(piece)))
                position += len(piece) + 1
            # the last item may end in 和/及 + one more item (a list has two items at least)
            last_start, last_end = items[-1]
            for joint in ("以及", "和", "及"):
                at = text.find(joint, last_start, last_end)
                if at > last_start:
                    items[-1] = (last_start, at)
                    items.append((at + len(joint), last_end))
                    break
            head_label = None
            if text.startswith("等", match.end()):
                # the head noun comes right after 等, maybe after a count or modifier (等60余家日本企业)
                tail = self.modifiers.strip_prefixes(_COUNT_PREFIX.sub("", text[match.end() + 1: match.end() + 16]))
                head_label = self.list_heads.prefix_value(tail)
            first_start, first_end = items[0]
            if heads is None:
                heads = self.head_finder.find(text)
                head_starts = [at for at, _, _ in heads]
            in_first = heads[bisect.bisect_left(head_starts, first_start):bisect.bisect_left(head_starts, first_end)]
            if head_label is None and not in_first and not any(
                    c is not None and c.source != "backref" for c in map(by_span.get, items[1:])):
                continue  # no head noun, and no other item known: the list has no type
            # the first item starts after the last boundary word, or after a head noun (重点企业SK海力士)
            cut = first_start
            for stop in self.stops.finditer(text, first_start, first_end):
                cut = max(cut, stop.end())
            # the longest head noun, at its last occurrence, unless inside a name
            last_at: dict[str, int] = {}
            if first_end - cut >= 3:
                for at, end, head in in_first:
                    if at >= cut and end <= first_end:
                        last_at[head] = at
            for head, at in sorted(last_at.items(), key=lambda ha: -len(ha[0])):
                holder = bisect.bisect_right(chosen_starts, at) - 1  # the one chosen span that may hold it
                if first_end - (at + len(head)) >= 2 \
                        and not (holder >= 0 and at + len(head) <= chosen[holder].end):
                    head_label = head_label or self.list_heads.values[head]  # 重点企业SK海力士
                    cut = at + len(head)
                    break
            items[0] = (cut, first_end)
            known = [by_span.get(span) for span in items]
            label = head_label
            if label is None:
                labels: dict[str, int] = {}
                for c in known:
                    if c is not None and c.source != "backref":
                        labels[c.label] = labels.get(c.label, 0) + 1
                if labels:
                    top = max(labels, key=labels.__getitem__)  # the first of equals, as Counter.most_common
                    count = labels[top]
                    if count >= 2 and count * 2 >= len(items):
                        label = top
            if label is None:
                continue
            for (s, e), cand in zip(items, known):
                piece = text[s:e]
                if cand is not None or not _LIST_ITEM.match(piece):
                    continue
                if self.generic.covers(piece) or self.stops.search(piece) \
                        or self.list_heads.longest_suffix(piece) is not None:
                    continue
                inside = chosen[bisect.bisect_right(chosen_ends, s):bisect.bisect_left(chosen_starts, e)]
                # the item wins over a match it continues to the right (电装 → 电装天), not over one
                # it only qualifies (春秋两届广交会 is 广交会) nor over a person
                if any(not (s <= c.start and c.end <= e) or c.label == "Person" or (c.label == label and c.start > s)
                       for c in inside):
                    continue
                added.append(Candidate(s, e, label, piece, "list", priority=5))
        if not added:
            return chosen
        covered = sorted((c.start, c.end) for c in added)  # list items are disjoint
        covered_starts = [s for s, _ in covered]

        def inside_item(c: Candidate) -> bool:
            i = bisect.bisect_right(covered_starts, c.start) - 1
            return i >= 0 and c.end <= covered[i][1]

        kept = [c for c in chosen if not inside_item(c)]
        return sorted(kept + added, key=lambda c: c.start)

    @staticmethod
    def _lists(text: str):
        """``_LIST.finditer(text)``, tried once per enumeration comma.

        The first item of a list is 1 to 14 characters without a break and ends at the
        first 、 after it, so every start from which a list may begin before a given 、
        matches or fails alike: the earliest one is tried.
        """
        position = 0
        while True:
            comma = text.find("、", position)
            if comma < 0:
                return
            # the earliest start whose characters up to the 、 hold no break
            first = _FIRST_ITEM.search(text, max(position, comma - 14), comma + 1)
            match = _LIST.match(text, first.start()) if first is not None else None
            if match is None:
                position = comma + 1
                continue
            yield match
            position = match.end()

    # ------------------------------------------------------------------ 3. name
    def _home(self, entities: dict[EntityKey, _Entity], chosen: list[Candidate]) -> dict[str, _Entity]:
        """The article's home city and province: the Chinese city named most often."""
        counts = Counter(
            EntityKey(c.canonical or c.text, c.label) for c in chosen
            if c.label == "City" and c.entry is not None and c.entry.parent_label == "Region"
            and c.entry.parent.endswith(("省", "自治区"))
        )
        home: dict[str, _Entity] = {}
        if counts:
            city = entities.get(counts.most_common(1)[0][0])
            if city is not None:
                home["City"] = city
                if city.parent is not None:
                    home["Region"] = _Entity(city.parent)
        return home

    def _short_forms(self, entity: _Entity, places: Affixes) -> set[str]:
        """Company short forms: 苏州锦里文化有限公司 → 锦里文化; …汽车玻璃(苏州)有限公司 → 艾杰旭."""
        name = fold(entity.key.name)
        forms: set[str] = set()
        core = name
        suffix = self.legal.longest_suffix(core, min_rest=2)
        if suffix:
            core = core[: -len(suffix)]
        core = _BRACKETED.sub("", core)
        place = places.longest_prefix(core, min_rest=2)
        if place:
            core = core[len(place):]
        if core != name:
            forms.add(core)
        trimmed = core
        word = self.industry.longest_suffix(trimmed, min_rest=2)
        while word:
            trimmed = trimmed[: -len(word)]
            forms.add(trimmed)
            word = self.industry.longest_suffix(trimmed, min_rest=2)
        return {f for f in forms if len(f) >= 2 and not self.generic.covers(f)}

    def __call__(self, doc: Doc) -> Doc:
        raw = doc._.text
        text = doc._.folded
        candidates = doc._.candidates
        chosen = self._select(candidates)
        chosen = self._complete_lists(text, chosen)

        entities: dict[EntityKey, _Entity] = {}
        spans: list[tuple[int, int, EntityKey]] = []
        backrefs: list[Candidate] = []
        home_bodies: list[Candidate] = []
        for index, cand in enumerate(chosen):
            if cand.source == "backref":
                backrefs.append(cand)
                continue
            start = cand.start
            if cand.label == "GovernmentBody" and text[start] in _HOME_PREFIX and cand.entry is None \
                    and cand.source == "shape":
                home_bodies.append(cand)
                continue
            canonical = cand.canonical or "".join(text[start:cand.end].split())
            if cand.label == "Event":
                match = _ORDINAL_BEFORE.search(text, max(0, start - 8), start)
                # (chosen spans are disjoint and sorted: of those before, the last reaches furthest)
                if match and not (index and chosen[index - 1].end > match.start()):
                    start = match.start()  # 第七届 + 进博会 is the seventh one, its own event
                    canonical = "".join(text[start:cand.start].split()) + canonical
            key = EntityKey(canonical, cand.label)
            entity = entities.get(key)
            if entity is None:
                entity = entities[key] = _Entity(key)
            entity.surfaces[raw[start:cand.end]] = None
            entity.surfaces.update(dict.fromkeys(cand.extra_aliases))
            if cand.job_title and not entity.job_title:
                entity.job_title = cand.job_title
            if cand.entry is not None:
                entity.surfaces[cand.entry.canonical] = None
                if cand.entry.parent and entity.parent is None:
                    entity.parent = EntityKey(cand.entry.parent, cand.entry.parent_label or "Country")
            spans.append((start, cand.end, key))

        # 市委, 市商务局: the home city's bodies
        home = self._home(entities, chosen)
        doc._.home.update({label: entity.key for label, entity in home.items()})
        for cand in home_bodies:
            place = home.get(_HOME_PREFIX[text[cand.start]])
            if place is None:
                continue
            place_name = place.key.name
            if place.key.label == "City" and not place_name.endswith("市"):
                place_name += "市"
            key = EntityKey(place_name + text[cand.start + 1:cand.end], "GovernmentBody")
            entity = entities.setdefault(key, _Entity(key, parent=place.key))
            entity.surfaces[cand.text] = None
            spans.append((cand.start, cand.end, key))

        # 我市, 本市: the home city
        if "City" in home:
            city_key = home["City"].key
            for pattern in self._home_alias_patterns:
                for match in pattern.finditer(text):
                    if not any(s < match.end() and match.start() < e for s, e, _ in spans):
                        spans.append((match.start(), match.end(), city_key))

        # X(以下简称“Y”): Y is X
        defined: dict[str, EntityKey] = {}
        for pattern in self.alias_patterns:
            for match in pattern.finditer(text):
                before = [s for s in spans if s[1] == match.start()]
                if before:
                    defined[match.group(1)] = before[0][2]
                    entities[before[0][2]].surfaces[match.group(1)] = None

        # back-references: the latest entity of the same class with the same ending
        ordered = sorted(spans)
        for cand in backrefs:
            ending = text[cand.end - 3:cand.end]
            key = defined.get(text[cand.start:cand.end])
            if key is None:
                earlier = [k for s, e, k in ordered if s < cand.start and k.label == cand.label and k.name.endswith(ending)]
                anywhere = [k for k in entities if k.label == cand.label and k.name.endswith(ending)]
                key = earlier[-1] if earlier else (anywhere[0] if len(set(anywhere)) == 1 else None)
            if key is None:
                continue
            entities[key].surfaces[cand.text] = None
            spans.append((cand.start, cand.end, key))

        # a company or body named with its country in front is known without it too
        for key, entity in entities.items():
            if key.label in ("Company", "Organization") and key.name.startswith(_COUNTRY_PREFIXES) and len(key.name) >= 6:
                entity.surfaces[key.name[2:]] = None

        # 4. further mentions of every name, short form and long-name tail
        places = {text[c.start:c.end] for c in candidates if c.source == "gazetteer" and c.label in _PLACE_LABELS}
        places |= {k.name for k in entities if k.label in _PLACE_LABELS}
        alias_map: dict[str, set[EntityKey]] = {}
        place_prefixes = Affixes(places)
        for key, entity in entities.items():
            forms = {fold(s) for s in entity.surfaces} | {fold(key.name)}
            if key.label == "Company":
                forms |= self._short_forms(entity, place_prefixes)
            for form in forms:
                if len(form) >= 2:
                    alias_map.setdefault(form, set()).add(key)
        listed_ends: dict[int, list[int]] = {}
        for cand in candidates:
            if cand.source == "gazetteer":
                listed_ends.setdefault(cand.start, []).append(cand.end)
        for s, e, key in list(spans):
            if e - s < 8 or key.label not in ("GovernmentBody", "Organization"):
                continue
            for start in range(s, e):
                for end in listed_ends.get(start, ()):
                    tail = text[end:e]
                    if end < e and len(tail) >= 4 and not self.generic.covers(tail):
                        alias_map.setdefault(tail, set()).add(key)
        unique = {form: next(iter(keys)) for form, keys in alias_map.items() if len(keys) == 1}
        if unique:
            taken = bytearray(len(text))
            for s, e, _ in spans:
                taken[s:e] = b"\1" * (e - s)
            found = [(start, end, unique[form]) for start, end, form in WordMatcher(unique, dfa=False).find(text)]
            by_start = {s: (s, e, k) for s, e, k in spans}
            for start, end, key in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
                if taken.find(1, start, end) >= 0:
                    here = by_start.get(start)
                    if here is not None and here[1] >= end:
                        continue  # the very span, or inside a longer one
                    # a longer known name takes over the shorter spans it covers (浙江省贸促会 over
                    # 浙江省 + 贸促会), never a span it only overlaps
                    inside = [by_start[i] for i in range(start, end) if i in by_start and by_start[i][1] <= end]
                    if not inside or sum(sp[1] - sp[0] for sp in inside) != taken.count(1, start, end):
                        continue
                    for sp in inside:
                        spans.remove(sp)
                        del by_start[sp[0]]
                taken[start:end] = b"\1" * (end - start)
                spans.append((start, end, key))
                by_start[start] = (start, end, key)
                entities[key].surfaces[raw[start:end]] = None

        # results on the Doc
        spans.sort()
        make = tuple.__new__  # Mention(...) without its Python-level __new__
        doc._.mentions.extend([make(Mention, (key, s, e, raw[s:e], "")) for s, e, key in spans])
        mentioned = {k for _, _, k in spans}
        records, parents = doc._.entities, doc._.parents
        for key, entity in entities.items():
            if key not in mentioned:
                continue
            aliases = tuple(a for a in entity.surfaces if "".join(a.split()) != key.name)
            records[key] = EntityRecord(key, aliases, entity.job_title)
            if entity.parent is not None:
                parents[key] = entity.parent
        # doc.ents, written as IOB arrays (three times faster than assigning Spans)
        _set_ents(doc, raw, spans)
        return doc


@Language.factory(
    "kg_entities",
    default_config={
        "list_heads": "patterns/list_heads.tsv",
        "industry_words": "patterns/industry_words.txt",
        "alias_patterns": "patterns/aliases.txt",
        "shapes": "patterns/shapes.jsonl",
        "generic_words": "patterns/generic_words.txt",
        "left_boundaries": "patterns/left_boundaries.txt",
        "home_aliases": "patterns/home_aliases.txt",
        "list_modifiers": "patterns/list_modifiers.txt",
    },
    assigns=["doc.ents", "doc._.entities", "doc._.mentions", "doc._.parents", "doc._.home"],
    requires=["doc._.candidates"],
)
def make_entities(nlp: Language, name: str, list_heads: str, industry_words: str, alias_patterns: str,
                  shapes: str, generic_words: str, left_boundaries: str, home_aliases: str,
                  list_modifiers: str) -> EntityResolver:
    return EntityResolver(nlp, name, list_heads=list_heads, industry_words=industry_words,
                          alias_patterns=alias_patterns, shapes=shapes, generic_words=generic_words,
                          left_boundaries=left_boundaries, home_aliases=home_aliases, list_modifiers=list_modifiers)
