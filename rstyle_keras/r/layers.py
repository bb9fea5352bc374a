"""R keras3's layer functions, made from the catalogue (`layer_table.LAYERS`).

Every row becomes one function with R's signature (`inspect.signature()`, `help()`),
built on one generic path:

1. the engine: the first argument's (a Keras object or backend tensor -> Keras, a core
   object -> the core), else `config_engine()`;
2. the class: Keras's (`keras.layers.<class>`), or under "numpy" the core's class of
   that name (the pooling family) -- a function the core lacks raises `CoreLacksError`;
3. the arguments: only those given (R keras3 forwards what the call names), each through
   its R converter (`rstyle_keras.r.converters`), R's `...` as keyword arguments;
4. the result, by the first argument (`rstyle_keras.dispatch.compose_layer`).

Kinds of first argument (R keras3's bodies): "layer" (`object`), "merge" (`inputs, ...`:
unnamed extra arguments are more inputs), "inputs" (`inputs` unpacked into the call, as
multi-head attention takes query, value, key), "cells" (`cells, ...`), and
"constructor" (no first argument: the layer itself). `LayerSpec` is the shared
`rstyle_keras.r.functions.FunctionSpec` (R's argument matching, signature, docs) with the
first argument apart.

Examples:
    >>> clear_session()
    >>> layer = layer_max_pooling_2d(pool_size=c(2, 2))   # no object: the layer
    >>> layer.pool_size
    (2, 2)
    >>> import inspect
    >>> inspect.signature(layer_dense)
    <Signature (object=None, units=<required>, activation=None, use_bias=True, ...)>
"""

from __future__ import annotations

from .. import keras_adapter
from ..core import layers as core_layers
from ..dispatch import composable, compose_layer, engine_for, engine_of, keras, refuse
from ..engine import core_lacks
from .converters import CONVERTERS, DOTS_CONVERTERS
from .functions import REQUIRED as REQUIRED  # the base's, also known here
from .functions import FunctionSpec, RFunction, keras_object_of
from .layer_table import LAYERS

RENAMES = {"layer_lambda": {"f": "function"}}  # R's name -> Keras's
FIRST = {"layer": "object", "merge": "inputs", "inputs": "inputs", "cells": "cells",
         "constructor": None}  # the first argument of each kind


class LayerSpec(FunctionSpec):
    """One catalogue row: what a layer function makes, and R's rules for its arguments."""

    converter_registry = CONVERTERS
    dots_converters = DOTS_CONVERTERS  # R's `...` of every layer

    def __init__(self, r_name, keras_class, kind, params, converters):
        self.first = FIRST[kind]
        self.keras_class = keras_class
        super().__init__(r_name, keras_class, kind, params, converters)
        self.renames = RENAMES.get(r_name, {})
        core = getattr(core_layers, keras_class, None)
        self.core_class = core if isinstance(core, type) else None

    def _items(self, items: list[tuple]) -> list[tuple]:
        return [(n, d) for n, d in items if n != self.first]  # the first argument apart

    def _set_params(self, items: list[tuple]) -> None:
        super()._set_params(items)
        if self.kind in ("merge", "cells"):
            # Merge and cell functions take every extra positional argument as one more
            # input or cell: their other arguments are named.
            self.positional = ()

    def layer_class(self, engine: str, first=None):
        if engine == "numpy":
            if self.core_class is None:
                raise core_lacks(self.r_name, first if engine_of(first) == "numpy" else None)
            return self.core_class
        keras()
        return keras_adapter.layer_class(self.keras_class)

    def bind(self, args: tuple, kwargs: dict):
        """R's argument matching: (first argument, extra positionals, converted arguments)."""
        first = None
        if self.first is not None:
            if args:
                first, args = args[0], args[1:]
                if self.first in kwargs:
                    raise TypeError(f"{self.r_name}() got multiple values for `{self.first}`.")
            else:
                first = kwargs.pop(self.first, None)
        more = ()
        if self.kind in ("merge", "cells"):
            more, args = args, ()
        elif len(args) > len(self.positional):
            raise TypeError(
                f"{self.r_name}() takes at most {len(self.positional)} positional arguments "
                f"after `{self.first}` ({', '.join(self.positional)}); received {len(args)}. "
                f"Name the others."
            )
        return first, more, self.match_named(dict(zip(self.positional, args)), kwargs)

    def arguments(self, given: dict) -> dict:
        """The converted arguments; an R function of the API tables among them (a layer's
        `activation = activation_relu`, `kernel_initializer = initializer_ones`) is the
        Keras object it stands for, as R keras3's create_layer() resolves it."""
        args = super().arguments(given)
        for name, value in args.items():
            if isinstance(value, RFunction):
                args[name] = keras_object_of(value)
        return args

    def leading_parameters(self) -> list:
        import inspect

        P = inspect.Parameter
        params = [P(self.first, P.POSITIONAL_OR_KEYWORD, default=None)] if self.first else []
        if self.kind in ("merge", "cells"):
            params.append(P(f"more_{self.first}", P.VAR_POSITIONAL))
        return params

    def doc(self) -> str:
        core = f"; under the \"numpy\" engine, the core's {self.core_class.__name__}" \
            if self.core_class else ""
        lines = [
            f"R keras3's `{self.r_name}()`: makes `keras.layers.{self.keras_class}`{core}.",
            "",
            "Arguments (R's names, order and defaults; `<required>` has no default):",
        ]
        first = {"layer": "object: None, a Sequential model, a KerasTensor, or data.",
                 "merge": "inputs, ...: the tensors to merge (a list, or one per argument).",
                 "inputs": "inputs: the tensors the layer is called on (a list), or None.",
                 "cells": "cells, ...: the RNN cells to stack.",
                 "constructor": None}[self.kind]
        if first:
            lines.append(f"    {first}")
        for name, source in self.defaults_source.items():
            conv = self.converters.get(name)
            note = f" (R-style values converted by {conv.__name__})" if conv else ""
            lines.append(f"    {name}: default {source or '<required>'}{note}.")
        lines += [
            "    **kwargs: R's `...`: input_shape, batch_size, dtype, name, trainable, ...",
            "",
            "Value: by the first argument, as in R keras3: None -> the layer; a Sequential",
            "model -> the model, with the layer added; a KerasTensor -> its symbolic output;",
            "data (a tensor, NumPy array or list) -> the computed result.",
            "",
            keras_adapter.keras_doc(self.keras_class),
        ]
        return "\n".join(lines)


# -- the generic path, one builder per kind -------------------------------------------------
def _as_list(first, more) -> list:
    items = [] if first is None else list(first) if isinstance(first, (list, tuple)) else [first]
    return items + list(more)


def build_layer(spec: LayerSpec, object, more, given):
    layer_class = spec.layer_class(engine_for(object), object)
    if object is not None and not composable(object, layer_class):
        refuse(object, layer_class, spec.required)  # before the layer exists: no name used
    return compose_layer(object, layer_class(**spec.arguments(given)))


def build_merge(spec: LayerSpec, inputs, more, given):
    inputs = _as_list(inputs, more)
    first = inputs[0] if inputs else None
    layer = spec.layer_class(engine_for(first), first)(**spec.arguments(given))
    return layer(inputs) if inputs else layer


def build_unpacked(spec: LayerSpec, inputs, more, given):
    listed = isinstance(inputs, (list, tuple))
    first = inputs[0] if listed and inputs else inputs
    layer_class = spec.layer_class(engine_for(first), first)
    layer = layer_class(**spec.arguments(given))
    if inputs is None:
        return layer
    return layer(*inputs) if listed else layer(inputs)


def build_cells(spec: LayerSpec, cells, more, given):
    cells = _as_list(cells, more)
    return spec.layer_class(engine_for(None))(cells=cells, **spec.arguments(given))


def build_constructor(spec: LayerSpec, first, more, given):
    return spec.layer_class(engine_for(None))(**spec.arguments(given))


BUILDERS = {"layer": build_layer, "merge": build_merge, "inputs": build_unpacked,
            "cells": build_cells, "constructor": build_constructor}

SPECS = {row[0]: LayerSpec(*row) for row in LAYERS}
FUNCTIONS = {name: RFunction(spec, BUILDERS[spec.kind], __name__)
             for name, spec in SPECS.items()}
globals().update(FUNCTIONS)

__all__ = sorted(FUNCTIONS)
