"""The first-argument rule (R keras3's create_layer/compose_layer) and the `|` pipe."""

import numpy as np
import pytest

from rstyle_keras import (
    AveragePooling2D,
    KerasTensor,
    Sequential,
    Tensor,
    c,
    compose_layer,
    keras_input,
    keras_model_sequential,
    layer_average_pooling_2d,
    layer_max_pooling_2d,
    op_array,
    op_reshape,
)
from rstyle_keras.core.layers import Layer  # the core's base class (rstyle_keras.Layer is R's)


def image(n=4):
    return op_reshape(op_array(range(1, n * n + 1), "float32"), c(1, n, n, 1))


def test_missing_object_gives_a_layer():
    layer = layer_average_pooling_2d(pool_size=c(2, 2))
    assert isinstance(layer, AveragePooling2D)
    assert layer.pool_size == (2, 2) and layer.strides == (2, 2)
    assert repr(layer) == "<AveragePooling2D name=average_pooling2d, built=True>"


def test_explicit_none_object_gives_a_layer():
    assert isinstance(layer_average_pooling_2d(None, pool_size=2), Layer)


def test_sequential_object_gets_the_layer_added_in_place_and_returned():
    model = keras_model_sequential(input_shape=c(4, 4, 1))
    returned = layer_average_pooling_2d(model, pool_size=2)
    assert returned is model
    assert [type(layer).__name__ for layer in model.layers] == ["AveragePooling2D"]
    assert model.output_shape == (None, 2, 2, 1)


def test_keras_tensor_object_gives_the_symbolic_output():
    inputs = keras_input(shape=c(10, 10, 3))
    out = layer_average_pooling_2d(inputs, pool_size=c(2, 2))
    assert isinstance(out, KerasTensor)
    assert out.shape == (None, 5, 5, 3) and out.dtype == "float32"
    assert out.history[0].name == "average_pooling2d"
    assert out.history[1] == (inputs,)


@pytest.mark.parametrize("kind", ["Tensor", "ndarray", "nested list"])
def test_data_object_gives_the_computed_tensor(kind):
    data = {"Tensor": image(), "ndarray": np.asarray(image()),
            "nested list": np.asarray(image()).tolist()}[kind]
    out = layer_average_pooling_2d(data, pool_size=2)
    assert isinstance(out, Tensor)
    np.testing.assert_array_equal(out.numpy()[0, :, :, 0], [[3.5, 5.5], [11.5, 13.5]])


@pytest.mark.parametrize("kind", ["Tensor", "ndarray", "nested list"])
def test_pipe_from_data(kind):
    data = {"Tensor": image(), "ndarray": np.asarray(image()),
            "nested list": np.asarray(image()).tolist()}[kind]
    out = data | layer_average_pooling_2d(pool_size=2)
    assert isinstance(out, Tensor)  # NumPy defers to the layer: no element-wise `|`
    assert out.shape == (1, 2, 2, 1)
    np.testing.assert_array_equal(out.numpy()[0, :, :, 0], [[3.5, 5.5], [11.5, 13.5]])


def test_pipe_from_keras_tensor():
    out = keras_input(shape=c(8, 8, 2)) | layer_average_pooling_2d(pool_size=2)
    assert isinstance(out, KerasTensor) and out.shape == (None, 4, 4, 2)


def test_pipe_from_sequential_chains_and_returns_the_model():
    model = keras_model_sequential(input_shape=c(8, 8, 1))
    same = model | layer_average_pooling_2d(pool_size=2) | layer_max_pooling_2d()
    assert same is model
    assert [layer.name for layer in model.layers] == ["average_pooling2d", "max_pooling2d"]
    assert model.output_shape == (None, 2, 2, 1)


def test_chained_pipe_names_layers_in_reading_order():
    x = np.ones((1, 16, 16, 1), dtype="float32")
    out = (
        keras_input(shape=c(16, 16, 1))
        | layer_average_pooling_2d(pool_size=2)
        | layer_average_pooling_2d(pool_size=2)
        | layer_average_pooling_2d(pool_size=2)
    )
    names = []
    node = out
    while node.history[1]:
        names.append(node.history[0].name)
        node = node.history[1][0]
    assert names[::-1] == ["average_pooling2d", "average_pooling2d_1", "average_pooling2d_2"]
    # the same holds for nested calls: the inner (first-read) layer is created first
    inner_first = layer_average_pooling_2d(layer_average_pooling_2d(x, pool_size=2), pool_size=2)
    assert inner_first.shape == (1, 4, 4, 1)


def test_number_as_object_is_a_type_error_that_hints_at_pool_size():
    with pytest.raises(TypeError, match=r"`object`.*pool_size=2"):
        layer_average_pooling_2d(2)


@pytest.mark.parametrize("bad", ["x", {"a": 1}, 3.5, object()])
def test_other_objects_are_type_errors_naming_object(bad):
    with pytest.raises(TypeError, match="`object`"):
        layer_average_pooling_2d(bad, pool_size=2)


def test_refused_object_does_not_use_up_a_layer_name():
    with pytest.raises(TypeError):
        layer_average_pooling_2d("x", pool_size=2)
    assert layer_average_pooling_2d(pool_size=2).name == "average_pooling2d"


def test_missing_pool_size_names_the_argument():
    with pytest.raises(TypeError, match="`pool_size` is missing"):
        layer_average_pooling_2d()


def test_a_new_object_type_is_one_registration():
    class Recorder:
        def __init__(self):
            self.seen = []

    @compose_layer.register(Recorder, Layer)
    def _(recorder, layer):
        recorder.seen.append(layer.name)
        return recorder

    rec = Recorder()
    assert (rec | layer_average_pooling_2d(pool_size=2)) is rec
    assert layer_max_pooling_2d(rec) is rec
    assert rec.seen == ["average_pooling2d", "max_pooling2d"]


def test_layer_pipe_into_layer_is_refused_clearly():
    with pytest.raises(TypeError, match="`object`"):
        layer_average_pooling_2d(pool_size=2) | layer_max_pooling_2d()


def test_sequential_type_is_what_keras_model_sequential_returns():
    assert isinstance(keras_model_sequential(), Sequential)


def test_refused_arguments_do_not_use_up_a_layer_name():
    for bad in ({"pool_size": 0}, {"pool_size": 2, "dtype": "int8"}, {"pool_size": 2, "x": 1}):
        with pytest.raises((TypeError, ValueError)):
            layer_average_pooling_2d(**bad)
    assert layer_average_pooling_2d(pool_size=2).name == "average_pooling2d"
