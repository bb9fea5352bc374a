"""The R keras3 `layer_*()` functions. Each makes a layer and composes it with `object`
through `rstyle_keras.dispatch.create_layer`."""

from .pooling import (
    layer_average_pooling_1d,
    layer_average_pooling_2d,
    layer_average_pooling_3d,
    layer_global_average_pooling_1d,
    layer_global_average_pooling_2d,
    layer_global_average_pooling_3d,
    layer_global_max_pooling_1d,
    layer_global_max_pooling_2d,
    layer_global_max_pooling_3d,
    layer_max_pooling_1d,
    layer_max_pooling_2d,
    layer_max_pooling_3d,
)

__all__ = [
    "layer_average_pooling_1d", "layer_average_pooling_2d", "layer_average_pooling_3d",
    "layer_global_average_pooling_1d", "layer_global_average_pooling_2d",
    "layer_global_average_pooling_3d", "layer_global_max_pooling_1d",
    "layer_global_max_pooling_2d", "layer_global_max_pooling_3d",
    "layer_max_pooling_1d", "layer_max_pooling_2d", "layer_max_pooling_3d",
]
