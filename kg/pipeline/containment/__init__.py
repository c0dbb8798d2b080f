"""``kg_containment``: where things are, without a verb.

* **name** (method ``name``): a place at the start of a name (苏州市商务局 → 苏州,
  苏州高新区 → 苏州), in brackets (松下新能源(苏州)有限公司 → 苏州), after 驻
  (中国驻日本大使馆 → 日本), or a Japanese legal form (…株式会社 → 日本). The place
  also gets a mention there, nested in the name.
* **gazetteer** (method ``gazetteer``): what the lists know: a district in its city,
  a city in its province and country, a listed company in its home country (every
  ancestor).

Each is a rule ``rule(name: Name) -> list[Fact | Mention]`` run on every entity
of the document (by name, then class), in the order the config lists them.
"""

from __future__ import annotations

from . import homes, rules  # noqa: F401  (registers the rules)
from .component import DEFAULT_RULES, Containment
from .name import Name

__all__ = ["Containment", "DEFAULT_RULES", "Name"]
