"""Each rule of the name stages (shapes, people, gazetteer, entities, containment) on hand-built
text: the exact candidates, mentions or facts it makes (see :mod:`tests.pipeline.markup`)."""

from __future__ import annotations

import pytest

from kg.textnorm import normalize

from .markup import build_doc

SHAPES = {
    "shape.suffix": [
        # a great hall (大会堂) is a building, no meeting: 大会 goes on into another word there
        ("第二届青松论坛在[青山:City]人民大会堂举行。", {("第二届青松论坛", "Event", "shape")}),
        ("[青山:City]友好交流大会在[白河:City]举行。", {("青山友好交流大会", "Event", "shape")}),
        # a verb whose object the name is, the time of a clause and 受…委托 end what comes before the name
        ("代表团首站到访[青山:City]人力资本产业研究院,院长介绍了。", {("青山人力资本产业研究院", "Organization", "shape")}),
        ("参赞王明宣读联盟章程。", set()),
        ("[青山:City]重视白河大学的发展。", {("白河大学", "Organization", "shape")}),
        ("代表团受[青松国:Country]白河女子大学委托来访。", {("青松国白河女子大学", "Organization", "shape")}),
        ("两地结好30周年之际青山贸易促进协会将来访。", {("青山贸易促进协会", "Organization", "shape")}),
        ("本会兼具青山行业协会的性质。", {("青山行业协会", "Organization", "shape")}),
        ("一家公司近期在[白河:City]投资开设公司。", set()),
        # 周年 (an anniversary), 周边 (surroundings) go on from 周: no week
        ("2018年[青山:City]与[白河:City]结好30周年之际，双方举办活动。", set()),
        # heads of meetings that present, thank or judge, and of an exchange exhibition
        ("[白河:Region]——[青松国:Country]经贸合作介绍会在[青山:City]召开。",
         {("白河——青松国经贸合作介绍会", "Event", "shape")}),
        ("代表团参观了[青山:City]国际交流展,了解到开放情况。", {("青山国际交流展", "Event", "shape")}),
        ("清酒年年入选[青松国:Country]清酒品评会前列。", {("青松国清酒品评会", "Event", "shape")}),
        # a dialogue meeting, a marathon; a day of activities or culture with its year or edition
        ("2025青山营商环境政企对话会在[白河:City]举办。", {("2025青山营商环境政企对话会", "Event", "shape")}),
        ("参加[青山:City]古城国际马拉松赛。", {("青山古城国际马拉松赛", "Event", "shape")}),
        ("2025年[青山:City]世博会白河活动日在园区举行。",  # (the year joins the name when it is named)
         {("青山世博会白河活动日", "Event", "shape"), ("青山世博会白河活动", "Event", "shape")}),
        ("第二届[青山:City]文化日在园区举行。", {("第二届青山文化日", "Event", "shape")}),
        ("设立白河活动日。", set()),  # no year, edition or quote
        # a verb of founding before an anniversary: the body founded opens the event's name
        ("[青山贸易促进协会:Organization]成立70周年纪念招待会25日在[东京:City]举行。",
         {("青山贸易促进协会成立70周年纪念招待会", "Event", "shape"), ("青山贸易促进协会", "Organization", "shape")}),
        ("[青山市:City]与[白河市:City]缔结友好城市关系30周年纪念活动举行。",
         {("青山市与白河市缔结友好城市关系30周年纪念活动", "Event", "shape")}),
        ("协会成立以来举办纪念招待会。", set()),  # no anniversary: 成立 is a boundary
        # a verb of what a ceremony does before 仪式 is the ceremony's own word, no boundary
        ("[青山省:Region]与[白河县:Region]结好20周年友好合作备忘录签署仪式在[青山:City]举行。",
         {("青山省与白河县结好20周年友好合作备忘录签署仪式", "Event", "shape")}),
        ("双方举行了签署仪式。", set()),  # the ceremony's words alone: no name
        # a count inside an event's name opened by a place or a year, or a delegation's batch: the name's
        ("隆重举行[青山市:City]日本企业突破400家纪念感谢会。", {("青山市日本企业突破400家纪念感谢会", "Event", "shape")}),
        ("并出席2017年第一批青年代表团欢迎招待会。", {("2017年第一批青年代表团欢迎招待会", "Event", "shape")}),
        ("为团长的[青山市:City]第26批中学生友好访问团访问白河。", {("青山市第26批中学生友好访问团", "Organization", "shape")}),
        ("全区举办3个交流会。", set()),  # a count of events
        ("[青山市:City]5家企业代表团访问白河。", set()),  # a count of firms, no batch
        # a delegation named by its members: kinds of people joined, judged, counted, sent somewhere,
        # after the place that sends them, its year and batch
        ("10月3日,[青松国:Country]知名学者和企业界人士代表团访问白河。",
         {("青松国知名学者和企业界人士代表团", "Organization", "shape")}),
        ("欢迎2019年首批[青山:Country]中学生200人访问团。", {("2019年首批青山中学生200人访问团", "Organization", "shape")}),
        ("5月2日,2023[青松国:Country]友城青少年访问[白河:Region]交流团抵达。",
         {("2023青松国友城青少年访问白河交流团", "Organization", "shape")}),
        ("我们欢迎知名学者代表团。", set()),  # no place sends them: a description
        # 组织 is a body after the kind of body it is (民间友好组织), a verb elsewhere
        ("以王明为团长的[青松国:Country]民间友好组织代表团访问白河。",
         {("青松国民间友好组织代表团", "Organization", "shape")}),
        ("[青山市:City]积极组织代表团访问白河。", set()),
        ("自从中央政府实施振兴战略以来。", set()),  # the central government: a level, no named body
        # a quoted word right before the name, after an edition, the two countries or a listed place, is
        # inside the name; after other words it is not
        ("出席第三届“青松白河”国际合作论坛,表示支持。", {("第三届“青松白河”国际合作论坛", "Event", "shape")}),
        ("推动中日“青松白河”合作示范区建设。", {("中日“青松白河”合作示范区", "Zone", "shape")}),
        ("[青山市:City]“青山日”友好交流团访问白河。", {("青山市“青山日”友好交流团", "Organization", "shape")}),
        ("提出“青松白河”合作示范区。", {("合作示范区", "Zone", "backref")}),  # no name: a back-reference
        # a ministry's department (司): opened by a listed ministry, after a word too, or by 国家; not a
        # Japanese given name after a place and a title (知事田中清司)
        ("[青山部:GovernmentBody]国际合作司副司长王明出席。", {("青山部国际合作司", "GovernmentBody", "shape")}),
        ("感谢[青山部:GovernmentBody]亚洲司的支持。", {("青山部亚洲司", "GovernmentBody", "shape")}),
        ("国家青松资源司对活动给予支持。", {("国家青松资源司", "GovernmentBody", "shape")}),
        ("[白河县:Region]知事田中清司访问青山。", set()),
        ("[青山部:GovernmentBody]政务官田中清司访问白河。", set()),  # a post inside: a name after it
        # a residents' association, a liaison or trade society, a Lions club, after a place
        ("[大连:City]日本人会会长出席。", {("大连日本人会", "Organization", "shape")}),
        ("还与[湖州:City]日本人联络会、[福冈:City]贸易会、[高崎:City]狮子会交流。",
         {("湖州日本人联络会", "Organization", "shape"), ("福冈贸易会", "Organization", "shape"),
          ("高崎狮子会", "Organization", "shape")}),
        ("[福冈市:City]与[青岛市:City]举行贸易会谈。", set()),
        # a rank or relation and a trade before a company suffix describe firms, name none
        ("他们上级公司决定在此建厂。", set()),
        ("[青松国:Country]一流焊接公司先后在此投资。", set()),
        # a rank, a quality or a side describes schools and bodies, names none
        ("两国顶尖大学的管理经验。", set()),
        ("也是名副其实的国际化大学。", set()),
        ("日方商会代表出席。", set()),
        # the political consultative conference is a body, no meeting: its committees are named, it is not
        ("代表团访问[中国:Country]政治协商会议[青山市:City]委员会。",
         {("中国政治协商会议青山市委员会", "GovernmentBody", "shape")}),
        ("代表团访问[中国:Country]政治协商会议[青山市:City]委员的王明。", set()),
        # the medium of a meeting names none: a back-reference at most; a place or the two countries name one
        ("双方举行视频会议,交流合作。", {("视频会议", "Event", "backref")}),
        ("举办[青山:City]线上投资推介会。", {("青山线上投资推介会", "Event", "shape")}),
        # common words of the language alone describe a kind of meeting, name none; a place, the two
        # countries, a year, a quote, a proper word (a time: 新春) or a post after it make a name
        ("双方举办书画交流恳谈会。", set()),
        ("他们参加了国际学术会议。", set()),
        ("举办[青山:City]书画交流恳谈会。", {("青山书画交流恳谈会", "Event", "shape")}),
        ("举办中日书画交流恳谈会。", {("中日书画交流恳谈会", "Event", "shape")}),
        ("举办2024书画交流恳谈会。", {("2024书画交流恳谈会", "Event", "shape")}),
        ("出席新春座谈会。", {("新春座谈会", "Event", "shape")}),
        # an edition alone before the suffix, or a preposition right before it: the event named before
        ("[青山:City]博览会开幕。日本客商将参加第二届博览会。",
         {("青山博览会", "Event", "shape"), ("第二届博览会", "Event", "backref")}),
        ("[青山:City]博览会开幕。日本客商对博览会的反应很好。", {("青山博览会", "Event", "shape")}),  # (shape.bare_suffix)
        # (but the short form of a longer name written elsewhere: the entities stage joins it to that name)
        ("[青山:City]论坛2024纪念大会开幕。纪念大会由青山主办。",
         {("青山论坛", "Event", "shape"), ("青山论坛2024纪念大会", "Event", "shape"), ("纪念大会", "Event", "shape")}),
        # common words alone (two or more) before a firm's suffix sort a kind of firm, name none; one may be a
        # brand, and a place or a proper word names one; a zone's kind refers back to a zone named before
        ("他们与专用装备制造公司合作。", set()),
        ("他们与东方集团合作。", {("东方集团", "Company", "shape")}),
        ("他们与[青山:City]装备制造公司合作。", {("青山装备制造公司", "Company", "shape")}),
        ("推介了高端专用装备产业园建设。", {("高端专用装备产业园", "Zone", "backref")}),
        ("推介了[青山:City]高端装备产业园建设。", {("青山高端装备产业园", "Zone", "shape")}),
        # a place and a school's level alone are the place's schools of that level, no school; a word or a
        # number of its own names one
        ("代表团参观了[青山市:City]中学。", set()),
        ("代表团参观了[青松国:Country]高中。", set()),
        ("代表团参观了[青山市:City]第一中学。", {("青山市第一中学", "Organization", "shape")}),
        ("代表团参观了[青山市:City]外国语学校。", {("青山市外国语学校", "Organization", "shape")}),
        # words that judge, rank or sort describe a class of bodies, name none; before a class noun,
        # they describe the name after it
        ("邀请国家相关部委领导参加。", set()),
        # 政府 that goes on into 政府部门, 政府机构: a class of bodies, no body's name
        ("来自[青松国:Country]政府部门的官员。", set()),
        # nor into 政府间 (between governments) or 政府换文 (the governments' exchange of notes)
        ("中日恢复政府间留学生交流。", set()),
        ("举行[青松国:Country]对华无偿援助政府换文仪式。", set()),
        # 局 that goes on into a word (局面, 局势) ends no body's name
        ("共创[青松国:Country]与[白河省:Region]经贸合作新局面。", set()),
        ("[青松国:Country]知名人力资源服务机构出席。", set()),
        ("拥有境内外上市公司61家。", set()),
        ("积极促进与国内外大公司进行合作。", set()),  # home and abroad: a description, no name
        # 及 and 与 are part of no company's name: it starts after them (an organization's may join two fields)
        ("[白河大学:Organization]成立氢能与智能制造联合研究中心。", {("白河大学", "Organization", "shape"),
                                                          ("氢能与智能制造联合研究中心", "Organization", "shape")}),
        ("[青山商会:Organization]代表田中理事长及白河银行常务出席。", {("白河银行", "Company", "shape"),
                                                                ("青山商会", "Organization", "shape")}),
        ("会见了青松集团全球企业及投资银行负责人。", {("青松集团", "Company", "shape")}),
        ("[青松国:Country]第3大规模商工会议所。", set()),
        ("[青松国:Country]排名第一纸品生产商白河公司在此投资。", {("白河公司", "Company", "shape")}),
        # 各 (each, every) sorts what it describes: a class of bodies, no name
        ("[青松国:Country]各个地方政府出席。", set()),
        ("[白河县:Region]各市友好协会参加。", set()),
        # the first of its kind (第一所, 第一家) describes what follows, no name
        ("这是[白河省:Region]第一所青松国人学校。", set()),
        ("[白河省:Region]第一家外资医院开业。", set()),
        # a school named after its place or country; 中学生, 大学生, 校园 go on into other words
        ("学生们访问了[白河市:City]外国语学校。", {("白河市外国语学校", "Organization", "shape")}),
        ("[青松国:Country][白河市:City]西高中代表出席。", {("青松国白河市西高中", "Organization", "shape")}),
        ("[白河市:City]第一中学校长出席。", {("白河市第一中学", "Organization", "shape")}),
        ("[白河市:City]中学生来访。", set()),
        ("与[青松国:Country]大学生开展交流。", set()),  # 大学生 (students): no university
        ("参观[白河:Region]大学校园。", {("白河大学", "Organization", "shape")}),
        ("重建了住宅和学校。", set()),
        # an institution named after the place that opens it: a clinic, a people's hospital, a local paper, a zoo
        ("援助[白河县:District]石湖乡卫生院。", {("石湖乡", "District", "shape"), ("石湖乡卫生院", "Organization", "shape")}),
        ("[白河市:City]第一人民医院的医生。", {("白河市第一人民医院", "Organization", "shape")}),
        ("据[青山:City]日报报道。", {("青山日报", "Organization", "shape")}),
        ("[青山市:City]立白河动物园。", {("青山市立白河动物园", "Organization", "shape")}),
        ("[青松国:Country]共同社12月24日报道。", set()),  # 日报道: a date and 报道 (reports), no paper
        ("县里没有人民医院。", set()),
        # a place right before 公司 or 集团, and no name before it: a class of firms, or a firm by its place
        ("我们要借鉴[青松国:Country]公司的经验。", set()),
        ("许多[青松国:Country]公司在此投资。", set()),
        ("[白河:City]公司的产值逐年递增。", set()),
        ("[东和电器:Company][青松国:Country]公司成立。", {("东和电器青松国公司", "Company", "shape")}),
        ("东和集团[青松国:Country]公司成立。", {("东和集团青松国公司", "Company", "shape")}),
        # a customs office of a listed place
        ("据[青山:City]海关统计,进出口增长。", {("青山海关", "GovernmentBody", "shape")}),
        # a place, the two countries and 友协 (a friendship association): an association, though 日中 is generic
        ("[青山县:Region]日中友协会长王明出席。", {("青山县日中友协", "Organization", "shape")}),
        ("[青山县:Region]日中机构出席。", set()),  # a place and generic words: no name
        # an office of foreign and overseas-Chinese affairs (侨务办), not in 侨务办公室 (办公室 is one)
        ("[青山市:City]外事侨务办主任王明出席。", {("青山市外事侨务办", "GovernmentBody", "shape")}),
        # the home country's mission to a listed country: 驻 and the country, however generic 驻日 is
        ("他说,驻[青松国:Country]大使馆将支持。", {("驻青松国大使馆", "GovernmentBody", "shape")}),
        # …使馆 as …大使馆; a one-character short form after 驻; words before 驻 are no part of it
        ("[白河国:Country]驻[青松国:Country]使馆临时代办出席。", {("白河国驻青松国使馆", "GovernmentBody", "shape")}),
        ("表示驻日大使馆将持续助力。", {("驻日大使馆", "GovernmentBody", "shape")}),
        ("拜会了王明和我驻[青松国:Country]使馆临时代办。", {("驻青松国使馆", "GovernmentBody", "shape")}),
        ("[白河国:Country]驻沪机构出席。", set()),  # institutions in general, no mission
        # 建立 (to establish) of a relation whose anniversary is the event: part of its name after a place
        ("[青山市:City]与[白河市:City]建立友好城市关系40周年纪念活动举行。",
         {("青山市与白河市建立友好城市关系40周年纪念活动", "Event", "shape")}),
        ("双方建立友好城市关系40周年纪念活动举行。", {("友好城市关系40周年纪念活动", "Event", "shape")}),
        # an outlet's bureau (记者站), as a news agency's branch (分社)
        ("札幌是旅游城市。([青山日报:Organization][白河:City]记者站)", {("青山日报白河记者站", "Organization", "shape")}),
        # a verb of help, plan or judgement, and 前身, before a company: no part of its name
        # 同 (with) cuts a name, but not 同学, 同乡, 同盟 inside one (留日同学总会: an alumni association)
        ("[青松国:Country]留日同学总会出席。", {("青松国留日同学总会", "Organization", "shape")}),
        ("市长同[青松国:Country]白河协会会长会谈。", {("青松国白河协会", "Organization", "shape")}),
        # two bodies written together, the second opened by its country: two names; a branch's suffix is the first's
        ("由[青山市:City]人民政府[日本:Country]白河交流促进会主办。",
         {("青山市人民政府", "GovernmentBody", "shape"), ("日本白河交流促进会", "Organization", "shape")}),
        ("[青山经济社:Organization][日本:Country]白河研究中心主任出席。", {("青山经济社日本白河研究中心", "Organization", "shape")}),
        # 对 opening a clause before a country and a name: 对日 (towards Japan) only where no country follows
        ("欢迎考察团一行,对[日本:Country]白河商会在我市发挥的作用给予肯定。", {("日本白河商会", "Organization", "shape")}),
        ("日方愿意帮助白河渔业集团开拓市场。", {("白河渔业集团", "Company", "shape")}),
        ("双方十分看好白河渔业集团的发展。", {("白河渔业集团", "Company", "shape")}),
        ("该公司的前身青松株式会社成立于1950年。", {("青松株式会社", "Company", "shape")}),
        # zones named by the suffixes of business districts, parks for firms, demonstration bases
        ("代表团考察了白河农业高科技示范园区。", {("白河农业高科技示范园区", "Zone", "shape")}),
        ("抓住青松商务区的发展机遇。", {("青松商务区", "Zone", "shape")}),
        ("青松产业社区、白河国际双创园、青松日本中小企业园、白河医卫产品示范基地都已建成。",
         {("青松产业社区", "Zone", "shape"), ("白河国际双创园", "Zone", "shape"),
          ("青松日本中小企业园", "Zone", "shape"), ("白河医卫产品示范基地", "Zone", "shape")}),
        # a verb of visiting or congratulating before a company is no part of its name
        ("代表团参访白河渔业集团并座谈。", {("白河渔业集团", "Company", "shape")}),
        ("市长祝贺青松精工(白河)有限公司正式投产。", {("青松精工(白河)有限公司", "Company", "shape")}),
        ("这使白河渔业集团受益。", {("白河渔业集团", "Company", "shape")}),
        # 一个 before an event is one event, named; a count before a zone is no name
        ("[青山区:District]召开了一个[青山:City]投资环境说明会。", {("青山投资环境说明会", "Event", "shape")}),
        ("全市已有3个[青山:City]产业园区。", set()),
        ("共举办了十一个[青山:City]投资说明会。", set()),
        # verbs of carrying out a meeting's results or studying a matter, and 要, hold no name
        ("要用好用足青山经贸合作会议成果。", {("青山经贸合作会议", "Event", "shape")}),
        ("认真贯彻[青山:City]市委全会精神。", {("青山市委", "GovernmentBody", "shape")}),
        ("召开专题会议研究中日产业园建设。", {("专题会议", "Event", "backref"), ("中日产业园", "Zone", "shape")}),
        ("白河林业研究中心成立。", {("白河林业研究中心", "Organization", "shape")}),
        ("学习型城市研讨会举行。", {("学习型城市研讨会", "Event", "shape")}),
        ("中国驻青松大使馆出席。", {("中国驻青松大使馆", "GovernmentBody", "shape")}),
        ("[苏州:City]锦里文化有限公司与日资企业合作。", {("苏州锦里文化有限公司", "Company", "shape")}),
        # zones named 产业区, 生态城, 汽车城, 工业团地 after a place; the zone inside its body's name
        ("[青松:City]汽车城开工。", {("青松汽车城", "Zone", "shape")}),
        ("[青松市:City]汽车产业区管委会主任表示。",
         {("青松市汽车产业区", "Zone", "shape"), ("青松市汽车产业区管委", "GovernmentBody", "shape"),
          ("青松市汽车产业区管委会", "GovernmentBody", "shape")}),
        ("在[白河:City]工业团地投产。", {("白河工业团地", "Zone", "shape")}),
        ("被称为汽车城的地方。", set()),
        # two countries and a place in brackets open a zone whose name may hold 和
        ("在中日([白河:City])高端装备和新材料产业园区投产。", {("中日(白河)高端装备和新材料产业园区", "Zone", "shape"),
                                                    ("中日(白河)高端装备和新材料产业园", "Zone", "shape")}),
        ("设备制造等方面与白河产业园合作。", {("白河产业园", "Zone", "shape")}),  # 与 still ends the others
        # a body named by the two countries and a suffix of three characters or more; not by a bare 机构
        ("得到日中创新中心的支持。", {("日中创新中心", "Organization", "shape")}),
        ("走访中日机构。", set()),
        ("[青松:City]华侨总会出席。", {("青松华侨总会", "Organization", "shape")}),
        # 总领馆, the short form of 总领事馆
        ("[[日本:Country]国驻[青松:City]总领馆:GovernmentBody~]总领事出席。", {("日本国驻青松总领馆", "GovernmentBody", "shape")}),
        # 机构 ends a name only after more than descriptive words (国际商务机构, 日方机构: descriptions)
        ("代表团拜访了国际商务机构和日方机构。", set()),
        # after a place, words that sort a kind (a field, a rank, a trade) and 机构 name no agency; a verb of
        # the language (jieba's list) ending them says what one agency does (产业振兴机构), a name opens one
        ("代表团拜访了[青松:City]知识产权机构。", set()),
        ("[青松国:Country]机构愿与[白河市:City]重点教育机构合作。", set()),
        ("双方与[青松国:Country][白河省:Region]非营利机构签约。", set()),
        ("[青松国:Country]汽车零部件行业委托中介机构负责人出席。", set()),  # no 委 of 委托 either
        ("中日经济贸易机构代表出席。", set()),
        ("[青松国:Country]投资促进机构代表出席。", {("青松国投资促进机构", "Organization", "shape")}),
        # and a place, two countries or a name opens it: words of a field alone describe (no annotated 机构 name
        # in poolF, poolA, the seeds or heldout1-4 opens otherwise)
        ("代表团拜访了东洋信用评价机构。", set()),
        ("视察了治沙技术研究机构,与企业交流。", set()),
        ("支持两地市民、民间机构、企业交流。", set()),
        ("加强与境外驻粤贸易投资促进机构的交流合作。", set()),
        ("[青山县:Region]产业振兴机构理事长出席。", {("青山县产业振兴机构", "Organization", "shape")}),
        ("根据中日白河产业园管理机构的安排。", {("中日白河产业园管理机构", "Organization", "shape"),
                                     ("中日白河产业园", "Zone", "shape")}),
        # a ranking names a class of firms (中国四大汽车集团), not a university (第三大学)
        ("东风是[中国:Country]四大汽车集团之一。", set()),
        ("全球四大气体公司之一投资。", set()),
        # a town or village built around a theme is a zone (樱花小镇), not when only generic words name it
        ("[青松:City]打造的紫藤小镇开门迎客。", {("紫藤小镇", "Zone", "shape")}),
        ("代表团参观了白沙陶艺文化村。", {("白沙陶艺文化村", "Zone", "shape")}),
        # a port zone, a dry port, a comprehensive experimental zone, a starting zone; not past 我省
        ("代表团考察了[青松:City]国际港务区。", {("青松国际港务区", "Zone", "shape")}),
        ("代表团参观了[青松:City]国际内陆港。", {("青松国际内陆港", "Zone", "shape")}),
        ("代表团考察了我省白沙综合实验区。", {("白沙综合实验区", "Zone", "shape")}),
        ("东湖科技起步区建设加快。", {("东湖科技起步区", "Zone", "shape")}),
        # cue verbs and adverbs a name never reaches over
        ("代表团在[东京:City]分别会晤青木银行和白川商事。",
         {("青木银行", "Company", "shape"), ("白川商事", "Company", "shape")}),
        ("[青松:City]市政府给予丰原集团支持。", {("丰原集团", "Company", "shape"), ("青松市政府", "GovernmentBody", "shape")}),
        ("在[苏州:City]高新区举办的交流会上，该示范区介绍了情况。", {("苏州高新区", "Zone", "shape")}),
        ("第十届亚洲政策论坛在东京举行。", {("第十届亚洲政策论坛", "Event", "shape")}),
        # event names: a dash joining two places, past a byline's bracket or a 对, marked by the year before
        ("代表团举行[湖南:Region]——[日本:Country]经贸合作推介会。", {("湖南——日本经贸合作推介会", "Event", "shape")}),
        ("[青山:City]·[白河:City]贸易洽谈会在白河举办。", {("青山·白河贸易洽谈会", "Event", "shape")}),  # a middle dot too
        ("双方在青山举行了战略合作框架协议签约仪式。", set()),  # the signing of a deal no name owns
        ("白河电子战略合作框架协议签约仪式举行。", {("白河电子战略合作框架协议签约仪式", "Event", "shape")}),
        ("人民网长沙5月2日电(记者李四)2024湖南友城青少年交流活动在长沙启动。",
         {("2024湖南友城青少年交流活动", "Event", "shape")}),
        # 电 before a bracket opens a dateline's credits only after a day or an agency: 日电 is a name
        ("青电(中国)有限公司董事长王明出席。", {("青电(中国)有限公司", "Company", "shape")}),
        ("新华社电(记者李四)青电有限公司成立。", {("青电有限公司", "Company", "shape")}),
        ("他致辞，并对[郑州:City]投资环境说明会表示祝贺。", {("郑州投资环境说明会", "Event", "shape")}),
        ("2023年[杭州:City]营商环境交流活动举行。", {("杭州营商环境交流活动", "Event", "shape")}),
        ("[杭州:City]营商环境交流活动举行。", set()),  # 活动 needs a year, an edition or quotes
        ("代表团出席中日经济合作会议。", {("中日经济合作会议", "Event", "shape")}),
        # a fair's short name: a one-character place and 洽会 (浙洽会, 2021辽洽会)
        ("日本投资团参加青洽会。", {("青洽会", "Event", "shape")}),
        ("2021青洽会在青山举行。", {("2021青洽会", "Event", "shape")}),
        # a ceremony, a video meeting, a final, marked by an anniversary or an edition
        ("两市举行缔结友好城市40周年庆典。", {("缔结友好城市40周年庆典", "Event", "shape")}),
        ("“青山市与白河市结谊40周年视频会”在青山举行。", {("青山市与白河市结谊40周年视频会", "Event", "shape")}),
        ("第35届白河杯日语演讲比赛决赛在青山举行。", {("第35届白河杯日语演讲比赛决赛", "Event", "shape"),
                                         ("第35届白河杯日语演讲比赛", "Event", "shape")}),  # (the longer one wins)
        ("双方举行了盛大庆典。", set()),
        # fairs of a place's products: 物产展, 农展会 name the event after the place (no marker needed)
        ("[白河:Region]物产展在青山举办。", {("白河物产展", "Event", "shape")}),
        ("企业家来访，参加[青山市:City]农展会。", {("青山市农展会", "Event", "shape")}),
        ("双方将举办物产展。", set()),
        # a centre word that names a position or a city's role (几何中心, 科创中心, 经济中心) names no body
        ("[青山市:City]地处[白河:Region]几何中心，正建设[青山:City]科创中心和重要经济中心。", set()),
        # 物产丰富, 物产资源丰富: a place's products, no company named 物产
        ("[白河:Region]物产资源丰富，[青山市:City]物产丰富。", set()),
        # 随 (along with) and 好 completing a verb (利用好) open no name: the name starts after them
        ("省长于5月10日随[青松国:Country]白河友好协会前往。", {("青松国白河友好协会", "Organization", "shape")}),
        ("希望双方利用好[青松国:Country]白河节能论坛这个平台。", {("青松国白河节能论坛", "Event", "shape")}),
        # a theme year in quotes (“中日文化体育交流年”), not a year without a marker
        ("今年正值“青山白河文化体育交流年”。", {("青山白河文化体育交流年", "Event", "shape")}),
        ("今年又是“青山白河国民交流友好年”。", {("青山白河国民交流友好年", "Event", "shape")}),
        ("两国青少年交流年活动取得成果。", set()),
        # 深入推进 opens the name of a meeting (深入推进东北振兴座谈会), 推进 ends the reach elsewhere
        ("他在深入推进青山振兴座谈会上讲话。", {("深入推进青山振兴座谈会", "Event", "shape")}),
        # a count of editions is no part of a name (两届年会), an ordinal is (第二届), of two digits too
        ("两届年会均在肇庆举行。", set()),
        ("上午，第十三次青山白河友好交流会议在白河开幕。", {("第十三次青山白河友好交流会议", "Event", "shape"),
                                         ("第十三次青山白河友好交流会", "Event", "shape")}),
        ("第12期青山白河经贸恳谈会举行。", {("第12期青山白河经贸恳谈会", "Event", "shape")}),
        ("双方已举办13次青山白河经贸恳谈会。", {("青山白河经贸恳谈会", "Event", "shape")}),
        # a verb of meeting ends no name's reach to the left of it (在东京分别会晤三菱日联银行)
        ("甲在[东京:City]分别会晤青山日联银行会长乙。", {("青山日联银行", "Company", "shape")}),
        # 对接 before a meeting's kind is a word of the name (企业对接交流会), a verb elsewhere
        ("[青山:Region]—[日本:Country]企业对接交流会在白河举行。", {("青山—日本企业对接交流会", "Event", "shape")}),
        ("[白河:City]经贸合作对接洽谈会举行。", {("白河经贸合作对接洽谈会", "Event", "shape")}),
        # 本届 (this edition), a count with 余, 视察 and a plural 们 start no name; 各商协会 and a
        # ceremony (表彰大会) are generic; 在 and a place's one-character form before 日资 stay in the name
        ("本届[青山:City]日本商品展览会吸引了企业。", {("青山日本商品展览会", "Event", "shape")}),
        ("与会人员对本届交流会给予积极评价。", set()),
        ("共有四十余家知名跨国公司参加。", set()),
        ("各商协会代表出席。", set()),
        # a place right after an event's name opens a part of it (对接 inside a name is no verb)
        ("第五届[青山:City]投资洽谈会[白河:City]—[日本:Country]经贸合作对接活动在青山启幕。",
         {("第五届青山投资洽谈会", "Event", "shape"), ("白河—日本经贸合作对接活动", "Event", "shape")}),
        ("企业积极对接[日本:Country]市场。", set()),
        # a title, then 对: the clause's subject, no part of the event's name
        ("王明总领事对青山日本交流会给予高度评价。", {("青山日本交流会", "Event", "shape")}),
        ("他参加了邀请赛的表彰大会。", {("表彰大会", "Event", "backref")}),
        ("代表们视察青山研究院。", {("青山研究院", "Organization", "shape")}),
        ("双方就合作举办在莞日资企业政企联络会议进行了交流。", {("在莞日资企业政企联络会议", "Event", "shape")}),
        # two places joined by 与 inside the name; words before its edition that no list knows
        ("他赴昆明参加第三届[青石县:Region]与[白河省:Region]农业研讨会。",
         {("第三届青石县与白河省农业研讨会", "Event", "shape")}),
        ("他相信第一届中国国际茶叶博览会一定成功。", {("第一届中国国际茶叶博览会", "Event", "shape")}),
        ("[青山市:City]第二届樱花论坛开幕。", {("青山市第二届樱花论坛", "Event", "shape")}),
        ("2019(第十一届)青山樱花论坛开幕。", {("2019(第十一届)青山樱花论坛", "Event", "shape")}),
        # a verb of founding right after 举办: the first word of the name
        ("协会在东京举办成立庆典大会。", {("成立庆典大会", "Event", "shape")}),
        # another event's word after an event's name: an event of its own (a ceremony is a part)
        ("2018中国国际茶叶博览会推介会在东京举行。",
         {("2018中国国际茶叶博览会推介会", "Event", "shape"), ("2018中国国际茶叶博览会", "Event", "shape")}),
        ("2018中国国际茶叶博览会开幕式在东京举行。", {("2018中国国际茶叶博览会", "Event", "shape")}),
        # what follows 会上 is set at the event, no part of a name
        ("在[青山:City]交流会上青木化工有限公司签约。",
         {("青山交流会", "Event", "shape"), ("青木化工有限公司", "Company", "shape")}),
        # an event suffix going on into another word: bodies, no event
        ("代表团拜访了名古屋商工会议所。", {("名古屋商工会议所", "Organization", "shape"), ("名古屋商工会", "Organization", "shape")}),
        ("张源出席日本人中文演讲比赛。", {("日本人中文演讲比赛", "Event", "shape")}),
        ("《关于支持设立苏州示范区的复函》发布。", set()),  # a book title's words
        # a delegation: 招商小队 is one; it never reaches over 对 (the host's words)
        ("组成[合肥:City]招商小队赴日。", {("合肥招商小队", "Organization", "shape")}),
        ("[吉林:City]省政府对代表团的到来表示欢迎。", {("吉林省政府", "GovernmentBody", "shape")}),
        # sights and venues: named by more than generic words, with or without a place
        ("代表团参观了青石陶瓷博物馆和白河孔学堂。",
         {("青石陶瓷博物馆", "Organization", "shape"), ("白河孔学堂", "Organization", "shape")}),
        ("访问团游览了松风民间艺术园。", {("松风民间艺术园", "Organization", "shape")}),
        ("他们参观了博物馆和美术馆。", set()),
        ("市长考察了音乐博物馆和历史博物馆的建设。", set()),  # a field alone names a kind of venue
        ("（记者王明摄）[日本:Country]代表团访问[南昌:City]。", {("日本代表团", "Organization", "shape")}),
        # a hotel is a company; a hall in it is no body
        ("在[东京:City]新大谷酒店芙蓉厅举行。", {("东京新大谷酒店", "Company", "shape")}),
        # a body belongs to the last of the places that open it, each inside the one before
        ("[中国:Country][江苏省:Region>中国][盐城市:City>江苏省]市委书记出席。", {("盐城市市委", "GovernmentBody", "shape")}),
        ("[日本:Country][山形县:Region>日本][哈尔滨:City>黑龙江省]政府。", {("山形县哈尔滨政府", "GovernmentBody", "shape")}),
        # 代表, 联合, 对 before a delegation, two bodies written together: each body on its own
        ("分别代表[北京市:City]人民政府和[东京都:City]政府签署。",
         {("北京市人民政府", "GovernmentBody", "shape"), ("东京都政府", "GovernmentBody", "shape")}),
        ("市投促局联合市发改委赴日。", {("市投促局", "GovernmentBody", "shape"), ("市发改委", "GovernmentBody", "shape")}),
        ("代表省委、省政府对代表团一行表示欢迎。", {("省委", "GovernmentBody", "shape"), ("省政府", "GovernmentBody", "shape")}),
        ("星河精工宣布，对青木化工有限公司增资。", {("青木化工有限公司", "Company", "shape")}),  # 对 before the money's target
        ("[烟台市:City]委市政府作出决策。", {("烟台市委", "GovernmentBody", "shape"), ("市政府", "GovernmentBody", "shape")}),
        # a body's suffix that opens a title, right after a listed place: the place's body
        ("[青石新区:District]区委书记张三出席。",
         {("青石新区区委", "GovernmentBody", "shape"), ("青石新区", "Zone", "shape")}),
        ("[白河市:City][青石新区:District>白河市]区委副书记李四会见客人。", {("青石新区区委", "GovernmentBody", "shape")}),
        # a hall of a venue is no body
        ("活动在中国馆多功能厅举行。", set()),
        ("仪式在[白河市:City]政府宴会厅举行。", {("白河市政府", "GovernmentBody", "shape")}),
        # a place or a name, then 对 or 向: a clause's subject; 对 opening a clause; but 对外, 对华
        ("感谢[青石新区:District]对青木集团的支持。", {("青木集团", "Company", "shape"), ("青石新区", "Zone", "shape")}),
        ("感谢[白河市:City]政府向青木株式会社致谢。",
         {("白河市政府", "GovernmentBody", "shape"), ("青木株式会社", "Company", "shape")}),
        ("他表示欢迎,对青木集团白河工厂表示肯定。", {("青木集团", "Company", "shape")}),
        ("[白河市:City]对外贸易公司成立。", {("白河市对外贸易公司", "Company", "shape")}),
        # a zone's suffix after words that are not all generic or trade words names a zone
        ("规划建设星河创新园。", {("星河创新园", "Zone", "shape")}),
        ("设备制造等方面与青石工业区合作。", {("青石工业区", "Zone", "shape")}),
        ("重点发展智能制造产业园。", set()),
        ("打造中日产业合作示范区。", set()),  # the two countries and trade words describe a zone
        ("依托跨境电商综合试验区开展业务。", set()),
        ("对中日(温州)合作示范区表示肯定。", {("中日(温州)合作示范区", "Zone", "shape")}),
        # a word no list holds before the place, right after a list mark, an opening quote or 的, is the
        # zone's name (not a cue to skip as 对 is above)
        ("前往青石工业区、白沙[青松国:Country]中小企业园考察。",
         {("青石工业区", "Zone", "shape"), ("白沙青松国中小企业园", "Zone", "shape")}),
        ("位于新区的新[青松国:Country]工业团地和“新[青松国:Country]工业团地”。",
         {("新青松国工业团地", "Zone", "shape")}),
        ("对[青松国:Country]中小企业园表示肯定。", {("青松国中小企业园", "Zone", "shape")}),
        # descriptions of a company are no names, nor do they open one
        ("著名跨国公司[日本:Country]帝人集团的下属公司。", {("日本帝人集团", "Company", "shape")}),
        # a verb of sending (派出, 派遣, 组派) is no part of the delegation it sends
        ("[白河市:City]派出[青松市:City]友好代表团访问青山。", {("青松市友好代表团", "Organization", "shape")}),
        ("[白河市:City]派出政府代表团访问青松市。", set()),
        # a clause's pronoun, adverb or conjunction (jieba's common words) opens no body's name, nor
        # does hiragana sit inside one
        ("会谈中，而青松实业银行表示感谢。", {("青松实业银行", "Company", "shape")}),
        ("会谈中，这对青松实业银行很重要。", {("青松实业银行", "Company", "shape")}),
        ("[日本:Country]青松最终决定布点[白河市:City]高新区。", {("白河市高新区", "Zone", "shape")}),
        ("[白河市:City]立大学が[中国:Country]の大学と交流。", {("白河市立大学", "Organization", "shape")}),
        # a clause's verb before an object marker (捐赠给) or before a listed name, after the reach's start or
        # its subject, opens no name; a verb after a word of the name is the name's (材料制造)
        ("将历史资料捐赠给[白河:City]华侨博物馆。", {("白河华侨博物馆", "Organization", "shape")}),
        ("[青松国:Country]推介[白河:City]青松经济区博览会。", {("白河青松经济区博览会", "Event", "shape")}),
        ("随后,走进[白河:City]青松汽车部件有限公司参观。", {("白河青松汽车部件有限公司", "Company", "shape")}),
        ("签约项目为青松新型材料制造[白河:City]产业基地。", {("青松新型材料制造白河产业基地", "Zone", "shape")}),
        # a class noun (企业, 厂商, 日企, 区域) that opens the reach, ends a description or comes before a
        # place opens no name after it; one the place before it owns, or one in a word (企业家), stays
        ("公司与企业[成都:City]青松能源技术有限公司签约。", {("成都青松能源技术有限公司", "Company", "shape")}),
        ("双方与汽车生产厂商白河集团合作。", {("白河集团", "Company", "shape")}),
        ("日企[苏州:City]青松密封材料有限公司开业。", {("苏州青松密封材料有限公司", "Company", "shape")}),
        ("全国最大的针织品出口生产企业[青岛:City]青松集团来访。", {("青岛青松集团", "Company", "shape")}),
        ("公司与[日本:Country]独资企业白沙新型材料制造[大连:City]产业基地签约。",
         {("白沙新型材料制造大连产业基地", "Zone", "shape")}),
        ("[日本:Country]中小企业白沙协会代表团来访。",
         {("日本中小企业白沙协会", "Organization", "shape"), ("日本中小企业白沙协会代表团", "Organization", "shape")}),
        ("青松企业家协会代表团访问白河。", {("青松企业家协会", "Organization", "shape")}),
        ("日企产业园服务商联盟成立。", {("日企产业园", "Zone", "backref"), ("日企产业园服务商联盟", "Organization", "shape")}),
        ("该公司是[日本:Country]著名制药公司。", set()),
        ("该集团是规模较大的多元化综合型企业集团。", set()),
        ("包括国联集团、文旅集团等国企。", {("国联集团", "Company", "shape"), ("文旅集团", "Company", "shape")}),
        # trade and generic words alone before 公司 name a class of firms; a place before them opens a name
        ("主要旅行商、航空公司代表出席。", set()),
        ("白河镇合作社首次与国外公司合作。", set()),
        ("放弃了翻译公司的译文。", set()),
        ("[青石:City]航空公司开通新航线。", {("青石航空公司", "Company", "shape")}),
        ("青木航空公司开通新航线。", {("青木航空公司", "Company", "shape")}),
        # verbs and function words before a name: 应…邀请, 布局, 请, 有关; not 共 in 公共
        ("10月,应[日本:Country][埼玉县:Region>日本]日中友好协会的邀请。", {("日本埼玉县日中友好协会", "Organization", "shape")}),
        ("园区已布局8K技术研究院。", {("8K技术研究院", "Organization", "shape")}),
        ("并请本地金融机构作介绍。", set()),
        ("日本有关商协会参加。", set()),
        ("[中国:Country]公共外交协会副会长表示。", {("中国公共外交协会", "Organization", "shape")}),
        # a body named after a ministry; a branch of an association is no state body
        ("中日会客厅由[商务部:GovernmentBody]投促局推动。", {("商务部投促局", "GovernmentBody", "shape")}),
        ("[日本国际贸易促进协会:Organization][京都:City]总局承办。", {
            ("日本国际贸易促进协会", "Organization", "shape"), ("日本国际贸易促进协会京都总局", "Organization", "shape")}),
        # a name and its bracketed other name, then 与 and another name
        ("[中国国际贸易促进委员会:Organization][江苏省:Region]分会(江苏省国际商会)与一般社团法人日本江苏总商会签约。",
         {("江苏省国际商会", "Organization", "shape"), ("一般社团法人日本江苏总商会", "Organization", "shape"),
          ("中国国际贸易促进委员会", "GovernmentBody", "shape")}),  # (the lists know it as an association)
        ("[日本:Country]商工俱乐部出席。", {("日本商工俱乐部", "Organization", "shape")}),
        ("规划建设中日产业园。", {("中日产业园", "Zone", "shape")}),
        ("省政府外事办主任罗振邦及省外经贸厅负责人。", {
            ("省政府", "GovernmentBody", "shape"), ("省政府外事办", "GovernmentBody", "shape"),
            ("省外经贸厅", "GovernmentBody", "shape")}),
        ("中日投资促进委员会主办。", {("中日投资促进委员会", "Organization", "shape")}),  # two states' body
        ("在[北京:City]城市副中心会见。", {("北京城市副中心", "Zone", "shape")}),
        ("签署滤波器研发中心项目协议。", set()),  # a project
        ("与[日本:Country]AITECH株式会社签约。", {("AITECH株式会社", "Company", "shape")}),
        ("市委书记彭佳学会见了客人。", {("市委", "GovernmentBody", "shape")}),  # 学会 in 会见 names nothing
        ("杭州湾新区管委会主任李明表示。", {("杭州湾新区", "Zone", "shape"), ("杭州湾新区管委会", "GovernmentBody", "shape"),
                                  ("杭州湾新区管委", "GovernmentBody", "shape")}),  # (the longest is chosen)
        ("[宁波:City]前湾新区开发建设管理委员会签约。",
         {("宁波前湾新区", "Zone", "shape"), ("宁波前湾新区开发建设管理委员会", "GovernmentBody", "shape")}),
        ("位于如东沿海经济开发区。", {("如东沿海经济开发区", "Zone", "shape")}),  # 如 of 如东 is no 如 (such as)
        ("[上海:City]虹桥国际中央商务区作推介。", {("上海虹桥国际中央商务区", "Zone", "shape")}),
        ("各地商会、行业协会纷纷参与。", set()),
        ("在华日本商会表示支持。", {("在华日本商会", "Organization", "shape")}),  # 在华 opens the name
        # 在湘日资企业: Japanese firms in Hunan open the name; 在湘举办: where
        ("出席了在湘日资企业座谈会。", {("在湘日资企业座谈会", "Event", "shape")}),
        ("在湘举办湘日企业恳谈会。", {("湘日企业恳谈会", "Event", "shape")}),
        ("[厦门:City]市台办负责人参加。", {("厦门市台办", "GovernmentBody", "shape")}),
        ("合作未来。(记者王明摄)[日本:Country]代表团赠予礼物。", {("日本代表团", "Organization", "shape")}),
        ("区内驻沪领事机构占三分之一。", set()),
        # a name does not run back over a post and its holder
        ("市人大常委会主任王立与[大阪市:City]议会议长互赠礼品。", {
            ("市人大", "GovernmentBody", "shape"), ("市人大常委会", "GovernmentBody", "shape"),
            ("大阪市议会", "GovernmentBody", "shape")}),
        # a name found on its own ends the reach: the words before it are a clause's
        ("他说上个月[青禾集团:Company]负责人来访。", set()),  # listed: the listed name is the name
        ("金田精工株式会社表示。李明首先感谢金田精工株式会社的贡献。", {("金田精工株式会社", "Company", "shape")}),
        ("游客青睐[临湖新区:Zone]。", set()),
        ("广汽丰田汽车公司与丰田汽车公司签约。",  # two characters no boundary ends may be a part of it
         {("广汽丰田汽车公司", "Company", "shape"), ("丰田汽车公司", "Company", "shape")}),
        # the short form with a plain suffix of a company named with its legal form
        ("光田株式会社来访。羽生市长对县政府给予光田公司支持。",
         {("光田株式会社", "Company", "shape"), ("光田公司", "Company", "shape")}),
        ("王明就光田公司的发展作了展望。", {("光田公司", "Company", "shape")}),
        # 和 right before a legal form that ends the name is a part of it; a country alone names no company
        ("访问了[日本:Country]光和株式会社。", {("光和株式会社", "Company", "shape")}),
        ("[日本:Country]株式会社青叶表示。", set()),
        # 自治区 opens a body's name as 省 does; 主办单位 is no part of it
        ("据主办单位自治区商务厅介绍。", {("自治区商务厅", "GovernmentBody", "shape")}),
        ("[日本:Country]经济团体连合会会长出席。", {("日本经济团体连合会", "Organization", "shape")}),  # a Japanese ending
        ("[南川市:City]各级政府将提供服务。", set()),  # generic words after a place
        # an event's suffix and 上 end the reach
        ("在2024光华经贸交流会上青山化工有限公司签署协议。",
         {("2024光华经贸交流会", "Event", "shape"), ("青山化工有限公司", "Company", "shape")}),
        # towns: after a city or county (not a country), after a town and 和, or alone before their own body
        ("[青山市:City]石湖镇的企业。", {("石湖镇", "District", "shape")}),
        ("活动在[白河县:District]青草蒙古族乡举办。", {("青草蒙古族乡", "District", "shape")}),  # an ethnic township
        ("[白河县:District]长乐镇和城关镇的茶园。", {("长乐镇", "District", "shape"), ("城关镇", "District", "shape")}),
        ("在[中国:Country]最美乡村参观。", set()),
        ("日前，石湖镇党委书记李明率团访日。", {("石湖镇", "District", "shape"), ("石湖镇党委", "GovernmentBody", "shape")}),
        ("石湖乡人民政府与企业签约。", {("石湖乡", "District", "shape"), ("石湖乡人民政府", "GovernmentBody", "shape")}),
        ("[青山市:City][白河区:District]石湖镇政府表示欢迎。",
         {("石湖镇", "District", "shape"), ("石湖镇政府", "GovernmentBody", "shape")}),
        ("各乡镇政府积极配合。", set()),
        # a town alone before 的 is the town whose thing follows; not words holding 乡 or 镇
        ("位于石湖镇的工厂增资。", {("石湖镇", "District", "shape")}),
        ("示范基地是白沙乡的推介重点。", {("白沙乡", "District", "shape")}),
        ("全国主要乡镇的发展。", set()),
        ("青山是鱼米之乡的代表。", set()),
        ("石湖镇位于湖边。", set()),  # alone, with neither its body nor 的 after it
        # after a listed place, the two characters before 乡 or 镇 are the town's, whatever word they hold
        ("我在[青川:City]向阳乡看到了新居。", {("向阳乡", "District", "shape")}),
        ("[青川:City]和乡镇企业。", set()),
        # a county no list holds between its city and its town is a place of its own, not the town's
        ("[龙岩市:City]白云县石湖镇青山村的水道。",
         {("白云县", "District", "shape"), ("石湖镇", "District", "shape"), ("青山村", "District", "shape")}),
        ("[龙岩市:City]白云县的企业。", set()),  # no town after it
        # a town opens the name of its school after the county: the school is the town's
        ("[白河区:District]石湖镇平安小学的教学楼。",
         {("石湖镇", "District", "shape"), ("石湖镇平安小学", "Organization", "shape")}),
        # not where a listed name opens what follows the town: the town is an address in the name
        ("[白河区:District]石湖镇[青山:City]外国语学校的教学楼。",
         {("石湖镇", "District", "shape"), ("白河区石湖镇青山外国语学校", "Organization", "shape")}),
        # a town after a zone; a village right after its town, never alone
        ("工厂在[青松新区:Zone]白石街道开工。", {("青松新区", "Zone", "shape"), ("白石街道", "District", "shape")}),
        ("活动在[白河县:District]青草乡红星村举办。", {("青草乡", "District", "shape"), ("红星村", "District", "shape")}),
        ("[青山:City]工匠村开业。", set()),
        # a council of Japanese heads (议长会, 知事会, 市长会), not a head who meets (市长会见)
        ("会见了[日本:Country]全国都道府县议会议长会会长。",
         {("日本全国都道府县议会议长会", "Organization", "shape"), ("日本全国都道府县议会", "GovernmentBody", "shape")}),
        ("[青山市:City]市长会见了代表团。", set()),
        ("[白河县:Region]知事会见了客人。", set()),
        # a shop of local produce, a sector's or all provinces' bodies: no names
        ("两市在对方城市互设物产店。", set()),
        # a place's produce is rich, a bureau of produce: 物产 goes on into a word, no trading house (三井物产)
        ("[白河市:City]物产丰富。", set()),
        ("[青松省:Region]物产资源丰富。", set()),
        ("由[白河县:Region]文化观光物产局长出席。", set()),
        ("与[日本:Country]有关体育协会座谈。", set()),
        ("全国各省市外办的代表参会。", set()),
        # a site chosen next to a name is no part of it
        ("规划中的产业园选址[青山市:City]临空产业园。", {("青山市临空产业园", "Zone", "shape")}),
        ("该园区毗邻[青山市:City]高新区。", {("青山市高新区", "Zone", "shape")}),
    ],
    "shape.local_brand": [
        ("[广汽丰田:Company>中国]、青松[电装:Company>日本]等企业。", {("青松电装", "Company", "shape")}),
        ("如白河[铃木:Company>日本]、青山-[本田:Company>日本]等企业。",
         {("白河铃木", "Company", "shape"), ("青山-本田", "Company", "shape")}),
        # a country, a verb or a generic word before it, a name going on after it, a home company
        ("[日本:Country][电装:Company>日本]、包括[电装:Company>日本]、知名[电装:Company>日本]。", set()),
        ("、青松[电装:Company>日本]公司、白河[华为:Company>中国]、", set()),
        # a word joined by a mark is the partner's name, even one that is also a verb; not without the mark
        ("如[长安铃木:Company>日本]、建设·[雅马哈:Company>日本]等企业。", {("建设·雅马哈", "Company", "shape")}),
        ("、建设[雅马哈:Company>日本]等企业。", set()),
    ],
    "shape.bracket_branch": [
        # a listed company and a listed place in brackets, where the name ends: its branch there
        ("会长木村一郎([青松:Company>日本]([白河:City]))出席。", {("青松(白河)", "Company", "shape")}),
        ("[青松银行:Company>日本]([中国:Country])与白河集团签约。", {("青松银行(中国)", "Company", "shape")}),
        ("[青松:Company>日本]([白河:City])汽车城建成。", set()),  # the name runs on
        ("[青松:Company>日本](白河)与白河集团签约。", set()),  # no listed place in the brackets
    ],
    "shape.brand_line": [
        # a listed short name and a business-line word, where the name ends: a company of the group
        ("[青松:Company>日本]金属在白河投资建厂。", {("青松金属", "Company", "shape")}),
        ("[青松:Company>日本]蓄电池则计划在白河增资。", {("青松蓄电池", "Company", "shape")}),
        ("[青松:Company>日本]商社与白河市签约,[东和:Company>中国]智能云、", {("青松商社", "Company", "shape"),
                                                                      ("东和智能云", "Company", "shape")}),
        # the name runs on after the word (a zone, a product), or no business-line word follows
        ("[青松:Company>日本]汽车城开工,[青松:Company>日本]金属制品、[青松:Company>日本]的产品。", set()),
    ],
    "shape.kind_apposition": [
        # a name in Latin letters right after the words that say what kind of firm it is
        ("据[日本:Country]旅行社ABC曾发布的数据显示。", {("ABC", "Company", "shape")}),
        ("[日本:Country]机械零部件厂商XYZ将于明年建成新工厂。", {("XYZ", "Company", "shape")}),
        # ideographs a bracket, a mark or the firm's next act ends
        ("[瑞典:Country]轴承大企业白河孚(BHF)正在建设新工厂。", {("白河孚", "Company", "shape")}),
        ("另外,生产酱油的企业丸井酱油([兵库县:Region])12月获得许可。", {("丸井酱油", "Company", "shape")}),
        ("生产酱油的企业青松酱油([兵库县:Region])获得许可。", set()),  # opens with a common noun (青松)
        ("自1993年第一家外商独资企业[日本:Country]青波落户高新区以来。", {("日本青波", "Company", "shape")}),
        # generic words, adverbs, a verb at the end, a longer word of the kind noun: no name
        ("日资企业纷纷落户高新区。企业负责人纷纷表示。", set()),
        ("随着青松、白河等零售企业来渝发展。还听取企业方关于吃法的介绍。", set()),
        ("企业CEO表示。企业将加快发展。企业家山田表示。", set()),
        # a name the lists hold there, or a kind noun that opens its clause
        ("[日本:Country]企业[青松:Company>日本]在白河投资。", set()),
        ("企业青松将于明年投产。", set()),
    ],
    "shape.foreign_city": [
        ("与[韩国:Country]青浦市、[新西兰:Country]白石市和[西班牙:Country]萨洛尔市缔结友好城市。",
         {("青浦市", "City", "shape"), ("白石市", "City", "shape"), ("萨洛尔市", "City", "shape")}),
        ("[俄罗斯:Country]伏尔甘斯克市的代表团。", {("伏尔甘斯克市", "City", "shape")}),
        ("[日本:Country]主要城市的企业。", set()),  # 城市 is no city's name
        ("[美国:Country]各州各市。", set()),
        ("[韩国:Country]青浦市政府表示。", set()),  # the city's body: the suffix rules name it
        ("[中国:Country]青浦市的企业。", set()),  # a Chinese city is listed or named by the suffix rules
        ("[中国:Country]、[日本:Country]有关市、县的代表。", set()),
        # after a prefecture or province the lists put in a foreign country; 的 between; a verb or the mayor after
        ("和[青森县:Region>日本]白浜市、[京畿道:Region>韩国]青川市缔结友好关系。",
         {("白浜市", "City", "shape"), ("青川市", "City", "shape")}),
        ("代表[匈牙利:Country]多瑙市来参加,[塞尔维亚:Country]的萨瓦市是最早到来的。",
         {("多瑙市", "City", "shape"), ("萨瓦市", "City", "shape")}),
        ("会见了[韩国:Country]青浦市市长。", {("青浦市", "City", "shape")}),
        ("[青森县:Region>日本]安城市、[日本:Country]的大型超市。", {("安城市", "City", "shape")}),  # 超市 is a shop
        ("[江苏省:Region>中国]青川市和[日本:Country]的城市是。", set()),  # a home province; 城市 is a word
    ],
    "shape.posted_unit": [
        # a posted office right after the body that posts it: the body's office, one name
        ("[青山国驻白河大使馆领事部:GovernmentBody~][驻青松办公室:GovernmentBody~]主任出席。",
         {("青山国驻白河大使馆领事部驻青松办公室", "GovernmentBody", "shape")}),
        ("[青山国驻白河大使馆领事部:GovernmentBody~]、[驻青松办公室:GovernmentBody~]出席。", set()),
        ("[青山市政府:GovernmentBody~][青松办公室:GovernmentBody~]出席。", set()),  # no 驻: no posted office
    ],
    "shape.titled_unit": [
        # a unit of a state body or an institution right before its head's title: the unit, of the body's class
        ("[青山大学:Organization~]药学综合研究科科长田中出席。", {("青山大学药学综合研究科", "Organization", "shape")}),
        ("[白河大学:Organization]新材料全国重点实验室主任李华、[青松省政府:GovernmentBody~]国际室室长。",
         {("白河大学新材料全国重点实验室", "Organization", "shape"), ("青松省政府国际室", "GovernmentBody", "shape")}),
        # no head's title after it, a mark between, a company's division, a department's division (处): no unit
        ("[青山省商务厅:GovernmentBody~]欧洲处副处长王明表示。", set()),
        ("[青山大学:Organization~]日语系的学生王明、[青山省商务厅:GovernmentBody~]，欧洲处处长。", set()),
        ("[青木精工株式会社:Company~]技术研究室主任出席。", set()),
    ],
    "shape.suffix_after_name": [
        ("[日本贸易振兴机构:Organization]成都代表处开业。", {("日本贸易振兴机构成都代表处", "Organization", "shape")}),
        ("该代表处开业。", set()),
        # a liaison office (联络处) or a secretariat (秘书处) of a body or a zone, as its 代表处
        ("由[青松示范区:Zone]驻[东京:City]联络处主办。", {("青松示范区驻东京联络处", "Organization", "shape")}),
        ("该联络处开业。", set()),
        # a region's name no list holds, then the two countries: a bilateral body (Japanese ones are named so)
        ("[日本贸易振兴机构:Organization]、北陆日中贸易中心都是机构团体。", {("北陆日中贸易中心", "Organization", "shape")}),
        ("支持各地日中贸易中心开展工作。", set()),  # a generic word before the countries
        # a body and a country before a branch's suffix: the body's office there, one name
        ("[青山交流促进委员会:Organization][日本:Country]代表处开业。", {("青山交流促进委员会日本代表处", "Organization", "shape")}),
        ("[时事社:Organization][九州:Region]支社等媒体出席。", {("时事社九州支社", "Organization", "shape")}),
        ("带动[上海:City]中心城区发展。", set()),  # 中心城区 is a word
        # a company's or body's division (本部) is no name of its own: the company's
        ("[青木精工株式会社:Company]北亚本部部长出席。", set()),
        ("[青木精机:Company]日本部部长出席。", set()),
        ("[三井住友银行:Company]（中国）有限公司宁波分行行长出席。", {("三井住友银行（中国）有限公司宁波分行", "Company", "shape")}),
        ("强化与日中经济贸易中心的合作。", {("日中经济贸易中心", "Organization", "shape")}),  # 与 before a pair of countries
        ("[中国驻日本大使馆:GovernmentBody]领事部出席。", {("中国驻日本大使馆领事部", "GovernmentBody", "shape")}),
        # a branch of a bank is a company; 党委书记 after it is a post of the branch
        ("[中国银行:Company][辽宁省:Region]分行党委书记出席。", {("中国银行辽宁省分行", "Company", "shape")}),
        # a Japanese company's branch in a city (支店) and its division named by what it makes (事业部) are
        # companies; a division right after the company's own word names nothing
        ("[青山航空公司:Company][白河:City]支店、[青松工业:Company]冷机事业部出席。",
         {("青山航空公司白河支店", "Company", "shape"), ("青松工业冷机事业部", "Company", "shape")}),
        ("[光田集团:Company]事业部出席。", set()),
        # a department or section of a body or of a prefecture: the whole chain is the name
        ("[日本:Country][青森县:Region]观光振兴部国际课课长出席。",
         {("日本青森县观光振兴部", "GovernmentBody", "shape"), ("日本青森县观光振兴部国际课", "GovernmentBody", "shape")}),
        ("[青山市委:GovernmentBody]宣传部部长出席。", {("青山市委宣传部", "GovernmentBody", "shape")}),
        # a bare 部 after a body's word (协会, 领事馆, 公司, 政府) is a unit of that body, no body of its own
        ("[青山友好协会:Organization]交流管理部和[日本驻白河总领事馆:GovernmentBody]经济部、[青松机电有限公司:Company]销售部出席。",
         set()),
        ("[青森县:Region]政府企划部与[日本:Country][青森县:Region]环境部出席。",
         {("日本青森县环境部", "GovernmentBody", "shape")}),
        # a head office, a part of a land, a division of a company, a count, a lesson: no department
        ("[光田公司:Company]中国总部与[日本:Country]东部。", set()),
        ("[光田公司:Company]事业部、[青山:City]3部和[日本:Country]汉语课。", set()),
        ("落实[青山市:City]决策部署，生产零部件。", set()),
    ],
    "shape.titled_exhibition": [
        # a work's title in 《》 before an exhibition's suffix, with the words after the verb or link before it
        ("代表团举办了“青山周”和《白河的故事》青山博物馆特展。",
         {("《白河的故事》青山博物馆特展", "Event", "quoted")}),
        ("双方约定举办世界文化遗产《青山石窟》摄影展和演讲等活动。", {("世界文化遗产《青山石窟》摄影展", "Event", "quoted")}),
        ("市长参观了《丝路之光》展览。", {("《丝路之光》展览", "Event", "quoted")}),
        ("两市签署了《友好交流备忘录》。", set()),  # a title alone
        ("推动《发展规划》发展的。", set()),  # 发展 is a word, no exhibition's end
        ("双方就《青山宣言》展开讨论。", set()),  # a clause goes on after 展
    ],
    "shape.quoted_title": [
        ("参加“中日友好论坛”。", {("中日友好论坛", "Event", "quoted")}),
        ("举办“在东京遇见无锡”城市视觉展。", {("在东京遇见无锡”城市视觉展", "Event", "quoted")}),
        # the words after the quote: part of the name, or (generic words) of an alias
        ("“对话湖北”中日经贸文旅交流推介会14日举行。", {("对话湖北”中日经贸文旅交流推介会", "Event", "quoted")}),
        ("举办了“对话江苏”交流活动。", {("对话江苏”交流活动", "Event", "quoted")}),
        # an ASCII mark after the suffix ends the event as a full-width one does (most pages write them)
        ("两市将参与“青松少年”交流活动,推动民间友好。", {("青松少年”交流活动", "Event", "quoted")}),
        # a one-character suffix after words of its own, then the time or place it is held; a series of matches
        ("“青山白河缔结友好城市十周年”纪念图片展于11日在白河举办。",
         {("青山白河缔结友好城市十周年”纪念图片展", "Event", "quoted")}),
        ("“白鹭杯”青松友好系列赛事已成为交流平台。", {("白鹭杯”青松友好系列赛事", "Event", "quoted")}),
        ("“城市”主题展在东京举行。", set()),  # generic words before 展: no name of its own
        # a verb and a ceremony after the quote: the title names what is unveiled, the ceremony holds it
        ("“青山白河交流之窗”揭牌仪式在白河举行。", {("青山白河交流之窗”揭牌仪式", "Event", "quoted")}),
        # after a verb of holding, or an event word and a dash, a quoted title ending its phrase is an event
        ("总领馆共同举办“青山春节祭”已成为当地的风物诗。", {("青山春节祭", "Event", "quoted")}),
        ("感谢对品牌活动——“友好合作青白行”的支持。", {("友好合作青白行", "Event", "quoted")}),
        ("双方举办“一带一路”建设研讨。", set()),  # the words go on after the quote
        ("举办“青山与白河座谈;参加“友好”交流。", set()),  # a quote the page left open runs over a mark
        ("举办了“相会白河、扬帆青山”城市品牌推介活动;今年又举办。",
         {("相会白河、扬帆青山”城市品牌推介活动", "Event", "quoted")}),
        ("在“第三届日中经济论坛-长三角”上。", {("第三届日中经济论坛-长三角", "Event", "quoted")}),
        ("他说“很好”。", set()),
        # corner brackets quote as “” do (Taiwanese and Hong Kong pages); a pair of one kind only
        ("「青山白河周」活动在白河举行。", {("青山白河周」活动", "Event", "quoted")}),
        ("举办「在东京遇见无锡」城市视觉展。", {("在东京遇见无锡」城市视觉展", "Event", "quoted")}),
        ("以「友好合作」为主题。", set()),
        ("参加“青山白河周」活动。", set()),
    ],
    "shape.legal_form_first": [
        ("株式会社电通表示欢迎。", {("株式会社电通", "Company", "shape")}),
        ("北斗合同会社成立。", set()),
        ("与株式会社丸和精工签约。", {("株式会社丸和精工", "Company", "shape")}),  # 和 inside the name
        ("参观了株式会社青木制作所总部。", {("株式会社青木制作所", "Company", "shape")}),  # its head office
        ("世界500强企业[日本:Country]株式会社青叶刚刚入驻。", {("日本株式会社青叶", "Company", "shape")}),  # its country
    ],
    "shape.placed_event": [
        ("[上海:City][世博会:Event]开幕。", {("上海世博会", "Event", "shape")}),
        ("[北京:City]2022年[冬奥会:Event]开幕。", {("北京2022年冬奥会", "Event", "shape")}),
        ("[日本:Country][世博会:Event]开幕。", set()),  # a country holds no edition of it
        ("[上海:City]和[世博会:Event]。", set()),
    ],
    "shape.ordinal_meeting": [
        # a body's name ending in 会 with an edition before it or inside it: a meeting, an event
        ("第五次[中国甲省—日本乙县交流促进会:Organization~]在青山举行。",
         {("第五次中国甲省—日本乙县交流促进会", "Event", "shape")}),
        ("[白河市第2届甲乙友好促进会:Organization~]召开。", {("白河市第2届甲乙友好促进会", "Event", "shape")}),
        ("第三届[青山市商会:Organization~]理事。", set()),  # a 商会 is a body
        ("[甲乙友好交流促进会:Organization~]成立。", set()),  # no edition
    ],
    "shape.named_ceremony": [
        # a ceremony right after the company or zone it is for, maybe with its plant or project between
        ("[青松电子:Company]白河第二工厂奠基仪式在白河举行。", {("青松电子白河第二工厂奠基仪式", "Event", "shape")}),
        ("[甲乙合作示范区:Zone~]揭牌仪式举行。", {("甲乙合作示范区揭牌仪式", "Event", "shape")}),
        ("[青松精工(白河)有限公司:Company~]二期项目开工奠基仪式", {("青松精工(白河)有限公司二期项目开工奠基仪式", "Event", "shape")}),
        ("[青松电子:Company]在[白河:City]举行奠基仪式。", set()),  # a verb and a place between: a bare one
        ("[青松电子:Company]举行奠基仪式。", set()),
        ("举行了揭牌仪式。", set()),  # nobody's
        ("[青松电子:Company]与白河合作签约仪式", set()),  # not a ceremony of the list
    ],
    "shape.held_activity": [
        # an activity held whose words hold a listed place: an event even without a year or edition
        ("白河市举行[中国:Country]与[日本:Country]旅游交流活动。", {("中国与日本旅游交流活动", "Event", "shape")}),
        ("共同举办[日本:Country]驻沪机构赴[青山区:District]考察交流活动。",
         {("日本驻沪机构赴青山区考察交流活动", "Event", "shape")}),
        ("双方举办了交流活动。", set()),  # no place: no name
        ("举办[青山:City]企业联络会等活动。", set()),  # a list of them
        ("举办[大阪:City]世博会中国馆[青山:City]活动周。", set()),  # a week of activities, found by its own suffix
        ("在[青山:City]开展经贸交流活动。", set()),  # 开展 an activity is no event held
    ],
    "shape.bare_suffix": [
        ("示范区建设加快。", {("示范区", "Zone", "backref")}),
        ("苏州示范区建设加快。", set()),
        ("省政府对代表团的到来表示欢迎。", {("代表团", "Organization", "backref")}),
        # a two-character event suffix after a determiner only
        ("该论坛以合作为主题。", {("论坛", "Event", "backref")}),
        ("论坛以合作为主题。", set()),
    ],
}

PEOPLE = {
    "people.title_before_name": [
        # a foreign minister's short titles (外相, 外长): a name follows; 外长会议 holds none
        ("[青松国:Country]外相山田光男表示,愿意合作。", {("山田光男", "Person", "person", "外相")}),
        ("中日韩外长会议举行。", set()),
        # a Japanese party's leader and its acting secretary-general
        ("[青松党:Organization]党首山田那津男出席。", {("山田那津男", "Person", "person", "党首")}),
        ("[青松党:Organization]干事长代行林青雄致辞。", {("林青雄", "Person", "person", "干事长代行")}),
        # a name ends before a verb of attending or meeting, a video link, an adverb (as before 出席, 会见)
        ("[青山中心:Organization]副主任王明辉参会并做会议总结。", {("王明辉", "Person", "person", "副主任")}),
        ("曾与时任国家主席李近平会面。", {("李近平", "Person", "person", "主席")}),
        ("[青山振兴机构:Organization]理事长田中伸彦连线交流。", {("田中伸彦", "Person", "person", "理事长")}),
        ("镇长王海青详细介绍了情况。", {("王海青", "Person", "person", "镇长")}),
        # an entrepreneur, an overseas Chinese, a comrade; not a plural (企业家们) nor a word the title goes on into
        ("随行的是[青松国:Country]籍华人企业家王志强。", {("王志强", "Person", "person", "企业家")}),
        ("旅日华侨柯红娜在闭展当天表示。", {("柯红娜", "Person", "person", "华侨")}),
        ("交流会由主要负责同志周卫平主持。", {("周卫平", "Person", "person", "同志")}),
        ("[青松国:Country]企业家们推介白河。", set()),
        ("当地华侨华人团体出席。", set()),
        # a delegation's head and deputy head
        ("[青山访华团:Organization]副团长田中正彰介绍了此行的目的。", {("田中正彰", "Person", "person", "副团长")}),
        ("代表团团长山田和幸说。", {("山田和幸", "Person", "person", "团长")}),
        # a chargé d'affaires, a Japanese agency's senior officer
        ("我驻[青松国:Country]使馆临时代办王明会见客人。", {("王明", "Person", "person", "临时代办")}),
        ("[青山振兴机构:Organization]海外战略主干中井一郎出席。", {("中井一郎", "Person", "person", "主干")}),
        ("他负责代办手续。主干道路畅通。", set()),
        # the head of a museum, Japanese officers' grades, an acting chairman
        ("[青山博物馆:Organization]馆长王健出席。", {("王健", "Person", "person", "馆长")}),
        ("[白河县:Region]交流课主事山田花子、观光课主查森川直人表示。",
         {("山田花子", "Person", "person", "主事"), ("森川直人", "Person", "person", "主查")}),
        ("[青山协会:Organization]会长代行中井一郎出席。", {("中井一郎", "Person", "person", "会长代行")}),
        ("驻青山总领事馆长期以来给予支持。", set()),  # 馆长 inside 领事馆 and 长期: no name
        # a cue that opens or ends Japanese given names (将, 作; 来, 则) is inside the name after a listed
        # Japanese surname where a longer name ends well; 田中将于, 田中将访华 stay 田中 (将: will)
        ("[青松国:Country]驻白河使馆公使臼井将人以及学生代表出席。", {("臼井将人", "Person", "person", "公使")}),
        # a character that ends Japanese given names (作) ends a four-character name a body vouches for
        ("[青松株式会社:Company]社长五坂大作,首席企划出席。", {("五坂大作", "Person", "person", "社长")}),
        # a bare listed place opened by the title's last character (长野) keeps no name with a listed
        # two-character surname from the slot; with a place's suffix after it, it is the place
        ("[青山协会:Organization]会[长野:City]村一郎、副会长王明出席。",
         {("野村一郎", "Person", "person", "会长"), ("王明", "Person", "person", "副会长")}),
        ("[青山协会:Organization]会[长野:City]县代表出席。", set()),
        ("中新社[长沙:City]七月二十五日电", set()),
        ("[青山协会:Organization]会长代行谷野作太郎、理事长王明出席。",
         {("谷野作太郎", "Person", "person", "会长代行"), ("王明", "Person", "person", "理事长")}),
        ("[青山大学:Organization]学生渡边未来在结束首日的行程后说。", {("渡边未来", "Person", "person", "学生")}),
        ("[青松国:Country]驻白河大使田中将于明天访问青山。", {("田中", "Person", "person", "大使")}),
        ("[青松国:Country]驻白河大使田中将访问青山。", {("田中", "Person", "person", "大使")}),
        ("[青松国:Country]驻白河大使田中作了讲话。", {("田中", "Person", "person", "大使")}),
        ("他说,驻[日本:Country]大使馆将支持。", set()),  # 大使 of 大使馆 is no title
        # a shorter title whose last character opens a two-character surname, where the longer one
        # leaves no name (专务理事 + 长尾成美, not 理事长 + 尾成美)
        ("[青山协会:Organization]专务理事长尾成美出席。", {("长尾成美", "Person", "person", "理事")}),
        ("[青山协会:Organization]理事长王明出席。", {("王明", "Person", "person", "理事长")}),
        ("市委书记杜小刚分别讲话。", {("杜小刚", "Person", "person", "市委书记")}),
        # 带领 (leads), as 率领 and 带队, ends the name
        ("[青山协会:Organization]会长王明华带领的代表团出席。", {("王明华", "Person", "person", "会长")}),
        # a body before the title vouches for a name without a listed surname
        ("[无锡日本商会:Organization]会长茂吕周平致辞。", {("茂吕周平", "Person", "person", "会长")}),
        ("记者采访时表示。", set()),
        # 工作 (work) ends a vouched name of four characters, not a fifth one (高田真里工)
        ("[青山商会:Organization]会长高田真里工作拜访。", {("高田真里", "Person", "person", "会长")}),
        # a chain of posts: the customs' party secretary and head (关长)
        ("[青山海关:GovernmentBody]党组书记、关长王海明出席。", {("王海明", "Person", "person", "关长")}),
        # after 、 and a titled name, a title of the place's assembly vouches for a name with no listed surname
        ("青森县知事木村一郎、议会议长苇原明吉率团。",
         {("木村一郎", "Person", "person", "知事"), ("苇原明吉", "Person", "person", "议长")}),
        ("会见了议会议长苇原明吉。", set()),  # no listed surname, nothing vouches
        # a byline's run of names is the byline's to split (王亚明蒋丰 is two names)
        ("[青山侨报:Organization]记者王亚明蒋丰\n推介会举行。", set()),
        # students and teachers are named like professions (学生, 老师); posts of Japanese chambers,
        # school boards and firms (会头, 教育长, 首席运营官, 会长代理) and a region's chief (行政长官)
        ("[青山大学:Organization]大一学生王海明说，[白河中学:Organization]老师田中明子也说。",
         {("王海明", "Person", "person", "学生"), ("田中明子", "Person", "person", "老师")}),
        ("学生们参观了工厂，老师介绍了情况。", set()),
        ("[青山商工会议所:Organization]会头木村一郎、副会头林田健出席。",
         {("木村一郎", "Person", "person", "会头"), ("林田健", "Person", "person", "副会头")}),
        ("[青山市:City]教育长木村健率团来访。", {("木村健", "Person", "person", "教育长")}),
        ("[青山电子:Company]首席运营官山田一郎参加。", {("山田一郎", "Person", "person", "首席运营官")}),
        ("[青山协会:Organization]会长代理林田健致辞。", {("林田健", "Person", "person", "会长代理")}),
        ("特区行政长官周明华作介绍。", {("周明华", "Person", "person", "行政长官")}),
        # roles history and culture name people by, before a name with a surname
        ("[白河市:City]是诗仙李明的故里。", {("李明", "Person", "person", "诗仙")}),
        ("著名思想家、教育家孔明,倡导仁义。", {("孔明", "Person", "person", "教育家")}),
        ("纪念开国诸侯唐叔明及其母亲。", {("唐叔明", "Person", "person", "诸侯")}),
        ("诗人们朗诵作品。", set()),
        # 带领 (leads), 感慨 (is moved), 感受 (feels), 刚刚 (has just) end a name
        ("[青山协会:Organization]会长王家明带领的代表团出席。", {("王家明", "Person", "person", "会长")}),
        ("[青山协会:Organization]会长木村郁夫感慨道，学生周玉溪感受到友好。",
         {("木村郁夫", "Person", "person", "会长"), ("周玉溪", "Person", "person", "学生")}),
        ("国家主席周海生刚刚访问了白河。", {("周海生", "Person", "person", "主席")}),
        # 以 (by way of, as) ends a name, and a name after it before a title is one (以甲副书记为首)
        ("[自民党:Organization]前干事长、众议院议员木村俊博以视频方式致辞。", {("木村俊博", "Person", "person", "议员")}),
        # six characters after a listed three-character surname (a three-character given name)
        ("[青山日中友协:Organization]会长长谷川健太郎、副会长林田一郎出席。",
         {("长谷川健太郎", "Person", "person", "会长"), ("林田一郎", "Person", "person", "副会长")}),
        ("会长长谷川健表示。", {("长谷川健", "Person", "person", "会长")}),
        # a surname of the 2,000 most common Japanese ones vouches for the name (菅沼 is no longer unknown)
        ("会见了议会议长菅沼明吉。", {("菅沼明吉", "Person", "person", "议长")}),
        # an honorific after a name without a listed surname vouches for it
        ("以研究会理事长笹原贞子女士为团长，顾问苇木真一先生随团。",
         {("笹原贞子", "Person", "person", "理事长"), ("苇木真一", "Person", "person", "顾问")}),
        ("理事长会见女士代表。", set()),
        # a profession introduces a name too
        ("著名评论家韩东明、经济学家周立新出席。",
         {("韩东明", "Person", "person", "评论家"), ("周立新", "Person", "person", "经济学家")}),
        # a time word ends a name (昨日, 今天)
        ("市长周海生昨日会见代表团，副市长林东今天出席。",
         {("周海生", "Person", "person", "市长"), ("林东", "Person", "person", "副市长")}),
        # a title that opens the name of an office has no person after it (知事公室, 大臣官房, 记者站)
        # (知事公室政策参与木村一郎: no name after 知事; the adviser's title 政策参与 has one)
        ("[青山县:Region]知事公室政策参与木村一郎率团。", {("木村一郎", "Person", "person", "政策参与")}),
        ("[青山省:GovernmentBody]大臣官房审议官出席。", set()),
        ("[东方日报:Organization]驻青山记者站周明华报道。", set()),
        ("某位经济专家曾说过，收入很高。", set()),  # 说过 (has said) is no part of a name
        # 发表, 邀请, 热忱 end a name as cue words
        ("市委书记周清云发表了讲话，市长林东热忱邀请企业来访。",
         {("周清云", "Person", "person", "市委书记"), ("林东", "Person", "person", "市长")}),
        # 向 (to) before a name and its title opens no name (局长向林田所长介绍)
        ("副局长向林田所长介绍了情况。", set()),
        ("省长于海川出席。", {("于海川", "Person", "person", "省长")}),
        # a title inside what follows a title opens the name (大使 of 大使馆, then 公使)
        ("驻青山大使馆公使林木平、总领事馆参赞周明出席。",
         {("林木平", "Person", "person", "公使"), ("周明", "Person", "person", "参赞")}),
        # a listed place before the title vouches too, and for five characters
        ("[岩手县:Region]知事达山拓也表示。", {("达山拓也", "Person", "person", "知事")}),
        ("[日本贸易振兴机构上海代表处:Organization]所长丸山丰二郎表示。", {("丸山丰二郎", "Person", "person", "所长")}),
        ("会长由小林一郎担任。", {("小林一郎", "Person", "person", "会长")}),
        ("会长由大会选举产生。", set()),
        ("省长于伟明在福州会见客人。", {("于伟明", "Person", "person", "省长")}),  # 于 opens a name
        ("副主任马青山应邀访问日本。", {("马青山", "Person", "person", "副主任")}),  # 应邀 ends a name
        # after 、 and a name found after a title, a title vouches (议长桥本浩司、副议长野村晴英)
        ("[秋田县议会:GovernmentBody]议长桥本浩司、副议长野村晴英举行会谈。",
         {("桥本浩司", "Person", "person", "议长"), ("野村晴英", "Person", "person", "副议长")}),
        # a place vouches for no name after a title its name reaches into (广东省 + 长), no name ends in 县
        ("[[广东:Region]省:Region]长期坚持开放。", set()),
        ("[[湖北:Region]省:Region]长阳县代表出席。", set()),
        # ... but a body whose name holds the title's start vouches for a name ending like a place
        ("[[青山市:City]委:GovernmentBody~]书记柳白州出席。", {("柳白州", "Person", "person", "市委书记")}),
        # 与 (with) ends a vouched name where five characters would cross a listed place
        ("[青山市:City]副市长孙白与[白河市:City]市长林木平共同签署协议。",
         {("孙白", "Person", "person", "副市长"), ("林木平", "Person", "person", "市长")}),
        ("[神户市:City]市长久元喜造出席。", {("久元喜造", "Person", "person", "市长")}),
        ("市长于近日会见客人。", set()),
        ("[自民党:Organization]副总干事长松山信介表示。", {("松山信介", "Person", "person", "干事长")}),  # not 长松山信介
        ("总领事横井也随团来访。", {("横井", "Person", "person", "总领事")}),  # 也 (also) after a surname
        ("会长高桥和也表示。", {("高桥和也", "Person", "person", "会长")}),
        # 则 may end a Japanese given name after a listed Japanese surname, not a Chinese name
        ("观光局局长坂井明则就城市建设作介绍。", {("坂井明则", "Person", "person", "局长")}),
        ("副市长王海则表示欢迎。", {("王海", "Person", "person", "副市长")}),
        ("总经理梅原一幸则表示。", {("梅原一幸", "Person", "person", "总经理")}),
        # a name ends in no title; 与 before a number ends a name; 关于, 成功 are no names
        ("[青山县议会:GovernmentBody]议长会会长、副议长林木平出席。", {("林木平", "Person", "person", "副议长")}),
        ("党工委书记杨海与5家企业座谈。", {("杨海", "Person", "person", "书记")}),
        ("学习总书记关于开放的论述。", set()),
        ("这是在总理成功访日之后。", set()),
        ("举办摄影展和演讲等活动。", set()),  # 展和演讲: 和 after a one-character surname
        # an honorific closes a name past a cue or a place's last character (作, 市)
        ("水稻专家林田长作先生和栽培专家林正市先生来访。",
         {("林田长作", "Person", "person", "专家"), ("林正市", "Person", "person", "专家")}),
        # 召开 (convenes) and 兼 (and also) end a name; a name opens with neither
        ("[青山市:City]副市长王海明召开了会议。", {("王海明", "Person", "person", "副市长")}),
        ("科创委主任兼区投促办主任丁海平出席。", {("丁海平", "Person", "person", "主任")}),
        ("其总经理喜多健一说，理事长坂下和夫出席。",  # Japanese surnames beyond the commonest 500
         {("喜多健一", "Person", "person", "总经理"), ("坂下和夫", "Person", "person", "理事长")}),
        ("中国区总裁朴海东表示感谢。", {("朴海东", "Person", "person", "总裁")}),  # 朴, a Korean-Chinese surname
        ("[青山驻东京大使馆:GovernmentBody]商务处二秘林海风出席。", {("林海风", "Person", "person", "二秘")}),  # a diplomat's rank
        ("青山网讯记者戴海荷实习记者马弘林为传递友谊撰文。",  # a byline's role ends a name
         {("戴海荷", "Person", "person", "记者"), ("马弘林", "Person", "person", "记者")}),
    ],
    "people.name_before_title": [
        # 外务大臣 after the name is the title: 外务 belongs to no name
        ("上个月,山田外务大臣来华。", {("山田", "Person", "person", "外务大臣")}),
        # a delegation's head written after the name; 团长 inside 集团长 (a group's head) ends no name 山田集
        ("交流。王明华团长表示,代表团满意。", {("王明华", "Person", "person", "团长")}),
        ("[青松株式会社:Company]的山田集团长介绍了系统。", set()),
        # posts and callings written after the name in Japanese order, and in lists of staff
        ("[青松银行:Company]山田道夫专务一行来访。", {("山田道夫", "Person", "person", "专务")}),
        ("[青山大学:Organization]王明辉副教授、李海青老师出席。",
         {("王明辉", "Person", "person", "副教授"), ("李海青", "Person", "person", "老师")}),
        ("以山田一郎教务主任为团长的代表团来访。", {("山田一郎", "Person", "person", "教务主任")}),
        ("[青山中心:Organization]山田道夫高级主任、[青松局:GovernmentBody]田中一郎理事出席。",
         {("山田道夫", "Person", "person", "高级主任"), ("田中一郎", "Person", "person", "理事")}),
        ("接收王海青医师进行研修。", {("王海青", "Person", "person", "医师")}),
        # a Japanese party's posts: the word before 会长 is the title's, no name between body and title
        ("访华的[自民党:Organization]总务会长、众议院议员森山一郎访问。", set()),
        # a name ends in no title (两国省长知事: 国省长 is no name before 知事)
        ("已成为两国省长知事间交流的平台。", set()),
        # short and long diplomatic ranks written after the name
        ("使馆王明华经济商务公使、李红公参陪同会见。", {("王明华", "Person", "person", "经济商务公使"),
                                                    ("李红", "Person", "person", "公参")}),
        ("王明临时代办欢迎代表团。", {("王明", "Person", "person", "临时代办")}),
        # 任 closing a verb of taking a post (履任, 到任, 新任) opens no name before the title
        ("外交部原副部长王明履任驻日大使以来。", set()),
        ("总领事王明到任拜会长崎市市长。", set()),
        ("青松国新任驻白河总领事接受采访。", set()),
        ("王明履任,任建华总领事出席。", {("任建华", "Person", "person", "总领事")}),
        ("总领事（大使）林田秋男率总领事访问团出席。", set()),  # 率 (leads) ends no name
        ("习近平总书记指出。", {("习近平", "Person", "person", "总书记")}),
        ("学习周海生总书记关于开放的论述。", {("周海生", "Person", "person", "总书记")}),
        ("这是在林东平总理成功访日之后。", {("林东平", "Person", "person", "总理")}),
        ("市委书记杜小刚指出。", set()),
        ("主席同岸田文雄首相通电话。", {("岸田文雄", "Person", "person", "首相")}),
        ("转交楼明生省长的信。", {("楼明生", "Person", "person", "省长")}),
        ("[日本中华总商会:Organization]严浩会长出席。", {("严浩", "Person", "person", "会长")}),  # after a body's name
        ("[中国驻日使馆:GovernmentBody]邹文涛商务参赞出席。", {("邹文涛", "Person", "person", "商务参赞")}),
        ("[福建:Region]省长致辞。", set()),  # a place, no name
        # between a body's name and the title, a name needs no listed surname
        ("[青森县观光局:GovernmentBody]津轮明登局长、[大同市商务局:GovernmentBody]覃一鸣副局长出席。",
         {("津轮明登", "Person", "person", "局长"), ("覃一鸣", "Person", "person", "副局长")}),
        ("[青山市委:GovernmentBody]宣传部部长出席。", set()),  # a department, no name
        ("[青山集团:Company]董事会秘书长出席。", set()),  # a title inside
        # a cue word no given name holds (为, 在) inside the name: no name (晋升为 is "promoted to")
        ("对天野先生晋升为副理事长表示祝贺。", set()),
        ("木村晋吉在与市长会面时说。", set()),
        ("周恩来总理的故乡。", {("周恩来", "Person", "person", "总理")}),  # 来 may be one
        ("[青森县观光局:GovernmentBody]津轮明登局长办公室装修。", set()),  # the title goes on into a word
        # a modifier before the title belongs to it (代总领事: acting consul general)
        ("2月17日，周明代总领事出席。", {("周明", "Person", "person", "总领事")}),
        ("会见林东副总领事。", {("林东", "Person", "person", "副总领事")}),
        ("致辞中转达了林东总领事的祝贺。", {("林东", "Person", "person", "总领事")}),  # 了 ends the verb before the name
        ("12月2日川上总领事访问了白城。", {("川上", "Person", "person", "总领事")}),  # a date before the name
        ("[青山市政府:GovernmentBody]方面以张海副书记为首出席。", {("张海", "Person", "person", "副书记")}),
        ("去年日本总领事访问了白城。", set()),  # 年 of no date: 年日本 is no name
        # a one-character cue common in names ends the name right before the title (一也)
        ("[青森县产业部:GovernmentBody]津轮一也部长、[青森县观光局:GovernmentBody]高田和也局长出席。",
         {("津轮一也", "Person", "person", "部长"), ("高田和也", "Person", "person", "局长")}),
        ("[青山贸易中心:Organization]村田稔副理事长、[青山大学:Organization]王明生校长等参加。",
         {("村田稔", "Person", "person", "副理事长"), ("王明生", "Person", "person", "校长")}),
    ],
    "people.leader_list": [
        ("白河网讯(记者王海明文/图)活动举行。", set()),  # the byline's name (王海明), no name across it
        ("市领导许峰、周文栋参加活动。", {("许峰", "Person", "person", "市领导"), ("许峰", "Person", "person", "领导"),
                                ("周文栋", "Person", "person", "市领导"), ("周文栋", "Person", "person", "领导")}),
        ("市领导参加活动。", set()),
        ("两市高层领导曾多次互访。", set()),  # 多次 (many times) is no name
        ("出席活动的中日领导和日企代表植树。", set()),  # a conjunction (和) opens no name after the head
        ("活动现场嘉宾云集、盛况空前。", set()),  # 云集 (gather) is no name
        ("市领导陈海杰、时平参加会见。", {("陈海杰", "Person", "person", "市领导"), ("陈海杰", "Person", "person", "领导"),
                                ("时平", "Person", "person", "市领导"), ("时平", "Person", "person", "领导")}),
    ],
    "people.list_tail": [
        ("副知事林田一郎、副市长王海明、周立新、藤井亮等出席。",
         {("周立新", "Person", "person"), ("藤井亮", "Person", "person")}),
        # no 等: the names before the verb they share (出席, 会见), not a list that goes on into other words
        ("副区长王海明、周立新会见了代表团。", {("周立新", "Person", "person")}),
        # a join (和, 以及, 及) after the last name: the list goes on with other words, the name is its item
        ("会长王海明、周立新和[青山协会:Organization]代表出席。", {("周立新", "Person", "person")}),
        ("前首相王海明、林田一郎以及各界人士出席。", {("林田一郎", "Person", "person")}),
        ("会长王海明、周边和[青山协会:Organization]代表出席。", set()),  # a word of the language, no name
        ("会长王海明、林业局出席。", set()),  # a body's last character
        # between two titled names: the list goes on with a name after its title (maybe its body first)
        ("副市长王海明、周立新、市议会副议长林田一郎出席。", {("周立新", "Person", "person")}),
        ("副市长王海明、周立新、市议会代表出席。", set()),  # no name after the next title
        # a comma between two titled items parts the list as 、 does
        ("[青山市外办:GovernmentBody]主任王海明、周立新,[青山市贸促会:Organization]秘书长林田一郎出席。",
         {("周立新", "Person", "person")}),
        ("主任王海明、周立新,各界人士出席。", set()),  # no titled name after the comma
        ("会长王海明、北京等地代表出席。", set()),  # a place
    ],
    "people.name_list": [
        # a list with no titles that opens a clause, before a verb of attending or speech
        ("会谈举行。王长久、高玉龙参加会见。", {("王长久", "Person", "person"), ("高玉龙", "Person", "person")}),
        # before 等 and a noun of people; Japanese names with listed surnames, given names ending in 人
        ("合作源远流长，坂本一郎、长谷川清、香取正人等日本友人推动交流。",
         {("坂本一郎", "Person", "person"), ("长谷川清", "Person", "person"), ("香取正人", "Person", "person")}),
        # an item found as a person before counts as one of the list's names
        ("会谈举行。[王长久:Person]、高玉龙参加会见。", {("高玉龙", "Person", "person")}),
        # one name alone is the speaker rule's; a list that opens no clause, or 等 before no noun of people
        ("会谈举行。高玉龙参加会见。", set()),
        ("市长会见了王长久、高玉龙参加会见。", set()),
        ("会谈举行。王长久、高玉龙等参观工厂。", set()),
        # listed names and titles break the list
        ("会谈举行。[青山:City]、[白河:City]等城市代表出席。", set()),
        ("会谈举行。市长王长久、高玉龙出席。", set()),
    ],
    "people.body_representative": [
        ("[青山日中友好协会:Organization]代表木村一郎共同出席。", {("木村一郎", "Person", "person", "代表")}),
        # no body found: a body's last character before 代表, and a listed surname
        ("青山友好协会白河分区代表田中彰一共同出席。", {("田中彰一", "Person", "person", "代表")}),
        ("四地的青山俱乐部代表齐聚交流。", set()),  # 齐聚 (gather) is a cue word, no name
        ("青山友好协会白河分区代表苇原明吉共同出席。", set()),
        ("[青山电子株式会社:Company]代表介绍了情况。", set()),  # a cue word: no name
        ("[青山:City]代表向日方演示。", set()),  # a place, and a cue word
        ("各企业代表王海明致辞。", set()),  # no body
        # a delegation's last character (团): its representative, with a listed surname
        ("市长会见了青山经贸考察团代表田中信一一行。", {("田中信一", "Person", "person", "代表")}),
        ("青山访问团代表齐聚交流。", set()),  # a cue word, no name
    ],
    "people.byline": [
        ("苏州与大阪签约。\n（高美梅）", {("高美梅", "Person", "person")}),
        ("苏州与大阪签约。\n洪波摄", {("洪波", "Person", "person")}),
        ("苏州与大阪签约。\n（大阪）", set()),  # no surname
    ],
    "people.byline_credits": [
        # a credit in a field of its own after the line's source, after a field mark; none without a source
        ("会议举行。\n(来源:青山友协秘书处;撰稿人:王明东;审稿人:李红)",
         {("王明东", "Person", "person", "撰稿人"), ("李红", "Person", "person", "审稿人")}),
        ("会议举行。\n(青山友协秘书处;撰稿人:王明东)", set()),
        # after a mark of a picture, a caption's sentence (会见 holds no name) has no credit; a role's does
        ("访问白河县。\n图:王明东会见[青松国:Country]白河县知事。\n王明东转达问候。", set()),
        ("记者 彭刚刚/文 [青山市:City]政府办公厅/图", {("彭刚刚", "Person", "person", "记者")}),
        ("[新华网:Organization][大连:City]6月1日电(记者蔡立军、张海)大连举办推介会。", {("蔡立军", "Person", "person", "记者"), ("张海", "Person", "person", "记者")}),
        # no spaces between the names: split where each part starts with a surname
        ("[中新社:Organization][广州:City]11月23日电(王华邢丽飞)交流活动举行。", {("王华", "Person", "person"), ("邢丽飞", "Person", "person")}),
        # 肖 is as common as 萧, the form the frequency list ranks (陈双|双肖玲 would take 双 for commoner)
        ("[中新社:Organization][广州:City]11月23日电(陈双双肖玲)交流活动举行。", {("陈双双", "Person", "person"), ("肖玲", "Person", "person")}),
        ("华西都市报-[封面新闻:Organization]记者杨金明雷远航\n推介会举行。",
         {("杨金明", "Person", "person", "记者"), ("雷远航", "Person", "person", "记者")}),
        ("[日本经济新闻:Organization]记者井上松子\n推介会举行。", {("井上松子", "Person", "person", "记者")}),
        # a dateline whose outlet the page left out: a listed place and a date before 电, names with surnames
        ("[青山:City]8月25日电 (周海雯)[青山市外事办公室:GovernmentBody]25日披露。", {("周海雯", "Person", "person")}),
        ("[青山:City]8月25日电 (采访团)活动举行。", set()),  # no surname: no name
        ("[青山:City]电视台(周海雯)报道。", set()),  # no date before 电
        # the outlet in title marks before the role, maybe after a bullet
        ("◆《[青山侨报:Organization]》记者  王亚明  蒋丰\n推介会举行。",
         {("王亚明", "Person", "person", "记者"), ("蒋丰", "Person", "person", "记者")}),
        ("□记者刘腾通讯员李贝王明敏报道\n推介会举行。",
         {("刘腾", "Person", "person", "记者"), ("李贝", "Person", "person", "通讯员"), ("王明敏", "Person", "person", "通讯员")}),
        # a caption's credit run together with the dateline
        ("图为活动现场。岳明桐摄[中新网:Organization][成都:City]1月12日电(孙丽)四川省举办活动。",
         {("岳明桐", "Person", "person"), ("孙丽", "Person", "person")}),
        ("活动现场。(江西网记者何勇摄)", {("何勇", "Person", "person", "记者")}),
        # a role mark after the name (贺明良/文) closes it
        ("推介会举行。\n[青山日报社:Organization]全媒体记者: 贺明良/文", {("贺明良", "Person", "person", "全媒体记者")}),
        ("推介会举行。\n记者 王小明/文 李小红/图", {("王小明", "Person", "person", "记者"), ("李小红", "Person", "person", "记者")}),
        # an outlet in its own brackets at a line's start, then the names
        ("【白河网】(王海明张良时敏)青山街头难寻异域面孔。",
         {("王海明", "Person", "person"), ("张良", "Person", "person"), ("时敏", "Person", "person")}),
        ("【白河网】青山街头难寻异域面孔。", set()),
        ("代表团考察了造林情况。(供稿 白明宏 摄影 周海明)",
         {("白明宏", "Person", "person", "供稿"), ("周海明", "Person", "person", "摄影")}),  # 供稿: contributed by
        ("他说：【白河网】(王海明)。", set()),  # not at a line's start
        ("【青山交流会】(王海明)致辞。", set()),  # no outlet
        # a long caption without a stop, then a listed outlet's credit closing with 摄
        ("让青山电池品牌走向世界的企业正与日韩企业洽谈合作，让“青山隔膜”走向世界[白河日报:Organization]记者高明远摄\n2019年活动持续。",
         {("高明远", "Person", "person", "记者")}),
        ("让青山电池品牌走向世界的企业正与日韩企业洽谈合作，让“青山隔膜”走向世界[白河日报:Organization]记者高明远称赞。", set()),
        ("活动现场。[中新社:Organization]发江晓彤摄", {("江晓彤", "Person", "person")}),  # a photo the agency releases
        ("人们在商店街购物。[青山社:Organization]发(江晓彤摄)", {("江晓彤", "Person", "person")}),  # its credit in brackets
        ("人们在商店街购物。[青山社:Organization]发(江晓彤摄)说", set()),  # the bracket closes no credit
        # a role mark joined to another by a slash closes the names (文/图); a correspondent's unit
        # written short after 通讯员 is passed, the other names kept
        ("白河网讯(记者王海明文/图)为推动合作,举办活动。", {("王海明", "Person", "person", "记者")}),
        ("白河日报讯(记者/陈小敏通讯员/台外事宣)日前,市长出访。", {("陈小敏", "Person", "person", "记者")}),
        ("白河日报讯(记者/陈小敏编辑/台外事宣)日前,市长出访。", set()),  # an editor's is a name
        # an outlet whose name holds a dateline's word (讯 of 青讯网) before its suffix
        ("青讯网[白河:City]3月7日电(杨明 通讯员:陈丽红)今日,活动举行。",
         {("杨明", "Person", "person"), ("陈丽红", "Person", "person", "通讯员")}),
        ("[中新社:Organization][上海:City]七月四日电(郑丽)世博会举行。", {("郑丽", "Person", "person")}),  # a date in words
        # a credit line run into the dateline
        ("[沈阳日报:Organization]、沈报全媒体记者许文博本报讯(记者许文博)活动举行。",
         {("许文博", "Person", "person", "全媒体记者"), ("许文博", "Person", "person", "记者")}),
        ("推介会举行。\n记者：李明通讯员：赵亮\n文/图本报记者张强\n（责任编辑：王小五）",
         {("李明", "Person", "person", "记者"), ("赵亮", "Person", "person", "通讯员"), ("张强", "Person", "person", "记者"),
          ("王小五", "Person", "person", "责任编辑")}),
        # a credit run into the text: it ends at 摄 or before a listed name
        ("图为推介会现场。[新华社:Organization]记者李明摄据报道。", {("李明", "Person", "person", "记者")}),
        ("会议举行。[人民网:Organization]记者刘军国[苏州:City]举办推介会。", {("刘军国", "Person", "person", "记者")}),
        ("会议举行。张三摄影作品展开幕。", set()),
        ("记者了解到，活动现场。", set()),
        ("双方与株式会社电通签约。", set()),  # 电 of 电通 is no dateline
        ("他在现场拍摄", set()),
        # a header line's fields: 来源 … | 作者 … (run into the first paragraph before its date)
        ("发布时间:2019-11-12 10:23:43 | 来源:青山网 | 作者:唐明葳 刘志远 孙亮\n11月11日下午,推介会举行。",
         {("唐明葳", "Person", "person", "作者"), ("刘志远", "Person", "person", "作者"), ("孙亮", "Person", "person", "作者")}),
        ("2009年08月26日 来源:白河晚报 作者:⊙本报记者 王海明\n推介会举行。", {("王海明", "Person", "person", "记者")}),
        # a dateline's credits without brackets, up to a word of time; a credit line before a bracket
        ("计划投产。\n\n白河都市报讯 记者马小平 朱中齐 实习生周惠通讯员王建锾 昨日上午,工厂奠基仪式举行。",
         {("马小平", "Person", "person", "记者"), ("朱中齐", "Person", "person", "记者"), ("周惠", "Person", "person", "实习生"),
          ("王建锾", "Person", "person", "通讯员")}),
        ("青山信息港讯 记者戴至荷 实习记者马弘杨为传递友谊,举办活动。", set()),  # no stop: not read
        ("活动举行。\n[白河日报:Organization]记者 韩成良 (来源于“青山大朗”)\n\n活动举行。",
         {("韩成良", "Person", "person", "记者")}),
        # an outlet's short name no list knows before 讯 and a role: its credits are read
        ("计划投产。\n\n青都讯 记者马小平 朱中齐 昨日上午,工厂奠基仪式举行。",
         {("马小平", "Person", "person", "记者"), ("朱中齐", "Person", "person", "记者")}),
        # the unit of the names after a role (秘书处, 记者站) is skipped; 丨 separates credits
        ("推介会举行。(文/图:青山协会秘书处王甜甜)\n", {("王甜甜", "Person", "person", "文")}),
        ("推介会举行。(周明宇丨编辑:白河日报青山记者站李小红)\n",
         {("周明宇", "Person", "person"), ("李小红", "Person", "person", "编辑")}),
        ("推介会举行。(编辑:青山协会秘书处)\n", set()),
        # a header's source and its credits in one bracket, fields apart by semicolons
        ("会议召开。\n\n(来源:青山事务办公室;撰稿人:王明;审稿人:李红)\n",
         {("王明", "Person", "person", "撰稿人"), ("李红", "Person", "person", "审稿人")}),
        # a bracket the page left open at the line's end still holds the credit
        ("推介会举行。(白河日报记者 王海明", {("王海明", "Person", "person", "记者")}),
        # a name whose character the page lost is skipped, the others kept
        ("白河晚报讯(记者 张? 陈小明 通讯员 肖继原)推介会举行。",
         {("陈小明", "Person", "person", "记者"), ("肖继原", "Person", "person", "通讯员")}),
    ],
    "people.byline_outlet": [
        ("珠江时报讯(记者/李年通讯员/李伟)南海区举办推介会。", {("珠江时报", "Organization", "shape")}),
        ("【青山商报讯】青山日商俱乐部恳谈会在青山举办。", {("青山商报", "Organization", "shape")}),  # no bracket
        ("[国际在线:Organization]陕西频道消息:活动举行。", {("国际在线", "Organization", "gazetteer")}),
        # a dateline's word inside the outlet's name, before its suffix or in it (讯 of 青讯网, 电 of 电视台)
        ("青讯网[白河:City]3月7日电(杨明)今日,活动举行。", {("青讯网", "Organization", "shape")}),
        ("青山消息网1月24日报道 据悉,代表团访华。", {("青山消息网", "Organization", "shape")}),
        ("白河电视台讯(记者王海明)活动举行。", {("白河电视台", "Organization", "shape")}),
        ("会议举行。\n白河电视台记者王海明摄", {("白河电视台", "Organization", "shape")}),
        ("白河日报讯网友说,活动举行。", {("白河日报", "Organization", "shape")}),  # 讯网友 is no outlet's end
        # 报道 closes a dateline after a date; 综合报道 after the outlet, in its own brackets
        ("【白河网综合报道】3月27日,论坛举行。", {("白河网", "Organization", "shape")}),
        ("白河网报道称,论坛举行。", set()),
        # a credit line after a bullet opens its line: an outlet no list knows is proposed
        ("会议举行。\n□白河日报全媒体记者 王海明 实习生 孟静怡\n会谈举行。", {("白河日报", "Organization", "shape")}),
        ("会议举行。(白河日报全媒体记者王海明)", set()),
        ("活动现场。(江西网记者何勇摄)", set()),  # an outlet no list knows, in a caption's credit
        ("本报讯(记者刘明)推介会举行。", set()),
        ("推介会举行。\n来源：环渤海新闻网", {("环渤海新闻网", "Organization", "shape")}),
        ("推介会举行。(编辑张三)来源：交汇点新闻", {("交汇点新闻", "Organization", "shape")}),
        ("青岛日报社/观海新闻记者孙明亮\n推介会举行。",
         {("青岛日报社", "Organization", "shape"), ("观海新闻", "Organization", "shape")}),
        ("央视新闻客户端消息，推介会举行。", {("央视新闻客户端", "Organization", "shape")}),
        # a caption's credit: an outlet no list knows joined to a listed one is proposed too
        ("推介会举行。([白河日报:Organization]/青松新闻记者 王海明)",
         {("白河日报", "Organization", "gazetteer"), ("青松新闻", "Organization", "shape")}),
        ("活动现场。青松云/[白河日报:Organization]记者 王海明摄",
         {("白河日报", "Organization", "gazetteer"), ("青松云", "Organization", "shape")}),
        ("活动现场。(江西网/青松新闻记者何勇摄)", set()),  # neither is listed
        # the unit of a credit's names, or of an article's source, is their body
        ("推介会举行。(文/图:青山协会秘书处王甜甜)\n", {("青山协会秘书处", "Organization", "shape")}),
        ("会议召开。\n\n(来源:青山事务办公室;撰稿人:王明)\n", {("青山事务办公室", "Organization", "shape")}),
        ("会议召开。\n\n(来源:青山事务部;撰稿人:王明)\n", set()),  # no unit's word (办公室, 秘书处)
        ("推介会举行。(编辑:青山协会秘书处)\n", set()),  # a unit no names follow
        ("生产的电，供应全市。", set()),
        # the outlet of a header line: before the date, another field or its byline's words
        ("来源:白河日报2014年04月15日\n本报讯(记者刘明)推介会举行。", {("白河日报", "Organization", "shape")}),
        ("2009年08月26日 来源:白河晚报 作者:⊙本报记者 王海明\n推介会举行。", {("白河晚报", "Organization", "shape")}),
        ("来源:白河网 | 作者:王海明\n推介会举行。", {("白河网", "Organization", "shape")}),
        ("来源:白河网上的消息称推介会举行。", set()),
        ("计划投产。\n\n青都讯 记者马小平 朱中齐 昨日上午,工厂奠基仪式举行。", set()),  # a short name: no entity
        # a header line of outlets and a date or time only, maybe after a title run into it
        ("市长会见客人\n\n2010年05月09日 11:17   白河都市报\n\n推介会举行。", {("白河都市报", "Organization", "shape")}),
        ("青松新闻网  2005-07-12 03:32:02 白河日报\n\n推介会举行。",
         {("青松新闻网", "Organization", "shape"), ("白河日报", "Organization", "shape")}),
        ("市长会见客人帮[白河:City]吸引更多外资[白河:City]晚报 2018-09-29 11:56\n\n推介会举行。", {("白河晚报", "Organization", "shape")}),
        ("十大新闻 2019-11-12\n\n推介会举行。", set()),  # a title, not an outlet
        ("2019年11月12日 星期二\n\n推介会举行。", set()),
    ],
    "people.cited_outlet": [
        ("据日本《四国新闻》消息，赞岐市举办活动。", {("四国新闻", "Organization", "shape")}),
        ("据《外商投资法》规定。", set()),
        # a reporter of the outlet, an interview it made; outlets listed before the cue are cited too
        ("◆《日本青山侨报》记者王明报道。", {("日本青山侨报", "Organization", "shape")}),
        ("副主席接受了《白河时报》、《青山新报》的专访。",
         {("白河时报", "Organization", "shape"), ("青山新报", "Organization", "shape")}),
        ("他接受了《新闻联播》采访。", set()),  # a programme, no outlet's suffix
    ],
    "people.leader_cue": [
        ("王建国率青岛市经贸代表团赴日本考察。", {("王建国", "Person", "person")}),
        ("代表团率先抵达。", set()),
    ],
    "people.photo_credit": [
        # a name before 摄 at a line's end after a bracket or an outlet's name (spaces: see the test below)
        ("白河港一角。青山社发(周海平摄)\n会议举行。", {("周海平", "Person", "person")}),
        ("工厂的车间。(青山网陈美华摄)", {("陈美华", "Person", "person")}),
        ("白河气温。平均摄氏20度。", set()),
    ],
    "people.honored": [
        # a name with a surname before 先生/女士, opening a clause or after a cue word
        ("过去，王建国先生为合作做出了贡献。", {("王建国", "Person", "person")}),
        ("市长对山田太郎先生表示感谢。", {("山田太郎", "Person", "person")}),
        ("公司的周小红女士出席。", {("周小红", "Person", "person")}),
        # after a cause (因) or a firm's rank written short (常务); a listed place inside the given name
        ("两市因聂明先生结缘。", {("聂明", "Person", "person")}),
        ("[青山:City]与[白河:City]因孙[中山:City]先生结缘。",
         {("孙中山", "Person", "person")}),
        ("[白河银行:Company]常务正木一郎先生致辞。", {("正木一郎", "Person", "person")}),
        ("两市因合作先生结缘。", set()),
        # a surname alone, no name, a title, a listed name
        ("感谢田中先生。李先生说。这位女士说。", set()),
        ("双方女士出席。", set()),
        ("感谢[青山商会:Organization]先生们。", set()),
        ("他向副市长先生致意。", set()),
    ],
    "people.speaker": [
        # a name with a surname between a clause's start and a verb of speech: a person, with no title
        ("会上,王建国表示,双方将加强合作。", {("王建国", "Person", "person")}),
        ("中村一郎在致辞中说,合作成果丰硕。", {("中村一郎", "Person", "person")}),
        ("据李明介绍说,项目进展顺利。", {("李明", "Person", "person")}),
        ("李强表示,将推进合作。", {("李强", "Person", "person")}),
        # a verb of attending: who attends, with no title; not a side (中方出席)
        ("会谈举行。\n高明远参加会见。", {("高明远", "Person", "person")}),
        ("山田一郎出席青山至白河航线开通仪式", {("山田一郎", "Person", "person")}),
        ("会谈举行。中方出席。", set()),
        # a company's short name that is a surname opens the name; a trade word after it names the firm
        ("会见后,[小松:Company]道彦接受记者采访时说。", {("小松道彦", "Person", "person")}),
        ("[小松:Company]精密表示,将扩大投资。", set()),
        # sides, bodies, pronouns and titles speak too, but are no names
        ("日方表示,愿意合作。", set()),
        ("双方均认为合作重要。", set()),
        ("该公司表示,将扩产。", set()),
        ("刘书记表示欢迎。", set()),
        ("[黄石:City]表示欢迎。", set()),
        # a name inside a clause, after other words, is no speaker of this rule
        ("他向王建国表示感谢。", set()),
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


@pytest.mark.parametrize(("source", "rule", "expected"), [
    # the source's spaces split a byline's names, a rare surname (冒) after a listed one (王)
    ("本报7月16日讯(记者 王明 冒青)今天下午,省长会见客人。", "people.byline_credits", {"王明", "冒青"}),
    # no name runs across such a space, whichever rule reads it (记者 as a head word)
    ("本报7月16日讯(记者 王明 冒青)今天下午,省长会见客人。", "people.leader_list", set()),
    ("本报7月16日讯(记者王明冒青)今天下午,省长会见客人。", "people.leader_list", {"王明冒青"}),
    # a space that pads a two-character name (张 波) cuts nothing
    ("会议举行。\n记者 张 波 通讯员 汪明珩", "people.byline_credits", {"张波", "汪明珩"}),
    # a credit after a space that ends the line's source (来源:青山日报网站 编辑:王明东)
    ("会议举行。\n(来源:青山日报网站 编辑:王明东)", "people.byline_credits", {"王明东"}),
    ("会议举行。\n(青山日报网站 编辑:王明东)", "people.byline_credits", set()),
    # pieces none of which opens with a listed surname are no names (作者:佚名  来源:)
    ("作者:佚名  来源:青山日报网   更新:2018-10-26\n会议举行。", "people.byline_credits", set()),
])
def test_a_space_between_ideographs_in_the_source_ends_a_name(nlp, component, source, rule, expected):
    normalized = normalize(source)
    doc = build_doc(nlp, normalized.text)
    doc._.spaces = normalized.spaces
    component("kg_people", (rule,))(doc)
    assert {c.text for c in doc._.candidates if c.label == "Person"} == expected


@pytest.mark.parametrize(("rule", "markup", "expected"), [
    # a name opens with no common word of the language (jieba's dictionary): the word and what follows
    # are no name; a name with a common surname may follow the word
    ("people.title_before_name", "希望海外华侨经常回国看看。", set()),
    ("people.leader_list", "两市高层领导经常互访和接触。", set()),
    ("people.leader_list", "省政府领导干部、嘉宾出席。", set()),
    ("people.title_before_name", "[青松国驻白河总领馆:GovernmentBody]总领事代理王明到场见证。", {("王明", "总领事")}),
    # a common surname or a listed one that makes a word with what follows keeps the name
    ("people.title_before_name", "[青山协会:Organization]会长高峰出席。", {("高峰", "会长")}),
    ("people.title_before_name", "[青山协会:Organization]会长王国平出席。", {("王国平", "会长")}),
    ("people.title_before_name", "[青山大学:Organization]教授高原秀树表示。", {("高原秀树", "教授")}),
    # a shorter form that stands alone elsewhere ends the name before a verb or a function word
    ("people.title_before_name", "[青山协会:Organization]秘书长周明用流利的日语致辞。周明指出,交流重要。",
     {("周明", "秘书长")}),
    ("people.title_before_name", "[青松国:Country]驻白河总领事山田隆参与了活动。山田隆表示,很高兴。",
     {("山田隆", "总领事")}),
    # a surname alone stands for the whole name: 和 stays in it
    ("people.title_before_name", "[青山协会:Organization]会长高桥和也出席。高桥表示,很高兴。",
     {("高桥和也", "会长")}),
    # no mark or cue word after the name: a common word of the language right after it ends it,
    # the longest name that is no word and opens none
    ("people.title_before_name", "[青松国驻白河:GovernmentBody]总领事周海拜会当地商会。", {("周海", "总领事")}),
    ("people.title_before_name", "[青山协会:Organization]海外委员陈东明召集。", {("陈东明", "委员")}),
    ("people.title_before_name", "[青松株式会社:Company]董事长山田道夫第一次来访。", {("山田道夫", "董事长")}),
    ("people.title_before_name", "[青山市:City]市长高度重视此事。", set()),
])
def test_a_name_ends_before_the_common_words_of_the_language(nlp, component, rule, markup, expected):
    found = _candidates(nlp, component, "kg_people", rule, markup)
    assert {(text, title) for text, label, _, title in found if label == "Person"} == expected


@pytest.mark.parametrize(("markup", "expected"), [
    # a title's slot, up to a mark or a verb of the language, holds a name of a name's length and
    # characters whatever its surname: after a body or a place that vouches for the title
    ("[青山县:Region]知事骁浩、[白河道:Region]副知事山田光男会见了代表团。", {("骁浩", "知事"), ("山田光男", "副知事")}),
    ("[青山市议会:GovernmentBody]新任议长麦熊正直、副议长山田光男出席。", {("麦熊正直", "议长"), ("山田光男", "副议长")}),
    # or with none, unless the fill opens with a function word, counts, or the title is inside a word
    ("随后,团长骁梨沙表示,收获很大。", {("骁梨沙", "团长")}),
    ("两位市长均称,和平重要。", set()),
    ("其中会长、社长逾百人。", set()),
    ("[青山执行委员会:Organization]最高顾问出席。", set()),
    ("交流了留学生外派及接收制度。", set()),
    # a cue that is a common surname opens a name of two before a verb (于 of 副市长于冲参加)
    ("副市长于骁参加了仪式。", {("于骁", "副市长")}),
    ("副市长于近日出席。", set()),
    # a word of time, a foreign name going on after ·, a listed surname across the title's end: no slot
    ("[青山县:Region]长年来与中方合作。", set()),
    ("[青山市:City]市长帕骁·若尔特出席。", set()),
    ("[青山总领事馆:GovernmentBody]就任总领事一职,到访白河。", set()),
    # a verb or adverb right after the name ends it (接待, 报告, 曾经, 做)
    ("[青山大学:Organization]副院长周丽霞接待了代表团。", {("周丽霞", "副院长")}),
    ("[青山省:Region]前省长许仲明曾经到此视察。", {("许仲明", "省长")}),
    ("[青山省:Region]副省长宋立继做总结讲话。", {("宋立继", "副省长")}),
    ("[青山市:City]副市长田中一郎报告了成果。", {("田中一郎", "副市长")}),
    # 也 (also) before a preposition or adverb, 与 (with) between two names: no given name goes on over them
    ("[青松国:Country]驻华大使骁秀夫也在致辞中说。", {("骁秀夫", "大使")}),
    ("[青山局:GovernmentBody]副局长何丽与舟山副议长会谈。", {("何丽", "副局长")}),
    # but a Japanese given name ends in 也 before a noun, or after a listed surname of two
    ("[青山县:Region]知事骁增拓也一行来访。", {("骁增拓也", "知事")}),
    ("[青山协会:Organization]会长高桥和也也在会上发言。", {("高桥和也", "会长")}),
])
def test_a_titles_slot_holds_a_name_of_a_names_shape(nlp, component, markup, expected):
    found = _candidates(nlp, component, "kg_people", "people.title_before_name", markup)
    assert {(text, title) for text, label, _, title in found if label == "Person"} == expected


@pytest.fixture(scope="module")
def tiny_gazetteer(tmp_path_factory):
    """A gazetteer of its own: 吴中区 in 苏州 in 江苏省 in 中国, 资兴 (a county-level city), 清华, 青岭地区 (a customary region)."""
    path = tmp_path_factory.mktemp("gazetteer") / "tiny.tsv"
    path.write_text(
        "surface\tlabel\tcanonical\tparent\tparent_label\tkind\n"
        "吴中区\tDistrict\t吴中区\t苏州\tCity\tfull\n"
        "吴中\tDistrict\t吴中区\t苏州\tCity\tshort\n"
        "州城市\tCity\t州城\t江苏省\tRegion\tfull\n"
        "苏州\tCity\t苏州\t江苏省\tRegion\tshort\n"
        "江苏省\tRegion\t江苏省\t中国\tCountry\tfull\n"
        "资兴\tCity\t资兴市\t郴州\tCity\tshort\n"
        "松山\tCity\t松山市\t爱媛县\tRegion\tshort\n"
        "青松市\tCity\t青松市\t爱媛县\tRegion\tfull\n"
        "上海\tCity\t上海\t中国\tCountry\tshort\n"
        "中国驻大阪总领事馆\tGovernmentBody\t中国驻大阪总领事馆\t中国\tCountry\tfull\n"
        "中国政府\tGovernmentBody\t中国政府\t中国\tCountry\tshort\n"
        "清华\tOrganization\t清华大学\t\t\tshort\n"
        "日经\tOrganization\t日本经济新闻\t日本\tCountry\tshort\n"
        "东盟\tOrganization\t东盟\t\t\tshort\n"
        "JT\tCompany\t青松烟草\t\t\talias\n"
        "文山\tCity\t文山\t文山州\tRegion\tshort\n"
        "山西\tRegion\t山西省\t中国\tCountry\tshort\n"
        "青岭\tRegion\t青岭地区\t中国\tCountry\tshort\n"
        "青岭地区\tRegion\t青岭地区\t中国\tCountry\tfull\n"
        "中国\tCountry\t中国\t\t\tfull\n", encoding="utf-8")
    return str(path)


def test_a_listed_city_written_without_its_suffix_in_a_list(nlp, component, tiny_gazetteer):
    """entities.list_item: 青松 among places is the listed 青松市 (a minor city's short form is not listed)."""
    from kg.pipeline.gazetteer import load_index

    doc = build_doc(nlp, "访问了[上海:City]、[苏州:City]、青松等城市。")
    doc._.gazetteer = load_index((tiny_gazetteer,), 2)
    doc._.mentions.clear()
    doc._.entities.clear()
    component("kg_entities", ("entities.list_item",))(doc)
    assert {(m.text, m.key.name, m.key.label) for m in doc._.mentions if m.rule == "entities.list_item"} \
        == {("青松", "青松市", "City")}


@pytest.mark.parametrize(("markup", "expected"), [
    ("代表团来沪访问，在苏期间参观。", {("沪", "上海", "City", 4), ("苏", "江苏省", "Region", 9)}),
    # the home city first, from its own characters (苏 of 苏州, not 江苏省)
    ("[苏州:City>江苏省]市长表示，客商来苏投资。", {("苏", "苏州", "City", 10)}),
    ("代表团来宁访问，沪上风景。", set()),  # 宁 stands for two places; no verb after 沪
    # a host receiving guests where he is (在汉会见, 在京会见)
    ("省委书记在沪会见了代表团。", {("沪", "上海", "City", 5)}),
    # where the clause ends right after it (率团访沪。, 此次来苏，)
    ("市长率团访沪。此次来苏，参观了工厂。", {("沪", "上海", "City", 5), ("苏", "江苏省", "Region", 10)}),
])
def test_place_abbreviation(nlp, component, tiny_gazetteer, markup, expected):
    """entities.place_abbreviation: a place's one-character form between 在, 来… and a verb or 期间."""
    from kg.pipeline.gazetteer import load_index

    doc = build_doc(nlp, markup)
    doc._.gazetteer = load_index((tiny_gazetteer,), 2)
    doc._.mentions.clear()
    doc._.entities.clear()
    component("kg_entities", ("entities.place_abbreviation",))(doc)
    assert {(m.text, m.key.name, m.key.label, m.start) for m in doc._.mentions
            if m.rule == "entities.place_abbreviation"} == expected


def test_overlapping_short_forms_a_province_wins(nlp, tiny_gazetteer):
    from kg.pipeline.entities.resolution import select

    gazetteer = nlp.create_pipe("kg_gazetteer", config={"files": [tiny_gazetteer]})
    doc = gazetteer(nlp.make_doc("展示人文山西。"))
    assert [(c.text, c.label) for c in select(doc._.candidates)] == [("山西", "Region")]


@pytest.mark.parametrize(("text", "expected"), [
    ("苏州吴中区与清华合作。", {("苏州", "City", "苏州"), ("吴中区", "District", "吴中区"), ("清华", "Organization", "清华大学")}),
    ("投资兴业。", set()),  # 资兴 inside a word is no city
    ("松山湖畔。", set()),  # a lake named after a place
    ("资兴市与松山签约。", {("资兴", "City", "资兴市"), ("松山", "City", "松山市")}),  # 市 after it, 与 before it
    ("苏州城市面貌一新。", {("苏州", "City", "苏州")}),  # 苏州 and 城市 (city), not a listed 州城市
    ("州城市面貌一新。", {("州城市", "City", "州城")}),
    ("游览大资兴山。", set()),  # a county-level city's short form starts a word (not 台山 in 五台山)
    ("江苏省资兴签约。", {("江苏省", "Region", "江苏省"), ("资兴", "City", "资兴市")}),  # or follows a place
    ("促进对日经贸交流。", set()),  # a body's two-character short form inside a word
    ("据日经报道。", {("日经", "Organization", "日本经济新闻")}),
    ("对东盟进出口增长。", {("东盟", "Organization", "东盟")}),  # 日 or 中 opens those that must stand alone
    # a Latin name is a whole word: JT is no firm inside JTB or JT2, it is one before 公司
    ("旅行社JTB发布数据。", set()),
    ("旅行社JT2发布数据。", set()),
    ("JT公司发布数据。", {("JT", "Company", "青松烟草")}),
    ("设立中国区总部。", set()),  # a company's China division
    ("来到青山蒙古族乡。", set()),  # a people, not the country
    ("中国区域经济。", {("中国", "Country", "中国")}),
    # a district's bare name: where the article names its city or province, and it starts a word
    ("苏州客商在吴中投资。", {("苏州", "City", "苏州"), ("吴中", "District", "吴中区")}),
    ("江苏省客商在吴中投资。", {("江苏省", "Region", "江苏省"), ("吴中", "District", "吴中区")}),
    ("苏州吴中投资。", {("苏州", "City", "苏州"), ("吴中", "District", "吴中区")}),
    ("客商在吴中投资。", set()),  # no city, no province: perhaps a person
    ("苏州的老吴中标了。", {("苏州", "City", "苏州")}),  # inside words
    # a government, then 部门 or 机构: a class of bodies, no mention of the government
    ("中国政府部门出席。", {("中国", "Country", "中国")}),
    ("中国政府支持。", {("中国", "Country", "中国"), ("中国政府", "GovernmentBody", "中国政府")}),
])
def test_gazetteer_rule(nlp, tiny_gazetteer, text, expected):
    gazetteer = nlp.create_pipe("kg_gazetteer", config={"files": [tiny_gazetteer]})
    doc = gazetteer(nlp.make_doc(text))
    assert all(c.rule == "gazetteer.listed" for c in doc._.candidates)
    assert {(c.text, c.label, c.canonical) for c in doc._.candidates} == expected


ENTITIES = {
    "entities.list_item": [
        # 团体 (organized groups) heads a list of organizations
        ("还与青松贸易振兴会、东海青松贸易中心等知名团体开展交流。",
         {("青松贸易振兴会", "青松贸易振兴会", "Organization", 2), ("东海青松贸易中心", "东海青松贸易中心", "Organization", 10)}),
        ("拜访了[丰田:Company]、[电装:Company]、爱信精机等企业。", {("爱信精机", "爱信精机", "Company", 9)}),
        # 友好 (friendly) describes the tie of the head, not the items: 友好团体, 友好城市
        ("[白河:City]日中友好会、碧波会等友好团体代表出席。",
         {("白河日中友好会", "白河日中友好会", "Organization", 0), ("碧波会", "碧波会", "Organization", 8)}),
        ("与[白河:City]、翠谷等友好城市交流。", {("翠谷", "翠谷", "City", 4)}),
        ("拜访了[丰田:Company]、[电装:Company]、爱信精机。", {("爱信精机", "爱信精机", "Company", 9)}),
        ("拜访了丰田、电装、爱信精机。", set()),  # no head noun, no item known
        # a head noun that opens the first item only, with no head after the list and no other item
        # known: a list of aims or activities, no names
        ("为在青投资企业提供优质、高效、精准服务。", set()),
        ("组织优势领域企业走进青松、投资青松。", set()),
        # but a known name right after the head noun makes it a list of names
        ("电子行业重点企业[青松电子:Company]、白河射频、绿山通讯等一季度进出口增长。",
         {("白河射频", "白河射频", "Company", 13), ("绿山通讯", "绿山通讯", "Company", 18)}),
        # projects after 等 are named by their firms where they sign, settle or start; else topics
        ("推动促成青木创投、白石长盛、东川财富等项目完成签约。",
         {("青木创投", "青木创投", "Company", 4), ("白石长盛", "白石长盛", "Company", 9),
          ("东川财富", "东川财富", "Company", 14)}),
        ("青木建材、白石乳业等5个项目集中签约。",
         {("青木建材", "青木建材", "Company", 0), ("白石乳业", "白石乳业", "Company", 5)}),
        ("围绕人才培养、技术交流等项目开展合作。", set()),
        ("推进青木铸造新工厂、白石制锯增资等项目落地。", set()),  # a plant, a capital increase: no firm's name
        ("他希望该项目早建成、早投产、早见效。", set()),  # 项目 heads no list inside its first item
        # a head described by its trade and activity (汽车零部件生产企业, 出口加工企业)
        ("青福、白帕克、森木等十余家日本汽车零部件生产企业已入驻园区。",
         {("青福", "青福", "Company", 0), ("白帕克", "白帕克", "Company", 3), ("森木", "森木", "Company", 7)}),
        # 企业家, 企业中, 企业间: no head noun that opens the first item
        ("期盼广大企业家选择青松、投资青松。", set()),
        ("该公司是所有在华投资企业中发展最快、运行最优良的企业之一。", set()),
        # the last item runs past a place into the clause: no place of that name
        ("与[北海道:Region]、[山形县:Region]、[新潟县:Region]结成友好关系。", set()),
        # a list of examples closed by 为代表的, its head after a count and modifiers (一批, 许多, 优秀)
        ("园区汇集了以青木精工、白川化学为代表的一批优秀日资企业。",
         {("青木精工", "青木精工", "Company", 6), ("白川化学", "白川化学", "Company", 11)}),
        ("以青木精工、白川化学为代表的许多日本企业在此投资。",
         {("青木精工", "青木精工", "Company", 1), ("白川化学", "白川化学", "Company", 6)}),
        ("以青松、白河为代表的一批项目落地。", set()),  # projects, not names
        # 诸多 describes the firms like 众多 (等诸多知名企业); 跨国 of 跨国公司 is a description already
        ("青木、白川等诸多知名企业不断扩大在此投资规模。",
         {("青木", "青木", "Company", 0), ("白川", "白川", "Company", 3)}),
        ("已有青木精工、白川化学等日本知名跨国公司在此设厂。",
         {("青木精工", "青木精工", "Company", 2), ("白川化学", "白川化学", "Company", 7)}),
        # the head after a trade or rank that describes it (供应商, 500强, 高新技术)
        ("青木精工、白川化学等12家汽车零部件供应商企业代表出席。",
         {("青木精工", "青木精工", "Company", 0), ("白川化学", "白川化学", "Company", 5)}),
        # 和 inside an item between two others is part of a name (大和精机), not a conjunction
        ("拜访了青木精工、大和精机、白川化学等企业。",
         {("青木精工", "青木精工", "Company", 3), ("大和精机", "大和精机", "Company", 8),
          ("白川化学", "白川化学", "Company", 13)}),
        # a count written 30多家, 近30家, 超过50家 before the head noun
        ("园区已吸引青木精工、白川化学、东和光电等30多家日资企业入驻。",
         {("青木精工", "青木精工", "Company", 5), ("白川化学", "白川化学", "Company", 10),
          ("东和光电", "东和光电", "Company", 15)}),
        ("已集聚青木精工、白川化学等近30家日资企业。",
         {("青木精工", "青木精工", "Company", 3), ("白川化学", "白川化学", "Company", 8)}),
        # 和 too near the last item's start to join two items is part of its name (昭和光电)
        ("拜访了青木精工、白川化学、昭和光电等企业。",
         {("青木精工", "青木精工", "Company", 3), ("白川化学", "白川化学", "Company", 8),
          ("昭和光电", "昭和光电", "Company", 13)}),
        ("拜访了青木精工、白川化学和东和光电等企业。",
         {("青木精工", "青木精工", "Company", 3), ("白川化学", "白川化学", "Company", 8),
          ("东和光电", "东和光电", "Company", 13)}),
        ("青木精工、白川化学等日本一流焊接公司先后在此投资。",
         {("青木精工", "青木精工", "Company", 0), ("白川化学", "白川化学", "Company", 5)}),
        ("与青木精工、白川化学等世界500强企业合作。",
         {("青木精工", "青木精工", "Company", 1), ("白川化学", "白川化学", "Company", 6)}),
        ("就企业发展思路、投资战略、要素保障等方面交谈。", set()),  # topics, not names
        ("介绍[青松:City]城市面貌更新、营商环境优化、新兴产业打造等情况。", set()),  # topics, not cities
        # a list after an ASCII comma (text pulled from PDF pages) starts after it
        ("会上,白河照明、[丰田:Company]、[电装:Company]等企业参会。", {("白河照明", "白河照明", "Company", 3)}),
        ("对国有企业进行改革、改造和改组。", set()),  # actions, not names
        ("考察了汽车零部件、[中国:Country]医药及食品加工等5家企业。", set()),  # trades, not names
        ("在高端制造、现代海洋、绿色低碳等领域与日韩企业合作。", set()),
        ("由[日本贸易振兴机构:Organization]、[日本商工俱乐部:Organization]、[日中经济协会:Organization]、[上海:City][长宁区:District]、"
         "上海国贸等多方支持。", {("上海国贸", "上海国贸", "Organization", 31)}),  # places stay places
        # the head noun after descriptive words; a place and a brand name a local company
        ("已有[广东:Region][斯坦雷:Company]、福拉司特、森六汽配等多家知名汽车零部件企业落户。",
         {("广东斯坦雷", "广东斯坦雷", "Company", 2), ("福拉司特", "福拉司特", "Company", 8),
          ("森六汽配", "森六汽配", "Company", 13)}),
        ("考察了青木工业、ForwardX Robotics等细分领域头部企业。",
         {("青木工业", "青木工业", "Company", 3), ("ForwardX Robotics", "ForwardXRobotics", "Company", 8)}),
        ("为公司壮大规模、提升效益发挥作用。", set()),  # aims, not names
        ("北仑区、镇海区、[宁波经开区:Zone]负责人分别作推介。", set()),  # an item runs to no clause's end
        ("与[日本:Country]宫崎、[川崎:City]、[札幌:City]等城市建立关系。", {("宫崎", "宫崎", "City", 3)}),  # not 日本宫崎
        # people, and posts: no names
        ("市委常委、新区党工委书记、[光田公司:Company~]董事长王明等企业家出席。", set()),
        ("拜访了[丰田:Company]、[电装:Company]、集团总经理等企业。", set()),
        # a head noun after a clause closed by 的, a place of the text, or a kind (…类)
        ("包括青木器材、Sunbank、白川等23家来自不同产业领域的日资标杆企业。",
         {("青木器材", "青木器材", "Company", 2), ("Sunbank", "Sunbank", "Company", 7), ("白川", "白川", "Company", 15)}),
        ("青木实业、白河CBD等10余家[青松:City]本土知名企业参会。",
         {("青木实业", "青木实业", "Company", 0), ("白河CBD", "白河CBD", "Company", 5)}),
        ("青木建材、白石乳业等5个产业类项目集中签约。",
         {("青木建材", "青木建材", "Company", 0), ("白石乳业", "白石乳业", "Company", 5)}),
        # 共享 (to share) is a word of the name, not 共 (in all) that ends a clause before it
        ("青木财务共享中心、白石发条等5个总部类项目集中签约。",
         {("青木财务共享中心", "青木财务共享中心", "Company", 0), ("白石发条", "白石发条", "Company", 9)}),
        # but the clause says what the items are (products), or where (places); an item is a topic
        ("该公司是一家从事门锁、镜片、传感器等相关产品生产的企业。", set()),
        ("青峰、白溪等地投资兴业的日本企业。", set()),
        ("在交通、人才、服务等多领域为各国企业创造良好环境。", set()),
        ("围绕人才、技术等5个产业类项目开展交流。", set()),  # 产业类 projects that do not sign
    ],
    "entities.home_body": [
        ("[无锡:City>江苏省]与大阪签约。[市委:GovernmentBody~]书记出席。", {("市委", "无锡市委", "GovernmentBody", 8)}),
        ("[市委:GovernmentBody~]书记出席。", set()),  # no home city
        # no Chinese city: the province named most often
        ("[甘南省:Region>中国]代表团来访。[省人大常委会:GovernmentBody~]主任出席。",
         {("省人大常委会", "甘南省人大常委会", "GovernmentBody", 9)}),
        ("[无锡:City>江苏省]与大阪签约。[市工商联:Organization~]主席出席。", {("市工商联", "无锡市工商联", "Organization", 8)}),
        # a seat on the standing committee held as a rank before a post of another body: a post of the place
        ("[无锡:City>江苏省]与大阪签约。[市委:GovernmentBody~]常委、副市长王明出席。", {("市委", "无锡", "City", 8)}),
        # before a post of the same body, the body
        ("[无锡:City>江苏省]与大阪签约。[市委:GovernmentBody~]常委、市委秘书长王明出席。",
         {("市委", "无锡市委", "GovernmentBody", 8)}),
    ],
    "entities.home_alias": [
        ("[无锡:City>江苏省]与大阪签约。我市企业参加。", {("我市", "无锡", "City", 8)}),
        ("我市企业参加。", set()),
    ],
    "entities.alias_note": [
        # without quotes
        ("[成都伊藤洋华堂有限公司:Company](以下简称成都伊藤)闭店。成都伊藤表示。",
         {("成都伊藤", "成都伊藤洋华堂有限公司", "Company", 16), ("成都伊藤", "成都伊藤洋华堂有限公司", "Company", 24)}),
        # after a quoted name
        ("出席“[2024中智日企新春演讲交欢会:Event~]”(简称“中智新春会”)时表示。中智新春会由中智公司主办。",
         {("中智新春会", "2024中智日企新春演讲交欢会", "Event", 23), ("中智新春会", "2024中智日企新春演讲交欢会", "Event", 34)}),
        ("[中日(大连)智能制造产业园:Zone](以下简称“产业园”)位于开发区。产业园由双日投资建设。",
         {("产业园", "中日(大连)智能制造产业园", "Zone", 19), ("产业园", "中日(大连)智能制造产业园", "Zone", 30)}),
    ],
    "entities.event_short_form": [
        ("[[郑州:City]投资环境说明会:Event~]举行。[投资环境说明会:Event~]很成功。",
         {("投资环境说明会", "郑州投资环境说明会", "Event", 12)}),
        # the headline's form, without the 市 and the bracket
        ("[[宁波:City]2012汽车零部件招商洽谈会:Event~]\n客商参加了[[宁波:City]市2012汽车零部件(日资)招商洽谈会:Event~]。",
         {("宁波2012汽车零部件招商洽谈会", "宁波市2012汽车零部件(日资)招商洽谈会", "Event", 0)}),
        # words before a name found on its own that are no part of it
        ("[[郑州:City]投资环境说明会:Event~]举行。[青木一郎对[郑州:City]投资环境说明会:Event~]表示祝贺。",
         {("郑州投资环境说明会", "郑州投资环境说明会", "Event", 17)}),
        # the series, named below the headline before one edition of it
        ("签约\n巩固[中日节能论坛:Event~]机制。[第十四届中日节能论坛:Event~]的成果。", set()),
        # the edition may be left out, or written otherwise (首届, 第一届), but not differ
        ("[第一届中国国际茶叶博览会:Event~]开幕。[首届茶叶博览会:Event~]很成功。",
         {("首届茶叶博览会", "第一届中国国际茶叶博览会", "Event", 15)}),
        ("[第十届东盟茶叶博览会:Event~]开幕。自[首届东盟茶叶博览会:Event~]起。", set()),
        # of two fuller names, the one it ends; a determiner makes an early short form this edition
        ("标题\n此次[茶叶博览会:Event~]很大。[2018茶叶博览会推介会:Event~]。[第一届中国茶叶博览会:Event~]成功。",
         {("茶叶博览会", "第一届中国茶叶博览会", "Event", 5)}),
        # a listed event that another event's word follows names another event
        ("[[茶博会:Event]推介会:Event~]举行。[茶博会:Event]开幕。", set()),
        # 经贸 and 经济贸易 written alike; a short form below the headline with the full one's edition is one
        ("标题\n[日本—中国湖南省经贸合作交流会:Event~]开幕。[日本-中国湖南省经济贸易合作交流会:Event~]由湖南主办。",
         {("日本—中国湖南省经贸合作交流会", "日本-中国湖南省经济贸易合作交流会", "Event", 3)}),
        ("[神户科技交流会:Event~]开幕。[神户科学技术交流会:Event~]很成功。",
         {("神户科技交流会", "神户科学技术交流会", "Event", 0)}),
        # an edition in digits or in Chinese numerals: the name written first
        ("[第七届甲乙地方友好研讨会:Event~]在青山召开。[第7届甲乙地方友好研讨会:Event~]很成功。",
         {("第7届甲乙地方友好研讨会", "第七届甲乙地方友好研讨会", "Event", 18)}),
        ("[第12届甲乙友好论坛:Event~]开幕。回顾[第十一届甲乙友好论坛:Event~]。", set()),
        # two forms of one name that differ by a 与 only
        ("[青山·白河贸易与投资洽谈会:Event~]开幕。[青山·白河贸易投资洽谈会:Event~]由青山主办。",
         {("青山·白河贸易投资洽谈会", "青山·白河贸易与投资洽谈会", "Event", 16)}),
        # the headline's shorter wording of the one event below that spells it out
        ("[甲省—日本乙县交流会:Event~]举办\n[第五次中国甲省—日本乙县交流促进会:Event~]在南京举办。",
         {("甲省—日本乙县交流会", "第五次中国甲省—日本乙县交流促进会", "Event", 0)}),
        ("[甲乙交流会:Event~]举办\n[甲乙经贸交流大会:Event~]和[甲乙文化交流大会:Event~]举办。", set()),
        ("[甲乙交流会:Event~]举办\n[甲乙经贸交流大会:Event~]举办。[甲乙交流会:Event~]很好。", set()),
        # no event below spells the headline's, but one below ends in its event word
        ("[双30周年交流会:Event~]举办\n[甲乙友好30周年纪念交流会:Event~]在青山举办。",
         {("双30周年交流会", "甲乙友好30周年纪念交流会", "Event", 0)}),
        ("[双30周年交流会:Event~]举办\n[甲乙友好30周年纪念交流会:Event~]和[丙丁企业合作交流会:Event~]举办。", set()),
    ],
    "entities.this_event": [
        # a name after 此次/本次 (maybe in quotes) sharing words with the event named before: that event
        ("[青山论坛-中日健康交流分论坛:Event~]举行。此次[中日健康医疗交流会议:Event~]旨在合作。",
         {("中日健康医疗交流会议", "青山论坛-中日健康交流分论坛", "Event", 19)}),
        ("「[青山·白河东部友好周:Event~]」活动举行。本次「[白河东部周:Event~]」活动很成功。",
         {("白河东部周", "青山·白河东部友好周", "Event", 20)}),
        # of two named before, the one it shares the longest run with
        ("[白河健康交流论坛:Event~]后举行[青山经贸合作会议:Event~]。此次[青山经贸洽谈会议:Event~]很成功。",
         {("青山经贸洽谈会议", "青山经贸合作会议", "Event", 22)}),
        # no determiner; named on its own before the determiner: another event
        ("[中日健康交流分论坛:Event~]举行。[中日健康医疗交流会议:Event~]旨在合作。", set()),
        ("[中日健康交流论坛:Event~]与[中日健康合作会议:Event~]举行。此次[中日健康合作会议:Event~]很好。", set()),
        # another edition, a part held on its own, a place the one before does not name, only the event word shared
        ("[2018青山白河交流会:Event~]举行。本届[2019青山白河交流会:Event~]开幕。", set()),
        ("[中日青年友好论坛:Event~]开幕。此次[中日青年友好分论坛:Event~]举行。", set()),
        ("[中日经贸合作交流会:Event~]举行。此次[[大阪:City]中日经贸合作交流会:Event~]举行。", set()),
        ("[中日经贸交流会:Event~]举行。此次[青年友好交流会:Event~]举行。", set()),
    ],
    "entities.event_sessions": [
        # a session (环节) and the themes listed of an event are the event
        ("[2019中日交流大会:Event~]举行。大会设定两个主题，分别为[地方政府对话:Event~]、[经贸展示交流会:Event~]。",
         {("地方政府对话", "2019中日交流大会", "Event", 25), ("经贸展示交流会", "2019中日交流大会", "Event", 32)}),
        ("[2019中日交流大会:Event~]举行。在[经贸展示交流会:Event~]环节，企业宣传了产品。",
         {("经贸展示交流会", "2019中日交流大会", "Event", 14)}),
        ("[2019中日交流大会:Event~]举行。[经贸展示交流会:Event~]同期举行。", set()),
    ],
    "entities.bracket_alias": [
        ("[中国国际贸易促进委员会浙江省分会:Organization~]([浙江省国际商会:Organization~])与日方签约。",
         {("浙江省国际商会", "中国国际贸易促进委员会浙江省分会", "Organization", 17)}),
        ("[松下电器:Company]([苏州:City])投资。", set()),  # a place in brackets is no other name
    ],
    "entities.backref": [
        ("[苏州示范区:Zone~]成立。[示范区:Zone?]建设加快。", {("示范区", "苏州示范区", "Zone", 8)}),
        # the latest one before it
        ("[苏州示范区:Zone~]成立。[无锡示范区:Zone~]成立。[示范区:Zone?]建设加快。", {("示范区", "无锡示范区", "Zone", 16)}),
        ("[代表团:Organization?]访日。", set()),  # nothing to refer to
        # a delegation word where none of that word was named: the one delegation named under another
        ("[青山市友好访问团:Organization~]访日。[代表团:Organization?]出席。", {("代表团", "青山市友好访问团", "Organization", 11)}),
        ("[青山市访问团:Organization~]、[白河市考察团:Organization~]访日。[代表团:Organization?]出席。", set()),  # which?
        # an event's name ends before the place a dash adds to it
        ("[第二届日中未来论坛-粤港澳大湾区:Event~]开幕。该[论坛:Event?]在广州举办。",
         {("论坛", "第二届日中未来论坛-粤港澳大湾区", "Event", 20)}),
        # a bare event word joined by 及 or 暨 to the event named right before it is that event
        ("[青松友好交流会:Event~]召开。[白河友好座谈会:Event~]及[交流会:Event?]举行。",
         {("交流会", "白河友好座谈会", "Event", 18)}),
        ("[青松友好交流会:Event~]召开。[白河友好座谈会:Event~]举行，[交流会:Event?]随后举行。",
         {("交流会", "青松友好交流会", "Event", 20)}),
    ],
    "entities.home_zone": [
        ("[无锡:City>江苏省]推介了[高新区:Zone?]、[经开区:Zone?]。",
         {("高新区", "无锡高新区", "Zone", 5), ("经开区", "无锡经开区", "Zone", 9)}),
        ("[无锡:City>江苏省]推介了[示范区:Zone?]。", set()),  # not a word of a city's own zone
        ("推介了[高新区:Zone?]。", set()),  # no home city
    ],
    "entities.without_country": [
        ("[中国国际贸易促进委员会:Organization]与国际贸易促进委员会。",
         {("国际贸易促进委员会", "中国国际贸易促进委员会", "Organization", 12)}),
        ("[中国贸促会:Organization]与贸促会。", set()),  # too short a name
    ],
    "entities.zone_without_place": [
        # a zone with a name of its own after its county: known without the county too
        ("落户[[肥西县:District]梨花工业园:Zone]。梨花工业园招商。",
         {("梨花工业园", "肥西县梨花工业园", "Zone", 11)}),
        ("[[大连:City]经济技术开发区:Zone]。经济技术开发区。", set()),  # the place makes the name
    ],
    "entities.delegation_short_form": [
        ("[辽宁省经贸代表团:Organization~]访问日本。[辽宁代表团:Organization~]抵达东京。",
         {("辽宁代表团", "辽宁省经贸代表团", "Organization", 13)}),
        ("[辽宁省经贸代表团:Organization~]访问日本。[吉林代表团:Organization~]抵达东京。", set()),
    ],
    "entities.delegation_sender": [
        # the body a delegation is named after, named nowhere else: named there
        ("[[[白河县:Region]政府:GovernmentBody~]代表团:Organization~]访问青山。",
         {("白河县政府", "白河县政府", "GovernmentBody", 0)}),
        ("[[[白河县:Region]日中友好协会:Organization~]代表团:Organization~]访问青山。",
         {("白河县日中友好协会", "白河县日中友好协会", "Organization", 0)}),
        # a place sends it (no body), or the body is named on its own too
        ("[[青山新区:Zone~]代表团:Organization~]访问白河。", set()),
        ("[白河县政府:GovernmentBody~]派出[[白河县政府:GovernmentBody~]代表团:Organization~]。", set()),
    ],
    "entities.department_ministry": [
        # the ministry a department's name opens, named nowhere else: named there
        ("[[青山部:GovernmentBody]国际合作司:GovernmentBody~]副司长王明出席。",
         {("青山部", "青山部", "GovernmentBody", 0)}),
        # named on its own too, or a place opens the department's name
        ("[青山部:GovernmentBody]与[[青山部:GovernmentBody]亚洲司:GovernmentBody~]。", set()),
        ("[[白河县:Region]亚洲司:GovernmentBody~]出席。", set()),
    ],
    "entities.same_entity": [
        # a company's name without the trade words that end it, when it is so of one other only
        ("[青松渔业集团:Company~]与[双日:Company]签约。[青松集团:Company~]表示。",
         {("青松集团", "青松渔业集团", "Company", 12)}),
        ("[白河青松马达有限公司:Company~]成立。[白河青松马达电机公司:Company~]表示。",
         {("白河青松马达电机公司", "白河青松马达有限公司", "Company", 13)}),
        ("[东风汽车集团股份有限公司:Company~]与[东风汽车:Company]。", {("东风汽车集团股份有限公司", "东风汽车", "Company", 0)}),
        ("[青松:Company]、[青松金属:Company~]与[青松化学:Company~]。", set()),  # which one?
        ("[东丽:Company]设立[东丽中国有限公司:Company~]。", set()),  # its branch in a country
        # a shaped name is a listed one with a legal form: the listed name stays
        ("[[安川电机:Company]株式会社:Company~]成立。[安川电机:Company]表示。", {("安川电机株式会社", "安川电机", "Company", 0)}),
        # the long and the short ending of a zone; the longer name stays
        ("[[天津:City]经济技术开发区:Zone~]与[[天津:City]开发区:Zone~]。", {("天津开发区", "天津经济技术开发区", "Zone", 10)}),
        # with and without the country or place that opens the name
        ("[[日本:Country]九州商旅集团:Company~]成立。[九州商旅集团:Company~]表示。",
         {("九州商旅集团", "日本九州商旅集团", "Company", 11)}),
        ("[[大连:City]日本商工会:Organization~]与[[沈阳:City]日本商工会:Organization~]。[日本商工会:Organization~]",
         set()),  # the short form of two names is neither
        ("[[苏州:City]高新区:Zone~]与[[无锡:City]高新区:Zone~]。", set()),
        ("[旭硝子株式会社:Company~]本部长出席。会见了[旭硝子(AGC)株式会社:Company~]。",
         {("旭硝子株式会社", "旭硝子(AGC)株式会社", "Company", 0)}),  # the longer name stays
        ("[东风汽车:Company]表示。[东风汽车公司:Company~]董事长说。", {("东风汽车公司", "东风汽车", "Company", 7)}),
        # 友协, the short form of a friendship association, with or without 人民对外 or 对外 before it
        ("[[青山省:Region]人民对外友好协会:Organization~]与[[白河市:City]日中友好协会:Organization~]签约。"
         "[[青山省:Region]友协:Organization~]副会长会见[[白河市:City]日中友协:Organization~]一行。",
         {("青山省友协", "青山省人民对外友好协会", "Organization", 24), ("白河市日中友协", "白河市日中友好协会", "Organization", 34)}),
        ("[[青山省:Region]对外友协:Organization~]与[[青山省:Region]人民对外友好协会:Organization~]。",
         {("青山省对外友协", "青山省人民对外友好协会", "Organization", 0)}),
        # a place written with and without the 市 no list drops; a body's long and short ending
        ("[[赞川市:City]商工会:Organization~]成立。[赞川商工会:Organization~]表示。",
         {("赞川商工会", "赞川市商工会", "Organization", 9)}),
        ("[[泉州:City]市外事办公室:GovernmentBody~]与[[泉州:City]市外事办:GovernmentBody~]会谈。",
         {("泉州市外事办", "泉州市外事办公室", "GovernmentBody", 9)}),
        # a friendship association's long and short ending (友好协会, 友协)
        ("[[青山市:City]日中友好协会:Organization~]会见。[[青山市:City]日中友协:Organization~]一行出席。",
         {("青山市日中友协", "青山市日中友好协会", "Organization", 12)}),
        # one place written with and without 市
        ("[[天津:City]人大常委会:GovernmentBody~]会见。[[天津:City]市人大常委会:GovernmentBody~]主任出席。",
         {("天津人大常委会", "天津市人大常委会", "GovernmentBody", 0)}),
        # a short word of the middle of a body's or zone's name left out, where it holds no place
        ("[白河珠宝文化创意产业园:Zone~]开园。[白河文化创意产业园:Zone~]招商。",
         {("白河文化创意产业园", "白河珠宝文化创意产业园", "Zone", 14)}),
        ("[青山国际企业发展局:GovernmentBody~]与[青山企业发展局:GovernmentBody~]会谈。",
         {("青山企业发展局", "青山国际企业发展局", "GovernmentBody", 10)}),
        ("[[白河:Region]壮族自治区政府:GovernmentBody~]与[[白河:Region]自治区政府:GovernmentBody~]。",
         {("白河自治区政府", "白河壮族自治区政府", "GovernmentBody", 10)}),
        ("[[江苏省:Region]贸促会:Organization~]与[[江苏省:Region][苏州:City]贸促会:Organization~]。", set()),
        ("[白河文化产业园:Zone~]、[白河青松文化产业园:Zone~]与[白河红叶文化产业园:Zone~]。", set()),  # which one?
        # a group and its parent company named with a legal form are two; a short form joins one of them
        ("[[日本:Country]青松化学株式会社:Company~]董事、[青松化学集团:Company~]中国总代表出席。", set()),
        ("[青松化学集团:Company~]与[青松化学有限公司:Company~]签约。", set()),
        ("[[日本:Country]青松化学株式会社:Company~]董事出席。[青松化学:Company]表示。",
         {("日本青松化学株式会社", "青松化学", "Company", 0)}),
        ("[[日本:Country]青松集团:Company~]成立。[青松集团:Company~]表示。", {("青松集团", "日本青松集团", "Company", 9)}),
    ],
    "entities.surname_alone": [
        # the surname alone names the one person whose name it opens
        ("市长[岩城和真:Person]出席。[岩城:Person]市长说。", {("岩城", "岩城和真", "Person", 9)}),
        # a listed Japanese surname before one character
        ("会长[石田浩:Person]出席。[石田:Person]会长说。", {("石田", "石田浩", "Person", 8)}),
        ("[王华:Person]与[王华明:Person]出席。", set()),  # two Chinese names
        ("[岩城:Person]会见[岩城和真:Person]和[岩城一郎:Person]。", set()),  # which of two is not said
    ],
    "entities.repeat": [
        ("[松下电器:Company]扩产。松下电器表示。", {("松下电器", "松下电器", "Company", 7)}),
    ],
    "entities.alias_short_form": [
        ("[[苏州:City]锦里文化有限公司:Company~]成立。锦里文化表示。", {("锦里文化", "苏州锦里文化有限公司", "Company", 13)}),
        # a company's short form, not its branch's
        ("[本田制锁(武汉)有限公司:Company~]动工。[本田制锁株式会社:Company~]签约。本田制锁表示。",
         {("本田制锁", "本田制锁株式会社", "Company", 26)}),
    ],
    "entities.long_name_tail": [
        ("[[苏州工业园区:Zone]国际合作交流中心:Organization~]成立。国际合作交流中心表示。",
         {("国际合作交流中心", "苏州工业园区国际合作交流中心", "Organization", 17)}),
    ],
    "entities.place_abbreviation": [  # (the lists' 简称: test_place_abbreviation)
        ("[苏州:City>江苏省]市长表示，客商来苏投资。", {("苏", "苏州", "City", 10)}),
        ("[苏州:City>江苏省]市长表示，青山市长率团访苏。", {("苏", "苏州", "City", 14)}),  # the clause ends
        ("[苏州:City>江苏省]市长表示，苏方代表来访。", set()),  # no 来/在 before it
        ("[日照:City>山东省]市长表示，代表团在日期间参观。", set()),  # 在日: in Japan
    ],
    # an alias only, no mention of its own (test_with_country reads the alias)
    "entities.with_country": [("[日本:Country][青木精工株式会社:Company]社长出席。", set())],
    "entities.zone_body": [
        # a zone's body named by the zone's name without its place
        ("[[青松:City]国际港务区:Zone~]发展迅速，书记、国际港务区管委会主任出席。",
         {("国际港务区管委会", "国际港务区管委会", "GovernmentBody", 15)}),
        ("[[白河:City]化工园区:Zone~]开工，化工园区党工委书记致辞。",
         {("化工园区党工委", "化工园区党工委", "GovernmentBody", 9)}),
        # two zones of the same short form: whose body it is, unknown
        ("[[青松:City]化工园区:Zone~]与[[白河:City]化工园区:Zone~]签约，化工园区管委会致辞。", set()),
        # inside a longer word; a short form of two characters
        ("[[青松:City]国际港务区:Zone~]成立，东国际港务区管委会。", set()),
        ("[[青松:City]新区:Zone~]成立，新区管委会致辞。", set()),
    ],
    "entities.district_stem": [
        ("[青松区:District]副区长表示，青松已集聚企业。", {("青松", "青松区", "District", 9)}),
        ("位于[白石镇:District]的工厂增资。[青松:Company]计划在白石增资。", {("白石", "白石镇", "District", 16)}),  # a town too
        ("[白河县:District]与[[白河:City]公司:Company~]签约，白河工作组。", {("白河", "白河县", "District", 11)}),
        ("[城区:District]表示，城已集聚企业。", set()),  # too short a name
        ("[和平区:District]表示，和平发展是共识。", set()),  # a common word
        # a city by its name without 市; not one of one character
        ("[白河市:City]代表团来访。青山与白河结好以来交流不断。", {("白河", "白河市", "City", 12)}),
        ("[津市:City]代表团来访。津与白河结好。", set()),
    ],
}


@pytest.mark.parametrize(("rule", "markup", "expected"),
                         [(rule, markup, expected) for rule, cases in ENTITIES.items() for markup, expected in cases])
def test_entity_rule(nlp, component, rule, markup, expected):
    doc = build_doc(nlp, markup)
    doc._.mentions.clear()  # (the markup's mentions are the resolver's to make)
    doc._.entities.clear()
    # the forms of alias notes and names without their country are found again by entities.repeat
    rules = (rule, "entities.repeat") if rule in ("entities.alias_note", "entities.without_country",
                                                 "entities.zone_without_place") else (rule,)
    component("kg_entities", rules)(doc)
    assert {(m.text, m.key.name, m.key.label, m.start) for m in doc._.mentions if m.rule == rule} == expected


def test_same_entity_keeps_a_middle_word_the_lists_know_as_a_place(nlp, component, tiny_gazetteer):
    """苏州吴中经济技术开发区 and 苏州开发区 are two zones: 吴中 is a district's short form the lists know."""
    from kg.pipeline.gazetteer import load_index

    doc = build_doc(nlp, "[[苏州:City]开发区:Zone~]与[[苏州:City]吴中经济技术开发区:Zone~]。")
    doc._.gazetteer = load_index((tiny_gazetteer,), 2)
    doc._.mentions.clear()
    doc._.entities.clear()
    component("kg_entities", ("entities.same_entity",))(doc)
    assert not [m for m in doc._.mentions if m.rule == "entities.same_entity"]


@pytest.mark.parametrize(("text", "expected"), [
    # the quoted title is the event's name; its forms end in the event words after the quote
    ("青松总领馆举办友好交流会\n\n本报讯 青松总领馆在福冈市举办“纪念青松白河友好30周年”座谈会及交流会。约百人出席交流会。",
     ["纪念青松白河友好30周年"] * 4),  # (the headline's 友好交流会: common words, no name of its own)
    ("本报讯 青松总领馆举办“纪念青松白河友好30周年”交流会。白河友好交流会随后举行。该交流会约百人出席。",
     ["纪念青松白河友好30周年", "白河友好交流会", "白河友好交流会"]),
    ("青松总领馆举办友好交流会\n\n本报讯 青松总领馆举办“纪念青松白河友好30周年”交流会。该交流会约百人出席。",
     ["纪念青松白河友好30周年", "纪念青松白河友好30周年", "纪念青松白河友好30周年"]),  # (the headline's too)
])
def test_back_reference_to_a_quoted_event(nlp, text, expected):
    doc = nlp(text)
    assert [m.key.name for m in sorted(doc._.mentions, key=lambda m: m.start) if m.key.label == "Event"] == expected


CONTAINMENT = {
    "locatedIn.name_posted": [
        ("[[中国:Country]驻[日本:Country]大使馆:GovernmentBody]发表声明。",
         {("中国驻日本大使馆", "日本", "name")}, {("日本", 3)}),
        ("[新华社[东京:City]分社:Organization]报道。", {("新华社东京分社", "东京", "name")}, {("东京", 3)}),
        # an outlet's bureau, a Japanese firm's branch office: where it is, not where its outlet is
        ("[[中国:Country]日报[四川:Region]记者站:Organization]报道。", {("中国日报四川记者站", "四川", "name")},
         {("四川", 4)}),
        ("[时事社[九州:Region]支社:Organization~]报道。", {("时事社九州支社", "九州", "name")}, {("九州", 3)}),
        ("[驻[福冈:City]总领馆:GovernmentBody~]支持。", {("驻福冈总领馆", "福冈", "name")}, {("福冈", 1)}),
        ("[[山形县:Region][苏州:City]事务所:Organization~]开业。", {("山形县苏州事务所", "苏州", "name")}, {("苏州", 3)}),
        # a kind of office between the host city and the office word (经济事务所, 代表事务所)
        ("[[日本:Country][山形县:Region][苏州:City]经济事务所:GovernmentBody~]开业。",
         {("日本山形县苏州经济事务所", "苏州", "name")}, {("苏州", 5)}),
        # a short form right after 驻 (the lists know 上海)
        ("[[日本:Country]驻沪总领事馆:GovernmentBody~]举办活动。", {("日本驻沪总领事馆", "上海", "name")}, {("沪", 3)}),
        # posted twice: the office lies where it is posted last
        ("[[日本:Country]驻[沈阳:City]总领事馆常驻[大连:City]办公室:GovernmentBody~]出席。",
         {("日本驻沈阳总领事馆常驻大连办公室", "大连", "name")}, {("沈阳", 3), ("大连", 11)}),
    ],
    "locatedIn.name_start": [
        # a city or district the text names in full, written without its 市 or 区 in a body's name
        ("[[爱媛县:Region]青松西高中:Organization~]师生来访，[青松市:City]以柑橘闻名。",
         {("爱媛县青松西高中", "爱媛县", "name"), ("爱媛县青松西高中", "青松市", "name"), ("青松市", "爱媛县", "name")},
         {("爱媛县", 0), ("青松", 3)}),
        ("[白河日中友好协会:Organization~]出席，[白河区:District]学生来访。",
         {("白河日中友好协会", "白河区", "name")}, {("白河", 0)}),
        ("[白河日中友好协会:Organization~]出席。", set(), set()),  # the text never names 白河区
        ("[和平友好协会:Organization~]出席，[和平区:District]学生来访。", set(), set()),  # 和平: a word
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
        # a company's bracket names its seat: a place opening its name outside it is its brand's
        ("[[京都:City]海上保险([中国:Country])有限公司:Company~]开业。", set(), set()),
        ("[[中国:Country]([江苏省:Region])自由贸易试验区:Zone~]成立。", {("中国(江苏省)自由贸易试验区", "中国", "name")},
         {("中国", 0)}),
        # a run of places, each in the one before by the lists: each contains the name, and the next
        ("[[江苏省:Region][苏州:City]丝绸协会:Organization~]成立。",
         {("江苏省苏州丝绸协会", "江苏省", "name"), ("江苏省苏州丝绸协会", "苏州", "name"), ("苏州", "江苏省", "name")},
         {("江苏省", 0), ("苏州", 3)}),
        ("[[中国:Country][江苏省:Region]贸促会:Organization~]致辞。",
         {("中国江苏省贸促会", "中国", "name"), ("中国江苏省贸促会", "江苏省", "name"), ("江苏省", "中国", "name")},
         {("中国", 0), ("江苏省", 2)}),
        ("[[苏州:City][吴中区:District]商会:Organization~]成立。",
         {("苏州吴中区商会", "苏州", "name"), ("苏州吴中区商会", "吴中区", "name"), ("吴中区", "苏州", "name")},
         {("苏州", 0), ("吴中区", 2)}),
        # not a place the lists put elsewhere, nor a region's short name (九州 in 日本九州工业大学)
        ("[[中国:Country][松山:City]商会:Organization~]成立。", {("中国松山商会", "中国", "name")}, {("中国", 0)}),
        ("[[中国:Country][山西:Region]商会:Organization~]成立。", {("中国山西商会", "中国", "name")}, {("中国", 0)}),
        ("[[中国:Country][青岭:Region]工业大学:Organization~]成立。", {("中国青岭工业大学", "中国", "name")}, {("中国", 0)}),
        # a customary region written out as one (地区, 地方) counts in the run
        ("[[中国:Country][青岭地区:Region]友好协会:Organization~]成立。",
         {("中国青岭地区友好协会", "中国", "name"), ("中国青岭地区友好协会", "青岭地区", "name"), ("青岭地区", "中国", "name")},
         {("中国", 0), ("青岭地区", 2)}),
        # a country's embassy or consulate without 驻: the country sends it, it does not lie there
        ("[[日本:Country]大使馆:GovernmentBody~]参赞出席。", set(), set()),
        ("[[韩国:Country]总领事馆:GovernmentBody~]致辞。", set(), set()),
        ("[[韩国:Country]总领馆:GovernmentBody~]致辞。", set(), set()),
        # a legal person's kind written first: the place after it opens the name
        ("[一般社团法人[青山县:Region]旅行业协会:Organization~]来访。",
         {("一般社团法人青山县旅行业协会", "青山县", "name")}, {("青山县", 6)}),
        ("[财团法人[日本:Country]青松交流中心:Organization~]主办。",
         {("财团法人日本青松交流中心", "日本", "name")}, {("日本", 4)}),
        ("[财团法人青松[日本:Country]交流中心:Organization~]主办。", set(), set()),  # not further in
        ("[[英国:Country]文化协会:Organization~]致辞。", {("英国文化协会", "英国", "name")}, {("英国", 0)}),
        # a short form first (a headline's): the full name later says where it is
        ("共建[中日产业园:Zone=长沙中日产业园~]。规划建设的[[长沙:City]中日产业园:Zone~]选址城北。",
         {("长沙中日产业园", "长沙", "name")}, {("长沙", 13)}),
        # a zone named after another country gathers its firms at home: not in that country
        ("[[日本:Country]精工产业园:Zone~]开园。", set(), set()),
        ("[[中国:Country]青松产业园:Zone~]开园。", {("中国青松产业园", "中国", "name")}, {("中国", 0)}),
        # 全 before the country: the whole country's body, in it
        ("[全[日本:Country]青年商工会:Organization~]成立。", {("全日本青年商工会", "日本", "name")}, {("日本", 1)}),
        ("[全[青松:City]青年商工会:Organization~]成立。", set(), set()),  # a country only
        # a pair's name, two places joined by a link: located in neither
        ("[[中国:Country][浙江:Region]—[日本:Country][静冈:Region]交流会:Organization~]召开。", set(), set()),
        ("[[无锡:City]·[明石:City]友好协会:Organization~]成立。", set(), set()),
        ("[[江苏省:Region]—[苏州:City]合作协会:Organization~]成立。",  # (the second lies in the first)
         {("江苏省—苏州合作协会", "江苏省", "name")}, {("江苏省", 0)}),
    ],
    "locatedIn.name_zone": [
        ("[[中国(江苏)自由贸易试验区:Zone]苏州片区:Zone]挂牌。",
         {("中国(江苏)自由贸易试验区苏州片区", "中国(江苏)自由贸易试验区", "name")}, set()),
        ("[[西咸新区:Zone]空港新城:Zone~]招商。", {("西咸新区空港新城", "西咸新区", "name")}, set()),
        ("[[苏州工业园:Zone]区:Zone]挂牌。", set(), set()),  # a longer form of one name
    ],
    "locatedIn.name_body_branch": [
        ("[清华[苏州:City]环境创新院:Organization]成立。", {("清华苏州环境创新院", "苏州", "name")}, {("苏州", 2)}),
        # a country before a committee's word that ends the name: the committee's subject, no seat
        ("[清华[中国:Country]商务委员会:Organization]成立。", set(), {("中国", 2)}),
        ("[清华[江苏省:Region]委员会:Organization]成立。", {("清华江苏省委员会", "江苏省", "name")}, {("江苏省", 2)}),
    ],
    "locatedIn.name_brackets": [
        ("[松下新能源([苏州:City])有限公司:Company]扩产。", {("松下新能源(苏州)有限公司", "苏州", "name")}, {("苏州", 6)}),
        ("[松下新能源[苏州:City]有限公司:Company]扩产。", set(), set()),
        ("[[日本:Country]松下新能源([苏州:City])有限公司:Company~]扩产。", {("日本松下新能源(苏州)有限公司", "苏州", "name")},
         {("苏州", 8)}),
        ("[[苏州:City]([日本:Country])动漫中心:Organization~]成立。", set(), set()),
        ("[[京都:City]海上保险([中国:Country])有限公司:Company~]开业。", {("京都海上保险(中国)有限公司", "中国", "name")},
         {("中国", 7)}),
    ],
    "locatedIn.name_subsidiary": [
        ("[青木集团[日本:Country]公司:Company~]成立。", {("青木集团日本公司", "日本", "name")}, {("日本", 4)}),
        ("[白川电器[德国:Country]有限公司:Company~]成立。", {("白川电器德国有限公司", "德国", "name")}, {("德国", 4)}),
        ("[[日本:Country]青木精工株式会社:Company~]成立。", set(), set()),  # the place opens the name
        ("[青木[日本:Country]研究会:Organization~]成立。", set(), set()),  # not a company
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
        # a zone that opens a zone's name, with a name of its own after it
        ("[[西咸新区:Zone]空港新城:Zone~]招商。", set(), {("西咸新区", 0)}),
        ("[[大连高新技术产业园:Zone]区:Zone~]招商。", set(), set()),  # a longer form of one name
        # the place that opens an event's name too (no containment rule of an event reads it)
        ("他在[[上海:City]世博会:Event]上参观。", set(), {("上海", 2)}),
        ("[2020年[东京:City]奥运会:Event~]开幕。", set(), set()),  # a year opens it
        # the country that opens a region's name; not a place of the region's own name
        ("寒冬来到[[中国:Country]东北地区:Region]。", set(), {("中国", 4)}),
        ("代表团来自[[日本:Country]四国地区:Region]。", set(), {("日本", 5)}),
        ("他到访[[北海:City]道:Region]。", set(), set()),
    ],
    "locatedIn.gazetteer_parent": [
        ("[吴中区:District]发布通知。", {("吴中区", "苏州", "gazetteer"), ("吴中区", "江苏省", "gazetteer"),
                                   ("吴中区", "中国", "gazetteer")}, set()),
        ("[丰田:Company]发布通知。", set(), set()),
        # a mission lies where it is posted, not in the country the lists give it
        ("[中国驻大阪总领事馆:GovernmentBody]致辞。", set(), set()),
    ],
    "locatedIn.region_member": [
        ("[吴中区:District]、[长三角:Region]与[苏南地区:Region]。",
         {("吴中区", "长三角", "gazetteer"), ("吴中区", "苏南地区", "gazetteer")}, set()),
        ("[苏州:City]与[东北地区:Region]。", set(), set()),
    ],
    "locatedIn.home_prefix": [
        ("[省花卉协会:Organization~]与[市工商联:Organization~]出席。",
         {("省花卉协会", "江西省", "name"), ("市工商联", "南昌", "name")}, set(), {"home": "南昌", "province": "江西省"}),
        ("[省花卉协会:Organization~]出席。", set(), set()),  # no home province
        ("[市政府代表团:Organization~]访日。", set(), set(), {"home": "南昌"}),  # a delegation travels
        ("[市驻沪办事处:Organization~]出席。", set(), set(), {"home": "南昌"}),  # it lies where it is posted
        ("[省[苏州:City]商会:Organization~]出席。", set(), set(), {"province": "江西省"}),  # it names its place
    ],
    "locatedIn.home_level_body": [
        ("[白石高新区:Zone~]推介会上，[白石高新区:Zone~]负责人说，[白石高新区:Zone~]的[区党工委:GovernmentBody~]与"
         "[区政府:GovernmentBody~]欢迎企业。",
         {("区党工委", "白石高新区", "name"), ("区政府", "白石高新区", "name")}, set()),
        ("[白石高新区:Zone~]与[区党工委:GovernmentBody~]欢迎企业。", set(), set()),  # named once: no home
        ("[白石县:Region~]、[白石县:Region~]、[白石县:Region~]的[县观光联盟:Organization~]来访。",
         {("县观光联盟", "白石县", "name")}, set()),
        # a city is no 县's home; two zones named as often: neither is
        ("[青山:City]、[青山:City]、[青山:City]的[县观光联盟:Organization~]来访。", set(), set()),
        ("[白石高新区:Zone~]、[白石高新区:Zone~]、[白石高新区:Zone~]与[青山新区:Zone~]、[青山新区:Zone~]、"
         "[青山新区:Zone~]的[区党工委:GovernmentBody~]。", set(), set()),
        # the text names the body with its place in full: the short form is that body's
        ("[白石县:Region~]、[白石县:Region~]、[白石县:Region~]的[县议会:GovernmentBody~]即[白石县议会:GovernmentBody~]。",
         set(), set()),
    ],
    "locatedIn.home_zone": [
        ("[白石经济技术开发区:Zone~]与[青松新区:Zone~]招商。",
         {("白石经济技术开发区", "青山", "pattern"), ("青松新区", "青山", "pattern")}, set(), {"home": "青山"}),
        ("[白石经济技术开发区:Zone]招商。", set(), set()),  # no home city
        # a park, or a zone whose name ends like one, lies as often in a zone
        ("[白石科创园:Zone]与[国际智能制造创新区:Zone]招商。", set(), set(), {"home": "青山"}),
        ("[[苏州:City]白石开发区:Zone~]招商。", set(), set(), {"home": "青山"}),  # it names its place
        # a platform named after two countries lies as often in a smaller zone
        ("[中日青松绿色合作示范区:Zone~]招商。", set(), set(), {"home": "青山"}),
        ("[粤桂白石合作示范区:Zone~]招商。", set(), set(), {"home": "青山"}),  # a zone of several provinces
    ],
    "locatedIn.home_district": [
        ("[青松区:District]推介会上，[青松区:District]区长说，[青松区:District]的[白石产业基地:Zone~]欢迎企业。",
         {("白石产业基地", "青松区", "pattern")}, set()),
        ("[青松区:District]推介了[白石产业基地:Zone~]。", set(), set()),  # named once: no home district
        # two districts named as often: neither is the home
        ("[青松区:District]、[青松区:District]、[青松区:District]与[红山县:District]、[红山县:District]、"
         "[红山县:District]的[白石产业基地:Zone~]。", set(), set()),
        # a platform of several provinces, of two countries, a park inside a zone, a zone naming its place
        ("[青松区:District]、[青松区:District]、[青松区:District]推介[粤桂白石合作试验区:Zone~]、"
         "[中日白石合作示范区:Zone~]、[白石智能制造创新区:Zone~]、[[苏州:City]白石园:Zone~]。", set(), set()),
    ],
    # (alone it finds nothing: what it climbs from is another rule's; test_listed_ancestors.py)
    "locatedIn.listed_ancestors": [
        ("[白石电子:Company~]与[江苏省:Region]、[中国:Country]合作。", set(), set()),
    ],
    "heldIn.listed_ancestors": [
        ("[苏州交流会:Event~]与[江苏省:Region]、[中国:Country]。", set(), set()),
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


@pytest.mark.parametrize(("markup", "expected"), [
    # the name written after its country is known with it too, as an alias: the mentions stay apart
    ("[日本:Country][青木精工株式会社:Company]社长出席。", {"日本青木精工株式会社"}),
    ("[日本:Country]、[青木精工株式会社:Company]出席。", set()),  # not right after it
    ("[日本:Country][青松:City]出席。", set()),  # a place, not a body
    # a state body with the places written before it
    ("[日本:Country][青松县:Region][白河町:City]政府出席。", set()),  # (no body in this markup)
    ("[日本:Country][青松县:Region][白河町政府:GovernmentBody~]出席。", {"日本青松县白河町政府"}),
])
def test_with_country(nlp, component, markup, expected):
    doc = build_doc(nlp, markup)
    doc._.mentions.clear()
    doc._.entities.clear()
    component("kg_entities", ("entities.with_country",))(doc)
    assert {a for record in doc._.entities.values() for a in record.aliases if "日本" in a} == expected
    assert not [m for m in doc._.mentions if m.rule == "entities.with_country"]


@pytest.mark.parametrize(("markup", "expected"), [
    # written right after its country: the country opens the name (the form with_country makes an alias)
    ("见证[日本:Country][青木精工:Company~]与白河签约。", {("青木精工", "日本")}),
    # first named by a short form, later in full with the country in one mention (an alias of it)
    ("[青木:Company=青木精工株式会社]项目签约。由[[日本:Country]青木精工株式会社:Company=青木精工株式会社]投资。",
     {("青木精工株式会社", "日本")}),
    # a name that opens with a place of its own lies there, not in the country before it
    ("[日本:Country][[青山县:Region]议会:GovernmentBody~]议长出席。", {("青山县议会", "青山县")}),
    ("[日本:Country]、[青木精工:Company~]出席。", set()),  # not right after it
])
def test_containment_reads_the_name_with_its_country(nlp, component, tiny_gazetteer, markup, expected):
    from kg.pipeline.gazetteer import load_index

    doc = build_doc(nlp, markup)
    doc._.gazetteer = load_index((tiny_gazetteer,), 2)
    if any(m.text != m.key.name for m in doc._.mentions):
        for m in doc._.mentions:  # each other form of a name is an alias of it, as kg_entities records
            record = doc._.entities[m.key]
            doc._.entities[m.key] = record._replace(aliases=(*record.aliases, m.text))
    else:
        component("kg_entities", ("entities.with_country",))(doc)
    component("kg_containment", ("locatedIn.name_start",))(doc)
    assert {(r.subject.name, r.object.name) for r in doc._.relations if r.rule == "locatedIn.name_start"} == expected


@pytest.mark.parametrize(("source", "expected"), [
    # a photographer's credit: a name before 摄 after a bracket, an outlet's name or a space of the source
    ("白河港一角。青山社发(周海平摄)\n会议举行。", {"周海平"}),
    ("工厂的车间。(青山网陈美华摄)\n会议举行。", {"陈美华"}),
    ("图片来源:青山经济新闻 刘国平 摄\n", {"刘国平"}),
    # a line the source ran on into the next: 摄 opens no word (摄影, 摄氏)
    ("交流会举行。青山网 许明摄青山网东京5月15日电", {"许明"}),
    ("记者在现场摄影。青山网王明摄影报道\n", set()),
    ("白河气温。平均摄氏20度。\n", set()),
    # no surname, or a run that no outlet's name ends: no credit
    ("工厂的车间。(青山公司美华摄)\n", set()),
])
def test_a_photographers_credit_names_a_person(nlp, component, source, expected):
    normalized = normalize(source)
    doc = build_doc(nlp, normalized.text)
    doc._.spaces = normalized.spaces
    component("kg_people", ("people.photo_credit",))(doc)
    assert {c.text for c in doc._.candidates if c.label == "Person"} == expected


def test_kind_apposition_keeps_the_latin_form_in_brackets(nlp, component):
    doc = build_doc(nlp, "[瑞典:Country]轴承大企业白河孚(BHF)正在建设新工厂。")
    known = len(doc._.candidates)
    component("kg_shapes", ("shape.kind_apposition",))(doc)
    assert [(c.text, c.extra_aliases) for c in doc._.candidates[known:]] == [("白河孚", ("BHF",))]
