"""R keras3's utility functions: datasets from files, images, sequences, seeds, variables,
the methods of preprocessing layers and models, and `zip_lists()`.

Those whose R body is a Keras call are rows of `api_tables.UTILITIES` (generated from R
keras3's sources by tools/gen_api_tables.py) made on the generic path
(`rstyle_keras.r.functions`): R's signature and argument matching, R's converters (whole
floats as integers, `c()` sizes, 1-based `axis`), only the arguments a call names passed
on. They are Keras's helpers whatever `config_engine()` says (a core object among the
arguments is the only thing that sends a call to the NumPy core, which has none of them);
`keras_variable()` makes a Keras tensor, so it follows the engine rule as `op_*()` do.

| kind                        | what a call returns                                        |
|-----------------------------|------------------------------------------------------------|
| utility                     | `keras.<target>(...)`                                      |
| class                       | the Keras object (`keras_variable()`: `keras.Variable`)    |
| download                    | `get_file()`: the path, from Keras's cache or downloaded   |
| save_image                  | `image_array_save()`: `x`, after `keras.utils.save_img()`  |
| image_to_array              | a NumPy array (R's default dtype "double" is float64)      |
| imagenet_preprocess_input   | the preprocessed images (a copy: `x` is never changed)     |
| imagenet_decode_predictions | a NamedList of columns per sample (R's data frame)         |

Written here by hand (R's bodies call a method or do R-specific work): `adapt()`,
`export_savedmodel()`, `get_state_tree()`, `set_state_tree()`, `get_vocabulary()`,
`set_vocabulary()`, `quantize_weights()`, `reset_state()` (methods of the object, with R's
arguments and return values), `set_random_seed()` (Python's, NumPy's, the NumPy core's
and Keras's generators), `zip_lists()`; `bidirectional` and `time_distributed` are
`layer_bidirectional` and `layer_time_distributed`, as in R.

The `*_dataset_from_directory()`, `timeseries_dataset_from_array()` and `split_dataset()`
functions return what Keras does: `tf.data` datasets, so they need TensorFlow installed.
Keras 3.15's `format=` ("tf", or "grain" for Grain datasets) is not among R keras3's
arguments, and these R functions have no `...`: as in R, always "tf".

Examples:
    >>> from rstyle_keras.r.utilities import normalize, pad_sequences, zip_lists
    >>> pad_sequences([[1, 2], [3, 4, 5]], maxlen=4.0)
    array([[0, 0, 1, 2],
           [0, 3, 4, 5]], dtype=int32)
    >>> normalize(c(3, 4))
    array([[0.6, 0.8]])
    >>> zip_lists(gradient=["g1", "g2"], weight=["w1", "w2"])
    [NamedList(gradient='g1', weight='w1'), NamedList(gradient='g2', weight='w2')]
"""

from __future__ import annotations

import numbers
import os
import random
from collections.abc import Mapping

import numpy as np

from .. import keras_adapter
from ..dispatch import engine_of, keras
from ..engine import core_lacks
from .api_converters import API_CONVERTERS, as_py_array
from .api_tables import UTILITIES
from .classes import _unwrap, normalize_custom_objects
from .converters import as_integer
from .functions import (
    REGISTRY,
    FunctionSpec,
    RFunction,
    _image_array,
    build_class,
    cached_files_only,
    choose_engine,
)
from .layers import layer_bidirectional, layer_time_distributed
from .named_list import NamedList


# -- converters of R's bodies ----------------------------------------------------------------
def _custom_objects(value, name: str):
    """R's `normalize_custom_objects()`: a dict of names to classes (r/classes.py)."""
    return normalize_custom_objects(value)


def _resolve_py_obj(value, name: str):
    """R's `resolve_py_obj()`: a `Layer()` constructor or `layer_*()` function stands for
    its Keras class."""
    return _unwrap(value)


def as_sequence_lists(value, name: str):
    """R's `lapply(x, as.list)`: each sequence as a list (a matrix: each row); one number is
    a sequence of one."""
    if value is None:
        return None
    if isinstance(value, np.ndarray) and value.ndim >= 2:
        return [row.tolist() for row in value]
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise TypeError(f"`{name}` must be a list of sequences (R's list of vectors); "
                        f"received {type(value).__name__}.")
    out = []
    for item in value:
        if isinstance(item, np.ndarray):
            out.append(item.tolist())
        elif isinstance(item, (list, tuple, range)):
            out.append(list(item))
        else:
            out.append([item])
    return out


def as_size_or_fraction(value, name: str):
    """R's `ifelse(x < 1, x, as_integer(x))`: below 1, a fraction; else a number of samples
    (whole: `100.0` is 100, while 2.5 is an error here, where R would truncate)."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and value < 1:
        return float(value)
    return as_integer(value, name)


def as_double_array(value, name: str):
    """R data (numbers, `c()` vectors, nested lists) as a float64 NumPy array: R's numbers
    are doubles, which reticulate gives Python as float64. Anything else as it is."""
    if isinstance(value, (numbers.Real, tuple, list, range)) and not isinstance(value, bool):
        array = np.asarray(value)
        return array.astype("float64") if array.dtype.kind in "iub" else array
    return value


UTILITY_CONVERTERS = {
    **API_CONVERTERS,
    "normalize_custom_objects": _custom_objects,
    "resolve_py_obj": _resolve_py_obj,
    "keras_array": as_py_array,  # R's keras_array(): R numbers as floatx arrays
    "as_sequence_lists": as_sequence_lists,
    "as_size_or_fraction": as_size_or_fraction,
    "as_double_array": as_double_array,
}

VALUES = {
    "utility": "`keras.{target}(...)` of the arguments.",
    "class": "the Keras object `keras.{target}(...)` (Keras only: under the \"numpy\" "
             "engine, a CoreLacksError).",
    "download": (
        "the local path of the file, from Keras's cache or downloaded by "
        "`keras.{target}()`. Without a network (or with RSTYLE_KERAS_OFFLINE set), a file not "
        "in the cache is a FileNotFoundError naming it, where to put it and its origin "
        "(`file://` origins are always read)."),
    "save_image": "`x` (invisibly in R), after `keras.{target}(path, x, ...)` wrote the file.",
    "image_to_array": (
        "the image as a NumPy array, by `keras.{target}()`; R's dtype NULL or \"double\" is "
        "\"float64\", \"integer\" is \"int32\"."),
    "imagenet_preprocess_input": (
        "the images preprocessed by `keras.{target}()`; `x` is copied first (Keras works in "
        "place, and R never changes the caller's array)."),
    "imagenet_decode_predictions": (
        "for each sample, the `top` ImageNet classes as a NamedList of columns class_name, "
        "class_description, score (R's data frame), by `keras.{target}()`; the class index "
        "file is read from Keras's cache only."),
}


class UtilitySpec(FunctionSpec):
    """A row of `api_tables.UTILITIES`: the generic spec, with R's converters of these
    bodies and their own documentation."""

    converter_registry = UTILITY_CONVERTERS

    def doc(self) -> str:
        return "\n".join([
            f"R keras3's `{self.r_name}()`.",
            "",
            "Arguments (R's names, order and defaults; `<required>` has no default; only the",
            "arguments a call names are passed on, as R keras3 does):",
            *self.argument_lines(),
            "",
            "Value: " + VALUES[self.kind].format(target=self.target_path(0)),
            "",
            keras_adapter.keras_doc(DOC_PATHS.get(self.target, self.target)),
        ])


# keras_doc() reads a name without a dot as a layer class's: keras.Variable's own path.
DOC_PATHS = {"Variable": "src.backend.Variable"}


# -- the builders of the table's kinds -------------------------------------------------------
def build_utility(spec: FunctionSpec, given: dict):
    """Keras's helper, whatever the engine setting; a core object among the arguments goes
    to the core's function of that name (the core has none: a CoreLacksError)."""
    engine, decider = choose_engine(given)
    if engine == "numpy" and decider is not None:
        if spec.core_function is None:
            raise core_lacks(spec.r_name, decider)
        return spec.core_function(**spec.arguments(given))
    return spec.keras_target()(**spec.arguments(given))


def build_download(spec: FunctionSpec, given: dict):
    from .datasets import offline, require_cached

    args = spec.arguments(given)
    origin = args.get("origin")
    fname = args.get("fname")
    if origin is None and fname is None:
        raise TypeError("get_file(): give `origin` (the URL) and, if you like, `fname`.")
    local = isinstance(origin, str) and origin.startswith("file:")
    if offline() and not local:
        if args.get("force_download"):
            raise FileNotFoundError(
                f"get_file(): `force_download=True` needs a network; RSTYLE_KERAS_OFFLINE "
                f"is set, so {origin!r} is not downloaded.")
        if args.get("cache_dir") is None:
            require_cached(fname, origin, args.get("cache_subdir", "datasets"),
                           file_hash=args.get("file_hash"), extract=bool(args.get("extract")))
    return spec.keras_target()(**args)


def build_save_image(spec: FunctionSpec, given: dict):
    args = spec.arguments(given)
    spec.keras_target()(**args)
    return given["x"]


_R_DTYPES = {None: "float64", "double": "float64", "integer": "int32"}


def build_image_to_array(spec: FunctionSpec, given: dict):
    args = spec.arguments(given)
    dtype = args.get("dtype")
    args["dtype"] = _R_DTYPES.get(dtype, dtype) if isinstance(dtype, (str, type(None))) \
        else dtype
    return spec.keras_target()(**args)


def build_imagenet_preprocess_input(spec: FunctionSpec, given: dict):
    args = spec.arguments(given)
    args["x"] = _image_array(args["x"])
    return spec.keras_target()(**args)


def build_imagenet_decode_predictions(spec: FunctionSpec, given: dict):
    args = spec.arguments(given)
    args.setdefault("top", 5)
    with cached_files_only():
        decoded = spec.keras_target()(**args)
    return [NamedList(class_name=[str(row[0]) for row in sample],
                      class_description=[str(row[1]) for row in sample],
                      score=[float(row[2]) for row in sample])
            for sample in decoded]


BUILDERS = {
    "utility": build_utility, "class": build_class, "download": build_download,
    "save_image": build_save_image, "image_to_array": build_image_to_array,
    "imagenet_preprocess_input": build_imagenet_preprocess_input,
    "imagenet_decode_predictions": build_imagenet_decode_predictions,
}


def _make(rows) -> dict:
    made = {}
    for row in rows:
        spec = UtilitySpec(*row)
        made[spec.r_name] = REGISTRY[spec.r_name] = RFunction(spec, BUILDERS[spec.kind],
                                                              __name__)
    return made


FUNCTIONS = _make(UTILITIES)
globals().update(FUNCTIONS)

# The serialization rows (serialize_keras_object(), ...) are exported from here too; the
# hand-written custom object functions are in r/serialization.py.
__all__ = [
    *sorted(FUNCTIONS), "adapt", "bidirectional", "export_savedmodel", "get_state_tree",
    "get_vocabulary", "quantize_weights", "reset_state", "set_random_seed", "set_state_tree",
    "set_vocabulary", "time_distributed", "zip_lists",
]

# R: `bidirectional <- layer_bidirectional`, `time_distributed <- layer_time_distributed`
bidirectional = layer_bidirectional
time_distributed = layer_time_distributed


# -- methods of layers and models, with R's arguments --------------------------------------
def _method(object, method: str, r_name: str, what: str):
    """`object.<method>`, or an error naming `object`: a core object (the core lacks it)
    or one without the method."""
    if engine_of(object) == "numpy" and not hasattr(object, method):
        raise core_lacks(r_name, object)
    found = getattr(object, method, None)
    if not callable(found):
        raise TypeError(f"{r_name}(): `object` must be {what}; received "
                        f"{type(object).__name__}, which has no `{method}()` method.")
    return found


def _is_data(value) -> bool:
    return isinstance(value, (numbers.Number, list, tuple, range, np.ndarray))


def adapt(object, data, *, batch_size=None, steps=None, **kwargs):
    """Fit a preprocessing layer's state to data (R keras3's `adapt()`).

    Arguments:
        object: a preprocessing layer with an `adapt()` method (`layer_normalization()`,
            `layer_text_vectorization()`, `layer_string_lookup()`, ...).
        data: the data: R data (numbers become floatx arrays, as R's `keras_array()`), a
            NumPy array, a tensor or a `tf.data` dataset.
        batch_size: the batch size (a whole number); only where the layer takes it.
        steps: the number of batches to draw (a whole number); only where it takes it.
        **kwargs: R's `...`: more arguments of the layer's `adapt()`.

    Value: `object`, adapted (R returns it invisibly).

    Examples:
        >>> from rstyle_keras.r.utilities import adapt
        >>> config_set_engine("keras")
        >>> layer = adapt(layer_normalization(axis=-1), [[1.0], [3.0]])
        >>> np.asarray(layer.mean).tolist(), np.asarray(layer.variance).tolist()
        ([[2.0]], [[1.0]])
        >>> config_set_engine("numpy")
    """
    method = _method(object, "adapt", "adapt", "a preprocessing layer")
    if _is_data(data) and not isinstance(data, np.ndarray):
        data = as_py_array(data, "data")
    # R converts `step` (its own typo) and so leaves `steps = 2` a double: both are
    # converted here.
    for name, value in (("batch_size", batch_size), ("steps", steps)):
        if value is not None:
            kwargs[name] = as_integer(value, name)
    method(data, **kwargs)
    return object


def export_savedmodel(object, export_dir_base, *, format="tf_saved_model", verbose=None,
                      input_signature=None, **kwargs):
    """Export a Keras model as an inference artifact (R keras3's `export_savedmodel()` method
    for Keras models, over `model.export()`).

    Arguments:
        object: a Keras model.
        export_dir_base: the path to write the artifact to.
        format: "tf_saved_model" (needs TensorFlow) or "onnx" (needs onnx); always passed.
        verbose: whether to print the exported variables; None for Keras's default.
        input_signature: the inputs' specs; None to infer them.
        **kwargs: R's `...`: more arguments of `export()` (`is_static`, `jax2tf_kwargs`).

    Value: `object` (R returns it invisibly).

    Examples:
        >>> from rstyle_keras.r.utilities import export_savedmodel
        >>> export_savedmodel(object(), "artifact")
        Traceback (most recent call last):
        ...
        TypeError: export_savedmodel(): `object` must be a Keras model; received object, ...
    """
    method = _method(object, "export", "export_savedmodel", "a Keras model")
    if verbose is not None:
        kwargs["verbose"] = verbose
    if input_signature is not None:
        kwargs["input_signature"] = input_signature
    method(export_dir_base, format=format, **kwargs)
    return object


_STATE_FORMATS = {"r_array": "numpy_array", "array": "numpy_array"}


def get_state_tree(object, value_format="backend_tensor"):
    """A model's state (its variables) as a nested dict (R keras3's `get_state_tree()`).

    Arguments:
        object: a Keras model.
        value_format: "backend_tensor" (the backend's tensors), "numpy_array", or R's
            "r_array" / "array" (NumPy arrays here: Python's arrays).

    Value: a dict of dicts (R's named list): "trainable_variables",
    "non_trainable_variables", "optimizer_variables", "metrics_variables", as Keras's
    `get_state_tree()`.

    Examples:
        >>> from rstyle_keras.r.utilities import get_state_tree
        >>> config_set_engine("keras")
        >>> model = (keras_model_sequential(input_shape=c(2), name="m")
        ...          | layer_dense(units=1, name="d"))
        >>> model = compile(model, optimizer="sgd", loss="mse")
        >>> tree = get_state_tree(model, "array")
        >>> sorted(tree["trainable_variables"]["m"]["d"])
        ['bias', 'kernel']
        >>> config_set_engine("numpy")
    """
    if not isinstance(value_format, str):
        raise TypeError(f"get_state_tree(): `value_format` must be a string; received "
                        f"{type(value_format).__name__}.")
    method = _method(object, "get_state_tree", "get_state_tree", "a Keras model")
    return method(_STATE_FORMATS.get(value_format, value_format))


def set_state_tree(object, state_tree):
    """Assign a model's state from a nested dict as `get_state_tree()` returns (R keras3's
    `set_state_tree()`).

    Arguments:
        object: a Keras model.
        state_tree: a dict of dicts of arrays or tensors (R's named list).

    Value: None (R's NULL: it is called for its effect on `object`).

    Examples:
        >>> from rstyle_keras.r.utilities import get_state_tree, set_state_tree
        >>> config_set_engine("keras")
        >>> model = (keras_model_sequential(input_shape=c(2), name="m")
        ...          | layer_dense(units=1, name="d"))
        >>> model = compile(model, optimizer="sgd", loss="mse")
        >>> tree = get_state_tree(model, "numpy_array")
        >>> tree["trainable_variables"]["m"]["d"]["bias"][:] = 5
        >>> set_state_tree(model, tree)
        >>> float(model.layers[0].bias[0])
        5.0
        >>> config_set_engine("numpy")
    """
    _method(object, "set_state_tree", "set_state_tree", "a Keras model")(state_tree)


def get_vocabulary(object, include_special_tokens=True):
    """The vocabulary of a lookup or text vectorization layer (R keras3's
    `get_vocabulary()`).

    Arguments:
        object: `layer_string_lookup()`, `layer_integer_lookup()`,
            `layer_text_vectorization()`, ...
        include_special_tokens: whether to include the padding and OOV tokens.

    Value: the vocabulary, a list of plain Python values (strings or integers; Keras's NumPy
    scalars converted, as R converts them to R's).

    Examples:
        `get_vocabulary(layer_string_lookup(vocabulary = c("a", "b")))` is
        `list("[UNK]", "a", "b")`; Keras's lookup layers need TensorFlow, so here a stand-in:

        >>> from rstyle_keras.r.utilities import get_vocabulary
        >>> class Lookup:
        ...     def get_vocabulary(self, include_special_tokens=True):
        ...         return ["[UNK]", "a"] if include_special_tokens else ["a"]
        >>> get_vocabulary(Lookup(), include_special_tokens=False)
        ['a']
    """
    method = _method(object, "get_vocabulary", "get_vocabulary", "a lookup layer")
    vocabulary = method(include_special_tokens=include_special_tokens)
    # Keras mixes str and NumPy scalars (np.str_); R has one kind of string: plain values
    return [token.item() if isinstance(token, np.generic) else token for token in vocabulary]


def set_vocabulary(object, vocabulary, idf_weights=None, **kwargs):
    """Set the vocabulary of a lookup or text vectorization layer (R keras3's
    `set_vocabulary()`).

    Arguments:
        object: `layer_string_lookup()`, `layer_integer_lookup()`,
            `layer_text_vectorization()`, ...
        vocabulary: the tokens (a list or `c()` vector), or the path of a text file.
        idf_weights: the inverse document frequency weights ("tf_idf" output mode only);
            None when not given.
        **kwargs: R's `...`: more arguments of the layer's `set_vocabulary()`.

    Value: `object` (R returns it invisibly).

    Examples:
        `layer_string_lookup() |> set_vocabulary(c("x", "y"))`; Keras's lookup layers need
        TensorFlow, so here a stand-in:

        >>> from rstyle_keras.r.utilities import set_vocabulary
        >>> class Lookup:
        ...     def set_vocabulary(self, vocabulary, idf_weights=None):
        ...         self.vocabulary = vocabulary
        >>> set_vocabulary(Lookup(), c("x", "y")).vocabulary
        ['x', 'y']
    """
    method = _method(object, "set_vocabulary", "set_vocabulary", "a lookup layer")
    if isinstance(vocabulary, tuple):
        vocabulary = list(vocabulary)  # an R vector
    if idf_weights is not None:
        kwargs["idf_weights"] = idf_weights
    method(vocabulary, **kwargs)
    return object


def quantize_weights(object, mode, **kwargs):
    """Quantize a model's or layer's weights (R keras3's `quantize_weights()`, over Keras's
    `quantize()`).

    Arguments:
        object: a Keras model or layer.
        mode: the quantization mode: "int8", "float8", "int4", "gptq", ... (as the
            installed Keras supports).
        **kwargs: R's `...`: more arguments of `quantize()` (`type_check`, `config`).

    Value: None (R's NULL: `object` is quantized in place).

    Examples:
        >>> from rstyle_keras.r.utilities import quantize_weights
        >>> config_set_engine("keras")
        >>> model = keras_model_sequential(input_shape=c(4)) | layer_dense(units=2)
        >>> quantize_weights(model, "int8")
        >>> model.layers[0].kernel.dtype
        'int8'
        >>> config_set_engine("numpy")
    """
    if not isinstance(mode, str):
        raise TypeError(f"quantize_weights(): `mode` must be a string such as \"int8\"; "
                        f"received {type(mode).__name__}.")
    _method(object, "quantize", "quantize_weights", "a Keras model or layer")(mode, **kwargs)


def reset_state(object):
    """Reset the state of a metric, a stateful RNN layer or a model's metrics (R keras3's
    `reset_state()`).

    Arguments:
        object: a Keras metric, layer or model with a `reset_state()` method.

    Value: `object` (R returns it invisibly).

    Examples:
        >>> from rstyle_keras.r.utilities import reset_state
        >>> from rstyle_keras.dispatch import keras
        >>> metric = keras().metrics.Mean()
        >>> metric.update_state([1.0, 3.0])
        >>> float(reset_state(metric).result())
        0.0
    """
    _method(object, "reset_state", "reset_state", "a metric, layer or model")()
    return object


def set_random_seed(seed):
    """Seed every random number generator a program uses (R keras3's `set_random_seed()`).

    R keras3 seeds R's generator, Python's and NumPy's, and Keras's backend, and turns off
    Python's hash randomization (for new processes). Here: Python's `random`, NumPy's global
    generator, the NumPy core's generator (its `random_*()` and weight initializers without
    a seed), Keras's (`keras.utils.set_random_seed()`), and PYTHONHASHSEED.

    Arguments:
        seed: a whole number (`42` or `42.0`).

    Value: None.

    Examples:
        >>> from rstyle_keras.r.utilities import set_random_seed
        >>> import random
        >>> set_random_seed(42.0); a = random.random()
        >>> set_random_seed(42); a == random.random()
        True
        >>> set_random_seed("42")
        Traceback (most recent call last):
        ...
        TypeError: set_random_seed(): `seed` must be a whole number; received str '42'.
    """
    converted = as_integer(seed, "seed")
    if not isinstance(converted, int) or isinstance(converted, bool):
        raise TypeError(f"set_random_seed(): `seed` must be a whole number; received "
                        f"{type(seed).__name__} {seed!r}.")
    from ..core.ops import random as core_random

    random.seed(converted)
    np.random.seed(converted)
    core_random._unseeded = np.random.default_rng(converted)
    os.environ["PYTHONHASHSEED"] = str(converted)
    keras().utils.set_random_seed(converted)


def _names(item):
    return list(item.keys()) if isinstance(item, Mapping) else None


def zip_lists(*args, **kwargs):
    """Zip lists together: the i-th items of all of them, for each i (R keras3's
    `zip_lists()`).

    Arguments:
        *args, **kwargs: R's `...`: the lists to zip, unnamed or named (a name names that
            list's items in each group). One list alone is the list of the lists to zip.
            Lists that are dicts (R's named lists) are matched by name, in the first one's
            order; their names must be the same.

    Value: a list of groups (each a list, or a NamedList when the lists were named); when
    the lists are dicts, a NamedList of the groups, by their names.

    Examples:
        >>> from rstyle_keras.r.utilities import zip_lists
        >>> zip_lists(["g1", "g2"], ["w1", "w2"])
        [['g1', 'w1'], ['g2', 'w2']]
        >>> zip_lists({"a": 1, "b": 2}, {"b": 20, "a": 10})
        NamedList(a=[1, 10], b=[2, 20])
        >>> zip_lists({"a": 1}, {"b": 2})
        Traceback (most recent call last):
        ...
        ValueError: zip_lists(): the names of all the lists must be the same (['a'] and ['b']); ...
    """
    if args and kwargs:
        raise TypeError("zip_lists(): give the lists all unnamed or all named.")
    if kwargs:
        group_names, lists = list(kwargs), list(kwargs.values())
    elif len(args) == 1:
        only = args[0]
        group_names = _names(only)
        lists = list(only.values()) if group_names is not None else list(only)
    else:
        group_names, lists = None, list(args)
    if not lists:
        return []
    names = _names(lists[0])
    if names is not None and not all(isinstance(n, str) and n for n in names):
        raise ValueError(f"zip_lists(): `...`: the names of the first list must be non-empty "
                         f"strings; received {names}. Give plain lists for positional "
                         f"matching.")
    columns = []
    for item in lists:
        if _names(item) != names:
            if names is None or _names(item) is None or set(_names(item)) != set(names):
                raise ValueError(
                    f"zip_lists(): the names of all the lists must be the same ({names} and "
                    f"{_names(item)}); give plain lists (R's unname()) for positional "
                    f"matching.")
        columns.append([item[n] for n in names] if names is not None else list(item))
    lengths = {len(col) for col in columns}
    if len(lengths) > 1:
        raise ValueError(f"zip_lists(): the lists must have the same length; received "
                         f"lengths {[len(col) for col in columns]}.")
    groups = [NamedList(zip(group_names, group)) if group_names is not None else list(group)
              for group in zip(*columns)]
    return NamedList(zip(names, groups)) if names is not None else groups
