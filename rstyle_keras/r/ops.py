"""R keras3's `op_*()` and `random_*()` functions, from their tables and one generic path.

The tables are `api_tables.OPS` (the ops made so far; issue 10 adds the rest) and
`api_tables.RANDOM` (all of R keras3's `random_*()`), generated from R keras3's sources by
tools/gen_api_tables.py; every row is an `RFunction` (`rstyle_keras.r.functions`), with
R's signature and R's argument matching.

The first argument that belongs to an engine decides it (a Keras or backend tensor ->
`keras.ops` / `keras.random`, a core Tensor -> the core; a list of tensors by its first);
for plain Python or NumPy data (or a shape, as `op_zeros(c(2, 3))`), `config_engine()`
does. Under "keras" the arguments a call names go through R keras3's converters (1-based
`axis`, whole floats, `c()` shapes, integer seeds) to the Keras function; under "numpy" to
the core's function of the same name, or a `CoreLacksError` where the core has none.
Like R keras3's, `op_argmax()` and `random_categorical()` return 1-based indices unless
`zero_indexed=True`.

Examples:
    >>> op_reshape(op_array(range(1, 7), "float32"), c(2, NA))
    Tensor(
    [[1. 2. 3.]
     [4. 5. 6.]], shape=(2, 3), dtype=float32)
    >>> from rstyle_keras.r.ops import op_zeros
    >>> old = config_engine()
    >>> config_set_engine("numpy")
    >>> op_zeros(c(1, 32))
    Traceback (most recent call last):
    ...
    rstyle_keras.engine.CoreLacksError: op_zeros() is not implemented by the NumPy core ...
    >>> config_set_engine(old)
"""

from __future__ import annotations

from .api_tables import OPS, RANDOM
from .functions import make_functions

NA = float("nan")  # R's NA in a shape

OP_FUNCTIONS = make_functions(OPS, __name__)
RANDOM_FUNCTIONS = make_functions(RANDOM, __name__)
FUNCTIONS = {**OP_FUNCTIONS, **RANDOM_FUNCTIONS}
globals().update(FUNCTIONS)

__all__ = [*sorted(FUNCTIONS), "NA"]
