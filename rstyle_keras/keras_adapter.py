"""The Keras 3 side: importing Keras lazily, its classes and docs, and the pipe hooks.

Nothing here runs at `import rstyle_keras`: Keras (and its backend) are imported on first
use. This module knows Keras, not the dispatcher: `rstyle_keras.dispatch` calls `load()`,
registers Keras's types with the first-argument rule and hands it to `install_pipes()`.
"""

from __future__ import annotations

import sys
from functools import cache

from .engine import require_keras

# Where a Keras object or backend tensor comes from (checked without importing anything).
KERAS_MODULE_PREFIXES = ("keras.", "jax", "jaxlib.", "torch.", "tensorflow.")


def is_keras_object(obj) -> bool:
    """Whether `obj` belongs to Keras or a backend (checked by its type's module; once
    Keras is imported, a user's subclass of a Keras class, defined in any module, too)."""
    module = type(obj).__module__ or ""
    if module.startswith(KERAS_MODULE_PREFIXES) or module in ("jax", "torch", "tensorflow"):
        return True
    keras = sys.modules.get("keras")
    bases = tuple(getattr(keras, name, None) for name in ("Operation", "KerasTensor", "Variable"))
    return None not in bases and isinstance(obj, bases)


@cache
def load():
    """Import Keras (once); an ImportError that says what to install when it is missing."""
    require_keras()
    import keras

    return keras


@cache
def layer_class(name: str):
    """`keras.layers.<name>` (or `keras.utils.<name>` for FeatureSpace)."""
    keras = load()
    for namespace in (keras.layers, keras.utils):
        found = getattr(namespace, name, None)
        if found is not None:
            return found
    raise AttributeError(
        f"Keras {keras.__version__} has no layer class {name!r} (keras.layers.{name})."
    )


@cache
def keras_object(path: str):
    """`keras.<path>`: "optimizers.RMSprop", "losses.binary_crossentropy", "ops.zeros",
    "applications.vgg16" (a module), ..."""
    found = load()
    for part in path.split("."):
        try:
            found = getattr(found, part)
        except AttributeError:
            raise AttributeError(
                f"Keras {sys.modules['keras'].__version__} has no keras.{path}."
            ) from None
    return found


def keras_doc(name: str) -> str:
    """The installed Keras object's own docstring, quoted (`| ` before every line): a layer
    class by name ("Dense"), anything else by its path under `keras` ("optimizers.Adam").

    Quoting keeps Keras's `>>>` examples from running as our doctests and sets them apart
    from the R-style text around them.
    """
    try:
        cls = keras_object(name) if "." in name else layer_class(name)
    except (ImportError, AttributeError) as e:
        return f"(Keras's documentation is not available: {e})"
    import inspect

    text = inspect.getdoc(cls) or "(no docstring)"
    keras = sys.modules["keras"]
    header = f"Keras {keras.__version__}'s documentation of {cls.__module__}.{cls.__name__}:"
    return header + "\n\n" + "\n".join(f"| {line}".rstrip() for line in text.splitlines())


def tensor_types() -> tuple[type, ...]:
    """Keras's KerasTensor and the tensor types of the backends already imported."""
    keras = load()
    found = [keras.KerasTensor]
    if "jax" in sys.modules:
        jax = sys.modules["jax"]
        # a Tracer: what a layer's call() sees inside fit()'s compiled step
        found.extend([jax.Array, jax.core.Tracer])
    if "torch" in sys.modules:
        found.append(sys.modules["torch"].Tensor)
    if "tensorflow" in sys.modules:
        tf = sys.modules["tensorflow"]
        found.extend([tf.Tensor, tf.Variable])
    return tuple(found)


def install_pipes(compose, layer_types: tuple[type, ...]) -> None:
    """Make `x | layer` compose for Keras layers and models, whatever `x` is.

    * `keras.Layer.__ror__`: `x | layer` when `x` does not know `|` for a layer (backend
      tensors, Python lists, Keras models, core objects); `__array_ufunc__ = None` makes
      NumPy arrays defer to it instead of or-ing element by element.
    * `KerasTensor.__or__` is Keras's logical or, and it answers for any right operand,
      so `kt | layer` would be a bool tensor. It is wrapped: a layer (Keras's or the
      core's, `layer_types`) on the right composes; anything else is Keras's own or.
    """
    keras = load()
    if getattr(keras.Layer, "_rstyle_pipe", False):
        return

    def layer_ror(self, other):
        return compose(other, self)

    keras.Layer.__ror__ = layer_ror
    keras.Layer.__array_ufunc__ = None
    keras.Layer._rstyle_pipe = True

    logical_or = keras.KerasTensor.__or__

    def keras_tensor_or(self, other):
        if isinstance(other, layer_types):
            return compose(self, other)
        return logical_or(self, other)

    keras_tensor_or.__wrapped__ = logical_or
    keras.KerasTensor.__or__ = keras_tensor_or
