"""The generic path of R keras3's functions: a table row becomes a function.

Every R function made from a table (`layer_table.LAYERS`, and `api_tables`' OPS, RANDOM,
OPTIMIZERS, LOSSES, APPLICATIONS, METRICS, ACTIVATIONS, ... FEATURES) is an `RFunction`:
its spec (`FunctionSpec`) holds R's arguments, their order and defaults, and their
converters; a call goes

1. through R's argument matching (`FunctionSpec.bind`): positional up to R's `...`, named
   after it; an argument R does not have is an error unless R has `...`;
2. to the builder of the row's kind (`BUILDERS`, below; the layers' in `layers.py`),
   which chooses the engine: the first argument that belongs to one (a Keras object or
   backend tensor -> Keras, a core object -> the NumPy core; inside a list, its first
   item), else `config_engine()`. A function the core lacks raises `CoreLacksError`;
3. with the arguments the call names (R keras3 forwards only those), each through its R
   converter (`FunctionSpec.arguments`), to what the row names in Keras
   (`keras.<target>`), or to the core's function of the same R name.

`inspect.signature()` shows R's signature (built when asked); `help()` shows R's
arguments and, below them, the installed Keras object's own docstring.

Kinds of the API tables:

| kind               | what a call returns                                                  |
|--------------------|----------------------------------------------------------------------|
| function           | `keras.<target>(...)`, or the core's function under "numpy"          |
| function_one_based | the same, plus 1 (R's 1-based indices) unless `zero_indexed=True`    |
| matmul             | `keras.ops.matmul()`, R data beside a tensor cast to its dtype       |
| class              | the Keras object `keras.<target>(...)` (optimizers, SeedGenerator)    |
| loss               | y_true, y_pred missing: the Loss (Metric) object; given: its value   |
| application        | the Keras model, its files read from Keras's cache only              |
| alias              | an old R name: a FutureWarning, then the function it was renamed to  |
| preprocess_inputs  | an application's `preprocess_input()` on x (or the function)         |
| decode_predictions | an application's `decode_predictions()` on preds (or the function)   |

Examples:
    >>> import inspect
    >>> from rstyle_keras.r.families import optimizer_rmsprop
    >>> inspect.signature(optimizer_rmsprop)
    <Signature (learning_rate=0.001, rho=0.9, momentum=0, epsilon=1e-07, centered=False, ...)>
    >>> old = config_engine()
    >>> config_set_engine("numpy")
    >>> optimizer_rmsprop(1e-3)
    Traceback (most recent call last):
    ...
    rstyle_keras.engine.CoreLacksError: optimizer_rmsprop() is not implemented by the NumPy core ...
    >>> config_set_engine(old)
"""

from __future__ import annotations

import ast
import contextlib
import re
import threading
import warnings
import weakref
from functools import cached_property

import numpy as np

from .. import keras_adapter
from ..core import ops as core_ops
from ..dispatch import engine_of, keras
from ..engine import config_engine, core_lacks
from .api_converters import API_CONVERTERS, R_DATA
from .named_list import NamedList

# How values of the R runtime's own types reach Keras (reticulate's conversions), by type:
# r/syntax.py registers its RList (one without names is a Python list).
R_TO_PY: dict = {}


class _Required:
    """The default of an argument that R requires (R's missing argument)."""

    def __repr__(self):
        return "<required>"


REQUIRED = _Required()


# What split_params looks at: a quoted default whole (callback_csv_logger's separator=','),
# a bracket, a comma; scanning for these, not every character, takes 0.6 of the time.
_PARAM_TOKENS = re.compile(r"""'[^']*'|"[^"]*"|[()\[\]{},]""")


def split_params(params: str) -> list[tuple]:
    """'units, activation=None, ...' -> [(name, default's source or None), ...]."""
    items, depth, start = [], 0, 0
    for m in _PARAM_TOKENS.finditer(params):
        token = m.group()
        if token == "," and depth == 0:
            items.append(params[start:m.start()].strip())
            start = m.end()
        elif len(token) == 1:
            depth += token in "([{"
            depth -= token in ")]}"
    items.append(params[start:].strip())
    return [
        (name.strip(), default.strip() if eq else None)
        for name, eq, default in (item.partition("=") for item in items if item)
    ]


class FunctionSpec:
    """One table row: the R name, what it calls in Keras, its kind, and R's rules for its
    arguments (names, order, defaults, converters, the ones always forwarded)."""

    converter_registry = API_CONVERTERS
    dots_converters: dict = {}  # converters of arguments that only R's `...` carries
    # R arguments without a default whose absence the kind handles (shown as `=None`)
    OPTIONAL = {"loss": ("y_true", "y_pred"), "preprocess_inputs": ("x",),
                "decode_predictions": ("preds",)}
    # What _set_params makes of the row's argument list. It runs when one of these is
    # first read, not when the ~400 rows are made at import.
    PARSED = frozenset({"defaults_source", "names", "has_dots", "positional", "required",
                        "keyword_required"})

    def __init__(self, r_name, target, kind, params, converters, forced=()):
        self.r_name, self.target, self.kind = r_name, target, kind
        self.params_source = params
        self.converters = {arg: self.converter_registry[conv] for arg, conv in converters.items()}
        self.forced = tuple(forced)
        self.renames: dict = {}
        self.optional = self.OPTIONAL.get(kind, ())

    def __getattr__(self, name):  # only for attributes not set yet
        if name in FunctionSpec.PARSED and "params_source" in self.__dict__:
            self._set_params(self._items(split_params(self.params_source)))
            return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _items(self, items: list[tuple]) -> list[tuple]:
        return items

    def _set_params(self, items: list[tuple]) -> None:
        names = [n for n, _ in items]
        dots = names.index("...") if "..." in names else len(names)
        self.defaults_source = {n: d for n, d in items if n != "..."}
        self.names = frozenset(self.defaults_source)
        self.has_dots = "..." in names
        # R matches these by position; those after `...` only by name.
        self.positional = tuple(names[:dots])
        self.required = tuple(n for n, d in items[:dots] if d is None and n not in self.optional)
        self.keyword_required = tuple(n for n, d in items[dots + 1:]
                                      if d is None and n not in self.optional)

    def default(self, name: str):
        source = self.defaults_source[name]
        return None if source is None else ast.literal_eval(source)

    # -- a call -------------------------------------------------------------------------
    def match_named(self, given: dict, kwargs: dict) -> dict:
        """Add the named arguments to those matched by position: R's rules (no argument
        twice; an unknown name only where R's `...` takes it)."""
        for name, value in kwargs.items():
            if name in given:
                raise TypeError(f"{self.r_name}() got multiple values for `{name}`.")
            if not self.has_dots and name not in self.names:
                raise TypeError(
                    f"{self.r_name}() has no argument `{name}`; its arguments are "
                    f"{', '.join(self.defaults_source)}."
                )
            given[name] = value
        return given

    def bind(self, args: tuple, kwargs: dict) -> tuple:
        """R's argument matching: (the given arguments by name,)."""
        if self.kind == "alias":
            return args, kwargs
        if len(args) > len(self.positional):
            shown = f" ({', '.join(self.positional)})" if self.positional else ""
            raise TypeError(
                f"{self.r_name}() takes at most {len(self.positional)} positional arguments"
                f"{shown}; received {len(args)}. Name the others."
            )
        given = self.match_named(dict(zip(self.positional, args)), kwargs)
        for name in self.forced:
            if name not in given:
                given[name] = self.default(name)
        return (given,)

    def arguments(self, given: dict) -> dict:
        """The Keras call's keyword arguments: the given ones (R keras3 forwards only what
        the call names), each through its R converter (the row's, else the standard one of
        R's `...`)."""
        for name in (*self.required, *self.keyword_required):
            if name not in given:
                raise TypeError(f"{self.r_name}(): argument `{name}` is missing, with no default.")
        out = {}
        for name, value in given.items():
            to_py = R_TO_PY.get(type(value))
            if to_py is not None:
                value = to_py(value)
            convert = self.converters.get(name) or self.dots_converters.get(name)
            out[self.renames.get(name, name)] = value if convert is None else convert(value, name)
        return out

    # -- what it calls ------------------------------------------------------------------
    def target_path(self, index: int = 0) -> str:
        return self.target if isinstance(self.target, str) else self.target[index]

    def keras_target(self, index: int = 0):
        """`keras.<target>`: Keras imported (with the pipes and hooks) on first use."""
        keras()
        return keras_adapter.keras_object(self.target_path(index))

    @cached_property
    def core_function(self):
        """The NumPy core's function of this R name, or None."""
        found = getattr(core_ops, self.r_name, None)
        return found if callable(found) else None

    # -- R's signature and documentation ------------------------------------------------
    def leading_parameters(self) -> list:
        """Parameters before R's own (the layers' `object`; an alias's `*args`)."""
        import inspect

        if self.kind == "alias":
            return [inspect.Parameter("args", inspect.Parameter.VAR_POSITIONAL)]
        return []

    @cached_property
    def signature(self):
        """R's signature as a Python one (built when asked: `inspect` and the literal
        defaults cost import time)."""
        import inspect

        P = inspect.Parameter
        params = self.leading_parameters()
        after_default = any(p.default is not P.empty for p in params)
        kind = P.KEYWORD_ONLY if any(p.kind is P.VAR_POSITIONAL for p in params) \
            else P.POSITIONAL_OR_KEYWORD
        for name, source in self.defaults_source.items():
            if name not in self.positional:
                kind = P.KEYWORD_ONLY
            if name in self.optional:
                default = None
            elif source is not None:
                default = ast.literal_eval(source)
            elif kind is P.KEYWORD_ONLY or not after_default:
                default = P.empty  # Python can say it is required
            else:
                default = REQUIRED  # after a default, Python needs one to show
            after_default = after_default or default is not P.empty
            params.append(P(name, kind, default=default))
        if self.has_dots:
            params.append(P("kwargs", P.VAR_KEYWORD))
        return inspect.Signature(params)

    def argument_lines(self) -> list[str]:
        lines = []
        for name, source in self.defaults_source.items():
            conv = self.converters.get(name)
            note = f" (R-style values converted by {conv.__name__})" if conv else ""
            shown = "None (missing)" if name in self.optional else source or "<required>"
            lines.append(f"    {name}: default {shown}{note}.")
        if self.has_dots:
            lines.append("    **kwargs: R's `...`: passed on by name.")
        return lines

    def doc(self) -> str:
        what = VALUES[self.kind].format(
            target=self.target_path(0) if self.target else "",
            second=self.target_path(1) if isinstance(self.target, tuple) else "")
        core = ""
        if self.kind.startswith("function") and self.core_function is not None:
            core = " Under the \"numpy\" engine, the NumPy core's own function."
        elif self.kind not in ("alias", "preprocess_inputs", "decode_predictions"):
            core = " Keras only: under the \"numpy\" engine, a CoreLacksError."
        lines = [
            f"R keras3's `{self.r_name}()`.",
            "",
            "Arguments (R's names, order and defaults; `<required>` has no default; only the",
            "arguments a call names are passed on, as R keras3 does):",
            *self.argument_lines(),
            "",
            f"Value: {what}{core}",
        ]
        if self.kind not in ("alias", "preprocess_inputs", "decode_predictions"):
            lines += ["", keras_adapter.keras_doc(self.target_path(0))]
        return "\n".join(lines)


VALUES = {
    "function": "`keras.{target}(...)` of the arguments.",
    "function_one_based": (
        "`keras.{target}(...)` of the arguments, plus 1: R's indices are 1-based "
        "(`zero_indexed=True` gives Keras's 0-based ones)."),
    "matmul": "`keras.{target}(x1, x2)`; R data beside a tensor is cast to its dtype first.",
    "class": "the Keras object `keras.{target}(...)`.",
    "loss": (  # the losses and the metrics of two faces
        "with `y_true` and `y_pred` missing, the object `keras.{target}(...)` (for "
        "compile()); with both given, the value computed by `keras.{second}(y_true, y_pred, "
        "...)`."),
    "application": (
        "the Keras model `keras.{target}(...)`, which application_preprocess_inputs() and "
        "application_decode_predictions() know (`keras.{second}`). Files Keras would "
        "download (weights='imagenet') are read from Keras's cache only: a missing one is "
        "a FileNotFoundError naming the file, where to put it and where it comes from."),
    "alias": "`{target}()` (this R name is deprecated: a FutureWarning says so).",
    "preprocess_inputs": (
        "the images `x` preprocessed as the application `model` expects (its Keras module's "
        "`preprocess_input()`; `x` is copied, never changed); with `x` missing, that "
        "function."),
    "decode_predictions": (
        "for each sample of `preds`, the `top` ImageNet classes as a NamedList of columns "
        "class_name, class_description, score (R's data frame); with `preds` missing, that "
        "function. The class index file is read from Keras's cache only."),
}


class RFunction:
    """An R keras3 function: callable with R's argument rules, with R's signature, and
    documentation that adds the installed Keras object's own docstring (read from Keras
    when asked, not at import)."""

    def __init__(self, spec: FunctionSpec, build, module: str = __name__):
        self.spec = spec
        self._build = build
        self.__name__ = self.__qualname__ = spec.r_name
        self.__module__ = module

    def __call__(self, *args, **kwargs):
        spec = self.spec
        return self._build(spec, *spec.bind(args, kwargs))

    @property
    def __signature__(self):
        return self.spec.signature

    def __get__(self, instance, owner=None):  # a routine to pydoc and inspect
        return self

    def keras_object(self, prefer_class: bool = True):
        """The Keras object this R function calls, where Keras wants a callable
        (`keras_object_of()`); itself where it has none."""
        return keras_object_of(self, prefer_class)

    def __repr__(self) -> str:
        return f"<R function {self.__name__}{self.__signature__}>"

    @property
    def __doc__(self) -> str:
        return self.spec.doc()


# -- choosing the engine --------------------------------------------------------------------
def _engine_in(value):
    found = engine_of(value)
    if found is None and isinstance(value, (list, tuple)) and value:
        found = engine_of(value[0])  # R lists of tensors: the first item's
    return found


def choose_engine(given: dict) -> tuple[str, object]:
    """(the engine, the argument that chose it or None): the first argument that belongs
    to an engine, else `config_engine()`."""
    for value in given.values():
        found = _engine_in(value)
        if found is not None:
            if found == "keras":
                keras()  # registers backend tensor types the user brought
            return found, value
    return config_engine(), None


def keras_only(spec: FunctionSpec, given: dict) -> None:
    engine, decider = choose_engine(given)
    if engine == "numpy":
        raise core_lacks(spec.r_name, decider)


# -- the builders of the API tables' kinds --------------------------------------------------
def build_function(spec: FunctionSpec, given: dict):
    engine, decider = choose_engine(given)
    if engine == "numpy":
        if spec.core_function is None:
            raise core_lacks(spec.r_name, decider)
        return spec.core_function(**spec.arguments(given))
    return spec.keras_target()(**spec.arguments(given))


def build_function_one_based(spec: FunctionSpec, given: dict):
    zero_indexed = given.pop("zero_indexed", False)  # R's own argument: not forwarded
    result = build_function(spec, given)
    return result if zero_indexed else result + 1


def _is_r_data(value) -> bool:
    return isinstance(value, (*R_DATA, np.ndarray, np.generic))


def build_matmul(spec: FunctionSpec, given: dict):
    engine, decider = choose_engine(given)
    if engine == "numpy":
        if spec.core_function is None:
            raise core_lacks(spec.r_name, decider)
        return spec.core_function(**spec.arguments(given))
    matmul = spec.keras_target()
    ops = keras().ops
    args = spec.arguments(given)
    x1, x2 = args.get("x1"), args.get("x2")
    if _is_r_data(x1) and ops.is_tensor(x2):
        args["x1"] = ops.convert_to_tensor(np.asarray(x1), dtype=ops.dtype(x2))
    elif ops.is_tensor(x1) and _is_r_data(x2):
        args["x2"] = ops.convert_to_tensor(np.asarray(x2), dtype=ops.dtype(x1))
    return matmul(**args)


def build_class(spec: FunctionSpec, given: dict):
    keras_only(spec, given)
    return spec.keras_target()(**spec.arguments(given))


def build_loss(spec: FunctionSpec, given: dict):
    keras_only(spec, given)
    for name in ("y_true", "y_pred"):
        if name in given and given[name] is None:
            del given[name]  # None is R's missing argument
    faces = ("y_true" in given) + ("y_pred" in given)
    if faces == 1:
        missing = "y_pred" if "y_true" in given else "y_true"
        raise TypeError(
            f"{spec.r_name}(): `{missing}` is missing. Give both `y_true` and `y_pred` to "
            f"compute the loss, or neither to get the loss object (for compile())."
        )
    return spec.keras_target(1 if faces else 0)(**spec.arguments(given))


# -- applications: files from Keras's cache only, and their preprocessing --------------------
_PATCH_LOCK = threading.RLock()
_APPLICATION_MODULES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@contextlib.contextmanager
def cached_files_only():
    """While Keras runs inside, every file its `get_file()` would download must be in
    Keras's cache already (`rstyle_keras.r.datasets.require_cached`): a missing one is a
    FileNotFoundError naming it, where to put it and where it comes from, before any
    download is tried."""
    import inspect

    from keras.src.utils import file_utils

    from .datasets import require_cached

    real = file_utils.get_file
    parameters = inspect.signature(real)

    def get_file(*args, **kwargs):
        a = parameters.bind(*args, **kwargs)
        a.apply_defaults()
        a = a.arguments
        if a["cache_dir"] is None:
            require_cached(a["fname"], a["origin"], a["cache_subdir"],
                           file_hash=a["file_hash"] or a["md5_hash"],
                           extract=bool(a["extract"] or a["untar"]))
        return real(*args, **kwargs)

    with _PATCH_LOCK:
        file_utils.get_file = get_file
        try:
            yield
        finally:
            file_utils.get_file = real


def build_application(spec: FunctionSpec, given: dict):
    keras_only(spec, given)
    application = spec.keras_target(0)
    args = spec.arguments(given)
    with cached_files_only():
        model = application(**args)
    _APPLICATION_MODULES[model] = spec.target_path(1)
    return model


def application_module(spec: FunctionSpec, model):
    """The Keras module (`keras.applications.vgg16`, ...) of a model made by an
    application_*() function."""
    try:
        path = _APPLICATION_MODULES.get(model)
    except TypeError:  # not weak-referenceable: not a Keras model
        path = None
    if path is not None:
        return keras_adapter.keras_object(path)
    k = keras() if engine_of(model) == "keras" else None
    if k is None or not isinstance(model, k.Model):
        raise TypeError(
            f"{spec.r_name}(): `model` must be a Keras model made by an application_*() "
            f"function (e.g. application_vgg16()); received {type(model).__name__}."
        )
    raise ValueError(
        f"{spec.r_name}(): no preprocessing or decoding function is known for the model "
        f"{model.name!r}: make it with an application_*() function (e.g. "
        f"application_vgg16()), or call keras.applications.<module>.preprocess_input() / "
        f"decode_predictions() yourself."
    )


def _image_array(x):
    """R keras3's conversion of the images: R data as a NumPy array (numbers as floatx);
    a NumPy array copied (Keras's preprocessing works in place, and R never changes the
    caller's array); tensors as they are."""
    if isinstance(x, np.ndarray):
        return x.copy()
    if _is_r_data(x):
        return API_CONVERTERS["as_py_array"](x, "x")
    return x


def build_preprocess_inputs(spec: FunctionSpec, given: dict):
    args = spec.arguments(given)
    module = application_module(spec, args.pop("model"))
    x = args.pop("x", None)
    data_format = args.pop("data_format", None)

    def preprocess_inputs(x, **more):
        return module.preprocess_input(_image_array(x), data_format=data_format,
                                       **{**args, **more})

    preprocess_inputs.__doc__ = f"{module.__name__}.preprocess_input(x), x as R keras3 converts it."
    return preprocess_inputs if x is None else preprocess_inputs(x)


def build_decode_predictions(spec: FunctionSpec, given: dict):
    args = spec.arguments(given)
    module = application_module(spec, args.pop("model"))
    preds = args.pop("preds", None)
    top = args.pop("top", 5)

    def decode_predictions(preds, top=top, **more):
        with cached_files_only():
            decoded = module.decode_predictions(preds, top=top, **{**args, **more})
        return [NamedList(class_name=[str(row[0]) for row in sample],
                          class_description=[str(row[1]) for row in sample],
                          score=[float(row[2]) for row in sample])
                for sample in decoded]

    decode_predictions.__doc__ = (
        f"{module.__name__}.decode_predictions(preds, top): a NamedList per sample.")
    return decode_predictions if preds is None else decode_predictions(preds)


REGISTRY: dict = {}  # every RFunction made from the API tables, by R name


def keras_object_of(value, prefer_class: bool = True):
    """R keras3's `resolve_py_obj()` for its own wrappers: an R function of the API tables
    given where Keras wants a callable (a layer's `activation = activation_relu`,
    `compile(metrics = metric_auc)`) is the Keras object it calls (`keras.activations.relu`,
    which Keras serializes by name); of a two-faced one, the class, or with `prefer_class =
    FALSE` (compile()'s loss and metrics) the function. Anything else as it is."""
    if not isinstance(value, RFunction) or value.spec.kind not in ("function", "class", "loss"):
        return value
    return value.spec.keras_target(0 if prefer_class or value.spec.kind != "loss" else 1)


def build_alias(spec: FunctionSpec, args: tuple, kwargs: dict):
    warnings.warn(f"`{spec.r_name}()` has been renamed to `{spec.target}()`.", FutureWarning,
                  stacklevel=3)
    return REGISTRY[spec.target](*args, **kwargs)


BUILDERS = {
    "function": build_function, "function_one_based": build_function_one_based,
    "matmul": build_matmul, "class": build_class, "loss": build_loss,
    "application": build_application, "alias": build_alias,
    "preprocess_inputs": build_preprocess_inputs,
    "decode_predictions": build_decode_predictions,
}


def make_functions(rows, module: str) -> dict:
    """{R name: RFunction} for the rows of an API table, made on the generic path."""
    made = {}
    for row in rows:
        spec = FunctionSpec(*row)
        made[spec.r_name] = REGISTRY[spec.r_name] = RFunction(spec, BUILDERS[spec.kind], module)
    return made
