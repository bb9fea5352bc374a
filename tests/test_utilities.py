"""R keras3's utility functions (`rstyle_keras.r.utilities`, `rstyle_keras.r.serialization`).

1. The 36 names: all exported, each covered by a test below (a guard).
2. The table's rows (`api_tables.UTILITIES`): R's signatures, Keras targets that exist,
   R's defaults equal to Keras's but for the listed differences.
3. Each row against the Keras call it stands for: the Keras function is replaced by a
   recorder, the R function called with R-style arguments (whole floats, `c()` sizes,
   1-based axes, R's lists), and what Keras receives compared with what R keras3 gives it.
   The tf.data functions (`*_dataset_from_directory()`, `timeseries_dataset_from_array()`,
   `split_dataset()`) are tested this way only: TensorFlow is not installed here.
4. Real calls where Keras needs neither TensorFlow, PIL nor a network: pad_sequences(),
   normalize(), get_file() from a file:// origin, the seeds, the serialization round trips
   of a custom layer, the methods of layers and models.
5. Errors name the argument.
"""

import inspect
import os
import random

os.environ.setdefault("KERAS_BACKEND", "jax")  # before Keras is first imported

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import rstyle_keras  # noqa: E402
from rstyle_keras import c, config_engine, config_set_engine  # noqa: E402
from rstyle_keras.core.ops import random as core_random  # noqa: E402
from rstyle_keras.engine import CoreLacksError  # noqa: E402
from rstyle_keras.r import api_tables, functions, serialization, utilities  # noqa: E402
from rstyle_keras.r.named_list import NamedList  # noqa: E402

# R keras3's names of issue 11, verbatim.
R_NAMES = """
adapt audio_dataset_from_directory bidirectional deserialize_keras_object export_savedmodel
get_custom_objects get_file get_registered_name get_registered_object get_source_inputs
get_state_tree get_vocabulary image_array_save image_dataset_from_directory image_from_array
image_load image_smart_resize image_to_array imagenet_decode_predictions
imagenet_preprocess_input keras_variable normalize pad_sequences quantize_weights reset_state
serialize_keras_object set_custom_objects set_random_seed set_state_tree set_vocabulary
split_dataset text_dataset_from_directory time_distributed timeseries_dataset_from_array
with_custom_object_scope zip_lists
""".split()

TABLE = {row[0]: row for row in api_tables.UTILITIES}
SPECS = {name: utilities.FUNCTIONS[name].spec for name in TABLE}


def same(a, b) -> bool:
    """Equal values, arrays by dtype and contents, containers item by item."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)
                and a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))
    return type(a) is type(b) and a == b


# -- 1. the names ---------------------------------------------------------------------------
def test_the_36_names_are_exported_and_callable():
    assert len(R_NAMES) == len(set(R_NAMES)) == 36
    for name in R_NAMES:
        assert name in rstyle_keras.__all__, name
        assert callable(getattr(rstyle_keras, name)), name


def test_every_name_has_a_test():
    tested = {case[0] for case in KERAS_CALLS} | HAND_TESTED
    assert sorted(tested) == sorted(R_NAMES)
    assert set(TABLE) <= {case[0] for case in KERAS_CALLS}


def test_bidirectional_and_time_distributed_are_the_layer_functions():
    # R: `bidirectional <- layer_bidirectional`, `time_distributed <- layer_time_distributed`
    assert rstyle_keras.bidirectional is rstyle_keras.layer_bidirectional
    assert rstyle_keras.time_distributed is rstyle_keras.layer_time_distributed


# -- 2. the table ---------------------------------------------------------------------------
def test_every_row_has_a_known_kind_and_converter():
    for name, _target, kind, _params, converters, forced in api_tables.UTILITIES:
        assert kind in utilities.BUILDERS, name
        assert set(converters) <= SPECS[name].names, name
        assert all(conv in utilities.UTILITY_CONVERTERS for conv in converters.values()), name
        assert not forced


@pytest.mark.parametrize("name", sorted(TABLE))
def test_every_keras_target_exists(name):
    assert callable(rstyle_keras.keras_adapter.keras_object(SPECS[name].target))


@pytest.mark.parametrize("name", sorted(TABLE))
def test_help_shows_r_arguments_and_keras_docstring(name):
    text = getattr(rstyle_keras, name).__doc__
    assert text.startswith(f"R keras3's `{name}()`.")
    assert f"Keras {keras.__version__}'s documentation of" in text


SIGNATURES = {
    "get_file": (
        "(fname=None, origin=None, *, file_hash=None, cache_subdir='datasets', "
        "hash_algorithm='auto', extract=False, archive_format='auto', cache_dir=None, "
        "force_download=False, **kwargs)"),
    "pad_sequences": (
        "(sequences, maxlen=None, dtype='int32', padding='pre', truncating='pre', value=0)"),
    "image_dataset_from_directory": (
        "(directory, labels='inferred', label_mode='int', class_names=None, color_mode='rgb', "
        "batch_size=32, image_size=(256, 256), shuffle=True, seed=None, "
        "validation_split=None, subset=None, interpolation='bilinear', follow_links=False, "
        "crop_to_aspect_ratio=False, pad_to_aspect_ratio=False, data_format=None, "
        "verbose=True)"),
    "normalize": "(x, axis=-1, order=2)",
    "get_custom_objects": "()",
    "keras_variable": (
        "(initializer, shape=None, dtype=None, trainable=True, autocast=True, "
        "aggregation='none', synchronization='auto', name=None, **kwargs)"),
    "imagenet_decode_predictions": "(preds, top=5)",
}


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signature_is_r_formals(name):
    assert str(inspect.signature(getattr(rstyle_keras, name))) == SIGNATURES[name]


# R's defaults that are not Keras's: (R's, Keras's). Keras gets only what a call names, so
# Keras's apply.
R_KERAS_DIFFERENCES = {
    ("pad_sequences", "value"): (0, 0.0),  # equal numbers; R's is a double
}
# R formals that the Keras function lacks (none) and Keras arguments R does not offer:
# `format` ("tf" or "grain") of the dataset functions (R's have no `...`: always "tf").
KERAS_ONLY = {"format", "untar", "md5_hash", "preferred_backend", "kwargs",
              "layout"}  # keras.Variable's `layout` (distribution): R passes it in `...`
# R formals that reach Keras through its **kwargs (Keras 3.15 dropped them from the
# signature: smart_resize's `backend_module` is an old argument it still accepts).
R_IN_KERAS_KWARGS = {("image_smart_resize", "backend_module")}


@pytest.mark.parametrize("name", sorted(TABLE))
def test_r_defaults_are_keras_defaults(name):
    spec = SPECS[name]
    keras_params = inspect.signature(rstyle_keras.keras_adapter.keras_object(spec.target))
    keras_params = keras_params.parameters
    for arg, source in spec.defaults_source.items():
        if (name, arg) in R_IN_KERAS_KWARGS:
            assert "kwargs" in keras_params
            continue
        assert arg in keras_params, (name, arg)
        if source is None:
            continue
        r_default, keras_default = spec.default(arg), keras_params[arg].default
        if (name, arg) in R_KERAS_DIFFERENCES:
            assert (r_default, keras_default) == R_KERAS_DIFFERENCES[(name, arg)]
        else:
            assert same(r_default, keras_default) or r_default == keras_default, (name, arg)
    assert set(keras_params) - spec.names - {"self"} <= KERAS_ONLY, name


# -- 3. each row against its Keras call ---------------------------------------------------
class Recorder:
    def __init__(self, result=None):
        self.calls, self.result = [], result

    def __call__(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        return self.result


LAYER_TWICE = rstyle_keras.new_layer_class("UtilTwice", call=lambda self, x: x * 2)


def _my_activation(x):
    return x


DATASET = object()  # what split_dataset() passes on untouched
IMAGE = np.zeros((2, 2, 3), dtype="float32")

# (R name, args, kwargs, the Keras path replaced, the keyword arguments Keras must receive)
KERAS_CALLS = [
    ("audio_dataset_from_directory", ("audio",),
     {"batch_size": 16.0, "seed": 1.0, "output_sequence_length": 16000, "ragged": False},
     "utils.audio_dataset_from_directory",
     {"directory": "audio", "batch_size": 16, "seed": 1, "output_sequence_length": 16000,
      "ragged": False}),
    ("image_dataset_from_directory", ("images",),
     {"image_size": c(64.0, 32.0), "batch_size": 8.0, "label_mode": "categorical"},
     "utils.image_dataset_from_directory",
     {"directory": "images", "image_size": (64, 32), "batch_size": 8,
      "label_mode": "categorical"}),
    # R's positional order: directory, labels, label_mode, class_names, batch_size
    ("text_dataset_from_directory", ("texts", "inferred", "binary", None, 4.0), {},
     "utils.text_dataset_from_directory",
     {"directory": "texts", "labels": "inferred", "label_mode": "binary", "class_names": None,
      "batch_size": 4}),
    ("text_dataset_from_directory", ("texts",), {"labels": [0.0, 1.0], "max_length": 10},
     "utils.text_dataset_from_directory",
     {"directory": "texts", "labels": [0, 1], "max_length": 10}),
    ("timeseries_dataset_from_array", ([[1, 2], [3, 4], [5, 6]], None, 2.0),
     {"batch_size": 1.0, "start_index": 0.0, "sampling_rate": 1.0},
     "utils.timeseries_dataset_from_array",
     {"data": np.array([[1, 2], [3, 4], [5, 6]], "float32"), "targets": None,
      "sequence_length": 2, "batch_size": 1, "start_index": 0, "sampling_rate": 1}),
    ("timeseries_dataset_from_array", (c(1, 2, 3), c(0, 1, 0)), {"sequence_length": 1},
     "utils.timeseries_dataset_from_array",
     {"data": np.array([1, 2, 3], "float32"), "targets": np.array([0, 1, 0], "float32"),
      "sequence_length": 1}),
    ("split_dataset", (DATASET,), {"left_size": 0.8, "seed": 3.0},
     "utils.split_dataset", {"dataset": DATASET, "left_size": 0.8, "seed": 3}),
    ("split_dataset", (DATASET, 3.0, 2), {"shuffle": True},
     "utils.split_dataset",
     {"dataset": DATASET, "left_size": 3, "right_size": 2, "shuffle": True}),
    ("deserialize_keras_object", ({"class_name": "UtilTwice"},),
     {"custom_objects": [LAYER_TWICE], "safe_mode": False},
     "saving.deserialize_keras_object",
     {"config": {"class_name": "UtilTwice"},
      "custom_objects": {"UtilTwice": LAYER_TWICE.keras_class}, "safe_mode": False}),
    ("get_registered_object", ("MyAct",),
     {"custom_objects": {"MyAct": _my_activation}, "module_objects": [_my_activation]},
     "saving.get_registered_object",
     {"name": "MyAct", "custom_objects": {"MyAct": _my_activation},
      "module_objects": {"_my_activation": _my_activation}}),
    ("get_registered_name", (LAYER_TWICE,), {}, "saving.get_registered_name",
     {"obj": LAYER_TWICE.keras_class}),
    ("get_custom_objects", (), {}, "saving.get_custom_objects", {}),
    ("get_source_inputs", ("a tensor",), {}, "utils.get_source_inputs",
     {"tensor": "a tensor"}),
    ("serialize_keras_object", (_my_activation,), {}, "saving.serialize_keras_object",
     {"obj": _my_activation}),
    ("image_from_array", (IMAGE,), {"scale": False, "data_format": "channels_last"},
     "utils.array_to_img", {"x": IMAGE, "scale": False, "data_format": "channels_last"}),
    ("image_load", ("cat.png",), {"target_size": c(10.0, 20.0), "color_mode": "grayscale"},
     "utils.load_img",
     {"path": "cat.png", "target_size": (10, 20), "color_mode": "grayscale"}),
    ("image_load", ("cat.png", "rgb", [10.0, 20.0]), {},
     "utils.load_img", {"path": "cat.png", "color_mode": "rgb", "target_size": (10, 20)}),
    ("image_smart_resize", (IMAGE, c(8.0, 4.0)), {"interpolation": "nearest"},
     "preprocessing.image.smart_resize",
     {"x": IMAGE, "size": (8, 4), "interpolation": "nearest"}),
    # (a path no real call could write to: only the recorder may receive it)
    ("image_array_save", (IMAGE, "/no-such-dir/out.png"), {"scale": False, "quality": 90},
     "utils.save_img",
     {"x": IMAGE, "path": "/no-such-dir/out.png", "scale": False, "quality": 90}),
    # R: dtype NULL or "double" -> "float64", "integer" -> "int32", others as given
    ("image_to_array", ("an image",), {}, "utils.img_to_array",
     {"img": "an image", "dtype": "float64"}),
    ("image_to_array", ("an image", "channels_first", "integer"), {}, "utils.img_to_array",
     {"img": "an image", "data_format": "channels_first", "dtype": "int32"}),
    ("image_to_array", ("an image",), {"dtype": "float16"}, "utils.img_to_array",
     {"img": "an image", "dtype": "float16"}),
    ("imagenet_preprocess_input", (IMAGE,), {"mode": "torch"},
     "applications.imagenet_utils.preprocess_input", {"x": IMAGE, "mode": "torch"}),
    ("imagenet_preprocess_input", ([[[1.0, 2.0, 3.0]]],), {"data_format": "channels_last"},
     "applications.imagenet_utils.preprocess_input",
     {"x": np.array([[[1.0, 2.0, 3.0]]], "float32"), "data_format": "channels_last"}),
    ("imagenet_decode_predictions", ("preds", 2.0), {},
     "applications.imagenet_utils.decode_predictions", {"preds": "preds", "top": 2}),
    ("imagenet_decode_predictions", ("preds",), {},
     "applications.imagenet_utils.decode_predictions", {"preds": "preds", "top": 5}),
    ("keras_variable", ("zeros",), {"shape": c(2.0, 3.0), "dtype": "float32",
                                    "trainable": False},
     "Variable", {"initializer": "zeros", "shape": (2, 3), "dtype": "float32",
                  "trainable": False}),
    # R: axis 1-based (-1 stays the last), order as an integer, R's numbers as doubles
    ("normalize", (c(3, 4),), {"axis": 1, "order": 1.0}, "utils.normalize",
     {"x": np.array([3.0, 4.0]), "axis": 0, "order": 1}),
    ("normalize", ([[3, 4]],), {}, "utils.normalize", {"x": np.array([[3.0, 4.0]])}),
    # R: lapply(sequences, as.list): each sequence a list (an array: each row)
    ("pad_sequences", ([c(1, 2), c(3)],), {"maxlen": 3.0, "value": -1},
     "utils.pad_sequences", {"sequences": [[1, 2], [3]], "maxlen": 3, "value": -1}),
    ("pad_sequences", (np.array([[1, 2], [3, 4]]),), {"padding": "post"},
     "utils.pad_sequences", {"sequences": [[1, 2], [3, 4]], "padding": "post"}),
    ("get_file", ("f.txt", "https://example.com/f.txt"),
     {"cache_dir": "/somewhere", "file_hash": "abc", "extract": False},
     "utils.get_file",
     {"fname": "f.txt", "origin": "https://example.com/f.txt", "cache_dir": "/somewhere",
      "file_hash": "abc", "extract": False}),
]

# Keras results the builders read (decode_predictions: one sample's rows).
RESULTS = {"imagenet_decode_predictions": [[("n1", "cat", 0.75), ("n2", "dog", 0.25)]]}


@pytest.mark.parametrize("case", KERAS_CALLS, ids=[f"{c[0]}-{i}" for i, c in
                                                   enumerate(KERAS_CALLS)])
def test_each_row_gives_keras_what_r_keras3_does(case, monkeypatch, keras_engine):
    name, args, kwargs, path, expected = case
    recorder = Recorder(RESULTS.get(name, "result"))
    real = rstyle_keras.keras_adapter.keras_object  # cached: replace the look-up itself
    monkeypatch.setattr(rstyle_keras.keras_adapter, "keras_object",
                        lambda found: recorder if found == path else real(found))
    result = getattr(rstyle_keras, name)(*args, **kwargs)
    [(keras_args, keras_kwargs)] = recorder.calls
    assert keras_args == ()
    assert same(keras_kwargs, expected), keras_kwargs
    if name == "image_array_save":
        assert result is args[0]  # R: invisible(x)
    elif name == "imagenet_decode_predictions":
        assert result == [NamedList(class_name=["n1", "n2"], class_description=["cat", "dog"],
                                    score=[0.75, 0.25])]
    else:
        assert result == "result"
    if name == "imagenet_preprocess_input" and isinstance(args[0], np.ndarray):
        assert keras_kwargs["x"] is not args[0]  # a copy: Keras works in place


def test_utilities_use_keras_whatever_the_engine(monkeypatch):
    old = config_engine()
    config_set_engine("numpy")
    try:
        recorder = Recorder("padded")
        real = rstyle_keras.keras_adapter.keras_object
        monkeypatch.setattr(rstyle_keras.keras_adapter, "keras_object",
                            lambda found: recorder if found == "utils.pad_sequences"
                            else real(found))
        assert rstyle_keras.pad_sequences([[1]]) == "padded"
        # a core object chooses the core, which has no serializer of that name
        with pytest.raises(CoreLacksError, match="serialize_keras_object"):
            rstyle_keras.serialize_keras_object(
                rstyle_keras.layer_average_pooling_2d(pool_size=2))
        # keras_variable() makes a tensor: the engine rule, as op_*()
        with pytest.raises(CoreLacksError, match="keras_variable"):
            rstyle_keras.keras_variable(c(1, 2))
    finally:
        config_set_engine(old)


# -- 4. real calls --------------------------------------------------------------------------
def test_pad_sequences_is_keras_pad_sequences():
    seqs = [[1, 2, 3], [4], [5, 6]]
    got = rstyle_keras.pad_sequences([c(1, 2, 3), c(4), c(5, 6)], maxlen=2.0,
                                     truncating="post", value=9)
    want = keras.utils.pad_sequences(seqs, maxlen=2, truncating="post", value=9)
    assert same(got, want)


def test_normalize_is_keras_normalize_with_a_1_based_axis():
    x = [[3.0, 4.0], [6.0, 8.0]]
    for r_axis, axis in ((1, 0), (2, 1), (-1, -1)):
        got = rstyle_keras.normalize(x, axis=r_axis)
        assert same(got, keras.utils.normalize(np.array(x), axis=axis))


def test_get_file_reads_a_file_origin(tmp_path):
    source = tmp_path / "data.txt"
    source.write_text("hello")
    path = rstyle_keras.get_file("copy.txt", source.as_uri(), cache_dir=str(tmp_path / "k"),
                                 cache_subdir="here")
    assert path == keras.utils.get_file("copy.txt", source.as_uri(),
                                        cache_dir=str(tmp_path / "k"), cache_subdir="here")
    assert open(path).read() == "hello"


def test_get_file_offline_names_the_file_and_its_origin(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setenv("RSTYLE_KERAS_OFFLINE", "1")
    with pytest.raises(FileNotFoundError, match=r"missing\.zip[\s\S]*example\.com/missing"):
        rstyle_keras.get_file("missing.zip", "https://example.com/missing.zip")
    with pytest.raises(FileNotFoundError, match="force_download"):
        rstyle_keras.get_file("x", "https://example.com/x", force_download=True)


def test_set_random_seed_seeds_python_numpy_the_core_and_keras(monkeypatch):
    monkeypatch.setenv("PYTHONHASHSEED", "0")  # restored after the test
    def draws():
        return (random.random(), np.random.rand(), core_random.random_uniform(c(2)).numpy()
                .tolist(), np.asarray(keras.random.uniform((2,))).tolist())

    rstyle_keras.set_random_seed(7)
    first = draws()
    rstyle_keras.set_random_seed(7.0)
    assert draws() == first
    rstyle_keras.set_random_seed(8)
    assert all(a != b for a, b in zip(draws(), first))
    assert os.environ["PYTHONHASHSEED"] == "8"


def test_zip_lists_as_r_keras3():
    g, w = ["g1", "g2", "g3"], ["w1", "w2", "w3"]
    assert rstyle_keras.zip_lists(g, w) == [[a, b] for a, b in zip(g, w)]
    assert rstyle_keras.zip_lists([g, w]) == rstyle_keras.zip_lists(g, w)  # one list of lists
    named = rstyle_keras.zip_lists(gradient=g, weight=w)
    assert [group.to_dict() for group in named] == [{"gradient": a, "weight": b}
                                                    for a, b in zip(g, w)]
    # named lists are matched by name, in the first one's order
    gn = {f"layer_{i}": v for i, v in enumerate(g, 1)}
    wn = {f"layer_{i}": v for i, v in enumerate(w, 1)}
    shuffled = {k: wn[k] for k in ("layer_3", "layer_1", "layer_2")}
    zipped = rstyle_keras.zip_lists(gn, shuffled)
    assert zipped.names() == ("layer_1", "layer_2", "layer_3")
    assert list(zipped) == [[gn[k], wn[k]] for k in gn]
    with pytest.raises(ValueError, match="names of all the lists must be the same"):
        rstyle_keras.zip_lists({f"gradient_{i}": v for i, v in enumerate(g, 1)}, wn)
    with pytest.raises(ValueError, match="same length"):
        rstyle_keras.zip_lists(g, w[:2])


# the serialization round trips of a custom layer
@pytest.fixture
def saved_custom_model(tmp_path, keras_engine):
    layer_scale = rstyle_keras.new_layer_class(
        "UtilScale", initialize=_scale_init, call=lambda self, x: x * self.factor,
        get_config=lambda self: {"factor": self.factor})
    model = rstyle_keras.keras_model_sequential(input_shape=c(3)) | layer_scale(factor=3.0)
    path = str(tmp_path / "scale.keras")
    rstyle_keras.save_model(model, path)
    return layer_scale, model, path


def _scale_init(self, factor=1.0, **kwargs):
    super().initialize(**kwargs)
    self.factor = factor


def _check_loaded(loaded, model):
    x = np.arange(6, dtype="float32").reshape(2, 3)
    assert type(loaded.layers[0]).__name__ == "UtilScale"
    assert np.allclose(np.asarray(loaded(x)), np.asarray(model(x)))
    assert np.allclose(np.asarray(loaded(x)), 3 * x)


def test_custom_layer_round_trip_with_custom_objects(saved_custom_model):
    layer_scale, model, path = saved_custom_model
    with pytest.raises(Exception, match="UtilScale"):
        rstyle_keras.load_model(path)
    _check_loaded(rstyle_keras.load_model(path, custom_objects=[layer_scale]), model)
    _check_loaded(rstyle_keras.load_model(path, custom_objects={"UtilScale": layer_scale}),
                  model)


def test_custom_layer_round_trip_with_custom_object_scope(saved_custom_model):
    layer_scale, model, path = saved_custom_model
    with rstyle_keras.with_custom_object_scope(layer_scale):
        _check_loaded(rstyle_keras.load_model(path), model)
    loaded = rstyle_keras.with_custom_object_scope(
        {"UtilScale": layer_scale}, lambda: rstyle_keras.load_model(path))
    _check_loaded(loaded, model)
    with pytest.raises(TypeError, match="`expr` must be a function"):
        rstyle_keras.with_custom_object_scope(layer_scale, 1)


def test_custom_layer_round_trip_with_set_custom_objects(saved_custom_model):
    layer_scale, model, path = saved_custom_model
    before = rstyle_keras.set_custom_objects([layer_scale], clear=False)
    try:
        registry = keras.saving.get_custom_objects()
        assert registry["UtilScale"] is layer_scale.keras_class
        assert rstyle_keras.get_registered_name(layer_scale) == "UtilScale"
        _check_loaded(rstyle_keras.load_model(path), model)
    finally:
        assert "UtilScale" in rstyle_keras.set_custom_objects(before)
    assert keras.saving.get_custom_objects() == before
    assert rstyle_keras.get_registered_name(layer_scale) == "UtilScale"  # its own name


def test_serialize_deserialize_round_trip(keras_engine):
    layer_scale = rstyle_keras.new_layer_class(
        "UtilScale2", initialize=_scale_init, call=lambda self, x: x * self.factor,
        get_config=lambda self: {"factor": self.factor})
    config = rstyle_keras.serialize_keras_object(layer_scale(factor=2.0))
    assert config == keras.saving.serialize_keras_object(layer_scale(factor=2.0))
    back = rstyle_keras.deserialize_keras_object(config, custom_objects=[layer_scale])
    assert isinstance(back, layer_scale.keras_class) and back.factor == 2.0
    dense = rstyle_keras.deserialize_keras_object(
        rstyle_keras.serialize_keras_object(keras.layers.Dense(3)))
    assert isinstance(dense, keras.layers.Dense) and dense.units == 3


def test_register_keras_serializable_and_the_registry(keras_engine):
    layer_id = rstyle_keras.new_layer_class("UtilId", call=lambda self, x: x)
    rstyle_keras.register_keras_serializable(layer_id, package="UtilTest")
    assert rstyle_keras.get_registered_name(layer_id) == "UtilTest>UtilId"
    assert rstyle_keras.get_registered_object("UtilTest>UtilId") is layer_id.keras_class
    assert "UtilTest>UtilId" in rstyle_keras.get_custom_objects()


# methods of layers and models
class Methods(Recorder):
    """A stand-in with the methods R's functions call (Keras's lookup layers need
    TensorFlow); it records each call."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)

        def method(*args, **kwargs):
            self.calls.append((name, args, kwargs))
            return self.result
        return method


METHOD_CALLS = [
    # (R name, args after object, kwargs, the method's call, what the R function returns)
    ("adapt", ([[1.0], [2.0]],), {"batch_size": 2.0, "steps": 3.0},
     ("adapt", (np.array([[1.0], [2.0]], "float32"),), {"batch_size": 2, "steps": 3}),
     "object"),
    ("adapt", (np.array([1, 2]),), {}, ("adapt", (np.array([1, 2]),), {}), "object"),
    ("get_vocabulary", (), {}, ("get_vocabulary", (), {"include_special_tokens": True}),
     "result"),
    ("get_vocabulary", (False,), {},
     ("get_vocabulary", (), {"include_special_tokens": False}), "result"),
    ("set_vocabulary", (c("a", "b"),), {},
     ("set_vocabulary", (["a", "b"],), {}), "object"),
    ("set_vocabulary", (["a"], [0.5]), {"extra": 1},
     ("set_vocabulary", (["a"],), {"idf_weights": [0.5], "extra": 1}), "object"),
    ("get_state_tree", (), {}, ("get_state_tree", ("backend_tensor",), {}), "result"),
    ("get_state_tree", ("r_array",), {}, ("get_state_tree", ("numpy_array",), {}), "result"),
    ("get_state_tree", ("array",), {}, ("get_state_tree", ("numpy_array",), {}), "result"),
    ("set_state_tree", ({"a": 1},), {}, ("set_state_tree", ({"a": 1},), {}), None),
    ("quantize_weights", ("int8",), {"type_check": False},
     ("quantize", ("int8",), {"type_check": False}), None),
    ("reset_state", (), {}, ("reset_state", (), {}), "object"),
    ("export_savedmodel", ("dir",), {},
     ("export", ("dir",), {"format": "tf_saved_model"}), "object"),
    ("export_savedmodel", ("dir",), {"format": "onnx", "verbose": True, "is_static": True},
     ("export", ("dir",), {"format": "onnx", "verbose": True, "is_static": True}), "object"),
]


@pytest.mark.parametrize("case", METHOD_CALLS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(METHOD_CALLS)])
def test_each_method_function_calls_the_method_as_r_keras3(case):
    name, args, kwargs, expected, returns = case
    obj = Methods(["result"])
    result = getattr(rstyle_keras, name)(obj, *args, **kwargs)
    [call] = obj.calls
    assert call[0] == expected[0] and same(call[1], expected[1]) and same(call[2], expected[2])
    if returns == "result":
        assert result == ["result"]
    else:
        assert result is {"object": obj, None: None}[returns]


def test_adapt_a_keras_normalization_layer(keras_engine):
    data = [[1.0, 10.0], [3.0, 30.0]]
    layer = rstyle_keras.adapt(rstyle_keras.layer_normalization(), data)
    want = keras.layers.Normalization()
    want.adapt(np.array(data, "float32"))
    assert np.allclose(np.asarray(layer.mean), np.asarray(want.mean))
    assert np.allclose(np.asarray(layer.variance), np.asarray(want.variance))


def test_state_tree_round_trip_and_quantize_and_reset(keras_engine):
    model = rstyle_keras.keras_model_sequential(input_shape=c(4), name="st") | \
        rstyle_keras.layer_dense(units=2, name="d")
    model = rstyle_keras.compile(model, optimizer="sgd", loss="mse")
    tree = rstyle_keras.get_state_tree(model, "array")
    assert same(tree["trainable_variables"]["st"]["d"]["kernel"],
                np.asarray(model.layers[0].kernel))
    tree["trainable_variables"]["st"]["d"]["bias"][:] = 4.0
    assert rstyle_keras.set_state_tree(model, tree) is None
    assert np.allclose(np.asarray(model.layers[0].bias), 4.0)
    rstyle_keras.quantize_weights(model, "int8")
    assert model.layers[0].kernel.dtype == "int8"
    metric = keras.metrics.Mean()
    metric.update_state([2.0])
    assert rstyle_keras.reset_state(metric) is metric and float(metric.result()) == 0.0


def test_get_source_inputs_and_keras_variable(keras_engine):
    inputs = rstyle_keras.keras_input(c(3))
    outputs = inputs | rstyle_keras.layer_dense(units=2)
    assert rstyle_keras.get_source_inputs(outputs) == keras.utils.get_source_inputs(outputs)
    assert rstyle_keras.get_source_inputs(outputs)[0] is inputs
    v = rstyle_keras.keras_variable("ones", shape=c(2.0, 3.0), trainable=False, name="v")
    assert isinstance(v, keras.Variable) and v.shape == (2, 3) and not v.trainable
    assert same(np.asarray(v), np.ones((2, 3), "float32"))


def test_get_vocabulary_gives_plain_values():
    obj = Methods([np.str_("[UNK]"), "a", np.int64(3)])
    vocabulary = rstyle_keras.get_vocabulary(obj)
    assert vocabulary == ["[UNK]", "a", 3]
    assert [type(t) for t in vocabulary] == [str, str, int]


# images: Keras's image functions need PIL (pillow: a dependency of matplotlib, which the
# tests require)
def test_image_round_trip_through_a_file_as_keras(tmp_path):
    x = np.arange(4 * 6 * 3, dtype="float64").reshape(4, 6, 3) * 3
    path = str(tmp_path / "x.png")
    assert rstyle_keras.image_array_save(x, path, scale=False) is x  # R: invisible(x)
    img = rstyle_keras.image_load(path, target_size=c(2.0, 3.0))
    want_img = keras.utils.load_img(path, target_size=(2, 3))
    assert img.size == want_img.size == (3, 2)
    arr = rstyle_keras.image_to_array(img)
    assert same(arr, keras.utils.img_to_array(want_img, dtype="float64"))  # R's "double"
    assert same(rstyle_keras.image_to_array(img, dtype="integer"),
                keras.utils.img_to_array(want_img, dtype="int32"))
    assert same(rstyle_keras.image_to_array(rstyle_keras.image_load(path)), x)
    back = rstyle_keras.image_from_array(x, scale=False)
    assert same(keras.utils.img_to_array(back, dtype="float64"), x)
    resized = rstyle_keras.image_smart_resize(x, c(2.0, 2.0))
    assert np.allclose(resized, keras.preprocessing.image.smart_resize(x, (2, 2)))


def test_imagenet_preprocess_input_is_keras_and_leaves_x_alone():
    x = np.random.default_rng(0).uniform(0, 255, (1, 2, 2, 3)).astype("float32")
    original = x.copy()
    for mode in ("caffe", "tf", "torch"):
        got = rstyle_keras.imagenet_preprocess_input(x, mode=mode)
        want = keras.applications.imagenet_utils.preprocess_input(x.copy(), mode=mode)
        assert same(np.asarray(got), np.asarray(want))
        assert same(x, original)


def test_imagenet_decode_predictions_reads_the_class_index_from_the_cache_only(
        tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setenv("RSTYLE_KERAS_OFFLINE", "1")
    with pytest.raises(FileNotFoundError, match="imagenet_class_index.json"):
        rstyle_keras.imagenet_decode_predictions(np.ones((1, 1000)) / 1000, top=2.0)


# -- 5. errors name the argument ------------------------------------------------------------
ERRORS = [
    (rstyle_keras.pad_sequences, ([[1]],), {"maxlen": 2.5}, TypeError, "maxlen"),
    (rstyle_keras.split_dataset, (DATASET,), {"left_size": 2.5}, TypeError, "left_size"),
    (rstyle_keras.pad_sequences, (5,), {}, TypeError, "sequences"),
    (rstyle_keras.set_random_seed, ("7",), {}, TypeError, "seed"),
    (rstyle_keras.set_random_seed, (1.5,), {}, TypeError, "seed"),
    (rstyle_keras.get_state_tree, (Methods(), 1), {}, TypeError, "value_format"),
    (rstyle_keras.quantize_weights, (Methods(), 8), {}, TypeError, "mode"),
    (rstyle_keras.export_savedmodel, (object(), "d"), {}, TypeError, "object"),
    (rstyle_keras.reset_state, (3,), {}, TypeError, "object"),
    (rstyle_keras.adapt, (None, [1.0]), {}, TypeError, "object"),
    (rstyle_keras.set_custom_objects, (None, "yes"), {}, TypeError, "clear"),
    (rstyle_keras.with_custom_object_scope, ({}, 3), {}, TypeError, "expr"),
    (rstyle_keras.zip_lists, ({"": 1}, {"": 2}), {}, ValueError, r"\.\.\."),
    (rstyle_keras.normalize, (), {}, TypeError, "x"),
    (rstyle_keras.image_load, (), {"path": "p", "size": 3}, TypeError, "size"),
    (rstyle_keras.get_file, (), {}, TypeError, "origin"),
]


@pytest.mark.parametrize("case", ERRORS, ids=[f"{c[0].__name__}-{i}" for i, c in
                                               enumerate(ERRORS)])
def test_errors_name_the_argument(case, keras_engine):
    fn, args, kwargs, error, argument = case
    with pytest.raises(error, match=f"`{argument}`|{argument}="):
        fn(*args, **kwargs)


HAND_TESTED = {
    "adapt", "bidirectional", "export_savedmodel", "get_state_tree", "get_vocabulary",
    "quantize_weights", "reset_state", "set_custom_objects", "set_random_seed",
    "set_state_tree", "set_vocabulary", "time_distributed", "with_custom_object_scope",
    "zip_lists",
}
assert {case[0] for case in METHOD_CALLS} <= HAND_TESTED
assert serialization.__all__ and functions.RFunction  # the modules tested here
