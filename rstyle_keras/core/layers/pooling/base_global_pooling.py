"""The global pooling layer: the logic of the six `Global*Pooling*D` layers."""

from __future__ import annotations

from ...arguments import standardize_data_format
from ...ops import pooling as pooling_ops
from .spatial_layer import SpatialPoolingLayer


class BaseGlobalPooling(SpatialPoolingLayer, abstract=True):
    """Average or max over all spatial axes at once.

    Subclasses set `pool_mode` ("average" or "max") and `pool_dimensions` (1, 2 or 3).
    """

    def __init__(self, data_format=None, keepdims=False, name=None, **kwargs):
        self.data_format = standardize_data_format(data_format)
        if not isinstance(keepdims, bool):
            raise TypeError(
                f"`keepdims` must be TRUE/FALSE (a bool); received keepdims={keepdims!r}."
            )
        self.keepdims = keepdims
        super().__init__(name=name, **kwargs)

    def accepted_dtype_kinds(self) -> str:
        # Keras's global average is a mean, which takes bools too (the fraction of True).
        return "biuf"

    def accepted_dtype_names(self) -> str:
        return "integers, floats or bools"

    def check_input_shape(self, shape):
        super().check_input_shape(shape)
        pooling_ops.check_spatial_sizes(shape, self.data_format)

    def compute_output_shape(self, input_shape):
        return pooling_ops.global_pooling_output_shape(
            tuple(input_shape), self.data_format, self.keepdims
        )

    def call(self, x):
        return pooling_ops.global_pool(x, self.pool_mode, self.data_format, self.keepdims)

    def get_config(self):
        return {**super().get_config(), "data_format": self.data_format, "keepdims": self.keepdims}
