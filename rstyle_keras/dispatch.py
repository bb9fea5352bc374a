"""The first-argument rule of every `layer_*()` function, as in R keras3.

`create_layer()` makes the layer; `compose_layer(object, layer)` decides what to do with
it from the type of `object`:

| object                               | result                                   |
|--------------------------------------|------------------------------------------|
| None (missing)                       | the layer                                |
| a Sequential model                   | the layer is added; the model is returned |
| a KerasTensor (from `keras_input()`) | the symbolic output `layer(object)`      |
| a Tensor, NumPy array or nested list | the computed Tensor `layer(object)`      |

Supporting a new kind of object is one registration, with no change to any layer:

    @compose_layer.register(MyModel, Layer)
    def _(model, layer):
        ...
"""

from __future__ import annotations

import numbers

import numpy as np
from multipledispatch import Dispatcher

from .keras_tensor import KerasTensor
from .layers.layer import Layer
from .models.sequential import Sequential
from .tensor import Tensor

compose_layer = Dispatcher("compose_layer")


@compose_layer.register(type(None), Layer)
def _compose_nothing(_, layer):
    return layer


@compose_layer.register(Sequential, Layer)
def _compose_sequential(model, layer):
    model.add(layer)
    return model


@compose_layer.register((KerasTensor, Tensor, np.ndarray, list, tuple), Layer)
def _compose_call(x, layer):
    return layer(x)


@compose_layer.register(object, Layer)
def _compose_unknown(object, layer):
    _refuse(object, layer)


def _refuse(object, layer_or_class):
    hint = ""
    if isinstance(object, numbers.Number) and "pool_size" in layer_or_class.accepted_arguments():
        hint = f" To set the pool size, name it: pool_size={object!r}."
    raise TypeError(
        f"`object` must be None, a Sequential model, a KerasTensor (from keras_input()), "
        f"or a Tensor, NumPy array or nested list; received {type(object).__name__} "
        f"{object!r}.{hint}"
    )


class _Missing:
    """The value of an argument that has no default (R's missing argument)."""

    def __repr__(self):
        return "<required>"


REQUIRED = _Missing()


def create_layer(layer_class, object=None, **args):
    """Make `layer_class(**args)` and compose it with `object` (see the module docstring).

    Arguments left at `REQUIRED` raise a TypeError naming them, as R does for a
    missing argument that has no default.
    """
    if object is not None and compose_layer.dispatch(type(object), layer_class) is _compose_unknown:
        _refuse(object, layer_class)  # before the layer exists, so no name is used up
    missing = [name for name, value in args.items() if value is REQUIRED]
    if missing:
        raise TypeError(
            f"argument `{missing[0]}` is missing, with no default "
            f"({layer_class.__name__} needs it)."
        )
    return compose_layer(object, layer_class(**args))
