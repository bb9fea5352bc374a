"""Average pooling layers for 1D, 2D and 3D data (Keras's `AveragePooling*D`)."""

from .base_pooling import BasePooling


class AveragePooling1D(BasePooling):
    """Average pooling for temporal data: input (batch, steps, features).

    Examples:
        >>> AveragePooling1D(pool_size=2)([[[1.0], [3.0], [5.0], [7.0]]])
        Tensor(
        [[[2.]
          [6.]]], shape=(1, 2, 1), dtype=float32)
    """

    pool_mode, pool_dimensions = "average", 1


class AveragePooling2D(BasePooling):
    """Average pooling for images: input (batch, height, width, channels).

    Examples:
        >>> x = op_reshape(op_array(range(1, 17), "float32"), c(1, 4, 4, 1))
        >>> AveragePooling2D(pool_size=2)(x).shape
        (1, 2, 2, 1)
    """

    pool_mode, pool_dimensions = "average", 2


class AveragePooling3D(BasePooling):
    """Average pooling for volumes: input (batch, dim1, dim2, dim3, channels).

    Examples:
        >>> AveragePooling3D(pool_size=2)(np.ones((1, 4, 4, 4, 2))).shape
        (1, 2, 2, 2, 2)
    """

    pool_mode, pool_dimensions = "average", 3
