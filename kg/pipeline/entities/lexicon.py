"""The words the resolution steps read, loaded once per pipeline."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..affixes import Affixes
from ..data import load_alias_notes, load_boundaries, load_jsonl, load_tsv, load_words
from ...folding import fold
from ..matcher import WordMatcher
from ..rules import reads, rule, stage_cues
from ..shapes import GenericWords

__all__ = ["EntityLexicon", "STAGE", "entity_rule"]

STAGE = "kg_entities"
PHASES = ("chosen", "named", "forms")


def entity_rule(rule_id: str, *, phase: str) -> Callable[[Callable], Callable]:
    """Register a resolution rule of ``kg_entities`` for ``phase``:

    * ``chosen``: ``rule(res) -> None`` on the chosen candidates, before they are named;
    * ``named``: ``rule(res) -> None`` once the entities are named and the home city known;
    * ``forms``: ``rule(res) -> Iterable[(form, key)]``, forms of an entity to find again in the text.
    """
    if phase not in PHASES:
        raise ValueError(f"phase {phase!r} is not one of {PHASES}")
    return rule(rule_id, stage=STAGE, phase=phase)


reads(STAGE, "EntityLexicon", "list_pattern", "list_first_item_pattern", "list_end", "list_example_end", "list_head_not_before", "list_joints",
      "list_inner_name_words",
      "count_prefix_pattern", "list_item_pattern", "event_ordinal_before_pattern", "country_prefixes",
      "home_prefixes", "city_suffix", "province_suffixes", "same_name_rewrites", "local_heads", "home_zones", "list_other_heads",
      "list_trailing_heads", "project_cue_pattern", "list_clause_end", "list_kind_end", "list_place_heads", "list_sectors",
      "list_item_endings", "home_bodies", "home_country", "rank_posts",
      "plain_suffixes", "company_legal_endings", "admin_tails", "delegation_heads")


class EntityLexicon:
    """List heads and modifiers, industry words, alias notes, legal forms, generic and boundary words,
    the endings of one name's long and short forms."""

    def __init__(self, *, list_heads: str, industry_words: str, alias_patterns: str, shapes: str, generic_words: str,
                 left_boundaries: str, home_aliases: str, list_modifiers: str, words: str, same_names: str,
                 legal_forms: str, titles: str) -> None:
        self.words = stage_cues(words, "entities", STAGE)
        # pattern → replacement: 中国国际贸易促进委员会浙江省分会 → 浙江省贸促会
        self.same_name_rewrites = tuple(
            (re.compile(pattern), replacement) for pattern, replacement in self.words["same_name_rewrites"].items())
        self.same_endings = Affixes({fold(row["ending"]): fold(row["same_as"]) for row in load_tsv(same_names)})
        self.jp_legal = Affixes(fold(row["suffix"]) for row in load_tsv(legal_forms))
        self.list_other_heads = tuple(self.words["list_other_heads"])
        self.list_item_endings = tuple(self.words["list_item_endings"])
        self.memo: dict[str, dict] = {}  # what the rules compute once per pipeline (forms of a name)
        self.home_aliases = tuple(fold(w) for w in load_words(home_aliases))
        self.home_alias_patterns = tuple(re.compile(re.escape(word)) for word in self.home_aliases)
        self.modifiers = Affixes(fold(w) for w in load_words(list_modifiers))
        heads: dict[str, str] = {}
        for row in load_tsv(list_heads):
            heads.setdefault(fold(row["head"]), row["label"])
        # every occurrence of a head noun, for the first item of a list (重点企业SK海力士)
        self.head_finder = WordMatcher(heads)
        # heads only after 等 (甲、乙等项目签约: projects named by their firms; not 该项目早建成、早投产)
        for head, label in self.words["list_trailing_heads"].items():
            heads.setdefault(fold(head), label)
        self.list_heads = Affixes(heads)
        self.industry = Affixes(fold(w) for w in load_words(industry_words))
        self.alias_notes = load_alias_notes(alias_patterns)
        self.legal = Affixes(fold(s) for row in load_jsonl(shapes) if row["label"] == "Company"
                             for s in row.get("suffixes", ()))
        # the words that end events' names (论坛, 交流会, 周): what is left before them is what names the event
        self.event_heads = Affixes(fold(s) for row in load_jsonl(shapes) if row["label"] == "Event"
                                   for s in row.get("suffixes", ()))
        self.generic = GenericWords(fold(w) for w in load_words(generic_words))
        # what may describe a list's head noun (等多家知名汽车零部件企业)
        self.list_description = GenericWords([*self.generic.words, *self.industry.values, *self.modifiers.values])
        self.stops = load_boundaries(left_boundaries)
        self.home_prefixes: dict[str, str] = self.words["home_prefixes"]
        self.titles = Affixes(fold(t) for t in load_words(titles))  # 两江新区党工委书记: a post, no name
