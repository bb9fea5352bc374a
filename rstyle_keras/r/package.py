"""R keras3's own handles around Keras: `keras`, `use_backend()`, `newaxis`,
`named_list()`, and the `generate()` generic.

- `keras` is R's `keras` object, the Keras module: `keras.distribution.DataParallel(...)`
  is R's `keras$distribution$DataParallel(...)`. It imports Keras on first attribute
  access, so `import rstyle_keras` and `from rstyle_keras import *` stay free of Keras
  until it is used.
- `use_backend("jax")` chooses the Keras backend before Keras loads (`KERAS_BACKEND`).
- `newaxis` is `None` (NumPy's `np.newaxis`), for `op_subset()` and indexing.

Examples:
    >>> keras
    <module 'keras' (imported on first use)>
    >>> keras.ops.add(1, 2).item()
    3
    >>> named_list(a=1, b=c(2, 3))
    NamedList(a=1, b=(2, 3))
    >>> newaxis is None
    True
"""

from __future__ import annotations

import os
import sys

from .. import dispatch
from .named_list import NamedList
from .reticulate import LazyModule

__all__ = ["generate", "keras", "named_list", "newaxis", "use_backend"]

BACKENDS = ("jax", "tensorflow", "torch", "numpy", "openvino")

#: R's `keras`: the Keras module, imported (and registered with the pipes) on first use.
keras = LazyModule("keras", load=dispatch.keras)

#: R's `newaxis` (R's NULL in a subset): a new axis of size 1, as NumPy's `np.newaxis`.
newaxis = None


def use_backend(backend: str, gpu=None) -> None:
    """R's `use_backend()`: choose the Keras backend, before Keras is imported.

    Arguments:
        backend: `"jax"`, `"tensorflow"`, `"torch"`, `"numpy"` or `"openvino"`: the backend
            that Keras loads (it sets `KERAS_BACKEND`). Installing it is pip's job
            (`pip install "rstyle-keras[keras]"` brings JAX).
        gpu: R's `gpu` chooses which builds R installs. Python's packages are installed
            already, so here it chooses only whether the backend may see GPUs: `False`
            hides them (`CUDA_VISIBLE_DEVICES=""`, the backend runs on the CPU), `None`
            (R's `NA`) and `True` leave the environment as it is.

    Value:
        None, invisibly (called for its side effect).

    Once Keras is imported its backend is fixed: `use_backend()` with that same backend
    does nothing, and with another one is an error (R asks to restart the R session; in
    Python, start a new process).

    Examples:
        >>> import keras as keras_module
        >>> use_backend(keras_module.config.backend())  # already loaded: the same is fine
        >>> use_backend("jax" if keras_module.config.backend() != "jax" else "torch")
        Traceback (most recent call last):
          ...
        RuntimeError: use_backend(): Keras is already imported with the ... backend; ...
    """
    if not isinstance(backend, str) or backend not in BACKENDS:
        raise ValueError(f"use_backend(): `backend` must be one of "
                         f"{', '.join(map(repr, BACKENDS))}; received {backend!r}.")
    if gpu not in (None, True, False) and gpu == gpu:  # NaN (R's NA) is None
        raise TypeError(f"use_backend(): `gpu` must be True, False or None (R's NA); "
                        f"received {gpu!r}.")
    if "keras" in sys.modules and hasattr(sys.modules["keras"], "config"):
        loaded = sys.modules["keras"].config.backend()
        if loaded != backend:
            raise RuntimeError(
                f"use_backend(): Keras is already imported with the {loaded!r} backend; "
                f"the backend must be set before Keras is imported. Start a new Python "
                f"process and call use_backend({backend!r}) first (or set "
                f"KERAS_BACKEND={backend})."
            )
        return
    os.environ["KERAS_BACKEND"] = backend
    if gpu is False:
        os.environ["CUDA_VISIBLE_DEVICES"] = ""


def named_list(**values) -> NamedList:
    """R keras3's `named_list(...)`: a list whose every element has a name.

    Arguments:
        **values: the elements, by name (names are unique, as R's `.homonyms = "error"`
            asks; Python's keyword arguments cannot repeat anyway). R also names an
            unnamed argument after its expression (`named_list(x)` is `list(x = x)`);
            Python cannot see expressions, so every value needs its name.

    Value:
        A `NamedList` (R's named list: read by name, `.name` or `["name"]`, and
        unpacked by position).

    Examples:
        >>> lst = named_list(units=32, activation="relu")
        >>> lst.units, lst["activation"], lst.names()
        (32, 'relu', ('units', 'activation'))
        >>> named_list(32)
        Traceback (most recent call last):
          ...
        TypeError: named_list() takes 0 positional arguments but 1 was given
    """
    return NamedList(**values)


def generate(x, *args, **kwargs):
    """The `generate()` generic (R's generics package, re-exported by R keras3): call
    the object's own `generate()` method, e.g. a KerasHub language model's.

    Arguments:
        x: an object with a `generate()` method.
        *args, **kwargs: passed on to it (`generate(model, "The quick brown fox")`).

    Value:
        What the method returns.

    Examples:
        >>> class Echo:
        ...     def generate(self, prompt, max_length=3):
        ...         return prompt[:max_length]
        >>> generate(Echo(), "abcdef", max_length=2)
        'ab'
        >>> generate(1)
        Traceback (most recent call last):
          ...
        TypeError: generate(): no method for an object of class int (it has no generate()).
    """
    method = getattr(x, "generate", None)
    if not callable(method):
        raise TypeError(f"generate(): no method for an object of class {type(x).__name__} "
                        f"(it has no generate()).")
    return method(*args, **kwargs)
