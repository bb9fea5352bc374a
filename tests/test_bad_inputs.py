"""Bad input gets a ValueError/TypeError naming the argument, on the eager and on the
symbolic path alike, never a silent wrong shape."""

import numpy as np
import pytest

from rstyle_keras import (
    c,
    keras_input,
    keras_model_sequential,
    layer_average_pooling_2d,
    layer_global_average_pooling_2d,
    op_average_pool,
)

IMAGE = np.ones((1, 3, 3, 1), dtype="float32")


def both_paths(layer_args, data=IMAGE):
    """Call the layer eagerly on `data` and symbolically on an input of its shape."""
    yield lambda: data | layer_average_pooling_2d(**layer_args)
    yield lambda: keras_input(shape=data.shape[1:]) | layer_average_pooling_2d(**layer_args)


@pytest.mark.parametrize(
    "args, error, argument",
    [
        ({"pool_size": 0}, ValueError, "pool_size"),
        ({"pool_size": -2}, ValueError, "pool_size"),
        ({"pool_size": c(2, 0)}, ValueError, "pool_size"),
        ({"pool_size": 2, "strides": 0}, ValueError, "strides"),
        ({"pool_size": 2, "strides": c(-1, 1)}, ValueError, "strides"),
        ({"pool_size": 2.5}, TypeError, "pool_size"),
        ({"pool_size": "2"}, TypeError, "pool_size"),
        ({"pool_size": True}, TypeError, "pool_size"),
        ({"pool_size": 2, "strides": 1.5}, TypeError, "strides"),
        ({"pool_size": c(2, 2, 2)}, ValueError, "pool_size"),
        ({"pool_size": [2]}, ValueError, "pool_size"),
        ({"pool_size": 2, "strides": c(1, 1, 1)}, ValueError, "strides"),
        ({"pool_size": 2, "padding": "full"}, ValueError, "padding"),
        ({"pool_size": 2, "padding": None}, ValueError, "padding"),
        ({"pool_size": 2, "data_format": "channels_middle"}, ValueError, "data_format"),
        ({"pool_size": 2, "data_format": 1}, ValueError, "data_format"),
        ({"pool_size": 2, "dtype": "int8"}, ValueError, "dtype"),
        ({"pool_size": 2, "name": 3}, TypeError, "name"),
    ],
)
def test_bad_arguments_name_the_argument_and_what_was_received(args, error, argument):
    with pytest.raises(error, match=f"`{argument}`") as info:
        layer_average_pooling_2d(**args)
    assert "received" in str(info.value)


@pytest.mark.parametrize("path", [0, 1])
def test_window_bigger_than_input_under_valid(path):
    call = list(both_paths({"pool_size": 4}))[path]
    with pytest.raises(ValueError, match="`pool_size`.*larger than the input.*valid"):
        call()


def test_window_bigger_than_input_is_fine_under_same():
    out = IMAGE | layer_average_pooling_2d(pool_size=4, padding="same")
    assert out.shape == (1, 1, 1, 1) and float(out.numpy().ravel()[0]) == 1.0


def test_window_bigger_than_input_in_a_sequential_add_is_refused_and_not_added():
    model = keras_model_sequential(input_shape=c(3, 3, 1))
    with pytest.raises(ValueError, match="`pool_size`"):
        model | layer_average_pooling_2d(pool_size=4)
    assert model.layers == []


@pytest.mark.parametrize("shape", [(3, 3), (3, 3, 1), (1, 1, 3, 3, 1), (1,)])
def test_wrong_rank_eager(shape):
    with pytest.raises(ValueError, match=r"`inputs` must be a 4D tensor.*received shape"):
        np.ones(shape) | layer_average_pooling_2d(pool_size=1)


@pytest.mark.parametrize("shape", [(3,), (3, 3), (2, 3, 3, 1)])
def test_wrong_rank_symbolic(shape):
    with pytest.raises(ValueError, match=r"`inputs` must be a 4D tensor"):
        keras_input(shape=shape) | layer_average_pooling_2d(pool_size=1)


@pytest.mark.parametrize(
    "data",
    [np.array([[[["a"]]]]), [[[["a", "b"]]]], np.array([[[[1 + 2j]]]]), [[[[None]]]],
     np.ones((1, 2, 2, 1), dtype=bool)],
)
def test_non_numeric_input(data):
    with pytest.raises(TypeError, match="`inputs` must hold"):
        data | layer_average_pooling_2d(pool_size=1)


def test_ragged_nested_list():
    with pytest.raises(TypeError, match="`inputs`"):
        [[[[1.0]], [[1.0], [2.0]]]] | layer_average_pooling_2d(pool_size=1)


def test_non_numeric_symbolic_input():
    with pytest.raises(ValueError, match="`dtype`"):
        keras_input(shape=c(3, 3, 1), dtype="str")


def test_empty_spatial_dimension():
    with pytest.raises(ValueError, match="`inputs` has an empty spatial dimension"):
        np.ones((1, 0, 3, 1)) | layer_average_pooling_2d(pool_size=1, padding="same")


def test_op_errors_name_the_argument_too():
    with pytest.raises(ValueError, match="`pool_size`"):
        op_average_pool(IMAGE, pool_size=4)
    with pytest.raises(ValueError, match="`inputs`"):
        op_average_pool(np.ones((3, 3)), pool_size=2)
    with pytest.raises(ValueError, match="`padding`"):
        op_average_pool(IMAGE, pool_size=2, padding="middle")


def test_keras_input_shape_errors():
    with pytest.raises(TypeError, match="`shape`"):
        keras_input(shape="10")
    with pytest.raises(ValueError, match="`shape`"):
        keras_input(shape=c(-1, 3))
    with pytest.raises(TypeError, match="`shape` is required"):
        keras_input()


def test_input_is_never_modified():
    x = np.arange(25, dtype="float32").reshape(1, 5, 5, 1)
    before = x.copy()
    x.setflags(write=False)  # a write would raise, and the values must stay equal
    for padding in ("valid", "same"):
        x | layer_average_pooling_2d(pool_size=2, strides=1, padding=padding)
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("dtype", ["double", "float", "f4", "int8", "bfloat16"])
def test_layer_dtype_takes_policy_names_only(dtype):
    with pytest.raises(ValueError, match="`dtype`"):
        layer_average_pooling_2d(pool_size=2, dtype=dtype)


def test_global_pooling_of_an_empty_axis_names_inputs():
    from rstyle_keras import layer_global_average_pooling_2d, layer_global_max_pooling_2d

    for layer_function in (layer_global_average_pooling_2d, layer_global_max_pooling_2d):
        with pytest.raises(ValueError, match="`inputs` has an empty spatial dimension"):
            np.ones((1, 0, 3, 1)) | layer_function()


@pytest.mark.parametrize("strides", [1, 2, 10**30])
def test_huge_windows_under_same_cover_the_whole_input(strides):
    x = np.arange(12, dtype="float32").reshape(1, 3, 4, 1)
    out = x | layer_average_pooling_2d(pool_size=10**30, strides=strides, padding="same")
    expected_shape = (1, -(-3 // strides), -(-4 // strides), 1)
    assert out.shape == expected_shape
    np.testing.assert_allclose(out.numpy(), np.full(expected_shape, x.mean()), rtol=1e-6)


def test_global_average_of_bools_is_the_fraction_of_true():
    # Keras 3 takes the mean of a bool input (float32); its windowed average refuses bools.
    x = np.array([True, False, True, True]).reshape(1, 2, 2, 1)
    got = x | layer_global_average_pooling_2d()
    assert got.dtype == np.float32
    np.testing.assert_array_equal(np.asarray(got), [[0.75]])
    with pytest.raises(TypeError, match="`inputs` must hold integers or floats"):
        x | layer_average_pooling_2d(pool_size=1)
