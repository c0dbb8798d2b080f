"""Shared pieces of the CLI: the command group, logging set-up and error handling."""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys
from collections.abc import Iterator

import click

from ..errors import KgError

__all__ = ["COMMAND_MODULES", "LazyGroup", "friendly_errors", "main", "stopped_cleanly"]

#: The module of this package that defines each command. A command's module is imported when the command
#: runs (or help lists them all), so that ``kg query`` does not import what ``kg build`` needs (spaCy, the
#: pipeline): a command module imports the library it calls inside the command.
COMMAND_MODULES: dict[str, str] = {
    "build": "build_cmd", "eval": "eval_cmd", "html": "html_cmd",
    "query": "sparql_cmds", "serve": "sparql_cmds", "export": "sparql_cmds", "validate": "sparql_cmds",
}


class LazyGroup(click.Group):
    """A command group whose commands register themselves when their module (:data:`COMMAND_MODULES`) is imported."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"{__package__}.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        for module in sorted(set(COMMAND_MODULES.values())):
            importlib.import_module(f"{__package__}.{module}")
        return super().list_commands(ctx)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.version_option(package_name="cjkg", prog_name="kg")
def main(verbose: int, quiet: bool) -> None:
    """cjkg: build a knowledge graph of China–Japan cooperation from Chinese news.

    \b
    Typical use:
      kg build seeds/ --out out/          # articles -> out/graph.ttl (+ views)
      kg eval --gold gold/ --texts seeds/ # score extraction against annotations

    Run 'kg COMMAND --help' for the options of each command.
    """
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr, force=True)


@contextlib.contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn a :class:`KgError` into ``Error: message`` on stderr and exit status 1."""
    try:
        yield
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc


@contextlib.contextmanager
def stopped_cleanly() -> Iterator[None]:
    """Let SIGTERM (``kill``, a scheduler's time limit) stop a command as Ctrl-C does: clean-up runs
    (the build's worker processes end, its staging folder goes, OUT stays as it was) and the exit
    status is 143."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        logging.getLogger("kg").warning("stopped by signal %d: what was being written is removed", signum)
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
