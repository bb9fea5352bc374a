"""Eager Tensors, symbolic KerasTensors, and the R helper functions."""

import numpy as np
import pytest

from rstyle_keras import (
    KerasTensor,
    Tensor,
    c,
    clear_session,
    keras_input,
    layer_input,
    op_array,
    op_convert_to_numpy,
    op_reshape,
    op_shape,
    random_uniform,
    shape,
)


def test_tensor_prints_like_an_eager_tf_tensor():
    t = op_reshape(op_array(c(3, 4, 6, 7), "float32"), c(1, 2, 2, 1))
    assert repr(t) == (
        "Tensor(\n[[[[3.]\n   [4.]]\n\n  [[6.]\n   [7.]]]], shape=(1, 2, 2, 1), dtype=float32)"
    )
    assert str(t) == repr(t)
    assert repr(op_array([1.5, 2])) == "Tensor([1.5 2. ], shape=(2,), dtype=float32)"
    assert repr(op_array(3)) == "Tensor(3, shape=(), dtype=int32)"


def test_np_asarray_does_not_copy():
    t = op_array([[1.0, 2.0]])
    assert np.asarray(t) is t.numpy()
    assert np.shares_memory(np.asarray(t), t.numpy())
    assert np.asarray(t, dtype="float64").dtype == np.float64


def test_shape_and_dtype():
    t = op_array(np.zeros((2, 3), dtype="float16"))
    assert t.shape == (2, 3) and isinstance(t.shape, tuple)
    assert t.dtype == "float16" and t.dtype == np.float16


def test_arithmetic_gives_tensors():
    t = op_array([1.0, 2.0])
    out = t * 2 + 1
    assert isinstance(out, Tensor)
    np.testing.assert_array_equal(out.numpy(), [3.0, 5.0])


def test_op_array_defaults_follow_keras():
    assert op_array(1.5).dtype == "float32"
    assert op_array([1, 2]).dtype == "int32"
    assert op_array([True]).dtype == "bool"
    assert op_array(np.arange(3, dtype="int64")).dtype == "int64"  # arrays keep their dtype
    assert op_array(range(1, 4), "float32").numpy().tolist() == [1.0, 2.0, 3.0]


def test_op_array_copies_its_input():
    values = np.array([1.0, 2.0], dtype="float32")
    t = op_array(values)
    values[0] = 99
    assert t.numpy()[0] == 1.0


def test_op_array_errors():
    with pytest.raises(TypeError, match="`x`"):
        op_array(["a"])
    with pytest.raises(TypeError, match="`dtype`"):
        op_array([1.0], dtype="no_such_type")


def test_op_reshape_is_row_major():
    t = op_reshape(op_array(range(1, 7), "float32"), c(2, 3))
    assert t.numpy().tolist() == [[1, 2, 3], [4, 5, 6]]
    with pytest.raises(ValueError, match="`newshape`"):
        op_reshape(t, c(4, 2))


def test_keras_input_repr_and_names():
    clear_session()
    a = keras_input(shape=c(10, 10, 3))
    b = layer_input(shape=c(5,), dtype="int32", name="ids")
    assert repr(a) == ("<KerasTensor shape=(None, 10, 10, 3), dtype=float32, sparse=False, "
                       "ragged=False, name=keras_tensor>")
    assert b.name == "keras_tensor_1" and b.dtype == "int32" and b.shape == (None, 5)
    assert b.history[0].name == "ids"
    assert keras_input(shape=c(4,), batch_size=8).shape == (8, 4)
    assert keras_input(batch_shape=c(None, None, 3)).shape == (None, None, 3)


def test_keras_tensor_has_no_truth_value():
    with pytest.raises(TypeError):
        bool(keras_input(shape=c(2,)))
    assert isinstance(keras_input(shape=c(2,)), KerasTensor)


def test_shape_helpers():
    x = keras_input(shape=c(10, 10, 3))
    assert shape(x) == (None, 10, 10, 3) and repr(shape(x)) == "shape(None, 10, 10, 3)"
    assert op_shape(np.ones((2, 3))) == (2, 3)
    assert shape(None, 4) == (None, 4)
    assert shape(c(2, 3)) == (2, 3)


def test_c_flattens_like_r():
    assert c(1, c(2, 3), [4]) == (1, 2, 3, 4)


def test_random_uniform_is_reproducible_with_a_seed_and_in_range():
    a, b = random_uniform(c(3, 4), seed=7), random_uniform(c(3, 4), seed=7)
    np.testing.assert_array_equal(a.numpy(), b.numpy())
    assert a.dtype == "float32"
    values = random_uniform(c(1000,), minval=-2, maxval=3, seed=1).numpy()
    assert values.min() >= -2 and values.max() < 3
    assert not np.array_equal(random_uniform(c(5,), seed=1).numpy(),
                              random_uniform(c(5,), seed=2).numpy())


def test_op_convert_to_numpy():
    t = op_array([1.0])
    assert op_convert_to_numpy(t) is t.numpy()
    with pytest.raises(TypeError, match="`x`"):
        op_convert_to_numpy(keras_input(shape=c(2,)))


def test_op_reshape_of_python_data_uses_keras_defaults():
    assert op_reshape(c(1.0, 2.0, 3.0), c(1, 3, 1)).dtype == "float32"
    assert op_reshape([1, 2, 3], c(3,)).dtype == "int32"
    assert op_reshape(np.arange(3), c(3,)).dtype == np.arange(3).dtype
