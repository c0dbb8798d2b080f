"""The ``kg`` command line: a thin layer over the library.

Each sub-command lives in its own module of this package and is added to
:data:`main` below; commands parse options, call one library function, and
turn :class:`kg.errors.KgError` into a one-line message and exit status 1.
"""

from __future__ import annotations

from ._common import main
from . import build_cmd, eval_cmd, html_cmd, sparql_cmds  # noqa: E402,F401  (registers the commands)

__all__ = ["main"]
