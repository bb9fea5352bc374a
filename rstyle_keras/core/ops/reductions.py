"""Reductions on the NumPy core (`op_sum()`, `op_mean()`, `op_argmax()`, ...), with Keras's
dtypes on JAX: sums and products of bools and small ints are int32 (small unsigned ints
uint32), means and variances of ints are float32, arg-indices are int32 and 0-based here
(R's `op_argmax()` adds 1 on top).

`axis` is Keras's: None (all axes), an int (0-based, negative from the end) or a tuple.

Examples:
    >>> from rstyle_keras.core.ops.reductions import op_argmax, op_max, op_mean, op_sum
    >>> x = op_array([[1, 2, 3], [4, 5, 6]], "int8")
    >>> op_sum(x)
    Tensor(21, shape=(), dtype=int32)
    >>> op_mean(x, axis=0)
    Tensor([2.5 3.5 4.5], shape=(3,), dtype=float32)
    >>> op_max(x, axis=-1, keepdims=True)
    Tensor(
    [[3]
     [6]], shape=(2, 1), dtype=int8)
    >>> op_argmax(x, axis=1)
    Tensor([2 2], shape=(2,), dtype=int32)
"""

from __future__ import annotations

import numpy as np

from ..arguments import as_int
from ..tensor import Tensor
from .dtypes import FLOATS, convert, float_dtype, result_type, standardize_dtype

__all__ = [
    "op_all", "op_any", "op_argmax", "op_argmin", "op_count_nonzero", "op_cumprod",
    "op_cumsum", "op_logsumexp", "op_max", "op_mean", "op_median", "op_min", "op_prod",
    "op_std", "op_sum", "op_var",
]


def _axis(axis, ndim: int):
    """Keras's axis (None, int or sequence of ints) checked against `ndim`."""
    if axis is None:
        return None
    axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    out = []
    for a in axes:
        if isinstance(a, bool) or not isinstance(a, (int, np.integer)):
            raise TypeError(f"`axis` must be an int or a tuple of ints; received axis={axis!r}.")
        if not -max(ndim, 1) <= a < max(ndim, 1):
            raise ValueError(
                f"`axis`={axis!r} is out of range for a tensor of {ndim} dimensions."
            )
        out.append(int(a) % max(ndim, 1))
    return tuple(out) if isinstance(axis, (tuple, list)) else out[0]


def _accumulator(dtype: str) -> str:
    """The dtype of a sum or product on JAX: narrow ints widen to 32 bits."""
    if dtype in ("bool", "int8", "int16"):
        return "int32"
    if dtype in ("uint8", "uint16"):
        return "uint32"
    return dtype


def _tensor(value, dtype) -> Tensor:
    return Tensor(np.asarray(value).astype(dtype, copy=False))


def op_sum(x, axis=None, keepdims=False) -> Tensor:
    """The sum of `x`'s values, over `axis`.

    Value: a Tensor (int32 for bools and small ints, uint32 for small unsigned ints).
    """
    values = convert(x)
    dtype = _accumulator(values.dtype.name)
    return _tensor(np.sum(values, _axis(axis, values.ndim), dtype, keepdims=keepdims), dtype)


def op_prod(x, axis=None, keepdims=False, dtype=None) -> Tensor:
    """The product of `x`'s values, over `axis`.

    Value: a Tensor of `dtype`, or as `op_sum()`'s.
    """
    values = convert(x)
    dtype = standardize_dtype(dtype) if dtype is not None else _accumulator(values.dtype.name)
    return _tensor(np.prod(values, _axis(axis, values.ndim), dtype, keepdims=keepdims), dtype)


def _cumulative(function, x, axis, dtype):
    values = convert(x)
    if dtype is None:  # running sums keep `x`'s dtype (bools: int32), as in Keras
        dtype = "int32" if values.dtype == np.bool_ else values.dtype.name
    dtype = standardize_dtype(dtype)
    if axis is None:
        values, axis = values.reshape(-1), 0
    return _tensor(function(values, axis=_axis(axis, values.ndim), dtype=dtype), dtype)


def op_cumsum(x, axis=None, dtype=None) -> Tensor:
    """Running sums along `axis` (None: over the flattened values).

    Value: a Tensor of `dtype`, else of `x`'s dtype (int32 for bools).
    """
    return _cumulative(np.cumsum, x, axis, dtype)


def op_cumprod(x, axis=None, dtype=None) -> Tensor:
    """Running products along `axis` (None: over the flattened values).

    Value: a Tensor of `dtype`, else of `x`'s dtype (int32 for bools).
    """
    return _cumulative(np.cumprod, x, axis, dtype)


def op_mean(x, axis=None, keepdims=False) -> Tensor:
    """The mean of `x`'s values, over `axis`.

    Value: a float Tensor (float32 for ints and bools; float16 computed in float32).
    """
    values = convert(x)
    name = values.dtype.name
    compute = result_type(name, "float32")
    dtype = compute if name not in FLOATS else name
    out = np.mean(values, _axis(axis, values.ndim), compute, keepdims=keepdims)
    return _tensor(out, dtype)


def _moment(function, x, axis, keepdims):
    values = convert(x)
    name = values.dtype.name
    compute = result_type(name, "float32")
    dtype = float_dtype(name)
    out = function(values, _axis(axis, values.ndim), compute, keepdims=keepdims)
    return _tensor(out, dtype)


def op_var(x, axis=None, keepdims=False) -> Tensor:
    """The (population) variance of `x`'s values, over `axis`.

    Value: a float Tensor (float32 for ints and bools).
    """
    return _moment(np.var, x, axis, keepdims)


def op_std(x, axis=None, keepdims=False) -> Tensor:
    """The (population) standard deviation of `x`'s values, over `axis`.

    Value: a float Tensor (float32 for ints and bools).
    """
    return _moment(np.std, x, axis, keepdims)


def _extreme(function, x, axis, keepdims, initial):
    values = convert(x)
    axes = _axis(axis, values.ndim)
    if initial is None and values.size == 0:
        raise ValueError("`x` is empty: give `initial` to reduce an empty tensor.")
    kwargs = {} if initial is None else {"initial": convert(initial, values.dtype)[()]}
    return _tensor(function(values, axes, keepdims=keepdims, **kwargs), values.dtype)


def op_max(x, axis=None, keepdims=False, initial=None) -> Tensor:
    """The largest of `x`'s values, over `axis` (`initial`: a value to include).

    Value: a Tensor of `x`'s dtype.
    """
    return _extreme(np.max, x, axis, keepdims, initial)


def op_min(x, axis=None, keepdims=False, initial=None) -> Tensor:
    """The smallest of `x`'s values, over `axis` (`initial`: a value to include).

    Value: a Tensor of `x`'s dtype.
    """
    return _extreme(np.min, x, axis, keepdims, initial)


def op_any(x, axis=None, keepdims=False) -> Tensor:
    """Whether any value of `x` is true (non-zero), over `axis`.

    Value: a bool Tensor.
    """
    values = convert(x)
    return _tensor(np.any(values, _axis(axis, values.ndim), keepdims=keepdims), "bool")


def op_all(x, axis=None, keepdims=False) -> Tensor:
    """Whether every value of `x` is true (non-zero), over `axis`.

    Value: a bool Tensor.
    """
    values = convert(x)
    return _tensor(np.all(values, _axis(axis, values.ndim), keepdims=keepdims), "bool")


def _arg(function, x, axis, keepdims):
    values = convert(x)
    if values.dtype.kind == "f" and values.ndim:
        # -0.0 ranks below 0.0, as in Keras
        values = np.where((values == 0) & np.signbit(values), -np.finfo(values.dtype).tiny,
                          values)
    axes = _axis(axis, values.ndim)
    if isinstance(axes, tuple):
        raise TypeError(f"`axis` must be None or one int; received axis={axis!r}.")
    return _tensor(function(values, axes, keepdims=keepdims), "int32")


def op_argmax(x, axis=None, keepdims=False) -> Tensor:
    """The (0-based) index of the largest value, over `axis` (None: the flattened `x`);
    the first one on ties.

    Value: an int32 Tensor.
    """
    return _arg(np.argmax, x, axis, keepdims)


def op_argmin(x, axis=None, keepdims=False) -> Tensor:
    """The (0-based) index of the smallest value, over `axis` (None: the flattened `x`);
    the first one on ties.

    Value: an int32 Tensor.
    """
    return _arg(np.argmin, x, axis, keepdims)


def op_count_nonzero(x, axis=None) -> Tensor:
    """How many values of `x` are not zero, over `axis`.

    Value: an int32 Tensor.
    """
    values = convert(x)
    return _tensor(np.count_nonzero(values, _axis(axis, values.ndim)), "int32")


def op_median(x, axis=None, keepdims=False) -> Tensor:
    """The median of `x`'s values, over `axis`.

    Value: a float Tensor (floatx for ints and bools).
    """
    values = convert(x)
    dtype = result_type(values.dtype.name, float)
    out = np.median(values.astype(dtype), _axis(axis, values.ndim), keepdims=keepdims)
    return _tensor(out, dtype)


def op_logsumexp(x, axis=None, keepdims=False) -> Tensor:
    """`log(sum(exp(x)))` over `axis`, computed without overflow.

    Value: a float Tensor (floatx for ints and bools).
    """
    values = convert(x)
    dtype = float_dtype(values.dtype.name)
    values = values.astype(dtype)
    axes = _axis(axis, values.ndim)
    with np.errstate(all="ignore"):
        top = np.max(values, axes, keepdims=True) if values.size else np.zeros((), dtype)
        top = np.where(np.isfinite(top), top, 0)
        out = np.log(np.sum(np.exp(values - top), axes, keepdims=True)) + top
    if not keepdims:
        out = np.squeeze(out, axes) if axes is not None else out.reshape(())
    return _tensor(out, dtype)



# -- statistics and segments ------------------------------------------------------------
def op_quantile(x, q, axis=None, method="linear", keepdims=False) -> Tensor:
    """The `q`-th quantiles (`q` in [0, 1], a number or a vector) of `x` over `axis`.

    Value: a float Tensor (floatx for ints and bools); a vector `q` adds a first axis.
    """
    values = convert(x)
    dtype = float_dtype(values.dtype.name)
    probs = convert(q)
    out = np.quantile(values.astype(dtype), probs.astype(np.float64), axis=_axis(axis, values.ndim),
                      method=method, keepdims=keepdims)
    return _tensor(out, dtype)


def op_histogram(x, bins=10, range=None) -> tuple:  # noqa: A002 (Keras's name)
    """Counts of the values of the 1-d `x` in `bins` equal bins over `range` (else the
    values' min and max).

    Value: a tuple of two float Tensors (floatx for int `x`): the counts (as Keras gives
    them) and the bin edges.
    """
    values = convert(x)
    if values.ndim != 1:
        raise ValueError(f"`x` must be 1-d; received shape {values.shape}.")
    counts, edges = np.histogram(values, as_int(bins, "bins"), range)
    dtype = result_type(values.dtype.name, float)
    return _tensor(counts, dtype), _tensor(edges, dtype)


def op_bincount(x, weights=None, minlength=0, sparse=False) -> Tensor:
    """How often each non-negative int occurs in `x` (per row for a matrix), summing
    `weights` instead of ones when given.

    Value: a Tensor: int32 counts, or of `weights`'s dtype.
    """
    if sparse:
        raise ValueError("The NumPy core has dense tensors only: `sparse` must be FALSE.")
    values = convert(x)
    w = None if weights is None else convert(weights)
    dtype = "int32" if w is None else w.dtype.name
    length = max(int(values.max()) + 1 if values.size else 0, as_int(minlength, "minlength"))
    if values.ndim == 2:
        rows = [np.bincount(r, None if w is None else wr, length)
                for r, wr in zip(values, w if w is not None else values)]
        return _tensor(np.stack(rows), dtype)
    return _tensor(np.bincount(values, w, length), dtype)


def op_corrcoef(x) -> Tensor:
    """Pearson correlation coefficients between the rows of `x` (variables in rows).

    Value: a float Tensor (floatx for ints and bools).
    """
    values = convert(x)
    dtype = float_dtype(values.dtype.name)
    with np.errstate(all="ignore"):
        return _tensor(np.corrcoef(values.astype(dtype)), dtype)


def _segment(function, data, segment_ids, num_segments, fill):
    values = convert(data)
    ids = convert(segment_ids)
    n = int(ids.max()) + 1 if num_segments is None else as_int(num_segments, "num_segments")
    out = np.full((n, *values.shape[1:]), fill(values.dtype), values.dtype)
    keep = (ids >= 0) & (ids < n)
    function.at(out, ids[keep], values[keep])
    return Tensor(out)


def op_segment_sum(data, segment_ids, num_segments=None, sorted=False) -> Tensor:  # noqa: A002
    """The sums of the rows of `data` per segment (`segment_ids`, 0-based, one per row).

    Value: a Tensor of `data`'s dtype with `num_segments` rows (zeros where empty).
    """
    return _segment(np.add, data, segment_ids, num_segments, lambda d: 0)


def op_segment_max(data, segment_ids, num_segments=None, sorted=False) -> Tensor:  # noqa: A002
    """The maxima of the rows of `data` per segment (`segment_ids`, 0-based, one per row).

    Value: a Tensor of `data`'s dtype with `num_segments` rows (the dtype's lowest value,
    -inf for floats, where empty).
    """
    def lowest(dtype):
        return -np.inf if dtype.kind == "f" else np.iinfo(dtype).min if dtype.kind in "iu" \
            else False

    return _segment(np.maximum, data, segment_ids, num_segments, lowest)


def op_in_top_k(targets, predictions, k) -> Tensor:
    """Whether each target class (0-based) is among the `k` highest `predictions` of its row
    (ties count in its favour).

    Value: a bool Tensor, one value per row.
    """
    scores = convert(predictions)
    at_target = np.take_along_axis(scores, convert(targets)[..., None].astype(np.intp), -1)
    at_target = np.where(np.isnan(at_target), -np.inf, at_target)
    rank = 1 + np.sum(scores > at_target, axis=-1)
    return _tensor(rank <= as_int(k, "k"), "bool")


def op_norm(x, ord=None, axis=None, keepdims=False) -> Tensor:  # noqa: A002
    """The vector norm (or matrix norm, with two axes) of `x` over `axis`.

    Value: a float Tensor (floatx for ints and bools).
    """
    values = convert(x)
    dtype = float_dtype(values.dtype.name)
    axes = _axis(axis, values.ndim)
    out = np.linalg.norm(values.astype(dtype), ord, axes, keepdims)
    return _tensor(out, dtype)


__all__ += ["op_bincount", "op_corrcoef", "op_histogram", "op_in_top_k", "op_norm",
            "op_quantile", "op_segment_max", "op_segment_sum"]
