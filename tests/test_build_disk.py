"""Issue 14: a build whose disk fills stops with a clear error, before the disk is full, and leaves OUT as it was.

The disk is simulated: ``shutil.disk_usage`` (as :mod:`kg.diskspace` calls it) reports plenty of free space
up to a chosen call, then 100 MB.
"""

from __future__ import annotations

import re
from collections import namedtuple
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import diskspace
from kg.build import build
from kg.cli import main
from kg.diskspace import MIN_FREE_BYTES, STORE_GROWTH, check_free_space, folder_bytes, readable_size
from kg.errors import BuildError, DiskSpaceError
from kg.outputs import STAGING_PREFIX

from .test_build_cases import OTHER, SEEDS, _quads, _snapshot, corpus  # noqa: F401  (corpus: the fixture)

Usage = namedtuple("Usage", "total used free")
LOW = 100 << 20
#: The checks of a new build of the seeds, in order (its documents are one batch, its summary one piece).
NEW_BUILD_STEPS = [
    "load a batch of documents into the store",
    "make the summary graph",
    "load a batch of the summary graph into the store",
    "compact the store",
    "write the entity graph into graph.trig and graph.ttl",
]
#: The checks of a rebuild patching the store (no summary made afresh, no compaction).
PATCH_STEPS = ["load a batch of documents into the store", "write the entity graph into graph.trig and graph.ttl"]


class _Disk:
    """``shutil.disk_usage`` of a disk with 100 GB free until call ``low_from`` (1-based), 100 MB from then on."""

    def __init__(self, low_from: int | None = None) -> None:
        self.low_from = low_from
        self.calls: list[str] = []

    def __call__(self, path: str | Path) -> Usage:
        self.calls.append(str(path))
        low = self.low_from is not None and len(self.calls) >= self.low_from
        free = LOW if low else 100 << 30
        return Usage(200 << 30, (200 << 30) - free, free)


def _disk(monkeypatch, low_from: int | None = None) -> _Disk:
    disk = _Disk(low_from)
    monkeypatch.setattr(diskspace.shutil, "disk_usage", disk)
    return disk


def _no_staging(out: Path) -> bool:
    return not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]


# ---------------------------------------------------------------- the check


def test_enough_free_space_passes(monkeypatch, tmp_path):
    _disk(monkeypatch)
    check_free_space(tmp_path, needs=5 << 30, step="compact the store")


@pytest.mark.parametrize(("needs", "wanted"), [(0, "1.0 GB"), (3 << 30, "3.0 GB")])
def test_too_little_free_space_says_where_how_much_and_what_to_do(needs, wanted, monkeypatch, tmp_path):
    _disk(monkeypatch, low_from=1)
    with pytest.raises(DiskSpaceError) as caught:
        check_free_space(tmp_path, needs=needs, step="compact the store", why="a reason")
    assert str(caught.value) == (
        f"the disk holding {tmp_path} has 100 MB free, under the {wanted} needed to compact the store (a reason); "
        "the build stopped before filling it, and what it had written is removed (OUT is as it was). "
        "Free space on that disk, or build into a folder on another disk with --out")
    assert (caught.value.folder, caught.value.free, caught.value.needed) == (tmp_path, LOW, max(MIN_FREE_BYTES, needs))
    assert isinstance(caught.value, BuildError)


def test_the_margin_is_a_module_constant(monkeypatch, tmp_path):
    _disk(monkeypatch, low_from=1)
    monkeypatch.setattr(diskspace, "MIN_FREE_BYTES", 50 << 20)
    check_free_space(tmp_path, needs=0, step="make the summary graph")
    with pytest.raises(DiskSpaceError, match="has 100 MB free, under the 101 MB needed"):
        check_free_space(tmp_path, needs=101 << 20, step="make the summary graph")


def test_sizes_and_folder_bytes(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 24)
    (tmp_path / "link").symlink_to(tmp_path / "a")
    assert folder_bytes(tmp_path) == 1024 and folder_bytes(tmp_path / "gone") == 0
    assert [readable_size(n) for n in (640 << 10, LOW, 38 << 30, 3 << 29)] == ["640 KB", "100 MB", "38.0 GB", "1.5 GB"]


# ---------------------------------------------------------------- the build


def test_a_build_with_room_checks_before_each_step_and_is_unaffected(corpus, tmp_path, nlp, monkeypatch):
    disk = _disk(monkeypatch)
    result = build([corpus], tmp_path / "out", nlp=nlp, workers=0)
    assert result.mode == "full" and result.documents == len(SEEDS)
    assert len(disk.calls) == len(NEW_BUILD_STEPS)
    assert all(Path(call).parent == tmp_path / "out" and Path(call).name.startswith(STAGING_PREFIX)
               for call in disk.calls)


@pytest.mark.parametrize("call", range(1, len(NEW_BUILD_STEPS) + 1), ids=NEW_BUILD_STEPS)
def test_a_new_build_short_of_space_stops_and_leaves_nothing(call, corpus, tmp_path, nlp, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    _disk(monkeypatch, low_from=call)
    with pytest.raises(DiskSpaceError) as caught:
        build([corpus], out, nlp=nlp, workers=0)
    step = NEW_BUILD_STEPS[call - 1]
    assert f"has 100 MB free, under the 1.0 GB needed to {step}" in str(caught.value)
    assert Path(caught.value.folder).parent == out
    if step == "compact the store":
        assert re.search(r"a compaction can need for a while about as much again as the store's \d+ [KM]B\)",
                         str(caught.value))
    assert _no_staging(out) and not (out / "current").exists() and not (out / "manifest.json").exists()


@pytest.mark.parametrize("call", range(1, len(PATCH_STEPS) + 1), ids=PATCH_STEPS)
def test_a_rebuild_short_of_space_leaves_the_previous_build(call, corpus, tmp_path, nlp, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, nlp=nlp, workers=0)
    before, quads = _snapshot(out), _quads(out / "store")
    (corpus / "new.txt").write_text(OTHER, encoding="utf-8")
    _disk(monkeypatch, low_from=call)
    with pytest.raises(DiskSpaceError, match=f"needed to {PATCH_STEPS[call - 1]}"):
        build([corpus], out, nlp=nlp, workers=0)
    after = _snapshot(out)
    cache = {name for name in after if name.startswith("cache")}  # the new article's result is kept
    assert {k: v for k, v in after.items() if k not in cache} == {k: v for k, v in before.items() if k not in cache}
    assert _no_staging(out) and _quads(out / "store") == quads

    monkeypatch.undo()
    result = build([corpus], out, nlp=nlp, workers=0)
    assert result.mode == "incremental" and result.documents == len(SEEDS) + 1 and result.extracted == 0
    assert "苏州松下有限公司" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_kg_build_short_of_space_exits_with_the_message(corpus, tmp_path, nlp, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, nlp=nlp, workers=0)
    before = _snapshot(out)
    _disk(monkeypatch, low_from=1)
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--full", "--workers", "0"])
    assert result.exit_code == 1
    assert re.search(
        rf"Error: the disk holding {re.escape(str(out))}/{re.escape(STAGING_PREFIX)}\w+ has 100 MB free, under the "
        rf"1\.0 GB needed to load a batch of documents into the store \(a batch of \d+ [KM]B of N-Quads grows the "
        rf"store by up to {STORE_GROWTH} times that\); the build stopped before filling it, and what it had written is "
        r"removed \(OUT is as it was\)\. Free space on that disk, or build into a folder on another disk with --out\n",
        result.output)
    after = _snapshot(out)
    assert {k: v for k, v in after.items() if not k.startswith("cache")} == {
        k: v for k, v in before.items() if not k.startswith("cache")}
    assert _no_staging(out)
