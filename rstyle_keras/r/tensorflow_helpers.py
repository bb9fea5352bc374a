"""R's tensorflow-package helpers that R keras3 re-exports: `as_tensor()`, `all_dims()`,
`tensorboard()`.

In R they come from the tensorflow package; here they work over Keras 3's backend
(whichever `KERAS_BACKEND` names), as R keras3's users meet them:

| R                                    | rstyle_keras                          |
|--------------------------------------|---------------------------------------|
| `as_tensor(42, "int32")`             | `as_tensor(42, "int32")`              |
| `as_tensor(1:6, shape = c(2, NA))`   | `as_tensor(range(1, 7), shape=c(2, None))` |
| `x[all_dims(), 1]`                   | `x[all_dims(), 0]`, i.e. `x[..., 0]`  |
| `tensorboard("logs")`                | `tensorboard("logs")`                 |

Examples:
    >>> x = as_tensor(range(1, 7), "float32", shape=c(2, None))
    >>> x.shape, str(x.dtype)
    ((2, 3), 'float32')
    >>> all_dims() is Ellipsis
    True
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import sys

import numpy as np

from .. import dispatch
from .converters import normalize_target_shape

__all__ = ["all_dims", "as_tensor", "tensorboard"]


def all_dims():
    """R's `all_dims()`: all the remaining axes in a subset, Python's `...` (Ellipsis).

    Examples:
        >>> np.zeros((2, 3, 4))[all_dims(), 0].shape
        (2, 3)
    """
    return Ellipsis


def as_tensor(x, dtype=None, *, shape=None, name=None):
    """R's `as_tensor()`: `x` as a tensor of Keras's backend, of a dtype and a shape.

    Arguments:
        x: a number, nested lists, a NumPy array or a tensor.
        dtype: `None` keeps the converted dtype (Keras's: Python floats become float32);
            else the tensor is cast (`"int32"`, `"float16"`, ...). Floats cast to an
            integer dtype are truncated toward zero, and must be finite (R refuses NA).
        shape: `None`, or the shape to give `x` (`c(2, 3)`), filled in row-major (C)
            order as R's `as_tensor()` does; one unknown size (`None`, `NA` or -1) is
            inferred. A single value with a fully known shape fills it.
        name: accepted for R's signature (TensorFlow graph names); unused in eager code.

    Value:
        A backend tensor (a `jax.Array` under JAX).

    Examples:
        >>> as_tensor(42, "int32")
        Array(42, dtype=int32, weak_type=...)
        >>> as_tensor(7.0, shape=c(2, 2)).tolist()
        [[7.0, 7.0], [7.0, 7.0]]
        >>> as_tensor([1.9, -1.9], "int32").tolist()
        [1, -1]
        >>> as_tensor(float("nan"), "int32")
        Traceback (most recent call last):
          ...
        ValueError: as_tensor(): cannot convert non-finite values (NA, NaN, Inf) to dtype 'int32'.
    """
    keras = dispatch.keras()
    ops = keras.ops
    if shape is not None:
        shape = normalize_target_shape(shape, "shape")
        if sum(d == -1 for d in shape) > 1:
            raise ValueError(f"as_tensor(): `shape` may have one unknown size (NA or -1); "
                             f"received {shape}.")
        if np.ndim(x) == 0 and -1 not in shape:
            x = np.full(shape, np.asarray(x))
        elif keras.ops.is_tensor(x):
            x = ops.reshape(x, shape)  # row-major, as R's as_tensor()
        else:
            x = np.reshape(np.asarray(x), shape, order="C")
    if dtype is None:
        return ops.convert_to_tensor(x)
    dtype = keras.backend.standardize_dtype(dtype)
    if "int" in dtype or dtype == "bool":
        values = np.asarray(ops.convert_to_numpy(x) if ops.is_tensor(x) else x)
        if values.dtype.kind in "fc" and not np.all(np.isfinite(values)):
            raise ValueError(f"as_tensor(): cannot convert non-finite values (NA, NaN, Inf) "
                             f"to dtype {dtype!r}.")
    return ops.cast(ops.convert_to_tensor(x), dtype)


_SERVERS: list = []  # the subprocess.Popen of each server started here


def tensorboard(log_dir, action: str = "start", host: str = "127.0.0.1", port="auto",
                launch_browser=None, reload_interval=5, purge_orphaned_data: bool = True):
    """R's `tensorboard()`: start (or stop) a TensorBoard server on training logs.

    Arguments:
        log_dir: the directory of the logs (`callback_tensorboard(log_dir=)` writes
            them), created when missing; several as a list, or a dict of
            `{alias: directory}` (R's named vector), shown side by side.
        action: `"start"` a server, or `"stop"` the servers started here.
        host, port: where it listens; `port="auto"` is the first free one from 6006.
        launch_browser: open the page in a browser; `None` does when Python runs
            interactively (R's default, `interactive()`).
        reload_interval: seconds between reloads of the logs (a whole number).
        purge_orphaned_data: TensorBoard's `--purge_orphaned_data`.

    Value:
        The server's address (`"http://127.0.0.1:6006"`) after `"start"`, None after
        `"stop"`. The server runs until `tensorboard(action="stop")` or Python exits.

    It runs the `tensorboard` program (`pip install tensorboard`); without it, the error
    says so.
    """
    if action == "stop":
        while _SERVERS:
            _SERVERS.pop().terminate()
        return None
    if action != "start":
        raise ValueError(f"tensorboard(): `action` must be 'start' or 'stop'; "
                         f"received {action!r}.")
    if isinstance(log_dir, dict):
        dirs = {str(alias): os.fspath(path) for alias, path in log_dir.items()}
    elif isinstance(log_dir, (list, tuple)):
        dirs = {os.path.basename(os.path.normpath(os.fspath(p))): os.fspath(p) for p in log_dir}
    else:
        dirs = {"": os.fspath(log_dir)}
    for path in dirs.values():
        os.makedirs(path, exist_ok=True)
    if isinstance(reload_interval, float) and not reload_interval.is_integer():
        raise TypeError(f"tensorboard(): `reload_interval` must be a whole number of "
                        f"seconds; received {reload_interval!r}.")
    import subprocess  # here, not at import: `import rstyle_keras` stays fast
    import webbrowser

    port = _free_port(host) if port == "auto" else int(port)
    logdir = (["--logdir", next(iter(dirs.values()))] if list(dirs) == [""] else
              ["--logdir_spec", ",".join(f"{alias}:{path}" for alias, path in dirs.items())])
    command = [*_tensorboard_program(), *logdir, "--host", str(host), "--port", str(port),
               "--reload_interval", str(int(reload_interval)),
               "--purge_orphaned_data", str(bool(purge_orphaned_data)).lower()]
    _SERVERS.append(subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL))
    url = f"http://{host}:{port}"
    print(f"Started TensorBoard at {url}")
    if launch_browser is None:
        launch_browser = hasattr(sys, "ps1") or bool(sys.flags.interactive)
    if launch_browser:
        webbrowser.open(url)
    return url


def _tensorboard_program() -> list[str]:
    import shutil  # here: it costs import time, and only tensorboard() needs it

    found = shutil.which("tensorboard")
    if found:
        return [found]
    if importlib.util.find_spec("tensorboard") is not None:
        return [sys.executable, "-m", "tensorboard.main"]
    raise ImportError("tensorboard(): TensorBoard is not installed; pip install tensorboard "
                      "(callback_tensorboard() writes the logs without it).")


def _free_port(host: str, first: int = 6006) -> int:
    import socket

    for port in range(first, first + 100):
        with socket.socket() as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"tensorboard(): no free port on {host} from {first} to {first + 99}.")


@atexit.register
def _stop_servers():  # a server started here ends with Python, as R's does with R
    tensorboard(None, action="stop")

