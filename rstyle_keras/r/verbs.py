"""R keras3's model verbs (`compile()`, `fit()`, `evaluate()`, `predict()`, ...) and model
functions (`get_layer()`, `freeze_weights()`, `save_model()`, ...), from one table
(`verb_table.VERBS`) and one generic path.

Every one is usable both ways R code writes it:

    fit(model, x, y, epochs=2)          # R: fit(model, x, y, epochs = 2)
    model | fit(x, y, epochs=2)         # R: model |> fit(x, y, epochs = 2)

The first argument is the object when it is one (a model or layer; for `plot()` a
history too); otherwise the call is waiting for its object, which the pipe supplies.

The generic path: R's argument matching (positional up to R's `...`, named after it),
then each argument the call names through its R converter (only those: R keras3
forwards what the call names, and `verbose`, which it always forwards), then the
engine's implementation, chosen by the object's type with `multipledispatch` (Keras's
types registered when Keras is first used; the core's here). A function the core lacks
(training) raises `CoreLacksError`.

Examples:
    >>> clear_session()
    >>> model = keras_model_sequential(input_shape=c(4, 4, 1))
    >>> model = model | layer_max_pooling_2d(pool_size=2)
    >>> model | count_params()
    0
    >>> x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    >>> predict(model, x, verbose=0).ravel().tolist()
    [5.0, 7.0, 13.0, 15.0]
    >>> get_layer(model, index=1).name
    'max_pooling2d'
"""

from __future__ import annotations

import functools
import inspect
import numbers
import os
import sys
import types

import numpy as np
from multipledispatch import Dispatcher

from ..core.layers.layer import Layer as CoreLayer
from ..core.models.model import Model as CoreModel
from ..core.models.sequential import Sequential as CoreSequential
from ..dispatch import engine_of, keras, on_keras
from ..engine import core_lacks
from .converters import as_index, as_integer, as_list
from .functions import keras_object_of
from .graphics import plot_default
from .history import as_r_history, plot_history
from .layers import REQUIRED
from .named_list import NamedDict
from .verb_docs import DOCS
from .verb_table import VERBS


# -- converters of the verbs' arguments (R/model-training.R) --------------------------------
def as_loss(value, name: str, default_name: str = "custom_loss"):
    """A loss (or metric): a name stays; a vector of names is a list; a list (one per
    output) or dict (by output name) converts item by item; a callable stays. An anonymous
    function (a lambda, or a callable without a `__name__`: R's anonymous function) gets
    R keras3's name, `default_name` ("custom_loss", for metrics "custom_metric"), with
    its 1-based position or name in a list (`custom_metric_1`); a `def` function keeps
    its own name (R's `attr(fn, "name")`). An R function of the API tables
    (`metric_binary_accuracy`) is the Keras function it calls."""
    value = keras_object_of(value, prefer_class=False)  # an R function: Keras's own
    if value is None or isinstance(value, str):
        return value
    if callable(value):
        return _named_callable(value, default_name)
    if isinstance(value, (tuple, list)):
        return [as_loss(v, name, f"{default_name}_{i}") for i, v in enumerate(value, 1)]
    if isinstance(value, dict):
        return {k: as_loss(v, name, f"{default_name}_{k}") for k, v in value.items()}
    return value


def _named_callable(value, default_name: str):
    anonymous = isinstance(value, functools.partial) or (
        isinstance(value, types.FunctionType) and value.__name__ == "<lambda>")
    if not anonymous:
        return value  # a named function, a class, a Keras object: as it is
    from .callbacks import named_function

    return named_function(value, default_name)


def as_metrics(value, name: str):
    """Metrics: always a list (`metrics = "accuracy"` is `["accuracy"]`), or a dict;
    anonymous functions named as R keras3 names them ("custom_metric")."""
    return as_list(as_loss(value, name, "custom_metric"), name)


def _is_numeric_nest(value) -> bool:
    if isinstance(value, (list, tuple)):
        return all(_is_numeric_nest(v) for v in value)
    return isinstance(value, (numbers.Number, np.generic))


def as_data(value, name: str):
    """Model data: an array or tensor stays; numbers written as R vectors or nested lists
    become one NumPy array; a list of arrays (one per model input) or a dict (by input
    name) converts item by item."""
    if value is None or isinstance(value, (str, np.ndarray)):
        return value
    if isinstance(value, (list, tuple)):
        if _is_numeric_nest(value):
            return np.asarray(value)
        return [as_data(v, name) for v in value]
    if isinstance(value, dict):
        return {k: as_data(v, name) for k, v in value.items()}
    return value


def as_validation_data(value, name: str):
    """R's `validation_data = list(x_val, y_val)` as Keras's tuple `(x_val, y_val)`."""
    if isinstance(value, (list, tuple)) and 2 <= len(value) <= 3:
        return tuple(as_data(v, name) for v in value)
    if isinstance(value, (list, tuple)):
        raise ValueError(
            f"`{name}` must be list(x_val, y_val) or list(x_val, y_val, val_sample_weight); "
            f"received a {type(value).__name__} of {len(value)} items."
        )
    return value


def as_class_weight(value, name: str):
    """Class weights as Keras's dict {class: weight}. A vector (or list) of weights is by
    1-based position, as R indexes: its first weight is class 0's. A dict (R's named
    list) is by class label: its keys, numbers or digit strings, are the labels."""
    if value is None:
        return None
    if isinstance(value, dict):
        out = {}
        for key, weight in value.items():
            try:
                out[int(key)] = float(weight)
            except (TypeError, ValueError):
                raise ValueError(
                    f"`{name}`: the names must be class labels (0, 1, ... or '0', '1', ...); "
                    f"received {key!r}."
                ) from None
        return out
    if isinstance(value, (list, tuple, np.ndarray)) and _is_numeric_nest(list(np.ravel(value))):
        return {i: float(w) for i, w in enumerate(np.ravel(value))}
    raise TypeError(
        f"`{name}` must be a vector of weights (position 1 is class 0) or a named list / "
        f"dict {{label: weight}}; received {type(value).__name__} {value!r}."
    )


def as_model_verbose(value, name: str):
    """0, 1, 2 (whole floats too) or "auto". "auto" follows RSTYLE_KERAS_VERBOSE when set
    (R's `options(keras.verbose = )`)."""
    if isinstance(value, str):
        if value != "auto":
            raise ValueError(f'`{name}` must be 0, 1, 2 or "auto"; received {value!r}.')
        setting = os.environ.get("RSTYLE_KERAS_VERBOSE", "")
        if setting in ("", "auto"):
            return "auto"
        if setting not in ("0", "1", "2"):
            raise ValueError(f'RSTYLE_KERAS_VERBOSE must be 0, 1, 2 or "auto"; received '
                             f'{setting!r}.')
        return int(setting)
    verbose = as_integer(value, name)
    if verbose not in (0, 1, 2):
        raise ValueError(f'`{name}` must be 0, 1, 2 or "auto"; received {value!r}.')
    return verbose


VERB_CONVERTERS = {
    f.__name__: f
    for f in (as_integer, as_index, as_list, as_loss, as_metrics, as_data,
              as_validation_data, as_class_weight, as_model_verbose)
}


# -- the generic path ----------------------------------------------------------------------
class VerbSpec:
    """One table row: R's signature, converters and what the object may be."""

    def __init__(self, r_name, object_name, params, converters, forced, object_kind):
        self.r_name, self.object_name, self.object_kind = r_name, object_name, object_kind
        self.params_source, self.forced_names = params, tuple(forced)
        self.converters = {k: VERB_CONVERTERS[v] for k, v in converters.items()}
        self.implementation = Dispatcher(r_name)

    # The signature is made when first needed: exec and inspect for every verb cost
    # `import rstyle_keras` time.
    @functools.cached_property
    def signature(self) -> inspect.Signature:
        namespace: dict = {}
        exec(f"def {self.r_name}({self.params_source}): pass", namespace)
        P = inspect.Parameter
        rest = list(inspect.signature(namespace[self.r_name]).parameters.values())
        # After `object=None`, Python needs a default: R's required ones show <required>.
        rest = [p.replace(default=REQUIRED)
                if p.default is P.empty and p.kind is P.POSITIONAL_OR_KEYWORD else p
                for p in rest]
        return inspect.Signature(
            [P(self.object_name, P.POSITIONAL_OR_KEYWORD, default=None), *rest])

    @functools.cached_property
    def required(self) -> list:
        return [name for name, p in self.signature.parameters.items()
                if p.default is REQUIRED]

    @functools.cached_property
    def forced(self) -> dict:
        """The arguments R always forwards, with their defaults."""
        return {name: self.signature.parameters[name].default for name in self.forced_names}

    def takes_as_object(self, value) -> bool:
        if isinstance(value, CoreLayer):
            return True
        if self.object_kind == "plottable" and value is not None:
            return True  # R's plot(x, ...): a model, a history, or data (base graphics)
        # A Keras object by its module, or (once Keras is imported) by its class: a user's
        # subclass of keras.Model lives in the user's module, not Keras's.
        if engine_of(value) == "keras" or "keras" in sys.modules:
            k = keras()
            return isinstance(value, (k.Layer, k.callbacks.History))
        return False

    def bind(self, args, kwargs):
        """(object or None, the named arguments) by R's matching; the object is the first
        positional argument when it is one, else the call waits for it."""
        if "from" in kwargs:  # R's `from`, passed as **{"from": ...}
            kwargs["from_"] = kwargs.pop("from")
        if args and not self.takes_as_object(args[0]) and self.object_name not in kwargs:
            args = (None, *args)
        try:
            bound = self.signature.bind(*args, **kwargs)
        except TypeError as error:
            raise TypeError(f"{self.r_name}(): {error}. Its signature: "
                            f"{self.r_name}{self.signature}.") from None
        given = dict(bound.arguments)
        given.update(given.pop("kwargs", {}))
        return given.pop(self.object_name, None), given

    def arguments(self, given: dict) -> dict:
        """The given arguments, converted, plus the ones R always forwards."""
        for name in self.required:
            if name not in given:
                raise TypeError(f"{self.r_name}(): argument `{name}` is missing, with no "
                                f"default.")
        out = {}
        for name, value in {**self.forced, **given}.items():
            convert = self.converters.get(name)
            out[name] = value if convert is None else convert(value, name)
        return out

    def run(self, object, given: dict):
        if not self.takes_as_object(object):
            raise TypeError(
                f"{self.r_name}(): `{self.object_name}` must be a model"
                f"{' or a training history' if self.object_kind == 'plottable' else ''}; "
                f"received {type(object).__name__}."
            )
        return self.implementation(object, **self.arguments(given))


class Waiting:
    """A verb called without its object: `model | verb(...)` supplies it."""

    __array_ufunc__ = None  # `array | verb()`: NumPy defers to __ror__ (no element-wise or)

    def __init__(self, spec: VerbSpec, given: dict):
        self.spec, self.given = spec, given

    def __ror__(self, object):
        return self.spec.run(object, self.given)

    def __call__(self, object):
        return self.spec.run(object, self.given)

    def __repr__(self) -> str:
        return f"<{self.spec.r_name}() waiting for its {self.spec.object_name}: " \
               f"{self.spec.object_name} | {self.spec.r_name}(...)>"


class RVerb:
    """An R keras3 verb: `verb(object, ...)` runs it; `verb(...)` waits for `object | `."""

    def __init__(self, spec: VerbSpec):
        self.spec = spec
        self.__name__ = self.__qualname__ = spec.r_name
        self.__module__ = __name__

    @property
    def __signature__(self):
        return self.spec.signature

    def __call__(self, *args, **kwargs):
        object, given = self.spec.bind(args, kwargs)
        if object is None:
            self.spec.arguments(given)  # wrong values fail here, not later in the pipe
            return Waiting(self.spec, given)
        return self.spec.run(object, given)

    def __get__(self, instance, owner=None):
        return self

    def __repr__(self) -> str:
        return f"<R function {self.__name__}{self.__signature__}>"

    @property
    def __doc__(self):
        return DOCS.get(self.spec.r_name, "")

    def register(self, *types):
        """Register an implementation for objects of `types` (multipledispatch)."""
        return self.spec.implementation.register(*types)


SPECS = {row[0]: VerbSpec(*row) for row in VERBS}
VERB_FUNCTIONS = {name: RVerb(spec) for name, spec in SPECS.items()}


def implements(r_name, *types):
    return VERB_FUNCTIONS[r_name].register(*types)


# -- implementations: both engines ---------------------------------------------------------
def _core_lacks(r_name):
    def lacking(given, **args):
        if isinstance(given, CoreLayer):
            raise core_lacks(r_name, given)
        # A Keras object of a kind the verb has no method for (R: "no applicable method").
        takes = sorted({types[0].__name__ for types in SPECS[r_name].implementation.funcs
                        if types[0] is not object and not issubclass(types[0], CoreLayer)})
        raise TypeError(f"{r_name}() takes a Keras {' or '.join(takes)}; received a "
                        f"{type(given).__name__}.")
    return lacking


for _name in SPECS:
    implements(_name, object)(_core_lacks(_name))


@implements("plot", object)
def _plot_data(x, **args):
    """R's plot.default: anything not a model or history is data for base graphics; a
    layer that is not a model still has no plot method."""
    if isinstance(x, CoreLayer) or (engine_of(x) == "keras" and isinstance(x, keras().Layer)):
        return _core_lacks("plot")(x, **args)
    return plot_default(x, **args)


def _confirm_overwrite(filepath, overwrite) -> None:
    if not overwrite and filepath is not None and os.path.exists(filepath):
        raise FileExistsError(
            f"File '{filepath}' already exists (pass overwrite=True to replace it)."
        )


def _as_keras_model(model):
    """A core model as a Keras model of the same architecture (the core has no weights)."""
    if isinstance(model, CoreLayer):
        return keras().models.model_from_json(model.to_json())
    return model


@implements("predict", CoreModel)
def _core_predict(model, x, batch_size=None, verbose="auto", steps=None, callbacks=None,
                  **kwargs):
    if kwargs:
        raise TypeError(f"predict(): the core takes no {sorted(kwargs)}.")
    return model.predict(x, batch_size=32 if batch_size is None else batch_size,
                         verbose=verbose, steps=steps, callbacks=callbacks)


@implements("predict_on_batch", CoreModel)
def _core_predict_on_batch(model, x):
    return model.predict(x, batch_size=max(1, len(np.asarray(x))), verbose=0)


@implements("summary", CoreModel)
def _core_summary(model, **kwargs):
    options = {k: v for k, v in kwargs.items() if v not in (None, False)}
    if options:
        raise TypeError(f"summary(): the core's summary takes no options; received "
                        f"{sorted(options)}.")
    model.summary()


@implements("get_layer", CoreModel)
def _core_get_layer(model, name=None, index=None):
    return model.get_layer(name=name, index=index)


@implements("pop_layer", CoreSequential)
def _core_pop_layer(model, rebuild=True):
    return model.pop()


@implements("count_params", CoreLayer)
def _core_count_params(layer):
    return 0  # the core's layers (pooling, inputs, models of them) have no weights


@implements("get_weights", CoreLayer)
def _core_get_weights(layer, trainable=None):
    _check_trainable_choice(trainable)
    return []


@implements("set_weights", CoreLayer)
def _core_set_weights(layer, weights):
    if len(weights):
        raise ValueError(
            f"set_weights(): {layer.name!r} has no weights (0 expected); received "
            f"{len(weights)} arrays."
        )
    return layer


class Config(dict):
    """A layer's or model's config (a dict) that remembers its class, as R keras3's
    `get_config()` attaches `__class__`, so `from_config(config)` needs nothing else."""

    def __init__(self, config: dict, keras_class: type):
        super().__init__(config)
        self.keras_class = keras_class


@implements("get_config", CoreLayer)
def _core_get_config(layer):
    return Config(layer.get_config(), type(layer))


@implements("clone_model", CoreModel)
def _core_clone_model(model, **kwargs):
    if kwargs:
        raise core_lacks("clone_model", model)
    return type(model).from_config(model.get_config())


@implements("save_model_config", CoreModel)
def _core_save_model_config(model, filepath=None, overwrite=False):
    return _save_config(model, filepath, overwrite)


@implements("save_model", CoreModel)
def _core_save_model(model, filepath=None, overwrite=False, zipped=None, **kwargs):
    raw = _save(_as_keras_model(model), filepath, overwrite, zipped, kwargs)
    return model if raw is None else raw


@implements("plot", CoreModel)
def _core_plot_model(model, y=None, **kwargs):
    return _plot_model(_as_keras_model(model), **kwargs)


def _freeze(object, from_, to, which, trainable: bool, freeze: bool):
    if which is not None:
        if from_ is not None or to is not None:
            raise ValueError("Give either `which` or `from_`/`to`, not both.")
        layers = object.layers
        object.trainable = True
        chosen = _which_layers(layers, which)
        for layer in layers:
            layer.trainable = not trainable
        for layer in chosen:
            layer.trainable = trainable
        return object
    if from_ is None and to is None:
        object.trainable = trainable if freeze else True
        return object
    object.trainable = True
    layers = object.layers
    first, last = _layer_position(layers, from_, 0, "from_"), \
        _layer_position(layers, to, len(layers) - 1, "to")
    for i, layer in enumerate(layers):
        layer.trainable = trainable if first <= i <= last else not trainable
    return object


def _layer_position(layers, value, default: int, name: str) -> int:
    """A layer given by name, object or 1-based index (negative from the end)."""
    if value is None:
        return default
    if isinstance(value, tuple) and len(value) == 1:  # R's c(3) is 3
        value = value[0]
    if isinstance(value, str):
        names = [layer.name for layer in layers]
        if value not in names:
            raise ValueError(f"`{name}`={value!r} is not a layer of the model; its layers "
                             f"are {names}.")
        return names.index(value)
    if isinstance(value, numbers.Number):
        index = as_index(value, name)
        if not -len(layers) <= index < len(layers):
            raise ValueError(f"`{name}`={value} is out of range: the model has {len(layers)} "
                             f"layers.")
        return index % len(layers)
    for i, layer in enumerate(layers):
        if layer is value:
            return i
    raise ValueError(f"`{name}` must be a layer name, a 1-based index or a layer of the "
                     f"model; received {type(value).__name__}.")


def _which_layers(layers, which):
    if callable(which) and not hasattr(which, "trainable"):
        which = [bool(which(layer)) for layer in layers]
    if isinstance(which, (str, numbers.Number)) or hasattr(which, "trainable"):
        which = [which]
    which = list(which)
    if which and all(isinstance(w, (bool, np.bool_)) for w in which):
        if len(which) != len(layers):
            raise ValueError(f"`which`: {len(which)} logical values for {len(layers)} layers.")
        return [layer for layer, keep in zip(layers, which) if keep]
    return [layers[_layer_position(layers, w, 0, "which")] for w in which]


@implements("freeze_weights", CoreModel)
def _core_freeze(model, from_=None, to=None, which=None):
    return _freeze(model, from_, to, which, False, True)


@implements("unfreeze_weights", CoreModel)
def _core_unfreeze(model, from_=None, to=None, which=None):
    return _freeze(model, from_, to, which, True, False)


def _check_trainable_choice(trainable):
    if not (trainable is None or isinstance(trainable, (bool, np.bool_))
            or (isinstance(trainable, float) and np.isnan(trainable))):
        raise ValueError(f"`trainable` must be NA (None), True or False; received "
                         f"{trainable!r}.")


def _save(keras_model, filepath, overwrite, zipped, kwargs):
    """Keras's save_model; with no `filepath`, the file's bytes (R's raw vector)."""
    if filepath is None:
        import tempfile  # here: it costs import time, and only saving needs it

        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "model.keras")
            _save(keras_model, path, True, zipped, kwargs)
            with open(path, "rb") as f:
                return f.read()
    _confirm_overwrite(filepath, overwrite)
    if zipped is not None and not zipped:
        kwargs = {**kwargs, "zipped": False}
    keras().saving.save_model(keras_model, filepath, overwrite=True, **kwargs)
    return None


def _save_config(model, filepath, overwrite):
    text = model.to_json()
    if filepath is None:
        return text
    _confirm_overwrite(filepath, overwrite)
    with open(filepath, "w") as f:
        f.write(text + "\n")
    return model


def _plot_model(model, show_shapes=False, show_dtype=False, show_layer_names=False,
                rankdir="TB", expand_nested=False, dpi=200, layer_range=None,
                show_layer_activations=False, show_trainable=None, to_file=None):
    k = keras()
    from keras.src.utils import model_visualization

    if not model_visualization.check_graphviz():
        raise ImportError(
            "plot() of a model uses Keras's plot_model(), which needs pydot and the "
            "Graphviz programs: python -m pip install pydot, and install Graphviz "
            "(https://graphviz.org/download/; Debian: apt install graphviz)."
        )
    if show_trainable is None:
        show_trainable = bool(model.built and model.non_trainable_weights)
    if to_file is None:
        import tempfile

        to_file = os.path.join(tempfile.mkdtemp(), f"keras_{model.name}.png")
    shown = k.utils.plot_model(
        model, to_file=to_file, show_shapes=show_shapes, show_dtype=show_dtype,
        show_layer_names=show_layer_names, rankdir=rankdir, expand_nested=expand_nested,
        dpi=as_integer(dpi, "dpi"), layer_range=layer_range,
        show_layer_activations=show_layer_activations, show_trainable=show_trainable,
    )
    return to_file if shown is None else shown


@on_keras
def _register_keras(k) -> None:
    Model, Layer = k.Model, k.Layer

    @implements("compile", Model)
    def _compile(model, **args):
        model.compile(**args)
        return model

    @implements("fit", Model)
    def _fit(model, view_metrics="auto", **args):
        return as_r_history(k, model.fit(**args))

    @implements("evaluate", Model)
    def _evaluate(model, **args):
        return NamedDict(model.evaluate(**args, return_dict=True))  # R: score$loss

    @implements("predict", Model)
    def _predict(model, **args):
        return model.predict(**args)

    @implements("predict_on_batch", Model)
    def _predict_on_batch(model, x):
        return k.ops.convert_to_numpy(model.predict_on_batch(x))

    @implements("test_on_batch", Model)
    def _test_on_batch(model, **args):
        return _scalar_if_one(model.test_on_batch(**args, return_dict=True))

    @implements("train_on_batch", Model)
    def _train_on_batch(model, **args):
        return _scalar_if_one(model.train_on_batch(**args, return_dict=True))

    @implements("summary", Model)
    def _summary(model, show_trainable=None, **args):
        if show_trainable is None:
            show_trainable = bool(model.built and model.non_trainable_weights)
        model.summary(show_trainable=show_trainable, **args)

    @implements("plot", Model)
    def _plot(model, **args):
        return _plot_model(model, **args)

    @implements("plot", k.callbacks.History)
    def _plot_keras_history(history, y=None, **args):  # R's method ignores y
        return plot_history(as_r_history(k, history), **args)

    @implements("get_layer", Model)
    def _get_layer(model, name=None, index=None):
        return model.get_layer(name=name, index=index)

    @implements("pop_layer", k.Sequential)
    def _pop_layer(model, **args):
        return model.pop(**args)

    @implements("clone_model", Model)
    def _clone_model(model, **args):
        return k.models.clone_model(model, **args)

    @implements("count_params", Layer)
    def _count_params(layer):
        return layer.count_params()

    @implements("get_weights", Layer)
    def _get_weights(layer, trainable=None):
        _check_trainable_choice(trainable)
        if trainable is None or not isinstance(trainable, (bool, np.bool_)):
            return layer.get_weights()
        chosen = layer.trainable_weights if trainable else layer.non_trainable_weights
        return [k.ops.convert_to_numpy(v) for v in chosen]

    @implements("set_weights", Layer)
    def _set_weights(layer, weights):
        layer.set_weights(weights)
        return layer

    @implements("freeze_weights", Layer)
    def _freeze_weights(model, from_=None, to=None, which=None):
        return _freeze(model, from_, to, which, False, True)

    @implements("unfreeze_weights", Layer)
    def _unfreeze_weights(model, from_=None, to=None, which=None):
        return _freeze(model, from_, to, which, True, False)

    @implements("get_config", Layer)
    def _get_config(layer):
        return Config(layer.get_config(), type(layer))

    @implements("save_model", Model)
    def _save_model(model, filepath=None, overwrite=False, zipped=None, **kwargs):
        raw = _save(model, filepath, overwrite, zipped, kwargs)
        return model if raw is None else raw

    @implements("save_model_weights", Model)
    def _save_model_weights(model, filepath, overwrite=False, max_shard_size=None):
        _confirm_overwrite(filepath, overwrite)
        model.save_weights(filepath, overwrite=True, max_shard_size=max_shard_size)
        return model

    @implements("load_model_weights", Model)
    def _load_model_weights(model, filepath, **args):
        model.load_weights(filepath, **args)
        return model

    @implements("save_model_config", Model)
    def _save_model_config(model, filepath=None, overwrite=False):
        return _save_config(model, filepath, overwrite)


def _scalar_if_one(result: dict):
    """R keras3: a result of one value is that value, not a list of one."""
    return next(iter(result.values())) if len(result) == 1 else NamedDict(result)


globals().update(VERB_FUNCTIONS)
__all__ = sorted(VERB_FUNCTIONS)
