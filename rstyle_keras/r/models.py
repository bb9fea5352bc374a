"""R keras3's model constructors: `keras_input()`, `keras_model_sequential()`, `keras_model()`.

Each runs on the engine its first argument belongs to (Keras KerasTensors and layers ->
Keras, the core's -> the core), else on `config_engine()`.
"""

from __future__ import annotations

import sys

from ..core import naming
from ..core.layers.input_layer import InputLayer
from ..core.models import Functional, Sequential
from ..dispatch import engine_for, keras, keras_loaded
from .converters import as_nullable_integer, normalize_shape

# keras_input()'s arguments and their converters (R keras3's keras_input()).
_INPUT_CONVERTERS = {
    "shape": normalize_shape, "batch_size": as_nullable_integer, "batch_shape": normalize_shape,
}


def _given(defaults: dict, values: dict) -> dict:
    """The arguments that differ from R's defaults, converted (R forwards what is named)."""
    out = {}
    for name, value in values.items():
        if value is defaults[name]:
            continue
        convert = _INPUT_CONVERTERS.get(name)
        out[name] = convert(value, name) if convert else value
    return out


_KERAS_INPUT_DEFAULTS = dict(
    shape=None, batch_size=None, dtype=None, sparse=None, ragged=None, batch_shape=None,
    name=None, tensor=None, optional=False,
)


def keras_input(shape=None, batch_size=None, dtype=None, sparse=None, ragged=None,
                batch_shape=None, name=None, tensor=None, optional=False):
    """A symbolic input, the start of a functional model.

    Arguments:
        shape: the shape of one sample (no batch dimension), e.g. `c(10, 10, 3)`;
            None (or NA) for a size that varies.
        batch_size: a fixed batch size, or None (any).
        dtype: the input dtype; None means floatx ("float32").
        sparse, ragged: Keras only (the core refuses them).
        batch_shape: the shape with the batch dimension, instead of `shape`.
        name: the name of the input layer; None for an automatic one.
        tensor: Keras only: an existing tensor to wrap.
        optional: whether the input may be None.

    Value: a KerasTensor (the core's under the "numpy" engine, Keras's under "keras").

    Examples:
        >>> clear_session()
        >>> keras_input(shape=c(10, 10, 3))
        <KerasTensor shape=(None, 10, 10, 3), dtype=float32, sparse=False, ragged=False, name=keras_tensor>
    """  # noqa: E501
    args = _given(_KERAS_INPUT_DEFAULTS, dict(
        shape=shape, batch_size=batch_size, dtype=dtype, sparse=sparse, ragged=ragged,
        batch_shape=batch_shape, name=name, tensor=tensor, optional=optional,
    ))
    if engine_for(tensor) == "keras":
        return keras().Input(**args)
    if tensor is not None:
        raise ValueError("`tensor` needs the \"keras\" engine; the core has no tensor to wrap.")
    return InputLayer(**args).output


layer_input = keras_input  # R keras3's other name for it


def keras_model_sequential(
    input_shape=None, name=None, *, input_dtype=None, input_batch_size=None,
    input_sparse=None, input_ragged=None, input_batch_shape=None, input_name=None,
    input_tensor=None, input_optional=False, trainable=True, layers=None,
):
    """A Sequential model: add layers with pipes (`model | layer_...()`) or `add()`.

    Arguments:
        input_shape: the shape of one sample (no batch axis), e.g. `c(28, 28, 1)`.
            None defers the build to the first call with data.
        name: the model's name; None for an automatic one ("sequential", ...).
        input_dtype, input_batch_size, input_sparse, input_ragged, input_batch_shape,
            input_name, input_tensor, input_optional: the rest of the input's description,
            as for `keras_input()`.
        trainable: whether the model is trainable.
        layers: layers to add at once.

    Value: a Sequential model (Keras's under the "keras" engine, or when `layers` holds
    Keras layers).

    Examples:
        >>> clear_session()
        >>> model = keras_model_sequential(input_shape=c(4, 4, 1))
        >>> model = model | layer_average_pooling_2d(pool_size=2)
        >>> model.output_shape
        (None, 2, 2, 1)
    """
    layers = list(layers) if isinstance(layers, (list, tuple)) else [] if layers is None \
        else [layers]
    input_args = _given(_KERAS_INPUT_DEFAULTS, dict(
        shape=input_shape, batch_size=input_batch_size, dtype=input_dtype, sparse=input_sparse,
        ragged=input_ragged, batch_shape=input_batch_shape, name=input_name,
        tensor=input_tensor, optional=input_optional,
    ))
    if engine_for(layers[0] if layers else input_tensor) == "keras":
        k = keras()
        if input_args:
            layers.insert(0, k.layers.InputLayer(**_keras_input_layer_args(input_args)))
        return k.Sequential(layers=layers, name=name, trainable=trainable)
    input_layer = InputLayer(**input_args) if {"shape", "batch_shape"} & set(input_args) \
        else None
    return Sequential(layers=layers, name=name, trainable=trainable, input_layer=input_layer)


def _keras_input_layer_args(args: dict) -> dict:
    # keras.layers.InputLayer names the wrapped tensor `input_tensor`.
    return {("input_tensor" if k == "tensor" else k): v for k, v in args.items()}


def keras_model(inputs=None, outputs=None, **kwargs):
    """A functional model from input KerasTensors to output KerasTensors.

    Arguments:
        inputs: a KerasTensor from `keras_input()`, or a list of them.
        outputs: the KerasTensor(s) that layer calls made from `inputs`.
        **kwargs: `name`, `trainable`.

    Value: a functional model (Keras's `keras.Model` for Keras tensors).

    Examples:
        >>> clear_session()
        >>> inputs = keras_input(shape=c(4, 4, 1))
        >>> outputs = inputs | layer_average_pooling_2d(pool_size=2)
        >>> model = keras_model(inputs, outputs)
        >>> model.output_shape
        (None, 2, 2, 1)
    """
    # R keras3 unwraps an unnamed list of one.
    if isinstance(inputs, list) and len(inputs) == 1:
        inputs = inputs[0]
    if isinstance(outputs, list) and len(outputs) == 1:
        outputs = outputs[0]
    first = inputs[0] if isinstance(inputs, (list, tuple)) and inputs else inputs
    if engine_for(first) == "keras":
        return keras().Model(inputs=inputs, outputs=outputs, **kwargs)
    return Functional(inputs, outputs, **kwargs)


def clear_session(free_memory=True):
    """Reset the automatic names (the next layer is `dense` again, not `dense_3`) and, when
    Keras is in use, Keras's session as `keras.utils.clear_session()` does.

    Arguments:
        free_memory: also collect garbage (Keras's argument).

    Value: None, called for its effect.

    Examples:
        >>> clear_session()
        >>> layer_average_pooling_2d(pool_size=2).name
        'average_pooling2d'
    """
    naming.clear_session()
    if keras_loaded() or "keras" in sys.modules:  # Keras in use, through us or directly
        keras().utils.clear_session(free_memory=free_memory)
