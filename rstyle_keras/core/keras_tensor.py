"""Symbolic tensors: a shape and dtype with the history of layers that made them."""

from __future__ import annotations

from .naming import auto_name


class KerasTensor:
    """A placeholder for data flowing through a model: shape (batch first, `None` for
    unknown), dtype, and the layer call that produced it (`history`: a tuple of the
    layer and its input KerasTensors), which `keras_model()` follows back to the inputs.
    """

    __array_ufunc__ = None  # NumPy must not try to turn this into an array

    def __init__(self, shape, dtype="float32", name=None, history=None, sparse=False):
        self.shape = tuple(shape)
        self.dtype = str(dtype)
        self.sparse = sparse
        self.ragged = False
        self.name = name if name is not None else auto_name("keras_tensor")
        self.history = history

    @property
    def ndim(self) -> int:
        return len(self.shape)

    def __repr__(self) -> str:
        return (
            f"<KerasTensor shape={self.shape}, dtype={self.dtype}, sparse={self.sparse}, "
            f"ragged={self.ragged}, name={self.name}>"
        )

    def __bool__(self):
        raise TypeError("A symbolic KerasTensor has no value; it cannot be used as a bool.")
