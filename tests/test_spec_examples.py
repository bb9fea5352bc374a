"""The spec page's three examples, in Python line for line, print the spec's output."""

import subprocess
import sys

import pytest

from rstyle_keras.spec_examples import EXAMPLES, run_example

# The outputs printed on R keras3's layer_average_pooling_2d page, with `tf.Tensor`
# written as our `Tensor`.
SPEC_OUTPUTS = [
    """tf.Tensor(
[[[[3.]
   [4.]]

  [[6.]
   [7.]]]], shape=(1, 2, 2, 1), dtype=float32)""",
    """tf.Tensor(
[[[[3.5]
   [5.5]]]], shape=(1, 1, 2, 1), dtype=float32)""",
    """tf.Tensor(
[[[[3. ]
   [4. ]
   [4.5]]

  [[6. ]
   [7. ]
   [7.5]]

  [[7.5]
   [8.5]
   [9. ]]]], shape=(1, 3, 3, 1), dtype=float32)""",
]


@pytest.mark.parametrize("example, expected", list(zip(EXAMPLES, SPEC_OUTPUTS)))
def test_example_prints_the_spec_output(example, expected):
    _, _, python_source = example
    assert repr(run_example(python_source)) == expected.replace("tf.Tensor", "Tensor")


def test_python_dash_m_runs_all_three_examples():
    result = subprocess.run(
        [sys.executable, "-m", "rstyle_keras"], capture_output=True, text=True, check=True
    )
    for expected in SPEC_OUTPUTS:
        assert expected.replace("tf.Tensor", "Tensor") in result.stdout
    assert result.stdout.count("layer_average_pooling_2d(pool_size=c(2, 2),") == 3


def test_the_python_lines_mirror_the_r_lines():
    # One Python statement per R statement: the same functions, in the same order.
    for _, r_source, python_source in EXAMPLES:
        for name in ("op_array", "op_reshape", "layer_average_pooling_2d", "pool_size"):
            assert name in r_source and name in python_source
