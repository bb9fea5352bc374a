"""Saving and loading (R keras3's R/model-persistence.R): save_model()/load_model() (files
and bytes), save_model_weights()/load_model_weights(), save_model_config()/
load_model_config(), the overwrite rule, and interop both ways with plain Keras run in a
separate interpreter that never imports rstyle_keras. (The core's to_json()/
model_from_json() interop is tested in test_serialization_keras.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import rstyle_keras as rk
from rstyle_keras import (
    c,
    compile,
    config_set_engine,
    evaluate,
    fit,
    get_config,
    keras_model_sequential,
    layer_average_pooling_2d,
    layer_dense,
    layer_global_max_pooling_2d,
    layer_max_pooling_2d,
    load_model,
    load_model_config,
    load_model_weights,
    predict,
    save_model,
    save_model_config,
    save_model_weights,
)
from tests.keras_reference import KERAS_SKIP_REASON, import_keras

RNG = np.random.default_rng(1)
X = RNG.random((16, 4)).astype("float32")
Y = RNG.random((16, 1)).astype("float32")
IMAGES = RNG.random((3, 6, 6, 2)).astype("float32")


@pytest.fixture
def keras():
    found = import_keras()
    if found is None:
        pytest.skip(KERAS_SKIP_REASON)
    config_set_engine("keras")
    return rk.dispatch.keras()


def trained(name="trained"):
    """A small compiled model, trained one epoch (so its optimizer has state)."""
    model = (keras_model_sequential(input_shape=c(4), name=name)
             | layer_dense(units=3, activation="relu", name="hidden")
             | layer_dense(units=1, name="out"))
    compile(model, optimizer="adam", loss="mse", metrics="mae", run_eagerly=True)
    fit(model, X, Y, epochs=1, batch_size=8)
    return model


def pooling_model():
    """Pooling layers only: the core builds it, Keras too; no weights."""
    return (keras_model_sequential(input_shape=c(6, 6, 2), name="pools")
            | layer_max_pooling_2d(pool_size=2, name="max")
            | layer_average_pooling_2d(pool_size=c(3, 3), strides=1, name="avg")
            | layer_global_max_pooling_2d(name="gmax"))


def plain_keras(script: str, tmp_path, *args) -> subprocess.CompletedProcess:
    """Run `script` with plain Keras (JAX, CPU) in a fresh interpreter that fails unless
    rstyle_keras stays unimported; its working folder is `tmp_path`."""
    check = textwrap.dedent("""
        import sys
        assert "rstyle_keras" not in sys.modules, sorted(
            m for m in sys.modules if m.startswith("rstyle_keras"))
        print("rstyle_keras not imported")
    """)
    env = {**os.environ, "KERAS_BACKEND": "jax", "JAX_PLATFORMS": "cpu"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script) + check, *map(str, args)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "rstyle_keras not imported" in result.stdout
    return result


# -- save_model() / load_model() ---------------------------------------------------------
def test_save_and_load_round_trip_with_equal_predictions(keras, tmp_path):
    model = trained()
    path = tmp_path / "model.keras"
    assert save_model(model, str(path)) is model
    assert path.is_file()
    loaded = load_model(str(path))
    assert isinstance(loaded, keras.Sequential) and loaded is not model
    assert loaded.name == "trained"
    np.testing.assert_allclose(predict(loaded, X), predict(model, X), rtol=1e-6)
    # compiled as saved, optimizer state included: evaluate() agrees, fit() continues
    assert isinstance(loaded.optimizer, keras.optimizers.Adam)
    assert int(loaded.optimizer.iterations) == int(model.optimizer.iterations) == 2
    assert evaluate(loaded, X, Y) == pytest.approx(evaluate(model, X, Y), rel=1e-6)
    assert len(fit(loaded, X, Y, epochs=2).metrics.loss) == 2


def test_load_model_takes_a_path_object_and_compile_false(keras, tmp_path):
    model = trained()
    path = tmp_path / "model.keras"
    model | save_model(path)
    uncompiled = load_model(path, compile=False)
    assert not uncompiled.compiled
    np.testing.assert_allclose(predict(uncompiled, X), predict(model, X), rtol=1e-6)


def test_save_model_without_a_filepath_returns_the_bytes(keras, tmp_path):
    model = trained()
    raw = save_model(model)
    assert isinstance(raw, bytes) and raw[:4] == b"PK\x03\x04"  # a zip: a .keras file
    assert (model | save_model()) [:4] == raw[:4]
    loaded = load_model(raw)
    np.testing.assert_allclose(predict(loaded, X), predict(model, X), rtol=1e-6)
    # the same bytes as the file save_model() writes
    path = tmp_path / "m.keras"
    save_model(model, str(path))
    np.testing.assert_allclose(predict(load_model(path.read_bytes()), X), predict(model, X),
                               rtol=1e-6)
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left here


def test_an_existing_file_needs_overwrite(keras, tmp_path):
    model = trained()
    path = tmp_path / "model.keras"
    save_model(model, str(path))
    before = path.read_bytes()
    model.set_weights([w + 1 for w in model.get_weights()])
    with pytest.raises(FileExistsError, match=f"'{path}' already exists.*overwrite=True"):
        save_model(model, str(path))
    with pytest.raises(FileExistsError, match="already exists"):
        model | save_model(str(path), overwrite=False)
    assert path.read_bytes() == before
    assert save_model(model, str(path), overwrite=True) is model
    np.testing.assert_allclose(predict(load_model(path), X), predict(model, X), rtol=1e-6)


def test_save_model_unzipped_is_a_folder_keras_loads(keras, tmp_path):
    model = trained()
    folder = tmp_path / "unzipped"
    save_model(model, str(folder), zipped=False)
    assert folder.is_dir() and (folder / "config.json").is_file()
    np.testing.assert_allclose(predict(load_model(folder), X), predict(model, X), rtol=1e-6)


def test_load_model_custom_objects_by_name_or_as_a_list(keras, tmp_path):
    class Scale(keras.layers.Layer):  # local: Keras cannot import it by its module
        def __init__(self, factor=2.0, **kwargs):
            super().__init__(**kwargs)
            self.factor = factor

        def call(self, x):
            return x * self.factor

        def get_config(self):
            return {**super().get_config(), "factor": self.factor}

    model = keras_model_sequential(input_shape=c(4)) | layer_dense(units=2)
    model.add(Scale(3.0))
    path = tmp_path / "custom.keras"
    save_model(model, str(path))
    with pytest.raises(TypeError, match="Scale"):
        load_model(path)
    for custom_objects in ({"Scale": Scale}, [Scale], Scale):
        loaded = load_model(path, custom_objects=custom_objects)
        assert isinstance(loaded.layers[-1], Scale) and loaded.layers[-1].factor == 3.0
        np.testing.assert_allclose(predict(loaded, X), predict(model, X), rtol=1e-6)


# -- weights ---------------------------------------------------------------------------------
def test_weights_round_trip_into_a_fresh_model(keras, tmp_path):
    model = trained()
    path = tmp_path / "model.weights.h5"
    assert (model | save_model_weights(str(path))) is model
    fresh = (keras_model_sequential(input_shape=c(4), name="fresh")
             | layer_dense(units=3, activation="relu") | layer_dense(units=1))
    assert not np.allclose(predict(fresh, X), predict(model, X))
    assert load_model_weights(fresh, str(path)) is fresh
    np.testing.assert_allclose(predict(fresh, X), predict(model, X), rtol=1e-6)
    for got, want in zip(fresh.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(got, want)
    with pytest.raises(FileExistsError, match="model.weights.h5"):
        save_model_weights(model, str(path))
    assert save_model_weights(model, str(path), overwrite=True) is model


def test_load_model_weights_skip_mismatch(keras, tmp_path):
    model = trained()
    path = tmp_path / "model.weights.h5"
    save_model_weights(model, str(path))
    wider = keras_model_sequential(input_shape=c(4)) | layer_dense(units=3) \
        | layer_dense(units=5)
    with pytest.raises(ValueError):
        load_model_weights(wider, str(path))
    load_model_weights(wider, str(path), skip_mismatch=True)
    np.testing.assert_array_equal(wider.layers[0].get_weights()[0],
                                  model.layers[0].get_weights()[0])


# -- configs ---------------------------------------------------------------------------------
def test_model_config_round_trip_under_keras(keras, tmp_path):
    model = trained()
    path = tmp_path / "model.json"
    assert save_model_config(model, str(path)) is model
    assert json.loads(path.read_text()) == json.loads(model.to_json())
    loaded = load_model_config(str(path))
    assert isinstance(loaded, keras.Sequential)
    assert json.loads(loaded.to_json()) == json.loads(model.to_json())  # (tuples: lists)
    assert [layer.name for layer in loaded.layers] == ["hidden", "out"]
    assert loaded.count_params() == model.count_params()
    assert not np.allclose(predict(loaded, X), predict(model, X))  # fresh weights
    with pytest.raises(FileExistsError, match="model.json"):
        model | save_model_config(str(path))
    assert save_model_config(model, str(path), overwrite=True) is model


def test_model_config_round_trip_under_numpy(tmp_path):
    config_set_engine("numpy")
    model = pooling_model()
    assert isinstance(model, rk.Sequential)
    path = tmp_path / "pools.json"
    assert save_model_config(model, str(path)) is model
    loaded = load_model_config(str(path))
    assert isinstance(loaded, rk.Sequential) and loaded is not model
    assert loaded.to_json() == model.to_json()
    assert [layer.name for layer in loaded.layers] == ["max", "avg", "gmax"]
    np.testing.assert_array_equal(predict(loaded, IMAGES), predict(model, IMAGES))
    assert save_model_config(model) == model.to_json()
    with pytest.raises(ValueError, match="keras"):
        load_model_config(str(path), custom_objects={"X": object})


def test_a_core_model_config_loads_under_keras(keras, tmp_path):
    config_set_engine("numpy")
    core = pooling_model()
    path = tmp_path / "pools.json"
    save_model_config(core, str(path))
    config_set_engine("keras")
    loaded = load_model_config(str(path))
    assert isinstance(loaded, keras.Sequential)
    assert [layer.name for layer in loaded.layers] == ["max", "avg", "gmax"]
    np.testing.assert_allclose(predict(loaded, IMAGES), predict(core, IMAGES), rtol=1e-6)


def test_get_config_of_a_core_model_and_from_config(tmp_path):
    config_set_engine("numpy")
    model = pooling_model()
    config = get_config(model)
    rebuilt = rk.from_config(config)
    assert isinstance(rebuilt, rk.Sequential)
    np.testing.assert_array_equal(predict(rebuilt, IMAGES), predict(model, IMAGES))
    plain = rk.from_config(dict(config))  # a plain dict: taken as a model's config
    assert isinstance(plain, rk.Sequential) and plain.to_json() == model.to_json()
    with pytest.raises(ValueError, match="get_config"):
        rk.from_config({"units": 3})


# -- interop with plain Keras, both ways -----------------------------------------------------
LOAD_IN_PLAIN_KERAS = """
    import sys
    import numpy as np
    import keras
    model = keras.saving.load_model(sys.argv[1])
    assert type(model).__module__.startswith("keras."), type(model)
    np.save(sys.argv[3], keras.ops.convert_to_numpy(model.predict(np.load(sys.argv[2]),
                                                                   verbose=0)))
    print("loaded", type(model).__name__, [layer.name for layer in model.layers])
"""


def test_a_model_saved_here_loads_in_plain_keras(keras, tmp_path):
    model = trained()
    save_model(model, str(tmp_path / "ours.keras"))
    np.save(tmp_path / "x.npy", X)
    result = plain_keras(LOAD_IN_PLAIN_KERAS, tmp_path, "ours.keras", "x.npy", "out.npy")
    assert "loaded Sequential ['hidden', 'out']" in result.stdout
    np.testing.assert_allclose(np.load(tmp_path / "out.npy"), predict(model, X), rtol=1e-5)


def test_a_core_model_saved_with_save_model_loads_in_plain_keras(tmp_path):
    if import_keras() is None:
        pytest.skip(KERAS_SKIP_REASON)
    config_set_engine("numpy")
    model = pooling_model()
    assert isinstance(model, rk.Sequential)
    assert save_model(model, str(tmp_path / "core.keras")) is model
    np.save(tmp_path / "x.npy", IMAGES)
    result = plain_keras(LOAD_IN_PLAIN_KERAS, tmp_path, "core.keras", "x.npy", "out.npy")
    assert "loaded Sequential ['max', 'avg', 'gmax']" in result.stdout
    np.testing.assert_allclose(np.load(tmp_path / "out.npy"), predict(model, IMAGES),
                               rtol=1e-6)
    # and here: load_model() gives the Keras model
    loaded = load_model(tmp_path / "core.keras")
    np.testing.assert_allclose(predict(loaded, IMAGES), predict(model, IMAGES), rtol=1e-6)
    raw = save_model(model)
    assert isinstance(raw, bytes) and raw[:2] == b"PK"


def test_a_file_saved_by_plain_keras_loads_here(keras, tmp_path):
    np.save(tmp_path / "x.npy", X)
    np.save(tmp_path / "y.npy", Y)
    plain_keras("""
        import sys
        import numpy as np
        import keras
        keras.utils.set_random_seed(3)
        x, y = np.load("x.npy"), np.load("y.npy")
        inputs = keras.Input((4,), name="features")
        hidden = keras.layers.Dense(5, activation="tanh", name="h")(inputs)
        model = keras.Model(inputs, keras.layers.Dense(1, name="o")(hidden), name="theirs")
        model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
        model.fit(x, y, epochs=2, verbose=0)
        model.save("theirs.keras")
        np.save("predicted.npy", model.predict(x, verbose=0))
        np.save("evaluated.npy", np.array(model.evaluate(x, y, verbose=0)))
    """, tmp_path)
    model = load_model(str(tmp_path / "theirs.keras"))
    assert isinstance(model, keras.Model) and model.name == "theirs"
    np.testing.assert_allclose(model | predict(X), np.load(tmp_path / "predicted.npy"),
                               rtol=1e-5)
    loss, mae = np.load(tmp_path / "evaluated.npy")
    assert evaluate(model, X, Y) == pytest.approx({"loss": loss, "mae": mae}, rel=1e-5)
    assert len(fit(model, {"features": X}, Y, epochs=1).metrics.loss) == 1
