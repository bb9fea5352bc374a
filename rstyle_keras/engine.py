"""Which engine runs what the first argument does not decide: the NumPy core or Keras 3.

The setting starts from the environment variable `RSTYLE_KERAS_ENGINE` (read once, at
import, as Keras reads `KERAS_BACKEND`) and changes with `config_set_engine()`. It decides
only where the first argument does not: `layer_*()` with no object, `keras_input()`,
`keras_model_sequential()`, `keras_model()`, and `op_*()` on plain Python or NumPy data.
A Keras object or a backend tensor always goes to Keras, a core object to the core.

This module imports nothing of the package, so every other module may import it.
"""

from __future__ import annotations

import importlib.util
import os

ENGINES = ("numpy", "keras")
KERAS_EXTRA_HINT = 'pip install "rstyle-keras[keras]"'


class CoreLacksError(NotImplementedError):
    """Raised under the "numpy" engine for a function the NumPy core does not implement."""


def _checked(name, source: str) -> str:
    if not isinstance(name, str) or name.lower() not in ENGINES:
        raise ValueError(
            f"{source} must be one of {', '.join(map(repr, ENGINES))}; received {name!r}."
        )
    name = name.lower()
    if name == "keras":
        require_keras()
    return name


def keras_installed() -> bool:
    """Whether Keras can be imported (found without importing it)."""
    return importlib.util.find_spec("keras") is not None


def require_keras() -> None:
    """Raise an ImportError that says how to install Keras, when it is not installed."""
    if not keras_installed():
        raise ImportError(
            f'The "keras" engine needs Keras 3, which is not installed: {KERAS_EXTRA_HINT} '
            "(Keras with JAX on the CPU), or install keras and a backend yourself."
        )


# An empty variable counts as unset, as Keras treats an empty KERAS_BACKEND.
_engine = _checked(os.environ.get("RSTYLE_KERAS_ENGINE") or "numpy", "RSTYLE_KERAS_ENGINE")


def config_engine() -> str:
    """The engine used where the first argument does not decide: "numpy" or "keras".

    Value: a string.

    Examples:
        >>> config_engine() in ("numpy", "keras")
        True
    """
    return _engine


def config_set_engine(name: str) -> None:
    """Choose the engine for what the first argument does not decide.

    Arguments:
        name: "numpy" (the NumPy core: tensors, the pooling family, Sequential and
            functional models) or "keras" (Keras 3 on the backend that `KERAS_BACKEND`
            or keras.json names: every layer, training, GPUs).

    Value: None, called for its effect. An unknown name is a ValueError; "keras"
    without Keras installed is an ImportError saying what to install.

    Examples:
        >>> old = config_engine()
        >>> config_set_engine("numpy")
        >>> config_engine()
        'numpy'
        >>> config_set_engine("torch")
        Traceback (most recent call last):
        ...
        ValueError: `name` must be one of 'numpy', 'keras'; received 'torch'.
        >>> config_set_engine(old)
    """
    global _engine
    _engine = _checked(name, "`name`")


def core_lacks(function_name: str, core_object=None) -> CoreLacksError:
    """The error for `function_name` under the "numpy" engine, with both remedies; or, when
    a core object as first argument chose the core, what to do about that object."""
    if core_object is not None:
        return CoreLacksError(
            f"{function_name}() is not implemented by the NumPy core, and its first argument "
            f"is a core object ({type(core_object).__name__}), which the core runs whatever "
            f"the engine. Give it Keras objects or data instead: under the \"keras\" engine "
            f"(now {_engine!r}) keras_input(), keras_model_sequential() and op_array() make "
            f"Keras's, and op_convert_to_numpy() turns a core Tensor into data."
        )
    return CoreLacksError(
        f"{function_name}() is not implemented by the NumPy core (the \"numpy\" engine, "
        f"which covers tensors, the pooling family and models of them). Run it on Keras 3: "
        f'{KERAS_EXTRA_HINT}, then config_set_engine("keras") (or set '
        f"RSTYLE_KERAS_ENGINE=keras before importing rstyle_keras)."
    )
