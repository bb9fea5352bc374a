"""Pooling ops: argument checks, output shapes, and the calls into the NumPy kernels."""

from __future__ import annotations

import numpy as np

from ..arguments import standardize_data_format, standardize_padding, standardize_tuple
from ..config import config_floatx
from ..tensor import Tensor, as_array
from . import pool_kernels

SPATIAL_NAMES = {1: "steps", 2: "height, width", 3: "dim1, dim2, dim3"}


def spatial_axes(ndim: int, data_format: str) -> tuple[int, ...]:
    """The spatial axes of a (batch, ..., channels) or (batch, channels, ...) shape."""
    return tuple(range(1, ndim - 1)) if data_format == "channels_last" else tuple(range(2, ndim))


def pooling_output_shape(input_shape, pool_size, strides, padding, data_format) -> tuple:
    """Output shape of windowed pooling; unknown (None) sizes stay unknown.

    Raises a ValueError naming `pool_size` when a window does not fit under "valid".
    """
    check_spatial_sizes(input_shape, data_format)
    output = list(input_shape)
    axes = spatial_axes(len(input_shape), data_format)
    spatial = tuple(input_shape[a] for a in axes)
    for axis, size, k, s in zip(axes, spatial, pool_size, strides):
        if size is None:
            continue
        if padding == "valid":
            if size < k:
                raise ValueError(
                    f'`pool_size`={tuple(pool_size)} is larger than the input\'s spatial shape '
                    f'{spatial} under padding="valid"; use a window no larger than the input, '
                    f'or padding="same".'
                )
            output[axis] = (size - k) // s + 1
        else:
            output[axis] = (size - 1) // s + 1
    return tuple(output)


def check_spatial_sizes(input_shape, data_format) -> None:
    """Pooling needs at least one cell along every spatial axis."""
    if 0 in (input_shape[a] for a in spatial_axes(len(input_shape), data_format)):
        raise ValueError(
            f"`inputs` has an empty spatial dimension: shape {tuple(input_shape)} "
            f"({data_format}); every spatial size must be at least 1."
        )


def global_pooling_output_shape(input_shape, data_format, keepdims) -> tuple:
    axes = spatial_axes(len(input_shape), data_format)
    if keepdims:
        return tuple(1 if a in axes else d for a, d in enumerate(input_shape))
    return tuple(d for a, d in enumerate(input_shape) if a not in axes)


def pool_output_dtype(mode: str, dtype: np.dtype) -> np.dtype:
    """Averages of integers are floats (floatx); max keeps the input dtype."""
    if mode == "average" and dtype.kind != "f":
        return np.dtype(config_floatx())
    return dtype


def _capped_to_input(sizes, pool_size, strides, padding):
    """Pool sizes and strides cut down to what can matter for an axis of `n` cells.

    A stride of n or more leaves one window, as a stride of n does. Under "same", a window
    longer than 2n + (out - 1) * s + 2 covers the whole axis from every position, as one of
    that length does (the padding grows with it). So the kernels never see sizes that
    NumPy cannot allocate, such as pool_size=10**30.
    """
    capped_pool, capped_strides = [], []
    for n, k, s in zip(sizes, pool_size, strides):
        s = min(s, n)
        if padding == "same":
            k = min(k, 2 * n + ((n - 1) // s) * s + 2)
        capped_pool.append(k)
        capped_strides.append(s)
    return tuple(capped_pool), tuple(capped_strides)


def pool(x: np.ndarray, mode, pool_size, strides, padding, data_format) -> np.ndarray:
    """Windowed pooling of an array whose arguments are already standardized."""
    x = x.astype(pool_output_dtype(mode, x.dtype), copy=False)
    sizes = [x.shape[a] for a in spatial_axes(x.ndim, data_format)]
    pool_size, strides = _capped_to_input(sizes, pool_size, strides, padding)
    return pool_kernels.pool(
        x, mode, pool_size, strides, padding, data_format == "channels_last"
    )


def global_pool(x: np.ndarray, mode, data_format, keepdims) -> np.ndarray:
    """Average or max over all spatial axes; NaN propagates as in Keras."""
    axes = spatial_axes(x.ndim, data_format)
    if mode == "max":
        return np.max(x, axis=axes, keepdims=keepdims)
    out_dtype = pool_output_dtype(mode, x.dtype)
    acc = np.float64 if out_dtype == np.float64 else np.float32
    return np.mean(x, axis=axes, keepdims=keepdims, dtype=acc).astype(out_dtype, copy=False)


def _numeric_input(inputs, mode: str) -> np.ndarray:
    x = as_array(inputs)
    kinds = "iuf" if mode == "average" else "biuf"
    if x.dtype.kind not in kinds:
        raise TypeError(
            f"`inputs` must hold {'numbers' if mode == 'average' else 'numbers or bools'}; "
            f"received {type(inputs).__name__} of dtype {x.dtype}."
        )
    if x.ndim not in (3, 4, 5):
        raise ValueError(
            f"`inputs` must be a 3D, 4D or 5D tensor (batch, spatial..., channels) for 1D, 2D "
            f"or 3D pooling; received shape {x.shape} ({x.ndim}D)."
        )
    return x


def _pool_op(inputs, mode, pool_size, strides, padding, data_format) -> Tensor:
    x = _numeric_input(inputs, mode)
    n = x.ndim - 2
    pool_size = standardize_tuple(pool_size, n, "pool_size")
    strides = pool_size if strides is None else standardize_tuple(strides, n, "strides")
    padding = standardize_padding(padding)
    data_format = standardize_data_format(data_format)
    pooling_output_shape(x.shape, pool_size, strides, padding, data_format)
    return Tensor(pool(x, mode, pool_size, strides, padding, data_format))


def op_average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Average pooling over 1, 2 or 3 spatial dimensions, chosen by the rank of `inputs`.

    Arguments:
        inputs: a 3D, 4D or 5D Tensor, array or nested list.
        pool_size: an int or one int per spatial dimension.
        strides: an int, one int per spatial dimension, or None (= `pool_size`).
        padding: "valid" or "same" (any case). "same" averages over real cells only.
        data_format: "channels_last", "channels_first" or None (the keras.json default).

    Value: a Tensor. Floats keep their dtype; integers give floats (floatx).

    Examples:
        >>> x = op_reshape(op_array(range(1, 5), "float32"), c(1, 2, 2, 1))
        >>> op_average_pool(x, pool_size=2)
        Tensor([[[[2.5]]]], shape=(1, 1, 1, 1), dtype=float32)
    """
    return _pool_op(inputs, "average", pool_size, strides, padding, data_format)


def op_max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Max pooling over 1, 2 or 3 spatial dimensions, chosen by the rank of `inputs`.

    Arguments are those of `op_average_pool()`. NaN in a window gives NaN; under
    "same" padding the padded cells never win.

    Value: a Tensor of the input's dtype.

    Examples:
        >>> x = op_reshape(op_array(range(1, 5), "float32"), c(1, 2, 2, 1))
        >>> op_max_pool(x, pool_size=2)
        Tensor([[[[4.]]]], shape=(1, 1, 1, 1), dtype=float32)
    """
    return _pool_op(inputs, "max", pool_size, strides, padding, data_format)
