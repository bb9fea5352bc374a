"""Global average and max pooling for 1D, 2D and 3D data (Keras's `Global*Pooling*D`)."""

from .base_global_pooling import BaseGlobalPooling


class GlobalAveragePooling1D(BaseGlobalPooling):
    """Average over all steps: (batch, steps, features) -> (batch, features).

    Examples:
        >>> GlobalAveragePooling1D()([[[1.0], [3.0]]])
        Tensor([[2.]], shape=(1, 1), dtype=float32)
    """

    pool_mode, pool_dimensions = "average", 1


class GlobalAveragePooling2D(BaseGlobalPooling):
    """Average over height and width: (batch, height, width, channels) -> (batch, channels).

    Examples:
        >>> GlobalAveragePooling2D(keepdims=True)(np.ones((2, 4, 4, 3))).shape
        (2, 1, 1, 3)
    """

    pool_mode, pool_dimensions = "average", 2


class GlobalAveragePooling3D(BaseGlobalPooling):
    """Average over three spatial axes: (batch, d1, d2, d3, channels) -> (batch, channels).

    Examples:
        >>> GlobalAveragePooling3D()(np.ones((2, 3, 3, 3, 4))).shape
        (2, 4)
    """

    pool_mode, pool_dimensions = "average", 3


class GlobalMaxPooling1D(BaseGlobalPooling):
    """Maximum over all steps: (batch, steps, features) -> (batch, features).

    Examples:
        >>> GlobalMaxPooling1D()([[[1.0], [3.0]]])
        Tensor([[3.]], shape=(1, 1), dtype=float32)
    """

    pool_mode, pool_dimensions = "max", 1


class GlobalMaxPooling2D(BaseGlobalPooling):
    """Maximum over height and width: (batch, height, width, channels) -> (batch, channels).

    Examples:
        >>> GlobalMaxPooling2D()(np.ones((2, 4, 4, 3))).shape
        (2, 3)
    """

    pool_mode, pool_dimensions = "max", 2


class GlobalMaxPooling3D(BaseGlobalPooling):
    """Maximum over three spatial axes: (batch, d1, d2, d3, channels) -> (batch, channels).

    Examples:
        >>> GlobalMaxPooling3D(keepdims=True)(np.ones((2, 3, 3, 3, 4))).shape
        (2, 1, 1, 1, 4)
    """

    pool_mode, pool_dimensions = "max", 3
