"""The fast pooling kernels agree with the slow sliding-window reference on every path.

`rstyle_keras.core.ops.pool_kernels.pool` picks among a tiny-input path and a blocked path
(separable passes, phase gathers, doubling partials, clipped "same" borders, a thread
pool). The `knobs` fixture shrinks its block size and thresholds so that small arrays
hit block edges: sizes not divisible by the block, blocks of one row, windows larger
than a block, batch 1, several threads.

Every test runs on both kernel paths (the `kernel_path` fixture sets RSTYLE_KERAS_KERNELS):
the NumPy kernels, and the compiled numba kernels (the `fast` extra), which skip with a
reason where numba is not installed; the numba kernels both on their thread pool and on
the calling thread, as small inputs take them. The knobs only steer the NumPy kernels.
"""

from __future__ import annotations

import os
import threading
import zlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rstyle_keras.core.ops import pool_kernels as pk
from rstyle_keras.core.ops import pool_kernels_numba as pkn
from tests.reference_pooling import pool as reference_pool
from tests.reference_pooling import same_padding as reference_same_padding

# name: (block bytes, tiny-size threshold, thread threshold, gather max)
KNOBS = {
    "default": None,
    "one-row-blocks": (1, 0, 0, pk._GATHER_MAX),
    "odd-blocks": (3000, 0, 0, pk._GATHER_MAX),
    "whole-blocks": (1 << 30, 0, 0, pk._GATHER_MAX),
    "no-gather": (700, 0, 0, 0),
    "tiny-path": (pk._BLOCK_BYTES, 1 << 40, 1 << 40, pk._GATHER_MAX),
}


def set_knobs(monkeypatch, name):
    knobs = KNOBS[name]
    if knobs is not None:
        block, tiny, thread, gather = knobs
        monkeypatch.setattr(pk, "_BLOCK_BYTES", block)
        monkeypatch.setattr(pk, "_TINY_SIZE", tiny)
        monkeypatch.setattr(pk, "_THREAD_MIN_BYTES", thread)
        monkeypatch.setattr(pk, "_GATHER_MAX", gather)
    pk._program.cache_clear()  # programs bake in the gather choice


@pytest.fixture(autouse=True, params=["numpy", "numba", "numba-serial"])
def kernel_path(request, monkeypatch):
    """Run the test on the NumPy kernels, then on the numba ones: on numba's thread pool
    (the rows in chunks), and in one chunk on the calling thread (small inputs' way)."""
    path = request.param.split("-")[0]
    if path == "numba" and not pkn.available():
        pytest.skip("numba is not installed (the fast extra; CI installs it with the test extra)")
    monkeypatch.setenv("RSTYLE_KERAS_KERNELS", path)
    serial = request.param.endswith("serial")
    monkeypatch.setattr(pkn, "_SERIAL_MAX_BYTES", 1 << 62 if serial else 0)
    monkeypatch.setattr(pkn, "_plans", {})  # plans bake in the choice
    return path


@pytest.fixture(params=list(KNOBS))
def knobs(request, monkeypatch):
    set_knobs(monkeypatch, request.param)
    yield request.param
    pk._program.cache_clear()


def layout(shape, channels_last):
    """(batch, *spatial, channels) -> the array shape for the layout."""
    return shape if channels_last else (shape[0], shape[-1], *shape[1:-1])


def check(x, mode, pool_size, strides, padding, channels_last, rtol=1e-6, atol=1e-6):
    before = x.copy()
    got = pk.pool(x, mode, pool_size, strides, padding, channels_last)
    want = reference_pool(x, mode, pool_size, strides, padding, channels_last)
    assert got.dtype == x.dtype
    assert got.shape == want.shape
    assert not np.shares_memory(got, x)
    np.testing.assert_array_equal(x, before)  # the input is never written to
    if mode == "max" or x.dtype.kind != "f":
        np.testing.assert_array_equal(got, want)
    else:
        np.testing.assert_allclose(got, want, rtol=rtol, atol=atol, equal_nan=True)
    return got


# Spatial size, pool, stride, padding over 1, 2 and 3 spatial axes: windows that overlap
# or skip cells, "same" windows wider than the input, sizes prime to the block sizes.
CASES = [
    ((1, 17, 3), (2,), (2,), "valid"),
    ((2, 23, 4), (5,), (1,), "same"),
    ((1, 9, 2), (4,), (6,), "same"),  # stride > pool: skipped cells
    ((2, 6, 3), (9,), (2,), "same"),  # window wider than the input
    ((2, 11, 13, 3), (2, 2), (2, 2), "valid"),
    ((1, 14, 9, 5), (3, 3), (1, 1), "same"),
    ((2, 13, 10, 4), (3, 2), (2, 3), "same"),
    ((1, 12, 12, 2), (7, 7), (1, 1), "valid"),  # doubling partials
    ((3, 10, 15, 1), (2, 5), (3, 2), "valid"),
    ((1, 8, 7, 3), (11, 4), (1, 5), "same"),
    ((2, 5, 6, 7, 2), (2, 2, 2), (2, 2, 2), "valid"),
    ((1, 7, 5, 6, 3), (3, 2, 4), (1, 2, 3), "same"),
    ((1, 9, 4, 5, 1), (5, 1, 2), (2, 1, 1), "valid"),
    # 4 or more columns, rows clipped to 2 then 1 under "same": each row's own 1 / count
    ((2, 5, 9, 3), (2, 4), (1, 1), "same"),
    ((1, 5, 11, 1), (2, 5), (1, 2), "same"),
    ((1, 3, 4, 7, 2), (2, 2, 4), (1, 1, 1), "same"),
]


@pytest.mark.parametrize("mode", ["average", "max"])
@pytest.mark.parametrize("channels_last", [True, False], ids=["last", "first"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}-{c[3]}")
def test_matches_reference(knobs, case, mode, channels_last):
    shape, pool_size, strides, padding = case
    rng = np.random.default_rng(zlib.crc32(repr((shape, pool_size, mode)).encode()))
    x = rng.standard_normal(layout(shape, channels_last)).astype(np.float32)
    check(x, mode, pool_size, strides, padding, channels_last)


@pytest.mark.parametrize("padding", ["valid", "same"])
def test_both_paddings_on_a_case_with_borders_everywhere(knobs, padding):
    x = np.random.default_rng(1).standard_normal((2, 10, 11, 3)).astype(np.float32)
    for mode in ("average", "max"):
        check(x, mode, (3, 4), (2, 3), padding, True)


def test_float64_sums_in_float64(knobs):
    x = np.random.default_rng(2).standard_normal((2, 9, 10, 3))
    check(x, "average", (3, 3), (2, 1), "same", True, rtol=1e-13, atol=1e-13)


def test_float16_accumulates_in_float32(knobs):
    rng = np.random.default_rng(3)
    x = (rng.standard_normal((2, 12, 11, 3)) * 100).astype(np.float16)
    got = check(x, "average", (5, 5), (2, 1), "same", True, rtol=2e-3, atol=1e-2)
    # A float16 running sum of 25 values near 100 would be visibly off; float32 is not.
    exact = reference_pool(x.astype(np.float64), "average", (5, 5), (2, 1), "same", True)
    np.testing.assert_allclose(got.astype(np.float64), exact, rtol=1e-3, atol=0.05)
    check(x, "max", (3, 3), (2, 2), "same", True)


@pytest.mark.parametrize("dtype", [np.int8, np.uint8, np.int32, np.int64, np.bool_])
def test_integer_and_bool_max(knobs, dtype):
    rng = np.random.default_rng(4)
    if dtype == np.bool_:
        x = rng.random((2, 9, 8, 3)) < 0.2
    else:
        info = np.iinfo(dtype)
        x = rng.integers(info.min, info.max, (2, 9, 8, 3), dtype=dtype, endpoint=True)
    for channels_last in (True, False):
        xl = x if channels_last else np.ascontiguousarray(np.moveaxis(x, -1, 1))
        check(xl, "max", (3, 3), (2, 2), "same", channels_last)
        check(xl, "max", (2, 3), (3, 1), "valid", channels_last)


def test_pads_never_win(knobs):
    # Every real cell is the dtype's minimum (or -inf): a pad of 0 would show.
    for x in (
        np.full((1, 7, 6, 2), np.iinfo(np.int16).min, dtype=np.int16),
        np.full((1, 7, 6, 2), -np.inf, dtype=np.float32),
        np.full((1, 7, 6, 2), -5.0, dtype=np.float32),
        np.zeros((1, 7, 6, 2), dtype=bool),
    ):
        got = check(x, "max", (4, 4), (3, 2), "same", True)
        assert (got == x.flat[0]).all()


@pytest.mark.parametrize("mode", ["average", "max"])
def test_nan_propagates(knobs, mode):
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 13, 12, 3)).astype(np.float32)
    x[0, 0, 0, 0] = np.nan  # a corner: only border windows see it
    x[1, 6, 5, 1] = np.nan
    x[0, 12, 11, 2] = np.nan
    for args in [((3, 3), (1, 1), "same"), ((2, 2), (2, 2), "valid"), ((5, 3), (2, 3), "same")]:
        got = check(x, mode, *args, True)
        assert np.isnan(got).any()
        want = reference_pool(x, mode, *args, True)
        np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
    # np.fmax would drop the NaN; max must not.
    y = np.zeros((1, 4, 4, 1), dtype=np.float32)
    y[0, 1, 1, 0] = np.nan
    assert np.isnan(pk.pool(y, mode, (2, 2), (2, 2), "valid", True)[0, 0, 0, 0])


def test_infinities(knobs):
    x = np.random.default_rng(6).standard_normal((1, 8, 8, 2)).astype(np.float32)
    x[0, 2, 3, 0] = np.inf
    x[0, 5, 5, 1] = -np.inf
    for mode in ("average", "max"):
        check(x, mode, (3, 3), (1, 1), "same", True)


def test_non_contiguous_input(knobs):
    base = np.random.default_rng(7).standard_normal((3, 4, 15, 14)).astype(np.float32)
    x = base.transpose(0, 2, 3, 1)  # a channels_last view of channels_first memory
    assert not x.flags.c_contiguous
    for mode in ("average", "max"):
        check(x, mode, (3, 2), (2, 2), "same", True)
        check(x[:, ::2, 1:, :], mode, (2, 2), (1, 2), "valid", True)


def test_large_windows_and_values_stay_accurate(knobs):
    rng = np.random.default_rng(8)
    x = (rng.random((1, 60, 50, 2)) * 1e30 + 1e30).astype(np.float32)
    got = pk.pool(x, "average", (40, 33), (7, 5), "same", True)
    exact = reference_pool(x.astype(np.float64), "average", (40, 33), (7, 5), "same", True)
    np.testing.assert_allclose(got, exact, rtol=2e-6)
    # Mixed signs and a large window: the error tracks the sum of |x|, not more.
    y = rng.standard_normal((1, 64, 3, 1)).astype(np.float32) * 1e6
    got = pk.pool(y, "average", (31, 3), (1, 1), "valid", True)
    exact = reference_pool(y.astype(np.float64), "average", (31, 3), (1, 1), "valid", True)
    scale = reference_pool(np.abs(y).astype(np.float64), "average", (31, 3), (1, 1), "valid", True)
    assert (np.abs(got - exact) <= 1e-6 * scale).all()


def test_batch_one_and_single_cells(knobs):
    rng = np.random.default_rng(9)
    for shape, args in [
        ((1, 1, 1, 1), ((1, 1), (1, 1), "valid")),
        ((1, 1, 1, 1), ((3, 3), (2, 2), "same")),
        ((1, 1, 40, 1), ((1, 5), (1, 5), "valid")),
        ((1, 40, 1, 1), ((5, 1), (4, 1), "same")),
        ((1, 33, 2, 9), ((33, 1), (1, 1), "valid")),
    ]:
        x = rng.standard_normal(shape).astype(np.float32)
        for mode in ("average", "max"):
            check(x, mode, *args, True)
            check(np.ascontiguousarray(np.moveaxis(x, -1, 1)), mode, *args, False)


def test_windows_larger_than_a_block(monkeypatch):
    set_knobs(monkeypatch, "one-row-blocks")
    x = np.random.default_rng(10).standard_normal((2, 31, 9, 4)).astype(np.float32)
    for mode in ("average", "max"):
        check(x, mode, (9, 3), (1, 2), "same", True)
        check(x, mode, (12, 2), (5, 1), "valid", True)
    pk._program.cache_clear()


def test_safe_from_several_threads(monkeypatch):
    set_knobs(monkeypatch, "odd-blocks")
    rng = np.random.default_rng(11)
    inputs = [rng.standard_normal((2, 17 + i, 19, 3)).astype(np.float32) for i in range(6)]
    wants = [reference_pool(x, "average", (3, 3), (2, 1), "same", True) for x in inputs]
    errors = []

    def worker(i):
        try:
            for _ in range(3):
                got = pk.pool(inputs[i], "average", (3, 3), (2, 1), "same", True)
                np.testing.assert_allclose(got, wants[i], rtol=1e-6, atol=1e-6)
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(inputs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    pk._program.cache_clear()
    assert not errors, errors


def test_default_thresholds_use_blocks_and_threads():
    # A real-size input: several blocks on the thread pool, with the default knobs.
    x = np.random.default_rng(12).standard_normal((4, 70, 66, 16)).astype(np.float32)
    assert x.nbytes >= pk._THREAD_MIN_BYTES
    for mode in ("average", "max"):
        check(x, mode, (3, 3), (2, 2), "same", True)
        check(np.ascontiguousarray(np.moveaxis(x, -1, 1)), mode, (2, 2), (2, 2), "valid", False)


def test_same_padding_matches_reference():
    for n in range(1, 12):
        for k in range(1, 7):
            for s in range(1, 5):
                assert pk.same_padding(n, k, s) == reference_same_padding(n, k, s)


@st.composite
def pooling_problems(draw):
    rank = draw(st.integers(1, 3))
    spatial = draw(st.lists(st.integers(1, 9), min_size=rank, max_size=rank))
    padding = draw(st.sampled_from(["valid", "same"]))
    pool_size = []
    for n in spatial:
        top = n if padding == "valid" else 10
        pool_size.append(draw(st.integers(1, top)))
    strides = draw(st.lists(st.integers(1, 5), min_size=rank, max_size=rank))
    batch = draw(st.integers(1, 3))
    channels = draw(st.integers(1, 4))
    channels_last = draw(st.booleans())
    mode = draw(st.sampled_from(["average", "max"]))
    seed = draw(st.integers(0, 2**32 - 1))
    shape = layout((batch, *spatial, channels), channels_last)
    return shape, mode, tuple(pool_size), tuple(strides), padding, channels_last, seed


# kernel_path is function-scoped: it sets the same environment variable for every example.
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(pooling_problems(), st.sampled_from(["one-row-blocks", "odd-blocks", "tiny-path"]))
def test_random_problems(problem, knob_name):
    shape, mode, pool_size, strides, padding, channels_last, seed = problem
    x = np.random.default_rng(seed).standard_normal(shape).astype(np.float32)
    with pytest.MonkeyPatch.context() as mp:
        set_knobs(mp, knob_name)
        check(x, mode, pool_size, strides, padding, channels_last)
    pk._program.cache_clear()


def test_matches_keras_jax():
    """float32 within 1e-6 relative of keras.ops (JAX); float16 within float16 rounding."""
    import os

    os.environ.setdefault("KERAS_BACKEND", "jax")
    keras = pytest.importorskip(
        "keras", reason="Keras 3 is not installed (the test extra installs it, with jax)"
    )
    if keras.backend.backend() != "jax":
        pytest.skip(f"compares with Keras on JAX; KERAS_BACKEND is {keras.backend.backend()!r}")

    rng = np.random.default_rng(13)
    for dtype, rtol, atol in [(np.float32, 1e-6, 1e-6), (np.float16, 1e-3, 2e-3)]:
        x = rng.standard_normal((2, 15, 14, 3)).astype(dtype)
        for mode, fn in (("average", keras.ops.average_pool), ("max", keras.ops.max_pool)):
            for args in [
                ((3, 3), (2, 2), "same"),
                ((2, 2), (2, 2), "valid"),
                ((5, 4), (1, 3), "same"),
            ]:
                got = pk.pool(x, mode, *args, True)
                want = np.asarray(fn(x, *args, data_format="channels_last"))
                assert want.dtype == got.dtype
                np.testing.assert_allclose(
                    got.astype(np.float64), want.astype(np.float64), rtol=rtol, atol=atol
                )


@pytest.mark.parametrize("kernel_path", ["numpy"], indirect=True)  # a NumPy-path check
def test_two_axis_float_inputs_take_the_flat_shift_path(monkeypatch, kernel_path):
    calls = []
    real = pk._fast2d

    def spy(*args):
        calls.append(args[2:])
        return real(*args)

    monkeypatch.setattr(pk, "_fast2d", spy)
    rng = np.random.default_rng(14)
    for dtype in (np.float32, np.float64):
        x = rng.standard_normal((3, 21, 19, 5)).astype(dtype)
        for channels_last in (True, False):
            xl = x if channels_last else np.ascontiguousarray(np.moveaxis(x, -1, 1))
            for mode in ("average", "max"):
                for args in [
                    ((2, 2), (2, 2), "valid"),
                    ((3, 3), (2, 2), "same"),
                    ((3, 3), (1, 1), "same"),
                    ((7, 7), (1, 1), "valid"),
                    ((2, 3), (3, 4), "same"),
                    ((10, 9), (1, 2), "same"),
                ]:
                    check(xl, mode, *args, channels_last)
    assert len(calls) == 2 * 2 * 2 * 6


def test_no_warning_from_windows_that_wrap_across_rows(knobs):
    # Row ends hold huge values of the same sign: a window wrapping from one row's end to
    # the next row's start would overflow, but no real window does.
    x = np.zeros((2, 6, 5, 1), dtype=np.float32)
    x[:, :, 0] = 3e38
    x[:, :, -1] = 3e38
    with np.errstate(all="raise"):
        for mode in ("average", "max"):
            check(x, mode, (1, 2), (1, 1), "valid", True)
            check(np.ascontiguousarray(np.moveaxis(x, -1, 1)), mode, (1, 2), (1, 1), "valid", False)


@pytest.mark.parametrize("kernel_path", ["numpy"], indirect=True)  # a NumPy-path rule
def test_thread_count_follows_the_work_not_just_the_cores(monkeypatch, kernel_path):
    # Each thread keeps a scratch arena of about 1 MB or more (1/10 of _BYTES_PER_THREAD):
    # a 16-core machine gives a mid-size input the 3 threads measured fastest there, not
    # 16 threads with arenas too small to work well; only large inputs get more.
    monkeypatch.setattr(pk, "_cores", lambda: 16)
    assert pk._threads_for(pk._THREAD_MIN_BYTES - 1) == 1
    assert pk._threads_for(25 << 20) == 3  # case 4's input
    assert pk._threads_for(98 << 20) == min(pk._MAX_THREADS, (98 << 20) // pk._BYTES_PER_THREAD)
    for nbytes in (1 << 20, 25 << 20, 1 << 30):
        threads = pk._threads_for(nbytes)
        floor = threads == pk._MIN_THREADS
        assert floor or pk._budget(nbytes, threads) * 10 >= pk._BYTES_PER_THREAD
    monkeypatch.setattr(pk, "_cores", lambda: 2)
    assert pk._threads_for(1 << 30) == 2
    assert pk._threads_for(25 << 20) == 2
    monkeypatch.setattr(pk, "_cores", lambda: 1)
    assert pk._threads_for(1 << 30) == 1


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="no CPU affinity on this OS")
def test_cores_are_those_this_process_may_run_on(monkeypatch):
    # `taskset -c 0,1` on a 16-core machine: 2 cores, as numba counts them.
    monkeypatch.setattr(pk.os, "cpu_count", lambda: 16)
    monkeypatch.setattr(pk.os, "sched_getaffinity", lambda pid: {0, 1})
    assert pk._cores() == 2 and pk._thread_count() == 2
