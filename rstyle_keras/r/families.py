"""R keras3's `optimizer_*()`, `loss_*()` and `application_*()` functions, from their
tables (`api_tables.OPTIMIZERS`, `LOSSES`, `APPLICATIONS`, generated from R keras3's
sources by tools/gen_api_tables.py) and one generic path (`rstyle_keras.r.functions`).

All run on Keras 3 (under the "numpy" engine they raise `CoreLacksError`), with R's
signatures and R keras3's rules: arguments matched by position up to R's `...`, only the
arguments a call names forwarded, each through its R converter.

* `optimizer_*()` make `keras.optimizers.<Class>`: `optimizer_rmsprop(1e-3)` is
  `keras.optimizers.RMSprop(learning_rate=0.001)`.
* `loss_*()` have R keras3's two faces: with `y_true` and `y_pred` missing, the Loss
  object (`loss_binary_crossentropy(from_logits=True)` is
  `keras.losses.BinaryCrossentropy(from_logits=True)`, for compile()); with both given,
  the loss computed by Keras's function (`keras.losses.binary_crossentropy(y_true,
  y_pred, ...)`; R-style numbers become floatx arrays). R's 1-based `axis`.
* `application_*()` make `keras.applications.<Class>` (`input_shape=c(32, 32, 3)`,
  `classes=10.0`); `application_preprocess_inputs(model, x)` and
  `application_decode_predictions(model, preds)` use the model's own Keras module. Files
  Keras would download (weights="imagenet", the ImageNet class index) are read from
  Keras's cache only: a missing one is a FileNotFoundError naming the file, where to put
  it and the address it comes from.

Examples:
    >>> from rstyle_keras.r.families import loss_binary_crossentropy, optimizer_rmsprop
    >>> old = config_engine()
    >>> config_set_engine("keras")
    >>> optimizer_rmsprop(1e-3).get_config()["learning_rate"]  # doctest: +ELLIPSIS
    0.00100000...
    >>> loss = loss_binary_crossentropy(from_logits=True)
    >>> type(loss).__name__, loss.get_config()["from_logits"]
    ('BinaryCrossentropy', True)
    >>> float(loss_binary_crossentropy(c(0, 1), c(0.2, 0.7)))  # doctest: +ELLIPSIS
    0.28990...
    >>> config_set_engine(old)
"""

from __future__ import annotations

from .api_tables import APPLICATIONS, LOSSES, OPTIMIZERS
from .functions import make_functions

OPTIMIZER_FUNCTIONS = make_functions(OPTIMIZERS, __name__)
LOSS_FUNCTIONS = make_functions(LOSSES, __name__)
APPLICATION_FUNCTIONS = make_functions(APPLICATIONS, __name__)
FUNCTIONS = {**OPTIMIZER_FUNCTIONS, **LOSS_FUNCTIONS, **APPLICATION_FUNCTIONS}
globals().update(FUNCTIONS)

__all__ = sorted(FUNCTIONS)
