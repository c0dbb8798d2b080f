"""Benchmark: every ready query in ``queries/`` on stores that ``kg build`` wrote.

Measures the shape the build writes (a named graph per article, the entity graph, the
summary graph): point ``--store`` at the ``store/`` folder of a build (``bench/bench_build.py
--keep`` or ``kg build CORPUS --out OUT`` on a corpus of ``bench/corpus.py``). Each query runs
through :func:`kg.query.run_query` (what ``kg query`` does, answer rows turned into rdflib
terms), in a fresh process per store so that the first run is a cold one; the table gives,
per query, the rows, the first run and the best and worst of the repeats in ms, and how
many rows came back more than once. With ``--cli`` each case also runs as ``kg query -f FILE
--format csv`` in a process of its own, timed from its start to its answer (the command an
analyst types: the interpreter, the imports and the query's guarded child process included).

Several ``--store LABEL=STORE[:QUERIES]`` compare stores (and query folders) in ONE run:
e.g. the store and queries of main against this branch's, the repeats interleaved (store
A, store B, store A …) so that the load of a shared machine falls on both alike.
``entity.rq`` runs for the entity most articles mention (the hub) and a typical city,
``fact_sources.rq`` for the most and a typically repeated affiliation, picked from the
first store.

    .venv/bin/python bench/bench_sparql.py                     # builds 1,000 generated articles first
    .venv/bin/python bench/bench_sparql.py --store branch=out/store
    .venv/bin/python bench/bench_sparql.py --store main=/tmp/main/store:/tmp/main/queries \\
        --store branch=out/store --repeat 3 --cli --python main=/work/main/.venv/bin/python

``--python LABEL=PYTHON`` runs that store's cases (the engine's and ``kg query``'s) with another
interpreter, e.g. main's checkout's, so that its ``kg query`` is main's code (``-P``: the folder the
bench runs in does not shadow the interpreter's own ``kg``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["Case", "main", "pick_cases"]

#: Run in a child process: pick the parameters of entity.rq and fact_sources.rq from a store.
PICK_CODE = r"""
import json, sys
import pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
R = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
L = "http://www.w3.org/2000/01/rdf-schema#label"
CJ = "https://w3id.org/cjkg/ontology#"
counts = {}
for q in store.quads_for_pattern(None, ox.NamedNode(CJ + "mentionOf"), None, None):
    counts[q.object.value] = counts.get(q.object.value, 0) + 1
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
cities = [iri for iri, n in ranked if "/City/" in iri]
def label(iri):
    return next(store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(L), None, None)).object.value
pairs = {}
for q in store.quads_for_pattern(None, ox.NamedNode(R + "predicate"), ox.NamedNode(CJ + "affiliatedWith"), None):
    s = next(store.quads_for_pattern(q.subject, ox.NamedNode(R + "subject"), None, q.graph_name)).object.value
    o = next(store.quads_for_pattern(q.subject, ox.NamedNode(R + "object"), None, q.graph_name)).object.value
    pairs[(s, o)] = pairs.get((s, o), 0) + 1
ranked_pairs = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
common, rare = ranked_pairs[0], ranked_pairs[len(ranked_pairs) // 2]
typical = cities[len(cities) // 2]
print(json.dumps({"hub": [label(ranked[0][0]), ranked[0][1]], "typical": [label(typical), counts[typical]],
                  "common_fact": [label(common[0][0]), label(common[0][1]), common[1]],
                  "typical_fact": [label(rare[0][0]), label(rare[0][1]), rare[1]]}, ensure_ascii=False))
"""

#: Run in a child process: time each case ``repeat`` times on one store; print JSON lines.
QUERY_CODE = r"""
import json, sys, time
from pathlib import Path
from kg.query import read_query, run_query, parse_params
store, folder, cases = sys.argv[1], Path(sys.argv[2]), json.loads(sys.argv[3])
for label, name, params in cases:
    text = read_query(folder / name)
    start = time.perf_counter()
    result = run_query(store, text, params=parse_params(params), name=name)
    seconds = time.perf_counter() - start
    rows = result.rows
    print(json.dumps([label, seconds, len(rows), len(rows) - len(set(rows))], ensure_ascii=False), flush=True)
"""


@dataclass(frozen=True, slots=True)
class Case:
    """One line of the table: a query file and its parameters."""

    label: str
    name: str
    params: tuple[str, ...] = ()


def pick_cases(store: Path, queries: Path) -> list[Case]:
    """Every ready query of ``queries``; entity.rq and fact_sources.rq for a hub and a typical name; the
    others also with each optional parameter (``name``: the hub, ``year``: 2021)."""
    from kg.query import param_specs, read_query

    picks = json.loads(_run([sys.executable, "-c", PICK_CODE, str(store)]).strip().splitlines()[-1])
    cases: list[Case] = []
    for path in sorted(queries.glob("*.rq")):
        if path.name == "entity.rq":
            for kind in ("hub", "typical"):
                name, mentions = picks[kind]
                cases.append(Case(f"entity.rq {kind} {name} ({mentions:,} mentions)", path.name, (f"name={name}",)))
        elif path.name == "fact_sources.rq":
            for kind in ("common_fact", "typical_fact"):
                subject, obj, count = picks[kind]
                cases.append(Case(f"fact_sources.rq {subject} affiliatedWith {obj} ({count:,}x)", path.name,
                                  (f"subject={subject}", "predicate=affiliatedWith", f"object={obj}")))
        else:
            cases.append(Case(path.name, path.name))
            # each optional parameter once: a name most articles mention (the slow case of a filter), a year
            specs = param_specs(read_query(path))
            hub = picks["hub"][0]
            for param in sorted(specs):
                value = hub if param == "name" else "2021" if param == "year" else None
                if value is not None:
                    cases.append(Case(f"{path.name} {param}={value}", path.name, (f"{param}={value}",)))
    return cases


def _run(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} … failed:\n{done.stderr[-3000:]}")
    return done.stdout


def _time_store(store: Path, queries: Path, cases: list[Case], python: str = sys.executable
                ) -> dict[str, tuple[float, int, int]]:
    # A query file missing from a folder (a query added later) is left out of that store's column.
    present = [[c.label, c.name, list(c.params)] for c in cases if (queries / c.name).is_file()]
    out = _run([python, "-P", "-c", QUERY_CODE, str(store), str(queries), json.dumps(present, ensure_ascii=False)])
    return {label: (seconds, rows, repeated)
            for label, seconds, rows, repeated in (json.loads(line) for line in out.splitlines() if line.startswith("["))}


def _time_cli(store: Path, queries: Path, cases: list[Case], python: str = sys.executable) -> dict[str, float]:
    """Seconds from the start of ``kg query -f FILE --format csv`` (a process of its own) to its answer, per case."""
    times: dict[str, float] = {}
    for case in cases:
        if not (queries / case.name).is_file():
            continue
        command = [python, "-P", "-m", "kg", "query", "-f", str(queries / case.name), "--store", str(store),
                   "--format", "csv", *(f"--param={p}" for p in case.params)]
        start = time.perf_counter()
        _run(command)
        times[case.label] = time.perf_counter() - start
    return times


def _build(articles: int, workdir: Path) -> Path:
    """Generate a corpus of ``articles`` (bench/corpus.py) and ``kg build`` it; the store's path."""
    corpus, out = workdir / f"corpus-{articles}", workdir / f"out-{articles}"
    print(f"generating and building {articles:,} articles in {workdir} …", file=sys.stderr, flush=True)
    _run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(articles), str(corpus)])
    _run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--no-progress", "--no-ttl"])
    return out / "store"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def table(cases: list[Case], runs: dict[str, list[dict[str, tuple[float, int, int]]]],
          cli: dict[str, list[dict[str, float]]] | None = None) -> str:
    """Markdown: per query and store, rows, first run, best–worst of the repeats (ms), repeated rows; with ``cli``,
    also ``kg query``'s first and best time from start to answer (ms)."""
    labels = list(runs)
    columns = ("rows", "first ms", "ms best–worst", "repeated") + (("kg query first ms", "kg query best ms") if cli else ())
    header = ["query"] + [f"{label}: {col}" for label in labels for col in columns]
    if len(labels) == 2:
        header.append(f"{labels[0]} / {labels[1]} (best)")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for case in cases:
        cells = [case.label]
        best: list[float | None] = []
        for label in labels:
            times = [run[case.label] for run in runs[label] if case.label in run]
            if not times:
                cells += [""] * len(columns)
                best.append(None)
                continue
            seconds = [t[0] for t in times]
            cells += [f"{times[0][1]:,}", _ms(seconds[0]), f"{_ms(min(seconds[1:] or seconds))}–{_ms(max(seconds[1:] or seconds))}",
                      str(times[0][2])]
            if cli:
                walls = [run[case.label] for run in cli[label] if case.label in run]
                cells += [_ms(walls[0]), _ms(min(walls[1:] or walls))] if walls else ["", ""]
            best.append(min(seconds[1:] or seconds))
        if len(labels) == 2:
            cells.append(f"{best[0] / best[1]:,.1f}x" if best[0] is not None and best[1] else "")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", dest="stores", action="append", default=[], metavar="LABEL=STORE[:QUERIES]",
                        help="a store written by kg build, and the folder of .rq files to run on it (default queries/); "
                             "without any, a corpus of --articles articles (bench/corpus.py) is built first")
    parser.add_argument("--articles", type=int, default=1000, help="size of the corpus built when no --store is given")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "kg-bench-sparql")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the whole set per store (a fresh process each)")
    parser.add_argument("--only", nargs="*", default=None, help="only these query files (e.g. entity.rq events.rq)")
    parser.add_argument("--cli", action="store_true", help="also time kg query from its start to its answer, per case")
    parser.add_argument("--python", dest="pythons", action="append", default=[], metavar="LABEL=PYTHON",
                        help="run that store's cases with this interpreter (e.g. main's .venv/bin/python: main's kg)")
    args = parser.parse_args(argv)
    pythons = dict(item.partition("=")[::2] for item in args.pythons)
    stores: dict[str, tuple[Path, Path]] = {}
    if not args.stores:
        args.stores = [f"{args.articles} articles={_build(args.articles, args.workdir)}"]
    for item in args.stores:
        label, _, rest = item.partition("=")
        store, _, queries = rest.partition(":")
        stores[label] = (Path(store), Path(queries) if queries else ROOT / "queries")
    first_store, first_queries = next(iter(stores.values()))
    cases = pick_cases(first_store, first_queries)
    if args.only:
        cases = [c for c in cases if c.name in args.only]
    runs: dict[str, list[dict[str, tuple[float, int, int]]]] = {label: [] for label in stores}
    cli: dict[str, list[dict[str, float]]] = {label: [] for label in stores}
    loads = []
    for attempt in range(1, args.repeat + 1):
        for label, (store, queries) in stores.items():
            loads.append(os.getloadavg()[0])
            print(f"run {attempt}/{args.repeat}: {label} (load {'/'.join(f'{x:.1f}' for x in os.getloadavg())})",
                  file=sys.stderr, flush=True)
            python = pythons.get(label, sys.executable)
            runs[label].append(_time_store(store, queries, cases, python))
            if args.cli:
                cli[label].append(_time_cli(store, queries, cases, python))
    print(f"Ready queries on {', '.join(f'{label} = {store}' for label, (store, _) in stores.items())}; "
          f"{args.repeat} runs each, interleaved; first = the first run's time (a fresh process, cold caches), "
          f"best–worst over the later runs{'; kg query: a process per case, from its start to its answer' if args.cli else ''}; "
          f"load (1 min) {min(loads):.1f}–{max(loads):.1f}.\n")
    print(table(cases, runs, cli if args.cli else None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
