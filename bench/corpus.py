"""A generated corpus of China–Japan cooperation news, deterministic from a seed.

Names come from the project's own lists (``kg/gazetteers``: Chinese and Japanese cities,
companies, organizations, surnames) and from combinations made of them (joint ventures
such as 松下电器(大连)有限公司, development zones, city governments and commerce bureaus,
events, people), each drawn with a skewed popularity so that, as in news, a few cities
and companies recur in thousands of articles and most names in a handful. Articles mix
sentences that state facts (investments with amounts, sister cities, visits, signings,
officials, events, trade figures, under a dateline with the year: 新华网大连2021年6月1日电, so every
article has a date for timeline.rq) with general sentences: generated ones that name
nothing, and real ones taken from the two articles in ``seeds/`` (so the prose and the
names that real news repeats are there too), at lengths around ``--chars`` characters
(0.4 to 1.6 times that).

Nothing generated is committed; the same ``--seed`` and count give the same files.

    python bench/corpus.py 1000 /tmp/corpus-1k            # writes 1000 articles
    python bench/corpus.py 1000 /tmp/corpus-1k --seed 7   # another corpus
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GAZETTEERS = ROOT / "kg" / "gazetteers"

__all__ = ["Names", "article", "write_corpus"]


def _rows(name: str) -> list[dict[str, str]]:
    with open(GAZETTEERS / name, encoding="utf-8") as handle:
        return [row for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")]


def _words(name: str) -> list[str]:
    return [line.strip() for line in (GAZETTEERS / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


GIVEN_CN = "建国志强海涛晓明丽娟文华新宇国栋振华春燕红梅秀英伟杰立军凯宁浩然子涵雨婷佳怡俊峰德胜永刚玉兰桂芳"
GIVEN_JP = ["一郎", "健太", "直树", "浩二", "明美", "由纪", "大辅", "翔太", "真理子", "拓也", "诚", "裕子", "和夫", "隆",
            "惠子", "达也", "智子", "修", "美穗", "正人"]
ZONE_SUFFIXES = ["经济技术开发区", "高新技术产业开发区", "综合保税区", "国际合作产业园", "中日产业园"]
INDUSTRIES = ["新能源汽车", "精密机械", "生物医药", "半导体", "电子元器件", "现代物流", "智能制造", "节能环保", "健康养老",
              "跨境电商", "氢能", "工业机器人"]
TITLES_CN = ["市长", "副市长", "市委书记", "商务局局长", "副局长"]
TITLES_JP = ["知事", "市长", "社长", "会长", "总经理", "理事长"]
FILLER = [
    "近年来，双方在经贸、人文、科技等领域的交流合作不断深化，务实合作成果丰硕。",
    "与会人员围绕产业链供应链合作、绿色低碳发展等议题进行了深入交流。",
    "据介绍，该项目总建筑面积约十二万平方米，预计明年下半年建成投产。",
    "业内人士认为，区域全面经济伙伴关系协定的生效为双边贸易带来了新的机遇。",
    "活动现场，多家企业代表介绍了各自的技术优势和合作意向。",
    "当地有关部门表示，将持续优化营商环境，为外资企业提供全方位服务。",
    "今年以来，当地外贸进出口保持稳中有进的态势，结构持续优化。",
    "专家指出，数字经济和绿色经济将成为今后合作的重要增长点。",
    "会上还发布了一批重点招商项目，涵盖先进制造、现代服务等多个领域。",
    "双方一致同意，进一步加强在人才培养、技术研发等方面的合作。",
    "参观团一行先后走访了多家企业的生产车间和研发中心。",
    "据了解，该企业的产品主要销往东南亚和欧美市场，订单已排到年底。",
    "此次活动吸引了来自政府部门、企业、高校和研究机构的两百余人参加。",
    "下一步，当地将聚焦重点产业，推动更多合作项目落地见效。",
    "与会企业家表示，看好中国市场的长期发展前景，将继续扩大在华投资。",
    "据统计，上半年全市新设外资企业数量同比增长百分之十五。",
    "活动期间还举办了产品展示、项目对接和商务考察等系列活动。",
    "双方同意建立定期沟通机制，推动合作向更宽领域、更深层次发展。",
    "当天下午，代表团还考察了港口物流设施和跨境电商产业园。",
    "主办方介绍，本届活动规模较上届扩大三成，签约项目数量创新高。",
    "该负责人说，企业将把更多研发环节放在当地，实现本地化生产。",
    "受访企业普遍反映，当地产业配套完善，物流便捷，人才储备充足。",
    "记者在现场看到，一条条自动化生产线正在满负荷运转。",
    "各方围绕如何应对人口老龄化、推动健康产业发展分享了经验。",
]


FILLER_OPENINGS = ["近年来，", "今年以来，", "据介绍，", "与此同时，", "从长远看，", "业内人士认为，", "有关负责人表示，", "记者了解到，",
                   "据当地媒体报道，", "总体来看，", "在各方共同努力下，", "值得一提的是，"]
FILLER_SUBJECTS = ["当地外贸企业", "园区内的制造业企业", "双方的中小企业", "相关行业协会", "不少外资企业", "地方政府部门",
                   "高校和科研院所", "物流和跨境电商企业", "金融机构", "新能源产业链上下游企业", "养老服务机构", "文化旅游企业"]
FILLER_PREDICATES = ["积极拓展海外市场，订单数量稳步增长", "加快数字化转型，生产效率明显提升", "持续加大研发投入，新产品不断涌现",
                     "主动对接国际规则，营商环境进一步优化", "围绕产业链补链强链开展了一系列工作", "在人才培养方面进行了有益探索",
                     "积极参与区域合作，发展空间不断扩大", "克服原材料价格上涨等不利因素，保持了平稳运行",
                     "推动绿色低碳转型，单位产值能耗持续下降", "通过线上线下相结合的方式开展推介活动",
                     "加强与上下游企业的协作，供应链韧性不断增强", "在标准对接和认证互认方面取得积极进展"]


@lru_cache(maxsize=1)
def _seed_sentences() -> tuple[str, ...]:
    """Sentences of the two real articles in seeds/: real prose, with the names real news repeats."""
    import re

    sentences = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = "".join(path.read_text(encoding="utf-8").split())
        sentences += [s for s in re.findall(r"[^。！？]+[。！？]", text) if 12 <= len(s) <= 120]
    return tuple(sentences)


def _filler(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(_seed_sentences())
    if roll < 0.6:
        return rng.choice(FILLER)
    return f"{rng.choice(FILLER_OPENINGS)}{rng.choice(FILLER_SUBJECTS)}{rng.choice(FILLER_PREDICATES)}。"


@dataclass(frozen=True)
class Names:
    """Every pool of names the generator draws from, read from the gazetteers and combined."""

    cn_cities: tuple[str, ...]
    jp_cities: tuple[str, ...]
    jp_companies: tuple[str, ...]
    cn_companies: tuple[str, ...]
    organizations: tuple[str, ...]
    cn_surnames: tuple[str, ...]
    jp_surnames: tuple[str, ...]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Names:
        def full(rows: list[dict[str, str]], label: str, parent: str | None = None) -> tuple[str, ...]:
            return tuple(sorted({r["canonical"] for r in rows if r["label"] == label and r["kind"] == "full"
                                 and (parent is None or r["parent"] == parent) and len(r["canonical"]) >= 2}))

        companies = _rows("companies.tsv")
        return cls(
            cn_cities=full(_rows("cn_admin.tsv"), "City"),
            jp_cities=full(_rows("jp_admin.tsv"), "City"),
            jp_companies=tuple(c for c in full(companies, "Company", "日本") if not c.isascii()),
            cn_companies=tuple(c for c in full(companies, "Company", "中国") if not c.isascii()),
            organizations=full(_rows("organizations.tsv"), "Organization"),
            cn_surnames=tuple(_words("surnames_cn.txt")[:200]),
            jp_surnames=tuple(_words("surnames_jp.txt")[:300]),
        )


class _Draw:
    """Skewed choices: item k of a pool is drawn with weight 1 / (k + 1) (Zipf), pools shuffled by the seed."""

    def __init__(self, rng: random.Random, names: Names, seed: int) -> None:
        self.rng = rng
        order = random.Random(seed)
        self.pools: dict[str, list[str]] = {}
        for field_name in ("cn_cities", "jp_cities", "jp_companies", "cn_companies", "organizations"):
            pool = list(getattr(names, field_name))
            order.shuffle(pool)
            self.pools[field_name] = pool
        self.names = names

    def pick(self, pool: str, spread: float = 1.0) -> str:
        items = self.pools[pool]
        # Inverse-transform sample of a truncated Zipf(1): ranks are log-uniform.
        rank = int(len(items) ** (self.rng.random() ** spread)) - 1
        return items[min(max(rank, 0), len(items) - 1)]

    def person(self, japanese: bool) -> str:
        if japanese:
            return self.rng.choice(self.names.jp_surnames[:120]) + self.rng.choice(GIVEN_JP)
        surname = self.names.cn_surnames[min(int(len(self.names.cn_surnames) ** self.rng.random()) - 1, 199)]
        return surname + "".join(self.rng.sample(GIVEN_CN, self.rng.choice((1, 2, 2))))


def _short(city: str) -> str:
    return city[:-1] if city.endswith("市") and len(city) > 2 else city


def article(index: int, *, seed: int = 14, chars: int = 1500, names: Names | None = None, variant: int = 0) -> str:
    """Article ``index`` of the corpus ``seed`` (``variant`` > 0 gives a changed version of it)."""
    names = names or Names.load()
    rng = random.Random(f"{seed}/{index}/{variant}")
    draw = _Draw(rng, names, seed)
    home = _short(draw.pick("cn_cities", 1.3))
    partner = _short(draw.pick("jp_cities", 1.2))
    jp_company = draw.pick("jp_companies")
    zone = f"{home}{rng.choice(ZONE_SUFFIXES)}"
    joint = f"{jp_company.removesuffix('株式会社')}({home})有限公司"
    government = f"{home}市人民政府"
    bureau = f"{home}市商务局"
    year = rng.randint(2015, 2024)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    event = f"{year}中日({home}){rng.choice(INDUSTRIES)}合作洽谈会"
    official = draw.person(False)
    guest = draw.person(True)
    amount = rng.choice((500, 800, 1200, 3000, 5000, 8000, 12000, 20000))
    currency = rng.choice(("万美元", "亿日元", "亿元"))
    facts = [
        f"{jp_company}投资{amount}{currency}在{zone}设立{joint}，主要生产{rng.choice(INDUSTRIES)}产品。",
        f"{home}市与日本{partner}市缔结友好城市{rng.randint(5, 40)}年来，两市交流日益密切。",
        f"{partner}市{rng.choice(TITLES_JP[:2])}{guest}率经贸代表团访问{home}，考察了{zone}。",
        f"{home}{rng.choice(TITLES_CN)}{official}会见了代表团一行，双方就深化合作交换了意见。",
        f"{event}在{home}举行，由{government}主办，{bureau}承办。",
        f"{draw.pick('cn_companies')}与{draw.pick('jp_companies')}签署战略合作协议，共建{rng.choice(INDUSTRIES)}研发中心。",
        f"据统计，{home}对日本贸易总额{rng.randint(10, 900) / 10:g}亿美元，同比增长{rng.randint(1, 30)}%。",
        f"{draw.pick('organizations', 1.5)}与{draw.pick('jp_companies')}在{home}开展合作。",
        f"{draw.pick('jp_companies')}{rng.choice(TITLES_JP[2:])}{draw.person(True)}出席{event}并致辞。",
        f"{_short(draw.pick('cn_cities'))}市{rng.choice(TITLES_CN[:3])}{draw.person(False)}一行赴日本"
        f"{_short(draw.pick('jp_cities'))}市考察，拜访了{draw.pick('jp_companies')}。",
    ]
    rng.shuffle(facts)
    target = int(chars * rng.uniform(0.4, 1.6))
    del facts[max(1, round(target / 1500 * rng.uniform(2, 5))):]
    lines = [f"{home}与日本{partner}深化{rng.choice(INDUSTRIES)}合作",
             f"新华网{home}{year}年{month}月{day}日电(记者{draw.person(False)})"]
    paragraph: list[str] = []
    length = sum(map(len, lines))
    while length < target:
        if facts and rng.random() < 0.35:
            sentence = facts.pop()
        else:
            sentence = _filler(rng)
        paragraph.append(sentence)
        length += len(sentence)
        if len(paragraph) >= rng.randint(2, 5):
            lines.append("".join(paragraph))
            paragraph = []
    if paragraph:
        lines.append("".join(paragraph))
    return "\n".join(lines) + "\n"


def path_of(folder: Path, index: int) -> Path:
    """Where article ``index`` lives: 1,000 files a folder."""
    return folder / f"{index // 1000:03d}" / f"{index:06d}.txt"


def write_corpus(folder: str | Path, count: int, *, seed: int = 14, chars: int = 1500) -> Path:
    """Write ``count`` articles under ``folder`` (skipping files already there with the same content)."""
    folder = Path(folder)
    names = Names.load()
    for index in range(count):
        path = path_of(folder, index)
        text = article(index, seed=seed, chars=chars, names=names)
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def change_one(folder: str | Path, index: int, *, seed: int = 14, chars: int = 1500, variant: int = 1) -> Path:
    """Replace article ``index`` with another version of it (what a rebuild after one change sees)."""
    path = path_of(Path(folder), index)
    path.write_text(article(index, seed=seed, chars=chars, variant=variant), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--chars", type=int, default=1500, help="typical article length in characters")
    args = parser.parse_args(argv)
    write_corpus(args.folder, args.count, seed=args.seed, chars=args.chars)
    print(f"wrote {args.count} articles under {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
