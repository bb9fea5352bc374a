"""Element-wise ops (math, comparisons, logic) on the NumPy core, with Keras's dtypes.

Each function has the parameters of the `keras.ops` function it stands for and returns a
Tensor of the dtype Keras gives on JAX (`rstyle_keras.core.ops.dtypes`): Python numbers are
weak (`op_add(int8 tensor, 1)` is int8), float math on ints and bools gives floatx
(`op_sqrt(c(1L, 4L))` is float32), comparisons give bool. Inputs broadcast as in NumPy.

Examples:
    >>> from rstyle_keras.core.ops.elementwise import (
    ...     op_abs, op_add, op_divide, op_greater, op_pmax, op_sqrt)
    >>> op_add(op_array([1, 2], "int8"), 1)
    Tensor([2 3], shape=(2,), dtype=int8)
    >>> op_add(op_array([1, 2], "int32"), 1.5)
    Tensor([2.5 3.5], shape=(2,), dtype=float32)
    >>> op_sqrt(op_array([1, 4]))
    Tensor([1. 2.], shape=(2,), dtype=float32)
    >>> op_divide(op_array([1, 2]), 2)
    Tensor([0.5 1. ], shape=(2,), dtype=float32)
    >>> op_greater(op_array([1.0, 3.0]), 2)
    Tensor([False  True], shape=(2,), dtype=bool)
    >>> op_abs(-2.5), op_pmax(op_array([1, 5]), 3)
    (Tensor(2.5, shape=(), dtype=float32), Tensor([3 5], shape=(2,), dtype=int32))
"""

from __future__ import annotations

import numpy as np

from ..config import config_floatx
from ..tensor import KERAS_UFUNCS, Tensor
from .dtypes import convert, float_dtype, promote, standardize_dtype

__all__: list[str] = []


def _tensor(value, dtype=None) -> Tensor:
    value = np.asarray(value)
    if dtype is not None and value.dtype != dtype:
        value = value.astype(dtype)
    return Tensor(value)


def _export(function):
    __all__.append(function.__name__)
    return function


def _doc(function, text: str, value: str):
    function.__doc__ = f"{text}\n\nValue: {value}\n"
    return function


# -- unary ------------------------------------------------------------------------------
def _float_unary(name, ufunc, text):
    """`ufunc` on floats: ints and bools become floatx first (int64 too, as in Keras)."""

    def op(x):
        values = convert(x)
        dtype = float_dtype(values.dtype.name)
        with np.errstate(all="ignore"):  # NaN and inf as Keras gives them, no warnings
            return _tensor(ufunc(values.astype(dtype, copy=False)), dtype)

    op.__name__ = op.__qualname__ = name
    return _export(_doc(op, text, "a Tensor; float (floatx for int and bool `x`)."))


def _same_unary(name, ufunc, text, bool_dtype=None):
    """`ufunc` keeping `x`'s dtype (`bool_dtype`: what bools become first)."""

    def op(x):
        values = convert(x)
        if bool_dtype is not None and values.dtype == np.bool_:
            values = values.astype(bool_dtype)
        with np.errstate(all="ignore"):
            return _tensor(ufunc(values), values.dtype)

    op.__name__ = op.__qualname__ = name
    return _export(_doc(op, text, "a Tensor of `x`'s dtype."))


for _name, _ufunc, _text in [
    ("op_exp", np.exp, "Exponential, element-wise."),
    ("op_exp2", np.exp2, "2 to the power `x`, element-wise."),
    ("op_expm1", np.expm1, "`exp(x) - 1`, element-wise (accurate near 0)."),
    ("op_log", np.log, "Natural logarithm, element-wise."),
    ("op_log2", np.log2, "Base-2 logarithm, element-wise."),
    ("op_log10", np.log10, "Base-10 logarithm, element-wise."),
    ("op_log1p", np.log1p, "`log(1 + x)`, element-wise (accurate near 0)."),
    ("op_sqrt", np.sqrt, "Square root, element-wise."),
    ("op_sin", np.sin, "Sine, element-wise."),
    ("op_cos", np.cos, "Cosine, element-wise."),
    ("op_tan", np.tan, "Tangent, element-wise."),
    ("op_arcsin", np.arcsin, "Inverse sine, element-wise."),
    ("op_arccos", np.arccos, "Inverse cosine, element-wise."),
    ("op_arctan", np.arctan, "Inverse tangent, element-wise."),
    ("op_sinh", np.sinh, "Hyperbolic sine, element-wise."),
    ("op_cosh", np.cosh, "Hyperbolic cosine, element-wise."),
    ("op_tanh", np.tanh, "Hyperbolic tangent, element-wise."),
    ("op_arcsinh", np.arcsinh, "Inverse hyperbolic sine, element-wise."),
    ("op_arccosh", np.arccosh, "Inverse hyperbolic cosine, element-wise."),
    ("op_arctanh", np.arctanh, "Inverse hyperbolic tangent, element-wise."),
    ("op_floor", np.floor, "Floor, element-wise (a float Tensor, as in Keras)."),
    ("op_ceil", np.ceil, "Ceiling, element-wise (a float Tensor, as in Keras)."),
    ("op_reciprocal", np.reciprocal, "`1 / x`, element-wise."),
]:
    globals()[_name] = _float_unary(_name, _ufunc, _text)

for _name, _ufunc, _text, _bool in [
    ("op_abs", np.absolute, "Absolute value, element-wise.", None),
    ("op_negative", np.negative, "`-x`, element-wise.", None),
    ("op_square", np.square, "`x * x`, element-wise (bools count as int32).", "int32"),
    ("op_sign", np.sign, "The sign of `x` (-1, 0 or 1), element-wise.", None),
    ("op_trunc", np.trunc, "`x` rounded towards zero, element-wise.", None),
]:
    globals()[_name] = _same_unary(_name, _ufunc, _text, _bool)


@_export
def op_round(x, decimals=0) -> Tensor:
    """Round to `decimals` decimal places, halves to even (as NumPy and Keras do).

    Value: a Tensor of `x`'s dtype.
    """
    values = convert(x)
    if values.dtype == np.bool_:
        raise TypeError("`x` must hold numbers to round; received a bool tensor.")
    if values.dtype.kind in "iu" and decimals < 0:
        scaled = np.round(values.astype(config_floatx()) * 10.0**decimals) / 10.0**decimals
        return _tensor(scaled, values.dtype)
    return _tensor(np.round(values, decimals), values.dtype)


# -- binary -----------------------------------------------------------------------------
def _binary(name, ufunc, text, kind="same"):
    """`ufunc(x1, x2)` in the dtype the two promote to; `kind`: "same" (that dtype), "float"
    (floatx for ints and bools), "bool" (a comparison), "int_bool" (bools count as int32)."""

    def op(x1, x2):
        if kind == "float_strong":  # Python numbers are converted first (strong), as Keras
            x1, x2 = convert(x1), convert(x2)
        dtype = promote(x1, x2)
        if kind in ("float", "float_strong"):
            dtype = float_dtype(dtype)
        elif kind == "int_bool" and dtype == "bool":
            dtype = "int32"
        with np.errstate(all="ignore"):
            out = ufunc(convert(x1, dtype), convert(x2, dtype))
        return _tensor(out, None if kind == "bool" else dtype)

    op.__name__ = op.__qualname__ = name
    value = {
        "same": "a Tensor of the dtype `x1` and `x2` promote to.",
        "float": "a float Tensor (floatx where `x1` and `x2` are ints or bools).",
        "float_strong": "a float Tensor (floatx where `x1` and `x2` are ints, bools or "
                        "Python numbers).",
        "bool": "a bool Tensor.",
        "int_bool": "a Tensor of the dtype `x1` and `x2` promote to (int32 for bools).",
    }[kind]
    return _export(_doc(op, text, value))


def _floor_divide(a, b):
    """Floor division; an integer `x // 0` is what XLA gives (as Keras on JAX): -1 for
    0 // 0, -2 otherwise (the largest value for unsigned ints)."""
    if a.dtype.kind not in "iu":
        return np.floor_divide(a, b)
    zero = b == 0
    quotient = np.floor_divide(a, np.where(zero, 1, b))
    if a.dtype.kind == "u":
        return np.where(zero, np.iinfo(a.dtype).max, quotient)
    return np.where(zero, np.where(a != 0, -2, -1), quotient)


def _mod(a, b):
    """The remainder with the sign of `b`; an integer `x %% 0` is 0, as Keras on JAX."""
    if a.dtype.kind not in "iu":
        return np.mod(a, b)
    zero = b == 0
    return np.where(zero, 0, np.mod(a, np.where(zero, 1, b)))


for _name, _ufunc, _text, _kind in [
    ("op_add", np.add, "`x1 + x2`, element-wise.", "same"),
    ("op_subtract", np.subtract, "`x1 - x2`, element-wise.", "same"),
    ("op_multiply", np.multiply, "`x1 * x2`, element-wise.", "same"),
    ("op_divide", np.true_divide, "`x1 / x2`, element-wise.", "float"),
    ("op_true_divide", np.true_divide, "`x1 / x2`, element-wise.", "float"),
    ("op_floor_divide", _floor_divide, "`x1 %/% x2` (floor of the quotient).", "int_bool"),
    ("op_mod", _mod, "`x1 %% x2` (the remainder, with the sign of `x2`).", "int_bool"),
    ("op_maximum", np.maximum, "The larger of `x1` and `x2`, element-wise.", "same"),
    ("op_minimum", np.minimum, "The smaller of `x1` and `x2`, element-wise.", "same"),
    ("op_pmax", np.maximum, "The larger of `x1` and `x2`, element-wise.", "same"),
    ("op_pmin", np.minimum, "The smaller of `x1` and `x2`, element-wise.", "same"),
    ("op_arctan2", np.arctan2, "The angle of the point `(x2, x1)`, element-wise.",
     "float_strong"),
    ("op_logaddexp", np.logaddexp, "`log(exp(x1) + exp(x2))`, element-wise.",
     "float_strong"),
    ("op_equal", np.equal, "`x1 == x2`, element-wise.", "bool"),
    ("op_not_equal", np.not_equal, "`x1 != x2`, element-wise.", "bool"),
    ("op_less", np.less, "`x1 < x2`, element-wise.", "bool"),
    ("op_less_equal", np.less_equal, "`x1 <= x2`, element-wise.", "bool"),
    ("op_greater", np.greater, "`x1 > x2`, element-wise.", "bool"),
    ("op_greater_equal", np.greater_equal, "`x1 >= x2`, element-wise.", "bool"),
    ("op_logical_and", np.logical_and, "`x1 & x2` (truth values), element-wise.", "bool"),
    ("op_logical_or", np.logical_or, "`x1 | x2` (truth values), element-wise.", "bool"),
    ("op_logical_xor", np.logical_xor, "`xor(x1, x2)` (truth values), element-wise.", "bool"),
]:
    globals()[_name] = _binary(_name, _ufunc, _text, _kind)


@_export
def op_power(x1, x2) -> Tensor:
    """`x1 ^ x2`, element-wise.

    Value: a Tensor of the dtype `x1` and `x2` promote to.
    """
    dtype = promote(x1, x2)
    if dtype == "bool":
        dtype = "int32"  # as Keras: bools count as int32
    a, b = convert(x1, dtype), convert(x2, dtype)
    if a.dtype.kind in "iu":
        # NumPy refuses negative integer powers; XLA gives 0 (1 for 1, +-1 for -1)
        safe = np.power(a, np.where(b < 0, 0, b))
        negative = np.where(np.abs(a) == 1, np.where(b % 2 == 0, 1, a), 0)
        return _tensor(np.where(b < 0, negative, safe), dtype)
    with np.errstate(all="ignore"):
        return _tensor(np.power(a, b), dtype)


# -- one argument, bool results ---------------------------------------------------------
def _predicate(name, ufunc, text, ints):
    def op(x):
        values = convert(x)
        if values.dtype.kind not in "fc":
            return _tensor(np.full(values.shape, ints))
        return _tensor(ufunc(values))

    op.__name__ = op.__qualname__ = name
    return _export(_doc(op, text, "a bool Tensor of `x`'s shape."))


op_isnan = _predicate("op_isnan", np.isnan, "Whether each value is NaN.", False)
op_isinf = _predicate("op_isinf", np.isinf, "Whether each value is infinite.", False)
op_isfinite = _predicate("op_isfinite", np.isfinite, "Whether each value is finite.", True)


@_export
def op_logical_not(x) -> Tensor:
    """`!x` (truth values), element-wise.

    Value: a bool Tensor.
    """
    return _tensor(np.logical_not(convert(x)))


@_export
def op_isclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False) -> Tensor:
    """Whether `x1` and `x2` are equal within `atol + rtol * abs(x2)`, element-wise.

    Value: a bool Tensor.
    """
    dtype = promote(x1, x2)
    return _tensor(np.isclose(convert(x1, dtype), convert(x2, dtype), rtol, atol, equal_nan))


@_export
def op_where(condition, x1=None, x2=None) -> Tensor:
    """`x1` where `condition` is true, else `x2`; with `x1` and `x2` both NULL, the
    indices (0-based) of the true values, one Tensor per dimension.

    Value: a Tensor of the dtype `x1` and `x2` promote to (a tuple of int32 Tensors
    for the one-argument form).
    """
    condition = convert(condition)
    if x1 is None and x2 is None:
        return tuple(_tensor(i, "int32") for i in np.nonzero(condition))
    if x1 is None or x2 is None:
        raise ValueError("`x1` and `x2` must be given together (or both left NULL).")
    dtype = promote(x1, x2)
    return _tensor(np.where(condition, convert(x1, dtype), convert(x2, dtype)), dtype)


@_export
def op_clip(x, x_min, x_max) -> Tensor:
    """`x` limited to `[x_min, x_max]`, element-wise.

    Value: a Tensor of `x`'s dtype (int32 for bools).
    """
    values = convert(x)
    if values.dtype == np.bool_:
        values = values.astype("int32")
    dtype = promote(values, x_min, x_max)
    out = np.clip(values.astype(dtype, copy=False), convert(x_min, dtype), convert(x_max, dtype))
    return _tensor(out, dtype)


@_export
def op_cast(x, dtype) -> Tensor:
    """`x` converted to `dtype` (floats to ints round towards zero).

    Value: a Tensor of `dtype`.
    """
    name = standardize_dtype(dtype)
    values = convert(x)
    with np.errstate(all="ignore"):
        return Tensor(values.astype(name))


@_export
def op_nan_to_num(x, nan=0.0, posinf=None, neginf=None) -> Tensor:
    """NaN replaced by `nan`, infinities by `posinf`/`neginf` (else the largest and smallest
    values of the dtype).

    Value: a Tensor of `x`'s dtype.
    """
    values = convert(x)
    return _tensor(np.nan_to_num(values, nan=nan, posinf=posinf, neginf=neginf), values.dtype)



# -- more element-wise math -------------------------------------------------------------
for _name, _ufunc, _text in [
    ("op_cbrt", np.cbrt, "Cube root, element-wise."),
    ("op_deg2rad", np.deg2rad, "Degrees to radians, element-wise."),
]:
    globals()[_name] = _float_unary(_name, _ufunc, _text)


@_export
def op_rsqrt(x) -> Tensor:
    """`1 / sqrt(x)`, element-wise.

    Value: a float Tensor (floatx for int and bool `x`).
    """
    values = convert(x)
    dtype = float_dtype(values.dtype.name)
    with np.errstate(all="ignore"):
        return _tensor(1 / np.sqrt(values.astype(dtype)), dtype)


@_export
def op_signbit(x) -> Tensor:
    """Whether the sign bit of each value is set (true for -0.0 and negative numbers).

    Value: a bool Tensor.
    """
    values = convert(x)
    if values.dtype == np.bool_:
        return _tensor(np.zeros(values.shape, bool))
    return _tensor(np.signbit(values))


@_export
def op_divide_no_nan(x1, x2) -> Tensor:
    """`x1 / x2`, element-wise, with 0 where `x2` is 0.

    Value: a float Tensor (floatx where `x1` and `x2` are ints or bools).
    """
    dtype = float_dtype(promote(x1, x2))
    a, b = convert(x1, dtype), convert(x2, dtype)
    with np.errstate(all="ignore"):
        return _tensor(np.where(b == 0, 0, a / np.where(b == 0, 1, b)), dtype)


@_export
def op_heaviside(x1, x2) -> Tensor:
    """The Heaviside step: 0 where `x1 < 0`, `x2` where `x1 == 0`, 1 where `x1 > 0`.

    Value: a float Tensor (floatx where `x1` and `x2` are ints or bools).
    """
    a, b = convert(x1), convert(x2)
    dtype = float_dtype(promote(a, b))
    return _tensor(np.heaviside(a.astype(dtype), b.astype(dtype)), dtype)


def _bitwise(name, ufunc, text):
    def op(x, y):
        a, b = convert(x), convert(y)
        dtype = promote(a, b)
        if dtype not in ("bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16",
                         "int32", "int64"):
            raise TypeError(f"`x` and `y` must be ints or bools; received {a.dtype} and "
                            f"{b.dtype}.")
        return _tensor(ufunc(a.astype(dtype), b.astype(dtype)), dtype)

    op.__name__ = op.__qualname__ = name
    return _export(_doc(op, text, "a Tensor of the dtype `x` and `y` promote to."))


for _name, _ufunc, _text in [
    ("op_bitwise_and", np.bitwise_and, "Bit-wise and of `x` and `y`."),
    ("op_bitwise_or", np.bitwise_or, "Bit-wise or of `x` and `y`."),
    ("op_bitwise_xor", np.bitwise_xor, "Bit-wise exclusive or of `x` and `y`."),
    ("op_bitwise_left_shift", np.left_shift, "The bits of `x` shifted left by `y`."),
    ("op_left_shift", np.left_shift, "The bits of `x` shifted left by `y`."),
    ("op_bitwise_right_shift", np.right_shift, "The bits of `x` shifted right by `y`."),
    ("op_right_shift", np.right_shift, "The bits of `x` shifted right by `y`."),
]:
    globals()[_name] = _bitwise(_name, _ufunc, _text)


def _invert(name):
    def op(x):
        values = convert(x)
        if values.dtype.kind not in "biu":
            raise TypeError(f"`x` must hold ints or bools; received dtype {values.dtype}.")
        return _tensor(np.invert(values), values.dtype)

    op.__name__ = op.__qualname__ = name
    return _export(_doc(op, "The bits of `x` inverted (`!x` for bools).",
                        "a Tensor of `x`'s dtype."))


op_bitwise_not = _invert("op_bitwise_not")
op_bitwise_invert = _invert("op_bitwise_invert")


# -- complex parts (the core's tensors are real: these are for completeness) ---------------
op_angle = _float_unary("op_angle", np.angle, "The angle (argument) of each value, in radians.")


@_export
def op_real(x) -> Tensor:
    """The real part of each value.

    Value: a Tensor (`x`'s dtype for real `x`).
    """
    return _tensor(np.real(convert(x)))


@_export
def op_imag(x) -> Tensor:
    """The imaginary part of each value (zeros for real `x`).

    Value: a Tensor (`x`'s dtype for real `x`).
    """
    return _tensor(np.imag(convert(x)))


@_export
def op_conj(x) -> Tensor:
    """The complex conjugate of each value (`x` itself for real `x`).

    Value: a Tensor of `x`'s dtype.
    """
    values = convert(x)
    return _tensor(values.copy() if values.dtype == np.bool_ else np.conjugate(values))


# The Tensor's operators and NumPy's ufuncs on Tensors follow the same rules.
_UFUNCS = {
    "add": "op_add", "subtract": "op_subtract", "multiply": "op_multiply",
    "true_divide": "op_divide", "floor_divide": "op_floor_divide", "remainder": "op_mod",
    "power": "op_power", "maximum": "op_maximum", "minimum": "op_minimum",
    "equal": "op_equal", "not_equal": "op_not_equal", "less": "op_less",
    "less_equal": "op_less_equal", "greater": "op_greater", "greater_equal": "op_greater_equal",
    "logical_and": "op_logical_and", "logical_or": "op_logical_or",
    "logical_xor": "op_logical_xor", "logical_not": "op_logical_not",
    "negative": "op_negative", "absolute": "op_abs", "sign": "op_sign", "square": "op_square",
    "exp": "op_exp", "expm1": "op_expm1", "log": "op_log", "log1p": "op_log1p",
    "log2": "op_log2", "log10": "op_log10", "sqrt": "op_sqrt", "sin": "op_sin", "cos": "op_cos",
    "tan": "op_tan", "tanh": "op_tanh", "floor": "op_floor", "ceil": "op_ceil",
    "isnan": "op_isnan", "isinf": "op_isinf", "isfinite": "op_isfinite", "arctan2": "op_arctan2",
}
KERAS_UFUNCS.update({getattr(np, ufunc): globals()[op] for ufunc, op in _UFUNCS.items()})
