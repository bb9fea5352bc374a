"""The input layer: where symbolic graphs start (`keras_input()` makes one)."""

from __future__ import annotations

import numpy as np

from ..arguments import as_int, standardize_policy, standardize_shape
from ..config import config_floatx
from ..keras_tensor import KerasTensor
from .layer import Layer


def _input_dtype(dtype) -> str:
    if dtype is None:
        return config_floatx()
    if isinstance(dtype, dict):  # a DTypePolicy config
        return standardize_policy(dtype)
    try:
        found = np.dtype(dtype)
    except TypeError:
        found = None
    if found is None or found.kind not in "biuf":
        raise ValueError(
            f"`dtype` must be a numeric dtype name such as \"float32\" or \"int32\"; "
            f"received dtype={dtype!r}."
        )
    return found.name


class InputLayer(Layer):
    """Holds the batch shape and dtype of a model input; its `output` is a KerasTensor."""

    def __init__(
        self, shape=None, batch_size=None, dtype=None, sparse=None, batch_shape=None,
        name=None, optional=False, ragged=False, **kwargs,
    ):
        if batch_shape is not None:
            if shape is not None:
                raise ValueError(
                    f"Give `shape` or `batch_shape`, not both; received shape={shape!r} and "
                    f"batch_shape={batch_shape!r}."
                )
            batch_shape = standardize_shape(batch_shape, "batch_shape")
        else:
            if shape is None:
                raise TypeError(
                    "`shape` is required: the input's shape without the batch dimension, "
                    "e.g. shape=c(28, 28, 1)."
                )
            if batch_size is not None:
                batch_size = as_int(batch_size, "batch_size", "a positive integer or None")
            batch_shape = (batch_size, *standardize_shape(shape, "shape"))
        if sparse or ragged:
            raise ValueError("`sparse`/`ragged` inputs are not supported by rstyle_keras.")
        super().__init__(name=name, **kwargs)
        self.batch_shape = batch_shape
        self.input_dtype = _input_dtype(dtype)
        self.optional = bool(optional)
        self.output = KerasTensor(batch_shape, self.input_dtype, history=(self, ()))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def call(self, x):
        return x

    def get_config(self):
        return {
            "batch_shape": list(self.batch_shape),
            "dtype": self.input_dtype,
            "sparse": False,
            "ragged": False,
            "name": self.name,
            "optional": self.optional,
        }
