"""R's base graphics (rstyle_keras.r.graphics) drawn with matplotlib: what lands on the
axes is what the R call says; plot() of data beside plot() of models and histories; and
`python -m rstyle_keras run` saving the plots in Rplots.pdf as Rscript does."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import rstyle_keras as rk
from rstyle_keras import c, keras_model_sequential, layer_dense, plot
from rstyle_keras.r import base, graphics
from rstyle_keras.r.graphics import (
    PALETTE,
    GraphicsError,
    abline,
    grid,
    hist,
    legend,
    lines,
    points,
    title,
)
from tests.keras_reference import KERAS_SKIP_REASON, import_keras

ROOT = Path(__file__).resolve().parents[1]
X = [-2.0, -1.0, 0.0, 1.5, 3.0]
Y = [4.0, 1.0, 0.0, 2.25, 9.0]


@pytest.fixture(autouse=True)
def plt():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    pyplot.close("all")
    graphics._PENDING.clear()
    yield pyplot
    pyplot.close("all")
    graphics._PENDING.clear()


@pytest.fixture
def keras():
    if import_keras() is None:
        pytest.skip(KERAS_SKIP_REASON)
    rk.config_set_engine("keras")
    return rk.dispatch.keras()


def data(ax):
    (line,) = ax.lines
    return line.get_xdata().tolist(), line.get_ydata().tolist()


def _jax(values):
    jnp = pytest.importorskip("jax.numpy")
    return jnp.asarray(values, dtype="float32")


FORMS = {  # what x and y may be, each made from a Python list
    "list": list,
    "numpy": np.asarray,
    "RVector": lambda v: c(*v),
    "jax array": _jax,
    "core tensor": lambda v: rk.op_array(np.asarray(v)),
}


@pytest.mark.parametrize("form", FORMS)
def test_plot_draws_the_given_x_and_y(plt, form):
    make = FORMS[form]
    plot(make(X), make(Y))
    assert data(plt.gca()) == (X, Y)
    assert (plt.gca().get_xlabel(), plt.gca().get_ylabel()) == ("x", "y")


def test_plot_of_x_alone_draws_it_against_its_index(plt):
    plot(c(*Y))
    assert data(plt.gca()) == ([1.0, 2.0, 3.0, 4.0, 5.0], Y)
    assert plt.gca().get_xlabel() == "Index"
    c(*X) | plot(type="l")  # R's x |> plot(): the pipe gives the data
    assert data(plt.gca()) == ([1.0, 2.0, 3.0, 4.0, 5.0], X)


def test_plot_starts_a_new_page_each_time(plt):
    plot(X, Y)
    plot(Y, X)
    assert len(plt.get_fignums()) == 2


def test_types(plt):
    plot(X, Y, type="l")
    (line,) = plt.gca().lines
    assert line.get_linestyle() == "-" and line.get_marker() == "None"
    plot(X, Y)  # type = "p": markers (pch 1, an open circle), no line
    (line,) = plt.gca().lines
    assert line.get_linestyle() == "None" and line.get_marker() == "o"
    assert line.get_markerfacecolor() == "none"
    plot(X, Y, type="b")
    (line,) = plt.gca().lines
    assert line.get_linestyle() == "-" and line.get_marker() == "o"
    plot(X, Y, type="s")
    assert plt.gca().lines[0].get_drawstyle() == "steps-post"
    plot(X, Y, type="h")
    (bars,) = plt.gca().collections
    assert [seg[:, 1].tolist() for seg in bars.get_segments()] == [[0, y] for y in Y]
    plot(X, Y, type="n")
    assert len(plt.gca().lines) == 0 and len(plt.gca().collections) == 0
    with pytest.raises(ValueError, match="`type` must be one of"):
        plot(X, Y, type="q")


def test_limits_are_rs_range_widened_by_4_percent(plt):
    plot(X, Y, ylim=c(-1, 1))
    assert np.allclose(plt.gca().get_ylim(), (-1.08, 1.08))
    assert np.allclose(plt.gca().get_xlim(), (-2.2, 3.2))  # range(X) = -2..3
    ticks = plt.gca().get_xticks().tolist()
    assert ticks == [-2.0, -1.0, 0.0, 1.0, 2.0, 3.0]  # R's axTicks: pretty() within usr


def test_graphical_parameters(plt):
    plot(X, Y, type="l", col=2, lty="dashed", lwd=2)
    line = plt.gca().lines[0]
    assert line.get_color() == PALETTE[1] and line.get_linewidth() == 1.5
    assert line.get_linestyle() == "--"
    plot(X, Y, col="gray50", pch=19)
    line = plt.gca().lines[0]
    assert line.get_color() == "0.5" and line.get_markerfacecolor() == "0.5"
    with pytest.raises(ValueError, match="`col`: not a colour R knows"):
        plot(X, Y, col="nocolour")
    with pytest.raises(ValueError, match="`lty` must be 0..6"):
        plot(X, Y, lty=9)


def test_panel_first_grid_draws_on_the_new_plot(plt):
    plot(X, Y)  # an earlier plot: grid() runs before the new plot() in Python
    old = plt.gca()
    plot(X, Y, type="l", panel_first=grid())
    new = plt.gca()
    assert new is not old
    assert new.get_xgridlines() and all(g.get_visible() for g in new.get_xgridlines())
    assert all(g.get_visible() for g in new.get_ygridlines())
    assert not any(g.get_visible() for g in old.get_xgridlines())
    plot(X, Y, panel_first=grid(nx=4, ny=float("nan")))  # NA: none in y
    assert len(plt.gca().lines) == 1 + 5  # the data, and 4 cells' 5 vertical lines


def test_grid_and_abline_before_any_plot(plt):
    plot(X, Y, panel_last=abline(h=1))  # no plot open: the drawing waits for plot()
    assert [line.get_ydata() for line in plt.gca().lines[1:]] == [[1, 1]]
    plt.close("all")
    grid()  # R errors at once; here the next graphics call says so
    with pytest.raises(GraphicsError, match=r"grid\(\): plot.new has not been called yet"):
        plot(X, Y)


def test_abline(plt):
    plot(X, Y)
    limits = plt.gca().get_ylim()
    abline(h=0)
    horizontal = plt.gca().lines[-1]
    assert horizontal.get_ydata() == [0, 0] and horizontal.get_xdata() == [0, 1]
    abline(v=c(1, 2), col="red")
    assert [line.get_xdata() for line in plt.gca().lines[-2:]] == [[1, 1], [2, 2]]
    abline(a=1, b=2)
    (sloped,) = [a for a in plt.gca().get_children() if type(a).__name__ == "AxLine"]
    assert sloped._xy1 == (0.0, 1.0) and sloped._slope == 2.0
    assert plt.gca().get_ylim() == limits  # R's coordinates stay those plot() set


def test_lines_points_title_legend_add_to_the_current_plot(plt):
    plot(X, Y, type="n")
    lines(X, X)
    points(c(1, 2), c(3, 4), pch=17, col="blue")
    assert [line.get_ydata().tolist() for line in plt.gca().lines] == [X, [3.0, 4.0]]
    assert plt.gca().lines[1].get_marker() == "^"
    title(main="Main", xlab="the x")
    assert plt.gca().get_title() == "Main" and plt.gca().get_xlabel() == "the x"
    legend("topleft", c("a", "b"), col=c(1, 2), lty=1)
    box = plt.gca().get_legend()
    assert [t.get_text() for t in box.get_texts()] == ["a", "b"]
    assert box._loc == 2  # matplotlib's "upper left"


@pytest.mark.parametrize("draw", [lambda: lines(X, Y), lambda: points(X, Y),
                                  lambda: legend("top", legend="a"), lambda: title("t")])
def test_drawing_without_a_plot_is_rs_error(draw):
    with pytest.raises(GraphicsError, match=r"\(\): plot.new has not been called yet"):
        draw()


def test_hist_counts_and_bars(plt):
    values = np.random.default_rng(0).normal(size=200)
    h = hist(values)
    breaks = np.asarray(h.breaks)
    assert breaks[0] <= values.min() and breaks[-1] >= values.max()
    assert len(breaks) - 1 == len(h.counts)
    assert list(h.counts) == np.histogram(values, bins=breaks)[0].tolist()  # no ties
    assert [bar.get_height() for bar in plt.gca().patches] == list(h.counts)
    assert np.isclose(np.sum(np.asarray(h.density) * np.diff(breaks)), 1.0)
    # R's cells are (a, b], the first one closed: 2 counts in the first cell
    assert hist(c(1, 2, 2, 3), breaks=c(1, 2, 3), plot=False).counts == c(3, 1)


def test_plot_of_something_else_says_what_it_takes(plt):
    with pytest.raises(TypeError, match="`x` must be numbers"):
        plot("model")
    with pytest.raises(ValueError, match="lengths differ"):
        plot(X, [1.0, 2.0])


def test_plot_of_a_history_and_a_model_keep_their_methods(keras, plt, monkeypatch):
    from keras.src.utils import model_visualization

    from rstyle_keras.r.history import as_r_history

    history = keras.callbacks.History()
    history.history, history.params = {"loss": [2.0, 1.0]}, {"epochs": 2}
    figure = plot(as_r_history(keras, history))
    assert [ax.get_ylabel() for ax in figure.axes] == ["loss"]
    calls = []
    monkeypatch.setattr(model_visualization, "check_graphviz", lambda: True)
    monkeypatch.setattr(keras.utils, "plot_model", lambda model, **kw: calls.append(model))
    model = keras_model_sequential(input_shape=c(3)) | layer_dense(units=2)
    plot(model)
    assert calls == [model]
    with pytest.raises(TypeError, match=r"plot\(\) takes a Keras"):
        plot(layer_dense(units=2))


def test_plot_of_a_core_layer_is_still_core_lacks(numpy_engine):
    with pytest.raises(rk.engine.CoreLacksError, match="plot"):
        plot(rk.layer_max_pooling_2d(pool_size=2))


def test_base_exports_the_graphics_for_translated_code():
    for name in graphics.__all__:
        assert name in base.__all__ and getattr(base, name) is getattr(graphics, name)
        assert name not in rk.__all__


def _run(script: str, cwd: Path) -> subprocess.CompletedProcess:
    (cwd / "script.R").write_text(script)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("MPLBACKEND", None)
    return subprocess.run([sys.executable, "-m", "rstyle_keras", "run", "script.R",
                           "--engine", "numpy"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_run_writes_rplots_pdf_one_page_per_plot(tmp_path):
    result = _run('x <- seq(-5, 5, .1)\nplot(x, x^2, type = "l", panel.first = grid())\n'
                  'abline(h = 0)\nhist(c(1, 2, 2, 3))\nplot(x)\n', tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # R prints nothing for plots
    pdf = (tmp_path / "Rplots.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 3


def test_run_without_plots_writes_no_pdf(tmp_path):
    result = _run("x <- 1\nx\n", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[1] 1"
    assert not (tmp_path / "Rplots.pdf").exists()
