"""The Makefile's set-up targets: Jupyter as root, and apt-get waiting for another process's lock."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APT_WAITING = ROOT / "scripts" / "apt-get-waiting.sh"

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")


def _dry_run(target: str, *variables: str) -> str:
    done = subprocess.run(["make", "-n", target, *variables], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(("user_id", "flag"), [("0", True), ("1000", False)])
def test_notebook_allows_root_only_as_root(user_id: str, flag: bool) -> None:
    command = [line for line in _dry_run("notebook", f"USER_ID={user_id}").splitlines() if "jupyter lab" in line]
    assert len(command) == 1
    assert ("--allow-root" in command[0].split()) is flag


def test_system_deps_goes_through_the_waiting_apt_get() -> None:
    recipe = _dry_run("system-deps", "USER_ID=0")
    assert "scripts/apt-get-waiting.sh update" in recipe and "scripts/apt-get-waiting.sh install" in recipe
    assert "apt-get update" not in recipe and "noninteractive apt-get install" not in recipe


def _fake_apt_get(folder: Path, *, locked_times: int, other_error: bool = False) -> Path:
    """An ``apt-get`` that reports a held lock ``locked_times`` times, then succeeds (or fails otherwise)."""
    counter = folder / "calls"
    script = folder / "apt-get"
    failure = 'echo "E: Unable to locate package chromium" >&2; exit 100' if other_error else "echo done; exit 0"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> {counter}\n'
        f'n=$(wc -l < {counter})\n'
        f'if [ "$n" -le {locked_times} ]; then\n'
        '  echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)" >&2\n'
        '  echo "E: Unable to lock directory /var/lib/apt/lists/" >&2\n'
        "  exit 100\n"
        "fi\n"
        f"{failure}\n"
    )
    script.chmod(0o755)
    return counter


def _run_waiting(folder: Path, limit_s: int) -> tuple[subprocess.CompletedProcess[str], float]:
    env = dict(os.environ, PATH=f"{folder}:{os.environ['PATH']}", APT_WAIT_S=str(limit_s), APT_WAIT_STEP_S="1")
    started = time.monotonic()
    done = subprocess.run([str(APT_WAITING), "update", "-qq"], capture_output=True, text=True, env=env, timeout=60)
    return done, time.monotonic() - started


def test_apt_get_waits_for_the_lock_then_runs(tmp_path: Path) -> None:
    calls = _fake_apt_get(tmp_path, locked_times=2)
    done, elapsed = _run_waiting(tmp_path, limit_s=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "done\n"
    assert "waiting for it (at most 30 s)" in done.stderr
    assert calls.read_text().splitlines() == ["-o DPkg::Lock::Timeout=30 update -qq"] * 3
    assert 2 <= elapsed < 10


def test_apt_get_gives_up_after_the_limit_and_says_so(tmp_path: Path) -> None:
    _fake_apt_get(tmp_path, locked_times=1000)
    done, elapsed = _run_waiting(tmp_path, limit_s=2)
    assert done.returncode == 1
    assert "still locked by another process after 2 s" in done.stderr and "APT_WAIT_S" in done.stderr
    assert elapsed < 10


def test_other_apt_errors_fail_at_once(tmp_path: Path) -> None:
    calls = _fake_apt_get(tmp_path, locked_times=0, other_error=True)
    done, elapsed = _run_waiting(tmp_path, limit_s=30)
    assert done.returncode == 1
    assert done.stderr == "E: Unable to locate package chromium\n"
    assert len(calls.read_text().splitlines()) == 1 and elapsed < 5
