"""Each argument rule of layer_average_pooling_2d (pool_size, strides, padding,
data_format, name, ...), checked on results rather than on stored values alone."""

import numpy as np
import pytest

from rstyle_keras import (
    AveragePooling2D,
    c,
    keras_input,
    keras_model_sequential,
    layer_average_pooling_2d,
    op_array,
    op_reshape,
)


def grid(rows, cols, dtype="float32"):
    return op_reshape(op_array(range(1, rows * cols + 1), dtype), c(1, rows, cols, 1))


@pytest.mark.parametrize(
    "pool_size", [2, 2.0, (2, 2), [2, 2], c(2, 2), np.int64(2), np.array([2, 2])]
)
def test_pool_size_forms_are_equivalent(pool_size):
    layer = layer_average_pooling_2d(pool_size=pool_size)
    assert layer.pool_size == (2, 2)
    np.testing.assert_array_equal(layer(grid(4, 4)).numpy().ravel(), [3.5, 5.5, 11.5, 13.5])


def test_rectangular_pool_and_strides():
    out = grid(3, 4) | layer_average_pooling_2d(pool_size=c(1, 2), strides=c(2, 1))
    assert out.shape == (1, 2, 3, 1)
    np.testing.assert_array_equal(out.numpy().ravel(), [1.5, 2.5, 3.5, 9.5, 10.5, 11.5])


def test_strides_none_defaults_to_pool_size():
    layer = layer_average_pooling_2d(pool_size=c(3, 1))
    assert layer.strides == (3, 1)


def test_strides_larger_than_pool_skip_cells():
    out = grid(5, 5) | layer_average_pooling_2d(pool_size=1, strides=3)
    np.testing.assert_array_equal(out.numpy().ravel(), [1, 4, 16, 19])


@pytest.mark.parametrize("padding", ["valid", "VALID", "Valid"])
def test_valid_padding_any_case(padding):
    out = grid(5, 5) | layer_average_pooling_2d(pool_size=2, strides=2, padding=padding)
    assert out.shape == (1, 2, 2, 1)  # floor((5 - 2) / 2) + 1


@pytest.mark.parametrize("padding", ["same", "SAME", "Same"])
def test_same_padding_any_case_averages_real_cells_and_pads_at_the_end(padding):
    out = grid(1, 5) | layer_average_pooling_2d(pool_size=2, strides=2, padding=padding)
    assert out.shape == (1, 1, 3, 1)  # floor((5 - 1) / 2) + 1
    # windows [1, 2], [3, 4], [5, pad]: the pad is at the end and is not counted
    np.testing.assert_array_equal(out.numpy().ravel(), [1.5, 3.5, 5.0])


def test_same_padding_odd_total_puts_extra_cell_at_the_end():
    # n=4, k=3, s=1: total pad 2 -> 1 before, 1 after; n=4, k=4, s=1: 3 -> 1 before, 2 after
    out = op_array([[[[1.0], [2.0], [3.0], [4.0]]]]) | layer_average_pooling_2d(
        pool_size=c(1, 4), strides=1, padding="same"
    )
    np.testing.assert_allclose(out.numpy().ravel(), [2.0, 2.5, 3.0, 3.5])


@pytest.mark.parametrize("rows, cols, k, s", [(7, 5, 3, 2), (6, 6, 2, 3), (1, 9, 1, 4)])
def test_output_shapes_follow_the_spec_formulas(rows, cols, k, s):
    x = grid(rows, cols)
    valid = x | layer_average_pooling_2d(pool_size=k, strides=s, padding="valid")
    same = x | layer_average_pooling_2d(pool_size=k, strides=s, padding="same")
    assert valid.shape[1:3] == ((rows - k) // s + 1, (cols - k) // s + 1)
    assert same.shape[1:3] == ((rows - 1) // s + 1, (cols - 1) // s + 1)


def test_channels_first_pools_the_last_two_axes():
    x = np.arange(2 * 3 * 4 * 4, dtype="float32").reshape(2, 3, 4, 4)
    last = np.moveaxis(x, 1, -1) | layer_average_pooling_2d(pool_size=2)
    first = x | layer_average_pooling_2d(pool_size=2, data_format="channels_first")
    assert first.shape == (2, 3, 2, 2)
    np.testing.assert_array_equal(np.moveaxis(first.numpy(), 1, -1), last.numpy())


def test_data_format_default_is_channels_last():
    assert layer_average_pooling_2d(pool_size=2).data_format == "channels_last"


def test_name_is_used_and_auto_names_count_up():
    assert layer_average_pooling_2d(pool_size=2, name="pool").name == "pool"
    names = [layer_average_pooling_2d(pool_size=2).name for _ in range(3)]
    assert names == ["average_pooling2d", "average_pooling2d_1", "average_pooling2d_2"]


@pytest.mark.parametrize(
    "dtype_in, layer_dtype, dtype_out",
    [("float64", None, "float32"), ("float16", None, "float32"), ("int64", None, "float32"),
     ("int32", None, "float32"), ("float32", "float16", "float16"),
     ("float32", "float64", "float64"), ("float64", "mixed_float16", "float16")],
)
def test_output_dtype_is_the_layer_dtype(dtype_in, layer_dtype, dtype_out):
    x = np.arange(16).reshape(1, 4, 4, 1).astype(dtype_in)
    out = x | layer_average_pooling_2d(pool_size=2, dtype=layer_dtype)
    assert out.dtype == dtype_out
    np.testing.assert_allclose(out.numpy().ravel(), [2.5, 4.5, 10.5, 12.5])
    symbolic = keras_input(shape=c(4, 4, 1), dtype=dtype_in) | layer_average_pooling_2d(
        pool_size=2, dtype=layer_dtype
    )
    assert symbolic.dtype == dtype_out


def test_kwargs_trainable_and_dtype_reach_the_config():
    layer = layer_average_pooling_2d(pool_size=2, trainable=False, dtype="float64")
    config = layer.get_config()
    assert config["trainable"] is False
    assert config["dtype"]["config"]["name"] == "float64"


def test_kwargs_input_shape_and_batch_size_set_the_sequential_input():
    model = keras_model_sequential() | layer_average_pooling_2d(
        pool_size=2, input_shape=c(6, 6, 2), batch_size=4
    )
    assert model.input_shape == (4, 6, 6, 2)
    assert model.output_shape == (4, 3, 3, 2)


def test_unknown_keyword_is_a_type_error_naming_it():
    with pytest.raises(TypeError, match="`pool_sise`"):
        layer_average_pooling_2d(pool_size=2, pool_sise=3)


def test_get_config_has_keras_keys_and_round_trips():
    layer = layer_average_pooling_2d(pool_size=c(2, 3), strides=1, padding="SAME", name="p")
    config = layer.get_config()
    assert set(config) == {"name", "trainable", "dtype", "pool_size", "padding", "strides",
                           "data_format"}
    assert config["pool_size"] == [2, 3] and config["strides"] == [1, 1]
    assert config["padding"] == "same"
    clone = AveragePooling2D.from_config(config)
    assert clone.get_config() == config
    x = grid(4, 5)
    np.testing.assert_array_equal(clone(x).numpy(), layer(x).numpy())


def test_compute_output_shape_keeps_unknown_sizes():
    layer = layer_average_pooling_2d(pool_size=2)
    assert layer.compute_output_shape((None, None, 9, 3)) == (None, None, 4, 3)


def test_python_float_as_dtype_means_floatx_as_in_keras():
    assert (grid(2, 2, "float64") | layer_average_pooling_2d(pool_size=2, dtype=float)).dtype == (
        "float32"
    )


def test_nested_lists_take_keras_default_dtypes():
    from rstyle_keras import layer_max_pooling_2d

    assert ([[[[1], [2]], [[3], [4]]]] | layer_max_pooling_2d()).dtype == "int32"
    assert ([[[[1.5], [2]], [[3], [4]]]] | layer_max_pooling_2d()).dtype == "float32"
