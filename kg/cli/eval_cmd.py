"""``kg eval``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ._common import friendly_errors, main


@main.command("eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, path_type=Path),
              help="Folder of gold annotation files (*.json, format in SCHEMA.md), or one file.")
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding the articles the gold files name; they are built first.")
@click.option("--graph", "graph_path", type=click.Path(exists=True, path_type=Path),
              help="Score an existing graph instead of building --texts: graph.ttl or graph.trig, a store "
                   "folder, or the --out folder of 'kg build'.")
@click.option("--annotations", "annotations", type=click.Path(exists=True, path_type=Path),
              help="Score a second annotator's gold files (same format, same file names) as if they were the "
                   "predictions: how far two annotators agree, with the same matching.")
@click.option("--errors", "show_errors", is_flag=True,
              help="List missed, spurious and mistyped items with the rule (cj:rule) behind each.")
@click.option("--by-rule", "by_rule", is_flag=True,
              help="Score each rule: what it produced, what matched gold, what it alone found.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores (with --errors, the errors too) as JSON.")
def eval_command(gold_dir: Path, texts: Path | None, graph_path: Path | None, annotations: Path | None,
                 show_errors: bool, by_rule: bool, as_json: bool) -> None:
    """Score extraction against gold annotations.

    Prints entity precision/recall/F1 (untyped and typed), relation P/R/F1, and
    the same per class and per predicate. Matching is one to one (SCHEMA.md,
    last section). A missed item names the rule of the closest prediction,
    "—" if none came close; "(none)" stands for mentions without a rule id.

    \b
    Examples:
      kg eval --gold ../shared/gold --texts seeds
      kg eval --gold tests/data --graph out/graph.ttl --errors
      kg eval --gold tests/data --graph out            # the build in out/ (its graph.trig)
      kg eval --gold tests/data --texts seeds --by-rule
      kg eval --gold ../shared/gold --annotations ../shared/gold   # two annotators' files: 1.000 when identical
    """
    from ..evaluate import evaluate_paths

    given = [name for name, value in (("--texts", texts), ("--graph", graph_path), ("--annotations", annotations))
             if value is not None]
    if len(given) != 1:
        raise click.UsageError("give one of --texts (articles to build), --graph (an existing graph.ttl, store or "
                               "build folder) or --annotations (a second annotator's gold files)"
                               + (f"; got {' and '.join(given)}" if given else ""))
    with friendly_errors():
        if annotations is not None:
            from ..agreement import agreement_paths

            report = agreement_paths(gold_dir, annotations)
        else:
            graph = None
            if graph_path is not None:
                from ..rdf import read_graph

                graph = read_graph(graph_path)
            report = evaluate_paths(gold_dir, texts, graph=graph)
    if as_json:
        click.echo(json.dumps(report.as_dict(errors=show_errors), ensure_ascii=False, indent=2))
        return
    click.echo(_table(report, show_errors, by_rule))


def _line(name: str, score) -> str:
    return (f"{name:<18} P {score.precision:6.3f}  R {score.recall:6.3f}  F1 {score.f1:6.3f}"
            f"   (pred {score.predicted}, gold {score.gold})")


def _error_line(item, *, entity: bool) -> str:
    """``doc  item (class)  [rule]``, and for a missed item the closest prediction the rule made."""
    detail = f" ({item.detail})" if entity else ""
    closest = f"  ← {item.closest}" if item.closest else ""
    return f"  {item.document}  {item.item}{detail}  [{item.rule}]{closest}"


def _rule_table(report, kind: str) -> list[str]:
    """One line per rule, most spurious first."""
    alone = kind == "relation"
    head = f"  {'rule':<32} {'produced':>8} {'matched':>8} {'spurious':>8} {'P':>6}" + (f" {'alone':>6}" if alone else "")
    lines = [head]
    for score in report.by_rule(kind):
        line = (f"  {score.rule:<32} {score.produced:>8} {score.matched:>8} {score.spurious:>8}"
                f" {score.precision:6.3f}")
        lines.append(line + (f" {score.alone:>6}" if alone else ""))
    return lines


def _table(report, show_errors: bool, by_rule: bool = False) -> str:
    lines = [f"documents: {', '.join(report.documents)}", "", "per class (typed):"]
    lines += ["  " + _line(name, score) for name, score in sorted(report.per_class.items())]
    lines += ["", "per predicate:"]
    lines += ["  " + _line(name, score) for name, score in sorted(report.per_predicate.items())]
    if show_errors:
        for title, items in (("missed entities", report.missed_entities), ("spurious entities", report.spurious_entities),
                             ("mistyped entities", report.mistyped_entities), ("missed relations", report.missed_relations),
                             ("spurious relations", report.spurious_relations)):
            lines += ["", f"{title}:"] + [_error_line(item, entity="entities" in title) for item in items]
    if by_rule:
        lines += ["", "relations by rule (alone: gold facts no other rule found):"] + _rule_table(report, "relation")
        lines += ["", "entities by rule (matched: the gold entity, with its type):"] + _rule_table(report, "entity")
    lines += ["", _line("entities", report.entities), _line("typed entities", report.typed_entities),
              _line("relations", report.relations)]
    return "\n".join(lines)
