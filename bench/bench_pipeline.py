"""Throughput of the extraction pipeline, in characters per second on one core.

Runs, in the same process and on the same corpus (the seeds, repeated to
``--chars`` characters, split into their articles):

* the baseline: spaCy's stock Chinese character tokenizer alone
  (``spacy.blank("zh")``, segmenter ``char``),
* cjkg's tokenizer alone (same tokens),
* the whole cjkg pipeline (repair + every component), per component too.

Prints characters/s and the ratios. Target (issue 3): whole pipeline >= 200k chars/s.

    python bench/bench_pipeline.py [--chars 300000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def corpus(min_chars: int) -> list[str]:
    from kg.reading import read_source

    seeds = [read_source(p).text for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs: list[str] = []
    while sum(map(len, docs)) < min_chars:
        docs.extend(seeds)
    return docs


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=300_000, help="corpus size in characters")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the fastest counts")
    args = parser.parse_args()

    import spacy

    from kg.nlp import build_nlp
    from kg.textnorm import normalize

    docs = corpus(args.chars)
    total = sum(map(len, docs))
    stock = spacy.blank("zh")  # default segmenter: char
    nlp = build_nlp()
    for text in docs[:2]:  # warm caches (folding table, cn2an import)
        nlp(normalize(text).text)

    rows: list[tuple[str, float]] = []
    rows.append(("spaCy zh char tokenizer (baseline)", best_of(args.repeat, lambda: [stock.make_doc(t) for t in docs])))
    rows.append(("cjkg char tokenizer", best_of(args.repeat, lambda: [nlp.make_doc(t) for t in docs])))

    per_component: dict[str, list[float]] = defaultdict(list)

    def whole() -> None:
        for text in docs:
            start = time.perf_counter()
            doc = nlp.make_doc(normalize(text).text)
            per_component["repair + tokenizer"].append(time.perf_counter() - start)
            for name, component in nlp.pipeline:
                start = time.perf_counter()
                doc = component(doc)
                per_component[name].append(time.perf_counter() - start)

    rows.append(("whole cjkg pipeline", best_of(args.repeat, whole)))

    baseline = rows[0][1]
    print(f"corpus: {len(docs)} articles, {total:,} characters; best of {args.repeat} runs; one core")
    print(f"{'measurement':<38} {'chars/s':>12} {'x baseline':>11}")
    for name, seconds in rows:
        print(f"{name:<38} {total / seconds:>12,.0f} {baseline / seconds:>11.2f}")
    print()
    print(f"{'component (share of whole pipeline)':<38} {'chars/s':>12} {'share':>11}")
    runs = args.repeat
    whole_time = sum(sum(v) for v in per_component.values()) / runs
    for name, values in per_component.items():
        seconds = sum(values) / runs
        print(f"{name:<38} {total / seconds:>12,.0f} {seconds / whole_time:>10.0%}")
    pipeline_rate = total / rows[-1][1]
    print()
    # spaCy's stock tokenizer swings with the machine's load more than the rest (its Python
    # alignment loop); the pipeline's share of the time of cjkg's tokenizer is steadier
    print(f"whole pipeline / cjkg tokenizer alone: {rows[1][1] / rows[-1][1]:.3f}")
    print(f"whole pipeline: {pipeline_rate:,.0f} characters/s (target 200,000: {'met' if pipeline_rate >= 200_000 else 'NOT met'})")


if __name__ == "__main__":
    main()
