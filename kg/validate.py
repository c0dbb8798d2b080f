"""Checking a graph against the SHACL shapes of SCHEMA.md (``kg/shapes.ttl``) with pyshacl.

>>> from rdflib import Graph
>>> validate_graph(Graph()).conforms
True
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from .errors import ShapesViolationError
from .ontology import load_ontology
from .rdf import read_graph

__all__ = ["ValidationReport", "Violation", "check_graph", "load_shapes", "validate_file", "validate_graph"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, order=True)
class Violation:
    """One SHACL result: the node at fault, the property, what is wrong, and how bad it is."""

    focus: str
    path: str
    message: str
    severity: str
    value: str = ""

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}{value}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether the graph conforms, and every violation sorted by focus node."""

    conforms: bool
    violations: tuple[Violation, ...]

    def summary(self, *, limit: int = 50) -> str:
        """A readable report: one line per violation (at most ``limit``), and a count."""
        if self.conforms and not self.violations:
            return "The graph conforms to the shapes in kg/shapes.ttl."
        lines = [str(v) for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"… and {len(self.violations) - limit} more")
        verdict = "conforms" if self.conforms else "does not conform"
        lines.append(f"The graph {verdict}: {len(self.violations)} result(s).")
        return "\n".join(lines)


def load_shapes() -> Graph:
    """Parse the packaged ``shapes.ttl``."""
    text = resources.files("kg").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def _local(term: object) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1] if "#" in text else text


def validate_graph(graph: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``graph`` against the shapes (with the ontology's class hierarchy mixed in)."""
    from pyshacl import validate

    conforms, results, _ = validate(
        graph,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        allow_warnings=True,
        advanced=False,
    )
    violations = []
    for result in results.subjects(SH.resultSeverity, None):
        violations.append(Violation(
            focus=str(results.value(result, SH.focusNode)),
            path=_path(results, result),
            message=str(results.value(result, SH.resultMessage) or ""),
            severity=_local(results.value(result, SH.resultSeverity)),
            value=str(results.value(result, SH.value) or ""),
        ))
    report = ValidationReport(conforms=bool(conforms), violations=tuple(sorted(violations)))
    log.info("SHACL: %s, %d result(s)", "conforms" if report.conforms else "does not conform", len(violations))
    return report


def _path(results: Graph, result: object) -> str:
    path = results.value(result, SH.resultPath)  # type: ignore[arg-type]
    if path is None:
        return ""
    qname = results.namespace_manager.normalizeUri(path) if hasattr(results, "namespace_manager") else str(path)
    return str(qname)


def validate_file(path: str | Path) -> ValidationReport:
    """Parse the RDF file at ``path`` (Turtle, N-Triples, JSON-LD … by its suffix) and validate it."""
    return validate_graph(read_graph(path))


def check_graph(graph: Graph) -> ValidationReport:
    """Like :func:`validate_graph` but raise :class:`ShapesViolationError` when the graph does not conform."""
    report = validate_graph(graph)
    if not report.conforms:
        raise ShapesViolationError(report.summary(limit=20))
    return report
