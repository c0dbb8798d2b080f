"""Questions the graph answers, as functions that take the rdflib graph and return plain data.

The notebooks in ``notebooks/`` import these and only display what they
return. Every function takes the graph of record (an :class:`rdflib.Graph`,
as :func:`load_graph` or ``kg.build.extract_paths(paths).graph`` give it, or
the :class:`kg.graphread.GraphRecords` read from it: all of them read the
graph through :mod:`kg.graphread`, as the HTML view and ``kg eval`` do) and
returns a :class:`pandas.DataFrame`, a typed record or a networkx graph:

- loading and querying: :func:`load_graph`, :func:`graph_path`, :func:`sparql`;
- what is there: :func:`pick_subject`, :func:`entity_table`, :func:`counts_by_class`,
  :func:`counts_by_relation`, :func:`entity_card`, :func:`timeline`,
  :func:`statistics`;
- the network: :func:`to_networkx`, :func:`centrality_by_class`,
  :func:`communities`, :func:`neighbourhood`, :func:`neighbourhood_graph`,
  :func:`partners`, :func:`interactive_view`;
- money and sides: :func:`entity_sides`, :func:`side_table`,
  :func:`investments`, :func:`investment_flows`;
- charts: :func:`use_cjk_font`, :func:`find_cjk_font`, :func:`amount_chart`;
- over time: :func:`document_table`, :func:`dated_facts`, :func:`facts_per_year`,
  :func:`cooperation_chart`.

Examples
--------
>>> from kg.analysis.examples import example_graph
>>> from kg.analysis import counts_by_relation, find_entity
>>> graph = example_graph()
>>> int(counts_by_relation(graph)["triples"].sum())
13
>>> find_entity(graph, "大连市").endswith("/City/大连")
True
"""

from __future__ import annotations

from ._index import find_entity
from .charts import CJK_FONTS, amount_chart, find_cjk_font, use_cjk_font
from .chronology import COOPERATION, cooperation_chart, dated_facts, document_table, facts_per_year
from .facts import (
    CardRelation,
    CardStatistic,
    EntityCard,
    Evidence,
    counts_by_class,
    counts_by_relation,
    entity_card,
    entity_table,
    statistics,
    timeline,
)
from .loading import GRAPH_ENV_VAR, SPARQL_PREFIXES, graph_path, load_graph, sparql
from .money import investment_flows, investments
from .network import (
    CENTRALITY_MEASURES,
    centrality_by_class,
    communities,
    neighbourhood,
    neighbourhood_graph,
    partners,
    to_networkx,
)
from .sides import DEFAULT_NAME_CUES, DEFAULT_SIDES, SideInfo, entity_sides, side_table
from .subject import Subject, pick_subject
from .view import HtmlView, interactive_view

__all__ = [
    "CENTRALITY_MEASURES",
    "CJK_FONTS",
    "COOPERATION",
    "CardRelation",
    "CardStatistic",
    "DEFAULT_NAME_CUES",
    "DEFAULT_SIDES",
    "EntityCard",
    "Evidence",
    "GRAPH_ENV_VAR",
    "HtmlView",
    "SPARQL_PREFIXES",
    "SideInfo",
    "Subject",
    "amount_chart",
    "centrality_by_class",
    "communities",
    "cooperation_chart",
    "counts_by_class",
    "counts_by_relation",
    "dated_facts",
    "document_table",
    "entity_card",
    "entity_sides",
    "entity_table",
    "facts_per_year",
    "find_cjk_font",
    "find_entity",
    "graph_path",
    "interactive_view",
    "investment_flows",
    "investments",
    "load_graph",
    "neighbourhood",
    "neighbourhood_graph",
    "partners",
    "pick_subject",
    "side_table",
    "sparql",
    "statistics",
    "timeline",
    "to_networkx",
    "use_cjk_font",
]
