"""``kg_gazetteer``: listed names (places, companies, bodies) found by Aho-Corasick.

Reads the TSV gazetteers named in the config (columns ``surface label
canonical parent parent_label kind``), matches their surface forms in the
folded text (so Japanese kanji forms match too) and proposes every match not
contained in a longer listed match.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .candidates import Candidate, GazetteerEntry
from .data import load_boundaries, load_tsv
from .fold import fold
from .matcher import WordMatcher

__all__ = ["Gazetteer", "GAZETTEER_COLUMNS", "load_entries"]

GAZETTEER_COLUMNS = ("surface", "label", "canonical", "parent", "parent_label", "kind")

#: A listed full name beats a shape guess of the same span; a short form does not.
_PRIORITY = {"full": 30, "alias": 25, "short": 20}


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


#: Words for natural features and streets that make a place's short form part of another name.
_TOPONYM_TAILS = frozenset("湖河江湾岛山路桥")
_ADMIN_LABELS = frozenset({"Region", "City", "District"})  # the places such names are taken from


class Gazetteer:
    """Proposes a :class:`Candidate` for every listed name in the text."""

    def __init__(self, nlp: Language, name: str, *, files: list[str], min_length: int, left_boundaries: str) -> None:
        self.name = name
        self.stops = load_boundaries(left_boundaries)
        self.files = list(files)
        self.min_length = min_length
        self.entries = load_entries(self.files)
        self.matcher = WordMatcher((surface for surface in self.entries if len(surface) >= min_length), dfa=False)

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

    def _bounded(self, text: str, start: int, end: int) -> bool:
        """A county-level city's short form stands alone: punctuation, a boundary word or 市/县 beside it.

        (资兴 in 投资兴业 is no city.)
        """
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        if not ("\u4e00" <= before <= "\u9fff") or not ("\u4e00" <= after <= "\u9fff") or after in "市县":
            return True
        if self.stops.match(text, end):
            return True  # 意味着丰田在中国: a boundary word follows
        return any(m.end() == start for m in self.stops.finditer(text, max(0, start - 4), start))

    def _prefer_named_prefectures(self, resolved: dict[str, GazetteerEntry | None], context: frozenset[str]) -> None:
        """静冈 in an article that writes 静冈县, and never 静冈市, is the prefecture.

        The short form of a prefecture's capital of the same name (静冈, 熊本) is listed as
        the city; a writer who names the prefecture in full abbreviates it the same way.
        Not so for 大阪府 and 京都府 (nor 东京都), metropolitan prefectures named after a
        city that 大阪 and 京都 still mean.
        """
        cities_in_full = {e.canonical for e in resolved.values() if e is not None and e.kind == "full" and e.label == "City"}
        for surface, entry in resolved.items():
            if entry is not None and entry.kind == "short" and entry.label == "City" and entry.parent_label == "Region" \
                    and entry.parent in context and entry.parent == surface + "县" and entry.canonical not in cities_in_full:
                prefecture = self.lookup(entry.parent)
                if prefecture is not None and prefecture.label == "Region":
                    resolved[surface] = prefecture

    def __call__(self, doc: Doc) -> Doc:
        if not len(self.matcher):
            return doc
        raw = doc._.text
        text = doc._.folded
        # every match is kept: the resolver prefers the longest, and names inside names
        # (中国 in 中国国际贸易促进委员会) still say where a body is
        kept = self.matcher.find(text)
        candidates = doc._.candidates
        plain = {surface: self.lookup(surface) for _, _, surface in kept}
        context = frozenset(e.canonical for e in plain.values() if e is not None)
        resolved = {surface: entry if entry is not None else self.lookup(surface, context=context)
                    for surface, entry in plain.items()}
        self._prefer_named_prefectures(resolved, context)
        listed_starts = {start for start, _, _ in kept}
        for start, end, surface in kept:
            entry = resolved[surface]
            if entry is None:
                continue
            if entry.kind == "short" and entry.label in _ADMIN_LABELS and text[end:end + 1] in _TOPONYM_TAILS \
                    and end not in listed_starts:
                continue  # 松山湖, 苏州河, 大阪湾: a lake, a river or a bay named after the place
            if entry.kind == "short" and not self._bounded(text, start, end) and (
                    (entry.label == "City" and entry.parent_label == "City") or (entry.label == "Company" and end - start <= 2)):
                continue  # 资兴 in 投资兴业, 日产 in 中日产业
            candidates.append(
                Candidate(start, end, entry.label, raw[start:end], "gazetteer",
                          priority=_PRIORITY.get(entry.kind, 20), canonical=entry.canonical, entry=entry)
            )
        return doc


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
    },
    assigns=["doc._.candidates"],
)
def make_gazetteer(nlp: Language, name: str, files: list[str], min_length: int, left_boundaries: str) -> Gazetteer:
    return Gazetteer(nlp, name, files=files, min_length=min_length, left_boundaries=left_boundaries)
