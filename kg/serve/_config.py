"""The settings of a server (:class:`ServeConfig`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: The project's ready queries, shown on the query page (a checkout's ``queries/``).
QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """What to serve and where: the store, the public address, writes, the graph view's folder, limits.

    ``timeout_s`` bounds each query (waiting, running and streaming its answer);
    ``memory_bytes`` caps the engine's address space (``None``: no cap);
    ``max_body_bytes`` caps a request body (``None``: 1 MB, or 128 MB when writable);
    ``allowed_hosts`` are extra names the ``Host`` header may carry (``"*"``: any).
    """

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    writable: bool = False
    static_dir: Path | None = None
    timeout_s: float = 60
    startup_timeout_s: float = 20.0
    memory_bytes: int | None = None
    max_body_bytes: int | None = None
    allowed_hosts: tuple[str, ...] = ()
    stream_buffer_bytes: int = 1024 * 1024
    max_engine_requests: int = 64
    queries_dir: Path | None = QUERIES_DIR

    @property
    def body_limit(self) -> int:
        """The largest request body accepted, in bytes."""
        if self.max_body_bytes is not None:
            return self.max_body_bytes
        return 128 * 2**20 if self.writable else 2**20


