"""The R verbs and model functions (`verb_table.VERBS`): every row in both call forms,
`verb(model, ...)` and `model | verb(...)`, with R keras3's return values; R keras3's
argument conversions (R/model-training.R), checked on what Keras receives; the 1-based
`index`; freeze_weights()/unfreeze_weights() against R/freeze.R; the NumPy core's verbs;
waiting calls. Saving is in test_saving.py, the history's print and plot in
test_history_plot.py."""

from __future__ import annotations

import builtins
import re

import numpy as np
import pytest

import rstyle_keras as rk
from rstyle_keras import (
    CoreLacksError,
    c,
    clone_model,
    compile,
    config_set_engine,
    count_params,
    evaluate,
    fit,
    freeze_weights,
    from_config,
    get_config,
    get_layer,
    get_weights,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_average_pooling_2d,
    layer_batch_normalization,
    layer_concatenate,
    layer_dense,
    layer_max_pooling_2d,
    load_model,
    load_model_weights,
    plot,
    pop_layer,
    predict,
    predict_on_batch,
    save_model,
    save_model_config,
    save_model_weights,
    set_weights,
    summary,
    train_on_batch,
    unfreeze_weights,
)
from rstyle_keras.r.verb_table import VERBS
from rstyle_keras.r.verbs import Waiting
from tests.keras_reference import KERAS_SKIP_REASON, import_keras

# The verb test_on_batch is used as rk.test_on_batch: imported under a name starting with
# "test", pytest would try to collect it.
VERB_NAMES = [row[0] for row in VERBS]
FORMS = ("call", "pipe")
RNG = np.random.default_rng(0)
X = RNG.random((32, 4)).astype("float32")
Y = (X.sum(axis=1) > 2).astype("int32")


@pytest.fixture
def keras():
    """The "keras" engine for one test (the plugin restores the engine after it)."""
    found = import_keras()
    if found is None:
        pytest.skip(KERAS_SKIP_REASON)
    config_set_engine("keras")
    return rk.dispatch.keras()


def run(form, verb, obj, *args, **kwargs):
    """`verb(obj, ...)` or `obj | verb(...)`; the second through a Waiting that names it."""
    if form == "call":
        return verb(obj, *args, **kwargs)
    waiting = verb(*args, **kwargs)
    assert isinstance(waiting, Waiting), waiting
    assert f"{verb.__name__}()" in repr(waiting)
    return obj | waiting


def tiny(name="tiny"):
    """Dense 4 -> 8 -> 2 (softmax): 40 + 18 = 58 weights."""
    return (keras_model_sequential(input_shape=c(4), name=name)
            | layer_dense(units=8, activation="relu", name="hidden")
            | layer_dense(units=2, activation="softmax", name="out"))


def compiled(metrics="accuracy", **kwargs):
    model = tiny()
    compile(model, optimizer="adam", loss="sparse_categorical_crossentropy",
            metrics=metrics, run_eagerly=True, **kwargs)
    return model


def spy(monkeypatch, obj, method):
    """Record the keyword arguments of each `obj.method(...)` call (the call still runs)."""
    calls = []
    real = getattr(obj, method)

    def recording(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(obj, method, recording)
    return calls


def core_model():
    """A core (NumPy engine) Sequential of two pooling layers."""
    return (keras_model_sequential(input_shape=c(4, 4, 1), name="core")
            | layer_max_pooling_2d(pool_size=2, strides=1)
            | layer_average_pooling_2d(pool_size=c(2, 2)))


# -- every row of the table, both call forms -------------------------------------------
CASES = {}


def case(name):
    def register(function):
        CASES[name] = function
        return function
    return register


@case("compile")
def _compile(form, keras, tmp_path, capsys):
    model = tiny()
    out = run(form, compile, model, optimizer="adam", loss="mse", metrics="mae",
              run_eagerly=True)
    assert out is model
    assert isinstance(model.optimizer, keras.optimizers.Adam)
    assert model.loss == "mse"
    assert set(evaluate(model, X, np.zeros((32, 2)))) == {"loss", "mae"}


@case("fit")
def _fit(form, keras, tmp_path, capsys):
    model = compiled()
    history = run(form, fit, model, X, Y, epochs=2, batch_size=16, validation_split=0.25)
    assert isinstance(history, keras.callbacks.History)
    assert isinstance(history, rk.HistoryMethods)
    assert history.metrics.names() == ("accuracy", "loss", "val_accuracy", "val_loss")
    for name in history.metrics.names():
        assert len(history.metrics[name]) == 2
        assert history.metrics[name] == [float(v) for v in history.history[name]]
    assert history.metrics.loss == history.metrics["loss"]
    assert history.params["epochs"] == 2
    assert str(history).startswith("Final epoch (plot to see history):\n")


@case("evaluate")
def _evaluate(form, keras, tmp_path, capsys):
    model = compiled()
    result = run(form, evaluate, model, X, Y, batch_size=8.0)
    assert isinstance(result, dict)
    assert set(result) == {"loss", "accuracy"}
    expected = model.evaluate(X, Y, verbose=0, return_dict=True)
    assert result == pytest.approx(expected)


@case("predict")
def _predict(form, keras, tmp_path, capsys):
    model = tiny()
    out = run(form, predict, model, X, batch_size=8)
    assert isinstance(out, np.ndarray)
    assert out.shape == (32, 2)
    np.testing.assert_allclose(out, keras.ops.convert_to_numpy(model(X)), rtol=1e-5)


@case("predict_on_batch")
def _predict_on_batch(form, keras, tmp_path, capsys):
    model = tiny()
    out = run(form, predict_on_batch, model, X[:5])
    assert isinstance(out, np.ndarray)
    np.testing.assert_allclose(out, keras.ops.convert_to_numpy(model(X[:5])), rtol=1e-5)


@case("test_on_batch")
def _test_on_batch(form, keras, tmp_path, capsys):
    model = compiled()
    before = model.get_weights()
    result = run(form, rk.test_on_batch, model, X, Y)
    assert isinstance(result, dict) and set(result) == {"loss", "accuracy"}
    assert result["loss"] == pytest.approx(model.evaluate(X, Y, verbose=0, batch_size=32)[0])
    for old, new in zip(before, model.get_weights()):
        np.testing.assert_array_equal(old, new)  # no update
    # only the loss: that number, not a dict of one (R: is_scalar(result))
    loss_only = compiled(metrics=None)
    value = run(form, rk.test_on_batch, loss_only, X, Y)
    assert isinstance(value, float)
    assert value == pytest.approx(loss_only.evaluate(X, Y, verbose=0, batch_size=32))


@case("train_on_batch")
def _train_on_batch(form, keras, tmp_path, capsys):
    model = compiled()
    before = model.get_weights()
    result = run(form, train_on_batch, model, X, Y)
    assert isinstance(result, dict) and set(result) == {"loss", "accuracy"}
    assert any(not np.array_equal(old, new) for old, new in zip(before, model.get_weights()))
    value = run(form, train_on_batch, compiled(metrics=None), X, Y)
    assert isinstance(value, float) and np.isfinite(value)


@case("summary")
def _summary(form, keras, tmp_path, capsys):
    model = tiny()
    capsys.readouterr()
    assert run(form, summary, model) is None
    out = capsys.readouterr().out
    assert 'Model: "tiny"' in out
    assert "hidden (Dense)" in out and "out (Dense)" in out
    assert "Total params: 58" in out
    assert "Trai" not in out.split("Total params")[0]  # no frozen weights: no column
    freeze_weights(model, to="hidden")
    run(form, summary, model)
    out = capsys.readouterr().out
    # R's show_trainable = NA: the Trainable column once some weights are frozen
    assert re.search(r"hidden \(Dense\) .*│\s+N\s+│", out), out
    assert re.search(r"out \(Dense\) .*│\s+Y\s+│", out), out
    assert "Non-trainable params: 40" in out


@case("plot")
def _plot(form, keras, tmp_path, capsys):
    plt = pyplot()
    history = fit(compiled(), X, Y, epochs=2, validation_data=list((X, Y)))
    figure = run(form, plot, history)
    assert isinstance(figure, plt.Figure)
    assert [ax.get_ylabel() for ax in figure.axes] == ["accuracy", "loss"]
    plt.close(figure)


@case("get_layer")
def _get_layer(form, keras, tmp_path, capsys):
    model = tiny()
    assert run(form, get_layer, model, "out") is model.layers[1]
    assert run(form, get_layer, model, index=1) is model.layers[0]
    assert run(form, get_layer, model, index=-1) is model.layers[1]
    assert run(form, get_layer, model, index=2.0) is model.layers[1]


@case("pop_layer")
def _pop_layer(form, keras, tmp_path, capsys):
    model = tiny()
    last = model.layers[-1]
    popped = run(form, pop_layer, model)
    assert popped is last
    assert [layer.name for layer in model.layers] == ["hidden"]
    assert model.output_shape == (None, 8)
    assert count_params(model) == 40


@case("clone_model")
def _clone_model(form, keras, tmp_path, capsys):
    model = tiny()
    clone = run(form, clone_model, model)
    assert isinstance(clone, keras.Sequential) and clone is not model
    assert clone.get_config() == model.get_config()
    assert all(a is not b for a, b in zip(clone.layers, model.layers))
    renamed = run(form, clone_model, model,
                  clone_function=lambda layer: layer.__class__.from_config(
                      {**layer.get_config(), "name": f"{layer.name}_copy"}))
    assert [layer.name for layer in renamed.layers] == ["hidden_copy", "out_copy"]


@case("count_params")
def _count_params(form, keras, tmp_path, capsys):
    model = tiny()
    assert run(form, count_params, model) == 58
    assert run(form, count_params, get_layer(model, "hidden")) == 4 * 8 + 8


@case("get_weights")
def _get_weights(form, keras, tmp_path, capsys):
    model = keras_model_sequential(input_shape=c(4)) | layer_dense(units=3) \
        | layer_batch_normalization()
    everything = run(form, get_weights, model)
    assert [w.shape for w in everything] == [(4, 3), (3,), (3,), (3,), (3,), (3,)]
    assert all(isinstance(w, np.ndarray) for w in everything)
    for na in (None, float("nan")):
        assert [w.shape for w in run(form, get_weights, model, trainable=na)] == \
            [w.shape for w in everything]
    trainable = run(form, get_weights, model, trainable=True)
    frozen = run(form, get_weights, model, trainable=False)
    assert len(trainable) == 4 and len(frozen) == 2  # kernel, bias, gamma, beta | moving
    assert all(isinstance(w, np.ndarray) for w in trainable + frozen)
    np.testing.assert_array_equal(trainable[0], everything[0])
    np.testing.assert_array_equal(frozen[1], np.ones(3))  # moving_variance starts at 1
    with pytest.raises(ValueError, match="`trainable` must be NA"):
        run(form, get_weights, model, trainable="yes")


@case("set_weights")
def _set_weights(form, keras, tmp_path, capsys):
    model = tiny()
    new = [np.full_like(w, i + 1) for i, w in enumerate(model.get_weights())]
    assert run(form, set_weights, model, new) is model
    for got, want in zip(model.get_weights(), new):
        np.testing.assert_array_equal(got, want)
    layer = get_layer(model, "out")
    assert run(form, set_weights, layer, [np.zeros((8, 2)), np.ones(2)]) is layer
    np.testing.assert_array_equal(layer.get_weights()[1], np.ones(2))


@case("freeze_weights")
def _freeze_weights(form, keras, tmp_path, capsys):
    model = tiny()
    assert run(form, freeze_weights, model) is model
    assert not model.trainable and count_params(model) == 58
    assert model.trainable_weights == []
    assert run(form, freeze_weights, model, from_="out") is model
    assert [layer.trainable for layer in model.layers] == [True, False]


@case("unfreeze_weights")
def _unfreeze_weights(form, keras, tmp_path, capsys):
    model = tiny()
    freeze_weights(model)
    assert run(form, unfreeze_weights, model) is model
    assert model.trainable and len(model.trainable_weights) == 4
    assert run(form, unfreeze_weights, model, to=1) is model
    assert [layer.trainable for layer in model.layers] == [True, False]


@case("get_config")
def _get_config(form, keras, tmp_path, capsys):
    model = tiny()
    config = run(form, get_config, model)
    assert isinstance(config, dict)
    assert config.keras_class is keras.Sequential
    assert config == model.get_config()
    rebuilt = from_config(config)
    assert isinstance(rebuilt, keras.Sequential) and rebuilt is not model
    assert rebuilt.get_config() == model.get_config()
    layer_config = run(form, get_config, get_layer(model, "hidden"))
    assert layer_config.keras_class is keras.layers.Dense
    assert layer_config["units"] == 8
    dense = from_config(layer_config)
    assert isinstance(dense, keras.layers.Dense) and dense.units == 8


@case("save_model")
def _save_model(form, keras, tmp_path, capsys):
    model = tiny()
    path = tmp_path / f"{form}.keras"
    assert run(form, save_model, model, str(path)) is model
    np.testing.assert_allclose(load_model(path).predict(X, verbose=0),
                               model.predict(X, verbose=0), rtol=1e-6)
    raw = run(form, save_model, model)
    assert isinstance(raw, bytes) and raw[:2] == b"PK"  # a .keras file is a zip


@case("save_model_weights")
def _save_model_weights(form, keras, tmp_path, capsys):
    model = tiny()
    path = tmp_path / f"{form}.weights.h5"
    assert run(form, save_model_weights, model, str(path)) is model
    assert path.is_file()
    other = tiny("other")
    load_model_weights(other, str(path))
    np.testing.assert_allclose(predict(other, X), predict(model, X), rtol=1e-6)


@case("load_model_weights")
def _load_model_weights(form, keras, tmp_path, capsys):
    model = tiny()
    path = tmp_path / "w.weights.h5"
    model.save_weights(str(path))
    other = tiny("other")
    assert not np.allclose(predict(other, X), predict(model, X))
    assert run(form, load_model_weights, other, str(path)) is other
    np.testing.assert_allclose(predict(other, X), predict(model, X), rtol=1e-6)


@case("save_model_config")
def _save_model_config(form, keras, tmp_path, capsys):
    model = tiny()
    path = tmp_path / f"{form}.json"
    assert run(form, save_model_config, model, str(path)) is model
    assert path.read_text().strip() == model.to_json()
    assert run(form, save_model_config, model) == model.to_json()


def pyplot():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def test_every_row_of_the_table_has_a_case_and_is_exported():
    assert sorted(CASES) == sorted(VERB_NAMES)
    for name in VERB_NAMES:
        assert name in rk.__all__
        assert getattr(rk, name).__name__ == name


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", VERB_NAMES)
def test_every_verb_in_both_call_forms(name, form, keras, tmp_path, capsys):
    CASES[name](form, keras, tmp_path, capsys)


# -- R's conversions (R/model-training.R), checked on what Keras receives ----------------
@pytest.mark.parametrize("metrics", ["accuracy", c("accuracy"), ["accuracy"]],
                         ids=["string", "c()", "list"])
def test_metrics_reach_keras_as_a_list(keras, monkeypatch, metrics):
    model = tiny()
    calls = spy(monkeypatch, model, "compile")
    compile(model, loss="sparse_categorical_crossentropy", metrics=metrics)
    assert calls == [{"loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]}]
    assert set(evaluate(model, X, Y)) == {"loss", "accuracy"}


def test_compile_forwards_only_what_the_call_names(keras, monkeypatch):
    model = tiny()
    calls = spy(monkeypatch, model, "compile")
    model | compile(loss="mse")
    assert calls == [{"loss": "mse"}]  # R: capture_args(), no defaults added
    model | compile(loss="mse", steps_per_execution=2.0, weighted_metrics="mae")
    assert calls[1] == {"loss": "mse", "steps_per_execution": 2, "weighted_metrics": ["mae"]}
    assert type(calls[1]["steps_per_execution"]) is int


def test_loss_and_loss_weights_vectors_become_lists(keras, monkeypatch):
    inputs = keras_input(shape=c(4), name="x")
    first = inputs | layer_dense(units=1, name="first")
    second = inputs | layer_dense(units=1, name="second")
    model = keras_model(inputs, [first, second])
    calls = spy(monkeypatch, model, "compile")
    compile(model, optimizer="sgd", loss=c("mse", "mae"), loss_weights=c(1, 0.2),
            run_eagerly=True)
    assert calls[0]["loss"] == ["mse", "mae"]
    assert calls[0]["loss_weights"] == [1, 0.2]
    targets = [np.ones((32, 1)), np.zeros((32, 1))]
    result = evaluate(model, X, targets)
    per_output = [model.evaluate(X, targets, verbose=0, return_dict=True)[key]
                  for key in ("first_loss", "second_loss")]
    assert result["loss"] == pytest.approx(per_output[0] + 0.2 * per_output[1], rel=1e-5)


@pytest.mark.parametrize("verb, extra", [
    (fit, {"epochs": 2.0, "batch_size": 16.0, "steps_per_epoch": 2.0, "verbose": 0.0,
           "validation_freq": 1.0}),
    (evaluate, {"batch_size": 8.0, "steps": 2.0, "verbose": 0.0}),
])
def test_whole_floats_reach_keras_as_ints(keras, monkeypatch, verb, extra):
    model = compiled()
    calls = spy(monkeypatch, model, verb.__name__)
    verb(model, X, Y, **extra)
    assert len(calls) == 1
    for name, value in extra.items():
        assert calls[0][name] == int(value) and type(calls[0][name]) is int, name


def test_predict_whole_floats_reach_keras_as_ints(keras, monkeypatch):
    model = tiny()
    calls = spy(monkeypatch, model, "predict")
    assert predict(model, X, batch_size=8.0, steps=2.0, verbose=0.0).shape == (16, 2)
    assert len(calls) == 1 and calls[0]["x"] is X
    assert {k: (v, type(v)) for k, v in calls[0].items() if k != "x"} == \
        {"batch_size": (8, int), "steps": (2, int), "verbose": (0, int)}


@pytest.mark.parametrize("name", ["epochs", "batch_size", "steps_per_epoch", "verbose",
                                  "initial_epoch", "validation_freq"])
@pytest.mark.parametrize("form", FORMS)
def test_a_fractional_count_is_a_type_error_naming_it(keras, monkeypatch, name, form):
    model = compiled()
    calls = spy(monkeypatch, model, "fit")
    with pytest.raises(TypeError, match=f"`{name}`"):
        run(form, fit, model, X, Y, **{name: 2.5})
    assert calls == []  # refused before Keras is called


def test_validation_data_as_an_r_list_works_as_a_tuple(keras, monkeypatch):
    model, twin = compiled(), compiled()
    twin.set_weights(model.get_weights())
    x_val, y_val = X[:8], Y[:8]
    calls = spy(monkeypatch, model, "fit")
    by_list = fit(model, X, Y, epochs=2, shuffle=False, validation_data=list((x_val, y_val)))
    by_tuple = fit(twin, X, Y, epochs=2, shuffle=False, validation_data=(x_val, y_val))
    assert isinstance(calls[0]["validation_data"], tuple)
    assert [a is b for a, b in zip(calls[0]["validation_data"], (x_val, y_val))] == [True] * 2
    assert by_list.metrics.names() == ("accuracy", "loss", "val_accuracy", "val_loss")
    assert by_list.metrics.val_loss == pytest.approx(by_tuple.metrics.val_loss)
    with pytest.raises(ValueError, match="list\\(x_val, y_val\\)"):
        fit(model, X, Y, validation_data=[x_val, y_val, None, None])


@pytest.mark.parametrize("class_weight", [
    c(1, 5), [1, 5], np.array([1.0, 5.0]), {"0": 1, "1": 5}, {0: 1, 1: 5.0},
], ids=["c()", "list", "array", "dict-of-strings", "dict-of-ints"])
def test_class_weight_reaches_keras_by_class(keras, monkeypatch, class_weight):
    model = compiled()
    calls = spy(monkeypatch, model, "fit")
    fit(model, X, Y, class_weight=class_weight)
    assert calls[0]["class_weight"] == {0: 1.0, 1: 5.0}
    assert all(type(k) is int for k in calls[0]["class_weight"])
    batch_calls = spy(monkeypatch, model, "train_on_batch")
    train_on_batch(model, X, Y, class_weight=class_weight)
    assert batch_calls[0]["class_weight"] == {0: 1.0, 1: 5.0}


def test_class_weight_by_position_weighs_the_loss_as_keras_does(keras):
    """Position 1 is class 0: the loss equals Keras's with {0: 1, 1: 5} on the same model."""
    ours = compiled(metrics=None)
    theirs = clone_model(ours)
    theirs.set_weights(ours.get_weights())
    theirs.compile(optimizer="adam", loss="sparse_categorical_crossentropy", run_eagerly=True)
    unweighted = rk.test_on_batch(ours, X, Y)
    weighted = train_on_batch(ours, X, Y, class_weight=c(1, 5))
    expected = theirs.train_on_batch(X, Y, class_weight={0: 1.0, 1: 5.0})
    assert weighted == pytest.approx(float(expected), rel=1e-6)
    assert weighted != pytest.approx(unweighted, rel=1e-3)


@pytest.mark.parametrize("bad, error", [
    ("heavy", TypeError), ({"cat": 2}, ValueError),
])
def test_a_bad_class_weight_says_what_it_takes(keras, bad, error):
    with pytest.raises(error, match="class_weight"):
        fit(compiled(), X, Y, class_weight=bad)


def test_initial_epoch_is_1_based(keras, monkeypatch):
    model = compiled()
    calls = spy(monkeypatch, model, "fit")
    history = model | fit(X, Y, epochs=3, initial_epoch=2)
    assert calls[0]["initial_epoch"] == 1 and calls[0]["epochs"] == 3
    assert len(history.metrics.loss) == 2  # epochs 2 and 3
    assert history.epoch == [1, 2]  # Keras's 0-based epoch numbers
    with pytest.raises(ValueError, match="1-based"):
        fit(model, X, Y, epochs=3, initial_epoch=0)


def two_input_model():
    a = keras_input(shape=c(3), name="a")
    b = keras_input(shape=c(2), name="b")
    output = layer_concatenate(a, b) | layer_dense(units=1, name="out")
    model = keras_model(inputs=list((a, b)), outputs=output)
    compile(model, optimizer="sgd", loss="mse", run_eagerly=True)
    return model


def test_multi_input_x_as_a_list_and_as_a_dict_by_input_name(keras):
    model = two_input_model()
    xa, xb = RNG.random((16, 3)), RNG.random((16, 2))
    y = RNG.random((16, 1))
    expected = keras.ops.convert_to_numpy(model([xa, xb]))
    as_list = predict(model, [xa, xb])
    as_dict = model | predict({"a": xa, "b": xb})
    np.testing.assert_allclose(as_list, expected, rtol=1e-5)
    np.testing.assert_allclose(as_dict, expected, rtol=1e-5)
    # the dict is matched by name, not by order
    np.testing.assert_allclose(predict(model, {"b": xb, "a": xa}), expected, rtol=1e-5)
    assert evaluate(model, [xa, xb], y) == pytest.approx(evaluate(model, {"a": xa, "b": xb}, y))
    history = model | fit({"a": xa, "b": xb}, y, epochs=2)
    assert len(history.metrics.loss) == 2
    history = fit(model, list((xa, xb)), y, epochs=1, validation_data=list(([xa, xb], y)))
    assert "val_loss" in history.metrics.names()


def test_numbers_written_as_r_vectors_are_arrays(keras, monkeypatch):
    model = tiny()
    calls = spy(monkeypatch, model, "predict")
    out = predict(model, [[0.1, 0.2, 0.3, 0.4], [1, 2, 3, 4]])
    assert out.shape == (2, 2)
    assert isinstance(calls[0]["x"], np.ndarray) and calls[0]["x"].shape == (2, 4)


@pytest.mark.parametrize("setting, expected", [(None, "auto"), ("auto", "auto"),
                                               ("0", 0), ("1", 1), ("2", 2)])
def test_verbose_auto_follows_rstyle_keras_verbose(keras, monkeypatch, capsys, setting,
                                                   expected):
    if setting is None:
        monkeypatch.delenv("RSTYLE_KERAS_VERBOSE")
    else:
        monkeypatch.setenv("RSTYLE_KERAS_VERBOSE", setting)
    model = compiled()
    calls = {verb: spy(monkeypatch, model, verb) for verb in ("fit", "evaluate", "predict")}
    fit(model, X, Y)
    evaluate(model, X, Y)
    predict(model, X)
    for verb, recorded in calls.items():
        assert recorded[0]["verbose"] == expected, verb  # R forwards verbose always
    fit(model, X, Y, verbose=0)
    assert calls["fit"][1]["verbose"] == 0  # an explicit value wins


def test_a_bad_verbose_is_a_value_error(keras, monkeypatch):
    with pytest.raises(ValueError, match="verbose"):
        fit(compiled(), X, Y, verbose=3)
    with pytest.raises(ValueError, match="verbose"):
        predict(tiny(), X, verbose="loud")
    monkeypatch.setenv("RSTYLE_KERAS_VERBOSE", "loud")
    with pytest.raises(ValueError, match="RSTYLE_KERAS_VERBOSE"):
        predict(tiny(), X)


@pytest.mark.parametrize("verb", ["fit", "evaluate", "predict"])
def test_verbose_1_shows_keras_progress_and_0_nothing(keras, capsys, verb):
    model = compiled()
    args = (X,) if verb == "predict" else (X, Y)
    capsys.readouterr()
    getattr(rk, verb)(model, *args, verbose=0)
    assert capsys.readouterr().out == ""
    epochs = {"epochs": 2} if verb == "fit" else {}
    getattr(rk, verb)(model, *args, batch_size=16, verbose=1, **epochs)
    out = capsys.readouterr().out
    assert "2/2" in out and "━" in out, out
    if verb == "fit":
        assert "Epoch 1/2" in out and "Epoch 2/2" in out


def test_verbose_2_prints_a_line_per_epoch(keras, capsys):
    model = compiled()
    capsys.readouterr()
    fit(model, X, Y, epochs=2, verbose=2)
    out = capsys.readouterr().out
    assert "Epoch 1/2" in out and "Epoch 2/2" in out and "━" not in out


def test_the_default_path_without_run_eagerly(keras):
    """The jit-compiled path (every other test runs eagerly, for speed)."""
    model = tiny()
    model | compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                    metrics=c("accuracy"))
    history = model | fit(X, Y, epochs=2, batch_size=16)
    assert len(history.metrics.accuracy) == 2
    assert set(model | evaluate(X, Y)) == {"loss", "accuracy"}
    assert (model | predict(X)).shape == (32, 2)


# -- get_layer's 1-based index, both engines ----------------------------------------------
def test_get_layer_index_is_1_based_under_keras(keras):
    model = tiny()
    assert get_layer(model, index=1).name == "hidden"
    assert get_layer(model, index=-1).name == "out"
    assert (model | get_layer(index=c(2))).name == "out"
    with pytest.raises(ValueError, match="1-based"):
        get_layer(model, index=0)
    with pytest.raises(TypeError, match="index"):
        get_layer(model, index=1.5)
    inputs = keras_input(shape=c(4), name="x")
    functional = keras_model(inputs, inputs | layer_dense(units=1, name="y"))
    assert get_layer(functional, index=1).name == "x"  # Keras's layers: the input first
    assert get_layer(functional, index=-1).name == "y"


def test_get_layer_index_is_1_based_under_numpy():
    model = core_model()
    assert isinstance(model, rk.Sequential)
    assert get_layer(model, index=1).name == "max_pooling2d"
    assert (model | get_layer(index=-1)).name == "average_pooling2d"
    assert get_layer(model, index=2.0) is model.layers[1]
    assert get_layer(model, "max_pooling2d") is model.layers[0]
    with pytest.raises(ValueError, match="1-based"):
        get_layer(model, index=0)
    with pytest.raises(ValueError, match="out of range"):
        get_layer(model, index=3)


# -- freeze_weights() / unfreeze_weights() against R/freeze.R ------------------------------
def r_freeze(layers, trainable: bool, from_=None, to=None, which=None, given=()):
    """R keras3's freeze_weights() (trainable=False) and unfreeze_weights() (True), line
    for line from R/freeze.R, on the layers' names: each layer's trainable flag after."""
    names = [layer.name for layer in layers]
    flags = {}
    if which is not None:
        # apply_which_trainable(): invert all, then set the chosen ones
        if callable(which) and not hasattr(which, "trainable"):
            which = [bool(which(layer)) for layer in layers]
        which = list(which) if isinstance(which, (list, tuple)) else [which]
        if all(isinstance(w, bool) for w in which):
            which = [i + 1 for i, w in enumerate(which) if w]
        flags = {name: not trainable for name in names}
        for i in which:
            if isinstance(i, str):
                name = i
            elif isinstance(i, (int, float)):
                i = int(i)
                if i < 0:
                    i = len(layers) + i + 1
                name = names[i - 1]
            else:
                name = i.name
            flags[name] = trainable
        return [flags[name] for name in names]
    if "from" not in given and "to" not in given:  # missing(from) && missing(to)
        return [trainable] * len(names)  # object$trainable <- FALSE / TRUE
    # apply_trainable(); R's c(3) is the number 3
    from_, to = (v[0] if isinstance(v, tuple) and len(v) == 1 else v for v in (from_, to))
    if from_ is None:
        from_ = names[0]
    if to is None:
        to = names[-1]
    if hasattr(from_, "trainable"):
        from_ = from_.name
    if hasattr(to, "trainable"):
        to = to.name
    if isinstance(from_, (int, float)):
        from_ = int(from_)
        if from_ < 0:
            from_ = len(layers) - abs(from_) + 1
        from_ = names[from_ - 1]
    if isinstance(to, (int, float)):
        to = int(to)
        if to < 0:
            to = len(layers) - abs(to) + 1
        to = names[to - 1]
    out, setting = [], False
    for name in names:
        if name == from_:
            setting = True
        out.append(trainable if setting else not trainable)
        if name == to:
            setting = False
    return out


def four_layers():
    model = keras_model_sequential(input_shape=c(4), name="four")
    for i in range(1, 5):
        model = model | layer_dense(units=2, name=f"d{i}")
    return model


FREEZE_CASES = {
    "nothing": lambda m: {},
    "from name": lambda m: {"from_": "d2"},
    "to name": lambda m: {"to": "d3"},
    "from-to names": lambda m: {"from_": "d2", "to": "d3"},
    "one layer by name": lambda m: {"from_": "d3", "to": "d3"},
    "from-to 1-based": lambda m: {"from_": 2, "to": 3},
    "from-to whole floats": lambda m: {"from_": 2.0, "to": c(3)},
    "from negative": lambda m: {"from_": -2},
    "to negative": lambda m: {"to": -3},
    "from first": lambda m: {"from_": 1},
    "to last": lambda m: {"to": -1},
    "from-to layers": lambda m: {"from_": m.layers[1], "to": m.layers[2]},
    "R's from keyword": lambda m: {"from": 3},
    "which name": lambda m: {"which": "d2"},
    "which names": lambda m: {"which": c("d1", "d3")},
    "which indices": lambda m: {"which": c(1, 3)},
    "which negative index": lambda m: {"which": -1},
    "which logical": lambda m: {"which": c(True, False, True, False)},
    "which function": lambda m: {"which": lambda layer: layer.name in ("d2", "d4")},
    "which layer": lambda m: {"which": m.layers[2]},
    "which layers": lambda m: {"which": [m.layers[0], m.layers[3]]},
    "which none": lambda m: {"which": c(False, False, False, False)},
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("verb", [freeze_weights, unfreeze_weights],
                         ids=["freeze", "unfreeze"])
@pytest.mark.parametrize("case_name", list(FREEZE_CASES))
def test_freeze_and_unfreeze_as_r_keras3(keras, case_name, verb, form):
    model = four_layers()
    kwargs = FREEZE_CASES[case_name](model)
    freezing = verb is freeze_weights
    given = {"from" if k in ("from", "from_") else k for k in kwargs}
    r_args = {("from_" if k == "from" else k): v for k, v in kwargs.items()}
    expected = r_freeze(model.layers, not freezing, given=given, **r_args)
    # start from the opposite state, so that every flag must be set by the call
    for layer in model.layers:
        layer.trainable = not freezing
    assert run(form, verb, model, **kwargs) is model
    assert [layer.trainable for layer in model.layers] == expected, kwargs
    whole_model = not kwargs
    assert model.trainable == (not freezing if whole_model else True)
    assert len(model.trainable_weights) == 2 * sum(expected) * model.trainable


def test_freeze_r_keras3_doc_examples(keras):
    """R's ?freeze_weights: `freeze_weights(x, from = -5)` and `unfreeze_weights(x, to = -6)`
    both freeze only the last 5 layers; `unfreeze_weights(x, from = "block5_conv1")`."""
    model = keras_model_sequential(input_shape=c(4))
    for i in range(1, 9):
        model = model | layer_dense(units=2, name=f"block{i}")
    first = [layer.trainable for layer in freeze_weights(model, from_=-5).layers]
    second = [layer.trainable for layer in unfreeze_weights(model, to=-6).layers]
    assert first == second == [True] * 3 + [False] * 5
    unfreeze_weights(model, **{"from": "block6"})
    assert [layer.trainable for layer in model.layers] == [False] * 5 + [True] * 3


def test_freeze_of_a_layer_and_bad_ranges(keras):
    dense = layer_dense(units=2)
    assert freeze_weights(dense) is dense and not dense.trainable
    assert unfreeze_weights(dense) is dense and dense.trainable
    model = four_layers()
    with pytest.raises(ValueError, match="`from_`='nope' is not a layer.*'d1'"):
        freeze_weights(model, from_="nope")
    with pytest.raises(ValueError, match="out of range"):
        freeze_weights(model, to=5)
    with pytest.raises(ValueError, match="1-based"):
        freeze_weights(model, from_=0)
    with pytest.raises(ValueError, match="which"):
        freeze_weights(model, from_="d1", to="d2", which="d3")
    with pytest.raises(ValueError, match="4 layers"):
        freeze_weights(model, which=c(True, False))


def test_frozen_weights_do_not_train(keras):
    model = tiny()
    freeze_weights(model, to="hidden")
    compile(model, optimizer="sgd", loss="sparse_categorical_crossentropy", run_eagerly=True)
    hidden, out = (get_weights(layer) for layer in model.layers)
    fit(model, X, Y, epochs=1)
    np.testing.assert_array_equal(get_weights(get_layer(model, "hidden"))[0], hidden[0])
    assert not np.array_equal(get_weights(get_layer(model, "out"))[0], out[0])
    assert len(get_weights(model, trainable=False)) == 2


# -- the NumPy core -----------------------------------------------------------------------
def test_core_models_run_the_verbs_the_core_has():
    model = core_model()
    x = np.arange(32, dtype="float32").reshape(2, 4, 4, 1)
    out = predict(model, x)
    assert isinstance(out, np.ndarray) and out.shape == (2, 1, 1, 1)
    np.testing.assert_allclose(out.ravel(), [7.5, 23.5])  # mean of (5, 6, 9, 10)
    np.testing.assert_array_equal(model | predict_on_batch(x), out)
    np.testing.assert_array_equal(predict(model, x, batch_size=1.0), out)
    assert count_params(model) == 0 and (model | count_params()) == 0
    assert get_weights(model) == [] and get_weights(model, trainable=True) == []
    assert set_weights(model, []) is model
    with pytest.raises(ValueError, match="no weights"):
        set_weights(model, [np.ones(1)])
    config = get_config(model)
    assert config.keras_class is rk.Sequential and config == model.get_config()
    rebuilt = from_config(config)
    assert isinstance(rebuilt, rk.Sequential) and rebuilt is not model
    np.testing.assert_array_equal(predict(rebuilt, x), out)
    clone = model | clone_model()
    assert isinstance(clone, rk.Sequential) and clone is not model
    assert clone.get_config() == model.get_config()
    assert freeze_weights(model, from_=2) is model
    assert [layer.trainable for layer in model.layers] == [True, False]
    assert (model | unfreeze_weights(which=1)) is model
    assert [layer.trainable for layer in model.layers] == [True, False]


def test_core_summary_prints_and_returns_none(capsys):
    model = core_model()
    capsys.readouterr()
    assert summary(model) is None
    out = capsys.readouterr().out
    assert 'Model: "core"' in out and "MaxPooling2D" in out and "Total params: 0" in out
    assert (model | summary()) is None
    assert capsys.readouterr().out == out
    with pytest.raises(TypeError, match="line_length"):
        summary(model, line_length=80)


def test_core_pop_layer_returns_it_and_the_model_shrinks():
    model = core_model()
    last = model.layers[-1]
    assert pop_layer(model) is last
    assert len(model.layers) == 1 and model.output_shape == (None, 3, 3, 1)
    assert (model | pop_layer()).name == "max_pooling2d"
    assert model.layers == []


@pytest.mark.parametrize("verb, args", [
    (compile, {"loss": "mse"}), (fit, {"x": X, "y": Y}), (evaluate, {"x": X, "y": Y}),
    (train_on_batch, {"x": X, "y": Y}), (rk.test_on_batch, {"x": X, "y": Y}),
], ids=lambda v: getattr(v, "__name__", None))
@pytest.mark.parametrize("form", FORMS)
def test_core_models_cannot_train(verb, args, form):
    model = core_model()
    with pytest.raises(CoreLacksError, match=f"^{verb.__name__}\\(\\) is not implemented "
                                             "by the NumPy core"):
        run(form, verb, model, **args)


# -- objects a verb does not take -----------------------------------------------------------
def test_keras_objects_without_a_method_are_a_type_error_saying_what_it_takes(keras):
    inputs = keras_input(shape=c(4), name="x")
    functional = keras_model(inputs, inputs | layer_dense(units=1))
    with pytest.raises(TypeError, match="pop_layer\\(\\) takes a Keras Sequential; received "
                                        "a Functional"):
        pop_layer(functional)
    with pytest.raises(TypeError, match="compile\\(\\) takes a Keras Model; received a Dense"):
        compile(layer_dense(units=2), loss="mse")
    with pytest.raises(TypeError, match="fit\\(\\) takes a Keras Model"):
        layer_dense(units=2) | fit(X, Y)


def test_data_or_nothing_in_the_pipe_is_a_type_error(keras):
    with pytest.raises(TypeError, match="must be a model; received ndarray"):
        X | count_params()
    with pytest.raises(TypeError, match="must be a model or a training history"):
        "model" | plot()


def test_a_users_subclass_of_keras_model_is_a_model(keras):
    class Doubler(keras.Model):
        def __init__(self):
            super().__init__()
            self.dense = keras.layers.Dense(2)

        def call(self, x):
            return self.dense(x) * 2

    model = Doubler()
    model(X[:1])
    assert compile(model, optimizer="sgd", loss="mse", run_eagerly=True) is model
    assert len(fit(model, X, np.zeros((32, 2)), epochs=2).metrics.loss) == 2
    assert count_params(model) == 10
    assert (model | predict(X)).shape == (32, 2)


# -- waiting calls and the exports ----------------------------------------------------------
def test_a_verb_without_its_model_waits_and_names_itself():
    waiting = fit(X, Y, epochs=2)
    assert isinstance(waiting, Waiting)
    assert repr(waiting) == "<fit() waiting for its object: object | fit(...)>"
    assert "compile()" in repr(compile(loss="mse"))
    assert "clone_model() waiting for its model" in repr(clone_model())


@pytest.mark.parametrize("call", [
    lambda: fit(X, Y, epochs=2.5),
    lambda: evaluate(X, Y, steps=0.5),
    lambda: compile(loss="mse", steps_per_execution=1.5),
    lambda: get_layer(index=0),
    lambda: fit(X, Y, class_weight="heavy"),
    lambda: predict(),
], ids=["epochs", "steps", "steps_per_execution", "index", "class_weight",
        "missing x"])
def test_a_wrong_value_fails_at_the_call_before_the_pipe(call):
    with pytest.raises((TypeError, ValueError)):
        call()


def test_a_waiting_call_fails_at_the_call_with_the_argument_named():
    with pytest.raises(TypeError, match="`epochs`"):
        fit(X, Y, epochs=2.5)
    with pytest.raises(TypeError, match="argument `x` is missing"):
        predict(batch_size=2)
    with pytest.raises(TypeError, match="unexpected keyword argument 'batch_size'.*"
                                        "Its signature: predict_on_batch"):
        predict_on_batch(X, batch_size=2)


def test_a_waiting_call_can_be_reused(keras):
    train_two = fit(X, Y, epochs=2)
    first, second = compiled(), compiled()
    assert len((first | train_two).metrics.loss) == 2
    assert len(train_two(second).metrics.loss) == 2


def test_compile_is_exported_and_shadows_the_builtin():
    namespace = {}
    exec("from rstyle_keras import *", namespace)
    assert namespace["compile"] is rk.compile is compile
    assert compile is not builtins.compile
    assert "compile" in rk.__all__
    assert compile.__name__ == "compile"
    assert str(compile.__signature__).startswith("(object=None, optimizer='rmsprop'")
    assert "Configure a model for training" in compile.__doc__
    # Python's own stays reachable
    assert builtins.compile("1 + 1", "<test>", "eval") is not None
