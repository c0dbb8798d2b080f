"""Helpers for tests that talk to a SPARQL server (``oxigraph serve``) on the loopback."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request


def wait_until_answering(base: str, *, tries: int = 100) -> None:
    """Return once the server at ``base`` answers ``ASK {}`` (it may still be starting)."""
    for _ in range(tries):
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)


def count_quads(base: str) -> int:
    """How many quads the server's named graphs hold."""
    query = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    request = urllib.request.Request(f"{base}/query?query={query}",
                                     headers={"Accept": "application/sparql-results+json"})
    return int(json.loads(urllib.request.urlopen(request, timeout=10).read())["results"]["bindings"][0]["n"]["value"])
