"""A small hand-built extraction of a fictional article (no seed names), shared by tests."""

from __future__ import annotations

from decimal import Decimal

from kg.records import DateValue, DocumentExtraction, EntityKey, EntityRecord, Mention, Money, RelationRecord, StatisticRecord

TEXT = (
    "大连市与日本北九州市缔结友好城市。"
    "日立制作所投资3000万美元在大连经济技术开发区设立日立大连有限公司。"
    "大连市长李明出席2023中日经贸洽谈会并致辞，洽谈会在大连举行。"
    "据统计，大连对日本贸易总额12.5亿美元。"
    "<script>alert(1)</script>"
)

DALIAN = EntityKey("大连", "City")
KITAKYUSHU = EntityKey("北九州市", "City")
JAPAN = EntityKey("日本", "Country")
HITACHI = EntityKey("日立制作所", "Company")
HITACHI_DL = EntityKey("日立大连有限公司", "Company")
ZONE = EntityKey("大连经济技术开发区", "Zone")
LI = EntityKey("李明", "Person")
FAIR = EntityKey("2023中日经贸洽谈会", "Event")


def _span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def _mention(key: EntityKey, surface: str, nth: int = 0) -> Mention:
    start, end = _span(TEXT, surface, nth)
    return Mention(key, start, end, surface)


def _sentence(fragment: str) -> tuple[int, int, str]:
    start = TEXT.index(fragment)
    begin = max(TEXT.rfind("。", 0, start) + 1, 0)
    end = TEXT.index("。", start) + 1
    return begin, end, TEXT[begin:end]


def sample_extraction() -> DocumentExtraction:
    """The extraction of :data:`TEXT`: eight entities, seven relations, one statistic."""
    s1 = _sentence("缔结友好城市")
    s2 = _sentence("日立制作所投资")
    s3 = _sentence("出席")
    s4 = _sentence("贸易总额")
    relations = (
        RelationRecord(DALIAN, "sisterCityOf", KITAKYUSHU, *s1),
        RelationRecord(KITAKYUSHU, "locatedIn", JAPAN, *s1, method="gazetteer"),
        RelationRecord(HITACHI, "investedIn", HITACHI_DL, *s2, money=Money(Decimal("30000000"), "USD", "3000万美元"),
                       date=DateValue("2023", "gYear")),
        RelationRecord(HITACHI, "established", HITACHI_DL, *s2),
        RelationRecord(HITACHI_DL, "locatedIn", ZONE, *s2),
        RelationRecord(ZONE, "locatedIn", DALIAN, *s2, method="name"),
        RelationRecord(LI, "affiliatedWith", DALIAN, *s3, job_title="市长"),
        RelationRecord(LI, "participatedIn", FAIR, *s3),
        RelationRecord(FAIR, "heldIn", DALIAN, *s3),
    )
    entities = (
        EntityRecord(DALIAN, aliases=("大连市",)),
        EntityRecord(KITAKYUSHU),
        EntityRecord(JAPAN),
        EntityRecord(HITACHI),
        EntityRecord(HITACHI_DL),
        EntityRecord(ZONE),
        EntityRecord(LI, job_title="市长"),
        EntityRecord(FAIR, aliases=("洽谈会",)),
    )
    mentions = (
        _mention(DALIAN, "大连市"), _mention(KITAKYUSHU, "北九州市"), _mention(JAPAN, "日本"),
        _mention(HITACHI, "日立制作所"), _mention(HITACHI_DL, "日立大连有限公司"),
        _mention(ZONE, "大连经济技术开发区"), _mention(LI, "李明"), _mention(FAIR, "2023中日经贸洽谈会"),
        _mention(FAIR, "洽谈会", 1),
    )
    statistics = (
        StatisticRecord(DALIAN, "贸易总额", Decimal("1250000000"), "USD", *s4, counterpart=JAPAN, currency="USD"),
    )
    return DocumentExtraction(
        file_name="sample.txt",
        content_hash="0" * 64,
        text=TEXT,
        entities=entities,
        mentions=mentions,
        relations=relations,
        statistics=statistics,
    )


def canonical(graph):
    """A copy of ``graph`` with every xsd:decimal spelled canonically.

    Oxigraph keeps decimals in XSD 1.1 canonical form (30000000) and rdflib's Turtle writer
    spells them 30000000.0: the same value. Compare graphs from both engines through this.
    """
    from rdflib import Graph, Literal
    from rdflib.namespace import XSD

    from kg.rdf import decimal_literal

    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = decimal_literal(o.toPython())
        out.add((s, p, o))
    return out
