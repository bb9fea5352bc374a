"""R keras3's custom objects: `set_custom_objects()` and `with_custom_object_scope()`.

The other serialization functions of R keras3 (`serialize_keras_object()`,
`deserialize_keras_object()`, `get_custom_objects()`, `get_registered_name()`,
`get_registered_object()`) are Keras calls, made from `api_tables.UTILITIES` in
`rstyle_keras.r.utilities`; `register_keras_serializable()` is in `rstyle_keras.r.classes`.
Custom objects are given as R gives them: a dict of names to objects (R's named list), or a
list (or one object) named by each object's own name; a `Layer()` constructor or a
`layer_*()` function stands for its Keras class.

Examples:
    A custom layer saved in a model, loaded back inside a scope that knows its class:

    >>> import os, tempfile
    >>> from rstyle_keras.r.serialization import with_custom_object_scope
    >>> config_set_engine("keras")
    >>> layer_twice = new_layer_class("Twice", call=lambda self, x: x * 2)
    >>> model = keras_model_sequential(input_shape=c(2)) | layer_twice()
    >>> path = os.path.join(tempfile.mkdtemp(), "twice.keras")
    >>> _ = save_model(model, path)
    >>> with with_custom_object_scope(layer_twice):
    ...     loaded = load_model(path)
    >>> type(loaded.layers[0]).__name__
    'Twice'
    >>> with_custom_object_scope({"Twice": layer_twice}, lambda: type(load_model(path).layers[0]).__name__)
    'Twice'
    >>> config_set_engine("numpy")
"""  # noqa: E501

from __future__ import annotations

from ..dispatch import keras
from .classes import normalize_custom_objects

__all__ = ["set_custom_objects", "with_custom_object_scope"]


def _registration_module():
    """Keras's module that holds the global custom objects (the one of
    `keras.saving.get_custom_objects()`, as R keras3 finds it)."""
    import importlib

    return importlib.import_module(keras().saving.get_custom_objects.__module__)


def set_custom_objects(objects=None, clear=True):
    """Set Keras's global custom objects, which every load and deserialization knows (R
    keras3's `set_custom_objects()`).

    As R keras3 does, the global objects and their names are set together (updating
    `get_custom_objects()`'s dict alone leaves Keras's registered names out of step).

    Arguments:
        objects: the custom objects: a dict of names to classes or functions (R's named
            list), or a list (or one object) named by each one's own name; None (R's empty
            `named_list()`) for none.
        clear: whether to remove the objects registered before (R's default TRUE).

    Value: the global custom objects as they were before the call (a dict; R returns them
    invisibly).

    Examples:
        >>> from rstyle_keras.r.serialization import set_custom_objects
        >>> from rstyle_keras.r.utilities import get_custom_objects, get_registered_name
        >>> def my_act(x):
        ...     return x * 2
        >>> old = set_custom_objects({"MyAct": my_act})
        >>> get_custom_objects()["MyAct"] is my_act, get_registered_name(my_act)
        (True, 'MyAct')
        >>> set_custom_objects(old)["MyAct"] is my_act
        True
    """
    if not isinstance(clear, bool):
        raise TypeError(f"set_custom_objects(): `clear` must be True or False; received "
                        f"{type(clear).__name__} {clear!r}.")
    m = _registration_module()
    before = dict(m.GLOBAL_CUSTOM_OBJECTS)
    if clear:
        m.GLOBAL_CUSTOM_NAMES.clear()
        m.GLOBAL_CUSTOM_OBJECTS.clear()
    normalized = normalize_custom_objects(objects)
    if normalized:
        m.GLOBAL_CUSTOM_OBJECTS.update(normalized)
        m.GLOBAL_CUSTOM_NAMES.clear()
        m.GLOBAL_CUSTOM_NAMES.update(
            {obj: name for name, obj in m.GLOBAL_CUSTOM_OBJECTS.items()})
    return before


def with_custom_object_scope(objects, expr=None):
    """Keras's custom object scope: inside it, loading and deserializing know `objects`
    (R keras3's `with_custom_object_scope()`).

    R evaluates its `expr` argument inside the scope. Python evaluates arguments before the
    call, so give `expr` as a function of no arguments (it is called inside the scope), or
    leave it out and use the scope in a `with` statement.

    Arguments:
        objects: the custom objects: a dict of names to classes or functions (R's named
            list), or a list (or one object) named by each one's own name.
        expr: a function of no arguments to call inside the scope; None for the scope
            itself.

    Value: with `expr`, what it returns; without, the scope (a context manager,
    `keras.saving.CustomObjectScope`).

    Examples:
        >>> from rstyle_keras.r.serialization import with_custom_object_scope
        >>> from rstyle_keras.r.utilities import get_registered_object
        >>> def my_act(x):
        ...     return x * 2
        >>> with_custom_object_scope({"MyAct": my_act}, lambda: get_registered_object("MyAct"))
        <function my_act at ...>
        >>> with with_custom_object_scope([my_act]):
        ...     get_registered_object("my_act") is my_act
        True
        >>> with_custom_object_scope([my_act], 2)
        Traceback (most recent call last):
        ...
        TypeError: with_custom_object_scope(): `expr` must be a function of no arguments ...
    """
    if expr is not None and not callable(expr):
        raise TypeError(
            f"with_custom_object_scope(): `expr` must be a function of no arguments (called "
            f"inside the scope; Python evaluated {type(expr).__name__} before the call, "
            f"outside it), or None to use the scope in a `with` statement.")
    scope = keras().saving.CustomObjectScope(normalize_custom_objects(objects) or {})
    if expr is None:
        return scope
    with scope:
        return expr()
