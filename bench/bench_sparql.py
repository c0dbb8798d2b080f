"""Benchmark: the ready SPARQL queries on Oxigraph (through oxrdflib) and on rdflib's in-memory engine.

Compares the two engines on one merged default graph. How the store that ``kg build``
writes answers (named graphs per article, the entity graph) is measured by
``bench/bench_build.py`` on real builds of generated articles.

Builds a synthetic graph shaped like ours (entities with labels and aliases, entity
mentions, relation mentions with evidence, offsets, money and dates, statistics)
through the project's own RDF writer (:func:`kg.rdf.add_document`), writes it as
Turtle, loads it into both engines in the same run, and times each ready query in
``queries/`` with :func:`kg.query.run_query` (the same code path for both). rdflib
queries run in a forked child that is killed after ``--rdflib-timeout`` seconds
("> 60 s" in the table).

    .venv/bin/python bench/bench_sparql.py                    # 1,000,000 triples
    .venv/bin/python bench/bench_sparql.py --triples 100000   # quicker
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import logging
import os
import random
import select
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ontology import bind_prefixes, load_ontology  # noqa: E402
from kg.query import inline_params, param_specs, parse_params, read_query, run_query  # noqa: E402
from kg.rdf import add_document  # noqa: E402
from kg.records import (  # noqa: E402
    DateValue,
    DocumentExtraction,
    EntityKey,
    EntityRecord,
    Mention,
    Money,
    RelationRecord,
    StatisticRecord,
)
from kg.store import prefixes, to_oxigraph, to_quads  # noqa: E402

log = logging.getLogger("bench_sparql")

CHARS = "安北长大东福广海和华江金京里林南宁平青山上深松天田武西新阳宜中州盛泰兴隆丰昌荣达信恒"
SUFFIX = {
    "City": "市", "Region": "省", "District": "区", "Zone": "经济开发区", "Company": "株式会社",
    "GovernmentBody": "市商务局", "Organization": "经济协会", "Person": "", "Event": "合作论坛", "Country": "",
}
POOL = {"City": 400, "Region": 40, "District": 300, "Zone": 400, "Company": 8000, "GovernmentBody": 600,
        "Organization": 600, "Person": 4000, "Event": 500}
TITLES = ("市长", "副市长", "书记", "总经理", "会长", "局长", "理事")


# ---------------------------------------------------------------- the synthetic graph


@dataclass(frozen=True, slots=True)
class Synthetic:
    """The generated graph as a Turtle file, and parameters for the parameterized queries."""

    path: Path
    triples: int
    documents: int
    entity_name: str
    fact: tuple[str, str, str]


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pool: dict[str, list[EntityKey]] = {}
        for label, size in POOL.items():
            seen: set[str] = set()
            keys = []
            while len(keys) < size:
                length = self.rng.choice((2, 3, 3, 4))  # 45**3 names: room for every pool
                name = "".join(self.rng.choice(CHARS) for _ in range(length)) + SUFFIX[label]
                if name not in seen:
                    seen.add(name)
                    keys.append(EntityKey(name, label))
            self.pool[label] = keys
        self.pool["Country"] = [EntityKey("中国", "Country"), EntityKey("日本", "Country")]

    def pick(self, label: str) -> EntityKey:
        # A skewed choice, as in news: a few cities and companies are everywhere.
        keys = self.pool[label]
        return keys[min(int(self.rng.paretovariate(1.2)) - 1, len(keys) - 1)]


def _document(index: int, names: _Names, rng: random.Random) -> DocumentExtraction:
    text_parts: list[str] = []
    relations: list[RelationRecord] = []
    mentions: list[Mention] = []
    entities: dict[EntityKey, EntityRecord] = {}
    offset = 0

    def sentence(subject: EntityKey, cue: str, obj: EntityKey) -> tuple[int, int, str]:
        nonlocal offset
        text = f"{subject.name}{cue}{obj.name}。"
        start = offset
        text_parts.append(text)
        offset += len(text)
        for key, at in ((subject, start), (obj, start + len(subject.name) + len(cue))):
            mentions.append(Mention(key, at, at + len(key.name), key.name))
            entities.setdefault(key, EntityRecord(key, aliases=(key.name.removesuffix(SUFFIX[key.label]),)
                                                  if SUFFIX[key.label] and rng.random() < 0.3 else ()))
        return start, offset, text

    def relation(subject: EntityKey, predicate: str, obj: EntityKey, cue: str, **extra: object) -> None:
        relations.append(RelationRecord(subject, predicate, obj, *sentence(subject, cue, obj), **extra))  # type: ignore[arg-type]

    city, zone, company = names.pick("City"), names.pick("Zone"), names.pick("Company")
    for _ in range(rng.randint(1, 3)):
        investor = names.pick("Company")
        amount = Decimal(rng.randint(1, 9999)) * 10000
        relation(investor, "investedIn", rng.choice((zone, company, city)), "投资",
                 money=Money(amount, rng.choice(("USD", "CNY", "JPY"))),
                 date=DateValue(f"20{rng.randint(10, 24)}", "gYear"))
    relation(company, "locatedIn", zone, "位于")
    relation(zone, "locatedIn", city, "地处", method="name")
    relation(city, "locatedIn", names.pick("Region"), "属于", method="gazetteer")
    relation(names.pick("Company"), "established", company, "设立")
    relation(city, "sisterCityOf", names.pick("City"), "与友好城市")
    person = names.pick("Person")
    relation(person, "affiliatedWith", rng.choice((city, names.pick("GovernmentBody"))), "任",
             job_title=rng.choice(TITLES))
    event = names.pick("Event")
    relation(event, "heldIn", city, "在举行")
    relation(event, "organizedBy", names.pick("GovernmentBody"), "由主办")
    relation(person, "participatedIn", event, "出席")
    relation(names.pick("Organization"), "cooperatesWith", names.pick("Company"), "合作")
    relation(names.pick("Person"), "visited", names.pick("Company"), "考察")
    start, end, evidence = sentence(city, "对日本贸易总额", names.pool["Country"][1])
    statistics = (StatisticRecord(city, "贸易总额", Decimal(rng.randint(1, 999)) * 10**8, "USD", start, end,
                                  evidence, counterpart=names.pool["Country"][1], currency="USD"),)
    return DocumentExtraction(
        file_name=f"synthetic_{index:06d}.txt",
        content_hash=hashlib.sha256(f"synthetic {index}".encode()).hexdigest(),
        text="".join(text_parts),
        entities=tuple(entities.values()),
        mentions=tuple(mentions),
        relations=tuple(relations),
        statistics=statistics,
    )


def build_synthetic(triples: int, folder: Path, *, seed: int = 6) -> Synthetic:
    """Generate documents until the merged graph holds at least ``triples`` triples; write Turtle."""
    rng = random.Random(seed)
    names = _Names(rng)
    store = ox.Store()
    store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in to_quads(load_ontology(), _dummy_graph()))
    documents = 0
    count = len(store)
    while count < triples:
        for _ in range(10):
            graph = Graph()
            add_document(graph, _document(documents, names, rng))
            documents += 1
            store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in to_quads(graph, _dummy_graph()))
        count = len(store)
    path = folder / "synthetic.ttl"
    store.dump(str(path), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes())
    hub = names.pool["City"][0]
    person = names.pool["Person"][0]
    fact_object = _most_common_affiliation(store, person.name)
    return Synthetic(path, count, documents, hub.name, (person.name, "affiliatedWith", fact_object))


def _dummy_graph():  # to_quads wants a graph name; the quads are moved to the default graph
    from rdflib import URIRef

    return URIRef("urn:x-bench:graph")


def _most_common_affiliation(store: ox.Store, person: str) -> str:
    query = f"""
    SELECT ?name (COUNT(*) AS ?n) WHERE {{
      ?p rdfs:label "{person}"@zh . ?m rdf:subject ?p ; rdf:predicate cj:affiliatedWith ; rdf:object ?o .
      ?o rdfs:label ?name }} GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"""
    rows = list(store.query(query, prefixes=prefixes()))
    return rows[0]["name"].value if rows else person


# ---------------------------------------------------------------- measuring


def _rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def _in_child(action: Callable[[], int], timeout: float) -> tuple[float | None, int | None]:
    """Run ``action`` in a forked child (it shares the loaded graph); kill it after ``timeout`` s."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        try:
            seconds, rows = _timed(action)
            os.write(write_end, json.dumps({"seconds": seconds, "rows": rows}).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], timeout)
        if not ready:
            os.kill(pid, signal.SIGKILL)
            return None, None
        data = b""
        while chunk := os.read(read_end, 65536):
            data += chunk
        answer = json.loads(data or b'{"seconds": null, "rows": null}')
        return answer["seconds"], answer["rows"]
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)


def _fmt_seconds(seconds: float | None, timeout: float) -> str:
    if seconds is None:
        return f"> {timeout:.0f} s"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def _ratio(fast: float | None, slow: float | None, timeout: float) -> str:
    if fast is None or fast <= 0:
        return "n/a"
    if slow is None:
        return f"> {timeout / fast:,.0f}x"
    return f"{slow / fast:,.1f}x"


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: what was measured, on each engine, and the result size."""

    name: str
    oxigraph: float | None
    rdflib: float | None
    rows: str = ""
    unit: str = "s"
    engine: float | None = None


def _queries(synthetic: Synthetic) -> list[tuple[str, str, list[str]]]:
    params = {
        "entity.rq": [f"name={synthetic.entity_name}"],
        "fact_sources.rq": [f"subject={synthetic.fact[0]}", f"predicate={synthetic.fact[1]}",
                            f"object={synthetic.fact[2]}"],
    }
    cases = [(p.name, read_query(p), params.get(p.name, [])) for p in sorted((ROOT / "queries").glob("*.rq"))]
    cases.append(("2-hop locatedIn (count)", "SELECT (COUNT(*) AS ?n) WHERE { ?a cj:locatedIn ?b . ?b cj:locatedIn ?c }",
                  []))
    cases.append(("GROUP BY type (count)", "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type", []))
    return cases


def run(triples: int, *, timeout: float, repeat: int, workdir: Path) -> list[Row]:
    """Build, load, query and return the table rows."""
    print(f"building a synthetic graph of {triples:,} triples …", file=sys.stderr, flush=True)
    seconds, synthetic = _timed(lambda: build_synthetic(triples, workdir))
    assert isinstance(synthetic, Synthetic)
    print(f"  {synthetic.triples:,} triples, {synthetic.documents:,} documents, "
          f"{synthetic.path.stat().st_size / 1e6:.0f} MB of Turtle in {seconds:.0f} s", file=sys.stderr, flush=True)
    rows: list[Row] = []

    gc.collect()
    before = _rss()
    ox_load, ox_graph = _timed(lambda: bind_prefixes(Graph(store="Oxigraph")).parse(synthetic.path, format="ox-turtle"))
    ox_memory = _rss() - before
    print(f"  Oxigraph loaded in {ox_load:.1f} s", file=sys.stderr, flush=True)

    gc.collect()
    before = _rss()
    rdf_load, rdf_graph = _timed(lambda: bind_prefixes(Graph()).parse(synthetic.path, format="turtle"))
    rdf_memory = _rss() - before
    print(f"  rdflib loaded in {rdf_load:.1f} s", file=sys.stderr, flush=True)
    assert isinstance(ox_graph, Graph) and isinstance(rdf_graph, Graph)

    rows.append(Row("load Turtle", ox_load, rdf_load, f"{synthetic.triples:,} triples"))
    rows.append(Row("memory after load (RSS, MB)", ox_memory / 1e6, rdf_memory / 1e6, unit="MB"))

    out = workdir / "out.ttl"
    ox_ser, _ = _timed(lambda: ox_graph.serialize(out, format="ox-turtle"))
    rdf_ser, _ = _in_child(lambda: (rdf_graph.serialize(out, format="turtle"), 0)[1], timeout)
    rows.append(Row("serialize Turtle", ox_ser, rdf_ser))

    native = ox_graph.store._inner  # the pyoxigraph store under oxrdflib, for the engine-only time
    graph_name = to_oxigraph(ox_graph.identifier)  # oxrdflib loaded the file into the graph's own name
    for name, text, params in _queries(synthetic):
        bindings = parse_params(params)
        best: float | None = None
        count = 0
        for _ in range(repeat):
            seconds, result = _timed(lambda: run_query(ox_graph, text, params=bindings, name=name))
            count = len(result.rows)  # type: ignore[union-attr]
            best = seconds if best is None else min(best, seconds)
        specs = param_specs(text)
        inlined = inline_params(text, {k: specs[k].coerce(v) if k in specs else v for k, v in bindings.items()})
        engine = min(_timed(lambda: len(list(native.query(inlined, prefixes=prefixes(), default_graph=graph_name))))[0]
                     for _ in range(repeat))
        rdf_seconds, rdf_count = _in_child(lambda: len(run_query(rdf_graph, text, params=bindings).rows), timeout)
        agree = "" if rdf_count is None or rdf_count == count else f" (rdflib: {rdf_count})"
        rows.append(Row(name, best, rdf_seconds, f"{count:,} rows{agree}", engine=engine))
        print(f"  {name}: {_fmt_seconds(best, timeout)} vs {_fmt_seconds(rdf_seconds, timeout)}",
              file=sys.stderr, flush=True)
    return rows


def table(rows: list[Row], *, timeout: float, triples: int) -> str:
    """The results as an aligned text table."""
    header = ("", "Oxigraph", "rdflib", "rdflib/Oxigraph", "Oxigraph engine only", "result")
    lines = []
    for row in rows:
        engine = "" if row.engine is None else _fmt_seconds(row.engine, timeout)
        if row.unit == "MB":
            cells = (row.name, f"{row.oxigraph:,.0f} MB", f"{row.rdflib:,.0f} MB",
                     _ratio(row.oxigraph, row.rdflib, timeout), engine, row.rows)
        else:
            cells = (row.name, _fmt_seconds(row.oxigraph, timeout), _fmt_seconds(row.rdflib, timeout),
                     _ratio(row.oxigraph, row.rdflib, timeout), engine, row.rows)
        lines.append(cells)
    widths = [max(len(str(c[i])) for c in [header, *lines]) for i in range(len(header))]

    def render(cells: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) if i in (0, 5) else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    notes = (
        f"SPARQL on {triples:,} triples: Oxigraph (pyoxigraph {ox.__version__}, through oxrdflib and "
        f"kg.query.run_query) vs rdflib's in-memory engine (same function); rdflib stopped after {timeout:.0f} s.\n"
        "Query times are the whole call, answer rows turned into rdflib terms included (best of the Oxigraph "
        "runs); 'engine only' is Oxigraph alone, rows read but not converted."
    )
    return "\n".join([notes, render(header), "  ".join("-" * w for w in widths), *map(render, lines)])


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0, help="seconds before an rdflib step is stopped")
    parser.add_argument("--repeat", type=int, default=3, help="Oxigraph runs per query (the best is kept)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_sparql_") as tmp:
        rows = run(args.triples, timeout=args.rdflib_timeout, repeat=args.repeat, workdir=Path(tmp))
    print(table(rows, timeout=args.rdflib_timeout, triples=args.triples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
