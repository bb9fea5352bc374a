"""R keras3's model constructors: `keras_model_sequential()` and `keras_model()`."""

from __future__ import annotations

from ..layers.input_layer import InputLayer
from .functional import Functional
from .sequential import Sequential


def keras_model_sequential(
    input_shape=None, name=None, *, input_dtype=None, input_batch_size=None,
    input_batch_shape=None, input_name=None, input_sparse=None, trainable=True, layers=None,
) -> Sequential:
    """A Sequential model: add layers with pipes (`model | layer_...()`) or `add()`.

    Arguments:
        input_shape: the shape of one sample (no batch axis), e.g. `c(28, 28, 1)`.
            None defers the build to the first call with data.
        name: the model's name; None for an automatic one ("sequential", ...).
        input_dtype, input_batch_size, input_batch_shape, input_name, input_sparse:
            the rest of the input's description, as for `keras_input()`.
        trainable: whether the model is trainable.
        layers: layers to add at once.

    Value: a Sequential model.

    Examples:
        >>> clear_session()
        >>> model = keras_model_sequential(input_shape=c(4, 4, 1))
        >>> model = model | layer_average_pooling_2d(pool_size=2)
        >>> model.output_shape
        (None, 2, 2, 1)
    """
    input_layer = None
    if input_shape is not None or input_batch_shape is not None:
        input_layer = InputLayer(
            shape=input_shape, batch_size=input_batch_size, dtype=input_dtype,
            sparse=input_sparse, batch_shape=input_batch_shape, name=input_name,
        )
    return Sequential(layers=layers, name=name, trainable=trainable, input_layer=input_layer)


def keras_model(inputs, outputs, name=None, trainable=True) -> Functional:
    """A functional model from input KerasTensors to output KerasTensors.

    Arguments:
        inputs: a KerasTensor from `keras_input()`, or a list of them.
        outputs: the KerasTensor(s) that layer calls made from `inputs`.
        name: the model's name; None for an automatic one ("functional", ...).
        trainable: whether the model is trainable.

    Value: a functional model.

    Examples:
        >>> clear_session()
        >>> inputs = keras_input(shape=c(4, 4, 1))
        >>> outputs = inputs | layer_average_pooling_2d(pool_size=2)
        >>> model = keras_model(inputs, outputs)
        >>> model.output_shape
        (None, 2, 2, 1)
    """
    return Functional(inputs, outputs, name=name, trainable=trainable)
