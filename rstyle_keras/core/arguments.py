"""Checking and normalizing arguments, with errors that say what was wrong.

Every error names the argument, shows what was received and says what is accepted.
R users pass doubles (`2` is `2.0` in R), so whole-number floats count as integers.
"""

from __future__ import annotations

import numbers

import numpy as np

from .config import checked_data_format, config_floatx, config_image_data_format

# dtypes a layer may compute in (a DTypePolicy name); "mixed_*" computes in the first part.
POLICY_COMPUTE_DTYPES = {
    "float16": "float16",
    "float32": "float32",
    "float64": "float64",
    "mixed_float16": "float16",
}


def as_int(value, name: str, what: str = "an integer") -> int:
    """`value` as a Python int; whole-number floats (R doubles) are accepted."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"`{name}` must be {what}; received {name}={value!r} (a bool).")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real) and float(value).is_integer():
        return int(value)
    kind = "a non-integer number" if isinstance(value, numbers.Real) else type(value).__name__
    raise TypeError(f"`{name}` must be {what}; received {name}={value!r} ({kind}).")


def standardize_tuple(value, n: int, name: str) -> tuple[int, ...]:
    """An int or a sequence of `n` ints as a tuple of `n` positive ints."""
    accepted = f"a positive integer or {n} positive integers (e.g. c({', '.join(['2'] * n)}))"
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"`{name}` must be {accepted}; received {name}={value!r}.")
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, numbers.Number):
        values = (as_int(value, name, accepted),) * n
    else:
        try:
            items = list(value)
        except TypeError:
            raise TypeError(
                f"`{name}` must be {accepted}; received {name}={value!r} "
                f"({type(value).__name__})."
            ) from None
        if len(items) != n:
            raise ValueError(
                f"`{name}` must be {accepted}; received {name}={value!r} "
                f"with {len(items)} values."
            )
        values = tuple(as_int(v, name, accepted) for v in items)
    if any(v <= 0 for v in values):
        raise ValueError(f"`{name}` must be {accepted}; received {name}={value!r}.")
    return values


def standardize_padding(padding, name: str = "padding") -> str:
    """ "valid" or "same", any case, as lowercase."""
    if isinstance(padding, str) and padding.lower() in ("valid", "same"):
        return padding.lower()
    raise ValueError(
        f'`{name}` must be "valid" or "same" (any case); received {name}={padding!r}.'
    )


def standardize_data_format(data_format, name: str = "data_format") -> str:
    """ "channels_last"/"channels_first"; None means the keras.json default."""
    if data_format is None:
        return config_image_data_format()
    return checked_data_format(data_format, name)


def standardize_policy(dtype, name: str = "dtype") -> str:
    """A layer dtype (policy name): a string, a NumPy dtype, a DTypePolicy config or None."""
    if dtype is None or dtype is float:  # Keras maps Python's float to floatx
        return config_floatx()
    if isinstance(dtype, dict):  # a serialized DTypePolicy, as in Keras configs
        dtype = dtype.get("config", {}).get("name", dtype)
    if isinstance(dtype, str):
        if dtype in POLICY_COMPUTE_DTYPES:  # names only: Keras refuses "double", "f4", ...
            return dtype
    elif isinstance(dtype, np.dtype) or (isinstance(dtype, type) and issubclass(dtype, np.generic)):
        if np.dtype(dtype).name in POLICY_COMPUTE_DTYPES:
            return np.dtype(dtype).name
    raise ValueError(
        f"`{name}` must be one of {', '.join(map(repr, POLICY_COMPUTE_DTYPES))} or None; "
        f"received {name}={dtype!r}."
    )


def standardize_shape(shape, name: str = "shape") -> tuple[int | None, ...]:
    """A shape without the batch dimension: an int or a sequence of ints / None."""
    if isinstance(shape, numbers.Number) and not isinstance(shape, bool):
        shape = (shape,)
    if isinstance(shape, (str, bytes)) or not hasattr(shape, "__iter__"):
        raise TypeError(
            f"`{name}` must be a sequence of non-negative integers or None (e.g. c(28, 28, 1)); "
            f"received {name}={shape!r}."
        )
    dims = []
    for d in shape:
        if d is None or (isinstance(d, float) and np.isnan(d)):  # R's NA
            dims.append(None)
            continue
        d = as_int(d, name, "a sequence of non-negative integers or None")
        if d < 0:
            raise ValueError(f"`{name}` must not hold negative sizes; received {name}={shape!r}.")
        dims.append(d)
    return tuple(dims)
