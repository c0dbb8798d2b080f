"""The ``investedIn`` rule that reads firms' money from their projects being signed: A、B等N个项目集中签约
(the companies whose projects a place signs invest in it)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ....folding import fold
from ....records import EntityKey
from ..base import Fact, Sentence, date_near, relation_rule
from ..lexicon import reads

__all__ = ["signed_projects"]

reads("investedIn", "signed_project_list_pattern", "signed_project_links_pattern", "signed_project_places",
      "signed_project_heads")

#: How often the article must name a zone for it to be where the projects it signs lie.
_HOME_ZONE_MENTIONS = 3


@relation_rule("investedIn.signed_projects", gate=("sign",), cues=("sign",))
def signed_projects(s: Sentence) -> Iterator[Fact]:
    """A、B等(N个)(…)项目(集中/现场)签约: each company of a list closed by 等…项目 right before the signing
    invests in the place the sentence names after the cue, else in the zone the article names most often
    (three times or more), else in its home city (在活动现场，甲、乙等5个产业类项目集中签约 → 甲, 乙 investedIn
    the article's zone; 甲、乙等一批成熟项目的签约入驻，标志着成都… → 成都; 与甲、乙等项目举行签约仪式); not one
    company alone, nor a list the signing does not close (甲、乙等企业负责人出席签约仪式: people sign), nor an
    item named as a project (甲在华综合型总部: a headquarters the text names as a company)."""
    heads = tuple(s.lex["signed_project_heads"])
    for cue_start, cue_end, _ in s.find("sign"):
        lists = _signed_lists(s, cue_start)
        if not lists:
            continue
        place = _place_after(s, cue_end) or _home_place(s)
        if place is None:
            continue
        for m in (m for listed in lists for m in listed if not m.key.name.endswith(heads)):
            yield Fact(m.key, "investedIn", place, cue_start, date=date_near(s, cue_start))


def _signed_lists(s: Sentence, cue_start: int) -> list[list]:
    """The lists of companies closed by 等…项目 that the signing at ``cue_start`` closes: the last right
    before the cue (…等5个总部类项目集中|签约), others before it in the sentence (甲、乙等5个产业类项目，丙、丁等
    5个总部类项目集中签约)."""
    text, lex = s.text, s.lex
    closes = list(lex["signed_project_list_pattern"].finditer(text, s.start, cue_start))
    if not closes or not lex["signed_project_links_pattern"].fullmatch(text, closes[-1].end(), cue_start):
        return []
    lists = [_companies_before(s, close.start()) for close in closes]
    return [listed for listed in lists if len(listed) >= 2]


def _companies_before(s: Sentence, end: int) -> list:
    """The companies joined by 、 that end right at ``end``."""
    listed: list = []
    at = end
    for m in reversed([m for m in s.mentions if m.end <= end]):
        if m.end != at or m.key.label != "Company":
            break
        listed.insert(0, m)
        if s.text[m.start - 1:m.start] != "、":
            break
        at = m.start - 1
    return listed


def _place_after(s: Sentence, cue_end: int) -> EntityKey | None:
    """The first city, district or zone the sentence names after the cue (…的签约入驻，标志着成都…)."""
    labels = set(s.lex["signed_project_places"])
    return next((m.key for m in s.mentions if m.start >= cue_end and m.key.label in labels), None)


def _home_place(s: Sentence) -> EntityKey | None:
    """The zone the article names most often, by any of its names (``_HOME_ZONE_MENTIONS`` times or more, no
    tie), else its home city."""
    view = s.view

    def compute() -> EntityKey | None:
        counts = Counter({key: _times_named(view.folded, (key.name, *record.aliases))
                          for key, record in view.entities.items() if key.label == "Zone"}).most_common(2)
        if counts and counts[0][1] >= _HOME_ZONE_MENTIONS and (len(counts) == 1 or counts[1][1] < counts[0][1]):
            return counts[0][0]
        return view.home.get("City")
    return view.memo("investedIn.signed_projects.home", compute)


def _times_named(text: str, names: tuple[str, ...]) -> int:
    """How often the text names something by any of ``names`` (a longer name counted once: 大连金普新区, not
    also 金普新区)."""
    words = sorted({fold(name) for name in names if name}, key=len, reverse=True)
    return len(re.findall("|".join(map(re.escape, words)), text)) if words else 0
