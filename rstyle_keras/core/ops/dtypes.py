"""Keras 3's dtype rules in NumPy terms: type promotion and the dtypes of each op family.

`result_type()` is Keras's `keras.backend.result_type()`: the least upper bound of the
dtypes on Keras's (JAX's) type-promotion lattice, where Python numbers are *weak*: a
Python int or float takes the dtype of the tensor it meets (`int8 tensor + 1` is int8,
`float16 tensor + 1.5` is float16), and on their own they are int32 and floatx (float32).

64-bit dtypes are capped to 32 bits, as Keras's `result_type()` does on every backend but
TensorFlow and as JAX (x64 disabled) does on input: an int64 or float64 array (also an R
double vector, which arrives as a float64 array) enters an op as int32 or float32, so
results equal Keras on JAX. Only a 64-bit `dtype` asked for by name (`op_cast(x,
"float64")`, `op_zeros(shape, "int64")`) gives a 64-bit Tensor, where JAX truncates it.

Examples:
    >>> result_type("int8", "uint8")
    'int16'
    >>> result_type("int32", "float16")
    'float16'
    >>> result_type("int8", int), result_type("float16", float), result_type(int, float)
    ('int8', 'float16', 'float32')
    >>> result_type("bool", int), result_type("int64", "float32"), result_type("int64")
    ('int32', 'float32', 'int32')
    >>> dtype_of(op_array([1, 2])), dtype_of(2.5), dtype_of(True)
    (('int32', False), ('float32', True), ('bool', False))
"""

from __future__ import annotations

import functools

import numpy as np

from ..config import config_floatx
from ..tensor import Tensor

BOOL, INTS = "bool", ("uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64")
FLOATS = ("float16", "float32", "float64")  # NumPy has no bfloat16
COMPLEX = ("complex64", "complex128")
ALLOWED = (BOOL, *INTS, *FLOATS, *COMPLEX)
CAP = {"int64": "int32", "uint64": "uint32", "float64": "float32", "complex128": "complex64"}

# Each node's immediate successors ("i*" and "f*" are the weak Python int and float).
_LATTICE = {
    "bool": ("i*",),
    "uint8": ("int16", "uint16"), "uint16": ("int32", "uint32"), "uint32": ("int64", "uint64"),
    "uint64": ("f*",),
    "i*": ("uint8", "int8", "complex64"),
    "int8": ("int16",), "int16": ("int32",), "int32": ("int64",), "int64": ("f*",),
    "f*": ("float16",),
    "float16": ("float32",), "float32": ("float64", "complex64"), "float64": ("complex128",),
    "complex64": ("complex128",), "complex128": (),
}


def _upper_bounds() -> dict[str, frozenset]:
    bounds = {}

    def above(node):
        if node not in bounds:
            found = {node}
            for nxt in _LATTICE[node]:
                found |= above(nxt)
            bounds[node] = frozenset(found)
        return bounds[node]

    for node in _LATTICE:
        above(node)
    return bounds


_UPPER = _upper_bounds()


@functools.lru_cache(maxsize=1024)
def _least_upper_bound(nodes: frozenset) -> str:
    common = frozenset.intersection(*(_UPPER[n] for n in nodes))
    least = (common & nodes) or {c for c in common if common <= _UPPER[c]}
    if len(least) != 1:
        raise TypeError(f"dtypes {sorted(nodes)} have no common dtype to promote to.")
    return next(iter(least))


def standardize_dtype(dtype) -> str:
    """A dtype's name ("float32", ...) from a name, a NumPy dtype or type, or a Python type
    (int -> "int32", float -> floatx, bool -> "bool", as Keras on JAX)."""
    if dtype is None:
        return config_floatx()
    if dtype is int:
        return "int32"
    if dtype is float:
        return config_floatx()
    if dtype is bool:
        return "bool"
    name = dtype if isinstance(dtype, str) else getattr(dtype, "name", None)
    if name == "int":
        return "int32"
    if name is None or name not in ALLOWED:
        try:
            name = np.dtype(dtype).name
        except TypeError:
            name = None
    if name not in ALLOWED:
        raise TypeError(
            f"`dtype` must be one of {', '.join(ALLOWED)}; received dtype={dtype!r}."
        )
    return name


def _weak(name: str) -> str:
    if name == "bool":
        return name
    return "f*" if name in FLOATS else "i*" if name in INTS else "complex64"


@functools.lru_cache(maxsize=2048)
def _result_type(entries: tuple) -> str:
    found = _lattice_result_type(entries)
    return CAP.get(found, found)


def _lattice_result_type(entries: tuple) -> str:
    """The least upper bound on the lattice, before the 64-bit cap."""
    names = [standardize_dtype(d) for d, _ in entries]
    weak = [w for _, w in entries]
    if len(set(names)) == 1 and not all(weak):
        return names[0]
    if all(weak):
        node, out_weak = _least_upper_bound(frozenset(names)), True
    else:
        nodes = frozenset(_weak(n) if w else n for n, w in zip(names, weak))
        node = _least_upper_bound(nodes)
        out_weak = node in ("i*", "f*")
    if out_weak and node != "bool":  # a weak result takes floatx's width
        bits = config_floatx()[-2:]
        return {"i": f"int{bits}", "u": f"uint{bits}"}.get(node[0], f"float{bits}")
    return node


def result_type(*dtypes) -> str:
    """Keras's `result_type()`: the dtype that `dtypes` promote to together.

    Arguments:
        ...: dtypes (names, NumPy dtypes) or the Python types `int`, `float` (weak: they
            take the other dtypes' kind and width) and `bool`. None means floatx.

    Value: a dtype name. With no dtypes, floatx.

    Examples:
        >>> result_type("uint8", "int8"), result_type("float16", "int32")
        ('int16', 'float16')
    """
    if not dtypes:
        return config_floatx()
    entries = tuple(
        (d if isinstance(d, str) else standardize_dtype(d), d is int or d is float)
        for d in dtypes
    )
    return _result_type(entries)


def lattice_result_type(*dtypes) -> str:
    """`result_type()` without the 64-bit cap (Keras's lattice as on TensorFlow)."""
    return _lattice_result_type(tuple(
        (d if isinstance(d, str) else standardize_dtype(d), d is int or d is float)
        for d in dtypes))


def dtype_of(value) -> tuple[str, bool]:
    """(dtype name, weak?) of a value as Keras sees it: Python ints and floats are weak
    (int32, floatx); a Python bool, a list, a Tensor or array is strong; 64-bit arrays
    count as 32-bit ones."""
    if isinstance(value, (Tensor, np.ndarray, np.generic)):
        return CAP.get(value.dtype.name, value.dtype.name), False
    if isinstance(value, bool):
        return "bool", False
    if isinstance(value, int):
        return "int32", True
    if isinstance(value, float):
        return config_floatx(), True
    return convert(value).dtype.name, False


def promote(*values) -> str:
    """The dtype `values` (Tensors, arrays, Python data) promote to under Keras's rules."""
    found = tuple(dtype_of(v) for v in values)
    if len(found) == 1:
        name, weak = found[0]
        return _result_type(((name, weak),))
    return _result_type(found)


def convert(value, dtype=None) -> np.ndarray:
    """`value` as a NumPy array (no copy for arrays and Tensors of that dtype), as Keras on
    JAX takes it: Python floats become floatx and ints int32; 64-bit arrays 32-bit ones."""
    if isinstance(value, Tensor):
        value = value._value
    elif not isinstance(value, np.ndarray):
        if isinstance(value, (list, tuple)) and any(isinstance(v, Tensor) for v in value):
            value = [np.asarray(v) for v in value]
        value = np.asarray(list(value) if isinstance(value, range) else value)
        if dtype is None and value.dtype == np.float64 and config_floatx() != "float64":
            dtype = config_floatx()  # Python floats: floatx
    if dtype is None:
        dtype = CAP.get(value.dtype.name)
    if value.dtype.kind not in "biufc":
        raise TypeError(f"values must be numbers or bools; received dtype {value.dtype}.")
    if dtype is not None and value.dtype != dtype:
        return value.astype(dtype)
    return value


def float_dtype(dtype: str) -> str:
    """The dtype of a float-valued op (`sqrt`, `mean`, `divide`, ...) on `dtype`: ints and
    bools give floatx, floats keep theirs."""
    return dtype if dtype in FLOATS or dtype in COMPLEX else config_floatx()


def is_float(dtype: str) -> bool:
    return dtype in FLOATS
