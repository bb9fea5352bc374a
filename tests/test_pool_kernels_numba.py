"""The compiled (numba) pooling kernels: the choice between paths, and what only they do.

`tests/test_pool_kernels.py` runs every reference check on both paths; this file checks
the dispatch (RSTYLE_KERAS_KERNELS, the size threshold, numba missing or broken), the
float16 rounding, larger inputs against the NumPy kernels, non-contiguous inputs,
numba's cache and thread settings, the reuse of large outputs' memory, and that
`import rstyle_keras` never imports numba.
Tests that need numba skip with a reason where it is not installed (CI installs it).
"""

from __future__ import annotations

import gc
import importlib.util
import itertools
import os
import subprocess
import sys
import threading
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
import pytest

from rstyle_keras.core.ops import pool_kernels as pk
from rstyle_keras.core.ops import pool_kernels_numba as pkn
from tests.reference_pooling import pool as reference_pool

ROOT = Path(__file__).resolve().parent.parent
needs_numba = pytest.mark.skipif(
    not pkn.available(), reason="numba is not installed (the fast extra; CI installs it)"
)


@pytest.fixture
def auto(monkeypatch):
    monkeypatch.delenv("RSTYLE_KERAS_KERNELS", raising=False)
    monkeypatch.setattr(pk, "_numba_ok", None)


# ------------------------------------------------------------------------- dispatch


def test_environment_variable_forces_a_path(monkeypatch):
    big = np.zeros((2, 64, 64, 8), np.float32)
    tiny = np.zeros((1, 3, 3, 1), np.float32)
    monkeypatch.setenv("RSTYLE_KERAS_KERNELS", "numpy")
    assert pk.kernel_choice(big, "average") == "numpy"
    if pkn.available():
        monkeypatch.setenv("RSTYLE_KERAS_KERNELS", "numba")
        assert pk.kernel_choice(big, "average") == "numba"
        assert pk.kernel_choice(tiny, "max") == "numba"  # forced: tiny inputs too
        # Average of integers is not compiled (the ops layer casts them to floats first).
        assert pk.kernel_choice(big.astype(np.int32), "average") == "numpy"
    monkeypatch.setenv("RSTYLE_KERAS_KERNELS", "fortran")
    with pytest.raises(ValueError, match="RSTYLE_KERAS_KERNELS"):
        pk.kernel_choice(big, "average")


def test_forcing_numba_without_numba_says_how_to_get_it(monkeypatch):
    monkeypatch.setattr(pkn, "available", lambda: False)
    monkeypatch.setenv("RSTYLE_KERAS_KERNELS", "numba")
    with pytest.raises(ImportError, match=r"rstyle-keras\[fast\]"):
        pk.pool(np.zeros((1, 4, 4, 1), np.float32), "max", (2, 2), (2, 2), "valid", True)


def test_without_numba_every_input_takes_the_numpy_kernels(auto, monkeypatch):
    monkeypatch.setattr(pkn, "available", lambda: False)
    x = np.random.default_rng(0).standard_normal((2, 40, 40, 8)).astype(np.float32)
    assert pk.kernel_choice(x, "average") == "numpy"
    got = pk.pool(x, "average", (3, 3), (2, 2), "same", True)
    np.testing.assert_allclose(got, reference_pool(x, "average", (3, 3), (2, 2), "same", True),
                               rtol=1e-6, atol=1e-6)


@needs_numba
def test_auto_sends_tiny_inputs_to_numpy_and_the_rest_to_numba(auto):
    tiny = np.zeros((1, 3, 3, 1), np.float32)
    assert tiny.size <= pk._TINY_SIZE
    assert pk.kernel_choice(tiny, "average") == "numpy"
    just_over = np.zeros((1, pk._NUMBA_MIN_SIZE), np.float32).reshape(1, -1, 1)
    assert pk.kernel_choice(just_over, "max") == "numba"
    assert pk.kernel_choice(np.zeros((1, 64, 64, 8), np.float16), "average") == "numba"
    assert pk.kernel_choice(np.zeros((1, 64, 64, 8), bool), "max") == "numba"


@needs_numba
def test_a_broken_numba_falls_back_to_numpy_with_a_warning(auto, monkeypatch):
    def broken():
        raise RuntimeError("LLVM exploded")

    monkeypatch.setattr(pkn, "kernels", broken)
    x = np.random.default_rng(1).standard_normal((2, 40, 40, 8)).astype(np.float32)
    with pytest.warns(RuntimeWarning, match="LLVM exploded"):
        assert pk.kernel_choice(x, "max") == "numpy"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # decided once: no second warning
        got = pk.pool(x, "max", (2, 2), (2, 2), "valid", True)
    np.testing.assert_array_equal(got, reference_pool(x, "max", (2, 2), (2, 2), "valid", True))


def _fresh_python(code, timeout=120, unset=()):
    """What `code` prints in a fresh Python process run from the repository (asserts rc 0)."""
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env["PYTHONPATH"] = str(ROOT)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=timeout)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_import_does_not_import_numba_or_peers():
    code = (
        "import sys, rstyle_keras; "
        "print([m for m in ('numba', 'keras', 'jax', 'torch', 'tensorflow') if m in sys.modules])"
    )
    assert _fresh_python(code).strip() == "[]"


def test_the_package_works_with_numba_hidden():
    # As installed without the fast extra: numba cannot be imported.
    code = (
        "import sys; sys.modules['numba'] = None\n"
        "import numpy as np\n"
        "from rstyle_keras import layer_average_pooling_2d, layer_max_pooling_2d\n"
        "from rstyle_keras.core.ops import pool_kernels as pk\n"
        "x = np.random.default_rng(0).standard_normal((2, 50, 50, 8)).astype('float32')\n"
        "assert pk.kernel_choice(x, 'average') == 'numpy'\n"
        "a = np.asarray(x | layer_average_pooling_2d(pool_size=2))\n"
        "b = np.asarray(x | layer_max_pooling_2d(pool_size=3, strides=1, padding='same'))\n"
        "print(a.shape, b.shape, 'numba' in sys.modules and sys.modules['numba'] is not None)\n"
    )
    out = _fresh_python(code, unset=("RSTYLE_KERAS_KERNELS",))
    assert out.split("\n")[0] == "(2, 25, 25, 8) (2, 50, 50, 8) False"


_needs_scipy = pytest.mark.skipif(
    importlib.util.find_spec("scipy") is None,
    reason="SciPy is not installed: numba has no BLAS probe to defer",
)


@needs_numba
@_needs_scipy
def test_a_first_call_leaves_numbas_blas_probe_for_later_with_the_same_answer():
    # In a fresh process: pooling does not import scipy.linalg; numba code that uses BLAS
    # afterwards gets it (the probe runs then, says yes) and computes what NumPy does.
    code = (
        "import sys, numpy as np\n"
        "from rstyle_keras.core.ops import pool_kernels_numba as pkn\n"
        "x = np.random.default_rng(0).standard_normal((4, 40, 40, 8)).astype('float32')\n"
        "pkn.pool(x, 'average', (2, 2), (2, 2), 'valid', True)\n"
        "print('scipy.linalg' in sys.modules)\n"
        "import numba, numba.np.arraymath as am\n"
        "@numba.njit\n"
        "def f(a, b): return np.correlate(a, b), np.dot(a, b), np.linalg.inv(np.diag(a))\n"
        "a, b = np.arange(1.0, 6.0), np.arange(5.0, 0.0, -1.0)\n"
        "c, d, e = f(a, b)\n"
        "assert np.allclose(c, np.correlate(a, b)) and d == a @ b\n"
        "assert np.allclose(e, np.linalg.inv(np.diag(a)))\n"
        "print(bool(am._HAVE_BLAS), 'scipy.linalg' in sys.modules)\n"
    )
    assert _fresh_python(code, timeout=600).split() == ["False", "True", "True"]


@needs_numba
def test_scipy_linalg_is_held_back_from_one_thread_only():
    finder = pkn._NoLinalgHere()
    with pytest.raises(ModuleNotFoundError, match="scipy.linalg"):
        finder.find_spec("scipy.linalg")
    assert finder.find_spec("scipy") is None and finder.find_spec("numpy.linalg") is None
    seen = []
    other = threading.Thread(target=lambda: seen.append(finder.find_spec("scipy.linalg")))
    other.start()
    other.join()
    assert seen == [None]


def test_a_deferred_truth_value_asks_its_probe_once():
    calls = []
    flag = pkn._Deferred(lambda: calls.append(1) or len(calls))
    assert calls == []
    assert bool(flag) and bool(flag) and not (not flag)
    assert calls == [1]
    assert not pkn._Deferred(lambda: False)


# ---------------------------------------------------------------------- the kernels


@needs_numba
def test_float16_rounding_matches_numpy_bit_for_bit():
    # Inputs whose float32 averages land on every kind of float16: ties, subnormals,
    # overflow to inf, values just below the largest float16, signed zeros.
    rng = np.random.default_rng(2)
    halves = rng.integers(0, 1 << 16, 60000, dtype=np.uint16).view(np.float16)
    halves = halves[np.isfinite(halves)]
    x = np.stack([halves[: halves.size // 3 * 3 : 3], halves[1::3][: halves.size // 3],
                  halves[2::3][: halves.size // 3]], axis=-1)[None, :, :, None]
    x = np.concatenate([x, np.full((1, 1, 3, 1), 65504, np.float16)], axis=1)
    got = pkn.pool(x, "average", (1, 3), (1, 3), "valid", True)
    want = (x.astype(np.float32).sum(axis=2, keepdims=True) * np.float32(1 / 3)).astype(
        np.float16
    )
    np.testing.assert_array_equal(got.view(np.uint16), want.view(np.uint16))
    # The float32 -> float16 rounding itself, on float32 bit patterns of every kind.
    from numba import njit

    @njit
    def to_half_bits(bits, out):
        for i in range(bits.size):
            out[i] = pkn.f32_to_f16_bits(bits[i])

    bits = np.concatenate([
        rng.integers(0, 1 << 32, 300000, dtype=np.uint64).astype(np.uint32),
        np.arange(0x33000000 - 100, 0x33000000 + 5000, dtype=np.uint32),  # around 2**-25
        np.arange(0x387FE000, 0x38801000, dtype=np.uint32),  # subnormal/normal edge
        np.arange(0x477FE000, 0x47800400, dtype=np.uint32),  # near 65520 (-> inf)
        np.array([0, 0x80000000, 0x7F800000, 0xFF800000, 0x7F7FFFFF], dtype=np.uint32),
    ])
    bits = bits[~np.isnan(bits.view(np.float32))]
    out = np.empty(bits.size, np.uint16)
    to_half_bits(bits, out)
    with np.errstate(over="ignore"):
        want = bits.view(np.float32).astype(np.float16).view(np.uint16)
    np.testing.assert_array_equal(out, want)


@needs_numba
@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("channels_last", [True, False], ids=["last", "first"])
def test_real_sizes_match_the_numpy_kernels(padding, channels_last, monkeypatch):
    monkeypatch.setenv("RSTYLE_KERAS_KERNELS", "numpy")
    rng = np.random.default_rng(3)
    x = rng.standard_normal((4, 57, 61, 24)).astype(np.float32)
    if not channels_last:
        x = np.ascontiguousarray(np.moveaxis(x, -1, 1))
    for k, s in [((2, 2), (2, 2)), ((3, 3), (1, 1)), ((3, 3), (2, 2)), ((7, 7), (1, 1)),
                 ((5, 2), (3, 1)), ((12, 9), (4, 2))]:
        for mode in ("average", "max"):
            want = pk.pool(x, mode, k, s, padding, channels_last)
            got = pkn.pool(x, mode, k, s, padding, channels_last)
            assert got.dtype == want.dtype and got.shape == want.shape
            if mode == "max":
                np.testing.assert_array_equal(got, want)
            else:
                np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


@needs_numba
@pytest.mark.parametrize("channels", [1, 3])
@pytest.mark.parametrize("spatial, sizes, strides", [
    ([(4, 5), (6, 4)], range(1, 6), range(1, 4)),
    ([(3, 4, 5)], range(1, 5), range(1, 3)),
], ids=["2-D", "3-D"])
def test_every_small_window_and_stride_matches_the_reference(spatial, sizes, strides,
                                                             channels):
    # Every window and stride in the ranges, both paddings, modes and layouts. The kernel
    # carries state from one output row to the next (1 / count, scratch rows), and under
    # "same" the real window height changes from row to row: all such sequences here.
    rng = np.random.default_rng(9)
    failures = []
    for shape in spatial:
        x = rng.standard_normal((2, *shape, channels)).astype(np.float32)
        for channels_last in (True, False):
            xl = x if channels_last else np.ascontiguousarray(np.moveaxis(x, -1, 1))
            for k in itertools.product(sizes, repeat=len(shape)):
                for s in itertools.product(strides, repeat=len(shape)):
                    for padding in ("valid", "same"):
                        if padding == "valid" and any(a > n for a, n in zip(k, shape)):
                            continue
                        for mode in ("average", "max"):
                            got = pkn.pool(xl, mode, k, s, padding, channels_last)
                            want = reference_pool(xl, mode, k, s, padding, channels_last)
                            if got.shape != want.shape or not np.allclose(
                                    got, want, rtol=1e-6, atol=1e-6):
                                failures.append((shape, channels_last, k, s, padding, mode))
    assert failures == []


@needs_numba
@pytest.mark.parametrize("dtype", [np.int16, np.uint16, np.uint32, np.int64, np.uint64,
                                   np.float64])
def test_more_dtypes_for_max(dtype):
    rng = np.random.default_rng(4)
    if np.dtype(dtype).kind == "f":
        x = rng.standard_normal((3, 20, 21, 5)).astype(dtype)
        x[0, 3, 4, 1] = np.nan
    else:
        info = np.iinfo(dtype)
        x = rng.integers(info.min, info.max, (3, 20, 21, 5), dtype=dtype, endpoint=True)
    for args in [((3, 3), (2, 2), "same"), ((2, 4), (1, 3), "valid")]:
        got = pkn.pool(x, "max", *args, True)
        np.testing.assert_array_equal(got, reference_pool(x, "max", *args, True))


@needs_numba
def test_non_contiguous_input_is_read_a_few_images_at_a_time():
    rng = np.random.default_rng(5)
    base = rng.standard_normal((16, 8, 40, 36)).astype(np.float32)
    x = base.transpose(0, 2, 3, 1)  # channels_last view of channels_first memory
    assert not x.flags.c_contiguous
    pkn.pool(x, "average", (3, 3), (2, 2), "same", True)  # compiled before measuring
    tracemalloc.start()
    try:
        got = pkn.pool(x, "average", (3, 3), (2, 2), "same", True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak - got.nbytes < x.nbytes / 2  # 1/8 of it copied at a time, not all of it
    want = reference_pool(x, "average", (3, 3), (2, 2), "same", True)
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
    strided = x[:, ::2, 1:]
    for mode in ("average", "max"):
        got = pkn.pool(strided, mode, (2, 3), (1, 2), "valid", True)
        want = reference_pool(strided, mode, (2, 3), (1, 2), "valid", True)
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


@needs_numba
def test_long_float32_windows_are_summed_in_float64():
    # 40 x 33 windows of values near 1e30: a float32 running sum would drift.
    x = (np.random.default_rng(6).random((1, 80, 70, 3)) * 1e30 + 1e30).astype(np.float32)
    got = pkn.pool(x, "average", (40, 33), (3, 2), "same", True)
    exact = reference_pool(x.astype(np.float64), "average", (40, 33), (3, 2), "same", True)
    np.testing.assert_allclose(got, exact, rtol=1e-7)


@needs_numba
def test_compiled_with_the_on_disk_cache_and_numbas_thread_count(monkeypatch):
    import numba

    monkeypatch.setattr(pkn, "_SERIAL_MAX_BYTES", 0)  # the thread pool, whatever the size
    monkeypatch.setattr(pkn, "_plans", {})

    avg, mx, drive = pkn.kernels()
    for kernel in (avg, mx, drive, pkn.lean_avg, pkn.lean_max):
        assert kernel._cache.__class__.__name__ == "FunctionCache"  # cache=True
    # The chunk kernels compile alone; only the loop that hands chunks out is parallel.
    assert drive.targetoptions.get("parallel") and not avg.targetoptions.get("parallel")
    x = np.random.default_rng(7).standard_normal((4, 30, 30, 6)).astype(np.float32)
    want = pkn.pool(x, "max", (3, 3), (2, 2), "same", True)
    plans = dict(pkn._plans)
    before = numba.get_num_threads()
    try:
        numba.set_num_threads(1)  # per thread: the compiled loop reads it on every call
        np.testing.assert_array_equal(pkn.pool(x, "max", (3, 3), (2, 2), "same", True), want)
    finally:
        numba.set_num_threads(before)
    # One plan (and scratch) for any thread count.
    assert pkn._plans.keys() == plans.keys()
    assert all(pkn._plans[k] is plan for k, plan in plans.items())
    assert want.shape == (4, 15, 15, 6)


@needs_numba
def test_chunks_go_out_one_at_a_time_and_the_callers_chunk_size_stays(monkeypatch):
    import numba

    monkeypatch.setattr(pkn, "_SERIAL_MAX_BYTES", 0)  # the thread pool, whatever the size
    monkeypatch.setattr(pkn, "_plans", {})
    pkn.kernels()

    @numba.njit
    def swap(n):  # what `drive` does around its parallel loop
        before = pkn.set_chunksize(n)
        now = numba.get_parallel_chunksize()
        pkn.set_chunksize(before)
        return before, now, numba.get_parallel_chunksize()

    with numba.parallel_chunksize(5):
        assert swap(1) == (5, 1, 5)
        x = np.random.default_rng(9).standard_normal((4, 30, 30, 6)).astype(np.float32)
        got = pkn.pool(x, "average", (2, 2), (2, 2), "valid", True)
        assert numba.get_parallel_chunksize() == 5
    np.testing.assert_allclose(got, reference_pool(x, "average", (2, 2), (2, 2), "valid", True),
                               rtol=1e-6, atol=1e-6)


@needs_numba
def test_small_inputs_are_pooled_without_the_thread_pool(monkeypatch):
    avg, mx, drive = pkn.kernels()
    calls = []

    def counted(*args):  # the parallel loop, the only way onto numba's threads
        calls.append(args[1].size)
        return drive(*args)

    monkeypatch.setattr(pkn, "kernels", lambda: (avg, mx, counted))
    monkeypatch.setattr(pkn, "_plans", {})
    rng = np.random.default_rng(12)
    small = rng.standard_normal((1, 64, 64, 1)).astype(np.float32)  # 16 KB
    large = rng.standard_normal((1, pkn._SERIAL_MAX_BYTES // 4, 1)).astype(np.float32)
    for x, pool_size in [(small, (3, 3)), (large, (3,))]:
        strides = (2,) * len(pool_size)
        want = reference_pool(x, "average", pool_size, strides, "same", True)
        got = pkn.pool(x, "average", pool_size, strides, "same", True)
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
    assert calls == [large.size]  # the small input never reached the thread pool
    # Both ways give the same bits (each output row is reduced the same way).
    for mode in ("average", "max"):
        for x, pool_size in [(small, (3, 3)), (large, (3,))]:
            got = {}
            for limit in (0, 1 << 62):
                monkeypatch.setattr(pkn, "_SERIAL_MAX_BYTES", limit)
                monkeypatch.setattr(pkn, "_plans", {})
                got[limit] = pkn.pool(x, mode, pool_size, (1,) * len(pool_size), "same", True)
            np.testing.assert_array_equal(got[0], got[1 << 62])


@needs_numba
@pytest.mark.parametrize("window", [(3, 3), (5, 5)], ids=["float32 sums", "float64 sums"])
def test_small_scratch_is_kept_for_the_next_call_and_large_scratch_is_not(window, monkeypatch):
    monkeypatch.setattr(pkn, "_kept", {})
    rng = np.random.default_rng(10)
    # channels_first at stride 1: the two passes, through the scratch row (and, for 5 x 5
    # windows, float64 partial sums in the second scratch array).
    x1, x2 = rng.standard_normal((2, 3, 4, 40, 40)).astype(np.float32)
    r1 = pkn.pool(x1, "average", window, (1, 1), "same", False)
    (kept,) = pkn._kept.values()
    r2 = pkn.pool(x2, "average", window, (1, 1), "same", False)
    (again,) = pkn._kept.values()
    assert all(a is b for a, b in zip(kept, again))
    for got, x in ((r1, x1), (r2, x2)):  # nothing left over from the first call
        np.testing.assert_allclose(got, reference_pool(x, "average", window, (1, 1), "same",
                                                       False), rtol=1e-6, atol=1e-6)
    pkn.release_outputs()
    assert pkn._kept == {}
    monkeypatch.setattr(pkn, "_KEEP_SCRATCH_BYTES", sum(a.nbytes for a in kept) - 1)
    pkn.pool(x1, "average", window, (1, 1), "same", False)
    assert pkn._kept == {}


LEAN_WINDOWS = [  # (pool_size, strides, padding): 2-3 rows and columns, column stride 1 or 2
    ((2, 2), (1, 1), "valid"),
    ((3, 3), (1, 1), "same"),
    ((3, 3), (2, 2), "same"),
    ((3, 3), (2, 2), "valid"),
    ((3, 2), (2, 1), "valid"),
    ((2, 3), (3, 2), "same"),
]


@needs_numba
@pytest.mark.parametrize("window", LEAN_WINDOWS, ids=lambda w: f"{w[0]} {w[1]} {w[2]}")
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("mode", ["average", "max"])
def test_rows_of_one_channel_take_the_lean_kernel_with_the_general_kernels_results(
    window, dtype, mode, monkeypatch
):
    k, s, padding = window
    rng = np.random.default_rng(11)
    plan = pkn._plan
    monkeypatch.setattr(pkn, "_plans", {})
    # channels_first, one channel channels_last, rows clipped at both ends (W = 2), and a
    # non-contiguous input
    for shape, channels_last in (((3, 4, 9, 7), False), ((3, 9, 7, 1), True),
                                 ((2, 3, 2, 2), False), ((16, 2, 6, 5), False)):
        x = rng.standard_normal(shape).astype(dtype)
        x.reshape(-1)[[5, 17]] = np.nan  # max lets NaN win; averages carry it
        if shape[0] == 16:
            x = x[::2]
        pkn._plans.clear()
        got = pkn.pool(x, mode, k, s, padding, channels_last)
        assert pkn._plans[next(iter(pkn._plans))][-1]  # the lean kernel
        monkeypatch.setattr(pkn, "_plan", lambda *a: plan(*a)[:-1] + (False,))
        pkn._plans.clear()
        want = pkn.pool(x, mode, k, s, padding, channels_last)  # the general kernel
        monkeypatch.setattr(pkn, "_plan", plan)
        np.testing.assert_array_equal(got, want)
        if got.size:  # (the reference takes no "valid" windows larger than the input)
            exact = reference_pool(x.astype(np.float64), mode, k, s, padding, channels_last)
            np.testing.assert_allclose(got, exact, rtol=1e-6, atol=1e-6)


@needs_numba
@pytest.mark.parametrize("shape, pool_size, strides, channels_last, dtype", [
    ((2, 3, 8, 8), (2, 2), (2, 2), False, np.float32),  # fused in the general kernel
    ((2, 8, 8, 3), (3, 3), (2, 2), True, np.float32),  # channels
    ((2, 3, 8, 8), (4, 4), (1, 1), False, np.float32),  # 4 columns
    ((2, 3, 8, 8), (3, 3), (3, 3), False, np.float32),  # column stride 3
    ((2, 3, 8, 8), (3, 3), (2, 2), False, np.float16),  # rounded once, through h
    ((2, 1, 4, 8, 8), (1, 3, 3), (1, 2, 2), False, np.float32),  # 3-D
])
def test_other_windows_keep_the_general_kernel(shape, pool_size, strides, channels_last, dtype,
                                               monkeypatch):
    monkeypatch.setattr(pkn, "_plans", {})
    x = np.random.default_rng(12).standard_normal(shape).astype(dtype)
    pkn.pool(x, "max", pool_size, strides, "valid", channels_last)
    assert not pkn._plans[next(iter(pkn._plans))][-1]


# ---------------------------------------------------------------------- output memory


def test_large_outputs_reuse_memory_that_nothing_references(monkeypatch):
    monkeypatch.setattr(pkn, "_REUSE_MIN_BYTES", 4096)
    monkeypatch.setattr(pkn, "_idle", [])
    a = pkn._output((32, 64), np.dtype(np.float32))  # 8 KB: from a memory map
    assert a.shape == (32, 64) and a.dtype == np.float32 and a.flags.writeable
    address = a.ctypes.data
    view = a[3:]
    del a
    gc.collect()
    assert pkn._idle == []  # a view of it is alive
    b = pkn._output((32, 64), np.dtype(np.float32))
    assert b.ctypes.data != address
    view[:] = 1.0
    b[:] = 2.0
    assert (view == 1.0).all()
    del view
    assert len(pkn._idle) == 1  # now unused, and kept
    c = pkn._output((64, 32), np.dtype(np.float32))  # same size, another shape
    assert c.ctypes.data == address and pkn._idle == []
    del b, c
    assert len(pkn._idle) == 2
    many = [pkn._output((8192,), np.dtype(np.uint8)) for _ in range(5)]
    del many
    assert len(pkn._idle) == pkn._REUSE_MAX_IDLE  # the most recently freed only
    small = pkn._output((10,), np.dtype(np.float32))  # under the threshold: np.empty
    assert small.base is None and small.flags.owndata
    pkn.release_outputs()
    assert pkn._idle == []


@needs_numba
def test_an_output_kept_by_the_caller_is_never_reused(monkeypatch):
    monkeypatch.setattr(pkn, "_REUSE_MIN_BYTES", 4096)
    monkeypatch.setattr(pkn, "_idle", [])
    rng = np.random.default_rng(8)
    x1, x2 = rng.standard_normal((2, 4, 30, 40, 6)).astype(np.float32)
    want1 = reference_pool(x1, "average", (3, 3), (1, 1), "same", True)
    want2 = reference_pool(x2, "average", (3, 3), (1, 1), "same", True)
    r1 = pkn.pool(x1, "average", (3, 3), (1, 1), "same", True)
    r2 = pkn.pool(x2, "average", (3, 3), (1, 1), "same", True)
    assert not np.shares_memory(r1, r2)
    address = r2.ctypes.data
    del r2
    r3 = pkn.pool(x2, "average", (3, 3), (1, 1), "same", True)  # r2's memory again
    assert r3.ctypes.data == address
    for got, want in ((r1, want1), (r3, want2)):
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
