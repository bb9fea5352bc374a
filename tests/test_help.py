"""`help(layer_*)`: R's signature, and the installed Keras class's own documentation."""

import inspect
import os
import pydoc
import subprocess
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402

import rstyle_keras as rk  # noqa: E402


def test_help_shows_the_r_signature_and_keras_docstring():
    text = pydoc.render_doc(rk.layer_dense, renderer=pydoc.plaintext)
    assert "layer_dense(object=None, units=<required>, activation=None, use_bias=True," in text
    first_line = inspect.getdoc(keras.layers.Dense).splitlines()[0]
    assert f"| {first_line}" in text  # read from the installed Keras, quoted
    assert f"Keras {keras.__version__}'s documentation" in text


def test_merge_functions_show_r_dots_as_more_inputs():
    sig = inspect.signature(rk.layer_dot)
    assert str(sig) == "(inputs=None, *more_inputs, axes, normalize=False, **kwargs)"


def test_signatures_and_help_work_without_keras():
    script = (
        "import sys; sys.modules['keras'] = None\n"
        "import inspect, pydoc, rstyle_keras as rk\n"
        "print(inspect.signature(rk.layer_conv_2d))\n"
        "print(pydoc.render_doc(rk.layer_conv_2d, renderer=pydoc.plaintext))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    assert "(object=None, filters=<required>, kernel_size=<required>, strides=(1, 1)" in out
    assert "Keras's documentation is not available" in out
