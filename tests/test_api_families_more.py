"""R keras3's metric_*(), activation_*(), initializer_*(), regularizer_*(), constraint_*(),
learning_rate_schedule_*(), config_*() and feature_*() against R keras3's NAMESPACE and
Keras 3 (one table per family, generated; one generic path).

* The names: every name of these families that R keras3 exports (its NAMESPACE, as data
  below; config_floatx, config_image_data_format and config_set_image_data_format are the
  core's) is a function here, and the tables have no other.
* R's signatures (`inspect.signature()` is R's formals) and R's defaults, which are
  Keras's but where listed (R_ONLY).
* Under the "keras" engine each function equals what it stands for in Keras, called with
  R-style values (whole floats, `c()` vectors, 1-based axes): objects by `get_config()`
  (type-strict: 2.0 is not 2), computed metrics and activations by value, initializers
  by value with the same seed, regularizers, constraints and schedules by what they
  compute.
* R functions given where Keras wants a callable (a layer's `activation =
  activation_relu`, compile()'s metrics) are Keras's own: a model with them fits and is
  saved and loaded.
* config_*(): Keras's settings, whatever the engine; each test restores what it changes.
  config_set_floatx() sets the core's floatx too; config_set_backend() runs in a
  subprocess only (to "jax", the one backend installed).
* Under the "numpy" engine every function but the settings raises CoreLacksError naming it.
"""

import inspect
import os
import subprocess
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")  # before Keras is first imported

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import rstyle_keras  # noqa: E402
from rstyle_keras import c, config_set_engine  # noqa: E402
from rstyle_keras.core import config as core_config  # noqa: E402
from rstyle_keras.engine import CoreLacksError  # noqa: E402
from rstyle_keras.r import api_tables, families_more, functions  # noqa: E402
from tests.comparisons import config, numpy, same_tensor, strictly_equal  # noqa: E402

# R keras3's exported names of these families, verbatim from rstudio/keras3's NAMESPACE.
R_NAMES = {
    "metric": """
        metric_auc metric_binary_accuracy metric_binary_crossentropy
        metric_binary_focal_crossentropy metric_binary_iou metric_categorical_accuracy
        metric_categorical_crossentropy metric_categorical_focal_crossentropy
        metric_categorical_hinge metric_concordance_correlation metric_cosine_similarity
        metric_f1_score metric_false_negatives metric_false_positives metric_fbeta_score
        metric_hinge metric_huber metric_iou metric_kl_divergence metric_log_cosh
        metric_log_cosh_error metric_mean metric_mean_absolute_error
        metric_mean_absolute_percentage_error metric_mean_iou metric_mean_squared_error
        metric_mean_squared_logarithmic_error metric_mean_wrapper metric_one_hot_iou
        metric_one_hot_mean_iou metric_pearson_correlation metric_poisson
        metric_precision metric_precision_at_recall metric_r2_score metric_recall
        metric_recall_at_precision metric_root_mean_squared_error
        metric_sensitivity_at_specificity metric_sparse_categorical_accuracy
        metric_sparse_categorical_crossentropy metric_sparse_top_k_categorical_accuracy
        metric_specificity_at_sensitivity metric_squared_hinge metric_sum
        metric_top_k_categorical_accuracy metric_true_negatives metric_true_positives
    """.split(),
    "activation": """
        activation_celu activation_elu activation_exponential activation_gelu
        activation_glu activation_hard_shrink activation_hard_sigmoid
        activation_hard_silu activation_hard_swish activation_hard_tanh
        activation_leaky_relu activation_linear activation_log_sigmoid
        activation_log_softmax activation_mish activation_relu activation_relu6
        activation_selu activation_sigmoid activation_silu activation_soft_shrink
        activation_softmax activation_softplus activation_softsign
        activation_sparse_plus activation_sparse_sigmoid activation_sparsemax
        activation_squareplus activation_tanh activation_tanh_shrink
        activation_threshold
    """.split(),
    "initializer": """
        initializer_constant initializer_glorot_normal initializer_glorot_uniform
        initializer_he_normal initializer_he_uniform initializer_identity
        initializer_lecun_normal initializer_lecun_uniform initializer_ones
        initializer_orthogonal initializer_random_normal initializer_random_uniform
        initializer_stft initializer_truncated_normal initializer_variance_scaling
        initializer_zeros
    """.split(),
    "regularizer": "regularizer_l1 regularizer_l1_l2 regularizer_l2 regularizer_orthogonal".split(),
    "constraint": """
        constraint_maxnorm constraint_minmaxnorm constraint_nonneg constraint_unitnorm
    """.split(),
    "learning_rate_schedule": """
        learning_rate_schedule_cosine_decay learning_rate_schedule_cosine_decay_restarts
        learning_rate_schedule_exponential_decay
        learning_rate_schedule_inverse_time_decay
        learning_rate_schedule_piecewise_constant_decay
        learning_rate_schedule_polynomial_decay
    """.split(),
    # config_floatx, config_image_data_format, config_set_image_data_format: the core's
    "config": """
        config_backend config_disable_flash_attention config_disable_interactive_logging
        config_disable_traceback_filtering config_dtype_policy
        config_enable_flash_attention config_enable_interactive_logging
        config_enable_traceback_filtering config_enable_unsafe_deserialization
        config_epsilon config_is_flash_attention_enabled
        config_is_interactive_logging_enabled config_is_nnx_enabled
        config_is_traceback_filtering_enabled config_max_epochs
        config_max_steps_per_epoch config_set_backend config_set_dtype_policy
        config_set_epsilon config_set_floatx config_set_max_epochs
        config_set_max_steps_per_epoch
    """.split(),
    "feature": """
        feature_cross feature_custom feature_float feature_float_discretized
        feature_float_normalized feature_float_rescaled feature_integer_categorical
        feature_integer_hashed feature_string_categorical feature_string_hashed
    """.split(),
}
TABLES = {"metric": api_tables.METRICS, "activation": api_tables.ACTIVATIONS,
          "initializer": api_tables.INITIALIZERS, "regularizer": api_tables.REGULARIZERS,
          "constraint": api_tables.CONSTRAINTS,
          "learning_rate_schedule": api_tables.LEARNING_RATE_SCHEDULES,
          "config": api_tables.CONFIG, "feature": api_tables.FEATURES}
ALL = {name: families_more.FUNCTIONS[name] for names in R_NAMES.values() for name in names}
SPECS = {name: fn.spec for name, fn in ALL.items()}
SETTING_KINDS = ("config", "set_floatx", "set_backend")

# Arguments in R's formals that the Keras object does not take (Keras raises, as from R).
R_ONLY = {("metric_binary_crossentropy", "axis")}  # the function's; the class has none


# -- helpers --------------------------------------------------------------------------------
@pytest.fixture(scope="module", autouse=True)
def _clear_keras_session():
    yield
    keras.backend.clear_session()


@pytest.fixture
def keras_settings():
    """Keras's global settings as they were, restored after the test."""
    from keras.src.backend.common import global_state

    cfg = keras.config
    saved = (cfg.epsilon(), cfg.floatx(), cfg.max_epochs(), cfg.max_steps_per_epoch(),
             cfg.dtype_policy(), cfg.is_interactive_logging_enabled(),
             cfg.is_traceback_filtering_enabled(), cfg.is_flash_attention_enabled(),
             global_state.get_global_attribute("safe_mode_saving"),
             cfg.image_data_format())
    core_saved = (rstyle_keras.config_floatx(), rstyle_keras.config_image_data_format())
    yield
    from rstyle_keras.core import config as core_config

    core_config.set_floatx(core_saved[0])  # the core's settings too (one setting, two engines)
    core_config.config_set_image_data_format(core_saved[1])
    cfg.set_image_data_format(saved[9])
    cfg.set_epsilon(saved[0])
    cfg.set_floatx(saved[1])
    cfg.set_max_epochs(saved[2])
    cfg.set_max_steps_per_epoch(saved[3])
    cfg.set_dtype_policy(saved[4])
    (cfg.enable_interactive_logging if saved[5] else cfg.disable_interactive_logging)()
    (cfg.enable_traceback_filtering if saved[6] else cfg.disable_traceback_filtering)()
    global_state.set_global_attribute("flash_attention", saved[7])
    global_state.set_global_attribute("safe_mode_saving", saved[8])


def keras_target(path: str):
    found = keras
    for part in path.split("."):
        found = getattr(found, part)
    return found


# -- 1. the names ---------------------------------------------------------------------------
def test_r_names_data():
    counts = {family: len(names) for family, names in R_NAMES.items()}
    assert counts == {"metric": 48, "activation": 31, "initializer": 16, "regularizer": 4,
                      "constraint": 4, "learning_rate_schedule": 6, "config": 22,
                      "feature": 10}
    assert len(ALL) == sum(counts.values()) == 141


@pytest.mark.parametrize("family", sorted(R_NAMES))
def test_every_r_name_is_a_function_and_the_tables_have_no_other(family):
    assert sorted(row[0] for row in TABLES[family]) == sorted(R_NAMES[family])
    for name in R_NAMES[family]:
        assert name in families_more.__all__ and name in rstyle_keras.__all__
        assert getattr(rstyle_keras, name) is families_more.FUNCTIONS[name]
        assert isinstance(ALL[name], functions.RFunction)
        assert functions.REGISTRY[name] is ALL[name]


def test_the_core_keeps_its_readers_and_the_setter_sets_both_engines():
    """The readers are the core's (one setting, kept equal in Keras by the setters); the
    image data format's setter is the R surface's, which sets Keras's too."""
    for name in ("config_floatx", "config_image_data_format"):
        assert getattr(rstyle_keras, name) is getattr(core_config, name)
        assert name not in families_more.FUNCTIONS
    setter = rstyle_keras.config_set_image_data_format
    assert setter is families_more.config_set_image_data_format
    assert setter is not core_config.config_set_image_data_format


def test_every_row_has_a_known_kind_converters_and_keras_target():
    kinds = set(functions.BUILDERS) | set(families_more.SETTING_BUILDERS)
    for name, spec in SPECS.items():
        assert spec.kind in kinds, name
        assert set(spec.converters) <= spec.names, name
        paths = [spec.target] if isinstance(spec.target, str) else list(spec.target)
        for path in paths:
            assert callable(keras_target(path)), (name, path)


# -- 2. R's signatures ----------------------------------------------------------------------
SIGNATURES = {  # R's formals, as Python shows them
    "metric_binary_accuracy": (
        "(y_true=None, y_pred=None, threshold=0.5, *, name='binary_accuracy', dtype=None, "
        "**kwargs)"),
    "metric_auc": (
        "(*, num_thresholds=200, curve='ROC', summation_method='interpolation', name=None, "
        "dtype=None, thresholds=None, multi_label=False, num_labels=None, "
        "label_weights=None, from_logits=False, **kwargs)"),
    "metric_iou": (
        "(*, num_classes, target_class_ids, name=None, dtype=None, ignore_class=None, "
        "sparse_y_true=True, sparse_y_pred=True, axis=-1, **kwargs)"),
    "metric_huber": "(y_true, y_pred, delta=1)",
    "activation_relu": "(x, negative_slope=0, max_value=None, threshold=0)",
    "activation_threshold": "(x, threshold, default_value)",
    "activation_hard_silu": "(x)",
    "initializer_variance_scaling": (
        "(scale=1, mode='fan_in', distribution='truncated_normal', seed=None)"),
    "initializer_zeros": "()",
    "regularizer_orthogonal": "(factor=0.01, mode='rows')",
    "constraint_maxnorm": "(max_value=2, axis=1)",
    "learning_rate_schedule_exponential_decay": (
        "(initial_learning_rate, decay_steps, decay_rate, staircase=False, "
        "name='ExponentialDecay')"),
    "config_set_floatx": "(value)",
    "config_epsilon": "()",
    "feature_integer_categorical": (
        "(max_tokens=None, num_oov_indices=1, output_mode='one_hot', name=None)"),
    "feature_cross": "(feature_names, crossing_dim, output_mode='one_hot')",
}


@pytest.mark.parametrize("fn", sorted(SIGNATURES))
def test_signature_is_r_formals(fn):
    assert str(inspect.signature(ALL[fn])) == SIGNATURES[fn]


@pytest.mark.parametrize("fn", sorted(ALL))
def test_every_signature_follows_the_table(fn):
    spec = SPECS[fn]
    params = list(inspect.signature(ALL[fn]).parameters.values())
    named = [p for p in params if p.kind is not inspect.Parameter.VAR_KEYWORD]
    assert [p.name for p in named] == list(spec.defaults_source)
    assert bool(params and params[-1].kind is inspect.Parameter.VAR_KEYWORD) == spec.has_dots
    for p in named:
        assert (p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD) == (p.name in spec.positional)
        if p.name in spec.optional:
            assert p.default is None
        elif spec.defaults_source[p.name] is None:
            assert p.default in (inspect.Parameter.empty, functions.REQUIRED)
        else:
            assert strictly_equal(p.default, spec.default(p.name)), p.name


def test_r_defaults_are_keras_defaults():
    """Every R default of an argument the Keras object takes is Keras's (a 1-based axis
    once converted); the arguments Keras does not take are R_ONLY."""
    found, r_only = {}, set()
    for fn, spec in SPECS.items():
        if spec.kind in ("set_floatx", "set_backend"):
            continue
        paths = [spec.target_path(0)] if spec.kind != "loss" else list(spec.target)
        for index, path in enumerate(paths):
            parameters = inspect.signature(keras_target(path)).parameters
            for name, source in spec.defaults_source.items():
                if name in spec.optional or index == 1 and name in ("name", "dtype"):
                    continue  # the object's arguments, not its function's
                if name not in parameters:
                    r_only.add((fn, name))
                    continue
                empty = inspect.Parameter.empty
                theirs = parameters[name].default
                ours = spec.default(name) if source is not None else empty
                if ours is not empty and name in spec.converters:
                    ours = spec.converters[name](ours, name)
                if (ours is empty) != (theirs is empty) or ours is not empty and ours != theirs:
                    found[(fn, name)] = (ours, theirs)
    assert found == {}
    assert r_only == R_ONLY


def test_importing_the_families_does_not_import_keras():
    script = ("import sys, inspect, rstyle_keras.r.families_more as m\n"
              "print(inspect.signature(m.metric_auc).parameters['num_thresholds'])\n"
              "print('keras' in sys.modules, 'jax' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["num_thresholds=200", "False", "False"]


@pytest.mark.parametrize("fn", ["metric_auc", "activation_softmax", "initializer_he_normal",
                                "config_set_epsilon", "learning_rate_schedule_cosine_decay"])
def test_help_shows_r_arguments_and_keras_docstring(fn):
    doc = ALL[fn].__doc__
    assert f"R keras3's `{fn}()`" in doc
    first_line = inspect.getdoc(keras_target(SPECS[fn].target_path(0))).splitlines()[0]
    assert f"| {first_line}" in doc


# -- 3. metrics -----------------------------------------------------------------------------
PROBS = [[0.1, 0.8, 0.1], [0.6, 0.3, 0.1]]
ONE_HOT = [[0, 1, 0], [1, 0, 0]]
METRIC_DATA = {"sparse": (c(1, 0), PROBS), "default": (ONE_HOT, PROBS)}
# What a metric object needs (R-style, Keras's)
METRIC_REQUIRED = {
    "metric_iou": ({"num_classes": 3.0, "target_class_ids": c(0, 1)},
                   {"num_classes": 3, "target_class_ids": [0, 1]}),
    "metric_one_hot_iou": ({"num_classes": 3.0, "target_class_ids": c(0, 2)},
                           {"num_classes": 3, "target_class_ids": [0, 2]}),
    "metric_mean_iou": ({"num_classes": 3.0}, {"num_classes": 3}),
    "metric_one_hot_mean_iou": ({"num_classes": c(3)}, {"num_classes": 3}),
    "metric_precision_at_recall": ({"recall": 0.5}, {"recall": 0.5}),
    "metric_recall_at_precision": ({"precision": 0.5}, {"precision": 0.5}),
    "metric_sensitivity_at_specificity": ({"specificity": 0.5}, {"specificity": 0.5}),
    "metric_specificity_at_sensitivity": ({"sensitivity": 0.5}, {"sensitivity": 0.5}),
    "metric_mean_wrapper": ({"fn": keras.metrics.mean_squared_error},
                            {"fn": keras.metrics.mean_squared_error}),
}
# R-style value -> Keras's, for the metrics' converted arguments
METRIC_R_STYLE = {
    "num_thresholds": (50.0, 50), "top_k": (c(2), 2), "class_id": (1.0, 1), "k": (2.0, 2),
    "num_classes": (4.0, 4), "target_class_ids": (c(1, 2), [1, 2]), "ignore_class": (1.0, 1),
    "axis": (2, 1), "num_regressors": (1.0, 1),
    "beta": (2, 2.0), "threshold": (1, 1.0),  # Keras's F-scores take Python floats only
    "fn": (rstyle_keras.metric_mean_absolute_error, keras.metrics.mean_absolute_error),
}
METRIC_OBJECTS = [fn for fn in R_NAMES["metric"] if SPECS[fn].kind in ("class", "loss")]
METRIC_VALUES = [fn for fn in R_NAMES["metric"] if SPECS[fn].kind in ("function", "loss")]


def metric_class(fn):
    return keras_target(SPECS[fn].target_path(0))


@pytest.mark.parametrize("fn", METRIC_OBJECTS)
def test_metric_object_is_keras_class(fn, keras_engine):
    ours_args, theirs_args = METRIC_REQUIRED.get(fn, ({}, {}))
    ours, theirs = ALL[fn](**ours_args), metric_class(fn)(**theirs_args)
    assert type(ours) is metric_class(fn)
    assert strictly_equal(config(ours), config(theirs))


METRIC_CONVERTED = [
    pytest.param(fn, arg, id=f"{fn}-{arg}") for fn in METRIC_OBJECTS
    for arg in SPECS[fn].converters
    if arg in METRIC_R_STYLE and arg in inspect.signature(metric_class(fn)).parameters
]


@pytest.mark.parametrize(("fn", "arg"), METRIC_CONVERTED)
def test_metric_object_converts_r_arguments(fn, arg, keras_engine):
    ours_args, theirs_args = METRIC_REQUIRED.get(fn, ({}, {}))
    r_value, keras_value = METRIC_R_STYLE[arg]
    ours = ALL[fn](**{**ours_args, arg: r_value})
    theirs = metric_class(fn)(**{**theirs_args, arg: keras_value})
    assert strictly_equal(config(ours), config(theirs))


def metric_data(fn):
    y_true, y_pred = METRIC_DATA["sparse" if "sparse" in fn else "default"]
    return (y_true, y_pred), [np.asarray(v, dtype="float32") for v in (y_true, y_pred)]


@pytest.mark.parametrize("fn", METRIC_VALUES)
def test_metric_value_is_keras_function(fn, keras_engine):
    (y_true, y_pred), (kt, kp) = metric_data(fn)
    function = keras_target(SPECS[fn].target_path(-1 if SPECS[fn].kind == "loss" else 0))
    same_tensor(ALL[fn](y_true, y_pred), function(kt, kp))
    same_tensor(ALL[fn](y_true=y_true, y_pred=y_pred), function(kt, kp))


METRIC_VALUE_CONVERTED = [
    pytest.param(fn, arg, id=f"{fn}-{arg}") for fn in METRIC_VALUES
    for arg in SPECS[fn].converters if arg in METRIC_R_STYLE
    and arg in inspect.signature(keras_target(SPECS[fn].target_path(-1))).parameters
]


@pytest.mark.parametrize(("fn", "arg"), METRIC_VALUE_CONVERTED)
def test_metric_value_converts_r_arguments(fn, arg, keras_engine):
    (y_true, y_pred), (kt, kp) = metric_data(fn)
    r_value, keras_value = {"ignore_class": (1.0, 1)}.get(arg, METRIC_R_STYLE[arg])
    function = keras_target(SPECS[fn].target_path(-1))
    same_tensor(ALL[fn](y_true, y_pred, **{arg: r_value}), function(kt, kp, **{arg: keras_value}))


def test_f_scores_take_r_numbers(keras_engine):
    """FIXES: Keras refuses `beta = 2` (a Python int); R's 2 is a double."""
    with pytest.raises(ValueError, match="should be a Python float"):
        keras.metrics.FBetaScore(beta=2)
    assert rstyle_keras.metric_fbeta_score(beta=2).get_config()["beta"] == 2.0


def test_metric_with_one_of_y_true_and_y_pred_is_an_error(keras_engine):
    with pytest.raises(TypeError, match="`y_pred` is missing"):
        rstyle_keras.metric_mean_squared_error(c(0, 1))


def test_metric_mean_wrapper_takes_an_r_function(keras_engine):
    """R's as_py_function(): our R function is the Keras function it computes with."""
    m = rstyle_keras.metric_mean_wrapper(fn=rstyle_keras.metric_mean_absolute_error)
    assert m.get_config()["fn"]["config"] == "mean_absolute_error"  # saved by its name
    m.update_state(np.zeros((2, 1)), np.ones((2, 1)))
    assert float(m.result()) == 1.0
    with pytest.raises(TypeError, match="`fn` must be a function"):
        rstyle_keras.metric_mean_wrapper(fn="mae")


# -- 4. activations -------------------------------------------------------------------------
X = [[-2.0, -0.5, 0.0, 0.7], [0.5, 1.0, 3.0, -3.0]]  # an R matrix, as nested lists
ACTIVATION_REQUIRED = {"activation_threshold": {"threshold": 0.5, "default_value": 0.0}}
# More R-style calls: (R arguments, Keras's)
ACTIVATION_R_STYLE = {
    "activation_relu": ({"max_value": 1, "negative_slope": 0.1},
                        {"max_value": 1, "negative_slope": 0.1}),
    "activation_leaky_relu": ({"negative_slope": 0.3}, {"negative_slope": 0.3}),
    "activation_elu": ({"alpha": 2}, {"alpha": 2}),
    "activation_gelu": ({"approximate": True}, {"approximate": True}),
    **{fn: ({"axis": 1}, {"axis": 0}) for fn in (  # R's 1-based axis
        "activation_softmax", "activation_log_softmax", "activation_glu",
        "activation_sparsemax")},
}


@pytest.mark.parametrize("fn", R_NAMES["activation"])
def test_activation_is_keras_function(fn, keras_engine):
    function = keras_target(SPECS[fn].target)
    more = ACTIVATION_REQUIRED.get(fn, {})
    same_tensor(ALL[fn](X, **more), function(np.asarray(X, dtype="float32"), **more))
    tensor = keras.ops.convert_to_tensor(np.asarray(X, dtype="float32"))
    same_tensor(ALL[fn](tensor, **more), function(tensor, **more))


@pytest.mark.parametrize("fn", sorted(ACTIVATION_R_STYLE))
def test_activation_converts_r_arguments(fn, keras_engine):
    r_args, keras_args = ACTIVATION_R_STYLE[fn]
    function = keras_target(SPECS[fn].target)
    same_tensor(ALL[fn](X, **r_args), function(np.asarray(X, dtype="float32"), **keras_args))


# -- 5. initializers, regularizers, constraints, schedules -----------------------------------
# R call -> Keras call, and the shape of the values compared
INITIALIZER_CASES = {
    "initializer_constant": ({"value": 2}, {"value": 2}, (2, 3)),
    "initializer_identity": ({"gain": 2}, {"gain": 2}, (3, 3)),
    "initializer_ones": ({}, {}, (2, 3)),
    "initializer_zeros": ({}, {}, (2, 3)),
    "initializer_orthogonal": ({"gain": 1, "seed": 3.0}, {"gain": 1, "seed": 3}, (4, 3)),
    "initializer_random_normal": ({"mean": 1, "stddev": 0.5, "seed": c(4)},
                                  {"mean": 1, "stddev": 0.5, "seed": 4}, (4, 3)),
    "initializer_random_uniform": ({"minval": -1, "maxval": 1, "seed": 5.0},
                                   {"minval": -1, "maxval": 1, "seed": 5}, (4, 3)),
    "initializer_truncated_normal": ({"seed": 6.0}, {"seed": 6}, (4, 3)),
    "initializer_variance_scaling": ({"scale": 2, "mode": "fan_avg", "seed": 7.0},
                                     {"scale": 2, "mode": "fan_avg", "seed": 7}, (4, 3)),
    "initializer_stft": ({"side": "imag"}, {"side": "imag"}, (8, 1, 6)),
    **{fn: ({"seed": 1.0}, {"seed": 1}, (4, 3)) for fn in (
        "initializer_glorot_normal", "initializer_glorot_uniform", "initializer_he_normal",
        "initializer_he_uniform", "initializer_lecun_normal", "initializer_lecun_uniform")},
}
WEIGHTS = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, -1.0]], dtype="float32")
REGULARIZER_CASES = {
    "regularizer_l1": ({"l1": 0.1}, {"l1": 0.1}),
    "regularizer_l2": ({}, {}),
    "regularizer_l1_l2": ({"l1": 0.01, "l2": 0.02}, {"l1": 0.01, "l2": 0.02}),
    "regularizer_orthogonal": ({"factor": 0.1, "mode": "rows"},
                               {"factor": 0.1, "mode": "rows"}),
}
CONSTRAINT_CASES = {  # R's axis is 1-based; max_value a double (FIXES)
    "constraint_maxnorm": ({"max_value": 1.5, "axis": 2}, {"max_value": 1.5, "axis": 1}),
    "constraint_minmaxnorm": ({"min_value": 0.5, "max_value": 1, "rate": 0.5, "axis": 1},
                              {"min_value": 0.5, "max_value": 1, "rate": 0.5, "axis": 0}),
    "constraint_nonneg": ({}, {}),
    "constraint_unitnorm": ({"axis": 2.0}, {"axis": 1}),
}
SCHEDULE_CASES = {  # R code's numbers: `1` is a double, steps may be whole floats
    "learning_rate_schedule_cosine_decay": (
        (1, 100.0), {"warmup_target": 2, "warmup_steps": 10.0},
        (1.0, 100), {"warmup_target": 2, "warmup_steps": 10}),
    "learning_rate_schedule_cosine_decay_restarts": (
        (1, 50.0), {"t_mul": 2, "alpha": 0.1}, (1.0, 50), {"t_mul": 2, "alpha": 0.1}),
    "learning_rate_schedule_exponential_decay": (
        (1, 100.0, 0.5), {"staircase": True}, (1.0, 100, 0.5), {"staircase": True}),
    "learning_rate_schedule_inverse_time_decay": (
        (1, 100, 0.5), {}, (1.0, 100, 0.5), {}),
    "learning_rate_schedule_piecewise_constant_decay": (
        (c(10, 20), c(1, 0.5, 0)), {}, ((10, 20), [1.0, 0.5, 0.0]), {}),
    "learning_rate_schedule_polynomial_decay": (
        (1, 100.0), {"end_learning_rate": 0, "power": 2}, (1.0, 100),
        {"end_learning_rate": 0, "power": 2}),
}


def test_every_row_of_these_families_has_a_case():
    assert sorted(INITIALIZER_CASES) == sorted(R_NAMES["initializer"])
    assert sorted(REGULARIZER_CASES) == sorted(R_NAMES["regularizer"])
    assert sorted(CONSTRAINT_CASES) == sorted(R_NAMES["constraint"])
    assert sorted(SCHEDULE_CASES) == sorted(R_NAMES["learning_rate_schedule"])
    assert sorted(FEATURE_CASES) == sorted(R_NAMES["feature"])
    assert sorted(SETTINGS) == sorted(n for n in R_NAMES["config"] if n != "config_set_backend")


@pytest.mark.parametrize("fn", sorted(INITIALIZER_CASES))
def test_initializer_is_keras_class_with_same_values(fn, keras_engine):
    r_args, keras_args, shape = INITIALIZER_CASES[fn]
    cls = keras_target(SPECS[fn].target)
    ours, theirs = ALL[fn](**r_args), cls(**keras_args)
    assert type(ours) is cls
    assert strictly_equal(ours.get_config(), theirs.get_config())
    same_tensor(ours(shape), theirs(shape))


@pytest.mark.parametrize("fn", sorted(REGULARIZER_CASES))
def test_regularizer_is_keras_class_with_same_penalty(fn, keras_engine):
    r_args, keras_args = REGULARIZER_CASES[fn]
    cls = keras_target(SPECS[fn].target)
    ours, theirs = ALL[fn](**r_args), cls(**keras_args)
    assert type(ours) is cls
    assert strictly_equal(ours.get_config(), theirs.get_config())
    same_tensor(ours(WEIGHTS), theirs(WEIGHTS))
    positional = ALL[fn](*r_args.values())  # R matches them by position
    assert strictly_equal(positional.get_config(), theirs.get_config())


@pytest.mark.parametrize("fn", sorted(CONSTRAINT_CASES))
def test_constraint_is_keras_class_with_same_effect(fn, keras_engine):
    r_args, keras_args = CONSTRAINT_CASES[fn]
    cls = keras_target(SPECS[fn].target)
    ours, theirs = ALL[fn](**r_args), cls(**keras_args)
    assert type(ours) is cls
    assert ours.get_config() == theirs.get_config()
    same_tensor(ours(WEIGHTS), theirs(WEIGHTS))


def test_constraint_maxnorm_keeps_a_fractional_norm(keras_engine):
    """FIXES: R's as_integer() would make max_value = 2.5 a 2; Keras takes 2.5."""
    assert rstyle_keras.constraint_maxnorm(2.5).get_config() == {"max_value": 2.5, "axis": 0}


@pytest.mark.parametrize("fn", sorted(SCHEDULE_CASES))
def test_schedule_is_keras_class_with_same_rates(fn, keras_engine):
    r_args, r_kwargs, keras_args, keras_kwargs = SCHEDULE_CASES[fn]
    cls = keras_target(SPECS[fn].target)
    ours, theirs = ALL[fn](*r_args, **r_kwargs), cls(*keras_args, **keras_kwargs)
    assert type(ours) is cls
    assert strictly_equal(ours.get_config(), theirs.get_config())
    for step in (0, 5, 15, 60, 100, 150):
        same_tensor(ours(step), theirs(step))


def test_schedule_of_r_numbers_does_not_decay_to_zero(keras_engine):
    """FIXES: Keras computes in the dtype of initial_learning_rate; R's 1 is a double."""
    assert float(keras.optimizers.schedules.ExponentialDecay(1, 100, 0.5)(100)) == 0.0
    ours = rstyle_keras.learning_rate_schedule_exponential_decay(1, 100, 0.5)
    assert float(ours(100)) == 0.5
    piecewise = rstyle_keras.learning_rate_schedule_piecewise_constant_decay(c(10), c(1, 0))
    assert float(piecewise(5)) == 1.0 and numpy(piecewise(5)).dtype == np.float32


# -- 6. features ----------------------------------------------------------------------------
PREPROCESSOR = keras.layers.Identity(name="mine")
FEATURE_CASES = {
    "feature_cross": ({"feature_names": c("a", "b"), "crossing_dim": 16.0},
                      {"feature_names": ("a", "b"), "crossing_dim": 16}),
    "feature_custom": ({"dtype": "float32", "preprocessor": PREPROCESSOR, "output_mode": "float"},
                       {"dtype": "float32", "preprocessor": PREPROCESSOR,
                        "output_mode": "float"}),
    "feature_float": ({"name": "f"}, {"name": "f"}),
    "feature_float_rescaled": ({"scale": 2, "offset": 1, "name": "f"},
                               {"scale": 2, "offset": 1, "name": "f"}),
    "feature_float_normalized": ({"name": "f"}, {"name": "f"}),
    "feature_float_discretized": ({"num_bins": 4.0, "name": "f"}, {"num_bins": 4, "name": "f"}),
    "feature_integer_categorical": ({"max_tokens": 10.0, "num_oov_indices": 2.0, "name": "f"},
                                    {"max_tokens": 10, "num_oov_indices": 2, "name": "f"}),
    "feature_string_categorical": ({"max_tokens": c(10), "output_mode": "int", "name": "f"},
                                   {"max_tokens": 10, "output_mode": "int", "name": "f"}),
    "feature_integer_hashed": ({"num_bins": 8.0, "name": "f"}, {"num_bins": 8, "name": "f"}),
    "feature_string_hashed": ({"num_bins": 8.0, "name": "f"}, {"num_bins": 8, "name": "f"}),
}


# Keras makes these features' preprocessing layers with TensorFlow only (not installed
# here): both calls must then fail alike.
NEEDS_TENSORFLOW = {"feature_integer_categorical", "feature_string_categorical",
                    "feature_integer_hashed", "feature_string_hashed"}


@pytest.mark.parametrize("fn", sorted(FEATURE_CASES))
def test_feature_is_keras_feature_space_method(fn, keras_engine):
    r_args, keras_args = FEATURE_CASES[fn]
    if fn in NEEDS_TENSORFLOW and "tensorflow" not in sys.modules:
        try:
            import tensorflow  # noqa: F401
        except ImportError:
            with pytest.raises(ImportError) as theirs:
                keras_target(SPECS[fn].target)(**keras_args)
            with pytest.raises(ImportError) as ours:
                ALL[fn](**r_args)
            assert str(ours.value) == str(theirs.value)
            return
    ours, theirs = ALL[fn](**r_args), keras_target(SPECS[fn].target)(**keras_args)
    assert type(ours) is type(theirs)
    assert strictly_equal(ours.get_config(), theirs.get_config())


def test_features_make_a_feature_space(keras_engine):
    space = rstyle_keras.layer_feature_space(
        features={"x": rstyle_keras.feature_float_normalized(),
                  "r": rstyle_keras.feature_float_rescaled(scale=2)},
        output_mode="concat")
    assert sorted(space.features) == ["r", "x"]


# -- 7. settings ----------------------------------------------------------------------------
GETTERS = [n for n in R_NAMES["config"]
           if SPECS[n].kind == "config" and SPECS[n].target.rsplit(".", 1)[1].startswith(
               ("backend", "epsilon", "dtype_policy", "is_", "max_"))]
# setter -> (R-style value, the getter, what the getter then answers)
SETTINGS = {
    "config_set_epsilon": (1, "epsilon", 1.0),  # R's 1 is a double (FIXES)
    "config_set_floatx": ("float64", "floatx", "float64"),
    "config_set_max_epochs": (3.0, "max_epochs", 3),
    "config_set_max_steps_per_epoch": (c(5), "max_steps_per_epoch", 5),
    "config_set_dtype_policy": ("mixed_float16", "dtype_policy", "mixed_float16"),
    "config_disable_interactive_logging": ((), "is_interactive_logging_enabled", False),
    "config_enable_interactive_logging": ((), "is_interactive_logging_enabled", True),
    "config_disable_traceback_filtering": ((), "is_traceback_filtering_enabled", False),
    "config_enable_traceback_filtering": ((), "is_traceback_filtering_enabled", True),
    "config_disable_flash_attention": ((), "is_flash_attention_enabled", False),
    "config_enable_flash_attention": ((), "is_flash_attention_enabled", None),  # Keras's "on"
    "config_enable_unsafe_deserialization": ((), None, None),
    **{fn: ((), None, None) for fn in GETTERS},
}


@pytest.mark.parametrize("fn", GETTERS)
@pytest.mark.parametrize("engine", ["numpy", "keras"])
def test_getter_is_keras_setting_whatever_the_engine(fn, engine):
    config_set_engine(engine)
    ours, theirs = ALL[fn](), keras_target(SPECS[fn].target)()
    assert type(ours) is type(theirs) and str(ours) == str(theirs)


@pytest.mark.parametrize("fn", [n for n in SETTINGS if n not in GETTERS])
def test_setter_sets_keras_setting(fn, keras_settings, numpy_engine):
    value, getter, expected = SETTINGS[fn]
    if fn == "config_enable_unsafe_deserialization":
        from keras.src.backend.common import global_state

        assert ALL[fn]() is None
        assert global_state.get_global_attribute("safe_mode_saving") is False
        return
    assert (ALL[fn]() if value == () else ALL[fn](value)) is None
    answer = getattr(keras.config, getter)()
    if getter == "dtype_policy":
        answer = answer.name
    assert strictly_equal(answer, expected)
    if value != ():  # R's argument by name too
        name = SPECS[fn].positional[0]
        assert ALL[fn](**{name: value}) is None


def test_set_floatx_sets_both_engines(keras_settings):
    """One default float type: the core's config_floatx() answers what Keras's does."""
    rstyle_keras.config_set_floatx("float16")
    assert keras.config.floatx() == rstyle_keras.config_floatx() == "float16"
    config_set_engine("numpy")
    assert rstyle_keras.random_uniform(c(2), seed=1).dtype == np.float16  # the core's too
    with pytest.raises(ValueError, match="`value` = 'bfloat16' is Keras's alone"):
        rstyle_keras.config_set_floatx("bfloat16")
    with pytest.raises(ValueError, match="`value` must be one of"):
        rstyle_keras.config_set_floatx("int32")
    assert keras.config.floatx() == rstyle_keras.config_floatx() == "float16"


def test_set_image_data_format_sets_both_engines(keras_settings):
    """One image data format: the core's layers and Keras's take the same default."""
    rstyle_keras.config_set_image_data_format("channels_first")
    assert keras.config.image_data_format() == "channels_first"
    assert rstyle_keras.config_image_data_format() == "channels_first"
    x = np.ones((1, 2, 4, 4), "float32")  # channels first: 2 channels of 4 x 4
    for engine in ("numpy", "keras"):
        config_set_engine(engine)
        assert tuple(np.shape(x | rstyle_keras.layer_max_pooling_2d(pool_size=2))) == (
            1, 2, 2, 2)
    with pytest.raises(ValueError, match="`data_format` must be"):
        rstyle_keras.config_set_image_data_format("rows_first")
    assert keras.config.image_data_format() == "channels_first"


def test_set_image_data_format_before_keras_is_imported_reaches_keras():
    script = (
        "import sys, rstyle_keras as rk\n"
        "rk.config_set_image_data_format('channels_first')\n"
        "print('keras' in sys.modules, rk.config_image_data_format())\n"
        "rk.config_set_engine('keras')\n"
        "import keras\n"
        "print(rk.layer_conv_2d(filters=1, kernel_size=1).data_format)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, env={**os.environ, "KERAS_BACKEND": "jax"}).stdout
    assert out.split() == ["False", "channels_first", "channels_first"]


def test_set_floatx_before_keras_is_imported_reaches_keras():
    script = (
        "import sys, rstyle_keras as rk\n"
        "rk.config_set_floatx('float64')\n"
        "print('keras' in sys.modules, rk.config_floatx())\n"
        "rk.config_set_engine('keras')\n"
        "print(rk.config_epsilon() > 0, rk.keras_input(shape=c(2)).dtype)\n".replace(
            "c(2)", "rk.c(2)")
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, env={**os.environ, "KERAS_BACKEND": "jax"}).stdout
    assert out.split() == ["False", "float64", "True", "float64"]


def test_set_backend_in_a_subprocess():
    """Before Keras is imported, KERAS_BACKEND (R's use_backend()); after, Keras reloads
    itself and the R functions work on the reloaded Keras."""
    script = (
        "import os, sys, rstyle_keras as rk\n"
        "rk.config_set_backend('jax')\n"
        "print('keras' in sys.modules, os.environ['KERAS_BACKEND'])\n"
        "rk.config_set_engine('keras')\n"
        "print(rk.config_backend())\n"
        "import warnings; warnings.simplefilter('ignore')\n"
        "rk.config_set_backend(backend='jax')\n"
        "import keras\n"
        "layer = rk.layer_dense(units=2, activation=rk.activation_relu)\n"
        "print(rk.config_backend(), isinstance(layer, keras.layers.Dense),\n"
        "      layer.activation is keras.activations.relu)\n"
        "try:\n"
        "    rk.config_set_backend('theano')\n"
        "except ValueError as e:\n"
        "    print(str(e).split(';')[0])\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, env=env).stdout
    assert out.splitlines() == [
        "False jax", "jax", "jax True True",
        "`backend` must be one of 'tensorflow', 'jax', 'torch', 'numpy', 'openvino'"]


# -- 8. under the "numpy" engine --------------------------------------------------------------
@pytest.mark.parametrize("fn", [n for n in sorted(ALL) if SPECS[n].kind not in SETTING_KINDS])
def test_numpy_engine_raises_core_lacks_naming_the_function(fn, numpy_engine):
    with pytest.raises(CoreLacksError, match=rf"^{fn}\(\) is not implemented by the NumPy"):
        ALL[fn]()


def test_core_tensor_chooses_the_core_which_lacks_activations(keras_engine):
    config_set_engine("numpy")
    tensor = rstyle_keras.op_array(c(-1, 1), "float32")
    config_set_engine("keras")
    with pytest.raises(CoreLacksError, match="first argument is a core object"):
        rstyle_keras.activation_relu(tensor)


# -- 9. R functions where Keras wants callables, in a model that trains and is saved ---------
def test_layer_activation_is_keras_activation(keras_engine):
    layer = rstyle_keras.layer_dense(units=4, activation=rstyle_keras.activation_relu)
    assert layer.activation is keras.activations.relu
    assert layer.get_config()["activation"] == "relu"
    layer = rstyle_keras.layer_activation(activation=rstyle_keras.activation_hard_swish)
    assert layer.get_config()["activation"] == "hard_silu"  # Keras's name (R's too)


def test_compile_resolves_r_metric_functions(keras_engine):
    from rstyle_keras.r.verbs import as_metrics

    assert as_metrics(rstyle_keras.metric_binary_accuracy, "metrics") == [
        keras.metrics.binary_accuracy]
    assert as_metrics([rstyle_keras.metric_mean_absolute_error, "mse"], "metrics") == [
        keras.metrics.mean_absolute_error, "mse"]
    assert as_metrics([rstyle_keras.metric_auc()], "metrics")[0].name == "auc"


def test_model_with_r_functions_fits_saves_and_loads(keras_engine, tmp_path):
    rk = rstyle_keras
    model = (rk.keras_model_sequential(input_shape=c(3))
             | rk.layer_dense(units=4, activation=rk.activation_relu,
                              kernel_initializer=rk.initializer_he_normal(seed=1),
                              kernel_regularizer=rk.regularizer_l2(0.01),
                              kernel_constraint=rk.constraint_maxnorm(2))
             | rk.layer_dense(units=1, activation=rk.activation_sigmoid))
    schedule = rk.learning_rate_schedule_exponential_decay(0.01, decay_steps=10, decay_rate=0.9)
    model | rk.compile(optimizer=rk.optimizer_adam(learning_rate=schedule),
                       loss="binary_crossentropy",
                       metrics=[rk.metric_auc(), rk.metric_binary_accuracy])
    x = np.random.default_rng(0).random((8, 3)).astype("float32")
    y = (x[:, :1] > 0.5).astype("float32")
    history = model | rk.fit(x, y, epochs=1, batch_size=4)
    assert sorted(history.metrics.names()) == ["auc", "binary_accuracy", "loss"]
    dense = model.layers[0]
    assert isinstance(dense.kernel_initializer, keras.initializers.HeNormal)
    assert isinstance(dense.kernel_regularizer, keras.regularizers.L2)
    assert isinstance(dense.kernel_constraint, keras.constraints.MaxNorm)
    assert np.all(np.linalg.norm(dense.kernel.numpy(), axis=0) <= 2 + 1e-6)
    path = str(tmp_path / "model.keras")
    rk.save_model(model, path)
    loaded = rk.load_model(path)
    assert loaded.layers[0].get_config()["activation"] == "relu"
    assert loaded.optimizer.get_config()["learning_rate"]["class_name"] == "ExponentialDecay"
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0),
                               rtol=1e-6)


@pytest.mark.parametrize("r_name, keras_class, kwargs", [
    ("initializer_ones", "Ones", {}),
    ("initializer_identity", "Identity", {}),
    ("initializer_constant", "Constant", {"value": 3.0}),
    ("initializer_random_normal", "RandomNormal", {"seed": 1}),
])
def test_an_initializer_takes_an_r_shape(r_name, keras_class, kwargs, keras_engine):
    """R keras3's pages call an initializer with R's shape: `initializer(shape = c(2, 3))`."""
    r_made = getattr(rstyle_keras, r_name)(**kwargs)
    values = r_made(shape=c(2, 3))
    expected = getattr(keras.initializers, keras_class)(**kwargs)(shape=(2, 3))
    same_tensor(values, expected)
    assert keras.initializers.Ones()((2, 2), dtype="float32").shape == (2, 2)  # plain Keras
    with pytest.raises(TypeError, match="shape"):
        r_made(shape=c(2.5, 3))
