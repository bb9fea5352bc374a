"""Sequential and functional models: building, calling, predict, summary."""

import io
import os
import pty
import subprocess
import sys

import numpy as np
import pytest

from rstyle_keras import (
    AveragePooling2D,
    Functional,
    KerasTensor,
    Sequential,
    Tensor,
    c,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_average_pooling_2d,
    layer_global_average_pooling_2d,
    layer_global_max_pooling_2d,
    layer_max_pooling_2d,
    model_from_json,
)
from rstyle_keras.core.models.progress import ProgressBar, resolve_verbose

X = np.random.default_rng(0).normal(size=(5, 8, 8, 3)).astype("float32")

# Keras 3.15's summary of the same model, captured with model.summary().
KERAS_SUMMARY = """\
Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ average_pooling2d               │ (None, 5, 5, 3)        │             0 │
│ (AveragePooling2D)              │                        │               │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ a_very_long_layer_name_that_go… │ (None, 5, 5, 3)        │             0 │
│ (MaxPooling2D)                  │                        │               │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ g (GlobalAveragePooling2D)      │ (None, 3)              │             0 │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 0 (0.00 B)
 Trainable params: 0 (0.00 B)
 Non-trainable params: 0 (0.00 B)"""


def test_summary_matches_keras_layout():
    model = (
        keras_model_sequential(input_shape=c(10, 10, 3))
        | layer_average_pooling_2d(pool_size=2)
        | layer_max_pooling_2d(pool_size=1, name="a_very_long_layer_name_that_goes_on_and_on")
        | layer_global_average_pooling_2d(name="g")
    )
    lines = []
    model.summary(print_fn=lines.append)
    assert lines == [KERAS_SUMMARY]


def test_summary_of_unbuilt_model_shows_question_marks(capsys):
    model = keras_model_sequential(name="m") | layer_average_pooling_2d(pool_size=2)
    model.summary()
    out = capsys.readouterr().out
    assert 'Model: "m"' in out and "│ ?" in out


def test_sequential_add_pop_and_layers():
    model = keras_model_sequential(input_shape=c(8, 8, 3))
    model.add(AveragePooling2D(pool_size=2))
    model.add(AveragePooling2D(pool_size=2))
    assert model.output_shape == (None, 2, 2, 3)
    popped = model.pop()
    assert popped.name == "average_pooling2d_1"
    assert model.output_shape == (None, 4, 4, 3)
    assert len(model.layers) == 1
    with pytest.raises(TypeError, match="`layer`"):
        model.add("not a layer")


def test_sequential_refuses_duplicate_names():
    model = keras_model_sequential() | layer_average_pooling_2d(pool_size=2, name="p")
    with pytest.raises(ValueError, match="unique names.*'p'"):
        model | layer_max_pooling_2d(name="p")
    assert len(model.layers) == 1


def test_deferred_build_on_first_call():
    model = keras_model_sequential() | layer_average_pooling_2d(pool_size=2)
    assert not model.built
    with pytest.raises(AttributeError, match="no defined output shape"):
        _ = model.output_shape
    out = model(X)
    assert isinstance(out, Tensor) and out.shape == (5, 4, 4, 3)
    assert model.built and model.output_shape == (5, 4, 4, 3)


def test_input_shape_on_the_first_layer_is_honoured():
    model = keras_model_sequential() | layer_average_pooling_2d(pool_size=2, input_shape=c(8, 8, 3))
    assert model.built and model.output_shape == (None, 4, 4, 3)


def test_sequential_call_eager_and_symbolic_and_predict_agree():
    model = (keras_model_sequential(input_shape=c(8, 8, 3))
             | layer_average_pooling_2d(pool_size=2) | layer_max_pooling_2d())
    direct = (X | layer_average_pooling_2d(pool_size=2) | layer_max_pooling_2d()).numpy()
    np.testing.assert_array_equal(model(X).numpy(), direct)
    predicted = model.predict(X, batch_size=2, verbose=0)
    assert isinstance(predicted, np.ndarray)
    np.testing.assert_array_equal(predicted, direct)
    symbolic = model(keras_input(shape=c(8, 8, 3)))
    assert isinstance(symbolic, KerasTensor) and symbolic.shape == (None, 2, 2, 3)


def test_functional_model():
    inputs = keras_input(shape=c(8, 8, 3))
    outputs = (inputs | layer_average_pooling_2d(pool_size=2, name="avg")
               | layer_max_pooling_2d(name="max") | layer_global_average_pooling_2d())
    model = keras_model(inputs, outputs)
    assert isinstance(model, Functional) and model.name == "functional"
    assert [layer.name for layer in model.layers] == [
        "input_layer", "avg", "max", "global_average_pooling2d"]
    assert model.output_shape == (None, 3)
    np.testing.assert_allclose(
        model.predict(X, verbose=0),
        X.reshape(5, 4, 2, 4, 2, 3).mean(axis=(2, 4))
        .reshape(5, 2, 2, 2, 2, 3).max(axis=(2, 4)).mean(axis=(1, 2)),
        rtol=1e-6,
    )
    assert model.get_layer("max").pool_size == (2, 2)
    assert model.get_layer(index=1).name == "avg"
    with pytest.raises(ValueError, match="`name`='nope'"):
        model.get_layer("nope")


def test_functional_refuses_outputs_from_another_input():
    a, b = keras_input(shape=c(4, 4, 1)), keras_input(shape=c(4, 4, 1))
    with pytest.raises(ValueError, match="not among `inputs`"):
        keras_model(a, b | layer_average_pooling_2d(pool_size=2))
    with pytest.raises(TypeError, match="`outputs`"):
        keras_model(a, np.ones(3))


@pytest.mark.parametrize("kind", ["sequential", "functional"])
def test_json_round_trip(kind):
    if kind == "sequential":
        model = (keras_model_sequential(input_shape=c(8, 8, 3))
                 | layer_average_pooling_2d(pool_size=c(2, 1), padding="same")
                 | layer_max_pooling_2d(strides=1))
    else:
        inputs = keras_input(shape=c(8, 8, 3))
        model = keras_model(inputs, inputs | layer_average_pooling_2d(pool_size=2)
                            | layer_global_average_pooling_2d(keepdims=True))
    clone = model_from_json(model.to_json())
    assert type(clone) is type(model)
    assert clone.get_config() == model.get_config()
    np.testing.assert_array_equal(clone.predict(X, verbose=0), model.predict(X, verbose=0))


def test_progress_bar_line_and_verbosity():
    stream = io.StringIO()
    bar = ProgressBar(3, verbose=1, stream=stream)
    for i in range(1, 4):
        bar.update(i)
    text = stream.getvalue()
    assert text.count("\r") == 3 and text.endswith("\n")
    assert "3/3 ━━━━━━━━━━━━━━━━━━━━" in text and "ms/step" in text
    quiet = io.StringIO()
    ProgressBar(3, verbose=0, stream=quiet).update(3)
    assert quiet.getvalue() == ""
    assert resolve_verbose("auto") == 0  # pytest's stdout is not a terminal
    with pytest.raises(ValueError, match="`verbose`"):
        resolve_verbose(5)


def test_predict_prints_nothing_when_not_a_tty(capsys):
    model = keras_model_sequential(input_shape=c(8, 8, 3)) | layer_average_pooling_2d(pool_size=2)
    model.predict(X)
    assert capsys.readouterr().out == ""
    model.predict(X, verbose=2)
    assert "1/1" in capsys.readouterr().out


def test_sequential_repr():
    assert repr(keras_model_sequential(name="m")) == "<Sequential name=m, built=False>"
    assert isinstance(keras_model_sequential(), Sequential)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_predict_shows_a_one_line_progress_bar_on_a_terminal():
    script = (
        "import numpy as np\n"
        "from rstyle_keras import keras_model_sequential, layer_average_pooling_2d, c\n"
        "m = keras_model_sequential(input_shape=c(4, 4, 1))\n"
        "m = m | layer_average_pooling_2d(pool_size=2)\n"
        "m.predict(np.ones((10, 4, 4, 1)), batch_size=2)\n"
    )
    main, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=secondary, stderr=subprocess.PIPE
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(main)
    text = b"".join(chunks).decode().replace("\r\n", "\n")  # the terminal's own line ends
    assert proc.returncode == 0, proc.stderr.read().decode()
    assert text.count("\r") == 5  # redrawn in place once per batch
    assert text.rstrip().endswith("ms/step") and text.count("\n") == 1
    assert "5/5 ━━━━━━━━━━━━━━━━━━━━" in text


def test_functional_model_with_two_outputs_returns_a_list():
    inputs = keras_input(shape=c(8, 8, 3))
    pooled = inputs | layer_max_pooling_2d()
    model = keras_model(inputs, [pooled | layer_global_average_pooling_2d(),
                                 pooled | layer_max_pooling_2d()])
    mean, pooled_again = model.predict(X, batch_size=2, verbose=0)
    direct = X | layer_max_pooling_2d()
    np.testing.assert_allclose(mean, direct.numpy().mean(axis=(1, 2)), rtol=1e-6)
    np.testing.assert_array_equal(pooled_again, (direct | layer_max_pooling_2d()).numpy())
    called = model(X)
    assert isinstance(called, list) and [t.shape for t in called] == [(5, 3), (5, 2, 2, 3)]
    assert model.output_shape == [(None, 3), (None, 2, 2, 3)]
    clone = model_from_json(model.to_json())
    np.testing.assert_array_equal(clone.predict(X, verbose=0)[1], pooled_again)


def test_functional_model_with_two_inputs_takes_a_list():
    a, b = keras_input(shape=c(8, 8, 3)), keras_input(shape=c(4, 4, 3))
    outputs = [a | layer_average_pooling_2d(pool_size=2), b | layer_max_pooling_2d()]
    model = keras_model([a, b], outputs)
    y = X[:, :4, :4, :]
    first, second = model([X, y])
    expected = (X | layer_average_pooling_2d(pool_size=2)).numpy()
    np.testing.assert_array_equal(first.numpy(), expected)
    np.testing.assert_array_equal(second.numpy(), (y | layer_max_pooling_2d()).numpy())
    with pytest.raises(ValueError, match="`inputs` must be a list of 2 arrays"):
        model(X)


# Keras 3.15's summary of the same branching model, with its "Connected to" column.
KERAS_GRAPH_SUMMARY = """\
Model: "functional"
┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)        ┃ Output Shape      ┃    Param # ┃ Connected to      ┃
┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━┩
│ image (InputLayer)  │ (None, 28, 28, 1) │          0 │ -                 │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ max_pooling2d       │ (None, 14, 14, 1) │          0 │ image[0][0]       │
│ (MaxPooling2D)      │                   │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ global_average_poo… │ (None, 1)         │          0 │ max_pooling2d[0]… │
│ (GlobalAveragePool… │                   │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ a_quite_long_layer… │ (None, 1)         │          0 │ max_pooling2d[0]… │
│ (GlobalMaxPooling2… │                   │            │                   │
└─────────────────────┴───────────────────┴────────────┴───────────────────┘
 Total params: 0 (0.00 B)
 Trainable params: 0 (0.00 B)
 Non-trainable params: 0 (0.00 B)"""


def test_summary_of_a_branching_model_has_keras_connected_to_column():
    image = keras_input(shape=c(28, 28, 1), name="image")
    pooled = image | layer_max_pooling_2d()
    model = keras_model(image, [
        pooled | layer_global_average_pooling_2d(),
        pooled | layer_global_max_pooling_2d(name="a_quite_long_layer_name_here"),
    ])
    lines = []
    model.summary(print_fn=lines.append)
    assert lines == [KERAS_GRAPH_SUMMARY]


def test_summary_of_a_shared_layer_lists_each_call():
    inputs = keras_input(shape=c(28, 28, 1))
    shared = layer_max_pooling_2d(pool_size=1)
    model = keras_model(inputs, inputs | shared | shared)
    assert not model.is_chain()
    rows = model.summary_rows()
    assert [row[0].name for row in rows] == ["input_layer", "max_pooling2d"]
    assert rows[1][2] == "input_layer[0][0], max_pooling2d[0][0]"
    np.testing.assert_array_equal(model.predict(X[..., :1], verbose=0), X[..., :1])
    clone = model_from_json(model.to_json())
    assert clone.get_config() == model.get_config()
