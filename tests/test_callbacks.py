"""R keras3's `callback_*()` functions and the R callables users pass to `compile()` and
`fit()` (`rstyle_keras.r.callbacks`, `rstyle_keras.r.verbs.as_loss`, `r.classes`).

* The eleven `callback_*()` of R keras3's NAMESPACE, one table row each (CASES): called
  with R-style arguments (whole floats, R's positional order), each equals the Keras
  callback made with Keras's arguments (its public attributes, type-strict); R's
  signatures; a guard test fails when a table row has no case. The one departure from
  R's sources (`callback_early_stopping(min_delta)`, FIXES) is checked to be needed.
* Each kind of R callable, used in a small `fit()`, with an effect that could fail:
  `callback_lambda()` and a `Callback()` class see R's 1-based epochs and batches; a
  schedule function (`callback_learning_rate_scheduler()`) and a `LearningRateSchedule()`
  class set the rates they say; `custom_metric()` and anonymous metric functions appear in
  the history under R's names with the right values; a loss function and a `Loss()`
  class give the loss they compute; a constraint function and a `Constraint()` class hold
  on the weights after training; a `new_layer_class()` layer trains and round-trips its
  config.
"""

from __future__ import annotations

import inspect
import os
import sys
import types

os.environ.setdefault("KERAS_BACKEND", "jax")  # before Keras is first imported

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from rstyle_keras import (  # noqa: E402
    Callback,
    Constraint,
    LearningRateSchedule,
    Loss,
    c,
    compile,
    config_engine,
    config_set_engine,
    custom_metric,
    fit,
    keras_model_sequential,
    layer_dense,
    new_callback_class,
    new_layer_class,
    new_learning_rate_schedule_class,
    optimizer_sgd,
    predict,
    shape,
)
from rstyle_keras.engine import CoreLacksError  # noqa: E402
from rstyle_keras.r import api_tables, callbacks, functions  # noqa: E402

ops = keras.ops

# R keras3's exported callback_*() names, verbatim from rstudio/keras3's NAMESPACE.
R_NAMES = """
    callback_backup_and_restore callback_csv_logger callback_early_stopping callback_lambda
    callback_learning_rate_scheduler callback_model_checkpoint callback_reduce_lr_on_plateau
    callback_remote_monitor callback_swap_ema_weights callback_tensorboard
    callback_terminate_on_nan
""".split()


def _schedule(epoch, lr):
    return lr


def _on_epoch_end(epoch, logs):
    return None


# name -> (R-style positional args, R-style named args, Keras class, Keras's kwargs).
# R-style: whole floats for R's integers (R's `patience = 2` is a double), R's order.
CASES = {
    "callback_backup_and_restore": (
        ("backups",), dict(save_freq=2.0, delete_checkpoint=False),
        keras.callbacks.BackupAndRestore,
        dict(backup_dir="backups", save_freq=2, delete_checkpoint=False)),
    "callback_csv_logger": (
        ("log.csv", ";"), dict(append=True), keras.callbacks.CSVLogger,
        dict(filename="log.csv", separator=";", append=True)),
    "callback_early_stopping": (
        ("loss", 0.01, 3.0), dict(verbose=1.0, mode="min", restore_best_weights=True,
                                  start_from_epoch=2.0),
        keras.callbacks.EarlyStopping,
        dict(monitor="loss", min_delta=0.01, patience=3, verbose=1, mode="min",
             restore_best_weights=True, start_from_epoch=2)),
    "callback_lambda": (
        (), dict(on_train_batch_end=_on_epoch_end), keras.callbacks.LambdaCallback,
        # its functions are wrapped (1-based): checked by the fit() tests below
        dict(on_train_batch_end=_on_epoch_end)),
    "callback_learning_rate_scheduler": (
        (_schedule, 1.0), {}, keras.callbacks.LearningRateScheduler,
        dict(schedule=_schedule, verbose=1)),
    "callback_model_checkpoint": (
        ("model.{epoch:02d}.keras",), dict(monitor="loss", verbose=1.0, save_best_only=True,
                                           save_freq=3.0),
        keras.callbacks.ModelCheckpoint,
        dict(filepath="model.{epoch:02d}.keras", monitor="loss", verbose=1,
             save_best_only=True, save_freq=3)),
    "callback_reduce_lr_on_plateau": (
        ("loss", 0.5, 2.0), dict(cooldown=1.0, min_lr=1e-4), keras.callbacks.ReduceLROnPlateau,
        dict(monitor="loss", factor=0.5, patience=2, cooldown=1, min_lr=1e-4)),
    "callback_remote_monitor": (
        ("http://example.org:9000", "/epochs/"), dict(send_as_json=True),
        keras.callbacks.RemoteMonitor,
        dict(root="http://example.org:9000", path="/epochs/", send_as_json=True)),
    "callback_swap_ema_weights": (
        (True,), {}, keras.callbacks.SwapEMAWeights, dict(swap_on_epoch=True)),
    "callback_tensorboard": (
        ("tb_logs", 1.0), dict(update_freq=5.0, embeddings_freq=2.0),
        keras.callbacks.TensorBoard,
        dict(log_dir="tb_logs", histogram_freq=1, update_freq=5, embeddings_freq=2)),
    "callback_terminate_on_nan": ((), {}, keras.callbacks.TerminateOnNaN, dict()),
}

# R's formals as Python signatures (R/callbacks.R).
SIGNATURES = {
    "callback_early_stopping": (
        "(monitor='val_loss', min_delta=0, patience=0, verbose=0, mode='auto', "
        "baseline=None, restore_best_weights=False, start_from_epoch=0)"),
    "callback_csv_logger": "(filename, separator=',', append=False)",
    "callback_lambda": (
        "(on_epoch_begin=None, on_epoch_end=None, on_train_begin=None, on_train_end=None, "
        "on_train_batch_begin=None, on_train_batch_end=None, **kwargs)"),
    "callback_learning_rate_scheduler": "(schedule, verbose=0)",
    "callback_terminate_on_nan": "()",
}


def public_state(obj) -> dict:
    """The callback's attributes, its functions by type only (they are wrapped)."""
    out = {}
    for name, value in vars(obj).items():
        if name.startswith("_"):
            continue
        out[name] = ("function",) if callable(value) else (type(value), value)
    return out


# -- the eleven callback_*() ----------------------------------------------------------------
def test_every_r_name_is_a_row_and_a_case():
    rows = [row[0] for row in api_tables.CALLBACKS]
    assert sorted(rows) == sorted(R_NAMES) == sorted(CASES)
    for name in R_NAMES:
        assert isinstance(getattr(callbacks, name), functions.RFunction)
        assert name in callbacks.__all__


@pytest.mark.parametrize("name", sorted(CASES))
def test_callback_equals_the_keras_callback(name, keras_engine, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args, kwargs, cls, keras_kwargs = CASES[name]
    made = getattr(callbacks, name)(*args, **kwargs)
    assert type(made) is cls
    assert public_state(made) == public_state(cls(**keras_kwargs))


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signature_is_r_formals(name):
    assert str(inspect.signature(getattr(callbacks, name))) == SIGNATURES[name]


def test_early_stopping_min_delta_is_a_double():
    """FIXES: R's `as_integer(min_delta)` would give Keras 0 for 0.01; a tolerance is a
    double, so 0.01 reaches Keras and a whole 0 becomes 0.0."""
    spec = callbacks.callback_early_stopping.spec
    assert spec.arguments({"min_delta": 0.01}) == {"min_delta": 0.01}
    assert spec.arguments({"min_delta": 0}) == {"min_delta": 0.0}
    assert int(0.01) == 0  # what R's as.integer() makes of it


def test_callbacks_are_keras_only():
    old = config_engine()
    config_set_engine("numpy")
    try:
        with pytest.raises(CoreLacksError, match="callback_early_stopping"):
            callbacks.callback_early_stopping()
    finally:
        config_set_engine(old)


def test_r_arguments_are_matched_as_r_does(keras_engine):
    with pytest.raises(TypeError, match="no argument `patiense`"):
        callbacks.callback_early_stopping(patiense=2)
    with pytest.raises(TypeError, match="`filename` is missing"):
        callbacks.callback_csv_logger()
    with pytest.raises(TypeError, match="`on_epoch_end` must be a function"):
        callbacks.callback_lambda(on_epoch_end=3)


# -- a tiny model -----------------------------------------------------------------------------
X = np.linspace(0.1, 1, 8, dtype="float32").reshape(8, 1)
Y = 2 * X + 1


def tiny_model(learning_rate=0.1, **dense):
    model = keras_model_sequential(input_shape=c(1)) | layer_dense(units=1, **dense)
    return model


def trained(model, loss="mse", metrics=None, optimizer=None, epochs=2, batch_size=4,
            callbacks_=None):
    model | compile(optimizer=optimizer or optimizer_sgd(0.1), loss=loss, metrics=metrics)
    history = model | fit(X, Y, epochs=epochs, batch_size=batch_size, verbose=0,
                          callbacks=callbacks_)
    return history


# -- callbacks in fit() ----------------------------------------------------------------------
def test_callback_lambda_sees_1_based_epochs_and_batches(keras_engine):
    seen = []
    cb = callbacks.callback_lambda(
        on_train_begin=lambda logs: seen.append("begin"),
        on_epoch_begin=lambda epoch, logs: seen.append(("epoch", epoch)),
        on_train_batch_end=lambda batch, logs: seen.append(("batch", batch)),
        on_epoch_end=lambda epoch, logs: {"twice_loss": 2 * logs["loss"]},
        on_test_batch_end=lambda batch, logs: seen.append(("test", batch)),  # R's `...`
    )
    history = trained(tiny_model(), epochs=2, callbacks_=[cb])
    assert seen[:4] == ["begin", ("epoch", 1), ("batch", 1), ("batch", 2)]
    assert seen[4:] == [("epoch", 2), ("batch", 1), ("batch", 2)]
    # a named list the function returns is added to the logs the history records
    assert np.allclose(history.history["twice_loss"], 2 * np.array(history.history["loss"]))
    model = tiny_model()
    trained(model, epochs=1)
    seen.clear()
    model.evaluate(X, Y, batch_size=4, verbose=0, callbacks=[cb])
    assert seen == [("test", 1), ("test", 2)]


def test_callback_class_sees_1_based_epochs_and_can_stop_training(keras_engine):
    def on_epoch_end(self, epoch, logs=None):
        self.epochs.append(epoch)
        if epoch == 2:
            self.model.stop_training = True

    def initialize(self):
        super().initialize()
        self.epochs = []

    callback_stop_at_2 = new_callback_class("StopAt2", initialize=initialize,
                                            on_epoch_end=on_epoch_end)
    cb = callback_stop_at_2()
    history = trained(tiny_model(), epochs=5, callbacks_=[cb])
    assert cb.epochs == [1, 2]
    assert len(history.history["loss"]) == 2
    assert Callback is new_callback_class


def test_learning_rate_scheduler_function(keras_engine):
    """R's schedule gets Keras's 0-based epoch (R keras3 documents it "indexed from 0") and
    the current rate; R's whole-number result (`1` is a double in R) is a float."""
    calls, rates = [], []

    def schedule(epoch, lr):
        calls.append((epoch, round(lr, 6)))
        return 1 if epoch == 0 else lr / 2  # R's `1` is a double

    record = callbacks.callback_lambda(
        on_epoch_begin=lambda epoch, logs: rates.append(
            float(ops.convert_to_numpy(model.optimizer.learning_rate))))
    model = tiny_model()
    trained(model, optimizer=optimizer_sgd(0.1), epochs=3,
            callbacks_=[callbacks.callback_learning_rate_scheduler(schedule), record])
    assert calls == [(0, 0.1), (1, 1.0), (2, 0.5)]
    assert rates == [1.0, 0.5, 0.25]


def test_learning_rate_schedule_class(keras_engine):
    def initialize(self, initial_learning_rate, decay):
        self.initial_learning_rate = initial_learning_rate
        self.decay = decay

    def call(self, step):
        return self.initial_learning_rate / (1 + self.decay * ops.cast(step, "float32"))

    schedule_inverse_time = new_learning_rate_schedule_class(
        "InverseTime", initialize=initialize, call=call,
        get_config=lambda self: {"initial_learning_rate": self.initial_learning_rate,
                                 "decay": self.decay})
    assert LearningRateSchedule is new_learning_rate_schedule_class
    schedule = schedule_inverse_time(0.1, 1.0)
    model = tiny_model()
    trained(model, optimizer=optimizer_sgd(learning_rate=schedule), epochs=2, batch_size=4)
    steps = int(model.optimizer.iterations)
    assert steps == 4  # 2 epochs of 2 batches
    assert float(model.optimizer.learning_rate) == pytest.approx(0.1 / (1 + steps))


def test_model_checkpoint_fills_the_filepath_with_1_based_epochs(keras_engine, tmp_path):
    cb = callbacks.callback_model_checkpoint(str(tmp_path / "m.{epoch:02d}.weights.h5"),
                                             monitor="loss", save_weights_only=True)
    trained(tiny_model(), epochs=2, callbacks_=[cb])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.01.weights.h5", "m.02.weights.h5"]


def test_csv_logger_and_early_stopping_in_fit(keras_engine, tmp_path):
    path = tmp_path / "log.csv"
    early = callbacks.callback_early_stopping(monitor="loss", patience=0.0, min_delta=100)
    trained(tiny_model(), epochs=5,
            callbacks_=[callbacks.callback_csv_logger(str(path)), early])
    lines = path.read_text().splitlines()
    assert lines[0] == "epoch,loss,val_loss"  # Keras's columns, as R keras3 writes them
    assert [line.split(",")[0] for line in lines[1:]] == ["0", "1"]  # stopped: no 100 gain
    assert early.stopped_epoch == 1


def test_remote_monitor_posts_each_epoch(keras_engine, monkeypatch):
    """No network: a stand-in for `requests` records what Keras would send."""
    from keras.src.callbacks import remote_monitor

    posted = []
    fake = types.SimpleNamespace(post=lambda url, **kw: posted.append((url, kw)))
    monkeypatch.setattr(remote_monitor, "requests", fake)
    cb = callbacks.callback_remote_monitor(root="http://monitor:1", path="/e/",
                                           send_as_json=True)
    trained(tiny_model(), epochs=2, callbacks_=[cb])
    assert [url for url, _ in posted] == ["http://monitor:1/e/"] * 2
    assert [kw["json"]["epoch"] for _, kw in posted] == [0, 1]  # Keras's, as R's sends


def test_tensorboard_in_fit(keras_engine, tmp_path):
    """TensorBoard writes its logs with TensorFlow's summary writer: with TensorFlow, the
    log folder fills; without it (this environment), fit() says TensorFlow is missing."""
    cb = callbacks.callback_tensorboard(log_dir=str(tmp_path / "tb"))
    try:
        import tensorflow  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="tensorflow"):
            trained(tiny_model(), epochs=1, callbacks_=[cb])
    else:
        trained(tiny_model(), epochs=1, callbacks_=[cb])
        assert any((tmp_path / "tb").rglob("*"))


def test_swap_ema_weights_and_terminate_on_nan_in_fit(keras_engine):
    swap = callbacks.callback_swap_ema_weights(swap_on_epoch=True)
    trained(tiny_model(), optimizer=optimizer_sgd(0.1, use_ema=True), epochs=2,
            callbacks_=[swap])
    assert swap._ema_weights_in_model  # swapped in at the end of the last epoch
    with pytest.raises(ValueError, match="use_ema=True"):  # it needs an EMA optimizer
        trained(tiny_model(), optimizer=optimizer_sgd(0.1), epochs=1,
                callbacks_=[callbacks.callback_swap_ema_weights(swap_on_epoch=True)])
    nan = callbacks.callback_terminate_on_nan()
    model = tiny_model()
    history = trained(model, optimizer=optimizer_sgd(1e30), epochs=5, callbacks_=[nan])
    assert len(history.history["loss"]) < 5  # the loss overflowed: training stopped


# -- metrics and losses ----------------------------------------------------------------------
def test_custom_metric_in_history_with_its_name_and_value(keras_engine):
    metric_mean_pred = custom_metric("mean_pred", lambda y_true, y_pred: ops.mean(y_pred))
    model = tiny_model()
    history = trained(model, optimizer=optimizer_sgd(0.0), metrics=[metric_mean_pred],
                      epochs=2)
    assert list(history.history) == ["loss", "mean_pred"]
    expected = float(np.mean(model | predict(X, verbose=0)))  # weights never moved (lr 0)
    assert history.history["mean_pred"] == pytest.approx([expected] * 2, rel=1e-5)
    assert str(inspect.signature(metric_mean_pred)) == "(y_true, y_pred)"


def test_anonymous_metric_functions_get_r_names(keras_engine):
    """R names an anonymous R function "custom_metric" (in a list, `custom_metric_<i>`);
    a `def` function keeps its own name (R's `attr(fn, "name")`)."""
    def max_pred(y_true, y_pred):
        return ops.max(y_pred)

    history = trained(tiny_model(), metrics=lambda y_true, y_pred: ops.mean(y_pred),
                      epochs=1)
    assert list(history.history) == ["custom_metric", "loss"] or \
        set(history.history) == {"custom_metric", "loss"}
    history = trained(tiny_model(), epochs=1, metrics=[
        "mae", lambda y_true, y_pred: ops.mean(y_pred), max_pred])
    assert set(history.history) == {"loss", "mae", "custom_metric_2", "max_pred"}


def test_loss_function_and_loss_class(keras_engine):
    """A loss function (anonymous: R names it custom_loss) and a Loss() class give the
    loss they compute: with learning rate 0, Keras's reported loss is their value."""
    model = tiny_model()
    history = trained(model, optimizer=optimizer_sgd(0.0), epochs=1,
                      loss=lambda y_true, y_pred: ops.mean(ops.abs(y_true - y_pred), axis=-1))
    predicted = model | predict(X, verbose=0)
    expected = float(np.mean(np.abs(Y - predicted)))
    assert history.history["loss"][0] == pytest.approx(expected, rel=1e-5)
    assert model.loss.__name__ == "custom_loss"

    loss_scaled_mae = Loss("ScaledMAE", call=lambda self, y_true, y_pred:
                           3 * ops.mean(ops.abs(y_true - y_pred), axis=-1))
    model = tiny_model()
    history = trained(model, optimizer=optimizer_sgd(0.0), epochs=1, loss=loss_scaled_mae())
    predicted = model | predict(X, verbose=0)
    assert history.history["loss"][0] == pytest.approx(
        3 * float(np.mean(np.abs(Y - predicted))), rel=1e-5)


# -- constraints and layers ------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["function", "class"])
def test_constraint_holds_on_the_weights_after_fit(kind, keras_engine):
    nonneg = lambda w: w * ops.cast(w >= 0, w.dtype)  # noqa: E731
    if kind == "class":
        nonneg = Constraint("NonNegative", call=lambda self, w: w * ops.cast(w >= 0, w.dtype))()
    model = tiny_model(kernel_constraint=nonneg,
                       kernel_initializer=keras.initializers.Constant(0.5))
    model | compile(optimizer=optimizer_sgd(0.5), loss="mse")
    model | fit(X, -5 * X, epochs=3, batch_size=4, verbose=0)  # pushes the kernel below 0
    kernel = ops.convert_to_numpy(model.layers[0].kernel)
    assert (kernel >= 0).all()
    unconstrained = tiny_model(kernel_initializer=keras.initializers.Constant(0.5))
    unconstrained | compile(optimizer=optimizer_sgd(0.5), loss="mse")
    unconstrained | fit(X, -5 * X, epochs=3, batch_size=4, verbose=0)
    assert (ops.convert_to_numpy(unconstrained.layers[0].kernel) < 0).all()


def test_new_layer_class_trains_and_round_trips_its_config(keras_engine):
    def initialize(self, units=32, **kwargs):
        super().initialize(**kwargs)
        self.units = int(units)

    def build(self, input_shape):
        self.w = self.add_weight(shape=shape(input_shape[-1], self.units),
                                 initializer="random_normal", trainable=True)
        self.b = self.add_weight(shape=shape(self.units), initializer="zeros", trainable=True)

    def call(self, inputs):
        return ops.matmul(inputs, self.w) + self.b

    def get_config(self):
        return {**super().get_config(), "units": self.units}

    layer_linear = new_layer_class("Linear", initialize=initialize, build=build, call=call,
                                   get_config=get_config)
    model = keras_model_sequential(input_shape=c(1)) | layer_linear(units=1.0)
    before = [ops.convert_to_numpy(w).copy() for w in model.layers[0].weights]
    history = trained(model, epochs=3)
    after = [ops.convert_to_numpy(w) for w in model.layers[0].weights]
    assert all(not np.allclose(a, b) for a, b in zip(before, after))
    assert history.history["loss"][-1] < history.history["loss"][0]
    config = model.layers[0].get_config()
    assert config["units"] == 1
    again = layer_linear.from_config(config)
    assert type(again).__name__ == "Linear" and again.units == 1
    restored = keras.Sequential.from_config(model.get_config(),
                                            custom_objects={"Linear": layer_linear})
    assert type(restored.layers[0]).__name__ == "Linear"


def test_importing_callbacks_does_not_import_keras():
    import subprocess

    code = ("import sys, rstyle_keras.r.callbacks as m; "
            "print('keras' in sys.modules, len(m.__all__))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "12"]
