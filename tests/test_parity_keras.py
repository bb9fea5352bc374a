"""Live parity with real Keras 3 (JAX backend, CPU): values, NaN, shapes and dtypes of all
12 pooling layers and the two pooling ops, eager and symbolic.

* An explicit AveragePooling2D grid against eager `keras.layers.AveragePooling2D(...)(x)`.
* A seeded random suite over all 12 layers (RSTYLE_PARITY_SEED picks the seed,
  RSTYLE_PARITY_CASES the number of cases); every failure prints the seed and the case,
  and `python -m tests.keras_reference <seed> <index>` replays one case.
* `op_average_pool()`/`op_max_pool()` against `keras.ops.average_pool()`/`max_pool()`.
"""

import os
import warnings

import numpy as np
import pytest

from rstyle_keras import (
    AveragePooling2D,
    KerasTensor,
    Tensor,
    keras_input,
    op_average_pool,
    op_max_pool,
)
from tests.keras_reference import (
    KERAS_SKIP_REASON,
    LAYERS,
    PADDINGS,
    check_case,
    compare_arrays,
    expected_windowed_shape,
    keras_class,
    keras_eager,
    keras_results,
    parity_seed,
    random_case,
    random_cases,
)

os.environ.setdefault("KERAS_BACKEND", "jax")  # before Keras is first imported
if os.environ["KERAS_BACKEND"] != "jax":
    pytest.skip(f"parity runs on KERAS_BACKEND=jax, not {os.environ['KERAS_BACKEND']!r}",
                allow_module_level=True)
jax = pytest.importorskip("jax", reason=KERAS_SKIP_REASON)
keras = pytest.importorskip("keras", reason=KERAS_SKIP_REASON)

# Keras-JAX runs with x64 disabled: float64 inputs are truncated to float32, with a warning.
pytestmark = pytest.mark.filterwarnings("ignore:Explicitly requested dtype:UserWarning")

SEED = parity_seed()
N_CASES = int(os.environ.get("RSTYLE_PARITY_CASES", "600"))
CHUNK = 100


def _input(shape, dtype, seed=0):
    rng = np.random.default_rng(seed)
    if np.dtype(dtype).kind == "i":
        return rng.integers(-50, 50, size=shape).astype(dtype)
    return (rng.standard_normal(shape) * 3).astype(dtype)


# -- a. AveragePooling2D over an explicit grid -----------------------------------------------
# (pool_size, strides, spatial size): pool != stride, odd sizes, strides None and > pool.
GRID = [
    ((2, 2), None, (5, 7)),
    ((3, 3), (2, 2), (7, 7)),
    ((2, 3), (3, 1), (5, 9)),
    ((3, 2), (1, 1), (7, 5)),
    ((1, 2), (3, 4), (9, 7)),
]
GRID_IDS = [f"pool{p}-strides{s}-size{z}" for p, s, z in GRID]


@pytest.mark.parametrize("input_dtype", ["float16", "float32", "float64", "int32"])
@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("pool_size, strides, size", GRID, ids=GRID_IDS)
def test_average_pooling_2d_grid(pool_size, strides, size, padding, data_format, input_dtype):
    shape = (2, *size, 3) if data_format == "channels_last" else (2, 3, *size)
    x = _input(shape, input_dtype)
    args = dict(pool_size=pool_size, strides=strides, padding=padding, data_format=data_format)
    want = keras_eager(keras, keras.layers.AveragePooling2D(**args), x)
    got = AveragePooling2D(**args)(x)
    assert isinstance(got, Tensor)
    assert got.dtype == want.dtype == np.float32  # floats -> float32 layer; int averages too
    assert got.shape == want.shape
    np.testing.assert_allclose(np.asarray(got), want, rtol=1e-6, atol=1e-6)
    assert not compare_arrays(got, want)


@pytest.mark.parametrize("unknown", [False, True], ids=["known", "unknown-size"])
@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("pool_size, strides, size", GRID, ids=GRID_IDS)
def test_average_pooling_2d_grid_symbolic(pool_size, strides, size, padding, data_format, unknown):
    spatial = (None, size[1]) if unknown else size
    sample_shape = (*spatial, 3) if data_format == "channels_last" else (3, *spatial)
    args = dict(pool_size=pool_size, strides=strides, padding=padding, data_format=data_format)
    klayer = keras.layers.AveragePooling2D(**args)
    want = tuple(klayer.compute_output_shape((None, *sample_shape)))
    want_symbolic = klayer(keras.Input(shape=sample_shape))
    got = AveragePooling2D(**args)(keras_input(shape=sample_shape))
    assert isinstance(got, KerasTensor)
    assert got.shape == want == tuple(want_symbolic.shape)
    assert got.dtype == want_symbolic.dtype == "float32"


def test_grid_padding_in_any_case_matches_keras():
    x = _input((2, 7, 5, 3), "float32")
    want = keras_eager(keras, keras.layers.AveragePooling2D(3, strides=2, padding="same"), x)
    for padding in ("SAME", "Same", "sAmE"):
        got = AveragePooling2D(3, strides=2, padding=padding)(x)
        assert not compare_arrays(got, want), padding


# -- b. the seeded random suite over all 12 layers -------------------------------------------
def _failure_report(failures, n_checked):
    lines = [
        f"{len(failures)} of {n_checked} parity cases differ from Keras "
        f"(seed {SEED}; replay with RSTYLE_PARITY_SEED={SEED}, or one case with "
        f"`python -m tests.keras_reference {SEED} <index>`):"
    ]
    for case, problems in failures[:25]:
        lines.append(f"- {case.describe()}")
        lines += [f"    {p}" for p in problems]
    if len(failures) > 25:
        lines.append(f"... and {len(failures) - 25} more")
    return "\n".join(lines)


@pytest.mark.parametrize("chunk", range(-(-N_CASES // CHUNK)))
def test_random_layer_parity(chunk):
    cases = [random_case(SEED, i) for i in range(chunk * CHUNK, min(N_CASES, (chunk + 1) * CHUNK))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        outputs = keras_results(keras, cases)
    failures = []
    for case, want in zip(cases, outputs):
        problems = check_case(keras, case, want)
        if problems:
            failures.append((case, problems))
    assert not failures, _failure_report(failures, len(cases))


def test_random_cases_cover_the_space():
    """The random suite really draws what it claims to (so a generator bug cannot silently
    shrink the coverage)."""
    cases = random_cases(SEED, N_CASES)
    assert len(cases) >= 500
    assert {c.layer for c in cases} == set(LAYERS)
    windowed = [c for c in cases if "pool_size" in c.kwargs]
    assert {c.kwargs["padding"] for c in windowed} == set(PADDINGS)
    assert {c.kwargs.get("data_format") for c in cases} == {None, "channels_last", "channels_first"}
    assert {c.input_dtype for c in cases} == {"float16", "float32", "float64", "int32"}
    assert {c.kwargs.get("dtype") for c in cases} == {None, "float32", "float16"}
    assert {type(c.kwargs["pool_size"]) for c in windowed} == {int, tuple}
    assert {type(c.kwargs.get("strides")) for c in windowed} == {type(None), int, tuple}
    assert {c.kwargs.get("keepdims") for c in cases if "pool_size" not in c.kwargs} == {
        None, True, False,
    }
    assert {c.input_shape[0] for c in cases} == {1, 2, 3}
    assert sum(c.nan for c in cases) >= 50
    assert sum(None in c.symbolic_shape for c in cases) >= 50
    assert any(1 in c.input_shape[1:] for c in cases)

    def fits(c):
        k = c.kwargs["pool_size"]
        pool = k if isinstance(k, tuple) else (k,) * c.info.rank
        s = c.kwargs.get("strides")
        strides = pool if s is None else (s if isinstance(s, tuple) else (s,) * c.info.rank)
        if any(si > ki for si, ki in zip(strides, pool)):
            fits.larger_strides += 1
        return expected_windowed_shape(
            c.input_shape, pool, strides, c.kwargs["padding"].lower(), c.data_format
        ) is not None

    fits.larger_strides = 0
    too_big = [c for c in windowed if not fits(c)]
    assert 10 <= len(too_big) <= len(windowed) // 4  # some Keras-empty cases, not too many
    assert fits.larger_strides >= 50


def test_jit_reference_matches_eager_keras():
    """The random suite runs Keras's layers under `jax.jit` (to compile once per group of
    cases); on a sample, that gives exactly what eager Keras layers give."""
    cases = random_cases(SEED, N_CASES)[::40]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        jitted = keras_results(keras, cases)
        for case, want in zip(cases, jitted):
            eager = keras_eager(
                keras, keras_class(keras, case.layer)(**case.keras_kwargs()), case.make_input()
            )
            assert eager.shape == want.shape and eager.dtype == want.dtype, case.describe()
            np.testing.assert_allclose(want, eager, rtol=1e-6, atol=1e-6, err_msg=case.describe())


# -- c. the ops against keras.ops ------------------------------------------------------------
def _op_case(rng):
    """A random op case; one in six has a window that does not fit under "valid"."""
    rank = int(rng.integers(1, 4))
    max_size = {1: 10, 2: 7, 3: 5}[rank]
    too_big = rng.random() < 1 / 6
    pool = tuple(int(v) for v in rng.integers(2 if too_big else 1, 4, rank))
    pool_arg = pool if rng.random() < 0.5 else pool[0]
    if not isinstance(pool_arg, tuple):
        pool = (pool[0],) * rank
    spatial = [max(int(v), k) for v, k in zip(rng.integers(1, max_size + 1, rank), pool)]
    if too_big:
        spatial[int(rng.integers(rank))] = 1
    strides = [None, int(rng.integers(1, 4)), tuple(int(v) for v in rng.integers(1, 5, rank))][
        int(rng.integers(3))
    ]
    padding = str(rng.choice(PADDINGS))
    data_format = ["channels_last", "channels_first", None][int(rng.integers(3))]
    batch = int(rng.integers(1, 3))
    cl = data_format != "channels_first"
    shape = (batch, *spatial, 2) if cl else (batch, 2, *spatial)
    return shape, pool_arg, pool, strides, padding, data_format


@pytest.mark.parametrize("mode", ["average", "max"])
def test_ops_match_keras_ops(mode):
    rng = np.random.default_rng([SEED, 7 if mode == "average" else 8])
    ours = op_average_pool if mode == "average" else op_max_pool
    theirs = keras.ops.average_pool if mode == "average" else keras.ops.max_pool
    cases = []
    for i in range(80):
        shape, pool_arg, pool, strides, padding, data_format = _op_case(rng)
        x = _input(shape, "float32", seed=i)
        if rng.random() < 0.2:
            x[rng.random(shape) < 0.1] = np.nan
        cases.append((x, pool_arg, pool, strides, padding, data_format))

    def keras_ops(xs):
        # Keras 3.15's ops crash under JAX with strides=None: give them explicitly.
        return [
            theirs(x, pool_arg, strides=pool if strides is None else strides,
                   padding=padding.lower(), data_format=data_format or "channels_last")
            for x, (_, pool_arg, pool, strides, padding, data_format) in zip(xs, cases)
        ]

    # One jax.jit over all cases: one XLA compilation, the same keras.ops code.
    wants = [np.asarray(w) for w in jax.jit(keras_ops)([case[0] for case in cases])]
    failures = []
    for i, ((x, pool_arg, _, strides, padding, data_format), want) in enumerate(zip(cases, wants)):
        before = x.copy()
        what = (f"seed {SEED} op case {i}: {ours.__name__}(x{list(x.shape)}, {pool_arg!r}, "
                f"strides={strides!r}, padding={padding!r}, data_format={data_format!r})")
        try:
            got = ours(x, pool_arg, strides=strides, padding=padding, data_format=data_format)
        except ValueError as e:
            if want.size != 0 or "`pool_size`" not in str(e):
                failures.append(f"{what}: ValueError {e} (Keras shape {want.shape})")
        else:
            if want.size == 0:
                failures.append(f"{what}: returned {got.shape} where Keras is empty")
            elif not isinstance(got, Tensor):
                failures.append(f"{what}: returned {type(got).__name__}")
            else:
                failures += [f"{what}: {p}" for p in compare_arrays(got, want)]
        if not np.array_equal(x, before, equal_nan=True):
            failures.append(f"{what}: modified its input")
    assert sum(w.size == 0 for w in wants) >= 3  # some windows that do not fit (valid)
    assert not failures, "\n".join(failures)


def test_op_eager_keras_spot_check():
    """A few ops cases eagerly, as a user calls keras.ops (not under jax.jit)."""
    x = _input((2, 7, 5, 3), "float32")
    for padding in ("valid", "same"):
        for ours, theirs in ((op_average_pool, keras.ops.average_pool),
                             (op_max_pool, keras.ops.max_pool)):
            want = np.asarray(theirs(x, (3, 2), strides=(2, 1), padding=padding))
            got = ours(x, (3, 2), strides=(2, 1), padding=padding.upper())
            assert not compare_arrays(got, want), (ours.__name__, padding)


def test_jax_is_on_cpu():
    assert keras.backend.backend() == "jax"
    assert jax.default_backend() == "cpu"
