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
        ("王华访问了[福山市:City]，与该市市长[藤田翔:Person]会见。", {("藤田翔", "affiliatedWith", "福山市", "市长")}),
    ]),
    "affiliatedWith.title_before_name": ((), {"home": "青岛", "province": "山东省"}, [
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
        ("[天津市:City]长[黄明:Person]出席。", {("黄明", "affiliatedWith", "天津市", "市长")}),  # 市 opens the title
        # the place nearest the committee's suffix
        ("[中国[江苏省:Region][盐城市:City]市委:GovernmentBody]书记[朱明:Person]出席。",
         {("朱明", "affiliatedWith", "中国江苏省盐城市市委", "书记"), ("朱明", "affiliatedWith", "盐城市", "书记")}),
        ("[[广州:City]事务所:Organization~]所长[清水显:Person]出席。",
         {("清水显", "affiliatedWith", "广州事务所", "所长")}),
        ("[广州:City]事务所所长[清水显:Person]出席。", set()),  # a body no name stage found is not the place
        ("[日本:Country]经济产业大臣[斋藤一:Person]表示。", {("斋藤一", "affiliatedWith", "日本", "经济产业大臣")}),
        ("[三条市:City]议会议长[阿部一郎:Person]出席。", {("阿部一郎", "affiliatedWith", "三条市", "议会议长")}),
        # a party committee or a prefecture's assembly governs its place; a national body of assemblies none
        ("[[青海:Region]省党委:GovernmentBody]副书记[王一平:Person]出席。",
         {("王一平", "affiliatedWith", "青海省党委", "副书记"), ("王一平", "affiliatedWith", "青海", "副书记")}),
        # a town no list knows, found by its shape: the committee governs it too; a city so found does not
        ("[[白石镇:District~]党委:GovernmentBody]书记[郭一平:Person]出席。",
         {("郭一平", "affiliatedWith", "白石镇党委", "书记"), ("郭一平", "affiliatedWith", "白石镇", "书记")}),
        ("[[白石市:City~]委:GovernmentBody]书记[郭一平:Person]出席。", {("郭一平", "affiliatedWith", "白石市委", "书记")}),
        ("[[青山新区:Zone]党工委:GovernmentBody]书记[王一平:Person]出席。",  # a zone's party working committee
         {("王一平", "affiliatedWith", "青山新区党工委", "书记"), ("王一平", "affiliatedWith", "青山新区", "书记")}),
        ("[[青森县:Region]议会:GovernmentBody]议长[木村一郎:Person]出席。",
         {("木村一郎", "affiliatedWith", "青森县议会", "议长"), ("木村一郎", "affiliatedWith", "青森县", "议长")}),
        ("[[日本:Country]全国都道府县议会:GovernmentBody]议长[木村一郎:Person]出席。",
         {("木村一郎", "affiliatedWith", "日本全国都道府县议会", "议长")}),
        # a body named by its level alone: the home province's or city's (自治区政协, 市政府)
        ("[自治区政协:GovernmentBody]主席[马一平:Person]、[市政府:GovernmentBody]秘书长[周东:Person]出席。",
         {("马一平", "affiliatedWith", "自治区政协", "主席"), ("马一平", "affiliatedWith", "山东省", "主席"),
          ("周东", "affiliatedWith", "市政府", "秘书长"), ("周东", "affiliatedWith", "青岛", "秘书长")}),
        # a county's or district's body named by its level alone: the county or district the article names most
        ("[长丰县:District]举行仪式。[县政协:GovernmentBody]主席[曹光忠:Person]、[区委:GovernmentBody]书记[洪航:Person]出席。",
         {("曹光忠", "affiliatedWith", "县政协", "主席"), ("曹光忠", "affiliatedWith", "长丰县", "主席"),
          ("洪航", "affiliatedWith", "区委", "书记")}),
        ("[青山区:District]与[白河区:District]交流。[区委:GovernmentBody]书记[洪航:Person]出席。",
         {("洪航", "affiliatedWith", "区委", "书记")}),  # two districts named as often: neither
        ("[日本福冈同乡会:Organization]会长由[小林一郎:Person]担任。",
         {("小林一郎", "affiliatedWith", "日本福冈同乡会", "会长")}),
        ("[中国:Country]驻[日本:Country]大使[程华:Person]出席。", set()),  # the diplomat's (affiliatedWith.diplomat)
        # places that open a department of the body before them: the body
        ("[青山化工集团:Company][中国:Country][华南:Region]区负责人[木村一:Person]、[大阪贸易局:GovernmentBody][东亚:Region]课课长[林田二:Person]出席。",
         {("木村一", "affiliatedWith", "青山化工集团", "中国华南区负责人"),
          ("林田二", "affiliatedWith", "大阪贸易局", "东亚课课长")}),
        ("[青山化工集团:Company]与[大阪:City]市长[林田二:Person]会谈。", {("林田二", "affiliatedWith", "大阪", "市长")}),
        # a former post (原, 前) of the place
        ("[青山市:City]原议长[林田二:Person]、[白河町:City]前町长[木村一:Person]出席。",
         {("林田二", "affiliatedWith", "青山市", "原议长"), ("木村一", "affiliatedWith", "白河町", "前町长")}),
    ]),
    "affiliatedWith.premier_country": ((), {}, [
        ("[习近平:Person]主席同[岸田文雄:Person]首相达成共识。[中国:Country]与[日本:Country]合作。",
         {("岸田文雄", "affiliatedWith", "日本", "首相")}),  # 主席 heads bodies as often: not read
        ("[岸田文雄:Person]首相访问青山。", set()),  # the article names no country
        ("[日本:Country]首相[岸田文雄:Person]出席。", set()),  # a title before the name (title_before_name's)
    ]),
    "affiliatedWith.diplomat": ((), {}, [
        # a post in a city of the country (驻日本长崎): the country that sends the consul, not the city
        ("[中国:Country]驻[日本:Country][青山:City]总领事[程华:Person]出席。", {("程华", "affiliatedWith", "中国", "总领事")}),
        ("[中国:Country]驻[日本:Country]大使[程华:Person]、[日本:Country]驻[广州:City]总领事[石田英:Person]出席。",
         {("程华", "affiliatedWith", "中国", "大使"), ("石田英", "affiliatedWith", "日本", "总领事")}),
        # the mission, where the article names it
        ("[中国驻日本大使馆:GovernmentBody]举办活动。[中国:Country]驻[日本:Country]大使[程华:Person]出席。",
         {("程华", "affiliatedWith", "中国驻日本大使馆", "大使")}),
        # a post written with a place's one-character form (驻沪) is the mission of the full name
        ("[日本驻上海总领事馆:GovernmentBody]举办活动。[日本:Country]驻沪总领事[田村胜:Person]出席。",
         {("田村胜", "affiliatedWith", "日本驻上海总领事馆", "驻沪总领事")}),
        ("我国驻[日本:Country]原特命全权大使[程华:Person]出席。", {("程华", "affiliatedWith", "中国", "原特命全权大使")}),
        # two ranks joined by ·: the first names the post, in the mission named for it
        ("[日本驻上海总领事馆:GovernmentBody]举办活动。[日本:Country]驻[上海:City]总领事·大使[木村健:Person]出席。",
         {("木村健", "affiliatedWith", "日本驻上海总领事馆", "总领事·大使")}),
        ("[日本:Country]驻[上海:City]总领事·大使[木村健:Person]出席。", {("木村健", "affiliatedWith", "日本", "总领事·大使")}),
        ("[大连市:City]驻[东京:City]代表[王明:Person]出席。", set()),  # no diplomat
        ("[日本:Country]驻华大使[垂木夫:Person]出席。", {("垂木夫", "affiliatedWith", "日本", "驻华大使")}),
        # the sender's embassy named without its post (日本大使馆)
        ("活动由[日本大使馆:GovernmentBody]合办。[日本:Country]驻华大使[垂木夫:Person]出席。",
         {("垂木夫", "affiliatedWith", "日本大使馆", "驻华大使")}),
    ]),
    "affiliatedWith.diplomat_after_name": ((), {}, [
        # the mission named in its short form (总领馆 for 总领事馆)
        ("[中国驻青山总领馆:GovernmentBody]举办交流会。[何明良:Person]总领事致辞。",
         {("何明良", "affiliatedWith", "中国驻青山总领馆", "总领事")}),
        ("[驻福冈总领事馆:GovernmentBody]举办交流会。[王明华:Person]总领事致辞，[李青:Person]领事出席。",
         {("王明华", "affiliatedWith", "驻福冈总领事馆", "总领事"), ("李青", "affiliatedWith", "驻福冈总领事馆", "领事")}),
        ("[中国驻日本大使馆:GovernmentBody]举办招待会，[周平:Person]公使、[孔明:Person]参赞出席。",
         {("周平", "affiliatedWith", "中国驻日本大使馆", "公使"), ("孔明", "affiliatedWith", "中国驻日本大使馆", "参赞")}),
        # two missions of the kind: which one is not said
        ("[驻福冈总领事馆:GovernmentBody]和[驻大阪总领事馆:GovernmentBody]联合举办。[王明华:Person]总领事致辞。", set()),
        ("[王明华:Person]总领事致辞。", set()),  # no mission named
        ("[驻福冈总领事馆:GovernmentBody]举办交流会。市长[王明华:Person]总领事致辞。", set()),  # a title before
    ]),
    "affiliatedWith.diplomat_country": ((), {}, [
        # no mission named: the country the surname says sends them, when the text names it
        ("[中国:Country]与[日本:Country]。[王明华:Person]代总领事致辞，[高田真子:Person]总领事出席，[山田:Person]领事参观。",
         {("王明华", "affiliatedWith", "中国", "总领事"), ("高田真子", "affiliatedWith", "日本", "总领事"),
          ("山田", "affiliatedWith", "日本", "领事")}),
        ("[王明华:Person]总领事致辞。", set()),  # the country is not named
        ("[日本:Country]企业。[松秀一:Person]总领事致辞。", set()),  # 松 is no common Chinese surname
        ("[中国:Country]与[日本:Country]。[田中:Person]总领事致辞。", set()),  # 田中: either a Chinese or a Japanese name
        ("[中国:Country]。[驻福冈总领事馆:GovernmentBody]举办交流会。[王明华:Person]总领事致辞。", set()),  # a mission named
    ]),
    "affiliatedWith.post_chain": ((), {}, [
        ("[大连日本商工会:Organization]会长、[三井物产（大连）有限公司:Company]总经理[藤本健一:Person]致辞。",
         {("藤本健一", "affiliatedWith", "大连日本商工会", "会长")}),
        ("[中国外商投资企业协会:Organization]常务副会长[曹宏瑛:Person]致辞。", set()),
        # the second post's body is a name no list knows: the first post is still the body's
        ("[青山海关:GovernmentBody]党组书记、松林港务区管委会主任[王海明:Person]出席。",
         {("王海明", "affiliatedWith", "青山海关", "党组书记")}),
        ("[青山海关:GovernmentBody]党组书记、关长[王海明:Person]出席。", set()),  # no body: the direct rule's
        ("[青山海关:GovernmentBody]党组书记、松林、港务区主任[王海明:Person]出席。", set()),  # a list, no chain
        # a place right after a body names the post's territory: the post is the body's
        ("[青山电气株式会社:Company][中国:Country]总代表、[青电（中国）有限公司:Company]总裁[山本二郎:Person]出席。",
         {("山本二郎", "affiliatedWith", "青山电气株式会社", "中国总代表")}),
        ("[青山商事株式会社:Company][东亚:Region]区总代表、[青山商事（中国）有限公司:Company]董事长[田中一郎:Person]出席。",
         {("田中一郎", "affiliatedWith", "青山商事株式会社", "东亚区总代表")}),
        # a rank on the home place's committee before a department's post: the place's
        ("[市委:City=青岛@entities.home_body]常委、宣传部部长[王海明:Person]出席。",
         {("王海明", "affiliatedWith", "青岛", "常委")}),
        ("[市委:City=青岛@entities.home_body]常委、副市长[王海明:Person]出席。", set()),  # no department: the direct rule's
        # the chain goes on before the body whose territory the country names
        ("[青山化工株式会社:Company]执行董事、[青山化工集团:Company][中国:Country]总代表[上田一:Person]表示。",
         {("上田一", "affiliatedWith", "青山化工株式会社", "执行董事")}),
    ]),
    "affiliatedWith.governor_government": ((), {"home": "西宁", "province": "青海省"}, [
        ("[[青海:Region]省委:GovernmentBody]副书记、省长[马一平:Person]出席。[马一平:Person]代表[[青海:Region]省人民政府:GovernmentBody]致辞。",
         {("马一平", "affiliatedWith", "青海省人民政府", "省长")}),
        ("[甘肃:Region]副省长[李一:Person]代表[[甘肃:Region]省政府:GovernmentBody]讲话。",
         {("李一", "affiliatedWith", "甘肃省政府", "副省长")}),
        ("副省长[李一:Person]代表[[青海:Region]省政府:GovernmentBody]讲话。",  # the home province's
         {("李一", "affiliatedWith", "青海省政府", "副省长")}),
        ("副省长[李一:Person]代表[省政府:GovernmentBody=青海省政府]讲话。", set()),  # 代表省委、省政府: a phrase
        ("[甘肃:Region]副省长[李一:Person]会见[[青海:Region]省人民政府:GovernmentBody]代表团。", set()),  # another's
        ("市长[赵明:Person]代表[[西宁:City]市人民政府:GovernmentBody]致辞。", set()),  # a governor's only
    ]),
    "affiliatedWith.home_leader": (("affiliatedWith.title_before_name",), {"home": "青岛", "province": "山东省"}, [
        ("[市委:GovernmentBody=青岛市委]副书记、市长[赵明:Person]出席。", set()),  # the committee's (title_before_name)
        # a list of a city's posts goes on: the city of the one before, not the home city
        ("会见了[大阪市:City]议长[山田一:Person]、副市长[田中二:Person]。", {("田中二", "affiliatedWith", "大阪市", "副市长")}),
        ("会见了[大阪市:City]议长[山田一:Person]，副市长[田中二:Person]出席。",
         {("田中二", "affiliatedWith", "青岛", "副市长")}),
        ("市长[赵明:Person]出席。", {("赵明", "affiliatedWith", "青岛", "市长")}),
        ("副省长[李强:Person]出席。", {("李强", "affiliatedWith", "山东省", "副省长")}),
        ("[日本:Country]三条市市长[国定人:Person]出席。", set()),  # the mayor of a city no list knows
        ("[青岛市委:GovernmentBody]书记[王伟:Person]出席。", set()),  # the body's (title_before_name)
        # a district's or county's title: the last district or county named before it
        ("[[黄岛区:District]区委:GovernmentBody]书记[王伟:Person]、区长[李明:Person]、副区长[张强:Person]出席。",
         {("李明", "affiliatedWith", "黄岛区", "区长"), ("张强", "affiliatedWith", "黄岛区", "副区长")}),
        ("[莱西县:District]代表和[城阳区:District]的县长[李明:Person]出席。", {("李明", "affiliatedWith", "莱西县", "县长")}),
        ("县长[李明:Person]出席。", set()),  # no county named
        # none named in the sentence: the one the article names most
        ("[黄岛区:District]举办推介会。副区长[张强:Person]出席。", {("张强", "affiliatedWith", "黄岛区", "副区长")}),
        ("[黄岛区:District]与[城阳区:District]举办推介会。副区长[张强:Person]出席。", set()),  # two, as often
        # a body of the home city or province without its name
        ("时任市政协主席[王伟:Person]、省人大常委会副主任[李强:Person]出席。",
         {("王伟", "affiliatedWith", "青岛", "主席"), ("李强", "affiliatedWith", "山东省", "副主任")}),
        ("[日本:Country]三条市议会议长[国定人:Person]出席。", set()),  # a city no list knows
    ]),
    "affiliatedWith.title_after_name": ((), {}, [
        ("[丰田汽车:Company]的[田中:Person]社长出席。", {("田中", "affiliatedWith", "丰田汽车", "社长")}),
        ("[日产中国:Company][打越一:Person]总裁致辞。", {("打越一", "affiliatedWith", "日产中国", "总裁")}),
        # the name and the title in brackets after the body
        ("由[青山商工俱乐部:Organization]（[西川明:Person]理事长）及[白河商会:Organization]（[王明:Person]会长）主办。",
         {("西川明", "affiliatedWith", "青山商工俱乐部", "理事长"), ("王明", "affiliatedWith", "白河商会", "会长")}),
        ("[青山商工俱乐部:Organization]（[西川明:Person]理事长等）主办。", set()),  # the bracket goes on
        ("[丰田汽车:Company]会长[丰田章男:Person]社长出席。", set()),  # a title before the name wins
        ("[大阪:City]的[田中:Person]社长出席。", set()),  # a place holds no company post
    ]),
    "affiliatedWith.home_leader_after": (("locatedIn.adjacent_places", "affiliatedWith.title_before_name"),
                                         {"home": "青岛", "province": "山东省"}, [
        ("[中国:Country][青岛:City]举办推介会。[王海明:Person]副市长出席。",
         {("王海明", "affiliatedWith", "青岛", "副市长")}),
        ("[中国:Country][山东省:Region]举办推介会。[王海明:Person]副省长出席。",
         {("王海明", "affiliatedWith", "山东省", "副省长")}),
        # the place written right before the name
        ("[中国:Country][吉林省:Region][白城市:City][李明伟:Person]市长会见客人。",
         {("李明伟", "affiliatedWith", "白城市", "市长")}),
        # a post named before, a surname of another country, a body's title, no 市/省 title: not the home city's
        ("[中国:Country][青岛:City]。[日本:Country][福山市:City]市长[羽田浩:Person]来访。[羽田浩:Person]市长致辞。", set()),
        ("[中国:Country][青岛:City]举办推介会。[羽田浩:Person]市长致辞。", set()),
        ("[中国:Country][青岛:City]。[青岛市政府:GovernmentBody][王海明:Person]副市长出席。", set()),
        ("[中国:Country][青岛:City]举办推介会。[王海明:Person]局长出席。", set()),
    ]),
    "affiliatedWith.pronoun_body": ((), {}, [
        ("[青松株式会社:Company]来访。[王华:Person]在与该企业[渡边一郎:Person]社长会面时表示感谢。",
         {("渡边一郎", "affiliatedWith", "青松株式会社", "社长")}),
        # a body named in a sentence about the referent is not the one meant
        ("[青松株式会社:Company]来访。该企业是大企业之一，在白河创办了[白河墨业有限公司:Company]。"
         "[王华:Person]与该企业[渡边一郎:Person]社长会面。", {("渡边一郎", "affiliatedWith", "青松株式会社", "社长")}),
        ("[日本华商上海联谊会:Organization]成立十周年。活动由该联谊会([沈一平:Person]会长)主办。",
         {("沈一平", "affiliatedWith", "日本华商上海联谊会", "会长")}),
        ("[青松商会:Organization]与[白河协会:Organization]出席。该商会[李明:Person]会长致辞。",
         {("李明", "affiliatedWith", "青松商会", "会长")}),
        ("该企业[渡边一郎:Person]社长出席。", set()),
    ]),
    "affiliatedWith.holds_post": ((), {}, [
        ("[李明:Person]担任[大连市商务局:GovernmentBody]局长。", {("李明", "affiliatedWith", "大连市商务局", "局长")}),
        ("[田中一郎:Person]现任[丰田中国:Company]社长。", {("田中一郎", "affiliatedWith", "丰田中国", "社长")}),
        ("[李明:Person]担任[大连:City]市长。", set()),  # a place: title_before_name's cases
        ("[李明:Person]任[丰田中国:Company]代表。", set()),  # no title after the body
    ]),
    "affiliatedWith.list_continues": (("affiliatedWith.title_before_name", "affiliatedWith.title_after_name"), {}, [
        ("[无锡市委:GovernmentBody]书记[许峰:Person]、[周文栋:Person]、[吴建元:Person]出席。",
         {("周文栋", "affiliatedWith", "无锡市委", "书记"), ("吴建元", "affiliatedWith", "无锡市委", "书记")}),
        ("[许峰:Person]、[周文栋:Person]出席。", set()),
        ("[大连市商务局:GovernmentBody]局长[李华:Person]、副局长[张强:Person]陪同。",
         {("张强", "affiliatedWith", "大连市商务局", "副局长")}),
        ("[无锡市委:GovernmentBody]书记[许峰:Person]、市长[周文栋:Person]出席。", set()),  # home_leader's
        ("[下陆区区委:GovernmentBody]常委[严吉:Person]、副区长[徐勇:Person]出席。", set()),  # no post of the 区委
        # a modifier before the same post (副, 代): the body of the one before
        ("[青山商会:Organization]理事[村上一:Person]、副理事[近江一:Person]来访。",
         {("近江一", "affiliatedWith", "青山商会", "副理事")}),
        ("[青山商会:Organization]理事[村上一:Person]、副市长[近江一:Person]来访。", set()),  # a city's post
        ("[永旺集团:Company]董事[村上一:Person]、开发部总经理[近江一:Person]来访。",
         {("近江一", "affiliatedWith", "永旺集团", "开发部总经理")}),
        # titles after the names: the body before the first name
        ("[青山汽车:Company][田中一郎:Person]社长、[佐藤次郎:Person]副社长出席。",
         {("佐藤次郎", "affiliatedWith", "青山汽车", "副社长")}),
        ("[青山汽车:Company][田中一郎:Person]社长、[佐藤次郎:Person]出席。", set()),  # no title after the second
        ("感谢[李天:Person]总领事、[今井一:Person]会长的来访。", set()),  # no body before the first
        # a title of the place's assembly: the places of the one before
        ("[青森县:Region]知事[木村一郎:Person]、议会议长[林田二郎:Person]出席。",
         {("林田二郎", "affiliatedWith", "青森县", "议会议长")}),
        # the last of titled names, with no title: its post is not said
        ("[青山市:City]副市长[王海明:Person]、[藤井亮:Person@people.list_tail]等出席。", set()),
        # an untitled name between titled ones, or before their verb: the post of the one before
        ("[青山市:City]副市长[王海明:Person]、[藤井亮:Person@people.list_tail]、副议长[林田二郎:Person]在座。",
         {("藤井亮", "affiliatedWith", "青山市", "副市长"), ("林田二郎", "affiliatedWith", "青山市", "副议长")}),
        ("[青山区:District]副区长[王海明:Person]、[周立新:Person@people.list_tail]会见了代表团。",
         {("周立新", "affiliatedWith", "青山区", "副区长")}),
    ]),
    "affiliatedWith.speaks_for": ((), {}, [
        # the bodies a person speaks for, right after 代表, one after another
        ("[王海明:Person]首先代表[青山市外办:GovernmentBody]、[青山市友协:Organization]对客人表示欢迎。",
         {("王海明", "affiliatedWith", "青山市外办"), ("王海明", "affiliatedWith", "青山市友协")}),
        ("[李华:Person]副市长代表[青山市政府:GovernmentBody]致辞。",
         {("李华", "affiliatedWith", "青山市政府", "副市长")}),
        ("[王海明:Person]代表[白河大学:Organization]对来宾表示欢迎。", {("王海明", "affiliatedWith", "白河大学")}),
        # the place's leadership as a whole: a party committee and the government together
        ("[王海明:Person]代表[青山市委:GovernmentBody]、[青山市政府:GovernmentBody]表示欢迎。", set()),
        # each for their own side; a verb between; a delegation; a place
        ("[王海明:Person]与[田中一郎:Person]分别代表[青山市政府:GovernmentBody]和[白河市政府:GovernmentBody]签署协议。", set()),
        ("[王海明:Person]会见了代表[青山商会:Organization]的客人。", set()),
        ("[王海明:Person]会见了[青山市:City]代表团。", set()),
        ("[王海明:Person]代表[青山:City]向来宾表示欢迎。", set()),
    ]),
    "affiliatedWith.visited_hosts": ((), {}, [
        # the people right after a body a visit reaches, named before their titles, are its hosts
        ("代表团拜访[青山友协:Organization],[王流:Person]会长、[李继兰:Person]副会长与之会谈。",
         {("王流", "affiliatedWith", "青山友协", "会长"), ("李继兰", "affiliatedWith", "青山友协", "副会长")}),
        ("代表团拜访了[青山商会:Organization],[王明:Person]会长致辞。", {("王明", "affiliatedWith", "青山商会", "会长")}),
        ("代表团拜访[青山商会:Organization],[王明:Person]市长致辞。", set()),  # a city's post
        ("代表团会见了[青山商会:Organization],[王明:Person]会长致辞。", set()),  # no visit to the body
        ("代表团拜访[青山商会:Organization],[王明:Person]致辞。", set()),  # no title
    ]),
    "affiliatedWith.byline": ((), {}, [
        ("[新华网:Organization@people.byline_outlet][福州:City]6月1日电(记者[陈立:Person@people.byline_credits]、"
         "[王海:Person@people.byline_credits])[福州:City]举办推介会。",
         {("陈立", "affiliatedWith", "新华网"), ("王海", "affiliatedWith", "新华网")}),
        # a credit without an outlet: the outlet of the article's dateline
        ("[楚天都市报:Organization@people.byline_outlet]讯 推介会在武汉举行。\n活动现场。[刘明:Person@people.byline]",
         {("刘明", "affiliatedWith", "楚天都市报")}),
        ("【[白河网:Organization@people.byline_outlet]】([王海明:Person@people.byline_credits][时敏:Person@people.byline_credits])青山举办活动。",
         {("王海明", "affiliatedWith", "白河网"), ("时敏", "affiliatedWith", "白河网")}),
        ("本报讯(记者[刘明:Person@people.byline_credits])推介会在武汉举行。", set()),  # 本报 names no outlet
        ("[新华网:Organization]记者[刘明:Person]说。", set()),  # no byline
        # a listed outlet a bracket with the reporters follows, or that opens a bracketed credit
        ("[青山日报:Organization](记者[胡明:Person] 通讯员[胡华:Person])上月28日，代表团访问白河。",
         {("胡明", "affiliatedWith", "青山日报", "记者"), ("胡华", "affiliatedWith", "青山日报", "通讯员")}),
        ("总领事李明(新华社记者[刘华:Person]摄)", set()),  # (no outlet found)
        # the unit a credit names before its names (文/图:…秘书处王明)
        ("推介会举行。(文/图:[青山协会秘书处:Organization@people.byline_outlet][王甜:Person@people.byline_credits])",
         {("王甜", "affiliatedWith", "青山协会秘书处")}),  # (the markup carries no role)
        ("总领事李明([新华社:Organization]记者[刘华:Person]摄)", {("刘华", "affiliatedWith", "新华社", "记者")}),
        # a photo the agency releases (新华社发) is its photographer's
        ("[白河网:Organization@people.byline_outlet]1月24日报道 代表团访华。\n人们购物。"
         "[新华社:Organization@people.byline_outlet]发([刘华:Person@people.byline_credits]摄)",
         {("刘华", "affiliatedWith", "新华社")}),
        # a photo's credit naming an outlet no list knows is not the dateline's outlet's; a bare one is
        ("[楚天都市报:Organization@people.byline_outlet]讯 推介会举行。\n车间。(青山网[刘明:Person@people.photo_credit]摄)",
         set()),
        ("[楚天都市报:Organization@people.byline_outlet]讯 推介会举行。\n车间。([刘明:Person@people.photo_credit]摄)",
         {("刘明", "affiliatedWith", "楚天都市报")}),
        # reporters named right after the outlet, the byline running into the text
        ("[青山信息港:Organization@people.byline_outlet]讯 记者[戴明:Person]实习记者[马华:Person]为传递友谊，"
         "[青山:City]举办活动。", {("戴明", "affiliatedWith", "青山信息港", "记者"),
                             ("马华", "affiliatedWith", "青山信息港", "实习记者")}),
        # not a title of state after a dateline, nor a reporter after another word
        ("[新华社:Organization@people.byline_outlet]北京电 国家主席[习华:Person]会见客人。", set()),
        ("[青山信息港:Organization@people.byline_outlet]讯 市长[戴明:Person]会见记者[马华:Person]。", set()),
    ]),
    "affiliatedWith.body_representative": ((), {}, [
        ("[青山商会:Organization][田中一郎:Person@people.body_representative]共同出席。", set()),  # no 代表
        ("[青山商会:Organization]代表[田中一郎:Person@people.body_representative]共同出席。",
         {("田中一郎", "affiliatedWith", "青山商会", "代表")}),
        ("[青山市:City]代表[田中一郎:Person@people.body_representative]致辞。", set()),  # a place
        ("[青山商会:Organization]代表[田中一郎:Person]致辞。", set()),  # a name no representative rule found
    ]),
    "affiliatedWith.school_member": ((), {}, [
        ("来自[白河大学:Organization]的大一学生[山田花子:Person]说。", {("山田花子", "affiliatedWith", "白河大学", "学生")}),
        ("[青山大学:Organization]来访。[青山大学外国语学院:Organization]日语专业学生[王明:Person]表示。",
         {("王明", "affiliatedWith", "青山大学外国语学院", "学生"), ("王明", "affiliatedWith", "青山大学", "学生")}),
        ("[青山高中:Organization]老师[铃木一郎:Person]说。", {("铃木一郎", "affiliatedWith", "青山高中", "老师")}),
        ("[青山大学:Organization]校长说，学生[王明:Person]表示。", set()),  # the school farther off
        ("[青山商会:Organization]学生[王明:Person]表示。", set()),  # no school
        ("[青山市:City]学生[王明:Person]表示。", set()),  # a place
        ("[青山大学:Organization][王明:Person]表示。", set()),  # no role
    ]),
    "affiliatedWith.parent_body": (("affiliatedWith.title_before_name", "affiliatedWith.school_member"), {}, [
        # the university, newspaper or chamber a faculty, bureau or committee belongs to: not named yet, or named
        ("[青山大学药学院:Organization]教授[田中一郎:Person]表示。", {("田中一郎", "affiliatedWith", "青山大学", "教授")}),
        ("[东方新闻:Organization]报道。[东方新闻编辑局:Organization]局长[山田太郎:Person]出席。",
         {("山田太郎", "affiliatedWith", "东方新闻", "局长")}),
        ("[青山商工会议所中国商务委员会:Organization]委员长[铃木一郎:Person]致辞。",
         {("铃木一郎", "affiliatedWith", "青山商工会议所", "委员长")}),
        # an office or branch; a government's department; a unit of no such body
        ("[青山大学北京代表处:Organization]所长[王明:Person]出席。", set()),
        ("[青山市教委办公室:GovernmentBody]主任[王明:Person]出席。", set()),
        ("[青山协会事业部:Organization]部长[王明:Person]出席。", set()),
        ("[东方新闻社中国总局:Organization]局长[王明:Person]出席。", set()),  # the name goes on (新闻社)
    ]),
    "affiliatedWith.group_leader": (("affiliatedWith.title_before_name",), {}, [
        # the body (named in the article) a delegation is named after, and the place an assembly governs
        ("[[青山县:Region]议会:GovernmentBody]举行会议。会见由议长[甲田一郎:Person]率领的[[[青山县:Region]议会:GovernmentBody]代表团:Organization]。",
         {("甲田一郎", "affiliatedWith", "青山县议会"), ("甲田一郎", "affiliatedWith", "青山县")}),
        ("[白河友好协会:Organization]成立。[乙川二郎:Person]率[[白河友好协会:Organization]访华团:Organization]抵达。",
         {("乙川二郎", "affiliatedWith", "白河友好协会")}),
        # a group with no name of its own: the body right before 一行
        ("会见了[丙山三郎:Person]会长率领的[白河友好协会:Organization]一行。",
         {("丙山三郎", "affiliatedWith", "白河友好协会")}),
        # a place's or a government's group; a leader whose post here is another body's; no group word
        ("[王明:Person]率领的[[青山市:City]代表团:Organization]抵达。", set()),
        ("[青山市政府:GovernmentBody]发布。市长[王明:Person]率[[青山市政府:GovernmentBody]代表团:Organization]抵达。", set()),
        ("[白河友好协会:Organization]成立。[青山商会:Organization]会长[李华:Person]、[王明:Person]率领的"
         "[[白河友好协会:Organization]代表团:Organization]抵达。",
         {("王明", "affiliatedWith", "白河友好协会")}),  # 李华's post is the chamber's
        ("[王明:Person]率领的[白河友好协会:Organization]表示欢迎。", set()),
    ]),
    "participatedIn.attendees": (("heldIn.at_place",), {}, [
        # 致词 is written for 致辞 as well
        ("[青山推介会:Event]在白河举行。副市长[李强:Person]、理事[田中一郎:Person]分别致词。",
         {("李强", "participatedIn", "青山推介会"), ("田中一郎", "participatedIn", "青山推介会")}),
        ("[2024中日经贸洽谈会:Event]在大连举行。大连市副市长[李强:Person]、日本贸易振兴机构理事[田中一郎:Person]分别致辞。",
         {("李强", "participatedIn", "2024中日经贸洽谈会"), ("田中一郎", "participatedIn", "2024中日经贸洽谈会")}),
        ("[2024中日经贸洽谈会:Event]开幕。会上，[李强:Person]介绍了情况。", {("李强", "participatedIn", "2024中日经贸洽谈会")}),
        ("会上，[李强:Person]介绍了情况。", set()),  # no event to attend
        # what the cue names is a meeting named by its kind alone, not the event of the paragraph; a bare
        # 会议 or one after a determiner refers back to it
        ("[青山论坛:Event]在白河开幕。副主任[李强:Person]参加了以“加强交流”为主题的人大议会对话，达成了共识。", set()),
        ("[青山论坛:Event]在白河开幕。副主任[李强:Person]参加了此次交流大会，达成了共识。",
         {("李强", "participatedIn", "青山论坛")}),
        # who cuts the ribbon or unveils at it attends
        ("[青山旅游周:Event]在白河开幕。[马一平:Person]副知事与[周东:Person]副省长共同为活动剪彩。",
         {("马一平", "participatedIn", "青山旅游周"), ("周东", "participatedIn", "青山旅游周")}),
        # a relative clause: the guests it describes attend, not who receives them
        ("市长[李强:Person]会见了前来参加[青山外长会议:Event]的日本外务大臣[川口一:Person]。",
         {("川口一", "participatedIn", "青山外长会议")}),
        # the event in brackets with its place, or a headline's guests with no 的: still who is met
        ("市委书记[李强:Person]会见了来连出席[青山论坛:Event](白河)的日本市长[森一:Person]。",
         {("森一", "participatedIn", "青山论坛")}),
        ("[李强:Person]会见来榕参加[青山研讨会:Event]嘉宾。", set()),
        ("[李强:Person]会见前来参加[青山研讨会:Event]的日本嘉宾。", set()),
        # who is met in a clause before the cue does not attend; who meets does
        ("代表团分别拜会了会长[江田一:Person]、理事长[冈本二:Person]，并出席[青山招待会:Event]。", set()),
        ("[李强:Person]会见[川口一:Person]后，二人出席了[青山招待会:Event]。",
         {("李强", "participatedIn", "青山招待会"), ("川口一", "participatedIn", "青山招待会")}),
        ("会见后，[李强:Person]和[川口一:Person]还出席了[青山招待会:Event]。",
         {("李强", "participatedIn", "青山招待会"), ("川口一", "participatedIn", "青山招待会")}),
        ("市长[李强:Person]出席[青山外长会议:Event]的开幕式。", {("李强", "participatedIn", "青山外长会议")}),
        # a cue in what the person says is not their act; 致辞 before 表示 is
        ("[青山博览会:Event]将在[宜川:City]举行。[田中一郎:Person]说，届时会有更多企业参加。", set()),
        ("[青山博览会:Event]在[宜川:City]举行。[田中一郎:Person]致辞表示，欢迎更多企业参加。",
         {("田中一郎", "participatedIn", "青山博览会")}),
        # a bare 活动/会议 that opens a sentence refers back to the event named before, however far
        ("[青山说明会:Event]在东京举行。\n[王明:Person]会见了客人。\n企业代表济济一堂。\n代表们参观了工厂。\n"
         "活动在青山省发展和改革委员会主任[李强:Person]的主持下顺利进行。", {("李强", "participatedIn", "青山说明会")}),
        ("[珠江时报:Organization]讯(记者[李年:Person@people.byline_credits])[南海区推介会:Event]举行，"
         "[李强:Person]致辞。", {("李强", "participatedIn", "南海区推介会")}),  # a reporter attends nothing
        # a cue that opens a list of attendees
        ("[中日洽谈会:Event]在大连举行。出席本次活动的嘉宾有[李强:Person]，[田中一郎:Person]等。",
         {("李强", "participatedIn", "中日洽谈会"), ("田中一郎", "participatedIn", "中日洽谈会")}),
        # at the event (在E上, E期间); whom someone meets there is not said to attend
        ("日前，在“[第三届日中经济论坛:Event]”上，[田中一郎:Person]告诉记者。", {("田中一郎", "participatedIn", "第三届日中经济论坛")}),
        ("在[交流会:Event]期间，[王明:Person]会见了[佐藤一郎:Person]。", {("王明", "participatedIn", "交流会")}),
        # an invitation, related activities: nobody attends a named event
        ("[王明:Person]邀请大家参加[第十届东北亚博览会:Event]。", set()),
        ("[交流会:Event]举行。市领导[王明:Person]参加相关活动。", set()),
        # a name a person's title follows is a body's post, no event attended (…媒体论坛委员长甲)
        ("“[青山投资说明会:Event]”在[东京:City]举行。[白河集团:Company]董事长[王芳:Person]、"
         "[经团联媒体论坛:Event]委员长[三木一郎:Person]出席了活动。",
         {("王芳", "participatedIn", "青山投资说明会"), ("三木一郎", "participatedIn", "青山投资说明会")}),
        # 进行主题分享 is a talk given there
        ("[青山健康论坛:Event]在[白河:City]举行。学会副会长[吕明:Person]、总代表[田中一郎:Person]等专家分别围绕合作进行主题分享。",
         {("吕明", "participatedIn", "青山健康论坛"), ("田中一郎", "participatedIn", "青山健康论坛")}),
        # who is welcomed (向参会嘉宾表示欢迎): the cue is no act of the subject's
        ("[青山经济合作会议:Event]在[长春:City]开幕。[胡明:Person]代表省政府向参会嘉宾表示欢迎。", set()),
        # a speech quoted as a guideline (贯彻…在E上的重要讲话精神): nobody attends here
        ("[青山座谈会:Event]在[白河:City]举行。全市认真贯彻[王明:Person]在[青山座谈会:Event]上的重要讲话精神。", set()),
        ("[青山论坛:Event]在[白河:City]举行。全市贯彻[王明:Person]讲话精神。", set()),
        # a meeting attended (参加会见, 出席了会谈), not the event; but 出席座谈会 names an event's kind
        ("[白河推介会:Event]在[东京:City]举行。会后，市长会见客人，副市长[王明:Person]参加会见。", set()),
        ("[白河推介会:Event]在[东京:City]举行。副市长[王明:Person]出席了会谈。", set()),
        ("[白河推介会:Event]在[东京:City]举行。副市长[王明:Person]出席座谈会。", {("王明", "participatedIn", "白河推介会")}),
        # the event the text reports on, held paragraphs before
        ("[说明会:Event]在[东京:City]举行。\n天气很好。\n大家很高兴。\n活动在主任[李明:Person]的主持下顺利进行。",
         {("李明", "participatedIn", "说明会")}),
        ("[对接会:Event]在[威海:City]举行。\n天气很好。\n大家很高兴。\n社长[佐藤一郎:Person]在签约现场表示，很满意。",
         {("佐藤一郎", "participatedIn", "对接会")}),
        # what the speaker says after the speech verb names no event attended
        ("[成立大会:Event]在[东京:City]举行。会长[杜明:Person]致辞表示，将组织企业参加6月举办的“[名品展:Event]”。",
         {("杜明", "participatedIn", "成立大会")}),
        # a verb of gathering (济济一堂, 共聚一堂, 聚首): those listed before it attend
        ("[青山合作论坛:Event]在[白河:City]开幕，总领事[李明:Person]，省长[王东:Person]等各界代表济济一堂。",
         {("李明", "participatedIn", "青山合作论坛"), ("王东", "participatedIn", "青山合作论坛")}),
        ("[青山交流峰会:Event]举行。会长[田中一郎:Person]、社长[木村二郎:Person]等日本嘉宾在白河聚首，共商合作。",
         {("田中一郎", "participatedIn", "青山交流峰会"), ("木村二郎", "participatedIn", "青山交流峰会")}),
        # 到会 (come to the meeting): those listed before it attend; not in a longer word (得到会员的支持)
        ("[青山纪念会:Event]在[东京:City]举行。使馆代表[王明:Person]参赞、协会代表[田中一郎:Person]理事长等到会祝贺。",
         {("王明", "participatedIn", "青山纪念会"), ("田中一郎", "participatedIn", "青山纪念会")}),
        ("[青山纪念会:Event]在[东京:City]举行。[田中一郎:Person]的提议得到会员的支持。", set()),
        ("[青山纪念会:Event]在[东京:City]举行。[王明:Person]受到会见。", set()),
        # a sentence that names no event attends only one the text reports as held or attended, not a word
        # only named (an event-like head of a body's name, the object of a visit)
        ("代表团访问[青山协商会议:Event]白河市委员的副主席[王明:Person]。\n此外，白河方面出席的有：秘书长[李强:Person]、"
         "会长[田中一郎:Person]等。", set()),
        ("[青山协商会议:Event]在[白河:City]举行。\n此外，白河方面出席的有：秘书长[李强:Person]、会长[田中一郎:Person]等。",
         {("李强", "participatedIn", "青山协商会议"), ("田中一郎", "participatedIn", "青山协商会议")}),
    ]),
    "participatedIn.attendee_bodies": (("affiliatedWith.title_before_name",), {}, [
        # a verb of gathering: the bodies listed before it attend, not one a person's title follows
        ("[青山圆桌会议:Event]举行。[白河市政府:GovernmentBody]方面，[商务局:GovernmentBody]等部门的负责人齐聚一堂。",
         {("白河市政府", "participatedIn", "青山圆桌会议"), ("商务局", "participatedIn", "青山圆桌会议")}),
        ("[青山座谈会:Event]举行，企业代表与[青山银行:Company]行长[王明:Person]共聚一堂。", set()),
        # a relative clause: the delegation it describes attends, not the host's body
        ("[青山市政府:GovernmentBody]市长[李强:Person]会见来[青山:City]参加[青山旅游大会:Event]的[白河市代表团:Organization]。",
         {("白河市代表团", "participatedIn", "青山旅游大会")}),
        # who is welcomed (代表省委省政府向参会嘉宾表示欢迎): no body attends by it
        ("[青山经济合作会议:Event]在[长春:City]开幕。[胡明:Person]代表[青山省委:GovernmentBody]向参会嘉宾表示欢迎。", set()),
        ("[2023大连日本商品展:Event]举行，[丰田:Company]、[松下:Company]等企业参展。",
         {("丰田", "participatedIn", "2023大连日本商品展"), ("松下", "participatedIn", "2023大连日本商品展")}),
        ("[2023大连日本商品展:Event]举行，[丰田:Company]参展，[李强:Person]出席。", {("丰田", "participatedIn", "2023大连日本商品展")}),
        # the list before the cue runs over commas
        ("[推介会:Event]举行。[日本欧力士集团:Company]、[日中投资促进机构:Organization]等日本企业代表，"
         "[省旅游集团:Company]相关负责人约70人参加会议。",
         {("日本欧力士集团", "participatedIn", "推介会"), ("日中投资促进机构", "participatedIn", "推介会"),
          ("省旅游集团", "participatedIn", "推介会")}),
        # a person's employer, what is presented, the hosts: no attendees
        ("[说明会:Event]举行。[日中经济协会:Organization]理事长[笹川雅二:Person]出席。", set()),
        # a body with two posts of one person after it (省委常委、市委书记): his employer, no attendee
        ("[说明会:Event]举行。[青山省委:GovernmentBody]常委、市委书记[王明:Person]致辞。", set()),
        # the employer of one attendee, listed again by its delegates: it attends
        ("[交流会:Event]举行。[青山协会:Organization]会长[王明:Person]致辞，[青山协会:Organization]代表、"
         "[白河公司:Company]代表等共80人参加了活动。",
         {("青山协会", "participatedIn", "交流会"), ("白河公司", "participatedIn", "交流会")}),
        ("[交流会:Event]举行。[青山协会:Organization]代表[王明:Person]出席。", set()),
        # 到会: the bodies whose officials and delegates are listed before it attend
        ("[青山洽谈会:Event]在[东京:City]举行。[白河大使馆:GovernmentBody]官员以及日本企业代表等共近百人到会。",
         {("白河大使馆", "participatedIn", "青山洽谈会")}),
        ("[交流会:Event]举行。[青山协会:Organization]会长[王明:Person]、[株式会社白河:Company]代表取缔役会长[林一郎:Person]发言。",
         set()),
        # a zone is what is presented (its administration attends, named as a body)
        ("[说明会:Event]举行。[青岛开发区:Zone]对[中日示范区:Zone]进行推介。", set()),
        ("[说明会:Event]举行。[青岛开发区管委会:GovernmentBody]对[中日示范区:Zone]进行推介。",
         {("青岛开发区管委会", "participatedIn", "说明会")}),
        ("由[苏州市商务局:GovernmentBody]主办，[丰田:Company]参展的[博览会:Event]开幕。", {("丰田", "participatedIn", "博览会")}),
        # a delegation someone leads attends with them, past a clause of its own
        ("市长[黄明:Person]率[苏州市政府代表团:Organization]对日本进行了友好访问，出席[纪念活动:Event]。",
         {("苏州市政府代表团", "participatedIn", "纪念活动")}),
    ]),
    "participatedIn.speakers": (("heldIn.at_place", "investedIn.foreign_firms"), {}, [
        # an investment told since breaks the scene, unless a speaker of its paragraph tells it
        ("[对接会:Event]在[威海:City]举行。[王明:Person]致辞表示，威海环境优美。目前，日资企业在[威海:City]投资设立企业50家。"
         "[田中一郎:Person]表示，合作前景广阔。",
         {("王明", "participatedIn", "对接会"), ("田中一郎", "participatedIn", "对接会")}),
        ("[对接会:Event]在[威海:City]举行。\n目前，日资企业在[威海:City]投资设立企业50家。\n[田中一郎:Person]表示，合作前景广阔。",
         set()),
        ("[对接会:Event]在[威海:City]举行。日本驻青岛总领事[井川一郎:Person]称，威海环境优美。",
         {("井川一郎", "participatedIn", "对接会")}),
        # an event named only to say who the guests met are: they speak at the meeting
        ("市长[王明:Person]会见了前来参加[青山外长会议:Event]的[川口一:Person]。[王明:Person]表示，欢迎来访。", set()),
        ("[王明:Person]会见来榕参加[青山研讨会:Event]嘉宾。[王明:Person]表示，欢迎来访。", set()),
        ("[青山外长会议:Event]在[威海:City]举行。[王明:Person]表示，欢迎来访。", {("王明", "participatedIn", "青山外长会议")}),
        # an event still to come: nobody speaks there yet
        ("代表团此次来访将参加[青山恳谈会:Event]。市长[王明:Person]表示，欢迎代表团。", set()),
        ("[青山恳谈会:Event]将于5月在[白河:City]举行。[王明:Person]表示，欢迎各界参加。", set()),
        ("代表团参加了[青山恳谈会:Event]。市长[王明:Person]表示，欢迎代表团。", {("王明", "participatedIn", "青山恳谈会")}),
        # a meeting told since: the speaker may speak there
        ("[对接会:Event]在[威海:City]举行。[王明:Person]会见了客人。[李强:Person]表示，合作前景广阔。", set()),
        # the event named after the verb is what is spoken about
        ("[李强:Person]表示，通过[太湖论坛:Event]，企业了解了趋势。", set()),
        # of two events a sentence names, the one it says was held
        ("[推介会:Event]在[威海:City]举行，这也是[对话地方:Event]系列活动的首场会议。[胡正跃:Person]表示，两国往来密切。",
         {("胡正跃", "participatedIn", "推介会")}),
        # 据…介绍 gives a source of what is told
        ("[对接会:Event]在[威海:City]举行。据副区长[王明:Person]介绍，威海环境优美。", set()),
        # an event talked about in a speech (after its verb or a wish) is no setting of the speeches after it
        ("[推介会:Event]在[神户:City]举行。[林一郎:Person]致辞表示，希望企业参加[进口博览会:Event]。"
         "[陈海:Person]指出，两市往来密切。", {("林一郎", "participatedIn", "推介会"), ("陈海", "participatedIn", "推介会")}),
        ("[洽谈会:Event]在[长沙:City]举行。[高桥健:Person]说，湖南发展很快。相信[第二届湘博会:Event]将在明年举办。"
         "[周文:Person]表示，欢迎日企投资。", {("高桥健", "participatedIn", "洽谈会"), ("周文", "participatedIn", "洽谈会")}),
        # 称 of 简称 is no speech
        ("[第五届东博会:Event]（简称“东博会”）在[南宁:City]举行。[田中修:Person]表示，合作前景广阔。",
         {("田中修", "participatedIn", "第五届东博会")}),
        # a byline's reporter speaks at nothing
        ("[对接会:Event]在[威海:City]举行。[中新网:Organization@people.byline_outlet]成都1月12日电"
         "([岳一:Person@people.byline_credits])四川省发布宣言。", set()),
        # attended (a cue in the sentence that names it), not only held
        ("客商参加了[株洲汽车零部件招商洽谈会:Event]。市长[王群:Person]介绍，株洲潜力很大。",
         {("王群", "participatedIn", "株洲汽车零部件招商洽谈会")}),
    ]),
    "participatedIn.subject_bodies": ((), {}, [
        # the bodies listed at the head of a clause set at the event, closed by 等
        ("[白河恳谈会:Event]在[上海:City]举行。会上，[青山商事(上海)有限公司:Company]及[白河化学株式会社:Company]等5家日资企业"
         "提出了建议。", {("青山商事(上海)有限公司", "participatedIn", "白河恳谈会"),
                       ("白河化学株式会社", "participatedIn", "白河恳谈会")}),
        # right before 在(本次)E上
        ("[青山软件:Company]、[白河科技:Company]等十余家企业在本次[座谈会:Event]上进行了交流。",
         {("青山软件", "participatedIn", "座谈会"), ("白河科技", "participatedIn", "座谈会")}),
        ("在“[第三届青山经贸洽谈会:Event]”上，[丰田:Company]、[松下:Company]等企业签约。",
         {("丰田", "participatedIn", "第三届青山经贸洽谈会"), ("松下", "participatedIn", "第三届青山经贸洽谈会")}),
        # a body whose person speaks: the person attends (participatedIn.attendees); no list closed by 等
        ("[白河恳谈会:Event]举行。会上，[青山商会:Organization]会长[王明:Person]等致辞。", set()),
        ("[白河恳谈会:Event]举行。会上，[青山商会:Organization]介绍了情况。", set()),
        # the list is not who is there: something else stands between it and 在E上
        ("[丰田:Company]、[松下:Company]的代表，在[第三届青山经贸洽谈会:Event]上签约。", set()),
    ]),
    "participatedIn.deal_makers": (("heldIn.at_place", "participatedIn.attendees"), {}, [
        # the sentence after one set at the event
        ("[洽谈会:Event]在[大连:City]举行。[洽谈会:Event]上，园区作了推介。[丰田通商:Company]、[三菱商事:Company]等日资企业"
         "与相关园区初步达成10余项合作意向。",
         {("丰田通商", "participatedIn", "洽谈会"), ("三菱商事", "participatedIn", "洽谈会")}),
        ("[对接会:Event]在[南沙:District]举行，60余家日资企业与[广汽集团:Company]、[小鹏汽车:Company]等本土企业开展对接。",
         {("广汽集团", "participatedIn", "对接会"), ("小鹏汽车", "participatedIn", "对接会")}),
        ("[对接会:Event]在[佛山:City]举行，还邀请[佛山市行业协会:Organization]参与对接交流。", set()),  # invited
        # talks told apart from the event
        ("[交流会:Event]在[烟台:City]举行。\n产业园位于开发区。\n园区正在与[三菱电机:Company]等日本企业洽谈合作。", set()),
    ]),
    "participatedIn.presenters": (("heldIn.at_place",), {}, [
        # the bodies at the head of a clause set at the event, before a verb of presenting
        ("[青山旅游推介会:Event]在[东京:City]举行。[推介会:Event=青山旅游推介会]上，[白河旅行社:Company]、"
         "[青山观光协会:Organization]等机构从业者分享了各自领域的经验。",
         {("白河旅行社", "participatedIn", "青山旅游推介会"), ("青山观光协会", "participatedIn", "青山旅游推介会")}),
        # in the report of the event, their experts present
        ("[白河节能技术交流会:Event]在[上海:City]举行。[青山电机:Company]和[白河燃气集团:Company]的专家就节能技术进行了说明。",
         {("青山电机", "participatedIn", "白河节能技术交流会"), ("白河燃气集团", "participatedIn", "白河节能技术交流会")}),
        # a source of the facts told; a person's post; a host between
        ("[白河交流会:Event]在[上海:City]举行。据[青山电机:Company]介绍了，产品很多。", set()),
        ("[白河交流会:Event]在[上海:City]举行。[青山镇党委:GovernmentBody]副书记、镇长王某详细介绍了情况。", set()),
        ("[白河交流会:Event]在[上海:City]举行。[青山电机:Company]主办方介绍了情况。", set()),
        # no event reported before
        ("[青山电机:Company]、[白河燃气集团:Company]等企业介绍了企业发展情况。", set()),
    ]),
    "participatedIn.place_delegates": ((), {}, [
        # the places whose leaders and officials come
        ("[白河论坛:Event]举行。本届[论坛:Event=白河论坛]邀请到来自[中国:Country][青山:Region]、[白河:Region]等2省政府领导和"
         "[日本:Country][甲斐:Region]、[乙川:Region]等2县知事参会。",
         {("青山", "participatedIn", "白河论坛"), ("白河", "participatedIn", "白河论坛"),
          ("甲斐", "participatedIn", "白河论坛"), ("乙川", "participatedIn", "白河论坛")}),
        # of a place right before another only the nearer
        ("来自[日本:Country]的[青山县:Region]、[大阪府:Region][白河野市:City]的相关人士也出席了[青山友城交流周:Event]。",
         {("青山县", "participatedIn", "青山友城交流周"), ("白河野市", "participatedIn", "青山友城交流周")}),
        # young people speak for no place
        ("来自[日本:Country]友城[青山县:Region]、[白河县:Region]青少年等30余人参加[青山交流活动:Event]。", set()),
        # the cities that attend, named after them; not a partner after 与
        ("前来参加[青山友城大会:Event]的城市里，既有与[青山:City]缔结友好城市的[日本:Country][白河市:City]、[甲野市:City]，"
         "也有[韩国:Country][乙原:City]等一些城市。",
         {("白河市", "participatedIn", "青山友城大会"), ("甲野市", "participatedIn", "青山友城大会"),
          ("乙原", "participatedIn", "青山友城大会")}),
    ]),
    "participatedIn.viewers": ((), {}, [
        ("开展仪式后，[张明:Person]陪同知事[田村一郎:Person]参观“[白河图片展:Event]”。",
         {("张明", "participatedIn", "白河图片展"), ("田村一郎", "participatedIn", "白河图片展")}),
        ("会见前，[小林一郎:Person]一行参观了守望林，以及规划沙盘、[2022年冬奥会:Event]和[纪念白河结好40周年展览:Event]。",
         {("小林一郎", "participatedIn", "纪念白河结好40周年展览")}),  # of a list, the exhibition
        ("[小林一郎:Person]参观了工厂。", set()),  # no event
        ("[小林一郎:Person]参观了[白河论坛:Event]会场。", set()),  # no exhibition
    ]),
    "participatedIn.signers": (("heldIn.at_place",), {}, [
        ("[交流大会:Event]在[大阪:City]举行。大连市副市长[卢林:Person]、大阪市副市长[石田正刚:Person]签署合作备忘录。",
         {("卢林", "participatedIn", "交流大会"), ("石田正刚", "participatedIn", "交流大会")}),
        # no event reported on: a signing of its own
        ("市长[陆永刚:Person]与知事[大岛美奈子:Person]签署备忘录。", set()),
        ("[交流大会:Event]在[大阪:City]举行。[王明:Person]会见了客人。[卢林:Person]与[石田正刚:Person]签署备忘录。", set()),
    ]),
    "participatedIn.signing_bodies": ((), {}, [
        ("在[青山洽谈会:Event]上，[白川化工有限公司:Company]、[东海电子有限公司:Company]分别与[株式会社森田商事:Company]、[北村精机株式会社:Company]签署合作协议。",
         {("白川化工有限公司", "participatedIn", "青山洽谈会"), ("东海电子有限公司", "participatedIn", "青山洽谈会"),
          ("株式会社森田商事", "participatedIn", "青山洽谈会"), ("北村精机株式会社", "participatedIn", "青山洽谈会")}),
        ("[青山洽谈会:Event]期间，[白川化工有限公司:Company]和[株式会社森田商事:Company]签署了意向书。",
         {("白川化工有限公司", "participatedIn", "青山洽谈会"), ("株式会社森田商事", "participatedIn", "青山洽谈会")}),
        # a body whose post a person holds: the person signs
        ("在[青山洽谈会:Event]上，[白川化工有限公司:Company]社长[林一郎:Person]签署合作协议。", set()),
        # not set at the event: a signing of its own
        ("[青山洽谈会:Event]结束后，[白川化工有限公司:Company]与[株式会社森田商事:Company]签署合作协议。", set()),
        # at its opening: the event the text reports, named before
        ("[青山洽谈会:Event]在白河举行。在开幕式上，[白川大学联盟:Organization]和[东海大学联盟:Organization]签署了宣言。",
         {("白川大学联盟", "participatedIn", "青山洽谈会"), ("东海大学联盟", "participatedIn", "青山洽谈会")}),
        # projects signed, not bodies attending
        ("在[青山洽谈会:Event]上，[白川化工:Company]、[东海电子:Company]等5个项目集中签约。", set()),
        ("[青山洽谈会:Event]在白河举行。活动现场，[白川化工:Company]等5个项目集中签约。", set()),
        # an event named in the sentence, to come: not the one it is set at
        ("[青山洽谈会:Event]在白河举行。[白川商会:Organization]与[东海协会:Organization]在会上签署了备忘录，双方将共同举办"
         "[白河对接会:Event]。", set()),
        # a meeting named by its kind alone in the sentence: which meeting 会上 is, is unsure
        ("[青山洽谈会:Event]在白河举行。[白川商会:Organization]与[东海协会:Organization]在会上签署了备忘录，双方将共同举办"
         "商务对接会、联合发布指南。", set()),
        ("[青山洽谈会:Event]在白河举行。[白川商会:Organization]与[东海协会:Organization]在会上签署了备忘录。",
         {("白川商会", "participatedIn", "青山洽谈会"), ("东海协会", "participatedIn", "青山洽谈会")}),
    ]),
    "organizedBy.hosts": ((), {}, [
        # a name right before another is a piece of one longer name: not a host of its own
        ("由[白河市:City][青山区商务局:GovernmentBody]、[黄土镇政府:GovernmentBody]主办的[青山说明会:Event]举行。",
         {("青山说明会", "organizedBy", "青山区商务局"), ("青山说明会", "organizedBy", "黄土镇政府")}),
        # 合办, 联办: co-hosting, like 共同主办
        ("这是由[青山市政府:GovernmentBody]与[白河大使馆:GovernmentBody]合办的“[白河周:Event]”。",
         {("白河周", "organizedBy", "青山市政府"), ("白河周", "organizedBy", "白河大使馆")}),
        # a country is no host: before a host it opens a name not found whole
        ("由[中国:Country]国际[贸促会青山市分会:Organization]主办的[青山洽谈会:Event]在[东京:City]举行。",
         {("青山洽谈会", "organizedBy", "贸促会青山市分会")}),
        ("由[大连市政府:GovernmentBody]和[日本贸易振兴机构:Organization]共同主办的[第三届中日产业合作论坛:Event]在[大连:City]举行。",
         {("第三届中日产业合作论坛", "organizedBy", "大连市政府"), ("第三届中日产业合作论坛", "organizedBy", "日本贸易振兴机构")}),
        ("[交流会:Event]由[成都市商务局:GovernmentBody]和[日本中国商会:Organization]共同主办。",
         {("交流会", "organizedBy", "成都市商务局"), ("交流会", "organizedBy", "日本中国商会")}),
        ("[成都市商务局:GovernmentBody]举办[成都日本经贸交流会:Event]。", set()),
        # each host's cue after 由: 主办, then 承办 (a comma or a list mark between them)
        ("由[湖北省人民政府:GovernmentBody]主办,[湖北省商务厅:GovernmentBody]、[福冈商工会议所:Organization]承办的"
         "[洽谈会:Event]开幕。",
         {("洽谈会", "organizedBy", "湖北省人民政府"), ("洽谈会", "organizedBy", "湖北省商务厅"),
          ("洽谈会", "organizedBy", "福冈商工会议所")}),
        # a clause that ends in another word names no host; 此次活动 refers back to the event
        ("[2024湖南友城交流活动:Event]在长沙启动。此次活动由[中国人民对外友好协会:Organization]支持指导，"
         "[湖南省人民对外友好协会:Organization]主办。",
         {("2024湖南友城交流活动", "organizedBy", "湖南省人民对外友好协会")}),
        # a country right before a body only says where it is
        ("由[陕西省人民政府:GovernmentBody]和[日本:Country][京都府厅:GovernmentBody]主办的[洽谈会:Event]召开。",
         {("洽谈会", "organizedBy", "陕西省人民政府"), ("洽谈会", "organizedBy", "京都府厅")}),
        # the short name an alias note gives is no host of its own
        ("[交流会:Event]由[大连金普新区管理委员会:GovernmentBody](以下简称“[金普新区管委会:GovernmentBody]”)承办。",
         {("交流会", "organizedBy", "大连金普新区管理委员会")}),
        # 举办地 (the venue) is a noun, no cue of its own
        ("[青山日商恳谈会:Event]是定期交流机制，由当届举办地俱乐部与[青山贸易振兴会:Organization]共同协办。",
         {("青山日商恳谈会", "organizedBy", "青山贸易振兴会")}),
        # the pieces of a longer name joined by 驻 host nothing
        ("由[青山科技园区:Zone]国家示范区驻[东京:City]联络处主办的“[在日青山企业座谈会:Event]”举行。", set()),
    ]),
    "organizedBy.host_verb": ((), {}, [
        # the events the next clause lists after 包括 (not a clause that names an event of its own)
        ("[青山市:City]举办了10场相关配套活动，包括[2024青山商品展览会:Event]、[第35届青山演讲比赛决赛:Event]等。",
         {("2024青山商品展览会", "organizedBy", "青山市"), ("第35届青山演讲比赛决赛", "organizedBy", "青山市")}),
        ("[成都市商务局:GovernmentBody]举办[成都日本经贸交流会:Event]。", {("成都日本经贸交流会", "organizedBy", "成都市商务局")}),
        ("由[成都市商务局:GovernmentBody]举办[成都日本经贸交流会:Event]。", set()),  # the hosts rule's
        # a place right after the event's name is where it is held, not who holds it
        ("[湘日经合会:Event][大阪:City]召开。", set()),
        ("[湘日经合会:Event]于[大阪:City]召开。", set()),
        # every host of the list before the cue; a country before a prefecture only says where it is
        ("[江苏省:Region]与[日本:Country][福冈县:Region]、[熊本县:Region]12日在[南京:City]共同举办了[交流活动:Event]。",
         {("交流活动", "organizedBy", "江苏省"), ("交流活动", "organizedBy", "福冈县"), ("交流活动", "organizedBy", "熊本县")}),
        # a chain of places written together names one host, the last: those before say where it lies
        ("近日，[青海省:Region][白河:City][青山区:District]在[东京:City]召开“[青山区投资说明会:Event]”。",
         {("青山区投资说明会", "organizedBy", "青山区")}),
        ("[白河:City][青山区:District][石门镇:District]举办“[石门投资说明会:Event]”。",
         {("石门投资说明会", "organizedBy", "石门镇")}),
        ("[苏州市政府:GovernmentBody]在金鸡湖大酒店组织召开了“[苏州日本经贸交流会:Event]”。",
         {("苏州日本经贸交流会", "organizedBy", "苏州市政府")}),
        ("[交流活动:Event]是[苏州市人民政府:GovernmentBody]与[苏州日本商工会:Organization]共同主办。",
         {("交流活动", "organizedBy", "苏州市人民政府"), ("交流活动", "organizedBy", "苏州日本商工会")}),
        ("考察日本期间，[我市:City=无锡]精心策划举办“[在东京遇见无锡城市视觉展:Event]”。",
         {("在东京遇见无锡城市视觉展", "organizedBy", "无锡")}),
        ("[李明:Person]出席[苏州日本经贸交流会:Event]。", set()),
        # 举行 with the event right after it is said of who holds it; E在P举行 and 举行了会谈 are not
        ("[青山省外事办公室:GovernmentBody]和[白河商工会:Organization]在[黑川:City]举行了“[青山对接会:Event]”。",
         {("青山对接会", "organizedBy", "青山省外事办公室"), ("青山对接会", "organizedBy", "白河商工会")}),
        ("[青山对接会:Event]在[青山市政府:GovernmentBody]举行。", set()),
        ("[青山对接会:Event]举行。[青山市政府:GovernmentBody]与[白河商工会:Organization]举行了会谈。", set()),
        # a venue after the places after 在 is where, not who
        ("[王明:Person]在[日本:Country][东京:City][白河王子酒店:Company]举行[青山经贸交流会:Event]。", set()),
        # places after 在 are where it is held, the country before the city too
        ("[青山市代表团:Organization]在[日本:Country][东京:City]成功举办“[青山-日本恳谈会:Event]”。",
         {("青山-日本恳谈会", "organizedBy", "青山市代表团")}),
        ("[青山市政府:GovernmentBody]在[东京:City]举办[青山-日本恳谈会:Event]。",
         {("青山-日本恳谈会", "organizedBy", "青山市政府")}),
        ("[北海道:Region]出展了于[黑龙江省:Region][哈尔滨市:City]举办的“[青山国际经贸洽谈会:Event]”。", set()),
        # every event listed after the cue has the hosts (和, 、, quotes side by side); not one a clause of its own
        ("[青山市代表团:Organization]在[东京:City]举办了“[青山文旅推介会:Event]”和[《白河的故事》特展:Event]。",
         {("青山文旅推介会", "organizedBy", "青山市代表团"), ("《白河的故事》特展", "organizedBy", "青山市代表团")}),
        ("[青山市政府:GovernmentBody]举办[青山投资说明会:Event]、[青山文化交流会:Event]。",
         {("青山投资说明会", "organizedBy", "青山市政府"), ("青山文化交流会", "organizedBy", "青山市政府")}),
        ("[青山市政府:GovernmentBody]举办[青山投资说明会:Event]，[青山文化交流会:Event]则在白河举行。",
         {("青山投资说明会", "organizedBy", "青山市政府")}),
    ]),
    "participatedIn.pair_places": (("affiliatedWith.title_before_name",), {}, [
        # 两市 for the pair of cities named before attend the event named after the cue
        ("[青山市:City]与[白河市:City]结好20周年。两市将携手共同参与“[青山小使者:Event]”交流活动。",
         {("青山市", "participatedIn", "青山小使者"), ("白河市", "participatedIn", "青山小使者")}),
        # a clause between; the delegations the pair sends are theirs
        ("[青山市:City]与[白河市:City]签署友好协议。两市皆为友城，去年均派出[青山代表团:Organization]出席了"
         "[第20届友好城市交流大会:Event]。",
         {("青山市", "participatedIn", "第20届友好城市交流大会"), ("白河市", "participatedIn", "第20届友好城市交流大会")}),
        # a pair of mayors: their cities
        ("[青山市:City]市长[王明:Person]与[白河市:City]市长[田中一郎:Person]签署了友好交流协议书。两市还将组队参加在北京召开的“[友好城市乒乓球大赛:Event]”。",
         {("青山市", "participatedIn", "友好城市乒乓球大赛"), ("白河市", "participatedIn", "友好城市乒乓球大赛")}),
        # someone else named in the cue's clause attends, not the pair
        ("[青山市:City]与[白河市:City]结好20周年。两市多次开展交流，明年[青山市民团:Organization]将参加[白河马拉松比赛:Event]。",
         set()),
        # 双方 and 两国 are no pair of places
        ("[青山市:City]与[白河市:City]结好20周年。双方将共同参与“[青山小使者:Event]”交流活动。", set()),
        ("[中国:Country]与[日本:Country]签署协议。两国将共同参加[亚洲博览会:Event]。", set()),
    ]),
    "organizedBy.pair_pronoun": ((), {}, [
        # 双方/两市 for the pair named before host the events listed after the cue
        ("[青山市:City]与[白河市:City]结好20周年。两市共同举办了[青山·白河友好交流会:Event]和[青山文化周:Event]。",
         {("青山·白河友好交流会", "organizedBy", "青山市"), ("青山·白河友好交流会", "organizedBy", "白河市"),
          ("青山文化周", "organizedBy", "青山市"), ("青山文化周", "organizedBy", "白河市")}),
        # a clause between, and the place after 在: still the pair's
        ("[青山省:Region]与[白河县:Region]缔结友好省县。为庆祝结好35周年，双方于12月在[白河县:Region]共同举办了“[青山·白河书法展:Event]”。",
         {("青山·白河书法展", "organizedBy", "青山省"), ("青山·白河书法展", "organizedBy", "白河县")}),
        # a body between the pronoun and the cue hosts it (the host_verb rule's), not the pair
        ("[青山市:City]与[白河市:City]签署合作协议。双方表示，[青山市商务局:GovernmentBody]将举办[青山投资说明会:Event]。",
         set()),
        # the sentence names its own pair (host_verb's), or no pair was named before
        ("两市共同举办了[青山·白河友好交流会:Event]。", set()),
    ]),
    "organizedBy.visitors": (("visited.named_visitor", "visited.delegation_origin"), {}, [
        # who visits and then (并) holds an event hosts it: the delegation and the city it comes from
        ("[[白河市:City]代表团:Organization]访问[青山:City]，并举办了[白河投资说明会:Event]。",
         {("白河投资说明会", "organizedBy", "白河市代表团"), ("白河投资说明会", "organizedBy", "白河市")}),
        # a body of its own before 并 hosts it (not this rule's), and no 并: not this rule's either
        ("[[白河市:City]代表团:Organization]访问[青山:City]，[青山市商务局:GovernmentBody]并举办了[白河投资说明会:Event]。",
         set()),
        ("[[白河市:City]代表团:Organization]访问[青山:City]。[青山市商务局:GovernmentBody]举办了[白河投资说明会:Event]。",
         set()),
    ]),
    "organizedBy.delegation_sender": (("organizedBy.host_verb",), {}, [
        # a delegation hosts for who sent it: the city its name opens with, a body it is named after (named
        # on its own in the text)
        ("[[白河市:City]代表团:Organization]在[东京:City]举办了“[白河经贸交流会:Event]”。",
         {("白河经贸交流会", "organizedBy", "白河市")}),
        ("[白河市贸促会:Organization]组团访日。[[白河市贸促会:Organization]代表团:Organization]在[东京:City]举办[白河推介会:Event]。",
         {("白河推介会", "organizedBy", "白河市贸促会")}),
        # a body that is no delegation hosts for itself
        ("[白河市贸促会:Organization]在[东京:City]举办[白河推介会:Event]。", set()),
    ]),
    "organizedBy.host_nouns": ((), {}, [
        ("[论坛:Event]举行。主办方[苏州市商务局:GovernmentBody]、[日本贸易振兴机构:Organization]达成共识。",
         {("论坛", "organizedBy", "苏州市商务局"), ("论坛", "organizedBy", "日本贸易振兴机构")}),
        ("主办方[苏州市商务局:GovernmentBody]达成共识。", set()),  # no event to host
    ]),
    "heldIn.at_place": ((), {}, [
        # the event in quotes right after the cue, not one named before 在
        ("去年在[白河:City]举办的“[青山周:Event]”很成功，[白河县:Region]将在[青山:City]举办“[白河周:Event]”。",
         {("青山周", "heldIn", "白河"), ("白河周", "heldIn", "青山")}),
        ("[2023成都日本经贸交流会:Event]在[东京:City]举行。", {("2023成都日本经贸交流会", "heldIn", "东京")}),
        ("在[东京:City]举办的[2023成都日本经贸交流会:Event]吸引了众多企业。", {("2023成都日本经贸交流会", "heldIn", "东京")}),
        ("在[[东京:City]大学:Organization]举办的[论坛:Event]很成功。", {("论坛", "heldIn", "东京")}),
        # E与在P举办的F同步举行: F is held at P; an event's name is no venue
        ("[座谈会:Event]与在[名古屋:City]举办的[湖北周开幕式:Event]同步进行。", {("湖北周开幕式", "heldIn", "名古屋")}),
        # events listed after the one held: each (quoted one after the other, or joined by 和)
        ("双方在[白河县:Region]共同举办了“[青山·白河书法展:Event]”“[青山·白河文化讲座:Event]”等活动。",
         {("青山·白河书法展", "heldIn", "白河县"), ("青山·白河文化讲座", "heldIn", "白河县")}),
        ("在[东京:City]举办了[2024青山推介会:Event]和[2024白河论坛:Event]。",
         {("2024青山推介会", "heldIn", "东京"), ("2024白河论坛", "heldIn", "东京")}),
        ("在[东京:City]举办了[2024青山推介会:Event]，[2024白河论坛:Event]则延期。",
         {("2024青山推介会", "heldIn", "东京")}),
        ("本次[座谈会:Event]和在[[迪拜:City]世博会:Event]的中国馆举办的开幕式同步举行。", set()),
        # cue words in traditional characters (舉行) are found on the folded text
        ("[2023成都日本經貿交流會:Event]在[東京:City]舉行。", {("2023成都日本經貿交流會", "heldIn", "東京")}),
        # the smallest place said; two places of one chain; two venues
        ("[湖北友城交流会:Event]在[日本:Country][福冈:City]举行。", {("湖北友城交流会", "heldIn", "福冈")}),
        ("在[九州:Region]地区经济中心[福冈市:City]举行的[推介会:Event]。", {("推介会", "heldIn", "福冈市")}),
        ("[对接会:Event]在[广州:City][南沙:District]举办。", {("对接会", "heldIn", "广州"), ("对接会", "heldIn", "南沙")}),
        ("[研讨会:Event]在[中国:Country][南京:City]和[日本:Country][东京:City]两地同时召开。",
         {("研讨会", "heldIn", "南京"), ("研讨会", "heldIn", "东京")}),
        # a wider place after the venue opens another name
        ("[对接会:Event]在[东莞:City][厚街镇:District][[广东:Region]现代国际展览中心:Organization]举行。",
         {("对接会", "heldIn", "东莞"), ("对接会", "heldIn", "厚街镇")}),
        ("代表团在[东京:City]举办了[苏州市投资环境说明会:Event]。", {("苏州市投资环境说明会", "heldIn", "东京")}),
        # 在P出席E: the event attended there
        ("副主任[诸旖:Person]15日在沪出席“[中智日企新春会:Event]”时表示。[上海:City]企业很多。",
         {("中智日企新春会", "heldIn", "上海")}),
        ("[诸旖:Person]在[上海:City]出席活动，会见了客商。", set()),
        # a city written as one character, named elsewhere in the article
        ("[中日对接会:Event]6日在沪举行。[上海:City]企业参加。", {("中日对接会", "heldIn", "上海")}),
        ("[中日对接会:Event]6日在沪举行。", set()),
        # 在P出席了E; 在川日资企业 are firms in Sichuan, no place where they attend
        ("[田中修:Person]在[长沙:City]出席了[湘日企业恳谈会:Event]。", {("湘日企业恳谈会", "heldIn", "长沙")}),
        # 在P期间，甲参加了E: the place of the clause of 在, not one inside the name of who attends
        ("在汉期间，[[日本:Country]青山县驻华代表团:Organization]参加了[湖北恳谈会:Event]。[武汉:City]很美。",
         {("湖北恳谈会", "heldIn", "武汉")}),
        ("在[长沙:City]期间，[[日本:Country]青山县代表团:Organization]参加了[湘日恳谈会:Event]。",
         {("湘日恳谈会", "heldIn", "长沙")}),
        ("[湘日企业恳谈会:Event]召开。近20家在湘日资企业出席了[恳谈会:Event=湘日企业恳谈会]。[湖南:Region]发展很快。", set()),
        ("[中日对接会:Event]在沪隆重举行。[上海:City]企业参加。", {("中日对接会", "heldIn", "上海")}),
        # a place inside another place of a venue's name is no place of its own
        ("在[[东京都:City]椿山庄大酒店:Company]举办[成立大会:Event]。", {("成立大会", "heldIn", "东京都")}),
        # an alias note after the place does not count towards how far 在 may stand before the cue
        ("[青山对接会:Event]在[白河前海深港现代服务业合作区:Zone]（以下简称“前海合作区”）举行。",
         {("青山对接会", "heldIn", "白河前海深港现代服务业合作区")}),
        ("[青山对接会:Event]在[白河前海深港现代服务业合作区:Zone]和其他许多各种不同的地方分别同时举行。", set()),
    ]),
    "heldIn.visit_place": (("heldIn.at_place",), {}, [
        # 到 (to) right before the places the visit goes to opens it too; not 到 of a time span
        ("商会将组织企业到[青山:City]参加5月举办的“[青洽会:Event]”。", {("青洽会", "heldIn", "青山")}),
        ("从2010年到2024年，[青洽会:Event]共吸引企业500家参加。", set()),
        ("会长[王明:Person]率企业代表赴[日本:Country][大阪:City]参加[第三届中日友好交流大会:Event]。",
         {("第三届中日友好交流大会", "heldIn", "大阪")}),
        # the events listed after the first are held there too
        ("[李一:Person]到访[青山:City]参加[第三届青山农业研讨会:Event]及[青山白河友好交流联谊会:Event]。",
         {("第三届青山农业研讨会", "heldIn", "青山"), ("青山白河友好交流联谊会", "heldIn", "青山")}),
        ("[李一:Person]到访[青山:City]参加[第三届青山农业研讨会:Event]后出席[白河论坛:Event]。",
         {("第三届青山农业研讨会", "heldIn", "青山")}),
        # a city written as one character, named elsewhere in the article
        ("[大分市:City]市长率代表团访汉并举办“[日本大分周:Event]”活动。[武汉:City]市长会见。",
         {("日本大分周", "heldIn", "武汉")}),
        # a country alone says little; a visit with no event attended there
        ("考察[日本:Country]期间，[我市:City=无锡]举办“[城市视觉展:Event]”。", set()),
        # but a country gone to attend an event the text placed nowhere (前往日本出席E): held there
        ("省长[王明:Person]前往[日本:Country]出席[青山省长论坛:Event]。", {("青山省长论坛", "heldIn", "日本")}),
        ("[青山省长论坛:Event]在[东京:City]开幕。省长[王明:Person]前往[日本:Country]出席[青山省长论坛:Event]。", set()),
        ("省长[王明:Person]前往[日本:Country]举办[青山推介会:Event]。", set()),
        ("代表团赴[大阪:City]考察企业，回国后参加[第三届中日友好交流大会:Event]。", set()),
        # 来 (to come) right before the place; a city written as one character; not 以来, 未来
        ("市长会见来[青山市:City]参加[第七届白河旅游大会:Event]的代表团。", {("第七届白河旅游大会", "heldIn", "青山市")}),
        ("[王宁:Person]会见来榕参加[第十八届中日地方交流研讨会:Event]嘉宾。[福州:City]很美。",
         {("第十八届中日地方交流研讨会", "heldIn", "福州")}),
        ("2010年以来[青山:City]企业参加[白河博览会:Event]。", set()),
    ]),
    "heldIn.within_event": (("heldIn.at_place",), {}, [
        # held at or during another event: where that one is held (the smallest place said)
        ("[2019青山经贸峰会:Event]在[广东省:Region][肇庆:City]举行。峰会期间举行的[青山经贸对接会:Event]，促进了合作。",
         {("青山经贸对接会", "heldIn", "肇庆")}),
        ("[白河交流大会:Event]在[大连:City]举行。开幕式上还举行了[青山项目签约仪式:Event]。",
         {("青山项目签约仪式", "heldIn", "大连")}),
        ("[白河交流大会:Event]在[大连:City]举行。在[白河交流大会:Event]上，还举行了[青山项目签约仪式:Event]。",
         {("青山项目签约仪式", "heldIn", "大连")}),
        # told apart from the event, or placed in the sentence itself
        ("[白河交流大会:Event]在[大连:City]举行。会后，还举行了[青山项目签约仪式:Event]。", set()),
        ("[白河交流大会:Event]在[大连:City]举行。会上还在[东京:City]举行了[青山项目签约仪式:Event]。", set()),
    ]),
    "heldIn.venue_halls": ((), {}, [
        ("“[对话湖北:Event]”研讨会举行，来自[武汉:City]、[东京:City]、[大阪:City]等各个会场的人士云端相会。",
         {("对话湖北", "heldIn", "武汉"), ("对话湖北", "heldIn", "东京"), ("对话湖北", "heldIn", "大阪")}),
        ("图为[研讨会:Event]的[中国:Country][南京:City]会场。", {("研讨会", "heldIn", "南京")}),
        ("[武汉:City]企业代表走进会场。", set()),  # no event
    ]),
    "heldIn.event_name": ((), {}, [
        ("[2023[成都:City]日本经贸交流会:Event]举行。", {("2023成都日本经贸交流会", "heldIn", "成都")}),
        ("[[大连日本商工会:Organization]新年会:Event]举行。", set()),
        # a place's own day or week promotes it elsewhere: its name says nothing of where it is held
        ("“[[青山:City]日:Event]”系列活动圆满落幕。", set()),
        ("[2024[青山:City]文化周:Event]开幕。", set()),
        # the place in brackets after a place says where; after 中日 it may say what for
        ("[2023[宁波:City]（[东京:City]）投资合作推介会:Event]举行。", {("2023宁波（东京）投资合作推介会", "heldIn", "东京")}),
        ("[中日（[广州:City]）汽车对接会:Event]举行。", set()),
        # two places that a name joins with 与 (a country before the second): neither holds it alone;
        # a place joined to a country does
        ("[[青山市:City]与[日本:Country][白河市:City]友好城市签约仪式:Event]举行。", set()),
        ("[[青山县:City]和[白河省:Region]农业研讨会:Event]举行。", set()),
        ("[[东莞:City]—[日本:Country]经贸交流会:Event]举行。", {("东莞—日本经贸交流会", "heldIn", "东莞")}),
        ("[[东莞:City]与[日本:Country]经贸交流会:Event]举行。", {("东莞与日本经贸交流会", "heldIn", "东莞")}),
        ("[[大连:City]•[日本:Country][关西:Region]地区经贸交流会:Event]举行。", {("大连•日本关西地区经贸交流会", "heldIn", "大连")}),
        # a summit or exposition named after its host: the town right before its suffix, or before a
        # region joined to it; not a region alone, nor countries meeting
        ("[G20[青山:City]峰会:Event]召开。", {("G20青山峰会", "heldIn", "青山")}),
        ("[第二届世界互联网大会[白河:City]峰会:Event]开幕。", {("第二届世界互联网大会白河峰会", "heldIn", "白河")}),
        ("[2025年[青山:City]・[白河:Region]世博会:Event]开幕。", {("2025年青山・白河世博会", "heldIn", "青山")}),
        ("[[日本:Country][青山:City]世博会:Event]开幕。", {("日本青山世博会", "heldIn", "青山")}),
        ("[第三届[白河:Region]峰会:Event]召开。", set()),
        ("[中[青松国:Country]峰会:Event]召开。", set()),
    ]),
    "heldIn.trip": (("heldIn.at_place", "organizedBy.host_verb", "visited.named_visitor"), {}, [
        # hosted by visitors on a trip, placed nowhere else: where they went
        ("[青山市代表团:Organization]访问[白河市:City]。[青山市代表团:Organization]举办了[青山投资说明会:Event]。",
         {("青山投资说明会", "heldIn", "白河市")}),
        # two places neither of which lies in the other: no telling which
        ("[青山市代表团:Organization]访问[白河市:City]、[黑川市:City]。[青山市代表团:Organization]举办了[青山投资说明会:Event]。",
         set()),
        # the text says where: that place (heldIn.at_place's)
        ("[青山市代表团:Organization]访问[白河市:City]。[青山市代表团:Organization]在[黑川市:City]举办了[青山投资说明会:Event]。",
         set()),
        # a host who went nowhere
        ("[青山市政府:GovernmentBody]举办了[青山投资说明会:Event]。", set()),
    ]),
    "heldIn.host_place": (("heldIn.at_place", "organizedBy.host_verb", "visited.named_visitor"), {}, [
        # a city that hosts an event placed nowhere else holds it
        ("[青山:City]举办这次[青山商人大会:Event]，很有魄力。", {("青山商人大会", "heldIn", "青山")}),
        ("明年[白河:City]将举办[第五届白河园林博览会:Event]。", {("第五届白河园林博览会", "heldIn", "白河")}),
        # the text says where: that place (heldIn.at_place's)
        ("[青山:City]在[东京:City]举办了[青山投资说明会:Event]。", set()),
        # a host on a trip, a body, two places hosting together: no venue read off the host
        ("[青山:City]访问[白河市:City]。[青山:City]举办了[青山投资说明会:Event]。", set()),
        ("[青山市政府:GovernmentBody]举办了[青山投资说明会:Event]。", set()),
        ("[青山:City]与[白河:City]共同举办[友好交流周:Event]。", set()),
    ]),
    "organizedBy.event_name": (("heldIn.at_place",), {}, [
        # named after a body or zone: no host read off the name (the body may be its subject)
        ("[[青山日本商工会:Organization]新年会:Event]举行。", set()),
        ("[[白河经济开发区:Zone]重点项目签约仪式:Event]在[白河:City]举行。", set()),
        ("[2023[成都:City]日本经贸交流会:Event]举行。", set()),
        # named after a city, held in another: the city hosts it, unless one of its bodies is named host
        ("[[天津:City]市投资环境说明会:Event]在[东京:City]举行。", {("天津市投资环境说明会", "organizedBy", "天津")}),
        ("[[宁波:City]·长冈京友好纪念活动:Event]在[长冈京市:City]举行。", set()),
        # the place opens another event named inside: it says where that one is
        ("[[[大阪:City]世博会:Event]中国馆湖北周恳谈会:Event]在[武汉:City]举行。", set()),
        ("[[大连:City]产业合作签约仪式:Event]在[[大连:City]经济技术开发区:Zone]举行。", set()),
        # the one city in brackets after the countries that open the name, held elsewhere
        ("[中日([青山:City])经贸交流会:Event]在[大阪:City]举行。", {("中日(青山)经贸交流会", "organizedBy", "青山")}),
        ("[2024中国([青山:City])-日本合作交流会:Event]在[东京:City]举行。",
         {("2024中国(青山)-日本合作交流会", "organizedBy", "青山")}),
        ("[中日([青山:City])经贸交流会:Event]在[青山:City]举行。", set()),
        ("[中日([青山:City]·[白河:City])产业交流会:Event]在[大阪:City]举行。", set()),
    ]),
    "organizedBy.body_event_name": (("organizedBy.hosts",), {}, [
        # an association's or an assembly's own meeting, maybe after its year: the body (named in the
        # text on its own too) hosts it
        ("[[青山日本商工会:Organization]新年会:Event]举行，[青山日本商工会:Organization]会长致辞。",
         {("青山日本商工会新年会", "organizedBy", "青山日本商工会")}),
        ("[[白河县议会:GovernmentBody]国际交流会议:Event]召开，[白河县议会:GovernmentBody]议长出席。",
         {("白河县议会国际交流会议", "organizedBy", "白河县议会")}),
        ("[2023年[青山贸易促进协会:Organization]成立70周年纪念招待会:Event]举行，[青山贸易促进协会:Organization]会长致辞。",
         {("2023年青山贸易促进协会成立70周年纪念招待会", "organizedBy", "青山贸易促进协会")}),
        ("[[青山日本商工会:Organization]新年会:Event]举行。", set()),  # a body named nowhere else: no entity
        # a host the text names in words is the host (organizedBy.hosts'), not the body
        ("由[白河市政府:GovernmentBody]主办的[[青山日本商工会:Organization]新年会:Event]举行，[青山日本商工会:Organization]会长致辞。",
         set()),
        # not a company's ceremony, nor a zone's event
        ("[[青松电子:Company]奠基仪式:Event]举行，[青松电子:Company]社长致辞。", set()),
        ("[[白河经济开发区:Zone]重点项目签约仪式:Event]举行，[白河经济开发区:Zone]负责人致辞。", set()),
        # nor a delegation's: the guests the event honours
        ("[[青山大学生代表团:Organization]欢迎招待会:Event]举行，[青山大学生代表团:Organization]团长致辞。", set()),
    ]),
    "visited.named_visitor": ((), {"home": "鄂州"}, [
        # who is named in 在…陪同下 escorts the visitors: no visitor, and the escort's place no stop
        ("[本上华丽:Person]一行在[青山市委统战部:GovernmentBody]、[白河:District]负责人陪同下考察了[来榜镇:District]。",
         {("本上华丽", "visited", "来榜镇")}),
        # a place does not visit what lies in it
        ("[大同市代表团:Organization]一行抵达[大牟田:City]首日拜会了[大牟田市政府:GovernmentBody]。",
         {("大同市代表团", "visited", "大牟田"), ("大同市代表团", "visited", "大牟田市政府")}),
        # the names a visit qualifies: 来P(采访)的A、B
        ("此次来[两江新区:Zone]采访的[共同通讯社:Organization]、[产经新闻:Organization]均为著名媒体。",
         {("共同通讯社", "visited", "两江新区"), ("产经新闻", "visited", "两江新区")}),
        # the reporters and outlets of a byline visit nothing (a quote after the dateline)
        ("[中新网:Organization@people.byline_outlet]太原8月20日电([胡健:Person@people.byline_credits])"
         "“这次来到[山西:Region]之后，发现绿化很好。”", set()),
        ("会见了来[鄂州:City]访问的[三条市代表团:Organization]。", {("三条市代表团", "visited", "鄂州")}),
        ("来[鄂州:City]投资的企业越来越多。", set()),
        # a host welcoming a guest named right after 欢迎 on a visit made: the guest visits, not the host
        ("[杨宇:Person]欢迎[宋军继:Person]副省长访日并介绍形势。", {("宋军继", "visited", "日本")}),
        ("[张元:Person]欢迎更多[日本:Country]企业来[鄂州:City]考察。", set()),
        # a post with no holder named tells of the office: the place or body sends no one
        ("当时，距离上一任[青山县:Region]知事访问[白河:City]已过去了18年。", set()),
        ("[青山市:City]市长时隔20年再次访问[日本:Country]。", set()),
        ("[青山党:Organization]干事长访华。", set()),
        ("[青山县:Region]知事[木村一:Person]访问[白河:City]。", {("木村一", "visited", "白河")}),
        ("[青山市:City]市长率团访问[日本:Country]。", {("青山市", "visited", "日本")}),
        # hosts called on, each a body or place before a title and a name: each body visited (not a post held no more)
        ("[李明:Person]拜会了[青山协会:Organization]会长[木村一:Person]、[白河大学:Organization]前理事长[田中二:Person]"
         "和我[驻日本使馆:GovernmentBody]临时代办[王五:Person]。",
         {("李明", "visited", "青山协会"), ("李明", "visited", "驻日本使馆")}),
        ("[李明:Person]拜会了[青山协会:Organization]会长[木村一:Person]，[白河大学:Organization]理事长[田中二:Person]出席。",
         {("李明", "visited", "青山协会")}),
        # a diplomat calling on the officials of the place of the post calls at its government
        ("驻[青山市:City]总领事[陈一:Person]拜会[青山市:City]市长[木村一:Person]。", {("陈一", "visited", "青山市")}),
        ("驻[青山市:City]总领事[陈一:Person]访问[青山市:City]。", set()),
        # the body right before a name and its title (name first, the Japanese order) names the post: no visitor
        ("[青山观光协会:Organization][木村一:Person]部长等一行来到[白河市旅游局:GovernmentBody]拜会。",
         {("木村一", "visited", "白河市旅游局")}),
        ("[白河技术中心:Organization][李明:Person]处长来到[青山:City]。", {("李明", "visited", "青山")}),
        # a plan alone is no visit yet
        ("[青川市访问团:Organization]将赴[石门县:District]访问。", set()),
        ("[小林制药:Company]表示将尽快来[鄂州:City]考察。", set()),
        ("[青川市访问团:Organization]此行将赴[石门县:District]访问。", {("青川市访问团", "visited", "石门县")}),
        # the committee of a town no list knows: the town sends the group, not the committee
        ("[[白石镇:District~]党委:GovernmentBody]书记[郭一:Person]率[白石商会:Organization]相关人员赴[日本:Country]。",
         {("白石镇", "visited", "日本"), ("郭一", "visited", "日本"), ("白石商会", "visited", "日本")}),
        # 到A、B和C参观考察: what is named after 到 up to the cue is visited
        ("[李明:Person]先后到[青山市政府:GovernmentBody]、[白河株式会社:Company]和[青山软件园:Zone]参观考察。",
         {("李明", "visited", "青山市政府"), ("李明", "visited", "白河株式会社"), ("李明", "visited", "青山软件园")}),
        ("[李明:Person]到[青山:City]的[白河株式会社:Company]参观。", {("李明", "visited", "白河株式会社")}),
        # 到 as a verb of going: right after who goes (a name, 一行, 率团, a group's head noun, maybe adverbs),
        # right before what is visited, whatever is done there
        ("[青山商会:Organization]会长[王明:Person]日前率领代表团到[日本:Country][福冈:City]及[长崎:City]，出席论坛。",
         {("青山商会", "visited", "日本"), ("青山商会", "visited", "福冈"), ("青山商会", "visited", "长崎"),
          ("王明", "visited", "日本"), ("王明", "visited", "福冈"), ("王明", "visited", "长崎")}),
        ("所长[木村一郎:Person]一行到[白河:City]开展交流活动。", {("木村一郎", "visited", "白河")}),
        ("市长[李明:Person]专程到[中国驻日本大使馆:GovernmentBody]报告工作。", {("李明", "visited", "中国驻日本大使馆")}),
        # not after a verb (达到, 带到), nor where one goes to take up a post or to set up for good
        ("[白河株式会社:Company]的销售额达到[日本:Country]市场的一半。", set()),
        ("[青山市:City]开通了从[大连:City]到[东京:City]的航线。", set()),
        ("从[日本:Country]到[白河:District]最快仅需2小时。", set()),
        ("[木村一郎:Person]到[日本驻青山总领事馆:GovernmentBody]就任总领事。", set()),
        ("[白河株式会社:Company]到[青山新区:Zone]布局发展。", set()),
        # items no name was found for do not end a list (a name that only opens one is no item)
        ("[王明:Person]参观了[苏州:City]刺绣馆、虎丘山和[苏州博物馆:Organization]。", {("王明", "visited", "苏州博物馆")}),
        # 会见了乙市长并考察了…: the one met (乙) is no visitor of what follows 并
        ("[川村:Person]访问了[白河:City]，会见了[李明:Person]市长并考察了[白河研究院:Organization]。",
         {("川村", "visited", "白河")}),
        ("[王明:Person]参观了刺绣馆、虎丘山、[苏州博物馆:Organization]和[拙政园:Organization]。",
         {("王明", "visited", "苏州博物馆"), ("王明", "visited", "拙政园")}),
        ("[王明:Person]考察了[丰田:Company]、小岩井农场和[盛冈:City]工匠村。", {("王明", "visited", "丰田")}),
        # 等 closes the list: the name before it is a whole item, past the unnamed ones
        ("[王明:Person]参观了梅田地下街、[松下中心:Organization]等，学习先进经验。", {("王明", "visited", "松下中心")}),
        ("[王明:Person]来到[天津:City]经济社会发展和[滨海新区:Zone]开发现场。", {("王明", "visited", "天津")}),
        ("[沈阳市经贸代表团:Organization]赴[日本:Country]访问，先后来到[横滨:City]、[名古屋:City]。",
         {("沈阳市经贸代表团", "visited", "日本")}),
        ("[代表团:Organization=沈阳市经贸代表团]来到[横滨:City]。", {("沈阳市经贸代表团", "visited", "横滨")}),
        ("[沈阳市经贸代表团:Organization]成立。访日期间，[代表团:Organization=沈阳市经贸代表团]一行考察了[丰田:Company]。",
         {("沈阳市经贸代表团", "visited", "丰田"), ("沈阳市经贸代表团", "visited", "日本")}),
        # a bare back-reference is the delegation too (SCHEMA convention 3)
        ("[沈阳市经贸代表团:Organization]成立。访日期间，[代表团:Organization=沈阳市经贸代表团]考察了[丰田:Company]。",
         {("沈阳市经贸代表团", "visited", "丰田"), ("沈阳市经贸代表团", "visited", "日本")}),
        # the home province's word before places only says where they lie: they are visited, not it
        ("[王明:Person]一行访问了我省[青山市:City]和[白石市:City]。",
         {("王明", "visited", "青山市"), ("王明", "visited", "白石市")}),
        # a word of what the place is to the visitor before its name: the place is visited, not its province
        ("[青山县:Region]知事[木村一郎:Person]率团访问友省[白河省:Region]。",
         {("木村一郎", "visited", "白河省"), ("青山县", "visited", "白河省")}),
        ("[王明:Person]一行拜访了友好城市[青山道:Region][光原市:City]。", {("王明", "visited", "光原市")}),
        ("[王明:Person]一行拜访了友好城市代表。", set()),
        # the country and the city; the place before the visited one only owns it
        ("[王建国:Person]率团赴[日本:Country][大阪:City]考察。", {("王建国", "visited", "日本"), ("王建国", "visited", "大阪")}),
        # a body that opens a chain of posts names a post of the person after it, no visitor
        ("[青山协会:Organization]副会长、[白河协会:Organization]会长[木村一郎:Person]访问[长沙:City]。",
         {("木村一郎", "visited", "长沙")}),
        ("[青山协会:Organization]总务会长、众议院议员[木村一郎:Person]访问[长沙:City]。", {("木村一郎", "visited", "长沙")}),
        # 在P1、P2 + cue: every place of the list says where the visit is, none of them visits
        ("[王建国:Person]率团在[日本:Country][大阪:City]、[东京:City]拜访了[白河株式会社:Company]。",
         {("王建国", "visited", "日本"), ("王建国", "visited", "大阪"), ("王建国", "visited", "东京"),
          ("王建国", "visited", "白河株式会社")}),
        ("[王建国:Person]在[大阪:City]和[东京:City]考察了[白河株式会社:Company]。",
         {("王建国", "visited", "大阪"), ("王建国", "visited", "东京"), ("王建国", "visited", "白河株式会社")}),
        ("[温州市代表团:Organization]来到[温州:City]的友好城市[久留米:City]。", {("温州市代表团", "visited", "久留米")}),
        ("[温州市经贸代表团:Organization]对[日本:Country]进行了友好访问。", {("温州市经贸代表团", "visited", "日本")}),
        ("[李强:Person]在[辽宁:Region]考察时指出。", {("李强", "visited", "辽宁")}),
        ("[小池:Person]一行参观了[北京城市副中心:Zone]。", {("小池", "visited", "北京城市副中心")}),
        # the body of a leader's post sends the group: its place for a government body; a province
        # that only contains the body does not
        ("[辽宁省:Region]迎客。[辽宁省政协:GovernmentBody]主席[韩明远:Person]率[辽宁省友好经贸代表团:Organization]访问[日本:Country]。",
         {("辽宁省", "visited", "日本"), ("韩明远", "visited", "日本"), ("辽宁省友好经贸代表团", "visited", "日本")}),
        ("[盐城市:City]迎客。[中国:Country][江苏省:Region][盐城市市委:GovernmentBody]书记[蒋立峰:Person]率团访问[日本:Country]。",
         {("盐城市", "visited", "日本"), ("蒋立峰", "visited", "日本")}),
        ("[南京市经贸代表团:Organization]访日。", {("南京市经贸代表团", "visited", "日本")}),
        # who accompanies the guests is their host
        ("[李强:Person]陪同[代表团:Organization=福冈县经济代表团]考察了[南京开发区:Zone]。",
         {("福冈县经济代表团", "visited", "南京开发区")}),
        # a party committee stands for its city; the welcoming host visits nothing
        ("[绍兴:City]发布消息。[绍兴市委:GovernmentBody]书记[李明:Person]率团访问[日本:Country]。",
         {("绍兴", "visited", "日本"), ("李明", "visited", "日本")}),
        ("[姚德明:Person]对[垂明:Person]大使一行到访[福州:City]表示欢迎。", {("垂明", "visited", "福州")}),
        ("[张元:Person]对客人来[我市:City=鄂州]表示欢迎。", set()),
        # 来 + a place or a short name; a body only naming the post of one who does not lead
        ("[日本:Country][三条市:City]市长[国定:Person]率团来[我市:City=鄂州]。", {("国定", "visited", "鄂州")}),
        ("[武汉:City]迎来客人。[大分市代表团:Organization]访汉。", {("大分市代表团", "visited", "武汉")}),
        ("[江西:Region]迎客。[日本驻上海总领事馆:GovernmentBody]总领事[横井:Person]随团来赣。", {("横井", "visited", "江西")}),
        # companies at large, or a plan, are no visit
        ("[青岛:City]支持当地企业赴[日本:Country]投资。", set()),
        ("越来越多的[日本:Country]游客来到[杭州:City]。", set()),
        ("[大连港集团有限公司:Company]考察了[东京:City]。", {("大连港集团有限公司", "visited", "东京")}),  # 公司 in a name
        ("[合肥:City]迎客。[小林制药:Company]表示将尽快来肥考察。", set()),
        ("[王建国:Person]带来[日本:Country]的技术。", set()),
        ("[松下:Company]来华投资二十年。", set()),  # one goes to invest, not on a visit
        # a visit that only qualifies a noun (a visa, tourists, trainees) is no trip
        ("[日本驻宁州总领事馆:GovernmentBody]为[南岭省:Region]居民签发了2万份赴日签证。", set()),
        ("[宁州:City]访日游客达70万人次。", set()),
        ("[宁州市外办:GovernmentBody]、[宁州市友协:Organization]以及往届赴[丰川市:City]研修生代表出席了会谈。", set()),
        # places one after the other after 在 say where, and are visited
        ("[李强:Person]在[日本:Country][丰川市:City]拜访[北川株式会社:Company]。",
         {("李强", "visited", "日本"), ("李强", "visited", "丰川市"), ("李强", "visited", "北川株式会社")}),
        # places listed before a count only qualify the members: they send nobody
        ("由[名古屋:City]、[神户:City]等12个市驻华机构和[青川商会:Organization]负责人组成的[日本地方驻华代表团:Organization]"
         "访问[成都:City]。", {("日本地方驻华代表团", "visited", "成都"), ("青川商会", "visited", "成都")}),
        ("[名古屋:City]、[神户:City]等地代表访问[成都:City]。", {("名古屋", "visited", "成都"), ("神户", "visited", "成都")}),
        # the body of the post of one who only heads 一行 (not 率团) sends nobody
        ("[日本青山旅行协会:Organization]会长[田中一郎:Person]一行抵达[昆明:City]。", {("田中一郎", "visited", "昆明")}),
        ("[日本青山旅行协会:Organization]会长[田中一郎:Person]一行抵达[昆明:City]。[田中一郎:Person]率团访问[大理:City]。",
         {("田中一郎", "visited", "昆明"), ("田中一郎", "visited", "大理")}),
        ("[青山旅行协会:Organization]会长[田中一郎:Person]率团抵达[昆明:City]。",
         {("田中一郎", "visited", "昆明"), ("青山旅行协会", "visited", "昆明")}),
        # a place that only opens or qualifies a name no name was found for is not visited
        ("[王明:Person]拜访了[中国:Country]驻[日本:Country]大使馆。", set()),
        ("[王明:Person]参观了[名古屋博览会:Event][中国:Country]馆。", set()),
        ("[王明:Person]拜访了[大连市:City]驻[东京:City]办事处。", set()),
        # a bare 代表团 referring back is the delegation itself (SCHEMA convention 3)
        ("[[青川:City]市友好代表团:Organization]抵达[白河:City]。在白河期间，[代表团:Organization=青川市友好代表团]"
         "参观了[白河博物馆:Organization]。", {("青川市友好代表团", "visited", "白河"),
                                               ("青川市友好代表团", "visited", "白河博物馆")}),
    ]),
    "visited.delegation_origin": ((), {"home": "天津"}, [
        ("[[沈阳:City]市经贸代表团:Organization]赴[日本:Country]访问。", {("沈阳", "visited", "日本")}),
        # a back-reference stands for the city it came from, not for itself
        ("[[沈阳:City]市经贸代表团:Organization]成立。[代表团:Organization=沈阳市经贸代表团]来到[横滨:City]。",
         {("沈阳", "visited", "横滨")}),
        # a body in the name sent it; else the most specific place; else the home city (市政府代表团)
        ("[大连市贸促会:Organization]组团。[[大连市贸促会:Organization]代表团:Organization]赴[日本:Country]。",
         {("大连市贸促会", "visited", "日本")}),
        ("[日本[四日市市:City]经济交流代表团:Organization]访问[天津:City]。", {("四日市市", "visited", "天津")}),
        ("[市政府代表团:Organization~]访问[日本:Country]。", {("天津", "visited", "日本")}),
        ("[日本[关西地区:Region]经贸交流代表团:Organization]访问[天津:City]。", set()),  # an area sends nobody
        # 代表团一行: the travelling group itself, and who sent it
        ("[[沈阳:City]市经贸代表团:Organization]成立。访日期间，[代表团:Organization=沈阳市经贸代表团]一行考察了[丰田:Company]。",
         {("沈阳", "visited", "丰田"), ("沈阳", "visited", "日本")}),
    ]),
    "visited.leader": (("visited.named_visitor",), {}, [
        ("[范志强:Person]率[常州经贸代表团:Organization]赴[日本:Country]。[范志强:Person]一行拜访了[安川电机:Company]。",
         {("常州经贸代表团", "visited", "安川电机")}),
        ("[冲绳县友好代表团:Organization]由[翁长:Person]率领。[冲绳县友好代表团:Organization]访问[福州:City]。",
         {("翁长", "visited", "福州")}),
        ("[范志强:Person]会见[常州经贸代表团:Organization]。[范志强:Person]拜访了[安川电机:Company]。", set()),
        # the delegation his body sends is the group he leads
        ("[大连市贸促会:Organization]会长[崔铁:Person]率企业代表赴[日本:Country]。"
         "[[大连市贸促会:Organization]代表团:Organization]参加活动。[崔铁:Person]一行赴[小久保:Company]。",
         {("大连市贸促会代表团", "visited", "日本"), ("大连市贸促会代表团", "visited", "小久保")}),
        # the person named right after a delegation and 团长 (副团长) leads it
        ("[青山市代表团:Organization]访问了[白河市:City]。[青山市代表团:Organization]副团长[甲田一郎:Person]致辞。",
         {("甲田一郎", "visited", "白河市")}),
        ("[青山市代表团:Organization]访问了[白河市:City]。[青山市代表团:Organization]与[甲田一郎:Person]座谈。", set()),
        # a sentence of its own names the heads of the delegation named last before
        ("[青山经济界代表团:Organization]访问了[白河市:City]。此次由约80人组成，青山商会会长[甲田一郎:Person]和"
         "[乙川二郎:Person]担任共同团长。",
         {("甲田一郎", "visited", "白河市"), ("乙川二郎", "visited", "白河市")}),
        ("[青山友好访问团:Organization]访问了[白河市:City]。访问团由青山协会会长[甲田一郎:Person]担任团长。",
         {("甲田一郎", "visited", "白河市")}),
        ("[青山友好访问团:Organization]访问了[白河市:City]。报道称，团长由青山协会会长[甲田一郎:Person]担任。",
         {("甲田一郎", "visited", "白河市")}),
        ("[青山友好访问团:Organization]访问了[白河市:City]。本次访问团团长、青山协会会长[甲田一郎:Person]讲话。",
         {("甲田一郎", "visited", "白河市")}),
        ("[青山友好访问团:Organization]访问了[白河市:City]。[甲田一郎:Person]团长表示感谢。", {("甲田一郎", "visited", "白河市")}),
        # a company's head (集团长), one named after the head's words, a head before any delegation: no visit
        ("[青山友好访问团:Organization]访问了[白河市:City]。白河集团长[甲田一郎:Person]讲话。", set()),
        ("[青山友好访问团:Organization]访问了[白河市:City]。团长致辞后，市长[甲田一郎:Person]讲话。", set()),
        ("[甲田一郎:Person]担任团长。[青山友好访问团:Organization]访问了[白河市:City]。", set()),
    ]),
    "visited.members": ((), {"home": "鄂州"}, [
        ("[青山市投促局:GovernmentBody]联合[青山市外办:GovernmentBody]、[青山高新区:Zone]，组成[青山招商小队:Organization]"
         "赴[日本:Country]开展招商。[青山招商小队:Organization]拜访了[丰田:Company]。",
         {("青山市投促局", "visited", "日本"), ("青山市外办", "visited", "日本"), ("青山高新区", "visited", "日本")}),
        ("由[青山商会:Organization]和[白河协会:Organization]共同组成的[青山经贸代表团:Organization]访问[日本:Country]。",
         {("青山商会", "visited", "日本"), ("白河协会", "visited", "日本")}),
        # a clause that does not join them names no members; places only qualify them
        ("[青山商会:Organization]举办活动，组成[青山招商小队:Organization]赴[日本:Country]。", set()),
        ("由[大阪:City]、[长崎:City]等18个府县驻华机构组成的[日本地方代表团:Organization]访问[武汉:City]。", set()),
        # the bodies listed as its members visit wherever the group goes, before the list or after it
        ("[青山考察团:Organization]抵达[白河:City]。[青山考察团:Organization]成员包括[青山商会:Organization]、"
         "[黑石株式会社:Company]等多家企业高管。[青山考察团:Organization]参观了[白河高新区:Zone]。",
         {("青山商会", "visited", "白河"), ("黑石株式会社", "visited", "白河"),
          ("青山商会", "visited", "白河高新区"), ("黑石株式会社", "visited", "白河高新区")}),
        ("[青山友好代表团:Organization]访问[白河:City]。此次来访的主要有[青山协会:Organization]和[黑石会:Organization]等2个组织。",
         {("青山协会", "visited", "白河"), ("黑石会", "visited", "白河")}),
        # who leads a group without a name stands for it (率…的代表到访P，其中包括A、B; 甲带队的考察团一行)
        ("[木村一:Person]率30余家企业的代表到访[白河:City]，其中包括[黑石株式会社:Company]、[青山重工:Company]等企业。",
         {("黑石株式会社", "visited", "白河"), ("青山重工", "visited", "白河")}),
        ("[张元:Person]会见了[木村一:Person]带队的经贸考察团一行。考察团成员包括[黑石株式会社:Company]等企业高管。",
         {("黑石株式会社", "visited", "鄂州")}),
        # 其中包括, 主要有 after what the group visits list no members
        ("[青山考察团:Organization]抵达[白河:City]，参观了10家企业，其中包括[黑石株式会社:Company]、[青山重工:Company]。", set()),
        # no delegation named before the list: no members
        ("[青山商会:Organization]会员主要有[黑石株式会社:Company]等企业。[青山考察团:Organization]抵达[白河:City]。", set()),
    ]),
    "visited.pronoun": ((), {}, [
        ("[王建国:Person]表示欢迎。他乘坐航班飞抵[东京:City]。", {("王建国", "visited", "东京")}),
        ("他乘坐航班飞抵[东京:City]。", set()),
        # a plural pronoun is a group, not the last person named
        ("[王建国:Person]表示欢迎。他们乘坐航班飞抵[东京:City]。", set()),
        ("[王建国:Person]会见学生，她们参观了[青山大学:Organization]。", set()),
        ("[王建国:Person]表示欢迎。他们走后，他乘坐航班飞抵[东京:City]。", {("王建国", "visited", "东京")}),
        # a photographer's credit names nobody of the story
        ("[王建国:Person]表示欢迎。图为活动现场。[南嘉豪:Person@people.byline_credits]摄\n他乘坐航班飞抵[东京:City]。",
         {("王建国", "visited", "东京")}),
        ("[郝鹏:Person]致辞：“我率[辽宁代表团:Organization]访问[日本:Country]。”", {("郝鹏", "visited", "日本")}),
        # who speaks: 我 after X说, 他 after 他表示 in a sentence that opens with one person
        ("[山田太郎:Person]说，这是我初次造访[鄂州:City]。", {("山田太郎", "visited", "鄂州")}),
        ("[山田太郎:Person]说，我市代表团访问了[鄂州:City]。", set()),
        ("[静冈县:Region]知事[山田太郎:Person]参观了展览，对[李明:Person]省长给他回信表示感谢，他表示，他曾经去过"
         "[山西:Region]的[太原:City]。", {("山田太郎", "visited", "太原"), ("山田太郎", "visited", "山西")}),
    ]),
    "visited.carried_visitor": ((), {}, [
        # a stop where nobody is named before 在 (青少年们在X与熊猫合影) is the trip's visitors'
        ("[青川市代表团:Organization]访问[日本:Country]。7月2日，青少年们在[白河:City]与熊猫合影。",
         {("青川市代表团", "visited", "白河")}),
        # a plan told of the trip under way (此次, 此行) is its itinerary
        ("[青川市访问团:Organization]此次来到[白河:City]将参加恳谈会，还将赴[石门县:District]访问。",
         {("青川市访问团", "visited", "石门县")}),
        ("[沈阳市经贸代表团:Organization]赴[日本:Country]访问，先后来到[横滨:City]、[名古屋:City]，拜访了[丰田:Company]。",
         {("沈阳市经贸代表团", "visited", "横滨"), ("沈阳市经贸代表团", "visited", "名古屋"),
          ("沈阳市经贸代表团", "visited", "丰田")}),
        ("[沈阳市经贸代表团:Organization]抵达[东京:City]。随后拜访了[丰田:Company]。", {("沈阳市经贸代表团", "visited", "丰田")}),
        # a consul posted at a place works there: coming there is no visit
        ("[日本:Country]驻[青山:City]总领事[田村一郎:Person]赴[白河:City]出席活动。这次时隔多年来到[青山:City]工作。",
         set()),
        # the trip goes on in the next paragraph
        ("[沈阳市经贸代表团:Organization]抵达[东京:City]。\n随后拜访了[丰田:Company]。", {("沈阳市经贸代表团", "visited", "丰田")}),
        # who only goes along (随) is not carried on
        ("[常州代表团:Organization]随[江苏代表团:Organization]赴[日本:Country]，拜访了[丰田:Company]。",
         {("常州代表团", "visited", "丰田")}),
        # a delegation opening a clause of the sentence goes on, not everyone of the sentence before
        ("[青川商会:Organization]和[常州代表团:Organization]抵达[东京:City]。在京期间，[常州代表团:Organization]出席了"
         "恳谈会，参访了[丰田:Company]。", {("常州代表团", "visited", "丰田")}),
        ("[青川商会:Organization]和[常州代表团:Organization]抵达[东京:City]。随后出席了恳谈会，参访了[丰田:Company]。",
         {("常州代表团", "visited", "丰田"), ("青川商会", "visited", "丰田")}),
        # the delegations of the clauses that only name them, not the one who invited them
        ("[甲田一郎:Person]率领[[青川:City]市代表团:Organization]一行6人，[乙川正:Person]为团长的[白山市议会代表团:Organization]"
         "一行5人，应[白河市政府:GovernmentBody]邀请，于近日对[白河:City]进行友好访问。",
         {("甲田一郎", "visited", "白河"), ("青川市代表团", "visited", "白河"), ("青川", "visited", "白河"),
          ("乙川正", "visited", "白河"), ("白山市议会代表团", "visited", "白河")}),
    ]),
    "visited.incoming": ((), {"home": "武汉"}, [
        ("市长[万勇:Person]会见了来访的[大分市代表团:Organization]。", {("大分市代表团", "visited", "武汉")}),
        ("[张元:Person]对[李天:Person]总领事的来访表示感谢。", {("李天", "visited", "武汉")}),
        ("[张元:Person]对客人的来访表示感谢。", set()),
        # 向 as 对: the host welcomes the guests after it, who alone visit
        ("[张元:Person]向[李天:Person]一行的到来表示欢迎。", {("李天", "visited", "武汉")}),
        # a guest who thanks a host for the reception visited the host (a government: its place)
        ("[李天:Person]感谢[青山:City]的热情接待。", {("李天", "visited", "青山")}),
        ("[青山:City]迎客。[李天:Person]、[山田一:Person]对[青山市委:GovernmentBody]给予的周到款待表示感谢。",
         {("李天", "visited", "青山"), ("山田一", "visited", "青山")}),
        ("[青山:City]热情接待了[李天:Person]。", set()),
        ("[李天:Person]介绍了[青山:City]的接待工作。", set()),
        # the guests' list goes on over a comma
        ("市长[万勇:Person]会见了来访的议长[山田一:Person]，会长[佐藤:Person]率领的[大分市代表团:Organization]。",
         {("山田一", "visited", "武汉"), ("佐藤", "visited", "武汉"), ("大分市代表团", "visited", "武汉")}),
    ]),
    "visited.host_body": (("affiliatedWith.title_before_name", "affiliatedWith.speaks_for"), {"home": "武汉"}, [
        # a host who speaks for a company or an organization receives the guests in it
        ("[陈明:Person]代表[青山大学:Organization]对[田中一郎:Person]校长一行的来访表示热烈欢迎。",
         {("田中一郎", "visited", "青山大学")}),
        # the host holds a post in the body; the host speaks in the clause before
        ("[白河促进会:Organization]会长[吴明:Person]首先致辞，对[青山市代表团:Organization]的到来表示欢迎。",
         {("青山市代表团", "visited", "白河促进会")}),
        ("[白河集团:Company]董事长[张国:Person]对[田中一郎:Person]、[山本二郎:Person]一行的到来表示欢迎。",
         {("田中一郎", "visited", "白河集团"), ("山本二郎", "visited", "白河集团")}),
        ("[白河集团:Company]董事长[张国:Person]会见了来访的[田中一郎:Person]。", {("田中一郎", "visited", "白河集团")}),
        # a host in a government or a place receives for the place (visited.incoming), not for a body
        ("[青山:City]市长[张国:Person]对[田中一郎:Person]一行的来访表示欢迎。", set()),
        ("[青山:City]市长[张国:Person]代表[青山大学:Organization]对[田中一郎:Person]一行的来访表示欢迎。", set()),
        # not a body a guest holds a post in; nobody named who welcomes: no body
        ("[白河集团:Company]董事长[张国:Person]对[白河集团:Company]社长[田中一郎:Person]的来访表示欢迎。", set()),
        ("[田中一郎:Person]一行来访。", set()),
        # the host never visits, nor the guest thanking a host (visited.incoming's)
        ("[田中一郎:Person]对[白河集团:Company]董事长[张国:Person]的热情接待表示感谢。", set()),
    ]),
    "visited.received": ((), {"home": "长春"}, [
        ("[王立新:Person]在[吉林:City]会见了[佐藤:Person]率领的[宫城县经济代表团:Organization]。",
         {("佐藤", "visited", "吉林"), ("宫城县经济代表团", "visited", "吉林")}),
        ("[王立新:Person]会见了[佐藤:Person]。", {("佐藤", "visited", "长春")}),
        # a list of guests goes on over a comma; a clause with a word of its own (表示, 出席) is none of it
        ("[王立新:Person]在[吉林:City]会见了议长[山田一:Person]，会长[佐藤:Person]率领的[宫城县经济代表团:Organization]。",
         {("山田一", "visited", "吉林"), ("佐藤", "visited", "吉林"), ("宫城县经济代表团", "visited", "吉林")}),
        ("[王立新:Person]在[吉林:City]会见了议长[山田一:Person]，[佐藤:Person]表示欢迎。",
         {("山田一", "visited", "吉林")}),
        ("[王立新:Person]在[吉林:City]会见了议长[山田一:Person]，[佐藤:Person]出席。",
         {("山田一", "visited", "吉林")}),
        # the visitor of the clause before meets a host: the one met visits nothing
        ("[川村:Person]访问了[白河:City]，会见了[李明:Person]市长并考察了[白河研究院:Organization]。", set()),
        # 在 a venue whose name opens with a city: that city
        ("[陈明:Person]在[[沈阳:City]香格里拉大酒店:Company~]会见了[宫城县经济代表团:Organization]。",
         {("宫城县经济代表团", "visited", "沈阳")}),
        ("[陈明:Person]在[香格里拉大酒店:Company~]会见了[宫城县经济代表团:Organization]。",
         {("宫城县经济代表团", "visited", "长春")}),
        # a host on a trip receives where he is a guest himself
        ("[范志强:Person]赴[日本:Country]。[范志强:Person]会见了[打越:Person]。", set()),
        # a diplomat receives guests at the mission abroad, not in the home city
        ("驻青山总领事[王立新:Person]在馆内会见了青山市议会议长[山田一:Person]。", set()),
        ("[王立新:Person]总领事会见了议长[山田一:Person]。", set()),
        ("[驻青山总领事馆:GovernmentBody]会见了议长[山田一:Person]。", set()),
        ("[王立新:Person]总领事在[吉林:City]会见了议长[山田一:Person]。", {("山田一", "visited", "吉林")}),
    ]),
    "visited.during": ((), {}, [
        # 在X期间 on a trip: a stop, visited by the travellers of the clause after it
        ("[大分市代表团:Organization]访问[中国:Country]。在[福州:City]期间，[大分市代表团:Organization]与企业座谈。",
         {("大分市代表团", "visited", "福州")}),
        ("[大分市代表团:Organization]访问[中国:Country]。在[青山中学:Organization]交流期间，[大分市代表团:Organization]参加交流会。",
         {("大分市代表团", "visited", "青山中学")}),
        ("在[福州:City]期间，[大分市代表团:Organization]与企业座谈。", set()),  # no trip told: no stop
        ("[黄兴:Person]率[市政府代表团:Organization]访问[日本:Country]，出席在[四日市市:City]举行的纪念活动。",
         {("黄兴", "visited", "四日市市"), ("市政府代表团", "visited", "四日市市")}),
        ("[天津市政府代表团:Organization]在[东京:City]举办了说明会。", {("天津市政府代表团", "visited", "东京")}),
        ("在结束对[新西兰:Country]的访问后，[黄兴:Person]访问[日本:Country]。", {("黄兴", "visited", "新西兰")}),
        ("[张三:Person]在[东京:City]举办了说明会。", set()),  # nobody on a trip
        # who is on a trip meets people there (在P分别会晤), or holds an event after an adverb (在P成功举办)
        ("[黄兴:Person]访问[日本:Country]。[黄兴:Person]在[东京:City]分别会晤[青山银行:Company]会长[田中一郎:Person]。",
         {("黄兴", "visited", "东京")}),
        ("[天津市政府代表团:Organization]在[东京:City]成功举办了说明会。", {("天津市政府代表团", "visited", "东京")}),
        ("[张三:Person]在[东京:City]会见了[田中一郎:Person]。", set()),  # a host at home
        # the stops of an itinerary, each a clause of its own: who opens the next clause, else the travellers
        # named before in the sentence; only on a trip
        ("[黄兴:Person]访问[日本:Country]。在[青山建设株式会社:Company]、[白河工坊:Company]，[黄兴:Person]一行参观了工厂。",
         {("黄兴", "visited", "青山建设株式会社"), ("黄兴", "visited", "白河工坊")}),
        ("[黄兴:Person]访问[日本:Country]。在[白河:City]市，[黄兴:Person]会见了市长。", {("黄兴", "visited", "白河")}),
        ("[青川市代表团:Organization]抵达[白河:City]。[青川市代表团:Organization]的行程丰富：在[白河大学:Organization]，"
         "学生们参观了校史馆。", {("青川市代表团", "visited", "白河大学")}),
        ("在[白河大学:Organization]，[黄兴:Person]作了演讲。", set()),  # nobody on a trip
        ("[黄兴:Person]访问[日本:Country]。在[白河大学:Organization]举办的论坛上，[黄兴:Person]作了演讲。", set()),
        # what a trip's travellers do at a place (参观, 体验, 合影, 开展…) makes it a stop: who is named before 在,
        # else (nobody named there) the trip's visitors; nobody on a trip, a host or a country: no stop
        ("[青川市代表团:Organization]访问[日本:Country]。[青川市代表团:Organization]在[白河:City]乘船观赏夜景。",
         {("青川市代表团", "visited", "白河")}),
        ("[黄兴:Person]访问[日本:Country]。三天里，[黄兴:Person]先后在[白河:City]、[青山:City]等地，密集开展拜会活动。",
         {("黄兴", "visited", "白河"), ("黄兴", "visited", "青山")}),
        ("[青川市代表团:Organization]在[白河:City]体验茶道。", set()),  # nobody on a trip
        ("[青川市代表团:Organization]访问[日本:Country]。[张三:Person]在[白河:City]参观工厂。", set()),  # no traveller
        ("[青川市代表团:Organization]访问[白河:City]。[青川市代表团:Organization]在[日本:Country]体验茶道。", set()),
    ]),
    "visited.signed_abroad": (("locatedIn.adjacent_places", "affiliatedWith.title_before_name", "signedWith.pair"),
                              {"home": "白河"}, [
        # who signs in another country than their own went there; the party at home did not
        ("[中国:Country][白河:City]。[日本:Country][青山市:City]。[白河:City]市委书记[王明:Person]与[青山市:City]市长"
         "[木村一:Person]在[青山市:City]签订了协议书。", {("王明", "visited", "青山市")}),
        # a body by the place its name opens with; a government for its place
        ("[中国:Country][白河:City]。[日本:Country][青山市:City]。[白河市友好协会:Organization]和[青山市友好协会:Organization]，"
         "在[青山市:City]签署了友好交流协议。", {("白河市友好协会", "visited", "青山市")}),
        ("[中国:Country][白河:City]。[日本:Country][青山市:City]。[白河市政府:GovernmentBody]与[青山株式会社:Company]在"
         "[青山市:City]签署战略合作协议。", {("白河", "visited", "青山市")}),
        # in the article's own country: the guest's side went there
        ("[中国:Country][白河:City]。[日本:Country][青山市:City]。[白河市友好协会:Organization]和[青山市友好协会:Organization]"
         "在[白河:City]签署了协议。", {("青山市友好协会", "visited", "白河")}),
        # a mission whose home is unknown: no visit
        ("[中国:Country][白河:City]。[日本:Country][青山市:City]。[中国驻青山总领事馆:GovernmentBody]与[青山市友好协会:Organization]"
         "在[青山市:City]签署了协议。", set()),
    ]),
    "visited.bound_for": (("locatedIn.adjacent_places",), {}, [
        # a delegation whose name says where it goes went there, where it is first named
        ("[中国:Country][日本:Country]。大使馆为[[大牟田市:City]友好议员访华团:Organization]举行壮行会。",
         {("大牟田市友好议员访华团", "visited", "中国"), ("大牟田市", "visited", "中国")}),
        ("[日本:Country][中国:Country]。[东京:City]举办酒会，欢迎[[大同市:City]高中生访日团:Organization]。",
         {("大同市高中生访日团", "visited", "日本"), ("大同市", "visited", "日本")}),
        # the place is named nowhere in the document: no visit
        ("大使馆为[大牟田市友好议员访华团:Organization]举行壮行会。", set()),
        # who sent it from the place it goes to does not visit its own country
        ("[中国:Country][大同市:City]。[[大同市:City]友好议员访华团:Organization]举行交流会。",
         {("大同市友好议员访华团", "visited", "中国")}),
        # no place in the name (访问团): no visit
        ("[中国:Country]。[大牟田市友好访问团:Organization]举行交流会。", set()),
    ]),
    "visited.event_abroad": (("locatedIn.adjacent_places", "affiliatedWith.title_before_name",
                              "affiliatedWith.list_continues", "heldIn.at_place",
                              "participatedIn.attendees", "participatedIn.attendee_bodies", "organizedBy.host_verb"),
                             {"home": "长沙"}, [
        # hosting it there is taking part too
        ("[中国:Country][长沙:City]。[[长沙:City]市代表团:Organization]在[日本:Country][东京:City]举办“[长沙投资说明会:Event]”。",
         {("长沙", "visited", "东京"), ("长沙", "visited", "日本"), ("长沙市代表团", "visited", "东京"),
          ("长沙市代表团", "visited", "日本")}),
        ("[中国:Country][长沙:City]。[长沙市商务局:GovernmentBody]在[日本:Country][东京:City]举办“[长沙投资说明会:Event]”。",
         set()),  # no delegation: who hosts may live there
        ("[中国:Country][长沙:City]。[王明:Person]率领[[长沙:City]市经贸代表团:Organization]赴日。"
         "[王明:Person]出席在[日本:Country][东京:City]举行的[长沙日本合作交流会:Event]并致辞。",
         {("王明", "visited", "东京"), ("王明", "visited", "日本"), ("长沙市经贸代表团", "visited", "东京"),
          ("长沙市经贸代表团", "visited", "日本"), ("长沙", "visited", "东京"), ("长沙", "visited", "日本")}),
        ("[中国:Country][长沙:City]。[[长沙:City]市经贸代表团:Organization]出席了在[日本:Country][大阪:City]举办的"
         "[湖南-大阪经贸洽谈会:Event]。",
         {("长沙", "visited", "大阪"), ("长沙", "visited", "日本"), ("长沙市经贸代表团", "visited", "大阪"),
          ("长沙市经贸代表团", "visited", "日本")}),
        # a guest from Japan: the place, not the article's own country
        ("[中国:Country][长沙:City]。[日本:Country][静冈县:Region]。[[静冈县:Region]经济代表团:Organization]出席在"
         "[长沙:City]举行的[长沙日本合作交流会:Event]。",
         {("静冈县", "visited", "长沙"), ("静冈县经济代表团", "visited", "长沙")}),
        # each of the people listed before 一行 leads the group
        ("[中国:Country][长沙:City]。[日本:Country][静冈县:Region]副知事[木村一郎:Person]、议会议长[田中二郎:Person]一行"
         "出席在[长沙:City]举行的[长沙日本合作交流会:Event]。",
         {("木村一郎", "visited", "长沙"), ("田中二郎", "visited", "长沙")}),
        # a host named with 与 before the group does not lead it
        ("[中国:Country][长沙:City]。[日本:Country][静冈县:Region]知事[田中二郎:Person]来访。[中国:Country][湖南:Region]"
         "省长[王明:Person]与[田中二郎:Person]一行出席在[日本:Country][东京:City]举行的[长沙日本合作交流会:Event]。", set()),
        # who only attends may live there; a mission sits abroad; an event at home is no trip
        ("[中国:Country][长沙:City]。[李华:Person]出席在[日本:Country][东京:City]举行的[长沙日本合作交流会:Event]。", set()),
        ("[日本:Country][东京:City]。[[中国:Country]驻[日本:Country]大使馆代表团:Organization]出席在[东京:City]举行的"
         "[长沙日本合作交流会:Event]。", set()),
        ("[中国:Country][长沙:City]。[[长沙:City]市经贸代表团:Organization]出席了在[长沙:City]举办的[湖南经贸洽谈会:Event]。",
         set()),
    ]),
    "visited.mutual": ((), {}, [
        ("[青山市:City]与[白河市:City]友好交流三十年，两市先后组团互访百余批次。",
         {("青山市", "visited", "白河市"), ("白河市", "visited", "青山市")}),
        # the pair named before, after 两省县 (a pronoun the pair pronouns open)
        ("[青山县:Region]与[江北省:Region]已有30多年的友好交流合作关系。两省县高层领导曾多次互访。",
         {("青山县", "visited", "江北省"), ("江北省", "visited", "青山县")}),
        ("[青山市:City]与[白河市:City]友好交流三十年，[青山商会:Organization]与[白河商会:Organization]曾多次互访。",
         {("青山商会", "visited", "白河商会"), ("白河商会", "visited", "青山商会")}),
        # wished for, to be furthered, a field of a list, reported by a speaker, no pair: no visit told
        ("[青山市:City]与[白河市:City]签署协议，希望通过双方互访推动合作。", set()),
        ("[青山市:City]与[白河市:City]签署协议，双方将推动高层互访。", set()),
        ("[青山市:City]与[白河市:City]结好以来，双方在高层互访、人员培训等方面保持了紧密联系。", set()),
        ("[青山市:City]与[白河市:City]交流密切。[木村一:Person]说，双方高层互访频繁。", set()),
        ("[青山县:Region]与[江北省:Region]结好以来，双方一直进行着高层互访等各领域的交流。", set()),
        ("[青山市:City]与[白河市:City]深化合作，在丰富高层互访交流、强化文化协同等领域实现共赢。", set()),
        ("[青山商会:Organization]与[白河商会:Organization]签订协议，建立起了定期互访交流机制。", set()),
        ("[青山市:City]与[白河市:City]结好以来，两市高层领导经常互访交流，往来密切。",
         {("青山市", "visited", "白河市"), ("白河市", "visited", "青山市")}),
        ("两市高层领导曾多次互访。", set()),
        ("[日本:Country]与[中国:Country]友好交流，两国领导人多次互访。", set()),  # a country's visits are its people's
    ]),
    "cooperatesWith.partner_noun": ((), {}, [
        ("[日本:Country]、[韩国:Country]是[青岛:City]重要的经贸合作伙伴。",
         {("日本", "cooperatesWith", "青岛"), ("韩国", "cooperatesWith", "青岛")}),
        ("[日本:Country]与[青岛:City]的合作伙伴关系。", set()),
    ]),
    "cooperatesWith.pair": ((), {}, [
        # a count after the partner: its unnamed members, not the country
        ("[青山大学:Organization]历史悠久。该校先后与[日本:Country]30余所高校建立了合作关系。", set()),
        ("[白河中心:Organization]成立于1955年。该机构与[青山高新区:Zone]有着长期合作关系。",
         {("白河中心", "cooperatesWith", "青山高新区")}),
        # an outlet cited as the source reports the cooperation, it is no party
        ("据[青山日报:Organization]12日消息，省长[王明:Person]前往日本，并与[白河市:City]推动深入合作。", set()),
        ("据[青山日报:Organization]报道，[青山市:City]与[白河市:City]加强合作。", {("青山市", "cooperatesWith", "白河市")}),
        ("[青山日报:Organization]与[白河集团:Company]加强合作。", {("青山日报", "cooperatesWith", "白河集团")}),
        # a noun of the partner's role between the marker and the name: 合作伙伴 makes them partners by itself
        ("[青松汽车:Company]计划与合作伙伴[白河集团:Company]，在[东山市:City]建造新工厂。",
         {("青松汽车", "cooperatesWith", "白河集团")}),
        ("[青松汽车:Company]正在扩大与合作伙伴[白河集团:Company]的合作。", {("青松汽车", "cooperatesWith", "白河集团")}),
        ("[青山市:City]正在与友好城市[中国:Country][白河市:City]合作。", {("青山市", "cooperatesWith", "白河市")}),
        ("[青山市:City]与友好城市代表团会面。", set()),  # no name right after the role
        # a delegation travels for its sender: no party of a cooperation, as subject or partner
        ("[青山代表团:Organization]与[白河株式会社:Company]深化合作。", set()),
        ("[青山市:City]与[白河县日中友好协会访问团:Organization]、[白河株式会社:Company]加强合作。",
         {("青山市", "cooperatesWith", "白河株式会社")}),
        # A和B负责人: 和 joins the bodies whose people act; a cue of a later clause pairs them not, one of theirs does
        ("[青松宇航公司:Company]和[青松铁道公司:Company]负责人表示，上级公司决定在白河建立合资企业。", set()),
        ("[青岛市:City]和[大阪市:City]市长签署合作协议。", {("青岛市", "cooperatesWith", "大阪市")}),
        # a clause with no subject of its own carries on the subject of the clause before that a body opens
        ("如今，产业进入关键时期，[青松公司:Company]抢抓机遇，深化改革，加强与[白河汽车:Company]的交流合作。",
         {("青松公司", "cooperatesWith", "白河汽车")}),
        ("[王明:Person]表示，加强与[白河汽车:Company]的交流合作。", set()),  # a person speaks
        # not an item of a list a comma cut (…一宫市，群马县前桥市、奈良县生驹市等…)
        ("和[安城市:City]、[一宫市:City]，[群马县:Region][前桥市:City]、[生驹市:City]等城市建立友好关系，"
         "还与[丸红商社:Company]开展合作。", set()),
        # a country's firms or circles: the country cooperates; a city's firms are not the city
        ("长期以来，[青山:City]与[日本:Country]各界保持着良好的合作关系。", {("青山", "cooperatesWith", "日本")}),
        # a place that only says whose unnamed cities, schools or people act: no party, as partner or subject
        ("[青山:City]愿意与[日本:Country]各个城市加强合作。", set()),
        ("[青山大学:Organization]是与[日本:Country]高校建立合作关系最密切的高校之一。", set()),
        ("[白河:Region]友协重视与[东山县:Region]各市的友好往来。", set()),
        ("[日本:Country]青少年与[青山大学:Organization]的师生进行交流。", set()),
        ("[日本:Country]与[青山大学:Organization]开展交流合作。", {("日本", "cooperatesWith", "青山大学")}),
        # the kind of exchange right after the partners, maybe with how long: their cooperation
        ("代表团旨在纪念[白河县:Region]和[青山省:Region]友好交流20周年。", {("白河县", "cooperatesWith", "青山省")}),
        ("[青山省:Region]与[白河县:Region]40多年友好交流取得了丰硕成果。", {("青山省", "cooperatesWith", "白河县")}),
        ("[青山:City]与[白河:City]友好交流会举行。", set()),  # an event, no exchange of theirs
        ("他介绍了[青山:City]与[日本:Country]交流交往的历史渊源。", {("青山", "cooperatesWith", "日本")}),
        ("[白河:City]与[日本:Country]交往密切。", {("白河", "cooperatesWith", "日本")}),
        ("[青山:City]与[白河:City]企业开展合作。", set()),
        # a place and the body that governs it, a place and one it lies in: no partners
        ("[[青山区:District]政府:GovernmentBody]与[青山区:District]加强合作。", set()),
        ("[[青山区:District]政府:GovernmentBody]与[丰田:Company]加强合作。", {("青山区政府", "cooperatesWith", "丰田")}),
        # a cooperation that is only possible (合作的潜力) makes no partners
        ("[日本:Country]和[白河:City]具有合作的潜力。", set()),
        ("[青山省:Region]与[日本:Country]的合作潜力巨大，空间广阔。", {("青山省", "cooperatesWith", "日本")}),  # their cooperation's
        ("[日本:Country]和[白河:City]开展了合作。", {("日本", "cooperatesWith", "白河")}),
        ("[温州:City]与[韩国:Country]光州市、[日本:Country][佐贺市:City]开展合作。", {("温州", "cooperatesWith", "佐贺市")}),
        # 与 inside a list of partners (no 分别): one list
        ("[杭州:City]与[日本:Country][静冈县:Region]、[福井县:Region]与[石川县:Region]在旅游领域的交流与合作。",
         {("杭州", "cooperatesWith", "静冈县"), ("杭州", "cooperatesWith", "福井县"), ("杭州", "cooperatesWith", "石川县")}),
        ("[杭州:City]和[静冈县:Region]、[福井县:Region]和[石川县:Region]的交流合作。",
         {("杭州", "cooperatesWith", "静冈县"), ("杭州", "cooperatesWith", "福井县"), ("杭州", "cooperatesWith", "石川县")}),
        ("[杭州:City]与[静冈县:Region]、[福井县:Region]与[石川县:Region]分别开展合作。",
         {("杭州", "cooperatesWith", "静冈县"), ("福井县", "cooperatesWith", "石川县")}),
        # the partners' exchange, with its fields before 交流
        ("[小林:Person]来到[宁州:City]，为[日本:Country]和[宁州:City]间的友好交流搭桥。", {("日本", "cooperatesWith", "宁州")}),
        ("[宁州:City]宣传，为[宁州:City]和[日本:Country]的经贸、科技、文化交流架桥铺路。", {("宁州", "cooperatesWith", "日本")}),
        ("并希望[丰川市:City]加强与[宁县:District]的文化交流。", {("丰川市", "cooperatesWith", "宁县")}),
        ("学生到[宁州:City]与[宁州:City]的青年们多交流。", set()),
        ("[宁州:City]与[丰川市:City]的[交流会:Event]举行。", set()),
        # 经贸往来, 友好交往: the partners' dealings (not 礼尚往来, not any 往来)
        ("深化[青山:City]与[日本:Country]的文旅经贸往来和友好交往。", {("青山", "cooperatesWith", "日本")}),
        ("[宁州:City]与[丰川市:City]友好往来历史悠久。", {("宁州", "cooperatesWith", "丰川市")}),
        ("人员往来不断。", set()),
        ("[宁州:City]与[日本:Country]礼尚往来。", set()),
        # a group closed by 等… and continued by 及: one list (甲等经贸团体及乙、丙等企业)
        ("[宁州:City]与[青山协会:Organization]等经贸团体及[丸红:Company]、[住友商事:Company]等企业建立了合作关系。",
         {("宁州", "cooperatesWith", "青山协会"), ("宁州", "cooperatesWith", "丸红"), ("宁州", "cooperatesWith", "住友商事")}),
        ("[大连港集团:Company]与[商船三井:Company]签署战略合作协议。", {("大连港集团", "cooperatesWith", "商船三井")}),
        ("[大连港集团:Company]与[商船三井:Company]、[日本邮船:Company]开展合作。",
         {("大连港集团", "cooperatesWith", "商船三井"), ("大连港集团", "cooperatesWith", "日本邮船")}),
        ("双方与[日本:Country]企业签约。", set()),  # 日本 only qualifies 企业
        # each one before the marker; a description, or a country, before the partner
        ("[青岛:City]、乃至[山东:Region]与[日本:Country]合作空间广阔。",
         {("青岛", "cooperatesWith", "日本"), ("山东", "cooperatesWith", "日本")}),
        ("[唐山港集团:Company]与世界500强企业之一的[日本:Country][丸红株式会社:Company]签订战略合作协议。",
         {("唐山港集团", "cooperatesWith", "丸红株式会社")}),
        # people sign, they do not cooperate; 和 ending a list joins no partners; a cue too far away
        ("[王明:Person]与[李华:Person]签署合作备忘录。", set()),
        ("[代表团:Organization]考察了[日产:Company]、[小松:Company]和[盛冈:City]，双方加强合作。", set()),
        ("[天津:City]经济和[滨海新区:District]开发取得成就，表示愿意巩固关系，扩大交流合作。", set()),
        # the smaller of two places side by side; a partner that only owns what follows
        ("[中国:Country][东北地区:Region]与[日本:Country][关西地区:Region]加强交流合作。",
         {("东北地区", "cooperatesWith", "关西地区")}),
        ("[太原:City]和[山西:Region]的地级市开展合作。", set()),
        # X是中国最早与日本…: X, not the country after 是; 参与 has no partner marker
        ("[天津:City]是[中国:Country]最早与[日本:Country]发展友好合作关系的城市之一。", {("天津", "cooperatesWith", "日本")}),
        ("[日本:Country]来陕参与[陕西自贸区:Zone]建设合作。", set()),
        # a party committee cooperates through its city; negotiating is not yet cooperating
        ("[威海:City]迎客。[威海市委:GovernmentBody]表示，强化与[日中经济贸易中心:Organization]的交流合作。",
         {("威海", "cooperatesWith", "日中经济贸易中心")}),
        ("[中日科创园:Zone]正在与[三菱电机:Company]洽谈合作，打造对日合作平台。", set()),
        # the city cooperates, not the government one signs for
        ("[常州:City]推介。[范志强:Person]还代表[常州市政府:GovernmentBody]与[研究所:Organization]签订合作项目。",
         {("常州", "cooperatesWith", "研究所")}),
    ]),
    "cooperatesWith.pair_pronoun": ((), {}, [
        ("[苏州:City]与[大阪府:Region]签约。双方将深化合作。", {("苏州", "cooperatesWith", "大阪府")}),
        ("双方将深化合作。", set()),
        ("[青山访问团:Organization]与[大阪府:Region]签约。双方将深化合作。", set()),  # a delegation: no party
        ("[富山市:City]是[烟台市:City]的友好城市。两市将深化合作。", {("富山市", "cooperatesWith", "烟台市")}),
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
    "cooperatesWith.toward": ((), {}, [
        ("[日本:Country]企业关注。标志着[成都:City]、[成都高新区:Zone]对日合作再向前迈出坚实步伐。",
         {("成都", "cooperatesWith", "日本"), ("成都高新区", "cooperatesWith", "日本")}),
        ("[日本:Country]客商到访。[四川:Region]已成为[西部地区:Region]对日经贸合作大省。", {("四川", "cooperatesWith", "日本")}),
        # 以X为代表的Y: Y, of which X is an example, cooperates
        ("[中国:Country]客商到访。以[青山:City]为代表的[白河地区:Region]是对华合作最密切的地区。",
         {("白河地区", "cooperatesWith", "中国")}),
        ("[成都:City]对日合作。", {("成都", "cooperatesWith", "日本")}),  # 日: 日本, named or not
        ("[成都:City]对外合作。", set()),
    ]),
    "cooperatesWith.dash_pair": ((), {}, [
        ("[[青山:Region]—[日本:Country]企业经贸合作对接洽谈会:Event]在[白河:City]举行。", {("青山", "cooperatesWith", "日本")}),
        # the place in brackets: the smaller one
        ("[[中国:Country]([白河:City])—[日本:Country]经贸交流峰会:Event]开幕。", {("白河", "cooperatesWith", "日本")}),
        ("[[白河:City]-[大阪:City]经贸交流会:Event]举行。", {("白河", "cooperatesWith", "大阪")}),
        ("[[白河:City]-[日本:Country]投资说明会:Event]举行。", set()),  # no word of cooperation in the name
        ("[白河:City]—[日本:Country]，两地加强合作。", set()),  # a mark between: no name
    ]),
    "cooperatesWith.meeting_sides": (("affiliatedWith.title_before_name",), {}, [
        ("[[青山区:District]区委:GovernmentBody]书记[王明:Person]会见[白河株式会社:Company]社长[田中一郎:Person]一行，双方就深入合作进行交流。",
         {("青山区", "cooperatesWith", "白河株式会社")}),
        ("[青山省:Region]省长[王明:Person]分别会晤[白河银行:Company]会长[田中:Person]、[东川银行:Company]行长[山本:Person]时指出，"
         "调整的空间就是双方合作的机遇。",
         {("青山省", "cooperatesWith", "白河银行"), ("青山省", "cooperatesWith", "东川银行")}),
        # no 双方 that cooperates, or a body that is no company: nothing here
        ("[青山省:Region]省长[王明:Person]会见[白河株式会社:Company]社长[田中一郎:Person]一行。", set()),
        ("[青山省:Region]省长[王明:Person]会见[白河协会:Organization]会长[田中一郎:Person]一行，双方就合作进行交流。", set()),
    ]),
    "cooperatesWith.bilateral": ((), {}, [
        ("[中国:Country]与[日本:Country]建交。强化中日两国企业合作。", {("中国", "cooperatesWith", "日本")}),
        ("强化中日两国企业合作。", set()),  # the countries are not named
        ("[中国:Country]、[日本:Country]客商出席[中日合作论坛:Event]。", set()),  # 中日 in a name
        ("[中国:Country]、[日本:Country]出席。中日(成都)城市建设合作示范项目启动。", set()),
        # 中日 in an earlier clause, no name between it and the cue's clause
        ("[中国:Country]与[日本:Country]建交。中日邦交正常化50年来，两国各领域交流合作取得长足发展。",
         {("中国", "cooperatesWith", "日本")}),
        ("[中国:Country]与[日本:Country]建交。今年正值中日邦交正常化35周年，希望[青山市:City]与[白河市:City]双方加强合作。",
         set()),
    ]),
    "signedWith.pair": ((), {}, [
        ("[青山市:City]与友好合作城市[日本:Country][白河町:City]共同签署了框架协议。",  # past the partner's role
         {("青山市", "signedWith", "白河町")}),
        # the signing of a later clause's pair is not the first pair's
        ("为加强[杭州:City]与[静冈县:Region]、[福井县:Region]与[石川县:Region]的交流与合作，[杭州市旅游局:GovernmentBody]分别与"
         "[静冈县观光局:GovernmentBody]、[福井县观光局:GovernmentBody]签署了合作协定。",
         {("杭州市旅游局", "signedWith", "静冈县观光局"), ("杭州市旅游局", "signedWith", "福井县观光局")}),
        ("[大连港集团:Company]与[商船三井:Company]签署战略合作协议。", {("大连港集团", "signedWith", "商船三井")}),
        ("[新都区:District]与[丰田:Company]签约。", {("新都区", "signedWith", "丰田")}),
        ("[大连港集团:Company]与[商船三井:Company]开展合作。", set()),
        # a signing named before (此次续签…为契机) is not the pair's
        ("[青山省:Region]与[白河县:Region]合作深入，希望以此次续签合作备忘录为契机。", set()),
        ("[青山省:Region]与[白河县:Region]续签合作备忘录。", {("青山省", "signedWith", "白河县")}),
        ("[郑州经开区:Zone]与世界500强企业、[日本:Country][优尼集团:Company]签约。", {("郑州经开区", "signedWith", "优尼集团")}),
        # who signs for a body; 该市 is the city named last
        ("[范志强:Person]代表[常州市政府:GovernmentBody]与[国立环境研究所:Organization]签订了湖泊治理项目。",
         {("范志强", "signedWith", "国立环境研究所"), ("常州市政府", "signedWith", "国立环境研究所")}),
        ("[方国栋:Person]代表[江西省人民政府:GovernmentBody]与[松田毅:Person]签署备忘录。", {("方国栋", "signedWith", "松田毅")}),
        ("[株洲:City]推介。另外，该市还与[大富科技:Company]签订投资协议。", {("株洲", "signedWith", "大富科技")}),
        # 该公司: the company the sentence before is about, not the last one it names
        ("[白石株式会社:Company]由[黑川集团:Company]投资，是继[白川公司:Company]之后的第二家。去年，该公司与[青山高新区:Zone]签约。",
         {("白石株式会社", "signedWith", "青山高新区")}),
        ("[青山高新区:Zone]发展迅速。该公司与[白河市:City]签约。", set()),  # the topic is no company
        ("[李强:Person]与[福冈县:Region]副知事[江口胜:Person]签署协议。", {("李强", "signedWith", "江口胜")}),
        ("[代表团:Organization]抵达。市工商联与[商工会议所:Organization]签署协议。", set()),  # a name unknown
        # pairs side by side: each signs with its own partner
        ("[烟台开发区管委会:GovernmentBody]与[电产株式会社:Company]、[烟台港集团:Company]与[日本邮船:Company]分别签约。",
         {("烟台开发区管委会", "signedWith", "电产株式会社"), ("烟台港集团", "signedWith", "日本邮船")}),
        # 分别: respectively, the first with the first
        ("[宁州化工有限公司:Company]、[南岭环保有限公司:Company]分别与[北川株式会社:Company]、[丰川精机株式会社:Company]签署合作协议。",
         {("宁州化工有限公司", "signedWith", "北川株式会社"), ("南岭环保有限公司", "signedWith", "丰川精机株式会社")}),
        # no one before 与 at the sentence's start: the travellers of the paragraph
        ("在[日本:Country]期间，[合肥招商小队:Organization]奔波于[大阪:City]。其中，与[日电波:Company]签署协议。",
         {("合肥招商小队", "signedWith", "日电波")}),
    ]),
    "signedWith.agreement_title": ((), {}, [
        # the sides the title names, past the country that qualifies each
        ("[青松省旅游局:GovernmentBody]与[白河县观光局:GovernmentBody]签署《[中华人民共和国:Country][青松省:Region]与"
         "[日本:Country][白河县:Region]旅游合作协议》。", {("青松省", "signedWith", "白河县")}),
        ("甲、乙签署《[青山:City]—[白河:City]合作备忘录》。", {("青山", "signedWith", "白河")}),
        ("双方签署了《[青山市:City]与[日本国:Country][白河市:City]友好合作备忘录》。", {("青山市", "signedWith", "白河市")}),
        ("他们阅读了《[青松省:Region]与[白河县:Region]旅游合作协议》。", set()),  # no signing
        ("双方签署了协议，并出版《[青松省:Region]与[白河县:Region]交流史》。", set()),  # no agreement's title
    ]),
    "signedWith.bilateral": ((), {}, [
        # 中日双方, 中日两国: the two countries, named in the text or not
        ("1972年，中日双方签订了长期贸易备忘录。", {("中国", "signedWith", "日本")}),
        ("[日本:Country]企业来访。会上，中日两国企业共签署了12个合作项目。", {("中国", "signedWith", "日本")}),
        ("日中两国政府在东京签署了协定。", {("日本", "signedWith", "中国")}),
        ("[中日友好双方协会:Organization]与[青山市:City]签署备忘录。", set()),  # inside a name
        ("中日双方就合作进行了交流。", set()),  # no signing
        ("中日关系发展良好，双方签署了备忘录。", set()),  # 中日 names no side of its own
    ]),
    "signedWith.pair_pronoun": ((), {}, [
        ("[苏州:City]与[大阪府:Region]开展合作。两市签署了合作备忘录。", {("苏州", "signedWith", "大阪府")}),
        ("[苏州:City]与[大阪府:Region]会谈。两市签署了合作备忘录。", set()),  # 会谈 names no pair
        ("[苏州:City]与[大阪府:Region]开展合作。1972年中日双方签署了备忘录。", set()),  # 中日双方: a pair of its own
    ]),
    "signedWith.pronoun_sides": (("affiliatedWith.title_before_name",), {}, [
        # a person stands for the place of their post; the place after 在 is where they meet
        ("在[白河市:City]期间，[青山市:City]市长[田中一郎:Person]考察了[白河市:City]，两市领导共同签署了备忘录。",
         {("青山市", "signedWith", "白河市")}),
        ("在[大阪:City]，[青山市:City]市长[王明:Person]会见了[白石株式会社:Company]社长[田中:Person]。"
         "会谈后，双方签署了《合作意向书》。", {("青山市", "signedWith", "白石株式会社")}),
        # a delegation named after its place is that place's side
        ("[青山市:City]位于东部。[青山市代表团:Organization]访问[白河市:City]，双方共同签署《友好城市协议书》。",
         {("青山市", "signedWith", "白河市")}),
        ("[青山市:City]、[白河市:City]与[黑石市:City]代表出席，双方签署了协议。", set()),  # three sides
        ("中日双方签署了协议。", set()),  # the countries' (signedWith.bilateral)
        ("[青山市:City]与[白河市:City]合作。双方签署了协议。", set()),  # a pair named: signedWith.pair_pronoun's
        ("[青山市:City]与[白河市:City]签署了协议，双方表示满意。", set()),  # the pair rule's
        ("[青山市:City]市长[王明:Person]会见[白河市:City]客人，双方就合作进行了交流。", set()),  # no signing
    ]),
    "signedWith.signatories": (("affiliatedWith.title_before_name",), {}, [
        ("[大连市:City]副市长[卢林:Person]、[大阪市:City]副市长[田中:Person]签署《合作备忘录》。",
         {("卢林", "signedWith", "田中"), ("大连市", "signedWith", "大阪市")}),
        ("[方国栋:Person]代表[江西省人民政府:GovernmentBody]与[岐阜县:Region]知事[松田毅:Person]签署备忘录。",
         {("方国栋", "signedWith", "松田毅"), ("江西省人民政府", "signedWith", "岐阜县")}),
        ("[陈吉:Person]与[小池:Person]分别代表[北京市人民政府:GovernmentBody]和[东京都政府:GovernmentBody]签署备忘录。",
         {("陈吉", "signedWith", "小池"), ("北京市人民政府", "signedWith", "东京都政府")}),
        # the last of the list is not known: no pairs
        ("[彭立秋:Person]、[袁晨阳:Person]、[日中友协:Organization]代表田中共同签署《宣言》。", set()),
        ("[王明:Person]、[田中:Person]共同见证签署协议。", set()),  # they watch others sign
        # a deputy party secretary and mayor signs for the city, not the party committee
        ("[[北京:City]市委:GovernmentBody]副书记、市长[陈吉:Person]与[东京:City]知事[小池:Person]签署备忘录。",
         {("陈吉", "signedWith", "小池"), ("北京", "signedWith", "东京")}),
        # 共同 signing in a clause of its own: the sentence's two people, whoever its byline names
        ("(记者[李华:Person])[青山省:Region]省长[王明:Person]会见[白河协会:Organization]会长[田中一郎:Person]，并共同续签了合作备忘录。",
         {("王明", "signedWith", "田中一郎"), ("青山省", "signedWith", "白河协会")}),
        ("[青山省:Region]省长[王明:Person]，[白河县:Region]知事[田中一郎:Person]在活动上共同签署《友好协议》。",
         {("王明", "signedWith", "田中一郎"), ("青山省", "signedWith", "白河县")}),
        # three people before it, or no 共同: no pair to read
        ("[青山省:Region]省长[王明:Person]、副省长[李华:Person]会见[田中一郎:Person]，并共同签署了备忘录。", set()),
        ("[青山省:Region]省长[王明:Person]会见[田中一郎:Person]，并签署了备忘录。", set()),
    ]),
    "sisterCityOf.pair": ((), {"home": "福州"}, [
        # a sister city's role between the marker and the name (与友好城市B合作); a partner's role is none
        ("[青山市:City]正在与友好城市[中国:Country][白河市:City]合作。", {("青山市", "sisterCityOf", "白河市")}),
        ("[青山市:City]与国际友好城市[白河市:City]签署了框架协议。", {("青山市", "sisterCityOf", "白河市")}),
        ("[青山市:City]正在扩大与合作伙伴[白河市:City]的合作。", set()),
        # an event's name that opens with the cue (the name swallows it)
        ("[青山市:City]与[白河市:City]建立[友好城市关系40周年纪念活动:Event]在青山举行。",
         {("青山市", "sisterCityOf", "白河市")}),
        # a country before an unnamed city only qualifies it; the list goes on past it
        ("[温州:City]相继与[韩国:Country]光州市、[法国:Country]里昂市和[日本:Country][佐贺市:City]缔结了友好城市关系。",
         {("温州", "sisterCityOf", "佐贺市")}),
        ("[温州:City]与[日本:Country][佐贺市:City]、[韩国:Country]光州市缔结友好城市。", {("温州", "sisterCityOf", "佐贺市")}),
        ("[温州:City]与[日本:Country]关西地区各领域交流合作、[佐贺市:City]缔结友好城市。", set()),
        ("1979年，[大连市:City]与[北九州市:City]缔结友好城市。", {("大连市", "sisterCityOf", "北九州市", "1979")}),
        # 和 ends the list of partners after 与: it opens no pair of its own (not 白河市 with 北原市)
        ("[青山:City]还与[日本:Country][白河市:City]和[北原市:City]结为友好城市。",
         {("青山", "sisterCityOf", "白河市"), ("青山", "sisterCityOf", "北原市")}),
        ("[青山:City]先后与[大和县:Region][白河市:City]和[北原县:Region][北原市:City]缔结友好城市。",
         {("青山", "sisterCityOf", "白河市"), ("青山", "sisterCityOf", "北原市")}),
        ("[大连港集团:Company]与[北九州市:City]缔结友好城市。", set()),
        ("深化与[长崎:City]、[那霸:City]友城交流。", {("福州", "sisterCityOf", "长崎"), ("福州", "sisterCityOf", "那霸")}),
        ("[福建省:Region]与[冲绳县:Region]结好20周年。", set()),  # provinces bonded (结好): no sister places
        # a province and a prefecture twinned by a city word (友城): sister places; not a region of several
        ("今年是[东省:Region]和[日本:Country][西县:Region]缔结友城的第30年。", {("东省", "sisterCityOf", "西县")}),
        ("[东省:Region]与[西县:Region]迎来了缔结国际友城关系25周年。", {("东省", "sisterCityOf", "西县")}),
        ("推动[中国:Country][东北地区:Region]与[日本:Country][关西地区:Region]构建友城关系。", set()),
        ("[东省:Region]与[白河市:City]缔结友好城市。", set()),  # a province and a city: no pair of one kind
    ]),
    "sisterCityOf.apposition": ((), {"home": "青山"}, [
        ("交流团走过了国际友城[日本:Country][白河市:City]、[俄罗斯:Country][北原市:City]。",
         {("青山", "sisterCityOf", "白河市"), ("青山", "sisterCityOf", "北原市")}),
        ("代表团拜访了友好城市[白河市:City]，会见了市长。", {("青山", "sisterCityOf", "白河市")}),
        ("[北原:City]的友城[白河市:City]来访。", set()),  # the owner's (sisterCityOf.possessive)
        ("[北原:City]与[白河市:City]缔结友好城市。", set()),  # a pair (sisterCityOf.pair)
        ("友城交流活动在[白河市:City]举行。", set()),  # no city right after the noun
    ]),
    "sisterCityOf.event_name": ((), {}, [
        ("举行[[柳州市:City]与[日本:Country][秋田市:City]友好城市签约仪式:Event]。",
         {("柳州市", "sisterCityOf", "秋田市")}),
        ("出席了[纪念[宁州:City][丰川:City]结好40周年展览:Event]。", {("宁州", "sisterCityOf", "丰川")}),
        ("[[福建省:Region]与[冲绳县:Region]结好40周年纪念活动:Event]举行。", set()),  # provinces: no sister cities
        ("[[宁州:City]与[日本:Country]经贸交流会:Event]举行。", set()),  # no twinning named
        ("[[宁州:City]友好城市交流会:Event]举行。", set()),  # one city
    ]),
    "sisterCityOf.relative": ((), {}, [
        ("与[青山:City]在15年前正式缔结友好城市的[日本:Country][白河市:City]派出代表团。",
         {("青山", "sisterCityOf", "白河市")}),
        ("他出席论坛，并与[东省:Region]结好的[日本:Country][西县:Region]、[北县:Region]进行交流。",
         {("东省", "sisterCityOf", "西县"), ("东省", "sisterCityOf", "北县")}),
        ("与[青山:City]缔结友好城市关系的[白河市:City]和[北原市:City]也派出代表。",
         {("青山", "sisterCityOf", "白河市"), ("青山", "sisterCityOf", "北原市")}),
        ("与[青山:City]缔结友好城市的城市有很多。", set()),  # no named place after 的
        ("与[青山:City]企业[北原集团:Company]结好的[白河市:City]来访。", set()),  # another name before the cue
        ("与[青山集团:Company]结好的[白河市:City]来访。", set()),  # no place
        ("[青山:City]与[白河市:City]缔结友好城市。", set()),  # no relative clause (sisterCityOf.pair)
    ]),
    "sisterCityOf.copula": ((), {}, [
        ("[东京:City]是[北京:City]缔结的第一个国际友好城市。", {("东京", "sisterCityOf", "北京")}),
        ("[东京:City]是[日本:Country]的友好城市。", set()),
    ]),
    "sisterCityOf.possessive": ((), {}, [
        ("[宁州:City]的友城[丰川市:City]也是他喜爱的城市。", {("宁州", "sisterCityOf", "丰川市")}),
        ("代表团来到[宁州:City]的国际友好城市[丰川市:City]。", {("宁州", "sisterCityOf", "丰川市")}),
        ("[南岭省:Region]的友城[北川县:Region]。", set()),  # no cities
        ("[宁州:City]的友城企业来到[丰川市:City]。", set()),  # nothing right after the cue
    ]),
    "sisterCityOf.pair_pronoun": ((), {"home": "天津"}, [
        ("[北京:City]与[东京:City]签约。今年是两市结好40周年。", {("北京", "sisterCityOf", "东京")}),
        ("[天津:City]市长出席在[四日市市:City]举行的两市[缔结友好城市关系30周年纪念活动:Event]。",
         {("天津", "sisterCityOf", "四日市市")}),
        ("[福建省:Region]与[冲绳县:Region]签约。今年是两省结好20周年。", set()),
    ]),
    "investedIn.foreign_capital": ((), {}, [
        ("今年，[苏州:City]实际使用日资12亿美元。", {("日本", "investedIn", "苏州", "1200000000", "USD")}),
        ("今年实际使用日资12亿美元。", set()),
    ]),
    "investedIn.foreign_firms": ((), {}, [
        ("一大批日资企业在[泰州:City]投资发展。", {("日本", "investedIn", "泰州")}),
        ("目前已有200多家日企纷纷在[青岛市:City][即墨区:District]投资兴业。", {("日本", "investedIn", "即墨区")}),
        ("日商在华投资已超过10亿美元。", {("日本", "investedIn", "中国", "1000000000", "USD")}),
        # a whole country only with the amount: a theme of talk is no act
        ("近年来日商在华投资持续增长。", set()),
        ("[日本:Country]企业对华投资的新一轮热潮将集中在长三角。", set()),
        ("日资企业对[泰州:City]投资增长。", {("日本", "investedIn", "泰州")}),
        ("[盐城市:City]很美。目前已有170多家[日本:Country]企业在盐投资兴业。", {("日本", "investedIn", "盐城市")}),
        ("[日本:Country]在川投资设立企业逾550家。", set()),  # the article does not name 四川
        ("希望吸引更多日资企业在[泰州:City]投资。", set()),  # not yet
        ("日资企业在[泰州:City]举办展会。", set()),  # no investment
        ("[泰州:City]的日资企业在[上海:City]展出。", set()),
    ]),
    "investedIn.listed_firms": ((), {}, [
        ("[青松电机:Company]、[白河化学:Company]等诸多知名企业不断扩大在[青山:City]投资规模。",
         {("青松电机", "investedIn", "青山"), ("白河化学", "investedIn", "青山")}),
        ("[青松银行:Company]、[白河电子:Company]、[东川精工:Company]等在[青山:City]投资企业介绍了情况。",
         {("青松银行", "investedIn", "青山"), ("白河电子", "investedIn", "青山"), ("东川精工", "investedIn", "青山")}),
        # 来Z投资: firms that came to invest; a few characters of another act of the clause before the cue
        ("[青松电机:Company]、[白河化学:Company]等知名日企纷纷来[青山:City]投资合作。",
         {("青松电机", "investedIn", "青山"), ("白河化学", "investedIn", "青山")}),
        ("已有[青松电机:Company]、[白河化学:Company]等日本知名跨国公司和行业龙头企业在[青山:City]独立设厂或参股经营。",
         {("青松电机", "investedIn", "青山"), ("白河化学", "investedIn", "青山")}),
        ("[青松电机:Company]、[白河化学:Company]等企业在[青山:City]设厂，今年又增资。", set()),  # another clause's cue
        # 澄, the short name of 江阴 (public usage), where the text names 江阴
        ("[江阴:City]的[青松电机:Company]、[白河化学:Company]等企业不断扩大在澄投资。",
         {("青松电机", "investedIn", "江阴"), ("白河化学", "investedIn", "江阴")}),
        # a plant, not money: the firms lie there (locatedIn.opened_in's); no list closed by 等
        ("[青松电机:Company]、[白河化学:Company]等日资企业都已在[青山:City]设厂投产。", set()),
        ("[青松电机:Company]与[白河化学:Company]在[青山:City]投资建厂。", set()),
    ]),
    "established.branch_owner": ((), {}, [
        ("[青森县:Region]与[白石:City]交流。[青森县白石代表事务所:GovernmentBody]成立了。",
         {("青森县", "established", "青森县白石代表事务所")}),
        ("[青森县:Region]重视与[白石:City]交流，[青森县白石事务所:GovernmentBody]于2004年正式开设。",
         {("青森县", "established", "青森县白石事务所", "2004")}),
        # the longest name that opens the branch's, a place right after it
        ("[青松:Company]与[青松商事:Company]合作。[白石:City]很美。[青松商事白石事务所:Organization]1997年成立以来发展很快。",
         {("青松商事", "established", "青松商事白石事务所", "1997")}),
        # a name the place opens alone; no place after the owner; no founding word
        ("[白石:City]很美。[白石日本商会:Organization]成立了。", set()),
        ("[青森县:Region]很美。[青森县观光协会:Organization]成立了。", set()),
        ("[青森县:Region]与[白石:City]交流。[青森县白石事务所:GovernmentBody]举办活动。", set()),
    ]),
    "investedIn.listed_settled": ((), {"home": "青山"}, [
        # the place after 在 before the verb; a last item the reading did not name
        ("多年来，[青松电机:Company]、[白河化学:Company]、北原……一大批知名跨国公司先后在[白石新区:Zone]投资了一批项目。",
         {("青松电机", "investedIn", "白石新区"), ("白河化学", "investedIn", "白石新区")}),
        # no place in the clause: the zone the paragraph names first before the sentence
        ("[白石基地:Zone]位于[东川新区:Zone]。目前，[青松电机:Company]、[白河化学:Company]等一大批重大项目纷纷落户。",
         {("青松电机", "investedIn", "白石基地"), ("白河化学", "investedIn", "白石基地")}),
        ("[白石开发区:Zone]重视对日合作。全区日资企业45家，其中[青松电机:Company]、[白河化学:Company]等投资企业12家。",
         {("青松电机", "investedIn", "白石开发区"), ("白河化学", "investedIn", "白石开发区")}),
        # else the article's home city
        ("目前，[青松电机:Company]、[白河化学:Company]等企业纷纷落户。",
         {("青松电机", "investedIn", "青山"), ("白河化学", "investedIn", "青山")}),
        # a hope; partners; one company; the verb in another clause
        ("希望[青松电机:Company]、[白河化学:Company]等企业来此投资。", set()),
        ("[青松电机:Company]、[白河化学:Company]等企业与[白石:City]合作投资。", set()),
        ("[青松电机:Company]等企业纷纷落户。", set()),
        ("目前，[青松电机:Company]、[白河南方基地:Company]等重大项目已相继落户[白石:City]。",
         {("青松电机", "investedIn", "白石")}),
        ("[青松电机:Company]、[白河化学:Company]等企业参加了会议，会上多个项目落户。", set()),
    ]),
    "investedIn.venture_site": ((), {}, [
        # the parties joined before 合资 invest where it settles, after the verb in the sentence
        ("[青松株式会社:Company]与[白河集团:Company]组建合资公司，23日在[青山:City]签约落户[白石工业园:Zone]。",
         {("青松株式会社", "investedIn", "白石工业园"), ("白河集团", "investedIn", "白石工业园")}),
        # or in a sentence after it that opens with a back-reference; a country only qualifies its company
        ("[东川精工:Company]、[日本:Country][青松商事:Company]、[白河钢铁:Company]三方合资不锈钢项目在[青山:City]签约。"
         "该项目总投资15亿元，落户[白石新区:Zone]。",
         {("东川精工", "investedIn", "白石新区"), ("青松商事", "investedIn", "白石新区"),
          ("白河钢铁", "investedIn", "白石新区")}),
        # one company alone; a place not after a settling verb; a later sentence about something else
        ("[青松株式会社:Company]组建合资公司，落户[白石工业园:Zone]。", set()),
        ("[青松株式会社:Company]与[白河集团:Company]合资建厂，在[白石工业园:Zone]签约。", set()),
        ("[青松株式会社:Company]与[白河集团:Company]合资建厂。[东川精工:Company]落户[白石新区:Zone]。", set()),
    ]),
    "investedIn.signed_projects": ((), {"home": "青山"}, [
        # the place named after the signing; lists closed by 等…项目, the last right before the cue
        ("[青松电机:Company]、[白河化学:Company]等一批成熟项目的签约入驻，标志着[青山:City]对日合作迈出新步伐。",
         {("青松电机", "investedIn", "青山"), ("白河化学", "investedIn", "青山")}),
        ("在活动现场，[青松电机:Company]、[白河化学:Company]等5个产业类项目，"
         "[东川精工:Company]、[北原食品:Company]等3个总部类项目集中签约。",
         {("青松电机", "investedIn", "青山"), ("白河化学", "investedIn", "青山"),
          ("东川精工", "investedIn", "青山"), ("北原食品", "investedIn", "青山")}),
        # else the article's home city, or the zone it names most often
        ("[青山新区:Zone]代表团访日。[青山新区:Zone]推介。[青山新区:Zone]与[青松电机:Company]、[白河化学:Company]等项目举行签约仪式。",
         {("青松电机", "investedIn", "青山新区"), ("白河化学", "investedIn", "青山新区")}),
        # the zone counted wherever the text names it, found as a mention or not
        ("[青山新区:Zone]代表团访日。青山新区推介。[白石:City]很美。青山新区与[青松电机:Company]、[白河化学:Company]等项目举行签约仪式。",
         {("青松电机", "investedIn", "青山新区"), ("白河化学", "investedIn", "青山新区")}),
        # an item named as a project; one company; people who sign; a list the signing does not close
        ("[青松电机:Company]、[白河化学研发总部:Company]等项目集中签约。", {("青松电机", "investedIn", "青山")}),
        ("[青松电机:Company]等项目集中签约。", set()),
        ("[青松电机:Company]、[白河化学:Company]等企业负责人出席签约仪式。", set()),
        ("[青松电机:Company]、[白河化学:Company]等项目投产，[东川精工:Company]签约。", set()),
    ]),
    "investedIn.hosted_firms": ((), {}, [
        ("目前，[青山高新区:Zone]已成功引进日资企业23家。", {("日本", "investedIn", "青山高新区")}),
        ("[白河区:District]在新材料等新兴产业都活跃着一大批日资企业。", {("日本", "investedIn", "白河区")}),
        # the place opens an earlier clause; a country between is no host
        ("[青松新区:Zone]作为[中国:Country]开放程度最高的区域之一，已集聚众多知名日资企业。",
         {("日本", "investedIn", "青松新区")}),
        ("[白河:City]是除[日本:Country]本土外拥有[日本:Country]企业最多的城市。", {("日本", "investedIn", "白河")}),
        # a hope, no place opening the clause, a body between: nothing
        ("[白河:City]希望引进更多日资企业。", set()),
        ("[青山高新区:Zone]今年将引进日资企业10家。", set()),
        ("会上，介绍了[白河:City]引进日资企业的情况。", set()),
        ("[白河:City]与[青松商会:Organization]合作，拥有日资企业50家。", set()),
    ]),
    "investedIn.firms_in_place": ((), {}, [
        ("[上海:City]市领导肯定了在沪日资企业的贡献。", {("日本", "investedIn", "上海")}),
        ("[四川:Region]与[重庆:City]联合办展，邀请在川渝日企参与。",
         {("日本", "investedIn", "四川"), ("日本", "investedIn", "重庆")}),
        ("与进驻[青岛:City]的日资企业开展对话。", {("日本", "investedIn", "青岛")}),
        ("在[白河:City][青山区:District]的[日本:Country]企业达到50家。",
         {("日本", "investedIn", "白河"), ("日本", "investedIn", "青山区")}),
        ("[青松汽车:Company]等日资企业都已在[白河:City]设厂投产。", {("日本", "investedIn", "白河")}),
        ("共有800家日资企业在[白河:City]兴业。", {("日本", "investedIn", "白河")}),
        ("截至今年3月，[日本:Country]在[白河:City]的企业达到240多家。", {("日本", "investedIn", "白河")}),
        ("[韩国:Country]企业在[白河:City]发展良好。", {("韩国", "investedIn", "白河")}),
        ("在华日资企业发展良好。", set()),  # the country itself: a class of firms
        ("吸引更多日资企业在[白河:City]发展。", set()),  # a hope
        ("进驻[青岛:City]日资企业。", set()),  # no 的 after the place
        ("[日本:Country]在[白河:City]举办展会。", set()),  # a country alone: only its firms there
        ("日资企业在[白河:City]举办展会。", set()),  # no presence
        ("在川日资企业发展良好。", set()),  # the article names no 四川
    ]),
    "investedIn.capital_kind": ((), {}, [
        ("1999年，[青松精工(白河)有限公司:Company]落户，成为白河首家落户的[日本:Country]独资企业。",
         {("日本", "investedIn", "青松精工(白河)有限公司", "1999")}),
        ("[青松精工(白河)有限公司:Company]的厂房已经结顶，意味着这家日资企业即将投产。",
         {("日本", "investedIn", "青松精工(白河)有限公司")}),
        ("[青松精工(白河)有限公司:Company]是日商投资项目，落户于白河。", {("日本", "investedIn", "青松精工(白河)有限公司")}),
        ("[青松精工:Company]是一家日资企业。", {("日本", "investedIn", "青松精工")}),
        ("[青松精工:Company]是一家中日合资企业。", set()),  # a joint venture: its parties invest
        ("[青松精工:Company]、[白河化学:Company]等日资企业纷纷落户白河。", set()),  # a list: the class, no one firm
        ("[白河化学:Company]与日资企业合作。", set()),  # no copula
        ("[青松精工:Company]独资企业。", set()),  # no country named before 独资企业
    ]),
    "investedIn.relative_clause": ((), {}, [
        ("在[白河:City]投资的[青松株式会社:Company]社长出席。", {("青松株式会社", "investedIn", "白河")}),
        ("在[天津:City][滨海新区:District]投资的[青松株式会社:Company]代表出席。",
         {("青松株式会社", "investedIn", "天津"), ("青松株式会社", "investedIn", "滨海新区")}),
        ("[日本:Country]是较早来[白河:City]投资的国家之一。", {("日本", "investedIn", "白河")}),
        ("在[白河:City]投资的[日本:Country]企业很多。", set()),  # a class of firms
        ("[青松集团:Company]投资的[白河工厂:Company]投产。", set()),  # no place before: what was invested in
        ("[白河:City]投资的[青松株式会社:Company]开业。", set()),  # no 在/来: 白河 invests
    ]),
    "investedIn.plant_in_place": ((), {}, [
        ("30年前[青松:Company]在[白河经开区:Zone]建厂。", {("青松", "investedIn", "白河经开区")}),
        ("[青松:Company]则计划投入6000万元在[北原镇:District]建设新厂区。", {("青松", "investedIn", "北原镇")}),
        # a country only where it stands alone; a partner too
        ("[青松:Company]计划与合作伙伴[白河集团:Company]，在[中国:Country][北原市:City]建造一家新的电动汽车工厂。",
         {("青松", "investedIn", "北原市"), ("白河集团", "investedIn", "北原市")}),
        ("[青松:Company]在[中国:Country]新建一条生产线。", {("青松", "investedIn", "中国")}),
        ("[青松电气:Company]落户[白河开发区:Zone]，开工建设车灯生产基地。", {("青松电气", "investedIn", "白河开发区")}),
        ("[青松:Company]在[白河:City]建设的工厂投产。", set()),  # a relative clause: the plant is the subject
        ("[青松:Company]、[白河精工:Company]等企业都已在[北原:City]设厂。", set()),  # a list: the class
        ("[青松:Company]在[白河:City]举办展会。", set()),  # no plant
    ]),
    "investedIn.opens_facility": ((), {}, [
        ("[青松株式会社:Company]在[白河:City]设立子公司。", {("青松株式会社", "investedIn", "白河")}),
        ("[青松电机:Company]计划明年晚些时候在[北原:City]开设一个新工厂。", {("青松电机", "investedIn", "北原")}),
        ("[青松电机:Company]此前已在[白河市:City]设立了3家空调关联子公司。", {("青松电机", "investedIn", "白河市")}),
        ("[青松食品:Company]将通过香港子公司在[北原省:Region]成立一家“白鹤”牌饼干的生产基地。",
         {("青松食品", "investedIn", "北原省")}),
        ("[青松:Company]在[白河高新区:Zone~]设立中国区总部。", {("青松", "investedIn", "白河高新区")}),
        # the last place of the run; a back-reference to the company the sentence named before
        ("[青松百货集团:Company]宣布，该公司将在[中国:Country][北原省:Region][白河市:City]开设一家大型百货店。",
         {("青松百货集团", "investedIn", "白河市")}),
        ("[青松百货:Company]在[中国:Country]新设15家购物中心。", set()),  # a whole country: a plan, no site
        ("[青松:Company]在[白河:City]设立的工厂投产。", set()),  # a relative clause: the plant is the subject
        ("[青松:Company]、[白河精工:Company]等企业在[北原:City]设立工厂。", set()),  # a list: the class
        ("[青松:Company]总部在东京，同时在[白河:City]建立生产基地。", set()),  # not in the clause of 在
        ("[青松:Company]在[白河:City]成立十周年。", set()),  # no facility
    ]),
    "investedIn.company_settles": ((), {}, [
        ("1995年第一家世界500强日资企业[青松公司:Company]落户[白河:City]以来，发展良好。",
         {("青松公司", "investedIn", "白河", "1995")}),
        ("[青松电机:Company]最终决定布点[白河高新区:Zone~]。", {("青松电机", "investedIn", "白河高新区")}),
        ("[青松电机:Company]决定进驻[北原:City]。", {("青松电机", "investedIn", "北原")}),
        ("[青松:Company]于1993年落户在[江苏省:Region][白河市:City]。", {("青松", "investedIn", "白河市", "1993")}),
        ("[白河:City]欢迎[青松:Company]落户[北原区:District]。", set()),  # an invitation, no fact
        ("[青松:Company]、[白河精工:Company]落户[北原:City]。", set()),  # a list: listed_settled's
        ("[青松:Company]在[白河:City]落户。", set()),  # no place right after the verb
    ]),
    "investedIn.facility_in_place": ((), {}, [
        ("[青松株式会社:Company]将中国总部设在刚刚成立的[白河经济开发区:Zone]。",
         {("青松株式会社", "investedIn", "白河经济开发区")}),
        ("[青松株式会社:Company]将华东基地建在[江苏省:Region][白河市:City]。",
         {("青松株式会社", "investedIn", "江苏省"), ("青松株式会社", "investedIn", "白河市")}),
        ("[青松株式会社:Company]与[东西区:District]签约。该公司同意将中部生产基地设在[白河:City]。",
         {("青松株式会社", "investedIn", "白河")}),
        ("同时将原设在[香港:City]的研发中心迁至高新园。", set()),  # no company; the facility comes after
        ("[白河区:District]将产业园设在东部。", set()),  # no company, no place after the cue
    ]),
    "investedIn.source_country": ((), {}, [
        ("[日本:Country]是[宁波:City]重要的投资来源地。", {("日本", "investedIn", "宁波")}),
        ("[日本:Country]也是[江西省:Region]重要的贸易伙伴和外资来源地。", {("日本", "investedIn", "江西省")}),
        ("[宁波:City]的投资来源地日益多元。", set()),  # no 是
    ]),
    "investedIn.parent_company": ((), {}, [
        ("综合超市[大华百货:Company]的母公司——[东和控股:Company]发布公告。", {("东和控股", "investedIn", "大华百货")}),
        ("[东和化学株式会社:Company]旗下的[东和化学(中国)有限公司:Company]、[东和材料有限公司:Company]出席。",
         {("东和化学株式会社", "investedIn", "东和化学(中国)有限公司"), ("东和化学株式会社", "investedIn", "东和材料有限公司")}),
        ("[东和商贸有限公司:Company]是[东和商事株式会社:Company]在华设立的全资子公司。",
         {("东和商事株式会社", "investedIn", "东和商贸有限公司")}),
        ("[东和电器:Company]是日本最大的电器公司之一，旗下拥有多个品牌。", set()),
    ]),
    "investedIn.project_in_place": ((), {}, [
        ("全力支持[星河油墨株式会社:Company]在[湛江:City]的新工厂尽快开工建设。", {("星河油墨株式会社", "investedIn", "湛江")}),
        ("[星河油墨株式会社:Company]在[湛江:City]的二期项目已经投产。", {("星河油墨株式会社", "investedIn", "湛江")}),
        ("[湛江市政府:GovernmentBody]在[湛江:City]的项目推介会上致辞。", set()),  # no company
        ("[星河油墨株式会社:Company]在[湛江:City]举办项目说明会。", set()),  # not its project there
    ]),
    "investedIn.plant_places": ((), {}, [
        ("[白河汽车公司:Company]成立于2003年，拥有[襄阳:City]、[郑州:City]和[大连:City]3个工厂。",
         {("白河汽车公司", "investedIn", "襄阳"), ("白河汽车公司", "investedIn", "郑州"),
          ("白河汽车公司", "investedIn", "大连")}),
        ("目前[白河汽车:Company]已陆续建成了[十堰:City]、[武汉:City]两大基地。",
         {("白河汽车", "investedIn", "十堰"), ("白河汽车", "investedIn", "武汉")}),
        # 在P1、P2等地设立了N家生产企业: the topic of the sentence before
        ("[白河电装:Company]发展迅速。公司同时在[天津:City]、[烟台:City]等地设立了20家生产企业。",
         {("白河电装", "investedIn", "天津"), ("白河电装", "investedIn", "烟台")}),
        ("[白河汽车公司:Company]代表团参观了[襄阳:City]、[郑州:City]两个基地。", set()),  # a visit, no plant of its own
        ("[襄阳:City]拥有[白河汽车公司:Company]等3个工厂。", set()),  # no place listed before the noun
    ]),
    "investedIn.agreement": ((), {}, [
        ("[株式会社北辰冷链:Company]与[[哈尔滨新区:Zone]管理委员会:GovernmentBody]签署投资协议。",
         {("株式会社北辰冷链", "investedIn", "哈尔滨新区")}),
        ("[大连市:City]与[三菱电机:Company]签订投资意向书。", {("三菱电机", "investedIn", "大连市")}),
        ("[大连市:City]与[三菱电机:Company]签订战略合作协议。", set()),  # no investment agreement
        ("[日本:Country]与[三菱电机:Company]签订投资协议。", set()),  # a country is no place invested in here
    ]),
    "investedIn.is_investor_of": ((), {}, [
        ("[艾杰旭:Company]是一个[日本:Country]在[苏州:City]投资较大的企业。", {("日本", "investedIn", "艾杰旭")}),
        ("[苏州:City]是[日本:Country]投资较大的城市。", set()),
        ("[洛阳丸山冲压有限公司:Company]是[丸山集团:Company]投资的生产基地。", {("丸山集团", "investedIn", "洛阳丸山冲压有限公司")}),
        # a place after 到/来/在 is where the companies before 是 put their money, not an investor
        ("[青山化工株式会社:Company]和[白川电机株式会社:Company]都是较早到[宜川:City]投资的[日本:Country]企业。",
         {("青山化工株式会社", "investedIn", "宜川"), ("白川电机株式会社", "investedIn", "宜川")}),
        ("[青山化工株式会社:Company]是最早来[宜川:City]投资兴业的企业之一。", {("青山化工株式会社", "investedIn", "宜川")}),
    ]),
    "investedIn.preposition": ((), {}, [
        ("[青松蓄电池:Company]则计划在[白石镇:District]增资1150万美元。",
         {("青松蓄电池", "investedIn", "白石镇", "11500000", "USD")}),
        # investors listed before 等…企业 and an adverb (相继) before 在
        ("[青山电机:Company]、[白河精工:Company]等[日本:Country]知名企业相继在[北原:City]投资兴业。",
         {("青山电机", "investedIn", "北原"), ("白河精工", "investedIn", "北原")}),
        # the examples of 以A、B为代表的…企业 invest too; 为代表的 is no wish (为)
        ("以[青山电机:Company]、[白河精工:Company]为代表的许多[日本:Country]企业在[北原:City]投资建厂。",
         {("青山电机", "investedIn", "北原"), ("白河精工", "investedIn", "北原"), ("日本", "investedIn", "北原")}),
        ("[日本丸森食品株式会社:Company]将在[长春新区:Zone]投资3.5亿元。",
         {("日本丸森食品株式会社", "investedIn", "长春新区", "350000000", "CNY")}),
        ("[丰田:Company]对[天津:City]追加投资。", {("丰田", "investedIn", "天津")}),
        # a word of time or decision between the investor and 在 (本次, 今年, 也确定今年, 近年来加快了)
        ("[青松电工:Company]本次在[白石高新区:Zone]投资。", {("青松电工", "investedIn", "白石高新区")}),
        ("[白河金属:Company]也确定今年在[白石镇:District]增资。", {("白河金属", "investedIn", "白石镇")}),
        ("[青山电装:Company]近年来加快了在[中国:Country]投资步伐。", {("青山电装", "investedIn", "中国")}),
        ("[青山电装:Company]表示，今年将继续关注在[中国:Country]投资的机会。", set()),  # another subject's clause
        # places listed after 在: each; a one-character short form right before the cue: the place it stands for
        ("[青松株式会社:Company]先后在[武汉:City]、[长沙:City]投资设立了两家公司。",
         {("青松株式会社", "investedIn", "武汉"), ("青松株式会社", "investedIn", "长沙")}),
        ("[青松株式会社:Company]在华投资已超过10亿美元。", {("青松株式会社", "investedIn", "中国", "1000000000", "USD")}),
        ("[青松株式会社:Company]在此投资。", set()),  # 此 stands for no place
        # a country in a whole country only with the amount (日本对华投资新高地: a theme, no act)
        ("2015年[日本:Country]对华投资32亿美元。", {("日本", "investedIn", "中国", "3200000000", "USD", "2015")}),
        ("[日本:Country]对华投资新高地从这里崛起。", set()),
        ("[青山:City]是[日本:Country]在华投资最密集的区域。", set()),
        ("双方希望促进[日本:Country]企业在[白河:City]投资。", set()),  # a wish, no investment
        ("[甲电子:Company]、[乙精工:Company]等[日本:Country]企业均已在[东莞:City]投资设厂。",
         {("甲电子", "investedIn", "东莞"), ("乙精工", "investedIn", "东莞")}),
        ("目前已有170多家[日本:Country]企业在[盐城:City]投资兴业。", {("日本", "investedIn", "盐城")}),
        ("[韩国:Country]企业在[天津:City][滨海新区:District]投资的项目很多。",  # a run of places: each
         {("韩国", "investedIn", "天津"), ("韩国", "investedIn", "滨海新区")}),
        ("服务[星河油墨:Company]以及其他企业在[湛江:City]投资建设的项目。", {("星河油墨", "investedIn", "湛江")}),
        ("[电产株式会社:Company]于2019年在[平湖开发区:Zone]投资建厂。", {("电产株式会社", "investedIn", "平湖开发区", "2019")}),
        # since when, in any digits: 自一九九五年, 早在2003年就
        ("[白河电装株式会社:Company]自一九九五年在[惠州市:City]投资以来，不断增资。",
         {("白河电装株式会社", "investedIn", "惠州市")}),
        ("[白河精工株式会社:Company]早在2003年就在[苏州:City]投资建厂。", {("白河精工株式会社", "investedIn", "苏州", "2003")}),
        ("2023年5月，[丰田:Company]对[天津:City]的汽车项目投资5亿元。", set()),  # too far from the cue
        # a later clause that opens with the preposition: the sentence's topic
        ("[星河精工株式会社:Company]宣布，对[星河精工(扬州)有限公司:Company]增资2000万美元。",
         {("星河精工株式会社", "investedIn", "星河精工(扬州)有限公司", "20000000", "USD")}),
        ("[蓝海电子:Company]表示，将在[泰州:City]追加投资5亿元。", {("蓝海电子", "investedIn", "泰州", "500000000", "CNY")}),
        ("[蓝海电子:Company]与[星河集团:Company]签约，在[泰州:City]投资。", set()),  # another name between
    ]),
    "investedIn.founders": ((), {}, [
        # a partner of the venture is none of its targets (what is set up is no name here)
        ("据介绍，[青松电器:Company]由[开元集团:Company]与“[青松电器:Company]”合资成立的“开元青松”代理。", set()),
        # a country right before a partner only says where it is from: both partners found the venture
        ("1994年，[开元集团:Company]与[日本:Country][青松制钢公司:Company]合资成立[白河焊接材料有限公司:Company]。",
         {("开元集团", "investedIn", "白河焊接材料有限公司", "1994"), ("青松制钢公司", "investedIn", "白河焊接材料有限公司", "1994")}),
        ("2023年5月，[大连华信:Company]投资8489万美元设立[北斗合同会社:Company]。",
         {("大连华信", "investedIn", "北斗合同会社", "84890000", "USD", "2023-05")}),
        ("[大连华信:Company]分别投资3000万美元和2000万美元设立的[北斗合同会社:Company]，以及[南斗株式会社:Company]。",
         {("大连华信", "investedIn", "北斗合同会社", "30000000", "USD"),
          ("大连华信", "investedIn", "南斗株式会社", "20000000", "USD")}),
        # the same list written with ASCII commas (as pages copied from the web often are)
        ("[大连华信:Company]分别投资3000万美元和2000万美元设立的[北斗合同会社:Company],以及[南斗株式会社:Company]。",
         {("大连华信", "investedIn", "北斗合同会社", "30000000", "USD"),
          ("大连华信", "investedIn", "南斗株式会社", "20000000", "USD")}),
        ("[中日产业园:Zone]由[大连开发区管委会:GovernmentBody]与[双日:Company]共同投资建设。",
         {("大连开发区管委会", "investedIn", "中日产业园"), ("双日", "investedIn", "中日产业园")}),
        # 该公司/该项目: the company named before
        ("[天河精工有限公司:Company]在[苏州:City]开业。该项目由[甲株式会社:Company]、[乙株式会社:Company]等共同投资兴建。",
         {("甲株式会社", "investedIn", "天河精工有限公司"), ("乙株式会社", "investedIn", "天河精工有限公司")}),
        ("[天河精工有限公司:Company]扩产。该公司由[甲集团:Company]与[乙株式会社:Company]共同投资设立。",
         {("甲集团", "investedIn", "天河精工有限公司"), ("乙株式会社", "investedIn", "天河精工有限公司")}),
        ("[苏州:City]很美。该项目由[甲集团:Company]投资兴建。", set()),  # no company before
        # 在泾: a short place the recognisers miss does not hide the partners
        ("[泰和公司:Company]与[安徽威能公司:Company]在泾合资创办的[泰威电气公司:Company]。",
         {("泰和公司", "investedIn", "泰威电气公司"), ("安徽威能公司", "investedIn", "泰威电气公司")}),
        # the topic 该企业 stands for, past a place after 在; a name in quotes
        ("[协和株式会社:Company]成立于1950年。该企业是经销商，并在[泾县:District]合资创办了“[红星墨液有限公司:Company]”。",
         {("协和株式会社", "investedIn", "红星墨液有限公司")}),
        # the clause's subject, where the sentence opens with something else
        ("作为中日合资企业，[东和本田:Company]由[东和集团:Company]与[本田:Company]各出资50%设立。",
         {("东和集团", "investedIn", "东和本田"), ("本田", "investedIn", "东和本田")}),
        # A在Z投资设立B: the preposition's investor
        ("[北斗精机:Company]在[长春新区:Zone]投资设立[北斗精机(长春)有限公司:Company]。",
         {("北斗精机", "investedIn", "北斗精机(长春)有限公司")}),
        # a place after 在 is where the money goes, never who invests
        ("据了解，于2019年在[长春新区:Zone]投资设立[北斗精机(长春)有限公司:Company]。", set()),
        ("[松下:Company]在[苏州:City]独资设立[松下(苏州)有限公司:Company]。", {("松下", "investedIn", "松下(苏州)有限公司")}),
        # after 由, a country right before a company only says where it is from
        ("由[甲港集团:Company]与“[日本:Country][乙电器:Company]”合资成立的[甲乙机器有限公司:Company]已投产。",
         {("甲港集团", "investedIn", "甲乙机器有限公司"), ("乙电器", "investedIn", "甲乙机器有限公司")}),
        # partners joined by 与 invest together; a country right before a name is no partner
        ("[甲港集团:Company]与[乙株式会社:Company]合资成立[甲乙物流有限公司:Company]。",
         {("甲港集团", "investedIn", "甲乙物流有限公司"), ("乙株式会社", "investedIn", "甲乙物流有限公司")}),
        ("[日本:Country][丙精工株式会社:Company]投资设立[丙精工(大连)有限公司:Company]。",
         {("丙精工株式会社", "investedIn", "丙精工(大连)有限公司")}),
        ("[甲株式会社:Company]和[乙集团:Company]各出资50%，成立[甲乙精机有限公司:Company]。",
         {("甲株式会社", "investedIn", "甲乙精机有限公司"), ("乙集团", "investedIn", "甲乙精机有限公司")}),
    ]),
    "investedIn.direct_object": ((), {}, [
        ("[丰田:Company]投资[天津一汽丰田:Company]。", {("丰田", "investedIn", "天津一汽丰田")}),
        ("[丙商事:Company]收购了[丁股份有限公司:Company]。", {("丙商事", "investedIn", "丁股份有限公司")}),
        # A投资的A(…)项目: the group itself
        ("[旭化成集团:Company]投资的[旭化成:Company](南通)项目总投资1.2亿美元。", set()),
        ("[旭化成集团:Company]投资的[旭化成(南通)有限公司:Company]开业。", {("旭化成集团", "investedIn", "旭化成(南通)有限公司")}),
        ("[丰田:Company]投资8489万美元设立[北斗合同会社:Company]。", set()),  # the founders rule's
    ]),
    "investedIn.subsidiary": ((), {}, [
        ("[松下:Company]增资扩建其位于[苏州:City]的[松下电器研发中心:Company]。", {("松下", "investedIn", "松下电器研发中心")}),
        # 对其在Z设立的B增资: its own company (not B investing)
        ("[大和精工株式会社:Company]将对其在[烟台开发区:Zone]设立的[大和精工(烟台)有限公司:Company]增资2000万美元。",
         {("大和精工株式会社", "investedIn", "大和精工(烟台)有限公司", "20000000", "USD")}),
    ]),
    "investedIn.in_place": ((), {}, [
        ("[丸森食品:Company]将投资3.5亿元，在[长春新区:Zone]建设工厂。",
         {("丸森食品", "investedIn", "长春新区", "350000000", "CNY")}),
        # beside what is set up there (the money is the company's)
        ("[北辰冷链:Company]将投资1200万美元在[哈尔滨新区:Zone]设立[北辰冷链(哈尔滨)有限公司:Company]。",
         {("北辰冷链", "investedIn", "哈尔滨新区")}),
        ("[北辰冷链:Company]将投资1200万美元在[青岛市:City][即墨区:District]设立[北辰冷链(青岛)有限公司:Company]。",
         {("北辰冷链", "investedIn", "即墨区")}),  # the smaller place
        ("[大和精工株式会社:Company]将对其在[烟台开发区:Zone]设立的[大和精工(烟台)有限公司:Company]增资2000万美元。",
         {("大和精工株式会社", "investedIn", "烟台开发区")}),
        ("[丰田:Company]投资5亿元建设工厂，这是该集团在[中国:Country]的第3家工厂。", set()),  # nothing built there
    ]),
    "investedIn.pair_places": ((), {}, [
        ("[青木株式会社:Company]与[白河市:City]签约，投资建设项目。", {("青木株式会社", "investedIn", "白河市")}),
        ("[青木株式会社:Company]与[白河市:City]签约。[青木株式会社:Company]投资建设项目。", set()),  # another sentence's pair
        # only a company invests so: two places, or a body and a place, that trade and invest name no investor
        ("[青松省:Region]与[日本:Country]经贸投资往来密切。", set()),
        ("[青松市:City]与[白河市:City]签约，投资建设项目。", set()),
        ("[青松省友协:Organization]与[日本:Country]开展交流，深化经贸投资合作。", set()),
        ("[郑州经开区:Zone]与[优尼集团:Company]签约，[优尼集团:Company]投资5亿元建设工厂。",
         {("优尼集团", "investedIn", "郑州经开区", "500000000", "CNY")}),
        # 到Z投资: Z is where the money would go, not who invests
        ("[南宁:City]与[秋田县:Region]友好往来，欢迎[秋田县:Region]的企业到[南宁:City]投资兴业。", set()),
    ]),
    "established.investors": ((), {}, [
        ("1994年，[开元集团:Company]与[日本:Country][青松制钢公司:Company]合资成立[白河焊接材料有限公司:Company]。",
         {("开元集团", "established", "白河焊接材料有限公司", "1994"), ("青松制钢公司", "established", "白河焊接材料有限公司", "1994")}),
        ("2023年5月，[大连华信:Company]投资8489万美元设立[北斗合同会社:Company]。",
         {("大连华信", "established", "北斗合同会社", "2023-05")}),
        ("[丰田:Company]投资[天津一汽丰田:Company]。", set()),
        ("[天河精工有限公司:Company]开业。该项目由[甲株式会社:Company]投资兴建。", {("甲株式会社", "established", "天河精工有限公司")}),
        ("[大和精工株式会社:Company]将对其在[烟台开发区:Zone]设立的[大和精工(烟台)有限公司:Company]增资2000万美元。",
         {("大和精工株式会社", "established", "大和精工(烟台)有限公司")}),
        ("[松下:Company]增资扩建其位于[苏州:City]的[松下电器研发中心:Company]。", set()),  # not said to be set up
    ]),
    "established.by_founders": ((), {}, [
        ("[沈阳中德产业园:Zone]由[铁西区:District]设立。", {("铁西区", "established", "沈阳中德产业园")}),
        ("[沈阳中德产业园:Zone]由[铁西区:District]和[沈阳市:City]于2012年设立。",
         {("铁西区", "established", "沈阳中德产业园", "2012"), ("沈阳市", "established", "沈阳中德产业园", "2012")}),
    ]),
    "established.brand_subsidiary": ((), {}, [
        # a company named after a parent's brand and a place in brackets, whose opening the text reports
        ("[青松精工株式会社:Company]社长出席[青松([大连:City])机械有限公司:Company]开业仪式。",
         {("青松精工株式会社", "established", "青松(大连)机械有限公司"),
          ("青松精工株式会社", "investedIn", "青松(大连)机械有限公司")}),
        ("[日本:Country][白石化学株式会社:Company]于2003年成立了[高新白石化学([天津:City])有限公司:Company]。",
         {("白石化学株式会社", "established", "高新白石化学(天津)有限公司"),
          ("白石化学株式会社", "investedIn", "高新白石化学(天津)有限公司")}),
        # traditional characters: the names are compared folded (白石化學株式會社, 白石化学(天津))
        ("[白石化學株式會社:Company]於2003年成立了[白石化学([天津:City])有限公司:Company]。",
         {("白石化學株式會社", "established", "白石化学(天津)有限公司"),
          ("白石化學株式會社", "investedIn", "白石化学(天津)有限公司")}),
        # only named, no start reported; a name that ends at its bracket (a branch); another brand
        # a country in the brackets: the parent's company for that country; its own founding starts it, and it
        # is an investment only where the sentence says so
        ("[青松精工株式会社:Company]于2003年成立了[青松([中国:Country])投资有限公司:Company]。",
         {("青松精工株式会社", "established", "青松(中国)投资有限公司")}),
        ("[青松精工株式会社:Company]在[常州:City]投资设立[青松([中国:Country])机器人有限公司:Company]。",
         {("青松精工株式会社", "established", "青松(中国)机器人有限公司"),
          ("青松精工株式会社", "investedIn", "青松(中国)机器人有限公司")}),
        ("[青松精工株式会社:Company]出席[青松([中国:Country])集团:Company]的第二工厂竣工仪式。", set()),
        ("[青松精工株式会社:Company]表示，[青松([大连:City])机械有限公司:Company]发展良好。", set()),
        ("[白川银行:Company]与[白川银行([中国:Country]):Company]开业。", set()),
        ("[青松精工株式会社:Company]出席[白川([大连:City])机械有限公司:Company]开业仪式。", set()),
        ("[中国:Country][中国青松集团:Company]出席[中国([大连:City])机械有限公司:Company]开业仪式。", set()),
        # two companies share the brand: whose the subsidiary is the name does not say
        ("[青松日产:Company]与[青松白河冲压有限公司:Company]出席[青松([大连:City])实业有限公司:Company]开业仪式。",
         set()),
    ]),
    "established.founder_before": ((), {}, [
        ("[大连市政府:GovernmentBody]设立[日本企业服务中心:Organization]。", {("大连市政府", "established", "日本企业服务中心")}),
        ("在[大连:City]设立[日本企业服务中心:Organization]。", set()),  # 在Z: where, not who
        ("[大连市政府:GovernmentBody]设立了[大连:City]。", set()),  # no body nor zone is set up
        ("[洛阳示范区:Zone]将搭建[中日数据共享平台:Organization]、[中日技术促进中心:Organization]。",
         {("洛阳示范区", "established", "中日数据共享平台"), ("洛阳示范区", "established", "中日技术促进中心")}),
        # a later clause that opens with the cue: the sentence's topic
        ("据悉，[威海:City]与[日本:Country]地缘相近，正积极打造桥头堡，规划建设[中日产业园:Zone]。",
         {("威海", "established", "中日产业园")}),
        ("[威海:City]很美，[烟台:City]也很美，规划建设[中日产业园:Zone]。", set()),  # another name between
        # 建设的Y: the founder right before the relative clause, not a dateline far before it
        ("[楚天都市报:Organization]讯 以全球制造最高标准设计并建设的[郑州日产第二工厂:Company]竣工。", set()),
        ("并将[中国:Country]总部设在刚刚成立的[两江新区:Zone]。", set()),  # 成立的Y: no founder but right before
        ("[大连市政府:GovernmentBody]新设立的[日本企业服务中心:Organization]开业。",
         {("大连市政府", "established", "日本企业服务中心")}),
        # still negotiated: not set up
        ("多家日企与[江夏区:District]洽谈共建[中日智造园:Zone]。", set()),
        ("多家企业正与[金州区:District]商洽合作共建[中韩产业园:Zone]。", set()),
    ]),
    "established.built_by": ((), {}, [
        ("[中日(洛阳)产业园:Zone]是[洛阳市:City]专门打造的重大开放平台。", {("洛阳市", "established", "中日(洛阳)产业园")}),
        ("[中日(洛阳)产业园:Zone]是[洛阳市:City]的重大开放平台。", set()),  # nothing set up
        ("[中日(洛阳)产业园:Zone]是近年来[洛阳市:City]打造的平台。", set()),  # 是 not right before the founder
    ]),
    "established.pair_pronoun": ((), {}, [
        ("[长春:City]与[宫城县:Region]签署合作协议。双方将共建[中日先进材料联合研究院:Organization]。",
         {("长春", "established", "中日先进材料联合研究院"), ("宫城县", "established", "中日先进材料联合研究院")}),
    ]),
    "investedIn.company_founders": ((), {}, [
        ("[星河集团:Company]设立[星河乳业(成都)有限公司:Company]。", {("星河集团", "investedIn", "星河乳业(成都)有限公司")}),
        ("[星河集团:Company]新成立的[星河食品有限公司:Company]开业。", {("星河集团", "investedIn", "星河食品有限公司")}),
        ("[甲乙精机:Company]是[甲株式会社:Company]专门打造的生产基地。", {("甲株式会社", "investedIn", "甲乙精机")}),
        ("[大连市政府:GovernmentBody]设立[日本企业服务中心:Organization]。", set()),  # not a company's money
        ("[徐州市:City]成立[徐州城投有限公司:Company]。", set()),  # a city sets it up: funding not said
    ]),
    "locatedIn.set_up_in": ((), {}, [
        ("[旭荣化工:Company]将投资1.5亿美元，在[宁波:City]设立[旭荣新材料有限公司:Company]。",
         {("旭荣新材料有限公司", "locatedIn", "宁波")}),
        ("[大连市政府:GovernmentBody]在[大连:City]设立[日本企业服务中心:Organization]。", {("日本企业服务中心", "locatedIn", "大连")}),
        ("[安川:Company]在[武进高新区:Zone]投资设立[安川(中国)有限公司:Company]。", {("安川(中国)有限公司", "locatedIn", "武进高新区")}),
        ("在日[内蒙古:Region]人士正式设立[日本内蒙古同乡会:Organization]。", set()),  # no place right after 在
        ("[北辰冷链:Company]将在[青岛市:City][即墨区:District]设立[北辰冷链(青岛)有限公司:Company]。",
         {("北辰冷链(青岛)有限公司", "locatedIn", "青岛市"), ("北辰冷链(青岛)有限公司", "locatedIn", "即墨区")}),
        ("[大和精工株式会社:Company]将对其在[烟台开发区:Zone]设立的[大和精工(烟台)有限公司:Company]增资2000万美元。",
         {("大和精工(烟台)有限公司", "locatedIn", "烟台开发区")}),
        # 在Z in an earlier clause: only when that clause says nothing else
        ("在[深圳:City]，由[甲公司:Company]与[乙公司:Company]合资成立的[甲乙科技有限公司:Company]投产。",
         {("甲乙科技有限公司", "locatedIn", "深圳")}),
        ("洽谈会在[广州:City]举行，规划建设的[长沙中日产业园:Zone]，选址[望城区:District]。", set()),
    ]),
    "locatedIn.opened_in": ((), {}, [
        # places written one after the other: each (a town in a zone)
        ("[星河精密(扬州)有限公司:Company]新工厂在[白河新区:Zone][青石街道:District]正式开工建设。",
         {("星河精密(扬州)有限公司", "locatedIn", "白河新区"), ("星河精密(扬州)有限公司", "locatedIn", "青石街道")}),
        ("总投资2亿元的[星河精密(扬州)有限公司:Company]在[扬州开发区:Zone]正式开业。",
         {("星河精密(扬州)有限公司", "locatedIn", "扬州开发区")}),
        ("[星河精密(扬州)有限公司:Company]，在[扬州开发区:Zone]举行开工奠基仪式。",
         {("星河精密(扬州)有限公司", "locatedIn", "扬州开发区")}),
        ("[星河精密研发中心:Organization]在位于[邗江区:District]的[扬州开发区:Zone]揭牌。",
         {("星河精密研发中心", "locatedIn", "扬州开发区")}),
        ("[星河精密(扬州)有限公司:Company]工厂在[扬州开发区:Zone]开业。", {("星河精密(扬州)有限公司", "locatedIn", "扬州开发区")}),
        ("[星河精密株式会社:Company]的新工厂，在[邗江区:District]正式投产。", {("星河精密株式会社", "locatedIn", "邗江区")}),
        # each of a list of companies that set up or produce in a place
        ("如[青松汽车:Company]、[白河精工:Company]、[黑川电子:Company]等日资企业都已在[邗江区:District]设厂投产。",
         {("青松汽车", "locatedIn", "邗江区"), ("白河精工", "locatedIn", "邗江区"), ("黑川电子", "locatedIn", "邗江区")}),
        ("[青松汽车:Company]代表、[白河精工:Company]代表已在[邗江区:District]投产。", set()),  # not the firms
        ("[2024扬州日资企业交流会:Event]在[扬州开发区:Zone]开幕。", set()),  # an event is held, not located
        ("支持[星河精密:Company]在[扬州:City]的新工厂尽快开工。", set()),  # its factory opens there
        ("[星河精密:Company]表示将在[扬州:City]和[泰州:City]扩大投资，明年投产。", set()),  # 投产 is not the place's
    ]),
    "locatedIn.place_firms": ((), {}, [
        ("在[青山省:Region]，日资企业约有400家，包括[甲电机:Company]、[乙化工:Company]等知名企业。",
         {("甲电机", "locatedIn", "青山省"), ("乙化工", "locatedIn", "青山省")}),
        ("[白河区:District]在先进材料等产业都活跃着一大批日资企业，比如[甲电机:Company]、[乙化工:Company]等。",
         {("甲电机", "locatedIn", "白河区"), ("乙化工", "locatedIn", "白河区")}),
        ("如今，[甲电机:Company]、[乙银行:Company]等多家日资企业已在[白河:City]稳步发展。",
         {("甲电机", "locatedIn", "白河"), ("乙银行", "locatedIn", "白河")}),
        # no firms between the place and the list; one firm's growth; a country's firms (country_list's)
        ("[白河:City]的产业包括[甲电机:Company]、[乙化工:Company]。", set()),
        ("[甲电机:Company]已在[白河:City]稳步发展。", set()),
        ("[日本:Country]企业，比如[甲电机:Company]、[乙化工:Company]。", set()),
    ]),
    "locatedIn.first_firm": ((), {}, [
        ("自2001年，[白河:City]首家日资企业——[青叶精工有限公司:Company]成立以来，合作不断。",
         {("青叶精工有限公司", "locatedIn", "白河")}),
        ("[白河:City]在全国率先成立首家中外合资企业——[青叶电器公司:Company]。",
         {("青叶电器公司", "locatedIn", "白河")}),
        ("1998年，[青叶钢板有限公司:Company]落户，成为[白河:City]首家中日合资企业。",
         {("青叶钢板有限公司", "locatedIn", "白河")}),
        # a country's first; a place in another clause; no firm named
        ("[中国:Country]首家外资银行——[青叶银行:Company]开业。", set()),
        ("[白河:City]举行仪式，首家企业——[青叶精工有限公司:Company]投产。", set()),
        ("[白河:City]首家日资企业已投产，[青叶精工有限公司:Company]表示满意。", set()),
    ]),
    "locatedIn.settled": ((), {}, [
        ("[星河精密:Company]、[蓝海电子:Company]等十余家日资企业已相继落户[扬州开发区:Zone]。",
         {("星河精密", "locatedIn", "扬州开发区"), ("蓝海电子", "locatedIn", "扬州开发区")}),
        ("截至目前，[邗江区:District]已集聚[星河精密:Company]、[蓝海电子:Company]等59家日资企业。",
         {("星河精密", "locatedIn", "邗江区"), ("蓝海电子", "locatedIn", "邗江区")}),
        ("[邗江区:District]已集聚[星河精密:Company]、[蓝海电子:Company]的研发团队。", set()),  # no 等…企业
        # a list of examples closed by 为代表的
        ("[邗江区:District]，汇集了以[星河精密:Company]、[蓝海电子:Company]为代表的一批日资企业。",
         {("星河精密", "locatedIn", "邗江区"), ("蓝海电子", "locatedIn", "邗江区")}),
        ("[邗江区:District]汇集了以[星河精密:Company]、[蓝海电子:Company]为首的研发团队。", set()),
        ("[智能装备园:Zone]，已吸引世界500强企业[星河精密:Company]入驻。", {("星河精密", "locatedIn", "智能装备园")}),
        ("[智能装备园:Zone]吸引了[星河精密:Company]的关注。", set()),
        ("[星河精密:Company]刚刚入驻[扬州开发区:Zone]。", {("星河精密", "locatedIn", "扬州开发区")}),
        ("[蓝海电子:Company]于2019年5月落户[邗江区:District]。", {("蓝海电子", "locatedIn", "邗江区")}),
        # a park that settles in a place lies there too (a zone as the subject)
        ("[青松中小企业产业园:Zone]落地[临江新片区:Zone]，年初正式揭牌。", {("青松中小企业产业园", "locatedIn", "临江新片区")}),
        ("[中日产业园:Zone]正式落户[白河:City]。", {("中日产业园", "locatedIn", "白河")}),
        ("[星河精密:Company]与[扬州:City]签约，项目将落户[邗江区:District]。", set()),  # the project, not the company
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
        # what lies there is the company's project, unnamed: not the company
        ("[青松纸业株式会社:Company]位于我市[白河区:District]的高档制袋项目投产。", set()),
        ("项目在[青松:City]签约落户[白河工业园:Zone]。", set()),  # never a city in a park
        # an event is held in a place, never located in one (SCHEMA.md)
        ("[青山日商恳谈会:Event]是扎根[青山:City]的交流机制。", set()),
        ("[青山日商俱乐部:Organization]是扎根[青山:City]的交流平台。", {("青山日商俱乐部", "locatedIn", "青山")}),
        # a later clause with no name before the cue: the sentence's topic
        ("[洛阳丸山冲压有限公司:Company]是汽车零部件生产基地，选址位于[洛阳经济技术开发区:Zone]，占地150亩。",
         {("洛阳丸山冲压有限公司", "locatedIn", "洛阳经济技术开发区")}),
        # 该园区 at the start: the topic of the sentence before; …之一的Z内: Z
        ("[中日(洛阳)产业园:Zone]是重大开放平台。该园区位于[中国:Country]首批国家级开发区之一的[洛阳经济技术开发区:Zone]内。",
         {("中日(洛阳)产业园", "locatedIn", "洛阳经济技术开发区")}),
        ("[洛阳丸山冲压有限公司:Company]成立，[洛阳:City]有关部门表示，位于[洛阳经济技术开发区:Zone]。", set()),
        # a part of the place between it and 的
        ("地处[江苏省:Region]东南部的[泰州高新区:Zone]招商。", {("泰州高新区", "locatedIn", "江苏省")}),
        ("位于[日本:Country]中部的[长野县:Region]很美。", {("长野县", "locatedIn", "日本")}),
        ("位于[泰州:City]东部的园区里，[星河精工有限公司:Company]扩产。", set()),  # 的 names no body
        # 选址Z, and a later clause that opens with a date or 签约 under a first clause …的Y
        ("规划建设的[长沙中日产业园:Zone]，选址[望城经开区:Zone]。", {("长沙中日产业园", "locatedIn", "望城经开区")}),
        ("总投资超过20亿元的[星河文化产业园:Zone]，2015年签约落户[江夏经开区:Zone]，产值攀升。",
         {("星河文化产业园", "locatedIn", "江夏经开区")}),
        ("[星河精工有限公司:Company]，已落户[江夏经开区:Zone]。", {("星河精工有限公司", "locatedIn", "江夏经开区")}),
        ("[星河精工有限公司:Company]很大，[蓝海电子:Company]也不小，2015年签约落户[江夏经开区:Zone]。", set()),
        ("记者走访了[星河文化产业园:Zone]，2015年签约落户[江夏经开区:Zone]。", set()),  # the first clause is no noun phrase
    ]),
    "locatedIn.adjacent_places": ((), {}, [
        ("[辽宁:Region][沈阳:City]迎来日资项目。", {("沈阳", "locatedIn", "辽宁")}),
        ("[吴中区:District][胥口镇:District]的企业。", {("胥口镇", "locatedIn", "吴中区")}),
        ("[沈阳:City][辽宁:Region]不合常理。", set()),
        # a zone holds the town right after it, not a city
        ("[青松新区:Zone][白石街道:District]的工厂。", {("白石街道", "locatedIn", "青松新区")}),
        ("[青松新区:Zone][白河:City]的工厂。", set()),
        # a town that opens a body's name right after its county lies in it, and so does a school of it
        ("[白河区:District][[石湖镇:District~]平安小学:Organization~]的教学楼。",
         {("石湖镇", "locatedIn", "白河区"), ("石湖镇平安小学", "locatedIn", "白河区")}),
        ("[吴中区:District][[木渎镇:District~]党委:GovernmentBody~]书记出席。", {("木渎镇", "locatedIn", "吴中区")}),
        ("[白河区:District][[石湖:City]平安小学:Organization~]的教学楼。", set()),  # no town opens it
    ]),
    "locatedIn.country_list": ((), {}, [
        ("[东和周刊:Organization]、[钻石新闻:Organization]等6家[日本:Country]著名媒体来访。",
         {("东和周刊", "locatedIn", "日本"), ("钻石新闻", "locatedIn", "日本")}),
        ("[东和商事:Company]、[大和(中国)有限公司:Company]等[日本:Country]知名大企业都已投资。",
         {("东和商事", "locatedIn", "日本")}),  # not a branch with a place in brackets
        ("[东和商事:Company]、[大和商事:Company]等与[日本:Country]合作。", set()),
        # a kind of firm of up to nine characters between the country and 企业
        ("[东和:Company]、[白河精工:Company]等十余家[日本:Country]汽车零部件生产企业已入驻。",
         {("东和", "locatedIn", "日本"), ("白河精工", "locatedIn", "日本")}),
        ("[东和:Company]、[白河精工:Company]等[日本:Country]有意在华扩大投资规模的企业。", set()),  # eleven: too far
    ]),
    "locatedIn.country_kind": ((), {}, [
        ("[青山商工会议所:Organization]作为[日本:Country]第3大规模商工会议所，作用很大。",
         {("青山商工会议所", "locatedIn", "日本")}),
        ("[东和贸易振兴会:Organization]、[白河交流中心:Organization]都是[日本:Country]很有影响力的机构团体。",
         {("东和贸易振兴会", "locatedIn", "日本"), ("白河交流中心", "locatedIn", "日本")}),
        ("[东和商事:Company]是[日本:Country]五大综合商社之一。", {("东和商事", "locatedIn", "日本")}),
        # the words go on past the kind of body: no claim of the body's country
        ("[青山冲压有限公司:Company]是[日本:Country]东和集团投资的企业。", set()),
        ("[青山:City]是[日本:Country]企业拓展市场的首选。", set()),
        ("[大和(青山)有限公司:Company]是[日本:Country]最大的公司。", set()),  # a branch with its place
    ]),
    "locatedIn.place_before_body": ((), {}, [
        ("[苏州:City][松下电器:Company]扩产。", {("松下电器", "locatedIn", "苏州")}),
        ("[日本:Country][松下电器:Company]扩产。", set()),
        ("山西省[临汾:City][市文化交流代表团:Organization]访日。", set()),  # a delegation comes from there
        ("[吴中区:District][[白石镇:District~]人民政府:GovernmentBody~]出席。", set()),  # its own place is nearer
    ]),
    "locatedIn.list_place": ((), {}, [
        ("[青松开发区:Zone~]企业[白石电子:Company~]、[青山制药:Company~]等项目签约。",
         {("白石电子", "locatedIn", "青松开发区"), ("青山制药", "locatedIn", "青松开发区")}),
        ("[德国:Country]的[奔腾汽车:Company~]、[飞马公司:Company~]和[青松电机:Company~]为其配套。",
         {("奔腾汽车", "locatedIn", "德国"), ("飞马公司", "locatedIn", "德国"), ("青松电机", "locatedIn", "德国")}),
        ("[日本:Country][青森:Region~]、[秋田:Region~]、[北海道:Region~]等知事出席。",
         {("青森", "locatedIn", "日本"), ("秋田", "locatedIn", "日本"), ("北海道", "locatedIn", "日本")}),
        ("[日本中部地区:Region~]的[三重:Region~]、[爱知:Region~]参与。",  # prefectures in a multi-city region
         {("三重", "locatedIn", "日本中部地区"), ("爱知", "locatedIn", "日本中部地区")}),
        ("[日本:Country][瑞和银行:Company~]、[青松电机:Company~]出席。", set()),  # the bank's name: bodies need a link
        ("[新潟县:Region][柏崎市:City~]、[日中友协:Organization~]出席。",  # up to the first item of another kind
         {("柏崎市", "locatedIn", "新潟县")}),
        ("[韩国:Country][昌原:City~]、[日本:Country]代表出席。", {("昌原", "locatedIn", "韩国")}),  # no country in one
        ("[苏州:City]的[白石电子:Company~]、[[无锡:City]红山电子:Company~]签约。",  # one that names its own place
         {("白石电子", "locatedIn", "苏州")}),
        ("[日本:Country]的[东京:City]出席。", set()),  # one item (locatedIn.adjacent_places')
    ]),
}


@pytest.mark.parametrize(("rule", "markup", "expected"), [
    (rule, markup, expected) for rule, (_, _, cases) in CASES.items() for markup, expected in cases])
def test_relation_rule(relations, rule, markup, expected):
    before, context, _ = CASES[rule]
    assert relations(markup, *before, rule, **context) == expected


@pytest.mark.parametrize(("markup", "expected"), [
    # nobody named goes (the home city stands in, stating nothing): nobody is carried on to the next visit
    ("我访问了[海南省:Region]。我先后访问了[深圳:City]、[中山:City]。", set()),
    ("[青山市代表团:Organization]访问了[海南省:Region]。随后访问了[深圳:City]。",
     {("青山市代表团", "visited", "深圳")}),
])
def test_home_city_is_not_carried(relations, markup, expected):
    assert relations(markup, "visited.carried_visitor", home="鄂州") == expected


_VISIT_RULES = ("affiliatedWith.title_before_name", "visited.named_visitor", "visited.delegation_origin",
                "visited.leader", "visited.members")


@pytest.mark.parametrize(("markup", "expected"), [
    # a leader's trip is theirs: the place of their post is no visitor (the group has no name, no sender)
    ("[三条市:City]市长[国定:Person]出席。[国定:Person]率团来[鄂州:City]。", {("国定", "visited", "鄂州")}),
    ("[三条市:City]市长[国定:Person]出席。[国定:Person]率政府、经济和町民代表团对[鄂州:City]进行访问。",
     {("国定", "visited", "鄂州")}),
    ("[三条市:City]市长[国定:Person]出席。[国定:Person]率[三条商会:Organization]、[三条协会:Organization]相关人员赴"
     "[鄂州:City]。", {("国定", "visited", "鄂州"), ("三条商会", "visited", "鄂州"), ("三条协会", "visited", "鄂州")}),
])
def test_the_place_of_a_leaders_post_visits_nothing(relations, markup, expected):
    assert set().union(*(relations(markup, *_VISIT_RULES, only=rule, home="鄂州")
                         for rule in _VISIT_RULES if rule.startswith("visited."))) == expected


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


def test_places_of_another_country(nlp, component, tmp_path):
    """日本内蒙古: the lists put 内蒙古 in 中国, so 日本 does not contain it; nor 山形县 大连."""
    from kg.pipeline.gazetteer import load_index

    from .markup import build_doc

    path = tmp_path / "tiny.tsv"
    path.write_text("surface\tlabel\tcanonical\tparent\tparent_label\tkind\n"
                    "内蒙古\tRegion\t内蒙古\t中国\tCountry\tfull\n"
                    "北海道\tRegion\t北海道\t日本\tCountry\tfull\n"
                    "山形县\tRegion\t山形县\t日本\tCountry\tfull\n"
                    "大连\tCity\t大连\t中国\tCountry\tfull\n"
                    "成都\tCity\t成都\t中国\tCountry\tfull\n"
                    "伊藤洋华堂\tCompany\t伊藤洋华堂\t日本\tCountry\tfull\n", encoding="utf-8")
    doc = build_doc(nlp, "[日本:Country][内蒙古:Region]同乡会与[日本:Country][北海道:Region]交流。")
    doc._.gazetteer = load_index((str(path),), 2)
    component("kg_relations", ("locatedIn.adjacent_places",))(doc)
    assert {(r.subject.name, r.object.name) for r in doc._.relations} == {("北海道", "日本")}
    # a prefecture before a city of another country: its office there (山形县大连代表事务所), no containment
    doc = build_doc(nlp, "[山形县:Region][大连:City]代表事务所开业，[日本:Country][山形县:Region]的客人来访。")
    doc._.gazetteer = load_index((str(path),), 2)
    component("kg_relations", ("locatedIn.adjacent_places",))(doc)
    assert {(r.subject.name, r.object.name) for r in doc._.relations} == {("山形县", "日本")}
    # 成都伊藤洋华堂 names the Japanese company's branch in 成都, not the company
    doc = build_doc(nlp, "[成都:City][伊藤洋华堂:Company]开业。")
    doc._.gazetteer = load_index((str(path),), 2)
    component("kg_relations", ("locatedIn.place_before_body",))(doc)
    assert doc._.relations == []


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


@pytest.mark.parametrize(("markup", "expected"), [
    ("[中日交流会:Event]在[大阪:City]举行。\n[见面会:Event?]上，[李强:Person]作了讲话。", set()),
    # 交流会 may be the …交流大会
    ("[中日交流大会:Event]在[大阪:City]举行。\n[交流会:Event?]上，[李强:Person]作了讲话。",
     {("李强", "participatedIn", "中日交流大会")}),
])
def test_a_meeting_named_by_its_kind_alone_is_another_one(nlp, component, markup, expected):
    """见面会上, where the back-reference found no event of the text: the people there attend no event
    of the text (participatedIn.attendees)."""
    from .markup import build_doc

    doc = build_doc(nlp, markup)
    doc._.mentions[:] = [m for m in doc._.mentions if m.key.name not in ("见面会", "交流会")]  # (left unresolved)
    component("kg_relations", ("participatedIn.attendees",))(doc)
    assert {(r.subject.name, r.predicate, r.object.name) for r in doc._.relations} == expected


@pytest.mark.parametrize(("markup", "expected"), [
    # a host who stands for a body receives the guests there, not in the home city
    ("[陈明:Person]代表[青山大学:Organization]对[田中一郎:Person]一行的来访表示欢迎。",
     {("田中一郎", "青山大学", "visited.host_body")}),
    ("[张国:Person]对[田中一郎:Person]一行的来访表示欢迎。", {("田中一郎", "武汉", "visited.incoming")}),
])
def test_guests_of_a_body_visit_it_not_the_home_city(nlp, component, markup, expected):
    """visited.incoming and visited.host_body: the home city stands in only for a host who stands for no body."""
    from .markup import build_doc

    doc = build_doc(nlp, markup, home="武汉")
    component("kg_relations", ("affiliatedWith.title_before_name", "affiliatedWith.speaks_for", "visited.incoming",
                               "visited.host_body"))(doc)
    assert {(r.subject.name, r.object.name, r.rule) for r in doc._.relations if r.predicate == "visited"} == expected


@pytest.mark.parametrize(("markup", "expected"), [
    # a host heading a zone's committee receives guests where the text says, not in the zone
    ("[[西岭港务区:Zone]党工委:GovernmentBody]书记[韩一平:Person]会见了[田中一郎:Person]。", set()),
    ("[[西岭港务区:Zone]党工委:GovernmentBody]书记[韩一平:Person]在[西岭市:City]会见了[田中一郎:Person]。",
     {("田中一郎", "visited", "西岭市")}),
])
def test_a_host_of_a_zone_does_not_receive_in_it(nlp, component, markup, expected):
    """visited.received: the place of a host's post is no zone."""
    from .markup import build_doc

    doc = build_doc(nlp, markup)
    component("kg_relations", ("affiliatedWith.title_before_name", "visited.received"))(doc)
    assert {(r.subject.name, r.predicate, r.object.name) for r in doc._.relations
            if r.predicate == "visited"} == expected


@pytest.mark.parametrize(("markup", "expected"), [
    # the guest's post is in a body the place opens, brackets or has a branch of: he works there
    ("[王立新:Person]在[大连:City]会见了[青山电产(大连)有限公司:Company]总经理[田中一郎:Person]、"
     "[日本贸易振兴机构大连代表处:Organization]首席代表[山本二郎:Person]、[大阪市:City]副市长[林三郎:Person]。",
     {("林三郎", "visited", "大连")}),
    # a place only inside the name (富山县辽宁联谊会 sits in 富山县): a guest
    ("[王立新:Person]在[辽宁:Region]会见了[富山县辽宁联谊会:Organization]会长[森一郎:Person]。",
     {("森一郎", "visited", "辽宁")}),
])
def test_a_guest_received_where_their_post_is_visits_nothing(nlp, component, markup, expected):
    """visited.received: a guest affiliated with a body that lies in the place received in works there."""
    from .markup import build_doc

    doc = build_doc(nlp, markup)
    component("kg_relations", ("affiliatedWith.title_before_name", "visited.received"))(doc)
    assert {(r.subject.name, r.predicate, r.object.name) for r in doc._.relations
            if r.predicate == "visited"} == expected


@pytest.mark.parametrize(("markup", "expected"), [
    # a consul posted in a city lives in it and in the province that contains it: no visit to either
    ("[白河:City]位于[青山省:Region]东部。[青山省:Region]省长[张志:Person]会见了[日本:Country]驻[白河:City]总领事[森一郎:Person]、"
     "[东海商会:Organization]会长[佐藤:Person]。", {("佐藤", "visited", "青山省")}),
    # the same in traditional characters (駐): the post is read on the folded text
    ("[白河:City]位于[青山省:Region]东部。[青山省:Region]省長[張志:Person]會見了[日本:Country]駐[白河:City]總領事[森一郎:Person]、"
     "[东海商会:Organization]會長[佐藤:Person]。", {("佐藤", "visited", "青山省")}),
])
def test_a_guest_posted_in_the_place_received_in_visits_nothing(nlp, component, markup, expected):
    """visited.received: a guest posted (驻) in the place he is received in, or in a place inside it, works there."""
    from .markup import build_doc

    doc = build_doc(nlp, markup)
    component("kg_relations", ("locatedIn.cue", "affiliatedWith.title_before_name", "visited.received"))(doc)
    assert {(r.subject.name, r.predicate, r.object.name) for r in doc._.relations
            if r.predicate == "visited"} == expected


@pytest.mark.parametrize(("markup", "expected"), [
    # a host with posts in a province and in its city receives in the city
    ("[长春:City]位于[吉林省:Region]中部。[[吉林省:Region]委:GovernmentBody]常委、[[长春:City]市委:GovernmentBody]书记"
     "[张志:Person]会见了[日本青山商会:Organization]会长[佐藤:Person]。", {("佐藤", "visited", "长春")}),
    # a post in the province alone: the province; a place after 在 stays
    ("[长春:City]位于[吉林省:Region]中部。[吉林省:Region]省长[张志:Person]在[长春:City]会见了[日本青山商会:Organization]会长"
     "[佐藤:Person]。", {("佐藤", "visited", "长春"), ("佐藤", "visited", "吉林省")}),
])
def test_a_guest_received_visits_the_smallest_place_of_the_hosts_posts(nlp, component, markup, expected):
    """visited.received: of the places of the hosts' posts, not one that contains another."""
    from .markup import build_doc

    doc = build_doc(nlp, markup)
    component("kg_relations", ("locatedIn.cue", "affiliatedWith.title_before_name", "affiliatedWith.post_chain",
                               "visited.received"))(doc)
    assert {(r.subject.name, r.predicate, r.object.name) for r in doc._.relations
            if r.predicate == "visited"} == expected


def test_a_place_visits_nothing_it_lies_in(relations):
    """长沙 lies in 湖南省 (the text says so before): it visits 岳阳, not the province."""
    markup = "[湖南省:Region][长沙:City]风景优美。[长沙:City]访问了[湖南省:Region][岳阳:City]。"
    assert relations(markup, "locatedIn.adjacent_places", "visited.named_visitor") == {("长沙", "visited", "岳阳")}


@pytest.mark.parametrize(("markup", "expected"), [
    # a body named after a place is at home there: it visits neither the place nor what it lies in or holds
    ("[湖南省:Region][长沙:City]风景优美。[湖南省侨联:Organization]访问了[长沙:City]、[东京:City]。",
     {("湖南省侨联", "visited", "东京")}),
    ("[湖南省:Region][长沙:City]风景优美。[长沙市政府代表团:Organization]访问了[湖南省:Region]、[东京:City]。",
     {("长沙市政府代表团", "visited", "东京")}),
    ("[长沙:City]风景优美。[长沙市政府:GovernmentBody]代表团访问了[长沙:City]、[东京:City]。",
     {("长沙", "visited", "东京")}),
    # a body named after another place visits as before
    ("[湖南省:Region][长沙:City]风景优美。[青山县侨联:Organization]访问了[长沙:City]。",
     {("青山县侨联", "visited", "长沙")}),
])
def test_a_body_named_after_a_place_visits_nothing_at_home(relations, markup, expected):
    assert relations(markup, "locatedIn.adjacent_places", "visited.named_visitor") == expected


@pytest.mark.parametrize(("markup", "expected"), [
    # a person visits no place they hold a post in: the place of the post, of a body of theirs, what holds it
    ("[湖南省:Region][长沙:City]风景优美。[长沙:City]市长[王明:Person]访问了[东京:City]、[长沙:City]。",
     {("王明", "visited", "东京")}),
    ("[湖南省:Region][长沙:City]风景优美。[长沙市商务局:GovernmentBody]副局长[王明:Person]访问了[湖南省:Region]、"
     "[东京:City]。", {("王明", "visited", "东京")}),
    ("[青山:City]风景优美。[日本青山日中友好协会:Organization]会长[木村一:Person]访问了[青山:City]、[长沙:City]。",
     {("木村一", "visited", "长沙")}),
    # a post elsewhere keeps the visit
    ("[湖南省:Region][长沙:City]风景优美。[岳阳:City]市长[王明:Person]访问了[长沙:City]。",
     {("王明", "visited", "长沙")}),
])
def test_a_person_visits_no_place_of_their_post(relations, markup, expected):
    assert relations(markup, "locatedIn.adjacent_places", "affiliatedWith.title_before_name",
                     "visited.named_visitor") == expected
