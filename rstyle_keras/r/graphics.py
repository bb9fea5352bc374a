"""R's base graphics over matplotlib: `plot()` of numbers, `lines()`, `points()`,
`abline()`, `grid()`, `legend()`, `title()`, `hist()`.

R keras3's reference pages draw activation functions with R's base graphics
(`plot(x, op_relu(x), type = "l", panel.first = grid())`); translated code finds these
functions in `rstyle_keras.r.base`, and `plot()` of numbers (the verb `plot`, whose
methods for models and training histories stay theirs) draws with `plot_default()`, R's
`plot.default`. Needs matplotlib (the `plot` extra), imported on the first drawing.

As in R, `plot()` (and `hist()`) starts a new page, a new matplotlib figure of one axes,
and fixes its coordinates: the data's range (or `xlim`/`ylim`) widened by 4% on each side
(R's `xaxs = "r"`), with R's `pretty()` tick marks; `lines()`, `points()`, `abline()`,
`grid()`, `legend()` and `title()` then draw on that plot without rescaling it. Before
any plot they raise R's error "plot.new has not been called yet".

`panel.first = grid()`: R evaluates `grid()` once the new plot's axes exist; Python calls
`grid()` before `plot()`. So `grid()` and `abline()` return the drawing they made, which
`plot()` given it as `panel_first` (drawn under the data) or `panel_last` (over it) moves
to the new plot; with no plot open they draw nothing until then (and the next graphics
call that does not take them raises R's error, as R would have at once).

R's graphical parameters: `col` (palette numbers 1..8 as R 4's `palette()`, recycled; 0
the background; R's colour names, `"grayNN"`, `"#RRGGBB(AA)"`), `lty` (0..6 or
`"blank"`, `"solid"`, `"dashed"`, `"dotted"`, `"dotdash"`, `"longdash"`, `"twodash"`, or
a string of hex digits such as `"44"`), `lwd` (1 is R's 1/96 inch), `pch` (0..25, or one
character), `cex`. Other keyword arguments go to matplotlib's drawing call.

Examples:
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> x = np.arange(-10, 10.5, 0.5)
    >>> plot(x, np.maximum(x, 0), type="l", panel_first=grid())  # as op_relu's R page
    >>> ax = plt.gca()
    >>> ax.lines[0].get_ydata()[-3:].tolist(), [float(v) for v in ax.get_ylim()]
    ([9.0, 9.5, 10.0], [-0.4, 10.4])
    >>> abline(h=0, col="gray")
    <abline() drawn on the current plot>
    >>> legend("topleft", legend="relu", col=1, lty=1)
    >>> plt.close("all")
    >>> lines(x, x)
    Traceback (most recent call last):
    ...
    rstyle_keras.r.graphics.GraphicsError: lines(): plot.new has not been called yet (...)
"""

from __future__ import annotations

import math
import numbers
import sys
import warnings

import numpy as np

__all__ = ["abline", "grid", "hist", "legend", "lines", "points", "title"]

# R 4's default palette(): col = 1..8 (recycled; 0 is the background)
PALETTE = ("black", "#DF536B", "#61D04F", "#2297E6", "#28E2E5", "#CD0BBC", "#F5C710",
           "#9E9E9E")
# R's line types as dash patterns of hex digits: on, off, ... in units of the line width
LTY = {"solid": "", "dashed": "44", "dotted": "13", "dotdash": "1343", "longdash": "73",
       "twodash": "2262"}
LTY_NAMES = ("blank", "solid", "dashed", "dotted", "dotdash", "longdash", "twodash")
# R's pch 0..25: (matplotlib marker, fill: "open", "filled" or "bg", size factor)
PCH = {0: ("s", "open", 1), 1: ("o", "open", 1), 2: ("^", "open", 1), 3: ("+", "open", 1.2),
       4: ("x", "open", 1), 5: ("D", "open", 1), 6: ("v", "open", 1),
       7: ("X", "open", 1), 8: ((6, 2, 0), "open", 1.2), 9: ("D", "open", 1),
       10: ("o", "open", 1), 11: ("*", "open", 1), 12: ("s", "open", 1),
       13: ("o", "open", 1), 14: ("s", "open", 1), 15: ("s", "filled", 1),
       16: ("o", "filled", 1), 17: ("^", "filled", 1), 18: ("D", "filled", 0.8),
       19: ("o", "filled", 1), 20: ("o", "filled", 0.67), 21: ("o", "bg", 1),
       22: ("s", "bg", 1), 23: ("D", "bg", 1), 24: ("^", "bg", 1), 25: ("v", "bg", 1)}
TYPES = ("p", "l", "b", "c", "o", "h", "s", "S", "n")
LEGEND_PLACES = {"bottomright": "lower right", "bottom": "lower center",
                 "bottomleft": "lower left", "left": "center left", "topleft": "upper left",
                 "top": "upper center", "topright": "upper right", "right": "center right",
                 "center": "center"}
# R graphical parameters with no drawing here: a warning, not an error (R ignores
# unknown ones with a warning too)
NOT_DRAWN = {"las", "xaxt", "yaxt", "bty", "cex_axis", "cex_lab", "cex_main", "cex_sub",
             "col_axis", "col_lab", "col_main", "col_sub", "font", "font_axis", "font_lab",
             "font_main", "font_sub", "family", "mgp", "tck", "tcl", "xaxs", "yaxs",
             "xgap_axis", "ygap_axis", "adj", "ann_par", "lend", "ljoin", "mar", "oma"}
WIDTH = 0.75  # R's lwd = 1 is 1/96 inch: 0.75 point


class GraphicsError(RuntimeError):
    """R's errors of base graphics ("plot.new has not been called yet")."""


def pyplot(what: str = "R's base graphics (plot() of numbers, lines(), hist(), ...) need"):
    """matplotlib.pyplot, imported on first use; without it an ImportError that says what
    needs it and how to install the `plot` extra."""
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(
            f"{what} matplotlib: "
            'python -m pip install "rstyle-keras[plot]" (or: python -m pip install matplotlib).'
        ) from None
    return plt


# -- the current plot and the drawings waiting for one ------------------------------------
_PENDING: list = []  # drawings made with no plot open, waiting for plot(panel_first=...)


def _current_axes(caller: str):
    """The current plot's axes, or R's error when no plot has been started."""
    _refuse_pending(keep=())
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None and plt.get_fignums() and plt.gcf().axes:
        return plt.gcf().gca()
    raise GraphicsError(f"{caller}(): plot.new has not been called yet (draw a plot with "
                        f"plot() or hist() first)")


def _refuse_pending(keep) -> None:
    waiting = [d for d in _PENDING if d not in keep]
    _PENDING.clear()
    if waiting:
        raise GraphicsError(
            f"{waiting[0].name}(): plot.new has not been called yet ({waiting[0].name}() "
            f"was called with no plot open; as plot()'s panel_first or panel_last it "
            f"draws on the new plot)")


class Drawing:
    """What `grid()` and `abline()` return: their drawing on the current plot, which
    `plot(..., panel_first=)` / `panel_last=` moves to the new plot (R's lazy
    `panel.first = grid()`)."""

    def __init__(self, name: str, draw):
        self.name, self._draw, self._undo = name, draw, None

    def _apply(self, ax) -> None:
        self._undo = self._draw(ax)

    def _move_to(self, ax) -> None:
        if self._undo is not None:
            self._undo()
        self._apply(ax)

    def __repr__(self) -> str:
        where = "drawn on the current plot" if self._undo else "waiting for a plot"
        return f"<{self.name}() {where}>"


def _drawing(name: str, draw) -> Drawing:
    drawing = Drawing(name, draw)
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None and plt.get_fignums() and plt.gcf().axes:
        _refuse_pending(keep=())
        drawing._apply(plt.gcf().gca())
    else:
        _PENDING.append(drawing)  # plot(panel_first=) takes it; anything else refuses it
    return drawing


# -- R values -> numbers, colours, line types, symbols ------------------------------------
def _numbers(value, name: str, caller: str) -> np.ndarray:
    """A vector of doubles from numbers, lists, RVectors, arrays and tensors."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{caller}(): `{name}` must be numbers (a vector, array or tensor)"
                        f"{', a model or a training history' if caller == 'plot' else ''}; "
                        f"received str {value!r}.")
    try:
        out = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        out = None
        if "keras" in sys.modules:
            try:
                out = np.asarray(sys.modules["keras"].ops.convert_to_numpy(value), dtype=float)
            except Exception:  # not a tensor Keras knows either: the error below
                out = None
        if out is None:
            raise TypeError(
                f"{caller}(): `{name}` must be numbers (a vector, array or tensor); received "
                f"{type(value).__name__}.") from None
    return out


def _xy(x, y, caller: str):
    """R's xy.coords(): y alone against its index 1..n; a two-column matrix or a dict
    with x and y."""
    if y is None and isinstance(x, dict) and "x" in x and "y" in x:
        x, y = x["x"], x["y"]
    xs = _numbers(x, "x", caller)
    if y is None:
        if xs.ndim == 2 and xs.shape[1] == 2:
            return xs[:, 0], xs[:, 1], True
        ys = xs.ravel()
        return np.arange(1, ys.size + 1, dtype=float), ys, False
    xs, ys = xs.ravel(), _numbers(y, "y", caller).ravel()
    if xs.size != ys.size:
        if xs.size == 1 or ys.size == 1:  # R recycles a single value
            xs, ys = np.broadcast_arrays(xs, ys)
        else:
            raise ValueError(f"{caller}(): 'x' and 'y' lengths differ ({xs.size} and "
                             f"{ys.size}).")
    return xs, ys, True


def _recycled(value) -> list:
    if value is None:
        return []
    if isinstance(value, (str, numbers.Number)):
        return [value]
    if isinstance(value, np.ndarray):
        return value.ravel().tolist()
    return list(value)


def _color(value, name: str = "col"):
    """One R colour as matplotlib's."""
    from matplotlib.colors import is_color_like

    if isinstance(value, (numbers.Number, np.number)) and not isinstance(value, bool):
        if float(value) != int(value) or value < 0:
            raise ValueError(f"`{name}`: a colour number must be 0, 1, 2, ...; received "
                             f"{value!r}.")
        return "none" if int(value) == 0 else PALETTE[(int(value) - 1) % len(PALETTE)]
    if isinstance(value, str):
        text = value.strip().lower().replace(" ", "")
        if text == "transparent":
            return "none"
        if text.startswith(("gray", "grey")) and text[4:].isdigit():
            return str(int(text[4:]) / 100)  # matplotlib's grey level
        if is_color_like(text):
            return text
        base = text.rstrip("0123456789")
        if base != text and text[len(base):] in ("1", "2", "3", "4") and is_color_like(base):
            from matplotlib.colors import to_rgb  # R's X11 shades: name1 .. name4

            factor = {"1": 1.0, "2": 0.932, "3": 0.804, "4": 0.545}[text[len(base):]]
            return tuple(c * factor for c in to_rgb(base))
    raise ValueError(f"`{name}`: not a colour R knows: {value!r} (a palette number 0..8, a "
                     f"colour name such as \"red\" or \"gray50\", or \"#RRGGBB\").")


def _colors(value, name: str = "col") -> list:
    return [_color(v, name) for v in _recycled(value)]


def _linestyle(value, name: str = "lty"):
    """R's lty as matplotlib's linestyle."""
    if value is None:
        return "-"
    if isinstance(value, (numbers.Number, np.number)) and not isinstance(value, bool):
        if int(value) != value or not 0 <= value <= 6:
            raise ValueError(f"`{name}` must be 0..6 or a line type name; received {value!r}.")
        value = LTY_NAMES[int(value)]
    if value == "blank":
        return "None"
    pattern = LTY.get(value, value)
    if not isinstance(pattern, str) or len(pattern) % 2 or not all(
            c in "0123456789abcdefABCDEF" for c in pattern):
        raise ValueError(f"`{name}` must be 0..6, one of {list(LTY_NAMES)} or an even "
                         f"number of hex digits (\"44\"); received {value!r}.")
    if not pattern:
        return "-"
    return (0, tuple(int(c, 16) for c in pattern))


def _width(value) -> float:
    return WIDTH * (1.0 if value is None else float(value))


def _marker(pch, color, cex, bg) -> dict:
    """matplotlib's marker keywords for R's pch (default 1, an open circle)."""
    pch = 1 if pch is None else pch
    if isinstance(pch, float) and math.isnan(pch):  # NA: no symbol
        return {"marker": "None", "color": color}
    size = 6.0 * (1.0 if cex is None else float(cex))
    if isinstance(pch, str):
        if pch == ".":
            return {"marker": "s", "markersize": 1.0, "markeredgewidth": 0, "color": color}
        if len(pch) != 1:
            raise ValueError(f"`pch` must be a number 0..25 or one character; received "
                             f"{pch!r}.")
        symbol = pch if pch.isalnum() else "\\" + pch
        return {"marker": f"${symbol}$", "markersize": size, "color": color}
    if int(pch) not in PCH or int(pch) != pch:
        raise ValueError(f"`pch` must be a number 0..25 or one character; received {pch!r}.")
    marker, fill, factor = PCH[int(pch)]
    face = {"open": "none", "filled": color, "bg": _color(bg, "bg") if bg else "none"}[fill]
    return {"marker": marker, "markersize": size * factor, "markerfacecolor": face,
            "markeredgecolor": color, "color": color, "markeredgewidth": 1.0}


def _extra(kwargs: dict, caller: str) -> dict:
    rest = {}
    for key, value in kwargs.items():
        if key in NOT_DRAWN:
            warnings.warn(f"{caller}(): graphical parameter `{key}` is not drawn here "
                          f"(ignored).", stacklevel=3)
        else:
            rest[key] = value  # matplotlib's own keywords
    return rest


def _draw_xy(ax, x, y, type, col, lty, lwd, pch, cex, bg, extra, caller) -> None:
    """R's plot.xy(): the points and lines of one type."""
    if type not in TYPES:
        raise ValueError(f"{caller}(): `type` must be one of {list(TYPES)}; received {type!r}.")
    if type == "n":
        return
    colors = _colors(1 if col is None else col) or [PALETTE[0]]
    line = {"color": colors[0], "linestyle": _linestyle(lty), "linewidth": _width(lwd)}
    if type == "h":
        ax.vlines(x, 0, y, colors=colors, linestyles=line["linestyle"],
                  linewidths=line["linewidth"], **extra)
        return
    if type in ("l", "c", "s", "S"):
        style = {"s": "steps-post", "S": "steps-pre"}.get(type, "default")
        ax.plot(x, y, marker="None", drawstyle=style, **line, **extra)
        return
    if type == "p" and len(colors) > 1:  # a colour per point (recycled)
        for i, c in enumerate(colors[:len(x)]):
            ax.plot(x[i::len(colors)], y[i::len(colors)], linestyle="None",
                    **_marker(pch, c, cex, bg), **extra)
        return
    marker = _marker(pch, colors[0], cex, bg)
    if type == "p":
        ax.plot(x, y, linestyle="None", **marker, **extra)
    else:  # "b" and "o": both (R's "b" leaves gaps around the points)
        ax.plot(x, y, **{**line, **marker}, **extra)


# -- R's coordinates and axes ------------------------------------------------------------
def pretty(lo: float, hi: float, n: int = 5) -> np.ndarray:
    """R's `pretty()`: about n+1 equally spaced round values covering [lo, hi].

    Examples:
        >>> pretty(-10.8, 10.8).tolist()
        [-15.0, -10.0, -5.0, 0.0, 5.0, 10.0, 15.0]
        >>> pretty(0, 1).tolist()
        [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
    """
    lo, hi = (hi, lo) if lo > hi else (lo, hi)
    h, h5, min_n = 1.5, 0.5 + 1.5 * 1.5, n // 3
    dx = hi - lo
    if dx == 0 and hi == 0:
        cell, small = 1.0, True
    else:
        cell = max(abs(lo), abs(hi))
        unit = 1 + (1 / (1 + h) if h5 >= 1.5 * h + 0.5 else 1.5 / (1 + h5))
        small = dx < cell * unit * max(1, n) * np.finfo(float).eps * 3
    if small:
        if cell > 10:
            cell = 9 + cell / 10
        cell *= 0.75
        if min_n > 1:
            cell /= min_n
    else:
        cell = dx / n if n > 1 else dx
    base = 10.0 ** math.floor(math.log10(cell))
    unit = base
    if 2 * base - cell < h * (cell - unit):
        unit = 2 * base
        if 5 * base - cell < h5 * (cell - unit):
            unit = 5 * base
            if 10 * base - cell < h * (cell - unit):
                unit = 10 * base
    ns, nu = math.floor(lo / unit + 1e-10), math.ceil(hi / unit - 1e-10)
    while ns * unit > lo + 1e-10 * unit:
        ns -= 1
    while nu * unit < hi - 1e-10 * unit:
        nu += 1
    k = int(0.5 + nu - ns)
    if k < min_n:
        k = min_n - k
        if ns >= 0:
            nu, ns = nu + k // 2, ns - k // 2 - k % 2
        else:
            ns, nu = ns - k // 2, nu + k // 2 + k % 2
    return np.linspace(ns * unit, nu * unit, nu - ns + 1)  # R's seq(length.out = )


def _usr(values, lim, log: bool, name: str, caller: str) -> tuple[float, float]:
    """R's plot.window() with xaxs = "r": the range widened by 4% each side."""
    if lim is None:
        finite = values[np.isfinite(values)]
        if log:
            finite = finite[finite > 0]
        if finite.size == 0:
            raise ValueError(f"{caller}(): need finite '{name}' values.")
        lo, hi = float(finite.min()), float(finite.max())
    else:
        limits = _numbers(lim, name, caller).ravel()
        if limits.size != 2 or not np.all(np.isfinite(limits)):
            raise ValueError(f"{caller}(): `{name}` must be two finite numbers, c(from, to); "
                             f"received {lim!r}.")
        lo, hi = float(limits[0]), float(limits[1])
    if log:
        lo, hi = math.log10(lo), math.log10(hi)
    if lo == hi:  # R widens an empty range
        lo, hi = (-1.0, 1.0) if lo == 0 else (lo - 0.4 * abs(lo), hi + 0.4 * abs(hi))
    pad = 0.04 * (hi - lo)
    lo, hi = lo - pad, hi + pad
    return (10 ** lo, 10 ** hi) if log else (lo, hi)


def _tick_label(value, _position=None) -> str:
    value = round(float(value), 12)
    return f"{0.0 if value == 0 else value:.15g}"


def _ticks(axis, lo, hi, log) -> list:
    if log:
        return []
    from matplotlib.ticker import FixedLocator, FuncFormatter

    low, high = min(lo, hi), max(lo, hi)
    fuzz = 1e-10 * (high - low)
    ticks = [t for t in pretty(low, high) if low - fuzz <= t <= high + fuzz]
    axis.set_major_locator(FixedLocator(ticks))
    axis.set_major_formatter(FuncFormatter(_tick_label))
    return ticks


def _new_plot(xs, ys, xlim, ylim, log, asp, axes, frame_plot, caller):
    """R's plot.new() + plot.window() + axes: a new figure (a new page)."""
    plt = pyplot()
    with plt.rc_context({"figure.max_open_warning": 0}):  # R's pages: no warning
        figure = plt.figure(figsize=(7, 7))
    ax = figure.add_subplot()
    log = log or ""
    if set(log) - {"x", "y"}:
        raise ValueError(f'{caller}(): `log` must be "", "x", "y" or "xy"; received {log!r}.')
    x_lo, x_hi = _usr(xs, xlim, "x" in log, "xlim", caller)
    y_lo, y_hi = _usr(ys, ylim, "y" in log, "ylim", caller)
    if "x" in log:
        ax.set_xscale("log")
    if "y" in log:
        ax.set_yscale("log")
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y_lo, y_hi)
    xticks = _ticks(ax.xaxis, x_lo, x_hi, "x" in log)
    yticks = _ticks(ax.yaxis, y_lo, y_hi, "y" in log)
    ax.tick_params(axis="y", labelrotation=90)  # R's las = 0: labels along the axis
    for label in ax.get_yticklabels():
        label.set_verticalalignment("center")
    if asp is not None and not (isinstance(asp, float) and math.isnan(asp)):
        ax.set_aspect(float(asp), adjustable="datalim")
    if not axes:
        ax.set_xticks([])
        ax.set_yticks([])
    if not frame_plot:
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        for side, ticks in (("bottom", xticks), ("left", yticks)):
            if not axes:
                ax.spines[side].set_visible(False)
            elif len(ticks) > 1:  # R's axis() line spans the tick marks
                ax.spines[side].set_bounds(ticks[0], ticks[-1])
    return ax


def _annotate(ax, main=None, sub=None, xlab=None, ylab=None) -> None:
    if main is not None:
        ax.set_title(str(main), fontweight="bold", fontsize="x-large")
    if xlab is not None:
        ax.set_xlabel(str(xlab))
    if ylab is not None:
        ax.set_ylabel(str(ylab))
    if sub is not None:
        ax.annotate(str(sub), xy=(0.5, 0), xycoords="axes fraction", xytext=(0, -44),
                    textcoords="offset points", ha="center", va="top")


def _is_drawing(value) -> bool:
    return isinstance(value, Drawing)


# -- the functions ------------------------------------------------------------------------
def plot_default(x, y=None, type="p", xlim=None, ylim=None, log="", main=None, sub=None,
                 xlab=None, ylab=None, ann=True, axes=True, frame_plot=None,
                 panel_first=None, panel_last=None, asp=None, col=None, lty=None, lwd=None,
                 pch=None, cex=None, bg=None, **kwargs):
    """R's `plot.default()`: a scatter plot (or line plot) of y against x on a new page.

    Arguments:
        x, y: the coordinates: numbers, vectors (`c()`, lists), arrays or tensors. With
            `y` missing, `x`'s values are drawn against their index 1..n (or a two-column
            matrix's columns, or a dict's `x` and `y`).
        type: "p" points, "l" lines, "b" both, "c" the lines of "b", "o" both
            overplotted, "h" vertical bars from 0, "s"/"S" steps, "n" nothing (the axes).
        xlim, ylim: c(from, to) of each axis (widened by 4%, as R does); reversed to
            reverse the axis.
        log: "x", "y" or "xy": log-scaled axes.
        main, sub, xlab, ylab: the title, subtitle and axis labels. R names the axes by
            the deparsed arguments; here xlab is "x" (with `y`) or "Index" (without),
            ylab "y" (or "x").
        ann: FALSE: no title and labels.
        axes: FALSE: no axes.
        frame_plot: whether to draw the box (default: `axes`).
        panel_first, panel_last: what `grid()` or `abline()` returned, drawn under (first)
            or over (last) the data on this plot.
        asp: the y/x aspect ratio.
        col, lty, lwd, pch, cex, bg: colour, line type, line width, plotting symbol,
            symbol size, symbol fill (pch 21..25).
        **kwargs: matplotlib's keywords of `Axes.plot()`.

    Value: None (R's invisible NULL); `matplotlib.pyplot.gca()` is the plot's axes.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import matplotlib.pyplot as plt
        >>> plot_default(c(3, 1, 2))
        >>> line = plt.gca().lines[0]
        >>> line.get_xdata().tolist(), line.get_ydata().tolist(), line.get_linestyle()
        ([1.0, 2.0, 3.0], [3.0, 1.0, 2.0], 'None')
        >>> plt.gca().get_xlabel(), plt.gca().get_ylabel()
        ('Index', 'x')
        >>> plt.close("all")
    """
    firsts = [d for d in (panel_first, panel_last) if _is_drawing(d)]
    for name, value in (("panel_first", panel_first), ("panel_last", panel_last)):
        if value is not None and not _is_drawing(value):
            raise TypeError(f"plot(): `{name}` must be what grid() or abline() returned; "
                            f"received {type(value).__name__}.")
    _refuse_pending(keep=firsts)
    xs, ys, has_y = _xy(x, y, "plot")
    extra = _extra(kwargs, "plot")
    ax = _new_plot(xs, ys, xlim, ylim, log, asp, axes,
                   axes if frame_plot is None else frame_plot, "plot")
    if panel_first is not None:
        ax.set_axisbelow(True)
        panel_first._move_to(ax)
    _draw_xy(ax, xs, ys, type, col, lty, lwd, pch, cex, bg, extra, "plot")
    if panel_last is not None:
        ax.set_axisbelow(False)
        panel_last._move_to(ax)
    if ann:
        _annotate(ax, main, sub,
                  ("x" if has_y else "Index") if xlab is None else xlab,
                  ("y" if has_y else "x") if ylab is None else ylab)


def lines(x, y=None, type="l", col=None, lty=None, lwd=None, pch=None, cex=None, bg=None,
          **kwargs):
    """R's `lines()`: add lines (or another `type`) joining the points to the current plot.

    Arguments:
        x, y: the coordinates (y missing: x against its index 1..n).
        type: as `plot()`'s ("l").
        col, lty, lwd, pch, cex, bg: as `plot()`'s.
        **kwargs: matplotlib's keywords of `Axes.plot()`.

    Value: None. With no plot open: R's error "plot.new has not been called yet".

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import matplotlib.pyplot as plt
        >>> plot_default(c(1, 2, 3), c(1, 4, 9), type="n")
        >>> lines(c(1, 2, 3), c(1, 4, 9), col="red", lty="dashed")
        >>> plt.gca().lines[0].get_ydata().tolist()
        [1.0, 4.0, 9.0]
        >>> plt.close("all")
    """
    ax = _current_axes("lines")
    xs, ys, _ = _xy(x, y, "lines")
    _draw_xy(ax, xs, ys, type, col, lty, lwd, pch, cex, bg, _extra(kwargs, "lines"), "lines")


def points(x, y=None, type="p", col=None, lty=None, lwd=None, pch=None, cex=None, bg=None,
           **kwargs):
    """R's `points()`: add points (or another `type`) to the current plot.

    Arguments:
        x, y: the coordinates (y missing: x against its index 1..n).
        type: as `plot()`'s ("p").
        col, lty, lwd, pch, cex, bg: as `plot()`'s (pch 1: open circles).
        **kwargs: matplotlib's keywords of `Axes.plot()`.

    Value: None. With no plot open: R's error "plot.new has not been called yet".

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import matplotlib.pyplot as plt
        >>> plot_default(c(1, 2, 3), type="n")
        >>> points(2, 2, pch=19, col=2)
        >>> plt.gca().lines[0].get_marker(), plt.gca().lines[0].get_color()
        ('o', '#DF536B')
        >>> plt.close("all")
    """
    ax = _current_axes("points")
    xs, ys, _ = _xy(x, y, "points")
    _draw_xy(ax, xs, ys, type, col, lty, lwd, pch, cex, bg, _extra(kwargs, "points"),
             "points")


def abline(a=None, b=None, h=None, v=None, reg=None, coef=None, col=None, lty=None,
           lwd=None, **kwargs):
    """R's `abline()`: add straight lines to the current plot: y = a + b x, horizontal
    lines at `h`, vertical lines at `v`.

    Arguments:
        a, b: intercept and slope (`a` may be c(intercept, slope)).
        h, v: the y values of horizontal lines, the x values of vertical lines.
        reg: an object with `coef` (intercept, slope), as R's fitted `lm()`.
        coef: c(intercept, slope).
        col, lty, lwd: as `plot()`'s, recycled over the lines.
        **kwargs: matplotlib's keywords of `Line2D`.

    Value: the drawing (for `plot(..., panel_first=abline(h=0))`); R returns NULL.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import matplotlib.pyplot as plt
        >>> plot_default(c(-1, 1), c(-1, 1))
        >>> abline(h=c(0, 0.5), v=0, lty=2)
        <abline() drawn on the current plot>
        >>> [line.get_ydata() for line in plt.gca().lines[1:3]]
        [[0.0, 0.0], [0.5, 0.5]]
        >>> plt.close("all")
    """
    if reg is not None:
        coef = getattr(reg, "coef", getattr(reg, "coefficients", reg))
    if coef is not None:
        a = coef
    if a is not None and b is None and len(_recycled(a)) == 2:
        a, b = _recycled(a)
    if a is None and b is None and h is None and v is None:
        raise ValueError("abline(): give `a` and `b`, `h`, `v`, `coef` or `reg`.")
    extra = _extra(kwargs, "abline")
    colors = _colors(1 if col is None else col)
    styles = [_linestyle(t) for t in (_recycled(lty) or [None])]
    widths = [_width(w) for w in (_recycled(lwd) or [None])]

    def style(i):
        return {"color": colors[i % len(colors)], "linestyle": styles[i % len(styles)],
                "linewidth": widths[i % len(widths)], **extra}

    def draw(ax):
        made, i = [], 0
        if b is not None:
            made.append(ax.axline((0.0, float(a or 0.0)), slope=float(b), **style(i)))
            i += 1
        for value in _numbers(h, "h", "abline").ravel() if h is not None else ():
            made.append(ax.axhline(float(value), **style(i)))
            i += 1
        for value in _numbers(v, "v", "abline").ravel() if v is not None else ():
            made.append(ax.axvline(float(value), **style(i)))
            i += 1
        return lambda: [artist.remove() for artist in made]

    return _drawing("abline", draw)


def grid(nx=None, ny=None, col="lightgray", lty="dotted", lwd=1, equilogs=True):
    """R's `grid()`: add a rectangular grid to the current plot.

    Arguments:
        nx, ny: the number of cells in x and y; None: lines at the tick marks; NA: none in
            that direction.
        col, lty, lwd: the lines' colour, type and width.
        equilogs: (R's, for log axes; the grid follows the ticks here).

    Value: the drawing, which `plot(..., panel_first=grid())` moves to the new plot (R's
    `panel.first`, evaluated once the new plot exists); R returns the lines' positions.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import matplotlib.pyplot as plt
        >>> plot_default(c(0, 10), c(0, 10), panel_first=grid())
        >>> all(line.get_visible() for line in plt.gca().get_xgridlines())
        True
        >>> plt.close("all")
    """
    kw = {"color": _color(col), "linestyle": _linestyle(lty), "linewidth": _width(lwd)}

    def absent(n) -> bool:
        return isinstance(n, float) and math.isnan(n)

    def draw(ax):
        made, turned_on = [], []
        for n, axis, limits, line in ((nx, "x", ax.get_xlim, ax.axvline),
                                      (ny, "y", ax.get_ylim, ax.axhline)):
            if absent(n):
                continue
            if n is None:
                gridlines = ax.get_xgridlines() if axis == "x" else ax.get_ygridlines()
                if not any(g.get_visible() for g in gridlines):
                    turned_on.append(axis)
                ax.grid(True, axis=axis, **kw)
            else:
                lo, hi = limits()
                made += [line(p, **kw) for p in np.linspace(lo, hi, int(n) + 1)]

        def undo():
            for artist in made:
                artist.remove()
            for axis in turned_on:
                ax.grid(False, axis=axis)
        return undo

    return _drawing("grid", draw)


def legend(x="topright", y=None, legend=None, fill=None, col=None, border="black", lty=None,
           lwd=None, pch=None, bty="o", bg="white", pt_bg=None, cex=1, pt_cex=None,
           title=None, horiz=False, ncol=1, **kwargs):
    """R's `legend()`: add a legend to the current plot.

    Arguments:
        x, y: where: "bottomright", "bottom", "bottomleft", "left", "topleft", "top",
            "topright", "right", "center"; or the coordinates of its top-left corner.
        legend: the labels (given second, as R allows, they are the labels).
        fill: colours of filled boxes by the labels.
        col, lty, lwd, pch: the lines' and symbols' colours, types, widths, symbols.
        border: the boxes' border colour.
        bty: "o" a box, "n" none.
        bg: the background colour.
        pt_bg, pt_cex: the symbols' fill and size.
        cex: the text size.
        title: a title above the labels.
        horiz: all labels on one row.
        ncol: the number of columns.
        **kwargs: matplotlib's keywords of `Axes.legend()`.

    Value: None. With no plot open: R's error "plot.new has not been called yet".
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    ax = _current_axes("legend")
    if legend is None and y is not None and not isinstance(y, numbers.Number):
        legend, y = y, None  # legend("topright", c("a", "b"))
    labels = [str(v) for v in _recycled(legend)]
    if not labels:
        raise ValueError("legend(): `legend` (the labels) is missing.")
    n = len(labels)
    colors = _colors(1 if col is None else col)
    fills = _colors(fill, "fill") if fill is not None else []
    types = _recycled(lty)
    widths = _recycled(lwd)
    symbols = _recycled(pch)
    handles = []
    for i in range(n):
        if fills:
            handles.append(Patch(facecolor=fills[i % len(fills)], edgecolor=_color(border)))
            continue
        color = colors[i % len(colors)]
        kw = {"color": color, "linestyle": "None", "marker": "None"}
        if types:
            kw.update(linestyle=_linestyle(types[i % len(types)]),
                      linewidth=_width(widths[i % len(widths)] if widths else None))
        if symbols:
            kw.update(_marker(symbols[i % len(symbols)], color,
                              pt_cex if pt_cex is not None else cex, pt_bg))
        handles.append(Line2D([], [], **kw))
    place = {}
    if isinstance(x, str):
        if x not in LEGEND_PLACES:
            raise ValueError(f"legend(): `x` must be one of {list(LEGEND_PLACES)} or a "
                             f"coordinate; received {x!r}.")
        place["loc"] = LEGEND_PLACES[x]
    else:
        place.update(loc="upper left", bbox_to_anchor=(float(x), float(y)),
                     bbox_transform=ax.transData)
    ax.legend(handles, labels, frameon=bty != "n", facecolor=_color(bg, "bg"),
              edgecolor="black", fancybox=False, title=title,
              ncol=n if horiz else int(ncol), fontsize=10 * float(cex), framealpha=1,
              **place, **kwargs)


def title(main=None, sub=None, xlab=None, ylab=None, **kwargs):
    """R's `title()`: add a title, subtitle or axis labels to the current plot.

    Arguments:
        main, sub, xlab, ylab: the texts.
        **kwargs: (R's graphical parameters; not drawn here).

    Value: None. With no plot open: R's error "plot.new has not been called yet".
    """
    ax = _current_axes("title")
    _extra(kwargs, "title")
    _annotate(ax, main, sub, xlab, ylab)


def _breaks(xs, breaks) -> np.ndarray:
    n = xs.size
    lo, hi = float(xs.min()), float(xs.max())
    if isinstance(breaks, str):
        method = breaks.lower()
        if method == "sturges":
            classes = math.ceil(math.log2(n) + 1)
        elif method == "scott":
            width = 3.5 * np.std(xs, ddof=1) * n ** (-1 / 3)
            classes = max(1, math.ceil((hi - lo) / width)) if width > 0 else 1
        elif method in ("fd", "freedman-diaconis"):
            q75, q25 = np.percentile(xs, [75, 25])
            width = 2 * (q75 - q25) * n ** (-1 / 3)
            classes = max(1, math.ceil((hi - lo) / width)) if width > 0 else 1
        else:
            raise ValueError(f'hist(): `breaks` must be "Sturges", "Scott", "FD", a number '
                             f'of cells or a vector of breaks; received {breaks!r}.')
        return pretty(lo, hi, classes)
    values = _numbers(breaks, "breaks", "hist").ravel()
    if values.size == 1:
        return pretty(lo, hi, int(values[0]))
    return np.sort(values)


def hist(x, breaks="Sturges", freq=None, include_lowest=True, right=True, col="lightgray",
         border=None, main=None, xlim=None, ylim=None, xlab=None, ylab=None, axes=True,
         plot=True, **kwargs):
    """R's `hist()`: a histogram of x's values on a new page.

    Arguments:
        x: the values (vector, array or tensor; NA/NaN left out).
        breaks: "Sturges" (R's default), "Scott", "FD", a number of cells (a suggestion,
            made pretty) or the vector of breaks.
        freq: TRUE counts, FALSE densities (default: counts when the cells are equal).
        include_lowest, right: cells are (a, b] (right = TRUE), the first one closed.
        col, border: the bars' fill and border colours.
        main, xlab, ylab: the title ("Histogram of x") and axis labels.
        xlim, ylim: the axes' ranges.
        axes: FALSE: no axes.
        plot: FALSE: compute only.
        **kwargs: matplotlib's keywords of `Axes.bar()`.

    Value: R's "histogram" list: `breaks`, `counts`, `density`, `mids`, `xname`,
    `equidist`.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import matplotlib.pyplot as plt
        >>> h = hist(c(1, 2, 2, 3, 3, 3, 4, 4, 5))
        >>> h.breaks, h.counts
        (c(1, 2, 3, 4, 5), c(3, 3, 2, 1))
        >>> len(plt.gca().patches)
        4
        >>> plt.close("all")
    """
    from .syntax import RList, RVector  # lazily: `import rstyle_keras` does not load it

    xs = _numbers(x, "x", "hist").ravel()
    xs = xs[np.isfinite(xs)]
    if xs.size == 0:
        raise ValueError("hist(): `x` has no finite values.")
    cuts = _breaks(xs, breaks)
    if cuts[0] > xs.min() or cuts[-1] < xs.max():
        raise ValueError("hist(): some 'x' not counted; maybe 'breaks' do not span range "
                         "of 'x'.")
    side = "left" if right else "right"
    index = np.searchsorted(cuts, xs, side=side)  # right: cell i holds (b[i-1], b[i]]
    if include_lowest:
        index[xs == (cuts[0] if right else cuts[-1])] = 1 if right else cuts.size - 1
    counts = np.bincount(index - 1, minlength=cuts.size - 1)[:cuts.size - 1]
    widths = np.diff(cuts)
    density = counts / (xs.size * widths)
    equal = bool(np.allclose(widths, widths[0], rtol=1e-7))
    freq = equal if freq is None else bool(freq)
    result = RList(breaks=RVector(cuts.tolist()), counts=RVector(counts.tolist()),
                   density=RVector(density.tolist()),
                   mids=RVector((cuts[:-1] + widths / 2).tolist()), xname="x",
                   equidist=equal)
    if not plot:
        return result
    _refuse_pending(keep=())
    heights = counts if freq else density
    ax = _new_plot(cuts, np.append(heights.astype(float), 0.0), xlim, ylim, "", None, axes,
                   False, "hist")
    ax.bar(cuts[:-1], heights, width=widths, align="edge",
           color=_color(col) if col is not None else "none",
           edgecolor=_color(border) if border is not None else "black",
           linewidth=WIDTH, **_extra(kwargs, "hist"))
    _annotate(ax, "Histogram of x" if main is None else main, None,
              "x" if xlab is None else xlab,
              ("Frequency" if freq else "Density") if ylab is None else ylab)
    return result
