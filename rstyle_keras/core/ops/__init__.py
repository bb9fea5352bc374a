"""Ops: functions on tensors, below the layers (`op_*()` in R keras3).

The plain array math (element-wise, reductions, shapes, creation, products) follows Keras's
dtype rules (`dtypes`); ops that need gradients, images, linear-algebra decompositions or
control flow are Keras's only.
"""

from . import elementwise, products, reductions, shapes
from .core import op_array, op_convert_to_numpy, op_reshape, op_shape
from .dtypes import result_type
from .elementwise import *  # noqa: F403
from .pooling import op_average_pool, op_max_pool
from .products import *  # noqa: F403
from .random import random_uniform
from .reductions import *  # noqa: F403
from .shapes import *  # noqa: F403

op_convert_to_array = op_convert_to_numpy  # R keras3's alias

__all__ = [
    "op_array", "op_average_pool", "op_convert_to_array", "op_convert_to_numpy",
    "op_max_pool", "op_reshape", "op_shape", "random_uniform", "result_type",
]
__all__ += elementwise.__all__
__all__ += products.__all__
__all__ += reductions.__all__
__all__ += shapes.__all__
