"""What fit() returns, printed as R's print.keras_training_history (R/history.R) and
plotted as R's plot.keras_training_history (a matplotlib figure here, made headless); and
plot() of a model (Keras's plot_model, R/utils.R's plot.keras.src.models.model.Model)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest

import rstyle_keras as rk
from rstyle_keras import (
    c,
    compile,
    config_set_engine,
    fit,
    freeze_weights,
    keras_model_sequential,
    layer_average_pooling_2d,
    layer_dense,
    layer_max_pooling_2d,
    plot,
)
from rstyle_keras.r.history import as_r_history
from tests.keras_reference import KERAS_SKIP_REASON, import_keras

ROOT = Path(__file__).resolve().parents[1]
RNG = np.random.default_rng(2)
X = RNG.random((32, 4)).astype("float32")
Y = (X[:, 0] > 0.5).astype("int32")


@pytest.fixture
def keras():
    found = import_keras()
    if found is None:
        pytest.skip(KERAS_SKIP_REASON)
    config_set_engine("keras")
    return rk.dispatch.keras()


@pytest.fixture
def plt():
    """matplotlib's pyplot on the headless Agg backend; every figure closed after."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    yield pyplot
    pyplot.close("all")


def model():
    out = (keras_model_sequential(input_shape=c(4), name="tiny")
           | layer_dense(units=4, activation="relu", name="hidden")
           | layer_dense(units=2, activation="softmax", name="out"))
    return compile(out, optimizer="adam", loss="sparse_categorical_crossentropy",
                   metrics="accuracy", run_eagerly=True)


def recorded(keras, epochs=None, **metrics):
    """A History as fit() returns it, with these values (no training)."""
    history = keras.callbacks.History()
    history.history = {name: list(values) for name, values in metrics.items()}
    n = len(next(iter(metrics.values()))) if metrics else 0
    history.params = {"verbose": 0, "epochs": n if epochs is None else epochs, "steps": 1}
    return as_r_history(keras, history)


# -- print(history): R's print.keras_training_history ----------------------------------------
def test_print_of_a_trained_history(keras, capsys):
    history = model() | fit(X, Y, epochs=3, validation_split=0.25)
    capsys.readouterr()
    print(history)
    out = capsys.readouterr().out
    lines = out.rstrip("\n").split("\n")
    assert lines[0] == "Final epoch (plot to see history):"
    names = ["accuracy", "loss", "val_accuracy", "val_loss"]
    width = max(map(len, names))
    # each name right-aligned to the longest, then the last epoch to 4 significant digits
    # (every value here lies in [1e-4, 1e4): Python's ",.4g" is R's prettyNum there)
    expected = [f"{name:>{width}}: {history.metrics[name][-1]:,.4g}" for name in names]
    assert lines[1:] == expected
    assert repr(history) == str(history) == out.rstrip("\n")


def test_print_formats_numbers_as_r_prettynum(keras):
    """prettyNum(x, big.mark = ",", digits = 4, scientific = FALSE), name by name."""
    history = recorded(keras, loss=[9.0, 0.123456], accuracy=[0.1, 0.75],
                       val_loss=[1.0, 12345.678], mean_absolute_error=[1.0, 1234567.891],
                       mse=[1.0, 2.0], tiny=[1.0, 0.00001234], negative=[0.0, -1234.5678],
                       nan=[1.0, float("nan")], inf=[1.0, float("inf")])
    assert str(history).split("\n") == [
        "Final epoch (plot to see history):",
        "               loss: 0.1235",
        "           accuracy: 0.75",
        "           val_loss: 12,346",
        "mean_absolute_error: 1,234,568",
        "                mse: 2",
        "               tiny: 0.00001234",
        "           negative: -1,235",
        "                nan: NaN",
        "                inf: Inf",
    ]


def test_print_uses_the_last_epoch_trained(keras):
    """R: epochs <- min(x$params$epochs, length(x$metrics[[1]])) (early stopping)."""
    stopped = recorded(keras, epochs=10, loss=[3.0, 2.0, 1.5])
    assert str(stopped).split("\n")[1] == "loss: 1.5"
    history = model() | fit(X, Y, epochs=3, initial_epoch=2)
    assert str(history).split("\n")[2] == f"    loss: {history.metrics.loss[-1]:.4g}"
    assert "no metrics" in str(recorded(keras))


def test_history_metrics_and_params(keras):
    history = model() | fit(X, Y, epochs=2, validation_data=list((X, Y)))
    assert isinstance(history.metrics, rk.NamedList)
    assert history.metrics.names() == ("accuracy", "loss", "val_accuracy", "val_loss")
    assert all(isinstance(v, float) for values in history.metrics for v in values)
    assert history.metrics["val_loss"] == [float(v) for v in history.history["val_loss"]]
    assert history.params["epochs"] == 2
    assert isinstance(history, keras.callbacks.History)  # still Keras's object


# -- plot(history) ------------------------------------------------------------------------
def lines_of(ax):
    return {line.get_label(): line for line in ax.get_lines()}


@pytest.mark.parametrize("form", ["call", "pipe"])
def test_plot_of_a_history_draws_each_metric_training_and_validation(keras, plt, form):
    history = model() | fit(X, Y, epochs=3, validation_split=0.25)
    figure = plot(history) if form == "call" else history | plot()
    assert isinstance(figure, plt.Figure)
    assert [ax.get_ylabel() for ax in figure.axes] == ["accuracy", "loss"]
    for ax in figure.axes:
        name = ax.get_ylabel()
        lines = lines_of(ax)
        assert set(lines) == {"training", "validation"}
        np.testing.assert_array_equal(lines["training"].get_xdata(), [1, 2, 3])
        np.testing.assert_allclose(lines["training"].get_ydata(), history.metrics[name])
        np.testing.assert_allclose(lines["validation"].get_ydata(),
                                   history.metrics[f"val_{name}"])
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["training",
                                                                       "validation"]
    assert figure.axes[-1].get_xlabel() == "epoch"


def test_plot_without_validation_draws_training_only(keras, plt):
    history = fit(model(), X, Y, epochs=2)
    figure = plot(history)
    assert len(figure.axes) == 2
    for ax in figure.axes:
        assert list(lines_of(ax)) == ["training"]
        np.testing.assert_allclose(lines_of(ax)["training"].get_ydata(),
                                   history.metrics[ax.get_ylabel()])


def test_plot_chosen_metrics(keras, plt):
    history = recorded(keras, loss=[3.0, 2.0], accuracy=[0.5, 0.6], val_loss=[4.0, 3.5],
                       val_accuracy=[0.4, 0.5])
    figure = plot(history, metrics="loss")
    assert len(figure.axes) == 1 and figure.axes[0].get_ylabel() == "loss"
    np.testing.assert_allclose(lines_of(figure.axes[0])["validation"].get_ydata(), [4.0, 3.5])
    figure = history | plot(metrics=c("loss", "accuracy"))
    assert [ax.get_ylabel() for ax in figure.axes] == ["loss", "accuracy"]
    with pytest.raises(ValueError, match="'auc'.*not recorded.*'loss'"):
        plot(history, metrics=c("loss", "auc"))
    with pytest.raises(ValueError, match="val_loss"):
        plot(history, metrics="val_loss")  # R: names without "val_"


def test_plot_of_a_plain_keras_history(keras, plt):
    """A History from Keras's own model.fit() plots too (and gains R's methods)."""
    net = model()
    history = net.fit(X, Y, epochs=2, verbose=0)
    figure = plot(history)
    assert [ax.get_ylabel() for ax in figure.axes] == ["accuracy", "loss"]
    assert isinstance(history, rk.HistoryMethods)


def test_plot_smooths_ten_or_more_epochs(keras, plt):
    values = [1.0 / (i + 1) for i in range(12)]
    history = recorded(keras, loss=values)
    smoothed = lines_of(plot(history).axes[0])
    assert set(smoothed) == {"training", "training (smoothed)"}
    np.testing.assert_allclose(smoothed["training"].get_ydata(), values)
    assert len(smoothed["training (smoothed)"].get_ydata()) == 12
    assert set(lines_of(plot(history, smooth=False).axes[0])) == {"training"}
    few = recorded(keras, loss=values[:9])
    assert set(lines_of(plot(few).axes[0])) == {"training"}


def test_plot_options(keras, plt):
    history = recorded(keras, loss=[2.0, 1.0])
    for method in ("auto", "ggplot2", "base"):
        assert len(plot(history, method=method).axes) == 1
    with pytest.raises(ValueError, match="method"):
        plot(history, method="lattice")
    assert len(plot(history, theme_bw=True).axes) == 1
    line = lines_of(plot(history, color="red", linestyle="--").axes[0])["training"]
    assert line.get_color() == "red" and line.get_linestyle() == "--"
    with pytest.raises(ValueError, match="no metrics"):
        plot(recorded(keras))


def test_plot_without_matplotlib_says_how_to_install(keras, monkeypatch):
    history = recorded(keras, loss=[2.0, 1.0])
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r'needs matplotlib.*pip install "rstyle-keras\[plot\]"'):
        plot(history)


def test_the_plot_extra_that_the_error_names_exists():
    """pyproject.toml's extras (read without tomllib, which Python 3.10 lacks)."""
    text = (ROOT / "pyproject.toml").read_text()
    extras = text.split("[project.optional-dependencies]")[1].split("\n[")[0]
    listed = dict(re.findall(r"^(\w+) = \[(.*?)\]$", extras, flags=re.M | re.S))
    assert '"matplotlib' in listed.get("plot", ""), listed
    assert '"matplotlib' in listed.get("test", ""), listed


# -- plot(model): Keras's plot_model ------------------------------------------------------
@pytest.fixture
def plot_model_spy(keras, monkeypatch):
    """Keras's plot_model replaced by a spy writing a small file (CI may lack Graphviz)."""
    from keras.src.utils import model_visualization

    calls = []

    def spy(model, to_file, **kwargs):
        calls.append({"model": model, "to_file": to_file, **kwargs})
        Path(to_file).write_bytes(b"\x89PNG\r\n\x1a\n")

    monkeypatch.setattr(model_visualization, "check_graphviz", lambda: True)
    monkeypatch.setattr(keras.utils, "plot_model", spy)
    return calls


def test_plot_of_a_model_calls_plot_model_with_r_defaults(keras, plot_model_spy):
    net = model()
    path = plot(net)
    assert isinstance(path, str) and path.endswith(".png") and Path(path).is_file()
    assert Path(path).name == "keras_tiny.png"  # R: tempfile(paste0("keras_", x$name))
    (call,) = plot_model_spy
    assert call["model"] is net and call["to_file"] == path
    assert {k: v for k, v in call.items() if k not in ("model", "to_file")} == {
        "show_shapes": False, "show_dtype": False, "show_layer_names": False,
        "rankdir": "TB", "expand_nested": False, "dpi": 200, "layer_range": None,
        "show_layer_activations": False, "show_trainable": False,
    }


def test_plot_of_a_model_forwards_its_arguments(keras, plot_model_spy, tmp_path):
    net = model()
    freeze_weights(net, to=1)
    target = tmp_path / "net.png"
    out = net | plot(show_shapes=True, show_dtype=True, show_layer_names=True, rankdir="LR",
                     dpi=96.0, show_layer_activations=True, to_file=str(target))
    assert out == str(target) and target.is_file()
    call = plot_model_spy[0]
    assert call["show_shapes"] is True and call["show_dtype"] is True
    assert call["show_layer_names"] is True and call["rankdir"] == "LR"
    assert call["show_layer_activations"] is True
    assert call["dpi"] == 96 and type(call["dpi"]) is int
    assert call["show_trainable"] is True  # R's NA: frozen weights -> shown
    plot(net, show_trainable=False, to_file=str(target))
    assert plot_model_spy[1]["show_trainable"] is False
    with pytest.raises(TypeError, match="dpi"):
        plot(net, dpi=96.5)
    with pytest.raises(TypeError, match="colour"):
        plot(net, colour="red")


def test_plot_of_a_core_model_plots_the_keras_model_of_its_layers(plot_model_spy):
    config_set_engine("numpy")
    core = (keras_model_sequential(input_shape=c(4, 4, 1), name="pools")
            | layer_max_pooling_2d(pool_size=2) | layer_average_pooling_2d(pool_size=2))
    assert isinstance(core, rk.Sequential)
    path = plot(core)
    (call,) = plot_model_spy
    assert path == call["to_file"] and Path(path).name == "keras_pools.png"
    assert type(call["model"]).__module__.startswith("keras.")
    assert [layer.name for layer in call["model"].layers] == [layer.name for layer in core.layers]


def test_plot_of_a_model_without_graphviz_says_what_to_install(keras, monkeypatch):
    from keras.src.utils import model_visualization

    monkeypatch.setattr(model_visualization, "check_graphviz", lambda: False)
    with pytest.raises(ImportError, match="pip install pydot.*Graphviz.*graphviz.org"):
        plot(model())


def test_plot_of_a_model_for_real(keras, tmp_path):
    """With pydot and Graphviz installed, a real PNG; without them, the clear error."""
    from keras.src.utils import model_visualization

    target = tmp_path / "real.png"
    if model_visualization.check_graphviz():
        assert plot(model(), show_shapes=True, to_file=str(target)) == str(target)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        with pytest.raises(ImportError, match="Graphviz"):
            plot(model(), to_file=str(target))
        assert not target.exists()
