"""R keras3's class constructors over Keras (`rstyle_keras.r.classes`, issue 10; used by the
tutorials of issue 9): `Layer()`, `Model()`, `Loss()`, `Metric()`, `Callback()`,
`Constraint()`, `LearningRateSchedule()`, the `new_*_class()` names, `active_property()`,
`register_keras_serializable()`.

* `Layer()` with initialize/build/call/get_config, and its constructor's first-argument
  rule (None, a Sequential model, a KerasTensor, data; refusals before the layer exists).
* `super` in methods defined at module level, as lambdas and as nested closures, in all
  its spellings; the methods' other globals, defaults and closures stay live; `private`,
  `__class__` and the class name; errors for misuse.
* Each other constructor used where Keras uses it: `compile()`/`fit()` with a Loss and a
  Metric, a Callback's 1-based epochs, a Constraint in a layer, a schedule in an optimizer.
* Serialization: `from_config()` and `load_model()` with `custom_objects` naming the R
  constructor, `register_keras_serializable()`, `normalize_custom_objects()`.
* Keras stays unimported until a class is defined, and without Keras the error says what
  to install.
"""

from __future__ import annotations

import copy
import inspect
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "jax")  # as the other Keras tests: JAX on the CPU
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import rstyle_keras as rk  # noqa: E402
from rstyle_keras import c, keras_input, keras_model, layer_dense, shape  # noqa: E402
from rstyle_keras.r import classes  # noqa: E402
from rstyle_keras.r.classes import (  # noqa: E402
    Callback,
    Constraint,
    Layer,
    LayerWrapper,
    LearningRateSchedule,
    Loss,
    Metric,
    Model,
    active_property,
    mark_active,
    new_callback_class,
    new_layer_class,
    new_learning_rate_schedule_class,
    new_loss_class,
    new_metric_class,
    new_model_class,
    normalize_custom_objects,
    private,
    register_keras_serializable,
)

ROOT = Path(__file__).resolve().parents[1]


# -- helpers ----------------------------------------------------------------------------------
@pytest.fixture
def keras():
    return rk.dispatch.keras()


@pytest.fixture
def keras_engine():
    """The "keras" engine for one test (the previous engine restored after); yields Keras."""
    old = rk.config_engine()
    rk.config_set_engine("keras")
    try:
        yield rk.dispatch.keras()
    finally:
        rk.config_set_engine(old)


def numbers(x):
    import keras

    return keras.ops.convert_to_numpy(x)


def run_python(script: str, **env_changes) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("RSTYLE_KERAS_ENGINE", None)
    env.update(env_changes)
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


# The functional API tutorial's CustomDense, with its methods at module level.
def dense_initialize(self, units=32, **kwargs):
    super().initialize(**kwargs)
    self.units = int(units)


def dense_build(self, input_shape):
    self.w = self.add_weight(shape=shape(input_shape[-1], self.units),
                             initializer="random_normal", trainable=True)
    self.b = self.add_weight(shape=shape(self.units), initializer="random_normal",
                             trainable=True)


def dense_call(self, inputs):
    import keras

    return keras.ops.matmul(inputs, self.w) + self.b


def dense_get_config(self):
    return {"units": self.units}


def make_custom_dense(classname="CustomDense"):
    return Layer(classname=classname, initialize=dense_initialize, build=dense_build,
                 call=dense_call, get_config=dense_get_config)


def by_hand(layer, x):
    return numbers(x) @ numbers(layer.w.value) + numbers(layer.b.value)


# -- Layer(): the class -----------------------------------------------------------------------
def test_layer_makes_a_keras_layer_class_with_the_given_methods(keras):
    custom_dense = make_custom_dense()
    assert isinstance(custom_dense, LayerWrapper)
    cls = custom_dense.keras_class
    assert issubclass(cls, keras.Layer) and cls.__name__ == "CustomDense"
    assert cls.__module__ == __name__  # the module that defined it, as a class statement
    assert cls.__init__.__qualname__ == "CustomDense.__init__"
    layer = custom_dense(units=3)
    assert type(layer) is cls and layer.units == 3 and not layer.built
    x = np.arange(8, dtype="float32").reshape(2, 4)
    y = layer(x)
    assert layer.built and len(layer.trainable_weights) == 2
    np.testing.assert_allclose(numbers(y), by_hand(layer, x), rtol=1e-5, atol=1e-5)
    assert layer.get_config() == {"units": 3}
    assert isinstance(layer, custom_dense) and issubclass(cls, custom_dense)
    assert not isinstance(keras.layers.Dense(2), custom_dense)


def test_new_class_names_are_r_keras3s_aliases():
    assert new_layer_class is Layer and new_model_class is Model and new_loss_class is Loss
    assert new_metric_class is Metric and new_callback_class is Callback
    assert new_learning_rate_schedule_class is LearningRateSchedule
    assert mark_active is active_property


def test_the_original_functions_are_left_as_they_were():
    before = (dense_initialize.__globals__, dense_initialize.__qualname__,
              dense_initialize.__name__)
    make_custom_dense()
    assert (dense_initialize.__globals__, dense_initialize.__qualname__,
            dense_initialize.__name__) == before
    assert dense_initialize.__globals__ is globals()


def test_the_constructor_has_r_keras3s_signature():
    custom_dense = make_custom_dense()
    assert str(inspect.signature(custom_dense)) == "(object=None, units=32, **kwargs)"
    needs = Layer("NeedsDim", initialize=lambda self, original_dim, scale=2: super().__init__())
    assert str(inspect.signature(needs)) == "(object=None, original_dim=<required>, scale=2)"
    assert "object: None, a Sequential model" in custom_dense.__doc__
    assert repr(custom_dense).startswith("<Layer() constructor CustomDense(object=None")


# -- the first-argument rule ------------------------------------------------------------------
def test_missing_object_gives_the_layer():
    custom_dense = make_custom_dense()
    for layer in (custom_dense(), custom_dense(None, 10), custom_dense(units=10),
                  custom_dense(object=None, units=10)):
        assert isinstance(layer, custom_dense)
    assert custom_dense(None, 10).units == 10  # R's custom_dense(, 10)


def test_a_sequential_model_gets_the_layer_added(keras):
    custom_dense = make_custom_dense()
    model = keras.Sequential([keras.Input((4,))])
    assert custom_dense(model, 5) is model
    assert model | custom_dense(units=3) is model
    assert [type(layer).__name__ for layer in model.layers] == ["CustomDense", "CustomDense"]
    assert model.output_shape == (None, 3)


def test_a_keras_tensor_gives_the_symbolic_output(keras_engine):
    custom_dense = make_custom_dense()
    inputs = keras_input(c(4))
    outputs = custom_dense(inputs, 10)  # the tutorial's line
    assert isinstance(outputs, keras_engine.KerasTensor) and outputs.shape == (None, 10)
    piped = inputs | custom_dense(units=6)
    assert piped.shape == (None, 6)
    model = keras_model(inputs, outputs)
    assert model.output_shape == (None, 10) and model.count_params() == 50


def test_data_is_computed(keras):
    custom_dense = make_custom_dense()
    x = np.ones((2, 4), dtype="float32")
    for data in (x, keras.ops.convert_to_tensor(x)):  # a NumPy array, a backend tensor
        layer = custom_dense(units=3)
        y = data | layer
        np.testing.assert_allclose(numbers(y), by_hand(layer, x), rtol=1e-5, atol=1e-5)
        assert numbers(custom_dense(data, 2)).shape == (2, 2)


def test_refused_objects_are_named_before_the_layer_exists(keras_engine):
    custom_dense = make_custom_dense()
    with pytest.raises(TypeError, match=r"To set `units`, name it: units=10"):
        custom_dense(10)
    with pytest.raises(TypeError, match="engines do not mix"):
        custom_dense(rk.Tensor(np.ones((1, 4), dtype="float32")), 2)  # a core tensor
    with pytest.raises(TypeError, match="multiple values for `object`"):
        custom_dense(None, 2, object=None)


# -- super, private, __class__ ----------------------------------------------------------------
SCALE = 2.0  # read live by scale_call


def scale_call(self, inputs):
    return super().call(inputs) * SCALE


def test_super_in_a_module_level_function_and_live_module_globals(keras):
    global SCALE
    twice = Layer("TwiceDense", inherit=layer_dense, call=scale_call)
    assert issubclass(twice.keras_class, keras.layers.Dense)
    layer = twice(units=2, kernel_initializer="ones", use_bias=False)
    x = np.ones((1, 3), dtype="float32")
    assert numbers(layer(x)).tolist() == [[6.0, 6.0]]
    SCALE = 10.0
    try:
        assert numbers(layer(x)).tolist() == [[30.0, 30.0]]  # the module's global, live
    finally:
        SCALE = 2.0


def test_super_in_call_traced_by_fit(keras):
    twice = Layer("TwiceDenseFit", inherit=layer_dense, call=scale_call)
    model = keras.Sequential([keras.Input((3,)), twice(units=1)])
    model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")  # jit-compiled steps
    x = np.random.default_rng(4).standard_normal((16, 3)).astype("float32")
    history = model.fit(x, x.sum(axis=1, keepdims=True), epochs=3, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
    layer = model.layers[0]
    want = (x @ numbers(layer.kernel.value) + numbers(layer.bias.value)) * SCALE
    np.testing.assert_allclose(model.predict(x, verbose=0), want, rtol=1e-5, atol=1e-5)


def test_super_in_lambdas_in_every_spelling():
    spellings = {
        "super().initialize": lambda self, **kw: super().initialize(**kw),
        "super().__init__": lambda self, **kw: super().__init__(**kw),
        "super.initialize": lambda self, **kw: super.initialize(**kw),
        "super.__init__": lambda self, **kw: super.__init__(**kw),
        "super(__class__, self)": lambda self, **kw: super(__class__, self).initialize(**kw),  # noqa: F821
    }
    for i, (spelling, initialize) in enumerate(spellings.items()):
        made = Layer(f"Spelled{i}", initialize=initialize, call=lambda self, x: x)
        layer = made(name=f"spelled_{i}")
        assert layer.name == f"spelled_{i}", spelling  # Keras's __init__ got the name


def test_super_with_the_constructor_or_the_class_name():
    made = Layer("ByName",
                 initialize=lambda self: super(ByName, self).__init__(name="n1"))  # noqa: F821
    assert made().name == "n1"
    holder = {}
    holder["wrapper"] = Layer(
        "ByWrapper", initialize=lambda self: super(holder["wrapper"], self).initialize(name="n2"))
    assert holder["wrapper"]().name == "n2"


def test_super_in_nested_functions_that_close_over_variables(keras):
    def define(factor, counter):
        def initialize(self, **kwargs):
            def helper():  # a function inside the method: super() finds the method's self
                super().initialize(**kwargs)

            helper()
            counter.append("init" if (lambda: self)() is self else "?")  # self in a cell

        def call(self, inputs):
            counter.append("call")
            return super().call(inputs) * factor

        return Layer("ScaledDense", initialize=initialize, call=call, inherit=keras.layers.Dense)

    counter = []
    made = define(3.0, counter)
    layer = made(units=1, kernel_initializer="ones", use_bias=False)
    assert numbers(layer(np.ones((1, 2), dtype="float32"))).tolist() == [[6.0]]
    assert counter == ["init", "call"]  # the closure's own list, shared


def test_closures_stay_shared_with_the_defining_function():
    def define():
        state = {"factor": 1.0}

        def call(self, inputs):
            return inputs * state["factor"]

        def set_factor(value):
            nonlocal state
            state = {"factor": value}

        return Layer("Shared", call=call, initialize=lambda self: super().initialize()), \
            set_factor

    made, set_factor = define()
    layer = made()
    set_factor(5.0)  # rebinds the cell the method reads
    assert numbers(layer(np.ones((1, 1), dtype="float32"))).tolist() == [[5.0]]


def test_defaults_keyword_defaults_and_docstrings_are_kept():
    def initialize(self, units=7, *, scale=3, **kwargs):
        """Make it."""
        super().initialize(**kwargs)
        self.units, self.scale = units, scale

    made = Layer("Kept", initialize=initialize)
    layer = made()
    assert (layer.units, layer.scale) == (7, 3)
    assert made.keras_class.__init__.__doc__ == "Make it."
    assert "Make it." in made.__doc__


def test_class_name_and_dunder_class_are_in_scope():
    def from_config(cls, config):
        assert cls is __class__ or issubclass(cls, __class__)  # noqa: F821
        return ScopeCheck(**config)  # noqa: F821

    made = Layer("ScopeCheck", initialize=dense_initialize, get_config=dense_get_config,
                 from_config=from_config)
    layer = made(units=4)
    assert isinstance(made.keras_class.__dict__["from_config"], classmethod)
    again = made.keras_class.from_config(layer.get_config())
    assert type(again) is made.keras_class and again.units == 4


def test_super_in_from_config_a_class_method():
    def from_config(cls, config):
        return super().from_config({**config, "units": config["units"] + 1})

    made = Layer("PlusOne", initialize=dense_initialize, get_config=dense_get_config,
                 from_config=from_config)
    assert made.from_config({"units": 4}).units == 5


def test_private_is_per_instance_and_invisible_to_keras():
    def initialize(self, tag, **kwargs):
        super().initialize(**kwargs)
        private.tag = tag
        private.seen.append(tag)

    def describe(self):
        return f"{private.prefix}{private.tag}:{private.count()}"

    made = Layer(
        "WithPrivate", initialize=initialize, describe=describe,
        private={"prefix": "#", "seen": [], "count": lambda self: len(private.seen)},
    )
    a, b = made(tag="a"), made(None, "b")
    assert (a.describe(), b.describe()) == ("#a:1", "#b:1")  # copies, one per instance
    assert "tag" not in vars(a) and not a.weights
    with pytest.raises(RuntimeError, match="inside the methods of WithPrivate only"):
        made.keras_class.describe.__globals__["private"].tag  # noqa: B018
    with pytest.raises(AttributeError, match="inside the methods of a class made by Layer"):
        private.tag  # noqa: B018  (the module's stand-in, outside any method)


def test_super_outside_the_methods_is_an_error():
    made = make_custom_dense("Outside")
    outside_super = made.keras_class.__init__.__globals__["super"]
    with pytest.raises(RuntimeError, match=r"`super\(\)` works inside the methods"):
        outside_super()


def test_active_property_reads_and_sets():
    def units(self, value=None):
        if value is None:
            return private.units
        private.units = value * 2

    made = Layer("Active", initialize=lambda self: super().initialize(),
                 units=active_property(units), twice=mark_active(lambda self: self.units * 2))
    layer = made()
    layer.units = 3
    assert (layer.units, layer.twice) == (6, 12)
    with pytest.raises(TypeError, match="`fn` must be a function"):
        active_property(3)


def test_inherit_a_class_made_here(keras):
    custom_dense = make_custom_dense()

    def call(self, inputs):
        return super().call(inputs) + 100.0

    shifted = Layer("ShiftedDense", call=call, inherit=custom_dense)
    layer = shifted(units=2)
    assert isinstance(layer, custom_dense) and issubclass(shifted.keras_class,
                                                          custom_dense.keras_class)
    x = np.ones((1, 4), dtype="float32")
    np.testing.assert_allclose(numbers(layer(x)), by_hand(layer, x) + 100.0, rtol=1e-5)


# -- errors at definition ---------------------------------------------------------------------
def test_definition_errors_name_what_was_wrong():
    with pytest.raises(TypeError, match="`classname` must be a non-empty string"):
        Layer(None)
    with pytest.raises(TypeError, match=r"Layer\(\): `call` must be a function"):
        Layer("Bad", call="op_matmul")
    with pytest.raises(TypeError, match=r"Bad.call: a method takes `self` first.*\(inputs\)"):
        Layer("Bad", call=lambda inputs: inputs)  # R's function(inputs), without self
    with pytest.raises(ValueError, match="give `initialize` or `__init__`, not both"):
        Layer("Bad", initialize=dense_initialize, public={"__init__": dense_initialize})
    with pytest.raises(TypeError, match="`public` must be a dict"):
        Layer("Bad", public=[dense_call])
    with pytest.raises(TypeError, match="`inherit` must be a class"):
        Layer("Bad", inherit="Dense")


COUNT = 0


def test_a_method_using_super_cannot_assign_module_globals():
    def initialize(self):
        global COUNT
        COUNT += 1
        super().initialize()

    with pytest.raises(TypeError, match=r"Bad.__init__: .*cannot also assign module globals"):
        Layer("Bad", initialize=initialize)

    def counting(self):  # without super: kept as it is, globals and all
        global COUNT
        COUNT += 1
        return COUNT

    made = Layer("Counting", count=counting)
    assert made().count() == COUNT == 1


def test_static_methods_and_plain_attributes_pass():
    made = Layer("Attrs", helper=staticmethod(lambda x: x + 1), rate=0.5, nothing=None)
    layer = made()
    assert (layer.helper(1), layer.rate, layer.nothing) == (2, 0.5, None)


# -- Model() -----------------------------------------------------------------------------------
def test_model_subclass_with_call(keras_engine):
    keras = keras_engine

    def initialize(self, **kwargs):
        super().initialize(**kwargs)
        self.dense_1 = layer_dense(units=64, activation="relu")
        self.dense_2 = layer_dense(units=10)

    # the functional API tutorial's MLP, pipes in call()
    MLP = Model(classname="MLP", initialize=initialize,
                call=lambda self, inputs: inputs | self.dense_1 | self.dense_2)
    assert isinstance(MLP, type) and issubclass(MLP, keras.Model)
    mlp = MLP(name="mlp")
    out = mlp(keras.ops.zeros((1, 32)))
    assert out.shape == (1, 10) and mlp.name == "mlp" and mlp.count_params() == 2762


def test_model_subclass_trains_and_predicts(keras_engine):
    def initialize(self, **kwargs):
        super().initialize(**kwargs)
        self.dense_1 = layer_dense(units=8, activation="relu")
        self.dense_2 = layer_dense(units=1)

    # Calls, not pipes: fit() traces call() and a traced JAX array does not pipe yet.
    Small = Model("Small", initialize=initialize,
                  call=lambda self, inputs: self.dense_2(self.dense_1(inputs)))
    model = Small()
    x = np.random.default_rng(0).standard_normal((32, 32)).astype("float32")
    y = x[:, :1]
    model.compile(optimizer="adam", loss="mse")
    history = model.fit(x, y, epochs=3, batch_size=8, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
    assert model.predict(x, verbose=0).shape == (32, 1)


def test_model_train_step_can_be_overridden(keras):
    calls = []

    def train_step(self, *args, **kwargs):
        calls.append(1)
        return super().train_step(*args, **kwargs)

    Wrapped = Model("Counted", train_step=train_step,
                    inherit=keras.Sequential)
    model = Wrapped([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(loss="mse", run_eagerly=True)
    model.fit(np.ones((4, 2)), np.ones((4, 1)), batch_size=2, epochs=1, verbose=0)
    assert len(calls) == 2


# -- Loss(), Metric(), Callback() in compile() and fit() ---------------------------------------
def test_loss_and_metric_in_compile_and_fit(keras):
    ops = keras.ops
    loss_custom_mse = Loss(
        "CustomMeanSquaredError",
        call=lambda self, y_true, y_pred: ops.mean(ops.square(y_pred - y_true), axis=-1),
    )

    def initialize(self, name="mean_abs", **kwargs):
        super().initialize(name=name, **kwargs)
        self.total = self.add_variable(shape=(), initializer="zeros", name="total")
        self.count = self.add_variable(shape=(), initializer="zeros", name="count")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.total.assign(self.total + ops.sum(ops.abs(y_true - y_pred)))
        self.count.assign(self.count + ops.cast(ops.size(y_true), self.dtype))

    def reset_state(self):
        self.total.assign(0.0)
        self.count.assign(0.0)

    metric_mean_abs = Metric("MeanAbs", initialize=initialize, update_state=update_state,
                             result=lambda self: self.total / self.count,
                             reset_state=reset_state)
    assert issubclass(loss_custom_mse, keras.losses.Loss)
    assert issubclass(metric_mean_abs, keras.metrics.Metric)

    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss=loss_custom_mse(),
                  metrics=[metric_mean_abs()])
    x = np.random.default_rng(1).standard_normal((16, 3)).astype("float32")
    y = x.sum(axis=1, keepdims=True)
    history = model.fit(x, y, epochs=4, batch_size=4, verbose=0)
    losses = history.history["loss"]
    assert losses[-1] < losses[0] and "mean_abs" in history.history
    evaluated = model.evaluate(x, y, verbose=0, return_dict=True)
    pred = model.predict(x, verbose=0)
    assert evaluated["loss"] == pytest.approx(float(np.mean((pred - y) ** 2)), rel=1e-4)
    assert evaluated["mean_abs"] == pytest.approx(float(np.mean(np.abs(pred - y))), rel=1e-4)


def test_callback_sees_1_based_epochs_and_batches_and_adds_to_logs(keras):
    seen = {"epochs": [], "batches": [], "begin": [], "alias": []}

    def on_epoch_end(self, epoch, logs=None):
        seen["epochs"].append(epoch)
        return {"epoch_r": float(epoch)}  # R: a named list returned goes into logs

    callback_record = Callback(
        "Record",
        on_epoch_end=on_epoch_end,
        on_train_batch_end=lambda self, batch, logs=None: seen["batches"].append(batch),
        on_train_begin=lambda self, logs=None: seen["begin"].append(self.params["epochs"]),
        on_batch_begin=lambda self, batch, logs=None: seen["alias"].append(batch),  # in `...`
    )
    assert issubclass(callback_record, keras.callbacks.Callback)
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    model.compile(loss="mean_squared_error")
    history = model.fit(np.ones((4, 1)), np.ones((4, 1)), epochs=3, batch_size=2, verbose=0,
                        callbacks=[callback_record()])
    assert seen == {"epochs": [1, 2, 3], "batches": [1, 2] * 3, "begin": [3],
                    "alias": [1, 2] * 3}
    assert history.history["epoch_r"] == [1.0, 2.0, 3.0]


def test_callback_can_stop_training(keras):
    def on_epoch_end(self, epoch, logs=None):
        if epoch == 2:
            self.model.stop_training = True

    stopper = Callback("StopAtTwo", on_epoch_end=on_epoch_end)
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    model.compile(loss="mse")
    history = model.fit(np.ones((2, 1)), np.ones((2, 1)), epochs=10, verbose=0,
                        callbacks=[stopper()])
    assert len(history.history["loss"]) == 2


# -- Constraint() and LearningRateSchedule() ---------------------------------------------------
def test_constraint_in_a_layer_keeps_the_kernel_nonnegative(keras_engine):
    keras = keras_engine
    ops = keras.ops
    constraint_nonnegative = Constraint(
        "NonNegative", call=lambda self, w: w * ops.cast(w >= 0, dtype=w.dtype))
    assert issubclass(constraint_nonnegative, keras.constraints.Constraint)
    assert numbers(constraint_nonnegative()(ops.convert_to_tensor([-1.0, 1.0]))).tolist() \
        == [0.0, 1.0]
    model = rk.keras_model_sequential(input_shape=c(3)) | layer_dense(
        units=4, kernel_constraint=constraint_nonnegative())
    model.compile(optimizer=keras.optimizers.SGD(1.0), loss="mse")
    x = np.random.default_rng(2).standard_normal((8, 3)).astype("float32")
    model.fit(x, -10 * np.ones((8, 4)), epochs=2, verbose=0)
    assert numbers(model.layers[0].kernel.value).min() >= 0


def test_learning_rate_schedule_in_an_optimizer(keras):
    def initialize(self, initial_learning_rate):
        self.initial_learning_rate = initial_learning_rate

    my_schedule = LearningRateSchedule(
        classname="MyLRSchedule", initialize=initialize,
        call=lambda self, step: self.initial_learning_rate / (
            keras.ops.cast(step, "float32") + 1),
        get_config=lambda self: {"initial_learning_rate": self.initial_learning_rate},
    )
    assert issubclass(my_schedule, keras.optimizers.schedules.LearningRateSchedule)
    optimizer = keras.optimizers.SGD(learning_rate=my_schedule(0.1))
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    model.compile(optimizer=optimizer, loss="mse")
    model.fit(np.ones((6, 1)), np.ones((6, 1)), batch_size=2, epochs=1, verbose=0)
    assert int(numbers(optimizer.iterations)) == 3
    assert float(numbers(optimizer.learning_rate)) == pytest.approx(0.1 / 4)


# -- serialization ----------------------------------------------------------------------------
def test_from_config_with_custom_objects_naming_the_r_constructor(keras_engine):
    keras = keras_engine
    custom_dense = make_custom_dense()
    inputs = keras_input(c(4))
    model = keras_model(inputs, custom_dense(inputs, 10))
    config = model.get_config()
    new_model = keras.Model.from_config(copy.deepcopy(config),  # Keras consumes the config
                                        custom_objects={"CustomDense": custom_dense})
    assert type(new_model.layers[1]) is custom_dense.keras_class
    assert new_model.layers[1].units == 10 and new_model.output_shape == (None, 10)
    with pytest.raises(TypeError, match="Could not locate class 'CustomDense'"):
        keras.Model.from_config(config)  # not registered, as in R keras3
    # one layer, through Keras's own (de)serialization
    layer = custom_dense(units=3)
    again = keras.saving.deserialize_keras_object(
        keras.saving.serialize_keras_object(layer), custom_objects={"CustomDense": custom_dense})
    assert type(again) is custom_dense.keras_class and again.units == 3


def test_save_and_load_a_model_with_a_custom_layer(keras_engine, tmp_path):
    keras = keras_engine
    custom_dense = make_custom_dense()
    inputs = keras_input(c(4))
    model = keras_model(inputs, inputs | custom_dense(units=3) | layer_dense(units=2))
    x = np.random.default_rng(3).standard_normal((5, 4)).astype("float32")
    path = tmp_path / "model.keras"
    model.save(path)
    loaded = keras.saving.load_model(path, custom_objects={"CustomDense": custom_dense})
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0),
                               rtol=1e-6, atol=1e-6)
    also = keras.saving.load_model(path, custom_objects=normalize_custom_objects([custom_dense]))
    np.testing.assert_allclose(also.predict(x, verbose=0), model.predict(x, verbose=0),
                               rtol=1e-6, atol=1e-6)


def test_register_keras_serializable_loads_without_custom_objects(keras_engine, tmp_path):
    keras = keras_engine
    from keras.src.saving import object_registration

    custom_dense = make_custom_dense("RegisteredDense")
    try:
        assert register_keras_serializable(custom_dense, package="RstyleTest") is custom_dense
        assert keras.saving.get_registered_name(custom_dense.keras_class) \
            == "RstyleTest>RegisteredDense"
        inputs = keras_input(c(4))
        model = keras_model(inputs, custom_dense(inputs, 2))
        model.save(tmp_path / "m.keras")
        loaded = keras.saving.load_model(tmp_path / "m.keras")
        x = np.ones((2, 4), dtype="float32")
        np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0),
                                   rtol=1e-6)
    finally:
        object_registration.GLOBAL_CUSTOM_OBJECTS.pop("RstyleTest>RegisteredDense", None)
        object_registration.GLOBAL_CUSTOM_NAMES.pop(custom_dense.keras_class, None)
    with pytest.raises(TypeError, match="`object` must be a class or a function"):
        register_keras_serializable(3)


def test_normalize_custom_objects(keras):
    custom_dense = make_custom_dense()
    cls = custom_dense.keras_class
    assert normalize_custom_objects(None) is None and normalize_custom_objects({}) is None
    assert normalize_custom_objects({"CustomDense": custom_dense}) == {"CustomDense": cls}
    assert normalize_custom_objects(custom_dense) == {"CustomDense": cls}
    assert normalize_custom_objects([custom_dense, layer_dense]) == {
        "CustomDense": cls, "Dense": keras.layers.Dense}


# -- R keras3's tutorials ---------------------------------------------------------------------
def test_functional_api_tutorials_custom_rnn(keras_engine):
    keras = keras_engine
    ops = keras.ops
    units, timesteps, input_dim, batch_size = 32, 10, 5, 16

    def initialize(self, **kwargs):
        super().initialize(**kwargs)
        self.units = units
        self.projection_1 = layer_dense(units=units, activation="tanh")
        self.projection_2 = layer_dense(units=units, activation="tanh")
        self.classifier = layer_dense(units=1)

    def call(self, inputs, **kwargs):
        outputs = []
        state = ops.zeros(c(shape(inputs)[0], self.units))
        for t in range(shape(inputs)[1]):
            x = inputs[:, t, :]
            h = self.projection_1(x)
            y = h + self.projection_2(state)
            state = y
            outputs.append(y)
        features = ops.stack(outputs, axis=1)
        return self.classifier(features)

    layer_custom_rnn = Layer("CustomRNN", initialize=initialize, call=call)
    inputs = keras_input(batch_shape=shape(batch_size, timesteps, input_dim))
    outputs = inputs | rk.layer_conv_1d(filters=32, kernel_size=3) | layer_custom_rnn()
    model = keras_model(inputs, outputs)
    out = model(ops.zeros(c(1, 10, 5)))
    assert tuple(out.shape) == (1, 8, 1)


# -- Keras on demand --------------------------------------------------------------------------
def test_importing_the_module_imports_no_keras():
    got = run_python("""
        import json, sys
        import rstyle_keras.r.classes
        print(json.dumps(sorted(m for m in ("keras", "jax") if m in sys.modules)))
    """)
    assert got == []


def test_without_keras_the_error_says_what_to_install():
    got = run_python("""
        import json, sys
        sys.modules["keras"] = None
        from rstyle_keras.r.classes import Layer, Model
        out = []
        for make in (lambda: Layer("X"), lambda: Model("Y")):
            try:
                make()
                out.append(None)
            except ImportError as e:
                out.append(str(e))
        print(json.dumps(out))
    """)
    assert all(message and 'pip install "rstyle-keras[keras]"' in message for message in got)


def test_exports_are_the_r_names():
    assert set(classes.__all__) >= {
        "Layer", "Model", "Loss", "Metric", "Callback", "Constraint", "LearningRateSchedule",
        "new_layer_class", "new_model_class", "new_loss_class", "new_metric_class",
        "new_callback_class", "new_learning_rate_schedule_class", "active_property",
        "mark_active", "register_keras_serializable"}
    assert all(hasattr(classes, name) for name in classes.__all__)
