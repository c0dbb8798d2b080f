"""Writing outputs so that an interrupted build never leaves a half-written file, nor a half-new folder.

A build's outputs appear together or not at all. ``kg build`` writes them into a
staging folder, which becomes ``OUT/builds/ID`` once complete (its manifest written
last); the symbolic link ``OUT/current`` then names it, switched in one rename
(:func:`publish_build`). The fixed names users know (``OUT/graph.ttl``, ``OUT/store``,
``OUT/graph.html``, ``OUT/manifest.json`` …) are links through ``current``, so opening
any of them opens the current build's, and a reader that needs several outputs of one
build resolves ``current`` once (:func:`current_folder`). Whatever a killed build left
(staging folders, builds no link names) the next one removes (:func:`clean_stale`).

    OUT/current -> builds/ID          switched by a rename: the only step that changes what readers see
    OUT/graph.ttl -> current/graph.ttl    (and graph.trig, store, graph.html, manifest.json)
    OUT/builds/ID/                    one complete build
    OUT/cache/                        what makes rebuilds incremental (kept across builds)
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

__all__ = ["BUILDS", "CURRENT", "STAGING_PREFIX", "atomic_dir", "atomic_write", "clean_stale", "current_folder",
           "publish_build"]

log = logging.getLogger(__name__)

#: Under ``OUT``: the folder of complete builds, the link to the current one, the prefix of staging folders.
BUILDS = "builds"
CURRENT = "current"
STAGING_PREFIX = ".build-"
_ASIDE_PREFIX = ".old-"


def _umask_mode(mode: int) -> int:
    """``mode`` less the process umask: what a plain ``open()`` would have made."""
    mask = os.umask(0)
    os.umask(mask)
    return mode & ~mask


@contextlib.contextmanager
def atomic_write(path: str | Path, *, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    On an exception the temporary file is removed and ``path`` is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _umask_mode(0o666))  # mkstemp makes files owner-only
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_dir(path: str | Path) -> Iterator[Path]:
    """Yield a fresh temporary folder beside ``path``; on success it replaces ``path``.

    The old folder is moved aside first and deleted only once the new one is in
    place, so ``path`` is either the old complete folder or the new one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    os.chmod(tmp, _umask_mode(0o777))  # mkdtemp makes folders owner-only
    old = path.with_name(f".{path.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if path.exists():
        os.replace(path, old)
    os.replace(tmp, path)
    shutil.rmtree(old, ignore_errors=True)


def current_folder(out: str | Path) -> Path | None:
    """The folder of the build ``OUT/current`` names (resolved once: every output read from it is of
    that one build), or ``None`` when ``out`` holds no build published this way."""
    link = Path(out) / CURRENT
    try:
        target = os.readlink(link)
    except OSError:  # no link (no build yet, an older layout, or a copy that followed links)
        return link if (link / "manifest.json").is_file() and not link.is_symlink() else None
    folder = link.parent / target
    return folder if folder.is_dir() else None


def _set_aside(path: Path) -> None:
    """Move a real file or folder (an older layout's output) out of the way of a link."""
    aside = Path(tempfile.mkdtemp(prefix=_ASIDE_PREFIX, dir=path.parent))
    os.replace(path, aside / path.name)


def _link(path: Path, target: str) -> None:
    """Make ``path`` the symbolic link ``target``, replacing what was there in one rename."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    if not path.is_symlink() and path.exists():
        _set_aside(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.link")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
    os.symlink(target, tmp)
    os.replace(tmp, path)


def publish_build(staging: Path, out: Path, build_id: str, names: Iterable[str], *,
                  known: Iterable[str] = ()) -> Path:
    """Make the complete build in ``staging`` the current build of ``out``; returns its folder.

    ``names`` are the outputs it holds (each gets its fixed link ``OUT/NAME``); links of
    ``known`` outputs it does not hold are removed. The switch itself is one rename of
    ``OUT/current``; the builds it replaces are deleted after it.
    """
    os.chmod(staging, _umask_mode(0o777))  # mkdtemp makes folders owner-only
    builds = out / BUILDS
    builds.mkdir(exist_ok=True)
    folder = builds / build_id
    os.replace(staging, folder)
    names = list(names)
    for name in names:  # links through current: they change nothing until current does
        _link(out / name, f"{CURRENT}/{name}")
    current = out / CURRENT
    if not current.is_symlink() and current.exists():
        _set_aside(current)
    _link(current, f"{BUILDS}/{build_id}")
    for name in known:  # an output this build does not write (graph.ttl with --no-ttl): no name left for it
        if name not in names:
            if (out / name).is_symlink():
                os.unlink(out / name)
            elif (out / name).exists():
                _set_aside(out / name)
    clean_stale(out)
    return folder


def clean_stale(out: str | Path) -> list[Path]:
    """Delete what builds left in ``out`` that no link names: staging folders of killed builds,
    replaced builds, outputs of an older layout set aside. Returns what was deleted."""
    out = Path(out)
    keep = current_folder(out)
    gone = []
    candidates = [p for p in out.iterdir() if p.name.startswith((STAGING_PREFIX, _ASIDE_PREFIX))] \
        if out.is_dir() else []
    builds = out / BUILDS
    if builds.is_dir():
        candidates += [p for p in builds.iterdir() if keep is None or p.resolve() != keep.resolve()]
    candidates += [p for p in out.glob(f".*.link") if p.is_symlink()]
    for path in candidates:
        if path.is_symlink() or path.is_file():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
        gone.append(path)
    if gone:
        log.info("removed %d folders left by earlier builds in %s", len(gone), out)
    return gone
