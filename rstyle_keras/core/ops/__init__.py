"""Ops: functions on tensors, below the layers (`op_*()` in R keras3).

Each takes `keras.ops.<name>`'s arguments (0-based axes and indices; the R surface converts
R's) under R keras3's function name, and returns core Tensors with the dtypes Keras gives
on JAX (`dtypes`: Keras's type promotion with weak Python numbers, 64 bits kept):

* `elementwise`: math, comparisons, logic, bitwise, `op_where()`, `op_clip()`, `op_cast()`;
* `reductions`: sums, means, extremes, arg-indices, quantiles, norms, segments;
* `shapes`: shapes, joining and splitting, indexing, sorting, creation, windows;
* `products`: `op_matmul()`, `op_dot()`, `op_einsum()`, ...;
* `core`, `pooling`, `random`: what the layers use.

Ops that need what the core lacks (gradients: the `nn` activations and losses,
convolutions; images; linear-algebra decompositions; FFTs; control flow) are Keras's: under
the "numpy" engine their R functions raise `CoreLacksError`.

Examples:
    >>> from rstyle_keras.core import ops as core
    >>> core.op_sum(op_array([[1, 2], [3, 4]], "int8"), axis=0)
    Tensor([4 6], shape=(2,), dtype=int32)
    >>> core.result_type("int8", float)
    'float32'
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
