"""R's operators and indexing, for Python translated from R (`rstyle_keras.translate`).

The translator turns R's syntax into Python's and leaves R's meaning to these helpers:

| R                      | Python                          |
|------------------------|---------------------------------|
| `c(1, 2) * 2`          | `c(1, 2) * 2` (an `RVector`)    |
| `a:b`                  | `r_colon(a, b)`                 |
| `x %in% table`         | `r_in(x, table)`                |
| `!x` (vectorised)      | `r_not(x)`                      |
| `x %*% y`              | `x @ y` (or `r_matmul(x, y)`)   |
| `x[[i]]`               | `r_get(x, i)`                   |
| `x[i, j]`, `x[, j]`    | `r_subset(x, i, j)`, `r_subset(x, MISSING, j)` |
| `x[[i]] <- v`          | `x = r_get_set(x, i, v)`        |
| `x[i] <- v`            | `x = r_subset_set(x, i, value=v)` |
| `list(a = 1, 2)`       | `rlist(2, a=1)` (an `RList`)    |
| `for (v in x)`         | `for v in r_iter(x)` (values of a named list, as R) |

Indices are R's: 1-based, negative ones drop elements, logical masks recycle, names
select by name, and R's copy-on-modify holds (the `_set` helpers return a new object).
On tensors `[` is R keras3's `op_subset()` (1-based, but negative indices count from the
end, missing trailing indices are implied); on NumPy arrays it is R's `[` on R arrays
(positions as R has them: `x[1, 2]` is NumPy's `x[0, 1]`; one index reads the array in
R's column-major order).

Python ints play R's integers and floats R's doubles (`print()`, `str()` and tensor dtypes
follow the type); every helper here and in `r.base` takes whole floats where R takes
integers. R's whole double literals, which translated code writes as Python ints for
readability (`c(1, 2)`, `units = 8`), are doubles again where the type shows: `c()` takes
a bare Python int as a double (`RInteger(5)`, R's `5L`, stays an integer), see
`rstyle_keras.translator` for the translator's side.

Examples:
    >>> from rstyle_keras.r.base import c
    >>> c(1, 2, 3) * 2 + c(10, 20, 30)
    c(12, 24, 36)
    >>> r_colon(1, 3) * 2, r_colon(3, 1), r_colon(1.5, 3)
    (c(2, 4, 6), c(3, 2, 1), c(1.5, 2.5))
    >>> r_subset(c(10, 20, 30), -1), r_subset(c(10, 20, 30), c(True, False))
    (c(20, 30), c(10, 30))
    >>> x = rlist(a=1, b="two")
    >>> x.a, r_get(x, 2), r_get(x, "b")
    (1.0, 'two', 'two')
"""

from __future__ import annotations

import math
import numbers
import operator
import sys
from collections.abc import Mapping

import numpy as np

from ..dispatch import on_keras
from . import functions
from .helpers import Shape
from .named_list import NamedList
from .number_format import format_element, format_numbers, is_na
from .ops import NA

__all__ = [
    "MISSING", "RInteger", "RList", "RVector", "r_colon", "r_get", "r_get_set", "r_in",
    "r_iter", "r_matmul", "r_not", "r_subset", "r_subset_set", "r_try", "rlist",
]


class _Missing:
    """R's empty index (`x[, 1]`): every position along that axis."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __reduce__(self):
        return (_Missing, ())


MISSING = _Missing()


class RInteger(int):
    """R's integer literal (`5L`) where the type shows: inside `c()`, whose bare Python
    ints are R's double literals (`c(1, 2)` is a double vector, `c(1L, 2L)` an integer one).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> c(RInteger(1), RInteger(2)), c(1, 2)
        (c(1, 2), c(1, 2))
        >>> [type(v).__name__ for v in (c(RInteger(1))[0], c(1)[0])]
        ['int', 'float']
    """

    def __repr__(self) -> str:
        return f"RInteger({int(self)})"


# --- R's element-wise arithmetic --------------------------------------------------------

def _is_scalar(x) -> bool:
    return isinstance(x, (numbers.Number, np.generic, str)) or x is None


def _is_tensor(x) -> bool:
    """A tensor of either engine (not a NumPy array): it has a shape and a dtype."""
    return (not isinstance(x, (np.ndarray, np.generic, tuple, list, Mapping))
            and hasattr(x, "shape") and hasattr(x, "dtype"))


def _py(x):
    """A NumPy scalar as the Python scalar R's vectors hold."""
    return x.item() if isinstance(x, np.generic) else x


def _nan(x) -> bool:
    return isinstance(x, float) and math.isnan(x)


def _numeric(x, op: str):
    if isinstance(x, str):
        raise TypeError(f"non-numeric argument to binary operator `{op}`: received {x!r}.")
    if x is None:
        return NA
    return x


def _divide(a, b):
    if b == 0:
        if a == 0 or _nan(a):
            return math.nan
        return math.copysign(math.inf, a) * (math.copysign(1.0, b) if isinstance(b, float)
                                              else 1.0)
    return a / b


def _mod(a, b):
    if b == 0:
        return math.nan
    return a % b  # Python's sign rule is R's: the result has the divisor's sign


def _intdiv(a, b):
    if b == 0:
        return _divide(a, b)
    return a // b


def _power(a, b):
    if a == 1 or b == 0:
        return 1 if isinstance(a, int) and isinstance(b, int) else 1.0
    if _nan(a) or _nan(b):
        return math.nan
    if isinstance(a, int) and isinstance(b, int) and b >= 0:
        return a**b
    a, b = float(a), float(b)
    if a == 0 and b < 0:
        return math.inf
    if a < 0 and not b.is_integer():
        return math.nan
    try:
        return a**b
    except OverflowError:
        return math.inf


_ARITHMETIC = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": _divide,
    "%%": _mod, "%/%": _intdiv, "^": _power,
}
_NUMPY_OPS = {
    "+": np.add, "-": np.subtract, "*": np.multiply, "/": np.true_divide, "%%": np.mod,
    "%/%": np.floor_divide, "^": np.power, "==": np.equal, "!=": np.not_equal,
    "<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal,
    "&": np.logical_and, "|": np.logical_or,
}


def _arith(op: str, a, b):
    a, b = _numeric(a, op), _numeric(b, op)
    if _nan(a) or _nan(b):
        if op == "^" and (a == 1 or b == 0):
            return _power(a, b)
        return NA if (a is NA or b is NA) else math.nan
    if isinstance(a, bool):
        a = int(a)
    if isinstance(b, bool):
        b = int(b)
    return _ARITHMETIC[op](a, b)


def _comparable(a, b):
    """R compares a number with a string as text (R's `as.character()` of the number)."""
    if isinstance(a, str) != isinstance(b, str):
        return (a if isinstance(a, str) else format_element(a),
                b if isinstance(b, str) else format_element(b))
    return a, b


_COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
            ">": operator.gt, ">=": operator.ge}


def _compare(op: str, a, b):
    if is_na(a) or is_na(b):
        return NA
    a, b = _comparable(a, b)
    return _COMPARE[op](a, b)


def _truth(x):
    """R's logical value of an element: NA stays NA, numbers are TRUE when not zero."""
    if is_na(x):
        return NA
    if isinstance(x, str):
        raise TypeError(f"operations are possible only for numeric, logical or complex "
                        f"types; received {x!r}.")
    return bool(x)


def _logical(op: str, a, b):
    a, b = _truth(a), _truth(b)
    if op == "&":
        if a is False or b is False:
            return False
        return NA if (a is NA or b is NA) else True
    if a is True or b is True:
        return True
    return NA if (a is NA or b is NA) else False


def _elements(x) -> list:
    """R's vector of `x` (a scalar is a vector of length 1)."""
    if isinstance(x, np.ndarray):
        return [_py(v) for v in x.ravel(order="F")]
    if isinstance(x, (tuple, list, range)):
        return [_py(v) for v in x]
    return [_py(x)]


def _recycle(a: list, b: list) -> tuple[list, list]:
    """R's recycling: the shorter vector repeats to the longer's length (a length-0 vector
    gives length 0; R's warning when lengths are not multiples is not given)."""
    if not a or not b:
        return [], []
    n = max(len(a), len(b))
    return ([a[i % len(a)] for i in range(n)], [b[i % len(b)] for i in range(n)])


def _with_array(op: str, vector, array: np.ndarray, reflected: bool):
    """An R vector with an R array: the vector recycles along the array's column-major
    order (R's rule: `matrix(1:6, 2) * c(1, 10)` multiplies the rows)."""
    values = np.asarray(list(vector)) if len(vector) else np.asarray([], dtype=float)
    if array.ndim == 0 or len(vector) == 1 or array.ndim == 1:
        if array.ndim == 1 and len(vector) not in (1, array.size):
            values = np.resize(values, array.size)
        left, right = (array, values) if reflected else (values, array)
        with np.errstate(all="ignore"):
            return _NUMPY_OPS[op](left, right)
    if len(vector) > array.size:
        raise ValueError(f"dims [product {array.size}] do not match the length of object "
                         f"[{len(vector)}]")
    flat = np.resize(values, array.size)
    column_major = array.ravel(order="F")
    left, right = (column_major, flat) if reflected else (flat, column_major)
    with np.errstate(all="ignore"):
        result = _NUMPY_OPS[op](left, right)
    return result.reshape(array.shape, order="F")


_DUNDERS = {
    "+": "add", "-": "sub", "*": "mul", "/": "truediv", "%%": "mod", "%/%": "floordiv",
    "^": "pow", "&": "and", "|": "or", "==": "eq", "!=": "ne", "<": "lt", "<=": "le",
    ">": "gt", ">=": "ge",
}
_MIRRORED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def _with_tensor(op: str, vector, tensor, reflected: bool):
    """An R vector with a tensor: the tensor's own operator, given the vector as a NumPy
    array (R keras3 converts R vectors to tensors the same way)."""
    array = np.asarray(tuple(vector))
    name = _DUNDERS[op]
    if op in _MIRRORED:  # vector < tensor is tensor > vector
        method = getattr(tensor, f"__{_DUNDERS[_MIRRORED[op]] if not reflected else name}__")
    else:
        method = getattr(tensor, f"__{name}__" if reflected else f"__r{name}__", None)
    result = method(array) if method is not None else NotImplemented
    return result


class RVector(tuple):
    """R's atomic vector: a tuple (so every rstyle_keras argument takes it as R's `c()`)
    with R's element-wise arithmetic, comparisons and logic.

    Operators recycle the shorter operand (`c(1, 2, 3, 4) + c(10, 20)`), `+` is addition
    and `*` multiplication (never tuple concatenation or repetition), `%` is R's `%%` (the
    sign of the divisor, as Python's), `//` R's `%/%`, `**` R's `^`, `/` always gives
    doubles, `1/0` is `Inf`, `0/0` NaN. Python ints play R's integers (`1:3 * 2L` stays
    integer) and floats R's doubles. NA (`rstyle_keras.NA`, a NaN) propagates;
    comparisons with NA are NA. `&`, `|` and `~` are R's `&`, `|` and `!` (NA-aware).
    With a NumPy array the vector recycles along the array's column-major order, as R's
    vectors do with R's arrays; with a tensor the tensor's own operator decides.

    In `if`, a length-1 vector is its element (NA raises R's "missing value where
    TRUE/FALSE needed"). `==` and `!=` between vectors keep Python's tuple truth (`==`:
    all elements equal; `!=`: any differs), so that `x in (...)` and equality checks in
    Python code keep working; other logical vectors of length > 1 raise R's "the
    condition has length > 1" in `if`. Comparing with None (R's NULL) is plain Python.

    `x[i]` (Python's indexing) stays 0-based: the translator emits it for literal
    positive `[[i]]`, and `x["a"]` (R's `x[["a"]]`) reads by name; R's `[` and `[[` are
    `r_subset()` and `r_get()`. Names (R's `c(a = 1)`) are kept in `names()`.

    Examples:
        >>> v = RVector([1, 2, 3, 4])
        >>> v + RVector([10, 20]), v * 2, v / 2, -v
        (c(11, 22, 13, 24), c(2, 4, 6, 8), c(0.5, 1, 1.5, 2), c(-1, -2, -3, -4))
        >>> RVector([-7, 7]) % 3, RVector([-7, 7]) // 3, RVector([2, 3]) ** 2
        (c(2, 1), c(-3, 2), c(4, 9))
        >>> v > 2, (v > 1) & (v < 4)
        (c(False, False, True, True), c(False, True, True, False))
        >>> RVector([1, NA]) + 1
        c(2, NA)
        >>> bool(RVector([3]) > 2), RVector([1, 2]) == RVector([1, 2])
        (True, c(True, True))
        >>> RVector([1, 0]) / 0
        c(inf, nan)
        >>> np.arange(6).reshape(2, 3) * RVector([1, 10])
        array([[ 0,  1,  2],
               [30, 40, 50]])
    """

    def __new__(cls, values=(), names=None, truth=None):
        self = super().__new__(cls, (_py(v) for v in values))
        if names is not None:
            names = tuple(str(n) for n in names)
            if len(names) != len(self):
                raise ValueError(f"names: {len(names)} names for a vector of length "
                                 f"{len(self)}.")
        self.__dict__["_names"] = names
        self.__dict__["_truth"] = truth
        return self

    def names(self):
        """R's `names()`: an RVector of strings, or None."""
        names = self.__dict__.get("_names")
        return None if names is None else RVector(names)

    __hash__ = tuple.__hash__

    def __repr__(self) -> str:
        def one(v):
            if v is NA:
                return "NA"
            if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
                return repr(int(v))  # R's deparse: c(1, 2) is R's doubles
            return repr(v)

        inner = ", ".join(one(v) for v in self)
        names = self.__dict__.get("_names")
        if names is not None:
            inner = ", ".join(f"{n}={one(v)}" for n, v in zip(names, self))
        return f"c({inner})"

    def __str__(self) -> str:
        return " ".join(format_numbers(self, pad=False)) if all(
            not isinstance(v, str) for v in self) else " ".join(map(str, self))

    def __bool__(self) -> bool:
        truth = self.__dict__.get("_truth")
        if len(self) == 1:
            value = self[0]
            if is_na(value):
                raise ValueError("missing value where TRUE/FALSE needed")
            return bool(value)
        if truth == "all":
            return all(v is True for v in self)
        if truth == "any":
            return any(v is not False for v in self)
        if truth == "error" and len(self) > 1:
            raise ValueError(f"the condition has length > 1 (a logical vector of length "
                             f"{len(self)}; use all() or any())")
        return len(self) > 0

    def __getitem__(self, key):
        if isinstance(key, str):  # the translator's x[["name"]]: by name
            names = self.__dict__.get("_names") or ()
            if key not in names:
                raise KeyError(f"subscript out of bounds: no element named {key!r}; the "
                               f"names are {list(names)}.")
            return tuple.__getitem__(self, names.index(key))
        item = tuple.__getitem__(self, key)
        if isinstance(key, slice):
            names = self.__dict__.get("_names")
            return RVector(item, None if names is None else names[key])
        return item

    def __reduce__(self):
        return (RVector, (tuple(self), self.__dict__.get("_names")))

    # operators ---------------------------------------------------------------------

    def _binary(self, other, op: str, reflected: bool = False, truth=None):
        if isinstance(other, np.ndarray):
            return _with_array(op, self, other, reflected)
        if _is_tensor(other):
            return _with_tensor(op, self, other, reflected)
        if not (_is_scalar(other) or isinstance(other, (tuple, list, range))):
            return NotImplemented
        a, b = _elements(self), _elements(other)
        if reflected:
            a, b = b, a
        a, b = _recycle(a, b)
        if op in _ARITHMETIC:
            out = [_arith(op, x, y) for x, y in zip(a, b)]
        elif op in _COMPARE:
            out = [_compare(op, x, y) for x, y in zip(a, b)]
        else:
            out = [_logical(op, x, y) for x, y in zip(a, b)]
        names = self.__dict__.get("_names")
        if names is not None and len(names) != len(out):
            names = None
        return RVector(out, names, truth)

    def __add__(self, other):
        return self._binary(other, "+")

    def __radd__(self, other):
        return self._binary(other, "+", True)

    def __sub__(self, other):
        return self._binary(other, "-")

    def __rsub__(self, other):
        return self._binary(other, "-", True)

    def __mul__(self, other):
        return self._binary(other, "*")

    def __rmul__(self, other):
        return self._binary(other, "*", True)

    def __truediv__(self, other):
        return self._binary(other, "/")

    def __rtruediv__(self, other):
        return self._binary(other, "/", True)

    def __mod__(self, other):
        return self._binary(other, "%%")

    def __rmod__(self, other):
        return self._binary(other, "%%", True)

    def __floordiv__(self, other):
        return self._binary(other, "%/%")

    def __rfloordiv__(self, other):
        return self._binary(other, "%/%", True)

    def __pow__(self, other):
        return self._binary(other, "^")

    def __rpow__(self, other):
        return self._binary(other, "^", True)

    def _compare_with(self, other, op: str, truth: str):
        if other is None:  # R's NULL: comparing gives logical(0); keep Python's answer
            return op == "!="
        if isinstance(other, Mapping):
            return NotImplemented
        return self._binary(other, op, truth=truth)

    def __eq__(self, other):
        return self._compare_with(other, "==", "all")

    def __ne__(self, other):
        return self._compare_with(other, "!=", "any")

    def __lt__(self, other):
        return self._compare_with(other, "<", "error")

    def __le__(self, other):
        return self._compare_with(other, "<=", "error")

    def __gt__(self, other):
        return self._compare_with(other, ">", "error")

    def __ge__(self, other):
        return self._compare_with(other, ">=", "error")

    def __and__(self, other):
        return self._binary(other, "&", truth="error")

    def __rand__(self, other):
        return self._binary(other, "&", True, truth="error")

    def __or__(self, other):
        return self._binary(other, "|", truth="error")

    def __ror__(self, other):
        return self._binary(other, "|", True, truth="error")

    def __invert__(self):
        return r_not(self)

    def __neg__(self):
        return RVector([NA if is_na(v) else -_numeric(v, "-") for v in self],
                       self.__dict__.get("_names"))

    def __pos__(self):
        return self

    def __abs__(self):
        return RVector([v if is_na(v) else abs(v) for v in self], self.__dict__.get("_names"))

    def __matmul__(self, other):
        return r_matmul(self, other)

    def __rmatmul__(self, other):
        return r_matmul(other, self)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        """NumPy's functions see R's vector as a 1-d array; a binary operator with an array
        recycles in R's column-major order; a 1-d result of vectors is a vector again."""
        if ufunc is np.matmul and method == "__call__" and len(inputs) == 2:
            return r_matmul(*inputs)
        reverse = {v: k for k, v in _NUMPY_OPS.items()}
        if (method == "__call__" and len(inputs) == 2 and not kwargs and ufunc in reverse
                and any(isinstance(i, np.ndarray) and i.ndim > 1 for i in inputs)):
            first, second = inputs
            if isinstance(first, RVector):
                return _with_array(reverse[ufunc], first, np.asarray(second), False)
            return _with_array(reverse[ufunc], second, np.asarray(first), True)
        if any(_is_tensor(i) for i in inputs):
            return NotImplemented
        arrays = [np.asarray(tuple(i)) if isinstance(i, RVector) else i for i in inputs]
        result = getattr(ufunc, method)(*arrays, **kwargs)
        if (isinstance(result, np.ndarray) and result.ndim == 1
                and not any(isinstance(i, np.ndarray) for i in inputs)):
            return RVector(result.tolist())
        return result


def _as_matrix(x):
    return np.asarray(tuple(x)) if isinstance(x, (RVector, list)) else x


def r_matmul(x, y):
    """R's `x %*% y`: the matrix product, where a vector becomes the row or column matrix
    that makes the two conformable (R's rule), so two vectors give their inner product as
    a 1 x 1 matrix (a 2-d NumPy array, printed by `print()` as R prints it). Tensors use
    their own `@` (R keras3's `%*%` on tensors is `op_matmul()`).

    Examples:
        >>> from rstyle_keras.r.base import c, matrix
        >>> r_matmul(c(1, 2, 3), c(4, 5, 6))
        array([[32.]])
        >>> r_matmul(matrix(r_colon(1, 4), 2), c(1, 1))
        array([[4.],
               [6.]])
        >>> r_matmul(c(1, 1), matrix(r_colon(1, 4), 2))
        array([[3., 7.]])
    """
    if _is_tensor(x) or _is_tensor(y):
        return _as_matrix(x) @ _as_matrix(y) if isinstance(x, RVector) else x @ _as_matrix(y)
    a, b = np.asarray(_as_matrix(x)), np.asarray(_as_matrix(y))
    if a.ndim == 1 and b.ndim == 1:
        if len(a) == len(b):
            return (a @ b).reshape(1, 1)
        return np.outer(a, b) if len(b) == 1 or len(a) == 1 else a.reshape(-1, 1) @ b[None]
    if a.ndim == 1:
        a = a.reshape(1, -1) if a.shape[0] == b.shape[0] else a.reshape(-1, 1)
    if b.ndim == 1:
        b = b.reshape(-1, 1) if b.shape[0] == a.shape[1] else b.reshape(1, -1)
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"%*%: non-conformable arguments: {a.shape} and {b.shape}.")
    return a @ b


# --- sequences, membership, negation ---------------------------------------------------

def _scalar(x, what: str):
    """The first element of an R value (R uses the first element of a longer vector)."""
    if isinstance(x, (tuple, list, np.ndarray)) and not isinstance(x, str):
        values = _elements(x)
        if not values:
            raise ValueError(f"{what}: argument of length 0")
        x = values[0]
    if _is_tensor(x):
        x = np.asarray(x).item()
    return _py(x)


class _ColonVector(RVector):
    """The RVector of `a:b`, remembered as such: R keras3's `[` on tensors reads `a:b` as a
    slice (so `x[, 2:2]` keeps its axis while `x[, 2]` drops it). Anywhere else it is an
    RVector (operators give plain RVectors)."""


def r_colon(start, end) -> RVector:
    """R's `start:end`: the sequence from `start` in steps of 1 (or -1) up to `end`.

    Integers when `start` is whole (R gives an integer vector then), doubles otherwise;
    descending when `start > end` (`1:0` is `c(1, 0)`, as in R).

    Examples:
        >>> r_colon(1, 5), r_colon(2, -1), r_colon(1, 0), r_colon(0.5, 2.9)
        (c(1, 2, 3, 4, 5), c(2, 1, 0, -1), c(1, 0), c(0.5, 1.5, 2.5))
        >>> r_colon(1.0, 3)
        c(1, 2, 3)
    """
    a, b = _scalar(start, "a:b"), _scalar(end, "a:b")
    if is_na(a) or is_na(b):
        raise ValueError("NA/NaN argument to `:`.")
    n = math.floor(abs(b - a) + 1e-10)
    step = 1 if b >= a else -1
    if float(a).is_integer() and abs(a) < 2**31:
        a = int(a)
    return _ColonVector([a + step * i for i in range(n + 1)])


def _match_key(x, strings: bool):
    if is_na(x):
        return ("NA",)
    if strings:
        return format_element(x)
    return x


def r_in(x, table) -> RVector:
    """R's `x %in% table`: for each element of `x`, whether it is in `table` (NA matches
    NA; numbers match strings as R's text of them).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> r_in(c(1, 5), c(1, 2, 3)), r_in("b", c("a", "b"))
        (c(True, False), c(True))
        >>> bool(r_in(2, r_colon(1, 3)))
        True
    """
    xs, ts = _vector_items(x), _vector_items(table)
    strings = any(isinstance(v, str) for v in xs + ts)
    keys = {_match_key(t, strings) for t in ts}
    return RVector([_match_key(v, strings) in keys for v in xs])


def _vector_items(x) -> list:
    if x is None:
        return []
    if isinstance(x, Mapping):
        return list(x.values())
    if _is_tensor(x):
        return _elements(np.asarray(x))
    return _elements(x)


def r_not(x):
    """R's vectorised `!x`: an RVector, NumPy array or tensor of negated logicals (NA
    stays NA); a single value gives a Python bool.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> r_not(c(True, False, NA)), r_not(0), r_not(np.array([1, 0]))
        (c(False, True, NA), True, array([False,  True]))
    """
    if isinstance(x, RVector):
        return RVector([NA if is_na(v) else not _truth(v) for v in x], x.__dict__["_names"],
                       "error")
    if isinstance(x, (tuple, list)):
        return r_not(RVector(x))
    if isinstance(x, np.ndarray):
        return np.logical_not(x)
    if _is_tensor(x):
        from .ops import op_logical_not  # noqa: PLC0415

        return op_logical_not(x)
    if is_na(x):
        return NA
    return not _truth(_py(x))


# --- R's lists --------------------------------------------------------------------------

class RList(dict):
    """R's list with names (`list(a = 1, b = 2)`): a dict whose items are also attributes
    (`x$a` is `x.a`), read in order by position as well.

    Unnamed elements (`list(1, b = 2)`) are kept under their 0-based position as key and
    have the name "" in `names()`, as in R. `x[i]` with an int is positional (0-based,
    what the translator emits for a literal `x[[i + 1]]`), `x["a"]` is by name. It keeps
    the dict protocol (iterating gives the keys, as Python code expects of a dict): R's
    `for (v in x)` is `for v in r_iter(x)`, which walks the values. Keras's tree walks it
    as a dict (registered when Keras is first used).

    Examples:
        >>> x = rlist(1, b="two")
        >>> x.b, x[0], x[1], x.names()
        ('two', 1.0, 'two', c('', 'b'))
        >>> x
        rlist(1, b='two')
        >>> x.c = 3; x["c"]
        3
    """

    def __getattr__(self, name):
        try:
            return dict.__getitem__(self, name)
        except KeyError:
            raise AttributeError(f"this list has no element named {name!r}; its names are "
                                 f"{list(self.names())}.") from None

    def __setattr__(self, name, value):
        self[name] = value

    def __delattr__(self, name):
        del self[name]

    def __getitem__(self, key):
        if isinstance(key, (int, np.integer)) and not isinstance(key, bool):
            return list(self.values())[key]  # positional, named or not (0-based)
        return dict.__getitem__(self, key)

    def names(self) -> RVector:
        """R's `names()`: "" for unnamed elements."""
        return RVector(k if isinstance(k, str) else "" for k in self.keys())

    def __dir__(self):
        return [*super().__dir__(), *(k for k in self if isinstance(k, str))]

    def __repr__(self) -> str:
        def one(v):  # R's deparse: whole doubles as R writes them
            whole = isinstance(v, float) and v.is_integer() and abs(v) < 1e15
            return repr(int(v)) if whole else repr(v)

        parts = [one(v) if not isinstance(k, str) else
                 (f"{k}={one(v)}" if k.isidentifier() else f"**{{{k!r}: {one(v)}}}")
                 for k, v in self.items()]
        return f"rlist({', '.join(parts)})"

    def copy(self) -> RList:
        return RList(self)

    @classmethod
    def from_pairs(cls, pairs) -> RList:
        """A list from (name, value) pairs in R's order; a None name is unnamed (for R's
        `list(b = 1, 2)`, which Python's call syntax cannot order)."""
        out = cls()
        for name, value in pairs:
            dict.__setitem__(out, len(out) if name is None else str(name), value)
        return out


def _sorted_keys(keys: list) -> list:
    try:
        return sorted(keys)  # Keras's tree walks a dict in sorted key order
    except TypeError:  # names and positions together: keep R's order
        return keys


def _flatten_rlist(x: RList):
    keys = list(x.keys())
    order = _sorted_keys(keys)
    return [dict.__getitem__(x, k) for k in order], (tuple(order), tuple(keys)), order


def _unflatten_rlist(metadata, children) -> dict:
    """A plain dict: Keras compares structures by type (a model's outputs with its loss
    dict), and what Keras builds from an R list is Keras's own dict."""
    order, keys = metadata
    by_key = dict(zip(order, children))
    return {k: by_key[k] for k in keys}


@on_keras
def _register_rlist(keras) -> None:
    """Keras's tree (optree, namespace "keras") walks an RList as the dict it is, so
    `keras_model(outputs = list(a = ..., b = ...))` and the like get their structure."""
    import optree  # noqa: PLC0415  (Keras's own dependency, present once Keras is)

    try:
        optree.register_pytree_node(RList, _flatten_rlist, _unflatten_rlist,
                                    namespace="keras")
    except ValueError:  # registered already (Keras loaded again in one process)
        pass
    jax = sys.modules.get("jax")  # the JAX backend's jit walks outputs with JAX's own tree
    if jax is not None:
        try:
            # what JAX rebuilds (op_map()'s results, what op_vectorized_map() passes to
            # its function) stays an RList, as R keras3 gives named lists: `ys$y1` works
            jax.tree_util.register_pytree_node(
                RList, lambda x: _flatten_rlist(x)[:2],
                lambda metadata, children: RList(_unflatten_rlist(metadata, children)))
        except ValueError:
            pass


def _r_list_to_py(x: RList):
    """An R list without names is a Python list to Keras, as reticulate makes it
    (`outputs <- list(); outputs[[t]] <- y; op_stack(outputs)`); with names, a dict."""
    return [*x.values()] if not any(x.names()) else x


functions.R_TO_PY[RList] = _r_list_to_py


def rlist(*unnamed, **named) -> RList:
    """R's `list(...)` with names: an `RList` (unnamed values first, then the named ones;
    `RList.from_pairs()` keeps any other order).

    Examples:
        >>> rlist(a=1, b=2)
        rlist(a=1, b=2)
        >>> rlist(3, **{"my name": 4}).names()
        c('', 'my name')
    """
    # a bare Python int is R's double literal as translated code writes it (`list(a = 1)`)
    return RList.from_pairs([*((None, _double(v)) for v in unnamed),
                             *((k, _double(v)) for k, v in named.items())])


def _double(v):
    return float(v) if type(v) is int else v


def r_iter(x):
    """What R's `for (v in x)` walks over, for any `x`: nothing for NULL, a number once,
    the values of a named list (an RList or dict, whose own iteration gives keys), the
    elements of a vector or list, all the elements of an array in R's column-major order.

    Examples:
        >>> list(r_iter(rlist(a=1, b=2))), list(r_iter(r_colon(1, 3)))
        ([1.0, 2.0], [1, 2, 3])
    """
    if x is None:
        return iter(())
    if isinstance(x, Mapping):
        return iter(list(x.values()))
    if _is_scalar(x):
        return iter((x,))
    if isinstance(x, np.ndarray) and x.ndim > 1:  # R's for() walks the column-major values
        return iter(_elements(x))
    return iter(x)


def r_try(expr, silent=False):
    """R's `try(expr, silent = FALSE)`, the expression given as a function of no arguments
    (the translator writes `try(f(x))` as `r_try(lambda: f(x))`): its value, or, when it
    raises, R's "Error : message" on stderr (unless `silent`) and None (R's invisible
    "try-error").

    Examples:
        >>> r_try(lambda: 1 + 1)
        2
        >>> r_try(lambda: int("x"), silent=True) is None
        True
    """
    try:
        return expr()
    except Exception as error:  # noqa: BLE001  (R's try() catches every error)
        if not silent:
            text = str(error) or type(error).__name__
            sys.stderr.write(f"Error : {text}\n")
        return None


# --- R's indexing -----------------------------------------------------------------------

def _whole(value, what: str) -> int:
    value = _py(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{what}: an index must be a number or a name; received "
                        f"{type(value).__name__} {value!r}.")
    if is_na(value):
        raise ValueError(f"{what}: NA index.")
    return int(value)  # R truncates a double index toward zero


def _names_of(x):
    if isinstance(x, RVector):
        names = x.__dict__.get("_names")
        return list(names) if names is not None else None
    if isinstance(x, NamedList):
        return list(x.names())
    if isinstance(x, Mapping):
        return [k if isinstance(k, str) else "" for k in x.keys()]
    return None


def _values_of(x) -> list:
    if isinstance(x, Mapping):
        return list(x.values())
    if isinstance(x, str) or _is_scalar(x):
        return [x]
    return list(x)


def _index_values(index) -> list:
    if isinstance(index, np.ndarray) or _is_tensor(index):
        return [_py(v) for v in np.asarray(index).ravel()]
    if isinstance(index, (tuple, list, range)):
        return [_py(v) for v in index]
    return [_py(index)]


def _positions(index, n: int, names, what: str = "[") -> list:
    """0-based positions (None: out of range, R's NA) of R's index `index` into a vector of
    length `n` with `names`."""
    if index is MISSING:
        return list(range(n))
    if index is None:
        return []
    values = _index_values(index)
    if not values:
        return []
    if all(isinstance(v, (bool, np.bool_)) or v is NA for v in values):
        length = max(n, len(values))
        out = []
        for i in range(length):
            flag = values[i % len(values)]
            if flag is NA:
                out.append(None)
            elif flag:
                out.append(i if i < n else None)
        return out
    if all(isinstance(v, str) for v in values):
        if names is None:
            return [None] * len(values)
        return [names.index(v) if v in names else None for v in values]
    ints = [_whole(v, what) for v in values]
    if any(i < 0 for i in ints):
        if any(i > 0 for i in ints):
            raise IndexError(f"{what}: can't mix positive and negative subscripts; received "
                             f"{ints}.")
        dropped = {-i - 1 for i in ints}
        return [i for i in range(n) if i not in dropped]
    return [i - 1 if i <= n else None for i in ints if i != 0]


def _get_position(x, i, n: int, names) -> int:
    """The 0-based position of R's `[[i]]` (one element)."""
    if isinstance(i, str):
        if names is None or i not in names:
            return -1
        return names.index(i)
    k = _whole(_scalar(i, "[["), "[[")
    if k < 0:
        if n == 2 and k in (-1, -2):
            return 1 if k == -1 else 0
        raise IndexError(f"[[: invalid negative subscript {k} (R allows it only to drop one "
                         f"of two elements).")
    if k == 0 or k > n:
        raise IndexError(f"[[: subscript out of bounds: {k} for a length of {n}.")
    return k - 1


def r_get(x, i):
    """R's `x[[i]]`: one element, by 1-based position or by name.

    On lists (Python lists, tuples, `RList`, dicts, `NamedList`) and vectors it is the
    element; a name that is not there gives None (R's NULL) on lists and an error on
    vectors. On NumPy arrays, one index reads R's column-major order (R's `[[` on an
    array); on tensors it is the `i`-th slice along the first axis (1-based). On other
    objects a name is an attribute (reticulate's `[[` on Python objects).

    Examples:
        >>> from rstyle_keras.r.base import c, array
        >>> r_get(c(5, 6, 7), 2), r_get([1, "a"], 2), r_get(rlist(a=1, b=2), "b")
        (6.0, 'a', 2.0)
        >>> r_get(rlist(a=1), "zz") is None
        True
        >>> r_get(array(r_colon(1, 6), c(2, 3)), 3)
        3
        >>> r_get(c(1, 2), -1)
        2.0
    """
    if isinstance(i, (list, tuple, np.ndarray)) and not isinstance(i, str) and len(i) > 1:
        for step in _index_values(i):  # R's recursive indexing: x[[c(1, 2)]]
            x = r_get(x, step)
        return x
    if isinstance(i, str) and not isinstance(x, (Mapping, NamedList, RVector, list, tuple)):
        return getattr(x, i, None)  # reticulate: `obj[["name"]]` is the attribute
    if isinstance(x, np.ndarray):
        flat = x.ravel(order="F")
        return _py(flat[_get_position(x, i, flat.size, None)])
    if _is_tensor(x):
        k = _get_position(x, i, int(x.shape[0]), None)
        return x[k]
    if isinstance(x, (Mapping, NamedList, RVector, list, tuple, str, range)):
        names = _names_of(x)
        values = _values_of(x)
        position = _get_position(x, i, len(values), names)
        if position < 0:
            if isinstance(x, (Mapping, NamedList, list)):
                return None
            raise IndexError(f"[[: subscript out of bounds: no element named {i!r}.")
        return values[position]
    if isinstance(i, str):
        return getattr(x, i, None)
    return _values_of(x)[_get_position(x, i, len(x), None)]


def _take(values: list, positions: list, na=NA) -> list:
    return [na if p is None else values[p] for p in positions]


def _rebuild(x, values: list, names):
    """A vector or list like `x` with new values (and names)."""
    if isinstance(x, np.ndarray):
        return np.asarray(values, dtype=x.dtype if values else float)
    if isinstance(x, NamedList):
        return NamedList([(n or f"V{k + 1}", v) for k, (n, v) in enumerate(zip(names, values))])
    if isinstance(x, Mapping):
        return RList.from_pairs([(n if n else None, v) for n, v in zip(names, values)])
    if isinstance(x, list):
        if names is not None and any(names):  # a list that gains names is a named list
            return RList.from_pairs([(n or None, v) for n, v in zip(names, values)])
        return values
    if isinstance(x, Shape):
        return Shape(values)
    has_names = names is not None and any(names)
    return RVector(values, names if has_names else None)


def _array_subset(x: np.ndarray, indices: tuple, drop: bool):
    if all(index is MISSING for index in indices) and len(indices) in (1, x.ndim):
        return x  # R's x[] and x[, ]
    if len(indices) == 1:
        index = indices[0]
        if isinstance(index, np.ndarray) and index.dtype == bool and index.shape == x.shape:
            return x.ravel(order="F")[index.ravel(order="F")]
        if (isinstance(index, np.ndarray) and index.ndim == 2 and x.ndim > 1
                and index.shape[1] == x.ndim and index.dtype != bool):
            coordinates = tuple(index[:, k].astype(int) - 1 for k in range(x.ndim))
            return x[coordinates]
        flat = x.ravel(order="F")
        positions = _positions(index, flat.size, None)
        if any(p is None for p in positions):
            raise IndexError(f"[: subscript out of bounds for an array of {flat.size} "
                             f"elements.")
        return flat[positions]
    if len(indices) != x.ndim:
        raise IndexError(f"[: incorrect number of dimensions: {len(indices)} indices for an "
                         f"array of {x.ndim} dimensions (shape {x.shape}).")
    per_axis = []
    for axis, index in enumerate(indices):
        positions = _positions(index, x.shape[axis], None)
        if any(p is None for p in positions):
            raise IndexError(f"[: subscript out of bounds on axis {axis + 1} (size "
                             f"{x.shape[axis]}).")
        per_axis.append(positions)
    out = x[np.ix_(*per_axis)]
    if drop:
        keep = tuple(k for k, size in enumerate(out.shape) if size != 1)
        out = out.reshape(tuple(out.shape[k] for k in keep))
        if out.ndim == 0:
            return _py(out[()])
    return out


def _tensor_key(x, indices: tuple) -> tuple:
    """R keras3's `op_subset()` key: positive indices 1-based, negative from the end, NULL
    a new axis, runs of consecutive integers slices, several vectors an outer selection."""
    if len(indices) == 1:
        only = indices[0]
        if isinstance(only, (np.ndarray,)) or _is_tensor(only):
            arr = np.asarray(only)
            if arr.dtype == bool and arr.shape == tuple(x.shape):
                return (arr,)
            if arr.ndim == 2 and arr.shape[1] == len(x.shape):
                arr = np.where(arr > 0, arr - 1, arr).astype(int)
                return tuple(arr[:, k] for k in range(arr.shape[1]))
    key, advanced = [], []
    for index in indices:
        if index is MISSING:
            key.append(slice(None))
        elif index is None or index is Ellipsis:
            key.append(index)
        elif isinstance(index, slice):
            key.append(index)
        else:
            values = _index_values(index)
            if all(isinstance(v, (bool, np.bool_)) for v in values):
                key.append(np.flatnonzero(values))
                advanced.append(len(key) - 1)
                continue
            ints = [_whole(v, "op_subset") for v in values]
            if 0 in ints:
                raise IndexError("op_subset: indexing is 1-based; received a 0 index.")
            shifted = [i - 1 if i > 0 else i for i in ints]
            # R has no scalars: a length-1 vector is one index (the axis goes), except
            # `a:b`, which R keras3 reads as a slice (`x[, 2:2]` keeps the axis)
            colon = isinstance(index, _ColonVector)
            scalar = len(ints) == 1 and not colon and not (
                isinstance(index, np.ndarray) and index.ndim > 0) and not (
                _is_tensor(index) and len(getattr(index, "shape", ())) > 0)
            if scalar:
                key.append(shifted[0])
            elif (colon or len(ints) > 1) and all(i > 0 for i in ints) and all(
                    b - a == 1 for a, b in zip(ints, ints[1:])):
                key.append(slice(shifted[0], shifted[-1] + 1))
            else:
                key.append(np.asarray(shifted, dtype=int))
                advanced.append(len(key) - 1)
    if len(advanced) > 1:
        rank = len(advanced)
        for k, position in enumerate(advanced):
            shape = [1] * rank
            shape[k] = -1
            key[position] = key[position].reshape(shape)
    return tuple(key)


def _tensor_subset(x, indices: tuple):
    key = _tensor_key(x, indices)
    try:
        return x[key]
    except (TypeError, IndexError, NotImplementedError):
        return np.asarray(x)[key]


def r_subset(x, *indices, drop: bool = True):
    """R's `x[...]`: a part of a vector, list, array or tensor.

    One index on a vector or list: 1-based positions (R gives NA, or NULL on lists, for
    positions past the end; 0 selects nothing), negative positions drop elements, a
    logical mask recycles, names select by name, `MISSING` (R's `x[]`) or no index keeps
    everything. A vector gives an `RVector` (names kept), a list a list (an `RList` from
    a named list, a `NamedList` from a NamedList). On a NumPy array: one index per axis,
    each as above, and `drop=True` drops the axes of length 1 (R's `drop`), down to a
    number; one index alone reads the array in R's column-major order, and a logical
    array of the same shape or an integer matrix of coordinates work as in R. On tensors
    it is R keras3's `op_subset()` (see the module's help).

    Examples:
        >>> from rstyle_keras.r.base import c, array, matrix
        >>> v = c(10, 20, 30, 40)
        >>> r_subset(v, c(1, 3)), r_subset(v, -c(1, 2)), r_subset(v, v > 15)
        (c(10, 30), c(30, 40), c(20, 30, 40))
        >>> r_subset(v, c(True, False)), r_subset(v, 6)
        (c(10, 30), c(NA))
        >>> r_subset(c(a=1, b=2), "b")
        c(b=2)
        >>> a = array(r_colon(1, 24), dim=c(2, 3, 4))
        >>> r_subset(a, 2, 3, 4), r_subset(a, 1, 2, 1)
        (24, 3)
        >>> m = matrix(r_colon(1, 6), nrow=2)
        >>> r_subset(m, MISSING, 2), r_subset(m, 1, MISSING)
        (array([3, 4]), array([1, 3, 5]))
        >>> r_subset(m, MISSING, 2, drop=False)
        array([[3],
               [4]])
        >>> r_subset([1, "a", None], -1)
        ['a', None]
    """
    if not indices:
        return x
    if x is None:
        return None
    if isinstance(x, np.ndarray):
        return _array_subset(x, indices, drop)
    if _is_tensor(x):
        return _tensor_subset(x, indices)
    if len(indices) > 1:
        raise IndexError(f"[: incorrect number of dimensions: {len(indices)} indices for a "
                         f"vector or list.")
    values = _values_of(x)
    names = _names_of(x)
    positions = _positions(indices[0], len(values), names)
    is_list = isinstance(x, (list, Mapping, NamedList))
    picked = _take(values, positions, None if is_list else NA)
    picked_names = None
    if names is not None:
        picked_names = ["<NA>" if (p is None and not is_list) else ("" if p is None
                        else names[p]) for p in positions]
    elif isinstance(x, (Mapping, NamedList)):
        picked_names = [""] * len(picked)
    if isinstance(x, (Mapping, NamedList)) and picked_names is not None:
        return _rebuild(x, picked, picked_names)
    if _is_scalar(x):
        return RVector(picked)
    return _rebuild(x, picked, picked_names)


def _set_values(values: list, positions: list, new: list, fill) -> list:
    values = list(values)
    if not positions:
        return values
    if not new:
        raise ValueError("replacement has length zero")
    for k, p in enumerate(positions):
        while p >= len(values):
            values.append(fill)
        values[p] = new[k % len(new)]
    return values


def _extend_positions(index, n: int, names) -> tuple[list, list | None]:
    """Positions for an assignment: past the end extends, new names append."""
    if index is MISSING:
        return list(range(n)), names
    values = _index_values(index)
    if values and all(isinstance(v, str) for v in values):
        names = list(names) if names is not None else [""] * n
        out = []
        for v in values:
            if v not in names:
                names.append(v)
            out.append(names.index(v))
        return out, names
    if values and all(isinstance(v, (int, float, np.number)) and not isinstance(v, bool)
                      for v in values) and all(v > 0 for v in values):
        return [_whole(v, "[<-") - 1 for v in values], names
    return [p for p in _positions(index, n, names) if p is not None], names


def r_get_set(x, i, value):
    """R's `x[[i]] <- value`: a new object with one element replaced (R copies on modify).

    Lists (and named lists) take any value, and `value=None` (R's NULL) removes the
    element; positions past the end extend with None (lists) or NA (vectors); a new name
    appends. Arrays: one position in R's column-major order. Tensors: the `i`-th slice
    along the first axis.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> r_get_set(c(1, 2, 3), 2, 20), r_get_set([1, 2], 4, "x")
        (c(1, 20, 3), [1, 2, None, 'x'])
        >>> r_get_set(rlist(a=1, b=2), "a", None), r_get_set(rlist(a=1), "b", 2)
        (rlist(b=2), rlist(a=1, b=2))
    """
    if isinstance(x, np.ndarray) or _is_tensor(x):
        if _is_tensor(x) and not isinstance(x, np.ndarray):
            k = _get_position(x, i, int(x.shape[0]), None)
            return _tensor_assign(x, (k,), value)
        return r_subset_set(x, i, value=value)
    return r_subset_set(x, i, value=value if not isinstance(x, (list, Mapping, NamedList))
                        else _ListValue(value))


class _ListValue:
    """One value put into a list by `[[<-` (so that a vector value is not recycled)."""

    def __init__(self, value):
        self.value = value


def _tensor_assign(x, key: tuple, value):
    value = np.asarray(tuple(value) if isinstance(value, RVector) else value)
    if hasattr(x, "at"):  # JAX arrays are immutable: x.at[key].set(value)
        return x.at[key].set(value)
    array = np.array(x, copy=True)
    array[key] = value
    return type(x)(array) if type(x).__module__.startswith("rstyle_keras") else array


def r_subset_set(x, *indices, value):
    """R's `x[...] <- value`: a new object with the selected part replaced (R copies on
    modify; the value recycles over the selection).

    Vectors and lists as in `r_subset()`, extending past the end (NA or None) and
    appending new names; `value=None` on a list removes the selected elements. NumPy
    arrays: one index per axis, the value filling the selected block in R's column-major
    order (one index alone: R's column-major positions; a logical array: its TRUE cells).
    Tensors: R keras3's `op_subset<-` (JAX arrays through `.at[].set()`).

    Examples:
        >>> from rstyle_keras.r.base import c, matrix
        >>> r_subset_set(c(1, 2, 3, 4), c(1, 2), value=0), r_subset_set(c(1, 2), 4, value=9)
        (c(0, 0, 3, 4), c(1, 2, NA, 9))
        >>> r_subset_set(c(1, 2, 3), c(1, 2, 3) > 1, value=c(7, 8))
        c(1, 7, 8)
        >>> m = matrix(0, 2, 2)
        >>> r_subset_set(m, 1, MISSING, value=c(5, 6))
        array([[5., 6.],
               [0., 0.]])
        >>> m                     # unchanged: R copies on modify
        array([[0, 0],
               [0, 0]])
    """
    if isinstance(x, np.ndarray):
        return _array_assign(x, indices, value)
    if _is_tensor(x):
        return _tensor_assign(x, _tensor_key(x, indices), value)
    if len(indices) != 1:
        raise IndexError(f"[<-: incorrect number of subscripts: {len(indices)} for a "
                         f"vector or list.")
    is_list = isinstance(x, (list, Mapping, NamedList))
    values = [] if x is None else _values_of(x)
    names = _names_of(x)
    one = isinstance(value, _ListValue)
    if one:
        value = value.value
        index = indices[0]
        names_ = names
        if isinstance(index, str):
            positions, names_ = _extend_positions(index, len(values), names)
        else:
            k = _whole(_scalar(index, "[[<-"), "[[<-")
            if k <= 0:
                raise IndexError(f"[[<-: invalid subscript {k}.")
            positions = [k - 1]
        names = names_
    else:
        positions, names = _extend_positions(indices[0], len(values), names)
    if value is None and is_list:
        drop = set(positions)
        kept = [(names[k] if names else "", v) for k, v in enumerate(values) if k not in drop]
        out_names = [n for n, _ in kept] if names is not None else None
        return _rebuild(x, [v for _, v in kept], out_names)
    new = [value] if one else (_values_of(value) if not isinstance(value, np.ndarray)
                               else _elements(value))
    out = _set_values(values, positions, new, None if is_list else NA)
    if names is not None:
        names = list(names) + [""] * (len(out) - len(names))
    if x is None:
        return RVector(out)
    if _is_scalar(x):
        return RVector(out, names)
    return _rebuild(x, out, names)


def _array_assign(x: np.ndarray, indices: tuple, value):
    new = np.asarray(_elements(value) if not isinstance(value, np.ndarray)
                     else value.ravel(order="F"))
    dtype = np.result_type(x.dtype, new.dtype) if new.size else x.dtype
    out = np.array(x, dtype=dtype, copy=True)
    if len(indices) == 1:
        index = indices[0]
        flat = out.ravel(order="F")
        if isinstance(index, np.ndarray) and index.dtype == bool and index.shape == x.shape:
            positions = list(np.flatnonzero(index.ravel(order="F")))
        else:
            positions = [p for p in _positions(index, flat.size, None) if p is not None]
        if positions:
            flat[positions] = np.resize(new, len(positions))
        return flat.reshape(x.shape, order="F")
    if len(indices) != x.ndim:
        raise IndexError(f"[<-: incorrect number of subscripts: {len(indices)} for an array "
                         f"of {x.ndim} dimensions.")
    per_axis = [_positions(index, x.shape[axis], None) for axis, index in enumerate(indices)]
    shape = tuple(len(p) for p in per_axis)
    size = int(np.prod(shape))
    if size:
        block = np.resize(new, size).reshape(shape, order="F")
        out[np.ix_(*per_axis)] = block
    return out
