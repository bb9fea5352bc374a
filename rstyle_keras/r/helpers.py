"""Small R functions that R keras3 code uses around the layers."""

from __future__ import annotations

import numbers

from ..core.keras_tensor import KerasTensor
from .ops import op_shape


def c(*values) -> tuple:
    """R's `c()`: combine values (and flatten sequences) into one tuple.

    Examples:
        >>> c(2, 2)
        (2, 2)
        >>> c(1, c(3, 3), 1)
        (1, 3, 3, 1)
    """
    out = []
    for v in values:
        if isinstance(v, (list, tuple, range)):
            out.extend(c(*v))
        else:
            out.append(v)
    return tuple(out)


class Shape(tuple):
    """A shape that prints as R keras3 does, with None for unknown sizes: `shape(None, 5, 5, 3)`."""

    def __repr__(self) -> str:
        return "shape(" + ", ".join(str(d) for d in self) + ")"


def shape(*dims) -> Shape:
    """R's `shape()`: the shape of a tensor, or a shape made from sizes (None is unknown).

    Examples:
        >>> shape(keras_input(shape=c(10, 10, 3)))
        shape(None, 10, 10, 3)
        >>> shape(None, 4)
        shape(None, 4)
    """
    if len(dims) == 1 and not isinstance(dims[0], numbers.Number) and dims[0] is not None:
        only = dims[0]
        if isinstance(only, (list, tuple)) and not isinstance(only, KerasTensor):
            return Shape(c(*only))
        return Shape(op_shape(only))
    return Shape(c(*dims))
