"""``kg_relations``: relations stated by cue words, with evidence, money and dates.

Each relation family has a module of rules (:mod:`.invest`, :mod:`.visit`, …); a
rule reads one sentence (:class:`~.base.Sentence`: its mentions, the cue words of
``patterns/relation_cues.json`` where they occur, what carries over from the
sentences before) and yields :class:`~.base.Fact` records. The component runs the
rules its config lists, in order, and records each fact once per sentence with the
sentence as evidence and the rule's id.

=================  =====================================================
family             shape in the text
=================  =====================================================
affiliatedWith     ORG + title + PERSON (中国外商投资企业协会常务副会长曹宏瑛);
                   市长/市领导/市委书记 + PERSON → the home city
participatedIn     PERSON…、PERSON…分别讲话/致辞/出席/参加; 出席活动的嘉宾有甲、乙;
                   everyone in 在E上/会上; bodies before the cue; speakers,
                   signers and deal makers in the report of an event → the
                   event named, the paragraph's, or the one reported on
organizedBy        由A主办，B、C承办的E; A与B共同举办E; 主办方A、B; an event
                   named after a body, or after a city and held elsewhere
heldIn             E在P举行 (the smallest place said; 在沪); 赴P参加E; P等会场;
                   the place in brackets or at the start of its name
visited            VISITOR (率 VISITOR) 赴/来到/拜访/考察 X、Y、Z, 访日, 来我市; a
                   delegation's sender and leaders with it; X来访, HOST会见GUEST
                   (the host's place); 出席在P举行的… on a trip; subject carried
                   across clauses and the trip, 他 → the last person
cooperatesWith     A、B与C…合作/携手/交流合作; 与B… with A the sentence topic;
                   X对日合作; 中日…合作 (both countries named)
signedWith         A与B…签署/签约…协议; 甲、乙签署《…》 (and what they sign for);
                   中日双方签订… (both countries named)
investedIn         A对/在B投资; A投资M设立B; A实际使用日资M → 日本 investedIn A
established        A设立/成立B (B a company, organization, zone or body)
sisterCityOf       A与B缔结友城/友好城市; X是Y的友好城市; 两市结好 (cities only)
locatedIn          位于X的Y; Y位于X; a place right before a smaller one (江苏苏州)
statistic          PLACE对PARTNER贸易总额M (not a relation: ``cj:Statistic``)
=================  =====================================================
"""

from __future__ import annotations

from . import (  # noqa: F401  (each module registers its rules)
    affiliation,
    body_events,
    branch_owner,
    cohosts,
    cooperate,
    country_kind,
    credits,
    diplomats,
    establish,
    group_leaders,
    governors,
    hold,
    hosts,
    invest,
    locate,
    organize,
    parents,
    participation,
    place_before,
    place_lists,
    place_attendance,
    presence,
    presenters,
    reciprocal,
    schools,
    sign,
    signed_at,
    sister,
    speaks_for,
    statistic,
    subsidiary,
    titles_after,
    visit,
    within,
)
from .base import Fact, Sentence, relation_rule
from .component import DEFAULT_RULES, RelationExtractor

__all__ = ["DEFAULT_RULES", "Fact", "RelationExtractor", "Sentence", "relation_rule"]
