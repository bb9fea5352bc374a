"""Products on the NumPy core: `op_matmul()`, `op_dot()`, `op_tensordot()`, `op_einsum()`,
`op_outer()`, `op_inner()`, `op_vdot()`, `op_trace()`, in the dtype the inputs promote
to under Keras's rules (`op_matmul()` and `op_einsum()` of int8 operands give int32, as in
Keras; the other products keep int8).

Examples:
    >>> from rstyle_keras.core.ops.products import op_einsum, op_matmul
    >>> a = op_array([[1, 2], [3, 4]], "int8")
    >>> op_matmul(a, a)
    Tensor(
    [[ 7 10]
     [15 22]], shape=(2, 2), dtype=int32)
    >>> op_matmul(a, op_array([0.5, 1.0]))
    Tensor([2.5 5.5], shape=(2,), dtype=float32)
    >>> op_einsum("ij,j->i", a, op_array([1, 1]))
    Tensor([3 7], shape=(2,), dtype=int32)
"""

from __future__ import annotations

import numpy as np

from ..tensor import KERAS_UFUNCS, Tensor
from .dtypes import convert, promote
from .reductions import _accumulator

__all__ = ["op_dot", "op_einsum", "op_inner", "op_matmul", "op_outer", "op_tensordot",
           "op_trace", "op_vdot"]


def _operands(*xs, widen_int8=False):
    dtype = promote(*xs)
    if widen_int8 and all(convert(x).dtype == np.int8 for x in xs):
        return [convert(x, "int32") for x in xs], "int32"  # Keras: int8 products are int32
    return [convert(x, dtype) for x in xs], dtype


def _product(function, x1, x2, *args, widen_int8=False):
    (a, b), dtype = _operands(x1, x2, widen_int8=widen_int8)
    return Tensor(np.asarray(function(a, b, *args)).astype(dtype, copy=False))


def op_matmul(x1, x2) -> Tensor:
    """The matrix product of `x1` and `x2` (batched over leading dimensions; a 1-d
    operand is a vector).

    Value: a Tensor of the dtype `x1` and `x2` promote to.
    """
    a, b = convert(x1), convert(x2)
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError(f"`x1` and `x2` must have at least 1 dimension; received shapes "
                         f"{a.shape} and {b.shape}.")
    return _product(np.matmul, a, b, widen_int8=True)


def op_dot(x1, x2) -> Tensor:
    """The dot product: `x1 %*% x2` for matrices, the sum over `x1`'s last and `x2`'s
    second-to-last axis in general; scalars multiply.

    Value: a Tensor of the dtype `x1` and `x2` promote to.
    """
    return _product(np.dot, x1, x2)


def op_tensordot(x1, x2, axes=2) -> Tensor:
    """The sum of products over `axes`: an int (the last `axes` of `x1` with the first of
    `x2`) or two sequences of axes.

    Value: a Tensor of the dtype `x1` and `x2` promote to.
    """
    return _product(np.tensordot, x1, x2, axes)


def op_outer(x1, x2) -> Tensor:
    """The outer product of the flattened `x1` and `x2`.

    Value: a matrix Tensor of the dtype `x1` and `x2` promote to.
    """
    return _product(np.outer, x1, x2)


def op_inner(x1, x2) -> Tensor:
    """The sum of products over the last axes of `x1` and `x2`.

    Value: a Tensor of the dtype `x1` and `x2` promote to.
    """
    return _product(np.inner, x1, x2)


def op_vdot(x1, x2) -> Tensor:
    """The dot product of the flattened `x1` and `x2`.

    Value: a scalar Tensor of the dtype `x1` and `x2` promote to.
    """
    return _product(np.vdot, x1, x2)


def op_einsum(subscripts, *operands, **kwargs) -> Tensor:
    """Einstein summation of `operands` as `subscripts` says (e.g. "ij,jk->ik").

    Value: a Tensor of the dtype the operands promote to.
    """
    if not operands:
        raise ValueError("`op_einsum()` needs at least one operand after `subscripts`.")
    arrays, dtype = _operands(*operands, widen_int8=True)
    return Tensor(np.asarray(np.einsum(subscripts, *arrays, **kwargs)).astype(dtype))


def op_trace(x, offset=0, axis1=0, axis2=1) -> Tensor:
    """The sum of the diagonal `offset` of `x` in the plane of `axis1` and `axis2`.

    Value: a Tensor (small ints and bools sum to int32, as in `op_sum()`).
    """
    values = convert(x)
    dtype = _accumulator(values.dtype.name)
    return Tensor(np.asarray(np.trace(values, offset, axis1, axis2, dtype)).astype(dtype))


def op_cross(x1, x2, axisa=-1, axisb=-1, axisc=-1, axis=None) -> Tensor:
    """The cross product of 3-vectors (or 2-vectors) in `x1` and `x2`.

    Value: a Tensor of the dtype `x1` and `x2` promote to.
    """
    (a, b), dtype = _operands(x1, x2)
    out = np.cross(a, b, axisa, axisb, axisc, axis)
    return Tensor(np.asarray(out).astype(dtype, copy=False))


def op_correlate(x1, x2, mode="valid") -> Tensor:
    """The cross-correlation of the 1-d `x1` and `x2` ("valid", "same" or "full").

    Value: a Tensor of the dtype `x1` and `x2` promote to.
    """
    return _product(np.correlate, x1, x2, mode)


__all__ += ["op_correlate", "op_cross"]

KERAS_UFUNCS[np.matmul] = op_matmul  # `a @ b` on Tensors
