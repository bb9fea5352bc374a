"""The data_format default from the Keras config file, read in a fresh process."""

import json
import subprocess
import sys

import pytest

from rstyle_keras import (
    config_image_data_format,
    config_set_image_data_format,
    layer_average_pooling_2d,
)

SCRIPT = (
    "import warnings; warnings.simplefilter('always')\n"
    "from rstyle_keras import layer_average_pooling_2d, config_image_data_format\n"
    "layer = layer_average_pooling_2d(pool_size=2)\n"
    "print(layer.data_format, config_image_data_format())\n"
)


def run_with_keras_home(tmp_path, content):
    if content is not None:
        (tmp_path / "keras.json").write_text(content)
    env = {"KERAS_HOME": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          env=env)


def test_channels_first_from_keras_json(tmp_path):
    result = run_with_keras_home(
        tmp_path, json.dumps({"image_data_format": "channels_first", "floatx": "float32"})
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["channels_first", "channels_first"]


def test_channels_last_when_no_file(tmp_path):
    result = run_with_keras_home(tmp_path, None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["channels_last", "channels_last"]


def test_keras_home_unset_reads_home_dot_keras(tmp_path):
    (tmp_path / ".keras").mkdir()
    (tmp_path / ".keras" / "keras.json").write_text('{"image_data_format": "channels_first"}')
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            env=env)
    assert result.stdout.split() == ["channels_first", "channels_first"], result.stderr


def test_malformed_file_warns_naming_file_and_defaults(tmp_path):
    result = run_with_keras_home(tmp_path, "{not json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["channels_last", "channels_last"]
    assert "keras.json" in result.stderr and str(tmp_path) in result.stderr
    assert "defaults" in result.stderr and "channels_last" in result.stderr


def test_invalid_value_is_a_clear_error(tmp_path):
    result = run_with_keras_home(tmp_path, '{"image_data_format": "channels_middle"}')
    assert result.returncode != 0
    assert "ValueError" in result.stderr
    assert "image_data_format" in result.stderr and "channels_middle" in result.stderr
    assert str(tmp_path) in result.stderr


def test_config_set_image_data_format_changes_the_default_for_new_layers():
    config_set_image_data_format("channels_first")
    assert config_image_data_format() == "channels_first"
    assert layer_average_pooling_2d(pool_size=2).data_format == "channels_first"
    assert layer_average_pooling_2d(pool_size=2, data_format="channels_last").data_format == (
        "channels_last"
    )


def test_config_set_image_data_format_refuses_bad_values():
    with pytest.raises(ValueError, match="`data_format`"):
        config_set_image_data_format("channels_middle")
