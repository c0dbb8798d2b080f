"""What a build remembers: the pipeline's version, each document's result, and the build manifest.

A document's result (:class:`DocumentResult`) depends on its text, its other source
fields (the file name goes into the provenance), the build options that reach the RDF
(base IRI, article date) and the pipeline: the code and data under ``kg/`` that make
the extraction and its RDF (:func:`pipeline_version`). :func:`result_key` hashes all of
them; :class:`ResultCache` keeps results by that key in one SQLite file, so a build only
extracts documents whose key it has not seen, and an interrupted build resumes where it
stopped. :class:`Manifest` (``manifest.json``) names a build, the documents it holds and
the outputs it wrote.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from .errors import BuildError
from .outputs import atomic_write

__all__ = [
    "CACHE_FILE",
    "DocumentResult",
    "MANIFEST_FILE",
    "Manifest",
    "ManifestEntry",
    "ResultCache",
    "SCAN_FILE",
    "ScanIndex",
    "ScannedArticle",
    "line_chunks",
    "pipeline_version",
    "result_key",
]

log = logging.getLogger(__name__)

MANIFEST_FILE = "manifest.json"
CACHE_FILE = "cache/results.sqlite"
#: What the last scan found in each file, by the file's size and times (:class:`ScanIndex`).
SCAN_FILE = "cache/scan.json"
#: Bumped when the layout of results or of the manifest changes.
FORMAT_VERSION = 1

#: Parts of ``kg/`` that never change a document's result (outputs, views, queries, the CLI).
_NOT_PIPELINE = frozenset({
    "analysis", "assets", "cli", "serve", "__main__.py", "build.py", "cache.py", "dating.py", "evaluate.py",
    "export.py", "graphread.py", "html.py", "outputs.py", "py.typed", "query.py", "shapes.ttl", "store.py",
    "summary.py", "validate.py",
})
#: Libraries whose behaviour is part of the extraction.
_PIPELINE_LIBRARIES = ("spacy", "opencc", "cn2an", "ahocorasick-rs", "charset-normalizer", "rdflib", "pyoxigraph")


def _pipeline_files() -> Iterator[tuple[str, bytes]]:
    root = resources.files("kg")
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            name = f"{prefix}{item.name}"
            if item.name.startswith((".", "__pycache__")) or (not prefix and item.name in _NOT_PIPELINE):
                continue
            if item.is_dir():
                stack.append((item, name + "/"))
            elif not item.name.endswith((".pyc", ".pyo")):
                yield name, item.read_bytes()


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A hash of everything that makes a document's result: the code and data files under ``kg/``
    (pipeline, patterns, gazetteers, the RDF writer …, not the output side such as html.py)
    and the versions of the libraries the extraction uses. Computed once per process.

    >>> len(pipeline_version())
    16
    """
    digest = hashlib.sha256(f"cjkg-results-{FORMAT_VERSION}".encode())
    for name, data in sorted(_pipeline_files()):
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    for library in _PIPELINE_LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\0{library}=={version}".encode())
    return digest.hexdigest()[:16]


def result_key(source: Any, options: Mapping[str, object], *, version: str | None = None) -> str:
    """The cache key of ``source``'s result: its content hash and other fields, ``options``, the pipeline.

    ``source`` is a source record (:class:`kg.reading.SourceFile` or any dataclass with
    ``text``, ``path`` and ``content_hash``); every field but the text (its hash stands
    for it) and the path (its name stands for it) is part of the key, the metadata
    (date and where it came from, title, address, the record's line in an export, PDF
    pages) whole, so fields added to source records later are too.
    """
    digest = hashlib.sha256((version or pipeline_version()).encode())
    for key in sorted(options):
        digest.update(f"\0{key}={options[key]!r}".encode())
    for item in dataclasses.fields(source):
        if item.name == "text":
            value: object = source.content_hash
        elif item.name == "path":
            value = Path(source.path).name
        else:
            value = getattr(source, item.name)
            if dataclasses.is_dataclass(value) and not isinstance(value, type):
                value = dataclasses.astuple(value)  # every field, those left out of its repr (PDF pages) too
        digest.update(f"\0{item.name}={value!r}".encode())
    return digest.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """One document's result, compact: its RDF (compressed N-Triples and Turtle) and counts.

    ``local`` and ``turtle`` are the document's named graph (zlib-compressed UTF-8
    N-Triples, and the same triples as Turtle without prefix lines, made by the worker that
    extracted it: :func:`kg.workers.make_result`); ``shared`` its
    entity-level triples (N-Triples). No pipeline object is kept: a worker returns this.
    """

    key: str
    document: str
    file_name: str
    local: bytes
    turtle: bytes
    shared: bytes
    characters: int = 0
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    statistics: int = 0

    def local_ntriples(self) -> bytes:
        return zlib.decompress(self.local)

    def local_turtle(self) -> bytes:
        return zlib.decompress(self.turtle)

    def shared_ntriples(self) -> bytes:
        return zlib.decompress(self.shared)

    def local_chunks(self) -> Iterator[bytes]:
        """:meth:`local_ntriples` in pieces of whole lines (a few MB each): what a large document needs
        in memory while it is written out."""
        return line_chunks(self.local)

    def turtle_chunks(self) -> Iterator[bytes]:
        """:meth:`local_turtle` in pieces of whole lines."""
        return line_chunks(self.turtle)


def line_chunks(compressed: bytes, *, size: int = 4 << 20) -> Iterator[bytes]:
    """The zlib-compressed text ``compressed``, decompressed in pieces of about ``size`` bytes that end
    at line ends (the last piece: wherever the text ends).

    >>> text = b"".join(b"line %d\\n" % i for i in range(1000))
    >>> pieces = list(line_chunks(zlib.compress(text), size=100))
    >>> b"".join(pieces) == text, all(p.endswith(b"\\n") for p in pieces), len(pieces) > 10
    (True, True, True)
    """
    inflate = zlib.decompressobj()
    held = b""
    pending: bytes = compressed
    while pending:
        held += inflate.decompress(pending, size)  # at most ``size`` bytes at a time
        pending = inflate.unconsumed_tail
        if len(held) >= size:
            cut = held.rfind(b"\n") + 1
            if cut:
                yield held[:cut]
                held = held[cut:]
    held += inflate.flush()
    if held:
        yield held


_COLUMNS = ("key", "document", "file_name", "local", "turtle", "shared",
            "characters", "entities", "mentions", "relations", "statistics")


class ResultCache:
    """Document results by key in one SQLite file (``out/cache/results.sqlite``).

    Writes are committed every ``commit_every`` results, so an interrupted build keeps
    what it extracted. One build writes at a time (see :func:`kg.build.build`'s lock).
    """

    def __init__(self, path: str | Path, *, commit_every: int = 256) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, isolation_level="DEFERRED")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(f"CREATE TABLE IF NOT EXISTS results ({_COLUMNS[0]} TEXT PRIMARY KEY, "
                             + ", ".join(f"{c}" for c in _COLUMNS[1:]) + ") WITHOUT ROWID")
        except sqlite3.DatabaseError as exc:
            raise BuildError(f"the build cache {self.path} is unreadable ({exc}); delete it (or build with --full "
                             "after deleting it) and build again") from exc
        self._pending = 0
        self.commit_every = commit_every

    def close(self) -> None:
        self._db.commit()
        self._db.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def keys(self) -> set[str]:
        """Every key held."""
        return {row[0] for row in self._db.execute("SELECT key FROM results")}

    def get(self, key: str) -> DocumentResult | None:
        row = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM results WHERE key = ?", (key,)).fetchone()
        return None if row is None else DocumentResult(*row)

    def get_many(self, keys: Iterable[str], *, column: str) -> Iterator[tuple[str, bytes]]:
        """``(key, column value)`` for the keys held, in no particular order (one column: less to read)."""
        if column not in ("local", "turtle", "shared"):
            raise ValueError(f"unknown column {column!r}")
        wanted = list(dict.fromkeys(keys))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(f"SELECT key, {column} FROM results WHERE key IN ({marks})", chunk)

    def put(self, result: DocumentResult) -> None:
        self._db.execute(f"INSERT OR REPLACE INTO results VALUES ({','.join('?' * len(_COLUMNS))})",
                         tuple(getattr(result, column) for column in _COLUMNS))  # astuple would deep-copy
        self._pending += 1
        if self._pending >= self.commit_every:
            self.commit()

    def commit(self) -> None:
        self._db.commit()
        self._pending = 0

    def keep_only(self, keys: Iterable[str]) -> int:
        """Delete every result whose key is not in ``keys``; returns how many went."""
        self.commit()
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY) WITHOUT ROWID")
        self._db.execute("DELETE FROM keep")
        self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keys))
        gone = self._db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM keep)").rowcount
        self._db.commit()
        return gone


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One document of a build: the file it came from, its IRI and its result's key."""

    path: str
    document: str
    key: str


@dataclass(frozen=True)
class Manifest:
    """``manifest.json``: the build every output in the folder belongs to.

    ``build_id`` names the build; ``options`` are those that shape the outputs;
    ``documents`` are in build order; ``outputs`` are the files and folders written.
    """

    build_id: str
    pipeline_version: str
    options: dict[str, Any]
    documents: tuple[ManifestEntry, ...]
    outputs: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)
    failures: tuple[str, ...] = ()
    format_version: int = FORMAT_VERSION

    def keys(self) -> set[str]:
        return {entry.key for entry in self.documents}

    def write(self, path: str | Path) -> Path:
        data = dataclasses.asdict(self)
        data["documents"] = [[e.path, e.document, e.key] for e in self.documents]
        with atomic_write(path) as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        return Path(path)

    @classmethod
    def read(cls, path: str | Path) -> Manifest | None:
        """The manifest at ``path``, or ``None`` if there is none or it is of another format."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if data.get("format_version") != FORMAT_VERSION:
                return None
            data["documents"] = tuple(ManifestEntry(*entry) for entry in data["documents"])
            data["outputs"] = tuple(data["outputs"])
            data["failures"] = tuple(data.get("failures", ()))
            return cls(**data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("ignoring the unreadable build manifest %s (%s): everything is written anew", path, exc)
            return None


@dataclass(frozen=True, slots=True)
class ScannedArticle:
    """One article a scan found in a file: its result key, document IRI, content hash, its place among
    the file's articles and how ``cj:alsoReadFrom`` names it."""

    key: str
    document: str
    content_hash: str
    record: int
    label: str


#: A file's identity for the scan: size, modification and change times (ns), inode.
FileStamp = tuple[int, int, int, int]


def file_stamp(path: str | Path) -> FileStamp:
    """``(size, mtime_ns, ctime_ns, inode)`` of the file at ``path`` (raises :class:`OSError`)."""
    stat = Path(path).stat()
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


class ScanIndex:
    """What a build's scan found in each file (``OUT/cache/scan.json``), so the next scan reads only the
    files whose size or times changed.

    A file is taken as unchanged when its size, modification and change times and inode
    are those recorded (as ``make`` and ``git`` do); a file modified less than
    ``racy_seconds`` before the scan that recorded it is not recorded (a change within
    the file system's time resolution could go unseen), so it is read again. The index
    holds only for the pipeline version and options it was made with; files that failed
    or held nothing are never recorded (they are read again, and reported again).

    >>> import tempfile, os
    >>> folder = Path(tempfile.mkdtemp())
    >>> article = folder / "a.txt"
    >>> _ = article.write_text("苏州", encoding="utf-8")
    >>> os.utime(article, (1e9, 1e9))
    >>> index = ScanIndex("v1", {"base_iri": "x"})
    >>> index.record(article, file_stamp(article), [ScannedArticle("k", "doc", "h", 0, "a.txt")])
    >>> _ = index.write(folder / "scan.json")
    >>> again = ScanIndex.read(folder / "scan.json", version="v1", options={"base_iri": "x"})
    >>> [a.key for a in again.lookup(article)]
    ['k']
    >>> _ = article.write_text("大连", encoding="utf-8")
    >>> again.lookup(article) is None, ScanIndex.read(folder / "scan.json", version="v2", options={}).lookup(article)
    (True, None)
    """

    def __init__(self, version: str, options: Mapping[str, object], *, racy_seconds: float = 2.0) -> None:
        import time

        self.version = version
        self.options = dict(options)
        self.files: dict[str, tuple[FileStamp, list[ScannedArticle]]] = {}
        self.changed = False
        self._racy_after = time.time_ns() - int(racy_seconds * 1e9)

    @classmethod
    def read(cls, path: str | Path, *, version: str, options: Mapping[str, object]) -> ScanIndex:
        """The index at ``path`` if it was made for ``version`` and ``options``; else an empty one."""
        index = cls(version, options)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if (data.get("format_version") != FORMAT_VERSION or data.get("version") != version
                    or data.get("options") != json.loads(json.dumps(index.options))):
                return index
            index.files = {name: (tuple(stamp), [ScannedArticle(*article) for article in articles])
                           for name, (stamp, articles) in data["files"].items()}
        except FileNotFoundError:
            pass
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("ignoring the unreadable scan index %s (%s): every file is read", path, exc)
            index.files = {}
        return index

    def lookup(self, path: str | Path) -> list[ScannedArticle] | None:
        """The articles recorded for ``path`` if the file is as it was then, else ``None``."""
        held = self.files.get(str(path))
        if held is None:
            return None
        try:
            stamp = file_stamp(path)
        except OSError:
            return None
        return held[1] if stamp == held[0] else None

    def record(self, path: str | Path, stamp: FileStamp, articles: list[ScannedArticle]) -> None:
        """Record what a read of ``path`` found (``stamp``: taken before it was read)."""
        if stamp[1] >= self._racy_after:
            self.forget(path)
            return
        self.files[str(path)] = (stamp, list(articles))
        self.changed = True

    def forget(self, path: str | Path) -> None:
        if self.files.pop(str(path), None) is not None:
            self.changed = True

    def keep_only(self, paths: Iterable[str | Path]) -> None:
        """Drop the files not in ``paths`` (gone since)."""
        wanted = {str(p) for p in paths}
        for name in [name for name in self.files if name not in wanted]:
            del self.files[name]
            self.changed = True

    def write(self, path: str | Path) -> Path:
        data = {"format_version": FORMAT_VERSION, "version": self.version, "options": self.options,
                "files": {name: [list(stamp), [list(dataclasses.astuple(a)) for a in articles]]
                          for name, (stamp, articles) in self.files.items()}}
        with atomic_write(path) as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        self.changed = False
        return Path(path)
