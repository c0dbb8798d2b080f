"""``kg_entities``: from candidates to entities, mentions and aliases of one document.

1. **Select** non-overlapping candidates, longest first (then by priority).
2. **Complete enumerations** (``entities.list_item``): in 拜访A、B、C等企业 an item no
   stage knew takes the type of the head noun (企业 → Company) or of the other items.
3. **Name** each span: listed names take the list's canonical name; an event takes
   the ordinal or year before it (第六届进博会); then the rules of the ``named``
   phase: 市委 or 市商务局 without a place belong to the article's home city
   (无锡市委), 我市 is the home city, X(以下简称“Y”) makes Y an alias of X, a
   back-reference (示范区, 交流会) joins the entity it refers to.
4. **Find the other mentions**: every form the ``forms`` rules give (names and
   surface forms, short forms of companies such as 苏州锦里文化有限公司 → 锦里文化,
   tails of long names) wherever else it occurs.

Every mention carries the rule that made it: the candidate's (``gazetteer.listed``,
``shape.suffix``, …) or the step's (``entities.backref``, ``entities.alias_short_form``, …).
Steps 1, 3 (naming) and 4 (matching) always run; the rules of each phase run in the
order the config lists them.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ...records import EntityRecord, Mention
from ..rules import Rule, resolve_rules
from . import event_refs, events, further, lists, people, same, senders, steps, zones  # noqa: F401  (register the rules)
from .lexicon import STAGE, EntityLexicon
from .lists import ListScanner
from .resolution import Resolution, find_home, name, select

__all__ = ["DEFAULT_RULES", "EntityResolver", "ListScanner"]

DEFAULT_RULES = [
    "entities.list_item",
    "entities.home_body",
    "entities.home_alias",
    "entities.alias_note",
    "entities.event_short_form",
    "entities.this_event",
    "entities.event_sessions",
    "entities.bracket_alias",
    "entities.backref",
    "entities.delegation_short_form",
    "entities.delegation_sender",
    "entities.department_ministry",
    "entities.home_zone",
    "entities.zone_body",
    "entities.place_abbreviation",
    "entities.without_country",
    "entities.zone_without_place",
    "entities.with_country",
    "entities.same_entity",
    "entities.surname_alone",
    "entities.repeat",
    "entities.alias_short_form",
    "entities.long_name_tail",
    "entities.district_stem",
]


class EntityResolver:
    """Turns ``doc._.candidates`` into ``doc._.entities``, ``doc._.mentions``, ``doc._.home`` and ``doc._.parents``."""

    def __init__(self, nlp: Language, name: str, *, rules: Iterable[str], list_heads: str, industry_words: str,
                 alias_patterns: str, shapes: str, generic_words: str, left_boundaries: str, home_aliases: str,
                 list_modifiers: str, words: str, same_names: str, legal_forms: str, titles: str) -> None:
        self.name = name
        self.rules: tuple[Rule, ...] = resolve_rules(rules, STAGE)
        self.lex = EntityLexicon(list_heads=list_heads, industry_words=industry_words, alias_patterns=alias_patterns,
                                 shapes=shapes, generic_words=generic_words, left_boundaries=left_boundaries,
                                 home_aliases=home_aliases, list_modifiers=list_modifiers, words=words,
                                 same_names=same_names, legal_forms=legal_forms, titles=titles)

    def _phase(self, phase: str) -> list[Rule]:
        return [r for r in self.rules if r.options["phase"] == phase]

    def __call__(self, doc: Doc) -> Doc:
        res = Resolution(doc._.text, doc._.folded, doc._.candidates, self.lex, gazetteer=doc._.gazetteer)
        res.chosen = select(res.candidates)
        for found in self._phase("chosen"):
            found.func(res)
        name(res)
        find_home(res)
        doc._.home.update({label: entity.key for label, entity in res.home.items()})
        for found in self._phase("named"):
            found.func(res)
        further.find_again(res, (form for found in self._phase("forms") for form in found.func(res)))
        _results(doc, res)
        return doc


def _results(doc: Doc, res: Resolution) -> None:
    """The mentions by position, and the entities mentioned with their aliases and parents."""
    raw = res.raw
    res.spans.sort(key=lambda span: span[:3])
    doc._.mentions.extend([Mention(key, s, e, raw[s:e], rule) for s, e, key, rule in res.spans])
    mentioned = {span.key for span in res.spans}
    records, parents = doc._.entities, doc._.parents
    for key, entity in res.entities.items():
        if key not in mentioned:
            continue
        aliases = tuple(a for a in entity.surfaces if "".join(a.split()) != key.name)
        records[key] = EntityRecord(key, aliases, entity.job_title)
        if entity.parent is not None:
            parents[key] = entity.parent


@Language.factory(
    "kg_entities",
    default_config={
        "rules": DEFAULT_RULES,
        "list_heads": "patterns/list_heads.tsv",
        "industry_words": "patterns/industry_words.txt",
        "alias_patterns": "patterns/aliases.txt",
        "shapes": "patterns/shapes.jsonl",
        "generic_words": "patterns/generic_words.txt",
        "left_boundaries": "patterns/left_boundaries.txt",
        "home_aliases": "patterns/home_aliases.txt",
        "list_modifiers": "patterns/list_modifiers.txt",
        "words": "patterns/name_cues.json",
        "same_names": "patterns/same_names.tsv",
        "legal_forms": "patterns/legal_forms.tsv",
        "titles": "patterns/titles.txt",
    },
    assigns=["doc._.entities", "doc._.mentions", "doc._.parents", "doc._.home"],
    requires=["doc._.candidates"],
)
def make_entities(nlp: Language, name: str, rules: list[str], list_heads: str, industry_words: str,
                  alias_patterns: str, shapes: str, generic_words: str, left_boundaries: str, home_aliases: str,
                  list_modifiers: str, words: str, same_names: str, legal_forms: str, titles: str) -> EntityResolver:
    return EntityResolver(nlp, name, rules=rules, list_heads=list_heads, industry_words=industry_words,
                          alias_patterns=alias_patterns, shapes=shapes, generic_words=generic_words,
                          left_boundaries=left_boundaries, home_aliases=home_aliases, list_modifiers=list_modifiers,
                          words=words, same_names=same_names, legal_forms=legal_forms, titles=titles)
