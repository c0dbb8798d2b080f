"""``kg build``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..build import HTML_MAX_NODES, NOTHING_BUILT
from ..ontology import CJR_DEFAULT
from ._common import friendly_errors, main, stopped_cleanly


@main.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for graph.trig, graph.ttl, store/, graph.html and the build cache (created if missing).")
@click.option("--base-iri", default=CJR_DEFAULT, show_default=True, help="Namespace for entity, document and mention IRIs.")
@click.option("--date", "document_date", metavar="YYYY-MM-DD", default=None,
              help="The date of articles that give none (no date in their metadata, dateline or file "
                   "name), to resolve 今年/去年 (left out when not given).")
@click.option("-j", "--workers", type=click.IntRange(min=0), default=None,
              help="Extraction processes  [default: the machine's cores; 0: in the build's own process]")
@click.option("--scheduler", metavar="tcp://HOST:PORT|FILE", default=None,
              help="Run extraction on this Dask scheduler's cluster instead of local processes: its address, "
                   "or the file it wrote its address to (dask scheduler --scheduler-file FILE).")
@click.option("--full", is_flag=True, help="Extract every document again and write every output anew (ignore the cache).")
@click.option("--ttl/--no-ttl", default=True, show_default=True, help="Also write graph.ttl (the merged graph as Turtle).")
@click.option("--html-max-nodes", type=click.IntRange(min=1), default=HTML_MAX_NODES, show_default=True,
              help="graph.html shows at most this many entities, the most connected.")
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: when stderr is a terminal).")
def build_command(paths: tuple[Path, ...], out_dir: Path, base_iri: str, document_date: str | None,
                  workers: int | None, scheduler: str | None, full: bool, ttl: bool, html_max_nodes: int,
                  progress: bool | None) -> None:
    """Build the knowledge graph of Chinese news articles.

    PATHS are files or folders; folders are searched recursively for *.txt,
    *.md, *.pdf, *.html, *.htm, *.jsonl and *.csv (crawler exports: one article
    per record, with "text" and optional "title", "date", "url", "source").
    Encodings are detected (UTF-8 with or without BOM, GB18030/GBK, UTF-16).
    Each article is dated by its metadata, else its dateline (新华网大连6月1日电),
    else its file name (2024-04-22_...), else --date. A file or record that
    cannot be read, or that the pipeline fails on, is reported on stderr in one
    line and skipped; the others are built, and the exit status is 1 at the end.

    Builds are incremental: documents already built (same text, same pipeline
    version, same options) come from OUT/cache, a changed document replaces
    its graph, a removed one is dropped. A build that finds nothing changed
    leaves OUT as it is.

    \b
    Examples:
      kg build seeds --out out
      kg build news/2024/ extra.txt --out graph/ --date 2024-04-22
      kg build news/ --out out --workers 4
      kg build news/ --out out --scheduler tcp://10.0.0.5:8786
      kg build news/ --out out --scheduler cluster.json   # dask scheduler --scheduler-file cluster.json
    """
    from ..build import build

    if document_date is not None and not _is_iso_date(document_date):
        raise click.BadParameter(f"{document_date!r} is not a date; write it as YYYY-MM-DD", param_hint="--date")
    if scheduler is not None and "://" not in scheduler and not Path(scheduler).is_file():
        raise click.BadParameter(f"{scheduler!r} is neither a scheduler address (tcp://HOST:PORT) nor the file "
                                 "a scheduler wrote (dask scheduler --scheduler-file FILE)", param_hint="--scheduler")
    quiet = bool(click.get_current_context().find_root().params.get("quiet"))
    if progress is None:
        progress = sys.stderr.isatty() and not quiet
    with stopped_cleanly(), friendly_errors():
        result = build(paths, out_dir, base_iri=base_iri, document_date=document_date, progress=progress,
                       workers=workers, scheduler=scheduler, full=full, ttl=ttl, html_max_nodes=html_max_nodes)
    for failure in result.failures:
        click.echo(f"error: {failure}", err=True)
    if not quiet:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
    if result.mode == NOTHING_BUILT:
        click.echo(f"error: no document could be built, so {out_dir} was left as it was", err=True)
        raise SystemExit(1)
    if not quiet:
        click.echo(_summary(result, out_dir), err=True)
    if result.failures:
        raise SystemExit(1)


def _summary(result, out_dir: Path) -> str:
    """The line that ends a build: what was built and where (the graph's entities, each counted once)."""
    if not result.changed:
        return f"nothing changed: {result.documents} document(s) already built in {out_dir}"
    duplicates = (f"; {result.duplicates} more file(s) held the text of one of them, recorded on it"
                  if result.duplicates else "")
    return (f"built {result.documents} document(s) ({result.extracted} extracted, {result.reused} from the cache"
            f"{duplicates}): {result.entities} entities, {result.relations} relations -> "
            + ", ".join(str(p) for p in result.outputs.values()))


def _is_iso_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
