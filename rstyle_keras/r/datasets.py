"""R keras3's datasets: `dataset_mnist()` and the rest, over Keras 3's own loaders.

Each function calls Keras's loader (`keras.datasets.mnist.load_data()`, ...) with R
keras3's arguments converted (whole floats as integers), and returns what R keras3 does:
a named list `train`/`test`, each with `x` and `y`, which R code reads two ways:

    (x_train, y_train), (x_test, y_test) = dataset_mnist()    # R: c(c(x_train, y_train),
                                                              #      c(x_test, y_test)) %<-% ...
    mnist = dataset_mnist()
    mnist.train.x, mnist["test"]["y"]                         # R: mnist$train$x, mnist$test$y

Downloads are Keras's, as in R. Where the file Keras wants is not in its cache (or is not
the file Keras expects) and cannot be downloaded (no network, as on this project's
machines), the loader raises a FileNotFoundError naming the file, the full path to put it
at and the address it comes from. With RSTYLE_KERAS_OFFLINE=1 (set by the test suite) it
never tries: the error comes before Keras is called. Keras's cache is the folder `KERAS_HOME` names, else `~/.keras`
(`/tmp/.keras` where that is not writable); datasets go in its `datasets` folder.
`require_cached()` is that check, for any file Keras's `get_file()` would fetch.

Examples:
    >>> from rstyle_keras.r.datasets import dataset_mnist
    >>> dataset_mnist(path="not-in-the-cache.npz")
    Traceback (most recent call last):
    ...
    FileNotFoundError: The file "not-in-the-cache.npz" is not in Keras's cache.
      put it at:      .../datasets/not-in-the-cache.npz
      it comes from:  https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz
    ...
"""  # noqa: E501

from __future__ import annotations

import contextlib
import numbers
import os
import sys
import threading
from typing import NamedTuple

import numpy as np

from .. import dispatch
from ..engine import keras_installed
from .arrays import match_arg
from .converters import as_integer
from .named_list import NamedList

# hashlib, tempfile and urllib.parse are imported in the functions that use them: only
# dataset loading needs them, and importing them took about 10 ms.

__all__ = [
    "dataset_boston_housing", "dataset_california_housing", "dataset_cifar10",
    "dataset_cifar100", "dataset_fashion_mnist", "dataset_imdb", "dataset_imdb_word_index",
    "dataset_mnist", "dataset_reuters", "dataset_reuters_word_index", "require_cached",
]


# -- the files Keras's loaders ask for ---------------------------------------------------------
class KerasFile(NamedTuple):
    """One `get_file()` call of a Keras loader: what it names the file, where it downloads it
    from, the hash it checks, the cache folder; and, for an archive Keras extracts, the files
    (relative to the folder `get_file()` returns) that the loader reads."""

    fname: str
    origin: str
    file_hash: str | None = None
    cache_subdir: str = "datasets"
    extract: bool = False
    contents: tuple[str, ...] = ()


_TF = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
_FASHION = os.path.join("datasets", "fashion-mnist")
_CIFAR10 = tuple(f"cifar-10-batches-py/{b}" for b in [*(f"data_batch_{i}" for i in range(1, 6)),
                                                     "test_batch"])

# (module of keras.datasets, function) -> its get_file() calls, in order, with the default
# file names: Keras 3.15's (tests/test_datasets.py runs the installed Keras's loaders with
# get_file() captured and checks this table, so it cannot drift).
KERAS_FILES: dict[tuple[str, str], tuple[KerasFile, ...]] = {
    ("mnist", "load_data"): (KerasFile(
        "mnist.npz", _TF + "mnist.npz",
        "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"),),
    ("fashion_mnist", "load_data"): tuple(
        KerasFile(name, _TF + name, None, _FASHION)
        for name in ("train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz",
                     "t10k-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz")),
    ("cifar10", "load_data"): (KerasFile(
        "cifar-10-batches-py-target", "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",
        "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce",
        extract=True, contents=_CIFAR10),),
    ("cifar100", "load_data"): (KerasFile(
        "cifar-100-python-target", "https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz",
        "85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7",
        extract=True, contents=("cifar-100-python/train", "cifar-100-python/test")),),
    ("imdb", "load_data"): (KerasFile(
        "imdb.npz", _TF + "imdb.npz",
        "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f"),),
    ("imdb", "get_word_index"): (KerasFile(
        "imdb_word_index.json", _TF + "imdb_word_index.json",
        "bfafd718b763782e994055a2d397834f"),),
    ("reuters", "load_data"): (KerasFile(
        "reuters.npz", _TF + "reuters.npz",
        "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916"),),
    ("reuters", "get_word_index"): (KerasFile(
        "reuters_word_index.json", _TF + "reuters_word_index.json",
        "4d44cc38712099c9e383dc6e5f11a921"),),
    ("boston_housing", "load_data"): (KerasFile(
        "boston_housing.npz", _TF + "boston_housing.npz",
        "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5"),),
    ("california_housing", "load_data"): (KerasFile(
        "california_housing.npz", _TF + "california_housing.npz",
        "1a2e3a52e0398de6463aebe6f4a8da34fb21fbb6b934cf88c3425e766f2a1a6f"),),
}


# -- the cache check ---------------------------------------------------------------------------
def keras_cache_dir() -> str:
    """The folder Keras's `get_file()` caches in (before its `cache_subdir`), computed as
    Keras computes it: Keras's `keras_home()` (`KERAS_HOME`, else `~/.keras`, else
    `/tmp/.keras`, fixed when Keras is imported), and `/tmp/.keras` where that folder is not
    writable."""
    config = sys.modules.get("keras.src.backend.config")
    if config is not None and hasattr(config, "keras_home"):
        home = config.keras_home()
    elif "KERAS_HOME" in os.environ:  # as Keras reads it when imported
        home = os.environ.get("KERAS_HOME")
    else:
        base = os.path.expanduser("~")
        home = os.path.join(base if os.access(base, os.W_OK) else "/tmp", ".keras")
    base = os.path.expanduser(home)
    if not os.access(base, os.W_OK):
        import tempfile

        base = os.path.join("/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir(), ".keras")
    return base


def _hash_matches(path: str, file_hash: str) -> bool:
    """Keras's own check (`validate_file()`), or the same rule where Keras is absent: a
    64-character hash is sha256, another md5."""
    if keras_installed():
        from keras.src.utils import file_utils

        return bool(file_utils.validate_file(path, file_hash))
    import hashlib

    hasher = hashlib.sha256() if len(file_hash) == 64 else hashlib.md5()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            hasher.update(chunk)
    return hasher.hexdigest() == str(file_hash)


def _algorithm(file_hash: str) -> str:
    return "sha256" if len(file_hash) == 64 else "md5"


def _cache_problem(fname, origin, cache_subdir="datasets", file_hash=None, extract=False,
                   contents=()):
    """(the path `get_file()` will use, None) when the file is cached; else (None, what is
    wrong and how to fix it)."""
    if origin is None or not isinstance(origin, str):
        raise TypeError(f"`origin` must be the URL of the file; received origin={origin!r}.")
    import urllib.parse

    provided = fname
    fname = os.fspath(fname) if isinstance(fname, os.PathLike) else fname
    if fname is not None and not isinstance(fname, str):
        raise TypeError(f"`fname` must be a file name (a string) or None; received {fname!r}.")
    if not fname:
        fname = os.path.basename(urllib.parse.urlsplit(origin).path)
    elif os.sep in fname:
        raise ValueError(
            f"`fname` must be a file name inside Keras's cache folder, not a path (Keras 3 "
            f"refuses paths); received fname={fname!r}."
        )
    datadir = os.path.join(keras_cache_dir(), cache_subdir)
    from_origin = os.path.basename(urllib.parse.urlsplit(origin).path)
    if not extract:  # as get_file(): the file is datadir/fname
        target, folder = os.path.join(datadir, fname), None
    elif provided and "." in fname:
        target = os.path.join(datadir, fname)
        folder = os.path.join(datadir, f"{fname[: fname.find('.')]}_extracted")
    else:
        target = os.path.join(datadir, f"{fname}_archive")
        folder = os.path.join(datadir, fname)
    mismatch = False
    if os.path.isfile(target):
        if file_hash is None or _hash_matches(target, file_hash):
            return target, None
        mismatch = True
    if folder is not None and contents:
        # An extracted copy: Keras 3.6+'s folder, or the one Keras before 3.6 and tf.keras
        # extracted into (the archive's top folder straight in datadir).
        for root in (folder, datadir):
            if all(os.path.isfile(os.path.join(root, c)) for c in contents):
                return root, None
    if mismatch:
        return None, (
            f"The file at {target} is not the one Keras expects (its {_algorithm(file_hash)} "
            f"hash is not {file_hash}), so Keras would download it again.\n"
            f"  replace it with: {origin}"
        )
    what = f'The file "{fname}"' if not extract else f'The archive "{from_origin}"'
    lines = [
        f"{what} is not in Keras's cache.",
        f"  put it at:      {target}",
    ]
    if extract:
        lines[-1] += "  (the archive itself, so named; Keras extracts it)"
        if contents:
            shown = contents if len(contents) <= 2 else (contents[0], "...", contents[-1])
            lines.append(f"  or extracted:   its {', '.join(shown)} in {os.path.join(folder, '')}")
    lines.append(f"  it comes from:  {origin}")
    return None, "\n".join(lines)


def offline() -> bool:
    """Whether RSTYLE_KERAS_OFFLINE forbids downloads (anything but "", "0" or "false")."""
    return os.environ.get("RSTYLE_KERAS_OFFLINE", "").lower() not in ("", "0", "false")


def _not_cached(problems: list[str], fetch: str, failure=None) -> FileNotFoundError:
    """The error for the files not cached, and how to fetch them where there is a network."""
    them = "it" if len(problems) == 1 else "them"
    why = (f"Downloading failed ({type(failure).__name__}: {failure})." if failure is not None
           else "RSTYLE_KERAS_OFFLINE is set, so nothing is downloaded.")
    return FileNotFoundError("\n".join([
        *problems, why,
        f"Keras's cache is KERAS_HOME, else ~/.keras (here {keras_cache_dir()}). With a "
        f"network, {fetch} fetches {them}.",
    ]))


def require_cached(fname, origin, cache_subdir="datasets", *, file_hash=None, extract=False,
                   contents=()):
    """Check that a file Keras's `get_file()` would download is in Keras's cache.

    Call it before a Keras function that fetches files (a dataset loader, pretrained
    weights): where the file is missing, it raises at once, and Keras never reaches the
    network (no download, no waiting on a machine without one).

    Arguments:
        fname: the file's name in the cache, as given to `get_file()`; None for the last
            part of `origin`. A name, not a path (as Keras 3 requires).
        origin: the URL Keras downloads it from (shown in the error).
        cache_subdir: the folder under Keras's cache: "datasets" (the default, as
            `get_file()`'s), "models" for weights, or a path inside ("datasets/x").
        file_hash: the sha256 (64 characters) or md5 hash Keras checks the file against;
            a file that does not match counts as missing (Keras would download it again).
        extract: whether `get_file()` extracts the file (an archive): the archive, or an
            already extracted copy holding `contents`, counts.
        contents: with `extract`, the files the caller reads, relative to the folder
            `get_file()` returns.

    Value: the path `get_file()` will find (an extracted copy: its folder), as a string.
    A missing file is a FileNotFoundError naming the file, the full path to put it at and
    the URL it comes from.

    Examples:
        >>> from rstyle_keras.r.datasets import require_cached
        >>> require_cached("no-such-file.npz", "https://example.com/files/no-such-file.npz")
        Traceback (most recent call last):
        ...
        FileNotFoundError: The file "no-such-file.npz" is not in Keras's cache.
          put it at:      .../datasets/no-such-file.npz
          it comes from:  https://example.com/files/no-such-file.npz
        ...
    """  # noqa: E501
    path, problem = _cache_problem(fname, origin, cache_subdir, file_hash, extract, contents)
    if problem:
        fetch = (f"keras.utils.get_file({fname!r}, {origin!r}, cache_subdir={cache_subdir!r}"
                 f"{', extract=True' if extract else ''})")
        raise _not_cached([problem], fetch)
    return path


# -- calling a loader --------------------------------------------------------------------------
_PATCH_LOCK = threading.RLock()


@contextlib.contextmanager
def _serving_extracted(loader, fname: str, folder: str):
    """While the loader runs, its `get_file(fname, ...)` returns `folder` (an extracted copy
    already in the cache) instead of looking for the archive, which Keras 3.6+ would
    download again when only the extracted copy is there. Other calls go to Keras's."""
    namespace = loader.__globals__
    real = namespace["get_file"]

    def get_file(*args, **kwargs):
        requested = kwargs.get("fname", args[0] if args else None)
        return folder if requested == fname else real(*args, **kwargs)

    with _PATCH_LOCK:
        namespace["get_file"] = get_file
        try:
            yield
        finally:
            namespace["get_file"] = real


def _call_loader(module: str, function: str, path=None, **args):
    """Keras's `keras.datasets.<module>.<function>()`, after checking its files are cached
    (`path`, when given, is the name of its one file)."""
    keras = dispatch.keras()
    loader = getattr(getattr(keras.datasets, module), function)
    found, problems = [], []
    for spec in KERAS_FILES[(module, function)]:
        fname = spec.fname if path is None else path
        where, problem = _cache_problem(fname, spec.origin, spec.cache_subdir, spec.file_hash,
                                        spec.extract, spec.contents)
        found.append((spec, fname, where))
        if problem:
            problems.append(problem)
    if path is not None:
        args["path"] = path
    if problems:
        return _download(loader, args, problems, f"keras.datasets.{module}.{function}()",
                         lambda: [_cache_problem(path or spec.fname, spec.origin,
                                                 spec.cache_subdir, spec.file_hash,
                                                 spec.extract, spec.contents)[1]
                                  for spec in KERAS_FILES[(module, function)]])
    extracted = [(fname, where) for spec, fname, where in found
                 if spec.extract and os.path.isdir(where)]
    if not extracted:
        return loader(**args)
    with contextlib.ExitStack() as stack:
        for fname, where in extracted:
            stack.enter_context(_serving_extracted(loader, fname, where))
        return loader(**args)


def _download(loader, args, problems, fetch, still_missing):
    """Keras's loader, downloading what is missing, as in R; where that fails (no network),
    the error that says which files, where they go and where they come from."""
    if offline():
        raise _not_cached(problems, fetch)
    import socket

    timeout = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout or 60.0)  # a network that never answers is an error
    try:
        return loader(**args)
    except Exception as failure:
        missing = [p for p in still_missing() if p]
        if not missing:
            raise  # the files came: the failure is something else
        raise _not_cached(missing, fetch, failure) from failure
    finally:
        socket.setdefaulttimeout(timeout)


def _dataset_list(data) -> NamedList:
    """R keras3's `list(train = list(x, y), test = list(x, y))`."""
    (x_train, y_train), (x_test, y_test) = data
    return NamedList(train=NamedList(x=x_train, y=y_train),
                     test=NamedList(x=x_test, y=y_test))


# -- R's argument conversions ------------------------------------------------------------------
def _integer(value, name: str, nullable: bool = False):
    """An R number as an int (`113`, `113.0`, `c(113)`); None where `nullable`."""
    if value is None and nullable:
        return None
    converted = as_integer(value, name)
    if type(converted) is int:
        return converted
    accepted = "an integer (a whole number such as 64 or 64.0)"
    raise TypeError(
        f"`{name}` must be {accepted}{', or None' if nullable else ''}; "
        f"received {name}={value!r}."
    )


def _fraction(value, name: str) -> float:
    """A number from 0 (included) to 1 (excluded), such as `test_split`."""
    item = value[0] if isinstance(value, (tuple, list)) and len(value) == 1 else value
    accepted = "a number from 0 to 1 (0 included, 1 not), the fraction held out for testing"
    if not isinstance(item, numbers.Real) or isinstance(item, (bool, np.bool_)):
        raise TypeError(f"`{name}` must be {accepted}; received {name}={value!r}.")
    if not 0 <= item < 1:
        raise ValueError(f"`{name}` must be {accepted}; received {name}={value!r}.")
    return float(item)


def _file_name(path, name: str = "path") -> str:
    """A file name in Keras's cache (not a path, as Keras 3 requires)."""
    if isinstance(path, os.PathLike):
        path = os.fspath(path)
    if not isinstance(path, str):
        raise TypeError(
            f"`{name}` must be a file name (a string) in Keras's cache folder; received "
            f"{name}={path!r}."
        )
    if os.sep in path or (os.altsep and os.altsep in path):
        raise ValueError(
            f"`{name}` must be a file name in Keras's cache folder "
            f"({os.path.join(keras_cache_dir(), 'datasets')}), not a path: Keras 3 refuses "
            f"paths; received {name}={path!r}."
        )
    return path


def _check_convert(convert) -> None:
    if not isinstance(convert, (bool, np.bool_)):
        raise TypeError(f"`convert` must be True or False; received convert={convert!r}.")


_CONVERT_DOC = """convert: accepted for R's signature; it changes nothing. In R, TRUE
            converts the NumPy arrays to R arrays and FALSE keeps them as NumPy; in
            Python they are NumPy arrays either way."""


# -- the datasets ------------------------------------------------------------------------------
def dataset_mnist(path="mnist.npz", convert=True):
    """MNIST database of handwritten digits.

    60,000 grayscale images of 28 x 28 pixels of the 10 digits, and 10,000 test images.

    Arguments:
        path: the file's name in Keras's cache folder (`~/.keras/datasets`, or
            `$KERAS_HOME/datasets`).
        {convert}

    Value: a NamedList `train`, `test`, each a NamedList `x`, `y`: `x` a uint8 array of
    shape (samples, 28, 28), `y` a uint8 array of the digits 0 to 9, of shape (samples,).
    Read it as `(x_train, y_train), (x_test, y_test) = dataset_mnist()` or
    `mnist.train.x`. A file not in the cache is a FileNotFoundError saying where to put it
    and where it comes from (no download).

    Examples:
        >>> from rstyle_keras.r.datasets import dataset_mnist
        >>> dataset_mnist(path="not-in-the-cache.npz")
        Traceback (most recent call last):
        ...
        FileNotFoundError: The file "not-in-the-cache.npz" is not in Keras's cache.
        ...
        >>> dataset_mnist(path="/data/mnist.npz")
        Traceback (most recent call last):
        ...
        ValueError: `path` must be a file name in Keras's cache folder (...), not a path: Keras 3 refuses paths; received path='/data/mnist.npz'.
    """  # noqa: E501
    path = _file_name(path)
    _check_convert(convert)
    return _dataset_list(_call_loader("mnist", "load_data", path))


def dataset_fashion_mnist(convert=True):
    """Fashion-MNIST database of fashion articles.

    60,000 grayscale images of 28 x 28 pixels of 10 kinds of article, and 10,000 test
    images; a drop-in replacement for MNIST. The labels: 0 T-shirt/top, 1 Trouser,
    2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot.

    Arguments:
        {convert}

    Value: as `dataset_mnist()`'s: `train`, `test`, each `x` (uint8, (samples, 28, 28)) and
    `y` (uint8 labels 0 to 9). Keras keeps the four files in `datasets/fashion-mnist`; those
    not in the cache are named in one FileNotFoundError (no download).

    Examples:
        >>> from rstyle_keras.r.datasets import dataset_fashion_mnist
        >>> dataset_fashion_mnist(convert="yes")
        Traceback (most recent call last):
        ...
        TypeError: `convert` must be True or False; received convert='yes'.
    """
    _check_convert(convert)
    return _dataset_list(_call_loader("fashion_mnist", "load_data"))


def dataset_cifar10(convert=True):
    """CIFAR10 small image classification.

    50,000 colour images of 32 x 32 pixels in 10 classes, and 10,000 test images.

    Arguments:
        {convert}

    Value: `train`, `test`, each `x` (uint8 RGB images: (samples, 32, 32, 3) under the
    "channels_last" image data format of Keras, (samples, 3, 32, 32) under
    "channels_first") and `y` (uint8 labels 0 to 9, of shape (samples, 1), as Keras gives
    them). Keras's cache holds the archive (`datasets/cifar-10-batches-py-target_archive`,
    which Keras extracts) or an extracted copy (the folder `cifar-10-batches-py` inside
    `datasets/cifar-10-batches-py-target`, or straight in `datasets` as Keras before 3.6
    left it); either counts. Neither there: a FileNotFoundError (no download).

    Examples:
        >>> from rstyle_keras.r.datasets import dataset_cifar10
        >>> dataset_cifar10(convert=None)
        Traceback (most recent call last):
        ...
        TypeError: `convert` must be True or False; received convert=None.
    """
    _check_convert(convert)
    return _dataset_list(_call_loader("cifar10", "load_data"))


def dataset_cifar100(label_mode=("fine", "coarse"), convert=True):
    """CIFAR100 small image classification.

    50,000 colour images of 32 x 32 pixels in 100 classes (20 superclasses), and 10,000
    test images.

    Arguments:
        label_mode: "fine" (the default, the first of R's `c("fine", "coarse")`): the 100
            classes; "coarse": the 20 superclasses. A unique prefix is enough, as R's
            `match.arg()` allows.
        {convert}

    Value: `train`, `test`, each `x` (uint8 RGB images, as `dataset_cifar10()`'s) and `y`
    (labels of shape (samples, 1)). The cache as for `dataset_cifar10()`: the archive
    (`datasets/cifar-100-python-target_archive`) or an extracted copy of
    `cifar-100-python`.

    Examples:
        >>> from rstyle_keras.r.datasets import dataset_cifar100
        >>> dataset_cifar100(label_mode="medium")
        Traceback (most recent call last):
        ...
        ValueError: `label_mode` must be one of 'fine', 'coarse'; received label_mode='medium'.
    """
    label_mode = match_arg(label_mode, ("fine", "coarse"), "label_mode")
    _check_convert(convert)
    return _dataset_list(_call_loader("cifar100", "load_data", label_mode=label_mode))


_SEQUENCE_ARGS_DOC = """num_words: keep the most frequent words only: indices from
            `num_words` up become `oov_char`. None keeps all.
        skip_top: the most frequent words to skip (they become `oov_char` too).
        maxlen: keep only the sequences shorter than this (start character included);
            None keeps all."""

_SEQUENCE_TAIL_DOC = """seed: the random seed of the shuffle.
        start_char: the index that starts every sequence (1, as 0 is padding); None
            for none (Keras's meaning, which R's `as.integer(NULL)` does not pass on).
        oov_char: the index of the words cut by `num_words` or `skip_top`; None drops
            them instead (Keras's meaning).
        index_from: the smallest index of a real word (the words' indices are shifted
            by it)."""


def dataset_imdb(path="imdb.npz", num_words=None, skip_top=0, maxlen=None, seed=113,
                 start_char=1, oov_char=2, index_from=3, convert=True):
    """IMDB movie reviews sentiment classification.

    25,000 movie reviews from IMDB labelled by sentiment (0 negative, 1 positive), and
    25,000 test reviews. Each review is a sequence of word indices, words ranked by how
    often they occur in the data: the k-th most frequent word has index k + `index_from`
    (6 for the 3rd, by default); index 0 stands for no word (padding).

    Arguments:
        path: the file's name in Keras's cache folder (`~/.keras/datasets`).
        {sequence_args}
        {sequence_tail}
        {convert}

    Value: `train`, `test`, each `x` (a NumPy object array of sequences: Python lists of
    word indices; `x[0]` is the first review) and `y` (the 0/1 labels). The numbers
    (`num_words`, `skip_top`, `maxlen`, `seed`, ...) may be R doubles (`10000.0`).

    Examples:
        >>> from rstyle_keras.r.datasets import dataset_imdb
        >>> dataset_imdb(num_words=10000.5)
        Traceback (most recent call last):
        ...
        TypeError: `num_words` must be an integer (a whole number such as 64 or 64.0); received num_words=10000.5 (a non-integer number).
    """  # noqa: E501
    path = _file_name(path)
    args = dict(
        num_words=_integer(num_words, "num_words", nullable=True),
        skip_top=_integer(skip_top, "skip_top"),
        maxlen=_integer(maxlen, "maxlen", nullable=True),
        seed=_integer(seed, "seed"),
        start_char=_integer(start_char, "start_char", nullable=True),
        oov_char=_integer(oov_char, "oov_char", nullable=True),
        index_from=_integer(index_from, "index_from"),
    )
    _check_convert(convert)
    return _dataset_list(_call_loader("imdb", "load_data", path, **args))


def dataset_imdb_word_index(path="imdb_word_index.json"):
    """The IMDB dataset's word index: each word and its index.

    Arguments:
        path: the file's name in Keras's cache folder (`~/.keras/datasets`).

    Value: a dict from words to integers (R's named list), the indices before
    `dataset_imdb()`'s `index_from` shift.

    Examples:
        >>> from rstyle_keras.r.datasets import dataset_imdb_word_index
        >>> dataset_imdb_word_index(path=3)
        Traceback (most recent call last):
        ...
        TypeError: `path` must be a file name (a string) in Keras's cache folder; received path=3.
    """  # noqa: E501
    return _call_loader("imdb", "get_word_index", _file_name(path))


def dataset_reuters(path="reuters.npz", num_words=None, skip_top=0, maxlen=None,
                    test_split=0.2, seed=113, start_char=1, oov_char=2, index_from=3,
                    convert=True):
    """Reuters newswire topics classification.

    11,228 newswires from Reuters labelled over 46 topics, each a sequence of word
    indices with the conventions of `dataset_imdb()`.

    Arguments:
        path: the file's name in Keras's cache folder (`~/.keras/datasets`).
        {sequence_args}
        test_split: the fraction of the newswires held out as test data, from 0 to 1
            (1 excluded).
        {sequence_tail}
        {convert}

    Value: `train`, `test`, each `x` (a NumPy object array of sequences) and `y` (the
    topics, integers 0 to 45), as `dataset_imdb()`'s.

    Examples:
        >>> from rstyle_keras.r.datasets import dataset_reuters
        >>> dataset_reuters(test_split=1.5)
        Traceback (most recent call last):
        ...
        ValueError: `test_split` must be a number from 0 to 1 (0 included, 1 not), the fraction held out for testing; received test_split=1.5.
    """  # noqa: E501
    path = _file_name(path)
    args = dict(
        num_words=_integer(num_words, "num_words", nullable=True),
        skip_top=_integer(skip_top, "skip_top"),
        maxlen=_integer(maxlen, "maxlen", nullable=True),
        test_split=_fraction(test_split, "test_split"),
        seed=_integer(seed, "seed"),
        start_char=_integer(start_char, "start_char", nullable=True),
        oov_char=_integer(oov_char, "oov_char", nullable=True),
        index_from=_integer(index_from, "index_from"),
    )
    _check_convert(convert)
    return _dataset_list(_call_loader("reuters", "load_data", path, **args))


def dataset_reuters_word_index(path="reuters_word_index.pkl"):
    """The Reuters dataset's word index: each word and its index.

    Arguments:
        path: the file's name in Keras's cache folder. R keras3's default,
            "reuters_word_index.pkl", is kept: the file holds JSON whatever its name (Keras's
            own default name is "reuters_word_index.json"; pass that to use a file Keras
            cached).

    Value: a dict from words to integers (R's named list), e.g. `word_index["giraffe"]`.

    Examples:
        >>> from rstyle_keras.r.datasets import dataset_reuters_word_index
        >>> dataset_reuters_word_index(path="not-cached.json")
        Traceback (most recent call last):
        ...
        FileNotFoundError: The file "not-cached.json" is not in Keras's cache.
        ...
    """
    return _call_loader("reuters", "get_word_index", _file_name(path))


def dataset_boston_housing(path="boston_housing.npz", test_split=0.2, seed=113, convert=True):
    """Boston housing price regression dataset.

    506 houses around Boston in the late 1970s, 13 attributes each (from the StatLib
    library of Carnegie Mellon University); the targets are the median values of the
    houses (in k$).

    Arguments:
        path: the file's name in Keras's cache folder (`~/.keras/datasets`).
        test_split: the fraction of the data held out as test data, from 0 to 1 (1
            excluded).
        seed: the random seed of the shuffle before the split.
        {convert}

    Value: `train`, `test`, each `x` (float64, (samples, 13)) and `y` (float64,
    (samples,)).

    Examples:
        >>> from rstyle_keras.r.datasets import dataset_boston_housing
        >>> dataset_boston_housing(seed=1.5)
        Traceback (most recent call last):
        ...
        TypeError: `seed` must be an integer (a whole number such as 64 or 64.0); received seed=1.5 (a non-integer number).
    """  # noqa: E501
    path = _file_name(path)
    args = dict(test_split=_fraction(test_split, "test_split"), seed=_integer(seed, "seed"))
    _check_convert(convert)
    return _dataset_list(_call_loader("boston_housing", "load_data", path, **args))


def dataset_california_housing(version="large", path="california_housing.npz", test_split=0.2,
                               seed=113, convert=True):
    """California housing regression dataset.

    20,640 block groups of the 1990 U.S. census (from the StatLib repository), 8 features
    each (median income, house age, average rooms and bedrooms, population, average
    occupancy, latitude, longitude); the target is the median house value in dollars.

    Arguments:
        version: "large" (all 20,640 samples) or "small" (the first 600, a stand-in for
            the deprecated Boston housing data).
        path: the file's name in Keras's cache folder (`~/.keras/datasets`).
        test_split: the fraction of the data held out as test data, from 0 to 1 (1
            excluded).
        seed: the random seed of the shuffle before the split.
        {convert}

    Value: `train`, `test`, each `x` ((samples, 8)) and `y` ((samples,)).

    Examples:
        >>> from rstyle_keras.r.datasets import dataset_california_housing
        >>> dataset_california_housing(version="medium")
        Traceback (most recent call last):
        ...
        ValueError: `version` must be one of 'large', 'small'; received version='medium'.
    """
    if not isinstance(version, str) or version not in ("large", "small"):
        raise ValueError(
            f"`version` must be one of 'large', 'small'; received version={version!r}."
        )
    path = _file_name(path)
    args = dict(version=version, test_split=_fraction(test_split, "test_split"),
                seed=_integer(seed, "seed"))
    _check_convert(convert)
    return _dataset_list(_call_loader("california_housing", "load_data", path, **args))


for _function in (dataset_mnist, dataset_fashion_mnist, dataset_cifar10, dataset_cifar100,
                  dataset_imdb, dataset_reuters, dataset_boston_housing,
                  dataset_california_housing):
    _function.__doc__ = _function.__doc__.replace(
        "{sequence_args}", _SEQUENCE_ARGS_DOC).replace(
        "{sequence_tail}", _SEQUENCE_TAIL_DOC).replace("{convert}", _CONVERT_DOC)
del _function
