"""R keras3's `op_*()` and `random_*()` functions, from their tables and one generic path.

The tables are `api_tables.OPS` (every `op_*()` R keras3 exports) and `api_tables.RANDOM`
(all of R keras3's `random_*()`), generated from R keras3's sources by
tools/gen_api_tables.py; every row is an `RFunction` (`rstyle_keras.r.functions`), with
R's signature and R's argument matching.

The first argument that belongs to an engine decides it (a Keras or backend tensor ->
`keras.ops` / `keras.random`, a core Tensor -> the core; a list of tensors by its first);
for plain Python or NumPy data (or a shape, as `op_zeros(c(2, 3))`), `config_engine()`
does. Under "keras" the arguments a call names go through R keras3's converters (1-based
`axis`, whole floats, `c()` shapes, integer seeds) to the Keras function; under "numpy" to
the core's function of the same name, or a `CoreLacksError` where the core has none. Where
R's body is one call of a Keras op, R passes every argument, its R default included: so do
these (the row's forced arguments).

R's conventions on top of Keras's (the kinds below, in `OP_BUILDERS`):

- indices are 1-based: `op_argmax()`, `op_argmin()`, `op_argsort()`, `op_argpartition()`,
  `op_searchsorted()`, `op_digitize()`, `op_top_k()` (its indices) and `op_nonzero()`
  (a matrix, one row of 1-based coordinates per value) return 1-based indices unless
  `zero_indexed=True`; `op_take()`, `op_take_along_axis()` and `op_one_hot()` take
  1-based ones unless `zero_indexed=True`; `op_scatter()`, `op_scatter_update()`,
  `op_slice()`, `op_slice_update()`, `op_segment_*()`, `op_in_top_k()` (`targets`),
  `op_switch()`, `op_split()` (split points) and `op_ctc_*()` (`mask_index`) take 1-based
  ones (R's `as_py_index()`); `op_unravel_index()` takes and returns 1-based ones;
- `op_arange(start, end)` includes `end` (`include_end=TRUE`), and `op_arange(n)` is 1..n;
- `op_subset(x, ...)` is R's `[`: 1-based indices, inclusive ranges, negative indices
  from the end, `None` for a new axis, `...` (Ellipsis) for the axes not named, a slice
  `slice(start, end)` as R's `start:end` (inclusive; None for R's NA); `op_subset_set(x,
  ..., value=)` is R's replacement function `op_subset<-` (R's own alias
  `op_subset_set`): JAX arrays give a new array, NumPy arrays and core Tensors change in
  place, as in R;
- functions (`op_cond()`, `op_scan()`, `op_fori_loop()`, `op_while_loop()`, `op_map()`,
  ...) are Python callables; `op_fori_loop()`'s index runs from `lower` as given (R
  passes it unchanged too).

Several results (`op_eigh()`, `op_qr()`, `op_top_k()`, `op_unstack()`, ...) come as Keras
gives them (a tuple or a list), where R has a list.

Examples:
    >>> op_reshape(op_array(range(1, 7), "float32"), c(2, NA))
    Tensor(
    [[1. 2. 3.]
     [4. 5. 6.]], shape=(2, 3), dtype=float32)
    >>> old = config_engine()
    >>> config_set_engine("keras")
    >>> x = op_array(c(3.0, 1.0, 2.0))
    >>> op_argmax(x), op_argsort(x)
    (Array(1, dtype=int32), Array([2, 3, 1], dtype=int32))
    >>> op_sum(op_ones(c(2, 3)), axis = 2)
    Array([3., 3.], dtype=float32)
    >>> op_subset(op_arange(5) + 10, c(1, 3))
    Array([11, 13], dtype=int32)
    >>> op_take(x, c(3, 1))
    Array([2., 3.], dtype=float32)
    >>> op_sum(x, axis = 0)
    Traceback (most recent call last):
    ...
    ValueError: `axis` is 1-based, as in R: 1 is the first axis and -1 the last; received axis=0.
    >>> config_set_engine("numpy")
    >>> from rstyle_keras.r.ops import op_relu, op_zeros
    >>> op_zeros(c(1, 4))
    Tensor([[0. 0. 0. 0.]], shape=(1, 4), dtype=float32)
    >>> op_relu(c(-1, 2))
    Traceback (most recent call last):
    ...
    rstyle_keras.engine.CoreLacksError: op_relu() is not implemented by the NumPy core ...
    >>> config_set_engine(old)
"""

from __future__ import annotations

import copy
import numbers
from functools import cached_property

import numpy as np

from ..core.tensor import Tensor
from ..dispatch import engine_of, keras
from ..engine import core_lacks
from . import functions
from .api_converters import R_DATA, as_integer, as_integer_array, as_py_index
from .api_tables import OPS, RANDOM
from .functions import REGISTRY, FunctionSpec, RFunction, choose_engine, make_functions

NA = float("nan")  # R's NA in a shape

# R passes these arguments by position to Keras arguments of other names.
RENAMES = {
    "op_vectorize": {"func": "pyfunc"},
    "op_vectorized_map": {"f": "function"},
}

# Kinds whose R `...` takes unnamed values (tensors, indices, operands), in order.
POSITIONAL_DOTS = ("stack_dots", "dots_arrays", "switch", "einsum", "subset", "subset_set")


class OpSpec(FunctionSpec):
    """An op's row: R's `...` of the kinds in POSITIONAL_DOTS takes the unnamed arguments
    after R's named ones (as a list under "..."), and shows as `*args`."""

    OPTIONAL = {**FunctionSpec.OPTIONAL, "arange": ("end",)}  # op_arange(n) is 1..n

    def bind(self, args: tuple, kwargs: dict) -> tuple:
        if self.kind not in POSITIONAL_DOTS:
            return super().bind(args, kwargs)
        n = len(self.positional)
        given = dict(zip(self.positional, args[:n]))
        for name, value in kwargs.items():
            if name not in self.names or name in given:
                raise TypeError(
                    f"{self.r_name}() has no argument `{name}` (its `...` takes unnamed "
                    f"values only); its arguments are {', '.join(self.defaults_source)}.")
            given[name] = value
        given["..."] = list(args[n:])
        return (given,)

    def arguments(self, given: dict) -> dict:
        given = {k: v for k, v in given.items() if k != "..."}
        return super().arguments(given)

    @cached_property
    def signature(self):
        """R's signature; R's `...` of unnamed values as `*args`."""
        import inspect

        sig = super().signature
        if self.kind not in POSITIONAL_DOTS:
            return sig
        P = inspect.Parameter
        params = [p for p in sig.parameters.values() if p.kind is not P.VAR_KEYWORD]
        params.insert(len(self.positional), P("args", P.VAR_POSITIONAL))
        return sig.replace(parameters=params)

    def argument_lines(self) -> list[str]:
        lines = super().argument_lines()
        if self.kind in POSITIONAL_DOTS:
            lines[-1] = "    *args: R's `...`: unnamed values, in order."
        return lines

    def doc(self) -> str:
        if self.target is not None:
            return super().doc()
        return "\n".join([
            f"R keras3's `{self.r_name}()`.", "", "Arguments (R's names and order):",
            *self.argument_lines(), "", f"Value: {functions.VALUES[self.kind]}", "",
            SUBSET_RULES])

    @cached_property
    def zero_indexed(self) -> OpSpec:
        """This spec with `zero_indexed=True`: integers for the 1-based arguments, as they
        are (R: `if (zero_indexed) as_integer_array else as_py_index`)."""
        spec = copy.copy(self)
        spec.converters = {name: as_integer_array if conv is as_py_index else conv
                           for name, conv in self.converters.items()}
        return spec


# -- the kinds of R bodies beyond one Keras call -------------------------------------------
def run(spec: FunctionSpec, given: dict, *args, **kwargs):
    """The Keras op (or, under "numpy", the core's function) of these arguments."""
    engine, decider = choose_engine(given)
    if engine == "numpy":
        if spec.core_function is None:
            raise core_lacks(spec.r_name, decider)
        return spec.core_function(*args, **kwargs)
    return spec.keras_target()(*args, **kwargs)


def _is_integer_dtype(dtype) -> bool:
    return dtype is not None and "int" in str(getattr(dtype, "name", dtype))


def build_arange(spec, given: dict):
    """R: `op_arange(n)` is 1..n; `include_end` adds `step` to `end`; for an integer
    dtype, whole doubles become integers."""
    spec.arguments(given)  # R's required arguments
    start, step = given["start"], given.get("step", 1)
    if "end" in given and given["end"] is not None:
        end = given["end"]
    else:
        end, start = start, 1.0 if isinstance(start, float) else 1
    dtype = given.get("dtype")
    if _is_integer_dtype(dtype):
        start, end = as_integer(start, "start"), as_integer(end, "end")
    if given.get("include_end", True):
        end = end + step
    return run(spec, given, start=start, stop=end, step=step, dtype=dtype)


def build_nonzero(spec, given: dict):
    """R: a matrix of 1-based coordinates, one row per nonzero value."""
    found = run(spec, given, **spec.arguments(given))
    if choose_engine(given)[0] == "numpy":
        return Tensor(np.stack([np.asarray(i) + 1 for i in found], axis=-1))
    return keras().ops.stack([i + 1 for i in found], axis=-1)


def build_top_k(spec, given: dict):
    """R: the indices (the second result) are 1-based unless `zero_indexed=TRUE`."""
    zero_indexed = given.pop("zero_indexed", False)
    values, indices = run(spec, given, **spec.arguments(given))
    return values, indices if zero_indexed else indices + 1


def build_one_based_input(spec, given: dict):
    """R: the index arguments are 1-based (as_py_index) unless `zero_indexed=TRUE`."""
    zero_indexed = given.pop("zero_indexed", False)
    return functions.build_function(spec.zero_indexed if zero_indexed else spec, given)


def _atomic_to_array(value):
    if isinstance(value, R_DATA) and not isinstance(value, list):
        return np.asarray(value)
    return value


def build_stack_dots(spec, given: dict):
    """R: `xs` (an R list, or one tensor) and the unnamed `...` together, R vectors as
    arrays."""
    spec.arguments(given)
    xs = given["xs"]
    xs = [*(xs if isinstance(xs, list) else [xs]), *given["..."]]
    return run(spec, given, xs=[_atomic_to_array(x) for x in xs])


def build_dots_arrays(spec, given: dict):
    """R (`op_meshgrid()`): each of `...` as an array, R's whole doubles as int64."""
    arrays = []
    for x in given["..."]:
        x = _atomic_to_array(x)
        if isinstance(x, np.ndarray) and x.dtype.kind == "f" and np.all(x == np.round(x)):
            x = x.astype("int64")
        arrays.append(x)
    return run(spec, given, *arrays, **spec.arguments(given))


def build_rearrange(spec, given: dict):
    """R: the axis lengths given by name in `...` through as_integer."""
    args = spec.arguments(given)
    for name in list(args):
        if name not in spec.names:
            args[name] = as_integer(args[name], name)
    return run(spec, given, **args)


def build_switch(spec, given: dict):
    """R: `index` is 1-based (as_py_index); `...` (unnamed) are the branches' operands."""
    args = spec.arguments(given)
    return run(spec, given, args["index"], args["branches"], *given["..."])


def build_einsum(spec, given: dict):
    """R: `ops$einsum(subscripts, ...)`, the operands unnamed."""
    args = spec.arguments(given)
    return run(spec, given, args["subscripts"], *given["..."])


SUBSET_RULES = """\
The index of each axis, as in R keras3's `[` (missing axes at the end are all taken):
    a number            1-based (1 is the first, -1 the last; 0 is an error)
    c(1, 3), range      1-based items (an increasing run such as c(1, 2, 3) is a slice)
    c(True, False, ...) the items where True
    slice(a, b, step)   R's `a:b`: 1-based, `b` included; None for R's NA (an open end)
    slice(None)         the whole axis (R's empty index, as in x[, 2])
    None                a new axis of size 1 (R's NULL or newaxis)
    ... (Ellipsis)      all the axes not named (R's `..`)
    a 1-d tensor        1-based indices, or a boolean mask
Vectors on several axes select their outer product (as R's `[`). One argument may also
be a boolean mask of `x`'s shape, or a matrix of 1-based coordinates (one row per value,
one column per axis of `x`).

Examples:
    >>> x = np.array([[1, 2, 3], [4, 5, 6]])
    >>> op_convert_to_numpy(op_subset(x, 2))
    array([4, 5, 6])
    >>> op_convert_to_numpy(op_subset(x, slice(None), c(1, 3)))
    array([[1, 3],
           [4, 6]])
    >>> op_convert_to_numpy(op_subset_set(x, 1, -1, value=0))
    array([[1, 2, 0],
           [4, 5, 6]])"""


# -- op_subset(): R's `[` ---------------------------------------------------------------------
def _is_tensor(value) -> bool:
    return engine_of(value) is not None and hasattr(value, "ndim") and hasattr(value, "dtype")


def _whole_index(value, axis: int) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real) or \
            value != int(value):
        raise TypeError(
            f"op_subset(): index {axis + 1} must be a whole number (1-based); received "
            f"{value!r}.")
    value = int(value)
    if value == 0:
        raise ValueError(
            f"op_subset(): index {axis + 1} is 0, but indexing is 1-based, as in R: 1 is the "
            f"first and -1 the last.")
    return value - 1 if value > 0 else value


def _progression(items: list) -> slice | None:
    """R's `try_into_slice()`: an increasing run of indices with a constant step, all of
    one sign, as a slice (1-based, inclusive), else None."""
    if len(items) < 2 or not all(isinstance(i, numbers.Integral) for i in items):
        return None
    start, end, step = items[0], items[-1], items[1] - items[0]
    if step <= 0 or (start > 0) != (end > 0) or 0 in (start, end):
        return None  # R also makes decreasing runs slices, which then lose items
    if items != list(range(start, end + 1, step)):
        return None
    return slice(start, end, step)


def _slice_index(key: slice, axis: int, shape: tuple) -> slice:
    """An R-style slice (1-based start, inclusive end) as Python's."""
    step = 1 if key.step is None else int(key.step)
    start = None if key.start is None else _whole_index(key.start, axis)
    start = None if start == 0 else start
    end = key.stop
    if isinstance(end, numbers.Real) and not isinstance(end, bool):
        end = int(end)
        if axis < len(shape) and end == shape[axis]:
            end = None
        elif end < 0:
            end = None if end + step >= 0 else end + step
    return slice(start, end, None if step == 1 else step)


def _axis_index(key, axis: int, shape: tuple, advanced: list):
    if key is None or key is Ellipsis:
        return key  # a new axis; all the axes not named
    if isinstance(key, slice):
        return _slice_index(key, axis, shape)
    if isinstance(key, np.ndarray) and key.ndim == 0:
        key = key.item()
    if isinstance(key, (bool, np.bool_)):
        key = (key,)
    if isinstance(key, numbers.Real):
        return _whole_index(key, axis)
    if _is_tensor(key) and not isinstance(key, np.ndarray):
        if key.ndim == 0:
            return as_py_index(key, "index")
        if key.ndim != 1:
            raise ValueError(f"op_subset(): index {axis + 1} must be a 1-d tensor.")
        advanced.append(axis)
        if "bool" in str(key.dtype):
            return keras().ops.nonzero(key)[0] if engine_of(key) == "keras" \
                else np.nonzero(np.asarray(key))[0]
        return as_py_index(key, "index")
    items = np.asarray(key).ravel().tolist() if isinstance(key, np.ndarray) else list(key)
    if not items:
        raise ValueError(f"op_subset(): index {axis + 1} is empty.")
    if all(isinstance(i, (bool, np.bool_)) for i in items):
        advanced.append(axis)
        return np.flatnonzero(items)
    if len(items) == 1:
        return _whole_index(items[0], axis)
    items = [int(i) if isinstance(i, numbers.Real) and i == int(i) else i for i in items]
    run_ = _progression(items)
    if run_ is not None:
        return _slice_index(run_, axis, shape)
    advanced.append(axis)
    return np.asarray([_whole_index(i, axis) for i in items])


def subset_key(x, index: list) -> tuple:
    """R keras3's `[`-like index of `x` as a Python (NumPy) key."""
    shape = tuple(x.shape)
    if len(index) == 1:
        arg = index[0]
        if isinstance(arg, (list, tuple, np.ndarray)) or _is_tensor(arg):
            dtype = str(getattr(arg, "dtype", np.asarray(arg).dtype if not _is_tensor(arg)
                                else ""))
            ndim = getattr(arg, "ndim", None)
            if ndim is None:
                ndim = np.asarray(arg).ndim
            if "bool" in dtype and ndim > 1:
                return np.asarray(arg) if not _is_tensor(arg) else arg  # a mask of x's shape
            if ndim == 2 and tuple(getattr(arg, "shape", np.shape(arg)))[1] == len(shape):
                coords = as_py_index(arg if _is_tensor(arg) else np.asarray(arg), "index")
                # a matrix of coordinates: one row per value, one column per axis
                return tuple(coords[:, j] for j in range(len(shape)))
    advanced: list = []
    key = [_axis_index(k, axis, shape, advanced) for axis, k in enumerate(index)]
    if len(advanced) > 1:  # R: several vectors select their outer product (as np.ix_)
        for k, axis in enumerate(advanced):
            dims = [1] * len(advanced)
            dims[k] = -1
            key[axis] = keras().ops.reshape(key[axis], dims) if _is_tensor(key[axis]) and \
                engine_of(key[axis]) == "keras" else np.reshape(np.asarray(key[axis]), dims)
    return tuple(key)


def _subset_target(spec, given: dict):
    x = given.get("x")
    if x is None and "x" not in given:
        raise TypeError(f"{spec.r_name}(): argument `x` is missing, with no default.")
    if isinstance(x, R_DATA):
        engine, _ = choose_engine({})
        x = Tensor(np.asarray(x)) if engine == "numpy" else \
            keras().ops.convert_to_tensor(np.asarray(x))
    return x


def build_subset(spec, given: dict):
    x = _subset_target(spec, given)
    return x[subset_key(x, given["..."])]


def build_subset_set(spec, given: dict):
    if "value" not in given:
        raise TypeError(f"{spec.r_name}(): argument `value` is missing, with no default.")
    x = _subset_target(spec, given)
    key = subset_key(x, given["..."])
    value = given["value"]
    if isinstance(value, R_DATA) and not isinstance(value, (str, bool)):
        value = np.asarray(value)
        if _is_integer_dtype(x.dtype) and value.dtype.kind == "f":
            value = value.astype(str(getattr(x.dtype, "name", x.dtype)))
    if hasattr(x, "at"):  # JAX: a new array
        return x.at[key].set(value)
    np.asarray(x)[key] = value  # NumPy arrays and core Tensors: in place, as in R
    return x


OP_BUILDERS = {
    "arange": build_arange, "nonzero": build_nonzero, "top_k": build_top_k,
    "one_based_input": build_one_based_input,
    "stack_dots": build_stack_dots,
    "dots_arrays": build_dots_arrays, "rearrange": build_rearrange, "switch": build_switch,
    "einsum": build_einsum,
    "subset": build_subset, "subset_set": build_subset_set,
}
functions.VALUES.update({
    "arange": ("`keras.{target}(start, end + step, step)`: R's range includes `end`, and "
               "`op_arange(n)` is 1..n."),
    "nonzero": "a matrix of the 1-based coordinates of the nonzero values, one row each.",
    "top_k": ("`keras.{target}(...)`: the values and their indices, 1-based unless "
              "`zero_indexed=True`."),
    "one_based_input": ("`keras.{target}(...)`, the indices given 1-based unless "
                        "`zero_indexed=True`."),
    "stack_dots": "`keras.{target}(xs)` of `xs` and the tensors of `...`.",
    "dots_arrays": "`keras.{target}(*arrays)` of the arrays of `...`.",
    "rearrange": "`keras.{target}(tensor, pattern, **axes_lengths)`.",
    "switch": "`keras.{target}(index, branches, *operands)`, `index` 1-based.",
    "einsum": "`keras.{target}(subscripts, *operands)`.",
    "subset": "the elements of `x` selected as R's `[` selects them (1-based).",
    "subset_set": ("`x` with the elements selected as by op_subset() replaced by `value` (a "
                   "new array for JAX; NumPy arrays and core Tensors change in place)."),
})


# An op's RFunction whose spec is made from its row on first use: ~290 specs parsed at
# import would cost milliseconds that `import rstyle_keras` does not spend.
class OpFunction(RFunction):
    __doc__ = RFunction.__dict__["__doc__"]  # the property that gives R's help

    def __init__(self, row: tuple, module: str):
        self._row = row
        self.__name__ = self.__qualname__ = row[0]
        self.__module__ = module

    @cached_property
    def spec(self) -> OpSpec:
        spec = OpSpec(*self._row)
        spec.renames = RENAMES.get(spec.r_name, {})
        return spec

    @cached_property
    def _build(self):
        return OP_BUILDERS.get(self._row[2]) or functions.BUILDERS[self._row[2]]


def make_ops(rows, module: str) -> dict:
    """{R name: RFunction} of the op rows, on the generic path with OpSpec's `...`."""
    made = {}
    for row in rows:
        made[row[0]] = REGISTRY[row[0]] = OpFunction(row, module)
    return made


OP_FUNCTIONS = make_ops(OPS, __name__)
RANDOM_FUNCTIONS = make_functions(RANDOM, __name__)
FUNCTIONS = {**OP_FUNCTIONS, **RANDOM_FUNCTIONS}
globals().update(FUNCTIONS)

__all__ = [*sorted(FUNCTIONS), "NA"]
