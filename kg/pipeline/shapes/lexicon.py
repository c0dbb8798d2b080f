"""The words of the shape rules: suffixes and their rules, boundary and generic words, titles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..affixes import Affixes
from ..data import load_alias_notes, load_boundaries, load_jsonl, load_tsv, load_words
from ...folding import fold
from ..matcher import WordMatcher
from ..rules import reads, stage_cues

__all__ = ["GenericWords", "ShapeLexicon", "ShapeRule", "STAGE", "is_generic"]

STAGE = "kg_shapes"


@dataclass(frozen=True, slots=True)
class ShapeRule:
    """One line of ``patterns/shapes.jsonl``: a class of names and the suffixes (or prefixes) that end (open) them."""

    label: str
    suffixes: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    min_prefix: int = 2
    max_length: int = 30
    needs: str = "any"
    priority: int = 10
    joiners: tuple[str, ...] = ()
    generic_ok: bool = False
    backref: bool = False
    stops: tuple[str, ...] = ()  # words a name of this class never reaches over (对 in 省政府对代表团)
    described_by: tuple[str, ...] = ()  # more words that only describe (needs "named": 经贸 of 经贸机构)
    placed: bool = False  # (needs "named") opened by a place, two countries or a name too (not 民间机构)


def is_generic(prefix: str, generic: frozenset[str], longest: int) -> bool:
    """True if ``prefix`` splits entirely into generic words (so the name is not a name).

    >>> is_generic("日资", frozenset({"日资", "重点"}), 2)
    True
    >>> is_generic("锦里文化", frozenset({"日资"}), 2)
    False
    >>> is_generic("", frozenset(), 1)
    True
    """
    n = len(prefix)
    reachable = [False] * (n + 1)
    reachable[0] = True
    for i in range(n):
        if not reachable[i]:
            continue
        for j in range(i + 1, min(n, i + longest) + 1):
            if prefix[i:j] in generic:
                reachable[j] = True
    return reachable[n]


class GenericWords:
    """Generic words (企业, 日资, 重点…); a phrase made only of them names nothing.

    >>> generic = GenericWords(["日资", "企业"])
    >>> generic.covers("日资企业"), generic.covers("锦里文化"), "企业" in generic
    (True, False, True)
    """

    __slots__ = ("words", "longest", "_memo")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self.longest = max((len(w) for w in self.words), default=1)
        self._memo: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def covers(self, text: str) -> bool:
        """True if ``text`` splits entirely into generic words (remembered: phrases recur)."""
        known = self._memo.get(text)
        if known is None:
            if len(self._memo) >= 100_000:
                self._memo.clear()
            known = self._memo[text] = is_generic(text, self.words, self.longest)
        return known


reads(STAGE, "ShapeLexicon", "brand_lines", "brand_line_followers")
reads(STAGE, "ShapeLexicon", "state_prefixes", "mission_marker", "mission_short_places", "country_pair_pattern", "quantified_pattern", "event_indefinite_pattern", "counters", "locate_cues",
      "conjunctions", "firm_conjunctions", "possessive", "after_title", "event_marker_pattern", "class_nouns", "class_noun_compounds", "backref_openers",
      "admin_endings", "admin_heads", "admin_body_heads", "association_end", "venue_words", "plain_company_suffixes", "bare_trade_suffixes", "ranking_pattern",
      "description_pattern",
      "clause_prepositions", "clause_openers", "preposition_words",
      "suffix_continuations", "project_suffixes", "project_word", "legal_first_tails",
      "event_marker_start_pattern", "event_determiners", "event_not_before", "event_part_suffixes", "place_tails",
      "town_body_words", "town_not_first", "town_suffixes_pattern", "county_suffix", "town_joiners", "town_possessive", "town_not_inside",
      "foreign_city_follow", "foreign_city_not_last", "foreign_city_skip", "foreign_city_follow_words",
      "foreign_city_pattern")


class ShapeLexicon:
    """Everything the shape rules read, loaded once per pipeline."""

    def __init__(self, *, patterns: str, left_boundaries: str, generic_words: str, titles: str, alias_patterns: str,
                 suffix_blockers: str, legal_forms: str, words: str, industry_words: str) -> None:
        self.words = stage_cues(words, "shapes", STAGE)
        w = self.words
        # the words as the rules test them (tuples for startswith/endswith, sets for membership)
        self.state_prefixes: tuple[str, ...] = tuple(w["state_prefixes"])
        self.locate_cues: tuple[str, ...] = tuple(w["locate_cues"])
        self.conjunctions = frozenset(w["conjunctions"])
        self.firm_conjunctions = frozenset(w["firm_conjunctions"])
        self.counters = frozenset(w["counters"])
        self.admin_endings = frozenset(w["admin_endings"])
        self.place_tails: tuple[str, ...] = tuple(w["place_tails"])  # 守口 is a short form of 守口市
        # shape.brand_line: a group's business lines (日立 + 金属), and what may follow the name
        self.brand_lines = Affixes(fold(x) for x in w["brand_lines"])
        self.brand_line_followers: tuple[str, ...] = tuple(sorted((fold(x) for x in w["brand_line_followers"]),
                                                                  key=len, reverse=True))
        self.admin_heads = frozenset(w["admin_heads"])
        self.admin_body_heads = frozenset(w["admin_body_heads"])
        self.backref_openers = frozenset(w["backref_openers"])
        self.event_determiners: tuple[str, ...] = tuple(w["event_determiners"])
        self.event_not_before: tuple[str, ...] = tuple(w["event_not_before"])
        self.event_part_suffixes = frozenset(fold(s) for s in w["event_part_suffixes"])
        self.continuations = {fold(suffix): tuple(words.split("|")) for suffix, words in w["suffix_continuations"].items()}
        self.project_suffixes = frozenset(w["project_suffixes"])
        self.alias_notes = load_alias_notes(alias_patterns)
        self.titles = tuple(sorted({fold(t) for t in load_words(titles)}, key=len, reverse=True))
        self.title_ends = Affixes(self.titles)
        self._titles_by_char: dict[str, tuple[str, ...]] = {}
        self.legal_forms = frozenset(fold(row["suffix"]) for row in load_tsv(legal_forms))
        self.rules = tuple(_shape_rule(row) for row in load_jsonl(patterns))
        self.prefix_patterns = tuple(re.compile(re.escape(prefix)) for rule in self.rules for prefix in rule.prefixes)
        self.by_suffix: dict[str, list[ShapeRule]] = {}
        for rule in self.rules:
            for suffix in rule.suffixes:
                self.by_suffix.setdefault(suffix, []).append(rule)
        self.blockers = frozenset(fold(w) for line in load_words(suffix_blockers) for w in line.split("|") if w)
        self.suffixes = WordMatcher([*self.by_suffix, *self.blockers])
        # the suffixes each pass handles: names after any entity (…办事处) come second
        self.pass_suffixes = {
            entity_pass: frozenset(s for s, rules in self.by_suffix.items()
                                   if any((r.needs == "entity") == entity_pass for r in rules))
            for entity_pass in (False, True)}
        self.stops = load_boundaries(left_boundaries)
        self.generic = GenericWords(fold(w) for w in load_words(generic_words))
        # generic and trade words: a zone named by them alone is a description (智能制造产业园)
        self.descriptive = GenericWords([*self.generic.words, *(fold(w) for w in load_words(industry_words))])
        # a rule's own descriptive words on top (国际商务机构, 日方机构: no names)
        self.rule_descriptive = {rule.described_by: GenericWords([*self.descriptive.words, *rule.described_by])
                                 for rule in self.rules if rule.described_by}
        self.event_suffixes = tuple(sorted(
            (s for r in self.rules if r.label == "Event" for s in r.suffixes if len(s) >= 2), key=len, reverse=True))
        self.event_suffix_matcher = WordMatcher(self.event_suffixes)
        self.event_suffix_rank = {suffix: rank for rank, suffix in reversed(list(enumerate(self.event_suffixes)))}
        # after a quoted title a one-character suffix ends the event too (“童心向世博”绘画作品展), where no
        # common word ends (“一带一路”沿线发展: a blocker)
        self.title_suffixes = tuple(sorted(
            {s for r in self.rules if r.label == "Event" for s in r.suffixes}, key=lambda s: (-len(s), s)))
        self.title_suffix_matcher = WordMatcher(self.title_suffixes)
        self.title_suffix_rank = {suffix: rank for rank, suffix in enumerate(self.title_suffixes)}

    def title_from(self, ch: str) -> tuple[str, ...]:
        """Titles that begin with ``ch`` (局长, 厅长 for 局, 厅), at least two characters long."""
        found = self._titles_by_char.get(ch)
        if found is None:
            found = tuple(t for t in self.titles if t[0] == ch and len(t) >= 2) or ("\x00",)
            self._titles_by_char[ch] = found
        return found

    def ends_name(self, text: str, at: int) -> bool:
        """A boundary word or a title starts at ``at``."""
        match = self.stops.match(text, at)
        return bool(match and match.end() > at) or text.startswith(self.titles, at)

    def suffix_ends(self, text: str) -> dict[int, str]:
        """The longest suffix ending at each position of ``text`` (end index → suffix); none
        where a common word such as 发展 is the longest."""
        longest: dict[int, str] = {}
        for _, end, suffix in self.suffixes.find(text):
            if len(suffix) > len(longest.get(end - 1, "")):
                longest[end - 1] = suffix
        return {end: suffix for end, suffix in longest.items() if suffix not in self.blockers}


def _shape_rule(row: dict) -> ShapeRule:
    return ShapeRule(
        label=row["label"],
        suffixes=tuple(fold(s) for s in row.get("suffixes", ())),
        prefixes=tuple(fold(s) for s in row.get("prefixes", ())),
        min_prefix=int(row.get("min_prefix", 2)),
        max_length=int(row.get("max_length", 30)),
        needs=row.get("needs", "any"),
        priority=int(row.get("priority", 10)),
        joiners=tuple(row.get("joiners", ())),
        generic_ok=bool(row.get("generic_ok", False)),
        backref=bool(row.get("backref", row["label"] in ("Zone", "Event"))),
        stops=tuple(row.get("stops", ())),
        described_by=tuple(fold(w) for w in row.get("described_by", ())),
        placed=bool(row.get("placed", False)),
    )
