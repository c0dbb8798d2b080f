"""Make a large store from a built one by replicating its articles: a 100k store without a 100k build.

Every document graph of ``SOURCE`` (a store ``kg build`` wrote) is copied ``--copies`` times
under new document IRIs (``…/doc/<hash>`` becomes ``…/doc/<hash>r<k>``, so its mentions,
relation mentions and statistics get new IRIs too) and new file names (``000123.txt``
becomes ``000123-r<k>.txt``); the entity graph and the ontology are copied once (the copies
state the same entity facts), and the summary graph (:mod:`kg.summary`) is computed anew,
as the build does. The result has ``--copies`` times the articles, mentions and evidence of
the source, with the source's entities and facts: what a query pays per article repeating a
fact, not what it pays for the new names a larger real corpus would bring.

    .venv/bin/python bench/replicate_store.py out-10000/store /tmp/store-100k --copies 10
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.summary import refresh_summary, summary_graph_iri  # noqa: E402

DOC = re.compile(rb"(/doc/[0-9a-f]+)(?=[/>])")
FILE = re.compile(rb'("[^"\n]*?)(\.txt")')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    source = ox.Store.read_only(str(args.source))
    target = ox.Store(str(args.target))
    summary = ox.NamedNode(str(summary_graph_iri()))
    graphs = [g for g in source.named_graphs() if isinstance(g, ox.NamedNode)]
    documents = [g for g in graphs if "/doc/" in g.value]
    shared = [g for g in graphs if "/doc/" not in g.value and g != summary]
    for graph in shared:
        target.bulk_load(ox.serialize(source.quads_for_pattern(None, None, None, graph), format=ox.RdfFormat.N_QUADS),
                         format=ox.RdfFormat.N_QUADS, lenient=True)
    batch: list[bytes] = []
    for index, graph in enumerate(documents, 1):
        data = ox.serialize(source.quads_for_pattern(None, None, None, graph), format=ox.RdfFormat.N_QUADS)
        for copy in range(args.copies):
            batch.append(FILE.sub(rb"\1-r%d\2" % copy, DOC.sub(rb"\1r%d" % copy, data)))
        if len(batch) >= 1000 or index == len(documents):
            target.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS, lenient=True)
            batch = []
            print(f"{index:,}/{len(documents):,} documents ({time.perf_counter() - start:.0f} s)", file=sys.stderr,
                  flush=True)
    target.optimize()
    summary_start = time.perf_counter()
    facts = refresh_summary(target)
    target.flush()
    print(f"{len(documents) * args.copies:,} documents, {facts:,} facts; summary {time.perf_counter() - summary_start:.0f} s,"
          f" all {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
