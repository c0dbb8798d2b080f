"""The free-space guard of ``kg build``: stop with a clear error before the disk is full.

A build writes everything into its staging folder under ``--out`` (the store, graph.trig,
graph.ttl, graph.html). When the disk fills, RocksDB (the Oxigraph store) does not fail the
write that needs the space: it logs "No space left on device" for every background
compaction and retries, and the build spins without a word. So the build checks the free space
of the staging folder's filesystem itself (:func:`check_free_space`, a ``statvfs``): before each
batch is loaded into the store, before the summary graph is loaded, before the graph files are
written and before the store is compacted; under the margin it raises
:class:`~kg.errors.DiskSpaceError` and the build's failure path removes the staging folder
(``OUT`` stays as it was).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from .errors import DiskSpaceError

__all__ = ["MIN_FREE_BYTES", "STORE_GROWTH", "check_free_space", "folder_bytes", "readable_size"]

log = logging.getLogger(__name__)

#: The least free space a build leaves on the disk it writes to: a step starts only if at least
#: ``max(MIN_FREE_BYTES, what the step is expected to write)`` is free. Tests set it (monkeypatch).
MIN_FREE_BYTES = 1 << 30
#: Rough bytes the store grows by per byte of N-Quads loaded (its indexes hold each quad several
#: times over; an upper estimate, so that a batch is refused rather than the disk filled).
STORE_GROWTH = 3


def folder_bytes(folder: str | Path) -> int:
    """The bytes of the files under ``folder`` (0 if it is gone); files that vanish meanwhile are skipped."""
    total = 0
    for path in Path(folder).rglob("*"):
        try:
            if path.is_file() and not path.is_symlink():
                total += path.stat().st_size
        except OSError:  # removed meanwhile (a compaction drops files as it goes)
            continue
    return total


def readable_size(count: int) -> str:
    """``count`` bytes for a person: ``"640 KB"``, ``"512 MB"``, ``"38.2 GB"``."""
    if count >= 1 << 30:
        return f"{count / (1 << 30):.1f} GB"
    if count >= 1 << 20:
        return f"{count >> 20} MB"
    return f"{count >> 10} KB"


def check_free_space(folder: str | Path, *, needs: int, step: str, why: str = "") -> None:
    """Raise :class:`~kg.errors.DiskSpaceError` if the filesystem of ``folder`` has less free than
    ``max(MIN_FREE_BYTES, needs)``.

    ``step`` says what was about to be written ("load a batch into the store"), ``why`` how its
    need was reckoned (said in the message).
    """
    wanted = max(MIN_FREE_BYTES, needs)
    free = shutil.disk_usage(folder).free
    if free >= wanted:
        return
    log.debug("free space under %s: %d bytes, %d wanted to %s", folder, free, wanted, step)
    reason = f" ({why})" if why else ""
    raise DiskSpaceError(
        f"the disk holding {folder} has {readable_size(free)} free, under the {readable_size(wanted)} needed to "
        f"{step}{reason}; "
        "the build stopped before filling it, and what it had written is removed (OUT is as it was). "
        "Free space on that disk, or build into a folder on another disk with --out",
        folder=Path(folder), free=free, needed=wanted,
    )
