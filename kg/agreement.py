"""How far two annotators agree: one folder of gold files scored as another's predictions.

A second annotator's files (the SCHEMA.md gold format, the same file names) are read as if an
extractor had produced them, one entity node per annotated entity with its canonical name as
label, its aliases as alt-labels and its first type as class, one mention per entity and one
relation mention per relation, and then scored by :func:`kg.evaluate.evaluate_graph`, so the
figures mean exactly what ``kg eval``'s figures mean (one-to-one matching, its tie rule, places'
administrative suffixes not significant). Agreement is not symmetric in precision and recall:
swapping the folders swaps them, F1 stays.

>>> first = parse_gold({"document": "a.txt", "entities": [
...     {"name": "无锡", "type": "City"}, {"name": "明石市", "type": "City"}],
...     "relations": [{"subject": "无锡", "predicate": "sisterCityOf", "object": "明石市"}]})
>>> second = parse_gold({"document": "a.txt", "entities": [
...     {"name": "无锡市", "type": "City"}, {"name": "明石", "type": "City"}], "relations": []})
>>> report = evaluate_graph(annotation_records([second]), [first])
>>> report.typed_entities.f1, report.relations.recall
(1.0, 0.0)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from rdflib import URIRef

from .errors import GoldFormatError
from .evaluate import EvalReport, GoldDocument, evaluate_graph, load_gold, parse_gold
from .graphread import Entity, EntityMention, GraphRecords, RelationMention

__all__ = ["agreement_paths", "annotation_records"]

log = logging.getLogger(__name__)

RULE = "annotation"
"""The rule id every mention read from an annotation file carries (``--by-rule`` shows it)."""

_BASE = "urn:cjkg:annotation:"


def annotation_records(documents: Iterable[GoldDocument]) -> GraphRecords:
    """The graph records an extractor would have produced had it written exactly ``documents``."""
    entities: dict[URIRef, Entity] = {}
    entity_mentions: list[EntityMention] = []
    relation_mentions: list[RelationMention] = []
    files: dict[URIRef, str] = {}
    for gold in documents:
        stem = f"{_BASE}{quote(gold.document, safe='')}"
        doc = URIRef(stem)
        files[doc] = gold.document
        node: dict[str, URIRef] = {}
        for i, entity in enumerate(gold.entities):
            iri = URIRef(f"{stem}/entity/{i}")
            node[entity.name] = iri
            aliases = tuple(sorted(entity.names - {entity.name}))
            entities[iri] = Entity(iri, entity.name, entity.type, aliases, mentions=1)
            entity_mentions.append(EntityMention(URIRef(f"{stem}/mention/{i}"), iri, (doc,), entity.name, rule=RULE))
        for j, rel in enumerate(gold.relations):
            relation_mentions.append(RelationMention(
                URIRef(f"{stem}/relation/{j}"), node[rel.subject], rel.predicate, node[rel.object],
                (doc,), (gold.document,), "", method="pattern", rule=RULE))
    triples = tuple(dict.fromkeys(m.triple for m in relation_mentions))
    return GraphRecords(entities, triples, tuple(relation_mentions), tuple(entity_mentions), (), files)


def agreement_paths(gold_dir: str | Path, other_dir: str | Path) -> EvalReport:
    """Score the annotation files in ``other_dir`` against those of the same name in ``gold_dir``.

    Only documents both folders annotate are scored; a file in one folder alone is logged.
    Raises :class:`GoldFormatError` when a file cannot be read or the folders share no file.
    """
    gold_dir, other_dir = Path(gold_dir), Path(other_dir)
    golds = {path.name: path for path in _gold_files(gold_dir)}
    others = {path.name: path for path in _gold_files(other_dir)}
    shared = sorted(golds.keys() & others.keys())
    if not shared:
        raise GoldFormatError(f"{other_dir}: no annotation file has the same name as one in {gold_dir}; "
                              "name the second annotator's files as the first's (the gold file of a.txt is a.json)")
    for name in sorted(golds.keys() - others.keys()):
        log.warning("%s: only in %s, not scored", name, gold_dir)
    for name in sorted(others.keys() - golds.keys()):
        log.warning("%s: only in %s, not scored", name, other_dir)
    first = [load_gold(golds[name]) for name in shared]
    second = [load_gold(others[name]) for name in shared]
    for a, b, name in zip(first, second, shared):
        if a.document != b.document:
            raise GoldFormatError(f"{other_dir / name}: annotates {b.document!r} but {gold_dir / name} annotates "
                                  f"{a.document!r}; the two files must annotate the same article")
    return evaluate_graph(annotation_records(second), first)


def _gold_files(path: Path) -> list[Path]:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise GoldFormatError(f"{path}: no *.json annotation files found; point at a folder of gold files")
    return files
