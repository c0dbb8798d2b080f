"""``kg_shapes``: names no list holds, found by their shape.

A company ends in 有限公司 or 株式会社, a zone in 高新区 or 示范区, an event in
论坛 or 交流会 (``patterns/shapes.jsonl``). For each suffix in the text the name
reaches left to the last punctuation mark, then starts after the last *left
boundary* (a function word, a cue verb, a count such as 3场; see
``patterns/left_boundaries.txt``) that does not fall inside a listed name. A name
whose prefix is only generic words (日资企业, 交流推介会) is not a name; for events
and zones it is a back-reference, resolved later to the entity it refers to.
Quoted titles (“在东京遇见无锡”城市视觉展) are events too.

Each way of finding names is a rule ``rule(scan: ShapeScan) -> list[Candidate]``,
run in the order the config lists; each sees the candidates of those before it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ..marks import HARD_BOUNDARIES
from ..rules import Rule, resolve_rules
from . import apposition, branches, event, foreign, other, suffix, units  # noqa: F401  (register the rules)
from .lexicon import STAGE, GenericWords, ShapeLexicon, ShapeRule, is_generic
from .scan import ShapeScan

__all__ = ["DEFAULT_RULES", "GenericWords", "HARD_BOUNDARIES", "ShapeRecognizer", "ShapeRule", "ShapeScan", "is_generic"]

DEFAULT_RULES = ["shape.suffix", "shape.quoted_title", "shape.titled_exhibition", "shape.legal_form_first", "shape.suffix_after_name", "shape.posted_unit", "shape.titled_unit",
                 "shape.placed_event", "shape.ordinal_meeting", "shape.named_ceremony", "shape.held_activity", "shape.bare_suffix", "shape.foreign_city",
                 "shape.local_brand", "shape.brand_line", "shape.bracket_branch",
                 "shape.kind_apposition"]


class ShapeRecognizer:
    """Proposes names found by suffix, quoted titles and back-references, by the rules the config lists."""

    def __init__(self, nlp: Language, name: str, *, rules: Iterable[str], patterns: str, left_boundaries: str,
                 generic_words: str, titles: str, alias_patterns: str, suffix_blockers: str, legal_forms: str,
                 words: str, industry_words: str) -> None:
        self.name = name
        self.rules: tuple[Rule, ...] = resolve_rules(rules, STAGE)
        self.lex = ShapeLexicon(patterns=patterns, left_boundaries=left_boundaries, generic_words=generic_words,
                                titles=titles, alias_patterns=alias_patterns, suffix_blockers=suffix_blockers,
                                legal_forms=legal_forms, words=words, industry_words=industry_words)

    def __call__(self, doc: Doc) -> Doc:
        candidates = doc._.candidates
        scan = ShapeScan(doc._.text, doc._.folded, candidates, self.lex, doc._.gazetteer)
        for found in self.rules:
            candidates.extend(found.func(scan))
        return doc


@Language.factory(
    "kg_shapes",
    default_config={
        "rules": DEFAULT_RULES,
        "patterns": "patterns/shapes.jsonl",
        "left_boundaries": "patterns/left_boundaries.txt",
        "generic_words": "patterns/generic_words.txt",
        "titles": "patterns/titles.txt",
        "alias_patterns": "patterns/aliases.txt",
        "suffix_blockers": "patterns/suffix_blockers.txt",
        "legal_forms": "patterns/legal_forms.tsv",
        "words": "patterns/name_cues.json",
        "industry_words": "patterns/industry_words.txt",
    },
    assigns=["doc._.candidates"],
    requires=["doc._.candidates"],
)
def make_shapes(nlp: Language, name: str, rules: list[str], patterns: str, left_boundaries: str, generic_words: str,
                titles: str, alias_patterns: str, suffix_blockers: str, legal_forms: str, words: str,
                industry_words: str) -> ShapeRecognizer:
    return ShapeRecognizer(nlp, name, rules=rules, patterns=patterns, left_boundaries=left_boundaries,
                           generic_words=generic_words, titles=titles, alias_patterns=alias_patterns,
                           suffix_blockers=suffix_blockers, legal_forms=legal_forms, words=words,
                           industry_words=industry_words)
