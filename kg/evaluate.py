"""``kg eval``: score a graph against gold annotations, exactly as SCHEMA.md's last section says.

Scoring is per document, then summed over documents (micro-averaged). The
graph is read once by :func:`kg.graphread.graph_records`.

**Names.** Names are compared after :func:`kg.rdf.normalize_name` (no white
space; full- and half-width brackets unified). For countries, regions, cities
and districts a trailing 省, 市, 县, 区, 都 or 府 is not significant: two names
also match when they are equal once such a last character is dropped from
each that has one (浙江 matches 浙江省). This holds for a pair of entities when
the gold type, one of the gold ``alt_types`` or the predicted class is one of
those four classes.

**Entities.** The predicted entities of a document are the entities with at
least one ``cj:EntityMention`` derived from it, with the names (label and
alt-labels) and the class (the most specific) that :mod:`kg.graphread` reads.
A predicted and a gold entity are *candidates* when a name of the predicted
one matches the gold name or an alias; a candidate pair is *typed* when the
predicted class is the gold type or one of the ``alt_types``.

**Assignment.** Matching is one to one, decided once per document:

1. typed candidate pairs first: a maximum matching, found gold entity by gold
   entity in the order of the gold file; each tries its candidates in order
   (those whose names match without dropping a suffix first, so that the
   node 京都府 goes to gold 京都府 and 京都 to 京都; then SCHEMA.md's ties: more
   surface forms, i.e. distinct names, then more predicted relations in the
   document, then the smaller IRI), takes the first that is free, and only
   when none is free moves an earlier gold entity to another of its
   candidates (an augmenting path) to make room;
2. then, among the entities still unassigned, the untyped candidate pairs, in
   the same way;
3. for relations only: the gold entities still unassigned are matched, in the
   same way (typed pairs first), to relation ends that have no entity mention
   in the document (a place the gazetteer adds, say), so that such a relation
   can match although its end is not a predicted entity.

A predicted entity left unassigned is spurious, though it has a gold entity's
name (a duplicate node); a gold entity left unassigned is missed; a pair of
step 2 counts for untyped scores only and is listed as mistyped. Typed and
untyped true positives are the pairs of step 1 and of steps 1–2.

**Relations.** The predicted relations of a document are the distinct
triples of its ``cj:RelationMention`` nodes, a symmetric one the same in
either direction. One matches a gold relation when its subject and object are
assigned to the gold subject and object (either way round for symmetric
ones) and the predicate is the same; as the assignment is one to one, so is
this, and the relations of a duplicate node match nothing. A relation whose
mentions in the document all have ``cj:method "gazetteer"`` and that matches
no gold relation is left out of the count of predicted relations.

**Rules.** Every spurious or missed item names a rule (``cj:rule``): a
predicted entity the rules of its mentions in the document, a relation those of
its relation mentions; a missed item the rules of the closest predicted thing
(see :class:`ItemError`), ``—`` where there is none. A mention without
``cj:rule`` counts as rule ``(none)``. :meth:`EvalReport.by_rule` scores each
rule: what it produced, how much of it matched gold (an entity: assigned with
its type) and, for relations, how many gold facts no other rule found; a fact
produced by several rules counts for each.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, NamedTuple

from rdflib import Graph, URIRef

from .errors import GoldFormatError
from .graphread import GraphRecords, graph_records
from .ontology import SYMMETRIC_PROPERTIES
from .rdf import normalize_name

__all__ = [
    "EvalReport",
    "GoldDocument",
    "GoldEntity",
    "GoldRelation",
    "ItemError",
    "NO_RULE",
    "NOTHING_CLOSE",
    "RuleScore",
    "Score",
    "evaluate_graph",
    "evaluate_paths",
    "load_gold",
    "name_keys",
    "parse_gold",
]

log = logging.getLogger(__name__)

#: Classes whose names may end in an insignificant administrative suffix.
SUFFIX_CLASSES: Final = frozenset({"Country", "Region", "City", "District"})
#: The administrative suffixes that are not significant for those classes.
ADMIN_SUFFIXES: Final = frozenset("省市县区都府")
#: How a mention without ``cj:rule`` is shown and counted.
NO_RULE: Final = "(none)"
#: The rule shown for a missed item when no predicted thing comes close.
NOTHING_CLOSE: Final = "—"


# ----------------------------------------------------------------------- gold


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """A gold entity: canonical name and type, and every name and type that is acceptable."""

    name: str
    type: str
    names: frozenset[str]
    types: frozenset[str]


@dataclass(frozen=True, slots=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    document: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]


def load_gold(path: str | Path) -> GoldDocument:
    """Read one gold file; raises :class:`GoldFormatError` naming the file and the problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold annotations ({exc}); it must be a JSON file as in SCHEMA.md") from exc
    return parse_gold(data, source=str(path))


def parse_gold(data: Mapping, *, source: str = "gold data") -> GoldDocument:
    """The gold document that ``data`` (parsed JSON, as in SCHEMA.md) describes.

    Raises :class:`GoldFormatError` naming ``source`` and the problem.

    >>> gold = parse_gold({"document": "a.txt", "entities": [{"name": "浙江省", "type": "Region"}], "relations": []})
    >>> gold.entities[0].names, gold.entities[0].types
    (frozenset({'浙江省'}), frozenset({'Region'}))
    """
    try:
        entities = tuple(
            GoldEntity(
                e["name"], e["type"],
                frozenset(normalize_name(n) for n in [e["name"], *e.get("aliases", [])]),
                frozenset([e["type"], *e.get("alt_types", [])]),
            )
            for e in data["entities"]
        )
        relations = tuple(GoldRelation(r["subject"], r["predicate"], r["object"]) for r in data["relations"])
        document = data["document"]
    except (KeyError, TypeError) as exc:
        raise GoldFormatError(f"{source}: missing field {exc} (expected document, entities[name,type,aliases,alt_types], "
                              "relations[subject,predicate,object])") from exc
    names = {e.name for e in entities}
    for rel in relations:
        for end in (rel.subject, rel.object):
            if end not in names:
                raise GoldFormatError(f"{source}: relation end {end!r} is not the name of an entity in the file")
    return GoldDocument(document, entities, relations)


# --------------------------------------------------------------------- scores


@dataclass
class Score:
    """True positives, predicted and gold counts; P/R/F derive from them."""

    tp_pred: int = 0
    predicted: int = 0
    tp_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp_pred += other.tp_pred
        self.predicted += other.predicted
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "predicted": self.predicted, "gold": self.gold, "tp_pred": self.tp_pred, "tp_gold": self.tp_gold}


class ItemError(NamedTuple):
    """A spurious, missed or mistyped entity or relation, with the rule behind it.

    ``item`` is the entity's name, or ``subject predicate object``; ``detail``
    its class (the gold type for a missed entity, ``predicted (gold X)`` for a
    mistyped one). ``rule`` is what produced it, for a missed item what
    produced the closest predicted thing, named in ``closest``: for a relation,
    the same predicate between nodes of the same names (a duplicate), else the
    same ends with another predicate or direction, else the same predicate and
    one end; for an entity, a predicted entity whose name contains the gold name
    or lies inside it and is at least half as long. ``rule`` is :data:`NOTHING_CLOSE` when nothing is close
    and :data:`NO_RULE` for mentions without ``cj:rule``.
    """

    document: str
    item: str
    detail: str
    rule: str
    closest: str = ""


@dataclass
class RuleScore:
    """What one rule produced (entities or relations) and how much of it matched gold.

    ``alone`` counts the matched relations no other rule produced.
    """

    rule: str
    kind: str
    produced: int = 0
    matched: int = 0
    alone: int = 0

    @property
    def spurious(self) -> int:
        return self.produced - self.matched

    @property
    def precision(self) -> float:
        return self.matched / self.produced if self.produced else 0.0

    def as_dict(self) -> dict[str, float | int | str]:
        found = {"rule": self.rule, "produced": self.produced, "matched": self.matched, "spurious": self.spurious,
                 "precision": round(self.precision, 4)}
        if self.kind == "relation":
            found["alone"] = self.alone
        return found


@dataclass
class EvalReport:
    """Scores overall, per class, per predicate and per rule, with the errors behind them."""

    entities: Score = field(default_factory=Score)
    typed_entities: Score = field(default_factory=Score)
    relations: Score = field(default_factory=Score)
    per_class: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    per_predicate: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    missed_entities: list[ItemError] = field(default_factory=list)
    spurious_entities: list[ItemError] = field(default_factory=list)
    mistyped_entities: list[ItemError] = field(default_factory=list)
    missed_relations: list[ItemError] = field(default_factory=list)
    spurious_relations: list[ItemError] = field(default_factory=list)
    rule_scores: dict[tuple[str, str], RuleScore] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)

    def by_rule(self, kind: str) -> list[RuleScore]:
        """The scores of every rule for ``kind`` (``"relation"`` or ``"entity"``), most spurious first."""
        found = [score for (k, _), score in self.rule_scores.items() if k == kind]
        return sorted(found, key=lambda s: (-s.spurious, -s.produced, s.rule))

    def _rule(self, kind: str, rule: str) -> RuleScore:
        key = (kind, rule)
        if key not in self.rule_scores:
            self.rule_scores[key] = RuleScore(rule, kind)
        return self.rule_scores[key]

    def errors(self) -> dict[str, list[ItemError]]:
        return {"missed_entities": self.missed_entities, "spurious_entities": self.spurious_entities,
                "mistyped_entities": self.mistyped_entities, "missed_relations": self.missed_relations,
                "spurious_relations": self.spurious_relations}

    def as_dict(self, *, errors: bool = False) -> dict:
        """The scores as JSON-ready data; per-rule scores under ``by_rule``, the error lists if ``errors``."""
        data = {
            "documents": self.documents,
            "entities": self.entities.as_dict(),
            "typed_entities": self.typed_entities.as_dict(),
            "relations": self.relations.as_dict(),
            "per_class": {k: v.as_dict() for k, v in sorted(self.per_class.items())},
            "per_predicate": {k: v.as_dict() for k, v in sorted(self.per_predicate.items())},
            "by_rule": {"relations": [s.as_dict() for s in self.by_rule("relation")],
                        "entities": [s.as_dict() for s in self.by_rule("entity")]},
        }
        if errors:
            data["errors"] = {name: [item._asdict() for item in items] for name, items in self.errors().items()}
        return data


# ---------------------------------------------------------------------- names


def name_keys(names: Iterable[str], *, strip_suffix: bool) -> frozenset[str]:
    """The forms in which ``names`` are compared; with ``strip_suffix``, also without a trailing 省市县区都府.

    >>> sorted(name_keys(["浙江省", "浙 江"], strip_suffix=True))
    ['浙江', '浙江省']
    >>> sorted(name_keys(["浙江省"], strip_suffix=False))
    ['浙江省']
    """
    keys = {normalize_name(name) for name in names}
    if strip_suffix:
        keys |= {key[:-1] for key in keys if len(key) > 1 and key[-1] in ADMIN_SUFFIXES}
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class _Side:
    """The names of one entity (predicted or gold) as they are compared."""

    exact: frozenset[str]
    stripped: frozenset[str]
    place: bool

    def matches(self, other: _Side) -> bool:
        if self.exact & other.exact:
            return True
        return (self.place or other.place) and bool(self.stripped & other.stripped)


def _side(names: Iterable[str], classes: Iterable[str | None]) -> _Side:
    names = tuple(names)
    return _Side(name_keys(names, strip_suffix=False), name_keys(names, strip_suffix=True),
                 any(c in SUFFIX_CLASSES for c in classes))


# ----------------------------------------------------------------- assignment


def _assign(golds: Sequence[int], candidates: Mapping[int, Sequence[URIRef]], taken: dict[URIRef, int],
            owner: dict[int, URIRef]) -> None:
    """Extend the matching ``owner`` (gold → predicted; ``taken`` its inverse) to a maximum one.

    Gold entities are taken in the order of ``golds``; each tries its
    ``candidates`` in order, the first free one first, and only then an
    augmenting path that moves an earlier gold entity to another candidate.
    """

    def augment(gold: int, seen: set[URIRef]) -> bool:
        options = candidates.get(gold, ())
        for pred in options:
            if pred not in taken:
                taken[pred], owner[gold] = gold, pred
                return True
        for pred in options:
            if pred in seen:
                continue
            seen.add(pred)
            other = taken[pred]
            if augment(other, seen):
                taken[pred], owner[gold] = gold, pred
                return True
        return False

    for gold in golds:
        if gold not in owner and candidates.get(gold):
            augment(gold, set())


def _rules(rules: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(sorted({rule or NO_RULE for rule in rules}))


def _rule_text(rules: Sequence[str]) -> str:
    return ",".join(rules) if rules else NO_RULE


@dataclass(frozen=True, slots=True)
class _PredRelation:
    key: tuple[URIRef, str, URIRef]  # a symmetric relation's ends in IRI order
    stated: tuple[URIRef, str, URIRef]  # as its first mention states it
    methods: frozenset[str]
    rules: tuple[str, ...]


def _relation_key(subject: URIRef, predicate: str, obj: URIRef) -> tuple[URIRef, str, URIRef]:
    if predicate in SYMMETRIC_PROPERTIES and str(obj) < str(subject):
        return obj, predicate, subject
    return subject, predicate, obj


def _score_document(records: GraphRecords, doc: URIRef | None, gold: GoldDocument, report: EvalReport) -> None:
    entity_mentions = records.entity_mentions_by_document.get(doc, ()) if doc is not None else ()
    relation_mentions = records.relation_mentions_by_document.get(doc, ()) if doc is not None else ()
    entities = records.entities

    def label(iri: URIRef) -> str:
        return entities[iri].label if iri in entities else str(iri)

    def cls(iri: URIRef) -> str | None:
        return entities[iri].cls if iri in entities else None

    # predicted entities and relations of the document
    entity_rules: dict[URIRef, set[str | None]] = defaultdict(set)
    for mention in entity_mentions:
        entity_rules[mention.entity].add(mention.rule)
    predicted = sorted(entity_rules, key=str)
    grouped: dict[tuple[URIRef, str, URIRef], list] = defaultdict(list)
    for mention in relation_mentions:
        grouped[_relation_key(mention.subject, mention.relation, mention.object)].append(mention)
    relations = [_PredRelation(key, ms[0].triple, frozenset(m.method or "pattern" for m in ms), _rules(m.rule for m in ms))
                 for key, ms in sorted(grouped.items(), key=lambda item: tuple(map(str, item[0])))]
    relation_count: dict[URIRef, int] = defaultdict(int)
    for rel in relations:
        relation_count[rel.key[0]] += 1
        if rel.key[2] != rel.key[0]:
            relation_count[rel.key[2]] += 1

    sides: dict[URIRef, _Side] = {}

    def side(iri: URIRef) -> _Side:
        if iri not in sides:
            entity = entities.get(iri)
            sides[iri] = _side(entity.names if entity else (str(iri),), (entity.cls if entity else None,))
        return sides[iri]

    def tie_order(iri: URIRef, gold_side: _Side) -> tuple[bool, int, int, str]:
        return (not side(iri).exact & gold_side.exact, -len(side(iri).exact), -relation_count[iri], str(iri))

    gold_sides = [_side(g.names, g.types) for g in gold.entities]
    golds = range(len(gold.entities))

    def candidates(pool: Sequence[URIRef], typed: bool) -> dict[int, list[URIRef]]:
        found: dict[int, list[URIRef]] = {}
        for i in golds:
            hits = [p for p in pool if side(p).matches(gold_sides[i])
                    and (cls(p) in gold.entities[i].types) == typed]
            found[i] = sorted(hits, key=lambda p: tie_order(p, gold_sides[i]))
        return found

    owner: dict[int, URIRef] = {}
    taken: dict[URIRef, int] = {}
    _assign(golds, candidates(predicted, True), taken, owner)
    typed_pairs = dict(owner)
    _assign(golds, candidates(predicted, False), taken, owner)
    entity_pairs = dict(owner)
    mentioned = set(predicted)
    ends = sorted({end for rel in relations for end in (rel.key[0], rel.key[2]) if end not in mentioned}, key=str)
    _assign(golds, candidates(ends, True), taken, owner)
    _assign(golds, candidates(ends, False), taken, owner)
    assigned = {pred: gold.entities[i].name for i, pred in owner.items()}

    # entity scores
    untyped, typed = Score(gold=len(gold.entities)), Score(gold=len(gold.entities))
    untyped.predicted = typed.predicted = len(predicted)
    untyped.tp_pred = untyped.tp_gold = len(entity_pairs)
    typed.tp_pred = typed.tp_gold = len(typed_pairs)
    report.entities.add(untyped)
    report.typed_entities.add(typed)
    typed_of = {pred: i for i, pred in typed_pairs.items()}
    for pred in predicted:
        name = cls(pred) or "untyped"
        report.per_class[name].predicted += 1
        if pred in typed_of:
            report.per_class[name].tp_pred += 1
        rules = _rules(entity_rules[pred])
        for rule in rules:
            score = report._rule("entity", rule)
            score.produced += 1
            score.matched += pred in typed_of
        if pred not in taken:
            report.spurious_entities.append(ItemError(gold.document, label(pred), name, _rule_text(rules)))
    for i, g in enumerate(gold.entities):
        report.per_class[g.type].gold += 1
        if i in typed_pairs:
            report.per_class[g.type].tp_gold += 1
        elif i in entity_pairs:
            pred = entity_pairs[i]
            report.mistyped_entities.append(ItemError(gold.document, label(pred), f"{cls(pred) or 'untyped'} (gold {g.type})",
                                                      _rule_text(_rules(entity_rules[pred]))))
        else:
            close = _closest_entity(g, predicted, side)
            report.missed_entities.append(ItemError(
                gold.document, g.name, g.type,
                _rule_text(_rules(entity_rules[close])) if close is not None else NOTHING_CLOSE,
                label(close) if close is not None else ""))

    # relations
    gold_index: dict[tuple[str, str, str], int] = {}
    for j, g in enumerate(gold.relations):
        gold_index.setdefault((g.subject, g.predicate, g.object), j)
        if g.predicate in SYMMETRIC_PROPERTIES:
            gold_index.setdefault((g.object, g.predicate, g.subject), j)
    score = Score(gold=len(gold.relations))
    found: set[int] = set()
    for rel in relations:
        s, p, o = rel.key
        hit = gold_index.get((assigned.get(s, ""), p, assigned.get(o, ""))) if s in assigned and o in assigned else None
        if hit is None and rel.methods == {"gazetteer"}:
            continue
        score.predicted += 1
        report.per_predicate[p].predicted += 1
        for rule in rel.rules:
            rule_score = report._rule("relation", rule)
            rule_score.produced += 1
            if hit is not None:
                rule_score.matched += 1
                rule_score.alone += len(rel.rules) == 1
        if hit is not None:
            score.tp_pred += 1
            report.per_predicate[p].tp_pred += 1
            found.add(hit)
        else:
            report.spurious_relations.append(
                ItemError(gold.document, _triple_text(rel.stated, label), p, _rule_text(rel.rules)))
    gold_entity = {g.name: i for i, g in enumerate(gold.entities)}
    for j, g in enumerate(gold.relations):
        report.per_predicate[g.predicate].gold += 1
        if j in found:
            score.tp_gold += 1
            report.per_predicate[g.predicate].tp_gold += 1
            continue
        close = _closest_relation(g, relations, lambda iri, name: side(iri).matches(gold_sides[gold_entity[name]]))
        report.missed_relations.append(ItemError(
            gold.document, f"{g.subject} {g.predicate} {g.object}", g.predicate,
            _rule_text(close.rules) if close is not None else NOTHING_CLOSE,
            _triple_text(close.stated, label) if close is not None else ""))
    report.relations.add(score)


def _triple_text(triple: tuple[URIRef, str, URIRef], label: Callable[[URIRef], str]) -> str:
    return f"{label(triple[0])} {triple[1]} {label(triple[2])}"


def _closest_entity(gold: GoldEntity, predicted: Sequence[URIRef], side: Callable[[URIRef], _Side]) -> URIRef | None:
    """A predicted entity with the gold entity's name (assigned elsewhere), else the longest name inside the gold
    name or containing it, at least half as long as the other."""
    gold_side = _side(gold.names, gold.types)
    best: tuple[int, int, str] | None = None
    found = None
    for pred in predicted:
        names = side(pred).exact
        if side(pred).matches(gold_side):
            rank = (0, 0, str(pred))
        else:
            overlap = max((min(len(a), len(b)) for a in names for b in gold.names
                           if 2 <= 2 * min(len(a), len(b)) >= max(len(a), len(b)) and (a in b or b in a)), default=0)
            if not overlap:
                continue
            rank = (1, -overlap, str(pred))
        if best is None or rank < best:
            best, found = rank, pred
    return found


def _closest_relation(gold: GoldRelation, relations: Sequence[_PredRelation],
                      names: Callable[[URIRef, str], bool]) -> _PredRelation | None:
    """The predicted relation nearest a missed gold relation (see :class:`ItemError`)."""
    best: tuple[int, str] | None = None
    found = None
    for rel in relations:
        s, p, o = rel.key
        forward = names(s, gold.subject) and names(o, gold.object)
        backward = names(s, gold.object) and names(o, gold.subject)
        if p == gold.predicate and (forward or (backward and p in SYMMETRIC_PROPERTIES)):
            tier = 0
        elif forward or backward:
            tier = 1
        elif p == gold.predicate and (names(s, gold.subject) or names(o, gold.object)
                                      or (p in SYMMETRIC_PROPERTIES and (names(s, gold.object) or names(o, gold.subject)))):
            tier = 2
        else:
            continue
        rank = (tier, " ".join(map(str, rel.key)))
        if best is None or rank < best:
            best, found = rank, rel
    return found


# --------------------------------------------------------------------- entry


def evaluate_graph(graph: Graph | GraphRecords, golds: Iterable[GoldDocument]) -> EvalReport:
    """Score ``graph`` (or its :func:`~kg.graphread.graph_records`) against each gold document, found by file name."""
    records = graph if isinstance(graph, GraphRecords) else graph_records(graph)
    report = EvalReport()
    for gold in golds:
        doc = records.documents_by_file.get(gold.document)
        if doc is None:
            log.warning("%s: no document of that name in the graph; it scores zero", gold.document)
        report.documents.append(gold.document)
        _score_document(records, doc, gold, report)
    return report


def evaluate_paths(gold_dir: str | Path, texts: str | Path | None = None, *, graph: Graph | None = None,
                   nlp=None) -> EvalReport:
    """Load every ``*.json`` in ``gold_dir``, build the texts they name (or use ``graph``) and score."""
    gold_dir = Path(gold_dir)
    files = sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else [gold_dir]
    if not files:
        raise GoldFormatError(f"{gold_dir}: no *.json gold files found; point --gold at the folder of annotations")
    golds = [load_gold(f) for f in files]
    if graph is None:
        if texts is None:
            raise GoldFormatError("no graph and no --texts folder given: name the articles the gold files annotate")
        from .build import extract_paths

        texts = Path(texts)
        paths = [texts / g.document for g in golds if (texts / g.document).exists()]
        missing = [g.document for g in golds if not (texts / g.document).exists()]
        for name in missing:
            log.warning("%s: gold file names an article that is not in %s", name, texts)
        graph = extract_paths(paths or [texts], nlp=nlp).graph
    return evaluate_graph(graph, golds)
