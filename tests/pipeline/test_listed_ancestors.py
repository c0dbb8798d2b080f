"""``locatedIn.listed_ancestors``, ``heldIn.listed_ancestors``: an entity the text or its name places in a
listed place lies in each place the lists put that one in, and an event held in one is held in each,
where the article names it (method ``gazetteer``)."""

from __future__ import annotations

import pytest

from kg.records import EntityKey, RelationRecord

from .markup import build_doc

GAZETTEER = (
    "surface\tlabel\tcanonical\tparent\tparent_label\tkind\n"
    "吴中区\tDistrict\t吴中区\t苏州\tCity\tfull\n"
    "苏州\tCity\t苏州\t江苏省\tRegion\tshort\n"
    "江苏省\tRegion\t江苏省\t中国\tCountry\tfull\n"
    "中国\tCountry\t中国\t\t\tfull\n"
)


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    from kg.pipeline.gazetteer import load_index

    path = tmp_path_factory.mktemp("gazetteer") / "ancestors.tsv"
    path.write_text(GAZETTEER, encoding="utf-8")
    return load_index((str(path),), 2)


def _stated(doc, subject: tuple[str, str], place: tuple[str, str], method: str = "pattern",
            predicate: str = "locatedIn") -> None:
    """A fact an earlier stage found (位于吴中区的白石电子, 交流会在吴中区举行)."""
    doc._.relations.append(RelationRecord(EntityKey(*subject), predicate, EntityKey(*place), 0, len(doc.text),
                                          doc.text, method, rule="test"))


def _ancestors(nlp, component, gazetteer, markup: str, stated=()) -> set[tuple[str, str, str]]:
    doc = build_doc(nlp, markup)
    doc._.gazetteer = gazetteer
    for fact in stated:
        _stated(doc, *fact)
    component("kg_containment", ("locatedIn.name_start", "locatedIn.listed_ancestors"))(doc)
    return {(r.subject.name, r.object.name, r.method) for r in doc._.relations
            if r.rule == "locatedIn.listed_ancestors"}


@pytest.mark.parametrize(("markup", "stated", "expected"), [
    # a place read off the name: the province and the country the article names
    ("[[苏州:City]白石电子有限公司:Company~]与[江苏省:Region]、[中国:Country]合作。", (),
     {("苏州白石电子有限公司", "江苏省", "gazetteer"), ("苏州白石电子有限公司", "中国", "gazetteer")}),
    # one the article does not name is left out
    ("[[苏州:City]白石电子有限公司:Company~]与[中国:Country]合作。", (),
     {("苏州白石电子有限公司", "中国", "gazetteer")}),
    ("[[苏州:City]白石电子有限公司:Company~]扩产。", (), set()),
    # a place the text gives (位于吴中区的…): up from it, past a city to the province
    ("位于[吴中区:District]的[白石电子:Company~]是[苏州:City]、[江苏省:Region]的重点企业。",
     [(("白石电子", "Company"), ("吴中区", "District"))],
     {("白石电子", "苏州", "gazetteer"), ("白石电子", "江苏省", "gazetteer")}),
    # a town the text puts in a district: the district's city
    ("[苏州:City][吴中区:District][青石镇:District~]招商。",
     [(("青石镇", "District"), ("吴中区", "District"))], {("青石镇", "苏州", "gazetteer")}),
    # nothing climbs from what the lists alone say
    ("[白石电子:Company~]与[吴中区:District]、[苏州:City]合作。",
     [(("白石电子", "Company"), ("吴中区", "District"), "gazetteer")], set()),
    # a place the text already gives is not said again
    ("[白石电子:Company~]位于[苏州:City]、[江苏省:Region]。",
     [(("白石电子", "Company"), ("苏州", "City")), (("白石电子", "Company"), ("江苏省", "Region"))], set()),
])
def test_listed_ancestors(nlp, component, gazetteer, markup, stated, expected):
    assert _ancestors(nlp, component, gazetteer, markup, stated) == expected


@pytest.mark.parametrize(("markup", "stated", "expected"), [
    # held in a district: in its city and province the article names
    ("[白石交流会:Event~]在[吴中区:District]举行，[苏州:City]、[江苏省:Region]企业参加。",
     [(("白石交流会", "Event"), ("吴中区", "District"), "pattern", "heldIn")],
     {("白石交流会", "苏州", "gazetteer"), ("白石交流会", "江苏省", "gazetteer")}),
    ("[白石交流会:Event~]在[吴中区:District]举行。",
     [(("白石交流会", "Event"), ("吴中区", "District"), "pattern", "heldIn")], set()),
    # a place the event only lies near is no place it is held in
    ("[白石交流会:Event~]与[苏州:City]、[江苏省:Region]。",
     [(("白石交流会", "Event"), ("吴中区", "District"), "pattern", "locatedIn")], set()),
])
def test_held_ancestors(nlp, component, gazetteer, markup, stated, expected):
    doc = build_doc(nlp, markup)
    doc._.gazetteer = gazetteer
    for fact in stated:
        _stated(doc, *fact)
    component("kg_containment", ("heldIn.listed_ancestors",))(doc)
    assert {(r.subject.name, r.object.name, r.method) for r in doc._.relations
            if r.rule == "heldIn.listed_ancestors"} == expected
