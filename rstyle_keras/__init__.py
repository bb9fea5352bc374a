"""rstyle_keras: R keras3's API in Python, on a NumPy core or on Keras 3.

Three rooms: `rstyle_keras.r` (the R-named functions), `rstyle_keras.core` (the NumPy
core) and `rstyle_keras.keras_adapter` (Keras 3, imported on first use); between them,
`rstyle_keras.dispatch` (the first-argument rule) and `rstyle_keras.engine` (the setting).

    >>> from rstyle_keras import *
    >>> x = op_reshape(op_array(range(1, 10), "float32"), c(1, 3, 3, 1))
    >>> (x | layer_average_pooling_2d(pool_size=c(2, 2), strides=c(1, 1))).shape
    (1, 2, 2, 1)
"""

from .core.config import config_floatx, config_image_data_format, config_set_image_data_format
from .core.keras_tensor import KerasTensor
from .core.layers import *  # noqa: F403
from .core.layers import __all__ as _layer_classes
from .core.layers.serialization import model_from_json
from .core.models import Functional, Model, Sequential
from .core.naming import clear_session
from .core.tensor import Tensor
from .dispatch import compose_layer, create_layer
from .engine import CoreLacksError, config_engine, config_set_engine
from .r.helpers import c, shape
from .r.layers import *  # noqa: F403
from .r.layers import __all__ as _layer_functions
from .r.models import keras_input, keras_model, keras_model_sequential, layer_input
from .r.ops import *  # noqa: F403
from .r.ops import __all__ as _ops

__version__ = "0.1.0"

__all__ = [
    *_layer_functions, *_layer_classes, *_ops,
    "CoreLacksError", "Functional", "KerasTensor", "Model", "Sequential", "Tensor",
    "c", "clear_session", "compose_layer", "config_engine", "config_floatx",
    "config_image_data_format", "config_set_engine", "config_set_image_data_format",
    "create_layer", "keras_input", "keras_model", "keras_model_sequential", "layer_input",
    "model_from_json", "shape",
]
