"""The layer catalogue against R keras3 and Keras 3 (issue 8, item 1).

* R keras3's exported layer functions (its NAMESPACE, as data below): none missing from
  `rstyle_keras`, and the catalogue has none beyond them.
* Under the "keras" engine every catalogue row builds its Keras class from the fewest
  required arguments, with the same `get_config()` as the Keras class given the same
  arguments (rows that cannot build here raise the very error the Keras class raises).
* Every argument with an R converter, called with an R-style value (whole floats, `c()`,
  R lists, 1-based axes, NA in shapes, padding pairs), gives the config Keras gives for the
  equivalent Python value, and Keras's class receives exactly that value.
* The converters' errors name the argument.
"""

import functools
import inspect
import math
import os

os.environ.setdefault("KERAS_BACKEND", "jax")  # before Keras is first imported

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import rstyle_keras  # noqa: E402
from rstyle_keras import c, config_engine, config_set_engine, keras_adapter  # noqa: E402
from rstyle_keras.r.layers import SPECS  # noqa: E402

# R keras3's exported layer functions, verbatim from rstudio/keras3's NAMESPACE.
R_LAYER_FUNCTIONS = """
layer_activation layer_activation_elu layer_activation_leaky_relu
layer_activation_parametric_relu layer_activation_relu layer_activation_softmax
layer_activity_regularization layer_add layer_additive_attention layer_alpha_dropout
layer_attention layer_aug_mix layer_auto_contrast layer_average layer_average_pooling_1d
layer_average_pooling_2d layer_average_pooling_3d layer_batch_normalization
layer_bidirectional layer_category_encoding layer_center_crop layer_concatenate
layer_conv_1d layer_conv_1d_transpose layer_conv_2d layer_conv_2d_transpose layer_conv_3d
layer_conv_3d_transpose layer_conv_lstm_1d layer_conv_lstm_2d layer_conv_lstm_3d
layer_cropping_1d layer_cropping_2d layer_cropping_3d layer_cut_mix layer_dense
layer_depthwise_conv_1d layer_depthwise_conv_2d layer_discretization layer_dot
layer_dropout layer_einsum_dense layer_embedding layer_equalization layer_feature_space
layer_flatten layer_flax_module_wrapper layer_gaussian_dropout layer_gaussian_noise
layer_global_average_pooling_1d layer_global_average_pooling_2d
layer_global_average_pooling_3d layer_global_max_pooling_1d layer_global_max_pooling_2d
layer_global_max_pooling_3d layer_group_normalization layer_group_query_attention
layer_gru layer_hashed_crossing layer_hashing layer_identity layer_input
layer_integer_lookup layer_jax_model_wrapper layer_lambda layer_layer_normalization
layer_lstm layer_masking layer_max_num_bounding_boxes layer_max_pooling_1d
layer_max_pooling_2d layer_max_pooling_3d layer_maximum layer_mel_spectrogram
layer_minimum layer_mix_up layer_multi_head_attention layer_multiply layer_normalization
layer_permute layer_pipeline layer_rand_augment layer_random_brightness
layer_random_color_degeneration layer_random_color_jitter layer_random_contrast
layer_random_crop layer_random_elastic_transform layer_random_erasing layer_random_flip
layer_random_gaussian_blur layer_random_grayscale layer_random_hue layer_random_invert
layer_random_perspective layer_random_posterization layer_random_rotation
layer_random_saturation layer_random_sharpness layer_random_shear
layer_random_translation layer_random_zoom layer_repeat_vector layer_rescaling
layer_reshape layer_resizing layer_rms_normalization layer_rnn layer_separable_conv_1d
layer_separable_conv_2d layer_simple_rnn layer_solarization layer_spatial_dropout_1d
layer_spatial_dropout_2d layer_spatial_dropout_3d layer_spectral_normalization
layer_stft_spectrogram layer_string_lookup layer_subtract layer_text_vectorization
layer_tfsm layer_time_distributed layer_torch_module_wrapper layer_unit_normalization
layer_upsampling_1d layer_upsampling_2d layer_upsampling_3d layer_zero_padding_1d
layer_zero_padding_2d layer_zero_padding_3d rnn_cell_gru rnn_cell_lstm rnn_cell_simple
rnn_cells_stack
""".split()

# R functions that are not catalogue rows: `layer_input()` is `keras_input()`.
NOT_IN_TABLE = {"layer_input"}

NA = float("nan")  # R's NA in a numeric vector


def identity_call(inputs):
    """A JAX function for `layer_jax_model_wrapper()` (no params, no state)."""
    return inputs


def identity(x):
    return x


# The fewest arguments with which each Keras class constructs, as Python values that every
# R converter leaves as they are. A callable makes a fresh value per call (Keras layers
# that are wrapped: one instance for us, one for Keras); inner layers are named, so that
# their names (inside the config) agree.
REQUIRED = {
    "layer_activation": {"activation": "relu"},
    "layer_alpha_dropout": {"rate": 0.5},
    "layer_average_pooling_1d": {"pool_size": 2},
    "layer_average_pooling_2d": {"pool_size": 2},
    "layer_average_pooling_3d": {"pool_size": 2},
    "layer_bidirectional": {"layer": lambda: keras.layers.LSTM(2, name="inner")},
    "layer_category_encoding": {"num_tokens": 4},
    "layer_center_crop": {"height": 2, "width": 2},
    "layer_conv_1d": {"filters": 2, "kernel_size": 3},
    "layer_conv_1d_transpose": {"filters": 2, "kernel_size": 3},
    "layer_conv_2d": {"filters": 2, "kernel_size": 3},
    "layer_conv_2d_transpose": {"filters": 2, "kernel_size": 3},
    "layer_conv_3d": {"filters": 2, "kernel_size": 3},
    "layer_conv_3d_transpose": {"filters": 2, "kernel_size": 3},
    "layer_conv_lstm_1d": {"filters": 2, "kernel_size": 3},
    "layer_conv_lstm_2d": {"filters": 2, "kernel_size": 3},
    "layer_conv_lstm_3d": {"filters": 2, "kernel_size": 3},
    "layer_dense": {"units": 2},
    "layer_depthwise_conv_1d": {"kernel_size": 3},
    "layer_depthwise_conv_2d": {"kernel_size": 3},
    "layer_discretization": {"num_bins": 4},
    "layer_dot": {"axes": -1},
    "layer_dropout": {"rate": 0.5},
    "layer_einsum_dense": {"equation": "ab,bc->ac", "output_shape": (4,)},
    "layer_embedding": {"input_dim": 10, "output_dim": 2},
    "layer_feature_space": {"features": lambda: {"a": "float", "b": "float_discretized"}},
    "layer_flax_module_wrapper": {"module": identity},
    "layer_gaussian_dropout": {"rate": 0.5},
    "layer_gaussian_noise": {"stddev": 0.1},
    "layer_group_query_attention": {"head_dim": 2, "num_query_heads": 2,
                                    "num_key_value_heads": 1},
    "layer_gru": {"units": 2},
    "layer_hashed_crossing": {"num_bins": 4},
    "layer_hashing": {"num_bins": 4},
    "layer_jax_model_wrapper": {"call_fn": identity_call},
    "layer_lambda": {"f": identity},
    "layer_lstm": {"units": 2},
    "layer_max_num_bounding_boxes": {"max_number": 2},
    "layer_multi_head_attention": {"num_heads": 2, "key_dim": 2},
    "layer_permute": {"dims": (2, 1)},
    "layer_pipeline": {"layers": lambda: [keras.layers.Dense(2, name="inner")]},
    "layer_random_brightness": {"factor": 0.5},
    "layer_random_color_degeneration": {"factor": 0.5},
    "layer_random_contrast": {"factor": 0.5},
    "layer_random_crop": {"height": 2, "width": 2},
    "layer_random_hue": {"factor": 0.5},
    "layer_random_posterization": {"factor": 2},
    "layer_random_rotation": {"factor": 0.5},
    "layer_random_saturation": {"factor": 0.5},
    "layer_random_sharpness": {"factor": 0.5},
    "layer_random_translation": {"height_factor": 0.1, "width_factor": 0.1},
    "layer_random_zoom": {"height_factor": 0.1},
    "layer_repeat_vector": {"n": 2},
    "layer_rescaling": {"scale": 0.5},
    "layer_reshape": {"target_shape": (2, 3)},
    "layer_resizing": {"height": 2, "width": 2},
    "layer_rnn": {"cell": lambda: keras.layers.SimpleRNNCell(2, name="inner")},
    "layer_separable_conv_1d": {"filters": 2, "kernel_size": 3},
    "layer_separable_conv_2d": {"filters": 2, "kernel_size": 3},
    "layer_simple_rnn": {"units": 2},
    "layer_spatial_dropout_1d": {"rate": 0.5},
    "layer_spatial_dropout_2d": {"rate": 0.5},
    "layer_spatial_dropout_3d": {"rate": 0.5},
    "layer_spectral_normalization": {"layer": lambda: keras.layers.Dense(2, name="inner")},
    "layer_tfsm": {"filepath": "no_such_saved_model"},
    "layer_time_distributed": {"layer": lambda: keras.layers.Dense(2, name="inner")},
    "layer_torch_module_wrapper": {"module": identity},
    "rnn_cell_gru": {"units": 2},
    "rnn_cell_lstm": {"units": 2},
    "rnn_cell_simple": {"units": 2},
    "rnn_cells_stack": {"cells": lambda: [keras.layers.SimpleRNNCell(2, name="inner")]},
}

# Arguments R leaves optional (default None) that the Keras class needs to construct.
KERAS_NEEDS = {"layer_category_encoding": {"num_tokens"}, "layer_discretization": {"num_bins"}}

# Config entries Keras draws at random when not given (its own config differs between two
# builds with the same arguments), by Keras class.
KERAS_DRAWS = {"RandomCrop": {"seed"}}

# Rows whose Keras class may not build, by what it needs (flax, torch, TensorFlow). Where
# Keras itself cannot build one here, our function must raise exactly what the Keras class
# raises with the same arguments (`same_error_rows()`); where it can, it is compared.
MAY_NOT_BUILD = {
    "layer_jax_model_wrapper": "JaxLayer needs the JAX or TensorFlow backend",
    "layer_flax_module_wrapper": "FlaxLayer needs flax",
    "layer_torch_module_wrapper": "TorchModuleWrapper needs torch",
    "layer_tfsm": "TFSMLayer needs the TensorFlow backend",
    "layer_hashed_crossing": "HashedCrossing needs TensorFlow",
    "layer_hashing": "Hashing needs TensorFlow",
    "layer_integer_lookup": "IntegerLookup needs TensorFlow",
    "layer_string_lookup": "StringLookup needs TensorFlow",
    "layer_text_vectorization": "TextVectorization needs TensorFlow",
}

# R-style value -> the Python value Keras takes, per converter (tried one at a time).
R_STYLE = {
    "as_integer": [(2.0, 2), (c(2.0), 2)],
    "as_nullable_integer": [(2.0, 2), (None, None)],
    "as_integer_tuple": [(3.0, 3), ([3.0], (3,))],
    "as_integer_tuple_forced": [(c(2.0, 1.0), (2, 1)), (1.0, (1,))],
    "as_tuple": [([0, 1], (0, 1)), (c(0.0, 1.0), (0.0, 1.0))],
    "as_scalar_or_tuple": [(c(0.5), 0.5), (c(0.0, 0.5), (0.0, 0.5))],
    "as_axis": [(2, 1), (2.0, 1), (-1, -1)],
    "normalize_shape": [(c(NA, 4.0), (None, 4)), (4.0, (4,))],
    "normalize_target_shape": [(c(NA, 4.0), (-1, 4)), (c(2.0, 3.0), (2, 3))],
    "normalize_padding_2d": [(2.0, 2), (c(1.0, 2.0), (1, 2)),
                             ([c(1.0, 2.0), c(3.0, 4.0)], ((1, 2), (3, 4)))],
    "normalize_padding_3d": [(2.0, 2), (c(1.0, 2.0, 3.0), (1, 2, 3)),
                             ([c(1.0, 2.0), c(3.0, 4.0), c(0.0, 1.0)],
                              ((1, 2), (3, 4), (0, 1)))],
    "normalize_cropping_2d": [(2.0, 2), (c(1.0, 2.0), (1, 2)),
                              ([c(1.0, 0.0), c(0.0, 2.0)], ((1, 0), (0, 2)))],
    "normalize_cropping_3d": [(2.0, 2), (c(1.0, 2.0, 3.0), (1, 2, 3)),
                              ([c(1.0, 0.0), c(0.0, 2.0), c(1.0, 1.0)],
                               ((1, 0), (0, 2), (1, 1)))],
}

# Where the value must fit the layer: (function, argument) -> [(R value, Keras value)],
# optionally with more arguments for both calls as a third item.
OVERRIDES = {
    # string or bool arguments that R keras3 sends through as_integer: passed as they are
    ("layer_category_encoding", "output_mode"): [("count", "count")],
    ("layer_discretization", "output_mode"): [("one_hot", "one_hot")],
    ("layer_hashed_crossing", "output_mode"): [("one_hot", "one_hot")],
    ("layer_hashing", "output_mode"): [("one_hot", "one_hot")],
    ("layer_integer_lookup", "output_mode"): [("one_hot", "one_hot")],
    ("layer_string_lookup", "output_mode"): [("one_hot", "one_hot")],
    ("layer_text_vectorization", "output_mode"): [("count", "count")],
    ("layer_integer_lookup", "invert"): [(True, True)],
    ("layer_string_lookup", "invert"): [(True, True)],
    ("layer_text_vectorization", "ragged"): [(True, True)],
    ("layer_string_lookup", "mask_token"): [("", "")],
    ("layer_string_lookup", "vocabulary"): [(["a", "b"], ["a", "b"])],
    ("layer_rnn", "cell"): [(lambda: keras.layers.GRUCell(3, name="inner"),
                             lambda: keras.layers.GRUCell(3, name="inner"))],
    # integer arguments whose values must fit the layer
    ("layer_integer_lookup", "vocabulary"): [([1.0, 2.0], [1, 2])],
    ("layer_integer_lookup", "mask_token"): [(0.0, 0)],
    ("layer_integer_lookup", "oov_token"): [(-1.0, -1)],
    ("layer_max_num_bounding_boxes", "fill_value"): [(-1.0, -1), (c(0.0), 0)],
    ("layer_text_vectorization", "ngrams"): [(2.0, 2), ([1.0, 2.0], (1, 2))],
    ("layer_embedding", "input_length"): [(3.0, 3)],
    ("layer_einsum_dense", "output_shape"): [
        (4.0, (4,)), (c(NA, 4.0), (None, 4), {"equation": "abc,cd->abd"})],
    ("layer_multi_head_attention", "attention_axes"): [(1.0, 1), (c(1.0, 2.0), (1, 2))],
    ("layer_random_gaussian_blur", "kernel_size"): [(5.0, 5)],
    ("layer_mel_spectrogram", "fft_length"): [(512.0, 512)],
    ("layer_mel_spectrogram", "sequence_stride"): [(128.0, 128)],
    ("layer_mel_spectrogram", "sequence_length"): [(256.0, 256)],
    ("layer_mel_spectrogram", "sampling_rate"): [(8000.0, 8000)],
    ("layer_mel_spectrogram", "num_mel_bins"): [(64.0, 64)],
    ("layer_stft_spectrogram", "frame_length"): [(128.0, 128)],
    ("layer_stft_spectrogram", "frame_step"): [(64.0, 64)],
    ("layer_stft_spectrogram", "fft_length"): [(512.0, 512)],
    ("layer_equalization", "bins"): [(16.0, 16)],
    ("layer_random_posterization", "factor"): [(3.0, 3), (c(3.0), 3)],
    ("layer_feature_space", "crossing_dim"): [(8.0, 8)],
    ("layer_feature_space", "hashing_dim"): [(8.0, 8)],
    ("layer_feature_space", "num_discretization_bins"): [(8.0, 8)],
    ("layer_activation_parametric_relu", "shared_axes"): [
        (c(2.0, 3.0), [1, 2]), (2, 1), (-1, -1)],
    ("layer_dot", "axes"): [(2, 1), (c(2.0, 3.0), [1, 2]), (-1, -1)],
}
for _fn in ("layer_conv_2d", "layer_conv_2d_transpose", "layer_conv_lstm_2d",
            "layer_conv_3d", "layer_conv_3d_transpose", "layer_conv_lstm_3d"):
    _n = 2 if "2d" in _fn else 3
    for _arg in ("kernel_size", "strides", "dilation_rate"):
        if _arg in SPECS[_fn].converters:
            OVERRIDES[(_fn, _arg)] = [
                (3.0, 3), ([3.0] * _n, (3,) * _n), (c(*[2.0] * _n), (2,) * _n)]
for _fn in ("layer_conv_1d_transpose", "layer_conv_2d_transpose", "layer_conv_3d_transpose"):
    # an output padding must be smaller than the strides
    _n = int(_fn[11])
    OVERRIDES[(_fn, "output_padding")] = [
        (1.0, 1, {"strides": 2}), ([1.0] * _n, (1,) * _n, {"strides": 2})]
for _fn in ("layer_depthwise_conv_2d", "layer_separable_conv_2d", "layer_upsampling_2d",
            "layer_max_pooling_2d", "layer_average_pooling_2d"):
    for _arg in ("kernel_size", "strides", "dilation_rate", "pool_size", "size"):
        if _arg in SPECS[_fn].converters:
            OVERRIDES[(_fn, _arg)] = [(2.0, 2), (c(2.0, 3.0), (2, 3))]


def converted_cases():
    """(function, argument, R value, Keras value, more arguments) for every argument that
    has a converter in the catalogue; a converter without R-style values is a failure."""
    cases, missing = [], []
    for fn, spec in SPECS.items():
        for arg, convert in spec.converters.items():
            pairs = OVERRIDES.get((fn, arg), R_STYLE.get(convert.__name__))
            if not pairs:
                missing.append((fn, arg, convert.__name__))
                continue
            for i, pair in enumerate(pairs):
                more = pair[2] if len(pair) > 2 else {}
                cases.append(pytest.param(fn, arg, pair[0], pair[1], more, id=f"{fn}-{arg}-{i}"))
    return cases, missing


CONVERTED, MISSING_R_STYLE = converted_cases()
pytestmark = pytest.mark.filterwarnings("ignore:Argument `input_length` is deprecated")
CONVERTER_PAIRS = {(fn, arg) for fn, spec in SPECS.items() for arg in spec.converters}


# -- helpers --------------------------------------------------------------------------------
@pytest.fixture
def keras_engine():
    old = config_engine()
    config_set_engine("keras")
    try:
        yield
    finally:
        config_set_engine(old)
        rstyle_keras.clear_session()


@pytest.fixture(scope="module", autouse=True)
def _clear_keras_session():
    yield
    keras.backend.clear_session()  # once: it collects garbage (0.2 s a call)


def fresh(value):
    return value() if callable(value) and getattr(value, "__name__", "") == "<lambda>" else value


def fresh_args(args: dict) -> dict:
    return {name: fresh(value) for name, value in args.items()}


def keras_class(fn):
    return keras_adapter.layer_class(SPECS[fn].keras_class)


def keras_args(fn, args: dict) -> dict:
    """R's argument names as Keras's (`layer_lambda(f=)` is `Lambda(function=)`)."""
    renames = SPECS[fn].renames
    return {renames.get(name, name): value for name, value in args.items()}


def call_ours(fn, args: dict):
    return getattr(rstyle_keras, fn)(**args)


def strictly_equal(a, b) -> bool:
    """Equal, and of the same types all the way down (2.0 is not 2, a list not a tuple)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return type(a) is type(b) and a.dtype == b.dtype and np.array_equal(a, b)
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(strictly_equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(strictly_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def config(layer) -> dict:
    cfg = layer.get_config()
    cfg.pop("name", None)  # automatic names differ
    for key in KERAS_DRAWS.get(type(layer).__name__, ()):
        cfg.pop(key)
    return cfg


def keras_builds_here(fn) -> bool:
    """Whether the Keras class builds here from the test's data. The wrappers' dummy
    modules only build where their package is missing in the same way for Keras and us
    (under the torch backend, TorchModuleWrapper wants a real torch module: an error)."""
    try:
        keras_class(fn)(**keras_args(fn, fresh_args(REQUIRED.get(fn, {}))))
    except Exception:  # noqa: BLE001  (any error: then ours must raise exactly the same)
        return False
    return True


@functools.cache
def same_error_rows() -> frozenset:
    """The rows Keras cannot build here (what is installed decides)."""
    return frozenset(fn for fn in MAY_NOT_BUILD if not keras_builds_here(fn))


def build_both(fn, ours_args: dict, theirs_args: dict):
    """Our function (no object) and the Keras class. Where the Keras class raises (a row
    that cannot build here, or a value this backend refuses, as `ragged=True` off
    TensorFlow), ours must raise the same exception, type and message: (None, None)."""
    cls = keras_class(fn)
    try:
        theirs = cls(**keras_args(fn, theirs_args))
    except Exception as e:  # noqa: BLE001
        assert fn in MAY_NOT_BUILD or set(theirs_args) - set(REQUIRED.get(fn, {})), (
            f"{fn}: Keras cannot build it from the required arguments alone: {e!r}")
        with pytest.raises(type(e)) as ours:
            call_ours(fn, ours_args)
        assert str(ours.value) == str(e)
        return None, None
    ours = call_ours(fn, ours_args)
    return ours, theirs


# -- 1. the names ---------------------------------------------------------------------------
def test_r_names_data_has_134_unique_names():
    assert len(R_LAYER_FUNCTIONS) == 134
    assert len(set(R_LAYER_FUNCTIONS)) == 134


@pytest.mark.parametrize("name", R_LAYER_FUNCTIONS)
def test_every_r_layer_function_is_exported(name):
    assert name in rstyle_keras.__all__
    function = getattr(rstyle_keras, name)
    assert callable(function)
    assert isinstance(inspect.signature(function), inspect.Signature)


def test_catalogue_has_no_names_beyond_r_keras3():
    assert set(SPECS) == set(R_LAYER_FUNCTIONS) - NOT_IN_TABLE
    assert NOT_IN_TABLE <= set(R_LAYER_FUNCTIONS)


def test_test_data_names_only_catalogue_rows():
    assert set(REQUIRED) <= set(SPECS)
    assert set(MAY_NOT_BUILD) <= set(SPECS)
    assert {fn for fn, _ in OVERRIDES} <= set(SPECS)
    assert set(OVERRIDES) <= CONVERTER_PAIRS  # no stale override


@pytest.mark.parametrize("fn", sorted(SPECS))
def test_required_data_is_r_required(fn):
    """The test's required arguments are what R requires, plus what Keras needs where R
    has a default of None (so "fewest" holds)."""
    spec = SPECS[fn]
    r_required = set(spec.required) | set(spec.keyword_required)
    if spec.kind == "cells":
        r_required.add("cells")
    assert set(REQUIRED.get(fn, {})) == r_required | KERAS_NEEDS.get(fn, set())


@pytest.mark.parametrize("fn", sorted(KERAS_NEEDS))
def test_keras_needs_what_r_leaves_optional(fn):
    for arg in KERAS_NEEDS[fn]:
        args = {k: v for k, v in REQUIRED[fn].items() if k != arg}
        with pytest.raises(ValueError, match=arg):
            keras_class(fn)(**keras_args(fn, fresh_args(args)))


# -- 2 and 3. every row builds its class, with Keras's config -------------------------------
@pytest.mark.parametrize("fn", sorted(SPECS))
def test_row_builds_keras_class_with_same_config(fn, keras_engine):
    args = REQUIRED.get(fn, {})
    ours, theirs = build_both(fn, fresh_args(args), fresh_args(args))
    if fn in same_error_rows():
        return  # build_both asserted the same exception from both
    assert type(ours) is keras_class(fn)
    assert type(theirs) is keras_class(fn)
    assert strictly_equal(config(ours), config(theirs)), (config(ours), config(theirs))


def test_only_rows_that_need_a_missing_package_may_fail_to_build(keras_engine):
    """Every other row builds here; the ones that do not fail in Keras itself."""
    for fn in sorted(SPECS):
        if fn not in MAY_NOT_BUILD:
            assert keras_builds_here(fn), fn
    for fn in same_error_rows():
        with pytest.raises(Exception):  # noqa: B017  (build_both compares the errors)
            keras_class(fn)(**keras_args(fn, fresh_args(REQUIRED.get(fn, {}))))


@pytest.mark.parametrize("class_name", sorted(KERAS_DRAWS))
def test_keras_draws_those_config_entries(class_name):
    """The entries left out of the comparison really differ between two Keras builds."""
    fn = next(fn for fn, spec in SPECS.items() if spec.keras_class == class_name)
    cls, args = keras_class(fn), REQUIRED.get(fn, {})
    first, second = cls(**fresh_args(args)).get_config(), cls(**fresh_args(args)).get_config()
    for key in KERAS_DRAWS[class_name]:
        assert first[key] != second[key]


def test_explicit_name_is_forwarded(keras_engine):
    layer = rstyle_keras.layer_dense(units=2, name="dense_r")
    assert layer.name == "dense_r"
    assert layer.get_config() == keras.layers.Dense(2, name="dense_r").get_config()


# -- 4. every converted argument ------------------------------------------------------------
def test_every_converter_argument_has_r_style_cases():
    assert MISSING_R_STYLE == []
    covered = {(p.values[0], p.values[1]) for p in CONVERTED}
    assert covered == CONVERTER_PAIRS
    assert len(CONVERTER_PAIRS) == sum(len(spec.converters) for spec in SPECS.values())


@pytest.mark.parametrize(("fn", "arg", "r_value", "keras_value", "more"), CONVERTED)
def test_converted_argument_matches_keras(fn, arg, r_value, keras_value, more, keras_engine,
                                          monkeypatch):
    base = {**REQUIRED.get(fn, {}), **more}
    received = []
    real = keras_adapter.layer_class

    def spying_layer_class(name):
        cls = real(name)

        def construct(*args, **kwargs):
            received.append(kwargs)
            return cls(*args, **kwargs)

        return construct

    monkeypatch.setattr(keras_adapter, "layer_class", spying_layer_class)
    ours_args = fresh_args({**base, arg: r_value})
    theirs_args = fresh_args({**base, arg: keras_value})
    # what reaches the class is the Keras value, exactly (2, not 2.0; a tuple, not a list)
    keras_name = SPECS[fn].renames.get(arg, arg)
    try:
        call_ours(fn, dict(ours_args))
    except Exception:  # noqa: BLE001  (Keras refuses it here: build_both compares below)
        pass
    assert len(received) == 1
    got, expected = received[0][keras_name], theirs_args[arg]
    if isinstance(expected, keras.layers.Layer):
        assert type(got) is type(expected) and got.get_config() == expected.get_config()
    else:
        assert strictly_equal(got, expected), (got, expected)
    monkeypatch.setattr(keras_adapter, "layer_class", real)
    # and the layer is Keras's own for the equivalent Python value
    ours, theirs = build_both(fn, fresh_args({**base, arg: r_value}), theirs_args)
    if ours is not None:
        assert type(ours) is keras_class(fn)
        assert strictly_equal(config(ours), config(theirs)), (config(ours), config(theirs))


# -- 5. the converters' errors --------------------------------------------------------------
def test_axis_zero_is_an_error_naming_the_argument(keras_engine):
    with pytest.raises(ValueError, match="`axis`"):
        rstyle_keras.layer_concatenate(axis=0)
    with pytest.raises(ValueError, match="`axes`"):
        rstyle_keras.layer_dot(axes=0)


def test_non_whole_float_is_a_type_error_naming_the_argument(keras_engine):
    with pytest.raises(TypeError, match="`units`"):
        rstyle_keras.layer_dense(units=2.5)
    with pytest.raises(TypeError, match="`kernel_size`"):
        rstyle_keras.layer_conv_2d(filters=2, kernel_size=c(3.0, 2.5))


def test_missing_required_argument_is_a_type_error_naming_it(keras_engine):
    with pytest.raises(TypeError, match="`units`"):
        rstyle_keras.layer_dense()
    with pytest.raises(TypeError, match="`axes`"):
        rstyle_keras.layer_dot()
