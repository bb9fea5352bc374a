"""A pytest plugin (loaded by pyproject's addopts) for tests and doctests alike:
doctests see the whole public API, and every test starts with fresh automatic names,
the default image data format, the engine it started with, `verbose="auto"` meaning 0
(as R keras3 under testthat: no progress bars in expected outputs), and no downloads
(RSTYLE_KERAS_OFFLINE=1: the same results with or without a network)."""

import os

import numpy as np
import pytest

import rstyle_keras
from rstyle_keras import engine
from rstyle_keras.core import config


@pytest.fixture(autouse=True)
def _fresh_session(monkeypatch):
    rstyle_keras.clear_session(free_memory=False)
    monkeypatch.setattr(config, "_settings", dict(config.DEFAULTS))
    monkeypatch.setattr(engine, "_engine", engine._engine)
    monkeypatch.setenv("RSTYLE_KERAS_VERBOSE", "0")
    monkeypatch.setenv("RSTYLE_KERAS_OFFLINE", "1")  # what a test downloads must not depend on
    yield


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace):
    doctest_namespace.update({name: getattr(rstyle_keras, name) for name in rstyle_keras.__all__})
    doctest_namespace["np"] = np


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """With RSTYLE_KERAS_NO_SKIPS=1 (set by .ci/run), a skipped test fails the run."""
    skipped = terminalreporter.stats.get("skipped", [])
    if os.environ.get("RSTYLE_KERAS_NO_SKIPS") == "1" and skipped:
        terminalreporter.write_line(
            f"RSTYLE_KERAS_NO_SKIPS: {len(skipped)} test(s) skipped; CI must run them all.",
            red=True,
        )
        terminalreporter._session.exitstatus = 1
