"""R keras3's `metric_*()`, `activation_*()`, `initializer_*()`, `regularizer_*()`,
`constraint_*()`, `learning_rate_schedule_*()`, `config_*()` and `feature_*()` functions,
from their tables (`api_tables.METRICS`, ... `FEATURES`, generated from R keras3's
sources by tools/gen_api_tables.py) and the generic path (`rstyle_keras.r.functions`):
R's signatures, R's argument matching (by position up to R's `...`), only the arguments a
call names forwarded, each through its R converter.

* `metric_*()`: like the losses, the metrics of two faces give, with `y_true` and `y_pred`
  missing, the Metric object (`metric_binary_accuracy(threshold=0.7)` is
  `keras.metrics.BinaryAccuracy(threshold=0.7)`, for compile()), and with both given the
  value Keras's function computes (`keras.metrics.binary_accuracy(y_true, y_pred)`; R-style
  numbers become floatx arrays). The others are the Metric object (`metric_auc()`) or,
  where Keras has only a function (`metric_huber()`), its value.
* `activation_*(x, ...)`: `keras.activations.<name>(x, ...)` (R data `x` as a floatx
  array; R's 1-based `axis`). Given to a layer (`layer_dense(units = 4, activation =
  activation_relu)`), the R function is Keras's activation itself, saved by its name.
* `initializer_*()`, `regularizer_*()`, `constraint_*()`, `learning_rate_schedule_*()`:
  the Keras object (`keras.initializers.HeNormal(seed=1)`, ...), for a layer's
  `kernel_initializer`, `kernel_regularizer`, `kernel_constraint`, or an optimizer's
  `learning_rate`. R's doubles stay floats where Keras computes in their dtype
  (`initial_learning_rate = 1`).
* `feature_*()`: the features of `layer_feature_space()`
  (`keras.utils.FeatureSpace.float_normalized()`, ...).

All these run on Keras 3: under the "numpy" engine they raise `CoreLacksError`, as any
function the NumPy core lacks. The initializers they make take R's shapes when called
(`initializer_ones()(shape = c(2, 2))`, as R keras3's pages do).

`config_*()` read and set Keras's global settings (`keras.config`), whatever the engine
(they import Keras, which must be installed). Two of them do more:

* `config_set_floatx(value)` sets one default float type for both engines: Keras's and
  the core's, so that `config_floatx()` (the core's reader, which R keras3's reads from
  Keras) answers the same whichever engine runs. Before Keras is imported, Keras gets it
  when it is. "bfloat16", which the NumPy core cannot compute in, is refused here (give
  it to Keras alone: `config_set_dtype_policy("bfloat16")`).
* `config_set_backend(backend)`: before Keras is imported, the backend it will load
  (`KERAS_BACKEND`, as R's `use_backend()`); after, Keras's `keras.config.set_backend()`,
  which reloads Keras (Keras objects made before are unusable after).

Examples:
    >>> from rstyle_keras.r.families_more import (
    ...     activation_relu, metric_binary_accuracy, metric_mean_squared_error,
    ...     learning_rate_schedule_exponential_decay, config_epsilon)
    >>> old = config_engine()
    >>> config_set_engine("keras")
    >>> activation_relu(c(-1, 0, 2))  # doctest: +ELLIPSIS
    Array([0., 0., 2.], dtype=float32)
    >>> float(metric_mean_squared_error(c(0, 1), c(0.5, 0.5)))
    0.25
    >>> m = metric_binary_accuracy(threshold=0.7)
    >>> type(m).__name__, m.get_config()["threshold"]
    ('BinaryAccuracy', 0.7)
    >>> schedule = learning_rate_schedule_exponential_decay(1, decay_steps=100, decay_rate=0.5)
    >>> float(schedule(100))
    0.5
    >>> config_epsilon()
    1e-07
    >>> config_set_engine("numpy")
    >>> metric_binary_accuracy()
    Traceback (most recent call last):
    ...
    rstyle_keras.engine.CoreLacksError: metric_binary_accuracy() is not implemented by the ...
    >>> config_set_engine(old)
"""

from __future__ import annotations

import os
import sys

from .. import dispatch, keras_adapter
from ..core import config as core_config
from . import functions
from .api_tables import (
    ACTIVATIONS,
    CONFIG,
    CONSTRAINTS,
    FEATURES,
    INITIALIZERS,
    LEARNING_RATE_SCHEDULES,
    METRICS,
    REGULARIZERS,
)
from .functions import FunctionSpec, RFunction, make_functions

KERAS_BACKENDS = ("tensorflow", "jax", "torch", "numpy", "openvino")
KERAS_FLOATX = ("bfloat16", "float16", "float32", "float64")


class SettingSpec(FunctionSpec):
    """A `config_*()` row: Keras's global setting, read or set whatever the engine."""

    def doc(self) -> str:
        import textwrap

        value = {
            "config": f"`keras.{self.target}(...)`: Keras's global setting, read or set "
                      f"whatever the engine (Keras is imported).",
            "set_floatx": "None; sets the default float type of both engines: Keras's "
                          "(`keras.config.set_floatx()`; Keras not imported yet gets it when "
                          "it is) and the core's, which config_floatx() answers.",
            "set_backend": "None; before Keras is imported, sets KERAS_BACKEND (R's "
                           "use_backend()); after, `keras.config.set_backend()`: Keras "
                           "reloads itself on the new backend.",
        }[self.kind]
        return "\n".join([
            f"R keras3's `{self.r_name}()`.",
            "",
            "Arguments (R's names, order and defaults):",
            *(self.argument_lines() or ["    (none)"]),
            "",
            *textwrap.wrap(f"Value: {value}", 88),
            "",
            keras_adapter.keras_doc(self.target),
        ])


def build_setting(spec: FunctionSpec, given: dict):
    return spec.keras_target()(**spec.arguments(given))


_floatx_hooked = False


def _keras_follows_floatx(keras) -> None:
    keras.config.set_floatx(core_config.config_floatx())


def build_set_floatx(spec: FunctionSpec, given: dict) -> None:
    global _floatx_hooked
    value = spec.arguments(given)["value"]
    if value not in KERAS_FLOATX:
        raise ValueError(f"`value` must be one of {', '.join(map(repr, KERAS_FLOATX))}; "
                         f"received value={value!r}.")
    if value == "bfloat16":
        raise ValueError(
            "`value` = 'bfloat16' is Keras's alone (the NumPy core computes in float16, "
            "float32 or float64): use config_set_dtype_policy('bfloat16'), or "
            "keras.config.set_floatx('bfloat16') for Keras only.")
    core_config.set_floatx(value)
    if "keras" in sys.modules:  # imported, by us or directly
        keras_adapter.load().config.set_floatx(value)
    elif not _floatx_hooked:
        _floatx_hooked = True
        dispatch.on_keras(_keras_follows_floatx)


def build_set_backend(spec: FunctionSpec, given: dict) -> None:
    backend = spec.arguments(given)["backend"]
    if backend not in KERAS_BACKENDS:
        raise ValueError(f"`backend` must be one of {', '.join(map(repr, KERAS_BACKENDS))}; "
                         f"received backend={backend!r}.")
    if "keras" not in sys.modules:
        os.environ["KERAS_BACKEND"] = backend  # Keras reads it when it is imported
        return
    keras_adapter.load().config.set_backend(backend)  # Keras reloads all its modules
    for cached in (keras_adapter.load, keras_adapter.keras_object, keras_adapter.layer_class,
                   dispatch.keras):
        cached.cache_clear()  # they hold the modules of before
    dispatch.keras()  # the new Keras's types and pipes registered, the hooks run again


_data_format_hooked = False


def _keras_follows_data_format(keras) -> None:
    keras.config.set_image_data_format(core_config.config_image_data_format())


def config_set_image_data_format(data_format: str) -> None:
    """R keras3's `config_set_image_data_format()`: one image data format for both engines.

    Arguments:
        data_format: "channels_last" (Keras's default) or "channels_first".

    Value: None; sets the default `data_format` of the layers of both engines: the core's
    (what `config_image_data_format()` answers) and Keras's
    (`keras.config.set_image_data_format()`; Keras not imported yet gets it when it is).

    Examples:
        >>> old = config_image_data_format()
        >>> config_set_image_data_format("channels_first")
        >>> config_image_data_format()
        'channels_first'
        >>> config_set_image_data_format("rows_first")
        Traceback (most recent call last):
        ...
        ValueError: `data_format` must be "channels_last", "channels_first" or None ...
        >>> config_set_image_data_format(old)
    """
    global _data_format_hooked
    core_config.config_set_image_data_format(data_format)
    if "keras" in sys.modules:  # imported, by us or directly
        keras_adapter.load().config.set_image_data_format(
            core_config.config_image_data_format())
    elif not _data_format_hooked:
        _data_format_hooked = True
        dispatch.on_keras(_keras_follows_data_format)


@dispatch.on_keras
def _initializers_take_r_shapes(keras) -> None:
    """R keras3's pages call an initializer with R's shape, `initializer(shape = c(2, 2))`
    (doubles, as reticulate passes them); Keras on JAX refuses float sizes. A shape given
    as R data (a tuple or list of numbers) is made a tuple of ints first; any other call
    reaches Keras's `__call__` unchanged."""
    from .converters import normalize_shape

    base = keras.initializers.Initializer
    classes, todo = [], [base]
    while todo:
        cls = todo.pop()
        classes.append(cls)
        todo.extend(cls.__subclasses__())
    for cls in classes:
        call = cls.__dict__.get("__call__")
        if call is None or getattr(call, "_r_shapes", False):
            continue

        def takes_r_shape(self, shape, *args, __call=call, **kwargs):
            if isinstance(shape, (tuple, list)) and all(
                    isinstance(d, (int, float)) and not isinstance(d, bool) for d in shape):
                shape = normalize_shape(shape, "shape")
            return __call(self, shape, *args, **kwargs)

        takes_r_shape._r_shapes = True
        takes_r_shape.__wrapped__ = call
        takes_r_shape.__doc__ = call.__doc__
        cls.__call__ = takes_r_shape


SETTING_BUILDERS = {"config": build_setting, "set_floatx": build_set_floatx,
                    "set_backend": build_set_backend}

METRIC_FUNCTIONS = make_functions(METRICS, __name__)
ACTIVATION_FUNCTIONS = make_functions(ACTIVATIONS, __name__)
INITIALIZER_FUNCTIONS = make_functions(INITIALIZERS, __name__)
REGULARIZER_FUNCTIONS = make_functions(REGULARIZERS, __name__)
CONSTRAINT_FUNCTIONS = make_functions(CONSTRAINTS, __name__)
SCHEDULE_FUNCTIONS = make_functions(LEARNING_RATE_SCHEDULES, __name__)
FEATURE_FUNCTIONS = make_functions(FEATURES, __name__)
CONFIG_FUNCTIONS = {}
for _row in CONFIG:
    _spec = SettingSpec(*_row)
    CONFIG_FUNCTIONS[_spec.r_name] = functions.REGISTRY[_spec.r_name] = RFunction(
        _spec, SETTING_BUILDERS[_spec.kind], __name__)

FUNCTIONS = {**METRIC_FUNCTIONS, **ACTIVATION_FUNCTIONS, **INITIALIZER_FUNCTIONS,
             **REGULARIZER_FUNCTIONS, **CONSTRAINT_FUNCTIONS, **SCHEDULE_FUNCTIONS,
             **FEATURE_FUNCTIONS, **CONFIG_FUNCTIONS}
globals().update(FUNCTIONS)

__all__ = sorted([*FUNCTIONS, "config_set_image_data_format"])
