"""Comparisons the table-driven tests share."""

import math

import numpy as np


def strictly_equal(a, b) -> bool:
    """Equal, and of the same types all the way down (2.0 is not 2, a list not a tuple)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return type(a) is type(b) and a.dtype == b.dtype and np.array_equal(a, b)
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(strictly_equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(strictly_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def config(obj, keep_name: bool = False) -> dict:
    """A Keras object's config, without its automatic name (two objects' differ: auc,
    auc_1) unless asked."""
    cfg = obj.get_config()
    if not keep_name:
        cfg.pop("name", None)
    return cfg


def numpy(x):
    """A tensor of any backend (or array) as a NumPy array."""
    import keras

    return keras.ops.convert_to_numpy(x)


def same_tensor(ours, theirs):
    """Same shape, dtype and values (1e-6)."""
    a, b = numpy(ours), numpy(theirs)
    assert a.shape == b.shape, (a.shape, b.shape)
    assert a.dtype == b.dtype, (a.dtype, b.dtype)
    np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-6)
