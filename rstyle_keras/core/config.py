"""Global settings read from the Keras config file (`$KERAS_HOME/keras.json`).

Only the fields this package uses are read: `image_data_format` and `floatx`.
The file is read once, on first use, like Keras reads it on import.
"""

from __future__ import annotations

import os
import warnings

DEFAULTS = {"image_data_format": "channels_last", "floatx": "float32"}
ALLOWED = {
    "image_data_format": ("channels_last", "channels_first"),
    "floatx": ("float16", "float32", "float64"),
}

_settings: dict[str, str] | None = None


def keras_config_path() -> str:
    """The path of keras.json: `$KERAS_HOME/keras.json`, else `~/.keras/keras.json`."""
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return os.path.join(home, "keras.json")


def _read_config_file() -> dict[str, str]:
    settings = dict(DEFAULTS)
    path = keras_config_path()
    if not os.path.exists(path):
        return settings
    import json  # here, not at the top: a keras.json is rare and json costs import time

    try:
        with open(path, encoding="utf-8") as f:
            found = json.load(f)
        if not isinstance(found, dict):
            raise ValueError("top level is not a JSON object")
    except (OSError, ValueError) as e:
        warnings.warn(
            f"Could not read the Keras config file {path} ({e}); "
            f"using the defaults {DEFAULTS}.",
            stacklevel=3,
        )
        return settings
    for key, allowed in ALLOWED.items():
        if key in found:
            if found[key] not in allowed:
                raise ValueError(
                    f"The Keras config file {path} sets `{key}` to {found[key]!r}; "
                    f"accepted values are {', '.join(map(repr, allowed))}."
                )
            settings[key] = found[key]
    return settings


def _settings_now() -> dict[str, str]:
    global _settings
    if _settings is None:
        _settings = _read_config_file()
    return _settings


def checked_data_format(data_format, name: str) -> str:
    """ "channels_last"/"channels_first" in any case, as lowercase; else a ValueError."""
    if isinstance(data_format, str) and data_format.lower() in ALLOWED["image_data_format"]:
        return data_format.lower()
    raise ValueError(
        f'`{name}` must be "channels_last", "channels_first" or None (the keras.json '
        f"default); received {name}={data_format!r}."
    )


def config_image_data_format() -> str:
    """The default image data format: "channels_last" or "channels_first".

    Value: a string, from keras.json or set by `config_set_image_data_format()`.

    Examples:
        >>> config_image_data_format() in ("channels_last", "channels_first")
        True
    """
    return _settings_now()["image_data_format"]


def config_set_image_data_format(data_format: str) -> None:
    """Set the default image data format for layers created afterwards.

    Arguments:
        data_format: "channels_last" or "channels_first".

    Examples:
        >>> old = config_image_data_format()
        >>> config_set_image_data_format("channels_first")
        >>> config_image_data_format()
        'channels_first'
        >>> config_set_image_data_format(old)
    """
    _settings_now()["image_data_format"] = checked_data_format(data_format, "data_format")


def config_floatx() -> str:
    """The default float type ("float32" unless keras.json says otherwise).

    Examples:
        >>> config_floatx()
        'float32'
    """
    return _settings_now()["floatx"]


def set_floatx(value: str) -> None:
    """Set the core's default float type ("float16", "float32" or "float64"): what
    `config_floatx()` answers and the core computes in. R's `config_set_floatx()`
    (rstyle_keras.r.families_more) sets Keras's too."""
    if value not in ALLOWED["floatx"]:
        raise ValueError(
            f"`value` must be one of {', '.join(map(repr, ALLOWED['floatx']))}; "
            f"received value={value!r}."
        )
    _settings_now()["floatx"] = value
