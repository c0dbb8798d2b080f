"""``kg_gazetteer``: listed names (places, companies, bodies) found by Aho-Corasick.

Reads the TSV gazetteers named in the config (columns ``surface label
canonical parent parent_label kind``), matches their surface forms in the
folded text (so Japanese kanji forms match too) and proposes every match not
contained in a longer listed match.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..records import EntityKey
from .candidates import Candidate, GazetteerEntry
from .data import load_boundaries, load_tsv
from ..folding import fold
from .marks import inside_latin_word
from .matcher import WordMatcher
from .rules import reads, resolve_rules, rule, stage_cues
from .place_support import inside_word as _inside_word, level_in_list, placed as _placed, prefer_named_levels

__all__ = ["Gazetteer", "GazetteerIndex", "GAZETTEER_COLUMNS", "load_entries", "load_index"]

GAZETTEER_COLUMNS = ("surface", "label", "canonical", "parent", "parent_label", "kind")

#: A listed full name beats a shape guess of the same span; a short form does not.
_PRIORITY = {"full": 30, "alias": 25, "short": 20}


def _priority(entry: GazetteerEntry) -> int:
    """Which of two overlapping listed names of one length wins: a full name over a short form; of
    short forms, a province's over a city's over a county-level city's (山西 in 人文山西, not 文山;
    合肥 in 合肥城市, not 肥城; a district's bare name last)."""
    priority = _PRIORITY.get(entry.kind, 20)
    if entry.kind == "short" and entry.label in _ADMIN_LABELS:
        priority += {"Region": 1, "City": -2 if entry.parent_label == "City" else 0, "District": -3}.get(entry.label, 0)
    return priority


def load_entries(files: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
    """Surface form → entries, from every file (later files add to earlier ones)."""
    entries: dict[str, list[GazetteerEntry]] = {}
    for path in files:
        for row in load_tsv(path, columns=GAZETTEER_COLUMNS):
            surface = fold(row["surface"])
            entry = GazetteerEntry(surface, row["label"], row["canonical"], row["parent"], row["parent_label"], row["kind"] or "full")
            bucket = entries.setdefault(surface, [])
            if entry not in bucket:
                bucket.append(entry)
    return entries


_ADMIN_LABELS = frozenset({"Region", "City", "District"})  # the places such names are taken from
#: Bodies whose two-character short forms count only standing alone where they open with 日 or 中
#: (日经 in 对日经贸, 中共 in 危机中共育新机), not so 东盟 in 对东盟进出口.
_BODY_LABELS = frozenset({"Organization", "GovernmentBody"})


class GazetteerIndex:
    """The listed names of the gazetteer files: lookup by surface form, parents, a matcher.

    Loaded once per file list; the ``kg_gazetteer`` component puts it on every Doc it
    matches (``doc._.gazetteer``), so later stages can ask what the lists know.
    """

    def __init__(self, files: Iterable[str], *, min_length: int) -> None:
        self.files = tuple(files)
        self.entries = load_entries(self.files)
        self.matcher = WordMatcher((surface for surface in self.entries if len(surface) >= min_length), dfa=False)
        self._parents: dict[tuple[str, str], EntityKey] | None = None

    def lookup(self, surface: str, *, context: frozenset[str] = frozenset()) -> GazetteerEntry | None:
        """The entry a surface form stands for, or ``None`` if unlisted or ambiguous.

        ``context`` holds the canonical names of the other places in the article: 南沙区
        is Guangzhou's where the article names 广州, Sansha's where it names 三沙.
        """
        bucket = self.entries.get(fold(surface))
        if not bucket:
            return None
        if len(bucket) == 1:
            return bucket[0]
        full = [e for e in bucket if e.kind == "full"]
        if len({(e.label, e.canonical) for e in full}) == 1:
            return full[0]
        placed = [e for e in (full or bucket) if e.parent and e.parent in context]
        if len({(e.label, e.canonical) for e in placed}) == 1:
            return placed[0]
        return None

    def parent(self, key: EntityKey) -> EntityKey | None:
        """The place the lists put a listed entity in (the first entry with a parent)."""
        if self._parents is None:
            parents: dict[tuple[str, str], EntityKey] = {}
            for bucket in self.entries.values():
                for entry in bucket:
                    known = (entry.canonical, entry.label)
                    if entry.parent and known not in parents:
                        parents[known] = EntityKey(entry.parent, entry.parent_label or "Country")
            self._parents = parents
        return self._parents.get((key.name, key.label))

    def opening(self, name: str, labels: frozenset[str]) -> set[int]:
        """Ends of the listed names of ``labels`` that open ``name`` (清华 in 清华苏州环境创新院)."""
        ends: set[int] = set()
        for start, end, surface in self.matcher.find(name):
            entry = self.lookup(surface) if start == 0 else None
            if entry is not None and entry.label in labels:
                ends.add(end)
        return ends


@lru_cache(maxsize=8)
def load_index(files: tuple[str, ...], min_length: int) -> GazetteerIndex:
    """The index of ``files`` (loaded once per process for each file list)."""
    return GazetteerIndex(files, min_length=min_length)


STAGE = "kg_gazetteer"
DEFAULT_RULES = ["gazetteer.listed"]
reads(STAGE, "Gazetteer", "toponym_tails", "standalone_after", "division_tails", "city_word", "prefecture_suffix", "capital_suffix", "prefecture_list_pattern", "outlet_site_word", "outlet_endings", "country_chars",
      "division_word", "division_word_not", "people_word", "city_before", "government_classes")


class Gazetteer:
    """Proposes a :class:`Candidate` for every listed name in the text (rule ``gazetteer.listed``)."""

    def __init__(self, nlp: Language, name: str, *, rules: Iterable[str], files: list[str], min_length: int,
                 left_boundaries: str, words: str) -> None:
        self.name = name
        self.rules = resolve_rules(rules, STAGE)
        self.stops = load_boundaries(left_boundaries)
        self.index = load_index(tuple(files), min_length)
        self.lookup = self.index.lookup  # see GazetteerIndex.lookup
        extra = stage_cues(words, "gazetteer", STAGE)
        self.toponym_tails = frozenset(extra["toponym_tails"])
        self.standalone_after = frozenset(extra["standalone_after"])
        self.division_tails = frozenset(extra["division_tails"])
        self.city_word: str = extra["city_word"]
        self.prefecture_suffix: str = extra["prefecture_suffix"]
        self.capital_suffix: str = extra["capital_suffix"]
        self.prefecture_list = extra["prefecture_list_pattern"]
        self.outlet_site_word: str = extra["outlet_site_word"]
        self.outlet_endings = tuple(extra["outlet_endings"])
        self.country_chars = frozenset(extra["country_chars"])
        self.division_word: str = extra["division_word"]
        self.division_word_not: str = extra["division_word_not"]
        self.people_word: str = extra["people_word"]
        self.government_classes: tuple[str, ...] = tuple(extra["government_classes"])
        self.city_before = frozenset(extra["city_before"])  # 驻 (驻大阪总领事馆: a city after it stands alone)

    def bounded(self, text: str, start: int, end: int) -> bool:
        """A county-level city's short form stands alone: punctuation, a boundary word or 市/县 beside it.

        (资兴 in 投资兴业 is no city.)
        """
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        if not is_ideograph(before) or not is_ideograph(after) or after in self.standalone_after:
            return True
        if self.stops.match(text, end):
            return True  # 意味着丰田在中国: a boundary word follows
        return any(m.end() == start for m in self.stops.finditer(text, max(0, start - 4), start))

    def after_city(self, text: str, start: int, parent: str) -> bool:
        """The name follows its city's (广州花都, 佛山市顺德)."""
        return bool(parent) and any(text.endswith(parent + tail, 0, start) for tail in ("", *self.standalone_after))

    def opens(self, text: str, start: int, parent: str) -> bool:
        """A district's bare name starts a word: after punctuation, a boundary word or its city (广州花都)."""
        if not start or not is_ideograph(text[start - 1]):
            return True
        if self.after_city(text, start, parent):
            return True
        return any(m.end() == start for m in self.stops.finditer(text, max(0, start - 4), start))

    def __call__(self, doc: Doc) -> Doc:
        doc._.gazetteer = self.index
        candidates = doc._.candidates
        for found in self.rules:
            candidates.extend(found.func(self, doc._.text, doc._.folded))
        return doc


def is_ideograph(ch: str) -> bool:
    """A CJK unified ideograph of the basic block.

    >>> is_ideograph("资"), is_ideograph("1")
    (True, False)
    """
    return "\u4e00" <= ch <= "\u9fff"


@rule("gazetteer.listed", stage=STAGE)
def listed(gazetteer: Gazetteer, raw: str, text: str) -> list[Candidate]:
    """Every listed name in the text, as the lists resolve it in the article's context (苏州, 松下电器,
    南沙区 of 广州 where the article names 广州), but no short form inside a word (资兴 in 投资兴业)."""
    index = gazetteer.index
    if not len(index.matcher):
        return []
    # every match is kept: the resolver prefers the longest, and names inside names
    # (中国 in 中国国际贸易促进委员会) still say where a body is
    kept = index.matcher.find(text)
    lookup = index.lookup
    plain = {surface: lookup(surface) for _, _, surface in kept}
    context = frozenset(e.canonical for e in plain.values() if e is not None)
    resolved = {surface: entry if entry is not None else lookup(surface, context=context)
                for surface, entry in plain.items()}
    prefer_named_levels(gazetteer, resolved, context)
    listed_starts = {start for start, _, _ in kept}
    place_ends = {end for _, end, surface in kept
                  if resolved[surface] is not None and resolved[surface].label in _ADMIN_LABELS}  # 江苏常熟
    found = []
    for start, end, surface in kept:
        entry = resolved[surface]
        if entry is None:
            continue
        if inside_latin_word(text, start, end):
            continue  # JT in JTB (a travel agency), not Japan Tobacco: a Latin name is a whole word
        entry = level_in_list(gazetteer, text, end, surface, entry)
        if entry.label == "Country" and (text.startswith(gazetteer.people_word, end) or text.startswith(
                gazetteer.division_word, end) and not text.startswith(gazetteer.division_word_not, end)):
            continue  # 中国区总部: a company's China division; 蒙古族: a people; no mention of the country
        if entry.label == "GovernmentBody" and text.startswith(gazetteer.government_classes, end):
            continue  # 日本政府部门, 中国政府机构: a class of bodies, no mention of the government
        if entry.kind == "short" and entry.label in _ADMIN_LABELS and text[end:end + 1] in gazetteer.toponym_tails \
                and end not in listed_starts:
            continue  # 松山湖, 苏州河, 大阪湾: a lake, a river or a bay named after the place
        if entry.kind == "short" and not gazetteer.bounded(text, start, end) and (
                (entry.label == "City" and entry.parent_label == "City")
                or (entry.label == "District" and not gazetteer.after_city(text, start, entry.parent))
                or (entry.label == "Company" and end - start <= 2)
                or (entry.label in _BODY_LABELS and end - start <= 2 and text[start] in gazetteer.country_chars)):
            continue  # 资兴 in 投资兴业, 花都 in 繁花都市, 日产 in 中日产业, 日经 in 对日经贸, 中共 in 危机中共育新机
        if entry.kind == "short" and entry.label == "District" and not (
                _placed(index, entry, context) and gazetteer.opens(text, start, entry.parent)
                and text[end:end + 1] not in gazetteer.division_tails):  # 吴中 in 吴中区: the full name is there
            continue  # 博山 in 在博山投资 where the article names 淄博; not 金山 in 旧金山, 玉田 in 日本玉田工业
        if entry.kind == "short" and entry.label == "City" and entry.parent_label == "City" \
                and start not in place_ends and not gazetteer.opens(text, start, entry.parent):
            continue  # a county-level city's short form starts a word: not 台山 in 五台山, 肥城 in 合肥城市
        if entry.kind == "short" and entry.label == "City" and entry.parent_label == "Region" \
                and _inside_word(gazetteer, text, start, end, entry, context, place_ends, kept):
            continue  # 大同 in 扩大同吉林的合作: a city neither its province nor another mention supports
        if text.endswith(gazetteer.city_word, 0, end) and any(
                s2 < start < e2 < end and resolved[w] is not None and resolved[w].label in _ADMIN_LABELS
                for s2, e2, w in kept):
            continue  # 合肥城市 is 合肥 and 城市 (city), not 肥城市
        end, entry = _outlet_site(gazetteer, text, start, end, entry, kept)
        found.append(Candidate(start, end, entry.label, raw[start:end], "gazetteer", priority=_priority(entry),
                               canonical=entry.canonical, entry=entry, rule="gazetteer.listed"))
    return found


def _outlet_site(gazetteer: Gazetteer, text: str, start: int, end: int, entry: GazetteerEntry,
                 kept: list[tuple[int, int, str]]) -> tuple[int, GazetteerEntry]:
    """A listed newspaper right before 网 is named with it: its website, the outlet of the report
    (据湖北日报网报道 → 湖北日报网), unless the lists hold that name too."""
    site = gazetteer.outlet_site_word
    if entry.label != "Organization" or not entry.canonical.endswith(gazetteer.outlet_endings) \
            or not text.startswith(site, end) or any(s == start and e > end for s, e, _ in kept):
        return end, entry
    return end + len(site), replace(entry, surface=entry.surface + site, canonical=entry.canonical + site,
                                    kind="full")


@Language.factory(
    "kg_gazetteer",
    default_config={
        "files": [
            "gazetteers/countries.tsv",
            "gazetteers/regions.tsv",
            "gazetteers/cn_admin.tsv",
            "gazetteers/jp_admin.tsv",
            "gazetteers/zones.tsv",
            "gazetteers/companies.tsv",
            "gazetteers/organizations.tsv",
            "patterns/events.tsv",
        ],
        "min_length": 2,
        "left_boundaries": "patterns/left_boundaries.txt",
        "rules": DEFAULT_RULES,
        "words": "patterns/name_cues.json",
    },
    assigns=["doc._.candidates", "doc._.gazetteer"],
)
def make_gazetteer(nlp: Language, name: str, files: list[str], min_length: int, left_boundaries: str,
                   rules: list[str], words: str) -> Gazetteer:
    return Gazetteer(nlp, name, rules=rules, files=files, min_length=min_length, left_boundaries=left_boundaries,
                     words=words)
