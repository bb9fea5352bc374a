"""The eager tensor: a NumPy array that prints like an eager TensorFlow tensor."""

from __future__ import annotations

import numpy as np
from numpy.lib.mixins import NDArrayOperatorsMixin


class Tensor(NDArrayOperatorsMixin):
    """A computed value, backed by a NumPy array (`np.asarray(t)` does not copy).

    Arithmetic works as on NumPy arrays and gives a Tensor back. Printing follows eager
    TensorFlow, so output can be compared by eye with an R tutorial's `tf.Tensor(...)`.

    Examples:
        >>> t = Tensor(np.array([[1.0, 2.0]], dtype="float32"))
        >>> t
        Tensor([[1. 2.]], shape=(1, 2), dtype=float32)
        >>> t.shape, t.dtype
        ((1, 2), dtype('float32'))
        >>> np.asarray(t) is t.numpy()
        True
    """

    __slots__ = ("_value",)

    def __init__(self, value):
        self._value = value if isinstance(value, np.ndarray) else np.asarray(value)

    @property
    def shape(self) -> tuple[int, ...]:
        return self._value.shape

    @property
    def dtype(self) -> np.dtype:
        return self._value.dtype

    @property
    def ndim(self) -> int:
        return self._value.ndim

    def numpy(self) -> np.ndarray:
        """The backing NumPy array (not a copy)."""
        return self._value

    def __array__(self, dtype=None, copy=None):
        if copy:
            return np.array(self._value, dtype=dtype, copy=True)
        if dtype is None or np.dtype(dtype) == self._value.dtype:
            return self._value
        if copy is False:  # NumPy 2's protocol: a conversion that must copy is an error
            raise ValueError(f"converting a {self.dtype} Tensor to {dtype} needs a copy")
        return self._value.astype(dtype)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        inputs = tuple(i._value if isinstance(i, Tensor) else i for i in inputs)
        result = getattr(ufunc, method)(*inputs, **kwargs)
        if isinstance(result, tuple):
            return tuple(Tensor(r) for r in result)
        return Tensor(result) if isinstance(result, np.ndarray) else result

    def __len__(self) -> int:
        return len(self._value)

    def __getitem__(self, index):
        item = self._value[index]
        return Tensor(item) if isinstance(item, np.ndarray) else item

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __repr__(self) -> str:
        text = str(self._value)
        if "\n" in text:  # multi-line arrays start on a line of their own, as in TensorFlow
            text = "\n" + text
        return f"Tensor({text}, shape={self.shape}, dtype={self.dtype.name})"

    __str__ = __repr__


def as_array(data) -> np.ndarray:
    """`data` as a NumPy array without copying arrays and Tensors. Python data (numbers,
    nested lists, ranges) takes Keras's default dtypes: floats float32, ints int32."""
    if isinstance(data, np.ndarray):
        return data
    if isinstance(data, Tensor):
        return data._value
    values = np.asarray(list(data) if isinstance(data, range) else data)
    if values.dtype == np.float64:
        return values.astype(np.float32)
    if values.dtype == np.int64:
        return values.astype(np.int32)
    return values
