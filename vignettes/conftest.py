"""The documented hook behind the tutorials' doctests: where R downloads (datasets,
pretrained weights), the doctests read small synthetic files of the same formats, written
into a temporary Keras cache before each vignette runs. The R lines and the Python lines
stay the same as a user's; only the files differ (and so the numbers: fewer samples,
fewer epochs).

- `synthetic_data.py`: datasets (mnist, cifar10): learnable synthetic images, so the
  tutorials' losses go down.
- `synthetic_weights.py`: pretrained weights of `application_*()`: the architecture's
  own freshly initialised weights, saved where Keras looks for the real ones.

Keras checks a cached file's hash and would download it again; these files cannot have
the real ones' hashes, so the hook also makes Keras's `validate_file()` accept them.
"""

from __future__ import annotations

import os

import pytest

import synthetic_data
import synthetic_weights


@pytest.fixture(autouse=True)
def synthetic_keras_cache(request, tmp_path, monkeypatch):
    if not request.node.path.suffix == ".md":
        yield
        return
    os.environ.setdefault("KERAS_BACKEND", "jax")
    from keras.src.backend import config as keras_config
    from keras.src.utils import file_utils

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(keras_config, "_KERAS_DIR", str(tmp_path))  # read at Keras's import
    monkeypatch.setattr(file_utils, "validate_file", lambda *args, **kwargs: True)
    monkeypatch.chdir(tmp_path)  # files the tutorials save land here
    synthetic_data.install(tmp_path / "datasets")
    synthetic_weights.install(tmp_path / "models")
    yield
