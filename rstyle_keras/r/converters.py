"""R keras3's argument converters, for R-style values written in Python.

R passes doubles (`2` is `2.0`), vectors (`c(3, 3)`), NULL and 1-based axes; R keras3's
wrappers convert each argument before Keras sees it. These do the same, by name:

| converter               | R-style value            | what Keras gets                    |
|-------------------------|--------------------------|------------------------------------|
| as_integer              | 64.0, c(3.0), c(3, 3)    | 64, 3, (3, 3)                      |
| as_nullable_integer     | None, 2.0                | None, 2                            |
| as_integer_tuple        | 3.0, list(3, 3)          | 3, (3, 3)                          |
| as_integer_tuple_forced | 2, c(2, 1)               | (2,), (2, 1)                       |
| as_tuple                | 1, c(1, 2)               | (1,), (1, 2)                       |
| as_scalar_or_tuple      | 0.5, c(-0.2, 0.3)        | 0.5, (-0.2, 0.3)                   |
| as_axis                 | 2, -1, c(2, 3)           | 1, -1, [1, 2]  (1-based; 0: error) |
| as_index                | 1, -1                    | 0, -1          (1-based; 0: error) |
| as_list                 | "accuracy", c("a", "b")  | ["accuracy"], ["a", "b"]           |
| normalize_shape         | 10, c(28, NA, 1)         | (10,), (28, None, 1)               |
| normalize_target_shape  | c(NA, 4)                 | (-1, 4)                            |
| normalize_padding_2d    | 1, c(1, 2), list(c(1, 2), c(3, 4)) | 1, (1, 2), ((1, 2), (3, 4)) |

Values that are not R numbers (strings, None, Keras objects) pass through, as in R, so
that Keras can say what is wrong with them. A number that cannot be an integer is a
TypeError naming the argument (R would truncate 2.5 to 2 silently).

Examples:
    >>> as_integer(64.0, "units")
    64
    >>> as_axis(2, "axis")
    1
    >>> normalize_shape(c(28, None, 1.0), "input_shape")
    (28, None, 1)
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from ..core.arguments import as_int

SEQUENCES = (list, tuple, range, np.ndarray)


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _whole(value, name: str, accepted: str) -> int:
    return as_int(value, name, accepted)  # the core's rule: whole floats are integers


def _items(value) -> list:
    return value.ravel().tolist() if isinstance(value, np.ndarray) else list(value)


def as_integer(value, name: str):
    """R numbers as Python ints. A tuple, range or array is an R vector: one item is that
    item (R has no scalars: `c(3)` is 3), several a tuple. A list is an R list: its items
    are converted, its length kept (Keras says if that length is wrong)."""
    kind = type(value)
    if kind is int:  # the common cases first, without ABC checks: calls stay cheap
        return value
    if kind is float and value.is_integer():
        return int(value)
    if kind is tuple and 1 < len(value) and all(type(v) is int for v in value):
        return value
    accepted = "an integer (a whole number such as 64 or 64.0)"
    if _is_number(value):
        return _whole(value, name, accepted)
    if isinstance(value, list):
        return [_whole(v, name, accepted) if _is_number(v) else v for v in value]
    if isinstance(value, SEQUENCES[1:]) and len(value) > 0:
        items = _items(value)
        if all(_is_number(v) for v in items):
            items = tuple(_whole(v, name, accepted) for v in items)
            return items[0] if len(items) == 1 else items
    return value


def as_nullable_integer(value, name: str):
    """None, or `as_integer(value)`."""
    return None if value is None else as_integer(value, name)


def as_integer_tuple(value, name: str):
    """A list (R list) becomes a tuple of ints; anything else as `as_integer()`."""
    if isinstance(value, list):
        return tuple(as_integer(value, name))
    return as_integer(value, name)


def as_integer_tuple_forced(value, name: str):
    """Always a tuple of ints (`layer_permute(dims = 2)` is `dims=(2,)`)."""
    if isinstance(value, SEQUENCES):
        return tuple(as_integer(v, name) for v in _items(value))
    if _is_number(value):
        return (as_integer(value, name),)
    return value


def as_tuple(value, name: str):
    """A tuple of the value's items (one value: a tuple of one)."""
    if isinstance(value, SEQUENCES):
        return tuple(_items(value))
    if _is_number(value) or isinstance(value, str):
        return (value,)
    return value


def as_scalar_or_tuple(value, name: str):
    """A single value stays as it is; several become a tuple."""
    if isinstance(value, SEQUENCES):
        items = tuple(_items(value))
        return items[0] if len(items) == 1 else items
    return value


def as_axis(value, name: str):
    """A 1-based R axis as Keras's 0-based one: 1 -> 0, 2 -> 1, -1 stays -1; 0 is an error."""
    if value is None:
        return None
    if isinstance(value, SEQUENCES):
        return [as_axis(v, name) for v in value]
    if not _is_number(value):
        return value
    axis = _whole(value, name, "an integer axis (1-based: 1 is the first axis, -1 the last)")
    if axis == 0:
        raise ValueError(
            f"`{name}` is 1-based, as in R: 1 is the first axis and -1 the last; received "
            f"{name}=0."
        )
    return axis - 1 if axis > 0 else axis


def as_index(value, name: str):
    """A 1-based R index (or epoch) as Python's 0-based one: 1 -> 0, -1 stays -1 (the last);
    0 is an error. Vectors (tuples) convert item by item."""
    if value is None:
        return None
    if isinstance(value, SEQUENCES[1:]):
        items = [as_index(v, name) for v in _items(value)]
        return items[0] if len(items) == 1 else items
    if not _is_number(value):
        return value
    index = _whole(value, name, "an integer index (1-based: 1 is the first, -1 the last)")
    if index == 0:
        raise ValueError(
            f"`{name}` is 1-based, as in R: 1 is the first and -1 the last; received {name}=0."
        )
    return index - 1 if index > 0 else index


def as_list(value, name: str):
    """R's `as_list()`: None stays None; a list or dict stays; a vector (tuple) or a single
    value becomes a list (`metrics = "accuracy"` is `["accuracy"]`)."""
    if value is None or isinstance(value, (list, dict)):
        return value
    if isinstance(value, (tuple, range, np.ndarray)):
        return _items(value)
    return [value]


def normalize_shape(value, name: str):
    """A shape as a tuple of ints, with None (or NA/NaN) for an unknown size."""
    if value is None:
        return None
    if _is_number(value):
        value = (value,)
    if not isinstance(value, SEQUENCES):
        return value
    accepted = "a shape: whole numbers, None or NA for an unknown size (e.g. c(28, 28, 1))"
    out = []
    for d in value:
        if d is None or (isinstance(d, float) and math.isnan(d)):
            out.append(None)
        elif _is_number(d):
            out.append(_whole(d, name, accepted))
        else:
            raise TypeError(f"`{name}` must be {accepted}; received {name}={value!r}.")
    return tuple(out)


def normalize_target_shape(value, name: str):
    """`layer_reshape()`'s target shape: unknown sizes (None, NA) become -1."""
    shape = normalize_shape(value, name)
    if isinstance(shape, tuple):
        return tuple(-1 if d is None else d for d in shape)
    return shape


def _normalize_scale(value, name: str, dims: int):
    """Padding or cropping: one int, `dims` ints, or `dims` pairs of ints."""
    accepted = f"an integer, {dims} integers, or {dims} pairs of integers"
    if _is_number(value):
        return as_integer(value, name)
    if isinstance(value, SEQUENCES) and all(_is_number(v) for v in value):
        return as_integer_tuple(value, name)
    if isinstance(value, SEQUENCES):
        pairs = []
        for pair in value:
            if not isinstance(pair, SEQUENCES) or len(pair) != 2:
                raise ValueError(f"`{name}` must be {accepted}; received {name}={value!r}.")
            pairs.append(tuple(as_integer(v, name) for v in pair))
        return tuple(pairs)
    return value


def normalize_padding_2d(value, name: str):
    return _normalize_scale(value, name, 2)


def normalize_padding_3d(value, name: str):
    return _normalize_scale(value, name, 3)


def normalize_cropping_2d(value, name: str):
    return _normalize_scale(value, name, 2)


def normalize_cropping_3d(value, name: str):
    return _normalize_scale(value, name, 3)


CONVERTERS = {
    f.__name__: f
    for f in (
        as_integer, as_nullable_integer, as_integer_tuple, as_integer_tuple_forced, as_tuple,
        as_scalar_or_tuple, as_axis, as_index, as_list, normalize_shape, normalize_target_shape,
        normalize_padding_2d, normalize_padding_3d, normalize_cropping_2d,
        normalize_cropping_3d,
    )
}

# R's `...` of every layer: converted whatever the layer.
DOTS_CONVERTERS = {
    "input_shape": normalize_shape,
    "batch_input_shape": normalize_shape,
    "batch_size": as_nullable_integer,
    "input_dim": as_nullable_integer,
}
