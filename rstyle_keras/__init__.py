"""rstyle_keras: R keras3's API in Python, over a small NumPy core that matches Keras 3.

    >>> from rstyle_keras import *
    >>> x = op_reshape(op_array(range(1, 10), "float32"), c(1, 3, 3, 1))
    >>> (x | layer_average_pooling_2d(pool_size=c(2, 2), strides=c(1, 1))).shape
    (1, 2, 2, 1)
"""

from .config import config_floatx, config_image_data_format, config_set_image_data_format
from .dispatch import compose_layer, create_layer
from .keras_tensor import KerasTensor
from .layer_functions import *  # noqa: F403
from .layer_functions import __all__ as _layer_functions
from .layers import *  # noqa: F403
from .layers import __all__ as _layer_classes
from .layers.input_layer import keras_input, layer_input
from .models import Functional, Model, Sequential, keras_model, keras_model_sequential
from .models.serialization import model_from_json
from .naming import clear_session
from .ops import *  # noqa: F403
from .ops import __all__ as _ops
from .r_helpers import c, shape
from .tensor import Tensor

__version__ = "0.1.0"

__all__ = [
    *_layer_functions, *_layer_classes, *_ops,
    "Functional", "KerasTensor", "Model", "Sequential", "Tensor",
    "c", "clear_session", "compose_layer", "config_floatx", "config_image_data_format",
    "config_set_image_data_format", "create_layer", "keras_input", "keras_model",
    "keras_model_sequential", "layer_input", "model_from_json", "shape",
]
