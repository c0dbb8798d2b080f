"""``python -m kg.pipeline > docs/rules.md``: the table of the pipeline's rules."""

from __future__ import annotations

from kg.pipeline.rules import rules_doc

if __name__ == "__main__":
    print(rules_doc(), end="")
