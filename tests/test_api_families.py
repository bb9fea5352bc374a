"""R keras3's optimizer_*(), loss_*(), random_*(), application_*() and the tutorials' op_*()
against R keras3's NAMESPACE and Keras 3 (issue 10's way: one table per family, one
generic path; the tutorials of issue 9 call them).

* The names: every `optimizer_*`, `loss_*`, `random_*` and `application_*` that R keras3
  exports (its NAMESPACE, as data below) is a function here, and the tables have no other;
  the ops table has the tutorials' ops.
* R's signatures: `inspect.signature()` is R's formals (names, order, defaults; `...` is
  `**kwargs`, the arguments after it keyword-only), and R's positional matching works
  (`optimizer_rmsprop(1e-3)`).
* Under the "keras" engine each function equals what it stands for in Keras with R-style
  values (whole floats, `c()` vectors, 1-based axes): optimizers and loss objects by
  `get_config()` (type-strict: 2.0 is not 2), computed losses by value, random draws by
  value with the same seed, ops by value, shape and dtype, applications by their layers
  (a representative subset built live with weights=None) and, for every row, by the exact
  arguments the Keras class receives.
* Keras's files (pretrained weights, the ImageNet class index) come from Keras's cache
  only: a missing one is a FileNotFoundError before any download.
* Under the "numpy" engine, the functions the core lacks raise CoreLacksError naming them.
* Where R keras3's formals and what Keras 3 does differ, the difference is data here
  (R_KERAS_DIFFERENCES), checked against the installed Keras.
"""

import inspect
import math
import os
import socket
import subprocess
import sys
import urllib.request
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")  # before Keras is first imported

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import rstyle_keras  # noqa: E402
from rstyle_keras import c, config_engine, config_set_engine, keras_adapter  # noqa: E402
from rstyle_keras.engine import CoreLacksError  # noqa: E402
from rstyle_keras.r import api_tables, families, functions, ops  # noqa: E402
from rstyle_keras.r.named_list import NamedList  # noqa: E402

# R keras3's exported names of these families, verbatim from rstudio/keras3's NAMESPACE.
R_NAMES = {
    "optimizer": """
        optimizer_adadelta optimizer_adafactor optimizer_adagrad optimizer_adam
        optimizer_adam_w optimizer_adamax optimizer_ftrl optimizer_lamb optimizer_lion
        optimizer_loss_scale optimizer_muon optimizer_nadam optimizer_rmsprop optimizer_sgd
    """.split(),
    "loss": """
        loss_binary_crossentropy loss_binary_focal_crossentropy loss_categorical_crossentropy
        loss_categorical_focal_crossentropy loss_categorical_generalized_cross_entropy
        loss_categorical_hinge loss_circle loss_cosine_similarity loss_ctc loss_dice
        loss_hinge loss_huber loss_kl_divergence loss_log_cosh loss_mean_absolute_error
        loss_mean_absolute_percentage_error loss_mean_squared_error
        loss_mean_squared_logarithmic_error loss_poisson loss_sparse_categorical_crossentropy
        loss_squared_hinge loss_tversky
    """.split(),
    "random": """
        random_beta random_binomial random_categorical random_dropout random_gamma
        random_integer random_normal random_seed_generator random_shuffle
        random_truncated_normal random_uniform
    """.split(),
    "application": """
        application_convnext_base application_convnext_large application_convnext_small
        application_convnext_tiny application_convnext_xlarge application_decode_predictions
        application_densenet121 application_densenet169 application_densenet201
        application_efficientnet_b0 application_efficientnet_b1 application_efficientnet_b2
        application_efficientnet_b3 application_efficientnet_b4 application_efficientnet_b5
        application_efficientnet_b6 application_efficientnet_b7 application_efficientnet_v2b0
        application_efficientnet_v2b1 application_efficientnet_v2b2
        application_efficientnet_v2b3 application_efficientnet_v2l application_efficientnet_v2m
        application_efficientnet_v2s application_inception_resnet_v2 application_inception_v3
        application_mobilenet application_mobilenet_v2 application_mobilenet_v3_large
        application_mobilenet_v3_small application_nasnet_large application_nasnet_mobile
        application_nasnetlarge application_nasnetmobile application_preprocess_inputs
        application_resnet101 application_resnet101_v2 application_resnet152
        application_resnet152_v2 application_resnet50 application_resnet50_v2
        application_vgg16 application_vgg19 application_xception
    """.split(),
    # the ops the four tutorials of issue 9 call, and the ones made before them
    "op": """
        op_array op_reshape op_shape op_convert_to_numpy op_average_pool op_max_pool
        op_zeros op_ones op_stack op_matmul op_expand_dims op_argmax
    """.split(),
}
TABLES = {"optimizer": api_tables.OPTIMIZERS, "loss": api_tables.LOSSES,
          "random": api_tables.RANDOM, "application": api_tables.APPLICATIONS,
          "op": api_tables.OPS}
MODULES = {"optimizer": families, "loss": families, "application": families,
           "random": ops, "op": ops}
ALL = {name: MODULES[family].FUNCTIONS[name] for family, names in R_NAMES.items()
       for name in names}
SPECS = {name: fn.spec for name, fn in ALL.items()}
NA = float("nan")

# Where R keras3's formals differ from what Keras 3 does, by (R name, argument). R forwards
# only the arguments a call names, so where its formals show another default than Keras's,
# Keras's applies: (R's default, Keras's). Checked against the installed Keras below.
R_KERAS_DIFFERENCES = {
    ("optimizer_muon", "weight_decay"): (0.1, 0.004),
    ("optimizer_muon", "adam_lr_ratio"): (0.1, 1),
    ("optimizer_muon", "ns_steps"): (6, 5),
    # R's formals show the optimizer's name; Keras names it from its class
    **{(fn, "name"): (SPECS[fn].default("name"), None)
       for fn in R_NAMES["optimizer"] if fn not in ("optimizer_loss_scale",)},
    # R's computing face has q = 0.5 in its formals; Keras's function requires q (the
    # table forces it: api_tables marks it, so both faces get R's default)
    ("loss_categorical_generalized_cross_entropy", "q"): (0.5, inspect.Parameter.empty),
}
# Arguments in R's formals that the Keras object does not take (Keras raises, as from R):
# the Circle class (its function takes them), and LossScaleOptimizer, which refuses every
# base optimizer argument ("does not support `clipnorm`. Instead, set `clipnorm` on the
# `inner_optimizer`").
LOSS_SCALE_REFUSES = {
    "weight_decay": 0.1, "clipnorm": 1.0, "clipvalue": 1.0, "global_clipnorm": 1.0,
    "use_ema": True, "ema_momentum": 0.9, "ema_overwrite_frequency": 2.0,
    "loss_scale_factor": 2.0, "gradient_accumulation_steps": 2.0,
}
R_ONLY = {("loss_circle", "ref_labels"), ("loss_circle", "ref_embeddings"),
          *(("optimizer_loss_scale", name) for name in LOSS_SCALE_REFUSES)}


# -- helpers --------------------------------------------------------------------------------
@pytest.fixture
def keras_engine():
    old = config_engine()
    config_set_engine("keras")
    try:
        yield
    finally:
        config_set_engine(old)


@pytest.fixture
def numpy_engine():
    old = config_engine()
    config_set_engine("numpy")
    try:
        yield
    finally:
        config_set_engine(old)


@pytest.fixture(scope="module", autouse=True)
def _clear_keras_session():
    yield
    keras.backend.clear_session()


REAL_KERAS_OBJECT = keras_adapter.keras_object  # (some tests spy on it)


def keras_target(path: str):
    return REAL_KERAS_OBJECT(path)


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


def config(obj, keep_name: bool = False) -> dict:
    cfg = obj.get_config()
    if not keep_name:
        cfg.pop("name", None)  # automatic names differ between two objects
    return cfg


def numpy(x):
    return keras.ops.convert_to_numpy(x)


def same_tensor(ours, theirs):
    a, b = numpy(ours), numpy(theirs)
    assert a.shape == b.shape, (a.shape, b.shape)
    assert a.dtype == b.dtype, (a.dtype, b.dtype)
    np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-6)


def r_default_values(fn) -> list:
    """R's defaults of the arguments R matches by position (they must all have one)."""
    spec = SPECS[fn]
    return [spec.default(name) for name in spec.positional]


# -- 1. the names ---------------------------------------------------------------------------
def test_r_names_data():
    counts = {family: len(names) for family, names in R_NAMES.items()}
    assert counts == {"optimizer": 14, "loss": 22, "random": 11, "application": 44, "op": 12}
    assert len(ALL) == sum(counts.values())


@pytest.mark.parametrize("family", sorted(R_NAMES))
def test_every_r_name_is_a_function_and_the_tables_have_no_other(family):
    table_names = [row[0] for row in TABLES[family]]
    assert sorted(table_names) == sorted(R_NAMES[family])
    module = MODULES[family]
    for name in R_NAMES[family]:
        assert name in module.__all__
        assert getattr(module, name) is module.FUNCTIONS[name]
        assert isinstance(getattr(module, name), functions.RFunction)


def test_every_row_has_a_known_kind_and_converters():
    for rows in TABLES.values():
        for name, _target, kind, _params, converters, forced in rows:
            assert kind in functions.BUILDERS, name
            assert set(converters) <= set(functions.API_CONVERTERS) | set(SPECS[name].names) \
                | {"axis"}, name  # loss_kl_divergence converts `axis` of its `...`
            assert all(conv in functions.API_CONVERTERS for conv in converters.values()), name
            assert set(forced) <= SPECS[name].names


def test_every_keras_target_exists_in_the_installed_keras():
    for name, spec in SPECS.items():
        if spec.kind in ("alias", "preprocess_inputs", "decode_predictions"):
            continue
        paths = [spec.target] if isinstance(spec.target, str) else list(spec.target)
        for path in paths:
            assert keras_target(path) is not None, (name, path)


# -- 2. R's signatures ----------------------------------------------------------------------
SIGNATURES = {
    "optimizer_rmsprop": (
        "(learning_rate=0.001, rho=0.9, momentum=0, epsilon=1e-07, centered=False, "
        "weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None, "
        "use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None, name='rmsprop', *, "
        "loss_scale_factor=None, gradient_accumulation_steps=None, **kwargs)"),
    "optimizer_loss_scale": (
        "(inner_optimizer, initial_scale=32768, dynamic_growth_steps=2000, *, name=None, "
        "weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None, "
        "use_ema=None, ema_momentum=None, ema_overwrite_frequency=None, "
        "loss_scale_factor=None, gradient_accumulation_steps=None, **kwargs)"),
    "loss_binary_crossentropy": (
        "(y_true=None, y_pred=None, from_logits=False, label_smoothing=0, axis=-1, *, "
        "reduction='sum_over_batch_size', name='binary_crossentropy', dtype=None, **kwargs)"),
    "loss_tversky": (
        "(y_true=None, y_pred=None, *, alpha=0.5, beta=0.5, reduction='sum_over_batch_size', "
        "name='tversky', axis=None, dtype=None, **kwargs)"),
    "random_integer": "(shape, minval, maxval, dtype='int32', seed=None)",
    "random_normal": "(shape, mean=0, stddev=1, dtype=None, seed=None)",
    "random_seed_generator": "(seed=None, name=None, **kwargs)",
    "op_zeros": "(shape, dtype=None)",
    "op_argmax": "(x, axis=None, keepdims=False, zero_indexed=False)",
    "op_stack": "(x, axis=1)",
    "op_matmul": "(x1, x2)",
    "application_xception": (
        "(include_top=True, weights='imagenet', input_tensor=None, input_shape=None, "
        "pooling=None, classes=1000, classifier_activation='softmax', name='xception')"),
    "application_nasnetlarge": "(*args, **kwargs)",
    "application_preprocess_inputs": "(model, x=None, *, data_format=None, **kwargs)",
    "application_decode_predictions": "(model, preds=None, top=5, **kwargs)",
}


@pytest.mark.parametrize("fn", sorted(SIGNATURES))
def test_signature_is_r_formals(fn):
    assert str(inspect.signature(ALL[fn])) == SIGNATURES[fn]


@pytest.mark.parametrize("fn", sorted(ALL))
def test_every_signature_follows_the_table(fn):
    """The signature has R's arguments in R's order with R's defaults; `...` makes the
    arguments after it keyword-only and is `**kwargs`."""
    spec = SPECS[fn]
    params = list(inspect.signature(ALL[fn]).parameters.values())
    if spec.kind == "alias":
        assert [p.kind for p in params] == [inspect.Parameter.VAR_POSITIONAL,
                                            inspect.Parameter.VAR_KEYWORD]
        return
    named = [p for p in params if p.kind is not inspect.Parameter.VAR_KEYWORD]
    assert [p.name for p in named] == list(spec.defaults_source)
    assert (params[-1].kind is inspect.Parameter.VAR_KEYWORD) == spec.has_dots
    for p in named:
        positional = p.name in spec.positional
        assert (p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD) == positional, p.name
        if p.name in spec.optional:
            assert p.default is None
        elif spec.defaults_source[p.name] is None:
            assert p.default in (inspect.Parameter.empty, functions.REQUIRED)
        else:
            assert strictly_equal(p.default, spec.default(p.name)), p.name


def test_r_defaults_are_keras_defaults_but_for_the_listed_differences():
    """Every R default of an argument the Keras object takes is Keras's default, except in
    R_KERAS_DIFFERENCES (which are all real); R_ONLY arguments are not Keras's."""
    found, r_only = {}, set()
    for fn, spec in SPECS.items():
        if spec.kind in ("alias", "preprocess_inputs", "decode_predictions"):
            continue
        paths = [spec.target_path(0)] if spec.kind != "loss" else list(spec.target)
        for path in paths:
            parameters = inspect.signature(keras_target(path)).parameters
            for name, source in spec.defaults_source.items():
                if name in ("zero_indexed", "y_true", "y_pred") or name in spec.optional:
                    continue
                if spec.kind == "loss" and path == spec.target_path(1) and \
                        name in ("reduction", "name", "dtype"):
                    continue  # the Loss object's arguments, not its function's
                if name not in parameters:
                    r_only.add((fn, name))
                    continue
                if name in ("axis",) and spec.converters.get(name):
                    continue  # 1-based in R (checked by the tests of as_axis below)
                empty = inspect.Parameter.empty
                theirs = parameters[name].default
                ours = spec.default(name) if source is not None else empty
                if (ours is empty) != (theirs is empty) or ours is not empty and ours != theirs:
                    found[(fn, name)] = (ours, theirs)
    assert found == R_KERAS_DIFFERENCES
    assert r_only == R_ONLY


@pytest.mark.parametrize("arg", sorted(LOSS_SCALE_REFUSES))
def test_loss_scale_optimizer_refuses_what_r_formals_offer(arg, keras_engine):
    """R's optimizer_loss_scale() has the base optimizer's arguments; Keras refuses each,
    and so does this function, with Keras's message."""
    with pytest.raises(ValueError) as theirs:
        keras.optimizers.LossScaleOptimizer(keras.optimizers.SGD(), **{arg: 1})
    with pytest.raises(ValueError) as ours:
        families.optimizer_loss_scale(keras.optimizers.SGD(), **{arg: LOSS_SCALE_REFUSES[arg]})
    assert str(ours.value) == str(theirs.value)


def test_signatures_and_help_work_without_keras():
    script = (
        "import sys; sys.modules['keras'] = None\n"
        "import inspect, pydoc\n"
        "from rstyle_keras.r.families import optimizer_adam, loss_huber\n"
        "from rstyle_keras.r.ops import op_argmax\n"
        "print(inspect.signature(optimizer_adam))\n"
        "print(inspect.signature(op_argmax))\n"
        "print(pydoc.render_doc(loss_huber, renderer=pydoc.plaintext))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    assert "(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07" in out
    assert "(x, axis=None, keepdims=False, zero_indexed=False)" in out
    assert "Keras's documentation is not available" in out


@pytest.mark.parametrize("fn", ["optimizer_rmsprop", "loss_sparse_categorical_crossentropy",
                                "random_normal", "op_expand_dims", "application_vgg19"])
def test_help_shows_r_arguments_and_keras_docstring(fn):
    spec = SPECS[fn]
    doc = ALL[fn].__doc__
    assert f"R keras3's `{fn}()`" in doc
    first_line = inspect.getdoc(keras_target(spec.target_path(0))).splitlines()[0]
    assert f"| {first_line}" in doc
    assert f"Keras {keras.__version__}'s documentation" in doc


def test_importing_the_families_does_not_import_keras():
    script = ("import sys, rstyle_keras.r.families, rstyle_keras.r.ops\n"
              "print('keras' in sys.modules, 'jax' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["False", "False"]


# -- 3. optimizers --------------------------------------------------------------------------
def optimizer_base(fn) -> dict:
    return {"inner_optimizer": keras.optimizers.SGD(name="inner")} \
        if fn == "optimizer_loss_scale" else {}


@pytest.mark.parametrize("fn", R_NAMES["optimizer"])
def test_optimizer_builds_keras_class_with_same_config(fn, keras_engine):
    cls = keras_target(SPECS[fn].target)
    base = optimizer_base(fn)
    ours, theirs = ALL[fn](**base), cls(**base)
    assert type(ours) is cls
    assert strictly_equal(config(ours), config(theirs))


@pytest.mark.parametrize("fn", R_NAMES["optimizer"])
def test_optimizer_takes_r_positional_arguments(fn, keras_engine):
    """R matches the arguments before `...` by position: all of them, with R's defaults,
    reach Keras by name (the name too, so the configs agree whole)."""
    spec = SPECS[fn]
    values = r_default_values(fn) if fn != "optimizer_loss_scale" else \
        [keras.optimizers.SGD(name="inner"), *r_default_values(fn)[1:]]
    cls = keras_target(spec.target)
    ours = ALL[fn](*values)
    floats = {n for n, conv in spec.converters.items() if conv.__name__ == "as_double"}
    theirs = cls(**{n: float(v) if n in floats else v for n, v in zip(spec.positional, values)})
    named = "name" in spec.positional  # then the configs agree whole
    assert strictly_equal(config(ours, keep_name=named), config(theirs, keep_name=named))


def test_optimizer_rmsprop_as_the_tutorials_call_it(keras_engine):
    a, b = families.optimizer_rmsprop(), families.optimizer_rmsprop(1e-3)
    assert type(a) is type(b) is keras.optimizers.RMSprop
    assert strictly_equal(config(b), config(keras.optimizers.RMSprop(learning_rate=1e-3)))


# R-style value -> Keras value for the optimizers' converted arguments (with what they need)
OPTIMIZER_R_STYLE = {
    "learning_rate": (1, 1.0, {}),  # R's 1 is a double: Keras wants a float
    "momentum": (c(0), 0.0, {}),
    "ema_overwrite_frequency": (2.0, 2, {"use_ema": True}),
    "gradient_accumulation_steps": (c(2.0), 2, {}),
    "dynamic_growth_steps": (100.0, 100, {}),
    "ns_steps": (4.0, 4, {}),
}
OPTIMIZER_CASES = [
    pytest.param(fn, arg, id=f"{fn}-{arg}")
    for fn in R_NAMES["optimizer"] for arg in SPECS[fn].converters
    if (fn, arg) not in R_ONLY
]


@pytest.mark.parametrize(("fn", "arg"), OPTIMIZER_CASES)
def test_optimizer_converted_argument_matches_keras(fn, arg, keras_engine):
    r_value, keras_value, more = OPTIMIZER_R_STYLE[arg]
    base = {**optimizer_base(fn), **more}
    cls = keras_target(SPECS[fn].target)
    ours = ALL[fn](**base, **{arg: r_value})
    theirs = cls(**base, **{arg: keras_value})
    assert strictly_equal(config(ours), config(theirs))


def test_optimizer_learning_rate_as_r_writes_it(keras_engine):
    """`learning_rate = 1` in R is a double; Keras refuses a Python int, not ours."""
    with pytest.raises(ValueError, match="learning_rate"):
        keras.optimizers.SGD(learning_rate=1)
    assert families.optimizer_sgd(learning_rate=1, momentum=0).get_config()["momentum"] == 0.0
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.9)
    assert families.optimizer_adam(schedule).learning_rate is not None  # a schedule passes


def test_optimizer_dots_reach_keras(keras_engine):
    with pytest.raises(ValueError, match="no_such_argument"):  # Keras's own refusal
        families.optimizer_adam(no_such_argument=1)


# -- 4. losses ------------------------------------------------------------------------------
# Data for each loss's computing face, written as R code writes it (nested lists, c()), and
# the arguments both faces take there.
PROBS = [[0.1, 0.8, 0.1], [0.6, 0.3, 0.1]]
ONE_HOT = [[0, 1, 0], [1, 0, 0]]
LOSS_DATA = {
    "default": (ONE_HOT, PROBS),
    "loss_sparse_categorical_crossentropy": (c(1, 0), PROBS),
    "loss_categorical_generalized_cross_entropy": (c(1, 0), PROBS),
    "loss_ctc": ([[1, 2]], [[[0.2, 0.5, 0.3], [0.1, 0.1, 0.8], [0.6, 0.2, 0.2],
                             [0.3, 0.3, 0.4]]]),
    "loss_circle": (c(0, 1, 0, 1), [[0.1, 0.9], [0.8, 0.2], [0.2, 0.7], [0.9, 0.3]]),
}
# R-style arguments -> Keras's, per loss (both faces, where the Keras object takes them)
LOSS_R_STYLE = {
    "axis": (2, 1),
    "ignore_class": (2.0, 2),
    "gamma": (80.0, 80),
}


def loss_data(fn):
    y_true, y_pred = LOSS_DATA.get(fn, LOSS_DATA["default"])
    as_keras = [np.asarray(v, dtype="float32") for v in (y_true, y_pred)]
    return (y_true, y_pred), as_keras


@pytest.mark.parametrize("fn", R_NAMES["loss"])
def test_loss_object_face_is_keras_class(fn, keras_engine):
    cls = keras_target(SPECS[fn].target_path(0))
    ours, theirs = ALL[fn](), cls()
    assert type(ours) is cls
    assert strictly_equal(config(ours, keep_name=True), config(theirs, keep_name=True))
    named = ALL[fn](reduction="sum", name="mine")
    assert strictly_equal(config(named, keep_name=True),
                          config(cls(reduction="sum", name="mine"), keep_name=True))


LOSS_CONVERTED = [
    pytest.param(fn, arg, id=f"{fn}-{arg}")
    for fn in R_NAMES["loss"] for arg in SPECS[fn].converters
    if arg in LOSS_R_STYLE and arg in inspect.signature(
        keras_target(SPECS[fn].target_path(0))).parameters
]


@pytest.mark.parametrize(("fn", "arg"), LOSS_CONVERTED)
def test_loss_object_converted_argument_matches_keras(fn, arg, keras_engine):
    r_value, keras_value = LOSS_R_STYLE[arg]
    cls = keras_target(SPECS[fn].target_path(0))
    ours, theirs = ALL[fn](**{arg: r_value}), cls(**{arg: keras_value})
    assert strictly_equal(config(ours), config(theirs))


@pytest.mark.parametrize("fn", R_NAMES["loss"])
def test_loss_computing_face_is_keras_function(fn, keras_engine):
    (y_true, y_pred), (kt, kp) = loss_data(fn)
    function = keras_target(SPECS[fn].target_path(1))
    more = {"q": 0.5} if fn == "loss_categorical_generalized_cross_entropy" else {}
    same_tensor(ALL[fn](y_true, y_pred), function(kt, kp, **more))
    same_tensor(ALL[fn](y_true=y_true, y_pred=y_pred), function(kt, kp, **more))


LOSS_FUNCTION_CONVERTED = [
    pytest.param(fn, arg, id=f"{fn}-{arg}")
    for fn in R_NAMES["loss"] for arg in SPECS[fn].converters
    if arg in LOSS_R_STYLE and arg in inspect.signature(
        keras_target(SPECS[fn].target_path(1))).parameters
]


@pytest.mark.parametrize(("fn", "arg"), LOSS_FUNCTION_CONVERTED)
def test_loss_computing_face_converts_r_arguments(fn, arg, keras_engine):
    (y_true, y_pred), (kt, kp) = loss_data(fn)
    r_value, keras_value = LOSS_R_STYLE[arg]
    if arg == "ignore_class":
        r_value, keras_value = 1.0, 1
    function = keras_target(SPECS[fn].target_path(1))
    same_tensor(ALL[fn](y_true, y_pred, **{arg: r_value}), function(kt, kp, **{arg: keras_value}))


def test_losses_as_the_tutorials_call_them(keras_engine):
    for fn, cls in [("loss_sparse_categorical_crossentropy",
                     keras.losses.SparseCategoricalCrossentropy),
                    ("loss_binary_crossentropy", keras.losses.BinaryCrossentropy),
                    ("loss_categorical_crossentropy", keras.losses.CategoricalCrossentropy)]:
        ours = ALL[fn](from_logits=True)
        assert strictly_equal(config(ours), config(cls(from_logits=True)))


def test_loss_positional_arguments_after_y(keras_engine):
    (y_true, y_pred), (kt, kp) = loss_data("loss_binary_crossentropy")
    same_tensor(families.loss_binary_crossentropy(y_true, y_pred, False, 0.1, 2),
                keras.losses.binary_crossentropy(kt, kp, False, 0.1, 1))
    same_tensor(families.loss_huber(y_true, y_pred, 0.5), keras.losses.huber(kt, kp, 0.5))


def test_loss_r_data_becomes_floatx_arrays(keras_engine, monkeypatch):
    received = []
    real = keras.losses.mean_squared_error

    def spy(**kwargs):
        received.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(keras_adapter, "keras_object",
                        lambda path: spy if path == "losses.mean_squared_error" else None)
    families.loss_mean_squared_error(c(0, 1), c(0.5, 0.5))
    assert [v.dtype for v in received[0].values()] == [np.dtype("float32")] * 2
    assert set(received[0]) == {"y_true", "y_pred"}  # only what the call names


def test_loss_with_one_of_y_true_and_y_pred_is_an_error(keras_engine):
    with pytest.raises(TypeError, match="`y_pred` is missing"):
        families.loss_mean_squared_error(c(0, 1))
    with pytest.raises(TypeError, match="`y_true` is missing"):
        families.loss_mean_squared_error(y_pred=c(0, 1))


def test_loss_objects_and_optimizer_train_a_model(keras_engine):
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
    model.compile(optimizer=families.optimizer_rmsprop(1e-3),
                  loss=families.loss_sparse_categorical_crossentropy(from_logits=True))
    x = np.random.default_rng(0).normal(size=(8, 4)).astype("float32")
    y = np.arange(8) % 3
    history = model.fit(x, y, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2


# -- 5. random ------------------------------------------------------------------------------
LOGITS = [[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]
X = np.arange(12, dtype="float32").reshape(3, 4)
# R call -> the Keras call it stands for, with the same seed
RANDOM_CASES = {
    "random_beta": (lambda f: f(c(2, 3), 2.0, 3.0, seed=1.0),
                    lambda k: k.beta((2, 3), 2.0, 3.0, seed=1)),
    "random_binomial": (lambda f: f(c(2, 3), 5.0, 0.5, seed=2),
                        lambda k: k.binomial((2, 3), 5.0, 0.5, seed=2)),
    "random_categorical": (lambda f: f(LOGITS, 5.0, seed=3),
                           lambda k: k.categorical(np.asarray(LOGITS), 5, seed=3) + 1),
    "random_dropout": (lambda f: f(X, 0.5, noise_shape=c(1, 4), seed=4),
                       lambda k: k.dropout(X, 0.5, noise_shape=(1, 4), seed=4)),
    "random_gamma": (lambda f: f(c(2, 3), 2.0, seed=5),
                     lambda k: k.gamma((2, 3), 2.0, seed=5)),
    "random_integer": (lambda f: f(c(1280, 12), 0, 9.5, seed=6),
                       lambda k: k.randint((1280, 12), 0, 10, seed=6)),
    "random_normal": (lambda f: f(c(1280, 1), seed=7),
                      lambda k: k.normal((1280, 1), seed=7)),
    "random_shuffle": (lambda f: f(X, axis=2, seed=8),
                       lambda k: k.shuffle(X, axis=1, seed=8)),
    "random_truncated_normal": (lambda f: f(c(2, 3), 1, 2.0, "float16", seed=9),
                                lambda k: k.truncated_normal((2, 3), 1, 2.0, "float16", seed=9)),
    "random_uniform": (lambda f: f(4, -1, 1, seed=10),
                       lambda k: k.uniform((4,), -1, 1, seed=10)),
}


@pytest.mark.parametrize("fn", sorted(RANDOM_CASES))
def test_random_draws_equal_keras_with_the_same_seed(fn, keras_engine):
    ours_call, keras_call = RANDOM_CASES[fn]
    same_tensor(ours_call(ALL[fn]), keras_call(keras.random))
    same_tensor(ours_call(ALL[fn]), ours_call(ALL[fn]))  # reproducible


def test_random_cases_cover_every_random_function():
    assert set(RANDOM_CASES) | {"random_seed_generator"} == set(R_NAMES["random"])


def test_random_as_the_tutorials_call_them(keras_engine):
    title = ops.random_integer(c(1280, 12), 0, 10000)
    assert tuple(title.shape) == (1280, 12) and str(title.dtype) == "int32"
    assert 0 <= int(keras.ops.min(title)) and int(keras.ops.max(title)) < 10000
    img = ops.random_normal(c(1, 224, 224, 3))
    assert tuple(img.shape) == (1, 224, 224, 3) and str(img.dtype) == "float32"


def test_random_categorical_is_one_based_unless_zero_indexed(keras_engine):
    ours = ops.random_categorical(LOGITS, 50, seed=1, zero_indexed=True)
    same_tensor(ours, keras.random.categorical(np.asarray(LOGITS), 50, seed=1))
    assert int(keras.ops.min(ops.random_categorical(LOGITS, 50, seed=1))) >= 1


def test_random_seed_generator(keras_engine):
    ours = ops.random_seed_generator(42.0)
    assert type(ours) is keras.random.SeedGenerator
    assert strictly_equal(config(ours), config(keras.random.SeedGenerator(seed=42)))
    same_tensor(ours.state, keras.random.SeedGenerator(seed=42).state)


def test_random_uniform_runs_on_the_core_under_numpy(numpy_engine):
    t = ops.random_uniform(c(2, 3), seed=1.0)
    assert type(t) is rstyle_keras.Tensor and t.shape == (2, 3)


# -- 6. ops ---------------------------------------------------------------------------------
A = np.arange(6, dtype="float32").reshape(2, 3)
B = np.arange(6, dtype="float32").reshape(3, 2)
M = np.array([[1.0, 5.0, 2.0], [7.0, 0.0, 3.0]], dtype="float32")
OP_CASES = {
    "zeros": (lambda: ops.op_zeros(c(1, 32)), lambda: keras.ops.zeros((1, 32))),
    "zeros_dtype": (lambda: ops.op_zeros(c(2.0, 3.0), "int32"),
                    lambda: keras.ops.zeros((2, 3), "int32")),
    "ones": (lambda: ops.op_ones(3), lambda: keras.ops.ones((3,))),
    "ones_shape": (lambda: ops.op_ones(shape=c(2, 2)), lambda: keras.ops.ones((2, 2))),
    "stack_default": (lambda: ops.op_stack([A, A + 1]), lambda: keras.ops.stack([A, A + 1])),
    "stack_axis_2": (lambda: ops.op_stack(list((A, A + 1)), axis=2),
                     lambda: keras.ops.stack([A, A + 1], axis=1)),
    "stack_axis_last": (lambda: ops.op_stack([A, A], axis=-1),
                        lambda: keras.ops.stack([A, A], axis=-1)),
    "expand_dims_last": (lambda: ops.op_expand_dims(A, -1),
                         lambda: keras.ops.expand_dims(A, -1)),
    "expand_dims_1": (lambda: ops.op_expand_dims(A, 1), lambda: keras.ops.expand_dims(A, 0)),
    "expand_dims_vector": (lambda: ops.op_expand_dims(A, c(1, 4)),
                           lambda: keras.ops.expand_dims(A, [0, 3])),
    "matmul": (lambda: ops.op_matmul(A, B), lambda: keras.ops.matmul(A, B)),
    "matmul_tensors": (lambda: ops.op_matmul(keras.ops.ones((2, 3)), keras.ops.ones((3, 4))),
                       lambda: keras.ops.matmul(keras.ops.ones((2, 3)), keras.ops.ones((3, 4)))),
    # R data beside a tensor takes the tensor's dtype (R: ops$convert_to_tensor(x, dtype))
    "matmul_r_vector_int": (
        lambda: ops.op_matmul(c(1.0, 2.0, 3.0), keras.ops.ones((3, 2), "int32")),
        lambda: keras.ops.matmul(keras.ops.array([1, 2, 3], "int32"),
                                 keras.ops.ones((3, 2), "int32"))),
    "matmul_tensor_r_matrix": (
        lambda: ops.op_matmul(keras.ops.ones((2, 3), "float16"), B.tolist()),
        lambda: keras.ops.matmul(keras.ops.ones((2, 3), "float16"), B.astype("float16"))),
    "argmax": (lambda: ops.op_argmax(M), lambda: keras.ops.argmax(M) + 1),
    "argmax_axis_2": (lambda: ops.op_argmax(M, axis=2), lambda: keras.ops.argmax(M, axis=1) + 1),
    "argmax_axis_1_keepdims": (lambda: ops.op_argmax(M, 1, True),
                               lambda: keras.ops.argmax(M, axis=0, keepdims=True) + 1),
    "argmax_zero_indexed": (lambda: ops.op_argmax(M, axis=-1, zero_indexed=True),
                            lambda: keras.ops.argmax(M, axis=-1)),
    "argmax_r_vector": (lambda: ops.op_argmax(c(1, 3, 2)),
                        lambda: keras.ops.argmax(np.array([1, 3, 2])) + 1),
}


@pytest.mark.parametrize("case", sorted(OP_CASES))
def test_op_values_shapes_dtypes_equal_keras_ops(case, keras_engine):
    ours, theirs = OP_CASES[case]
    same_tensor(ours(), theirs())


def test_op_cases_cover_the_new_ops():
    covered = {case.split("_")[0] for case in OP_CASES}
    assert {"zeros", "ones", "stack", "expand", "matmul", "argmax"} <= covered


def test_ops_of_keras_tensors_go_to_keras_whatever_the_engine(numpy_engine):
    x = keras.ops.ones((2, 3))
    assert tuple(ops.op_expand_dims(x, -1).shape) == (2, 3, 1)
    assert tuple(ops.op_stack([x, x], axis=2).shape) == (2, 2, 3)  # a list: its first item
    assert tuple(ops.op_matmul(A, keras.ops.ones((3, 2))).shape) == (2, 2)  # either argument
    symbolic = keras.Input((4,))
    assert tuple(ops.op_expand_dims(symbolic, -1).shape) == (None, 4, 1)


def test_op_axis_zero_is_an_error_naming_it(keras_engine):
    with pytest.raises(ValueError, match="`axis` is 1-based"):
        ops.op_stack([A, A], axis=0)
    with pytest.raises(ValueError, match="`axis` is 1-based"):
        ops.op_expand_dims(A, 0)


# -- 7. applications ------------------------------------------------------------------------
APPLICATION_ROWS = [row[0] for row in api_tables.APPLICATIONS if row[2] == "application"]
# Built live (weights=None): the tutorials' two, and MobileNet (R converts its
# depth_multiplier); the smallest input each allows without the top. Building every
# application takes minutes (JAX compiles each new shape's initializers): every row's
# arguments are checked without building (below).
LIVE = {
    "application_vgg19": c(32, 32, 3),
    "application_xception": c(71, 71, 3),
    "application_mobilenet": c(32, 32, 3),
}


def layer_facts(model) -> list:
    """Each layer's class, name (but the automatic name of the input) and output shape."""
    return [(type(layer).__name__,
             None if isinstance(layer, keras.layers.InputLayer) else layer.name,
             tuple(layer.output.shape))
            for layer in model.layers]


@pytest.fixture
def network(monkeypatch):
    """Every way to the network fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"the network was touched: {args[:2]!r}")

    from keras.src.utils import file_utils

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(urllib.request, "urlretrieve", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(file_utils, "urlretrieve", refuse)


@pytest.fixture
def empty_cache(tmp_path, monkeypatch, network):
    """An empty Keras cache in tmp_path, no network."""
    from keras.src.backend import config as keras_config

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(keras_config, "_KERAS_DIR", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("fn", sorted(LIVE))
def test_application_builds_the_keras_model(fn, keras_engine, network):
    cls = keras_target(SPECS[fn].target_path(0))
    keras.backend.clear_session()  # the same automatic layer names in both
    ours = ALL[fn](weights=None, include_top=False, input_shape=LIVE[fn])
    keras.backend.clear_session()
    theirs = cls(weights=None, include_top=False,
                 input_shape=tuple(int(d) for d in LIVE[fn]))
    assert type(ours) is type(theirs)
    assert ours.name == theirs.name
    assert ours.count_params() == theirs.count_params()
    assert layer_facts(ours) == layer_facts(theirs)


def test_application_with_its_top_and_r_classes(keras_engine, network):
    keras.backend.clear_session()
    ours = families.application_mobilenet(c(32, 32, 3), 1, 1.0, weights=None, classes=10.0,
                                          classifier_activation=None)
    keras.backend.clear_session()
    theirs = keras.applications.MobileNet((32, 32, 3), 1, 1, weights=None, classes=10,
                                          classifier_activation=None)
    assert ours.output_shape == (None, 10)
    assert layer_facts(ours) == layer_facts(theirs)


def application_values(fn) -> dict:
    """R-style values for every argument of an application, and what Keras must get."""
    r_values, keras_values = {}, {}
    for name in SPECS[fn].defaults_source:
        value = SPECS[fn].default(name)
        r_values[name] = keras_values[name] = value
    r_values.update(input_shape=c(64, 64, 3), classes=10.0, weights=None)
    keras_values.update(input_shape=(64, 64, 3), classes=10, weights=None)
    if "depth_multiplier" in r_values:
        r_values["depth_multiplier"], keras_values["depth_multiplier"] = 1.0, 1
    return r_values, keras_values


@pytest.fixture
def spying_applications(monkeypatch):
    """Application classes that record what they receive (nothing is built)."""
    received = []
    real = keras_adapter.keras_object

    class Built:
        pass

    def keras_object(path):
        if path.startswith("applications.") and path.split(".")[1][:1].isupper():
            def construct(**kwargs):
                received.append((path, kwargs))
                return Built()
            return construct
        return real(path)

    monkeypatch.setattr(keras_adapter, "keras_object", keras_object)
    return received


@pytest.mark.parametrize("fn", APPLICATION_ROWS)
def test_every_application_gives_keras_its_class_the_converted_arguments(
        fn, keras_engine, spying_applications):
    r_values, keras_values = application_values(fn)
    ALL[fn](**r_values)  # every argument by name
    values = [r_values[name] for name in SPECS[fn].positional]
    ALL[fn](*values)  # and by position, as R matches them
    assert len(spying_applications) == 2
    for path, received in spying_applications:
        assert path == SPECS[fn].target_path(0)
        assert strictly_equal(received, keras_values), (received, keras_values)
    parameters = inspect.signature(keras_target(path)).parameters
    assert set(keras_values) <= set(parameters)  # Keras's class takes every R argument


@pytest.mark.parametrize("fn", APPLICATION_ROWS)
def test_every_application_forwards_only_what_the_call_names(
        fn, keras_engine, spying_applications):
    ALL[fn](weights=None)
    assert spying_applications == [(SPECS[fn].target_path(0), {"weights": None})]


@pytest.mark.parametrize("fn", ["application_nasnetlarge", "application_nasnetmobile"])
def test_old_application_names_warn_and_call_the_new(fn, keras_engine, spying_applications):
    new = SPECS[fn].target
    with pytest.warns(FutureWarning, match=f"`{fn}\\(\\)` has been renamed to `{new}\\(\\)`"):
        ALL[fn](c(64, 64, 3), weights=None)
    assert spying_applications == [(SPECS[new].target_path(0),
                                     {"input_shape": (64, 64, 3), "weights": None})]


def test_application_weights_come_from_the_cache_only(keras_engine, empty_cache):
    with pytest.raises(FileNotFoundError) as error, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Keras: 32x32 is not an ImageNet size
        families.application_mobilenet(c(32, 32, 3), include_top=False)  # weights="imagenet"
    message = str(error.value)
    fname = "mobilenet_1_0_224_tf_no_top.h5"
    assert f'"{fname}" is not in Keras\'s cache' in message
    assert str(empty_cache / "models" / fname) in message
    assert f"https://storage.googleapis.com/tensorflow/keras-applications/mobilenet/{fname}" \
        in message


def test_cached_files_pass_to_keras(keras_engine, empty_cache):
    """Inside the guard, a file already in the cache goes to Keras's get_file() as usual."""
    from keras.src.utils import file_utils

    (empty_cache / "models").mkdir()
    (empty_cache / "models" / "small.txt").write_text("x")
    with functions.cached_files_only():
        path = file_utils.get_file("small.txt", "https://example.com/small.txt",
                                   cache_subdir="models")
        with pytest.raises(FileNotFoundError, match="other.txt"):
            file_utils.get_file("other.txt", "https://example.com/other.txt")
    assert path == str(empty_cache / "models" / "small.txt")
    assert file_utils.get_file.__module__ == "keras.src.utils.file_utils"  # restored


@pytest.fixture(scope="module")
def small_vgg19():
    old = config_engine()
    config_set_engine("keras")
    try:
        return families.application_vgg19(weights=None, include_top=False,
                                          input_shape=c(32, 32, 3))
    finally:
        config_set_engine(old)


def test_application_preprocess_inputs(small_vgg19):
    x = np.random.default_rng(0).uniform(0, 255, size=(2, 32, 32, 3)).astype("float32")
    before = x.copy()
    expected = keras.applications.vgg19.preprocess_input(x.copy())
    np.testing.assert_array_equal(families.application_preprocess_inputs(small_vgg19, x),
                                  expected)
    np.testing.assert_array_equal(x, before)  # R never changes the caller's array
    preprocess = families.application_preprocess_inputs(small_vgg19)
    np.testing.assert_array_equal(preprocess(x), expected)
    channels_first = keras.applications.vgg19.preprocess_input(
        x.copy(), data_format="channels_first")
    np.testing.assert_array_equal(
        families.application_preprocess_inputs(small_vgg19, x, data_format="channels_first"),
        channels_first)
    np.testing.assert_array_equal(
        families.application_preprocess_inputs(small_vgg19, data_format="channels_first")(x),
        channels_first)
    as_r_data = families.application_preprocess_inputs(small_vgg19, x[:1, :1, :1].tolist())
    assert as_r_data.dtype == np.float32
    np.testing.assert_allclose(as_r_data, expected[:1, :1, :1], rtol=1e-6)


def test_application_decode_predictions(small_vgg19, monkeypatch):
    from keras.src.applications import imagenet_utils

    index = {str(i): [f"n{i:08d}", f"class_{i}"] for i in range(1000)}
    monkeypatch.setattr(imagenet_utils, "CLASS_INDEX", index)
    preds = np.zeros((2, 1000), dtype="float32")
    preds[0, [3, 7]] = [0.7, 0.2]
    preds[1, [9, 1]] = [0.6, 0.3]
    decoded = families.application_decode_predictions(small_vgg19, preds, top=2.0)
    assert [type(d) for d in decoded] == [NamedList, NamedList]
    assert decoded[0].names() == ("class_name", "class_description", "score")
    assert decoded[0].class_description == ["class_3", "class_7"]
    assert decoded[1].class_name == ["n00000009", "n00000001"]
    np.testing.assert_allclose(decoded[0].score, [0.7, 0.2])
    decode = families.application_decode_predictions(small_vgg19)
    assert decode(preds, top=1)[1].class_description == ["class_9"]


def test_decode_predictions_class_index_comes_from_the_cache_only(small_vgg19, empty_cache,
                                                                  monkeypatch):
    from keras.src.applications import imagenet_utils

    monkeypatch.setattr(imagenet_utils, "CLASS_INDEX", None)
    with pytest.raises(FileNotFoundError, match="imagenet_class_index.json"):
        families.application_decode_predictions(small_vgg19, np.zeros((1, 1000)))


def test_preprocess_of_a_model_not_made_by_an_application(keras_engine):
    with pytest.raises(TypeError, match="`model` must be a Keras model made by an application"):
        families.application_preprocess_inputs("vgg19", np.zeros((1, 2, 2, 3)))
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    with pytest.raises(ValueError, match="no preprocessing or decoding function"):
        families.application_decode_predictions(model, np.zeros((1, 1000)))


# -- 8. the "numpy" engine, R's argument errors ---------------------------------------------
# The fewest arguments of each function, as plain data (the engine setting decides).
MINIMAL = {
    "optimizer_loss_scale": (("inner",), {}),
    "random_beta": ((c(2), 1.0, 1.0), {}), "random_binomial": ((c(2), 1.0, 0.5), {}),
    "random_categorical": ((LOGITS, 2), {}), "random_dropout": ((A, 0.5), {}),
    "random_gamma": ((c(2), 1.0), {}), "random_integer": ((c(2), 0, 3), {}),
    "random_normal": ((c(2),), {}), "random_shuffle": ((A,), {}),
    "random_truncated_normal": ((c(2),), {}),
    "op_zeros": ((c(1, 32),), {}), "op_ones": ((c(1, 32),), {}), "op_stack": (([A, A],), {}),
    "op_matmul": ((A, B), {}), "op_expand_dims": ((A, -1), {}), "op_argmax": ((A,), {}),
}
CORE_HAS = {"op_array", "op_reshape", "op_shape", "op_convert_to_numpy", "op_average_pool",
            "op_max_pool", "random_uniform"}
NOT_ENGINE_BOUND = {"application_preprocess_inputs", "application_decode_predictions",
                    "application_nasnetlarge", "application_nasnetmobile"}


@pytest.mark.parametrize("fn", sorted(set(ALL) - CORE_HAS - NOT_ENGINE_BOUND))
def test_numpy_engine_raises_core_lacks_naming_the_function(fn, numpy_engine):
    args, kwargs = MINIMAL.get(fn, ((), {}))
    with pytest.raises(CoreLacksError, match=f"^{fn}\\(\\) is not implemented by the NumPy core"):
        ALL[fn](*args, **kwargs)


def test_core_has_what_the_table_says():
    assert {fn for fn in ALL if SPECS[fn].core_function is not None} == CORE_HAS


@pytest.mark.parametrize("fn", ["application_nasnetlarge", "application_nasnetmobile"])
def test_numpy_engine_old_application_names(fn, numpy_engine):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        with pytest.raises(CoreLacksError, match=SPECS[fn].target):
            ALL[fn]()


def test_core_object_message(numpy_engine):
    t = ops.op_array(c(1.0, 2.0))
    with pytest.raises(CoreLacksError, match="its first argument is a core object"):
        ops.op_expand_dims(t, 1)


def test_unknown_argument_names_it_and_the_accepted_ones():
    with pytest.raises(TypeError, match=r"op_zeros\(\) has no argument `dtyp`; its arguments "
                                        r"are shape, dtype"):
        ops.op_zeros(c(2), dtyp="int32")


def test_too_many_positional_arguments():
    with pytest.raises(TypeError, match=r"takes at most 5 positional arguments \(shape, mean"):
        ops.random_normal(c(2), 0, 1, None, 1, 2)
    with pytest.raises(TypeError, match="takes at most 2 positional arguments"):
        families.loss_hinge(c(0), c(1), 3)  # R's dots must be named


def test_multiple_values_and_missing_arguments(keras_engine):
    with pytest.raises(TypeError, match="multiple values for `learning_rate`"):
        families.optimizer_adam(0.1, learning_rate=0.2)
    with pytest.raises(TypeError, match="argument `shape` is missing, with no default"):
        ops.random_normal()
    with pytest.raises(TypeError, match="argument `maxval` is missing"):
        ops.random_integer(c(2), 0)


def test_converter_errors_name_the_argument(keras_engine):
    with pytest.raises(TypeError, match="`seed`"):
        ops.random_normal(c(2), seed=1.5)
    with pytest.raises(TypeError, match="`shape`"):
        ops.op_zeros(c(2, 2.5))
    with pytest.raises(ValueError, match="`maxval` must be a finite number"):
        ops.random_integer(c(2), 0, float("inf"))
    with pytest.raises(TypeError, match="`classes`"):
        families.application_vgg16(weights=None, classes=10.5)
