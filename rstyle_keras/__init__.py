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
from .core.models import Functional, Sequential
from .core.tensor import Tensor
from .dispatch import compose_layer, create_layer
from .engine import CoreLacksError, config_engine, config_set_engine
from .r.arrays import array_reshape, to_categorical
from .r.classes import *  # noqa: F403  (R's Layer() and Model(): the core's are in .core)
from .r.classes import __all__ as _classes
from .r.datasets import *  # noqa: F403
from .r.datasets import __all__ as _datasets
from .r.families import *  # noqa: F403
from .r.families import __all__ as _families
from .r.helpers import c, shape
from .r.history import HistoryMethods
from .r.layers import *  # noqa: F403
from .r.layers import __all__ as _layer_functions
from .r.loading import from_config, load_model, load_model_config
from .r.models import (
    clear_session,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_input,
)
from .r.named_list import NamedList
from .r.ops import *  # noqa: F403
from .r.ops import __all__ as _ops
from .r.verbs import *  # noqa: F403  (compile shadows Python's built-in, as R users expect)
from .r.verbs import __all__ as _verbs

__version__ = "0.1.0"

# `Layer` and `Model` are R keras3's class constructors (r/classes.py); the core's base
# classes stay in rstyle_keras.core.
__all__ = [
    *_layer_functions, *(name for name in _layer_classes if name != "Layer"), *_ops,
    *_verbs, *_datasets, *_classes, *_families,
    "CoreLacksError", "Functional", "KerasTensor", "Sequential", "Tensor",
    "c", "clear_session", "compose_layer", "config_engine", "config_floatx",
    "config_image_data_format", "config_set_engine", "config_set_image_data_format",
    "create_layer", "keras_input", "keras_model", "keras_model_sequential", "layer_input",
    "model_from_json", "shape", "from_config", "load_model", "load_model_config",
    "NamedList", "HistoryMethods", "array_reshape", "to_categorical",
]
