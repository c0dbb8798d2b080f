"""The ``kg_relations`` component: runs the relation rules over the sentences, in config order."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ...records import StatisticRecord
from ..people.bylines import BYLINE_PEOPLE
from ..rules import Rule, resolve_rules
from ..view import DocView
from .base import STAGE, Discourse, Fact, Sentence
from .classes import in_domain
from .lexicon import Occurrences, RelationLexicon
from .pairs import named_here, pair_of
from .visit import FAMILIES as _VISITS
from .visit import frames

__all__ = ["DEFAULT_RULES", "RelationExtractor"]

#: The relation rules, in the order they run on each sentence (the first to state a fact
#: in a sentence names it); document rules run once, after the sentences.
DEFAULT_RULES = [
    "affiliatedWith.company_pronoun",
    "affiliatedWith.title_before_name",
    "affiliatedWith.diplomat",
    "affiliatedWith.diplomat_after_name",
    "affiliatedWith.diplomat_country",
    "affiliatedWith.premier_country",
    "affiliatedWith.post_chain",
    "affiliatedWith.home_leader",
    "affiliatedWith.governor_government",
    "affiliatedWith.title_after_name",
    "affiliatedWith.home_leader_after",
    "affiliatedWith.pronoun_body",
    "affiliatedWith.visited_hosts",
    "affiliatedWith.holds_post",
    "affiliatedWith.list_continues",
    "affiliatedWith.byline",
    "affiliatedWith.body_representative",
    "affiliatedWith.school_member",
    "affiliatedWith.speaks_for",
    "affiliatedWith.parent_body",
    "affiliatedWith.group_leader",
    "participatedIn.attendees",
    "participatedIn.attendee_bodies",
    "participatedIn.pair_places",
    "participatedIn.place_delegates",
    "participatedIn.subject_bodies",
    "participatedIn.speakers",
    "participatedIn.signers",
    "participatedIn.signing_bodies",
    "participatedIn.deal_makers",
    "participatedIn.viewers",
    "participatedIn.presenters",
    "organizedBy.hosts",
    "organizedBy.host_verb",
    "organizedBy.host_nouns",
    "organizedBy.pair_pronoun",
    "heldIn.at_place",
    "heldIn.visit_place",
    "heldIn.venue_halls",
    "heldIn.within_event",
    "visited.pronoun",
    "visited.named_visitor",
    "visited.delegation_origin",
    "visited.leader",
    "visited.members",
    "visited.carried_visitor",
    "visited.incoming",
    "visited.host_body",
    "visited.received",
    "visited.during",
    "visited.event_abroad",
    "visited.mutual",
    "visited.bound_for",
    "organizedBy.visitors",
    "organizedBy.delegation_sender",
    "cooperatesWith.partner_noun",
    "sisterCityOf.pair",
    "sisterCityOf.copula",
    "sisterCityOf.possessive",
    "sisterCityOf.pair_pronoun",
    "sisterCityOf.event_name",
    "sisterCityOf.apposition",
    "sisterCityOf.relative",
    "cooperatesWith.pair",
    "cooperatesWith.leader_company",
    "signedWith.pair",
    "signedWith.signatories",
    "cooperatesWith.pair_pronoun",
    "signedWith.pair_pronoun",
    "signedWith.pronoun_sides",
    "signedWith.agreement_title",
    "signedWith.bilateral",
    "visited.signed_abroad",
    "cooperatesWith.transitive",
    "cooperatesWith.toward",
    "cooperatesWith.bilateral",
    "cooperatesWith.meeting_sides",
    "cooperatesWith.dash_pair",
    "investedIn.foreign_capital",
    "investedIn.foreign_firms",
    "investedIn.firms_in_place",
    "investedIn.listed_firms",
    "investedIn.signed_projects",
    "investedIn.listed_settled",
    "investedIn.hosted_firms",
    "investedIn.capital_kind",
    "investedIn.relative_clause",
    "investedIn.facility_in_place",
    "investedIn.plant_in_place",
    "investedIn.opens_facility",
    "investedIn.company_settles",
    "investedIn.source_country",
    "investedIn.parent_company",
    "investedIn.agreement",
    "investedIn.is_investor_of",
    "investedIn.preposition",
    "investedIn.founders",
    "investedIn.direct_object",
    "investedIn.subsidiary",
    "investedIn.in_place",
    "investedIn.project_in_place",
    "investedIn.plant_places",
    "investedIn.pair_places",
    "investedIn.venture_site",
    "established.investors",
    "established.by_founders",
    "established.founder_before",
    "established.built_by",
    "established.pair_pronoun",
    "established.branch_owner",
    "investedIn.company_founders",
    "locatedIn.set_up_in",
    "locatedIn.opened_in",
    "locatedIn.settled",
    "locatedIn.place_firms",
    "locatedIn.first_firm",
    "locatedIn.founder_place",
    "locatedIn.cue",
    "locatedIn.adjacent_places",
    "locatedIn.place_before_body",
    "locatedIn.list_place",
    "locatedIn.country_list",
    "locatedIn.country_kind",
    "statistic.measure",
    "heldIn.event_name",
    "organizedBy.event_name",
    "organizedBy.body_event_name",
    "heldIn.trip",
    "heldIn.host_place",
    "established.brand_subsidiary",
]

_PERSON = "@Person"
_EVENT = "@Event"
_PAIRED = frozenset({"cooperate", "sign", "sister"})


class RelationExtractor:
    """Finds the relations of SCHEMA.md between the mentions of each sentence, rule by rule."""

    def __init__(self, nlp: Language, name: str, *, rules: Iterable[str], cues: str, titles: str, professions: str,
                 heads: str, alias_patterns: str, surnames: dict[str, str] | None = None) -> None:
        self.name = name
        self.rules: tuple[Rule, ...] = resolve_rules(rules, STAGE)
        self.lex = RelationLexicon(cues=cues, titles=titles, professions=professions, heads=heads,
                                   alias_patterns=alias_patterns, surnames=surnames)
        self.lex.check()
        self._sentence_rules = [r for r in self.rules if r.options.get("scope") == "sentence"]
        self._document_rules = [r for r in self.rules if r.options.get("scope") == "document"]
        self._active: dict[frozenset[str], tuple[Rule, ...]] = {}

    def _rules_for(self, present: frozenset[str]) -> tuple[Rule, ...]:
        """The sentence rules whose gate ``present`` opens (the cue families and persons of a sentence)."""
        active = self._active.get(present)
        if active is None:
            if len(self._active) > 4096:
                self._active.clear()
            active = self._active[present] = tuple(
                r for r in self._sentence_rules if r.options["gate"] is None or not present.isdisjoint(r.options["gate"]))
        return active

    def __call__(self, doc: Doc) -> Doc:
        view: DocView = doc._.view
        lex = self.lex
        cues = view.memo(lex.cue_words, lambda: Occurrences(lex.cue_words, view.folded, view.mentions))
        discourse = Discourse()
        for index, (start, end) in enumerate(view.sentences):
            if index and view.paragraph_of[index] != view.paragraph_of[index - 1]:
                discourse.visitors = None
            sentence = Sentence(view, lex, cues, discourse, index, start, end)
            present = cues.families_in(start, end)
            if sentence.people:
                present.add(_PERSON)
            if any(m.key.label == "Event" for m in sentence.mentions):
                present.add(_EVENT)
            for rule in self._rules_for(frozenset(present)):
                for fact in rule.func(sentence):
                    if isinstance(fact, Fact):
                        if not in_domain(fact.predicate, fact.subject.label, fact.object.label):
                            continue  # (a class SCHEMA.md does not allow there)
                        sentence.proposed.append(fact)
                        view.add(*fact, rule=rule.id)
                    else:
                        _record(view, None, fact, rule.id)
            _carry(sentence, discourse, present)
        for rule in self._document_rules:
            for fact in rule.func(view, lex):
                _record(view, None, fact, rule.id)
        return doc


def _record(view: DocView, sentence: Sentence | None, fact: Fact | StatisticRecord, rule_id: str) -> None:
    if isinstance(fact, StatisticRecord):  # the evidence quotes the original text, as a relation's does
        view.statistics.append(dataclasses.replace(fact, rule=rule_id, evidence=view.text[fact.start:fact.end]))
        return
    if sentence is not None:
        sentence.proposed.append(fact)
    view.add(fact.subject, fact.predicate, fact.object, fact.at, method=fact.method, money=fact.money,
             date=fact.date, job_title=fact.job_title, rule=rule_id)


def _carry(sentence: Sentence, discourse: Discourse, present: set[str]) -> None:
    """What the sentence passes on: its last person, its topic, who visits, the pair it names.

    (Visits need a visit cue, pairs a cue of cooperation, signing or twinning.)
    """
    people = [m for _, m in sentence.people if m.rule not in BYLINE_PEOPLE]  # (a credit names no one of the story)
    if people:
        discourse.person = people[-1].key
    if sentence.topic is not None:
        discourse.topic = sentence.topic
    visits = frames(sentence) if not present.isdisjoint(_VISITS) else None
    if visits:
        outgoing = [v for v in visits if v.kind == "cue" and v.subjects]
        if outgoing:
            last = outgoing[-1]
            discourse.visitors = discourse.trip = [key for key, found in last.subjects
                                                   if key not in last.companions and found != "home"]
        discourse.travellers.update(key for v in visits for key, _ in v.subjects)
    if not present.isdisjoint(_PAIRED) and named_here(sentence):
        discourse.pair = pair_of(sentence)


@Language.factory(
    "kg_relations",
    default_config={
        "rules": DEFAULT_RULES,
        "cues": "patterns/relation_cues.json",
        "titles": "patterns/titles.txt",
        "professions": "patterns/professions.txt",
        "heads": "patterns/leader_heads.txt",
        "alias_patterns": "patterns/aliases.txt",
        "surnames": {"cn": "gazetteers/surnames_cn.txt", "jp": "gazetteers/surnames_jp.txt"},
    },
    assigns=["doc._.relations", "doc._.statistics", "doc._.entities"],
    requires=["doc._.sentences", "doc._.candidates", "doc._.mentions", "doc._.entities", "doc._.home",
              "doc._.money", "doc._.dates"],
)
def make_relations(nlp: Language, name: str, rules: list[str], cues: str, titles: str, professions: str, heads: str,
                   alias_patterns: str, surnames: dict[str, str]) -> RelationExtractor:
    return RelationExtractor(nlp, name, rules=rules, cues=cues, titles=titles, professions=professions, heads=heads,
                             alias_patterns=alias_patterns, surnames=surnames)
