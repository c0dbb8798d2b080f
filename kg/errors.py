"""Named exceptions. Every message says what was expected, what arrived and what to do."""

from __future__ import annotations

__all__ = [
    "AmbiguousEntityError",
    "AnalysisError",
    "BadRecordError",
    "BuildError",
    "CjkFontNotFoundError",
    "DiskSpaceError",
    "EntityNotFoundError",
    "ExportError",
    "ExtractionFailedError",
    "GoldFormatError",
    "GraphNotFoundError",
    "InputError",
    "KgError",
    "MissingAssetError",
    "NoInputError",
    "PatternFileError",
    "QueryError",
    "QueryMemoryError",
    "QueryParameterError",
    "QueryTimeoutError",
    "RuleConfigError",
    "ServeError",
    "ShapesViolationError",
    "StoreDamagedError",
    "StoreError",
    "StoreNotFoundError",
    "UnreadableFileError",
    "UnreadablePdfError",
]


class KgError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(KgError):
    """A path given by the user cannot be used as input."""


class NoInputError(InputError):
    """The paths named by the user hold no file of a format ``kg build`` reads."""


class UnreadableFileError(InputError):
    """A file could not be decoded as text."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"{path}: {reason}; save it as UTF-8 plain text (GB18030, and UTF-16 with or without its "
            "byte-order mark, are read too), or leave it out of the input"
        )


class PatternFileError(KgError):
    """A pattern or gazetteer data file is malformed."""


class RuleConfigError(KgError):
    """A pipeline config names an unknown rule, or a rule or its cue data is malformed."""


class GoldFormatError(KgError):
    """A gold annotation file does not follow SCHEMA.md's format."""


class BuildError(KgError):
    """A build finished but some inputs failed; the message lists them."""


class ExtractionFailedError(BuildError):
    """The pipeline raised on one document; the build goes on without it."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: extraction failed ({reason}); the other documents were built. "
                         "Please report it with the file attached")


class DiskSpaceError(BuildError):
    """The disk a build writes to has too little free space for its next step; the build stopped first."""

    def __init__(self, message: str, *, folder: object, free: int, needed: int) -> None:
        self.folder = folder
        self.free = free
        self.needed = needed
        super().__init__(message)


# ---------------------------------------------------------------- SPARQL: store, queries, server (issue 6)


class StoreError(KgError):
    """The Oxigraph store cannot be opened, written or changed."""


class StoreNotFoundError(StoreError):
    """No Oxigraph store exists at the path the user named."""


class StoreDamagedError(StoreError):
    """The store's files are damaged: a table file missing or cut short, a garbage MANIFEST, a bad block."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"the store {path} is damaged ({reason}); its files cannot be repaired in place: "
            "'kg build ARTICLES --out OUT' remakes it"
        )


class QueryError(KgError):
    """A SPARQL query is malformed or cannot run; carries the line and column when known."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        self.line = line
        self.column = column
        super().__init__(message)


class QueryParameterError(QueryError):
    """A ``--param`` is malformed or a parameter the query declares was not given."""


class QueryMemoryError(QueryError):
    """A query needed more memory than its ceiling (``--memory-limit``) and was stopped."""


class QueryTimeoutError(QueryError):
    """A query ran longer than its time limit (``--timeout``) and was stopped."""


class ServeError(KgError):
    """The SPARQL server could not be started."""


class ExportError(KgError):
    """A graph could not be exported in the requested format."""


class ShapesViolationError(KgError):
    """A graph does not conform to the SHACL shapes in ``kg/shapes.ttl``."""


class AnalysisError(KgError):
    """An analysis of the graph (``kg.analysis``) cannot be done as asked."""


class GraphNotFoundError(AnalysisError):
    """The graph file to analyse does not exist; build it first."""

    def __init__(self, path: object, *, env_var: str) -> None:
        self.path = path
        super().__init__(
            f"no graph at {path}: expected the Turtle file written by `make run` "
            f"(or `kg build seeds --out out`); run `make run`, or set {env_var} to a graph file"
        )


class EntityNotFoundError(AnalysisError, LookupError):
    """No entity has the label or alias asked for."""

    def __init__(self, name: str, *, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = (f"; did you mean {', '.join(suggestions)}?" if suggestions
                else "; check the spelling, or list the labels with kg.analysis.entity_table(graph)")
        super().__init__(f"no entity is labelled {name!r} (label or alias){hint}")


class AmbiguousEntityError(AnalysisError, LookupError):
    """Several entities share the label or alias asked for."""

    def __init__(self, name: str, candidates: tuple[str, ...]) -> None:
        self.name = name
        self.candidates = candidates
        super().__init__(
            f"{name!r} names {len(candidates)} entities ({', '.join(candidates)}); "
            "pass cls='...' with the class you mean, or use the full label"
        )


class CjkFontNotFoundError(AnalysisError):
    """No font able to draw Chinese characters is installed for matplotlib."""

    def __init__(self, wanted: tuple[str, ...]) -> None:
        self.wanted = wanted
        super().__init__(
            f"none of the fonts {', '.join(wanted)} is installed, so Chinese labels would show as boxes; "
            "install them with `apt-get install fonts-noto-cjk` (as root, or `make system-deps`)"
        )


class MissingAssetError(KgError):
    """A file the HTML view inlines (vis-network from pyvis, or a page template) is missing."""


# ---------------------------------------------------------------- article formats (issue 15)


class BadRecordError(UnreadableFileError):
    """One record of a crawler export (JSON Lines or CSV) cannot be built; the file's others are."""

    def __init__(self, path: object, line: int, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        InputError.__init__(
            self,
            f"{path}, line {line}: {reason}; fix or remove that record "
            "(the file's other records are built)",
        )


class UnreadablePdfError(UnreadableFileError):
    """A PDF file has no text that can be read (damaged, encrypted, or scanned images only)."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = path
        self.reason = reason
        InputError.__init__(
            self,
            f"{path}: {reason}; check that it opens in a PDF viewer and that its text can be selected "
            "(a scanned page needs OCR first), or leave it out of the input",
        )
