"""Model and layer configs in Keras 3's JSON layout, both ways.

A model saved here loads in Keras with `keras.models.model_from_json()`, and a Keras
model of these layers loads here with `model_from_json()`.
"""

from __future__ import annotations

from .layer import LAYER_CLASSES, Layer


def serialize_layer(layer: Layer) -> dict:
    return {
        "module": "keras.layers",
        "class_name": type(layer).__name__,
        "config": layer.get_config(),
        "registered_name": None,
    }


def deserialize_layer(config: dict) -> Layer:
    classes = LAYER_CLASSES
    name = config.get("class_name")
    if name not in classes:
        raise ValueError(
            f"Unknown layer class {name!r} in the model config; rstyle_keras knows "
            f"{', '.join(sorted(classes))}."
        )
    return classes[name].from_config(config.get("config", {}))


def model_from_json(json_string: str, custom_objects=None):
    """Rebuild a model from `to_json()` text (ours or real Keras's).

    Arguments:
        json_string: the JSON text.
        custom_objects: not supported; must be None.

    Value: a Sequential or functional model with fresh layers of the same configs.
    """
    if custom_objects is not None:
        raise ValueError("`custom_objects` are not supported by rstyle_keras; pass None.")
    import json  # here: json costs import time, and only JSON round trips need it

    return deserialize_layer(json.loads(json_string))
