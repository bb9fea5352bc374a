"""The array helpers R tutorials start with: `to_categorical()` and `array_reshape()`.

Both are plain NumPy and work without Keras (under the "numpy" engine too):

| R                                           | Python                                   |
|---------------------------------------------|------------------------------------------|
| `to_categorical(y_train, 10)`               | `to_categorical(y_train, 10)`            |
| `array_reshape(x_train, c(nrow(x), 784))`   | `array_reshape(x_train, c(len(x), 784))` |

`array_reshape()` is reticulate's (R keras3 re-exports it): it fills the new shape row by
row (C order, as NumPy, Keras and `op_reshape()` do), not column by column as R's `dim<-`.

Examples:
    >>> from rstyle_keras.r.arrays import array_reshape, to_categorical
    >>> to_categorical(c(0, 2, 1))
    array([[1., 0., 0.],
           [0., 0., 1.],
           [0., 1., 0.]])
    >>> array_reshape(range(1, 7), c(2, 3))
    array([[1, 2, 3],
           [4, 5, 6]])
"""

from __future__ import annotations

import numbers

import numpy as np

from .. import dispatch
from ..keras_adapter import is_keras_object

__all__ = ["array_reshape", "to_categorical"]


def match_arg(value, choices: tuple[str, ...], name: str) -> str:
    """R's `match.arg()`: the whole vector of choices (the default) is its first; else an
    exact choice, or the one choice that `value` is a prefix of ("f" is "fine")."""
    if isinstance(value, (tuple, list)) and tuple(value) == tuple(choices):
        return choices[0]
    if isinstance(value, str):
        if value in choices:
            return value
        partial = [choice for choice in choices if value and choice.startswith(value)]
        if len(partial) == 1:
            return partial[0]
    raise ValueError(
        f"`{name}` must be one of {', '.join(map(repr, choices))}; received {name}={value!r}."
    )


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _whole_number(value, name: str, accepted: str, positive: bool = False) -> int:
    """One R number as a Python int (`10`, `10.0`, `c(10)`, a NumPy scalar)."""
    item = value
    if isinstance(item, (tuple, list, np.ndarray)) and np.size(item) == 1:
        item = np.asarray(item).reshape(-1)[0]  # R has no scalars: c(10) is 10
    if _is_number(item) and float(item).is_integer() and (not positive or item > 0):
        return int(item)
    raise (ValueError if _is_number(item) else TypeError)(
        f"`{name}` must be {accepted}; received {name}={value!r}."
    )


def _class_labels(x) -> np.ndarray:
    """`x` as an int64 array of labels: integers, bools, or whole floats (R doubles)."""
    accepted = "class labels: integers from 0 to num_classes - 1 (whole floats such as 3.0 too)"
    try:
        labels = np.asarray(x)
    except (ValueError, TypeError):  # ragged nested lists
        labels = None
    if labels is None or labels.dtype.kind not in "biuf":
        what = type(x).__name__ if labels is None else f"{type(x).__name__} of {labels.dtype}"
        raise TypeError(f"`x` must be {accepted}; received x={x!r} ({what}).")
    if labels.dtype.kind == "f":
        bad = ~np.isfinite(labels) | (labels != np.round(labels))
        if bad.any():
            raise TypeError(
                f"`x` must be {accepted}; received x={x!r}, which holds "
                f"{labels[bad].reshape(-1)[0]!r} (not a whole number)."
            )
    return labels.astype("int64")


def to_categorical(x, num_classes=None):
    """Converts a vector of class labels (integers) to a binary class matrix (one-hot).

    For use with `loss_categorical_crossentropy()`: label `k` becomes a row of zeros with
    a one at position `k`. The labels are 0-based, as in R keras3, which does not shift
    them: with 10 classes they run from 0 to 9 (R's labels 1 to 10: pass `y - 1`).

    Arguments:
        x: array-like of class labels, integers from 0 to `num_classes - 1`: a vector
            (`c(0, 1, 2)`), a list, a NumPy array, a core Tensor; whole floats (R doubles
            such as `2.0`) count as integers. A last axis of size 1 (labels of shape
            `(n, 1)`, as `dataset_cifar10()` gives them) is dropped, as Keras does. A Keras
            or backend tensor goes to `keras.utils.to_categorical()` and gives a tensor.
        num_classes: the number of classes, a positive whole number (`10` or `10.0`);
            None (the default) infers it as `max(x) + 1`.

    Value: a float64 NumPy array of shape `dim(x) + (num_classes,)` (the class axis last),
    equal to what `keras.utils.to_categorical()` gives. A label below 0 or not below
    `num_classes` is a ValueError (Keras would index out of range, or wrap a negative one
    around); a label that is not a whole number is a TypeError.

    Examples:
        >>> from rstyle_keras.r.arrays import to_categorical
        >>> to_categorical(c(0, 1, 2, 3), num_classes=4)
        array([[1., 0., 0., 0.],
               [0., 1., 0., 0.],
               [0., 0., 1., 0.],
               [0., 0., 0., 1.]])
        >>> to_categorical(np.array([[1], [0]]), 3)      # a last axis of size 1 is dropped
        array([[0., 1., 0.],
               [1., 0., 0.]])
        >>> to_categorical(c(1, 2, 3), 3)
        Traceback (most recent call last):
        ...
        ValueError: `x` must hold class labels from 0 to num_classes - 1 = 2 (0-based, as in R keras3: labels are not shifted); received the label 3. For labels that start at 1, pass `x - 1`.
    """  # noqa: E501
    if num_classes is not None:
        num_classes = _whole_number(
            num_classes, "num_classes",
            "a positive whole number (e.g. 10 or 10.0), or None to infer it as max(x) + 1",
            positive=True,
        )
    if is_keras_object(x):
        return dispatch.keras().utils.to_categorical(x, num_classes)
    labels = _class_labels(x)
    shape = labels.shape
    if len(shape) > 1 and shape[-1] == 1:
        shape = shape[:-1]
    labels = labels.reshape(-1)
    if num_classes is None:
        if labels.size == 0:
            raise ValueError(
                "`num_classes` cannot be inferred from an empty `x` (it is max(x) + 1); "
                "give num_classes."
            )
        num_classes = int(labels.max()) + 1
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        bad = labels.min() if labels.min() < 0 else labels.max()
        hint = " For labels that start at 1, pass `x - 1`." if bad == num_classes else ""
        raise ValueError(
            f"`x` must hold class labels from 0 to num_classes - 1 = {num_classes - 1} "
            f"(0-based, as in R keras3: labels are not shifted); received the label {bad}."
            f"{hint}"
        )
    categorical = np.zeros((labels.size, num_classes))
    categorical[np.arange(labels.size), labels] = 1
    return categorical.reshape(shape + (num_classes,))


def _as_dim(dim) -> tuple[int, ...]:
    """`array_reshape()`'s `dim` as a tuple of ints; None or NA (NaN) as -1."""
    accepted = (
        "a shape: whole numbers (e.g. c(2, 3)), with at most one -1 (or None/NA) for a size "
        "NumPy infers"
    )
    if _is_number(dim) or dim is None:
        dim = (dim,)
    elif isinstance(dim, np.ndarray):
        dim = dim.reshape(-1).tolist()
    elif not isinstance(dim, (tuple, list, range)):
        raise TypeError(f"`dim` must be {accepted}; received dim={dim!r}.")
    out = []
    for d in dim:
        if d is None or (isinstance(d, float) and np.isnan(d)):
            out.append(-1)
        elif _is_number(d) and float(d).is_integer():
            out.append(int(d))
        else:
            raise TypeError(f"`dim` must be {accepted}; received dim={dim!r}.")
    return tuple(out)


def array_reshape(x, dim, order=("C", "F")):
    """Reshape an array, filling the new shape row by row (C order) by default.

    reticulate's `array_reshape()`, which R keras3 re-exports: NumPy's reshape. R's own
    `dim(x) <- dim` fills column by column; `array_reshape()` reads and fills in row-major
    order, as NumPy, Keras and `op_reshape()` do, so the same data gives the same images.

    Arguments:
        x: an array: a NumPy array, a nested list, a range, a core Tensor or a backend
            tensor (read into NumPy).
        dim: the new shape: `c(2, 3)`, a tuple or list, or one number; whole floats (R
            doubles) count as integers. One size may be -1 (as in NumPy, and so in
            reticulate) for the size that makes the total match; None or NA mean -1 too,
            as in `layer_reshape()` (reticulate's `as.integer(NA)` would not reach NumPy as
            -1; this is the one convenience added).
        order: "C" (the default, R's `c("C", "F")` whose first choice it is): read and fill
            the last index fastest (row-major); "F": the first index fastest (column-major,
            as R's `dim<-`).

    Value: a NumPy array of shape `dim` (a view of `x` where NumPy can make one). A size
    that does not match `x` is a ValueError naming `dim`.

    Examples:
        >>> from rstyle_keras.r.arrays import array_reshape
        >>> x = array_reshape(range(1, 7), c(2, 3))
        >>> x
        array([[1, 2, 3],
               [4, 5, 6]])
        >>> array_reshape(x, c(3, 2), order="F")
        array([[1, 5],
               [4, 3],
               [2, 6]])
        >>> array_reshape(x, c(None, 1.0)).shape     # None (NA) or -1: the size NumPy infers
        (6, 1)
        >>> array_reshape(x, c(4, 2))
        Traceback (most recent call last):
        ...
        ValueError: `dim` must have as many cells as `x` (6); received dim=(4, 2) (8 cells).
    """
    order = match_arg(order, ("C", "F"), "order")
    shape = _as_dim(dim)
    array = np.asarray(x)
    try:
        return np.reshape(array, shape, order=order)
    except ValueError as e:
        if -1 not in shape and all(d >= 0 for d in shape):
            cells = int(np.prod(shape, dtype=np.int64))
            raise ValueError(
                f"`dim` must have as many cells as `x` ({array.size}); received dim={shape} "
                f"({cells} cells)."
            ) from None
        raise ValueError(
            f"`dim` cannot reshape `x` ({array.size} cells) to {shape}: {e}. Sizes are whole "
            f"numbers, with at most one -1 (or None/NA) for the size that makes the product "
            f"{array.size}."
        ) from None
