"""Relations, one cue family at a time, on sentences that are not in the seeds."""

from __future__ import annotations

from decimal import Decimal

import pytest


def relations(nlp, text: str, *, date: str | None = None) -> set[tuple[str, str, str]]:
    doc = nlp.make_doc(text)
    doc._.document_date = date
    return {(r.subject.name, r.predicate, r.object.name) for r in nlp(doc)._.relations}


def records(nlp, text: str):
    return nlp(text)._.relations


def stated(nlp, text: str, method: str = "pattern") -> set[tuple[str, str, str, str]]:
    """(subject, predicate, object, rule) of the relations found by ``method``."""
    return {(r.subject.name, r.predicate, r.object.name, r.rule) for r in nlp(text)._.relations if r.method == method}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # affiliatedWith: ORG + title + PERSON, chains, home city leaders
        ("大连日本商工会会长藤本一郎出席。", {("藤本一郎", "affiliatedWith", "大连日本商工会", "affiliatedWith.title_before_name")}),
        ("沈阳日本商工会会长、欧姆龙(沈阳)有限公司总经理山田太郎致辞。", {
            ("山田太郎", "affiliatedWith", "欧姆龙(沈阳)有限公司", "affiliatedWith.title_before_name"),
            ("山田太郎", "affiliatedWith", "沈阳日本商工会", "affiliatedWith.post_chain")}),
        ("青岛市与日本企业洽谈。青岛市代表团访日。市长赵明出席。", {
            ("赵明", "affiliatedWith", "青岛", "affiliatedWith.home_leader"),
            ("青岛市代表团", "visited", "日本", "visited.named_visitor"),  # 访日: 日 is 日本
            ("青岛", "visited", "日本", "visited.delegation_origin")}),
        # participatedIn
        ("2024中日经贸洽谈会在大连举行。大连市副市长李强、日本贸易振兴机构理事田中一郎分别致辞。", {
            ("2024中日经贸洽谈会", "heldIn", "大连", "heldIn.at_place"),
            ("李强", "affiliatedWith", "大连", "affiliatedWith.title_before_name"),
            ("李强", "participatedIn", "2024中日经贸洽谈会", "participatedIn.attendees"),
            ("田中一郎", "affiliatedWith", "日本贸易振兴机构", "affiliatedWith.title_before_name"),
            ("田中一郎", "participatedIn", "2024中日经贸洽谈会", "participatedIn.attendees")}),
        # heldIn and organizedBy
        ("由大连市政府和日本贸易振兴机构共同主办的第三届中日产业合作论坛在大连举行。", {
            ("第三届中日产业合作论坛", "heldIn", "大连", "heldIn.at_place"),
            ("第三届中日产业合作论坛", "organizedBy", "大连市政府", "organizedBy.hosts"),
            ("第三届中日产业合作论坛", "organizedBy", "日本贸易振兴机构", "organizedBy.hosts")}),
        ("交流会由成都市商务局和日本中国商会共同主办。2023成都日本经贸交流会在东京举行。", {
            ("2023成都日本经贸交流会", "heldIn", "东京", "heldIn.at_place"),
            ("2023成都日本经贸交流会", "organizedBy", "成都市商务局", "organizedBy.hosts"),
            ("2023成都日本经贸交流会", "organizedBy", "日本中国商会", "organizedBy.hosts")}),
        # visited, with the subject carried across clauses
        ("沈阳市经贸代表团赴日本访问，先后来到横滨、名古屋，拜访了丰田、电装等企业。", {
            ("沈阳市经贸代表团", "visited", "日本", "visited.named_visitor"),
            ("沈阳", "visited", "日本", "visited.delegation_origin"),
            *{(visitor, "visited", place, "visited.carried_visitor")
              for visitor in ("沈阳市经贸代表团", "沈阳") for place in ("横滨", "名古屋", "丰田", "电装")}}),
        ("王建国率青岛市经贸代表团赴日本考察。", {
            ("王建国", "visited", "日本", "visited.named_visitor"),
            ("青岛市经贸代表团", "visited", "日本", "visited.named_visitor"),
            ("青岛", "visited", "日本", "visited.delegation_origin")}),
        # cooperatesWith, signedWith
        ("大连港集团与商船三井签署战略合作协议。", {
            ("大连港集团", "cooperatesWith", "商船三井", "cooperatesWith.pair"),
            ("大连港集团", "signedWith", "商船三井", "signedWith.pair")}),
        ("日本、韩国是青岛重要的经贸合作伙伴。", {
            ("日本", "cooperatesWith", "青岛", "cooperatesWith.partner_noun"),
            ("韩国", "cooperatesWith", "青岛", "cooperatesWith.partner_noun")}),
        # sisterCityOf
        ("1979年，大连市与北九州市缔结友好城市。", {("大连", "sisterCityOf", "北九州", "sisterCityOf.pair")}),
        # investedIn, established
        ("日本旭荣化工株式会社将投资1.5亿美元，在宁波设立旭荣(宁波)新材料有限公司。", {
            ("旭荣化工株式会社", "investedIn", "旭荣(宁波)新材料有限公司", "investedIn.founders"),
            ("旭荣化工株式会社", "established", "旭荣(宁波)新材料有限公司", "established.investors"),
            ("旭荣化工株式会社", "investedIn", "宁波", "investedIn.in_place"),
            ("旭荣(宁波)新材料有限公司", "locatedIn", "宁波", "locatedIn.set_up_in")}),
        ("日本丸森食品株式会社将在长春新区投资3.5亿元。", {("丸森食品株式会社", "investedIn", "长春新区", "investedIn.preposition")}),
        ("中日(大连)智能制造产业园(以下简称“产业园”)位于开发区。产业园由大连经济技术开发区管委会与双日株式会社共同投资建设。", {
            *{(investor, predicate, "中日(大连)智能制造产业园", rule) for investor in ("大连经济技术开发区管委会", "双日")
              for predicate, rule in (("investedIn", "investedIn.founders"), ("established", "established.investors"))},
            ("大连经济技术开发区管委会", "cooperatesWith", "双日", "cooperatesWith.pair")}),  # 共同投资
        # locatedIn: cue, adjacency
        ("位于沈阳经济技术开发区的华晨宝马汽车有限公司扩产。",
         {("华晨宝马汽车有限公司", "locatedIn", "沈阳经济技术开发区", "locatedIn.cue")}),
        ("辽宁沈阳迎来日资项目。", {("沈阳", "locatedIn", "辽宁省", "locatedIn.adjacent_places")}),
    ],
)
def test_relation_families(nlp, text, expected):
    assert stated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("欧姆龙(沈阳)有限公司扩产。", {("欧姆龙(沈阳)有限公司", "locatedIn", "沈阳", "locatedIn.name_brackets")}),
        ("新华社大阪分社报道。", {("新华社大阪分社", "locatedIn", "大阪", "locatedIn.name_posted")}),
        ("当地企业设立北斗合同会社。", {("北斗合同会社", "locatedIn", "日本", "locatedIn.legal_form")}),
        # a city in brackets after its own province says which part holds it, not where it is held
        ("2024宁波(东京)投资合作推介会举行。", {("2024宁波(东京)投资合作推介会", "heldIn", "东京", "heldIn.event_name"),
                                      ("2024宁波(东京)投资合作推介会", "organizedBy", "宁波", "organizedBy.event_name")}),
        ("2024浙江省(温州市)·日本经贸交流会举行。", set()),
    ],
)
def test_places_read_off_names(nlp, text, expected):
    assert stated(nlp, text, method="name") == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("双方与日本企业签约12个项目。", "signedWith"),  # 日本 only modifies 企业
        ("在大连举办的经贸合作交流会上，双方交流。", "cooperatesWith"),  # 合作 inside an event's name
        ("著名指挥家小泽征二的作品在大阪演出。", "affiliatedWith"),  # a profession is not a post
    ],
)
def test_no_relation_from_cues_that_do_not_apply(nlp, text, absent):
    assert not any(p == absent for _, p, _ in relations(nlp, text))


def test_money_and_dates_ride_on_the_investment(nlp):
    found = [r for r in records(nlp, "2023年5月，大连华信计算机技术股份有限公司投资8489万美元设立北斗合同会社。") if r.predicate == "investedIn"]
    assert found
    assert found[0].money.amount == Decimal("84890000") and found[0].money.currency == "USD"
    assert found[0].date.value == "2023-05" and found[0].date.precision == "gYearMonth"


def test_amounts_are_distributed_over_the_targets_in_order(nlp):
    text = "大连华信计算机技术股份有限公司分别投资3000万美元和2000万美元设立的北斗合同会社，以及南斗株式会社。"
    money = {r.object.name: r.money.amount for r in records(nlp, text) if r.predicate == "investedIn"}
    assert money == {"北斗合同会社": Decimal("30000000"), "南斗株式会社": Decimal("20000000")}


def test_relative_years_need_the_article_date(nlp):
    text = "今年5月，大连华信计算机技术股份有限公司投资3000万美元设立北斗合同会社。"
    undated = [r for r in records(nlp, text) if r.predicate == "investedIn"]
    assert undated and undated[0].date is None
    doc = nlp.make_doc(text)
    doc._.document_date = "2024-06-01"
    dated = [r for r in nlp(doc)._.relations if r.predicate == "investedIn"]
    assert dated[0].date.value == "2024-05"


def test_every_relation_has_its_sentence_as_evidence(nlp):
    text = "大连港集团与商船三井签署战略合作协议。欧姆龙(沈阳)有限公司扩产。"
    doc = nlp(text)
    assert doc._.relations
    for rel in doc._.relations:
        assert text[rel.start:rel.end] == rel.evidence
        assert rel.evidence.endswith("。")
        assert rel.method in ("pattern", "name", "gazetteer")


def test_gazetteer_facts_are_marked(nlp):
    methods = {(r.subject.name, r.object.name): r.method for r in records(nlp, "哈尔滨市积极对接日本企业。")}
    assert methods[("哈尔滨", "黑龙江省")] == "gazetteer"


def test_statistics_are_kept_apart_from_relations(nlp):
    doc = nlp("今年1-9月，大连对日本贸易总额234.7亿美元。")
    stats = doc._.statistics
    assert stats and stats[0].subject.name == "大连" and stats[0].counterpart.name == "日本"
    assert stats[0].value == Decimal("23470000000") and stats[0].currency == "USD"


def test_one_view_per_document_whose_indexes_follow_what_the_stages_add(nlp):
    doc = nlp("苏州市与大阪府签署合作协议。")
    view = doc._.view
    assert doc._.view is view
    assert [m.text for m in view.mentions] == ["苏州市", "大阪府"]
    before = len(doc._.relations)
    assert not view.add(view.mentions[0].key, "signedWith", view.mentions[-1].key, 0)  # stated already
    doc._.mentions.append(doc._.mentions[0]._replace(start=9, end=11, text="协议"))
    assert [m.text for m in view.mentions] == ["苏州市", "大阪府", "协议"]
    doc._.relations.append(doc._.relations[0]._replace(predicate="visited"))  # behind the view's back
    assert not view.add(doc._.relations[0].subject, "visited", doc._.relations[0].object, 0)
    assert len(doc._.relations) == before + 1
    assert nlp("无锡")._.view is not view
