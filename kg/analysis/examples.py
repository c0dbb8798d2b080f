"""A tiny fictional graph for the examples in :mod:`kg.analysis`'s docstrings.

It is built like any other graph, by :func:`kg.rdf.build_graph` from extraction
records, so the examples exercise the same RDF the pipeline writes. Every name
and figure in it is made up.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph

from ..rdf import build_graph
from ..records import (
    DateValue,
    DocumentExtraction,
    EntityKey,
    EntityRecord,
    Mention,
    Money,
    RelationRecord,
    StatisticRecord,
)

__all__ = ["EXAMPLE_TEXT", "example_extraction", "example_graph"]

#: The fictional article the example graph is read from.
EXAMPLE_TEXT = (
    "大连市与日本北九州市缔结友好城市。"
    "日立制作所投资3000万美元在大连经济技术开发区设立日立大连有限公司。"
    "大连市长李明出席2023中日经贸洽谈会并致辞，洽谈会在大连举行。"
    "据统计，大连对日本贸易总额12.5亿美元。"
    "2024年5月，大连船舶重工有限公司投资20亿日元在北九州市设立大船北九州株式会社。"
)

_DALIAN = EntityKey("大连", "City")
_KITAKYUSHU = EntityKey("北九州市", "City")
_JAPAN = EntityKey("日本", "Country")
_CHINA = EntityKey("中国", "Country")
_HITACHI = EntityKey("日立制作所", "Company")
_HITACHI_DL = EntityKey("日立大连有限公司", "Company")
_ZONE = EntityKey("大连经济技术开发区", "Zone")
_LI = EntityKey("李明", "Person")
_FAIR = EntityKey("2023中日经贸洽谈会", "Event")
_SHIPYARD = EntityKey("大连船舶重工有限公司", "Company")
_SHIPYARD_JP = EntityKey("大船北九州株式会社", "Company")


def _mention(key: EntityKey, surface: str, rule: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = EXAMPLE_TEXT.index(surface, start + 1)
    return Mention(key, start, start + len(surface), surface, rule)


def _sentence(fragment: str) -> tuple[int, int, str]:
    start = EXAMPLE_TEXT.index(fragment)
    begin = EXAMPLE_TEXT.rfind("。", 0, start) + 1
    end = EXAMPLE_TEXT.index("。", start) + 1
    return begin, end, EXAMPLE_TEXT[begin:end]


def example_extraction() -> DocumentExtraction:
    """The extraction of :data:`EXAMPLE_TEXT`: 11 entities, 13 relations, 1 statistic.

    Mentions and relations carry made-up rule ids (``investedIn.cue``, ``gazetteer.place`` …)
    the way the pipeline's named rules label what they find.
    """
    sister, hitachi, fair = _sentence("友好城市"), _sentence("日立制作所投资"), _sentence("出席")
    trade, shipyard = _sentence("贸易总额"), _sentence("大连船舶重工")
    relations = (
        RelationRecord(_DALIAN, "sisterCityOf", _KITAKYUSHU, *sister, rule="sisterCityOf.cue"),
        RelationRecord(_KITAKYUSHU, "locatedIn", _JAPAN, *sister, method="gazetteer", rule="locatedIn.gazetteer"),
        RelationRecord(_DALIAN, "locatedIn", _CHINA, *sister, method="gazetteer", rule="locatedIn.gazetteer"),
        RelationRecord(_HITACHI, "investedIn", _HITACHI_DL, *hitachi,
                       money=Money(Decimal("30000000"), "USD", "3000万美元"), date=DateValue("2023", "gYear"),
                       rule="investedIn.cue"),
        RelationRecord(_HITACHI, "established", _HITACHI_DL, *hitachi, rule="established.cue"),
        RelationRecord(_HITACHI_DL, "locatedIn", _ZONE, *hitachi, rule="locatedIn.cue"),
        RelationRecord(_ZONE, "locatedIn", _DALIAN, *hitachi, method="name", rule="locatedIn.name"),
        RelationRecord(_LI, "affiliatedWith", _DALIAN, *fair, job_title="市长", rule="affiliatedWith.title"),
        RelationRecord(_LI, "participatedIn", _FAIR, *fair, rule="participatedIn.cue"),
        RelationRecord(_FAIR, "heldIn", _DALIAN, *fair, rule="heldIn.cue"),
        RelationRecord(_SHIPYARD, "investedIn", _SHIPYARD_JP, *shipyard,
                       money=Money(Decimal("2000000000"), "JPY", "20亿日元"), date=DateValue("2024-05", "gYearMonth"),
                       rule="investedIn.cue"),
        RelationRecord(_SHIPYARD, "established", _SHIPYARD_JP, *shipyard, rule="established.cue"),
        RelationRecord(_SHIPYARD_JP, "locatedIn", _KITAKYUSHU, *shipyard, rule="locatedIn.cue"),
    )
    entities = (
        EntityRecord(_DALIAN, aliases=("大连市",)),
        EntityRecord(_KITAKYUSHU),
        EntityRecord(_JAPAN),
        EntityRecord(_CHINA),
        EntityRecord(_HITACHI),
        EntityRecord(_HITACHI_DL),
        EntityRecord(_ZONE),
        EntityRecord(_LI, job_title="市长"),
        EntityRecord(_FAIR, aliases=("洽谈会",)),
        EntityRecord(_SHIPYARD),
        EntityRecord(_SHIPYARD_JP),
    )
    mentions = (
        _mention(_DALIAN, "大连市", "gazetteer.place"), _mention(_KITAKYUSHU, "北九州市", "gazetteer.place"),
        _mention(_JAPAN, "日本", "gazetteer.place"), _mention(_HITACHI, "日立制作所", "gazetteer.company"),
        _mention(_HITACHI_DL, "日立大连有限公司", "shapes.suffix"),
        _mention(_ZONE, "大连经济技术开发区", "shapes.suffix"), _mention(_LI, "李明", "people.title"),
        _mention(_FAIR, "2023中日经贸洽谈会", "shapes.suffix"), _mention(_FAIR, "洽谈会", "shapes.backref", 1),
        _mention(_SHIPYARD, "大连船舶重工有限公司", "shapes.suffix"),
        _mention(_SHIPYARD_JP, "大船北九州株式会社", "shapes.suffix"),
    )
    statistics = (
        StatisticRecord(_DALIAN, "贸易总额", Decimal("1250000000"), "USD", *trade,
                        counterpart=_JAPAN, currency="USD", date=DateValue("2023", "gYear")),
    )
    return DocumentExtraction(
        file_name="example.txt",
        content_hash="e" * 64,
        text=EXAMPLE_TEXT,
        entities=entities,
        mentions=mentions,
        relations=relations,
        statistics=statistics,
    )


def example_graph() -> Graph:
    """The RDF graph of :func:`example_extraction`, as :func:`kg.rdf.build_graph` writes it.

    Examples
    --------
    >>> from kg.ontology import CJ, RDF
    >>> graph = example_graph()
    >>> len(set(graph.subjects(RDF.type, CJ.RelationMention))), len(set(graph.subjects(RDF.type, CJ.Statistic)))
    (13, 1)
    """
    return build_graph([example_extraction()])
