"""The two engines and the `|` pipe on Keras objects (issue 8, item 2).

* Pipes and calls under the "keras" engine for every kind of first argument (None, a
  Sequential model, a KerasTensor, a backend tensor, a NumPy array) on a windowed, a
  global, a dense, a conv, a recurrent and two merge layers, each compared with Keras
  itself (the same Keras class built from the same arguments, with the same weights).
* The logical-or trap: `KerasTensor | layer` composes, `kt | other_kt` and `kt | 3` stay
  Keras's logical or; once per installed Keras backend in a subprocess.
* Engine switching, the import-time `RSTYLE_KERAS_ENGINE`, "keras" without Keras, the
  first argument deciding over the setting, the errors for mixing the engines and for a
  function the NumPy core lacks, and that `import rstyle_keras` imports no Keras/backend.

The core engine's own first-argument rule is tested in `test_first_argument.py`.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import rstyle_keras as rk
from rstyle_keras import c

os.environ.setdefault("KERAS_BACKEND", "jax")  # as tests/keras_reference.py: JAX on the CPU
os.environ.setdefault("JAX_PLATFORMS", "cpu")

ROOT = Path(__file__).resolve().parents[1]
HINT = 'pip install "rstyle-keras[keras]"'
BACKENDS = [b for b in ("jax", "torch", "tensorflow") if importlib.util.find_spec(b)]
HEAVY = ("keras", "jax", "torch", "tensorflow", "numba")


# -- helpers ----------------------------------------------------------------------------------
@pytest.fixture
def keras_engine():
    """The "keras" engine for one test (the previous engine restored after); yields Keras."""
    old = rk.config_engine()
    rk.config_set_engine("keras")
    try:
        yield rk.dispatch.keras()
    finally:
        rk.config_set_engine(old)


@pytest.fixture
def numpy_engine():
    old = rk.config_engine()
    rk.config_set_engine("numpy")
    try:
        yield
    finally:
        rk.config_set_engine(old)


def run_python(script: str, **env_changes) -> subprocess.CompletedProcess:
    """Run `script` in a fresh interpreter at the repository root; None in env_changes
    unsets a variable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("RSTYLE_KERAS_ENGINE", None)
    env.setdefault("JAX_PLATFORMS", "cpu")
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=180,
    )


def last_json(proc: subprocess.CompletedProcess) -> dict:
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def assert_same_numbers(got, want):
    # keras.ops.convert_to_numpy reads any backend's tensor (torch's need detaching)
    import keras

    got, want = (keras.ops.convert_to_numpy(v) for v in (got, want))
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


@dataclasses.dataclass(frozen=True)
class Case:
    function: str  # the R function
    r_args: dict  # its arguments, R-style
    keras_class: str  # keras.layers.<keras_class>
    keras_args: dict  # the same arguments as Keras takes them
    shape: tuple  # one sample's shape

    def make(self, *object):
        return getattr(rk, self.function)(*object, **self.r_args)

    def twin(self, keras, layer=None):
        """The same layer built by Keras itself; with `layer`'s weights when given."""
        ref = getattr(keras.layers, self.keras_class)(**self.keras_args)
        ref(keras.Input(self.shape))  # builds it
        if layer is not None:
            ref.set_weights(layer.get_weights())
        return ref

    def data(self, batch=2):
        rng = np.random.default_rng(len(self.function))
        return rng.standard_normal((batch, *self.shape)).astype("float32")


CASES = {
    "windowed": Case("layer_max_pooling_2d", {"pool_size": c(2, 2)}, "MaxPooling2D",
                     {"pool_size": (2, 2)}, (4, 4, 3)),
    "global": Case("layer_global_average_pooling_2d", {}, "GlobalAveragePooling2D", {},
                   (4, 4, 3)),
    "dense": Case("layer_dense", {"units": 2, "activation": "tanh"}, "Dense",
                  {"units": 2, "activation": "tanh"}, (4,)),
    "conv": Case("layer_conv_2d", {"filters": 2, "kernel_size": c(3, 3), "padding": "same"},
                 "Conv2D", {"filters": 2, "kernel_size": (3, 3), "padding": "same"}, (5, 5, 3)),
    "recurrent": Case("layer_lstm", {"units": 3}, "LSTM", {"units": 3}, (6, 2)),
}
FORMS = ("call", "pipe")
layer_cases = pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
forms = pytest.mark.parametrize("form", FORMS)


def compose(case: Case, form: str, object):
    """`layer_x(object, ...)` or `object | layer_x(...)`: (result, the layer if known)."""
    if form == "call":
        return case.make(object), None
    layer = case.make()
    return object | layer, layer


def is_backend_tensor(keras, x) -> bool:
    return keras.ops.is_tensor(x) and not isinstance(x, (np.ndarray, keras.KerasTensor))


# -- 1. every first argument, every kind of layer, under the "keras" engine -------------------
@layer_cases
def test_no_object_gives_the_keras_layer_keras_would_make(keras_engine, case):
    keras = keras_engine
    for layer in (case.make(), case.make(None)):
        assert type(layer) is getattr(keras.layers, case.keras_class)
        config, want = layer.get_config(), case.twin(keras).get_config()
        config.pop("name"), want.pop("name")
        assert config == want


@layer_cases
@forms
def test_sequential_gets_the_layer_added_in_place(keras_engine, case, form):
    keras = keras_engine
    model = rk.keras_model_sequential(input_shape=case.shape)
    assert isinstance(model, keras.Sequential)
    returned, layer = compose(case, form, model)
    assert returned is model
    assert isinstance(model.layers[-1], getattr(keras.layers, case.keras_class))
    if layer is not None:
        assert model.layers[-1] is layer
    ref = case.twin(keras, model.layers[-1])
    want = keras.Sequential([keras.Input(case.shape), ref])
    assert model.output_shape == want.output_shape
    x = case.data()
    assert_same_numbers(model(x), ref(x))


@layer_cases
@forms
def test_keras_tensor_gives_the_symbolic_output(keras_engine, case, form):
    keras = keras_engine
    inputs = rk.keras_input(shape=case.shape)
    assert isinstance(inputs, keras.KerasTensor)
    out, _ = compose(case, form, inputs)
    want = case.twin(keras)(keras.Input(case.shape))
    assert isinstance(out, keras.KerasTensor)
    assert out.shape == want.shape and out.dtype == want.dtype
    assert out.dtype != "bool"  # not Keras's logical or
    model = keras.Model(inputs, out)  # the output is connected to the input
    assert model.output_shape == want.shape


@layer_cases
@forms
@pytest.mark.parametrize("data", ["backend tensor", "ndarray"])
def test_data_gives_the_computed_result(keras_engine, case, form, data):
    keras = keras_engine
    x_np = case.data()
    x = keras.ops.convert_to_tensor(x_np) if data == "backend tensor" else x_np
    assert isinstance(x, np.ndarray) == (data == "ndarray")
    if form == "pipe":
        out, layer = compose(case, form, x)
        want = case.twin(keras, layer)(x_np)  # Keras's own layer, the same weights
        assert_same_numbers(out, layer(x))
    else:
        keras.utils.set_random_seed(11)  # the same initial weights for ours and Keras's
        out, _ = compose(case, form, x)
        keras.utils.set_random_seed(11)
        want = getattr(keras.layers, case.keras_class)(**case.keras_args)(x_np)
    assert is_backend_tensor(keras, out)  # computed by Keras, not or-ed element-wise
    assert tuple(out.shape) == tuple(want.shape)
    assert_same_numbers(out, want)


MERGES = {
    "add": Case("layer_add", {}, "Add", {}, ((4,), (4,))),
    "concatenate": Case("layer_concatenate", {"axis": 2}, "Concatenate", {"axis": 1},
                        ((4,), (3,))),
}
merge_cases = pytest.mark.parametrize("case", list(MERGES.values()), ids=list(MERGES))
MERGE_FORMS = ("call with more inputs", "call with a list", "pipe a list")


def merge(case: Case, form: str, a, b):
    if form == "call with more inputs":
        return getattr(rk, case.function)(a, b, **case.r_args)
    if form == "call with a list":
        return case.make([a, b])
    return [a, b] | case.make()


@merge_cases
def test_merge_with_no_inputs_gives_the_keras_layer(keras_engine, case):
    keras = keras_engine
    layer = case.make()
    assert type(layer) is getattr(keras.layers, case.keras_class)
    config = layer.get_config()
    want = getattr(keras.layers, case.keras_class)(**case.keras_args).get_config()
    config.pop("name"), want.pop("name")
    assert config == want  # R's 1-based axis=2 is Keras's axis=1


@merge_cases
@pytest.mark.parametrize("form", MERGE_FORMS)
def test_merge_of_keras_tensors_is_symbolic(keras_engine, case, form):
    keras = keras_engine
    a, b = (rk.keras_input(shape=s) for s in case.shape)
    out = merge(case, form, a, b)
    want = getattr(keras.layers, case.keras_class)(**case.keras_args)(
        [keras.Input(s) for s in case.shape])
    assert isinstance(out, keras.KerasTensor)
    assert out.shape == want.shape and out.dtype == want.dtype == "float32"


@merge_cases
@pytest.mark.parametrize("form", MERGE_FORMS)
@pytest.mark.parametrize("data", ["backend tensor", "ndarray"])
def test_merge_of_data_is_computed(keras_engine, case, form, data):
    keras = keras_engine
    rng = np.random.default_rng(5)
    arrays = [rng.standard_normal((2, *s)).astype("float32") for s in case.shape]
    a, b = (keras.ops.convert_to_tensor(x) for x in arrays) if data == "backend tensor" \
        else arrays
    out = merge(case, form, a, b)
    want = getattr(keras.layers, case.keras_class)(**case.keras_args)(arrays)
    assert is_backend_tensor(keras, out)
    assert tuple(out.shape) == tuple(want.shape)
    assert_same_numbers(out, want)


@merge_cases
def test_merge_piped_into_a_sequential_is_added_as_keras_adds_it(keras_engine, case):
    """R keras3 adds any layer to a Sequential; Keras refuses a merge layer there, and the
    pipe must fail exactly as `keras.Sequential.add()` does (not silently or-ing)."""
    keras = keras_engine
    shape = case.shape[0]
    with pytest.raises(Exception) as ours:
        rk.keras_model_sequential(input_shape=shape) | case.make()
    with pytest.raises(Exception) as theirs:
        keras.Sequential([keras.Input(shape)]).add(
            getattr(keras.layers, case.keras_class)(**case.keras_args))
    assert ours.type is theirs.type
    assert str(ours.value) == str(theirs.value)


# -- 2. the logical-or trap ---------------------------------------------------------------
def test_keras_input_piped_a_layer_gives_the_layer_output(keras_engine):
    keras = keras_engine
    out = rk.keras_input(shape=c(4)) | rk.layer_dense(units=2)
    assert isinstance(out, keras.KerasTensor)
    assert out.shape == (None, 2) and out.dtype == "float32"  # not (None, 4) bool


@pytest.mark.parametrize("dtype", ["bool", "float32"])
def test_keras_tensor_or_keras_tensor_stays_a_logical_or(keras_engine, dtype):
    keras = keras_engine
    a = rk.keras_input(shape=c(4), dtype=dtype)
    b = rk.keras_input(shape=c(4), dtype=dtype)
    out = a | b
    want = keras.ops.logical_or(keras.Input((4,), dtype=dtype), keras.Input((4,), dtype=dtype))
    assert isinstance(out, keras.KerasTensor)
    assert out.dtype == want.dtype == "bool" and out.shape == want.shape
    assert out._keras_history.operation.__class__ is want._keras_history.operation.__class__


def test_raw_keras_input_pipes_once_the_engine_is_loaded(keras_engine):
    keras = keras_engine
    raw = keras.Input((4,))  # made by plain Keras, not through rstyle_keras
    layer = rk.layer_dense(units=3)
    out = raw | layer
    assert out.shape == (None, 3) and out.dtype == "float32"
    assert out._keras_history.operation is layer
    out2 = raw | keras.layers.Dense(5)  # a layer made by plain Keras pipes too
    assert out2.shape == (None, 5) and out2.dtype == "float32"


@pytest.mark.parametrize("other", [3, True, np.ones((4,), "bool")], ids=["int", "bool", "array"])
def test_keras_tensor_or_a_non_layer_stays_a_logical_or(keras_engine, other):
    keras = keras_engine
    kt = rk.keras_input(shape=c(4))
    out = kt | other
    want = keras.ops.logical_or(keras.Input((4,)), other)
    assert isinstance(out, keras.KerasTensor)
    assert out.dtype == want.dtype == "bool" and out.shape == want.shape


# -- 3. every installed backend ----------------------------------------------------------
BACKEND_SCRIPT = """
    import json
    import numpy as np
    import rstyle_keras as rk
    rk.config_set_engine("keras")
    import keras
    out = rk.keras_input(shape=rk.c(4)) | rk.layer_dense(units=2)
    raw = keras.Input((4,)) | rk.layer_dense(units=2)
    lor = rk.keras_input(shape=rk.c(4), dtype="bool") | rk.keras_input(shape=rk.c(4), dtype="bool")
    flor = rk.keras_input(shape=rk.c(4)) | rk.keras_input(shape=rk.c(4))
    x = keras.ops.convert_to_tensor(np.arange(8, dtype="float32").reshape(2, 4))
    layer = rk.layer_dense(units=3)
    y = x | layer
    ref = keras.layers.Dense(3)
    ref.build((None, 4))
    ref.set_weights(layer.get_weights())
    diff = np.abs(keras.ops.convert_to_numpy(y) - keras.ops.convert_to_numpy(ref(x))).max()
    print(json.dumps({
        "backend": keras.backend.backend(),
        "out": [list(out.shape), str(out.dtype)], "raw": [list(raw.shape), str(raw.dtype)],
        "lor": [list(lor.shape), str(lor.dtype)], "flor": [list(flor.shape), str(flor.dtype)],
        "x_type": type(x).__module__ + "." + type(x).__qualname__,
        "y_type": type(y).__module__ + "." + type(y).__qualname__,
        "y_shape": list(y.shape), "diff": float(diff),
    }))
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_pipes_on_every_installed_backend(backend):
    got = last_json(run_python(BACKEND_SCRIPT, KERAS_BACKEND=backend))
    assert got["backend"] == backend
    assert got["out"] == [[None, 2], "float32"]
    assert got["raw"] == [[None, 2], "float32"]
    assert got["lor"] == [[None, 4], "bool"]
    assert got["flor"] == [[None, 4], "bool"]
    assert got["y_type"] == got["x_type"]  # the backend's tensor, computed by the layer
    assert got["y_shape"] == [2, 3]
    assert got["diff"] <= 1e-6


# -- 4. engine switching -----------------------------------------------------------------
def test_switching_engines_switches_the_class_made(keras_engine):
    keras = keras_engine
    assert rk.config_engine() == "keras"
    assert type(rk.layer_max_pooling_2d()) is keras.layers.MaxPooling2D
    rk.config_set_engine("numpy")
    assert rk.config_engine() == "numpy"
    assert type(rk.layer_max_pooling_2d()) is rk.MaxPooling2D
    assert isinstance(rk.keras_input(shape=c(4)), rk.KerasTensor)
    assert isinstance(rk.keras_model_sequential(), rk.Sequential)
    rk.config_set_engine("KERAS")  # any case, as KERAS_BACKEND
    assert rk.config_engine() == "keras"
    assert isinstance(rk.keras_input(shape=c(4)), keras.KerasTensor)
    assert isinstance(rk.keras_model_sequential(), keras.Sequential)


@pytest.mark.parametrize("bad", ["bogus", "torch", "", None, 1])
def test_unknown_engine_is_a_value_error_listing_both(bad):
    before = rk.config_engine()
    with pytest.raises(ValueError) as error:
        rk.config_set_engine(bad)
    assert "'numpy'" in str(error.value) and "'keras'" in str(error.value)
    assert repr(bad) in str(error.value)
    assert rk.config_engine() == before


IMPORT_SCRIPT = """
    import json, sys, time
    t = time.perf_counter()
    import rstyle_keras as rk
    seconds = time.perf_counter() - t
    heavy = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
    engine = rk.config_engine()
    core_layer = type(rk.MaxPooling2D()).__name__
    still_light = not ({m.split(".")[0] for m in sys.modules} & set(HEAVY))
    layer = rk.layer_max_pooling_2d()
    made = type(layer).__module__ + "." + type(layer).__qualname__
    if engine == "keras":
        import keras
        is_keras = type(layer) is keras.layers.MaxPooling2D
    else:
        is_keras = False
    print("import seconds:", round(seconds, 3), file=sys.stderr)
    print(json.dumps({"heavy": heavy, "engine": engine, "core_layer": core_layer,
                      "still_light": still_light, "made": made, "is_keras": is_keras}))
""".replace("set(HEAVY)", repr(set(HEAVY)))


def test_import_imports_no_keras_or_backend_and_defaults_to_numpy():
    got = last_json(run_python(IMPORT_SCRIPT, RSTYLE_KERAS_ENGINE=None))
    assert got["heavy"] == []
    assert got["engine"] == "numpy"
    assert got["made"] == f"{rk.MaxPooling2D.__module__}.{rk.MaxPooling2D.__qualname__}"
    assert got["still_light"] and not got["is_keras"]


def test_keras_engine_from_the_environment_still_imports_nothing_heavy():
    got = last_json(run_python(IMPORT_SCRIPT, RSTYLE_KERAS_ENGINE="keras"))
    assert got["heavy"] == []  # Keras is found, not imported, at `import rstyle_keras`
    assert got["engine"] == "keras"
    assert got["still_light"]  # the core's classes need no Keras either
    assert got["is_keras"] and got["made"].startswith("keras.")


def test_bogus_engine_in_the_environment_fails_at_import():
    proc = run_python("import rstyle_keras", RSTYLE_KERAS_ENGINE="bogus")
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("ValueError:")
    assert "RSTYLE_KERAS_ENGINE" in last and "'bogus'" in last
    assert "'numpy'" in last and "'keras'" in last


# Python's own way to say a module cannot be imported: importlib.util.find_spec() answers
# None and `import keras` raises ImportError, as when Keras is not installed.
NO_KERAS = """
    import json, sys
    sys.modules["keras"] = None
"""


def test_keras_engine_without_keras_says_what_to_install():
    script = NO_KERAS + """
    import rstyle_keras as rk
    from rstyle_keras import engine, keras_adapter
    got = {"installed": engine.keras_installed(), "engine": rk.config_engine()}
    for what, call in [("set", lambda: rk.config_set_engine("keras")),
                       ("load", keras_adapter.load),
                       ("dense", lambda: rk.layer_dense(units=2))]:
        try:
            call()
            got[what] = None
        except Exception as e:
            got[what] = [type(e).__name__, isinstance(e, ImportError), str(e)]
    got["after"] = rk.config_engine()
    got["core"] = type(rk.layer_max_pooling_2d()).__name__
    print(json.dumps(got))
    """
    got = last_json(run_python(script, RSTYLE_KERAS_ENGINE=None))
    assert got["installed"] is False and got["engine"] == "numpy"
    for what in ("set", "load"):
        name, is_import_error, message = got[what]
        assert is_import_error, got[what]
        assert HINT in message and "Keras" in message
    assert got["after"] == "numpy"  # the refused switch changed nothing
    assert got["dense"][0] == "CoreLacksError" and HINT in got["dense"][2]
    assert got["core"] == "MaxPooling2D"  # the core still works


def test_keras_engine_from_the_environment_without_keras_fails_at_import():
    script = NO_KERAS + """
    import os
    os.environ["RSTYLE_KERAS_ENGINE"] = "keras"
    try:
        import rstyle_keras
        print(json.dumps(None))
    except ImportError as e:
        print(json.dumps([type(e).__name__, str(e)]))
    """
    got = last_json(run_python(script))
    assert got is not None and got[0] == "ImportError"
    assert HINT in got[1]


def test_first_argument_decides_under_numpy(numpy_engine):
    keras = rk.dispatch.keras()
    kt = keras.Input((4, 4, 1))
    out = rk.layer_dense(kt, units=2)  # the core has no Dense: Keras's, by the argument
    assert isinstance(out, keras.KerasTensor) and out.shape == (None, 4, 4, 2)
    pooled = rk.layer_max_pooling_2d(kt)
    assert isinstance(pooled, keras.KerasTensor)
    assert pooled.shape == keras.layers.MaxPooling2D()(keras.Input((4, 4, 1))).shape
    x_np = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    x = keras.ops.convert_to_tensor(x_np)
    computed = rk.layer_max_pooling_2d(x)
    assert is_backend_tensor(keras, computed)
    assert_same_numbers(computed, keras.layers.MaxPooling2D()(x_np))
    seq = keras.Sequential([keras.Input((4, 4, 1))])
    assert rk.layer_max_pooling_2d(seq) is seq
    assert type(seq.layers[-1]) is keras.layers.MaxPooling2D
    assert rk.config_engine() == "numpy"


def test_first_argument_decides_under_keras(numpy_engine):
    core_model = rk.keras_model_sequential(input_shape=c(4, 4, 1))
    core_input = rk.keras_input(shape=c(4, 4, 1))
    core_tensor = rk.op_reshape(rk.op_array(range(16), "float32"), c(1, 4, 4, 1))
    want_symbolic = rk.layer_max_pooling_2d(rk.keras_input(shape=c(4, 4, 1)))
    want_computed = rk.layer_max_pooling_2d(core_tensor)
    rk.config_set_engine("keras")
    assert rk.layer_max_pooling_2d(core_model) is core_model
    assert type(core_model.layers[-1]) is rk.MaxPooling2D
    assert core_model.output_shape == (None, 2, 2, 1)
    out = rk.layer_max_pooling_2d(core_input)
    assert isinstance(out, rk.KerasTensor)
    assert out.shape == want_symbolic.shape and out.dtype == want_symbolic.dtype
    computed = rk.layer_max_pooling_2d(core_tensor)
    assert isinstance(computed, rk.Tensor)
    np.testing.assert_array_equal(computed.numpy(), want_computed.numpy())


# -- 5. the engines do not mix ------------------------------------------------------------
def _mixing_pairs():
    """(object, layer) of different engines, each made under its own engine."""
    old = rk.config_engine()
    try:
        rk.config_set_engine("numpy")
        core = {"Sequential": rk.keras_model_sequential(input_shape=c(4, 4, 1)),
                "Tensor": rk.op_reshape(rk.op_array(range(16), "float32"), c(1, 4, 4, 1)),
                "layer": rk.layer_max_pooling_2d()}
        rk.config_set_engine("keras")
        ours = {"Sequential": rk.keras_model_sequential(input_shape=c(4, 4, 1)),
                "KerasTensor": rk.keras_input(shape=c(4, 4, 1)),
                "layer": rk.layer_max_pooling_2d()}
    finally:
        rk.config_set_engine(old)
    return {
        "core Sequential | Keras layer": (core["Sequential"], ours["layer"]),
        "Keras Sequential | core layer": (ours["Sequential"], core["layer"]),
        "Keras KerasTensor | core layer": (ours["KerasTensor"], core["layer"]),
        "core Tensor | Keras layer": (core["Tensor"], ours["layer"]),
    }


@pytest.mark.parametrize("pair", ["core Sequential | Keras layer", "Keras Sequential | core layer",
                                  "Keras KerasTensor | core layer", "core Tensor | Keras layer"])
def test_mixing_the_engines_is_a_type_error_naming_both(pair):
    object, layer = _mixing_pairs()[pair]
    before = len(object.layers) if hasattr(object, "layers") else None
    with pytest.raises(TypeError) as error:
        object | layer
    message = str(error.value)
    assert '("numpy" engine)' in message and '("keras" engine)' in message  # who is whose
    assert type(object).__name__ in message and type(layer).__name__ in message
    if before is not None:
        assert len(object.layers) == before  # nothing was added


# -- 6. the core lacks it -----------------------------------------------------------------
CORE_LACKS = {
    "layer_dense": lambda: rk.layer_dense(units=2),
    "layer_conv_2d": lambda: rk.layer_conv_2d(filters=2, kernel_size=3),
    "layer_lstm": lambda: rk.layer_lstm(units=2),
    "layer_dense piped": lambda: np.ones((1, 4), "float32") | rk.layer_dense(units=2),
    "layer_dense on data": lambda: rk.layer_dense(np.ones((1, 4), "float32"), units=2),
    "layer_add on data": lambda: rk.layer_add(np.ones((1, 4)), np.ones((1, 4))),
}


@pytest.mark.parametrize("call", list(CORE_LACKS))
def test_core_lacks_it_names_the_function_and_both_remedies(numpy_engine, call):
    with pytest.raises(rk.CoreLacksError) as error:
        CORE_LACKS[call]()
    assert isinstance(error.value, NotImplementedError)
    message = str(error.value)
    function = call.split()[0]
    assert message.startswith(f"{function}() ")
    assert "not implemented by the NumPy core" in message
    assert HINT in message and 'config_set_engine("keras")' in message
