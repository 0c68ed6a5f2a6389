"""Shared fixtures: the bundled corpus and renditions of the sample built at test time."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SAMPLE = CORPORA / "000_85a1b6df8f5117e0.txt"
GOV_2013 = CORPORA / "national/2013.txt"
GOV_2014 = CORPORA / "national/2014.txt"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_doc():
    import summarylab as sl

    return sl.read(SAMPLE)


@pytest.fixture(scope="session")
def gov2013():
    import summarylab as sl

    return sl.read(GOV_2013)


@pytest.fixture(scope="session")
def gov2014():
    import summarylab as sl

    return sl.read(GOV_2014)
