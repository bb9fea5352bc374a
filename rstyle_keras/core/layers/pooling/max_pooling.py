"""Max pooling layers for 1D, 2D and 3D data (Keras's `MaxPooling*D`); pool size 2 by default."""

from .base_pooling import BasePooling


class MaxPooling1D(BasePooling):
    """Max pooling for temporal data: input (batch, steps, features).

    Examples:
        >>> MaxPooling1D()([[[1.0], [3.0], [5.0], [7.0]]])
        Tensor(
        [[[3.]
          [7.]]], shape=(1, 2, 1), dtype=float32)
    """

    pool_mode, pool_dimensions, default_pool_size = "max", 1, 2


class MaxPooling2D(BasePooling):
    """Max pooling for images: input (batch, height, width, channels).

    Examples:
        >>> x = op_reshape(op_array(range(1, 17), "float32"), c(1, 4, 4, 1))
        >>> MaxPooling2D()(x)[0, :, :, 0]
        Tensor(
        [[ 6.  8.]
         [14. 16.]], shape=(2, 2), dtype=float32)
    """

    pool_mode, pool_dimensions, default_pool_size = "max", 2, 2


class MaxPooling3D(BasePooling):
    """Max pooling for volumes: input (batch, dim1, dim2, dim3, channels).

    Examples:
        >>> MaxPooling3D()(np.ones((1, 4, 4, 4, 2))).shape
        (1, 2, 2, 2, 2)
    """

    pool_mode, pool_dimensions, default_pool_size = "max", 3, 2
