"""The converters of R keras3's functions beyond the layers, and the registry of all.

`API_CONVERTERS` is `rstyle_keras.r.converters.CONVERTERS` plus these, by R's names:

| converter          | R-style value                 | what Keras gets                          |
|--------------------|-------------------------------|------------------------------------------|
| as_py_array        | c(0, 1), 2, list(c(1, 2))     | a NumPy array of floatx ("float32")       |
| as_array           | c(1, 3, 2)                    | a NumPy array                             |
| as_integer_ceiling | 9.2, c(10)                    | 10, 10   (R: `as_integer(ceiling(x))`)    |
| as_double          | 1, c(0)                       | 1.0, 0.0 (R's numbers are doubles)        |
| as_callback_lambda_fn_sig_idx_logs | f(epoch, logs) | f called with the 1-based epoch/batch     |
| as_callback_lambda_fn_sig_logs     | f(logs)        | f; a dict it returns is merged into logs  |
| as_schedule_function | f(epoch, lr)                | f, its whole-number result as a float     |
| as_double_list     | c(1, 0.5), 1                  | [1.0, 0.5], [1.0] (reticulate's list)     |
| as_integer_list    | c(0, 1), 2                    | [0, 1], [2]  (R: `as.list(as_integer(x))`)|
| as_py_function     | a function                    | the same; not callable: a TypeError       |
| as_py_index        | 1, c(1, 3), -1                | 0, array([0, 2]), -1  (1-based; 0 stays 0) |
| as_integer_array   | c(3, 4), 2                    | array([3, 4]), array([2])  (int32)        |
| as_finite_integer  | 2.0, "fro", inf               | 2, "fro", inf                             |
| as_split_indices   | 3, c(2, 4)                    | 3, [1, 3]  (sections, or 1-based points)  |
| as_integer_data    | 5.0, list(c(1, 2), c(3, 4))   | 5, an int32 array of shape (2, 2)         |
| as_tensordot_axes  | 1, list(c(2), c(1))           | 1, [[1], [0]]  (a count, or 1-based axes) |
| as_axis_tuple      | c(2, 3), 1                    | (1, 2), (0,)  (1-based axes as a tuple)   |

Values that are not R data (a tensor, a NumPy array, None) pass through, as in R.

Examples:
    >>> as_integer_ceiling(9.2, "maxval")
    10
    >>> as_array(c(1, 3, 2), "x")
    array([1, 3, 2])
    >>> as_py_index(c(1, 3, -1), "indices")
    array([ 0,  2, -1], dtype=int32)
"""

from __future__ import annotations

import functools
import math
import numbers

import numpy as np

from .. import keras_adapter
from .converters import CONVERTERS, as_axis, as_index, as_integer

R_DATA = (numbers.Number, tuple, list, range)


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _floatx() -> str:
    return keras_adapter.load().config.floatx()


def as_py_array(value, name: str):
    """R data (numbers, `c()` vectors, nested lists) as a NumPy array; R's numbers are
    doubles, so numbers become floatx (Keras's "float32"), as R keras3's
    `np_array(x, dtype = if (is.double(x)) config_floatx())`. Arrays, tensors, None and
    other objects pass as they are."""
    if not isinstance(value, R_DATA) or isinstance(value, (bool, np.bool_)):
        return value
    array = np.asarray(value)
    if array.dtype.kind in "iuf":
        array = array.astype(_floatx())
    return array


def as_array(value, name: str):
    """R's `as_array()`: an R vector (a tuple, list or range) as a NumPy array, a number
    as a 1-d array of one (R's `as.array(1)`: `op_scatter(..., values = 1)` needs a
    dtype); anything else (an array, a tensor, None) as it is."""
    if isinstance(value, (tuple, list, range)):
        return np.asarray(value)
    if isinstance(value, (int, float, np.generic)) and not isinstance(value, np.ndarray):
        return np.asarray([value])
    return value


def as_integer_ceiling(value, name: str):
    """R's `as_integer(ceiling(x))`: numbers rounded up to integers (an exclusive upper
    bound such as `random_integer()`'s `maxval`); vectors item by item."""
    if _is_number(value):
        if not math.isfinite(value):
            raise ValueError(f"`{name}` must be a finite number; received {name}={value!r}.")
        return math.ceil(value)
    if isinstance(value, (tuple, range)) and all(_is_number(v) for v in value):
        return as_integer(tuple(as_integer_ceiling(v, name) for v in value), name)
    return value


def as_double(value, name: str):
    """R's numbers are doubles: a Python int (R code's `1`) as a float, for Keras arguments
    that must be floats (an optimizer's `learning_rate`); a vector of one number (`c(1)`)
    is that number. Anything else (a float, a schedule, a callable, a tensor, None) as it
    is."""
    if isinstance(value, tuple) and len(value) == 1:
        value = value[0]
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return float(value)
    return value


def _merge_into_logs(result, logs) -> None:
    if isinstance(result, dict) and logs is not None:
        logs.update(result)  # R: a named list the function returns is added to the logs


def as_callback_lambda_fn_sig_idx_logs(fn, name: str):
    """A function `f(epoch, logs)` or `f(batch, logs)` for Keras's LambdaCallback: called
    with R's 1-based index (Keras's 0-based one plus 1); a dict it returns is merged into
    `logs` (R keras3's `wrap_sig_idx_logs()`). None stays None."""
    if fn is None:
        return None
    _check_callable(fn, name)

    @functools.wraps(fn)
    def wrapper(index, logs=None):
        _merge_into_logs(fn(index + 1, logs), logs)

    return wrapper


def as_callback_lambda_fn_sig_logs(fn, name: str):
    """A function `f(logs)` for Keras's LambdaCallback; a dict it returns is merged into
    `logs` (R keras3's `wrap_sig_logs()`). None stays None."""
    if fn is None:
        return None
    _check_callable(fn, name)

    @functools.wraps(fn)
    def wrapper(logs=None):
        _merge_into_logs(fn(logs), logs)

    return wrapper


def as_schedule_function(fn, name: str):
    """A learning rate schedule `f(epoch, lr)` (epoch 0-based, as R keras3 passes it) whose
    number is returned as a Python float, as Keras requires: R's numbers are doubles, so
    R code's `1` is 1.0. Keras's one-argument form `f(epoch)` works too."""
    _check_callable(fn, name)

    @functools.wraps(fn)
    def schedule(*args):
        result = fn(*args)
        if isinstance(result, (numbers.Real, np.ndarray, np.generic)) and \
                np.ndim(result) == 0 and not isinstance(result, (bool, np.bool_)):
            return float(result)
        return result

    return schedule


def _check_callable(fn, name: str) -> None:
    if not callable(fn):
        raise TypeError(f"`{name}` must be a function; received {type(fn).__name__} {fn!r}.")


def as_double_list(value, name: str):
    """An R vector of numbers as reticulate hands it to Python: a list of floats (R's
    doubles: `c(1, 0)` is [1.0, 0.0]); one number is a list of one. Anything else (an
    array, a tensor, None) as it is."""
    if _is_number(value):
        value = [value]
    if isinstance(value, (tuple, list, range)) and all(_is_number(v) for v in value):
        return [float(v) for v in value]
    return value


def as_integer_list(value, name: str):
    """R's `as.list(as_integer(x))`: numbers as a list of ints (one number: a list of
    one); whole floats are integers."""
    if _is_number(value):
        value = [value]
    if isinstance(value, (tuple, list, range)):
        return [as_integer(v, name) for v in value]
    return value


def as_py_function(value, name: str):
    """R's `as_py_function()`: a function (an R function here is a Python callable) as it
    is, but an R function of the API tables (`metric_mean_squared_error`) is the Keras
    function it computes with, which Keras can save; anything else a TypeError naming the
    argument."""
    if value is None or callable(value):
        resolve = getattr(value, "keras_object", None)  # an RFunction's (r/functions.py)
        return value if resolve is None else resolve(prefer_class=False)
    raise TypeError(
        f"`{name}` must be a function of (y_true, y_pred); received {type(value).__name__}.")


R_INDEX = "an integer index (1-based: 1 is the first, -1 the last)"


def _shift_array(array: np.ndarray, name: str) -> np.ndarray:
    """A NumPy array of 1-based indices as 0-based ones (negative ones stay)."""
    if array.dtype.kind == "f":
        if not np.all(np.isfinite(array) & (array == np.round(array))):
            raise TypeError(f"`{name}` must hold {R_INDEX}s; received {name}={array!r}.")
        array = array.astype("int32")
    elif array.dtype.kind not in "iu":
        raise TypeError(f"`{name}` must hold {R_INDEX}s; received {name}={array!r}.")
    return np.where(array > 0, array - 1, array).astype(array.dtype)  # 0 stays 0, as in R


def as_py_index(value, name: str):
    """R's `as_py_index()`: 1-based R indices as Python's 0-based ones, positive ones minus
    1, negative ones (from the end) and 0 as they are (R keras3 keeps a 0: its
    `op_switch(0, ...)` takes the first branch, as `op_switch(1, ...)`). A number gives an int, a
    vector (tuple, range, NumPy array) an int32 array (one item: that int), an R list a
    list; a tensor is shifted where it is positive (`where(x > 0, x - 1, x)`); None stays.

    Examples:
        >>> as_py_index(2.0, "index"), as_py_index(c(2, 5), "indices")
        (1, array([1, 4], dtype=int32))
        >>> as_py_index(0, "index"), as_py_index(c(0, 1, -1), "indices")
        (0, array([ 0,  0, -1], dtype=int32))
    """
    if value is None or isinstance(value, (bool, np.bool_, str)):
        return value
    if isinstance(value, list):
        return [as_py_index(v, name) for v in value]
    if _is_number(value):
        return 0 if value == 0 and not isinstance(value, bool) else as_index(value, name)
    if isinstance(value, (tuple, range)):
        if len(value) == 1:
            return as_py_index(value[0], name)
        if not all(_is_number(v) for v in value):
            raise TypeError(f"`{name}` must hold {R_INDEX}s; received {name}={value!r}.")
        return _shift_array(np.asarray(value, dtype="float64" if any(
            isinstance(v, float) for v in value) else "int32"), name)
    if isinstance(value, np.ndarray):
        return _shift_array(value, name)
    from ..dispatch import engine_of, keras

    engine = engine_of(value)
    if engine == "keras":
        ops = keras().ops
        return ops.where(value > 0, value - 1, value)
    if engine == "numpy":
        array = np.asarray(value)
        return type(value)(np.where(array > 0, array - 1, array))
    return value


def as_integer_array(value, name: str):
    """R's `as_integer_array()`: R numbers (whole doubles too) as an int32 NumPy array (a
    single number as an array of one, as R's `as.array()`); a NumPy float array of whole
    numbers as int32; anything else (an integer array, a tensor, None) as it is.

    Examples:
        >>> as_integer_array(c(3, 4.0), "sequence_lengths")
        array([3, 4], dtype=int32)
    """
    if isinstance(value, R_DATA) and not isinstance(value, (bool, np.bool_)):
        array = np.asarray(value)
        if array.ndim == 0:
            array = array.reshape(1)
    elif isinstance(value, np.ndarray) and value.dtype.kind == "f":
        array = value
    else:
        return value
    if array.dtype.kind == "f":
        if not np.all(np.isfinite(array) & (array == np.round(array))):
            raise TypeError(f"`{name}` must hold whole numbers; received {name}={value!r}.")
    elif array.dtype.kind not in "iub":
        raise TypeError(f"`{name}` must hold whole numbers; received {name}={value!r}.")
    return array.astype("int32")


def as_integer_data(value, name: str):
    """Integer data of any shape: an R number as an int, R vectors and nested lists (and
    NumPy float arrays of whole numbers) as an int32 array of their shape; integer arrays
    and tensors as they are.

    Examples:
        >>> as_integer_data(5.0, "x"), as_integer_data([[1, 2], [3, 4.0]], "x").shape
        (5, (2, 2))
    """
    if _is_number(value):
        return as_integer(value, name)
    if isinstance(value, (tuple, list, range)) or (
            isinstance(value, np.ndarray) and value.dtype.kind == "f"):
        array = as_integer_array(value, name)
        return array.reshape(np.shape(value)) if isinstance(array, np.ndarray) else array
    return value


def as_tensordot_axes(value, name: str):
    """`op_tensordot()`'s `axes`: a number is how many axes to sum over (an int); a list of
    two lists of axes holds 1-based axes (`as_axis()`).

    Examples:
        >>> as_tensordot_axes(1.0, "axes"), as_tensordot_axes([c(2), c(1)], "axes")
        (1, [[1], [0]])
    """
    if _is_number(value) or (isinstance(value, tuple) and len(value) == 1):
        return as_integer(value, name)
    if isinstance(value, (list, tuple)):
        return [as_axis(v if isinstance(v, (list, tuple)) else (v,), name) for v in value]
    return value


def as_axis_tuple(value, name: str):
    """1-based axes (`as_axis()`) as a tuple, for Keras functions that need a hashable
    `axes` (JAX's `rot90` takes its axes as a static argument: a list fails there).

    Examples:
        >>> as_axis_tuple(c(2, 3), "axes")
        (1, 2)
    """
    axes = as_axis(value, name)
    if isinstance(axes, list):
        return tuple(axes)
    return (axes,) if isinstance(axes, int) else axes


def as_finite_integer(value, name: str):
    """A whole finite number as an int (a norm's `ord = 2`); anything else (a string such
    as "fro", an infinite number, None) as it is.

    Examples:
        >>> as_finite_integer(2.0, "ord"), as_finite_integer(float("inf"), "ord")
        (2, inf)
    """
    if _is_number(value) and math.isfinite(value):
        return as_integer(value, name)
    if isinstance(value, tuple) and len(value) == 1:
        return as_finite_integer(value[0], name)
    return value


def as_split_indices(value, name: str):
    """`op_split()`'s `indices_or_sections`: one number is the count of equal sections (an
    int); a vector (or an array or tensor of rank 1 or more) holds 1-based split points
    (`as_py_index()`: `c(2, 4)` splits before the 2nd and the 4th item).

    Examples:
        >>> as_split_indices(3.0, "indices_or_sections")
        3
        >>> as_split_indices(c(2, 4), "indices_or_sections")
        [1, 3]
    """
    if _is_number(value):
        return as_integer(value, name)
    if isinstance(value, (tuple, range, list)):
        if len(value) == 1:
            return as_integer(value[0], name)
        return [int(i) for i in as_py_index(tuple(value), name)]
    if getattr(value, "ndim", 0) == 0:
        return value if not isinstance(value, np.ndarray) else int(value)
    return as_py_index(value, name)


API_CONVERTERS = {**CONVERTERS, **{f.__name__: f for f in (
    as_py_array, as_array, as_integer_ceiling, as_double, as_double_list, as_integer_list,
    as_py_function, as_callback_lambda_fn_sig_idx_logs, as_callback_lambda_fn_sig_logs,
    as_schedule_function, as_py_index, as_integer_array, as_integer_data, as_tensordot_axes,
    as_finite_integer, as_split_indices, as_axis_tuple)}}
