"""Core ops used with the layers: making, reshaping and reading tensors."""

from __future__ import annotations

import numpy as np

from ..arguments import as_int
from ..keras_tensor import KerasTensor
from ..tensor import Tensor, as_array


def op_array(x, dtype=None) -> Tensor:
    """Create a Tensor from a number, (nested) list, range, array or Tensor.

    Arguments:
        x: the values. Python floats become float32 and ints int32 (as in Keras);
            NumPy arrays keep their dtype.
        dtype: the dtype to convert to, e.g. "float32"; None keeps the default above.

    Value: a new Tensor (a copy: later changes to `x` do not reach it).

    Examples:
        >>> op_array(range(1, 4), "float32")
        Tensor([1. 2. 3.], shape=(3,), dtype=float32)
        >>> op_array([1.5, 2]).dtype
        dtype('float32')
        >>> op_array([1, 2]).dtype
        dtype('int32')
    """
    try:
        values = as_array(x)
    except ValueError:  # ragged nested lists
        values = np.asarray(x, dtype=object)
    if values.dtype.kind not in "biuf":
        raise TypeError(
            f"`x` must hold numbers or bools; received {type(x).__name__} of dtype {values.dtype}."
        )
    try:
        dtype = values.dtype if dtype is None else np.dtype(dtype)
    except TypeError:
        raise TypeError(f"`dtype` must be a NumPy dtype name; received dtype={dtype!r}.") from None
    return Tensor(np.array(values, dtype=dtype))  # always a copy: later edits to x stay out


def op_reshape(x, newshape) -> Tensor:
    """Reshape in row-major (C) order, as Keras does (not R's column-major order).

    Arguments:
        x: a Tensor, array or nested list.
        newshape: the new shape: an int or a sequence of ints; one may be -1.

    Value: a Tensor with the same values in the new shape.

    Examples:
        >>> op_reshape(op_array(range(1, 7), "float32"), c(2, 3))
        Tensor(
        [[1. 2. 3.]
         [4. 5. 6.]], shape=(2, 3), dtype=float32)
    """
    if isinstance(newshape, (int, float, np.integer, np.floating)):
        newshape = (newshape,)
    shape = tuple(as_int(d, "newshape", "a sequence of integers") for d in newshape)
    values = as_array(x)
    try:
        return Tensor(values.reshape(shape))
    except ValueError:
        raise ValueError(
            f"`newshape`={shape} does not fit `x` of shape {values.shape} "
            f"({values.size} values)."
        ) from None


def op_shape(x) -> tuple:
    """The shape of a Tensor, array or KerasTensor, as a tuple (None for unknown sizes).

    Examples:
        >>> op_shape(keras_input(shape=c(4, 3)))
        (None, 4, 3)
    """
    if isinstance(x, KerasTensor):
        return x.shape
    return tuple(np.shape(x))


def op_convert_to_numpy(x) -> np.ndarray:
    """The values of a Tensor (or array or nested list) as a NumPy array.

    Examples:
        >>> op_convert_to_numpy(op_array([1.0, 2.0]))
        array([1., 2.], dtype=float32)
    """
    if isinstance(x, KerasTensor):
        raise TypeError(
            f"`x` must be a Tensor with values; received a symbolic KerasTensor ({x.name})."
        )
    return np.asarray(x)
