"""Fixtures shared by the test modules: one pipeline per session, the project's folders."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


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
