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

Values that are not R data (a tensor, a NumPy array, None) pass through, as in R.

Examples:
    >>> as_integer_ceiling(9.2, "maxval")
    10
    >>> as_array(c(1, 3, 2), "x")
    array([1, 3, 2])
"""

from __future__ import annotations

import functools
import math
import numbers

import numpy as np

from .. import keras_adapter
from .converters import CONVERTERS, as_integer

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
    """R's `as_array()`: an R vector (a tuple, list or range) as a NumPy array; anything
    else (an array, a tensor, None) as it is."""
    if isinstance(value, (tuple, list, range)):
        return np.asarray(value)
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


API_CONVERTERS = {**CONVERTERS, **{f.__name__: f for f in (
    as_py_array, as_array, as_integer_ceiling, as_double, as_double_list, as_integer_list,
    as_py_function, as_callback_lambda_fn_sig_idx_logs, as_callback_lambda_fn_sig_logs,
    as_schedule_function)}}
