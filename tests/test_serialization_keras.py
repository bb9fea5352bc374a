"""JSON round trips of models of pooling layers: ours -> ours, ours -> real Keras, and
real Keras -> ours. The tests with Keras skip (with the reason) when keras/jax are not
importable; ours -> ours always runs."""

import json
import warnings

import numpy as np
import pytest

from rstyle_keras import (
    Functional,
    Sequential,
    c,
    clear_session,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_average_pooling_1d,
    layer_average_pooling_2d,
    layer_average_pooling_3d,
    layer_global_average_pooling_2d,
    layer_global_average_pooling_3d,
    layer_global_max_pooling_1d,
    layer_global_max_pooling_2d,
    layer_max_pooling_1d,
    layer_max_pooling_2d,
    layer_max_pooling_3d,
    model_from_json,
)
from tests.keras_reference import KERAS_SKIP_REASON, import_keras


@pytest.fixture
def keras():
    found = import_keras()
    if found is None:
        pytest.skip(KERAS_SKIP_REASON)
    return found


def _x(shape, seed=0):
    return (np.random.default_rng(seed).standard_normal(shape) * 3).astype("float32")


def _plain(config):
    """A config as JSON would give it back (tuples -> lists)."""
    return json.loads(json.dumps(config))


# -- our models ---------------------------------------------------------------------------------
def sequential_2d():
    """Sequential with input_shape; "SAME" padding; global pooling with keepdims."""
    return (
        keras_model_sequential(input_shape=c(9, 8, 3), name="seq_2d")
        | layer_average_pooling_2d(pool_size=c(3, 2), strides=c(2, 1), padding="SAME")
        | layer_max_pooling_2d(name="max")
        | layer_global_average_pooling_2d(keepdims=True)
    )


def sequential_channels_first():
    return (
        keras_model_sequential(input_shape=c(2, 9, 7))
        | layer_max_pooling_2d(pool_size=3, strides=2, padding="same",
                               data_format="channels_first")
        | layer_average_pooling_2d(pool_size=c(2, 1), data_format="channels_first")
        | layer_global_max_pooling_2d(data_format="channels_first", keepdims=True)
    )


def sequential_first_layer_input_shape():
    """The input shape given to the first layer (R's `input_shape=` in `...`)."""
    model = keras_model_sequential()
    model.add(layer_max_pooling_1d(pool_size=2, input_shape=c(10, 3)))
    model.add(layer_global_max_pooling_1d())
    return model


def functional_1d():
    """A functional chain of 4 layers from one input."""
    inputs = keras_input(shape=c(17, 4), name="signal")
    outputs = (
        inputs
        | layer_average_pooling_1d(pool_size=3, strides=2, padding="same")
        | layer_max_pooling_1d(pool_size=2, strides=1)
        | layer_average_pooling_1d(pool_size=2, padding="Valid")
        | layer_global_max_pooling_1d(keepdims=True)
    )
    return keras_model(inputs, outputs, name="chain_1d")


def functional_3d_channels_first():
    inputs = keras_input(shape=c(2, 7, 6, 5))
    x = inputs | layer_max_pooling_3d(pool_size=c(2, 2, 1), data_format="channels_first")
    x = x | layer_average_pooling_3d(pool_size=2, strides=1, padding="same",
                                     data_format="channels_first")
    outputs = x | layer_global_average_pooling_3d(data_format="channels_first")
    return keras_model(inputs, outputs)


MODELS = {
    "sequential_2d": (sequential_2d, (3, 9, 8, 3)),
    "sequential_channels_first": (sequential_channels_first, (2, 2, 9, 7)),
    "sequential_first_layer_input_shape": (sequential_first_layer_input_shape, (2, 10, 3)),
    "functional_1d": (functional_1d, (4, 17, 4)),
    "functional_3d_channels_first": (functional_3d_channels_first, (2, 2, 7, 6, 5)),
}


def _layer_configs(model):
    return [_plain(layer.get_config()) for layer in model.layers]


@pytest.mark.parametrize("name", MODELS)
def test_ours_to_ours(name):
    build, shape = MODELS[name]
    model = build()
    x = _x(shape)
    text = model.to_json()
    clear_session()  # fresh automatic names must not leak into the loaded model
    loaded = model_from_json(text)
    assert type(loaded) is type(model)
    assert loaded.name == model.name
    assert [type(layer) for layer in loaded.layers] == [type(layer) for layer in model.layers]
    assert _layer_configs(loaded) == _layer_configs(model)
    assert json.loads(loaded.to_json()) == json.loads(text)
    assert loaded.output_shape == model.output_shape
    np.testing.assert_array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))


@pytest.mark.parametrize("name", MODELS)
def test_ours_to_keras(keras, name):
    build, shape = MODELS[name]
    model = build()
    x = _x(shape)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        theirs = keras.models.model_from_json(model.to_json())
    assert theirs.name == model.name
    assert [type(layer).__name__ for layer in theirs.layers] == [
        type(layer).__name__ for layer in model.layers
    ]
    assert [_plain(layer.get_config()) for layer in theirs.layers] == _layer_configs(model)
    assert tuple(theirs.output_shape) == tuple(model.output_shape)
    want = theirs.predict(x, verbose=0)
    got = model.predict(x, verbose=0)
    assert got.shape == want.shape and got.dtype == want.dtype
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


# -- Keras's models -----------------------------------------------------------------------------
def keras_sequential(keras):
    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input(shape=(9, 8, 3)),
            layers.AveragePooling2D(pool_size=(3, 2), strides=(2, 1), padding="same"),
            layers.MaxPooling2D(name="max"),
            layers.GlobalAveragePooling2D(keepdims=True),
        ],
        name="keras_seq",
    )


def keras_functional(keras):
    layers = keras.layers
    inputs = keras.Input(shape=(17, 4), name="signal")
    x = layers.AveragePooling1D(3, strides=2, padding="same")(inputs)
    x = layers.MaxPooling1D(2, strides=1)(x)
    x = layers.AveragePooling1D(2)(x)
    outputs = layers.GlobalMaxPooling1D(keepdims=True)(x)
    return keras.Model(inputs, outputs, name="keras_chain")


def keras_channels_first(keras):
    layers = keras.layers
    inputs = keras.Input(shape=(2, 7, 6, 5))
    x = layers.MaxPooling3D((2, 2, 1), data_format="channels_first")(inputs)
    x = layers.AveragePooling3D(2, strides=1, padding="same", data_format="channels_first")(x)
    outputs = layers.GlobalMaxPooling3D(data_format="channels_first", keepdims=True)(x)
    return keras.Model(inputs, outputs)


def keras_sequential_channels_first(keras):
    layers = keras.layers
    return keras.Sequential([
        keras.Input(shape=(2, 9, 7)),
        layers.MaxPooling2D(3, strides=2, padding="same", data_format="channels_first"),
        layers.GlobalAveragePooling2D(data_format="channels_first"),
    ])


KERAS_MODELS = {
    "sequential": (keras_sequential, (3, 9, 8, 3), Sequential),
    "functional_chain": (keras_functional, (4, 17, 4), Functional),
    "functional_3d_channels_first": (keras_channels_first, (2, 2, 7, 6, 5), Functional),
    "sequential_channels_first": (keras_sequential_channels_first, (2, 2, 9, 7), Sequential),
}


@pytest.mark.parametrize("name", KERAS_MODELS)
def test_keras_to_ours(keras, name):
    build, shape, our_type = KERAS_MODELS[name]
    theirs = build(keras)
    x = _x(shape)
    ours = model_from_json(theirs.to_json())
    assert type(ours) is our_type
    assert ours.name == theirs.name
    assert [type(layer).__name__ for layer in ours.layers] == [
        type(layer).__name__ for layer in theirs.layers
    ]
    assert _layer_configs(ours) == [_plain(layer.get_config()) for layer in theirs.layers]
    assert tuple(ours.output_shape) == tuple(theirs.output_shape)
    want = theirs.predict(x, verbose=0)
    got = ours.predict(x, verbose=0)
    assert got.shape == want.shape and got.dtype == want.dtype
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
    # ... and back to Keras again, unchanged.
    again = keras.models.model_from_json(ours.to_json())
    assert [_plain(layer.get_config()) for layer in again.layers] == [
        _plain(layer.get_config()) for layer in theirs.layers
    ]
