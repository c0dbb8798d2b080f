"""``kg build``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..ontology import CJR_DEFAULT
from ._common import friendly_errors, main


@main.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for graph.ttl and the other outputs (created if missing).")
@click.option("--base-iri", default=CJR_DEFAULT, show_default=True, help="Namespace for entity, document and mention IRIs.")
@click.option("--date", "document_date", metavar="YYYY-MM-DD", default=None,
              help="The date of articles that give none (no date in their metadata, dateline or file "
                   "name), to resolve 今年/去年 (left out when not given).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
def build_command(paths: tuple[Path, ...], out_dir: Path, base_iri: str, document_date: str | None,
                  progress: bool | None) -> None:
    """Build the knowledge graph of Chinese news articles.

    PATHS are files or folders; folders are searched recursively for *.txt,
    *.md, *.pdf, *.html, *.htm, *.jsonl and *.csv (crawler exports: one article
    per record, with "text" and optional "title", "date", "url", "source").
    Encodings are detected (UTF-8 with or without BOM, GB18030/GBK, UTF-16).
    Each article is dated by its metadata, else its dateline (新华网大连6月1日电),
    else its file name (2024-04-22_...), else --date. A file or record that
    cannot be read is reported on stderr in one line and skipped; the others
    are built, and the exit status is 1 at the end.

    \b
    Examples:
      kg build seeds --out out
      kg build news/2024/ extra.txt --out graph/ --date 2024-04-22
    """
    from ..build import build

    if document_date is not None and not _is_iso_date(document_date):
        raise click.BadParameter(f"{document_date!r} is not a date; write it as YYYY-MM-DD", param_hint="--date")
    if progress is None:
        progress = sys.stderr.isatty()
    with friendly_errors():
        report = build(paths, out_dir, base_iri=base_iri, document_date=document_date, progress=progress)
    for failure in report.failures:
        click.echo(f"error: {failure}", err=True)
    built = len(report.extractions)
    entities = sum(len(e.entities) for e in report.extractions)
    relations = sum(len(e.relations) for e in report.extractions)
    click.echo(f"built {built} document(s): {entities} entities, {relations} relations -> "
               + ", ".join(str(p) for p in report.outputs.values()), err=True)
    if report.failures:
        raise SystemExit(1)


def _is_iso_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
