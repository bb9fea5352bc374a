"""Shape ops, indexing and creation on the NumPy core (`op_transpose()`, `op_stack()`,
`op_take()`, `op_zeros()`, `op_arange()`, ...), with Keras's arguments (0-based axes and
indices) and dtypes: new tensors are floatx unless told, tensors joined together take the
dtype they promote to, indices are int32.

Examples:
    >>> from rstyle_keras.core.ops.shapes import op_arange, op_zeros
    >>> op_zeros(c(2, 3)).dtype, op_arange(3).dtype, op_arange(0, 1, 0.25).dtype
    (dtype('float32'), dtype('int32'), dtype('float32'))
    >>> from rstyle_keras.core.ops.shapes import op_concatenate, op_eye, op_ones, op_transpose
    >>> op_concatenate([op_array([1, 2], "int8"), op_array([3.5])])
    Tensor([1.  2.  3.5], shape=(3,), dtype=float32)
    >>> op_transpose(op_ones(c(2, 3, 4))).shape
    (4, 3, 2)
    >>> op_eye(2, dtype="int32")
    Tensor(
    [[1 0]
     [0 1]], shape=(2, 2), dtype=int32)
"""

from __future__ import annotations

import numpy as np

from ..arguments import as_int
from ..config import config_floatx
from ..tensor import Tensor
from .dtypes import convert, dtype_of, promote, result_type, standardize_dtype

__all__ = [
    "op_arange", "op_broadcast_to", "op_concatenate", "op_convert_to_tensor", "op_copy",
    "op_diag", "op_diagonal", "op_empty", "op_expand_dims", "op_eye", "op_flip", "op_full",
    "op_full_like", "op_hstack", "op_identity", "op_linspace", "op_moveaxis", "op_ndim",
    "op_ones", "op_ones_like", "op_pad", "op_ravel", "op_repeat", "op_roll", "op_size",
    "op_sort", "op_argsort", "op_split", "op_squeeze", "op_stack", "op_swapaxes", "op_take",
    "op_take_along_axis", "op_tile", "op_transpose", "op_tri", "op_tril", "op_triu",
    "op_vstack", "op_zeros", "op_zeros_like", "op_nonzero", "op_unstack",
]


def _shape(shape, name="shape") -> tuple:
    if isinstance(shape, (int, np.integer, float)):
        shape = (shape,)
    return tuple(as_int(d, name, "a sequence of integers") for d in shape)


def _axes(axis):
    """An axis argument as NumPy takes it: a list (an R vector) becomes a tuple."""
    return tuple(int(a) for a in axis) if isinstance(axis, (list, np.ndarray)) else axis


def _dtype(dtype, default=None) -> str:
    return standardize_dtype(dtype) if dtype is not None else (default or config_floatx())


def _join(xs) -> list:
    """Tensors to join, converted to the dtype they promote to (Keras's rule)."""
    if isinstance(xs, (Tensor, np.ndarray)):
        xs = list(xs)
    xs = list(xs)
    if not xs:
        raise ValueError("`xs` must hold at least one tensor; received an empty list.")
    dtype = promote(*xs) if len(xs) > 1 else convert(xs[0]).dtype.name
    return [convert(x, dtype) for x in xs]


# -- creation ---------------------------------------------------------------------------
def op_zeros(shape, dtype=None) -> Tensor:
    """A Tensor of zeros.

    Value: a Tensor of `shape`, `dtype` (floatx by default).
    """
    return Tensor(np.zeros(_shape(shape), _dtype(dtype)))


def op_ones(shape, dtype=None) -> Tensor:
    """A Tensor of ones.

    Value: a Tensor of `shape`, `dtype` (floatx by default).
    """
    return Tensor(np.ones(_shape(shape), _dtype(dtype)))


def op_empty(shape, dtype=None) -> Tensor:
    """A Tensor of `shape` (its values are zeros here, as on JAX).

    Value: a Tensor of `shape`, `dtype` (floatx by default).
    """
    return Tensor(np.zeros(_shape(shape), _dtype(dtype)))


def op_full(shape, fill_value, dtype=None) -> Tensor:
    """A Tensor of `shape` filled with `fill_value`.

    Value: a Tensor of `dtype` (floatx by default).
    """
    return Tensor(np.full(_shape(shape), convert(fill_value), _dtype(dtype)))


def _like(x, dtype):
    values = convert(x)
    return values, (standardize_dtype(dtype) if dtype is not None else values.dtype.name)


def op_zeros_like(x, dtype=None) -> Tensor:
    """Zeros of `x`'s shape and dtype (or `dtype`).

    Value: a Tensor.
    """
    values, dtype = _like(x, dtype)
    return Tensor(np.zeros(values.shape, dtype))


def op_ones_like(x, dtype=None) -> Tensor:
    """Ones of `x`'s shape and dtype (or `dtype`).

    Value: a Tensor.
    """
    values, dtype = _like(x, dtype)
    return Tensor(np.ones(values.shape, dtype))


def op_full_like(x, fill_value, dtype=None) -> Tensor:
    """`fill_value` in `x`'s shape and dtype (or `dtype`).

    Value: a Tensor.
    """
    values, dtype = _like(x, dtype)
    return Tensor(np.full(values.shape, convert(fill_value), dtype))


def op_eye(N, M=None, k=0, dtype=None) -> Tensor:  # noqa: N803 (Keras's names)
    """An `N` by `M` matrix with ones on diagonal `k` (0: the main one, >0 above).

    Value: a Tensor of `dtype` (floatx by default).
    """
    M = N if M is None else as_int(M, "M")  # noqa: N806
    return Tensor(np.eye(as_int(N, "N"), M, as_int(k, "k"), _dtype(dtype)))


def op_identity(n, dtype=None) -> Tensor:
    """The `n` by `n` identity matrix.

    Value: a Tensor of `dtype` (floatx by default).
    """
    return Tensor(np.identity(as_int(n, "n"), _dtype(dtype)))


def op_tri(N, M=None, k=0, dtype=None) -> Tensor:  # noqa: N803
    """An `N` by `M` matrix with ones at and below diagonal `k`.

    Value: a Tensor of `dtype` (floatx by default).
    """
    M = N if M is None else as_int(M, "M")  # noqa: N806
    return Tensor(np.tri(as_int(N, "N"), M, as_int(k, "k"), _dtype(dtype)))


def op_arange(start, stop=None, step=None, dtype=None) -> Tensor:
    """Evenly spaced values in `[start, stop)` (`[0, start)` with `stop` NULL).

    Value: a 1-d Tensor of `dtype`, by default the dtype `start`, `stop` and `step`
    promote to (int32 for Python ints, floatx with a Python float).
    """
    given = [v for v in (start, stop, step) if v is not None]
    if dtype is None:
        dtype = result_type(*(type(v) if isinstance(v, (int, float)) else dtype_of(v)[0]
                              for v in given))
    dtype = standardize_dtype(dtype)
    if stop is None:
        start, stop = 0, start
    step = 1 if step is None else step
    start, stop, step = (np.asarray(v).item() if not isinstance(v, (int, float)) else v
                         for v in (start, stop, step))
    return Tensor(np.arange(start, stop, step, dtype=dtype))


def op_linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    """`num` evenly spaced values from `start` to `stop` (included with `endpoint`).

    Value: a Tensor of `dtype` (by default floatx, or the float dtype `start` and `stop`
    promote to); with `retstep`, a list of it and the step.
    """
    if dtype is None:
        kinds = [type(v) if isinstance(v, (int, float)) else dtype_of(v)[0]
                 for v in (start, stop)]
        dtype = result_type(*kinds, float)
    dtype = standardize_dtype(dtype)
    out = np.linspace(convert(start), convert(stop), as_int(num, "num"), endpoint,
                      retstep=True, axis=axis)
    values = Tensor(out[0].astype(dtype))
    return (values, Tensor(np.asarray(out[1], dtype))) if retstep else values


def op_convert_to_tensor(x, dtype=None, sparse=None, ragged=None) -> Tensor:
    """`x` as a Tensor (Python floats become floatx, ints int32, 64-bit arrays 32-bit ones,
    as in Keras on JAX).

    Value: a Tensor of `dtype`, if given. `sparse` and `ragged` must be NULL or FALSE:
    the core has dense tensors only.
    """
    if sparse or ragged:
        raise ValueError("The NumPy core has dense tensors only: `sparse` and `ragged` "
                         f"must be NULL or FALSE; received sparse={sparse}, ragged={ragged}.")
    return Tensor(convert(x, None if dtype is None else standardize_dtype(dtype)))


def op_copy(x) -> Tensor:
    """A copy of `x`.

    Value: a Tensor.
    """
    return Tensor(np.array(convert(x), copy=True))


def op_size(x) -> int:
    """The number of values in `x`.

    Value: an int (as Keras on JAX gives).
    """
    return int(convert(x).size)


def op_ndim(x) -> int:
    """The number of dimensions of `x`.

    Value: an int (as Keras on JAX gives).
    """
    return int(convert(x).ndim)


# -- shapes -----------------------------------------------------------------------------
def op_transpose(x, axes=None) -> Tensor:
    """`x` with its axes permuted (reversed when `axes` is NULL).

    Value: a Tensor.
    """
    return Tensor(np.transpose(convert(x), _axes(axes)))


def op_squeeze(x, axis=None) -> Tensor:
    """`x` without its size-1 dimensions (or only those of `axis`).

    Value: a Tensor.
    """
    values = convert(x)
    try:
        return Tensor(np.squeeze(values, _axes(axis)))
    except ValueError:
        raise ValueError(f"`axis`={axis!r} names a dimension that is not of size 1 in shape "
                         f"{values.shape}.") from None


def op_expand_dims(x, axis) -> Tensor:
    """`x` with a new dimension of size 1 at `axis` (an int or a tuple).

    Value: a Tensor.
    """
    return Tensor(np.expand_dims(convert(x), _axes(axis)))


def op_ravel(x) -> Tensor:
    """The values of `x` as a 1-d Tensor (row-major order).

    Value: a Tensor.
    """
    return Tensor(np.ravel(convert(x)))


def op_broadcast_to(x, shape) -> Tensor:
    """`x` broadcast to `shape`.

    Value: a Tensor.
    """
    return Tensor(np.array(np.broadcast_to(convert(x), _shape(shape))))


def op_swapaxes(x, axis1, axis2) -> Tensor:
    """`x` with axes `axis1` and `axis2` swapped.

    Value: a Tensor.
    """
    return Tensor(np.swapaxes(convert(x), axis1, axis2))


def op_moveaxis(x, source, destination) -> Tensor:
    """`x` with the axes `source` moved to `destination` (ints or tuples).

    Value: a Tensor.
    """
    return Tensor(np.moveaxis(convert(x), _axes(source), _axes(destination)))


def op_flip(x, axis=None) -> Tensor:
    """`x` with the order of its values reversed along `axis` (all axes with NULL).

    Value: a Tensor.
    """
    return Tensor(np.flip(convert(x), _axes(axis)))


def op_roll(x, shift, axis=None) -> Tensor:
    """`x` rolled by `shift` places along `axis` (the flattened `x` with NULL).

    Value: a Tensor.
    """
    return Tensor(np.roll(convert(x), _axes(shift), _axes(axis)))


def op_tile(x, repeats) -> Tensor:
    """`x` repeated `repeats` times (an int or one per dimension).

    Value: a Tensor.
    """
    return Tensor(np.tile(convert(x), repeats))


def op_repeat(x, repeats, axis=None) -> Tensor:
    """Each value of `x` repeated `repeats` times along `axis` (flattened with NULL).

    Value: a Tensor.
    """
    return Tensor(np.repeat(convert(x), convert(repeats), axis))


def op_concatenate(xs, axis=0) -> Tensor:
    """The tensors of `xs` joined along the existing `axis` (NULL: flattened first).

    Value: a Tensor of the dtype they promote to.
    """
    return Tensor(np.concatenate(_join(xs), axis=axis))


def op_stack(x, axis=0) -> Tensor:
    """The tensors of `x` joined along a new `axis`.

    Value: a Tensor of the dtype they promote to.
    """
    return Tensor(np.stack(_join(x), axis=axis))


def op_hstack(xs) -> Tensor:
    """The tensors of `xs` joined column-wise (along axis 1; axis 0 for 1-d ones).

    Value: a Tensor of the dtype they promote to.
    """
    return Tensor(np.hstack(_join(xs)))


def op_vstack(xs) -> Tensor:
    """The tensors of `xs` joined row-wise (along axis 0, 1-d ones as rows).

    Value: a Tensor of the dtype they promote to.
    """
    return Tensor(np.vstack(_join(xs)))


def op_split(x, indices_or_sections, axis=0) -> list:
    """`x` split along `axis` into `indices_or_sections` equal parts (an int), or at the
    (0-based) indices of a sequence.

    Value: a list of Tensors.
    """
    sections = indices_or_sections
    if not isinstance(sections, (int, np.integer)):
        sections = [int(i) for i in convert(sections).reshape(-1)]
    return [Tensor(part) for part in np.split(convert(x), sections, axis)]


def op_unstack(x, num=None, axis=0) -> list:
    """`x` cut along `axis` into its slices.

    Value: a list of Tensors (`num` of them, if given, must be `x`'s size there).
    """
    values = convert(x)
    if num is not None and num != values.shape[axis]:
        raise ValueError(f"`num`={num} differs from the size {values.shape[axis]} of `x` "
                         f"along `axis`={axis}.")
    return [Tensor(v) for v in np.moveaxis(values, axis, 0)]


def op_sort(x, axis=-1) -> Tensor:
    """`x` sorted in increasing order along `axis` (the flattened `x` with NULL).

    Value: a Tensor.
    """
    return Tensor(np.sort(convert(x), axis=axis, kind="stable"))


def op_argsort(x, axis=-1) -> Tensor:
    """The (0-based) indices that sort `x` along `axis`, ties in order.

    Value: an int32 Tensor.
    """
    return Tensor(np.argsort(convert(x), axis=axis, kind="stable").astype("int32"))


def op_take(x, indices, axis=None) -> Tensor:
    """The values of `x` at the (0-based) `indices` along `axis` (flattened with NULL);
    negative indices count from the end.

    Value: a Tensor.
    """
    values = convert(x)
    index = convert(indices)
    if index.dtype.kind not in "iu":
        raise TypeError(f"`indices` must be integers; received dtype {index.dtype}.")
    size = values.size if axis is None else values.shape[axis]
    return Tensor(np.take(values, np.clip(index, -size, size - 1), axis=axis))


def op_take_along_axis(x, indices, axis=None) -> Tensor:
    """The values of `x` at `indices` (0-based, shaped like `x`) along `axis`.

    Value: a Tensor.
    """
    values = convert(x)
    index = convert(indices)
    if axis is None:
        values, axis = values.reshape(-1), 0
    size = values.shape[axis]
    return Tensor(np.take_along_axis(values, np.clip(index, -size, size - 1), axis))


def op_nonzero(x) -> tuple:
    """The (0-based) indices of the non-zero values of `x`, one Tensor per dimension.

    Value: a tuple of int32 Tensors.
    """
    return tuple(Tensor(i.astype("int32")) for i in np.nonzero(convert(x)))


def op_pad(x, pad_width, mode="constant", constant_values=None) -> Tensor:
    """`x` padded by `pad_width` (per dimension, values before and after).

    Value: a Tensor of `x`'s dtype.
    """
    values = convert(x)
    kwargs = {}
    if constant_values is not None:
        if mode != "constant":
            raise ValueError(f"`constant_values` needs mode='constant'; received mode={mode!r}.")
        kwargs["constant_values"] = convert(constant_values, values.dtype)
    width = np.asarray(pad_width).astype(int).tolist() if not isinstance(
        pad_width, (int, np.integer)) else pad_width
    return Tensor(np.pad(values, width, mode=mode, **kwargs))


def op_tril(x, k=0) -> Tensor:
    """`x` with the values above diagonal `k` set to zero.

    Value: a Tensor.
    """
    return Tensor(np.tril(convert(x), k))


def op_triu(x, k=0) -> Tensor:
    """`x` with the values below diagonal `k` set to zero.

    Value: a Tensor.
    """
    return Tensor(np.triu(convert(x), k))


def op_diag(x, k=0) -> Tensor:
    """The diagonal `k` of a matrix, or a matrix with a vector on diagonal `k`.

    Value: a Tensor.
    """
    values = convert(x)
    if values.ndim not in (1, 2):
        raise ValueError(f"`x` must be 1-d or 2-d; received shape {values.shape}.")
    return Tensor(np.diag(values, k))


def op_diagonal(x, offset=0, axis1=0, axis2=1) -> Tensor:
    """The diagonal `offset` of `x` in the plane of `axis1` and `axis2`.

    Value: a Tensor.
    """
    return Tensor(np.array(np.diagonal(convert(x), offset, axis1, axis2)))


# -- more array ops ---------------------------------------------------------------------
def op_diff(a, n=1, axis=-1) -> Tensor:
    """The `n`-th differences of `a` along `axis`.

    Value: a Tensor of `a`'s dtype.
    """
    return Tensor(np.diff(convert(a), as_int(n, "n"), axis))


def op_append(x1, x2, axis=None) -> Tensor:
    """`x2` appended to `x1` along `axis` (both flattened with NULL).

    Value: a Tensor of the dtype `x1` and `x2` promote to.
    """
    a, b = convert(x1), convert(x2)
    dtype = promote(a, b)
    return Tensor(np.append(a.astype(dtype), b.astype(dtype), axis))


def op_average(x, axis=None, weights=None) -> Tensor:
    """The (weighted) average of `x` over `axis`.

    Value: a float Tensor (floatx for ints and bools).
    """
    values = convert(x)
    kinds = [values.dtype.name, float]
    if weights is not None:
        weights = convert(weights)
        kinds.append(weights.dtype.name)
    dtype = result_type(*kinds)
    if weights is not None:
        weights = weights.astype(dtype)
    return Tensor(np.asarray(np.average(values.astype(dtype), axis, weights)).astype(dtype))


def op_logspace(start, stop, num=50, endpoint=True, base=10, dtype=None, axis=0) -> Tensor:
    """`num` values spaced evenly on a log scale, `base^start` to `base^stop`.

    Value: a Tensor of `dtype` (floatx by default).
    """
    dtype = _dtype(dtype)
    out = np.logspace(convert(start), convert(stop), as_int(num, "num"), endpoint, base,
                      axis=axis)
    return Tensor(out.astype(dtype))


def op_meshgrid(*x, indexing="xy") -> list:
    """Coordinate matrices from the 1-d coordinate vectors `...`.

    Value: a list of Tensors (one per vector).
    """
    if indexing not in ("xy", "ij"):
        raise ValueError(f"`indexing` must be 'xy' or 'ij'; received indexing={indexing!r}.")
    return [Tensor(np.array(m)) for m in np.meshgrid(*(convert(v) for v in x),
                                                     indexing=indexing)]


def op_diagflat(x, k=0) -> Tensor:
    """A matrix with the flattened `x` on diagonal `k`.

    Value: a Tensor of `x`'s dtype.
    """
    return Tensor(np.diagflat(convert(x), as_int(k, "k")))


def op_rot90(array, k=1, axes=(0, 1)) -> Tensor:
    """`array` rotated `k` times by 90 degrees in the plane of `axes`.

    Value: a Tensor.
    """
    values = convert(array)
    if values.ndim < 2:
        raise ValueError(f"`array` must have at least 2 dimensions; received shape "
                         f"{values.shape}.")
    return Tensor(np.rot90(values, as_int(k, "k"), axes))


def op_searchsorted(sorted_sequence, values, side="left") -> Tensor:
    """The (0-based) positions where `values` would go in the 1-d `sorted_sequence`.

    Value: an int32 Tensor of `values`'s shape.
    """
    sequence = convert(sorted_sequence)
    if sequence.ndim != 1:
        raise ValueError(f"`sorted_sequence` must be 1-d; received shape {sequence.shape}.")
    found = np.searchsorted(sequence, convert(values), side=side)
    return Tensor(np.asarray(found).astype("int32"))


def op_digitize(x, bins) -> Tensor:
    """The (0-based) index of the bin of `bins` each value of `x` falls in.

    Value: an int32 Tensor.
    """
    return Tensor(np.digitize(convert(x), convert(bins)).astype("int32"))


def op_select(condlist, choicelist, default=0) -> Tensor:
    """Per value, the choice of the first true condition of `condlist`, else `default`.

    Value: a Tensor of the dtype the choices promote to.
    """
    choices = [convert(c) for c in choicelist]
    dtype = promote(*choices, default) if choices else promote(default)
    out = np.select([convert(c).astype(bool) for c in condlist],
                    [c.astype(dtype) for c in choices], convert(default, dtype))
    return Tensor(np.asarray(out).astype(dtype))


def op_top_k(x, k, sorted=True) -> tuple:  # noqa: A002 (Keras's name)
    """The `k` largest values along the last axis and their (0-based) indices, largest
    first (ties: the lower index first).

    Value: a tuple of two Tensors: the values (`x`'s dtype) and the int32 indices.
    """
    values = convert(x)
    k = as_int(k, "k")
    keys = values.astype(np.float64) if values.dtype.kind in "biu" else values
    order = np.argsort(-keys, axis=-1, kind="stable")[..., :k]  # ties: lower index first
    return Tensor(np.take_along_axis(values, order, -1)), Tensor(order.astype("int32"))


def op_one_hot(x, num_classes, axis=-1, dtype=None, sparse=False) -> Tensor:
    """One-hot encoding of the (0-based) class indices `x`: `num_classes` values along a new
    `axis`, all zero for indices out of range.

    Value: a Tensor of `dtype` (floatx by default).
    """
    if sparse:
        raise ValueError("The NumPy core has dense tensors only: `sparse` must be FALSE.")
    index = convert(x)
    n = as_int(num_classes, "num_classes")
    out = (index[..., None] == np.arange(n)).astype(_dtype(dtype))
    return Tensor(np.moveaxis(out, -1, axis) if axis != -1 else out)


def op_slice(inputs, start_indices, shape) -> Tensor:
    """The block of `inputs` of `shape` (-1: to the end) from `start_indices` (0-based).

    Value: a Tensor.
    """
    values = convert(inputs)
    starts = [int(i) for i in np.asarray(convert(start_indices)).reshape(-1)]
    sizes = [int(s) for s in np.asarray(convert(shape)).reshape(-1)]
    index = tuple(slice(b, values.shape[d] if s == -1 else b + s)
                  for d, (b, s) in enumerate(zip(starts, sizes)))
    return Tensor(np.array(values[index]))


def op_slice_update(inputs, start_indices, updates) -> Tensor:
    """A copy of `inputs` with the block at `start_indices` (0-based) set to `updates`.

    Value: a Tensor of `inputs`'s dtype.
    """
    values = np.array(convert(inputs), copy=True)
    new = convert(updates)
    starts = [int(i) for i in np.asarray(convert(start_indices)).reshape(-1)]
    index = tuple(slice(b, b + n) for b, n in zip(starts, new.shape))
    values[index] = new
    return Tensor(values)


def op_scatter(indices, values, shape) -> Tensor:
    """A Tensor of zeros of `shape` with `values` added at `indices` (0-based, one row of
    coordinates per value).

    Value: a Tensor of `values`'s dtype.
    """
    updates = convert(values)
    out = np.zeros(_shape(shape), updates.dtype)
    np.add.at(out, tuple(np.moveaxis(convert(indices), -1, 0)), updates)
    return Tensor(out)


def op_scatter_update(inputs, indices, updates, reduction=None) -> Tensor:
    """A copy of `inputs` with `updates` at `indices` (0-based, one row of coordinates per
    update): set, or combined by `reduction` ("add", "max", "min" or "mul").

    Value: a Tensor of `inputs`'s dtype.
    """
    out = np.array(convert(inputs), copy=True)
    key = tuple(np.transpose(convert(indices)))
    new = convert(updates, out.dtype)
    combine = {None: None, "add": np.add, "max": np.maximum, "min": np.minimum,
               "mul": np.multiply}
    if reduction not in combine:
        raise ValueError(f"`reduction` must be None, 'add', 'max', 'min' or 'mul'; received "
                         f"reduction={reduction!r}.")
    if reduction is None:
        out[key] = new
    else:
        combine[reduction].at(out, key, new)
    return Tensor(out)


def op_is_tensor(x) -> bool:
    """Whether `x` is a core Tensor.

    Value: TRUE or FALSE.
    """
    return isinstance(x, Tensor)


def op_dtype(x) -> str:
    """The dtype of `x`, as a name ("float32", ...).

    Value: a string.
    """
    return convert(x).dtype.name


def _window(name, function, text):
    def op(x):
        return Tensor(function(as_int(x, "x")).astype(config_floatx()))

    op.__name__ = op.__qualname__ = name
    op.__doc__ = f"{text}\n\nValue: a 1-d Tensor of `x` values (floatx).\n"
    return op


op_bartlett = _window("op_bartlett", np.bartlett, "The Bartlett (triangular) window.")
op_blackman = _window("op_blackman", np.blackman, "The Blackman window.")
op_hamming = _window("op_hamming", np.hamming, "The Hamming window.")
op_hanning = _window("op_hanning", np.hanning, "The Hann window.")


def op_kaiser(x, beta) -> Tensor:
    """The Kaiser window of `x` values, of shape parameter `beta`.

    Value: a 1-d Tensor (floatx).
    """
    return Tensor(np.kaiser(as_int(x, "x"), float(beta)).astype(config_floatx()))


def op_unravel_index(indices, shape) -> tuple:
    """The coordinates (0-based) in an array of `shape` of the flat (0-based) `indices`.

    Value: a tuple of Tensors, one per dimension, of `indices`'s dtype.
    """
    index = convert(indices)
    return tuple(Tensor(np.asarray(c).astype(index.dtype))
                 for c in np.unravel_index(index, _shape(shape)))


def op_get_item(x, key) -> Tensor:
    """`x[key]` (Python's 0-based indexing: ints, slices, index arrays, masks).

    Value: a Tensor.
    """
    if isinstance(key, Tensor):
        key = key.numpy()
    return Tensor(np.array(convert(x)[key]))


def _limit(value, dtype, inward):
    """`value` (a limit of the target dtype) in `dtype`: the nearest value of `dtype` on the
    inner side (`inward` 1: up, -1: down), and at most `dtype`'s own limits."""
    if dtype.kind in "iu":
        own = np.iinfo(dtype)
        return np.asarray(min(max(int(value), own.min), own.max), dtype)
    limit = np.asarray(value).astype(dtype)
    if np.isinf(limit) or (float(limit) - float(value)) * inward < 0:
        limit = np.nextafter(limit, np.asarray(inward * np.inf, dtype))
    return limit


def op_saturate_cast(x, dtype) -> Tensor:
    """`x` converted to `dtype`, values out of its range clipped to its limits first.

    Value: a Tensor of `dtype`.
    """
    values = convert(x)
    name = standardize_dtype(dtype)
    target = np.dtype(name)
    source = values
    if target.kind in "iuf" and values.dtype.kind in "iuf":
        info = np.iinfo(target) if target.kind in "iu" else np.finfo(target)
        values = np.clip(values, _limit(info.min, values.dtype, 1),
                         _limit(info.max, values.dtype, -1))
        if source.dtype.kind == "f" and target.kind in "iu":  # floats saturate at the limits
            with np.errstate(all="ignore"):
                out = values.astype(name)
            out[source >= float(info.max)] = info.max
            out[source <= float(info.min)] = info.min
            return Tensor(out)
    with np.errstate(all="ignore"):
        return Tensor(values.astype(name))


def op_stop_gradient(variable) -> Tensor:
    """`variable` itself (the core computes no gradients).

    Value: a Tensor.
    """
    return Tensor(convert(variable))


__all__ += [
    "op_bartlett", "op_blackman", "op_get_item", "op_hamming", "op_hanning", "op_kaiser",
    "op_saturate_cast", "op_stop_gradient", "op_unravel_index",
]
__all__ += [
    "op_append", "op_average", "op_diagflat", "op_diff", "op_digitize", "op_dtype",
    "op_is_tensor", "op_logspace", "op_meshgrid", "op_one_hot", "op_rot90", "op_scatter",
    "op_scatter_update", "op_searchsorted", "op_select", "op_slice", "op_slice_update",
    "op_top_k",
]
