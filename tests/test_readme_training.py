"""README's "Training with Keras" example runs as written, on the vignettes' synthetic MNIST
(the documented hook, `vignettes/conftest.py`), and gives what it promises: the R page's
model, a loss that goes down, a history and metrics by name."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("KERAS_BACKEND", "jax")


def readme_block(section: str, language: str) -> str:
    text = (ROOT / "README.md").read_text()
    body = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.search(rf"```{language}\n(.*?)```", body, re.S).group(1)


def synthetic_data():
    spec = importlib.util.spec_from_file_location(
        "synthetic_data", ROOT / "vignettes" / "synthetic_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def synthetic_cache(tmp_path, monkeypatch):
    pytest.importorskip("keras", reason="the example trains on Keras (the test extra)")
    pytest.importorskip("matplotlib", reason="plot(history) draws with matplotlib")
    from keras.src.backend import config as keras_config
    from keras.src.utils import file_utils

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(keras_config, "_KERAS_DIR", str(tmp_path))
    monkeypatch.setattr(file_utils, "validate_file", lambda *args, **kwargs: True)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    synthetic_data().install(tmp_path / "datasets")
    return tmp_path


def test_the_training_example_runs_as_written(synthetic_cache, capsys):
    python = readme_block("Training with Keras", "python")
    r = readme_block("Training with Keras", "r")
    # line for line: R's library(keras3) is two Python lines (import, engine), the rest one
    # line each
    assert len(python.strip().splitlines()) == len(r.strip().splitlines()) + 1
    namespace: dict = {}
    exec(compile(python, "README.md", "exec"), namespace)  # noqa: S102
    model, history, score = namespace["model"], namespace["history"], namespace["score"]
    printed = capsys.readouterr().out
    # the R page's summary: conv 320, conv 18,496, dense 16,010; 34,826 in all
    assert [layer.count_params() for layer in model.layers] == [320, 0, 18496, 0, 0, 0, 16010]
    assert "34,826" in printed and 'Model: "sequential"' in printed
    losses = history.metrics.loss
    assert len(losses) == 15 and losses[-1] < losses[0]
    assert sorted(score) == ["accuracy", "loss"] and np.isfinite(score["loss"])
    import matplotlib.figure

    assert isinstance(namespace["plot"](history), matplotlib.figure.Figure)
