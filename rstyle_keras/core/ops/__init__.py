"""Ops: functions on tensors, below the layers (`op_*()` in R keras3)."""

from .core import op_array, op_convert_to_numpy, op_reshape, op_shape
from .pooling import op_average_pool, op_max_pool
from .random import random_uniform

__all__ = [
    "op_array", "op_average_pool", "op_convert_to_numpy", "op_max_pool", "op_reshape",
    "op_shape", "random_uniform",
]
