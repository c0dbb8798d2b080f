"""Each relation rule on hand-built sentences: the exact facts it states (names marked, no gazetteer).

A case is ``(markup, expected)`` with the facts as (subject, predicate, object, job title?,
amount?, currency?, date?) (see :func:`tests.pipeline.conftest.fact`). Rules that build
on another's facts run after it (``before``).
"""

from __future__ import annotations

import pytest

#: rule id → (rules that run before it, context, [(markup, expected facts)])
CASES: dict[str, tuple[tuple[str, ...], dict, list[tuple[str, set[tuple]]]]] = {
    "affiliatedWith.company_pronoun": ((), {}, [
        ("[丰田:Company]发布新车。该公司会长[丰田章男:Person]出席。", {("丰田章男", "affiliatedWith", "丰田", "会长")}),
        ("[丰田:Company]发布新车。会长[丰田章男:Person]出席。", set()),
    ]),
    "affiliatedWith.title_before_name": ((), {}, [
        ("[中国外商投资企业协会:Organization]常务副会长[曹宏瑛:Person]致辞。",
         {("曹宏瑛", "affiliatedWith", "中国外商投资企业协会", "常务副会长")}),
        ("[[南沙区:District]委:GovernmentBody]书记[王立新:Person]出席。",
         {("王立新", "affiliatedWith", "南沙区委", "书记"), ("王立新", "affiliatedWith", "南沙区", "书记")}),
        # the country only names the post's territory: the company before it
        ("[丸红株式会社:Company]执行役员、[中国:Country]总代表[井上隆之:Person]出席。",
         {("井上隆之", "affiliatedWith", "丸红株式会社", "执行役员、中国总代表")}),
        ("[大连日本商工会:Organization]会长、[三井物产（大连）有限公司:Company]总经理[藤本健一:Person]致辞。",
         {("藤本健一", "affiliatedWith", "三井物产（大连）有限公司", "总经理")}),
        ("著名指挥家[小泽征二:Person]的作品在大阪演出。", set()),  # a profession is no post
    ]),
    "affiliatedWith.post_chain": ((), {}, [
        ("[大连日本商工会:Organization]会长、[三井物产（大连）有限公司:Company]总经理[藤本健一:Person]致辞。",
         {("藤本健一", "affiliatedWith", "大连日本商工会", "会长")}),
        ("[中国外商投资企业协会:Organization]常务副会长[曹宏瑛:Person]致辞。", set()),
    ]),
    "affiliatedWith.home_leader": ((), {"home": "青岛", "province": "山东省"}, [
        ("市长[赵明:Person]出席。", {("赵明", "affiliatedWith", "青岛", "市长")}),
        ("副省长[李强:Person]出席。", {("李强", "affiliatedWith", "山东省", "副省长")}),
        ("[青岛市委:GovernmentBody]书记[王伟:Person]出席。", set()),  # the body's (title_before_name)
    ]),
    "affiliatedWith.list_continues": (("affiliatedWith.title_before_name",), {}, [
        ("[无锡市委:GovernmentBody]书记[许峰:Person]、[周文栋:Person]、[吴建元:Person]出席。",
         {("周文栋", "affiliatedWith", "无锡市委", "书记"), ("吴建元", "affiliatedWith", "无锡市委", "书记")}),
        ("[许峰:Person]、[周文栋:Person]出席。", set()),
    ]),
    "participatedIn.attendees": ((), {}, [
        ("[2024中日经贸洽谈会:Event]在大连举行。大连市副市长[李强:Person]、日本贸易振兴机构理事[田中一郎:Person]分别致辞。",
         {("李强", "participatedIn", "2024中日经贸洽谈会"), ("田中一郎", "participatedIn", "2024中日经贸洽谈会")}),
        ("[2024中日经贸洽谈会:Event]开幕。会上，[李强:Person]介绍了情况。", {("李强", "participatedIn", "2024中日经贸洽谈会")}),
        ("会上，[李强:Person]介绍了情况。", set()),  # no event to attend
    ]),
    "participatedIn.attendee_bodies": ((), {}, [
        ("[2023大连日本商品展:Event]举行，[丰田:Company]、[松下:Company]等企业参展。",
         {("丰田", "participatedIn", "2023大连日本商品展"), ("松下", "participatedIn", "2023大连日本商品展")}),
        ("[2023大连日本商品展:Event]举行，[丰田:Company]参展，[李强:Person]出席。", set()),  # people attend
    ]),
    "organizedBy.hosts": ((), {}, [
        ("由[大连市政府:GovernmentBody]和[日本贸易振兴机构:Organization]共同主办的[第三届中日产业合作论坛:Event]在[大连:City]举行。",
         {("第三届中日产业合作论坛", "organizedBy", "大连市政府"), ("第三届中日产业合作论坛", "organizedBy", "日本贸易振兴机构")}),
        ("[交流会:Event]由[成都市商务局:GovernmentBody]和[日本中国商会:Organization]共同主办。",
         {("交流会", "organizedBy", "成都市商务局"), ("交流会", "organizedBy", "日本中国商会")}),
        ("[成都市商务局:GovernmentBody]举办[成都日本经贸交流会:Event]。", set()),
    ]),
    "organizedBy.host_verb": ((), {}, [
        ("[成都市商务局:GovernmentBody]举办[成都日本经贸交流会:Event]。", {("成都日本经贸交流会", "organizedBy", "成都市商务局")}),
        ("由[成都市商务局:GovernmentBody]举办[成都日本经贸交流会:Event]。", set()),  # the hosts rule's
    ]),
    "heldIn.at_place": ((), {}, [
        ("[2023成都日本经贸交流会:Event]在[东京:City]举行。", {("2023成都日本经贸交流会", "heldIn", "东京")}),
        ("在[东京:City]举办的[2023成都日本经贸交流会:Event]吸引了众多企业。", {("2023成都日本经贸交流会", "heldIn", "东京")}),
        ("在[[东京:City]大学:Organization]举办的[论坛:Event]很成功。", {("论坛", "heldIn", "东京")}),
    ]),
    "heldIn.event_name": ((), {}, [
        ("[2023[成都:City]日本经贸交流会:Event]举行。", {("2023成都日本经贸交流会", "heldIn", "成都")}),
        ("[[大连日本商工会:Organization]新年会:Event]举行。", set()),
    ]),
    "organizedBy.event_name": ((), {}, [
        ("[[大连日本商工会:Organization]新年会:Event]举行。", {("大连日本商工会新年会", "organizedBy", "大连日本商工会")}),
        ("[第五届[大连日本商工会:Organization]论坛:Event]举行。", {("第五届大连日本商工会论坛", "organizedBy", "大连日本商工会")}),
        ("[2023[成都:City]日本经贸交流会:Event]举行。", set()),
    ]),
    "visited.named_visitor": ((), {}, [
        ("[沈阳市经贸代表团:Organization]赴[日本:Country]访问，先后来到[横滨:City]、[名古屋:City]。",
         {("沈阳市经贸代表团", "visited", "日本")}),
        ("[代表团:Organization=沈阳市经贸代表团]来到[横滨:City]。", {("沈阳市经贸代表团", "visited", "横滨")}),
    ]),
    "visited.delegation_origin": ((), {}, [
        ("[[沈阳:City]市经贸代表团:Organization]赴[日本:Country]访问。", {("沈阳", "visited", "日本")}),
        # a back-reference stands for the city it came from, not for itself
        ("[[沈阳:City]市经贸代表团:Organization]成立。[代表团:Organization=沈阳市经贸代表团]来到[横滨:City]。",
         {("沈阳", "visited", "横滨")}),
    ]),
    "visited.pronoun": ((), {}, [
        ("[王建国:Person]表示欢迎。他乘坐航班飞抵[东京:City]。", {("王建国", "visited", "东京")}),
        ("他乘坐航班飞抵[东京:City]。", set()),
    ]),
    "visited.carried_visitor": ((), {}, [
        ("[沈阳市经贸代表团:Organization]赴[日本:Country]访问，先后来到[横滨:City]、[名古屋:City]，拜访了[丰田:Company]。",
         {("沈阳市经贸代表团", "visited", "横滨"), ("沈阳市经贸代表团", "visited", "名古屋"),
          ("沈阳市经贸代表团", "visited", "丰田")}),
        ("[沈阳市经贸代表团:Organization]抵达[东京:City]。随后拜访了[丰田:Company]。", {("沈阳市经贸代表团", "visited", "丰田")}),
        ("[沈阳市经贸代表团:Organization]抵达[东京:City]。\n随后拜访了[丰田:Company]。", set()),  # a new paragraph
    ]),
    "visited.home_city": ((), {"home": "无锡"}, [
        ("先后拜访了[欧姆龙:Company]、[松下:Company]。", {("无锡", "visited", "欧姆龙"), ("无锡", "visited", "松下")}),
        ("[王建国:Person]拜访了[欧姆龙:Company]。", set()),
    ]),
    "cooperatesWith.partner_noun": ((), {}, [
        ("[日本:Country]、[韩国:Country]是[青岛:City]重要的经贸合作伙伴。",
         {("日本", "cooperatesWith", "青岛"), ("韩国", "cooperatesWith", "青岛")}),
        ("[日本:Country]与[青岛:City]的合作伙伴关系。", set()),
    ]),
    "cooperatesWith.pair": ((), {}, [
        ("[大连港集团:Company]与[商船三井:Company]签署战略合作协议。", {("大连港集团", "cooperatesWith", "商船三井")}),
        ("[大连港集团:Company]与[商船三井:Company]、[日本邮船:Company]开展合作。",
         {("大连港集团", "cooperatesWith", "商船三井"), ("大连港集团", "cooperatesWith", "日本邮船")}),
        ("双方与[日本:Country]企业签约。", set()),  # 日本 only qualifies 企业
    ]),
    "cooperatesWith.pair_pronoun": ((), {}, [
        ("[苏州:City]与[大阪府:Region]签约。双方将深化合作。", {("苏州", "cooperatesWith", "大阪府")}),
        ("双方将深化合作。", set()),
    ]),
    "cooperatesWith.leader_company": (("affiliatedWith.title_before_name",), {}, [
        ("[松下:Company]社长[山田太郎:Person]与[海尔:Company]合作。", {("松下", "cooperatesWith", "海尔")}),
        ("[山田太郎:Person]与[海尔:Company]合作。", set()),
    ]),
    "cooperatesWith.transitive": ((), {}, [
        ("[哈尔滨市:City]积极对接[日本:Country]、[韩国:Country]。",
         {("哈尔滨市", "cooperatesWith", "日本"), ("哈尔滨市", "cooperatesWith", "韩国")}),
        ("[哈尔滨市:City]携手[丰田:Company]推进项目。", {("哈尔滨市", "cooperatesWith", "丰田")}),
    ]),
    "signedWith.pair": ((), {}, [
        ("[大连港集团:Company]与[商船三井:Company]签署战略合作协议。", {("大连港集团", "signedWith", "商船三井")}),
        ("[新都区:District]与[丰田:Company]签约。", {("新都区", "signedWith", "丰田")}),
        ("[大连港集团:Company]与[商船三井:Company]开展合作。", set()),
    ]),
    "signedWith.pair_pronoun": ((), {}, [
        ("[苏州:City]与[大阪府:Region]开展合作。两市签署了合作备忘录。", {("苏州", "signedWith", "大阪府")}),
        ("[苏州:City]与[大阪府:Region]会谈。两市签署了合作备忘录。", set()),  # 会谈 names no pair
    ]),
    "sisterCityOf.pair": ((), {}, [
        ("1979年，[大连市:City]与[北九州市:City]缔结友好城市。", {("大连市", "sisterCityOf", "北九州市", "1979")}),
        ("[大连港集团:Company]与[北九州市:City]缔结友好城市。", set()),
    ]),
    "investedIn.foreign_capital": ((), {}, [
        ("今年，[苏州:City]实际使用日资12亿美元。", {("日本", "investedIn", "苏州", "1200000000", "USD")}),
        ("今年实际使用日资12亿美元。", set()),
    ]),
    "investedIn.is_investor_of": ((), {}, [
        ("[艾杰旭:Company]是一个[日本:Country]在[苏州:City]投资较大的企业。", {("日本", "investedIn", "艾杰旭")}),
        ("[苏州:City]是[日本:Country]投资较大的城市。", set()),
    ]),
    "investedIn.preposition": ((), {}, [
        ("[日本丸森食品株式会社:Company]将在[长春新区:Zone]投资3.5亿元。",
         {("日本丸森食品株式会社", "investedIn", "长春新区", "350000000", "CNY")}),
        ("[丰田:Company]对[天津:City]追加投资。", {("丰田", "investedIn", "天津")}),
        ("2023年5月，[丰田:Company]对[天津:City]的汽车项目投资5亿元。", set()),  # too far from the cue
    ]),
    "investedIn.founders": ((), {}, [
        ("2023年5月，[大连华信:Company]投资8489万美元设立[北斗合同会社:Company]。",
         {("大连华信", "investedIn", "北斗合同会社", "84890000", "USD", "2023-05")}),
        ("[大连华信:Company]分别投资3000万美元和2000万美元设立的[北斗合同会社:Company]，以及[南斗株式会社:Company]。",
         {("大连华信", "investedIn", "北斗合同会社", "30000000", "USD"),
          ("大连华信", "investedIn", "南斗株式会社", "20000000", "USD")}),
        ("[中日产业园:Zone]由[大连开发区管委会:GovernmentBody]与[双日:Company]共同投资建设。",
         {("大连开发区管委会", "investedIn", "中日产业园"), ("双日", "investedIn", "中日产业园")}),
    ]),
    "investedIn.direct_object": ((), {}, [
        ("[丰田:Company]投资[天津一汽丰田:Company]。", {("丰田", "investedIn", "天津一汽丰田")}),
        ("[丰田:Company]投资8489万美元设立[北斗合同会社:Company]。", set()),  # the founders rule's
    ]),
    "investedIn.subsidiary": ((), {}, [
        ("[松下:Company]增资扩建其位于[苏州:City]的[松下电器研发中心:Company]。", {("松下", "investedIn", "松下电器研发中心")}),
    ]),
    "investedIn.in_place": ((), {}, [
        ("[丸森食品:Company]将投资3.5亿元，在[长春新区:Zone]建设工厂。",
         {("丸森食品", "investedIn", "长春新区", "350000000", "CNY")}),
    ]),
    "investedIn.pair_places": ((), {}, [
        ("[无锡:City]与[大阪:City]签约，投资建设项目。", {("无锡", "investedIn", "大阪")}),
        ("[无锡:City]与[大阪:City]签约。[无锡:City]投资建设项目。", set()),  # the pair of another sentence
    ]),
    "established.investors": ((), {}, [
        ("2023年5月，[大连华信:Company]投资8489万美元设立[北斗合同会社:Company]。",
         {("大连华信", "established", "北斗合同会社", "2023-05")}),
        ("[丰田:Company]投资[天津一汽丰田:Company]。", set()),
    ]),
    "established.by_founders": ((), {}, [
        ("[沈阳中德产业园:Zone]由[铁西区:District]设立。", {("铁西区", "established", "沈阳中德产业园")}),
        ("[沈阳中德产业园:Zone]由[铁西区:District]和[沈阳市:City]于2012年设立。",
         {("铁西区", "established", "沈阳中德产业园", "2012"), ("沈阳市", "established", "沈阳中德产业园", "2012")}),
    ]),
    "established.founder_before": ((), {}, [
        ("[大连市政府:GovernmentBody]设立[日本企业服务中心:Organization]。", {("大连市政府", "established", "日本企业服务中心")}),
        ("在[大连:City]设立[日本企业服务中心:Organization]。", set()),  # 在Z: where, not who
        ("[大连市政府:GovernmentBody]设立了[大连:City]。", set()),  # no body nor zone is set up
    ]),
    "established.pair_pronoun": ((), {}, [
        ("[长春:City]与[宫城县:Region]签署合作协议。双方将共建[中日先进材料联合研究院:Organization]。",
         {("长春", "established", "中日先进材料联合研究院"), ("宫城县", "established", "中日先进材料联合研究院")}),
    ]),
    "locatedIn.set_up_in": ((), {}, [
        ("[旭荣化工:Company]将投资1.5亿美元，在[宁波:City]设立[旭荣新材料有限公司:Company]。",
         {("旭荣新材料有限公司", "locatedIn", "宁波")}),
        ("[大连市政府:GovernmentBody]在[大连:City]设立[日本企业服务中心:Organization]。", {("日本企业服务中心", "locatedIn", "大连")}),
    ]),
    "locatedIn.founder_place": ((), {}, [
        ("[相城区:District]获批设立[中日地方发展合作示范区:Zone]。", {("中日地方发展合作示范区", "locatedIn", "相城区")}),
        ("[相城区:District]设立[中日企业协会:Organization]。", set()),  # only a zone lies in its founder
    ]),
    "locatedIn.cue": ((), {}, [
        ("位于[沈阳经济技术开发区:Zone]的[华晨宝马汽车有限公司:Company]扩产。",
         {("华晨宝马汽车有限公司", "locatedIn", "沈阳经济技术开发区")}),
        ("[华晨宝马汽车有限公司:Company]位于[辽宁:Region][沈阳:City]。",
         {("华晨宝马汽车有限公司", "locatedIn", "辽宁"), ("华晨宝马汽车有限公司", "locatedIn", "沈阳")}),
        ("位于沈阳的工厂扩产。", set()),
    ]),
    "locatedIn.adjacent_places": ((), {}, [
        ("[辽宁:Region][沈阳:City]迎来日资项目。", {("沈阳", "locatedIn", "辽宁")}),
        ("[吴中区:District][胥口镇:District]的企业。", {("胥口镇", "locatedIn", "吴中区")}),
        ("[沈阳:City][辽宁:Region]不合常理。", set()),
    ]),
    "locatedIn.place_before_body": ((), {}, [
        ("[苏州:City][松下电器:Company]扩产。", {("松下电器", "locatedIn", "苏州")}),
        ("[日本:Country][松下电器:Company]扩产。", set()),
    ]),
}


@pytest.mark.parametrize(("rule", "markup", "expected"), [
    (rule, markup, expected) for rule, (_, _, cases) in CASES.items() for markup, expected in cases])
def test_relation_rule(relations, rule, markup, expected):
    before, context, _ = CASES[rule]
    assert relations(markup, *before, rule, **context) == expected


@pytest.mark.parametrize(("markup", "expected"), [
    ("今年1-9月，[大连:City]对[日本:Country]贸易总额234.7亿美元。",
     {("大连", "贸易总额", "23470000000", "USD", "日本", "statistic.measure")}),
    ("[大连:City]签约项目12个。", {("大连", "签约项目", "12", "个", None, "statistic.measure")}),
    ("贸易总额234.7亿美元。", set()),  # nobody's figure
])
def test_statistic_rule(nlp, component, markup, expected):
    from .markup import build_doc

    doc = build_doc(nlp, markup)
    component("kg_relations", ("statistic.measure",))(doc)
    assert {(s.subject.name, s.measure, str(s.value), s.unit, s.counterpart and s.counterpart.name, s.rule)
            for s in doc._.statistics} == expected


def test_every_relation_rule_has_cases():
    from kg.pipeline.relations import DEFAULT_RULES

    assert set(DEFAULT_RULES) - {"statistic.measure"} == set(CASES)


def test_the_first_rule_in_config_order_names_a_fact_two_rules_state(nlp, component):
    from .markup import build_doc

    # a delegation's city visits (delegation_origin) and is named before the cue (named_visitor)
    markup = "[沈阳:City]与[[沈阳:City]市经贸代表团:Organization]赴[日本:Country]访问。"
    for order in [("visited.named_visitor", "visited.delegation_origin"),
                  ("visited.delegation_origin", "visited.named_visitor")]:
        doc = build_doc(nlp, markup)
        component("kg_relations", order)(doc)
        assert {(r.subject.name, r.object.name, r.rule) for r in doc._.relations} == {
            ("沈阳", "日本", order[0]), ("沈阳市经贸代表团", "日本", "visited.named_visitor")}
