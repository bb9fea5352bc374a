"""Every `op_*()` R keras3 exports, against `keras.ops` (issue 10's ops).

* The names: every `op_*` in R keras3's NAMESPACE (as data below, verbatim) is a function
  here (R's replacement function `op_subset<-` under R's own alias `op_subset_set`), and
  the table has no other.
* One row per op in CASES: the R-style call (1-based axes and indices, whole floats such
  as `2.0`, `c()` vectors) and the `keras.ops` call it must equal, in value, shape and
  dtype; a guard fails for an op without a row.
* Under the "numpy" engine, every op whose core function exists gives the same result;
  the others raise CoreLacksError.
* R's conventions: 1-based results (argmax, argsort, top_k, nonzero, searchsorted, ...)
  and inputs (take, one_hot, segment ids, split points, op_subset), `zero_indexed=True`,
  and errors naming the argument (axis 0, index 0).
"""

import inspect
import os

os.environ.setdefault("KERAS_BACKEND", "jax")  # before Keras is first imported

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import rstyle_keras  # noqa: E402
from rstyle_keras import c, config_set_engine  # noqa: E402
from rstyle_keras.engine import CoreLacksError  # noqa: E402
from rstyle_keras.r import api_tables, ops  # noqa: E402

# R keras3's exported op_* names, verbatim from rstudio/keras3's NAMESPACE.
R_OP_NAMES = """
    op_subset<- op_abs op_add op_all op_angle op_any op_append op_arange op_arccos
    op_arccosh op_arcsin op_arcsinh op_arctan op_arctan2 op_arctanh op_argmax op_argmin
    op_argpartition op_argsort op_array op_associative_scan op_average op_average_pool
    op_bartlett op_batch_normalization op_binary_crossentropy op_bincount op_bitwise_and
    op_bitwise_invert op_bitwise_left_shift op_bitwise_not op_bitwise_or
    op_bitwise_right_shift op_bitwise_xor op_blackman op_broadcast_to op_cast
    op_categorical_crossentropy op_cbrt op_ceil op_celu op_cholesky op_clip
    op_concatenate op_cond op_conj op_conv op_conv_transpose op_convert_to_array
    op_convert_to_numpy op_convert_to_tensor op_copy op_corrcoef op_correlate op_cos
    op_cosh op_count_nonzero op_cross op_ctc_decode op_ctc_loss op_cumprod op_cumsum
    op_custom_gradient op_deg2rad op_depthwise_conv op_det op_diag op_diagflat
    op_diagonal op_diff op_digitize op_divide op_divide_no_nan op_dot
    op_dot_product_attention op_dtype op_eig op_eigh op_einsum op_elu op_empty op_equal
    op_erf op_erfinv op_exp op_exp2 op_expand_dims op_expm1 op_extract_sequences op_eye
    op_fft op_fft2 op_flip op_floor op_floor_divide op_fori_loop op_full op_full_like
    op_gelu op_get_item op_glu op_greater op_greater_equal op_hamming op_hanning
    op_hard_shrink op_hard_sigmoid op_hard_silu op_hard_swish op_hard_tanh op_heaviside
    op_histogram op_hstack op_identity op_ifft2 op_imag op_image_affine_transform
    op_image_crop op_image_elastic_transform op_image_extract_patches
    op_image_gaussian_blur op_image_hsv_to_rgb op_image_map_coordinates op_image_pad
    op_image_perspective_transform op_image_resize op_image_rgb_to_grayscale
    op_image_rgb_to_hsv op_in_top_k op_inner op_inv op_irfft op_is_tensor op_isclose
    op_isfinite op_isinf op_isnan op_istft op_kaiser op_layer_normalization op_leaky_relu
    op_left_shift op_less op_less_equal op_linspace op_log op_log10 op_log1p op_log2
    op_log_sigmoid op_log_softmax op_logaddexp op_logdet op_logical_and op_logical_not
    op_logical_or op_logical_xor op_logspace op_logsumexp op_lstsq op_lu_factor op_map
    op_matmul op_max op_max_pool op_maximum op_mean op_median op_meshgrid op_min
    op_minimum op_mod op_moments op_moveaxis op_multi_hot op_multiply op_nan_to_num
    op_ndim op_negative op_nonzero op_norm op_normalize op_not_equal op_one_hot op_ones
    op_ones_like op_outer op_pad op_pmax op_pmin op_polar op_power op_prod op_psnr op_qr
    op_quantile op_ravel op_real op_rearrange op_reciprocal op_relu op_relu6 op_repeat
    op_reshape op_rfft op_right_shift op_rms_normalization op_roll op_rot90 op_round
    op_rsqrt op_saturate_cast op_scan op_scatter op_scatter_update op_searchsorted
    op_segment_max op_segment_sum op_select op_selu op_separable_conv op_shape op_sigmoid
    op_sign op_signbit op_silu op_sin op_sinh op_size op_slice op_slice_update op_slogdet
    op_soft_shrink op_softmax op_softplus op_softsign op_solve op_solve_triangular
    op_sort op_sparse_categorical_crossentropy op_sparse_plus op_sparse_sigmoid
    op_sparsemax op_split op_sqrt op_square op_squareplus op_squeeze op_stack op_std
    op_stft op_stop_gradient op_subset op_subset_set op_subtract op_sum op_svd
    op_swapaxes op_switch op_take op_take_along_axis op_tan op_tanh op_tanh_shrink
    op_tensordot op_threshold op_tile op_top_k op_trace op_transpose op_tri op_tril
    op_triu op_trunc op_unravel_index op_unstack op_var op_vdot op_vectorize
    op_vectorized_map op_view_as_complex op_view_as_real op_vstack op_where op_while_loop
    op_zeros op_zeros_like
""".split()
# R names that are not Python names, and what they are here.
PYTHON_NAMES = {"op_subset<-": "op_subset_set"}

K = keras.ops
F32 = "float32"
X = np.array([[1.5, -2.0, 3.0], [4.0, 0.5, -6.0]], F32)  # 2 x 3
Y = np.array([[2.0, 1.0, -3.0], [0.5, 5.0, 2.0]], F32)
P = np.abs(X) + 1.0  # >= 1: logs, roots
U = X / 10.0  # in (-1, 1)
V = np.array([3.0, 1.0, 2.0], F32)
W = np.array([0.5, 2.0, -1.0], F32)
INTS = np.array([[1, 2, 3], [4, 5, 6]], "int32")
SQ = np.array([[4.0, 1.0], [1.0, 3.0]], F32)  # symmetric positive definite
LOW = np.array([[2.0, 0.0], [1.0, 3.0]], F32)
B2 = np.array([[1.0], [2.0]], F32)
CPLX = np.array([1 + 2j, 3 - 1j], "complex64")
IMG = np.linspace(0, 1, 2 * 4 * 4 * 3, dtype=F32).reshape(2, 4, 4, 3)
SEQ3 = np.linspace(-1, 1, 1 * 5 * 2, dtype=F32).reshape(1, 5, 2)  # batch, steps, channels
KER3 = np.linspace(-1, 1, 3 * 2 * 4, dtype=F32).reshape(3, 2, 4)
SIG = np.sin(np.arange(16, dtype=F32))
Q = np.linspace(-1, 1, 1 * 2 * 2 * 4, dtype=F32).reshape(1, 2, 2, 4)  # b, seq, heads, dim
LOGITS = np.log(np.array([[[0.6, 0.3, 0.1], [0.2, 0.2, 0.6], [0.1, 0.8, 0.1]]], F32))
AFFINE = np.tile(np.array([1, 0, 0.5, 0, 1, 0, 0, 0], F32), (2, 1))
CORNERS = np.tile(np.array([[0, 0], [3, 0], [0, 3], [3, 3]], F32), (2, 1, 1))
F = rstyle_keras  # R's functions


def same(name, keras_name=None, *args, **kwargs):
    """A row whose R call and Keras call take the same arguments."""
    return (lambda: getattr(F, name)(*args, **kwargs),
            lambda: getattr(K, keras_name or name[3:])(*args, **kwargs))


UNARY_X = """abs:absolute angle arcsinh arctan cbrt ceil conj:conjugate copy cos cosh deg2rad erf
    exp exp2 expm1 floor imag real negative sign sin sinh square tan tanh trunc isfinite
    isinf isnan logical_not relu relu6 sigmoid silu selu softplus softsign gelu elu celu
    hard_sigmoid hard_silu hard_swish hard_tanh hard_shrink soft_shrink tanh_shrink
    log_sigmoid leaky_relu sparse_plus sparse_sigmoid squareplus ravel stop_gradient
    zeros_like ones_like ndim size dtype signbit convert_to_numpy convert_to_array:convert_to_numpy
    is_tensor sparsemax softmax log_softmax transpose flip sort count_nonzero cumsum cumprod
    all any max min mean median std var sum prod logsumexp nan_to_num corrcoef shape
    array round get_item:abs""".split()
UNARY_P = "log log10 log1p log2 sqrt rsqrt reciprocal arccosh".split()
UNARY_U = "arccos arcsin arctanh erfinv".split()
BINARY = """add subtract multiply divide divide_no_nan maximum minimum pmax:maximum
    pmin:minimum equal not_equal greater greater_equal less less_equal logical_and
    logical_or logical_xor arctan2 logaddexp heaviside floor_divide mod power""".split()

CASES = {}
for spec in UNARY_X + UNARY_P + UNARY_U + BINARY:
    r_name, _, k_name = spec.partition(":")
    data = ((X,) if spec in UNARY_X else (P,) if spec in UNARY_P else (U,) if spec in UNARY_U
            else (P, Y) if r_name == "power" else (X, Y))
    CASES["op_" + r_name] = same("op_" + r_name, k_name or None, *data)
del CASES["op_get_item"]

R = rstyle_keras
CASES.update({
    # reductions and axes: 1-based in R
    "op_sum": (lambda: R.op_sum(X, axis=2.0), lambda: K.sum(X, axis=1)),
    "op_mean": (lambda: R.op_mean(X, 1, True), lambda: K.mean(X, axis=0, keepdims=True)),
    "op_max": (lambda: R.op_max(X, axis=-1), lambda: K.max(X, axis=-1)),
    "op_min": (lambda: R.op_min(X, axis=c(1, 2)), lambda: K.min(X, axis=[0, 1])),
    "op_prod": (lambda: R.op_prod(X, axis=1), lambda: K.prod(X, axis=0)),
    "op_std": (lambda: R.op_std(X, axis=2), lambda: K.std(X, axis=1)),
    "op_var": (lambda: R.op_var(X, axis=1), lambda: K.var(X, axis=0)),
    "op_all": (lambda: R.op_all(X > 0, axis=2), lambda: K.all(X > 0, axis=1)),
    "op_any": (lambda: R.op_any(X > 0, axis=1), lambda: K.any(X > 0, axis=0)),
    "op_median": (lambda: R.op_median(X, axis=2), lambda: K.median(X, axis=1)),
    "op_logsumexp": (lambda: R.op_logsumexp(X, axis=1), lambda: K.logsumexp(X, axis=0)),
    "op_cumsum": (lambda: R.op_cumsum(X, axis=2), lambda: K.cumsum(X, axis=1)),
    "op_cumprod": (lambda: R.op_cumprod(X, axis=1), lambda: K.cumprod(X, axis=0)),
    "op_count_nonzero": (lambda: R.op_count_nonzero(X > 0, axis=2),
                         lambda: K.count_nonzero(X > 0, axis=1)),
    "op_softmax": (lambda: R.op_softmax(X, axis=1), lambda: K.softmax(X, axis=0)),
    "op_log_softmax": (lambda: R.op_log_softmax(X, 1), lambda: K.log_softmax(X, axis=0)),
    "op_sparsemax": (lambda: R.op_sparsemax(X, axis=1), lambda: K.sparsemax(X, axis=0)),
    "op_sort": (lambda: R.op_sort(X, axis=1), lambda: K.sort(X, axis=0)),
    "op_flip": (lambda: R.op_flip(X, axis=2), lambda: K.flip(X, axis=1)),
    "op_transpose": (lambda: R.op_transpose(IMG, c(4, 1, 2, 3)),
                     lambda: K.transpose(IMG, [3, 0, 1, 2])),
    "op_squeeze": (lambda: R.op_squeeze(X[None], axis=1), lambda: K.squeeze(X[None], axis=0)),
    "op_expand_dims": (lambda: R.op_expand_dims(X, 1), lambda: K.expand_dims(X, 0)),
    "op_stack": (lambda: R.op_stack([X, Y], axis=2), lambda: K.stack([X, Y], axis=1)),
    "op_unstack": (lambda: R.op_unstack(X, axis=2), lambda: K.unstack(X, axis=1)),
    "op_concatenate": (lambda: R.op_concatenate([X, Y], axis=2.0),
                       lambda: K.concatenate([X, Y], axis=1)),
    "op_append": (lambda: R.op_append(X, Y, axis=1), lambda: K.append(X, Y, axis=0)),
    "op_moveaxis": (lambda: R.op_moveaxis(IMG, 4, 2), lambda: K.moveaxis(IMG, 3, 1)),
    "op_swapaxes": (lambda: R.op_swapaxes(IMG, 1, 4), lambda: K.swapaxes(IMG, 0, 3)),
    "op_diagonal": (lambda: R.op_diagonal(IMG, axis1=2, axis2=3),
                    lambda: K.diagonal(IMG, axis1=1, axis2=2)),
    "op_trace": (lambda: R.op_trace(IMG, axis1=2, axis2=3), lambda: K.trace(IMG, 0, 1, 2)),
    "op_diff": (lambda: R.op_diff(X, 1, axis=1), lambda: K.diff(X, 1, axis=0)),
    "op_roll": (lambda: R.op_roll(X, 1.0, axis=2), lambda: K.roll(X, 1, axis=1)),
    "op_repeat": (lambda: R.op_repeat(X, 2, axis=1), lambda: K.repeat(X, 2, axis=0)),
    "op_rot90": (lambda: R.op_rot90(X), lambda: K.rot90(X, 1, (0, 1))),
    "op_tensordot": (lambda: R.op_tensordot(X, Y.T, axes=1.0),  # a count (R's as_axis: 0)
                     lambda: K.tensordot(X, Y.T, axes=1)),
    "op_norm": (lambda: R.op_norm(X, ord=2.0, axis=2), lambda: K.norm(X, ord=2, axis=1)),
    "op_normalize": (lambda: R.op_normalize(X, axis=1), lambda: K.normalize(X, axis=0)),
    "op_glu": (lambda: R.op_glu(IMG[..., :2], axis=4), lambda: K.glu(IMG[..., :2], axis=3)),
    "op_average": (lambda: R.op_average(X, axis=2, weights=V),
                   lambda: K.average(X, axis=1, weights=V)),
    "op_quantile": (lambda: R.op_quantile(X, 0.5, axis=2), lambda: K.quantile(X, 0.5, axis=1)),
    "op_moments": (lambda: R.op_moments(X, axes=2), lambda: K.moments(X, axes=[1])),
    "op_cross": (lambda: R.op_cross(X.T, Y.T, axisa=1, axisb=1.0),  # FIXES: 1-based
                 lambda: K.cross(X.T, Y.T, axisa=0, axisb=0)),
    "op_linspace": (lambda: R.op_linspace(0, 1, 5.0), lambda: K.linspace(0, 1, 5)),
    "op_logspace": (lambda: R.op_logspace(0, 2, 3.0), lambda: K.logspace(0, 2, 3)),
    "op_histogram": (lambda: R.op_histogram(V, bins=2.0, range=c(0, 4)),
                     lambda: K.histogram(V, bins=2, range=(0, 4))),
    # 1-based results
    "op_argmax": (lambda: R.op_argmax(X, axis=2), lambda: K.argmax(X, axis=1) + 1),
    "op_argmin": (lambda: R.op_argmin(X, axis=1), lambda: K.argmin(X, axis=0) + 1),
    "op_argsort": (lambda: R.op_argsort(V), lambda: K.argsort(V) + 1),
    "op_argpartition": (lambda: R.op_argpartition(V, 2), lambda: K.argpartition(V, 1) + 1),
    "op_searchsorted": (lambda: R.op_searchsorted(c(1, 2, 3), c(2.5, 1)),
                        lambda: K.searchsorted(np.array([1, 2, 3], F32),
                                               np.array([2.5, 1], F32)) + 1),
    "op_digitize": (lambda: R.op_digitize(V, c(1.5, 2.5)),
                    lambda: K.digitize(V, np.array([1.5, 2.5])) + 1),
    "op_top_k": (lambda: R.op_top_k(V, 2.0),
                 lambda: (K.top_k(V, 2)[0], K.top_k(V, 2)[1] + 1)),
    "op_nonzero": (lambda: R.op_nonzero(X > 0),
                   lambda: K.stack([i + 1 for i in K.nonzero(X > 0)], axis=-1)),
    "op_get_item": (lambda: R.op_get_item(X, 1), lambda: K.get_item(X, 1)),  # Keras's key
    "op_where": (lambda: R.op_where(X > 0, X, Y), lambda: K.where(X > 0, X, Y)),
    # 1-based inputs
    "op_take": (lambda: R.op_take(X, c(3, 1), axis=2), lambda: K.take(X, [2, 0], axis=1)),
    "op_take_along_axis": (
        lambda: R.op_take_along_axis(X, np.array([[1, 3]]), axis=2),
        lambda: K.take_along_axis(X, np.array([[0, 2]]), axis=1)),
    "op_one_hot": (lambda: R.op_one_hot(c(1, 3, 2), 3.0), lambda: K.one_hot([0, 2, 1], 3)),
    "op_multi_hot": (lambda: R.op_multi_hot(c(0, 2), 3.0), lambda: K.multi_hot([0, 2], 3)),
    "op_segment_sum": (lambda: R.op_segment_sum(V, c(1, 1, 2), 2),
                       lambda: K.segment_sum(V, np.array([0, 0, 1]), 2)),
    "op_segment_max": (lambda: R.op_segment_max(V, c(1, 2, 2), num_segments=2.0),
                       lambda: K.segment_max(V, np.array([0, 1, 1]), num_segments=2)),
    "op_scatter": (lambda: R.op_scatter(np.array([[1, 2], [2, 3]]), c(5.0, 6.0), c(2, 3)),
                   lambda: K.scatter(np.array([[0, 1], [1, 2]]), np.array([5.0, 6.0]), (2, 3))),
    "op_scatter_update": (lambda: R.op_scatter_update(X, [c(1, 1)], c(9)),
                          lambda: K.scatter_update(X, [[0, 0]], np.array([9.0], F32))),
    "op_slice": (lambda: R.op_slice(X, c(1, 2), c(2, 2)),
                 lambda: K.slice(X, [0, 1], (2, 2))),
    "op_slice_update": (lambda: R.op_slice_update(X, c(2, 2), np.ones((1, 2), F32)),
                        lambda: K.slice_update(X, [1, 1], np.ones((1, 2), F32))),
    # R: the flat indices in 1-based, Keras's 0-based coordinates out (R keras3's page)
    "op_unravel_index": (lambda: R.op_unravel_index(c(2, 5), c(2, 3)),
                         lambda: K.unravel_index(np.array([1, 4]), (2, 3))),
    "op_split": (lambda: R.op_split(X, c(2, 3), axis=2), lambda: K.split(X, [1, 2], axis=1)),
    # R passes the targets to Keras as they are (R keras3's page: c(2, 5, 3) are 0-based)
    "op_in_top_k": (lambda: R.op_in_top_k(np.array([0, 2]), X, 1.0),
                    lambda: K.in_top_k(np.array([0, 2]), X, 1)),
    "op_bincount": (lambda: R.op_bincount(c(0, 1, 1, 3), minlength=5.0),
                    lambda: K.bincount(np.array([0, 1, 1, 3], "int32"), minlength=5)),
    "op_switch": (lambda: R.op_switch(2, [lambda a: a + 1, lambda a: a * 10], V),
                  lambda: K.switch(1, [lambda a: a + 1, lambda a: a * 10], V)),
    "op_subset": (lambda: R.op_subset(X, 2, c(1, 3)), lambda: X[1, [0, 2]]),
    "op_subset_set": (lambda: R.op_subset_set(K.array(X), 1, 2, value=9.0),
                      lambda: K.array(X).at[0, 1].set(9.0)),
    # shapes as c() vectors, whole floats
    "op_zeros": (lambda: R.op_zeros(c(2, 3)), lambda: K.zeros((2, 3))),
    "op_ones": (lambda: R.op_ones(c(2.0, 3.0), "int32"), lambda: K.ones((2, 3), "int32")),
    "op_empty": (lambda: tuple(R.op_empty(c(2, 3)).shape), lambda: tuple(K.empty((2, 3)).shape)),
    "op_full": (lambda: R.op_full(c(2, 2), 7.0), lambda: K.full((2, 2), 7.0)),
    "op_full_like": (lambda: R.op_full_like(X, 7.0), lambda: K.full_like(X, 7.0)),
    "op_eye": (lambda: R.op_eye(3.0, k=1.0), lambda: K.eye(3, k=1)),
    "op_identity": (lambda: R.op_identity(3), lambda: K.identity(3)),
    "op_tri": (lambda: R.op_tri(3.0), lambda: K.tri(3)),
    "op_tril": (lambda: R.op_tril(X, k=0.0), lambda: K.tril(X, 0)),
    "op_triu": (lambda: R.op_triu(X, 1.0), lambda: K.triu(X, 1)),
    "op_diag": (lambda: R.op_diag(V, 1.0), lambda: K.diag(V, 1)),
    "op_diagflat": (lambda: R.op_diagflat(V), lambda: K.diagflat(V)),
    "op_reshape": (lambda: R.op_reshape(X, c(3, NA)), lambda: K.reshape(X, (3, -1))),
    "op_broadcast_to": (lambda: R.op_broadcast_to(V, c(2, 3)),
                        lambda: K.broadcast_to(V, (2, 3))),
    "op_tile": (lambda: R.op_tile(V, c(2)), lambda: K.tile(V, (2,))),
    "op_pad": (lambda: R.op_pad(X, c(1, 1)), lambda: K.pad(X, (1, 1))),
    "op_arange": (lambda: R.op_arange(1, 5), lambda: K.arange(1, 6, 1)),
    "op_array": (lambda: R.op_array(c(1, 2), "int32"), lambda: K.array([1, 2], "int32")),
    "op_convert_to_tensor": (lambda: R.op_convert_to_tensor(c(1.5, 2.0)),
                             lambda: K.convert_to_tensor(np.array([1.5, 2.0]))),
    "op_cast": (lambda: R.op_cast(X, "int32"), lambda: K.cast(X, "int32")),
    "op_saturate_cast": (lambda: R.op_saturate_cast(X * 100, "int8"),
                         lambda: K.saturate_cast(X * 100, "int8")),
    "op_clip": (lambda: R.op_clip(X, -1.0, 1.0), lambda: K.clip(X, -1.0, 1.0)),
    "op_round": (lambda: R.op_round(X * 1.37, decimals=1.0), lambda: K.round(X * 1.37, 1)),
    "op_isclose": (lambda: R.op_isclose(X, X + 1e-9), lambda: K.isclose(X, X + 1e-9)),
    "op_threshold": (lambda: R.op_threshold(X, 1.0, 0.0), lambda: K.threshold(X, 1.0, 0.0)),
    "op_select": (lambda: R.op_select([X > 0], [X]), lambda: K.select([X > 0], [X], 0)),
    "op_meshgrid": (lambda: R.op_meshgrid(c(1, 2), c(3, 4, 5)),
                    lambda: K.meshgrid(np.array([1, 2]), np.array([3, 4, 5]))),
    "op_hstack": (lambda: R.op_hstack(X, Y), lambda: K.hstack([X, Y])),
    "op_vstack": (lambda: R.op_vstack([X], Y), lambda: K.vstack([X, Y])),
    "op_einsum": (lambda: R.op_einsum("ij,kj->ik", X, Y), lambda: K.einsum("ij,kj->ik", X, Y)),
    "op_rearrange": (lambda: R.op_rearrange(X, "a b -> b a"), lambda: K.rearrange(X, "a b -> b a")),
    # products, linear algebra
    "op_matmul": (lambda: R.op_matmul(X, Y.T), lambda: K.matmul(X, Y.T)),
    "op_dot": same("op_dot", None, X, Y.T),
    "op_inner": same("op_inner", None, V, W),
    "op_outer": same("op_outer", None, V, W),
    "op_vdot": same("op_vdot", None, V, W),
    "op_correlate": (lambda: R.op_correlate(c(1, 2, 3), c(0, 1, 0.5)),
                     lambda: K.correlate(np.array([1, 2, 3]), np.array([0, 1, 0.5]))),
    "op_cholesky": same("op_cholesky", None, SQ),
    "op_det": same("op_det", None, SQ),
    "op_inv": same("op_inv", None, SQ),
    "op_logdet": same("op_logdet", None, SQ),
    "op_slogdet": same("op_slogdet", None, SQ),
    "op_eigh": same("op_eigh", None, SQ),
    "op_eig": (lambda: R.op_eig(LOW)[0], lambda: K.eig(LOW)[0]),
    "op_qr": same("op_qr", None, SQ),
    "op_svd": same("op_svd", None, SQ),
    "op_lu_factor": same("op_lu_factor", None, SQ),
    "op_solve": same("op_solve", None, SQ, B2),
    "op_solve_triangular": (lambda: R.op_solve_triangular(LOW, B2, lower=True),
                            lambda: K.solve_triangular(LOW, B2, lower=True)),
    "op_lstsq": same("op_lstsq", None, SQ, B2),
    "op_polar": same("op_polar", None, V, W),
    "op_view_as_real": same("op_view_as_real", None, CPLX),
    "op_view_as_complex": same("op_view_as_complex", None, np.ones((2, 2), F32)),
    "op_fft": same("op_fft", None, (X, Y)),
    "op_fft2": same("op_fft2", None, (X, Y)),
    "op_ifft2": (lambda: R.op_ifft2([X, Y]), lambda: K.ifft2((X, Y))),
    "op_rfft": (lambda: R.op_rfft(SIG, fft_length=8.0), lambda: K.rfft(SIG, 8)),
    "op_irfft": (lambda: R.op_irfft((SIG[:5], SIG[5:10]), 8.0),
                 lambda: K.irfft((SIG[:5], SIG[5:10]), 8)),
    "op_stft": (lambda: R.op_stft(SIG, 8.0, 4.0, 8.0),
                lambda: K.stft(SIG, 8, 4, 8)),
    "op_istft": (lambda: R.op_istft(list(K.stft(SIG, 8, 4, 8)), 8, 4, 8),
                 lambda: K.istft(K.stft(SIG, 8, 4, 8), 8, 4, 8)),
    "op_extract_sequences": (lambda: R.op_extract_sequences(SIG, 4.0, 4.0),
                             lambda: K.extract_sequences(SIG, 4, 4)),
    "op_psnr": same("op_psnr", None, P, P + 0.5, 10.0),
    # windows, bitwise
    "op_bartlett": (lambda: R.op_bartlett(5.0), lambda: K.bartlett(5)),
    "op_blackman": (lambda: R.op_blackman(5.0), lambda: K.blackman(5)),
    "op_hamming": (lambda: R.op_hamming(5.0), lambda: K.hamming(5)),
    "op_hanning": (lambda: R.op_hanning(5.0), lambda: K.hanning(5)),
    "op_kaiser": (lambda: R.op_kaiser(5.0, 0.5), lambda: K.kaiser(5, 0.5)),
    "op_bitwise_and": (lambda: R.op_bitwise_and(INTS, 3.0), lambda: K.bitwise_and(INTS, 3)),
    "op_bitwise_or": (lambda: R.op_bitwise_or(INTS, c(1, 2, 4)),
                      lambda: K.bitwise_or(INTS, np.array([1, 2, 4], "int32"))),
    "op_bitwise_xor": (lambda: R.op_bitwise_xor(INTS, 1), lambda: K.bitwise_xor(INTS, 1)),
    "op_bitwise_invert": (lambda: R.op_bitwise_invert(INTS), lambda: K.bitwise_invert(INTS)),
    "op_bitwise_not": (lambda: R.op_bitwise_not(INTS), lambda: K.bitwise_not(INTS)),
    "op_bitwise_left_shift": (lambda: R.op_bitwise_left_shift(INTS, 1.0),
                              lambda: K.bitwise_left_shift(INTS, 1)),
    "op_bitwise_right_shift": (lambda: R.op_bitwise_right_shift(INTS, 1.0),
                               lambda: K.bitwise_right_shift(INTS, 1)),
    "op_left_shift": (lambda: R.op_left_shift(INTS, 2.0), lambda: K.left_shift(INTS, 2)),
    "op_right_shift": (lambda: R.op_right_shift(INTS, 1.0), lambda: K.right_shift(INTS, 1)),
    # neural network ops
    "op_conv": (lambda: R.op_conv(SEQ3, KER3, strides=1.0), lambda: K.conv(SEQ3, KER3, 1)),
    "op_conv_transpose": (lambda: R.op_conv_transpose(SEQ3, KER3.transpose(0, 2, 1), 2.0),
                          lambda: K.conv_transpose(SEQ3, KER3.transpose(0, 2, 1), 2)),
    "op_depthwise_conv": (lambda: R.op_depthwise_conv(SEQ3, KER3[:, :, :1], 1.0),
                          lambda: K.depthwise_conv(SEQ3, KER3[:, :, :1], 1)),
    "op_separable_conv": (
        lambda: R.op_separable_conv(SEQ3, KER3[:, :, :1], np.ones((1, 2, 3), F32)),
        lambda: K.separable_conv(SEQ3, KER3[:, :, :1], np.ones((1, 2, 3), F32))),
    # (Keras 3.15's pools on JAX fail with strides=None: given here)
    "op_average_pool": (lambda: R.op_average_pool(SEQ3, 2.0, 2.0),
                        lambda: K.average_pool(SEQ3, 2, 2)),
    "op_max_pool": (lambda: R.op_max_pool(IMG, c(2, 2), c(2, 2)),
                    lambda: K.max_pool(IMG, (2, 2), (2, 2))),
    "op_batch_normalization": (
        lambda: R.op_batch_normalization(X, c(0, 1, 2), c(1, 1, 4), axis=-1),
        lambda: K.batch_normalization(X, np.array([0.0, 1, 2]), np.array([1.0, 1, 4]), -1)),
    "op_layer_normalization": (lambda: R.op_layer_normalization(X, axis=2),
                               lambda: K.layer_normalization(X, axis=1)),
    "op_rms_normalization": (lambda: R.op_rms_normalization(X, axis=1),
                             lambda: K.rms_normalization(X, axis=0)),
    "op_binary_crossentropy": same("op_binary_crossentropy", None, (X > 0) * 1.0,
                                   np.clip(np.abs(U), 0.1, 0.9)),
    "op_categorical_crossentropy": (
        lambda: R.op_categorical_crossentropy(np.eye(3, dtype=F32)[:2], np.abs(X), axis=2),
        lambda: K.categorical_crossentropy(np.eye(3, dtype=F32)[:2], np.abs(X), axis=1)),
    "op_sparse_categorical_crossentropy": (
        lambda: R.op_sparse_categorical_crossentropy(np.array([0, 2]), np.abs(X)),
        lambda: K.sparse_categorical_crossentropy(np.array([0, 2]), np.abs(X))),
    "op_dot_product_attention": same("op_dot_product_attention", None, Q, Q, Q),
    "op_ctc_loss": (lambda: R.op_ctc_loss(np.array([[1.0, 1.0]]), LOGITS, c(2), c(3), mask_index=1),
                    lambda: K.ctc_loss(np.array([[1, 1]], "int32"), LOGITS,
                                       np.array([2]), np.array([3]), mask_index=0)),
    "op_ctc_decode": (lambda: R.op_ctc_decode(LOGITS, c(3), mask_index=3.0),
                      lambda: K.ctc_decode(LOGITS, np.array([3], "int32"), mask_index=2)),
    # images
    "op_image_resize": (lambda: R.op_image_resize(IMG, c(2, 2)),
                        lambda: K.image.resize(IMG, (2, 2))),
    "op_image_affine_transform": (
        lambda: R.op_image_affine_transform(IMG, AFFINE),
        lambda: K.image.affine_transform(IMG, AFFINE)),
    "op_image_crop": (lambda: R.op_image_crop(IMG, 1.0, 1.0, target_height=2, target_width=2),
                      lambda: K.image.crop_images(IMG, 1, 1, target_height=2, target_width=2)),
    "op_image_pad": (lambda: R.op_image_pad(IMG, 1.0, 1.0, target_height=6, target_width=6),
                     lambda: K.image.pad_images(IMG, 1, 1, target_height=6, target_width=6)),
    "op_image_elastic_transform": (lambda: R.op_image_elastic_transform(IMG, seed=1.0),
                                   lambda: K.image.elastic_transform(IMG, seed=1)),
    "op_image_extract_patches": (lambda: R.op_image_extract_patches(IMG, 2.0),
                                 lambda: K.image.extract_patches(IMG, 2)),
    "op_image_gaussian_blur": (lambda: R.op_image_gaussian_blur(IMG),
                               lambda: K.image.gaussian_blur(IMG)),
    "op_image_hsv_to_rgb": (lambda: R.op_image_hsv_to_rgb(IMG),
                            lambda: K.image.hsv_to_rgb(IMG)),
    "op_image_rgb_to_hsv": (lambda: R.op_image_rgb_to_hsv(IMG),
                            lambda: K.image.rgb_to_hsv(IMG)),
    "op_image_rgb_to_grayscale": (lambda: R.op_image_rgb_to_grayscale(IMG),
                                  lambda: K.image.rgb_to_grayscale(IMG)),
    "op_image_map_coordinates": (
        lambda: R.op_image_map_coordinates(X, np.array([[[0.5]], [[1.0]]], F32), 1),
        lambda: K.image.map_coordinates(X, np.array([[[0.5]], [[1.0]]], F32), 1)),
    "op_image_perspective_transform": (
        lambda: R.op_image_perspective_transform(IMG, CORNERS, CORNERS[:, ::-1]),
        lambda: K.image.perspective_transform(IMG, CORNERS, CORNERS[:, ::-1])),
    # functions as arguments: Python callables
    "op_cond": (lambda: R.op_cond(True, lambda: X, lambda: Y), lambda: K.cond(True, lambda: X,
                                                                                lambda: Y)),
    "op_fori_loop": (lambda: R.op_fori_loop(0, 3, lambda i, s: s + i, 0),
                     lambda: K.fori_loop(0, 3, lambda i, s: s + i, 0)),
    "op_while_loop": (lambda: R.op_while_loop(lambda i: i < 3, lambda i: (i + 1,), (0,)),
                      lambda: K.while_loop(lambda i: i < 3, lambda i: (i + 1,), (0,))),
    "op_map": (lambda: R.op_map(X, lambda r: r * 2), lambda: K.map(lambda r: r * 2, X)),
    "op_scan": (lambda: R.op_scan(lambda s, x: (s + x, s), 0.0, V),
                lambda: K.scan(lambda s, x: (s + x, s), 0.0, V)),
    "op_associative_scan": (lambda: R.op_associative_scan(lambda a, b: a + b, X, axis=2),
                            lambda: K.associative_scan(lambda a, b: a + b, X, axis=1)),
    "op_vectorized_map": (lambda: R.op_vectorized_map(X, lambda r: r * 2),
                          lambda: K.vectorized_map(lambda r: r * 2, X)),
    "op_vectorize": (lambda: R.op_vectorize(lambda a, b: a + b)(X, Y),
                     lambda: K.vectorize(lambda a, b: a + b)(X, Y)),
    "op_custom_gradient": (lambda: R.op_custom_gradient(lambda x: (x * 2, lambda g: g))(X),
                           lambda: K.custom_gradient(lambda x: (x * 2, lambda g: g))(X)),
})
NA = float("nan")


def numpy(x):
    return np.asarray(keras.ops.convert_to_numpy(x))


def assert_same(ours, theirs):
    """Equal in value, shape and dtype (several results: each)."""
    if isinstance(theirs, (tuple, list)):
        assert isinstance(ours, (tuple, list)) and len(ours) == len(theirs)
        for a, b in zip(ours, theirs):
            assert_same(a, b)
        return
    if isinstance(theirs, (str, bool)) or theirs is None:
        assert ours == theirs
        return
    a, b = numpy(ours), numpy(theirs)
    assert a.shape == b.shape, (a.shape, b.shape)
    assert a.dtype == b.dtype, (a.dtype, b.dtype)
    if a.dtype.kind in "biu":
        np.testing.assert_array_equal(a, b)
    else:
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6, equal_nan=True)


# -- the names ------------------------------------------------------------------------------
def test_every_exported_op_is_a_function_here():
    assert len(R_OP_NAMES) == 287  # with `op_subset<-`, whose Python name is op_subset_set
    python_names = {PYTHON_NAMES.get(n, n) for n in R_OP_NAMES}
    assert python_names == {row[0] for row in api_tables.OPS} == set(ops.OP_FUNCTIONS)
    assert python_names <= set(rstyle_keras.__all__)
    for name in python_names:
        assert getattr(rstyle_keras, name) is ops.OP_FUNCTIONS[name]


def test_every_op_has_a_test_row():
    missing = set(ops.OP_FUNCTIONS) - set(CASES)
    assert not missing, f"ops without a row in CASES: {sorted(missing)}"
    assert set(CASES) <= set(ops.OP_FUNCTIONS)


# -- each op against keras.ops ----------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(CASES))
def test_op_equals_keras_ops(name, keras_engine):
    ours, theirs = CASES[name]
    assert_same(ours(), theirs())


# Rows whose R call holds a Keras tensor (which chooses Keras whatever the engine), or
# that never reach an op's function (a function is returned first).
NOT_DATA_DECIDED = {"op_istft", "op_vectorize", "op_custom_gradient", "op_is_tensor"}


def engine_decided(name: str) -> bool:
    """Whether the engine setting decides where the row's call runs: plain data does; a
    Keras tensor among the arguments (or a function returned first) does not, unless the
    core has the op."""
    spec = ops.OP_FUNCTIONS[name].spec
    return spec.core_function is not None or not (
        spec.kind in ("subset", "subset_set") or name in NOT_DATA_DECIDED)


@pytest.mark.parametrize("name", sorted(n for n in CASES if engine_decided(n)))
def test_op_under_numpy_engine(name, keras_engine):
    """The core's function where it has one (same value, shape, dtype as Keras); else a
    CoreLacksError naming the op (given plain data, the engine setting decides)."""
    fn = ops.OP_FUNCTIONS[name]
    ours, theirs = CASES[name]
    if fn.spec.core_function is None:
        config_set_engine("numpy")
        with pytest.raises(CoreLacksError, match=name):
            ours()
        return
    want = theirs()
    config_set_engine("numpy")
    assert_same(ours(), want)



# -- R's conventions ------------------------------------------------------------------------
def test_one_based_results_and_zero_indexed(keras_engine):
    assert int(R.op_argmax(V)) == 1 and int(R.op_argmax(V, zero_indexed=True)) == 0
    assert numpy(R.op_argsort(V)).tolist() == [2, 3, 1]
    assert numpy(R.op_argsort(V, zero_indexed=True)).tolist() == [1, 2, 0]
    assert numpy(R.op_top_k(V, 1)[1]).tolist() == [1]
    assert numpy(R.op_top_k(V, 1, zero_indexed=True)[1]).tolist() == [0]
    assert numpy(R.op_nonzero(np.array([0, 5, 0, 7]))).tolist() == [[2], [4]]
    assert numpy(R.op_searchsorted(c(1, 2, 3), 2.5)).tolist() == 3
    assert numpy(R.op_digitize(c(0.5, 2.5), c(1, 2), zero_indexed=True)).tolist() == [0, 2]


def test_one_based_inputs_and_zero_indexed(keras_engine):
    assert numpy(R.op_take(V, 1)).tolist() == 3.0
    assert numpy(R.op_take(V, c(1, -1))).tolist() == [3.0, 2.0]  # negative: from the end
    assert numpy(R.op_take(V, c(0, 2), zero_indexed=True)).tolist() == [3.0, 2.0]
    assert numpy(R.op_one_hot(c(0, 2), 3, zero_indexed=True)).tolist() == \
        numpy(K.one_hot(np.array([0, 2]), 3)).tolist()
    assert [numpy(s).shape for s in R.op_split(V, 3)] == [(1,)] * 3  # a number: sections
    assert [numpy(s).tolist() for s in R.op_split(V, c(2, 3))] == [[3.0], [1.0], [2.0]]
    assert numpy(R.op_segment_sum(V, K.array([1, 2, 2]), 2)).tolist() == [3.0, 3.0]  # tensor
    assert numpy(R.op_arange(3)).tolist() == [1, 2, 3]  # R: 1..n
    assert numpy(R.op_arange(2, 6, 2)).tolist() == [2, 4, 6]  # end included
    assert numpy(R.op_arange(0, 3, include_end=False)).tolist() == [0, 1, 2]


@pytest.mark.parametrize("index, want", [
    ((1,), X[0]), ((-1,), X[-1]), ((slice(None), 2), X[:, 1]), ((c(1, 2),), X[0:2]),
    ((Ellipsis, 1), X[..., 0]), ((None,), X[None]), ((2, c(3, 1)), X[1, [2, 0]]),
    ((c(2, 1), c(3, 1)), X[np.ix_([1, 0], [2, 0])]), ((slice(2, None),), X[1:]),
    ((1, slice(None, -2)), X[0, :-1]), ((1, slice(1, 3, 2)), X[0, 0:3:2]),
    ((X > 0,), X[X > 0]), ((np.array([[1, 1], [2, 3]]),), X[[0, 1], [0, 2]]),
    ((c(True, False),), X[[True, False]]), ((c(-1, -2),), X[[-1, -2]]),
])
def test_op_subset_is_r_bracket(index, want, keras_engine):
    got = R.op_subset(K.array(X), *index)
    assert_same(got, K.array(want))
    config_set_engine("numpy")
    assert_same(R.op_subset(X, *index), want)  # a core Tensor under the "numpy" engine


def test_op_subset_set(keras_engine):
    x = K.array(X)
    got = R.op_subset_set(x, slice(None), 1, value=c(7, 8))
    assert_same(got, x.at[:, 0].set(np.array([7.0, 8.0], F32)))
    assert_same(x, K.array(X))  # a JAX array is not changed: a new one comes back
    a = X.copy()
    assert R.op_subset_set(a, 2, 3, value=0) is a and a[1, 2] == 0  # NumPy: in place, as R
    i = K.array(INTS)
    assert numpy(R.op_subset_set(i, 1, 1, value=9.0)).dtype == np.int32  # R: as integer


@pytest.mark.parametrize("ours, theirs", [
    (lambda: R.op_take(V, 0), lambda: K.take(V, 0)),
    (lambda: R.op_one_hot(c(0, 1, 3), 3), lambda: K.one_hot(np.array([0, 0, 2]), 3)),
    (lambda: R.op_segment_sum(V, c(0, 1, 2), 2), lambda: K.segment_sum(V, np.array([0, 0, 1]), 2)),
    (lambda: R.op_switch(0, [lambda a: a + 1, lambda a: a * 10], V),
     lambda: K.switch(0, [lambda a: a + 1, lambda a: a * 10], V)),
])
def test_a_zero_index_stays_zero_as_in_r(ours, theirs, keras_engine):
    """R's as_py_index() shifts positive indices only: R keras3's pages rely on it
    (`op_switch(0, ...)` is the first branch; 0-based dataset labels into op_one_hot())."""
    assert_same(ours(), theirs())


@pytest.mark.parametrize("call, argument", [
    (lambda: R.op_sum(X, axis=0), "axis"),
    (lambda: R.op_stack([X, X], axis=0.0), "axis"),
    (lambda: R.op_argsort(X, axis=1.5), "axis"),
    (lambda: R.op_eye(2.5), "N"),
    (lambda: R.op_subset(X, 0), "index 1"),
])
def test_errors_name_the_argument(call, argument, keras_engine):
    with pytest.raises((ValueError, TypeError), match=argument):
        call()


def test_signatures_and_help_are_rs():
    assert str(inspect.signature(R.op_sum)) == "(x, axis=None, keepdims=False)"
    assert str(inspect.signature(R.op_subset)) == "(x, *args)"
    assert str(inspect.signature(R.op_subset_set)) == "(x, *args, value)"
    assert str(inspect.signature(R.op_arange)) == \
        "(start, end=None, step=1, dtype=None, include_end=True)"
    assert str(inspect.signature(R.op_meshgrid)) == "(*args, indexing='xy')"
    assert "R keras3's `op_sum()`" in R.op_sum.__doc__ and "axis" in R.op_sum.__doc__
    assert "1-based" in R.op_subset.__doc__


def test_r_passes_the_defaults_of_one_call_bodies():
    """R's one-line bodies (`ops$celu(x, alpha)`) pass R's defaults; the table forces them."""
    forced = {row[0]: row[5] for row in api_tables.OPS}
    assert forced["op_celu"] == ("alpha",) and forced["op_svd"] == ("full_matrices",
                                                                     "compute_uv")
    assert forced["op_sum"] == ()  # capture_args(): only what the call names


def test_tensordot_axes_count_or_one_based_lists(keras_engine):
    """R's docs: an integer is a count of axes (R's own as_axis made it one less: FIXES)."""
    assert_same(R.op_tensordot(X, Y), K.tensordot(X, Y))  # default: Keras's 2
    assert_same(R.op_tensordot(X, X, axes=[c(1), c(1)]), K.tensordot(X, X, axes=[[0], [0]]))


def test_an_r_list_without_names_reaches_keras_as_a_list(keras_engine):
    """R's `outputs <- list(); outputs[[t]] <- y` then `op_stack(outputs)`: reticulate gives
    Keras a Python list; a list with names stays a dict."""
    from rstyle_keras.r.syntax import r_get_set, rlist

    outputs = rlist()
    for t, row in enumerate(X, start=1):
        outputs = r_get_set(outputs, t, row)
    assert_same(R.op_stack(outputs, axis=2), K.stack([X[0], X[1]], axis=1))
    spec = rstyle_keras.r.functions.REGISTRY["op_stack"].spec
    assert spec.arguments({"x": rlist(a=1, b=2)})["x"] == {"a": 1.0, "b": 2.0}
