"""Slow, obviously-correct reference for ``rstyle_keras.core.ops.pool_kernels.pool``.

This is the original sliding-window implementation of the pooling kernel (verified
against ``keras.ops.average_pool``/``max_pool`` on the JAX backend), kept as the oracle
for ``tests/test_pool_kernels.py``. The one change: max pooling pads with the dtype's
minimum for integer and bool inputs, where ``-inf`` cannot be stored.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def same_padding(size: int, pool: int, stride: int) -> tuple[int, int]:
    """Pads (before, after) of TensorFlow-style "same" padding: the odd cell goes after."""
    out = -(-size // stride)
    total = max((out - 1) * stride + pool - size, 0)
    return total // 2, total - total // 2


def pool(
    x: np.ndarray,
    mode: str,
    pool_size: tuple[int, ...],
    strides: tuple[int, ...],
    padding: str,
    channels_last: bool,
) -> np.ndarray:
    """Pool `x` (batch, *spatial, channels) or (batch, channels, *spatial).

    `mode` is "average" or "max"; `padding` is "valid" or "same". Returns a new array
    of `x.dtype`; `x` is never written to. Average "same" divides by the number of real
    (unpadded) cells in each window; max "same" pads with cells that never win.
    """
    n = len(pool_size)
    axes = tuple(range(1, 1 + n)) if channels_last else tuple(range(2, 2 + n))
    pads = [(0, 0)] * x.ndim
    if padding == "same":
        for axis, k, s in zip(axes, pool_size, strides):
            pads[axis] = same_padding(x.shape[axis], k, s)
    if mode == "average":
        fill = 0
    elif x.dtype == np.bool_:
        fill = False
    elif np.issubdtype(x.dtype, np.integer):
        fill = np.iinfo(x.dtype).min
    else:
        fill = -np.inf
    padded = np.pad(x, pads, constant_values=fill) if padding == "same" else x
    windows = sliding_window_view(padded, pool_size, axis=axes)
    index = [slice(None)] * x.ndim
    for axis, s in zip(axes, strides):
        index[axis] = slice(None, None, s)
    windows = windows[tuple(index)]
    window_axes = tuple(range(x.ndim, x.ndim + n))
    if mode == "max":
        return windows.max(axis=window_axes)
    total = windows.sum(axis=window_axes, dtype=np.float64 if x.dtype == np.float64 else np.float32)
    counts = np.ones((1,) * x.ndim)
    for axis, k, s in zip(axes, pool_size, strides):
        ones = np.pad(np.ones(x.shape[axis]), pads[axis])
        per_axis = sliding_window_view(ones, k)[::s].sum(axis=1)
        shape = [1] * x.ndim
        shape[axis] = per_axis.size
        counts = counts * per_axis.reshape(shape)
    return (total / counts).astype(x.dtype, copy=False)
