"""`to_categorical()` and `array_reshape()` (issue 9, item 4).

* `to_categorical()` equals `keras.utils.to_categorical()` (values, shape and dtype) on
  R-style labels: vectors, whole floats, bools, a last axis of size 1, several axes, a
  scalar, `num_classes` given (as a whole float too) or inferred; labels are 0-based and
  not shifted (R keras3 passes them to Keras as they are); a Keras tensor goes to Keras.
* `array_reshape()` equals NumPy's reshape in C order (reticulate's default) and in F
  order; `dim` as c(), tuple, list, one number, whole floats, -1 and None/NA.
* Both work without Keras installed (in a fresh interpreter where Keras cannot be
  imported), and their errors name the argument, what was received and what is accepted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import rstyle_keras as rk
from rstyle_keras import c
from rstyle_keras.r.arrays import array_reshape, match_arg, to_categorical

os.environ.setdefault("KERAS_BACKEND", "jax")  # as the other Keras tests: JAX on the CPU
os.environ.setdefault("JAX_PLATFORMS", "cpu")

ROOT = Path(__file__).resolve().parents[1]
KERAS_SKIP_REASON = "comparing with Keras needs keras>=3 and jax; install the `test` extra"

# (x, num_classes) in R's spellings, and the same in Keras's.
CATEGORICAL_CASES = [
    (c(0, 1, 2, 3), 4),
    (c(0.0, 2.0, 1.0), None),  # R doubles
    ([3, 1, 0], 5.0),  # num_classes as an R double
    (np.array([[1], [0], [2]]), None),  # (n, 1): the last axis dropped, as Keras does
    (np.array([[0, 1], [2, 1]], dtype="uint8"), 3),  # several axes
    (np.array([True, False, True]), None),  # bools are 0/1
    (2, 4),  # one label
    (range(5), None),
    (np.array([0, 3], dtype="int32"), c(6)),  # c(6) is 6
    (np.array([], dtype="int64"), 3),  # empty, num_classes given
]


def _keras_args(x, num_classes):
    """The same arguments as Python ints, for Keras."""
    if isinstance(num_classes, (tuple, float)):
        num_classes = int(np.asarray(num_classes).reshape(-1)[0])
    array = np.asarray(x)
    return (array.astype("int64") if array.dtype.kind == "f" else array), num_classes


# -- to_categorical --------------------------------------------------------------------------
@pytest.mark.parametrize("x, num_classes", CATEGORICAL_CASES)
def test_to_categorical_equals_keras(x, num_classes):
    keras = pytest.importorskip("keras", reason=KERAS_SKIP_REASON)
    got = to_categorical(x, num_classes)
    want = keras.utils.to_categorical(*_keras_args(x, num_classes))
    assert isinstance(got, np.ndarray)
    assert got.dtype == want.dtype == np.float64
    assert got.shape == want.shape
    np.testing.assert_array_equal(got, want)


def test_to_categorical_by_hand():
    got = to_categorical(c(0, 2, 1), num_classes=4.0)
    np.testing.assert_array_equal(got, np.eye(4)[[0, 2, 1]])
    assert to_categorical(np.zeros((2, 3, 1)), 2).shape == (2, 3, 2)
    assert to_categorical(np.zeros((2, 1, 3)), 2).shape == (2, 1, 3, 2)  # only the last axis
    assert to_categorical(0, 3).tolist() == [1.0, 0.0, 0.0]


def test_to_categorical_does_not_shift_labels_and_says_so():
    # R keras3 hands labels to Keras as they are: 0-based. R's 1..K with K classes is an
    # error here (Keras itself would index out of range), with the fix in the message.
    with pytest.raises(ValueError) as e:
        to_categorical(c(1, 2, 3), num_classes=3)
    message = str(e.value)
    assert "`x`" in message and "0 to num_classes - 1 = 2" in message
    assert "received the label 3" in message and "x - 1" in message
    np.testing.assert_array_equal(to_categorical(np.array([1, 2, 3]) - 1, 3), np.eye(3))


def test_to_categorical_refuses_negative_labels():
    # Keras would wrap -1 around to the last class silently
    with pytest.raises(ValueError, match=r"received the label -1"):
        to_categorical(c(0, -1), 3)


@pytest.mark.parametrize("x, kind, shown", [
    (c(0, 1.5), TypeError, "1.5"),
    ([0, float("nan")], TypeError, "nan"),
    (["a", "b"], TypeError, "<U1"),
    ([[0, 1], [2]], TypeError, "list"),  # ragged
    (None, TypeError, "None"),
])
def test_to_categorical_x_errors(x, kind, shown):
    with pytest.raises(kind) as e:
        to_categorical(x, 3)
    message = str(e.value)
    assert message.startswith("`x` must be class labels")
    assert "received x=" in message and shown in message and "whole" in message


@pytest.mark.parametrize("num_classes, kind", [
    (2.5, ValueError), (0, ValueError), (-3, ValueError), ("10", TypeError),
    (True, TypeError), (c(2, 3), TypeError),
])
def test_to_categorical_num_classes_errors(num_classes, kind):
    with pytest.raises(kind) as e:
        to_categorical(c(0, 1), num_classes)
    message = str(e.value)
    assert message.startswith("`num_classes` must be a positive whole number")
    assert f"received num_classes={num_classes!r}" in message and "None" in message


def test_to_categorical_empty_x_needs_num_classes():
    with pytest.raises(ValueError, match=r"`num_classes` cannot be inferred from an empty `x`"):
        to_categorical([])


def test_to_categorical_of_a_keras_tensor_is_kerass():
    keras = pytest.importorskip("keras", reason=KERAS_SKIP_REASON)
    x = keras.ops.convert_to_tensor(np.array([0, 2, 1]))
    got = to_categorical(x, 3.0)
    want = keras.utils.to_categorical(x, 3)
    assert type(got) is type(want) and got.dtype == want.dtype
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(got),
                                  keras.ops.convert_to_numpy(want))


def test_to_categorical_of_a_core_tensor():
    x = rk.op_array(c(0, 1, 1), "int32")
    np.testing.assert_array_equal(to_categorical(x), np.eye(2)[[0, 1, 1]])


# -- array_reshape ---------------------------------------------------------------------------
@pytest.mark.parametrize("dim, shape", [
    (c(2, 3), (2, 3)), ((3, 2), (3, 2)), ([6, 1], (6, 1)), (6, (6,)), (6.0, (6,)),
    (c(2.0, 3.0), (2, 3)), (c(-1, 2), (-1, 2)), (c(None, 2), (-1, 2)),
    (c(3, float("nan")), (3, -1)), (np.array([1, 2, 3]), (1, 2, 3)), (range(2, 4), (2, 3)),
    (c(1, 2, 3, 1), (1, 2, 3, 1)),
])
@pytest.mark.parametrize("order", ["C", "F"])
def test_array_reshape_equals_numpy(dim, shape, order):
    x = np.arange(1, 7).reshape(2, 3)
    got = array_reshape(x, dim, order=order)
    np.testing.assert_array_equal(got, np.reshape(x, shape, order=order))


def test_array_reshape_is_row_major_by_default_as_reticulate():
    # reticulate's own example: array_reshape(1:4, c(2, 2)) fills by rows, `dim<-` by columns
    assert array_reshape(range(1, 5), c(2, 2)).tolist() == [[1, 2], [3, 4]]
    assert array_reshape(range(1, 5), c(2, 2), order="F").tolist() == [[1, 3], [2, 4]]
    assert array_reshape(range(1, 5), c(2, 2), order=("C", "F")).tolist() == [[1, 2], [3, 4]]
    # an MNIST-like batch flattened and back: the same images
    images = np.arange(2 * 28 * 28).reshape(2, 28, 28)
    flat = array_reshape(images, c(2, 784))
    np.testing.assert_array_equal(flat, images.reshape(2, 784))
    np.testing.assert_array_equal(array_reshape(flat, c(2, 28, 28)), images)


def test_array_reshape_of_lists_and_tensors():
    assert array_reshape([[1, 2], [3, 4]], 4).tolist() == [1, 2, 3, 4]
    x = rk.op_array(range(6), "float32")
    got = array_reshape(x, c(3, 2))
    assert isinstance(got, np.ndarray) and got.dtype == np.float32 and got.shape == (3, 2)


@pytest.mark.parametrize("dim, kind, start", [
    (c(4, 2), ValueError, "`dim` must have as many cells as `x` (6); received dim=(4, 2)"),
    (c(-1, -1), ValueError, "`dim` cannot reshape `x` (6 cells) to (-1, -1)"),
    (c(4, -1), ValueError, "`dim` cannot reshape `x` (6 cells) to (4, -1)"),
    (c(2.5, 2), TypeError, "`dim` must be a shape: whole numbers"),
    ("2, 3", TypeError, "`dim` must be a shape: whole numbers"),
    ([2, "3"], TypeError, "`dim` must be a shape: whole numbers"),
])
def test_array_reshape_dim_errors(dim, kind, start):
    with pytest.raises(kind) as e:
        array_reshape(np.arange(6), dim)
    assert str(e.value).startswith(start), str(e.value)
    assert "dim" in str(e.value)


@pytest.mark.parametrize("order", ["K", "c", "", 1, None])
def test_array_reshape_order_errors(order):
    with pytest.raises(ValueError) as e:
        array_reshape(np.arange(6), c(2, 3), order=order)
    assert str(e.value) == f"`order` must be one of 'C', 'F'; received order={order!r}."


def test_match_arg_is_rs():
    choices = ("fine", "coarse")
    assert match_arg(choices, choices, "label_mode") == "fine"  # the default vector: the first
    assert match_arg(list(choices), choices, "label_mode") == "fine"
    assert match_arg("coarse", choices, "label_mode") == "coarse"
    assert match_arg("co", choices, "label_mode") == "coarse"  # R's partial matching
    with pytest.raises(ValueError, match="received label_mode='x'"):
        match_arg("x", choices, "label_mode")


# -- without Keras ---------------------------------------------------------------------------
def test_both_work_without_keras():
    # Python's own way to say a module cannot be imported (as test_engines_and_pipes.py):
    # importlib.util.find_spec() answers None and `import keras` raises ImportError.
    script = """
        import json, sys
        sys.modules["keras"] = None
        from rstyle_keras import c, config_engine
        from rstyle_keras.r.arrays import array_reshape, to_categorical
        got = {
            "categorical": to_categorical(c(0, 2, 1.0), 3.0).tolist(),
            "reshape": array_reshape(range(1, 7), c(2, 3)).tolist(),
            "reshape_f": array_reshape(range(1, 7), c(2, 3), order="F").tolist(),
            "engine": config_engine(),
            "loaded": sorted(m for m in ("keras", "jax", "torch", "tensorflow")
                             if sys.modules.get(m) is not None),
        }
        print(json.dumps(got))
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("RSTYLE_KERAS_ENGINE", None)
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["categorical"] == np.eye(3)[[0, 2, 1]].tolist()
    assert got["reshape"] == [[1, 2, 3], [4, 5, 6]]
    assert got["reshape_f"] == [[1, 3, 5], [2, 4, 6]]
    assert got["engine"] == "numpy" and got["loaded"] == []
