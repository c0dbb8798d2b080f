"""The query page: YASGUI (shipped inside the engine) with the project's prefixes, terms and ready queries."""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..store import prefixes
from ._config import QUERIES_DIR, ServeConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReadyQuery:
    """A ready query of ``queries/``: file name, its leading comment, its text with PREFIX lines."""

    name: str
    description: str
    text: str


def _with_prefixes(text: str) -> str:
    """``text`` with a PREFIX line for each project prefix it uses but does not declare."""
    declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", text)}
    code = re.sub(r'"[^"\n]*"|<[^<>\s]*>|#[^\n]*', " ", text)  # not inside strings, IRIs, comments
    missing = [(p, ns) for p, ns in prefixes().items()
               if p.lower() not in declared and re.search(rf"(?<![\w:<]){re.escape(p)}:", code)]
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in missing) + text


def ready_queries(folder: str | Path | None = QUERIES_DIR) -> list[ReadyQuery]:
    """The ready queries (``*.rq``) in ``folder``, sorted by name; none if the folder is missing."""
    if folder is None or not Path(folder).is_dir():
        return []
    found = []
    for path in sorted(Path(folder).glob("*.rq")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("leaving out the ready query %s: %s", path, exc)
            continue
        comment = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comment.append(line.lstrip("#").strip())
        found.append(ReadyQuery(path.stem, " ".join(line for line in comment if line), _with_prefixes(text)))
    return found


def _ontology_terms() -> dict[str, list[str]]:
    from ..ontology import ENTITY_CLASSES, OWL, RDF, RELATION_PROPERTIES, load_ontology

    ontology = load_ontology()
    classes = sorted({str(iri) for iri in ENTITY_CLASSES.values()}
                     | {str(s) for s in ontology.subjects(RDF.type, OWL.Class) if str(s).startswith("http")})
    properties = sorted({str(iri) for iri in RELATION_PROPERTIES.values()}
                        | {str(s) for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
                           for s in ontology.subjects(RDF.type, kind) if str(s).startswith("http")})
    return {"classes": classes, "properties": properties}


def query_page(config: ServeConfig) -> bytes:
    template = resources.files("kg").joinpath("assets/query_page.html").read_text(encoding="utf-8")
    spaced = sorted(prefixes().items())
    default = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in spaced if p in ("cj", "rdfs")) + (
        "\nSELECT ?city ?label WHERE {\n  ?city a cj:City ; rdfs:label ?label .\n} LIMIT 20")
    data = {
        "endpoint": "/query",
        "updateEndpoint": "/update" if config.writable else None,
        "prefixesUrl": "/prefixes.json",
        "defaultQuery": default,
        "queries": [{"name": q.name, "description": q.description, "text": q.text}
                    for q in ready_queries(config.queries_dir)],
        **_ontology_terms(),
    }
    script = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return template.replace("{{CONFIG}}", script).replace("{{TITLE}}", html.escape("cjkg SPARQL")).encode("utf-8")


