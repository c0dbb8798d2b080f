"""The gazetteer files in kg/gazetteers/: reproducible, well-formed, and right on known names."""

from __future__ import annotations

import csv
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "kg" / "gazetteers"
SCRIPT = ROOT / "scripts" / "build_gazetteers.py"
TSV_FILES = ("cn_admin", "jp_admin", "countries", "regions", "zones", "companies", "organizations")
HEADER = ["surface", "label", "canonical", "parent", "parent_label", "kind"]
LABELS = {"Country", "Region", "City", "District", "Zone", "Company", "GovernmentBody", "Organization"}
DATA_PACKAGES = ("cpca", "babel", "japancode", "mingzi", "gimei", "opencc")


def _read(name: str) -> list[list[str]]:
    with (GAZ / f"{name}.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = {name: _read(name) for name in TSV_FILES}
ALL_ROWS = [(name, row) for name, rows in ROWS.items() for row in rows[1:]]
CANONICALS = {row[2] for _, row in ALL_ROWS}


def _load_script():
    spec = importlib.util.spec_from_file_location("build_gazetteers", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_committed_files_are_up_to_date(capsys):
    missing = [p for p in DATA_PACKAGES if importlib.util.find_spec(p) is None]
    if missing:
        pytest.skip(f"data packages {missing} not installed: pip install -e '.[data]'")
    assert _load_script().main(["--check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("name", TSV_FILES)
def test_format(name):
    rows = ROWS[name]
    assert rows[0] == HEADER
    body = rows[1:]
    assert body, f"{name}.tsv is empty"
    assert body == sorted(body), f"{name}.tsv is not sorted"
    for row in body:
        assert len(row) == 6, row
        surface, label, canonical, parent, parent_label, kind = row
        assert label in LABELS, row
        assert kind in {"full", "short", "alias"}, row
        assert len(surface) >= 2, f"one-character surface: {row}"
        assert surface == surface.strip() and canonical, row
        assert bool(parent) == bool(parent_label), row
    keys = [tuple(row[:3]) for row in body]
    assert len(keys) == len(set(keys)), "duplicate (surface, label, canonical)"


def test_every_parent_is_a_listed_entity():
    for name, row in ALL_ROWS:
        parent = row[3]
        assert not parent or parent in CANONICALS, f"{name}: unknown parent in {row}"


def test_one_canonical_is_one_entity():
    seen: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for _, row in ALL_ROWS:
        seen[row[2]].add((row[1], row[3], row[4]))
    clashes = {c: v for c, v in seen.items() if len(v) > 1}
    assert not clashes


def test_only_full_names_are_shared():
    """A surface on several rows must be the full name of each (鼓楼区); never a short form."""
    owners: dict[str, list[list[str]]] = defaultdict(list)
    for _, row in ALL_ROWS:
        owners[row[0]].append(row)
    for surface, rows in owners.items():
        if len({r[2] for r in rows}) > 1:
            assert all(r[5] == "full" for r in rows), rows


def _entries(surface: str) -> list[tuple[str, str, str, str]]:
    return [(r[1], r[2], r[3], r[5]) for _, r in ALL_ROWS if r[0] == surface]


@pytest.mark.parametrize(
    ("surface", "label", "canonical", "parent", "kind"),
    [
        ("哈尔滨", "City", "哈尔滨", "黑龙江省", "short"),
        ("大连市", "City", "大连", "辽宁省", "full"),
        ("苏州", "City", "苏州", "江苏省", "short"),
        ("常熟", "City", "常熟", "苏州", "short"),
        ("相城区", "District", "相城区", "苏州", "full"),
        ("浦东新区", "District", "浦东新区", "上海", "full"),
        ("上海", "City", "上海", "中国", "short"),
        ("江苏省", "Region", "江苏省", "中国", "full"),
        ("广东", "Region", "广东省", "中国", "short"),
        ("广西", "Region", "广西壮族自治区", "中国", "short"),
        ("内蒙古", "Region", "内蒙古自治区", "中国", "short"),
        ("吉林", "Region", "吉林省", "中国", "short"),
        ("吉林市", "City", "吉林市", "吉林省", "full"),
        ("延边", "Region", "延边朝鲜族自治州", "吉林省", "short"),
        ("香港", "Region", "香港特别行政区", "中国", "short"),
        ("章丘区", "District", "章丘区", "济南", "full"),
        ("章丘市", "District", "章丘区", "济南", "alias"),
        ("横滨", "City", "横滨", "神奈川县", "short"),
        ("北九州市", "City", "北九州", "福冈县", "full"),
        ("神户", "City", "神户", "兵库县", "short"),
        ("滨松市", "City", "滨松", "静冈县", "full"),
        ("相模原市", "City", "相模原", "神奈川县", "full"),
        ("明石市", "City", "明石", "兵库县", "full"),
        ("宇都宫", "City", "宇都宫", "枥木县", "short"),
        ("鹿儿岛县", "Region", "鹿儿岛县", "日本", "full"),
        ("福冈县", "Region", "福冈县", "日本", "full"),
        ("北海道", "Region", "北海道", "日本", "full"),
        ("冲绳", "Region", "冲绳县", "日本", "short"),
        ("东京", "City", "东京", "日本", "short"),
        ("东京都", "City", "东京", "日本", "full"),
        ("大阪", "City", "大阪", "大阪府", "short"),
        ("大阪府", "Region", "大阪府", "日本", "full"),
        ("京都", "City", "京都", "京都府", "short"),
        ("新宿区", "District", "新宿区", "东京", "full"),
        ("东京都港区", "District", "东京都港区", "东京", "alias"),
        ("日本", "Country", "日本", "", "full"),
        ("中华人民共和国", "Country", "中国", "", "alias"),
        ("韩国", "Country", "韩国", "", "full"),
        ("蒙古国", "Country", "蒙古国", "", "full"),
        ("蒙古", "Country", "蒙古国", "", "short"),
        ("长三角", "Region", "长三角", "中国", "short"),
        ("苏南地区", "Region", "苏南地区", "中国", "full"),
        ("阪神地区", "Region", "阪神地区", "日本", "full"),
        ("丰田", "Company", "丰田", "日本", "short"),
        ("松下控股", "Company", "松下", "日本", "short"),
        ("村田制作所", "Company", "村田制作所", "日本", "short"),
        ("华为", "Company", "华为", "中国", "short"),
        ("西门子", "Company", "西门子", "德国", "short"),
        ("国家发改委", "GovernmentBody", "国家发展和改革委员会", "中国", "short"),
        ("经济产业省", "GovernmentBody", "经济产业省", "日本", "full"),
        ("JETRO", "Organization", "日本贸易振兴机构", "日本", "alias"),
        ("日中经济协会", "Organization", "日中经济协会", "日本", "full"),
        ("东盟", "Organization", "东盟", "", "short"),
        # people's organisations and national friendship bodies with their customary short forms
        ("对外友协", "Organization", "中国人民对外友好协会", "中国", "short"),
        ("全国对外友协", "Organization", "中国人民对外友好协会", "中国", "alias"),
        ("中日友协", "Organization", "中日友好协会", "中国", "short"),
        ("中国侨联", "Organization", "中华全国归国华侨联合会", "中国", "short"),
        ("国务院侨办", "GovernmentBody", "国务院侨办", "中国", "short"),
        ("欧美同学会", "Organization", "欧美同学会", "中国", "full"),
        # the seven Japan–China friendship bodies and Japan's business federations
        ("日中友好议联", "Organization", "日中友好议员联盟", "日本", "short"),
        ("日中友好会馆", "Organization", "日中友好会馆", "日本", "full"),
        ("日中文化交流协会", "Organization", "日中文化交流协会", "日本", "full"),
        ("日本中国友好协会", "Organization", "日中友好协会", "日本", "alias"),
        ("CLAIR", "Organization", "自治体国际化协会", "日本", "alias"),
        ("九州经济联合会", "Organization", "九州经济联合会", "日本", "full"),
        # international bodies the news names
        ("国际展览局", "Organization", "国际展览局", "", "full"),
        ("BIE", "Organization", "国际展览局", "", "alias"),
        ("UNDP", "Organization", "联合国开发计划署", "", "alias"),
        ("联合国教科文组织", "Organization", "联合国教科文组织", "", "short"),
        # zones: the official name is canonical, short forms by the abbreviation rules
        ("大连经济技术开发区", "Zone", "大连经济技术开发区", "大连", "full"),
        ("大连开发区", "Zone", "大连经济技术开发区", "大连", "short"),
        ("大连经开区", "Zone", "大连经济技术开发区", "大连", "short"),
        ("国家级大连经济技术开发区", "Zone", "大连经济技术开发区", "大连", "short"),
        ("DDA", "Zone", "大连经济技术开发区", "大连", "alias"),
        ("天津开发区", "Zone", "天津经济技术开发区", "滨海新区", "short"),
        ("TEDA", "Zone", "天津经济技术开发区", "滨海新区", "alias"),
        ("南京江宁开发区", "Zone", "江宁经济技术开发区", "江宁区", "short"),
        ("浒墅关开发区", "Zone", "苏州浒墅关经济技术开发区", "苏州", "short"),
        ("苏州高新区", "Zone", "苏州高新技术产业开发区", "苏州", "short"),
        ("苏州国家高新区", "Zone", "苏州高新技术产业开发区", "苏州", "short"),
        ("松山湖高新区", "Zone", "东莞松山湖高新技术产业开发区", "东莞", "short"),
        ("东湖高新区", "Zone", "武汉东湖新技术开发区", "武汉", "short"),
        ("苏州工业园区", "Zone", "苏州工业园区", "苏州", "full"),
        ("两江新区", "Zone", "重庆两江新区", "重庆", "short"),
        ("雄安新区", "Zone", "河北雄安新区", "河北省", "short"),
        ("上海自贸区", "Zone", "中国(上海)自由贸易试验区", "上海", "short"),
        ("中国（上海）自由贸易试验区", "Zone", "中国(上海)自由贸易试验区", "上海", "full"),
        ("大连自贸片区", "Zone", "中国(辽宁)自由贸易试验区大连片区", "大连", "short"),
        ("临港新片区", "Zone", "中国(上海)自由贸易试验区临港新片区", "浦东新区", "short"),
        ("昆山综保区", "Zone", "昆山综合保税区", "昆山", "short"),
        ("中日（苏州）地方发展合作示范区", "Zone", "中日(苏州)地方发展合作示范区", "相城区", "full"),
        # media outlets, with the place they belong to
        ("新华网", "Organization", "新华网", "中国", "full"),
        ("中国日报网", "Organization", "中国日报网", "中国", "full"),
        ("新华日报", "Organization", "新华日报", "江苏省", "full"),
        ("大连日报", "Organization", "大连日报", "大连", "full"),
        ("北海道新闻", "Organization", "北海道新闻", "北海道", "full"),
        # Japanese companies
        ("住友电装", "Company", "住友电装", "日本", "short"),
        ("东海理化", "Company", "东海理化", "日本", "short"),
        ("Yanmar", "Company", "洋马", "日本", "alias"),
        # a city whose short form is a common string keeps its full name (第三条 holds 三条, not 三条市)
        ("三条市", "City", "三条市", "新潟县", "full"),
        # a district's or county's bare name (not a common word)
        ("花都", "District", "花都区", "广州", "short"),
        ("博山", "District", "博山区", "淄博", "short"),
        # Japanese towns, wards with a distinctive name, cities of three characters without 市, 泻 for 潟
        ("吉备中央町", "City", "吉备中央町", "冈山县", "full"),
        ("此花区", "District", "此花区", "大阪", "full"),
        ("大牟田", "City", "大牟田", "福冈县", "short"),
        ("新泻县", "Region", "新潟县", "日本", "alias"),
        # cities abroad (CLDR exemplar cities); a country keeps its name (新加坡)
        ("首尔", "City", "首尔", "韩国", "full"),
        ("纽约", "City", "纽约", "美国", "full"),
        ("新加坡", "Country", "新加坡", "", "full"),
        # South Korea's provinces; a Japanese customary region
        ("忠清南道", "Region", "忠清南道", "韩国", "full"),
        ("中四国", "Region", "中四国地区", "日本", "short"),
        # a broad region opened by its country's name (build_gazetteers.add_country_forms)
        ("中国西北地区", "Region", "西北地区", "中国", "alias"),
        ("日本近畿地区", "Region", "近畿地区", "日本", "alias"),
    ],
)
def test_known_entries(surface, label, canonical, parent, kind):
    assert _entries(surface) == [(label, canonical, parent, kind)]


@pytest.mark.parametrize(
    "surface",
    ["和平", "城关", "合作", "东方", "高密", "松本", "山口", "大分", "美的", "平安", "铃木", "中信",
     "西南", "四国", "东海", "芒", "堺", "资源", "友好", "江南", "龙江", "北区", "中央区", "达尔文", "乌鲁木齐市区", "新城市", "吴市", "关市", "城区", "老城区", "三条",
     # never a bare generic zone word, nor a media name that is a common string
     "开发区", "经开区", "高新区", "新区", "自贸区", "综保区", "示范区", "片区", "中国网", "今晚报",
     # a company's short form that is a government body's common name (市招商局: an investment bureau)
     "招商局",
     # short forms that are common strings or parts of them (华北约, 集团中央, 承包商会议, ISO9001)
     "北约", "非盟", "团中央", "承包商会", "ISO"],
)
def test_not_listed(surface):
    assert _entries(surface) == []


def test_ambiguous_district_names_are_qualified():
    assert {c for _, c, _, _ in _entries("鼓楼区")} == {
        "南京市鼓楼区", "福州市鼓楼区", "徐州市鼓楼区", "开封市鼓楼区"}
    assert {c for _, c, _, _ in _entries("府中市")} == {"东京都府中市", "广岛县府中市"}


def test_chinese_city_wins_over_japanese_namesake():
    assert _entries("松原市") == [("City", "松原", "吉林省", "full")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("surnames_cn.txt", ["王", "李", "张", "欧阳", "司马", "诸葛", "上官"]),
     ("surnames_jp.txt", ["佐藤", "铃木", "高桥", "田中", "渡边", "佐佐木", "斋藤", "安倍",
                         "赤松", "大越", "菅沼"])],
)
def test_surnames(name, expected):
    lines = (GAZ / name).read_text(encoding="utf-8").splitlines()
    names = [line for line in lines if line and not line.startswith("#")]
    assert len(names) >= 450
    assert len(names) == len(set(names))
    assert all(" " not in n and "\t" not in n for n in names)
    assert set(expected) <= set(names)


def test_kanji_variants_table_is_one_for_one():
    rows = list(csv.DictReader(
        [line for line in (GAZ / "kanji_variants.tsv").read_text(encoding="utf-8").splitlines()
         if line and not line.startswith("#")],
        delimiter="\t"))
    assert rows and all(len(r["variant"]) == 1 and len(r["simplified"]) <= 1 for r in rows)


# ---------------------------------------------------------------------------- zones


@pytest.mark.parametrize("surface", ["浦东新区", "滨海新区"])
def test_a_new_area_that_is_a_district_stays_a_district(surface):
    """浦东新区 and 滨海新区 are districts of the same name and extent: no Zone takes their names."""
    assert [label for label, *_ in _entries(surface)] == ["District"]


def test_every_zone_lies_in_a_listed_place():
    places = {"Country", "Region", "City", "District", "Zone"}
    labels = {(row[2], row[1]) for _, row in ALL_ROWS}
    for row in ROWS["zones"][1:]:
        assert row[1] == "Zone", row
        assert row[4] in places and (row[3], row[4]) in labels, row


def test_zone_counts():
    """The national lists as compiled (SOURCES.md): about 230 development zones, 170 high-tech zones."""
    canonicals = {row[2] for row in ROWS["zones"][1:]}
    assert sum(c.endswith("经济技术开发区") for c in canonicals) >= 200
    assert sum(c.endswith("高新技术产业开发区") for c in canonicals) >= 150
    assert sum(c.startswith("中国(") and c.endswith("自由贸易试验区") for c in canonicals) == 22
    assert sum(c.startswith("中日(") and c.endswith("地方发展合作示范区") for c in canonicals) == 6


@pytest.mark.parametrize(
    ("canonical", "kind", "options", "expected"),
    [
        ("大连经济技术开发区", "etdz", {}, ["大连经开区", "大连开发区", "大连经济开发区", "大连国家级经济技术开发区",
                                      "大连国家经开区", "国家级大连经济技术开发区", "国家级大连经开区",
                                      "国家级大连开发区", "国家级大连经济开发区"]),
        ("江宁经济技术开发区", "etdz", {"qualifier": "南京"},
         ["江宁经开区", "江宁开发区", "江宁经济开发区", "南京江宁经济技术开发区", "南京江宁经开区", "南京江宁开发区",
          "南京江宁经济开发区", "江宁国家级经济技术开发区", "江宁国家经开区", "国家级江宁经济技术开发区",
          "国家级江宁经开区", "国家级江宁开发区", "国家级江宁经济开发区"]),
        ("昆山综合保税区", "bonded", {}, ["昆山综保区"]),
        ("中国(上海)自由贸易试验区", "ftz", {}, ["上海自由贸易试验区", "上海自贸试验区", "上海自贸区", "中国(上海)自贸试验区"]),
        ("中国(辽宁)自由贸易试验区大连片区", "ftzarea", {"core": "大连"},
         ["辽宁自由贸易试验区大连片区", "辽宁自贸试验区大连片区", "辽宁自贸区大连片区", "大连自贸片区"]),
        ("重庆两江新区", "newarea", {}, []),
    ],
)
def test_zone_forms(canonical, kind, options, expected):
    assert _load_script().zone_forms(canonical, kind, **options) == expected


def test_zone_forms_of_a_core_name_and_errors():
    script = _load_script()
    forms = script.zone_forms("苏州高新技术产业开发区", "htz", core="苏高")
    assert {"苏州高新区", "苏州高新技术开发区", "苏州国家高新区", "苏高高新区"} <= set(forms)
    assert "苏高国家高新区" not in forms  # the rank goes with the city's name only
    with pytest.raises(script.BuildError, match="does not end in"):
        script.zone_forms("苏州工业园区", "etdz")
    with pytest.raises(script.BuildError, match="自由贸易试验区"):
        script.zone_forms("中国(上海)自由贸易试验区", "ftzarea")


def test_a_zone_yields_its_surface_to_a_place():
    script = _load_script()
    place = script.Entity(label="District", file="cn_admin", full=["浦东新区"], country="中国")
    zone = script.Entity(label="Zone", file="zones", canonical="上海浦东新区", full=["上海浦东新区"],
                         short=["浦东新区"])
    dropped = script.resolve_surfaces([place, zone], {})
    assert place.full == ["浦东新区"] and zone.short == [] and zone.full == ["上海浦东新区"]
    assert [(d.surface, d.file) for d in dropped] == [("浦东新区", "zones")]


@pytest.mark.parametrize(
    ("text", "name", "aliases", "parent", "nested"),
    [
        ("日本电装在大连开发区设立新工厂。", "大连经济技术开发区", {"大连开发区"}, "大连", []),
        ("南京江宁开发区与日方签约。", "江宁经济技术开发区", {"南京江宁开发区"}, "江宁区", []),
        ("国家级大连经济技术开发区吸引日资。", "大连经济技术开发区", {"国家级大连经济技术开发区"}, "大连", []),
        # the free trade zone that opens the area's name is named there too
        ("辽宁自贸试验区大连片区举办推介会。", "中国(辽宁)自由贸易试验区大连片区", {"辽宁自贸试验区大连片区"}, "大连",
         ["中国(辽宁)自由贸易试验区"]),
    ],
)
def test_the_pipeline_finds_listed_zones(nlp, text, name, aliases, parent, nested):
    """A zone from the list takes its official name, keeps the text's form and lies where the list says."""
    doc = nlp(text)
    zones = {key: record for key, record in doc._.entities.items() if key.label == "Zone"}
    assert [key.name for key in zones] == [name, *nested]
    assert aliases <= set(next(iter(zones.values())).aliases)
    assert (name, "locatedIn", parent) in {(r.subject.name, r.predicate, r.object.name) for r in doc._.relations}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # national friendship bodies by their customary short forms
        ("中国贸促会、对外友协、中日友协共同主办纪念招待会。",
         {"中国国际贸易促进委员会", "中国人民对外友好协会", "中日友好协会"}),
        # an international body with no place before it
        ("国际展览局秘书长出席开幕式。", {"国际展览局"}),
        # a Japanese friendship body by its Japanese name, and a short form of the seven bodies
        ("日本中国友好协会代表团访问福建。", {"日中友好协会"}),
        ("日中友好议联代表团访问湖南。", {"日中友好议员联盟"}),
    ],
)
def test_the_pipeline_finds_listed_bodies(nlp, text, names):
    """A body of the list written short is found and takes its canonical name."""
    doc = nlp(text)
    found = {key.name for key in doc._.entities if key.label in ("Organization", "GovernmentBody")}
    assert names <= found
