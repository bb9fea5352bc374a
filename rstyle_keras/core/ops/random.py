"""Random tensors (R keras3's `random_*()` functions)."""

from __future__ import annotations

import numpy as np

from ..arguments import as_int, standardize_shape
from ..config import config_floatx
from ..tensor import Tensor

# The generator of unseeded draws (set_random_seed() and set.seed() replace it), made on
# the first: importing numpy.random took 13 ms, more than the rest of `import rstyle_keras`.
_unseeded = None


def _unseeded_rng():
    global _unseeded
    if _unseeded is None:
        _unseeded = np.random.default_rng()
    return _unseeded


def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None) -> Tensor:
    """Draw values uniformly from `[minval, maxval)`.

    Arguments:
        shape: the shape of the result, e.g. `c(2, 3)`.
        minval, maxval: the bounds.
        dtype: a float dtype name; None means floatx ("float32").
        seed: an int for a reproducible draw; None for a fresh one.

    Value: a Tensor.

    Examples:
        >>> a = random_uniform(c(2, 3), seed=42)
        >>> b = random_uniform(c(2, 3), seed=42)
        >>> bool((op_convert_to_numpy(a) == op_convert_to_numpy(b)).all()), a.shape
        (True, (2, 3))
    """
    dims = standardize_shape(shape, "shape")
    if None in dims:
        raise ValueError(f"`shape` must be fully known; received shape={shape!r}.")
    dtype = np.dtype(dtype if dtype is not None else config_floatx())
    if dtype.kind != "f":
        raise ValueError(f"`dtype` must be a float dtype; received dtype={dtype.name!r}.")
    if not minval < maxval:
        raise ValueError(f"`minval` must be below `maxval`; received {minval} and {maxval}.")
    rng = _unseeded_rng() if seed is None else np.random.default_rng(as_int(seed, "seed"))
    return Tensor(rng.uniform(minval, maxval, size=dims).astype(dtype))
