"""Model and layer configs in Keras 3's JSON layout, both ways.

A model saved here loads in Keras with `keras.models.model_from_json()`, and a Keras
model of these layers loads here with `model_from_json()`.
"""

from __future__ import annotations

import json

from ..layers.input_layer import InputLayer
from ..layers.layer import Layer


def layer_classes() -> dict[str, type]:
    """Class name -> class, for every layer and model that can be deserialized."""
    from .. import layers
    from .functional import Functional
    from .sequential import Sequential

    found = {name: getattr(layers, name) for name in layers.__all__}
    found.update(Functional=Functional, Model=Functional, Sequential=Sequential)
    return found


def serialize_layer(layer: Layer) -> dict:
    return {
        "module": "keras.layers",
        "class_name": type(layer).__name__,
        "config": layer.get_config(),
        "registered_name": None,
    }


def deserialize_layer(config: dict) -> Layer:
    classes = layer_classes()
    name = config.get("class_name")
    if name not in classes:
        raise ValueError(
            f"Unknown layer class {name!r} in the model config; rstyle_keras knows "
            f"{', '.join(sorted(classes))}."
        )
    return classes[name].from_config(config.get("config", {}))


def serialize_model(model) -> dict:
    from .sequential import Sequential

    if isinstance(model, Sequential):
        build = list(model._build_shape) if model._build_shape is not None else None
        return {
            "module": "keras", "class_name": "Sequential", "config": model.get_config(),
            "registered_name": None, "build_config": {"input_shape": build},
            "compile_config": {},
        }
    return {
        "module": "keras.src.models.functional", "class_name": "Functional",
        "config": model.get_config(), "registered_name": "Functional",
        "build_config": {"input_shape": None}, "compile_config": {},
    }


def model_from_json(json_string: str, custom_objects=None):
    """Rebuild a model from `to_json()` text (ours or real Keras's).

    Arguments:
        json_string: the JSON text.
        custom_objects: not supported; must be None.

    Value: a Sequential or functional model with fresh layers of the same configs.
    """
    if custom_objects is not None:
        raise ValueError("`custom_objects` are not supported by rstyle_keras; pass None.")
    return deserialize_layer(json.loads(json_string))


def functional_config(model) -> dict:
    """The `config` of a functional model, with each layer's inbound nodes."""
    calls = model.layer_calls()
    layers = []
    for layer in model.layers:
        entry = serialize_layer(layer)
        entry["name"] = layer.name
        entry["inbound_nodes"] = [
            {
                "args": [
                    {
                        "class_name": "__keras_tensor__",
                        "config": {
                            "shape": list(t.shape), "dtype": t.dtype,
                            "keras_history": model.history_ref(t),
                        },
                    }
                    for t in inbound
                ],
                "kwargs": {},
            }
            for inbound, _ in calls[id(layer)]
            if inbound  # an input layer has no inbound node
        ]
        layers.append(entry)

    def refs(tensors, single):
        found = [model.history_ref(t) for t in tensors]
        return found[0] if single else found

    return {
        "name": model.name,
        "trainable": model.trainable,
        "layers": layers,
        "input_layers": refs(model.inputs, model.single_input),
        "output_layers": refs(model.outputs, model.single_output),
    }


def functional_from_config(cls, config: dict):
    """Recreate the layers and replay their calls in the order the config lists them."""
    produced: dict[tuple[str, int], object] = {}
    for entry in config["layers"]:
        layer = deserialize_layer(entry)
        if isinstance(layer, InputLayer):
            produced[(layer.name, 0)] = layer.output
            continue
        for i, node in enumerate(entry.get("inbound_nodes", [])):
            args = node["args"]
            if len(args) != 1:
                raise ValueError(f"Layer {layer.name!r}: only single-input calls are supported.")
            source, source_node, _ = args[0]["config"]["keras_history"]
            produced[(layer.name, i)] = layer(produced[(source, source_node)])

    def tensors(refs):
        single = bool(refs) and isinstance(refs[0], str)
        found = [produced[(name, index)] for name, index, _ in ([refs] if single else refs)]
        return found[0] if single else found

    return cls(
        tensors(config["input_layers"]), tensors(config["output_layers"]),
        name=config.get("name"), trainable=config.get("trainable", True),
    )
