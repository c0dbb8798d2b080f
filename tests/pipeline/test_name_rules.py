"""Each rule of the name stages (shapes, people, gazetteer, entities, containment) on hand-built
text: the exact candidates, mentions or facts it makes (see :mod:`tests.pipeline.markup`)."""

from __future__ import annotations

import pytest

from .markup import build_doc

SHAPES = {
    "shape.suffix": [
        ("[苏州:City]锦里文化有限公司与日资企业合作。", {("苏州锦里文化有限公司", "Company", "shape")}),
        ("在[苏州:City]高新区举办的交流会上，该示范区介绍了情况。", {("苏州高新区", "Zone", "shape")}),
        ("第十届亚洲政策论坛在东京举行。", {("第十届亚洲政策论坛", "Event", "shape")}),
        ("《关于支持设立苏州示范区的复函》发布。", set()),  # a book title's words
    ],
    "shape.suffix_after_name": [
        ("[日本贸易振兴机构:Organization]成都代表处开业。", {("日本贸易振兴机构成都代表处", "Organization", "shape")}),
        ("该代表处开业。", set()),
    ],
    "shape.quoted_title": [
        ("参加“中日友好论坛”。", {("中日友好论坛", "Event", "quoted")}),
        ("举办“在东京遇见无锡”城市视觉展。", {("在东京遇见无锡”城市视觉展", "Event", "quoted")}),
        ("他说“很好”。", set()),
    ],
    "shape.legal_form_first": [
        ("株式会社电通表示欢迎。", {("株式会社电通", "Company", "shape")}),
        ("北斗合同会社成立。", set()),
    ],
    "shape.bare_suffix": [
        ("示范区建设加快。", {("示范区", "Zone", "backref")}),
        ("苏州示范区建设加快。", set()),
    ],
}

PEOPLE = {
    "people.title_before_name": [
        ("市委书记杜小刚分别讲话。", {("杜小刚", "Person", "person", "市委书记")}),
        # a body before the title vouches for a name without a listed surname
        ("[无锡日本商会:Organization]会长茂吕周平致辞。", {("茂吕周平", "Person", "person", "会长")}),
        ("记者采访时表示。", set()),
    ],
    "people.name_before_title": [
        ("习近平总书记指出。", {("习近平", "Person", "person", "总书记")}),
        ("市委书记杜小刚指出。", set()),
    ],
    "people.leader_list": [
        ("市领导许峰、周文栋参加活动。", {("许峰", "Person", "person", "市领导"), ("许峰", "Person", "person", "领导"),
                                ("周文栋", "Person", "person", "市领导"), ("周文栋", "Person", "person", "领导")}),
        ("市领导参加活动。", set()),
    ],
    "people.byline": [
        ("苏州与大阪签约。\n（高美梅）", {("高美梅", "Person", "person")}),
        ("苏州与大阪签约。\n洪波摄", {("洪波", "Person", "person")}),
        ("苏州与大阪签约。\n（大阪）", set()),  # no surname
    ],
    "people.leader_cue": [
        ("王建国率青岛市经贸代表团赴日本考察。", {("王建国", "Person", "person")}),
        ("代表团率先抵达。", set()),
    ],
}


def _candidates(nlp, component, stage: str, rule: str, markup: str) -> set[tuple]:
    doc = build_doc(nlp, markup)
    known = len(doc._.candidates)
    component(stage, (rule,))(doc)
    new = doc._.candidates[known:]
    assert all(c.rule == rule for c in new)
    return {(c.text, c.label, c.source, *((c.job_title,) if c.job_title else ())) for c in new}


@pytest.mark.parametrize(("rule", "markup", "expected"),
                         [(rule, markup, expected) for rule, cases in SHAPES.items() for markup, expected in cases])
def test_shape_rule(nlp, component, rule, markup, expected):
    assert _candidates(nlp, component, "kg_shapes", rule, markup) == expected


@pytest.mark.parametrize(("rule", "markup", "expected"),
                         [(rule, markup, expected) for rule, cases in PEOPLE.items() for markup, expected in cases])
def test_people_rule(nlp, component, rule, markup, expected):
    assert _candidates(nlp, component, "kg_people", rule, markup) == expected


@pytest.fixture(scope="module")
def tiny_gazetteer(tmp_path_factory):
    """A gazetteer of its own: 吴中区 in 苏州 in 江苏省 in 中国, 资兴 (a county-level city), 清华."""
    path = tmp_path_factory.mktemp("gazetteer") / "tiny.tsv"
    path.write_text(
        "surface\tlabel\tcanonical\tparent\tparent_label\tkind\n"
        "吴中区\tDistrict\t吴中区\t苏州\tCity\tfull\n"
        "苏州\tCity\t苏州\t江苏省\tRegion\tshort\n"
        "江苏省\tRegion\t江苏省\t中国\tCountry\tfull\n"
        "资兴\tCity\t资兴市\t郴州\tCity\tshort\n"
        "松山\tCity\t松山市\t爱媛县\tRegion\tshort\n"
        "上海\tCity\t上海\t中国\tCountry\tshort\n"
        "中国驻大阪总领事馆\tGovernmentBody\t中国驻大阪总领事馆\t中国\tCountry\tfull\n"
        "清华\tOrganization\t清华大学\t\t\tshort\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("text", "expected"), [
    ("苏州吴中区与清华合作。", {("苏州", "City", "苏州"), ("吴中区", "District", "吴中区"), ("清华", "Organization", "清华大学")}),
    ("投资兴业。", set()),  # 资兴 inside a word is no city
    ("松山湖畔。", set()),  # a lake named after a place
    ("资兴市与松山签约。", {("资兴", "City", "资兴市"), ("松山", "City", "松山市")}),  # 市 after it, 与 before it
])
def test_gazetteer_rule(nlp, tiny_gazetteer, text, expected):
    gazetteer = nlp.create_pipe("kg_gazetteer", config={"files": [tiny_gazetteer]})
    doc = gazetteer(nlp.make_doc(text))
    assert all(c.rule == "gazetteer.listed" for c in doc._.candidates)
    assert {(c.text, c.label, c.canonical) for c in doc._.candidates} == expected


ENTITIES = {
    "entities.list_item": [
        ("拜访了[丰田:Company]、[电装:Company]、爱信精机等企业。", {("爱信精机", "爱信精机", "Company", 9)}),
        ("拜访了[丰田:Company]、[电装:Company]、爱信精机。", {("爱信精机", "爱信精机", "Company", 9)}),
        ("拜访了丰田、电装、爱信精机。", set()),  # no head noun, no item known
    ],
    "entities.home_body": [
        ("[无锡:City>江苏省]与大阪签约。[市委:GovernmentBody~]书记出席。", {("市委", "无锡市委", "GovernmentBody", 8)}),
        ("[市委:GovernmentBody~]书记出席。", set()),  # no home city
    ],
    "entities.home_alias": [
        ("[无锡:City>江苏省]与大阪签约。我市企业参加。", {("我市", "无锡", "City", 8)}),
        ("我市企业参加。", set()),
    ],
    "entities.alias_note": [
        ("[中日(大连)智能制造产业园:Zone](以下简称“产业园”)位于开发区。产业园由双日投资建设。",
         {("产业园", "中日(大连)智能制造产业园", "Zone", 19), ("产业园", "中日(大连)智能制造产业园", "Zone", 30)}),
    ],
    "entities.backref": [
        ("[苏州示范区:Zone~]成立。[示范区:Zone?]建设加快。", {("示范区", "苏州示范区", "Zone", 8)}),
        # the latest one before it
        ("[苏州示范区:Zone~]成立。[无锡示范区:Zone~]成立。[示范区:Zone?]建设加快。", {("示范区", "无锡示范区", "Zone", 16)}),
        ("[代表团:Organization?]访日。", set()),  # nothing to refer to
    ],
    "entities.without_country": [
        ("[中国国际贸易促进委员会:Organization]与国际贸易促进委员会。",
         {("国际贸易促进委员会", "中国国际贸易促进委员会", "Organization", 12)}),
        ("[中国贸促会:Organization]与贸促会。", set()),  # too short a name
    ],
    "entities.repeat": [
        ("[松下电器:Company]扩产。松下电器表示。", {("松下电器", "松下电器", "Company", 7)}),
    ],
    "entities.alias_short_form": [
        ("[[苏州:City]锦里文化有限公司:Company~]成立。锦里文化表示。", {("锦里文化", "苏州锦里文化有限公司", "Company", 13)}),
    ],
    "entities.long_name_tail": [
        ("[[苏州工业园区:Zone]国际合作交流中心:Organization~]成立。国际合作交流中心表示。",
         {("国际合作交流中心", "苏州工业园区国际合作交流中心", "Organization", 17)}),
    ],
}


@pytest.mark.parametrize(("rule", "markup", "expected"),
                         [(rule, markup, expected) for rule, cases in ENTITIES.items() for markup, expected in cases])
def test_entity_rule(nlp, component, rule, markup, expected):
    doc = build_doc(nlp, markup)
    doc._.mentions.clear()  # (the markup's mentions are the resolver's to make)
    doc._.entities.clear()
    # the forms of alias notes and names without their country are found again by entities.repeat
    rules = (rule, "entities.repeat") if rule in ("entities.alias_note", "entities.without_country") else (rule,)
    component("kg_entities", rules)(doc)
    assert {(m.text, m.key.name, m.key.label, m.start) for m in doc._.mentions if m.rule == rule} == expected


CONTAINMENT = {
    "locatedIn.name_posted": [
        ("[[中国:Country]驻[日本:Country]大使馆:GovernmentBody]发表声明。",
         {("中国驻日本大使馆", "日本", "name")}, {("日本", 3)}),
        ("[新华社[东京:City]分社:Organization]报道。", {("新华社东京分社", "东京", "name")}, {("东京", 3)}),
        ("[[山形县:Region][苏州:City]事务所:Organization~]开业。", {("山形县苏州事务所", "苏州", "name")}, {("苏州", 3)}),
        # a short form right after 驻 (the lists know 上海)
        ("[[日本:Country]驻沪总领事馆:GovernmentBody~]举办活动。", {("日本驻沪总领事馆", "上海", "name")}, {("沪", 3)}),
        # posted twice: the office lies where it is posted last
        ("[[日本:Country]驻[沈阳:City]总领事馆常驻[大连:City]办公室:GovernmentBody~]出席。",
         {("日本驻沈阳总领事馆常驻大连办公室", "大连", "name")}, {("沈阳", 3), ("大连", 11)}),
    ],
    "locatedIn.name_start": [
        ("[[苏州:City]市商务局:GovernmentBody]发布通知。", {("苏州市商务局", "苏州", "name")}, {("苏州", 0)}),
        ("[[苏州:City]高新区:Zone~]发布通知。", {("苏州高新区", "苏州", "name")}, {("苏州", 0)}),
        ("[[苏州:City]经贸团:Organization]访日。", set(), {("苏州", 0)}),  # from 苏州, not in it
        ("[[中国:Country]驻[日本:Country]大使馆:GovernmentBody]发表声明。", set(), set()),  # name_posted's
        # the opening place sends the mission, wherever it is posted
        ("[[中国:Country]驻大坂总领事馆:GovernmentBody~]致辞。", set(), set()),
        ("[[驻马店:City]市商务局:GovernmentBody~]发布通知。", {("驻马店市商务局", "驻马店", "name")}, {("驻马店", 0)}),
        # a smaller place in brackets outside the opening one says where the company is
        ("[[日本:Country]松下新能源([苏州:City])有限公司:Company~]扩产。", set(), set()),
        ("[[苏州:City]([日本:Country])动漫中心:Organization~]成立。", {("苏州(日本)动漫中心", "苏州", "name")}, {("苏州", 0)}),
        ("[[中国:Country]([江苏省:Region])自由贸易试验区:Zone~]成立。", {("中国(江苏省)自由贸易试验区", "中国", "name")},
         {("中国", 0)}),
    ],
    "locatedIn.name_zone": [
        ("[[中国(江苏)自由贸易试验区:Zone]苏州片区:Zone]挂牌。",
         {("中国(江苏)自由贸易试验区苏州片区", "中国(江苏)自由贸易试验区", "name")}, {("中国(江苏)自由贸易试验区", 0)}),
        ("[[苏州工业园:Zone]区:Zone]挂牌。", set(), set()),  # no sub-area
    ],
    "locatedIn.name_body_branch": [
        ("[清华[苏州:City]环境创新院:Organization]成立。", {("清华苏州环境创新院", "苏州", "name")}, {("苏州", 2)}),
    ],
    "locatedIn.name_brackets": [
        ("[松下新能源([苏州:City])有限公司:Company]扩产。", {("松下新能源(苏州)有限公司", "苏州", "name")}, {("苏州", 6)}),
        ("[松下新能源[苏州:City]有限公司:Company]扩产。", set(), set()),
        ("[[日本:Country]松下新能源([苏州:City])有限公司:Company~]扩产。", {("日本松下新能源(苏州)有限公司", "苏州", "name")},
         {("苏州", 8)}),
        ("[[苏州:City]([日本:Country])动漫中心:Organization~]成立。", set(), set()),
    ],
    "locatedIn.legal_form": [
        ("[北斗合同会社:Company]成立。", {("北斗合同会社", "日本", "name")}, set()),
        ("[株式会社电通:Company]成立。", {("株式会社电通", "日本", "name")}, set()),
        ("[北斗有限公司:Company]成立。", set(), set()),
    ],
    "containment.leading_place": [
        ("[[中国:Country]驻[日本:Country]大使馆:GovernmentBody]发表声明。", set(), {("中国", 0)}),
        ("[[中国:Country]驻大坂总领事馆:GovernmentBody~]致辞。", set(), {("中国", 0)}),
        ("[[苏州:City]市商务局:GovernmentBody]发布通知。", set(), set()),  # name_start's
        ("[[日本:Country]松下新能源([苏州:City])有限公司:Company~]扩产。", set(), {("日本", 0)}),
    ],
    "locatedIn.gazetteer_parent": [
        ("[吴中区:District]发布通知。", {("吴中区", "苏州", "gazetteer"), ("吴中区", "江苏省", "gazetteer"),
                                   ("吴中区", "中国", "gazetteer")}, set()),
        ("[丰田:Company]发布通知。", set(), set()),
        # a mission lies where it is posted, not in the country the lists give it
        ("[中国驻大阪总领事馆:GovernmentBody]致辞。", set(), set()),
    ],
    "locatedIn.home_prefix": [
        ("[省花卉协会:Organization~]与[市工商联:Organization~]出席。",
         {("省花卉协会", "江西省", "name"), ("市工商联", "南昌", "name")}, set(), {"home": "南昌", "province": "江西省"}),
        ("[省花卉协会:Organization~]出席。", set(), set()),  # no home province
        ("[省[苏州:City]商会:Organization~]出席。", set(), set(), {"province": "江西省"}),  # it names its place
    ],
}


@pytest.mark.parametrize(("rule", "markup", "facts", "nested", "context"), [
    (rule, markup, facts, nested, context) for rule, cases in CONTAINMENT.items()
    for markup, facts, nested, *more in cases for context in [more[0] if more else {}]])
def test_containment_rule(nlp, component, tiny_gazetteer, rule, markup, facts, nested, context):
    from kg.pipeline.gazetteer import load_index

    doc = build_doc(nlp, markup, **context)
    doc._.gazetteer = load_index((tiny_gazetteer,), 2)
    known = len(doc._.mentions)
    component("kg_containment", (rule,))(doc)
    assert {(r.subject.name, r.object.name, r.method) for r in doc._.relations if r.rule == rule} == facts
    assert all(m.rule == rule for m in doc._.mentions[known:])
    assert {(m.text, m.start) for m in doc._.mentions[known:]} == nested


def test_every_name_rule_has_cases(nlp):
    from kg.pipeline.rules import registered

    tested = {*SHAPES, *PEOPLE, *ENTITIES, *CONTAINMENT, "gazetteer.listed"}
    stages = ("kg_shapes", "kg_people", "kg_gazetteer", "kg_entities", "kg_containment")
    assert {r.id for r in registered() if r.stage in stages} == tested
