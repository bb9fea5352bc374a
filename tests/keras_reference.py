"""Shared helpers of the live Keras parity, property and serialization tests.

* `import_keras()` imports real Keras 3 on the JAX backend (CPU) or returns why it cannot.
* `LAYERS` describes the 12 pooling layers: our class, R function, rank and kind.
* `random_case(seed, index)` draws one reproducible parity case (it depends on the seed
  and its index only); `keras_results(keras, cases)` runs them in Keras and
  `check_case(keras, case, keras_output)` lists what differs (empty when all agree).

A failing case prints the seed, its index and its parameters, so it can be replayed with
`RSTYLE_PARITY_SEED=<seed>`, or alone: `python -m tests.keras_reference <seed> <index>`.
"""

from __future__ import annotations

import dataclasses
import os

import numpy as np

import rstyle_keras as rk

KERAS_SKIP_REASON = "live Keras parity needs keras>=3 and jax (CPU); install the `test` extra"


def import_keras():
    """Real Keras 3 on the JAX backend (CPU), or None when keras/jax are not importable."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    if os.environ["KERAS_BACKEND"] != "jax":
        return None
    try:
        import jax  # noqa: F401
        import keras
    except ImportError:
        return None
    return keras


@dataclasses.dataclass(frozen=True)
class LayerInfo:
    name: str  # the Keras / our class name, e.g. "AveragePooling2D"
    ours: type  # our layer class
    function: object  # the R-style function, e.g. layer_average_pooling_2d
    rank: int  # 1, 2 or 3 spatial dimensions
    mode: str  # "average" or "max"
    is_global: bool

    @property
    def input_ndim(self) -> int:
        return self.rank + 2


def _layer_infos() -> dict[str, LayerInfo]:
    infos = {}
    for mode, title in (("average", "Average"), ("max", "Max")):
        for rank in (1, 2, 3):
            for is_global in (False, True):
                name = f"{'Global' if is_global else ''}{title}Pooling{rank}D"
                function = (
                    f"layer_{'global_' if is_global else ''}{mode}_pooling_{rank}d"
                )
                infos[name] = LayerInfo(
                    name, getattr(rk, name), getattr(rk, function), rank, mode, is_global
                )
    return infos


LAYERS = _layer_infos()
WINDOWED = [info for info in LAYERS.values() if not info.is_global]
GLOBAL = [info for info in LAYERS.values() if info.is_global]

PADDINGS = ("valid", "same", "VALID", "SAME", "Valid", "Same", "vAlId", "sAmE")


# -- expected results, independent of the package ------------------------------------------
def spatial_axes(ndim: int, data_format: str) -> tuple[int, ...]:
    return tuple(range(1, ndim - 1)) if data_format == "channels_last" else tuple(range(2, ndim))


def expected_windowed_shape(shape, pool_size, strides, padding, data_format):
    """The output shape, or None when a window does not fit under "valid" (Keras: empty)."""
    out = list(shape)
    for axis, k, s in zip(spatial_axes(len(shape), data_format), pool_size, strides):
        size = shape[axis]
        if size is None:
            continue
        if padding == "valid":
            if size < k:
                return None
            out[axis] = (size - k) // s + 1
        else:
            out[axis] = -(-size // s)
    return tuple(out)


def expected_global_shape(shape, data_format, keepdims):
    axes = spatial_axes(len(shape), data_format)
    if keepdims:
        return tuple(1 if a in axes else d for a, d in enumerate(shape))
    return tuple(d for a, d in enumerate(shape) if a not in axes)


def compute_dtype(layer_dtype) -> str:
    return {None: "float32", "mixed_float16": "float16"}.get(layer_dtype, layer_dtype)


def expected_dtype(mode: str, input_dtype, layer_dtype) -> np.dtype:
    """Keras's rule: floats are cast to the layer's compute dtype; integer averages are
    float32 (floatx); max keeps integers and bools as they are."""
    input_dtype = np.dtype(input_dtype)
    if input_dtype.kind == "f":
        return np.dtype(compute_dtype(layer_dtype))
    return np.dtype("float32") if mode == "average" else input_dtype


def tolerance(dtype) -> dict:
    """Tolerances by output dtype: float32 is tight; float16 sums round differently."""
    dtype = np.dtype(dtype)
    if dtype == np.float16:
        return {"rtol": 1e-2, "atol": 1e-2}
    if dtype.kind == "f":
        return {"rtol": 1e-6, "atol": 1e-6}
    return {"rtol": 0, "atol": 0}


def compare_arrays(got, want, what: str = "values") -> list[str]:
    """Problems (as text) between our array and Keras's: shape, dtype, NaN positions, values."""
    got, want = np.asarray(got), np.asarray(want)
    if got.shape != want.shape:
        return [f"{what}: shape {got.shape} != Keras {want.shape}"]
    if got.dtype != want.dtype:
        return [f"{what}: dtype {got.dtype} != Keras {want.dtype}"]
    problems = []
    if got.dtype.kind == "f":
        nan_got, nan_want = np.isnan(got), np.isnan(want)
        if not np.array_equal(nan_got, nan_want):
            problems.append(
                f"{what}: NaN at {np.argwhere(nan_got != nan_want)[:5].tolist()} differ "
                f"(ours NaN: {int(nan_got.sum())}, Keras NaN: {int(nan_want.sum())})"
            )
        ok = ~(nan_got | nan_want)
        g, w = got[ok].astype(np.float64), want[ok].astype(np.float64)
        tol = tolerance(got.dtype)
        if not np.allclose(g, w, **tol):
            worst = int(np.argmax(np.abs(g - w) - tol["rtol"] * np.abs(w)))
            problems.append(
                f"{what}: values differ beyond {tol}; worst ours={g[worst]!r} Keras={w[worst]!r}"
            )
    elif not np.array_equal(got, want):
        problems.append(f"{what}: values differ: ours {got.ravel()[:8]} Keras {want.ravel()[:8]}")
    return problems


# -- random cases ---------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Case:
    """One parity case: a layer, its arguments, and the input's description."""

    seed: int
    index: int
    layer: str
    kwargs: dict  # our constructor arguments (pool_size, strides, padding, ...)
    input_shape: tuple
    input_dtype: str
    nan: bool  # put NaN into some input cells
    symbolic_shape: tuple  # the keras_input() shape (no batch), maybe with None

    @property
    def info(self) -> LayerInfo:
        return LAYERS[self.layer]

    def describe(self) -> str:
        return (
            f"case {self.index} (seed {self.seed}): {self.layer}(**{self.kwargs!r}) on "
            f"{self.input_dtype}{list(self.input_shape)}{' with NaN' if self.nan else ''}; "
            f"symbolic shape {self.symbolic_shape}"
        )

    def make_input(self) -> np.ndarray:
        rng = np.random.default_rng([self.seed, self.index])
        if np.dtype(self.input_dtype).kind == "i":
            x = rng.integers(-50, 50, size=self.input_shape)
        else:
            x = rng.standard_normal(self.input_shape) * 3
            if self.nan and x.size:
                x[rng.random(self.input_shape) < 0.1] = np.nan
        return x.astype(self.input_dtype)

    @property
    def data_format(self) -> str:
        return self.kwargs.get("data_format") or "channels_last"

    def keras_kwargs(self, symbolic: bool = False) -> dict:
        """Keras's constructor arguments: the same, with the default data format spelled
        out; symbolic Keras only understands lowercase padding."""
        kwargs = dict(self.kwargs)
        kwargs["data_format"] = self.data_format
        if symbolic and "padding" in kwargs:
            kwargs["padding"] = kwargs["padding"].lower()
        return kwargs


def _size_tuple(rng, rank, low, high):
    return tuple(int(v) for v in rng.integers(low, high + 1, rank))


def random_case(seed: int, index: int) -> Case:
    rng = np.random.default_rng([seed, index, 1])
    info = list(LAYERS.values())[index % len(LAYERS)]  # every layer equally often
    rank = info.rank
    max_size = {1: 12, 2: 8, 3: 5}[rank]
    spatial = _size_tuple(rng, rank, 1, max_size)
    kwargs: dict = {}
    if info.is_global:
        if rng.random() < 0.5:
            kwargs["keepdims"] = bool(rng.integers(2))
    else:
        pool = _size_tuple(rng, rank, 1, 4)
        kwargs["pool_size"] = pool if (rank > 1 and rng.random() < 0.6) else pool[0]
        if not isinstance(kwargs["pool_size"], tuple):
            pool = (pool[0],) * rank
        choice = rng.integers(4)
        if choice == 1:
            kwargs["strides"] = int(rng.integers(1, 5))
        elif choice == 2:
            kwargs["strides"] = _size_tuple(rng, rank, 1, 4)
        elif choice == 3:  # larger than the pool
            kwargs["strides"] = tuple(k + int(rng.integers(1, 3)) for k in pool)
        kwargs["padding"] = str(rng.choice(PADDINGS))
        if rng.random() < 0.75:  # mostly windows that fit; sometimes ones that do not
            spatial = tuple(max(s, k) for s, k in zip(spatial, pool))
    data_format = ["channels_last", "channels_first", None][rng.integers(3)]
    if data_format is not None:
        kwargs["data_format"] = data_format
    layer_dtype = rng.choice(["default", "default", "default", "float32", "float16"])
    if layer_dtype != "default":
        kwargs["dtype"] = str(layer_dtype)
    input_dtype = str(rng.choice(["float32", "float32", "float16", "float64", "int32"]))
    channels = int(rng.integers(1, 4))
    batch = int(rng.integers(1, 4))
    cl = (data_format or "channels_last") == "channels_last"
    shape = (batch, *spatial, channels) if cl else (batch, channels, *spatial)
    symbolic = list(shape[1:])
    if rng.random() < 0.25:  # an unknown spatial size
        symbolic[spatial_axes(len(shape), data_format or "channels_last")[0] - 1] = None
    return Case(
        seed, index, info.name, kwargs, shape, input_dtype,
        nan=input_dtype != "int32" and rng.random() < 0.2, symbolic_shape=tuple(symbolic),
    )


def random_cases(seed: int, n: int) -> list[Case]:
    return [random_case(seed, i) for i in range(n)]


def keras_class(keras, name: str):
    return getattr(keras.layers, name)


def keras_eager(keras, layer, x):
    """Keras's eager result of `layer(x)` as a NumPy array."""
    return np.asarray(keras.ops.convert_to_numpy(layer(x)))


def keras_results(keras, cases: list[Case], group: int = 50) -> list:
    """Keras's outputs for `cases` (an array, or the exception Keras raised).

    The layer calls of `group` cases are traced into one `jax.jit` function: the same
    Keras code on the same backend, but one XLA compilation per group instead of one per
    op and case (eager Keras compiles every op for every new shape, ~0.1 s a case).
    `check_jit_matches_eager` confirms on a sample that this changes no result.
    """
    import jax

    results: list = []
    for start in range(0, len(cases), group):
        chunk = cases[start:start + group]
        layers = [keras_class(keras, c.layer)(**c.keras_kwargs()) for c in chunk]
        inputs = [c.make_input() for c in chunk]
        try:
            outs = jax.jit(lambda xs, layers=layers: [f(x) for f, x in zip(layers, xs)])(inputs)
            results += [np.asarray(o) for o in outs]
        except Exception:  # noqa: BLE001  (find the case that Keras refuses)
            for layer, x in zip(layers, inputs):
                try:
                    results.append(keras_eager(keras, layer, x))
                except Exception as e:  # noqa: BLE001
                    results.append(e)
    return results


def check_case(keras, case: Case, want) -> list[str]:
    """Check one case against Keras's eager output `want`; return its problems."""
    info = case.info
    if isinstance(want, Exception):
        return [f"Keras raised {type(want).__name__}: {want}"]
    problems: list[str] = []
    x = case.make_input()
    before = x.copy()
    layer = info.ours(**case.kwargs)
    empty = want.size == 0
    if empty:  # a window bigger than the input under "valid": we raise instead
        try:
            got = layer(x)
        except ValueError as e:
            if "`pool_size`" not in str(e):
                problems.append(f"ValueError does not name `pool_size`: {e}")
        except Exception as e:  # noqa: BLE001
            problems.append(f"raised {type(e).__name__} instead of ValueError: {e}")
        else:
            problems.append(f"returned shape {got.shape} where Keras gives an empty array")
    else:
        try:
            got = layer(x)
        except Exception as e:  # noqa: BLE001
            problems.append(f"raised {type(e).__name__}: {e}")
        else:
            if not isinstance(got, rk.Tensor):
                problems.append(f"returned {type(got).__name__}, not a Tensor")
            problems += compare_arrays(got, want)
            dtype = expected_dtype(info.mode, case.input_dtype, case.kwargs.get("dtype"))
            if np.asarray(got).dtype != dtype:
                problems.append(f"dtype {np.asarray(got).dtype} != expected {dtype}")
            shape = expected_concrete(case)
            if np.shape(got) != shape:
                problems.append(f"shape {np.shape(got)} != expected {shape}")
    if not np.array_equal(x, before, equal_nan=True):
        problems.append("the input array was modified")
    problems += check_symbolic(keras, case, want.dtype, empty)
    return problems


def check_symbolic(keras, case: Case, eager_dtype, empty: bool) -> list[str]:
    """Our `layer(keras_input(...))` against Keras's `compute_output_shape` and its
    symbolic call on `keras.Input`.

    The dtype is compared with Keras's eager dtype: for integer inputs Keras's symbolic
    dtype is the layer's compute dtype (e.g. float32 for MaxPooling of int32), while its
    eager result (and ours, both ways) keeps int32.
    """
    info = case.info
    problems: list[str] = []
    batch_shape = (None, *case.symbolic_shape)
    sym_layer = keras_class(keras, info.name)(**case.keras_kwargs(symbolic=True))
    try:
        want_shape = tuple(sym_layer.compute_output_shape(batch_shape))
        want_tensor = sym_layer(keras.Input(shape=case.symbolic_shape, dtype=case.input_dtype))
    except ValueError:
        want_shape = want_tensor = None
    layer = info.ours(**case.kwargs)
    try:
        got = layer(rk.keras_input(shape=case.symbolic_shape, dtype=case.input_dtype))
    except ValueError as e:
        if want_shape is not None:
            problems.append(f"symbolic: ValueError where Keras gives {want_shape}: {e}")
        elif "`pool_size`" not in str(e):
            problems.append(f"symbolic: ValueError does not name `pool_size`: {e}")
        return problems
    except Exception as e:  # noqa: BLE001
        return [f"symbolic: raised {type(e).__name__}: {e}"]
    if want_shape is None:
        return [f"symbolic: gave {got.shape} where Keras raises ValueError"]
    if not isinstance(got, rk.KerasTensor):
        problems.append(f"symbolic: returned {type(got).__name__}, not a KerasTensor")
    if tuple(got.shape) != want_shape:
        problems.append(f"symbolic: shape {got.shape} != Keras compute_output_shape {want_shape}")
    if tuple(got.shape) != tuple(want_tensor.shape):
        problems.append(f"symbolic: shape {got.shape} != Keras symbolic {want_tensor.shape}")
    if np.dtype(case.input_dtype).kind == "f" and got.dtype != want_tensor.dtype:
        problems.append(f"symbolic: dtype {got.dtype} != Keras symbolic {want_tensor.dtype}")
    if got.dtype != np.dtype(eager_dtype).name:
        problems.append(f"symbolic: dtype {got.dtype} != Keras eager dtype {eager_dtype}")
    if not empty:
        concrete = expected_concrete(case)
        if not shape_matches(got.shape, concrete):
            problems.append(f"symbolic: shape {got.shape} does not fit eager shape {concrete}")
    return problems


def expected_concrete(case: Case):
    info = case.info
    if info.is_global:
        return expected_global_shape(
            case.input_shape, case.data_format, case.kwargs.get("keepdims", False)
        )
    k = case.kwargs["pool_size"]
    pool = k if isinstance(k, tuple) else (k,) * info.rank
    s = case.kwargs.get("strides")
    strides = pool if s is None else (s if isinstance(s, tuple) else (s,) * info.rank)
    return expected_windowed_shape(
        case.input_shape, pool, strides, case.kwargs["padding"].lower(), case.data_format
    )


def shape_matches(symbolic, concrete) -> bool:
    """A symbolic shape fits a concrete one: equal where known (batch always unknown)."""
    return len(symbolic) == len(concrete) and all(
        s is None or s == c for s, c in zip(symbolic, concrete)
    )


def parity_seed() -> int:
    return int(os.environ.get("RSTYLE_PARITY_SEED", "20240601"))


def replay(seed: int, index: int) -> list[str]:
    """The problems of one random case, checked alone (Keras run eagerly)."""
    keras = import_keras()
    case = random_case(seed, index)
    klayer = keras_class(keras, case.layer)(**case.keras_kwargs())
    try:
        want = keras_eager(keras, klayer, case.make_input())
    except Exception as e:  # noqa: BLE001
        want = e
    print(case.describe())
    return check_case(keras, case, want)


if __name__ == "__main__":
    import sys

    print(replay(int(sys.argv[1]), int(sys.argv[2])) or "no problems")
