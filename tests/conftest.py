"""Fixtures shared by the test modules: one pipeline per session, the project's folders.

Tests never write into the project's ``out/`` (the user's build): figures, charts and
timings go to the session's ``artifacts`` folder, a temporary one unless
``KG_TEST_ARTIFACTS`` names a folder to keep them in. A guard fails the session if
``out/`` changed while the tests ran.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: Set it to a folder to keep the screenshots, charts and timing files the tests write.
ARTIFACTS_ENV_VAR = "KG_TEST_ARTIFACTS"


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` (not following links) with its size and modification time."""
    if not folder.is_dir():
        return {}
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            found[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns)
    return found


@pytest.fixture(scope="session", autouse=True)
def user_out_untouched() -> object:
    """Fail the session if a test wrote into the project's ``out/`` folder."""
    before = _snapshot(ROOT / "out")
    yield
    after = _snapshot(ROOT / "out")
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert not changed, (f"tests changed the user's out/ folder ({', '.join(changed[:5])}); "
                         "write into the 'artifacts' fixture's folder (or tmp_path) instead")


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where tests put screenshots, charts and timings: ``$KG_TEST_ARTIFACTS`` or a temporary folder."""
    chosen = os.environ.get(ARTIFACTS_ENV_VAR)
    if chosen:
        folder = Path(chosen).resolve()
        if folder == (ROOT / "out").resolve() or folder.is_relative_to((ROOT / "out").resolve()):
            raise pytest.UsageError(f"{ARTIFACTS_ENV_VAR}={chosen} is inside the project's out/ folder, "
                                    "which holds the user's build; choose another folder")
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("artifacts")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The gold annotations of the seeds, copied from shared/gold so the project stands alone."""
    return ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline, built once."""
    from kg.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seeds_report(nlp, seeds_dir):
    """The seeds extracted once (nothing written)."""
    from kg.build import extract_paths

    return extract_paths([seeds_dir], nlp=nlp)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium through Playwright, launched once (one Playwright session for all browser tests)."""
    if not CHROMIUM.exists():
        pytest.fail("browser tests need Debian's chromium: run `make system-deps` "
                    "(apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
