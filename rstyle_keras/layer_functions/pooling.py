"""R keras3's pooling layer functions (R/layers-pooling.R), one thin wrapper per layer.

Every function returns, by its first argument `object` (see `rstyle_keras.dispatch`):
None -> the Layer; a Sequential model -> the model, with the layer added;
a KerasTensor -> the symbolic output; a Tensor, array or nested list -> the computed Tensor.
"""

from __future__ import annotations

from ..dispatch import REQUIRED, create_layer
from ..layers.pooling import (
    AveragePooling1D,
    AveragePooling2D,
    AveragePooling3D,
    GlobalAveragePooling1D,
    GlobalAveragePooling2D,
    GlobalAveragePooling3D,
    GlobalMaxPooling1D,
    GlobalMaxPooling2D,
    GlobalMaxPooling3D,
    MaxPooling1D,
    MaxPooling2D,
    MaxPooling3D,
)


def _windowed(layer_class, object, pool_size, strides, padding, data_format, name, kwargs):
    return create_layer(
        layer_class, object, pool_size=pool_size, strides=strides, padding=padding,
        data_format=data_format, name=name, **kwargs,
    )


def _global(layer_class, object, data_format, keepdims, kwargs):
    return create_layer(layer_class, object, data_format=data_format, keepdims=keepdims, **kwargs)


def layer_average_pooling_2d(
    object=None, pool_size=REQUIRED, strides=None, padding="valid", data_format=None,
    name=None, **kwargs,
):
    """Average pooling operation for 2D spatial data.

    Downsamples the input along its spatial dimensions (height and width) by taking the
    average value over an input window (of size `pool_size`) for each channel. The window
    moves by `strides` along each dimension. Output size per spatial dimension:
    "valid": `floor((input - pool_size) / strides) + 1` (the window must fit);
    "same": `floor((input - 1) / strides) + 1`, averaging over real cells only.

    Arguments:
        object: what to compose the layer with: None, a Sequential model, a KerasTensor,
            or a Tensor, array or nested list.
        pool_size: an int or 2 ints (e.g. `c(2, 2)`): the window (rows, columns).
            Required, as in R.
        strides: an int, 2 ints, or None (= `pool_size`).
        padding: "valid" (no padding) or "same" (pad so that, at stride 1, the output has
            the input's size), any case.
        data_format: "channels_last" (batch, height, width, channels) or "channels_first"
            (batch, channels, height, width); None means keras.json's image_data_format,
            else "channels_last".
        name: the layer's name; None for an automatic one.
        **kwargs: R's `...`: `input_shape`, `batch_size`, `dtype`, `trainable`, ...

    Value: by `object` (see the module docs): the Layer, the model, a KerasTensor or a
    Tensor of shape (batch, pooled_rows, pooled_cols, channels) or channels-first.

    Examples:
        `strides=c(1, 1)` and `padding="valid"`:

        >>> x = op_reshape(op_array(range(1, 10), "float32"), c(1, 3, 3, 1))
        >>> output = x | layer_average_pooling_2d(pool_size=c(2, 2),
        ...                                       strides=c(1, 1),
        ...                                       padding="valid")
        >>> output
        Tensor(
        [[[[3.]
           [4.]]
        <BLANKLINE>
          [[6.]
           [7.]]]], shape=(1, 2, 2, 1), dtype=float32)

        `strides=c(2, 2)` and `padding="valid"`:

        >>> x = op_reshape(op_array(range(1, 13), "float32"), c(1, 3, 4, 1))
        >>> output = x | layer_average_pooling_2d(pool_size=c(2, 2),
        ...                                       strides=c(2, 2),
        ...                                       padding="valid")
        >>> output
        Tensor(
        [[[[3.5]
           [5.5]]]], shape=(1, 1, 2, 1), dtype=float32)

        `strides=c(1, 1)` and `padding="same"`:

        >>> x = op_reshape(op_array(range(1, 10), "float32"), c(1, 3, 3, 1))
        >>> output = x | layer_average_pooling_2d(pool_size=c(2, 2),
        ...                                       strides=c(1, 1),
        ...                                       padding="same")
        >>> output
        Tensor(
        [[[[3. ]
           [4. ]
           [4.5]]
        <BLANKLINE>
          [[6. ]
           [7. ]
           [7.5]]
        <BLANKLINE>
          [[7.5]
           [8.5]
           [9. ]]]], shape=(1, 3, 3, 1), dtype=float32)
    """
    return _windowed(AveragePooling2D, object, pool_size, strides, padding, data_format, name,
                     kwargs)


def layer_average_pooling_1d(
    object=None, pool_size=REQUIRED, strides=None, padding="valid", data_format=None,
    name=None, **kwargs,
):
    """Average pooling for temporal data: input (batch, steps, features).

    Arguments are those of `layer_average_pooling_2d()` with one int for `pool_size` and
    `strides`. Value: as for `layer_average_pooling_2d()`.

    Examples:
        >>> x = op_reshape(op_array(c(1, 2, 3, 4, 5), "float32"), c(1, 5, 1))
        >>> x | layer_average_pooling_1d(pool_size=2, strides=1, padding="valid")
        Tensor(
        [[[1.5]
          [2.5]
          [3.5]
          [4.5]]], shape=(1, 4, 1), dtype=float32)
    """
    return _windowed(AveragePooling1D, object, pool_size, strides, padding, data_format, name,
                     kwargs)


def layer_average_pooling_3d(
    object=None, pool_size=REQUIRED, strides=None, padding="valid", data_format=None,
    name=None, **kwargs,
):
    """Average pooling for 3D data: input (batch, dim1, dim2, dim3, channels).

    Arguments are those of `layer_average_pooling_2d()` with 3 ints for `pool_size` and
    `strides`. Value: as for `layer_average_pooling_2d()`.

    Examples:
        >>> inputs = keras_input(shape=c(30, 30, 30, 3))
        >>> shape(inputs | layer_average_pooling_3d(pool_size=3))
        shape(None, 10, 10, 10, 3)
    """
    return _windowed(AveragePooling3D, object, pool_size, strides, padding, data_format, name,
                     kwargs)


def layer_max_pooling_1d(
    object=None, pool_size=2, strides=None, padding="valid", data_format=None, name=None,
    **kwargs,
):
    """Max pooling for temporal data: input (batch, steps, features). `pool_size` is 2
    unless given. Arguments and value are those of `layer_average_pooling_1d()`.

    Examples:
        >>> x = op_reshape(op_array(c(1, 2, 3, 4, 5), "float32"), c(1, 5, 1))
        >>> x | layer_max_pooling_1d(pool_size=2, strides=1, padding="valid")
        Tensor(
        [[[2.]
          [3.]
          [4.]
          [5.]]], shape=(1, 4, 1), dtype=float32)
    """
    return _windowed(MaxPooling1D, object, pool_size, strides, padding, data_format, name, kwargs)


def layer_max_pooling_2d(
    object=None, pool_size=2, strides=None, padding="valid", data_format=None, name=None,
    **kwargs,
):
    """Max pooling for 2D spatial data: input (batch, height, width, channels).
    `pool_size` is `c(2, 2)` unless given. Arguments and value are those of
    `layer_average_pooling_2d()`; under "same" padding the padded cells never win.

    Examples:
        >>> x = op_reshape(op_array(range(1, 10), "float32"), c(1, 3, 3, 1))
        >>> x | layer_max_pooling_2d(pool_size=c(2, 2), strides=c(1, 1), padding="valid")
        Tensor(
        [[[[5.]
           [6.]]
        <BLANKLINE>
          [[8.]
           [9.]]]], shape=(1, 2, 2, 1), dtype=float32)
    """
    return _windowed(MaxPooling2D, object, pool_size, strides, padding, data_format, name, kwargs)


def layer_max_pooling_3d(
    object=None, pool_size=2, strides=None, padding="valid", data_format=None, name=None,
    **kwargs,
):
    """Max pooling for 3D data: input (batch, dim1, dim2, dim3, channels). `pool_size`
    is `c(2, 2, 2)` unless given. Arguments and value are those of
    `layer_average_pooling_3d()`.

    Examples:
        >>> inputs = keras_input(shape=c(30, 30, 30, 3))
        >>> shape(inputs | layer_max_pooling_3d(pool_size=3))
        shape(None, 10, 10, 10, 3)
    """
    return _windowed(MaxPooling3D, object, pool_size, strides, padding, data_format, name, kwargs)


def layer_global_average_pooling_1d(object=None, data_format=None, keepdims=False, **kwargs):
    """Global average pooling for temporal data: (batch, steps, features) -> (batch, features).

    Arguments:
        object: as for `layer_average_pooling_2d()`.
        data_format: "channels_last" (batch, steps, features) or "channels_first"
            (batch, features, steps); None means keras.json's image_data_format.
        keepdims: TRUE keeps the pooled axes with size 1.
        **kwargs: R's `...`: `name`, `input_shape`, `dtype`, `trainable`, ...

    Value: by `object`, as for `layer_average_pooling_2d()`.

    Examples:
        >>> x = random_uniform(c(2, 3, 4), seed=1)
        >>> shape(x | layer_global_average_pooling_1d())
        shape(2, 4)
    """
    return _global(GlobalAveragePooling1D, object, data_format, keepdims, kwargs)


def layer_global_average_pooling_2d(object=None, data_format=None, keepdims=False, **kwargs):
    """Global average pooling for 2D data: (batch, rows, cols, channels) -> (batch, channels).
    Arguments and value are those of `layer_global_average_pooling_1d()`.

    Examples:
        >>> x = random_uniform(c(2, 4, 5, 3), seed=1)
        >>> shape(x | layer_global_average_pooling_2d())
        shape(2, 3)
    """
    return _global(GlobalAveragePooling2D, object, data_format, keepdims, kwargs)


def layer_global_average_pooling_3d(object=None, data_format=None, keepdims=False, **kwargs):
    """Global average pooling for 3D data: (batch, d1, d2, d3, channels) -> (batch, channels).
    Arguments and value are those of `layer_global_average_pooling_1d()`.

    Examples:
        >>> x = random_uniform(c(2, 4, 5, 4, 3), seed=1)
        >>> shape(x | layer_global_average_pooling_3d())
        shape(2, 3)
    """
    return _global(GlobalAveragePooling3D, object, data_format, keepdims, kwargs)


def layer_global_max_pooling_1d(object=None, data_format=None, keepdims=False, **kwargs):
    """Global max pooling for temporal data: (batch, steps, features) -> (batch, features).
    Arguments and value are those of `layer_global_average_pooling_1d()`.

    Examples:
        >>> x = random_uniform(c(2, 3, 4), seed=1)
        >>> shape(x | layer_global_max_pooling_1d())
        shape(2, 4)
    """
    return _global(GlobalMaxPooling1D, object, data_format, keepdims, kwargs)


def layer_global_max_pooling_2d(object=None, data_format=None, keepdims=False, **kwargs):
    """Global max pooling for 2D data: (batch, rows, cols, channels) -> (batch, channels).
    Arguments and value are those of `layer_global_average_pooling_1d()`.

    Examples:
        >>> x = random_uniform(c(2, 4, 5, 3), seed=1)
        >>> shape(x | layer_global_max_pooling_2d())
        shape(2, 3)
    """
    return _global(GlobalMaxPooling2D, object, data_format, keepdims, kwargs)


def layer_global_max_pooling_3d(object=None, data_format=None, keepdims=False, **kwargs):
    """Global max pooling for 3D data: (batch, d1, d2, d3, channels) -> (batch, channels).
    Arguments and value are those of `layer_global_average_pooling_1d()`.

    Examples:
        >>> x = random_uniform(c(2, 4, 5, 4, 3), seed=1)
        >>> shape(x | layer_global_max_pooling_3d())
        shape(2, 3)
    """
    return _global(GlobalMaxPooling3D, object, data_format, keepdims, kwargs)
