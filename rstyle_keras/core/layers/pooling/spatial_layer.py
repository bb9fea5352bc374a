"""What windowed and global pooling layers share: rank, layout and dtype rules."""

from __future__ import annotations

from ...ops import pooling as pooling_ops
from ..layer import Layer


class SpatialPoolingLayer(Layer, abstract=True):
    """A layer over (batch, spatial..., channels) inputs with `pool_dimensions` spatial axes."""

    pool_mode: str  # "average" or "max"
    pool_dimensions: int  # 1, 2 or 3
    data_format: str

    @property
    def input_ndim(self) -> int:
        return self.pool_dimensions + 2

    def expected_input_layout(self) -> str:
        spatial = pooling_ops.SPATIAL_NAMES[self.pool_dimensions]
        if self.data_format == "channels_last":
            return f'(batch, {spatial}, channels) for data_format="channels_last"'
        return f'(batch, channels, {spatial}) for data_format="channels_first"'

    def accepted_dtype_kinds(self) -> str:
        # Keras averages numbers only; max also takes bools.
        return "iuf" if self.pool_mode == "average" else "biuf"

    def accepted_dtype_names(self) -> str:
        return "integers or floats" if self.pool_mode == "average" else "integers, floats or bools"

    def compute_output_dtype(self, input_dtype):
        return pooling_ops.pool_output_dtype(self.pool_mode, self.cast_input_dtype(input_dtype))
