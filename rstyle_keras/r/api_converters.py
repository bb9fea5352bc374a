"""The converters of R keras3's functions beyond the layers, and the registry of all.

`API_CONVERTERS` is `rstyle_keras.r.converters.CONVERTERS` plus these, by R's names:

| converter          | R-style value                 | what Keras gets                          |
|--------------------|-------------------------------|------------------------------------------|
| as_py_array        | c(0, 1), 2, list(c(1, 2))     | a NumPy array of floatx ("float32")       |
| as_array           | c(1, 3, 2)                    | a NumPy array                             |
| as_integer_ceiling | 9.2, c(10)                    | 10, 10   (R: `as_integer(ceiling(x))`)    |
| as_double          | 1, c(0)                       | 1.0, 0.0 (R's numbers are doubles)        |

Values that are not R data (a tensor, a NumPy array, None) pass through, as in R.

Examples:
    >>> as_integer_ceiling(9.2, "maxval")
    10
    >>> as_array(c(1, 3, 2), "x")
    array([1, 3, 2])
"""

from __future__ import annotations

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


API_CONVERTERS = {**CONVERTERS, **{f.__name__: f for f in (as_py_array, as_array,
                                                             as_integer_ceiling, as_double)}}
