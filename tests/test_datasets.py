"""R keras3's datasets over Keras 3's real loaders, offline (issue 9, item 4).

* Each `dataset_*()` runs Keras's own loader on small files this module writes into a
  temporary Keras cache, and returns R keras3's structure (`train`/`test`, each `x`/`y`),
  read both ways: `(x_train, y_train), (x_test, y_test) = d` and `d.train.x`.
* R's conversions reach Keras as Python ints (whole floats, c()), and the results equal
  Keras's loader called with the ints; bad values are errors naming the argument.
* A file not in the cache is a FileNotFoundError naming the file, the full path to put it
  at and its origin, raised before Keras runs; no test touches the network (urlretrieve,
  urlopen and socket connections fail the test).
* cifar10/cifar100: the archive (extracted by Keras) and an already extracted copy (Keras
  3.6+'s layout, or the older one) both count.
* `KERAS_FILES` (each loader's fname, origin, hash, cache_subdir, extract) is what the
  installed Keras's loaders ask `get_file()` for: captured here, so it cannot drift.

The temporary cache: Keras reads `KERAS_HOME` once, at import, into
`keras.src.backend.config._KERAS_DIR` (what `keras_home()` and so `get_file()` use), so
the fixture sets that as well as the variable. The hashes: `get_file()` checks a cached
file against the real dataset's hash and downloads it again when they differ; a small
file cannot have the real file's hash, so the `cache` fixture replaces
`keras.src.utils.file_utils.validate_file` (looked up at each call by `get_file()` and by
`require_cached()`) with one that accepts any file. The tests of the hash check itself use
`keras_cache`, which keeps Keras's check.
"""

from __future__ import annotations

import gzip
import hashlib
import inspect
import io
import json
import os
import pathlib
import pickle
import socket
import subprocess
import sys
import tarfile
import textwrap
import urllib.error
import urllib.request

import numpy as np
import pytest

from rstyle_keras import c
from rstyle_keras.r import datasets
from rstyle_keras.r.datasets import (
    KERAS_FILES,
    dataset_boston_housing,
    dataset_california_housing,
    dataset_cifar10,
    dataset_cifar100,
    dataset_fashion_mnist,
    dataset_imdb,
    dataset_imdb_word_index,
    dataset_mnist,
    dataset_reuters,
    dataset_reuters_word_index,
    keras_cache_dir,
    require_cached,
)
from rstyle_keras.r.named_list import NamedList

os.environ.setdefault("KERAS_BACKEND", "jax")  # as the other Keras tests: JAX on the CPU
os.environ.setdefault("JAX_PLATFORMS", "cpu")

KERAS_SKIP_REASON = "the loaders are Keras's: they need keras>=3 and jax (the `test` extra)"
ROOT = pathlib.Path(__file__).resolve().parents[1]
TF = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"


# -- the cache and the network guard ----------------------------------------------------------
@pytest.fixture
def keras():
    return pytest.importorskip("keras", reason=KERAS_SKIP_REASON)


@pytest.fixture
def network(monkeypatch):
    """Every way to the network fails the test; the attempts are recorded."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args[:2])
        raise AssertionError(f"the network was touched: {args[:2]!r}")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(urllib.request, "urlretrieve", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    if "keras.src.utils.file_utils" in sys.modules:  # get_file()'s own urlretrieve
        monkeypatch.setattr(sys.modules["keras.src.utils.file_utils"], "urlretrieve", refuse)
    return attempts


@pytest.fixture
def keras_cache(keras, tmp_path, monkeypatch, network):
    """An empty Keras cache in tmp_path (its `datasets` folder returned), no network."""
    from keras.src.backend import config as keras_config

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(keras_config, "_KERAS_DIR", str(tmp_path))  # read at Keras's import
    folder = tmp_path / "datasets"
    folder.mkdir()
    yield folder
    assert network == [], "the network was touched"


@pytest.fixture
def cache(keras_cache, monkeypatch):
    """`keras_cache`, where any file passes the hash check (small files cannot have the
    real datasets' hashes)."""
    from keras.src.utils import file_utils

    monkeypatch.setattr(file_utils, "validate_file", lambda *args, **kwargs: True)
    return keras_cache


# -- small dataset files, in the formats Keras reads ------------------------------------------
RNG = np.random.default_rng(0)


def write_npz(path, **arrays):
    with open(path, "wb") as f:
        np.savez(f, **arrays)


def object_array(sequences):
    out = np.empty(len(sequences), dtype=object)
    for i, s in enumerate(sequences):
        out[i] = list(s)
    return out


def images(n, *shape):
    return RNG.integers(0, 256, size=(n, *shape), dtype=np.uint8)


def write_mnist(folder, name="mnist.npz"):
    data = dict(x_train=images(5, 28, 28), y_train=np.arange(5, dtype=np.uint8),
                x_test=images(3, 28, 28), y_test=np.array([7, 8, 9], dtype=np.uint8))
    write_npz(folder / name, **data)
    return data


def write_fashion_mnist(folder):
    sub = folder / "fashion-mnist"
    sub.mkdir()
    data = dict(x_train=images(4, 28, 28), y_train=np.array([0, 9, 3, 1], dtype=np.uint8),
                x_test=images(2, 28, 28), y_test=np.array([5, 6], dtype=np.uint8))
    for name, array, header in [("train-labels-idx1-ubyte.gz", data["y_train"], 8),
                                ("train-images-idx3-ubyte.gz", data["x_train"], 16),
                                ("t10k-labels-idx1-ubyte.gz", data["y_test"], 8),
                                ("t10k-images-idx3-ubyte.gz", data["x_test"], 16)]:
        with gzip.open(sub / name, "wb") as f:  # the idx format: a header, then the bytes
            f.write(bytes(header) + array.tobytes())
    return data


def cifar_batch(data, labels, label_key=b"labels", more=None):
    # protocol 4: numpy arrays pickle as ndarray/_reconstruct, which Keras's restricted
    # unpickler accepts, as in the real files (protocol 5 would use _frombuffer)
    content = {b"data": data.reshape(len(data), -1), label_key: list(labels), **(more or {})}
    return pickle.dumps(content, protocol=4)


def tar_gz(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def cifar10_files():
    """One image per training batch (Keras fills 10,000 rows per batch: numpy broadcasts
    it) and two test images; channels first, as the real files."""
    train = [images(1, 3, 32, 32) for _ in range(5)]
    test = images(2, 3, 32, 32)
    files = {f"cifar-10-batches-py/data_batch_{i + 1}": cifar_batch(train[i], [i])
             for i in range(5)}
    files["cifar-10-batches-py/test_batch"] = cifar_batch(test, [8, 9])
    return files, train, test


def cifar100_files():
    train, test = images(3, 3, 32, 32), images(2, 3, 32, 32)
    files = {
        "cifar-100-python/train": cifar_batch(train, [10, 55, 99], b"fine_labels",
                                              {b"coarse_labels": [1, 2, 19]}),
        "cifar-100-python/test": cifar_batch(test, [0, 42], b"fine_labels",
                                             {b"coarse_labels": [0, 7]}),
    }
    return files, train, test


def write_files(root, files: dict[str, bytes]):
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


IMDB_TRAIN = [[1, 2, 3], [4, 5, 6, 7, 8, 9, 10], [11, 2], [3, 3, 3, 3]]
IMDB_TEST = [[5, 6], [7, 8, 9, 10, 11, 12], [1]]


def write_imdb(folder, name="imdb.npz"):
    write_npz(folder / name, x_train=object_array(IMDB_TRAIN), y_train=np.array([0, 1, 1, 0]),
              x_test=object_array(IMDB_TEST), y_test=np.array([1, 0, 1]))


REUTERS = [[1, 2, 3], [4, 5, 6, 7, 8], [9, 10], [2, 2, 2, 2, 2, 2], [11], [3, 4, 5, 6]]


def write_reuters(folder, name="reuters.npz"):
    write_npz(folder / name, x=object_array(REUTERS), y=np.array([0, 3, 45, 1, 2, 3]))


def write_housing(folder, name, features, n=10):
    x = RNG.normal(size=(n, features))
    y = RNG.normal(size=n)
    write_npz(folder / name, x=x, y=y)
    return x, y


def as_lists(sequences):
    return [list(s) for s in sequences]


def check_structure(d):
    """R keras3's list(train = list(x, y), test = list(x, y)), both idioms."""
    assert isinstance(d, NamedList) and d.names() == ("train", "test")
    assert d.train.names() == d.test.names() == ("x", "y")
    (x_train, y_train), (x_test, y_test) = d
    assert x_train is d.train.x is d["train"]["x"] and y_train is d.train.y
    assert x_test is d.test.x and y_test is d["test"]["y"]
    return x_train, y_train, x_test, y_test


# -- the table against the real loaders --------------------------------------------------------
@pytest.mark.parametrize("key", sorted(KERAS_FILES), ids=".".join)
def test_the_table_is_what_the_real_loader_asks_for(key, keras, tmp_path, monkeypatch):
    from keras.src.utils import file_utils

    module, function = key
    loader = getattr(getattr(keras.datasets, module), function)
    signature = inspect.signature(file_utils.get_file)
    calls = []

    def capture(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        calls.append(bound.arguments)
        return str(tmp_path / "nothing-here")  # the loader then fails to open it

    monkeypatch.setitem(loader.__globals__, "get_file", capture)
    try:
        loader()
    except Exception:  # noqa: BLE001 - any failure after the get_file() calls
        pass
    got = [(call["fname"], call["origin"], call["file_hash"] or call["md5_hash"],
            call["cache_subdir"], bool(call["extract"] or call["untar"])) for call in calls]
    want = [(f.fname, f.origin, f.file_hash, f.cache_subdir, f.extract)
            for f in KERAS_FILES[key]]
    assert got == want


# R keras3's exported dataset functions (its NAMESPACE)
R_DATASETS = {
    "dataset_boston_housing", "dataset_california_housing", "dataset_cifar10",
    "dataset_cifar100", "dataset_fashion_mnist", "dataset_imdb", "dataset_imdb_word_index",
    "dataset_mnist", "dataset_reuters", "dataset_reuters_word_index",
}


def test_every_r_dataset_function_is_here_over_a_table_row():
    assert {name for name in datasets.__all__ if name.startswith("dataset_")} == R_DATASETS
    rows = {f"dataset_{module}" + ("" if function == "load_data" else "_word_index")
            for module, function in KERAS_FILES}
    assert rows == R_DATASETS


# -- each loader on small files ----------------------------------------------------------------
def test_mnist(cache):
    data = write_mnist(cache)
    d = dataset_mnist()
    x_train, y_train, x_test, y_test = check_structure(d)
    for name, got in [("x_train", x_train), ("y_train", y_train), ("x_test", x_test),
                      ("y_test", y_test)]:
        assert got.dtype == np.uint8
        np.testing.assert_array_equal(got, data[name])
    assert x_train.shape == (5, 28, 28) and y_test.shape == (3,)


def test_mnist_under_another_name_and_convert_false(cache):
    data = write_mnist(cache, "digits.npz")
    d = dataset_mnist(path="digits.npz", convert=False)  # convert changes nothing in Python
    np.testing.assert_array_equal(d.test.x, data["x_test"])
    e = dataset_mnist(path=pathlib.Path("digits.npz"))  # a PathLike name
    np.testing.assert_array_equal(e.train.y, d.train.y)


def test_fashion_mnist(cache):
    data = write_fashion_mnist(cache)
    x_train, y_train, x_test, y_test = check_structure(dataset_fashion_mnist())
    np.testing.assert_array_equal(x_train, data["x_train"])
    np.testing.assert_array_equal(y_train, data["y_train"])
    np.testing.assert_array_equal(x_test, data["x_test"])
    np.testing.assert_array_equal(y_test, data["y_test"])
    assert x_train.dtype == np.uint8 and x_train.shape == (4, 28, 28)


def check_cifar10(d, train, test):
    x_train, y_train, x_test, y_test = check_structure(d)
    assert x_train.shape == (50000, 32, 32, 3) and x_train.dtype == np.uint8  # channels_last
    assert y_train.shape == (50000, 1) and x_test.shape == (2, 32, 32, 3)
    for i in range(5):  # each batch's one image, broadcast over its 10,000 rows
        np.testing.assert_array_equal(x_train[i * 10000], train[i][0].transpose(1, 2, 0))
        np.testing.assert_array_equal(x_train[i * 10000 + 9999], x_train[i * 10000])
        assert y_train[i * 10000, 0] == i
    np.testing.assert_array_equal(x_test, test.transpose(0, 2, 3, 1))
    assert y_test.tolist() == [[8], [9]]


def test_cifar10_from_the_archive_and_from_its_extracted_copy(cache):
    files, train, test = cifar10_files()
    archive = cache / "cifar-10-batches-py-target_archive"
    archive.write_bytes(tar_gz(files))
    check_cifar10(dataset_cifar10(), train, test)  # Keras extracts the archive
    assert (cache / "cifar-10-batches-py-target" / "cifar-10-batches-py" / "test_batch").exists()
    archive.unlink()  # only the extracted copy left: Keras alone would download again
    check_cifar10(dataset_cifar10(), train, test)
    assert not archive.exists()


def test_cifar10_from_the_layout_of_keras_before_3_6(cache):
    files, train, test = cifar10_files()
    write_files(cache, files)  # datasets/cifar-10-batches-py/..., as tf.keras extracted it
    check_cifar10(dataset_cifar10(), train, test)


def test_cifar10_extracted_copy_needs_every_batch(cache):
    files, _, _ = cifar10_files()
    del files["cifar-10-batches-py/data_batch_3"]
    write_files(cache / "cifar-10-batches-py-target", files)
    with pytest.raises(FileNotFoundError, match="cifar-10-batches-py-target_archive"):
        dataset_cifar10()


@pytest.mark.parametrize("label_mode, want", [
    (("fine", "coarse"), ([10, 55, 99], [0, 42])), ("fine", ([10, 55, 99], [0, 42])),
    ("coarse", ([1, 2, 19], [0, 7])), ("c", ([1, 2, 19], [0, 7])),  # R's partial matching
])
def test_cifar100(cache, label_mode, want):
    files, train, test = cifar100_files()
    (cache / "cifar-100-python-target_archive").write_bytes(tar_gz(files))
    x_train, y_train, x_test, y_test = check_structure(dataset_cifar100(label_mode))
    np.testing.assert_array_equal(x_train, train.transpose(0, 2, 3, 1))
    np.testing.assert_array_equal(x_test, test.transpose(0, 2, 3, 1))
    assert y_train.reshape(-1).tolist() == want[0] and y_test.reshape(-1).tolist() == want[1]
    assert y_train.shape == (3, 1)


def test_cifar100_extracted_copy(cache):
    files, train, _ = cifar100_files()
    write_files(cache / "cifar-100-python-target", files)
    np.testing.assert_array_equal(dataset_cifar100().train.x, train.transpose(0, 2, 3, 1))


def test_imdb_default(cache, keras):
    write_imdb(cache)
    x_train, y_train, x_test, y_test = check_structure(dataset_imdb())
    assert x_train.dtype == object and x_train.shape == (4,) and x_test.shape == (3,)
    # each review starts with start_char 1; words are shifted by index_from 3
    assert sorted(as_lists(x_train)) == sorted([[1] + [w + 3 for w in s] for s in IMDB_TRAIN])
    assert sorted(y_train.tolist()) == [0, 0, 1, 1] and len(y_test) == 3


# R-style values (whole floats, c()) and the Python ints Keras receives
IMDB_ARGS = [
    (dict(num_words=10.0, skip_top=c(1), maxlen=6.0, seed=7.0, start_char=1.0, oov_char=2.0,
          index_from=3.0),
     dict(num_words=10, skip_top=1, maxlen=6, seed=7, start_char=1, oov_char=2, index_from=3)),
    (dict(num_words=c(8), start_char=None, oov_char=None, index_from=0.0),
     dict(num_words=8, start_char=None, oov_char=None, index_from=0)),
]


@pytest.mark.parametrize("r_args, python_args", IMDB_ARGS)
def test_imdb_converts_rs_numbers(cache, keras, monkeypatch, r_args, python_args):
    write_imdb(cache)
    want = keras.datasets.imdb.load_data(**python_args)
    loader = keras.datasets.imdb.load_data
    received = {}

    def spy(**kwargs):
        received.update(kwargs)
        return loader(**kwargs)

    monkeypatch.setattr(keras.datasets.imdb, "load_data", spy)
    got = dataset_imdb(**r_args)
    assert {k: received[k] for k in python_args} == python_args
    assert all(type(received[k]) is int for k, v in python_args.items() if v is not None)
    for (gx, gy), (wx, wy) in zip(got, want):
        assert as_lists(gx) == as_lists(wx)
        np.testing.assert_array_equal(gy, wy)


def test_imdb_num_words_and_maxlen_act(cache):
    write_imdb(cache)
    d = dataset_imdb(num_words=8.0, maxlen=4.0)
    for seq in [*d.train.x, *d.test.x]:
        assert len(seq) < 4 and seq[0] == 1 and max(seq) < 8
    assert any(2 in seq for seq in d.train.x)  # words cut by num_words are oov_char 2


def test_imdb_word_index(cache):
    (cache / "imdb_word_index.json").write_text(json.dumps({"the": 1, "and": 2}))
    assert dataset_imdb_word_index() == {"the": 1, "and": 2}


def test_reuters(cache, keras):
    write_reuters(cache)
    x_train, y_train, x_test, y_test = check_structure(dataset_reuters())
    assert len(x_train) == int(6 * 0.8) and len(x_test) == 6 - int(6 * 0.8)  # test_split 0.2
    shifted = [[1] + [w + 3 for w in s] for s in REUTERS]
    # Keras's rule: num_words=None is the largest index, and words < num_words are kept,
    # so that largest word itself becomes oov_char 2
    top = max(max(s) for s in shifted)
    want = [[2 if w == top else w for w in s] for s in shifted]
    assert sorted(as_lists([*x_train, *x_test])) == sorted(want)
    assert set(y_train.tolist()) | set(y_test.tolist()) == {0, 1, 2, 3, 45}


def test_reuters_converts_rs_numbers(cache, keras):
    write_reuters(cache)
    want = keras.datasets.reuters.load_data(num_words=9, skip_top=1, maxlen=5, test_split=0.5,
                                            seed=3, start_char=1, oov_char=2, index_from=2)
    got = dataset_reuters(num_words=9.0, skip_top=1.0, maxlen=c(5), test_split=c(0.5),
                          seed=3.0, start_char=1.0, oov_char=2.0, index_from=2.0)
    for (gx, gy), (wx, wy) in zip(got, want):
        assert as_lists(gx) == as_lists(wx)
        np.testing.assert_array_equal(gy, wy)


def test_reuters_word_index_keeps_rs_default_name(cache):
    # R keras3's default file name is reuters_word_index.pkl; the file holds JSON
    (cache / "reuters_word_index.pkl").write_text(json.dumps({"giraffe": 1234}))
    assert dataset_reuters_word_index()["giraffe"] == 1234
    (cache / "reuters_word_index.json").write_text(json.dumps({"zebra": 7}))
    assert dataset_reuters_word_index("reuters_word_index.json") == {"zebra": 7}


def test_boston_housing(cache, keras):
    x, y = write_housing(cache, "boston_housing.npz", 13)
    got = dataset_boston_housing(test_split=c(0.3), seed=5.0)
    x_train, y_train, x_test, y_test = check_structure(got)
    assert x_train.shape == (7, 13) and x_test.shape == (3, 13) and y_train.shape == (7,)
    (wx, wy), (vx, vy) = keras.datasets.boston_housing.load_data(test_split=0.3, seed=5)
    np.testing.assert_array_equal(x_train, wx)
    np.testing.assert_array_equal(y_test, vy)
    np.testing.assert_array_equal(np.sort(np.concatenate([y_train, y_test])), np.sort(y))


@pytest.mark.parametrize("version, n", [("large", 700), ("small", 600)])
def test_california_housing(cache, version, n):
    x, _ = write_housing(cache, "california_housing.npz", 8, n=700)
    x_train, y_train, x_test, y_test = check_structure(
        dataset_california_housing(version=version, seed=1.0))
    assert x_train.shape == (int(n * 0.8), 8) and x_test.shape == (n - int(n * 0.8), 8)
    assert y_train.shape == (int(n * 0.8),)
    rows = {tuple(r) for r in x[:n]}
    assert {tuple(r) for r in np.concatenate([x_train, x_test])} == rows


# -- offline: the error, before Keras runs ------------------------------------------------------
MISSING = [
    (dataset_mnist, {}, ["mnist.npz"], TF + "mnist.npz"),
    (dataset_mnist, {"path": "m.npz"}, ["m.npz"], TF + "mnist.npz"),
    (dataset_fashion_mnist, {}, ["fashion-mnist/train-labels-idx1-ubyte.gz",
                                 "fashion-mnist/t10k-images-idx3-ubyte.gz"],
     TF + "t10k-images-idx3-ubyte.gz"),
    (dataset_cifar10, {}, ["cifar-10-batches-py-target_archive"],
     "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"),
    (dataset_cifar100, {}, ["cifar-100-python-target_archive"],
     "https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz"),
    (dataset_imdb, {}, ["imdb.npz"], TF + "imdb.npz"),
    (dataset_imdb_word_index, {}, ["imdb_word_index.json"], TF + "imdb_word_index.json"),
    (dataset_reuters, {}, ["reuters.npz"], TF + "reuters.npz"),
    (dataset_reuters_word_index, {}, ["reuters_word_index.pkl"],
     TF + "reuters_word_index.json"),
    (dataset_boston_housing, {}, ["boston_housing.npz"], TF + "boston_housing.npz"),
    (dataset_california_housing, {}, ["california_housing.npz"],
     TF + "california_housing.npz"),
]


@pytest.mark.parametrize("function, args, files, origin", MISSING,
                         ids=[f"{m[0].__name__}{'-path' if m[1] else ''}" for m in MISSING])
def test_a_missing_file_says_which_where_and_whence(cache, keras, network, monkeypatch,
                                                     function, args, files, origin):
    called = []
    for module, name in KERAS_FILES:  # Keras's loader must not even start
        loader = getattr(getattr(keras.datasets, module), name)
        monkeypatch.setattr(getattr(keras.datasets, module), name,
                            lambda *a, _loader=loader, **k: called.append(_loader))
    with pytest.raises(FileNotFoundError) as e:
        function(**args)
    message = str(e.value)
    for name in files:
        assert f"put it at:      {cache / name}" in message
    assert f"it comes from:  {origin}" in message
    assert "is not in Keras's cache" in message
    assert "RSTYLE_KERAS_OFFLINE is set, so nothing is downloaded" in message
    assert f"(here {cache.parent})" in message
    assert called == [] and network == []


def test_without_the_offline_setting_keras_downloads_and_a_failure_says_where(
        cache, monkeypatch):
    """As in R, a missing file is downloaded by Keras's own get_file(); on a machine with
    no network the download fails and the error still says which file, where and whence."""
    from keras.src.utils import file_utils

    monkeypatch.delenv("RSTYLE_KERAS_OFFLINE")
    tried = []

    def unreachable(url, *args, **kwargs):
        tried.append(url)
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(file_utils, "urlretrieve", unreachable)
    with pytest.raises(FileNotFoundError) as e:
        dataset_mnist()
    message = str(e.value)
    assert tried == [TF + "mnist.npz"]
    assert f"put it at:      {cache / 'mnist.npz'}" in message
    assert "Downloading failed (Exception: URL fetch failure" in message
    assert isinstance(e.value.__cause__, Exception)


def test_without_the_offline_setting_a_download_that_works_is_loaded(cache, monkeypatch):
    from keras.src.utils import file_utils

    monkeypatch.delenv("RSTYLE_KERAS_OFFLINE")
    tried = []

    def download(url, filename, *args, **kwargs):  # a network that serves the file
        tried.append(url)
        write_mnist(pathlib.Path(filename).parent, pathlib.Path(filename).name)

    monkeypatch.setattr(file_utils, "urlretrieve", download)
    d = dataset_mnist()
    assert tried == [TF + "mnist.npz"]
    check_structure(d)


def test_a_file_with_another_hash_counts_as_missing(keras_cache, network):
    cache = keras_cache
    write_mnist(cache)  # not the real file: Keras would download it again
    with pytest.raises(FileNotFoundError) as e:
        dataset_mnist()
    message = str(e.value)
    assert f"The file at {cache / 'mnist.npz'} is not the one Keras expects" in message
    assert "sha256 hash is not 731c5ac6" in message
    assert f"replace it with: {TF}mnist.npz" in message
    assert network == []


def test_an_archive_with_another_hash_but_an_extracted_copy_loads(keras_cache):
    cache = keras_cache
    files, train, test = cifar10_files()
    (cache / "cifar-10-batches-py-target_archive").write_bytes(b"not the archive")
    write_files(cache / "cifar-10-batches-py-target", files)
    check_cifar10(dataset_cifar10(), train, test)


# -- require_cached ----------------------------------------------------------------------------
def test_require_cached_finds_what_get_file_finds(cache, keras):
    (cache / "weights.h5").write_bytes(b"w")
    (cache.parent / "models").mkdir()
    (cache.parent / "models" / "m.h5").write_bytes(b"m")
    origin = "https://example.com/a/weights.h5"
    assert require_cached("weights.h5", origin) == keras.utils.get_file("weights.h5", origin)
    assert require_cached(None, origin) == str(cache / "weights.h5")  # the origin's name
    got = require_cached("m.h5", "https://example.com/m.h5", cache_subdir="models")
    assert got == keras.utils.get_file("m.h5", "https://example.com/m.h5",
                                       cache_subdir="models")


@pytest.mark.parametrize("algorithm", ["sha256", "md5"])
def test_require_cached_checks_the_hash(keras_cache, algorithm):
    cache = keras_cache
    path = cache / "f.bin"
    path.write_bytes(b"some bytes")
    good = hashlib.new(algorithm, b"some bytes").hexdigest()
    bad = hashlib.new(algorithm, b"other bytes").hexdigest()
    assert require_cached("f.bin", "https://x/f.bin", file_hash=good) == str(path)
    with pytest.raises(FileNotFoundError, match=f"its {algorithm} hash is not {bad}"):
        require_cached("f.bin", "https://x/f.bin", file_hash=bad)


def test_require_cached_archive_names_as_get_file(cache):
    # a name with a dot: the archive under that name, extracted into <stem>_extracted
    (cache / "pack.tar.gz").write_bytes(b"x")
    assert require_cached("pack.tar.gz", "https://x/p.tgz", extract=True) == str(
        cache / "pack.tar.gz")
    with pytest.raises(FileNotFoundError) as e:
        require_cached("folder", "https://x/p.tgz", extract=True, contents=("a/b",))
    message = str(e.value)
    assert f"put it at:      {cache / 'folder_archive'}" in message
    assert f"or extracted:   its a/b in {cache / 'folder'}{os.sep}" in message
    assert 'The archive "p.tgz"' in message


def test_require_cached_refuses_paths(cache):
    with pytest.raises(ValueError, match="`fname` must be a file name"):
        require_cached("a/b.npz", "https://x/b.npz")
    with pytest.raises(TypeError, match="`origin` must be the URL"):
        require_cached("b.npz", None)


def test_cache_dir_as_keras_computes_it(keras, tmp_path, monkeypatch):
    from keras.src.backend import config as keras_config

    monkeypatch.setattr(keras_config, "_KERAS_DIR", str(tmp_path))
    assert keras_cache_dir() == str(tmp_path)
    # Keras not imported yet: KERAS_HOME, as Keras will read it at import
    monkeypatch.delitem(sys.modules, "keras.src.backend.config")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    assert keras_cache_dir() == str(tmp_path / "home")
    # a cache folder that cannot be written: /tmp/.keras, as get_file() falls back
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(
        tmp_path / "home") else real_access(p, mode))
    assert keras_cache_dir() == os.path.join("/tmp", ".keras")
    monkeypatch.delenv("KERAS_HOME")
    monkeypatch.setattr(os.path, "expanduser", lambda p: str(tmp_path) if p == "~" else p)
    (tmp_path / ".keras").mkdir()  # Keras makes it at import
    assert keras_cache_dir() == str(tmp_path / ".keras")


# -- argument errors (before Keras is needed) ----------------------------------------------------
@pytest.mark.parametrize("call, kind, message", [
    (lambda: dataset_mnist(path="/abs/mnist.npz"), ValueError,
     "`path` must be a file name in Keras's cache folder"),
    (lambda: dataset_mnist(path=None), TypeError, "received path=None"),
    (lambda: dataset_mnist(convert="TRUE"), TypeError,
     "`convert` must be True or False; received convert='TRUE'."),
    (lambda: dataset_cifar100(label_mode="medium"), ValueError,
     "`label_mode` must be one of 'fine', 'coarse'; received label_mode='medium'."),
    (lambda: dataset_imdb(num_words=100.5), TypeError, "received num_words=100.5"),
    (lambda: dataset_imdb(maxlen="long"), TypeError,
     "`maxlen` must be an integer (a whole number such as 64 or 64.0), or None; "
     "received maxlen='long'."),
    (lambda: dataset_imdb(seed=None), TypeError,
     "`seed` must be an integer (a whole number such as 64 or 64.0); received seed=None."),
    (lambda: dataset_imdb(skip_top=c(1, 2)), TypeError, "received skip_top=(1, 2)"),
    (lambda: dataset_imdb(index_from=True), TypeError, "received index_from=True"),
    (lambda: dataset_reuters(test_split=1), ValueError, "received test_split=1."),
    (lambda: dataset_reuters(test_split="0.2"), TypeError, "received test_split='0.2'."),
    (lambda: dataset_boston_housing(test_split=-0.1), ValueError, "`test_split` must be"),
    (lambda: dataset_california_housing(version="Large"), ValueError,
     "`version` must be one of 'large', 'small'; received version='Large'."),
    (lambda: dataset_imdb_word_index(path="a/b.json"), ValueError, "received path='a/b.json'"),
])
def test_argument_errors_name_the_argument(call, kind, message):
    with pytest.raises(kind) as e:
        call()
    assert message in str(e.value)


def test_loading_the_module_imports_no_keras():
    script = """
        import sys
        import rstyle_keras.r.datasets, rstyle_keras.r.arrays
        print(sorted(m for m in ("keras", "jax") if m in sys.modules))
    """
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(script)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
