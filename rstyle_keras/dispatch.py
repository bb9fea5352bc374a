"""The first-argument rule of every `layer_*()` function, as in R keras3, for both engines.

`compose_layer(object, layer)` decides what a layer call returns from the type of `object`:

| object                                        | result                                    |
|-----------------------------------------------|-------------------------------------------|
| None (missing)                                | the layer                                 |
| a Sequential model                            | the layer is added; the model is returned |
| a KerasTensor (from `keras_input()`)          | the symbolic output `layer(object)`       |
| data: a tensor, NumPy array or nested list    | the computed result `layer(object)`       |

Each engine registers its own types: the core's below, Keras's in `_register_keras()` when
Keras is first used. A core object with a Keras layer (or the reverse) is a TypeError
naming both engines. Supporting a new kind of object is one registration:

    @compose_layer.register(MyModel, Layer)
    def _(model, layer):
        ...

`x | layer` is `compose_layer(x, layer)`: `install_pipe()` puts `__ror__` on the core's
layer class here and on Keras's in `rstyle_keras.keras_adapter.install_pipes()`.
"""

from __future__ import annotations

import numbers
from functools import cache

import numpy as np
from multipledispatch import Dispatcher

from . import keras_adapter
from .core.keras_tensor import KerasTensor
from .core.layers.layer import Layer
from .core.models.sequential import Sequential
from .core.tensor import Tensor
from .engine import config_engine

compose_layer = Dispatcher("compose_layer")

DATA_TYPES = (np.ndarray, np.generic, numbers.Number, list, tuple, range)
CORE_TYPES = (Layer, KerasTensor, Tensor)


@compose_layer.register(type(None), object)
def _compose_nothing(_, layer):
    return layer


@compose_layer.register(Sequential, Layer)
def _compose_sequential(model, layer):
    model.add(layer)
    return model


@compose_layer.register((KerasTensor, Tensor, np.ndarray, list, tuple), Layer)
def _compose_call(x, layer):
    return layer(x)


@compose_layer.register(object, object)
def _compose_unknown(object, layer):
    refuse(object, layer)


def engine_of(obj) -> str | None:
    """The engine an object belongs to: "numpy" (a core object), "keras" (a Keras object
    or backend tensor), or None (None or plain data: the engine setting decides)."""
    if obj is None or isinstance(obj, DATA_TYPES):
        return None
    if isinstance(obj, CORE_TYPES):
        return "numpy"
    if keras_adapter.is_keras_object(obj):
        return "keras"
    return None


def refuse(object, layer_or_class, required: tuple[str, ...] = ()):
    """The TypeError for an `object` this rule does not take (before or after the layer
    exists). Objects of the two engines together get their own message."""
    layer_engine = "numpy" if _is_core(layer_or_class) else "keras"
    object_engine = engine_of(object)
    if object_engine is not None and object_engine != layer_engine:
        raise TypeError(
            f"Cannot compose a {_engine_name(object_engine)} {type(object).__name__} with a "
            f"{_engine_name(layer_engine)} layer ({_class_name(layer_or_class)}): the two "
            f'engines do not mix. Build both with one engine: config_set_engine("keras") '
            f'or config_set_engine("numpy") before making them.'
        )
    hint = ""
    if isinstance(object, (numbers.Number, str)) and required:
        hint = f" To set `{required[0]}`, name it: {required[0]}={object!r}."
    raise TypeError(
        f"`object` must be None, a Sequential model, a KerasTensor (from keras_input()), "
        f"or a tensor, NumPy array or nested list; received {type(object).__name__} "
        f"{object!r}.{hint}"
    )


def _is_core(layer_or_class) -> bool:
    cls = layer_or_class if isinstance(layer_or_class, type) else type(layer_or_class)
    return issubclass(cls, Layer)


def _class_name(layer_or_class) -> str:
    cls = layer_or_class if isinstance(layer_or_class, type) else type(layer_or_class)
    return cls.__name__


def _engine_name(engine: str) -> str:
    return {"numpy": 'core ("numpy" engine)', "keras": 'Keras ("keras" engine)'}[engine]


def composable(object, layer_class) -> bool:
    """Whether `compose_layer(object, <a layer_class>)` has a rule (checked before the
    layer is made, so a refused call uses up no automatic name)."""
    return compose_layer.dispatch(type(object), layer_class) is not _compose_unknown


def create_layer(layer_class, object=None, **args):
    """Make `layer_class(**args)` and compose it with `object` (see the module docs).

    Examples:
        >>> from rstyle_keras.core.layers import MaxPooling1D
        >>> create_layer(MaxPooling1D, None, pool_size=2).pool_size
        (2,)
    """
    if object is not None and not composable(object, layer_class):
        refuse(object, layer_class)
    return compose_layer(object, layer_class(**args))


def install_pipe(cls) -> None:
    """Give `cls` the pipe: `x | layer` is `compose_layer(x, layer)`."""

    def __ror__(self, other):
        return compose_layer(other, self)

    cls.__ror__ = __ror__


install_pipe(Layer)


_KERAS_HOOKS: list = []


@cache
def keras():
    """Keras, imported on first use, with its types registered here and its pipes installed
    (and every `on_keras()` hook run)."""
    module = keras_adapter.load()
    _register_keras(module)
    keras_adapter.install_pipes(compose_layer, (module.Layer, Layer))
    for hook in _KERAS_HOOKS:
        hook(module)
    return module


def on_keras(hook):
    """Run `hook(keras)` when Keras is first used (at once if it already was): how other
    dispatchers register their Keras types without importing Keras early."""
    _KERAS_HOOKS.append(hook)
    if keras.cache_info().currsize:
        hook(keras())
    return hook


def keras_loaded() -> bool:
    """Whether `keras()` has run (Keras imported and registered) in this process."""
    return bool(keras.cache_info().currsize)


def _register_keras(keras) -> None:
    data = (*keras_adapter.tensor_types(), np.ndarray, list, tuple)

    @compose_layer.register(keras.Sequential, keras.Layer)
    def _compose_keras_sequential(model, layer):
        model.add(layer)
        return model

    @compose_layer.register(data, keras.Layer)
    def _compose_keras_call(x, layer):
        return layer(x)


def engine_for(object) -> str:
    """The engine that runs a call whose first argument is `object`."""
    found = engine_of(object)
    if found is None:
        return config_engine()
    if found == "keras":
        keras()  # registers backend tensor types the user brought, before dispatching
    return found
