"""``kg eval``: score a graph against gold annotations (SCHEMA.md, last section).

Scoring is per document and summed (micro-averaged):

* a predicted entity is one with at least one ``cj:EntityMention`` in the document;
  it matches a gold entity when one of its labels (``rdfs:label`` or
  ``skos:altLabel``) equals the gold name or an alias, after removing white space
  and unifying full- and half-width brackets; typed, its class must also be the
  gold type or one of the gold ``alt_types``;
* a predicted relation is one with at least one ``cj:RelationMention`` in the
  document; it matches when both ends match and the predicate is the same (either
  direction for symmetric ones). A relation found only by ``cj:method "gazetteer"``
  that matches no gold relation is left out of the predicted count.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from .errors import GoldFormatError
from .ontology import CJ, ENTITY_CLASSES, PROV, RDF, RDFS, RELATION_PROPERTIES, SKOS, SYMMETRIC_PROPERTIES
from .rdf import normalize_name

__all__ = ["EvalReport", "GoldDocument", "Score", "evaluate_graph", "load_gold", "evaluate_paths"]

log = logging.getLogger(__name__)

_CLASS_NAMES = {iri: name for name, iri in ENTITY_CLASSES.items()}
_PREDICATE_NAMES = {iri: name for name, iri in RELATION_PROPERTIES.items()}


@dataclass(frozen=True, slots=True)
class GoldEntity:
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


@dataclass
class EvalReport:
    """Scores overall, per class and per predicate, with the errors behind them."""

    entities: Score = field(default_factory=Score)
    typed_entities: Score = field(default_factory=Score)
    relations: Score = field(default_factory=Score)
    per_class: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    per_predicate: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    missed_entities: list[tuple[str, str, str]] = field(default_factory=list)
    spurious_entities: list[tuple[str, str, str]] = field(default_factory=list)
    mistyped_entities: list[tuple[str, str, str, str]] = field(default_factory=list)
    missed_relations: list[tuple[str, str, str, str]] = field(default_factory=list)
    spurious_relations: list[tuple[str, str, str, str]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "entities": self.entities.as_dict(),
            "typed_entities": self.typed_entities.as_dict(),
            "relations": self.relations.as_dict(),
            "per_class": {k: v.as_dict() for k, v in sorted(self.per_class.items())},
            "per_predicate": {k: v.as_dict() for k, v in sorted(self.per_predicate.items())},
        }


def _norm(name: str) -> str:
    return normalize_name(name)


def load_gold(path: str | Path) -> GoldDocument:
    """Read one gold file; raises :class:`GoldFormatError` naming the file and the problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold annotations ({exc}); it must be a JSON file as in SCHEMA.md") from exc
    try:
        entities = tuple(
            GoldEntity(
                e["name"], e["type"],
                frozenset(_norm(n) for n in [e["name"], *e.get("aliases", [])]),
                frozenset([e["type"], *e.get("alt_types", [])]),
            )
            for e in data["entities"]
        )
        relations = tuple(GoldRelation(r["subject"], r["predicate"], r["object"]) for r in data["relations"])
        document = data["document"]
    except (KeyError, TypeError) as exc:
        raise GoldFormatError(f"{path}: missing field {exc} (expected document, entities[name,type,aliases,alt_types], relations[subject,predicate,object])") from exc
    names = {e.name for e in entities}
    for rel in relations:
        for end in (rel.subject, rel.object):
            if end not in names:
                raise GoldFormatError(f"{path}: relation end {end!r} is not the name of an entity in the file")
    return GoldDocument(document, entities, relations)


@dataclass(frozen=True, slots=True)
class _Predicted:
    iri: URIRef
    label: str
    names: frozenset[str]
    types: frozenset[str]


def _documents_by_file(graph: Graph) -> dict[str, URIRef]:
    return {str(name): doc for doc, name in graph.subject_objects(CJ.fileName)}


def _predicted_entities(graph: Graph, doc: URIRef) -> dict[URIRef, _Predicted]:
    found: dict[URIRef, _Predicted] = {}
    for mention in graph.subjects(PROV.wasDerivedFrom, doc):
        if (mention, RDF.type, CJ.EntityMention) not in graph:
            continue
        entity = graph.value(mention, CJ.mentionOf)
        if entity is None or entity in found:
            continue
        names = {_norm(str(o)) for o in graph.objects(entity, RDFS.label)}
        names |= {_norm(str(o)) for o in graph.objects(entity, SKOS.altLabel)}
        types = frozenset(_CLASS_NAMES[t] for t in graph.objects(entity, RDF.type) if t in _CLASS_NAMES)
        label = str(graph.value(entity, RDFS.label) or entity)
        found[entity] = _Predicted(entity, label, frozenset(names), types)
    return found


def _predicted_relations(graph: Graph, doc: URIRef) -> dict[tuple[URIRef, str, URIRef], set[str]]:
    found: dict[tuple[URIRef, str, URIRef], set[str]] = defaultdict(set)
    for node in graph.subjects(PROV.wasDerivedFrom, doc):
        if (node, RDF.type, CJ.RelationMention) not in graph:
            continue
        predicate = graph.value(node, RDF.predicate)
        if predicate not in _PREDICATE_NAMES:
            continue
        key = (graph.value(node, RDF.subject), _PREDICATE_NAMES[predicate], graph.value(node, RDF.object))
        found[key].add(str(graph.value(node, CJ.method) or "pattern"))
    return found


def _score_document(graph: Graph, doc: URIRef, gold: GoldDocument, report: EvalReport) -> None:
    predicted = _predicted_entities(graph, doc)

    def matches(p: _Predicted, g: GoldEntity) -> bool:
        return bool(p.names & g.names)

    # entities, untyped and typed
    untyped, typed = Score(gold=len(gold.entities)), Score(gold=len(gold.entities))
    untyped.predicted = typed.predicted = len(predicted)
    gold_to_pred: dict[str, list[_Predicted]] = {g.name: [p for p in predicted.values() if matches(p, g)] for g in gold.entities}
    for p in predicted.values():
        hits = [g for g in gold.entities if matches(p, g)]
        if hits:
            untyped.tp_pred += 1
        else:
            report.spurious_entities.append((gold.document, p.label, "/".join(sorted(p.types))))
        if any(p.types & g.types for g in hits):
            typed.tp_pred += 1
        elif hits:
            report.mistyped_entities.append((gold.document, p.label, "/".join(sorted(p.types)), hits[0].type))
        for t in p.types:
            report.per_class[t].predicted += 1
            if any(t in g.types for g in hits):
                report.per_class[t].tp_pred += 1
    for g in gold.entities:
        preds = gold_to_pred[g.name]
        report.per_class[g.type].gold += 1
        if preds:
            untyped.tp_gold += 1
        else:
            report.missed_entities.append((gold.document, g.name, g.type))
        if any(p.types & g.types for p in preds):
            typed.tp_gold += 1
            report.per_class[g.type].tp_gold += 1
    report.entities.add(untyped)
    report.typed_entities.add(typed)

    # relations
    gold_entities = {g.name: g for g in gold.entities}
    rel_predicted = _predicted_relations(graph, doc)
    entity_names: dict[URIRef, frozenset[str]] = {}

    def names_of(iri: URIRef) -> frozenset[str]:
        if iri not in entity_names:
            names = {_norm(str(o)) for o in graph.objects(iri, RDFS.label)}
            names |= {_norm(str(o)) for o in graph.objects(iri, SKOS.altLabel)}
            entity_names[iri] = frozenset(names)
        return entity_names[iri]

    def rel_matches(key: tuple[URIRef, str, URIRef], g: GoldRelation) -> bool:
        s, p, o = key
        if p != g.predicate:
            return False
        gs, go = gold_entities[g.subject].names, gold_entities[g.object].names
        if names_of(s) & gs and names_of(o) & go:
            return True
        return p in SYMMETRIC_PROPERTIES and bool(names_of(s) & go and names_of(o) & gs)

    score = Score(gold=len(gold.relations))
    for key, methods in rel_predicted.items():
        hits = [g for g in gold.relations if rel_matches(key, g)]
        if not hits and methods == {"gazetteer"}:
            continue
        score.predicted += 1
        report.per_predicate[key[1]].predicted += 1
        if hits:
            score.tp_pred += 1
            report.per_predicate[key[1]].tp_pred += 1
        else:
            s_label = str(graph.value(key[0], RDFS.label))
            o_label = str(graph.value(key[2], RDFS.label))
            report.spurious_relations.append((gold.document, s_label, key[1], o_label))
    for g in gold.relations:
        report.per_predicate[g.predicate].gold += 1
        if any(rel_matches(key, g) for key in rel_predicted):
            score.tp_gold += 1
            report.per_predicate[g.predicate].tp_gold += 1
        else:
            report.missed_relations.append((gold.document, g.subject, g.predicate, g.object))
    report.relations.add(score)


def evaluate_graph(graph: Graph, golds: Iterable[GoldDocument]) -> EvalReport:
    """Score ``graph`` against each gold document (found by its file name)."""
    report = EvalReport()
    docs = _documents_by_file(graph)
    for gold in golds:
        doc = docs.get(gold.document)
        if doc is None:
            log.warning("%s: no document of that name in the graph; it scores zero", gold.document)
            doc = URIRef("urn:cjkg:missing")
        report.documents.append(gold.document)
        _score_document(graph, doc, gold, report)
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
