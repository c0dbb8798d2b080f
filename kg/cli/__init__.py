"""The ``kg`` command line: a thin layer over the library.

Each sub-command lives in its own module of this package, imported when the
command runs (:data:`kg.cli._common.COMMAND_MODULES`); commands parse options,
call one library function, and turn :class:`kg.errors.KgError` into a one-line
message and exit status 1.
"""

from __future__ import annotations

from ._common import main

__all__ = ["main"]
