"""The windowed pooling layer: all argument handling and logic for the six
`AveragePooling*D`/`MaxPooling*D` layers, which only set a mode and a rank."""

from __future__ import annotations

from ...arguments import standardize_data_format, standardize_padding, standardize_tuple
from ...ops import pooling as pooling_ops
from .spatial_layer import SpatialPoolingLayer


class BasePooling(SpatialPoolingLayer, abstract=True):
    """Windowed pooling over `pool_dimensions` spatial axes.

    Subclasses set `pool_mode` ("average" or "max"), `pool_dimensions` (1, 2 or 3) and
    `default_pool_size` (None when `pool_size` must be given).
    """

    default_pool_size: int | None = None

    def __init__(
        self, pool_size=None, strides=None, padding="valid", data_format=None, name=None, **kwargs
    ):
        n = self.pool_dimensions
        if pool_size is None:
            if self.default_pool_size is None:
                raise TypeError(
                    f"{type(self).__name__}: `pool_size` is required (an int or {n} ints, "
                    f"e.g. pool_size=c({', '.join(['2'] * n)}))."
                )
            pool_size = self.default_pool_size
        self.pool_size = standardize_tuple(pool_size, n, "pool_size")
        self.strides = (
            self.pool_size if strides is None else standardize_tuple(strides, n, "strides")
        )
        self.padding = standardize_padding(padding)
        self.data_format = standardize_data_format(data_format)
        self._checked_shapes: dict[tuple, tuple] = {}  # input shape -> output shape, checked
        super().__init__(name=name, **kwargs)

    def check_input_shape(self, shape):
        self.compute_output_shape(shape)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        found = self._checked_shapes.get(input_shape)
        if found is None:
            super().check_input_shape(input_shape)
            found = pooling_ops.pooling_output_shape(
                input_shape, self.pool_size, self.strides, self.padding, self.data_format
            )
            if len(self._checked_shapes) > 64:  # a layer sees few shapes; bound the memo anyway
                self._checked_shapes.clear()
            self._checked_shapes[input_shape] = found
        return found

    def call(self, x):
        return pooling_ops.pool(
            x, self.pool_mode, self.pool_size, self.strides, self.padding, self.data_format
        )

    def get_config(self):
        return {
            **super().get_config(),
            "pool_size": list(self.pool_size),
            "padding": self.padding,
            "strides": list(self.strides),
            "data_format": self.data_format,
        }
