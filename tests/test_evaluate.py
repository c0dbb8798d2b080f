"""The scorer follows SCHEMA.md's last section exactly; checked on hand-built graphs."""

from __future__ import annotations

import json

import pytest

from kg.errors import GoldFormatError
from kg.evaluate import NO_RULE, NOTHING_CLOSE, ItemError, evaluate_graph, evaluate_paths, load_gold, name_keys, parse_gold
from kg.rdf import build_graph
from kg.records import DocumentExtraction, EntityKey, EntityRecord, Mention, RelationRecord

TEXT = "大连与北九州缔结友城。欧姆龙（大连）有限公司位于大连。日本经济产业省"
DALIAN = EntityKey("大连", "City")
KITA = EntityKey("北九州", "City")
OMRON = EntityKey("欧姆龙（大连）有限公司", "Company")
METI = EntityKey("日本经济产业省", "Organization")  # gold says GovernmentBody: a type error
JAPAN = EntityKey("日本", "Country")


def extraction() -> DocumentExtraction:
    return DocumentExtraction(
        file_name="doc.txt", content_hash="c" * 64, text=TEXT,
        entities=(EntityRecord(DALIAN, aliases=("大连市",)), EntityRecord(KITA), EntityRecord(OMRON), EntityRecord(METI),
                  EntityRecord(JAPAN)),
        mentions=(Mention(DALIAN, 0, 2, "大连"), Mention(KITA, 3, 6, "北九州"), Mention(OMRON, 11, 23, TEXT[11:23]),
                  Mention(METI, 28, 35, TEXT[28:35])),  # 日本 has no mention: not a predicted entity
        relations=(
            RelationRecord(KITA, "sisterCityOf", DALIAN, 0, 11, TEXT[:11]),  # symmetric: either direction matches
            RelationRecord(OMRON, "locatedIn", DALIAN, 11, 28, TEXT[11:28]),
            RelationRecord(METI, "locatedIn", JAPAN, 28, 35, TEXT[28:35], method="gazetteer"),  # not gold: not counted
            RelationRecord(DALIAN, "cooperatesWith", KITA, 0, 11, TEXT[:11]),  # spurious
        ),
    )


GOLD = {
    "document": "doc.txt",
    "entities": [
        {"name": "大连", "type": "City", "aliases": ["大连市"], "alt_types": []},
        {"name": "北九州市", "type": "City", "aliases": ["北九州"], "alt_types": []},
        {"name": "欧姆龙(大连)有限公司", "type": "Company", "aliases": [], "alt_types": []},
        {"name": "日本经济产业省", "type": "GovernmentBody", "aliases": [], "alt_types": []},
        {"name": "日本", "type": "Country", "aliases": [], "alt_types": []},
    ],
    "relations": [
        {"subject": "大连", "predicate": "sisterCityOf", "object": "北九州市"},
        {"subject": "欧姆龙(大连)有限公司", "predicate": "locatedIn", "object": "大连"},
        {"subject": "日本经济产业省", "predicate": "locatedIn", "object": "日本"},
    ],
}


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return path


def test_scores_follow_the_schema(gold_file):
    report = evaluate_graph(build_graph([extraction()]), [load_gold(gold_file)])
    # entities: 4 predicted (日本 has no mention), all match by name or alias (brackets unified); 4 of 5 gold found
    assert (report.entities.predicted, report.entities.tp_pred, report.entities.gold, report.entities.tp_gold) == (4, 4, 5, 4)
    # typed: 日本经济产业省 is Organization, gold GovernmentBody
    assert (report.typed_entities.tp_pred, report.typed_entities.tp_gold) == (3, 3)
    assert report.mistyped_entities == [
        ItemError("doc.txt", "日本经济产业省", "Organization (gold GovernmentBody)", NO_RULE)]
    # relations: the gazetteer fact matches gold, so it counts (日本 has no mention, but is the end of a relation
    # and is assigned to gold 日本 for relations only); cooperatesWith is spurious
    assert (report.relations.predicted, report.relations.tp_pred, report.relations.gold, report.relations.tp_gold) == (4, 3, 3, 3)
    assert report.relations.precision == pytest.approx(0.75)
    assert report.relations.recall == pytest.approx(1.0)
    assert report.per_predicate["sisterCityOf"].tp_gold == 1


def test_gazetteer_only_relations_that_match_nothing_are_left_out(gold_file):
    gold = dict(GOLD, relations=GOLD["relations"][:2])
    path = gold_file.with_name("other.json")
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    report = evaluate_graph(build_graph([extraction()]), [load_gold(path)])
    assert report.relations.predicted == 3  # the gazetteer-only locatedIn is not counted


def test_bad_gold_files_name_the_problem(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"document": "x.txt", "entities": [], "relations": [{"subject": "A", "predicate": "p", "object": "B"}]}',
                   encoding="utf-8")
    with pytest.raises(GoldFormatError, match="bad.json.*'A'"):
        load_gold(bad)
    with pytest.raises(GoldFormatError, match="no \\*.json"):
        evaluate_paths(tmp_path / "empty" if (tmp_path / "empty").mkdir() is None else tmp_path)


# ------------------------------------------------------- one rule of the scorer at a time


def one_document(entities, relations=()):
    """A one-document graph from ``(key, aliases, rules)`` entities and ``(s, p, o, method, rule)`` relations.

    An entity gets one ``cj:EntityMention`` per rule in ``rules`` (``""``: a mention without ``cj:rule``);
    with no rules it has no mention at all.
    """
    mentions, offset = [], 0
    for key, _, rules in entities:
        for rule in rules:
            mentions.append(Mention(key, offset, offset + len(key.name), key.name, rule))
            offset += len(key.name)
    return build_graph([DocumentExtraction(
        file_name="doc.txt", content_hash="d" * 64, text="文" * (offset + 10),
        entities=tuple(EntityRecord(key, aliases=aliases) for key, aliases, _ in entities),
        mentions=tuple(mentions),
        relations=tuple(RelationRecord(s, p, o, i, i + 1, f"第{i}句。", method=method, rule=rule)
                        for i, (s, p, o, method, rule) in enumerate(relations)),
    )])


def gold_document(entities, relations=()):
    """Gold from ``(name, type, aliases, alt_types)`` entities and ``(s, p, o)`` relations."""
    return parse_gold({
        "document": "doc.txt",
        "entities": [{"name": n, "type": t, "aliases": list(a), "alt_types": list(alt)} for n, t, a, alt in entities],
        "relations": [{"subject": s, "predicate": p, "object": o} for s, p, o in relations],
    })


def counts(score):
    return score.tp_pred, score.predicted, score.tp_gold, score.gold


SUZHOU, SUZHOU_SHI, OSAKA = EntityKey("苏州", "City"), EntityKey("苏州市", "City"), EntityKey("大阪", "City")


def test_a_duplicate_node_is_spurious_and_so_are_its_relations():
    graph = one_document(
        [(SUZHOU, ("苏州市",), ["gazetteer.place"]), (SUZHOU_SHI, (), ["shapes.suffix"]), (OSAKA, (), ["gazetteer.place"])],
        [(SUZHOU_SHI, "sisterCityOf", OSAKA, "pattern", "sisterCityOf.cue")])
    gold = gold_document([("苏州", "City", ["苏州市"], []), ("大阪", "City", [], [])], [("苏州", "sisterCityOf", "大阪")])
    report = evaluate_graph(graph, [gold])
    # 苏州 (two surface forms) wins over 苏州市 (one); 苏州市 is spurious although gold calls 苏州 苏州市
    assert counts(report.entities) == counts(report.typed_entities) == (2, 3, 2, 2)
    assert report.spurious_entities == [ItemError("doc.txt", "苏州市", "City", "shapes.suffix")]
    # its relation matches nothing; the missed gold relation names it as the closest, with its rule
    assert counts(report.relations) == (0, 1, 0, 1)
    assert report.spurious_relations == [ItemError("doc.txt", "苏州市 sisterCityOf 大阪", "sisterCityOf", "sisterCityOf.cue")]
    assert report.missed_relations == [ItemError("doc.txt", "苏州 sisterCityOf 大阪", "sisterCityOf", "sisterCityOf.cue",
                                                 "苏州市 sisterCityOf 大阪")]


PANA, PANA_DENKI = EntityKey("松下", "Company"), EntityKey("松下电器", "Company")
PANA_GOLD = [("松下电器", "Company", ["松下"], []), ("苏州", "City", [], [])]


@pytest.mark.parametrize(("relations", "winner"), [
    ([], "松下"),  # same surface forms, no relations: the smaller IRI (…/Company/松下 < …/Company/松下电器)
    ([(PANA_DENKI, "locatedIn", SUZHOU, "pattern", "")], "松下电器"),  # more relations wins
    ([(PANA, "locatedIn", SUZHOU, "pattern", ""), (PANA_DENKI, "investedIn", SUZHOU, "pattern", ""),
      (PANA_DENKI, "established", SUZHOU, "pattern", "")], "松下电器"),
])
def test_ties_go_to_more_relations_then_the_smaller_iri(relations, winner):
    graph = one_document([(PANA, ("松下电器",), [""]), (PANA_DENKI, ("松下",), [""]), (SUZHOU, (), [""])], relations)
    report = evaluate_graph(graph, [gold_document(PANA_GOLD)])
    (spurious,) = report.spurious_entities
    assert spurious.item == ({"松下", "松下电器"} - {winner}).pop()
    assert counts(report.typed_entities) == (2, 3, 2, 2)


def test_more_surface_forms_beat_more_relations():
    graph = one_document([(PANA, ("松下电器", "松下公司"), [""]), (PANA_DENKI, ("松下",), [""]), (SUZHOU, (), [""])],
                         [(PANA_DENKI, "locatedIn", SUZHOU, "pattern", "")])
    report = evaluate_graph(graph, [gold_document(PANA_GOLD, [("松下电器", "locatedIn", "苏州")])])
    assert [e.item for e in report.spurious_entities] == ["松下电器"]
    assert counts(report.relations) == (0, 1, 0, 1)


def test_a_type_correct_match_comes_before_a_duplicate_with_more_surface_forms():
    osaka_region = EntityKey("大阪", "Region")
    graph = one_document([(osaka_region, ("大阪府", "大阪地区"), [""]), (OSAKA, (), [""])])
    report = evaluate_graph(graph, [gold_document([("大阪", "City", [], [])])])
    assert report.spurious_entities == [ItemError("doc.txt", "大阪", "Region", NO_RULE)]
    assert counts(report.typed_entities) == counts(report.entities) == (1, 2, 1, 1)
    assert report.mistyped_entities == []


def test_an_exact_name_comes_before_one_that_matches_without_its_suffix():
    # Either node matches either gold entity once 府 is dropped; each goes to the gold entity of its own name.
    kyoto_city, kyoto_pref = EntityKey("京都", "City"), EntityKey("京都府", "Region")
    graph = one_document([(kyoto_city, (), [""]), (kyoto_pref, (), [""]), (JAPAN, (), [""])],
                         [(kyoto_pref, "locatedIn", JAPAN, "pattern", ""), (kyoto_city, "locatedIn", kyoto_pref, "pattern", "")])
    gold = gold_document([("京都府", "Region", [], ["City"]), ("京都", "City", [], ["Region"]), ("日本", "Country", [], [])],
                         [("京都府", "locatedIn", "日本"), ("京都", "locatedIn", "京都府")])
    report = evaluate_graph(graph, [gold])
    assert counts(report.typed_entities) == (3, 3, 3, 3)
    assert counts(report.relations) == (2, 2, 2, 2)


def test_the_matching_is_maximal():
    # Gold 松下电器 first takes 松下 (more surface forms); gold 松下公司 has no other candidate, so an
    # augmenting path moves 松下电器 over to the node 松下电器 and both are matched.
    graph = one_document([(PANA, ("松下电器", "松下公司"), [""]), (PANA_DENKI, (), [""])])
    gold = gold_document([("松下电器", "Company", ["松下"], []), ("松下公司", "Company", [], [])])
    report = evaluate_graph(graph, [gold])
    assert counts(report.typed_entities) == (2, 2, 2, 2)
    assert report.spurious_entities == report.missed_entities == []


@pytest.mark.parametrize(("gold", "predicted", "matches"), [
    (("浙江", "Region"), ("浙江省", "Region"), True),  # a region's 省
    (("浙江省", "Region"), ("浙江", "Region"), True),
    (("东京", "City"), ("东京都", "Region"), True),  # either side a place of the four classes: 东京 matches 东京都
    (("相城区", "District"), ("相城", "District"), True),
    (("明石市", "City"), ("明石", "City"), True),
    (("大阪府", "Region"), ("大阪市", "City"), True),  # both drop their suffix
    (("苏州工业园区", "Zone"), ("苏州工业园", "Zone"), False),  # a zone's 区 is significant
    (("日本经济新闻社", "Organization"), ("日本经济新闻", "Organization"), False),
    (("欧姆龙(大连)有限公司", "Company"), ("欧姆龙（大连） 有限公司", "Company"), True),  # brackets and white space
    (("中日（苏州）合作示范区", "Zone"), ("中日(苏州)合作示范区", "Zone"), True),
    (("三菱 商事", "Company"), ("三菱商事", "Company"), True),
    (("三菱商事", "Company"), ("三菱", "Company"), False),
])
def test_names_compare_without_space_bracket_width_and_a_place_suffix(gold, predicted, matches):
    graph = one_document([(EntityKey(*predicted), (), [""])])
    report = evaluate_graph(graph, [gold_document([(*gold, [], [])])])
    assert report.entities.tp_gold == int(matches)


def test_name_keys():
    assert name_keys(["东京都", "（株）東京"], strip_suffix=True) == {"东京都", "东京", "(株)東京"}
    assert name_keys(["市"], strip_suffix=True) == {"市"}  # a suffix alone is a name


KOBE, TIANJIN = EntityKey("神户", "City"), EntityKey("天津", "City")


@pytest.mark.parametrize(("relations", "expected"), [
    ([(KOBE, "sisterCityOf", TIANJIN, "pattern", "")], (1, 1, 1, 1)),  # symmetric: the other direction matches
    ([(KOBE, "sisterCityOf", TIANJIN, "pattern", ""), (TIANJIN, "sisterCityOf", KOBE, "pattern", "")], (1, 1, 1, 1)),
    ([(KOBE, "cooperatesWith", TIANJIN, "pattern", "")], (0, 1, 0, 1)),  # another predicate
])
def test_symmetric_relations_match_either_way_and_count_once(relations, expected):
    graph = one_document([(KOBE, (), [""]), (TIANJIN, (), [""])], relations)
    gold = gold_document([("天津", "City", ["天津市"], []), ("神户", "City", [], [])], [("天津", "sisterCityOf", "神户")])
    assert counts(evaluate_graph(graph, [gold]).relations) == expected


def test_a_directed_relation_must_keep_its_direction():
    graph = one_document([(KOBE, (), [""]), (TIANJIN, (), [""])], [(TIANJIN, "visited", KOBE, "pattern", "visited.cue")])
    gold = gold_document([("天津", "City", [], []), ("神户", "City", [], [])], [("神户", "visited", "天津")])
    report = evaluate_graph(graph, [gold])
    assert counts(report.relations) == (0, 1, 0, 1)
    assert report.missed_relations == [ItemError("doc.txt", "神户 visited 天津", "visited", "visited.cue", "天津 visited 神户")]


JAPAN_GOLD = [("神户", "City", [], []), ("天津", "City", [], []), ("日本", "Country", [], []), ("中国", "Country", [], [])]
CHINA, JAPAN = EntityKey("中国", "Country"), EntityKey("日本", "Country")


def test_gazetteer_only_relations_count_only_when_they_match():
    graph = one_document(
        [(KOBE, (), [""]), (TIANJIN, (), [""]), (JAPAN, (), [""]), (CHINA, (), [""])],
        [(KOBE, "locatedIn", JAPAN, "gazetteer", "locatedIn.gazetteer"),  # matches gold: counted, a true positive
         (TIANJIN, "locatedIn", CHINA, "gazetteer", "locatedIn.gazetteer"),  # matches nothing: left out
         (TIANJIN, "locatedIn", JAPAN, "gazetteer", "locatedIn.gazetteer"),  # matches nothing, but also by a cue:
         (TIANJIN, "locatedIn", JAPAN, "pattern", "locatedIn.cue")])  # counted, and spurious
    report = evaluate_graph(graph, [gold_document(JAPAN_GOLD, [("神户", "locatedIn", "日本")])])
    assert counts(report.relations) == (1, 2, 1, 1)
    assert report.spurious_relations == [
        ItemError("doc.txt", "天津 locatedIn 日本", "locatedIn", "locatedIn.cue,locatedIn.gazetteer")]


def test_an_end_without_mention_is_matched_for_relations_only():
    graph = one_document([(KOBE, (), [""]), (JAPAN, (), [])], [(KOBE, "locatedIn", JAPAN, "gazetteer", "")])
    report = evaluate_graph(graph, [gold_document(JAPAN_GOLD[:1] + JAPAN_GOLD[2:3], [("神户", "locatedIn", "日本")])])
    assert counts(report.entities) == (1, 1, 1, 2)  # 日本 is no predicted entity: it has no mention
    assert [e.item for e in report.missed_entities] == ["日本"]
    assert counts(report.relations) == (1, 1, 1, 1)


def test_missed_items_name_the_rule_of_the_closest_prediction():
    zone = EntityKey("苏州工业园", "Zone")
    graph = one_document(
        [(SUZHOU, (), ["gazetteer.place"]), (OSAKA, (), ["gazetteer.place"]), (zone, (), ["shapes.suffix"])],
        [(SUZHOU, "cooperatesWith", OSAKA, "pattern", "cooperatesWith.cue")])
    gold = gold_document([("苏州", "City", [], []), ("大阪", "City", [], []), ("苏州工业园区", "Zone", [], []),
                          ("松下", "Company", [], [])],
                         [("苏州", "sisterCityOf", "大阪"), ("松下", "locatedIn", "苏州")])
    report = evaluate_graph(graph, [gold])
    assert report.missed_entities == [
        ItemError("doc.txt", "苏州工业园区", "Zone", "shapes.suffix", "苏州工业园"),  # a name inside the gold name
        ItemError("doc.txt", "松下", "Company", NOTHING_CLOSE, ""),
    ]
    assert report.spurious_entities == [ItemError("doc.txt", "苏州工业园", "Zone", "shapes.suffix")]
    assert report.missed_relations == [
        ItemError("doc.txt", "苏州 sisterCityOf 大阪", "sisterCityOf", "cooperatesWith.cue", "苏州 cooperatesWith 大阪"),
        ItemError("doc.txt", "松下 locatedIn 苏州", "locatedIn", NOTHING_CLOSE, ""),
    ]


def test_scores_per_rule():
    graph = one_document(
        [(KOBE, (), ["gazetteer.place"]), (TIANJIN, (), ["gazetteer.place", "shapes.suffix"]),
         (JAPAN, (), ["gazetteer.place"]), (OSAKA, (), ["shapes.suffix"])],
        [(KOBE, "sisterCityOf", TIANJIN, "pattern", "sisterCityOf.cue"),
         (KOBE, "sisterCityOf", TIANJIN, "pattern", "sisterCityOf.list"),  # found by two rules
         (KOBE, "locatedIn", JAPAN, "gazetteer", "locatedIn.gazetteer"),  # by one rule alone
         (OSAKA, "locatedIn", JAPAN, "gazetteer", "locatedIn.gazetteer"),  # not gold, gazetteer only: not counted
         (OSAKA, "cooperatesWith", TIANJIN, "pattern", "sisterCityOf.list"),  # spurious
         (TIANJIN, "visited", OSAKA, "pattern", "")])  # spurious, no rule id
    gold = gold_document(JAPAN_GOLD, [("神户", "sisterCityOf", "天津"), ("神户", "locatedIn", "日本")])
    report = evaluate_graph(graph, [gold])
    relations = [(s.rule, s.produced, s.matched, s.spurious, s.alone, round(s.precision, 2)) for s in report.by_rule("relation")]
    assert relations == [  # most spurious first, then the most productive
        ("sisterCityOf.list", 2, 1, 1, 0, 0.5),
        (NO_RULE, 1, 0, 1, 0, 0.0),
        ("locatedIn.gazetteer", 1, 1, 0, 1, 1.0),
        ("sisterCityOf.cue", 1, 1, 0, 0, 1.0),
    ]
    entities = [(s.rule, s.produced, s.matched) for s in report.by_rule("entity")]
    assert entities == [("shapes.suffix", 2, 1), ("gazetteer.place", 3, 3)]  # 大阪 is not gold; 天津 by both rules
    assert report.as_dict()["by_rule"]["relations"][0] == {
        "rule": "sisterCityOf.list", "produced": 2, "matched": 1, "spurious": 1, "precision": 0.5, "alone": 0}


def test_a_graph_without_rule_ids_scores_every_rule_as_none(gold_file):
    report = evaluate_graph(build_graph([extraction()]), [load_gold(gold_file)])
    assert [(s.rule, s.produced, s.matched) for s in report.by_rule("relation")] == [(NO_RULE, 4, 3)]
    assert [(s.rule, s.produced, s.matched) for s in report.by_rule("entity")] == [(NO_RULE, 4, 3)]
    assert {e.rule for e in report.spurious_relations} == {NO_RULE}
    # 日本 lies inside 日本经济产业省, but is not half as long: nothing came close
    assert report.missed_entities == [ItemError("doc.txt", "日本", "Country", NOTHING_CLOSE, "")]


def test_a_document_missing_from_the_graph_scores_zero(caplog):
    gold = gold_document([("神户", "City", [], [])], [("神户", "visited", "神户")])
    report = evaluate_graph(one_document([]), [parse_gold({**gold_as_dict(gold), "document": "other.txt"})])
    assert counts(report.entities) == (0, 0, 0, 1) and counts(report.relations) == (0, 0, 0, 1)
    assert "other.txt: no document of that name" in caplog.text


def gold_as_dict(gold):
    return {"document": gold.document,
            "entities": [{"name": e.name, "type": e.type} for e in gold.entities],
            "relations": [{"subject": r.subject, "predicate": r.predicate, "object": r.object} for r in gold.relations]}


@pytest.mark.slow
def test_seeds_meet_the_targets(gold_dir, seeds_report):
    """Issue 3 and 4 targets on the seeds: typed entity F1 >= 0.92 (P >= 0.90), relation F1 >= 0.80 (P >= 0.85)."""
    report = evaluate_paths(gold_dir, graph=seeds_report.graph)
    assert report.typed_entities.f1 >= 0.92 and report.typed_entities.precision >= 0.90
    assert report.relations.f1 >= 0.80 and report.relations.precision >= 0.85


@pytest.mark.slow
@pytest.mark.parametrize(("folder", "relation_precision"), [
    ("heldout", 0.80),
    # 天津开发区 was once a node of its own beside 天津经济技术开发区 (0.787); since zones.tsv lists it
    # as a short form of the zone, the two are one node (0.848).
    ("heldout2", 0.80),
    ("heldout3", 0.80),
    ("heldout4", 0.80),
])
def test_held_out_articles_stay_above_a_floor(root, nlp, folder, relation_precision):
    """Articles about other cities, annotated independently of the rules: a regression floor."""
    heldout = root / "tests" / "data" / folder
    report = evaluate_paths(heldout / "gold", heldout / "texts", nlp=nlp)
    assert report.typed_entities.f1 >= 0.90 and report.typed_entities.precision >= 0.90
    assert report.relations.f1 >= 0.75 and report.relations.precision >= relation_precision


# ------------------------------------------------------------------- kg eval


EXAMPLE_GOLD = {
    "document": "example.txt",
    "entities": [{"name": n, "type": t, "aliases": a} for n, t, a in [
        ("大连", "City", ["大连市"]), ("北九州", "City", []), ("日本", "Country", []), ("日立制作所", "Company", []),
        ("日立大连有限公司", "Company", []), ("大连经济技术开发区", "Zone", []), ("李明", "Person", []),
        ("2023中日经贸洽谈会", "Event", ["洽谈会"]), ("大连船舶重工有限公司", "Company", []),
        ("大船北九州株式会社", "Company", []), ("大连市人民政府", "GovernmentBody", [])]],
    "relations": [{"subject": s, "predicate": p, "object": o} for s, p, o in [
        ("北九州", "sisterCityOf", "大连"), ("日立制作所", "investedIn", "日立大连有限公司"),
        ("日立制作所", "established", "日立大连有限公司"), ("日立大连有限公司", "locatedIn", "大连经济技术开发区"),
        ("大连经济技术开发区", "locatedIn", "大连"), ("李明", "affiliatedWith", "大连"),
        ("李明", "participatedIn", "2023中日经贸洽谈会"), ("大连船舶重工有限公司", "investedIn", "大船北九州株式会社"),
        ("大连船舶重工有限公司", "established", "大船北九州株式会社"), ("大船北九州株式会社", "locatedIn", "北九州"),
        ("大连船舶重工有限公司", "locatedIn", "大连")]],
}


@pytest.fixture
def example_files(tmp_path):
    """The analysis example graph (its mentions and relations carry rule ids) and gold for it."""
    from kg.analysis.examples import example_graph

    graph_path = tmp_path / "graph.ttl"
    example_graph().serialize(graph_path, format="turtle")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "example.json").write_text(json.dumps(EXAMPLE_GOLD, ensure_ascii=False), encoding="utf-8")
    return gold_dir, graph_path


def test_eval_by_rule(example_files):
    from click.testing import CliRunner

    from kg.cli import main

    gold_dir, graph_path = example_files
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold_dir), "--graph", str(graph_path), "--by-rule"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("relations by rule (alone: gold facts no other rule found):")
    rows = [line.split() for line in lines[start + 2:lines.index("", start)]]
    # the two gazetteer facts (北九州市 and 大连 in their countries) are not gold: left out, as in the totals
    assert rows == [
        ["heldIn.cue", "1", "0", "1", "0.000", "0"],
        ["established.cue", "2", "2", "0", "1.000", "2"],
        ["investedIn.cue", "2", "2", "0", "1.000", "2"],
        ["locatedIn.cue", "2", "2", "0", "1.000", "2"],
        ["affiliatedWith.title", "1", "1", "0", "1.000", "1"],
        ["locatedIn.name", "1", "1", "0", "1.000", "1"],
        ["participatedIn.cue", "1", "1", "0", "1.000", "1"],
        ["sisterCityOf.cue", "1", "1", "0", "1.000", "1"],
    ]
    start = lines.index("entities by rule (matched: the gold entity, with its type):")
    rows = [line.split() for line in lines[start + 2:lines.index("", start)]]
    assert rows == [["shapes.suffix", "5", "5", "0", "1.000"], ["gazetteer.place", "3", "3", "0", "1.000"],
                    ["gazetteer.company", "1", "1", "0", "1.000"], ["people.title", "1", "1", "0", "1.000"],
                    ["shapes.backref", "1", "1", "0", "1.000"]]  # 洽谈会: both its rules count
    assert "relations          P  0.909  R  0.909  F1  0.909   (pred 11, gold 11)" in lines


def test_eval_errors_show_rules_and_json_carries_them(example_files):
    from click.testing import CliRunner

    from kg.cli import main

    gold_dir, graph_path = example_files
    args = ["eval", "--gold", str(gold_dir), "--graph", str(graph_path), "--errors"]
    output = CliRunner().invoke(main, args).output
    assert "  example.txt  2023中日经贸洽谈会 heldIn 大连  [heldIn.cue]" in output.splitlines()
    assert ("  example.txt  大连船舶重工有限公司 locatedIn 大连  [locatedIn.name]  ← 大连经济技术开发区 locatedIn 大连"
            in output.splitlines())
    assert "  example.txt  大连市人民政府 (GovernmentBody)  [—]" in output.splitlines()
    data = json.loads(CliRunner().invoke(main, [*args, "--json"]).output)
    assert data["errors"]["spurious_relations"] == [{
        "document": "example.txt", "item": "2023中日经贸洽谈会 heldIn 大连", "detail": "heldIn", "rule": "heldIn.cue",
        "closest": ""}]
    assert data["by_rule"]["relations"][0]["rule"] == "heldIn.cue"
    assert "errors" not in json.loads(CliRunner().invoke(main, args[:-1] + ["--json"]).output)
