"""The pooling functions and the spec's examples under both engines.

Under "numpy" the 12 pooling functions make the core's layers (checked against Keras by
tests/test_parity_keras.py); under "keras" they make Keras's own classes, so their results
are Keras's by construction: checked here on the same seeded random cases, through the R
functions themselves (R-style arguments in, the Keras layer's output out).
"""

import os
import warnings

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402  (the test extra installs it)

import rstyle_keras  # noqa: E402
from rstyle_keras import config_engine, config_set_engine  # noqa: E402
from rstyle_keras.spec_examples import EXAMPLES, run_example  # noqa: E402
from tests.keras_reference import LAYERS, keras_eager, parity_seed, random_case  # noqa: E402

# The numbers on R keras3's layer_average_pooling_2d page (its printed outputs).
SPEC_VALUES = [
    ([[[[3.0], [4.0]], [[6.0], [7.0]]]]),
    ([[[[3.5], [5.5]]]]),
    ([[[[3.0], [4.0], [4.5]], [[6.0], [7.0], [7.5]], [[7.5], [8.5], [9.0]]]]),
]


@pytest.fixture(params=["numpy", "keras"])
def engine(request):
    old = config_engine()
    config_set_engine(request.param)
    try:
        yield request.param
    finally:
        config_set_engine(old)


@pytest.mark.parametrize("example, values", list(zip(EXAMPLES, SPEC_VALUES)))
def test_spec_examples_under_both_engines(engine, example, values):
    output = run_example(example[2])
    want = np.array(values, dtype="float32")
    if engine == "numpy":
        assert isinstance(output, rstyle_keras.Tensor)
    else:
        assert keras.ops.is_tensor(output)  # a backend tensor from the Keras layer
    got = keras.ops.convert_to_numpy(output)
    assert got.dtype == np.float32
    assert got.shape == want.shape
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_pooling_functions_make_each_engines_class(engine, name):
    info = LAYERS[name]
    kwargs = {} if info.is_global else {"pool_size": 2.0}  # an R double
    layer = info.function(**kwargs)
    if engine == "numpy":
        assert type(layer) is info.ours
    else:
        assert type(layer) is getattr(keras.layers, name)
        if not info.is_global:
            assert layer.pool_size == (2,) * info.rank


N_CASES = 120  # a slice of the parity suite's seeded cases, every layer among them


def test_keras_engine_pooling_is_keras_on_the_parity_cases():
    seed = parity_seed()
    cases = [random_case(seed, i) for i in range(N_CASES)]
    assert {c.layer for c in cases} == set(LAYERS)
    old = config_engine()
    config_set_engine("keras")
    checked = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            for case in cases:
                x = case.make_input()
                try:
                    want = keras_eager(keras, getattr(keras.layers, case.layer)(
                        **case.keras_kwargs()), x)
                except Exception as e:  # noqa: BLE001
                    with pytest.raises(type(e)):
                        case.info.function(x, **case.kwargs)
                    continue
                got = case.info.function(x, **case.kwargs)  # data first: computed by Keras
                assert keras.ops.is_tensor(got), case.describe()
                got = keras.ops.convert_to_numpy(got)
                assert got.dtype == want.dtype and got.shape == want.shape, case.describe()
                np.testing.assert_array_equal(got, want, err_msg=case.describe())
                checked += 1
    finally:
        config_set_engine(old)
    assert checked >= N_CASES // 2
