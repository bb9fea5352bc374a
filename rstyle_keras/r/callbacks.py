"""R keras3's `callback_*()` functions and `custom_metric()`: the R callables given to
`fit()` and `compile()`.

The eleven `callback_*()` functions come from their table (`api_tables.CALLBACKS`,
generated from R keras3's sources by tools/gen_api_tables.py) on the generic path
(`rstyle_keras.r.functions`): each makes the Keras callback `keras.callbacks.<Class>`
with R's arguments and R's converters (whole floats such as `patience = 2.0` are
integers). As in R keras3:

* `callback_lambda()` takes functions `f(epoch, logs)`, `f(batch, logs)` or `f(logs)`;
  the epoch or batch they receive is 1-based (the first epoch is 1), and a dict a function
  returns is merged into `logs`. Besides the six named hooks, R's `...` takes the test
  and predict ones (`on_test_batch_end = ...`), converted alike.
* `callback_learning_rate_scheduler(schedule)`: `schedule(epoch, lr)` receives Keras's
  0-based epoch (R keras3 documents it "indexed from 0") and the current rate; a whole
  number it returns is a float (R's numbers are doubles).
* `callback_model_checkpoint(filepath)`: Keras fills the filepath's template
  (`"weights.{epoch:02d}-{val_loss:.2f}.keras"`) with the 1-based epoch, as R's does.

Callbacks are Keras objects: under the "numpy" engine (which does not train) they raise
`CoreLacksError`, like the optimizers.

`custom_metric(name, metric_fn)` names a function `metric_fn(y_true, y_pred)` so that
`compile(metrics=...)` reports it under `name`. (A function given to `compile()` without
a name is named as R keras3 names an anonymous R function: see `rstyle_keras.r.verbs`'s
`as_loss()`.)

Examples:
    >>> config_set_engine("keras")
    >>> seen = []
    >>> model = keras_model_sequential(input_shape=c(1)) | layer_dense(units=1)
    >>> model = model | compile(optimizer="sgd", loss="mse")
    >>> history = model | fit(np.ones((4, 1)), np.ones((4, 1)), epochs=2, verbose=0,
    ...                       callbacks=[callback_lambda(
    ...                           on_epoch_end=lambda epoch, logs: seen.append(epoch))])
    >>> seen                     # R's epochs: 1-based
    [1, 2]
    >>> callback_early_stopping(patience=2.0).patience
    2
    >>> config_set_engine("numpy")
"""

from __future__ import annotations

import functools
import inspect

from .api_tables import CALLBACKS
from .functions import make_functions

CALLBACK_FUNCTIONS = make_functions(CALLBACKS, __name__)
globals().update(CALLBACK_FUNCTIONS)


def custom_metric(name, metric_fn):
    """A custom metric function with a name (R keras3's `custom_metric()`).

    Arguments:
        name: the name the metric is shown and recorded under (training progress, the
            history's columns; `val_<name>` for validation data).
        metric_fn: a function `metric_fn(y_true, y_pred)` of tensors (computed with
            `op_*()` functions or `keras.ops`), returning the metric of each sample or
            of the batch.

    Value: a function with R's signature of `metric_fn`, called the same way, whose
    `__name__` is `name`: give it to `compile(metrics=)` (or `loss=`).

    Examples:
        >>> from rstyle_keras.dispatch import keras
        >>> ops = keras().ops
        >>> metric_mean_pred = custom_metric("mean_pred",
        ...                                  lambda y_true, y_pred: ops.mean(y_pred))
        >>> metric_mean_pred.__name__
        'mean_pred'
        >>> float(metric_mean_pred(None, ops.convert_to_tensor([1.0, 3.0])))
        2.0
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"`name` must be a non-empty string; received {name!r}.")
    if not callable(metric_fn):
        raise TypeError(
            f"`metric_fn` must be a function of (y_true, y_pred); received "
            f"{type(metric_fn).__name__}."
        )
    return named_function(metric_fn, name)


def named_function(fn, name: str):
    """`fn` under another `__name__` (Keras names a function metric or loss by it), with
    its signature (R keras3's `py_func2()`)."""

    @functools.wraps(fn)
    def renamed(*args, **kwargs):
        return fn(*args, **kwargs)

    renamed.__name__ = renamed.__qualname__ = name
    try:
        renamed.__signature__ = inspect.signature(fn)
    except (TypeError, ValueError):  # a callable without one: (*args, **kwargs) it is
        pass
    return renamed


__all__ = [*sorted(CALLBACK_FUNCTIONS), "custom_metric"]
