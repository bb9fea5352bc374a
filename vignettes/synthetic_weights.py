"""Synthetic "pretrained" weights for the vignettes' `application_*()` calls.

R keras3's tutorials load ImageNet weights (`application_vgg19()`,
`application_xception(weights = 'imagenet', include_top = FALSE, pooling = 'avg')`), which
Keras downloads into its cache's `models` folder. The doctests run without a network, so
`install(models_folder)` writes, under the names Keras's applications ask `get_file()`
for, files in the format their `model.load_weights()` reads (Keras's legacy HDF5 weights
layout: the `layer_names` attribute, a group per layer with its `weight_names`), holding
the architecture's own freshly initialised weights: each variable drawn by NumPy from the
distribution of the initializer Keras gives it (Glorot uniform kernels, zero biases, unit
batch-norm scales, ...). Shapes and parameter counts are those of the real files; the
values are not, so predictions mean nothing.

The architecture is built under Keras's `StatelessScope(initialize_variables=False)`:
that gives every variable's path, shape and initializer without Keras drawing any
values (drawing them with JAX on the CPU takes seconds per model), and Keras's automatic
names' counters are put back as they were, so the vignettes' layers keep their names.
Each file is written once per process into a private temporary folder (removed when the
process ends) and linked into every `models_folder` asked for, so each vignette's
temporary Keras cache gets it at no cost.

Use it from a test hook (see `conftest.py`), or by hand:

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as keras_home:
    ...     [p.name for p in install(os.path.join(keras_home, "models"))]
    ['vgg19_weights_tf_dim_ordering_tf_kernels.h5', 'xception_weights_tf_dim_ordering_tf_kernels_notop.h5']
"""  # noqa: E501

from __future__ import annotations

import atexit
import contextlib
import copy
import math
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "jax")  # as the tests: Keras on JAX, before its import

# name -> (the file Keras's application asks get_file() for, the application's keras
# class, its arguments). The file names are the first argument of `get_file()` in
# keras/src/applications/vgg19.py and xception.py.
APPLICATIONS = {
    "vgg19": ("vgg19_weights_tf_dim_ordering_tf_kernels.h5",
              "VGG19", dict(include_top=True)),
    "xception_notop": ("xception_weights_tf_dim_ordering_tf_kernels_notop.h5",
                       "Xception", dict(include_top=False)),
}

_CACHE: dict[str, Path] = {}  # file name -> the file written once in this process
_CACHE_DIR: list[Path] = []


def install(models_folder, names=None) -> list[Path]:
    """Write the synthetic weight files into `models_folder` (Keras's cache's `models`).

    Arguments:
        models_folder: the folder (created if missing).
        names: which of `APPLICATIONS` (default: all).

    Value: the paths written.
    """
    models_folder = Path(models_folder)
    models_folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in APPLICATIONS if names is None else names:
        fname = APPLICATIONS[name][0]
        target = models_folder / fname
        if target.is_symlink() and not target.exists():  # left dangling by an earlier run
            target.unlink()
        if not target.exists():
            source = _cached_file(name)
            try:
                # A link, not a copy: pytest keeps its last temporary folders, and a
                # symbolic link (unlike a hard one) keeps no 550 MB file alive there once
                # this process has removed its own folder.
                os.symlink(source, target)
            except OSError:  # no symbolic links (Windows without the right): a copy
                shutil.copyfile(source, target)
        written.append(target)
    return written


def _cached_file(name: str) -> Path:
    fname, class_name, args = APPLICATIONS[name]
    if fname not in _CACHE:
        if not _CACHE_DIR:
            folder = Path(tempfile.mkdtemp(prefix="rstyle_keras_synthetic_weights_"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            _CACHE_DIR.append(folder)
        path = _CACHE_DIR[0] / fname
        write_weights(path, class_name, args, seed=sum(map(ord, fname)))
        _CACHE[fname] = path
    return _CACHE[fname]


def write_weights(path, class_name: str, args: dict, seed: int = 0) -> None:
    """Write `keras.applications.<class_name>(weights=None, **args)`'s weights, freshly
    drawn, as a legacy HDF5 weights file that `model.load_weights(path)` reads."""
    import h5py
    import keras
    from keras.src.backend.common.stateless_scope import StatelessScope
    from keras.src.legacy.saving.legacy_h5_format import save_attributes_to_hdf5_group

    with _keras_state_kept(), StatelessScope(initialize_variables=False):
        model = getattr(keras.applications, class_name)(weights=None, **args)
    rng = np.random.default_rng(seed)
    with h5py.File(path, "w") as f:
        save_attributes_to_hdf5_group(
            f, "layer_names", [layer.name.encode("utf8") for layer in model.layers])
        f.attrs["backend"] = keras.backend.backend().encode("utf8")
        f.attrs["keras_version"] = keras.__version__.encode("utf8")
        for layer in sorted(model.layers, key=lambda layer: layer.name):
            group = f.create_group(layer.name)
            # The legacy order: trainable weights, then the others.
            weights = layer.trainable_weights + layer.non_trainable_weights
            save_attributes_to_hdf5_group(
                group, "weight_names", [str(v.path).encode("utf8") for v in weights])
            for v in weights:
                group.create_dataset(str(v.path), data=_initial_value(v, rng))
        save_attributes_to_hdf5_group(f.create_group("top_level_model_weights"),
                                      "weight_names", [])


@contextlib.contextmanager
def _keras_state_kept():
    """Keras's global state (the automatic names' counters: Xception has unnamed Conv2D
    layers) as it was before: writing the files must not rename the vignettes' layers."""
    from keras.src.backend.common import global_state

    tracker = global_state.GLOBAL_STATE_TRACKER
    before = {key: copy.copy(value) for key, value in vars(tracker).items()}
    try:
        yield
    finally:
        for key in list(vars(tracker)):
            if key not in before:
                delattr(tracker, key)
        for key, value in before.items():
            setattr(tracker, key, value)


def _initial_value(variable, rng) -> np.ndarray:
    """A value drawn by NumPy from the distribution of the variable's initializer."""
    from keras import initializers
    from keras.src.initializers.random_initializers import compute_fans

    init, shape = variable._initializer, tuple(variable.shape)
    dtype = np.dtype(variable.dtype)
    if isinstance(init, initializers.Zeros):
        return np.zeros(shape, dtype)
    if isinstance(init, initializers.Ones):
        return np.ones(shape, dtype)
    if isinstance(init, initializers.Constant):
        return np.full(shape, init.value, dtype)
    if isinstance(init, initializers.VarianceScaling):
        fan_in, fan_out = compute_fans(shape, init.input_axes, init.output_axes)
        scale = init.scale / max(1.0, {"fan_in": fan_in, "fan_out": fan_out}.get(
            init.mode, (fan_in + fan_out) / 2.0))
        if init.distribution == "uniform":
            limit = math.sqrt(3.0 * scale)
            values = rng.random(shape, dtype=np.float32)
            values *= 2 * limit
            values -= limit
            return values.astype(dtype, copy=False)
        stddev = math.sqrt(scale)
        if init.distribution == "truncated_normal":
            stddev /= 0.87962566103423978
            values = rng.standard_normal(shape, dtype=np.float32)
            while (outside := np.abs(values) > 2.0).any():
                values[outside] = rng.standard_normal(int(outside.sum()), dtype=np.float32)
            return (values * stddev).astype(dtype)
        return (rng.standard_normal(shape, dtype=np.float32) * stddev).astype(dtype)
    # Any other initializer: Keras's own draw.
    return np.asarray(keras_to_numpy(init(shape, dtype=variable.dtype)), dtype)


def keras_to_numpy(value):
    import keras

    return keras.ops.convert_to_numpy(value)
