"""``kg build``: read articles, extract, and write the graph and its views, streaming and incrementally.

:func:`build` is the corpus build. It never holds the corpus: each document goes
``reading.iter_sources``-style from its file to a source record, through the pipeline
(:func:`kg.workers.make_result`: extraction, then :func:`kg.rdf.document_rdf`) to a
compact result, and from there straight into the outputs. Extraction runs in worker
processes (``workers``) or on a Dask cluster (``scheduler``); results come back in the
files' order, so the outputs are the same whatever ran it.

The output folder (see the README's *Output layout*)::

    manifest.json   the build: its id, pipeline version, options, documents, outputs
    graph.trig      the graph of record, TriG: one named graph per document, then the entity graph
    graph.ttl       the same triples merged, as Turtle (both written by pyoxigraph's serializer)
    store/          the Oxigraph store (documents, entity graph, ontology) for kg query / kg serve
    graph.html      the interactive view (the most connected entities when the graph is large)
    cache/          each document's result by content hash + pipeline version + options

A build is incremental: a document whose key (:func:`kg.cache.result_key`) is in the cache
is not extracted again; a changed document replaces its named graph, a removed one is
dropped, and the entity graph keeps exactly the facts some remaining document states.
Every output is written into a staging folder first, the manifest last, and the folder
is published whole (:func:`kg.outputs.publish_build`: ``OUT/current`` switched to it in
one rename; the names above are links through it); a build that finds nothing changed
writes nothing.

:func:`extract_paths` and :func:`write_outputs` are the in-memory API for small sets
(tests, ``kg eval``): they keep every document's rdflib graph.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph, URIRef

from .cache import (
    CACHE_FILE, MANIFEST_FILE, SCAN_FILE, DocumentResult, Manifest, ManifestEntry, ResultCache, ScanIndex,
    ScannedArticle, file_stamp, pipeline_version, result_key,
)
from .diskspace import STORE_GROWTH, check_free_space, folder_bytes, readable_size
from .errors import BuildError, ExtractionFailedError, InputError, KgError, UnreadableFileError
from .ontology import CJR_DEFAULT, bind_prefixes
from .outputs import STAGING_PREFIX, atomic_write, clean_stale, publish_build
from .rdf import add_document, document_iri, entity_graph_iri
from .reading import SourceFile, discover, holds_one_article, iter_file, iter_sources
from .records import DocumentExtraction

if TYPE_CHECKING:
    import pyoxigraph as ox
    from spacy.language import Language

__all__ = [
    "BuildReport",
    "BuildResult",
    "HTML_MAX_NODES",
    "NOTHING_BUILT",
    "OUTPUT_WRITERS",
    "build",
    "extract_paths",
    "source_label",
    "write_outputs",
]

log = logging.getLogger(__name__)

#: graph.html of a build shows at most this many entities (the most connected); ``kg html --focus`` shows the rest.
HTML_MAX_NODES = 300
_LOCK_FILE = ".kg-build.lock"
#: ``BuildResult.mode`` of a build that built no document (and so changed nothing).
NOTHING_BUILT = "nothing built"
#: Every name a build may publish in its --out folder (graph.nq: an older build's graph of record).
_OUTPUT_NAMES = ("manifest.json", "graph.trig", "graph.ttl", "store", "graph.html", "graph.nq")
#: Above this share of changed documents the store is written anew rather than patched.
_PATCH_AT_MOST = 0.25


# ---------------------------------------------------------------- the in-memory API (small sets)


@dataclass
class BuildReport:
    """What an in-memory extraction produced: the merged graph, one graph per document, and failures."""

    graph: Graph
    document_graphs: dict[URIRef, Graph] = field(default_factory=dict)
    extractions: list[DocumentExtraction] = field(default_factory=list)
    failures: list[UnreadableFileError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)
    base_iri: str = CJR_DEFAULT


def extract_paths(
    paths: Iterable[str | Path],
    *,
    nlp: Language | None = None,
    base_iri: str = CJR_DEFAULT,
    document_date: str | None = None,
    progress: bool = False,
) -> BuildReport:
    """Read every file under ``paths``, extract it, and return the graphs in memory (nothing is written).

    For small sets (evaluation, tests, notebooks); :func:`build` is the streaming build, and
    both make the same graph. Unreadable files are collected in ``report.failures``, empty
    files and skipped folders in ``report.warnings``; a file holding the text of an earlier
    one is recorded on its document (``cj:alsoReadFrom``); the others are built.
    """
    from .extract import extract_source
    from .nlp import build_nlp

    from rdflib import Literal

    from .ontology import CJ

    report = BuildReport(graph=bind_prefixes(Graph(), base_iri=base_iri), base_iri=base_iri)
    files = discover(paths, warnings=report.warnings)
    nlp = nlp or build_nlp()
    for item in iter_sources(_bar(files, enabled=progress, desc="extracting", unit="file")):
        if isinstance(item, UnreadableFileError):
            log.debug("skipped %s", item)
            report.failures.append(item)
            continue
        if not item.text.strip():
            report.warnings.append(f"{item.path}: is empty{'' if not item.text else ' (white space only)'}, so it "
                                   "holds no article: skipped")
            continue
        doc = document_iri(item.content_hash, base_iri=base_iri)
        if doc in report.document_graphs:  # the text of an earlier file: one document, recorded on it
            also = (doc, CJ.alsoReadFrom, Literal(source_label(item)))
            report.document_graphs[doc].add(also)
            report.graph.add(also)
            continue
        extraction = extract_source(nlp, item, document_date=document_date)
        doc_graph = bind_prefixes(Graph(), base_iri=base_iri)
        doc = add_document(doc_graph, extraction, base_iri=base_iri)
        report.document_graphs[doc] = doc_graph
        report.extractions.append(extraction)
        report.graph += doc_graph
    return report


def _write_turtle(report: BuildReport, out_dir: Path) -> Path:
    import pyoxigraph as ox

    from .store import to_oxigraph
    from .workers import turtle_prefixes

    path = out_dir / "graph.ttl"
    triples = (ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in report.graph)  # type: ignore[arg-type]
    with atomic_write(path, mode="wb") as handle:
        ox.serialize(triples, handle, format=ox.RdfFormat.TURTLE, prefixes=turtle_prefixes(report.base_iri))
    return path


def _write_trig(report: BuildReport, out_dir: Path) -> Path:
    import pyoxigraph as ox

    from .store import split_quads
    from .workers import turtle_prefixes

    path = out_dir / "graph.trig"
    quads = [q for doc, graph in report.document_graphs.items() for q in split_quads(doc, graph, base_iri=report.base_iri)]
    with atomic_write(path, mode="wb") as handle:
        ox.serialize(quads, handle, format=ox.RdfFormat.TRIG, prefixes=turtle_prefixes(report.base_iri))
    return path


def _write_store(report: BuildReport, out_dir: Path) -> Path:
    from .store import write_store

    return write_store(report.document_graphs, out_dir / "store", base_iri=report.base_iri)


def _write_html(report: BuildReport, out_dir: Path) -> Path:
    from .html import write_html

    return write_html(report.graph, out_dir / "graph.html")


#: Writers of :func:`write_outputs`, in order: ``(name, writer)``; each writes under ``out_dir``
#: (atomically) from an in-memory :class:`BuildReport` and returns the path it wrote.
OUTPUT_WRITERS: list[tuple[str, Callable[[BuildReport, Path], Path]]] = [
    ("graph.trig", _write_trig),
    ("graph.ttl", _write_turtle),
    ("store", _write_store),
    ("graph.html", _write_html),
]


def write_outputs(report: BuildReport, out_dir: str | Path, *, only: Iterable[str] | None = None) -> BuildReport:
    """Write an in-memory report's outputs into ``out_dir``; returns ``report`` with ``outputs`` filled."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = set(only) if only is not None else None
    for name, writer in OUTPUT_WRITERS:
        if wanted is not None and name not in wanted:
            continue
        report.outputs[name] = writer(report, out_dir)
        log.info("wrote %s", report.outputs[name])
    return report


def graph_document(report: BuildReport, extraction: DocumentExtraction) -> URIRef:
    """IRI of ``extraction``'s document in ``report``."""
    return document_iri(extraction.content_hash, base_iri=report.base_iri)


# ---------------------------------------------------------------- the streaming build


@dataclass
class BuildResult:
    """What :func:`build` did: counts, failures, the outputs it wrote and how long each phase took.

    ``mode`` is ``"full"`` (the store written anew), ``"incremental"`` (the previous store
    patched), ``"unchanged"`` (nothing to do: nothing in the output folder was touched) or
    ``"nothing built"`` (no document could be built: the output folder was left as it was,
    and ``failures`` and ``warnings`` say why).

    ``documents`` counts documents (files holding a text another file already holds are
    ``duplicates``, recorded on that document); ``entities`` and ``relations`` are those of
    the graph (each entity once, a symmetric relation stated both ways once); ``mentions``
    and ``relation_mentions`` are summed over the documents.
    """

    out_dir: Path
    mode: str = "full"
    documents: int = 0
    extracted: int = 0
    reused: int = 0
    duplicates: int = 0
    characters: int = 0
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    relation_mentions: int = 0
    failures: list[KgError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)
    manifest: Manifest | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """Whether the build wrote anything into the output folder."""
        return self.mode not in ("unchanged", NOTHING_BUILT)


@dataclass(frozen=True, slots=True)
class _Entry:
    path: Path
    key: str
    document: str
    content_hash: str
    record: int = 0       # the article's place among the items of its file (an export holds many)
    one: bool = True      # the file is one article (a worker may read it itself)
    label: str = ""       # how cj:alsoReadFrom names it: the file name, "crawl.jsonl, line 3" for a record
    duplicate: bool = False  # an earlier entry holds the same text: one document, read once


@dataclass(frozen=True, slots=True)
class _Cached:
    key: str


@dataclass(frozen=True, slots=True)
class _Duplicate:
    entry: _Entry


def _bar(items: Any, *, enabled: bool, **opts: Any) -> Any:
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, leave=False, dynamic_ncols=True, **opts)


@contextlib.contextmanager
def _ticking(desc: str, *, enabled: bool) -> Iterator[None]:
    """A progress line with the time spent, for a phase that is one long call (no counts to show)."""
    if not enabled:
        yield
        return
    import threading

    from tqdm import tqdm

    bar = tqdm(total=None, desc=desc, leave=False, dynamic_ncols=True, bar_format="{desc}: {elapsed}")
    done = threading.Event()

    def tick() -> None:
        while not done.wait(0.5):
            bar.refresh()

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        yield
    finally:
        done.set()
        ticker.join()
        bar.close()


def _reset_peak_rss() -> None:
    """Start measuring this process's peak RSS afresh (Linux: ``VmHWM`` is reset by writing 5 to ``clear_refs``)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_rss() -> int | None:
    """This process's peak RSS in bytes since :func:`_reset_peak_rss` (or its start); ``None`` where unknown."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return None


class _Phases:
    """Times the phases of a build (``BuildResult.seconds``) and logs each, with the building process's
    peak RSS during it (where the system tells it: Linux)."""

    def __init__(self, result: BuildResult) -> None:
        self.result = result

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        _reset_peak_rss()
        start, cpu = time.perf_counter(), time.process_time()
        yield
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        self.result.seconds[name] = self.result.seconds.get(name, 0.0) + seconds
        peak = _peak_rss()
        if peak is None:
            log.info("%s: %.2f s (CPU of the building process %.2f s)", name, seconds, cpu)
        else:
            log.info("%s: %.2f s (CPU of the building process %.2f s), peak RSS of the building process %d MB", name,
                     seconds, cpu, peak >> 20)


@contextlib.contextmanager
def _frozen_heap() -> Iterator[None]:
    """Leave the objects alive now out of the garbage collector's walks until the block ends (``gc.freeze``),
    unless something else froze them already."""
    import gc

    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    import fcntl

    fd = os.open(out / _LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)  # never truncated: its time stays
    with os.fdopen(fd, "r+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise BuildError(f"another 'kg build' is writing {out}; wait for it to finish, "
                                 "or build into another --out folder") from exc
            raise
        yield


def source_label(source: SourceFile) -> str:
    """How ``cj:alsoReadFrom`` names where an article was read: its file's name, and for a record of
    an export the line too.

    >>> from kg.records import DocumentMetadata
    >>> source_label(SourceFile(Path("news/crawl.jsonl"), "utf-8", "…", DocumentMetadata(record=3)))
    'crawl.jsonl, line 3'
    """
    line = source.metadata.record
    return source.name if line is None else f"{source.name}, line {line}"


def _scan(files: Sequence[Path], options: dict[str, object], version: str, base_iri: str, *, progress: bool,
          failures: list[KgError], warnings: list[str], index: ScanIndex | None = None) -> list[_Entry]:
    """The articles of ``files``, in order; a file ``index`` holds unchanged (same size and times) is not
    read again, and what a read finds is recorded in ``index``."""
    entries = []
    seen: set[str] = set()
    read = 0
    for path in _bar(files, enabled=progress, desc="reading", unit="file"):
        one = holds_one_article(path)
        known = index.lookup(path) if index is not None else None
        if known is None:
            read += 1
            known = _read_articles(path, options, version, base_iri, failures, warnings, index)
        for article in known:
            entries.append(_Entry(path, article.key, article.document, article.content_hash, article.record, one,
                                  article.label, article.document in seen))
            seen.add(article.document)
    if index is not None:
        index.keep_only(files)
    log.info("scan: %d files read, %d known unchanged", read, len(files) - read)
    return entries


def _read_articles(path: Path, options: dict[str, object], version: str, base_iri: str, failures: list[KgError],
                   warnings: list[str], index: ScanIndex | None) -> list[ScannedArticle]:
    try:
        stamp = file_stamp(path)  # before reading: a change while it is read shows next time
    except OSError:
        stamp = None
    found: list[ScannedArticle] = []
    complete = stamp is not None
    for record, item in enumerate(iter_file(path)):
        if isinstance(item, UnreadableFileError):
            log.debug("skipped %s", item)
            failures.append(item)
            complete = False
            continue
        if not item.text.strip():
            warnings.append(f"{item.path}: is empty{'' if not item.text else ' (white space only)'}, so it "
                            "holds no article: skipped")
            complete = False
            continue
        document = str(document_iri(item.content_hash, base_iri=base_iri))
        found.append(ScannedArticle(result_key(item, options, version=version), document, item.content_hash,
                                    record, source_label(item)))
    if index is not None:
        if complete and stamp is not None:
            index.record(path, stamp, found)
        else:  # read again next time, so its failures and warnings are reported again
            index.forget(path)
    return found


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    nlp: Language | None = None,
    base_iri: str = CJR_DEFAULT,
    document_date: str | None = None,
    progress: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    full: bool = False,
    ttl: bool = True,
    html_max_nodes: int = HTML_MAX_NODES,
    parallel_above: int = 32,
) -> BuildResult:
    """Build the articles under ``paths`` into ``out_dir``, streaming, in parallel and incrementally.

    Parameters
    ----------
    workers
        Extraction processes (default: the machine's cores; 0: in this process). With
        fewer than ``parallel_above`` documents to extract they are not started.
    scheduler
        ``tcp://HOST:PORT`` of a Dask scheduler: extraction runs on its cluster instead.
    full
        Extract every document again, ignoring the cache, and write every output anew.
    ttl
        Also write ``graph.ttl`` (the merged triples as Turtle).
    html_max_nodes
        ``graph.html`` shows at most this many entities, the most connected.
    nlp
        A pipeline to extract with in this process (tests); workers build their own.

    Unreadable files and documents the pipeline fails on are listed in
    ``result.failures``, empty files and skipped folders in ``result.warnings``; the others
    are built. When no document can be built, nothing in ``out_dir`` changes (``mode`` is
    :data:`NOTHING_BUILT`). That ``out_dir`` can be written is checked before any article
    is read (:class:`~kg.errors.InputError`).
    """
    out = Path(out_dir)
    _check_base_iri(base_iri)
    created = _check_out(out)
    result = BuildResult(out_dir=out)
    phase = _Phases(result)
    early: Any = None
    try:
        with phase("scan"):
            files = discover(paths, warnings=result.warnings)
            early = _start_workers(out, files, workers=workers, scheduler=scheduler, full=full,
                                   parallel_above=parallel_above)
            version = pipeline_version()
            options: dict[str, object] = {"base_iri": base_iri, "document_date": document_date}
            index = ScanIndex(version, options) if full else ScanIndex.read(out / SCAN_FILE, version=version,
                                                                            options=options)
            entries = _scan(files, options, version, base_iri, progress=progress, failures=result.failures,
                            warnings=result.warnings, index=index)
        return _build(entries, index, out, result, phase, created, early, nlp=nlp, base_iri=base_iri,
                      document_date=document_date, version=version, progress=progress, workers=workers,
                      scheduler=scheduler, full=full, ttl=ttl, html_max_nodes=html_max_nodes,
                      parallel_above=parallel_above)
    finally:
        if early is not None:
            early.close()


def _start_workers(out: Path, files: Sequence[Path], *, workers: int | None, scheduler: str | None, full: bool,
                   parallel_above: int) -> Any:
    """Worker processes started now, for a build that will surely extract many documents (a first or a
    full build of many files), so that they load the pipeline while the files are scanned; else None."""
    if scheduler is not None or (workers is not None and workers < 1) or len(files) < parallel_above:
        return None  # (a bad --workers is reported by make_runner, as ever)
    if not full and (out / MANIFEST_FILE).exists():
        return None  # a rebuild: the scan tells how much is left to extract
    from .workers import ProcessRunner

    runner = ProcessRunner((os.cpu_count() or 1) if workers is None else workers)
    runner.warm_up()
    return runner


def _build(entries: list[_Entry], index: ScanIndex, out: Path, result: BuildResult, phase: _Phases, created: bool,
           early: Any, *, nlp: Language | None, base_iri: str, document_date: str | None, version: str,
           progress: bool, workers: int | None, scheduler: str | None, full: bool, ttl: bool, html_max_nodes: int,
           parallel_above: int) -> BuildResult:
    """:func:`build` once the articles are scanned: plan, extract, write and publish."""
    if not entries:
        return _nothing_built(result, created)
    out.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        clean_stale(out)  # what a build that was killed outright left
        output_options = {"base_iri": base_iri, "ttl": ttl, "html_max_nodes": html_max_nodes}
        previous = None if full else Manifest.read(out / MANIFEST_FILE)
        if previous is not None and _unchanged(previous, entries, result.failures, output_options, out):
            # The previous build holds exactly these documents (so its cache has their results):
            # nothing is opened for writing, nothing in OUT changes.
            log.info("nothing changed since build %s: %s left as it is", previous.build_id, out)
            result.mode = "unchanged"
            result.documents = result.reused = len(entries)
            result.manifest = previous
            result.outputs = {name: out / name for name in previous.outputs}
            return result
        with ResultCache(out / CACHE_FILE) as cache:
            held = set() if full else cache.keys()
            plan = _Plan.make(entries, held, previous, output_options, out)
            result.mode = "incremental" if plan.patch else "full"
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
            try:
                manifest = _run(plan, entries, cache, staging, result, phase, nlp=nlp, base_iri=base_iri,
                                document_date=document_date, version=version, options=output_options, ttl=ttl,
                                html_max_nodes=html_max_nodes, workers=workers, scheduler=scheduler,
                                progress=progress, parallel_above=parallel_above, early=early)
                if manifest is None:  # every document failed: the previous build stays as it is
                    return _nothing_built(result, created)
                manifest.write(staging / MANIFEST_FILE)  # the build is complete once its manifest is there
                with phase("swap"):
                    publish_build(staging, out, manifest.build_id, (*manifest.outputs, MANIFEST_FILE),
                                  known=_OUTPUT_NAMES)
            finally:
                shutil.rmtree(staging, ignore_errors=True)  # gone already once published
            cache.keep_only(manifest.keys())
            _save_index(index, out)
            result.manifest = manifest
            result.outputs = {name: out / name for name in manifest.outputs}
    log.info("built %d documents (%d extracted, %d from the cache) into %s", result.documents, result.extracted,
             result.reused, out)
    return result


def _save_index(index: ScanIndex, out: Path) -> None:
    if not index.changed:
        return
    try:
        index.write(out / SCAN_FILE)
    except OSError as exc:  # the next scan reads every file again: slower, never wrong
        log.warning("could not write the scan index %s (%s)", out / SCAN_FILE, exc)


def _check_out(out: Path) -> bool:
    """Fail now, before any article is read, if the build could not write into ``out``.

    A missing ``out`` is created (returns ``True``: it is removed again if nothing is built);
    an existing one must be a folder this process may write (and its build lock, if any).
    """
    hint = "choose another --out folder, or make this one writable"
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file, not a folder; {hint}")
    if not out.exists():
        try:
            out.mkdir(parents=True)
        except OSError as exc:
            raise InputError(f"cannot create the output folder {out} ({exc.strerror or exc}); {hint}") from exc
        return True
    lock = out / _LOCK_FILE
    try:
        if not os.access(out, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        if lock.exists():
            os.close(os.open(lock, os.O_RDWR))
    except OSError as exc:
        raise InputError(f"cannot write into the output folder {out} ({exc.strerror or exc}); {hint}") from exc
    return False


def _nothing_built(result: BuildResult, created: bool) -> BuildResult:
    """No document could be built: ``out`` is left as it was (a folder this build made is removed)."""
    result.mode = NOTHING_BUILT
    result.documents = result.extracted = result.reused = result.duplicates = 0
    if created:  # made by this build, which leaves nothing behind
        shutil.rmtree(result.out_dir, ignore_errors=True)
    log.info("no document could be built: %s left as it was", result.out_dir)
    return result


def _unchanged(previous: Manifest, entries: list[_Entry], failures: list[KgError], output_options: dict[str, object],
               out: Path) -> bool:
    return ([(str(e.path), e.key) for e in entries] == [(d.path, d.key) for d in previous.documents]
            and previous.options == output_options
            and sorted(str(getattr(f, "path", f)) for f in failures) == sorted(previous.failures)
            and all((out / name).exists() for name in previous.outputs))


def _check_base_iri(base_iri: str) -> None:
    bad = [ch for ch in base_iri if ch in '<>"{}|^`\\' or ord(ch) <= 0x20]
    if bad or "://" not in base_iri:
        raise InputError(f"--base-iri {base_iri!r} is not an IRI namespace; give one such as "
                         f"{CJR_DEFAULT!r} (no spaces, quotes or angle brackets)")


@dataclass
class _Plan:
    """What a build must do, from the documents found, the cache and the previous manifest."""

    entries: list[_Entry]
    extract: set[str]               # keys to extract
    patch: bool                     # patch the previous store instead of writing a new one
    previous: Manifest | None
    removed: set[str] = field(default_factory=set)      # keys gone since the previous build
    added: set[str] = field(default_factory=set)        # keys new since the previous build
    affected: set[str] = field(default_factory=set)     # documents whose named graph changes

    @classmethod
    def make(cls, entries: list[_Entry], held: set[str], previous: Manifest | None,
             output_options: dict[str, object], out: Path) -> _Plan:
        keys = [e.key for e in entries]
        extract = {e.key for e in entries if not e.duplicate and e.key not in held}
        if previous is None:
            return cls(entries, extract, patch=False, previous=None)
        before = previous.keys()
        removed, added = before - set(keys), set(keys) - before
        affected = {d.document for d in previous.documents if d.key in removed}
        affected |= {e.document for e in entries if e.key in added}
        seen: set[str] = set()
        duplicates = set()  # keys of files that held another's text: never extracted, not in the cache
        for d in previous.documents:
            if d.document in seen:
                duplicates.add(d.key)
            seen.add(d.document)
        patch = ((out / "store").is_dir() and previous.options.get("base_iri") == output_options.get("base_iri")
                 and removed - duplicates <= held and len(affected) <= max(1, _PATCH_AT_MOST * len(entries)))
        return cls(entries, extract, patch=patch, previous=previous, removed=removed,
                   added=added, affected=affected)


def _run(plan: _Plan, entries: list[_Entry], cache: ResultCache, staging: Path, result: BuildResult, phase: _Phases,
         *, nlp: Language | None, base_iri: str, document_date: str | None, version: str,
         options: dict[str, object], ttl: bool, html_max_nodes: int, workers: int | None, scheduler: str | None,
         progress: bool, parallel_above: int, early: Any = None) -> Manifest | None:
    """Extract what the plan says and write every output into ``staging``; returns the build's manifest,
    or ``None`` when no document could be built (nothing is published then)."""
    from .workers import ExtractionTask, TaskFailure, make_runner, with_turtle

    store_writer = _StoreDelta(plan, cache, staging, base_iri) if plan.patch else _NewStore(staging, base_iri)
    files = _FileWriter(staging, base_iri, ttl=ttl)
    # A new store of many documents: graph.html is made by a process of its own (started now, so that it has
    # imported what it needs by then) while this one adds the summary to the store.
    view = (_ViewProcess(staging, base_iri, max_nodes=html_max_nodes)
            if not plan.patch and len(entries) >= parallel_above else None)
    documents: list[ManifestEntry] = []
    task_options = {"base_iri": base_iri, "document_date": document_date}

    exports = _ExportReader()

    def items() -> Iterator[Any]:
        sent: set[str] = set()
        for entry in entries:
            if entry.duplicate:
                yield _Duplicate(entry)
                continue
            if entry.key not in plan.extract or entry.key in sent:
                yield _Cached(entry.key)
                continue
            sent.add(entry.key)
            if entry.one and not ships_text:  # the worker reads the file itself
                yield ExtractionTask(entry.key, None, base_iri=base_iri, document_date=document_date,
                                     path=str(entry.path), content_hash=entry.content_hash, version=version,
                                     record=entry.record)
                continue
            try:
                source = exports.read(entry)
            except UnreadableFileError as exc:  # changed since it was scanned
                yield exc
                continue
            key = entry.key
            if source.content_hash != entry.content_hash:
                log.warning("%s changed while the build ran; building what it holds now", entry.path)
                key = result_key(source, task_options, version=version)
            yield ExtractionTask(key, source, base_iri=base_iri, document_date=document_date)

    def consume(output: Any) -> None:
        if isinstance(output, UnreadableFileError):
            result.failures.append(output)
            return
        if isinstance(output, TaskFailure):
            log.debug("%s: extraction failed: %s", output.path, output.message)
            result.failures.append(ExtractionFailedError(output.path, output.message))
            return
        if isinstance(output, _Duplicate):
            entry = next_entry()
            if entry.document not in built:  # the first file of this text failed: nothing to record it on
                result.failures.append(ExtractionFailedError(entry.path, "it holds the text of a file that failed"))
                return
            documents.append(ManifestEntry(str(entry.path), entry.document, entry.key))
            result.duplicates += 1
            files.add_also(entry.document, entry.label)
            store_writer.add_also(entry, entry.label)
            bar.update()
            return
        if isinstance(output, _Cached):
            found = cache.get(output.key)
            if found is None:
                raise BuildError(f"the build cache lost the result {output.key}; build again with --full")
            document, from_cache = found, True
        else:
            document, from_cache = with_turtle(output, base_iri), False
            cache.put(document)
        entry = next_entry()
        documents.append(ManifestEntry(str(entry.path), document.document, document.key))
        built.add(document.document)
        result.documents += 1
        result.reused += from_cache
        result.extracted += not from_cache
        result.characters += document.characters
        result.mentions += document.mentions
        result.relation_mentions += document.relations
        files.add(document)
        store_writer.add(document)
        if not from_cache:
            bar.set_postfix(extracted=result.extracted, refresh=False)
        bar.update()

    pending = iter(entries)

    def next_entry() -> _Entry:
        # Outputs come in the entries' order; failures skip theirs (see below).
        return next(pending)

    built: set[str] = set()

    def skip_failed(output: Any) -> None:
        if isinstance(output, (UnreadableFileError, TaskFailure)):
            next(pending)
            bar.update()
        consume(output)

    from .workers import run_all

    if early is not None and len(plan.extract) >= parallel_above:
        runner = early  # started before the scan (closed by run_all; closing again does nothing)
    else:
        runner = make_runner(workers=workers, scheduler=scheduler, nlp=nlp, tasks=len(plan.extract),
                             parallel_above=parallel_above)
    ships_text = scheduler is not None  # a cluster's workers may not see these files
    log.info("extracting %d of %d documents (%s), %s the store", len(plan.extract), len(entries),
             getattr(runner, "name", "?"), "patching" if plan.patch else "writing")
    bar = _bar(None, enabled=progress, total=len(entries), desc="building", unit="doc") if progress else _NoBar()
    try:
        with phase("extract+write"):
            run_all(runner, items(), skip_failed)
    except BaseException:
        files.close()
        store_writer.close()
        if view is not None:
            view.close()
        raise
    finally:
        bar.close()
    cache.commit()
    if not result.documents:  # every document failed: nothing to publish
        files.close()
        store_writer.close()
        if view is not None:
            view.close()
        return None
    stack = contextlib.ExitStack()
    try:
        # What lives now (the pipeline, if this process extracted) lives to the end of the build: the garbage
        # collections of the phases below (the summary, the view's many terms) need not walk it again and again.
        stack.enter_context(_frozen_heap())
        with phase("store"), _ticking("finishing the store", enabled=progress):
            store = store_writer.finish(progress=progress, loaded=view.start if view is not None else None)
        from concurrent.futures import ThreadPoolExecutor

        check_free_space(staging, needs=0, step="write the entity graph into graph.trig and graph.ttl")
        with ThreadPoolExecutor(1, thread_name_prefix="kg-graph-files") as pool:
            # The entity graph's Turtle is dumped by the store (no GIL held) while graph.html is made.
            writing = pool.submit(files.finish, store)
            with phase("graph.html"), _ticking("writing graph.html", enabled=progress):
                # the view counts the graph's entities and relations as graph_totals does: read once
                totals = view.result() if view is not None else None
                if totals is not None:
                    result.entities, result.relations = totals
                else:
                    result.entities, result.relations = _write_view(store, staging / "graph.html", base_iri=base_iri,
                                                                    max_nodes=html_max_nodes)
            with phase("graph files"), _ticking("writing the entity graph", enabled=progress):
                outputs = writing.result() + ["graph.html"]
        with phase("store (compacting)"), _ticking("compacting the store", enabled=progress):
            store_writer.settle()
        del store
    finally:
        stack.close()
        files.close()
        store_writer.close()
        if view is not None:
            view.close()
    outputs.append("store")
    return Manifest(
        build_id=uuid.uuid4().hex[:12], pipeline_version=version, options=options, documents=tuple(documents),
        outputs=tuple(outputs), failures=tuple(str(getattr(f, "path", f)) for f in result.failures),
        counts={"documents": result.documents, "extracted": result.extracted, "reused": result.reused,
                "duplicates": result.duplicates, "characters": result.characters, "entities": result.entities,
                "relations": result.relations, "mentions": result.mentions,
                "relation_mentions": result.relation_mentions},
    )


class _ExportReader:
    """The articles the build ships to its workers, read in the entries' order: each file is read once
    however many of its articles (an export's records) are wanted."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._items: Iterator[Any] = iter(())
        self._at = 0

    def read(self, entry: _Entry) -> SourceFile:
        if entry.path != self._path or entry.record < self._at:
            self._path, self._items, self._at = entry.path, iter_file(entry.path), 0
        item: Any = None
        while self._at <= entry.record:
            item = next(self._items, None)
            self._at += 1
            if item is None:
                self._path = None
                raise UnreadableFileError(entry.path, "changed while the build ran (it holds fewer articles "
                                          "now); build again")
        if isinstance(item, UnreadableFileError):
            raise item
        return item


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def set_postfix(self, **_: Any) -> None:
        pass

    def close(self) -> None:
        pass


def _also_triple(document: str, label: str) -> bytes:
    """``<document> cj:alsoReadFrom "label" .`` as an N-Triples line (also valid Turtle)."""
    from .ontology import CJ
    from .rdf import NTriplesSink

    return f"<{document}> <{CJ.alsoReadFrom}> {NTriplesSink.text(label)} .\n".encode("utf-8")


class _SeenLines:
    """The N-Triples lines handed on already, at most ``limit`` of them: :meth:`new_lines` keeps the others.

    The entity graph's lines repeat from document to document (日本's type and label in most of them: at 1,000
    generated articles 100,000 lines, 28,000 of them different); the store keeps each quad once however often it
    is loaded, so a line loaded before need not be handed over again, parsed, sorted and compacted. Once ``limit``
    lines are held they are forgotten (a line loaded twice is harmless), so memory stays bounded whatever the
    corpus.

    >>> seen = _SeenLines(limit=3)
    >>> seen.new_lines(b"<a> <p> <b> .\\n<a> <p> <c> .\\n"), seen.new_lines(b"<a> <p> <b> .\\n<a> <p> <d> .\\n")
    (b'<a> <p> <b> .\\n<a> <p> <c> .\\n', b'<a> <p> <d> .\\n')
    >>> seen.new_lines(b"<a> <p> <b> .\\n")  # forgotten once three were held: handed on again
    b'<a> <p> <b> .\\n'
    """

    def __init__(self, *, limit: int = 200_000) -> None:
        self.limit = limit
        self._seen: set[bytes] = set()

    def new_lines(self, ntriples: bytes) -> bytes:
        """The lines of ``ntriples`` (whole lines, each ending in a newline) not handed on before, in order."""
        seen = self._seen
        if len(seen) >= self.limit:
            seen.clear()
        fresh = [line for line in ntriples.splitlines(keepends=True) if line not in seen]
        seen.update(fresh)
        return b"".join(fresh)

    def clear(self) -> None:
        self._seen.clear()


class _FileWriter:
    """graph.trig (and graph.ttl), appended document by document from the cached Turtle, the entity graph last."""

    def __init__(self, folder: Path, base_iri: str, *, ttl: bool) -> None:
        from .workers import turtle_prefixes

        self.folder = folder
        self.base_iri = base_iri
        self.prefixes = turtle_prefixes(base_iri)
        header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()).encode()
        self.trig = open(folder / "graph.trig", "wb", buffering=1 << 20)
        self.trig.write(header)
        self.ttl = open(folder / "graph.ttl", "wb", buffering=1 << 20) if ttl else None
        if self.ttl is not None:
            self.ttl.write(header)

    def add(self, document: DocumentResult) -> None:
        self.trig.write(b"\n<%s> {\n" % document.document.encode("utf-8"))
        if self.ttl is not None:
            self.ttl.write(b"\n")
        for piece in document.turtle_chunks():  # a large document a few MB at a time
            self.trig.write(piece)
            if self.ttl is not None:
                self.ttl.write(piece)
        self.trig.write(b"}\n")

    def add_also(self, document: str, label: str) -> None:
        """Record on ``document`` another file holding its text (``cj:alsoReadFrom``)."""
        line = _also_triple(document, label)
        self.trig.write(b"\n<%s> {\n%s}\n" % (document.encode("utf-8"), line))
        if self.ttl is not None:
            self.ttl.write(b"\n" + line)

    def finish(self, store: ox.Store) -> list[str]:
        import pyoxigraph as ox

        entity_graph = str(entity_graph_iri(base_iri=self.base_iri))
        scratch = self.folder / "entities.tmp"
        store.dump(str(scratch), format=ox.RdfFormat.TURTLE, from_graph=ox.NamedNode(entity_graph),
                   prefixes=self.prefixes)
        self.trig.write(b"\n<%s> {\n" % entity_graph.encode("utf-8"))
        with open(scratch, "rb") as turtle:
            for handle in (self.trig, self.ttl):
                if handle is None:
                    continue
                if handle is self.ttl:
                    handle.write(b"\n")
                turtle.seek(0)
                line = turtle.readline()
                while line.startswith(b"@prefix "):  # the serializer writes them first, and only there
                    line = turtle.readline()
                handle.write(line)
                shutil.copyfileobj(turtle, handle, 1 << 20)
        self.trig.write(b"}\n")
        scratch.unlink()
        self.close()
        return ["graph.trig"] + (["graph.ttl"] if self.ttl is not None else [])

    def close(self) -> None:
        for handle in (self.trig, self.ttl):
            if handle is not None and not handle.closed:
                handle.close()


class _NewStore:
    """A new store, loaded as documents arrive."""

    def __init__(self, staging: Path, base_iri: str) -> None:
        import pyoxigraph as ox

        from .store import StoreLoader
        from .summary import SummaryCollector

        self.path = staging / "store"
        self.store = ox.Store(str(self.path))
        self.loader = StoreLoader(self.store, before_batch=_batch_guard(staging, "documents"))
        self.summary = SummaryCollector(base_iri=base_iri, scratch=staging)  # gathered as documents arrive
        self.base_iri = base_iri
        self.entity_graph = str(entity_graph_iri(base_iri=base_iri))
        self.shared = _SeenLines()  # the entity graph's lines other documents gave already: not loaded again
        self.documents = 0

    def add(self, document: DocumentResult) -> None:
        for piece in document.local_chunks():
            self.summary.add(document.document, piece)
            self.loader.add(piece, document.document)
        shared = self.shared.new_lines(document.shared_ntriples())
        if shared:
            self.loader.add(shared, self.entity_graph)
        self.documents += 1

    def add_also(self, entry: _Entry, label: str) -> None:
        self.loader.add(_also_triple(entry.document, label), entry.document)

    def finish(self, *, progress: bool, loaded: Callable[[ox.Store], None] | None = None) -> ox.Store:
        """Load what is left, call ``loaded`` with the store (every document in it, no summary yet), add the
        summary graph (per-fact figures for the queries), then compact the store once (:meth:`settle` waits
        for it), on a thread: Oxigraph compacts without holding the GIL while the other outputs read the store.

        The compaction starts only once the summary is in, so that the store published holds no file outside
        the compacted set: a summary loaded while the store was compacted (as builds of at most 20,000
        documents once did) left its files on level 0, and the first write of every later rebuild then set
        off a compaction of the whole store."""
        from .store import ontology_iri, ontology_ntriples

        self.loader.add(ontology_ntriples(), str(ontology_iri()))
        self.loader.close()
        self.shared.clear()
        if loaded is not None:
            loaded(self.store)
        self._error: BaseException | None = None
        check_free_space(self.path.parent, needs=0, step="make the summary graph")
        log.info("making the summary graph")
        self.summary.load(self.store, scratch=self.path.parent,
                          before_piece=_batch_guard(self.path.parent, "the summary graph"))
        size = folder_bytes(self.path)
        check_free_space(self.path.parent, needs=size, step="compact the store", why=(
            f"a compaction can need for a while about as much again as the store's {readable_size(size)}"))
        log.info("optimizing the store (while the other outputs are written)")
        self._start_optimizing()
        return self.store

    def _start_optimizing(self) -> None:
        import threading

        self._optimizer = threading.Thread(target=self._optimize, name="kg-store-optimize", daemon=True)
        self._optimizer.start()

    def _optimize(self) -> None:
        try:
            self.store.optimize()
            self.store.flush()
        except BaseException as exc:  # handed to the building thread by settle()
            self._error = exc

    def settle(self) -> None:
        """Wait until the store is compacted and on disk."""
        optimizer = getattr(self, "_optimizer", None)
        if optimizer is not None:
            optimizer.join()
            self._optimizer = None
            if self._error is None:
                try:
                    self.store.flush()
                except OSError as exc:
                    self._error = exc
            if self._error is not None:
                error, self._error = self._error, None
                if isinstance(error, OSError):
                    from .errors import StoreError

                    raise StoreError(f"could not write the store: {error}; check the disk space") from error
                raise error

    def close(self) -> None:
        optimizer = getattr(self, "_optimizer", None)
        if optimizer is not None:
            optimizer.join()
        self.summary.close()
        _release_store(self)


class _StoreDelta:
    """The previous store, copied (hard links) and patched: changed documents' graphs and the entity graph."""

    def __init__(self, plan: _Plan, cache: ResultCache, staging: Path, base_iri: str) -> None:
        import pyoxigraph as ox

        from .store import StoreLoader, open_oxigraph

        self.plan = plan
        self.path = staging / "store"
        self.previous = staging.parent / "store"
        self.base_iri = base_iri
        assert plan.previous is not None
        previous = open_oxigraph(staging.parent / "store")
        previous.backup(str(self.path))
        del previous
        self.store = ox.Store(str(self.path))
        self.loader = StoreLoader(self.store, before_batch=_batch_guard(staging, "documents"))
        self.entity_graph = str(entity_graph_iri(base_iri=base_iri))
        for start in range(0, len(plan.affected), 200):
            chunk = sorted(plan.affected)[start:start + 200]
            self.store.update(" ;\n".join(f"DROP SILENT GRAPH <{doc}>" for doc in chunk))
        # Entity facts the removed results stated: kept only if a remaining document states them too.
        self.candidates: set[bytes] = set()
        for _, data in cache.get_many(plan.removed, column="shared"):
            self.candidates.update(_lines(data))
        self.supported: set[bytes] = set()

    def add(self, document: DocumentResult) -> None:
        if document.document in self.plan.affected:
            for piece in document.local_chunks():
                self.loader.add(piece, document.document)
        if self.candidates or document.key in self.plan.added:
            shared = document.shared_ntriples()
            if self.candidates:
                self.supported.update(line for line in shared.splitlines(keepends=True) if line in self.candidates)
            if document.key in self.plan.added:
                self.loader.add(shared, self.entity_graph)

    def add_also(self, entry: _Entry, label: str) -> None:
        if entry.key in self.plan.added or entry.document in self.plan.affected:
            self.loader.add(_also_triple(entry.document, label), entry.document)

    def finish(self, *, progress: bool, loaded: Callable[[ox.Store], None] | None = None) -> ox.Store:
        from .store import ontology_iri, ontology_quads

        self.loader.close()
        gone = sorted(self.candidates - self.supported)
        for start in range(0, len(gone), 2000):
            data = b"".join(gone[start:start + 2000]).decode("utf-8")
            self.store.update(f"DELETE DATA {{ GRAPH <{self.entity_graph}> {{\n{data}}} }}")
        log.info("patched the store: %d documents replaced, %d entity facts dropped", len(self.plan.affected), len(gone))
        self.store.update(f"DROP SILENT GRAPH <{ontology_iri()}>")
        self.store.load(ontology_quads(), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
        if loaded is not None:
            loaded(self.store)
        from .summary import refresh_summary

        refresh_summary(self.store, base_iri=self.base_iri, previous=self.previous)  # the facts the changes touch
        self.store.flush()
        return self.store

    def settle(self) -> None:
        pass

    def close(self) -> None:
        _release_store(self)


def _batch_guard(staging: Path, what: str) -> Callable[[int], None]:
    """The free-space check run before each batch of ``what`` is loaded into the store (:mod:`kg.diskspace`)."""

    def guard(batch: int) -> None:
        check_free_space(staging, needs=batch * STORE_GROWTH, step=f"load a batch of {what} into the store", why=(
            f"a batch of {readable_size(batch)} of N-Quads grows the store by up to {STORE_GROWTH} times that"))

    return guard


def _release_store(writer: _NewStore | _StoreDelta) -> None:
    """Close a store writer's loader and drop its store: the store closes once no reference is
    left, which must happen before its folder is moved."""
    if hasattr(writer, "loader"):
        with contextlib.suppress(Exception):
            writer.loader.close()
        del writer.store, writer.loader
    import gc

    gc.collect()


def _lines(data: bytes) -> list[bytes]:
    import zlib

    return zlib.decompress(data).splitlines(keepends=True)


def _write_view(store: ox.Store, path: Path, *, base_iri: str, max_nodes: int) -> tuple[int, int]:
    """Write graph.html of ``store``; returns the graph's ``(entities, relations)``
    (:func:`kg.store.graph_totals`)."""
    from .html import write_html
    from .store import view_graph

    start = time.process_time()
    graph, totals = view_graph(store, base_iri=base_iri, max_nodes=max_nodes)
    middle = time.process_time()
    write_html(graph, path, max_nodes=max_nodes if totals[0] > max_nodes else None, totals=totals)
    log.info("graph.html: the view read from the store in %.2f s of CPU, the page made in %.2f s of CPU",
             middle - start, time.process_time() - middle)
    return totals


class _ViewProcess:
    """graph.html of a new store, made by a process of its own while the build's process adds the summary
    graph to the store: the two take about as long, and the worker processes are done by then.

    The process is started (and imports what it needs) at once; :meth:`start` gives it a snapshot of the
    loaded store (a checkpoint: hard links to the store's files, so the store's compaction cannot pull them
    away while they are read), :meth:`result` waits for the page and returns the graph's
    ``(entities, relations)``, as :func:`_write_view` does.
    """

    def __init__(self, staging: Path, base_iri: str, *, max_nodes: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from .workers import watch_parent

        self.path = staging / "graph.html"
        self.snapshot = staging / "view-snapshot"
        self.base_iri = base_iri
        self.max_nodes = max_nodes
        self._future: Any = None
        # "spawn": nothing of the building process (open store, threads) is copied into it.
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=watch_parent)
        self._pool.submit(_view_imports)

    def start(self, store: ox.Store) -> None:
        """Snapshot ``store`` (every document loaded) and start making the page from it."""
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        store.backup(str(self.snapshot))
        try:
            self._future = self._pool.submit(_view_of_snapshot, str(self.snapshot), str(self.path), self.base_iri,
                                             self.max_nodes, logging.getLogger().getEffectiveLevel())
        except BrokenProcessPool as exc:  # it died already: result() says so
            self._future = Future()
            self._future.set_exception(exc)

    def result(self) -> tuple[int, int] | None:
        """Wait for graph.html; returns the graph's ``(entities, relations)``, or ``None`` if the process
        died (killed for its memory, say): the build then makes the page itself."""
        from concurrent.futures.process import BrokenProcessPool

        if self._future is None:
            raise BuildError("graph.html was never started: the store was not finished")
        try:
            return self._future.result()
        except BrokenProcessPool as exc:
            log.warning("the process making graph.html died (%s); making it in the build's process", exc)
            return None
        finally:
            shutil.rmtree(self.snapshot, ignore_errors=True)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.snapshot, ignore_errors=True)


def _view_imports() -> None:
    # What the view process needs, imported before the store is ready.
    from . import html, store  # noqa: F401


def _view_of_snapshot(snapshot: str, path: str, base_iri: str, max_nodes: int, level: int) -> tuple[int, int]:
    import pyoxigraph as ox

    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", force=True)
    store = ox.Store.read_only(snapshot)
    try:
        return _write_view(store, Path(path), base_iri=base_iri, max_nodes=max_nodes)
    finally:
        del store
