"""R keras3's small plumbing exports (reticulate's, tensorflow's, tfruns's and its own:
`keras`, `use_backend()`, `tuple()`, `np_array()`, `as_tensor()`, `flags()`, ...), each
against the Python idiom or Keras call it stands for, and a guard that each has a test."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
import textwrap
import types

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402

import rstyle_keras as rk  # noqa: E402
from rstyle_keras.r import package, reticulate, tensorflow_helpers, tfruns  # noqa: E402

MODULES = (package, reticulate, tensorflow_helpers, tfruns)

# Each export: the test(s) below that check it (the guard test reads this table).
TESTED_BY = {
    "keras": "test_keras_is_the_module_imported_on_first_use",
    "use_backend": "test_use_backend_*",
    "newaxis": "test_newaxis_and_all_dims_are_numpys",
    "all_dims": "test_newaxis_and_all_dims_are_numpys",
    "named_list": "test_named_list",
    "generate": "test_generate_calls_the_objects_method",
    "import_": "test_import_",
    "tuple": "test_tuple_*",
    "np_array": "test_np_array_is_numpys",
    "as_iterator": "test_iterators",
    "iter_next": "test_iterators",
    "iterate": "test_iterate",
    "py_help": "test_py_help_is_pythons_help",
    "as_tensor": "test_as_tensor_*",
    "tensorboard": "test_tensorboard_*",
    "flags": "test_flags_*",
    "flag_numeric": "test_flag_types",
    "flag_integer": "test_flag_types",
    "flag_boolean": "test_flag_types",
    "flag_string": "test_flag_types",
    "run_dir": "test_run_dir_is_the_working_directory",
}


def test_every_plumbing_export_has_a_test_and_is_exported():
    exported = {name for module in MODULES for name in module.__all__}
    assert exported == set(TESTED_BY)
    assert exported <= set(rk.__all__)
    names = set(globals())
    for test in TESTED_BY.values():
        prefix = test.rstrip("*")
        assert any(n == test or (test.endswith("*") and n.startswith(prefix)) for n in names), test


def _run(script: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *script], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


# ---- keras, use_backend ----------------------------------------------------------------

def test_keras_is_the_module_imported_on_first_use():
    script = textwrap.dedent("""
        import sys
        import rstyle_keras
        from rstyle_keras import *
        assert "keras" not in sys.modules and "jax" not in sys.modules
        print(repr(keras))
        print("-- first use --", file=sys.stderr, flush=True)
        assert keras.layers.Dense.__module__.startswith("keras")
        assert "keras" in sys.modules
    """)
    result = _run(["-X", "importtime", "-c", script])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "<module 'keras' (imported on first use)>"
    import_lines, after = result.stderr.split("-- first use --")
    before = [line.rsplit("|", 1)[-1].strip() for line in import_lines.splitlines()
              if line.startswith("import time:")]
    assert "rstyle_keras" in before
    assert not [m for m in before if m.split(".")[0] in ("keras", "jax", "tensorflow", "torch")]
    assert "| keras" in after  # imported on first attribute access
    # in this process: the same objects as `import keras`, and dir() lists them
    assert rk.keras.layers.Dense is keras.layers.Dense
    assert rk.keras.ops.add is keras.ops.add
    assert "distribution" in dir(rk.keras)
    assert isinstance(rk.keras, types.ModuleType)
    with pytest.raises(AttributeError):
        rk.keras.__wrapped__  # noqa: B018  (probes of dunders import nothing and fail)


def test_use_backend_sets_keras_backend_before_keras_loads():
    script = textwrap.dedent("""
        import os, sys
        from rstyle_keras import use_backend
        use_backend("torch", gpu=False)
        print(os.environ["KERAS_BACKEND"], repr(os.environ["CUDA_VISIBLE_DEVICES"]))
        assert "keras" not in sys.modules
    """)
    result = _run(["-c", script], KERAS_BACKEND="jax", CUDA_VISIBLE_DEVICES="0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["torch", "''"]


def test_use_backend_after_keras_loaded():
    loaded = keras.config.backend()
    assert rk.use_backend(loaded) is None
    other = "torch" if loaded != "torch" else "jax"
    with pytest.raises(RuntimeError, match=f"already imported with the '{loaded}' backend"):
        rk.use_backend(other)
    with pytest.raises(ValueError, match="`backend` must be one of .*received 'cuda'"):
        rk.use_backend("cuda")
    with pytest.raises(TypeError, match="`gpu`"):
        rk.use_backend(loaded, gpu="yes")
    assert rk.use_backend(loaded, gpu=float("nan")) is None  # R's NA


def test_newaxis_and_all_dims_are_numpys():
    x = np.arange(24).reshape(2, 3, 4)
    assert rk.newaxis is np.newaxis
    assert rk.all_dims() is Ellipsis
    np.testing.assert_array_equal(x[rk.all_dims(), 0], x[..., 0])
    assert x[rk.newaxis, rk.all_dims(), rk.newaxis].shape == (1, 2, 3, 4, 1)


# ---- reticulate's -----------------------------------------------------------------------

@pytest.mark.parametrize(("args", "expected"), [
    ((), ()),
    ((None, "model"), (None, "model")),
    (("model",), ("model",)),            # R's tuple("model"): one string, not its letters
    ((["data", None],), ("data", None)),  # one R list: its items (and Python's tuple(list))
    (((1, 2),), (1, 2)),
    ((range(3),), (0, 1, 2)),
    ((5,), (5,)),
    ((np.float32(1.5),), (np.float32(1.5),)),
])
def test_tuple_takes_r_arguments(args, expected):
    result = rk.tuple(*args)
    assert result == expected and type(result) is builtins.tuple


def test_tuple_stays_pythons_tuple_to_isinstance():
    assert isinstance((1,), rk.tuple) and not isinstance([1], rk.tuple)
    assert issubclass(builtins.tuple, rk.tuple)
    assert isinstance(rk.NamedList(a=1), rk.tuple)


@pytest.mark.parametrize(("data", "dtype", "order"), [
    ([1, 2, 3], None, "C"), ([[1, 2], [3, 4]], "float32", "F"), (2.5, "float64", "C"),
    (range(1, 5), "int32", "C"),
])
def test_np_array_is_numpys(data, dtype, order):
    got, expected = rk.np_array(data, dtype, order), np.array(data, dtype=dtype, order=order)
    np.testing.assert_array_equal(got, expected)
    assert got.dtype == expected.dtype
    assert got.flags.f_contiguous == expected.flags.f_contiguous
    with pytest.raises(ValueError, match="`order`"):
        rk.np_array(data, order="R")


def test_iterators():
    it = rk.as_iterator(iter([1, 2]))
    assert [rk.iter_next(it), rk.iter_next(it), rk.iter_next(it)] == [1, 2, None]
    assert rk.iter_next(rk.as_iterator((7,)), completed="done") == 7
    assert rk.iter_next(rk.as_iterator(()), completed="done") == "done"
    with pytest.raises(TypeError, match="`it` must be an iterator"):
        rk.iter_next([1, 2])


def test_iterate():
    np.testing.assert_array_equal(rk.iterate(iter([1, 2, 3]), lambda v: v * 2),
                                  np.array([2, 4, 6]))
    assert rk.iterate([[1], [2]]) == [[1], [2]]
    assert rk.iterate([1, 2], simplify=False) == [1, 2]
    assert rk.iterate(iter(())) == []
    # a Keras (JAX) scalar per item simplifies to an array, as R to a vector
    out = rk.iterate(range(3), lambda v: keras.ops.square(v))
    np.testing.assert_array_equal(out, [0, 1, 4])


def test_import_():
    import json
    assert rk.import_("json") is json
    lazy = rk.import_("colorsys", delay_load=True)
    assert lazy.rgb_to_hsv(1, 0, 0) == (0.0, 1.0, 1.0)
    with pytest.raises(TypeError, match="`module` must be a module name"):
        rk.import_(json)
    with pytest.raises(ModuleNotFoundError):
        rk.import_("no_such_module_here")


def test_py_help_is_pythons_help(capsys):
    rk.py_help(rk.np_array)
    assert "Help on function np_array" in capsys.readouterr().out


# ---- R keras3's own ---------------------------------------------------------------------

def test_named_list():
    lst = rk.named_list(units=32, activation="relu")
    assert isinstance(lst, rk.NamedList)
    assert lst.names() == ("units", "activation") and tuple(lst) == (32, "relu")
    assert rk.named_list() == ()
    with pytest.raises(TypeError):
        rk.named_list(32)


def test_generate_calls_the_objects_method():
    class Model:
        def generate(self, prompt, max_length=2):
            return prompt[:max_length]

    assert rk.generate(Model(), "abc") == "ab"
    assert rk.generate(Model(), "abc", max_length=3) == "abc"
    with pytest.raises(TypeError, match="no method for an object of class int"):
        rk.generate(1)


# ---- tensorflow's -----------------------------------------------------------------------

@pytest.mark.parametrize(("x", "dtype", "expected"), [
    (42, "int32", lambda: keras.ops.cast(42, "int32")),
    ([1.9, -1.9, 0.5], "int32", lambda: keras.ops.cast(keras.ops.convert_to_tensor(
        [1.9, -1.9, 0.5]), "int32")),
    ([1, 2], "float16", lambda: keras.ops.cast([1, 2], "float16")),
    (np.ones((2, 2)), None, lambda: keras.ops.convert_to_tensor(np.ones((2, 2)))),
    ([0.0, 2.0], "bool", lambda: keras.ops.cast([0.0, 2.0], "bool")),
])
def test_as_tensor_is_keras_conversion_and_cast(x, dtype, expected):
    got, want = rk.as_tensor(x, dtype), expected()
    assert keras.ops.is_tensor(got)
    assert keras.backend.standardize_dtype(got.dtype) == \
        keras.backend.standardize_dtype(want.dtype)
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(got),
                                  keras.ops.convert_to_numpy(want))


@pytest.mark.parametrize(("x", "shape", "expected"), [
    (range(1, 7), (2, 3), np.arange(1, 7).reshape(2, 3)),         # row-major, as R's
    (range(1, 7), (2.0, None), np.arange(1, 7).reshape(2, 3)),    # whole floats, NA
    (range(1, 7), (float("nan"), 2), np.arange(1, 7).reshape(3, 2)),
    (7.0, (2, 2), np.full((2, 2), 7.0)),                          # a scalar fills
    (np.arange(6), 6, np.arange(6)),
])
def test_as_tensor_shape(x, shape, expected):
    got = keras.ops.convert_to_numpy(rk.as_tensor(x, shape=shape))
    np.testing.assert_array_equal(got, expected)
    tensor = keras.ops.arange(6)
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(rk.as_tensor(tensor, shape=(3, -1))),
                                  np.arange(6).reshape(3, 2))


def test_as_tensor_errors():
    with pytest.raises(ValueError, match="non-finite values .* to dtype 'int32'"):
        rk.as_tensor([1.0, float("nan")], "int32")
    with pytest.raises(ValueError, match="one unknown size"):
        rk.as_tensor(range(6), shape=(None, None))
    with pytest.raises(TypeError, match="`shape`"):
        rk.as_tensor(range(6), shape=(2.5, 2))


@pytest.fixture
def fake_tensorboard(tmp_path, monkeypatch):
    """A `tensorboard` program that writes its arguments to a file, then waits."""
    record = tmp_path / "args.txt"
    program = tmp_path / "bin" / "tensorboard"
    program.parent.mkdir()
    program.write_text(f"#!{sys.executable}\nimport sys, time\n"
                       f"open({str(record)!r}, 'w').write(' '.join(sys.argv[1:]))\n"
                       "time.sleep(60)\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    yield record
    rk.tensorboard(None, action="stop")


def _wait_for(path, seconds=20.0):
    import time
    deadline = time.monotonic() + seconds
    while not (path.exists() and path.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return path.read_text()


def test_tensorboard_starts_and_stops_the_program(fake_tensorboard, tmp_path, capsys):
    logs = tmp_path / "logs"
    url = rk.tensorboard(str(logs), port=6123, reload_interval=10.0, launch_browser=False)
    assert url == "http://127.0.0.1:6123" and logs.is_dir()
    assert f"Started TensorBoard at {url}" in capsys.readouterr().out
    assert _wait_for(fake_tensorboard).split() == [
        "--logdir", str(logs), "--host", "127.0.0.1", "--port", "6123",
        "--reload_interval", "10", "--purge_orphaned_data", "true"]
    server = tensorflow_helpers._SERVERS[-1]
    assert server.poll() is None
    assert rk.tensorboard(None, action="stop") is None
    assert server.wait(timeout=10) is not None and not tensorflow_helpers._SERVERS


def test_tensorboard_named_log_dirs(fake_tensorboard, tmp_path):
    dirs = {"a": str(tmp_path / "run_a"), "b": str(tmp_path / "run_b")}
    url = rk.tensorboard(dirs, launch_browser=False)
    assert url.startswith("http://127.0.0.1:60")  # "auto": a free port from 6006
    args = _wait_for(fake_tensorboard).split()
    assert args[:2] == ["--logdir_spec", f"a:{dirs['a']},b:{dirs['b']}"]


def test_tensorboard_errors(monkeypatch, tmp_path):
    with pytest.raises(ValueError, match="`action` must be 'start' or 'stop'"):
        rk.tensorboard(str(tmp_path), action="restart")
    monkeypatch.setattr("shutil.which", lambda name: None)  # tensorboard() imports it when run
    monkeypatch.setattr(tensorflow_helpers.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ImportError, match="pip install tensorboard"):
        rk.tensorboard(str(tmp_path), launch_browser=False)


# ---- tfruns's ---------------------------------------------------------------------------

DEFS = (rk.flag_numeric("learning_rate", 0.01, "Initial learning rate."),
        rk.flag_integer("epochs", 2), rk.flag_string("optimizer", "adam"),
        rk.flag_boolean("augment", False))


@pytest.mark.parametrize(("arguments", "expected"), [
    ([], (0.01, 2, "adam", False)),
    (["--learning-rate", "0.1", "--epochs=5"], (0.1, 5, "adam", False)),
    (["--augment", "true", "--optimizer", "sgd"], (0.01, 2, "sgd", True)),
    (["train.py", "--epochs", "3.0", "--augment=no"], (0.01, 3, "adam", False)),
    (["--learning_rate", "1e-3", "--optimizer", "1"], (0.001, 2, "1", False)),
])
def test_flags_from_the_command_line(arguments, expected):
    values = rk.flags(*DEFS, arguments=arguments)
    assert isinstance(values, rk.NamedList)
    assert values.names() == ("learning_rate", "epochs", "optimizer", "augment")
    assert tuple(values) == expected
    assert [type(v) for v in values] == [float, int, str, bool]
    assert rk.flags(list(DEFS), arguments=arguments) == values  # one list of definitions


def test_flags_reads_sys_argv(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["train.py", "--epochs", "9"])
    assert rk.flags(*DEFS).epochs == 9


@pytest.mark.parametrize(("arguments", "message"), [
    (["--epochs", "2.5"], "cannot convert flag 'epochs' with value 2.5"),
    (["--augment", "maybe"], "cannot convert flag 'augment'"),
    (["--layers", "3"], "given but not declared: layers"),
    (["--epochs"], "no value after '--epochs'"),
])
def test_flags_errors(arguments, message):
    with pytest.raises(ValueError, match=message):
        rk.flags(*DEFS, arguments=arguments)


def test_flags_definitions_are_checked():
    with pytest.raises(ValueError, match="already defined"):
        rk.flags(rk.flag_integer("a", 1), rk.flag_integer("a", 2), arguments=[])
    with pytest.raises(TypeError, match="each flag must come from flag_numeric"):
        rk.flags(("a", 1), arguments=[])


def test_flags_help_prints_and_exits(capsys):
    with pytest.raises(SystemExit):
        rk.flags(*DEFS, arguments=["--help"])
    out = capsys.readouterr().out
    assert "--learning-rate" in out and "Initial learning rate. (0.01)" in out


@pytest.mark.parametrize(("make", "default", "expected"), [
    (rk.flag_numeric, 1, 1.0), (rk.flag_integer, 128.0, 128), (rk.flag_boolean, "yes", True),
    (rk.flag_boolean, 0, False), (rk.flag_string, True, "TRUE"), (rk.flag_string, 3, "3"),
])
def test_flag_types(make, default, expected):
    flag = make("x", default, "doc")
    assert flag.default == expected and type(flag.default) is type(expected)
    assert (flag.name, flag.description) == ("x", "doc")
    with pytest.raises(TypeError, match="`name` must be a string"):
        make(None, default)


def test_run_dir_is_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert rk.run_dir() == os.getcwd() == str(tmp_path)


# ---- shape() ------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "expected"), [
    ((float("nan"),), "shape(None)"),
    ((np.nan, 3), "shape(None, 3)"),
    (((None, np.float64("nan"), 2),), "shape(None, None, 2)"),
    ((2, 3), "shape(2, 3)"),
])
def test_shape_maps_r_na_to_none(args, expected):
    result = rk.shape(*args)
    assert repr(result) == expected
    assert None in result or expected == "shape(2, 3)"
