"""``kg build``: read articles, extract, and write the graph and its views."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef

from .errors import UnreadableFileError
from .ontology import CJR_DEFAULT, bind_prefixes
from .outputs import atomic_write
from .rdf import add_document
from .reading import discover, iter_sources
from .records import DocumentExtraction

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BuildReport", "OUTPUT_WRITERS", "build", "extract_paths", "write_outputs"]

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    """What a build produced: the merged graph, one graph per document, and failures."""

    graph: Graph
    document_graphs: dict[URIRef, Graph] = field(default_factory=dict)
    extractions: list[DocumentExtraction] = field(default_factory=list)
    failures: list[UnreadableFileError] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)
    base_iri: str = CJR_DEFAULT


def extract_paths(
    paths: Iterable[str | Path],
    *,
    nlp: Language | None = None,
    base_iri: str = CJR_DEFAULT,
    document_date: str | None = None,
    progress: bool = False,
) -> BuildReport:
    """Read every file under ``paths``, extract it, and return the graphs (nothing is written).

    Unreadable files are collected in ``report.failures``; the others are built.
    """
    from .extract import extract_source
    from .nlp import build_nlp

    files = discover(paths)
    nlp = nlp or build_nlp()
    report = BuildReport(graph=bind_prefixes(Graph(), base_iri=base_iri), base_iri=base_iri)
    bar = _progress(files, enabled=progress)
    for item in iter_sources(bar):
        if isinstance(item, UnreadableFileError):
            log.debug("skipped %s", item)
            report.failures.append(item)
            continue
        extraction = extract_source(nlp, item, document_date=document_date)
        doc_graph = bind_prefixes(Graph(), base_iri=base_iri)
        doc = add_document(doc_graph, extraction, base_iri=base_iri)
        report.document_graphs[doc] = doc_graph
        report.extractions.append(extraction)
        report.graph += doc_graph
    return report


def _progress(files: Sequence[Path], *, enabled: bool) -> Iterable[Path]:
    if not enabled:
        return files
    from tqdm import tqdm

    return tqdm(files, desc="extracting", unit="file", leave=False)


def _write_turtle(report: BuildReport, out_dir: Path) -> Path:
    path = out_dir / "graph.ttl"
    with atomic_write(path, mode="wb") as handle:
        report.graph.serialize(handle, format="turtle")
    return path


def _write_store(report: BuildReport, out_dir: Path) -> Path:
    from .store import write_store

    return write_store(report.document_graphs, out_dir / "store")


def _write_html(report: BuildReport, out_dir: Path) -> Path:
    from .html import write_html

    return write_html(report.graph, out_dir / "graph.html")


#: Output writers run in order by :func:`write_outputs`: ``(name, writer)``; each writes
#: under ``out_dir`` (atomically) and returns the path it wrote.
OUTPUT_WRITERS: list[tuple[str, Callable[[BuildReport, Path], Path]]] = [
    ("graph.ttl", _write_turtle),
    ("store", _write_store),
    ("graph.html", _write_html),
]


def write_outputs(report: BuildReport, out_dir: str | Path, *, only: Iterable[str] | None = None) -> BuildReport:
    """Write the build's outputs into ``out_dir``; returns ``report`` with ``outputs`` filled."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = set(only) if only is not None else None
    for name, writer in OUTPUT_WRITERS:
        if wanted is not None and name not in wanted:
            continue
        report.outputs[name] = writer(report, out_dir)
        log.info("wrote %s", report.outputs[name])
    return report


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    nlp: Language | None = None,
    base_iri: str = CJR_DEFAULT,
    document_date: str | None = None,
    progress: bool = False,
) -> BuildReport:
    """Extract every article under ``paths`` and write the outputs into ``out_dir``."""
    report = extract_paths(paths, nlp=nlp, base_iri=base_iri, document_date=document_date, progress=progress)
    return write_outputs(report, out_dir)

