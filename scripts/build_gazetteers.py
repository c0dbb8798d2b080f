"""Build the gazetteer files in ``kg/gazetteers/`` from public data packages and hand lists.

Every output file is derived from two kinds of input, and from nothing else:

* public data packages (the ``data`` extra of ``setup.cfg``), read as plain data files
  through :func:`importlib.util.find_spec` so that none of them is imported:
  ``cpca`` (China's administrative divisions), ``babel`` (CLDR country names),
  ``japancode`` (Japan's municipalities), ``mingzi`` and ``gimei`` (surnames);
* hand-compiled lists in ``kg/gazetteers/sources/`` (see ``SOURCES.md``); the zones'
  short forms are derived from their official names by the abbreviation rules of
  :func:`zone_forms`.

Output format of every ``<name>.tsv``: a header line, then rows of
``surface  label  canonical  parent  parent_label  kind`` sorted and de-duplicated.
The script is deterministic: running it twice gives identical files, and
``--check`` exits 1 when a committed file differs from what it would write.

Usage::

    python scripts/build_gazetteers.py            # (re)write the files
    python scripts/build_gazetteers.py --check    # verify they are up to date
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import logging
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

LOG = logging.getLogger("build_gazetteers")

ROOT = Path(__file__).resolve().parents[1]
GAZ_DIR = ROOT / "kg" / "gazetteers"
SRC_DIR = GAZ_DIR / "sources"
HEADER = ("surface", "label", "canonical", "parent", "parent_label", "kind")
LABELS = frozenset(
    {"Country", "Region", "City", "District", "Zone", "Company", "GovernmentBody", "Organization"}
)
KINDS = ("full", "short", "alias")
CHINA, JAPAN = "中国", "日本"
COUNTS_BEGIN, COUNTS_END = "<!-- generated:begin -->", "<!-- generated:end -->"

# Priority of short forms and aliases when two entities claim the same surface:
# the lower tier keeps it; equal tiers mean the surface is ambiguous and is dropped.
TIER_TOP = 0  # countries, China's province-level units, hand lists
TIER_CITY = 1  # China's prefecture-level cities, Japan's designated cities
TIER_PREF = 2  # Japan's prefectures, China's county-level cities
TIER_MINOR = 3  # Japan's core cities and capitals, China's autonomous prefectures/leagues
TIER_DISTRICT = 4  # short forms of China's districts and counties (花都 of 花都区): yield to all


class BuildError(Exception):
    """A source file or package is missing or inconsistent."""


class Row(NamedTuple):
    """One line of an output TSV file."""

    surface: str
    label: str
    canonical: str
    parent: str
    parent_label: str
    kind: str


@dataclass(eq=False)
class Entity:
    """An entity with its candidate surfaces before collisions are resolved.

    ``canonical`` may be empty for places whose canonical name depends on which of
    their surfaces survive (see :func:`_place_canonical`).
    """

    label: str
    file: str
    canonical: str = ""
    full: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    alias: list[str] = field(default_factory=list)
    parent: Entity | str | None = None  # an Entity, or a country/canonical name
    tier: int = TIER_TOP
    country: str = ""  # CHINA or JAPAN for administrative units

    def surfaces(self) -> Iterator[tuple[str, str]]:
        """Yield ``(surface, kind)`` pairs, full forms first, each surface once (its first kind)."""
        seen: set[str] = set()
        for kind in KINDS:
            for surface in getattr(self, kind):
                if surface not in seen:
                    seen.add(surface)
                    yield surface, kind

    def drop(self, surface: str) -> None:
        """Remove ``surface`` from every kind list."""
        for kind in KINDS:
            setattr(self, kind, [s for s in getattr(self, kind) if s != surface])


class Dropped(NamedTuple):
    """A candidate surface left out of the output, with the reason."""

    file: str
    surface: str
    entity: str
    reason: str


# --------------------------------------------------------------------------- inputs


def read_table(path: Path) -> list[dict[str, str]]:
    """Read a hand-written TSV with a header line; ``#`` lines and blank lines are skipped."""
    if not path.exists():
        raise BuildError(f"missing source file {path}: it is part of the repository, restore it")
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def read_list(path: Path) -> list[str]:
    """Read a one-item-per-line file; ``#`` starts a comment, blanks are skipped."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            items.extend(line.split())
    return items


def package_file(package: str, relative: str) -> Path:
    """Locate a data file shipped inside an installed package without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise BuildError(
            f"package {package!r} is not installed; install the data extra: "
            "pip install -e '.[data]'"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    if not path.exists():
        raise BuildError(f"{package} has no {relative}; is the pinned version installed?")
    return path


def package_version(package: str) -> str:
    """Return the installed version of a distribution, for SOURCES.md."""
    from importlib.metadata import version

    return version(package)


def split_list(value: str) -> list[str]:
    """Split a ``|``-separated list column."""
    return [v.strip() for v in value.split("|") if v.strip()]


# ------------------------------------------------------------------ China (cpca)

_CN_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_CN_MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}


@dataclass(eq=False)
class _Unit:
    """A row of the administrative-division table, linked to its parent."""

    name: str
    level: int  # 1 province-level, 2 prefecture-level, 3 county-level
    parent: _Unit | None
    former: list[str] = field(default_factory=list)


def _ethnic_names() -> list[str]:
    """Ethnic-group names as they occur in autonomous-area names, longest first."""
    path = package_file("cpca", "resources/56_nations.csv")
    names = set()
    for line in path.read_text(encoding="utf-8").split():
        names.add(line)
        names.add(line.removesuffix("族"))
    return sorted(names, key=lambda n: (-len(n), n))


def _strip_ethnic(name: str, ethnic: list[str]) -> str:
    """Remove trailing ethnic-group names (广西壮族 → 广西) while two or more characters remain."""
    changed = True
    while changed:
        changed = False
        for e in ethnic:
            if name.endswith(e) and len(name) - len(e) >= 2:
                name, changed = name[: -len(e)], True
                break
    return name


def _read_cn_units() -> list[_Unit]:
    """Read cpca's adcodes.csv into a tree, skipping placeholder rows."""
    path = package_file("cpca", "resources/adcodes.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = sorted((r["adcode"], r["name"]) for r in csv.DictReader(fh))
    names = dict(rows)
    units: dict[str, _Unit] = {}
    for code, name in rows:  # sorted by code, so parents come first
        if code.endswith("0000000000"):
            level, parent_code = 1, None
        elif code.endswith("00000000"):
            level, parent_code = 2, code[:2] + "0000000000"
        else:
            level, parent_code = 3, code[:4] + "00000000"
            if names.get(parent_code) in _CN_PLACEHOLDERS:
                parent_code = code[:2] + "0000000000"
        if name in _CN_PLACEHOLDERS or name.endswith(("群岛", "海域")):
            continue
        units[code] = _Unit(name, level, units[parent_code] if parent_code else None)
    return list(units.values())


def _apply_cn_updates(units: list[_Unit]) -> list[_Unit]:
    """Apply ``sources/cn_admin_updates.tsv`` (renames, moves, additions, removals)."""
    index = {(u.name, u.parent.name if u.parent else ""): u for u in units}
    by_name: dict[str, list[_Unit]] = defaultdict(list)
    for u in units:
        by_name[u.name].append(u)

    def find_parent(name: str) -> _Unit:
        found = [u for u in by_name[name] if u.level < 3]
        if len(found) != 1:
            raise BuildError(f"cn_admin_updates: parent {name!r} is not a unique unit")
        return found[0]

    removed: set[int] = set()
    for row in read_table(SRC_DIR / "cn_admin_updates.tsv"):
        action, name, parent = row["action"], row["name"], row["parent"]
        if action == "add":
            p = find_parent(parent)
            unit = _Unit(name, min(p.level + 1, 3), p)
            units.append(unit)
            by_name[name].append(unit)
            continue
        unit = index.get((name, parent))
        if unit is None:
            raise BuildError(f"cn_admin_updates: no unit {name!r} in {parent!r} in the cpca table")
        if action == "remove":
            removed.add(id(unit))
        elif action == "change":
            if row["new_name"]:
                unit.former.append(unit.name)
                unit.name = row["new_name"]
                by_name[unit.name].append(unit)
            if row["new_parent"]:
                unit.parent = find_parent(row["new_parent"])
        else:
            raise BuildError(f"cn_admin_updates: unknown action {action!r}")
    return [u for u in units if id(u) not in removed]


_DISTRICT_TAIL = re.compile(r"(新区|林区|自治县|自治旗|区|县|旗)$")


def build_cn_admin() -> list[Entity]:
    """China's provinces, prefectures, cities and districts from cpca's adcodes.csv."""
    ethnic = _ethnic_names()
    entities: dict[int, Entity] = {}
    units = _apply_cn_updates(_read_cn_units())
    for unit in sorted(units, key=lambda u: u.level):
        name = unit.name
        ent = Entity(label="District", file="cn_admin", country=CHINA, full=[name])
        ent.alias = list(unit.former)
        ent.parent = entities[id(unit.parent)] if unit.parent else CHINA
        if unit.level == 1:
            ent.tier = TIER_TOP
            if name in _CN_MUNICIPALITIES:
                ent.label, ent.short = "City", [name.removesuffix("市")]
            else:
                ent.label = "Region"
                base = re.sub(r"(省|自治区|特别行政区)$", "", name)
                ent.short = [_strip_ethnic(base, ethnic)]
        elif name.endswith("市"):
            ent.label, ent.short = "City", [name.removesuffix("市")]
            ent.tier = TIER_CITY if unit.level == 2 else TIER_PREF
        elif unit.level == 2:  # 自治州, 地区, 盟: prefecture-level areas, not cities
            ent.label, ent.tier = "Region", TIER_MINOR
            if name.endswith("自治州"):
                base = _strip_ethnic(name.removesuffix("自治州"), ethnic)
                ent.short = [base, base + "州"]
            else:
                ent.short = [re.sub(r"(地区|盟)$", "", name)]
        else:  # a district, county or banner: its bare name (花都 of 花都区, 安吉 of 安吉县)
            ent.tier = TIER_DISTRICT
            base = _DISTRICT_TAIL.sub("", name)
            base = _strip_ethnic(base, ethnic) if "自治" in name else base
            if base != name and len(base) >= 2:
                ent.short = [base]
        entities[id(unit)] = ent
    return list(entities.values())


def apply_aliases(entities: list[Entity], path: Path) -> None:
    """Add extra surfaces from a ``surface  entity  kind`` table (entity = a full name)."""
    by_full: dict[str, list[Entity]] = defaultdict(list)
    for ent in entities:
        for s in ent.full:
            by_full[s].append(ent)
    for row in read_table(path):
        targets = by_full.get(row["entity"], [])
        if len(targets) != 1:
            raise BuildError(f"{path.name}: {row['entity']!r} is not one known entity")
        getattr(targets[0], row["kind"]).append(row["surface"])


# ---------------------------------------------------------------- Japan (japancode)


def _kanji_converter():
    """Return a function that writes Japanese kanji as Chinese media do (Simplified).

    OpenCC's ``jp2t`` (shinjitai → traditional) then ``t2s``, one character at a time,
    and the supplementary table ``kanji_variants.tsv`` (shared with
    ``kg/folding.py``) for the characters OpenCC leaves Japanese (戸 → 户,
    栃 → 枥, …); the iteration mark 々 repeats the previous character.
    """
    import opencc

    jp2t, t2s = opencc.OpenCC("jp2t.json"), opencc.OpenCC("t2s.json")
    table = {r["variant"]: r["simplified"] for r in read_table(GAZ_DIR / "kanji_variants.tsv")}

    def convert_char(ch: str) -> str:
        if ch in table:
            return table[ch]
        out = t2s.convert(jp2t.convert(ch))
        return table.get(out, out)

    def convert(text: str) -> str:
        # character by character: OpenCC's phrase tables would turn names into words
        text = re.sub(r"(.)々", r"\1\1", text)
        return "".join(convert_char(ch) for ch in text)

    return convert


_KANA = re.compile(r"[\u3040-\u30ff]")
_GENERIC_WARD = re.compile(r"^(?:[东西南北中]+|中央|港|绿|青叶|泉|花见川|美滨|若叶)区$")


def build_jp_admin() -> list[Entity]:
    """Japan's prefectures, all cities (市) and Tokyo's 23 special wards.

    Names come from japancode's municipality table, converted to Simplified Chinese;
    ``sources/jp_cities.tsv`` says which cities get a short form (designated cities,
    core cities, prefectural capitals) and overrides names Chinese media write differently.
    """
    convert = _kanji_converter()
    data = package_file("japancode", "data")
    prefs = json.loads((data / "prefectures.json").read_text(encoding="utf-8"))
    munis = json.loads((data / "municipalities.json").read_text(encoding="utf-8"))
    special = {r["japanese"]: r for r in read_table(SRC_DIR / "jp_cities.tsv")}
    unused = set(special)

    pref_ent: dict[str, Entity] = {}
    for p in sorted(prefs, key=lambda p: int(p["pid"])):
        if p["pref"] == "東京都":  # Tokyo is a City in Chinese news
            ent = Entity(label="City", file="jp_admin", country=JAPAN, parent=JAPAN,
                         full=["东京都"], short=["东京"], tier=TIER_TOP)
        else:
            full = convert(p["pref"])
            short = convert(p["prefshort"])
            ent = Entity(label="Region", file="jp_admin", country=JAPAN, parent=JAPAN,
                         full=[full], short=[short] if short != full else [], tier=TIER_PREF)
        pref_ent[p["pref"]] = ent

    ward_names = {m["city"].split(" ")[1] for m in munis if " " in m["city"]}
    entities = list(pref_ent.values())
    city_ent: dict[tuple[str, str], Entity] = {}
    wards: list[tuple[dict, Entity]] = []
    for m in munis:
        name, pref = m["city"], pref_ent[m["pref"]]
        if " " in name:  # wards of designated cities: only the distinctive names (此花区, not 北区)
            ward = Entity(label="District", file="jp_admin", country=JAPAN, tier=TIER_MINOR,
                          full=[convert(name.split(" ")[1])])
            if len(ward.full[0]) >= 3 and not _GENERIC_WARD.match(ward.full[0]) \
                    and not _KANA.search(ward.full[0]):
                wards.append((m, ward))
            continue
        if name.endswith("区") and m["pref"] == "東京都":
            zh = convert(name)
            ent = Entity(label="District", file="jp_admin", country=JAPAN, parent=pref,
                         tier=TIER_PREF)
            if name in ward_names:  # 港区, 北区, 中央区 also name wards of other cities
                ent.canonical = "东京都" + zh
                ent.alias = ["东京都" + zh, "东京" + zh]
            else:
                ent.full = [zh]
            entities.append(ent)
            continue
        if name.endswith("町"):  # towns: the full name (吉备中央町), a City as Chinese news treat it
            zh = convert(name)
            if len(zh) >= 3 and not _KANA.search(zh):
                entities.append(Entity(label="City", file="jp_admin", country=JAPAN, full=[zh],
                                       tier=TIER_MINOR, parent=pref))
            continue
        if not name.endswith("市"):  # villages are left out (村 names Chinese villages too)
            continue
        info = special.get(name)
        if info and info["prefecture"] not in ("", m["pref"]):
            info = None
        if info:
            unused.discard(name)
        zh = info["chinese"] if info and info["chinese"] else convert(name)
        if _KANA.search(zh):
            LOG.debug("jp_admin: %s has no Chinese name in jp_cities.tsv; left out", name)
            continue
        ent = Entity(label="City", file="jp_admin", country=JAPAN, full=[zh], tier=TIER_MINOR,
                     parent=pref)
        category = info["category"] if info else "city"
        if category in ("designated", "core", "capital"):
            short = info["short"] or zh.removesuffix("市")
            ent.short = [] if short == "-" else [short]
            ent.tier = TIER_CITY if category == "designated" else TIER_MINOR
        elif len(zh) >= 4:  # a name of three characters or more stands without 市 (大牟田, 四日市)
            ent.short = [zh.removesuffix("市")]
        if info and info["alias"]:
            ent.alias = split_list(info["alias"])
        entities.append(ent)
        city_ent[(m["pref"], name)] = ent
    for m, ward in wards:
        ward.parent = city_ent.get((m["pref"], m["city"].split(" ")[0]))
        if ward.parent is not None:
            entities.append(ward)
    for ent in entities:  # 潟 is often written 泻 (新泻县)
        ent.alias += [s.replace("潟", "泻") for s, _ in ent.surfaces() if "潟" in s]
    if unused:
        raise BuildError(f"jp_cities.tsv: not found in japancode: {sorted(unused)}")
    return entities


# ------------------------------------------------------------------ countries (CLDR)


def build_countries() -> list[Entity]:
    """Country names in Simplified Chinese from CLDR (Babel's ``zh`` locale data).

    Babel's pickled locale data is read through the ``babel`` API, the one import of a
    data package here, because its files are not plain text.
    """
    try:
        import babel
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise BuildError("babel is not installed: pip install -e '.[data]'") from exc
    skip = {r["code"] for r in read_table(SRC_DIR / "countries_skip.tsv")}
    by_code: dict[str, Entity] = {}
    for code, name in sorted(babel.Locale("zh").territories.items()):
        if len(code) != 2 or not code.isalpha() or code in skip:
            continue
        by_code[code] = Entity(label="Country", file="countries", canonical=name, full=[name])
    for row in read_table(SRC_DIR / "countries_extra.tsv"):
        ent = by_code.get(row["code"])
        if ent is None:
            raise BuildError(f"countries_extra.tsv: unknown or skipped code {row['code']!r}")
        if row["canonical"] and row["canonical"] != ent.canonical:
            ent.short.insert(0, ent.canonical)  # the CLDR name becomes a short form
            ent.canonical, ent.full = row["canonical"], [row["canonical"]]
        ent.short += split_list(row["short"])
        ent.alias += split_list(row["alias"])
    return list(by_code.values()) + build_world_cities(by_code)


_WORLD_AREAS = ("Africa", "America", "Asia", "Australia", "Europe")
_HOME_TERRITORIES = frozenset({"CN", "JP", "HK", "MO", "TW"})  # their places come from cpca and japancode


def build_world_cities(countries: dict[str, Entity]) -> list[Entity]:
    """Cities abroad (纽约, 首尔, 曼谷): CLDR's exemplar cities of time zones in the ``zh`` locale,
    in their country; not China's and Japan's (the division tables give those), nor the names in
    ``sources/world_cities_skip.tsv`` (persons, islands, common words). A name another entity
    claims is left to it (see :func:`build_all`)."""
    import babel
    from babel.core import get_global

    territories, aliases = get_global("zone_territories"), get_global("zone_aliases")
    skip = {r["surface"] for r in read_table(SRC_DIR / "world_cities_skip.tsv")}
    cities: dict[str, Entity] = {}
    for zone, names in sorted(babel.Locale("zh").time_zones.items()):
        name = names.get("city", "")
        code = territories.get(zone) or territories.get(aliases.get(zone, ""))
        if zone.count("/") != 1 or not zone.startswith(_WORLD_AREAS) or len(name) < 2 or name in skip \
                or code in _HOME_TERRITORIES or code not in countries or name in cities:
            continue
        cities[name] = Entity(label="City", file="countries", full=[name], parent=countries[code],
                              tier=TIER_MINOR)
    return list(cities.values())


# --------------------------------------------------------------------- hand lists


_FULLWIDTH = str.maketrans("()", "（）")
_PLACE_FILES = frozenset({"cn_admin", "jp_admin", "countries", "regions"})


def build_hand_list(name: str) -> list[Entity]:
    """Read a compact hand list: ``canonical label parent full short alias`` per entity.

    The canonical name is itself a surface, of the kind of the column it is listed in
    (``full`` when it is listed in none). A surface with ASCII brackets is also listed
    with full-width ones.
    """
    entities = []
    for row in read_table(SRC_DIR / f"{name}.tsv"):
        ent = Entity(label=row["label"], file=name, canonical=row["canonical"],
                     parent=row["parent"] or None, tier=TIER_TOP,
                     full=split_list(row["full"]), short=split_list(row["short"]),
                     alias=split_list(row["alias"]))
        if ent.label not in LABELS:
            raise BuildError(f"{name}.tsv: unknown label {ent.label!r} for {ent.canonical}")
        if ent.canonical not in (*ent.full, *ent.short, *ent.alias):
            ent.full.insert(0, ent.canonical)
        for kind in KINDS:  # news text writes brackets full-width: 丰田汽车（中国）…
            forms = getattr(ent, kind)
            forms += [f.translate(_FULLWIDTH) for f in forms if "(" in f]
        entities.append(ent)
    return entities


#: What ends a region's full form that its country may open (中国东北地区, 日本关西地区).
_BROAD_REGION_ENDS = ("地区", "地方")


def add_country_forms(entities: list[Entity]) -> None:
    """Give a broad region of a country its form opened by the country's name.

    News writes the country before the region as one name (中国东北地区的寒冬,
    在中国西南地区, 日本关西地区): each full form ending in 地区 or 地方 of a hand-listed
    region whose parent is a country gains the alias country + form, so the country is
    read inside the region's name, not as a place of its own.
    """
    countries = {e.canonical for e in entities if e.label == "Country"}
    for ent in entities:
        if ent.file != "regions" or ent.parent not in countries:
            continue
        country = str(ent.parent)
        ent.alias += [country + form for form in ent.full
                      if form.endswith(_BROAD_REGION_ENDS) and not form.startswith(country)]


# -------------------------------------------------------------------------- zones

#: Zone types whose official name ends in a fixed suffix, and the customary forms of
#: that suffix (the first is the official one): 大连经济技术开发区 → 大连经开区, 大连开发区, …
_ZONE_SUFFIXES = {
    "etdz": ("经济技术开发区", ("经济技术开发区", "经开区", "开发区", "经济开发区")),
    "htz": ("高新技术产业开发区", ("高新技术产业开发区", "高新区", "高新技术开发区")),
    "bonded": ("综合保税区", ("综合保税区", "综保区")),
}
#: Forms of a national zone's stem that carry its rank: 苏州国家高新区.
_ZONE_NATIONAL = {"etdz": ("国家级经济技术开发区", "国家经开区"), "htz": ("国家高新区", "国家高新技术产业开发区")}
_FTZ = re.compile(r"^中国\((?P<place>[^()]+)\)自由贸易试验区(?P<area>.*)$")
ZONE_TYPES = frozenset({*_ZONE_SUFFIXES, "ftz", "ftzarea", "newarea", "coop", "other"})


def zone_forms(canonical: str, kind: str, *, core: str = "", qualifier: str = "") -> list[str]:
    """Short forms of a zone's official name by the customary abbreviation rules.

    * ``etdz`` (…经济技术开发区), ``htz`` (…高新技术产业开发区), ``bonded`` (…综合保税区):
      the stem with each customary suffix (大连经开区, 大连开发区, 大连经济开发区; 苏州高新区,
      苏州高新技术开发区; 昆山综保区); the city stem also with its rank (苏州国家高新区,
      国家级大连经济技术开发区, 国家级大连开发区);
      the same for ``core``, the zone's own name without its city (苏州浒墅关… → 浒墅关开发区),
      and for the stem qualified by ``qualifier``, the city of a zone named after a district
      (江宁经济技术开发区 → 南京江宁开发区);
    * ``ftz`` (中国(X)自由贸易试验区): X自由贸易试验区, X自贸试验区, X自贸区, 中国(X)自贸试验区;
      ``ftzarea`` (中国(X)自由贸易试验区Y片区): X自由贸易试验区Y片区, X自贸试验区Y片区,
      X自贸区Y片区, and ``core`` + 自贸片区 (大连自贸片区);
    * other types (new areas, cooperation zones, parks): no derived forms.

    >>> zone_forms("大连经济技术开发区", "etdz")[:4]
    ['大连经开区', '大连开发区', '大连经济开发区', '大连国家级经济技术开发区']
    >>> zone_forms("中国(辽宁)自由贸易试验区大连片区", "ftzarea", core="大连")
    ['辽宁自由贸易试验区大连片区', '辽宁自贸试验区大连片区', '辽宁自贸区大连片区', '大连自贸片区']
    """
    forms: list[str] = []
    if kind in _ZONE_SUFFIXES:
        suffix, customary = _ZONE_SUFFIXES[kind]
        if not canonical.endswith(suffix):
            raise BuildError(f"zones.tsv: {canonical} is typed {kind} but does not end in {suffix}")
        stem = canonical.removesuffix(suffix)
        bases = [stem] + [base for base in (core, qualifier + stem if qualifier else "") if base]
        for base in bases:
            forms += [base + tail for tail in customary]
        forms += [stem + tail for tail in _ZONE_NATIONAL.get(kind, ())]
        if kind in _ZONE_NATIONAL:  # 国家级大连经济技术开发区: a shape would take the longer span
            forms += ["国家级" + stem + tail for tail in customary]
    elif kind in ("ftz", "ftzarea"):
        match = _FTZ.match(canonical)
        if match is None or bool(match["area"]) != (kind == "ftzarea"):
            raise BuildError(f"zones.tsv: {canonical} is not named 中国(X)自由贸易试验区… as its type {kind} says")
        place, area = match["place"], match["area"]
        forms += [place + "自由贸易试验区" + area, place + "自贸试验区" + area, place + "自贸区" + area]
        if kind == "ftz":
            forms.append(f"中国({place})自贸试验区")
        elif core:
            forms.append(core + "自贸片区")
    if any(len(base) < 2 for base in (core, qualifier) if base):
        raise BuildError(f"zones.tsv: {canonical}: core and qualifier need two characters or more")
    return [f for f in dict.fromkeys(forms) if f != canonical]


def build_zones() -> list[Entity]:
    """Zones from ``sources/zones.tsv``: ``canonical type parent core qualifier short alias``.

    The canonical name is the full official name; :func:`zone_forms` adds the customary
    short forms, the list's ``short`` and ``alias`` columns the rest.
    """
    entities = []
    for row in read_table(SRC_DIR / "zones.tsv"):
        canonical, kind = row["canonical"], row["type"]
        if kind not in ZONE_TYPES:
            raise BuildError(f"zones.tsv: unknown type {kind!r} for {canonical}")
        if not row["parent"]:
            raise BuildError(f"zones.tsv: {canonical} has no parent")
        short = zone_forms(canonical, kind, core=row["core"], qualifier=row["qualifier"])
        ent = Entity(label="Zone", file="zones", canonical=canonical, parent=row["parent"],
                     tier=TIER_TOP, full=[canonical], short=short + split_list(row["short"]),
                     alias=split_list(row["alias"]))
        for kind_name in KINDS:  # news text writes brackets full-width: 中日（大连）…
            forms = getattr(ent, kind_name)
            forms += [f.translate(_FULLWIDTH) for f in forms if "(" in f]
        entities.append(ent)
    return entities


# --------------------------------------------------------------------- resolution


def _entity_name(ent: Entity) -> str:
    return ent.canonical or (ent.full or ent.short or ent.alias or ["?"])[0]


def resolve_surfaces(entities: list[Entity], stoplist: dict[str, str]) -> list[Dropped]:
    """Drop surfaces that are too short, stop-listed or ambiguous; return what was dropped.

    * a surface of one character is dropped;
    * a surface of a generated place found in ``stoplist`` (common words, company
      names, surnames) is dropped: only when it is a short form if its scope is
      ``short``, whatever its kind if ``all``;
    * when several entities share a surface: full official names all stay (the
      pipeline disambiguates), except that a Japanese city's full name yields to a
      Chinese one; short forms and aliases yield to a full name, and otherwise to the
      entity of the lowest tier; equal tiers mean the surface is ambiguous: dropped;
    * a zone's surface that is also a place's (country, region, city, district) is the
      place's, whatever the kinds.
    """
    dropped: list[Dropped] = []

    def drop(ent: Entity, surface: str, reason: str) -> None:
        dropped.append(Dropped(ent.file, surface, _entity_name(ent), reason))
        ent.drop(surface)

    for ent in entities:
        for surface, kind in list(ent.surfaces()):
            if len(surface) < 2:
                drop(ent, surface, "one character")
            elif ent.file.endswith("_admin") and surface in stoplist \
                    and (kind != "full" or stoplist[surface] == "all"):
                drop(ent, surface, "stop-listed in sources/place_stoplist.tsv")

    claims: dict[str, list[tuple[Entity, str]]] = defaultdict(list)
    for ent in entities:
        for surface, kind in ent.surfaces():
            claims[surface].append((ent, kind))
    for surface, owners in sorted(claims.items()):
        if len({id(e) for e, _ in owners}) < 2:
            continue
        if any(e.file != "cn_admin" or e.tier != TIER_DISTRICT or k != "short" for e, k in owners):
            for ent, kind in owners:  # a district's bare name yields to any other claim
                if ent.file == "cn_admin" and ent.tier == TIER_DISTRICT and kind == "short":
                    other = next(e for e, k in owners if e.file != "cn_admin" or e.tier != TIER_DISTRICT or k != "short")
                    drop(ent, surface, f"name of {_entity_name(other)}")
            owners = [(e, k) for e, k in owners if e.file != "cn_admin" or e.tier != TIER_DISTRICT or k != "short"]
            if len({id(e) for e, _ in owners}) < 2:
                continue
        places = [e for e, _ in owners if e.file in _PLACE_FILES]
        if places and any(e.file == "zones" for e, _ in owners):
            for ent, _kind in owners:  # 浦东新区 is the district; a zone never takes a place's name
                if ent.file == "zones":
                    drop(ent, surface, f"name of {_entity_name(places[0])}")
            owners = [(e, k) for e, k in owners if e.file != "zones"]
            if len({id(e) for e, _ in owners}) < 2:
                continue
        full = [e for e, k in owners if k == "full"]
        if full:
            keep = set(map(id, full))
            if {e.country for e in full} == {CHINA, JAPAN}:
                keep = {id(e) for e in full if e.country == CHINA or e.tier < TIER_MINOR}
            for ent, _kind in owners:
                if id(ent) not in keep:
                    other = next(e for e in full if id(e) in keep)
                    drop(ent, surface, f"name of {_entity_name(other)}")
            continue
        best = min(e.tier for e, _ in owners)
        winners = [e for e, _ in owners if e.tier == best]
        for ent, _kind in owners:
            if len(winners) > 1:
                others = "/".join(sorted({_entity_name(e) for e in winners if e is not ent}))
                drop(ent, surface, f"ambiguous with {others}")
            elif ent is not winners[0]:
                drop(ent, surface, f"short form of {_entity_name(winners[0])}")
    return dropped


def drop_empty(entities: list[Entity]) -> list[Entity]:
    """Remove entities that lost every surface (a parent must keep at least one)."""
    empty = {id(e) for e in entities if not any(True for _ in e.surfaces())}
    for ent in entities:
        if isinstance(ent.parent, Entity) and id(ent.parent) in empty:
            raise BuildError(f"{_entity_name(ent)}: its parent lost every surface")
    return [e for e in entities if id(e) not in empty]


def _place_canonical(ent: Entity) -> str:
    """Canonical name of a generated place.

    Cities: the short form (苏州, 神户) when it survived, else the full form;
    everything else: the full official form (江苏省, 相城区, 神奈川县).
    """
    if ent.label == "City" and ent.short:
        return ent.short[0]
    return (ent.full or ent.alias or ent.short)[0]


def assign_canonicals(entities: list[Entity]) -> None:
    """Fill in missing canonical names; qualify duplicates with the parent's full name."""
    for ent in entities:
        if not ent.canonical:
            base = _place_canonical(ent)
            ent.canonical = base
    groups: dict[str, list[Entity]] = defaultdict(list)
    for ent in entities:
        groups[ent.canonical].append(ent)
    for name, group in sorted(groups.items()):
        if len(group) < 2:
            continue
        for ent in group:
            if not isinstance(ent.parent, Entity):
                raise BuildError(f"two entities share the canonical name {name!r}")
            ent.canonical = ent.parent.full[0] + (ent.full or [name])[0]
    seen: dict[str, Entity] = {}
    for ent in entities:
        if ent.canonical in seen:
            raise BuildError(f"canonical name {ent.canonical!r} is still ambiguous")
        seen[ent.canonical] = ent


def to_rows(ent: Entity, canonical_of: dict[str, Entity]) -> list[Row]:
    """Turn a resolved entity into output rows."""
    parent, parent_label = "", ""
    if isinstance(ent.parent, Entity):
        parent, parent_label = ent.parent.canonical, ent.parent.label
    elif ent.parent:
        target = canonical_of.get(ent.parent)
        if target is None:
            raise BuildError(f"{ent.file}: parent {ent.parent!r} of {ent.canonical} is unknown")
        parent, parent_label = target.canonical, target.label
    return [
        Row(surface, ent.label, ent.canonical, parent, parent_label, kind)
        for surface, kind in ent.surfaces()
    ]


def render_tsv(rows: Iterable[Row]) -> str:
    """Render rows (sorted, unique) as TSV text with a header line."""
    lines = ["\t".join(HEADER)]
    lines += ["\t".join(row) for row in sorted(set(rows))]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------- surnames


def build_surnames_cn() -> str:
    """Chinese surnames: mingzi's frequency-ranked list (each followed by the form texts write of
    it, 萧 by 肖), then the rest of 百家姓."""
    data = json.loads(package_file("mingzi", "data.json").read_text(encoding="utf-8"))
    ranked = sorted(data["surname"].items(), key=lambda kv: (-kv[1], kv[0]))
    # 萧 → 肖: the form texts write of a ranked surname
    written = {r["ranked"]: r["written"] for r in read_table(SRC_DIR / "surname_forms.tsv")}
    ranked_names = [form for name, _ in ranked for form in (name, written.get(name)) if form]
    rest: list[str] = []
    double = list(data["com_surname"])
    for name in read_list(SRC_DIR / "baijiaxing.txt"):
        target = double if len(name) > 1 else rest
        if name not in target and name not in ranked_names:
            target.append(name)
    head = [
        "# Chinese surnames, one per line (generated by scripts/build_gazetteers.py).",
        f"# Ranked by frequency (mingzi {package_version('mingzi')}, MIT): take a prefix for"
        " the most common ones.",
    ]
    rest_head = ["# less common: the rest of 百家姓 (sources/baijiaxing.txt), in its order"]
    double_head = ["# two-character surnames (mingzi, then 百家姓)"]
    lines = head + ranked_names + rest_head + rest + double_head + double
    return "\n".join(lines) + "\n"


def build_surnames_jp() -> str:
    """Japanese surnames in Simplified Chinese: gimei's 500 most common, then a hand list, then mimesis'
    other surnames (converted once into sources/surnames_jp_more.txt), then the rest of the 2,000 most
    common of japanese-personal-name-dataset (converted once into sources/surnames_jp_ranked.txt)."""
    convert = _kanji_converter()
    text = package_file("gimei", "data/names.yml").read_text(encoding="utf-8")
    block = text.split("\nlast_name:", 1)[1]
    names = [convert(n) for n in re.findall(r"^\s+- \['([^']+)'", block, flags=re.M)]
    names += read_list(SRC_DIR / "surnames_jp_extra.txt")
    names += read_list(SRC_DIR / "surnames_jp_more.txt")
    names += read_list(SRC_DIR / "surnames_jp_ranked.txt")
    unique = list(dict.fromkeys(names))
    head = [
        "# Japanese surnames in Simplified Chinese, one per line (generated by"
        " scripts/build_gazetteers.py).",
        f"# The 500 most common from gimei {package_version('gimei')} (MIT), converted with"
        " OpenCC jp2t+t2s and kanji_variants.tsv; then sources/surnames_jp_extra.txt and"
        " sources/surnames_jp_more.txt (mimesis) and sources/surnames_jp_ranked.txt"
        " (japanese-personal-name-dataset).",
    ]
    return "\n".join(head + unique) + "\n"


# -------------------------------------------------------------------------- build


TSV_FILES = ("cn_admin", "jp_admin", "countries", "regions", "zones", "companies", "organizations")


def build_all() -> tuple[dict[str, str], list[Dropped]]:
    """Build every output file; return ``{file name: content}`` and the dropped surfaces."""
    cn = build_cn_admin()
    apply_aliases(cn, SRC_DIR / "cn_admin_aliases.tsv")
    entities = cn + build_jp_admin() + build_countries()
    for name in ("regions", "companies", "organizations"):
        entities += build_hand_list(name)
    add_country_forms(entities)
    entities += build_zones()
    claimed = {surface for e in entities if not (e.file == "countries" and e.label == "City")
               for surface, _ in e.surfaces()}
    entities = [e for e in entities if not (e.file == "countries" and e.label == "City" and e.full[0] in claimed)]
    stoplist = {r["surface"]: "short" for r in read_table(SRC_DIR / "district_words.tsv")}
    stoplist |= {r["surface"]: r["scope"] for r in read_table(SRC_DIR / "place_stoplist.tsv")}
    dropped = resolve_surfaces(entities, stoplist)
    entities = drop_empty(entities)
    assign_canonicals(entities)
    canonical_of = {e.canonical: e for e in entities}
    rows: dict[str, list[Row]] = defaultdict(list)
    for ent in entities:
        rows[ent.file] += to_rows(ent, canonical_of)
    files = {f"{name}.tsv": render_tsv(rows[name]) for name in TSV_FILES}
    files["surnames_cn.txt"] = build_surnames_cn()
    files["surnames_jp.txt"] = build_surnames_jp()
    files["SOURCES.md"] = render_sources(files, rows, dropped)
    return files, dropped


def render_sources(files: dict[str, str], rows: dict[str, list[Row]],
                   dropped: list[Dropped]) -> str:
    """Refresh the generated block (versions, counts, dropped surfaces) of SOURCES.md."""
    path = GAZ_DIR / "SOURCES.md"
    text = path.read_text(encoding="utf-8") if path.exists() else f"{COUNTS_BEGIN}\n{COUNTS_END}\n"
    if COUNTS_BEGIN not in text or COUNTS_END not in text:
        raise BuildError(f"{path} lacks the {COUNTS_BEGIN} … {COUNTS_END} markers")
    out = [COUNTS_BEGIN, "", "### Package versions used", ""]
    for pkg in ("cpca", "babel", "japancode", "mingzi", "gimei", "opencc"):
        out.append(f"- {pkg} {package_version(pkg)}")
    out += ["", "### Row counts", "", "| file | label | rows | entities |", "|---|---|---:|---:|"]
    for name in TSV_FILES:
        by_label: dict[str, list[Row]] = defaultdict(list)
        for row in set(rows[name]):
            by_label[row.label].append(row)
        for label, label_rows in sorted(by_label.items()):
            entities = len({r.canonical for r in label_rows})
            out.append(f"| {name}.tsv | {label} | {len(label_rows)} | {entities} |")
    for name in ("surnames_cn.txt", "surnames_jp.txt"):
        n = sum(1 for line in files[name].splitlines() if line and not line.startswith("#"))
        out.append(f"| {name} | surname | {n} | |")
    out += ["", "### Dropped surfaces", ""]
    by_reason: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in dropped:
        reason = "ambiguous" if d.reason.startswith("ambiguous") else d.reason
        if reason.startswith(("name of", "short form of")):
            reason = "claimed by another entity"
        by_reason[(d.file, reason)].append(
            d.surface if d.surface == d.entity else f"{d.surface} ({d.entity})")
    for (file, reason), items in sorted(by_reason.items()):
        out.append(f"- {file}, {reason}: {'、'.join(sorted(set(items)))}")
    out += ["", COUNTS_END]
    before, rest = text.split(COUNTS_BEGIN, 1)
    after = rest.split(COUNTS_END, 1)[1]
    return before + "\n".join(out) + after


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="verify that the committed files are up to date (exit 1 if not)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log dropped surfaces")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(message)s")
    try:
        files, dropped = build_all()
    except BuildError as exc:
        LOG.error("%s", exc)
        return 2
    for d in dropped:
        LOG.debug("dropped %s %r of %s: %s", d.file, d.surface, d.entity, d.reason)
    if args.check:
        stale = [name for name, content in files.items()
                 if not (GAZ_DIR / name).exists()
                 or (GAZ_DIR / name).read_text(encoding="utf-8") != content]
        if stale:
            print(f"out of date: {', '.join(sorted(stale))}; run python scripts/build_gazetteers.py")
            return 1
        print(f"gazetteers up to date ({len(files)} files)")
        return 0
    for name, content in files.items():
        (GAZ_DIR / name).write_text(content, encoding="utf-8")
        LOG.info("wrote %s", GAZ_DIR / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
