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
"constructor" (no first argument: the layer itself).

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

import ast
from functools import cached_property

from .. import keras_adapter
from ..core import layers as core_layers
from ..dispatch import composable, compose_layer, engine_for, engine_of, keras, refuse
from ..engine import core_lacks
from .converters import CONVERTERS, DOTS_CONVERTERS
from .layer_table import LAYERS


class _Required:
    """The default of an argument that R requires (R's missing argument)."""

    def __repr__(self):
        return "<required>"


REQUIRED = _Required()

RENAMES = {"layer_lambda": {"f": "function"}}  # R's name -> Keras's
FIRST = {"layer": "object", "merge": "inputs", "inputs": "inputs", "cells": "cells",
         "constructor": None}  # the first argument of each kind


def split_params(params: str) -> list[tuple]:
    """'units, activation=None, ...' -> [(name, default's source or None), ...]."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(params + ","):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0:
            items.append(params[start:i].strip())
            start = i + 1
    return [
        (name.strip(), default.strip() if eq else None)
        for name, eq, default in (item.partition("=") for item in items if item)
    ]


class LayerSpec:
    """One catalogue row: what a layer function makes, and R's rules for its arguments."""

    def __init__(self, r_name, keras_class, kind, params, converters):
        self.r_name, self.keras_class, self.kind = r_name, keras_class, kind
        self.first = FIRST[kind]
        self.converters = {arg: CONVERTERS[conv] for arg, conv in converters.items()}
        self.renames = RENAMES.get(r_name, {})
        items = [(n, d) for n, d in split_params(params) if n != self.first]
        names = [n for n, _ in items]
        dots = names.index("...") if "..." in names else len(names)
        self.defaults_source = {n: d for n, d in items if n != "..."}
        self.names = frozenset(self.defaults_source)
        self.has_dots = "..." in names
        # R matches these by position; those after `...` only by name. Merge and cell
        # functions take every extra positional argument as one more input or cell.
        self.positional = () if kind in ("merge", "cells") else tuple(names[:dots])
        self.required = tuple(n for n, d in items[:dots] if d is None and n != "...")
        self.keyword_required = tuple(n for n, d in items[dots + 1:] if d is None)
        core = getattr(core_layers, keras_class, None)
        self.core_class = core if isinstance(core, type) else None

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
        given = dict(zip(self.positional, args))
        for name, value in kwargs.items():
            if name in given:
                raise TypeError(f"{self.r_name}() got multiple values for `{name}`.")
            if not self.has_dots and name not in self.names:
                raise TypeError(
                    f"{self.r_name}() has no argument `{name}`; its arguments are "
                    f"{', '.join(self.defaults_source)}."
                )
            given[name] = value
        return first, more, given

    def arguments(self, given: dict) -> dict:
        """The class's keyword arguments: the given ones (R keras3 forwards only what the
        call names), each through its R converter (the row's, else the standard one of R's
        `...`: a row may convert an argument that only `...` carries, as `input_length`)."""
        for name in (*self.required, *self.keyword_required):
            if name not in given:
                raise TypeError(f"{self.r_name}(): argument `{name}` is missing, with no default.")
        out = {}
        for name, value in given.items():
            convert = self.converters.get(name) or DOTS_CONVERTERS.get(name)
            out[self.renames.get(name, name)] = value if convert is None else convert(value, name)
        return out

    @cached_property
    def signature(self):
        """R's signature as a Python one (built when asked: `inspect` and the literal
        defaults cost import time)."""
        import inspect

        P = inspect.Parameter
        params = [P(self.first, P.POSITIONAL_OR_KEYWORD, default=None)] if self.first else []
        if self.kind in ("merge", "cells"):
            params.append(P(f"more_{self.first}", P.VAR_POSITIONAL))
        kind = P.KEYWORD_ONLY if self.kind in ("merge", "cells") else P.POSITIONAL_OR_KEYWORD
        for name, source in self.defaults_source.items():
            if name not in self.positional:
                kind = P.KEYWORD_ONLY
            if source is not None:
                default = ast.literal_eval(source)
            elif kind is P.KEYWORD_ONLY or not params:
                default = P.empty  # Python can say it is required
            else:
                default = REQUIRED  # after `object=None`, Python needs a default to show
            params.append(P(name, kind, default=default))
        if self.has_dots:
            params.append(P("kwargs", P.VAR_KEYWORD))
        return inspect.Signature(params)


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


class RFunction:
    """An R keras3 function: callable with R's argument rules, with R's signature, and
    documentation that adds the installed Keras class's own docstring (read from Keras
    when asked, not at import)."""

    def __init__(self, spec: LayerSpec):
        self.spec = spec
        self._build = BUILDERS[spec.kind]
        self.__name__ = self.__qualname__ = spec.r_name
        self.__module__ = __name__

    def __call__(self, *args, **kwargs):
        spec = self.spec
        return self._build(spec, *spec.bind(args, kwargs))

    @property
    def __signature__(self):
        return self.spec.signature

    def __get__(self, instance, owner=None):  # a routine to pydoc and inspect
        return self

    def __repr__(self) -> str:
        return f"<R function {self.__name__}{self.__signature__}>"

    @property
    def __doc__(self) -> str:
        spec = self.spec
        core = f"; under the \"numpy\" engine, the core's {spec.core_class.__name__}" \
            if spec.core_class else ""
        lines = [
            f"R keras3's `{spec.r_name}()`: makes `keras.layers.{spec.keras_class}`{core}.",
            "",
            "Arguments (R's names, order and defaults; `<required>` has no default):",
        ]
        first = {"layer": "object: None, a Sequential model, a KerasTensor, or data.",
                 "merge": "inputs, ...: the tensors to merge (a list, or one per argument).",
                 "inputs": "inputs: the tensors the layer is called on (a list), or None.",
                 "cells": "cells, ...: the RNN cells to stack.",
                 "constructor": None}[spec.kind]
        if first:
            lines.append(f"    {first}")
        for name, source in spec.defaults_source.items():
            conv = spec.converters.get(name)
            note = f" (R-style values converted by {conv.__name__})" if conv else ""
            lines.append(f"    {name}: default {source or '<required>'}{note}.")
        lines += [
            "    **kwargs: R's `...`: input_shape, batch_size, dtype, name, trainable, ...",
            "",
            "Value: by the first argument, as in R keras3: None -> the layer; a Sequential",
            "model -> the model, with the layer added; a KerasTensor -> its symbolic output;",
            "data (a tensor, NumPy array or list) -> the computed result.",
            "",
            keras_adapter.keras_doc(spec.keras_class),
        ]
        return "\n".join(lines)


SPECS = {row[0]: LayerSpec(*row) for row in LAYERS}
FUNCTIONS = {name: RFunction(spec) for name, spec in SPECS.items()}
globals().update(FUNCTIONS)

__all__ = sorted(FUNCTIONS)
