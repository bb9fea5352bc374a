"""Property-based tests of the 12 `layer_*()` pooling functions, called eagerly with random
argument values (valid and not) and random inputs.

For every call, either
* it succeeds: the result is a Tensor of the expected shape and dtype, equal to Keras's
  (real Keras 3 on JAX when importable, else the slow reference kernel); or
* it raises ValueError/TypeError whose message names (in backticks) an argument that was
  wrong: `pool_size`, `strides`, `padding`, `data_format`, `keepdims`, `dtype`, `inputs`,
  `object`, or an unknown keyword.
Nothing else may be raised, and the input array is never modified (read-only inputs work).

Which arguments are wrong is decided here, from the documented rules, independently of
the package: sizes are positive integers or whole-number floats (R doubles), one (a
number, or R's `c(v)`: a tuple of one) or one per spatial axis; padding is "valid"/"same"
in any case; data_format is "channels_last"/"channels_first" in any case or None.
"""

from __future__ import annotations

import math
import numbers
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import event as hypothesis_event
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from rstyle_keras import Tensor
from tests import reference_pooling
from tests.keras_reference import (
    LAYERS,
    WINDOWED,
    expected_dtype,
    expected_global_shape,
    expected_windowed_shape,
    import_keras,
    spatial_axes,
)

keras = import_keras()  # optional here: without Keras, values are checked against the
# reference kernel (tests/reference_pooling.py) instead.

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
INPUT_DTYPES = ["float16", "float32", "float64", "int32", "int64", "uint8", "bool"]
LAYER_DTYPES = [None, "float16", "float32", "float64", "mixed_float16", np.float32,
                "int32", "bfloat16", "float8", 3, ""]
VALID_LAYER_DTYPES = {None: None, "float16": "float16", "float32": "float32",
                      "float64": "float64", "mixed_float16": "mixed_float16",
                      np.float32: "float32"}

# -- argument strategies ---------------------------------------------------------------------
non_integer_floats = st.floats(-8, 8).map(lambda v: v + 0.5 if float(v).is_integer() else v)
size_items = st.one_of(
    st.integers(1, 4),  # valid
    st.integers(1, 4).map(float),  # whole-number floats: R doubles, valid
    st.integers(1, 4).map(np.int64),
    st.integers(-3, 0),  # zero and negatives
    st.sampled_from([0.0, -2.0, math.nan, math.inf, -math.inf]),
    non_integer_floats,
    st.booleans(),
    st.none(),
    st.text(max_size=3),
)
sizes = st.one_of(
    size_items,
    st.lists(size_items, max_size=4),
    st.lists(size_items, max_size=4).map(tuple),
    st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple),  # mostly right length
)
paddings = st.one_of(
    st.sampled_from(["valid", "same", "VALID", "SAME", "Valid", "Same", "vaLID"]),
    st.text(max_size=6),
    st.none(),
    st.integers(0, 2),
)
data_formats = st.one_of(
    st.sampled_from(
        ["channels_last", "channels_first", "Channels_Last", "CHANNELS_FIRST", None]
    ),
    st.text(max_size=15),
    st.integers(0, 2),
)
keepdims_values = st.one_of(st.booleans(), st.sampled_from([0, 1, None, "TRUE", np.bool_(True)]))


# -- the oracle: which arguments are wrong ----------------------------------------------------
def valid_size_item(v) -> bool:
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, numbers.Real):
        return False
    if isinstance(v, numbers.Integral):
        return v > 0
    return math.isfinite(v) and float(v).is_integer() and v > 0


def size_tuple(value, n):
    """The value as n positive ints, or None when it is not a valid size. A tuple of one is
    R's `c(v)`, which is `v` (R has no scalars); a list of one is an R list, kept as is."""
    if isinstance(value, tuple) and len(value) == 1:
        value = value[0]
    if isinstance(value, (list, tuple)):
        if len(value) == n and all(valid_size_item(v) for v in value):
            return tuple(int(v) for v in value)
        return None
    return (int(value),) * n if valid_size_item(value) else None


def lower_in(value, allowed):
    return value.lower() if isinstance(value, str) and value.lower() in allowed else None


valid_sizes = st.one_of(
    st.integers(1, 4),
    st.integers(1, 4).map(float),
    st.integers(1, 4).map(np.int64),
    st.lists(st.one_of(st.integers(1, 4), st.integers(1, 4).map(float)), min_size=1,
             max_size=3).map(tuple),
)
valid_paddings = st.sampled_from(["valid", "same", "VALID", "SAME", "Valid", "Same", "vaLID"])
valid_data_formats = st.sampled_from(
    ["channels_last", "channels_first", "Channels_Last", "CHANNELS_FIRST", None]
)


@st.composite
def calls(draw):
    """(layer info, kwargs, input) of one random call; about half of them are drawn from
    valid values only (so that many calls compute), the rest from anything."""
    info = draw(st.sampled_from(list(LAYERS.values())))
    valid = draw(st.booleans())
    kwargs = {}
    if not info.is_global:
        if draw(st.booleans()) or info.mode == "average":
            kwargs["pool_size"] = draw(valid_sizes if valid else sizes)
        if draw(st.booleans()):
            kwargs["strides"] = draw(st.one_of(st.none(), valid_sizes if valid else sizes))
        if draw(st.booleans()):
            kwargs["padding"] = draw(valid_paddings if valid else paddings)
    elif draw(st.booleans()):
        kwargs["keepdims"] = draw(st.booleans() if valid else keepdims_values)
    if draw(st.booleans()):
        kwargs["data_format"] = draw(valid_data_formats if valid else data_formats)
    if draw(st.integers(0, 4)) == 0:
        kwargs["dtype"] = draw(st.sampled_from(LAYER_DTYPES[:6] if valid else LAYER_DTYPES))
    if not valid and draw(st.integers(0, 9)) == 0:  # an argument the layer does not have
        unknown = ["foo", "pool_size" if info.is_global else "keepdims"]
        kwargs[draw(st.sampled_from(unknown))] = 1
    x = draw(inputs(info, valid))
    return info, kwargs, x


@st.composite
def inputs(draw, info, valid=False):
    if valid:
        shape = tuple(draw(st.integers(1, 6)) for _ in range(info.input_ndim))
    else:
        rank = draw(st.one_of(st.just(info.input_ndim), st.integers(0, 6)))
        shape = tuple(
            draw(st.one_of(st.integers(1, 6), st.integers(0, 2))) for _ in range(rank)
        )
    assume(math.prod(shape) <= 5000)
    dtype = draw(st.sampled_from(INPUT_DTYPES))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if dtype == "bool":
        x = np.asarray(rng.random(shape) < 0.5)
    elif np.dtype(dtype).kind in "iu":
        x = np.asarray(rng.integers(0 if dtype == "uint8" else -100, 100, size=shape), dtype)
    else:
        x = np.asarray(rng.standard_normal(shape) * 3, dtype)
        if draw(st.booleans()):
            x[rng.random(shape) < 0.15] = np.nan
    forms = ["array", "array", "read-only", "Tensor", "list"] + ([] if valid else ["scalar"])
    form = draw(st.sampled_from(forms))
    if form == "read-only":
        x.setflags(write=False)
    elif form == "Tensor":
        x = Tensor(x)
    elif form == "list":
        x = x.tolist()
    elif form == "scalar":
        x = float(x.ravel()[0]) if x.size and x.dtype.kind == "f" else 1.5
    return x


def analyse(info, kwargs, x):
    """(names that may be blamed, normalized arguments or None when the call must fail)."""
    n = info.rank
    wrong: set[str] = set()
    maybe: set[str] = set()  # may be refused (with an error naming it) or accepted
    args = {}
    for key in kwargs:
        allowed = ("strides", "padding", "pool_size") if not info.is_global else ("keepdims",)
        if key not in (*allowed, "data_format", "dtype"):
            wrong.add(key)
    if not info.is_global:
        pool = kwargs.get("pool_size")
        if pool is None:
            pool = 2 if info.mode == "max" else None
        args["pool_size"] = size_tuple(pool, n) if pool is not None else None
        if args["pool_size"] is None:
            wrong.add("pool_size")
        strides = kwargs.get("strides")
        args["strides"] = args["pool_size"] if strides is None else size_tuple(strides, n)
        if strides is not None and args["strides"] is None:
            wrong.add("strides")
        args["padding"] = lower_in(kwargs.get("padding", "valid"), ("valid", "same"))
        if args["padding"] is None:
            wrong.add("padding")
    else:
        keepdims = kwargs.get("keepdims", False)
        if isinstance(keepdims, bool):
            args["keepdims"] = keepdims
        elif isinstance(keepdims, np.bool_):
            maybe.add("keepdims")
            args["keepdims"] = bool(keepdims)
        else:
            wrong.add("keepdims")
    data_format = kwargs.get("data_format")
    args["data_format"] = (
        "channels_last" if data_format is None
        else lower_in(data_format, ("channels_last", "channels_first"))
    )
    if args["data_format"] is None:
        wrong.add("data_format")
    dtype = kwargs.get("dtype")
    if any(dtype is d or (isinstance(dtype, str) and dtype == d) for d in VALID_LAYER_DTYPES):
        args["dtype"] = VALID_LAYER_DTYPES[dtype]
    else:
        wrong.add("dtype")

    # The input.
    if not isinstance(x, (np.ndarray, Tensor, list)):
        wrong.add("object")
        return wrong | maybe, None
    array = np.asarray(x)
    # Keras's windowed average refuses bools; its global average (a mean) takes them.
    accepted = "iuf" if info.mode == "average" and not info.is_global else "biuf"
    if array.ndim != info.input_ndim or array.dtype.kind not in accepted:
        wrong.add("inputs")
    elif args["data_format"] is not None:
        axes = spatial_axes(array.ndim, args["data_format"])
        if any(array.shape[a] == 0 for a in axes):
            if info.is_global and info.mode == "average":
                maybe.add("inputs")  # Keras gives NaN; refusing is fine too
            else:
                wrong.add("inputs")
        if not info.is_global and args["pool_size"] and args["strides"] and (
            args["padding"] == "valid"
        ) and (
            expected_windowed_shape(
                array.shape, args["pool_size"], args["strides"], "valid", args["data_format"]
            ) is None
        ):
            wrong.add("pool_size")  # a window larger than the input (or an empty axis)
    return wrong | maybe, (None if wrong else args)


def event(text: str) -> None:
    """Count outcomes (see `--hypothesis-show-statistics`); a no-op outside @given."""
    try:
        hypothesis_event(text)
    except InvalidArgument:
        pass


# -- the expected result ---------------------------------------------------------------------
def keras_result(info, args, array):
    """Keras's output, or None when Keras isn't importable."""
    if keras is None:
        return None
    import jax

    kwargs = {k: v for k, v in args.items() if k != "dtype"}
    if args["dtype"] is not None:
        kwargs["dtype"] = args["dtype"]
    layer = getattr(keras.layers, info.name)(**kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.asarray(jax.jit(layer)(array))


def reference_result(info, args, array, out_dtype):
    """The result by the slow reference kernel / NumPy, in float64 where that is exact."""
    cast = array.astype(out_dtype) if array.dtype.kind == "f" or info.mode == "average" else array
    if info.is_global:
        axes = spatial_axes(array.ndim, args["data_format"])
        if info.mode == "max":
            return np.max(cast, axis=axes, keepdims=args["keepdims"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return np.mean(cast, axis=axes, keepdims=args["keepdims"], dtype=np.float64)
    return reference_pooling.pool(
        cast, info.mode, args["pool_size"], args["strides"], args["padding"],
        args["data_format"] == "channels_last",
    )


def check_values(got, want, out_dtype, same_dtype: bool):
    got = np.asarray(got)
    if same_dtype:
        assert got.dtype == want.dtype, (got.dtype, want.dtype)
    assert got.shape == want.shape
    if got.dtype.kind == "f":
        np.testing.assert_array_equal(np.isnan(got), np.isnan(want), err_msg="NaN positions")
        tol = {"rtol": 1e-2, "atol": 1e-2} if out_dtype == np.float16 else {
            "rtol": 1e-6, "atol": 1e-6}
        ok = ~np.isnan(got)
        np.testing.assert_allclose(got[ok].astype(np.float64), want[ok].astype(np.float64),
                                   **tol)
    else:
        np.testing.assert_array_equal(got, want.astype(got.dtype))


def check_call(info, kwargs, x):
    blame, args = analyse(info, kwargs, x)
    before = np.array(x, copy=True) if isinstance(x, (np.ndarray, Tensor)) else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # mean of an empty slice
        try:
            got = info.function(x, **kwargs)
        except (ValueError, TypeError) as e:
            message = str(e)
            assert blame, f"{type(e).__name__} for a valid call: {message}"
            assert any(f"`{name}`" in message for name in blame), (
                f"the error names none of {sorted(blame)}: {type(e).__name__}: {message}"
            )
            event(f"{type(e).__name__} naming {sorted(n for n in blame if f'`{n}`' in message)}")
            got = None
    if before is not None:
        assert np.array_equal(np.asarray(x), before, equal_nan=before.dtype.kind == "f"), (
            "the input was modified"
        )
    if got is None:
        return
    assert args is not None, f"accepted a call where {sorted(blame)} is wrong: {got!r}"
    assert isinstance(got, Tensor)
    array = np.asarray(x)
    if isinstance(x, list):  # Python data takes Keras's defaults: int32 and float32
        array = array.astype({"int64": "int32", "float64": "float32"}.get(array.dtype.name,
                                                                           array.dtype))
    out_dtype = expected_dtype(info.mode, array.dtype, args["dtype"])
    assert got.dtype == out_dtype
    if info.is_global:
        shape = expected_global_shape(array.shape, args["data_format"], args["keepdims"])
    else:
        shape = expected_windowed_shape(
            array.shape, args["pool_size"], args["strides"], args["padding"], args["data_format"]
        )
    assert got.shape == shape
    event(f"computed ({'eager array' if before is not None else type(x).__name__})")
    # Keras-JAX has no float64/int64 (x64 is off): compare values only, there.
    same_dtype = array.dtype != np.int64 and args["dtype"] != "float64"
    # Keras-JAX averages small integers (uint8) in their own dtype, so the sums wrap around
    # (a Keras bug: uint8 [85, 63, 51, 26, 30, 4, 7, 1] averages to 1.375): use the reference.
    small_ints = array.dtype.kind in "iu" and array.dtype.itemsize < 4
    want = None if small_ints and info.mode == "average" else keras_result(info, args, array)
    if want is None:
        want, same_dtype = reference_result(info, args, array, out_dtype), False
    check_values(got, want, out_dtype, same_dtype)


@SETTINGS
@given(calls())
def test_every_call_matches_keras_or_names_the_wrong_argument(call):
    check_call(*call)


# -- sizes far beyond the input ----------------------------------------------------------------
HUGE = [2**31 - 1, 2**31, 2**32 + 1, 2**62, 2**63, 2**64, 10**30, 1e20, 1e300]


@SETTINGS
@example(info=LAYERS["AveragePooling1D"], pool=10**30, strides=None, padding="same", seed=0)
@example(info=LAYERS["MaxPooling2D"], pool=2, strides=2**63, padding="valid", seed=0)
@given(
    info=st.sampled_from(WINDOWED),
    pool=st.one_of(st.integers(1, 3), st.sampled_from(HUGE)),
    strides=st.one_of(st.none(), st.integers(1, 3), st.sampled_from(HUGE)),
    padding=st.sampled_from(["valid", "same"]),
    seed=st.integers(0, 2**16),
)
def test_huge_pool_sizes_and_strides(info, pool, strides, padding, seed):
    """A pool size or stride far larger than the input (even beyond int64) either gives
    the right result (one window over the whole axis / the first window) or raises an
    error naming the argument; never a NumPy error about array sizes."""
    x = np.random.default_rng(seed).standard_normal((2, *(3,) * info.rank, 2)).astype("f4")
    try:
        got = info.function(x, pool_size=pool, strides=strides, padding=padding)
    except (ValueError, TypeError) as e:
        named = [f"`{a}`" in str(e) for a in ("pool_size", "strides")]
        assert any(named), f"{type(e).__name__} names neither argument: {e}"
        if padding == "valid" and pool > 3:
            return  # the window does not fit: an error naming `pool_size` is right
        pytest.fail(f"refused a valid call: {type(e).__name__}: {e}")
    assert not (padding == "valid" and pool > 3), "a window larger than the input was accepted"
    # Every axis has 3 cells: a stride of 3 or more leaves one window, and under "same"
    # a window of 16 cells already covers the whole axis from every position (checked
    # against Keras for windows up to 20), so the reference at those sizes is the answer.
    k = (min(int(pool), 16),) * info.rank
    s = (min(int(pool if strides is None else strides), 3),) * info.rank
    want = reference_pooling.pool(x, info.mode, k, s, padding, True)
    np.testing.assert_allclose(np.asarray(got), want, rtol=1e-6, atol=1e-6)


# -- an empty spatial axis -------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        info.name for info in LAYERS.values()
    ],
)
@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_pooling_an_empty_spatial_axis(name, data_format):
    """Keras gives NaN (global average), raises (global max: "zero-size array to reduction
    operation max") or an empty array (windowed, "same"); ours may refuse, but must then
    name `inputs`. A global average may instead give Keras's NaN."""
    info = LAYERS[name]
    spatial = (3, 0, 2)[: info.rank] if info.rank > 1 else (0,)
    shape = (2, *spatial, 3) if data_format == "channels_last" else (2, 3, *spatial)
    x = np.ones(shape, "float32")
    kwargs = {"data_format": data_format}
    if not info.is_global:
        kwargs.update(pool_size=1, padding="same")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            got = info.function(x, **kwargs)
    except (ValueError, TypeError) as e:
        assert "`inputs`" in str(e), f"{type(e).__name__} does not name `inputs`: {e}"
        return
    assert info.is_global and info.mode == "average", f"accepted: {got!r}"
    assert got.shape == (2, 3) and np.isnan(np.asarray(got)).all()


# -- layer dtypes that are not policy names ----------------------------------------------------
@pytest.mark.parametrize(
    "dtype, want",
    [
        (float, "float32"),  # Keras: floatx, not float64
        ("float", None),  # Keras: ValueError (not a policy)
        ("double", None),
        ("f4", None),
        ("float32", "float32"),
        ("mixed_float16", "float16"),
        ("int8", None),
    ],
)
def test_layer_dtype_spellings_follow_keras(dtype, want):
    """`dtype=` values beyond the documented names: Keras maps Python's `float` to float32
    and refuses strings that are not policy names; ours must give Keras's dtype or raise
    an error naming `dtype`."""
    x = np.ones((1, 2, 1), "float16")
    try:
        got = LAYERS["GlobalAveragePooling1D"].function(x, dtype=dtype)
    except (ValueError, TypeError) as e:
        assert "`dtype`" in str(e)
        return
    assert want is not None, f"dtype={dtype!r} accepted (as {got.dtype}); Keras refuses it"
    assert got.dtype == want


# -- explicit examples of the rules above ------------------------------------------------------
@pytest.mark.parametrize(
    "kwargs, blamed",
    [
        ({"pool_size": 2.0}, None),
        ({"pool_size": (2.0, 1)}, None),
        ({"pool_size": 2.5}, "pool_size"),
        ({"pool_size": 0}, "pool_size"),
        ({"pool_size": -1}, "pool_size"),
        ({"pool_size": (2, 2, 2)}, "pool_size"),
        ({"pool_size": "2"}, "pool_size"),
        ({"pool_size": None}, "pool_size"),
        ({"pool_size": True}, "pool_size"),
        ({"pool_size": math.nan}, "pool_size"),
        ({"pool_size": 2, "strides": 0}, "strides"),
        ({"pool_size": 2, "strides": 1.5}, "strides"),
        ({"pool_size": 2, "strides": [1]}, "strides"),  # an R list of one: Keras refuses it
        ({"pool_size": 2, "padding": "full"}, "padding"),
        ({"pool_size": 2, "padding": None}, "padding"),
        ({"pool_size": 2, "padding": "SAME"}, None),
        ({"pool_size": 2, "data_format": "NHWC"}, "data_format"),
        ({"pool_size": 2, "data_format": "Channels_First"}, None),
        ({"pool_size": 9}, "pool_size"),  # larger than the input under "valid"
    ],
)
def test_argument_examples(kwargs, blamed):
    x = np.arange(2 * 5 * 6 * 3, dtype="float32").reshape(2, 5, 6, 3)
    x.setflags(write=False)
    info = LAYERS["AveragePooling2D"]
    assert analyse(info, kwargs, x)[0] == ({blamed} if blamed else set())
    check_call(info, kwargs, x)


def test_read_only_inputs_work_everywhere():
    for info in LAYERS.values():
        x = np.random.default_rng(0).standard_normal((2, *(4,) * info.rank, 3)).astype("f4")
        x.setflags(write=False)
        kwargs = {} if info.is_global else {"pool_size": 2, "padding": "same", "strides": 1}
        check_call(info, kwargs, x)
