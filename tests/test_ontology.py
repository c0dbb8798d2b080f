"""kg/ontology.ttl defines every term of SCHEMA.md, and kg.ontology is a closed namespace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import OWL

from kg.ontology import CJ, ENTITY_CLASSES, RDF, RDFS, RELATION_PROPERTIES, SCHEMA, SYMMETRIC_PROPERTIES, load_ontology

SCHEMA_MD = Path(__file__).resolve().parents[2] / "shared" / "SCHEMA.md"


@pytest.fixture(scope="module")
def ontology():
    return load_ontology()


def _schema_terms() -> set[str]:
    # every cj:term named in the contract; fall back to our own lists if shared/ is absent
    if SCHEMA_MD.exists():
        return set(re.findall(r"`cj:([A-Za-z]+)`", SCHEMA_MD.read_text(encoding="utf-8")))
    return set(ENTITY_CLASSES) | set(RELATION_PROPERTIES)


def test_every_schema_term_is_defined(ontology):
    terms = _schema_terms() | {"Place", "Document", "EntityMention", "RelationMention", "mentionOf", "evidence",
                               "charStart", "charEnd", "method", "amount", "currency"}
    missing = [t for t in terms if (CJ[t], RDF.type, None) not in ontology]
    assert not missing


@pytest.mark.parametrize("term", sorted(CJ.__annotations__))
def test_each_term_has_english_and_chinese_labels_and_a_comment(ontology, term):
    labels = {label.language for label in ontology.objects(CJ[term], RDFS.label)}
    assert {"en", "zh"} <= labels
    assert ontology.value(CJ[term], RDFS.comment) is not None


def test_symmetric_properties_are_marked(ontology):
    for name in SYMMETRIC_PROPERTIES:
        assert (CJ[name], RDF.type, OWL.SymmetricProperty) in ontology
    assert (CJ.investedIn, RDF.type, OWL.SymmetricProperty) not in ontology


def test_class_hierarchy_and_schema_org_alignment(ontology):
    for place in ("Country", "Region", "City", "District", "Zone"):
        assert (CJ[place], RDFS.subClassOf, CJ.Place) in ontology
    assert (CJ.Company, RDFS.subClassOf, CJ.Organization) in ontology
    assert (CJ.GovernmentBody, RDFS.subClassOf, CJ.Organization) in ontology
    assert (CJ.Person, RDFS.subClassOf, SCHEMA.Person) in ontology
    assert (CJ.Event, RDFS.subClassOf, SCHEMA.Event) in ontology


def test_the_namespace_is_closed():
    with pytest.raises(AttributeError):
        CJ.investedin  # noqa: B018  (a typo must raise, not mint an IRI)


def test_labels_are_literals(ontology):
    assert Literal("投资", lang="zh") in set(ontology.objects(CJ.investedIn, RDFS.label))
