"""Where extraction runs: in the build's process, in local worker processes, or on a Dask cluster.

A build hands out :class:`ExtractionTask` records (a decoded source and the options that
reach its RDF) and gets back :class:`~kg.cache.DocumentResult` records: compressed
N-Triples and Turtle and a few counts, never a pipeline ``Doc``, so that the building
process (the bottleneck of a build) only appends bytes. Every runner keeps the
order it was given, so a build's output is the same whatever runs the extraction, and
keeps only a bounded number of tasks in flight, so memory does not grow with the corpus.

>>> from kg.reading import SourceFile
>>> from pathlib import Path
>>> from kg.nlp import build_nlp
>>> task = ExtractionTask("k1", SourceFile(Path("a.txt"), "utf-8", "苏州市与日本大阪市缔结友好城市。"))
>>> [result] = LocalRunner(build_nlp()).map([task])
>>> result.file_name, b"sisterCityOf" in result.shared_ntriples(), b"ntityMention" in result.local_ntriples()
('a.txt', True, True)
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import pyoxigraph as ox

from .cache import DocumentResult
from .errors import BuildError, UnreadableFileError
from .reading import SourceFile

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "DaskRunner",
    "ExtractionTask",
    "LocalRunner",
    "ProcessRunner",
    "Runner",
    "TaskFailure",
    "compressed_turtle",
    "extract_batch",
    "make_result",
    "turtle_prefixes",
    "with_turtle",
]

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ExtractionTask:
    """One document to extract: its result key, the decoded source and the options that reach its RDF.

    Local workers get ``source=None`` and the file's ``path``, the article's place in it
    (``record``) and its ``content_hash`` (as the build scanned it) and read the file
    themselves, which spares the building process a second read (and parses PDFs in
    parallel); a Dask worker, which may not see the files, and any article of an export
    (one file, many articles) get the decoded source.
    """

    key: str
    source: SourceFile | None
    base_iri: str | None = None
    document_date: str | None = None
    path: str | None = None
    content_hash: str | None = None
    version: str | None = None
    record: int = 0

    def read(self) -> SourceFile:
        """The decoded source (read now if the task holds its path: item ``record`` of the file, read by
        its suffix as :func:`kg.reading.iter_file` reads it)."""
        if self.source is not None:
            return self.source
        from itertools import islice

        from .reading import iter_file

        assert self.path is not None
        item = next(islice(iter_file(self.path), self.record, None), None)
        if item is None:
            raise UnreadableFileError(self.path, "changed while the build ran (it holds fewer articles now); "
                                      "build again")
        if isinstance(item, UnreadableFileError):
            raise item
        return item


@dataclass(frozen=True, slots=True)
class TaskFailure:
    """A document whose extraction raised: the task's key, the file and what went wrong."""

    key: str
    path: str
    message: str


@lru_cache(maxsize=8)
def turtle_prefixes(base_iri: str | None = None) -> dict[str, str]:
    """The prefixes Turtle outputs declare (``cj``, ``cjr`` for ``base_iri``, ``rdfs`` …)."""
    from rdflib import Graph

    from .ontology import CJR_DEFAULT, bind_prefixes

    graph = bind_prefixes(Graph(bind_namespaces="none"), base_iri=base_iri or CJR_DEFAULT)
    return {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix and prefix != "xml"}


def turtle_body(ntriples: bytes, prefixes: dict[str, str]) -> bytes:
    """``ntriples`` as Turtle (pyoxigraph's serializer) without its ``@prefix`` lines.

    The N-Triples are the build's own (:func:`kg.rdf.write_document`), so they are parsed without validating
    their IRIs again (``lenient``, as the store loads them): the same Turtle in 60% of the time.

    >>> turtle_body(b'<https://w3id.org/cjkg/resource/doc/ab> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
    ...             b'<https://w3id.org/cjkg/ontology#Document> .\\n', turtle_prefixes())
    b'cjr:doc\\\\/ab a cj:Document .\\n'
    """
    text = ox.serialize(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES, lenient=True), format=ox.RdfFormat.TURTLE,
                        prefixes=prefixes) or b""
    start = 0
    while text.startswith(b"@prefix ", start):
        start = text.index(b"\n", start) + 1
    return text[start:]


class _Deflated:
    """Bytes written, zlib-compressed as they come (a file-like ``write``)."""

    def __init__(self) -> None:
        self._deflate = zlib.compressobj(1)
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(self._deflate.compress(data))
        return len(data)

    def flush(self) -> None:
        pass

    def finish(self) -> bytes:
        self._parts.append(self._deflate.flush())
        return b"".join(self._parts)


class _Inflated:
    """A file-like ``read`` over zlib-compressed bytes, decompressed as they are read."""

    def __init__(self, compressed: bytes) -> None:
        self._inflate = zlib.decompressobj()
        self._compressed = memoryview(compressed)
        self._at = 0
        self._held = b""

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            rest = self._held + self._inflate.decompress(self._compressed[self._at:]) + self._inflate.flush()
            self._held, self._at = b"", len(self._compressed)
            return rest
        while len(self._held) < size and self._at < len(self._compressed):
            self._held += self._inflate.decompress(self._compressed[self._at:self._at + (1 << 16)])
            self._at += 1 << 16
            if self._at >= len(self._compressed):
                self._held += self._inflate.flush()
        data, self._held = self._held[:size], self._held[size:]
        return data


class _WithoutPrefixes(_Deflated):
    """:class:`_Deflated` that drops the ``@prefix`` lines a Turtle serializer writes first."""

    def __init__(self) -> None:
        super().__init__()
        self._head: bytes | None = b""

    def write(self, data: bytes) -> int:
        if self._head is None:
            return super().write(data)
        head = self._head + data
        while head.startswith(b"@prefix ") and b"\n" in head:
            head = head[head.index(b"\n") + 1:]
        if len(head) < 8 and b"@prefix ".startswith(head):
            self._head = head  # maybe the start of another prefix line: wait for more
        else:
            self._head = None
            super().write(head)
        return len(data)

    def finish(self) -> bytes:
        if self._head:
            super().write(self._head)
        return super().finish()


#: Compressed N-Triples below this size are converted to Turtle in one piece (a few MB at most once inflated).
_WHOLE_BELOW = 1 << 20


def compressed_turtle(local: bytes, prefixes: dict[str, str]) -> bytes:
    """The zlib-compressed N-Triples ``local`` as zlib-compressed Turtle (pyoxigraph's serializer)
    without its ``@prefix`` lines: :func:`turtle_body`, in one piece for a typical article, and
    streamed for a large one (a compressed megabyte or more), so no more than a piece of it is
    held whatever its size.

    >>> nt = (b'<https://w3id.org/cjkg/resource/doc/ab> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
    ...       b'<https://w3id.org/cjkg/ontology#Document> .\\n')
    >>> zlib.decompress(compressed_turtle(zlib.compress(nt), turtle_prefixes())) == turtle_body(nt, turtle_prefixes())
    True
    >>> zlib.decompress(_streamed_turtle(zlib.compress(nt), turtle_prefixes())) == turtle_body(nt, turtle_prefixes())
    True
    """
    if len(local) < _WHOLE_BELOW:  # a typical article: one call (the streamed path costs a callback per write)
        return zlib.compress(turtle_body(zlib.decompress(local), prefixes), 1)
    return _streamed_turtle(local, prefixes)


def _streamed_turtle(local: bytes, prefixes: dict[str, str]) -> bytes:
    out = _WithoutPrefixes()
    ox.serialize(ox.parse(_Inflated(local), format=ox.RdfFormat.N_TRIPLES, lenient=True), out,
                 format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return out.finish()


def make_result(nlp: Language, task: ExtractionTask) -> DocumentResult:
    """Extract ``task``'s source and turn it into its compact result (the build's per-document seam:
    source record → :func:`kg.extract.extract_source` → :func:`kg.rdf.document_rdf`)."""
    from .extract import extract_source
    from .ontology import CJR_DEFAULT
    from .rdf import StreamingNTriplesSink, write_document

    base_iri = task.base_iri or CJR_DEFAULT
    source = task.read()
    key = task.key
    if task.content_hash is not None and source.content_hash != task.content_hash:
        from .cache import result_key

        log.warning("%s changed while the build ran; building what it holds now", source.path)
        key = result_key(source, {"base_iri": base_iri, "document_date": task.document_date}, version=task.version)
    extraction = extract_source(nlp, source, document_date=task.document_date)
    local = _Deflated()
    sink = StreamingNTriplesSink(local.write)
    document = write_document(extraction, sink, base_iri=base_iri)
    sink.flush()
    local_blob = local.finish()
    return DocumentResult(
        key=key,
        document=document[1:-1],
        file_name=extraction.file_name,
        local=local_blob,
        # Made here, not in the building process: it has every result to write and is the build's bottleneck.
        turtle=compressed_turtle(local_blob, turtle_prefixes(base_iri)),
        shared=zlib.compress("".join(sink.shared).encode("utf-8"), 1),
        characters=len(extraction.text),
        entities=len(extraction.entities),
        mentions=len(extraction.mentions),
        relations=len(extraction.relations),
        statistics=len(extraction.statistics),
    )


def with_turtle(result: DocumentResult, base_iri: str | None = None) -> DocumentResult:
    """``result`` with its Turtle (:func:`compressed_turtle` of its N-Triples), made now if it has none.

    Workers return results with it (:func:`make_result`); a result made elsewhere without
    it gets it here, once, and the cache keeps it, so a rebuild finds it made.
    """
    if result.turtle:
        return result
    from dataclasses import replace

    return replace(result, turtle=compressed_turtle(result.local, turtle_prefixes(base_iri)))


def _attempt(nlp: Language, task: ExtractionTask) -> DocumentResult | TaskFailure:
    try:
        return make_result(nlp, task)
    except UnreadableFileError as exc:  # gone or changed since the build scanned it
        return TaskFailure(task.key, str(task.path), str(exc.reason))
    except Exception as exc:  # one bad document must not stop a build of thousands
        where = task.path if task.source is None else task.source.path
        log.debug("extraction of %s failed", where, exc_info=True)
        return TaskFailure(task.key, str(where), f"{type(exc).__name__}: {exc}")


_WORKER_NLP: list[Language] = []


def _worker_nlp() -> Language:
    # One pipeline per worker process (or per in-process Dask worker), built on first use.
    if not _WORKER_NLP:
        from .nlp import build_nlp

        _WORKER_NLP.append(build_nlp())
        import gc

        gc.freeze()  # the pipeline lives as long as the process: later collections need not walk it
    return _WORKER_NLP[0]


def extract_batch(tasks: list[ExtractionTask]) -> list[DocumentResult | TaskFailure]:
    """Extract a batch of tasks with this process's pipeline (what worker processes and Dask workers run)."""
    nlp = _worker_nlp()
    return [_attempt(nlp, task) for task in tasks]


class Runner(Protocol):
    """Runs extraction tasks; yields one result per item, in order (other items pass through)."""

    def map(self, items: Iterable[Any]) -> Iterator[Any]: ...

    def close(self) -> None: ...


class LocalRunner:
    """Extraction in the build's own process, with the pipeline ``nlp``."""

    name = "in-process"

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp

    def map(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            if isinstance(item, ExtractionTask):
                if self._nlp is None:
                    from .nlp import build_nlp

                    self._nlp = build_nlp()
                yield _attempt(self._nlp, item)
            else:
                yield item

    def close(self) -> None:
        pass


class _Pooled:
    """Ordered map over a pool of futures: batches tasks, keeps at most ``in_flight`` batches out."""

    batch_size = 8
    in_flight = 4

    def _submit(self, batch: list[ExtractionTask]) -> Future | Any:
        raise NotImplementedError

    @staticmethod
    def _result(future: Any) -> list[DocumentResult | TaskFailure]:
        return future.result()

    def map(self, items: Iterable[Any]) -> Iterator[Any]:
        window: deque[tuple[bool, Any]] = deque()  # (is a future, value or future)
        batch: list[ExtractionTask] = []
        out = 0

        def drain(limit_futures: int, limit_window: int) -> Iterator[Any]:
            nonlocal out
            while window and (out > limit_futures or len(window) > limit_window):
                is_future, value = window.popleft()
                if is_future:
                    out -= 1
                    yield from self._result(value)
                else:
                    yield value

        for item in items:
            if isinstance(item, ExtractionTask):
                batch.append(item)
                if len(batch) < self.batch_size:
                    continue
                window.append((True, self._submit(batch)))
                out += 1
                batch = []
            else:
                if batch:
                    window.append((True, self._submit(batch)))
                    out += 1
                    batch = []
                window.append((False, item))
            yield from drain(self.in_flight, self.in_flight * self.batch_size * 4)
        if batch:
            window.append((True, self._submit(batch)))
            out += 1
        yield from drain(-1, 0)


def watch_parent(interval: float = 1.0) -> None:
    """In a process the build started: exit as soon as the build's process is gone.

    A build killed outright (SIGKILL, the kernel's OOM killer) runs no clean-up, and
    its pool's processes would wait for work forever; each checks its parent instead.
    """
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="kg-watch-parent", daemon=True).start()


def _init_process() -> None:
    # Each worker process builds the pipeline once, before its first task, and ends with the build.
    watch_parent()
    _worker_nlp()


class ProcessRunner(_Pooled):
    """Extraction in ``workers`` local processes (started fresh, each builds the pipeline once)."""

    name = "processes"

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise BuildError(f"--workers must be 1 or more, got {workers}")
        self.workers = workers
        self.in_flight = 2 * workers
        # "spawn": nothing of the building process (open store, threads) is copied into the workers.
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_process)

    def _submit(self, batch: list[ExtractionTask]) -> Future:
        return self._pool.submit(extract_batch, batch)

    def warm_up(self) -> None:
        """Start the worker processes now (each loads the pipeline), not at the first task."""
        for _ in range(self.workers):
            self._pool.submit(_init_process)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner(_Pooled):
    """Extraction on a Dask distributed cluster: ``tcp://HOST:PORT`` of its scheduler, or the file the
    scheduler wrote its address to (``dask scheduler --scheduler-file FILE``).

    Each Dask worker builds the pipeline once (the package must be installed there, in
    the same version: the result keys include the pipeline's version). Results come back
    to the building process, which writes every output.
    """

    name = "dask"
    batch_size = 16

    def __init__(self, address: str, *, timeout: float = 30.0) -> None:
        try:
            from dask.distributed import Client
        except ImportError as exc:  # pragma: no cover - a pinned dependency
            raise BuildError("--scheduler needs dask.distributed: pip install 'dask[distributed]'") from exc
        where = {"address": address} if "://" in address else {"scheduler_file": address}
        try:
            self._client = Client(**where, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BuildError(f"could not reach the Dask scheduler at {address} ({exc}); start one with "
                             "'dask scheduler --scheduler-file FILE' and workers with 'dask worker "
                             "--scheduler-file FILE', or leave --scheduler out to build on this machine") from exc
        workers = len(self._client.scheduler_info().get("workers", {})) or 1
        self.in_flight = max(4, 2 * workers)
        self.address = address

    def _submit(self, batch: list[ExtractionTask]) -> Any:
        return self._client.submit(extract_batch, batch, pure=False)

    @staticmethod
    def _result(future: Any) -> list[DocumentResult | TaskFailure]:
        try:
            return future.result()
        finally:
            future.release()

    def close(self) -> None:
        self._client.close()


def make_runner(*, workers: int | None = None, scheduler: str | None = None, nlp: Language | None = None,
                tasks: int | None = None, parallel_above: int = 32) -> Runner:
    """The runner for a build: Dask if ``scheduler``, else ``workers`` processes (default: the cores),
    else in-process. With fewer than ``parallel_above`` ``tasks`` to extract, extraction stays in
    process (starting workers would take longer), and so it does with ``workers=0``.
    """
    if scheduler:
        return DaskRunner(scheduler)
    count = (os.cpu_count() or 1) if workers is None else workers
    if count < 0:
        raise BuildError(f"--workers must be 0 (in the build's own process) or more, got {count}")
    if count == 0 or (tasks is not None and tasks < parallel_above):
        return LocalRunner(nlp)
    return ProcessRunner(count)


def run_all(runner: Runner, items: Iterable[Any], consume: Callable[[Any], None]) -> None:
    """Feed ``items`` through ``runner`` and hand each output to ``consume``; always closes the runner."""
    try:
        for output in runner.map(items):
            consume(output)
    finally:
        runner.close()
