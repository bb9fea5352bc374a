"""R keras3's `op_*()` and `random_*()` functions, from one table and one generic path.

The first argument decides the engine (a Keras or backend tensor -> `keras.ops`, a core
Tensor -> the core); for plain Python or NumPy data, `config_engine()` does. Under
"keras" the given arguments go through R keras3's converters to the Keras function; under
"numpy" to the core's function of the same name, or a `CoreLacksError`.

Examples:
    >>> op_reshape(op_array(range(1, 7), "float32"), c(2, NA))
    Tensor(
    [[1. 2. 3.]
     [4. 5. 6.]], shape=(2, 3), dtype=float32)
"""

from __future__ import annotations

import ast

from ..core import ops as core_ops
from ..dispatch import engine_for, engine_of, keras
from ..engine import core_lacks
from .converters import CONVERTERS

NA = float("nan")  # R's NA in a shape

# (R name, Keras function, arguments with R's defaults, converters)
OPS = [
    ("op_array", "ops.array", "x, dtype=None", {}),
    ("op_reshape", "ops.reshape", "x, newshape", {"newshape": "normalize_target_shape"}),
    ("op_shape", "ops.shape", "x", {}),
    ("op_convert_to_numpy", "ops.convert_to_numpy", "x", {}),
    ("op_average_pool", "ops.average_pool",
     "inputs, pool_size, strides=None, padding='valid', data_format=None",
     {"pool_size": "as_integer", "strides": "as_integer"}),
    ("op_max_pool", "ops.max_pool",
     "inputs, pool_size, strides=None, padding='valid', data_format=None",
     {"pool_size": "as_integer", "strides": "as_integer"}),
    ("random_uniform", "random.uniform", "shape, minval=0, maxval=1, dtype=None, seed=None",
     {"shape": "normalize_shape", "seed": "as_integer"}),
]


class OpSpec:
    def __init__(self, r_name, keras_path, params, converters):
        self.r_name, self.keras_path = r_name, keras_path
        args = ast.parse(f"def f({params}): pass").body[0].args
        self.names = tuple(a.arg for a in args.args)
        self.defaults = tuple(ast.literal_eval(d) for d in args.defaults)
        self.params = params
        self.converters = {k: CONVERTERS[v] for k, v in converters.items()}
        self.core_function = getattr(core_ops, r_name, None)

    def keras_function(self):
        namespace, name = self.keras_path.split(".")
        return getattr(getattr(keras(), namespace), name)


def call_op(spec: OpSpec, values: tuple):
    engine = engine_for(values[0])
    n_required = len(spec.names) - len(spec.defaults)
    args = {}
    for i, (name, value) in enumerate(zip(spec.names, values)):
        given = i < n_required or value is not spec.defaults[i - n_required]
        convert = spec.converters.get(name)
        args[name] = convert(value, name) if convert and given else value
        if not given and engine == "keras":
            del args[name]  # R keras3 forwards only what the call names
    if engine == "numpy":
        if spec.core_function is None:
            raise core_lacks(spec.r_name, values[0] if engine_of(values[0]) else None)
        return spec.core_function(**args)
    return spec.keras_function()(**args)


def _make(spec: OpSpec):
    namespace = {"call_op": call_op, "spec": spec}
    params = ", ".join(
        name if i < len(spec.names) - len(spec.defaults)
        else f"{name}=_d[{i - (len(spec.names) - len(spec.defaults))}]"
        for i, name in enumerate(spec.names)
    )
    namespace["_d"] = spec.defaults
    exec(
        f"def {spec.r_name}({params}):\n    return call_op(spec, ({', '.join(spec.names)},))\n",
        namespace,
    )
    function = namespace[spec.r_name]
    function.__module__ = __name__
    function.__doc__ = spec.core_function.__doc__ if spec.core_function else None
    return function


FUNCTIONS = {row[0]: _make(OpSpec(*row)) for row in OPS}
globals().update(FUNCTIONS)

__all__ = [*sorted(FUNCTIONS), "NA"]
