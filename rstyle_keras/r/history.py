"""What `fit()` returns: Keras's History, read the R way, printed and plotted as R does.

R keras3 turns Keras's History into an R object with `params` and `metrics` (by name, one
value per epoch), prints the last epoch's metrics and plots every metric per epoch. Here
`fit()` returns a real `keras.callbacks.History` whose class also has:

| R                          | Python                                        |
|----------------------------|-----------------------------------------------|
| `history$metrics$loss`     | `history.metrics.loss` (or `["loss"]`)        |
| `history$params$epochs`    | `history.params["epochs"]` (Keras's dict)     |
| `print(history)`           | `print(history)` / the REPL                   |
| `plot(history)`            | `plot(history)` or `history | plot()`: a matplotlib figure |
"""

from __future__ import annotations

from functools import cache

import numpy as np

from .named_list import NamedList


class HistoryMethods:
    """The R side of a training history (mixed into a subclass of Keras's History)."""

    @property
    def metrics(self) -> NamedList:
        """Each metric's values by epoch, by name (R's `history$metrics`)."""
        return NamedList((name, [float(v) for v in values])
                         for name, values in self.history.items())

    def __repr__(self) -> str:
        metrics = self.metrics
        if not metrics:
            return "Final epoch (plot to see history):\n(no metrics recorded)"
        epochs = min(self.params.get("epochs", len(metrics[0])), len(metrics[0]))
        width = max(len(name) for name in metrics.names())
        lines = [f"{name:>{width}}: {_pretty(values[epochs - 1])}"
                 for name, values in metrics.items()]
        return "\n".join(["Final epoch (plot to see history):", *lines])

    __str__ = __repr__


def _pretty(value: float) -> str:
    """R's prettyNum(x, digits = 4, big.mark = ",", scientific = FALSE)."""
    if np.isnan(value):
        return "NaN"
    if np.isinf(value):
        return "Inf" if value > 0 else "-Inf"
    if abs(value) >= 1e4:  # R keeps every digit left of the point: 123456.7 is "123,457"
        text = f"{value:.0f}"
    else:
        text = np.format_float_positional(value, precision=4, unique=False, fractional=False,
                                          trim="-")
    whole, dot, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or 0):,}"
    return f"{sign}{whole}{dot}{frac}"


@cache
def history_class(keras):
    """Keras's History with the R methods (made once Keras is loaded)."""
    return type("History", (HistoryMethods, keras.callbacks.History),
                {"__module__": __name__, "__doc__": HistoryMethods.__doc__})


def as_r_history(keras, history):
    """The same History object, given the R methods (its class changes, nothing else)."""
    if history is not None and not isinstance(history, HistoryMethods):
        history.__class__ = history_class(keras)
    return history


def plot_history(history, metrics=None, method="auto", smooth=True, theme_bw=False,
                 **kwargs):
    """A matplotlib figure of each metric by epoch, training and validation, one panel per
    metric stacked as R's `plot(history)` draws them. Needs matplotlib (the `plot` extra).

    Arguments:
        history: what `fit()` returned.
        metrics: the metrics to draw (names without "val_"); None for all.
        method: "auto", "ggplot2" or "base" in R; all draw the same matplotlib figure here.
        smooth: with 10 or more epochs, add a smoothed trend line (R's loess curve; here a
            moving average).
        theme_bw: a plain white theme.
        **kwargs: passed to matplotlib's `plot()` of each line.

    Value: the matplotlib Figure.
    """
    plt = _pyplot()
    if method not in ("auto", "ggplot2", "base"):
        raise ValueError(
            f'`method` must be one of "auto", "ggplot2", "base"; received {method!r}.'
        )
    recorded = history.metrics
    names = [n for n in recorded.names() if not n.startswith("val_")]
    if metrics is not None:
        wanted = [metrics] if isinstance(metrics, str) else list(metrics)
        unknown = [m for m in wanted if m not in names]
        if unknown:
            raise ValueError(
                f"`metrics`: {unknown} were not recorded; the history has {names}."
            )
        names = wanted
    if not names:
        raise ValueError("The history has no metrics to plot (was `fit()` run?).")
    style = "default" if theme_bw else "ggplot"
    with plt.style.context(style):
        figure, axes = plt.subplots(len(names), 1, sharex=True, squeeze=False,
                                    figsize=(6.4, 2.2 * len(names) + 0.6))
        for ax, name in zip(axes[:, 0], names):
            for label, key, marker in (("training", name, "o"),
                                       ("validation", f"val_{name}", "^")):
                if key not in recorded.names():
                    continue
                values = recorded[key]
                epochs = np.arange(1, len(values) + 1)
                ax.plot(epochs, values, marker=marker, label=label, **kwargs)
                if smooth and len(values) >= 10:
                    ax.plot(epochs, _moving_average(values), linewidth=0.8, alpha=0.6,
                            label=f"{label} (smoothed)")
            ax.set_ylabel(name)
            ax.legend(loc="best")
        axes[-1, 0].set_xlabel("epoch")
        axes[-1, 0].xaxis.get_major_locator().set_params(integer=True)
        figure.tight_layout()
    return figure


def _moving_average(values, width: int = 5):
    padded = np.pad(np.asarray(values, float), width // 2, mode="edge")
    return np.convolve(padded, np.ones(width) / width, mode="valid")


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(
            "plot() of a training history needs matplotlib: "
            'python -m pip install "rstyle-keras[plot]" (or: python -m pip install matplotlib).'
        ) from None
    return plt
