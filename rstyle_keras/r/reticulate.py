"""R's reticulate helpers that R keras3 re-exports, in Python.

In R, reticulate is the bridge to Python; in Python there is no bridge, and each helper
is the Python idiom it stands for:

| R (reticulate)             | rstyle_keras                         | plain Python                |
|----------------------------|--------------------------------------|-----------------------------|
| `import("numpy")`          | `import_("numpy")`                   | `import numpy`              |
| `tuple(NULL, "model")`     | `tuple(None, "model")`               | `(None, "model")`           |
| `np_array(1:3, "float32")` | `np_array(range(1, 4), "float32")`   | `np.array(x, dtype=...)`    |
| `as_iterator(x)`           | `as_iterator(x)`                     | `iter(x)`                   |
| `iter_next(it)`            | `iter_next(it)`                      | `next(it, None)`            |
| `iterate(it, f)`           | `iterate(it, f)`                     | `[f(v) for v in it]`        |
| `py_help(object)`          | `py_help(object)`                    | `help(object)`              |

`import` is a Python keyword, so R's `import()` is `import_()` (the naming rule of
`vignettes/r-names.md`). `tuple()` takes R's arguments (`tuple("a", "b")`), and stays
Python's own for everything else: one list or other iterable gives its items, as the
built-in does, and `isinstance(x, tuple)` is the built-in check, so that
`from rstyle_keras import *` leaves Python code that uses `tuple` working.

Examples:
    >>> tuple(None, "model")
    (None, 'model')
    >>> tuple("model"), tuple([1, 2]), tuple()
    (('model',), (1, 2), ())
    >>> isinstance((1, 2), tuple)
    True
    >>> it = as_iterator([10, 20])
    >>> iter_next(it), iter_next(it), iter_next(it), iter_next(it, completed="done")
    (10, 20, None, 'done')
    >>> iterate(range(1, 4), lambda v: v * 2)
    array([2, 4, 6])
    >>> np_array([[1, 2], [3, 4]], dtype="float32", order="F").flags.f_contiguous
    True
    >>> import_("math").sqrt(4.0)
    2.0
"""

from __future__ import annotations

import builtins
import importlib
import types

import numpy as np

__all__ = ["as_iterator", "import_", "iter_next", "iterate", "np_array", "py_help", "tuple"]


def import_(module: str, as_: str | None = None, convert: bool = True,
            delay_load: bool = False):
    """R's `import()` (reticulate): import a Python module by name.

    Arguments:
        module: the module's dotted name, e.g. `"numpy"` or `"keras.ops"`.
        as_: R's `as`, an alias under which R registers the module; Python names a
            module by the variable it is assigned to, so this is accepted and unused.
        convert: R's automatic conversion of results to R objects; nothing to convert in
            Python, so it must stay `True` (the values are Python's either way).
        delay_load: `True` returns a module that is imported on first attribute access
            (R's delayed load), so that importing it costs nothing until it is used.

    Value:
        The module (or, with `delay_load=True`, a stand-in that imports it on first use).

    Examples:
        >>> import_("os.path").basename("/tmp/x.keras")
        'x.keras'
        >>> lazy = import_("json", delay_load=True)
        >>> lazy.dumps([1])
        '[1]'
    """
    if not isinstance(module, str) or not module:
        raise TypeError(f"import_(): `module` must be a module name (a string); received "
                        f"{module!r}.")
    if delay_load:
        return LazyModule(module)
    return importlib.import_module(module)


class LazyModule(types.ModuleType):
    """A module imported on first attribute access (reticulate's `delay_load`)."""

    def __init__(self, name: str, load=None):
        super().__init__(name)
        self.__dict__["_load"] = load or (lambda: importlib.import_module(name))

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)  # pickling, doctest and inspect probes import nothing
        return getattr(self.__dict__["_load"](), attr)

    def __dir__(self):
        return dir(self.__dict__["_load"]())

    def __repr__(self) -> str:
        return f"<module {self.__name__!r} (imported on first use)>"


class _TupleType(type):
    """`tuple` is Python's tuple to `isinstance()`/`issubclass()` and R's when called."""

    def __call__(cls, *values):
        if len(values) == 1 and _iterable(values[0]):
            return builtins.tuple(values[0])
        return builtins.tuple(values)

    def __instancecheck__(cls, obj):
        return isinstance(obj, builtins.tuple)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, builtins.tuple)


def _iterable(value) -> bool:
    if isinstance(value, (str, bytes)):
        return False  # R's tuple("model") is ("model",), not its letters
    try:
        iter(value)
    except TypeError:
        return False
    return True


class tuple(builtins.tuple, metaclass=_TupleType):  # noqa: A001  (R's name, on purpose)
    """R's `tuple(...)` (reticulate): a Python tuple of the values.

    Arguments:
        *values: the items. One list (or other iterable but a string) gives its items,
            as R's `tuple(list(...))` and Python's built-in `tuple(iterable)` both do;
            one string or other single value gives a tuple of one.

    Value:
        A plain Python tuple.

    Examples:
        >>> tuple(1, "a", None)
        (1, 'a', None)
        >>> tuple("data"), tuple(["data", None])
        (('data',), ('data', None))
        >>> type(tuple(1, 2)) is builtins.tuple
        True
    """


def np_array(data, dtype=None, order: str = "C") -> np.ndarray:
    """R's `np_array()` (reticulate): a NumPy array of `data`.

    Arguments:
        data: values (a number, nested lists or tuples, an array, a tensor).
        dtype: a NumPy dtype or its name (`"float32"`, `"int64"`); `None` keeps NumPy's
            choice.
        order: `"C"` (row-major, NumPy's default) or `"F"` (column-major, R's layout).

    Value:
        A `numpy.ndarray` (a copy in the requested memory order).

    Examples:
        >>> np_array(c(1, 2, 3), dtype="float32")
        array([1., 2., 3.], dtype=float32)
        >>> np_array(5).shape
        ()
    """
    if order not in ("C", "F", "A", "K"):
        raise ValueError(f"np_array(): `order` must be 'C' or 'F'; received {order!r}.")
    return np.array(data, dtype=dtype, order=order)


def as_iterator(x):
    """R's `as_iterator()` (reticulate): an iterator over `x` (Python's `iter(x)`).

    Examples:
        >>> next(as_iterator((1, 2)))
        1
    """
    return iter(x)


def iter_next(it, completed=None):
    """R's `iter_next()` (reticulate): the iterator's next item, or `completed` (R's
    `NULL`, Python's None) once it is exhausted.

    Examples:
        >>> it = as_iterator([1])
        >>> iter_next(it), iter_next(it)
        (1, None)
    """
    if not hasattr(it, "__next__"):
        raise TypeError(f"iter_next(): `it` must be an iterator (see as_iterator()); "
                        f"received {type(it).__name__}.")
    return next(it, completed)


def iterate(it, f=None, simplify: bool = True):
    """R's `iterate()` (reticulate): apply `f` to each item of an iterator or iterable.

    Arguments:
        it: an iterator or anything iterable (a list, a generator, a Keras dataset).
        f: a function of one item; `None` (R's `identity`) keeps the items.
        simplify: R makes an atomic vector of the results when each is a single value;
            with `True`, results that are all single values (numbers, strings, booleans,
            0-d arrays) come back as a 1-d NumPy array, else as a list (R's list).

    Value:
        A 1-d NumPy array (see `simplify`) or a list of the results, in order.

    Examples:
        >>> iterate(iter([1, 2, 3]), lambda v: v + 0.5)
        array([1.5, 2.5, 3.5])
        >>> iterate([1, 2], lambda v: [v])
        [[1], [2]]
        >>> iterate([1, 2], simplify=False)
        [1, 2]
    """
    results = [item if f is None else f(item) for item in it]
    if simplify and results and all(_single_value(r) for r in results):
        return np.array([np.asarray(r) for r in results])
    return results


def _single_value(value) -> bool:
    return value is not None and not isinstance(value, (list, builtins.tuple, dict)) \
        and np.ndim(value) == 0


def py_help(object) -> None:  # noqa: A002  (R's argument name)
    """R's `py_help()` (reticulate): Python's documentation of an object (`help(object)`).

    Examples:
        >>> py_help(np_array)  # doctest: +ELLIPSIS
        Help on function np_array in module rstyle_keras.r.reticulate:
        ...
    """
    import pydoc  # here, not at import: `import rstyle_keras` stays fast

    pydoc.help(object)
