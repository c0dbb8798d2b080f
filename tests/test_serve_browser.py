"""The query page of `kg serve` in a real browser (Debian's chromium), with every other origin cut off."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kg.serve import ServeConfig, SparqlServer, ready_queries
from tests.test_store import make_store

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[SparqlServer]:
    path, _ = make_store(tmp_path_factory.mktemp("page"))
    with SparqlServer(ServeConfig(store=path, port=0)) as running:
        yield running


@pytest.fixture(scope="module")
def page(server, browser) -> Iterator[tuple[Any, list[str], list[str], list[str]]]:
    """The query page, opened once: the page, requests to other origins, requests to the server, errors."""
    elsewhere: list[str] = []
    local: list[str] = []
    errors: list[str] = []
    context = browser.new_context(service_workers="block")

    def route(route: Any) -> None:
        if route.request.url.startswith(server.url + "/"):
            local.append(route.request.url.removeprefix(server.url))
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    opened = context.new_page()
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.goto(server.url + "/")
    opened.wait_for_function("window.cjkg && window.cjkg.yasgui && window.cjkg.yasgui.getTab()", timeout=30_000)
    yield opened, elsewhere, local, errors
    context.close()


def test_the_page_needs_nothing_from_the_network(page):
    opened, elsewhere, local, errors = page
    opened.wait_for_timeout(500)
    assert elsewhere == [] and errors == []
    assert {"/", "/yasgui.min.js", "/yasgui.min.css", "/prefixes.json"} <= set(local)


def test_the_editor_knows_the_projects_prefixes_and_terms(page):
    opened, elsewhere, _, _ = page
    yasqe = "cjkg.yasgui.getTab().getYasqe()"
    assert opened.evaluate(f"{yasqe}.config.prefixCcApi") == "/prefixes.json"
    assert opened.evaluate(f"{yasqe}.config.autocompleters") == ["prefixes", "variables", "cjkgClass",
                                                                 "cjkgProperty"]
    assert opened.evaluate(f"{yasqe}.getValue()").startswith("PREFIX cj: <https://w3id.org/cjkg/ontology#>")
    # Using a project prefix adds its PREFIX line, from the list this server gave.
    opened.evaluate(f"{yasqe}.setValue('SELECT * WHERE {{ ?s a  }}'); {yasqe}.focus(); "
                    f"{yasqe}.getDoc().setCursor({{line: 0, ch: 22}})")
    opened.keyboard.type("skos:Concept")
    opened.wait_for_timeout(300)
    assert opened.evaluate(f"{yasqe}.getPrefixesFromQuery()").get("skos") == "http://www.w3.org/2004/02/skos/core#"
    assert elsewhere == []


def test_a_ready_query_runs_from_the_page(page):
    opened, elsewhere, local, errors = page
    names = [query.name for query in ready_queries()]
    options = opened.locator("#ready option")
    assert options.all_inner_texts() == ["— choose one —", *names]
    opened.select_option("#ready", "sister_cities")
    text = next(query.text for query in ready_queries() if query.name == "sister_cities")
    assert opened.evaluate("cjkg.yasgui.getTab().getYasqe().getValue()") == text
    assert opened.locator("#ready-description").inner_text().startswith(text.splitlines()[0].lstrip("# ")[:20])
    opened.evaluate("cjkg.yasgui.getTab().getYasqe().query()")
    opened.wait_for_function("cjkg.yasgui.getTab().getYasr().results && "
                             "cjkg.yasgui.getTab().getYasr().results.getBindings().length > 0", timeout=20_000)
    rows = opened.evaluate("cjkg.yasgui.getTab().getYasr().results.getBindings()"
                           ".map((b) => Object.values(b).map((t) => t.value).join(' '))")
    assert any("大连" in row and "北九州市" in row for row in rows)
    assert elsewhere == [] and errors == []
