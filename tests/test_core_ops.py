"""The NumPy core's plain-math ops against `keras.ops` on JAX, live: value, shape and dtype
over a grid of input dtypes (bool, int8, int32, int64, uint8, float16, float32, float64,
Python int, float and lists) and arguments (axis None/0/-1/tuple, keepdims, ...).

One table row per core op (`ROWS`); a guard test fails when an exported core op has none.

64-bit inputs: Keras on JAX (x64 disabled) takes int64/float64 arrays as int32/float32 and
its `result_type()` caps 64-bit results to 32 bits; so does the core
(`rstyle_keras.core.ops.dtypes`), so dtypes are compared exactly. Only a 64-bit `dtype`
asked for by name gives 64 bits in the core, where JAX truncates it (`EXPLICIT_64_BITS`).
"""

from __future__ import annotations

import dataclasses
import inspect
import itertools

import numpy as np
import pytest

from rstyle_keras.core import ops as core_ops
from rstyle_keras.core.ops import dtypes as core_dtypes
from rstyle_keras.core.tensor import Tensor

from .keras_reference import KERAS_SKIP_REASON, import_keras

keras = import_keras()
pytestmark = pytest.mark.skipif(keras is None, reason=KERAS_SKIP_REASON)

CAP = {"int64": "int32", "uint64": "uint32", "float64": "float32", "complex128": "complex64"}
WIDE = ("int64", "uint64", "float64")

BASE = np.array([[0.5, -1.5, 2.0], [3.0, 0.0, -0.25]])


def _inputs() -> dict:
    out = {"bool": BASE > 0}
    for name in ("int8", "int32", "int64"):
        out[name] = np.round(BASE * 2).astype(name)
    out["uint8"] = np.round(np.abs(BASE) * 2).astype("uint8")
    for name in ("float16", "float32", "float64"):
        out[name] = BASE.astype(name)
    out["py_int"], out["py_float"] = 3, 2.5
    out["list_int"], out["list_float"] = [[1, -2, 3], [4, 0, 6]], [[0.5, 1.5, -2.0]] * 2
    return out


INPUTS = _inputs()
ARRAYS = [k for k in INPUTS if not k.startswith(("py_", "list_"))]
PAIR_SET = ["bool", "int8", "int32", "int64", "uint8", "float16", "float32", "float64",
            "py_int", "py_float", "list_float"]

EXPLICIT_64_BITS = ("a 64-bit dtype asked for by name: JAX (x64 disabled) truncates it to "
                    "32 bits with a warning; the core gives what was asked")

# Keras on JAX refuses Python lists where the jnp function does (`jnp.flip([1, 2])` is a
# TypeError); Keras's other backends and the core take them as `convert_to_tensor()` does
# (R vectors arrive as lists). Such a case is compared with Keras given the converted list.
LISTS_REFUSED_BY_JAX = "jnp functions refuse Python lists"


def _non_negative_exponent(args):
    exponent = np.asarray(_arg(args[1], False))
    return np.broadcast_to(exponent >= 0, np.broadcast_shapes(
        exponent.shape, np.shape(_arg(args[0], False))))


# Values compared only where the mask says, for integer results: {op: (mask, why)}.
VALUE_DIFFERENCES = {
    "op_power": (_non_negative_exponent,
                 "an integer to a negative integer power: JAX multiplies by the low 6 bits of "
                 "the exponent (garbage); the core gives the truncated value (0, or 1 and -1 "
                 "for bases 1 and -1)"),
}


@dataclasses.dataclass
class Row:
    name: str  # the core op (R's name)
    keras: str  # keras.ops.<keras>
    cases: list  # [(arguments, keyword arguments), ...]; arrays are given as INPUTS names
    rtol: float = 1e-5

    @property
    def id(self):
        return self.name


def unary(*names):
    return [((n,), {}) for n in names or ARRAYS + ["py_int", "py_float", "list_int"]]


def unary_small():
    return unary(*REDUCED, "py_float")


def binary(names=PAIR_SET):
    return [((a, b), {}) for a, b in itertools.product(names, names)]


REDUCED = ["bool", "int8", "int64", "uint8", "float16", "float32", "list_int"]
SMALL_PAIRS = ["bool", "int8", "int64", "uint8", "float16", "float32", "py_int", "py_float"]


def reduction(names=REDUCED, axes=(None, -1, (0, 1))):
    """Each input over `axes`, and keepdims with axis 0."""
    return [((n,), {"axis": a}) for n in names for a in axes] + [
        ((n,), {"axis": 0, "keepdims": True}) for n in names]


def with_axis(names=REDUCED, axes=(None, 0, -1)):
    return [((n,), {"axis": a}) for n in names for a in axes]


def literal(*cases):
    """Cases whose arguments are given as they are (INPUTS names only where a str is one)."""
    return list(cases)


UNARY_FLOAT = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "sin", "cos",
               "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh",
               "arccosh", "arctanh", "floor", "ceil", "reciprocal"]
UNARY_SAME = ["negative", "square", "sign", "trunc", "isnan", "isinf", "isfinite",
              "logical_not"]
BINARY = ["add", "multiply", "divide", "floor_divide", "power"]
BINARY_SMALL = ["subtract", "mod", "maximum", "true_divide", "minimum", "arctan2", "logaddexp",
                "equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
                "logical_and", "logical_or",
                "logical_xor"]

ROWS = [
    *(Row(f"op_{n}", n, unary_small(), rtol=2e-3) for n in UNARY_FLOAT),
    *(Row(f"op_{n}", n, unary()) for n in UNARY_SAME),
    Row("op_abs", "absolute", unary()),
    Row("op_round", "round", unary() + [(("float32",), {"decimals": 1}),
                                        (("int32",), {"decimals": -1})]),
    *(Row(f"op_{n}", n, binary(SMALL_PAIRS + ["list_float"]), rtol=2e-3) for n in BINARY),
    *(Row(f"op_{n}", n, [((a, b), {}) for a in SMALL_PAIRS for b in
                         ("bool", "int8", "float16", "py_float")], rtol=2e-3)
      for n in BINARY_SMALL),
    Row("op_pmax", "maximum", binary(["int8", "float32", "py_int"])),
    Row("op_pmin", "minimum", binary(["int8", "float32", "py_int"])),
    Row("op_isclose", "isclose", binary(["int32", "float16", "float32", "py_float"])),
    Row("op_where", "where", [(("bool", a, b), {}) for a, b in itertools.product(
        ["int8", "float16", "float32", "float64", "py_int", "py_float"], repeat=2)]
        + [(("bool",), {}), (("float32",), {})]),
    Row("op_clip", "clip", [((n, lo, hi), {}) for n in ARRAYS + ["list_float"]
                            for lo, hi in [(0, 2), (-0.5, 1.5)]]),
    Row("op_cast", "cast", [((n,), {"dtype": d}) for n in ARRAYS for d in
                            ["bool", "int8", "int32", "uint8", "float16", "float32"]]),
    Row("op_nan_to_num", "nan_to_num", unary("float32", "int32") + literal(
        (([np.nan, np.inf, -np.inf, 1.0],), {}),
        (([np.nan, np.inf, -np.inf],), {"nan": 1.0, "posinf": 2.0, "neginf": -2.0}))),
    # reductions
    Row("op_sum", "sum", reduction()),
    Row("op_prod", "prod", reduction() + [(("int8",), {"dtype": "float32"})]),
    Row("op_mean", "mean", reduction(), rtol=1e-3),
    Row("op_var", "var", reduction(), rtol=1e-3),
    Row("op_std", "std", reduction(), rtol=1e-3),
    Row("op_max", "max", reduction() + [(("int32",), {"initial": 9})]),
    Row("op_min", "min", reduction() + [(("float32",), {"initial": -9.0})]),
    Row("op_any", "any", reduction()),
    Row("op_all", "all", reduction()),
    Row("op_argmax", "argmax", reduction(axes=(None, 0, -1))),
    Row("op_argmin", "argmin", reduction(axes=(None, 0, -1))),
    Row("op_logsumexp", "logsumexp", reduction(["bool", "int8", "int64", "float16", "float32"]),
        rtol=1e-3),
    Row("op_median", "median", reduction(["int8", "int64", "uint8", "float16", "float32"]),
        rtol=1e-3),
    Row("op_count_nonzero", "count_nonzero", with_axis(axes=(None, 0, -1, (0, 1)))),
    Row("op_cumsum", "cumsum", with_axis() + [(("int8",), {"dtype": "float32"})]),
    Row("op_cumprod", "cumprod", with_axis() + [(("int8",), {"axis": 1, "dtype": "int32"})]),
    # shapes
    Row("op_transpose", "transpose", unary() + [(("float32",), {"axes": (1, 0)})]),
    Row("op_squeeze", "squeeze", literal(((np.zeros((1, 3, 1), "float32"),), {}),
                                         ((np.zeros((1, 3, 1), "int8"),), {"axis": 0}),
                                         ((np.zeros((1, 3, 1), "int8"),), {"axis": (0, 2)}))),
    Row("op_expand_dims", "expand_dims", [((n,), {"axis": a}) for n in ARRAYS
                                          for a in (0, -1, (0, 2))]),
    Row("op_ravel", "ravel", unary()),
    Row("op_broadcast_to", "broadcast_to", [((n, (4, 2, 3)), {}) for n in ARRAYS]),
    Row("op_swapaxes", "swapaxes", [((n, 0, 1), {}) for n in ARRAYS]),
    Row("op_moveaxis", "moveaxis", [((np.zeros((2, 3, 4), "int8"), 0, -1), {}),
                                    ((np.ones((2, 3, 4), "float32"), (0, 1), (2, 0)), {})]),
    Row("op_flip", "flip", with_axis(axes=(None, 0, -1, (0, 1)))),
    Row("op_roll", "roll", [((n, s), {"axis": a}) for n in ("int8", "float32")
                            for s in (1, -2) for a in (None, 0, 1)]),
    Row("op_tile", "tile", [((n, r), {}) for n in ("bool", "int32", "float16")
                            for r in (2, (2, 1), (1, 2, 2))]),
    Row("op_repeat", "repeat", [((n, 2), {"axis": a}) for n in ("int8", "float32")
                                for a in (None, 0, 1)] + [(("float32", [1, 2, 0]), {"axis": 1})]),
    Row("op_concatenate", "concatenate", [(([a, b],), {"axis": ax})
                                          for a, b in [("int8", "int8"), ("int8", "uint8"),
                                                       ("int32", "float16"), ("bool", "int8"),
                                                       ("float32", "float64")]
                                          for ax in (0, 1, -1)]),
    Row("op_stack", "stack", [(([a, b],), {"axis": ax})
                              for a, b in [("int8", "int8"), ("int8", "uint8"),
                                           ("int32", "float16"), ("bool", "float32")]
                              for ax in (0, 1, -1)]),
    Row("op_hstack", "hstack", [(([a, b],), {}) for a, b in [("int8", "float16"),
                                                             ("float32", "float32")]]),
    Row("op_vstack", "vstack", [(([a, b],), {}) for a, b in [("int8", "float16"),
                                                             ("float32", "float32")]]),
    Row("op_split", "split", [((n, 3), {"axis": 1}) for n in ("int8", "float32")]
        + [(("float32", [1]), {"axis": 0}), (("int32", [1, 2]), {"axis": -1})]),
    Row("op_unstack", "unstack", [((n,), {"axis": a}) for n in ("int8", "float32")
                                  for a in (0, 1, -1)] + [(("float32",), {"num": 2})]),
    Row("op_sort", "sort", with_axis(axes=(0, -1))),
    Row("op_argsort", "argsort", with_axis(names=["int8", "int32", "float32", "bool"],
                                           axes=(0, -1))),
    Row("op_take", "take", [((n, i), {"axis": a}) for n in ("int8", "float32")
                            for i, a in [([0, 2], None), ([1, 0, 1], 0), ([[0, 2], [1, 1]], 1),
                                         (-1, 1), (np.array([2, 0], "int64"), -1)]]),
    Row("op_take_along_axis", "take_along_axis", [
        ((n, np.array(i, "int32")), {"axis": a}) for n in ("int8", "float32")
        for i, a in [([[0, 2, 1], [1, 1, 0]], 1), ([[1, 0, 1]], 0), ([5, 0, 1], None)]]),
    Row("op_nonzero", "nonzero", unary("bool", "int8", "float32", "list_int")),
    Row("op_pad", "pad", [((n, w), {}) for n in ("int8", "float32") for w in
                          (1, ((1, 0), (0, 2)))]
        + [(("float32", ((1, 1), (2, 0))), {"constant_values": 7}),
           (("float32", ((1, 1), (2, 0))), {"mode": "reflect"}),
           (("int32", ((0, 1), (1, 1))), {"mode": "symmetric"})]),
    Row("op_tril", "tril", [((n,), {"k": k}) for n in ("bool", "int8", "float32")
                            for k in (0, 1, -1)]),
    Row("op_triu", "triu", [((n,), {"k": k}) for n in ("bool", "int8", "float32")
                            for k in (0, 1, -1)]),
    Row("op_diag", "diag", [((n,), {"k": k}) for n in ("int8", "float32") for k in (0, 1)]
        + [(([1.0, 2.0],), {"k": -1}), ((np.array([1, 2], "int8"),), {})]),
    Row("op_diagonal", "diagonal", [((n,), {"offset": k}) for n in ("int8", "float32")
                                    for k in (0, 1, -1)]
        + [((np.ones((2, 3, 4), "float32"),), {"axis1": 1, "axis2": 2})]),
    # creation
    Row("op_zeros", "zeros", [(((2, 3),), {"dtype": d}) for d in (None, "int8", "bool")]
        + [((4,), {})]),
    Row("op_ones", "ones", [(((2, 3),), {"dtype": d}) for d in (None, "int32", "float16")]),
    Row("op_empty", "empty", [(((2, 3),), {"dtype": d}) for d in (None, "int32")]),
    Row("op_full", "full", [(((2, 3), v), {"dtype": d}) for v in (7, 2.5, True)
                            for d in (None, "int32", "float16")]),
    Row("op_zeros_like", "zeros_like", [((n,), {"dtype": d}) for n in ARRAYS
                                        for d in (None, "float32")]),
    Row("op_ones_like", "ones_like", [((n,), {"dtype": d}) for n in ARRAYS
                                      for d in (None, "int8")]),
    Row("op_full_like", "full_like", [((n, v), {"dtype": d}) for n in ARRAYS for v in (2, 1.5)
                                      for d in (None, "float32")]),
    Row("op_eye", "eye", literal(((3,), {}), ((2, 4), {"k": 1}), ((3,), {"k": -1,
                                                                        "dtype": "int32"}))),
    Row("op_identity", "identity", literal(((3,), {}), ((2,), {"dtype": "bool"}))),
    Row("op_tri", "tri", literal(((3,), {}), ((2, 4), {"k": 1}), ((3,), {"dtype": "int8"}))),
    Row("op_arange", "arange", literal(
        ((5,), {}), ((1, 7, 2), {}), ((0.5, 3), {}), ((0, 1, 0.25), {}), ((5,), {"dtype":
                                                                                 "float16"}),
        ((np.int8(5),), {}), ((2, 8), {"step": 3, "dtype": "int8"}))),
    Row("op_linspace", "linspace", literal(
        ((0, 1), {"num": 5}), ((0, 10), {"num": 4, "endpoint": False}),
        ((1, 2), {"num": 3, "dtype": "float16"}), ((0, 6), {"num": 4, "dtype": "int32"}),
        ((0.0, 1.0), {"num": 3, "retstep": True}),
        ((np.array([0.0, 1.0], "float32"), 2.0), {"num": 3, "axis": 1}))),
    Row("op_convert_to_tensor", "convert_to_tensor", unary() + [((n,), {"dtype": d})
                                                               for n in ("int32", "py_float")
                                                               for d in ("float16", "int8")]),
    Row("op_copy", "copy", unary()),
    # (jnp.size and jnp.ndim warn that they will refuse lists: arrays and numbers only)
    Row("op_size", "size", unary(*ARRAYS, "py_int", "py_float")),
    Row("op_ndim", "ndim", unary(*ARRAYS, "py_int", "py_float")),
    # products
    Row("op_matmul", "matmul", [((a, b), {}) for a, b in itertools.product(
        ["bool", "int8", "int64", "uint8", "float16", "float32", "list_int"], repeat=2)],
        rtol=1e-2),
    *(Row(f"op_{n}", n, [((a, b), {}) for a, b in itertools.product(
        ["int8", "uint8", "float16", "float32", "float64"], repeat=2)], rtol=1e-2)
      for n in ("dot", "outer", "inner", "vdot")),
    Row("op_tensordot", "tensordot", [((a, b), {"axes": ax}) for a, b in [
        ("int8", "int8"), ("int32", "float16"), ("float32", "float32")] for ax in (1, 2)]),
    Row("op_einsum", "einsum", literal(
        (("ij,kj->ik", "int8", "int8"), {}), (("ij,kj->ik", "int32", "float16"), {}),
        (("ij->j", "float32"), {}), (("ij,ij->", "uint8", "int8"), {}))),
    # more element-wise math and array ops
    Row("op_cbrt", "cbrt", unary_small(), rtol=2e-3),
    Row("op_deg2rad", "deg2rad", unary_small(), rtol=2e-3),
    Row("op_rsqrt", "rsqrt", unary("float16", "float32", "float64"), rtol=2e-3),
    Row("op_signbit", "signbit", unary()),
    Row("op_divide_no_nan", "divide_no_nan", binary(["int8", "int32", "float16", "float32",
                                                     "int64", "py_float"]), rtol=2e-3),
    Row("op_heaviside", "heaviside", binary(["int8", "float16", "float32", "float64"])),
    *(Row(f"op_{n}", n, binary(["bool", "int8", "int32", "uint8", "int64"]))
      for n in ("bitwise_and", "bitwise_or", "bitwise_xor")),
    *(Row(f"op_{n}", n, [((a, b), {}) for a in ("int8", "int32", "uint8")
                         for b in ("int8", "int32")])
      for n in ("bitwise_left_shift", "left_shift", "bitwise_right_shift", "right_shift")),
    Row("op_bitwise_not", "bitwise_not", unary("bool", "int8", "int32", "uint8", "int64")),
    Row("op_bitwise_invert", "bitwise_invert", unary("bool", "int8", "uint8")),
    Row("op_diff", "diff", [((n,), {"n": k, "axis": a}) for n in ("int8", "float32", "uint8")
                            for k, a in [(1, -1), (1, 0), (2, 1)]]),
    Row("op_append", "append", [((a, b), {"axis": ax}) for a, b in [
        ("int8", "int8"), ("int8", "float16"), ("bool", "int32")] for ax in (None, 0, 1)]),
    Row("op_average", "average", [((n,), {"axis": a}) for n in REDUCED for a in (None, 0, 1)]
        + [(("float32",), {"axis": 1, "weights": [1.0, 2.0, 3.0]}),
           (("int32",), {"axis": 0, "weights": np.array([1, 3], "int32")})], rtol=1e-3),
    Row("op_logspace", "logspace", literal(
        ((0, 2), {"num": 3}), ((0, 1), {"num": 4, "base": 2, "endpoint": False}),
        ((0, 2), {"num": 3, "dtype": "float16"})), rtol=1e-3),
    Row("op_meshgrid", "meshgrid", literal(
        ((np.array([1, 2, 3], "int32"), np.array([4.0, 5.0], "float32")), {}),
        ((np.array([1, 2, 3], "int8"), np.array([4, 5], "int8")), {"indexing": "ij"}))),
    Row("op_diagflat", "diagflat", [((n,), {"k": k}) for n in ("int8", "float32")
                                    for k in (0, 1, -2)]),
    Row("op_rot90", "rot90", [((n,), {"k": k}) for n in ("int8", "float32")
                              for k in (1, 2, -1)]
        + [((np.ones((2, 3, 4), "float32"),), {"axes": (1, 2)})]),
    Row("op_searchsorted", "searchsorted", [
        ((np.array([1.0, 2.0, 2.0, 4.0], "float32"), v), {"side": s})
        for v in (np.array([2.0, 0.5, 5.0], "float32"), np.array([[2.0], [3.0]], "float32"))
        for s in ("left", "right")]),
    Row("op_digitize", "digitize", [((n, np.array([0.0, 1.0, 2.5], "float32")), {})
                                    for n in ("float32", "int32")]),
    Row("op_select", "select", literal(
        (([INPUTS["bool"], ~INPUTS["bool"]], [INPUTS["int8"], INPUTS["float32"]]), {}),
        (([INPUTS["float32"] > 1], [INPUTS["int32"]]), {"default": -1}))),
    Row("op_top_k", "top_k", [((n, k), {}) for n in ("int8", "float32", "uint8")
                              for k in (1, 2)]),
    Row("op_one_hot", "one_hot", literal(
        ((np.array([0, 2, 1], "int32"), 3), {}), ((np.array([[0, 3], [1, -1]], "int32"), 3), {}),
        ((np.array([0, 2], "int32"), 3), {"axis": 0}),
        ((np.array([0, 2], "int32"), 4), {"dtype": "int32"}))),
    Row("op_slice", "slice", [((n, (0, 1), (2, 2)), {}) for n in ("int8", "float32")]
        + [(("float32", (1, 0), (1, -1)), {})]),
    Row("op_slice_update", "slice_update", [
        ((n, (0, 1), np.ones((1, 2), n)), {}) for n in ("int8", "float32")]),
    Row("op_scatter", "scatter", literal(
        ((np.array([[0, 1], [1, 2], [0, 1]], "int32"), np.array([1.0, 2.0, 3.0], "float32"),
          (2, 3)), {}),
        ((np.array([[1], [3]], "int32"), np.array([5, 6], "int8"), (4,)), {}))),
    Row("op_scatter_update", "scatter_update", [
        ((n, np.array([[0, 1], [1, 2]], "int32"), np.array([7, 9], n)), {"reduction": r})
        for n in ("int32", "float32") for r in (None, "add", "max", "min", "mul")]),
    Row("op_angle", "angle", unary_small(), rtol=2e-3),
    Row("op_real", "real", unary()),
    Row("op_imag", "imag", unary()),
    Row("op_conj", "conjugate", unary()),
    Row("op_quantile", "quantile", [((n, q), {"axis": a, "keepdims": k})
                                    for n in ("int8", "float32", "float16")
                                    for q in (0.5, np.array([0.25, 0.75], "float32"))
                                    for a, k in [(None, False), (1, False), (0, True)]]
        + [(("float32", 0.3), {"method": m}) for m in ("lower", "higher", "midpoint")]
        + [(("float32", 0.5), {"method": "nearest"})], rtol=2e-3),
    Row("op_histogram", "histogram", literal(
        ((np.array([0.5, 1.5, 1.7, 3.0, 4.0], "float32"),), {"bins": 4}),
        ((np.array([1, 2, 2, 5], "int32"),), {"bins": 3, "range": (0, 6)}))),
    Row("op_bincount", "bincount", literal(
        ((np.array([0, 2, 2, 5], "int32"),), {}), ((np.array([1, 1], "int32"),), {"minlength": 4}),
        ((np.array([0, 2, 2], "int32"),), {"weights": np.array([0.5, 1.0, 2.0], "float32")}),
        ((np.array([[0, 1], [2, 2]], "int32"),), {"minlength": 3}))),
    Row("op_corrcoef", "corrcoef", unary("int8", "float32", "float64"), rtol=1e-3),
    Row("op_segment_sum", "segment_sum", [((n, np.array([0, 2], "int32")), {"num_segments": 3})
                                          for n in ("int8", "float32", "uint8")]),
    Row("op_segment_max", "segment_max", [((n, np.array([1, 1], "int32")), {"num_segments": 3})
                                          for n in ("int8", "float32")]),
    Row("op_in_top_k", "in_top_k", [((np.array([0, 2], "int32"), n, k), {})
                                    for n in ("float32", "int32") for k in (1, 2)]),
    Row("op_norm", "norm", [((n,), {"axis": a, "keepdims": k, "ord": o})
                            for n in ("int8", "float32")
                            for a, k, o in [(None, False, None), (1, False, None),
                                            (0, True, 1), (-1, False, np.inf),
                                            ((0, 1), False, "fro")]], rtol=1e-3),
    Row("op_cross", "cross", literal(
        ((np.array([1, 2, 3], "int32"), np.array([4, 5, 6], "int8")), {}),
        ((np.eye(3, dtype="float32"), np.ones((3, 3), "float32")), {}))),
    Row("op_correlate", "correlate", [((np.array([1.0, 2.0, 3.0, 0.5], "float32"),
                                        np.array([0.0, 1.0, 0.5], "float32")), {"mode": m})
                                      for m in ("valid", "same", "full")]),
    *(Row(f"op_{n}", n, literal(((5,), {}), ((1,), {}))) for n in
      ("bartlett", "blackman", "hamming", "hanning")),
    Row("op_kaiser", "kaiser", literal(((5, 0.5), {}), ((4, 14.0), {}))),
    Row("op_unravel_index", "unravel_index", literal(
        ((np.array([0, 5, 7], "int32"), (2, 4)), {}), ((np.array([3], "int32"), (2, 2)), {}))),
    Row("op_get_item", "get_item", [((n, k), {}) for n in ("int8", "float32")
                                    for k in (1, (0, 2), (slice(None), slice(1, None)),
                                              np.array([1, 0]))]),
    Row("op_saturate_cast", "saturate_cast", [
        ((v,), {"dtype": d}) for v in (np.array([300.0, -5.0, 1e10, 3.7], "float32"),
                                       np.array([-3, 300, 70000], "int32"))
        for d in ("uint8", "int8", "int32", "float16")]),
    Row("op_stop_gradient", "stop_gradient", unary(*ARRAYS)),
    Row("op_trace", "trace", [((n,), {"offset": k}) for n in ARRAYS for k in (0, 1)]),
]

# 2-d arguments to products that need them transposed to fit
TRANSPOSED_SECOND = {"op_matmul", "op_dot"}


def _arg(value, tensor=True):
    """An INPUTS name -> its value (arrays as core Tensors for the core when `tensor`)."""
    if isinstance(value, str) and value in INPUTS:
        value = INPUTS[value]
    if isinstance(value, list) and value and isinstance(value[0], str) and value[0] in INPUTS:
        return [_arg(v, tensor) for v in value]
    if tensor and isinstance(value, np.ndarray):
        return Tensor(value)
    return value


def _case_args(row, case):
    args, kwargs = case
    if row.name in TRANSPOSED_SECOND and len(args) == 2:
        second = _arg(args[1], False)
        if isinstance(second, (np.ndarray, list)) and np.ndim(second) == 2:
            args = (args[0], np.asarray(second).T if isinstance(second, np.ndarray)
                    else np.asarray(second).T.tolist())
    return args, kwargs


def _as_list(result):
    return list(result) if isinstance(result, (list, tuple)) else [result]


def _dtype_name(x) -> str:
    return np.dtype(keras.backend.standardize_dtype(x.dtype)).name


def _keras_call(row, args, kwargs):
    return getattr(keras.ops, row.keras)(*[_arg(a, False) for a in args], **kwargs)


def check_case(row, case) -> list[str]:
    """What differs between the core and Keras for one case (empty when all agree)."""
    args, kwargs = _case_args(row, case)
    label = f"{row.name}{tuple(a if isinstance(a, str) else type(a).__name__ for a in args)}" \
            f"{kwargs or ''}"
    try:
        try:
            expected = _as_list(_keras_call(row, args, kwargs))
        except TypeError as e:
            if "requires ndarray or scalar arguments" not in str(e):  # LISTS_REFUSED_BY_JAX
                raise
            converted = tuple(np.asarray(keras.ops.convert_to_tensor(a))
                              if isinstance(a, list) else a
                              for a in (_arg(a, False) for a in args))
            expected = _as_list(_keras_call(row, converted, kwargs))
    except Exception as e:  # Keras refuses: so must the core
        try:
            getattr(core_ops, row.name)(*[_arg(a) for a in args], **kwargs)
        except Exception:
            return []
        return [f"{label}: Keras raises {type(e).__name__} ({e}), the core does not"]
    try:
        got = _as_list(getattr(core_ops, row.name)(*[_arg(a) for a in args], **kwargs))
    except Exception as e:
        return [f"{label}: the core raises {type(e).__name__}: {e}"]
    problems = []
    if len(got) != len(expected):
        return [f"{label}: {len(got)} results, Keras {len(expected)}"]
    asked_64 = kwargs.get("dtype") in WIDE  # EXPLICIT_64_BITS
    for i, (g, e) in enumerate(zip(got, expected)):
        if isinstance(e, (int, float)):  # a Python number in Keras: the same in the core
            if type(g) is not type(e) or g != e:
                problems.append(f"{label}[{i}]: {g!r}, Keras {e!r}")
            continue
        if not isinstance(g, Tensor):
            problems.append(f"{label}[{i}]: a {type(g).__name__}, not a Tensor")
            continue
        g_values, e_values = np.asarray(g), np.asarray(e)
        dtype, keras_dtype = g_values.dtype.name, _dtype_name(e)
        if (CAP.get(dtype) if asked_64 else dtype) != keras_dtype:
            problems.append(f"{label}[{i}]: dtype {dtype}, Keras {keras_dtype}")
        if g_values.shape != e_values.shape:
            problems.append(f"{label}[{i}]: shape {g_values.shape}, Keras {e_values.shape}")
            continue
        if g_values.dtype.kind in "fc" or e_values.dtype.kind in "fc":
            ok = np.allclose(g_values.astype("float64"), e_values.astype("float64"),
                             rtol=row.rtol, atol=row.rtol, equal_nan=True)
        else:
            if row.name in VALUE_DIFFERENCES:
                keep = VALUE_DIFFERENCES[row.name][0](args)
                g_values, e_values = g_values[keep], e_values[keep]
            ok = np.array_equal(g_values.astype(e_values.dtype), e_values)
        if not ok:
            problems.append(f"{label}[{i}]: values\n{g_values}\nKeras\n{e_values}")
    return problems


@pytest.mark.filterwarnings("ignore:overflow encountered in cast")  # Keras's saturate_cast
@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_core_op_equals_keras(row):
    problems = [p for case in row.cases for p in check_case(row, case)]
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} in all)"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_core_op_has_keras_signature(row):
    core = inspect.signature(getattr(core_ops, row.name))
    target = inspect.signature(getattr(keras.ops, row.keras))
    assert [(p.name, p.default, p.kind) for p in core.parameters.values()] == [
        (p.name, p.default, p.kind) for p in target.parameters.values()]


NOT_KERAS_MATH = {"op_array", "op_average_pool", "op_convert_to_array", "op_convert_to_numpy",
                  "op_is_tensor", "op_dtype",  # test_is_tensor_and_dtype
                  "op_max_pool", "op_reshape", "op_shape", "random_uniform", "result_type"}


def test_every_exported_core_op_has_a_row():
    covered = {row.name for row in ROWS}
    missing = sorted(set(core_ops.__all__) - covered - NOT_KERAS_MATH)
    assert not missing, f"core ops without a test row: {missing}"
    assert len({row.name for row in ROWS}) == len(ROWS), "a core op has two rows"


@pytest.mark.parametrize("dtypes", [
    *itertools.product(["bool", "uint8", "uint16", "uint32", "int8", "int16", "int32",
                        "float16", "float32", int, float], repeat=2),
    ("int8", "uint8", float), (int, float, "int16"), ("float16", "uint32", int),
])
def test_result_type_equals_keras(dtypes):
    assert core_dtypes.result_type(*dtypes) == keras.backend.result_type(*dtypes)


def test_result_type_caps_64_bits_as_keras_and_its_lattice_is_keras(monkeypatch):
    from keras.src.backend.common import dtypes as keras_dtypes

    names = ["bool", "uint8", "uint64", "int8", "int32", "int64", "float16", "float64", int,
             float]
    for pair in itertools.product(names, repeat=2):
        assert core_dtypes.result_type(*pair) == keras.backend.result_type(*pair), pair
    monkeypatch.setattr(keras_dtypes, "BIT64_TO_BIT32_DTYPE", {})  # as on TensorFlow
    for pair in itertools.product(names, repeat=2):
        assert core_dtypes.lattice_result_type(*pair) == keras.backend.result_type(*pair), pair


def test_python_numbers_default_like_keras():
    for value in (3, 2.5, True, [1, 2], [1.5, 2], [[True]]):
        core = core_ops.op_convert_to_tensor(value)
        assert core.dtype.name == _dtype_name(keras.ops.convert_to_tensor(value)), value
    assert core_dtypes.dtype_of(3) == ("int32", True)
    assert core_dtypes.dtype_of(np.float64(3)) == ("float32", False)  # capped, as on JAX


def test_errors_name_the_argument():
    with pytest.raises(ValueError, match="`axis`"):
        core_ops.op_sum(INPUTS["float32"], axis=2)
    with pytest.raises(TypeError, match="`dtype`"):
        core_ops.op_cast(INPUTS["float32"], "no_such_type")
    with pytest.raises(TypeError, match="`indices`"):
        core_ops.op_take(INPUTS["float32"], [0.5])
    with pytest.raises(ValueError, match="`sparse`"):
        core_ops.op_convert_to_tensor([1], sparse=True)


# -- the Tensor's operators follow the same rules --------------------------------------------
OPERATORS = {
    "+": ("add", lambda a, b: a + b), "-": ("subtract", lambda a, b: a - b),
    "*": ("multiply", lambda a, b: a * b), "/": ("divide", lambda a, b: a / b),
    "//": ("floor_divide", lambda a, b: a // b), "%": ("mod", lambda a, b: a % b),
    "**": ("power", lambda a, b: a ** b), "<": ("less", lambda a, b: a < b),
    "<=": ("less_equal", lambda a, b: a <= b), ">": ("greater", lambda a, b: a > b),
    ">=": ("greater_equal", lambda a, b: a >= b), "==": ("equal", lambda a, b: a == b),
    "!=": ("not_equal", lambda a, b: a != b),
}
OPERANDS = ["bool", "int8", "int32", "uint8", "float16", "float32", "py_int", "py_float"]


@pytest.mark.parametrize("symbol", sorted(OPERATORS))
def test_tensor_operators_follow_keras(symbol):
    name, apply = OPERATORS[symbol]
    problems = []
    for left, right in [("int32", "py_float"), ("int8", "py_int"), ("py_float", "int32"),
                        ("float16", "float32"), ("int32", "int32"), ("uint8", "int8"),
                        ("bool", "int8"), ("float16", "py_float")]:
        a, b = _arg(left), _arg(right)
        if not isinstance(a, Tensor) and not isinstance(b, Tensor):
            continue
        ours = np.asarray(apply(a, b))
        try:
            theirs = np.asarray(getattr(keras.ops, name)(_arg(left, False), _arg(right, False)))
        except Exception:
            continue
        if ours.dtype != theirs.dtype:
            problems.append(f"{left} {symbol} {right}: {ours.dtype}, Keras {theirs.dtype}")
        elif not np.allclose(ours.astype(float), theirs.astype(float), 2e-3, 2e-3, True):
            if not (name == "power" and np.issubdtype(ours.dtype, np.integer)):
                problems.append(f"{left} {symbol} {right}: values {ours} vs {theirs}")
    assert not problems, problems


def test_tensor_matmul_operator_and_numpy_functions_follow_keras():
    a = Tensor(INPUTS["int8"])
    assert (a @ a.numpy().T).dtype == np.dtype(_dtype_name(keras.ops.matmul(INPUTS["int8"],
                                                                            INPUTS["int8"].T)))
    assert np.sqrt(Tensor(INPUTS["int32"])).dtype == "float32"
    assert (np.float32(2) * Tensor(INPUTS["int32"])).dtype == "float32"
    assert isinstance(-Tensor(INPUTS["int8"]), Tensor)
    assert (Tensor(INPUTS["bool"]) | Tensor(INPUTS["bool"])).dtype == "bool"  # NumPy's own


def test_is_tensor_and_dtype():  # the core's own tensors, as Keras's say so of its own
    assert core_ops.op_is_tensor(Tensor(INPUTS["int8"]))
    assert not core_ops.op_is_tensor(INPUTS["int8"]) and not core_ops.op_is_tensor([1])
    assert keras.ops.is_tensor(keras.ops.convert_to_tensor(INPUTS["int8"]))
    for name in ARRAYS + ["py_float", "list_int"]:
        ours = core_ops.op_dtype(Tensor(INPUTS[name]) if name in ARRAYS else INPUTS[name])
        assert ours == keras.ops.dtype(keras.ops.convert_to_tensor(INPUTS[name])), name


def test_axes_given_as_lists_like_tuples():  # R vectors reach the core as lists
    x = Tensor(np.zeros((1, 3, 1), "float32"))
    for name, kwargs in [("op_squeeze", {"axis": (0, 2)}), ("op_expand_dims", {"axis": (0, 1)}),
                         ("op_flip", {"axis": (0, 1)}), ("op_transpose", {"axes": (2, 1, 0)}),
                         ("op_sum", {"axis": (0, 2)}), ("op_mean", {"axis": (0, 2)}),
                         ("op_max", {"axis": (0, 1)}), ("op_moveaxis", {"source": (0,),
                                                                        "destination": (2,)})]:
        op = getattr(core_ops, name)
        as_lists = {k: list(v) for k, v in kwargs.items()}
        assert op(x, **as_lists).shape == op(x, **kwargs).shape, name
