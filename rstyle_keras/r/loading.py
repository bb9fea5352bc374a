"""Models back from files, bytes and configs: `load_model()`, `load_model_config()`,
`from_config()` (R keras3's R/model-persistence.R and R/layer-methods.R).

Saving is a verb (`model | save_model("m.keras")`, in `verbs.py`); these take a path or a
config first, so they are plain functions.
"""

from __future__ import annotations

import copy
import os

from ..core.layers.layer import Layer
from ..core.layers.serialization import deserialize_layer
from ..core.models import Functional, Sequential
from ..dispatch import engine_for, keras
from ..engine import config_engine
from .classes import normalize_custom_objects


def load_model(model, custom_objects=None, compile=True, safe_mode=True):
    """Load a model saved by `save_model()` (or by Keras): a `.keras` file.

    Arguments:
        model: the file's path, or its bytes (what `save_model(model)` returns with no
            `filepath`, R's raw vector).
        custom_objects: the custom classes the file uses, by name (a dict, R's named list),
            e.g. `list(CustomDense = custom_dense)`.
        compile: whether to compile the model as it was saved.
        safe_mode: refuse to load Python lambdas (unsafe code) from the file.

    Value: the Keras model (this needs the Keras engine's packages).
    """
    args = {}
    if custom_objects is not None:
        args["custom_objects"] = normalize_custom_objects(custom_objects)
    if compile is not True:
        args["compile"] = compile
    if safe_mode is not True:
        args["safe_mode"] = safe_mode
    k = keras()
    if isinstance(model, (bytes, bytearray)):
        import tempfile  # here: it costs import time, and only this case needs it

        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "model.keras")
            with open(path, "wb") as f:
                f.write(model)
            return k.saving.load_model(path, **args)
    return k.saving.load_model(os.fspath(model), **args)


def load_model_config(filepath, custom_objects=None):
    """A model rebuilt from the JSON `save_model_config()` wrote (Keras's `to_json()`
    layout), with fresh weights.

    Arguments:
        filepath: the JSON file's path.
        custom_objects: the custom classes it uses, by name.

    Value: a model: Keras's under the "keras" engine, else the core's (which rebuilds
    models of the core's layers).
    """
    with open(filepath) as f:
        text = f.read()
    if config_engine() == "keras":
        return keras().models.model_from_json(text, normalize_custom_objects(custom_objects))
    if custom_objects is not None:
        raise ValueError("`custom_objects` need the \"keras\" engine.")
    import json  # here: json costs import time, and only this function needs it

    return deserialize_layer(json.loads(text))


def from_config(config, custom_objects=None):
    """A layer or model rebuilt from its config (what `get_config()` returned).

    Arguments:
        config: the config; from `get_config()` it knows its class. A plain dict is taken
            as a model's: functional when it lists "input_layers", else Sequential.
        custom_objects: the custom classes it uses, by name (a dict, R's named list).

    Value: a new layer or model, with fresh weights.

    Examples:
        >>> clear_session()
        >>> model = keras_model_sequential(input_shape=c(4, 1)) | layer_max_pooling_1d()
        >>> config = get_config(model)
        >>> from_config(config).output_shape
        (None, 2, 1)
    """
    cls = getattr(config, "keras_class", None)
    engine = engine_for(None) if cls is None else "keras" if not _is_core(cls) else "numpy"
    if cls is None:
        if not isinstance(config, dict) or "layers" not in config:
            raise ValueError(
                "`config` must be what get_config() returned (it knows its class), or a "
                "model's config (a dict with \"layers\"); received "
                f"{type(config).__name__}."
            )
        functional = "input_layers" in config
        if engine == "keras":
            cls = keras().Model if functional else keras().Sequential
        else:
            cls = Functional if functional else Sequential
    if engine == "numpy":
        if custom_objects is not None:
            raise ValueError("`custom_objects` need the \"keras\" engine.")
        return cls.from_config(copy.deepcopy(dict(config)))
    k = keras()
    with k.saving.custom_object_scope(normalize_custom_objects(custom_objects) or {}):
        return cls.from_config(copy.deepcopy(dict(config)))  # Keras's may change it


def _is_core(cls) -> bool:
    return isinstance(cls, type) and issubclass(cls, Layer)


__all__ = ["from_config", "load_model", "load_model_config"]
